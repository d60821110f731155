"""The event-trigger lexicon (``data/lexicon/events.yaml``): loading, validation, inflection, matching.

An :class:`EventLexicon` maps every surface form ("met", "held talks", "invitation") to the entries
that use it, and finds all forms in a text with one precompiled regex. Users extend it with their
own YAML files of the same shape (``Resources(event_lexicons=[...])``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import yaml

from newsgraph.errors import ConfigError
from newsgraph.models import PLOVER_TYPES

if TYPE_CHECKING:
    from newsgraph.pipeline.registry import Resources

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "data" / "lexicon" / "events.yaml"
SLOTS = frozenset(
    {
        "subject",
        "object",
        "complement",
        "poss",
        "adj",
        "with",
        "by",
        "of",
        "to",
        "for",
        "on",
        "against",
        "from",
        "between",
        "in",
        "at",
        "towards",
    }
)
PREP_SLOTS = SLOTS - {"subject", "object", "complement", "poss", "adj"}
_WORD = re.compile(r"(?<![\w’'\-])[\w]+(?:-[\w]+)*")
_FIELDS = frozenset(
    {
        "id",
        "type",
        "mode",
        "cameo",
        "verbs",
        "forms",
        "nouns",
        "source",
        "target",
        "symmetric",
        "place",
        "light",
        "requires",
        "excludes",
        "before_excludes",
        "object_near",
        "stance",
        "priority",
    }
)

#: irregular past forms of common verbs (lemma -> (past, participle))
_IRREGULAR = {
    "meet": ("met", "met"),
    "hold": ("held", "held"),
    "come": ("came", "come"),
    "fly": ("flew", "flown"),
    "strike": ("struck", "struck"),
    "withdraw": ("withdrew", "withdrawn"),
    "speak": ("spoke", "spoken"),
    "give": ("gave", "given"),
    "send": ("sent", "sent"),
    "take": ("took", "taken"),
    "make": ("made", "made"),
    "have": ("had", "had"),
    "cut": ("cut", "cut"),
    "sit": ("sat", "sat"),
    "stand": ("stood", "stood"),
    "break": ("broke", "broken"),
    "sever": ("severed", "severed"),
    "lead": ("led", "led"),
    "seek": ("sought", "sought"),
    "tell": ("told", "told"),
    "bring": ("brought", "brought"),
    "pay": ("paid", "paid"),
    "shoot": ("shot", "shot"),
    "freeze": ("froze", "frozen"),
    "withhold": ("withheld", "withheld"),
    "become": ("became", "become"),
    "put": ("put", "put"),
    "set": ("set", "set"),
    "keep": ("kept", "kept"),
    "head": ("headed", "headed"),
}
_DOUBLE = {
    "ban",
    "expel",
    "rebut",
    "cancel",
    "travel",
    "label",
    "signal",
    "plan",
    "stop",
    "pin",
    "ship",
    "drop",
    "embargo",
    "veto",
    "rob",
    "shell",
    "control",
    "patrol",
    "commit",
    "admit",
    "permit",
    "regret",
}
_NO_DOUBLE_LEMMAS = {"shell", "embargo", "veto"}


def _doubles(head: str) -> bool:
    """'ban' -> 'banned', 'snub' -> 'snubbed': a short verb ending consonant-vowel-consonant."""
    if head in _NO_DOUBLE_LEMMAS:
        return False
    if head in _DOUBLE:
        return True
    v = "aeiou"
    return (
        len(head) <= 4
        and len(head) >= 3
        and head[-1] not in v + "wxy"
        and head[-2] in v
        and head[-3] not in v
    )


def inflect(lemma: str) -> tuple[str, ...]:
    """Regular (and a few irregular) forms of a verb lemma; a multi-word lemma inflects its first word."""
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    if head in _IRREGULAR:
        past, part = _IRREGULAR[head]
    elif head.endswith("e"):
        past = part = head + "d"
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        past = part = head[:-1] + "ied"
    elif _doubles(head):
        past = part = head + head[-1] + "ed"
    else:
        past = part = head + "ed"
    if head.endswith(("s", "x", "z", "ch", "sh", "o")):
        third = head + "es"
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        third = head[:-1] + "ies"
    else:
        third = head + "s"
    if head.endswith("ie"):
        ing = head[:-2] + "ying"
    elif head.endswith("e") and not head.endswith(("ee", "ye", "oe")):
        ing = head[:-1] + "ing"
    elif _doubles(head):
        ing = head + head[-1] + "ing"
    else:
        ing = head + "ing"
    forms = {head, third, past, part, ing}
    return tuple(sorted(f + tail for f in forms))


@dataclass(frozen=True)
class Entry:
    """One trigger: its type, mode, CAMEO root, surface forms and where its participants are."""

    id: str
    type: str
    mode: str | None
    cameo: str | None
    verb_forms: frozenset[str]
    noun_forms: frozenset[str]
    source: tuple[str, ...]
    target: tuple[str, ...]
    symmetric: bool = False
    place: bool = False
    light: frozenset[str] = frozenset()
    requires: re.Pattern[str] | None = None
    excludes: re.Pattern[str] | None = None
    before_excludes: re.Pattern[str] | None = None
    object_near: int | None = None
    stance: bool = False
    priority: int = 0
    participles: frozenset[str] = frozenset()


class TriggerMatch(NamedTuple):
    start: int
    end: int
    form: str  # lower case, single-spaced
    entries: tuple[Entry, ...]


class EventLexicon:
    """Entries by surface form, with a single compiled finder regex."""

    def __init__(self, entries: dict[str, Entry]) -> None:
        self.entries = dict(entries)
        self.by_form: dict[str, list[Entry]] = {}
        for e in self.entries.values():
            for f in e.verb_forms | e.noun_forms:
                self.by_form.setdefault(f, []).append(e)
        # one small regex per first word: a text is scanned word by word, not with one huge alternation
        by_first: dict[str, list[str]] = {}
        for f in sorted(self.by_form, key=len, reverse=True):
            by_first.setdefault(f.split()[0], []).append(f)
        self._first: dict[str, re.Pattern[str]] = {
            w: re.compile(
                "(?:" + "|".join(r"\s+".join(re.escape(x) for x in f.split()) for f in fs) + r")(?![\w’'\-])",
                re.IGNORECASE,
            )
            for w, fs in by_first.items()
        }

    def __len__(self) -> int:
        return len(self.entries)

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[TriggerMatch]:
        """Trigger forms in ``text[start:end]`` (lower case, or capitalised at a sentence start)."""
        stop = len(text) if end is None else end
        pos = start
        for w in _WORD.finditer(text, start, stop):
            if w.start() < pos:
                continue
            pat = self._first.get(w.group().lower())
            if pat is None:
                continue
            m = pat.match(text, w.start(), stop)
            if m is None:
                continue
            form = m.group()
            if not (form.islower() or (form[0].isupper() and form[1:].islower())):
                continue
            key = " ".join(form.lower().split())
            entries = self.by_form.get(key)
            if entries:
                pos = m.end()
                yield TriggerMatch(m.start(), m.end(), key, tuple(entries))

    @classmethod
    def from_data(
        cls, data: dict[str, Any], base: dict[str, Entry] | None = None, where: str = ""
    ) -> EventLexicon:
        entries = dict(base or {})
        for eid in data.get("remove", []) or []:
            entries.pop(str(eid), None)
        raw = data.get("entries") or []
        if not isinstance(raw, list):
            raise ConfigError(f"event lexicon {where}: 'entries' must be a list")
        for i, spec in enumerate(raw):
            e = parse_entry(spec, f"{where} entry {i + 1}")
            entries[e.id] = e
        return cls(entries)


def _regex(spec: dict[str, Any], key: str, where: str) -> re.Pattern[str] | None:
    if not spec.get(key):
        return None
    try:
        return re.compile(str(spec[key]))
    except re.error as e:
        raise ConfigError(f"event lexicon {where}: bad regular expression in '{key}': {e}") from e


def _words(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    return [" ".join(str(v).lower().split()) for v in value if str(v).strip()]


def _slots(spec: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    vals = tuple(_words(spec.get(key)) or (["subject"] if key == "source" else ["object"]))
    bad = [v for v in vals if v not in SLOTS]
    if bad:
        raise ConfigError(f"event lexicon {where}: unknown {key} slot(s) {bad}; known: {sorted(SLOTS)}")
    return vals


def parse_entry(spec: Any, where: str) -> Entry:
    """Validate one YAML mapping and build its :class:`Entry`."""
    if not isinstance(spec, dict) or not spec.get("id"):
        raise ConfigError(f"event lexicon {where}: an entry is a mapping with an 'id'")
    eid = str(spec["id"])
    where = f"{where} ('{eid}')"
    unknown = set(spec) - _FIELDS
    if unknown:
        raise ConfigError(f"event lexicon {where}: unknown field(s) {sorted(unknown)}")
    typ = str(spec.get("type", "")).upper()
    if typ not in PLOVER_TYPES:
        raise ConfigError(f"event lexicon {where}: type must be one of {', '.join(PLOVER_TYPES)}")
    verbs: set[str] = set()
    participles: set[str] = set()
    for lemma in _words(spec.get("verbs")):
        forms = inflect(lemma)
        verbs.update(forms)
        head = lemma.split()[0]
        past = _IRREGULAR.get(head, (None, None))[1]
        participles.update(f for f in forms if f.split()[0].endswith("ed") or f.split()[0] == past)
    for f in _words(spec.get("forms")):
        verbs.add(f)
        if f.split()[0].endswith(("ed", "wn", "en")) or f.split()[0] in {p for _, p in _IRREGULAR.values()}:
            participles.add(f)
    nouns = set(_words(spec.get("nouns")))
    if not verbs and not nouns:
        raise ConfigError(f"event lexicon {where}: needs 'verbs', 'forms' or 'nouns'")
    cameo = spec.get("cameo")
    if cameo is not None and not re.fullmatch(r"\d{2,4}", str(cameo)):
        raise ConfigError(f'event lexicon {where}: cameo must be a code of 2-4 digits, e.g. "04"')
    near = spec.get("object_near")
    return Entry(
        id=eid,
        type=typ,
        mode=str(spec["mode"]) if spec.get("mode") else None,
        cameo=str(cameo) if cameo is not None else None,
        verb_forms=frozenset(verbs),
        noun_forms=frozenset(nouns),
        source=_slots(spec, "source", where),
        target=_slots(spec, "target", where),
        symmetric=bool(spec.get("symmetric", False)),
        place=bool(spec.get("place", False)),
        light=frozenset(_words(spec.get("light"))),
        requires=_regex(spec, "requires", where),
        excludes=_regex(spec, "excludes", where),
        before_excludes=_regex(spec, "before_excludes", where),
        object_near=int(near) if near is not None else None,
        stance=bool(spec.get("stance", False)),
        priority=int(spec.get("priority", 0)),
        participles=frozenset(participles),
    )


def _read_yaml(path: str | Path) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh) or {}
    except OSError as e:
        raise ConfigError(f"cannot read event lexicon {path}: {e}") from e
    except yaml.YAMLError as e:
        raise ConfigError(f"event lexicon {path} is not valid YAML: {e}") from e
    if not isinstance(data, dict):
        raise ConfigError(f"event lexicon {path}: expected a mapping with an 'entries' key")
    return data


@lru_cache(maxsize=8)
def _load(paths: tuple[str, ...]) -> EventLexicon:
    lex = EventLexicon.from_data(_read_yaml(DEFAULT_PATH), where=DEFAULT_PATH.name)
    for p in paths:
        lex = EventLexicon.from_data(_read_yaml(p), base=lex.entries, where=str(p))
    return lex


def load_lexicon(*extra: str | Path) -> EventLexicon:
    """The bundled lexicon, extended by the given YAML files (cached per combination)."""
    return _load(tuple(str(p) for p in extra))


def load_resource(res: Resources) -> EventLexicon:
    """Bundled lexicon plus the files of setting ``event_lexicons`` (a list, or a path string), else of
    the environment variable ``NEWSGRAPH_EVENT_LEXICONS`` (paths separated by ``os.pathsep``)."""
    extra: Iterable[str] | str | None = res.settings.get("event_lexicons")
    if not extra and os.environ.get("NEWSGRAPH_EVENT_LEXICONS"):
        extra = [p for p in os.environ["NEWSGRAPH_EVENT_LEXICONS"].split(os.pathsep) if p]
    if isinstance(extra, str):
        extra = [extra]
    return load_lexicon(*(extra or ()))
