"""Tests for newsgraph.text.dates: finding, normalising and comparing date expressions."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.models import Span
from newsgraph.text.dates import (
    date_compatible,
    date_range,
    find_dates,
    infer_document_date,
    parse_date,
    resolve,
)

THU = dt.date(2024, 3, 28)  # a Thursday
FRI = dt.date(2024, 3, 29)
SAT = dt.date(2024, 3, 30)


def D(y: int, m: int, d: int) -> dt.date:
    return dt.date(y, m, d)


# (text, anchor, expected expression text, value, precision, relative)
CASES = [
    # weekdays (news convention: the latest one on or before the anchor)
    ("He said on Thursday that talks went well.", THU, "on Thursday", "2024-03-28", "day", True),
    ("He said on Monday that talks went well.", THU, "on Monday", "2024-03-25", "day", True),
    ("The minister said Monday the talks went well.", THU, "Monday", "2024-03-25", "day", True),
    ("The minister spoke on Friday.", THU, "on Friday", "2024-03-22", "day", True),
    ("The spokesman said last Friday that channels are open.", FRI, "last Friday", "2024-03-22", "day", True),
    ("The spokesman said last Friday that channels are open.", SAT, "last Friday", "2024-03-29", "day", True),
    ("The spokesman said last Friday that channels are open.", THU, "last Friday", "2024-03-22", "day", True),
    ("They spoke on Friday.", FRI, "on Friday", "2024-03-29", "day", True),
    ("They will meet next Thursday.", THU, "next Thursday", "2024-04-04", "day", True),
    ("He will travel to Moscow on Friday.", THU, "on Friday", "2024-03-29", "day", True),
    ("They met this Tuesday.", THU, "this Tuesday", "2024-03-26", "day", True),
    ("Clashes erupted on Sunday night.", D(2024, 1, 1), "on Sunday night", "2023-12-31", "day", True),
    ("Thursday, March 21, 2024 was busy.", THU, "Thursday, March 21, 2024", "2024-03-21", "day", False),
    # today / yesterday ...
    ("The envoy arrived yesterday.", THU, "yesterday", "2024-03-27", "day", True),
    ("The envoy arrived yesterday.", D(2024, 1, 1), "yesterday", "2023-12-31", "day", True),
    ("The envoy arrived yesterday.", D(2024, 3, 1), "yesterday", "2024-02-29", "day", True),
    ("Talks resume today.", THU, "today", "2024-03-28", "day", True),
    ("Today, Palestinians need no permission.", THU, "Today", "2024-03-28", "day", True),
    ("The vote is tomorrow.", D(2023, 12, 31), "tomorrow", "2024-01-01", "day", True),
    ("Shelling was heard last night.", THU, "last night", "2024-03-27", "day", True),
    ("It began the day before yesterday.", THU, "the day before yesterday", "2024-03-26", "day", True),
    # periods
    ("Last week, the ambassador said so.", THU, "Last week", "2024-03", "month", True),
    ("He said so last week.", D(2024, 1, 3), "last week", "2023-12", "month", True),
    ("They met this week.", THU, "this week", "2024-03", "month", True),
    ("They met last month.", D(2024, 1, 15), "last month", "2023-12", "month", True),
    ("They meet next month.", D(2023, 12, 5), "next month", "2024-01", "month", True),
    ("They met earlier this month.", THU, "earlier this month", "2024-03", "month", True),
    ("Elections were held last year.", D(2024, 1, 2), "last year", "2023", "year", True),
    ("Elections are held this year.", THU, "this year", "2024", "year", True),
    ("It was signed two days ago.", THU, "two days ago", "2024-03-26", "day", True),
    ("It was signed 2 days ago.", D(2024, 3, 1), "2 days ago", "2024-02-28", "day", True),
    ("It was signed three weeks ago.", THU, "three weeks ago", "2024-03", "month", True),
    ("It was signed a year ago.", D(2024, 1, 1), "a year ago", "2023", "year", True),
    ("It was founded two decades ago.", THU, "two decades ago", "2004", "year", True),
    # absolute dates
    ("On September 12, 2022 the envoys met.", THU, "September 12, 2022", "2022-09-12", "day", False),
    ("The talks of 12 September 2022 ended.", THU, "12 September 2022", "2022-09-12", "day", False),
    ("Published 2022-09-12 by the agency.", THU, "2022-09-12", "2022-09-12", "day", False),
    ("On Sept. 12, 2022, they met.", THU, "Sept. 12, 2022", "2022-09-12", "day", False),
    ("It ended the 18th of September 2021.", THU, "the 18th of September 2021", "2021-09-18", "day", False),
    ("The battle in May of 2021 was short.", THU, "in May of 2021", "2021-05", "month", False),
    ("It gives lessons to the May 2021 war.", THU, "May 2021", "2021-05", "month", False),
    ("Hamas was founded in December 1987.", THU, "in December 1987", "1987-12", "month", False),
    ("The movement won elections in 2006.", THU, "in 2006", "2006", "year", False),
    ("He has led it since 2017, they said.", THU, "since 2017", "2017", "year", False),
    ("In 2020, a conference was held.", THU, "In 2020", "2020", "year", False),
    ("Talks collapsed in mid-2014.", THU, "in mid-2014", "2014", "year", False),
    ("Fighting raged in the summer of 2014.", THU, "summer of 2014", "2014", "year", False),
    ("The movement won the 2006 legislative elections.", THU, "2006", "2006", "year", False),
    ("Israel must withdraw to the 1967 borders.", THU, "1967", "1967", "year", False),
    ("It grew by the end of 2019.", THU, "of 2019", "2019", "year", False),
    # month-day without a year: the anchor's year, closest before/around the anchor
    ("The delegation’s Sept. 18 trip to Oslo.", D(2017, 9, 25), "Sept. 18", "2017-09-18", "day", True),
    ("In a Sept. 21 statement, Hamas said so.", D(2017, 9, 25), "Sept. 21", "2017-09-21", "day", True),
    ("They met on Dec. 30 in Doha.", D(2024, 1, 2), "Dec. 30", "2023-12-30", "day", True),
    ("They will meet on Jan. 3 in Doha.", D(2023, 12, 30), "Jan. 3", "2024-01-03", "day", True),
    ("They met on Feb. 29 in Doha.", D(2024, 3, 10), "Feb. 29", "2024-02-29", "day", True),
    ("They met on Feb. 29 in Doha.", D(2025, 3, 1), "Feb. 29", "2024-02-29", "day", True),
    ("They will meet on Sept. 18.", D(2024, 9, 20), "Sept. 18", "2025-09-18", "day", True),
    ("Talks took place in March.", D(2024, 5, 2), "in March", "2024-03", "month", True),
    ("Talks took place in November.", D(2024, 1, 10), "in November", "2023-11", "month", True),
    ("Talks took place last December.", D(2024, 1, 10), "last December", "2023-12", "month", True),
    ("Talks took place last March.", THU, "last March", "2023-03", "month", True),
    ("Talks resume next January.", D(2023, 12, 10), "next January", "2024-01", "month", True),
    ("Talks resumed in mid-September.", D(2023, 10, 1), "in mid-September", "2023-09", "month", True),
]


@pytest.mark.parametrize("text,anchor,expr,value,precision,relative", CASES)
def test_find_dates_table(text, anchor, expr, value, precision, relative):
    found = find_dates(text, anchor=anchor)
    assert [d.text for d in found] == [expr], found
    d = found[0]
    assert (d.value, d.precision, d.relative) == (value, precision, relative)
    assert text[d.start:d.end] == expr


@pytest.mark.parametrize("text", [
    "This may help the Palestinians.",
    "May God protect them.",
    "The march on Washington drew crowds.",
    "More than 2,000 people joined.",
    "On Day 174 of the war, shelling continued.",
    "UN Security Council Resolution 2334 condemns settlements.",
    "The Sunday Times reported the visit.",
    "The official spoke to Russia Today (RT) about it.",
    "The Good Friday Agreement ended the conflict.",
    "Aid was cut in the late 2000s.",
    "Some 1 in 2000 residents were affected.",
    "The number increased by 2020 units.",
    "They sent from 2000 to 3000 troops.",
    "A total of 2000 were detained.",
    "In 2000 homes the power was cut.",
    "The Great March of Return protests began.",
    "We refuse to discuss the day after the war.",
    "The mayor of Mayotte marched.",
    "The temperature was 20.5 degrees at 2024 metres.",
])
def test_false_positives(text):
    assert find_dates(text, anchor=THU) == []


def test_relative_without_anchor_is_unresolved():
    for text in ["He spoke on Thursday.", "He spoke yesterday.", "Last week he spoke.", "two days ago",
                 "They met on Sept. 18 in Moscow."]:
        found = find_dates(text)
        assert len(found) == 1
        assert (found[0].value, found[0].precision, found[0].relative) == ("", "none", True)


def test_month_day_takes_year_from_same_sentence():
    text = "In 2019, the delegation arrived on Sept. 18 in Moscow. They left on Sept. 20."
    found = find_dates(text)
    assert [(d.text, d.value) for d in found] == [("In 2019", "2019"), ("Sept. 18", "2019-09-18"),
                                                  ("Sept. 20", "")]
    # a fully dated expression in the same sentence wins over the anchor
    text = "They met on September 12, 2022 and left on Sept. 14."
    assert [d.value for d in find_dates(text, anchor=THU)] == ["2022-09-12", "2022-09-14"]


def test_context_relative_expressions():
    text = ("On September 12, 2022 the delegation met the minister.\nThe day after the meeting, it met MPs. "
            "The next day it left. The party won in 2006. That year it formed a government. "
            "The following year it split. Two days later nothing happened.")
    found = find_dates(text, anchor=THU)
    assert [(d.text, d.value, d.precision) for d in found] == [
        ("September 12, 2022", "2022-09-12", "day"),
        ("The day after", "2022-09-13", "day"),
        ("The next day", "2022-09-14", "day"),
        ("in 2006", "2006", "year"),
        ("That year", "2006", "year"),
        ("The following year", "2007", "year"),
        ("Two days later", "", "none"),  # no day-precision date to count from
    ]
    assert find_dates("The day after, they left.", anchor=THU)[0].precision == "none"


def test_ranges_and_lists():
    found = find_dates("He served between 2006 and 2010 in Gaza.", anchor=THU)
    assert [(d.text, d.value) for d in found] == [("between 2006", "2006"), ("2010", "2010")]


def test_offsets_slice_exactly():
    text = ("A senior official told USA Today (AP) on Thursday that Norway is crucial. The party won the "
            "2006 legislative elections. A delegation visited Norway that year, and its leader met in 2010 "
            "with the then-president.\n\nLast week, the ambassador said on Sept. 18 that ties since "
            "December 1987 were good; 2,000 people may march in May.")
    found = find_dates(text, anchor=THU)
    assert [d.text for d in found] == ["on Thursday", "2006", "that year", "in 2010", "Last week", "Sept. 18",
                                       "since December 1987", "in May"]
    for d in found:
        assert text[d.start:d.end] == d.text
    assert [d.start for d in found] == sorted(d.start for d in found)


def test_spans_restrict_search():
    text = "Photo: June 5, 2020. Body: He spoke on Thursday. Comments: posted Aug. 1, 2023."
    body = Span(text.index("Body"), text.index("Comments"))
    found = find_dates(text, [body], anchor=THU)
    assert [d.text for d in found] == ["on Thursday"]
    assert found[0].start == text.index("on Thursday")
    assert infer_document_date(text, [body]) is None
    assert infer_document_date(text).value == "2023-08-01"


def test_infer_document_date():
    text = ("On September 10, 2022 a meeting took place. On September 14, 2022 the delegation met "
            "officials; founded in December 1987. Yesterday they spoke.")
    d = infer_document_date(text)
    assert (d.value, d.precision, d.relative) == ("2022-09-14", "day", False)
    assert text[d.start:d.end] == "September 14, 2022"
    d = infer_document_date("Founded in December 1987, it won in May 2006 and in 2007.")
    assert (d.value, d.precision) == ("2006-05", "month")
    assert infer_document_date("He spoke on Thursday about Sept. 18 and events in 2006.") is None
    assert infer_document_date("No dates here.") is None


@pytest.mark.parametrize("value,expected", [
    ("2024-03-28", D(2024, 3, 28)),
    ("2024-03-28T10:00:00Z", D(2024, 3, 28)),
    ("2024-03-28T23:30:00-05:00", D(2024, 3, 28)),
    ("2024-03-28 10:00", D(2024, 3, 28)),
    ("2024/03/28", D(2024, 3, 28)),
    ("20240328", D(2024, 3, 28)),
    ("March 28, 2024", D(2024, 3, 28)),
    ("Mar. 28, 2024", D(2024, 3, 28)),
    ("28 March 2024", D(2024, 3, 28)),
    ("Thursday, March 28, 2024", D(2024, 3, 28)),
    ("Thu, 28 Mar 2024 10:00:00 +0000", D(2024, 3, 28)),
    ("28/03/2024", D(2024, 3, 28)),  # unambiguous: 28 cannot be a month
    ("03/28/2024", D(2024, 3, 28)),
    ("03/04/2024", None),  # ambiguous
    ("2024-02-30", None),
    ("2024-02-29", D(2024, 2, 29)),
    ("2023-02-29", None),
    ("", None),
    ("yesterday", None),
    ("2024", None),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("a,b,tol,expected", [
    ("2022-09-12", "2022-09-12", 1, True),
    ("2022-09-12", "2022-09-13", 1, True),
    ("2022-09-12", "2022-09-14", 1, False),
    ("2022-09-12", "2022-09-14", 2, True),
    ("2022-09", "2022-09-30", 1, True),
    ("2022-09", "2022-10-01", 1, True),
    ("2022-09", "2022-10-02", 1, False),
    ("2022", "2022-09-12", 1, True),
    ("2022", "2022-09", 0, True),
    ("2021", "2022-06", 1, False),
    ("2023-12-31", "2024-01-01", 1, True),
    ("2024-02-29", "2024-03-01", 1, True),
    (None, "2022-09-12", 1, True),
    ("", "2022", 1, True),
    ("garbage", "2022", 1, False),
])
def test_date_compatible(a, b, tol, expected):
    assert date_compatible(a, b, tol) is expected
    assert date_compatible(b, a, tol) is expected


def test_date_range():
    assert date_range("2024-02") == (D(2024, 2, 1), D(2024, 2, 29))
    assert date_range("2023-12") == (D(2023, 12, 1), D(2023, 12, 31))
    assert date_range("2022") == (D(2022, 1, 1), D(2022, 12, 31))
    assert date_range("2022-13") is None


def test_resolve():
    assert resolve("Sept. 18", D(2017, 9, 25)).value == "2017-09-18"
    assert resolve(" last Friday ", FRI).value == "2024-03-22"
    assert resolve("in 2006", None).value == "2006"
    assert resolve("2006", None) == ("2006", "year", "2006", 0, 4, False)
    r = resolve("May", THU)
    assert (r.value, r.precision, r.text) == ("2024-05", "month", "May")
    assert resolve("on Thursday", None).precision == "none"
    assert resolve("the talks", THU) is None


def test_context_expression_without_a_modifier_does_not_crash() -> None:
    # "the day before the blast" after a span word: a context expression with no "next"/"last"
    import datetime as dt

    from newsgraph.text.dates import find_dates

    text = "A source said the tenant moved in the day before the blast."
    assert isinstance(find_dates(text, None, dt.date(2019, 1, 4)), list)
