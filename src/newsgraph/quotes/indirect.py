"""Indirect (reported) speech: the reported clause of a speech-verb cue, and "according to X".

* "X said (in an interview on Thursday) that …", "X told RT that …", "X said his country …"
* "X stressed the importance of …", "X expressed support for …" (object frame)
* "X urged Russia to …", "X accused Israel of …", "X described Y as …", "X told Y about …"
* "According to X, …" and "…, according to X."

The quote text is the reported clause with its own offsets, from after "that" (or the start of
the object) to the end of the clause: the sentence end, a following participle (", adding that"),
a coordinated speech verb (", and noted that"), a contrastive clause (", although …") or the
subject of the main clause after a fronted participle ("Noting that …, Naim said"). A clause that
is (almost) all direct quotation is left to the direct quote: fewer than
:data:`MIN_UNQUOTED_WORDS` words outside quotation marks give no indirect quote.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from newsgraph.quotes.speakers import Attributor, Cue, Resolution
from newsgraph.text import lexicons
from newsgraph.text.nounphrases import DETERMINERS, PREPS, PRONOUNS, STOP, WEEKDAYS_MONTHS, Phrase, Tok
from newsgraph.text.speechverbs import Lexicon, VerbInfo
from newsgraph.text.vocabulary import PERIOD_NOUNS

MIN_UNQUOTED_WORDS = 3
GAP_START = PREPS | lexicons.words("quotes.gap_start")
ADV_AFTER = lexicons.words("quotes.adverbs_after")
_WORD = re.compile(r"\w+")
_AND_THAT = re.compile(r",?\s+and\s+that\s+")
_COORD_END = re.compile(rf"(?:,[”\"’']?|,?\s+(?:{lexicons.pattern('quotes.coordinators')}))$")
_ACCORDING = re.compile(rf"\b(?:{lexicons.pattern('quotes.according_to')})\s+")
_WH = lexicons.words("quotes.wh_words")
_DEMONSTRATIVES = lexicons.words("quotes.demonstratives")
_CONTINUATIONS = lexicons.words("quotes.reporting_continuations")
_ADJUNCT_OPENERS = lexicons.words("quotes.adjunct_openers")
_ADJUNCT_DETERMINERS = lexicons.words("quotes.adjunct_determiners")
_LOOKBEHIND_COMMA = r"(?:(?<=,)|(?<=,[”\"’'])|(?<=[”\"’'],))"
_boundary_cache: dict[tuple[int, bool], re.Pattern[str]] = {}


_CLOSING = "\u201d\"\u2019'"


class According(NamedTuple):
    """An "according to X" attribution: the source phrase, its resolution and the clause it covers."""

    source: Phrase
    res: Resolution
    clause: tuple[int, int]


def _alt(forms: list[str]) -> str:
    return "|".join(
        r"\s+".join(re.escape(w) for w in f.split()) for f in sorted(forms, key=len, reverse=True)
    )


def boundary_re(lex: Lexicon, coordinated: bool) -> re.Pattern[str]:
    """Where a reported clause ends (compiled once per lexicon)."""
    key = (id(lex), coordinated)
    pat = _boundary_cache.get(key)
    if pat is None:
        parts = [
            r";",
            _LOOKBEHIND_COMMA + r"\s+(?:and\s+)?(?:" + _alt(sorted(lex.participles)) + r")\b",
            _LOOKBEHIND_COMMA + rf"\s+(?:{lexicons.pattern('quotes.clause_end_subordinators')})\b",
            r"(?<=[”\"’'])\s+\(",
        ]
        if coordinated:
            finite = [f for f in lex.all_forms if not f.endswith("ing")]
            parts.append(
                rf"\s+and\s+(?:(?:{lexicons.pattern('quotes.coordinated_subjects')})\s+)?"
                rf"(?:(?:{lexicons.pattern('quotes.coordinated_adverbs')})\s+)?(?:" + _alt(finite) + r")\b"
            )
        pat = re.compile("|".join(f"(?:{p})" for p in parts))
        _boundary_cache[key] = pat
    return pat


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Strip spaces, and trailing , . ; : unless the clause ends with a closing quotation mark."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",.;:—–-"):
        e -= 1
    return s, e


def _gap_ok(gap: list[Tok], addressee: bool) -> bool:
    words = [t for t in gap if t.is_word]
    if not words:
        return True
    if any(t.low == "that" for t in words):
        return False
    if words[0].low in GAP_START:
        return len(gap) <= 16
    return addressee and len(words) <= 10


class Clause(NamedTuple):
    """Where a cue's reported clause starts; ``end`` is set when the frame fixes it."""

    start: int
    frame: str  # that | wh | about | to | of | as | object | bare | final | paren
    end: int | None = None


#: an "according to" or parenthetical clause must not be mostly a direct quote (words outside the marks
#: at least this share of the words inside), else the direct quote alone carries it
MIN_UNQUOTED_SHARE = 0.4
OBJECT_PRONOUNS = lexicons.words("quotes.object_pronouns")
#: fewer unquoted words than this leave a clause to the direct quote it contains
MIN_WORDS_BY_FRAME = {"to": 2, "of": 2, "as": 2, "about": 2, "object": 4}
ADDRESSEES = lexicons.words("quotes.addressees")


def _tail_start(att: Attributor, cue: Cue) -> int:
    return cue.phrase.end if cue.inverted and cue.phrase else cue.end


def _reporting(att: Attributor, cue: Cue) -> Clause | None:
    """ ", the ministry said." closing a sentence, or ", he said," inside one."""
    ph = cue.phrase
    if ph is None:
        return None
    text = att.text
    ss, se = cue.sentence
    left = cue.start if cue.inverted else ph.start
    before = text[ss:left].rstrip()
    if not before.endswith(",") or not any(ch.isalnum() for ch in before):
        return None
    comma = ss + len(before) - 1
    after = att.tokens(_tail_start(att, cue), se)
    if after and after[0].text == ",":
        if len(after) < 2 or att.is_mark(after[1]) or att.is_mark(att.tokens(ss, comma)[-1]):
            return None
        nxt = after[1].low
        if not (nxt.endswith("ing") or nxt in _CONTINUATIONS):
            return Clause(after[1].start, "paren")
        return Clause(ss, "final", comma)  # ", an official said, speaking on condition of anonymity."
    for n, t in enumerate(after[:8]):
        if t.text in ".!?":
            break
        if not t.is_word or (n == 0 and t.low not in GAP_START) or t.low == "that":
            return None  # (", Ana Ruiz, said on Twitter that ...": the clause follows the cue)
    else:
        if len(after) > 8:
            return None
    return Clause(ss, "final", comma)


_TIME_NOUNS = WEEKDAYS_MONTHS | PERIOD_NOUNS
_SAYING_NOUNS = lexicons.words("quotes.saying_nouns")


def _skip_adjunct(rest: list[Tok]) -> list[Tok]:
    """Skip "on Sunday", "last week", "Tuesday", "in a statement" before a bare reported clause."""
    i = 0
    for _ in range(2):
        low = rest[i].low if i < len(rest) else ""
        if low in _ADJUNCT_OPENERS and i + 1 < len(rest) and rest[i + 1].low in _TIME_NOUNS:
            i += 2
            while i < len(rest) and (rest[i].text.isdigit() or rest[i].low in _TIME_NOUNS):
                i += 1
        elif low in _TIME_NOUNS:
            i += 1
        elif low == "in" and i + 2 < len(rest) and rest[i + 1].low in _ADJUNCT_DETERMINERS:
            j = next((k for k in range(i + 2, min(i + 6, len(rest))) if rest[k].low in _SAYING_NOUNS), -1)
            if j < 0:
                break
            i = j + 1
        else:
            break
        if i < len(rest) and rest[i].text == ",":
            i += 1
    return rest[i:]


def clause_start(att: Attributor, cue: Cue) -> Clause | None:
    """Where the reported clause of ``cue`` starts, and the frame that was found."""
    rep = _reporting(att, cue)
    if rep is not None:
        return rep
    toks = att.tokens(_tail_start(att, cue), cue.sentence[1])[:24]
    k = 0
    while k < len(toks) and (
        toks[k].low in ADV_AFTER or (toks[k].text.islower() and toks[k].low.endswith("ly"))
    ):
        k += 1
    rest = toks[k:]
    if not rest:
        return None
    info = cue.info
    found = _clause_word(att, rest, info)
    if found is None:
        found = _complement(att, rest, info.frames)
    if found is not None:
        return None if found is _NO_CLAUSE else found
    if "object" in info.frames:
        return _object_clause(att, rest, info)
    if "bare" in info.frames and not cue.inverted:
        return _bare_clause(att, rest, info)
    return None


#: "this verb reports no clause": ends the search (``None`` lets the next frame try)
_NO_CLAUSE = Clause(-1, "none")


def _clause_word(att: Attributor, rest: list[Tok], info: VerbInfo) -> Clause | None:
    """ "said (…) that …", "explained how …", "told X about …" (the that, wh and about frames)."""
    frames = info.frames
    for n, t in enumerate(rest[:16]):
        if att.is_mark(t) or t.text in (".", ";", ":", "—"):
            break
        if n > 0 and t.low in att.lexicon.by_form and not t.low.endswith("ing"):
            break
        low = t.low
        if low == "that" and "that" in frames and _gap_ok(rest[:n], info.addressee):
            return Clause(rest[n + 1].start, "that") if n + 1 < len(rest) else _NO_CLAUSE
        if low in _WH and "wh" in frames and _gap_ok(rest[:n], info.addressee):
            return Clause(t.start, "wh")
        if low == "about" and "about" in frames and _gap_ok(rest[:n], True):
            return Clause(t.start, "about")
    return None


def _complement(att: Attributor, rest: list[Tok], frames: frozenset[str]) -> Clause | None:
    """ "urged Russia to …", "accused Israel of …", "described the deal as …" (to, of, as frames)."""
    first = rest[0]
    for frame in ("to", "of", "as"):
        if frame in frames and first.is_word and first.low not in PREPS and first.low not in STOP:
            for t in rest[1:12]:
                if att.is_mark(t) or t.text in (".", ";", ":", ","):
                    break
                if t.low == frame:
                    quoted = t is rest[1] and len(rest) > 2 and att.is_mark(rest[2])
                    if first.low in OBJECT_PRONOUNS and quoted:
                        return _NO_CLAUSE  # "described them as “a first step”": the quote carries it
                    return Clause(first.start, frame)
    return None


def _object_clause(att: Attributor, rest: list[Tok], info: VerbInfo) -> Clause | None:
    """ "stressed the importance of …", "expressed support for …" (the object frame)."""
    obj = rest
    if obj[0].low == "to":  # "emphasized to Lavrov “…”", "stressed to these officials …"
        m = next(
            (x for x in range(1, min(6, len(obj))) if att.is_mark(obj[x]) or obj[x].low in DETERMINERS),
            -1,
        )
        if m < 0:
            return None
        obj = obj[m:]
    o0 = obj[0]
    if att.is_mark(o0) or (len(obj) > 1 and att.is_mark(obj[1])):
        return None  # "highlighted the “good relations”": the direct quote carries it
    nxt = obj[1] if len(obj) > 1 else None
    if o0.low in _DEMONSTRATIVES and (nxt is None or not nxt.is_word or nxt.low in PREPS):
        return None  # "spoke about this with …"
    if o0.is_word and o0.low not in PREPS and o0.low not in STOP:
        if info.objects and not any(t.low in info.objects for t in obj[:6]):
            return None
        return Clause(o0.start, "object")
    return None


def _bare_clause(att: Attributor, rest: list[Tok], info: VerbInfo) -> Clause | None:
    """ "said the talks failed", "told MPA the talks had been …" (the bare frame)."""
    rest = _skip_adjunct(rest)
    if not rest:
        return None
    first = rest[0]
    if info.addressee:  # "told MPA the talks had been …": skip the addressee
        ms = [m for m in att.mentions_in(first.start, first.end) if m.start == first.start]
        if ms:
            rest = [t for t in rest if t.start >= ms[0].end]
        elif first.low in ADDRESSEES:
            rest = rest[1:]
        else:
            return None
        if not rest:
            return None
        first = rest[0]
    low = first.low
    if (
        first.is_word
        and not att.is_mark(first)
        and (
            low in DETERMINERS
            or low in (PRONOUNS - {"i", "you"})
            or low == "there"
            or (first.text[0].isupper() and low not in WEEKDAYS_MONTHS and low not in PREPS)
        )
    ):
        return Clause(first.start, "bare")
    return None


def clause_end(att: Attributor, start: int, cue: Cue, cues: list[Cue], coordinated: bool = True) -> int:
    end = cue.sentence[1]
    kids = [k.outer for k in att.children(cue.container, cue.para)]
    for m in boundary_re(att.lexicon, coordinated).finditer(att.text, start, end):
        if m.start() > start and not any(a < m.start() < b for a, b in kids):
            end = m.start()
            break
    for other in cues:  # "Noting that …, Naim said …": stop before the main clause's subject
        ph = other.phrase
        if other is cue or other.container != cue.container or ph is None or not start < ph.start < end:
            continue
        pre = att.text[start : ph.start].rstrip()
        if other.start > ph.start and (
            pre.endswith(",") or (other.direct_subject and _COORD_END.search(pre))
        ):
            end = start + len(_COORD_END.sub("", pre).rstrip())
            if pre.endswith(tuple("”\"’'")):
                end += 1  # keep the closing mark of a quotation that ends the clause
    return end


def unquoted_words(att: Attributor, s: int, e: int, kids: list[tuple[int, int]]) -> int:
    n = 0
    pos = s
    for a, b in sorted(kids):
        if b <= s or a >= e:
            continue
        n += len(_WORD.findall(att.text, pos, max(pos, a)))
        pos = max(pos, b)
    return n + len(_WORD.findall(att.text, pos, e)) if pos < e else n


def clause_parts(
    att: Attributor, s: int, e: int, container: int, para: int, min_words: int = MIN_UNQUOTED_WORDS
) -> list[tuple[int, int]]:
    """Split at ", and that"; keep parts with enough unquoted words; merge neighbouring kept parts."""
    kids = [k.outer for k in att.children(container, para)]
    parts: list[tuple[int, int]] = []
    cur = s
    for m in _AND_THAT.finditer(att.text, s, e):
        if not any(a < m.start() < b for a, b in kids):
            parts.append((cur, m.start()))
            cur = m.end()
    parts.append((cur, e))
    keep = [unquoted_words(att, a, b, kids) >= min_words for a, b in parts]
    out: list[tuple[int, int]] = []
    for k, (a, b) in enumerate(parts):
        if not keep[k]:
            continue
        if out and k > 0 and keep[k - 1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return [t for t in (trim(att.text, a, b) for a, b in out) if t[1] > t[0]]


#: the rule name of each frame (:attr:`newsgraph.models.Quote.rule`)
RULES = {
    "that": "that-clause",
    "bare": "zero-that",
    "wh": "wh-clause",
    "about": "about-clause",
    "object": "object",
    "to": "directive",
    "of": "of-complement",
    "as": "as-complement",
    "final": "fronted",
    "paren": "parenthetical",
}


def indirect_spans(att: Attributor, cue: Cue, cues: list[Cue]) -> tuple[str, list[tuple[int, int]]]:
    """The rule and the reported-clause spans of one cue (no spans when it reports no clause)."""
    cl = clause_start(att, cue)
    if cl is None:
        return "", []
    rule = RULES.get(cl.frame, cl.frame)
    end = cl.end if cl.end is not None else clause_end(att, cl.start, cue, cues)
    if end <= cl.start:
        return rule, []
    if cl.frame == "paren" and not mostly_unquoted(att, cl.start, end, cue.container, cue.para):
        return rule, []  # "Tel Aviv, the official said, is seeking a “…long quotation…”"
    return rule, clause_parts(
        att, cl.start, end, cue.container, cue.para, MIN_WORDS_BY_FRAME.get(cl.frame, MIN_UNQUOTED_WORDS)
    )


def mostly_unquoted(att: Attributor, s: int, e: int, container: int, para: int) -> bool:
    kids = [k.outer for k in att.children(container, para) if s <= k.outer[0] < e]
    free = unquoted_words(att, s, e, kids)
    return free >= MIN_UNQUOTED_SHARE * (len(_WORD.findall(att.text, s, e)) - free)


def according_to(att: Attributor, para: int) -> list[According]:
    """ "According to X, …" / "…, according to X." in the narrative text of a paragraph."""
    p = att.paragraphs[para]
    text = att.text
    out: list[According] = []
    for m in _ACCORDING.finditer(text, p.start, p.end):
        if att.container_of(m.start(), para) != -1:
            continue
        ss, se = att.sentence(-1, para, m.start())
        kids = [k.outer for k in att.children(-1, para)]
        comma = next(
            (i for i in range(m.end(), se) if text[i] == "," and not any(a < i < b for a, b in kids)), -1
        )
        if not any(ch.isalnum() for ch in text[ss : m.start()]):
            if comma < 0:
                continue
            src, clause = (m.end(), comma), (comma + 1, se)
        elif text[ss : m.start()].rstrip().rstrip(_CLOSING).endswith(","):  # "…,” according to X"
            src_end = comma if comma > 0 else se
            src, clause = (m.end(), src_end), (ss, text.rindex(",", ss, m.start()))
        else:
            continue
        s, e = trim(text, *src)
        if e <= s:
            continue
        ph = Phrase(s, e)
        res = att.resolve(ph, para, m.start())
        att.record(m.start(), res, para)
        out.append(According(ph, res, clause))
    return out


def according_spans(att: Attributor, acc: According, para: int) -> list[tuple[int, int]]:
    """The indirect quote of an "according to" clause (none when it is mostly a long direct quote)."""
    s, e = trim(att.text, *acc.clause)
    kids = [k.outer for k in att.children(-1, para) if s <= k.outer[0] < e]
    if (
        e <= s
        or unquoted_words(att, s, e, kids) < MIN_UNQUOTED_WORDS
        or not mostly_unquoted(att, s, e, -1, para)
    ):
        return []
    return [(s, e)]
