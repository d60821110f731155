#!/usr/bin/env python3
"""Score the cleaning stage against gold ``body_excludes`` (same rules as ``shared/tools/score.py``).

usage: score_clean.py [GOLD_DIR [CORPUS_DIR]] [--show]

Metrics (DESIGN.md, "body cleaning"), computed exactly like ``Scorer.body``:

* ``exclude_recall``: share of gold ``body_excludes`` strings (first occurrence, no word
  boundaries) of which at most 10% of the characters lie inside body spans;
* ``keep``: share of the non-space characters outside every gold exclude that lie inside
  body spans.

``--show`` also prints every excluded span for each corpus file (gold or not).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.ingest.clean import clean  # noqa: E402


def body_counts(text: str, spans: list[tuple[int, int]], excludes: list[str]) -> tuple[int, int, int, int]:
    """``(ex_ok, ex_n, keep_in, keep_n)`` for one document, as ``Scorer.body`` counts them."""
    ex_ok = ex_n = keep_in = keep_n = 0
    mask = [False] * len(text)
    for s in excludes:
        m = re.search(re.escape(s), text) if s else None
        if not m:
            continue
        a, b = m.span()
        ex_n += 1
        inside = sum(max(0, min(b, y) - max(a, x)) for x, y in spans)
        if inside <= 0.1 * (b - a):
            ex_ok += 1
        for i in range(a, b):
            mask[i] = True
    inbody = [False] * len(text)
    for x, y in spans:
        for i in range(max(0, x), min(len(text), y)):
            inbody[i] = True
    for i, ch in enumerate(text):
        if mask[i] or ch.isspace():
            continue
        keep_n += 1
        keep_in += inbody[i]
    return ex_ok, ex_n, keep_in, keep_n


def score(gold_dir: Path, corpus_dir: Path) -> dict:
    """Per-file and total body metrics over every gold file that names a corpus document."""
    out: dict = {"files": {}}
    tot = [0, 0, 0, 0]
    for p in sorted(gold_dir.glob("*.json")):
        g = json.loads(p.read_text(encoding="utf-8"))
        if "doc" not in g or not (corpus_dir / g["doc"]).exists():
            continue
        text = (corpus_dir / g["doc"]).read_text(encoding="utf-8")
        body, _ = clean(text)
        c = body_counts(text, [(s.start, s.end) for s in body], g.get("body_excludes", []))
        tot = [x + y for x, y in zip(tot, c, strict=True)]
        out["files"][g["doc"]] = {"exclude_recall": c[0] / c[1] if c[1] else None,
                                  "keep": c[2] / c[3] if c[3] else None}
    out["exclude_recall"] = tot[0] / tot[1] if tot[1] else float("nan")
    out["keep"] = tot[2] / tot[3] if tot[3] else float("nan")
    return out


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    shared = ROOT.parent / "shared"
    gold = Path(args[0]) if args else shared / "gold"
    corpus = Path(args[1]) if len(args) > 1 else shared / "corpus" / "seeds"
    res = score(gold, corpus)
    for fn, r in res["files"].items():
        print(f"{fn}: exclude_recall={r['exclude_recall']} keep={r['keep']:.4f}")
    print(f"body.exclude_recall {res['exclude_recall']:.4f}\nbody.keep {res['keep']:.4f}")
    if "--show" in argv:
        for p in sorted(corpus.glob("*.txt")):
            text = p.read_text(encoding="utf-8")
            print(f"== {p.name}")
            for e in clean(text)[1]:
                print(f"  {e.kind:16} {text[e.start:e.end][:110]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
