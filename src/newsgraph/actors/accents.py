"""Knowledge-base names written with diacritics the knowledge base spells without ("Gdańsk" for
Gdansk, "Bogotá"): its matchers compare exact or lower-case forms, so such a name is found only when
the model tags it. Capitalised runs of words around a word with a non-ASCII letter are looked up
by their folded form (case and diacritics ignored) instead, longest first."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsgraph.actors.kb import KnowledgeBase
from newsgraph.actors.spans import Cand
from newsgraph.text.parsed import text_length

#: at most this many words on either side of the accented word
_REACH = 3


def accented_names(
    doc: Any, to_doc: Callable[[int, int], tuple[int, int] | None], text: str, kb: KnowledgeBase
) -> list[Cand]:
    """Candidates (source ``kb``) for the knowledge-base names of ``doc`` that contain a letter
    outside ASCII; ``to_doc`` maps the piece's offsets to the document's."""
    out: list[Cand] = []
    whole = to_doc(0, text_length(doc))
    if whole is None or text[whole[0] : whole[1]].isascii():
        return out  # (most pieces)
    done = -1
    for t in doc:
        if t.i <= done or t.is_ascii or not t.is_alpha or not t.text[:1].isupper():
            continue
        lo, hi = _run(doc, t)
        spans = [(a, b) for a in range(lo, t.i + 1) for b in range(t.i + 1, hi + 1)]
        for a, b in sorted(spans, key=lambda s: s[0] - s[1]):  # (longest first)
            entries = kb.lookup(doc[a:b].text)
            at = to_doc(doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)) if entries else None
            if at is not None:
                e = entries[0]
                out.append(Cand(at[0], at[1], text[at[0] : at[1]], e.type, "kb", kb_id=e.kb_id, kind="name"))
                done = b - 1
                break
    return out


def _run(doc: Any, t: Any) -> tuple[int, int]:
    """The capitalised words around ``t`` in its sentence, at most :data:`_REACH` on each side."""
    sent = t.sent
    lo = t.i
    while lo > max(sent.start, t.i - _REACH) and doc[lo - 1].text[:1].isupper() and doc[lo - 1].is_alpha:
        lo -= 1
    hi = t.i + 1
    while hi < min(sent.end, t.i + 1 + _REACH) and doc[hi].text[:1].isupper() and doc[hi].is_alpha:
        hi += 1
    return lo, hi
