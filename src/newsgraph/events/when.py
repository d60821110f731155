"""Which date an event gets, and whether the text states it.

Each date expression of a sentence belongs to the predicate it attaches to in the parse: the
nearest event predicate above it, or the sentence when none is (``X said on Monday that ...``).
An event takes, in order: a date of its own clause; the date of the nearest event predicate that
governs it; the sentence's date no event owns (``date_source="text"``); else the last day stated
earlier in its paragraph (and the :data:`CONTEXT_PARAGRAPHS` before it): "On Friday X met Y. Y
thanked X for ..." (``date_source="context"``; never a month or year, never a span such as "since
Friday"); else the
publication date at month precision with ``date_source="document"`` (never shown as a stated
day). "on Tuesday" in a future clause ("will meet on Tuesday") is the coming Tuesday.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsgraph.events.tree import Token
from newsgraph.models import DateValue
from newsgraph.text import lexicons

_WEEKDAY = re.compile(
    r"(?i)^(?:on\s+|this\s+|next\s+)?(?:" + "|".join(lexicons.phrases("english.weekdays")) + r")\b"
)


#: how many paragraphs before a sentence's own may give it a context date (the annotation convention:
#: an undated reaction reported later takes the month, not the day of the event it reacts to)
CONTEXT_PARAGRAPHS = 0


@dataclass(frozen=True)
class Dated:
    value: str | None
    precision: str | None
    text: str | None
    source: str  # "text" | "document" | "none"


def token_at(sent: Token, pos: int) -> Token | None:
    """The token of the sentence (a spaCy Span) that covers character ``pos`` (doc offsets)."""
    span = sent.doc.char_span(pos, pos + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def owners(
    sent: Token, offset: int, dates: Sequence[DateValue], heads: set[int]
) -> dict[int | None, list[DateValue]]:
    """Date expressions of the sentence by the event predicate (token index) that owns them."""
    out: dict[int | None, list[DateValue]] = {}
    a, b = offset + sent.start_char, offset + sent.end_char
    for d in dates:
        if d.start is None or not (a <= d.start < b):
            continue
        t = token_at(sent, d.start - offset)
        owner = None
        for _ in range(12):
            if t is None or t.head is t:
                break
            t = t.head
            if t.i in heads:
                owner = t.i
                break
        out.setdefault(owner, []).append(d)
    return out


def context_start(paragraphs: Sequence[tuple[int, int]], pos: int) -> int:
    """Where the context of a sentence at ``pos`` starts: :data:`CONTEXT_PARAGRAPHS` paragraphs back."""
    starts = [a for a, _ in paragraphs if a <= pos]
    return (
        starts[-1 - CONTEXT_PARAGRAPHS]
        if len(starts) > CONTEXT_PARAGRAPHS
        else (starts[0] if starts else pos)
    )


def context_date(dates: Sequence[DateValue], start: int, end: int, spans: frozenset[str]) -> DateValue | None:
    """The last day stated between ``start`` and ``end`` (the paragraphs just before a sentence)."""
    found = [
        d
        for d in dates
        if d.value
        and d.start is not None
        and start <= d.start < end
        and d.precision in ("day", "month")
        and (d.text or "").split(" ", 1)[0].lower() not in spans
    ]
    return max(found, key=lambda d: d.start or 0) if found else None


def choose(
    head: Token,
    owned: dict[int | None, list[DateValue]],
    heads: set[int],
    *,
    offset: int,
    future: bool,
    published: str | None,
    context: DateValue | None = None,
) -> Dated:
    own = owned.get(head.i)
    if not own:
        t = head
        for _ in range(12):
            if t.head is t:
                break
            t = t.head
            if t.i in heads and owned.get(t.i):
                own = owned[t.i]
                break
    own = own or owned.get(None)
    usable = [d for d in own or () if d.value]
    if usable:
        d = min(usable, key=lambda d: abs((d.start or 0) - (offset + head.idx)))
        d = _coming(d, future, published)
        return Dated(d.value, d.precision, d.text, "text")
    if own:  # a stated date that could not be resolved (no document date)
        return Dated(None, None, own[0].text, "text")
    return choose_undated(context, published)


def choose_undated(context: DateValue | None, published: str | None) -> Dated:
    """No date of its own: the paragraph's context date, else the publication month."""
    if context is not None:
        return Dated(context.value, context.precision, None, "context")
    if published:
        return Dated(published[:7], "month", None, "document")
    return Dated(None, None, None, "none")


def _coming(d: DateValue, future: bool, published: str | None) -> DateValue:
    """A future event "on Tuesday" is the coming Tuesday, not the last one."""
    if not (future and d.relative and d.precision == "day" and d.value and published):
        return d
    if not _WEEKDAY.match(d.text or "") or d.value >= published:
        return d
    return d._replace(value=(dt.date.fromisoformat(d.value) + dt.timedelta(days=7)).isoformat())
