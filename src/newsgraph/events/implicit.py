"""Participants a clause leaves implicit, found in the rest of its document: the agent of a passive
("he was further sanctioned", "Clinton was impeached"), whoever claimed an attack, the parties of
"the two sides agreed", the protesters a concession answers and the state they stand against, and
the earlier event a reaction is about ("Germany condemned the attack"). Each such participant is
marked in the event's rule (``+nearest name``, ``+reacting to evN``...) and lowers its confidence."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from newsgraph.events.acts import PROVOCATIONS, ActDoers, provokers, refers_back
from newsgraph.events.cameo import EventLexicon
from newsgraph.events.coder import Coder, Found
from newsgraph.events.contests import conceded_to
from newsgraph.events.crowds import crowd_patient
from newsgraph.events.deps import counted
from newsgraph.events.envoys import passive_agent
from newsgraph.events.nominal import NounCoder
from newsgraph.events.places import Places
from newsgraph.events.referents import Reports, deed_it, report_author
from newsgraph.events.sides import (
    addressed_pair,
    asked_at_home,
    disputants,
    earlier_agent,
    latest_pair,
    released_together,
    two_sides,
    two_states,
    withdrawn_from,
)
from newsgraph.events.tree import ActorIndex, Clause, case_of, phrase_actors
from newsgraph.events.yielding import led_by
from newsgraph.models import Event
from newsgraph.text import lexicons

#: event types that may react to an earlier event of the document named by its noun ("condemned the attack")
REACTIONS = frozenset({"ACCUSE", "SUPPORT", "REJECT"})
#: the kinds of earlier event a reaction's noun may stand for: acts done by one side to another
REACTED = frozenset({"ACCUSE", "ASSAULT", "COERCE", "SANCTION", "THREATEN", "MOBILIZE", "PROTEST"})
#: acts against the doers of a deed ("vowed to punish those responsible")
PURSUITS = frozenset({"COERCE", "ASSAULT", "THREATEN", "SANCTION"})
#: measures an institution announces about itself in the passive ("announced X was banned")
ANNOUNCED_MEASURES = frozenset({"COERCE", "SANCTION"})
#: the CAMEO code of making a visit (042): a trip, not the talks held on it (its host, 043, talks)
#: party nouns that are people ("the two ministers"): the parties of a meeting, not of a trip
PARTY_PEOPLE = lexicons.words("actors.person_nouns")
#: event types that, naming no one, yield to or refuse the document's protesters ("withdrew the bill")
YIELDING = frozenset({"CONCEDE", "REJECT"})
#: what a denial answers
ACCUSED = frozenset({"ACCUSE"})
#: the acts a bare refusal answers ("X urged Y to withdraw. Y refused.")
ASKED = frozenset({"REQUEST"})


@dataclass
class Implicit:
    """Participants a clause leaves implicit, from the rest of the document (each marked as a guess
    in the event's rule, or as the event it reacts to)."""

    events: list[Event]
    claims: list[str]
    lex: EventLexicon
    coder: Coder
    places: Places
    nouns: NounCoder
    acts: ActDoers
    reports: Reports

    def fill(self, f: Found) -> None:
        """Fill in what ``f``'s clause leaves implicit, step by step (each step only where the earlier
        ones left a gap): a passive's agent, the two sides of a joint act, a protest's sides, whom a
        reaction, a threat or a pursuit is aimed at, and the captor a release is asked of."""
        self.agent(f)
        self.parties(f)
        self.answer(f)
        self.crowd_sides(f)
        addressed_pair(f, self.events, self.coder.actors, self.lex.words("party_nouns"))  # "urged both sides"
        disputants(f, self.events, self.coder.actors, self.lex.words("conflict_words"))  # "urged restraint"
        self.aimed(f)
        self.captor(f)
        asked_at_home(f, self.coder.actors)  # "the opposition leader demanded a fresh election"
        withdrawn_from(f, self.events, self.places.same_side)  # "Peruvian troops withdrew from X"

    def agent(self, f: Found) -> None:
        """The agent of a passive that names none ("he was further sanctioned"), or of an attack whose
        subject names no one ("bombings struck X"): who claimed it."""
        released_together(f, self.events)  # "Both were released on Saturday"
        things = all(x.pos_ == "NOUN" for x in f.clause.subjects)  # no one named: "bombings", "a bomb"
        if things and f.coding.type == "ASSAULT" and self.claims and self._places_only(f.source):
            # "a car bombing in Lima killed five, an attack ascribed to X": Lima is where, X who
            f.target = [t for t in f.target if t not in self.claims] or list(f.source)
            f.source = []
        if not f.source and not f.target and things and f.coding.type == "ASSAULT" and self.claims:
            # "a bomb exploded in Lima ... Y claimed responsibility": the place it struck, Y's attack
            f.target = self.coder.struck_in(f.clause, [], f.offset, set(self.claims))
        if not f.source and f.target and not f.clause.passive and things:
            f.source = _claimed(self.claims, f)  # "twin bombings struck X ... Y claimed responsibility"
        lex, actors = self.lex, self.coder.actors
        passive_agent(f, lex, actors)  # "X's ambassador to Y was recalled", "were expelled from X"
        if f.source or not (f.clause.passive or f.coding.reverse) or not f.target:
            return  # (a reversed pattern's subject is its target: "X appeared in court")
        f.source = (
            _announcer(f, lex, actors)
            or earlier_agent(self.events, f, lex.words("sovereign_acts"))
            or _claimed(self.claims, f)
            or [a for a in _institution(f, lex, actors) if self.of_place(f, a)]
            or self.story_state(f)
        )

    def _places_only(self, ids: list[str]) -> bool:
        return bool(ids) and all(self.coder.actors.type_of(a) == "LOCATION" for a in ids)

    def parties(self, f: Found) -> None:
        """ "The two sides agreed": the two states named before it in the sentence ("Turkey and
        Greece ..., but the leaders of the two countries spoke"), else the parties of the latest
        meeting, else a story's only two states."""
        if f.source or f.target or not two_sides(f, self.lex):
            return
        f.source, f.target = two_states(f, self.coder.actors, here=True)
        f.guessed = "the sentence's two states" if f.source else ""
        if not f.source:  # "the ministers" are who met, not a visitor and its host
            people = any(s.lemma_.lower() in PARTY_PEOPLE for s in f.clause.subjects)
            f.source, f.target = latest_pair(self.events, trips=not people)
        if not f.source:
            f.source, f.target = two_states(f, self.coder.actors, here=False)
            f.guessed = "the story's two states" if f.source else ""
        f.mutual = True

    def answer(self, f: Found) -> None:
        """Whom an answer that names no one answers: the latest accuser of the rejecting side for a
        charge rejected ("Y rejected the accusations"), the latest to ask the complying side for a
        compliance ("X asked Y to ... Y complied"; a bare refusal: :meth:`aimed`)."""
        if not f.source or f.target:
            return
        if f.coding.type == "REJECT" and _rebuttal(f, self.lex):
            f.target = _provoker(self.events, f, self.places, ACCUSED)
        elif f.coding.type == "REJECT":  # "rejected the report as unfounded": whoever published it
            f.target = report_author(self.reports, f, self.lex, self.places.same_side)
        elif f.coding.type in ("AGREE", "CONCEDE") and _bare_answer(f, self.lex, "complying"):
            f.target = _provoker(self.events, f, self.places, ASKED)  # "Y complied"
        else:  # "Y won the race ... X has not conceded": to the winner
            f.target = conceded_to(f, self.lex, self.coder.actors)

    def crowd_sides(self, f: Found) -> None:
        """The sides of a protest story: who protests ("supporters of X marched": X's side), the
        protesters a coercion with no agent befalls and their adversary ("1000 people have been
        arrested since the protests began"), the protesters a concession answers ("withdrew the bill")."""
        if not f.source and f.coding.type == "PROTEST":
            f.source = _followed(f, self.lex, self.coder)
        crowd = self.nouns.crowd()
        if not f.source and not f.target and crowd_patient(f, self.lex, crowd):
            f.target = crowd
            f.source = self.nouns.adversary(f.target)
            f.guessed = "the protesters' adversary" if f.source else ""
        elif f.source and not f.target and crowd_patient(f, self.lex, crowd, state=self.places.state_side):
            f.target, f.guessed = crowd, "the protesters"  # "police arrested dozens of people"
        if f.source and not f.target and f.coding.type in YIELDING:
            f.target = _to_the_crowd(crowd, f, self.places, self.lex)
        if f.source and set(f.source) <= set(crowd) and f.lemma in self.lex.words("obstructing"):
            # "protesters blocked the exits of the police complex": a protest (CAMEO 144), no coercion
            f.coding = self.lex.coding("144", f"{f.coding.rule} (a crowd's obstruction)") or f.coding

    def aimed(self, f: Found) -> None:
        """Whom an act is aimed at when its clause names no one, or names only the doers of a deed or
        its victims: the attacker "those responsible" are ("vowed to punish those responsible"), the
        doer of the act a threat answers ("vowed to respond"), the doer of the act a reaction is about
        ("condemned the attack", "condemned the detention of X": X's captor), whoever asked a side that
        refuses ("Y refused", "rejected the demand"), a leader's own state ("declared a national
        emergency")."""
        lex, events = self.lex, self.events
        if f.source and f.coding.type in PURSUITS and _perpetrators(f, lex):
            f.target = self.pursued(f) or f.target
        if f.source and not f.target and f.coding.type == "THREATEN" and _answering(f, lex, self.coder):
            f.target = _provoker(events, f, self.places)
        if f.source and not f.target and (f.coding.type in REACTIONS or _inquiry_asked(f, lex)):
            f.target = (
                _judged_deed(f, lex, self.coder, events)
                or _reacted(events, f, lex, self.coder, self.places)
                or self.act_doer(f)
                or _accord_parties(events, f, lex, self.coder, self.places)
                or deed_it(events, f, lex, self.places.same_side)  # "We condemn it"
            )
        if f.source and f.target and f.coding.type in REACTIONS:
            f.target = self.deed_doer(f) or self.not_victims(f)
        if f.source and not f.target and f.coding.type == "REJECT" and _denial(f, lex):
            f.target = _provoker(events, f, self.places, ACCUSED)  # "Y denied (it)": whoever accused Y
        if f.source and not f.target and f.coding.type == "REJECT" and _bare_answer(f, lex, "refusing"):
            f.target = _provoker(events, f, self.places, ASKED)  # "X urged Y to ... Y refused": X
        if f.source and not f.target and f.coding.cameo in lex.own_state_codes():
            f.target = self.own_state(f)

    def captor(self, f: Found) -> None:
        """A demand for a release is of the captor ("demanded his release"; "the release of the
        detained leaders": of the latest captor the story told)."""
        if f.coding.type != "REQUEST":
            return
        if _release(f, self.lex):
            here = f.offset + f.head.sent.start_char  # (a pronoun's captives: this sentence's only)
            f.target = _holder(self.events, f.target, f.source, here) or f.target
        elif not f.target and _held_release(f, self.lex):
            f.target = _holder(self.events, [], f.source, 0)
            f.guessed = "who detained them" if f.target else ""

    def pursued(self, f: Found) -> list[str]:
        """Whom an act against "those responsible" (or "the attackers", an unnamed group) pursues: the
        doer of the latest attack the story told, when the act names no one else."""
        words = self.lex.words("perpetrator_words")
        if any(self.coder.actors.entities[t].name.lower() not in words for t in f.target):
            return []
        return _attacker(self.events, f, self.places)

    def of_place(self, f: Found, actor: str) -> bool:
        """Whether ``actor`` may have acted where the clause says it happened: not another state's
        institution ("X was arrested in Peru": not by the Chilean police the story named before)."""
        coder, cases = self.coder, self.lex.words("place_cases")
        where = [a for c, x in coder.obliques(f.clause) if c in cases for a in coder.actors_of([x], f.offset)]
        states = {a if coder.actors.type_of(a) == "STATE" else self.places.state_of(a) for a in where}
        states.discard(None)
        return not states or any(self.places.same_side(actor, s) for s in states if s is not None)

    def deed_doer(self, f: Found) -> list[str]:
        """A reaction to a deed named with whom it was done to ("condemned the detention of X"): to
        whoever the text before says did it to them, not to them."""
        cases = self.lex.words("deed_patients")
        for noun in _event_nouns(f, self.lex, self.coder):
            done_to = [c for c in noun.children if c.dep_ == "nmod" and case_of(c) in cases]
            patients = {a for c in done_to for a in phrase_actors(c, self.coder.actors, f.offset)}
            if not patients & set(f.target):
                continue
            got = [a for a in self.acts.doer_to(noun, f.offset, patients) if a not in f.source]
            if got:
                f.guessed = f"who did the {noun.lower_} to them"
                return got
        return []

    def not_victims(self, f: Found) -> list[str]:
        """The targets of an accusation less those a deed noun says the deed was done to, when no doer
        of it is told ("condemned the detention of X": not X)."""
        if f.coding.type != "ACCUSE":
            return f.target
        coder, objs, harms = self.coder, f.clause.objects, self.lex.words("harm_nouns")
        by = [c for n in objs if n.lemma_.lower() in harms for c in n.children if _of_case(c, ("by",))]
        doers = [a for a in coder.actors_of(by, f.offset) if a not in f.source]  # "X's arrest by Y": Y
        victims = coder.harmed(objs, f.offset, self.lex.words("deed_patients"))  # ("X's arrest": X suffers)
        return doers or [t for t in f.target if t not in victims]

    def act_doer(self, f: Found) -> list[str]:
        """A reaction to an act named by a definite noun ("expressed disappointment at the ruling",
        "criticised the move"): whoever the text before says did it (:mod:`.acts`)."""
        for noun in _event_nouns(f, self.lex, self.coder):
            got = [
                a
                for a in self.acts.doer(noun, f.offset)
                if a not in f.source and not any(self.places.same_side(a, s) for s in f.source)
            ]
            if got:
                f.guessed = f"who did the {noun.lower_}"
                return list(dict.fromkeys(got))
        return []

    @cached_property
    def main_state(self) -> str | None:
        """The one state the document names most (:meth:`ActorIndex.main_state`)."""
        return self.coder.actors.main_state

    def own_state(self, f: Found) -> list[str]:
        """Whom a leader's emergency, curfew or lockdown is imposed on when neither the tree nor the
        leader's known affiliation says: the one state the story names most (a guess, marked)."""
        state = self.main_state
        actors = self.coder.actors
        if state is None or state in f.source or any(actors.type_of(s) == "STATE" for s in f.source):
            return []
        local = self.lex.words("local_offices")  # a governor's emergency is his province's
        titles = {w.lower() for s in f.source for t in actors.entities[s].titles for w in t.split()}
        if titles & local:
            return []
        f.guessed = "the state the story is set in"
        return [state]

    def story_state(self, f: Found) -> list[str]:
        """A state's legal act whose passive names no agent ("Siarhei, who was arrested in May";
        ``state_acts`` in the lexicon): done by the state of the clause's place ("arrested in
        Minsk", "arrested in Belarus"), else by the one state the story names most."""
        if f.lemma not in self.lex.words("state_acts"):
            return []
        actors = self.coder.actors
        place = self.coder.place(f.clause, f.offset, ("LOCATION", "STATE"))
        if place and actors.type_of(place) != "STATE":
            place = self.places.state_of(place)
        if place is None:  # "arrested in Kenosha, Wisconsin, United States": the state the phrase names
            where = [x for c, x in self.coder.obliques(f.clause) if c in self.lex.words("place_cases")]
            named = (a for x in where for t in x.subtree for a in actors.at(t, f.offset))
            place = next((a for a in named if actors.type_of(a) == "STATE"), None)
        state = place or self.main_state or actors.lone_state  # ("convicted in 2008", a US story)
        if state is None or state in f.target:
            return []
        f.guessed = "the state the story is set in"
        return [state]


def _announcer(f: Found, lex: EventLexicon, actors: ActorIndex) -> list[str]:
    """An institution's own measure, announced in the passive ("the federation announced two players
    were banned", "the ministry said the diplomats had been expelled"): the organisation or state
    that announces a ban, an arrest or an expulsion done to someone else is its agent (a guess,
    marked as such). Not an attack: a state reporting its dead names no attacker."""
    if f.coding.type not in ANNOUNCED_MEASURES or f.clause.head.dep_ != "ccomp":
        return []
    verb = f.clause.head.head
    if verb.lemma_.lower() not in lex.words("announcing"):
        return []
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    got = [
        a
        for s in subj
        for a in phrase_actors(s, actors, f.offset)
        if actors.type_of(a) in ("ORG", "STATE") and a not in f.target
    ]
    if got:
        f.guessed = "who announced it"
    return got[:1]


def _claimed(claims: list[str], f: Found) -> list[str]:
    """An attack done by no one named (a passive: "facilities were hit by drone strikes") in a
    document where one actor claimed responsibility: that actor's (a guess, marked as such)."""
    if f.coding.type != "ASSAULT" or len(claims) != 1 or claims[0] in f.target:
        return []
    f.guessed = "who claimed responsibility"
    return list(claims)


def _institution(f: Found, lex: EventLexicon, actors: ActorIndex) -> list[str]:
    """A passive act that only one kind of institution does ("Clinton was impeached": by the lower
    house of the legislature), done by that institution when the document names it."""
    kinds = lex.implicit_agents.get(f.lemma, ())
    if not kinds:
        return []
    names = {eid: e.name.lower() for eid, e in actors.entities.items() if e.type == "ORG"}
    for kind in kinds:
        got = [eid for eid, name in names.items() if kind in name and eid not in f.target]
        if got:
            f.guessed = f"the institution that does it: {kind}"
            return got[:1]
    return []


def _reacted(events: list[Event], f: Found, lex: EventLexicon, coder: Coder, places: Places) -> list[str]:
    """A reaction to an event the document reported before, named by a definite event noun
    ("Germany condemned *the attack*", "spoke out against the strikes", "welcomed the sanctions"):
    its target is the source of the document's first such event (the story's own, told in its lead)
    done by another side than the reacting one."""
    for noun in _event_nouns(f, lex, coder):
        spec = lex.noun_spec(coder.noun_key(noun), noun.lower_) or {}
        kind = lex.noun_coding(spec) if spec else None
        named = set(phrase_actors(noun, coder.actors, f.offset))  # "the attack on Kabul"
        for ev in events if kind is not None and kind.type in REACTED else ():
            if ev.type != kind.type or ev.negated or (named and not named & set(ev.target)):
                continue
            got = [
                s
                for s in ev.source
                if s not in f.source and not any(places.same_side(s, x) for x in f.source)
            ]
            if got:
                f.about = ev.id
                return got
    return []


def _to_the_crowd(crowd: list[str], f: Found, places: Places, lex: EventLexicon) -> list[str]:
    """A concession or refusal that names no one, in a story of protests: it answers the
    protesters ("announced her government will withdraw the bill"), a guess marked as such."""
    things = {o.lemma_.lower() for o in f.clause.objects} | {o.lower_ for o in f.clause.objects}
    if things.isdisjoint(lex.words("yielded_things")):
        return []  # "X withdrew (from the race)", "which Trump denied": no answer to protesters
    if not any(places.state_side(s) for s in f.source):
        return []  # only a state, or someone who speaks for one, answers protesters
    got = [c for c in crowd if not any(places.same_side(c, s) for s in f.source)]
    f.guessed = "the document's protesters" if got else ""
    return got


def _followed(f: Found, lex: EventLexicon, coder: Coder) -> list[str]:
    """Whom the protesting followers a clause's subject names follow ("(thousands of) supporters of
    X", "X's members"; lexicon ``follower_nouns``) or who leads them ("farmers led by X", "X led
    thousands to protest"; ``leading_verbs``): a protest of X's side."""
    followers, leading, out = lex.words("follower_nouns"), lex.words("leading_verbs"), []
    for s in f.clause.subjects:
        s = counted(s)  # "(tens of) thousands of [supporters]"
        owners = []
        if s.lemma_.lower() in followers:
            owners = [c for c in s.children if c.dep_ == "nmod:poss"]
            owners += [c for c in s.children if c.dep_ == "nmod" and case_of(c) == "of"]
        out += [a for c in owners for a in phrase_actors(c, coder.actors, f.offset)]
        out += led_by(s, coder, f.offset, leading)  # "farmers led by X"
    v = f.head
    if not out and v.dep_ in ("xcomp", "advcl") and coder.lemma(v.head) in leading:  # "X led crowds to ..."
        out = [a for s in Clause.of_verb(v.head).subjects for a in phrase_actors(s, coder.actors, f.offset)]
    return list(dict.fromkeys(out))


def _answering(f: Found, lex: EventLexicon, coder: Coder) -> bool:
    """A threat of an answer in kind ("vowed to respond", "vowed revenge", "warned of retaliation")."""
    words = lex.words("retaliation")
    parts = [f.head, *f.clause.objects]
    parts += [c for c in f.head.children if c.dep_ == "xcomp" or (c.dep_ == "obl" and case_of(c) == "of")]
    parts += [s for c in f.head.children if c.dep_ == "ccomp" for s in c.children if s.dep_ == "nsubj"]
    return any(coder.lemma(t) in words or t.lemma_.lower() in words for t in parts)


def _provoker(
    events: list[Event], f: Found, places: Places, kinds: frozenset[str] = PROVOCATIONS
) -> list[str]:
    """Whom a threat of an answer in kind or a denial that names no one is aimed at: the doer of the
    latest hostile act or accusation against the speaker's side (a guess, marked)."""
    hit = provokers(events, lambda a: any(places.same_side(a, s) for s in f.source), kinds)
    if hit is None:
        return []
    f.about = hit[0].id
    guesses = {ACCUSED: "who made the charge denied", ASKED: "who asked"}
    f.guessed = guesses.get(kinds, "who did the act answered")
    return hit[1]


def _judged_deed(f: Found, lex: EventLexicon, coder: Coder, events: list[Event]) -> list[str]:
    """The doers of the deed a judgement in the same sentence is passed on ("X fired missiles, in
    what Y condemned as ...", "X expelled them, a move Y criticised"): the governing clause's
    subjects (lexicon ``judged_nouns``: "move", "decision", ...); for a passive deed that names no
    agent, the doer its event was given ("they were arrested in China, in what Y condemned as")."""
    v, judged = f.head, lex.words("judged_nouns")
    what = any(c.dep_ == "obl" and c.lower_ == "what" and case_of(c) == "in" for c in v.children)
    move = any(c.dep_ == "nsubj" and c.lemma_.lower() in judged and c.i < v.i for c in v.children)
    gov = v.head
    for _ in range(3 if what or move else 0):
        if gov.i == v.i:
            break
        cl = Clause.of_verb(gov)  # (a passive deed's doer is its agent: "were arrested [by X]")
        doers = cl.agent if cl.passive else cl.subjects
        got = [a for s in doers for a in phrase_actors(s, coder.actors, f.offset)]
        if cl.passive and not got:
            at = f.offset + gov.idx
            got = next((e.source for e in events if e.start <= at < e.end and e.trigger == gov.text), [])
        if got := [a for a in got if a not in f.source]:
            f.guessed = "who did the deed judged"
            return list(dict.fromkeys(got))
        v, gov = gov, gov.head
    return []


def _denial(f: Found, lex: EventLexicon) -> bool:
    """A denial of a charge, a deed or nothing named ("denied the allegations", "denied using X",
    "which X denied"), not of a fact ("denied the effect of climate change")."""
    things = [o.lemma_.lower() for o in f.clause.objects if o.pos_ in ("NOUN", "PROPN")]
    return f.lemma in lex.words("denying") and all(t in lex.words("denied_nouns") for t in things)


def _bare_answer(f: Found, lex: EventLexicon, verbs: str) -> bool:
    """A refusal (``verbs`` "refusing") or compliance ("complying") with nothing named, or only a
    request ("Y refused", "but he declined", "rejected the demand", "Y complied"): it answers whoever
    last asked the answering side."""
    asked, cl = lex.words("asked_nouns"), f.clause
    things = [*cl.objects, *(x for c, x in cl.obliques if c == "to")]  # "agreed to the request"
    acts = any(c.dep_ in ("xcomp", "ccomp") for c in f.head.children)  # "agreed to provide X": no answer
    return f.lemma in lex.words(verbs) and not acts and all(o.lemma_.lower() in asked for o in things)


def _rebuttal(f: Found, lex: EventLexicon) -> bool:
    """A rejection of a charge whose author the clause does not name ("rejected the claims as
    unfounded", "dismissed the allegations"): lexicon ``charge_nouns``."""
    return any(o.lemma_.lower() in lex.words("charge_nouns") for o in f.clause.objects)


def _event_nouns(f: Found, lex: EventLexicon, coder: Coder) -> list[Any]:
    """The definite nouns a reaction is about: its objects, its "against"/"over" phrases and the agent
    of a feeling ("was dismayed by the arrests"); not
    the noun a light verb codes ("Ford started *its investigation*" is the act, no reaction to one)."""
    cases = lex.words("reaction_cases")
    obliques = coder.obliques(f.clause)
    nouns = [*f.clause.objects, *(x for c, x in obliques if c in cases)]
    if f.clause.passive and f.lemma in lex.words("experiencer"):  # "was dismayed *by the arrests*"
        nouns += f.clause.agent
    elif f.clause.passive:  # "*the move* was condemned by X": what the passive's subject names
        nouns += f.clause.subjects
    inquiries, into = lex.words("inquiry_nouns"), lex.words("inquiry_cases")
    asked = [x for _, x in obliques]  # "called for an investigation *into the shooting*": the shooting
    nouns += [c for n in [*nouns, *asked] if n.lemma_.lower() in inquiries for c in n.children
              if _of_case(c, into)]
    return [
        n
        for n in nouns
        if n.pos_ == "NOUN"
        and f.lemma not in ((lex.noun_spec(coder.noun_key(n), n.lower_) or {}).get("light") or ())
        and (refers_back(n) or any(c.dep_ == "nmod:poss" for c in n.children))
    ]


def _of_case(c: Any, cases: Collection[str]) -> bool:
    """A noun's phrase opened by one of ``cases`` ("an investigation *into* the shooting")."""
    return c.dep_ == "nmod" and case_of(c) in cases


def _accord_parties(
    events: list[Event], f: Found, lex: EventLexicon, coder: Coder, places: Places
) -> list[str]:
    """Praise of an accord named by a definite noun ("X welcomed the agreement"): of its parties, those
    of the latest agreement the document reported before (an AGREE event, or one its accord noun
    coded), other than the praising side."""
    if f.coding.type != "SUPPORT":  # "denounced the agreement": of its critics' own reasons, no party
        return []
    accords = lex.words("accord_nouns")
    if not any(n.lemma_.lower() in accords for n in _event_nouns(f, lex, coder)):
        return []
    for ev in reversed(events):
        if ev.negated or (ev.type != "AGREE" and ev.trigger.lower().rstrip("s") not in accords):
            continue
        got = [
            a
            for a in dict.fromkeys([*ev.source, *ev.target])
            if a not in f.source and not any(places.same_side(a, s) for s in f.source)
        ]
        if got:
            f.about, f.guessed = ev.id, "the accord's parties"
            return got
    return []


def _held_release(f: Found, lex: EventLexicon) -> bool:
    """A request of the release of people named only as held ("demanded the release of *the detained
    leaders*", "of the detainees"; lexicon ``held_words``)."""
    held = lex.words("held_words")
    return any(t.lower_ in held for o in _release_nouns(f, lex) for t in o.subtree if t.i != o.i)


def _perpetrators(f: Found, lex: EventLexicon) -> bool:
    """The act's object names its target only as the doers of a deed ("those responsible", "the
    perpetrators"; lexicon ``perpetrator_words``)."""
    words, doc = lex.words("perpetrator_words"), f.head.doc
    # (or of the act a threat pledges: "vowed to punish those responsible")
    pledged = [c for c in f.head.children if c.dep_ == "xcomp"]
    objs = f.clause.objects or [o for c in pledged for o in c.children if o.dep_ == "obj"]
    named = [doc[o.i + 1] for o in objs if o.i + 1 < len(doc)]  # "those [responsible]"
    named += objs
    # (not "those responsible *for the fraud*": another deed)
    return any(w.lower_ in words and not any(case_of(c) == "for" for c in w.children) for w in named)


def _attacker(events: list[Event], f: Found, places: Places) -> list[str]:
    """Who did the latest attack or coercion the story told, on another side than the pursuer's."""
    for ev in reversed(events):
        if ev.type not in ("ASSAULT", "COERCE") or ev.negated or ev.hypothetical:
            continue
        got = [a for a in ev.source if not any(places.same_side(a, s) for s in f.source)]
        if got:
            f.about, f.guessed = ev.id, "who did it"
            return got
    return []


def _release(f: Found, lex: EventLexicon) -> bool:
    """A request whose object is someone's release ("demanded *his release*", "called for the
    release of X", "called for X *to be freed*"); with no one named, only a release of people a
    pronoun refers to ("their")."""
    objs = _release_nouns(f, lex)
    pronoun = any(c.dep_ == "nmod:poss" and c.pos_ == "PRON" for o in objs for c in o.children)
    # "called for X to be freed": the person named, the release a passive "to" clause
    freeing = lex.words("releasing")
    clauses = [c for c in f.head.children if c.dep_ == "xcomp" and lex.lemma_of(c.lower_) in freeing]
    freed = any(a.dep_ == "aux:pass" for c in clauses for a in c.children)
    return (bool(objs) and (bool(f.target) or pronoun)) or (freed and bool(f.target))


def _release_nouns(f: Found, lex: EventLexicon) -> list[Any]:
    """The clause's objects and phrases that name a release ("demanded *the release* of X")."""
    phrases = (*f.clause.objects, *(x for _, x in f.clause.obliques))
    return [o for o in phrases if o.lemma_.lower() in lex.words("release_nouns")]


def _holder(events: list[Event], held: list[str], asking: list[str], here: int) -> list[str]:
    """Who holds the people a release is asked for: the doer of the latest arrest, detention or
    seizure of them, or with no one named, of anyone earlier in the sentence (the request is made
    of the captor)."""
    for ev in reversed(events):
        if ev.type != "COERCE" or set(ev.source) & set(asking):
            continue
        if (not held and ev.start >= here) or set(ev.target) & set(held):
            return [a for a in ev.source if a not in held]
    return []


def _inquiry_asked(f: Found, lex: EventLexicon) -> bool:
    """A request for an inquiry ("called for an investigation into the shooting"): aimed, as a
    reaction is, at the doer of the deed inquired into."""
    inquiries = lex.words("inquiry_nouns")
    return f.coding.type == "REQUEST" and any(c.lemma_.lower() in inquiries for c in f.head.children)
