"""Reactions to an act named by a definite noun: whoever the text before says did it (issue 14).

The sentences are made up for these tests."""

from __future__ import annotations

from .events_helpers import coded


def _accuse(body: str) -> list[tuple[list[str], list[str], str]]:
    return [(s, g, e.rule) for t, s, g, e in coded(body) if t == "ACCUSE"]


def test_disappointment_at_a_ruling_is_criticism_of_who_ruled() -> None:
    body = (
        "On Monday the Valdor High Court ruled that the new tax was unlawful. "
        "The Green Party of Valdor expressed disappointment at the ruling."
    )
    got = _accuse(body)
    assert [(s, g) for s, g, _ in got] == [(["Green Party of Valdor"], ["Valdor High Court"])]
    assert "who did the ruling" in got[0][2]


def test_an_act_noun_with_no_doer_told_before_names_no_one() -> None:
    body = "The Green Party of Valdor expressed disappointment at the ruling on Monday."
    assert _accuse(body) == []


def test_the_owner_of_an_earlier_act_noun_is_its_doer() -> None:
    body = (
        "Critics spoke out after Governor Ann Ward's suspension of the Valdor assembly in May. "
        "The Green Party of Valdor condemned the suspension."
    )
    assert [(s, g) for s, g, _ in _accuse(body)] == [(["Green Party of Valdor"], ["Ann Ward"])]
