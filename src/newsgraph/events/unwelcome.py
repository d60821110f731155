"""Diplomats declared unwelcome: "Peru declared Mexico's ambassador X persona non grata" expels
them (CAMEO 166, PLOVER SANCTION), however the parse reads the Latin phrase (an object, a flat
name part, even a verb). The phrase is the lexicon's ``unwelcome``; the verbs that declare it,
``declaring``. Whom it befalls: the people named between the verb and the phrase, else the states
or organisations named there ("the Chilean ambassador": Chile)."""

from __future__ import annotations

from typing import Any

from newsgraph.events.cameo import EventLexicon
from newsgraph.events.coder import Coder, Found
from newsgraph.events.readings import GROUP_POSSESSIVES
from newsgraph.events.tree import Clause, Token, phrase_actors


def declared_unwelcome(sent: Any, offset: int, coder: Coder, lex: EventLexicon, piece: str) -> list[Found]:
    """An expulsion for each "declared X persona non grata" of ``sent`` (of the parsed ``piece``)."""
    out: list[Found] = []
    text = piece[sent.start_char : sent.end_char].lower()
    phrases = [p for p in lex.words("unwelcome") if p in text]  # (this runs for every sentence)
    words = [t.lower_ for t in sent] if phrases else []
    for phrase in phrases:
        parts = phrase.split()
        for i in range(len(words) - len(parts) + 1):
            if words[i : i + len(parts)] != parts:
                continue
            f = _expulsion(sent, sent[i], offset, coder, lex)
            if f is not None:
                out.append(f)
    return out


def _expulsion(sent: Any, start: Token, offset: int, coder: Coder, lex: EventLexicon) -> Found | None:
    declaring = lex.words("declaring")
    before = sent[: start.i - sent.start]
    verb = next((t for t in reversed(before) if coder.lemma(t) in declaring), None)
    coding = lex.coding("166", "declared persona non grata (an expulsion)")
    if verb is None or coding is None:
        return None
    cl = Clause.of_verb(verb)
    doers = cl.agent if cl.passive else cl.subjects
    if cl.passive and not doers:  # "... was declared persona non grata by Peru", "by" hung elsewhere
        doers = [t.head for t in sent[start.i - sent.start :] if t.lower_ == "by"][:1]
    source = _of(doers, coder, offset)
    if cl.passive:  # "the ambassador was declared persona non grata": the subject
        named = _of(cl.subjects, coder, offset)
    else:
        between = sent[verb.i + 1 - sent.start : start.i - sent.start]
        named = list(dict.fromkeys(a for t in between for a in coder.actors.at(t, offset)))
    named = [a for a in named if a not in source]
    people = [a for a in named if coder.actors.type_of(a) == "PERSON"]
    f = Found(verb, offset, coding, coder.lemma(verb), cl)
    f.source, f.target = source, people or named
    return f if f.target else None


def _of(phrases: list[Token], coder: Coder, offset: int) -> list[str]:
    return list(dict.fromkeys(a for p in phrases for a in phrase_actors(p, coder.actors, offset)))


def summoned_home(f: Found, lex: EventLexicon) -> None:
    """Summoning one's own envoy ("Peru summoned *its* ambassador to Chile for consultations") calls
    them home, a reduction of relations (CAMEO 161, as "recalled its ambassador"), not a complaint
    to the state where they serve."""
    if f.coding.cameo != "114" or f.lemma != "summon":
        return
    own = GROUP_POSSESSIVES | {"his", "her"}
    if any(c.dep_ == "nmod:poss" and c.lower_ in own for o in f.clause.objects for c in o.children):
        f.coding = lex.coding("161", f"{f.coding.rule} (its own envoy: called home)") or f.coding
