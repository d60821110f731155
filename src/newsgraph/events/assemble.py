"""Turning one trigger reading into an :class:`~newsgraph.models.Event`: slots, passives, places,
mode, flags and date (called by :class:`~newsgraph.events.extract.Extractor`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsgraph.events import eventdates
from newsgraph.events.lexicon import Entry
from newsgraph.events.syntax import AUX, BE, DELEGATION, NEG, POSS_PRON, SentenceView
from newsgraph.models import DateValue, Event, Span

if TYPE_CHECKING:
    from newsgraph.events.extract import Extractor, Reading

_ADV = frozenset(
    "also further later previously reportedly then already again recently earlier formally officially "
    "publicly never not jointly repeatedly subsequently allegedly".split()
)


def _passive(r: Reading, e: Entry) -> str | None:
    """'passive' ("was designated by X"), 'reduced' ("a delegation invited by X") or None."""
    if r.noun or r.match.form not in e.participles:
        return None
    sv = r.sv
    j = r.i - 1
    while j >= 0 and (sv.low(j) in _ADV or sv.low(j) in NEG):
        j -= 1
    if sv.low(j) in BE:
        return "passive"
    if sv.low(r.k) == "by" and sv.low(j) not in AUX and sv.low(j) not in ("has", "have", "had"):
        return "reduced"
    return None


def _poss(x: Extractor, r: Reading) -> list[str]:
    sv = r.sv
    for j in range(r.i - 1, max(-1, r.i - 5), -1):
        w = sv.low(j)
        if w in ("’s", "'s", "’") and j > 0 and sv.low(j - 1) in ("delegation", "delegation's"):
            return x.delegation_owner(sv.toks[j].start)
        if w in ("’s", "'s", "’") and j > 0 and sv.toks[j - 1].is_mention:
            a = j - 1
            while a - 2 >= 0 and sv.low(a - 1) in ("and", ",") and sv.toks[a - 2].is_mention:
                a -= 2
            return x._ids(sv.mentions_in(a, j))
        if w in POSS_PRON:
            subj = x.subject(sv, j)
            if not subj:  # "After his meeting with X, Senator Y gave ...": the main clause subject
                comma = next((c for c in range(r.k, len(sv)) if sv.low(c) == ","), None)
                np = sv.first_np(comma + 1, len(sv)) if comma is not None else None
                subj = x._np_ids(sv, *np) if np is not None else []
            return subj
        if sv.toks[j].is_mention or w in (",", ";", "the", "a", "an") or sv.is_verbish(j):
            break
    return []


def _adj(x: Extractor, r: Reading) -> list[str]:
    sv = r.sv
    for j in range(r.i - 1, max(-1, r.i - 4), -1):
        t = sv.toks[j]
        if t.is_mention:
            if sv.low(j + 1) in ("’s", "'s", "’"):
                return []
            return [t.mention.entity] if t.mention else []
        if (
            not t.text.isalpha()
            or t.low in ("the", "a", "an", "and", "of", "to", "with", "by")
            or sv.is_verbish(j)
        ):
            break
    return []


_ADJUNCT_PREPS = frozenset("after before following during since at in".split())


_PARTICIPATE = frozenset(
    "attend attends attended attending join joins joined joining participate participates "
    "participated participating part boycott boycotted hold holds held".split()
)


def _participation_verb(sv: SentenceView, i: int) -> int | None:
    """Index of "attend"/"take part in"/"join" governing the noun at ``i`` ("would attend talks")."""
    for j in range(i - 1, max(-1, i - 5), -1):
        w = sv.low(j)
        if w in _PARTICIPATE:
            if w == "part":
                return j - 1 if sv.low(j - 1) in ("take", "takes", "took", "taking") else None
            return j
        if w not in (
            "the",
            "a",
            "an",
            "in",
            "reconciliation",
            "peace",
            "unity",
            "direct",
            "indirect",
            "further",
            "new",
            "next",
            "planned",
            "upcoming",
            "proposed",
        ):
            return None
    return None


def _context_source(x: Extractor, r: Reading, e: Entry, limit: int) -> list[str]:
    """The other party of a referred meeting ("after the meeting with Lavrov, the delegation ..."):
    the other side of the latest meeting with that party, else the clause subject. Only for a noun
    in a time or place adjunct; elsewhere ("a precondition for talks with X") nobody."""
    sv = r.sv
    if sv.low(r.i - 1) in POSS_PRON:
        return []  # a possessor is the source ("after his meeting with X")
    part = _participation_verb(sv, r.i)
    if part is not None:  # "urged the movement to take part in the talks with X": who takes part
        return x.subject(sv, part)
    j = r.i - 1
    while j >= 0 and (
        sv.low(j) in ("the", "a", "an", "this", "that")
        or sv.low(j).isalpha()
        and sv.toks[j].text[:1].islower()
        and sv.low(j) not in _ADJUNCT_PREPS
        and j > r.i - 3
    ):
        j -= 1
    if sv.low(j) not in _ADJUNCT_PREPS:
        return []
    other = x.pp_ids(sv, "with", r.k, limit)
    for ev in reversed(x.state.events):
        if ev.type == "CONSULT" and other:
            if set(other) & set(ev.target):
                return list(ev.source)
            if set(other) & set(ev.source):
                return list(ev.target)
    subj = x.subject(sv, r.i)
    if subj:
        return subj
    comma = next(
        (j for j in range(r.k, len(sv)) if sv.low(j) == ","), None
    )  # "After the talks with X, Y ..."
    np = sv.first_np(comma + 1, len(sv)) if comma is not None else None
    return x._np_ids(sv, *np) if np is not None else []


def _slot(
    x: Extractor, r: Reading, e: Entry, slot: str, role: str, limit: int, src_slot: str = ""
) -> list[str]:
    sv = r.sv
    if slot == "subject":
        if r.noun and e.type == "CONSULT" and not e.light:
            return _context_source(x, r, e, limit)
        return x.subject(sv, r.i)
    if slot == "object":
        return x.object_ids(sv, r.k, limit, e.object_near)
    if slot == "complement":
        return x.complement_ids(sv, r)
    if slot == "poss":
        return _poss(x, r) if r.noun else []
    if slot == "adj":
        return _adj(x, r) if r.noun else []
    ids = x.pp_ids(sv, slot, r.k, limit)
    if slot == "between" and ids:
        if role == "source":
            return ids[:1]
        return ids[1:] if src_slot == "between" else ids
    return ids


def _fill(
    x: Extractor, r: Reading, e: Entry, slots: tuple[str, ...], role: str, limit: int, src_slot: str = ""
) -> tuple[list[str], str]:
    for slot in slots:
        ids = _slot(x, r, e, slot, role, limit, src_slot)
        if ids:
            return ids, slot
    return [], ""


def event(x: Extractor, r: Reading, e: Entry, s: Span) -> Event | None:
    sv = r.sv
    limit = x.clause_end(sv, r.k)
    x.pair = None
    kind = _passive(r, e)
    src_slot = ""
    if kind == "passive":
        src = x.pp_ids(sv, "by", r.k, limit)
        tgt = x.subject(sv, r.i)
    elif kind == "reduced":
        src = x.pp_ids(sv, "by", r.k, limit)
        tgt = x.antecedent(sv, r.i)
    else:
        src, src_slot = _fill(x, r, e, e.source, "source", limit)
        pair = x.pair
        tgt, _ = _fill(x, r, e, e.target, "target", limit, src_slot)
        if pair is not None and not [t for t in tgt if t not in src]:
            src, tgt = list(pair[0]), list(pair[1])
    q = x.quote_at(sv.toks[r.i].start) or next(
        (q for q in x.quotes if q.start < s.end and s.start < q.end and q.speaker), None
    )  # "The ministry's statement ... saying the Valdorian side 'expressed concern' and called on X"
    if q is not None and q.speaker and q.speaker not in src:
        spk = x.entities.get(q.speaker)
        if (
            spk is not None
            and spk.affiliation
            and any(x.places.state_of(a) == x.places.state_of(q.speaker) or a == spk.affiliation for a in src)
        ):
            src = src + [q.speaker]
    if not tgt and r.rel is not None and kind is None and "object" in e.target:
        tgt = x.antecedent(sv, r.rel)  # "a movement which Kesh designated a terrorist organisation"
    tgt = [t for t in tgt if t not in src]
    if (
        not tgt
        and e.symmetric
        and len(src) >= 2
        and (not r.noun or src_slot == "between" or src_slot == "subject" and e.light)
    ):
        src, tgt = src[:1], src[1:]
    location: str | None = None
    if e.place and not tgt and not r.noun:
        end = sv.toks[min(len(sv) - 1, r.k + 4)].end if len(sv) else r.match.end
        named = x.places.named_place(x.text, r.match.end, end)
        if named is not None:
            tt, loc = x.places.visited(named, r.match.end, [], _paragraph(x, r.match.start), src)
            tgt, location = [tt], loc if loc else (named if tt != named else None)
    if e.place and tgt and location is None:
        para = _paragraph(x, r.match.start)
        ms = [(t.start, t.mention.entity) for t in sv.toks if t.mention]
        new: list[str] = []
        for t in tgt:
            end = next(
                (
                    tok.end
                    for tok in sv.toks
                    if tok.mention and tok.mention.entity == t and tok.start >= r.match.end
                ),
                None,
            )
            if end is None:
                new.append(t)
                continue
            tt, loc = x.places.visited(t, end, ms, para, src)
            new.append(tt)
            location = location or loc
        tgt = [t for t in dict.fromkeys(new) if t not in src]
    if not src or not tgt:
        return None
    if e.type == "CONSULT" and location is None:
        location = _location(x, r, limit)
    if not r.noun and _HABITUAL.search(sv.text_of(r.clause_start, min(limit, r.k + 8))):
        return None  # "have often stated", "has been meeting ... on many occasions": no single event
    mode = e.mode
    if e.type == "CONSULT" and mode == "meeting":
        parties = {x.places.state_of(a) or a for a in src} | {x.places.state_of(a) or a for a in tgt}
        if len(parties) >= 3 and (_coordinated(sv, src) or _coordinated(sv, tgt)):
            mode = "multilateral"
    flags = x.flags(r, e)
    conf = 0.7 if not r.noun else 0.6
    if kind:
        conf += 0.05
    return Event(
        id=x.new_id(),
        type=e.type,
        start=s.start,
        end=s.end,
        text=x.text[s.start : s.end],
        source=src,
        target=tgt,
        mode=mode,
        cameo=e.cameo,
        location=location,
        trigger=x.text[r.match.start : r.match.end],
        confidence=round(conf, 2),
        **flags,
    )


_HABITUAL = re.compile(
    r"\b(?:often|repeatedly|regularly|frequently|usually|routinely|always|time\s+and\s+again|"
    r"on\s+many\s+occasions|every\s+(?:year|month|week))\b",
    re.IGNORECASE,
)


def _coordinated(sv: SentenceView, ids: list[str]) -> bool:
    """Two different actors of one side joined by "and" or a comma (not an apposition)."""
    toks = [t for t in sv.toks if t.mention is not None and t.mention.entity in ids]
    for a, b in zip(toks, toks[1:], strict=False):
        if a.mention is not None and b.mention is not None and a.mention.entity != b.mention.entity:
            gap = sv.text[a.end : b.start]
            if re.fullmatch(r"\s*(?:,|and|&|,\s*and)\s*(?:the\s+)?", gap):
                return True
    return False


def _paragraph(x: Extractor, pos: int) -> tuple[int, int]:
    for p in x.ad.paragraphs:
        if p.start <= pos < p.end:
            return p.start, p.end
    return pos, pos


def _location(x: Extractor, r: Reading, limit: int) -> str | None:
    """'met Y in Castellan': a place after "in"/"at" in the clause; else the last visit's place."""
    sv = r.sv
    for j in range(r.k, len(sv) - 1):
        if sv.low(j) in ("in", "at") and sv.toks[j + 1].mention is not None:
            m = sv.toks[j + 1].mention
            if m is not None and sv.etype(sv.toks[j + 1]) == "LOCATION":
                return m.entity
        if sv.low(j) in (";", ":"):
            break
    for ev in reversed(x.state.events):
        if ev.type == "CONSULT" and ev.mode == "visit" and ev.location:
            return ev.location
    return None


def remember_delegations(x: Extractor, sv: SentenceView) -> None:
    """'a delegation of the Sabil Movement led by Y', 'the Hamas delegation': who "the delegation" is."""
    for i, t in enumerate(sv.toks):
        if t.is_mention or not DELEGATION.fullmatch(t.low):
            continue
        a = i
        while a - 1 >= 0 and i - a < 4 and sv.np_internal(a - 1) and sv.low(a - 1) not in (",", "and"):
            a -= 1
        end = sv.np_end(i + 1, len(sv))
        ids = x._ids(sv.mentions_in(a, end, appositives=True))
        if ids:
            x.state.delegations.append((t.start, ids))


def set_date(
    x: Extractor, ev: Event, own: DateValue | None, free: DateValue | None = None, pos: int | None = None
) -> None:
    para = next((p for p in x.ad.paragraphs if p.start <= ev.start < p.end), None)
    ch = eventdates.choose(ev, own, para, x.ad.dates, x.state.events, x.ad.doc.published, free, pos)
    ev.date, ev.date_precision, ev.date_text, ev.date_fallback = ch.value, ch.precision, ch.text, ch.fallback
