"""The event lexicon: verb patterns compiled from PETRARCH2's CAMEO dictionary, plus newsgraph's own.

Two data files, read once per process (resource ``event_lexicon``):

* ``data/lexicon/cameo_verbs.json``, compiled by ``scripts/build_event_lexicon.py`` from the
  PETRARCH2 CAMEO verb dictionary (MIT) and the CAMEO-to-PLOVER table (CC BY-SA 4.0): verb lemmas,
  their synonym blocks, and the blocks' patterns (object nouns, prepositional phrases,
  pre-verb nouns), each with a CAMEO code;
* ``data/lexicon/event_verbs.yaml``: newsgraph's own additions and conventions (verbs the
  dictionary lacks, nominal events, codes that the annotation conventions read differently).
  A user file of the same shape (``--lexicon FILE``) is added last and wins.

:class:`EventLexicon` answers one question for the coder: for a verb lemma with these
dependents, which pattern applies (:meth:`EventLexicon.match`)? A pattern whose code is ``---``
says the combination is not an event.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.errors import ConfigError, err
from newsgraph.text.lexicons import LEXICON_DIR, read_yaml

if TYPE_CHECKING:
    from newsgraph.pipeline.registry import Resources

COMPILED = "data/lexicon/cameo_verbs.json"
OWN = "event_verbs.yaml"
#: the PETRARCH2 dictionary file the compiled patterns cite
DICTIONARY = "CAMEO.2.0.txt"
PLOVER_TYPES = frozenset(
    {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    }
)


@dataclass(frozen=True)
class Noun:
    """A pattern noun: a head word or synonym set (``&name``) and words that must modify it."""

    head: str
    mods: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pattern:
    """One verb pattern: nouns before the verb, its objects, its prepositional phrases; a code."""

    pre: tuple[Noun, ...]
    post: tuple[Noun, ...]
    preps: tuple[tuple[str, Noun | None], ...]
    code: str | None
    reverse: str | None
    rule: str

    @cached_property
    def size(self) -> int:
        return len(self.pre) + len(self.post) + sum(2 if n else 1 for _, n in self.preps)

    @cached_property
    def narrowed(self) -> int:
        """How many of its nouns a modifier narrows ("a *medical* mission"): among patterns of one size,
        the narrower is the more specific."""
        nouns = [*self.pre, *self.post, *(n for _, n in self.preps if n is not None)]
        return sum(1 for n in nouns if n.mods)

    @cached_property
    def compiled(self) -> bool:
        """True for a pattern of the PETRARCH2 dictionary (not one of our own or the user's files)."""
        return self.rule.startswith(DICTIONARY)


@dataclass(frozen=True)
class Coding:
    """What a match yields: PLOVER type and mode, the CAMEO code, and the rule that gave it."""

    type: str
    mode: str | None
    cameo: str | None
    rule: str
    reverse: bool = False
    pattern: Pattern | None = None

    @property
    def trip(self) -> bool:
        """A journey (CAMEO 042, "make a visit"), not a meeting."""
        return is_trip(self.cameo)


#: the CAMEO codes of journeys ("visited X", "a trip to X"): done by one side, not together
TRAVEL_CODES = ("042",)


def is_trip(cameo: str | None) -> bool:
    return (cameo or "").startswith(TRAVEL_CODES)


@dataclass
class VerbEntry:
    lemma: str
    block: str
    code: str | None


@dataclass
class EventLexicon:
    """Verb lemmas -> blocks -> patterns, the CAMEO -> PLOVER table, synonym sets, noun events."""

    cameo: dict[str, dict[str, str] | None]
    synsets: dict[str, frozenset[str]]
    verbs: dict[str, VerbEntry]
    blocks: dict[str, dict[str, Any]]
    patterns: dict[str, list[Pattern]]
    forms: dict[str, str]
    nouns: dict[str, dict[str, Any]] = field(default_factory=dict)
    overrides: dict[str, str] = field(default_factory=dict)  # CAMEO code -> PLOVER type (conventions)
    ordered: dict[str, tuple[str, ...]] = field(default_factory=dict)  # section "words" (negation, modals...)
    needs_object: set[str] = field(default_factory=set)  # verbs that are events only with an object
    implicit_agents: dict[str, tuple[str, ...]] = field(default_factory=dict)  # verb -> who does it, passive
    #: verb -> its code when it names no one: done to the source's own state or organisation ("resigned")
    from_own: dict[str, str] = field(default_factory=dict)
    #: verb -> its code when everyone it is done to is a person ("awarded X a medal": an honour)
    person_code: dict[str, str] = field(default_factory=dict)
    #: verb -> its code when it tells someone named to do something ("told X to withdraw": a demand)
    instructs: dict[str, str] = field(default_factory=dict)
    _sets: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)  # words() as sets
    _light: frozenset[str] | None = field(default=None, repr=False)  # the nouns' light verbs
    _ranked: dict[str, tuple[Pattern, ...]] = field(default_factory=dict, repr=False)  # by size, per block
    _objects: dict[int, tuple[frozenset[str], ...]] = field(default_factory=dict, repr=False)  # per pattern
    _eventful: dict[int, bool] = field(default_factory=dict, repr=False)  # pattern id -> names_events
    _own: frozenset[str] | None = field(default=None, repr=False)  # the codes of own-state nouns
    _triggers: dict[str, frozenset[str] | None] = field(default_factory=dict, repr=False)  # per lemma
    _indexes: dict[str, tuple[dict[str, tuple[int, ...]], tuple[int, ...]]] = field(
        default_factory=dict, repr=False
    )  # per block: see _index

    # ---- lookups ---------------------------------------------------------------------------
    def lemma_of(self, form: str) -> str:
        """The verb lemma of a surface form known to the lexicon ("met" -> "meet"), else the form."""
        return self.forms.get(form, form)

    def has_verb(self, lemma: str) -> bool:
        """A verb of the lexicon, or a light verb of one of its event nouns ("leveled criticism")."""
        if lemma in self.verbs:
            return True
        if self._light is None:
            self._light = frozenset(str(v) for spec in self.nouns.values() for v in spec.get("light") or ())
        return lemma in self._light

    def words(self, name: str) -> frozenset[str]:
        """A word list of the lexicon's ``words`` section ("negation", "modals", "target_cases"...)."""
        got = self._sets.get(name)
        if got is None:
            got = self._sets[name] = frozenset(self.ordered.get(name, ()))
        return got

    def own_state_codes(self) -> frozenset[str]:
        """The codes of the event nouns done to the source's own state ("a state of emergency")."""
        if self._own is None:
            self._own = frozenset(str(s.get("code")) for s in self.nouns.values() if s.get("own_state"))
        return self._own

    def noun_spec(self, lemma: str, form: str) -> dict[str, Any] | None:
        """The ``nouns`` entry of a word, by its lemma, else its lower-case form ("talks")."""
        return self.nouns.get(lemma.lower()) or self.nouns.get(form.lower())

    def noun_coding(self, spec: dict[str, Any]) -> Coding | None:
        """The coding of a ``nouns`` entry: its CAMEO code's, with the entry's own type and mode."""
        c = self.coding(str(spec.get("code") or ""), spec["rule"])
        if c is not None and spec.get("type"):
            return Coding(spec["type"], spec.get("mode") or c.mode, c.cameo, c.rule)
        return c

    def noun_words(self, noun: Noun) -> frozenset[str]:
        """The words a pattern noun's head stands for (a synonym set expands)."""
        if noun.head.startswith("&"):
            return self.synsets.get(noun.head[1:], frozenset())
        return _with_plurals(noun.head)

    def object_words(self, p: Pattern) -> tuple[frozenset[str], ...]:
        """The words each object noun of ``p`` stands for (its slots left out), computed once per pattern
        of :meth:`ranked` (which the lexicon keeps for its lifetime, so a pattern's id stays its own)."""
        got = self._objects.get(id(p))
        if got is None:
            got = tuple(self.noun_words(n) for n in p.post if not n.head.startswith("+"))
            self._objects[id(p)] = got
        return got

    def names_events(self, p: Pattern) -> bool:
        """Whether an object noun of ``p`` is an event noun of the noun lexicon ("the attack", "talks"),
        computed once per pattern, as :meth:`object_words`."""
        got = self._eventful.get(id(p))
        if got is None:
            words = (w for n in p.post for w in self.noun_words(n))
            got = self._eventful[id(p)] = any(w in self.nouns or w.rstrip("s") in self.nouns for w in words)
        return got

    def coding(
        self, code: str | None, rule: str, *, reverse: bool = False, pattern: Pattern | None = None
    ) -> Coding | None:
        """The PLOVER coding of a CAMEO code, or None (no event: ``---``, a statement, unknown)."""
        if not code or code == "---":
            return None
        pl = self.cameo.get(code)
        typ = self.overrides.get(code) or (pl or {}).get("type")
        if not typ:
            return None
        mode = (pl or {}).get("mode") or None
        return Coding(typ, mode, code, rule, reverse, pattern)

    def verb_coding(self, lemma: str) -> Coding | None:
        """The verb's own code (its line, else its block's), without any pattern."""
        v = self.verbs.get(lemma)
        if v is None:
            return None
        b = self.blocks[v.block]
        code = v.code or b.get("code")
        return self.coding(code, f"verb {lemma} [{code}] ({v.block})")

    def triggers(self, lemma: str) -> frozenset[str] | None:
        """Words one of which the verb's sentence must have for the verb to code anything: the words
        that let one of its patterns match (see :meth:`plausible`) and the event nouns it is a light
        verb of. None where the verb may code without any such word: it has a code of its own, a
        pattern of slots only, or a reading of its own (``naming``, ``citing``, ``easing``,
        ``instructs``). Computed once per lemma."""
        if lemma in self._triggers:
            return self._triggers[lemma]
        own = ("naming", "citing", "easing")
        got: frozenset[str] | None = None
        by_word, free = self._index(lemma)
        if not free and self.verb_coding(lemma) is None and lemma not in self.instructs and not any(
            lemma in self.words(w) for w in own
        ):
            doing = ("light", "received")  # "held talks", "came under criticism"
            light = {n for n, s in self.nouns.items() if any(lemma in (s.get(k) or ()) for k in doing)}
            got = frozenset(by_word) | light
        self._triggers[lemma] = got
        return got

    def plausible(self, lemma: str, words: AbstractSet[str]) -> tuple[Pattern, ...]:
        """The verb's :meth:`ranked` patterns that may match in a sentence of ``words`` (its lower-case
        forms and lemmas): each pattern needs one of the words of a literal noun of its own (an
        object's, else a prepositional phrase's, else a subject's; a compound by its last word), which
        every phrase of the clause has among them; a pattern of slots only may always match."""
        by_word, free = self._index(lemma)
        hits = set(free)
        for w in words & by_word.keys():
            hits.update(by_word[w])
        ranked = self.ranked(lemma)
        return tuple(ranked[i] for i in sorted(hits))

    def _index(self, lemma: str) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
        """The places in :meth:`ranked` of the patterns each word may let match, and of those that need
        no word; computed once per block."""
        v = self.verbs.get(lemma)
        if v is None:
            return {}, ()
        got = self._indexes.get(v.block)
        if got is None:
            by_word: dict[str, list[int]] = {}
            free = []
            for i, p in enumerate(self.ranked(lemma)):
                need = self._needed(p)
                for w in need:
                    by_word.setdefault(w, []).append(i)
                if not need:
                    free.append(i)
            got = self._indexes[v.block] = ({w: tuple(i) for w, i in by_word.items()}, tuple(free))
        return got

    def _needed(self, p: Pattern) -> frozenset[str]:
        """The last words of the words of one literal noun ``p`` needs (not a slot), or none."""
        for nouns in (p.post, [n for _, n in p.preps if n is not None], p.pre):
            literal = [n for n in nouns if not n.head.startswith("+")]
            if literal:
                return frozenset(w.split()[-1] for w in self.noun_words(literal[0]))
        return frozenset()

    def candidates(self, lemma: str) -> Sequence[Pattern]:
        """The verb's patterns, in file order."""
        v = self.verbs.get(lemma)
        return self.patterns.get(v.block, ()) if v else ()

    def ranked(self, lemma: str) -> tuple[Pattern, ...]:
        """The verb's patterns, the largest first (the narrower, then file order, among equal sizes): the
        first that matches is the most specific. Sorted once per block."""
        v = self.verbs.get(lemma)
        if v is None:
            return ()
        if v.block not in self._ranked:
            ranked = sorted(self.candidates(lemma), key=lambda p: (-p.size, -p.narrowed))
            self._ranked[v.block] = tuple(ranked)
        return self._ranked[v.block]


def noun_variant(spec: dict[str, Any], words: set[str]) -> dict[str, Any]:
    """The reading of a noun entry that a modifier selects ("a *general* strike", "a *hunger*
    strike": a protest, not the entry's air strike): the first of its ``variants`` with one of its
    ``mods`` among ``words`` (the noun's left modifiers), else the entry."""
    for v in spec.get("variants") or ():
        hit = sorted(words & set(v["mods"]))
        if hit:  # (its mods kept: the light verbs' phrases are read by the noun's coder)
            return {**v, "rule": f"{spec['rule']} ({hit[0]})"}
    return spec


@lru_cache(maxsize=8192)
def _with_plurals(word: str) -> frozenset[str]:
    out = {word}
    last = word.rsplit(" ", 1)[-1]
    stem = word[: len(word) - len(last)]
    if last.endswith("y") and len(last) > 2 and last[-2] not in "aeiou":
        out.add(stem + last[:-1] + "ies")
    elif last.endswith(("ss", "sh", "ch", "x")):
        out.add(stem + last + "es")
    elif not last.endswith("s"):
        out.add(stem + last + "s")
    return frozenset(out)


# ---- loading ------------------------------------------------------------------------------------
def _noun(d: dict[str, Any] | None) -> Noun | None:
    if not d:
        return None
    return Noun(str(d["head"]).lower(), tuple(str(m).lower() for m in d.get("mods") or ()))


def _pattern(p: dict[str, Any], rule: str) -> Pattern:
    return Pattern(
        pre=tuple(n for n in (_noun(x) for x in p.get("pre") or ()) if n),
        post=tuple(n for n in (_noun(x) for x in p.get("post") or ()) if n),
        preps=tuple((str(x["prep"]).lower(), _noun(x.get("noun"))) for x in p.get("preps") or ()),
        code=p.get("code"),
        reverse=p.get("reverse"),
        rule=rule,
    )


def _compiled() -> dict[str, Any]:
    return json.loads(resources.files("newsgraph").joinpath(COMPILED).read_text("utf-8"))


def build_lexicon(extra: Iterable[Path | str] = ()) -> EventLexicon:
    """The compiled PETRARCH2 lexicon, newsgraph's own additions, then the user's files."""
    data = _compiled()
    lex = EventLexicon(
        cameo=dict(data["cameo"]),
        synsets={k: frozenset(v) for k, v in data["synsets"].items()},
        verbs={k: VerbEntry(k, v["block"], v.get("code")) for k, v in data["verbs"].items()},
        blocks={k: {"code": b.get("code"), "reverse": b.get("reverse")} for k, b in data["blocks"].items()},
        patterns={
            k: [_pattern(p, f"{DICTIONARY}:{p['line']} ({k})") for p in b["patterns"]]
            for k, b in data["blocks"].items()
        },
        forms={},
    )
    for lemma, v in data["verbs"].items():
        for f in v.get("forms") or ():
            lex.forms.setdefault(f, lemma)
    for path in (LEXICON_DIR / OWN, *extra):
        add_file(lex, path)
    return lex


def add_file(lex: EventLexicon, path: Path | str) -> None:
    """Add one lexicon file of the ``event_verbs.yaml`` shape (see its header for the format)."""
    data, lines = read_yaml(path, text_only=True)  # "no", "on", "163" stay text
    lex._light = lex._own = None  # its nouns may bring light verbs and own-state codes
    lex._triggers.clear()  # ... and its verbs' patterns
    lex._indexes.clear()
    for code, typ in (data.get("plover") or {}).items():
        if typ not in PLOVER_TYPES:
            raise ConfigError(
                *err(
                    "NG042",
                    path=path,
                    line=lines.get("plover", 0),
                    reason=f"plover.{code}: unknown PLOVER type {typ!r}",
                )
            )
        lex.overrides[str(code)] = typ
    for code, spec in (data.get("codes") or {}).items():
        lex.cameo[str(code)] = {
            "type": spec["type"],
            "mode": spec.get("mode") or "",
            "label": spec.get("label", ""),
        }
    for name, words in (data.get("words") or {}).items():
        old = lex.ordered.get(str(name), ())
        lex.ordered[str(name)] = tuple(dict.fromkeys([*old, *(str(w).lower() for w in words)]))
    lex._sets.clear()  # words() sets are rebuilt from the merged lists
    for name, words in (data.get("synsets") or {}).items():  # PETRARCH synonym sets extended
        lex.synsets[str(name)] = lex.synsets.get(str(name), frozenset()) | {str(w).lower() for w in words}
    for lemma, spec in (data.get("verbs") or {}).items():
        _add_verb(lex, path, str(lemma).lower(), spec or {})
    for lemma in data.get("generic") or ():
        v = lex.verbs.get(str(lemma).lower())
        if v is not None:
            v.code = "---"  # the block's patterns still apply
    for noun, spec in (data.get("nouns") or {}).items():
        lex.nouns[str(noun).lower()] = dict(spec or {}, rule=f"{Path(str(path)).name}: noun {noun}")


def _add_verb(lex: EventLexicon, path: Path | str, lemma: str, spec: dict[str, Any]) -> None:
    block = spec.get("block") or (lex.verbs[lemma].block if lemma in lex.verbs else f"own:{lemma}")
    if block not in lex.blocks:
        parent = spec.get("extends")
        if parent is not None and parent not in lex.blocks:
            reason = f"verbs.{lemma}: extends the unknown block {parent!r} (a block of cameo_verbs.json)"
            raise ConfigError(*err("NG042", path=path, line=0, reason=reason))
        base = lex.blocks[parent] if parent else {}
        lex.blocks[block] = {k: spec.get(k, base.get(k)) for k in ("code", "reverse")}
        lex.patterns.setdefault(block, list(lex.patterns.get(parent, [])) if parent else [])
    code = spec.get("code", lex.verbs[lemma].code if lemma in lex.verbs else None)
    lex.verbs[lemma] = VerbEntry(lemma, block, code)
    if str(spec.get("object", "")).lower() == "true":
        lex.needs_object.add(lemma)
    if spec.get("from_own"):
        lex.from_own[lemma] = str(spec["from_own"])
    if spec.get("person_code"):
        lex.person_code[lemma] = str(spec["person_code"])
    if spec.get("instructs"):
        lex.instructs[lemma] = str(spec["instructs"])
    if spec.get("agents"):
        lex.implicit_agents[lemma] = tuple(str(a).lower() for a in spec["agents"])
    for f in spec.get("forms") or ():
        lex.forms[str(f).lower()] = lemma
    name = Path(str(path)).name
    own = [_pattern(p, f"{name}: {lemma} {p.get('note') or ''}".rstrip()) for p in spec.get("patterns") or ()]
    lex.patterns[block] = own + lex.patterns.get(block, [])


@lru_cache(maxsize=4)
def _cached(extra: tuple[str, ...]) -> EventLexicon:
    return build_lexicon(extra)


def load_lexicon(extra: Iterable[Path | str] = ()) -> EventLexicon:
    """The event lexicon (cached per list of extra files)."""
    return _cached(tuple(str(p) for p in extra))


def load_resource(res: Resources) -> EventLexicon:
    """Resource ``event_lexicon``: bundled lexicons plus setting ``event_lexicons`` (``--lexicon``)."""
    extra = res.settings.get("event_lexicons") or []
    if isinstance(extra, str):
        extra = [extra]
    return load_lexicon(extra)
