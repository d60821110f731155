"""Diplomatic measures told in the passive with no agent, whose agent the clause still gives: a
recalled envoy's own state ("Peru's ambassador to Chile was recalled": Peru recalled its envoy from
Chile) and the state people were expelled or deported from ("two Chilean diplomats were expelled
from Peru": Peru expelled them). The verbs and the envoy nouns are lexicon lists
(``recalling_verbs``, ``removing_verbs``, ``actors.envoy_nouns``)."""

from __future__ import annotations

from newsgraph.events.cameo import EventLexicon
from newsgraph.events.coder import Found
from newsgraph.events.deps import case_of
from newsgraph.events.roles import ENVOYS
from newsgraph.events.tree import ActorIndex, phrase_actors

#: parts of an envoy's phrase that name whose envoy it is ("*Peru's* ambassador", "the *Peruvian* envoy")
OWNERS = frozenset({"nmod:poss", "amod", "compound"})


def passive_agent(f: Found, lex: EventLexicon, actors: ActorIndex) -> None:
    """Set ``f``'s source (and, for a recall, its target) where its agentless passive clause gives
    them; leave it as it is otherwise."""
    if f.source or not f.clause.passive or f.clause.agent:
        return
    if f.lemma in lex.words("recalling_verbs"):
        for s in f.clause.subjects:
            if s.lemma_.lower() not in ENVOYS:
                continue
            own = [a for c in s.children if c.dep_ in OWNERS for a in phrase_actors(c, actors, f.offset)]
            to = [
                a
                for c in s.children
                if c.dep_ == "nmod" and case_of(c) in ("to", "in")
                for a in phrase_actors(c, actors, f.offset)
            ]
            if own and to:
                f.source, f.target = own[:1], [a for a in to if a not in own]
                return
    if f.lemma in lex.words("removing_verbs") and f.target:
        froms = [c for case, c in f.clause.obliques if case == "from"]
        states = [a for c in froms for a in phrase_actors(c, actors, f.offset)]
        states = [a for a in states if actors.type_of(a) == "STATE"]
        f.source = [a for a in states if a not in f.target][:1]
