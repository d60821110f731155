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

