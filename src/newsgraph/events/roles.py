"""Who an event's participants are, read from the clause: the actors of its phrases, its
prepositional target, the target of a verb it controls or of its reported content, the nearest
name where the tree gives none, its place. :class:`Roles` is the base of the event
:class:`~newsgraph.events.coder.Coder`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsgraph.events.cameo import EventLexicon
from newsgraph.events.deps import CHOICE_NOUNS, kind_of, relative_maker, through_nouns
from newsgraph.events.speech import is_media
from newsgraph.events.stance import stance
from newsgraph.events.subjects import claimant_clause, glued_claim
from newsgraph.events.tree import (
    POLICIES,
    TIME_NAMES,
    ActorIndex,
    Clause,
    Token,
    case_of,
    conjuncts,
    phrase_actors,
)
from newsgraph.text import lexicons

#: how far (in words) the fallback looks for a participant, and where it stops
NEAR = 8
#: what an actor's own side may be when an act is done to it: its state, or its region or city (a
#: governor's, a mayor's emergency)
HOME_TYPES = frozenset({"STATE", "LOCATION"})
STOPS = frozenset({";", ":", "(", ")", "—", "–", '"', "“", "”"})
#: verbs of a reported clause that state what someone is or has, not what they did
STATE_VERBS = frozenset({"be", "have"})
#: parts of a subject's phrase that cannot follow its verb: the parse's, hung on the wrong noun
LATE_PARTS = frozenset({"appos", "conj"})
#: arrests and detentions (CAMEO 173): of people or bodies, never of a place
ARRESTS = frozenset({"173"})
#: envoys, whose "in" phrase names the state they are posted to
ENVOYS = lexicons.words("actors.envoy_nouns")
#: relatives: what is done to "the brother of X" is not done to X
KIN = lexicons.words("actors.kin_nouns")
NO_TARGET_HEADS = POLICIES | KIN  # (policies and relatives: no one their phrases name is done to)
#: people who do not act for their state: a demonym on them names no doer ("Peruvian *tourists* visited X")
PRIVATE_PEOPLE = lexicons.words("actors.demonym_private_nouns")


def absolute(x: Token) -> bool:
    """A "with" phrase that is a clause of its own, its noun the subject of a participle after it
    ("declared an emergency, *with* X *following* suit"): no partner of the verb."""
    after = x.right_edge.i + 1
    if after < len(x.doc) and x.doc[after].tag_ == "VBG":  # the parse hung the participle elsewhere
        return True
    return any(c.dep_ in ("acl", "advcl") and c.tag_ in ("VBG", "VBN") and c.i > x.i for c in x.children)


def description_top(t: Token) -> Token | None:
    """The indefinite noun phrase a name is part of ("*a* Republican", "*a* self-described Neo-Nazi",
    "*a member* of the Proud Boys"): a description of someone, not who acts; None when it is none."""
    while t.dep_ in ("compound", "flat", "flat:name") and t.head.i != t.i:
        t = t.head
    if t.dep_ == "nmod" and case_of(t) == "of" and t.head.pos_ == "NOUN":
        t = t.head
    return t if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children) else None


#: the phrases that name a claim's author ("the statement *by X*", "the claims *of X*", "*from X*")
AUTHOR_CASES = frozenset({"by", "of", "from"})
AUTHOR_DEPS = frozenset({"nmod", "obl", "obl:agent"})


#: the case of a recipient the parse may hang inside an object ("fuel *to X*")
TO = "to"


class Roles:
    """The participant lookups of the event coder (over its lexicon, actors and knowledge base)."""

    lex: EventLexicon
    actors: ActorIndex
    kb: Any | None

    def claim_authors(self, cl: Clause, offset: int, nouns: str = "claim_nouns") -> list[str] | None:
        """Who made the claim a judging verb's object is ("called *the statement by X* false",
        "described *X's claims* as baseless"), or brought the lawsuit a court dismissed (``nouns``
        "suit_nouns": "dismissed *a Trump lawsuit*", "rejected a lawsuit *filed by X*"): the noun's
        possessor, modifier or by/of/from phrase (also on a participle: "the accusations *made by
        X*"), else the verb's by/from phrase; None when the object is no such noun."""
        claims = [o for o in cl.objects if (o.lemma_ or o.lower_).lower() in self.lex.words(nouns)]
        if not claims:
            return None
        heads = claims + [a for o in claims for a in o.children if a.dep_ == "acl"]
        parts = [
            c
            for h in heads
            for c in h.children
            if c.dep_ in ("nmod:poss", "compound") or (c.dep_ in AUTHOR_DEPS and case_of(c) in AUTHOR_CASES)
        ]
        parts += [x for case, x in cl.obliques if case in AUTHOR_CASES]
        return self.actors_of(parts, offset)

    def homes(self, source: list[str]) -> list[str]:
        """The states, regions or cities the source actors belong to (a governor's, a mayor's): where
        an act naming no one is done ("declared an emergency", "deployed the national guard")."""
        return [h for h in self.own_homes(source) if self.actors.type_of(h) in HOME_TYPES]

    def own_homes(self, source: list[str]) -> list[str]:
        """What the source actors belong to (:meth:`home_of`), other than the sources themselves nor
        a home's own home ("Puerto Rico's governor resigned": from Puerto Rico's office, not the US's)."""
        homes = {s: self.home_of(s) for s in source}
        got = [h for s, h in homes.items() if s not in homes.values() and h and h not in source]
        return list(dict.fromkeys(got))

    def home_of(self, eid: str) -> str | None:
        """The document actor ``eid`` belongs to: its affiliation, else the one state all its KB roles
        are of (Phoenix codes open with the state: "USAGOV"), when the document names that state."""
        aff = self.actors.affiliation_of(eid)
        ent = self.actors.entities.get(eid)
        if aff or ent is None or not ent.kb_id or self.kb is None:
            return aff
        entry = self.kb.get(ent.kb_id)
        states = {code[:3] for code, _, _ in (entry.cameo if entry is not None else ())}
        if len(states) != 1:
            return None
        kb_id = f"state:{states.pop()}"
        return next((e.id for e in self.actors.entities.values() if e.kb_id == kb_id), None)

    def obliques(self, cl: Clause) -> list[tuple[str, Token]]:
        """The clause's prepositional phrases, its objects' ones included ("sanctions on X"); a
        particle with an object reads as a preposition too ("called on Japan to ...")."""
        out = list(cl.obliques)
        for o in cl.objects:
            if o.lemma_.lower() in NO_TARGET_HEADS:  # "endorsed an audit of X", "arrested the brother of X"
                continue  # (no act towards X)
            for x in (o, *kind_of(o)):  # "a new kind of war [against X]": the phrases of the thing too
                out += [(case_of(c), c) for c in x.children if c.dep_ == "nmod" and case_of(c)]
        prt = [c.lower_ for c in cl.head.children if c.dep_ == "compound:prt"]
        out += [(p, o) for p in prt for o in cl.objects]
        return out

    def victims(self, objects: list[Token], offset: int) -> set[str]:
        """The actors an event noun among ``objects`` is done to (its target phrases: "the killing *of
        X*", "the attack *on X*"), whom criticism of the act does not accuse."""
        out: set[str] = set()
        for o in objects:
            spec = self.lex.noun_spec(o.lemma_ or o.text, o.lower_)
            if spec is None or self.lex.noun_coding(spec) is None:
                continue
            cases = set(spec.get("target") or ()) - {"by"}
            phrases = [c for c in o.children if c.dep_ == "nmod" and case_of(c) in cases]
            out.update(self.actors_of(phrases, offset))
        return out

    def harmed(self, causes: list[Token], offset: int, cases: frozenset[str] = frozenset()) -> set[str]:
        """Whose harm a phrase names ("jailed *for her murder*": her, the victim; with ``cases``, also
        the harm noun's phrases of those prepositions: "condemned the detention *of X*")."""
        harms = self.lex.words("harm_nouns")
        owned = [c for x in causes if x.lemma_.lower() in harms for c in x.children]
        owners = [c for c in owned if c.dep_ == "nmod:poss" or (c.dep_ == "nmod" and case_of(c) in cases)]
        return set(self.actors_of(owners, offset))

    def operation_agent(self, cl: Clause, offset: int) -> list[str]:
        """Who did a passive act with no agent, from the operation it was done in: "was killed in a
        *US* counter-terrorism operation", "died in an *Israeli* airstrike" (the operation noun's own
        modifiers, not its place: "in the Afghanistan region"), or the chooser of the role it gave the
        subject ("was named the nominee *of X*")."""
        cases, nouns = self.lex.words("operation_cases"), self.lex.words("operation_nouns")
        for case, x in cl.obliques:
            if case in cases and x.lemma_.lower() in nouns:
                mods = [c for c in x.children if c.dep_ in ("compound", "amod", "nmod:poss")]
                got = self.actors_of(mods, offset)
                if got:
                    return got
        chosen = [x for case, x in cl.obliques if case == "as" and x.lemma_.lower() in CHOICE_NOUNS]
        return self.actors_of([c for x in chosen for c in x.children if case_of(c) == "of"], offset)

    def own_side(self, eid: str, source: list[str]) -> bool:
        """True when actor ``eid`` is a source or what a source belongs to (its affiliation)."""
        return any(eid in (s, self.actors.affiliation_of(s)) for s in source)

    def nearest(self, v: Token, offset: int, *, before: bool, exclude: set[str]) -> list[str]:
        """When the parse gives no subject (object) actor: the closest actor named before (after) the
        predicate, within :data:`NEAR` words, inside the predicate's own phrase (after) or its
        governing clause (before), not across a clause stop or from a prepositional phrase; never a
        demonym's adjective ("trust the American people") or a news outlet ("according to NPR")."""
        sent = v.sent
        toks = list(sent[: v.i - sent.start])[::-1] if before else list(sent[v.i - sent.start + 1 :])
        scope = v.head if before else v
        lo, hi = scope.left_edge.i, scope.right_edge.i
        described: set[str] = set()
        skipped: set[int] = set()  # the words of a description, which do not count in the distance
        k = 0
        for t in toks:
            if t.i in skipped:
                continue
            if k >= NEAR or t.text in STOPS or not (lo <= t.i <= hi):
                return []
            k += 1
            known = exclude | described
            got = [a for a in self.actors.named_at(t, offset) if a not in known and not self.media(a)]
            top = description_top(t) if got and before else None
            if top is not None:  # "X, a self-described Neo-Nazi, killed ...", "X, a member of Y, ...": X
                described.update(got)
                skipped.update(range(top.left_edge.i, top.right_edge.i + 1))
                continue
            cases = {c.lower_ for c in t.children if c.dep_ == "case"}
            # "in Iraq, ...", "with X": not the subject; "remained in Iraq", "met in Lima, *Peru*'s
            # capital": a place (or the venue's owner), no target
            if got and (cases if before else self._placed(t, v, offset, got, cases)):
                continue
            if got and cases & self.lex.words("comparison_cases"):
                continue  # "the decriminalization of drugs like Portugal": a comparison, no target
            if got and not before and any(a.i > v.i and a.lemma_.lower() in POLICIES for a in t.ancestors):
                return []  # "called for the nationalization of X": a policy about X, no one it is asked of
            if got:
                return got
        return []

    def _placed(self, t: Token, v: Token, offset: int, got: list[str], cases: set[str]) -> bool:
        """``t`` (naming ``got``) is inside a phrase of place below ``v``: its own ("in Iraq") or an
        outer one ("met in Lima, *Peru*'s capital"), not one of its own name's words ("in Costa Rica"
        is for the name's head to say)."""
        out = set(cases)
        own, cur = True, t
        while cur.head.i not in (cur.i, v.i):
            own = own and not set(got).isdisjoint(self.actors.named_at(cur.head, offset))
            cur = cur.head
            if not own:
                out |= {c.lower_ for c in cur.children if c.dep_ == "case"}
        return not out.isdisjoint(self.lex.words("place_cases"))

    def platform(self, eid: str) -> bool:
        """A platform one publishes on ("on Twitter", "via Facebook"; not "called on Fox News")."""
        return self.actors.entities[eid].name.lower() in self.lex.words("platforms")

    def media(self, eid: str) -> bool:
        """A news outlet (the knowledge base's kind ``media``, or an outlet word ending its name)."""
        return is_media(self.actors.entities[eid], self.kb)

    def object_actors(self, cl: Clause, offset: int) -> list[str]:
        got = self.actors_of(cl.subjects if cl.passive else cl.objects, offset)
        if not cl.passive and (slate := self.slate_people(cl.objects, offset)):
            return list(dict.fromkeys([*got, *slate]))
        if got or cl.passive or not cl.objects:
            return got
        # "impeached two presidents, X and Y": the names the parse hung on the verb after a comma
        last = max(o.right_edge.i for o in cl.objects)
        loose = [
            c
            for c in cl.head.children
            if c.dep_ in ("dep", "appos", "conj")
            and c.pos_ == "PROPN"
            and c.i > last
            and c.doc[c.i - 1].text == ","
        ]
        return self.actors_of(loose, offset)

    def named_done_to(self, cl: Clause, offset: int) -> bool:
        """Whether the clause's objects name someone the act is done to, not only where the object is
        ("released a documentary *in Peru*", "hosted a summit *in Lima*": no one)."""
        cases = self.lex.words("place_cases")
        where = [c for o in cl.objects for c in o.children if c.dep_ == "nmod" and case_of(c) in cases]
        return bool(set(self.object_actors(cl, offset)) - set(self.actors_of(where, offset)))

    def slate_people(self, objects: list[Token], offset: int) -> list[str]:
        """Everyone a ticket or slate names ("nominated a ticket of X for president and Y for vice
        president", however the parse hangs the second name), ``slate_nouns`` in the lexicon."""
        slates = [o for o in objects if o.lemma_.lower() in self.lex.words("slate_nouns")]
        named = [c for o in slates for c in o.children if c.dep_ in ("nmod", "appos", "conj")]  # (no clause)
        return [e for e in self.actors_of(named, offset) if self.actors.type_of(e) == "PERSON"]

    def actors_of(self, toks: Iterable[Token], offset: int) -> list[str]:
        out: list[str] = []
        for t in toks:
            out += phrase_actors(t, self.actors, offset)
        return list(dict.fromkeys(out))

    def private_doers(self, toks: Iterable[Token], offset: int) -> set[str]:
        """The states named only by a demonym on private people who do something ("Peruvian *tourists*
        visited X", "Chilean *students* protested"): not the state's act. (Done *to* such people, it is
        done to their state: "detained two Peruvian fishermen".)"""
        out: set[str] = set()
        for t in toks:
            if t.lemma_.lower() not in PRIVATE_PEOPLE and t.lower_ not in PRIVATE_PEOPLE:
                continue
            for c in (c for c in t.children if c.dep_ in ("amod", "compound") and c.i < t.i):
                a = offset + c.idx
                out |= {m.entity for m in self.actors.between(a, a + len(c.text)) if m.kind == "demonym"}
        return out

    def arrested_place(self, cameo: str | None, eid: str) -> bool:
        """A place as the target of an arrest ("arrested dozens of people *in Cairo*"): no target."""
        return cameo in ARRESTS and self.actors.type_of(eid) == "LOCATION"

    def after_verb(self, cl: Clause, v: Token, offset: int) -> set[str]:
        """The actors of appositions the parse hung on a subject that follow its verb ("Chilean
        warplanes [bombed] villages in X", "jets bombed areas near X, the capital of Y"): the
        object's phrase, not the subject's."""
        late = [c for x in cl.subjects if x.i < v.i for c in x.children if c.i > v.i and c.dep_ in LATE_PARTS]
        return self.actors.in_phrases(late, offset)

    def oblique_target(
        self,
        cl: Clause,
        offset: int,
        *,
        exclude: set[str],
        place: str | None,
        skip: frozenset[int] = frozenset(),
    ) -> list[str]:
        # "defended its sovereignty *against* X", "evacuated its citizens *from* X": not aid to X
        shields = cl.head.lemma_.lower() in self.lex.words("shielding")
        shielded = self.lex.words("shielding_cases") if shields else frozenset()
        for case in self.lex.ordered.get("target_cases", ()):
            for c, x in self.obliques(cl):
                if c != case or x.i in skip or (c == "with" and absolute(x)) or x.text in TIME_NAMES:
                    continue  # ("on Tuesday, defying warnings from X": a day, whatever hangs on it)
                if c in shielded:
                    continue
                if x.lemma_.lower() in self.lex.words("setting_nouns"):
                    continue  # "met on the sidelines of the G20 summit": where, not with whom
                got = [a for a in self.actors_of([x], offset) if a not in exclude and a != place]
                if c in ("on", "via") and got and all(self.platform(a) for a in got):
                    continue  # "praised the report on Twitter": where it was said, not to whom
                if got:
                    return got
        # "withdrew from a treaty with Iran", "pulled out of the deal with X": the partner of the thing
        for _c, x in self.obliques(cl):
            for c in x.children:
                if c.dep_ == "nmod" and case_of(c) in self.lex.words("partner_cases"):
                    got = [a for a in self.actors_of([c], offset) if a not in exclude and a != place]
                    if got:
                        return got
        return []

    def helps_act(self, v: Token, lemma: str) -> bool:
        """Help given with an act named right after the verb, to no one ("helped negotiate the deal",
        "helped to end the war"): the act is the event, not aid (``helping`` verbs)."""
        if lemma not in self.lex.words("helping"):
            return False
        after = [t.lower_ for t in v.doc[v.i + 1 : v.i + 3]]
        acts = [c for c in v.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
        return any(c.i == v.i + 1 or (c.i == v.i + 2 and after[0] == "to") for c in acts)

    def office_of(self, cl: Clause, offset: int) -> list[str]:
        """Whose office an "as" phrase names ("resigned *as leader of X*", "*as X's foreign minister*"):
        X, for an act done from an office."""
        offices = [
            x for c, x in cl.obliques
            if c == "as" and any(case_of(n) == "of" or n.dep_ == "nmod:poss" for n in x.children)
        ]
        return self.actors_of(offices, offset)

    def fought_over(self, lemma: str, cl: Clause, source: list[str]) -> frozenset[int]:
        """The phrases of what two sides fought about ("X and Y fought a war *over* Z"): no target."""
        if lemma not in self.lex.words("fighting_verbs") or len(source) < 2:
            return frozenset()
        return frozenset(x.i for c, x in self.obliques(cl) if c in self.lex.words("topic_cases"))

    def posted_in(self, cl: Clause, offset: int, *, exclude: set[str]) -> list[str]:
        """The state an envoy object is posted in ("recalled its ambassador *in Quito*"; the parse
        hangs the phrase on the verb), where "in" is no target of the verb's own."""
        if not any(o.lemma_.lower() in ENVOYS for o in cl.objects):
            return []
        got = [a for c, x in self.obliques(cl) if c == "in" for a in self.actors_of([x], offset)]
        return [a for a in got if self.actors.type_of(a) == "STATE" and a not in exclude]

    def protested_at(self, cl: Clause, offset: int, *, exclude: set[str]) -> list[str]:
        """The government whose seat a protest is held at ("protested outside the White House", "in
        front of the Kremlin"): an organisation or state a ``protest_sites`` phrase names, not a square."""
        return self._phrase_actor(cl, offset, "protest_sites", ("ORG", "STATE"), exclude)

    def trip_state(self, cl: Clause, offset: int, *, exclude: set[str]) -> list[str]:
        """The state a trip's place phrase names ("arrived *in Peru*"); places are the event's venue."""
        return self._phrase_actor(cl, offset, "place_cases", ("STATE",), exclude)

    def _phrase_actor(
        self, cl: Clause, offset: int, cases: str, types: tuple[str, ...], exclude: set[str]
    ) -> list[str]:
        """The first actor of one of ``types`` that a phrase of the clause opened by a preposition of
        lexicon list ``cases`` names, other than ``exclude``."""
        opened = self.lex.words(cases)
        got = [a for c, x in self.obliques(cl) if c in opened for a in self.actors_of([x], offset)]
        return [a for a in got if self.actors.type_of(a) in types and a not in exclude][:1]

    def consequence_target(self, cl: Clause, offset: int, *, exclude: set[str]) -> list[str]:
        """Whom a warning of consequences is aimed at, named inside the consequences' phrase ("warned
        of serious consequences *for its relations with X*"): its first actor other than ``exclude``,
        reached through nouns only (lexicon ``consequence_nouns``, ``consequence_cases``)."""
        nouns, cases = self.lex.words("consequence_nouns"), self.lex.words("consequence_cases")
        for x in [*cl.objects, *(x for c, x in self.obliques(cl) if c == "of")]:
            if x.lemma_.lower() not in nouns:
                continue
            for t in x.subtree:
                if t.dep_ != "nmod" or case_of(t) not in cases or not through_nouns(t, x):
                    continue
                if got := [a for a in self.actors_of([t], offset) if a not in exclude]:
                    return got
        return []

    def summed_up(self, cl: Clause, offset: int) -> list[str]:
        """Who made the charge a noun after a clause sums up ("X accused Y of Z, *a charge* W
        dismissed"): the subject of the clause the noun is coordinated with or set beside."""
        glued = glued_claim(cl.head, self.lex.words("claim_nouns"))
        for o in cl.objects:
            if o.dep_ in ("conj", "appos", "parataxis", "dep") and o.head.pos_ in ("VERB", "AUX"):
                return self.actors_of(Clause.of_verb(o.head).subjects, offset)
            if o.dep_ == "appos" and o.head.dep_ in ("nsubj", "ROOT"):  # the parse set it beside its maker
                return self.actors_of([o.head], offset)
            if (sent := relative_maker(cl.head, o)) is not None:  # "X sent Y a plan, which Y rejected": X's
                return self.actors_of(Clause.of_verb(sent).subjects, offset)
            made = claimant_clause(cl.head, o) if glued is not None and glued[1].i == o.i else None
            answerer = set(self.actors_of(cl.subjects, offset))
            while made is not None:  # the parse glued the noun to the answering name: the first
                got = self.actors_of(Clause.of_verb(made).subjects, offset)  # clause up that names one
                if set(got) - answerer:  # other than the answerer ("X said [Y] had attacked, a claim
                    return got  # Y rejected": X's claim)
                made = claimant_clause(made, o)
        return []

    def between_sides(self, cl: Clause, offset: int) -> list[str]:
        """The two or more sides a "between" phrase of the clause names ("clashed between X and Y")."""
        for case, x in self.obliques(cl):
            got = self.actors_of([x], offset) if case == "between" else []
            if len(got) > 1:
                return got
        return []

    def recipient_target(self, cl: Clause, offset: int, *, exclude: set[str], place: str | None) -> list[str]:
        """Who gets what the object names, where the parse hung the "to" phrase inside the object
        ("pledged $50 million in aid *to Yemen*", "offered a loan of $2 billion *to Egypt*")."""
        cases = self.lex.words("recipient_cases")
        layer = list(cl.objects)
        for _ in range(2):
            layer = [c for t in layer for c in t.children if c.dep_ == "nmod"]
            for c in layer:
                got = [a for a in self.actors_of([c], offset) if a not in exclude and a != place]
                if case_of(c) in cases and got:
                    return got
        return []

    def deed_author(self, cl: Clause, offset: int, *, exclude: set[str]) -> list[str]:
        """Whose deed an active verb's object is, named in a "by" phrase however the parse hung it
        ("criticised the ruling *by Judge X*"): whom a reaction to the deed is aimed at."""
        if cl.passive or not cl.objects or any(self.actors.at(o, offset) for o in cl.objects):
            return []
        by = [o for c, o in self.obliques(cl) if c == "by"]
        named = self.actors_of(by, offset)
        return [a for a in named if a not in exclude and self.actors.type_of(a) != "LOCATION"]

    def complement_target(
        self, cl: Clause, offset: int, *, exclude: set[str], place: str | None
    ) -> list[str]:
        """Whom the verb a predicate controls is done to: its object, else its prepositional target
        ("refused to sign *the deal with Iran*", "declined to hand over documents *to Congress*")."""
        # ("refused on Sunday to sign X": the parse may make the complement a clause of purpose)
        bare = not any(c.dep_ in ("obj", "xcomp") for c in cl.head.children)
        for c in cl.head.children:
            to = any(x.dep_ == "mark" and x.lower_ == "to" for x in c.children)
            controlled = c.dep_ == "xcomp" or (c.dep_ == "advcl" and bare)
            if not controlled or not c.tag_.startswith("VB") or c.i < cl.head.i or not to:
                continue
            inner = Clause.of_verb(c)
            moved = c.lemma_.lower() in self.lex.words("transfer_verbs")  # "to extradite X *to Y*": Y
            got = [a for a in self.actors_of(inner.objects, offset) if a not in exclude and a != place]
            if got and not (moved and any(case == TO for case, _ in inner.obliques)):
                return got
            # a verb the parse took for a noun ("to [hand] over the documents to X") has nmods
            phrases = [x for _case, x in inner.obliques] + [x for x in c.children if x.dep_ == "nmod"]
            phrases += [y for x in phrases for y in x.children if y.dep_ == "nmod"]
            # "to provide 1,000 tonnes of fuel [to X]": the parse hung the recipient inside the object
            phrases += [y for o in inner.objects for y in o.subtree if y.dep_ == "nmod" and case_of(y) == TO]
            inner.obliques = [(case_of(x), x) for x in phrases if case_of(x)]
            got = self.oblique_target(inner, offset, exclude=exclude, place=place)
            return [a for a in got if not self.media(a)]  # "agreed to answer questions *for Wikinews*"
        return []

    def content_target(self, v: Token, offset: int, *, exclude: set[str], deed: bool = False) -> list[str]:
        """The subject of a reported clause: who a claim, demand or threat is about. With ``deed``
        (an accusation), only the doer of a deed, or whom the clause judges badly: not the subject
        of a passive, of "have" or of a neutral copula ("claimed 790 soldiers had been killed",
        "claimed Lincoln was the last", "the government has enough money" state facts about them;
        "claimed X is a failed state" and "claimed X's plan is a surrender" judge X). A clause
        reported inside the reported one counts too ("claimed the pandemic shows X is ...")."""
        clauses = [c for c in v.children if c.dep_ == "ccomp"]
        clauses += [x for c in clauses for x in c.children if x.dep_ == "ccomp"]
        for c in clauses:
            if deed and not self.judges(c):
                continue
            subj = [x for x in c.children if x.dep_ in (("nsubj",) if deed else ("nsubj", "nsubj:pass"))]
            got = [a for a in self.actors_of(subj, offset) if a not in exclude]
            if got:
                return got
        return self.argued_target(v, offset, exclude=exclude)

    def judges(self, c: Token) -> bool:
        """Whether a reported clause tells of its subject's deed or judges it: not a neutral
        statement of what it is or has ("Lincoln was the last", "the government has money")."""
        if c.lemma_.lower() not in STATE_VERBS and not any(x.dep_ == "cop" for x in c.children):
            return True
        owned = any(  # "X's plan is not a solution"
            x.dep_ == "nsubj" and x.pos_ == "NOUN" and any(y.dep_ == "nmod:poss" for y in x.children)
            for x in c.children
        )
        judged = stance(" ".join(t.text for t in c.subtree), self.lex, "claim", short=True)
        return owned or (judged is not None and judged.type == "ACCUSE")

    def argued_target(self, v: Token, offset: int, *, exclude: set[str]) -> list[str]:
        """The first actor named after an "arguing"/"saying" participle of the predicate's phrase
        ("criticized the move, arguing X was sowing chaos"), wherever the parse hung it."""
        for p in v.subtree:
            if p.tag_ != "VBG" or p.lemma_ not in self.lex.words("arguing") or p.i == v.i:
                continue
            for t in p.subtree:
                got = [a for a in self.actors.at(t, offset) if a not in exclude] if t.i > p.i else []
                if got:
                    return got
        return []

    def place(self, cl: Clause, offset: int, kinds: tuple[str, ...] = ("LOCATION",)) -> str | None:
        """The venue: a place in an "in"/"at" phrase of the clause, else of the clause that governs it
        ("met X on Monday in Doha", "arrived in Doha to meet X"); ``kinds`` are the actor types
        that may be one (a state too, for where an act was done: "arrested in Chile")."""
        got = self.place_in(self.obliques(cl), offset, kinds)
        head = cl.head.head
        if (
            got is None
            and head.i != cl.head.i
            and cl.head.dep_ in ("xcomp", "advcl", "conj")
            and head.pos_ == "VERB"
        ):
            got = self.place_in(Clause.of_verb(head).obliques, offset, kinds)
        return got

    def struck_in(
        self, cl: Clause, nouns: list[Token], offset: int, exclude: set[str], *, aimed: bool = False
    ) -> list[str]:
        """Where an attack that names no one was made ("struck targets *in X*", "launched air strikes
        *across X*"): the state or place a "struck_cases" phrase of the clause or of its nouns names."""
        phrases = [*cl.obliques, *((case_of(c), c) for n in nouns for c in n.children if c.dep_ == "nmod")]
        # ... and, for shots (``aimed``), the place of what they were fired at ("at the palace *in X*")
        aims = [x for case, x in phrases if aimed and case in self.lex.words("aimed_cases")]
        phrases += [(case_of(c), c) for x in aims for c in x.children if c.dep_ == "nmod"]
        return struck_places(phrases, self.actors, self.lex.words("struck_cases"), offset, exclude)

    def place_in(
        self, obliques: list[tuple[str, Token]], offset: int, kinds: tuple[str, ...] = ("LOCATION",)
    ) -> str | None:
        for c, x in obliques:
            if c in self.lex.words("place_cases"):
                for a in self.actors_of(conjuncts(x), offset):
                    if self.actors.type_of(a) in kinds:
                        return a
        return None

    def placed(self, spec: dict[str, Any], target: list[str]) -> list[str]:
        """Only the places among ``target`` for a noun done only to places ("took control of X": not
        a legislature won in an election)."""
        if not spec.get("places"):
            return target
        return [t for t in target if self.actors.type_of(t) in ("STATE", "LOCATION")]

    def armed_backing(self, f: Any, backed: list[Token]) -> None:
        """Backing an armed group is military aid (CAMEO 072): "an Iranian-backed *militia*", "the
        *rebels* are backed by X", "*militias* backed by X", "X backs the *rebels*"."""
        armed = self.lex.words("armed_groups")
        if f.lemma in self.lex.words("backing") and any(n.lower_ in armed for n in backed):
            f.coding = (
                self.lex.coding("072", f.coding.rule + " (backing an armed group: military aid)") or f.coding
            )


def struck_places(
    phrases: list[tuple[str, Token]],
    actors: ActorIndex,
    cases: frozenset[str],
    offset: int,
    exclude: set[str],
) -> list[str]:
    """The states or places the first of ``phrases`` opened by one of ``cases`` names (see
    :meth:`Roles.struck_in`), also inside a phrase that names no one ("fired rockets at towns
    *across X*")."""
    inner = [
        (case_of(c), c)
        for _, x in phrases
        if not phrase_actors(x, actors, offset)
        for c in x.children
        if c.dep_ == "nmod"
    ]
    for case, x in [*phrases, *inner]:
        if case in cases:
            got = [a for a in phrase_actors(x, actors, offset) if a not in exclude]
            got = [a for a in got if actors.type_of(a) in ("STATE", "LOCATION")]
            if got:
                return got
    return []
