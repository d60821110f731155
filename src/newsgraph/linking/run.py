"""The cross-document pass: canonical actors, event clusters and divergent accounts.

It reads the per-document results from the store and rebuilds the link tables in one
transaction, so readers always see a complete pass. The passes are listed in
:data:`PASSES` and run in that order.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from newsgraph.linking.actors import link_actors
from newsgraph.linking.clusters import cluster_events
from newsgraph.linking.context import LinkContext
from newsgraph.store import Store

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
    rows = {name: getattr(ctx, name) for name in ("actors", "aliases", "links", "roles", "clusters",
                                                  "cluster_events", "accounts")}
    store.replace_link_results(rows, ctx.event_actors)
    return ctx
