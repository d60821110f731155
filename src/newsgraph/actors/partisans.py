"""Party adjectives before the party's members: "*Republican* senators", "*Labour* MPs", "*Democratic*
lawmakers" name the party (the knowledge base's "Republican Party", "Labour Party"), as "Republicans"
does. Only before the nouns of ``actors.party_member_nouns`` (not "a democratic vote", "Republican
Guard"), and only where "<adjective> Party" is an organisation the knowledge base knows.
"""

from __future__ import annotations

import re

from newsgraph.actors.kb import KnowledgeBase
from newsgraph.actors.spans import Cand
from newsgraph.text import lexicons

MEMBER_NOUNS = lexicons.words("actors.party_member_nouns")
#: a capitalised word, then (looked ahead, not consumed) the two words after it
_BEFORE_MEMBER = re.compile(r"\b([A-Z][a-z]+)(?=\s+([A-Za-z]+)(?:\s+([A-Za-z]+))?)")


def party_adjectives(text: str, start: int, kb: KnowledgeBase) -> list[Cand]:
    """Candidates for the party adjectives of ``text``, a paragraph at ``start`` in its document
    (label ORG, the party's KB id)."""
    out: list[Cand] = []
    for m in _BEFORE_MEMBER.finditer(text):
        nxt, after = m.group(2), m.group(3) or ""
        if nxt.lower() not in MEMBER_NOUNS and not (nxt.islower() and after.lower() in MEMBER_NOUNS):
            continue  # (past one lower-case word: "Democratic *presidential* candidates")
        hits = kb.lookup(f"{m.group(1)} Party")
        if hits and hits[0].type == "ORG":
            a, b = start + m.start(1), start + m.end(1)
            out.append(Cand(a, b, m.group(1), "ORG", "kb", kb_id=hits[0].kb_id, kind="name"))
    return out
