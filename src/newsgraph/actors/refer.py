"""Descriptions and pronouns: "the Hamas official", "the Russian diplomat", "the movement",
"he", "she", resolved to a local entity only where the text makes it clear (one candidate in
reach, else the nearest one that fits); otherwise they stay unresolved and are not emitted."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from newsgraph.actors.coref import Entities, LocalEntity
from newsgraph.actors.kb import KnowledgeBase
from newsgraph.actors.lexicon import ORG_DESCRIPTIONS, PERSON_NOUNS, PRONOUNS, alternatives
from newsgraph.actors.spans import Cand, DocView
from newsgraph.text import lexicons

_DESC_RX = re.compile(
    rf"\b(?P<the>[Tt]he) (?P<mods>(?:(?:{alternatives('description_modifiers')}|[A-Z][\w’'-]+) ){{0,3}})"
    r"(?P<noun>" + "|".join(sorted(PERSON_NOUNS | set(ORG_DESCRIPTIONS), key=len, reverse=True)) + r")\b"
    r"(?![ -][A-Z])"
)
_PRON_RX = re.compile(
    r"\b(?:" + "|".join(PRONOUNS) + "|" + "|".join(p.capitalize() for p in PRONOUNS) + r")\b"
)


def _affil_chain(ents: Entities, kb: KnowledgeBase, e: LocalEntity) -> set[str]:
    """Keys an entity is affiliated with (local ids and kb ids, two steps)."""
    out: set[str] = set()
    cur: str | None = e.affiliation
    for _ in range(3):
        if not cur:
            break
        out.add(cur)
        if cur.startswith("kb:"):
            entry = kb.get(cur[3:])
            cur = f"kb:{entry.affiliation}" if entry and entry.affiliation else None
        else:
            a = ents.get(cur)
            if a is None:
                break
            if a.kb_id:
                out.add("kb:" + a.kb_id)
            cur = a.affiliation
    return out


def _refs_of_modifier(mods: str, ents: Entities, kb: KnowledgeBase, demonyms: dict[str, str]) -> set[str]:
    """Entity keys a description's modifier words name ("Hamas", "Russian", "Valdorian")."""
    out: set[str] = set()
    words = [w for w in mods.split() if w[:1].isupper()]
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            phrase = " ".join(words[i:j])
            st = kb.demonym(phrase)
            if st is not None:
                out.add("kb:" + st.kb_id)
            place = demonyms.get(phrase)
            for e in ents.all_named(phrase) + (ents.all_named(place) if place else []):
                if e.type != "PERSON":
                    out.add(e.id)
                    if e.kb_id:
                        out.add("kb:" + e.kb_id)
            for entry in kb.lookup(phrase)[:1]:
                out.add("kb:" + entry.kb_id)
    return out


#: how far back (characters) a description or pronoun looks for the actor it refers to
WINDOW = 20_000


class _Prior:
    """The mentions (not pronouns) of the local entities by offset, so that a description looks back
    from its place, nearest first, over at most :data:`WINDOW` characters (not over every mention of
    the document)."""

    def __init__(self, ents: Entities) -> None:
        self.ents = ents
        items = [(c.start, ents.position(e), e) for e in ents.items for c in e.cands if c.kind != "pronoun"]
        self.items = sorted(items, key=lambda x: (x[0], x[1]))
        self.starts = [x[0] for x in self.items]

    def add(self, start: int, e: LocalEntity) -> None:
        i = bisect.bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.items.insert(i, (start, self.ents.position(e), e))

    def groups(self, a: int) -> Iterator[tuple[int, list[LocalEntity]]]:
        """``(start, entities)`` of the mentions before ``a`` within the window, nearest first; the
        entities of one start in entity order."""
        i = bisect.bisect_left(self.starts, a) - 1
        while i >= 0 and self.starts[i] >= a - WINDOW:
            s = self.starts[i]
            group: dict[str, LocalEntity] = {}
            while i >= 0 and self.starts[i] == s:
                group[self.items[i][2].id] = self.items[i][2]
                i -= 1
            yield s, sorted(group.values(), key=self.ents.position)


def _nearest_org(prior: _Prior, a: int, heads: frozenset[str], kb: KnowledgeBase) -> LocalEntity | None:
    """The organisation mentioned last before ``a`` whose name or kind fits the description's noun."""
    for _, group in prior.groups(a):
        fits = [e for e in group if e.type == "ORG" and _org_fits(e, heads, kb)]
        if fits:
            return fits[0]
    return None


def _nearest_person(
    prior: _Prior, a: int, noun: str, refs: set[str], ents: Entities, kb: KnowledgeBase
) -> LocalEntity | None:
    """The person mentioned last before ``a`` who is affiliated with what the modifiers name; or a
    more recent person with no known affiliation but a fitting title ("Deputy Foreign Minister X ...
    the Valdorian diplomat said"), when nobody else was mentioned since (who then gets it)."""
    fit: LocalEntity | None = None
    open_: LocalEntity | None = None
    since: set[str] = set()
    for _, group in prior.groups(a):
        fits = [e for e in group if e.type == "PERSON" and _affil_chain(ents, kb, e) & refs]
        if fits:
            fit = fits[0]
            break
        persons = [e for e in group if e.type == "PERSON"]
        since.update(e.id for e in persons)
        if open_ is None:
            open_ = next((e for e in persons if not e.affiliation and _title_fits(noun, e.titles)), None)
    if open_ is not None and len(since) == 1:
        open_.affiliation = _best_ref(refs, ents)
        return open_
    return fit


def descriptions(
    view: DocView,
    ents: Entities,
    kb: KnowledgeBase,
    demonyms: dict[str, str],
    taken: list[tuple[int, int]],
    persons: bool,
) -> list[Cand]:
    """Description mentions of people (``persons``) or organisations resolved to one entity;
    unresolved ones are dropped."""
    out: list[Cand] = []
    text = view.text
    covered = bytearray(len(text) + 1)  # characters of ``taken``: one lookup per description
    for s, e in taken:
        covered[s:e] = b"\x01" * (e - s)
    prior = _Prior(ents)
    for p in view.paragraphs:
        for m in _DESC_RX.finditer(text, p.start, p.end):
            a, b = m.start(), m.end()
            if covered.find(1, a, b) >= 0:
                continue
            noun, mods = m.group("noun").lower(), m.group("mods")
            if (noun in PERSON_NOUNS) != persons:
                continue
            if noun in ORG_DESCRIPTIONS and not mods.strip():
                e = _nearest_org(prior, a, ORG_DESCRIPTIONS[noun], kb)
            elif noun in PERSON_NOUNS:
                refs = _refs_of_modifier(mods, ents, kb, demonyms)
                e = _nearest_person(prior, a, noun, refs, ents, kb) if refs else None
            else:
                continue
            if e is None:
                continue
            c = Cand(a, b, text[a:b], e.type, "rule", kind="description")
            ents.add(e, c)
            prior.add(a, e)
            if persons:
                title = re.sub(r"^[Tt]he\s+", "", c.text)
                if title not in e.titles:
                    e.titles.append(title)
            out.append(c)
            taken.append((a, b))
            covered[a:b] = b"\x01" * (b - a)
    return out


_NOUN_TITLES = lexicons.word_table("actors.noun_titles")
_GENERIC_ORG_HEADS = lexicons.words("actors.generic_org_heads")


def _title_fits(noun: str, titles: list[str]) -> bool:
    words = {w.strip(".,'’").lower() for t in titles for w in t.split()}
    want = _NOUN_TITLES.get(noun)
    return bool(words) and (want is None or bool(words & want))


def _best_ref(refs: set[str], ents: Entities) -> str | None:
    """A local entity among ``refs`` if there is one, else a KB reference."""
    local = sorted(r for r in refs if not r.startswith("kb:") and ents.get(r) is not None)
    if local:
        return local[0]
    kbs = sorted(refs)
    return kbs[0] if kbs else None


def _org_fits(e: LocalEntity, heads: frozenset[str], kb: KnowledgeBase) -> bool:
    entry = kb.get(e.kb_id) if e.kb_id else None
    if (
        entry is not None
        and entry.kind in ("movement", "armed_group", "party")
        and heads & _GENERIC_ORG_HEADS
    ):
        return True
    return any(n.text.split()[-1].lower() in heads for n in e.names if n.kind in ("name", "alias"))


def pronouns(view: DocView, ents: Entities, taken: list[tuple[int, int]]) -> list[Cand]:
    """ "he"/"she"/"his"/"her": the one person in reach (this and the previous sentence), else the
    person who starts the previous sentence; otherwise unresolved."""
    out: list[Cand] = []
    text = view.text
    persons = sorted(
        ((c.start, e) for e in ents.items if e.type == "PERSON" for c in e.cands if c.kind != "pronoun"),
        key=lambda x: x[0],
    )
    if not persons:
        return out
    starts = [s for s, _ in persons]

    def between(lo: int, hi: int) -> list[tuple[int, LocalEntity]]:  # persons with lo <= start < hi
        return persons[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]

    for p in view.paragraphs:
        if view.para_of(p.start) in view.headings:
            continue
        for m in _PRON_RX.finditer(text, p.start, p.end):
            a, b = m.start(), m.end()
            si = view.sentence_index(a)
            lo = view.sentences[max(0, si - 1)].start if view.sentences else p.start
            window = {e.id: (s, e) for s, e in between(lo, a)}
            pick = None
            if len(window) == 1:
                pick = next(iter(window.values()))[1]
            elif len(window) > 1 and si > 0:
                prev = view.sentences[si - 1]
                starters = [e for s, e in between(prev.start, prev.start + 3)]
                pick = starters[0] if starters else None
            elif not window and si > 0:
                # the last person of the paragraph before, when nobody else intervened
                earlier = between(a - 599, a)
                if earlier and len({e.id for s, e in earlier if s >= earlier[-1][0] - 300}) == 1:
                    pick = earlier[-1][1]
            if pick is None:
                continue
            c = Cand(a, b, m.group(), "PERSON", "rule", kind="pronoun")
            ents.add(pick, c)
            out.append(c)
    return out
