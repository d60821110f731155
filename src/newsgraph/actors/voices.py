"""Who speaks a quotation, for the pronouns inside it: a speaker says "I", so a third-person pronoun
inside quotation marks ('Ortega said: "He was a great leader"') is someone else than the subject of
the verb outside the marks that governs the quoted words."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from itertools import islice
from typing import Any

#: opening and closing quotation marks (a straight double quote both opens and closes)
_OPENING, _CLOSING, _STRAIGHT = "“", "”", '"'
#: how many heads up from a quoted word its verb of saying is looked for (a misparse may chain
#: thousands of words into one branch)
MAX_DEPTH = 12
_MARKS = re.compile(f"[{_OPENING}{_CLOSING}{_STRAIGHT}]")


def quoted_spans(text: str, paragraphs: Sequence[Any]) -> list[tuple[int, int]]:
    """The stretches of ``text`` between paired quotation marks, paragraph by paragraph (a quotation
    left open ends with its paragraph)."""
    out: list[tuple[int, int]] = []
    for p in paragraphs:
        start: int | None = None
        for m in _MARKS.finditer(text, p.start, p.end):  # (the marks only, not every character)
            ch, i = m.group(), m.start()
            if start is None and ch in (_OPENING, _STRAIGHT):
                start = i + 1
            elif start is not None and ch in (_CLOSING, _STRAIGHT):
                out.append((start, i))
                start = None
        if start is not None:
            out.append((start, p.end))
    return out


class Voices:
    """The quotations of a document and the parse that says who utters them."""

    def __init__(self, text: str, paragraphs: Sequence[Any], parses: Sequence[tuple[int, Any]]) -> None:
        self.spans = quoted_spans(text, paragraphs)
        self.starts = [a for a, _ in self.spans]
        self.parses = list(parses)
        self.offsets = [o for o, _ in self.parses]
        self._idx: dict[int, list[int]] = {}  # piece -> where its tokens start (read when first needed)

    def speaker_spans(self, pos: int) -> list[tuple[int, int]]:
        """Where the subjects of the verb that governs the quoted word at ``pos`` from outside its
        quotation are written; [] outside quotations or where the parse says nothing."""
        k = bisect.bisect_right(self.starts, pos) - 1
        if k < 0 or not self.spans[k][0] <= pos < self.spans[k][1]:
            return []
        lo, hi = self.spans[k]
        # the word's own sentence, else the quotation's first one ("... threatened. To save his own
        # life, *he* fired": the verb of saying governs the first sentence only)
        for at in (pos, lo):
            tok, offset = self._token(at)
            heads = islice(tok.ancestors, MAX_DEPTH) if tok is not None else ()
            for head in heads:  # the nearest one with a subject
                subjects = [x for x in head.children if x.dep_ == "nsubj"]
                if subjects and not lo <= offset + head.idx < hi:
                    return [_span(x, offset) for x in subjects]
        return []

    def _token(self, pos: int) -> tuple[Any, int]:
        i = bisect.bisect_right(self.offsets, pos) - 1
        if i < 0:
            return None, 0
        offset, doc = self.parses[i]
        starts = self._idx.get(i)
        if starts is None:
            starts = self._idx[i] = [t.idx for t in doc]
        k = bisect.bisect_left(starts, pos - offset)  # the first word from ``pos``
        return (doc[k] if k < len(starts) else None), offset


def _span(x: Any, offset: int) -> tuple[int, int]:
    """Where the phrase headed by token ``x`` is written."""
    return offset + x.left_edge.idx, offset + x.right_edge.idx + len(x.right_edge)
