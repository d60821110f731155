"""Quotes organised by paragraph structure: headline quotes, paragraphs introduced by a colon
("The following are excerpts from …:", "X, to Y channel:" transcripts) and quotations continued
over paragraphs. A mixin of :class:`newsgraph.quotes.extract._DocQuotes`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.quotes.indirect import trim
from newsgraph.quotes.marks import ALL_MARKS
from newsgraph.quotes.speakers import CONFIDENCE, UNRESOLVED, Attributor, Cue, Resolution
from newsgraph.text import lexicons
from newsgraph.text.nounphrases import PERSON_HEADS
from newsgraph.text.tokens import words

#: headline quotes need at least this many words (clause-level, not a quoted word)
MIN_HEADING_WORDS = 5

_TRANSCRIPT = re.compile(
    rf"(?:,\s*|\s+)(?P<cue>{lexicons.pattern('quotes.transcript_cues')})"
    r"\s+(?P<chan>[^:\n]{2,80}?)\s*(?:\([^()\n]{0,20}\))?\s*:\s*$"
)
_EXCERPTS = re.compile(rf"\b(?:{lexicons.pattern('quotes.excerpt_words')})\b", re.IGNORECASE)
_PUBLICATION = re.compile(
    rf"\b(?:{lexicons.pattern('quotes.publication_nouns')})\s+"
    rf"(?:{lexicons.pattern('quotes.publication_links')})\s+",
    re.IGNORECASE,
)
_HEADING_PREP = lexicons.words("quotes.heading_prepositions") | lexicons.words("quotes.heading_to")
_ADDRESSEE_VERBS = lexicons.words("quotes.addressee_verbs")


@dataclass
class Found:
    """A quote found in a document, before it becomes a :class:`~newsgraph.models.Quote`."""

    kind: str
    start: int
    end: int
    para: int
    res: Resolution
    cue: str | None = None
    cue_start: int | None = None
    channel: str | None = None
    span: int = -1  # index of the quoted span (direct quotes)
    depth: int = 0
    parent: int = -1
    rule: str | None = None  # how it was found (see :attr:`newsgraph.models.Quote.rule`)
    speaker_text: str | None = None


class BlockQuotes:
    """Headings, introductions, transcripts and continued quotations (see the module docstring)."""

    att: Attributor
    out: list[Found]
    last: dict[int, Resolution]
    last_text: dict[int, str | None]
    intro: dict[int, Resolution]
    transcript: tuple[Resolution, str | None, str | None] | None
    last_cues: list[Cue]

    @property
    def text(self) -> str:
        return self.att.text

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

    def _phrase_text(self, cue: Cue | None) -> str | None:
        """The words of a cue's speaker phrase ("a senior official", "Lavrov")."""
        if cue is None:
            return None
        if cue.speaker_text or cue.phrase is None:
            return cue.speaker_text
        return self.text[cue.phrase.start : cue.phrase.end]

    def _continuation(self, pi: int, pos: int, cues: list[Cue]) -> tuple[Resolution, str | None]:
        """The speaker (and speaker phrase) of the quotation this unattributed quote continues."""
        best: tuple[int, Resolution, str | None] | None = None
        for q in self.out:
            if q.para == pi and q.depth == 0 and q.end <= pos and (best is None or q.end > best[0]):
                best = (q.end, q.res, q.speaker_text)
        for c in cues:
            if c.container == -1 and c.start < pos and c.res.entity and (best is None or c.start > best[0]):
                best = (c.start, c.res, self._phrase_text(c))
        if best is not None:
            res, spk = best[1], best[2]
        else:
            pp = pi - 1
            if pp < 0 or pp in self.att.headings:
                return UNRESOLVED, None
            res = self.last.get(pp) or self.intro.get(pp) or UNRESOLVED
            spk = self.last_text.get(pp)
        if not res.entity:
            return UNRESOLVED, None
        return res._replace(
            how="continuation", confidence=min(res.confidence, CONFIDENCE["continuation"])
        ), spk

    # ---- headings, introductions, transcripts ---------------------------------------------
    def _heading(self, pi: int) -> None:
        att, text = self.att, self.text
        p = att.paragraphs[pi]
        for idx in att.by_para.get(pi, ()):
            q = att.spans[idx]
            s, e = trim(text, q.start, q.end)
            if q.depth or e <= s or len(text[s:e].split()) < MIN_HEADING_WORDS:
                continue
            prefix = text[p.start : q.outer[0]]
            if ":" not in prefix:
                continue
            lead = prefix[: prefix.index(":")]
            head_words = []
            for w in words(lead):
                if w in _HEADING_PREP:
                    break
                head_words.append(w)
            head = head_words[-1].lower() if head_words else ""
            persons = [
                m
                for m in att.mentions_in(p.start, p.start + len(lead))
                if m.start >= p.start and att.mention_type(m) == "PERSON"
            ]
            if persons:  # "Lisitsyn to Sabil delegation: Valdoria “will keep every channel open”"
                res = Resolution(persons[0].entity, "heading", CONFIDENCE["heading"] + 0.2)
            else:
                res = att.unique_title(head) if head in PERSON_HEADS else UNRESOLVED
            if text[e - 1] in ALL_MARKS:
                e -= 1
            self._add("direct", s, e, pi, res, None, None, span=idx, rule="heading")

    def _intro(self, pi: int) -> None:
        """A paragraph ending with a colon that introduces the next paragraphs' words."""
        att, text = self.att, self.text
        p = att.paragraphs[pi]
        s = text[p.start : p.end].rstrip()
        if not s.endswith(":") or att.by_para.get(pi) or len(s.split()) > 60:
            return
        nxt = pi + 1
        nstart = text[att.paragraphs[nxt].start] if nxt < len(att.paragraphs) else ""
        m = _TRANSCRIPT.search(s)
        if m and len(s.split()) <= 30 and nstart and nstart not in ALL_MARKS:
            ph = att.subject_left(p.start, p.start + m.start("cue"))
            res = att.resolve(ph, pi, p.start + m.start("cue"))
            if res.entity and att.etype(res.entity) == "PERSON":
                cue = m.group("cue") if m.group("cue") in _ADDRESSEE_VERBS else None
                self.transcript = (
                    res._replace(how="intro", confidence=CONFIDENCE["intro"]),
                    cue,
                    m.group("chan").strip(),
                )
                return
        said = [c for c in self.last_cues if c.container == -1 and c.res.entity]
        if said and not _EXCERPTS.search(s):  # "Abbas told reporters:" + quoted paragraphs
            self.intro[pi] = said[-1].res._replace(how="intro", confidence=CONFIDENCE["intro"])
            return
        if _EXCERPTS.search(s):
            for pm in _PUBLICATION.finditer(s):
                at = p.start + pm.end()
                if text.startswith(("The ", "the "), at):
                    at += 4
                for mt in att.mentions_in(at, at + 1):
                    if mt.start == at:
                        self.intro[pi] = Resolution(mt.entity, "intro", CONFIDENCE["intro"])

    def _transcript_para(self, pi: int, cues: list[Cue]) -> bool:
        """Emit a transcript paragraph as one direct quote; False ends the transcript."""
        att, text = self.att, self.text
        p = att.paragraphs[pi]
        body = text[p.start : p.end]
        assert self.transcript is not None
        res, cue, channel = self.transcript
        # narrative again: a speech verb with a known speaker, or the speaker named in the third person
        reported = any(c.container == -1 and c.res.how == "name" for c in cues)
        named = any(m.entity == res.entity for m in att.mentions_in(p.start, p.end) if m.start >= p.start)
        if body.lstrip()[:1] in ALL_MARKS or body.rstrip().endswith(":") or reported or named:
            self.transcript = None
            return False
        s, e = trim(text, p.start, p.end)
        if text[e : e + 1] in ".!?…":
            e += 1
        q = self._add("direct", s, e, pi, res, cue, None, rule="transcript")
        q.channel = channel
        self.last[pi] = res
        return True
