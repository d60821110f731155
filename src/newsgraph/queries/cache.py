"""Whole results of heavy read queries, remembered until the database changes.

Entries are keyed on the state of the database files (size and modification time of the SQLite
file and its write-ahead log), so any write, from this process or another, invalidates them.
Only SQLite files are cached; other databases are always read afresh.
"""

from __future__ import annotations

import copy
import os
import threading
from collections import OrderedDict
from collections.abc import Callable

from newsgraph.queries.base import Row
from newsgraph.store import Store

MAX_ENTRIES = 4096
HEAVY_DOCUMENTS = 300  # profiles of actors in this many documents are cached whole (and warmed)

_cache: OrderedDict[tuple[str, ...], tuple[tuple[int, ...], Row]] = OrderedDict()
_lock = threading.Lock()


def fingerprint(store: Store) -> tuple[int, ...] | None:
    """The state of a SQLite database's files, or None (no caching) for other databases."""
    if store.dialect != "sqlite" or not store.url.startswith("sqlite:///"):
        return None
    path = store.url[len("sqlite:///") :]
    if not path or path == ":memory:":
        return None
    out: list[int] = []
    for suffix in ("", "-wal"):
        try:
            st = os.stat(path + suffix)
            out += [st.st_mtime_ns, st.st_size]
        except OSError:
            out += [0, 0]
    return tuple(out)


def cached(store: Store, key: tuple[str, ...], compute: Callable[[], Row]) -> Row:
    """``compute()``, remembered until the database changes (SQLite only; elsewhere not cached).
    Callers get a deep copy, so changing a result never changes the cache."""
    fp = fingerprint(store)
    full = (store.url, *key)
    if fp is not None:
        with _lock:
            hit = _cache.get(full)
            if hit is not None and hit[0] == fp:
                _cache.move_to_end(full)
                return copy.deepcopy(hit[1])
    value = compute()
    if fp is not None and fingerprint(store) == fp:  # unchanged while computing
        with _lock:
            _cache[full] = (fp, copy.deepcopy(value))
            while len(_cache) > MAX_ENTRIES:
                _cache.popitem(last=False)
    return value


def clear() -> None:
    with _lock:
        _cache.clear()


__all__ = ["HEAVY_DOCUMENTS", "MAX_ENTRIES", "cached", "clear", "fingerprint"]
