"""The words of a Universal Dependencies parse the event coder reads: relation names, word classes
from the lexicons, and the two questions every rule asks of a token (its preposition, its conjuncts)."""

from __future__ import annotations

from typing import Any

from newsgraph.text import lexicons

Token = Any  # a spaCy Token (spaCy is imported lazily by the stages)

SUBJECTS = frozenset({"nsubj", "csubj", "nsubj:outer"})  # "X is to step down": the outer subject
PASSIVE_SUBJECTS = frozenset({"nsubj:pass", "csubj:pass"})
OBJECTS = frozenset({"obj", "iobj"})
#: dependents that belong to a noun phrase's name (not to its modifiers' clauses)
NP_PARTS = frozenset({"compound", "flat", "flat:name", "amod", "nmod:poss", "appos", "det", "nummod"})
RELATIVE = lexicons.words("english.relative_pronouns")
#: verbs whose object does what their "to" clause says ("urged *X* to leave", "called on *X* to act")
OBJECT_CONTROL = lexicons.words("english.object_control_verbs")
#: nouns of a choice a verb's bare complement names ("named X its nominee": as its nominee)
CHOICE_NOUNS = lexicons.words("english.choice_nouns")
#: participles that give a thing its owner ("facilities *belonging* to X")
BELONGING = frozenset({"belong"})
TITLE_HEADS = lexicons.words("actors.title_heads")
DURATIONS = lexicons.words("english.duration_nouns")
CLAUSE_OPENERS = lexicons.words("english.clause_openers")
#: prepositions that open a phrase, never a clause (a subject opened by one is misread)
PHRASE_ONLY_CASES = lexicons.words("english.phrase_only_cases")
GROUP_PRONOUNS = lexicons.words("english.pronouns_group")  # ("it", "they": lemmas, so also "them")
INDIVIDUALS = lexicons.words("actors.individual_nouns")
#: titles whose holder speaks or acts for the "for" phrase ("a spokesman *for* X": X's)
SPEAKING_FOR = lexicons.words("actors.office_titles")
#: participles that name an unnamed person ("a woman *named* X", "the man, later *identified* as X")
NAMING = lexicons.words("actors.naming_participles")
#: nouns of a policy done to what their "of" phrase names ("the nationalization *of the Federal Reserve*")
POLICIES = lexicons.words("actors.policy_nouns")
#: prepositions of what a clause is done in spite of ("*despite* calls from X")
CONCESSIVE = lexicons.words("english.concessive_cases")
#: quantifiers heading a partitive phrase ("*all* of X's demands", "*tens* of thousands of troops")
PARTITIVES = lexicons.words("english.partitive_heads")
#: nouns of a kind, whose "of" phrase names the thing itself ("waging a new *kind* of war": a war)
KIND_NOUNS = lexicons.words("english.kind_nouns")
RELATIONAL = lexicons.words("actors.relational_nouns")
#: participles that say where an organisation is ("a *UK-based* retailer"): that place is no participant
SEATED = lexicons.words("english.seat_participles")
#: possessive pronouns that are also object pronouns ("granted *her* asylum")
DATIVES = lexicons.words("english.dative_possessives")
#: unnamed crowds ("protesters", "demonstrators")
COLLECTIVE_NOUNS = lexicons.words("actors.collective_nouns")
#: common nouns of an unnamed group ("militants", "protesters"): "militants *from X*" are X's
GROUP_NOUNS = COLLECTIVE_NOUNS | {
    w for ws in lexicons.word_table("actors.armed_collectives").values() for w in ws
}
#: the role nouns of an attacker or suspect the story leaves unnamed ("gunmen", "the attacker"): no side
UNNAMED_ROLES = lexicons.word_table("actors.armed_collectives")["gunmen"] | lexicons.words(
    "actors.suspect_nouns"
)
#: modifiers of a group that stands against its state ("Kenya's *opposition* coalition")
AGAINST_STATE = lexicons.words("actors.against_state_modifiers")
NAMED_THINGS = lexicons.words("actors.named_thing_heads")
#: bodies that stand for the state itself ("the *government* of X": X's, not the story's state)
STATE_BODIES = lexicons.words("actors.state_bodies")
EXAMPLE_HEADS = lexicons.words("actors.example_heads")
#: the prepositions of examples: their actors are the phrase's only after one of the example heads
EXAMPLE_CASES = frozenset({"such as", "including", "like"})
#: determiners of a noun that refers back ("the delegation", "the attack")
THIS = lexicons.words("english.definite_determiners")
#: finite verb tags (a clause of its own, not a participle)
FINITE = frozenset({"VBD", "VBZ", "VBP"})


def case_of(tok: Token) -> str:
    """The preposition of an oblique or nominal modifier ("in", "according to"), lower case, or ""."""
    words = []
    for c in tok.children:
        if c.dep_ == "case" and c.i < tok.i:
            words.append(c.lower_)
            words += [f.lower_ for f in c.children if f.dep_ == "fixed"]
    first = tok.left_edge
    if not words and first.dep_ == "case" and first.head.i != tok.i and first.i < tok.i:
        return first.lower_  # the parse hung "of" on a modifier: "of [Russian president] Putin"
    return " ".join(words)


def conjuncts(tok: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("Russia and China" -> both), also one the parse
    made an apposition that opens with the conjunction ("Ann Ward and [Peruvian Minister] Juan Ortega")."""
    joined = [
        c for c in tok.children if c.dep_ in ("appos", "list") and c.i > tok.i and c.left_edge.pos_ == "CCONJ"
    ]  # (or the parse made a list of the two names)
    # not past a verb the parse hung on the token that takes an object of its own: the token is that
    # verb's subject, and what follows its object is coordinated with the object ("Peru's military
    # [detained] X and other leaders")
    verbs = [a.i for a in tok.children if a.dep_ == "acl" and a.i > tok.i and a.tag_ in ("VBD", "VBN")
             and any(o.dep_ == "obj" for o in a.children)]
    cut = min(verbs, default=len(tok.doc))
    return [tok, *[c for c in tok.conjuncts if tok.i < c.i < cut], *joined, *_parallel(tok)]


def _parallel(tok: Token) -> list[Token]:
    """A name the parse coordinated with the "of" phrase of the one before, in a pair of parallel
    phrases ("Juan Ortega of Peru and [Ana Ruiz] of Chile"): a conjunct of that name, not of its state."""
    words = [tok, *(c for c in tok.children if c.dep_ == "flat")]
    ofs = [n for w in words for n in w.children if n.dep_ == "nmod" and case_of(n) == "of"]
    own_of = [c for n in ofs for c in n.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
    return [c for c in own_of if any(x.dep_ == "nmod" and case_of(x) == "of" for x in c.children)]


def measured(n: Token, measures: frozenset[str]) -> bool:
    """``n`` is what a measure or a number before it counts ("planeloads *of aid*", "$5 million *in
    aid*"); ``measures`` are the measure nouns (the lexicon's ``measure_nouns``)."""
    h = n.head
    counts = h.pos_ in ("NUM", "SYM") or h.lemma_.lower() in measures
    return n.dep_ == "nmod" and case_of(n) in ("of", "in") and counts and h.i != n.i


def claiming_verb(t: Token, nouns: frozenset[str], verbs: frozenset[str]) -> Token | None:
    """The verb of "X claimed responsibility" when ``t`` is its object, one of ``nouns`` (the
    lexicon's ``responsibility``) and the verb one of ``verbs`` (``claiming``), else None."""
    v = t.head  # (the parse also makes the noun a complement: "later claimed [responsibility]")
    return v if t.dep_ in ("obj", "xcomp") and t.lower_ in nouns and v.lemma_.lower() in verbs else None


def priced(o: Token) -> Token:
    """The noun a currency sign the parse made the object stands before ("announced a new [$]2.5
    billion aid [package]", the package read as a modifier of "$"), or a participle after it ("a UN
    [resolution] calling for ..."), else ``o``."""
    if o.tag_ == "VBG":  # "accepted a UN [resolution] calling for ...", the participle read as the head
        before = [c for c in o.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i == o.i - 1]
        return before[0] if before else o
    if o.tag_ != "$":
        return o
    nouns = [c for c in o.children if c.pos_ == "NOUN" and c.i > o.i]
    return nouns[-1] if nouns else o


#: a verb's own subject, auxiliary, object or complement clause: no share in another's passive
ACTIVE_SIGNS = frozenset({"nsubj", "nsubj:pass", "aux", "aux:pass", "obj", "iobj", "expl", "ccomp", "xcomp"})


def passive_conjunct(v: Token) -> bool:
    """A participle coordinated with a passive verb, sharing its subject and its auxiliary ("were
    arrested and [charged] with spying", the second verb tagged as a finite past): passive too,
    when it has no subject, auxiliary, object or complement clause of its own ("the deal was built
    on trust, and [warned] Congress that ...": active)."""
    head = v.head
    return (
        v.dep_ == "conj"
        and v.tag_ in ("VBN", "VBD")
        and head.pos_ == "VERB"
        and any(c.dep_ == "aux:pass" for c in head.children)
        and not any(c.dep_ in ACTIVE_SIGNS for c in v.children)
    )


def told_subject_tokens(n: Token) -> list[Token]:
    """The subjects of the "that" clause a noun tells ("accusations by X *that Y was stealing*"),
    however the parse hung the clause on the noun."""
    clauses = [  # (on the noun, or on a name of its phrase: "accusations by [X] that Y ...")
        c
        for c in n.subtree
        if c.dep_ in ("acl", "ccomp", "acl:relcl")
        and c.pos_ in ("VERB", "AUX")
        and (c.head.i == n.i or (c.head.pos_ in ("NOUN", "PROPN") and c.head.head.i == n.i))
    ]
    told = [c for c in clauses if any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    return [s for c in told for s in c.children if s.dep_ in ("nsubj", "nsubj:pass")]


def through_nouns(t: Token, head: Token) -> bool:
    """``t`` hangs on ``head`` through nouns only, not inside a clause of its own ("filed a case
    *accusing X of crimes against Y*": not the case's target)."""
    t = t.head
    while t.i != head.i and t.head.i != t.i:
        if t.pos_ in ("VERB", "AUX"):
            return False
        t = t.head
    return True


def kind_of(o: Token) -> list[Token]:
    """The thing a noun of a kind names ("a new kind *of war*": war), or [] for any other noun."""
    if o.lemma_.lower() not in KIND_NOUNS:
        return []
    return [c for c in o.children if c.dep_ == "nmod" and case_of(c) == "of"]


def counted(o: Token) -> Token:
    """What a partitive phrase counts ("all *of* the demands" -> demands, "tens of thousands of
    troops" -> troops), else the word itself."""
    for _ in range(3):
        inner = [c for c in o.children if c.dep_ == "nmod" and case_of(c) == "of"]
        if (o.lower_ not in PARTITIVES and o.pos_ != "NUM") or not inner:  # ("two of his bodyguards")
            break
        o = inner[0]
    return o


def adverbial(v: Token, subordinators: frozenset[str]) -> bool:
    """Whether ``v`` heads an adverbial clause, also one the parse made a complement by hanging its
    subordinator on the subject ("expelled X after [Prime Minister Y] blamed Z": "after" a case of
    Y)."""
    if v.dep_ == "advcl":
        return True
    subjects = [c for c in v.children if c.dep_ in ("nsubj", "nsubj:pass")]
    marks = [c for s in subjects for c in s.children if c.dep_ in ("case", "mark") and c.i < s.i]
    return v.dep_ == "ccomp" and any(c.lower_ in subordinators for c in marks)


#: nouns of a line between two states: "the border *with X*" names the state across it
BORDERS = lexicons.words("english.border_nouns")


def border_phrase(c: Token) -> bool:
    """A "with" phrase the parse hung on the verb that follows a border noun ("held drills near the
    border *with Chile*"): the state across the border, not a partner of the clause's act."""
    if case_of(c) != "with" or c.left_edge.i == 0:
        return False
    prev = c.doc[c.left_edge.i - 1]
    return prev.lemma_.lower() in BORDERS and prev.i != c.head.i


#: adjectives of readiness ("was *ready* to provide aid")
READINESS = lexicons.words("english.readiness_adjectives")


def extraposed_it(t: Token) -> bool:
    """The "it" of "said it was ready to hold talks" that the parse read as an expletive (the
    infinitive a clausal subject): after an adjective of readiness, the subject of the infinitive."""
    adj = t.head
    if t.lower_ != "it" or t.dep_ != "expl" or adj.pos_ != "ADJ" or adj.lemma_.lower() not in READINESS:
        return False
    infinitives = [c for c in adj.children if c.dep_ in ("csubj", "xcomp")]
    return any(m.lower_ == "to" for c in infinitives for m in c.children)


def hung_on_means(c: Token) -> list[tuple[str, Token]]:
    """The "with" phrase the parse hung on an active verb's "by" phrase of means ("spoke by phone
    *with X*"): the verb's own."""
    if case_of(c) != "by":
        return []
    return [("with", x) for x in c.children if x.dep_ == "nmod" and case_of(x) == "with"]


def opened_by_preposition(c: Token) -> bool:
    """An object whose phrase opens with a preposition away from the verb: the parse's object is a
    prepositional phrase (not a particle read as one: "broke [off] relations")."""
    first = next((t for t in c.subtree if t.dep_ != "punct"), c)
    return first.dep_ == "case" and first.i < c.i and first.i > c.head.i + 1


#: adjectives (lemmas) of a group's allegiance ("insurgents *loyal* to X": X's)
ALLEGIANCE = lexicons.words("english.allegiance_adjectives")


def group_owners(t: Token) -> list[Token]:
    """The phrases naming whose an unnamed group is: "militants *from X*", "fighters *of X*",
    "insurgents loyal *to X*", "militias allied *with X*"."""
    out = [c for c in t.children if c.dep_ == "nmod" and case_of(c) in ("from", "of")]
    sworn = [c for c in t.children if c.dep_ == "amod" and c.lemma_.lower() in ALLEGIANCE]
    if t.dep_ == "nsubj" and t.head.pos_ == "ADJ" and t.head.lemma_.lower() in ALLEGIANCE:
        sworn.append(t.head)  # "[Insurgents] loyal to X fired ...", the adjective read as the predicate
    sworn_to = [x for a in sworn for x in a.children if x.dep_ in ("obl", "nmod")]
    return out + [x for x in sworn_to if case_of(x) in ("to", "with")]


def perfect_participle(n: Token, verbs: frozenset[str], lemma_of: Any) -> bool:
    """A participle of one of ``verbs`` the parse read as noun ``n``'s modifier after "has" ("Chile
    has [frozen] talks with X", "has [suspended] aid"): the verb of the clause, ``n`` its object."""
    if n.head.lemma_.lower() != "have" or n.dep_ != "obj":
        return False
    return any(c.dep_ == "amod" and c.tag_ == "VBN" and lemma_of(c) in verbs for c in n.lefts)


def lasting(x: Token) -> bool:
    """A "for" phrase of a duration ("for a third day"): how long, no target."""
    return (x.lemma_ or x.text).lower() in DURATIONS and case_of(x) == "for"


def predicate_agent(v: Token) -> list[Token]:
    """The "by" phrase of a passive that the parse hung on its predicate adjective ("was found guilty
    *by a court*") or on the bare noun of a set phrase ("was held in contempt *by X*", "was taken into
    custody *by police*"): the passive's agent."""
    got = [x for c in v.children if c.dep_ == "xcomp" for x in c.children if x.dep_ == "obl:agent"]
    bare = [c for c in v.children if c.dep_ == "obl" and not any(d.dep_ == "det" for d in c.children)]
    return got + [x for c in bare for x in c.children if x.dep_ == "nmod" and case_of(x) == "by"]


def for_phrase_subject(c: Token) -> bool:
    """A subject right after a "for" the parse made its finite verb's mark ("a former adviser [for]
    [X] was sentenced"): the phrase of a noun before, not the subject (not "for X to act")."""
    marks = [m for m in c.head.children if m.dep_ == "mark"]
    opened = any(m.lower_ == "for" and m.i == c.left_edge.i - 1 for m in marks)
    return opened and not any(m.lower_ == "to" for m in marks)


def phrase_subject(c: Token) -> bool:
    """A subject opened by its own preposition that opens no clause ("then [at the government's request]
    returned"): a phrase the parse misread as the subject."""
    first = c.left_edge
    return first.dep_ == "case" and first.head.i == c.i and first.lower_ in PHRASE_ONLY_CASES


def relative_maker(rel: Token, o: Token) -> Token | None:
    """The verb whose object ``o`` is, when ``o`` is the noun relative clause ``rel`` hangs on ("X sent
    Y *a plan*, which Y rejected": "sent"); else None."""
    if rel.dep_ == "acl:relcl" and o.i == rel.head.i and o.dep_ == "obj" and o.head.pos_ == "VERB":
        return o.head
    return None


def partners(m: Token) -> list[Token]:
    """The conjuncts of phrase ``m``; for a "between" phrase with none, the conjunct the parse hung on
    the phrase's head after it ("fighting between [X's troops] and [Y]", Y read as a 2nd fighting)."""
    if m.conjuncts or case_of(m) != "between":
        return list(m.conjuncts)
    return [c for c in m.head.children if c.dep_ == "conj" and c.i > m.i]


def to_be(t: Token) -> bool:
    """A noun predicate in an infinitive of "be" ("chose X *to be her running mate*"), or a bare one
    naming a choice ("named X *its nominee*")."""
    kids = list(t.children)
    choice = t.dep_ == "xcomp" and t.lemma_.lower() in CHOICE_NOUNS
    bare = choice and not any(c.dep_ in ("cop", "mark") for c in kids)
    return (
        t.dep_ in ("obl", "xcomp") and t.pos_ == "NOUN"
        and not any(c.dep_ == "case" for c in kids)  # "claimed to be [in contact] with X"
        and (bare or any(c.dep_ == "cop" and c.lower_ == "be" for c in kids))
        and (bare or any(c.dep_ == "mark" and c.lower_ == "to" for c in kids))
    )


def agreed_to(cl: Any) -> bool:
    """Whether an agreeing verb's clause names what was agreed: an object, something to do ("agreed
    with X to hold talks") or a phrase of "on"/"to" ("agreed with X on a ceasefire"); not a view
    shared ("agreed with X, saying ...", "agreed with X that ...")."""
    v = cl.head
    # (a "to" the parse made a mark: "agreed [to] power-sharing", "agreed with X [to] hold talks")
    done = [c for c in v.children if c.dep_ in ("advcl", "obl") and any(m.lower_ == "to" for m in c.children)]
    named = bool(done) or any(c.dep_ in ("obj", "xcomp") for c in v.children)
    return named or any(case_of(x) in ("on", "to", "upon", "over") for _, x in cl.obliques)


def opens_clause(v: Token) -> bool:
    """A verb that opens a clause of its own ("of killing X"), whatever noun the parse hung it on: "was
    accused by prosecutors *of killing* X" is the accusation's content, not the prosecutors' act."""
    return any(c.dep_ == "mark" for c in v.children)


def marked_to(c: Token) -> bool:
    """A clause marked with an infinitive's "to" ("called X *to* discuss ...")."""
    return any(m.dep_ == "mark" and m.lower_ == "to" for m in c.children)


def purposes(v: Token) -> set[str]:
    """The lemmas of the "to" clauses that give ``v``'s purpose ("resigned *to become* X")."""
    return {c.lemma_.lower() for c in v.children if c.dep_ in ("xcomp", "advcl") and marked_to(c)}


def told_to_act(v: Token) -> bool:
    """A verb with an object and a "to" infinitive of an act after it ("told X *to withdraw*", "wants X
    *to pay*"); not one of being ("wants X to be its nominee")."""
    kids = list(v.children)
    acts = [c for c in kids if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and c.lemma_.lower() != "be"]
    return any(c.dep_ in OBJECTS for c in kids) and any(marked_to(c) for c in acts)


#: verbs that link a subject to a predicate adjective ("grew *disillusioned* with X")
LINKING = lexicons.words("english.linking_verbs")


def predicative(t: Token) -> bool:
    """An adjective predicated by a copula or a linking verb ("X grew *disillusioned* with Y")."""
    linked = t.dep_ == "xcomp" and t.head.lemma_.lower() in LINKING
    adjective = t.pos_ == "ADJ" or (linked and t.tag_ == "VBN")  # (or a participle: "disillusioned")
    return adjective and (linked or any(c.dep_ == "cop" for c in t.children))


def withheld_comment(lemma: str, head: Token, refusing: frozenset[str], saying: frozenset[str]) -> bool:
    """A refusal to speak ("declined to comment on X's accusations", "refused to answer questions"):
    withholding a statement refuses no one (``lemma``: the refusing verb's; ``saying``: the verbs of
    comment that such a refusal governs)."""
    said = (c for c in head.children if c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in saying)
    return lemma in refusing and any(any(m.lower_ == "to" for m in c.children) for c in said)


def sentence_and_before(sent: Any) -> list[Any]:
    """A sentence (a spaCy span), then the sentence before it in its paragraph's parse, if any."""
    return [sent, sent.doc[sent.start - 1].sent] if sent.start > 0 else [sent]
