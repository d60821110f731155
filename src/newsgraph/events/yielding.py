"""Acts done under another's pressure: "Under pressure from X, Y allowed ...", "Bowing to X's
pressure, Y handed ... over", "Y gave in to X's demands", "Facing protests led by X, Y resigned".
The clause's doer yields to X (CAMEO 080, a concession: PLOVER CONCEDE), whatever else the clause
codes; the nouns of pressure and the verbs of giving way are the lexicon's ``pressure_nouns`` and
``yielding_verbs``; what is faced, the ``faced_nouns``, only before a concession
(``conceding_verbs``: "resigned", "withdrew the bill")."""

from __future__ import annotations

from typing import Any

from newsgraph.events.cameo import EventLexicon
from newsgraph.events.coder import Coder, Found
from newsgraph.events.tree import Clause, Token, case_of, phrase_actors

#: the cases of the phrases inside a pressure noun that name who applies it ("pressure *from* X")
PRESSERS = frozenset({"from", "by", "of"})


def pressed(sent: Any, offset: int, coder: Coder, lex: EventLexicon) -> list[Found]:
    """The concessions of ``sent`` made under a pressure it names, one per pressure noun."""
    nouns, giving = lex.words("pressure_nouns"), lex.words("yielding_verbs")
    out: list[Found] = []
    for n in sent:
        if n.pos_ != "NOUN" or n.lemma_.lower() not in nouns or not (v := n.head).tag_.startswith("VB"):
            continue  # (the tagger may make "Bowing" opening a sentence a noun; its tag stays VBG)
        lemma = coder.lemma(v)
        if lemma in lex.words("pressured_verbs"):
            continue  # "X came under pressure from Y": pressed, nothing yielded
        under = n.dep_ == "obl" and case_of(n) == "under"  # "under pressure from X, Y ..."
        bowed = n.dep_ == "obl" and case_of(n) == "to" and lemma in giving  # "bowing to it"
        coding = lex.coding("080", f"noun {n.lemma_.lower()} (yielded to)") if under or bowed else None
        if coding is None:
            continue
        cl = Clause.of_verb(v)
        doers = [a for s in cl.agent or cl.subjects for a in phrase_actors(s, coder.actors, offset)]
        pressers = [a for a in _pressers(n, coder, offset) if a not in doers]
        if doers and pressers:
            f = Found(n, offset, coding, n.lemma_.lower(), Clause(n), nominal=True)
            f.source, f.target = list(dict.fromkeys(doers)), list(dict.fromkeys(pressers))
            out.append(f)
    return out


def _pressers(n: Token, coder: Coder, offset: int) -> list[str]:
    """Who applies the pressure: the noun's own phrase ("Chilean pressure", "Chile's demands") and
    its "from", "by" or "of" phrases."""
    got = phrase_actors(n, coder.actors, offset)
    for c in n.children:
        if c.dep_ == "nmod" and case_of(c) in PRESSERS:
            got += phrase_actors(c, coder.actors, offset)
    return got


def faced(sent: Any, offset: int, coder: Coder, lex: EventLexicon) -> list[Found]:
    """The concessions of ``sent`` made facing pressure it names ("Facing weeks of protests and
    criticism from X, Y withdrew the bill"; "Facing X's threat of tariffs, Y agreed to ...")."""
    out: list[Found] = []
    for t in sent:
        if t.tag_ != "VBG" or coder.lemma(t) != "face":
            continue
        main = t.head if t.dep_ == "advcl" else next((c for c in t.children if c.dep_ == "parataxis"), None)
        if main is None or coder.lemma(main) not in lex.words("conceding_verbs"):
            continue
        nouns = [x for o in t.children if o.dep_ == "obj" for x in o.subtree]
        nouns = [x for x in nouns if x.lemma_.lower() in lex.words("faced_nouns")]
        doers = [a for s in Clause.of_verb(main).subjects for a in phrase_actors(s, coder.actors, offset)]
        leading = lex.words("leading_verbs")
        named = [(n, _pressers(n, coder, offset) + led_by(n, coder, offset, leading)) for n in nouns]
        named = [(n, [a for a in got if a not in doers]) for n, got in named]
        pressers = list(dict.fromkeys(a for _, got in named for a in got))
        coding = lex.coding("080", "facing pressure (yielded to)")
        if doers and pressers and coding is not None:  # (the first noun naming them heads it: the verb
            head = next(n for n, got in named if got)  # may code the noun too)
            f = Found(head, offset, coding, "face", Clause(head), nominal=True)
            f.source, f.target = list(dict.fromkeys(doers)), pressers
            out.append(f)
    return out


def led_by(n: Token, coder: Coder, offset: int, leading: frozenset[str]) -> list[str]:
    """Who leads or organises the crowd a noun names ("protesters *led by X*"; ``leading``: the
    lexicon's ``leading_verbs``)."""
    led = [x for c in n.children if c.dep_ == "acl" and coder.lemma(c) in leading for x in c.children]
    return [a for x in led if x.dep_ == "obl:agent" for a in phrase_actors(x, coder.actors, offset)]

