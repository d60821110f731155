"""Per-actor aggregates (event reports by type, counterparts, mentions) behind a small cache.

The aggregates are precomputed by the link pass (table ``actor_stats``), so reading them is one
row. Whole profiles of heavily reported actors (lists of their roles, quotes and events
included) are also cached per actor, keyed on the state of the database files (size and
modification time of the SQLite file and its write-ahead log), so any write, from this process
or another, invalidates them; the web app warms that cache for the most reported actors in a
background thread at start-up.
"""

from __future__ import annotations

import copy
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable

from sqlalchemy import select

from newsgraph.queries.base import A, Row
from newsgraph.store import Store
from newsgraph.store import schema as t

log = logging.getLogger("newsgraph.queries")
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


def actor_aggregates(store: Store, actor_id: str) -> Row:
    """``{"n_documents", "n_mentions", "event_types": {type: reports},
    "partners": {actor: {"as_source", "as_target"}}}``: one row of ``actor_stats``, which the
    link pass builds (so no cache is needed)."""
    with store.engine.connect() as conn:
        r = conn.execute(select(t.actor_stats).where(t.actor_stats.c.actor == actor_id)).first()
    if r is None:  # an actor with no documents (or a database being rebuilt)
        return {"n_documents": 0, "n_mentions": 0, "event_types": {}, "partners": {}}
    return {
        "n_documents": int(r.n_documents),
        "n_mentions": int(r.n_mentions),
        "event_types": dict(sorted((r.event_types or {}).items())),
        "partners": {k: dict(v) for k, v in (r.partners or {}).items()},
    }


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


def warm(store: Store, top_n: int = 50) -> int:
    """Cache the whole profiles of the ``top_n`` most reported actors (in at least
    :data:`HEAVY_DOCUMENTS` documents). Never raises: it runs in a background thread. Returns
    how many were computed."""
    done = 0
    try:
        S = t.actor_stats
        with store.engine.connect() as conn:
            top = [
                r[0]
                for r in conn.execute(
                    select(S.c.actor)
                    .where(S.c.n_documents >= HEAVY_DOCUMENTS)
                    .order_by(S.c.n_documents.desc(), S.c.actor)
                    .limit(top_n)
                )
            ]
        from newsgraph.queries.records import actor

        for aid in top:
            actor(store, aid)  # caches the whole profile of a heavily reported actor
            done += 1
    except Exception as e:  # a closed store, a database being rebuilt: warming is best effort
        log.debug("cache warm-up stopped: %s", e)
    return done


def clear() -> None:
    with _lock:
        _cache.clear()


__all__ = ["A", "actor_aggregates", "cached", "clear", "fingerprint", "warm"]
