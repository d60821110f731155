"""Quick scans of a document's parses (``(offset, spaCy Doc)`` pairs): the words' attributes are read
as arrays, so a scan for a few kinds of words makes :class:`~spacy.tokens.Token` objects only for the
words it keeps (a Doc makes a new Token for every word at every pass over it).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from typing import Any

import numpy
from spacy.attrs import IDX, LOWER, POS
from spacy.parts_of_speech import IDS
from spacy.strings import get_string_id


def select(
    parses: Sequence[tuple[int, Any]], *, pos: Collection[str] = (), lower: Collection[str] = ()
) -> Iterator[tuple[int, Any]]:
    """``(offset, token)`` for each word of ``parses``, in text order, whose coarse part of speech is
    in ``pos`` and whose lower-case form is in ``lower`` (an empty test keeps every word)."""
    parses = [(o, d) for o, d in parses if len(d)]
    if not parses:
        return
    cols = numpy.concatenate([_pos_lower(d) for _, d in parses])
    keep = numpy.ones(len(cols), dtype=bool)  # (one test over the whole document: numpy's calls cost)
    if pos:
        keep &= numpy.isin(cols[:, 0], numpy.array([IDS[p] for p in pos], dtype="uint64"))
    if lower:
        keep &= numpy.isin(cols[:, 1], numpy.array([get_string_id(w) for w in lower], dtype="uint64"))
    firsts = numpy.cumsum([0] + [len(d) for _, d in parses]).tolist()
    piece = 0
    for j in numpy.flatnonzero(keep).tolist():
        while j >= firsts[piece + 1]:
            piece += 1
        offset, doc = parses[piece]
        yield offset, doc[j - firsts[piece]]


#: the key of a Doc's ``user_data`` that keeps its words' parts of speech and lower-case forms
_COLS = "newsgraph.pos_lower"


def _pos_lower(doc: Any) -> Any:
    """The parts of speech and lower-case forms of ``doc``'s words (an array of two columns), read
    from the Doc once: every stage's scans share them."""
    got = doc.user_data.get(_COLS)
    if got is None:
        got = doc.user_data[_COLS] = doc.to_array([POS, LOWER]).reshape(len(doc), 2)
    return got


def starts(doc: Any) -> list[int]:
    """The character offset of each word of ``doc`` in its text."""
    return doc.to_array(IDX).tolist() if len(doc) else []


def text_length(doc: Any) -> int:
    """The length of ``doc``'s text, from its last word (a Doc rebuilds its text at each call)."""
    return doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0


def piece_text(text: str, offset: int, doc: Any) -> str:
    """The text of the piece ``doc`` parsed, which starts at ``offset`` of the document's ``text`` (a
    slice: a Doc rebuilds its text from its words at each call)."""
    return text[offset : offset + text_length(doc)]
