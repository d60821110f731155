"""The cross-document pass: canonical actors, event clusters and divergent accounts.

It reads the per-document results from the store and rebuilds the link tables in one
transaction, so readers always see a complete pass. Passes are registered by name and
run in order; later issues register better actor linking and event clustering under the
same names (higher version wins).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, insert
from sqlalchemy.engine import Connection

from newsgraph.store import Store
from newsgraph.store import schema as t
from newsgraph.store.derived import rebuild_actor_stats, rebuild_event_actors

LinkFn = Callable[["LinkContext"], None]
_PASSES: dict[str, tuple[int, LinkFn]] = {}
LINK_ORDER = ("actors", "clusters")


def link_pass(name: str, version: int = 1) -> Callable[[LinkFn], LinkFn]:
    """Register ``fn`` as cross-document pass ``name``; the highest version registered wins."""

    def deco(fn: LinkFn) -> LinkFn:
        if name not in _PASSES or _PASSES[name][0] <= version:
            _PASSES[name] = (version, fn)
        return fn

    return deco


@dataclass
class LinkContext:
    """What the passes read (``store``) and what they produce (rows for the link tables)."""

    store: Store
    settings: dict[str, Any] = field(default_factory=dict)
    actors: list[dict[str, Any]] = field(default_factory=list)
    aliases: list[dict[str, Any]] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)
    roles: list[dict[str, Any]] = field(default_factory=list)
    clusters: list[dict[str, Any]] = field(default_factory=list)
    cluster_events: list[dict[str, Any]] = field(default_factory=list)
    accounts: list[dict[str, Any]] = field(default_factory=list)
    #: rows of ``event_actors``; None: derived from the stored tables after the passes
    event_actors: list[dict[str, Any]] | None = None
    timings: dict[str, float] = field(default_factory=dict)

    def actor_map(self) -> dict[tuple[str, str], str]:
        """(doc, local entity id) -> global actor id, from this pass's actor links."""
        return {(r["doc"], r["entity"]): r["actor"] for r in self.links}


def _load_builtin() -> None:
    import importlib

    for mod in ("newsgraph.linking",):
        try:
            importlib.import_module(mod)
        except ModuleNotFoundError as e:
            if e.name != mod:
                raise


def run_link(store: Store, **settings: Any) -> LinkContext:
    """Run every registered cross-document pass and store the results atomically."""
    _load_builtin()
    ctx = LinkContext(store, settings)
    for name in LINK_ORDER:
        if name in _PASSES:
            t0 = time.perf_counter()
            _PASSES[name][1](ctx)
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
