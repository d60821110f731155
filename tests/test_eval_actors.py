"""Evaluation gate for actors (floors in ``eval_floors.json`` under "actors").

Each gold set ("seeds": the real articles in ``shared/corpus/seeds`` with ``shared/gold``;
"sample": the bundled fictional corpus with ``tests/gold_sample``) is ingested with the default
pipeline (the shipped spaCy model included) into a temporary store, linked, and scored with
:func:`newsgraph.evaluate.evaluate`: actor recall, precision and the cross-document alias
B-cubed F1 must stay at or above their floors. The seeds are skipped when ``shared/`` is absent,
except under ``CI`` where that fails.

Updating the floors: after an improvement (or a new model) run

    newsgraph ingest ../shared/corpus/seeds --db /tmp/a.db
    newsgraph eval --gold ../shared/gold --db /tmp/a.db
    newsgraph ingest src/newsgraph/data/sample --db /tmp/s.db
    newsgraph eval --gold tests/gold_sample --db /tmp/s.db

and set each floor in ``tests/eval_floors.json`` ("actors" -> "seeds"/"sample") a little (about
0.01-0.02) under the new figure. Never lower a floor to make a failing change pass.
"""

from __future__ import annotations

import pytest

from .eval_gate import FLOORS, check


@pytest.mark.eval
@pytest.mark.parametrize("name", sorted(FLOORS["actors"]))
def test_actor_floors(name: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    check("actors", name, str(tmp_path_factory.getbasetemp()))
