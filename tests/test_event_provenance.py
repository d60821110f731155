"""Event provenance (issue 14): the rule that coded an event, the word that made it negated or
hypothetical and where its date came from are stored (migration 0005), exported, served by the API,
shown on the event page and printed by ``newsgraph events --why``."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
from fastapi.testclient import TestClient
from sqlalchemy import delete, inspect, select, text
from typer.testing import CliRunner

from newsgraph import queries
from newsgraph.cli.main import app as cli
from newsgraph.export.json import export_dict
from newsgraph.linking.run import run_link
from newsgraph.store import Store
from newsgraph.store import schema as t
from newsgraph.store.migrations import migrate, migrations_table
from newsgraph.web import create_app

from .conftest import analysed_example
from .test_export import SCHEMA

RULE = "events.yaml: verb meet (CONSULT)"


def _store(path: Path, **provenance: Any) -> Store:
    store = Store.open(path)
    ad = analysed_example()
    ad.events = [replace(ad.events[0], **provenance)]
    store.write(ad, "test")
    run_link(store)
    return store


def test_fields_are_stored_queried_and_exported(tmp_path: Path) -> None:
    store = _store(tmp_path / "p.db", rule=RULE, modality_cue="could", hypothetical=True, date_source="text")
    ev = queries.events(store, include_hypothetical=True)["items"][0]
    assert (ev["rule"], ev["modality_cue"], ev["date_source"]) == (RULE, "could", "text")
    assert ev["date_precision"] == "day"
    out = export_dict(store)
    jsonschema.validate(out, SCHEMA)
    exported = out["events"][0]
    assert (exported["rule"], exported["modality_cue"], exported["date_source"]) == (RULE, "could", "text")
    cluster = queries.cluster(store, ev["cluster"])
    assert cluster["reports"][0]["rule"] == RULE
    store.close()


def test_api_page_and_cli_show_them(tmp_path: Path) -> None:
    store = _store(tmp_path / "w.db", rule=RULE, modality_cue="not", negated=True, date_source="document")
    ev = queries.events(store, include_negated=True)["items"][0]
    with TestClient(create_app(store, warm_cache=False), base_url="http://127.0.0.1") as c:
        api = c.get("/api/events", params={"include_negated": "true"}).json()["items"][0]
        assert (api["rule"], api["modality_cue"], api["date_source"]) == (RULE, "not", "document")
        page = c.get(f"/events/{ev['cluster']}", headers={"accept": "text/html"}).text
    assert RULE in page and "“not”" in page and "publication date" in page
    args = ["events", "--why", "--include-negated", "--db", str(tmp_path / "w.db")]
    r = CliRunner().invoke(cli, args)
    assert r.exit_code == 0, r.output
    assert f"rule {RULE}" in r.output and "negated (cue 'not')" in r.output
    assert "the publication date (not stated in the text)" in r.output
    js = CliRunner().invoke(cli, [*args, "--json"])
    assert json.loads(js.stdout)[0]["rule"] == RULE
    store.close()


def test_writer_fills_date_source_when_the_coder_did_not(tmp_path: Path) -> None:
    store = _store(tmp_path / "d.db", date_source=None, date_fallback=True)
    assert queries.events(store)["items"][0]["date_source"] == "document"
    store.close()


def test_migration_0005_adds_the_columns_and_backfills_date_source(tmp_path: Path) -> None:
    store = _store(tmp_path / "old.db", date_source="text")
    ad = analysed_example("An undated and a fallback report")
    ev = ad.events[0]
    ad.events = [
        replace(ev, id=f"{ad.doc.id}:u", date=None, date_precision=None, date_text=None),
        replace(ev, id=f"{ad.doc.id}:f", date_fallback=True, date_text=None),
    ]
    store.write(ad, "test")
    with store.engine.begin() as conn:  # as a database created before migration 0005 looked
        for col in ("rule", "modality_cue", "date_source"):
            conn.execute(text(f"ALTER TABLE events DROP COLUMN {col}"))
        conn.execute(delete(migrations_table).where(migrations_table.c.name == "0005_event_provenance"))
    store.engine.dispose()
    assert migrate(store.engine) == ["0005_event_provenance"]
    with store.engine.connect() as conn:
        cols = {c["name"] for c in inspect(conn).get_columns("events")}
        sources = dict(conn.execute(select(t.events.c.id, t.events.c.date_source)).all())
    assert {"rule", "modality_cue", "date_source"} <= cols
    assert sorted(sources.values()) == ["document", "none", "text"]
    assert migrate(store.engine) == []  # applied once
    store.close()
