"""Quotes: direct and indirect speech with the speaker resolved to a local entity.

Public API (pure functions, no model needed):

* :func:`extract_quotes` -- all quotes of a text as :class:`~newsgraph.models.Quote` objects;
* :func:`find_quote_spans` (from :mod:`newsgraph.quotes.marks`) -- the raw quoted spans;
* :func:`is_heading` -- the heading test used to treat section titles and headlines apart;
* the ``quotes`` pipeline stage.

A quoted span becomes a direct quote when it is attributed: by a cue right after it ("…,” Naim
said"), inside it (", said Karasin," / "[he says]"), before it in its sentence (Naim said: “…”,
Naim also highlighted the “good relations”), by "according to X", by continuing the previous
quotation (a quote paragraph with no attribution of its own), or by an introducing paragraph
("The following are excerpts from …:", "X, to Y channel:" transcripts). It is left out when it is
a name or title in quotation marks (the so-called ‘Joint Room’, operation “Sword of Jerusalem”),
a quoted term with no identifiable speaker, a headline word, or a frame (an unattributed outer
quotation whose content is other people's attributed quotes). Quoted terms and short phrases
(four words or fewer) need a cue and a resolved speaker; longer quotes are kept with
``speaker=None`` and a low confidence when their speaker cannot be resolved. Indirect quotes
(:mod:`newsgraph.quotes.indirect`) need a resolved speaker.

``start``/``end`` cover the words inside the marks, without surrounding spaces and trailing
commas; other punctuation inside the marks is kept.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from newsgraph.models import Entity, Mention, Quote, Span
from newsgraph.quotes.blocks import BlockQuotes, Found
from newsgraph.quotes.fromparse import ParseQuotes
from newsgraph.quotes.indirect import according_spans, according_to, clause_end, clause_start, indirect_spans
from newsgraph.quotes.marks import ALL_MARKS, QuoteSpan, find_quote_spans
from newsgraph.quotes.parsed import ParsedSpeech
from newsgraph.quotes.speakers import (
    CONFIDENCE,
    UNRESOLVED,
    UNRESOLVED_CONFIDENCE,
    Attributor,
    Cue,
    Resolution,
)
from newsgraph.text import lexicons
from newsgraph.text.headings import is_heading
from newsgraph.text.nounphrases import PRONOUNS
from newsgraph.text.speechverbs import Lexicon, default_lexicon
from newsgraph.text.tokens import words as text_words
from newsgraph.text.util import paragraphs as split_paragraphs
from newsgraph.text.util import short_hash

__all__ = ["extract_quotes", "find_quote_spans", "is_heading", "MAX_TERM_WORDS"]

#: quotes of at most this many words are "terms": they need a cue and a resolved speaker
MAX_TERM_WORDS = 4
#: lower-case fragments of at most this many words need a resolved speaker
MAX_FRAGMENT_WORDS = 8
INDIRECT_FACTOR = 0.9
#: rules of a reported clause (not an object or complement): kept with an unresolved speaker
CLAUSE_RULES = frozenset({"that-clause", "zero-that", "wh-clause", "fronted", "parenthetical"})
#: "described X as Y", "dismissed X as Y": a description, not a report (its quoted words are direct)
NO_CLAUSE_RULES = frozenset({"as-complement"})

_NAMING = re.compile(
    rf"(?:{lexicons.pattern('quotes.naming_words')})\s+(?:{lexicons.pattern('quotes.naming_determiners')})?$",
    re.IGNORECASE,
)
_CHANNEL = re.compile(rf"\b(?:{lexicons.pattern('quotes.channel_cues')})\s+(?:the\s+)?", re.IGNORECASE)
_ADDRESSEE_VERBS = tuple(lexicons.phrases("quotes.addressee_verbs"))
_CLAUSE_WORDS = lexicons.words("quotes.clause_words")
_RELATIVE_WORDS = lexicons.words("quotes.relative_words")


class DirectCue(NamedTuple):
    """What attributes a direct quotation: the speaker, the cue as written and where, the rule."""

    res: Resolution
    form: str | None
    start: int | None
    rule: str | None
    text: str | None  # the speaker phrase as written
    cue: Cue | None


def _title_case(s: str) -> bool:
    ws = text_words(s)
    long = [w for w in ws if len(w) >= 4]
    return len(ws) >= 2 and bool(long) and all(w[0].isupper() for w in long)


@dataclass
class _DocQuotes(BlockQuotes, ParseQuotes):
    att: Attributor
    keep_unattributed_indirect: bool = False
    parsed: ParsedSpeech | None = None
    out: list[Found] = field(default_factory=list)
    last: dict[int, Resolution] = field(default_factory=dict)  # speaker of the last quote per paragraph
    last_text: dict[int, str | None] = field(default_factory=dict)
    intro: dict[int, Resolution] = field(default_factory=dict)
    transcript: tuple[Resolution, str | None, str | None] | None = None
    last_cues: list[Cue] = field(default_factory=list)

    # ---- per paragraph -----------------------------------------------------------------
    def paragraph(self, pi: int) -> None:
        att = self.att
        n0 = len(self.out)
        if pi in att.headings:
            self.transcript = None
            self._heading(pi)
            return
        cues = att.find_cues(pi)
        self.last_cues = cues
        if self.transcript is not None and self._transcript_para(pi, cues):
            return
        accs = according_to(att, pi)
        suppressed: set[int] = set()
        acc_quotes: list[tuple[Resolution, tuple[int, int]]] = []
        for acc in accs:
            inner = [c for c in cues if c.container == -1 and acc.clause[0] <= c.start < acc.clause[1]]
            # a speaker named or described in the clause itself speaks ("According to a report, Karasin
            # told …", "According to the BBC, a spokesman for the government said …")
            own = [c for c in inner if c.res.how == "name" or (c.res.how == "description" and c.res.entity)]
            if any(c.res.entity != acc.res.entity or c.res.how == "name" for c in own) or not acc.res.entity:
                continue
            acc_quotes.append((acc.res, acc.clause))
            suppressed.update(id(c) for c in inner)
            for s, e in according_spans(att, acc, pi):
                self._add(
                    "indirect",
                    s,
                    e,
                    pi,
                    acc.res._replace(how="according", confidence=CONFIDENCE["according"]),
                    "According to",
                    None,
                    rule="according-to",
                    speaker_text=self.text[acc.source.start : acc.source.end],
                )
        for idx in sorted(att.by_para.get(pi, ()), key=lambda i: att.spans[i].outer):
            self._direct(idx, cues, acc_quotes)
        for cue in cues:
            if id(cue) in suppressed or not (
                cue.res.entity or self.keep_unattributed_indirect or cue.speaker_text
            ):
                continue
            if cue.container >= 0 and (cue.res.how != "name" or att.etype(cue.res.entity) != "PERSON"):
                continue  # reported speech inside a quotation only with a named person as speaker
            if (
                self.parsed is not None
                and (r := self.parsed.at_cue(cue.start)) is not None
                and r.rule == "negated"
            ):
                continue  # "did not say whether ...": nothing was reported
            rule, spans = indirect_spans(att, cue, cues)
            if rule in NO_CLAUSE_RULES or (
                not cue.res.entity and not self.keep_unattributed_indirect and rule not in CLAUSE_RULES
            ):
                continue  # an unnamed source's words are kept only as a reported clause
            if self.parse_parts(cue) > 1:
                continue  # the parse reads coordinated clauses, one report each
            pc = self.parse_content(cue) if rule not in CLAUSE_RULES else None
            if pc is not None:  # where the parse reads a clause, not an object or topic, the parse decides
                spans = [(a, b) for a, b in spans if min(b, pc[1]) - max(a, pc[0]) >= 0.5 * (b - a)]
            for s, e in spans:
                self._add("indirect", s, e, pi, cue.res, cue.form, cue.start, cue=cue, rule=rule)
        self._parsed_indirect(pi, cues)
        new = [q for q in self.out[n0:] if q.depth == 0]
        if new:
            lastq = max(new, key=lambda q: q.end)
            self.last[pi], self.last_text[pi] = lastq.res, lastq.speaker_text
        self._intro(pi)

    def _add(
        self,
        kind: str,
        s: int,
        e: int,
        pi: int,
        res: Resolution,
        cue_form: str | None,
        cue_start: int | None,
        *,
        span: int = -1,
        cue: Cue | None = None,
        rule: str | None = None,
        speaker_text: str | None = None,
    ) -> Found:
        conf = res.confidence if res.entity else UNRESOLVED_CONFIDENCE
        if kind == "indirect":
            conf *= INDIRECT_FACTOR
        q = Found(
            kind,
            s,
            e,
            pi,
            res._replace(confidence=round(conf, 3)),
            cue_form,
            cue_start,
            self._channel(cue) if cue is not None else None,
            span,
            rule=rule,
            speaker_text=speaker_text or self._phrase_text(cue),
        )
        if span >= 0:
            q.depth, q.parent = self.att.spans[span].depth, self.att.spans[span].parent
        else:
            c = cue.container if cue is not None else -1
            q.depth = self.att.spans[c].depth + 1 if c >= 0 else 0
        self.out.append(q)
        return q

    def _channel(self, cue: Cue) -> str | None:
        """The outlet addressed: "told RT", "in an interview with Al Jazeera Net"."""
        for m in _CHANNEL.finditer(self.text, cue.sentence[0], cue.sentence[1]):
            if m.group().startswith(_ADDRESSEE_VERBS) and m.start() != cue.start:
                continue  # "told X" names the channel of that verb only
            for mt in self.att.mentions_in(m.end(), m.end() + 3):
                if mt.start >= m.end() and self.att.mention_type(mt) in ("ORG", ""):
                    return mt.text
        return None

    # ---- direct quotes -------------------------------------------------------------------
    def _direct(self, idx: int, cues: list[Cue], accs: list[tuple[Resolution, tuple[int, int]]]) -> None:
        att, text = self.att, self.text
        q = att.spans[idx]
        s, e = q.start, q.end
        while s < e and text[s].isspace():
            s += 1
        while e > s and (
            text[e - 1].isspace() or text[e - 1] == "," or (not q.closed and text[e - 1] in ALL_MARKS)
        ):
            e -= 1
        if e <= s or not any(ch.isalnum() for ch in text[s:e]):
            return
        words = len(text[s:e].split())
        o0 = q.outer[0]
        sent = att.sentence(q.parent, q.para, o0)
        naming = _NAMING.search(text, max(sent[0], o0 - 40), o0) if words <= 8 else None
        if naming is not None and not (
            self._named_by_speaker(naming.start(), sent[0])
            or (self.parsed is not None and self.parsed.speech_act_at(naming.start()))
        ):
            return  # a name: the so-called ‘Joint Room’
        if words <= 6 and _title_case(text[s:e]):
            return  # a title or proper name in quotation marks
        found = self._direct_cue(idx, q, cues, sent)
        for ares, (a, b) in accs:
            if a <= o0 < b and found.res.how not in ("name", "pronoun", "object"):
                res = ares._replace(how="according", confidence=CONFIDENCE["according"])
                found = found._replace(res=res, form=found.form or "According to", rule="according-to")
        if found.form is None and found.rule is None:
            if q.open_pos < 0 or q.depth > 0:
                return  # repaired and nested quotes need an attribution of their own
            if not any(ch.isalnum() for ch in text[sent[0] : o0]):
                res, spk = self._continuation(q.para, o0, cues)
                found = found._replace(res=res, rule="continuation" if res.entity else None, text=spk)
        res = found.res
        if words <= MAX_TERM_WORDS and (found.form is None or res.entity is None):
            return  # a quoted term with no identifiable speaker
        if res.entity is None and words <= MAX_FRAGMENT_WORDS and text[s].islower():
            return  # a quoted fragment (“spearheads the struggle”) with no identifiable speaker
        self._add(
            "direct",
            s,
            e,
            q.para,
            res,
            found.form,
            found.start,
            span=idx,
            cue=found.cue,
            rule=found.rule,
            speaker_text=found.text,
        )

    def _direct_cue(self, idx: int, q: QuoteSpan, cues: list[Cue], sent: tuple[int, int]) -> DirectCue:
        """The cue of a quotation from the word-level rules (after it, inside it, before it), and
        from the parse where they find no speaker."""
        cue, rule = self._right_cue(q, cues), "cue-after"
        if cue is None:
            cue, rule = self._paren_cue(idx, q, cues), "cue-inside"
        if cue is None:
            cue, rule = self._left_cue(q, cues, sent), "cue-before"
            if cue is not None and self.text[cue.end : q.outer[0]].rstrip().endswith(":"):
                rule = "colon"
        found = DirectCue(UNRESOLVED, None, None, None, None, None)
        if cue is not None:
            found = DirectCue(cue.res, cue.form, cue.start, rule, self._phrase_text(cue), cue)
        tc = self.parsed.quote_cue(q.outer, sent, q.para) if self.parsed is not None else None
        if tc is None or not tc.speaker.res.entity or found.res.entity == tc.speaker.res.entity:
            return found
        if found.res.entity and not (tc.speaker.named and tc.cue_start == found.start):
            return found  # the word-level cue stands unless the parse names another subject of it
        if tc.inherited and len(self.text[q.start : q.end].split()) <= MAX_TERM_WORDS:
            return found  # "..., describing it as “moderate”": a term needs a speaker of its own
        return DirectCue(tc.speaker.res, tc.cue or found.form, tc.cue_start, tc.rule, tc.speaker.text, None)

    def _named_by_speaker(self, pos: int, lo: int) -> bool:
        """ "what he called its “balanced position”": a speaker names it, so it is a quote."""
        toks = self.att.tokens(lo, pos)
        if not toks:
            return False
        last = toks[-1]
        return last.low in PRONOUNS or any(
            m.end == last.end for m in self.att.mentions_in(last.start, last.end)
        )

    def _right_cue(self, q: QuoteSpan, cues: list[Cue]) -> Cue | None:
        att = self.att
        o1 = q.outer[1]
        pend = att.paragraphs[q.para].end
        send = att.sentence(q.parent, q.para, o1 - 1)[1]
        for cue in cues:
            if cue.container != q.parent or cue.start < o1:
                continue
            if cue.start >= send:
                return None  # “… .” The council has not responded. (a new sentence)
            between = att.tokens(o1, cue.start)
            if (
                len(between) > 14
                or any(att.is_mark(t) for t in between)
                or "direct" not in cue.info.frames
                or any(
                    t.low == "that" or (t.low in _RELATIVE_WORDS and (k == 0 or between[k - 1].text != ","))
                    for k, t in enumerate(between)
                )
            ):
                return None
            if any(t.is_word for t in between) and (
                cue.phrase is None or cue.inverted or cue.phrase.start < o1
            ):
                return None  # “…” and called on …: the words between are not the cue's subject
            after = att.tokens(
                cue.phrase.end if cue.inverted and cue.phrase else cue.end, min(pend, cue.end + 120)
            )
            if not after or after[0].text in ".,;!?…)—–":
                return cue
            first = after[0]
            if first.text == ":" or att.is_mark(first) or first.low in _CLAUSE_WORDS:
                return None
            for t in after[:8]:
                if t.text in ".,;!?…)":
                    return cue
                if (
                    t.text == ":"
                    or att.is_mark(t)
                    or t.low in ("that", "how")
                    or t.low in att.lexicon.by_form
                ):
                    return None
            return None
        return None

    def _paren_cue(self, idx: int, q: QuoteSpan, cues: list[Cue]) -> Cue | None:
        """ ", said Karasin," / "[Karasin says]" inside the quote itself."""
        att = self.att
        for cue in cues:
            if cue.container != idx:
                continue
            before = att.tokens(max(q.start, cue.start - 80), cue.start)[-5:]
            k = next((i for i in range(len(before) - 1, -1, -1) if not before[i].is_word), -1)
            if k < 0 or before[k].text not in ",[" or (k > 0 and att.is_mark(before[k - 1])):
                continue
            after = att.tokens(cue.end, q.end)[:5]
            j = next((i for i, t in enumerate(after) if not t.is_word), -1)
            if j < 0 or after[j].text not in ",]" or (j + 1 < len(after) and att.is_mark(after[j + 1])):
                continue
            if not _phrase_beside(cue, before[k].end, after[j].start):
                continue  # "..., but ask anyone close to her, ...": no speaker of its own
            return cue
        return None

    def _left_cue(self, q: QuoteSpan, cues: list[Cue], sent: tuple[int, int]) -> Cue | None:
        """The cue before the quote in its sentence: the one introducing it ("X said: “"), else the
        outermost whose reported clause holds it ("She said Taranov had explained it “calmly”"),
        else a parenthetical one (", he said,"), else the nearest."""
        att = self.att
        cands = [c for c in cues if c.container == q.parent and sent[0] <= c.start < q.outer[0]]
        if not cands:
            return None
        near = cands[-1]
        gap = att.tokens(near.phrase.end if near.inverted and near.phrase else near.end, q.outer[0])
        if not gap or (len(gap) <= 6 and gap[-1].text in ":,"):
            return near
        for c in cands:
            cl = clause_start(att, c)
            if (
                cl is not None
                and cl.frame not in ("final", "paren")
                and cl.start <= q.outer[0]
                and q.outer[0] < clause_end(att, cl.start, c, cues)
            ):
                return c
        for c in reversed(cands):
            cl = clause_start(att, c)
            if cl is not None and cl.frame == "paren":
                return c
        return near

    # ---- result ------------------------------------------------------------------------
    def finish(self, doc_id: str) -> list[Quote]:
        att = self.att
        nested_ok = {q.parent for q in self.out if q.span >= 0 and q.parent >= 0 and q.cue}
        seen: set[tuple[str, int, int]] = set()
        quotes: list[Quote] = []
        for q in sorted(self.out, key=lambda q: (q.start, q.end, q.kind)):
            if (
                q.kind == "direct"
                and q.span >= 0
                and q.depth == 0
                and not q.res.entity
                and not q.cue
                and q.span in nested_ok
            ):
                continue  # a frame: unattributed outer quote around attributed quotes
            key = (q.kind, q.start, q.end)
            if key in seen or q.end <= q.start:
                continue
            seen.add(key)
            quotes.append(
                Quote(
                    id=short_hash(doc_id, q.kind, q.start, q.end),
                    kind=q.kind,
                    start=q.start,
                    end=q.end,
                    text=att.text[q.start : q.end],
                    speaker=q.res.entity,
                    cue=q.cue,
                    cue_start=q.cue_start,
                    channel=q.channel,
                    confidence=q.res.confidence if q.res.entity else UNRESOLVED_CONFIDENCE,
                    rule=q.rule,
                    speaker_text=q.speaker_text,
                )
            )
        return quotes


def _phrase_beside(cue: Cue, lo: int, hi: int) -> bool:
    """Whether a parenthetical cue between the marks at ``lo`` and ``hi`` has its speaker phrase
    there too (", he said,", ", said Karasin,"; not ", but ask anyone close to her,")."""
    return cue.phrase is not None and lo <= cue.phrase.start and cue.phrase.end <= hi


def _body_paragraphs(text: str, paragraphs: Sequence[Span] | None, body: Sequence[Span] | None) -> list[Span]:
    paras = list(paragraphs) if paragraphs is not None else split_paragraphs(text)
    if body is None or paragraphs is not None:
        return [Span(max(0, p.start), min(len(text), p.end)) for p in paras if p.end > p.start]
    out = []
    for p in paras:
        for b in body:
            s, e = max(p.start, b.start), min(p.end, b.end)
            if e > s and text[s:e].strip():
                out.append(Span(s, e))
    return out


def _inside(p: Span, body: Sequence[Span]) -> bool:
    """``p`` lies inside one of the ``body`` spans (sorted, not overlapping): one bisection."""
    i = bisect.bisect_right(body, (p.start, math.inf)) - 1
    return i >= 0 and body[i].start <= p.start and p.end <= body[i].end


def extract_quotes(
    text: str,
    *,
    doc_id: str = "",
    paragraphs: Sequence[Span] | None = None,
    mentions: Sequence[Mention] = (),
    entities: Sequence[Entity] = (),
    body_spans: Sequence[Span] | None = None,
    lexicon: Lexicon | None = None,
    keep_unattributed_indirect: bool = False,
    parses: Sequence[tuple[int, Any]] = (),
) -> list[Quote]:
    """Direct and indirect quotes of ``text`` with their speakers (local entity ids of ``entities``).

    ``paragraphs`` are the body paragraphs (as the segment stage gives them); without them the
    text is split into paragraphs and clipped to ``body_spans`` when given. ``mentions`` and
    ``entities`` are the document's actor mentions and local entities (may be empty: quotes are
    then found with ``speaker=None``). ``parses`` are the parse stage's ``(offset, Doc)`` pairs: with
    them, reported speech is also read from the dependency trees (:mod:`newsgraph.quotes.reported`).
    Quotes come sorted by offset.
    """
    paras = _body_paragraphs(text, paragraphs, body_spans)
    if body_spans is not None and paragraphs is not None:
        body = sorted(body_spans)
        paras = [p for p in paras if _inside(p, body)]
    spans = find_quote_spans(text, paras)
    att = Attributor(text, paras, spans, list(mentions), list(entities), lexicon or default_lexicon())
    att.headings = {
        i for i, p in enumerate(paras) if is_heading(text[p.start : p.end], first=(i == 0 and p.start < 200))
    }
    lex = lexicon or default_lexicon()
    parsed = ParsedSpeech(parses, lex, att) if parses else None
    att.parsed = parsed
    dq = _DocQuotes(att, keep_unattributed_indirect, parsed=parsed)
    for pi in range(len(paras)):
        dq.paragraph(pi)
    return dq.finish(doc_id)
