"""Event clustering, v1: events with the same type, the same linked participants and
the same date (or no date) form one cluster. Blocking by (type, participants) keeps it
linear in the number of events."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..link import LinkContext, link_pass
from ..store import schema as t
from ..textutil import short_hash


@link_pass("clusters", version=1)
def cluster_events(ctx: LinkContext) -> None:
    amap = ctx.actor_map()
    blocks: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for ev in ctx.store.iter_rows(t.events, order_by=t.events.c.id):
        parts = frozenset(amap.get((ev["doc"], x)) for x in (ev["source"] or []) + (ev["target"] or []))
        parts = frozenset(p for p in parts if p)
        key = (ev["type"], tuple(sorted(parts)) or (ev["id"],), ev["date"] or "")
        blocks[key].append(ev)
    for key, evs in sorted(blocks.items(), key=lambda kv: kv[1][0]["id"]):
        cid = "c_" + short_hash(min(e["id"] for e in evs))
        ctx.clusters.append({"id": cid, "type": key[0], "date": key[2] or None, "divergent": False,
                             "n_events": len(evs), "n_documents": len({e["doc"] for e in evs})})
        ctx.cluster_events.extend({"cluster": cid, "event": e["id"]} for e in evs)
