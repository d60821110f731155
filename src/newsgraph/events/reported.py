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
from newsgraph.events.tree import Clause, Token

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
