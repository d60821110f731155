"""Event extraction from one analysed document: lexicon triggers, their participants, flags.

For every body sentence, every trigger form of the lexicon (:mod:`.lexicon`) is read as a verb or a
noun; the entries that use the form are tried by priority, and the first that finds both a
source and a target (actor mentions, see :mod:`.syntax`) gives the event. Negation and
hypotheticality are flagged (:mod:`.modality`), places and dates attached (:mod:`.places`,
:mod:`.eventdates`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsgraph.events import assemble, eventdates, statements
from newsgraph.events.lexicon import Entry, EventLexicon
from newsgraph.events.modality import hypothetical, negated
from newsgraph.events.participants import _GOVERNING, _HARD, DocState, Participants, Reading
from newsgraph.events.places import PlaceResolver, demonym_mentions
from newsgraph.events.syntax import (
    AUX,
    DET,
    NEG,
    POSS_PRON,
    PREP_ADJ,
    REL,
    SentenceView,
)
from newsgraph.models import AnalyzedDoc, DateValue, Entity, Event, Mention, Quote, Span


class Extractor(Participants):
    def __init__(self, ad: AnalyzedDoc, lex: EventLexicon, places: PlaceResolver) -> None:
        self.ad, self.lex, self.places = ad, lex, places
        self.text = ad.text
        self.entities: dict[str, Entity] = {e.id: e for e in ad.entities}
        ms = sorted(
            (m for m in ad.mentions if m.entity in self.entities and ad.in_body(m.start, m.end)),
            key=lambda m: (m.start, -(m.end - m.start)),
        )
        self.mentions: list[Mention] = []
        for m in ms:
            if not self.mentions or m.start >= self.mentions[-1].end:
                self.mentions.append(m)
        extra = demonym_mentions(ad, places.kb, [(m.start, m.end) for m in self.mentions])
        if extra:
            self.mentions = sorted(self.mentions + extra, key=lambda m: m.start)
        self.quotes: list[Quote] = sorted(ad.quotes, key=lambda q: q.start) if "quotes" in ad.done else []
        self.date_spans = {d.start: d.end for d in ad.dates if d.start is not None and d.end is not None}
        self.state = DocState()
        self.pair: tuple[list[str], list[str]] | None = None  # set when "the two sides" was resolved
        self._n = 0

    # ---- driver ----------------------------------------------------------------------------
    def run(self) -> list[Event]:
        mi = 0
        for s in sorted(self.ad.sentences, key=lambda s: s.start):
            if not self.ad.in_body(s.start, s.end) or self._heading(s):
                continue
            while mi < len(self.mentions) and self.mentions[mi].end <= s.start:
                mi += 1
            j = mi
            sent_mentions = []
            while j < len(self.mentions) and self.mentions[j].start < s.end:
                sent_mentions.append(self.mentions[j])
                j += 1
            sv = SentenceView(self.text, s.start, s.end, sent_mentions, self.entities)
            self._sentence(sv, s)
            for m in sent_mentions:
                if self.entities[m.entity].type == "PERSON":
                    self.state.persons.append((m.start, m.entity))
        return self.state.events

    def _heading(self, s: Span) -> bool:
        """A title or section heading: one line, no final stop, mostly capitalised words."""
        seg = self.text[s.start : s.end].strip()
        if (
            self.ad.doc.title
            and s.start < len(self.ad.doc.title) + 2
            and seg == self.ad.doc.title.strip()
            and seg.rstrip("”\"’'")[-1:] not in (".", "?", "!")
        ):
            return True  # the headline repeats the story; its events are in the body
        if "\n" in seg or seg.rstrip("”\"’'")[-1:] in (".", "?", "!") or len(seg) > 200:
            return False
        words = [w for w in seg.split() if w[:1].isalpha()]
        caps = sum(1 for w in words if w[:1].isupper())
        return bool(words) and caps >= 0.6 * len(words)

    def _sentence(self, sv: SentenceView, s: Span) -> None:
        readings: list[tuple[Reading, Entry]] = []
        taken: list[tuple[int, int]] = []
        self._remember_delegations(sv)
        for m in self.lex.finditer(self.text, s.start, s.end):
            if any(x.start < m.end and m.start < x.end for x in sv.toks if x.is_mention):
                continue
            i = sv.index_at(m.start)
            if i is None or sv.toks[i].start != m.start:
                continue
            k = i
            while k < len(sv) and sv.toks[k].end <= m.end:
                k += 1
            for entry in sorted(m.entries, key=lambda e: -e.priority):
                noun = self._noun_reading(sv, i, m.form, entry)
                if noun is None:
                    continue
                cs, rel = sv.clause_start(i)
                r = Reading(sv, i, k, m, noun, cs, rel)
                if self._context_ok(r, entry):
                    readings.append((r, entry))
                    taken.append((m.start, m.end))
                    break
        made: list[tuple[Reading, Event]] = []
        for r, entry in readings:
            if self._governed(r, readings):
                continue
            ev = self._event(r, entry, s)
            if ev is not None:
                made.append((r, ev))
        # nouns that gave no event still hold the dates of their own phrase ("after the talks on Friday")
        claims = [
            r
            for r, _ in readings
            if r.noun
            and all(r is not m for m, _ in made)
            and (
                sv.low(r.i - 2) in ("after", "before", "following", "since")
                or sv.low(r.i - 1) in ("after", "before", "following", "since")
            )
        ]
        trig = [eventdates.Trigger(r.match.start, r.match.end, r.noun) for r in [m for m, _ in made] + claims]
        own, free = eventdates.own_dates(trig, self.ad.dates, Span(s.start, s.end), self.text)
        stated = statements.from_quotes(self, sv, s, [ev for _, ev in made])
        for n, (r, ev) in enumerate(made):
            self._date(ev, own.get(n), free, r.match.start)
            self.state.events.append(ev)
        for pos, ev in stated:
            self._date(ev, None, free, pos)
            self.state.events.append(ev)

    # ---- reading a trigger -----------------------------------------------------------------
    def _noun_reading(self, sv: SentenceView, i: int, form: str, e: Entry) -> bool | None:
        """True (noun), False (verb) or None (this entry does not fit here)."""
        as_verb, as_noun = form in e.verb_forms, form in e.noun_forms
        prev = sv.low(i - 1)
        prev_tok = sv.toks[i - 1] if i > 0 else None
        after_prep = sv.low(i + len(form.split())) in ("for", "of", "to", "from", "with", "between")
        prev2 = sv.low(i - 2)
        adj_det = (
            (prev2 in DET or prev2 in POSS_PRON or prev2 in ("’s", "'s"))
            and prev.isalpha()
            and i > 0
            and sv.toks[i - 1].text[:1].islower()
            and prev not in AUX
            and prev not in NEG
            and not sv.is_verbish(i - 1)
        )
        nounish = (
            adj_det
            or prev in DET
            or prev in POSS_PRON
            or prev in ("’s", "'s", "’")
            or prev in PREP_ADJ
            or prev_tok is not None
            and prev_tok.is_mention
            and (
                not as_verb
                or prev_tok.mention is not None
                and prev_tok.mention.kind == "demonym"
                or after_prep
                and self.lex_has_noun(form)
            )
            or prev_tok is not None
            and not prev_tok.is_mention
            and prev not in AUX
            and prev not in NEG
            and prev != "to"
            and sv.is_verbish(i - 1)
        )
        if as_noun and (nounish or not as_verb):
            if e.light and not self._light(sv, i, e):
                return None
            return True
        if (
            as_verb
            and prev not in ("the", "a", "an", "this", "these", "those", "its", "his", "her", "their", "our")
            and not (nounish and prev not in ("to",) and self.lex_has_noun(form))
        ):
            return False
        return None

    def lex_has_noun(self, form: str) -> bool:
        return any(form in x.noun_forms for x in self.lex.by_form.get(form, ()))

    def _light(self, sv: SentenceView, i: int, e: Entry) -> bool:
        for j in range(i - 1, max(-1, i - 7), -1):
            w = sv.low(j)
            if w in e.light or " ".join((sv.low(j), sv.low(j + 1))) in e.light:
                return True
            if w in _HARD or w in REL or sv.toks[j].is_mention and j < i - 3:
                return False
        return False

    def _context_ok(self, r: Reading, e: Entry) -> bool:
        after = self.text[r.match.end : r.match.end + 80]
        before = self.text[max(0, r.match.start - 40) : r.match.start]
        if e.requires is not None and not e.requires.search(after):
            return False
        if e.excludes is not None and e.excludes.search(after):
            return False
        if e.before_excludes is not None and e.before_excludes.search(before):
            return False
        return True

    def _governed(self, r: Reading, readings: Sequence[tuple[Reading, Entry]]) -> bool:
        """A to-infinitive under an offer or appeal ("offered to mediate", "urged X to meet")."""
        sv, i = r.sv, r.i
        if sv.low(i - 1) != "to" and not r.match.form.startswith("to "):
            return False
        for o, oe in readings:
            if o.match.start < r.match.start and oe.type in _GOVERNING and o.i >= r.clause_start:
                between = [sv.low(j) for j in range(o.k, i)]
                if not any(w in _HARD or w == "." for w in between) and len(between) <= 14:
                    return True
        return False

    # ---- participants ------------------------------------------------------------------------
    def _event(self, r: Reading, e: Entry, s: Span) -> Event | None:
        return assemble.event(self, r, e, s)

    def _remember_delegations(self, sv: SentenceView) -> None:
        assemble.remember_delegations(self, sv)

    def _date(self, ev: Event, own: DateValue | None, free: DateValue | None, pos: int) -> None:
        assemble.set_date(self, ev, own, free, pos)

    def new_id(self) -> str:
        self._n += 1
        return f"{self.ad.doc.id}:ev{self._n}"

    def flags(self, r: Reading, e: Entry) -> dict[str, Any]:
        neg = negated(r.sv, r.i, r.clause_start, r.match.form, r.noun)
        hyp = hypothetical(
            r.sv,
            r.i,
            r.k,
            r.clause_start,
            r.match.form,
            r.noun,
            stance=e.stance,
            threat=e.type == "THREATEN",
            intent=e.type == "AGREE",
        )
        return {"negated": neg, "hypothetical": hyp}
