"""Working data of the actors stage: candidate spans and a token view of the body."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from newsgraph.models import Span
from newsgraph.text import tokens


@dataclass
class Cand:
    """A candidate actor mention (character offsets into the document text)."""

    start: int
    end: int
    text: str
    label: str  # PERSON | ORG | STATE | LOCATION | NORP (a demonym adjective: affiliation only)
    source: str  # kb | template | model | rule | known | alias | derived
    kb_id: str | None = None
    kind: str = "name"  # name | alias | description | pronoun | demonym | metonym
    heading: bool = False
    title: str | None = None  # a title written right before the name
    title_start: int | None = None
    venue: bool = False  # a place used only as a venue: kept as a place, not an actor mention
    entity: str | None = None  # local entity id once resolved
    ref: int | None = None  # index of the candidate this one is an alias/short form of
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    def overlaps(self, other: Cand | tuple[int, int]) -> bool:
        s, e = other.span if isinstance(other, Cand) else other
        return self.start < e and s < self.end


class CandIndex:
    """A fixed list of candidates indexed by offset: the candidates that start, end or lie at some
    place, in list order, found by bisection instead of a scan of the whole list (a long document
    has tens of thousands of candidates)."""

    def __init__(self, cands: list[Cand]) -> None:
        self.cands = cands
        by_start = sorted(range(len(cands)), key=lambda i: (cands[i].start, i))
        by_end = sorted(range(len(cands)), key=lambda i: (cands[i].end, i))
        self._start_order, self._starts = by_start, [cands[i].start for i in by_start]
        self._end_order, self._ends = by_end, [cands[i].end for i in by_end]
        self._longest = max((c.end - c.start for c in cands), default=0)

    def _pick(self, positions: list[int]) -> list[Cand]:
        return [self.cands[i] for i in sorted(positions)]

    def starting_in(self, a: int, b: int) -> list[Cand]:
        """Candidates with ``a <= start < b``, in list order."""
        lo, hi = bisect.bisect_left(self._starts, a), bisect.bisect_left(self._starts, b)
        return self._pick(self._start_order[lo:hi])

    def ending_in(self, a: int, b: int) -> list[Cand]:
        """Candidates with ``a <= end <= b``, in list order."""
        lo, hi = bisect.bisect_left(self._ends, a), bisect.bisect_right(self._ends, b)
        return self._pick(self._end_order[lo:hi])

    def containing(self, pos: int) -> list[Cand]:
        """Candidates with ``start <= pos < end``, in list order."""
        return [c for c in self.starting_in(pos - self._longest, pos + 1) if pos < c.end]

    def covering(self, a: int, b: int) -> list[Cand]:
        """Candidates with ``start <= a`` and ``b <= end``, in list order."""
        return [c for c in self.starting_in(a - self._longest, a + 1) if b <= c.end]

    def overlapping(self, a: int, b: int) -> list[Cand]:
        """Candidates that overlap ``[a, b)``, in list order."""
        return [c for c in self.starting_in(a - self._longest, b) if c.overlaps((a, b))]


class Tok(NamedTuple):
    """A word of the body text (a tuple: a view makes one per word of the document)."""

    start: int
    end: int
    text: str
    para: int


class DocView:
    """Body text as paragraphs and tokens, with neighbour lookups used by the rules."""

    def __init__(self, text: str, paragraphs: list[Span], sentences: list[Span]) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.sentences = sentences
        self._sent_starts = [s.start for s in sentences]
        self.headings: set[int] = set()  # indices of heading paragraphs
        self._para_starts = [p.start for p in paragraphs]
        #: a paragraph's tokens and where they start, made when a rule first looks into it
        self._toks: dict[int, tuple[list[Tok], list[int]]] = {}

    # ---- lookups ----------------------------------------------------------------------
    def para_toks(self, para: int) -> tuple[list[Tok], list[int]]:
        """The tokens of paragraph ``para`` and their starts."""
        got = self._toks.get(para)
        if got is None:
            p = self.paragraphs[para]
            found = tokens.finditer(self.text, p.start, p.end)
            toks = [Tok(m.start(), m.end(), m.group(), para) for m in found]
            got = self._toks[para] = (toks, [t.start for t in toks])
        return got

    def para_of(self, pos: int) -> int:
        i = bisect.bisect_right(self._para_starts, pos) - 1
        return i if i >= 0 and pos < self.paragraphs[i].end else -1

    def before(self, pos: int, n: int = 1) -> list[Tok]:
        """Up to ``n`` tokens starting before ``pos`` in its paragraph (nearest last)."""
        para = self.para_of(pos)
        if para < 0:
            return []
        toks, starts = self.para_toks(para)
        i = bisect.bisect_left(starts, pos)
        return toks[max(0, i - n) : i]

    def after(self, pos: int, n: int = 1) -> list[Tok]:
        """Up to ``n`` tokens starting at or after ``pos`` in its paragraph."""
        para = self.para_of(pos)
        if para < 0:
            return []
        toks, starts = self.para_toks(para)
        i = bisect.bisect_left(starts, pos)
        return toks[i : i + n]

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._sent_starts, pos) - 1)

    def sentence_start(self, pos: int) -> bool:
        """True when ``pos`` starts its sentence (ignoring opening quotes/brackets)."""
        i = self.sentence_index(pos)
        if not self.sentences:
            return False
        s = self.sentences[i].start
        return not self.text[s:pos].strip(" \"'“‘([–—-")

    def is_heading(self, pos: int) -> bool:
        return self.para_of(pos) in self.headings


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` so it has no surrounding spaces or punctuation (keeps dots of
    abbreviations such as "U.S.")."""
    while start < end and (text[start].isspace() or text[start] in "\"'“”‘’,;:()[]–—-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "\"'“”‘’,;:()[]–—-"):
        end -= 1
    if end > start and text[end - 1] == "." and not re.search(r"(?:^|[\s.])[A-Z]\.$", text[start:end]):
        end -= 1
    return start, end


def strip_possessive(text: str, start: int, end: int) -> int:
    """End offset without a trailing possessive ("Hamas’s" -> "Hamas", "Hamas'" -> "Hamas")."""
    seg = text[start:end]
    m = re.search(r"(?:['’]s|(?<=s)['’])$", seg)
    return end - len(m.group()) if m else end
