"""Indirect quotes that only the parse finds, added to a document's quotes (a mixin of
:class:`newsgraph.quotes.extract._DocQuotes`).

A report of :mod:`newsgraph.quotes.reported` becomes an indirect quote when its clause has enough
words outside quotation marks (else the direct quote carries it), its cue has a speaker phrase (a
passive "it was reported that" has none), a cue inside a quotation has a named person as its
speaker, and no quote of the word-level rules already covers it (same cue, or half the shorter
text). The speaker may stay unresolved ("officials said ..."): the quote keeps the speaker phrase
and the affiliation it gives, and is not forced onto a named actor.
"""

from __future__ import annotations

import bisect
import itertools
import re

from newsgraph.quotes.blocks import Found
from newsgraph.quotes.indirect import MIN_UNQUOTED_WORDS, mostly_unquoted, trim, unquoted_words
from newsgraph.quotes.parsed import SOURCE_HEADS, ParsedSpeech, Speaker
from newsgraph.quotes.reported import Report
from newsgraph.quotes.speakers import Attributor, Cue, Resolution

#: reported clauses whose subject and verb, outside the quotation marks, make them a report of
#: their own beside the direct quote they hold ('she had “relinquished my titles”')
CLAUSE_OUTSIDE = frozenset({"that-clause", "zero-that"})
MARKS = "\"'“”‘’«»„"
#: rules whose clause is the rest of a sentence: it must not be mostly a direct quotation
LOOSE_RULES = frozenset({"parenthetical", "fronted", "according-to"})


def _outside_words(text: str, s: int, kids: list[tuple[int, int]], cap: int = 2) -> int:
    """Words (as written: "Israel’s" is one) before the first quotation inside a clause, counted up
    to ``cap`` (without a quotation the rest of the text follows: never split it whole)."""
    if any(a < s < b for a, b in kids):
        return 0  # the clause starts inside a quotation
    first = min((a for a, _ in kids if a >= s), default=len(text))
    return sum(1 for _ in itertools.islice(_RUN.finditer(text, s, first), cap))


_RUN = re.compile(r"\S+")


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


class ParseQuotes:
    """Adds the parse's reported clauses (see the module docstring)."""

    att: Attributor
    out: list[Found]
    parsed: ParsedSpeech | None

    def _phrase_text(self, cue: Cue | None) -> str | None:
        raise NotImplementedError  # provided by the host class

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
        raise NotImplementedError  # provided by the host class

    def _parsed_indirect(self, pi: int, cues: list[Cue]) -> None:
        if self.parsed is None:
            return
        p = self.att.paragraphs[pi]
        by_start = {c.start: c for c in cues}
        for r in self._reports_in(p.start, p.end):
            if r.content is None or not p.start <= r.cue_span[0] < p.end:
                continue
            s, e = trim(self.att.text, *r.content)
            container = self.att.container_of(r.cue_span[0], pi)
            sent = self.att.sentence(container, pi, r.cue_span[0])
            s = max(s, sent[0])  # never across the sentence of the cue
            if not (p.start <= s < e <= p.end):
                continue
            self._report(r, pi, s, e, by_start.get(r.cue_span[0]))

    def _reports_in(self, a: int, b: int) -> list[Report]:
        """The parse's reports whose cue starts in ``[a, b)``, in report order: an index by cue offset
        built once per document (not every report for every paragraph)."""
        assert self.parsed is not None
        reports = self.parsed.reports
        index: tuple[list[int], list[int]] | None = self.__dict__.get("_report_index")
        if index is None or len(index[1]) != len(reports):
            order = sorted(range(len(reports)), key=lambda i: (reports[i].cue_span[0], i))
            index = ([reports[i].cue_span[0] for i in order], order)
            self.__dict__["_report_index"] = index
        starts, order = index
        found = order[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)]
        return [reports[i] for i in sorted(found)]

    def _speaker(self, r: Report, pi: int, cue: Cue | None) -> Speaker | None:
        """The report's speaker: the parse's, else the word-level cue's (which also decides for
        coordinated verbs and participles); None when neither has a speaker this could be."""
        assert self.parsed is not None
        sp = self.parsed.report_speaker(r, pi)
        if (
            cue is not None
            and cue.res.entity
            and (not sp.res.entity or (r.how == "inherit" and not sp.named))
        ):
            return Speaker(cue.res, self._phrase_text(cue) or sp.text, False)
        if sp.res.entity or self.parsed.source_like(r) or (r.rule == "noun-that" and r.speaker is None):
            return sp  # "the claim that ...": reported speech whose speaker the text does not give
        if r.speaker is None and cue is not None and cue.phrase is not None:  # a subject the parse missed
            words = self.att.text[cue.phrase.start : cue.phrase.end].split()
            if words and words[-1].lower() in SOURCE_HEADS:
                return Speaker(cue.res, " ".join(words), False)
        return None  # "both sides said", or no subject at all

    def _report(self, r: Report, pi: int, s: int, e: int, cue: Cue | None) -> None:
        att = self.att
        assert self.parsed is not None
        container = att.container_of(r.cue_span[0], pi)
        sp = self._speaker(r, pi, cue)
        if sp is None:
            return
        if container >= 0 and (
            sp.res.how != "name" or att.etype(sp.res.entity) != "PERSON" or r.rule in LOOSE_RULES
        ):
            return  # inside a quotation: a named person's reported clause ("[Karasin says]" is the quote's)
        kids = [k.outer for k in att.children(container, pi)]
        for a, b in kids:  # a clause does not end inside a quotation it opened
            if s <= a < e < b:
                e = trim(att.text, a, b)[1]
        outside = (
            r.rule in CLAUSE_OUTSIDE and att.text[s] not in MARKS and _outside_words(att.text, s, kids) >= 2
        )
        if unquoted_words(att, s, e, kids) < MIN_UNQUOTED_WORDS and not outside:
            return  # (almost) all quotation: the direct quote carries it ('she had “...”' is kept)
        if r.rule == "according-to" and self._channel_only(r, s, e):
            return  # "X said ..., according to NBC": X speaks, NBC is the channel
        if r.rule in LOOSE_RULES and not mostly_unquoted(att, s, e, container, pi):
            return  # "Tel Aviv, the official said, is seeking a “…long quotation…”"
        for q in self.out:
            if q.kind != "indirect" or q.para != pi:
                continue
            o = _overlap((q.start, q.end), (s, e))
            if (q.cue_start == r.cue_span[0] and o) or o >= 0.5 * min(q.end - q.start, e - s):
                if q.res.entity is None and sp.res.entity:
                    q.res, q.speaker_text = sp.res, sp.text
                return
        q = self._add(
            "indirect", s, e, pi, sp.res, r.cue_text, r.cue_span[0], rule=r.rule, speaker_text=sp.text
        )
        if container >= 0:
            q.depth, q.parent = att.spans[container].depth + 1, container

    def parse_parts(self, cue: Cue) -> int:
        """How many reported clauses the parse reads for a word-level cue ("said A, and B": two)."""
        if self.parsed is None:
            return 0
        return sum(1 for r in self.parsed.by_cue.get(cue.start, ()) if r.content and r.rule != "according-to")

    def parse_content(self, cue: Cue) -> tuple[int, int] | None:
        """The reported clause the parse gives a word-level cue (None: it gives none)."""
        if self.parsed is None:
            return None
        r = self.parsed.at_cue(cue.start)
        return r.content if r is not None and r.content and r.rule != "according-to" else None

    def _channel_only(self, r: Report, s: int, e: int) -> bool:
        assert self.parsed is not None
        return any(
            o.rule != "according-to" and o.how in ("subject", "inverted") and s <= o.cue_span[0] < e
            for o in self.parsed.reports
        )
