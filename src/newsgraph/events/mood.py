"""Negation and hypotheticality of a coded predicate, read from the parse, each with its cue word.

Negated: a negation word on the predicate ("did not meet", "never visited", "no talks") or on the
light verb that governs a nominal event ("did not impose sanctions"), or a governing verb that
says it did not happen ("failed to agree"). Hypothetical: a modal or future auxiliary ("will
visit", "could strike"), a governing verb or adjective of intent, plan or possibility ("plans to
visit", "threatened to attack", "ready to talk"), a conditional clause ("if Russia attacks"), a
planning noun ("the plan to withdraw"), or a prospective modifier ("possible sanctions"). The word
lists are in ``data/lexicon/event_verbs.yaml`` (section ``words``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from newsgraph.events.cameo import EventLexicon
from newsgraph.events.deps import CONCESSIVE
from newsgraph.events.subjects import PREVENTING
from newsgraph.events.tree import Token, case_of
from newsgraph.text.vocabulary import verb_stems

#: concessions and agreements that, negated, are refusals (CAMEO 12: "did not accede to their demands")
REFUSALS = frozenset({"CONCEDE", "AGREE"})


@dataclass
class Mood:
    negated: bool = False
    hypothetical: bool = False
    cue: str | None = None
    future: bool = False
    unable: bool = False  # "could not agree": a failure, not a refusal
    requested: bool = False  # what someone asks another to do ("urged Peru to withdraw"): no event
    hedges: list[str] = field(default_factory=list)  # the cues of hypotheticality, lower case

    def mark(self, kind: str, cue: Token, future: frozenset[str] = frozenset()) -> None:
        if kind == "negated":
            self.negated = True
        else:
            self.hypothetical = True
            self.future = self.future or cue.lower_ in future
            self.hedges.append(cue.lower_)
        self.cue = self.cue or cue.text

    def refusal(self, kind: str, lemma: str, lex: EventLexicon) -> bool:
        """Whether this negated act of ``kind`` (its verb ``lemma``) is a refusal (CAMEO 12): a
        concession or agreement not made ("did not accede to their demands"), a verb of going along
        with another not done ("did not recognise the vote"), or an act of going along with another
        that the doer will not do ("would not negotiate", "will not withdraw"); not one it could not
        do ("could not agree"). A refusal with only an auxiliary of will is stated, not hypothetical."""
        if not self.negated or self.unable:
            return False
        willing = lex.words("willing_modals")
        will = bool(self.hedges) and all(h in willing for h in self.hedges)
        concession = kind in REFUSALS or lemma in lex.words("refusable_verbs")
        refused = (self.cue or "").lower() in lex.words("refusal_nouns")  # "X's refusal to hold talks"
        return concession or ((will or refused) and kind.lower() in lex.words("refusable_types"))

    def refused(self, lex: EventLexicon) -> None:
        """Turn this mood into a refusal's: said, so not negated; not hypothetical when only an
        auxiliary of will hedged it ("said it would not negotiate")."""
        self.negated = False
        if self.hedges and all(h in lex.words("willing_modals") for h in self.hedges):
            self.hypothetical, self.future, self.hedges = False, False, []
        self.cue = self.cue if self.hypothetical else None


def mood(
    head: Token, lex: EventLexicon, lemma_of: Callable[[Token], str], *, nominal: bool, asked: bool = False
) -> Mood:
    """The modality of the predicate headed by ``head`` (a verb, or an event noun; ``asked``: the
    noun's own request, made whatever its answer's mood)."""
    words = {
        k: lex.words(k)
        for k in (
            "negation",
            "modals",
            "conditions",
            "supposing",
            "unsupposing",
            "awaited",
            "governors",
            "negators",
            "plans",
            "prospective",
            "future",
            "predicting",
            "mandating",
            "asking",
            "not_yet",
            "past_ability",
            "performatives",
            "negating_nouns",
            "failing_nouns",
            "opposed_marks",
        )
    }
    m = Mood()
    _local(head, words, m)
    if nominal:
        conceded = head.dep_ == "obl" and case_of(head) in CONCESSIVE  # "despite calls from X": made
        answer = lemma_of(head.head)
        answered = answer in lex.words("answering") and answer not in lex.words("answering_unmade")
        answered = asked and answered and head.lemma_.lower() in lex.words("demand_nouns")
        conceded = conceded or answered  # "will comply with the request of X": the request was made
        conceded = conceded or _referred(head, lex, answer, words["governors"])  # "did not mention X's ..."
        if head.dep_ in ("obj", "obl", "nsubj:pass") and head.head.i != head.i and not conceded:
            _local(head.head, words, m)  # "did not impose sanctions", "will hold talks"
            _governors(head.head, words, lemma_of, m)
            # (not the setting it was said in: "*in a phone call*, X urged Y to ...")
            setting = head.dep_ == "obl" and case_of(head) in lex.words("setting_cases")
            verb = lemma_of(head.head)
            asking = verb in words["asking"]
            phrase = head.dep_ == "obl" and case_of(head) not in lex.words("asked_cases")
            setting = setting or (asking and phrase)  # ("called for an inquiry *into* X": not asked for)
            asked = _asked_for(head, lex, verb, words["governors"]) and not _made(head, lex)
            if head.dep_ != "nsubj:pass" and asked and not setting:
                m.mark("hypothetical", head.head)  # "called for a ceasefire", "demanded talks"
                m.requested = asking
        for c in head.children:
            if c.dep_ in ("amod", "compound") and c.lower_ in words["prospective"]:
                m.mark("hypothetical", c)
    else:
        to = any(c.dep_ == "mark" and c.lower_ == "to" for c in head.children)
        if to and (yet := _not_yet(head, words)):  # "has yet to congratulate X", parsed as one verb
            m.mark("negated", yet[0])
        _governors(head, words, lemma_of, m)
        for role in (c for c in head.children if c.dep_ == "obl" and case_of(c) == "as"):
            # "floated X as a *potential* running mate": a role not given yet
            for cue in (c for c in role.children if c.dep_ == "amod" and c.lower_ in words["prospective"]):
                m.mark("hypothetical", cue)
    if not m.hypothetical:
        _question(head, m)
    return m


def _referred(noun: Token, lex: EventLexicon, verb: str, governors: frozenset[str]) -> bool:
    """An event noun with a named doer of its own, the object of a verb that neither does it (its
    light or receiving verbs) nor asks or plans it: an act referred to, which the verb's negation or
    mood does not touch ("failed to mention *X's opposition* to Y", "may reject *Peru's proposal*")."""
    spec = lex.noun_spec(noun.lemma_, noun.lower_) or {}
    doing = {*(spec.get("light") or ()), *(spec.get("received") or ()), *governors}
    return _named_doer(noun) and verb not in doing


def _made(noun: Token, lex: EventLexicon) -> bool:
    """An event noun with a named doer of its own under a verb of weighing it ("refused to consider
    *X's* nomination", "is reviewing *Peru's* request"): made already, not planned."""
    return _named_doer(noun) and noun.head.lemma_.lower() in lex.words("reviewing")


def _named_doer(noun: Token) -> bool:
    """The noun's possessor is a name ("*X's* nomination")."""
    return any(c.dep_ == "nmod:poss" and c.pos_ == "PROPN" for c in noun.children)


def _asked_for(noun: Token, lex: EventLexicon, verb: str, governors: frozenset[str]) -> bool:
    """An event noun that a governing verb asks for, plans or offers, other than one of the noun's
    own light verbs ("called for a ceasefire", "proposed talks"; not "agreed a treaty")."""
    spec = lex.noun_spec(noun.lemma_, noun.lower_) or {}
    return verb in governors and verb not in (spec.get("light") or ())


#: question words that take their clause's event as given ("*Why* did X attack Y?")
PRESUPPOSING = frozenset({"why", "how", "when", "where"})


def _question(head: Token, m: Mood) -> None:
    """A yes/no question asserts nothing: "Will X provide aid to Y?" is hypothetical (its cue the
    "?"); "Why did X attack Y?" takes the attack as given."""
    words = [t for t in head.sent if not t.is_punct]
    if words and words[0].lower_ in PRESUPPOSING:
        return
    end = head.sent[-1]
    while end.is_punct and end.text in ('"', "”", "’", "'", ")") and end.i > head.sent.start:
        end = end.nbor(-1)
    if end.text == "?":
        m.mark("hypothetical", end)


def _named(c: Token) -> bool:
    """A capitalised "modal" right after a name is the end of the name ("Theresa *May* blamed X"):
    no modal is capitalised inside a sentence."""
    return c.text[:1].isupper() and c.i > c.sent.start and c.doc[c.i - 1].pos_ == "PROPN"


def _local(t: Token, words: dict[str, frozenset[str]], m: Mood) -> None:
    neg, modals, conds = words.get("negation", ()), words.get("modals", ()), words.get("conditions", ())
    negative = ("advmod", "neg", "det", "cc:preconj")  # (the morphologizer marks "not", "never", "no")
    negs = [
        c for c in t.children if c.dep_ in negative and ("Neg" in c.morph.get("Polarity") or c.lower_ in neg)
    ]
    # "*neither* X nor Y would endorse it": a subject denied as a whole
    subjects = [c for c in t.children if c.dep_ in ("nsubj", "nsubj:pass")]
    denied = [x for c in subjects for x in c.children if x.dep_ in ("cc:preconj", "det") and x.lower_ in neg]
    negs += denied
    for x in denied:
        m.mark("negated", x)
    # "had not met X until 2010", "... until they were at college": they did meet, from then on
    until = any(
        case_of(c) == "until" or any(x.dep_ == "mark" and x.lower_ == "until" for x in (c, *c.children))
        for c in t.children
    )
    able = words.get("past_ability", frozenset())
    for c in t.children:
        if c in negs and not until:
            m.mark("negated", c)
        elif c.dep_ == "aux" and c.lower_ in modals and not (negs and c.lower_ in able) and not _named(c):
            m.mark("hypothetical", c, words.get("future", frozenset()))
        elif negs and ((c.dep_ == "aux" and c.lower_ in able) or c in _not_yet(t, words)):
            m.unable = True  # "could not agree", "has not yet agreed": did not, though not by a refusal
        elif c.dep_ == "mark" and c.lower_ in conds:
            m.mark("hypothetical", c)
        elif c.dep_ in ("mark", "case") and c.lower_ in words.get("opposed_marks", ()) and t.tag_ == "VBG":
            m.mark("negated", c)  # "voted against confirming X": not done
        elif c.dep_ == "advcl" and (cond := _condition(c, words)) is not None:
            m.mark("hypothetical", cond)  # "if Peru attacked, it would not negotiate": on a condition
    # "X is to step down", "the Senate was to meet Monday": planned ("be to" + verb), not done
    deps = {(c.dep_, c.lemma_.lower()) for c in t.children}
    if ("cop", "be") in deps and ("mark", "to") in deps and t.pos_ == "VERB":
        if yet := _not_yet(t, words):  # "X is yet to sign": not done
            m.mark("negated", yet[0])
            return
        m.mark("hypothetical", next(c for c in t.children if c.dep_ == "cop"))
        m.future = True


def _condition(c: Token, words: dict[str, frozenset[str]]) -> Token | None:
    """The subordinator of a supposed case of an adverbial clause ("*if* Peru attacked"; not "even
    if", "as if": ``unsupposing``), or None."""
    marks = [x for x in c.children if x.dep_ in ("mark", "advmod")]
    if any(x.lower_ in words.get("unsupposing", frozenset()) for x in marks):
        return None
    return next((x for x in marks if x.dep_ == "mark" and x.lower_ in words.get("supposing", ())), None)


def _subjunctive(t: Token) -> bool:
    """A clause's verb in the base form or "should": what someone is to do ("that Peru *release*")."""
    return t.tag_ in ("VB", "VBP") or any(c.dep_ == "aux" and c.lower_ == "should" for c in t.children)


def _polite(gov: Token, verb: str, words: dict[str, frozenset[str]]) -> bool:
    """ "would like to" (or "wish to") before a speech act done by saying so ("thank", "congratulate")."""
    return gov.lemma_.lower() in ("like", "wish") and verb in words.get("performatives", ())


def _not_yet(t: Token, words: dict[str, frozenset[str]]) -> list[Token]:
    """The "yet" of "has yet to", "is yet to" on ``t``: what it governs has not happened."""
    return [c for c in t.children if c.dep_ == "advmod" and c.lower_ in words.get("not_yet", ())]


def _negator(gov: Token, lemma_of: Callable[[Token], str], negators: frozenset[str]) -> bool:
    """A verb whose complement did not happen ("failed to", "refrained from"): by its lemma, or by a
    stem of its form where the lemma is a verb the event lexicon does not know ("refrained")."""
    return lemma_of(gov) in negators or any(s in negators for s in verb_stems(gov.lower_))


def _governors(t: Token, words: dict[str, frozenset[str]], lemma_of: Callable[[Token], str], m: Mood) -> None:
    """Walk up the clauses that govern ``t``: control verbs, conditionals, planning nouns."""
    governors, negators = words.get("governors", ()), words.get("negators", ())
    plans, conds = words.get("plans", ()), words.get("conditions", ())
    for _ in range(4):
        dep, gov = t.dep_, t.head
        if gov.i == t.i:
            return
        if dep == "xcomp" or (dep == "ccomp" and gov.pos_ == "ADJ"):
            lemma = lemma_of(gov)
            if _polite(gov, lemma_of(t), words):  # "we would like to thank X": thanks given
                t = gov
                continue
            if _negator(gov, lemma_of, negators):
                m.mark("negated", gov)
            elif yet := _not_yet(gov, words):
                m.mark("negated", yet[0])  # "has yet to concede", "is yet to sign": not (yet) done
            elif lemma in governors or gov.lower_ in governors:
                m.mark("hypothetical", gov)
                m.requested = m.requested or lemma in words.get("asking", ())
            _local(gov, words, m)
            t = gov
            continue
        kept = dep == "advcl" and any(c.dep_ == "mark" and c.lower_ == "from" for c in t.children)
        # "stopped short of condemning X": not done (nor refused)
        short = dep == "advcl" and any(c.dep_ == "mark" and c.lower_ == "of" for c in t.children)
        short = short and any(c.lower_ == "short" for c in gov.children)
        kept = kept and (_negator(gov, lemma_of, negators) or lemma_of(gov) in PREVENTING)
        if kept or short:  # "prevented X from certifying", "stopped X from meeting Y": not done
            m.mark("negated", gov)
            m.unable = True
            _local(gov, words, m)
            t = gov
            continue
        aimed = dep == "advcl" and any(c.dep_ == "mark" and c.lower_ == "to" for c in t.children)
        if aimed and lemma_of(gov) in governors:  # "paid X to attack Y": the attack was the aim
            m.mark("hypothetical", gov)
            return
        if dep == "ccomp" and lemma_of(gov) in words.get("predicting", ()):  # "X predicts Biden wins"
            m.mark("hypothetical", gov)
            return
        if dep == "ccomp" and lemma_of(gov) in words.get("mandating", ()) and _subjunctive(t):
            m.mark("hypothetical", gov)  # "demanded that Peru release X": asked, not done
            m.requested = lemma_of(gov) in words.get("asking", ())
            return
        if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in conds for c in t.children):
            m.mark("hypothetical", next(c for c in t.children if c.dep_ == "mark"))
            return
        awaited = [c for c in t.children if c.dep_ == "mark" and c.lower_ in words.get("awaited", ())]
        if dep == "advcl" and awaited:  # "would not ratify it until the rebels disarmed": not done
            g = Mood()
            _local(gov, words, g)
            if g.negated or g.hypothetical:
                m.mark("hypothetical", awaited[0])
            return
        to_clause = any(c.dep_ == "mark" and c.lower_ == "to" for c in t.children)
        noun = lemma_of(gov) if dep == "acl" and to_clause else ""
        if noun in words.get("negating_nouns", ()):
            m.mark("negated", gov)  # "Chile's refusal to withdraw": not done (refused)
            m.unable = noun in words.get("failing_nouns", ())  # "its failure to act": not by choice
            return
        own = any(c.dep_ in ("nsubj", "nsubj:pass") for c in t.children)  # "the request [Z dismissed]"
        if dep == "acl" and (lemma_of(gov) in plans or gov.lower_ in plans) and not own:
            m.mark("hypothetical", gov)  # (also "X's plans *to visit* Y", "a bid to join")
            return
        if dep in ("advcl", "acl") and to_clause:
            # an infinitive under a clause that did not happen or may not ("had not received a
            # request to expel X", "would go to attack Y"): not a fact either
            g = Mood()
            _local(gov, words, g)
            if g.negated or g.hypothetical:
                m.mark("hypothetical", gov)
            return
        if dep == "acl" and (cond := [c for c in gov.children if c.dep_ == "mark" and c.lower_ in conds]):
            m.mark("hypothetical", cond[0])  # "if the House votes to impeach X" with "votes" read as a noun
        return
