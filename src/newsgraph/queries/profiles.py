"""Queries over actors: the list, one actor's profile, finding actors by name, link evidence."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from newsgraph.errors import BadRequest
from newsgraph.queries.base import (
    DEFAULT_LIMIT,
    EA,
    A,
    D,
    L,
    Page,
    Row,
    _paged,
    _ref,
    _types,
    named_actors,
    not_found,
)
from newsgraph.queries.cache import HEAVY_DOCUMENTS, cached
from newsgraph.queries.modality import FACTUAL, Modality, modality
from newsgraph.queries.records import events, quotes
from newsgraph.store import Store
from newsgraph.store import schema as t

AL, R, S = t.actor_aliases, t.roles, t.actor_stats


def _like(q: str) -> str:
    return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def actors(
    store: Store,
    *,
    type: str | None = None,
    q: str | None = None,
    sort: str = "documents",
    limit: int = DEFAULT_LIMIT,
    cursor: str | None = None,
) -> Page:
    """Actors with their numbers of documents and mentions, aliases (most used first) and titles;
    ``sort`` is ``documents`` (most first) or ``name``."""
    n = func.coalesce(S.c.n_documents, 0)
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
        func.coalesce(S.c.n_mentions, 0).label("n_mentions"),
    ).select_from(A.outerjoin(S, S.c.actor == A.c.id))
    if type:
        stmt = stmt.where(A.c.type.in_(_types(type)))
    if q:
        like = _like(q)
        stmt = stmt.where(
            A.c.id.in_(select(AL.c.actor).where(AL.c.alias.ilike(like, escape="\\")))
            | A.c.name.ilike(like, escape="\\")
        )
    with store.engine.connect() as conn:
        rows, nxt = _paged(conn, stmt, keys, types, cursor, limit)
        return {"items": _actor_items(conn, rows), "next": nxt}


def _actor_items(conn: Connection, rows: list[Any]) -> list[Row]:
    ids = [r.id for r in rows]
    aff = {
        r.id: r.name
        for r in conn.execute(
            select(A.c.id, A.c.name).where(A.c.id.in_({r.affiliation for r in rows if r.affiliation}))
        )
    }
    aliases: dict[str, list[str]] = defaultdict(list)
    for r in conn.execute(
        select(AL.c.actor, AL.c.alias).where(AL.c.actor.in_(ids)).order_by(AL.c.count.desc(), AL.c.alias)
    ):
        aliases[r.actor].append(r.alias)
    titles: dict[str, set[str]] = defaultdict(set)
    for r in conn.execute(select(R.c.actor, R.c.title).where(R.c.actor.in_(ids)).distinct()):
        titles[r.actor].add(r.title)
    return [
        {
            "id": r.id,
            "type": r.type,
            "name": r.aname,
            "kb_id": r.kb_id,
            "affiliation": {"id": r.affiliation, "name": aff.get(r.affiliation, r.affiliation)}
            if r.affiliation
            else None,
            "n_documents": int(r.n_documents),
            "n_mentions": int(r.n_mentions),
            "aliases": aliases.get(r.id, []),
            "titles": sorted(titles.get(r.id, ())),
        }
        for r in rows
    ]


def heavy_actors(store: Store, top_n: int = 50) -> list[str]:
    """The ``top_n`` most reported actors in at least :data:`HEAVY_DOCUMENTS` documents."""
    with store.engine.connect() as conn:
        return [
            r[0]
            for r in conn.execute(
                select(S.c.actor)
                .where(S.c.n_documents >= HEAVY_DOCUMENTS)
                .order_by(S.c.n_documents.desc(), S.c.actor)
                .limit(top_n)
            )
        ]


def actor_aggregates(store: Store, actor_id: str, mod: Modality = FACTUAL) -> Row:
    """``{"n_documents", "n_mentions", "event_types": {type: reports},
    "partners": {actor: {"as_source", "as_target"}}}``, counted under ``mod``.

    The link pass stores the counts over every report (table ``actor_stats``, one row however
    often the actor is reported); the reports the rule leaves out are found through the
    actor's index of ``event_actors`` and subtracted. That is exact because a real event's
    reports share their flags (see :mod:`newsgraph.queries.modality`)."""
    with store.engine.connect() as conn:
        r = conn.execute(select(S).where(S.c.actor == actor_id)).first()
        if r is None:  # an actor with no documents (or a database being rebuilt)
            return {"n_documents": 0, "n_mentions": 0, "event_types": {}, "partners": {}}
        types = dict(r.event_types or {})
        partners = {k: dict(v) for k, v in (r.partners or {}).items()}
        if not mod.everything:
            _subtract_excluded(conn, actor_id, mod, types, partners)
    return {
        "n_documents": int(r.n_documents),
        "n_mentions": int(r.n_mentions),
        "event_types": dict(sorted((k, v) for k, v in types.items() if v > 0)),
        "partners": {k: v for k, v in partners.items() if v.get("as_source") or v.get("as_target")},
    }


def _subtract_excluded(
    conn: Connection,
    actor_id: str,
    mod: Modality,
    types: dict[str, int],
    partners: dict[str, dict[str, int]],
) -> None:
    """Take the reports ``mod`` leaves out off the stored counts: reports by type, and real events
    by counterpart and side (as ``actor_stats`` counts them)."""
    x = EA.alias("x")
    # the actor's left-out reports, from the index that covers date, event, type and flags
    out = list(conn.execute(select(x.c.event, x.c.type).where(x.c.actor == actor_id, mod.excluded(x))))
    if not out:
        return
    by_type: dict[str, set[str]] = defaultdict(set)
    for ev, ty in out:
        by_type[ty].add(ev)
    for ty, evs in by_type.items():
        types[ty] = types.get(ty, 0) - len(evs)
    sides: dict[str, tuple[str, list[str], list[str]]] = {}
    ids = sorted({ev for ev, _ in out})
    for i in range(0, len(ids), 500):
        for r in conn.execute(
            select(EA.c.event, EA.c.actor, EA.c.role, EA.c.cluster).where(EA.c.event.in_(ids[i : i + 500]))
        ):
            rec = sides.setdefault(r.event, (r.cluster or r.event, [], []))
            rec[1 if r.role == "source" else 2].append(r.actor)
    reals: dict[tuple[str, str], set[str]] = defaultdict(set)
    for real, sources, targets in sides.values():
        for a in sources:
            for b in targets:
                if a != b and actor_id in (a, b):
                    reals[(b, "as_source") if a == actor_id else (a, "as_target")].add(real)
    for (other, side), rs in reals.items():
        rec = partners.setdefault(other, {"as_source": 0, "as_target": 0})
        rec[side] = rec.get(side, 0) - len(rs)


def actor(
    store: Store,
    actor_id: str,
    *,
    n_items: int = 20,
    include_negated: bool = False,
    include_hypothetical: bool = False,
) -> Row:
    """An actor's profile: aliases, titles with their sources, affiliation, members, counts of
    event reports by type and counterparts, the latest quotes and events."""
    mod = modality(include_negated, include_hypothetical)
    with store.engine.connect() as conn:
        n_docs = conn.execute(select(S.c.n_documents).where(S.c.actor == actor_id)).scalar() or 0
    if n_docs >= HEAVY_DOCUMENTS:
        key = ("actor", actor_id, str(n_items), str(mod.include_negated), str(mod.include_hypothetical))
        return cached(store, key, lambda: _actor(store, actor_id, n_items, mod))
    return _actor(store, actor_id, n_items, mod)


def _actor(store: Store, actor_id: str, n_items: int, mod: Modality) -> Row:
    with store.engine.connect() as conn:
        r = conn.execute(select(A).where(A.c.id == actor_id)).first()
        if r is None:
            raise not_found("NG041", ref=actor_id)
        roles = _roles(conn, actor_id)
        out: Row = {
            "id": r.id,
            "type": r.type,
            "name": r.name,
            "kb_id": r.kb_id,
            "affiliation": _ref(conn, r.affiliation),
            "aliases": [
                {"alias": a.alias, "count": a.count}
                for a in conn.execute(
                    select(AL).where(AL.c.actor == actor_id).order_by(AL.c.count.desc(), AL.c.alias)
                )
            ],
            "roles": roles,
            "titles": _titles(conn, actor_id, roles),
            "members": [
                {"id": m.id, "name": m.name, "type": m.type}
                for m in conn.execute(
                    select(A.c.id, A.c.name, A.c.type)
                    .where(A.c.affiliation == actor_id)
                    .order_by(A.c.name)
                    .limit(200)
                )
            ],
        }
    agg = actor_aggregates(store, actor_id, mod)
    out.update(n_documents=agg["n_documents"], n_mentions=agg["n_mentions"], event_types=agg["event_types"])
    out["counterparts"] = _counterparts(store, agg["partners"])
    out["quotes"] = quotes(store, speaker=actor_id, limit=n_items)
    out["events"] = events(store, actor=actor_id, limit=n_items, **mod.params())
    return out


def _roles(conn: Connection, actor_id: str) -> list[Row]:
    return [
        {
            "title": x.title,
            "doc": x.doc,
            "doc_title": x.dtitle,
            "file_name": x.file_name,
            "published": x.published,
        }
        for x in conn.execute(
            select(R.c.title, R.c.doc, D.c.title.label("dtitle"), D.c.file_name, D.c.published)
            .join(D, D.c.id == R.c.doc)
            .where(R.c.actor == actor_id)
            .order_by(func.coalesce(D.c.published, "").desc(), R.c.title)
            .limit(200)
        )
    ]


def _titles(conn: Connection, actor_id: str, roles: list[Row]) -> list[Row]:
    """Each title with the number of documents that give it and up to three of them."""
    counts = dict(
        conn.execute(select(R.c.title, func.count()).where(R.c.actor == actor_id).group_by(R.c.title)).all()
    )
    titles: dict[str, Row] = {}
    for x in roles:
        rec = titles.setdefault(
            x["title"], {"title": x["title"], "count": counts.get(x["title"], 0), "sources": []}
        )
        if len(rec["sources"]) < 3:
            rec["sources"].append({k: x[k] for k in ("doc", "doc_title", "published")})
    return sorted(titles.values(), key=lambda x: -x["count"])


def _counterparts(store: Store, partners: dict[str, dict[str, int]]) -> list[Row]:
    top = sorted(partners.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:15]
    with store.engine.connect() as conn:
        return [
            {**(_ref(conn, k) or {}), "as_source": c.get("as_source", 0), "as_target": c.get("as_target", 0)}
            for k, c in top
        ]


def actor_name(store: Store, ref: str) -> str | None:
    """The name of the actor ``ref`` (an id, name or alias), or None when there is none."""
    from newsgraph.errors import NotFound
    from newsgraph.queries.base import resolve_actor

    try:
        aid = resolve_actor(store, ref)
    except NotFound:
        return None
    with store.engine.connect() as conn:
        return conn.execute(select(A.c.name).where(A.c.id == aid)).scalar()


def find_actors(store: Store, ref: str) -> list[str]:
    """Actor ids matching ``ref``: its id, else a name or alias (case-insensitive), else names that
    are spelling variants or short forms of it (``newsgraph.text.names``), else a substring."""
    from newsgraph.actors.kb import fold
    from newsgraph.text.names import PARTIAL, compare_names

    with store.engine.connect() as conn:
        if conn.execute(select(A.c.id).where(A.c.id == ref.strip())).first():
            return [ref.strip()]
        exact = named_actors(conn, ref)
        if exact:
            return exact
        rows = conn.execute(select(AL.c.actor, AL.c.alias, A.c.type).join(A, A.c.id == AL.c.actor)).all()
    scored: dict[str, float] = {}
    for actor_id, alias, typ in rows:
        s = compare_names(ref, alias).score if typ == "PERSON" else 0.0
        if s < PARTIAL and fold(ref) and fold(ref) in fold(alias):
            s = PARTIAL
        if s >= PARTIAL:
            scored[actor_id] = max(scored.get(actor_id, 0.0), s)
    return sorted(scored, key=lambda a: -scored[a])


def actor_links(store: Store, actor_id: str) -> list[Row]:
    """The evidence that linked each document-local entity to ``actor_id`` (``newsgraph actor --why``):
    the document, the entity, its names and the rule, score and context that decided."""
    with store.engine.connect() as conn:
        docs = {
            r.id: {"doc": r.id, "file_name": r.file_name, "doc_title": r.title, "published": r.published}
            for r in conn.execute(
                select(D.c.id, D.c.file_name, D.c.title, D.c.published).where(
                    D.c.id.in_(select(L.c.doc).where(L.c.actor == actor_id))
                )
            )
        }
        links = []
        for r in conn.execute(select(L).where(L.c.actor == actor_id).order_by(L.c.doc, L.c.entity)):
            ev = dict(r.evidence or {})
            links.append(
                {
                    **docs.get(r.doc, {"doc": r.doc}),
                    "entity": r.entity,
                    "names": ev.pop("names", []),
                    "evidence": ev,
                }
            )
    return links


__all__ = ["actor", "actor_aggregates", "actor_name", "actor_links", "actors", "find_actors", "heavy_actors"]
