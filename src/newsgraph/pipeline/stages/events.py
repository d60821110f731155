"""The ``events`` stage: PLOVER events with source/target actors, mode, CAMEO root code, date,
location and negation/hypothetical flags (rule-based, lexicon ``data/lexicon/events.yaml``)."""

from __future__ import annotations

from typing import Any

from newsgraph.errors import ConfigError
from newsgraph.events import extract_events
from newsgraph.models import AnalyzedDoc
from newsgraph.pipeline.registry import Resources, stage


@Resources.loader("event_kb")
def _event_kb(res: Resources) -> Any:
    """The knowledge base (for "visited Moscow" -> Russia): the shared one when registered."""
    try:
        return res.get("kb")
    except ConfigError:  # no shared loader registered: build one
        from newsgraph.actors.kb import load_kb

        return load_kb(res.settings.get("kb_files") or [])


@stage("events", requires=("body_spans", "sentences", "dates", "entities", "mentions"), assigns=("events",))
def events_stage(ad: AnalyzedDoc, res: Resources) -> None:
    """Events (PLOVER + CAMEO root) with participants, date, place and negation/hypothetical flags."""
    import newsgraph.events.lexicon  # noqa: F401  (registers the "event_lexicon" loader)

    ad.events = extract_events(ad, res.get("event_lexicon"), res.get("event_kb"))
