"""The ``quotes`` stage: direct and indirect speech with resolved speakers (see :mod:`newsgraph.quotes`)."""

from __future__ import annotations

from newsgraph.models import AnalyzedDoc
from newsgraph.pipeline.registry import Resources, stage
from newsgraph.quotes.extract import extract_quotes


@stage(
    "quotes",
    requires=("body_spans", "paragraphs", "sentences", "parses", "mentions", "entities"),
    assigns=("quotes",),
)
def quotes_stage(ad: AnalyzedDoc, res: Resources) -> None:
    """Direct and indirect quotes with resolved speakers (speech-cue lexicon, rules over the text and
    the dependency parse)."""
    ad.quotes = extract_quotes(
        ad.text,
        doc_id=ad.doc.id,
        paragraphs=ad.paragraphs,
        mentions=ad.mentions,
        entities=ad.entities,
        body_spans=ad.body_spans,
        lexicon=res.get("speech_verbs"),
        parses=ad.parses,
    )
