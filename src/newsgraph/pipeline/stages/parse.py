"""The ``parse`` stage: the bundled spaCy pipeline run once over the body, shared by every later stage.

Each body paragraph is parsed on its own (a paragraph longer than :data:`PIECE` characters is cut
at whitespace into pieces, so cost and memory stay linear in the text's length); the result is a
list of ``(offset, Doc)`` with the character offset of each piece in the document. The parses are
transient: the pipeline drops them once the document is analysed (they are never stored).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import numpy
from spacy.attrs import IDX, IS_SPACE, SENT_START

from newsgraph.models import AnalyzedDoc, Span
from newsgraph.pipeline.registry import Resources, stage
from newsgraph.text.repairs import repair

#: the longest piece of text given to the model at once (characters)
PIECE = 20_000
#: pieces, and characters, given to the model in one batch
BATCH = 32
BATCH_CHARS = 20_000
_NO_TENSOR = numpy.zeros((0, 0), dtype="float32")
#: a piece to parse: (its document's number, the document's text, the piece, the sentence starts)
_Piece = tuple[int, str, Span, dict[int, bool]]


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
    """``(offset, Doc)`` for every piece of the body, its sentences the rule-based ``sentences``.

    The boundaries are set before the parser runs, which keeps to them: left alone, it cut
    sentences inside names ("Senator Ann Ward picked Governor | Tom Reyes as his running mate") and
    joined sentences across a closing quote mark. A sentence longer than :data:`FIXED_SENTENCE`
    characters (text without punctuation) is left to the parser to cut. A pipeline without a
    parser (``model=blank``) gets the same boundaries."""
    return parse_many(nlp, [(text, paragraphs, sentences)])[0]


def parse_many(
    nlp: Any, items: Sequence[tuple[str, list[Span], list[Span]]]
) -> list[list[tuple[int, Any]]]:
    """:func:`parse` of several documents' ``(text, paragraphs, sentences)``, their pieces given to the
    model in shared batches (the model reads a full batch faster than several small ones; a piece's
    parse does not depend on the pieces it is batched with, which ``tests/test_parse_batches.py``
    checks)."""
    todo = []  # (document number, its text, the piece, where its sentences start)
    for n, (text, paragraphs, sentences) in enumerate(items):
        starts = _starts(text, sentences)
        todo += [(n, text, s, starts) for s in pieces(text, paragraphs)]
    out: list[list[tuple[int, Any]]] = [[] for _ in items]
    for batch in _batches(todo):
        docs = [_preset(nlp.make_doc(text[s.start : s.end]), s.start, starts) for _, text, s, starts in batch]
        for (n, _, s, _), d in zip(batch, nlp.pipe(docs, batch_size=len(batch)), strict=True):
            d.tensor = _NO_TENSOR  # the token vectors of the model's layers: no later stage reads them
            repair(d)  # ("A police officer [shot] X" read as a noun)
            out[n].append((s.start, d))
    return out


#: a rule-based sentence longer than this (characters) may be cut further by the parser
FIXED_SENTENCE = 600


def _starts(text: str, sentences: list[Span]) -> dict[int, bool]:
    """The offset of each sentence's first character -> whether the sentence is short enough for
    its inside to be kept whole (see :data:`FIXED_SENTENCE`)."""
    out = {}
    for s in sentences:
        seg = text[s.start : s.end]
        out[s.start + len(seg) - len(seg.lstrip())] = len(seg) <= FIXED_SENTENCE
    return out


def _preset(doc: Any, offset: int, starts: dict[int, bool]) -> Any:
    """Mark where ``doc``'s sentences start (and, inside a short sentence, where none does). A
    whitespace token is left to the parser (forced into the sentence before, it was taken for
    that sentence's root: "the party nominated X for president.  " with "nominated" hung on "  ")."""
    flags = numpy.zeros((len(doc), 1), dtype="int64")  # 1: starts a sentence, -1: does not, 0: free
    idx, space = doc.to_array([IDX, IS_SPACE]).T
    whole = False
    for i in range(len(doc)):
        at = offset + int(idx[i])
        if i == 0 or at in starts:
            flags[i, 0] = 1
            whole = starts.get(at, False)
        elif whole and not space[i]:
            flags[i, 0] = -1
    doc.from_array([SENT_START], flags.astype("uint64"))  # (spaCy's attribute arrays: -1 wraps)
    return doc


def _batches(todo: list[_Piece]) -> Iterator[list[_Piece]]:
    """Consecutive pieces given to the model together: at most :data:`BATCH` pieces and
    :data:`BATCH_CHARS` characters (at least one piece), so the model's working memory stays bounded
    however long the paragraphs are."""
    batch: list[_Piece] = []
    size = 0
    for s in todo:
        n = s[2].end - s[2].start
        if batch and (len(batch) >= BATCH or size + n > BATCH_CHARS):
            yield batch
            batch, size = [], 0
        batch.append(s)
        size += n
    if batch:
        yield batch


def parse_batch(ads: Sequence[AnalyzedDoc], res: Resources) -> None:
    """:func:`parse_stage` of several documents at once (see :func:`parse_many`)."""
    got = parse_many(res.get("nlp"), [(ad.text, ad.paragraphs, ad.sentences) for ad in ads])
    for ad, parses in zip(ads, got, strict=True):
        ad.parses = parses


@stage("parse", requires=("paragraphs", "sentences"), assigns=("parses",), batch=parse_batch)
def parse_stage(ad: AnalyzedDoc, res: Resources) -> None:
    """Tokens, tags, lemmas, morphology, dependencies and entities of the body (spaCy, bundled model)."""
    ad.parses = parse(res.get("nlp"), ad.text, ad.paragraphs, ad.sentences)
