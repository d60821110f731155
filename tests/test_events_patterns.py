"""How dictionary patterns are matched: bare prepositions, the actor slot, blocks that extend
others (issue 14). The sentences are made up for these tests."""

from __future__ import annotations

import pytest

from newsgraph.errors import ConfigError
from newsgraph.events.cameo import build_lexicon

from .events_helpers import coded, only


def test_a_compiled_line_with_a_bare_preposition_needs_an_actor_in_its_phrase() -> None:
    """PETRARCH's "lead * (TO)" is a journey to someone, not a lead of 50 percent to 40 percent."""
    assert not coded("In the poll, Senator Ann Ward led Governor Tom Reyes 50 percent to 40 percent.")
    assert not coded("Police were investigating the events leading up to the death of Peter Banda.")


def test_fighting_for_someone_is_no_attack_on_them() -> None:
    assert not coded("Senator Ann Ward said it was time to fight for an America that works for all.")
    src, tgt, _ = only("Russia fought Ukraine for control of the city.", "ASSAULT")
    assert (src, tgt) == (["Russia"], ["Ukraine"])


def test_attacking_someone_for_something_criticises_them() -> None:
    src, tgt, e = only("Senator Ann Ward attacked Governor Tom Reyes for the tweet.", "ACCUSE")
    assert (src, tgt) == (["Ann Ward"], ["Tom Reyes"]) and "attacked X for Y" in (e.rule or "")
    src, tgt, _ = only("Russian troops attacked Ukraine on Monday.", "ASSAULT")
    assert (src, tgt) == (["Russia"], ["Ukraine"])


def test_a_user_block_extends_a_compiled_block_and_the_actor_slot_matches_any_actor(tmp_path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "mine.yaml"
    f.write_text(
        "verbs:\n"
        "  biff:\n"
        '    block: "own:biff"\n'
        "    extends: physical_conflict\n"
        '    patterns: [{post: [{head: "+"}], preps: [{prep: over}], code: "110"}]\n',
        encoding="utf-8",
    )
    lex = build_lexicon([f])
    rules = [p.rule for p in lex.candidates("biff")]
    assert rules[0].startswith("mine.yaml: biff") and len(rules) > 1  # its own first, then the block's
    assert lex.verb_coding("biff").type == "ASSAULT"  # type: ignore[union-attr]  # the block's code


def test_extending_an_unknown_block_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "bad.yaml"
    f.write_text('verbs:\n  snub: {block: "own:snub", extends: no_such_block}\n', encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        build_lexicon([f])
    assert "bad.yaml" in str(e.value) and "no_such_block" in str(e.value) and e.value.code == "NG042"


def test_a_resignation_is_conceded_to_who_demanded_it_else_a_retreat_from_ones_own_state() -> None:
    src, tgt, e = only("British Prime Minister Theresa Ward resigned on Monday.", "RETREAT")
    assert (src, tgt) == (["Theresa Ward"], ["United Kingdom"]) and not e.hypothetical
    src, tgt, _ = only("Ann Ward resigned under pressure from President Tom Reyes.", "CONCEDE")
    assert (src, tgt) == (["Ann Ward"], ["Tom Reyes"])
    # someone named in passing is no requester ("stepped down, with X succeeding her")
    got = coded("British Prime Minister Theresa Ward stepped down, with Tom Reyes succeeding her.")
    assert [(t, g) for t, _, g, _ in got] == [("RETREAT", ["United Kingdom"])]
    # with no side of their own, a resignation names no one
    assert not coded("Ann Ward resigned on Monday.")


def test_be_to_plus_a_verb_is_planned_not_done() -> None:
    """ "X is to step down": the outer subject is the subject, and the act is still to come."""
    src, tgt, e = only("British Prime Minister Theresa Ward is to step down today.", "RETREAT")
    assert (src, tgt) == (["Theresa Ward"], ["United Kingdom"]) and e.hypothetical


def test_electing_or_confirming_someone_to_an_office_endorses_them() -> None:
    src, tgt, e = only("The Parliament elected Ann Ward as prime minister in 2014.", "SUPPORT")
    assert (src, tgt, e.cameo) == (["Parliament"], ["Ann Ward"], "051")
    src, tgt, _ = only("The Senate confirmed Tom Reyes as Secretary of State.", "SUPPORT")
    assert (src, tgt) == (["Senate"], ["Tom Reyes"])


def test_verbs_whose_dictionary_sense_is_rare_in_news_are_no_events_alone() -> None:
    assert not coded("Justice Ann Ward retired from the Supreme Court of Ghana in 2010.")
    assert not coded("Senator Ann Ward contended for the Green Party's nomination in 2019.")
    assert not coded("The Accra City Council administers the Ghana Central Business District.")
    assert not coded("Police in Accra surrounded Tom Reyes, aiming at him with their guns.")
    assert not coded("Senator Ann Ward's plan differs from Governor Tom Reyes's plan.")
    assert not coded("The Ward campaign connected the slogan and lawlessness to Governor Tom Reyes.")
    src, tgt, _ = only("Senator Segal announced Maria de Graaf as his running mate.", "SUPPORT")
    assert (src, tgt) == (["Segal"], ["Maria de Graaf"])


def test_a_contest_is_a_fight_only_where_a_side_is_a_state_or_an_armed_force() -> None:
    assert not coded("On Saturday, Accra City defeated Kumasi United in the third round of the league.")
    assert not coded("Joe Biden defeated Donald Trump in the election.")
    src, tgt, _ = only("The Ghanaian army defeated the rebels in the north.", "ASSAULT")
    assert (src, tgt) == (["Ghana"], ["rebels"])


def test_a_swearing_in_is_no_accusation() -> None:
    assert not coded("Governor Ann Ward was sworn in last week by Justice Tom Reyes.")
    assert not coded("Justice Tom Reyes swore her in at a ceremony in Accra, Ghana.")


def test_verbal_attacks_written_as_blows_and_support_withdrawn() -> None:
    src, tgt, _ = only("Senator Ann Ward took a veiled shot at Governor Tom Reyes on Monday.", "ACCUSE")
    assert (src, tgt) == (["Ann Ward"], ["Tom Reyes"])
    # backing away from, or withdrawing, support is no support
    assert not coded("Senator Ann Ward backed away from her previous support for Governor Tom Reyes.")
    assert not [t for t, *_ in coded("Ghana withdrew its support for Togo.") if t in ("SUPPORT", "CONCEDE")]


def test_running_mates_floated_and_sentences_commuted() -> None:
    src, tgt, e = only("Senator Ann Ward floated Tom Reyes as a potential running mate.", "SUPPORT")
    assert (src, tgt) == (["Ann Ward"], ["Tom Reyes"]) and e.hypothetical  # a role not given yet
    src, tgt, e = only("Senator Ann Ward picked Tom Reyes as her running mate.", "SUPPORT")
    assert not e.hypothetical
    src, tgt, _ = only("President Ann Ward commuted the prison sentence of Tom Reyes.", "CONCEDE")
    assert (src, tgt) == (["Ann Ward"], ["Tom Reyes"])


def test_a_verb_form_the_lemmatizer_misreads_is_reduced_by_the_rules_of_english_inflection() -> None:
    from newsgraph.text.vocabulary import verb_stems as _stems

    assert "float" in _stems("floated") and "commute" in _stems("commuted")
    assert _stems("stopped")[-1] == "stop" and _stems("carried")[0] == "carry"
    assert "rally" in _stems("rallies")
    assert _stems("bus") == []  # too short to be inflected


def test_a_legal_act_with_no_agent_is_done_by_the_state_the_story_is_set_in() -> None:
    body = (
        "Thousands rallied in Belarus on Thursday. The opposition leader Lena Moss spoke about her "
        "husband Ivan Moss, who was arrested in May. Belarus holds its election next week."
    )
    source, target, ev = only(body, "COERCE")
    assert (source, target) == (["Belarus"], ["Ivan Moss"]) and "the state the story is set in" in ev.rule


def test_a_legal_act_with_no_agent_in_a_story_of_several_states_names_none() -> None:
    body = (
        "Ministers of Belarus and Poland met on Thursday. The opposition leader Lena Moss spoke about her "
        "husband Ivan Moss, who was arrested in May."
    )
    assert not [c for c in coded(body) if c[0] == "COERCE"]


def test_a_thing_named_in_capitals_is_no_pattern_noun() -> None:
    """ "awarded the Order of ..." is an honour, not PETRARCH's "issued an order" (a demand)."""
    body = "On Monday the nurse Lena Moss was awarded the Order of Merit by Governor Omar Adeyemi."
    assert not [c for c in coded(body) if c[0] == "REQUEST"]


def test_insults_sides_and_turns_are_criticism_or_backing() -> None:
    lead = "The vote was close. "
    assert [c[:3] for c in coded(lead + "Senator Ann Ward insulted Governor Tom Reyes.")] == [
        ("ACCUSE", ["Ann Ward"], ["Tom Reyes"])
    ]
    assert [c[:3] for c in coded(lead + "Senator Ann Ward sided with Governor Tom Reyes.")] == [
        ("SUPPORT", ["Ann Ward"], ["Tom Reyes"])
    ]
    assert [c[:3] for c in coded(lead + "Senator Ann Ward turned against Governor Tom Reyes.")] == [
        ("ACCUSE", ["Ann Ward"], ["Tom Reyes"])
    ]


def test_electing_is_an_endorsement_only_of_a_person() -> None:
    assert not coded("Valdoria has no vote in the Electoral College that elects the U.S. President.")
    assert not coded("Protesters in Valdoria demanded a new law for electing Valdoria's leaders.")


def test_suspending_a_member_state_or_body_is_a_sanction() -> None:
    src, tgt, ev = only("The Regional Union suspended Chile after the coup.", "SANCTION")
    assert (src, tgt, ev.cameo) == (["Regional Union"], ["Chile"], "172")
    assert not coded("The Regional Union suspended the talks on Monday.")


@pytest.mark.parametrize(
    ("text", "typ", "cameo"),
    [
        ("Chile lifted its sanctions on Peru in March.", "RETREAT", "085"),
        ("Chile eased the embargo against Peru.", "RETREAT", "085"),
        ("Chile lifted its ban on Peru Airways.", "CONCEDE", "081"),
        ("Chile imposed sanctions on Peru in March.", "SANCTION", "163"),
        ("Sanctions on Peru were lifted by Chile in March.", "RETREAT", "085"),
        ("The United States lifted sanctions on Peru.", "RETREAT", "085"),
    ],
)
def test_lifted_sanctions_are_eased_not_imposed(text: str, typ: str, cameo: str) -> None:
    got = [(c[0], c[3].cameo) for c in coded(text)]
    assert got == [(typ, cameo)]


def test_who_is_given_what_a_giving_verbs_object_names() -> None:
    assert only("Chile pledged $50 million in aid to Peru.", "AGREE")[:2] == (["Chile"], ["Peru"])
    assert only("Chile provided Peru with humanitarian aid.", "AID")[:2] == (["Chile"], ["Peru"])


@pytest.mark.parametrize(
    ("text", "typ", "src", "tgt"),
    [
        ("Chilean air strikes killed Juan Ortega on Friday.", "ASSAULT", ["Chile"], ["Juan Ortega"]),
        ("Chilean paramilitary forces arrested Juan Ortega on Friday.", "COERCE", ["Chile"], ["Juan Ortega"]),
        ("Chilean cruise missiles struck Peru on Friday.", "ASSAULT", ["Chile"], ["Peru"]),
        ("Chilean commandos seized Juan Ortega in Peru.", "COERCE", ["Chile"], ["Juan Ortega"]),
    ],
)
def test_a_demonym_before_a_states_forces_past_their_modifiers_is_the_state(
    text: str, typ: str, src: list[str], tgt: list[str]
) -> None:
    assert only(text, typ)[:2] == (src, tgt)


def test_meeting_demands_is_a_concession_and_meeting_a_deadline_no_meeting() -> None:
    src, tgt, ev = only("Chile could not meet all of Peru's demands.", "CONCEDE")
    assert (src, tgt, ev.cameo, ev.negated) == (["Chile"], ["Peru"], "083", True)
    assert not coded("Chile met the conditions set by the European Union.")


@pytest.mark.parametrize(
    "text",
    [
        "Chile massed 100,000 troops near its border with Peru.",
        "Chile will send 10,000 soldiers to its border with Peru.",
    ],
)
def test_troops_massed_or_sent_to_the_own_border_face_the_neighbour(text: str) -> None:
    assert only(text, "MOBILIZE")[:2] == (["Chile"], ["Peru"])


def test_a_withdrawal_of_troops_is_a_retreat_of_whose_troops_they_are() -> None:
    assert only("The withdrawal of US troops from Afghanistan ended in August.", "RETREAT")[:2] == (
        ["United States"],
        ["Afghanistan"],
    )
    got = only("Chile announced the withdrawal of its forces from Peru.", "RETREAT")
    assert got[:2] == (["Chile"], ["Peru"])


def test_a_between_phrase_names_both_sides_of_a_clash_or_of_talks() -> None:
    got = {(c[0], c[1][0], c[2][0]) for c in coded("Fierce clashes between Chile and Peru erupted in Lima.")}
    assert got == {("ASSAULT", "Chile", "Peru"), ("ASSAULT", "Peru", "Chile")}
    assert only("Talks were held between Chile and Peru in Lima.", "CONSULT")[:2] == (["Chile"], ["Peru"])
    # a broker of a deal between two sides is neither side
    assert not [c for c in coded("The deal was brokered between Chile and Peru.") if c[0] == "CONSULT"]


@pytest.mark.parametrize(
    ("text", "typ", "cameo"),
    [
        ("Chile will provide 50 billion euros in grants and loans to Peru.", "AID", "071"),
        ("Chile sent planeloads of humanitarian aid to Peru.", "AID", "070"),
        ("Chile announced a military aid package for Peru.", "AID", "072"),
        ("The International Monetary Fund approved a $3 billion bailout for Peru.", "AID", "071"),
        ("Chile has not provided lethal weapons to Peru.", "AID", "072"),
    ],
)
def test_aid_counted_packaged_or_lent_is_aid_to_its_receiver(text: str, typ: str, cameo: str) -> None:
    got = only(text, typ)
    assert got[1] == ["Peru"] and got[2].cameo[:2] == cameo[:2]


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The International Criminal Court issued an arrest warrant for Joe Smith.", "112"),
        ("The European Commission opened formal proceedings against Google.", "115"),
        ("Chile lodged a formal protest with Peru.", "110"),
    ],
)
def test_warrants_proceedings_and_lodged_protests_are_accusations(text: str, cameo: str) -> None:
    assert only(text, "ACCUSE")[2].cameo == cameo


def test_a_suspect_in_a_state_is_not_the_state() -> None:
    # the suspect is unnamed: Chile gave no weapon, and no one charged Joe Smith, who was given it
    body = "A suspect in Chile has been charged for providing the weapon to Joe Smith."
    assert not [c for c in coded(body) if c[2] == ["Joe Smith"]]


def test_joint_exercises_and_established_relations_are_done_together() -> None:
    got = {(c[0], c[1][0], c[2][0]) for c in coded("Chile and Peru held joint military exercises in May.")}
    assert got == {("COOPERATE", "Chile", "Peru"), ("COOPERATE", "Peru", "Chile")}
    got = {(c[0], c[1][0], c[2][0]) for c in coded("Chile and Peru established diplomatic relations.")}
    assert got == {("SUPPORT", "Chile", "Peru"), ("SUPPORT", "Peru", "Chile")}


def test_a_thing_flagged_or_owned_by_a_state_stands_for_the_state() -> None:
    got = only("Iran seized a British-flagged tanker in the Gulf.", "COERCE")
    assert got[:2] == (["Iran"], ["United Kingdom"])


def test_ruling_out_an_act_refuses_it() -> None:
    src, tgt, ev = only("Chile ruled out ceding any territory to Peru.", "REJECT")
    assert src == ["Chile"] and ev.cameo == "120"
    assert not [c for c in coded("Chile ruled out ceding any territory to Peru.") if c[0] == "CONCEDE"]


def test_aid_a_third_party_blocked_is_no_aid() -> None:
    assert not [c for c in coded("Chile blocked a European Union aid package for Peru.") if c[0] == "AID"]


def test_a_visit_of_someone_to_a_place_is_their_visit() -> None:
    got = only("Peru condemned the visit of Senator Ann Ward to Chile.", "CONSULT")
    assert got[:2] == (["Ann Ward"], ["Chile"])


def test_a_visit_to_a_city_of_a_state_the_story_never_names_is_to_the_city() -> None:
    assert only("Xi Jinping visited Moscow on Friday.", "CONSULT")[:2] == (["Xi Jinping"], ["Moscow"])
    # a region is no city: "visited California" names no one visited
    assert not coded("Senator Ann Ward visited California on Friday.")


def test_a_pact_or_an_accord_signed_is_a_formal_agreement() -> None:
    got = {(c[0], c[1][0], c[2][0], c[3].cameo) for c in coded("Chile and Peru signed a defence pact.")}
    assert got == {("SUPPORT", "Chile", "Peru", "057"), ("SUPPORT", "Peru", "Chile", "057")}


def test_rejecting_a_statement_rejects_its_author() -> None:
    src, tgt, ev = only("Chile rejected the Peru statement as interference.", "REJECT")
    assert (src, tgt, ev.cameo) == (["Chile"], ["Peru"], "120")


def test_a_hostile_act_pledged_is_a_threat_and_revenge_for_a_killing_is_not_against_the_victim() -> None:
    src, tgt, ev = only("Chile pledged to attack Peru.", "THREATEN")
    assert (src, tgt, ev.cameo) == (["Chile"], ["Peru"], "138")
    got = coded("Chile vowed revenge for the assassination of Joe Smith.")
    assert not [c for c in got if c[2] == ["Joe Smith"]]


def test_a_traveller_holds_the_talks_it_travelled_for() -> None:
    got = [c[:3] for c in coded("Senator Ann Ward flew to Lima for talks with Juan Ortega.")]
    assert ("CONSULT", ["Ann Ward"], ["Juan Ortega"]) in got


def test_an_arrival_on_a_visit_is_a_visit_to_the_place() -> None:
    got = only("The Syrian foreign minister arrived in Tehran on a two-day visit.", "CONSULT")
    assert got[:2] == (["Syria"], ["Tehran"])


def test_two_demonyms_before_one_noun_are_both_states() -> None:
    got = only("Kofi Annan met Chilean and Peruvian officials in Lima.", "CONSULT")
    assert got[1] == ["Chile", "Peru"]


def test_a_reaction_a_deed_drew_is_the_reactors_act_towards_the_doer() -> None:
    got = only("Chile test-fired a missile, drawing criticism from Peru.", "ACCUSE")
    assert got[:2] == (["Peru"], ["Chile"])


def test_recognising_independence_is_recognition_and_troops_sent_into_a_state_a_deployment() -> None:
    assert only("Russia recognised the independence of Kosovo.", "SUPPORT")[2].cameo == "054"
    assert only("Russia sent troops into Georgia in 2008.", "MOBILIZE")[:2] == (["Russia"], ["Georgia"])


def test_a_participle_of_another_act_after_a_comma_is_an_event_of_its_own() -> None:
    body = "Chilean police arrested Juan Ortega on Monday, accusing him of directing attacks."
    got = {c[0] for c in coded(body)}
    assert got == {"COERCE", "ACCUSE"}


def test_a_british_spelling_names_the_organisation() -> None:
    got = only("The Organisation of American States called on Chile to act.", "REQUEST")
    assert got[:2] == (["Organization of American States"], ["Chile"])


def test_a_charge_a_clause_sums_up_and_someone_dismissed_rejects_its_maker() -> None:
    body = "Juan Ortega accused Chile of backing the coup, a charge the Chilean foreign ministry dismissed."
    got = [c[:3] for c in coded(body)]
    assert ("REJECT", ["Chilean foreign ministry", "Chile"], ["Juan Ortega"]) in got


def test_a_charge_the_parse_set_beside_its_maker_is_still_summed_up() -> None:
    # the bundled model hangs "a charge" on "Ann Ward" as an apposition here
    body = (
        "Ann Ward accused Peru of arming the gangs that briefly removed her from office in May 2009,"
        " a charge the Peruvian government dismissed."
    )
    got = [c[:3] for c in coded(body)]
    assert ("REJECT", ["Peru"], ["Ann Ward"]) in got


def test_aid_announced_or_approved_is_aid() -> None:
    got = only("The European Union announced 100 million euros in humanitarian aid for Peru.", "AID")
    assert got[:2] == (["European Union"], ["Peru"])


def test_relations_normalised_between_two_states_are_theirs_not_the_brokers() -> None:
    body = "The White House announced a deal it brokered to normalize relations between Chile and Peru."
    got = {(c[0], c[1][0], c[2][0]) for c in coded(body) if c[0] == "SUPPORT"}
    assert got == {("SUPPORT", "Chile", "Peru"), ("SUPPORT", "Peru", "Chile")}
