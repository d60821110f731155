"""A light, model-free reading of one sentence: tokens with actor mentions merged into single
tokens, clause starts, noun phrases and the actors they contain.

The heuristics follow English news syntax: a clause's subject is its first noun phrase after a
fronted adjunct ("On Tuesday, ...", "According to X, ..."); a relative pronoun takes its
antecedent; objects run from the trigger to a clause boundary; an appositive after a person
("X, head of the Y bureau,") holds an affiliation, not a participant.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsgraph.events.words import (  # noqa: F401  (re-exported)
    _TOKEN,
    ADJUNCT_OPENERS,
    AUX,
    BE,
    DELEGATION,
    DET,
    GROUP_PAIR,
    MODALS,
    NEG,
    OBJ_STOP,
    OPEN_QUOTES,
    PERS_PRON,
    POSS_PRON,
    PREP_ADJ,
    REL,
    ROLE,
    SPEECH,
    SUBORD,
)
from newsgraph.models import Entity, Mention


@dataclass
class Tok:
    start: int
    end: int
    text: str
    low: str
    mention: Mention | None = None

    @property
    def is_mention(self) -> bool:
        return self.mention is not None

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


class SentenceView:
    """Tokens of one sentence, each actor mention merged into one token."""

    def __init__(
        self, text: str, start: int, end: int, mentions: Sequence[Mention], entities: dict[str, Entity]
    ) -> None:
        self.text, self.start, self.end = text, start, end
        self.entities = entities
        self.toks: list[Tok] = []
        pos = start
        for m in sorted(mentions, key=lambda m: m.start):
            if m.start < pos or m.end > end:
                continue
            self._words(pos, m.start)
            self.toks.append(Tok(m.start, m.end, text[m.start : m.end], text[m.start : m.end].lower(), m))
            pos = m.end
        self._words(pos, end)

    def _words(self, a: int, b: int) -> None:
        for m in _TOKEN.finditer(self.text, a, b):
            self.toks.append(Tok(m.start(), m.end(), m.group(), m.group().lower()))

    def __len__(self) -> int:
        return len(self.toks)

    def index_at(self, pos: int) -> int | None:
        for i, t in enumerate(self.toks):
            if t.start <= pos < t.end or t.start >= pos:
                return i
        return None

    def low(self, i: int) -> str:
        return self.toks[i].low if 0 <= i < len(self.toks) else ""

    def etype(self, t: Tok) -> str | None:
        if t.mention is None:
            return None
        e = self.entities.get(t.mention.entity)
        return e.type if e else t.mention.type

    # ---- clause structure ------------------------------------------------------------------
    def is_verbish(self, i: int) -> bool:
        """A word that looks like a finite verb or participle (ends a noun phrase)."""
        t = self.toks[i]
        if t.is_mention or t.cap and i > 0:
            return False
        w = t.low
        if w in AUX or w in SPEECH:
            return True
        if w.endswith("ed") and len(w) > 4 and self.low(i + 1) not in ("by",) and w not in ROLE:
            return True
        return False

    def clause_start(self, i: int) -> tuple[int, int | None]:
        """Start of the clause holding token ``i``, and the index of a relative pronoun opening it."""
        depth = 0
        for j in range(i - 1, -1, -1):
            t = self.toks[j]
            if t.text in ")]":
                depth += 1
                continue
            if t.text in "([":
                depth = max(0, depth - 1)
                continue
            if depth:
                continue
            if t.text in (";", ":", "—") or t.text == "–" and j > 0:
                return j + 1, None
            if (
                t.text == ","
                and j + 1 < i
                and self.toks[j + 1].cap
                and not self.toks[j + 1].is_mention
                and self.toks[j + 1].low in ADJUNCT_OPENERS
            ):
                return j + 1, None  # a comma splice: "..., On September 10 a delegation ..."
            if t.low in REL:
                if not self._relative_closed(j, i):
                    return j, j
                continue
            if (
                t.low in SUBORD
                and j + 1 < i
                or t.low in ("since", "after", "before", "until")
                and j + 1 < i
                and (
                    self.toks[j + 1].is_mention
                    or self.toks[j + 1].low in PERS_PRON
                    or self.toks[j + 1].low in DET
                    and j + 2 < i
                    and self.toks[j + 2].is_mention
                )
            ):
                return j + 1, None
            if t.low == "as" and self.low(j + 1) == "long" and self.low(j + 2) == "as" and j + 3 < i:
                return j + 3, None
            if t.low in ("and", "but") and j > 0 and self.toks[j - 1].text in (",", ";") and j + 1 < i:
                return j + 1, None
            if t.low == "that" and self._complementizer(j):
                return j + 1, None
            if t.text in ("“", '"') and j + 1 < i and self.toks[j + 1].cap:
                return j + 1, None
            if t.low in SPEECH and j < i - 1 and self.low(j + 1) not in ("that", ",", "by", "to", "of", "in"):
                if not self.toks[j + 1].is_mention or self.low(j) not in ("told", "tells"):
                    return j + 1, None
        return 0, None

    def _relative_closed(self, j: int, i: int) -> bool:
        """'X, which holds Y, offered': the relative clause ended before token ``i``."""
        depth = 0
        commas = []
        for k in range(j + 1, i):
            t = self.toks[k].text
            if t in "([":
                depth += 1
            elif t in ")]":
                depth = max(0, depth - 1)
            elif t == "," and depth == 0:
                commas.append(k)
        if not commas:
            return False
        if commas[0] == j + 1:
            return len(commas) % 2 == 1
        return True

    def _complementizer(self, j: int) -> bool:
        nxt = self.toks[j + 1] if j + 1 < len(self.toks) else None
        if nxt is None:
            return False
        if nxt.is_mention or nxt.low in DET or nxt.low in PERS_PRON or nxt.cap or nxt.text in OPEN_QUOTES:
            return True
        return nxt.low in ("there", "this", "russia", "if", "when", "despite", "in", "after", "unless")

    def skip_adjunct(self, s: int, i: int, date_spans: dict[int, int]) -> int:
        """After a fronted adjunct ("On Tuesday, ...", "According to X, ..."): the first subject token."""
        if s >= i:
            return s
        first = self.toks[s]
        if first.start in date_spans:  # "On September 12, 2022 the delegation met": skip the date
            end = date_spans[first.start]
            j = s
            while j < i and self.toks[j].start < end:
                j += 1
            if j < i and self.toks[j].text == ",":
                j += 1
            if not (j < i and self.toks[j].low in ("after", "before")):
                return j
        opener = (
            first.low in ADJUNCT_OPENERS
            or first.start in date_spans
            or (first.low == "the" and self.low(s + 1) in ("day", "week", "morning", "evening", "night"))
        )
        if not opener:
            return s
        for j in range(s, i):
            if self.toks[j].text == ",":
                # a date's own comma ("On September 12, 2022 the ...") is not the adjunct's end
                if j + 1 < i and self.toks[j + 1].low.isdigit():
                    continue
                return j + 1
        # no comma: skip to the first mention or determiner after a date or prepositional phrase
        for j in range(s + 1, i):
            if self.toks[j].low in DET and j > s + 1 and self.toks[j - 1].low.isdigit():
                return j
        return s

    # ---- noun phrases ------------------------------------------------------------------------
    def np_internal(self, j: int) -> bool:
        t = self.toks[j]
        if t.is_mention or t.low in DET or t.low in ROLE or t.low in POSS_PRON:
            return True
        if t.text in (",", "&", "(", ")", "[", "]", "’", "'", "-", "“", "”", "‘", '"'):
            return True
        if t.low in (
            "and",
            "of",
            "’s",
            "'s",
            "including",
            "as",
            "well",
            "plus",
            "led",
            "headed",
            "chaired",
            "by",
            "with",
            "mr",
            "mrs",
            "ms",
            "dr",
            ".",
            "known",
        ):
            return True
        return t.cap and t.low not in AUX

    def np_end(self, j: int, limit: int) -> int:
        """End (exclusive) of the noun phrase starting at ``j``, not beyond ``limit``."""
        k = j
        while k < limit and self.np_internal(k):
            if self.low(k) == "," and k + 1 < limit and not self._comma_continues(k + 1):
                break
            if self.low(k) in ("led", "headed", "chaired") and self.low(k + 1) != "by":
                break
            if self.low(k) == "by" and self.low(k - 1) not in ("led", "headed", "chaired"):
                break
            if self.low(k) == "with" and not (
                k + 1 < limit and (self.toks[k + 1].is_mention or self.low(k + 1) in DET)
            ):
                break
            if self.low(k) == "as" and self.low(k + 1) != "well":
                break
            k += 1
        return k

    def _comma_continues(self, k: int) -> bool:
        """After a comma inside a noun phrase: a list or a leader/member continues it."""
        t = self.toks[k]
        if t.is_mention:  # "X, Y and Z" continues; "to Valdoria, al-Sarraj said" does not
            nxt = self.low(k + 1)
            return not (nxt in SPEECH or nxt in AUX or k + 1 < len(self.toks) and self.is_verbish(k + 1))
        if t.low in ("and", "led", "headed", "chaired", "including", "as", "or"):
            return True
        if t.low in POSS_PRON or t.low in ROLE or t.cap:
            return any(u.is_mention for u in self.toks[k : k + 5])
        return False

    def mentions_in(self, a: int, b: int, *, appositives: bool = False) -> list[Mention]:
        """Mentions of tokens ``[a, b)``; skips affiliations in appositives after a person and a
        demonym or organisation name that only titles the person after it."""
        out: list[Mention] = []
        k = a
        depth = 0
        while k < b:
            t = self.toks[k]
            if t.text in "([":
                depth += 1
            elif t.text in ")]":
                depth = max(0, depth - 1)
            if t.mention is not None:
                if not appositives and self.etype(t) == "PERSON" and self._appositive_at(k + 1, b):
                    out.append(t.mention)
                    k = self._appositive_end(k + 1, b)
                    continue
                if self._title_only(k, b):
                    k += 1
                    continue
                out.append(t.mention)
            k += 1
        return out

    def _appositive_at(self, k: int, b: int) -> bool:
        """ ", head of the Y bureau," after a person; not a list of further people with titles."""
        if k + 1 >= b or self.toks[k].text != ",":
            return False
        nxt = self.toks[k + 1]
        if nxt.is_mention or nxt.cap or nxt.low in ("and", "or", "who", "which", "as"):
            return False
        end = self._appositive_end(k, b)
        return not any(self.etype(t) == "PERSON" for t in self.toks[k + 1 : end])

    def _appositive_end(self, k: int, b: int) -> int:
        depth = 0
        for j in range(k + 1, b):
            t = self.toks[j]
            if t.text in "([":
                depth += 1
            elif t.text in ")]":
                depth = max(0, depth - 1)
            elif t.text == "," and depth == 0:
                return j
        return b

    def _title_only(self, k: int, b: int) -> bool:
        """A demonym or state right before a title and a person ("Russian Deputy FM Bogdanov")."""
        t = self.toks[k]
        if t.mention is None or t.mention.kind not in ("demonym",) and self.etype(t) != "STATE":
            return False
        if t.mention.kind != "demonym" and self.low(k + 1) not in ("’s", "'s"):
            return False
        j = k + 1
        while j < b and j <= k + 7:
            u = self.toks[j]
            if u.is_mention:
                return self.etype(u) == "PERSON"
            if not (u.cap or u.low in ROLE or u.low in ("’s", "'s", "-", "of", "for", "the", "and")):
                return False
            j += 1
        return False

    def first_np(self, a: int, b: int) -> tuple[int, int] | None:
        """The first noun phrase in ``[a, b)`` holding a mention or a subject word (not one inside a
        prepositional phrase: "after winning the [election to the Palestinian] parliament")."""
        j = a
        in_pp = False
        if (
            a < b
            and not self.toks[a].is_mention
            and self.toks[a].low.isalpha()
            and self.toks[a].text[:1].islower()
            and (
                self.toks[a].low not in DET
                and self.toks[a].low not in ROLE
                and self.toks[a].low not in PERS_PRON
                and self.toks[a].low not in PREP_ADJ
                and self.toks[a].low not in ("to", "by", "also", "then")
            )
        ):
            return None  # the clause starts with its verb ("which regards ...")
        while j < b:
            t = self.toks[j]
            if t.text == ",":
                in_pp = False
            elif t.low in PREP_ADJ or t.low in ("to", "by", "including", "like"):
                in_pp = True
            elif in_pp and t.low in ("he", "she", "they", "we", "i"):
                in_pp = False
                continue
            elif (
                in_pp
                and j > a
                and (t.is_mention or t.low in DET)
                and self.toks[j - 1].low.isalpha()
                and (
                    not self.toks[j - 1].is_mention
                    and not self.toks[j - 1].cap
                    and self.toks[j - 1].low not in DET
                    and self.toks[j - 1].low not in PREP_ADJ
                    and self.toks[j - 1].low not in ("to", "by", "and", "of", "or")
                )
            ):
                in_pp = False
                continue
            elif t.low in PERS_PRON and not in_pp:
                return j, j + 1
            elif (
                t.is_mention
                or t.low in PERS_PRON
                or t.low in DET
                or t.low in ROLE
                or t.cap
                and t.low not in AUX
            ):
                end = self.np_end(j, b)
                if end > j:
                    seg = self.toks[j:end]
                    if not in_pp and (
                        any(x.is_mention for x in seg)
                        or any(x.low in ROLE or x.low in PERS_PRON for x in seg)
                    ):
                        return j, end
                    j = max(end, j + 1)
                    continue
            if self.is_verbish(j):
                return None
            j += 1
        return None

    def text_of(self, a: int, b: int) -> str:
        if a >= b:
            return ""
        return self.text[self.toks[a].start : self.toks[b - 1].end]
