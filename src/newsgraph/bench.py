"""``newsgraph bench``: throughput and peak memory of ingest + pipeline + store.

Streams a synthetic JSONL corpus through the same runner as ``newsgraph ingest`` into a
fresh SQLite file and reports documents/s, words/s and peak resident memory, sampled at
each quarter of the run so that growth with corpus size is visible.
"""

from __future__ import annotations

import platform
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from newsgraph import synth


def _rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _current_rss_mb() -> float:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * resource.getpagesize() / 2**20
    except OSError:
        return float("nan")


def run_bench(n_docs: int = 2000, words: int = 800, workers: int = 1, engine: str = "local",
              stages: list[str] | None = None, workdir: Path | None = None) -> dict[str, Any]:
    """Run the benchmark; returns the figures as a dict."""
    from newsgraph.pipeline.registry import Pipeline, Resources
    from newsgraph.pipeline.runner import ingest
    from newsgraph.store import Store

    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        t0 = time.perf_counter()
        total_words = synth.write_jsonl(corpus, n_docs, words)
        gen_s = time.perf_counter() - t0
        store = Store.open(Path(tmp) / "bench.db")
        pipeline = Pipeline.build(stages)
        res = Resources()
        marks: list[tuple[int, float]] = []
        done = 0

        def on_item(status: str, label: str) -> None:
            nonlocal done
            done += 1
            if done % max(1, n_docs // 4) == 0:
                marks.append((done, round(_current_rss_mb(), 1)))

        t1 = time.perf_counter()
        if engine == "ray":
            from newsgraph.engines.ray_engine import ingest_ray

            report = ingest_ray([str(corpus)], store, pipeline=pipeline, resources=res, workers=workers,
                                on_item=on_item)
        else:
            report = ingest([str(corpus)], store, pipeline=pipeline, resources=res, workers=workers,
                            on_item=on_item)
        secs = time.perf_counter() - t1
        db_mb = (Path(tmp) / "bench.db").stat().st_size / 2**20
        store.close()
    return {
        "engine": engine, "workers": workers, "stages": "+".join(pipeline.names),
        "documents": report.added, "failed": len(report.failed), "words": total_words,
        "seconds": round(secs, 2), "docs_per_s": round(report.added / secs, 1) if secs else None,
        "words_per_s": round(total_words / secs) if secs else None,
        "peak_rss_mb": round(_rss_mb(), 1), "rss_mb_by_docs": marks,
        # Ray workers are not this process: their own peak RSS, as each reported it
        "worker_peak_rss_mb": getattr(report, "worker_peak_rss_mb", None) or None,
        "db_mb": round(db_mb, 1), "corpus_gen_s": round(gen_s, 2),
        "python": platform.python_version(), "cpu": platform.processor() or platform.machine(),
    }
