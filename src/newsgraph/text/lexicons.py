"""The one loader of newsgraph's word lists (``data/lexicon/*.yaml``).

Every word list, title list, cue-word list, heading or dateline pattern the rules use is data: a
YAML file under ``src/newsgraph/data/lexicon/`` whose header comment says what each list is for.
Code asks for a list by ``"<file>.<key>"``::

    words("actors.title_heads")      -> frozenset of words (a text is split on whitespace)
    phrases("english.weekdays")      -> tuple of entries as written, in file order
    table("actors.org_descriptions") -> dict (a mapping, as written)
    word_table("actors.org_descriptions") -> dict of frozensets (each value split on whitespace)
    pattern("dates.event_nouns")     -> regular-expression source (a list is joined with "|")

File format: a mapping of keys to values. A value is a text (a block ``|`` text of words separated
by spaces or line breaks), a list of texts (one entry per item; multi-word entries allowed), or a
mapping. Every scalar is read as text: ``no``, ``on``, ``yes``, ``null`` and ``24`` are words, never
booleans or numbers. Files are read once per process; a malformed file stops the run with
:class:`~newsgraph.errors.ConfigError` NG042 naming the file and line.

**Extending** (without editing the bundled files): list your own YAML files in the environment
variable ``NEWSGRAPH_LEXICONS`` (paths separated by ``os.pathsep``; set it before the run starts,
worker processes inherit it). A user file names the bundled file it extends and has its shape::

    extends: actors              # data/lexicon/actors.yaml
    title_heads: ombudsman       # added to the bundled list (a list: a text is one more entry;
                                 # a mapping: entries added or replaced)
    remove:
      title_heads: analyst       # dropped from the bundled list (tables: the keys named)

Bundled word-list files: ``english`` (calendar and grammar words several stages share, through
:mod:`newsgraph.text.vocabulary`), ``actors``, ``quotes``, ``dates``, ``names`` (name matching) and
``boilerplate`` (article cleaning). The structured lexicons have loaders of their own that read
their files through :func:`read_yaml`: ``speech_verbs`` (:mod:`newsgraph.text.speechverbs`) and the
event coder's ``event_verbs`` (:mod:`newsgraph.events.cameo`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from newsgraph.errors import ConfigError, err

LEXICON_DIR = Path(__file__).resolve().parents[1] / "data" / "lexicon"
ENV = "NEWSGRAPH_LEXICONS"


class _TextLoader(yaml.SafeLoader):
    """A safe loader for which every scalar is text (no booleans, numbers or nulls)."""


_TextLoader.yaml_implicit_resolvers = {}


def _error(path: Path | str, line: int, reason: str) -> ConfigError:
    msg, code = err("NG042", path=path, line=line, reason=reason)
    e = ConfigError(msg, code=code)
    e.path, e.line = str(path), line  # type: ignore[attr-defined]
    return e


def read_yaml(path: Path | str, *, text_only: bool = False) -> tuple[dict[str, Any], dict[str, int]]:
    """A YAML mapping and the line of each top-level key. ``text_only`` reads every scalar as
    text. A file that cannot be read, is not YAML or is not a mapping raises NG042 with its line."""
    try:
        src = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise _error(path, 0, f"cannot read the file ({e})") from e
    loader = (_TextLoader if text_only else yaml.SafeLoader)(src)
    try:
        node = loader.get_single_node()
        _no_duplicate_keys(node, path)
        data = loader.construct_document(node) if node is not None else {}
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark is not None else 0
        raise _error(path, line, f"not valid YAML: {e.problem or e.context}") from e
    except yaml.YAMLError as e:
        raise _error(path, 0, f"not valid YAML: {e}") from e
    finally:
        loader.dispose()
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise _error(path, 1, "expected a mapping (names and their values) at the top level")
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for k, _ in node.value:
            lines[str(k.value)] = k.start_mark.line + 1
    return data, lines


def _no_duplicate_keys(node: yaml.Node | None, path: Path | str) -> None:
    """YAML keeps the last of two equal keys without a word: a second entry for one verb would
    silently replace the first. Raise NG042 at the second instead."""
    stack = [node] if node is not None else []
    while stack:
        n = stack.pop()
        if isinstance(n, yaml.MappingNode):
            seen: set[str] = set()
            for k, v in n.value:
                key = str(k.value) if isinstance(k, yaml.ScalarNode) else ""
                if key and key != "<<" and key in seen:
                    reason = f"the key '{key}' is given twice (the first would be lost)"
                    raise _error(path, k.start_mark.line + 1, reason)
                seen.add(key)
                stack.append(v)
        elif isinstance(n, yaml.SequenceNode):
            stack.extend(n.value)


def _check(value: Any, path: Path | str, line: int, key: str) -> None:
    """A value is text, a list of texts, or a mapping of texts to such values."""
    if isinstance(value, str):
        return
    if isinstance(value, list):
        for item in value:
            if not isinstance(item, str):
                raise _error(path, line, f"'{key}': a list holds texts, not {type(item).__name__} ({item!r})")
        return
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, dict):
                raise _error(path, line, f"'{key}.{k}': nested mappings are not allowed")
            _check(v, path, line, f"{key}.{k}")
        return
    raise _error(path, line, f"'{key}': expected a text, a list or a mapping, not {type(value).__name__}")


class _File:
    """One bundled lexicon file with the user files that extend it."""

    def __init__(self, name: str, path: Path) -> None:
        self.name, self.path = name, path
        data, lines = read_yaml(path, text_only=True)
        for key, value in data.items():
            _check(value, path, lines.get(key, 0), key)
        self.data: dict[str, Any] = data
        self.where: dict[str, tuple[Path | str, int]] = {k: (path, lines.get(k, 0)) for k in data}

    def extend(self, path: str, data: dict[str, Any], lines: dict[str, int]) -> None:
        remove = data.get("remove") or {}
        if not isinstance(remove, dict):
            raise _error(path, lines.get("remove", 0), "'remove' maps list names to the entries to drop")
        for key, value in data.items():
            if key in ("extends", "remove"):
                continue
            line = lines.get(key, 0)
            _check(value, path, line, key)
            self.data[key] = _merge(self.data.get(key), value, path, line, key)
            self.where[key] = (path, line)
        for key, value in remove.items():
            line = lines.get("remove", 0)
            _check(value, path, line, key)
            if key not in self.data:
                raise _error(path, line, f"remove: '{key}' is not a list of {self.name}")
            self.data[key] = _drop(self.data[key], value)

    def get(self, key: str) -> tuple[Any, Path | str, int]:
        if key not in self.data:
            known = ", ".join(sorted(self.data))
            raise ConfigError(*err("NG043", name=f"{self.name}.{key}", path=self.path, known=known))
        path, line = self.where[key]
        return self.data[key], path, line


def _split(value: Any) -> list[str]:
    if isinstance(value, str):
        return value.split()
    return [str(v) for v in value]


def _merge(old: Any, new: Any, path: str, line: int, key: str) -> Any:
    if old is None:
        return new
    if isinstance(old, dict):
        if not isinstance(new, dict):
            raise _error(path, line, f"'{key}' extends a mapping: give a mapping")
        return {**old, **new}
    if isinstance(new, dict):
        raise _error(path, line, f"'{key}' extends a list: give a text or a list")
    if isinstance(old, str):  # a word list: the new words are added
        return old + "\n" + (new if isinstance(new, str) else "\n".join(new))
    return old + ([new] if isinstance(new, str) else new)  # a list: one entry or several added


def _drop(old: Any, gone: Any) -> Any:
    drop = set(_split(gone) if not isinstance(gone, dict) else gone)
    if isinstance(old, dict):
        return {k: v for k, v in old.items() if k not in drop}
    if isinstance(old, str):
        return " ".join(w for w in old.split() if w not in drop)
    return [w for w in old if w not in drop]


def user_files() -> tuple[str, ...]:
    """The user lexicon files named by ``NEWSGRAPH_LEXICONS``."""
    return tuple(p for p in os.environ.get(ENV, "").split(os.pathsep) if p.strip())


@lru_cache(maxsize=64)
def _file(name: str, extra: tuple[str, ...]) -> _File:
    path = LEXICON_DIR / f"{name}.yaml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in LEXICON_DIR.glob("*.yaml")))
        raise ConfigError(*err("NG043", name=name, path=LEXICON_DIR, known=known))
    f = _File(name, path)
    for user in extra:
        data, lines = _user_file(user)
        if data.get("extends") == name:
            f.extend(user, data, lines)
    return f


@lru_cache(maxsize=16)
def _user_file(path: str) -> tuple[dict[str, Any], dict[str, int]]:
    data, lines = read_yaml(path, text_only=True)
    target = data.get("extends")
    if not isinstance(target, str) or not (LEXICON_DIR / f"{target}.yaml").is_file():
        known = ", ".join(sorted(p.stem for p in LEXICON_DIR.glob("*.yaml")))
        raise _error(path, lines.get("extends", 1), f"'extends' must name a bundled lexicon ({known})")
    return data, lines


def _lookup(name: str, files: Iterable[str] | None = None) -> tuple[Any, Path | str, int]:
    file, _, key = name.partition(".")
    if not key:
        raise ValueError(f"lexicon names are '<file>.<key>', not {name!r}")
    return _file(file, tuple(user_files() if files is None else files)).get(key)


def words(name: str, files: Iterable[str] | None = None) -> frozenset[str]:
    """The entries of list ``name`` ("file.key") as a set (a text is split on whitespace)."""
    value, path, line = _lookup(name, files)
    if isinstance(value, dict):
        raise _error(path, line, f"'{name}' is a mapping, expected a word list")
    return frozenset(_split(value))


def phrases(name: str, files: Iterable[str] | None = None) -> tuple[str, ...]:
    """The entries of list ``name`` in file order (a text is split on whitespace)."""
    value, path, line = _lookup(name, files)
    if isinstance(value, dict):
        raise _error(path, line, f"'{name}' is a mapping, expected a list")
    return tuple(_split(value))


def table(name: str, files: Iterable[str] | None = None) -> dict[str, Any]:
    """The mapping ``name`` as written (values are texts or lists of texts)."""
    value, path, line = _lookup(name, files)
    if not isinstance(value, dict):
        raise _error(path, line, f"'{name}' is a list, expected a mapping")
    return dict(value)


def word_table(name: str, files: Iterable[str] | None = None) -> dict[str, frozenset[str]]:
    """The mapping ``name`` with every value split into a set of words."""
    return {k: frozenset(_split(v)) for k, v in table(name, files).items()}


@lru_cache(maxsize=512)
def _pattern(name: str, files: tuple[str, ...]) -> str:
    value, path, line = _lookup(name, files)
    if isinstance(value, dict):
        raise _error(path, line, f"'{name}' is a mapping, expected a regular expression")
    src = value if isinstance(value, str) else "|".join(value)
    try:
        re.compile(src)
    except re.error as e:
        raise _error(path, line, f"'{name}' is not a valid regular expression: {e}") from e
    return src


def pattern(name: str, files: Iterable[str] | None = None) -> str:
    """The regular-expression source ``name``: a text as written, or a list of alternatives joined
    with ``|`` (the code puts it in a group of its own)."""
    return _pattern(name, tuple(user_files() if files is None else files))


def alternation(items: Iterable[str]) -> str:
    """A regex alternation of literal entries, longest first; a space matches any whitespace."""
    return "|".join(
        r"\s+".join(re.escape(w) for w in item.split()) for item in sorted(set(items), key=len, reverse=True)
    )


#: entries longer than this are tried before the trie of :func:`literal_union` (bounded nesting)
_TRIE_DEPTH = 100


def literal_union(items: Iterable[str]) -> str:
    """A regular expression matching any of ``items`` literally, longest first at each position (as a
    longest-first alternation does), written as a trie: each character is compared once, so a union
    of thousands of names scans a long text in time proportional to the text, not to the names."""
    entries = sorted(set(items), key=len, reverse=True)
    long = [re.escape(w) for w in entries if len(w) > _TRIE_DEPTH]
    trie: dict[str, Any] = {}
    for w in entries:
        if 0 < len(w) <= _TRIE_DEPTH:
            node = trie
            for ch in w:
                node = node.setdefault(ch, {})
            node[""] = {}
    body = _trie(trie)
    parts = long + ([body] if body else [])
    return "|".join(parts) if parts else "(?!)"


#: at most this many entries are found by :class:`Literals` with ``str.find`` (a few per document);
#: more, through an index keyed by their first run of word characters
FEW_LITERALS = 64
#: a run of word characters (as ``\\w``) and hyphens: the text's words as :class:`Literals` sees them
_RUN = re.compile(r"[\w-]+")


class Literals:
    """``Literals(items).spans(text, start, end)``: where ``items`` occur in ``text[start:end]`` as whole
    words (no letter, digit, "_" or "-" on either side), left to right, the longest at each place,
    none overlapping: what ``finditer`` of their :func:`literal_union` between word bounds finds.
    Linear in the text, with nothing to compile (a document's names change with each document): a
    few items are each looked for with ``str.find``; more are indexed by their first run of word
    characters, which is the text's run wherever they occur as whole words, so each run of the
    text is looked up once."""

    def __init__(self, items: Collection[str]) -> None:
        words = [w for w in items if w]
        self._few = words  # (looked for one by one with ``str.find``)
        self._by_run: dict[str, list[str]] = {}  # first run of word characters -> items, longest first
        if len(words) > FEW_LITERALS:
            self._few = []  # (but an item opening with another character)
            for w in sorted(set(words), key=len, reverse=True):
                run = _RUN.match(w)
                if run is None:
                    self._few.append(w)
                else:
                    self._by_run.setdefault(run.group(), []).append(w)

    def spans(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        hits = self._found(text, start, end) + self._indexed(text, start, end)
        hits.sort(key=lambda h: (h[0], -h[1]))
        out: list[tuple[int, int]] = []
        for a, b in hits:
            if not out or a >= out[-1][1]:
                out.append((a, b))
        return out

    def _found(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        hits = []
        for item in self._few:
            at = text.find(item, start, end)
            while at >= 0:
                stop = at + len(item)
                if not _wordy(text, at - 1) and not _wordy(text, stop, end):
                    hits.append((at, stop))
                at = text.find(item, at + 1, end)
        return hits

    def _indexed(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        if not self._by_run:
            return []
        hits = []
        for m in _RUN.finditer(text, start, end):
            at = m.start()
            if at == start and _wordy(text, at - 1):
                continue  # (the run goes on before ``start``)
            for item in self._by_run.get(m.group(), ()):  # the longest first
                stop = at + len(item)
                if stop <= end and text.startswith(item, at) and not _wordy(text, stop, end):
                    hits.append((at, stop))
                    break
        return hits


def _wordy(text: str, i: int, end: int | None = None) -> bool:
    """A word character (as the regular expressions' ``\\w``) or a hyphen at ``text[i]`` (before
    ``end``)."""
    if i < 0 or i >= (len(text) if end is None else end):
        return False
    ch = text[i]
    return ch.isalnum() or ch in "_-"


def _trie(node: dict[str, Any]) -> str:
    branches = []
    for ch in sorted(k for k in node if k):
        run, child = re.escape(ch), node[ch]
        while len(child) == 1 and "" not in child:  # a chain without choices: one literal run
            (nxt, child), = child.items()
            run += re.escape(nxt)
        branches.append(run + _trie(child))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def clear_cache() -> None:
    """Forget the files read so far (tests; a changed ``NEWSGRAPH_LEXICONS``). Lists that modules
    copied into constants at import keep their values."""
    _file.cache_clear()
    _user_file.cache_clear()
    _pattern.cache_clear()
