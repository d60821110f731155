"""The unnamed armed group of a story that names it: after "the Andean Liberation Front attacked a
base", "officials blamed *the rebels*" and "*the militants* fled" are the Front, not a second,
nameless group; and "gunmen stormed the academy ... the Andean Front claimed responsibility": the
gunmen are the Front's.

A group that claims responsibility (its name right before "claimed responsibility") takes every
unnamed armed collective of the story told of before the claim, and "the" ones after it, when
it is the only one to claim. Otherwise, when the
document names exactly one armed group (the knowledge base's armed groups and movements, or an
unknown organisation with an armed word in its name, ``actors.armed_name_words``), that group takes
the mentions of the families ``actors.armed_group_families`` that follow its first mention (not
"gunmen", as often another attack's)."""

from __future__ import annotations

import re
from collections.abc import Callable

from newsgraph.actors.coref import Entities, LocalEntity
from newsgraph.actors.kb import KnowledgeBase
from newsgraph.actors.spans import Cand
from newsgraph.text import lexicons

_FAMILIES = lexicons.words("actors.armed_group_families")
_NAME_WORDS = lexicons.words("actors.armed_name_words")
#: the knowledge base's kinds of armed organisations
_ARMED_KINDS = frozenset({"armed_group", "movement"})
#: after a group's name: it claims an attack ("X has claimed responsibility", "X on Tuesday claimed ...")
_CLAIMED = re.compile(
    r"[ \t]+(?:(?:on|late|early)[ \t]+[A-Z]\w+[ \t]+)?(?:has[ \t]+|have[ \t]+|had[ \t]+)?"
    rf"(?:{lexicons.alternation(lexicons.words('actors.claiming_forms'))})[ \t]+responsibility\b"
)


#: right before a collective noun: it refers back
_DEFINITE = re.compile(r"\b(?:the|these|those)[ \t]+$", re.IGNORECASE)


def join_armed_collectives(ents: Entities, kb: KnowledgeBase, text: str) -> None:
    """Move the mentions of the story's unnamed armed groups into the named group they stand for."""
    claims = [(e, at) for e in ents.items if e.type == "ORG" and (at := _claim(e, text))]
    if len(claims) == 1:  # the attackers told of before the claim, and "the attackers" after it
        group, at = claims[0]
        _join(ents, group, lambda c: bool(c.meta.get("group_key")) and (c.start < at or _definite(c, text)))
        return
    armed = [e for e in ents.items if e.type == "ORG" and e.cands and _armed(e, kb)]
    if len(armed) == 1:
        first = min(c.start for c in armed[0].cands)
        _join(ents, armed[0], lambda c: c.meta.get("group_key") in _FAMILIES and c.start > first)


def _join(ents: Entities, group: LocalEntity, moved: Callable[[Cand], bool]) -> None:
    for e in ents.items:
        if e is group or e.kb_id or not _collective(e):
            continue
        for c in [c for c in e.cands if moved(c)]:
            e.cands.remove(c)
            c.kind = "description"  # a mention of the group, not one of its names
            ents.add(group, c)


def _collective(e: LocalEntity) -> bool:
    """A group a collective noun names ("the guerrillas", "gunmen")."""
    return any(c.meta.get("group_key") for c in e.cands)


def _claim(e: LocalEntity, text: str) -> int:
    """Where ``e`` first claims responsibility (0: it does not); "gunmen" after that are often
    another attack's ("a month after gunmen ambushed ...")."""
    if _collective(e):
        return 0
    ends = [c.end for c in e.cands if c.kind in ("name", "alias") and _CLAIMED.match(text, c.end)]
    return min(ends, default=0)


def _definite(c: Cand, text: str) -> bool:
    """ "*the* attackers", "*these* gunmen": the ones told of."""
    return bool(_DEFINITE.search(text, max(0, c.start - 8), c.start))


def _armed(e: LocalEntity, kb: KnowledgeBase) -> bool:
    """A named armed group (not a collective noun's group: "the guerrillas")."""
    if _collective(e):
        return False
    if e.kb_id:
        entry = kb.get(e.kb_id)
        return entry is not None and entry.kind in _ARMED_KINDS
    words = {w.lower() for c in e.names for w in c.text.split()}
    return bool(e.names) and not words.isdisjoint(_NAME_WORDS)
