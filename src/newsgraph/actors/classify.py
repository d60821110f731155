"""Actor types, demonyms and capital-city metonymy.

- **Demonyms**: a plural demonym ("Israelis", "the Russians") or a demonym before a word such
  as "side", "people", "occupation" ("the Russian side") is a mention of the state (kind
  ``demonym``); a demonym adjective that only gives affiliation ("Russian Deputy Foreign
  Minister") is not a mention, but is kept for the roles step. Places the KB does not know get
  doc-local demonyms by English word formation ("Valdoria" -> "Valdorian", "Kesh" -> "Keshi").
- **Metonymy**: a capital or seat of government followed by a verb or a possessive, the object
  of "talks with", "relations between", or the agent after "by" is the government: a mention of
  the state (kind ``metonym``). "the Kremlin" and similar seats are mentions of their state.
- **Venues**: a city that only serves as the place where something happens ("arrived in
  Moscow") is not an actor mention; it stays a place (an entity with no mentions, offsets in its
  evidence) so that events can still point at it. Regions, territories and sites ("Gaza",
  "the Qadira valley", "Halvar crossing") are LOCATION actors.
- **Types** of places the KB does not know: STATE when the text gives them a government
  ("Valdorian Foreign Minister", "Kesh's ambassador"), else LOCATION.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsgraph.actors.capitals import doc_capitals
from newsgraph.actors.groups import group_mentions
from newsgraph.actors.kb import KnowledgeBase
from newsgraph.actors.lexicon import (
    ADVERBS,
    COLLECTIVES,
    METONYM_VERBS,
    MODIFIED_NOUNS,
    PLACE_POSSESSED,
    RELATION_NOUNS,
    STATE_NOUNS,
    VENUE_BEFORE,
    agent_hyphen,
    alternatives,
    is_cap,
    ordered,
)
from newsgraph.actors.spans import Cand, CandIndex, DocView
from newsgraph.text import lexicons
from newsgraph.text.names import is_common_noun

#: words after a doc-local demonym that show the place has a government
GOVERNMENT_WORDS = lexicons.words("actors.government_words")
#: words after a place that make it a site or region, not a venue ("the Halvar *crossing*")
SITE_NOUNS = lexicons.words("actors.site_nouns")
#: verbs whose object, when a capital, is the government ("we *warned* Castellan")
GOV_OBJECT_VERBS = lexicons.words("actors.gov_object_verbs")
#: prepositions after which a place is what is talked about ("Judaization *of* Jerusalem")
OBJECT_BEFORE = lexicons.words("actors.object_before")
_GOV_PHRASE = re.compile(
    rf"[ \t]+(?:(?i:{alternatives('government_modifiers')})[ \t]+){{0,2}}"
    rf"(?P<head>(?i:{alternatives('government_bodies')}))\b"
)
_STATE_BODIES = lexicons.words("actors.state_bodies")
_STATE_POSSESSIONS = alternatives("state_possessions")
#: what follows a doc-local place that has a government ("Valdoria's government")
_POSSESSED = re.compile(rf"['’]s (?:{_STATE_POSSESSIONS})")
_NOT_VERBS = lexicons.words("actors.not_verbs") | VENUE_BEFORE
_RELATION_LINKS = ordered("relation_links")
_CAPITAL_WORDS = lexicons.words("actors.capital_words")
_SENT_NOUNS = lexicons.words("actors.sent_nouns")
_LAID_ON = lexicons.words("actors.laid_on_words")
_ENVOYS = lexicons.words("actors.envoy_nouns")
_BASED = ordered("based_suffix")
_PLURAL_ENDINGS = ordered("plural_demonym_endings")
_PEOPLE_VERBS = lexicons.words("actors.people_verbs")
_DEMONYM_SUFFIXES = ordered("demonym_suffixes")
_DEMONYM_VOWEL_SUFFIXES = ordered("demonym_vowel_suffixes")
_POSS = re.compile(r"^['’]s\b")
_GOV_BODY_METONYMS = ("presidency",)  # KB seats of government that stand for their state ("the Kremlin")
#: government-body templates whose generic matches are the state itself ("the U.S. military")
_STATE_TEMPLATES = lexicons.words("actors.state_templates")


@dataclass
class Classified:
    """What classification found besides the candidates: doc-local demonyms and venue places."""

    demonyms: dict[str, str] = field(default_factory=dict)  # "Valdorian" -> "Valdoria" (local)
    venues: list[Cand] = field(default_factory=list)
    capitals: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # city -> its state


def _has_demonyms(kb: KnowledgeBase, kb_id: str) -> bool:
    e = kb.get(kb_id)
    return bool(e and e.demonyms)


def derived_demonyms(name: str) -> list[str]:
    """English demonym forms of a place name: Valdoria -> Valdorian, Kesh -> Keshi, Qadira -> Qadiri."""
    if " " in name or len(name) < 3 or not name[0].isupper():
        return []
    out = [name + s for s in _DEMONYM_SUFFIXES]
    if name[-1] in "aeiouy":
        out += [name[:-1] + s for s in _DEMONYM_VOWEL_SUFFIXES]
    return [d for d in out if d != name]  # "Hawaii" is not its own demonym ("Hawai" + "i")


def _next_word(view: DocView, pos: int, skip_adverbs: bool = True) -> str:
    for t in view.after(pos, 4):
        w = t.text.lower()
        if skip_adverbs and w in ADVERBS:
            continue
        return t.text
    return ""


def context(view: DocView, c: Cand) -> str:
    """``metonym``, ``venue``, ``modifier``, ``site`` or ``neutral`` for a place mention."""
    text = view.text
    after = text[c.end : c.end + 3]
    prev = [t.text.lower() for t in view.before(c.start, 6)]
    if _POSS.match(after):
        nxt = _next_word(view, c.end + 2, skip_adverbs=False).lower()
        return "venue" if nxt in PLACE_POSSESSED else "metonym"
    if text[c.end : c.end + 1] == "-" and text[c.end + 1 : c.end + 6].lower().startswith(_BASED):
        return "venue"
    nxt = _next_word(view, c.end)
    nl = nxt.lower()
    if nl in SITE_NOUNS:
        return "site"
    if nl in MODIFIED_NOUNS and nxt.islower():
        return "modifier"
    if prev and prev[-1] == "by":
        return "metonym"
    if prev and prev[-1] in GOV_OBJECT_VERBS:
        return "metonym"
    if prev and prev[-1] in _RELATION_LINKS and any(w in RELATION_NOUNS for w in prev[:-1][-4:]):
        return "metonym"
    if len(prev) >= 2 and prev[-1] == "," and prev[-2] in _CAPITAL_WORDS:
        return "capital"  # "in its capital, Veyra": a city
    if len(prev) >= 2 and prev[-1] == "from" and prev[-2] in _SENT_NOUNS:
        return "metonym"  # "pressure from Washington", "an appeal from Moscow": the government's
    if len(prev) >= 2 and prev[-1] in ("in", "to", "from") and prev[-2] in _ENVOYS:
        return "metonym"  # "recalled its ambassador in Quito": the government it is accredited to
    if len(prev) >= 2 and prev[-1] in ("on", "against", "of") and prev[-2] in _LAID_ON:
        return "metonym"  # "called on Pyongyang to ...", "sanctions on Moscow", "criticism of Beijing"
    if prev and prev[-1] in OBJECT_BEFORE:
        return "object"
    if prev and prev[-1] in VENUE_BEFORE:
        return "venue"
    if nl in METONYM_VERBS and nxt.islower():
        return "metonym"
    if prev and prev[-1].isalpha() and prev[-1].islower() and prev[-1] not in _NOT_VERBS:
        return "metonym"  # the object of a verb: "to keep Moscow in the loop", "urged Washington"
    return "neutral"


def classify(view: DocView, cands: list[Cand], kb: KnowledgeBase) -> tuple[list[Cand], Classified]:
    """Types, demonym mentions, metonyms and venues; returns the kept candidates."""
    out = Classified()
    places = _local_places(view.text, cands, kb)
    for name in places:
        for d in derived_demonyms(name):
            out.demonyms.setdefault(d, name)
    if out.demonyms:
        cands = _demonym_mentions(view, cands, places, out.demonyms)
    taken = [(c.start, c.end) for c in cands]
    state_like = _state_evidence(view, cands, out)
    out.capitals = doc_capitals(view.text, kb, out.demonyms)
    used = {d.meta.get("place") for d in cands if d.source == "derived"}
    for c in cands:
        if c.text in used or c.meta.get("site"):
            c.meta["has_demonym"] = True
        if c.label == "ORG" and c.source == "model" and " " not in c.text and context(view, c) == "capital":
            c.label = "LOCATION"
    kept = [k for c in cands if (k := _classify_one(view, c, kb, taken, state_like, out)) is not None]
    labels = {c.text: c.label for c in kept if c.kind == "name" and c.label in ("STATE", "LOCATION")}
    for c in kept:  # only a state's people stand for it ("Valdorians"; not "Qadiris")
        if c.source == "derived" and c.label == "STATE" and labels.get(c.meta.get("place", "")) != "STATE":
            c.label, c.kind = "NORP", "demonym"
    _venues_by_surface(kept, out, kb)
    cands = [c for c in kept if not c.venue]
    cands += _collectives(view, cands)
    cands += group_mentions(view, cands, kb)
    return sorted(cands, key=lambda c: c.start), out


def _local_places(text: str, cands: list[Cand], kb: KnowledgeBase) -> dict[str, Cand]:
    """Places (by name) whose demonyms the text may use and the KB does not give: a lone "person"
    whose demonym the text uses becomes a place first ("Qadira" / "Qadiri")."""
    words = set(re.findall(r"[A-Z][\w’'-]*", text))
    for c in cands:
        if (
            c.label == "PERSON"
            and " " not in c.text
            and c.source in ("model", "known")
            and not c.kb_id
            and any(d in words for d in derived_demonyms(c.text))
        ):
            c.label = "LOCATION"
    return {
        c.text: c
        for c in cands
        if c.label in ("LOCATION", "STATE")
        and c.kind == "name"
        and (not c.kb_id or c.label == "LOCATION" or not _has_demonyms(kb, c.kb_id))
    }


def _demonym_mentions(
    view: DocView, cands: list[Cand], places: dict[str, Cand], demonyms: dict[str, str]
) -> list[Cand]:
    """The candidates plus the doc-local demonyms the text uses ("Valdorian", "Valdorians", and
    "Valdorian Foreign Ministry" as an organisation), sorted by offset."""
    text = view.text
    for d in list(demonyms):  # plural forms ("Valdorians")
        demonyms.setdefault(d + "s", demonyms[d])
    found = lexicons.Literals(demonyms)
    index = CandIndex(cands)
    dropped: set[int] = set()  # ids of candidates replaced by a demonym
    new: list[Cand] = []  # the demonyms found, in text order and not overlapping one another
    for p in view.paragraphs:
        for a, b in found.spans(text, p.start, p.end):
            inside = [c for c in index.covering(a, b) if id(c) not in dropped]
            inside += [d for d in _reaching(new, a) if d.start <= a and b <= d.end]
            if any(c.span != (a, b) for c in inside):
                continue  # part of a longer name ("Valdorian Foreign Ministry")
            dropped.update(id(c) for c in inside)
            place = demonyms[text[a:b]]
            g = _GOV_PHRASE.match(text, b)
            if g and not (
                any(id(c) not in dropped for c in index.overlapping(a, g.end()))
                or any(d.overlaps((a, g.end())) for d in _reaching(new, a))
            ):
                label = "STATE" if g.group("head").lower() in _STATE_BODIES else "ORG"
                kind = "demonym" if label == "STATE" else "name"
                d = Cand(a, g.end(), text[a : g.end()], label, "derived", kind=kind)
            else:
                d = Cand(a, b, text[a:b], "NORP", "derived", kind="demonym")
            d.meta["place"] = place
            d.kb_id = places[place].kb_id if place in places else None
            new.append(d)
    return sorted([c for c in cands if id(c) not in dropped] + new, key=lambda c: c.start)


def _reaching(new: list[Cand], pos: int) -> list[Cand]:
    """The last demonyms of ``new`` (sorted, not overlapping) that end after ``pos``."""
    out = []
    for d in reversed(new):
        if d.end <= pos:
            break
        out.append(d)
    return out


def _classify_one(
    view: DocView,
    c: Cand,
    kb: KnowledgeBase,
    taken: list[tuple[int, int]],
    state_like: set[str],
    found: Classified,
) -> Cand | None:
    """One candidate's type and kind; None when it is no actor (a sea, a broad region, a modifier)."""
    if c.label == "NORP":
        return _demonym(view, c, kb, taken)
    entry = kb.get(c.kb_id) if c.kb_id else None
    seat = entry is not None and (
        (entry.template in _GOV_BODY_METONYMS and " " not in entry.name)
        or entry.template == "government"
        or (entry.template in _STATE_TEMPLATES and entry.source == "template")
    )
    if seat and entry is not None and entry.type == "ORG" and entry.affiliation and c.kind == "name":
        # a seat of government stands for its state ("the Kremlin")
        c.label, c.kind, c.kb_id = "STATE", "metonym", entry.affiliation
        c.meta["seat"] = entry.kb_id
        return c
    if c.label == "LOCATION" and c.text.isupper() and len(c.text) > 3:
        c.venue = True  # datelines and all-caps place names
    if c.text in found.capitals and c.kind == "name" and not c.kb_id:
        c.label = "LOCATION"  # a capital the document names ("the Valdorian capital, Castellan")
    if c.label in ("LOCATION", "STATE") and c.kind == "name":
        _place(view, c, kb, state_like)
        if c.meta.get("ctx") == "metonym" and not c.kb_id and c.text in found.capitals:
            _doc_capital(c, found.capitals[c.text])
    if c.label == "LOCATION" and c.meta.get("modifier"):
        return None
    return c


def _doc_capital(c: Cand, state: tuple[str, str | None]) -> None:
    """A capital the document names for a state, acting: a mention of the state ("Castellan said")."""
    c.label, c.kind = "STATE", "metonym"
    c.kb_id = state[1]
    c.meta["place"] = state[0]


def _state_evidence(view: DocView, cands: list[Cand], out: Classified) -> set[str]:
    """Doc-local places that have a government in the text."""
    text = view.text
    found: set[str] = set()
    for c in cands:
        if c.label == "NORP" and c.source == "derived":
            nxt = _next_word(view, c.end, skip_adverbs=False).lower()
            if nxt in GOVERNMENT_WORDS:
                found.add(c.meta["place"])
    for name in set(out.demonyms.values()):
        at = text.find(name)
        while at >= 0 and not _POSSESSED.match(text, at + len(name)):
            at = text.find(name, at + 1)
        if at >= 0:
            found.add(name)
    return found


def _demonym(view: DocView, c: Cand, kb: KnowledgeBase, taken: list[tuple[int, int]]) -> Cand:
    """A demonym candidate becomes a state mention or stays an adjective (label NORP)."""
    text = view.text
    nxt_tok = view.after(c.end, 1)
    nxt = nxt_tok[0].text if nxt_tok else ""
    state_id = c.kb_id
    if c.source == "kb" and c.kb_id:
        entry = kb.get(c.kb_id)
        state_id = entry.kb_id if entry else None
    c.kb_id = state_id
    plural = c.text.endswith("s") and (
        c.source != "kb" or kb.demonym(c.text[:-1]) is not None or c.text.lower().endswith(_PLURAL_ENDINGS)
    )
    if agent_hyphen(text, c.end) and text[c.start - 1 : c.start] != "-":
        c.label, c.kind = "STATE", "demonym"  # "an Iranian-backed militia": Iran backs it
        return c
    if text[c.start - 1 : c.start] == "-" or text[c.end : c.end + 1] == "-":
        return c  # "Israeli-Palestinian", "Arab-Israeli"
    if plural and (not is_cap(nxt) or c.heading):
        c.label, c.kind = "STATE", "demonym"
        return c
    # "the British relinquished control", "the French said": a demonym that is its own plural, after
    # "the" and before a past tense or a finite verb, is the people (its state)
    the = text[max(0, c.start - 4) : c.start].lower() == "the "
    if the and not plural and nxt.islower() and (nxt.endswith("ed") or nxt in _PEOPLE_VERBS):
        c.label, c.kind = "STATE", "demonym"
        return c
    if nxt.lower() in STATE_NOUNS and nxt.islower() and nxt_tok:
        end = nxt_tok[0].end
        if not any(s < end and c.end < e for s, e in taken if (s, e) != c.span):
            c.end, c.text = end, text[c.start : end]
            c.label, c.kind = "STATE", "demonym"
    elif not (nxt.islower() and is_common_noun(nxt)) and _own_name(c, kb, state_id):
        c.label, c.kind = "STATE", "name"  # "the coup in Myanmar": a state whose people share its name
    return c


def _own_name(c: Cand, kb: KnowledgeBase, state_id: str | None) -> bool:
    """Whether a demonym is also the name of its state ("Myanmar")."""
    hits = kb.lookup(c.text)
    return state_id is not None and bool(hits) and hits[0].kb_id == state_id


def _place(view: DocView, c: Cand, kb: KnowledgeBase, state_like: set[str]) -> None:
    entry = kb.get(c.kb_id) if c.kb_id else None
    ctx = context(view, c)
    c.meta["ctx"] = ctx
    if entry is not None and entry.type == "STATE":
        c.label = "STATE"
        return
    if entry is not None and entry.kind in ("region", "sea"):
        c.label = "LOCATION"
        c.meta["region"] = True
        if entry.kind == "sea" or not entry.affiliation:
            c.meta["modifier"] = True  # seas and broad regions are not actors
        return
    capital_of = kb.capital_of(c.text) if entry is not None and entry.kind in ("capital", "seat") else None
    if ctx == "modifier":
        c.meta["modifier"] = True
        return
    if ctx == "metonym":
        if capital_of is not None:
            c.label, c.kind, c.kb_id = "STATE", "metonym", capital_of.kb_id
            c.meta["city"] = entry.kb_id if entry else None
        elif entry is None and (" " not in c.text or c.text in state_like or c.meta.get("has_demonym")):
            # a place the KB does not know acts as a state; one of several words ("Punta Tombo",
            # "Dorsa Derakhshani" typed a place by the model) only with a people or a government
            c.label = "STATE"
        return
    if entry is None and c.text in state_like:
        c.label = "STATE"
        return
    c.label = "LOCATION"
    if entry is None and c.meta.get("has_demonym"):
        c.meta["region"] = True  # a place with a people of its own is not just a venue
    if entry is None and ctx == "site":
        c.meta["region"] = True


def _venues_by_surface(cands: list[Cand], out: Classified, kb: KnowledgeBase) -> None:
    """A city whose every occurrence is a venue is a place, not an actor. For a KB city a
    neutral occurrence counts as a venue too; a place the KB does not know may be a country."""
    groups: dict[str, list[Cand]] = {}
    for c in cands:
        if c.label == "LOCATION" and c.kind == "name":
            groups.setdefault(c.kb_id or c.text, []).append(c)
    for cs in groups.values():
        if any(c.meta.get("region") or c.meta.get("ctx") == "site" for c in cs):
            continue
        entry = kb.get(cs[0].kb_id) if cs[0].kb_id else None
        ok = (
            ("venue", "neutral", "capital", None)
            if entry is not None and entry.kind in ("city", "capital", "seat")
            else ("venue", "capital")
        )
        if all(c.meta.get("ctx") in ok or c.venue for c in cs):
            for c in cs:
                c.venue = True
                out.venues.append(c)


def _collectives(view: DocView, cands: list[Cand]) -> list[Cand]:
    out = []
    for m in _COLLECTIVE_RX.finditer(view.text):
        if view.para_of(m.start()) < 0 or any(c.overlaps((m.start(), m.end())) for c in cands):
            continue
        word = m.group()
        meta = {"collective": True}
        out.append(Cand(m.start(), m.end(), word, COLLECTIVES[word], "rule", kind="name", meta=meta))
    return out


_COLLECTIVE_RX = re.compile(rf"(?<=\bthe )(?:{lexicons.alternation(COLLECTIVES)})\b(?! [A-Z])")
