"""Queries over relations between actors: pairs, the actor network, the timeline."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from newsgraph.queries.base import (
    A,
    C,
    E,
    Page,
    Row,
    _actor_event_ids,
    _event_items,
    _pair_counts,
    _ref,
    _types,
    not_found,
)
from newsgraph.queries.modality import modality
from newsgraph.queries.records import cluster_filters, clusters, quotes
from newsgraph.store import Store


def relations(
    store: Store,
    a: str,
    b: str | None = None,
    *,
    include_negated: bool = False,
    include_hypothetical: bool = False,
    limit: int = 200,
) -> Row:
    """Between ``a`` and ``b``: event counts by type and direction, the events and the quotes
    of each about the other. Without ``b``: ``a``'s counterparts with counts."""
    mod = modality(include_negated, include_hypothetical)
    with store.engine.connect() as conn:
        for ref in (a, b):
            if ref and conn.execute(select(A.c.id).where(A.c.id == ref)).first() is None:
                raise not_found("NG041", ref=ref)
        out: Row = {"a": _ref(conn, a), "b": _ref(conn, b) if b else None}
        if not b:
            counts = _pair_counts(conn, source=a, mod=mod) + _pair_counts(conn, target=a, mod=mod)
            out["counterparts"] = _counterparts(conn, a, counts)
            return out
        counts = _pair_counts(conn, source=a, target=b, mod=mod) + _pair_counts(
            conn, source=b, target=a, mod=mod
        )
        out["counts"] = [
            {"source": p.a, "target": p.b, "type": p.type, "events": p.n, "reports": p.reports}
            for p in sorted(counts, key=lambda p: (p.a, p.b, p.type))
        ]
        stmt = (
            select(E)
            .where(E.c.id.in_(_actor_event_ids(a, mod)), E.c.id.in_(_actor_event_ids(b, mod)))
            .order_by(func.coalesce(E.c.date, "").desc(), E.c.id)
            .limit(limit)
        )
        out["events"] = _event_items(conn, list(conn.execute(stmt)))
    out["quotes_a_about_b"] = quotes(store, speaker=a, about=b, limit=50)["items"]
    out["quotes_b_about_a"] = quotes(store, speaker=b, about=a, limit=50)["items"]
    return out


def _counterparts(conn: Connection, a: str, counts: list[Any]) -> list[Row]:
    partners: dict[str, Row] = {}
    for p in counts:
        other, side = (p.b, "as_source") if p.a == a else (p.a, "as_target")
        rec = partners.setdefault(
            other, {**(_ref(conn, other) or {}), "as_source": {}, "as_target": {}, "total": 0}
        )
        rec[side][p.type] = rec[side].get(p.type, 0) + p.n
        rec["total"] += p.n
    return sorted(partners.values(), key=lambda x: (-x["total"], x["id"]))


def network(
    store: Store,
    *,
    type: str | Sequence[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    include_negated: bool = False,
    include_hypothetical: bool = False,
    max_nodes: int | None = 150,
) -> Row:
    """The actor network: nodes are actors, directed edges count real events (clusters) by type."""
    mod = modality(include_negated, include_hypothetical)
    with store.engine.connect() as conn:
        counts = _pair_counts(conn, types=_types(type), date_from=date_from, date_to=date_to, mod=mod)
        edges: dict[tuple[str, str], Row] = {}
        degree: Counter[str] = Counter()
        for p in counts:
            e = edges.setdefault(
                (p.a, p.b), {"source": p.a, "target": p.b, "weight": 0, "reports": 0, "types": {}}
            )
            e["weight"] += p.n
            e["reports"] += p.reports
            e["types"][p.type] = e["types"].get(p.type, 0) + p.n
            degree[p.a] += p.n
            degree[p.b] += p.n
        keep = [k for k, _ in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))]
        if max_nodes is not None:
            keep = keep[:max_nodes]
        nodes = _nodes(conn, keep, degree)
    kept = set(keep)
    return {
        "nodes": nodes,
        "edges": [e for (s, d), e in sorted(edges.items()) if s in kept and d in kept],
        "types": sorted({p.type for p in counts}),
        "truncated": len(kept) < len(degree),
    }


def _nodes(conn: Connection, keep: list[str], degree: Counter[str]) -> list[Row]:
    stmt = select(A.c.id, A.c.name, A.c.type, A.c.kb_id, A.c.affiliation).where(A.c.id.in_(keep))
    info = {r.id: r for r in conn.execute(stmt)} if keep else {}
    return [
        {
            "id": k,
            "name": info[k].name if k in info else k,
            "type": info[k].type if k in info else None,
            "kb_id": info[k].kb_id if k in info else None,
            "affiliation": info[k].affiliation if k in info else None,
            "degree": degree[k],
        }
        for k in keep
    ]


def timeline(
    store: Store,
    *,
    actor: str | Sequence[str] | None = None,
    type: str | Sequence[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    outlet: str | Sequence[str] | None = None,
    include_negated: bool = False,
    include_hypothetical: bool = False,
    limit: int = 100,
    cursor: str | None = None,
) -> Page:
    """Real events oldest first, plus a month-by-type histogram of all that match."""
    flags = {"include_negated": include_negated, "include_hypothetical": include_hypothetical}
    filters = {"actor": actor, "type": type, "date_from": date_from, "date_to": date_to, **flags}
    page = clusters(store, **filters, outlet=outlet, oldest_first=True, limit=limit, cursor=cursor)
    month = func.substr(C.c.date, 1, 7)
    stmt = select(month.label("m"), C.c.type, func.count()).where(
        func.length(C.c.date) >= 7, *cluster_filters(type, actor, date_from, date_to, **flags, outlet=outlet)
    )
    hist: dict[str, dict[str, int]] = defaultdict(dict)
    with store.engine.connect() as conn:
        for m, ty, n in conn.execute(stmt.group_by(month, C.c.type).order_by(month)):
            hist[m][ty] = n
    page["histogram"] = [{"month": m, "counts": c, "total": sum(c.values())} for m, c in sorted(hist.items())]
    return page
