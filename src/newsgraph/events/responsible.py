"""Blame told by a predicate adjective: "X was responsible for the deaths of Y" says X harmed Y
(CAMEO 190, PLOVER ASSAULT), however the harm is worded (``responsible_harms`` in the lexicon:
deaths, killings, murder...); the adjectives that tell it are ``responsible_words``. An attack
noun ("responsible for the attack on Y") is coded by the noun itself."""

from __future__ import annotations

from typing import Any

from newsgraph.events.cameo import EventLexicon
from newsgraph.events.coder import Coder, Found
from newsgraph.events.tree import Clause, Token, case_of, phrase_actors


def held_responsible(sent: Any, offset: int, coder: Coder, lex: EventLexicon) -> list[Found]:
    """An assault for each "X was responsible for the deaths of Y" of ``sent``."""
    words, harms = lex.words("responsible_words"), lex.words("responsible_harms")
    out: list[Found] = []
    for t in sent:
        if t.lower_ not in words or not any(c.dep_ == "nsubj" for c in t.children):
            continue
        for n in (c for c in t.children if c.dep_ == "obl" and case_of(c) == "for"):
            if n.lemma_.lower() in harms or n.lower_ in harms:
                f = _harm(t, n, offset, coder, lex)
                out += [f] if f is not None else []
    return out


def _harm(adj: Token, n: Token, offset: int, coder: Coder, lex: EventLexicon) -> Found | None:
    coding = lex.coding("190", f"{adj.lower_} for the {n.lower_} of (a harm done)")
    if coding is None:
        return None
    f = Found(n, offset, coding, n.lemma_.lower(), Clause(n), nominal=True)
    subj = [c for c in adj.children if c.dep_ == "nsubj"]
    f.source = [a for s in subj for a in phrase_actors(s, coder.actors, offset)]
    victims = [c for c in n.children if c.dep_ == "nmod" and case_of(c) == "of"]
    f.target = [a for v in victims for a in phrase_actors(v, coder.actors, offset) if a not in f.source]
    return f if f.source and f.target else None
