"""Speakers of reported speech (issue 15): outlets, unnamed and institutional sources, through the
whole pipeline (bundled model).

Every sentence is written for these tests (made-up statements by real states and made-up people and
organisations); none comes from a seed, sample or dev article.
"""

from __future__ import annotations

from .test_quotes_parse import one


def test_outlet_named_newspaper_speaks_for_excerpts_of_its_interview() -> None:
    body = (
        "After the summit, Senator Ilse Marrow gave an interview to The Coastal Newspaper, the daily "
        "of the regional assembly. The following are excerpts from the interview:\n\n"
        "“The talks in Geneva went further than anyone in Berlin expected, and we will keep the channel "
        "open for as long as the other side wants it.”"
    )
    q, name = one(body, "direct", "The talks in Geneva")
    assert name == "Coastal Newspaper"


def test_unknown_name_that_reports_is_an_actor_and_speaks() -> None:
    body = (
        "Flooding closed three border crossings between Chile and Argentina on Tuesday. Veltora reports "
        "the crossings will stay shut until the rivers fall."
    )
    q, name = one(body, "indirect", "the crossings will stay shut")
    assert name == "Veltora"


def test_state_media_speaks_for_the_state_named_before() -> None:
    body = (
        "A fire broke out at a refinery owned by Norway's state-owned energy company on Monday, which "
        "state media said was under control by the evening."
    )
    q, name = one(body, "indirect", "under control")
    assert name == "Norway"


def test_state_media_speaks_for_the_state_in_its_phrase() -> None:
    body = "Officials in Ankara met on Monday. Later, Iranian state television said the talks had failed."
    q, name = one(body, "indirect", "the talks had failed")
    assert name == "Iran"


def test_a_states_military_is_its_armed_body_named_in_the_document() -> None:
    body = (
        "Two drones were shot down near the border, the Malian Security Forces said in a statement on "
        "Friday. A third drone crashed in a field, according to Malian military."
    )
    q, name = one(body, "indirect", "A third drone crashed")
    assert name is not None and name.lower().endswith("security forces")


def test_the_sources_refer_back_to_sources_within_a_body() -> None:
    body = (
        "On Monday, several newspapers reported the minister had resigned, citing sources within the "
        "French Ministry of Finance. The sources said the minister left after a dispute over the budget."
    )
    q, name = one(body, "indirect", "left after a dispute")
    assert name is not None and "Ministry" in name


def test_associates_of_a_person_are_not_the_person() -> None:
    body = (
        "The opposition politician Marek Halvorsen fell ill on a flight to Oslo on Thursday. Associates "
        "of Halvorsen alleged he had been poisoned."
    )
    q, name = one(body, "indirect", "had been poisoned")
    assert name != "Marek Halvorsen"


def test_a_speech_verb_inside_a_quote_without_its_own_speaker_is_no_parenthetical_cue() -> None:
    """ "..., but ask anyone close to her, and ...": the imperative is part of the quote, whose
    speaker is the one who stated it."""
    body = (
        'Tom Reyes, one of her sons, stated, "She was a painter and a writer. She was old, but ask '
        'anyone close to her, and they would tell you she was the youngest person they knew."'
    )
    q, name = one(body, "direct", "painter")
    assert name == "Tom Reyes" and q.cue == "stated"


def test_a_pronoun_speaker_is_the_person_the_pronoun_chain_links() -> None:
    body = (
        "Ann Cole had one son with her first husband, Lee Ray. She was also married to Dale Fox and "
        "Marty Penn, whom she divorced in 1981. She said Ray had been cruel to her."
    )
    q, name = one(body, "indirect", "Ray had been cruel")
    assert name == "Ann Cole"


def test_a_spokesman_for_a_person_speaks_for_that_person() -> None:
    body = (
        "The singer Marek Halvorsen met the White House chief of staff in March. After the interview, "
        "a spokesman for Halvorsen claimed Halvorsen had decided to leave the race."
    )
    q, name = one(body, "indirect", "decided to leave the race")
    assert name == "Marek Halvorsen"
