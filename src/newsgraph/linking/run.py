"""The cross-document pass: canonical actors, event clusters and divergent accounts.

It reads the per-document results from the store and rebuilds the link tables in one
transaction, so readers always see a complete pass. The passes are listed in
:data:`PASSES` and run in that order.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import delete, insert
from sqlalchemy.engine import Connection

from newsgraph.linking.actors import link_actors
from newsgraph.linking.clusters import cluster_events
from newsgraph.linking.context import LinkContext
from newsgraph.store import Store
from newsgraph.store import schema as t
from newsgraph.store.derived import rebuild_actor_stats, rebuild_event_actors

LinkFn = Callable[[LinkContext], None]

#: the cross-document passes, in the order they run
PASSES: tuple[tuple[str, LinkFn], ...] = (("actors", link_actors), ("clusters", cluster_events))


def run_link(store: Store, **settings: Any) -> LinkContext:
    """Run every registered cross-document pass and store the results atomically."""
    ctx = LinkContext(store, settings)
    for name, fn in PASSES:
        t0 = time.perf_counter()
        fn(ctx)
        ctx.timings[name] = time.perf_counter() - t0
    with store.engine.begin() as conn:
        _replace(conn, ctx)
    return ctx


def _replace(conn: Connection, ctx: LinkContext) -> None:
    for table in t.LINK_TABLES:
        conn.execute(delete(table))
    for table, rows in ((t.actors, ctx.actors), (t.actor_aliases, ctx.aliases), (t.actor_links, ctx.links),
                        (t.roles, ctx.roles), (t.clusters, ctx.clusters),
                        (t.cluster_events, ctx.cluster_events), (t.cluster_accounts, ctx.accounts)):
        _insert(conn, table, rows)
    if ctx.event_actors is None:
        rebuild_event_actors(conn)
    else:
        _insert(conn, t.event_actors, ctx.event_actors)
    rebuild_actor_stats(conn, ctx.event_actors)


def _insert(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    for i in range(0, len(rows), 5000):
        if rows[i:i + 5000]:
            conn.execute(insert(table), rows[i:i + 5000])
