"""Queries over documents: lists, one document with everything in it, full-text search, overview."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError

import newsgraph.queries.search_syntax as syntax
from newsgraph.errors import BadRequest
from newsgraph.queries.base import (
    DEFAULT_LIMIT,
    D,
    E,
    Page,
    Q,
    Row,
    _date_range,
    _event_items,
    _labels,
    _many,
    _paged,
    _quote_rows,
    check_limit,
    decode_cursor,
    encode_cursor,
    resolve_document,
)
from newsgraph.queries.profiles import actors
from newsgraph.queries.records import clusters, divergent
from newsgraph.store import Store
from newsgraph.store import schema as t

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MARK_A, _MARK_B = "\x02", "\x03"  # snippet match markers (never in stored text)


def documents(
    store: Store,
    *,
    outlet: str | Sequence[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = DEFAULT_LIMIT,
    cursor: str | None = None,
) -> Page:
    """Documents, newest first; ``outlet`` takes one outlet or several."""
    keys = [(func.coalesce(D.c.published, ""), True), (D.c.id, False)]
    stmt = select(
        *(k for k, _ in keys),
        D.c.title,
        D.c.outlet,
        D.c.url,
        D.c.published,
        D.c.file_name,
        D.c.n_words,
        D.c.dup_of,
        D.c.date_inferred,
    )
    if outlets := _many(outlet):
        stmt = stmt.where(D.c.outlet.in_(outlets))
    stmt = stmt.where(*_date_range(D.c.published, date_from, date_to))
    with store.engine.connect() as conn:
        rows, nxt = _paged(conn, stmt, keys, (str, str), cursor, limit)
    return {
        "items": [
            {
                "id": r.id,
                "title": r.title,
                "outlet": r.outlet,
                "url": r.url,
                "published": r.published,
                "date_inferred": bool(r.date_inferred),
                "file_name": r.file_name,
                "n_words": r.n_words,
                "duplicate_of": r.dup_of,
            }
            for r in rows
        ],
        "next": nxt,
    }


_META = ("id", "title", "path", "file_name", "outlet", "url", "published", "lang", "source_id", "n_words")


def document(store: Store, ref: str) -> Row:
    """One document: metadata, text, body and excluded spans, mentions, quotes and events (every
    event, flagged: this is the record of what was read in the document)."""
    doc_id = resolve_document(store, ref)
    with store.engine.connect() as conn:
        d = conn.execute(select(D).where(D.c.id == doc_id)).one()
        bs, xs = t.body_spans.c, t.excluded_spans.c
        body = [
            [s, e]
            for s, e in conn.execute(select(bs.start, bs.end).where(bs.doc == doc_id).order_by(bs.start))
        ]
        excl = [
            {"start": s, "end": e, "kind": k}
            for s, e, k in conn.execute(
                select(xs.start, xs.end, xs.kind).where(xs.doc == doc_id).order_by(xs.start)
            )
        ]
        mentions = _mentions(conn, doc_id)
        qs = _quote_rows(conn, [Q.c.doc == doc_id], limit=100_000)
        evs = _event_items(
            conn, list(conn.execute(select(E).where(E.c.doc == doc_id).order_by(E.c.start, E.c.id)))
        )
    meta = {k: d._mapping[k] for k in (*_META, "pipeline", "ingested_at")}
    meta.update(date_inferred=bool(d.date_inferred), duplicate_of=d.dup_of)
    return {
        "document": meta,
        "text": d.text,
        "body_spans": body,
        "excluded_spans": excl,
        "mentions": mentions,
        "quotes": qs,
        "events": evs,
    }


def _mentions(conn: Any, doc_id: str) -> list[Row]:
    labels = _labels(conn, {doc_id})
    M = t.mentions
    return [
        {
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "kind": m.kind,
            "actor": labels.get((doc_id, m.entity)),
        }
        for m in conn.execute(select(M).where(M.c.doc == doc_id).order_by(M.c.start))
    ]


def _snippet_parts(s: str | None) -> list[list[Any]]:
    """FTS snippet with private markers -> ``[[text, is_match], ...]``."""
    parts: list[list[Any]] = []
    for i, chunk in enumerate(re.split(f"[{_MARK_A}{_MARK_B}]", s or "")):
        if chunk:
            parts.append([chunk, i % 2 == 1])
    return parts


def search(store: Store, q: str, *, limit: int = 20, cursor: str | None = None) -> Page:
    """Full text over documents and quotes: documents first, then quotes (``kind`` says which).
    ``q`` takes phrases, OR, NOT and prefixes (:mod:`newsgraph.queries.search_syntax`); a query
    that is not valid is :class:`BadRequest` with a message saying what to change."""
    limit = check_limit(limit)
    q = _CONTROL.sub(" ", q or "").strip()
    if not q:
        raise BadRequest("q must not be empty")
    phase, off = decode_cursor(cursor, (str, int)) or ["d", 0]
    if phase not in ("d", "q") or off < 0:
        raise BadRequest("invalid cursor; use the 'next' value of a previous page")
    tree = syntax.parse(q)
    fq = syntax.to_fts5(tree) if store.dialect == "sqlite" else syntax.to_tsquery(tree)
    items: list[Row] = []
    nxt = None
    if fq:  # on PostgreSQL a query of punctuation only has no word left: it matches nothing
        try:
            items, nxt = _search_pages(store, fq=fq, phase=phase, off=off, limit=limit)
        except OperationalError as e:  # pragma: no cover - the parser only writes valid queries
            raise BadRequest("cannot search for that text; try plain words") from e
    for it in items:
        it["snippet"] = "".join(p[0] for p in it["snippet_parts"])
    page: Page = {"items": items, "next": nxt}
    if cursor is None:
        page["actors"] = _named(store, syntax.terms(tree))
    return page


def _named(store: Store, terms: list[str], most: int = 10) -> list[Row]:
    """Actors whose name or an alias contains one of the first three ``terms``."""
    found: dict[str, Row] = {}
    for term in terms[:3]:
        for a in actors(store, q=term, limit=most)["items"]:
            found.setdefault(a["id"], a)
    return sorted(found.values(), key=lambda a: -a["n_documents"])[:most]


def _search_pages(store: Store, *, fq: str, phase: str, off: int, limit: int) -> tuple[list[Row], str | None]:
    items: list[Row] = []
    nxt: str | None = None
    with store.engine.connect() as conn:
        if phase == "d":
            args = {"q": fq, "n": limit + 1, "o": off}
            rows = list(conn.execute(_search_docs(store), args))
            items += [
                {
                    "kind": "document",
                    "doc": r.doc,
                    "title": r.title,
                    "published": r.published,
                    "snippet_parts": _snippet_parts(r.snip),
                }
                for r in rows[:limit]
            ]
            if len(rows) > limit:
                nxt = encode_cursor(["d", off + limit])
            elif len(items) == limit and _any_quote(conn, store, fq):
                nxt = encode_cursor(["q", 0])  # the documents fill this page exactly: quotes follow
            off = 0
        if nxt is None and len(items) < limit:
            room = limit - len(items)
            rows = list(conn.execute(_search_quotes(store), {"q": fq, "n": room + 1, "o": off}))
            labels = _labels(conn, {r.doc for r in rows})
            items += [
                {
                    "kind": "quote",
                    "quote": r.quote,
                    "doc": r.doc,
                    "title": r.title,
                    "published": r.published,
                    "start": r.start,
                    "text": r.text,
                    "speaker": labels.get((r.doc, r.speaker)),
                    "snippet_parts": _snippet_parts(r.snip),
                }
                for r in rows[:room]
            ]
            if len(rows) > room:
                nxt = encode_cursor(["q", off + room])
    return items, nxt


def _any_quote(conn: Any, store: Store, fq: str) -> bool:
    return conn.execute(_search_quotes(store), {"q": fq, "n": 1, "o": 0}).first() is not None


def _search_docs(store: Store) -> Any:
    if store.dialect == "sqlite":
        return text(
            "SELECT f.doc AS doc, d.title AS title, d.published AS published, "
            f"snippet(documents_fts, 2, '{_MARK_A}', '{_MARK_B}', ' … ', 16) AS snip "
            "FROM documents_fts f JOIN documents d ON d.id = f.doc WHERE documents_fts MATCH :q "
            "ORDER BY f.rank LIMIT :n OFFSET :o"
        )
    return text(
        "SELECT id AS doc, title, published, "
        "ts_headline('english', text, to_tsquery('english', :q), "
        f"'StartSel={_MARK_A}, StopSel={_MARK_B}, MaxWords=30') AS snip FROM documents "
        "WHERE to_tsvector('english', coalesce(title, '') || ' ' || text) "
        "@@ to_tsquery('english', :q) ORDER BY id LIMIT :n OFFSET :o"
    )


def _search_quotes(store: Store) -> Any:
    if store.dialect == "sqlite":
        return text(
            "SELECT f.quote AS quote, q.doc AS doc, q.text AS text, q.start AS start, "
            "q.speaker AS speaker, d.title AS title, d.published AS published, "
            f"snippet(quotes_fts, 2, '{_MARK_A}', '{_MARK_B}', ' … ', 24) AS snip "
            "FROM quotes_fts f JOIN quotes q ON q.id = f.quote JOIN documents d ON d.id = q.doc "
            "WHERE quotes_fts MATCH :q ORDER BY f.rank LIMIT :n OFFSET :o"
        )
    return text(
        "SELECT q.id AS quote, q.doc, q.text, q.start, q.speaker, d.title, d.published, "
        "ts_headline('english', q.text, to_tsquery('english', :q), "
        f"'StartSel={_MARK_A}, StopSel={_MARK_B}') AS snip "
        "FROM quotes q JOIN documents d ON d.id = q.doc "
        "WHERE to_tsvector('english', q.text) @@ to_tsquery('english', :q) "
        "ORDER BY q.id LIMIT :n OFFSET :o"
    )


def overview(store: Store, *, include_negated: bool = False, include_hypothetical: bool = False) -> Row:
    """Counts, the most-reported actors and the latest real events (cached until the data change)."""
    from newsgraph.queries.cache import cached

    flags = {"include_negated": include_negated, "include_hypothetical": include_hypothetical}
    key = ("overview", str(include_negated), str(include_hypothetical))
    return cached(store, key, lambda: _overview(store, flags))


def _overview(store: Store, flags: dict[str, bool]) -> Row:
    from newsgraph.queries.report import stats

    return {
        "stats": stats(store, **flags),
        "top_actors": actors(store, sort="documents", limit=12)["items"],
        "latest_events": clusters(store, limit=10, **flags)["items"],
        "divergent": divergent(store, limit=5, **flags)["items"],
    }


def outlets(store: Store) -> list[Row]:
    """Every outlet with its number of documents, most first (the choices of the outlet filters)."""
    from newsgraph.queries.cache import cached

    def compute() -> Row:
        with store.engine.connect() as conn:
            stmt = select(D.c.outlet, func.count()).where(D.c.outlet.is_not(None)).group_by(D.c.outlet)
            rows = sorted(conn.execute(stmt).all(), key=lambda r: (-r[1], r[0]))
        return {"items": [{"outlet": o, "n_documents": n} for o, n in rows]}

    return list(cached(store, ("outlets",), compute)["items"])


def document_ids_at(store: Store, path: str) -> list[str]:
    """The ids of the documents read from the file ``path``."""
    with store.engine.connect() as conn:
        return [r[0] for r in conn.execute(select(D.c.id).where(D.c.path == path).order_by(D.c.id))]
