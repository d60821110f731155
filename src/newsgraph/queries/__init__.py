"""The read model: every read of the store for people goes through this package.

The CLI's list commands, the JSON API, the HTML pages (through :mod:`newsgraph.web.handlers`),
the exports and the notebook API (:mod:`newsgraph.api`) call these functions, so a count is the
same on every surface. Negated and hypothetical events follow one rule
(:mod:`newsgraph.queries.modality`), with ``include_negated`` / ``include_hypothetical`` to
include them.

Every statement is parameterised SQLAlchemy Core. Per-document rows carry document-local
entity ids; everything returned here uses GLOBAL actor ids (through ``actor_links``) and
plain dicts. Lists are pages ``{"items": [...], "next": cursor | None}`` with opaque
keyset cursors, so a page costs the same wherever it starts. Counts over the whole store are
:func:`newsgraph.queries.report.stats` (``queries.stats`` is the module that warms the cache).
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
from newsgraph.queries.docs import document, document_ids_at, documents, outlets, overview, search
from newsgraph.queries.geo import coordinates, places
from newsgraph.queries.graph import network, relations, timeline
from newsgraph.queries.modality import EVERYTHING, FACTUAL, Modality
from newsgraph.queries.profiles import actor, actor_links, actor_name, actors, find_actors
from newsgraph.queries.records import cluster, clusters, divergent, events, quotes
from newsgraph.queries.report import document_info

__all__ = [
    "DEFAULT_LIMIT",
    "EVERYTHING",
    "FACTUAL",
    "MAX_LIMIT",
    "Modality",
    "Page",
    "Row",
    "actor",
    "actor_links",
    "actor_name",
    "actors",
    "check_date",
    "cluster",
    "clusters",
    "coordinates",
    "decode_cursor",
    "divergent",
    "document",
    "document_ids_at",
    "document_info",
    "documents",
    "encode_cursor",
    "events",
    "find_actors",
    "network",
    "outlets",
    "overview",
    "places",
    "quotes",
    "relations",
    "resolve_actor",
    "resolve_document",
    "search",
    "timeline",
]
