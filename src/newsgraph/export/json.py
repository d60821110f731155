"""Exports: ``newsgraph.export/1`` JSON (DESIGN.md), CSV and Parquet tables.

Per-document results are stored with document-local entity ids; exports map them to
the global actor ids of the last link pass and to event clusters.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select

from newsgraph.store import Store
from newsgraph.store import schema as t

SCHEMA = "newsgraph.export/1"
SECTIONS = ("documents", "actors", "mentions", "events", "quotes", "clusters")


class Exporter:
    """Builds export records from a store, one section at a time (streamed)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        with store.engine.connect() as conn:
            self.links: dict[tuple[str, str], str] = {
                (d, e): a
                for d, e, a in conn.execute(
                    select(t.actor_links.c.doc, t.actor_links.c.entity, t.actor_links.c.actor)
                )
            }
            self.event_cluster: dict[str, str] = {
                e: c for c, e in conn.execute(select(t.cluster_events.c.cluster, t.cluster_events.c.event))
            }

    def actor(self, doc: str, local: str | None) -> str | None:
        return self.links.get((doc, local)) if local else None

    def actors_of(self, doc: str, locals_: list[str] | None) -> list[str]:
        out: list[str] = []
        for x in locals_ or []:
            a = self.actor(doc, x)
            if a and a not in out:
                out.append(a)
        return out

    def documents(self, extended: bool = False) -> Iterator[dict[str, Any]]:
        body: dict[str, list[list[int]]] = defaultdict(list)
        excl: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in self.store.iter_rows(t.body_spans, order_by=(t.body_spans.c.doc, t.body_spans.c.start)):
            body[r["doc"]].append([r["start"], r["end"]])
        for r in self.store.iter_rows(
            t.excluded_spans, order_by=(t.excluded_spans.c.doc, t.excluded_spans.c.start)
        ):
            excl[r["doc"]].append({"start": r["start"], "end": r["end"], "kind": r["kind"]})
        c = t.documents.c
        with self.store.engine.connect() as conn:
            rows = conn.execute(
                select(
                    c.id,
                    c.path,
                    c.file_name,
                    c.title,
                    c.outlet,
                    c.url,
                    c.published,
                    c.date_inferred,
                    c.dup_of,
                ).order_by(c.id)
            )
            for r in rows:
                rec = {
                    "id": r.id,
                    "path": r.path,
                    "file_name": r.file_name,
                    "title": r.title,
                    "outlet": r.outlet,
                    "url": r.url,
                    "published": r.published,
                    "date_inferred": bool(r.date_inferred),
                    "body_spans": body.get(r.id, []),
                    "excluded_spans": excl.get(r.id, []),
                }
                if extended:
                    rec["duplicate_of"] = r.dup_of
                yield rec

    def actors(self) -> Iterator[dict[str, Any]]:
        aliases: dict[str, list[str]] = defaultdict(list)
        roles: dict[str, list[dict[str, str]]] = defaultdict(list)
        for r in self.store.iter_rows(
            t.actor_aliases, order_by=(t.actor_aliases.c.actor, t.actor_aliases.c.alias)
        ):
            aliases[r["actor"]].append(r["alias"])
        for r in self.store.iter_rows(t.roles, order_by=(t.roles.c.actor, t.roles.c.doc, t.roles.c.title)):
            roles[r["actor"]].append({"title": r["title"], "doc": r["doc"]})
        for r in self.store.iter_rows(t.actors, order_by=t.actors.c.id):
            yield {
                "id": r["id"],
                "type": r["type"],
                "name": r["name"],
                "aliases": aliases.get(r["id"], []),
                "affiliation": r["affiliation"],
                "roles": roles.get(r["id"], []),
                "kb_id": r["kb_id"],
            }

    def mentions(self) -> Iterator[dict[str, Any]]:
        for r in self.store.iter_rows(t.mentions, order_by=(t.mentions.c.doc, t.mentions.c.start)):
            a = self.actor(r["doc"], r["entity"])
            if a:
                yield {"doc": r["doc"], "start": r["start"], "end": r["end"], "text": r["text"], "actor": a}

    def events(self) -> Iterator[dict[str, Any]]:
        for r in self.store.iter_rows(t.events, order_by=(t.events.c.doc, t.events.c.start, t.events.c.id)):
            d = r["doc"]
            yield {
                "id": r["id"],
                "type": r["type"],
                "mode": r["mode"],
                "cameo": r["cameo"],
                "source": self.actors_of(d, r["source"]),
                "target": self.actors_of(d, r["target"]),
                "location": self.actor(d, r["location"]),
                "date": r["date"],
                "date_text": r["date_text"],
                "negated": bool(r["negated"]),
                "hypothetical": bool(r["hypothetical"]),
                "cluster": self.event_cluster.get(r["id"], r["id"]),
                "confidence": r["confidence"],
                "evidence": {"doc": d, "start": r["start"], "end": r["end"], "text": r["text"]},
            }

    def quotes(self) -> Iterator[dict[str, Any]]:
        for r in self.store.iter_rows(t.quotes, order_by=(t.quotes.c.doc, t.quotes.c.start, t.quotes.c.id)):
            yield {
                "id": r["id"],
                "speaker": self.actor(r["doc"], r["speaker"]),
                "kind": r["kind"],
                "text": r["text"],
                "cue": r["cue"],
                "doc": r["doc"],
                "start": r["start"],
                "end": r["end"],
                "confidence": r["confidence"],
            }

    def clusters(self) -> Iterator[dict[str, Any]]:
        members: dict[str, list[str]] = defaultdict(list)
        for cl, ev in self.event_cluster.items():
            members[ev].append(cl)
        ev_doc = {r[0]: r[1] for r in self._pairs(t.events.c.id, t.events.c.doc)}
        accounts: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in self.store.iter_rows(
            t.cluster_accounts, order_by=(t.cluster_accounts.c.cluster, t.cluster_accounts.c.quote)
        ):
            accounts[r["cluster"]].append({"speaker": r["speaker"], "quote": r["quote"]})
        for r in self.store.iter_rows(t.clusters, order_by=t.clusters.c.id):
            evs = sorted(members.get(r["id"], []))
            docs = sorted({ev_doc[e] for e in evs if e in ev_doc})
            yield {
                "id": r["id"],
                "type": r["type"],
                "events": evs,
                "documents": docs,
                "divergent": bool(r["divergent"]),
                "accounts": accounts.get(r["id"], []),
            }

    def _pairs(self, a: Any, b: Any) -> list[tuple[Any, Any]]:
        with self.store.engine.connect() as conn:
            return [(x, y) for x, y in conn.execute(select(a, b))]

    def section(self, name: str) -> Iterator[dict[str, Any]]:
        return getattr(self, name)()


def write_json(store: Store, out: IO[str]) -> dict[str, int]:
    """Write the ``newsgraph.export/1`` object, streaming each list. Returns counts per section."""
    ex = Exporter(store)
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


def export_dict(store: Store) -> dict[str, Any]:
    """The whole export as one dict (for tests and small stores)."""
    ex = Exporter(store)
    return {"schema": SCHEMA, **{name: list(ex.section(name)) for name in SECTIONS}}


def _flat(v: Any) -> Any:
    return json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v


def table_rows(store: Store) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
    """Flat tables for CSV/Parquet: the export sections plus their nested lists as own tables."""
    ex = Exporter(store)
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


def write_csv(store: Store, folder: Path) -> dict[str, int]:
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, rows in table_rows(store):
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


def write_parquet(store: Store, folder: Path) -> dict[str, int]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, rows in table_rows(store):
        recs = [{k: _flat(v) if isinstance(v, dict) else v for k, v in r.items()} for r in rows]
        table = pa.Table.from_pylist(recs) if recs else pa.table({})
        pq.write_table(table, folder / f"{name}.parquet")
        counts[name] = len(recs)
    return counts
