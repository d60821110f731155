"""Speed of the full analysis against a bare pass of the shipped spaCy model, on the same articles, in
one run (issues 14 and 15 ask for >= 0.6x).

Reads every ``.txt`` article of a folder (default: the 281 Wikinews articles beside the project),
then times, in turns (bare, full, bare, full, ...; the best of ``--rounds`` each):

* **bare**: ``nlp.pipe`` of the bundled model over the body paragraphs the pipeline would parse;
* **full**: every pipeline stage (clean, segment, dates, fingerprint, parse, actors, quotes, events)
  on the same documents, as ``newsgraph ingest`` runs them (``runner.analyse``: a few documents'
  parses batched together), without storing them.

Both run in this process on one thread after a warm-up, so model loading is not counted. Prints
words/s of each and the ratio full/bare; ``--json`` writes the figures too.

    python benchmarks/pipeline_ratio.py [FOLDER] [--rounds 2] [--limit 0] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

from newsgraph.errors import InputError  # noqa: E402
from newsgraph.ingest.read import iter_documents  # noqa: E402
from newsgraph.models import AnalyzedDoc  # noqa: E402
from newsgraph.pipeline.registry import Pipeline, Resources  # noqa: E402
from newsgraph.pipeline.runner import analyse  # noqa: E402
from newsgraph.pipeline.stages.parse import pieces  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wikinews"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="at most this many articles (0: all)")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    docs = [d for d in iter_documents([str(args.folder)]) if not isinstance(d, Exception)]
    docs = docs[: args.limit] if args.limit else docs
    res, pipe = Resources(), Pipeline.build()
    prep = Pipeline.build(["clean", "segment"])
    texts = []
    for d in docs:  # the text the parse stage gives the model
        ad = prep(AnalyzedDoc(doc=d), res)
        texts += [ad.text[s.start : s.end] for s in pieces(ad.text, ad.paragraphs)]
    words = sum(len(t.split()) for t in texts)
    nlp = res.get("nlp")
    pipe(AnalyzedDoc(doc=docs[0]), res)  # warm-up: loads every resource

    def bare() -> None:
        for _ in nlp.pipe(texts, batch_size=32):
            pass

    def full() -> None:
        for r in analyse(docs, pipe, res):
            if isinstance(r, InputError):  # (the same articles as the bare pass, or no comparison)
                raise SystemExit(r.line())

    best = {"bare": float("inf"), "full": float("inf")}
    for _ in range(args.rounds):
        for name, fn in (("bare", bare), ("full", full)):
            t0 = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - t0)
    out = {
        "articles": len(docs),
        "words": words,
        "bare_words_per_s": round(words / best["bare"]),
        "full_words_per_s": round(words / best["full"]),
        "ratio_full_to_bare": round(best["bare"] / best["full"], 3),
        "rounds": args.rounds,
        "load_average": os.getloadavg()[0],
    }
    for k, v in out.items():
        print(f"{k:>22}: {v}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
