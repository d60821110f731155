"""``event_actors``: each event report's global actors by side, built by the link pass and by
migration 0004, and the read-side queries that use it agree with the events' own JSON sides."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select

from newsgraph import queries
from newsgraph.store import Store
from newsgraph.store import schema as t
from newsgraph.store.derived import event_actor_rows
from newsgraph.store.migrations import migrate, migrations_table

try:
    from .web_fixtures import build_demo_store, demo_db, demo_store  # noqa: F401
except ImportError:
    from web_fixtures import build_demo_store, demo_db, demo_store  # noqa: F401


def _event(i: str, doc: str, source: list[str], target: list[str], **kw: Any) -> dict[str, Any]:
    return {"id": i, "doc": doc, "type": "CONSULT", "date": "2024-05-01", "negated": False,
            "hypothetical": False, "source": source, "target": target, **kw}


def test_rows_one_per_event_actor_and_side() -> None:
    actor_of = {("d1", "e1"): "A", ("d1", "e2"): "A", ("d1", "e3"): "B", ("d2", "e1"): "B"}
    events = [
        _event("x", "d1", ["e1", "e2"], ["e3", "e9"]),  # e1 and e2 are both A; e9 has no actor
        _event("y", "d2", ["e1"], ["e1"], negated=True, date=None),  # B on both sides
        _event("z", "d2", [], []),
    ]
    rows = event_actor_rows(events, actor_of, {"x": "c1"})
    got = sorted((r["event"], r["actor"], r["role"], r["cluster"]) for r in rows)
    assert got == [("x", "A", "source", "c1"), ("x", "B", "target", "c1"),
                   ("y", "B", "source", None), ("y", "B", "target", None)]
    y = [r for r in rows if r["event"] == "y"][0]
    assert y["negated"] is True and y["date"] is None and y["doc"] == "d2" and y["type"] == "CONSULT"


def _expected(store: Store) -> dict[str, set[tuple[str, str]]]:
    """actor -> {(event, role)} from the events' JSON sides and the actor links, by hand."""
    with store.engine.connect() as conn:
        links = {(r.doc, r.entity): r.actor for r in conn.execute(select(t.actor_links))}
        out: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for ev in conn.execute(select(t.events)):
            for role in ("source", "target"):
                for local in getattr(ev, role) or []:
                    if (ev.doc, local) in links:
                        out[links[ev.doc, local]].add((ev.id, role))
    return out


def _stored(store: Store) -> dict[str, set[tuple[str, str]]]:
    out: dict[str, set[tuple[str, str]]] = defaultdict(set)
    with store.engine.connect() as conn:
        for r in conn.execute(select(t.event_actors)):
            out[r.actor].add((r.event, r.role))
    return out


def test_link_pass_fills_the_table(demo_store: Store) -> None:
    expected = _expected(demo_store)
    assert expected, "the demo store has events with linked actors"
    assert _stored(demo_store) == expected
    with demo_store.engine.connect() as conn:
        clusters = {r.event: r.cluster for r in conn.execute(select(t.cluster_events))}
        for r in conn.execute(select(t.event_actors)):
            assert r.cluster == clusters[r.event]


def test_actor_queries_match_the_json_sides(demo_store: Store) -> None:
    expected = _expected(demo_store)
    for actor, pairs in expected.items():
        every = {"include_negated": True, "include_hypothetical": True}
        page = queries.events(demo_store, actor=actor, limit=500, **every)
        assert {e["id"] for e in page["items"]} == {e for e, _ in pairs}, actor
        types: dict[str, set[str]] = defaultdict(set)
        with demo_store.engine.connect() as conn:
            for ev in conn.execute(select(t.events).where(t.events.c.id.in_([e for e, _ in pairs]))):
                types[ev.type].add(ev.id)
        profile = queries.actor(demo_store, actor, **every)
        assert profile["event_types"] == {k: len(v) for k, v in sorted(types.items())}


def test_network_edges_match_the_json_sides(demo_store: Store) -> None:
    """Edge weights count distinct clusters per (source actor, target actor, type)."""
    with demo_store.engine.connect() as conn:
        links = {(r.doc, r.entity): r.actor for r in conn.execute(select(t.actor_links))}
        cluster = {r.event: r.cluster for r in conn.execute(select(t.cluster_events))}
        want: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        for ev in conn.execute(select(t.events)):
            if ev.negated or ev.hypothetical:  # the default rule
                continue
            for s in {links.get((ev.doc, x)) for x in ev.source or []} - {None}:
                for g in {links.get((ev.doc, x)) for x in ev.target or []} - {None}:
                    if s != g:
                        want[s, g, ev.type].add(cluster.get(ev.id, ev.id))
    net = queries.network(demo_store, max_nodes=None)
    got = {(e["source"], e["target"], ty): n for e in net["edges"] for ty, n in e["types"].items()}
    assert got == {k: len(v) for k, v in want.items()}


def test_migration_backfills_a_database_linked_before_it(tmp_path: Path) -> None:
    store = build_demo_store(tmp_path / "old.db")
    before = _stored(store)
    assert before
    with store.engine.begin() as conn:  # as a database linked before migration 0004 looked
        conn.execute(delete(t.event_actors))
        conn.execute(delete(migrations_table).where(migrations_table.c.name == "0004_actor_read_tables"))
    assert migrate(store.engine) == ["0004_actor_read_tables"]
    assert _stored(store) == before
    store.close()


def test_actor_stats_match_a_count_by_hand(demo_store: Store) -> None:
    with demo_store.engine.connect() as conn:
        links = {(r.doc, r.entity): r.actor for r in conn.execute(select(t.actor_links))}
        cluster = {r.event: r.cluster for r in conn.execute(select(t.cluster_events))}
        mentions: dict[str, int] = defaultdict(int)
        for m in conn.execute(select(t.mentions)):
            if (m.doc, m.entity) in links:
                mentions[links[m.doc, m.entity]] += 1
        docs: dict[str, set[str]] = defaultdict(set)
        for (doc, _), a in links.items():
            docs[a].add(doc)
        partners: dict[str, dict[str, dict[str, set[str]]]] = defaultdict(
            lambda: defaultdict(lambda: {"as_source": set(), "as_target": set()})
        )
        for ev in conn.execute(select(t.events)):
            for s in {links.get((ev.doc, x)) for x in ev.source or []} - {None}:
                for g in {links.get((ev.doc, x)) for x in ev.target or []} - {None}:
                    if s != g:
                        partners[s][g]["as_source"].add(cluster[ev.id])
                        partners[g][s]["as_target"].add(cluster[ev.id])
        stats = {r.actor: r for r in conn.execute(select(t.actor_stats))}
    assert set(stats) == set(docs)
    for a, r in stats.items():
        assert r.n_documents == len(docs[a]) and r.n_mentions == mentions[a], a
        want = {g: {k: len(v) for k, v in c.items()} for g, c in partners[a].items()}
        assert r.partners == want, a


FLAGS = [(False, False), (True, False), (False, True), (True, True)]


@pytest.mark.parametrize("neg,hyp", FLAGS)
def test_profile_counts_follow_the_rule(demo_store: Store, neg: bool, hyp: bool) -> None:
    """The profile's counts (stored over every report, with the left-out reports subtracted)
    equal a count by hand over the reports the rule keeps, for every filter."""
    mod = queries.Modality(neg, hyp)
    with demo_store.engine.connect() as conn:
        links = {(r.doc, r.entity): r.actor for r in conn.execute(select(t.actor_links))}
        cluster = {r.event: r.cluster for r in conn.execute(select(t.cluster_events))}
        types: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        partners: dict[str, dict[str, dict[str, set[str]]]] = defaultdict(
            lambda: defaultdict(lambda: {"as_source": set(), "as_target": set()})
        )
        for ev in conn.execute(select(t.events)):
            if not mod.keeps(ev.negated, ev.hypothetical):
                continue
            src = {links.get((ev.doc, x)) for x in ev.source or []} - {None}
            tgt = {links.get((ev.doc, x)) for x in ev.target or []} - {None}
            for a in src | tgt:
                types[a][ev.type].add(ev.id)
            for s in src:
                for g in tgt - {s}:
                    partners[s][g]["as_source"].add(cluster[ev.id])
                    partners[g][s]["as_target"].add(cluster[ev.id])
        actors = [r.id for r in conn.execute(select(t.actors))]
    for a in actors:
        prof = queries.actor(demo_store, a, include_negated=neg, include_hypothetical=hyp)
        assert prof["event_types"] == {k: len(v) for k, v in sorted(types[a].items())}, a
        want = {g: {k: len(v) for k, v in c.items()} for g, c in partners[a].items()}
        got = {c["id"]: {k: c[k] for k in ("as_source", "as_target")} for c in prof["counterparts"]}
        assert got == want, a
        events = queries.events(demo_store, actor=a, include_negated=neg, include_hypothetical=hyp)["items"]
        assert {e["id"] for e in events} == {e for ids in types[a].values() for e in ids}, a
