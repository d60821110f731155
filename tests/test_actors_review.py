"""Actor fixes found by reading the Wikinews corpus output (whole pipeline, bundled model; made-up text)."""

from __future__ import annotations

from .events_helpers import analyse, coded


def test_a_storm_is_no_actor() -> None:
    ad = analyse("As Hurricane Lorenzo hit the Azores on Monday, Ireland issued alerts. Lorenzo will fade.")
    assert not [e.name for e in ad.entities if "Lorenzo" in e.name]


def test_an_interview_with_wikinews_is_no_consultation() -> None:
    assert not coded("The mayor, Aparna Garg, discussed the initiative with Wikinews on Monday.")


def test_a_guessed_participant_is_no_demonym_and_no_outlet() -> None:
    """The nearest-name fallback takes neither a people's adjective nor a news outlet."""
    assert not coded("In 2016, the Supreme Court declined to hear a case about American Samoans' rights.")
    assert not coded("According to these videos and NPR, the police then surrounded the attacker Usman Khan.")


def test_a_backer_named_before_a_hyphen_is_named_without_it() -> None:
    ad = analyse("Voters chose between Howie Hawkins and the Bernie Sanders-backed candidate Joe Biden.")
    assert "Bernie Sanders" in [e.name for e in ad.entities]
    assert not [e.name for e in ad.entities if e.name.endswith("-backed")]


def test_a_possessive_refers_to_the_one_person_named_before_it_in_its_sentence() -> None:
    """ "Tom Reyes renewed his support": his is Reyes's, not the one who opened the sentence before."""
    ad = analyse("Paul Greer spoke first. Tom Reyes renewed his support for the Green Party.")
    names = {e.id: e.name for e in ad.entities}
    assert [names[m.entity] for m in ad.mentions if m.text == "his"] == ["Tom Reyes"]
