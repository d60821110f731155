"""The ``events`` stage: PLOVER events coded over the dependency parse (see :mod:`newsgraph.events`)."""

from __future__ import annotations

from newsgraph.events.document import code_events
from newsgraph.models import AnalyzedDoc
from newsgraph.pipeline.registry import Resources, stage


@stage(
    "events",
    requires=("body_spans", "parses", "dates", "entities", "mentions", "quotes"),
    assigns=("events",),
    version=2,
)
def events_stage(ad: AnalyzedDoc, res: Resources) -> None:
    """Events (PLOVER + CAMEO) with participants, date, place and negation/hypothetical flags."""
    ad.events = code_events(
        ad, res.get("event_lexicon"), ad.parses, res.get("kb"), acts=res.get("speech_verbs")
    )
