"""Robustness, linearity and reproducibility targets of issue 17, measured in one run.

Prints one table (and, with ``--json-out``, writes the figures):

* **internal errors / aborted runs** over the 281 Wikinews articles and the nasty corpus of
  ``tests/nasty_corpus.py`` (``newsgraph ingest --json``: ``internal_errors``; a run is aborted
  when its exit code is neither 0 nor 1);
* **good documents lost in a mixed batch**, 1 and 2 workers: 60 inputs, good articles among bad
  files of every kind; every document the reader accepts must be stored;
* **time of an 800 KB document / time of a 50 KB document** (CPU seconds of the process, measured
  one after the other in the same process after a warm-up; the 50 KB time is the mean of three 50 KB
  documents cut from the beginning, the middle and the end of the 800 KB one, each timed before and
  again after it, so that a change of machine load during the row cancels out): news prose (Wikinews
  articles joined), the same prose without sentence breaks (no ``. ! ?`` and no line breaks), and
  without spaces;
* **peak memory** (resident set, model included) of a fresh process analysing the 800 KB prose;
* **identical exports**: the same corpus (60 Wikinews articles) ingested in two input orders, with 1
  and 2 workers, under different ``PYTHONHASHSEED`` values, exported as ``newsgraph.export/1`` JSON;
* **fuzz inputs per test run**: ``tests/test_fuzz.py`` run with pytest, counting the generated
  inputs and the internal errors.

    python benchmarks/robustness.py                      # everything (about 15 minutes on 2 cores)
    python benchmarks/robustness.py --only long memory   # some rows
    python benchmarks/robustness.py --json-out bench-out/robustness.json
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
WIKINEWS = SHARED / "corpus" / "wikinews"
PY = sys.executable
ROWS = ("errors", "mixed", "long", "memory", "exports", "fuzz")
SIZES = (50_000, 800_000)



def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "NEWSGRAPH_NO_PROGRESS": "1", **extra}


def _ingest(args: list[str], db: Path, **env: str) -> tuple[int, dict[str, Any]]:
    cmd = [PY, "-m", "newsgraph.cli.main", "ingest", *args, "--db", str(db), "--json"]
    r = subprocess.run(cmd, env=_env(**env), capture_output=True, text=True, errors="replace")
    try:
        out = json.loads(r.stdout)
    except json.JSONDecodeError:
        out = {"stderr": r.stderr[-2000:]}
    return r.returncode, out


# ---------------------------------------------------------------- texts


def prose(n: int, corpus: Path = WIKINEWS) -> str:
    """``n`` characters of news prose: the Wikinews articles joined (repeated when needed)."""
    parts: list[str] = []
    size = 0
    files = sorted(corpus.glob("*.txt"))
    while size < n:
        for f in files:
            parts.append(f.read_text(encoding="utf-8"))
            size += len(parts[-1]) + 2
            if size >= n:
                break
    return "\n\n".join(parts)[:n]


def no_breaks(n: int, corpus: Path = WIKINEWS) -> str:
    """News prose without sentence ends or line breaks: one sentence, one paragraph."""
    return re.sub(r"[.!?\n]+", " ", prose(n + n // 10, corpus))[:n]


def no_spaces(n: int) -> str:
    """News prose without any whitespace: one token."""
    return re.sub(r"\s+", "", prose(n + n // 4))[:n]


KINDS = {"prose": prose, "no sentence breaks": no_breaks, "no spaces": no_spaces}

# ---------------------------------------------------------------- rows


def row_errors(work: Path) -> dict[str, Any]:
    sys.path.insert(0, str(REPO / "tests"))
    import nasty_corpus

    nasty = work / "nasty"
    nasty_corpus.build(nasty)
    out = {}
    for name, paths in (("wikinews", [str(WIKINEWS)]), ("nasty corpus", [str(nasty)])):
        t0 = time.perf_counter()
        code, rep = _ingest(paths, work / f"errors-{name.split()[0]}.db")
        out[name] = {
            "exit": code,
            "aborted": code not in (0, 1),
            "internal_errors": rep.get("internal_errors"),
            "added": rep.get("added"),
            "failed": rep.get("failed"),
            "seconds": round(time.perf_counter() - t0),
        }
    return out


def _mixed_batch(root: Path) -> tuple[list[str], int]:
    """60 inputs: 40 good articles (Wikinews, one file each) and 20 bad files of every kind."""
    sys.path.insert(0, str(REPO / "tests"))
    import nasty_corpus

    bad = root / "bad"
    nasty_corpus.build(bad)
    good = sorted(WIKINEWS.glob("*.txt"))[:40]
    bad_files = [
        bad / n
        for n in (
            "deep.json",
            "huge_int.json",
            "surrogate.json",
            "records.jsonl",
            "random_bytes.txt",
            "chinese.txt",
            "zero_width.txt",
            "nul_bytes.txt",
            "empty.txt",
            "nested_5000.html",
            "bad_dates.json",
            "truncated.json",
            "deep_object.json",
            "huge_int_only.json",
            "binary.jsonl",
            "emoji.txt",
            "digits_only.txt",
            "control_chars.txt",
            "null.json",
            "not_object.json",
        )
    ]
    paths = [str(p) for p in good] + [str(p) for p in bad_files]
    random.Random(17).shuffle(paths)
    from newsgraph.engines.shards import iter_documents
    from newsgraph.models import Document

    expected = {d.id for d in iter_documents(paths) if isinstance(d, Document)}
    return paths, len(expected)


def row_mixed(work: Path) -> dict[str, Any]:
    paths, expected = _mixed_batch(work / "mixed")
    out: dict[str, Any] = {"inputs": len(paths), "good documents": expected}
    for workers in (1, 2):
        db = work / f"mixed-{workers}.db"
        code, rep = _ingest([*paths, "--workers", str(workers), "--no-link"], db)
        stored = (rep.get("added") or 0) + (rep.get("already_stored") or 0)
        out[f"{workers} worker(s)"] = {
            "exit": code,
            "stored": stored,
            "lost": expected - stored,
            "internal_errors": rep.get("internal_errors"),
        }
    return out


_TIMING = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
import robustness as rb
from newsgraph.models import Document
from newsgraph.pipeline.registry import Pipeline, Resources
from newsgraph.pipeline.runner import process_document
from newsgraph.text.util import doc_id
pipe, res = Pipeline.build(), Resources()
process_document(Document(id="w", text=rb.prose(20_000), title="warm-up"), pipe, res)
def cpu(text, name):
    t0 = time.process_time()
    r = process_document(Document(id=doc_id(text), text=text, title="t", path=name), pipe, res)
    return round(time.process_time() - t0, 2), type(r).__name__
out = {}
for kind, make in rb.KINDS.items():
    small, big = rb.SIZES
    text = make(big)
    starts = rb.slices(len(text), small)
    for k, at in enumerate(starts):
        out[f"{kind}|{small}|{k}"] = cpu(text[at : at + small], f"{kind}-{small}-{k}")
    out[f"{kind}|{big}"] = cpu(text, f"{kind}-{big}")
    for k, at in enumerate(starts, len(starts)):  # again after it: a change of load cancels out
        out[f"{kind}|{small}|{k}"] = cpu(text[at : at + small], f"{kind}-{small}-{k}")
print(json.dumps(out))
"""


def slices(length: int, size: int, n: int = 3) -> list[int]:
    """Starts of ``n`` windows of ``size`` characters spread over a text: the short documents are
    cut from the beginning, the middle and the end of the long one (the same kind of text)."""
    return [round(k * (length - size) / (n - 1)) for k in range(n)]


def row_long(work: Path) -> dict[str, Any]:
    r = subprocess.run(
        [PY, "-c", _TIMING, str(Path(__file__).parent)], env=_env(), capture_output=True, text=True
    )
    if r.returncode:
        return {"error": r.stderr[-2000:]}
    times = json.loads(r.stdout.strip().splitlines()[-1])
    out = {}
    for kind in KINDS:
        small = [times[f"{kind}|{SIZES[0]}|{k}"] for k in range(6)]
        big = times[f"{kind}|{SIZES[1]}"]
        mean = sum(t for t, _ in small) / len(small)
        out[kind] = {
            "50 KB s": round(mean, 2),
            "50 KB slices s": [t for t, _ in small],
            "800 KB s": big[0],
            "ratio": round(big[0] / max(mean, 1e-3), 1),
            "results": sorted({r for _, r in [*small, big]}),
        }
    return out


_MEMORY = r"""
import resource, sys
sys.path.insert(0, sys.argv[1])
import robustness as rb
from newsgraph.models import Document
from newsgraph.pipeline.registry import Pipeline, Resources
from newsgraph.pipeline.runner import process_document
text = rb.prose(800_000)
r = process_document(Document(id="m", text=text, title="t", path="prose-800k"), Pipeline.build(), Resources())
print(type(r).__name__, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def row_memory(work: Path) -> dict[str, Any]:
    r = subprocess.run(
        [PY, "-c", _MEMORY, str(Path(__file__).parent)], env=_env(), capture_output=True, text=True
    )
    if r.returncode:
        return {"error": r.stderr[-2000:]}
    kind, mb = r.stdout.split()[-2:]
    return {"peak_rss_mb": round(float(mb)), "result": kind}


def _export(db: Path) -> dict[str, Any]:
    out = db.with_suffix(".json")
    subprocess.run(
        [PY, "-m", "newsgraph.cli.main", "export", "--db", str(db), "--format", "json", "-o", str(out)],
        env=_env(),
        check=True,
        capture_output=True,
    )
    return json.loads(out.read_text(encoding="utf-8"))


def row_exports(work: Path) -> dict[str, Any]:
    # 60 Wikinews articles (among them the two that were typed by hash seed); no file repeats another's
    # text: of two files with the same text the first read is stored, so their order would decide the path
    files = sorted(str(p) for p in WIKINEWS.glob("*.txt"))[:60]
    orders = {"sorted": files, "reversed": files[::-1]}
    runs = [("sorted", 1, "1"), ("reversed", 2, "2"), ("sorted", 2, "3"), ("reversed", 1, "4")]
    exports = []
    for order, workers, seed in runs:
        lst = work / f"export-{order}.txt"
        lst.write_text("\n".join(orders[order]) + "\n", encoding="utf-8")
        db = work / f"export-{order}-{workers}-{seed}.db"
        code, rep = _ingest(["--files-from", str(lst), "--workers", str(workers)], db, PYTHONHASHSEED=seed)
        exp = _export(db)
        for d in exp.get("documents", []):  # the same file read from the same path: nothing to drop
            d.pop("ingested_at", None)
        exports.append(json.dumps(exp, sort_keys=True))
    same = all(e == exports[0] for e in exports)
    return {
        "runs": [f"{o} order, {w} worker(s), PYTHONHASHSEED={s}" for o, w, s in runs],
        "documents": len(files),
        "identical": same,
    }


def row_fuzz(work: Path) -> dict[str, Any]:
    count = work / "fuzz-count.json"
    t0 = time.perf_counter()
    r = subprocess.run(
        [PY, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_fuzz.py"],
        cwd=REPO,
        env=_env(NEWSGRAPH_FUZZ_COUNT=str(count)),
        capture_output=True,
        text=True,
    )
    figures = json.loads(count.read_text()) if count.exists() else {}
    return {
        "pytest exit": r.returncode,
        "generated inputs": sum(figures.values()),
        "by test": figures,
        "seconds": round(time.perf_counter() - t0),
        "tail": r.stdout.strip().splitlines()[-1:],
    }


# ---------------------------------------------------------------- table


def table(res: dict[str, Any]) -> str:
    lines = ["| metric | figure | target |", "|---|---|---|"]
    if "errors" in res:
        e = res["errors"]
        cells = "; ".join(
            f"{k}: {v['internal_errors']} internal errors, aborted: {v['aborted']} "
            f"({v['added']} stored, {v['failed']} refused)"
            for k, v in e.items()
        )
        lines.append(f"| internal errors / runs aborted (281 Wikinews + fuzz corpus) | {cells} | 0 |")
    if "mixed" in res:
        m = res["mixed"]
        cells = "; ".join(f"{k}: {v['lost']} lost" for k, v in m.items() if isinstance(v, dict))
        lines.append(
            f"| good documents lost in a mixed batch ({m['good documents']} good of {m['inputs']}) "
            f"| {cells} | 0 |"
        )
    if "long" in res:
        for kind, v in res["long"].items():
            if isinstance(v, dict):
                lines.append(
                    f"| time 800 KB / 50 KB, {kind} | {v['ratio']} ({v['800 KB s']} s / {v['50 KB s']} s)"
                    f" | <= 20 |"
                )
    if "memory" in res:
        lines.append(f"| peak memory, 800 KB article | {res['memory'].get('peak_rss_mb')} MB | < 500 MB |")
    if "exports" in res:
        x = res["exports"]
        lines.append(
            f"| export, 2 orders x 1/2 workers x 4 hash seeds ({x['documents']} documents) "
            f"| {'identical' if x['identical'] else 'DIFFERENT'} | identical |"
        )
    if "fuzz" in res:
        f = res["fuzz"]
        lines.append(
            f"| fuzz inputs per test run | {f['generated inputs']:,} (pytest exit {f['pytest exit']}) "
            f"| >= 10,000, 0 internal errors |"
        )
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", nargs="*", choices=ROWS, default=list(ROWS))
    ap.add_argument("--json-out", type=Path)
    args = ap.parse_args()
    res: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="ng-robust-") as tmp:
        for row in args.only:
            t0 = time.perf_counter()
            res[row] = globals()[f"row_{row}"](Path(tmp))
            print(
                f"[{row}: {time.perf_counter() - t0:.0f} s] {json.dumps(res[row])}",
                file=sys.stderr,
                flush=True,
            )
    print(table(res))
    if args.json_out:
        args.json_out.parent.mkdir(parents=True, exist_ok=True)
        args.json_out.write_text(json.dumps(res, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
