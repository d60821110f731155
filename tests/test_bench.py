"""``newsgraph bench`` runs end to end on a tiny synthetic corpus with either engine (figures
are not checked: speed is measured by the benchmarks, not asserted in tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.bench import run_bench

STAGES = ["clean", "segment", "docdate", "fingerprint"]


def test_bench_local_reports_every_document(tmp_path: Path) -> None:
    res = run_bench(n_docs=12, words=120, stages=STAGES, workdir=tmp_path)
    assert res["engine"] == "local" and res["documents"] == 12 and res["failed"] == 0
    assert res["words"] > 12 * 100 and res["docs_per_s"] > 0 and res["peak_rss_mb"] > 0
    assert [n for n, _ in res["rss_mb_by_docs"]] == [3, 6, 9, 12]
    assert list(tmp_path.iterdir()) == []  # the corpus and database were temporary


def test_bench_ray_engine(tmp_path: Path) -> None:
    pytest.importorskip("ray")
    res = run_bench(n_docs=12, words=120, engine="ray", workers=1, stages=STAGES, workdir=tmp_path)
    assert res["engine"] == "ray" and res["documents"] == 12 and res["failed"] == 0
    assert len(res["rss_mb_by_docs"]) == 4
