"""Exports: ``newsgraph.export/1`` JSON (DESIGN.md), CSV and Parquet tables.

The records come from :class:`newsgraph.queries.dump.Records` (global actor ids, event
clusters); this module only writes them. Every event is exported with its ``negated`` and
``hypothetical`` flags unless a :class:`~newsgraph.queries.modality.Modality` leaves them out.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from newsgraph.queries.dump import SECTIONS, Records
from newsgraph.queries.modality import EVERYTHING, Modality
from newsgraph.store import Store

SCHEMA = "newsgraph.export/1"


def write_json(store: Store, out: IO[str], mod: Modality = EVERYTHING) -> dict[str, int]:
    """Write the ``newsgraph.export/1`` object, streaming each list. Returns counts per section."""
    ex = Records(store, mod)
    counts: dict[str, int] = {}
    out.write('{\n"schema": ' + json.dumps(SCHEMA))
    for name in SECTIONS:
        out.write(f',\n"{name}": [')
        n = 0
        for rec in ex.section(name):
            out.write(("\n" if n == 0 else ",\n") + json.dumps(rec, ensure_ascii=False))
            n += 1
        out.write("\n]" if n else "]")
        counts[name] = n
    out.write("\n}\n")
    return counts


def export_dict(store: Store, mod: Modality = EVERYTHING) -> dict[str, Any]:
    """The whole export as one dict (for tests and small stores)."""
    ex = Records(store, mod)
    return {"schema": SCHEMA, **{name: list(ex.section(name)) for name in SECTIONS}}


def _flat(v: Any) -> Any:
    return json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v


def table_rows(store: Store, mod: Modality = EVERYTHING) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
    """Flat tables for CSV/Parquet: the export sections plus their nested lists as own tables."""
    ex = Records(store, mod)
    yield (
        "documents",
        (
            {k: v for k, v in d.items() if k not in ("body_spans", "excluded_spans")}
            for d in ex.documents(extended=True)
        ),
    )
    yield "excluded_spans", ({"doc": d["id"], **x} for d in ex.documents() for x in d["excluded_spans"])
    yield "actors", ({k: v for k, v in a.items() if k not in ("aliases", "roles")} for a in ex.actors())
    yield "actor_aliases", ({"actor": a["id"], "alias": x} for a in ex.actors() for x in a["aliases"])
    yield "roles", ({"actor": a["id"], **r} for a in ex.actors() for r in a["roles"])
    yield "mentions", ex.mentions()
    yield (
        "events",
        (
            {
                **{k: v for k, v in e.items() if k != "evidence"},
                "doc": e["evidence"]["doc"],
                "evidence_start": e["evidence"]["start"],
                "evidence_end": e["evidence"]["end"],
                "evidence_text": e["evidence"]["text"],
            }
            for e in ex.events()
        ),
    )
    yield "quotes", ex.quotes()
    yield "clusters", ex.clusters()


def write_csv(store: Store, folder: Path, mod: Modality = EVERYTHING) -> dict[str, int]:
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, rows in table_rows(store, mod):
        n = 0
        with open(folder / f"{name}.csv", "w", newline="", encoding="utf-8") as f:
            w: csv.DictWriter[str] | None = None
            for r in rows:
                if w is None:
                    w = csv.DictWriter(f, fieldnames=list(r))
                    w.writeheader()
                w.writerow({k: _flat(v) for k, v in r.items()})
                n += 1
        counts[name] = n
    return counts


def write_parquet(store: Store, folder: Path, mod: Modality = EVERYTHING) -> dict[str, int]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, rows in table_rows(store, mod):
        recs = [{k: _flat(v) if isinstance(v, dict) else v for k, v in r.items()} for r in rows]
        table = pa.Table.from_pylist(recs) if recs else pa.table({})
        pq.write_table(table, folder / f"{name}.parquet")
        counts[name] = len(recs)
    return counts
