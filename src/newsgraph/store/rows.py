"""The rows one analysed document adds to the per-document tables (written in one transaction by
:meth:`newsgraph.store.db.Store.write`). One small function per table."""

from __future__ import annotations

from typing import Any

import newsgraph.store.schema as t
from newsgraph.ingest import dedup
from newsgraph.models import AnalyzedDoc, Event

Rows = list[dict[str, Any]]


def result_rows(ad: AnalyzedDoc) -> list[tuple[Any, Rows]]:
    """(table, rows) for every per-document table, in insertion order."""
    did = ad.doc.id
    return [
        (t.body_spans, [{"doc": did, "start": s.start, "end": s.end} for s in ad.body_spans]),
        (
            t.excluded_spans,
            [{"doc": did, "start": s.start, "end": s.end, "kind": s.kind} for s in ad.excluded_spans],
        ),
        (t.doc_dates, _dates(ad)),
        (
            t.minhash_bands,
            [{"doc": did, "band": b, "hash": h} for b, h in dedup.band_keys(ad.minhash or [])]
            if ad.minhash
            else [],
        ),
        (t.entities, _entities(ad)),
        (t.mentions, _mentions(ad)),
        (t.quotes, _quotes(ad)),
        (t.events, [_event(did, e) for e in {e.id: e for e in ad.events}.values()]),
    ]


def _dates(ad: AnalyzedDoc) -> Rows:
    unique = {(x.start, x.end): x for x in ad.dates if x.start is not None}.values()
    return [
        {
            "doc": ad.doc.id,
            "start": x.start,
            "end": x.end,
            "text": x.text,
            "value": x.value,
            "precision": x.precision,
            "relative": x.relative,
        }
        for x in unique
    ]


def _entities(ad: AnalyzedDoc) -> Rows:
    return [
        {
            "doc": ad.doc.id,
            "local_id": e.id,
            "type": e.type,
            "name": e.name,
            "aliases": e.aliases,
            "titles": e.titles,
            "kb_id": e.kb_id,
            "affiliation": e.affiliation,
            "evidence": e.evidence or None,
        }
        for e in ad.entities
    ]


def _mentions(ad: AnalyzedDoc) -> Rows:
    unique = {(m.start, m.end): m for m in ad.mentions}.values()
    return [
        {
            "doc": ad.doc.id,
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "entity": m.entity,
            "kind": m.kind,
            "type": m.type,
        }
        for m in unique
    ]


def _quotes(ad: AnalyzedDoc) -> Rows:
    return [
        {
            "id": q.id,
            "doc": ad.doc.id,
            "kind": q.kind,
            "start": q.start,
            "end": q.end,
            "text": q.text,
            "speaker": q.speaker,
            "cue": q.cue,
            "cue_start": q.cue_start,
            "channel": q.channel,
            "confidence": q.confidence,
            "rule": q.rule,
            "speaker_text": q.speaker_text,
        }
        for q in {q.id: q for q in ad.quotes}.values()
    ]


def _event(did: str, e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "doc": did,
        "type": e.type,
        "mode": e.mode,
        "cameo": e.cameo,
        "start": e.start,
        "end": e.end,
        "text": e.text,
        "source": e.source,
        "target": e.target,
        "location": e.location,
        "date": e.date,
        "date_precision": e.date_precision,
        "date_text": e.date_text,
        "date_fallback": e.date_fallback,
        "negated": e.negated,
        "hypothetical": e.hypothetical,
        "trigger": e.trigger,
        "confidence": e.confidence,
        "rule": e.rule,
        "modality_cue": e.modality_cue,
        "date_source": e.date_source or date_source(e),
    }


def date_source(e: Any) -> str:
    """Where an event's date came from when the coder did not say (hand-built or older events)."""
    if not e.date:
        return "none"
    return "document" if e.date_fallback else "text"
