"""Smoke tests for the shipped spaCy pipeline (src/newsgraph/data/model/en_newsgraph).

These check structure, labels, that the pipeline runs, and the size budget; they deliberately do not
assert particular predictions (unit tests must not be tied to one model's output).
"""

from __future__ import annotations

from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

MODEL_DIR = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "data" / "model" / "en_newsgraph"
MAX_BYTES = 40 * 1024 * 1024


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    assert MODEL_DIR.is_dir(), f"model missing: {MODEL_DIR}"
    return spacy.load(MODEL_DIR)


def test_components_and_labels(nlp: spacy.language.Language) -> None:
    for name in ("tok2vec", "tagger", "morphologizer", "trainable_lemmatizer", "parser", "ner"):
        assert name in nlp.pipe_names
    assert {"PER", "ORG", "LOC"} <= set(nlp.get_pipe("ner").labels)
    assert len(nlp.get_pipe("tagger").labels) > 10
    assert len(nlp.get_pipe("parser").labels) > 10
    assert len(nlp.get_pipe("morphologizer").labels) > 50
    # every trained component listens to the one shared tok2vec (newsgraph keeps it when it runs NER only)
    assert hasattr(nlp.get_pipe("tok2vec"), "listeners")


def test_meta_credits_every_dataset(nlp: spacy.language.Language) -> None:
    names = " ".join(src["name"] for src in nlp.meta.get("sources", []))
    for dataset in ("UD English EWT", "UNER", "GUM", "Wikigold", "CrossNER"):
        assert dataset in names


def test_runs_on_text(nlp: spacy.language.Language) -> None:
    text = "The foreign minister met her counterpart in Geneva on Tuesday. Talks will resume next month."
    doc = nlp(text)
    assert doc.text == text
    assert len(doc) > 10
    assert doc.has_annotation("TAG")
    assert doc.has_annotation("DEP")
    assert all(tok.tag_ for tok in doc)
    assert doc.has_annotation("POS") and all(tok.pos_ for tok in doc)
    assert doc.has_annotation("LEMMA") and all(tok.lemma_ for tok in doc)
    assert doc.has_annotation("MORPH")
    assert any(str(tok.morph) for tok in doc)
    assert doc.has_annotation("SENT_START")
    assert len(list(doc.sents)) >= 1
    for ent in doc.ents:
        assert ent.label_ in {"PER", "ORG", "LOC"}
    docs = list(nlp.pipe([text.upper(), text.lower(), ""]))
    assert len(docs) == 3


def test_model_size() -> None:
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert 0 < size <= MAX_BYTES, f"model is {size / 1e6:.1f} MB"
