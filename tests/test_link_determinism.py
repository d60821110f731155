"""The analysis of a corpus does not depend on input order or the number of workers: the same
documents ingested in two orders, and with 1 vs 2 worker processes, give the same export (actors,
their aliases and KB facts, mentions, events, quotes and clusters; only file paths differ)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "shared/corpus/seeds"
CLI = [sys.executable, "-m", "newsgraph.cli.main"]


def _export(tmp: Path, corpus: Path, workers: int) -> dict:
    db = tmp / f"{corpus.name}-{workers}.db"
    subprocess.run([*CLI, "ingest", str(corpus), "--db", str(db), "--workers", str(workers)],
                   check=True, capture_output=True)
    out = tmp / f"{corpus.name}-{workers}.json"
    subprocess.run([*CLI, "export", "--db", str(db), "-o", str(out)], check=True, capture_output=True)
    data = json.loads(out.read_text("utf-8"))
    for d in data["documents"]:
        d.pop("path", None), d.pop("file_name", None)
    return data


@pytest.mark.slow
@pytest.mark.skipif(not SEEDS.is_dir(), reason="needs ../shared/corpus/seeds")
def test_same_export_whatever_the_order_or_workers(tmp_path: Path) -> None:
    files = sorted(p for p in SEEDS.iterdir() if p.suffix == ".txt")
    forward, backward = tmp_path / "forward", tmp_path / "backward"
    forward.mkdir(), backward.mkdir()
    for i, p in enumerate(files):  # reading order follows the file names: reverse it
        shutil.copy(p, forward / f"{i:02d}.txt")
        shutil.copy(p, backward / f"{len(files) - i:02d}.txt")
    a = _export(tmp_path, forward, 1)
    assert a["actors"] and a["events"]
    assert _export(tmp_path, backward, 1) == a
    assert _export(tmp_path, backward, 2) == a
