"""Who did the act a definite noun names: "criticised *the ruling*" is criticism of the court that
ruled, "welcomed *the decision*" of whoever decided. The noun's verbs are English nominalisations
(``english.yaml``, ``act_nouns``: ruling -> rule, suspension -> suspend); the doer is found in the
text before the noun, nearest first: the same noun with an owner ("Johnson's suspension of
Parliament", "the ruling by the court") or one of its verbs with a subject ("the court ruled")."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from newsgraph.events.deps import THIS
from newsgraph.events.tree import ActorIndex, Clause, Token, case_of, phrase_actors
from newsgraph.models import Event
from newsgraph.text import lexicons
from newsgraph.text.parsed import text_length

#: noun -> the verbs whose act it names
ACT_NOUNS: dict[str, frozenset[str]] = lexicons.word_table("english.act_nouns")
#: the prepositions of the act a clause was done in ("killed X *in* a raid")
DONE_IN = lexicons.words("english.done_in_cases")
#: predeterminers that make an act noun refer back ("*such* an arrangement")
SUCH = lexicons.words("english.referring_predeterminers")
#: how far back (characters) the act may have been told
WINDOW = 1500

#: hostile acts a threat of an answer in kind may answer ("X struck Y ... Y vowed to respond")
PROVOCATIONS = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN"})


class ActDoers:
    """The doers of acts named by definite nouns, looked up in a document's parsed pieces."""

    def __init__(
        self,
        parses: Sequence[tuple[int, Any]],
        actors: ActorIndex,
        lemma: Callable[[Token], str] = lambda t: t.lemma_.lower(),
    ) -> None:
        self.parses = list(parses)
        self.offsets = [o for o, _ in self.parses]
        self.ends = [o + text_length(d) for o, d in self.parses]
        self.actors = actors
        self.lemma = lemma  # a verb's lemma (the coder's: "expelled", which the model reads "expell")

    def doer(self, noun: Token, offset: int) -> list[str]:
        """Who did the act ``noun`` names ("the ruling", "this decision"), or [] when the noun is
        no act noun, is not definite, or no doer is told before it."""
        verbs = ACT_NOUNS.get(noun.lemma_.lower())
        if verbs is None or not refers_back(noun):
            return []
        for t, off in self._before(offset + noun.idx):
            if got := self._told(t, off, noun.lemma_.lower(), verbs):
                return got
        return []

    def doer_to(self, noun: Token, offset: int, patients: set[str]) -> list[str]:
        """Who the text before ``noun`` says did its act to one of ``patients`` ("Chile detained X
        ... condemned the detention of X": Chile), nearest first; [] when it tells of no such act."""
        verbs = ACT_NOUNS.get(noun.lemma_.lower())
        if verbs is None:
            return []
        for t, off in self._before(offset + noun.idx):
            if t.pos_ != "VERB" or self.lemma(t) not in verbs:
                continue
            cl = Clause.of_verb(t)
            doers, done = (cl.agent, cl.subjects) if cl.passive else (cl.subjects, cl.objects)
            if {a for x in done for a in phrase_actors(x, self.actors, off)} & patients:
                return [a for x in doers for a in phrase_actors(x, self.actors, off)]
        return []

    def _before(self, pos: int) -> Iterator[tuple[Token, int]]:
        """The tokens within :data:`WINDOW` characters before ``pos``, nearest first, with the offset
        of their parsed piece."""
        k = bisect.bisect_right(self.offsets, pos)
        for (off, doc), end in zip(reversed(self.parses[:k]), reversed(self.ends[:k]), strict=True):
            if end < pos - WINDOW:
                return
            for t in reversed(doc):
                at = off + t.idx
                if at < pos - WINDOW:
                    return
                if at < pos:
                    yield t, off

    def _told(self, t: Token, off: int, lemma: str, verbs: frozenset[str]) -> list[str]:
        noun = t.lemma_.lower()
        if t.pos_ == "NOUN" and (noun == lemma or noun in verbs):  # "Johnson's suspension", "a raid"
            owners = [c for c in t.children if doer_phrase(c)]
            got = [a for c in owners for a in phrase_actors(c, self.actors, off)]
            return got or (self._doers(t.head, off) if self._done(t) else [])
        if t.pos_ == "VERB" and self.lemma(t) in verbs:  # "the court ruled that ..."
            return self._doers(t, off)
        return []

    def _done(self, t: Token) -> bool:
        """Whether the clause ``t`` hangs on does the act the noun names: the noun is the object of
        one of its own verbs ("imposed *a curfew*", "launched *an attack*") or the act the clause
        was done in ("killed X *in a raid*")."""
        verb = t.head
        if verb.pos_ != "VERB" or verb.i == t.i:
            return False
        if t.dep_ == "obj":
            return self.lemma(verb) in ACT_NOUNS.get(t.lemma_.lower(), frozenset())
        return t.dep_ == "obl" and case_of(t) in DONE_IN

    def _doers(self, v: Token, off: int) -> list[str]:
        cl = Clause.of_verb(v)
        doers = cl.agent if cl.passive else cl.subjects
        return [a for s in doers for a in phrase_actors(s, self.actors, off)]


def refers_back(noun: Token) -> bool:
    """Whether ``noun`` names something told before: "*the* ruling", "*this* decision", "*such* an
    arrangement"."""
    return any(
        (c.dep_ == "det" and c.lower_ in THIS) or (c.dep_ in ("det:predet", "amod") and c.lower_ in SUCH)
        for c in noun.children
    )


def doer_phrase(c: Token) -> bool:
    """A possessor or "by" phrase of an act noun: who did it."""
    return c.dep_ == "nmod:poss" or (c.dep_ == "nmod" and case_of(c) == "by")


def provokers(
    events: Sequence[Event], ours: Callable[[str], bool], kinds: frozenset[str] = PROVOCATIONS
) -> tuple[Event, list[str]] | None:
    """The latest hostile act of ``events`` (in story order) done to our side (``ours``: whether an
    actor is on it), with its doers who are not: whom a threat of an answer in kind that names no
    one is aimed at ("X struck Y ... Y vowed to respond"); with ``kinds`` {"ACCUSE"}, whom a denial
    that names no one answers ("X accused Y of ... Y denied any involvement")."""
    for ev in reversed(events):
        if ev.type not in kinds or ev.negated or ev.hypothetical:
            continue
        got = [a for a in ev.source if not ours(a)]
        if got and any(ours(t) for t in ev.target):
            return ev, got
    return None
