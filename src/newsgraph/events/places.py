"""Where an event happened, and who is visited when a place is visited.

A visit to a city is a visit to its country or region ("visited Kazan, capital of the Republic
of Tatarstan" -> Tatarstan; "arrived in Moscow" -> Russia), with the city as the location. The
country comes from an appositive ("capital of X"), the knowledge base (the city's state), the
same name used for a state elsewhere in the document (capital metonymy), or, for a place the
knowledge base does not know, the state of the hosts named in the same paragraph. A named
territory or region ("visited Qadira") is the target itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from newsgraph.models import AnalyzedDoc, Entity, Mention

_CAPITAL_OF = re.compile(r"\s*,\s*(?:the\s+)?(?:\w+\s+)?(?:capital|seat|heart)\s+of\s+", re.IGNORECASE)
_CITY_KINDS = frozenset({"city", "capital", "seat", "town"})


class PlaceResolver:
    def __init__(self, ad: AnalyzedDoc, kb: Any | None) -> None:
        self.ad, self.kb = ad, kb
        self.entities = {e.id: e for e in ad.entities}
        self.by_kb: dict[str, str] = {}
        for e in ad.entities:
            if e.kb_id and e.kb_id not in self.by_kb:
                self.by_kb[e.kb_id] = e.id

    def state_of(self, eid: str) -> str | None:
        """The local STATE entity an entity is affiliated with (itself for a state)."""
        e = self.entities.get(eid)
        seen: set[str] = set()
        while e is not None and e.id not in seen:
            seen.add(e.id)
            if e.type == "STATE":
                return e.id
            aff = e.affiliation
            if not aff:
                return None
            e = (
                self.entities.get(self.by_kb.get(aff[3:], ""))
                if aff.startswith("kb:")
                else self.entities.get(aff)
            )
        return None

    def _kb_state(self, ent: Entity) -> str | None:
        if self.kb is None:
            return None
        entry = self.kb.get(ent.kb_id) if ent.kb_id else None
        if entry is not None:
            if entry.type == "STATE":
                return self.by_kb.get(entry.kb_id)
            if entry.kind not in _CITY_KINDS and entry.kind is not None:
                return ent.id  # a region or territory is visited itself
            if entry.affiliation:
                return self.by_kb.get(entry.affiliation)
        st = self.kb.capital_of(ent.name)
        return self.by_kb.get(st.kb_id) if st is not None else None

    def visited(
        self,
        eid: str,
        mention_end: int,
        sent_mentions: Iterable[tuple[int, str]],
        paragraph: tuple[int, int],
        source: list[str],
    ) -> tuple[str, str | None]:
        """(target entity, location entity) for a visit to ``eid``, whose mention ends at ``mention_end``."""
        ent = self.entities.get(eid)
        if ent is None or ent.type != "LOCATION":
            return eid, None
        text = self.ad.text
        m = _CAPITAL_OF.match(text, mention_end)
        if m:
            nxt = min(((s, e) for s, e in sent_mentions if s >= m.end()), default=None)
            if (
                nxt is not None
                and self.entities.get(nxt[1])
                and self.entities[nxt[1]].type in ("STATE", "LOCATION")
            ):
                return nxt[1], eid
        st = self._kb_state(ent)
        if st is not None:
            return st, (None if st == eid else eid)
        name = text[ent.evidence.get("start", 0) : ent.evidence.get("end", 0)] if ent.evidence else ""
        surface = {ent.name, name} - {""}
        for mm in self.ad.mentions:
            other = self.entities.get(mm.entity)
            if other is not None and other.type == "STATE" and mm.text in surface:
                return other.id, eid
        if ent.kb_id is None:
            host = self._host_state(paragraph, source)
            if host is not None:
                return host, eid
        return eid, None

    def named_place(self, text: str, start: int, end: int) -> str | None:
        """A place or state of the document named in ``text[start:end]`` without a mention there
        ("arrived in Castellan" where the actors stage marked no mention)."""
        window = text[start:end]
        best: tuple[int, str] | None = None
        for e in self.ad.entities:
            if e.type not in ("LOCATION", "STATE"):
                continue
            for form in [e.name, *e.aliases]:
                if len(form) < 3:
                    continue
                m = re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", window)
                if m and (best is None or m.start() < best[0]):
                    best = (m.start(), e.id)
        return best[1] if best else None

    def _host_state(self, paragraph: tuple[int, int], source: list[str]) -> str | None:
        visitors = {self.state_of(s) for s in source} | set(source)
        for mm in sorted(self.ad.mentions, key=lambda m: m.start):
            if not paragraph[0] <= mm.start < paragraph[1]:
                continue
            st = self.state_of(mm.entity)
            if st is not None and st not in visitors and mm.entity not in source:
                return st
        return None


_COLLECTIVE = re.compile(
    r"\s+(?:\w+\s+)?(?:factions?|parties|groups?|movements?|militias?|fighters|rebels|"
    r"civilians|residents|engineers|prisoners|detainees|refugees|families|voices|towns?|"
    r"villages?|territories|lands?|border|cause|issue|question|affairs|arena)\b"
)
_CAP_WORD = re.compile(r"\b[A-Z][a-z]+(?:[-\s][A-Z][a-z]+)?\b")


def _derived_demonyms(name: str) -> set[str]:
    """Demonyms a state name suggests when the knowledge base has none ("Valdoria" -> "Valdorian")."""
    base = name.split()[-1] if name else ""
    if len(base) < 4:
        return set()
    return {
        base + "n",
        base[:-1] + "ian",
        base + "i",
        base[:-1] + "i",
        base + "ian",
        base[:-1] + "an",
        base + "ese",
    }


def demonym_mentions(ad: AnalyzedDoc, kb: Any | None, taken: Iterable[tuple[int, int]]) -> list[Mention]:
    """Demonym adjectives of the document's states ("the Russian invitation", "Israeli crimes") as
    mentions of those states, for the event coder only (the actors stage does not mark adjectives)."""
    states = [e for e in ad.entities if e.type == "STATE"]
    if not states:
        return []
    forms: dict[str, str] = {}
    by_kb = {e.kb_id: e.id for e in states if e.kb_id}
    if kb is not None:
        for e in states:
            entry = kb.get(e.kb_id) if e.kb_id else None
            for d in getattr(entry, "demonyms", ()) or ():
                forms.setdefault(d, e.id)
    for e in states:
        for d in _derived_demonyms(e.name):
            forms.setdefault(d, e.id)
    occupied = sorted(taken)
    out: list[Mention] = []
    looked: dict[str, str | None] = {}
    for b in ad.body_spans:
        for m in _CAP_WORD.finditer(ad.text, b.start, b.end):
            word = m.group()
            eid = forms.get(word)
            if eid is None and kb is not None and " " not in word:
                if word not in looked:
                    entry = kb.demonym(word)
                    looked[word] = by_kb.get(entry.kb_id) if entry is not None else None
                eid = looked[word]
            if eid is None and " " in word:
                word = word.split()[0]
                eid = forms.get(word)
                if eid is None:
                    continue
                m_start, m_end = m.start(), m.start() + len(word)
            else:
                m_start, m_end = m.start(), m.end()
            if eid is None or any(s < m_end and m_start < e for s, e in occupied):
                continue
            if _COLLECTIVE.match(ad.text, m_end):
                continue  # "the Palestinian factions", "Qadiri parties": not the state
            out.append(Mention(m_start, m_end, ad.text[m_start:m_end], eid, "demonym", "STATE"))
    return out
