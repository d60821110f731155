"""Reading a Universal Dependencies parse for event coding: clause arguments and the actors in them.

The shipped model parses in the UD scheme (``nsubj``, ``obj``, ``obl`` with a ``case`` child,
``nmod``, ``xcomp``, ``acl:relcl``, ``conj``...). :class:`Clause` gathers what a predicate's
participants are; :func:`phrase_actors` which document actors a phrase names (through
:class:`~newsgraph.events.index.ActorIndex`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.actors.crowds import marched
from newsgraph.events.anaphors import state_anaphor
from newsgraph.events.deps import (
    AGAINST_STATE,
    BELONGING,
    CLAUSE_OPENERS,
    EXAMPLE_CASES,
    EXAMPLE_HEADS,
    GROUP_NOUNS,
    INDIVIDUALS,
    NAMED_THINGS,
    NAMING,
    NP_PARTS,
    OBJECTS,
    PASSIVE_SUBJECTS,
    POLICIES,
    RELATIONAL,
    RELATIVE,
    SEATED,
    SPEAKING_FOR,
    STATE_BODIES,
    SUBJECTS,
    TITLE_HEADS,
    Token,
    border_phrase,
    case_of,
    conjuncts,
    counted,
    for_phrase_subject,
    group_owners,
    hung_on_means,
    lasting,
    opened_by_preposition,
    passive_conjunct,
    phrase_subject,
    predicate_agent,
    to_be,
)
from newsgraph.events.index import ActorIndex, uniq
from newsgraph.events.subjects import (
    antecedent,
    appositive_root,
    closed_apposition,
    extraposed_subject,
    fronted_conjunct,
    inherited_subjects,
    lost_partner,
    misread_conjunct,
    name_edges,
    name_head,
    name_top,
    named_plural,
    phrase_top,
    set_off_name,
    split_gerund,
    stranded_name,
    stranded_obliques,
    stranded_verb,
    verbless_root,
    zero_relative,
)
from newsgraph.quotes.tree import subject
from newsgraph.text.vocabulary import MONTH_NAMES, WEEKDAY_NAMES


def is_passive(v: Token) -> bool:
    return (
        any(c.dep_ in ("aux:pass", "nsubj:pass", "csubj:pass") for c in v.children)
        or (v.dep_ == "acl" and v.tag_ == "VBN" and not misread_modifier(v) and not misread_finite(v))
        or passive_conjunct(v)  # "were arrested and [charged] with spying"
    )


def misread_finite(v: Token) -> bool:
    """A past-tense verb the parse hung on the noun before it as a modifier although it is the
    clause's verb: tagged as a finite past ("the leaders of the two countries [spoke] by
    telephone"), or taking a direct object ("after a US-led coalition [ousted] Saddam Hussein",
    read like "a man killed": a passive participle takes no object). The noun phrase is its subject
    (also a noun the tagger made an adjective, or one heading the sentence: "Peru's [military]
    detained X")."""
    return (
        v.dep_ == "acl"
        and v.head.i < v.i
        and (v.head.pos_ in ("NOUN", "PROPN") or v.head.tag_ in ("NN", "NNS") or v.head.dep_ == "ROOT")
        and v.tag_ in ("VBD", "VBN")
        and not any(c.dep_ in ("aux", "aux:pass", "mark") or c.dep_ in SUBJECTS for c in v.children)
        and (v.tag_ == "VBD" or _has_object(v) or _verbless(v) or _second_subject(v.head) or marched(v))
    )


def _second_subject(n: Token) -> bool:
    """``n`` is one of two subjects the parse gave a later verb ("[Protesters] called for X's
    resignation after revelations [he] sent ...": "sent" has its own subject)."""
    return n.dep_ in SUBJECTS and any(c.dep_ in SUBJECTS and c.i > n.i for c in n.head.children)


def _has_object(v: Token) -> bool:
    return any(c.dep_ == "obj" for c in v.children)


def _verbless(v: Token) -> bool:
    """``v`` modifies the noun that roots a whole sentence ending in a full stop, with no copula or
    subject of its own: the sentence's verb is ``v`` ("The protesters [clashed] with the police.";
    not "Another example is the sanctions [imposed] on Russia.")."""
    root = v.sent.root
    whole = v.sent[-1].text in (".", "!")
    # (or on the "of" phrase of that noun: "(Tens of) thousands of protesters [rallied] against X.")
    on_root = v.head.i == root.i or (case_of(v.head) == "of" and phrase_top(v.head).i == root.i)
    return (on_root or fronted_conjunct(v.head)) and whole and verbless_root(root)


def _split_subject(v: Token) -> list[Token]:
    """Of two subjects before ``v``, the name's (:func:`newsgraph.quotes.tree.subject`: "[Member]
    of Parliament (MP) [Yvette Cooper] of the Labour Party added"), not a title's."""
    s = subject(v)
    first = next((c for c in v.children if c.dep_ in ("nsubj", "csubj")), None)
    split = s is not None and first is not None and s.i != first.i  # (tokens are compared by position)
    return conjuncts(s) if split and s.lower_ not in TITLE_HEADS else []


def _named_complements(v: Token) -> list[Token]:
    """Names the parse made complements of a verb with no object ("nominated [activist Ann Ward]
    for vice president" read as "became president"): its objects. A complement with no name in it
    ("became president", "called it a mess") or with a copula or "to" is none."""
    out = []
    for c in v.children:
        if c.dep_ != "xcomp" or c.i < v.i or c.pos_ not in ("NOUN", "PROPN"):
            continue
        kids = list(c.children)
        if any(k.dep_ in ("cop", "mark", "case") for k in kids):
            continue
        if c.pos_ == "PROPN" or any(k.pos_ == "PROPN" and k.dep_ in ("flat", "appos") for k in kids):
            out.append(c)
    return out


def misread_modifier(v: Token) -> bool:
    """A verb the parse hung on the noun after it as a modifier although it has its own subject
    before it ("[The EU] imposed sanctions on X" read as "imposed" modifying "sanctions"): the
    noun is the verb's object."""
    return (
        v.dep_ in ("amod", "acl")
        and v.head.i > v.i
        and v.head.pos_ in ("NOUN", "PROPN")
        and (
            any(c.dep_ in SUBJECTS and c.i < v.i for c in v.children)
            or bool(_named_before(v))
            or bool(_root_subject(v))
            or bool(_after_apposition(v))
            or bool(appositive_root(v))
        )
    )


def _after_apposition(v: Token) -> list[Token]:
    """The name a finite verb follows right after that name's apposition, where the parse read the
    verb as a modifier of its object ("Hamas, the militant group, [accused] X of ...": "the accused
    X", coordinated with Hamas): the verb's subject."""
    modifier = v.dep_ == "amod" and v.tag_ in ("VBD", "VBN") and v.head.pos_ == "PROPN" and v.head.i > v.i
    if not modifier or v.i < 2 or v.doc[v.i - 1].text != ",":
        return []
    appos = v.doc[v.i - 2]
    while appos.dep_ != "appos" and appos.head.i != appos.i and appos.head.i < v.i:
        appos = appos.head
    named = appos.head if appos.dep_ == "appos" else None
    hung = v.head.dep_ in ("conj", "appos") and named is not None and v.head.head.i == named.i
    return [named] if hung and named is not None and named.pos_ == "PROPN" else []


def _root_subject(v: Token) -> list[Token]:
    """The subject the parse gave to the noun a finite verb modifies, where that noun heads the
    sentence ("Russian police [detained] opposition leader X" read as "police (are) leader")."""
    modifier = v.dep_ in ("amod", "acl") and v.head.pos_ in ("NOUN", "PROPN") and v.head.i > v.i
    copula = any(c.dep_ == "cop" for c in v.head.children)  # "X is an Iranian-[backed] militia"
    if not modifier or copula or v.tag_ not in ("VBD", "VBN") or v.head.dep_ != "ROOT":
        return []
    return [c for c in v.head.children if c.dep_ in SUBJECTS and c.i < v.i]


def _named_before(v: Token) -> list[Token]:
    """A name compounded with a finite verb it precedes, or with the noun the verb modifies ("[X] mediated
    talks", "[X] threatened retaliation"): the verb's subject; so past a day ("[X] on Sunday imposed")."""
    day = _dated_subject(v)
    if day or v.tag_ != "VBD":
        return day
    prev = v.doc[v.i - 1]  # ("[X] threatened retaliation": X a compound of the noun the verb modifies)
    near = [*v.children, *([prev] if v.i and v.dep_ == "amod" and prev.head.i == v.head.i else [])]
    named = [c for c in near if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == v.i - 1]
    return [c for c in named if c.text not in TIME_NAMES]


def _dated_subject(v: Token) -> list[Token]:
    """The name before "on Sunday" that the parse read with the verb as a modifier ("X (XY) [on
    Sunday] imposed sanctions"): the verb's subject."""
    doc = v.doc
    day = doc[v.i - 1] if v.i > 2 else v
    timed = v.tag_ in ("VBD", "VBN") and day.text in TIME_NAMES and day.head.i == v.i
    if not timed or doc[v.i - 2].lower_ not in ("on", "in", "last"):
        return []
    t = doc[v.i - 3]
    if t.text == ")":  # past a parenthesised short form: "The Andean Community (CAN) on Sunday ..."
        opening = [x.i for x in doc[max(0, t.i - 8) : t.i] if x.text == "("]
        t = doc[opening[-1] - 1] if opening and opening[-1] > 0 else t
    return [phrase_top(name_top(t))] if t.pos_ in ("PROPN", "NOUN") else []


@dataclass
class Clause:
    """The arguments of one predicate (a verb, or a noun in light-verb use) read from the parse."""

    head: Token
    subjects: list[Token] = field(default_factory=list)
    objects: list[Token] = field(default_factory=list)
    obliques: list[tuple[str, Token]] = field(default_factory=list)  # (preposition, noun)
    agent: list[Token] = field(default_factory=list)
    passive: bool = False
    inherited: bool = False  # subject taken from a governing clause

    @classmethod
    def of_verb(cls, v: Token) -> Clause:
        cl = cls(v, passive=is_passive(v))
        for c in v.children:
            dep = c.dep_
            if (dep in SUBJECTS or dep in PASSIVE_SUBJECTS) and _case_first(c):
                continue  # "and [on Thursday] broke off relations": no subject
            if dep in SUBJECTS or dep in PASSIVE_SUBJECTS:
                cl.subjects += conjuncts(c)
            elif dep in OBJECTS and opened_by_preposition(c):
                cl.obliques.append((case_of(c), c))  # "..., with [X] following suit": a phrase
            elif dep in OBJECTS:
                cl.objects += conjuncts(c)
            elif cl.passive and (dep == "obl:agent" or (dep == "obl" and case_of(c) == "by")):
                cl.agent += conjuncts(c)  # an active verb's "by" phrase is a means ("spoke by telephone")
            elif to_be(c):  # "selected X [to be his running mate]": as his running mate
                cl.obliques.append(("as", c))
            elif border_phrase(c):  # "held drills near the border *with X*": across it, no partner
                cl.obliques.append(("border:with", c))
            elif dep.startswith("obl"):
                # "for a third day" says how long (no "for" of a pattern, nor a target)
                cl.obliques += [("for:time" if lasting(x) else case_of(x), x) for x in conjuncts(c)]
                cl.obliques += hung_on_means(c)
        cl.agent = cl.agent or (predicate_agent(v) if cl.passive else [])  # "found guilty *by X*"
        cl.subjects = _split_subject(v) or cl.subjects or _named_before(v) or _root_subject(v)
        cl.subjects = cl.subjects or _after_apposition(v) or appositive_root(v) or closed_apposition(v)
        cl.subjects = cl.subjects or named_plural(v) or extraposed_subject(v)  # "said [it] was ready to"
        if misread_modifier(v):
            cl.objects += conjuncts(v.head)
        if not cl.objects and not cl.passive:
            cl.objects = _named_complements(v) or zero_relative(v)  # "the sanctions [it imposed]"
        if cl.subjects and all(x.lower_ in RELATIVE for x in cl.subjects) and (ante := antecedent(v)):
            cl.subjects, cl.inherited = ante, True  # "Chile, which accused Peru ..."
        elif v.dep_ == "acl:relcl" and cl.subjects and not cl.passive and v.head.pos_ in ("NOUN", "PROPN"):
            adverbial = any(c.dep_ in ("advmod", "mark") and c.lower_ in RELATIVE_ADVERBS for c in v.children)
            if not adverbial and all(x.lower_ in RELATIVE for x in cl.objects):  # "the charge X dismissed"
                cl.objects = conjuncts(v.head)  # (not "the capital, where he met X")
        voc = [c for c in v.children if c.dep_ == "vocative" and c.pos_ == "PROPN" and c.i < v.i]
        if voc and all(s.lower_ in TITLE_HEADS and s.i > voc[0].i for s in cl.subjects):
            cl.subjects = voc  # "Michael Makuei, the Information Minister paid ...": a name, not an address
        if not cl.subjects and misread_finite(v):
            top = phrase_top(v.head)  # "a coalition [ousted] X", "thousands of X", "X and Y [agreed]"
            part = top.head if top.dep_ == "obj" else top  # "troops [leading a force] landed": the troops
            rooted = part.head.dep_ == "ROOT" and part.head.i < part.i
            if part.dep_ == "acl" and part.tag_ == "VBG" and rooted:
                top = part.head
            cl.subjects = conjuncts(top.head if top.dep_ == "conj" and top.head.i < top.i else top)
            cl.objects += [c for c in top.conjuncts if c.i > v.i] if cl.objects else []  # "X [and others]"
        if not cl.subjects and (gov := misread_conjunct(v)) is not None:  # "X left and [endorsed] Y"
            cl.subjects = [x for c in gov.children if c.dep_ in SUBJECTS for x in conjuncts(c)]
            cl.objects, cl.inherited = cl.objects or [name_top(v.head)], True
        if not cl.subjects and stranded_verb(v):  # "Senator Ann Ward [accused] Governor Tom Reyes"
            cl.subjects = [name_head(v.doc[v.i - 1])]
            cl.objects = cl.objects or [stranded_name(v.doc[v.i + 1])]
            cl.obliques += stranded_obliques(v.doc[v.i + 1]) + stranded_obliques(cl.subjects[0], after=v.i)
        if not cl.subjects:
            cl.subjects = _fronted_subject(v) or _stray_subject(v) or _opened_subject(v)
        if len(cl.subjects) == 1 and (partner := lost_partner(v, cl.subjects[0])) is not None:
            # "Chinese President X and Russian President Y held talks", the parse lost one of them
            cl.subjects = sorted([partner, *cl.subjects], key=lambda t: t.i)
        cl.subjects = [split_gerund(s) or s for s in cl.subjects]  # "that [sanctioning X] was ...": the act
        if not cl.subjects:
            cl.subjects, cl.inherited = inherited_subjects(v), True
        return cl


def _case_first(c: Token) -> bool:
    """A day or month opened by a preposition ("and [on Thursday] broke"; not "after [Israel] refused"),
    a phrase opened by a "for" made the finite verb's mark ("an aide [for X] was jailed"), or by a
    preposition that opens no clause ("then [at Y's request] returned"): no subject."""
    first = next((t for t in c.subtree if t.dep_ not in ("punct", "cc")), c)
    timed = first.dep_ == "case" and first.head.i == c.i and first.i < c.i and c.text in TIME_NAMES
    return timed or for_phrase_subject(c) or phrase_subject(c)


def _fronted_subject(v: Token) -> list[Token]:
    """The subject the parse gave to a participle set off before the verb ("Trump, responding to
    X, attacked ..." read with "Trump" as the subject of "responding"), or to a fronted time word."""
    for c in v.children:
        if c.dep_ == "advcl" and c.i < v.i and c.tag_ in ("VBG", "VBN"):
            subj = [x for x in c.children if x.dep_ in SUBJECTS and x.i < c.i]
            if subj:
                return conjuncts(subj[0])
        bare = not any(x.dep_ == "case" for x in c.children)
        if c.dep_ in ("obl:unmarked", "obl:tmod") and c.i < v.i and bare:
            # "Yesterday, [Joe Biden], the party's nominee, announced ...": the name read as the
            # time word's apposition
            named = [x for x in c.children if x.dep_ == "appos" and x.pos_ == "PROPN" and x.i < v.i]
            if named:
                return conjuncts(named[0])
    return []


def _stray_subject(v: Token) -> list[Token]:
    """The subject the parse tied to the clause before the verb ("As they tried to storm parliament,
    [police in response] fired tear gas": "police" read as a conjunct of "parliament"): a noun
    phrase right before a finite main verb with no subject, opened by a comma."""
    bare_participle = v.tag_ == "VBN" and not any(c.dep_.startswith("aux") for c in v.children)
    if v.dep_ != "ROOT" or not (v.tag_ in ("VBD", "VBZ", "VBP") or bare_participle) or v.i < 2:
        return []
    t = v.doc[v.i - 1]
    while t.head.i != t.i and t.head.i < v.i and t.dep_ in _PHRASE_INNER:
        t = t.head  # up to the head of the phrase that ends right before the verb
    # the phrase's first word (the parse may hang the comma before it on it)
    first = min((x.i for x in t.subtree if x.pos_ != "PUNCT"), default=t.i)
    before = v.doc[first - 1] if first > 0 else None
    stray = t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("conj", "appos")
    return [t] if stray and before is not None and before.text == "," else []


def _opened_subject(v: Token) -> list[Token]:
    """The subject the parse made the object of a clause opener it read as a preposition ("expelled
    X on Wednesday [after President Y] blamed Z": "Y" an "after" phrase of "expelled")."""
    if v.tag_ != "VBD" or v.dep_ not in ("advcl", "conj", "ccomp") or v.i < 2:
        return []
    t = v.doc[v.i - 1]
    while t.dep_ in ("flat", "flat:name") and t.head.i < t.i:
        t = t.head
    opened = t.dep_ in ("obl", "nmod") and case_of(t) in CLAUSE_OPENERS
    return [t] if opened and t.pos_ == "PROPN" and t.head.i != v.i else []


#: links inside a noun phrase (to climb from its last word to its head)
#: names of days and months: a subject the parse made of one is a time ("and on [Thursday] broke")
TIME_NAMES = frozenset(WEEKDAY_NAMES) | frozenset(MONTH_NAMES)
_PHRASE_INNER = frozenset({"nmod", "case", "det", "amod", "compound", "flat"})


def _titled_name(t: Token, idx: ActorIndex, offset: int) -> list[str]:
    """The person a title noun introduces ("the Russian president Vladimir Putin"), also where the
    parse cut the name off the title: a person's name that starts right after the title word."""
    if t.lower_ not in TITLE_HEADS or t.i + 1 >= len(t.doc):
        return []
    nxt = t.doc[t.i + 1]
    if not nxt.text[:1].isupper():
        of = nxt.lower_ == "of" and t.i + 3 < len(t.doc) and t.doc[t.i + 2].text[:1].isupper()
        if (placed := _place_titled_name(t, idx, offset)) or not of:
            return placed
        nxt = t.doc[t.i + 3]  # past the title's own "of State", "of Defence": "Secretary of State X"
    a = offset + nxt.idx
    named = (m.entity for m in idx.between(a, a + 1) if m.start == a)
    return uniq(e for e in named if idx.type_of(e) == "PERSON")


def _person_apposition(t: Token, idx: ActorIndex, offset: int) -> list[str]:
    """The people a common noun's apposition names ("nominee *Ann Ward*"), with its possessor
    ("*Aldmark's* ambassador, Hanna Lorentz"), not its other modifiers ("Socialist Party USA vice
    presidential nominee Angela Walker": Walker)."""
    out: list[str] = []
    for c in t.children:
        # (a name set off before the noun, parsed as its subject: "[Ann Ward], the party's nominee")
        comma = c.right_edge.i + 1 < t.i and c.doc[c.right_edge.i + 1].text == ","
        before = c.dep_ == "nsubj" and c.i < t.i and comma
        if (c.dep_ == "appos" or before) and c.pos_ == "PROPN":  # its whole phrase: "Ann Ward and Tom Reyes"
            out += _people_in(c, idx, offset)
    if not out and (hung := set_off_name(t)) is not None:  # "his counterpart, [Ann Ward]," hung on the verb
        out = _people_in(hung, idx, offset, own=True)
    if not out or (t.pos_ != "NOUN" and t.tag_ != "NNPS"):  # (a plural demonym: "two Peruvians, X and Y")
        return []
    owners = [x for c in t.children if c.dep_ == "nmod:poss" for x in phrase_actors(c, idx, offset, depth=2)]
    return uniq([*owners, *out])


def _people_in(c: Token, idx: ActorIndex, offset: int, *, own: bool = False) -> list[str]:
    """The people the phrase of ``c`` names (``own``: only its name, not what the parse hung on it)."""
    first, last = name_edges(c) if own else (c.left_edge, c.right_edge)
    a, b = offset + first.idx, offset + last.idx + len(last.text)
    return [m.entity for m in idx.between(a, b) if idx.type_of(m.entity) == "PERSON"]


def _glued_person(t: Token, idx: ActorIndex, offset: int) -> list[str]:
    """A person's name the parse joined to the place before it as one name ("Alaska Sarah Palin")."""
    flat = [c for c in t.children if c.dep_ in ("flat", "compound") and c.i > t.i]
    if not flat:
        return []
    a, b = offset + flat[0].idx, offset + flat[-1].idx + len(flat[-1].text)
    return uniq(m.entity for m in idx.between(a, b) if idx.type_of(m.entity) == "PERSON")


def _place_titled_name(t: Token, idx: ActorIndex, offset: int) -> list[str]:
    """The person named right after a title's place, parsed as part of the place's phrase ("governor
    of Alaska Sarah Palin", "Senator from Vermont Bernie Sanders", "the mayor of London, Sadiq Khan")."""
    for c in t.children:
        if c.dep_ != "nmod" or case_of(c) not in ("of", "from") or c.pos_ not in ("PROPN", "NOUN"):
            continue
        a = offset + next(x.idx for x in c.subtree if x.dep_ not in ("case", "det"))
        b = offset + c.right_edge.idx + len(c.right_edge.text)
        named = sorted(idx.between(a, b), key=lambda m: m.start)
        people = [m for m in named if idx.type_of(m.entity) == "PERSON"]
        places = [m for m in named if people and m.end <= people[0].start and m not in people]
        if not places or places[0].start != a:
            return []
        gap = t.doc.text[max(m.end for m in places) - offset : people[0].start - offset]
        return [people[0].entity] if gap in (" ", ", ") else []
    return []


def phrase_actors(tok: Token, idx: ActorIndex, offset: int, *, depth: int = 0) -> list[str]:
    """The actors a noun phrase headed by ``tok`` refers to.

    The head's own mention wins ("the Iranian airline Mahan Air" -> Mahan Air); else the names and
    demonyms inside the phrase's core (compounds, possessors, appositions: "Iran's government",
    "the Russian foreign ministry"); else, for a generic head, the ``of`` phrase ("the government
    of Iraq", "the leader of Hamas") or the agent of a participle ("the sanctions imposed by X").
    Coordinated phrases give every conjunct's actors.
    """
    out: list[str] = []
    for t in conjuncts(tok):  # ("tens of thousands of Chileans": what the phrase counts)
        out += _one_phrase(counted(t), idx, offset, depth)
    return uniq(out)


def _named_group(t: Token, idx: ActorIndex, offset: int, own: list[str]) -> list[str]:
    """An unnamed group's noun ("militants", "rebels") with the name of its organisation before it
    ("Hamas militants", "M23 rebels"): the organisation."""
    if not all(idx.entities[a].name.islower() for a in own if a in idx.entities):
        return own
    named = [
        m.entity
        for c in t.children
        if c.dep_ in ("compound", "amod") and c.i < t.i
        for m in idx.between(offset + c.idx, offset + c.idx + len(c.text))
        if idx.type_of(m.entity) == "ORG" and m.entity not in own
    ]
    return uniq(named) or own


def _coordinated_demonyms(t: Token, idx: ActorIndex, offset: int) -> list[str]:
    """The first of two demonyms joined by "and" before a noun that carries the second one's mention
    ("*Chilean* and Peruvian troops": Chile as well as Peru)."""
    out: list[str] = []
    for c in t.children:
        joined = any(x.lower_ == "and" and x.dep_ == "cc" for x in t.doc[c.i + 1 : t.i])
        if c.dep_ in ("amod", "compound") and c.i < t.i and joined:
            a = offset + c.idx
            out += [m.entity for m in idx.between(a, a + len(c.text))]
    return out


def _one_phrase(t: Token, idx: ActorIndex, offset: int, depth: int) -> list[str]:
    own = idx.at(t, offset) or _titled_name(t, idx, offset)
    if own and all(idx.type_of(a) in ("LOCATION", "STATE") for a in own):
        own = _glued_person(t, idx, offset) or own  # "(governor of) [Alaska] Sarah Palin"
        if t.tag_ in ("NNS", "NNPS"):  # "two [Peruvians], Juan Ortega and Ann Ward": the people named
            own = _person_apposition(t, idx, offset) or own
    if t.lower_ in GROUP_NOUNS and depth < 2:  # "militants *from X*": X, not an unnamed group
        named = [a for c in group_owners(t) for a in phrase_actors(c, idx, offset, depth=depth + 1)]
        own = [a for a in named if idx.type_of(a) in ("ORG", "PERSON")] or own
    if own and t.lower_ in STATE_BODIES and depth < 2:  # "the government of [President X]": X's
        owners = [a for c in t.children if c.dep_ == "nmod" and case_of(c) == "of"
                  for a in phrase_actors(c, idx, offset, depth=depth + 1)]
        own = owners or own
    if own:
        own = _named_group(t, idx, offset, own)
        return uniq([*_coordinated_demonyms(t, idx, offset), *own])
    if t.lemma_.lower() in NAMED_THINGS:  # "the United States Constitution" is no state
        return []
    if (state := state_anaphor(t, idx, offset)) is not None:  # "sanctions on the country", "the kingdom"
        return state
    core: list[str] = []
    relational = t.lemma_.lower() in RELATIONAL  # "Trump's rival", "the wife of X": someone else
    if not relational and (named := _person_apposition(t, idx, offset)):
        return named  # "the party's vice presidential nominee, Ann Ward": Ward, not the party
    for c in t.children:
        example = case_of(c) in EXAMPLE_CASES  # "allies *such as X*": X is one
        if relational and not example and (c.dep_ == "nmod:poss" or case_of(c) or _name_before(c, t)):
            continue  # "Trump supporters"; also an "of" phrase the parse made an apposition ("wife of [X]")
        if c.dep_ == "amod" and c.lemma_.lower() in SEATED:
            continue  # "a UK-based retailer": where it is, not who
        if c.dep_ in NP_PARTS or (c.dep_ == "nmod" and not case_of(c)):
            last = c if c.dep_ == "amod" and c.i > t.i else c.right_edge  # "a book critical [of X]": not X
            a, b = offset + c.left_edge.idx, offset + last.idx + len(last.text)
            core += [m.entity for m in idx.between(a, b)]
    if core and t.lemma_.lower() in INDIVIDUALS:  # "a Cheltenham man": where he is from
        core = [a for a in core if idx.type_of(a) != "LOCATION"]
    mods = [c.lower_ for c in t.children if c.dep_ in MODS]
    against = t.lower_ in AGAINST_STATE or not AGAINST_STATE.isdisjoint(mods)
    if core and against:
        core = [a for a in core if idx.type_of(a) != "STATE"]  # "Kenya's opposition coalition": not Kenya
    if core:
        return uniq(core)
    if t.lemma_.lower() in INDIVIDUALS and (named := _named_as(t, idx, offset)):
        return named  # "detained the man, later identified as X", "killed a woman named X"
    if depth < 2:
        # whoever does it before whom it is done to: "the killing of protesters *by the police*"
        for c in (c for c in t.children if c.dep_ == "nmod" and case_of(c) == "by" and not relational):
            if got := phrase_actors(c, idx, offset, depth=depth + 1):
                return got
        for c in t.children:
            if relational and c.dep_ == "nmod" and case_of(c) not in EXAMPLE_CASES:
                continue
            case = case_of(c) if c.dep_ == "nmod" else ""
            example = case in EXAMPLE_CASES and t.lower_ in EXAMPLE_HEADS
            if case in ("of", "from", "in") and t.lemma_.lower() in POLICIES:
                continue  # "agreed with the nationalization of X": a policy about X, not X
            spoke_for = case == "for" and t.lemma_.lower() in SPEAKING_FOR  # "a spokesman *for* [a body]"
            if case in ("of", "from", "in") or example or spoke_for:
                got = phrase_actors(c, idx, offset, depth=depth + 1)
                got = [a for a in got if idx.type_of(a) in ("STATE", "ORG")] if spoke_for else got
                if t.lemma_.lower() in INDIVIDUALS:  # "a man in the city of X", "a suspect in Chile":
                    places = ("LOCATION", "STATE") if case == "in" else ("LOCATION",)  # where, not who
                    got = [a for a in got if idx.type_of(a) not in places]
                if got:
                    return got
            if c.dep_ == "acl" and is_passive(c):  # "the sanctions imposed by X": X's sanctions
                for o in c.children:
                    if (
                        o.dep_ in ("obl:agent", "obl")
                        and case_of(o) == "by"
                        and (got := phrase_actors(o, idx, offset, depth=depth + 1))
                    ):
                        return got
            if c.dep_ == "acl" and c.lemma_ in BELONGING:  # "oil facilities belonging to X"
                for o in c.children:
                    if (
                        o.dep_ == "obl"
                        and case_of(o) == "to"
                        and (got := phrase_actors(o, idx, offset, depth=depth + 1))
                    ):
                        return got
    return []


#: a noun's modifier words
MODS = frozenset({"amod", "compound"})
#: relative adverbs: their clause has no object gap ("the city *where* he met X")
RELATIVE_ADVERBS = frozenset({"where", "when", "why", "how", "whereby"})


def _name_before(c: Token, t: Token) -> bool:
    """A name right before the noun it modifies ("*Trump* supporters", "*Biden* aide")."""
    return c.dep_ == "compound" and c.right_edge.i == t.i - 1 and all(x.pos_ == "PROPN" for x in c.subtree)


def _named_as(t: Token, idx: ActorIndex, offset: int) -> list[str]:
    """The actor a naming participle on an unnamed person's noun gives ("a woman *named* X", "the man,
    later *identified as* X")."""
    for c in t.children:
        if c.dep_ != "acl" or c.tag_ != "VBN" or c.lemma_.lower() not in NAMING:
            continue
        for o in c.children:
            if o.dep_ in ("obj", "xcomp") or (o.dep_ == "obl" and case_of(o) == "as"):
                if got := idx.at(o, offset):
                    return got
    return []


def particles(tok: Token) -> list[Token]:
    """A verb's particles: ``compound:prt`` children, an adverb right after it ("backed away"), a particle
    right after it the parse hung on the object ("called [up] reservists", "pulled [out] of X")."""
    out = [c for c in tok.children if c.dep_ == "compound:prt" or (c.dep_ == "advmod" and c.i == tok.i + 1)]
    doc, i = tok.doc, tok.i  # (tokens by index: slicing the Doc into spans cost more than the test)
    if out or i + 1 >= len(doc):
        return out
    t, after = doc[i + 1], doc[i + 2].lower_ if i + 2 < len(doc) else ""
    loose = t.tag_ == "RP" or (t.lower_, after) == ("out", "of")
    return [t] if loose and any(a.i == i for a in t.ancestors) else []


def proper_name(tok: Token) -> bool:
    """A capitalised word inside a sentence in running text is part of a name ("awarded the *Order*
    of the Sun", "the *Peace* Prize"), never a pattern's common noun; titles ("named X *Prime
    Minister*") and headline-case sentences are not read so."""
    if tok.is_sent_start or not tok.text[:1].isupper() or tok.text.isupper() or tok.lower_ in TITLE_HEADS:
        return False
    verbs = (t for t in tok.sent if t.pos_ in ("VERB", "AUX") and not t.is_sent_start)
    return not any(v.text[:1].isupper() for v in verbs)
