"""Which date an event gets, with its precision and where it came from.

Order of preference:

1. a date expression of the event's own sentence, the one nearest to its trigger among those no
   other trigger is nearer to ("met Y on Tuesday", "On September 12, 2022 X met Y"); a noun trigger
   owns only a date in its own phrase ("the meeting on Friday"); "the day after the meeting"
   dates the main event, not the meeting it is counted from (and is counted from the meeting's
   date when the document date does not resolve it); a date no trigger owns ("X said on Saturday
   that ...") dates the sentence's events;
2. the nearest earlier resolved date in the same paragraph, its own sentence included (the
   paragraph's context; "X visited Y and met Z" shares the visit's date);
3. for statements (support, accusation, request, ...) the date of the meeting or call they were
   made at: the last earlier dated, real CONSULT event of the document that is not a visit;
4. the document date, flagged ``date_fallback=True`` (never silently).

A relative expression that cannot be resolved (no document date) keeps its ``date_text`` with
``date=None``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsgraph.models import DateValue, Event, Span

_DURATION = re.compile(r"(?i)(?:since|until|till|by|from|through|throughout|between)\b")
STATEMENT_TYPES = frozenset({"SUPPORT", "ACCUSE", "REQUEST", "AGREE", "REJECT", "THREATEN", "CONCEDE"})


@dataclass
class Trigger:
    start: int
    end: int
    noun: bool


@dataclass
class DateChoice:
    value: str | None
    precision: str | None
    text: str | None
    fallback: bool = False
    own: bool = False


def _dist(d: DateValue, t: Trigger, text: str) -> int:
    """Characters between a date and a trigger, plus a penalty for each clause break between them
    ("Kesh, which designated X in 2019, accused Y": 2019 is the designation's)."""
    ds, de = d.start or 0, d.end or 0
    if de <= t.start:
        gap = text[de : t.start]
    elif ds >= t.end:
        gap = text[t.end : ds]
    else:
        return 0
    return len(gap) + 60 * sum(gap.count(c) for c in ",;:")


def _counts_from(d: DateValue, t: Trigger, text: str) -> bool:
    """'The day after the meeting': the expression counts from the (noun) trigger right after it."""
    if not t.noun or (d.end or 0) > t.start:
        return False
    words = (d.text or "").lower().split()
    between = text[d.end or 0 : t.start].strip().lower()
    return (
        bool(words)
        and words[-1] in ("after", "before", "since", "following")
        and between in ("", "the", "his", "her", "its", "their", "this")
    )


def _noun_may_own(d: DateValue, t: Trigger, text: str) -> bool:
    """A noun owns a date in its own phrase: after it ("the meeting on Friday") with no clause break,
    or right before it as a possessive ("Friday's meeting", "last week's visit")."""
    ds, de = d.start or 0, d.end or 0
    if ds >= t.end:
        gap = text[t.end : ds]
        return len(gap) <= 80 and not any(c in gap for c in ",;:")
    return text[de : t.start].strip() in ("’s", "'s")


def own_dates(
    triggers: Sequence[Trigger], dates: Sequence[DateValue], sentence: Span, text: str
) -> tuple[dict[int, DateValue], DateValue | None]:
    """(trigger index -> the date expression of the sentence it owns, a date no trigger owns)."""
    inside = [d for d in dates if d.start is not None and sentence.start <= d.start < sentence.end]
    owner: dict[int, list[tuple[int, DateValue]]] = {}
    free: list[DateValue] = []
    for d in inside:
        best: tuple[int, int] | None = None
        for k, t in enumerate(triggers):
            if _counts_from(d, t, text) or t.noun and not _noun_may_own(d, t, text):
                continue
            dist = _dist(d, t, text)
            if best is None or dist < best[0]:
                best = (dist, k)
        if best is not None:
            owner.setdefault(best[1], []).append((best[0], d))
        else:
            free.append(d)
    out: dict[int, DateValue] = {}
    for k, cands in owner.items():
        out[k] = min(cands, key=lambda x: x[0])[1]
    return out, (free[0] if free else None)


def resolve_counted(d: DateValue, dates: Sequence[DateValue], sentence_end: int) -> DateValue:
    """'The day after the meeting with X on Friday': an unresolved "the day after/before" counted
    from the next resolved date of its sentence."""
    if d.value or not d.text:
        return d
    words = d.text.lower().split()
    if words[:2] != ["the", "day"] or words[-1] not in ("after", "before"):
        return d
    nxt = [
        x
        for x in dates
        if x.value
        and x.precision == "day"
        and (x.start or 0) >= (d.end or 0)
        and (x.start or 0) < sentence_end
    ]
    if not nxt:
        return d
    import datetime as dt

    base = dt.date.fromisoformat(min(nxt, key=lambda x: x.start or 0).value)
    step = 1 if words[-1] == "after" else -1
    return d._replace(value=(base + dt.timedelta(days=step)).isoformat(), precision="day", relative=True)


_WEEKDAY = re.compile(r"(?i)^(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")


def _future_weekday(d: DateValue, ev: Event, published: str | None) -> DateValue:
    """A planned event "on Tuesday" is the coming Tuesday, not the last one."""
    if not (ev.hypothetical and d.relative and d.precision == "day" and d.value and published):
        return d
    if not _WEEKDAY.match(d.text or "") or d.value >= published:
        return d
    import datetime as dt

    return d._replace(value=(dt.date.fromisoformat(d.value) + dt.timedelta(days=7)).isoformat())


def choose(
    ev: Event,
    own: DateValue | None,
    paragraph: Span | None,
    dates: Sequence[DateValue],
    earlier: Sequence[Event],
    published: str | None,
    free: DateValue | None = None,
    pos: int | None = None,
) -> DateChoice:
    if own is not None:
        own = resolve_counted(own, dates, ev.end)
        own = _future_weekday(own, ev, published)
        if own.value:
            return DateChoice(own.value, own.precision, own.text, own=True)
        return DateChoice(None, None, own.text, own=True)
    if free is not None and free.value:  # "X said on Saturday that ...": the sentence's date
        return DateChoice(free.value, free.precision, free.text, own=True)
    if paragraph is not None:
        limit = ev.start if pos is None else pos  # "On Sept. 14 X visited Y and met Z": the sentence's date
        prev = [
            d
            for d in dates
            if d.value
            and d.end is not None
            and paragraph.start <= (d.start or 0)
            and d.end <= limit
            and not _DURATION.match(d.text or "")
        ]
        if prev:
            d = max(prev, key=lambda d: d.end or 0)
            return DateChoice(d.value, d.precision, None)
    for e in reversed(earlier):  # an earlier report of the same event ("the recent visit by X")
        if (
            ev.type in STATEMENT_TYPES
            or e.type != ev.type
            or e.mode != ev.mode
            or not e.date
            or e.date_fallback
        ):
            continue
        if (e.negated, e.hypothetical) != (ev.negated, ev.hypothetical):
            continue
        same = bool(set(e.source) & set(ev.source) and set(e.target) & set(ev.target))
        if ev.type == "CONSULT":  # "the talks between the ministry and the delegation": either way round
            same = same or bool(set(e.source) & set(ev.target) and set(e.target) & set(ev.source))
            same = (
                same
                or bool(set(e.source) & set(ev.source) or set(e.target) & set(ev.target))
                and (ev.date_text is None and e.mode != "visit")
            )
        if same:
            return DateChoice(e.date, e.date_precision, None)
    if ev.type in STATEMENT_TYPES:
        for e in reversed(earlier):
            if (
                e.type == "CONSULT"
                and e.mode != "visit"
                and e.date
                and not e.hypothetical
                and not e.negated
                and not e.date_fallback
            ):
                return DateChoice(e.date, e.date_precision, None)
    if published:
        return DateChoice(published, "day", None, fallback=True)
    return DateChoice(None, None, None)
