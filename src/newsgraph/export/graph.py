"""Graph and event exports: GraphML / GEXF actor networks (for Gephi) and PLOVER-style event
JSON lines.

The actor network has one node per actor and one directed edge per (source actor, target
actor) pair; edge ``weight`` counts real events (clusters), ``reports`` counts event
reports, and there is one integer attribute per event type (``CONSULT``, ``ACCUSE``, ...).
PLOVER records are one per real event (cluster) by default, with every report as evidence.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select

from newsgraph import __version__, queries
from newsgraph.export.json import Exporter
from newsgraph.store import Store
from newsgraph.store import schema as t

PLOVER_SCHEMA = "newsgraph.plover/1"
GRAPH_FORMATS = ("graphml", "gexf", "plover")
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_safe(v: Any) -> Any:
    """None -> "" and characters XML 1.0 cannot hold removed (GraphML/GEXF are XML)."""
    if v is None:
        return ""
    return _XML_BAD.sub("", v) if isinstance(v, str) else v


def actor_graph(
    store: Store,
    *,
    type: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    include_negated: bool = False,
) -> Any:
    """The actor network as a ``networkx.DiGraph`` (all actors with at least one event)."""
    import networkx as nx

    net = queries.network(
        store,
        type=type,
        date_from=date_from,
        date_to=date_to,
        include_negated=include_negated,
        max_nodes=None,
    )
    g = nx.DiGraph(name="newsgraph actor network")
    for n in net["nodes"]:
        g.add_node(
            n["id"],
            **{
                k: _xml_safe(v)
                for k, v in (
                    ("label", n["name"]),
                    ("name", n["name"]),
                    ("actor_type", n["type"]),
                    ("kb_id", n["kb_id"]),
                    ("affiliation", n["affiliation"]),
                    ("events", n["degree"]),
                )
            },
        )
    for e in net["edges"]:
        attrs: dict[str, Any] = {
            "weight": e["weight"],
            "reports": e["reports"],
            "types": ";".join(sorted(e["types"])),
        }
        attrs.update({ty: e["types"].get(ty, 0) for ty in net["types"]})
        g.add_edge(e["source"], e["target"], **attrs)
    return g


def write_graphml(store: Store, out: str | Path | IO[bytes], **filters: Any) -> dict[str, int]:
    import networkx as nx

    g = actor_graph(store, **filters)
    nx.write_graphml(g, out)
    return {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}


def write_gexf(store: Store, out: str | Path | IO[bytes], **filters: Any) -> dict[str, int]:
    import networkx as nx

    g = actor_graph(store, **filters)
    nx.write_gexf(g, out)
    return {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}


def plover_records(store: Store, *, per_report: bool = False) -> Iterator[dict[str, Any]]:
    """PLOVER-style event records: one per real event (cluster), or one per report."""
    ex = Exporter(store)
    with store.engine.connect() as conn:
        actors = {
            r.id: {"id": r.id, "name": r.name, "type": r.type, "kb_id": r.kb_id}
            for r in conn.execute(select(t.actors.c.id, t.actors.c.name, t.actors.c.type, t.actors.c.kb_id))
        }
        docs = {
            r.id: r
            for r in conn.execute(
                select(
                    t.documents.c.id,
                    t.documents.c.title,
                    t.documents.c.outlet,
                    t.documents.c.url,
                    t.documents.c.published,
                )
            )
        }
        cdates = dict(conn.execute(select(t.clusters.c.id, t.clusters.c.date)).all())

    def ref(aid: str | None) -> dict[str, Any] | None:
        return actors.get(aid, {"id": aid, "name": aid, "type": None, "kb_id": None}) if aid else None

    def evidence(ev: dict[str, Any]) -> dict[str, Any]:
        d = docs.get(ev["evidence"]["doc"])
        return {
            "event": ev["id"],
            **ev["evidence"],
            "title": d.title if d else None,
            "outlet": d.outlet if d else None,
            "url": d.url if d else None,
            "published": d.published if d else None,
        }

    def record(rid: str, evs: list[dict[str, Any]]) -> dict[str, Any]:
        first = evs[0]
        src = list(dict.fromkeys(a for ev in evs for a in ev["source"]))
        tgt = list(dict.fromkeys(a for ev in evs for a in ev["target"]))
        modes = Counter(ev["mode"] for ev in evs if ev["mode"])
        locs = Counter(ev["location"] for ev in evs if ev["location"])
        return {
            "id": rid,
            "date": cdates.get(first["cluster"], first["date"]) if not per_report else first["date"],
            "event_type": first["type"],
            "mode": modes.most_common(1)[0][0] if modes else None,
            "context": [],
            "cameo": first["cameo"],
            "actor": [ref(a) for a in src],
            "recipient": [ref(a) for a in tgt],
            "location": ref(locs.most_common(1)[0][0]) if locs else None,
            "negated": all(ev["negated"] for ev in evs),
            "hypothetical": all(ev["hypothetical"] for ev in evs),
            "confidence": max((ev["confidence"] or 0.0) for ev in evs),
            "cluster": first["cluster"],
            "n_reports": len(evs),
            "n_documents": len({ev["evidence"]["doc"] for ev in evs}),
            "text": first["evidence"]["text"],
            "evidence": [evidence(ev) for ev in evs],
            "coder": f"newsgraph {__version__}",
            "schema": PLOVER_SCHEMA,
        }

    if per_report:
        for ev in ex.events():
            yield record(ev["id"], [ev])
        return
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ev in ex.events():
        groups[ev["cluster"]].append(ev)
    for cid in sorted(groups, key=lambda c: (cdates.get(c) or "", c)):
        evs = sorted(groups[cid], key=lambda e: (e["evidence"]["doc"], e["evidence"]["start"]))
        yield record(cid, evs)


def write_plover(store: Store, out: IO[str], *, per_report: bool = False) -> dict[str, int]:
    """Write PLOVER-style JSON lines; returns ``{"events": n}``."""
    n = 0
    for rec in plover_records(store, per_report=per_report):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return {"events": n}


def export_graph(store: Store, fmt: str, output: Path | None) -> dict[str, int]:
    """``newsgraph export --format graphml|gexf|plover``: to ``output``, or stdout when None."""
    if fmt == "plover":
        if output is None:
            return write_plover(store, sys.stdout)
        tmp = output.with_name(output.name + ".part")
        with open(tmp, "w", encoding="utf-8") as f:
            counts = write_plover(store, f)
        tmp.replace(output)
        return counts
    writer = {"graphml": write_graphml, "gexf": write_gexf}[fmt]
    if output is None:
        counts = writer(store, sys.stdout.buffer)
        sys.stdout.flush()
        return counts
    tmp = output.with_name(output.name + ".part")
    counts = writer(store, tmp)
    tmp.replace(output)
    return counts
