"""The gender of the people in one document, for pronoun speakers ("she said" is not a man).

A person's gender comes from a gendered title or description word in their titles or right before
a name mention ("Mrs", "Queen", "spokeswoman"; ``quotes.yaml``), else from the majority of the
gendered pronouns the actor stage linked to them (a wrong link is outvoted by the others); with
neither, it is unknown and fits any pronoun.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from newsgraph.models import Entity, Mention
from newsgraph.text import lexicons

FEMALE = lexicons.words("quotes.female_words")
MALE = lexicons.words("quotes.male_words")
#: he -> m, she -> f (the speaker pronouns)
PRONOUN_GENDER: dict[str, str] = lexicons.table("quotes.pronoun_genders")
#: every gendered personal pronoun (he, him, his, she, her, hers), as the actor stage links them
LINKED_GENDER: dict[str, str] = lexicons.table("actors.pronoun_genders")
_WORD = re.compile(r"[A-Za-z]+")


def _word_gender(words: Sequence[str]) -> str:
    low = {w.lower() for w in words}
    f, m = bool(low & FEMALE), bool(low & MALE)
    return "f" if f and not m else "m" if m and not f else ""


class Genders:
    """Gender by local entity id: "m", "f" or "" (unknown)."""

    def __init__(self, text: str, mentions: Sequence[Mention], entities: Sequence[Entity]) -> None:
        self._by: dict[str, str] = {}
        votes: dict[str, Counter[str]] = {}
        before: dict[str, list[str]] = {}
        for m in mentions:
            if m.kind == "pronoun":
                g = LINKED_GENDER.get(m.text.lower())
                if g:
                    votes.setdefault(m.entity, Counter())[g] += 1
            elif m.kind == "name":
                before.setdefault(m.entity, []).extend(
                    _WORD.findall(text[max(0, m.start - 12) : m.start])[-1:]
                )
        for e in entities:
            if e.type != "PERSON":
                continue
            g = _word_gender(_WORD.findall(" ".join(e.titles)) + before.get(e.id, []))
            if not g and e.id in votes:
                (top, n), *rest = votes[e.id].most_common(2) + [("", 0)]
                g = top if n > rest[0][1] else ""
            self._by[e.id] = g

    def of(self, entity: str | None) -> str:
        return self._by.get(entity or "", "")

    def fits(self, entity: str | None, pronoun: str) -> bool:
        """Whether a person fits "he"/"she" (unknown fits both; other pronouns fit anyone)."""
        want = PRONOUN_GENDER.get(pronoun, "")
        have = self.of(entity)
        return not want or not have or want == have
