"""Queries over actors, events, clusters, quotes and the actor network (global actor ids)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, func, select

from newsgraph.errors import BadRequest, NotFound
from newsgraph.queries.base import (
    CE,
    DEFAULT_LIMIT,
    EA,
    A,
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
    _paged,
    _quote_items,
    _quote_rows,
    _ref,
    _types,
    not_found,
)
from newsgraph.queries.stats import HEAVY_DOCUMENTS, actor_aggregates, cached
from newsgraph.store import Store
from newsgraph.store import schema as t


def actors(
    store: Store,
    *,
    type: str | None = None,
    q: str | None = None,
    sort: str = "documents",
    limit: int = DEFAULT_LIMIT,
    cursor: str | None = None,
) -> Page:
    """Actors with their number of documents; ``sort`` is ``documents`` (most first) or ``name``."""
    ndocs = select(L.c.actor, func.count(func.distinct(L.c.doc)).label("n")).group_by(L.c.actor).subquery()
    n = func.coalesce(ndocs.c.n, 0)
    if sort == "documents":
        keys: list[tuple[Any, bool]] = [(n, True), (A.c.id, False)]
        types: tuple[type, ...] = (int, str)
    elif sort == "name":
        keys, types = [(A.c.name, False), (A.c.id, False)], (str, str)
    else:
        raise BadRequest("sort must be 'documents' or 'name'")
    stmt = select(
        *(k for k, _ in keys),
        A.c.type,
        A.c.name.label("aname"),
        A.c.kb_id,
        A.c.affiliation,
        n.label("n_documents"),
    ).select_from(A.outerjoin(ndocs, ndocs.c.actor == A.c.id))
    if type:
        stmt = stmt.where(A.c.type.in_(_types(type)))
    if q:
        like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = stmt.where(
            A.c.id.in_(
                select(t.actor_aliases.c.actor).where(t.actor_aliases.c.alias.ilike(like, escape="\\"))
            )
            | A.c.name.ilike(like, escape="\\")
        )
    with store.engine.connect() as conn:
        rows, nxt = _paged(conn, stmt, keys, types, cursor, limit)
        aff = {
            r.id: r.name
            for r in conn.execute(
                select(A.c.id, A.c.name).where(A.c.id.in_({r.affiliation for r in rows if r.affiliation}))
            )
        }
    return {
        "items": [
            {
                "id": r.id,
                "type": r.type,
                "name": r.aname,
                "kb_id": r.kb_id,
                "affiliation": {"id": r.affiliation, "name": aff.get(r.affiliation, r.affiliation)}
                if r.affiliation
                else None,
                "n_documents": int(r.n_documents),
            }
            for r in rows
        ],
        "next": nxt,
    }


def actor(store: Store, actor_id: str, *, n_items: int = 20) -> Row:
    """An actor's profile: aliases, titles with their sources, affiliation, members, quotes, events."""
    if actor_aggregates(store, actor_id)["n_documents"] >= HEAVY_DOCUMENTS:
        return cached(store, ("actor", actor_id, str(n_items)), lambda: _actor(store, actor_id, n_items))
    return _actor(store, actor_id, n_items)


def _actor(store: Store, actor_id: str, n_items: int) -> Row:
    with store.engine.connect() as conn:
        r = conn.execute(select(A).where(A.c.id == actor_id)).first()
        if r is None:
            raise not_found("NG041", ref=actor_id)
        aliases = [
            {"alias": a.alias, "count": a.count}
            for a in conn.execute(
                select(t.actor_aliases)
                .where(t.actor_aliases.c.actor == actor_id)
                .order_by(t.actor_aliases.c.count.desc(), t.actor_aliases.c.alias)
            )
        ]
        roles = [
            {"title": x.title, "doc": x.doc, "doc_title": x.dtitle, "published": x.published}
            for x in conn.execute(
                select(t.roles.c.title, t.roles.c.doc, D.c.title.label("dtitle"), D.c.published)
                .join(D, D.c.id == t.roles.c.doc)
                .where(t.roles.c.actor == actor_id)
                .order_by(func.coalesce(D.c.published, "").desc(), t.roles.c.title)
                .limit(200)
            )
        ]
        counts = dict(
            conn.execute(
                select(t.roles.c.title, func.count())
                .where(t.roles.c.actor == actor_id)
                .group_by(t.roles.c.title)
            ).all()
        )
        titles: dict[str, Row] = {}
        for x in roles:
            rec = titles.setdefault(
                x["title"], {"title": x["title"], "count": counts.get(x["title"], 0), "sources": []}
            )
            if len(rec["sources"]) < 3:
                rec["sources"].append({k: x[k] for k in ("doc", "doc_title", "published")})
        members = [
            {"id": m.id, "name": m.name, "type": m.type}
            for m in conn.execute(
                select(A.c.id, A.c.name, A.c.type)
                .where(A.c.affiliation == actor_id)
                .order_by(A.c.name)
                .limit(200)
            )
        ]
        agg = actor_aggregates(store, actor_id)
        top = sorted(agg["partners"].items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:15]
        counterparts = [
            {**(_ref(conn, k) or {}), "as_source": c.get("as_source", 0), "as_target": c.get("as_target", 0)}
            for k, c in top
        ]
        out = {
            "id": r.id,
            "type": r.type,
            "name": r.name,
            "kb_id": r.kb_id,
            "affiliation": _ref(conn, r.affiliation),
            "aliases": aliases,
            "roles": roles,
            "titles": sorted(titles.values(), key=lambda x: -x["count"]),
            "members": members,
            "n_documents": agg["n_documents"],
            "n_mentions": agg["n_mentions"],
            "event_types": agg["event_types"],
            "counterparts": counterparts,
        }
    out["quotes"] = quotes(store, speaker=actor_id, limit=n_items)
    out["events"] = events(store, actor=actor_id, include_negated=True, limit=n_items)
    return out


def events(
    store: Store,
    *,
    actor: str | None = None,
    type: str | Sequence[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    doc: str | None = None,
    cluster: str | None = None,
    include_negated: bool = False,
    include_hypothetical: bool = True,
    limit: int = DEFAULT_LIMIT,
    cursor: str | None = None,
) -> Page:
    """Event reports (newest first) with global actors, the cluster they belong to and evidence."""
    # with an actor, everything is read from the actor's rows of event_actors (its index covers
    # date, type and flags), DISTINCT because an actor may be on both sides; otherwise from events
    X = EA if actor else E
    ident = EA.c.event if actor else E.c.id
    keys = [(func.coalesce(X.c.date, ""), True), (ident, False)]
    stmt = select(*(k for k, _ in keys))
    if actor:
        stmt = stmt.where(EA.c.actor == actor).distinct()
    if types := _types(type):
        stmt = stmt.where(X.c.type.in_(types))
    stmt = stmt.where(*_date_range(X.c.date, date_from, date_to))
    if doc:
        stmt = stmt.where(X.c.doc == doc)
    if cluster:
        stmt = stmt.where(X.c.cluster == cluster) if actor else stmt.where(
            E.c.id.in_(select(CE.c.event).where(CE.c.cluster == cluster))
        )
    if not include_negated:
        stmt = stmt.where(X.c.negated.is_not(True))
    if not include_hypothetical:
        stmt = stmt.where(X.c.hypothetical.is_not(True))
    with store.engine.connect() as conn:
        page, nxt = _paged(conn, stmt, keys, (str, str), cursor, limit)
        ids = [r[1] for r in page]
        full = {r.id: r for r in conn.execute(select(E).where(E.c.id.in_(ids)))} if ids else {}
        return {"items": _event_items(conn, [full[i] for i in ids if i in full]), "next": nxt}


def clusters(
    store: Store,
    *,
    type: str | Sequence[str] | None = None,
    actor: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    divergent: bool | None = None,
    oldest_first: bool = False,
    limit: int = DEFAULT_LIMIT,
    cursor: str | None = None,
) -> Page:
    """Real events (clusters of reports), newest first (or oldest first, for the timeline)."""
    keys = [(func.coalesce(C.c.date, ""), not oldest_first), (C.c.id, False)]
    stmt = select(*(k for k, _ in keys), *C.c)
    if types := _types(type):
        stmt = stmt.where(C.c.type.in_(types))
    stmt = stmt.where(*_date_range(C.c.date, date_from, date_to))
    if oldest_first:
        stmt = stmt.where(C.c.date.is_not(None))
    if divergent is not None:
        stmt = stmt.where(C.c.divergent.is_(divergent))
    if actor:
        stmt = stmt.where(C.c.id.in_(_actor_cluster_ids(actor)))
    with store.engine.connect() as conn:
        rows, nxt = _paged(conn, stmt, keys, (str, str), cursor, limit)
        return {"items": _cluster_items(conn, rows), "next": nxt}


def cluster(store: Store, cluster_id: str) -> Row:
    """One real event with every report of it, its documents and the divergent accounts."""
    with store.engine.connect() as conn:
        r = conn.execute(select(C).where(C.c.id == cluster_id)).first()
        if r is None:
            ev = conn.execute(select(E).where(E.c.id == cluster_id)).first()
            if ev is None:
                raise NotFound(f"no event or event cluster '{cluster_id}'")
            home = conn.execute(select(CE.c.cluster).where(CE.c.event == cluster_id)).scalar()
            if home:
                return {**cluster(store, home), "requested": cluster_id}
            row = {
                "id": ev.id,
                "type": ev.type,
                "date": ev.date,
                "divergent": False,
                "n_events": 1,
                "n_documents": 1,
            }
            reports = _event_items(conn, [ev])
        else:
            row = {k: r._mapping[k] for k in ("id", "type", "date", "n_events", "n_documents")}
            row["divergent"] = bool(r.divergent)
            reports = _event_items(
                conn,
                list(
                    conn.execute(
                        select(E)
                        .where(E.c.id.in_(select(CE.c.event).where(CE.c.cluster == cluster_id)))
                        .order_by(E.c.date, E.c.doc, E.c.start)
                    )
                ),
            )
        acc = list(conn.execute(select(t.cluster_accounts).where(t.cluster_accounts.c.cluster == row["id"])))
        qs = {q["id"]: q for q in _quote_rows(conn, [Q.c.id.in_([a.quote for a in acc])])} if acc else {}
        accounts = _group_accounts(conn, acc, qs)
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
        "participants": participants,
        "reports": reports,
        "accounts": accounts,
        "documents": [{"id": d, **m} for d, m in docs.items()],
    }


def divergent(store: Store, *, limit: int = DEFAULT_LIMIT, cursor: str | None = None) -> Page:
    """Divergent clusters: the accounts of each party side by side."""
    page = clusters(store, divergent=True, limit=limit, cursor=cursor)
    with store.engine.connect() as conn:
        for item in page["items"]:
            acc = list(
                conn.execute(select(t.cluster_accounts).where(t.cluster_accounts.c.cluster == item["id"]))
            )
            qs = {q["id"]: q for q in _quote_rows(conn, [Q.c.id.in_([a.quote for a in acc])])} if acc else {}
            item["accounts"] = _group_accounts(conn, acc, qs)
    return page


def quotes(
    store: Store,
    *,
    speaker: str | None = None,
    about: str | None = None,
    doc: str | None = None,
    kind: str | None = None,
    limit: int = DEFAULT_LIMIT,
    cursor: str | None = None,
) -> Page:
    """Quotes (newest document first); ``speaker``: said by; ``about``: the quote mentions that actor."""
    keys = [(func.coalesce(D.c.published, ""), True), (Q.c.doc, False), (Q.c.start, False), (Q.c.id, False)]
    src: Any = Q.join(D, D.c.id == Q.c.doc)
    where: list[Any] = []
    if speaker:
        src = src.join(L, and_(L.c.doc == Q.c.doc, L.c.entity == Q.c.speaker))
        where.append(L.c.actor == speaker)
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
