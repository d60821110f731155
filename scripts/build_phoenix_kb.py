#!/usr/bin/env python
"""Compile the Phoenix actor dictionaries (PETRARCH2, MIT) into the bundled table ``phoenix.csv``.

Input: ``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt`` and
``Phoenix.MilNonState.actors.txt`` (TABARI format: a primary phrase, ``+`` synonym lines, tab-indented
``[CODE date-range]`` role lines; see PETRARCH2's ``dictionaries.rst``). Output rows
(``kb_id, type, name, aliases, cameo``):

- **people** (``phx:<slug>``): a primary phrase that looks like a personal name, with every role
  line as a dated CAMEO code (``USAGOV:2009-01-20:`` = from that day on, open-ended). Synonyms
  are aliases only when they are the same person's full name (titles such as "President" dropped,
  at least two words, the same surname or a transliteration of the whole name: "Usama bin Ladin");
  a synonym naming another person (TABARI groups people
  with the same roles) becomes its own entry with the same codes. Surnames and first names alone
  are never aliases.
- **organisations** (``phx:<slug>``) of the international and non-state dictionaries whose name
  ends in an organisation word ("... Brigades", "... Front") or opens with a transliterated one
  ("Harakat ...", "Jemaah ...", "Lashkar ...": lexicon ``actors.foreign_org_words``), with their
  synonyms and codes; a bracketed acronym ("(IAAA)") is an alias. TABARI files a group's leaders
  among its synonyms: those are people of their own (and no alias of the group), and a phrase
  with a transliterated group word is never a person ("Hizb Allah").
- **codes of known actors**: a country record's code (``[AFG]``) is attached to the bundled
  state (``state:AFG``), and an organisation already in ``orgs.yaml`` gets its code (no new
  aliases), so the KB's curated names win.

The raw dictionaries are never copied into the package; ``data/kb/README.md`` records source,
commit, licence and attribution. Usage:
``python scripts/build_phoenix_kb.py [--src DIR] [--out FILE]``
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.actors.kb import KnowledgeBase, _bundled, fold  # noqa: E402
from newsgraph.text import lexicons  # noqa: E402
from newsgraph.text.names import STRONG, compare_names  # noqa: E402

DEFAULT_SRC = ROOT.parent / "shared/data/resources/petrarch2"
DEFAULT_OUT = ROOT / "src/newsgraph/data/kb/phoenix.csv"
FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
_CODE = re.compile(r"\[([^\]\s]+)(?:\s+([^\]]*))?\]")
_PARTICLES = {"al", "el", "bin", "ibn", "bint", "de", "del", "da", "di", "van", "von", "der", "la", "le",
              "du"}
_FUNCTION = {"of", "the", "and", "for", "in", "on", "to", "a", "an", "at", "by"}
_COMPANY = {"inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "llc", "plc", "sa", "ag", "nv",
            "holdings", "properties", "airlines", "airways", "trust", "partners", "industries", "energy"}
#: words that make a phrase a description or an institution, never a person's name
_NOT_NAME = (
    lexicons.words("actors.title_heads") | lexicons.words("actors.title_modifiers")
    | lexicons.words("actors.org_heads") | lexicons.words("actors.honorifics") | _FUNCTION | _COMPANY
    | {"administration", "regime", "family", "dynasty", "people", "forces", "rebels", "government", "elite",
       "hojatolislam", "hojatoleslam"}
)
_ORG_HEADS = (
    lexicons.words("actors.org_heads") | {"brigades", "organization", "liberation", "faction"} | _COMPANY
)
#: words that open an armed group's or party's name ("Harakat Hazm", "Jaish al-Adl")
_ORG_OPENERS = lexicons.words("actors.foreign_org_words")
_KUNYA = {"abu", "abou", "umm"}


@dataclass
class Record:
    primary: str
    synonyms: list[str] = field(default_factory=list)
    codes: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    file: str = ""


def _date(s: str) -> str | None:
    s = s.strip()
    if not s.isdigit() or len(s) not in (6, 8):
        return None
    if len(s) == 6:
        s = ("20" if int(s[:2]) <= 30 else "19") + s
    y, m, d = s[:4], s[4:6], s[6:]
    if not ("01" <= m <= "12" and "01" <= d <= "31"):
        return None
    return f"{y}-{m}-{d}"


def _role(code: str, rng: str | None) -> tuple[str, str | None, str | None] | None:
    if code.strip("-") == "" or not re.fullmatch(r"[A-Z0-9]{3,15}", code):
        return None
    rng = (rng or "").strip()
    if not rng:
        return code, None, None
    if rng.startswith(">"):
        a = _date(rng[1:])
        return (code, a, None) if a else None
    if rng.startswith("<"):
        b = _date(rng[1:])
        return (code, None, b) if b else None
    a_s, _, b_s = rng.partition("-")
    a, b = _date(a_s), _date(b_s)
    return (code, a, b) if a and b and a <= b else None


def records(path: Path) -> Iterator[Record]:
    """The records of one TABARI actor file."""
    cur: Record | None = None
    for raw in path.read_text("latin-1").splitlines():
        line = raw.split("#", 1)[0].split(";", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = [r for m in _CODE.finditer(line) if (r := _role(m.group(1), m.group(2)))]
        phrase = _CODE.sub("", line).strip()
        if raw[:1] in ("\t", " ") and not phrase:
            if cur is not None:
                cur.codes += codes
            continue
        if phrase.startswith("+"):
            if cur is not None:
                cur.synonyms.append(phrase[1:])
                cur.codes += codes
            continue
        if cur is not None:
            yield cur
        cur = Record(phrase, [], codes, path.name)
    if cur is not None:
        yield cur


def words(phrase: str) -> list[str]:
    return [w for w in re.split(r"[_\s]+", phrase.strip("_ ")) if w]


def display(ws: list[str], join_particles: bool = True) -> str:
    """ "ABU_BAKR_AL_BAGHDADI" -> "Abu Bakr al-Baghdadi" (``join_particles=False``: "al Baghdadi");
    regnal numbers and dotted initials stay capitals ("Elizabeth II", "U.S. Federal Reserve")."""
    if join_particles:
        ws = _joined(ws)
    out = []
    for i, w in enumerate(ws):
        parts = []
        for p in w.lower().split("-"):
            keep = (p in _PARTICLES or p in _FUNCTION) and (i > 0 or "-" in w) and len(ws) > 1
            parts.append(p if keep else _cased(p, later=i > 0))
        out.append("-".join(parts))
    return " ".join(out)


_ROMAN = frozenset("ii iii iv vi vii viii ix xi xii xiii xiv xv xvi".split())
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]?")


def _cased(word: str, *, later: bool) -> str:
    """A lower-case name word as written in a name: capitalised, or all capitals for a regnal number
    after the first word and for dotted initials."""
    if (later and word in _ROMAN) or _INITIALS.fullmatch(word):
        return word.upper()
    return word[:1].upper() + word[1:]


def _joined(ws: list[str]) -> list[str]:
    out: list[str] = []
    for w in ws:
        if out and out[-1].lower() in ("al", "el") and len(out) > 1:
            out[-1] = f"{out[-1]}-{w}"
        else:
            out.append(w)
    return out


def _core(ws: list[str]) -> list[str]:
    """The words of a name without particles ("AL", "BIN"): its identity for deduplication."""
    return [w for w in ws if w.lower() not in _PARTICLES]


def _name_shaped(ws: list[str]) -> bool:
    """Two to five words, letters only, none a title, function or institution word."""
    return 2 <= len(ws) <= 5 and all(
        re.fullmatch(r"[A-Z][A-Z.'-]*", w) and w.lower().rstrip(".") not in _NOT_NAME for w in ws
    )


def name_like(ws: list[str]) -> bool:
    """Name-shaped, and no word opens a group's name ("Harakat Hazm", "Hizb Allah": groups)."""
    return _name_shaped(ws) and not any(_bare(w) in _ORG_OPENERS for w in ws)


def _strip_titles(ws: list[str], kb: object) -> list[str]:
    def title(w: str) -> bool:
        return w.lower().rstrip(".").split("-")[0] in _NOT_NAME or kb.demonym(w.title()) is not None  # type: ignore[attr-defined]

    while ws and title(ws[0]):
        ws = ws[1:]
    return ws


def people(rec: Record, kb: object) -> list[tuple[str, list[str]]]:
    """``(name, aliases)`` of each person a record names."""
    phrases = [rec.primary, *rec.synonyms]
    stripped = [_strip_titles(words(p), kb) for p in phrases]
    first = next((i for i, ws in enumerate(stripped) if _name_shaped(ws) and len(_core(ws)) >= 2), None)
    if first is None or not rec.codes:
        return []
    ws = stripped[first]
    if kb.lookup(display(ws)) or kb.demonym(ws[0].title()):  # type: ignore[attr-defined]
        return []  # a place or organisation the KB knows, "Turkish Hezbollah"
    named = (i for i in range(first, len(stripped)) if name_like(stripped[i]) and _core(stripped[i])[1:])
    first = next(named, None)
    if first is None:
        return []  # only a group's names ("Harakat Hazm")
    ws = stripped[first]
    groups: list[tuple[list[str], list[str]]] = [(ws, [])]
    for syn in phrases[first + 1 :]:
        sw = _strip_titles(words(syn), kb)
        if not name_like(sw) or len(_core(sw)) < 2:
            continue  # a surname alone ("AL_ASSAD") is never an alias
        if sw[0].lower() in _KUNYA:
            groups[0][1].append(display(sw))  # a kunya of the primary person ("Abu Mazen")
            continue
        owner = next((g for g in groups if _same_person(g[0], sw)), None)
        if owner is None and any(set(sw) <= set(g[0]) for g in groups):
            continue  # given names of a listed person ("RECEP_TAYYIP"): never an alias
        if owner is None:
            groups.append((sw, []))
        elif sw != owner[0]:
            owner[1].append(display(sw))
    out = []
    for g, a in groups:
        name = display(g)
        spaced = display(g, join_particles=False)
        out.append((name, sorted((set(a) | {spaced}) - {name})))
    return out


def _same_person(a: list[str], b: list[str]) -> bool:
    """The same surname, or the same full name in another transliteration ("Usama bin Ladin")."""
    return _core(a)[-1] == _core(b)[-1] or compare_names(display(a), display(b)).score >= STRONG


def org(rec: Record) -> tuple[str, list[str]] | None:
    ws = words(re.sub(r"\(([A-Z]{2,})\)", "", rec.primary))
    opener = bool(ws) and _bare(ws[0]) in _ORG_OPENERS  # "Harakat Hazm"
    if not rec.codes or len(ws) < 2 or (ws[-1].lower() not in _ORG_HEADS and not opener):
        return None
    aliases = re.findall(r"\(([A-Z]{3,})\)", rec.primary)
    for syn in rec.synonyms:
        aliases += re.findall(r"\(([A-Z]{3,})\)", syn)
        sw = words(re.sub(r"\(([A-Z]{2,})\)", "", syn))
        if len(sw) >= 2:
            aliases.append(display(sw))
    return display(ws), sorted(set(aliases) - {display(ws)})


def _bare(word: str) -> str:
    """A word without an Arabic article glued to it ("al-Harakat" -> "harakat")."""
    w = word.lower()
    return w.split("-", 1)[1] if w.startswith(("al-", "el-")) and "-" in w else w


def cameo(codes: list[tuple[str, str | None, str | None]]) -> str:
    seen = dict.fromkeys(f"{c}:{a or ''}:{b or ''}" for c, a, b in codes)
    return "|".join(seen)


def slug(name: str) -> str:
    core = [w for w in re.split(r"[\s-]+", fold(name)) if w not in _PARTICLES]
    return "phx:" + re.sub(r"[^a-z0-9]+", "_", " ".join(core)).strip("_")


def compile_rows(src: Path) -> list[dict[str, str]]:
    entries, templates = _bundled()
    kb = KnowledgeBase([e for e in entries if e.source != "phoenix"], templates)  # without a previous build
    rows: dict[str, dict[str, str]] = {}

    def add(kb_id: str, typ: str, name: str, aliases: list[str], codes: str) -> None:
        old = rows.get(kb_id)
        if old is None:
            rows[kb_id] = {"kb_id": kb_id, "type": typ, "name": name, "aliases": "|".join(aliases),
                           "cameo": codes}
            return
        old["aliases"] = "|".join(dict.fromkeys([*filter(None, old["aliases"].split("|")), *aliases]))
        old["cameo"] = "|".join(dict.fromkeys([*filter(None, old["cameo"].split("|")), *codes.split("|")]))

    for fname in FILES:
        for rec in records(src / fname):
            codes = cameo(rec.codes)
            if not codes or all(c[0].startswith("MNC") for c in rec.codes):
                continue  # companies (a stock list, not political actors) are left to the model
            known = kb.lookup(display(words(rec.primary)))
            if rec.file.startswith("Phoenix.Countries") and known and known[0].type == "STATE":
                iso3 = known[0].kb_id.split(":", 1)[1]
                codes3 = [c[0] for c in rec.codes if re.fullmatch(r"[A-Z]{3}", c[0])]
                code = iso3 if iso3 in codes3 else next(iter(codes3), None)  # undated: the country
                if code and known[0].kb_id.startswith("state:"):
                    add(known[0].kb_id, "STATE", known[0].name, [], f"{code}::")
                continue
            found = people(rec, kb)  # (TABARI files a group's leaders among its synonyms)
            for name, aliases in found:
                add(slug(name), "PERSON", name, aliases, codes)
            if known and known[0].type == "ORG":  # the group the KB knows gets the codes of its own record
                if not found:
                    add(known[0].kb_id, "ORG", known[0].name, [], codes)
                continue
            group = None if rec.file.startswith("Phoenix.Countries") else org(rec)
            if group is not None:  # the group too, named by its synonyms that name no person
                claimed = {n for name, aliases in found for n in (name, *aliases)}
                add(slug(group[0]), "ORG", group[0], [a for a in group[1] if a not in claimed], codes)
    return sorted(rows.values(), key=lambda r: r["kb_id"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    rows = compile_rows(args.src)
    with args.out.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, ["kb_id", "type", "name", "aliases", "cameo"], lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["type"]] = counts.get(r["type"], 0) + 1
    print(f"wrote {args.out}: {len(rows)} rows {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
