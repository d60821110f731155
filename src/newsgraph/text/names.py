"""Transliteration-aware matching of people's names.

News in English spells the same Arabic or Russian name many ways: "Mousa Abu Marzouk" /
"Musa Abu Marzouq", "Mohammed" / "Muhammad" / "Mohamed", "Sergey" / "Sergei",
"Ismail Haniyeh" / "Ismail Haniya". Two layers decide whether two spellings are one name:

1. **Rules** (:func:`name_key`): strip diacritics and ayn/hamza marks, drop Arabic articles
   (``al-``, ``el-``, ``ash-`` ...), unify ``ou/oo/o -> u``, ``q -> k``, ``ee -> i``,
   ``w -> v``, ``x -> ks``, ``ph -> f``, final ``-ah/-eh -> -a``, ``y`` before a consonant
   ``-> i`` (Sergey/Sergei, Husayn/Hussain), and collapse doubled letters. Spellings with
   equal keys are variants. ``e`` is kept apart from ``a`` and ``i`` so that short Western
   names (Dan/Dean, Bill/Bell) stay apart; Ahmed/Ahmad are caught by the table and below.
2. **A compiled variant table** (``data/names/variants.tsv``, built by
   ``scripts/build_name_variants.py`` from CC0 Wikidata and Apache-2.0 Google
   transliteration pairs): Latin spellings that share a native-script form *and* have close
   rule keys form one variant group ("yevgeny" / "evgeny" / "evgeniy").

A remaining near miss (same consonant skeleton, key edit distance 1, or 2 for long names)
is a strong variant only if an ``e`` stands for another vowel (Meshaal/Mashal); otherwise it
is only a *possible* variant (score below :data:`STRONG`): "Hamid"/"Hamad" and "Nasir"/"Nasr"
are different names that differ just like "Yasser"/"Yasir" do. Endings that spell one sound
after the same beginning ("Saree"/"Sarea", ``ending_variants``) are variants.

:func:`compare_names` aligns multi-token names and says how they match (``exact``,
``variant``, ``partial`` short form, ``first_name``, ``mismatch``); :func:`same_person_score`
gives just the score. Scores: >= :data:`STRONG` same person, >= :data:`PARTIAL` a possible
variant or a short form (same surname) that needs context, below that different people.

The spelling rules, articles, particles and titles are data: ``data/lexicon/names.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from newsgraph.text import lexicons

STRONG = 0.85
PARTIAL = 0.5

_APOS = re.compile(r"[’‘'ʿʾʼʻ`´′]")
_ARTICLE = re.compile(rf"^(?:{lexicons.pattern('names.articles')})-", re.I)
_ABD = re.compile(rf"^(?:(?:{lexicons.pattern('names.abd_prefixes')})(?=[a-z]{{2}})|abd(?=[a-z]{{3}}))")
_ABD_WORDS = lexicons.phrases("names.abd_words")
_PARTICLES = set(lexicons.phrases("names.particles"))
_TITLES = set(lexicons.words("names.titles"))
_SPECIAL = str.maketrans(lexicons.table("names.special_letters"))
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r) for p, r in lexicons.table("names.spelling_rules").items()
)
_VOWELS = re.compile(r"(?<!^)[aeiu]")
_ENDINGS = tuple(lexicons.table("names.ending_variants").items())


class NameMatch(NamedTuple):
    """How two names compare: ``score`` in [0, 1] and the ``kind`` of match."""

    score: float
    kind: str  # exact | variant | partial | first_name | mismatch


def fold(text: str) -> str:
    """Lowercase ASCII letters only: diacritics, ayn/hamza marks and apostrophes removed."""
    text = _APOS.sub("", text.lower().translate(_SPECIAL))
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if c.isascii() and (c.isalnum() or c in " -"))


def _token_key(tok: str) -> str:
    """Rule key of one folded token (no spaces or hyphens)."""
    for pat, rep in _RULES:
        tok = pat.sub(rep, tok)
    return tok


def _raw_tokens(name: str) -> list[str]:
    """Folded tokens of ``name`` with articles dropped and ``Abd-`` prefixes split off."""
    out: list[str] = []
    for i, tok in enumerate(name.replace("_", " ").split()):
        m = _ARTICLE.match(tok)
        if m and len(tok) - m.end() >= 3:
            tok = tok[m.end():]  # al-Assad, el-Sisi, ash-Shaibani
        elif i > 0 and tok.lower() in ("al", "el"):
            continue  # Bashar al Assad
        for part in fold(tok).split("-"):
            if not part:
                continue
            m = _ABD.match(part)
            if m:
                out.extend(["abd", part[m.end():]])  # Abdelrahman -> abd rahman
            elif part in _ABD_WORDS:
                out.append("abd")
            else:
                out.append(part)
    return out


def name_key(name: str) -> str:
    """Normalised key of a name: variants by rule get the same key.

    >>> name_key("Mousa Abu Marzouk") == name_key("Musa Abu Marzouq")
    True
    >>> name_key("Bashar al-Assad")
    'bashar asad'
    """
    return " ".join(k for k in (_token_key(t) for t in _raw_tokens(name)) if k)


def skeleton(key: str) -> str:
    """Consonant skeleton of a token key (first letter kept, later vowels dropped)."""
    return _VOWELS.sub("", key)


def _lev(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, stopping early once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


class _Table(NamedTuple):
    by_token: dict[str, str]  # folded spelling -> group id
    by_key: dict[str, frozenset[str]]  # rule key -> group ids
    members: dict[str, frozenset[str]]  # group id -> folded spellings


@lru_cache(maxsize=1)
def _table() -> _Table:
    """The compiled variant table, read once on first use."""
    by_token: dict[str, str] = {}
    members: dict[str, set[str]] = {}
    try:
        text = resources.files("newsgraph").joinpath("data/names/variants.tsv").read_text("utf-8")
    except (FileNotFoundError, OSError):
        text = ""
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        tok, _, gid = line.partition("\t")
        by_token[tok] = gid
        members.setdefault(gid, set()).add(tok)
    by_key: dict[str, set[str]] = {}
    for tok, gid in by_token.items():
        by_key.setdefault(_token_key(tok), set()).add(gid)
    return _Table(by_token, {k: frozenset(v) for k, v in by_key.items()},
                  {g: frozenset(v) for g, v in members.items()})


def _groups(tok: str) -> frozenset[str]:
    """Variant groups a folded token belongs to (by spelling or by rule key)."""
    t = _table()
    gids = t.by_key.get(_token_key(tok), frozenset())
    gid = t.by_token.get(tok)
    return gids | {gid} if gid else gids


def token_variants(token: str) -> set[str]:
    """Known spellings of one name token (folded, lowercase), the token itself included.

    >>> {"sergei", "sergey"} <= token_variants("Sergey")
    True
    """
    tok = fold(token).replace("-", "").replace(" ", "")
    out = {tok} if tok else set()
    t = _table()
    for gid in _groups(tok):
        out |= t.members.get(gid, frozenset())
    return out


def token_score(a: str, b: str) -> float:
    """Similarity of two folded name tokens: 1 equal, 0.95 same rule key, variant group or
    ending variant ("saree"/"sarea"), 0.85 one "e" written for another vowel, 0.75/0.7 other near
    misses on the consonant skeleton (possible variants, below :data:`STRONG`),
    0.7 an initial ("V." / "Vladimir"), else 0."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    if len(a) == 1 or len(b) == 1:
        return 0.7 if a[0] == b[0] else 0.0
    ka, kb = _token_key(a), _token_key(b)
    if ka == kb or _groups(a) & _groups(b) or _ending_variant(a, b):
        return 0.95
    if skeleton(ka) == skeleton(kb) and min(len(ka), len(kb)) >= 4:
        d = _lev(ka, kb, 2)
        diff = [(x, y) for x, y in zip(ka, kb, strict=True) if x != y] if len(ka) == len(kb) else []
        if len(diff) == 1 and "e" in diff[0]:
            return 0.85  # an "e" for "a" or "i" (Meshaal/Mashal, Laden/Ladin): English spelling habit
        if d <= 1:
            return 0.75  # Hamid/Hamad, Nasir/Nasr differ like Yasser/Yasir: below STRONG
        if d == 2 and min(len(ka), len(kb)) >= 7:
            return 0.7
    return 0.0


def _ending_variant(a: str, b: str) -> bool:
    """ "saree" / "sarea": the same beginning (3+ letters) with endings that spell one sound."""
    for x, y in _ENDINGS:
        for p, q in ((a, b), (b, a)):
            if p.endswith(x) and q.endswith(y) and len(p) - len(x) >= 3 and p[: -len(x)] == q[: -len(y)]:
                return True
    return False


def _units(name: str) -> list[tuple[str, ...]]:
    """Name units: folded tokens, titles dropped, particles (Abu, bin, Abd ...) glued to the
    token they introduce so "Abu Marzouk" is one unit."""
    toks = [t.rstrip(".") for t in _raw_tokens(name)]
    while len(toks) > 1 and toks[0] in _TITLES:
        toks = toks[1:]
    units: list[tuple[str, ...]] = []
    pending: list[str] = []
    for tok in toks:
        if not tok:
            continue
        if tok in _PARTICLES or (tok == "ben" and (units or pending)):
            pending.append(tok)
            continue
        units.append((*pending, tok))
        pending = []
    if pending:
        units.append(tuple(pending))
    return units


def _unit_score(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Score of two units: every token must match in order."""
    if len(a) != len(b):
        # "bin Salman" vs "Salman": the particle alone does not decide
        if a[-1:] and b[-1:] and abs(len(a) - len(b)) == 1 and {a[0], b[0]} & {"bin", "ibn", "ben"}:
            return 0.9 * token_score(a[-1], b[-1])
        return 0.0
    return min(token_score(x, y) for x, y in zip(a, b, strict=True))


def _align(short: list[tuple[str, ...]], long: list[tuple[str, ...]]) -> list[tuple[int, float]] | None:
    """Align ``short`` as an ordered subsequence of ``long``; returns (index, score) per unit
    of ``short`` (preferring to match the last unit of ``long``), or None."""
    out: list[tuple[int, float]] = []
    j = len(long)
    for unit in reversed(short):
        for k in range(j - 1, -1, -1):
            s = _unit_score(unit, long[k])
            if s > 0:
                out.append((k, s))
                j = k
                break
        else:
            return None
    return out[::-1]


def compare_names(a: str, b: str) -> NameMatch:
    """Compare two person names token by token (see module docs for the scores).

    >>> compare_names("Mousa Abu Marzouk", "Musa Abu Marzouq").kind
    'variant'
    >>> compare_names("Naim", "Basem Naim").kind
    'partial'
    """
    ua, ub = _units(a), _units(b)
    if not ua or not ub:
        return NameMatch(0.0, "mismatch")
    if ua == ub:
        return NameMatch(1.0, "exact")
    short, long = (ua, ub) if len(ua) <= len(ub) else (ub, ua)
    if len(short) == len(long):
        scores = [_unit_score(x, y) for x, y in zip(short, long, strict=True)]
        if min(scores) > 0:
            return NameMatch(round(min(scores), 3), "variant")
        return NameMatch(0.1 * sum(s > 0 for s in scores) / len(scores), "mismatch")
    al = _align(short, long)
    if al is None:
        last = _unit_score(short[-1], long[-1]) > 0
        return NameMatch(0.1 if last else 0.0, "mismatch")
    idx = [i for i, _ in al]
    weakest = min(s for _, s in al)
    if len(short) >= 2 and idx[0] == 0 and idx[-1] == len(long) - 1:
        return NameMatch(round(0.9 * weakest, 3), "variant")  # a middle name left out
    if len(short) >= 2 and idx[0] == 0 and idx[-1] == len(long) - 2:
        # a second surname left out ("Pedro Pierluisi" / "Pedro R. Pierluisi Urrutia")
        return NameMatch(round(0.85 * weakest, 3), "variant")
    if idx[-1] == len(long) - 1:
        return NameMatch(round(0.6 * weakest + 0.05 * (len(short) - 1), 3), "partial")
    if idx == [0]:
        return NameMatch(round(0.4 * weakest, 3), "first_name")
    return NameMatch(round(0.3 * weakest, 3), "partial")


def same_person_score(a: str, b: str) -> float:
    """Probability-like score in [0, 1] that names ``a`` and ``b`` denote the same person.

    >>> same_person_score("Abu Marzouk", "Abu Mazen") < PARTIAL
    True
    """
    return compare_names(a, b).score


@lru_cache(maxsize=1)
def _genders() -> dict[str, str]:
    try:
        text = resources.files("newsgraph").joinpath("data/names/genders.tsv").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return {}
    return dict(line.split("\t", 1) for line in text.splitlines() if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def _common_nouns() -> frozenset[str]:
    text = resources.files("newsgraph").joinpath("data/names/common_nouns.txt").read_text("utf-8")
    return frozenset(w for w in text.splitlines() if w and not w.startswith("#"))


def is_common_noun(word: str) -> bool:
    """Whether English writes ``word`` as a common noun (``data/names/common_nouns.txt``, built by
    ``scripts/build_common_nouns.py`` from treebank part-of-speech gold).

    >>> is_common_noun("Park"), is_common_noun("Vanderbilt")
    (True, False)
    """
    return word.lower() in _common_nouns()


def known_given_names() -> frozenset[str]:
    """The folded given names of the gender table (``data/names/genders.tsv``)."""
    return frozenset(_genders())


def given_name_gender(name: str) -> str:
    """ "m" or "f": the gender of the pronouns for people with this given name
    (``data/names/genders.tsv``, built by ``scripts/build_name_genders.py``); "" when unknown.

    >>> given_name_gender("Angela"), given_name_gender("Vladimir")
    ('f', 'm')
    """
    return _genders().get(fold(name).replace(" ", ""), "")
