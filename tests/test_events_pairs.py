"""Two actors referred to together: "the two leaders", "both countries", and acts two people do together."""

from __future__ import annotations

from tests.events_helpers import coded


def _events(body: str) -> list[tuple[str, list[str], list[str]]]:
    return [c[:3] for c in coded(body)]


def test_the_two_leaders_are_the_last_two_people_named() -> None:
    body = "Ann Ward arrived in Lima on Monday. She met Juan Ortega, and the two leaders signed a trade deal."
    got = _events(body)
    assert ("SUPPORT", ["Ann Ward"], ["Juan Ortega"]) in got
    assert ("SUPPORT", ["Juan Ortega"], ["Ann Ward"]) in got


def test_both_countries_are_the_last_two_states_named() -> None:
    body = "Chile's president met Peru's president in Quito on Monday. Both countries signed a border treaty."
    got = _events(body)
    assert ("SUPPORT", ["Chile"], ["Peru"]) in got and ("SUPPORT", ["Peru"], ["Chile"]) in got


def test_the_two_leaders_with_one_person_named_stand_for_no_one() -> None:
    got = _events("Ann Ward arrived in Lima on Monday. The two leaders signed a trade deal.")
    assert got == [("CONSULT", ["Ann Ward"], ["Lima"])]


def test_the_two_leaders_inside_a_quote_are_left_alone() -> None:
    body = 'Ann Ward met Juan Ortega. "The two leaders signed a trade deal," a diplomat said.'
    assert [e for e in _events(body) if e[0] == "SUPPORT"] == []


def test_shaking_hands_with_someone_is_meeting_them() -> None:
    assert _events("Ann Ward shakes hands with Juan Ortega.") == [("CONSULT", ["Ann Ward"], ["Juan Ortega"])]


def test_a_pair_referred_to_in_the_sentence_before_is_the_pair_again() -> None:
    body = (
        "Ann Ward arrived in Lima on Sunday for talks with Juan Ortega. "
        "Crowds lined the streets as the two men drove in from the airport. "
        "On Monday the two leaders signed a trade deal. "
        "They also agreed to reopen the border."
    )
    got = _events(body)
    assert ("SUPPORT", ["Ann Ward"], ["Juan Ortega"]) in got
    assert ("AGREE", ["Ann Ward"], ["Juan Ortega"]) in got


def test_they_after_the_two_leaders_in_their_sentence_are_the_two() -> None:
    body = (
        "Ann Ward met Juan Ortega at the border on Saturday. "
        "The two presidents then flew by helicopter to Lima, where they held talks late into the night."
    )
    got = _events(body)
    assert ("CONSULT", ["Ann Ward"], ["Juan Ortega"]) in got
    assert len([e for e in got if e[0] == "CONSULT"]) == 2


def test_hosting_a_base_or_troops_is_no_visit() -> None:
    assert _events("Chile, which hosts the largest U.S. military base in the region, imports food.") == []
    assert _events("Chile hosted Peruvian President Juan Ortega on Monday.") == [
        ("CONSULT", ["Chile"], ["Juan Ortega", "Peru"])
    ]


def test_the_two_sides_after_a_ministrys_statement_are_the_ministrys_state_and_its_guest() -> None:
    body = (
        "Chilean Foreign Minister Ann Ward received the Andean Front's chief, Tom Reyes, on Monday. "
        "According to the Chilean Foreign Ministry's statement, the two sides discussed the reconstruction."
    )
    got = _events(body)
    assert ("CONSULT", ["Andean Front"], ["Chile"]) in got
    assert not [e for e in got if "Chilean Foreign Ministry" in e[1] + e[2]]


def test_whoever_urges_both_sides_is_not_one_of_them() -> None:
    body = "Chilean troops clashed with the Andean Front. Bolivia urged both sides to accept a truce."
    assert ("REQUEST", ["Bolivia"], ["Chile", "Andean Front"]) in _events(body)
