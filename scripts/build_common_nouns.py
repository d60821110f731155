#!/usr/bin/env python
"""Compile ``src/newsgraph/data/names/common_nouns.txt``: English words used as common nouns, for
telling a personal name from the name of a place or a firm ("Gloria Vanderbilt" against "Lincoln
*Park*", "Echo *Investment*").

A word is listed when the gold part-of-speech annotation of the openly licensed treebanks in
``../shared/data/train`` tags it NOUN in at least a quarter of its occurrences written in lower case
(so not as part of a name; "on" and "will", tagged NOUN now and then, are not listed; "park", a
verb too, is): UD English EWT (train split, CC BY-SA 4.0) and the open genres of GUM (CC BY 4.0 annotations;
see ``src/newsgraph/data/names/README.md``). The list holds single lower-case words only, no
sentences. Usage: ``python scripts/build_common_nouns.py [--train DIR] [--out FILE]``.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TRAIN = ROOT.parent / "shared/data/train"
DEFAULT_OUT = ROOT / "src/newsgraph/data/names/common_nouns.txt"
#: the share of a word's lower-case occurrences that must be tagged NOUN
NOUN_SHARE = 0.25
HEADER = (
    "# newsgraph common nouns: lower-case words tagged NOUN in UD English EWT (train, CC BY-SA 4.0)\n"
    "# and GUM open genres (CC BY 4.0). Built by scripts/build_common_nouns.py; see README.md here.\n"
)


def treebank_files(train: Path) -> list[Path]:
    files = sorted((train / "ud_english_ewt").glob("en_ewt-ud-train.conllu"))
    files += sorted((train / "gum").glob("GUM_*.conllu"))
    if not files:
        raise SystemExit(f"{train}: no UD English EWT or GUM .conllu files found")
    return files


def tagged(path: Path) -> Iterator[tuple[str, str]]:
    """(form, UPOS) of the lower-case alphabetic words of one CoNLL-U file."""
    for line in path.read_text("utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) == 10 and cols[0].isdigit():
            form = cols[1]
            if form.isalpha() and form.islower() and form.isascii():
                yield form, cols[3]


def common_nouns(files: list[Path]) -> list[str]:
    """The words tagged NOUN in at least :data:`NOUN_SHARE` of their lower-case occurrences."""
    noun: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for f in files:
        for form, upos in tagged(f):
            seen[form] += 1
            noun[form] += upos == "NOUN"
    return sorted(w for w, n in noun.items() if n and n >= NOUN_SHARE * seen[w])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", type=Path, default=DEFAULT_TRAIN)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    words = common_nouns(treebank_files(args.train))
    args.out.write_text(HEADER + "\n".join(words) + "\n", "utf-8")
    print(f"wrote {args.out}: {len(words)} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
