"""Which document actors a token or a phrase of the parse mentions: the event coder's view of the
actors stage's mentions, by position."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from newsgraph.events.deps import AGAINST_STATE, SEATED, Token
from newsgraph.models import AnalyzedDoc, Entity, Mention
from newsgraph.text import lexicons
from newsgraph.text.vocabulary import verb_stems

#: knowledge-base kinds of organisations that are bodies of their state ("government_body")
STATE_BODY_KINDS = lexicons.words("actors.state_body_kinds")
#: words of a title whose holder acts for their state or organisation ("minister", "spokesman")
OFFICE_TITLES = lexicons.words("actors.office_titles")
#: knowledge-base kinds of groups that are a side of their own (parties): no one acts for them by office
OWN_SIDE_KINDS = lexicons.words("actors.own_side_kinds")


#: "Denmark-based", "Berlin-headquartered": a place written as an organisation's seat
_SEAT = re.compile(r"-([a-z]+)\b")


def _seat(text: str, end: int) -> bool:
    """The mention ending at ``end`` is joined by a hyphen to a participle of where an organisation is
    seated ("a *Denmark*-based retailer"): a seat, never a side of an event, however the parse reads the
    phrase (it made "UK-based retailer X and Denmark-based retailer Y" coordinate X with Denmark)."""
    m = _SEAT.match(text, end)
    return m is not None and not SEATED.isdisjoint({m[1], *verb_stems(m[1])})


@dataclass
class ActorIndex:
    """The document's actor mentions by position, for looking up what a token or phrase names."""

    mentions: list[Mention]
    entities: dict[str, Entity]
    starts: list[int] = field(default_factory=list)
    #: where a quote's cue word starts -> the quote's resolved speaker ("the delegation *expressed* ...")
    cue_speakers: dict[int, str] = field(default_factory=dict)
    #: the document's parsed pieces, for what is read from the whole text only when asked
    parses: Sequence[tuple[int, Any]] = ()
    #: where the words of clauses' subjects start (text offsets), read from ``parses`` when first needed
    subject_words: frozenset[int] | None = None

    @classmethod
    def of(cls, ad: AnalyzedDoc, extra: Iterable[Mention] = ()) -> ActorIndex:
        ents = {e.id: e for e in ad.entities}
        kept = (m for m in [*ad.mentions, *extra] if m.entity in ents and not _seat(ad.text, m.end))
        ms = sorted(kept, key=lambda m: (m.start, -m.end))
        idx = cls(ms, ents)
        idx.starts = [m.start for m in ms]
        idx.cue_speakers = {
            q.cue_start: q.speaker for q in ad.quotes if q.cue_start is not None and q.speaker in ents
        }
        return idx

    def affiliation_of(self, eid: str) -> str | None:
        """The document actor ``eid`` belongs to (its affiliation, given locally or by KB id), or None."""
        e = self.entities.get(eid)
        aff = (e.affiliation or "") if e is not None else ""
        if aff.startswith("kb:"):
            return next((x.id for x in self.entities.values() if x.kb_id == aff[3:]), None)
        return aff if aff in self.entities else None

    def with_states(self, ids: list[str], others: Iterable[str]) -> list[str]:
        """``ids`` and the state each state body or office holder among them acts for ("the Chilean
        police", "Foreign Minister X": Chile, X's state; or the organisation a titled person speaks
        for: "X, a spokesman for Y"), unless already a participant on either side: a state acts
        through its bodies and officials, and event data name it with them."""
        taken, out = {*ids, *others}, list(ids)
        for eid in ids:
            aff = self.acting_for(eid)
            if aff is not None and aff not in taken:
                out.append(aff)
                taken.add(aff)
        return out

    def acting_for(self, eid: str) -> str | None:
        """The state a state body belongs to (a ministry, an embassy, a parliament, the police: the
        knowledge base's government bodies and the actors stage's sectors; not a party, a movement or
        a company), or the state or organisation the holder of an office belongs to ("foreign minister";
        not "activist", "opposition leader", nor a president's party); None for anyone else."""
        e = self.entities.get(eid)
        aff = self.affiliation_of(eid) if e is not None and e.type in ("ORG", "PERSON") else None
        kind = self.entities[aff].type if aff is not None else None
        if e is None or kind is None:
            return None
        if e.type == "ORG":
            ev = e.evidence or {}
            body = ev.get("kb_kind") in STATE_BODY_KINDS or "sector" in (ev.get("kinds") or ())
            return aff if body and kind == "STATE" else None
        words = self.title_words(eid)
        office = bool(words & OFFICE_TITLES) and not words & AGAINST_STATE  # (not "opposition leader")
        party = (self.entities[aff].evidence or {}).get("kb_kind") in OWN_SIDE_KINDS  # (a president's party)
        return aff if office and (kind == "STATE" or (kind == "ORG" and not party)) else None

    def title_words(self, eid: str) -> set[str]:
        """The words of an actor's titles, lower case ("Foreign Minister" -> foreign, minister)."""
        e = self.entities.get(eid)
        return {w for t in e.titles for w in t.lower().split()} if e is not None else set()

    def speaker_of(self, tok: Token, offset: int) -> list[str]:
        """The speaker the quote stage resolved for a cue word ("it accused ...": the letter's author)."""
        got = self.cue_speakers.get(offset + tok.idx)
        return [got] if got else []

    def between(self, start: int, end: int) -> Iterator[Mention]:
        """Mentions that overlap [start, end)."""
        i = bisect_left(self.starts, start)
        while i > 0 and self.mentions[i - 1].end > start:
            i -= 1
        for m in self.mentions[i:]:
            if m.start >= end:
                break
            if m.end > start:
                yield m

    def in_phrases(self, toks: Iterable[Token], offset: int) -> set[str]:
        """Every actor named anywhere in the phrases (subtrees) of ``toks``."""
        out: set[str] = set()
        for t in toks:
            a, last = offset + t.left_edge.idx, t.right_edge
            out |= {m.entity for m in self.between(a, offset + last.idx + len(last.text))}
        return out

    def at(self, tok: Token, offset: int) -> list[str]:
        """Entity ids mentioned by the token itself."""
        a = offset + tok.idx
        return uniq(m.entity for m in self.between(a, a + len(tok.text)))

    def named_at(self, tok: Token, offset: int) -> list[str]:
        """Entity ids the token names outright (not a demonym's adjective: "the *American* people")."""
        a = offset + tok.idx
        return uniq(m.entity for m in self.between(a, a + len(tok.text)) if m.kind != "demonym")

    def type_of(self, eid: str) -> str:
        return self.entities[eid].type

    @cached_property
    def main_state(self) -> str | None:
        """The one state the document names most: twice at least, more than twice any other."""
        top = self._state_counts.most_common(2)
        if top and top[0][1] >= 2 and (len(top) == 1 or top[0][1] > 2 * top[1][1]):
            return top[0][0]
        return None

    @cached_property
    def lone_state(self) -> str | None:
        """The only state the document names at all (once is enough), or None."""
        states = self._state_counts
        return next(iter(states)) if len(states) == 1 else None

    @cached_property
    def _state_counts(self) -> Counter[str]:
        """How often the document names each state."""
        return Counter(m.entity for m in self.mentions if self.type_of(m.entity) == "STATE")


def uniq(xs: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(xs))
