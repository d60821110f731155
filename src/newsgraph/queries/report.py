"""Read-side summaries used by the CLI (and the web layer): stats and document details."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from newsgraph.store import Store
from newsgraph.store import schema as t


def stats(store: Store) -> dict[str, Any]:
    """Counts over the store. Events are counted as clusters (one per real event)."""
    c = t.documents.c
    with store.engine.connect() as conn:
        n_docs, n_words = conn.execute(select(func.count(), func.coalesce(func.sum(c.n_words), 0))).one()
        dups = conn.execute(select(func.count()).where(c.dup_of.is_not(None))).scalar_one()
        inferred = conn.execute(select(func.count()).where(c.date_inferred.is_(True))).scalar_one()
        undated = conn.execute(select(func.count()).where(c.published.is_(None))).scalar_one()
        by_type = dict(conn.execute(select(t.actors.c.type, func.count()).group_by(t.actors.c.type)).all())
        ev_types = dict(
            conn.execute(select(t.clusters.c.type, func.count()).group_by(t.clusters.c.type)).all()
        )
        q_kinds = dict(conn.execute(select(t.quotes.c.kind, func.count()).group_by(t.quotes.c.kind)).all())
        excl = dict(
            conn.execute(
                select(t.excluded_spans.c.kind, func.count()).group_by(t.excluded_spans.c.kind)
            ).all()
        )
    return {
        "documents": n_docs,
        "words": int(n_words),
        "near_duplicates": dups,
        "dates_inferred": inferred,
        "undated": undated,
        "excluded_spans": excl,
        "actors": sum(by_type.values()),
        "actors_by_type": by_type,
        "mentions": store.count(t.mentions),
        "events": sum(ev_types.values()),
        "events_by_type": ev_types,
        "event_reports": store.count(t.events),
        "divergent_clusters": store.count(t.clusters, t.clusters.c.divergent.is_(True)),
        "quotes": sum(q_kinds.values()),
        "quotes_by_kind": q_kinds,
    }


def stats_text(store: Store) -> str:
    s = stats(store)

    def fmt(d: dict[str, int]) -> str:
        return ", ".join(f"{k} {v}" for k, v in sorted(d.items())) or "-"

    return "\n".join(
        [
            f"documents   {s['documents']:>7}  ({s['words']:,} words; "
            f"{s['near_duplicates']} near-duplicates; "
            f"{s['dates_inferred']} dates inferred; {s['undated']} undated)",
            f"boilerplate {sum(s['excluded_spans'].values()):>7}  ({fmt(s['excluded_spans'])})",
            f"actors      {s['actors']:>7}  ({fmt(s['actors_by_type'])}); {s['mentions']} mentions",
            f"events      {s['events']:>7}  clusters from {s['event_reports']} reports "
            f"({fmt(s['events_by_type'])}); "
            f"{s['divergent_clusters']} divergent",
            f"quotes      {s['quotes']:>7}  ({fmt(s['quotes_by_kind'])})",
        ]
    )


def document_info(store: Store, doc_id: str) -> dict[str, Any]:
    """Everything stored about one document, with the text of each excluded span."""
    d = store.rows(t.documents, t.documents.c.id == doc_id)[0]
    text = d.pop("text")
    d.pop("minhash", None)
    d["duplicate_of"] = d.pop("dup_of")
    body = [
        (r["start"], r["end"])
        for r in store.rows(t.body_spans, t.body_spans.c.doc == doc_id, order_by=t.body_spans.c.start)
    ]
    excl = [
        {**r, "text": text[r["start"] : r["end"]]}
        for r in store.rows(
            t.excluded_spans, t.excluded_spans.c.doc == doc_id, order_by=t.excluded_spans.c.start
        )
    ]
    for r in excl:
        r.pop("doc", None)
    counts = {
        name: store.count(tab, tab.c.doc == doc_id)
        for name, tab in (
            ("mentions", t.mentions),
            ("entities", t.entities),
            ("quotes", t.quotes),
            ("events", t.events),
            ("date expressions", t.doc_dates),
        )
    }
    return {
        "document": d,
        "text": text,
        "body_spans": body,
        "body_chars": sum(e - s for s, e in body),
        "excluded_spans": excl,
        "counts": counts,
    }
