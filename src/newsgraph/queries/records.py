"""Queries over events (reports), real events (clusters), divergent accounts and quotes (global actor ids)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, func, select

from newsgraph.errors import NotFound
from newsgraph.queries.base import (
    CE,
    DEFAULT_LIMIT,
    EA,
    C,
    D,
    E,
    L,
    Page,
    Q,
    Row,
    _actor_cluster_ids,
    _cluster_items,
    _date_range,
    _event_items,
    _group_accounts,
    _many,
    _outlet_docs,
    _paged,
    _quote_items,
    _quote_rows,
    _types,
)
from newsgraph.queries.evidence import add_context, cluster_dates
from newsgraph.queries.modality import modality
from newsgraph.store import Store
from newsgraph.store import schema as t


def events(
    store: Store,
    *,
    actor: str | Sequence[str] | None = None,
    type: str | Sequence[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    doc: str | None = None,
    cluster: str | None = None,
    outlet: str | Sequence[str] | None = None,
    include_negated: bool = False,
    include_hypothetical: bool = False,
    limit: int = DEFAULT_LIMIT,
    cursor: str | None = None,
) -> Page:
    """Event reports (newest first) with global actors, the cluster they belong to and evidence;
    negated and hypothetical reports only when included (:mod:`newsgraph.queries.modality`).
    ``actor``, ``type`` and ``outlet`` take one value or several (any of them)."""
    # with an actor, everything is read from the actor's rows of event_actors (its index covers
    # date, type and flags), DISTINCT because an actor may be on both sides; otherwise from events
    actors = _many(actor)
    X = EA if actors else E
    ident = EA.c.event if actors else E.c.id
    keys = [(func.coalesce(X.c.date, ""), True), (ident, False)]
    stmt = select(*(k for k, _ in keys))
    if actors:
        stmt = stmt.where(EA.c.actor.in_(actors)).distinct()
    if types := _types(type):
        stmt = stmt.where(X.c.type.in_(types))
    stmt = stmt.where(*_date_range(X.c.date, date_from, date_to))
    if doc:
        stmt = stmt.where(X.c.doc == doc)
    if outlets := _many(outlet):
        stmt = stmt.where(X.c.doc.in_(_outlet_docs(outlets)))
    if cluster:
        stmt = (
            stmt.where(X.c.cluster == cluster)
            if actors
            else stmt.where(E.c.id.in_(select(CE.c.event).where(CE.c.cluster == cluster)))
        )
    stmt = stmt.where(*modality(include_negated, include_hypothetical).where(X))
    with store.engine.connect() as conn:
        page, nxt = _paged(conn, stmt, keys, (str, str), cursor, limit)
        ids = [r[1] for r in page]
        full = {r.id: r for r in conn.execute(select(E).where(E.c.id.in_(ids)))} if ids else {}
        return {"items": _event_items(conn, [full[i] for i in ids if i in full]), "next": nxt}


def clusters(
    store: Store,
    *,
    type: str | Sequence[str] | None = None,
    actor: str | Sequence[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    divergent: bool | None = None,
    outlet: str | Sequence[str] | None = None,
    include_negated: bool = False,
    include_hypothetical: bool = False,
    oldest_first: bool = False,
    limit: int = DEFAULT_LIMIT,
    cursor: str | None = None,
) -> Page:
    """Real events (clusters of reports), newest first (or oldest first, for the timeline);
    ``actor``, ``type`` and ``outlet`` (a report from one of them) take one value or several."""
    keys = [(func.coalesce(C.c.date, ""), not oldest_first), (C.c.id, False)]
    stmt = select(*(k for k, _ in keys), *C.c).where(
        *cluster_filters(type, actor, date_from, date_to, include_negated, include_hypothetical, outlet)
    )
    if oldest_first:
        stmt = stmt.where(C.c.date.is_not(None))
    if divergent is not None:
        stmt = stmt.where(C.c.divergent.is_(divergent))
    with store.engine.connect() as conn:
        rows, nxt = _paged(conn, stmt, keys, (str, str), cursor, limit)
        return {"items": _cluster_items(conn, rows), "next": nxt}


def cluster_filters(
    type: str | Sequence[str] | None,
    actor: str | Sequence[str] | None,
    date_from: str | None,
    date_to: str | None,
    include_negated: bool,
    include_hypothetical: bool,
    outlet: str | Sequence[str] | None = None,
) -> list[Any]:
    """Conditions on ``clusters`` for the filters shared by the lists of real events and the
    timeline's histogram."""
    mod = modality(include_negated, include_hypothetical)
    where: list[Any] = list(_date_range(C.c.date, date_from, date_to))
    if types := _types(type):
        where.append(C.c.type.in_(types))
    if outlets := _many(outlet):
        reported = select(CE.c.cluster).join(E, E.c.id == CE.c.event)
        where.append(C.c.id.in_(reported.where(E.c.doc.in_(_outlet_docs(outlets)))))
    if actor:
        # the actor's rows of event_actors carry the flags: the rule is applied there
        where.append(C.c.id.in_(_actor_cluster_ids(actor, mod)))
    else:
        where += mod.clusters_where(C.c.id)
    return where


def cluster(store: Store, cluster_id: str) -> Row:
    """One real event with every report of it (flags shown, whatever the filter: this is the
    record of one event), its documents and the divergent accounts. An event id leads to its
    cluster."""
    with store.engine.connect() as conn:
        r = conn.execute(select(C).where(C.c.id == cluster_id)).first()
        if r is None:
            ev = conn.execute(select(E).where(E.c.id == cluster_id)).first()
            if ev is None:
                raise NotFound(f"no event or event cluster '{cluster_id}'")
            home = conn.execute(select(CE.c.cluster).where(CE.c.event == cluster_id)).scalar()
            if home:
                return {**cluster(store, home), "requested": cluster_id}
            row = {"id": ev.id, "type": ev.type, "date": ev.date, "divergent": False}
            row.update(n_events=1, n_documents=1, date_precision=ev.date_precision)
            rows = [ev]
        else:
            row = {k: r._mapping[k] for k in ("id", "type", "date", "n_events", "n_documents")}
            row["divergent"] = bool(r.divergent)
            row.update(cluster_dates(conn, [r])[r.id])
            members = select(CE.c.event).where(CE.c.cluster == cluster_id)
            stmt = select(E).where(E.c.id.in_(members)).order_by(E.c.date, E.c.doc, E.c.start)
            rows = list(conn.execute(stmt))
        reports = _event_items(conn, rows)
        if r is None:
            row["date_source"] = reports[0]["date_source"]
        add_context(conn, reports, rows)
        accounts = _accounts(conn, row["id"])
    participants: dict[str, list[Row]] = {"source": [], "target": []}
    for rep in reports:
        for side in participants:
            participants[side] += [a for a in rep[side] if a not in participants[side]]
    docs = {
        rep["evidence"]["doc"]: {k: rep["evidence"][k] for k in ("title", "published", "outlet", "url")}
        for rep in reports
    }
    return {
        **row,
        "negated": bool(reports) and all(rep["negated"] for rep in reports),
        "hypothetical": bool(reports) and all(rep["hypothetical"] for rep in reports),
        "participants": participants,
        "reports": reports,
        "accounts": accounts,
        "documents": [{"id": d, **m} for d, m in docs.items()],
    }


def divergent(
    store: Store,
    *,
    include_negated: bool = False,
    include_hypothetical: bool = False,
    limit: int = DEFAULT_LIMIT,
    cursor: str | None = None,
) -> Page:
    """Divergent clusters: the accounts of each party side by side."""
    page = clusters(
        store,
        divergent=True,
        include_negated=include_negated,
        include_hypothetical=include_hypothetical,
        limit=limit,
        cursor=cursor,
    )
    with store.engine.connect() as conn:
        for item in page["items"]:
            item["accounts"] = _accounts(conn, item["id"])
    return page


def _accounts(conn: Any, cluster_id: str) -> list[Row]:
    acc = list(conn.execute(select(t.cluster_accounts).where(t.cluster_accounts.c.cluster == cluster_id)))
    qs = {q["id"]: q for q in _quote_rows(conn, [Q.c.id.in_([a.quote for a in acc])])} if acc else {}
    return _group_accounts(conn, acc, qs)


def quotes(
    store: Store,
    *,
    speaker: str | Sequence[str] | None = None,
    about: str | None = None,
    doc: str | None = None,
    kind: str | None = None,
    outlet: str | Sequence[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = DEFAULT_LIMIT,
    cursor: str | None = None,
) -> Page:
    """Quotes (newest document first); ``speaker``: said by (one actor or several);
    ``about``: the quote mentions that actor; ``outlet``, dates: of the document."""
    keys = [(func.coalesce(D.c.published, ""), True), (Q.c.doc, False), (Q.c.start, False), (Q.c.id, False)]
    src: Any = Q.join(D, D.c.id == Q.c.doc)
    where: list[Any] = list(_date_range(D.c.published, date_from, date_to))
    if outlets := _many(outlet):
        where.append(D.c.outlet.in_(outlets))
    if speakers := _many(speaker):
        src = src.join(L, and_(L.c.doc == Q.c.doc, L.c.entity == Q.c.speaker))
        where.append(L.c.actor.in_(speakers))
    if about:
        m, la, q2 = t.mentions.alias("m"), L.alias("la"), Q.alias("q2")
        where.append(
            Q.c.id.in_(
                select(q2.c.id)
                .select_from(
                    la.join(m, and_(m.c.doc == la.c.doc, m.c.entity == la.c.entity)).join(
                        q2, and_(q2.c.doc == m.c.doc, q2.c.start <= m.c.start, q2.c.end >= m.c.end)
                    )
                )
                .where(la.c.actor == about)
            )
        )
    if doc:
        where.append(Q.c.doc == doc)
    if kind:
        where.append(Q.c.kind == kind)
    stmt = (
        select(*(k for k, _ in keys), *Q.c, D.c.title.label("dtitle"), D.c.published)
        .select_from(src)
        .where(*where)
    )
    with store.engine.connect() as conn:
        rows, nxt = _paged(conn, stmt, keys, (str, str, int, str), cursor, limit)
        return {"items": _quote_items(conn, rows), "next": nxt}
