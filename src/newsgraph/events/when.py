"""Which date an event gets, and whether the text states it.

Each date expression of a sentence belongs to the predicate it attaches to in the parse: the
nearest event predicate above it, or the sentence when none is (``X said on Monday that ...``).
A date inside a relative clause dates that clause and the noun it describes, nothing above it
("X urged Y to investigate Z, who served from 2008": not 2008). An event takes, in order: a date of
its own clause; the date of the nearest event predicate that governs it; the sentence's date no
event owns (``date_source="text"``); else the last day stated earlier in its paragraph (and the
:data:`CONTEXT_PARAGRAPHS` before it): "On Friday X met Y. Y thanked X for ..."
(``date_source="context"``; never a month or year, never a span such as "since Friday"); else the
day of the latest earlier main clause whose subject is one of its sources, the story's day for
that actor ("On Tuesday, X announced ... 'I thank Y,' X wrote": :func:`redate`, also
``"context"``); else the period the report's title says it covers ("On the campaign trail, July
2020", published in August: :func:`title_period`, ``date_source="title"``, also open to that
redating); else the publication date at month precision with ``date_source="document"`` (never
shown as a stated day). "on Tuesday" in a future clause ("will meet on Tuesday") is the
coming Tuesday. "yesterday" inside a quotation counts from when the words were said, which the
date finder leaves unresolved (:mod:`newsgraph.text.dates`): it dates nothing, and the event
falls back to its context.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsgraph.events.deps import case_of
from newsgraph.events.tree import SUBJECTS, ActorIndex, Token, phrase_actors
from newsgraph.models import DateValue, Event
from newsgraph.quotes.marks import find_quote_spans
from newsgraph.text import lexicons
from newsgraph.text.dates import find_dates, parse_date

_MONTH = re.compile(
    r"(?i)\b(?:"
    + "|".join([*lexicons.phrases("english.months"), *lexicons.table("english.month_abbreviations")])
    + r")\b"
)
_WEEKDAY = re.compile(
    r"(?i)^(?:on\s+|this\s+|next\s+)?(?:" + "|".join(lexicons.phrases("english.weekdays")) + r")\b"
)


#: the links of a clause that describes a noun ("X, *who* served from 2008 until 2016")
CLAUSES_OF_NOUNS = frozenset({"acl:relcl"})

#: how a date written before a noun hangs on it ("the *2016* election", "the *January 2016* attack")
NOUN_DATES = frozenset({"compound", "nummod", "amod"})
#: how a noun without a preposition hangs on a clause as the clause's own time ("the 2019 season")
TIME_PHRASES = frozenset({"obl:tmod", "obl:npmod", "nmod:tmod", "advmod"})
TIME_CASES = lexicons.phrases("english.time_cases")
TIME_OR_PLACE_CASES = lexicons.words("english.time_or_place_cases")

#: parts of speech of a predicate (a date below one dates that predicate's clause)
PREDICATE_POS = frozenset({"VERB", "AUX"})

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
        if not d.value and _quoted(sent, d.start - offset):
            continue  # "yesterday" in a quote: counted from when it was said, which the text may give
        t = token_at(sent, d.start - offset)
        noun = _dated_noun(t, d, offset, heads)
        key = -1 - noun.i if noun is not None and noun.i not in heads else _owner(t, heads)
        out.setdefault(key, []).append(d)
    return out


def _dated_noun(t: Token | None, d: DateValue, offset: int, heads: set[int]) -> Token | None:
    """The noun a date written before it describes ("convicted of lying about *the 2016 election*"):
    that noun's time, not its clause's, unless the noun is an event's own time phrase ("met *during
    the 2016 campaign*")."""
    if t is None or t.dep_ not in NOUN_DATES or t.head.i <= t.i or t.head.pos_ not in ("NOUN", "PROPN"):
        return None
    noun = t.head
    if offset + noun.idx < (d.end or 0):
        return None  # (the date runs on past its first word's head)
    case = case_of(noun)
    own = case in TIME_OR_PLACE_CASES and (noun.head.i in heads or _governs(noun.head, heads))
    timed = case in TIME_CASES or own or (not case and noun.dep_ in TIME_PHRASES)
    return None if timed else noun


def _governs(t: Token, heads: set[int]) -> bool:
    """Whether ``t`` is above an event predicate ("voted in a 2016 referendum *to leave* X")."""
    return any(h.i in heads for h in t.subtree if h.i != t.i)


def _owner(t: Token | None, heads: set[int]) -> int | None:
    """The event predicate above a date's token; None for the sentence. A date in a relative clause
    ("Biden, who served from 2008") dates that clause and the noun it describes, nothing above:
    the clause's own (negative) key, which no event has."""
    for _ in range(12):
        if t is None or t.head.i == t.i:
            break
        inner = t.dep_ in CLAUSES_OF_NOUNS and t.i not in heads
        t = t.head
        if t.i in heads:
            return t.i
        if inner:
            return -1 - t.i
    return None


def _quoted(sent: Token, pos: int) -> bool:
    """Whether ``pos`` (offsets of the sentence's parse) lies between paired quotation marks."""
    return any(a <= pos < b for a, b in _paired_quotes(sent.doc.text))


@lru_cache(maxsize=16)
def _paired_quotes(text: str) -> tuple[tuple[int, int], ...]:
    """The spans between paired quotation marks of a parsed piece's text (found once per piece: each
    date and event of the piece asks)."""
    return tuple((q.start, q.end) for q in find_quote_spans(text) if q.open_pos >= 0)


def context_start(paragraphs: Sequence[tuple[int, int]], pos: int) -> int:
    """Where the context of a sentence at ``pos`` starts: :data:`CONTEXT_PARAGRAPHS` paragraphs back."""
    starts = [a for a, _ in paragraphs if a <= pos]
    return (
        starts[-1 - CONTEXT_PARAGRAPHS]
        if len(starts) > CONTEXT_PARAGRAPHS
        else (starts[0] if starts else pos)
    )


def told_before(
    dates: Sequence[DateValue],
    paragraphs: Sequence[tuple[int, int]],
    at: int,
    spans: frozenset[str],
    head: Token,
) -> DateValue | None:
    """The context date of an event at ``at`` headed by ``head``: the last day stated before it in its
    paragraph (:func:`context_date`), when the event is told as a past act (:func:`narrated`)."""
    return context_date(dates, context_start(paragraphs, at), at, spans) if narrated(head) else None


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


#: how an event noun hangs on the verb whose tense tells whether it is narrated ("*held* talks")
_NOUN_OF_VERB = frozenset({"obj", "nsubj", "nsubj:pass"})
#: how a verb without a tense of its own hangs on the clause that gives it one ("..., *killing* 12")
_UNTENSED = frozenset({"advcl", "acl", "xcomp", "conj"})
#: how a clause of its own hangs on its sentence (a participle there with no auxiliary is a past tense)
_CLAUSES = frozenset({"ROOT", "ccomp", "parataxis"})


def narrated(head: Token) -> bool:
    """Whether the event headed by ``head`` is told as a past act, which alone may take the day told
    before it (:func:`context_date`): a verb in the past tense ("met", "was arrested", "had met"), or
    an event noun or an untensed verb that such a verb governs ("*held* talks", "*fired*, killing
    12"), or in the present perfect of news ("has suspended"), or a present act in what a past verb
    reports ("said, 'we urge ...'"), or a deed a phrase refers to ("following the visit to X"). Not
    an ongoing act ("has been encouraging"), nor a present state or act ("supports")."""
    if not head.tag_:
        return True  # (a pipeline with no tagger: no tense to read)
    v = head
    for _ in range(5):
        if v.pos_ not in PREDICATE_POS:  # an event noun: the tense of the verb it is the subject or
            if v.dep_ not in _NOUN_OF_VERB or v.head.i == v.i:  # object of; a deed a phrase refers to
                return True  # ("following the visit to X") was done
            v = v.head
            continue
        aux = [c for c in v.children if c.dep_ in ("aux", "aux:pass")]
        if v.tag_ == "VBG" and any(c.lower_ == "been" for c in aux):
            return False  # "has been encouraging": ongoing
        if v.tag_ == "VBD" or any(c.tag_ == "VBD" for c in aux):
            return True
        if v.tag_ == "VBN" and (any(c.lemma_ == "have" for c in aux) or (not aux and v.dep_ in _CLAUSES)):
            return True  # "has suspended": told as news; a past tense the tagger read as a participle
        said = v.dep_ == "ccomp" and v.tag_ in ("VB", "VBP", "VBZ")  # "saying, 'we urge ...'": when said
        if aux or v.head.i == v.i or not (v.dep_ in _UNTENSED or said):
            return False  # ("will meet", "is meeting", "supports")
        v = v.head
    return False


def takes_no_story_day(head: Token, hypothetical: bool) -> bool:
    """Whether the event headed by ``head`` takes no story day (:func:`redate`): a plan or an act not
    told as past (:func:`narrated`) in the writer's words ("X has been encouraging Y", "if the House
    votes to impeach"); not one said in a quotation ("'I thank X,' Y wrote", "'we will withdraw the
    bill,' Y said": done or promised when said)."""
    return (hypothetical or not narrated(head)) and not _quoted(head, head.idx)


def choose(
    head: Token,
    owned: dict[int | None, list[DateValue]],
    heads: set[int],
    *,
    offset: int,
    future: bool,
    published: str | None,
    context: DateValue | None = None,
    period: DateValue | None = None,
) -> Dated:
    own = owned.get(head.i)
    future = future and bool(own)  # "On Wednesday, X announced [she will ...]": the announcement's day
    if not own:
        t = head
        for _ in range(12):
            if t.head.i == t.i:
                break
            t = t.head
            if t.i in heads and owned.get(t.i):
                own = owned[t.i]
                break
    own = own or owned.get(None)
    usable = [d for d in own or () if d.value]
    if usable:
        d = min(usable, key=lambda d: abs((d.start or 0) - (offset + head.idx)))
        d = _past(_coming(d, future, published), future, published)
        return Dated(d.value, d.precision, d.text, "text")
    if own:  # a stated date that could not be resolved (no document date)
        return Dated(None, None, own[0].text, "text")
    if context is not None and context.value and published and not future:
        if context.value > published[: len(context.value)]:  # a past act is not dated after its report
            context = None
    return choose_undated(context, published, period)


@lru_cache(maxsize=64)
def title_period(title: str | None, published: str | None) -> DateValue | None:
    """The one month or day a report's title names, written in full and not after the report
    ("On the campaign trail in the USA, July 2020"; not "... from June 15", a coming day): the
    period it covers, when its acts have no date of their own."""
    anchor = parse_date(published) if title and published else None
    if anchor is None:
        return None
    found = find_dates(title or "", anchor=anchor)
    stated = [d for d in found if d.value and d.precision in ("month", "day") and not d.relative]
    if len(stated) != 1 or stated[0].value > anchor.isoformat()[: len(stated[0].value)]:
        return None
    return stated[0]


def choose_undated(
    context: DateValue | None, published: str | None, period: DateValue | None = None
) -> Dated:
    """No date of its own: the paragraph's context date, else the period the title states, else the
    publication month."""
    if context is not None:
        return Dated(context.value, context.precision, None, "context")
    if period is not None:
        return Dated(period.value, period.precision, None, "title")  # (not stated with the act: vague)
    if published:
        return Dated(published[:7], "month", None, "document")
    return Dated(None, None, None, "none")


def _past(d: DateValue, future: bool, published: str | None) -> DateValue:
    """A past event dated by a month or day without its year ("banned travel in January", in a
    November article) happened before the report: the year before, not the coming one."""
    if future or not (d.value and published) or d.precision not in ("month", "day"):
        return d
    if not _MONTH.search(d.text or "") or re.search(r"\b(?:next|last|this)\b", d.text or "", re.I):
        return d  # "on Tuesday", "next month": counted from the report already
    if re.search(r"\b\d{4}\b", d.text or "") or d.value <= published[: len(d.value)]:
        return d
    year = int(d.value[:4]) - 1
    if d.value[4:] == "-02-29":
        return d
    return d._replace(value=f"{year}{d.value[4:]}")


def _coming(d: DateValue, future: bool, published: str | None) -> DateValue:
    """A future event "on Tuesday" is the coming Tuesday, not the last one."""
    if not (future and d.relative and d.precision == "day" and d.value and published):
        return d
    if not _WEEKDAY.match(d.text or "") or d.value >= published:
        return d
    return d._replace(value=(dt.date.fromisoformat(d.value) + dt.timedelta(days=7)).isoformat())


@dataclass(frozen=True)
class Anchor:
    """A day a sentence's main clause states ("On Tuesday, X announced ..."), with the actors of
    that clause's subject: the day the story's later undated acts by the same actors happened."""

    start: int
    actors: frozenset[str]
    date: DateValue


@dataclass(frozen=True)
class Story:
    """A document's anchors in text order, and its sentences whose predicate is a state ("X is an
    outspoken critic of Y", "X and Y have been at odds"): their span and the predicate's word. An
    event coded from such a predicate has no story day (one named inside it may: "an article
    after the visit was rife with errors")."""

    anchors: list[Anchor]
    states: list[tuple[int, int, str]]


def story_days(
    parses: Sequence[tuple[int, Any]], actors: ActorIndex, dates: Sequence[DateValue], published: str | None
) -> Story:
    """The anchors of a document (past days only: a plan is no story day) and its states."""
    last = published or "9999"
    days = sorted(
        (d for d in dates if d.start is not None and d.precision == "day" and d.value <= last),
        key=lambda d: d.start or 0,
    )
    starts = [d.start or 0 for d in days]
    story = Story([], [])
    for offset, doc in parses:
        for sent in doc.sents:
            a = offset + sent.start_char
            if any(c.dep_ == "cop" for c in sent.root.children):
                story.states.append((a, offset + sent.end_char, sent.root.text))
            day = _main_day(sent, offset, days, starts)
            who = _subject_actors(sent, actors, offset) if day is not None else frozenset()
            if day is not None and who:
                story.anchors.append(Anchor(a, who, day))
    return story


def _main_day(sent: Token, offset: int, days: Sequence[DateValue], starts: list[int]) -> DateValue | None:
    """The first of ``days`` (in text order, starting at ``starts``) that the sentence's main clause
    states."""
    a, b = offset + sent.start_char, offset + sent.end_char
    for d in days[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)]:
        if _main_clause(token_at(sent, (d.start or 0) - offset)):
            return d
    return None


def _subject_actors(sent: Token, actors: ActorIndex, offset: int) -> frozenset[str]:
    """The actors of a sentence's subject: its root's subject phrase, and every actor named before
    the root (where the parse hangs "On Monday, X, the minister of Y, said" apart)."""
    root = sent.root
    out = [x for c in root.children if c.dep_ in SUBJECTS for x in phrase_actors(c, actors, offset)]
    out += [m.entity for m in actors.between(offset + sent.start_char, offset + root.idx + len(root.text))]
    return frozenset(out)


def _main_clause(t: Token | None) -> bool:
    """Whether a date's token hangs from its sentence's root through no other predicate."""
    for _ in range(12):
        if t is None or t.head.i == t.i:
            return t is not None
        t = t.head
        if t.head.i != t.i and t.pos_ in PREDICATE_POS:
            return False
    return False


def redate(events: list[Event], story: Story, untold: frozenset[str] = frozenset()) -> list[Event]:
    """An event dated only by the publication (or its title) takes the day of the latest earlier anchor whose
    subject is one of its sources: "On Tuesday, X announced ... 'I thank Y,' X wrote"; not one of
    ``untold``, the ids of events that take no story day (:func:`takes_no_story_day`)."""
    for ev in events:
        told = ev.date_source in ("document", "title") and ev.id not in untold
        day = _anchor_day(ev, story) if told else None
        if day is not None:
            ev.date, ev.date_precision, ev.date_text = day.value, day.precision, None
            ev.date_fallback, ev.date_source = False, "context"
    return events


def _anchor_day(ev: Event, story: Story) -> DateValue | None:
    i = bisect.bisect_right(story.states, (ev.start, float("inf"), "")) - 1  # the state sentence holding it
    if i >= 0 and story.states[i][0] <= ev.start < story.states[i][1] and ev.trigger == story.states[i][2]:
        return None
    sources = set(ev.source)
    return next((a.date for a in reversed(story.anchors) if a.start < ev.start and a.actors & sources), None)
