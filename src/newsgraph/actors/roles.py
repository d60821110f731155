"""Titles and affiliations.

Titles come from the words written before a name ("Russian Deputy Foreign Minister Mikhail
Bogdanov", "Hamas official Basem Naim", "the movement's media adviser Hisham al-Tawil"), from
appositions after it ("Yusuf al-Haddad, head of the political bureau of the Sabil Movement,")
or before it ("the council's spokesman, Samir al-Haddad,") and from resolved descriptions
("the Hamas official"). A person's affiliation is the organisation or state named in a title:
the last organisation named, except a government body, which stands for its state (officials
are affiliated with their state, not their ministry); a demonym gives the state. Organisations
are affiliated with a state by the KB, or by a demonym that starts their name ("Valdorian
Assembly").
"""

from __future__ import annotations

import re
from collections import Counter

from newsgraph.actors.coref import NAME_KINDS, Entities, LocalEntity
from newsgraph.actors.facts import is_legislature
from newsgraph.actors.kb import KnowledgeBase
from newsgraph.actors.lexicon import (
    TITLE_HEADS,
    TITLE_MODIFIERS,
    alternatives,
    is_generic_institution,
    ordered,
)
from newsgraph.actors.spans import Cand, CandIndex, DocView, Tok
from newsgraph.text import lexicons

_STOP = lexicons.words("actors.appositive_stop")
_DETS = tuple(d + " " for d in ordered("title_determiners_dropped"))
_DET_WORDS = frozenset(ordered("title_determiners_dropped"))
_TITLE_OPENERS = lexicons.words("actors.title_openers")
_COUNTERPART = re.compile(rf"\b(?:{alternatives('counterpart_titles')})s?\s+to\s+(?:the\s+)?$", re.I)
_GOV_WORDS = lexicons.words("actors.government_body_words")
_APPOSITIVE_END = re.compile(alternatives("appositive_end"))
_REPORTING_AFTER = re.compile(rf"\s*(?:[,.;:)]|$|(?:{alternatives('reporting_after_name')})\b)")
_SUBUNIT_LINK = re.compile(rf"\s+(?:{alternatives('subunit_connectors')})\s+(?:the\s+)?")
_OWNER = re.compile(rf"(?i)\s*(?:{alternatives('owner_pronouns')})\b")


def _title_word(w: str) -> bool:
    w = re.sub(r"['’]s$", "", w.lower()).rstrip(".,")
    return w in TITLE_HEADS or w in TITLE_MODIFIERS


def _has_head(phrase: str) -> bool:
    return any(re.sub(r"['’]s$", "", w.lower()).strip(".,()") in TITLE_HEADS for w in phrase.split())


def _clean_title(t: str) -> str:
    t = " ".join(t.split()).strip(" ,;:")
    for d in _DETS:
        if t.lower().startswith(d):
            t = t[len(d) :]
            break
    return t


#: what a name before a title may be: "*Hamas* official", "*Iranian* minister", "*Wisconsin* Governor"
OWNER_LABELS = frozenset({"ORG", "STATE", "NORP", "LOCATION"})


def _title_of(toks: list[Tok]) -> bool:
    """Whether the tokens read backwards start "of" or "the of" right after a title word: the owner
    after them belongs to the title ("Prime Minister *of* Peru X", "Speaker *of the* Bolivian
    parliament X")."""
    words = [t.text.lower() for t in toks[:3]]
    if words[:1] == ["of"]:
        return len(toks) > 1 and _title_word(toks[1].text)
    return words[:2] == ["the", "of"] and len(toks) > 2 and _title_word(toks[2].text)


def left_title(view: DocView, c: Cand, by_pos: CandIndex, *, of: bool = True) -> tuple[str, int] | None:
    """Title words (with demonyms, organisations and possessives among them) right before a name;
    with ``of``, also across the "of" of a title ("Prime Minister of Peru X")."""
    text = view.text
    start = c.title_start if c.title_start is not None else c.start
    pos = start
    toks = list(reversed(view.before(start, 10)))
    for i, t in enumerate(toks):
        word = t.text
        owner = next((x for x in by_pos.containing(t.start) if x is not c), None)
        if owner is not None and owner.label in OWNER_LABELS and owner.kind != "pronoun":
            pos = owner.start
            continue
        if _title_word(word) or (re.search(r"['’]s$", word) and pos < c.start and word[0].isupper()):
            pos = t.start
            continue
        if of and pos < start and _title_of(toks[i:]):  # "Speaker of [the] Bolivian parliament X"
            pos = t.start
            continue
        if word.lower() == "the" and pos < start:
            pos = t.start
        break
    if pos >= c.start:
        return None
    phrase = text[pos : c.start].strip()
    if not _has_head(phrase):
        return None
    return _clean_title(phrase), pos


def title_states(view: DocView, cands: list[Cand]) -> None:
    """A state named right before the title of a named person ("*United States* President Donald
    Trump", "*US* Ambassador to Germany Richard Grenell") is the person's affiliation, not a mention
    of the state: the mention is the person. Demonyms ("Russian president") stay as they are."""
    by_pos = CandIndex(list({c.start: c for c in cands}.values()))
    for c in cands:
        if c.label != "PERSON" or c.kind != "name":
            continue
        lt = left_title(view, c, by_pos, of=False)  # ("Secretary of State": the state is named)
        if lt is None:
            continue
        for s in by_pos.starting_in(lt[1], c.start):
            nxt = view.after(s.end, 1)
            if s.label == "STATE" and s.kind == "name" and s.kb_id and nxt and _title_word(nxt[0].text):
                s.label, s.kind = "NORP", "demonym"
                s.meta["title_state"] = True


def _possessive_first(words: list[str]) -> bool:
    """Whether a phrase opens with a possessive name: "*Peru's* president", "(the) *Andean Front's*
    leader"."""
    for i, w in enumerate(words[:4]):
        if re.search(r"['’]s$", w):
            return all(x[:1].isupper() for x in words[: i + 1])
    return False


def apposition_after(view: DocView, c: Cand) -> tuple[str, int, int] | None:
    text = view.text
    m = re.match(r"\s*,\s+", text[c.end : c.end + 4])
    if not m:
        return None
    a = c.end + m.end()
    seg = text[a : a + 160]
    end = _APPOSITIVE_END.search(seg)
    if not end:
        return None
    phrase = seg[: end.start()].strip()
    words = phrase.split()
    if not words or len(words) > 16:
        return None
    first = (
        words[1]
        if words[0].lower() in _DET_WORDS and len(words) > 1
        else words[0]
    )
    owned = _possessive_first(words[1:] if words[0].lower() in _DET_WORDS else words)
    if not (_title_word(first) or (owned and _has_head(phrase))):
        return None
    if not _has_head(phrase):
        return None
    return _clean_title(phrase), a, a + end.start()


def apposition_before(view: DocView, c: Cand) -> tuple[str, int, int] | None:
    text = view.text
    m = re.search(r",\s*$", text[max(0, c.start - 3) : c.start])
    if not m or not _REPORTING_AFTER.match(text[c.end : c.end + 8]):
        return None
    b = c.start - (3 - m.start()) if c.start >= 3 else 0
    sent_start = view.sentences[view.sentence_index(c.start)].start if view.sentences else 0
    seg = text[max(sent_start, b - 140) : b]
    cut = max(seg.rfind(","), seg.rfind(":"))
    seg = seg[cut + 1 :]
    words = seg.split()
    while words and words[0].lower() in _STOP:
        words = words[1:]
    # keep the tail that starts with a determiner, a possessive or a title word
    for i in range(len(words)):
        w = words[i]
        if w.lower() in _TITLE_OPENERS or _title_word(w) or re.search(r"['’]s$", w):
            if any(x.lower() in _STOP for x in words[i:]):
                continue
            phrase = " ".join(words[i:])
            if _has_head(phrase) and len(words) - i <= 10:
                return _clean_title(phrase), b - len(seg) + seg.find(words[i]), b
            break
    return None


def _affiliation_in(
    text: str, span: tuple[int, int], cands: CandIndex, ents: Entities, self_id: str
) -> str | None:
    """The organisation or state a title names (see module docs)."""
    a, b = span
    inside = [
        c
        for c in cands.starting_in(a, b)
        if c.end <= b and c.entity != self_id and c.label != "PERSON" and c.kind != "pronoun"
    ]
    # "Ambassador to Israel": what follows "to" is the counterpart, not the affiliation
    inside = [c for c in inside if not _COUNTERPART.search(text[max(0, c.start - 40) : c.start])]
    if not inside:
        return None
    _mark_subunits(text, inside)
    orgs = [c for c in inside if c.label == "ORG" and not c.meta.get("subunit")]
    pick = orgs[-1] if orgs else inside[0]
    return ref_of(pick, ents)


def _subject_org(view: DocView, pos: int, cands: CandIndex, ents: Entities) -> str | None:
    sent = view.sentences[view.sentence_index(pos)] if view.sentences else None
    lo = sent.start if sent else 0
    orgs = [c for c in cands.starting_in(lo, pos) if c.label in ("ORG", "STATE", "LOCATION") and c.entity]
    return ref_of(orgs[-1], ents) if orgs else None


def _mark_subunits(text: str, inside: list[Cand]) -> None:
    """An office of an organisation named in the same title ("the International Affairs Committee
    of the Valdorian Assembly", "Hamas's International Relations Office") is part of the title,
    not an actor of its own."""
    for x in inside:
        if x.label != "ORG" or x.kb_id:
            continue
        for y in inside:
            if y is x:
                continue
            if y.start >= x.end and _SUBUNIT_LINK.fullmatch(text[x.end : y.start]):
                x.meta["subunit"] = True
            if y.end <= x.start and re.fullmatch(r"['’]s?\s+", text[y.end : x.start]):
                x.meta["subunit"] = True


def ref_of(c: Cand, ents: Entities) -> str | None:
    """Affiliation reference of a candidate: its local entity (a government body's state when
    known), a demonym's state."""
    if c.label == "NORP":
        if c.entity:
            return c.entity
        return f"kb:{c.kb_id}" if c.kb_id else None
    e = ents.get(c.entity)
    if e is None:
        return None
    if e.type == "ORG" and e.affiliation and _is_gov_body(e):
        return e.affiliation
    return e.id


def _etype(ents: Entities, ref: str) -> str | None:
    e = ents.get(ref)
    return e.type if e is not None else None


def _is_gov_body(e: LocalEntity) -> bool:
    """An executive body (ministry, government, presidency, embassy) that stands for its state in
    its officials' affiliation; a legislature does not (members belong to their parliament)."""
    if is_legislature((n.text for n in e.names), e.kb_id):
        return False
    words = {w.lower().strip(".,'’") for n in e.names for w in n.text.split()}
    if e.kb_id and (e.kb_id.count(":") == 2 or e.evidence.get("kb_kind") == "government_body"):
        return True
    return bool(words & _GOV_WORDS)


def assign_roles(
    view: DocView, cands: list[Cand], ents: Entities, kb: KnowledgeBase, demonyms: dict[str, str]
) -> None:
    """Set titles and affiliations of local entities (people and organisations)."""
    by_pos = CandIndex(list({c.start: c for c in cands}.values()))
    # demonym adjectives point at the state's local entity when the state is mentioned
    for c in cands:
        if c.label != "NORP":
            continue
        place = c.meta.get("place")
        found = [e for e in (ents.with_kb(c.kb_id or ""), ents.named(place) if place else None) if e]
        if found:
            c.entity = min(found, key=ents.position).id
    index = CandIndex(cands)
    _unlink_foreign_generics(view.text, ents, kb, index)
    for e in ents.items:
        if e.type != "PERSON":
            _org_affiliation(e, ents, kb, demonyms)
    _jurisdictions(view.text, ents, index)
    for e in ents.items:
        if e.type == "PERSON":
            _person_roles(view, e, index, by_pos, ents, kb)
    for e in ents.items:  # a person affiliated with a government body is affiliated with its state
        if e.type == "PERSON" and e.affiliation and not e.affiliation.startswith("kb:"):
            org = ents.get(e.affiliation)
            if org is not None and org.type == "ORG" and org.affiliation and _is_gov_body(org):
                e.affiliation = org.affiliation


#: office words of a state's own government ("President X of Peru"), the office titles but those of
#: offices below the state or of a legislature (a "Representative X of Georgia" is a US state's)
_NATIONAL_OFFICES = lexicons.words("actors.office_titles") - lexicons.words("actors.subnational_offices")
#: what joins a person's name to the state or organisation they are of ("X *of the* Andean Party")
_OF_AFTER = re.compile(r"\s+of\s+(?:the\s+)?")


def _of_after(text: str, c: Cand, cands: CandIndex, ents: Entities, self_id: str) -> str | None:
    """The state or organisation named right after a person's name by "of" ("President Ana Ruiz *of
    Peru*", "Juan Ortega of the Andean Party"): the person's affiliation, as a title's would be."""
    m = _OF_AFTER.match(text, c.end)
    if m is None:
        return None
    named = [x for x in cands.starting_in(m.end(), m.end() + 1) if x.label in ("STATE", "ORG")]
    return next((ref_of(x, ents) for x in named if x.entity != self_id), None)


def _of_fits(ref: str, e: LocalEntity, ents: Entities) -> bool:
    """An organisation after "of" is the person's; a state only for a national office ("President X
    of Peru"; not "Representative X of Georgia", whose Georgia may be a US state the KB lacks)."""
    if _etype(ents, ref) != "STATE" and not ref.startswith("kb:state:"):
        return True
    return not {w.lower() for t in e.titles for w in t.split()}.isdisjoint(_NATIONAL_OFFICES)


def _kb_ref(ents: Entities, kb_id: str) -> str:
    """The local entity of a KB id, else a "kb:" reference."""
    local = ents.with_kb(kb_id)
    return local.id if local else f"kb:{kb_id}"


#: "<office words> of (the) <State>" at the end of an organisation's name
_OFFICE_OF = re.compile(r"^(.+?) of (?:the )?([A-Z][\w.'’ -]+)$")
_STATE_OFFICES = lexicons.words("actors.state_office_heads")


def _org_affiliation(e: LocalEntity, ents: Entities, kb: KnowledgeBase, demonyms: dict[str, str]) -> None:
    """An organisation's state: from the KB, or a demonym that starts its name ("Valdorian Assembly")."""
    entry = kb.get(e.kb_id) if e.kb_id else None
    if entry is not None:
        e.evidence["kb_kind"] = entry.kind
    if entry is not None and entry.affiliation:
        e.affiliation = _kb_ref(ents, entry.affiliation)
        return
    if e.type != "ORG":
        return
    state = next((c.meta["state"] for c in e.names if c.meta.get("state")), None)
    if state:  # a state's name starts the organisation's ("United States Department of ...")
        e.affiliation = _kb_ref(ents, state)
        return
    for n in e.names:
        first = n.text.split()[0]
        st = kb.demonym(first) if first[:1].isupper() else None
        if st is not None:
            e.affiliation = _kb_ref(ents, st.kb_id)
            return
        if first in demonyms:
            place = ents.named(demonyms[first])
            if place is not None and place.type == "STATE":
                e.affiliation = place.id
                return
    for n in e.names:  # "Federal Aviation Office of Germany": the office of that state
        m = _OFFICE_OF.search(n.text)
        if m is None or not set(m.group(1).lower().split()) & _STATE_OFFICES:
            continue
        st = next((x for x in kb.lookup(m.group(2))[:1] if x.type == "STATE"), None)
        if st is not None:
            e.affiliation = _kb_ref(ents, st.kb_id)
            return


def main_state(ents: Entities) -> LocalEntity | None:
    """The state a document is about: the one named most often (names, capitals, demonyms), the first
    named on a tie."""
    counts = [(sum(c.kind in NAME_KINDS for c in e.cands), -ents.position(e), e) for e in ents.items
              if e.type == "STATE"]
    best = max(counts, key=lambda x: (x[0], x[1]), default=None)
    return best[2] if best is not None and best[0] > 0 else None


def _unlink_foreign_generics(text: str, ents: Entities, kb: KnowledgeBase, index: CandIndex) -> None:
    """An institution named only generically ("Congress", "the Senate") that the KB links to another
    state's body is the body of the state the document qualifies it with ("*Argentina's* National
    Congress ... Congress will vote"), when the document never names the KB's state: the link goes
    and the qualifying state is its affiliation."""
    for e in ents.items:
        entry = kb.get(e.kb_id) if e.type == "ORG" and e.kb_id else None
        if entry is None or not entry.affiliation or ents.with_kb(entry.affiliation) is not None:
            continue
        if not e.names or not all(is_generic_institution(n.text) for n in e.names):
            continue
        found = (_possessor(text, n, index, ents, _QUALIFIED) for n in e.names)
        owners = {o.id: o for o in found if o is not None and o.type == "STATE"}
        if len(owners) == 1:
            e.kb_id, e.affiliation = None, next(iter(owners))


def _jurisdictions(text: str, ents: Entities, index: CandIndex) -> None:
    """An institution with a generic name and no other affiliation ("the Supreme Court", "the
    Foreign Ministry") belongs to the state or place named before it with a possessive ("South
    Korea's National Police Agency"), else to the state the document is about."""
    main: LocalEntity | None | bool = False
    for e in ents.items:
        if e.type != "ORG" or e.kb_id or e.affiliation or not e.names:
            continue
        if not all(is_generic_institution(n.text) for n in e.names):
            continue
        owner = next((o for n in e.names if (o := _possessor(text, n, index, ents))), None)
        if owner is None:
            main = main_state(ents) if main is False else main
            owner = main if isinstance(main, LocalEntity) else None
        if owner is not None:
            e.affiliation = owner.id


#: a possessive right before an institution ("*Iraq's* Foreign Ministry")
_POSSESSED = re.compile(r"['’]s\s$")
#: a possessive and up to two capitalised words before an institution ("Argentina's National Congress")
_QUALIFIED = re.compile(r"['’]s\s+(?:[A-Z][\w-]*\s+){0,2}$")


def _possessor(
    text: str, c: Cand, index: CandIndex, ents: Entities, before: re.Pattern[str] = _POSSESSED
) -> LocalEntity | None:
    """The state or place whose possessive stands before ``c`` as ``before`` allows: right before it
    ("*Iraq's* Foreign Ministry"), or before the words of the institution's name (``_QUALIFIED``:
    "*Argentina's* National Congress")."""
    m = before.search(text, max(0, c.start - 60), c.start)
    if m is None:
        return None
    for o in index.ending_in(m.start(), m.start()):
        e = ents.get(o.entity)
        if e is not None and e.type in ("STATE", "LOCATION"):
            return e
    return None


def _titles_of(view: DocView, c: Cand, by_pos: CandIndex) -> list[tuple[str, tuple[int, int]]]:
    """Titles written around one name (before it, or in apposition after or before it) with their spans."""
    found = []
    lt = left_title(view, c, by_pos)
    if lt:
        found.append((lt[0], (lt[1], c.start)))
    elif c.title:
        found.append((_clean_title(c.title), (c.title_start or c.start, c.start)))
    for f in (apposition_after(view, c), apposition_before(view, c)):
        if f:
            found.append((f[0], (f[1], f[2])))
    return found


def _person_roles(
    view: DocView,
    e: LocalEntity,
    cands: CandIndex,
    by_pos: CandIndex,
    ents: Entities,
    kb: KnowledgeBase,
) -> None:
    """A person's titles, and the affiliation most of them name (an organisation counts more than a
    nationality); without titles that name one, the affiliation of a user's KB entry."""
    text = view.text
    votes: list[str] = []
    after: list[str] = []  # "of" phrases after the name: the affiliation only where no title names one
    for c in e.cands:
        if c.kind not in ("name", "alias"):
            if c.kind == "description":
                t = _clean_title(c.text)
                if t not in e.titles:
                    e.titles.append(t)
            continue
        for title, span in _titles_of(view, c, by_pos):
            if title and title not in e.titles:
                e.titles.append(title)
            aff = _affiliation_in(text, span, cands, ents, e.id)
            if aff is None and _OWNER.match(text[span[0] : span[1]]):
                aff = _subject_org(view, span[0], cands, ents)  # "the QNC ... by its chairman, X"
            if aff:
                votes.append(aff)
        after += [a for a in [_of_after(text, c, cands, ents, e.id)] if a and _of_fits(a, e, ents)]
    votes = votes or after
    entry = kb.get(e.kb_id) if e.kb_id else None
    if not votes and entry is not None and entry.affiliation:  # a user's KB entry for a person
        e.affiliation = _kb_ref(ents, entry.affiliation)
    if votes:
        counts = Counter(votes)  # distinct votes in order of first appearance
        first = {v: i for i, v in reversed(list(enumerate(votes)))}
        weight = {v: n * (1.5 if _etype(ents, v) == "ORG" else 1.0) for v, n in counts.items()}
        e.affiliation = max(counts, key=lambda v: (weight[v], -first[v]))
