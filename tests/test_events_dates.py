"""Event dates (issue 14) on hand-written sentences: which stated date an event takes, and what an
event with none of its own falls back to.

The sentences are written for these tests (made-up situations between real states), not taken
from any article. Rules: a relative clause's date dates no predicate above it; a day counted from
the moment of speaking inside a quotation is not counted from the document date; a counted date
("the same day") in a past clause counts from a past date; a week's date has the precision that
holds the whole week; an undated act takes the day of the latest main clause its actor is the
subject of (the story's day; a state such as "X is a critic of Y" has none), else the publication
month.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from newsgraph.models import AnalyzedDoc, Document, Event
from newsgraph.pipeline.registry import Pipeline, Resources
from newsgraph.text.dates import find_dates

PUBLISHED = "2020-01-10"  # a Friday
FRI = dt.date(2020, 1, 10)


@lru_cache(maxsize=1)
def _pipe() -> tuple[Pipeline, Resources]:
    return Pipeline.build(), Resources()


def analyse(body: str, published: str | None = PUBLISHED) -> AnalyzedDoc:
    pipe, res = _pipe()
    return pipe(AnalyzedDoc(doc=Document(id="t", text=f"A headline\n\n{body}\n", published=published)), res)


def events(body: str) -> list[tuple[str, list[str], list[str], Event]]:
    ad = analyse(body)
    names = {e.id: e.name for e in ad.entities}
    return [(e.type, [names[x] for x in e.source], [names[x] for x in e.target], e) for e in ad.events]


def one(body: str, typ: str, source: str) -> Event:
    got = [e for t, s, _, e in events(body) if t == typ and source in s]
    assert len(got) == 1, events(body)
    return got[0]


def values(text: str, anchor: dt.date = FRI) -> dict[str, str]:
    return {d.text or "": d.value for d in find_dates(text, anchor=anchor)}


# ---- the date finder ---------------------------------------------------------------------------------


def test_quoted_day_counted_from_speaking_is_unresolved() -> None:
    got = values('"We met them yesterday and will meet again on Monday," the minister said yesterday.')
    assert got["yesterday"] == "2020-01-09"  # the narration's own "yesterday" (last of the two)
    found = find_dates('"We met them yesterday," the minister said.', anchor=FRI)
    assert [(d.text, d.value, d.precision) for d in found] == [("yesterday", "", "none")]


def test_quoted_month_and_full_dates_still_resolve() -> None:
    got = values('"We signed it on March 3, 2019 and again last month," he said.')
    assert got["March 3, 2019"] == "2019-03-03" and got["last month"] == "2019-12"


def test_same_day_in_a_past_clause_skips_a_future_date() -> None:
    text = (
        "On Wednesday, Poland announced rules that will take effect on March 2. "
        "They were published the same day."
    )
    got = values(text)
    assert got["On Wednesday"] == "2020-01-08" and got["March 2"] == "2020-03-02"
    assert got["the same day"] == "2020-01-08"


def test_same_day_in_a_future_clause_may_count_from_a_future_date() -> None:
    got = values("The talks are due on March 2. The treaty will be signed the same day.")
    assert got["the same day"] == "2020-03-02"


def test_week_dates_hold_the_whole_week() -> None:
    assert values("They met last week.", dt.date(2019, 10, 2))["last week"] == "2019-09"  # Sep 23-29
    assert values("They met last week.", dt.date(2019, 10, 7))["last week"] == "2019"  # Sep 30 - Oct 6
    assert values("They met last week.", dt.date(2020, 1, 6))["last week"] == ""  # Dec 30 - Jan 5


# ---- dates of events -----------------------------------------------------------------------------------


def test_relative_clause_date_does_not_date_the_event_above() -> None:
    ev = one("Russia condemned Japan, which had left the talks in 2005.", "ACCUSE", "Russia")
    assert ev.date == "2020-01" and ev.date_source == "document"


def test_quoted_yesterday_leaves_the_event_to_its_context() -> None:
    body = 'On Tuesday, Poland accused Germany of spying. "Yesterday we condemned Germany," Poland said.'
    dated = {e.date for t, s, _, e in events(body) if t == "ACCUSE" and "Poland" in s}
    assert "2020-01-09" not in dated and "2020-01-07" in dated


def test_undated_act_takes_the_day_of_its_actor_main_clause() -> None:
    body = (
        "On Tuesday, Poland announced a new defence plan for its eastern border.\n\n"
        "Poland also thanked Germany for its support."
    )
    ev = one(body, "SUPPORT", "Poland")
    assert ev.date == "2020-01-07" and ev.date_source == "context" and ev.date_text is None


def test_undated_act_of_another_actor_keeps_the_publication_month() -> None:
    body = (
        "On Tuesday, Poland announced a new defence plan for its eastern border.\n\n"
        "Lithuania thanked Germany for its support."
    )
    ev = one(body, "SUPPORT", "Lithuania")
    assert ev.date == "2020-01" and ev.date_source == "document"


def test_a_day_inside_a_reported_clause_is_no_story_day() -> None:
    body = (
        "Poland said Germany had broken the agreement on Monday.\n\n"
        "Poland also thanked France for its support."
    )
    ev = one(body, "SUPPORT", "Poland")
    assert ev.date == "2020-01" and ev.date_source == "document"


def test_the_latest_earlier_story_day_of_the_actor_wins() -> None:
    body = (
        "On Monday, Poland announced a new defence plan.\n\n"
        "On Wednesday, Poland announced new border checks.\n\n"
        "On Thursday, Lithuania announced a new budget.\n\n"
        "Poland also thanked Germany for its support."
    )
    ev = one(body, "SUPPORT", "Poland")
    assert ev.date == "2020-01-08" and ev.date_source == "context"


def test_a_state_takes_no_story_day() -> None:
    body = (
        "On Tuesday, Poland announced a new defence plan for its eastern border.\n\n"
        "Poland is an outspoken critic of Russia."
    )
    ev = one(body, "ACCUSE", "Poland")
    assert ev.date == "2020-01" and ev.date_source == "document"


def test_a_past_event_dated_by_a_month_alone_is_before_the_report() -> None:
    ad = analyse("Joe Biden said Donald Trump banned travel from China in January.", "2020-11-02")
    assert [(e.type, e.date) for e in ad.events] == [("SANCTION", "2020-01")]
    ad = analyse("Russia will meet China in January.", "2020-11-02")  # a coming one is after it
    assert [(e.type, e.date) for e in ad.events] == [("CONSULT", "2021-01")]


def test_a_weekday_is_not_moved_back_a_year() -> None:
    ad = analyse("Russia and China met on Tuesday, officials said.", "2020-11-02")
    assert [e.date for e in ad.events if e.type == "CONSULT"] in (["2020-10-27"], ["2020-11-03"])


def test_a_past_act_does_not_take_a_coming_date_from_its_context() -> None:
    body = "The summit will be held in Geneva next month. Russia criticised China for its plans."
    ad = analyse(body, "2020-11-02")
    assert [(e.type, e.date) for e in ad.events if e.type == "ACCUSE"] == [("ACCUSE", "2020-11")]


def test_a_day_of_the_announcing_clause_is_counted_back_even_for_a_coming_act() -> None:
    """ "On Wednesday, X announced that she will ...": the day is the announcement's (the last
    Wednesday), while a day in the future act's own clause is the coming one."""
    ev = one(
        "On Wednesday, Angela Merkel announced that she will impose sanctions on Russia.",
        "SANCTION",
        "Angela Merkel",
    )
    assert ev.hypothetical and ev.date == "2020-01-08"
    ev = one("Germany will impose sanctions on Russia on Wednesday.", "SANCTION", "Germany")
    assert ev.date == "2020-01-15"
