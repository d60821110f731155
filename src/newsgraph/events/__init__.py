"""Event coding (PLOVER types, CAMEO root codes) from analysed documents.

:func:`extract_events` is the pure entry point; the ``events`` pipeline stage
(:mod:`newsgraph.stages.events`) wraps it.
"""

from __future__ import annotations

from typing import Any

from ..models import AnalyzedDoc, Event
from .lexicon import EventLexicon, load_lexicon


def extract_events(
    ad: AnalyzedDoc, lexicon: EventLexicon | None = None, kb: Any | None = None
) -> list[Event]:
    """Events of one analysed document (needs sentences, dates, entities and mentions; uses quotes)."""
    from .extract import Extractor
    from .places import PlaceResolver

    lex = lexicon if lexicon is not None else load_lexicon()
    return Extractor(ad, lex, PlaceResolver(ad, kb)).run()


__all__ = ["extract_events", "load_lexicon", "EventLexicon"]
