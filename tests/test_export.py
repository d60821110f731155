from __future__ import annotations

import csv
import io
import json
from importlib.resources import files
from pathlib import Path

import jsonschema
import pyarrow.parquet as pq

from newsgraph.export.json import export_dict, write_csv, write_json, write_parquet
from newsgraph.linking.run import run_link
from newsgraph.store import Store, schema

from .conftest import analysed_example

SCHEMA = json.loads((files("newsgraph") / "data" / "schema" / "export-1.schema.json").read_text())


def _filled(store: Store) -> Store:
    store.write(analysed_example(), "p")
    store.write(analysed_example("Second report of the meeting"), "p")
    run_link(store)
    return store


def test_empty_store_exports_valid_schema(store: Store) -> None:
    out = export_dict(store)
    jsonschema.validate(out, SCHEMA)
    assert out["schema"] == "newsgraph.export/1" and out["documents"] == []


def test_export_validates_and_maps_local_ids(store: Store) -> None:
    out = export_dict(_filled(store))
    jsonschema.validate(out, SCHEMA)
    actors = {a["id"]: a for a in out["actors"]}
    haddad = next(a for a in out["actors"] if a["name"] == "Yusuf al-Haddad")
    assert haddad["affiliation"] in actors and actors[haddad["affiliation"]]["name"] == "Valdoria"
    assert {"title": "Foreign Minister", "doc": out["documents"][0]["id"]} in haddad["roles"] or \
        {"title": "Foreign Minister", "doc": out["documents"][1]["id"]} in haddad["roles"]
    assert all(m["actor"] in actors for m in out["mentions"])
    ev = out["events"][0]
    assert ev["source"] == [haddad["id"]] and ev["location"] in actors
    assert out["quotes"][0]["speaker"] == haddad["id"]
    # both reports of the same meeting form one cluster listing both documents
    assert len(out["clusters"]) == 1 and len(out["clusters"][0]["documents"]) == 2
    # offsets slice the mention and evidence text out of the stored document text
    texts = {r["id"]: r["text"] for r in store.rows(schema.documents)}
    for m in out["mentions"]:
        assert texts[m["doc"]][m["start"]:m["end"]] == m["text"]
    for e in out["events"]:
        ev = e["evidence"]
        assert texts[ev["doc"]][ev["start"]:ev["end"]] == ev["text"]


def test_streamed_json_equals_dict(store: Store) -> None:
    _filled(store)
    buf = io.StringIO()
    counts = write_json(store, buf)
    assert json.loads(buf.getvalue()) == export_dict(store)
    assert counts["documents"] == 2


def test_csv_and_parquet_tables(store: Store, tmp_path: Path) -> None:
    _filled(store)
    counts = write_csv(store, tmp_path / "csv")
    with open(tmp_path / "csv" / "events.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == counts["events"] == 2 and json.loads(rows[0]["source"])
    pcounts = write_parquet(store, tmp_path / "pq")
    assert pcounts == counts
    assert pq.read_table(tmp_path / "pq" / "mentions.parquet").num_rows == counts["mentions"]
    assert (tmp_path / "pq" / "clusters.parquet").exists()
