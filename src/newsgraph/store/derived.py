"""Tables derived from other tables, for fast reads.

``event_actors`` lists, for each event report, the global actors on its source and target
sides, with the report's cluster, type, date and flags copied beside them. The events table
holds its sides as JSON lists of document-local entity ids, which the link pass maps to global
actors; answering "the events of this actor" from there means scanning every event of every
document the actor appears in. With ``event_actors`` (indexed by actor) an actor profile, the
actor's event list and the actor network read only the rows they need.

``actor_stats`` holds each actor's counts (documents, mentions, event reports by type,
counterparts), so an actor profile reads one row even for an actor in a third of all documents.

The link pass rebuilds both with the other cross-document tables (:func:`event_actor_rows`,
:func:`rebuild_actor_stats`); migration ``0004_actor_read_tables`` fills them for databases
linked before they existed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import and_, delete, func, insert, select
from sqlalchemy.engine import Connection

import newsgraph.store.schema as t

ROLES = ("source", "target")


def event_actor_rows(
    events: Iterable[Mapping[str, Any]],
    actor_of: Mapping[tuple[str, str], str],
    cluster_of: Mapping[str, str],
) -> list[dict[str, Any]]:
    """One row per (event, global actor, role). ``events`` need ``id``, ``doc``, ``type``,
    ``date``, ``negated``, ``hypothetical``, ``source`` and ``target`` (lists of local entity
    ids); ``actor_of`` maps (doc, local id) to a global actor; ``cluster_of`` an event to its
    cluster. Local entities without a global actor are left out; two local entities of one
    side that link to the same actor give one row."""
    rows: list[dict[str, Any]] = []
    for ev in events:
        seen: set[tuple[str, str]] = set()
        for role in ROLES:
            for local in ev.get(role) or ():
                actor = actor_of.get((ev["doc"], local))
                if actor is None or (actor, role) in seen:
                    continue
                seen.add((actor, role))
                rows.append(
                    {
                        "event": ev["id"],
                        "actor": actor,
                        "role": role,
                        "cluster": cluster_of.get(ev["id"]),
                        "doc": ev["doc"],
                        "type": ev["type"],
                        "date": ev.get("date"),
                        "negated": bool(ev.get("negated")),
                        "hypothetical": bool(ev.get("hypothetical")),
                    }
                )
    return rows


def rebuild_event_actors(conn: Connection, batch: int = 5000) -> int:
    """Recompute ``event_actors`` from the stored events, actor links and clusters (inside the
    caller's transaction). Returns the number of rows written."""
    actor_of = {(r.doc, r.entity): r.actor for r in conn.execute(select(t.actor_links))}
    cluster_of = {r.event: r.cluster for r in conn.execute(select(t.cluster_events))}
    E = t.events
    cols = (E.c.id, E.c.doc, E.c.type, E.c.date, E.c.negated, E.c.hypothetical, E.c.source, E.c.target)
    conn.execute(delete(t.event_actors))
    n = 0
    if not actor_of:
        return 0
    result = conn.execution_options(yield_per=batch).execute(select(*cols).order_by(E.c.id))
    for chunk in result.partitions():
        rows = event_actor_rows((r._mapping for r in chunk), actor_of, cluster_of)
        if rows:
            conn.execute(insert(t.event_actors), rows)
            n += len(rows)
    return n


def rebuild_actor_stats(conn: Connection, event_actors: Iterable[Mapping[str, Any]] | None = None) -> int:
    """Recompute ``actor_stats`` (inside the caller's transaction) from the actor links, the
    mentions and ``event_actors``: documents and mentions per actor, event reports by type, and
    counterparts counted in real events (clusters), as source and as target. An actor profile
    then reads one row however often the actor is reported. ``event_actors``: its rows when the
    caller has them in memory (else they are read back). Returns the number of actors."""
    L, M, EA = t.actor_links, t.mentions, t.event_actors
    n_docs = dict(
        conn.execute(select(L.c.actor, func.count(func.distinct(L.c.doc))).group_by(L.c.actor)).all()
    )
    n_mentions = dict(
        conn.execute(
            select(L.c.actor, func.count())
            .select_from(M.join(L, and_(L.c.doc == M.c.doc, L.c.entity == M.c.entity)))
            .group_by(L.c.actor)
        ).all()
    )
    types: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    sides: dict[str, tuple[str, list[str], list[str]]] = {}
    if event_actors is None:
        event_actors = (r._mapping for r in conn.execute(select(EA)))
    for r in event_actors:
        types[r["actor"]][r["type"]].add(r["event"])
        rec = sides.setdefault(r["event"], (r["cluster"] or r["event"], [], []))
        rec[1 if r["role"] == "source" else 2].append(r["actor"])
    pairs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for real, sources, targets in sides.values():
        for s in sources:
            for g in targets:
                if s != g:
                    pairs[s, g].add(real)
    partners: dict[str, dict[str, dict[str, int]]] = defaultdict(dict)
    for (s, g), reals in sorted(pairs.items()):
        partners[s].setdefault(g, {"as_source": 0, "as_target": 0})["as_source"] += len(reals)
        partners[g].setdefault(s, {"as_source": 0, "as_target": 0})["as_target"] += len(reals)
    conn.execute(delete(t.actor_stats))
    rows = [
        {
            "actor": a,
            "n_documents": int(n_docs.get(a, 0)),
            "n_mentions": int(n_mentions.get(a, 0)),
            "event_types": {k: len(v) for k, v in sorted(types[a].items())} if a in types else {},
            "partners": partners.get(a, {}),
        }
        for a in sorted(set(n_docs) | set(types))
    ]
    for i in range(0, len(rows), 2000):
        conn.execute(insert(t.actor_stats), rows[i : i + 2000])
    return len(rows)
