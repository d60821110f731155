"""Session 34: constructions found missing or wrong on unseen news (an audit of 24 more Wikinews
articles outside the dev set: stabbings and their trials, court rulings, trade blocs, marches).

The sentences are written for these tests (made-up situations between real states and made-up
people and groups), not taken from any article.
"""

from __future__ import annotations

from .events_helpers import analyse, coded
from .events_helpers import pairs_of as _of


def _entities(body: str) -> set[tuple[str, str]]:
    return {(e.type, e.name) for e in analyse(body).entities}


# ---- actors ------------------------------------------------------------------------------------------


def test_a_titled_surname_after_a_full_name_is_the_person_not_a_small_place() -> None:
    # (the gazetteer knows a small place called Kennedy)
    body = "Ana Kennedy was a senator for ten years. On Monday Senator Kennedy opposed the budget bill."
    assert ("PERSON", "Ana Kennedy") in _entities(body)
    assert not any(kind == "LOCATION" for kind, _ in _entities(body))


def test_the_place_keeps_its_name_where_words_around_it_call_it_a_place() -> None:
    body = "Ana Lima was a senator for ten years. On Monday she spoke in Lima about the budget bill."
    assert ("LOCATION", "Lima") in _entities(body)


# ---- events ------------------------------------------------------------------------------------------


def test_a_speaker_s_plans_for_their_own_party_accuse_no_one() -> None:
    body = (
        "On Sunday, Peruvian leader Ana Ruiz of the Andean Party declared intent to impose stricter "
        "punishment for child sexual abuse. Ruiz said the party was ready with amendments to the penal "
        "code for sentencing up to 30-year prison terms for child sexual abuse."
    )
    assert _of(body, "ACCUSE") == set()


def test_a_crowd_after_a_fronted_day_marched() -> None:
    body = "On Sunday, 200,000 Chileans marched in Santiago against the Chilean government."
    assert ("Chile",) in {t for _, t in _of(body, "PROTEST")}


def test_an_accusation_s_content_is_not_the_accuser_s_act() -> None:
    body = "Juan Ortega was accused by Chilean prosecutors of killing Ana Ruiz."
    assert _of(body, "ASSAULT") == set()
    assert ("Juan Ortega",) in {t for _, t in _of(body, "COERCE")}


def test_the_owner_of_a_meeting_s_venue_is_no_participant() -> None:
    body = "Leaders of Andean Community member states met in Lima, Peru's capital, for a summit."
    assert not any("Peru" in t for _, t in _of(body, "CONSULT"))


def test_a_place_named_in_two_words_is_still_where_a_protest_is_aimed() -> None:
    body = (
        "Political scientist Ana Ruiz said the turnout was seen as public support of the protesters who "
        "have demonstrated in Costa Rica since June."
    )
    assert (("protesters",), ("Costa Rica",)) in _of(body, "PROTEST")


def test_coming_to_someone_s_defence_supports_them() -> None:
    assert _of("Juan Ortega came to the defence of Ana Ruiz.", "SUPPORT") == {
        (("Juan Ortega",), ("Ana Ruiz",))
    }
    assert _of("Several Peruvian lawmakers have come to Ana Ruiz's defense.", "CONSULT") == set()


def test_criticism_of_a_ruling_is_aimed_at_whoever_made_it() -> None:
    body = "The government of Chile criticised the ruling by Judge Juan Ortega."
    assert _of(body, "ACCUSE") == {(("Chile",), ("Juan Ortega",))}


def test_a_partial_quote_judges_the_subject_named_before_it() -> None:
    body = (
        'Juan Ortega was sentenced on Wednesday. Prosecutor Ana Ruiz said Ortega "perpetuated, on a '
        'massive scale, the vicious cycle of addiction, despair, and destruction."'
    )
    assert (("Ana Ruiz",), ("Juan Ortega",)) in _of(body, "ACCUSE")


def test_a_fine_with_no_agent_is_the_story_s_state() -> None:
    body = "A court in Lima, Peru, heard the case. Ana Ruiz was fined $1,000."
    assert _of(body, "SANCTION") == {(("Peru",), ("Ana Ruiz",))}


def test_a_sentence_handed_down_detains_its_receiver() -> None:
    assert (("Ana Ruiz",), ("Juan Ortega",)) in _of(
        "Judge Ana Ruiz handed Juan Ortega a life sentence.", "COERCE"
    )
    body = "Juan Ortega received a ten-year prison sentence from a Peruvian court."
    assert ("Juan Ortega",) in {t for _, t in _of(body, "COERCE")}


def test_criticism_a_deed_sparked_is_aimed_at_its_doer() -> None:
    body = "Juan Ortega's decision sparked criticism from Chile."
    assert _of(body, "ACCUSE") == {(("Chile",), ("Juan Ortega",))}


def test_a_sentence_served_names_no_one_who_passed_it() -> None:
    body = "Juan Ortega is serving a life sentence for the murder of Ana Ruiz."
    assert not [ty for ty, *_ in coded(body) if ty == "COERCE"]


def test_two_parallel_names_with_their_states_are_the_two_sides() -> None:
    body = "Juan Ortega of Peru and Ana Ruiz of Chile signed a free trade agreement."
    assert (("Juan Ortega",), ("Ana Ruiz",)) in _of(body, "SUPPORT")
    body = "President Juan Ortega of Peru and President Ana Ruiz of Chile met in Lima on Monday."
    # (each president's "of" phrase names their state, which acts with them)
    assert _of(body, "CONSULT") == {(("Juan Ortega", "Peru"), ("Ana Ruiz", "Chile"))}


def test_an_attack_attributed_to_a_group_is_the_group_s() -> None:
    for body in (
        "A car bombing in Lima killed five people on Monday. The attack was attributed to the Andean Front.",
        "A car bombing in Lima killed five people, an attack ascribed to the Andean Front.",
        "A car bombing in Lima, blamed on the Andean Front, killed five people.",
    ):
        assert _of(body, "ASSAULT") == {(("Andean Front",), ("Lima",))}, body


def test_an_attack_blamed_on_someone_by_a_named_accuser_is_no_claim() -> None:
    body = "A car bombing in Lima killed five people. Ana Ruiz blamed the attack on the Andean Front."
    assert not any(s == ("Andean Front",) for s, _ in _of(body, "ASSAULT"))


def test_well_known_companies_are_organisations_from_the_knowledge_base() -> None:
    ad = analyse(
        "The European Commission fined Google and Facebook on Monday. "
        "Peru agreed with Airbus to open a plant."
    )
    kinds = {e.name: (e.type, e.kb_id) for e in ad.entities}
    assert kinds["Facebook"] == ("ORG", "org:facebook")
    assert kinds["Airbus"] == ("ORG", "org:airbus")
    assert _of("Juan Ortega sued Facebook for defamation.", "ACCUSE") == {(("Juan Ortega",), ("Facebook",))}


def test_a_reaction_that_names_nothing_is_about_the_deed_told_just_before() -> None:
    body = "The Andean Front bombed a church in Lima on Sunday. Condemnation came from Chile."
    assert _of(body, "ACCUSE") == {(("Chile",), ("Andean Front",))}
    body = "The Andean Front bombed a church in Lima on Sunday. Chile expressed outrage."
    assert _of(body, "ACCUSE") == {(("Chile",), ("Andean Front",))}


def test_a_reaction_noun_with_no_deed_before_it_stays_uncoded() -> None:
    assert _of("Chile expressed outrage on Sunday.", "ACCUSE") == set()


def test_partnering_teaming_up_and_joining_forces_are_cooperation() -> None:
    for body in (
        "Chile partnered with Peru to build the pipeline.",
        "Chile teamed up with Peru to fight the smuggling.",
        "Chile joined forces with Peru on Monday.",
    ):
        assert _of(body, "COOPERATE") == {(("Chile",), ("Peru",))}, body
    assert coded("Juan Ortega joined the Andean Party in 2010.") == []


def test_articles_of_impeachment_sent_on_and_an_impeachment_trial_accuse_the_official() -> None:
    body = "The Congress of Peru will submit two articles of impeachment against President Juan Ortega."
    assert (("Congress of Peru",), ("Juan Ortega",)) in _of(body, "ACCUSE")
    body = "The Senate of Peru will hold an impeachment trial of President Juan Ortega."
    assert _of(body, "ACCUSE") == {(("Senate of Peru",), ("Juan Ortega",))}
    assert coded("The trial of Juan Ortega began in Lima.") == []


def test_a_signing_held_with_someone_signs_an_accord_with_them() -> None:
    body = (
        "Representatives from Chile and Peru held a special signing at the presidential palace with Ana Ruiz."
    )
    assert ("Ana Ruiz",) in {t for _, t in _of(body, "SUPPORT")}
    assert coded("The signing of the bill took place on Monday.") == []


def test_a_company_s_full_name_is_its_knowledge_base_name() -> None:
    body = "The Department of Justice was performing a criminal investigation of the Boeing Company."
    assert _of(body, "ACCUSE") == {(("Department of Justice",), ("Boeing",))}


def test_an_attack_between_two_people_with_a_weapon_is_a_blow_not_words() -> None:
    assert _of("Juan Ortega attacked Ana Ruiz with a knife on Monday.", "ASSAULT") == {
        (("Juan Ortega",), ("Ana Ruiz",))
    }
    assert _of("Juan Ortega attacked Ana Ruiz over her record.", "ASSAULT") == set()


def test_a_national_office_holder_s_of_phrase_names_their_state() -> None:
    assert _of("President Ana Ruiz of Peru resigned on Monday.", "RETREAT") == {(("Ana Ruiz",), ("Peru",))}
    body = (
        "Juan Ortega announced an inquiry. Committee member Ana Ruiz of Georgia said on Monday, "
        '"Nobody is conducting a formal inquiry."'
    )
    assert not [e for e in analyse(body).entities if e.name == "Ana Ruiz" and e.affiliation]


def test_a_party_member_s_words_against_the_government_accuse_it() -> None:
    body = (
        "The court had been petitioned by Ana Ruiz of the Scottish National Party. Ruiz said, "
        '"Now, for every moment Parliament remains prorogued, the British government are breaking the law."'
    )
    assert (("Ana Ruiz",), ("United Kingdom",)) in _of(body, "ACCUSE")


def test_a_crowd_that_blocks_or_surrounds_a_place_protests() -> None:
    for body in (
        "Thousands of protesters surrounded the Peruvian police headquarters in Lima on Friday.",
        "Protesters blocked the exits of the Peruvian police headquarters in Lima.",
        "Protesters in Lima threw eggs at the Peruvian police headquarters.",
    ):
        assert _of(body, "COERCE") == set(), body
        assert {t for _, t in _of(body, "PROTEST")} == {("Peruvian security forces",)}, body
    assert coded("Police in Lima surrounded Juan Ortega, aiming at him with their guns.") == []


def test_them_as_people_something_is_done_to_is_the_group_named_before() -> None:
    first = "Protesters marched in Lima against the government of Peru. "
    body = first + "Peruvian police fired tear gas at them."
    assert (("Peruvian security forces", "Peru"), ("Protesters",)) in _of(body, "ASSAULT")
    body = first + "Peruvian police arrested dozens of them."
    assert (("Peruvian security forces", "Peru"), ("Protesters",)) in _of(body, "COERCE")
    body = "Peruvian police seized the rifles on Monday. Officials said they had destroyed them."
    assert [m for m in analyse(body).mentions if m.text == "them"] == []


def test_an_agreement_announced_by_its_parties_is_signed_by_them() -> None:
    body = "On Thursday, Chile and Peru announced their agreement over selling a large portion of the mine."
    assert _of(body, "SUPPORT") == {(("Chile",), ("Peru",)), (("Peru",), ("Chile",))}
    assert _of("Chile announced plans for a deal with Peru.", "SUPPORT") == set()


def test_the_place_an_organisation_is_based_in_is_no_participant() -> None:
    body = "The Berlin-based Andean Foundation provided aid to Peru."
    assert _of(body, "AID") == {(("Andean Foundation",), ("Peru",))}
    assert coded("A UK-based charity criticised Denmark on Monday.") == []


def test_an_office_holder_who_resigns_with_no_state_named_leaves_the_story_s_state() -> None:
    body = "Puerto Rico's Senate met on Monday. Governor Ana Ruiz resigned on Friday."
    assert _of(body, "RETREAT") == {(("Ana Ruiz",), ("Puerto Rico",))}
    assert _of("Chile and Peru met on Monday. Governor Ana Ruiz resigned on Friday.", "RETREAT") == set()
