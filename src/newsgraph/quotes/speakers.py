"""Speaker attribution: speech-verb cues and their speaker phrases, resolved in document order.

Rule-based and model-free. :class:`Attributor` holds one document's text, paragraphs, quoted spans,
mentions and entities. For each speech-verb occurrence it finds the speaker phrase (the verb's
subject before or after the verb, an inherited subject for participles and coordinated verbs, or
the object of "quoted X as saying"; see :mod:`newsgraph.text.nounphrases`) and resolves the phrase to
a local entity id (see :mod:`newsgraph.quotes.resolution`).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from newsgraph.models import Entity, Mention, Span
from newsgraph.quotes.gender import Genders
from newsgraph.quotes.marks import QuoteSpan
from newsgraph.quotes.resolution import (
    CONFIDENCE,
    UNRESOLVED,
    UNRESOLVED_CONFIDENCE,
    Record,
    Resolution,
    SpeakerResolver,
)
from newsgraph.text import lexicons
from newsgraph.text.nounphrases import (
    DETERMINERS,
    GLUED_SENTENCE_END,
    HEADS,
    MARK_CHARS,
    PASSIVE_AUX,
    PRONOUNS,
    SKIP_LEFT,
    Phrase,
    Tok,
)
from newsgraph.text.speechverbs import Lexicon, VerbInfo
from newsgraph.text.util import split_sentences

__all__ = ["CONFIDENCE", "UNRESOLVED", "UNRESOLVED_CONFIDENCE", "Attributor", "Cue", "Resolution"]

_NOT_NOUN_DETERMINERS = lexicons.words("quotes.noun_determiners_not")
_VERB_AFTER = lexicons.words("quotes.verb_after")
_PARTICIPLE_AFTER = lexicons.words("quotes.participle_after")


@dataclass
class Cue:
    """One speech-verb occurrence with its speaker phrase and resolved speaker."""

    start: int
    end: int
    form: str
    info: VerbInfo
    container: int  # index of the innermost quote holding the verb, -1 for narrative text
    para: int
    sentence: tuple[int, int]
    phrase: Phrase | None = None
    res: Resolution = UNRESOLVED
    inverted: bool = False
    inherit_next: bool = False
    direct_subject: bool = False  # the subject was found before the verb (not inherited or inverted)
    speaker_text: str | None = None  # the speaker phrase the parse gives, when it decided the speaker

    @property
    def participle(self) -> bool:
        return self.form.lower().endswith("ing")


@dataclass
class Attributor(SpeakerResolver):
    """Per-document attribution state; built once per document, used in document order."""

    text: str
    paragraphs: Sequence[Span]
    spans: Sequence[QuoteSpan]
    mentions: Sequence[Mention]
    entities: Sequence[Entity]
    lexicon: Lexicon
    headings: set[int] = field(default_factory=set)
    records: list[Record] = field(default_factory=list)
    parsed: Any = None  # a newsgraph.quotes.parsed.ParsedSpeech when the document has parses

    def __post_init__(self) -> None:
        self.ents = {e.id: e for e in self.entities}
        ms = sorted(self.mentions, key=lambda m: (m.start, -m.end))
        self._ms = ms
        self._mstarts = [m.start for m in ms]
        self._maxlen = max((m.end - m.start for m in ms), default=0)
        self.mark_pos = {p for s in self.spans for p in (s.open_pos, s.close_pos) if p >= 0}
        self.open_pos = {s.open_pos for s in self.spans if s.open_pos >= 0}
        self._sent_cache: dict[int, list[int]] = {}
        self._pstarts = [p.start for p in self.paragraphs]
        self._tok_cache: dict[int, tuple[list[Tok], list[int]]] = {}
        self.by_para: dict[int, list[int]] = {}
        for i, s in enumerate(self.spans):
            self.by_para.setdefault(s.para, []).append(i)
        self.subjects = self._sentence_subjects()
        self.genders = Genders(self.text, self.mentions, self.entities)

    # ---- basic helpers ---------------------------------------------------------------
    def container_span(self, c: int, para: int) -> tuple[int, int]:
        if c >= 0:
            s = self.spans[c]
            return s.start, s.end
        p = self.paragraphs[para]
        return p.start, p.end

    def children(self, c: int, para: int) -> list[QuoteSpan]:
        return [self.spans[i] for i in self.by_para.get(para, ()) if self.spans[i].parent == c]

    def container_of(self, pos: int, para: int) -> int:
        best = -1
        for i in self.by_para.get(para, ()):
            o = self.spans[i].outer
            if o[0] < pos < o[1] and (best < 0 or self.spans[i].depth > self.spans[best].depth):
                best = i
        return best

    def sentence(self, c: int, para: int, pos: int) -> tuple[int, int]:
        """The sentence of container ``c`` holding ``pos`` (boundaries inside child quotes ignored)."""
        key = c if c >= 0 else -1 - para
        starts = self._sent_cache.get(key)
        cs, ce = self.container_span(c, para)
        if starts is None:
            kids = [k.outer for k in self.children(c, para)]
            found = {s.start for s in split_sentences(self.text, Span(cs, ce))}
            for m in GLUED_SENTENCE_END.finditer(self.text, cs, ce):  # "statement.Speaking", "thing.”Russia"
                p = m.end()
                found.add(p if p in self.open_pos else p + 1 if self.text[p] in MARK_CHARS else p)
            starts = sorted(x for x in found if not any(a < x < b for a, b in kids))
            if not starts or starts[0] > cs:
                starts.insert(0, cs)
            self._sent_cache[key] = starts
        k = bisect.bisect_right(starts, pos) - 1
        s = starts[max(k, 0)]
        e = starts[k + 1] if k + 1 < len(starts) else ce
        return s, e

    # ---- subject candidates ----------------------------------------------------------
    def _sentence_subjects(self) -> list[Record]:
        """First PERSON and first ORG/STATE mention of every sentence outside quotes."""
        out: list[Record] = []
        for pi, p in enumerate(self.paragraphs):
            quoted = [self.spans[i].outer for i in self.by_para.get(pi, ()) if self.spans[i].depth == 0]
            for s in split_sentences(self.text, p):
                seen: set[str] = set()
                for m in self.mentions_in(s.start, s.end):
                    if m.start < s.start or any(a <= m.start < b for a, b in quoted):
                        continue
                    t = self.mention_type(m)
                    group = "PERSON" if t == "PERSON" else "GROUP" if t in ("ORG", "STATE") else ""
                    if group and group not in seen:
                        seen.add(group)
                        out.append(Record(m.start, m.entity, t, pi))
        return out

    # ---- speaker phrases -------------------------------------------------------------
    def is_verb(self, vm_start: int, form: str, info: VerbInfo, lo: int) -> bool:
        """Filter noun readings ("the state", "member states") and adjectival participles."""
        toks = self.tokens(max(lo, vm_start - 40), vm_start)
        prev = toks[-1] if toks else None
        low = form.lower()
        if prev is not None and prev.low in DETERMINERS and prev.low not in _NOT_NOUN_DETERMINERS:
            return False
        if low in info.ambiguous:
            if prev is None or not (
                prev.low in PRONOUNS
                or prev.low in SKIP_LEFT
                or prev.low in _VERB_AFTER
                or prev.text[0].isupper()
                or prev.text in "]),"
            ):
                return False
        if low.endswith("ing") and prev is not None and prev.is_word and prev.low not in _PARTICIPLE_AFTER:
            return False  # "statements stressing …" is not a speech act of its own
        return True

    def find_cues(self, para: int) -> list[Cue]:
        """Speech-verb cues of paragraph ``para`` with their speaker phrases, resolved in order."""
        p = self.paragraphs[para]
        cues: list[Cue] = []
        for vm in self.lexicon.finditer(self.text, p.start, p.end):
            if any(q in self.mark_pos for q in range(vm.start, vm.end)):
                continue
            c = self.container_of(vm.start, para)
            sent = self.sentence(c, para, vm.start)
            if vm.form[0].isupper() and any(ch.isalnum() for ch in self.text[sent[0] : vm.start]):
                continue  # "the United States" is no verb; only sentence-initial forms may be capitalised
            if not self.is_verb(vm.start, vm.form, vm.info, sent[0]):
                continue
            cues.append(Cue(vm.start, vm.end, vm.form, vm.info, c, para, sent))
        for k, cue in enumerate(cues):
            self._subject(cue, cues[:k])
            if self.parsed is not None:
                self._parsed_subject(cue)
            self.record(cue.start, cue.res, para)
        for k, cue in enumerate(cues):
            if cue.inherit_next:
                nxt = next((c for c in cues[k + 1 :] if c.sentence == cue.sentence and c.res.entity), None)
                if nxt is not None:
                    cue.phrase = nxt.phrase
                    cue.res = nxt.res._replace(how="inherit", confidence=CONFIDENCE["inherit"])
        return cues

    def _subject(self, cue: Cue, earlier: list[Cue]) -> None:
        """Find and resolve the speaker phrase of ``cue``: the object of "quoted X as saying", the
        subject before the verb, after it ("…,” said X"), or one inherited from an earlier verb."""
        lo = cue.sentence[0]
        if cue.info.speaker_is_object:
            cue.phrase = self.np_right(cue.end, cue.sentence[1])
            cue.res = self.resolve(cue.phrase, cue.para, cue.start)
            if cue.res.entity:
                cue.res = cue.res._replace(how="object", confidence=CONFIDENCE["object"])
            return
        if cue.participle and not any(ch.isalnum() for ch in self.text[lo : cue.start]):
            cue.inherit_next = True  # "Noting that …, Naim said"
            return
        toks = self.tokens(lo, cue.start)
        k = len(toks) - 1
        while k >= 0 and toks[k].low in SKIP_LEFT and toks[k].text != "[":
            if toks[k].low in PASSIVE_AUX and k == len(toks) - 1:
                return  # "it should be noted that": a passive has no speaker here
            k -= 1
        prev = toks[k] if k >= 0 else None
        ph = None if cue.participle else self.subject_left(lo, cue.start)
        after_comma = prev is not None and (prev.text == "," or self.is_mark(prev))
        if ph is None and after_comma and not cue.participle:
            inv = self.np_right(cue.end, cue.sentence[1])
            if inv is not None:
                cue.phrase, cue.inverted = inv._replace(kind="inverted"), True
                cue.res = self.resolve(inv, cue.para, cue.start)
                return
        coordinated = prev is not None and (prev.low in _VERB_AFTER or prev.text == "," or cue.participle)
        if ph is None and coordinated:
            self._inherit(cue, earlier)
            return
        self._own_subject(cue, ph)

    def _parsed_subject(self, cue: Cue) -> None:
        """The parse's speaker where the word-level one is missing, or where the parse's subject is
        itself a name ("Doug Collins of Georgia said": Collins, not Georgia)."""
        r = self.parsed.at_cue(cue.start)
        if r is None or r.speaker is None or r.how == "inherit":
            return  # a participle or coordinated verb inherits by the word-level rules
        sp = self.parsed.report_speaker(r, cue.para)
        if sp.res.entity and (cue.res.entity is None or (sp.named and sp.res.entity != cue.res.entity)):
            cue.res, cue.speaker_text = sp.res, sp.text
        elif cue.res.entity is None and self.parsed.source_like(r):
            cue.speaker_text = sp.text
        elif not sp.res.entity and self.parsed.not_resolvable(r.speaker, cue.res.entity):
            cue.res, cue.speaker_text = UNRESOLVED, sp.text  # "Associates of X said": not X

    def _inherit(self, cue: Cue, earlier: list[Cue]) -> None:
        """A coordinated verb or a participle ("…, and added", "…, stressing"): the speaker of the
        previous verb of its sentence, else the subject of its clause."""
        same = [
            c for c in earlier if c.sentence == cue.sentence and c.container == cue.container and c.res.entity
        ]
        if same:
            cue.phrase = same[-1].phrase
            cue.res = same[-1].res._replace(how="inherit", confidence=CONFIDENCE["inherit"])
            return
        cue.phrase = ph = self.clause_subject(cue.sentence[0], cue.start)
        res = self.resolve(ph, cue.para, cue.start)
        cue.res = res._replace(how="inherit", confidence=CONFIDENCE["inherit"]) if res.entity else res

    def _own_subject(self, cue: Cue, ph: Phrase | None) -> None:
        """The verb's own subject phrase, resolved; its head noun kept for later references."""
        lo = cue.sentence[0]
        cue.phrase = ph
        cue.direct_subject = ph is not None
        pos = cue.start
        if (
            ph is not None
            and ph.kind == "pronoun"
            and self.text[lo : ph.start].rstrip().endswith(",")
            and self.text[cue.end : cue.end + 2].lstrip().startswith(",")
        ):
            pos = lo  # "Dubrovin, he said, had asked …": "he" is not Dubrovin
        cue.res = self.resolve(ph, cue.para, pos)
        if cue.res.head is None and ph is not None:
            heads = [t.low for t in self.tokens(ph.start, ph.end) if t.is_word and t.low in HEADS]
            if heads and cue.res.entity:
                cue.res = cue.res._replace(head=heads[0])
