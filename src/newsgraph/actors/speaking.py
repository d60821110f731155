"""Names that speak: a capitalised name no other source marked, the subject of a speech verb
("Rudaw reports ...", "Meridia Clinic said in a statement ..."), is an actor: the outlet, hospital,
company or body that made the statement. Its other occurrences are then found like any known name.

Only a name that stands alone is taken: at the start of its clause or after "the", with no capitalised
word, number or hyphen glued to it ("Pope Francis", "artist Jane Roe", "Fars News", "Transport for London":
parts of names or titles the other sources handle). A lone word that is one letter away from the
surname of a person found in the document is left to the quote stage's variant-name matching ("Saree"
for "Sarea"); common nouns written with a capital at the start of a sentence ("Officials said",
"Sources report"), titles, organisation words alone ("University") and days are no names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from newsgraph.actors.kb import KnowledgeBase
from newsgraph.actors.lexicon import (
    OPENING_WORDS,
    ORG_HEADS,
    TITLE_HEADS,
    is_cap,
)
from newsgraph.actors.rules import is_person_name
from newsgraph.actors.spans import Cand, strip_span
from newsgraph.text.nounphrases import HEADS, PRONOUNS
from newsgraph.text.parsed import select
from newsgraph.text.speechverbs import Lexicon, default_lexicon
from newsgraph.text.vocabulary import MONTHS_AND_WEEKDAYS

#: what may stand right before a name that starts its clause (or a line)
_OPENERS = ".,;:!?()[]\"“”‘’'"
#: words that continue a name ("Transport *for* London", "League *of* ...")
_NAME_LINKS = frozenset({"of", "for", "and", "de", "del"})
#: dependency labels of the words that make up a name with its head ("Meridia *Clinic*")
_NAME_PARTS = frozenset({"compound", "flat", "flat:name"})


def speaking_names(
    parses: Iterable[tuple[int, Any]], text: str, chosen: list[Cand], kb: KnowledgeBase,
    skip: Callable[[int], bool] = lambda pos: False, lex: Lexicon | None = None,
) -> list[Cand]:
    """ORG (or PERSON, for a personal name) candidates for unmarked names that speak (not in the
    places ``skip`` refuses: headings, where every word is capitalised)."""
    lex = lex or default_lexicon()
    taken = sorted((c.start, c.end) for c in chosen)
    surnames = _surnames(chosen)
    out: list[Cand] = []
    for offset, t in select(list(parses), pos=("PROPN",)):
        if t.dep_ != "nsubj" or not _speech_verb(t.head, lex):
            continue
        span = _name_span(t, offset, text)
        if span is None or skip(span[0]) or any(a < span[1] and span[0] < b for a, b in taken):
            continue
        name = text[span[0] : span[1]]
        if not _stands_alone(span, text) or not _is_new_name(name, kb, lex, surnames):
            continue
        if t.tag_ == "NNS" and span == (offset + t.idx, offset + t.idx + len(t.text)):
            continue  # "Refugees arriving in X have accused ...": a plural common noun, capitalised
        label = "PERSON" if is_person_name(name) else "ORG"
        out.append(Cand(span[0], span[1], name, label, "rule", meta={"speaks": True}))
        taken.append(span)
    return out


def _speech_verb(v: Any, lex: Lexicon) -> bool:
    info = lex.verb(v.text, v.lemma_) if v.pos_ in ("VERB", "AUX") else None
    return info is not None and bool(info.frames)


def _name_span(t: Any, offset: int, text: str) -> tuple[int, int] | None:
    """The name headed by ``t``: its proper-noun compounds and flat parts, without a leading article."""
    parts = [t] + [c for c in t.children if c.dep_ in _NAME_PARTS and c.pos_ == "PROPN"]
    lo, hi = min(p.i for p in parts), max(p.i for p in parts)
    if hi - lo + 1 != len(parts):
        return None  # not one run of words
    doc = t.doc
    a, b = strip_span(text, offset + doc[lo].idx, offset + doc[hi].idx + len(doc[hi].text))
    return (a, b) if b > a else None


def _stands_alone(span: tuple[int, int], text: str) -> bool:
    """At the start of its clause or after "the", nothing capitalised or hyphenated around it."""
    before = text[max(0, span[0] - 40) : span[0]]
    prev = before.split()[-1] if before.split() else ""
    if before.endswith("-"):
        return False
    line_start = "\n" in before[len(before.rstrip()) :]
    if prev and prev[-1] not in _OPENERS and prev.lower() != "the" and not line_start:
        return False
    after = text[span[1] : span[1] + 40].split()
    nxt = after[0] if after else ""
    if nxt[:1].isupper() or nxt[:1].isdigit() or nxt.startswith("-"):  # "Beyond Fest 2019
        return False
    return not (nxt.lower() in _NAME_LINKS and len(after) > 1 and after[1][:1].isupper())


def _is_new_name(name: str, kb: KnowledgeBase, lex: Lexicon, surnames: set[str]) -> bool:
    words = name.split()
    first, low = words[0].lower(), name.lower()
    if not all(is_cap(w) for w in words) or len(name) < 3:
        return False
    if first in OPENING_WORDS or low in PRONOUNS or kb.lookup(name) or kb.demonym(name):
        return False
    if any(w.lower() in TITLE_HEADS | MONTHS_AND_WEEKDAYS for w in words):
        return False
    if len(words) > 1:
        return True
    return not (_common_noun(low, lex) or low in ORG_HEADS or any(_near(low, s) for s in surnames))


def _common_noun(low: str, lex: Lexicon) -> bool:
    """ "Officials", "Sources", "Reports": a source or speech noun at the start of a sentence."""
    return any(w in HEADS or w in lex.nouns for w in (low, low.rstrip("s"), low[:-3] + "y"))


def _surnames(chosen: list[Cand]) -> set[str]:
    return {c.text.split()[-1].lower() for c in chosen if c.label == "PERSON" and c.kind == "name"}


def _near(a: str, b: str) -> bool:
    """Equal, or (five letters or more) one letter substituted, added or dropped, first two equal."""
    if a == b:
        return True
    if len(a) < 5 or a[:2] != b[:2] or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
