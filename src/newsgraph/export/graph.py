"""Graph and event exports: GraphML / GEXF actor networks (for Gephi) and PLOVER-style event
JSON lines.

The actor network has one node per actor and one directed edge per (source actor, target
actor) pair; edge ``weight`` counts real events (clusters), ``reports`` counts event
reports, and there is one integer attribute per event type (``CONSULT``, ``ACCUSE``, ...).
PLOVER records are one per real event (cluster) by default, with every report as evidence.
Both follow the negated/hypothetical rule of :mod:`newsgraph.queries.modality`: network edges
count only events the rule keeps (by default neither negated nor hypothetical); PLOVER
records, like the other record exports, include every event with its flags by default.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from newsgraph.queries.dump import Records
from newsgraph.queries.graph import network
from newsgraph.queries.modality import EVERYTHING, FACTUAL, Modality
from newsgraph.store import Store
from newsgraph.version import __version__

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
    include_hypothetical: bool = False,
) -> Any:
    """The actor network as a ``networkx.DiGraph`` (all actors with at least one event)."""
    import networkx as nx

    net = network(
        store,
        type=type,
        date_from=date_from,
        date_to=date_to,
        include_negated=include_negated,
        include_hypothetical=include_hypothetical,
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


def plover_records(
    store: Store, *, per_report: bool = False, mod: Modality = EVERYTHING
) -> Iterator[dict[str, Any]]:
    """PLOVER-style event records: one per real event (cluster), or one per report."""
    ex = Records(store, mod)
    coder = _PloverCoder(ex.actor_refs(), ex.document_meta(), ex.cluster_dates(), per_report)
    if per_report:
        for ev in ex.events():
            yield coder.record(ev["id"], [ev])
        return
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ev in ex.events():
        groups[ev["cluster"]].append(ev)
    for cid in sorted(groups, key=lambda c: (coder.cdates.get(c) or "", c)):
        evs = sorted(groups[cid], key=lambda e: (e["evidence"]["doc"], e["evidence"]["start"]))
        yield coder.record(cid, evs)


class _PloverCoder:
    """Turns export event records (of one real event, or one report) into a PLOVER record."""

    def __init__(
        self,
        actors: dict[str, dict[str, Any]],
        docs: dict[str, dict[str, Any]],
        cdates: dict[str, str | None],
        per_report: bool,
    ) -> None:
        self.actors, self.docs, self.cdates, self.per_report = actors, docs, cdates, per_report

    def ref(self, aid: str | None) -> dict[str, Any] | None:
        return self.actors.get(aid, {"id": aid, "name": aid, "type": None, "kb_id": None}) if aid else None

    def evidence(self, ev: dict[str, Any]) -> dict[str, Any]:
        d = self.docs.get(ev["evidence"]["doc"]) or {}
        return {
            "event": ev["id"],
            **ev["evidence"],
            **{k: d.get(k) for k in ("title", "outlet", "url", "published")},
            **{k: ev.get(k) for k in ("rule", "modality_cue", "date_source")},
        }

    def record(self, rid: str, evs: list[dict[str, Any]]) -> dict[str, Any]:
        first = evs[0]
        src = list(dict.fromkeys(a for ev in evs for a in ev["source"]))
        tgt = list(dict.fromkeys(a for ev in evs for a in ev["target"]))
        modes = Counter(ev["mode"] for ev in evs if ev["mode"])
        locs = Counter(ev["location"] for ev in evs if ev["location"])
        return {
            "id": rid,
            "date": first["date"] if self.per_report else self.cdates.get(first["cluster"], first["date"]),
            "event_type": first["type"],
            "mode": modes.most_common(1)[0][0] if modes else None,
            "context": [],
            "cameo": first["cameo"],
            "actor": [self.ref(a) for a in src],
            "recipient": [self.ref(a) for a in tgt],
            "location": self.ref(locs.most_common(1)[0][0]) if locs else None,
            "negated": all(ev["negated"] for ev in evs),
            "hypothetical": all(ev["hypothetical"] for ev in evs),
            "confidence": max((ev["confidence"] or 0.0) for ev in evs),
            "cluster": first["cluster"],
            "n_reports": len(evs),
            "n_documents": len({ev["evidence"]["doc"] for ev in evs}),
            "text": first["evidence"]["text"],
            "evidence": [self.evidence(ev) for ev in evs],
            "coder": f"newsgraph {__version__}",
            "schema": PLOVER_SCHEMA,
        }


def write_plover(
    store: Store, out: IO[str], *, per_report: bool = False, mod: Modality = EVERYTHING
) -> dict[str, int]:
    """Write PLOVER-style JSON lines; returns ``{"events": n}``."""
    n = 0
    for rec in plover_records(store, per_report=per_report, mod=mod):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return {"events": n}


def export_graph(store: Store, fmt: str, output: Path | None, mod: Modality | None = None) -> dict[str, int]:
    """``newsgraph export --format graphml|gexf|plover``: to ``output``, or stdout when None.
    ``mod``: the negated/hypothetical filter (None: the format's default, see the module)."""
    if fmt == "plover":
        if output is None:
            return write_plover(store, sys.stdout, mod=mod or EVERYTHING)
        tmp = output.with_name(output.name + ".part")
        with open(tmp, "w", encoding="utf-8") as f:
            counts = write_plover(store, f, mod=mod or EVERYTHING)
        tmp.replace(output)
        return counts
    writer = {"graphml": write_graphml, "gexf": write_gexf}[fmt]
    flags = (mod or FACTUAL).params()
    if output is None:
        counts = writer(store, sys.stdout.buffer, **flags)
        sys.stdout.flush()
        return counts
    tmp = output.with_name(output.name + ".part")
    counts = writer(store, tmp, **flags)
    tmp.replace(output)
    return counts
