"""Who takes part in an event: the clause subject, the object, prepositional phrases, possessors,
relative-clause antecedents, "the two sides", "the delegation", pronouns and a quote's speaker
(a mixin of :class:`~newsgraph.events.extract.Extractor`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from newsgraph.events.lexicon import TriggerMatch
from newsgraph.events.places import PlaceResolver
from newsgraph.events.syntax import DELEGATION, DET, GROUP_PAIR, PREP_ADJ, REL, ROLE, SPEECH, SentenceView
from newsgraph.models import Entity, Event, Mention, Quote

#: verbs whose object is the subject of a following to-infinitive ("urged Russia to increase")
_CONTROL = frozenset(
    "urged urge urges asked ask asks called calls call on upon caused cause causes forced force "
    "allowed allow invited invite invites encouraged encourage pressed press pushed push told tell "
    "persuaded convinced ordered order wanted want wants expected expect helped help prompted led "
    "enabled enable pressured pressure".split()
)
#: governing types whose to-infinitive complement is part of them, not a separate event
_GOVERNING = frozenset({"AGREE", "REQUEST"})
_EVENT_NOUNS = {
    "protest": ("ACCUSE",),
    "protests": ("ACCUSE",),
    "criticism": ("ACCUSE",),
    "accusation": ("ACCUSE",),
    "accusations": ("ACCUSE",),
    "charges": ("ACCUSE",),
    "demand": ("REQUEST",),
    "demands": ("REQUEST",),
    "request": ("REQUEST",),
    "call": ("REQUEST",),
    "appeal": ("REQUEST",),
    "offer": ("AGREE",),
    "proposal": ("AGREE",),
    "invitation": ("AGREE",),
    "threat": ("THREATEN",),
    "threats": ("THREATEN",),
    "ultimatum": ("THREATEN",),
}
_EVENT_HEADS = frozenset(
    "meeting meetings talks reconciliation agreement deal visit decision proposal offer initiative "
    "resolution move step consultations negotiations dialogue contacts efforts role "
    "position".split()
)
_HARD = frozenset({";", ":", "?", "!"})
_CLAUSE_STOP = frozenset(
    "that which who whom whose according if unless because while but whereas although though".split()
)


@dataclass
class DocState:
    """What the extractor remembers while reading a document in order."""

    persons: list[tuple[int, str]] = field(default_factory=list)  # (offset, entity) of PERSON mentions
    delegations: list[tuple[int, list[str]]] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


@dataclass
class Reading:
    sv: SentenceView
    i: int  # first token of the trigger
    k: int  # token after the trigger
    match: TriggerMatch
    noun: bool
    clause_start: int
    rel: int | None


class Participants:
    """Participant finders; the extractor provides the document state they read."""

    entities: dict[str, Entity]
    mentions: list[Mention]
    quotes: list[Quote]
    date_spans: dict[int, int]
    places: PlaceResolver
    state: DocState
    pair: tuple[list[str], list[str]] | None

    def delegation_owner(self, pos: int) -> list[str]:
        """Who "the delegation" is: the last delegation named with its owner ("a Hamas delegation led
        by X"); else the organisation of the last person named before ``pos``; else the document's
        most mentioned organisation."""
        if self.state.delegations:
            return list(self.state.delegations[-1][1])
        for p, eid in reversed(self.state.persons):
            if p < pos:
                aff = self.entities[eid].affiliation if eid in self.entities else None
                org = self.places.by_kb.get(aff[3:], "") if aff and aff.startswith("kb:") else aff
                if org and org in self.entities and self.entities[org].type == "ORG":
                    return [org]
                break
        counts: dict[str, int] = {}
        for m in self.mentions:  # the organisation the document is about
            if self.entities[m.entity].type == "ORG":
                counts[m.entity] = counts.get(m.entity, 0) + 1
        return [max(counts, key=lambda k: counts[k])] if counts else []

    def _ids(self, ms: Sequence[Mention]) -> list[str]:
        out: list[str] = []
        for m in ms:
            if m.entity not in out:
                out.append(m.entity)
        return out

    def subject(self, sv: SentenceView, i: int, depth: int = 0) -> list[str]:
        cs, rel = sv.clause_start(i)
        if rel is not None and sv.low(rel + 1) != ",":
            np = sv.first_np(rel + 1, i)
            if np is not None:
                ids = self._np_ids(sv, *np)
                if ids:
                    return ids
            return self.antecedent(sv, rel)
        if rel is not None:
            return self.antecedent(sv, rel)
        # subject of an infinitive after a control verb: "urged Russia to increase"
        if sv.low(i - 1) == "to":
            j = i - 2
            end = j + 1
            brk = 0
            while j >= cs and (sv.np_internal(j) or brk) and (sv.low(j) != "," or brk):
                brk += {"]": 1, ")": 1, "[": -1, "(": -1}.get(sv.low(j), 0)
                j -= 1
            if j >= cs and sv.low(j) in _CONTROL and end > j + 1:
                return self._ids(sv.mentions_in(j + 1, end))
        s = sv.skip_adjunct(cs, i, self.date_spans)
        np = sv.first_np(s, i)
        if np is not None:
            ids = self._np_ids(sv, *np)
            if ids:
                return ids
        elif cs > 0 and sv.low(cs - 1) in ("and", "but") and depth < 3:
            return self.subject(sv, cs - 1, depth + 1)  # "X visited Y, and met Z"
        if s > cs:  # a subject inside what looked like an adjunct
            np = sv.first_np(cs, i)
            if np is not None and (ids := self._np_ids(sv, *np)):
                return ids
        inc = [j for j in range(i + 1, len(sv)) if sv.low(j) == "including"]
        if inc:
            return self._ids(sv.mentions_in(inc[0] + 1, len(sv)))
        return []

    def _np_ids(self, sv: SentenceView, a: int, b: int) -> list[str]:
        ids = self._ids(sv.mentions_in(a, b))
        if ids:
            return ids
        phrase = sv.text_of(a, b)
        first = sv.low(a)
        if GROUP_PAIR.search(phrase):
            last = self._last_consult(phrase)
            if last is not None:
                self.pair = (list(last.source), list(last.target))
                return list(dict.fromkeys(last.source + last.target))
        if DELEGATION.search(phrase):
            return self.delegation_owner(sv.toks[a].start)
        if first in ("his", "her") and sv.low(a + 1) in ("country", "government", "state", "nation"):
            prior = [e for pos, e in self.state.persons if pos < sv.toks[a].start]
            prior += [t.mention.entity for t in sv.toks[:a] if t.mention and sv.etype(t) == "PERSON"]
            st = self.places.state_of(prior[-1]) if prior else None
            return [st] if st else []
        if (
            first in ("it", "they", "he", "she")
            and a > 0
            and (sv.low(a - 1) in SPEECH or sv.low(a - 1) == "that" and sv.low(a - 2) in SPEECH)
        ):
            j = a - 1 if sv.low(a - 1) in SPEECH else a - 2
            spk = self.subject(sv, j)  # "the ministry said it had ...": it = the ministry
            if spk:
                return spk
        if first in ("he", "she"):
            prior = [e for pos, e in self.state.persons if pos < sv.toks[a].start]
            prior += [t.mention.entity for t in sv.toks[:a] if t.mention and sv.etype(t) == "PERSON"]
            if prior:
                return [prior[-1]]
        if first in (
            "they",
            "he",
            "she",
            "it",
        ):  # "They expressed their opposition to “...”": the quote's speaker
            q = next((q for q in self.quotes if sv.toks[a].end <= q.start < sv.end and q.speaker), None)
            if q is not None and q.speaker:
                return [q.speaker]
        if first in ("we", "i", "our", "my"):
            q = self.quote_at(sv.toks[a].start)
            if q is not None and q.speaker:
                return [q.speaker]
        return []

    def antecedent(self, sv: SentenceView, rel: int) -> list[str]:
        j = rel - 1
        if sv.low(j) == ",":
            j -= 1
        end = j + 1
        while j >= 0 and sv.np_internal(j) and sv.low(j) != ",":
            if (
                sv.low(j) == "of"
                and j > 0
                and not sv.toks[j - 1].is_mention
                and sv.low(j - 1)
                not in (
                    "delegation",
                    "delegations",
                    "members",
                    "representatives",
                    "head",
                    "leader",
                    "leaders",
                )
            ):
                break
            j -= 1
        ids = self._ids(sv.mentions_in(j + 1, end))
        if not ids and DELEGATION.search(sv.text_of(j + 1, end)):
            return self.delegation_owner(sv.toks[rel].start)
        return ids

    def _last_consult(self, phrase: str = "") -> Event | None:
        """The latest meeting ("the two sides"); people for "the ministers", groups for "the factions"."""
        words = set(phrase.lower().split())
        want = (
            "PERSON"
            if words & {"ministers", "leaders", "men", "presidents", "officials"}
            else ("ORG" if words & {"factions", "movements", "groups", "parties"} else None)
        )
        for e in reversed(self.state.events):
            if e.type != "CONSULT" or not e.source or not e.target or e.mode == "visit":
                continue
            if want and not all(
                any(self.entities[a].type == want for a in side if a in self.entities)
                for side in (e.source, e.target)
            ):
                continue
            return e
        return None

    def quote_at(self, pos: int) -> Quote | None:
        for q in self.quotes:
            if q.start <= pos < q.end:
                return q
            if q.start > pos:
                break
        return None

    def clause_end(self, sv: SentenceView, k: int) -> int:
        depth = 0
        for j in range(k, len(sv)):
            t = sv.toks[j]
            if t.text in "([":
                depth += 1
            elif t.text in ")]":
                depth = max(0, depth - 1)
            elif depth == 0 and (
                t.text in _HARD
                or t.low in REL
                or t.low in SPEECH
                and j > k
                or t.text == "."
                and j == len(sv) - 1
            ):
                return j
            elif depth == 0 and t.low in ("and", ",") and j + 1 < len(sv) and sv.is_verbish(j + 1):
                return j
        return len(sv)

    def object_ids(self, sv: SentenceView, k: int, limit: int, near: int | None) -> list[str]:
        if sv.low(k) in ("that",):
            k += 1
        if sv.low(k) in ("its", "their") and sv.low(k + 1) in ROLE:  # "calling on its leaders"
            orgs = [t.mention.entity for t in sv.toks[:k] if t.mention and sv.etype(t) in ("ORG", "STATE")]
            return orgs[-1:]
        if sv.low(k) in ("him", "her"):
            prior = [e for pos, e in self.state.persons if pos < sv.toks[k].start]
            prior += [t.mention.entity for t in sv.toks[:k] if t.mention and sv.etype(t) == "PERSON"]
            return prior[-1:]
        if GROUP_PAIR.match(sv.text_of(k, min(limit, k + 3))) or GROUP_PAIR.match(
            sv.text_of(k, min(limit, k + 2))
        ):
            last = self._last_consult(sv.text_of(k, min(limit, k + 3)))
            if last is not None:
                return list(dict.fromkeys(last.source + last.target))
        first = None
        for j in range(k, limit):
            t = sv.toks[j]
            if t.is_mention:
                first = j
                break
            if t.low == "," and j + 1 < limit and sv.toks[j + 1].is_mention and j > k:
                continue  # "met with its president, Rustam Minnikhanov"
            if t.low in _CLAUSE_STOP or t.low in (
                "to",
                "in",
                "on",
                "at",
                "for",
                "from",
                "about",
                "over",
                "during",
                "after",
                "before",
                "since",
                "or",
                ",",
                ".",
            ):
                break
            if t.low in ("by",) and j > k:
                break
            if j - k >= (near if near is not None else 6):
                break
        head_noun = next(
            (
                sv.low(j)
                for j in range(k, first if first is not None else limit)
                if sv.low(j) not in DET and sv.low(j) not in ("“", '"', "‘") and sv.low(j).isalpha()
            ),
            "",
        )
        if head_noun in _EVENT_HEADS:
            ids = self._ids(sv.mentions_in(k, limit))  # "protested against the visit of X to Y"
            if ids:
                return ids
        agent = self._by_agent(sv, k, limit)
        if (
            agent
            and head_noun
            and head_noun not in _CLAUSE_STOP
            and head_noun not in PREP_ADJ
            and head_noun not in ("delegation", "to", "by", "and", "or")
        ):
            return agent
        if first is None:
            inner = self._event_participants(sv, k, limit, head_noun)
            return inner or self._event_reference(head_noun)
        if near is not None and first - k > near:
            return []
        end = sv.np_end(first, limit)
        return self._ids(sv.mentions_in(first, max(end, first + 1)))

    def _by_agent(self, sv: SentenceView, k: int, limit: int) -> list[str]:
        for j in range(k, limit):
            if sv.low(j) == "by" and sv.low(j - 1) not in ("led", "headed", "chaired"):
                end = sv.np_end(j + 1, limit)
                return self._ids(sv.mentions_in(j + 1, end))
        return []

    def _event_reference(self, noun: str) -> list[str]:
        """'rejected the protest': the source (and its state) of the latest earlier event of that kind."""
        types = _EVENT_NOUNS.get(noun)
        if not types:
            return []
        for e in reversed(self.state.events):
            if e.type in types:
                states = [st for st in (self.places.state_of(a) for a in e.source) if st]
                return list(dict.fromkeys(e.source + states))
        return []

    def _event_participants(self, sv: SentenceView, k: int, limit: int, head: str) -> list[str]:
        """'welcomed the meeting between X and Y', 'the visit of X to Y': the event's participants."""
        if head not in _EVENT_HEADS:
            return []
        for prep in ("between", "of", "by", "with"):
            ids = self.pp_ids(sv, prep, k, limit)
            if ids:
                return ids
        return []

    def pp_ids(self, sv: SentenceView, prep: str, k: int, limit: int) -> list[str]:
        for j in range(k, limit):
            if sv.low(j) == prep:
                end = sv.np_end(j + 1, limit)
                return self._ids(sv.mentions_in(j + 1, end))
            if sv.toks[j].is_mention and j > k + 8:
                break
        return []

    def complement_ids(self, sv: SentenceView, r: Reading) -> list[str]:
        k = r.k
        if not r.match.form.endswith(" to"):
            if sv.low(k) != "to":
                return []
            k += 1
        end = k
        while end < len(sv) and not (
            sv.low(end) in _HARD or sv.low(end) in _CLAUSE_STOP or sv.low(end) == "." and end == len(sv) - 1
        ):
            end += 1
        return self._ids(sv.mentions_in(k, end))
