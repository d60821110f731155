"""Document stages: clean (body vs boilerplate), segment, docdate (document date), fingerprint."""

from __future__ import annotations

from newsgraph.ingest import datelines
from newsgraph.ingest.clean import clean
from newsgraph.models import AnalyzedDoc, Span
from newsgraph.pipeline.registry import Resources, stage
from newsgraph.text.dates import find_dates, infer_document_date, parse_date
from newsgraph.text.util import MAX_PARAGRAPH, cap_spans, paragraphs, split_sentences


@stage("clean", requires=("text",), assigns=("body_spans", "excluded_spans"))
def clean_stage(ad: AnalyzedDoc, res: Resources) -> None:
    """Separate the article body from boilerplate, keeping offsets."""
    ad.body_spans, ad.excluded_spans = clean(ad.text, ad.doc.title)


def _clip(paras: list[Span], body: list[Span]) -> list[Span]:
    """The parts of ``paras`` inside ``body`` (both sorted): one merge-like sweep."""
    out = []
    body = sorted(body)
    j = 0
    for p in paras:
        while j < len(body) and body[j].end <= p.start:
            j += 1
        k = j
        while k < len(body) and body[k].start < p.end:
            s, e = max(p.start, body[k].start), min(p.end, body[k].end)
            if e > s:
                out.append(Span(s, e))
            k += 1
    return out


@stage("segment", requires=("body_spans",), assigns=("paragraphs", "sentences"))
def segment_stage(ad: AnalyzedDoc, res: Resources) -> None:
    """Paragraphs and sentences of the body (rule-based); a paragraph longer than
    ``MAX_PARAGRAPH`` characters (text without breaks) is cut into pieces."""
    paras = cap_spans(ad.text, _clip(paragraphs(ad.text), ad.body_spans), MAX_PARAGRAPH)
    ad.paragraphs = paras
    ad.sentences = [s for p in paras for s in split_sentences(ad.text, p)]


def _dateline_date(ad: AnalyzedDoc) -> str | None:
    """The first full date written in a dateline of the document (``YYYY-MM-DD``)."""
    for x in ad.excluded_spans:
        if x.kind == "dateline":
            written = datelines.date_text(ad.text[x.start : x.end])
            day = parse_date(written) if written else None
            if day is not None:
                return day.isoformat()
    return None


@stage("docdate", requires=("body_spans", "excluded_spans"), assigns=("dates",))
def docdate_stage(ad: AnalyzedDoc, res: Resources) -> None:
    """Document date from metadata, else from a dateline, else inferred from the text (both flagged
    as inferred); all date expressions."""
    d = ad.doc
    anchor = parse_date(d.published) if d.published else None
    if anchor is None and (stated := _dateline_date(ad)) is not None:
        anchor, d.published, d.date_inferred = parse_date(stated), stated, True
    if anchor is None:
        d.published = None
        inferred = infer_document_date(ad.text, ad.body_spans)
        if inferred is not None and inferred.precision == "day":
            anchor = parse_date(inferred.value)
            d.published = inferred.value
            d.date_inferred = True
    ad.dates = find_dates(ad.text, ad.body_spans, anchor)


@stage("fingerprint", requires=("body_spans",), assigns=("minhash",))
def fingerprint_stage(ad: AnalyzedDoc, res: Resources) -> None:
    """MinHash signature of the body, for near-duplicate detection."""
    ad.minhash = res.get("minhasher").signature(ad.text, ad.body_spans)
