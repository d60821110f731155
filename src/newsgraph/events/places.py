"""The places of a document's events: which state a city or region belongs to, which actors stand
on one side, and who governs from a capital ("visited Kazan" is a visit to Russia; "the claim
from Berlin" is Germany's)."""

from __future__ import annotations

from typing import Any

from newsgraph.models import AnalyzedDoc, Entity
from newsgraph.text import lexicons

#: KB kinds of places that stand in their state for a visit
CITY_KINDS = frozenset({"city", "capital", "seat", "town"})
#: CAMEO actor roles of groups that stand against their own state (rebels, insurgents, opposition)
OPPOSING_ROLES = lexicons.words("actors.opposing_roles")
#: knowledge-base kinds of such groups (armed groups)
OPPOSING_KINDS = lexicons.words("actors.opposing_kinds")
#: words of a person's title that set them against their state ("opposition leader", "dissident")
OPPOSING_TITLES = lexicons.words("actors.opposing_title_words")
#: knowledge-base kinds of groups that are a side of their own, not their state's (parties)
OWN_SIDE_KINDS = lexicons.words("actors.own_side_kinds")
#: knowledge-base kinds of states that are a side of their own, not their sovereign's (territories)
OWN_STATE_KINDS = lexicons.words("actors.own_side_state_kinds")


class Places:
    """The state a place belongs to, among the document's own actors ("visited Kazan" -> Russia)."""

    def __init__(self, ad: AnalyzedDoc, kb: Any | None) -> None:
        self.kb = kb
        self.by_kb = {e.kb_id: e.id for e in reversed(ad.entities) if e.kb_id}
        self.ents = {e.id: e for e in ad.entities}

    def side(self, eid: str) -> set[str]:
        """An actor and what it belongs to (its affiliation, and that one's): one side of an event.
        An armed or opposition group is on no state's side ("Boko Haram attacked Nigeria")."""
        out, e = set(), self.ents.get(eid)
        while e is not None and e.id not in out:
            out.add(e.id)
            kind = getattr(self._entry(e), "kind", None)
            own = (e.id == eid and kind in OWN_SIDE_KINDS) or (e.type == "STATE" and kind in OWN_STATE_KINDS)
            if own or self.opposing(e):
                break  # (a party is a side of its own: "the government and party X signed ...")
            aff = e.affiliation or ""
            e = self.ents.get(self.by_kb.get(aff[3:], "")) if aff.startswith("kb:") else self.ents.get(aff)
        return out

    def opposing(self, e: Entity) -> bool:
        """A group the knowledge base codes as rebels, insurgents or opposition (CAMEO roles), or as
        an armed group; a person whose title puts them in the opposition ("opposition leader X")."""
        if e.type == "PERSON" and any(OPPOSING_TITLES.intersection(t.lower().split()) for t in e.titles):
            return True
        entry = self._entry(e)
        if entry is not None and entry.kind in OPPOSING_KINDS:
            return True
        codes = [code for code, _, _ in entry.cameo] if entry is not None else []
        return any(code[3:6] in OPPOSING_ROLES or code[:3] in OPPOSING_ROLES for code in codes)

    def _entry(self, e: Entity) -> Any:
        """The knowledge-base entry of an actor, else None."""
        return self.kb.get(e.kb_id) if self.kb is not None and e.kb_id else None

    def state_side(self, eid: str) -> bool:
        """True when the actor is a state or belongs to one (a leader, a ministry)."""
        return any(e in self.ents and self.ents[e].type == "STATE" for e in self.side(eid))

    def same_side(self, a: str, b: str) -> bool:
        """True when one of two actors belongs to the other ("the US embassy" and the United States)."""
        return a in self.side(b) or b in self.side(a)

    def government_of(self, eid: str) -> str | None:
        """The document's state actor whose capital ``eid`` is ("the claim from Berlin": Germany's)."""
        e = self.ents.get(eid)
        cap = self.kb.capital_of(e.name) if e is not None and self.kb is not None else None
        return self.by_kb.get(cap.kb_id) if cap is not None else None

    def unknown(self, eid: str) -> bool:
        """A place the knowledge base does not know (so no state to stand for it)."""
        e = self.ents.get(eid)
        return e is not None and not e.kb_id

    def city_of_unnamed_state(self, eid: str) -> bool:
        """A city the knowledge base places in a state the document never names ("visited Moscow"
        in a story that does not name Russia): the visit is to the city."""
        state = self._state_kb(eid)
        return state is not None and state not in self.by_kb

    def region_of_state(self, eid: str) -> bool:
        """A region of a state with a government of its own (a US state, Scotland, Crimea): as the
        target of a lawsuit, a demand or a sanction it stands for that government, not a venue."""
        e = self.ents.get(eid)
        entry = self.kb.get(e.kb_id) if e is not None and e.kb_id and self.kb is not None else None
        return entry is not None and entry.kind == "region" and bool(entry.affiliation)

    def state_of(self, eid: str) -> str | None:
        """The document's state actor a city belongs to (a capital by its name too), else None."""
        e = self.ents.get(eid)
        if e is None or not e.kb_id:
            return None
        state = self._state_kb(eid)
        return self.by_kb.get(state) if state is not None else None

    def _state_kb(self, eid: str) -> str | None:
        """The knowledge-base id of the state a city (or a capital named as such) belongs to."""
        e = self.ents.get(eid)
        if e is None or self.kb is None:
            return None
        entry = self.kb.get(e.kb_id) if e.kb_id else None
        if entry is None:
            cap = self.kb.capital_of(e.name)
            return cap.kb_id if cap is not None else None
        return entry.affiliation if entry.kind in CITY_KINDS and entry.affiliation else None
