"""Acts a side says it is ready to do: "X said it was ready to provide aid to Y", "Y is willing to hold
talks with Z". A cooperative act under an adjective of readiness (``english.readiness_adjectives``) is an
expression of intent (CAMEO 03: PLOVER AGREE) between the act's own sides, stated, not hypothetical:
its mood is read on the adjective ("was ready": said; "would be ready": not yet; "not ready":
refused). A hostile act under one stays the hypothetical act ("ready to strike": a threat is
another rule's)."""

from __future__ import annotations

from dataclasses import replace

from newsgraph.events.cameo import EventLexicon
from newsgraph.events.coder import Found
from newsgraph.events.deps import READINESS, Token

#: how an act hangs from the adjective ("ready *to provide*"; the parse may read "it was ready to
#: provide" as an extraposed clause: a clausal subject)
READY_LINKS = frozenset({"xcomp", "csubj", "advcl"})


def readiness(f: Found) -> Token | None:
    """The adjective of readiness ``f``'s act is governed by ("was *ready* to send aid", "ready to
    hold *talks*": through the noun's verb), or None."""
    v = f.head.head if f.nominal and f.head.dep_ in ("obj", "obl") else f.head
    gov = v.head
    if v.dep_ not in READY_LINKS or gov.i == v.i or gov.pos_ != "ADJ":
        return None
    if gov.lemma_.lower() not in READINESS:
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "to" for c in v.children):
        return None
    return gov


def intents(found: list[Found], lex: EventLexicon) -> None:
    """Recode the cooperative acts a side says it is ready to do as its intent to do them (030)."""
    intent = lex.coding("030", "readiness")
    if intent is None:
        return
    for f in found:
        if f.coding.type.lower() not in lex.words("intent_types"):
            continue
        adj = readiness(f)
        if adj is None:
            continue
        f.coding = replace(intent, rule=f"{f.coding.rule} (ready to: an intent, {adj.lower_})")
        f.stance = adj


#: hostile acts a threat may name as its object ("threatened *attacks* on X", "threatened *sanctions*")
THREATENED = frozenset({"ASSAULT", "COERCE", "SANCTION"})


def threatened(found: list[Found]) -> list[Found]:
    """Fold a hostile act named as a threat's object ("X threatened attacks on Y", "threatened
    sanctions against Y") into the threat: aimed at the act's target, whom the threat's object
    (an act, no actor) did not name. The act itself is no event of its own (it was threatened)."""
    acts = {f.head.i: f for f in found if f.nominal and f.coding.type in THREATENED and f.target}
    folded: set[int] = set()
    for gov in (g for g in found if not g.nominal and g.coding.type == "THREATEN" and not g.target):
        objects = [*gov.clause.objects, *([gov.head.head] if gov.head.dep_ == "amod" else [])]
        named = [acts[o.i] for o in objects if o.i in acts]  # (also the noun the parse hung the verb on)
        for f in named:
            if set(f.source) <= set(gov.source):  # (not someone else's act: "threatened X's sanctions")
                gov.target = list(dict.fromkeys([*gov.target, *f.target]))
                folded.add(id(f))
    return [f for f in found if id(f) not in folded]
