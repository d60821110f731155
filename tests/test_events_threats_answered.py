"""Threats of an answer in kind and acts under pressure (issue 14): a pledged hostile act is a threat
(CAMEO 138); a pledge or warning to respond or retaliate that names no one is aimed at whoever last
did a hostile act to the threatening side; acting under another's pressure concedes to it (080);
troops deployed at a border face the state across it (154); a protest of X's supporters is X's side's;
an ultimatum told to someone ("... or face ...") demands of them and threatens them; a quote that
force would be used is a threat.

The sentences are written for these tests (made-up situations between real states and made-up
people), not taken from any article.
"""

from __future__ import annotations

from .events_helpers import coded, only

STRUCK = "Peruvian warplanes struck a camp in Chile on Tuesday."


def test_a_vow_to_strike_is_a_threat_not_a_planned_attack() -> None:
    src, tgt, ev = only("Chile vowed to retaliate against Peru.", "THREATEN")
    assert (src, tgt) == (["Chile"], ["Peru"])
    assert ev.cameo == "138" and not ev.hypothetical
    assert [t for t, *_ in coded("Chile vowed to retaliate against Peru.") if t == "ASSAULT"] == []
    # a pledge of anything else stays a pledge of it
    src, tgt, ev = only("Chile vowed to support Peru.", "SUPPORT")
    assert ev.hypothetical


def test_a_vow_to_respond_answers_the_latest_hostile_act_against_the_vowing_side() -> None:
    body = f"{STRUCK[:-1]}, and Chile vowed to respond at a time of its choosing."
    src, tgt, ev = only(body, "THREATEN")
    assert (src, tgt) == (["Chile"], ["Peru"])
    assert "who did the act answered" in (ev.rule or "")
    # nothing was done to the vowing side: no one to aim at
    assert [t for t, *_ in coded("Bolivia vowed to respond.")] == []
    assert [t for t, *_ in coded(f"{STRUCK}\n\nBolivia vowed to respond.") if t == "THREATEN"] == []


def test_a_warning_that_it_would_respond_is_aimed_at_who_struck() -> None:
    body = f"{STRUCK}\n\nChile warned it would respond with overwhelming force."
    src, tgt, _ = only(body, "THREATEN")
    assert (src, tgt) == (["Chile"], ["Peru"])
    # a warning of something else names no one
    body = f"{STRUCK}\n\nChile warned it would hold elections."
    assert [t for t, *_ in coded(body) if t == "THREATEN"] == []


def test_acting_under_anothers_pressure_concedes_to_it() -> None:
    src, tgt, ev = only("Under pressure from Chile, Peru allowed fuel trucks to enter Lima.", "CONCEDE")
    assert (src, tgt) == (["Peru"], ["Chile"])
    assert "yielded to" in (ev.rule or "")
    src, tgt, _ = only("Bowing to Chilean pressure, Peru handed Juan Ortega over to the court.", "CONCEDE")
    assert (src, tgt) == (["Peru"], ["Chile"])
    # being under pressure is no concession, nor is applying it
    for body in ("Peru came under pressure from Chile.", "Chile put pressure on Peru.",
                 "Peru has been under pressure from Chile."):
        assert [t for t, *_ in coded(body) if t == "CONCEDE"] == [], body


def test_troops_deployed_at_a_border_face_the_state_across_it() -> None:
    for body in ("Chile deployed troops along its border with Peru.",
                 "Chile deployed troops near the Peruvian border."):
        src, tgt, _ = only(body, "MOBILIZE")
        assert (src, tgt) == (["Chile"], ["Peru"]), body
    # its own border alone names no one across it
    assert [t for t, *_ in coded("Chile deployed troops along its northern border.")] == []


def test_a_protest_by_followers_is_their_sides() -> None:
    for body in ("Thousands of supporters of the Andean Front marched in Lima against President Juan Ortega.",
                 "The Andean Front's supporters protested against Chile."):
        src, _, _ = only(body, "PROTEST")
        assert src == ["Andean Front"], body
    # followers who do anything else are not their leader
    assert [t for t, *_ in coded("Supporters of Juan Ortega praised Chile.")] == []


def test_an_ultimatum_told_to_someone_demands_of_them_and_threatens_them() -> None:
    body = ("The Andean Community told Chile and Peru on Tuesday that they must step up the fight "
            "against corruption or face a delay in joining the bloc.")
    got = {(t, tuple(s), tuple(g)) for t, s, g, _ in coded(body)}
    assert got == {("REQUEST", ("Andean Community",), ("Chile", "Peru")),
                   ("THREATEN", ("Andean Community",), ("Chile", "Peru"))}
    # an obligation laid on "it" in a quote told to Peru is laid on Peru, not on the speaker
    src, tgt, _ = only("The Andean Community told Peru that it must release the prisoners.", "REQUEST")
    assert (src, tgt) == (["Andean Community"], ["Peru"])
    # a named actor obliged stays the one obliged
    src, tgt, _ = only("Ann Ward told Juan Ortega that Peru must release the prisoners.", "REQUEST")
    assert tgt == ["Peru"]


def test_a_quote_that_force_would_be_used_is_a_threat() -> None:
    body = "Chilean Minister Ann Ward said Chile would not hesitate to use force to stop Bolivia's secession."
    src, tgt, _ = only(body, "THREATEN")
    assert (src, tgt) == (["Ann Ward"], ["Bolivia"])
    # "force" as a verb is no threat of force, nor is a condemned use of force with a modal elsewhere
    assert [t for t, *_ in coded("Ann Ward said Chile could force Peru to resign.")] == []
    body = ('Ann Ward said: "We condemn the use of force against Peru. The situation will remain '
            'volatile."')
    assert [t for t, *_ in coded(body) if t == "THREATEN"] == []
