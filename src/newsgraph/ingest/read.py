"""Pipeline step 1, *ingest*: turn files, directories and stdin into :class:`Document` objects.

:func:`iter_documents` streams one item per input document: a :class:`Document`, or an
:class:`InputError` for an input that cannot be read (it never raises for bad input).

Text conventions (offsets of every later stage index into ``Document.text``):

* text is decoded (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252, Latin-1)
  and otherwise kept as read, except that newlines are normalised to ``"\\n"`` (``"\\r\\n"``
  and lone ``"\\r"``), as Python's universal-newline ``open()`` does; a leading BOM is dropped;
* ``.html``/``.htm``: the text is trafilatura's main-text extraction, paragraphs separated
  by blank lines; offsets index into that extracted text, not into the HTML;
* ``.json``/``.jsonl``: the ``text`` field, newlines normalised the same way.
"""

from __future__ import annotations

import email.utils
import functools
import io
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from datetime import datetime
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError, err
from newsgraph.models import Document
from newsgraph.text import lexicons
from newsgraph.text.util import doc_id

SUFFIXES = {".txt", ".html", ".htm", ".json", ".jsonl"}
SIDECAR = ".meta.json"
FOLDER_META = "metadata.json"  # {"FILE.txt": {...metadata...}} for the files of one folder
META_FIELDS = ("title", "url", "outlet", "published", "id")
STDIN = "<stdin>"

_NEWLINES = re.compile(r"\r\n?")
_C0 = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13))  # control bytes, not whitespace
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_CP1252_HOLES = {0xDC00 + b: b for b in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}  # bytes cp1252 leaves undefined
_LANG_NAMES: dict[str, str] = lexicons.table("english.language_names")
# frequent English function words that other common languages rarely use
_EN_WORDS = lexicons.words("english.english_markers")


def _error(source: object, code: str, **kwargs: object) -> InputError:
    message, code = err(code, **kwargs)
    return InputError(str(source), message, code=code)


# ---------------------------------------------------------------- decoding


def decode_bytes(data: bytes, source: str) -> str:
    """Decode ``data`` (UTF-8/BOM, UTF-16/BOM, Windows-1252, plausible Latin-1) and
    normalise newlines. Raises :class:`InputError` NG003 (binary), NG004 (undecodable)
    or NG002 (empty/whitespace only)."""
    text: str | None = None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            text = None
    if text is None:
        sample = data[:65536]
        if b"\x00" in sample or len(sample) - len(sample.translate(None, _C0)) > 0.1 * len(sample):
            raise _error(source, "NG003")
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    if text is None:  # Windows-1252 with Latin-1 for its undefined bytes (what browsers do)
        text = data.decode("cp1252", errors="surrogateescape").translate(_CP1252_HOLES)
        if len(_CONTROL_CHARS.findall(text)) > 0.01 * len(text):
            raise _error(source, "NG004")
    text = _NEWLINES.sub("\n", text.lstrip("\ufeff"))
    if not text.strip():
        raise _error(source, "NG002")
    return text


def _stat_size(path: Path, source: str) -> int:
    try:
        st = path.stat()
    except FileNotFoundError:
        raise _error(source, "NG012") from None
    except OSError as e:
        raise _error(source, "NG001", reason=e.strerror or str(e)) from None
    if not path.is_file():
        raise _error(source, "NG001", reason="not a regular file")
    return st.st_size


def read_text_file(path: Path, max_bytes: int) -> str:
    """Read and decode one text file with the rules of :func:`decode_bytes`.

    The size is checked before reading (NG005); raises :class:`InputError` with
    ``source`` = the path for every problem (NG001, NG002, NG003, NG004, NG005, NG012)."""
    source = str(path)
    size = _stat_size(path, source)
    if size > max_bytes:
        raise _error(source, "NG005", size=size, limit=max_bytes)
    if size == 0:
        raise _error(source, "NG002")
    try:
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as e:
        raise _error(source, "NG001", reason=e.strerror or str(e)) from None
    if len(data) > max_bytes:
        raise _error(source, "NG005", size=len(data), limit=max_bytes)
    return decode_bytes(data, source)


# ---------------------------------------------------------------- fields


_DATE_FORMATS = (
    "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%d %B, %Y",
    "%A, %B %d, %Y", "%a, %b %d, %Y", "%A %d %B %Y", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d",
)


def normalise_date(value: str) -> str | None:
    """``YYYY-MM-DD`` for an ISO date/datetime, an RFC 2822 date or a common written
    form ("March 28, 2024", "28 Mar. 2024", "Thursday, March 28, 2024"); else None."""
    s = value.strip()
    iso = s[:-1] + "+00:00" if s.endswith(("Z", "z")) else s
    try:
        return datetime.fromisoformat(iso).date().isoformat()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    s = re.sub(r"\b(\d{1,2})(?:st|nd|rd|th)\b", r"\1", s)
    s = re.sub(r"\bSept\b", "Sep", s)
    s = re.sub(r"\s+", " ", s.replace(".", " " if re.search(r"[A-Za-z]", s) else ".")).strip()
    s = s.replace(" ,", ",")
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(s, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _apply_fields(fields: dict[str, Any], into: dict[str, Any], source: str, where: str = "") -> None:
    """Validate the known metadata ``fields`` and copy them (normalised) into ``into``."""
    for name in ("title", "url", "outlet"):
        if fields.get(name) is not None:
            if not isinstance(fields[name], str):
                raise _error(source, "NG014", field=name, expected="a string", where=where)
            into[name] = fields[name].strip() or None
    rid = fields.get("id")
    if rid is not None:
        if not isinstance(rid, (str, int)) or isinstance(rid, bool):
            raise _error(source, "NG014", field="id", expected="a string or an integer", where=where)
        into["source_id"] = str(rid)
    pub = fields.get("published")
    if pub is not None:
        date = normalise_date(pub) if isinstance(pub, str) else None
        if date is None:
            expected = f"a date such as 2024-03-28 (got {json.dumps(pub)})"
            raise _error(source, "NG014", field="published", expected=expected, where=where)
        into["published"] = date


@functools.lru_cache(maxsize=32)
def _folder_meta(folder: Path, mtime: float) -> dict[str, Any] | InputError:
    side = folder / FOLDER_META
    try:
        data = json.loads(read_text_file(side, 50_000_000))
    except InputError as e:
        return _error(side, "NG013", sidecar=FOLDER_META, reason=e.message)
    except json.JSONDecodeError as e:
        return _error(side, "NG013", sidecar=FOLDER_META, reason=f"malformed JSON: {e}")
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        return _error(side, "NG013", sidecar=FOLDER_META, reason="must map file names to JSON objects")
    return data


def _read_sidecar(path: Path, max_bytes: int, source: str) -> dict[str, Any] | None:
    """The parsed ``NAME.meta.json`` beside ``path``, else the file's entry in the folder's
    ``metadata.json``, or None; problems are NG013."""
    side = path.with_name(path.name[: -len(path.suffix)] + SIDECAR)
    if not side.is_file():
        folder = path.parent / FOLDER_META
        if not folder.is_file():
            return None
        meta = _folder_meta(path.parent.resolve(), folder.stat().st_mtime)
        if isinstance(meta, InputError):
            raise _error(source, "NG013", sidecar=FOLDER_META, reason=meta.message)
        return meta.get(path.name)
    try:
        data = json.loads(read_text_file(side, max_bytes))
    except InputError as e:
        raise _error(source, "NG013", sidecar=side.name, reason=e.message) from None
    except json.JSONDecodeError as e:
        raise _error(source, "NG013", sidecar=side.name, reason=f"malformed JSON: {e}") from None
    if not isinstance(data, dict):
        raise _error(source, "NG013", sidecar=side.name, reason="must be a JSON object")
    return data


def _first_line(text: str) -> str | None:
    return next((ln.strip() for ln in text.split("\n") if ln.strip()), None)


# ---------------------------------------------------------------- language


@functools.lru_cache(maxsize=1)
def _language_identifier() -> Any:
    """py3langid's bundled model with normalised probabilities, loaded once on first use."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float] | None:
    """``(lang, prob)`` for a confidently non-English text, ``("en", prob)`` otherwise;
    None when the text is too short (< 20 words) to judge."""
    sample = text[:3000]
    words = re.findall(r"\w+", sample.lower())
    if len(words) < 20:
        return None
    english_share = sum(w in _EN_WORDS for w in words) / len(words)
    if english_share >= 0.08:  # plainly English: never refused, so the classifier is not needed
        return "en", 1.0
    lang, prob = _language_identifier().classify(sample)
    if lang != "en" and prob > 0.9:
        return lang, float(prob)
    return "en", float(prob)


def _check_language(doc: Document, source: str) -> Document | InputError:
    found = detect_language(doc.text)
    if found is not None and found[0] != "en":
        name = f"{found[0]} ({_LANG_NAMES[found[0]]})" if found[0] in _LANG_NAMES else found[0]
        return _error(source, "NG009", lang=name, conf=found[1])
    doc.lang = "en"
    return doc


# ---------------------------------------------------------------- readers
# Readers yield ``(source, item)``: ``source`` is what an error about the item names
# (file path, ``path:LINE``, ``path#N``, ``<stdin>``), used by the language check.

Item = tuple[str, Document | InputError]


def _html_extract(html: str, source: str) -> dict[str, Any]:
    """Main text, title, url, site name and date of an HTML page via trafilatura."""
    import trafilatura

    result = None
    for page in (html, f"<html><body>{html}</body></html>"):  # the 2nd try helps bare fragments
        result = trafilatura.bare_extraction(page, include_comments=False, with_metadata=True)
        if result is not None and (result.text or "").strip():
            break
    if result is None or not (result.text or "").strip():
        raise _error(source, "NG011")
    text = re.sub(r"\n\s*", "\n\n", _NEWLINES.sub("\n", result.text).strip())
    fields = {"title": result.title, "url": result.url, "outlet": result.sitename,
              "published": normalise_date(result.date) if result.date else None}
    return {"text": text, **{k: v.strip() for k, v in fields.items() if v and v.strip()}}


def _read_plain(path: Path, max_bytes: int) -> Document:
    """A ``.txt`` or ``.html``/``.htm`` file plus its optional sidecar."""
    source = str(path)
    text = read_text_file(path, max_bytes)
    values: dict[str, Any] = {}
    if path.suffix.lower() in (".html", ".htm"):
        values = _html_extract(text, source)
        text = values.pop("text")
    values.setdefault("title", _first_line(text))
    meta: dict[str, Any] = {}
    side = _read_sidecar(path, max_bytes, source)
    if side is not None:
        _apply_fields(side, values, source, where=f" in sidecar {path.stem}{SIDECAR}")
        meta = {k: v for k, v in side.items() if k not in META_FIELDS}
    return Document(id=doc_id(text), text=text, path=source, file_name=path.name, meta=meta, **values)


def _record(obj: Any, source: str, path: str, file_name: str, multi: bool) -> Document:
    """One JSON record; in multi-record inputs (JSONL, JSON list) its ``id`` is the file name."""
    if not isinstance(obj, dict):
        raise _error(source, "NG015", kind=type(obj).__name__)
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise _error(source, "NG008", where="")
    text = _NEWLINES.sub("\n", text)
    values: dict[str, Any] = {}
    _apply_fields(obj, values, source)
    if multi and values.get("source_id"):
        file_name = values["source_id"]
    meta = {k: v for k, v in obj.items() if k not in META_FIELDS and k != "text"}
    return Document(id=doc_id(text), text=text, path=path, file_name=file_name, meta=meta, **values)


def _guarded(source: str, make: Callable[[], Document]) -> Item:
    try:
        return source, make()
    except InputError as e:
        return source, e


def _json_items(data: Any, source: str, name: str) -> Iterator[Item]:
    """The records of a parsed ``.json`` value: one object or a list of objects."""
    if not isinstance(data, list):
        yield _guarded(source, lambda: _record(data, source, source, name, False))
        return
    if not data:
        yield source, _error(source, "NG002")
    for i, obj in enumerate(data, 1):
        where = f"{source}#{i}"
        yield _guarded(where, lambda o=obj, w=where, i=i: _record(o, w, source, f"{name}#{i}", True))


def _jsonl_lines(lines: Iterable[bytes | str], max_bytes: int, source: str, name: str) -> Iterator[Item]:
    """Stream JSONL records; ``max_bytes`` limits each line, not the file; blank lines are skipped."""
    n_records = 0
    for lineno, raw in enumerate(lines, 1):
        where = f"{source}:{lineno}"
        if not raw.strip():
            continue
        n_records += 1
        if len(raw) > max_bytes:
            yield where, _error(where, "NG005", size=len(raw), limit=max_bytes)
            continue
        try:
            line = raw if isinstance(raw, str) else decode_bytes(raw, where)
            obj = json.loads(line)
        except InputError as e:
            yield where, e
            continue
        except json.JSONDecodeError as e:
            yield where, _error(where, "NG007", line=lineno, reason=f"{e.msg} (column {e.colno})")
            continue
        yield _guarded(where, lambda o=obj, w=where, n=lineno: _record(o, w, source, f"{name}#{n}", True))
    if n_records == 0:
        yield source, _error(source, "NG002")


def _read_jsonl(path: Path, max_bytes: int) -> Iterator[Item]:
    source = str(path)
    _stat_size(path, source)
    with open(path, "rb") as f:
        head = f.read(8192)
        f.seek(0)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            yield from _jsonl_lines(io.TextIOWrapper(f, encoding="utf-16"), max_bytes, source, path.name)
        elif b"\x00" in head:
            yield source, _error(source, "NG003")
        else:
            f.seek(3 if head.startswith(b"\xef\xbb\xbf") else 0)
            yield from _jsonl_lines(f, max_bytes, source, path.name)


def _read_stdin(max_bytes: int) -> Iterator[Item]:
    """Plain text from stdin, or JSON / JSONL when it parses as such."""
    buffer = getattr(sys.stdin, "buffer", None)
    data = buffer.read(max_bytes + 1) if buffer is not None else sys.stdin.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _error(STDIN, "NG005", size=len(data), limit=max_bytes)
    text = decode_bytes(data, STDIN) if isinstance(data, bytes) else _NEWLINES.sub("\n", data)
    if not text.strip():
        raise _error(STDIN, "NG002")
    stripped = text.strip()
    if stripped[0] in "[{":
        try:
            yield from _json_items(json.loads(stripped), STDIN, STDIN)
            return
        except json.JSONDecodeError:
            pass
        try:
            is_jsonl = isinstance(json.loads(stripped.split("\n", 1)[0]), dict)
        except json.JSONDecodeError:
            is_jsonl = False
        if is_jsonl:
            yield from _jsonl_lines(io.StringIO(text), max_bytes, STDIN, STDIN)
            return
    yield STDIN, Document(id=doc_id(text), text=text, title=_first_line(text), path=STDIN, file_name=STDIN)


def _read_file(path: Path, max_bytes: int) -> Iterator[Item]:
    """All items of one explicitly named or walked file; never raises for bad input."""
    source = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            yield from _read_jsonl(path, max_bytes)
        elif suffix == ".json":
            try:
                data = json.loads(read_text_file(path, max_bytes))
            except json.JSONDecodeError as e:
                yield source, _error(source, "NG006", reason=f"{e.msg} (line {e.lineno}, column {e.colno})")
                return
            yield from _json_items(data, source, path.name)
        else:
            yield source, _read_plain(path, max_bytes)
    except InputError as e:
        yield source, e
    except OSError as e:
        yield source, _error(source, "NG001", reason=e.strerror or str(e))


def _walk(directory: Path, suffixes: AbstractSet[str] = SUFFIXES) -> Iterator[Path | InputError]:
    """Files with one of ``suffixes`` under ``directory``, depth first in sorted order; hidden
    entries, ``*.meta.json`` sidecars and symlinked directories are skipped."""
    try:
        with os.scandir(directory) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        yield _error(directory, "NG001", reason=e.strerror or str(e))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = directory / entry.name
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path, suffixes)
        elif (Path(entry.name).suffix.lower() in suffixes and not entry.name.lower().endswith(SIDECAR)
              and entry.name != FOLDER_META):
            yield path


def _items(path_arg: str | os.PathLike[str], max_bytes: int) -> Iterator[Item]:
    if os.fspath(path_arg) == "-":
        try:
            yield from _read_stdin(max_bytes)
        except InputError as e:
            yield STDIN, e
        return
    path = Path(path_arg)
    if path.is_dir():
        for found in _walk(path):
            if isinstance(found, InputError):
                yield found.source, found
            else:
                yield from _read_file(found, max_bytes)
    elif not path.exists():
        yield str(path), _error(path, "NG012")
    elif path.suffix.lower() not in SUFFIXES:
        yield str(path), _error(path, "NG010", suffix=path.suffix or "(none)")
    else:
        yield from _read_file(path, max_bytes)


def iter_documents(paths: Iterable[str], *, max_bytes: int = 5_000_000,
                   check_language: bool = True) -> Iterator[Document | InputError]:
    """Stream one :class:`Document` or :class:`InputError` per input document.

    ``paths``: files, directories (walked recursively in sorted order, supported suffixes
    only, unsupported ones silently skipped) and ``-`` for stdin. ``max_bytes`` caps each
    file (each line for JSONL). With ``check_language``, confidently non-English texts are
    refused (NG009) and accepted documents get ``lang="en"``. ``file_name`` is the basename,
    or for records of a JSONL file / JSON list the record ``id`` if given, else ``NAME#N``."""
    for path_arg in paths:
        for source, item in _items(path_arg, max_bytes):
            if check_language and isinstance(item, Document):
                item = _check_language(item, source)
            yield item
