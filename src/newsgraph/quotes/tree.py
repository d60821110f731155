"""The dependency parse as the quote finder reads it: tokens by character offset, subtrees as
character spans, and the speaker phrase of a cue token.

The parse stage leaves ``(offset, Doc)`` pairs (one per body piece); :class:`Tree` maps document
offsets to tokens across them. Everything here works with the bundled model as it is (tags,
Universal Dependencies trees, entities) and uses lemmas and morphology when the model gives them
(``token.lemma_`` may be empty; ``token.morph`` may have no ``Gender``/``Number``).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from newsgraph.text.parsed import starts, text_length

Token = Any  # a spaCy Token

#: dependents that belong to a speaker phrase on the left of its head ("the senior *Hamas* official")
PHRASE_LEFT = frozenset(
    {"det", "amod", "compound", "nmod:poss", "nummod", "case", "flat", "det:poss", "nmod"}
)
#: dependents on the right that the phrase keeps ("Doug *Collins*", "a source *within the ministry*")
PHRASE_RIGHT = frozenset({"flat", "compound", "nmod", "flat:name"})
SUBJECTS = frozenset({"nsubj", "nsubj:pass", "csubj"})
RELATIVES = frozenset({"who", "which", "that", "whom"})


class Tree:
    """Tokens of a document's parses by character offset."""

    def __init__(self, parses: Sequence[tuple[int, Any]]) -> None:
        self.docs = sorted(parses, key=lambda p: p[0])
        self._starts = [o for o, _ in self.docs]
        self._offset = {id(d): o for o, d in self.docs}
        self._idx = [starts(d) for _, d in self.docs]
        self._ends = [o + text_length(d) for o, d in self.docs]

    def __bool__(self) -> bool:
        return bool(self.docs)

    def start(self, t: Token) -> int:
        return self._offset[id(t.doc)] + t.idx

    def end(self, t: Token) -> int:
        return self._offset[id(t.doc)] + t.idx + len(t.text)

    def _doc(self, pos: int) -> int:
        k = bisect.bisect_right(self._starts, pos) - 1
        if k < 0:
            return -1
        return k if pos < self._ends[k] else -1

    def token_at(self, pos: int) -> Token | None:
        """The token covering character ``pos`` (or the last one starting before it)."""
        k = self._doc(pos)
        if k < 0:
            return None
        off, doc = self.docs[k]
        i = bisect.bisect_right(self._idx[k], pos - off) - 1
        return doc[i] if i >= 0 else None

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens that start inside ``[start, end)`` (one piece: the piece holding ``start``)."""
        k = self._doc(start)
        if k < 0:
            return []
        off, doc = self.docs[k]
        i = bisect.bisect_left(self._idx[k], start - off)
        j = bisect.bisect_left(self._idx[k], end - off)
        return [doc[x] for x in range(i, j)]

    def span(self, toks: Iterable[Token]) -> tuple[int, int]:
        ts = list(toks)
        return min(self.start(t) for t in ts), max(self.end(t) for t in ts)

    def sentences(self) -> Iterator[Any]:
        for _, doc in self.docs:
            yield from doc.sents


def lemma(t: Token) -> str:
    """The token's lemma in lower case, or "" when the model gives none."""
    return (t.lemma_ or "").lower()


def morph(t: Token, feature: str) -> str:
    """One morphological feature ("Gender", "Number") or "" (older models give none)."""
    vals = t.morph.get(feature) if hasattr(t, "morph") else []
    return vals[0] if vals else ""


def is_verb(t: Token) -> bool:
    return t.tag_.startswith("VB") or t.pos_ == "VERB"


def is_nominal(t: Token) -> bool:
    return t.pos_ in ("NOUN", "PROPN", "PRON") or t.tag_.startswith(("NN", "PRP"))


def child(t: Token, *deps: str) -> Token | None:
    return next((c for c in t.children if c.dep_ in deps), None)


def subject(t: Token) -> Token | None:
    """The subject of ``t``; of two before it, a name's (the parse split one long subject phrase:
    "[Member] of Parliament (MP) [Yvette Cooper] of the Labour Party added")."""
    subj = children(t, "nsubj", "csubj")
    names = [s for s in subj if s.pos_ == "PROPN" and s.ent_type_]
    if len(subj) > 1 and names and subj[0].pos_ == "NOUN" and all(s.i < t.i for s in subj):
        return names[-1]
    return subj[0] if subj else None


def children(t: Token, *deps: str) -> list[Token]:
    return [c for c in t.children if c.dep_ in deps]


def case_of(t: Token) -> str:
    """The preposition of a nominal ("by" in "by the minister"), lower case, or ""."""
    c = child(t, "case")
    if c is None:
        return ""
    fixed = [f.lower_ for f in c.children if f.dep_ == "fixed"]
    return " ".join([c.lower_, *fixed])


def phrase_tokens(head: Token) -> list[Token]:
    """The head's noun phrase for speaker resolution: its left modifiers, and right names and
    prepositional modifiers ("Doug Collins", "a source within the ministry"), without relative
    clauses, appositions or anything set off by commas."""
    keep = {head.i}
    stack = [
        c
        for c in head.children
        if (c.i < head.i and c.dep_ in PHRASE_LEFT) or (c.i > head.i and c.dep_ in PHRASE_RIGHT)
    ]
    while stack:
        c = stack.pop()
        keep.add(c.i)
        stack.extend(g for g in c.children if g.dep_ not in ("acl:relcl", "appos", "punct", "parataxis"))
    lo, hi = min(keep), max(keep)
    doc = head.doc
    toks = [doc[i] for i in range(lo, hi + 1)]
    # cut at a comma or bracket between the left edge and the head, and after the head
    for k in range(head.i - lo - 1, -1, -1):
        if toks[k].text in ",;:()[]—–" or toks[k].tag_ in ("``", "''"):
            toks = toks[k + 1 :]
            break
    pos = next(k for k, t in enumerate(toks) if t.i == head.i)
    for k in range(pos + 1, len(toks)):
        if toks[k].text in ",;:()[]—–" or toks[k].tag_ in ("``", "''"):
            toks = toks[:k]
            break
    return toks
