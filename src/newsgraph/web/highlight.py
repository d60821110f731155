"""A document's text as HTML with its annotations: excluded boilerplate, event evidence,
quotes and actor mentions, each segment escaped.

Annotations may overlap. They are nested by priority (excluded > evidence > quote >
mention): a lower-priority span that crosses a higher-priority one is split, never the
other way round, so the element of an evidence sentence always holds the whole sentence.
The outermost element starting at character ``n`` carries ``id="o{n}"``, which is what
every fact elsewhere links to (``/documents/{id}#o{n}``).
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

EXCLUDED, EVIDENCE, QUOTE, MENTION = 0, 1, 2, 3


@dataclass
class Span:
    start: int
    end: int
    level: int
    tag: str
    attrs: dict[str, str]
    after: str = ""  # trusted HTML emitted after the span's last piece


@dataclass
class _Piece:
    start: int
    end: int
    span: Span
    first: bool
    last: bool = True
    seq: int = 0
    children: list[Any] = field(default_factory=list)


def _attrs(attrs: dict[str, str]) -> str:
    return "".join(f' {k}="{escape(v)}"' for k, v in attrs.items() if v is not None)


def _nest(spans: list[Span], n: int) -> list[_Piece]:
    """Split spans into properly nested pieces, higher priority (lower level) kept whole."""
    heap: list[tuple[int, int, int, int, _Piece]] = []
    seq = 0
    for sp in spans:
        s, e = max(0, sp.start), min(n, sp.end)
        if e > s:
            heapq.heappush(heap, (s, sp.level, -e, seq, _Piece(s, e, sp, True, True, seq)))
            seq += 1
    out: list[_Piece] = []
    stack: list[_Piece] = []
    while heap:
        s, level, neg_end, _, piece = heapq.heappop(heap)
        e = -neg_end
        while stack and stack[-1].end <= s:
            stack.pop()
        # a lower-priority open piece that the new one crosses is cut here and resumed later
        while stack and stack[-1].end < e and stack[-1].span.level > level:
            top = stack.pop()
            rest = _Piece(s, top.end, top.span, False, top.last, seq)
            seq += 1
            heapq.heappush(heap, (rest.start, rest.span.level, -rest.end, rest.seq, rest))
            top.end, top.last = s, False
            while stack and stack[-1].end <= s:
                stack.pop()
        if stack and e > stack[-1].end:  # crosses a higher-priority piece: split the new one
            cut = stack[-1].end
            rest = _Piece(cut, e, piece.span, False, piece.last, seq)
            seq += 1
            heapq.heappush(heap, (cut, level, -e, rest.seq, rest))
            piece.end, piece.last = cut, False
        out.append(piece)
        stack.append(piece)
    return [p for p in out if p.end > p.start]


def render_spans(text: str, spans: list[Span]) -> Markup:
    """``text`` as escaped HTML with ``spans`` as nested elements and ``o{offset}`` anchors."""
    pieces = sorted(_nest(spans, len(text)), key=lambda p: (p.start, -p.end, p.span.level))
    out: list[str] = []
    pos = 0
    stack: list[_Piece] = []
    anchored: set[int] = set()

    def close_until(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1].end <= limit:
            top = stack.pop()
            out.append(str(escape(text[pos : top.end])))
            pos = top.end
            out.append(f"</{top.span.tag}>")
            if top.last and top.span.after:
                out.append(top.span.after)

    for p in pieces:
        close_until(p.start)
        out.append(str(escape(text[pos : p.start])))
        pos = p.start
        attrs = dict(p.span.attrs)
        if p.start not in anchored:
            attrs = {"id": f"o{p.start}", **attrs}
            anchored.add(p.start)
        if not p.first:
            attrs["class"] = (attrs.get("class", "") + " cont").strip()
        out.append(f"<{p.span.tag}{_attrs(attrs)}>")
        stack.append(p)
    close_until(len(text) + 1)
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def document_html(info: dict[str, Any]) -> Markup:
    """The highlighted text of a document from :func:`newsgraph.queries.document`: its payload,
    rendered (the document page's JSON twin returns the same ``info``)."""
    text: str = info["text"]
    spans = (
        _excluded_spans(text, info.get("body_spans") or [], info.get("excluded_spans", []))
        + _evidence_spans(info.get("events", []))
        + _quote_spans(info.get("quotes", []))
        + _mention_spans(info.get("mentions", []))
    )
    return render_spans(text, spans)


def _excluded_spans(text: str, body: list[list[int]], excluded: list[dict[str, Any]]) -> list[Span]:
    """Excluded boilerplate, and text outside every body span that no excluded span explains."""
    spans = [
        Span(
            x["start"],
            x["end"],
            EXCLUDED,
            "span",
            {"class": "excluded", "title": f"excluded boilerplate: {x['kind']}"},
        )
        for x in excluded
    ]
    if body:
        covered = sorted([(s, e) for s, e in body] + [(x["start"], x["end"]) for x in excluded])
        pos = 0
        for s, e in covered + [(len(text), len(text))]:
            if s > pos and text[pos:s].strip():
                spans.append(Span(pos, s, EXCLUDED, "span", {"class": "excluded", "title": "not body text"}))
            pos = max(pos, e)
    return spans


def _evidence_spans(events: list[dict[str, Any]]) -> list[Span]:
    """One span per evidence sentence, with a badge linking to each event it states."""
    by_span: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
    for ev in events:
        by_span[(ev["evidence"]["start"], ev["evidence"]["end"])].append(ev)
    spans = []
    for (s, e), evs in by_span.items():
        cls = "evidence"
        if all(ev["negated"] for ev in evs):
            cls += " negated"
        if all(ev["hypothetical"] for ev in evs):
            cls += " hypothetical"
        title = "; ".join(_event_title(ev) for ev in evs)
        after = "".join(
            f'<a class="ev-badge" href="/events/{escape(quote(ev["cluster"], safe=""))}" '
            f'title="{escape(_event_title(ev))}">{escape(ev["type"])}</a>'
            for ev in evs
        )
        attrs = {"class": cls, "title": title, "data-events": " ".join(ev["id"] for ev in evs)}
        spans.append(Span(s, e, EVIDENCE, "span", attrs, after))
    return spans


def _quote_spans(quotes: list[dict[str, Any]]) -> list[Span]:
    spans = []
    for q in quotes:
        who = q["speaker"]["name"] if q.get("speaker") else "unknown speaker"
        attrs = {
            "class": f"quote q-{q['kind']}",
            "title": f"{q['kind']} quote by {who}",
            "data-quote": q["id"],
        }
        spans.append(Span(q["start"], q["end"], QUOTE, "span", attrs))
    return spans


def _mention_spans(mentions: list[dict[str, Any]]) -> list[Span]:
    spans = []
    for m in mentions:
        a = m.get("actor")
        if not a:
            spans.append(Span(m["start"], m["end"], MENTION, "span", {"class": "mention unlinked"}))
            continue
        attrs = {
            "class": f"mention t-{a['type'] or 'X'}",
            "href": f"/actors/{quote(a['id'], safe='')}",
            "title": f"{a['name']} ({a['type']})",
        }
        spans.append(Span(m["start"], m["end"], MENTION, "a", attrs))
    return spans


def _event_title(ev: dict[str, Any]) -> str:
    src = ", ".join(a["name"] for a in ev["source"]) or "?"
    tgt = ", ".join(a["name"] for a in ev["target"]) or "?"
    flags = "".join((" (negated)" if ev["negated"] else "", " (hypothetical)" if ev["hypothetical"] else ""))
    return f"{ev['type']}: {src} → {tgt}{' on ' + ev['date'] if ev.get('date') else ''}{flags}"
