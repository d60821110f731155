"""What the cross-document passes read and produce (shared by every pass)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsgraph.store import Store


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
