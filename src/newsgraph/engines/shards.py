"""Input planning and reading shared by every engine: inputs become ordered *units*, and
units are grouped into *shards* that a worker can read on its own.

A unit is one thing a reader turns into documents:

* ``("arg", PATH)``: a path argument read exactly like :func:`newsgraph.ingest.read.iter_documents`
  reads it (a file, ``-`` for stdin, a missing path, an unsupported suffix);
* ``("file", PATH)``: one file found by walking a folder;
* ``("jsonl", PATH, START, END, FIRST_LINE)``: the lines of a JSONL file between two byte
  offsets (at line boundaries), numbered from ``FIRST_LINE``, so error messages name the same
  ``path:LINE`` as a whole-file read;
* ``("parquet", PATH, ROW_GROUPS, FIRST_ROW)``: some row groups of a Parquet file (records
  like a JSON list's: ``path#ROW``; ``ROW_GROUPS`` None means all);
* ``("items", [(source, Document | InputError), ...])``: items already read (stdin for Ray);
* ``("error", SOURCE, MESSAGE, CODE)``: a problem found while planning (an unreadable folder).

:func:`iter_documents` is a drop-in for :func:`newsgraph.ingest.read.iter_documents` that also
reads Parquet (``.parquet`` files named on the command line or found in folders: one record
per row, columns as the JSON fields). Reading a plan's units in order gives the same items,
in the same order, with the same error messages, whether the plan was split into shards or not.
"""

from __future__ import annotations

import datetime as dt
import decimal
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.ingest import read as _ing
from newsgraph.ingest import records as _rec
from newsgraph.models import Document

PARQUET = ".parquet"
SUFFIXES = frozenset(_ing.SUFFIXES | {PARQUET})

#: target input bytes per shard, and the most JSONL lines / files in one shard
SHARD_BYTES = 256 * 1024
SHARD_LINES = 128
SHARD_FILES = 64

Unit = tuple[Any, ...]
Item = tuple[str, Document | InputError]


@dataclass
class Shard:
    """Consecutive units read by one worker task; ``index`` orders shards in input order."""

    index: int
    units: list[Unit] = field(default_factory=list)
    nbytes: int = 0


# ---------------------------------------------------------------- planning


def _error_unit(e: InputError) -> Unit:
    return ("error", e.source, e.message, e.code)


def walk(directory: Path) -> Iterator[Path | InputError]:
    """:func:`newsgraph.ingest.read._walk` (same order and rules) with ``.parquet`` files too."""
    return _ing._walk(directory, SUFFIXES)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def jsonl_cuts(
    path: Path, target_bytes: int = SHARD_BYTES, max_lines: int = SHARD_LINES
) -> list[tuple[int, int, int]] | None:
    """Byte ranges ``(start, end, first_line)`` at line boundaries that split a JSONL file,
    or None when it should be read whole (small, UTF-16, binary-looking, no records)."""
    try:
        size = path.stat().st_size
        if size <= target_bytes:
            return None
        with open(path, "rb") as f:
            head = f.read(8192)
            if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
                return None  # the whole-file reader reports these once for the file
            pos = 3 if head.startswith(b"\xef\xbb\xbf") else 0
            f.seek(pos)
            cuts: list[tuple[int, int, int]] = []
            start, first, lineno, lines, has_record = pos, 1, 0, 0, False
            for raw in f:
                if b"\r" in raw.rstrip(b"\r\n"):
                    return None  # lines ended by a lone CR: the whole-file reader splits them
                lineno += 1
                lines += 1
                pos += len(raw)
                has_record = has_record or bool(raw.strip())
                if pos - start >= target_bytes or lines >= max_lines:
                    cuts.append((start, pos, first))
                    start, first, lines = pos, lineno + 1, 0
            if pos > start:
                cuts.append((start, pos, first))
    except OSError:
        return None
    if not has_record or len(cuts) < 2:
        return None  # "file is empty" is reported once, by the whole-file reader
    return cuts


def parquet_parts(
    path: Path, target_bytes: int = SHARD_BYTES
) -> list[tuple[tuple[int, ...], int, int]] | None:
    """Row-group runs ``(row_groups, first_row, bytes)`` of about ``target_bytes`` each, or
    None to read the file whole (unreadable, empty, one row group)."""
    try:
        import pyarrow.parquet as pq

        meta = pq.ParquetFile(path).metadata
    except Exception:  # the reader reports the problem
        return None
    if meta.num_row_groups < 2 or meta.num_rows == 0:
        return None
    parts: list[tuple[tuple[int, ...], int, int]] = []
    groups: list[int] = []
    first, row, nbytes = 1, 1, 0
    for i in range(meta.num_row_groups):
        rg = meta.row_group(i)
        groups.append(i)
        nbytes += rg.total_byte_size
        row += rg.num_rows
        if nbytes >= target_bytes:
            parts.append((tuple(groups), first, nbytes))
            groups, first, nbytes = [], row, 0
    if groups:
        parts.append((tuple(groups), first, nbytes))
    return parts


def plan_units(
    paths: Iterable[str],
    *,
    split: bool = False,
    target_bytes: int = SHARD_BYTES,
    max_lines: int = SHARD_LINES,
    read_stdin: bool = False,
    max_bytes: int = 5_000_000,
) -> Iterator[tuple[Unit, int]]:
    """``(unit, estimated bytes)`` for every input, in input order. With ``split``, large
    JSONL and Parquet files become several units; with ``read_stdin``, stdin is read now."""

    def file_units(path: Path, explicit: bool) -> Iterator[tuple[Unit, int]]:
        suffix = path.suffix.lower()
        if split and suffix == ".jsonl":
            cuts = jsonl_cuts(path, target_bytes, max_lines)
            if cuts:
                for start, end, first in cuts:
                    yield ("jsonl", str(path), start, end, first), end - start
                return
        if suffix == PARQUET:
            parts = parquet_parts(path, target_bytes) if split else None
            if parts:
                for groups, first, nbytes in parts:
                    yield ("parquet", str(path), groups, first), nbytes
            else:
                yield ("parquet", str(path), None, 1), _size(path)
            return
        yield (("arg", str(path)) if explicit else ("file", str(path))), _size(path)

    for path_arg in paths:
        arg = os.fspath(path_arg)
        if arg == "-":
            if read_stdin:
                items = list(_ing._items("-", max_bytes))
                yield ("items", items), sum(len(i.text) for _, i in items if isinstance(i, Document))
            else:
                yield ("arg", arg), 0
            continue
        path = Path(arg)
        if path.is_dir():
            found_any = False
            for found in walk(path):
                found_any = True
                if isinstance(found, InputError):
                    yield _error_unit(found), 0
                else:
                    yield from file_units(found, explicit=False)
            if not found_any:
                yield _error_unit(_ing._empty_folder(path, SUFFIXES)), 0
        elif path.is_file() and path.suffix.lower() in (".jsonl", PARQUET):
            yield from file_units(path, explicit=True)
        else:  # other files, missing paths, unsupported suffixes: exactly as ingest reads them
            yield ("arg", arg), _size(path) if path.is_file() else 0


def plan_shards(
    paths: Iterable[str],
    *,
    target_bytes: int = SHARD_BYTES,
    max_lines: int = SHARD_LINES,
    max_files: int = SHARD_FILES,
    max_bytes: int = 5_000_000,
) -> list[Shard]:
    """Group the split units of ``paths`` into shards of about ``target_bytes`` (stdin is read now)."""
    shards: list[Shard] = []
    cur = Shard(0)
    for unit, nbytes in plan_units(
        paths,
        split=True,
        target_bytes=target_bytes,
        max_lines=max_lines,
        read_stdin=True,
        max_bytes=max_bytes,
    ):
        if cur.units and (cur.nbytes + nbytes > target_bytes or len(cur.units) >= max_files):
            shards.append(cur)
            cur = Shard(len(shards))
        cur.units.append(unit)
        cur.nbytes += nbytes
    if cur.units:
        shards.append(cur)
    return shards


# ---------------------------------------------------------------- reading


def _jsonl_range(path: Path, start: int, end: int, first_line: int, max_bytes: int) -> Iterator[Item]:
    """Lines ``[start, end)`` of a JSONL file, handled line by line exactly as
    :func:`newsgraph.ingest.read._jsonl_lines` handles them (blank lines skipped, line numbers kept)."""
    source, name = _ing.shown(path), _ing.shown(path.name)
    try:
        f = open(path, "rb")
    except OSError as e:
        yield source, _ing._error(source, "NG001", reason=e.strerror or str(e))
        return
    with f:
        f.seek(start)
        pos, lineno = start, first_line - 1
        while pos < end:
            raw = f.readline()
            if not raw:
                break
            pos += len(raw)
            lineno += 1
            if not raw.strip():
                continue
            raw = raw.rstrip(b"\r\n")  # as ingest.records.split_lines gives the line
            yield _rec.jsonl_line(raw, lineno, source, name, max_bytes, _ing.decode_bytes)


def _plain(v: Any) -> Any:
    """A Parquet cell as a JSON-compatible value (dates as ISO strings)."""
    if isinstance(v, (dt.datetime, dt.date, dt.time)):
        return v.isoformat()
    if isinstance(v, decimal.Decimal):
        return float(v)
    if isinstance(v, bytes):
        return v.decode("utf-8", errors="replace")
    if isinstance(v, dt.timedelta):
        return v.total_seconds()
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    return v


def read_parquet(
    path: Path, max_bytes: int, row_groups: tuple[int, ...] | None = None, first_row: int = 1
) -> Iterator[Item]:
    """Records of a Parquet file (or of some of its row groups): one per row, with the
    columns as the JSON record fields (``text``, optional ``title``, ``url``, ``outlet``,
    ``published``, ``id``; other columns go to the document's metadata). ``max_bytes``
    limits each record's text. Errors name ``path#ROW`` (rows count from 1)."""
    source, name = _ing.shown(path), _ing.shown(path.name)
    try:
        _ing._stat_size(path, source)
    except InputError as e:
        yield source, e
        return
    try:
        import pyarrow.parquet as pq

        pf = pq.ParquetFile(path)
        if row_groups is None and pf.metadata.num_rows == 0:
            yield source, _ing._error(source, "NG002")
            return
        batches = pf.iter_batches(
            batch_size=256, row_groups=list(row_groups) if row_groups is not None else None
        )
        row = first_row
        for batch in batches:
            for rec in batch.to_pylist():
                where = f"{source}#{row}"
                text = rec.get("text")
                size = len(text.encode("utf-8", errors="surrogatepass")) if isinstance(text, str) else 0
                if size > max_bytes:
                    yield where, _ing._error(where, "NG005", what="record", size=size, limit=max_bytes)
                else:
                    obj = {str(k): _plain(v) for k, v in rec.items()}
                    yield _ing._guarded(
                        where, lambda o=obj, w=where, n=row: _ing._record(o, w, source, f"{name}#{n}", True)
                    )
                row += 1
    except ImportError as e:
        yield source, _ing._error(source, "NG001", reason=f"reading Parquet needs pyarrow ({e})")
    except Exception as e:  # pyarrow raises ArrowInvalid / OSError for files that are not Parquet
        yield (
            source,
            _ing._error(
                source,
                "NG001",
                reason=f"not a readable Parquet file ({type(e).__name__}: "
                f"{str(e).splitlines()[0] if str(e) else ''})",
            ),
        )


def read_unit(unit: Unit, max_bytes: int) -> Iterator[Item]:
    kind = unit[0]
    if kind == "arg":
        yield from _ing._items(unit[1], max_bytes)
    elif kind == "file":
        path = Path(unit[1])
        yield from (
            read_parquet(path, max_bytes)
            if path.suffix.lower() == PARQUET
            else _ing._read_file(path, max_bytes)
        )
    elif kind == "jsonl":
        yield from _jsonl_range(Path(unit[1]), unit[2], unit[3], unit[4], max_bytes)
    elif kind == "parquet":
        yield from read_parquet(Path(unit[1]), max_bytes, unit[2], unit[3])
    elif kind == "items":
        yield from unit[1]
    elif kind == "error":
        yield unit[1], InputError(unit[1], unit[2], code=unit[3])
    else:  # pragma: no cover - a planning bug
        raise ValueError(f"unknown input unit {kind!r}")


def read_units(
    units: Iterable[Unit], *, max_bytes: int = 5_000_000, check_language: bool = True
) -> Iterator[Document | InputError]:
    """Documents and input errors of ``units``, in order, as :func:`newsgraph.ingest.read.iter_documents`
    yields them (including its language check)."""
    for unit in units:
        for source, item in read_unit(unit, max_bytes):
            if check_language and isinstance(item, Document):
                item = _ing._check_language(item, source)
            yield item


def iter_documents(
    paths: Iterable[str], *, max_bytes: int = 5_000_000, check_language: bool = True
) -> Iterator[Document | InputError]:
    """:func:`newsgraph.ingest.read.iter_documents` plus Parquet; streams, never raises for bad input."""
    units = (u for u, _ in plan_units(paths, split=False, max_bytes=max_bytes))
    yield from read_units(units, max_bytes=max_bytes, check_language=check_language)
