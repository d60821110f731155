"""Shared helpers of the event-coder tests: run a made-up body through the whole pipeline (bundled
model) and read its events back by actor name; build a parse by hand."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsgraph.models import AnalyzedDoc, Document, Event
from newsgraph.pipeline.registry import Pipeline, Resources


@lru_cache(maxsize=1)
def pipe() -> tuple[Pipeline, Resources]:
    return Pipeline.build(), Resources()


def analyse(body: str, published: str | None = "2020-01-10") -> AnalyzedDoc:
    p, res = pipe()
    return p(AnalyzedDoc(doc=Document(id="t", text=f"A headline\n\n{body}\n", published=published)), res)


def coded(body: str, published: str | None = "2020-01-10") -> list[tuple[str, list[str], list[str], Event]]:
    """(type, source names, target names, event) of every event of ``body``."""
    ad = analyse(body, published)
    names = {e.id: e.name for e in ad.entities}
    return [(e.type, [names[x] for x in e.source], [names[x] for x in e.target], e) for e in ad.events]


def triples(body: str) -> set[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """(type, source names, target names) of every event of ``body``."""
    return {(ty, tuple(s), tuple(t)) for ty, s, t, _ in coded(body)}


def pairs_of(body: str, typ: str) -> set[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(source names, target names) of every event of type ``typ`` in ``body``."""
    return {(s, t) for ty, s, t in triples(body) if ty == typ}


def only(body: str, typ: str) -> tuple[list[str], list[str], Event]:
    """The one event of type ``typ`` in ``body`` (the test fails when there is none or several)."""
    got = [(s, t, e) for ty, s, t, e in coded(body) if ty == typ]
    assert len(got) == 1, coded(body)
    return got[0]


def tree(words: list[str], heads: list[int], deps: list[str], pos: list[str], tags: list[str]) -> Doc:
    """A hand-built parse (so a parse-repair test does not depend on what the model parses)."""
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags)


#: an English vocabulary, so that the tokens' lexical attributes (``lower_``) are set
_VOCAB: Vocab = spacy.blank("en").vocab
