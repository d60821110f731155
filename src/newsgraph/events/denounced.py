"""A denunciation of a deed accuses its doer. PETRARCH's criticism blocks code "denounced *the
sanctions*", "criticised *the detention*" as support (CAMEO 052-053: defending, rallying support)
of whom the deed was done to; where the deed's doer is the actor the clause names ("criticised
*Chile's* sanctions", "the sanctions imposed *by Chile* were criticised", "the detention of X *by
the police*"), the act is the verb's own accusation (CAMEO 111) of that doer."""

from __future__ import annotations

from newsgraph.events.acts import doer_phrase
from newsgraph.events.cameo import EventLexicon
from newsgraph.events.coder import Found
from newsgraph.events.tree import ActorIndex, Token, case_of, phrase_actors


def denounced_doer(f: Found, lex: EventLexicon, actors: ActorIndex) -> None:
    """Recode ``f`` as its verb's own accusation of the deed's doer, where a pattern of a verb of
    criticism coded support and the targets it found include the doer of the deed it names."""
    if f.nominal or f.coding.type != "SUPPORT":
        return
    base = lex.verb_coding(f.lemma)
    if base is None or base.type != "ACCUSE":
        return
    deeds = f.clause.subjects if f.clause.passive else f.clause.objects
    doers = {a for d in deeds for x in _doer_phrases(d) for a in phrase_actors(x, actors, f.offset)}
    hit = [t for t in f.target if t in doers]
    if hit:
        f.coding, f.target = base, hit


def _doer_phrases(deed: Token) -> list[Token]:
    """The phrases of a deed noun that name who did it: its possessor, its "by" phrase, the agent
    of a participle on it ("the sanctions imposed *by Chile*")."""
    out = [c for c in deed.children if doer_phrase(c)]
    for part in (c for c in deed.children if c.dep_ == "acl"):
        out += [c for c in part.children if c.dep_ == "obl:agent" or (c.dep_ == "obl" and case_of(c) == "by")]
    return out
