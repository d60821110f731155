"""The one tokenizer every stage uses: words and punctuation with offsets into the original text.

A word is a run of letters and digits, joined across single hyphens, dots, ampersands and
apostrophes (ayn and hamza marks included) that have letters on both sides: "al-Haddad", "U.S",
"AT&T", "Isma‘il", "don't", "Hamas's". Initialisms keep their final dot ("U.S.", "i.e.").
Everything else that is not a space is a token of its own ("“", ",", "—").

Two readings of the English possessive: ``possessive="keep"`` (the default) leaves "Hamas's" one
token; ``possessive="split"`` gives "Hamas" + "'s", as the event reader wants (its "'s" marks a
possessor). A bare possessive apostrophe ("Hamas’ bureau") is a token of its own; the quote scanner
glues it back where it is not a quotation mark.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

_JOIN = "-.&’'‘ʿʾ"
_INITIALISM = r"(?:[A-Za-z]\.){2,}"
_TOKEN = re.compile(rf"{_INITIALISM}|\w+(?:[{_JOIN}]\w+)*|[^\w\s]")
_TOKEN_SPLIT = re.compile(rf"[’']s\b|{_INITIALISM}|\w+(?:[-.&‘ʿʾ]\w+|[’'](?!s\b)\w+)*|[^\w\s]")
#: a word for counting and shape tests: starts with a letter ("Rejoining", "PLO", "al-Haddad")
WORD = re.compile(r"[^\W\d_][\w’'\-]*")


class Token(NamedTuple):
    """A token: offsets into the text it came from, and its text."""

    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()


def finditer(
    text: str, start: int = 0, end: int | None = None, *, possessive: str = "keep"
) -> Iterator[re.Match[str]]:
    """Token matches of ``text[start:end]`` (see the module docstring for ``possessive``)."""
    rx = _TOKEN_SPLIT if possessive == "split" else _TOKEN
    return rx.finditer(text, start, len(text) if end is None else end)


def tokenize(text: str, start: int = 0, end: int | None = None, *, possessive: str = "keep") -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    return [Token(m.start(), m.end(), m.group()) for m in finditer(text, start, end, possessive=possessive)]


def words(text: str) -> list[str]:
    """The words of ``text`` (letters first: numbers and punctuation are not words)."""
    return WORD.findall(text)
