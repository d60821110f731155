"""Choosing among overlapping candidates, and one label per surface form in a document."""

from __future__ import annotations

import bisect
import re

from newsgraph.actors.kb import KnowledgeBase
from newsgraph.actors.lexicon import ORG_HEADS, PERSON_NOUNS, PLACE_PREPOSITIONS, STATE_NOUNS, ordered
from newsgraph.actors.rules import person_short_forms
from newsgraph.actors.spans import Cand, DocView
from newsgraph.text import lexicons
from newsgraph.text.names import _table as _name_table
from newsgraph.text.names import fold as name_fold
from newsgraph.text.names import given_name_gender


def harmonize(view: DocView, cands: list[Cand]) -> list[Cand]:
    """One label per surface form in a document, as the model's tags vary between occurrences:
    short forms of a full personal name are PERSON (a one-word organisation the KB knows too: "Bloomberg"
    after "Michael Bloomberg"); otherwise the majority label, where a lone
    single-word PERSON (no full name, not a known given name) after "in/at/to" is a place."""
    full = [c.text for c in cands if c.label == "PERSON" and len(c.text.split()) >= 2]
    shorts = {s for n in full for s in person_short_forms(n)} | {n.split()[0] for n in full}
    votes: dict[str, list[str]] = {}
    for c in cands:
        if c.source in ("model", "known"):
            votes.setdefault(c.text, []).append(c.label)
    names = _name_table().by_token
    single_persons = {c.text for c in cands if c.label == "PERSON" and " " not in c.text}
    person_forms = shorts | {c.text for c in cands if c.label == "PERSON"}
    places = _place_evidence(view, cands)
    kb_places = _place_evidence(view, cands, ("kb",))
    for c in cands:
        if c.source == "kb" and " " not in c.text and c.text in shorts and _short_not_kb(c, kb_places):
            c.label, c.kb_id = "PERSON", None  # (the man, not the news agency nor a small town)
            continue
        if c.source not in ("model", "known"):
            continue
        if c.text in shorts or (c.text[:1].isupper() and c.text[:1].lower() + c.text[1:] in person_forms):
            c.label = "PERSON"  # "Al-Haddad" at the start of a sentence when "al-Haddad" is a person
            continue
        toks = c.text.split()
        if (
            c.label != "PERSON"
            and 2 <= len(toks) <= 4
            and toks[-1] in single_persons
            and not any(t.lower() in ORG_HEADS for t in toks)
        ):
            c.label = "PERSON"  # "Teodora Lindqvist" when "Lindqvist" alone is a person
            continue
        labels = votes[c.text]
        # ties go to the label seen first (a set's order would depend on the hash seed)
        best = max(dict.fromkeys(labels), key=lambda lab: (labels.count(lab), lab != "PERSON"))
        if best == "PERSON" and " " not in c.text and name_fold(c.text) not in names:
            if places.get(c.text, set()) & {"prep", "person_prep", "which", "place_of"}:
                best = "LOCATION"
        elif best == "ORG" and c.source == "model" and _lone_name(c) and not c.kb_id:
            if places.get(c.text, set()) & {"org_prep", "place_of"}:
                best = "LOCATION"  # "met in Castellan", "the border town of Drevna"
        c.label = best
    return cands


def _short_not_kb(c: Cand, places: dict[str, set[str]]) -> bool:
    """A one-word name the KB knows that is the short form of a full personal name in the document
    is the person: a one-word organisation ("Bloomberg" after "Michael Bloomberg"), or a gazetteer
    place (not a state) no word around it calls a place ("Senator Kennedy" after "Robert F. Kennedy")."""
    if c.label == "ORG":
        return True
    town = c.label == "LOCATION" and (c.kb_id or "").startswith("place:")
    return town and not places.get(c.text, set()) & {"prep", "org_prep", "place_of"}


_ORG_PLACE_PREPOSITIONS = lexicons.words("actors.org_place_prepositions")
_PERSON_PLACE_PREPOSITIONS = lexicons.words("actors.person_place_prepositions")
_PLACE_NOUNS_OF = lexicons.words("actors.place_nouns_of")
_WHICH = re.compile(r",?\s+which\b")


def _lone_name(c: Cand) -> bool:
    """One capitalised word that is not an acronym nor an organisation word ("Castellan")."""
    return " " not in c.text and not c.text.isupper() and c.text.lower() not in ORG_HEADS


def _place_evidence(
    view: DocView, cands: list[Cand], sources: tuple[str, ...] = ("model", "known")
) -> dict[str, set[str]]:
    """What the words around each one-word name say about it being a place: after "in"
    (``org_prep``; ``prep`` for the wider person list), after "between" (``person_prep``), after
    "town of" (``place_of``), before ", which" (``which``: not a person)."""
    out: dict[str, set[str]] = {}
    for c in cands:
        if " " in c.text or c.source not in sources:
            continue
        found = out.setdefault(c.text, set())
        prev = [t.text.lower() for t in view.before(c.start, 3)]
        if prev and prev[-1] in PLACE_PREPOSITIONS:
            found.add("prep")
        if prev and prev[-1] in _ORG_PLACE_PREPOSITIONS:
            found.add("org_prep")
        if prev and prev[-1] in _PERSON_PLACE_PREPOSITIONS:
            found.add("person_prep")
        if len(prev) >= 2 and prev[-1] == "of" and prev[-2] in _PLACE_NOUNS_OF:
            found.add("place_of")
        if _WHICH.match(view.text, c.end):
            found.add("which")
    return out


_AROUND = ordered("place_around_prepositions")
_AROUND_EXCEPTIONS = ordered("place_around_exceptions")
#: the prepositions of those that do not make a known body and a place one name ("the Congress *of*
#: Peru" is one; "the European Union *on* Belarus" two)
_BETWEEN_NAMES = frozenset(_AROUND) - {"of", "for"}
_NAME_PARTICLES = lexicons.words("actors.name_particles")


_DEMONYM_NOUNS = STATE_NOUNS | PERSON_NOUNS | lexicons.words("actors.government_words")


def demonym_led(cands: list[tuple[int, Cand]], kb: KnowledgeBase) -> set[int]:
    """Ids of the candidates to drop where an organisation's name starts with a demonym ("Saudi
    Aramco", "American Airlines", "Thai Raksa Chart Party"): the demonym, so that the name wins;
    but the organisation when the KB knows a name inside it ("Palestinian Resistance Movement
    *Hamas*"). A name the KB knows with the state's name for the demonym ("Palestinian Liberation
    Organization") gets that entry. Likewise a state's or a known place's name that starts an
    organisation's name the organisation rules found ("*United States* Department of Transportation",
    "*Wisconsin* Supreme Court")."""
    norps = {c.start: c for p, c in cands if p == 1 and c.label == "NORP" and c.kb_id}
    for p, c in cands:  # a state's or place's name that starts an organisation's ("Wisconsin Supreme Court")
        if p == 1 and c.label in ("STATE", "LOCATION") and c.kb_id and c.start not in norps:
            norps[c.start] = c
    known = [c for p, c in cands if p == 1 and c.label in ("ORG", "PERSON", "STATE")]
    drop: set[int] = set()
    for p, o in cands:
        d = norps.get(o.start)
        if p < 2 or o.label != "ORG" or d is None or d.end >= o.end:
            continue
        if d.label != "NORP" and not _state_led(o, d):
            continue  # a name the organisation rules found ("United States Department of ..."), no possessive
        if all(w.lower() in _DEMONYM_NOUNS for w in text_after(o, d).split()):
            continue  # "Palestinian State", "Iraqi Government": the state (see classify)
        if any(o.start < k.start and k.end <= o.end for k in known):
            drop.add(id(o))
            continue
        drop.add(id(d))
        if d.label != "NORP":
            o.meta["state"] = d.kb_id  # its affiliation, the state or place it serves (see roles)
        state = kb.get(d.kb_id) if d.kb_id else None
        if state is not None and not o.kb_id:
            hits = kb.lookup(state.name + text_after(o, d)) if d.label == "NORP" else []
            o.kb_id = hits[0].kb_id if hits and hits[0].type == "ORG" else None
    return drop


_STATE_ORG_HEADS = ORG_HEADS | lexicons.words("actors.state_org_heads")


def _state_led(o: Cand, d: Cand) -> bool:
    """Whether ``o`` is an organisation named after the state or place ``d`` that starts it: one the
    organisation rules found, or one the model found after a state's name that ends in an
    organisation word ("Lesotho Defence Force"); not a possessive ("Peru's Congress")."""
    rest = text_after(o, d)
    if not rest[:2].strip()[:1].isupper():
        return False
    if o.source == "rule":
        return True
    return o.source == "model" and d.label == "STATE" and rest.split()[-1].lower() in _STATE_ORG_HEADS


def text_after(o: Cand, d: Cand) -> str:
    """The words of ``o`` after ``d``, which starts it."""
    return o.text[d.end - o.start :]


def _two_names(o: Cand, before: list[str], known: set[tuple[int, int]]) -> bool:
    """The words before the preposition ("on", "in") of a span the model read as one organisation are
    a whole organisation the knowledge base knows ("[European Union] on Belarus"): two names, not one."""
    if len(before) < 2 or before[-1].lower() not in _BETWEEN_NAMES:
        return False
    head = " ".join(before[:-1])
    return (o.start, o.start + len(head)) in known and o.text.startswith(head)


def _longer_place(before: list[str]) -> bool:
    """The words of an organisation's name before a known place inside it end with capitalised words
    right after a preposition ("Parliament of [New South] Wales"): the place is the last word of a
    longer place's name, not itself."""
    at = max((i for i, w in enumerate(before) if w.lower() in _AROUND), default=-1)
    tail = before[at + 1 :]
    return at >= 0 and bool(tail) and all(w[:1].isupper() for w in tail)


def resolve_overlaps(cands: list[tuple[int, Cand]], drop: set[int] | None = None) -> list[Cand]:
    """Keep non-overlapping candidates: higher priority first, then longer spans, less ``drop``.

    An organisation that the model or an ORG rule found *around* a KB place after a preposition
    ("Islamic Resistance in Iraq") wins over the place, as does the office of a place's title holder
    ("the Manhattan district attorney's office"), and so does a person's name found by its
    given name around a place that is its surname ("Denzel Washington") or a given name the model
    took for a place the KB does not know ("Brenton Tarrant"), or a two- or three-word name the model
    found that ends in a known place ("Meng Wanzhou")."""
    orgs = [c for p, c in cands if p >= 2 and c.label == "ORG"]
    places = [c for p, c in cands if p == 1 and c.label in ("STATE", "LOCATION")]
    model_places = [c for p, c in cands if p == 3 and c.label not in ("PERSON", "ORG", "NORP")]
    known_spans = {(c.start, c.end) for p, c in cands if p == 1 and c.label == "ORG"}
    drop = set(drop or ())
    for o in orgs:
        for c in places:
            if o.meta.get("office") and o.start <= c.start and c.end <= o.end:
                drop.add(id(c))  # "[Manhattan district attorney's office]": the office, not the place
            elif o.start < c.start and c.end <= o.end:
                between = o.text[: c.start - o.start].split()
                if _two_names(o, between, known_spans):
                    continue  # "[the European Union] on [Belarus]": a known body, then the place
                if (
                    between
                    and between[-1].lower() in _AROUND
                    and o.text.split()[0].lower() not in _AROUND_EXCEPTIONS
                ) or _longer_place(between):
                    drop.add(id(c))
    # a known organisation's name strictly inside a longer one the model found that ends in an
    # organisation's head ("Civil [Human Rights] Front"): words of that other name
    # (not after a demonym or a place: "Iranian [Revolutionary Guard] Corps" is the Guard's)
    known = sorted((c for p, c in cands if p == 1 and c.label == "ORG"), key=lambda c: c.start)
    placed = sorted(c.start for p, c in cands if p <= 1 and c.label in ("NORP", "STATE", "LOCATION"))
    known_at = [c.start for c in known]
    for o in (c for p, c in cands if p == 3 and c.label == "ORG" and c.text.split()[-1].lower() in ORG_HEADS):
        if bisect.bisect_left(placed, o.start) < bisect.bisect_left(placed, o.end):
            continue  # (a place or demonym starts inside it)
        inside = known[bisect.bisect_right(known_at, o.start) : bisect.bisect_left(known_at, o.end)]
        drop |= {id(c) for c in inside if c.end < o.end}
    # ... or that ends a longer name an ORG rule found, after an organisation's head and "for" ("the
    # Movement for [Democratic Change]"): words of that other name
    for o in (c for p, c in cands if p == 2 and c.label == "ORG"):
        for c in known[bisect.bisect_right(known_at, o.start) : bisect.bisect_left(known_at, o.end)]:
            before = o.text[: c.start - o.start].split()
            headed = len(before) >= 2 and before[-1] == "for" and before[-2].lower() in ORG_HEADS
            if headed and c.end == o.end:
                drop.add(id(c))
    # a place that is a name particle before a capitalised word the model read as one person's name
    # ("[Van] Halen", "[Van] Biljon"): the person's (Van, a city, is a surname's first word there)
    persons = [c for p, c in cands if p >= 2 and c.label == "PERSON"]
    for c in places:
        if c.text.lower() in _NAME_PARTICLES and any(g.start == c.start and g.end > c.end for g in persons):
            drop.add(id(c))
    # a known place that ends a person's two- or three-word name the model found ("Meng [Wanzhou]":
    # a given name that is also a district's), where no other word of it is a place
    for g in (c for p, c in cands if p == 3 and c.label == "PERSON" and 2 <= len(c.text.split()) <= 3):
        inside = [c for c in places if g.start <= c.start and c.end <= g.end]
        last = [c for c in inside if c.end == g.end and c.start > g.start]
        if len(inside) == 1 and last and (last[0].kb_id or "").startswith("place:"):
            drop.add(id(last[0]))
    # a one-word organisation the KB knows that ends a person's name the model found, after a given name
    # ("Michael [Bloomberg]": the man, not the news agency)
    for g in (c for p, c in cands if p == 3 and c.label == "PERSON" and 2 <= len(c.text.split()) <= 3):
        if given_name_gender(g.text.split()[0]):
            ends = (c for p, c in cands if p == 1 and c.label == "ORG" and c.end == g.end)
            drop |= {id(c) for c in ends if c.start > g.start and " " not in c.text}
    model_persons = {c.start: c for p, c in cands if p == 3 and c.label == "PERSON"}
    for g in (c for p, c in cands if c.source == "given"):
        # "Denzel [Washington]": a surname; "[Brenton] Tarrant": a given name no gazetteer knows
        inside = (c for c in places + model_places if g.start <= c.start and c.end <= g.end)
        drop |= {id(c) for c in inside if g.start < c.start or not c.kb_id}
        drop |= {id(c) for c in _split_name(g, model_persons)}  # "[Bridget Anne] [Kelly]": one person
    order = sorted(
        (x for x in cands if id(x[1]) not in drop),
        key=lambda pc: (pc[0], -(pc[1].end - pc[1].start), pc[1].start),
    )
    out: list[Cand] = []
    taken = bytearray(max((c.end for _, c in cands), default=0) + 1)
    for _, c in order:
        if any(taken[c.start : c.end]):
            continue
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        out.append(c)
    return out


def _split_name(g: Cand, persons: dict[int, Cand]) -> list[Cand]:
    """The pieces the model split a person's name into ("[Bridget Anne] [Kelly]"), when they cover the
    given-name candidate ``g`` exactly, in two or more parts joined by spaces; else []."""
    pieces: list[Cand] = []
    at = g.start
    while (c := persons.get(at)) is not None and c.end <= g.end:
        pieces.append(c)
        if c.end == g.end:
            return pieces if len(pieces) > 1 else []
        at = c.end + 1  # (one space between the pieces)
    return []


#: a word before a body's bare name that makes it a body below the state ("the *state* Congress")
_SUBNATIONAL = re.compile(
    r"\b(?:" + "|".join(sorted(lexicons.words("actors.subnational_words"))) + r")(?:['’]s)?\s+$"
)


def foreign_bodies(text: str, cands: list[Cand], kb: KnowledgeBase) -> list[Cand]:
    """A body the KB knows by a bare word of one state ("Congress": the United States Congress) that
    the text gives to another state ("the Peruvian Congress", "Peru's Congress", "the Congress of
    Peru") is that state's body, not the KB's: its link is dropped, the state becomes its
    affiliation, and a demonym right before it joins its name. So is one a word says is below the
    state ("the state Congress"), that word joining its name. Returns the candidates without the
    joined demonyms."""
    states = [c for c in cands if c.label in ("NORP", "STATE", "LOCATION") and c.kb_id]
    by_end = {c.end: c for c in states}
    by_start = {c.start: c for c in states}
    joined: set[int] = set()
    for o in cands:
        entry = kb.get(o.kb_id) if o.label == "ORG" and o.kb_id else None
        if entry is None or not entry.affiliation:
            continue
        if re.match(r"\s+[A-Z]", text[o.end : o.end + 2]):
            continue  # a word of a longer name ("the Toronto Congress Centre")
        if (below := _SUBNATIONAL.search(text[max(0, o.start - 20) : o.start])) is not None:
            o.kb_id, o.start = None, o.start - len(below.group())  # "the state Congress": a state's own
            o.text = text[o.start : o.end]
            continue
        before = re.search(r"(['’]s)?\s+$", text[max(0, o.start - 4) : o.start])
        d = by_end.get(o.start - len(before.group())) if before else None
        after = re.match(r"\s+of\s+(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)", text[o.end : o.end + 60])
        d = d or (by_start.get(o.end + after.start(1)) if after else None)
        state = _state_of(d, kb) if d is not None else _named_state(after.group(1), kb) if after else None
        if state is None or state == entry.affiliation:
            continue
        o.kb_id, o.meta["state"] = None, state
        if d is not None and d.label == "NORP" and text[d.end : o.start].isspace():  # "Peruvian Congress"
            o.start, o.text = d.start, text[d.start : o.end]
            joined.add(id(d))
        elif d is None and after:  # "the Congress of Peru", the state's name found by no other rule
            o.end = o.end + after.end()
            o.text = text[o.start : o.end]
    return [c for c in cands if id(c) not in joined]


def _named_state(name: str, kb: KnowledgeBase) -> str | None:
    """The state kb_id of a name the KB knows as a state ("the Congress of *Peru*")."""
    hits = [e for e in kb.lookup(name) if e.type == "STATE"]
    return hits[0].kb_id if hits else None


def _state_of(c: Cand, kb: KnowledgeBase) -> str | None:
    """The state kb_id a demonym or state candidate stands for."""
    entry = kb.get(c.kb_id) if c.kb_id else None
    if entry is None:
        return None
    return entry.kb_id if entry.type == "STATE" else entry.affiliation
