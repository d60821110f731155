"""Documents analysed in groups (``runner.analyse``): their parses share the model's batches, and
nothing a document gets depends on the documents it was grouped with."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from newsgraph.errors import InputError
from newsgraph.models import AnalyzedDoc, Document
from newsgraph.pipeline.registry import Pipeline, Resources, stage
from newsgraph.pipeline.runner import GROUP_DOCS, analyse, process_documents
from newsgraph.pipeline.stages.parse import parse_many

TEXTS = [
    "Chile and Peru signed a trade agreement in Lima on Monday.\n\n"
    "Ana Ruiz, the Chilean foreign minister, said the deal would open markets.",
    "Peru accused Chile of violating the border treaty.\n\nJuan Ortega rejected the claims.",
    "Protesters marched in Santiago on Sunday, demanding the resignation of the president.",
]


def _doc(i: int, text: str) -> Document:
    return Document(id=f"d{i}", text=text, published="2020-01-10")


def _signature(parses: Sequence[tuple[int, Any]]) -> list[tuple[Any, ...]]:
    return [
        (o, t.i, t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_, t.is_sent_start)
        for o, d in parses
        for t in d
    ]


def test_a_documents_parse_is_the_same_alone_and_in_a_group() -> None:
    res = Resources()
    prep = Pipeline.build(["clean", "segment"])
    ads = [prep(AnalyzedDoc(doc=_doc(i, t)), res) for i, t in enumerate(TEXTS)]
    items = [(ad.text, ad.paragraphs, ad.sentences) for ad in ads]
    nlp = res.get("nlp")
    together = parse_many(nlp, items)
    assert [len(p) for p in together] == [2, 2, 1]  # (each paragraph a piece, in its own document)
    for item, grouped in zip(items, together, strict=True):
        assert _signature(parse_many(nlp, [item])[0]) == _signature(grouped)


def test_analyse_gives_what_one_document_at_a_time_gives() -> None:
    res, pipe = Resources(), Pipeline.build()
    docs = [_doc(i, t) for i, t in enumerate(TEXTS)]
    alone = [pipe(AnalyzedDoc(doc=d), res) for d in docs]
    grouped = list(analyse(docs, pipe, res))
    assert len(grouped) == 3
    for a, b in zip(alone, grouped, strict=True):
        assert isinstance(b, AnalyzedDoc) and b.doc.id == a.doc.id
        assert (b.entities, b.mentions, b.quotes, b.events) == (a.entities, a.mentions, a.quotes, a.events)
        assert b.parses == [] and b.done == a.done  # (the transient parses dropped)
    assert any(ad.events for ad in alone)


def _test_batch(ads: Sequence[AnalyzedDoc], res: Resources) -> None:
    raise RuntimeError("a batch that fails")


@stage("test_batch_fragile", requires=("body_spans",), assigns=(), batch=_test_batch)
def _test_fragile(ad: AnalyzedDoc, res: Resources) -> None:
    if "treaty" in ad.text:
        raise KeyError("no such thing")


def test_a_failing_batch_fails_only_the_document_that_fails_alone(caplog: pytest.LogCaptureFixture) -> None:
    res, pipe = Resources(), Pipeline.build(["clean", "test_batch_fragile"])
    out = process_documents([_doc(i, t) for i, t in enumerate(TEXTS)], pipe, res)
    assert "stage test_batch_fragile failed on a group of 3 documents" in caplog.text
    assert [type(r).__name__ for r in out] == ["AnalyzedDoc", "InputError", "AnalyzedDoc"]
    err = out[1]
    assert isinstance(err, InputError) and err.stage == "test_batch_fragile" and err.code == "NG018"


def test_analyse_keeps_input_order_and_group_sizes() -> None:
    res, pipe = Resources(), Pipeline.build(["clean", "segment"])
    bad = InputError("broken.txt", "not UTF-8", "NG001")
    items: list[Document | InputError] = [_doc(i, "Chile met Peru.") for i in range(GROUP_DOCS + 3)]
    items.insert(4, bad)
    seen: list[str] = []
    out = list(analyse(items, pipe, res, on_stage=lambda d, name, k, n: seen.append(d.id)))
    assert [r.doc.id if isinstance(r, AnalyzedDoc) else "bad" for r in out] == [
        *(f"d{i}" for i in range(4)),
        "bad",
        *(f"d{i}" for i in range(4, GROUP_DOCS + 3)),
    ]
    assert out[4] is bad and len(seen) == 2 * (GROUP_DOCS + 3)


def test_select_keeps_the_words_that_pass_every_test_in_text_order() -> None:
    from newsgraph.text.parsed import select, starts, text_length

    nlp = Resources().get("nlp")
    a, b = nlp("Chile met Peru in Lima."), nlp("The two leaders said nothing.")
    parses = [(0, a), (24, nlp("")), (30, b)]
    assert [(o, t.text) for o, t in select(parses, pos=("PROPN",))] == [
        (0, "Chile"),
        (0, "Peru"),
        (0, "Lima"),
    ]
    assert [(o, t.text) for o, t in select(parses, lower={"two", "leaders", "chile"})] == [
        (0, "Chile"),
        (30, "two"),
        (30, "leaders"),
    ]
    assert [t.text for _, t in select(parses, pos=("NOUN",), lower={"two", "leaders"})] == ["leaders"]
    assert len(list(select(parses))) == len(a) + len(b)
    assert starts(a) == [t.idx for t in a] and text_length(b) == len(b.text) and text_length(nlp("")) == 0
