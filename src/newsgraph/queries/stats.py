"""Start-up warming of the profile cache (:mod:`newsgraph.queries.cache`) for the most reported
actors, which the web app runs in a background thread."""

from __future__ import annotations

import logging

from newsgraph.queries.cache import HEAVY_DOCUMENTS, clear
from newsgraph.queries.profiles import actor, heavy_actors
from newsgraph.store import Store

log = logging.getLogger("newsgraph.queries")


def warm(store: Store, top_n: int = 50) -> int:
    """Cache the whole profiles of the ``top_n`` most reported actors (in at least
    :data:`~newsgraph.queries.cache.HEAVY_DOCUMENTS` documents). Never raises: it runs in a
    background thread. Returns how many were computed."""
    done = 0
    try:
        for aid in heavy_actors(store, top_n):
            actor(store, aid)  # caches the whole profile of a heavily reported actor
            done += 1
    except Exception as e:  # a closed store, a database being rebuilt: warming is best effort
        log.debug("cache warm-up stopped: %s", e)
    return done


__all__ = ["HEAVY_DOCUMENTS", "clear", "warm"]
