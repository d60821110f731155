"""Names made of other names: hyphenated pairs of people ("the Trump-Biden debate"), a name read as
two around its patronymic particle ("Tamim bin Hamad al-Thani"), a word of a
person's name used alone ("Luk" after "John Luk Jok"), organisation units joined to their parent by
a hyphen ("Islamic Revolutionary Guard Corps-Quds Force"), and the body a leader heads ("the Trump
administration")."""

from __future__ import annotations

import re
from dataclasses import replace

from newsgraph.actors.lexicon import alternatives
from newsgraph.actors.spans import Cand
from newsgraph.text import lexicons

#: what stands between the two halves of a patronymic name ("Tamim *bin* Hamad al-Thani")
_PATRONYMIC_GAP = re.compile(rf"[ \t]+(?:{alternatives('patronymic_particles')})[ \t]+")
#: a name word of a name the model cut after its particle ("Qaboos bin [Said]": "Said" read as the verb)
_NAME_TAIL = re.compile(r"(?:[ \t]+[A-Z][\w'’-]*(?<![’'])){1,2}")
_PARTICLES = lexicons.words("actors.name_particles")
#: an elided particle and its name word after a name ("Valéry Giscard *d'Estaing*")
_ELIDED_TAIL = re.compile(r"[ \t]+[dl]['’][A-ZÀ-Þ][\w-]*")


def hyphen_pairs(cands: list[Cand]) -> list[Cand]:
    """ "the Trump-Biden debate", "the Biden-Harris ticket": two capitalised words joined by a hyphen,
    each the surname of a different person the document names in full, are two mentions (one of
    each person), never one name."""
    surnames = {c.text.split()[-1] for c in cands if c.label == "PERSON" and " " in c.text}
    out = []
    for c in cands:
        parts = c.text.split("-")
        if (
            " " in c.text
            or c.kb_id
            or len(parts) != 2
            or parts[0] == parts[1]
            or not all(p[:1].isupper() and p in surnames for p in parts)
        ):
            out.append(c)
            continue
        b = c.start + len(parts[0]) + 1
        out += [Cand(c.start, b - 1, parts[0], "PERSON", c.source)]
        out += [Cand(b, c.end, parts[1], "PERSON", c.source)]
    return out


def patronymic_pairs(text: str, cands: list[Cand]) -> list[Cand]:
    """ "Tamim bin Hamad al-Thani", read as two names around the particle ("Tamim" and "Hamad
    al-Thani", a different man): one person's name when a person's name follows the particle
    (lexicon ``patronymic_particles``) and a name no knowledge-base entry knows comes before it.
    The candidates keep their order."""
    ordered = sorted(cands, key=lambda c: c.start)
    merged: dict[int, Cand] = {}  # id of the first name -> the whole name
    dropped: set[int] = set()  # ids of the names after the particle
    for prev, c in zip(ordered, ordered[1:], strict=False):
        first = merged.get(id(prev), prev)
        if (
            c.label == "PERSON"
            and id(prev) not in dropped
            and not prev.kb_id
            and prev.label in ("PERSON", "LOCATION", "ORG")
            and _PATRONYMIC_GAP.fullmatch(text, prev.end, c.start) is not None
        ):
            merged[id(prev)] = replace(first, end=c.end, text=text[first.start : c.end], label="PERSON")
            dropped.add(id(c))
    return [merged.get(id(c), c) for c in cands if id(c) not in dropped]


def particle_tails(text: str, cands: list[Cand]) -> list[Cand]:
    """ "Qaboos bin Said", "Haitham bin Tariq Al Said": a person's name never ends with its particle
    (lexicon ``name_particles``); where the model stopped there (it read "Said" as the verb), the
    capitalised words right after it are the rest of the name, as an elided particle with its word
    right after a name is ("Valéry Giscard d'Estaing"). A candidate those words began is dropped."""
    out: list[Cand] = []
    tails: list[tuple[int, int]] = []
    for c in cands:
        words = c.text.split()
        cut = len(words) > 1 and words[-1].lower() in _PARTICLES
        m = _NAME_TAIL.match(text, c.end) if cut else _ELIDED_TAIL.match(text, c.end)
        if c.label == "PERSON" and m:
            c = replace(c, end=m.end(), text=text[c.start : m.end()])
            tails.append((c.start, c.end))
        out.append(c)
    return [c for c in out if not any(a < c.start < b for a, b in tails)]


def name_parts(cands: list[Cand]) -> list[Cand]:
    """ "John Luk Jok ... paid tribute to Luk", "Wanda Vázquez Garced ... Vázquez said": a one-word
    name that the knowledge base does not know and that is a later word of the name of exactly one
    person the document named before is that person's short name: an alias of the first mention of
    that name (and a person, where the model typed it a place or an organisation)."""
    owners: dict[str, dict[str, int]] = {}  # a later word of a full name -> {full name: first offset}
    firsts = {c.text.split()[0] for c in cands if c.label == "PERSON" and " " in c.text}
    for c in sorted(cands, key=lambda c: c.start):
        if c.label == "PERSON" and " " in c.text:
            for w in c.text.split()[1:]:
                owners.setdefault(w, {}).setdefault(c.text, c.start)
            continue
        named = owners.get(c.text, {})
        if (
            len(named) == 1
            and c.text not in firsts  # "Paul" may be Paul Smith as well as John Paul Jones
            and c.label in ("PERSON", "LOCATION", "ORG")
            and (c.label == "PERSON" or c.source == "model")
            and not c.kb_id
            and " " not in c.text
            and c.text[:1].isupper()
        ):
            c.label = "PERSON"
            c.meta["alias_person"] = next(iter(named.values()))
    return cands


def leaders_known(cands: list[tuple[int, Cand]]) -> list[tuple[int, Cand]]:
    """ "the Trump administration" only where the document names Trump as a person."""
    surnames = {c.text.split()[-1] for _, c in cands if c.label == "PERSON"}
    return [(p, c) for p, c in cands if not c.meta.get("leader_body") or c.text.split()[0] in surnames]


def hyphen_compounds(text: str, parts: list[Cand]) -> list[Cand]:
    """Two known organisations joined by a hyphen name the second, a unit of the first ("Islamic
    Revolutionary Guard Corps-Quds Force" is the Quds Force): one mention over the compound."""
    ends = {c.end: c for c in sorted(parts, key=lambda c: c.start, reverse=True)}
    out = []
    for c in parts:
        first = ends.get(c.start - 1)
        if first is not None and text[c.start - 1] == "-" and first.kb_id != c.kb_id:
            compound = Cand(first.start, c.end, text[first.start : c.end], "ORG", "kb", kb_id=c.kb_id)
            compound.meta["parent"] = first.kb_id
            out.append(compound)
    return out
