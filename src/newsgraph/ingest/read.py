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

import functools
import io
import logging
import os
import re
import sys
import traceback
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError, safe_text
from newsgraph.ingest import datelines, records
from newsgraph.ingest.records import META_FIELDS, error, normalise_date
from newsgraph.ingest.screen import detect_language, screen
from newsgraph.models import Document
from newsgraph.text.util import doc_id

__all__ = [
    "META_FIELDS", "SUFFIXES", "decode_bytes", "detect_language", "iter_documents", "normalise_date",
    "read_text_file",
]

SUFFIXES = {".txt", ".html", ".htm", ".json", ".jsonl"}
SIDECAR = ".meta.json"
FOLDER_META = "metadata.json"  # {"FILE.txt": {...metadata...}} for the files of one folder
STDIN = "<stdin>"

_NEWLINES = re.compile(r"\r\n?")
_C0 = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13))  # control bytes, not whitespace
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_CP1252_HOLES = {0xDC00 + b: b for b in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}  # bytes cp1252 leaves undefined
_log = logging.getLogger("newsgraph.ingest")
# trafilatura logs every page it cannot parse at level ERROR: not to the screen (newsgraph reports it)
logging.getLogger("trafilatura").addHandler(logging.NullHandler())

# kept for the engines and older callers: the record helpers live in ingest.records
_error = error
_record = records.record
_guarded = records.guarded


def shown(path: str | os.PathLike[str]) -> str:
    """A path as newsgraph names it (messages, the store): undecodable bytes of a file name
    written as ``\\xNN`` escapes, so the name is valid text."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


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
    if "\x00" in text or len(_CONTROL_CHARS.findall(text[:65536])) > 0.1 * min(len(text), 65536):
        raise _error(source, "NG003")  # NUL after the first 64 KB, or UTF-16 that decodes to control codes
    text = _NEWLINES.sub("\n", text.lstrip("\ufeff"))
    if not text.strip():
        raise _error(source, "NG002")
    return text


def _stat_size(path: Path, source: str) -> int:
    try:
        st = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise _error(source, "NG001", reason="broken symbolic link") from None
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
        raise _error(source, "NG005", what="file", size=size, limit=max_bytes)
    if size == 0:
        raise _error(source, "NG002")
    try:
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as e:
        raise _error(source, "NG001", reason=e.strerror or str(e)) from None
    if len(data) > max_bytes:
        raise _error(source, "NG005", what="file", size=len(data), limit=max_bytes)
    return decode_bytes(data, source)


# ---------------------------------------------------------------- sidecars


def _reason(e: InputError) -> str:
    """What is wrong, without the advice (a sidecar's problem is reported inside another message)."""
    return e.message.split("; ")[0]


def _load_sidecar(side: Path, max_bytes: int) -> Any:
    """The parsed JSON of a sidecar file; its problem is a ``ValueError`` with the reason."""
    try:
        text = read_text_file(side, max_bytes)
    except InputError as e:
        raise ValueError(_reason(e)) from None
    try:
        return records.parse(text)
    except (ValueError, RecursionError) as e:
        raise ValueError(f"malformed JSON: {records.why_not(e)}") from None


@functools.lru_cache(maxsize=32)
def _folder_meta(folder: Path, mtime: float) -> dict[str, Any] | str:
    """The folder's ``metadata.json``, or what is wrong with it."""
    try:
        data = _load_sidecar(folder / FOLDER_META, 50_000_000)
    except ValueError as e:
        return str(e)
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        return "must map file names to JSON objects"
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
        if isinstance(meta, str):
            raise _error(source, "NG013", sidecar=FOLDER_META, reason=meta)
        return meta.get(path.name)
    try:
        data = _load_sidecar(side, max_bytes)
    except ValueError as e:
        raise _error(source, "NG013", sidecar=shown(side.name), reason=str(e)) from None
    if not isinstance(data, dict):
        raise _error(source, "NG013", sidecar=shown(side.name), reason="must be a JSON object")
    return data


def _first_line(text: str) -> str | None:
    """The title of a text file: its first non-blank line that is not a date line."""
    for ln in text.split("\n"):
        if ln.strip() and not datelines.is_date_line(ln.strip()):
            return ln.strip()[:1000]
    return None


def _check_language(doc: Document, source: str) -> Document | InputError:
    """Junk and language screening (:func:`newsgraph.ingest.screen.screen`)."""
    return screen(doc, source)


# ---------------------------------------------------------------- readers
# Readers yield ``(source, item)``: ``source`` is what an error about the item names
# (file path, ``path:LINE``, ``path#N``, ``<stdin>``), used by the language check.

Item = tuple[str, Document | InputError]


def _html_extract(html: str, source: str) -> dict[str, Any]:
    """Main text, title, url, site name and date of an HTML page via trafilatura."""
    import trafilatura

    result = None
    for page in (html, f"<html><body>{html}</body></html>"):  # the 2nd try helps bare fragments
        try:
            result = trafilatura.bare_extraction(page, include_comments=False, with_metadata=True)
        except RecursionError:  # markup nested thousands of levels deep
            raise _error(source, "NG011", reason=" (its markup is nested too deeply to read)") from None
        if result is not None and (result.text or "").strip():
            break
    if result is None or not (result.text or "").strip():
        raise _error(source, "NG011", reason="")
    text = re.sub(r"\n\s*", "\n\n", _NEWLINES.sub("\n", result.text).strip())
    fields = {"title": result.title, "url": result.url, "outlet": result.sitename,
              "published": normalise_date(result.date) if result.date else None}
    return {"text": text, **{k: safe_text(v.strip()) for k, v in fields.items() if v and v.strip()}}


def _read_plain(path: Path, max_bytes: int) -> Document:
    """A ``.txt`` or ``.html``/``.htm`` file plus its optional sidecar."""
    source = shown(path)
    text = read_text_file(path, max_bytes)
    values: dict[str, Any] = {}
    if path.suffix.lower() in (".html", ".htm"):
        values = _html_extract(text, source)
        text = values.pop("text")
    values.setdefault("title", _first_line(text))
    meta: dict[str, Any] = {}
    side = _read_sidecar(path, max_bytes, source)
    if side is not None:
        where = f" in sidecar {shown(path.stem)}{SIDECAR}"
        records.apply_fields(side, values, source, where=where)
        meta = records.meta_of(side, source, where=where)
    return Document(id=doc_id(text), text=text, path=source, file_name=shown(path.name), meta=meta, **values)


def _jsonl_lines(lines: Iterable[bytes | str], max_bytes: int, source: str, name: str) -> Iterator[Item]:
    """Stream JSONL records; ``max_bytes`` limits each line, not the file; blank lines are skipped."""
    n_records = 0
    for lineno, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        n_records += 1
        yield records.jsonl_line(raw, lineno, source, name, max_bytes, decode_bytes)
    if n_records == 0:
        yield source, _error(source, "NG002")


def _read_jsonl(path: Path, max_bytes: int) -> Iterator[Item]:
    source = shown(path)
    _stat_size(path, source)
    with open(path, "rb") as f:
        head = f.read(8192)
        f.seek(0)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = io.TextIOWrapper(f, encoding="utf-16", errors="replace", newline=None)
            yield from _jsonl_lines(text, max_bytes, source, shown(path.name))
        elif b"\x00" in head:
            yield source, _error(source, "NG003")
        else:
            f.seek(3 if head.startswith(b"\xef\xbb\xbf") else 0)
            chunks = iter(lambda: f.read(1 << 16), b"")
            yield from _jsonl_lines(records.split_lines(chunks), max_bytes, source, shown(path.name))


def _read_stdin(max_bytes: int) -> Iterator[Item]:
    """Plain text from stdin, or JSON / JSONL when it parses as such."""
    buffer = getattr(sys.stdin, "buffer", None)
    data = buffer.read(max_bytes + 1) if buffer is not None else sys.stdin.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _error(STDIN, "NG005", what="input", size=len(data), limit=max_bytes)
    text = decode_bytes(data, STDIN) if isinstance(data, bytes) else records.text_of(data)
    if not text.strip():
        raise _error(STDIN, "NG002")
    stripped = text.strip()
    if stripped[0] in "[{":
        try:
            yield from records.json_items(records.parse(stripped), STDIN, STDIN)
            return
        except (ValueError, RecursionError):
            pass
        try:
            is_jsonl = isinstance(records.parse(stripped.split("\n", 1)[0]), dict)
        except (ValueError, RecursionError):
            is_jsonl = False
        if is_jsonl:
            yield from _jsonl_lines(io.StringIO(text), max_bytes, STDIN, STDIN)
            return
    text = records.text_of(text)
    yield STDIN, Document(id=doc_id(text), text=text, title=_first_line(text), path=STDIN, file_name=STDIN)


def _read_file(path: Path, max_bytes: int) -> Iterator[Item]:
    """All items of one explicitly named or walked file; never raises for bad input."""
    source = shown(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            yield from _read_jsonl(path, max_bytes)
        elif suffix == ".json":
            data = records.loads(read_text_file(path, max_bytes), source)
            yield from records.json_items(data, source, shown(path.name))
        else:
            yield source, _read_plain(path, max_bytes)
    except InputError as e:
        yield source, e
    except OSError as e:
        yield source, _error(source, "NG001", reason=e.strerror or str(e))
    except Exception as e:  # a bug, or a library failing on odd input: this file only
        yield source, internal_error(source, e)


def internal_error(source: str, e: BaseException) -> InputError:
    """An unexpected exception while reading ``source`` as that input's error (NG017); its
    traceback travels as ``detail`` (the runner writes it to the log)."""
    detail = "".join(traceback.format_exception(e))
    where = traceback.extract_tb(e.__traceback__)[-1] if e.__traceback__ else None
    at = f" at {where.filename.rsplit('/', 1)[-1]}:{where.lineno}" if where else ""
    reason = f"{type(e).__name__}: {str(e)[:150]}{at}"
    return InputError(source, _error(source, "NG017", reason=reason).message, code="NG017", detail=detail)


def _walk(directory: Path, suffixes: AbstractSet[str] = SUFFIXES) -> Iterator[Path | InputError]:
    """Files with one of ``suffixes`` under ``directory``, depth first in sorted order; hidden
    entries, ``*.meta.json`` sidecars and symlinked directories are skipped."""
    try:
        with os.scandir(directory) as it:
            entries = sorted(it, key=lambda e: os.fsencode(e.name))
    except OSError as e:
        yield _error(shown(directory), "NG001", reason=e.strerror or str(e))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = directory / entry.name
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, suffixes)
        elif (Path(entry.name).suffix.lower() in suffixes and not entry.name.lower().endswith(SIDECAR)
              and entry.name != FOLDER_META):
            yield path


def _empty_folder(path: Path, suffixes: AbstractSet[str] = SUFFIXES) -> InputError:
    names = ", ".join(sorted(suffixes))
    return _error(shown(path), "NG016", suffixes=names)


def _items(path_arg: str | os.PathLike[str], max_bytes: int) -> Iterator[Item]:
    if os.fspath(path_arg) == "-":
        try:
            yield from _read_stdin(max_bytes)
        except InputError as e:
            yield STDIN, e
        return
    path = Path(path_arg)
    if path.is_dir():
        found_any = False
        for found in _walk(path):
            found_any = True
            if isinstance(found, InputError):
                yield found.source, found
            else:
                yield from _read_file(found, max_bytes)
        if not found_any:
            yield shown(path), _empty_folder(path)
    elif path.is_symlink() and not path.exists():
        yield shown(path), _error(shown(path), "NG001", reason=_link_problem(path))
    elif not path.exists():
        yield shown(path), _error(shown(path), "NG012")
    elif path.suffix.lower() not in SUFFIXES:
        yield shown(path), _error(shown(path), "NG010", suffix=shown(path.suffix) or "(none)")
    else:
        yield from _read_file(path, max_bytes)


def _link_problem(path: Path) -> str:
    try:
        path.stat()
    except OSError as e:
        return f"broken symbolic link ({e.strerror or e})"
    return "broken symbolic link"


def guarded_items(path_arg: str | os.PathLike[str], max_bytes: int) -> Iterator[Item]:
    """:func:`_items` that never raises: an unexpected failure ends that argument with NG017."""
    source = shown(path_arg)
    it = _items(path_arg, max_bytes)
    while True:
        try:
            item = next(it)
        except StopIteration:
            return
        except Exception as e:  # pragma: no cover - _read_file guards each file already
            yield source, internal_error(source, e)
            return
        yield item


def iter_documents(paths: Iterable[str], *, max_bytes: int = 5_000_000,
                   check_language: bool = True) -> Iterator[Document | InputError]:
    """Stream one :class:`Document` or :class:`InputError` per input document; never raises for
    bad input.

    ``paths``: files, directories (walked recursively in sorted order, supported suffixes
    only, unsupported ones silently skipped; a folder without any is NG016) and ``-`` for
    stdin. ``max_bytes`` caps each file (each line for JSONL). With ``check_language``, junk
    (NG019) and confidently non-English texts (NG009) are refused and accepted documents get
    ``lang="en"`` (:mod:`newsgraph.ingest.screen`). ``file_name`` is the basename, or for records
    of a JSONL file / JSON list the record ``id`` if given, else ``NAME#N``."""
    for path_arg in paths:
        for source, item in guarded_items(path_arg, max_bytes):
            if check_language and isinstance(item, Document):
                item = _check_language(item, source)
            yield item
