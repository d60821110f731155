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

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from newsgraph.actors.kb import KnowledgeBase, fold
from newsgraph.actors.lexicon import KUNYA_WORDS, alternatives
from newsgraph.actors.rules import is_person_name, org_short_forms
from newsgraph.actors.spans import Cand, DocView
from newsgraph.text.names import PARTIAL, STRONG, NameMatch, name_key, skeleton
from newsgraph.text.names import compare_names as _compare_names


@lru_cache(maxsize=65536)
def compare_names(a: str, b: str) -> NameMatch:
    return _compare_names(a, b)


_TYPE_RANK = {"STATE": 0, "ORG": 1, "LOCATION": 2, "PERSON": 3}


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
        return [c for c in self.cands if c.kind in ("name", "alias", "metonym", "demonym")]

    def best_name(self, kb: KnowledgeBase) -> str:
        if self.kb_id:
            e = kb.get(self.kb_id)
            if e is not None:
                return e.name
        names = [c.text for c in self.cands if c.kind in ("name", "alias")] or [c.text for c in self.cands]
        if not names:
            return ""
        if self.type == "PERSON":
            return max(names, key=lambda n: (len(n.split()), len(n), -names.index(n)))
        return max(names, key=lambda n: (not n.isupper(), names.count(n) + len(n.split()), -names.index(n)))


class Entities:
    """Local entities of one document under construction."""

    def __init__(self) -> None:
        self.items: list[LocalEntity] = []
        self.by_key: dict[str, LocalEntity] = {}

    def new(self, type_: str, key: str, kb_id: str | None = None) -> LocalEntity:
        e = LocalEntity(f"e{len(self.items) + 1}", type_, kb_id, key=key)
        self.items.append(e)
        if key:
            self.by_key[key] = e
        return e

    def add(self, e: LocalEntity, c: Cand) -> None:
        c.entity = e.id
        e.cands.append(c)
        if (
            _TYPE_RANK.get(c.label, 9) < _TYPE_RANK.get(e.type, 9)
            and e.type != "PERSON"
            and c.label != "PERSON"
        ):
            e.type = c.label

    def get(self, eid: str | None) -> LocalEntity | None:
        return next((e for e in self.items if e.id == eid), None) if eid else None


_PLACE_PREFIX = re.compile(rf"^(?:{alternatives('place_prefix')})", re.I)


def _org_key(text: str) -> str:
    return fold(_PLACE_PREFIX.sub("", text))


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w[0].isupper())


def group_names(view: DocView, cands: list[Cand], kb: KnowledgeBase) -> Entities:
    """Assign every named candidate (not demonym adjectives) to a local entity."""
    ents = Entities()
    by_start = {c.start: c for c in cands}
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
    for a in aliases:
        _attach_alias(view, cands, a, ents, persons)
    _group_persons(ents, persons, by_start)
    _group_others(ents, cands, by_start)
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


def _alias_referent(view: DocView, cands: list[Cand], a: Cand) -> Cand | None:
    """The candidate an alias names: right before its bracket, or before "known as" in its sentence
    (a person when the alias is a kunya or looks like a personal name)."""
    text = view.text
    at = a.meta.get("alias_of", a.start)
    if text[at : at + 1] in "[(":
        return next((c for c in cands if c.end <= at and not text[c.end : at].strip() and c is not a), None)
    sent = view.sentences[view.sentence_index(at)] if view.sentences else None
    before = [
        c
        for c in cands
        if c.end <= at
        and c.label in ("PERSON", "ORG", "?")
        and (sent is None or c.start >= sent.start)
        and c is not a
    ]
    if a.text.split()[0].lower() in KUNYA_WORDS or is_person_name(a.text):
        before = [c for c in before if c.label == "PERSON"] or before
    return before[-1] if before else None


def _attach_alias(view: DocView, cands: list[Cand], a: Cand, ents: Entities, persons: list[Cand]) -> None:
    """Join an alias to its referent's entity, or mark it for the person or organisation grouping."""
    ref = _alias_referent(view, cands, a)
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


def _group_others(ents: Entities, cands: list[Cand], by_start: dict[int, Cand]) -> None:
    """Organisations, places and states the KB does not know, longer names first so that short forms
    and suffixes ("Foreign Ministry") find the full name; a demonym joins its place."""
    names_by_text: dict[str, Cand] = {}
    for c in cands:
        if c.label in ("STATE", "LOCATION", "ORG") and c.kind == "name" and not c.kb_id:
            names_by_text.setdefault(c.text, c)
    rest = [c for c in cands if not c.entity and c.label not in ("NORP", "PERSON", "?")]
    for c in sorted(rest, key=lambda c: (-len(c.text.split()), c.start)):
        src = by_start.get(c.meta.get("known_from", -1))
        if c.meta.get("alias_org") is not None:
            src = by_start.get(c.meta["alias_org"])
        if c.kind == "demonym" and c.meta.get("place") in names_by_text:
            src = names_by_text[c.meta["place"]]
            if not src.entity:
                e = ents.new(src.label, f"{src.label}:{_org_key(src.text)}")
                ents.add(e, src)
        if src is not None and src.entity:
            ents.add(ents.get(src.entity), c)  # type: ignore[arg-type]
            continue
        key = f"{c.label}:{_org_key(c.text)}"
        e = ents.by_key.get(key)
        if e is None and c.label in ("STATE", "LOCATION"):
            e = ents.by_key.get(f"{'LOCATION' if c.label == 'STATE' else 'STATE'}:{_org_key(c.text)}")
        if e is None and c.label == "ORG":
            e = _org_short_match(ents, c)
        if e is None:
            e = ents.new(c.label, key)
        ents.add(e, c)


def _org_short_match(ents: Entities, c: Cand) -> LocalEntity | None:
    """An acronym or a trailing part of exactly one organisation's name already seen."""
    k = _org_key(c.text)
    hits = []
    for e in ents.items:
        if e.type != "ORG":
            continue
        for n in e.names:
            nk = _org_key(n.text)
            if (
                (c.text.isupper() and 2 <= len(c.text) <= 6 and _initials(n.text) == c.text)
                or (len(k.split()) >= 2 and nk.endswith(" " + k))
                or c.text in org_short_forms(n.text)
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
        out.add(sk[1:] if len(sk) > 2 else tok)
    return frozenset(out)


def _group_persons(ents: Entities, persons: list[Cand], by_start: dict[int, Cand]) -> None:
    """Full names first; then short forms and variants join the best fitting full name; aliases
    ("known as", brackets) join their referent's entity."""
    aliases = [c for c in persons if c.meta.get("alias_person") is not None]
    alias_texts = {a.text for a in aliases}
    order = sorted(
        (c for c in persons if c.meta.get("alias_person") is None),
        key=lambda c: (c.text in alias_texts, -len(c.text.split()), c.start),
    )
    for c in order:
        if c.text in alias_texts and aliases:  # attach the aliases before their repetitions
            for a in aliases:
                ref = by_start.get(a.meta["alias_person"])
                e = ents.get(ref.entity) if ref is not None else None
                ents.add(e or ents.new("PERSON", ""), a)
            aliases = []
        if c.entity:
            continue
        strong: list[tuple[int, LocalEntity]] = []
        weak: list[tuple[int, LocalEntity]] = []
        ck = _name_keys(c.text)
        for e in ents.items:
            if e.type != "PERSON" or not any(ck & _name_keys(n.text) for n in e.names):
                continue
            best = max(
                (compare_names(c.text, t) for t in {n.text for n in e.names if n.kind == "name"}),
                key=lambda m: m.score,
                default=None,
            )
            exact = any(n.text == c.text for n in e.names)
            if best is None and not exact:
                continue
            dist = min(abs(n.start - c.start) + (0 if n.start < c.start else 100000) for n in e.cands)
            if exact or (best is not None and best.score >= STRONG):
                strong.append((dist, e))
            elif best is not None and best.kind == "partial" and best.score >= PARTIAL:
                weak.append((dist, e))
            elif best is not None and best.kind == "first_name" and len(c.text.split()) == 1:
                weak.append((dist + 50000, e))
        pick = (
            min(strong, key=lambda x: x[0])[1]
            if strong
            else min(weak, key=lambda x: x[0])[1]
            if weak
            else None
        )
        if pick is None:
            pick = ents.new("PERSON", "")
        ents.add(pick, c)
    for a in aliases:
        ref = by_start.get(a.meta["alias_person"])
        e = ents.get(ref.entity) if ref is not None else None
        ents.add(e or ents.new("PERSON", ""), a)
