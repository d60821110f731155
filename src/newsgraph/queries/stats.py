"""Per-actor aggregates (event reports by type, counterparts, mentions) behind a small cache.

An actor named in a third of all documents has tens of thousands of event reports, and
counting them takes a few hundred milliseconds. The aggregates (and the whole profile of such
heavily reported actors) are cached per actor, keyed on the state of the database files (size
and modification time of the SQLite file and its write-ahead log), so any write, from this
process or another, invalidates them. The web app warms the cache for the most reported
actors in a background thread at start-up.
"""

from __future__ import annotations

import copy
import logging
import os
import threading
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable

from sqlalchemy import and_, func, or_, select

from ..store import Store
from ..store import schema as t
from .base import A, E, L, Row, _listed, _pair_counts

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


def _compute(store: Store, actor_id: str) -> Row:
    e2 = E.alias("e2")
    with store.engine.connect() as conn:
        n_mentions = conn.execute(
            select(func.count())
            .select_from(
                t.mentions.join(L, and_(L.c.doc == t.mentions.c.doc, L.c.entity == t.mentions.c.entity))
            )
            .where(L.c.actor == actor_id)
        ).scalar_one()
        by_type = dict(
            conn.execute(
                select(e2.c.type, func.count(func.distinct(e2.c.id)))
                .select_from(L.join(e2, e2.c.doc == L.c.doc))
                .where(
                    L.c.actor == actor_id,
                    or_(_listed(store, e2.c.source, L.c.entity), _listed(store, e2.c.target, L.c.entity)),
                )
                .group_by(e2.c.type)
            ).all()
        )
        partners: dict[str, Counter[str]] = defaultdict(Counter)
        for p in _pair_counts(store, conn, [], group_type=False, source=actor_id):
            partners[p.b]["as_source"] += p.n
        for p in _pair_counts(store, conn, [], group_type=False, target=actor_id):
            partners[p.a]["as_target"] += p.n
    return {
        "n_mentions": int(n_mentions),
        "event_types": {k: int(v) for k, v in sorted(by_type.items())},
        "partners": {k: dict(v) for k, v in partners.items()},
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


def actor_aggregates(store: Store, actor_id: str) -> Row:
    """``{"n_mentions", "event_types": {type: reports}, "partners": {actor: {"as_source", "as_target"}}}``."""
    return cached(store, ("aggregates", actor_id), lambda: _compute(store, actor_id))


def warm(store: Store, top_n: int = 50) -> int:
    """Compute the aggregates of the ``top_n`` most reported actors (those slow to count).
    Never raises: it runs in a background thread. Returns how many were computed."""
    done = 0
    try:
        ndocs = func.count(func.distinct(L.c.doc))
        with store.engine.connect() as conn:
            top = [
                r[0]
                for r in conn.execute(
                    select(L.c.actor)
                    .group_by(L.c.actor)
                    .having(ndocs >= HEAVY_DOCUMENTS)
                    .order_by(ndocs.desc())
                    .limit(top_n)
                )
            ]
        from .records import actor

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
