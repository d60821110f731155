"""Event coding (PLOVER types, CAMEO root codes) from analysed documents.

:func:`extract_events` is the pure entry point; the ``events`` pipeline stage
(:mod:`newsgraph.pipeline.stages.events`) wraps it.
"""

from __future__ import annotations

from typing import Any

from newsgraph.events.lexicon import EventLexicon, load_lexicon
from newsgraph.models import AnalyzedDoc, Event


def extract_events(
    ad: AnalyzedDoc, lexicon: EventLexicon | None = None, kb: Any | None = None
) -> list[Event]:
    """Events of one analysed document (needs sentences, dates, entities and mentions; uses quotes)."""
    from newsgraph.events.extract import Extractor
    from newsgraph.events.places import PlaceResolver

    lex = lexicon if lexicon is not None else load_lexicon()
    return Extractor(ad, lex, PlaceResolver(ad, kb)).run()


__all__ = ["extract_events", "load_lexicon", "EventLexicon"]
