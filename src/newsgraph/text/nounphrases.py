"""Tokens and noun phrases for speaker attribution: the scanner that finds the speaker phrase of a
speech verb (its subject before or after it) without a parser. Its word lists are data:
``english.yaml`` (grammar words, through :mod:`newsgraph.text.vocabulary`) and ``quotes.yaml``.

:class:`PhraseScanner` is a mixin; its host (:class:`newsgraph.quotes.speakers.Attributor`) provides
``text``, ``paragraphs``, ``mark_pos``, ``lexicon``, the sorted mentions and the entities.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from newsgraph.models import Entity, Mention, Span
from newsgraph.text import lexicons, tokens, vocabulary
from newsgraph.text.speechverbs import Lexicon

MARK_CHARS = "\"'“”‘’«»„‚‹›‟‛"
GLUED_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]])[.!?](?=[\"'“”‘’«»]?[A-Z][a-z])")

HE_SHE = vocabulary.PRONOUNS_PERSON
THEY_IT = vocabulary.PRONOUNS_GROUP
PRONOUNS = vocabulary.PRONOUNS
REFLEXIVES = vocabulary.REFLEXIVES
DEFINITE = vocabulary.DEFINITE
DETERMINERS = vocabulary.DETERMINERS
PREPS = vocabulary.PREPOSITIONS
# prepositions a subject phrase may contain after a head noun ("a report by …", "Ambassador to …")
CROSSABLE = lexicons.words("quotes.crossable_prepositions")
# skipped between a subject and its verb ("Hamas officials have often stated")
SKIP_LEFT = lexicons.words("quotes.skip_left")
# words that end a noun phrase scanned leftwards from a verb
STOP = lexicons.words("quotes.phrase_stop")
TIME_WORDS = vocabulary.MONTHS_AND_WEEKDAYS | vocabulary.PERIOD_NOUNS
PASSIVE_AUX = vocabulary.BE_FORMS
WEEKDAYS_MONTHS = vocabulary.MONTHS_AND_WEEKDAYS | vocabulary.RELATIVE_DAYS
# head nouns of person descriptions ("the top Hamas official")
PERSON_HEADS = lexicons.words("quotes.person_heads")
GENERIC_PERSON_HEADS = lexicons.words("quotes.generic_person_heads")
# plural heads that speak for an organisation ("Hamas sources", "Russian officials")
GROUP_HEADS = lexicons.words("quotes.group_heads")
# heads whose modifier or complement names the speaker ("a Hamas statement", "a report by X’s office")
INSTITUTION_HEADS = lexicons.words("quotes.institution_heads")
POSSESSIVE_PRONOUNS = vocabulary.POSSESSIVE_PRONOUNS
POSSESSIVE_END = re.compile(r"[’']s?$")
ORG_GROUP_HEADS = lexicons.words("quotes.org_group_heads")
HEADS = PERSON_HEADS | GROUP_HEADS | INSTITUTION_HEADS
_TIME_OPENERS = lexicons.words("quotes.time_openers")
_TIME_ADVERBS = lexicons.words("quotes.time_adverbs")
_RELATIVE = lexicons.words("quotes.relative_pronouns")
_SUBORDINATORS = lexicons.words("quotes.subordinators")
_FRONTED_OPENERS = lexicons.words("quotes.fronted_openers")
_GLOSS = lexicons.words("quotes.gloss_markers")


Tok = tokens.Token


class Phrase(NamedTuple):
    """A speaker phrase: its offsets and how it was found (np | pronoun | inverted | object)."""

    start: int
    end: int
    kind: str = "np"


class PhraseScanner:
    """Token access and noun-phrase scanning over one document (see the module docstring)."""

    text: str
    paragraphs: list[Span]
    lexicon: Lexicon
    mark_pos: set[int]
    ents: dict[str, Entity]
    _ms: list[Mention]
    _mstarts: list[int]
    _maxlen: int
    _pstarts: list[int]
    _tok_cache: dict[int, tuple[list[Tok], list[int]]]

    def tokens(self, start: int, end: int) -> list[Tok]:
        """Tokens of ``text[start:end]`` (sliced from a per-paragraph cache)."""
        k = bisect.bisect_right(self._pstarts, start) - 1
        if k >= 0 and end <= self.paragraphs[k].end:
            cached = self._tok_cache.get(k)
            if cached is None:
                p = self.paragraphs[k]
                cached = self._tok_cache[k] = (self._tokenize(p.start, p.end), [])
                cached[1].extend(t.start for t in cached[0])
            toks, starts = cached
            i = bisect.bisect_left(starts, start)
            j = bisect.bisect_left(starts, end, i)
            while j > i and toks[j - 1].end > end:
                j -= 1
            return toks[i:j]
        return self._tokenize(start, end)

    def _tokenize(self, start: int, end: int) -> list[Tok]:
        out: list[Tok] = []
        for m in tokens.finditer(self.text, start, end):
            s, e, t = m.start(), m.end(), m.group()
            if (
                t in "’'"
                and out
                and out[-1].end == s
                and s not in self.mark_pos
                and out[-1].text[-1] in "sSzZ"
            ):
                out[-1] = Tok(out[-1].start, e, out[-1].text + t)  # possessive "Hamas’"
                continue
            out.append(Tok(s, e, t))
        return out

    def is_mark(self, tok: Tok) -> bool:
        return tok.start in self.mark_pos

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self._mstarts, start - self._maxlen)
        out = []
        while i < len(self._ms) and self._ms[i].start < end:
            m = self._ms[i]
            if m.end > start and m.start >= start - self._maxlen:
                out.append(m)
            i += 1
        return out

    def etype(self, entity: str | None) -> str:
        e = self.ents.get(entity or "")
        return e.type if e else ""

    def mention_type(self, m: Mention) -> str:
        return m.type or self.etype(m.entity)

    def subject_left(self, lo: int, v: int) -> Phrase | None:
        """The subject noun phrase ending just before the verb at ``v`` (not before ``lo``)."""
        toks = self.tokens(lo, v)
        i = len(toks) - 1
        while i >= 0:
            low = toks[i].low
            if low in SKIP_LEFT or (low.endswith("ly") and toks[i].text.islower()):
                i -= 1
            elif (
                (low in TIME_WORDS or low.isdigit())
                and i > 0
                and toks[i - 1].low in _TIME_OPENERS
            ):
                i -= 2  # "X on Monday accused …"
                while i >= 0 and toks[i].low in TIME_WORDS:
                    i -= 1
            elif low in _TIME_ADVERBS:
                i -= 1
            else:
                break
        if i < 0:
            return None
        if toks[i].low in PRONOUNS:
            if i > 0 and toks[i - 1].low in PREPS:
                return None  # "the commentators cited in it described"
            return Phrase(toks[i].start, toks[i].end, "pronoun")
        antecedent = False
        if toks[i].low in _RELATIVE and i > 0 and toks[i - 1].text == ",":
            i -= 2
            antecedent = True
        elif toks[i].text == ",":
            j = next(
                (k for k in range(i - 1, -1, -1) if toks[k].text in (",", ";", ":") or self.is_mark(toks[k])),
                -1,
            )
            if j < 0 or toks[j].text != ",":
                return None
            seg = [t for t in toks[j + 1 : i] if t.is_word]
            if not seg:
                return None
            if seg[0].text[0].isupper() and seg[0].low not in DETERMINERS and seg[0].low not in PREPS:
                return self._np_left(toks, i - 1, j + 1, allow_prep=True)  # "Head of X, Hussam Badran, to"
            i = j - 1  # skip an appositive or adverbial between commas
        return self._np_left(toks, i, 0, allow_prep=antecedent)

    def _np_left(self, toks: list[Tok], i: int, floor: int, allow_prep: bool) -> Phrase | None:
        end_i = i
        j = i
        while j >= floor and end_i - j < 14:
            t = toks[j]
            if t.text == "]" or t.text == ")":
                opener = "[" if t.text == "]" else "("
                k = next((k for k in range(j - 1, floor - 1, -1) if toks[k].text == opener), -1)
                if k < 0:
                    break
                j = k - 1
                continue
            if not t.is_word:
                break
            low = t.low
            if low in PREPS:
                left = toks[j - 1] if j - 1 >= floor else None
                if low in CROSSABLE and left is not None and left.low in HEADS:
                    j -= 1
                    continue
                if not allow_prep and not any(
                    self.mention_type(m) == "PERSON" for m in self.mentions_in(t.end, toks[end_i].end)
                ):
                    return None  # a prepositional object ("… cited in it described"), not a subject
                break
            if low in STOP or low in self.lexicon.by_form or (t.text.islower() and low.endswith("ed")):
                break
            j -= 1
        if j == end_i:
            return None
        first = toks[j + 1]
        while first.low in PREPS and j + 1 < end_i:
            j += 1
            first = toks[j + 1]
        return Phrase(first.start, toks[end_i].end)

    def np_right(self, start: int, end: int, max_tokens: int = 8) -> Phrase | None:
        """A noun phrase starting at ``start`` ("said Naim", "quoted Haniya as ...")."""
        toks = self.tokens(start, end)
        out: list[Tok] = []
        det = False
        for t in toks:
            if len(out) >= max_tokens or not t.is_word:
                break
            low = t.low
            if not out and low in PRONOUNS:
                return Phrase(t.start, t.end, "pronoun")
            if out and out[-1].low in HEADS and not t.text[0].isupper():
                break  # "Its foreign ministry | summoned …"
            if low in DETERMINERS and not out:
                det = True
            elif t.text[0].isupper() or t.text[0].isdigit():
                pass
            elif low in HEADS or (
                det
                and low not in STOP
                and low not in PREPS
                and low not in SKIP_LEFT
                and low not in self.lexicon.by_form
                and not low.endswith(("ly", "ed"))
            ):
                pass
            elif low == "of" and out and out[-1].text[0].isupper():
                pass
            else:
                break
            out.append(t)
        while out and (out[-1].low in PREPS or out[-1].low in DETERMINERS):
            out.pop()
        if not out:
            return None
        return Phrase(out[0].start, out[-1].end, "np")

    def clause_subject(self, lo: int, v: int) -> Phrase | None:
        """Subject of the clause that a coordinated verb or an adverbial participle belongs to."""
        toks = self.tokens(lo, v)
        start = 0
        for k, t in enumerate(toks[:-1]):  # last subordinator before the verb opens the clause
            if t.low in _SUBORDINATORS and k > 0:
                start = k + 1
        if (
            start == 0
            and toks
            and (
                toks[0].low in PREPS
                or toks[0].low in _FRONTED_OPENERS
                or toks[0].low.endswith("ing")
            )
        ):
            comma = next((k for k, t in enumerate(toks) if t.text == ","), -1)
            start = comma + 1 if comma >= 0 else 0
        while start < len(toks) and not toks[start].is_word:
            start += 1
        if start >= len(toks):
            return None
        return self.np_right(toks[start].start, v)

    # ---- resolution ------------------------------------------------------------------
    def _gloss(self, toks: list[Tok]) -> Phrase | None:
        """The content of an editorial gloss "[i.e., the members of X]" inside a phrase."""
        for k, t in enumerate(toks):
            if t.text == "[" and k + 2 < len(toks) and toks[k + 1].low in _GLOSS:
                j = k + 2
                while j < len(toks) and not toks[j].is_word:
                    j += 1
                e = next((x for x in range(j, len(toks)) if toks[x].text == "]"), -1)
                if e > j:
                    return Phrase(toks[j].start, toks[e - 1].end)
        return None
