"""Other readings of an event noun's lexicon entry, chosen by the noun's phrases: a show of force
("drills *around* X", the entry's ``posture``) rather than joint drills, and the reading without
the entry's modifiers where the noun has the phrase it needs ("calls *for* a ceasefire", its
``otherwise``); and the noun's participants the parse hung elsewhere: a modifier read as a phrase of
its own ("after *the police* killing of X"), a "by" phrase hung on the verb ("condemned the killing
of X *by Y*"), an unresolved "its" ("the killing of *its* citizens")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsgraph.events.deps import CONCESSIVE, conjuncts
from newsgraph.events.tree import ActorIndex, Token, case_of, is_passive, phrase_actors
from newsgraph.text import lexicons


def despite(n: Token) -> bool:
    """A noun the clause is done despite ("reopened the border *despite* calls from X")."""
    return n.dep_ == "obl" and case_of(n) in CONCESSIVE


def posture(n: Token, spec: dict[str, Any], offset: int, actors: ActorIndex) -> dict[str, Any]:
    """The entry's reading as a show of force where the noun has the phrase its ``posture``
    names with a state or group in it ("drills *around* X"; not joint ones), else the entry."""
    alt = spec.get("posture")
    if not alt or any(c.lower_ in ("joint", "combined") for c in n.children):
        return spec
    phrases = [c for c in n.children if c.dep_ == "nmod" and case_of(c) in alt["target"]]
    faced = [a for c in phrases for a in phrase_actors(c, actors, offset)]
    if not any(actors.type_of(a) != "LOCATION" for a in faced):
        return spec
    rest = {k: v for k, v in spec.items() if k not in ("mods", "mutual", "posture")}
    return {**rest, **alt, "rule": f"{spec['rule']} (show of force)"}

def otherwise(n: Token, spec: dict[str, Any]) -> dict[str, Any] | None:
    """The entry's reading without its modifiers, where the noun has the phrase it needs ("calls
    *for* a ceasefire"), else None."""
    alt = spec.get("otherwise")
    if not alt:
        return None
    needs = alt.get("needs")
    needs = [needs] if isinstance(needs, str) else list(needs or ())
    needed = [c for c in n.children if c.dep_ in ("nmod", "acl") and case_of(c) in needs]
    named = bool(needed) and all(c.pos_ == "PROPN" for c in needed)
    # a name followed by a "to" clause ("calls for Israel *to freeze* ..."), wherever the parse hung it
    end = needed[-1].right_edge.i + 1 if needed else len(n.doc)
    asked = end < len(n.doc) and n.doc[end].lower_ == "to" and n.doc[end].dep_ == "mark"
    if not needed and despite(n):  # "despite repeated calls from X": made to the clause's doer
        return {**alt, "rule": spec["rule"]}
    if not needed or (alt.get("asks") and named and not asked):  # "the [election] call for Biden"
        return None
    if not alt.get("asks"):  # "strikes *on* X": the needed phrase names the target
        return {**alt, "rule": spec["rule"]}
    # "calls for the creation of a state": the thing asked for, no one it is asked of
    cases = alt.get("target") if named else [c for c in alt.get("target") or () if c not in needs]
    return {**alt, "target": cases, "rule": spec["rule"]}


def came_from(
    n: Token, spec: dict[str, Any], lemma_of: Callable[[Token], str], offset: int, actors: ActorIndex
) -> list[str]:
    """Who a reaction told as arriving came from ("condemnation came *from X*", "statements of
    condemnation have come from X"): the "from" phrase of the verb the noun (or the noun it is the "of"
    phrase of) is the subject of, where that verb is one the entry receives the noun by."""
    top = n.head if n.dep_ == "nmod" and case_of(n) == "of" else n
    if top.dep_ != "nsubj" or lemma_of(top.head) not in (spec.get("received") or ()):
        return []
    froms = [c for c in top.head.children if c.dep_ == "obl" and case_of(c) == "from"]
    return [a for c in froms for x in conjuncts(c) for a in phrase_actors(x, actors, offset)]


#: possessives that refer to a state or organisation ("its", "their")
GROUP_POSSESSIVES = frozenset(
    k
    for k, v in lexicons.table("english.possessive_pronouns").items()
    if v in lexicons.words("english.pronouns_group")
)


def misparsed_modifier(n: Token, actors: ActorIndex, offset: int) -> list[str]:
    """The actor a word right before the noun names, when the parse hung that word elsewhere
    though a determiner opens the two: "after *the police* killing of X" parsed as "the police",
    with "killing" its modifier."""
    i = n.i - 1
    if i < 1 or n.doc[i].head.i == n.i or n.doc[i].pos_ not in ("NOUN", "PROPN", "ADJ"):
        return []
    if n.doc[i - 1].pos_ != "DET" or n.doc[i - 1].head.i != i:
        return []
    return actors.at(n.doc[i], offset)


def verb_agent(n: Token, actors: ActorIndex, offset: int) -> list[str]:
    """A "by" phrase the parse hung on an active verb whose object the noun is: the noun's agent
    ("condemned the killing of X *by Y*"; an active verb has no agent of its own)."""
    v = n.head
    if n.dep_ != "obj" or v.pos_ != "VERB" or is_passive(v):
        return []
    bys = [c for c in v.children if c.dep_ == "obl" and c.i > n.i and case_of(c) == "by" and c.pos_ != "VERB"]
    return [a for c in bys for a in phrase_actors(c, actors, offset)]


def its_owner(n: Token, actors: ActorIndex, offset: int) -> list[str]:
    """An unresolved "its"/"their" on the noun: the closest state or organisation named before it
    in the sentence ("the Cuban government's repression ... and *its* support for X")."""
    poss = [c for c in n.children if c.dep_ == "nmod:poss" and c.lower_ in GROUP_POSSESSIVES]
    if not poss:
        return []
    for t in reversed(list(n.sent)[: poss[0].i - n.sent.start]):
        got = [a for a in actors.at(t, offset) if actors.type_of(a) in ("STATE", "ORG")]
        if got:
            return got[:1]
    return []
