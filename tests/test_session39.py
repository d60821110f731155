"""Session 39: names found through an index of their first words, as the trie's expression finds them."""

from __future__ import annotations

import random
import re

from newsgraph.text.lexicons import FEW_LITERALS, Literals, literal_union

#: pieces of made-up texts and names: hyphens, apostrophes, brackets and underscores on either side
_WORDS = ["Ana", "Ruiz", "Andes", "Party", "of", "Peru", "U.S.", "x-ray", "Ana-Maria", "(Ana)", "'Ruiz"]
_GLUE = [" ", " ", ", ", "-", "'", ". ", "_", "(", ")", "’s ", "\n"]


def test_many_names_are_found_as_the_trie_finds_them() -> None:
    """More names than :data:`FEW_LITERALS` are looked up by their first run of word characters (and
    one starting with a bracket or an apostrophe by ``str.find``): whole words, the longest at each
    place, none overlapping, from any start and end, even inside a word."""
    rnd = random.Random(39)
    for _ in range(400):
        text = "".join(rnd.choice(_WORDS) + rnd.choice(_GLUE) for _ in range(rnd.randint(1, 25)))
        names = {
            "".join(rnd.choice(_WORDS) + rnd.choice([" ", "-", ""]) for _ in range(rnd.randint(1, 3))).strip()
            for _ in range(rnd.randint(1, 8))
        }
        items = [*names, *(f"Name{i}" for i in range(FEW_LITERALS + 1))]
        rx = re.compile(r"(?<![\w-])(?:" + literal_union(items) + r")(?![\w-])")
        found = Literals(items)
        for _ in range(3):
            start = rnd.randint(0, len(text))
            end = rnd.randint(start, len(text))
            assert found.spans(text, start, end) == [m.span() for m in rx.finditer(text, start, end)]


def test_the_index_keeps_the_longest_name_at_a_place() -> None:
    items = ["Ana", "Ana Ruiz", "Ana Ruiz-Soto", "(Ana)", *(f"Name{i}" for i in range(FEW_LITERALS))]
    text = "Ana Ruiz-Soto met Ana Ruiz and (Ana) near Ana-Maria; Ana."
    assert [text[a:b] for a, b in Literals(items).spans(text, 0, len(text))] == [
        "Ana Ruiz-Soto", "Ana Ruiz", "(Ana)", "Ana"
    ]
