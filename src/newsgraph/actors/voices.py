"""Who speaks a quotation, for the pronouns inside it: a speaker says "I", so a third-person pronoun
inside quotation marks ('Ortega said: "He was a great leader"') is someone else than the subject of
the verb outside the marks that governs the quoted words."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from itertools import islice
from typing import Any

from newsgraph.quotes.marks import find_quote_spans
from newsgraph.quotes.tree import Tree

#: how many heads up from a quoted word its verb of saying is looked for (a misparse may chain
#: thousands of words into one branch)
MAX_DEPTH = 12


class Voices:
    """The quotations of a document and the parse that says who utters them."""

    def __init__(self, text: str, paragraphs: Sequence[Any], parses: Sequence[tuple[int, Any]]) -> None:
        self.spans = [(q.start, q.end) for q in find_quote_spans(text, list(paragraphs)) if q.depth == 0]
        self.starts = [a for a, _ in self.spans]
        self.tree = Tree(parses)

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
            tok = self.tree.token_at(at)
            heads = islice(tok.ancestors, MAX_DEPTH) if tok is not None else ()
            for head in heads:  # the nearest one with a subject
                subjects = [x for x in head.children if x.dep_ == "nsubj"]
                if subjects and not lo <= self.tree.start(head) < hi:
                    return [self.tree.span((x.left_edge, x.right_edge)) for x in subjects]
        return []
