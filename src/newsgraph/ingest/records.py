"""JSON inputs: parsing with limits, and one record's fields checked and turned into a Document.

Every way a JSON value can break naive code is an :class:`InputError` for that one input, never
an exception out of the reader: malformed text, nesting deeper than the parser's recursion limit
or metadata nested more than :data:`MAX_DEPTH` levels, numbers of more than 4,300 digits, NaN and
Infinity, lone surrogates (``"\\ud800"``: replaced by U+FFFD, so offsets stay the same), NUL
characters in the text (U+FFFD too: databases refuse them), impossible publication dates.
"""

from __future__ import annotations

import email.utils
import json
import math
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import Any

from newsgraph.errors import InputError, err, safe_text
from newsgraph.models import Document
from newsgraph.text.util import doc_id

META_FIELDS = ("title", "url", "outlet", "published", "id")
#: the deepest nesting accepted in a record's other fields (stored as the document's metadata)
MAX_DEPTH = 32
#: publication years accepted (a date outside is a typo or a placeholder such as 0001-01-01)
YEARS = (1800, 2100)

_NEWLINES = re.compile(r"\r\n?")

Item = tuple[str, Document | InputError]


def error(source: object, code: str, **kwargs: object) -> InputError:
    message, code = err(code, **kwargs)
    return InputError(str(source), message, code=code)


# ---------------------------------------------------------------- parsing


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"number {text[:20]} is out of range")
    return value


def parse(text: str) -> Any:
    """``json.loads`` that refuses NaN and Infinity; raises ``ValueError`` (a ``JSONDecodeError``
    for malformed text) or ``RecursionError``."""
    return json.loads(text, parse_constant=_no_constant, parse_float=_finite)


def why_not(e: BaseException, *, line_no: bool = True) -> str:
    """What is wrong with JSON text that :func:`parse` refused, in words."""
    if isinstance(e, json.JSONDecodeError):
        return f"{e.msg} (line {e.lineno}, column {e.colno})" if line_no else f"{e.msg} (column {e.colno})"
    if isinstance(e, RecursionError):
        return "nested too deeply to read"
    if "integer string conversion" in str(e):
        return "a number has more than 4,300 digits"
    return str(e).split("\n")[0][:200]


def loads(text: str, source: str, code: str = "NG006", **kw: object) -> Any:
    """Parsed JSON ``text``; any failure is an :class:`InputError` ``code`` for ``source``."""
    try:
        return parse(text)
    except (ValueError, RecursionError) as e:
        raise error(source, code, reason=why_not(e, line_no=code == "NG006"), **kw) from None


def clean_value(value: Any, depth: int = 0) -> Any:
    """``value`` with lone surrogates in its strings replaced (U+FFFD); ``ValueError`` when it is
    nested deeper than :data:`MAX_DEPTH`."""
    if depth > MAX_DEPTH:
        raise ValueError(f"nested more than {MAX_DEPTH} levels deep")
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, dict):
        return {safe_text(str(k)): clean_value(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_value(v, depth + 1) for v in value]
    return value


# ---------------------------------------------------------------- fields


_DATE_FORMATS = (
    "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%d %B, %Y",
    "%A, %B %d, %Y", "%a, %b %d, %Y", "%A %d %B %Y", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d",
)


def _parsed_date(s: str) -> str | None:
    iso = s[:-1] + "+00:00" if s.endswith(("Z", "z")) else s
    try:
        return datetime.fromisoformat(iso).date().isoformat()
    except (ValueError, OverflowError):
        pass
    try:
        return email.utils.parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    s = re.sub(r"\b(\d{1,2})(?:st|nd|rd|th)\b", r"\1", s)
    s = re.sub(r"\bSept\b", "Sep", s)
    s = re.sub(r"\s+", " ", s.replace(".", " " if re.search(r"[A-Za-z]", s) else ".")).strip()
    s = s.replace(" ,", ",")
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(s, fmt).date().isoformat()
        except (ValueError, OverflowError):
            continue
    return None


def normalise_date(value: str) -> str | None:
    """``YYYY-MM-DD`` for an ISO date/datetime, an RFC 2822 date or a common written
    form ("March 28, 2024", "28 Mar. 2024", "Thursday, March 28, 2024") of a year in
    :data:`YEARS`; else None."""
    if len(value) > 100:
        return None
    date = _parsed_date(value.strip())
    if date is None or not YEARS[0] <= int(date[:4]) <= YEARS[1]:
        return None
    return date


def _shown(value: Any) -> str:
    """A value as an error message quotes it (at most 60 characters)."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (ValueError, TypeError, RecursionError):
        text = type(value).__name__
    return text if len(text) <= 60 else text[:57] + "..."


def apply_fields(fields: dict[str, Any], into: dict[str, Any], source: str, where: str = "") -> None:
    """Validate the known metadata ``fields`` and copy them (normalised) into ``into``."""
    for name in ("title", "url", "outlet"):
        if fields.get(name) is not None:
            if not isinstance(fields[name], str):
                raise error(source, "NG014", field=name, expected="a string", where=where)
            into[name] = safe_text(fields[name].strip()) or None
    rid = fields.get("id")
    if rid is not None:
        if not isinstance(rid, (str, int)) or isinstance(rid, bool):
            raise error(source, "NG014", field="id", expected="a string or an integer", where=where)
        into["source_id"] = safe_text(str(rid))[:500]
    pub = fields.get("published")
    if pub is not None:
        date = normalise_date(pub) if isinstance(pub, str) else None
        if date is None:
            expected = f"a date such as 2024-03-28, in {YEARS[0]}-{YEARS[1]} (got {_shown(pub)})"
            raise error(source, "NG014", field="published", expected=expected, where=where)
        into["published"] = date


def meta_of(obj: dict[str, Any], source: str, skip: Iterable[str] = (), where: str = "") -> dict[str, Any]:
    """The record's other fields (stored as metadata), cleaned; too deep is NG014."""
    meta = {}
    for k, v in obj.items():
        if k in META_FIELDS or k in skip:
            continue
        try:
            meta[safe_text(str(k))] = clean_value(v)
        except ValueError as e:
            field = safe_text(str(k))[:60]
            raise error(source, "NG014", field=field, expected=f"not {e}", where=where) from None
    return meta


def text_of(text: str) -> str:
    """A record's text as stored: newlines normalised, lone surrogates and NULs as U+FFFD."""
    return safe_text(_NEWLINES.sub("\n", text)).replace("\x00", "\ufffd")


def record(obj: Any, source: str, path: str, file_name: str, multi: bool) -> Document:
    """One JSON record; in multi-record inputs (JSONL, JSON list) its ``id`` is the file name."""
    if not isinstance(obj, dict):
        raise error(source, "NG015", kind=type(obj).__name__)
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise error(source, "NG008", where="")
    text = text_of(text)
    values: dict[str, Any] = {}
    apply_fields(obj, values, source)
    if multi and values.get("source_id"):
        file_name = values["source_id"]
    meta = meta_of(obj, source, skip=("text",))
    return Document(id=doc_id(text), text=text, path=path, file_name=file_name, meta=meta, **values)


def guarded(source: str, make: Callable[[], Document]) -> Item:
    try:
        return source, make()
    except InputError as e:
        return source, e


def json_items(data: Any, source: str, name: str) -> Iterator[Item]:
    """The records of a parsed ``.json`` value: one object or a list of objects."""
    if not isinstance(data, list):
        yield guarded(source, lambda: record(data, source, source, name, False))
        return
    if not data:
        yield source, error(source, "NG002")
    for i, obj in enumerate(data, 1):
        where = f"{source}#{i}"
        yield guarded(where, lambda o=obj, w=where, i=i: record(o, w, source, f"{name}#{i}", True))


def jsonl_line(raw: bytes | str, lineno: int, source: str, name: str, max_bytes: int,
               decode: Callable[[bytes, str], str]) -> Item:
    """One non-blank JSONL line as a document or an error naming ``source:LINE``."""
    where = f"{source}:{lineno}"
    if len(raw) > max_bytes:
        return where, error(where, "NG005", what="line", size=len(raw), limit=max_bytes)
    try:
        line = raw if isinstance(raw, str) else decode(raw, where)
        obj = loads(line, where, "NG007", line=lineno)
    except InputError as e:
        return where, e
    return guarded(where, lambda: record(obj, where, source, f"{name}#{lineno}", True))


def split_lines(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Lines of a byte stream ending in ``\\n``, ``\\r\\n`` or a lone ``\\r`` (old Mac files): JSON
    text never holds a raw CR or LF, so no record is cut. One pass over the bytes."""
    pending: list[bytes] = []  # pieces of the current line
    after_cr = False  # the previous chunk ended with CR: a LF starting this one belongs to it
    for chunk in chunks:
        if after_cr and chunk.startswith(b"\n"):
            chunk = chunk[1:]
        after_cr = chunk.endswith(b"\r")
        parts = _EOL.split(chunk)
        for part in parts[:-1]:
            pending.append(part)
            yield b"".join(pending)
            pending = []
        pending.append(parts[-1])
    tail = b"".join(pending)
    if tail:
        yield tail


_EOL = re.compile(rb"\r\n|\r|\n")
