"""Quotation-mark pairing: quoted spans of a text, found paragraph by paragraph.

Straight and curly, double and single marks, guillemets and low-9 marks. Each mark is
classified by its context (like CommonMark's left/right-flanking rules): apostrophes inside
words ("don’t", "Isma’il", "Al-‘Arouri"), elided years ("’90s") and possessives ("Hamas’
bureau") are not marks. Marks are paired with a stack per paragraph, so an odd number of
marks or a wrong-way mark (”We are …) can only affect its own paragraph:

* a mark that could open or close closes when a quote of its class is open, else opens;
* an opening mark of the class already open closes the open quote first (implicit close);
* a closing mark of an outer class closes the inner quotes that are still open;
* an opening mark with no closing mark runs to the end of its paragraph (the standard
  convention for multi-paragraph quotations);
* a closing mark with nothing open gives a *repaired* span (``open_pos == -1``) starting after
  the previous mark; the caller keeps it only when an attribution follows.

Everything here is a linear scan; it never raises on any input.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from newsgraph.models import Span
from newsgraph.text.util import paragraphs as split_paragraphs

DOUBLE_OPEN = "“„«‟"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‚‹‛"
SINGLE_CLOSE = "’›"
STRAIGHT = "\"'"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT
OPENERS = DOUBLE_OPEN + SINGLE_OPEN
CLOSERS = DOUBLE_CLOSE + SINGLE_CLOSE
_MARK_RE = re.compile("[" + re.escape(ALL_MARKS) + "]")
_ELIDED_YEAR = re.compile(r"\d\d(?:s|\b)")

# roles
OPEN, CLOSE, EITHER, WEAK, SKIP = range(5)


class QuoteSpan(NamedTuple):
    """A quoted stretch: ``[start, end)`` lies between the marks (not trimmed)."""

    start: int
    end: int
    open_pos: int  # offset of the opening mark; -1 for a span repaired from a stray closing mark
    close_pos: int  # offset of the closing mark; -1 when unclosed (runs to a later mark or paragraph end)
    depth: int  # 0 = top level; 1 = inside another quote, ...
    parent: int  # index (in the returned list) of the enclosing quote, -1 at top level
    para: int  # index of the paragraph

    @property
    def outer(self) -> tuple[int, int]:
        """The span including its marks."""
        s = self.open_pos if self.open_pos >= 0 else self.start
        e = self.close_pos + 1 if self.close_pos >= 0 else self.end
        return s, e

    @property
    def closed(self) -> bool:
        return self.close_pos >= 0


def mark_class(ch: str) -> str:
    """``"d"`` for double marks (and guillemets), ``"s"`` for single ones."""
    return "d" if ch in DOUBLE_OPEN or ch in DOUBLE_CLOSE or ch == '"' else "s"


def _role(text: str, i: int, ps: int, pe: int) -> int:
    c = text[i]
    prev = text[i - 1] if i > ps else " "
    nxt = text[i + 1] if i + 1 < pe else " "
    single = mark_class(c) == "s"
    if single:
        if prev.isalnum() and nxt.isalnum():
            return SKIP  # don’t, Isma’il, rock'n'roll
        if prev == "-" and nxt.isalpha() and i - 2 >= ps and text[i - 2].isalpha():
            return SKIP  # Al-‘Arouri
        if nxt.isdigit() and c not in SINGLE_OPEN and _ELIDED_YEAR.match(text, i + 1, pe):
            return SKIP  # ’90s
    prev_space, next_space = prev.isspace(), nxt.isspace()
    prev_punct = not prev_space and not prev.isalnum()
    next_punct = not next_space and not nxt.isalnum()
    lf = not next_space and (not next_punct or prev_space or prev_punct)
    rf = not prev_space and (not prev_punct or next_space or next_punct)
    if c in OPENERS:
        if lf:
            return OPEN
        return CLOSE if rf else EITHER
    if c in CLOSERS:
        if rf and not lf:
            return WEAK if single and prev in "sSzZ" else CLOSE
        return EITHER
    # straight marks
    if lf and not rf:
        return OPEN
    if rf and not lf:
        return WEAK if single and prev in "sSzZ" else CLOSE
    return EITHER


def _pair_paragraph(text: str, ps: int, pe: int, para: int) -> list[QuoteSpan]:
    marks = [
        (m.start(), mark_class(m.group()), _role(text, m.start(), ps, pe))
        for m in _MARK_RE.finditer(text, ps, pe)
    ]
    marks = [mk for mk in marks if mk[2] != SKIP]
    if not marks:
        return []
    # a weak closer (possessive s’) closes only when no strong single closer follows before the
    # next single opener: "‘All of Hamas’ leaders …’" vs "the ‘common interests’ of"
    strong_after = [False] * len(marks)
    seen_strong = False
    for k in range(len(marks) - 1, -1, -1):
        strong_after[k] = seen_strong
        _, cls, role = marks[k]
        if cls == "s":
            if role == OPEN:
                seen_strong = False
            elif role in (CLOSE, EITHER):
                seen_strong = True
    out: list[tuple[int, int, int, int]] = []  # start, end, open_pos, close_pos
    stack: list[tuple[str, int]] = []
    last = ps
    for k, (i, cls, role) in enumerate(marks):
        if role == WEAK:
            if strong_after[k] or not any(c == cls for c, _ in stack):
                continue  # apostrophe
            role = CLOSE
        if role in (CLOSE, EITHER):
            idx = next((j for j in range(len(stack) - 1, -1, -1) if stack[j][0] == cls), -1)
            if idx >= 0:
                for _, o2 in stack[idx + 1 :]:
                    out.append((o2 + 1, i, o2, -1))  # inner quotes left open end here
                o = stack[idx][1]
                out.append((o + 1, i, o, i))
                del stack[idx:]
                last = i + 1
                continue
            if role == CLOSE:
                start = max(last, stack[-1][1] + 1) if stack else last
                if i > start:
                    out.append((start, i, -1, i))
                last = i + 1
                continue
        if stack and stack[-1][0] == cls:
            o = stack.pop()[1]
            out.append((o + 1, i, o, -1))
        stack.append((cls, i))
        last = i + 1
    for _, o in stack:
        out.append((o + 1, pe, o, -1))
    return _nest(out, para)


def _nest(raw: list[tuple[int, int, int, int]], para: int) -> list[QuoteSpan]:
    def outer(r: tuple[int, int, int, int]) -> tuple[int, int]:
        return (r[2] if r[2] >= 0 else r[0], r[3] + 1 if r[3] >= 0 else r[1])

    raw = sorted(set(raw), key=lambda r: (outer(r)[0], -outer(r)[1]))
    res: list[QuoteSpan] = []
    stack: list[int] = []  # indices into res
    for r in raw:
        o = outer(r)
        while stack and not (res[stack[-1]].outer[0] <= o[0] and o[1] <= res[stack[-1]].outer[1]):
            stack.pop()
        parent = stack[-1] if stack else -1
        res.append(QuoteSpan(r[0], r[1], r[2], r[3], len(stack), parent, para))
        stack.append(len(res) - 1)
    return res


def find_quote_spans(text: str, paragraphs: list[Span] | None = None) -> list[QuoteSpan]:
    """All quoted spans of ``text``, paired paragraph by paragraph, in document order.

    ``parent`` indices refer to the returned list. Never raises; every span satisfies
    ``0 <= start <= end <= len(text)``.
    """
    paras = split_paragraphs(text) if paragraphs is None else paragraphs
    res: list[QuoteSpan] = []
    for pi, p in enumerate(paras):
        spans = _pair_paragraph(text, max(0, p.start), min(len(text), p.end), pi)
        base = len(res)
        res.extend(s._replace(parent=s.parent + base if s.parent >= 0 else -1) for s in spans)
    return res
