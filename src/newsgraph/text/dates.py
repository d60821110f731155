"""Pipeline step 6: find date expressions and normalise them against the document date.

Values are ``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY`` with precision ``day`` / ``month`` / ``year``.
A relative expression ("on Thursday", "last week", "the day after") or a partial one
("Sept. 18") gets ``relative=True``; when it cannot be resolved (no anchor, no earlier date
to count from) it is still returned, with ``value=""`` and ``precision="none"``.

Conventions (news reports past events):
- weekday ("on Thursday", bare "Thursday"): the latest such day on or before the anchor, or
  on/after it when the clause before it has a future cue ("will", "is due to", "by", ...);
  "last Thursday" is strictly before the anchor (a week earlier when the anchor is a
  Thursday), "next Thursday" strictly after, "this Thursday" in the anchor's Mon-Sun week;
- "last/this/next week" -> the Monday-Sunday week of anchor -7/0/+7 days, at the finest
  precision that holds all of it: its month, else its year, else unresolved (a week across New
  Year); "N weeks ago" likewise; "last/this/next month|year" -> that month/year;
- month-day without year ("Sept. 18"): the year of a fully dated expression in the same
  sentence, else the anchor year -1/0/+1 closest to the anchor, where days after it count
  triple (a future cue picks the first on/after it), else the closest bare year in the
  sentence; else unresolved. A bare month ("in May") works the same at month precision;
- "the day after", "the next day", "that year", "two days later", "the following week":
  counted from the closest preceding resolved date in the text (not from the anchor); in a
  clause about the past, from the closest one not after the anchor ("to take effect on
  December 10 ... released later the same day": not December 10);
- a day counted from the moment of speaking ("yesterday", "on Monday", "last week", "two days
  ago") inside quotation marks is counted from when the words were said, which the text may
  not give: unresolved;
- offsets cover the expression; a leading preposition is included only where it is what
  makes the expression a date ("in 2006", "on Thursday", "in May"), not before a full date
  ("September 12, 2022").

The words (month and weekday names, the words that make a number a year or a weekday a name,
relative-date modifiers) are data: ``data/lexicon/english.yaml`` and ``dates.yaml``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import NamedTuple

from newsgraph.models import DateValue, Span
from newsgraph.quotes.marks import find_quote_spans
from newsgraph.text import lexicons
from newsgraph.text.util import paragraphs, split_sentences
from newsgraph.text.vocabulary import MONTH_ABBREVIATIONS, MONTH_NAMES, MONTHS, WEEKDAY_NAMES, WEEKDAYS


def _w(name: str) -> str:
    """The alternatives of list ``dates.<name>`` (as one regular-expression source)."""
    return lexicons.pattern(f"dates.{name}")


def _table(name: str) -> dict[str, str]:
    return {" ".join(k.lower().split()): v for k, v in lexicons.table(f"dates.{name}").items()}


_MONTHS = MONTHS
_WEEKDAYS = list(WEEKDAYS)
_NUMS = {w: int(n) for w, n in _table("number_words").items()}
_WEEKDAY_MODES = _table("weekday_modes")
_WEEKDAY_PAST_ONLY = lexicons.words("dates.weekday_past_only")
_WEEKDAY_STORY_OPENERS = lexicons.words("dates.weekday_story_openers")
_MONTH_MODES = _table("month_modes")
_DAY_OFFSETS = {w: int(n) for w, n in _table("day_offsets").items()}
_PERIOD_STEPS = {w: int(n) for w, n in _table("period_steps").items()}
_CONTEXT_STEPS = {w: int(n) for w, n in _table("context_steps").items()}
_NAME_DAY = lexicons.phrases("dates.name_day_word")

_MON = (rf"\b(?P<mon>(?:{'|'.join(MONTH_NAMES)})\b"
        rf"|(?:{'|'.join(a.capitalize() for a in MONTH_ABBREVIATIONS)})\b\.?)")
_DAY = r"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?![:%]|[.,]\d)"
_YEAR = r"\b(?P<year>1[6-9]\d\d|20\d\d)\b(?![.,]\d|['’]?s\b|%)"
_WD = rf"(?:{'|'.join(WEEKDAY_NAMES)})"
_NOT_COUNT = rf"(?!\s+(?:{_w('count_nouns')})\b)"
_EVENT_NOUN = rf"(?:{_w('event_nouns')})"
_YEAR_TRIG = rf"(?i:{_w('year_triggers')})"
_MON_TRIG = rf"(?i:{_w('month_triggers')})"
_PARTS = _w("day_parts")

_RULES: list[tuple[str, re.Pattern[str]]] = [(k, re.compile(p)) for k, p in [
    ("iso", r"\b(?P<year>\d{4})-(?P<m>\d\d)-(?P<day>\d\d)\b"),
    ("mdy", rf"(?:\b{_WD},?\s+)?{_MON}\s+{_DAY}(?:,?\s+{_YEAR})?"),
    ("dmy", rf"(?:\b{_WD},?\s+)?(?:\bthe\s+)?{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?"),
    ("my", rf"{_MON},?\s+(?:of\s+)?{_YEAR}"),
    ("mon", rf"\b(?P<trig>{_MON_TRIG})\s*{_MON}(?:,?\s+(?:of\s+)?{_YEAR})?(?!\s+of\s+[A-Z])"),
    ("year", rf"\b(?P<trig>{_YEAR_TRIG})\s*(?:the\s+year\s+)?{_YEAR}{_NOT_COUNT}"),
    ("year", (rf"(?:(?<=\d{{4}} and )|(?<=\d{{4}} to )|(?<=\d{{4}} until )|(?<=\d{{4}}-)|(?<=\d{{4}}–))"
              rf"{_YEAR}{_NOT_COUNT}")),
    ("yearctx", rf"{_YEAR}(?=(?:\s+[a-z][a-z-]*){{0,2}}\s+{_EVENT_NOUN}\b)"),
    ("weekday", (rf"\b(?:(?P<mod>(?i:{_w('weekday_modifiers')}))\s+)?(?P<wd>{_WD})\b"
                 rf"(?:\s+(?P<part>{_PARTS}))?")),
    ("day", (rf"(?i:\b(?P<pre>the\s+day\s+(?:before|after)\s+)?(?P<w>{_w('relative_day_words')})\b"
             rf"(?:\s+(?:{_PARTS})\b)?|\b(?P<w2>{_w('relative_day_phrases')})\b)")),
    ("period", (rf"(?i:\b(?P<mod>{_w('period_modifiers')})\s+"
                rf"(?P<unit>{_w('period_units')})\b)")),
    ("ctx", (rf"(?i:\b(?P<mod>{_w('context_modifiers')})\s+"
             rf"(?P<unit>{_w('context_units')})\b"
             rf"|\bthe\s+day\s+(?P<dir>before|after)\b(?!\s+(?:the\s+)?(?:{_w('not_after_day_before')})\b))")),
    ("ago", (rf"(?i:\b(?P<n>\d{{1,3}}|{lexicons.alternation(_NUMS)})\s+(?P<unit>{_w('ago_units')})s?"
             rf"\s+(?P<dir>{_w('ago_directions')})\b)")),
]]

_ORDER = {k: i for i, (k, _) in reversed(list(enumerate(_RULES)))}
_SKIP_WD_AFTER = re.compile(rf"\s+(?:{_w('weekday_not_before')})\b")
_SKIP_WD_BEFORE = re.compile(rf"\b(?:{_w('weekday_not_after')})\s+$")
_YEAR_NOT_AFTER = re.compile(rf"\b(?:{_w('year_not_after')})\s*$", re.IGNORECASE)
_CHANGE_BY = re.compile(rf"\b(?:{_w('change_verbs')})\s+$", re.IGNORECASE)
_FUTURE = re.compile(rf"\b(?:{_w('future_cues')})\b|(?:{_w('future_contractions')})\b", re.IGNORECASE)
_OF_OK = re.compile(rf"\b(?:{_EVENT_NOUN}|{_w('of_year_nouns')})\s+$", re.IGNORECASE)
_NUM_BEFORE = re.compile(rf"\b(?:\d[\d,.]*|{_w('numbers_before')})\s+$", re.IGNORECASE)
_SPAN_BEFORE = re.compile(rf"\b(?:{_w('span_prepositions')})\s+$")
_YEAR_AFTER = re.compile(r",?\s+(?:1[6-9]\d\d|20\d\d)\b")
_NUM_AFTER = re.compile(r"\s*(?:and|to|-|–)\s*([\d,]+)")
_ANY_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b(?!['’]?s\b)")


class _Hit(NamedTuple):
    start: int
    end: int
    kind: str
    g: dict[str, str]


def _valid_day(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_num(mon: str) -> int:
    return _MONTHS[mon.rstrip(".").lower()]


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _accept(kind: str, m: re.Match[str], text: str) -> bool:
    """Reject matches that look like dates but are not (newspaper names, counts, ids)."""
    g = m.groupdict()
    before = text[max(0, m.start() - 20):m.start()]
    if kind == "iso":
        return _valid_day(int(g["year"]), int(g["m"]), int(g["day"])) is not None
    if kind in ("mdy", "dmy"):
        if not g.get("year") and _YEAR_AFTER.match(text, m.end()):
            return False  # "February 29, 2023": the full date is invalid
        y = int(g["year"]) if g.get("year") else 2000  # leap year: Feb 29 ok without a year
        return _valid_day(y, _month_num(g["mon"]), int(g["day"])) is not None
    if kind in ("year", "yearctx"):
        trig = (g.get("trig") or "").lower()
        if _YEAR_NOT_AFTER.search(before) or re.search(r"[\d,.]\s*$", before) and kind == "yearctx":
            return False
        if trig == "by" and _CHANGE_BY.search(before):
            return False
        if trig == "of" and not _OF_OK.search(before) or trig in ("in", "of") and _NUM_BEFORE.search(before):
            return False  # "a total of 2000", "1 in 2000"
        if trig in ("from", "between"):
            nxt = _NUM_AFTER.match(text, m.end())
            if nxt and not re.fullmatch(r"1[6-9]\d\d|20\d\d", nxt.group(1)):
                return False  # "from 2000 to 3000": a number range
        return True
    if kind == "weekday":
        if _SKIP_WD_AFTER.match(text, m.end()):
            return False
        return bool(g["mod"]) or not _SKIP_WD_BEFORE.search(before)
    if kind == "day" and (g.get("w") or "") in _NAME_DAY and not g.get("pre"):
        # "Russia Today", "USA Today": a capitalised word just before, not at a sentence start
        return not re.search(r"[A-Z][\w.]*\s+$", before)
    if kind == "ctx" and _SPAN_BEFORE.search(before) and "next" in (g.get("mod") or ""):
        return False  # "over the next week": a span from now, not a date
    return True


_TRIGGER = re.compile(rf"\d+|(?i:\b(?:{_w('scan_triggers')})\w*)")
_WINDOW = 28  # characters around a trigger: more than any date expression reaches from one


def _find_hits(text: str, spans: list[Span] | None) -> list[_Hit]:
    ranges = sorted((s[0], s[1]) for s in spans) if spans is not None else [(0, len(text))]
    if not ranges:
        return []
    starts = [a for a, _ in ranges]
    lo, hi = ranges[0][0], max(b for _, b in ranges)

    def inside(m: re.Match[str]) -> bool:
        i = bisect.bisect_right(starts, m.start()) - 1
        return i >= 0 and m.end() <= ranges[i][1]

    # every date expression contains a trigger (a digit, a month/weekday/period word): scan only
    # windows around triggers, merged, instead of running every rule over the whole text
    windows: list[list[int]] = []
    for t in _TRIGGER.finditer(text, lo, hi):
        a, b = max(lo, t.start() - _WINDOW), min(hi, t.end() + _WINDOW)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], b)
        else:
            windows.append([a, b])
    cands: dict[tuple[int, int, str], _Hit] = {}
    for kind, pat in _RULES:
        for m in (m for a, b in windows for m in pat.finditer(text, a, b)):
            if m.end() > m.start() and inside(m) and _accept(kind, m, text):
                    g = {k: v for k, v in m.groupdict().items() if v is not None}
                    cands.setdefault((m.start(), m.end(), kind), _Hit(m.start(), m.end(), kind, g))
    chosen: list[_Hit] = []
    taken = bytearray(hi - lo + 1)  # characters covered by a chosen hit: one lookup per hit
    for h in sorted(cands.values(), key=lambda h: (h.start - h.end, h.start, _ORDER[h.kind])):
        if taken.find(1, h.start - lo, h.end - lo) < 0:
            chosen.append(h)
            taken[h.start - lo : h.end - lo] = b"\x01" * (h.end - h.start)
    return sorted(chosen, key=lambda h: h.start)


class _Ctx:
    """Per-call state: text, anchor, sentences (lazy) and the last resolved date."""

    def __init__(self, text: str, anchor: dt.date | None, hits: list[_Hit]):
        self.text, self.anchor, self.hits = text, anchor, hits
        self.prev: DateValue | None = None
        self.prev_past: DateValue | None = None  # the last date not after the anchor
        self._sents: list[Span] | None = None
        self._sent_starts: list[int] = []
        self._hit_starts = [h.start for h in hits]

    def sentence(self, pos: int) -> Span:
        if self._sents is None:
            self._sents = [s for p in paragraphs(self.text) for s in split_sentences(self.text, p)]
            self._sent_starts = [s.start for s in self._sents]
        i = bisect.bisect_right(self._sent_starts, pos) - 1
        if i >= 0 and pos < self._sents[i].end:
            return self._sents[i]
        return Span(pos, pos)

    def earlier(self, pos: int) -> DateValue | None:
        """The date a counted expression ("the same day", "two days later") at ``pos`` counts from:
        the previous one, or in a clause about the past the previous one not after the anchor
        ("... to take effect on December 10. X was released later the same day": not December 10)."""
        return self.prev if self.future(pos) else self.prev_past

    def remember(self, v: DateValue) -> None:
        self.prev = v
        if self.anchor is None or v.value <= self.anchor.isoformat()[: len(v.value)]:
            self.prev_past = v

    def future(self, pos: int) -> bool:
        sent = self.sentence(pos)
        lo = max(sent.start, pos - 80)
        clause = re.split(r"[,;:()]", self.text[lo:pos])[-1]
        return bool(_FUTURE.search(clause))

    def story_opener(self, h: _Hit) -> bool:
        """A date that opens a sentence with no future cue ("By Sunday afternoon, X said ...")."""
        sent = self.sentence(h.start)
        opens = not self.text[sent.start : h.start].strip(" \t\n\"'“‘(")
        return opens and not _FUTURE.search(self.text, h.end, sent.end)

    def sentence_year(self, h: _Hit, full_only: bool) -> int | None:
        """Year of the nearest fully dated hit (or, unless ``full_only``, any year) in h's sentence."""
        sent = self.sentence(h.start)
        if full_only:
            lo = bisect.bisect_left(self._hit_starts, sent.start)
            hi = bisect.bisect_left(self._hit_starts, sent.end)
            cands = [(abs(o.start - h.start), int(o.g["year"])) for o in self.hits[lo:hi]
                     if o is not h and "year" in o.g and o.kind in ("iso", "mdy", "dmy", "my")]
            if not cands:
                return self._told_year(h, lo)
        else:
            cands = [(abs(m.start() - h.start), int(m.group(1)))
                     for m in _ANY_YEAR.finditer(self.text, sent.start, sent.end)
                     if not h.start <= m.start() < h.end]
        return min(cands)[1] if cands else None

    def _told_year(self, h: _Hit, first: int) -> int | None:
        """The year of a day stated in full in the sentence before ``h``'s, its ``first`` hit at index
        ``first`` of the sentence's own, when ``h``'s day falls up to :data:`TOLD_DAYS` after it: the
        writer leaves out the year the story is in ("... on November 15, 2017. X resigned on November
        21": 2017)."""
        prev = self.hits[first - 1] if first > 0 else None
        if prev is None or prev.kind not in ("mdy", "dmy") or "day" not in h.g or "year" not in prev.g:
            return None
        if not self._adjacent(prev, h):
            return None
        year = int(prev.g["year"])
        told = _valid_day(year, _month_num(prev.g["mon"]), int(prev.g["day"]))
        day = _valid_day(year, _month_num(h.g["mon"]), int(h.g["day"]))
        return year if told and day and 0 <= (day - told).days <= TOLD_DAYS else None

    def _adjacent(self, prev: _Hit, h: _Hit) -> bool:
        """Whether ``prev`` lies in the sentence right before ``h``'s."""
        self.sentence(h.start)  # (reads the sentences)
        i = bisect.bisect_right(self._sent_starts, h.start) - 1
        return i > 0 and self._sents is not None and self._sents[i - 1].start <= prev.start


#: how many days after a day stated in full the sentence before a day without its year may fall and
#: still be read in that day's year
TOLD_DAYS = 92


def _pick_year(month: int, day: int | None, anchor: dt.date, future: bool) -> int | None:
    """The year (anchor's -1/0/+1) that puts month[-day] closest to the anchor, past preferred."""
    best: tuple[int, int] | None = None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        if day is None:
            diff = (y * 12 + month) - (anchor.year * 12 + anchor.month)
        else:
            d = _valid_day(y, month, day)
            if d is None:
                continue
            diff = (d - anchor).days
        score = (diff if diff >= 0 else 10**6 - diff) if future else (-diff if diff <= 0 else 3 * diff)
        if best is None or score < best[0]:
            best = (score, y)
    return best[1] if best else None


def _weekday(anchor: dt.date, wd: int, mode: str) -> dt.date:
    back = (anchor.weekday() - wd) % 7
    if mode == "last":
        return anchor - dt.timedelta(days=back or 7)
    if mode == "next":
        return anchor + dt.timedelta(days=(wd - anchor.weekday()) % 7 or 7)
    if mode == "this":
        return anchor + dt.timedelta(days=wd - anchor.weekday())
    if mode == "future":
        return anchor + dt.timedelta(days=(wd - anchor.weekday()) % 7)
    return anchor - dt.timedelta(days=back)


def _shift(base: DateValue, unit: str, k: int) -> tuple[str, str] | None:
    """Move a resolved value by k units (precision becomes at most the unit's)."""
    v = base.value
    if unit == "day":
        if base.precision != "day":
            return None
        return (dt.date.fromisoformat(v) + dt.timedelta(days=k)).isoformat(), "day"
    if unit == "week":
        if base.precision != "day":
            return (v[:7], "month") if k == 0 and base.precision == "month" else None
        return _week(dt.date.fromisoformat(v) + dt.timedelta(days=7 * k))
    if unit == "month":
        if base.precision == "year":
            return None
        return _ym(*_add_months(int(v[:4]), int(v[5:7]), k)), "month"
    return f"{int(v[:4]) + k:04d}", "year"


def _week(day: dt.date) -> tuple[str, str] | None:
    """The Monday-Sunday week of ``day`` at the finest precision that holds all of it: its month,
    else its year; None for a week across New Year (neither can be told)."""
    first = day - dt.timedelta(days=day.weekday())
    last = first + dt.timedelta(days=6)
    if first.month == last.month:
        return _ym(first.year, first.month), "month"
    return (f"{first.year:04d}", "year") if first.year == last.year else None


def _relative(h: _Hit, ctx: _Ctx) -> tuple[str, str] | None:
    """Value and precision of a relative expression, or None when it cannot be resolved."""
    g, a, k = h.g, ctx.anchor, h.kind
    now = DateValue(a.isoformat(), "day") if a else None
    if k == "ago":
        n = int(g["n"]) if g["n"].isdigit() else _NUMS[g["n"].lower()]
        unit, d = g["unit"].lower(), g["dir"].lower()
        n, unit = (n * 10, "year") if unit == "decade" else (n, unit)
        base = now if d == "ago" else ctx.earlier(h.start)
        return _shift(base, unit, n if d == "later" else -n) if base and base.value else None
    if k == "ctx":
        base = ctx.earlier(h.start)
        if base is None or not base.value:
            return None
        if g.get("dir"):
            return _shift(base, "day", 1 if g["dir"].lower() == "after" else -1)
        step = _CONTEXT_STEPS.get(g["mod"].lower().split()[-1], 0)
        return _shift(base, g["unit"].lower(), step)
    if a is None or now is None:
        return None
    if k == "weekday":
        mod = " ".join((g.get("mod") or "on").lower().split())
        mode = _WEEKDAY_MODES.get(mod, "")
        if mode == "" and mod not in _WEEKDAY_PAST_ONLY and ctx.future(h.start):
            mode = "future"
        elif mode == "future" and mod in _WEEKDAY_STORY_OPENERS and ctx.story_opener(h):
            mode = ""
        return _weekday(a, _WEEKDAYS.index(g["wd"].lower()), mode).isoformat(), "day"
    if k == "day":
        w = " ".join((g.get("w") or g.get("w2") or "").lower().split())
        off = _DAY_OFFSETS.get(w, 0)
        if g.get("pre"):
            off += 1 if "after" in g["pre"].lower() else -1
        return _shift(now, "day", off)
    # k == "period": last/this/next week|weekend|month|year
    step = _PERIOD_STEPS.get(g["mod"].lower().split()[0], 0)
    return _shift(now, g["unit"].lower().replace("weekend", "week"), step)


def _resolve_hit(h: _Hit, ctx: _Ctx) -> DateValue:
    g, text = h.g, ctx.text[h.start:h.end]

    def dv(value: str, precision: str, relative: bool) -> DateValue:
        return DateValue(value, precision, text, h.start, h.end, relative)

    if h.kind == "iso":
        return dv(f"{g['year']}-{g['m']}-{g['day']}", "day", False)
    if h.kind in ("year", "yearctx"):
        return dv(g["year"], "year", False)
    if h.kind in ("mdy", "dmy", "my", "mon"):
        month = _month_num(g["mon"])
        day = int(g["day"]) if "day" in g else None
        if "year" in g:
            y: int | None = int(g["year"])
            relative = False
        else:
            relative = True
            trig = " ".join(g.get("trig", "").lower().split())
            y = ctx.sentence_year(h, full_only=True)
            if y is None and ctx.anchor is not None:
                a = ctx.anchor
                mode = _MONTH_MODES.get(trig)
                if mode == "last":
                    y = a.year if month < a.month else a.year - 1
                elif mode == "next":
                    y = a.year if month > a.month else a.year + 1
                elif mode == "this":
                    y = a.year
                else:
                    y = _pick_year(month, day, a, ctx.future(h.start))
            if y is None and ctx.anchor is None:
                y = ctx.sentence_year(h, full_only=False)
        if y is None:
            return dv("", "none", True)
        if day is None:
            return dv(_ym(y, month), "month", relative)
        d = _valid_day(y, month, day)
        return dv(d.isoformat(), "day", relative) if d else dv("", "none", True)
    r = _relative(h, ctx)
    return dv(r[0], r[1], True) if r else dv("", "none", True)


def _deictic(h: _Hit) -> bool:
    """A day counted from the moment of speaking: "yesterday", "on Monday", "last week", "two days
    ago". Inside a quotation that moment is when the words were said, not the document date: such
    an expression is left unresolved there ("‘I asked him last night’, he wrote" on an earlier day)."""
    unit = (h.g.get("unit") or "").lower()
    if h.kind == "period":
        return unit.startswith("week")
    if h.kind == "ago":
        return (h.g.get("dir") or "").lower() == "ago" and unit in ("day", "week")
    return h.kind in ("weekday", "day")


def _quoted(text: str) -> list[tuple[int, int]]:
    """The spans between paired quotation marks."""
    return [(q.start, q.end) for q in find_quote_spans(text) if q.open_pos >= 0]


def find_dates(text: str, spans: list[Span] | None = None, anchor: dt.date | None = None) -> list[DateValue]:
    """Every date expression in ``text`` (only inside ``spans`` when given), in text order."""
    hits = _find_hits(text, spans)
    ctx = _Ctx(text, anchor, hits)
    quoted: list[tuple[int, int]] | None = None
    out = []
    for h in hits:
        v = _resolve_hit(h, ctx)
        if v.value and _deictic(h):
            quoted = _quoted(text) if quoted is None else quoted
            if any(a <= h.start < b for a, b in quoted):
                v = v._replace(value="", precision="none")
        out.append(v)
        if v.value:
            ctx.remember(v)
    return out


def resolve(expr: str, anchor: dt.date | None) -> DateValue | None:
    """Normalise one expression (offsets relative to ``expr``); also accepts a bare month or year."""
    s = expr.strip()
    found = find_dates(s, anchor=anchor)
    if found:
        return max(found, key=lambda d: (d.end or 0) - (d.start or 0))
    if re.fullmatch(r"1[6-9]\d\d|20\d\d", s):
        return DateValue(s, "year", s, 0, len(s), False)
    if re.fullmatch(_MON, s):
        r = resolve(f"in {s}", anchor)
        return r._replace(text=s, start=0, end=len(s)) if r else None
    return None


def infer_document_date(text: str, spans: list[Span] | None = None) -> DateValue | None:
    """The latest fully stated (non-relative) date in the text: day precision, else month."""
    found = [d for d in find_dates(text, spans) if not d.relative and d.value]
    for prec in ("day", "month"):
        cands = [d for d in found if d.precision == prec]
        if cands:
            return max(cands, key=lambda d: (d.value, -(d.start or 0)))
    return None


_P_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?|(\d{4})(\d\d)(\d\d)")
_P_MDY = re.compile(r"(?:[a-z]+\.?,?\s+)??([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b.*",
                    re.IGNORECASE)
_P_DMY = re.compile(r"(?:[a-z]+\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?,?\s+(\d{4})\b.*",
                    re.IGNORECASE)
_P_NUM = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[T\s].*)?")


def parse_date(value: str) -> dt.date | None:
    """A metadata date string as a date, or None.

    Accepts ISO dates and datetimes (the date as written; no time-zone conversion),
    ``YYYY/MM/DD``, ``YYYYMMDD``, "March 28, 2024", "28 March 2024", RFC 2822
    ("Thu, 28 Mar 2024 10:00:00 +0000"). Numeric ``DD/MM/YYYY`` vs ``MM/DD/YYYY`` is only
    accepted when unambiguous ("28/03/2024"); "03/04/2024" gives None.
    """
    s = (value or "").strip()
    m = _P_ISO.fullmatch(s)
    if m:
        y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else m.group(4, 5, 6)
        return _valid_day(int(y), int(mo), int(d))
    for pat, order in ((_P_MDY, (3, 1, 2)), (_P_DMY, (3, 2, 1))):
        m = pat.fullmatch(s)
        if m and m.group(order[1]).lower() in _MONTHS:
            y, mon, d = (m.group(i) for i in order)
            return _valid_day(int(y), _MONTHS[mon.lower()], int(d))
    m = _P_NUM.fullmatch(s)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if a == b or (a > 12) != (b > 12):
            return _valid_day(y, min(a, b) if a != b else a, max(a, b))
    return None


def date_range(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day covered by a normalised ``YYYY[-MM[-DD]]`` value, or None if invalid."""
    try:
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
        if re.fullmatch(r"\d{4}-\d\d", value):
            y, m = int(value[:4]), int(value[5:])
            nxt = dt.date(*_add_months(y, m, 1), 1)
            return dt.date(y, m, 1), nxt - dt.timedelta(days=1)
        if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            d = dt.date.fromisoformat(value)
            return d, d
    except ValueError:
        return None
    return None


def date_compatible(a: str | None, b: str | None, tolerance_days: int = 1) -> bool:
    """True when two normalised values can describe the same day: one contains the other, or
    they are at most ``tolerance_days`` apart. A missing value (None or "") is compatible with
    anything; an invalid one with nothing."""
    if not a or not b:
        return True
    ra, rb = date_range(a), date_range(b)
    if ra is None or rb is None:
        return False
    gap = max((rb[0] - ra[1]).days, (ra[0] - rb[1]).days, 0)
    return gap <= tolerance_days
