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
from newsgraph.errors import BadRequest
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


def Many(description: str) -> Any:
    """A parameter that may be repeated (``?actor=a&actor=b``): any of the values matches."""
    return Query(None, description=f"{description}; repeat for several")


MOST_VALUES = 50  # values of one repeated parameter


def many(values: list[str] | None, name: str) -> list[str]:
    """The non-blank values of a repeated parameter (a blank form field is no filter)."""
    out = [v for v in values or [] if v and v.strip()]
    if len(out) > MOST_VALUES or any(len(v) > 500 for v in out):
        raise BadRequest(f"{name}: at most {MOST_VALUES} values of at most 500 characters")
    return out


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


def actor_refs(store: Store, refs: list[str] | None, name: str = "actor") -> list[str] | None:
    """Actor ids from ids, names or aliases (None: no filter)."""
    return [queries.resolve_actor(store, r) for r in many(refs, name)] or None


def doc_ref(store: Store, ref: str | None) -> str | None:
    return queries.resolve_document(store, ref) if _b(ref) else None


# ---- the resources -------------------------------------------------------------------------
def overview(request: Request, mod: Modality = Depends(flags)) -> Payload:
    """Counts, the most reported actors, the latest real events and divergent accounts."""
    return queries.overview(store_of(request), **mod.params())


def documents(
    request: Request,
    outlet: list[str] | None = Many("Outlet"),
    date_from: str | None = From(),
    date_to: str | None = To(),
    limit: int = Limit(),
    cursor: str | None = Cursor(),
) -> Payload:
    store = store_of(request)
    outlets = many(outlet, "outlet")
    return queries.documents(
        store, outlet=outlets, date_from=_b(date_from), date_to=_b(date_to), limit=limit, cursor=cursor
    )


def document(request: Request, doc_id: str) -> Payload:
    return queries.document(store_of(request), doc_id)


def actors(
    request: Request,
    type: list[str] | None = Many("PERSON, ORG, STATE or LOCATION (or several, comma separated)"),
    q: str | None = Text("Part of a name or alias"),
    sort: Literal["documents", "name"] = "documents",
    limit: int = Limit(),
    cursor: str | None = Cursor(),
) -> Payload:
    types = many(type, "type")
    return queries.actors(store_of(request), type=types, q=_b(q), sort=sort, limit=limit, cursor=cursor)


def actor(request: Request, actor_id: str, mod: Modality = Depends(flags)) -> Payload:
    store = store_of(request)
    return queries.actor(store, queries.resolve_actor(store, actor_id), **mod.params())


def events(
    request: Request,
    actor: list[str] | None = Many("Actor id, name or alias"),
    type: list[str] | None = Many("PLOVER type (or several, comma separated)"),
    date_from: str | None = From(),
    date_to: str | None = To(),
    outlet: list[str] | None = Many("Outlet of the report's document"),
    document: str | None = Text("Document id, id prefix or file name"),
    cluster: str | None = Text(),
    mod: Modality = Depends(flags),
    limit: int = Limit(),
    cursor: str | None = Cursor(),
) -> Payload:
    store = store_of(request)
    return queries.events(
        store,
        actor=actor_refs(store, actor),
        type=many(type, "type"),
        date_from=_b(date_from),
        date_to=_b(date_to),
        outlet=many(outlet, "outlet"),
        doc=doc_ref(store, document),
        cluster=_b(cluster),
        limit=limit,
        cursor=cursor,
        **mod.params(),
    )


def clusters(
    request: Request,
    type: list[str] | None = Many("PLOVER type (or several, comma separated)"),
    actor: list[str] | None = Many("Actor id, name or alias"),
    date_from: str | None = From(),
    date_to: str | None = To(),
    outlet: list[str] | None = Many("Outlet of a report's document"),
    divergent: bool | None = None,
    mod: Modality = Depends(flags),
    limit: int = Limit(),
    cursor: str | None = Cursor(),
) -> Payload:
    store = store_of(request)
    return queries.clusters(
        store,
        type=many(type, "type"),
        actor=actor_refs(store, actor),
        date_from=_b(date_from),
        date_to=_b(date_to),
        outlet=many(outlet, "outlet"),
        divergent=divergent,
        limit=limit,
        cursor=cursor,
        **mod.params(),
    )


def cluster(request: Request, cluster_id: str) -> Payload:
    return queries.cluster(store_of(request), cluster_id)


def quotes(
    request: Request,
    speaker: list[str] | None = Many("Said by this actor (id, name or alias)"),
    about: str | None = Text("Mentions this actor (id, name or alias)"),
    document: str | None = Text("Document id, id prefix or file name"),
    kind: Literal["direct", "indirect"] | None = None,
    outlet: list[str] | None = Many("Outlet of the document"),
    date_from: str | None = From(),
    date_to: str | None = To(),
    limit: int = Limit(),
    cursor: str | None = Cursor(),
) -> Payload:
    store = store_of(request)
    return queries.quotes(
        store,
        speaker=actor_refs(store, speaker, "speaker"),
        about=actor_ref(store, about),
        doc=doc_ref(store, document),
        kind=kind,
        outlet=many(outlet, "outlet"),
        date_from=_b(date_from),
        date_to=_b(date_to),
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
    type: list[str] | None = Many("PLOVER type (or several, comma separated)"),
    date_from: str | None = From(),
    date_to: str | None = To(),
    mod: Modality = Depends(flags),
    max_nodes: int = Query(150, ge=1, le=5000),
) -> Payload:
    return queries.network(
        store_of(request),
        type=many(type, "type"),
        date_from=_b(date_from),
        date_to=_b(date_to),
        max_nodes=max_nodes,
        **mod.params(),
    )


def timeline(
    request: Request,
    actor: list[str] | None = Many("Actor id, name or alias"),
    type: list[str] | None = Many("PLOVER type (or several, comma separated)"),
    date_from: str | None = From(),
    date_to: str | None = To(),
    outlet: list[str] | None = Many("Outlet of a report's document"),
    mod: Modality = Depends(flags),
    limit: int = Limit(100),
    cursor: str | None = Cursor(),
) -> Payload:
    store = store_of(request)
    return queries.timeline(
        store,
        actor=actor_refs(store, actor),
        type=many(type, "type"),
        date_from=_b(date_from),
        date_to=_b(date_to),
        outlet=many(outlet, "outlet"),
        limit=limit,
        cursor=cursor,
        **mod.params(),
    )


def places(
    request: Request,
    type: list[str] | None = Many("PLOVER type (or several, comma separated)"),
    date_from: str | None = From(),
    date_to: str | None = To(),
    mod: Modality = Depends(flags),
) -> Payload:
    """Event locations with coordinates (the map), places without them, events without a place."""
    store, types = store_of(request), many(type, "type")
    return queries.places(store, type=types, date_from=_b(date_from), date_to=_b(date_to), **mod.params())


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
    "actor_refs",
    "actors",
    "cluster",
    "clusters",
    "divergent",
    "doc_ref",
    "document",
    "documents",
    "events",
    "flags",
    "many",
    "network",
    "overview",
    "places",
    "quotes",
    "relations",
    "search",
    "store_of",
    "timeline",
]
