"""Who claimed a document's attacks: "X claimed responsibility for the attacks", and attacks
attributed to someone with no attributor named ("the attack was blamed on X"). The event coder
makes such an author the source of the attacks the document tells without one (a guess, marked
as such in the event's rule)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsgraph.events.cameo import EventLexicon
from newsgraph.events.deps import claiming_verb
from newsgraph.events.roles import struck_places
from newsgraph.events.tree import ActorIndex, Clause, case_of, phrase_actors
from newsgraph.text.parsed import piece_text


def claimers(
    parses: Sequence[tuple[int, Any]], actors: ActorIndex, lex: EventLexicon, text: str
) -> list[str]:
    """Who the document (of ``text``) says claimed responsibility for its attacks ("X claimed
    responsibility for the attacks"): the subjects of a claiming verb whose object is "responsibility"."""
    out: list[str] = []
    claimed, claiming = lex.words("responsibility"), lex.words("claiming")
    for offset, doc in parses:
        said = piece_text(text, offset, doc).lower()
        if any(w in said for w in claimed):
            for t in doc:
                if (v := claiming_verb(t, claimed, claiming)) is not None:
                    subj = [c for c in v.children if c.dep_ == "nsubj"]
                    out += [a for s in subj for a in phrase_actors(s, actors, offset)]
        if any(w in said for w in lex.words("attributed")):
            out += _attributed(doc, offset, actors, lex)
    return list(dict.fromkeys(out))


def _attributed(doc: Any, offset: int, actors: ActorIndex, lex: EventLexicon) -> list[str]:
    """Whom an attack is attributed to with no attributor named ("the attack was blamed on X", "a
    car bombing, another attack *ascribed to* X"): the attack's author, as one who claims it."""
    out: list[str] = []
    attacks, cases = lex.words("operation_nouns"), lex.words("attribution_cases")
    forms = lex.words("attributed")
    for v in doc:
        if v.lower_ not in forms or any(c.dep_ == "obl:agent" for c in v.children):
            continue
        told = [c for c in v.children if c.dep_ == "nsubj:pass"] + ([v.head] if v.dep_ == "acl" else [])
        if not any(x.lemma_.lower() in attacks for x in told):
            continue
        to = [c for c in v.children if c.dep_ == "obl" and case_of(c) in cases]
        named = [a for c in to for a in phrase_actors(c, actors, offset)]
        out += [a for a in named if actors.type_of(a) != "LOCATION"]
    return out


def claimed_at(
    n: Any, offset: int, claims: list[str], actors: ActorIndex, lex: EventLexicon
) -> tuple[list[str], list[str]]:
    """(source, target) of an attack noun that names no one, the subject of a verb that says where it
    struck ("three suicide bombings *took place in Tunisia* ... X claimed responsibility for all three
    attacks"): the document's one claimer's attack on that place; ([], []) otherwise."""
    if len(claims) != 1 or n.dep_ != "nsubj" or n.head.pos_ != "VERB":
        return [], []
    cl = Clause.of_verb(n.head)  # ("took [place in X]": the parse may hang the place on the object)
    phrases = [*cl.obliques, *((case_of(c), c) for o in cl.objects for c in o.children if c.dep_ == "nmod")]
    where = struck_places(phrases, actors, lex.words("struck_cases"), offset, set(claims))
    return (list(claims), where) if where else ([], [])
