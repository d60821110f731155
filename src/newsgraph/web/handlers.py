"""One handler per web resource: its parameters (declared once) and its payload.

Each handler is a FastAPI dependency that reads its query and path parameters, calls
:mod:`newsgraph.queries` and returns the payload. The JSON API (:mod:`newsgraph.web.api_routes`)
returns that payload as it is; the HTML page of the same resource (:mod:`newsgraph.web.pages`)
renders a template over the very same payload, and answers ``?format=json`` with it. So a page
always shows what its JSON twin returns, with the same parameters and defaults (the design of
Datasette's views: one ``data()`` per view, rendered as JSON or through a template).

Empty text parameters (what an HTML form sends for a field left blank) mean "no filter".
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import Depends, Query, Request

import newsgraph.queries as queries
from newsgraph.queries.modality import Modality
from newsgraph.store import Store

Payload = dict[str, Any]
DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"


# ---- parameters (a fresh Query per use: FastAPI mutates them) -------------------------------
def Limit(default: int = queries.DEFAULT_LIMIT, most: int = queries.MAX_LIMIT) -> Any:
    return Query(default, ge=1, le=most, description="Items per page")


def Cursor() -> Any:
    return Query(None, max_length=2000, description="The `next` value of the previous page")


def From() -> Any:
    return Query(None, alias="from", pattern=DATE, description="Earliest date, YYYY[-MM[-DD]]")


def To() -> Any:
    return Query(None, alias="to", pattern=DATE, description="Latest date, YYYY[-MM[-DD]] (inclusive)")


def Text(description: str | None = None) -> Any:
    return Query(None, max_length=500, description=description)


def flags(
    include_negated: bool = Query(False, description="Include negated events (flagged)"),
    include_hypothetical: bool = Query(False, description="Include hypothetical events (flagged)"),
) -> Modality:
    """The negated/hypothetical filter (:mod:`newsgraph.queries.modality`)."""
    return Modality(include_negated, include_hypothetical)


def store_of(request: Request) -> Store:
    return request.app.state.store  # type: ignore[no-any-return]


def _b(v: str | None) -> str | None:
    """A blank text parameter is no filter."""
    return v if v and v.strip() else None


def actor_ref(store: Store, ref: str | None) -> str | None:
    """An actor id from an id, a name or an alias; blank stays None."""
    return queries.resolve_actor(store, ref) if _b(ref) else None


def doc_ref(store: Store, ref: str | None) -> str | None:
    return queries.resolve_document(store, ref) if _b(ref) else None


# ---- the resources -------------------------------------------------------------------------
def overview(request: Request, mod: Modality = Depends(flags)) -> Payload:
    """Counts, the most reported actors, the latest real events and divergent accounts."""
    return queries.overview(store_of(request), **mod.params())


def documents(
    request: Request,
    outlet: str | None = Text(),
    date_from: str | None = From(),
    date_to: str | None = To(),
    limit: int = Limit(),
    cursor: str | None = Cursor(),
) -> Payload:
    store = store_of(request)
    return queries.documents(
        store, outlet=_b(outlet), date_from=_b(date_from), date_to=_b(date_to), limit=limit, cursor=cursor
    )


def document(request: Request, doc_id: str) -> Payload:
    return queries.document(store_of(request), doc_id)


def actors(
    request: Request,
    type: str | None = Text("PERSON, ORG, STATE or LOCATION (comma separated)"),
    q: str | None = Text("Part of a name or alias"),
    sort: Literal["documents", "name"] = "documents",
    limit: int = Limit(),
    cursor: str | None = Cursor(),
) -> Payload:
    return queries.actors(store_of(request), type=_b(type), q=_b(q), sort=sort, limit=limit, cursor=cursor)


def actor(request: Request, actor_id: str, mod: Modality = Depends(flags)) -> Payload:
    store = store_of(request)
    return queries.actor(store, queries.resolve_actor(store, actor_id), **mod.params())


def events(
    request: Request,
    actor: str | None = Text("Actor id, name or alias"),
    type: str | None = Text("PLOVER types, comma separated"),
    date_from: str | None = From(),
    date_to: str | None = To(),
    document: str | None = Text("Document id, id prefix or file name"),
    cluster: str | None = Text(),
    mod: Modality = Depends(flags),
    limit: int = Limit(),
    cursor: str | None = Cursor(),
) -> Payload:
    store = store_of(request)
    return queries.events(
        store,
        actor=actor_ref(store, actor),
        type=_b(type),
        date_from=_b(date_from),
        date_to=_b(date_to),
        doc=doc_ref(store, document),
        cluster=_b(cluster),
        limit=limit,
        cursor=cursor,
        **mod.params(),
    )


def clusters(
    request: Request,
    type: str | None = Text("PLOVER types, comma separated"),
    actor: str | None = Text("Actor id, name or alias"),
    date_from: str | None = From(),
    date_to: str | None = To(),
    divergent: bool | None = None,
    mod: Modality = Depends(flags),
    limit: int = Limit(),
    cursor: str | None = Cursor(),
) -> Payload:
    store = store_of(request)
    return queries.clusters(
        store,
        type=_b(type),
        actor=actor_ref(store, actor),
        date_from=_b(date_from),
        date_to=_b(date_to),
        divergent=divergent,
        limit=limit,
        cursor=cursor,
        **mod.params(),
    )


def cluster(request: Request, cluster_id: str) -> Payload:
    return queries.cluster(store_of(request), cluster_id)


def quotes(
    request: Request,
    speaker: str | None = Text("Said by this actor (id, name or alias)"),
    about: str | None = Text("Mentions this actor (id, name or alias)"),
    document: str | None = Text("Document id, id prefix or file name"),
    kind: Literal["direct", "indirect"] | None = None,
    limit: int = Limit(),
    cursor: str | None = Cursor(),
) -> Payload:
    store = store_of(request)
    return queries.quotes(
        store,
        speaker=actor_ref(store, speaker),
        about=actor_ref(store, about),
        doc=doc_ref(store, document),
        kind=kind,
        limit=limit,
        cursor=cursor,
    )


def divergent(
    request: Request, mod: Modality = Depends(flags), limit: int = Limit(20), cursor: str | None = Cursor()
) -> Payload:
    return queries.divergent(store_of(request), limit=limit, cursor=cursor, **mod.params())


def relations(
    request: Request,
    a: str = Query(..., min_length=1, max_length=500, description="Actor id, name or alias"),
    b: str | None = Text("Another actor; without it: a's counterparts"),
    mod: Modality = Depends(flags),
) -> Payload:
    store = store_of(request)
    return queries.relations(store, queries.resolve_actor(store, a), actor_ref(store, b), **mod.params())


def network(
    request: Request,
    type: str | None = Text("PLOVER types, comma separated"),
    date_from: str | None = From(),
    date_to: str | None = To(),
    mod: Modality = Depends(flags),
    max_nodes: int = Query(150, ge=1, le=5000),
) -> Payload:
    return queries.network(
        store_of(request),
        type=_b(type),
        date_from=_b(date_from),
        date_to=_b(date_to),
        max_nodes=max_nodes,
        **mod.params(),
    )


def timeline(
    request: Request,
    actor: str | None = Text("Actor id, name or alias"),
    type: str | None = Text("PLOVER types, comma separated"),
    date_from: str | None = From(),
    date_to: str | None = To(),
    mod: Modality = Depends(flags),
    limit: int = Limit(100),
    cursor: str | None = Cursor(),
) -> Payload:
    store = store_of(request)
    return queries.timeline(
        store,
        actor=actor_ref(store, actor),
        type=_b(type),
        date_from=_b(date_from),
        date_to=_b(date_to),
        limit=limit,
        cursor=cursor,
        **mod.params(),
    )


def search(
    request: Request,
    q: str = Query(..., min_length=1, max_length=500, description="Words to find"),
    limit: int = Limit(20, 100),
    cursor: str | None = Cursor(),
) -> Payload:
    return queries.search(store_of(request), q, limit=limit, cursor=cursor)


#: what the search page shows before anything is searched
NO_SEARCH: Payload = {"items": [], "next": None, "actors": []}

__all__ = [
    "DATE",
    "NO_SEARCH",
    "actor",
    "actor_ref",
    "actors",
    "cluster",
    "clusters",
    "divergent",
    "doc_ref",
    "document",
    "documents",
    "events",
    "flags",
    "network",
    "overview",
    "quotes",
    "relations",
    "search",
    "store_of",
    "timeline",
]
