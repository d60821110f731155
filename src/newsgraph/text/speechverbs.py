"""The speech-cue lexicon (``data/lexicon/speech_verbs.yaml``), loaded lazily and user-extensible.

A :class:`Lexicon` maps every surface form of a speech verb ("said", "pointed out") to a
:class:`VerbInfo` that says which constructions the verb takes and which speech act it performs
(``act``, a PLOVER type; see the YAML file's header), and finds the forms in a text with one
precompiled regex. The same file gives the speech nouns ("statement", "claim") and prepositional
cues ("according to"), kept in :attr:`Lexicon.nouns` and :attr:`Lexicon.prepositions`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from newsgraph.errors import ConfigError
from newsgraph.text.lexicons import read_yaml

if TYPE_CHECKING:
    from newsgraph.pipeline.registry import Resources

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "data" / "lexicon" / "speech_verbs.yaml"
FRAMES = frozenset({"direct", "that", "bare", "wh", "about", "object", "to", "of", "as"})
#: speech acts a cue may perform (PLOVER event types)
ACTS = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT", "AGREE", "CONCEDE", "PROTEST"})


@dataclass(frozen=True)
class VerbInfo:
    """What one speech verb can do."""

    lemma: str
    forms: tuple[str, ...]
    frames: frozenset[str]
    addressee: bool = False
    speaker_is_object: bool = False
    objects: frozenset[str] = frozenset()
    ambiguous: frozenset[str] = frozenset()
    act: str | None = None  # the PLOVER type of the speech act ("ACCUSE" for "accuse")
    subjects: frozenset[str] = frozenset()  # the subject must be one of these nouns ("the statement read")


class VerbMatch(NamedTuple):
    """One occurrence of a speech-verb form in a text."""

    start: int
    end: int
    form: str  # as written
    info: VerbInfo


class Lexicon:
    """Speech verbs by surface form, with a single compiled finder regex."""

    def __init__(
        self,
        verbs: dict[str, VerbInfo],
        nouns: dict[str, VerbInfo] | None = None,
        prepositions: dict[str, VerbInfo] | None = None,
        adjuncts: frozenset[str] = frozenset(),
    ) -> None:
        self.verbs = dict(verbs)
        #: verbs that report a clause or attribute a quotation by themselves (the text finder's cues)
        self.by_form = _by_form({k: v for k, v in self.verbs.items() if v.frames})
        #: every verb form, speech acts without a frame included ("thanked", "the statement read")
        self.all_forms = _by_form(self.verbs)
        self.noun_entries = dict(nouns or {})
        self.prep_entries = dict(prepositions or {})
        #: speech nouns by form ("statement", "statements") and prepositional cues ("according to")
        self.nouns = _by_form(self.noun_entries)
        self.prepositions = _by_form(self.prep_entries)
        #: the first words of the prepositional cues ("according")
        self.preposition_starts = frozenset(f.split()[0] for f in self.prepositions)
        #: nouns of an adjunct that marks speech ("in a *statement*", "on *Twitter*")
        self.adjuncts = adjuncts
        forms = sorted(self.by_form, key=len, reverse=True)
        variants = forms + [f[0].upper() + f[1:] for f in forms]  # sentence-initial "Noting that …"
        body = _trie_regex(variants) if forms else "(?!x)x"
        self._re = re.compile(rf"(?<![\w’'\-])(?:{body})(?![\w’'\-])")
        self.participles = frozenset(f for f in forms if f.endswith("ing"))

    def info(self, form: str) -> VerbInfo | None:
        return self.by_form.get(" ".join(form.lower().split()))

    def verb(self, form: str, lemma: str = "") -> VerbInfo | None:
        """The entry of a verb token: by its form, else by its lemma (when the model gives one)."""
        key = " ".join(form.lower().split())
        return self.all_forms.get(key) or (self.verbs.get(lemma.lower()) if lemma else None)

    def act(self, form: str) -> str | None:
        """The speech act of a cue as written ("accused" -> "ACCUSE"), verb or noun."""
        key = " ".join(form.lower().split())
        info = self.all_forms.get(key) or self.nouns.get(key)
        return info.act if info else None

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[VerbMatch]:
        """Forms in ``text[start:end]``: lower case, or capitalised (sentence-initial participles)."""
        for m in self._re.finditer(text, start, len(text) if end is None else end):
            form = m.group()
            info = self.info(form)
            if info is not None:
                yield VerbMatch(m.start(), m.end(), form, info)

    @classmethod
    def from_data(cls, data: dict[str, Any], base: Lexicon | None = None) -> Lexicon:
        parts = []
        for key, have in (
            ("verbs", base.verbs if base else {}),
            ("nouns", base.noun_entries if base else {}),
            ("prepositions", base.prep_entries if base else {}),
        ):
            entries = dict(have)
            for lemma in data.get("remove", []) or []:
                entries.pop(str(lemma), None)
            for lemma, spec in (data.get(key) or {}).items():
                entries[str(lemma)] = _parse_entry(str(lemma), spec)
            parts.append(entries)
        adjuncts = (base.adjuncts if base else frozenset()) | frozenset(
            str(w).lower() for w in data.get("adjuncts", []) or []
        )
        return cls(parts[0], parts[1], parts[2], adjuncts)


def _by_form(entries: dict[str, VerbInfo]) -> dict[str, VerbInfo]:
    out: dict[str, VerbInfo] = {}
    for info in entries.values():
        for form in info.forms:
            out[form] = info
    return out


def _trie_regex(words: list[str]) -> str:
    """One regex alternation shaped as a trie (an order of magnitude faster than a flat list)."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [
            (r"\s+" if ch == " " else re.escape(ch)) + emit(sub) for ch, sub in sorted(node.items()) if ch
        ]
        if not alts:
            return ""
        optional = "" in node
        body = alts[0] if len(alts) == 1 and not optional else "(?:" + "|".join(alts) + ")"
        return body + "?" if optional else body

    return emit(trie)


def _parse_entry(lemma: str, spec: Any) -> VerbInfo:
    if not isinstance(spec, dict) or not spec.get("forms"):
        raise ConfigError(f"speech verb '{lemma}': an entry needs a 'forms' list")
    frames = frozenset(str(f) for f in spec.get("frames", ["direct", "that"]))
    bad = frames - FRAMES
    if bad:
        raise ConfigError(f"speech verb '{lemma}': unknown frames {sorted(bad)}; known: {sorted(FRAMES)}")
    act = spec.get("act")
    if act is not None and str(act) not in ACTS:
        raise ConfigError(f"speech cue '{lemma}': unknown act {act!r}; known: {sorted(ACTS)}")
    return VerbInfo(
        lemma=lemma,
        forms=tuple(" ".join(str(f).lower().split()) for f in spec["forms"]),
        frames=frames,
        addressee=bool(spec.get("addressee", False)),
        speaker_is_object=spec.get("speaker") == "object",
        objects=frozenset(str(o).lower() for o in spec.get("objects", []) or []),
        ambiguous=frozenset(str(a).lower() for a in spec.get("ambiguous", []) or []),
        act=str(act) if act is not None else None,
        subjects=frozenset(str(o).lower() for o in spec.get("subjects", []) or []),
    )


def _read_yaml(path: str | Path) -> dict[str, Any]:
    """The file's mapping (a file that cannot be read or parsed raises NG042 with its line)."""
    return read_yaml(path)[0]


@lru_cache(maxsize=8)
def _load(paths: tuple[str, ...]) -> Lexicon:
    lex = Lexicon.from_data(_read_yaml(DEFAULT_PATH))
    for p in paths:
        lex = Lexicon.from_data(_read_yaml(p), base=lex)
    return lex


def load_lexicon(*extra: str | Path) -> Lexicon:
    """The bundled lexicon, extended by the given YAML files (cached per combination)."""
    return _load(tuple(str(p) for p in extra))


def default_lexicon() -> Lexicon:
    return _load(())


def load_resource(res: Resources) -> Lexicon:
    extra: Iterable[str] | str | None = res.settings.get("speech_verbs")
    if isinstance(extra, str):
        extra = [extra]
    return load_lexicon(*(extra or ()))
