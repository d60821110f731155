"""The gender of a document's people, for "he" and "she": from a gendered title ("Mrs", "Queen",
"spokeswoman"; ``actors.yaml`` ``title_genders``), else from the first name (``data/names/genders.tsv``,
built by ``scripts/build_name_genders.py`` from openly licensed data), else from the pronouns already
linked to the person without doubt (one person in reach). Unknown fits both pronouns."""

from __future__ import annotations

import re

from newsgraph.actors.coref import LocalEntity
from newsgraph.text import lexicons
from newsgraph.text.names import given_name_gender

TITLE_GENDERS: dict[str, str] = lexicons.table("actors.title_genders")
_WORD = re.compile(r"[A-Za-z.]+")


class Genders:
    """Gender by local entity id ("m", "f" or ""), learnt further as pronouns are linked."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._by: dict[str, str] = {}

    def of(self, e: LocalEntity) -> str:
        if e.id not in self._by:
            self._by[e.id] = self._known(e)
        return self._by[e.id]

    def fits(self, e: LocalEntity, pronoun_gender: str) -> bool:
        have = self.of(e)
        return not pronoun_gender or not have or have == pronoun_gender

    def learn(self, e: LocalEntity, pronoun_gender: str) -> None:
        """A pronoun linked to ``e`` without doubt gives its gender when nothing else did."""
        if pronoun_gender and not self.of(e):
            self._by[e.id] = pronoun_gender

    def _known(self, e: LocalEntity) -> str:
        words = [w.lower() for t in e.titles for w in _WORD.findall(t)]
        for c in e.cands:
            if c.kind == "name":
                words += [w.lower() for w in _WORD.findall(self.text[max(0, c.start - 12) : c.start])[-1:]]
        found = {TITLE_GENDERS[w] for w in words if w in TITLE_GENDERS}
        if len(found) == 1:
            return found.pop()
        if found:
            return ""
        names = [c.text for c in e.cands if c.kind == "name" and " " in c.text]
        full = max(names, key=lambda n: len(n.split()), default="")
        return given_name_gender(full.split()[0]) if full else ""
