"""Datelines: the place and/or date of a report written before its text.

* a **date line**: a line that holds only a date, with an optional weekday, label and time
  ("Wednesday, January 23, 2019", "Published: 23 Jan. 2019 10:32 GMT", "2019-01-23");
* a **dateline opening** of the lead: a place in capitals, or a place and a date followed by a
  news agency, then a dash ("MOSCOW, Sept. 18 (Reuters) -", "WASHINGTON (AP) —",
  "Gaza City, Jan. 2 (Xinhua) --").

Both are kept out of the body (excluded span kind ``dateline``) by the cleaning stage, and the
``docdate`` stage reads a full date in them as the document date when the metadata gives none.
The words (labels, agencies, time shapes) are data: ``data/lexicon/boilerplate.yaml``; month and
weekday names come from ``english.yaml``.
"""

from __future__ import annotations

import re

from newsgraph.text import lexicons
from newsgraph.text.vocabulary import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES

_MON = "|".join(sorted([*MONTH_NAMES, *(a.capitalize() for a in MONTH_ABBREVIATIONS)], key=len, reverse=True))
_WD = "|".join(sorted([*WEEKDAY_NAMES, *(w[:3] for w in WEEKDAY_NAMES), "Tues", "Thur", "Thurs"],
                      key=len, reverse=True))
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|2[01]\d\d)"
_MONTH = rf"(?i:{_MON})\.?"
#: a full date: "January 23, 2019", "23 January 2019", "2019-01-23", "23/01/2019"
FULL_DATE = (
    rf"(?:{_MONTH}\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}"
    rf"|{_YEAR}[-/.]\d{{1,2}}[-/.]\d{{1,2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]{_YEAR})"
)
_SHORT_DATE = rf"(?:{_MONTH}\s+{_DAY}|{_DAY}\s+{_MONTH})"
_WEEKDAY = rf"(?:(?i:{_WD})\.?,?\s+)"
_TIME = rf"(?:[,\s]+(?i:{lexicons.pattern('boilerplate.dateline_times')}))"
_LABEL = rf"(?:(?i:{lexicons.pattern('boilerplate.dateline_labels')})\s*:?\s+)"

DATE_LINE = re.compile(rf"{_LABEL}?{_WEEKDAY}?{FULL_DATE}{_TIME}?\s*\.?")

_AGENCY = rf"\((?:{lexicons.alternation(lexicons.phrases('boilerplate.dateline_agencies'))})\)"
_CAPS_PLACE = r"[A-Z][A-Z.'’-]{3,}(?:[ \t]+[A-Z][A-Z.'’-]+){0,3}"  # 4 letters: not "US - Iran talks"
_PLACE = r"[A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){0,3}"
_WHEN = rf"{_WEEKDAY}?(?:{FULL_DATE}|{_SHORT_DATE})"
_DASH = r"[ \t]*(?:[–—]|-{1,2})[ \t]+"
DATELINE_OPENING = re.compile(
    rf"(?:{_CAPS_PLACE}(?:,[ \t]*{_PLACE})?(?:,[ \t]*{_WHEN})?(?:[ \t]*{_AGENCY})?"
    rf"|{_PLACE}(?:,[ \t]*{_PLACE})?,[ \t]*{_WHEN}[ \t]*{_AGENCY}){_DASH}(?=\S)"
)
_FULL = re.compile(FULL_DATE)


def is_date_line(line: str) -> bool:
    """``line`` (stripped) holds only a date (see the module docs)."""
    return len(line) <= 80 and DATE_LINE.fullmatch(line) is not None


def opening(line: str) -> int:
    """Length of the dateline that opens ``line`` (0 when it has none); the dash is included."""
    if len(line) < 20 or not line[:1].isupper():
        return 0
    m = DATELINE_OPENING.match(line, 0, min(len(line), 160))
    return m.end() if m else 0


def date_text(dateline: str) -> str | None:
    """The full date written in a dateline, if it has one."""
    m = _FULL.search(dateline)
    return m.group() if m else None
