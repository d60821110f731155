"""Session 22: hostile acts told as someone's report are accusations; closing a border; "the
decision" a reaction is about; lifting "most of the sanctions it had imposed on X"; detaining
protesters is an arrest; squares and avenues are places.

The sentences are written for these tests (made-up situations between real states and made-up
people and groups), not taken from any article.
"""

from __future__ import annotations

from .events_helpers import analyse, coded, triples


def test_a_hostile_act_reported_by_the_other_side_is_an_accusation() -> None:
    got = triples("Chile's foreign ministry said Peruvian troops had fired mortars at Chilean villages.")
    assert ("ASSAULT", ("Peru",), ("Chile",)) in got  # the act, as before
    assert ("ACCUSE", ("Chilean Foreign Ministry", "Chile"), ("Peru",)) in got


def test_an_act_reported_by_its_own_side_or_by_the_press_is_no_accusation() -> None:
    got = triples("Chile's defence ministry said Chilean jets had bombed rebel camps in Peru.")
    assert not [g for g in got if g[0] == "ACCUSE"]
    got = triples("The Lima Times reported that Chilean troops had fired mortars at Peruvian villages.")
    assert not [g for g in got if g[0] == "ACCUSE"]


def test_closing_a_border_restricts_movement() -> None:
    for verb in ("closed", "sealed", "shut"):
        body = f"Peru {verb} its border with Bolivia on Monday."
        assert ("COERCE", ("Peru",), ("Bolivia",)) in triples(body)
    assert not triples("Peru closed its consulate in Tacna for the holidays.")


def test_a_rejected_decision_is_the_deciders() -> None:
    body = (
        "The European Union imposed sanctions on Bolivia on Monday. Bolivia's information minister, "
        "Tom Reyes, rejected the decision."
    )
    assert ("REJECT", ("Bolivia", "Tom Reyes"), ("European Union",)) in triples(body)


def test_lifting_most_of_the_sanctions_imposed_before_eases_them() -> None:
    body = "The Andean Community lifted most of the sanctions it had imposed on Bolivia after the coup."
    got = triples(body)
    assert ("RETREAT", ("Andean Community",), ("Bolivia",)) in got
    assert not [g for g in got if g[0] == "COERCE"]  # "imposed" sanctions, not an imposition of its own


def test_police_detaining_demonstrators_arrest_them() -> None:
    body = "Thousands of Bolivians protested in La Paz on Friday. Police detained about 50 demonstrators."
    got = triples(body)
    assert ("COERCE", ("Bolivian security forces",), ("protesters",)) in got
    assert not [g for g in got if g[0] == "ASSAULT"]


def test_a_protest_that_demands_something_of_someone_is_against_them() -> None:
    body = (
        "Thousands of people marched through La Paz last Saturday, waving Bolivian flags and demanding "
        "the immediate departure of the American soldiers."
    )
    got = triples(body)
    assert ("PROTEST", ("protesters",), ("United States",)) in got
    assert ("REQUEST", ("protesters",), ("United States",)) in got


def test_tens_of_thousands_of_people_who_marched_are_the_protesters() -> None:
    body = "Bolivia's army shelled rebel towns. Tens of thousands of people marched in Cochabamba on Friday."
    assert ("PROTEST", ("protesters",), ("Bolivia",)) in triples(body)


def test_squares_and_avenues_are_places() -> None:
    ad = analyse("Thousands of Chileans rallied in Plaza Italia and on Libertador Avenue in Santiago.")
    kinds = {e.name: e.type for e in ad.entities}
    assert kinds.get("Libertador Avenue") == "LOCATION"


def test_a_state_body_or_an_office_holder_acts_with_its_state() -> None:
    # event data name the state with its officials and bodies (the state the document names)
    got = triples("Peru's foreign minister, Tom Reyes, criticised Chile on Monday.")
    assert ("ACCUSE", ("Tom Reyes", "Peru"), ("Chile",)) in got
    got = triples("Peruvian President Juan Ortega met Chilean President Ann Ward in Lima.")
    assert ("CONSULT", ("Juan Ortega", "Peru"), ("Ann Ward", "Chile")) in got
    got = triples("Chile protested on Monday. Chilean police arrested Juan Ortega in Santiago.")
    assert ("COERCE", ("Chilean security forces", "Chile"), ("Juan Ortega",)) in got


def test_a_movement_or_a_person_without_an_office_acts_alone() -> None:
    body = "Palestine marked a day of mourning. Hamas fired rockets at Israel on Monday."
    assert ("ASSAULT", ("Hamas",), ("Israel",)) in triples(body)  # (a movement, not a body of Palestine)
    body = "Peru is a republic. Peruvian activist Juan Ortega criticised Chile on Monday."
    assert ("ACCUSE", ("Juan Ortega",), ("Chile",)) in triples(body)  # (an activist holds no office)
    body = "Peru held elections. Peruvian opposition leader Juan Ortega criticised Chile on Monday."
    assert ("ACCUSE", ("Juan Ortega",), ("Chile",)) in triples(body)  # (nor does the state's opposition)


def test_a_claim_dismissed_as_something_is_rejected() -> None:
    body = 'Chile accused Peru of spying on Monday. Peru dismissed the claims as "baseless".'
    assert ("REJECT", ("Peru",), ("Chile",)) in triples(body)


def test_summoning_an_envoy_is_a_complaint_and_summoning_ones_own_calls_them_home() -> None:
    got = coded("Peru's foreign ministry summoned Chile's ambassador in Lima on Wednesday.")
    assert [(t, s, g, e.cameo) for t, s, g, e in got] == [
        ("ACCUSE", ["Peruvian Foreign Ministry", "Peru"], ["Chile"], "114")
    ]
    got = coded("Peru summoned its ambassador to Chile for consultations.")
    assert [(t, s, g, e.cameo) for t, s, g, e in got] == [("SANCTION", ["Peru"], ["Chile"], "161")]
    assert not coded("The president of Peru summoned his cabinet for an emergency meeting.")


def test_a_states_protest_is_an_official_complaint_and_a_crowds_a_demonstration() -> None:
    got = coded("Japan and South Korea on Sunday protested against China's new air defence zone.")
    complaint = ("ACCUSE", ["Japan", "South Korea"], ["China"], "114")
    assert [(t, s, g, e.cameo) for t, s, g, e in got] == [complaint]
    got = triples("Thousands of Peruvians protested outside the Chilean embassy in Lima on Sunday.")
    assert not [g for g in got if g[0] == "ACCUSE"]


def test_troops_pulled_out_of_a_place_retreat_from_its_state() -> None:
    for body in (
        "Chilean troops pulled out of the Peruvian town of Tacna on Sunday.",
        "Chile pulled its troops out of Peru on Sunday.",
    ):
        assert ("RETREAT", ("Chile",), ("Peru",)) in triples(body), body
    got = triples("Chile pulled two fishermen out of the sea near Peru.")
    assert not [g for g in got if g[0] == "RETREAT"]


def test_fighting_that_broke_out_between_two_sides_is_their_fight() -> None:
    got = triples("Fighting broke out between Chile and Peru in March.")
    assert got == {("ASSAULT", ("Chile",), ("Peru",)), ("ASSAULT", ("Peru",), ("Chile",))}
    assert not triples("A fire broke out in the Chilean embassy in Lima on Monday.")


def test_a_release_without_an_agent_is_by_whoever_detained_them() -> None:
    body = "Peru held elections. Police in Lima detained Juan Ortega on Friday. He was released on Saturday."
    got = coded(body)
    releases = [(s, t, e.cameo) for ty, s, t, e in got if ty == "RETREAT"]
    assert releases == [(["Peruvian security forces", "Peru"], ["Juan Ortega"], "084")]
    # a withdrawal in the passive is no release: it takes no detainer
    body = "Chile detained Juan Ortega on Friday. Chilean troops were withdrawn from Peru on Saturday."
    assert not [s for ty, s, _, e in coded(body) if ty == "RETREAT" and e.cameo == "084"]
