"""Who does what a predicate without a subject of its own says: the subject it shares with the
clause that governs it, the noun a relative clause or participle modifies, the object of an
object-control verb ("called on X to act")."""

from __future__ import annotations

from newsgraph.events.deps import (
    FINITE,
    OBJECT_CONTROL,
    PASSIVE_SUBJECTS,
    RELATIVE,
    SUBJECTS,
    TITLE_HEADS,
    Token,
    case_of,
    conjuncts,
    extraposed_it,
)
from newsgraph.text import lexicons
from newsgraph.text.speechverbs import default_lexicon

#: particles of phrasal verbs the parser may read as a preposition ("sealed *off* the town")
PARTICLE_WORDS = lexicons.words("english.particle_words")
#: verbs whose object their "from" gerund is done by ("stopped X from attacking")
PREVENTING = lexicons.words("english.preventing_verbs")
#: verbs whose recipient does what their "to" clause of purpose says ("paid X to kill ...")
GIVING = lexicons.words("english.giving_verbs")
#: relative pronouns that stand only for people
PERSONAL_RELATIVE = lexicons.words("english.personal_relative_pronouns")
#: words of kinship ("a *niece* of X, who ...": the niece)
KIN_NOUNS = lexicons.words("actors.kin_nouns")


def _asked(head: Token, v: Token, purpose: bool) -> list[Token]:
    """The object of an object-control verb before its "to" clause ``v`` ("called *on* X"; not below a
    clause of purpose), the recipient of a verb of giving ("paid bounties *to X* to kill ..."), or
    the object of a verb of preventing before its "from" gerund ("stopped *X* from")."""
    marks = {c.lower_ for c in v.children if c.dep_ == "mark"}
    controlled = marks == {"to"} or (v.dep_ == "xcomp" and not marks)  # "to" clause, or a bare xcomp
    kept = marks == {"from"} and v.tag_ == "VBG" and head.lemma_.lower() in PREVENTING
    if marks == {"to"} and not purpose and head.lemma_.lower() in GIVING:
        given = [c for c in head.children if c.i < v.i and (c.dep_ == "iobj" or case_of(c) == "to")]
        if given:  # "paid bounties to X to kill ...": X kills
            return conjuncts(given[-1])
    if not kept and (purpose or not controlled or head.lemma_.lower() not in OBJECT_CONTROL):
        return []
    objs = [c for c in head.children if c.i < v.i and (c.dep_, case_of(c)) in (("obj", ""), ("obl", "on"))]
    return conjuncts(objs[-1]) if objs else []


def inherited_subjects(v: Token) -> list[Token]:
    """The subject a predicate shares with the clause that governs it.

    ``conj`` ("X met Y and signed ..."), ``parataxis`` ("X left, then returned") and ``xcomp`` ("X
    agreed to meet Y") share the governing verb's subject; a relative clause whose subject is
    ``which``/``who`` has the noun it modifies; an active participle modifying a noun ("forces loyal
    to ...", "a group claiming ...") too, and a passive one has it as its patient ("X, backed by Y";
    "X, a party backed by Y": the name the noun stands beside).
    """
    seen, purpose = 0, False
    while seen < 4:
        seen += 1
        dep, head = v.dep_, v.head
        if head.i == v.i:
            return []
        if dep == "obl" and v.tag_ == "VBG" and any(c.dep_ == "mark" for c in v.children):
            dep = "advcl"  # "[after meeting] Y, X said": a clause the parse took for a phrase
        placed = head.pos_ == "PROPN" and head.dep_ in ("obl", "obj") and head.head.pos_ == "VERB"
        if dep == "advcl" and placed:  # "flew to [Lima] on Monday to meet X": the clause hung on the place
            head = head.head
        if dep == "ccomp" or (dep == "advcl" and _bare_report(v, head)):
            # "indicated [the US] was disappointed", "reported [X], the minister, recommended ...": a
            # complement without "that" whose subject the parse took as the reporting verb's object
            objs = [c for c in head.children if c.dep_ == "obj" and c.i < v.i]
            return conjuncts(objs[-1]) if objs and v.left_edge.i > objs[-1].i else []
        if _closing_participle(v, head):  # "X warned Y it would act unless Z did W, [massing] troops"
            v = head  # the participle closes the sentence: the subordinate clause's governor does it
            continue
        if dep in ("xcomp", "advcl") and (asked := _asked(head, v, purpose)):
            return asked  # "called on the President to demand ...": the President demands
        purpose = purpose or dep == "advcl"  # "X pressured Y to launch Z, in order to help X": X's aim
        if dep == "conj" and _active_after_passive(v, head):
            return [x for c in head.head.children if c.dep_ in SUBJECTS for x in conjuncts(c)]
        if dep in ("conj", "xcomp", "advcl", "parataxis") and head.pos_ in ("VERB", "AUX", "ADJ", "NOUN"):
            subj = [c for c in head.children if c.dep_ in SUBJECTS or c.dep_ in PASSIVE_SUBJECTS]
            active = all(s.dep_ in SUBJECTS and s.lower_ in RELATIVE for s in subj)
            if subj and active and (ante := antecedent(head)):
                return ante  # "X, who spoke after [meeting] Y, ...": X
            if dep == "conj" and (owner := _whose_antecedent(subj)):
                return owner  # "X, whose country holds ..., [met] Y": the parse made "met" the relative's
            if subj:
                return [x for s in subj for x in conjuncts(s)]
            v = head
            continue
        if dep == "acl:relcl":
            rel = [c for c in v.children if c.dep_ in SUBJECTS and c.lower_ in RELATIVE]
            return conjuncts(head) if rel or not any(c.dep_ in SUBJECTS for c in v.children) else []
        if dep == "acl" and (doer := _phrase_governor(v)) is not None:
            # "arrested X in a raid on Monday, [accusing] him of ...": the arrest's doer, not the raid
            return [x for c in doer.children if c.dep_ in SUBJECTS for x in conjuncts(c)]
        infinitive = any(c.dep_ == "mark" and c.lower_ == "to" for c in v.children)
        if dep == "acl" and infinitive and (owner := _noun_owner(head)):
            return owner  # "Chile's decision to send troops", "a plan by Chile to ...": Chile
        if dep == "acl" and (v.tag_ == "VBG" or infinitive):
            return _participle_subject(head)  # "a group claiming ...", "a resolution to expel X"
        if dep == "acl" and v.tag_ == "VBN" and head.pos_ in ("NOUN", "PROPN") and head.i < v.i and seen == 1:
            if not any(c.dep_ in ("obj", "nsubj", "aux") for c in v.children):
                named = head.dep_ == "appos" and head.pos_ == "NOUN" and head.head.pos_ == "PROPN"
                return conjuncts(head.head if named else head)  # "X, a party *backed* by Y": X
        if dep == "acl" and v.tag_ in FINITE | {"VBN"} and verbless_root(phrase_top(head)):
            return [phrase_top(head)]  # "Thousands of people [marched] ..., demanding X": the crowd
        if dep == "acl" and v.tag_ in FINITE | {"VBN"} and fronted_conjunct(head):
            return [head]  # "On Sunday, 200,000 Chileans [marched] ...": the crowd
        # "Peru, which accused X, [expelled] Y", "Peru, citing X, [closed] Y": the parse made the
        # subject the sentence's head
        after_aside = v.doc[v.i - 1].text == ","
        if dep in ("conj", "parataxis") and v.tag_ in FINITE and verbless_root(head) and after_aside:
            return [x for x in conjuncts(head) if x.pos_ in ("NOUN", "PROPN")]
        return []
    return []


def verbless_root(n: Token) -> bool:
    """A noun heading a sentence with no verb, copula or subject of its own."""
    rooted = ("cop", "aux", "aux:pass", *SUBJECTS)
    return n.dep_ == "ROOT" and n.pos_ in ("NOUN", "PROPN") and not any(c.dep_ in rooted for c in n.children)


def fronted_conjunct(n: Token) -> bool:
    """A noun the parse coordinated, after a comma, with the verbless phrase heading its sentence
    ("On *Sunday*, 200,000 [Chileans] marched ...": the fronted time and the clause's subject)."""
    root = n.head
    comma = n.i > root.i and any(t.text == "," for t in n.doc[root.i : n.i])
    return n.dep_ == "conj" and n.pos_ in ("NOUN", "PROPN") and comma and verbless_root(root)


def _active_after_passive(v: Token, head: Token) -> bool:
    """A finite verb with an object the parse coordinated with a passive reported clause: it is the
    reporting verb's conjunct ("X said the dispute should be settled by talks and [dismissed] Y's
    call"): an active verb with an object does not share the passive's subject or auxiliaries."""
    return (
        v.tag_ == "VBD"
        and head.dep_ == "ccomp"
        and head.head.pos_ == "VERB"
        and any(c.dep_ in PASSIVE_SUBJECTS for c in head.children)
        and any(c.dep_ == "obj" for c in v.children)
        and not any(c.dep_ in SUBJECTS or c.dep_.startswith("aux") for c in v.children)
    )


def _whose_antecedent(subjects: list[Token]) -> list[Token]:
    """The name a "whose" relative clause follows, when the parse made that clause the sentence's main
    one ("X, whose country holds ..., met Y" with "met" coordinated with "holds")."""
    whose = [c for s in subjects for c in s.children if c.dep_ == "nmod:poss" and c.lower_ == "whose"]
    if not whose or whose[0].i < 2 or whose[0].doc[whose[0].i - 1].text != ",":
        return []
    named = whose[0].doc[whose[0].i - 2]
    return [name_top(named)] if named.pos_ == "PROPN" else []


def _closing_participle(v: Token, head: Token) -> bool:
    """A participle set off by a comma at the end of the sentence that the parse hung on a
    subordinate clause ("unless Damascus expelled X, massing troops"): it goes with the clause
    the subordinate one depends on."""
    set_off = v.dep_ == "advcl" and v.tag_ == "VBG" and v.i > 0 and v.doc[v.i - 1].text == ","
    closing = v.right_edge.i >= v.sent.end - 2
    marks = [c for c in head.children if c.dep_ == "mark" and c.lower_ != "to"]
    return set_off and closing and bool(marks) and head.dep_ in ("advcl", "ccomp")


def _phrase_governor(v: Token) -> Token | None:
    """The verb whose prepositional phrase a participle set off by a comma was hung on ("arrested X
    in a raid, accusing him ..."), else None."""
    set_off = v.tag_ == "VBG" and v.i > 0 and v.doc[v.i - 1].text == ","
    t = v.head
    if not set_off or not any(c.dep_ == "case" for c in t.children):
        return None
    while t.dep_ in ("nmod", "obl") and t.head.i != t.i:
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _bare_report(v: Token, head: Token) -> bool:
    """A finite clause without a subordinator hanging from a neutral reporting verb ("NPR reported X,
    the minister, recommended ..."): a reported clause the parse read as an adverbial one."""
    if v.tag_ not in FINITE or any(c.dep_ == "mark" for c in v.children):
        return False
    if any(t.lower_ == "and" for t in v.doc[head.i + 1 : v.i]):  # "declared war and [on Monday] broke"
        return False
    info = default_lexicon().verb(head.text, head.lemma_)
    return info is not None and bool(info.frames & {"that", "bare"}) and info.act is None


#: verbs that set their subject against the text they act on ("vetoed a resolution condemning X")
_OPPOSED = lexicons.words("english.opposing_verbs")


def _participle_subject(noun: Token) -> list[Token]:
    """Who does what an "-ing" participle on ``noun`` says: the noun itself ("a group claiming the
    attack"), or, when the noun is an object or inside one, the clause's subject ("X posted a
    message on Twitter blaming Y")."""
    t = noun
    for _ in range(3):
        if t.dep_ not in ("obj", "obl", "nmod") or t.head.i == t.i:
            break
        against = t.dep_ == "obl" and case_of(t) == "against"  # "X voted against a resolution ..."
        t = t.head
        if t.pos_ == "VERB":
            if t.lemma_.lower() in _OPPOSED or t.lower_ in _OPPOSED or against:
                return []  # "X vetoed a resolution condemning Y": the resolution's, not X's
            subj = [c for c in t.children if c.dep_ in SUBJECTS]
            if subj and all(s.lower_ in RELATIVE for s in subj):
                return antecedent(t)  # "X, which published a report accusing Y": X
            if subj:
                return [x for s in subj for x in conjuncts(s)]
            break
    return conjuncts(noun)


def _noun_owner(noun: Token) -> list[Token]:
    """Who does what the "to" clause of a noun says: its possessor ("Chile's decision to ...") or its
    "by" phrase ("a decision by Chile to ..."), a name or a pronoun; or to whom the noun was given
    ("gave Chile a deadline to withdraw": the indirect object)."""
    owners = [c for c in noun.children if c.dep_ == "nmod:poss" or (c.dep_ == "nmod" and case_of(c) == "by")]
    named = [c for c in owners if c.pos_ in ("PROPN", "PRON") and c.lower_ not in RELATIVE]
    if not named and noun.dep_ == "obj":
        named = [c for c in noun.head.children if c.dep_ == "iobj" and c.i < noun.i]
    return conjuncts(named[0]) if named else []


def antecedent(v: Token) -> list[Token]:
    """What the relative pronoun subject of the clause ``v`` stands for: the noun a relative clause
    modifies ("Chile, which accused Peru"), or, where the parse read the clause as a comment on the
    whole sentence ("X condemned Chile, which had accused Peru" as ``advcl:relcl``), the name right
    before the comma; "who" also takes a common noun ("the protesters, who attacked X")."""
    if v.dep_ == "acl:relcl":
        n = v.head  # "Ann Ward, a Reuters journalist who was arrested": Ann Ward, not Reuters
        rel = [c for c in v.children if (c.dep_ in SUBJECTS or c.dep_ in PASSIVE_SUBJECTS)]
        personal = any(c.lower_ in PERSONAL_RELATIVE for c in rel)
        named = n.dep_ == "appos" and n.head.pos_ == "PROPN" and n.head.i < n.i
        if personal and (kin := _relative_of(n)) is not None:
            return [kin]  # "a woman, a niece of X's opponent Y, who claimed ...": the niece
        return conjuncts(n.head) if personal and named else conjuncts(n)
    rel = [c for c in v.children if c.dep_ in SUBJECTS and c.lower_ in RELATIVE]
    noun = _before_comma(rel[0]) if rel and v.dep_ == "advcl:relcl" else None
    if noun is None:
        return []
    if rel[0].lower_ in PERSONAL_RELATIVE:  # "the winner from the United States, who ...": the winner
        top = phrase_top(noun)
        return conjuncts(_first_conjunct(top)) if top.pos_ in ("NOUN", "PROPN") else []
    return conjuncts(_first_conjunct(noun)) if noun.ent_type_ in ("ORG", "LOC") else []


def _relative_of(n: Token) -> Token | None:
    """The unnamed relative a name is the "of" phrase of ("*a niece* of X's opponent Y", "*a cousin*
    of Y"): a person "who" after the name most likely stands for."""
    t = n
    while t.dep_ in ("appos", "flat") and t.head.i < t.i:
        t = t.head
    kin = t.head
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in kin.children)
    of_kin = t.dep_ == "nmod" and case_of(t) == "of" and kin.lemma_.lower() in KIN_NOUNS
    return kin if of_kin and indefinite else None


def _before_comma(rel: Token) -> Token | None:
    """The head of the name or noun that ends right before the comma opening a relative clause."""
    if rel.i < 2 or rel.doc[rel.i - 1].text != ",":
        return None
    noun = rel.doc[rel.i - 2]
    while noun.dep_ in ("flat", "flat:name", "compound") and noun.head.i > noun.i:
        noun = noun.head
    return noun


def phrase_top(t: Token) -> Token:
    """The head of the noun phrase ``t`` is inside of ("the leaders of the *countries*" -> leaders)."""
    while t.dep_ == "nmod" and t.head.pos_ in ("NOUN", "PROPN") and t.head.i != t.i:
        t = t.head
    return t


def _first_conjunct(t: Token) -> Token:
    return t.head if t.dep_ == "conj" and t.head.pos_ == t.pos_ else t


def misread_conjunct(v: Token) -> Token | None:
    """The main verb a finite verb after "and" is coordinated with, where the parse made the verb a
    modifier of the noun after it ("X withdrew from the race and [endorsed] Vice President Y")."""
    after_and = v.i > 0 and v.doc[v.i - 1].lower_ in ("and", "but")
    if v.dep_ != "amod" or v.tag_ not in ("VBD", "VBN") or not after_and:
        return None
    root = v.sent.root
    return root if root.pos_ in ("VERB", "AUX") and root.i < v.i else None


def name_top(t: Token) -> Token:
    """The head of the name a title or modifier belongs to ("Vice *President* Y" -> Y)."""
    while t.dep_ in ("nmod:desc", "compound", "flat", "amod") and t.head.i > t.i:
        t = t.head
    return t


#: what a run of titled names joined by "and" is made of ("U.S. Secretary of State John Kerry and
#: Russia's Foreign Minister Sergei Lavrov")
_NAME_RUN = {"PROPN", "NOUN", "ADJ", "DET", "NUM", "PART"}


def _name_run(v: Token) -> tuple[int, int]:
    """The run of titles, names and "and" right before the verb ``v`` (past its auxiliaries)."""
    doc, end = v.doc, v.i
    while end > 0 and doc[end - 1].pos_ in ("AUX", "ADV"):
        end -= 1  # "X and Y have signed"
    i = end
    while i > 0:
        t = doc[i - 1]
        nominal = t.pos_ in _NAME_RUN and (t.pos_ != "PART" or t.dep_ == "case")
        nominal = nominal or t.tag_ == "PRP$"  # "X and *his* Chilean counterpart Y"
        titled_of = t.lower_ == "of" and i - 2 >= 0 and doc[i - 2].pos_ == "PROPN"
        if not (nominal or titled_of or (t.pos_ == "CCONJ" and t.lower_ == "and")):
            break
        i -= 1
    return i, end


def lost_partner(v: Token, s: Token) -> Token | None:
    """A name coordinated with the subject ``s`` of ``v`` that the parse hung inside the subject's
    titles or name, or left outside the clause ("Chinese President Xi Jinping and Russian President
    Vladimir Putin held talks" read with Xi as a title of Putin): a second subject."""
    if s.pos_ != "PROPN" or s.lower_ in TITLE_HEADS:
        return None
    doc, (start, end) = s.doc, _name_run(v)
    ands = [t for t in doc[start:end] if t.lower_ == "and" and t.dep_ == "cc"]
    if len(ands) != 1 or doc[ands[0].i + 1].ent_iob_ == "I" or not start <= s.i < end:
        return None  # (not "Bosnia and Herzegovina")
    cut = ands[0].i
    other = (cut + 1, end) if s.i < cut else (start, cut)
    names = [t for t in doc[other[0] : other[1]] if t.pos_ == "PROPN" and t.lower_ not in TITLE_HEADS]
    if not names:
        return None
    name = names[-1]
    while name.dep_.startswith("flat") and other[0] <= name.head.i < other[1]:
        name = name.head  # "Xi [Jinping]" -> Xi: the name's own head, not the conjunct hung on it
    t = name
    while t.head.i != t.i and t.i != s.i:
        t = t.head
        if t.pos_ in ("VERB", "AUX") and t.i != v.i:
            return None  # "Putin met Xi and ...": another verb's object
    return name


def misread_as_noun(t: Token) -> bool:
    """A gerund with an object of its own that the parse tagged a noun ("began [bombing] X"), or a
    finite verb the tagger made a noun though it has a subject ("Chile [shot] down a jet": VBD;
    "Russia [denies] the claims", "Peru [condemns] X's decision": a noun with an object, not in a
    copula), or that has a subject, a particle and an object, as no noun does; also a past form with
    a subject before it and no determiner or copula, tagged a noun or an adjective ("Juan Ortega
    [apologized] to Peru", "Peru [eased] restrictions")."""
    if t.pos_ not in ("NOUN", "ADJ"):
        return False
    deps = {c.dep_ for c in t.children}
    subject = any(c.dep_ == "nsubj" and c.i < t.i for c in t.children)
    past = t.lower_.endswith("ed") and subject and not deps & {"cop", "det", "nmod:poss"}
    if t.pos_ != "NOUN":
        return t.pos_ == "ADJ" and past
    # "Russia [denies] the claims" (a plural noun), "Peru strongly [condemns] X's decision" (a singular):
    # a subject and an object, as no noun has
    objected = t.tag_ in ("NNS", "NN") and "cop" not in deps and "obj" in deps
    finite = (t.tag_ in ("VBD", "VBZ", "VBP") or objected) and "nsubj" in deps
    phrasal = {"nsubj", "compound:prt", "obj"} <= deps  # "a warship [shot] down a jet", tagged NN
    return finite or phrasal or past or bool(named_plural(t)) or (t.lower_.endswith("ing") and "obj" in deps)


def named_plural(t: Token) -> list[Token]:
    """The name the parse made a compound of a present-tense verb it read as a plural noun, the
    verb's object or complement after it ("[Peru] denies the charges", "Peru denies starting ..."):
    the verb's subject."""
    if t.tag_ != "NNS" or t.i == 0 or not any(c.dep_ in ("obj", "acl") and c.i > t.i for c in t.children):
        return []
    name = t.doc[t.i - 1]
    return [name] if name.dep_ == "compound" and name.head.i == t.i and name.pos_ == "PROPN" else []


def stranded_verb(v: Token) -> bool:
    """A past-tense verb between two names in a sentence the parse left with no verbal root: it took
    the verb for a modifier inside one long name ("Senator Ann Ward [accused] Governor Tom Reyes of
    lying" read as one proper noun phrase). The name before is its subject, the one after its object."""
    return (
        v.pos_ in ("VERB", "ADJ")  # "Tom Reyes [mocked] Senator Ann Ward": tagged VBN, read as an adjective
        and v.tag_ in ("VBD", "VBN")
        and v.dep_ not in ("ROOT", "conj", "ccomp", "xcomp", "advcl", "parataxis")
        and 0 < v.i < len(v.doc) - 1
        and (v.doc[v.i - 1].pos_ == "PROPN" or v.doc[v.i - 1].dep_ == "compound")  # ("X's ministry [met]")
        and (v.doc[v.i + 1].pos_ == "PROPN" or v.doc[v.i + 1].tag_ == "NNP")  # ("Peruvian": ADJ, NNP)
        and not any(c.dep_ in SUBJECTS for c in v.children)
        and v.sent.root.pos_ in ("PROPN", "NOUN")
        and v.sent.start < v.i < v.sent.end - 1
    )


def stranded_obliques(t: Token, after: int | None = None) -> list[tuple[str, Token]]:
    """The prepositional phrases the parse hung on the name after a stranded verb, which are the
    verb's ("picked Governor Tom Reyes [as his running mate]"); on the name before it, those after
    the verb (``after``: the parse hung the phrase on the subject, its root)."""
    t = stranded_name(t)
    start = t.i if after is None else after
    return [(case_of(c), c) for c in t.children if c.dep_ == "nmod" and c.i > start and case_of(c)]


def stranded_name(t: Token) -> Token:
    """The name a title or demonym after a stranded verb belongs to ("[Peruvian] President Juan
    Ortega" -> Juan, not the demonym's state; "[Turkey]'s ambassador" -> ambassador)."""
    while t.dep_ in ("nmod:desc", "flat", "compound", "nmod:poss") and t.head.i > t.i:
        t = t.head  # "Governor" -> "Tom"
    return t


def name_head(t: Token) -> Token:
    """The first word of the name ``t`` ends ("Ann *Ward*" -> Ann), where a name's mention starts."""
    while t.dep_ in ("flat", "compound") and t.head.i < t.i:
        t = t.head
    return t


def glued_claim(v: Token, nouns: frozenset[str]) -> tuple[Token, Token] | None:
    """(name, noun) where a noun summing up the clause before it is glued by the parse to the name
    of whoever answers it (", a charge [Peru] rejected", ", a claim [Peru] denied": "charge Peru" read
    as one phrase, or "Peru" a compound of the verb): the name is the verb's subject, the noun its
    object."""
    if v.tag_ not in ("VBD", "VBN") or v.i < 4:
        return None
    for subj in (c for c in v.children if c.dep_ == "nsubj" and c.i < v.i):  # "a claim [X's ambassador]"
        glued = (c for c in subj.children if c.dep_ in ("compound", "nmod:desc") and c.i < subj.i)
        for noun in glued:  # ("a demand [Peruvian President] Tom ...": a title's noun too)
            det = v.doc[noun.i - 1] if noun.i > 1 else noun
            claim = (noun.lemma_ or noun.lower_).lower() in nouns
            if claim and det.dep_ == "det" and v.doc[det.i - 1].text == ",":
                return subj, noun
    if v.doc[v.i - 1].pos_ != "PROPN":
        return None
    j = v.i - 1
    while j > v.sent.start and v.doc[j - 1].pos_ == "PROPN":
        j -= 1
    noun, det = v.doc[j - 1], v.doc[j - 2]
    if (noun.lemma_ or noun.lower_).lower() not in nouns or det.dep_ != "det" or v.doc[j - 3].text != ",":
        return None
    return v.doc[j], noun


def claimant_clause(v: Token, noun: Token) -> Token | None:
    """The verb of the clause before a summing noun (", a charge X rejected"): whose claim it is."""
    t = v
    while t.head.i != t.i:
        t = t.head
        if t.pos_ in ("VERB", "AUX") and t.i < noun.i:
            return t
    return None


def stuck_particle(v: Token) -> Token | None:
    """The word right after a verb that the parse made the only preposition of a phrase hanging on
    the verb ("sealed [off] the town", "called [off] the talks"): a particle, if the verb and it make
    a phrasal verb (the caller checks its lexicon)."""
    nxt = v.doc[v.i + 1] if v.i + 1 < len(v.doc) else None
    if nxt is None or nxt.lower_ not in PARTICLE_WORDS or nxt.dep_ != "case" or nxt.head.head.i != v.i:
        return None
    if not nxt.head.dep_.startswith("obl"):
        return None
    return nxt if sum(c.dep_ == "case" for c in nxt.head.children) == 1 else None


def describing(v: Token) -> bool:
    """A participle right before a name, not set off by a comma nor opened by a subordinator other
    than "with" ("talks with [visiting] President X", "hosted [visiting] Prime Minister X"): it
    describes the name, who does it; the clause's subject is whom it is done to."""
    objs = [c for c in v.children if c.dep_ == "obj" and c.pos_ == "PROPN"]
    marks = {c.lower_ for c in v.children if c.dep_ == "mark"}
    subjects = any(c.dep_ in SUBJECTS for c in v.children)
    before = v.doc[v.i - 1].text if v.i > 0 else ","
    return (
        v.tag_ == "VBG"
        and v.dep_ in ("acl", "advcl", "amod")
        and bool(objs)
        and objs[0].left_edge.i == v.i + 1
        and marks <= {"with"}
        and not subjects
        and before != ","
    )


#: what the parse may make of a name set off after a noun when it hangs it on the verb
_HUNG_NAMES = frozenset({"dep", "appos", "parataxis", "vocative"})


def set_off_name(t: Token) -> Token | None:
    """A name set off by a comma right after the noun phrase of ``t`` that the parse hung on the
    verb instead of the noun ("met his counterpart, [Ann Ward], on Monday"), closed by a comma, a
    conjunction or the sentence's end; None when the parse made it anything else."""
    doc, end = t.doc, t.right_edge.i
    if end + 2 >= len(doc) or doc[end + 1].text != "," or doc[end + 2].pos_ != "PROPN":
        return None
    n = name_top(doc[end + 2])
    first, last = name_edges(n)
    closed = last.i + 1 >= len(doc) or doc[last.i + 1].pos_ in ("PUNCT", "CCONJ")
    hung = n.dep_ in _HUNG_NAMES and n.head.i < t.i and t.i in {a.i for a in n.head.subtree}
    return n if closed and hung and first.i == end + 2 else None


def name_edges(n: Token) -> tuple[Token, Token]:
    """The first and last word of the name headed by ``n`` (its own words, not what hangs on it)."""
    name = [n, *(c for c in n.children if c.dep_ in ("flat", "compound", "flat:name"))]
    return min(name, key=lambda x: x.i), max(name, key=lambda x: x.i)


def appositive_root(v: Token) -> list[Token]:
    """The noun heading a sentence with no verb, right before a finite verb the parse hung as a
    modifier on its object, the object made that noun's apposition ("Chilean warplanes [bombed]
    villages in X" read as "warplanes, bombed villages", or with the object hung on the noun itself:
    "warplanes [bombed] areas near X"; also past a clause of the noun set off by commas: "Chile, which
    opposed X, [accused] Y"; or with the object's own determiner or possessor after the verb, which
    no adjective precedes: "Juan Ortega, a Chilean activist, [opposed] Senator Ana Ruiz's position"):
    the verb's subject."""
    if v.dep_ != "amod" or v.tag_ not in ("VBD", "VBN") or v.i == 0:
        return []
    top = v.sent.root  # "Chile's president, in an address, [accused] Peru": the verbless head past an aside
    aside = v.doc[v.i - 1].text == "," and verbless_root(top)
    if aside and top.i < v.i < v.head.i and v.head.pos_ == "PROPN":
        return [top]
    obj, root = v.head, v.doc[v.i - 1]
    determined = any(c.dep_ in ("det", "nmod:poss") and v.i < c.i < obj.i for c in obj.children)
    if root.text == "," and obj.head.i < root.i:  # "Chile, which opposed X, [accused] Y": past its clause
        between = v.doc[obj.head.i + 1 : root.i]
        clauses = ("acl:relcl", "acl", "appos")
        aside = [t for t in between if t.head.i == obj.head.i and (t.dep_ in clauses or determined)]
        root = obj.head if aside and all(obj.head in t.ancestors for t in between) else root
    placed = obj.dep_ in ("appos", "obj") or (determined and obj.dep_ in ("nmod", "obl"))
    hung = placed and obj.i > v.i and obj.head.i == root.i
    return [root] if hung and root.dep_ == "ROOT" and root.pos_ in ("NOUN", "PROPN") else []


def closed_apposition(v: Token) -> list[Token]:
    """The name heading a sentence with no verb, where the parse hung the finite verb after the
    name's apposition on that apposition as a modifier ("Juan Ortega, Peru's governor, [resigned] on
    Wednesday" read as "the governor (who) resigned"): the verb's subject."""
    if v.dep_ != "acl" or v.tag_ != "VBD" or v.i < 2 or v.doc[v.i - 1].text != ",":
        return []
    appos, root = v.head, v.head.head
    if appos.dep_ != "appos" or appos.i > v.i or root.dep_ != "ROOT" or root.pos_ != "PROPN":
        return []
    return [] if any(c.dep_ in SUBJECTS for c in v.children) else [root]


def zero_relative(v: Token) -> list[Token]:
    """The noun a clause with no relative pronoun modifies, where the parse made the clause a
    complement of the verb before ("lifted most of the sanctions [it had imposed] on X": the
    sanctions are what it had imposed); not after a verb of speech ("told reporters he had left")."""
    if v.dep_ != "ccomp" or any(c.dep_ in ("mark", "obj", "ccomp", "xcomp") for c in v.children):
        return []
    gov = v.head
    speech = default_lexicon().verb(gov.lower_, gov.lemma_.lower())
    if speech or not any(c.dep_ in SUBJECTS for c in v.children):
        return []
    noun = v.doc[v.left_edge.i - 1] if v.left_edge.i > 0 else v
    objs = [o for o in gov.children if o.dep_ == "obj" and o.left_edge.i <= noun.i <= o.right_edge.i < v.i]
    return conjuncts(noun) if objs and noun.pos_ == "NOUN" else []


def extraposed_subject(v: Token) -> list[Token]:
    """The subject of an infinitive the parse read as extraposed after an adjective of readiness
    ("said [it] was ready to hold talks": "it", not an expletive)."""
    if v.dep_ not in ("csubj", "xcomp"):
        return []
    return [c for c in v.head.children if extraposed_it(c)]



def split_gerund(s: Token) -> Token | None:
    """The gerund the parse split from a subject that is its object ("said [expelling] Peruvian
    diplomats would harm X", "that [sanctioning] Peru was a mistake"): the act is the clause's
    subject, not the actor named in it. None for any other subject."""
    first = s.doc[s.left_edge.i]
    if first.tag_ == "VBG" and first.dep_ == "compound" and first.head.i == s.i and _common(first):
        return first
    prev = s.doc[s.left_edge.i - 1] if s.left_edge.i > 0 else s
    stray = prev.tag_ == "VBG" and _common(prev) and prev.dep_ in ("ccomp", "csubj", "advcl", "dep")
    bare = not any(c.dep_ == "obj" for c in prev.children)
    return prev if stray and bare and prev.head.i in (s.head.i, s.head.head.i) else None


def _common(t: Token) -> bool:
    """A word in lower case, or capitalised only as its sentence's first ("Sanctioning X was ...")."""
    return t.is_lower or (t.i == t.sent.start and t.text[1:].islower())
