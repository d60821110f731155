"""Shared pieces of the read-side queries: cursors, limits, filters, actor labels, row builders."""

from __future__ import annotations

import base64
import json
import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, func, or_, select, tuple_
from sqlalchemy.engine import Connection

from newsgraph.errors import BadRequest, NotFound, err
from newsgraph.queries.evidence import cluster_dates
from newsgraph.queries.modality import Modality
from newsgraph.store import Store
from newsgraph.store import schema as t

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
Row = dict[str, Any]
Page = dict[str, Any]

A, L, E, Q, D, C, CE = t.actors, t.actor_links, t.events, t.quotes, t.documents, t.clusters, t.cluster_events
EA = t.event_actors


def encode_cursor(values: Sequence[Any]) -> str:
    """An opaque cursor for the sort key ``values`` of the last row of a page."""
    raw = json.dumps(list(values), separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str | None, types: Sequence[type]) -> list[Any] | None:
    """The sort key in ``cursor``; :class:`BadRequest` when it is not one of ours."""
    if not cursor:
        return None
    try:
        vals = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, TypeError) as e:
        raise BadRequest("invalid cursor; use the 'next' value of a previous page") from e
    if (
        not isinstance(vals, list)
        or len(vals) != len(types)
        or not all(isinstance(v, ty) and not isinstance(v, bool) for v, ty in zip(vals, types, strict=True))
        or any(isinstance(v, int) and not -(2**63) <= v < 2**63 for v in vals)
    ):
        raise BadRequest("invalid cursor; use the 'next' value of a previous page")
    return vals


def check_limit(limit: int) -> int:
    if not 1 <= int(limit) <= MAX_LIMIT:
        raise BadRequest(f"limit must be between 1 and {MAX_LIMIT}")
    return int(limit)


def check_date(value: str | None, name: str) -> str | None:
    if value in (None, ""):
        return None
    if not _DATE.match(value):  # type: ignore[arg-type]
        raise BadRequest(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def _date_range(col: Any, date_from: str | None, date_to: str | None) -> list[Any]:
    """Filters on a ``YYYY[-MM[-DD]]`` text column; ``date_to`` is inclusive of its prefix."""
    out = []
    if check_date(date_from, "from"):
        out.append(col >= date_from)
    if check_date(date_to, "to"):
        out.append(col <= date_to + "~")  # '~' sorts after digits and '-': 2024-03 covers 2024-03-31
    return out


def _types(value: str | Sequence[str] | None) -> list[str]:
    """Types from ``"A,B"`` or ``["A", "B,C"]`` (upper case, blanks dropped)."""
    if not value:
        return []
    items = [value] if isinstance(value, str) else list(value)
    return [x.strip().upper() for item in items for x in str(item).split(",") if x.strip()]


def _many(value: str | Sequence[str] | None) -> list[str]:
    """One value or several (actor ids, outlets: never split at commas), blanks dropped, in order."""
    if not value:
        return []
    items = [value] if isinstance(value, str) else list(value)
    return list(dict.fromkeys(str(x) for x in items if x and str(x).strip()))


def _outlet_docs(outlets: Sequence[str]) -> Any:
    """Subquery of the ids of the documents from ``outlets``."""
    return select(D.c.id).where(D.c.outlet.in_(list(outlets)))


def _after(keys: Sequence[tuple[Any, bool]], vals: Sequence[Any]) -> Any:
    """Keyset condition: rows strictly after ``vals`` in the order given by ``keys`` (col, desc)."""
    conds = []
    for i, (col, desc) in enumerate(keys):
        eqs = [k == v for (k, _), v in zip(keys[:i], vals[:i], strict=True)]
        conds.append(and_(*eqs, col < vals[i] if desc else col > vals[i]))
    return or_(*conds)


def _order(keys: Sequence[tuple[Any, bool]]) -> list[Any]:
    return [c.desc() if d else c.asc() for c, d in keys]


def _paged(
    conn: Connection,
    stmt: Any,
    keys: Sequence[tuple[Any, bool]],
    types: Sequence[type],
    cursor: str | None,
    limit: int,
) -> tuple[list[Any], str | None]:
    """Run ``stmt`` (whose first len(keys) columns are the sort key) for one page."""
    limit = check_limit(limit)
    vals = decode_cursor(cursor, types)
    if vals is not None:
        stmt = stmt.where(_after(keys, vals))
    rows = list(conn.execute(stmt.order_by(*_order(keys)).limit(limit + 1)))
    nxt = encode_cursor(list(rows[limit - 1][: len(keys)])) if len(rows) > limit else None
    return rows[:limit], nxt


def not_found(code: str, **kw: Any) -> NotFound:
    message, code = err(code, **kw)
    return NotFound(message, code=code)


def resolve_document(store: Store, ref: str) -> str:
    """A document id from a full id, a unique id prefix (4+ characters), a file name or a source id."""
    c = D.c
    with store.engine.connect() as conn:
        ids = [
            r[0]
            for r in conn.execute(
                select(c.id).where((c.id == ref) | (c.file_name == ref) | (c.source_id == ref)).limit(2)
            )
        ]
        if not ids and len(ref) >= 4 and all(ch in "0123456789abcdef" for ch in ref.lower()):
            ids = [r[0] for r in conn.execute(select(c.id).where(c.id.startswith(ref.lower())).limit(2))]
    if not ids:
        raise not_found("NG031", ref=ref)
    if len(ids) > 1:
        message, code = err("NG032", ref=ref, n="several")
        raise BadRequest(message, code=code)
    return str(ids[0])


def resolve_actor(store: Store, ref: str) -> str:
    """A global actor id from an id, a canonical name or an alias (case-insensitive)."""
    ref = (ref or "").strip()
    with store.engine.connect() as conn:
        if conn.execute(select(A.c.id).where(A.c.id == ref)).first():
            return ref
        found = named_actors(conn, ref)
        if found:
            return found[0]
    raise not_found("NG041", ref=ref)


def named_actors(conn: Connection, ref: str) -> list[str]:
    """Actors whose canonical name or an alias is ``ref`` (case-insensitive), the most reported
    first ("Trump": Donald Trump, not a one-document place of that name); a name before an alias."""
    low = ref.strip().casefold()
    AL, S = t.actor_aliases, t.actor_stats
    names = [r[0] for r in conn.execute(select(A.c.id).where(func.lower(A.c.name) == low))]
    aliases = [r[0] for r in conn.execute(select(AL.c.actor).where(func.lower(AL.c.alias) == low))]
    ids = list(dict.fromkeys([*names, *aliases]))
    if len(ids) < 2:
        return ids
    docs = dict(conn.execute(select(S.c.actor, S.c.n_documents).where(S.c.actor.in_(ids))).all())
    return sorted(ids, key=lambda a: (-docs.get(a, 0), a not in names, a))


def _labels(
    conn: Connection, docs: set[str], pairs: set[tuple[str, str]] | None = None
) -> dict[tuple[str, str], Row]:
    """(doc, local entity) -> ``{"id", "name", "type"}`` for every linked entity of ``docs``, or
    only for the (doc, local entity) ``pairs`` when given (a page of events names a few)."""
    if not docs or pairs is not None and not pairs:
        return {}
    stmt = select(L.c.doc, L.c.entity, A.c.id, A.c.name, A.c.type).join(A, A.c.id == L.c.actor)
    if pairs is None:
        stmt = stmt.where(L.c.doc.in_(sorted(docs)))
    else:
        stmt = stmt.where(tuple_(L.c.doc, L.c.entity).in_(sorted(pairs)))
    rows = conn.execute(stmt)
    return {(r.doc, r.entity): {"id": r.id, "name": r.name, "type": r.type} for r in rows}


def _ref(conn: Connection, actor_id: str | None) -> Row | None:
    if not actor_id:
        return None
    r = conn.execute(select(A.c.id, A.c.name, A.c.type).where(A.c.id == actor_id)).first()
    if r is None:
        return {"id": actor_id, "name": actor_id, "type": None}
    return {"id": r.id, "name": r.name, "type": r.type}


def _actor_event_ids(actor_id: str, mod: Modality) -> Any:
    """Subquery of the ids of the events counted under ``mod`` with ``actor_id`` among their
    sources or targets."""
    return select(EA.c.event).where(EA.c.actor == actor_id, *mod.where(EA))


def _actor_cluster_ids(actor_ids: str | Sequence[str], mod: Modality) -> Any:
    """Subquery of the ids of clusters with a report counted under ``mod`` involving one of
    ``actor_ids``."""
    who = EA.c.actor.in_(_many(actor_ids))
    return select(EA.c.cluster).where(who, EA.c.cluster.is_not(None), *mod.where(EA))


def _pair_counts(
    conn: Connection,
    *,
    types: Sequence[str] = (),
    date_from: str | None = None,
    date_to: str | None = None,
    mod: Modality | None = None,
    group_type: bool = True,
    source: str | None = None,
    target: str | None = None,
) -> list[Any]:
    """(source actor ``a``, target actor ``b``[, ``type``]) -> ``n`` distinct real events (clusters) and
    ``reports``, over the event reports matching the filters (``mod``: the negated/hypothetical
    rule; None: every report); ``source``/``target`` fix either side. Reads only ``event_actors``
    (one row per report, actor and side)."""
    s, g = EA.alias("s"), EA.alias("g")
    # the event's own columns are the same on every row of the event: read them from the side
    # that is looked up by actor, whose index covers them
    ev = g if target and not source else s
    real = func.coalesce(ev.c.cluster, ev.c.event)
    cols = [s.c.actor.label("a"), g.c.actor.label("b")] + ([ev.c.type.label("type")] if group_type else [])
    where: list[Any] = [s.c.role == "source", s.c.actor != g.c.actor]
    where += _date_range(ev.c.date, date_from, date_to)
    if types:
        where.append(ev.c.type.in_(list(types)))
    if mod is not None:
        where += mod.where(ev)
    if source:
        where.append(s.c.actor == source)
    if target:
        where.append(g.c.actor == target)
    stmt = (
        select(
            *cols,
            func.count(func.distinct(real)).label("n"),
            func.count(func.distinct(ev.c.event)).label("reports"),
        )
        .select_from(s.join(g, and_(g.c.event == s.c.event, g.c.role == "target")))
        .where(*where)
        .group_by(*cols)
    )
    return list(conn.execute(stmt))


def _doc_meta(conn: Connection, docs: set[str]) -> dict[str, Any]:
    """Title, date, outlet and URL of each of ``docs``."""
    if not docs:
        return {}
    stmt = select(D.c.id, D.c.title, D.c.published, D.c.outlet, D.c.url).where(D.c.id.in_(docs))
    return {d.id: d for d in conn.execute(stmt)}


def _event_items(conn: Connection, rows: Sequence[Any]) -> list[Row]:
    """Event rows as dicts: global actors, the cluster, flags and the evidence with its document."""
    docs = {r.doc for r in rows}
    named = {(r.doc, x) for r in rows for x in [*(r.source or []), *(r.target or []), r.location] if x}
    labels = _labels(conn, docs, named)
    ids = [r.id for r in rows]
    cl = dict(conn.execute(select(CE.c.event, CE.c.cluster).where(CE.c.event.in_(ids))).all()) if ids else {}
    meta = _doc_meta(conn, docs)

    def acts(doc: str, locals_: list[str] | None) -> list[Row]:
        out: list[Row] = []
        for x in locals_ or []:
            a = labels.get((doc, x))
            if a and a not in out:
                out.append(a)
        return out

    items = []
    for r in rows:
        m = meta.get(r.doc)
        item = {k: r._mapping[k] for k in ("id", "type", "mode", "cameo")}
        item.update(source=acts(r.doc, r.source), target=acts(r.doc, r.target))
        item["location"] = labels.get((r.doc, r.location)) if r.location else None
        item.update({k: r._mapping[k] for k in ("date", "date_text", "date_precision", "date_source")})
        item.update(rule=r.rule, modality_cue=r.modality_cue)
        item.update(negated=bool(r.negated), hypothetical=bool(r.hypothetical), confidence=r.confidence)
        item["cluster"] = cl.get(r.id, r.id)
        item["evidence"] = {"doc": r.doc, "start": r.start, "end": r.end, "text": r.text}
        item["evidence"].update(
            {k: getattr(m, k) if m else None for k in ("title", "published", "outlet", "url")}
        )
        items.append(item)
    return items


def _quote_items(conn: Connection, rows: Sequence[Any]) -> list[Row]:
    labels = _labels(conn, {r.doc for r in rows})
    return [
        {
            "id": r.id,
            "kind": r.kind,
            "text": r.text,
            "cue": r.cue,
            "rule": r.rule,
            "speaker_text": r.speaker_text,
            "channel": r.channel,
            "speaker": labels.get((r.doc, r.speaker)) if r.speaker else None,
            "doc": r.doc,
            "doc_title": r.dtitle,
            "published": r.published,
            "start": r.start,
            "end": r.end,
            "confidence": r.confidence,
        }
        for r in rows
    ]


def _quote_rows(conn: Connection, where: list[Any], limit: int = 200) -> list[Row]:
    rows = list(
        conn.execute(
            select(Q, D.c.title.label("dtitle"), D.c.published)
            .join(D, D.c.id == Q.c.doc)
            .where(*where)
            .order_by(Q.c.doc, Q.c.start)
            .limit(limit)
        )
    )
    return _quote_items(conn, rows)


def _group_accounts(conn: Connection, acc: Sequence[Any], qs: dict[str, Row]) -> list[Row]:
    by: dict[str, list[Row]] = defaultdict(list)
    for a in acc:
        q = qs.get(a.quote)
        spk = a.speaker or (q["speaker"]["id"] if q and q["speaker"] else "")
        if q:
            by[spk].append(q)
    return [{"speaker": _ref(conn, s) if s else None, "quotes": v} for s, v in sorted(by.items())]


def _cluster_items(conn: Connection, rows: Sequence[Any]) -> list[Row]:
    ids = [r.id for r in rows]
    firsts = (
        dict(
            conn.execute(
                select(CE.c.cluster, func.min(CE.c.event)).where(CE.c.cluster.in_(ids)).group_by(CE.c.cluster)
            ).all()
        )
        if ids
        else {}
    )
    evs = (
        {
            e["id"]: e
            for e in _event_items(
                conn, list(conn.execute(select(E).where(E.c.id.in_(list(firsts.values())))))
            )
        }
        if firsts
        else {}
    )
    dates = cluster_dates(conn, rows)
    out = []
    for r in rows:
        ev = evs.get(firsts.get(r.id, ""))
        out.append(
            {
                "id": r.id,
                "type": r.type,
                "date": r.date,
                **dates[r.id],
                "divergent": bool(r.divergent),
                "n_events": r.n_events,
                "n_documents": r.n_documents,
                "negated": bool(ev and ev["negated"]),
                "hypothetical": bool(ev and ev["hypothetical"]),
                "summary": ev["evidence"]["text"] if ev else None,
                "source": ev["source"] if ev else [],
                "target": ev["target"] if ev else [],
                "first_report": ev["evidence"] if ev else None,
            }
        )
    return out
