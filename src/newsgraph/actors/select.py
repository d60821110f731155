"""Choosing among overlapping candidates, and one label per surface form in a document."""

from __future__ import annotations

from newsgraph.actors.lexicon import ORG_HEADS, PLACE_PREPOSITIONS, ordered
from newsgraph.actors.rules import person_short_forms
from newsgraph.actors.spans import Cand, DocView
from newsgraph.text.names import _table as _name_table
from newsgraph.text.names import fold as name_fold


def harmonize(view: DocView, cands: list[Cand]) -> list[Cand]:
    """One label per surface form in a document, as the model's tags vary between occurrences:
    short forms of a full personal name are PERSON; otherwise the majority label, where a lone
    single-word PERSON (no full name, not a known given name) after "in/at/to" is a place."""
    full = [c.text for c in cands if c.label == "PERSON" and len(c.text.split()) >= 2]
    shorts = {s for n in full for s in person_short_forms(n)} | {n.split()[0] for n in full}
    votes: dict[str, list[str]] = {}
    for c in cands:
        if c.source in ("model", "known"):
            votes.setdefault(c.text, []).append(c.label)
    names = _name_table().by_token
    single_persons = {c.text for c in cands if c.label == "PERSON" and " " not in c.text}
    for c in cands:
        if c.source not in ("model", "known"):
            continue
        if c.text in shorts:
            c.label = "PERSON"
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
            prevs = [view.before(x.start, 1) for x in cands if x.text == c.text]
            if any(p and p[0].text.lower() in PLACE_PREPOSITIONS for p in prevs):
                best = "LOCATION"
        c.label = best
    return cands


_AROUND = ordered("place_around_prepositions")
_AROUND_EXCEPTIONS = ordered("place_around_exceptions")


def resolve_overlaps(cands: list[tuple[int, Cand]]) -> list[Cand]:
    """Keep non-overlapping candidates: higher priority first, then longer spans.

    An organisation that the model or an ORG rule found *around* a KB place after a preposition
    ("Islamic Resistance in Iraq") wins over the place."""
    orgs = [c for p, c in cands if p >= 2 and c.label == "ORG"]
    places = [c for p, c in cands if p == 1 and c.label in ("STATE", "LOCATION")]
    drop: set[int] = set()
    for o in orgs:
        for c in places:
            if o.start < c.start and c.end <= o.end:
                between = o.text[: c.start - o.start].split()
                if (
                    between
                    and between[-1].lower() in _AROUND
                    and o.text.split()[0].lower() not in _AROUND_EXCEPTIONS
                ):
                    drop.add(id(c))
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
