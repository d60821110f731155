"""Names that are no actors: diseases, pathogens and substances ("COVID-19", "Novichok"), laws, wars,
elections, awards and campaigns ("Voting Rights Act", "Second World War", "Nobel Peace Prize"),
policies and affairs ("Brexit", "Watergate"), and a state named as its currency ("US dollars").
The words are data (``data/lexicon/actors.yaml``:
``non_actor_heads``, ``non_actor_names``, ``non_actor_modified``); the knowledge base's own entries
are never dropped.

Signals, from the name and its use in the document:

- the name is a known non-actor name, or its head word (the last before any "of"/"for") heads laws,
  events and diseases ("Treaty of Versailles"; but "School of Law" is a school);
- the name of a person, an organisation or a place stands right before capitalised words ending in
  such a head: it is part of a law's or an award's name ("*John R. Lewis* Voting Rights Act",
  "*Leroy P. Steele* Prize", "*Paris* Agreement"; a state stays: "the *Iran* Nuclear Deal");
- a one-word name the KB does not know is followed, every time the document uses it, by a noun of
  things ("Ebola *outbreak*", "Novichok *nerve* agent").
"""

from __future__ import annotations

import re

from newsgraph.actors.spans import Cand
from newsgraph.text import lexicons

HEADS = lexicons.words("actors.non_actor_heads")
NAMES = lexicons.words("actors.non_actor_names")
MODIFIED = lexicons.words("actors.non_actor_modified")
STORMS = lexicons.words("actors.storm_titles")
CURRENCY = lexicons.words("actors.currency_words")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t]+$")
_NEXT_WORD = re.compile(r"[ \t]+([\w'’-]+)")
_CAP_HEADS = "|".join(sorted((w.capitalize() for w in HEADS), key=len, reverse=True))
_BEFORE_HEAD = re.compile(rf"(?:[ \t]+[A-Z][\w'’.-]*){{0,6}}[ \t]+(?:{_CAP_HEADS})(?![\w-])")


def is_non_actor(name: str) -> bool:
    """A disease, law, event, award or policy by its name alone ("COVID-19", "Voting Rights Act")."""
    words = re.split(r"\s+(?:of|for)\s+", name, maxsplit=1)[0].split()
    return name.casefold() in NAMES or (bool(words) and words[-1].casefold() in HEADS)


def drop_non_actors(text: str, cands: list[Cand]) -> list[Cand]:
    """The candidates less those that name no actor (see the module docs)."""
    things = _used_as_things(text, cands)
    storms = {c.text.split()[-1] for c in cands if c.kb_id is None and _storm(text, c)}  # and "Lorenzo" later
    out = []
    for c in cands:
        if _currency(text, c):
            continue
        if c.kb_id is None and c.label != "NORP" and not c.meta.get("leader_body") and (
            is_non_actor(c.text)
            or c.text in things
            or (c.label != "STATE" and c.text.split()[-1] in storms)
            or (c.label == "PERSON" and _BEFORE_HEAD.match(text, c.end))
        ):
            continue
        if c.label in ("ORG", "LOCATION") and _BEFORE_HEAD.match(text, c.end):
            continue  # "*Green* New Deal", "*Paris* Agreement": a word of a policy's or a law's name
        out.append(c)
    return out


def _currency(text: str, c: Cand) -> bool:
    """A state's name or demonym that names a currency: "US dollars", "Canadian dollars", "US$3.6"."""
    if text.startswith("$", c.end):
        return True
    m = _NEXT_WORD.match(text, c.end)
    return m is not None and m.group(1).lower() in CURRENCY


def _storm(text: str, c: Cand) -> bool:
    """A storm's name: "Hurricane Lorenzo", "Storm Lorenzo", "Typhoon Hagibis"."""
    before = _WORD_BEFORE.search(text, max(0, c.start - 20), c.start)
    first = c.text.split()[0].lower() if c.text.split() else ""
    return first in STORMS or (before is not None and before.group(1).lower() in STORMS)


def _used_as_things(text: str, cands: list[Cand]) -> set[str]:
    """One-word names (no people, no KB entries) followed every time by a noun of things."""
    seen: dict[str, bool] = {}
    for c in cands:
        if c.kb_id or c.label in ("PERSON", "NORP") or " " in c.text:
            continue
        m = _NEXT_WORD.match(text, c.end)
        thing = bool(m) and m.group(1).lower() in MODIFIED  # type: ignore[union-attr]
        seen[c.text] = seen.get(c.text, True) and thing
    return {name for name, every in seen.items() if every}
