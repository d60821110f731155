"""Threats told by a pledge or by an answer announced: "vowed to strike X", "swore to retaliate",
"promised a response to X", "said retaliation would follow" (CAMEO 138, PLOVER THREATEN), where no
pattern of the verb codes them."""

from __future__ import annotations

from typing import Any

from newsgraph.events.cameo import EventLexicon
from newsgraph.events.coder import Coder, Found
from newsgraph.events.tree import Clause, case_of

#: acts whose pledge is a threat ("vowed to retaliate against X", "promised to strike X")
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION"})


def pledges(sent: Any, offset: int, found: list[Found], coder: Coder, lex: EventLexicon) -> list[Found]:
    """The pledges no pattern codes whose pledged act is hostile ("vowed to strike X") or an answer
    in kind ("vowed to respond", "swore to retaliate"): threats (CAMEO 138), for the document's
    coder to fold a coded act into (``document._govern``)."""
    heads = {f.head.i: f for f in found}
    answers, pledging = lex.words("retaliation"), lex.words("pledging")
    answered = any(t.lemma_.lower() in answers for t in sent)  # (what an answer told needs)
    out: list[Found] = []
    for t in sent:
        if t.pos_ != "VERB" and t.i not in heads:
            continue  # (none of the readings below: this runs for every word)
        lemma = coder.lemma(t)
        if t.i in heads:  # "promised a response to X"
            answer = [c for c in t.children if c.dep_ == "obj" and coder.lemma(c) in answers]
            if answer and lemma in pledging:
                pledged = heads[t.i]
                rule = f"verb {pledged.lemma} + {answer[0].lower_}"
                pledged.coding = lex.coding("138", rule) or pledged.coding
            continue
        told = _told_answer(t, offset, coder, lex) if answered else None
        if told is not None:  # "said retaliation would follow"
            out.append(told)
            continue
        acts = [c for c in t.children if c.dep_ == "xcomp" and c.pos_ == "VERB"] if lemma in pledging else []
        if not acts:
            continue
        hostile = [c for c in acts if c.i in heads and heads[c.i].coding.type in HOSTILE]
        threat = lex.coding("138", f"verb {lemma}")
        if threat is None or not (hostile or any(coder.lemma(c) in answers for c in acts)):
            continue
        g = Found(t, offset, threat, lemma, Clause.of_verb(t))
        coder.participants(g)
        out.append(g)
    return out


def _told_answer(t: Any, offset: int, coder: Coder, lex: EventLexicon) -> Found | None:
    """A verb of saying whose reported clause tells that an answer in kind will come ("said
    retaliation would follow", "said Moscow's response would come soon"; lexicon ``answer_verbs``):
    a threat (CAMEO 138) by the speaker, aimed at whom it answers (``Implicit.aimed``)."""
    answers = lex.words("retaliation")
    told = [  # (the answer noun first: this runs for every verb of every sentence)
        c for c in t.children
        if c.dep_ == "ccomp"
        and any(s.dep_ == "nsubj" and s.lemma_.lower() in answers and not _answers_to(s) for s in c.children)
        and coder.lemma(c) in lex.words("answer_verbs")
    ]
    lemma = coder.lemma(t) if told else ""
    threat = lex.coding("138", f"verb {lemma} (an answer told)") if lemma in lex.words("telling") else None
    if threat is None:
        return None
    g = Found(t, offset, threat, lemma, Clause.of_verb(t))
    coder.participants(g)
    if g.target and all(coder.own_side(a, g.source) for a in g.target):  # "said Moscow's response would
        g.target = []  # follow": the answerer's own side; the threat is aimed at whom it answers
    return g


def _answers_to(n: Any) -> bool:
    """An answer that names what it answers ("a response *to the proposal*"): a reply, not one in kind."""
    return any(c.dep_ == "nmod" and case_of(c) == "to" for c in n.children)
