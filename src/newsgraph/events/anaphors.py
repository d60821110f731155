"""Definite nouns that refer back to a state: "sanctions on *the country*", "*the kingdom* accused
Doha", "cut ties with *the Gulf state*". The state is the one named last before the noun
(within a window) that the noun's own clause does not name otherwise: in "Saudi Arabia cut ties with
Qatar. The kingdom accused Doha ...", Doha (Qatar) is the accused, so the kingdom is Saudi Arabia.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from spacy.tokens import Doc

from newsgraph.events.deps import Token
from newsgraph.events.index import ActorIndex
from newsgraph.text import lexicons

#: nouns that, with "the" alone or describing words, stand for a state named before
STATE_ANAPHORS = lexicons.words("english.state_anaphors")
#: nouns that do so only with a describing word ("the Gulf *state*")
DESCRIBED_ONLY = lexicons.words("english.described_state_anaphors")
#: how far back the state may be named, in characters
WINDOW = 400
#: dependents that describe the noun without naming who it is
DESCRIBING = frozenset({"amod", "compound", "advmod", "punct"})
#: a clause's participants, whose actors the noun cannot stand for
#: the dependents of a name's phrase (its parts, its owner's phrase, its conjuncts) up to its head
PHRASE_PARTS = frozenset({"compound", "flat", "flat:name", "amod", "nmod:poss", "conj", "appos", "det"})
SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
PARTICIPANTS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:agent", "nmod", "nmod:poss"})


def state_anaphor(t: Token, idx: ActorIndex, offset: int) -> list[str] | None:
    """The state ``t`` refers back to, [] when it is such a noun but none fits, or None when ``t``
    is no such noun ("the state of X", "a country", "the Chilean nation")."""
    word = t.lower_
    if word not in STATE_ANAPHORS | DESCRIBED_ONLY or t.tag_ not in ("NN", "NNS"):
        return None
    dets = [c for c in t.children if c.dep_ == "det"]
    others = [c for c in t.children if c.dep_ not in ("det", "case", "punct")]
    if [d.lower_ for d in dets] != ["the"] or not all(c.dep_ in DESCRIBING for c in others):
        return None
    described = [c for c in others if c.dep_ in ("amod", "compound")]
    if word in DESCRIBED_ONLY and not described:
        return None
    if any(_names_actor(c, idx, offset) for c in described):
        return None  # "the Chilean nation", "the Andean Front state": named, not referred to
    taken = _participants(t, idx, offset)
    state = _last_state(t, idx, offset, taken)
    return [state] if state is not None else []


def _names_actor(c: Token, idx: ActorIndex, offset: int) -> bool:
    """A describing word that names an actor other than a region ("the *Gulf* state" describes)."""
    return any(idx.type_of(e) != "LOCATION" for e in idx.in_phrases([c], offset))


def _participants(t: Token, idx: ActorIndex, offset: int) -> set[str]:
    """Actors the other participants of ``t``'s clause name (not ``t``'s own phrase)."""
    v = t
    while v.dep_ not in ("ROOT", "root", "conj") and v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head  # up to the clause's predicate (or a conjunct the parse made its head)
    others = [c for c in v.children if c.dep_ in PARTICIPANTS and not c.left_edge.i <= t.i <= c.right_edge.i]
    return idx.in_phrases(others, offset)


def _last_state(t: Token, idx: ActorIndex, offset: int, taken: set[str]) -> str | None:
    """The state named last within the window before ``t``, not among ``taken``, by its name (not a
    demonym's: "the Chilean president ... the country" is as often another one); one named as the
    subject of its clause first ("Qatar scrambled after Egypt and Bahrain cut ties with *the Gulf
    state*": Qatar, not Bahrain), as the topic a story goes on about."""
    pos = offset + t.idx
    i = bisect_left(idx.starts, pos)
    named = []
    for m in reversed(idx.mentions[:i]):
        if m.start < pos - WINDOW:
            break
        if idx.type_of(m.entity) == "STATE" and m.entity not in taken and m.kind != "demonym":
            named.append(m)
    if idx.subject_words is None:
        idx.subject_words = subject_words(idx.parses)
    topics = [m for m in named if m.start in idx.subject_words]
    return (topics or named)[0].entity if named else None


def subject_words(parses: Iterable[tuple[int, Doc]]) -> frozenset[int]:
    """The text offsets of the words in clauses' subjects (a name, its parts and its owner's phrase:
    "*Saudi Arabia* shut the border", "*Chile's* president said")."""
    out: set[int] = set()
    for offset, doc in parses:
        for tok in doc:
            top = tok
            for _ in range(6):
                if top.dep_ not in PHRASE_PARTS or top.head.i == top.i:
                    break
                top = top.head
            if top.dep_ in SUBJECTS:
                out.add(offset + tok.idx)
    return frozenset(out)
