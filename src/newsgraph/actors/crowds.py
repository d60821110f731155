"""Crowds that protest, named by a number or by their people: "*Thousands of people* marched on the
palace", "*several hundred Peruvians* gathered outside parliament, demanding ...". The subject of a
protest verb (or of a gathering verb with a sign of protest in its clause) headed by a crowd word is
a mention of the story's protesters, the collective that "the protesters" also names (lexicon
``actors.crowd_verbs``, ``crowd_gathering``, ``crowd_cues``, ``crowd_heads``, ``crowd_numbers``).

A people after a number is the crowd, not its state ("several hundred Peruvians": the demonym's
state mention inside the phrase gives way); a bare people ("Peruvians protested") and a crowd of
someone's followers ("supporters of X marched": X's side, found by the event coder) are left alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsgraph.actors.spans import Cand
from newsgraph.text import lexicons
from newsgraph.text.parsed import select

_VERBS = lexicons.words("actors.crowd_verbs")
_GATHERING = lexicons.words("actors.crowd_gathering")
_CUES = lexicons.words("actors.crowd_cues")
_HEADS = lexicons.words("actors.crowd_heads")
_NUMBERS = lexicons.words("actors.crowd_numbers")
_GROUP_KEY = lexicons.phrases("actors.collective_nouns")[0]  # one group with "the protesters"
_SUBJECTS = ("nsubj", "nsubj:pass")
_ROOTED = ("cop", "aux", "aux:pass", "nsubj", "nsubj:pass")  # what makes a noun root a clause
_MODIFIERS = ("det", "nummod", "amod", "advmod", "compound", "nmod:poss", "case")


def crowd_mentions(cands: list[Cand], parses: Sequence[tuple[int, Any]]) -> list[Cand]:
    """``cands`` with the protesting crowds of the parsed body added (and the demonyms inside them
    dropped)."""
    crowds: list[Cand] = []
    for offset, t in select(parses, pos=("VERB",)):  # (what ``protesting`` takes)
        if protesting(t):
            crowds += [c for s in _subjects(t) if (c := _crowd(s, offset, t.doc.text)) is not None]
    if crowds or any(c.meta.get("group_key") == _GROUP_KEY for c in cands):
        crowds += _definite_crowds(parses)  # "police fired tear gas at the crowd": the protesters
    if not crowds:
        return cands
    kept = [c for c in cands if not any(_inside(c, w) and _yields(c) for w in crowds)]
    free = [w for w in crowds if not any(c.overlaps(w) for c in kept)]
    return sorted(kept + list({w.span: w for w in free}.values()), key=lambda c: c.start)


def protesting(v: Any) -> bool:
    """A protest verb, or a gathering verb with a sign of protest among its dependents."""
    if v.pos_ != "VERB":
        return False
    lemma = v.lemma_.lower()
    if lemma in _VERBS or v.lower_ in _VERBS:
        return True
    if lemma not in _GATHERING or any(c.dep_ == "obj" for c in v.children):
        return False  # (a gathering verb with an object gathers no one: "took military action against X")
    return any(_cue(c) for c in v.children if c.dep_ in ("advcl", "xcomp", "conj", "obl", "acl"))


def marched(v: Any) -> bool:
    """A protest verb the parse read as a participle of the crowd before it ("estimates indicate
    [thousands of people] marched"): no one is marched, so the crowd is its subject."""
    crowd = v.head.lower_ in _HEADS or v.head.lower_ in _NUMBERS or v.head.tag_ == "NNPS"
    agent = any(c.dep_ == "obl:agent" or _by_phrase(c) for c in v.children)
    return v.dep_ == "acl" and v.tag_ == "VBN" and v.lemma_.lower() in _VERBS and crowd and not agent


def _by_phrase(c: Any) -> bool:
    return c.dep_ == "obl" and any(x.dep_ == "case" and x.lower_ == "by" for x in c.children)


def gathering(v: Any) -> bool:
    """A gathering verb in protest whose clause has no protest verb of its own to tell it ("gathered
    outside parliament, demanding ..."; not "took to the streets to *protest*")."""
    own = any(c.lemma_.lower() in _VERBS for c in v.children if c.dep_ in ("advcl", "xcomp", "conj"))
    return v.lemma_.lower() not in _VERBS and not own and protesting(v)


def _cue(c: Any) -> bool:
    if c.lemma_.lower() in _CUES or c.lower_ in _CUES:
        return True
    return any(x.dep_ == "case" and x.lower_ in _CUES for x in c.children)  # "against the plan"


def _subjects(v: Any) -> list[Any]:
    """The verb's subjects, or its governor's for a verb with none ("took to the streets to protest"),
    or the noun a finite verb was hung on in a sentence the parse found no verb in ("Thousands of
    people [marched]" read as "thousands of people who marched")."""
    root = v.sent.root
    verbless = root.pos_ in ("NOUN", "PROPN") and not any(c.dep_ in _ROOTED for c in root.children)
    if v.dep_ == "acl" and (v.tag_ == "VBD" or (v.tag_ == "VBN" and (verbless or marched(v)))):
        n = v.head
        while n.dep_ == "nmod" and n.head.pos_ in ("NOUN", "PROPN") and n.head.i < n.i:
            n = n.head  # "[Tens] of thousands of people"
        return [n]
    for w in (v, v.head):
        subs = [c for c in w.children if c.dep_ in _SUBJECTS]
        if subs:
            return subs + [c for s in subs for c in s.children if c.dep_ == "conj"]
        if w.dep_ not in ("xcomp", "advcl", "conj"):
            break
    return []


def _crowd(s: Any, offset: int, text: str) -> Cand | None:
    """The crowd phrase a subject names ("Thousands of people", "several hundred Peruvians"), or None."""
    head, counted = s, False
    for _ in range(3):  # "(tens of) thousands of [people]"
        inner = [c for c in head.children if c.dep_ == "nmod" and any(x.lower_ == "of" for x in c.children)]
        if head.lower_ not in _NUMBERS or not inner:
            break
        head, counted = inner[0], True
    numbers = [c for c in head.children if c.dep_ in ("nummod", "amod", "det")]
    counted = counted or any(c.lower_ in _NUMBERS or (c.dep_ == "nummod" and c.like_num) for c in numbers)
    # a people, capitalised and plural, whatever the tagger made of it ("two million *Chileans*": NNS)
    capitalised = head.text[:1].isupper() and head.lower_.endswith("s") and head.i > s.sent.start
    people = head.tag_ == "NNPS" or capitalised
    if not (head.lower_ in _HEADS or (people and counted)):
        return None
    if any(c.dep_ == "nmod:poss" or (c.dep_ == "nmod" and c.pos_ == "PROPN") for c in head.children):
        return None  # "supporters of X", "X's followers": X's side
    first = _first(s)
    a, b = offset + first.idx, offset + head.idx + len(head.text)
    c = Cand(a, b, text[first.idx : head.idx + len(head.text)], "ORG", "rule")
    c.meta.update(collective=True, group_key=_GROUP_KEY, name=_GROUP_KEY)  # named "protesters"
    return c


def _first(s: Any) -> Any:
    """The first word of a crowd phrase: its number and modifiers ("*about* 2,000 villagers",
    "*several* hundred Peruvians"), not a phrase the parse hung before it ("In La Paz, thousands")."""
    first = s
    while first.i > 0 and (prev := first.nbor(-1)).dep_ in _MODIFIERS:
        if s.i not in [a.i for a in prev.ancestors]:
            break
        first = prev
    return first


def _definite_crowds(parses: Sequence[tuple[int, Any]]) -> list[Cand]:
    """ "the crowd", "the crowds" in a story of protests: its protesters."""
    out = []
    for offset, doc in parses:
        for t in doc:
            definite = any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
            if t.lemma_.lower() == "crowd" and definite:
                c = Cand(offset + t.idx, offset + t.idx + len(t.text), t.text, "ORG", "rule")
                c.meta.update(collective=True, group_key=_GROUP_KEY, name=_GROUP_KEY)
                out.append(c)
    return out


def _inside(c: Cand, crowd: Cand) -> bool:
    return crowd.start <= c.start and c.end <= crowd.end


def _yields(c: Cand) -> bool:
    """A candidate a crowd phrase replaces: a people named in it ("several hundred *Peruvians*")."""
    return c.label == "NORP" or c.kind == "demonym" or c.source == "derived"
