"""The one data model used by every stage, the store, the exports and the API.

Everything that points into a text does so with ``start``/``end`` character offsets
(Python string indices, code points) into ``Document.text``, the original text as read.
Per-document objects carry *local* ids (unique inside one document); the cross-document
pass maps local actors to global ``Actor`` ids and events to clusters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

ACTOR_TYPES = ("PERSON", "ORG", "STATE", "LOCATION")

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


class Span(NamedTuple):
    """A half-open character range ``[start, end)`` into a document's original text."""

    start: int
    end: int

    def slice(self, text: str) -> str:
        return text[self.start:self.end]

    def overlaps(self, other: Span | tuple[int, int]) -> bool:
        return self.start < other[1] and other[0] < self.end

    def contains(self, pos: int) -> bool:
        return self.start <= pos < self.end


class ExcludedSpan(NamedTuple):
    """Boilerplate that is not part of the article body, kept with its kind."""

    start: int
    end: int
    kind: str  # caption, byline, related_headline, donation, comments, comment_count, ...


class DateValue(NamedTuple):
    """A normalised date: ``value`` is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""

    value: str
    precision: str  # "day" | "month" | "year"
    text: str | None = None
    start: int | None = None
    end: int | None = None
    relative: bool = False  # computed relative to the document date


@dataclass
class Document:
    """One input article, as read. ``id`` is the hash of the normalised text."""

    id: str
    text: str
    title: str | None = None
    path: str | None = None
    file_name: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # YYYY-MM-DD
    date_inferred: bool = False
    lang: str | None = None
    source_id: str | None = None  # an id given by the input (JSON ``id``)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def n_words(self) -> int:
        return len(self.text.split())


@dataclass
class Mention:
    """A stretch of text that names or refers to an actor (local entity id)."""

    start: int
    end: int
    text: str
    entity: str  # local entity id, e.g. "e3"
    kind: str = "name"  # name | alias | description | pronoun | demonym | metonym
    type: str | None = None


@dataclass
class Entity:
    """A document-local actor: all mentions in one document that refer to one actor."""

    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    kb_id: str | None = None
    affiliation: str | None = None  # local entity id or "kb:<kb_id>"
    evidence: dict[str, Any] = field(default_factory=dict)


@dataclass
class Quote:
    id: str
    kind: str  # direct | indirect
    start: int
    end: int
    text: str
    speaker: str | None = None  # local entity id
    cue: str | None = None
    cue_start: int | None = None
    channel: str | None = None  # e.g. "RT" in "told RT"
    confidence: float = 0.5
    rule: str | None = None  # how it was found: "zero-that", "cue-after", "according-to", "continuation", ...
    speaker_text: str | None = None  # the words that name or describe the speaker ("a senior official")


@dataclass
class Event:
    id: str
    type: str
    start: int  # evidence sentence offsets
    end: int
    text: str
    source: list[str] = field(default_factory=list)  # local entity ids
    target: list[str] = field(default_factory=list)
    mode: str | None = None
    cameo: str | None = None
    location: str | None = None  # local entity id
    date: str | None = None
    date_precision: str | None = None
    date_text: str | None = None
    date_fallback: bool = False
    negated: bool = False
    hypothetical: bool = False
    trigger: str | None = None
    confidence: float = 0.5
    rule: str | None = None  # the lexicon pattern or rule that coded it
    modality_cue: str | None = None  # the word that made it negated or hypothetical
    date_source: str | None = None  # "text" (stated or governing) | "document" (publication date only)


@dataclass
class AnalyzedDoc:
    """A document plus everything the per-document stages add to it.

    Stages declare which of these attributes they require and which they assign;
    the pipeline checks the order when it is built.
    """

    doc: Document
    body_spans: list[Span] = field(default_factory=list)
    excluded_spans: list[ExcludedSpan] = field(default_factory=list)
    paragraphs: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    dates: list[DateValue] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    minhash: list[int] | None = None
    parses: list[tuple[int, Any]] = field(default_factory=list)  # (offset, spaCy Doc); transient
    extras: dict[str, Any] = field(default_factory=dict)  # stage-private, not stored
    done: list[str] = field(default_factory=list)  # names of the stages that ran

    @property
    def text(self) -> str:
        return self.doc.text

    def in_body(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies inside one body span."""
        return any(s.start <= start and end <= s.end for s in self.body_spans)

    def sentence_at(self, pos: int) -> Span | None:
        for s in self.sentences:
            if s.start <= pos < s.end:
                return s
        return None


@dataclass
class Actor:
    """A canonical actor across documents."""

    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    kb_id: str | None = None
    affiliation: str | None = None  # actor id
    roles: list[tuple[str, str]] = field(default_factory=list)  # (title, doc id)


@dataclass
class Cluster:
    id: str
    type: str
    events: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    divergent: bool = False
    accounts: list[dict[str, Any]] = field(default_factory=list)  # {"speaker", "quote"}
