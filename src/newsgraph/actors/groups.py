"""Actors named by adjectives and common nouns: parties ("*Republican* committee member" -> the
Republican Party), peoples and sects acting as groups ("*Kurdish* and *Sunni* members of
parliament"), and collectives named by a common noun ("the protesters"). The words are data
(``data/lexicon/actors.yaml``: ``party_adjectives``, ``collective_adjectives``, ``group_nouns``,
``collective_nouns``), and unnamed armed groups ("gunmen attacked ... the attackers fled":
``armed_collectives``, one group per family of nouns and document).
"""

from __future__ import annotations

import re

from newsgraph.actors.kb import KnowledgeBase
from newsgraph.actors.spans import Cand, DocView
from newsgraph.text import lexicons

_PARTIES: dict[str, str] = lexicons.table("actors.party_adjectives")
_PEOPLES = lexicons.words("actors.collective_adjectives")
_GROUP_NOUNS = lexicons.words("actors.group_nouns")
_NOUNS = lexicons.phrases("actors.collective_nouns")
_ADJ_RX = re.compile(r"(?<![\w-])(?P<w>[A-Z][a-z]+)(?=[ \t]+(?P<next>[\w-]+))")
_NOUN_RX = re.compile(rf"(?i)(?<![\w-])(?:{'|'.join(map(re.escape, _NOUNS))})(?![\w-])")
_ARMED: dict[str, str] = {
    w: fam for fam, ws in lexicons.word_table("actors.armed_collectives").items() for w in ws
}
_ARMED_RX = re.compile(rf"(?i)(?<![\w-])(?:{lexicons.alternation(_ARMED)})(?![\w-])")
#: a name or demonym right before the noun: the group is named ("Houthi rebels", "ISIS gunmen")
_NAMED_BEFORE = re.compile(r"[A-Z][\w.'’-]*[ \t]+$")


def group_mentions(view: DocView, cands: list[Cand], kb: KnowledgeBase) -> list[Cand]:
    """Party, people and collective mentions that no other candidate covers."""
    taken = bytearray(len(view.text) + 1)
    for c in cands:
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    out: list[Cand] = []
    for p in view.paragraphs:
        if view.is_heading(p.start):
            continue
        out += _adjectives(view, p.start, p.end, kb)
        out += _collective_nouns(view, p.start, p.end)
        out += _armed_groups(view, p.start, p.end)
    return [c for c in out if taken.find(1, c.start, c.end) < 0]


def _adjectives(view: DocView, a: int, b: int, kb: KnowledgeBase) -> list[Cand]:
    out = []
    for m in _ADJ_RX.finditer(view.text, a, b):
        word, nxt = m.group("w"), m.group("next")
        if view.sentence_start(m.start()):
            continue
        if word in _PARTIES and nxt[:1].islower():
            hits = kb.lookup(_PARTIES[word])
            if hits:
                out.append(Cand(m.start(), m.end(), word, "ORG", "rule", kb_id=hits[0].kb_id))
        elif word in _PEOPLES and _before_group(view.text, m.end()):
            out.append(Cand(m.start(), m.end(), word, "ORG", "rule", meta={"collective": True}))
    return out


def _before_group(text: str, pos: int) -> bool:
    """A group noun follows, maybe after "and <Adjective>" ("Kurdish and Sunni members")."""
    rest = re.match(r"(?:[ \t]+(?:and|or)[ \t]+[A-Z][a-z]+)?[ \t]+([\w-]+)", text[pos : pos + 60])
    return bool(rest) and rest.group(1).lower() in _GROUP_NOUNS  # type: ignore[union-attr]


def _collective_nouns(view: DocView, a: int, b: int) -> list[Cand]:
    out = []
    for m in _NOUN_RX.finditer(view.text, a, b):
        c = Cand(m.start(), m.end(), m.group(), "ORG", "rule", meta={"collective": True})
        c.meta["group_key"] = _NOUNS[0]
        out.append(c)
    return out


def _armed_groups(view: DocView, a: int, b: int) -> list[Cand]:
    """ "gunmen", "the attackers", "militants": the story's unnamed armed group of that family."""
    out = []
    for m in _ARMED_RX.finditer(view.text, a, b):
        before = view.text[max(a, m.start() - 40) : m.start()]
        named = _NAMED_BEFORE.search(before)
        if named and not view.sentence_start(m.start() - len(before) + named.start()):
            continue  # "Houthi rebels": the Houthis ("The gunmen": a sentence's first word)
        c = Cand(m.start(), m.end(), m.group(), "ORG", "rule", meta={"collective": True})
        c.meta["group_key"] = _ARMED[m.group().lower()]
        out.append(c)
    return out
