"""Attacks reported by what was fired and where: counted weapons, places inside a target phrase, the
attacker's demonym before a weapon's model."""

from __future__ import annotations

from tests.events_helpers import coded


def _events(body: str) -> list[tuple[str, list[str], list[str]]]:
    return [c[:3] for c in coded(body)]


def test_counted_missiles_fired_at_towns_across_a_state_attack_it() -> None:
    got = _events("Chile fired dozens of rockets at towns across Peru.")
    assert got == [("ASSAULT", ["Chile"], ["Peru"])]


def test_a_barrage_of_rockets_is_the_rockets() -> None:
    assert _events("Chile fired a barrage of rockets at Peru.") == [("ASSAULT", ["Chile"], ["Peru"])]


def test_a_round_of_talks_is_talks_with_the_light_verbs_subject() -> None:
    got = _events("Ann Ward held a round of talks with Juan Ortega.")
    assert got == [("CONSULT", ["Ann Ward"], ["Juan Ortega"])]


def test_the_demonym_before_a_weapons_model_and_fighter_jets_is_the_attacker() -> None:
    got = _events("Chilean F-16 fighter jets shot down a Peruvian warplane near the border on Tuesday.")
    assert got == [("ASSAULT", ["Chile"], ["Peru"])]


def test_a_phrasal_verb_the_tagger_made_a_noun_with_subject_particle_and_object() -> None:
    got = _events("A Chilean warship shot down a Peruvian airliner over the Pacific.")
    assert got == [("ASSAULT", ["Chile"], ["Peru"])]
