"""Session 25: what a reaction's object stands for (the author of a report rejected, the deed a bare
"it" stands for, "the measures"); questioning a side's decision; who does what a noun's "to" clause
says ("Chile's decision to ...", "gave Chile a deadline to ..."); a participle on the object of a
relative clause; deadlines set and ignored; compliance with a request; the recipient the parse hung
inside an object; troops sent to a state.

The sentences are written for these tests (made-up situations between real states and made-up
people and groups), not taken from any article.
"""

from __future__ import annotations

from .events_helpers import only, triples
from .events_helpers import pairs_of as _of


def test_a_report_rejected_answers_whoever_published_it() -> None:
    body = (
        "Andean Watch International, which on Wednesday published a report accusing Chilean soldiers of "
        "killing detainees, called on the summit to act. The Chilean army rejected the report as unfounded."
    )
    assert (("Andean Watch",), ("Chile",)) in _of(body, "ACCUSE")  # the relative clause's participle
    assert (("Chile",), ("Andean Watch",)) in _of(body, "REJECT")
    body = (
        "A study by the Lima Institute found that Bolivia had hidden weapons. Bolivia dismissed the study "
        "as propaganda."
    )
    assert (("Bolivia",), ("Lima Institute",)) in _of(body, "REJECT")


def test_a_report_with_no_author_is_not_another_reports() -> None:
    body = (
        "A study by the Lima Institute praised Peru's schools. The reports said Bolivia had hidden weapons. "
        "Bolivia dismissed the report as propaganda."
    )
    assert not _of(body, "REJECT")


def test_a_bare_it_judged_stands_for_the_deed_just_told() -> None:
    body = (
        "Chilean troops raided a Peruvian border post on Sunday, killing two guards. Bolivia described the "
        'raid as a dastardly act. "We condemn it," said Peru\'s Foreign Minister Ana Ruiz.'
    )
    assert (("Ana Ruiz", "Peru"), ("Chile",)) in _of(body, "ACCUSE")
    assert (("Bolivia",), ("Chile",)) in _of(body, "ACCUSE")  # "dastardly" is an accusation word
    assert not any("Bolivia" in t for _s, t in _of(body, "ACCUSE"))  # "it" is no accusation


def test_the_measures_judged_are_the_latest_ones_taken() -> None:
    body = (
        "Saudi Arabia and Egypt cut diplomatic ties with Qatar on Monday. Qatar's foreign ministry "
        'called the measures "unjustified".'
    )
    assert any(set(t) == {"Saudi Arabia", "Egypt"} for _s, t in _of(body, "ACCUSE"))


def test_questioning_a_decision_disapproves_of_its_maker() -> None:
    assert (("Peru",), ("Chile",)) in _of("Peru questioned Chile's decision to close the border.", "ACCUSE")
    assert not triples("Police questioned Juan Ortega about the fire.")


def test_a_nouns_owner_does_what_its_to_clause_says() -> None:
    body = "Peru questioned Chile's decision to send troops to Bolivia."
    assert not any(s == ("Peru",) for ty, s, _t in triples(body) if ty == "COOPERATE")


def test_a_deadline_set_is_a_demand_and_ignoring_it_rejects_its_setter() -> None:
    body = "The Andean Community gave Chile a deadline to withdraw its troops. Chile ignored the deadline."
    assert (("Andean Community",), ("Chile",)) in _of(body, "REQUEST")
    assert (("Chile",), ("Andean Community",)) in _of(body, "REJECT")


def test_accepting_a_request_complies_with_whoever_asked() -> None:
    body = "Peru asked Chile to reopen its embassy. Chile agreed to the request."
    assert (("Chile",), ("Peru",)) in _of(body, "AGREE")
    body = "Peru urged Chile to reopen its embassy. Chile accepted the proposal."
    assert (("Chile",), ("Peru",)) in _of(body, "AGREE")
    body = "Peru asked Chile to reopen its embassy. Chile agreed to provide fuel to Bolivia."
    assert (("Chile",), ("Peru",)) not in _of(body, "AGREE")


def test_the_recipient_hung_inside_an_agreed_gift() -> None:
    body = "Bolivia agreed last week to provide 1,000 tonnes of fuel to Peru as a grant."
    assert (("Bolivia",), ("Peru",)) in _of(body, "AGREE")


def test_a_third_sides_appeal_about_the_conflict_goes_to_its_two_sides() -> None:
    fight = "Chile and Peru clashed over the border on Monday. "
    assert any(set(t) == {"Chile", "Peru"} for s, t in _of(fight + "The UN urged restraint.", "REQUEST"))
    body = fight + "Ecuador offered to help resolve the dispute."
    assert (("Ecuador",), ("Chile", "Peru")) in {(s, tuple(sorted(t))) for s, t in _of(body, "AGREE")}
    assert not _of(fight + "Chile urged restraint.", "REQUEST")  # a side's own appeal names no one
    assert not _of("Ecuador urged restraint.", "REQUEST")  # no conflict told


def test_calling_for_an_end_to_a_conflict_is_an_appeal() -> None:
    body = "Chile and Peru clashed over the border on Monday. Ecuador called for an end to the conflict."
    assert any(set(t) == {"Chile", "Peru"} for s, t in _of(body, "REQUEST"))
    assert not _of(body, "SUPPORT")


def test_measures_against_a_side_and_bans_maintained_are_sanctions() -> None:
    body = "The United States imposed further measures against Bolivia's mining industry."
    assert (("United States",), ("Bolivia",)) in _of(body, "SANCTION")
    assert (("Peru",), ("Chile",)) in _of("Peru maintained its travel bans on Chilean officials.", "SANCTION")
    assert not triples("Peru took measures against the virus.")


def test_an_agreement_not_yet_given_is_pending_not_refused() -> None:
    body = "Peru asked Chile to open the border. Chile has not yet agreed to the request."
    assert not _of(body, "REJECT")
    assert (("Chile",), ("Peru",)) in _of(body, "AGREE")


def test_who_is_stopped_from_an_act_does_it() -> None:
    body = (
        "Ecuador said the Chilean government had failed to stop the Andean Front from using its territory "
        "to attack Peru."
    )
    attacks = _of(body, "ASSAULT")
    assert (("Andean Front",), ("Peru",)) in attacks
    assert (("Chile",), ("Peru",)) not in attacks
    assert (("Ecuador",), ("Chile",)) in _of(body, "ACCUSE")


def test_a_kind_of_war_waged_is_a_war() -> None:
    body = "Bolivia's president told parliament that Chile was waging a new kind of war against Bolivia."
    assert (("Bolivia",), ("Chile",)) in _of(body, "ACCUSE")


def test_a_capitalised_plural_noun_that_speaks_is_no_name() -> None:
    body = "Refugees arriving in Bangladesh have accused soldiers of burning villages."
    assert not any("Refugees" in s for _ty, s, _t in triples(body))


def test_a_court_ordering_a_state_to_act_demands_it() -> None:
    body = "The International Court of Justice ordered Venezuela to refrain from any action in the territory."
    assert (("International Court of Justice",), ("Venezuela",)) in _of(body, "REQUEST")
    assert not triples("Chilean President Juan Ortega ordered the army to withdraw from the border.")


def test_an_act_prevented_is_not_done_and_not_refused() -> None:
    body = "The court prevented Peru from signing the agreement with Chile."
    assert not _of(body, "REJECT")
    _s, _t, ev = only(body, "SUPPORT")  # an agreement signed (CAMEO 057)
    assert ev.negated


def test_pledging_allegiance_backs_a_side() -> None:
    body = "The Andean Front, which pledged allegiance to Bolivia last year, has turned to bombings."
    assert (("Andean Front",), ("Bolivia",)) in _of(body, "SUPPORT")
    assert not _of(body, "AGREE")


def test_turning_to_a_side_for_help_asks_it() -> None:
    assert (("Peru",), ("Chile",)) in _of("Peru has turned to Chile for help.", "REQUEST")
    assert not triples("Peru turned to Chile's football coach in the second half.")
