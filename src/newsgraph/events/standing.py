"""Political standing of an actor: whether what it says of others, or what others say of it, is a
political act. A state has it; an organisation unless it is a news outlet or a school; a person
who is in the knowledge base (its people are leaders and officials), holds a political title
(``actors.political_titles``: "Senator", "Chief Minister", "Justice") or belongs to a state or a
known organisation. An actor, a scientist or a musician named only by name has none."""

from __future__ import annotations

from typing import Any

from newsgraph.actors.facts import is_media
from newsgraph.events.cameo import EventLexicon
from newsgraph.models import Entity, Event
from newsgraph.text import lexicons

POLITICAL_TITLES = lexicons.words("actors.political_titles")
#: the rules of praise read from what is said of someone, not from an act of praise ("praised X")
SAID_PRAISE = ("quote content", "judgement", "quote sentence: praise")


#: the rules of working together, which among private people is their work ("collaborated with X")
COWORK = ("verb collaborate", "verb cooperate")


def private_praise(ev: Event, ents: dict[str, Entity], kb: Any | None, lex: EventLexicon) -> bool:
    """Praise read from what a quote or a judgement says of someone ("X said Y 'was a gentle soul'",
    "called Y 'a brilliant scientist'"), or work done together ("the drummer collaborated with X"),
    where no side has political standing: a tribute or a job among private people, no political act."""
    praise = ev.type == "SUPPORT" and (ev.rule or "").startswith(SAID_PRAISE)
    if not praise and not (ev.type == "COOPERATE" and (ev.rule or "").startswith(COWORK)):
        return False
    schools = lex.words("school_heads")
    sides = [ents[x] for x in (*ev.source, *ev.target) if x in ents]
    return not any(political(e, ents, kb, schools) for e in sides)


def political(ent: Entity, ents: dict[str, Entity], kb: Any | None, schools: frozenset[str]) -> bool:
    """Whether ``ent`` has political standing (see the module docstring); ``schools``: the head words
    of schools' names ("university")."""
    if ent.type == "STATE":
        return True
    if ent.type == "ORG":
        named = {w.lower() for w in ent.name.split()}
        return not is_media(ent.kb_id, ent.type, ent.name, kb) and not named & schools
    if ent.type != "PERSON":
        return False
    titled = any(POLITICAL_TITLES.intersection(t.lower().replace("-", " ").split()) for t in ent.titles)
    aff = _affiliated(ent, ents)
    return bool(ent.kb_id) or titled or (aff is not None and (aff.type == "STATE" or bool(aff.kb_id)))


def _affiliated(ent: Entity, ents: dict[str, Entity]) -> Entity | None:
    """The actor ``ent`` belongs to, among the document's (an affiliation outside it counts as a
    known organisation)."""
    aff = ent.affiliation or ""
    if aff.startswith("kb:"):
        return Entity(id=aff, type="ORG", name=aff[3:], kb_id=aff[3:])
    return ents.get(aff)
