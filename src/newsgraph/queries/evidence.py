"""What the event pages show of a report's evidence: the sentence in its paragraph with the actors
it names marked, and the date of a real event with its precision and where it came from."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from newsgraph.store import schema as t

Row = dict[str, Any]
CONTEXT = 240  # characters of the paragraph shown on each side of an evidence sentence
#: how a date source reads on the pages (``date_source`` of an event report)
DATE_SOURCES = {
    "text": "stated in the text",
    "document": "publication date: the text does not state it",
    "none": "undated",
}


def cluster_dates(conn: Connection, clusters: Sequence[Any]) -> dict[str, Row]:
    """Cluster id -> ``{"date_precision", "date_source"}`` of its date: those of the report whose
    date is the cluster's date, a date stated in the text before a publication date."""
    by_id = {c.id: c.date for c in clusters}
    if not by_id:
        return {}
    E, CE = t.events, t.cluster_events
    stmt = (
        select(CE.c.cluster, E.c.date, E.c.date_precision, E.c.date_source, E.c.date_fallback)
        .join(E, E.c.id == CE.c.event)
        .where(CE.c.cluster.in_(list(by_id)))
    )
    best: dict[str, tuple[int, Row]] = {}
    for r in conn.execute(stmt):
        if r.date != by_id.get(r.cluster):
            continue
        source = r.date_source or ("document" if r.date_fallback else "text")
        rank = 0 if source == "text" else 1
        if r.cluster not in best or rank < best[r.cluster][0]:
            best[r.cluster] = (rank, {"date_precision": r.date_precision, "date_source": source})
    empty = {"date_precision": None, "date_source": "none"}
    return {cid: best[cid][1] if cid in best else dict(empty) for cid in by_id}


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the text shown around ``[start, end)``: its paragraph, at most :data:`CONTEXT`
    characters on each side (cut at a word)."""
    a = text.rfind("\n\n", 0, start)
    a = 0 if a < 0 else a + 2
    b = text.find("\n\n", end)
    b = len(text) if b < 0 else b
    if start - a > CONTEXT:
        a = text.find(" ", start - CONTEXT, start) + 1 or start - CONTEXT
    if b - end > CONTEXT:
        cut = text.rfind(" ", end, end + CONTEXT)
        b = cut if cut > end else end + CONTEXT
    return a, b


def _parts(text: str, start: int, end: int, marks: list[tuple[int, int, str]]) -> list[list[Any]]:
    """``text[start:end]`` as ``[[piece, role or None], ...]`` with the ``marks`` (non-overlapping,
    inside the range) set apart."""
    out: list[list[Any]] = []
    pos = start
    for a, b, role in sorted(marks):
        if a < pos or b > end:
            continue
        if a > pos:
            out.append([text[pos:a], None])
        out.append([text[a:b], role])
        pos = b
    if pos < end:
        out.append([text[pos:end], None])
    return out


def add_context(conn: Connection, reports: list[Row], rows: Sequence[Any]) -> None:
    """Give each report's evidence ``before`` / ``after`` (the rest of its paragraph, cut) and
    ``parts`` (the sentence with the mentions of its source, target and location actors marked by
    role). ``rows`` are the reports' ``events`` rows (document-local actor ids)."""
    docs = sorted({r.doc for r in rows})
    if not docs:
        return
    D, M = t.documents, t.mentions
    texts = dict(conn.execute(select(D.c.id, D.c.text).where(D.c.id.in_(docs))).all())
    mentions: dict[str, list[Any]] = defaultdict(list)
    for m in conn.execute(select(M.c.doc, M.c.start, M.c.end, M.c.entity).where(M.c.doc.in_(docs))):
        mentions[m.doc].append(m)
    by_id = {r.id: r for r in rows}
    for rep in reports:
        r = by_id.get(rep["id"])
        text = texts.get(r.doc) if r is not None else None
        if r is None or text is None:
            continue
        roles = {x: "target" for x in r.target or []}
        roles.update({x: "source" for x in r.source or []})
        if r.location:
            roles.setdefault(r.location, "location")
        marks = [
            (m.start, m.end, roles[m.entity])
            for m in mentions[r.doc]
            if m.entity in roles and r.start <= m.start and m.end <= r.end
        ]
        a, b = _paragraph(text, r.start, r.end)
        rep["evidence"].update(
            before=text[a : r.start], after=text[r.end : b], parts=_parts(text, r.start, r.end, marks)
        )


__all__ = ["CONTEXT", "DATE_SOURCES", "add_context", "cluster_dates"]
