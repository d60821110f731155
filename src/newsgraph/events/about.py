"""Who a quote is about: the actors it names, or those it says did or are something.

Inside a direct quote, a third-person pronoun ("*he* was a true statesman") never stands for the one
who speaks ("I" does), and the actors stage, which resolves pronouns before the quotes are known,
may have taken the speaker or the wrong person. Such a pronoun is read again, in this order:

1. the person the cue names as the quote's topic ("Sarkozy said *of Chirac*, ...", "said about");
   when the topic is no known person, the pronoun names no one;
2. the one person, other than the speaker, the quote names before the pronoun;
3. the one person, other than the speaker, named in the quote's own sentence before it, or in the
   sentence before that;
4. the story's protagonist: the person the document names most, when the lead names them too and
   nobody else is named as often ("Vijay Goel said, 'He was an excellent politician'" in an
   obituary).

Otherwise it keeps the actors stage's reading, unless that is the speaker. In reported speech
("she said *she* had received threats") a pronoun may be the speaker, and is left as it is.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from newsgraph.events.stance import NEGATIVE_SHORT, has_word, valence
from newsgraph.events.subjects import split_gerund
from newsgraph.events.tree import ActorIndex, Token, case_of, phrase_actors
from newsgraph.models import AnalyzedDoc, Quote, Span
from newsgraph.quotes.tree import Tree
from newsgraph.text import lexicons
from newsgraph.text.parsed import text_length

#: who a negative or warm quote is about: the doers in it (subjects, "by" agents, possessors)
AGENT_DEPS = frozenset({"nsubj", "obl:agent", "nmod:poss", "csubj"})
#: third-person pronouns that stand for one person ("he", "she", and the possessives "his", "her")
_PERSONAL = lexicons.words("english.pronouns_person")
_POSSESSIVE = lexicons.table("english.possessive_pronouns")
PERSON_PRONOUNS = _PERSONAL | {k for k, v in _POSSESSIVE.items() if v in _PERSONAL}
#: subject pronouns that, obliged in a quote told to someone, are the addressee ("told X that *they* must")
ADDRESSED = _PERSONAL | lexicons.words("english.pronouns_group") | {"you"}
#: the prepositions by which a speech verb names what the quote is about ("said of X")
TOPIC_CASES = frozenset({"of", "about"})
#: a direct quote of at most this many words may complete a reported clause whose subject it judges
CLAUSE_QUOTE_WORDS = 15
SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
#: the mention kinds that name an actor (not a pronoun or a description)
NAMING = frozenset({"name", "alias"})


def _blamed(t: Token, blame: frozenset[str], lo: int, hi: int) -> bool:
    """The quoted words of an agent's sentence (character offsets ``lo``..``hi`` of its parse) hold a
    word of ``blame`` or are negative ("X is trying to ... — this is a deeply dangerous way to
    govern", "while the Israelis continue firing"; not "I went to bed and Trump was ahead"), and its
    own clause is not warm ("this murder is a crime, and X was a brave man")."""
    head = t.head
    if valence(t.doc[head.left_edge.i : head.right_edge.i + 1].text) > 0:
        return False
    toks = [w for w in t.sent if lo <= w.idx < hi]
    if not toks:
        return False
    text = t.doc[toks[0].i : toks[-1].i + 1].text
    words = {w.lower_ for w in toks} | {w.lemma_.lower() for w in toks}
    return has_word(text, words, blame) or valence(text) <= NEGATIVE_SHORT  # (a phrase: "broke the law")


def _denied(t: Token, blame: frozenset[str], negation: frozenset[str], lo: int, hi: int) -> bool:
    """The clause ``t`` is the agent of is negated and holds a word of ``blame``: the quote denies the
    blame ("Ana Ruiz did not lie, she is not a liar"; "X and Y could not have violated the law")."""
    return any(c.lower_ in negation for c in t.head.children) and _own_blame(t, blame, lo, hi)


def _own_blame(t: Token, blame: frozenset[str], lo: int, hi: int) -> bool:
    """The quoted words of the clause ``t`` is the agent of (its head's phrase) hold a word of ``blame``."""
    head = t.head
    toks = [w for w in t.doc[head.left_edge.i : head.right_edge.i + 1] if lo <= w.idx < hi]
    if not toks:
        return False
    text = t.doc[toks[0].i : toks[-1].i + 1].text
    return has_word(text, {w.lower_ for w in toks} | {w.lemma_.lower() for w in toks}, blame)


@dataclass
class QuoteReader:
    """Reads who the quotes of one document are about (built once per document)."""

    ad: AnalyzedDoc
    parses: Sequence[tuple[int, Any]]
    actors: ActorIndex
    #: verbs that name or judge their object ("called X 'humble'"): the object is what the quote is about
    naming: frozenset[str] = frozenset()
    #: nouns of a harm suffered ("murder", "death"): their possessor is its victim, not its doer
    harms: frozenset[str] = frozenset()
    #: the doers of acts named by definite nouns (:class:`newsgraph.events.acts.ActDoers`)
    doers: Any | None = None
    #: verbs of a harm suffered ("several police lost their lives"): their subject is a victim, not a doer
    suffers: frozenset[str] = frozenset()
    #: words of negation: an agent whose own clause denies the blame is not blamed ("she is not a liar")
    negation: frozenset[str] = frozenset()
    _offsets: list[int] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    _tree: Tree = field(init=False)

    def __post_init__(self) -> None:
        self._offsets = [o for o, _ in self.parses]
        self._starts = [s.start for s in self.ad.sentences]
        self._tree = Tree(self.parses)  # tokens by offset (a scan per quote grew with the piece)

    def sentence_at(self, pos: int) -> Span | None:
        """The sentence holding offset ``pos`` (a bisection, not a scan of the document)."""
        i = bisect.bisect_right(self._starts, pos) - 1
        s = self.ad.sentences[i] if i >= 0 else None
        return s if s is not None and s.start <= pos < s.end else None

    def sentence_parts(self, q: Quote) -> list[tuple[int, int]]:
        """The stretches of quote ``q`` that lie in one sentence each."""
        out: list[tuple[int, int]] = []
        for s in self.ad.sentences[max(bisect.bisect_right(self._starts, q.start) - 1, 0) :]:
            if s.start >= q.end:
                break
            if max(s.start, q.start) < min(s.end, q.end):
                out.append((max(s.start, q.start), min(s.end, q.end)))
        return out

    def about(
        self,
        q: Quote,
        *,
        agents: bool,
        within: tuple[int, int] | None = None,
        blame: frozenset[str] = frozenset(),
    ) -> list[str]:
        """The actors a quote (or the stretch ``within`` of it) is about; with ``agents``, only
        those it says did or are something (the subjects and ``by`` agents of its clauses, and
        possessors: "Iran's support for ...", not of a harm done to them: "Nabil's murder"); with
        ``blame`` words, only those whose own clause holds one ("Trump was ahead" blames no one)."""
        lo, hi = within or (q.start, q.end)
        if not agents:
            inside = [m for m in self.actors.between(lo, hi) if lo <= m.start and m.end <= hi]
            return list(dict.fromkeys(m.entity for m in inside))
        out: list[str] = []
        own: list[str] = []  # the agents whose own clause holds the blame word
        excused = False  # an agent named, but not blamed: no other reading of whom the quote blames
        for offset, doc in self._pieces(lo):
            for t in doc:
                by = t.dep_ == "nmod" and case_of(t) == "by"  # "a disappointing move [by X]"
                if not (lo <= offset + t.idx < hi and (t.dep_ in AGENT_DEPS or by)):
                    continue
                harm = t.head if t.dep_ == "nmod:poss" else t  # "[Nabil's] murder", "[Nabil's murder] is ..."
                harmed = harm.lemma_.lower() in self.harms
                harmed = harmed or (t.dep_ == "nsubj" and t.head.lemma_.lower() in self.suffers)
                harmed = harmed or split_gerund(t) is not None  # "[sanctioning Peru] was a mistake"
                denied = blame and _denied(t, blame, self.negation, lo - offset, hi - offset)
                if harmed or denied or (blame and not _blamed(t, blame, lo - offset, hi - offset)):
                    excused = excused or bool(self.actors.at(t, offset))  # "Nabil's murder": the victim
                    continue
                got = self._agent(q, t, offset)
                out += got
                if blame and _own_blame(t, blame, lo - offset, hi - offset):
                    own += got
        if own:  # "while Congress stays closed, the government is breaking the law": the government
            return list(dict.fromkeys(own))
        if out or excused:
            return list(dict.fromkeys(out))
        return self._judged(q) or self._clause_subject(q) or self._deed_doers(q, lo, hi)

    def _deed_doers(self, q: Quote, lo: int, hi: int) -> list[str]:
        """Who did the act a subject of the quote names by a definite noun ("said *the expulsion* was
        unacceptable": whoever the text before says expelled), never the speaker."""
        if self.doers is None:
            return []
        for offset, doc in self._pieces(lo):
            for t in doc:
                if lo <= offset + t.idx < hi and t.dep_ in ("nsubj", "nsubj:pass") and t.pos_ == "NOUN":
                    if got := [a for a in self.doers.doer(t, offset) if a != q.speaker]:
                        return got
        return []

    def _clause_subject(self, q: Quote) -> list[str]:
        """Who a short quote inside a reported clause says did it: the subject of the clause the
        quote completes ("said the United States had 'violated international law'"), not the
        speaker."""
        cue = self._cue(q)
        if q.kind != "direct" or len(q.text.split()) > CLAUSE_QUOTE_WORDS or cue is None:
            return []
        cue_tok, offset = cue
        t = next((t for t in cue_tok.doc if offset + t.idx >= q.start), None)
        for _ in range(3):  # up to the clause the cue reports ("said [the US had 'violated ...']")
            if t is None or t.i == cue_tok.i:
                return []
            if t.dep_ == "ccomp" and t.head.i == cue_tok.i:
                subj = [c for c in t.children if c.dep_ in SUBJECTS and offset + c.idx < q.start]
                named = t.pos_ in ("PROPN", "NOUN", "PRON") and offset + t.idx < q.start
                subj = subj or ([t] if named else [])  # 'said X "perpetuated ..."' parsed as a noun clause
                got = [a for s in subj for a in phrase_actors(s, self.actors, offset)]
                if not got and self.doers is not None:  # "said the measures were 'unjustified'"
                    got = [a for s in subj for a in self.doers.doer(s, offset)]
                return [a for a in got if a != q.speaker]
            t = t.head if t.head.i != t.i else None
        return []

    def praised(
        self, q: Quote, lo: int, hi: int, praise: frozenset[str], negation: frozenset[str]
    ) -> list[str]:
        """Who the stretch ``[lo, hi)`` of a quote says is praiseworthy: the subjects of copular
        predicates that hold a word of ``praise`` ("John Luk was very *honest*", "he was a
        *brilliant* person"), unless negated, and the names such words describe in apposition
        ("Ginger Baker, great drummer"). "It is a great loss" praises no actor."""
        out: list[str] = []
        if praise.isdisjoint(w.strip(".,;:!?\"'“”’()").lower() for w in self.ad.text[lo:hi].split()):
            return out
        for offset, doc in self._pieces(lo):
            for t in doc:
                if not (lo <= offset + t.idx < hi and t.lower_ in praise):
                    continue
                pred = copular_predicate(t)
                if pred is None and (named := appositive_of(t)) is not None:
                    out += self._agent(q, named, offset)  # "Ginger Baker, great drummer, ..."
                if pred is None or any(c.lower_ in negation for c in pred.children):
                    continue
                for subj in (c for c in pred.children if c.dep_ == "nsubj"):
                    out += self._agent(q, subj, offset)
        return list(dict.fromkeys(out))

    def obliged(self, q: Quote, modals: frozenset[str], negation: frozenset[str]) -> list[str]:
        """Who a quote says must or should act: the subject of the verb an obligation modal governs
        ("Iran *must* stop ..."), not someone named deeper in its clause; none under a negation."""
        out: list[str] = []
        for offset, doc in self._pieces(q.start):
            for t in doc:
                if not (q.start <= offset + t.idx < q.end and t.lower_ in modals and t.dep_ == "aux"):
                    continue
                verb = t.head  # not a guess ("must be rolling over", "must have known") nor a negation
                guess = verb.lemma_ in ("be", "have") or any(
                    c.dep_ in ("aux", "aux:pass", "cop") and c.lemma_ in ("be", "have") for c in verb.children
                )
                if guess or any(c.lower_ in negation for c in verb.children):
                    continue
                for subj in (c for c in verb.children if c.dep_ == "nsubj"):
                    told = self.addressees(q) if subj.lower_ in ADDRESSED else []  # "told X that it must": X
                    out += told or self._agent(q, subj, offset)
        return list(dict.fromkeys(out))

    def _judged(self, q: Quote) -> list[str]:
        """Who a naming cue judges: its object ("called *Reyes* 'humble and soft-spoken'")."""
        cue = self._cue(q)
        if cue is None or cue[0].lemma_.lower() not in self.naming:
            return []
        tok, offset = cue
        objs = [c for c in tok.children if c.dep_ == "obj"]
        harms = [c for c in objs if c.lemma_.lower() in self.harms]  # 'called the sentence of X "unjust"':
        doers = [a for c in harms for a in self.doers.doer(c, offset)] if self.doers is not None else []
        got = doers + [a for c in objs if c not in harms for a in phrase_actors(c, self.actors, offset)]
        if got or harms:  # (of whoever sentenced X, not of X)
            return got
        # "called [Theresa May's proposed deal] 'lousy'" misparsed as a clause: its subject
        clauses = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp")]
        subjects = [s for c in clauses for s in c.children if s.dep_ == "nsubj"]
        return [a for s in subjects for a in phrase_actors(s, self.actors, offset)]

    def addressees(self, q: Quote) -> list[str]:
        """The actors the cue verb addresses ("told *X* that ...", "warned *X* ...")."""
        cue = self._cue(q)
        if cue is None:
            return []
        tok, offset = cue
        told = [c for c in tok.children if c.dep_ in ("obj", "iobj") and offset + c.idx < q.start]
        return [a for c in told for a in phrase_actors(c, self.actors, offset)]

    def spoken_of(self, q: Quote) -> list[str]:
        """The actors the cue verb says the quote is about ("said *of X*, 'he was ...'", "wrote of X")."""
        cue = self._cue(q)
        if cue is None:
            return []
        tok, offset = cue
        of = [c for c in tok.children if c.dep_ == "obl" and case_of(c) == "of" and offset + c.idx < q.start]
        return [a for c in of for a in phrase_actors(c, self.actors, offset)]

    def unnamed_addressee(self, q: Quote) -> bool:
        """The cue verb names whom it addresses, but no actor ("urging *viewers*, 'vote for X'")."""
        cue = self._cue(q)
        if cue is None:
            return False
        tok, offset = cue
        # (an object before the quote, or the one it opens with: "urged [anyone ...] to contact X")
        told = [c for c in tok.children if c.dep_ in ("obj", "iobj") and offset + c.left_edge.idx <= q.start]
        return bool(told) and not any(phrase_actors(c, self.actors, offset) for c in told)

    def governor(self, q: Quote, governors: frozenset[str]) -> str | None:
        """The verb of wanting or asking the cue verb is the complement of ("called on X *to demand*
        that ..."): the speech act is only wanted or asked for, not made."""
        cue = self._cue(q)
        head = cue[0].head if cue is not None and cue[0].dep_ == "xcomp" else None
        return head.text if head is not None and head.lemma_.lower() in governors else None

    def _cue(self, q: Quote) -> tuple[Token, int] | None:
        """The cue word's token in the parse, and the offset of its piece."""
        if q.cue_start is None:
            return None
        tok = self._tree.token_at(q.cue_start)
        if tok is None or self._tree.start(tok) != q.cue_start:
            return None
        return tok, q.cue_start - tok.idx

    def _pieces(self, at: int) -> list[tuple[int, Any]]:
        """The one parsed piece that holds offset ``at`` (pieces are in text order), as a list."""
        i = bisect.bisect_right(self._offsets, at) - 1
        return [(o, d) for o, d in self.parses[max(i, 0) : i + 1] if o <= at < o + text_length(d)]

    def _agent(self, q: Quote, t: Token, offset: int) -> list[str]:
        got = phrase_actors(t, self.actors, offset)
        if q.kind != "direct" or t.lower_ not in PERSON_PRONOUNS:
            return got  # in reported speech "he" may well be the speaker ("she said she had ...")
        named, topic = self._topic(q)
        if named:
            return [topic] if topic else []
        who = self.pronoun_referent(q, offset + t.idx)
        return [who] if who else [a for a in got if a != q.speaker]

    def pronoun_referent(self, q: Quote, at: int) -> str | None:
        """The person a third-person pronoun at offset ``at`` inside quote ``q`` stands for (see the
        module docstring, from step 2), never the speaker."""
        inside = self._persons(q.start, at, q.speaker)
        if len(inside) == 1:
            return inside.pop()
        if inside:  # several: the document's protagonist among them, if any
            return self.protagonist if self.protagonist in inside else None
        sent = self.sentence_at(q.start)
        lo = sent.start if sent else q.start
        prev = self.sentence_at(lo - 1) if lo > 0 else None
        before = self._persons(prev.start if prev else lo, q.start, q.speaker)
        if before:
            return before.pop() if len(before) == 1 else None
        hero = self.protagonist
        return hero if hero and hero != q.speaker else None

    def _persons(self, lo: int, hi: int, speaker: str | None) -> set[str]:
        """The people other than ``speaker`` named (not merely referred to) in ``[lo, hi)``."""
        return {
            m.entity
            for m in self.actors.between(lo, hi)
            if m.kind in NAMING and m.end <= hi and m.entity != speaker and self._person(m.entity)
        }

    def _topic(self, q: Quote) -> tuple[bool, str | None]:
        """Whether the cue names the quote's topic ("said *of* Chirac", "wrote about her"), and the
        one person it is (None when the phrase names no known person, or several)."""
        cue = self._cue(q)
        for c in cue[0].children if cue is not None else []:
            if c.dep_ == "obl" and case_of(c) in TOPIC_CASES:
                who = [a for a in phrase_actors(c, self.actors, cue[1]) if self._person(a)]
                return True, (who[0] if len(who) == 1 and who[0] != q.speaker else None)
        return False, None

    def _person(self, eid: str) -> bool:
        return self.actors.type_of(eid) == "PERSON"

    @cached_property
    def protagonist(self) -> str | None:
        """The person the document names most, when the lead names them too and no other person is
        named as often."""
        counts = Counter(
            m.entity for m in self.actors.mentions if m.kind in NAMING and self._person(m.entity)
        )
        top = counts.most_common(2)
        if not top or (len(top) > 1 and top[1][1] == top[0][1]):
            return None
        lead = next((p for p in self.ad.paragraphs if self.ad.in_body(p.start, p.end)), None)
        if lead is None:
            return None
        named = {m.entity for m in self.actors.between(lead.start, lead.end) if m.kind in NAMING}
        return top[0][0] if top[0][0] in named else None


#: links by which a word of praise belongs to the predicate above it ("a *brilliant* person",
#: "honest, hardworking and a brilliant *person*")
_PREDICATE_LINKS = frozenset({"amod", "compound", "conj", "advmod"})


def appositive_of(t: Token, steps: int = 3) -> Token | None:
    """The name a word of praise describes through an apposition ("Ginger Baker, *great* drummer";
    "X, a *brilliant* scientist"), climbing at most ``steps`` modifier links; None when there is none."""
    for _ in range(steps + 1):
        if t.dep_ == "appos" and t.head.i != t.i and t.head.pos_ == "PROPN":
            return t.head
        if t.dep_ not in _PREDICATE_LINKS or t.head.i == t.i:
            return None
        t = t.head
    return None


def copular_predicate(t: Token, steps: int = 3) -> Token | None:
    """The copular predicate (a word with a ``cop`` child) that ``t`` is or modifies, climbing at
    most ``steps`` modifier or conjunct links; None when there is none."""
    for _ in range(steps + 1):
        if any(c.dep_ == "cop" for c in t.children):
            return t
        if t.dep_ not in _PREDICATE_LINKS or t.head.i == t.i:
            return None
        t = t.head
    return None
