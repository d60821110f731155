"""Stances: whether words judge an actor well or badly (accusation or support).

The valence is VADER's compound score (vaderSentiment, MIT: a rule-based lexicon of ~7,500 words
with valences). An accusation needs more than a sad or negative tone: one of the accusation words
of ``event_verbs.yaml`` (section ``words``, list ``accusation``) must occur too; praise read from a
whole quote needs one of its ``praise`` words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from newsgraph.events.cameo import Coding, EventLexicon
from newsgraph.events.tree import Token, case_of
from newsgraph.text import lexicons

NEGATIVE = -0.45
POSITIVE = 0.6
#: a one-word judgement ("decisive", "an aggression") is scored with a lower bar
NEGATIVE_SHORT = -0.25
POSITIVE_SHORT = 0.2
#: a quote of at most this many words is a judgement too ('called him "humble and soft-spoken"')
SHORT_WORDS = 8
_LETTER = re.compile(r"\[(\w)\]")
_BRACKETED = re.compile(r"\[[^\]]*\]")
#: "like" as a preposition ("behaving *like* a rogue state"), which the valence lexicon scores as the
#: warm verb ("I like it"); not after a subject or "would" ("we would like a ceasefire")
_PREPOSITION_LIKE = re.compile(
    r"(?<!\bwould )(?<!'d )(?<!\bi )(?<!\bwe )(?<!\byou )(?<!\bthey )\blike(?= (?:a|an|the)\b)", re.IGNORECASE
)
_WORD = re.compile(r"[\w'-]+")


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def valence(text: str) -> float:
    """VADER's compound score of ``text`` (-1 .. 1)."""
    return float(_analyzer().polarity_scores(text)["compound"])


def stance(text: str, lex: EventLexicon, rule: str, *, short: bool = False) -> Coding | None:
    """ACCUSE for clearly negative words with an accusation word (REJECT where they are about someone's
    claims: a rebuttal), SUPPORT for clearly positive ones
    (in a long text, with a word of praise too: "my client is relieved" praises no one). In a short
    judgement, where the valence lexicon knows too few words ("iconic", "humble"), a word of praise
    or accusation decides unless the valence says the opposite."""
    text = _BRACKETED.sub(" ", _LETTER.sub(r"\1", text))  # "[e]xtremely"; "[the attack]" is the editor's
    words = {w.strip(".,;:!?\"'“”’()").lower() for w in text.split()}
    brief = short or len(words) <= SHORT_WORDS
    v = valence(_PREPOSITION_LIKE.sub("as", text))
    accuses = has_word(text, words, lex.words("accusation"))
    praises = has_word(text, words, lex.words("praise"))
    neg, pos = (NEGATIVE_SHORT, POSITIVE_SHORT) if short else (NEGATIVE, POSITIVE)
    # "the government is breaking the law", "X lacked authority to ...": an accusation in itself, whatever
    # the valence lexicon knows (short of praise: it reads "authority" as a good word)
    plain = (v <= 0 and brief and not praises) or (v < POSITIVE_SHORT and _plain(text, words, lex))
    if accuses and (v <= neg or plain):
        if words & lex.words("claims"):  # "there is no evidence to support X's claims": a rebuttal
            return Coding("REJECT", None, "120", f"{rule}: rebuts claims (valence {v:.2f})")
        return Coding("ACCUSE", "disapprove", "111", f"{rule}: negative (valence {v:.2f})")
    if (v >= pos and (short or praises)) or (brief and praises and v >= 0 and not accuses):
        return Coding("SUPPORT", None, "051", f"{rule}: positive (valence {v:.2f})")
    return None


def _plain(text: str, words: set[str], lex: EventLexicon) -> bool:
    """An accusation in itself ("is breaking the law"), told as a fact: no negation, modal or word of
    doubt ("will decide whether X broke the law")."""
    plain = lex.words("plain_accusation")
    if not has_word(text, words, plain):
        return False
    low = f" {' '.join(_WORD.findall(text.lower()))} "
    for phrase in plain:  # (the phrase's own words are no doubt: "showed *no* respect for")
        low = low.replace(f" {phrase} ", " ")
    unsure = lex.words("negation") | lex.words("modals") | lex.words("doubt_words")
    return unsure.isdisjoint(low.split())


def has_word(text: str, words: set[str], listed: frozenset[str]) -> bool:
    """Whether ``text`` (split into lower-case ``words``) holds a word of ``listed``; an entry of
    several words ("witch hunt", "war crimes") is matched as a phrase."""
    if words & listed:
        return True
    low = f" {' '.join(_WORD.findall(text.lower()))} "
    return any(" " in w and f" {w} " in low for w in listed)


#: the parts of speech of a predicate noun or adjective
NOMINAL = ("NOUN", "ADJ")
#: verbs of a finding, whose "that" clause tells a deed judged (see :func:`judged_clause`)
FINDING = lexicons.words("english.finding_verbs")


def judgement(v: Token, lex: EventLexicon) -> Coding | None:
    """The stance of a naming verb's judgement: "called the decision *decisive*", "characterised the
    attack *as a serious violation*", "calling it *an aggression*"."""
    pred = predicates(v)
    if not pred:
        return None
    text = " ".join(t.text for p in pred for t in p.subtree)
    got = stance(text, lex, f"judgement '{text[:40]}'", short=True)
    if got is not None and got.type == "SUPPORT" and v.lemma_.lower() in FINDING:
        return None  # a finding in someone's favour ("found that X did not lie") praises no one
    return got


def bare_participle(x: Token) -> bool:
    """A participle used as an adjective ("called the expulsions *unjustified*"; not "to be freed")."""
    return x.tag_ == "VBN" and all(c.dep_ in ("punct", "advmod") for c in x.children)


def predicates(v: Token) -> list[Token]:
    """The predicate phrases of a naming verb ("called X *a hero*", "described it *as a threat*")."""
    pred = [c for c in v.children if c.dep_ in ("xcomp", "oprd")]
    named = named_object(v)
    pred = [c for c in pred if c not in named]
    pred += [c for c in v.children if c.dep_ == "obl" and case_of(c) == "as"]
    judged = judged_clause(v)
    pred += [judged] if judged is not None else []
    # 'described the decision as ["deeply regrettable"]': the "as" predicate parsed as a clause
    pred += [c for c in v.children if c.dep_ == "advcl" and c.pos_ in NOMINAL and _marked_as(c)]
    # "called X [a hero]", the predicate noun parsed as an unmarked oblique
    pred += [c for c in v.children if c.dep_ == "obl:unmarked" and c.pos_ in ("NOUN", "ADJ")]
    objs = [c for c in v.children if c.dep_ == "obj"]
    # "called X [a liar]", "called the inquiry [a 'witch hunt']": the predicate noun hung on the object
    # as an unmarked modifier or an apposition
    pred += [
        c for o in objs[:1] for c in o.children if c.dep_ in ("nmod:unmarked", "appos") and c.pos_ in NOMINAL
    ]
    # "called the demand [unacceptable]": an adjective after the object, which the parse made its
    # modifier (an attributive adjective comes before its noun)
    pred += [c for o in objs[:1] for c in o.children if c.dep_ == "amod" and c.i > o.i and c.pos_ == "ADJ"]
    # 'called the measures ["unjustified"]': a bare participle after the object, parsed as its modifier
    pred += [
        c
        for o in objs[:1]
        for c in o.children
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.i > o.i and all(x.dep_ == "punct" for x in c.children)
    ]
    # "found X's decree [to be unlawful]": a "to be" predicate the parse hung on the object
    pred += [
        c
        for o in objs[:1]
        for c in o.children
        if c.dep_ == "acl" and c.pos_ in NOMINAL and c.i > o.i
        and {"cop", "mark"} <= {x.dep_ for x in c.children}
    ]
    # "described X's claims [as baseless]": the "as" phrase hung on the object
    pred += [c for o in objs[:1] for c in o.children if c.dep_ == "nmod" and case_of(c) == "as"]
    # 'called the sentence ["unjust"]': a quoted word after the object, parsed as the verb's adverb
    pred += [c for c in v.children if c.dep_ == "advmod" and objs and c.i > objs[0].i and _quoted(c)]
    # "called Peru's decision [inappropriate]": the adjective made the object's head, its noun a compound
    pred += [o for o in objs[:1] if o.tag_ == "JJ" and any(c.dep_ == "compound" for c in o.children)]
    if not pred and len(objs) > 1:
        pred = objs[1:]  # "calling it an aggression" parsed with two objects
    return pred


def _quoted(t: Token) -> bool:
    """A word right after an opening quotation mark."""
    return t.i > 0 and t.doc[t.i - 1].is_quote


def judged_clause(v: Token) -> Token | None:
    """A "that" clause of a naming verb with no object that predicates a noun or an adjective of its
    subject ("ruled that X's ban *was unconstitutional*", "found that the decree was unlawful")."""
    if any(c.dep_ == "obj" for c in v.children):
        return None
    finding = v.lemma_.lower() in FINDING  # (a deed a finding tells: "ruled X [lacked] authority")
    for c in v.children:
        deps = {x.dep_ for x in c.children}
        if c.dep_ == "ccomp" and c.pos_ in NOMINAL and {"cop", "nsubj"} <= deps:
            return c
        if c.dep_ == "ccomp" and c.pos_ == "VERB" and "nsubj" in deps and finding:
            return c
    return None


def _marked_as(c: Token) -> bool:
    """A clause opened by "as" ('as "deeply regrettable"')."""
    return any(x.dep_ == "mark" and x.lower_ == "as" for x in c.children)


def named_object(v: Token) -> list[Token]:
    """Who a naming verb with no object names, when the parse made the name a second complement
    ("called [Trump] a 'national embarrassment'": two complements, the first a name)."""
    if any(c.dep_ == "obj" for c in v.children):
        return []
    if judged := judged_clause(v):  # "ruled that [X's ban] was unconstitutional"
        return [c for c in judged.children if c.dep_ == "nsubj"][:1]
    told = [c for c in v.children if c.dep_ == "obl" and case_of(c) == "to"]
    if told and any(c.dep_ == "obl" and case_of(c) == "as" for c in v.children):
        return told[:1]  # "referred *to X* as a liar"
    comps = [c for c in v.children if c.dep_ in ("xcomp", "oprd")]
    first = comps[0] if len(comps) > 1 else None
    return [first] if first is not None and first.pos_ in ("PROPN", "PRON") and first.i > v.i else []
