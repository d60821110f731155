"""Helpers for the actor tests: run the actors stage with rules only (no statistical model).

Unit tests must not depend on a trained model's output, so they use ``Resources(model="blank")``:
the knowledge base, the title/name/alias rules and the coreference rules only.
"""

from __future__ import annotations

from functools import cache

from newsgraph.models import AnalyzedDoc, Entity, Mention
from newsgraph.pipeline.registry import Pipeline, Resources

from .conftest import make_doc


@cache
def rules_resources() -> Resources:
    return Resources(model="blank")


def analyse(text: str, res: Resources | None = None, **doc_kw: object) -> AnalyzedDoc:
    """Run clean, segment, parse and actors (rules only) on ``text`` (first line = title)."""
    pipe = Pipeline.build(["clean", "segment", "parse", "actors"])
    return pipe(AnalyzedDoc(doc=make_doc(text, **doc_kw)), res or rules_resources())


def entity_of(ad: AnalyzedDoc, surface: str, nth: int = 0) -> Entity | None:
    """The entity of the ``nth`` mention whose text is ``surface``."""
    ms = [m for m in ad.mentions if m.text == surface]
    if len(ms) <= nth:
        return None
    return next(e for e in ad.entities if e.id == ms[nth].entity)


def mentions_of(ad: AnalyzedDoc, ent: Entity | None) -> list[Mention]:
    return [m for m in ad.mentions if ent is not None and m.entity == ent.id]


def by_name(ad: AnalyzedDoc, name: str) -> Entity | None:
    return next((e for e in ad.entities if e.name == name), None)
