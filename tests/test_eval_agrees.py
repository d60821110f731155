"""`newsgraph eval` must give the same numbers as the reference scorer shared/tools/score.py."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.evaluate import score_export
from newsgraph.export.json import export_dict
from newsgraph.linking.run import run_link
from newsgraph.pipeline.runner import ingest
from newsgraph.store import Store


def _same(a: object, b: object) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return (math.isnan(a) and math.isnan(b)) or abs(a - b) < 1e-9
    return a == b


@pytest.mark.eval
def test_eval_matches_reference_scorer(shared_dir: Path, tmp_path: Path) -> None:
    seeds = shared_dir / "corpus" / "seeds"
    store = Store.open(tmp_path / "s.db")
    ingest([str(seeds)], store)
    run_link(store)
    export = export_dict(store)
    (tmp_path / "e.json").write_text(json.dumps(export), encoding="utf-8")
    ref = json.loads(subprocess.run(
        [sys.executable, str(shared_dir / "tools" / "score.py"), str(tmp_path / "e.json"),
         str(shared_dir / "gold"), str(seeds), "--json"], capture_output=True, text=True, check=True).stdout)
    ours = score_export(export, shared_dir / "gold", seeds)
    for k, v in ref.items():
        v = float("nan") if v == "NaN" else v
        assert k in ours, k
        assert _same(ours[k], v), (k, ours[k], v)
