"""PLOVER event coding over the dependency parse (PETRARCH's idea, our own code).

For every predicate of a body sentence (a verb, or a noun of the noun lexicon), :class:`Coder`
looks its lemma up in the :class:`~newsgraph.events.cameo.EventLexicon`, matches the lemma's
patterns against the clause's dependents (objects, prepositional phrases, subjects) and keeps the
most specific pattern, else the verb's own code. The participants come from the same clause:
source from the subject (the ``by`` agent of a passive), target from the object, else from a
prepositional phrase; coordination, relative clauses, control ("agreed to meet X") and
appositions are read from the tree. A predicate governed by another coded predicate ("threatened
to attack", "urged X to release") is part of that event, not a second one.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

from newsgraph.events import deps
from newsgraph.events.cameo import Coding, EventLexicon
from newsgraph.events.deps import DATIVES, OBJECT_CONTROL, measured, perfect_participle, priced, through_nouns
from newsgraph.events.index import OFFICE_TITLES
from newsgraph.events.lemmas import VerbLemmas
from newsgraph.events.lifting import easing, imposed_on, lifted_nouns
from newsgraph.events.matching import Matcher, present_words
from newsgraph.events.stance import bare_participle, judgement, named_object, predicates
from newsgraph.events.subjects import (
    describing,
    glued_claim,
    misread_as_noun,
    misread_conjunct,
    stuck_particle,
)
from newsgraph.events.tree import (
    OBJECTS,
    ActorIndex,
    Clause,
    Token,
    case_of,
    misread_modifier,
    phrase_actors,
    stranded_verb,
)
from newsgraph.text import lexicons

PREDICATE_POS = frozenset({"VERB"})
#: event types that a speech act carries: their target may be the subject of the reported clause
SAYING_TYPES = frozenset({"ACCUSE", "REQUEST", "THREATEN", "REJECT", "SUPPORT"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
#: the types of a stance toward an act ("refused to sign", "agreed to sell", "threatened to strike"),
#: whose target is the act's; a movement's infinitive is its purpose ("remained in Iraq to prevent X")
CONTROL_TYPES = frozenset({"REJECT", "AGREE", "THREATEN", "REQUEST", "CONCEDE"})
#: links by which the parse hangs the second object of "granted X a pardon" on the first
DATIVE_LINKS = frozenset({"flat", "appos", "nmod:unmarked", "compound"})
#: event types of giving (and of giving up: "ceded control of the island *to X*"): their receiver
#: may be a "to" phrase inside the object
GIVING_TYPES = frozenset({"AID", "AGREE", "CONCEDE"})
#: the prepositions of who gives what a receiving verb's noun names ("the endorsement *of* X")
GIVER_CASES = frozenset({"of", "from"})
#: the parts of a noun before it that name its giver ("fell under *Houthi* control", "*X's* endorsement")
GIVER_DEPS = frozenset({"nmod:poss", "compound", "amod"})
#: CAMEO codes done to whom a phrase of the clause names, where it names one: the occupation of
#: territory to whom it is taken *from*, judicial cooperation (an extradition) with whom someone is
#: handed *to*
HANDED = {"192": "from", "063": "to"}
#: nouns of an "in" adjunct saying how something was told ("in a *broadcast* to X")
SAYING_NOUNS = lexicons.words("quotes.saying_nouns")


@dataclass
class Found:
    """One coded predicate before it becomes an Event."""

    head: Token
    offset: int
    coding: Coding
    lemma: str
    clause: Clause
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    location: str | None = None
    nominal: bool = False
    governed_by: Found | None = None
    guessed: str = ""  # how a participant not in the tree was guessed ("nearest name"), shown in the rule
    internal: bool = False  # done to the source's own state ("declared a state of emergency")
    about: str | None = None  # the earlier event this one reacts to ("condemned the attack")
    mutual: bool = False  # done by both sides to each other ("X and Y were at odds", "X and Y agreed")
    stopper: Token | None = None  # the verb that stops what a noun names ("[halted] arms sales"): its act
    stance: Token | None = None  # the word of readiness that states the act an intent ("was [ready] to")


def _of(c: Token) -> bool:
    """An "of" phrase, also one the parse made a clause ("days [of] mourning": "of" its marker)."""
    return case_of(c) == "of" or any(m.dep_ == "mark" and m.lower_ == "of" for m in c.children)


def of_phrase(n: Token, spec: dict[str, Any]) -> bool:
    """Whether an event noun has the "of" phrase its entry requires ("articles *of impeachment*")."""
    need = spec.get("of")
    return not need or any(
        c.dep_ in ("nmod", "acl") and _of(c) and {c.lemma_.lower(), c.lower_} & set(need) for c in n.children
    )


class Coder(Matcher):
    """Codes the predicates of parsed sentences into :class:`Found` events."""

    def __init__(self, lex: EventLexicon, actors: ActorIndex, kb: Any | None = None) -> None:
        self.lex, self.actors, self.kb = lex, actors, kb
        self.lemma = VerbLemmas(lex)  # (a word's verb lemma, read once per word of the document)

    # ---- one sentence -----------------------------------------------------------------------
    def sentence(self, sent: Any, offset: int) -> list[Found]:
        found: list[Found] = []
        words = present_words(sent)  # (see :meth:`verb`)
        for tok in sent:
            if (
                tok.pos_ in PREDICATE_POS
                or (tok.pos_ == "AUX" and tok.dep_ not in ("aux", "aux:pass", "cop"))
                # "[X] eased sanctions", "Tom Reyes [mocked] Ann Ward": a verb read as an adjective
                or (tok.pos_ == "ADJ" and (misread_modifier(tok) or stranded_verb(tok)))
                or misread_as_noun(tok)  # "began [bombing] X", "Chile [shot] down": a verb tagged a noun
            ) and not self.phrase_verb(tok):
                f = self.verb(tok, offset, words)
                if f is not None:
                    found.append(f)
        return found

    def phrase_verb(self, tok: Token) -> bool:
        """A participle the parse made a clause opened by a preposition that opens no clause ("among
        [pledged] delegates"), or an "-ing" word before its noun ("[negotiating] teams", "the
        [ruling] party"): a modifier inside a noun phrase, no predicate."""
        preps = self.lex.words("phrase_prepositions")
        before = tok.tag_ == "VBG" and tok.dep_ == "amod" and tok.head.i == tok.i + 1 and not tok.children
        return before or any(c.dep_ == "mark" and c.lower_ in preps for c in tok.children)

    def verb(self, v: Token, offset: int, words: AbstractSet[str] | None = None) -> Found | None:
        """The event verb ``v`` codes, if any; ``words`` (the lower-case forms and lemmas of its sentence)
        rule out at once a verb none of whose patterns' words are there (most verbs of a text). A new
        reading below that codes a verb without a pattern's word must be exempted in
        :meth:`~newsgraph.events.cameo.EventLexicon.triggers`, as naming and citing verbs are."""
        lemma = self.lemma(v)
        gate = self.lex.triggers(lemma) if words is not None else None
        if gate is not None and gate.isdisjoint(words or ()):
            return None
        naming = lemma in self.lex.words("naming")
        if not naming and not self.lex.has_verb(lemma):
            return None
        if self.said_only(v, lemma) or self.helps_act(v, lemma):
            return None  # "asked why X did not ..." (a question, no request); "helped negotiate" (no aid)
        cl = Clause.of_verb(v)
        cl.objects = [priced(o) for o in cl.objects]  # "announced a $2 billion aid package"
        stuck = stuck_particle(v) if " " in lemma else None
        if stuck is not None and lemma.endswith(f" {stuck.lower_}"):  # its phrase is the object
            cl.objects += [x for c, x in cl.obliques if x.i == stuck.head.i]
            cl.obliques = [(c, x) for c, x in cl.obliques if x.i != stuck.head.i]
        if (glued := glued_claim(v, self.lex.words("claim_nouns"))) is not None:
            cl.subjects, cl.objects, cl.inherited = [glued[0]], [glued[1]], False  # ", a charge X denied"
        if naming:
            cl.objects = cl.objects or named_object(v)
        judged = judgement(v, self.lex) if naming and self.judged_first(v, lemma, cl, offset) else None
        if judged is not None:
            if len(cl.objects) > 1:
                cl.objects = cl.objects[:1]
            f = Found(v, offset, judged, lemma, cl)
            self.participants(f)
            if judged.type == "SUPPORT":  # "called the talks *with X* fruitful": no praise of the partner
                f.target = [a for a in f.target if a not in self.partners_of(cl.objects, offset)]
            authors = self.claim_authors(cl, offset) if judged.type == "ACCUSE" else None
            if authors is not None:  # "called the statement by X false" (a rebuttal), "X's remarks racist"
                f.target = [a for a in authors if a not in f.source]
                false = {t.lower_ for p in predicates(v) for t in p.subtree} & self.lex.words("falsity")
                rebuttal = self.lex.coding("120", f"{judged.rule} (a claim called false: a rebuttal)")
                f.coding = rebuttal if false and rebuttal is not None else f.coding
            return f
        if lemma in self.lex.words("citing") and (cited := self.cited(v, offset, lemma, cl)) is not None:
            return cited
        light = self.light_use(lemma, cl)
        if light is not None:
            f = Found(v, offset, light[0], lemma, cl)
            self.light_participants(f, light[1])
            return f
        own = self.lex.verb_coding(lemma)
        entry = self.lex.verbs.get(lemma)
        generic = own is None and entry is not None and entry.code == "---"  # "announced its plans"
        lifted = lifted_nouns(self.lex, lemma, self.pattern_objects(cl))  # "lifted sanctions on X"
        eased = easing(self.lex, f"{lemma} {self.noun_key(lifted[0][0])}", lifted[0][1]) if lifted else None
        coding = eased or self.best(lemma, cl, offset, speech=own is None, generic=generic, present=words)
        unnamed = coding is None and lemma in self.lex.needs_object and not self.named_done_to(cl, offset)
        # ("Both were freed": a pronoun, to be read from the story, is someone named)
        unnamed = unnamed and not (cl.passive and any(s.pos_ in ("PRON", "DET") for s in cl.subjects))
        if coding is None and own is not None and not (unnamed and not self.aimed(cl, offset)):
            coding = own
        told = lemma in self.lex.instructs and deps.told_to_act(v) and self.told_someone(cl, offset)
        if coding is None and told:  # "told X to withdraw"
            coding = self.lex.coding(self.lex.instructs[lemma], f"verb {lemma}: told X to act (a demand)")
        if coding is None:
            return None
        f = Found(v, offset, coding, lemma, cl)
        self.participants(f)
        people = bool(f.target) and all(self.actors.type_of(a) == "PERSON" for a in f.target)
        if people and lemma in self.lex.words("describing_participles") and describing(v):
            f.source, f.target = f.target, f.source  # "talks with [visiting] President X": X visits
        if not f.target and eased is not None:  # "sanctions on X were lifted by Y": on X
            f.target = [a for a in imposed_on(*lifted[0], self.actors_of, offset) if a not in f.source]
        if coding.type == "REJECT" and not f.target:  # "X accused Y of Z, a charge W dismissed": X's charge
            f.target = [a for a in self.summed_up(cl, offset) if a not in f.source]
        suitors = self.claim_authors(cl, offset, "suit_nouns") if coding.type == "REJECT" else None
        if suitors is not None:  # "dismissed the lawsuit filed by X": X's; "... against X": no one's
            f.target = [a for a in suitors if a not in f.source]
        if lemma in self.lex.from_own:  # "resigned at the request of X", else from its own side
            if deps.purposes(v) & self.lex.words("career_moves"):
                return None  # "resigned to become Secretary of State": a move to another post, no concession
            f.target = self.requesters(cl, offset, f.source)
            if not f.target:
                self.from_own(f, self.lex.from_own[lemma])
        self.to_person(f)
        contest, verbal = lemma in self.lex.words("contest"), lemma in self.lex.words("verbal_attacks")
        if contest and f.source and f.target and (not self.armed(f) or self.game(cl)):  # "Leeds beat Hull"
            f.coding = Coding("", None, coding.cameo, coding.rule + " (a contest: no state or armed force)")
            return f
        if lemma in self.lex.words("sharing_views") and self.between_people(f) and not deps.agreed_to(cl):
            f.coding = Coding("", None, coding.cameo, coding.rule + " (a view shared: nothing agreed to)")
            return f
        if not verbal or not self.between_people(f) or self.armed_with(cl):  # (not "with a knife")
            return f
        elif coding.type == "ASSAULT":
            criticism = self.lex.coding("111", coding.rule + " (one person attacking another: criticism)")
            f.coding = criticism or coding  # "Trump attacked Biden over his record"
        return f

    def armed_with(self, cl: Clause) -> bool:
        """The clause's "with" phrase names a weapon ("attacked X *with a knife*")."""
        weapons = self.lex.words("weapons")
        return any(c == "with" and {o.lemma_.lower(), o.lower_} & weapons for c, o in cl.obliques)

    def partners_of(self, objects: list[Token], offset: int) -> set[str]:
        """The actors named only as the partners of things ("the call *with X*", "talks *between* ...")."""
        cases = self.lex.words("partner_cases")
        partners = [c for o in objects for c in o.children if c.dep_ == "nmod" and case_of(c) in cases]
        return set(self.actors_of(partners, offset))

    def to_person(self, f: Found) -> None:
        """A verb done to people only takes its ``person_code``: "awarded X the Order of the Sun"
        honours X (CAMEO 051), where "awarded a contract to Boeing" is cooperation."""
        code = self.lex.person_code.get(f.lemma)
        if code is None or not f.target or any(self.actors.type_of(t) != "PERSON" for t in f.target):
            return
        coding = self.lex.coding(code, f"{f.coding.rule} (done to a person)")
        if coding is not None:
            f.coding = coding

    def from_own(self, f: Found, code: str) -> None:
        """A verb that names no one done to the source's own state or organisation: "the prime
        minister resigned" steps down from an office of their state (``from_own`` in the lexicon)."""
        owners = self.own_homes(f.source)
        owners = owners or [a for a in self.office_of(f.clause, f.offset) if a not in f.source]
        people = [s for s in f.source if self.actors.type_of(s) == "PERSON"]  # "Governor X resigned", no
        titled = any(OFFICE_TITLES & self.actors.title_words(s) for s in people)  # state named: the story's
        state = (self.actors.main_state or self.actors.lone_state) if titled else None
        if not owners and state and state not in f.source:
            owners, f.guessed = [state], "the state the story is set in"
        coding = self.lex.coding(code, f"{f.coding.rule} (from an office of its own side)")
        if owners and coding is not None:
            f.target, f.coding, f.internal = owners[:1], coding, True

    def requesters(self, cl: Clause, offset: int, source: list[str]) -> list[str]:
        """Who demanded what the clause does: the actors of an oblique headed by a demand noun ("at
        the request of X", "under pressure from X"); a resignation is conceded to them."""
        nouns = self.lex.words("demand_nouns")
        asked = [o for _, o in cl.obliques if o.lemma_.lower() in nouns]
        out = [a for o in asked for a in phrase_actors(o, self.actors, offset)]
        return [a for a in dict.fromkeys(out) if a not in source]

    def cited(self, v: Token, offset: int, lemma: str, cl: Clause) -> Found | None:
        """Citing an actor's misdeed is accusing it: "cited the Cuban government's *repression*",
        "pointed to Russia's *interference*" (an object of the accusation words with an actor owner)."""
        for o in cl.objects:
            if not {o.lower_, o.lemma_.lower()} & self.lex.words("accusation"):
                continue
            owners = [c for c in o.children if c.dep_ == "nmod:poss"]
            coding = self.lex.coding("111", f"verb {lemma}: cited '{o.text}' (an accusation)")
            f = Found(v, offset, coding, lemma, cl) if coding is not None and owners else None
            if f is not None:
                f.source = self.actors_of(cl.subjects, offset) or self.actors.speaker_of(v, offset)
                f.target = [a for a in self.actors_of(owners, offset) if a not in f.source]
                return f
        return None

    def armed(self, f: Found) -> bool:
        """A side of the event is a known state or an armed force ("Iraq defeated ISIS", "the army
        beat the rebels"): a contest between them is a fight, not a match or an election."""
        forces = self.lex.words("armed_groups")
        for e in (self.actors.entities[a] for a in [*f.source, *f.target]):
            if e.type == "STATE" and (e.kb_id or "").startswith("state:"):
                return True
            if (e.name.split() or [""])[-1].lower() in forces:  # "the rebels", "Iraqi forces"
                return True
            entry = self.kb.get(e.kb_id) if self.kb is not None and e.kb_id else None
            if entry is not None and entry.kind == "armed_group":
                return True
        return False

    def between_people(self, f: Found) -> bool:
        people = [self.actors.type_of(a) == "PERSON" for a in [*f.source, *f.target]]
        return bool(f.source and f.target) and all(people)

    def aimed(self, cl: Clause, offset: int) -> bool:
        """Whether a warning with no object names whom its consequences are for ("warned of
        consequences for its relations with X")."""
        return bool(self.consequence_target(cl, offset, exclude=set(self.actors_of(cl.subjects, offset))))

    def judged_first(self, v: Token, lemma: str, cl: Clause, offset: int) -> bool:
        """Whether a naming verb is read as a judgement: when no pattern codes it, or only one that
        names no noun while the verb has a predicate noun ("called X a disgrace *for* his remarks"
        is no "call for"; "labelled X *as a terrorist organization*" stays a designation)."""
        best = self.best(lemma, cl, offset)
        if best is None or best.pattern is None:
            return best is None
        p, preds = best.pattern, predicates(v)
        if any(x.lower_ in self.lex.words("verdicts") for x in preds):
            return False  # "found X guilty": a conviction (the pattern's), no judgement of X's
        if any(x.pos_ == "ADJ" or bare_participle(x) for x in preds):  # (or a participle: "unjustified")
            return True  # "called the expulsion unfounded": no pattern's "call for the expulsion"
        objects = {o.lemma_.lower() for o in cl.objects if o not in preds}
        if any(x.pos_ == "NOUN" for x in preds) and any(n.head.lower() in objects for n in p.post):
            return True  # "called the expulsion a provocation": the pattern's noun is what is judged
        vague = not p.pre and not p.post and all(n is None for _, n in p.preps)
        return vague and any(x.pos_ in ("NOUN", "PROPN") for x in preds)

    def light_use(self, lemma: str, cl: Clause) -> tuple[Coding, dict[str, Any]] | None:
        """A light verb takes its event noun's coding ("imposed a ban on X" is the ban, a SANCTION,
        not the verb's own "impose", a coercion; "launched an attack", "held talks")."""
        owner = [cl.head.head] if cl.head.dep_ == "acl" else []  # "the sanctions imposed by X on Y"
        # a noun the parse made a complement ("expressed [disappointment] at ...") is its object
        nominal = [c for c in cl.head.children if c.dep_ == "xcomp" and c.pos_ == "NOUN"]
        # "granted [Ann Ward] a pardon": the noun of a double object hung on the first one
        hung = {c.i: o for o in cl.objects for c in o.children if c.dep_ in DATIVE_LINKS and c.pos_ == "NOUN"}
        # ... or the first one read as a clause of its own, the noun its object ("granted [Milken] a pardon")
        clauses = [c for c in cl.head.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ == "PROPN"]
        hung |= {o.i: c for c in clauses for o in c.children if o.dep_ == "obj" and o.pos_ == "NOUN"}
        dative = [c for o in [*cl.objects, *clauses] for c in o.children if c.i in hung]
        # "sent planeloads *of aid*", "pledged $5 million *in aid*": the noun a measure counts
        measures = self.lex.words("measure_nouns")
        measured_nouns = [c for o in cl.objects for c in o.children if measured(c, measures)]
        under = [o for c, o in cl.obliques if c == "under"]  # "came under criticism from X" (received)
        for o in [*cl.objects, *owner, *nominal, *dative, *measured_nouns, *under]:
            spec = self.lex.noun_spec(o.lemma_ or o.text, o.lower_)
            if spec and o in under and lemma not in (spec.get("received") or ()):
                continue
            if perfect_participle(o, self.lex.words("stopping"), self.lemma):  # "has [frozen] talks"
                continue
            if spec and lemma in (spec.get("light") or ()) and not spec.get("mods") and of_phrase(o, spec):
                c = self.lex.noun_coding(spec)
                given = {"dative": hung[o.i]} if o.i in hung else {}
                return (c, {**spec, "noun": o, **given}) if c is not None else None
            if spec and lemma in (spec.get("received") or ()) and not spec.get("mods") and of_phrase(o, spec):
                c = self.lex.noun_coding(spec)  # "won the endorsement of X": X endorses the subject
                return (c, {**spec, "noun": o, "receiver": True}) if c is not None else None
        return None

    def light_participants(self, f: Found, spec: dict[str, Any]) -> None:
        """The light verb's subject does what its noun says, to the noun's own target ("sanctions
        *on X*") or the verb's oblique one ("imposed a ban on imports *from X*"); the noun's
        possessor ("expressed *his country's* support") is no target."""
        cl, off, noun = f.clause, f.offset, spec["noun"]
        doers = cl.agent if cl.passive else cl.subjects
        if spec.get("receiver"):  # the noun's own doer ("the endorsement *of X*", "*X's* nomination")
            f.target = self.placed(spec, self.actors_of(doers, off))
            # (or a name or demonym before it: "fell under *Houthi* control", "faced *Chilean* criticism")
            givers = [c for c in noun.children if c.dep_ in GIVER_DEPS or case_of(c) in GIVER_CASES]
            givers = givers or [x for c, x in cl.obliques if c == "from"]  # "drew criticism [from X]"
            f.source = [a for a in self.actors_of(givers, off) if a not in f.target]
            f.location = self.place(cl, off)
            return
        f.source = self.actors_of(doers, off) or self.actors.speaker_of(f.head, off)
        cases = tuple(spec.get("target") or ())
        target = [
            a
            for c in noun.children
            if c.dep_ == "nmod" and case_of(c) in cases
            for a in self.actors_of([c], off)
        ]
        place = self.place(cl, off)
        # the noun's own phrases of other prepositions are not its target ("took a shot *on Twitter*")
        skip = frozenset(c.i for c in noun.children if c.dep_ == "nmod" and cases and case_of(c) not in cases)
        if f.coding.type == "CONSULT":  # "held talks in Beijing *on* Japan's record": what they were about
            skip |= {x.i for c, x in cl.obliques if c in self.lex.words("topic_cases")}
        if f.coding.type == "ACCUSE":  # "filed a case *at the court*": where, not against whom
            skip |= {x.i for c, x in cl.obliques if c in self.lex.words("place_cases")}
        target = target or self.oblique_target(cl, off, exclude=set(f.source), place=place, skip=skip)
        if not target:  # "imposed by the EU [on Iran]": the parse hung the target phrase lower down
            target = [
                a
                for t in f.head.subtree
                if t.dep_ in ("nmod", "obl") and case_of(t) in cases and through_nouns(t, f.head)
                and not _adjunct_hung(t, f.head)  # (not "in a broadcast *to X*")
                for a in self.actors_of([t], off)
                if a not in f.source and a != place
            ]
        if not target:  # "granted X a pardon": the first of two objects, or the indirect one
            given = [spec["dative"]] if spec.get("dative") is not None else []
            given += [c for c in f.head.children if c.dep_ == "iobj"]
            given += [  # "granted her asylum", "granted [Juan Ortega] asylum", parsed as a possessor
                c
                for c in noun.children
                if c.dep_ == "nmod:poss" and c.left_edge.i == f.head.i + 1
                and (c.lower_ in DATIVES or (c.pos_ == "PROPN" and all(x.dep_ != "case" for x in c.children)))
            ]
            # parsed as two objects: a recipient, before "a"/"the" noun ("granted X a full pardon"; not
            # "signed the Free Trade Area agreement", one name split in two)
            det = any(c.dep_ == "det" for c in noun.children)
            given += [
                o for o in cl.objects if o.i < noun.i and det and not any(c.dep_ == "det" for c in o.children)
            ]
            target = [a for a in self.actors_of(given, off) if a not in f.source]
        if not target and cl.passive and noun not in cl.subjects:  # "X was granted asylum by Y": X
            target = [a for a in self.actors_of(cl.subjects, off) if a not in f.source]
        if not target and f.coding.type == "CONSULT" and f.lemma in self.lex.words("attending"):
            hosts = [c for c in noun.children if c.dep_ in ("compound", "nmod:poss")]  # "the NATO summit"
            orgs = [a for a in self.actors_of(hosts, off) if self.actors.type_of(a) == "ORG"]
            target = [a for a in orgs if a not in f.source]
        if not target and f.coding.type == "ASSAULT":  # "launched air strikes across X": X
            target = self.struck_in(cl, [noun], off, exclude=set(f.source), aimed=True)  # (shells fired at)
        if not target and spec.get("own_state"):  # "the president (a governor) declared a state of emergency"
            target = self.homes(f.source)
            f.internal = bool(target)
        f.target = [t for t in dict.fromkeys(self.placed(spec, target)) if t not in f.source]
        f.location = place

    # ---- participants -----------------------------------------------------------------------
    def partners(self, v: Token, cl: Clause, off: int) -> list[str]:
        """The "with" phrase of a verb of discussing, or of its topic noun ("discussed trade *with Xi*",
        where the parse hangs the phrase on the topic; not an act discussed: "discussed aborting his
        child *with his wife*")."""
        topics = [c for c in v.children if c.dep_ in ("obj", "xcomp") and c.pos_ in ("NOUN", "PROPN")]
        phrases = [
            c for h in (v, *topics) for c in h.children if c.dep_ in ("obl", "nmod") and case_of(c) == "with"
        ]
        subj = set(self.actors_of(cl.subjects, off))
        return [a for a in dict.fromkeys(self.actors_of(phrases, off)) if a not in subj]

    def participants(self, f: Found) -> None:
        modifier = not misread_modifier(f.head) and not stranded_verb(f.head) and not misread_conjunct(f.head)
        if f.head.dep_ in ("amod", "compound") and f.head.tag_ == "VBN" and modifier:
            self.modifier_participants(f)  # "an Iranian-backed militia"
            return
        cl, off = f.clause, f.offset
        subj = self.actors_of(cl.subjects, off)
        subj = [a for a in subj if a not in self.after_verb(cl, f.head, off)]  # "jets [bombed] towns in X"
        if not subj and cl.inherited:  # "X, the same party that nominated Y": the name in apposition
            subj = self.actors_of([s.head for s in cl.subjects if s.dep_ == "appos"], off)
        topic = f.lemma in self.lex.words("topic_verbs")
        if cl.passive and f.lemma in self.lex.words("experiencer"):  # "X was disappointed by Y"
            source = subj
            target = [a for a in self.actors_of(cl.agent, off) if a not in source] or self.oblique_target(
                cl, off, exclude=set(subj), place=None
            )
        elif cl.passive:  # the agent, else whose operation it was ("killed in a US operation")
            source, target = self.actors_of(cl.agent, off) or self.operation_agent(cl, off), subj
        elif topic:  # "discussed Iran with X": Iran is the topic, the partner its "with" phrase
            source, target = subj, self.partners(f.head, cl, off)
        else:
            source, target = subj, self.object_actors(cl, off)
        # "Peruvian tourists visited X": private people named by a demonym do nothing for their state
        source = [a for a in source if a not in self.private_doers(cl.agent or cl.subjects, off)]
        # "condemned the killing of X", "vowed revenge for the killing of X": not of X
        threat, coerced = f.coding.type == "THREATEN", f.coding.type == "COERCE"
        causes = [x for c, x in self.obliques(cl) if c in ("for", "over")] if threat or coerced else []
        blamed = (f.coding.type in ("ACCUSE", "THREATEN") and not cl.passive) or coerced
        victims = self.victims([*cl.objects, *causes], off) if blamed else set()
        if f.lemma in self.lex.words("blaming_verbs"):  # "blamed the bombing *on X*" (parsed on the noun): X
            laid = [c for o in cl.objects for c in o.children if case_of(c) == "on"]
            victims -= set(self.actors_of(laid, off))
        victims |= self.harmed(causes, off)  # "was jailed for her murder": not her
        target = [a for a in target if a not in victims]
        place = self.place(cl, off)
        own = target and all(self.own_side(t, source) for t in target)  # "X withdrew the US from ..."
        if own or self.sent_forces(f.coding, cl, off):  # "sent troops to X": X
            target = self.oblique_target(cl, off, exclude=set(source) | victims, place=place) or target
        if not target and not topic:  # ("X and Y fought a war *over* Z": what about, not against whom)
            over = self.fought_over(f.lemma, cl, source)
            target = self.oblique_target(cl, off, exclude=set(source) | victims, place=place, skip=over)
        target = target or self.posted_in(cl, off, exclude=set(source))  # "recalled its envoy in Quito"
        if not target and f.coding.type == "PROTEST":  # "protested outside the White House": its government
            target = self.protested_at(cl, off, exclude=set(source))
        if not target and f.coding.trip:  # "arrived in Peru": the state a trip ends in is visited
            target = self.trip_state(cl, off, exclude=set(source))
        if not target and threat:  # "warned of serious consequences for its relations with X"
            target = self.consequence_target(cl, off, exclude=set(source) | victims)
        if not target and f.coding.type in GIVING_TYPES:  # "pledged $50 million in aid to X"
            target = self.recipient_target(cl, off, exclude=set(source), place=place)
        if not target and not cl.objects and f.coding.type in CONTROL_TYPES:  # "refused to hand ... *to X*"
            target = self.complement_target(cl, off, exclude=set(source) | victims, place=place)
        if not target and f.coding.type in SAYING_TYPES:  # "X alleged (that) Y was hiding ..."
            target = self.content_target(f.head, off, exclude=set(source), deed=f.coding.type == "ACCUSE")
        if not target and f.coding.type in SAYING_TYPES:  # "criticised the ruling by X"
            target = self.deed_author(cl, off, exclude=set(source))
        if not source and not cl.passive:  # "It accused X of ...": whom the quote stage says is speaking
            source = [a for a in self.actors.speaker_of(f.head, off) if a not in target]
        # "clashes [erupted] between X and Y" (the parse made the noun a verb); "a deal to normalize
        # relations between X and Y": the two sides, not whoever brokered it
        paired = f.lemma in self.lex.words("mutual_verbs")
        unsided = (paired or f.coding.type == "ASSAULT") and not source and len(target) > 1
        sides = self.between_sides(cl, off) if unsided or (paired and cl.inherited) else []
        if len(sides) > 1:
            source, target, f.mutual = sides[:1], sides[1:], True
        # one side from the tree, the other nearby, only where the tree has no such argument at all
        # (an object that names no actor, "encouraged entities to ...", is the target, not a gap)
        asked = f.head.dep_ in ("xcomp", "advcl") and f.head.head.lemma_.lower() in OBJECT_CONTROL
        # a meeting is done together; a trip is not ("X, Y and Z did not attend": no meeting of theirs)
        together = f.coding.type == "CONSULT" and not f.coding.trip
        fights = all(o.lemma_.lower() in self.lex.words("fight_nouns") for o in cl.objects)
        fought = f.lemma in self.lex.words("fighting_verbs") and fights
        mutual = together or fought or f.lemma in self.lex.words("mutual_verbs")
        guess = f.lemma not in self.lex.words("unguessed") and not (asked and cl.inherited)  # (whom it asked)
        guess = guess and not (mutual and not target and len(source) > 1)  # "X and Y agreed on a plan"
        partnered = any(c == "with" for c, _ in self.obliques(cl))  # "with which X and Y agreed": no mutual
        if guess and not source and not cl.passive and target and (not cl.subjects or cl.inherited):
            near = self.nearest(f.head, off, before=True, exclude=set(target))
            source = [a for a in near if self.actors.type_of(a) != "LOCATION"]  # no square urges
            f.guessed = "nearest name" if source else ""
        objects = cl.objects or [o for _, o in cl.obliques if o.dep_ in OBJECTS]  # (opened by a preposition)
        claims = self.lex.words("claim_nouns")  # "the charge was denied by X, Y's lawyer": not Y's charge
        objects = objects or [x for x in cl.subjects if cl.passive and x.lemma_.lower() in claims]
        if guess and not target and not f.coding.reverse and source and not objects:
            if f.coding.type in ("ACCUSE", "REQUEST"):  # "an investigation into the killing of X": not X
                inquiries = self.lex.words("inquiry_nouns")  # (what is inquired into is no victim)
                deeds = [t for t in f.head.subtree if t.pos_ == "NOUN" and t.lemma_.lower() not in inquiries]
                victims |= self.victims(deeds, off)
            near = self.nearest(f.head, off, before=False, exclude=set(source) | victims)  # not "her murder"
            target = [a for a in near if a != place]
            f.guessed = "nearest name" if target else ""
        if f.coding.cameo in HANDED:  # "captured the town of X *from Y*", "extradited X *to Y*": Y
            case = HANDED[f.coding.cameo]
            held = [a for c, o in self.obliques(cl) if c == case for a in self.actors_of([o], off)]
            target = [a for a in held if self.actors.type_of(a) != "LOCATION" and a not in source] or target
        if not target and source and f.coding.type == "ASSAULT":  # "bombed targets in X": X
            target = self.struck_in(cl, objects, off, exclude=set(source))
        if mutual and not target and len(source) > 1 and not partnered:  # "India and Pakistan exchanged fire"
            source, target = source[:1], source[1:]
            f.mutual = True
        elif f.coding.reverse:
            source, target = target, source
        f.source = source
        f.target = [t for t in target if t not in source and not self.arrested_place(f.coding.cameo, t)]
        f.location = place
        self.armed_backing(f, [*cl.objects, *(cl.subjects if cl.passive else [])])

    def modifier_participants(self, f: Found) -> None:
        """A participle modifying a noun: the source named inside it, the target the noun it modifies
        (or the name that noun stands in apposition to: "the PMF, an Iranian-backed militia")."""
        v, off = f.head, f.offset
        f.source = self.actors_of([c for c in v.lefts], off)
        prev = v.doc[v.i - 1] if v.i > v.sent.start else v
        # (the name a dependent of the same noun, or the noun's head: not "published by X [alleged] Y")
        sibling = prev.head.i == v.head.i or v.head.head.i == prev.i
        misread = v.dep_ == "amod" and v.tag_ in ("VBN", "VBD") and prev.i < v.i and prev.text[:1].isupper()
        misread = misread and sibling
        if not f.source and misread:  # "Peru [accused] Chilean forces of ...": the verb read as a modifier
            f.source = self.actors.at(prev, off)  # (the name's last word, whatever its tag: "Rights [Watch]")
        noun = v.head
        target = [t for t in phrase_actors(noun, self.actors, off) if t not in f.source]
        # "the PMF, an Iranian-backed militia" (an apposition, or a conjunct with no "and")
        appos = noun.dep_ == "appos" or (
            noun.dep_ == "conj" and not any(c.dep_ == "cc" for c in noun.children)
        )
        named = [noun.head] if appos else []
        if any(c.dep_ == "cop" for c in noun.children):  # "the Houthis are an Iran-backed group"
            named += [c for c in noun.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if not target:
            target = [t for t in self.actors_of(named, off) if t not in f.source]
        f.target = target
        self.armed_backing(f, [noun])


def _adjunct_hung(t: Token, head: Token) -> bool:
    """``t`` hangs on an "in" adjunct of ``head`` naming how something was said ("announced his
    resignation in a broadcast *to X*": whom it was broadcast to; lexicon ``saying_nouns``)."""
    while t.head.i != head.i and t.head.i != t.i:
        t = t.head
    return t.i != head.i and t.dep_ == "obl" and case_of(t) == "in" and t.lemma_.lower() in SAYING_NOUNS
