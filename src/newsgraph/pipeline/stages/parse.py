"""The ``parse`` stage: the bundled spaCy pipeline run once over the body, shared by every later stage.

Each body paragraph is parsed on its own (a paragraph longer than :data:`PIECE` characters is cut
at whitespace into pieces, so cost and memory stay linear in the text's length); the result is a
list of ``(offset, Doc)`` with the character offset of each piece in the document. The parses are
transient: the pipeline drops them once the document is analysed (they are never stored).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy

from newsgraph.models import AnalyzedDoc, Span
from newsgraph.pipeline.registry import Resources, stage

#: the longest piece of text given to the model at once (characters)
PIECE = 20_000
#: pieces, and characters, given to the model in one batch
BATCH = 32
BATCH_CHARS = 20_000
_NO_TENSOR = numpy.zeros((0, 0), dtype="float32")


def pieces(text: str, paragraphs: list[Span], limit: int = PIECE) -> list[Span]:
    """The paragraphs, each longer one cut at whitespace into pieces of at most ``limit`` characters."""
    out: list[Span] = []
    for p in paragraphs:
        a = p.start
        while p.end - a > limit:
            cut = text.rfind(" ", a + limit // 2, a + limit)
            cut = cut if cut > a else a + limit
            out.append(Span(a, cut))
            a = cut
        out.append(Span(a, p.end))
    return [s for s in out if text[s.start : s.end].strip()]


def parse(nlp: Any, text: str, paragraphs: list[Span], sentences: list[Span] = ()) -> list[tuple[int, Any]]:
    """``(offset, Doc)`` for every piece of the body. A pipeline without a parser (``model=blank``)
    gets its sentence boundaries from the rule-based ``sentences``."""
    spans = pieces(text, paragraphs)
    out = []
    for batch in _batches(spans):
        for s, d in zip(batch, nlp.pipe([text[s.start : s.end] for s in batch], batch_size=len(batch)),
                        strict=True):
            d.tensor = _NO_TENSOR  # the token vectors of the model's layers: no later stage reads them
            out.append((s.start, d))
    for offset, doc in out:
        if not doc.has_annotation("SENT_START"):
            _rule_sentences(doc, offset, sentences)
    return out


def _batches(spans: list[Span]) -> Iterator[list[Span]]:
    """Consecutive pieces given to the model together: at most :data:`BATCH` pieces and
    :data:`BATCH_CHARS` characters (at least one piece), so the model's working memory stays bounded
    however long the paragraphs are."""
    batch: list[Span] = []
    size = 0
    for s in spans:
        n = s.end - s.start
        if batch and (len(batch) >= BATCH or size + n > BATCH_CHARS):
            yield batch
            batch, size = [], 0
        batch.append(s)
        size += n
    if batch:
        yield batch


def _rule_sentences(doc: Any, offset: int, sentences: list[Span]) -> None:
    starts = {s.start - offset for s in sentences}
    for i, t in enumerate(doc):
        t.is_sent_start = i == 0 or t.idx in starts


@stage("parse", requires=("paragraphs", "sentences"), assigns=("parses",))
def parse_stage(ad: AnalyzedDoc, res: Resources) -> None:
    """Tokens, tags, lemmas, morphology, dependencies and entities of the body (spaCy, bundled model)."""
    ad.parses = parse(res.get("nlp"), ad.text, ad.paragraphs, ad.sentences)
