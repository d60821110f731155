"""Matching the verb patterns of the event lexicon against a clause (PETRARCH's idea, our own
code): the pattern's nouns against the clause's subjects, objects and prepositional phrases, with
the actor slots ("+" any actor, "+person", "+guest", "+body", "+org", "+legislature"); the largest matching
pattern wins."""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet

from newsgraph.actors.facts import is_legislature
from newsgraph.events.cameo import Coding, Noun, Pattern
from newsgraph.events.deps import counted, kind_of
from newsgraph.events.roles import Roles
from newsgraph.events.tree import TITLE_HEADS, Clause, Token, particles, phrase_actors, proper_name

#: the dash of a score ("2-0")
SCORE_DASHES = frozenset({"-", "–"})
#: a pattern noun that stands for any phrase naming an actor (PETRARCH's target marker)
ACTOR_SLOT = "+"
#: our own slot: a phrase headed by a person's name
PERSON_SLOT = "+person"
#: our own slot: a guest, a phrase naming an actor headed by a person's name, a title or a group noun
GUEST_SLOT = "+guest"
#: our own slot: a phrase whose own head names a state or an organisation ("suspended *Mali*")
BODY_SLOT = "+body"
#: our own slot: a phrase whose own head names an organisation ("withdrew from *the Andean Community*")
ORG_SLOT = "+org"
#: our own slot: an organisation named as a legislature ("*the Peruvian Congress* confirmed X")
LEGISLATURE_SLOT = "+legislature"


def present_words(sent: Iterable[Token]) -> set[str]:
    """The lower-case forms and lemmas of a sentence's words: a pattern's noun is matched by one of them
    (see :meth:`~newsgraph.events.cameo.EventLexicon.plausible`)."""
    toks = list(sent)
    return {t.lower_ for t in toks} | {t.lemma_.lower() for t in toks}


class Matcher(Roles):
    """The pattern matching of :class:`~newsgraph.events.coder.Coder`."""

    def noun_key(self, tok: Token) -> str:
        return (tok.lemma_ or tok.text).lower() if tok.lemma_ else tok.lower_

    # ---- patterns ---------------------------------------------------------------------------
    def best(
        self,
        lemma: str,
        cl: Clause,
        offset: int,
        *,
        speech: bool = False,
        generic: bool = False,
        present: AbstractSet[str] | None = None,
    ) -> Coding | None:
        """The most specific matching pattern's coding; a matching ``---`` pattern blocks the verb.

        A verb that is no event by itself (``speech``: "report", "describe", "address") does not take
        an event noun as its object for its own ("reported the attack", "addressed X's arrest"): the
        noun is coded on its own. A verb of many senses (``generic``: "announce", "hold", "find",
        "issue") takes no compiled object pattern at all ("announced its plans" is no intent, "issued a
        hurricane warning" no threat). Our own files' object patterns ("dismissed the claim") still
        apply, and so do the compiled ones of other verbs with no code of their own on things that
        are no events ("recalled its ambassador", "severed ties"). Given the words ``present`` in the
        clause's sentence, only the patterns that may match there are tried (see
        :meth:`~newsgraph.events.cameo.EventLexicon.plausible`).
        """
        obl, objects = self.obliques(cl), self.pattern_objects(cl)
        keys: dict[int, set[str]] = {}  # a token's noun keys, computed once per clause
        # the words the objects may match, as PETRARCH's patterns and as ours (what a partitive counts)
        counts = [counted(o) for o in objects]
        words = {True: self.words_of(objects, keys), False: self.words_of(counts, keys)}
        ranked = self.lex.ranked(lemma) if present is None else self.lex.plausible(lemma, present)
        for p in ranked:  # the largest first: the first match is the best
            object_only = p.compiled and p.post and not p.pre and not p.preps
            if object_only and (generic or (speech and self.event_nouns(p))):
                continue
            if p.post and not self.may_match(p, words[p.compiled]):
                continue  # (a quick test: an object noun no object has)
            if self.matches(p, cl, obl, keys, offset, objects):
                break
        else:
            return None
        coding = self.lex.coding(p.code, p.rule, pattern=p)
        if coding is None and p.reverse:
            coding = self.lex.coding(p.reverse, p.rule, reverse=True, pattern=p)
        if coding is None:  # an explicit non-event ("fell" + "equities") or a statement
            return Coding("", None, p.code, p.rule, pattern=p)
        return coding

    def sent_forces(self, coding: Coding, cl: Clause, offset: int) -> bool:
        """The clause's objects are only what its pattern's set noun names, each a mention of its own
        ("sent *troops* to X", ``&military``): what is sent or used, not whom the act is aimed at."""
        sets = [n for n in coding.pattern.post if n.head.startswith("&")] if coding.pattern else []
        cache: dict[int, set[str]] = {}
        objs = cl.objects
        return bool(sets and objs) and all(
            self.actors.at(o, offset) and any(self.noun_ok(n, o, cache, offset) for n in sets) for o in objs
        )

    def words_of(self, objects: list[Token], cache: dict[int, set[str]]) -> set[str]:
        """Every noun key of ``objects`` (see :meth:`keys_of`)."""
        return {k for o in objects for k in self.keys_of(o, cache)}

    def may_match(self, p: Pattern, words: set[str]) -> bool:
        """Whether each object noun of ``p`` (not a slot) is among ``words``, as :meth:`noun_ok` needs."""
        return all(not words.isdisjoint(w) for w in self.lex.object_words(p))

    def keys_of(self, tok: Token, cache: dict[int, set[str]]) -> set[str]:
        """The words a pattern noun may match ``tok`` by: its form, its lemma and, with its modifiers,
        the compound ("security forces"); computed once per token of a clause."""
        keys = cache.get(tok.i)
        if keys is None:
            keys = cache[tok.i] = {tok.lower_, self.noun_key(tok)}
            left = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod:poss", "flat")]
            if left:
                keys.add(" ".join([*(c.lower_ for c in left), tok.lower_]))
        return keys

    def event_nouns(self, p: Pattern) -> bool:
        """The pattern's objects are event nouns of the noun lexicon ("the attack", "talks")."""
        return self.lex.names_events(p)

    @staticmethod
    def pattern_objects(cl: Clause) -> list[Token]:
        """What a pattern's objects are matched against: the clause's objects (a passive's subjects),
        the verb's particles ("hit *out* at", "hit *back* at": PETRARCH's next word) and, after an
        object, its predicate adjective ("held X *responsible*", "X was found *guilty*", "pleaded not
        *guilty*")."""
        objects = cl.objects or ([*cl.subjects] if cl.passive else [])
        if any(o.dep_ == "obj" for o in objects):  # "sent the police a plan": what was sent, not to whom
            objects = [o for o in objects if o.dep_ != "iobj"]
            # (both parsed as objects: the first, right before the second, is the receiver)
            starts = {x.left_edge.i for x in objects if x.dep_ == "obj"}
            objects = [o for o in objects if o.right_edge.i + 1 not in starts]
        said = [c for c in cl.head.children if c.dep_ == "xcomp" and c.pos_ == "ADJ"]  # ("pleaded *guilty*")
        said += [c for o in cl.objects for c in o.rights if c.dep_ == "amod" and c.pos_ == "ADJ"]  # misparsed
        return objects + [k for o in objects for k in kind_of(o)] + particles(cl.head) + said

    def matches(
        self,
        p: Pattern,
        cl: Clause,
        obl: list[tuple[str, Token]],
        keys: dict[int, set[str]],
        offset: int,
        objects: list[Token],
    ) -> bool:
        subjects = cl.agent if cl.passive else cl.subjects
        if not p.compiled:  # our patterns see what a partitive counts ("met all of X's demands");
            objects = [counted(o) for o in objects]  # PETRARCH's match its head, as PETRARCH did
        if any(not any(self.noun_ok(n, s, keys, offset) for s in subjects) for n in p.pre):
            return False
        if any(not any(self.noun_ok(n, o, keys, offset) for o in objects) for n in p.post):
            return False
        for prep, noun in p.preps:
            cands = [x for c, x in obl if c == prep]
            if not cands:
                return False
            if noun is not None and not any(self.noun_ok(noun, x, keys, offset) for x in cands):
                return False
            if noun is None and p.compiled and not any(self.names_actor(x, offset) for x in cands):
                return False  # "(TO)": a phrase that names someone ("headed to Moscow"), not "to 40 percent"
        return True

    def said_only(self, v: Token, lemma: str) -> bool:
        """A verb that here only says something: a question asked ("asked why ...", "whether ...") with
        no infinitive ("asked X to ..."), or a view stated in a "that" clause with no one named to
        share it with ("conceded that its troops had crossed", "recognized that the talks had failed";
        lexicon ``view_verbs``): no act toward anyone."""
        kids = list(v.children)
        if lemma in self.lex.words("questioning") and not any(c.dep_ == "xcomp" for c in kids):
            words = self.lex.words("question_words")
            return any(c.dep_ in ("ccomp", "advcl") and c.left_edge.lower_ in words for c in kids)
        if lemma not in self.lex.words("view_verbs") or any(c.dep_ in ("obj", "iobj", "obl") for c in kids):
            return False
        return any(c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children) for c in kids)

    def told_someone(self, cl: Clause, offset: int) -> bool:
        """An object that can be told to act ("told X to withdraw"): a name, a pronoun, or a side's
        people or bodies ("wants Chilean *forces* to leave"); not a thing someone owns ("wants Russia's
        *operation* to bring a shift in the world order")."""
        acting = self.lex.words("acting_nouns")
        return any(
            o.pos_ in ("PROPN", "PRON") or self.actors.named_at(o, offset) or o.lemma_.lower() in acting
            for o in cl.objects
        )

    def game(self, cl: Clause) -> bool:
        """A contest won by a score or in a sports match ("beat Peru 2-0 *in the World Cup qualifier*"):
        national teams playing, not states fighting (lexicon ``sport_nouns``)."""
        sports = self.lex.words("sport_nouns")
        words = list(cl.head.subtree)
        score = any(
            a.like_num and b.text in SCORE_DASHES and c.like_num
            for a, b, c in zip(words, words[1:], words[2:], strict=False)
        )
        # (a noun, however the parse hangs it: "in the Copa America [final]"; not "the final battle")
        return score or any({t.lemma_.lower(), t.lower_} & sports and t.dep_ != "amod" for t in words)

    def names_actor(self, tok: Token, offset: int) -> bool:
        """Some actor is named (or referred to) inside the phrase headed by ``tok``."""
        a, b = offset + tok.left_edge.idx, offset + tok.right_edge.idx + len(tok.right_edge.text)
        return next(self.actors.between(a, b), None) is not None

    def noun_ok(self, n: Noun, tok: Token, cache: dict[int, set[str]], offset: int) -> bool:
        if n.head == ACTOR_SLOT:  # PETRARCH's "+": a phrase that is an actor (not "the *Hero of the USSR*")
            return self.names_actor(tok, offset) and bool(phrase_actors(tok, self.actors, offset))
        if n.head == PERSON_SLOT:  # a phrase whose own head names a person ("fired *James Comey*")
            own = self.actors.at(tok, offset)  # or a title with the person's name ("the chief, X")
            own = own or (phrase_actors(tok, self.actors, offset) if tok.lower_ in TITLE_HEADS else [])
            return any(self.actors.type_of(a) == "PERSON" for a in own)
        if n.head == LEGISLATURE_SLOT:
            own = [self.actors.entities[a] for a in self.actors.at(tok, offset)]
            return any(e.type == "ORG" and is_legislature([e.name], e.kb_id) for e in own)
        if n.head in (BODY_SLOT, ORG_SLOT):
            kinds = ("ORG",) if n.head == ORG_SLOT else ("STATE", "ORG")
            return any(self.actors.type_of(a) in kinds for a in self.actors.at(tok, offset))
        if n.head == GUEST_SLOT:  # "received *Putin*", "*the movement's chief*", "*a delegation of X*"
            if any(self.actors.type_of(a) == "PERSON" for a in self.actors.at(tok, offset)):
                return True
            group = tok.lower_ in TITLE_HEADS or tok.lower_ in self.lex.words("guest_nouns")
            return group and bool(phrase_actors(tok, self.actors, offset))
        if self.keys_of(tok, cache).isdisjoint(self.lex.noun_words(n)) or proper_name(tok):
            return False  # (a capitalised word: "awarded the *Order* of the Sun" is a name, not an order)
        mods = {c.lower_ for c in tok.children} | {self.noun_key(c) for c in tok.children}
        for m in n.mods:
            want = self.lex.synsets.get(m[1:], frozenset()) if m.startswith("&") else {m}
            if not mods & want:
                return False
        return True
