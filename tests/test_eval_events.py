"""Evaluation gate for events (floors in ``eval_floors.json`` under "events").

Each gold set ("seeds": ``shared/corpus/seeds`` with ``shared/gold``; "dev": ``shared/corpus/dev`` with
``shared/gold/dev``, articles no rule was written for; "sample": the bundled
fictional corpus with ``tests/gold_sample``) is ingested with the default pipeline, linked and
scored with :func:`newsgraph.evaluate.evaluate`: event precision and recall, CONSULT recall, date
accuracy over matched events with a gold date, negation/hypothetical flag accuracy and the share
of gold events whose reports fall in one cluster must stay at or above their floors.

Updating the floors: after an improvement run

    newsgraph ingest ../shared/corpus/seeds --db /tmp/e.db
    newsgraph eval --gold ../shared/gold --db /tmp/e.db
    newsgraph ingest src/newsgraph/data/sample --db /tmp/s.db
    newsgraph eval --gold tests/gold_sample --db /tmp/s.db

and set each floor a little (about 0.01-0.02) under the new figure. Never lower a floor to make a
failing change pass. ``python tests/test_events_harness.py`` scores the event coder alone, on gold
mentions, and lists every missed and spurious event.
"""

from __future__ import annotations

import pytest

from .eval_gate import FLOORS, check

#: floors of the event coder alone on gold mentions (no model): a little under the current figures
GOLD_MENTION_FLOORS = {
    "seeds": {
        "events.precision": 0.55,
        "events.recall": 0.31,
        "events.f1": 0.41,
        "events.consult_recall": 0.65,
        "events.date_acc": 0.66,
        "events.flag_acc": 0.96,
    },
    "sample": {
        "events.precision": 0.62,
        "events.recall": 0.3,
        "events.f1": 0.41,
        "events.consult_recall": 0.33,
        "events.date_acc": 0.36,
        "events.flag_acc": 0.96,
    },
    "dev": {
        "events.precision": 0.89,
        "events.recall": 0.52,
        "events.f1": 0.66,
        "events.date_acc": 0.8,
        "events.flag_acc": 0.9,
        "events.consult_recall": 0.75,
    },
}

@pytest.mark.eval
@pytest.mark.parametrize("name", sorted(FLOORS.get("events", {})))
def test_event_floors(name: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    check("events", name, str(tmp_path_factory.getbasetemp()))


@pytest.mark.eval
@pytest.mark.parametrize("name", ["seeds", "sample", "dev"])
def test_event_coder_on_gold_mentions(name: str) -> None:
    """The event coder alone (gold actor mentions, no model) keeps its scores too."""
    from .test_events_harness import SHARED, run_set

    if name in ("seeds", "dev") and not (SHARED / "gold").is_dir():
        pytest.skip("shared/ not present")
    floors = GOLD_MENTION_FLOORS[name]
    scores, _, _ = run_set(name)
    failed = [f"{k}: {scores[k]:.3f} < {v}" for k, v in floors.items() if not scores[k] >= v]
    assert not failed, "; ".join(failed)
