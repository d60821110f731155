"""Shared machinery of the evaluation gate (trafilatura's eval_gate idea).

Each gold set is ingested once per test session with the default pipeline; tests compare
the scores with the floors saved in ``eval_floors.json``. To raise a floor after an
improvement, run ``newsgraph eval`` on the gold set and set the floor a little under the
new figure; never lower one to make a failing change pass.
"""

from __future__ import annotations

import json
import math
import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from newsgraph.evaluate import evaluate
from newsgraph.linking.run import run_link
from newsgraph.pipeline.runner import ingest
from newsgraph.sample import sample_dir
from newsgraph.store import Store

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / "shared"
FLOORS = json.loads((HERE / "eval_floors.json").read_text(encoding="utf-8"))


def gold_sets() -> dict[str, tuple[Path, Path]]:
    return {"seeds": (SHARED / "corpus" / "seeds", SHARED / "gold"),
            "sample": (sample_dir(), HERE / "gold_sample"),
            "dev": (SHARED / "corpus" / "dev", SHARED / "gold" / "dev")}


@cache
def scores(name: str, workdir: str) -> dict[str, Any]:
    corpus, gold = gold_sets()[name]
    if not gold.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"gold set {name} missing at {gold}")
        pytest.skip(f"gold set {name} not present at {gold}")
    store = Store.open(Path(workdir) / f"eval-{name}.db")
    ingest([str(corpus)], store)
    run_link(store)
    res = evaluate(store, gold, corpus)
    store.close()
    return res


def check(task: str, name: str, workdir: str) -> None:
    floors = FLOORS[task][name]
    res = scores(name, workdir)
    failed = []
    for metric, floor in floors.items():
        got = res.get(metric, float("nan"))
        if isinstance(got, float) and math.isnan(got) or got < floor:
            failed.append(f"{metric}: {got} < floor {floor}")
    assert not failed, f"{name}: " + "; ".join(failed)
