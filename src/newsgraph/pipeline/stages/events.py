"""The ``events`` stage: PLOVER events with source/target actors, mode, CAMEO root code, date,
location and negation/hypothetical flags (rule-based, lexicon ``data/lexicon/events.yaml``)."""

from __future__ import annotations

from newsgraph.events import extract_events
from newsgraph.models import AnalyzedDoc
from newsgraph.pipeline.registry import Resources, stage


@stage("events", requires=("body_spans", "sentences", "dates", "entities", "mentions"), assigns=("events",))
def events_stage(ad: AnalyzedDoc, res: Resources) -> None:
    """Events (PLOVER + CAMEO root) with participants, date, place and negation/hypothetical flags."""
    ad.events = extract_events(ad, res.get("event_lexicon"), res.get("kb"))
