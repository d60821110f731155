"""Engine throughput: the local engine and the Ray engine with 1 and 2 workers on one corpus.

Generates one synthetic JSONL corpus (:func:`newsgraph.synth.write_jsonl`), then ingests it
once per configuration, each in a fresh child process with a fresh SQLite database (and,
with ``--pg``, once more into a throw-away PostgreSQL server), and prints one table:

* documents/s and words/s (wall clock, input reading to last commit; the cross-document
  pass is not included: it runs once after any engine);
* speed-up against the same engine with one worker, and Ray against local at the same
  worker count (all measured in this run);
* worker CPU efficiency: documents per CPU-second of the worker processes, which tells
  engine overhead apart from CPU contention on a shared machine;
* peak resident memory per worker (VmHWM), and the largest worker RSS at 25 % and at
  100 % of the documents (flat = no growth with corpus size);
* the writer: seconds spent inside ``Store.write`` (one transaction per document, in the
  driver process), its own documents/s (documents / write seconds), and how busy it was.

    python benchmarks/engines.py                     # 5,000 articles of 400 words
    python benchmarks/engines.py --docs 500 --words 200 --configs local:1 local:2
    python benchmarks/engines.py --pg --json-out bench-out/engines.json
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CONFIGS = ("local:1", "local:2", "ray:1", "ray:2")


# ---------------------------------------------------------------- /proc sampling


def _children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        kids.setdefault(ppid, []).append(int(entry))
    return kids


def _descendants(root: int) -> list[int]:
    kids, out, todo = _children_map(), [], [root]
    while todo:
        p = todo.pop()
        for c in kids.get(p, []):
            out.append(c)
            todo.append(c)
    return out


def _proc(pid: int) -> dict[str, float] | None:
    """Current and peak RSS (MB) and CPU seconds of one process, or None when it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return None
    fields = {ln.split(":")[0]: ln.split(":")[1].strip() for ln in status.splitlines() if ":" in ln}
    if "VmRSS" not in fields:  # a zombie (exited, not yet reaped): nothing to measure
        return None
    tick = os.sysconf("SC_CLK_TCK")
    return {
        "rss": int(fields.get("VmRSS", "0 kB").split()[0]) / 1024,
        "hwm": int(fields.get("VmHWM", "0 kB").split()[0]) / 1024,
        "cpu": (int(stat[11]) + int(stat[12])) / tick,
        "cmd": cmd,
    }  # type: ignore[dict-item]


class WorkerSampler(threading.Thread):
    """Samples the engine's worker processes every ``every`` seconds: local pool workers are
    this process's children; Ray workers are descendants named ``ray::MapWorker...``."""

    def __init__(self, engine: str, workers: int, every: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.engine, self.every = engine, every
        self.in_main = engine == "local" and workers == 1  # the plain loop runs in this process
        self.stats: dict[int, dict[str, float]] = {}
        self.stop_event = threading.Event()
        self.lock = threading.Lock()

    def workers(self) -> list[int]:
        me = os.getpid()
        if self.in_main:
            return [me]
        if self.engine == "local":
            return _children_map().get(me, [])
        return [p for p in _descendants(me) if (_proc(p) or {}).get("cmd", "").startswith("ray::MapWorker")]

    def sample(self) -> None:
        for pid in self.workers():
            s = _proc(pid)
            if s is None:
                continue
            with self.lock:
                old = self.stats.get(pid, {})
                self.stats[pid] = {
                    "rss": s["rss"],
                    "hwm": max(s["hwm"], old.get("hwm", 0.0)),
                    "cpu": max(s["cpu"], old.get("cpu", 0.0)),
                }

    def run(self) -> None:
        while not self.stop_event.wait(self.every):
            self.sample()

    def current_max_rss(self) -> float:
        self.sample()
        with self.lock:
            return max((s["rss"] for s in self.stats.values()), default=0.0)


# ---------------------------------------------------------------- one configuration (child)


def run_one(engine: str, workers: int, corpus: Path, db: str, n_docs: int) -> dict[str, Any]:
    from newsgraph.pipeline.registry import Pipeline, Resources
    from newsgraph.pipeline.runner import ingest
    from newsgraph.store import Store

    class TimedStore(Store):
        """Times the writer: every ``write`` (one transaction per document)."""

        write_seconds = 0.0

        def write(self, ad: Any, pipeline: str, *, replace: bool = False) -> str:
            t = time.perf_counter()
            try:
                return super().write(ad, pipeline, replace=replace)
            finally:
                self.write_seconds += time.perf_counter() - t

    store = TimedStore.open(db)
    pipeline, res = Pipeline.build(), Resources()
    sampler = WorkerSampler(engine, workers)
    sampler.start()
    marks: dict[str, float] = {}
    done = 0

    def on_item(status: str, label: str) -> None:
        nonlocal done
        done += 1
        for q in (25, 50, 75):
            if done == n_docs * q // 100:
                marks[f"{q}%"] = round(sampler.current_max_rss(), 1)

    load0 = os.getloadavg()[0]
    t0 = time.perf_counter()
    if engine == "ray":
        from newsgraph.engines.ray_engine import ingest_ray

        report = ingest_ray(
            [str(corpus)], store, pipeline=pipeline, resources=res, workers=workers, on_item=on_item
        )
    else:
        report = ingest(
            [str(corpus)], store, pipeline=pipeline, resources=res, workers=workers, on_item=on_item
        )
    secs = time.perf_counter() - t0
    sampler.stop_event.set()
    sampler.join()
    marks["100%"] = round(max((s["rss"] for s in sampler.stats.values()), default=0.0), 1)
    worker_cpu = sum(s["cpu"] for s in sampler.stats.values())
    if engine == "local" and workers == 1:  # the plain loop runs in this process
        import resource

        ru = resource.getrusage(resource.RUSAGE_SELF)
        worker_cpu = ru.ru_utime + ru.ru_stime - store.write_seconds
        peak = {"main": round(ru.ru_maxrss / 1024, 1)}
    else:
        peak = {str(pid): round(s["hwm"], 1) for pid, s in sampler.stats.items()}
    extra = getattr(report, "worker_peak_rss_mb", None)
    store.close()
    return {
        "engine": engine,
        "workers": workers,
        "db": "postgresql" if db.startswith("postgres") else "sqlite",
        "documents": report.added,
        "failed": len(report.failed),
        "words": report.words,
        "seconds": round(secs, 2),
        "startup_s": round(getattr(report, "startup_seconds", 0.0), 2),
        "docs_per_s": round(report.added / secs, 2),
        "words_per_s": round(report.words / secs),
        "worker_cpu_s": round(worker_cpu, 1),
        "docs_per_worker_cpu_s": round(report.added / worker_cpu, 2) if worker_cpu else None,
        "peak_rss_mb_per_worker": peak,
        "ray_reported_peak_rss_mb": extra or None,
        "worker_rss_mb_by_progress": marks,
        "write_seconds": round(store.write_seconds, 2),
        "writer_docs_per_s": round(report.added / store.write_seconds, 1) if store.write_seconds else None,
        "writer_busy": round(store.write_seconds / secs, 3),
        "load_avg_before": round(load0, 2),
        "load_avg_after": round(os.getloadavg()[0], 2),
    }


# ---------------------------------------------------------------- the writer alone


def writer_only(n_docs: int, words: int, tmp: Path, pg_url: str | None) -> list[dict[str, Any]]:
    """Analyse ``n_docs`` fresh articles once (process pool), then time only the writes
    (``Store.write``: one transaction per document) into an empty SQLite file and, given
    ``pg_url``, an empty PostgreSQL database."""
    from newsgraph import synth
    from newsgraph.engines.shards import iter_documents
    from newsgraph.models import AnalyzedDoc
    from newsgraph.pipeline.registry import Pipeline, Resources
    from newsgraph.pipeline.runner import _pooled
    from newsgraph.store import Store

    corpus = tmp / "writer.jsonl"
    synth.write_jsonl(corpus, n_docs, words, seed=99)
    pipeline = Pipeline.build()
    docs = [
        r
        for r in _pooled(iter_documents([str(corpus)]), pipeline, Resources(), 2)
        if isinstance(r, AnalyzedDoc)
    ]
    out = []
    for name, db in (("sqlite", str(tmp / "writer.db")), ("postgresql", pg_url)):
        if db is None:
            continue
        with Store.open(db) as store:
            t = time.perf_counter()
            for ad in docs:
                store.write(ad, pipeline.signature)
            secs = time.perf_counter() - t
        out.append(
            {
                "db": name,
                "documents": len(docs),
                "seconds": round(secs, 2),
                "writer_docs_per_s": round(len(docs) / secs, 1),
                "ms_per_doc": round(1000 * secs / len(docs), 2),
                "load_avg": round(os.getloadavg()[0], 2),
            }
        )
    return out


# ---------------------------------------------------------------- driver (parent)


def _child(engine: str, workers: int, corpus: Path, db: str, n_docs: int, out: Path) -> dict[str, Any]:
    cmd = [
        sys.executable,
        __file__,
        "--child",
        f"{engine}:{workers}",
        "--corpus",
        str(corpus),
        "--db",
        db,
        "--docs",
        str(n_docs),
        "--child-out",
        str(out),
    ]
    env = {**os.environ, "NEWSGRAPH_NO_PROGRESS": "1"}
    r = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"{engine}:{workers} failed ({r.returncode}):\n{r.stderr[-4000:]}")
    return json.loads(out.read_text())


def ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}x" if a and b else "-"


def table(rows: list[dict[str, Any]]) -> str:
    base = {(r["engine"], r["db"]): r for r in rows if r["workers"] == 1}
    local = {(r["workers"], r["db"]): r for r in rows if r["engine"] == "local"}
    head = (
        "engine",
        "db",
        "workers",
        "docs",
        "seconds",
        "docs/s",
        "words/s",
        "speed-up",
        "ray/local",
        "docs/cpu-s",
        "peak MB/worker",
        "RSS 25%->100%",
        "writer docs/s",
        "writer busy",
    )
    out = [head]
    for r in rows:
        one = base.get((r["engine"], r["db"]))
        loc = local.get((r["workers"], r["db"]))
        peaks = list(r["peak_rss_mb_per_worker"].values())
        marks = r["worker_rss_mb_by_progress"]
        out.append(
            (
                r["engine"],
                r["db"],
                str(r["workers"]),
                str(r["documents"]),
                f"{r['seconds']:.1f}",
                f"{r['docs_per_s']:.1f}",
                f"{r['words_per_s']:,}",
                ratio(r["docs_per_s"], one and one["docs_per_s"]),
                ratio(r["docs_per_s"], loc["docs_per_s"]) if r["engine"] == "ray" and loc else "-",
                f"{r['docs_per_worker_cpu_s']}",
                f"{max(peaks):.0f}" if peaks else "-",
                f"{marks.get('25%', '-')}->{marks.get('100%', '-')}",
                f"{r['writer_docs_per_s']}",
                f"{r['writer_busy'] * 100:.1f}%",
            )
        )
    widths = [max(len(row[i]) for row in out) for i in range(len(head))]
    lines = ["  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)) for row in out]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--words", type=int, default=400)
    ap.add_argument(
        "--configs", nargs="*", default=list(CONFIGS), help="ENGINE:WORKERS ... (none: only --writer)"
    )
    ap.add_argument("--pg", action="store_true", help="also run local:2 into a throw-away PostgreSQL server")
    ap.add_argument(
        "--writer",
        type=int,
        default=0,
        metavar="N",
        help="also time the writer alone on N pre-analysed articles (SQLite, and PostgreSQL with --pg)",
    )
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--json-out", type=Path, default=None)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    ap.add_argument("--child-out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:
        engine, workers = args.child.split(":")
        res = run_one(engine, int(workers), args.corpus, args.db, args.docs)
        args.child_out.write_text(json.dumps(res))
        return 0

    from newsgraph import synth

    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        t = time.perf_counter()
        words = synth.write_jsonl(corpus, args.docs, args.words)
        print(
            f"corpus: {args.docs:,} articles, {words:,} words ({corpus.stat().st_size / 2**20:.1f} MB) "
            f"in {time.perf_counter() - t:.1f} s; {os.cpu_count()} CPUs, python {platform.python_version()}",
            file=sys.stderr,
        )
        rows: list[dict[str, Any]] = []
        writer: list[dict[str, Any]] = []
        server = None
        if args.pg:
            sys.path.insert(0, str(REPO / "tests"))
            from pg_server import PgServer

            server = PgServer().start()
        try:
            if args.writer:
                print(f"timing the writer alone on {args.writer} articles ...", file=sys.stderr)
                writer = writer_only(
                    args.writer, args.words, Path(tmp), server.new_database("w") if server else None
                )
            for i, cfg in enumerate(args.configs):
                engine, workers = cfg.split(":")
                print(f"running {cfg} ...", file=sys.stderr)
                rows.append(
                    _child(
                        engine,
                        int(workers),
                        corpus,
                        str(Path(tmp) / f"{i}.db"),
                        args.docs,
                        Path(tmp) / f"{i}.json",
                    )
                )
                print(f"  {rows[-1]['docs_per_s']} docs/s", file=sys.stderr)
            if server is not None:
                print("running local:2 into PostgreSQL ...", file=sys.stderr)
                rows.append(
                    _child("local", 2, corpus, server.new_database("bench"), args.docs, Path(tmp) / "pg.json")
                )
        finally:
            if server is not None:
                server.stop()
    if rows:
        print(table(rows))
    for w in writer:
        print(
            f"writer alone, {w['db']}: {w['writer_docs_per_s']} docs/s ({w['ms_per_doc']} ms per document, "
            f"{w['documents']} documents, load average {w['load_avg']})"
        )
    if args.json_out:
        args.json_out.parent.mkdir(parents=True, exist_ok=True)
        args.json_out.write_text(
            json.dumps(
                {
                    "docs": args.docs,
                    "words": args.words,
                    "cpus": os.cpu_count(),
                    "runs": rows,
                    "writer_alone": writer,
                },
                indent=1,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
