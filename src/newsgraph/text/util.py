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
_ABBREV = re.compile(rf"(?:\b(?:{lexicons.pattern('english.sentence_abbreviations')})\.|\b[A-Z]\.)$")


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


def split_sentences(text: str, span: Span) -> list[Span]:
    """Rule-based sentence split of ``text[span]`` (abbreviation- and quote-aware)."""
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
    return [s for s in out if text[s.start:s.end].strip()]


def word_count(text: str) -> int:
    return len(text.split())
