"""Nominal events: "talks between X and Y", "X's visit to Y", "an attack on Y", "US sanctions on Y".

A noun of the lexicon's ``nouns`` section is an event when its phrase names both sides: the
source from a possessor, a name or demonym in the phrase ("Russian strikes", "Taliban attack"),
a ``by`` phrase, or the subject of a light verb that governs it ("Russia imposed sanctions on",
"X held talks with Y"); the target from the noun's prepositional phrases (``with``, ``on``,
``against``...). "between X and Y" gives both.
"""

from __future__ import annotations

from typing import Any

from newsgraph.events.acts import DONE_IN
from newsgraph.events.cameo import EventLexicon, noun_variant
from newsgraph.events.claims import claimed_at
from newsgraph.events.coder import NOUN_POS, Found, of_phrase
from newsgraph.events.crowds import crowd_demand
from newsgraph.events.deps import (
    DURATIONS,
    claiming_verb,
    measured,
    partners,
    perfect_participle,
    predicative,
    told_subject_tokens,
)
from newsgraph.events.readings import (
    came_from,
    despite,
    its_owner,
    misparsed_modifier,
    otherwise,
    posture,
    verb_agent,
)
from newsgraph.events.referents import bare_reaction
from newsgraph.events.roles import HOME_TYPES, struck_places
from newsgraph.events.sides import truce_sides
from newsgraph.events.tree import (
    ActorIndex,
    Clause,
    Token,
    case_of,
    misread_modifier,
    phrase_actors,
    uniq,
)
from newsgraph.models import Event

SOURCE_PARTS = frozenset({"nmod:poss", "compound", "amod", "flat"})
#: how a prepositional phrase hangs on an event noun, or on a predicate adjective ("critical *of X*")
PHRASE_DEPS = frozenset({"nmod", "obl"})
#: dependencies only a noun phrase has (a noun the tagger made an adjective: "imposed a [lockdown]")
NOUN_DEPS = frozenset({"obj", "nsubj", "nsubj:pass", "obl"})
#: the dependents that make a gerund the parse tagged as a verb a noun ("the police *killing* of X")
GERUND_NOUN_PARTS = frozenset({"det", "nmod:poss", "compound", "amod"})
#: what protesters do that is aimed at whom they protest against, when it names no one
AGAINST_ADVERSARY = frozenset({"PROTEST", "REQUEST"})
#: what stopping an event noun's event is (CAMEO): stopped aid 162, halted talks 164, ended cooperation 161,
#: suspended support 160 ("suspended budget support to X": relations reduced)
STOPPED = {"AID": "162", "CONSULT": "164", "COOPERATE": "161", "SUPPORT": "160"}
#: what an answered noun can be: a demand, a threat, an offer of aid or of an agreement
ANSWERED_TYPES = frozenset({"REQUEST", "THREATEN", "AID", "AGREE"})
_OF_HEAD = "<of>"  # a head of "a state of X": :meth:`NounCoder.key` is its complement's


def attributive(tok: Token) -> bool:
    """An adjective after the noun it describes, with a phrase of its own ("a book *critical* of X")."""
    phrased = any(c.dep_ in PHRASE_DEPS for c in tok.children)
    return tok.pos_ == "ADJ" and tok.dep_ == "amod" and tok.i > tok.head.i and phrased


class NounCoder:
    def __init__(
        self, lex: EventLexicon, actors: ActorIndex, lemma_of: Any, events: list[Event] | None = None
    ) -> None:
        self.lex, self.actors, self.lemma_of = lex, actors, lemma_of
        self.events = events if events is not None else []  # the document's events coded so far
        self.claims: list[str] = []  # who the document says claimed its attacks (:mod:`.claims`)
        self._crowd: list[str] | None = None  # the document's protesting group, found once
        self._keys: dict[tuple[int, int], str | None] = {}  # (lemma, lower-case form) -> :meth:`key`

    def place_in(self, nmods: list[tuple[str, Token]], offset: int) -> str | None:
        """A venue in the noun's own phrase ("talks in Doha")."""
        for case, x in nmods:
            if case in self.lex.words("place_cases"):
                for a in phrase_actors(x, self.actors, offset):
                    if self.actors.type_of(a) == "LOCATION":
                        return a
        return None

    @staticmethod
    def candidate(tok: Token) -> bool:
        """A noun (or a word the tagger made an adjective where only a noun can be: an object or a
        subject), or a gerund the parse tagged as a verb though it heads a noun phrase ("after the
        police *killing* of X": a determiner or a noun modifier before it)."""
        # a word tagged an adjective or a preposition where only a noun can be: "imposed a [lockdown]"
        if tok.pos_ in NOUN_POS or (tok.pos_ in ("ADJ", "ADP") and tok.dep_ in NOUN_DEPS):
            return True
        if predicative(tok):  # "X was critical of Y", "X grew disillusioned with Y"
            return True
        if attributive(tok):  # "released a book critical of Y"
            return True
        return tok.tag_ == "VBG" and any(c.dep_ in GERUND_NOUN_PARTS and c.i < tok.i for c in tok.children)

    def key(self, tok: Token) -> str | None:
        """The lexicon's entry for the noun ``tok`` (by its lemma or form, a plural's "s" dropped)."""
        ids = (tok.lemma, tok.lower)  # (string ids: a word form's texts are read once)
        if ids not in self._keys:
            forms = ((tok.lemma_ or "").lower(), tok.lower_, tok.lower_.rstrip("s"))
            found = next((k for k in forms if k and k in self.lex.nouns), None)
            self._keys[ids] = found or (_OF_HEAD if tok.lower_ in self.lex.words("of_heads") else None)
        if (key := self._keys[ids]) != _OF_HEAD:
            return key
        for c in tok.children:  # "a state of emergency": the emergency's entry
            spec = self.lex.nouns.get(c.lower_) or {}
            if c.dep_ == "nmod" and case_of(c) == "of" and spec.get("own_state"):
                return c.lower_
        return None

    def noun(self, n: Token, offset: int) -> Found | None:
        key = self.key(n)
        if key is None or (n.dep_ in ("compound", "amod") and not attributive(n)):
            return None
        spec = self.lex.nouns[key]
        if spec.get("only_light"):  # "took a shot at X" (the light verb's reading), not "X's shot at Y"
            return None
        a, b = offset + n.idx, offset + n.idx + len(n.text)
        named = n.text[:1].isupper() and any(m.start < a or m.end > b for m in self.actors.between(a, b))
        if named and not (n.dep_ == "obj" and self.lemma_of(n.head) in (spec.get("light") or ())):
            return None  # a word of a longer name ("members of the Andean *Pact*"; "signed" it: an accord)
        predicate = predicative(n) or attributive(n)
        if predicate != bool(spec.get("adjective")):  # "critical of": only as a predicate adjective
            return None
        spec = posture(n, spec, offset, self.actors)  # "drills *around X*": a show of force, not joint drills
        if spec.get("variants"):  # "a general strike": a protest
            spec = noun_variant(spec, {c.lower_ for c in n.lefts})
        mods = spec.get("mods")
        before = n.doc[n.i - 1].lower_ if n.i > n.sent.start else ""  # "cease and [desist] order", misparsed
        if mods and not any(c.lower_ in mods for c in n.lefts) and before not in mods:
            spec = otherwise(n, spec)  # "calls *for* X to act": a request, not a phone call
            if spec is None:
                return None
        if not of_phrase(n, spec):
            return None
        stop = self.stopped(n)
        if spec.get("stopped"):  # "suspended arms sales to X": only a stopped one is an event
            coding = self.lex.coding(str(spec["stopped"]), f"{spec['rule']} (stopped)") if stop else None
        else:
            coding = self.lex.noun_coding(spec)
        if coding is None:
            return None
        off = n.dep_ in ("obj", "nsubj:pass") and self.lemma_of(n.head) in self.lex.words("calling_off")
        if coding.trip and off:  # "postponed her visit to X", "the visit was cancelled": none took place
            return None
        left = coding.type == "SUPPORT" and case_of(n) == "from"  # "backed away from his support": less
        stops = stop and (bool(spec.get("stopped")) or coding.type in STOPPED) and not (coding.trip or left)
        # "stopped their aid to X" (not "ended her visit to X": the visit took place)
        if stops and not spec.get("stopped"):
            coding = self.lex.coding(STOPPED[coding.type], f"{spec['rule']} (stopped)") or coding
        elif coding.type in ("SUPPORT", "ACCUSE") and stop:  # "withdrew his support for X": no support;
            return None  # "agreed to end their dispute": no quarrel told
        if n.dep_ in ("obj", "nsubj:pass") and self.lemma_of(n.head) in self.lex.words("preventing"):
            return None  # "Hungary blocked an EU aid package": no aid
        elif spec.get("eased") and (how := self.eased(n)):  # "lifted sanctions on X": eased, not imposed
            if how == "verb":  # the verb codes it (coder.eased)
                return None
            coding = self.lex.coding(str(spec["eased"]), f"{spec['rule']} (eased)") or coding
        f = Found(n, offset, coding, key, Clause(n), nominal=True)
        f.stopper = n.head if stops else None
        self.participants(f, spec)
        if crowd := crowd_demand(f, self.lex, self.crowd()):  # "the protests grew to include demands for X"
            f.source, f.target, f.guessed = crowd, f.target or self.adversary(crowd), "the protesters"
        if not f.source and not f.target:  # "a ceasefire agreed on Thursday held": the fight's sides
            (f.source, f.target), f.guessed = truce_sides(n, spec, self.events), "the sides fighting"
            f.mutual = bool(f.source)
        if not f.source and not f.target and coding.type == "ASSAULT":  # "bombings took place in X"
            f.source, f.target = claimed_at(n, offset, self.claims, self.actors, self.lex)
            f.guessed = "who claimed it" if f.source else f.guessed
        return f if f.source and (f.target or bare_reaction(f, self.lex)) else None  # (a deed told before)

    def participants(self, f: Found, spec: dict[str, Any]) -> None:
        n, off = f.head, f.offset
        if f.coding.type == "SUPPORT" and n.dep_ == "obl" and case_of(n) == "with" and n.head.pos_ == "VERB":
            self.backers(f)  # "with the Libertarian Party's backing, she ran": the party backs her
            return
        targets = tuple(spec.get("target") or self.lex.ordered.get("noun_targets", ()))
        source, target, givers = [], [], []
        answered = self.answered(n, f.coding.type)  # "rejected a demand from X": X's demand
        given = self.recipient(n, spec)  # "gave *X* aid": the parse makes the receiver a compound
        for c in n.children:
            case = case_of(c)
            if c.dep_ == "nmod" and case == "between":  # (and "between X('s troops) and [Y]", misparsed)
                both = uniq([a for x in (c, *partners(c)) for a in phrase_actors(x, self.actors, off)])
                source, target = both[:1], both[1:]
                if spec.get("phrased") and len(both) < 2:  # "the fighting between the two countries"
                    source = target = []
                break
            # "demands *of* X" (the parse may make "of [Senator] X" an apposition)
            sourced = case == "by" or case in (spec.get("source") or ()) or (case == "from" and answered)
            if c.dep_ in ("nmod", "appos") and case and sourced:
                source += phrase_actors(c, self.actors, off)
                givers += [c] if case in ("of", "by") else []  # ("a delegation [in X]" is where it is)
            elif c.dep_ in SOURCE_PARTS and c.i < n.i and c not in given:  # (a place: "the Paris accords")
                if c.lemma_.lower() in self.lex.words("mediating"):
                    continue  # "a Bolivian-brokered deal with X": the broker is no party
                named = c.dep_ == "compound"
                source += [a for a in phrase_actors(c, self.actors, off)
                           if not (named and self.actors.type_of(a) == "LOCATION")]
        # "articles of impeachment against X": the parse may hang the target on the "of" phrase
        hosts = [n, *(c for c in n.children if spec.get("of") and c.dep_ == "nmod" and case_of(c) == "of")]
        hosts += [c for c in n.conjuncts if c.pos_ == "NOUN"]  # "grants and loans *to X*": both's receiver
        hosts += givers  # "the visit of [X to Y]", "an attack by [X on Y]": hung on the source phrase
        for case in targets:
            if target:
                break
            nmods = (x for h in hosts for m in h.children if m.dep_ in PHRASE_DEPS for x in (m, *partners(m)))
            for c in nmods:
                if case_of(c) == case:  # "talks within Europe and *with the US*": a conjunct's own case
                    target += [a for a in self.thing_actors(c, off) if a not in source]
        joint = f.coding.type.lower() in self.lex.words("mutual_types")  # "talks were held between X and Y"
        if not source and not target and joint and n.dep_ in ("nsubj:pass", "obj"):
            for c in (c for c in n.head.children if c.dep_ == "obl" and case_of(c) == "between"):
                both = phrase_actors(c, self.actors, off)
                source, target = both[:1], both[1:]
        for h in hosts[1:] if not source else ():  # "the withdrawal of *US* troops", "of *its* forces"
            source = [a for c in h.children if c.dep_ in SOURCE_PARTS and c.i < h.i
                      for a in phrase_actors(c, self.actors, off)] or its_owner(h, self.actors, off)
        if not source and not target:  # "X test-fired a missile, drawing criticism from Y": Y criticises X
            source, target = self.elicited(n, off)
        if not source:
            source = misparsed_modifier(n, self.actors, off) or verb_agent(n, self.actors, off)
        if not source:
            source = self.light_subject(n, spec, off) or self.ascribed(n, off)
            source = source or its_owner(n, self.actors, off)
            source = source or self.claimed(n, off) or came_from(n, spec, self.lemma_of, off, self.actors)
        if not source and attributive(n):  # "X released a book critical of Y": the book's author
            source = self.author(n.head, off)
        # (entries with mods: the light-verb coder leaves them to this one)
        light = (spec.get("light") or ()) if spec.get("mods") else ()
        # ... and so do stopped ones ("suspended arms sales *to X*")
        hung = n.dep_ == "obj" and self.lemma_of(n.head) in light
        hung = hung or (n.dep_ == "obl" and case_of(n) in (spec.get("manner") or ()))  # "in cooperation"
        if source and not target and (hung or self.stopped(n)):
            target = [  # "issued a cease and desist order *to X*": the phrase hung on the light verb
                a
                for case, c in Clause.of_verb(n.head).obliques  # (not "the border *with X*")
                if c.dep_ == "obl" and case in targets
                for a in phrase_actors(c, self.actors, off)
                if a not in source
            ]
        if given and not target:
            target = [a for c in given for a in phrase_actors(c, self.actors, off) if a not in source]
        if source and not target and self.supplied(n, spec):  # "provided X with aid": X gets it
            objs = [c for c in n.head.children if c.dep_ == "obj"]
            target = [a for c in objs for a in phrase_actors(c, self.actors, off) if a not in source]
        launched = n.dep_ == "obj" and self.lemma_of(n.head) in (spec.get("light") or ())
        launched = launched or bool(self.claimed(n, off))  # "claimed responsibility for a bombing in X"
        if source and not target and f.coding.type == "ASSAULT" and launched:  # "launched air strikes in X"
            verb = list(Clause.of_verb(n.head).obliques)
            nmods = [(case_of(c), c) for c in n.children if c.dep_ == "nmod"]
            cases = self.lex.words("struck_cases")
            target = struck_places([*nmods, *verb], self.actors, cases, off, set(source))
        died = self.lemma_of(n.head) in self.lex.words("suffering_verbs")
        died = died and n.dep_ == "obl" and case_of(n) in DONE_IN
        if source and not target and f.coding.type == "ASSAULT" and died:  # "X died in an attack by Y": on X
            target = [a for x in Clause.of_verb(n.head).subjects for a in phrase_actors(x, self.actors, off)]
        if not source and f.coding.type == "PROTEST":  # "protests continue in X": the document's crowd
            source = self.crowd()
            target = target or self.anti_target(n, off)
        if source and not target and f.coding.type in AGAINST_ADVERSARY and set(source) <= set(self.crowd()):
            target = self.adversary(source)  # "the demands of the protesters": of whom they demand it
        if not source and f.coding.type == "CONSULT":  # "In a phone call, X urged Y to ..."
            source, target = self.setting(n, off, target)
        if not source and target and f.coding.type == "CONSULT":  # "the ban followed talks with X"
            source = [a for a in self.event_subject(n) if a not in target]
        if source and not target and f.coding.type == "CONSULT" and n.dep_ != "obj":  # "after Z-led talks"
            target = [a for a in self.light_subject(n, spec, off) if a not in source]
        if source and not target and f.coding.type == "REQUEST":  # (a passive: its agent was asked)
            target = [a for a in self.setting(n, off, [])[0] if a not in source]  # "returned at Y's request"
            target = target or [a for a in self.host_subject(n, off) if a not in source]
        if not source and answered:  # "rejected an ultimatum [from X]", the phrase hung on the verb
            source = [a for c in n.head.children if c.dep_ == "obl" and case_of(c) == "from"
                      for a in phrase_actors(c, self.actors, off)]
        if source and not target and answered:  # "Y rejected an ultimatum from X": made to Y
            target = [a for c in Clause.of_verb(n.head).subjects for a in phrase_actors(c, self.actors, off)]
            target = [a for a in target if a not in source]
        if source and not target and spec.get("content"):  # "accusations by X *that Y was stealing*"
            told = [a for t in told_subject_tokens(n) for a in phrase_actors(t, self.actors, off)]
            target = [a for a in told if a not in source]
        if not target:  # "X was the target of an attack", "X has been the subject of US sanctions"
            target = [a for a in self.patient(n, off) if a not in source]
        if not target and spec.get("own_state"):  # "the president declared a state of emergency"
            target = [a for a in self.own_states(source) if a not in source]
            f.internal = bool(target)
        if spec.get("phrased") and not any(case_of(c) in targets for c in n.children):
            source = target = []  # "helped end the fighting": whose, the noun does not say
        source = list(dict.fromkeys(source))
        mutual = f.coding.type.lower() in self.lex.words("mutual_types") or spec.get("mutual")
        mutual = mutual or self.exchanged(n, spec)  # "X and Y traded accusations"
        if mutual and not target and len(source) > 1:
            # "X and Y held talks", "X and Y have been at odds"
            source, target = source[:1], source[1:]
            f.mutual = True
        f.source = source
        f.target = [t for t in dict.fromkeys(target) if t not in f.source]
        nmods = [(case_of(c), c) for c in n.children if c.dep_ == "nmod"]
        f.location = self.place_in(nmods, off)

    def exchanged(self, n: Token, spec: dict[str, Any]) -> bool:
        """The noun is the object of a light verb two sides do to each other ("*traded* accusations")."""
        verb = self.lemma_of(n.head) if n.dep_ == "obj" else ""
        return verb in (spec.get("light") or ()) and verb in self.lex.words("mutual_verbs")

    def answered(self, n: Token, typ: str) -> bool:
        """The noun is the object of a verb of answering it ("rejected the demand of X", "ignored an
        ultimatum from X", "defied appeals from X") or what the clause is done despite ("despite
        calls from X"): it was made to the verb's subject. Not an
        accusation, whose rejection is the event ("rejected X's accusations"), nor a lawsuit or an
        accord ("defying the accords signed by X")."""
        suit = n.lemma_.lower() in self.lex.words("suit_nouns")
        answered = n.dep_ == "obj" or (n.dep_ == "obl" and case_of(n) in ("with", "to"))  # "complied with"
        answer = answered and self.lemma_of(n.head) in self.lex.words("answering")
        typed = typ in ANSWERED_TYPES or (typ == "ACCUSE" and despite(n))  # "despite criticism from X, Y"
        return (answer or despite(n)) and not suit and typed

    def backers(self, f: Found) -> None:
        """Support a clause is done with: its giver is the noun's possessor or "of"/"from" phrase, its
        receiver the clause's subject ("*with the backing of X*, Y ran for office")."""
        n, off = f.head, f.offset
        givers = [
            c
            for c in n.children
            if c.dep_ in ("nmod:poss", "compound", "amod")
            or (c.dep_ == "nmod" and case_of(c) in ("of", "from"))
        ]
        f.source = list(dict.fromkeys(a for c in givers for a in phrase_actors(c, self.actors, off)))
        doers = [a for c in Clause.of_verb(n.head).subjects for a in phrase_actors(c, self.actors, off)]
        f.target = [a for a in dict.fromkeys(doers) if a not in f.source]

    def author(self, thing: Token, offset: int) -> list[str]:
        """Who made a thing: its possessor ("X's book"), else the subject of the verb it is the object
        of ("X released a book", "X wrote op-eds and a book")."""
        poss = [c for c in thing.children if c.dep_ == "nmod:poss"]
        own = [a for c in poss for a in phrase_actors(c, self.actors, offset)]
        if own:
            return own
        while thing.dep_ == "conj" and thing.head.pos_ in ("NOUN", "PROPN"):
            thing = thing.head
        if thing.dep_ not in ("obj", "conj") or thing.head.pos_ != "VERB":
            return []
        subjects = [c for c in thing.head.children if c.dep_ == "nsubj"]
        return [a for c in subjects for a in phrase_actors(c, self.actors, offset)]

    def event_subject(self, n: Token) -> list[str]:
        """Who held talks that an earlier event of the story "followed" or "came after" ("the ban
        followed discussions with X"): the source of the document's first event of the kind the
        subject noun names."""
        verbs = [n.head] if n.dep_ in ("obj", "obl") else []
        verbs += [c for c in n.children if misread_modifier(c)]  # "[the ban] followed discussions"
        for s in (c for v in verbs for c in v.children if c.dep_ == "nsubj"):
            key = self.key(s)
            kind = self.lex.noun_coding(self.lex.nouns[key]) if key else None
            for ev in self.events if kind is not None else ():
                if ev.type == kind.type and ev.source and not ev.negated:
                    return list(ev.source)
        return []

    def stopped(self, n: Token) -> bool:
        """The noun is what a stopping verb stops ("stopped their aid", "suspended the talks"), or
        what a leaving verb leaves ("backed away from his support")."""
        if n.dep_ == "obl" and case_of(n) == "from":  # "backed away from his support for X"
            return self.lemma_of(n.head) in self.lex.words("leaving")
        # (a noun object the parse made a complement: "suspended [trade] with X")
        stopping = self.lex.words("stopping")
        if perfect_participle(n, stopping, self.lemma_of):  # "Chile has [frozen] talks with X", misparsed
            return True
        return n.dep_ in ("obj", "nsubj:pass", "xcomp") and self.lemma_of(n.head) in stopping

    def eased(self, n: Token) -> str:
        """How the noun is lifted by an easing verb: "verb" where the verb's clause codes it ("lifted
        sanctions", "the curfew was eased", "X [eased] sanctions" with the verb read as the noun's
        modifier but its subject its own), "modifier" for a modifier alone ("the US [lifted]
        sanctions" read as one phrase), else ""."""
        easing = self.lex.words("easing")
        for c in n.lefts:
            if c.dep_ == "amod" and self.lemma_of(c) in easing:
                return "verb" if misread_modifier(c) else "modifier"
        return "verb" if n.dep_ in ("obj", "nsubj:pass") and self.lemma_of(n.head) in easing else ""

    def thing_actors(self, c: Token, offset: int) -> list[str]:
        """The actors of a target phrase, or of the phrase it leads to when it names a thing
        ("restrictions on flights *to Cuba*", "a ban on imports *from Syria*")."""
        got = phrase_actors(c, self.actors, offset) or its_owner(c, self.actors, offset)  # "of *its* people"
        if got:
            return got
        if c.tag_ == "VBG":  # "a ruling against [Trump finding that ...]": the parse's gerund clause
            return [a for x in c.children if x.dep_ == "nsubj" for a in phrase_actors(x, self.actors, offset)]
        for x in c.children:
            if x.dep_ == "nmod" and case_of(x) in self.lex.words("thing_cases"):
                got += phrase_actors(x, self.actors, offset)
        return got

    def own_states(self, source: list[str]) -> list[str]:
        """The states (or the regions and cities: a governor's, a mayor's) the source actors belong to."""
        affs = (self.actors.affiliation_of(s) for s in source)
        return [a for a in affs if a is not None and self.actors.type_of(a) in HOME_TYPES]

    def adversary(self, crowd: list[str]) -> list[str]:
        """Whom a document's protesters stand against: the state of the latest actor that answered
        them (a concession, a refusal, arrests) or that their protests and demands targeted (not
        whoever else they accuse)."""
        for ev in reversed(self.events):
            if set(ev.target) & set(crowd):
                other = ev.source
            elif set(ev.source) & set(crowd) and ev.type in AGAINST_ADVERSARY:
                other = ev.target
            else:
                continue
            kind = self.actors.type_of
            states = [a if kind(a) == "STATE" else self.actors.affiliation_of(a) for a in other]
            return [s for s in dict.fromkeys(states) if s and kind(s) == "STATE"] or list(other)
        return []

    def crowd(self) -> list[str]:
        """The document's one protesting group ("Protesters", "the demonstrators"), if it names one."""
        if self._crowd is None:
            words = self.lex.words("crowd_nouns")
            got = [e.id for e in self.actors.entities.values() if e.name.split()[-1].lower() in words]
            self._crowd = got if len(got) == 1 else []
        return list(self._crowd)

    def anti_target(self, n: Token, offset: int) -> list[str]:
        """What an "anti-government" protest is against: the state named in its sentence."""
        if not any(c.lower_.startswith("anti") for c in n.children if c.dep_ in ("amod", "compound")):
            return []
        for t in n.sent:
            got = [a for a in self.actors.at(t, offset) if self.actors.type_of(a) == "STATE"]
            if got:
                return got[:1]
        return []

    def ascribed(self, n: Token, offset: int) -> list[str]:
        """Who a participle on the event noun says did it: "an attack ascribed to X", "a bombing claimed
        by X", "the strike carried out by X"."""
        for c in n.children:
            if c.dep_ != "acl" or c.tag_ != "VBN":
                continue
            for o in c.children:
                case = case_of(o)
                if o.dep_ in ("obl:agent", "obl") and (
                    case == "by" or (case in ("to", "on") and c.lemma_ in self.lex.words("ascribing"))
                ):
                    got = phrase_actors(o, self.actors, offset)
                    if got:
                        return got
        return []

    def claimed(self, n: Token, offset: int) -> list[str]:
        """Who claimed responsibility for the deed ("X claimed responsibility *for the attack*"): the
        subject of the verb whose "responsibility" object the deed's "for" phrase hangs on."""
        if n.dep_ != "nmod" or case_of(n) != "for":
            return []
        v = claiming_verb(n.head, self.lex.words("responsibility"), self.lex.words("claiming"))
        if v is None:
            return []
        return [a for s in Clause.of_verb(v).subjects for a in phrase_actors(s, self.actors, offset)]

    def patient(self, n: Token, offset: int) -> list[str]:
        """The subject of a copular "the target/subject/victim of" that the event noun hangs from."""
        h = n.head
        if n.dep_ != "nmod" or case_of(n) != "of" or h.lower_ not in self.lex.words("patient_nouns"):
            return []
        if not any(c.dep_ == "cop" for c in h.children):
            return []
        return [a for c in h.children if c.dep_ == "nsubj" for a in phrase_actors(c, self.actors, offset)]

    def setting(self, n: Token, offset: int, target: list[str]) -> tuple[list[str], list[str]]:
        """A meeting or call that frames a clause ("in a phone call, X encouraged Y"; "X said in a
        meeting with Y"): the clause's subject met its object, or the noun's own partner."""
        v = n.head
        framed = n.dep_ == "obl" or (n.dep_ in ("obj", "nsubj") and bool(case_of(n)))  # ("did so [at] ...")
        if v.i == n.i or not framed or case_of(n) not in self.lex.words("settings") or v.pos_ != "VERB":
            return [], target
        cl = Clause.of_verb(v)  # (a passive's agent named just before: "suspended by X [at Y's request]")
        doers = [s for s in cl.agent if s.right_edge.i + 1 == n.left_edge.i] if cl.passive else cl.subjects
        source = [a for s in doers for a in phrase_actors(s, self.actors, offset)]
        if source and not target:  # "in a phone call, X urged Y", "apologised to Y in a phone call"
            cases = self.lex.words("addressee_cases")
            told = [*cl.objects, *(o for c, o in cl.obliques if c in cases and o.i != n.i)]
            target = [a for o in told for a in phrase_actors(o, self.actors, offset) if a not in source]
        return source, target

    def host_subject(self, n: Token, offset: int) -> list[str]:
        """Who did what a setting noun hangs on ("X held a meeting *at Y's request*": X)."""
        host = n.head
        if n.dep_ != "nmod" or case_of(n) not in self.lex.words("settings") or host.dep_ != "obj":
            return []
        return [a for s in Clause.of_verb(host.head).subjects for a in phrase_actors(s, self.actors, offset)]

    def recipient(self, n: Token, spec: dict[str, Any]) -> list[Token]:
        """The name right after a light verb that the parse made a compound of its object, the noun
        or what counts it ("gave *Chile* aid", "offered *Peru* $5 million in aid"): who gets it."""
        obj = self.slot(n)
        v = obj.head
        if obj.dep_ != "obj" or self.lemma_of(v) not in (spec.get("light") or ()):
            return []
        named = (c for c in obj.children if c.dep_ == "compound" and c.pos_ == "PROPN")
        return [c for c in named if c.left_edge.i == v.i + 1]

    def supplied(self, n: Token, spec: dict[str, Any]) -> bool:
        """The noun is what a light verb's object is given ("provided *X* with aid")."""
        light = set(spec.get("light") or ())
        return n.dep_ == "obl" and case_of(n) == "with" and self.lemma_of(n.head) in light

    def elicited(self, n: Token, offset: int) -> tuple[list[str], list[str]]:
        """A reaction a deed drew ("..., drawing criticism *from Y*", "prompting condemnation from Y"):
        who reacted (the "from" phrase), and to whom (the subject of the deed's clause)."""
        v = n.head
        drawn = n.dep_ == "obj" and self.lemma_of(v) in self.lex.words("eliciting")
        set_off = v.dep_ == "acl" and v.i > 0 and v.doc[v.i - 1].text == ","  # hung on the noun before
        if not drawn or (v.dep_ not in ("advcl", "conj") and not set_off):
            return [], []
        froms = [c for c in (*v.children, *n.children) if c.dep_ in ("obl", "nmod") and case_of(c) == "from"]
        source = [a for c in froms for a in phrase_actors(c, self.actors, offset)]
        deed = v.head
        while deed.pos_ not in ("VERB", "AUX") and deed.head.i != deed.i:
            deed = deed.head  # "deported X to Lebanon, drawing ...": the deed, not Lebanon
        target: list[str] = []
        while not target:  # "X said it would withdraw, drawing ...": whoever "it" is, else X
            subj = Clause.of_verb(deed).subjects
            target = [a for s in subj for a in phrase_actors(s, self.actors, offset) if a not in source]
            if deed.dep_ not in ("ccomp", "xcomp") or deed.head.i == deed.i:
                break
            deed = deed.head
        return (source, target) if source and target else ([], [])

    def slot(self, n: Token) -> Token:
        """The phrase that fills the verb's slot for the noun: the noun, its first conjunct ("grants
        and *loans*"), the measure it is counted in ("$5 million *in aid*", "planeloads *of aid*") or
        the stretch of time it took ("after a week *of talks*")."""
        while n.dep_ == "conj" and n.head.pos_ == "NOUN" and n.head.i < n.i:
            n = n.head
        if n.dep_ == "nmod" and case_of(n) == "of" and n.head.lemma_.lower() in DURATIONS:
            return n.head  # "after ten days [of talks]": the time phrase is the verb's
        return n.head if measured(n, self.lex.words("measure_nouns")) else n

    def light_before(self, n: Token, light: set[str]) -> bool:
        """A light verb written right before the noun's phrase that the parse did not make its head."""
        i = n.i - 1
        while i >= n.sent.start and n.doc[i].pos_ in ("DET", "ADJ", "NUM") and n.doc[i].head.i == n.i:
            i -= 1  # "levied [new individual] sanctions"
        if i < n.sent.start or i == n.head.i:
            return False
        prev = n.doc[i]
        return self.lemma_of(prev) in light or prev.lemma_.lower() in light

    def light_subject(self, n: Token, spec: dict[str, Any], offset: int) -> list[str]:
        """The subject of a light verb whose object (or oblique) the noun is ("X imposed sanctions"),
        or of the clause a time phrase ties the noun to ("after the talks with Y, X said ...")."""
        light = set(spec.get("light") or ())
        subj = [c for c in n.children if c.dep_ == "nsubj"]
        if not subj and (any(c.dep_ == "cop" for c in n.head.children) or predicative(n)):
            subj = [c for c in n.head.children if c.dep_ == "nsubj"]  # "X was more of a critic of Y"
        if not subj and n.dep_ == "appos":  # "X, a vocal critic of Y, said"
            subj = [n.head]
        if subj:  # a predicate noun: "X is a critic of Y"
            return [a for s in subj for a in phrase_actors(s, self.actors, offset)]
        n = self.slot(n)
        v, when = n.head, self.lex.words("temporal")
        # "thanked X for its support [during a meeting with Y]": the parse may hang the time on a phrase
        hung = n.dep_ == "nmod" and case_of(n) in when and v.dep_ in ("obj", "obl") and v.head.pos_ == "VERB"
        if hung:
            return [a for s in Clause.of_verb(v.head).subjects for a in phrase_actors(s, self.actors, offset)]
        if v.i == n.i or n.dep_ not in ("obj", "obl", "nsubj:pass", "xcomp"):
            return []
        if self.light_before(n, light) and v.pos_ == "VERB":  # "labeled X as ... and levied sanctions"
            cl = Clause.of_verb(v)
            return [a for s in cl.subjects for a in phrase_actors(s, self.actors, offset)]
        ties = (*when, *(spec.get("manner") or ()))  # (and "X acted *in cooperation with* Y")
        temporal = n.dep_ == "obl" and case_of(n) in ties
        # "flew to X for talks with Y": the traveller holds the talks (the parse may hang them on X)
        trip, journeys = (v.head if v.pos_ == "PROPN" and v.dep_ == "obl" else v), self.lex.words("journeys")
        purpose = n.dep_ == "obl" and case_of(n) == "for" and self.lemma_of(trip) in journeys
        v = trip if purpose else v
        # "is considering sanctions": its own; not what it seeks from others ("sought the nomination of X")
        weighing = self.lex.words("weighing")
        weighed = n.dep_ == "obj" and not spec.get("received") and self.lemma_of(v) in weighing
        if self.lemma_of(v) not in light and not (temporal or purpose or weighed) and not self.stopped(n):
            return []
        cl = Clause.of_verb(v)
        subj = cl.agent if cl.passive else cl.subjects
        if cl.passive and not subj and n not in cl.subjects:  # "X and Y are locked in a dispute"
            subj = cl.subjects
        return [a for s in subj for a in phrase_actors(s, self.actors, offset)]
