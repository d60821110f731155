"""In-document coreference: one local entity per actor of a document.

- names: KB-linked mentions group by kb_id; people by transliteration-aware name comparison
  (:func:`newsgraph.text.names.compare_names`): a variant or a short form ("Naim" -> "Basem Naim")
  joins the full name; when two people share the short form, the nearest preceding full name
  wins (never a guess across a tie). Organisations and places group by folded name, short
  forms ("Sabil" -> "Sabil Movement"), suffixes ("Foreign Ministry") and acronyms ("OSC").
- aliases: bracketed ("Abu Mazen [Mahmoud Abbas]") and "known as" aliases join their referent.
- descriptions and pronouns: :mod:`.refer`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from newsgraph.actors.kb import KnowledgeBase, fold
from newsgraph.actors.lexicon import KUNYA_WORDS, alternatives
from newsgraph.actors.rules import is_person_name, org_short_forms
from newsgraph.actors.spans import Cand, CandIndex, DocView
from newsgraph.text import lexicons
from newsgraph.text.names import PARTIAL, STRONG, NameMatch, name_key, skeleton
from newsgraph.text.names import compare_names as _compare_names


@lru_cache(maxsize=65536)
def compare_names(a: str, b: str) -> NameMatch:
    return _compare_names(a, b)


#: a one-word name whose spelling is only a possible variant of one person's surname joins that person
#: when nobody else fits ("Malshenko" / "Alexei Malashenko": 0.6 x 0.75)
LOOSE = 0.4

#: the kinds of mention that name an entity (not descriptions or pronouns)
NAME_KINDS = ("name", "alias", "metonym", "demonym")

_TYPE_RANK = {"STATE": 0, "ORG": 1, "LOCATION": 2, "PERSON": 3}


def written_as(name: str, texts: list[str]) -> str:
    """``name`` (a knowledge-base name) as one of ``texts`` writes it, when one is the same name in
    other capitals and not all capitals ("John McCain" for the table's "John Mccain"), or with the
    diacritics the table leaves out ("Viktor Orbán" for its "Viktor Orban")."""
    key = name.casefold()
    if name.isascii():  # (the knowledge base's key ignores case and diacritics)
        accented = [t for t in texts if not t.isascii() and not t.isupper() and fold(t) == fold(name)]
        if accented:
            return accented[0]
    return next((t for t in texts if t.casefold() == key and not t.isupper()), name)


@dataclass
class LocalEntity:
    id: str
    type: str
    kb_id: str | None = None
    cands: list[Cand] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    affiliation: str | None = None  # local entity id or "kb:<kb_id>"
    evidence: dict[str, Any] = field(default_factory=dict)
    key: str = ""

    @property
    def names(self) -> list[Cand]:
        return [c for c in self.cands if c.kind in NAME_KINDS]

    def best_name(self, kb: KnowledgeBase) -> str:
        if self.kb_id:
            e = kb.get(self.kb_id)
            if e is not None:  # as the text writes it, where it is the same name ("McCain", not "Mccain")
                return written_as(e.name, [c.text for c in self.cands if c.kind in ("name", "alias")])
        names = [c.meta.get("name") or c.text for c in self.cands if c.kind in ("name", "alias")]
        names = names or [c.text for c in self.cands]
        if not names:
            return ""
        if self.type == "PERSON":
            return max(names, key=lambda n: (len(n.split()), len(n), -names.index(n)))
        distinct = set(names)  # a name that starts a longer one is its short form ("Mahan", "Mahan Air")
        full = [n for n in names if not any(m.startswith(n + " ") for m in distinct)]
        return max(full, key=lambda n: (not n.isupper(), names.count(n) + len(n.split()), -names.index(n)))


class Entities:
    """Local entities of one document under construction."""

    def __init__(self) -> None:
        self.items: list[LocalEntity] = []
        self.by_key: dict[str, LocalEntity] = {}
        self._by_id: dict[str, LocalEntity] = {}  # id -> entity: lookups without a scan
        self._by_kb: dict[str, LocalEntity] = {}  # kb id -> the first entity linked to it
        self._named: dict[str, list[LocalEntity]] | None = None  # name text -> entities (built on demand)

    def new(self, type_: str, key: str, kb_id: str | None = None) -> LocalEntity:
        e = LocalEntity(f"e{len(self.items) + 1}", type_, kb_id, key=key)
        self.items.append(e)
        self._by_id[e.id] = e
        if kb_id:
            self._by_kb.setdefault(kb_id, e)
        if key:
            self.by_key[key] = e
        return e

    def position(self, e: LocalEntity) -> int:
        """Index of ``e`` in :attr:`items` (ids are numbered in creation order)."""
        return int(e.id[1:]) - 1

    def with_kb(self, kb_id: str) -> LocalEntity | None:
        """The first entity linked to ``kb_id``."""
        return self._by_kb.get(kb_id)

    def all_named(self, text: str) -> list[LocalEntity]:
        """The entities with a name (any name kind) written ``text``, in entity order."""
        if self._named is None:
            self._named = {}
            for e in self.items:
                for n in e.names:
                    self._index_name(e, n)
        return self._named.get(text, [])

    def named(self, text: str) -> LocalEntity | None:
        """The first entity with a name (any name kind) written ``text``."""
        found = self.all_named(text)
        return found[0] if found else None

    def _index_name(self, e: LocalEntity, c: Cand) -> None:
        found = self._named.setdefault(c.text, []) if self._named is not None else []
        if e not in found:
            found.append(e)
            found.sort(key=self.position)

    def add(self, e: LocalEntity, c: Cand) -> None:
        if self._named is not None and c.kind in NAME_KINDS:
            self._index_name(e, c)
        c.entity = e.id
        e.cands.append(c)
        if (
            _TYPE_RANK.get(c.label, 9) < _TYPE_RANK.get(e.type, 9)
            and e.type != "PERSON"
            and c.label != "PERSON"
        ):
            e.type = c.label

    def get(self, eid: str | None) -> LocalEntity | None:
        return self._by_id.get(eid) if eid else None


_PLACE_PREFIX = re.compile(rf"^(?:{alternatives('place_prefix')})", re.I)


@lru_cache(maxsize=65536)
def _org_key(text: str) -> str:
    return fold(_PLACE_PREFIX.sub("", text))


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w[0].isupper())


def group_names(view: DocView, cands: list[Cand], kb: KnowledgeBase) -> Entities:
    """Assign every named candidate (not demonym adjectives) to a local entity."""
    ents = Entities()
    by_start = {c.start: c for c in cands}
    _first_word_orgs(cands)
    aliases: list[Cand] = []
    persons: list[Cand] = []
    for c in cands:
        if c.label == "NORP":
            continue
        if c.source == "alias":
            aliases.append(c)
        elif c.label == "?":
            continue  # a repetition of an alias: joins the alias's entity below
        elif c.kb_id:
            key = "kb:" + c.kb_id
            e = ents.by_key.get(key) or ents.new(c.label, key, c.kb_id)
            ents.add(e, c)
        elif c.label == "PERSON":
            persons.append(c)
    index = CandIndex(cands)
    for a in aliases:
        _attach_alias(view, index, a, ents, persons)
    _group_persons(ents, persons, by_start, _Kin(view.text))
    _group_others(ents, cands, by_start, kb)
    for c in cands:  # aliases whose referent was a not-yet-grouped organisation
        ref = by_start.get(c.meta.get("alias_org", -1))
        if ref is not None and ref.entity and not c.entity:
            ents.add(ents.get(ref.entity), c)  # type: ignore[arg-type]
    for c in cands:  # repetitions of an alias ("... (QNC) ... the QNC said")
        src = by_start.get(c.meta.get("known_from", -1))
        if not c.entity and c.label == "?" and src is not None and src.entity:
            e = ents.get(src.entity)
            c.label = e.type if e else "?"
            ents.add(e, c)  # type: ignore[arg-type]
    return ents


#: how the model may type the one-word short form of an organisation's name ("Condor" for "Condor Air")
_SHORT_FORM_LABELS = frozenset({"PERSON", "STATE", "LOCATION"})


def _first_word_orgs(cands: list[Cand]) -> None:
    """A one-word "person" or place no knowledge-base entry knows that is the first word of an
    organisation's name in the document, where no person's full name holds that word, is the
    organisation ("Mahan" after "Mahan Air", "Salling" after "Salling Group", "Condor" after "Condor
    Air"): the model typed the short form a person or a place. Its repetitions found by name
    follow it."""
    orgs: dict[str, Cand] = {}
    person_words: set[str] = set()
    for c in cands:
        words = c.text.split()
        if c.label == "ORG" and c.kind == "name" and len(words) >= 2 and words[1][:1].isalpha():
            orgs.setdefault(words[0], c)
        elif c.label == "PERSON" and len(words) >= 2:
            person_words.update(words)
    relabelled: set[int] = set()
    for c in cands:
        short = c.label in _SHORT_FORM_LABELS and not c.kb_id and " " not in c.text
        org = orgs.get(c.text) if short else None
        if org is not None and c.text not in person_words and "known_from" not in c.meta:
            c.label, c.meta["known_from"] = "ORG", org.start
            relabelled.add(c.start)
    for c in cands:  # a later repetition of the short form the model missed follows it
        if c.label in _SHORT_FORM_LABELS and c.meta.get("known_from") in relabelled:
            c.label = "ORG"


def _alias_referent(view: DocView, index: CandIndex, a: Cand) -> Cand | None:
    """The candidate an alias names: right before its bracket, or before "known as" in its sentence
    (a person when the alias is a kunya or looks like a personal name)."""
    text = view.text
    at = a.meta.get("alias_of", a.start)
    if text[at : at + 1] in "[(":
        blank_from = at  # the candidate must end in the blanks right before the bracket
        while blank_from > 0 and text[blank_from - 1].isspace():
            blank_from -= 1
        got = sorted((c for c in index.ending_in(blank_from, at) if c is not a), key=lambda c: c.start)
        ref = got[0] if got else None  # the longest name: "University of Southern California (USC)"
        if ref is not None and _foreign_acronym(a.text, ref):
            return None
        return ref
    sent = view.sentences[view.sentence_index(at)] if view.sentences else None
    before = [
        c
        for c in index.starting_in(sent.start if sent is not None else 0, at)
        if c.end <= at and c.label in ("PERSON", "ORG", "?") and c is not a
    ]
    if a.meta.get("acronym"):  # "a Member of Parliament, or MP": not "Parliament"
        before = [c for c in before if set(a.text) - {"-"} <= {w[0] for w in c.text.split()}]
    if a.text.split()[0].lower() in KUNYA_WORDS or is_person_name(a.text):
        before = [c for c in before if c.label == "PERSON"] or before
    return before[-1] if before else None


def _foreign_acronym(alias: str, ref: Cand) -> bool:
    """An acronym after the end of a place's name that cannot be its own ("Southern California
    (USC)": the university's, whose name the recognizer cut): a place's acronym starts with its
    initial ("United States (US)")."""
    return (
        alias.isupper()
        and ref.label in ("STATE", "LOCATION")
        and alias[:1] != ref.text[:1].upper()
    )


def _attach_alias(view: DocView, index: CandIndex, a: Cand, ents: Entities, persons: list[Cand]) -> None:
    """Join an alias to its referent's entity, or mark it for the person or organisation grouping."""
    ref = _alias_referent(view, index, a)
    if ref is None:
        if " " in a.text and a.text.split()[0].lower() in KUNYA_WORDS:
            a.label, a.kind = "PERSON", "name"
            persons.append(a)
        return
    a.ref = ref.start
    a.label = ref.label if ref.label != "?" else "PERSON"
    if ref.label == "PERSON" and not ref.entity:
        a.meta["alias_person"] = ref.start
        persons.append(a)
    elif ref.entity:
        ents.add(ents.get(ref.entity), a)  # type: ignore[arg-type]
    else:
        a.meta["alias_org"] = ref.start


def _group_others(ents: Entities, cands: list[Cand], by_start: dict[int, Cand], kb: KnowledgeBase) -> None:
    """Organisations, places and states the KB does not know, longer names first so that short forms
    and suffixes ("Foreign Ministry") find the full name; a demonym joins its place."""
    names_by_text: dict[str, Cand] = {}
    for c in cands:
        if c.label in ("STATE", "LOCATION", "ORG") and c.kind == "name" and not c.kb_id:
            names_by_text.setdefault(c.text, c)
    rest = [c for c in cands if not c.entity and c.label not in ("NORP", "PERSON", "?")]
    idx = _OrgIndex(ents)
    for c in sorted(rest, key=lambda c: (-len(c.text.split()), c.start)):
        src = by_start.get(c.meta.get("known_from", -1))
        if c.meta.get("alias_org") is not None:
            src = by_start.get(c.meta["alias_org"])
        if c.kind in ("demonym", "metonym") and c.meta.get("place") in names_by_text:
            src = names_by_text[c.meta["place"]]
            if not src.entity:
                idx.add(ents.new(src.label, f"{src.label}:{_org_key(src.text)}"), src)
        if src is not None and src.entity:
            idx.add(ents.get(src.entity), c)  # type: ignore[arg-type]
            continue
        key = f"{c.label}:{_org_key(c.meta.get('group_key', c.text))}"  # "protester(s)": one group
        if c.label == "ORG":
            key = _state_led_key(key, kb)  # "Australia Liberal Party" = "Australian Liberal Party"
        e = ents.by_key.get(key)
        if e is None and c.label in ("STATE", "LOCATION"):
            e = ents.by_key.get(f"{'LOCATION' if c.label == 'STATE' else 'STATE'}:{_org_key(c.text)}")
        if e is None and c.label == "ORG":
            e = idx.short_match(c) or institution_of(c.text, ents, kb)
        idx.add(e or ents.new(c.label, key), c)


#: a national institution's common noun -> the knowledge-base template of its bodies ("parliament")
INSTITUTIONS: dict[str, str] = lexicons.table("actors.institution_words")


def institution_of(text: str, ents: Entities, kb: KnowledgeBase) -> LocalEntity | None:
    """"Parliament", "the parliament": the one body of its template the document names ("UK
    parliament", "the Riksdag"); None when it names none or more than one."""
    template = INSTITUTIONS.get(re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE).lower())
    if template is None:
        return None
    bodies = [e for e in ents.items if e.type == "ORG" and e.kb_id and _template(kb, e.kb_id) == template]
    return bodies[0] if len(bodies) == 1 else None


def _template(kb: KnowledgeBase, kb_id: str) -> str | None:
    entry = kb.get(kb_id)
    return entry.template if entry is not None else None


def _state_led_key(key: str, kb: KnowledgeBase) -> str:
    """An organisation key whose first words name a state or its demonym, with the state's id instead."""
    label, _, name = key.partition(":")
    words = name.split()
    for n in range(min(3, len(words) - 1), 0, -1):
        head = " ".join(words[:n]).title()
        state = kb.demonym(head) or next((e for e in kb.lookup(head)[:1] if e.type == "STATE"), None)
        if state is not None:
            return f"{label}:{state.kb_id} {' '.join(words[n:])}"
    return key


class _OrgIndex:
    """Local entities by the parts of their names that :meth:`short_match` compares (initials, last
    word, short forms), so that a short form is compared with the few names that can fit it."""

    def __init__(self, ents: Entities) -> None:
        self.ents = ents
        self.by_part: dict[tuple[str, str], dict[str, LocalEntity]] = {}
        self.texts: dict[str, dict[str, None]] = {}  # entity id -> its distinct name texts
        for e in ents.items:
            for c in e.cands:
                self._index(e, c)

    def add(self, e: LocalEntity, c: Cand) -> None:
        self.ents.add(e, c)
        self._index(e, c)

    def _index(self, e: LocalEntity, c: Cand) -> None:
        if c.kind not in NAME_KINDS or c.text in self.texts.get(e.id, {}):
            return
        self.texts.setdefault(e.id, {})[c.text] = None
        nk = _org_key(c.text).split()
        parts = [("initials", _initials(c.text))] + [("short", f) for f in org_short_forms(c.text)]
        for part in parts + ([("last", nk[-1])] if nk else []):
            self.by_part.setdefault(part, {})[e.id] = e

    def short_match(self, c: Cand) -> LocalEntity | None:
        """An acronym or a trailing part of exactly one organisation's name already seen."""
        k = _org_key(c.text)
        parts = [("initials", c.text), ("short", c.text)] + ([("last", k.split()[-1])] if k.split() else [])
        found = {e.id: e for p in parts for e in self.by_part.get(p, {}).values()}
        hits = []
        for e in sorted(found.values(), key=self.ents.position):
            if e.type != "ORG":
                continue
            for name in self.texts[e.id]:
                nk = _org_key(name)
                if (
                    (c.text.isupper() and 2 <= len(c.text) <= 6 and _initials(name) == c.text)
                    or (len(k.split()) >= 2 and nk.endswith(" " + k))
                    or c.text in org_short_forms(name)
                    or _subsequence(k.split(), nk.split())
                ):
                    hits.append(e)
                    break
        return hits[0] if len(hits) == 1 else None


def _subsequence(short: list[str], long: list[str]) -> bool:
    """ "valdorian ministry" in "valdorian foreign ministry": same first and last word, in order."""
    if len(short) < 2 or len(short) >= len(long) or short[0] != long[0] or short[-1] != long[-1]:
        return False
    it = iter(long)
    return all(w in it for w in short)


@lru_cache(maxsize=65536)
def _name_keys(text: str) -> frozenset[str]:
    """Loose keys of a name's tokens (consonant skeleton without its first letter): two names
    that compare_names could match share one."""
    out = set()
    for tok in name_key(text).split():
        sk = skeleton(tok)
        out.add(sk[1:] if len(sk) > 2 else sk)
    return frozenset(out)


class _PersonIndex:
    """The people among the local entities, indexed by loose name key, with each one's name texts
    and sorted mention offsets: a candidate is compared with the people who share a key, and its
    distance to each is two bisections (no scan of every entity and every mention)."""

    def __init__(self, ents: Entities) -> None:
        self.ents = ents
        self.by_key: dict[str, dict[str, LocalEntity]] = {}
        self.texts: dict[str, set[str]] = {}  # entity id -> texts of its names (all name kinds)
        self.full: dict[str, set[str]] = {}  # entity id -> texts of its names of kind "name"
        self.starts: dict[str, list[int]] = {}  # entity id -> sorted offsets of all its mentions
        for e in ents.items:
            for c in e.cands:
                self._index(e, c)

    def add(self, e: LocalEntity, c: Cand) -> None:
        self.ents.add(e, c)
        self._index(e, c)

    def _index(self, e: LocalEntity, c: Cand) -> None:
        bisect.insort(self.starts.setdefault(e.id, []), c.start)
        if c.kind not in NAME_KINDS:
            return
        self.texts.setdefault(e.id, set()).add(c.text)
        if c.kind == "name":
            self.full.setdefault(e.id, set()).add(c.text)
        for k in _name_keys(c.text):
            self.by_key.setdefault(k, {})[e.id] = e

    def sharing_key(self, text: str) -> list[LocalEntity]:
        """People whose names share a loose key with ``text``, in entity order."""
        found = {e.id: e for k in _name_keys(text) for e in self.by_key.get(k, {}).values()}
        return sorted((e for e in found.values() if e.type == "PERSON"), key=self.ents.position)

    def distance(self, e: LocalEntity, pos: int) -> int:
        """Characters from the nearest mention of ``e`` before ``pos`` (one after it counts 100,000 more)."""
        starts = self.starts[e.id]
        i = bisect.bisect_left(starts, pos)
        before = pos - starts[i - 1] if i > 0 else None
        after = starts[i] - pos + 100000 if i < len(starts) else None
        return min(d for d in (before, after) if d is not None)


def _best_person(idx: _PersonIndex, c: Cand, kin: Callable[[LocalEntity], bool]) -> LocalEntity | None:
    """The person ``c`` names: the nearest one with a strong match, else with a partial one. A bare
    surname that several people share is not one introduced as someone's relative ("Ginger Baker
    ... his daughter Nettie Baker ... Baker was hospitalised": Ginger), where another is named."""
    strong: list[tuple[int, LocalEntity]] = []
    weak: list[tuple[int, LocalEntity]] = []
    loose: list[LocalEntity] = []  # a surname spelled a little differently ("Malshenko"): one person only
    for e in idx.sharing_key(c.text):
        best = max(
            (compare_names(c.text, t) for t in sorted(idx.full.get(e.id, ()))),
            key=lambda m: m.score,
            default=None,
        )
        exact = c.text in idx.texts.get(e.id, ())
        if best is None and not exact:
            continue
        dist = idx.distance(e, c.start)
        if exact or (best is not None and best.score >= STRONG):
            strong.append((dist, e))
        elif best is not None and best.kind == "partial" and best.score >= PARTIAL:
            weak.append((dist, e))
        elif best is not None and best.kind == "first_name" and len(c.text.split()) == 1:
            weak.append((dist + 50000, e))
        elif best is not None and best.kind == "partial" and best.score >= LOOSE and " " not in c.text:
            loose.append(e)
    pool = strong or weak
    if len({e.id for _, e in pool}) > 1 and " " not in c.text:
        pool = [x for x in pool if not kin(x[1])] or pool
    if pool:
        return min(pool, key=lambda x: x[0])[1]
    return loose[0] if len(loose) == 1 else None


class _Kin:
    """Whether a person is introduced as someone's relative: their first full name comes right
    after a word of kinship ("his daughter Nettie Baker", "the singer's son, Tom")."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.memo: dict[str, bool] = {}

    def __call__(self, e: LocalEntity) -> bool:
        if e.id not in self.memo:
            first = min((c.start for c in e.cands if c.kind == "name"), default=min(c.start for c in e.cands))
            self.memo[e.id] = _KIN_BEFORE.search(self.text[max(0, first - 40) : first]) is not None
        return self.memo[e.id]


_KIN_WORDS = "|".join(sorted(lexicons.words("actors.kin_nouns")))
_KIN_BEFORE = re.compile(rf"\b(?:{_KIN_WORDS})s?\b\W{{0,3}}$", re.I)


def _group_persons(ents: Entities, persons: list[Cand], by_start: dict[int, Cand], kin: _Kin) -> None:
    """Full names first; then short forms and variants join the best fitting full name; aliases
    ("known as", brackets) join their referent's entity."""
    aliases = [c for c in persons if c.meta.get("alias_person") is not None]
    alias_texts = {a.text for a in aliases}
    order = sorted(
        (c for c in persons if c.meta.get("alias_person") is None),
        key=lambda c: (c.text in alias_texts, -len(c.text.split()), c.start),
    )
    idx = _PersonIndex(ents)
    for c in order:
        if c.text in alias_texts and aliases:  # attach the aliases before their repetitions
            _attach_person_aliases(idx, aliases, by_start)
            aliases = []
        if c.entity:
            continue
        idx.add(_best_person(idx, c, kin) or ents.new("PERSON", ""), c)
    _attach_person_aliases(idx, aliases, by_start)


def _attach_person_aliases(idx: _PersonIndex, aliases: list[Cand], by_start: dict[int, Cand]) -> None:
    for a in aliases:
        ref = by_start.get(a.meta["alias_person"])
        e = idx.ents.get(ref.entity) if ref is not None else None
        idx.add(e or idx.ents.new("PERSON", ""), a)
