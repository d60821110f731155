"""Session 29: wire-style sentences the coder missed or misread: titles of one word before a single
name ("Pope Francis"), past forms the tagger read as nouns or adjectives, an opposition figure's
criticism of their own government, humanitarian supplies sent, a deed claimed as the claimer's,
a denunciation of a deed as an accusation of its doer, a clause opened by "after" that the parse
took for a phrase, "it" in what a statement says, and tributes among people of no political
standing.

The sentences are written for these tests (made-up situations between real states and made-up
people and groups), not taken from any article.
"""

from __future__ import annotations

from .events_helpers import analyse, coded
from .events_helpers import pairs_of as _of


def _people(body: str) -> set[str]:
    return {e.name for e in analyse(body).entities if e.type == "PERSON"}


def test_a_religious_or_royal_title_before_one_name_makes_a_person() -> None:
    assert "Ortega" in _people("Patriarch Ortega criticised Peru on Sunday.")
    body = "Pope Ortega met Ana Ruiz in Lima. The pope criticised Peru."
    assert (("Ortega",), ("Peru",)) in _of(body, "ACCUSE")


def test_a_past_form_read_as_a_noun_or_an_adjective_is_a_verb() -> None:
    assert _of("Chilean President Juan Ortega apologized to Peru.", "SUPPORT") == {
        (("Juan Ortega", "Chile"), ("Peru",))
    }
    assert _of("Peru eased restrictions on Chilean imports.", "CONCEDE") == {(("Peru",), ("Chile",))}


def test_an_opposition_figure_criticises_their_own_government() -> None:
    body = "Chilean opposition leader Juan Ortega criticized the Chilean government."
    assert _of(body, "ACCUSE") == {(("Juan Ortega",), ("Chile",))}
    # a senator of the state stays on its side: no act within one side
    assert not _of("Chilean senator Juan Ortega accused the government of Chile of corruption.", "ACCUSE")


def test_humanitarian_supplies_sent_are_aid_and_stopped_supplies_a_sanction() -> None:
    assert _of("Chile sent humanitarian supplies to Peru on Monday.", "AID") == {(("Chile",), ("Peru",))}
    assert _of("Chile halted medical supplies to Peru.", "SANCTION") == {(("Chile",), ("Peru",))}


def test_a_claimed_deed_is_the_claimers_and_hits_the_place_it_names() -> None:
    body = "The Andean Front claimed responsibility for the bombing in Cusco, Peru."
    assert {src for src, tgt in _of(body, "ASSAULT") if "Cusco" in tgt} == {("Andean Front",)}


def test_denouncing_a_deed_accuses_its_doer() -> None:
    for body in (
        "Peru criticised Chile's sanctions.",
        "Peru criticised the sanctions imposed by Chile.",
        "The sanctions, imposed by Chile last year, were criticised by Peru.",
    ):
        assert _of(body, "ACCUSE") == {(("Peru",), ("Chile",))}, body
        assert not _of(body, "SUPPORT"), body
    # denouncing what was done to someone still backs them (PETRARCH's reading)
    assert _of("Peru criticised the sanctions on Bolivia.", "SUPPORT") == {(("Peru",), ("Bolivia",))}


def test_a_clause_opened_by_after_shares_the_main_subject() -> None:
    body = (
        "After meeting Chilean President Juan Ortega on Monday, Peruvian President Ana Ruiz said the two"
        " countries would cooperate."
    )
    assert {src for src, _ in _of(body, "CONSULT")} == {("Ana Ruiz",)}


def test_it_in_what_a_statement_says_is_who_made_the_statement() -> None:
    body = "The Andean Front said in a statement that it had carried out the attack on Peru."
    assert _of(body, "ASSAULT") == {(("Andean Front",), ("Peru",))}


def test_a_demonym_before_migrants_boats_or_posts_names_the_state() -> None:
    assert _of("Peru deported 50 Bolivian migrants.", "COERCE") == {(("Peru",), ("Bolivia",))}
    assert _of("Chile confiscated Peruvian fishing boats.", "COERCE") == {(("Chile",), ("Peru",))}


def test_coordinated_sides_resume_relations_with_each_other() -> None:
    assert _of("Chile and Bolivia resumed diplomatic relations.", "SUPPORT") == {
        (("Chile",), ("Bolivia",)),
        (("Bolivia",), ("Chile",)),
    }


def test_a_tribute_among_private_people_is_no_political_act() -> None:
    body = 'Actor Juan Ortega said of Pedro Soto, "He was a gentle soul and a brilliant artist."'
    assert not [e for e in coded(body) if e[0] == "SUPPORT"]
    body = 'Professor Pedro Soto called Juan Ortega "a brilliant and generous scientist".'
    assert not [e for e in coded(body) if e[0] == "SUPPORT"]


def test_praise_by_or_of_a_political_figure_stays() -> None:
    body = 'Chilean President Juan Ortega said of Pedro Soto, "He was a gentle soul and a great man."'
    assert _of(body, "SUPPORT") == {(("Juan Ortega",), ("Pedro Soto",))}
    body = 'Juan Ortega said of Senator Pedro Soto, "He was a gentle soul and a great man."'
    assert _of(body, "SUPPORT") == {(("Juan Ortega",), ("Pedro Soto",))}
    body = 'Senator Pedro Soto called Juan Ortega "a brilliant and generous scientist".'
    assert [e for e in coded(body) if e[0] == "SUPPORT"]


def _flags(body: str, typ: str) -> set[tuple[bool, bool]]:
    return {(e.negated, e.hypothetical) for ty, _, _, e in coded(body) if ty == typ}


def test_an_act_refrained_from_or_stopped_short_of_did_not_happen() -> None:
    for body in (
        "Chile stopped short of condemning Peru.",
        "Chile refrained from criticizing Peru.",
        "Chile avoided criticizing Peru.",
    ):
        assert _flags(body, "ACCUSE") == {(True, False)}, body
        assert not _of(body, "REJECT"), body  # (no refusal either)


def test_a_visit_called_off_is_no_visit_but_one_ended_took_place() -> None:
    for body in ("Chile postponed its visit to Peru.", "Chile called off its visit to Peru."):
        assert not _of(body, "CONSULT"), body
    assert _of("Chile ended its visit to Peru on Friday.", "CONSULT") == {(("Chile",), ("Peru",))}


def test_what_a_side_considers_or_proposes_is_its_own_act_hypothetical() -> None:
    assert _flags("Chile is considering sanctions against Peru.", "SANCTION") == {(False, True)}
    assert _of("Chile is considering sanctions against Peru.", "SANCTION") == {(("Chile",), ("Peru",))}
    assert _flags("Chile proposed talks with Peru.", "CONSULT") == {(False, True)}


def test_speaking_by_phone_is_a_call_between_both() -> None:
    assert _of("Juan Ortega and Ana Ruiz spoke by phone on Tuesday.", "CONSULT") == {
        (("Juan Ortega",), ("Ana Ruiz",))
    }
    assert _of("Juan Ortega spoke on the phone with Ana Ruiz.", "CONSULT") == {
        (("Juan Ortega",), ("Ana Ruiz",))
    }


def test_who_died_in_an_attack_is_its_target() -> None:
    body = "Juan Ortega died in an attack by the Andean Front."
    assert _of(body, "ASSAULT") == {(("Andean Front",), ("Juan Ortega",))}


def test_a_gerund_split_from_its_object_is_the_subject_not_the_object() -> None:
    # the parse makes "Peruvian diplomats" the subject of "harm": the expelling harms, not Peru
    assert not coded("Juan Ortega said expelling Peruvian diplomats would harm Chile.")
    # ... and what a quote says of such a subject is about the act, not the actor named in it
    assert not coded("Ana Ruiz argued that sanctioning Peru was a mistake.")


def test_charges_dropped_against_someone_are_a_concession_to_them() -> None:
    assert _of("Peru dropped all charges against Juan Ortega on Monday.", "CONCEDE") == {
        (("Peru",), ("Juan Ortega",))
    }
    assert not coded("Peru dropped out of the race.")


def test_a_hostile_act_threatened_is_a_threat_at_its_target() -> None:
    for body in (
        "Chile threatened sanctions against Peru.",
        "The Andean Front threatened attacks on Peruvian cities.",
    ):
        got = coded(body)
        assert [(ty, t) for ty, _, t, _ in got] == [("THREATEN", ["Peru"])], body


def test_a_gathering_verb_with_an_object_gathers_no_crowd() -> None:
    body = "Peru warned that it would take military action against the Andean Front."
    assert not _of(body, "ACCUSE") and not _of(body, "PROTEST")
    body = "Thousands of Peruvians took to the streets against the government of Peru."
    assert _of(body, "PROTEST")


def test_the_occasion_of_a_meeting_is_no_party_to_it() -> None:
    body = "Juan Ortega and Ana Ruiz met on the sidelines of the Andean Community summit in Quito."
    assert _of(body, "CONSULT") == {(("Juan Ortega",), ("Ana Ruiz",))}
    assert _of("Ana Ruiz attended a summit of the Andean Community in Quito.", "CONSULT") == {
        (("Ana Ruiz",), ("Andean Community",))
    }


def test_who_was_quoted_as_saying_is_the_speaker() -> None:
    ad = analyse("Juan Ortega was quoted as saying that Peru could not be trusted.")
    names = {e.id: e.name for e in ad.entities}
    assert [(q.kind, names.get(q.speaker or "")) for q in ad.quotes] == [("indirect", "Juan Ortega")]


def test_a_speaker_in_apposition_is_no_fronted_report() -> None:
    ad = analyse("The Peruvian president, Ana Ruiz, said on Twitter that Chile had lied.")
    assert [q.text for q in ad.quotes] == ["Chile had lied"]
    ad = analyse("Chile will not negotiate, Ana Ruiz said on Monday.")
    assert [q.text for q in ad.quotes] == ["Chile will not negotiate"]


def test_troops_a_state_masses_are_its_own() -> None:
    body = "Chilean President Juan Ortega met reporters in Santiago. He said Peru had massed troops there."
    ad = analyse(body)
    names = {e.id: e.name for e in ad.entities}
    assert [names[m.entity] for m in ad.mentions if m.text == "troops"] == ["Peru"]


def test_a_text_vetoed_is_not_the_vetoers_own_act() -> None:
    assert not _of("Chile vetoed a resolution condemning Peru.", "ACCUSE")
    assert _of("Chile published a report accusing Peru of torture.", "ACCUSE") == {(("Chile",), ("Peru",))}


def test_embargoes_placed_and_relations_downgraded_are_sanctions() -> None:
    assert _of("Peru placed an embargo on Chilean goods.", "SANCTION") == {(("Peru",), ("Chile",))}
    assert _of("Chile downgraded diplomatic relations with Peru.", "SANCTION") == {(("Chile",), ("Peru",))}
    assert not coded("Chile downgraded its growth forecast.")
