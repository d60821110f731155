"""The winner a conceded contest yields to: "Y won the election on Sunday, but X has not conceded",
"X conceded the race, congratulating Y". A concession that names no one (``conceding`` in the event
lexicon, with no object or a contest as its object: ``contests``) is made to the actor that the same
sentence, or the one before it in its paragraph, names as winning (the subject of a ``winning`` verb,
or the one congratulated), the nearest first. The guess is marked in the event's rule."""

from __future__ import annotations

from newsgraph.events.cameo import EventLexicon
from newsgraph.events.coder import Found
from newsgraph.events.deps import sentence_and_before
from newsgraph.events.tree import ActorIndex, Token, phrase_actors

#: the actor types that win contests
_CONTESTANTS = frozenset({"PERSON", "ORG", "STATE"})


def conceded_to(f: Found, lex: EventLexicon, actors: ActorIndex) -> list[str]:
    """The winner ``f``'s concession yields to, or [] (see the module docstring)."""
    if f.coding.type != "CONCEDE" or not f.source or f.target or f.nominal:
        return []
    if f.lemma not in lex.words("conceding"):
        return []
    if any(o.lemma_.lower() not in lex.words("contests") for o in f.clause.objects):
        return []  # "conceded the point", "conceded that ..."
    for sent in sentence_and_before(f.head.sent):
        winners = [a for a in _winners(sent, lex, actors, f.offset) if a not in f.source]
        winners = [a for a in winners if actors.type_of(a) in _CONTESTANTS]
        if winners:
            f.guessed = "the winner"
            return winners[:1]
    return []


def _winners(sent: Token, lex: EventLexicon, actors: ActorIndex, offset: int) -> list[str]:
    """The actors a sentence names as winning, the last named first."""
    out: list[str] = []
    for t in sent:
        lemma = t.lemma_.lower()
        if t.pos_ != "VERB" or lemma not in lex.words("winning"):
            continue
        deps = ("obj",) if lemma == "congratulate" else ("nsubj",)
        for c in t.children:
            if c.dep_ in deps:
                out = phrase_actors(c, actors, offset) + out
    return out
