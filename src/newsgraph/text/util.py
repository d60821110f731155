"""Small text helpers shared by several stages: normalisation, ids, paragraphs, sentences."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from newsgraph.models import Span
from newsgraph.text import lexicons

_WS = re.compile(r"\s+")
_PARA = re.compile(r"[^\n]+(?:\n[ \t]*[^\s\n][^\n]*)*")  # runs of non-blank lines

# sentence ends: . ! ? … (optionally followed by closing quotes/brackets) then space + capital/quote/digit
_SENT_END = re.compile(
    r"""(?<=[.!?…])["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9“‘"])"""
)
#: a transcript's speaker tag at the start of a line ("((WN))  What ..."): a sentence of its own
_SPEAKER_TAG = re.compile(r"(?m)^(\(\([^()\n]{1,60}\)\))[ \t]+(?=\S)")
_ABBREV = re.compile(rf"(?:\b(?:{lexicons.pattern('english.sentence_abbreviations')})\.|\b[A-Z]\.)$")

#: the longest sentence and paragraph (characters) the stages see: a longer one (text without
#: sentence breaks or spaces) is cut (:func:`cap_spans`), so that every step that works on one
#: sentence or paragraph at a time stays bounded and a document's cost grows linearly with its
#: length. Real news stays far below both (the longest sentence of 300 news articles has 1,856
#: characters, the longest paragraph 3,694).
MAX_SENTENCE = 2_000
MAX_PARAGRAPH = 10_000
_CUT_AFTER = (". ", "? ", "! ", "; ", ", ")


def normalise_text(text: str) -> str:
    """The form a document id is computed from: NFC, unified whitespace, stripped."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def doc_id(text: str) -> str:
    """Stable document id: the first 16 hex digits of SHA-256 over the normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


def short_hash(*parts: object, n: int = 12) -> str:
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return h[:n]


def paragraphs(text: str) -> list[Span]:
    """Paragraphs as spans: blocks separated by blank lines; in texts with no blank
    lines at all, every line is a paragraph. Leading/trailing whitespace is excluded."""
    if "\n\n" in text or "\n \n" in text or re.search(r"\n[ \t]*\n", text):
        spans = [Span(m.start(), m.end()) for m in _PARA.finditer(text)]
    else:
        spans = [Span(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    out = []
    for s in spans:
        seg = text[s.start:s.end]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        if s.end - trail > s.start + lead:
            out.append(Span(s.start + lead, s.end - trail))
    return out


def lines(text: str) -> list[Span]:
    """Non-blank lines as spans, stripped of surrounding whitespace."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        seg = m.group()
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        if m.end() - trail > m.start() + lead:
            out.append(Span(m.start() + lead, m.end() - trail))
    return out


def _cut(text: str, a: int, b: int) -> int:
    """Where to cut ``text[a:b]`` (too long) near its end: after the last sentence end or comma of
    its second half, else at its last whitespace, else at ``b``."""
    lo = a + (b - a) // 2
    for sep in _CUT_AFTER:
        i = text.rfind(sep, lo, b)
        if i > 0:
            return i + 1
    i = max(text.rfind(c, lo, b) for c in " \n\t")
    return i if i > a else b


def cap_spans(text: str, spans: list[Span], limit: int) -> list[Span]:
    """``spans`` with every span longer than ``limit`` characters cut into pieces of at most
    ``limit`` (see :func:`_cut`), each trimmed of surrounding whitespace."""
    out: list[Span] = []
    for s in spans:
        a = s.start
        while a < s.end:
            b = _cut(text, a, a + limit) if s.end - a > limit else s.end
            piece = text[a:b]
            if piece.strip():
                out.append(Span(a + len(piece) - len(piece.lstrip()), b - (len(piece) - len(piece.rstrip()))))
            a = b
    return out


def split_sentences(text: str, span: Span) -> list[Span]:
    """Rule-based sentence split of ``text[span]`` (abbreviation- and quote-aware; a transcript's
    speaker tag is a sentence of its own); a sentence longer than :data:`MAX_SENTENCE` characters
    is cut (:func:`cap_spans`)."""
    out: list[Span] = []
    a = span.start
    for m in _SPEAKER_TAG.finditer(text, span.start, span.end):
        b = m.start()
        while b > a and text[b - 1].isspace():
            b -= 1
        out += _split(text, Span(a, b))
        out.append(Span(m.start(), m.end(1)))
        a = m.end()
    out += _split(text, Span(a, span.end))
    out = [s for s in out if text[s.start:s.end].strip()]
    if any(s.end - s.start > MAX_SENTENCE for s in out):
        out = cap_spans(text, out, MAX_SENTENCE)
    return out


def _split(text: str, span: Span) -> list[Span]:
    seg = text[span.start:span.end]
    out: list[Span] = []
    start = 0
    for m in _SENT_END.finditer(seg):
        before = seg[max(0, m.start() - 12):m.start()]
        if _ABBREV.search(before.rstrip("\"'”’)]")):
            continue
        out.append(Span(span.start + start, span.start + m.start()))
        start = m.end()
    if start < len(seg):
        out.append(Span(span.start + start, span.end))
    return out


def word_count(text: str) -> int:
    return len(text.split())
