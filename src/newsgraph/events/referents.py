"""What a reaction's object stands for when it names no one: the author of a report rejected ("the
army rejected the report as unfounded": whoever published it), and the deed a bare "it" stands for
("We condemn it": the latest hostile act the story told just before)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from newsgraph.events.cameo import EventLexicon
from newsgraph.events.coder import Found
from newsgraph.events.deps import Token, case_of
from newsgraph.events.tree import ActorIndex, Clause, phrase_actors
from newsgraph.models import Event
from newsgraph.text.parsed import select

#: how far before its sentence a deed "it" stands for may be told, in characters (about two sentences)
DEED_WINDOW = 400
#: how far before a rejection the report it rejects may be told, in characters
REPORT_WINDOW = 1500
#: a report's own phrases that name its author ("Amnesty's report", "a UN report", "a report by X")
OWNER_DEPS = frozenset({"nmod:poss", "compound"})
BY = frozenset({"by", "from"})

#: what a bare "it" may stand for, by the reaction: a hostile deed is blamed ("We condemn it"), a charge
#: or a demand rejected ("Y rejected it")
IT_STANDS_FOR = {
    "ACCUSE": frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN", "MOBILIZE"}),
    "REJECT": frozenset({"ACCUSE", "REQUEST"}),
}
#: (where a report noun stands, its authors, if it names any) for each report of a document
Reports = list[tuple[int, list[str]]]
#: whether two actors are of one side
SameSide = Callable[[str, str], bool]


def report_authors(parses: Sequence[tuple[int, Any]], actors: ActorIndex, lex: EventLexicon) -> Reports:
    """Each report noun of the document (lexicon ``report_nouns``) with the actors who wrote it, if any:
    named in its own phrase, or the subject of the verb that publishes it ("X published a report",
    lexicon ``publishing``; "X, which published a report": X) or speaks in it ("X said in a report")."""
    nouns = lex.words("report_nouns")
    return [
        (offset + t.idx, _authors(t, actors, offset, lex))
        for offset, t in select(parses, pos=("NOUN",))
        if t.lemma_.lower() in nouns
    ]


def _authors(t: Token, actors: ActorIndex, offset: int, lex: EventLexicon) -> list[str]:
    own = [c for c in t.children if c.dep_ in OWNER_DEPS or (c.dep_ == "nmod" and case_of(c) in BY)]
    got = [a for c in own for a in phrase_actors(c, actors, offset)]
    v = t.head
    published = t.dep_ == "obj" and v.lemma_.lower() in lex.words("publishing")
    if got or v.i == t.i or not (published or (t.dep_ == "obl" and case_of(t) == "in")):
        return got
    return [a for s in Clause.of_verb(v).subjects for a in phrase_actors(s, actors, offset)]


def report_author(reports: Reports, f: Found, lex: EventLexicon, same_side: SameSide) -> list[str]:
    """Who wrote the report a clause rejects without naming its author ("rejected the report as
    unfounded"): the authors of the latest report told before it (within :data:`REPORT_WINDOW`
    characters), of another side; none when that report names no author ("The reports said ...")."""
    if not any(o.lemma_.lower() in lex.words("report_nouns") for o in f.clause.objects):
        return []
    at = f.offset + f.head.idx
    told = [r for r in reports if at - REPORT_WINDOW <= r[0] < at]
    got = [a for a in max(told)[1] if not any(same_side(a, s) for s in f.source)] if told else []
    f.guessed = "who wrote the report" if got else f.guessed
    return got


def deed_it(events: list[Event], f: Found, lex: EventLexicon, same_side: SameSide) -> list[str]:
    """Whose deed a judgement or rejection of a bare "it" is about ("Chile raided the post. 'We condemn
    it,' said Peru"): the doer of the latest act of a kind it may stand for (:data:`IT_STANDS_FOR`),
    told in the two sentences before or earlier in its own, by another side (``deed_pronouns``)."""
    objs, kinds = f.clause.objects, IT_STANDS_FOR.get(f.coding.type, frozenset())
    it = len(objs) == 1 and objs[0].lower_ in lex.words("deed_pronouns")
    if not kinds or not (it or bare_reaction(f, lex)):
        return []
    at, since = f.offset + f.head.idx, f.offset + f.head.sent.start_char - DEED_WINDOW
    told = [e for e in events if since <= e.start < at and e.type in kinds and not e.negated]
    for ev in sorted(told, key=lambda e: e.start, reverse=True):
        if got := [s for s in ev.source if not any(same_side(s, x) for x in f.source)]:
            f.about, f.guessed = ev.id, "whose deed 'it' is" if it else "whose deed was told before"
            return got
    return []


def bare_reaction(f: Found, lex: EventLexicon) -> bool:
    """A reaction noun that says neither what nor whom it is about ("condemnation came from X", "X
    voiced outrage"): like a bare "it", about the latest deed told just before."""
    phrases = [c for c in f.head.children if c.dep_ in ("nmod", "acl", "nmod:poss")]
    about = [c for c in phrases if case_of(c) not in ("from", "by")]
    return f.nominal and f.lemma in lex.words("bare_reactions") and not about
