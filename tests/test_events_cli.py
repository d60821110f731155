"""``newsgraph events / relations / timeline / divergent`` over a hand-built, linked store."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli.main import app
from newsgraph.linking.run import run_link
from newsgraph.store import Store

from .conftest import analysed_example
from .test_clusters import _report

runner = CliRunner()


def _db(tmp_path: Path) -> str:
    path = tmp_path / "events.db"
    store = Store.open(path)
    store.write(
        _report(
            "Talks\n\nAnatoly Vessin met the Sabil Movement on Friday. Valdoria said: “We discussed "
            "trade corridors, roads, markets and reconstruction.”",
            "Anatoly Vessin met the Sabil Movement on Friday.",
            [("We discussed trade corridors, roads, markets and reconstruction.", "e3")],
            "2025-03-07",
        ),
        "test",
    )
    store.write(
        _report(
            "Ceasefire\n\nThe Sabil Movement met Anatoly Vessin on Friday. The Sabil Movement said: “We "
            "pressed for an immediate ceasefire, a prisoner exchange and withdrawal.”",
            "The Sabil Movement met Anatoly Vessin on Friday.",
            [("We pressed for an immediate ceasefire, a prisoner exchange and withdrawal.", "e2")],
            "2025-03-08",
        ),
        "test",
    )
    store.write(analysed_example(), "test")
    run_link(store)
    store.close()
    return str(path)


def test_events_counts_real_events(tmp_path: Path) -> None:
    db = _db(tmp_path)
    out = runner.invoke(app, ["events", "--db", db])
    assert out.exit_code == 0, out.output
    assert "2 report(s) in 2 document(s) [divergent accounts]" in out.output
    res = runner.invoke(
        app, ["events", "--db", db, "--json", "--actor", "sabil movement", "--type", "consult"]
    )
    items = json.loads(res.output)
    assert len(items) == 1 and items[0]["n_events"] == 2
    rep = runner.invoke(app, ["events", "--db", db, "--reports"])
    assert rep.output.count("CONSULT") == 3 and "cluster c_" in rep.output
    bad = runner.invoke(app, ["events", "--db", db, "--type", "HUG"])
    assert bad.exit_code == 2 and "unknown event type" in bad.output
    missing = runner.invoke(app, ["events", "--db", db, "--actor", "Nobody"])
    assert missing.exit_code == 1


def test_relations_timeline_divergent(tmp_path: Path) -> None:
    db = _db(tmp_path)
    rel = runner.invoke(app, ["relations", "--db", db, "Sabil Movement", "anatoly vessin"])
    assert rel.exit_code == 0, rel.output
    assert "CONSULT" in rel.output and "1 event(s), 2 report(s)" in rel.output
    tl = runner.invoke(app, ["timeline", "--db", db, "--from", "2025-03", "--to", "2025-03-31"])
    assert tl.exit_code == 0 and "2025-03-07" in tl.output and "2025-03: 1 (CONSULT 1)" in tl.output
    div = runner.invoke(app, ["divergent", "--db", db])
    assert div.exit_code == 0
    assert (
        "We pressed for an immediate ceasefire" in div.output and "We discussed trade corridors" in div.output
    )
    js = json.loads(runner.invoke(app, ["divergent", "--db", db, "--json"]).output)
    assert len(js) == 1 and len(js[0]["accounts"]) == 2
