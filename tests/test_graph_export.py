"""GraphML / GEXF actor networks and PLOVER-style event JSON lines."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx

from newsgraph.export.graph import actor_graph, export_graph, write_plover
from newsgraph.store import Store

try:
    from .web_fixtures import XSS, demo_db, demo_store, ids  # noqa: F401
except ImportError:
    from web_fixtures import XSS, demo_db, demo_store, ids  # noqa: F401


def test_actor_graph_has_event_type_edge_attributes(demo_store: Store) -> None:
    i = ids(demo_store)
    g = actor_graph(demo_store)
    assert g.number_of_nodes() == 5 and g.number_of_edges() == 4
    e = g.edges[i["Yusuf al-Haddad"], i["Lena Novak"]]
    assert e["weight"] == 1 and e["reports"] == 2 and e["CONSULT"] == 1 and e["ACCUSE"] == 0
    assert g.nodes[i["bad_actor"]]["label"] == f"Ahmad {XSS} Qadri"
    only = actor_graph(demo_store, type="ACCUSE")
    assert list(only.edges) == [(i["bad_actor"], i["Valdoria"])]
    assert actor_graph(demo_store, include_negated=True).edges[i["Valdoria"], i["Kesh"]]["REJECT"] == 1


def test_graphml_and_gexf_round_trip(demo_store: Store, tmp_path: Path) -> None:
    i = ids(demo_store)
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        out = tmp_path / f"net.{fmt}"
        counts = export_graph(demo_store, fmt, out)
        assert counts == {"nodes": 5, "edges": 4}
        back = reader(out)
        assert back.number_of_edges() == 4
        assert f"Ahmad {XSS} Qadri" in out.read_text() or "&lt;script&gt;" in out.read_text()
        assert int(back.edges[i["Yusuf al-Haddad"], i["Lena Novak"]]["CONSULT"]) == 1
        assert not (tmp_path / f"net.{fmt}.part").exists()


def test_plover_lines(demo_store: Store) -> None:
    i = ids(demo_store)
    buf = io.StringIO()
    assert write_plover(demo_store, buf) == {"events": 6}
    recs = [json.loads(line) for line in buf.getvalue().splitlines()]
    meeting = next(r for r in recs if r["id"] == i["meeting"])
    assert meeting["event_type"] == "CONSULT" and meeting["date"] == "2024-03-28"
    assert meeting["actor"] == [
        {"id": i["Yusuf al-Haddad"], "name": "Yusuf al-Haddad", "type": "PERSON", "kb_id": None}
    ]
    assert [a["name"] for a in meeting["recipient"]] == ["Lena Novak"]
    assert meeting["n_reports"] == 2 and len(meeting["evidence"]) == 2
    assert all(ev["doc"] and ev["text"] and ev["end"] > ev["start"] for ev in meeting["evidence"])
    assert {r["event_type"] for r in recs if r["negated"]} == {"REJECT"}
    per_report = io.StringIO()
    assert write_plover(demo_store, per_report, per_report=True) == {"events": 7}
