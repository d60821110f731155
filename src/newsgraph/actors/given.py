"""Names the model misses: people, a known given name followed by capitalised name words ("Yusuf
al-Haddad met ..."), and places, a lone proper noun after "in" ("talks in Castellan on Friday").

The given names are the first words of the knowledge base's people (the Phoenix dictionaries:
thousands of leaders and officials of every region) that at least :data:`MIN_PEOPLE` different
people carry, less words that start the KB's places and organisations ("New", "United", "South"),
title and function words. A match is a candidate of the lowest priority: the model's and the
other rules' spans win where they overlap.
"""

from __future__ import annotations

import re
from collections import Counter

from newsgraph.actors.kb import KnowledgeBase
from newsgraph.actors.lexicon import (
    FUNCTION_WORDS,
    NON_ACTORS,
    ORG_HEADS,
    SENTENCE_WORDS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
)
from newsgraph.actors.spans import Cand
from newsgraph.text import lexicons
from newsgraph.text.names import fold, is_common_noun, known_given_names
from newsgraph.text.vocabulary import MONTHS_AND_WEEKDAYS

#: a first word is a given name when this many KB people carry it
MIN_PEOPLE = 3
_WORD = re.compile(r"^[A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-Za-zà-ÿ]+)?$")
_PLACE_RX = re.compile(
    rf"(?<![\w-])(?:{lexicons.pattern('actors.org_place_prepositions')})[ \t]+"
    r"(?P<name>[A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?)(?![\w’'-])"
)
_ADJECTIVE_ENDINGS = lexicons.phrases("actors.adjective_endings")
_STOP = FUNCTION_WORDS | SENTENCE_WORDS | TITLE_HEADS | TITLE_MODIFIERS | ORG_HEADS | MONTHS_AND_WEEKDAYS
_STOP_FOLDED = frozenset(w.lower() for w in _STOP)
_NAME_PARTICLES = lexicons.words("actors.name_particles")
_PLACE_NOUNS = lexicons.words("actors.place_nouns_of")
#: a capital after two lower-case letters inside a word: two words run together ("RivaImage"), not
#: "McCain" or "DeSantis", nor after a surname prefix ("MacArthur", "FitzGerald")
_RUN_ON = re.compile(r"[a-z]{2}[A-Z]")
_NAME_PREFIXES = ("Mac", "Fitz", "Van", "Von")


def given_names(kb: KnowledgeBase, other: set[str] | None = None) -> frozenset[str]:
    """First words of the KB's people carried by at least :data:`MIN_PEOPLE` of them (``other``:
    the KB's :func:`other_words`, when already at hand)."""
    people: Counter[str] = Counter()
    for e in kb:
        if e.type == "PERSON":
            people.update(w for f in e.forms if " " in f and _WORD.match(w := f.split()[0]))
    other = other_words(kb) if other is None else other
    return frozenset(
        w for w, n in people.items() if n >= MIN_PEOPLE and w not in other and w.lower() not in _STOP
    )


def other_words(kb: KnowledgeBase) -> set[str]:
    """The first words of the KB's places and organisations, their one-word names and demonyms."""
    other: set[str] = set()
    for e in kb:
        if e.type != "PERSON":
            other |= {f.split()[0] for f in e.forms if " " in f} | {f for f in e.forms if " " not in f}
            other |= set(e.demonyms)
    return other


def person_firsts(kb_given: frozenset[str], other: set[str]) -> frozenset[str]:
    """Folded first words that make a name of a person rather than a place or a firm: the KB's given
    names and those of the gender table, less the first words of the KB's places and organisations
    (``other``: "Jordan", "Victoria"), common nouns ("Grace" stays, "Liberty" and "Star" go) and stop
    words."""
    other = {fold(w) for w in other}
    names = {fold(w) for w in kb_given} | known_given_names()
    return frozenset(
        w for w in names if w and w not in other and not is_common_noun(w) and w not in _STOP_FOLDED
    )


class GivenNames:
    """Finds "<given name> <Name> [<Name>]" sequences in paragraph text."""

    def __init__(self, kb: KnowledgeBase, name_tok: str, particle: str) -> None:
        self.kb = kb
        other = other_words(kb)  # one pass over the KB for both name sets
        self.names = given_names(kb, other)
        self.firsts = person_firsts(self.names, other)
        self.rx = re.compile(
            rf"(?<![\w-])(?P<first>[A-ZÀ-Þ][\w’'-]*)"
            rf"(?P<rest>(?:[ \t]+(?:{particle}[ \t]+)?{name_tok}){{1,3}})"
        )

    def find(self, seg: str, off: int, propn: set[int] | None = None) -> list[Cand]:
        """Names in paragraph ``seg`` (at ``off``); with ``propn`` (offsets of the words the
        tagger calls proper nouns) the given name must be one ("Grace" in "by the grace of" is not)."""
        out: list[Cand] = []
        pos = 0
        while (m := self.rx.search(seg, pos)) is not None:
            pos = m.start("rest")  # the next name may start at any later word
            first = m.group("first")
            strong = fold(first) in self.firsts  # a given name (gender table or KB), no place's
            tagged = propn is None or off + m.start() in propn
            if (first not in self.names and not strong) or not tagged:
                continue
            words = m.group("rest").split()
            if first not in self.names and words[0].strip("’'.").lower() in _PLACE_NOUNS:
                continue  # "Easter Island": a given name of the table before a noun of places
            keep = 0
            for w in words:  # stop at a title, an organisation word, a month or a known place
                bare = w.strip("’'").lower()
                if bare in _STOP or (w[:1].isupper() and self._known_other(w, strong and keep == 0)):
                    break
                if _RUN_ON.search(w) and not w.startswith(_NAME_PREFIXES):  # "RivaImage": a caption
                    break
                keep += 1
            if keep == 0:
                continue
            tail = m.group("rest")
            end = m.start("rest") + _end_of(tail, keep)
            out.append(Cand(off + m.start(), off + end, seg[m.start() : end], "PERSON", "given"))
            pos = end
        return out

    def _known_other(self, word: str, surname_slot: bool) -> bool:
        """A known place or organisation that ends a name. Right after a strong given name a city
        or region is a surname ("Denzel *Washington*", "Kenny *Chesney*"); a country is not."""
        found = self.kb.lookup(word)
        if not found or self.kb.demonym(word):
            return False
        return not surname_slot or any(e.type != "LOCATION" for e in found)

    def person_like(self, surface: str) -> bool:
        """A name the model typed as a place or an organisation that reads as a person's: two to four
        capitalised words, a given name first (see :func:`person_firsts`), then no common noun,
        title, organisation word or name of a known place or organisation ("Gloria Vanderbilt",
        "Patrice Talon"; not "Lincoln Park", "Bradley International Airport")."""
        words = surface.split()
        return 2 <= len(words) <= 4 and fold(words[0]) in self.firsts and self.name_words(words[1:])

    def name_words(self, words: list[str]) -> bool:
        """Whether the words after a given name can be the rest of a person's name: capitalised (or
        particles), no common noun, title, organisation word or known place or organisation."""
        return all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words) and not any(
            self._not_name(w) for w in words
        )

    def _not_name(self, word: str) -> bool:
        bare = word.strip("’'.").lower()
        if bare in _NAME_PARTICLES:
            return False
        if bare in _STOP_FOLDED or is_common_noun(bare):
            return True
        return any(e.type != "PERSON" for e in self.kb.lookup(word))


def _end_of(tail: str, n: int) -> int:
    """Offset in ``tail`` after its ``n``-th word."""
    return list(re.finditer(r"\S+", tail))[n - 1].end()


def lone_places(kb: KnowledgeBase, seg: str, off: int, propn: set[int] | None) -> list[Cand]:
    """A proper noun alone after "in", "into", "near" ("talks in Castellan on Friday") is a place
    when the KB does not know it (its own matches come first) and it is no people, faith, month,
    title or organisation word. Needs the tagger (``propn``)."""
    if propn is None:
        return []
    out = []
    for m in _PLACE_RX.finditer(seg):
        name = m.group("name")
        a = off + m.start("name")
        if (
            a not in propn
            or name.lower() in _STOP
            or name in NON_ACTORS
            or name.endswith(_ADJECTIVE_ENDINGS)
            or kb.lookup(name)
            or kb.demonym(name)
        ):
            continue
        out.append(Cand(a, a + len(name), name, "LOCATION", "given", meta={"lone_place": True}))
    return out
