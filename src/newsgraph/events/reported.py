"""Hostile acts told as someone's report: "Chile's foreign ministry said Peruvian troops had fired
mortars at Chilean villages" codes the attack (Peru -> Chile) and the accusation it is (Chile's
foreign ministry -> Peru, CAMEO 112). The reporter is not the doer's side ("X said its forces had
struck Y" is no accusation) nor a news outlet ("Reuters reported that X ..." is news), and the report
opens the sentence (an attribution after the act, "X stormed Y's villages, Y's officials said", sources
the news); the reporting verbs are the lexicon's ``accusing_reports`` and the acts ``reported_acts``."""

from __future__ import annotations

from newsgraph.events.cameo import EventLexicon
from newsgraph.events.coder import Coder, Found
from newsgraph.events.places import Places
from newsgraph.events.tree import Clause, Token, case_of

#: how a reported clause hangs from the verb that reports it
_REPORTED = frozenset({"ccomp", "parataxis"})


def reported_accusations(found: list[Found], coder: Coder, places: Places, lex: EventLexicon) -> list[Found]:
    """The accusations the reported hostile acts of one sentence's ``found`` make."""
    acts, verbs = lex.words("reported_acts"), lex.words("accusing_reports")
    out: list[Found] = []
    for f in found:
        gov = _reporter(f, coder, verbs)
        if gov is None or f.coding.type.lower() not in acts or not f.source:
            continue
        cl = Clause.of_verb(gov)
        speakers = [a for a in coder.actors_of(cl.subjects, f.offset) if not coder.media(a)]
        doers = list(f.source)
        if not speakers or any(places.same_side(s, d) for s in speakers for d in doers):
            continue
        if _told(found, speakers, doers):
            continue
        coding = lex.coding("112", f"verb {coder.lemma(gov)} (a hostile act reported: an accusation)")
        if coding is not None:
            acc = Found(gov, f.offset, coding, coder.lemma(gov), cl)
            acc.source, acc.target = speakers, doers
            out.append(acc)
    return out


def _reporter(f: Found, coder: Coder, verbs: frozenset[str]) -> Token | None:
    """The reporting verb ``f``'s clause is the complement of ("said [X had fired ...]"), or None."""
    v = f.head
    if v.dep_ == "conj" and v.head.dep_ in _REPORTED:  # "said X had fired ... and [killed] ..."
        v = v.head
    gov = v.head
    if v.dep_ not in _REPORTED or gov.i >= v.i or f.nominal or coder.lemma(gov) not in verbs:
        return None  # (an attribution after the act, "..., officials said", sources the news)
    return gov


def _told(found: list[Found], speakers: list[str], doers: list[str]) -> bool:
    """Whether the sentence already tells that accusation (the reporting verb coded it)."""
    return any(
        g.coding.type == "ACCUSE" and set(g.source) & set(speakers) and set(g.target) & set(doers)
        for g in found
    )


def reported_blame(sent: Token, offset: int, coder: Coder, places: Places, lex: EventLexicon) -> list[Found]:
    """Blame told as someone's report: "Peru said the Andean Front was responsible for the bombing",
    "... was behind the attack" is the reporter's accusation of whom it names (CAMEO 112), on the
    same conditions as :func:`reported_accusations` (a reporter that opens the sentence, not the
    doer's side nor a news outlet); the deed is a hostile act of the noun lexicon."""
    out: list[Found] = []
    for pred in (t for t in sent if t.dep_ in _REPORTED and t.head.i < t.i):
        if not any(_deed(d, lex) for d in _blamed_for(pred, lex)):
            continue
        gov = pred.head
        if coder.lemma(gov) not in lex.words("accusing_reports"):
            continue
        cl = Clause.of_verb(gov)
        speakers = [a for a in coder.actors_of(cl.subjects, offset) if not coder.media(a)]
        doers = coder.actors_of([c for c in pred.children if c.dep_ == "nsubj"], offset)
        doers = [d for d in doers if d not in speakers]
        if not speakers or not doers or any(places.same_side(s, d) for s in speakers for d in doers):
            continue
        coding = lex.coding("112", f"verb {coder.lemma(gov)} (responsibility for a hostile act reported)")
        if coding is not None:
            acc = Found(gov, offset, coding, coder.lemma(gov), cl)
            acc.source, acc.target = speakers, doers
            out.append(acc)
    return out


def _blamed_for(pred: Token, lex: EventLexicon) -> list[Token]:
    """The deed a reported predicate lays on its subject: "(was) responsible *for the bombing*",
    "(was) behind *the attack*"."""
    if pred.lower_ in lex.words("responsible_words"):
        return [c for c in pred.children if c.dep_ == "obl" and case_of(c) == "for"]
    behind = any(c.dep_ == "case" and c.lower_ == "behind" for c in pred.children)
    return [pred] if behind and any(c.dep_ == "cop" for c in pred.children) else []


def _deed(n: Token, lex: EventLexicon) -> bool:
    spec = lex.noun_spec(n.lemma_ or n.text, n.lower_)
    coding = lex.noun_coding(spec) if spec else None
    return coding is not None and coding.type.lower() in lex.words("reported_acts")
