"""Read-side queries shared by the HTTP API, the HTML pages and the notebook API.

Every statement is parameterised SQLAlchemy Core. Per-document rows carry document-local
entity ids; everything returned here uses GLOBAL actor ids (through ``actor_links``) and
plain dicts. Lists are pages ``{"items": [...], "next": cursor | None}`` with opaque
keyset cursors, so a page costs the same wherever it starts.
"""

from __future__ import annotations

from newsgraph.queries.base import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    Page,
    Row,
    check_date,
    decode_cursor,
    encode_cursor,
    resolve_actor,
    resolve_document,
)
from newsgraph.queries.docs import document, documents, overview, search
from newsgraph.queries.graph import network, relations, timeline
from newsgraph.queries.records import actor, actors, cluster, clusters, divergent, events, quotes

__all__ = [
    "DEFAULT_LIMIT",
    "MAX_LIMIT",
    "Page",
    "Row",
    "actor",
    "actors",
    "check_date",
    "cluster",
    "clusters",
    "decode_cursor",
    "divergent",
    "document",
    "documents",
    "encode_cursor",
    "events",
    "network",
    "overview",
    "quotes",
    "relations",
    "resolve_actor",
    "resolve_document",
    "search",
    "timeline",
]
