"""Session 35: telephone calls told with a verb of calling and its purpose, and "rang X" read as a
call, not an encirclement.

The sentences are written for these tests (made-up people, real states), not taken from any article.
"""

from __future__ import annotations

from .events_helpers import coded
from .events_helpers import pairs_of as _of


def test_a_call_made_to_discuss_something_is_a_consultation() -> None:
    body = "On Monday, Ana Ruiz called Juan Ortega to discuss the border dispute."
    assert _of(body, "CONSULT") == {(("Ana Ruiz",), ("Juan Ortega",))}
    [(_, _, _, ev)] = [c for c in coded(body) if c[0] == "CONSULT"]
    assert ev.cameo == "041" and not ev.hypothetical


def test_a_call_to_congratulate_and_a_call_yet_to_come() -> None:
    body = "Chilean President Ana Ruiz rang Juan Ortega to congratulate him on his victory."
    assert _of(body, "CONSULT") == {(("Ana Ruiz", "Chile"), ("Juan Ortega",))}
    planned = [c for c in coded("Ana Ruiz will call Juan Ortega to discuss the crisis.") if c[0] == "CONSULT"]
    assert len(planned) == 1 and planned[0][3].hypothetical


def test_calling_someone_names_or_asks_or_summons_without_a_call() -> None:
    assert not _of("Ana Ruiz called Juan Ortega a liar.", "CONSULT")
    assert not _of("Ana Ruiz called on Juan Ortega to discuss the crisis.", "CONSULT")
    assert not _of("Ana Ruiz called the army to intervene in the capital.", "CONSULT")


def test_ringing_someone_is_no_attack_but_troops_ringing_a_town_still_deploy() -> None:
    assert not coded("Ana Ruiz rang Juan Ortega on Tuesday.")
    assert {t for t, _, _, _ in coded("Chilean troops ringed the Peruvian town of Tacna.")} == {"MOBILIZE"}


def test_a_mission_closed_cuts_relations_and_one_reopened_restores_them() -> None:
    closed = [c for c in coded("Chile closed its embassy in Peru on Friday.") if c[0] == "SANCTION"]
    assert [(s, t, e.cameo) for _, s, t, e in closed] == [(["Chile"], ["Peru"], "161")]
    assert _of("Chile reopened its consulates in Peru.", "COOPERATE") == {(("Chile",), ("Peru",))}
    assert {t for t, _, _, _ in coded("Peru closed its border with Chile.")} == {"COERCE"}  # (unchanged)


def test_a_states_companies_and_banks_stand_for_it() -> None:
    assert _of("Peru investigated Chilean companies for bribery.", "ACCUSE") == {(("Peru",), ("Chile",))}
    assert _of("Peru banned Chilean banks from its market.", "SANCTION") == {(("Peru",), ("Chile",))}


def test_resigning_as_a_states_minister_leaves_that_state() -> None:
    assert _of("Ana Ruiz resigned as Chile's foreign minister on Monday.", "RETREAT") == {
        (("Ana Ruiz",), ("Chile",))
    }
    assert not _of("Ana Ruiz resigned as her mother's carer.", "RETREAT")
