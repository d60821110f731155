"""Session 21: envoys recalled from or posted in a capital, diplomats ordered out, offers turned
down. The sentences are written for these tests (made-up situations between real states and
made-up people), not taken from any article."""

from __future__ import annotations

from .events_helpers import triples


def test_an_ambassador_recalled_in_a_capital_reduces_relations_with_its_state() -> None:
    body = "Peru recalled its ambassador in Santiago for consultations."
    assert ("SANCTION", ("Peru",), ("Chile",)) in triples(body)


def test_an_envoy_recalled_from_a_capital() -> None:
    assert ("SANCTION", ("Peru",), ("Chile",)) in triples("Peru recalled its envoy from Santiago on Monday.")


def test_an_embassy_in_a_capital_is_a_building_there() -> None:
    # the capital of an embassy's phrase is where it is, not the government it is accredited to
    got = triples("The Peruvian embassy in Santiago criticised Bolivia on Monday.")
    assert not [g for g in got if "Chile" in g[1] + g[2]]


def test_diplomats_ordered_to_leave_or_given_hours_to_leave_are_expelled() -> None:
    body = "Chile ordered two Peruvian diplomats to leave within 72 hours."
    assert ("SANCTION", ("Chile",), ("Peru",)) in triples(body)
    given = triples("Bolivia gave Peruvian diplomats 48 hours to leave.")
    assert ("SANCTION", ("Bolivia",), ("Peru",)) in given


def test_troops_ordered_to_the_border_are_still_a_deployment() -> None:
    got = triples("Chile ordered troops to the border with Peru on Monday.")
    assert not [g for g in got if g[0] == "SANCTION"]


def test_an_offer_turned_down_is_rejected() -> None:
    assert ("REJECT", ("Juan Ortega",), ("Ann Ward",)) in triples(
        "Juan Ortega turned down Ann Ward's offer of a cabinet post on Monday."
    )
