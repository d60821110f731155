"""Read-side summaries used by the CLI (and the web layer): stats and document details."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from newsgraph.queries.modality import modality
from newsgraph.store import Store
from newsgraph.store import schema as t


def stats(
    store: Store, *, include_negated: bool = False, include_hypothetical: bool = False
) -> dict[str, Any]:
    """Counts over the store. Events are counted as clusters (one per real event) and reports,
    negated and hypothetical ones only when included (:mod:`newsgraph.queries.modality`);
    ``flagged_reports`` counts those whatever the filter."""
    mod = modality(include_negated, include_hypothetical)
    c, C, E = t.documents.c, t.clusters, t.events
    with store.engine.connect() as conn:
        n_docs, n_words = conn.execute(select(func.count(), func.coalesce(func.sum(c.n_words), 0))).one()
        by_type = dict(conn.execute(select(t.actors.c.type, func.count()).group_by(t.actors.c.type)).all())
        ev_types = dict(
            conn.execute(
                select(C.c.type, func.count()).where(*mod.clusters_where(C.c.id)).group_by(C.c.type)
            ).all()
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
        "near_duplicates": store.count(t.documents, c.dup_of.is_not(None)),
        "dates_inferred": store.count(t.documents, c.date_inferred.is_(True)),
        "undated": store.count(t.documents, c.published.is_(None)),
        "excluded_spans": excl,
        "actors": sum(by_type.values()),
        "actors_by_type": by_type,
        "mentions": store.count(t.mentions),
        "events": sum(ev_types.values()),
        "events_by_type": ev_types,
        "event_reports": store.count(E, *mod.where(E)),
        "flagged_reports": {
            "negated": store.count(E, E.c.negated.is_(True)),
            "hypothetical": store.count(E, E.c.hypothetical.is_(True)),
        },
        "divergent_clusters": store.count(C, C.c.divergent.is_(True), *mod.clusters_where(C.c.id)),
        "quotes": sum(q_kinds.values()),
        "quotes_by_kind": q_kinds,
    }


def stats_text(store: Store, *, include_negated: bool = False, include_hypothetical: bool = False) -> str:
    s = stats(store, include_negated=include_negated, include_hypothetical=include_hypothetical)

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
            f"{s['divergent_clusters']} divergent; "
            f"left out: {_left_out(s, include_negated, include_hypothetical)}",
            f"quotes      {s['quotes']:>7}  ({fmt(s['quotes_by_kind'])})",
        ]
    )


def _left_out(s: dict[str, Any], include_negated: bool, include_hypothetical: bool) -> str:
    flagged = s["flagged_reports"]
    parts = [
        f"{flagged[k]} {k}"
        for k, inc in (("negated", include_negated), ("hypothetical", include_hypothetical))
        if not inc
    ]
    return (", ".join(parts) + " reports") if parts else "none"


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
