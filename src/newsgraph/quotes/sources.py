"""Unnamed sources that still say whom they speak for (used by
:class:`newsgraph.quotes.resolution.SpeakerResolver`):

* a state's own outlet ("state media", "the state-run news agency") speaks for the state named in
  the phrase ("Kesh state television"), else for the state named last before it in the paragraph or
  the one before;
* a state's armed body ("Kesh military", "the Valdorian army") is the document's organisation of that
  state with a military head ("Kesh Security Forces"), when it has one;
* a definite plural source ("the sources", "the officials") refers back to the last "sources within
  X" / "officials at X" of the paragraph or the one before: X speaks.

Each function returns a local entity id or ``None`` (the caller then goes on with its other rules).
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from newsgraph.models import Mention
from newsgraph.text import lexicons
from newsgraph.text.nounphrases import Tok

STATE_MEDIA_MODIFIERS = lexicons.words("quotes.state_media_modifiers")
STATE_MEDIA_HEADS = lexicons.words("quotes.state_media_heads")
MILITARY_HEADS = lexicons.words("quotes.military_heads")
_SOURCE_PREPS = lexicons.alternation(lexicons.words("quotes.source_prepositions"))


def _states(att: Any, ms: list[Mention]) -> list[str]:
    return [m.entity for m in ms if att.mention_type(m) == "STATE"]


def state_outlet(att: Any, core: list[Tok], named: list[Mention], pos: int, para: int) -> str | None:
    """The state whose own outlet the phrase names ("state media", "Kesh state television")."""
    if core[-1].low not in STATE_MEDIA_HEADS or not any(t.low in STATE_MEDIA_MODIFIERS for t in core[:-1]):
        return None
    inside = _states(att, named)
    if inside:
        return inside[0]
    return last_state(att, pos, para)


def last_state(att: Any, pos: int, para: int) -> str | None:
    """The state named last before ``pos`` in paragraph ``para`` or the one before."""
    prev = att.prev_para(para)
    lo = att.paragraphs[prev if prev >= 0 else para].start
    k = bisect.bisect_left(att._mstarts, pos) - 1
    while k >= 0 and att._ms[k].start >= lo:
        m = att._ms[k]
        k -= 1
        if m.end <= pos and att.mention_type(m) == "STATE":
            return str(m.entity)
    return None


def armed_body(att: Any, core: list[Tok], named: list[Mention]) -> str | None:
    """ "Kesh military": the document's one Kesh organisation whose name ends in a military head."""
    states = _states(att, named)
    if core[-1].low not in MILITARY_HEADS or not states:
        return None
    hits = [
        e.id
        for e in att.entities
        if e.type == "ORG"
        and e.affiliation == states[0]
        and any(n.split()[-1].lower() in MILITARY_HEADS for n in [e.name, *e.aliases] if n.split())
    ]
    return hits[0] if len(hits) == 1 else None


def source_antecedent(att: Any, head: str, pos: int, para: int) -> str | None:
    """ "the sources": the body the last "sources within X" before ``pos`` named (not a place)."""
    prev = att.prev_para(para)
    lo = att.paragraphs[prev if prev >= 0 else para].start
    rx = re.compile(rf"(?<![\w-]){re.escape(head)}\s+(?:{_SOURCE_PREPS})\s+(?:the\s+)?", re.IGNORECASE)
    found = list(rx.finditer(att.text, lo, pos))
    if not found:
        return None
    chain: list[Mention] = []
    at = found[-1].end()
    for m in att.mentions_in(at, at + 200):  # "within the United States Department of Defense": its head
        glued = chain and m.start > chain[-1].end and not att.text[chain[-1].end : m.start].strip()
        if m.start == at or glued:
            chain.append(m)
    named = [m for m in chain if att.mention_type(m) != "LOCATION"]
    return str(named[-1].entity) if named else None
