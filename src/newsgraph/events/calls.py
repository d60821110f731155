"""Telephone calls told with a verb of calling and the call's purpose: "X called Y to discuss the
crisis", "X rang Y to congratulate him" (CAMEO 041, PLOVER CONSULT). The verb alone is no call ("called
Y a liar", "called on Y to ...", "called for talks", "called the army to intervene"): only an object
that names an actor and a "to" clause of a verb of talking (lexicon ``call_purposes``) make it one."""

from __future__ import annotations

from typing import Any

from newsgraph.events.cameo import EventLexicon
from newsgraph.events.coder import Coder, Found
from newsgraph.events.deps import marked_to
from newsgraph.events.tree import Clause

#: the CAMEO code of a telephone call
CALL = "041"


def phoned(sent: Any, offset: int, found: list[Found], coder: Coder, lex: EventLexicon) -> list[Found]:
    """The calls of ``sent`` (see the module), each from the caller to whom they called, where the
    verb coded nothing else (``found``: what the sentence's words coded so far)."""
    coded = {f.head.i for f in found}
    out: list[Found] = []
    for v in sent:
        if v.pos_ != "VERB" or v.i in coded or (lemma := coder.lemma(v)) not in lex.words("calling_verbs"):
            continue
        purpose = next((c for c in v.children if _talking_clause(c, coder, lex)), None)
        if purpose is None or not any(c.dep_ == "obj" for c in v.children):
            continue
        coding = lex.coding(CALL, f"verb {lemma} + to {coder.lemma(purpose)} (a call)")
        if coding is None:
            continue
        f = Found(v, offset, coding, lemma, Clause.of_verb(v))
        coder.participants(f)
        if f.source and f.target:
            out.append(f)
    return out


def _talking_clause(c: Any, coder: Coder, lex: EventLexicon) -> bool:
    """A "to" clause of a verb of talking under the verb of calling ("to discuss", "to congratulate")."""
    return c.dep_ in ("xcomp", "advcl") and marked_to(c) and coder.lemma(c) in lex.words("call_purposes")
