"""HTML pages: each renders a template over the payload of its JSON twin.

A page and its twin share one handler (:mod:`newsgraph.web.handlers`), so they take the same
parameters with the same defaults and the page's ``?format=json`` is exactly what the API
returns:

=========================  ==========================  ================
page                        JSON twin                   template
=========================  ==========================  ================
``/``                       ``/api/overview``           index.html
``/actors``                 ``/api/actors``             actors.html
``/actors/{id}``            ``/api/actors/{id}``        actor.html
``/network``                ``/api/network``            network.html
``/timeline``               ``/api/timeline``           timeline.html
``/events``                 ``/api/clusters``           events.html
``/events/{cluster id}``    ``/api/clusters/{id}``      event.html
``/divergent``              ``/api/divergent``          divergent.html
``/quotes``                 ``/api/quotes``             quotes.html
``/documents``              ``/api/documents``          documents.html
``/documents/{id}``         ``/api/documents/{id}``     document.html
``/relations?a=&b=``        ``/api/relations``          relations.html
``/search?q=``              ``/api/search``             search.html
=========================  ==========================  ================
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

import newsgraph.queries as queries
import newsgraph.web.handlers as h
from newsgraph.errors import BadRequest
from newsgraph.web.highlight import document_html
from newsgraph.web.render import pid, render

router = APIRouter(include_in_schema=False)
Payload = dict[str, Any]
Title = Callable[[Payload, Request], str]


def Fmt() -> Any:  # a fresh Query per parameter (FastAPI mutates them)
    return Query(None, alias="format", pattern="^(json|html)$")


def page(
    request: Request, template: str, data: Payload, fmt: str | None, *, title: str, **extra: Any
) -> Response:
    """``data`` as JSON (``?format=json``) or rendered through ``template``."""
    if fmt == "json":
        return JSONResponse(data)
    return HTMLResponse(render(template, request, data, title=title, **extra))


def form_choices(request: Request) -> Payload:
    """What the filter forms offer besides the payload: the outlets, and the names of the actors
    the URL filters on (it may give ids)."""
    store = h.store_of(request)
    names: dict[str, str] = {}
    for name in ("actor", "speaker"):
        for ref in request.query_params.getlist(name)[: h.MOST_VALUES]:
            if ref.strip() and len(ref) <= 500:
                names[ref] = queries.actor_name(store, ref) or ref
    return {"outlets": queries.outlets(store), "names": names}


def page_endpoint(
    handler: Callable[..., Payload], template: str, title: Title, twin: str | None
) -> Callable[..., Response]:
    """The HTML page of ``handler``: ``template`` over its payload (``twin``: its list's noun under
    ``/api``, for the downloads)."""

    def endpoint(request: Request, data: Payload = Depends(handler), fmt: str | None = Fmt()) -> Response:
        extra = {"twin": twin, "choices": form_choices(request)} if twin else {}
        return page(request, template, data, fmt, title=title(data, request), **extra)

    return endpoint


def _relations_title(data: Payload, _request: Request) -> str:
    return str(data["a"]["name"]) + (f" – {data['b']['name']}" if data.get("b") else "")


#: (path, handler, template, title, the noun of its list under /api or None) of the pages
#: rendered straight from their handler
PAGES: tuple[tuple[str, Callable[..., Payload], str, Title, str | None], ...] = (
    ("/", h.overview, "index.html", lambda d, r: "Overview", None),
    ("/actors", h.actors, "actors.html", lambda d, r: "Actors", "actors"),
    ("/network", h.network, "network.html", lambda d, r: "Network", None),
    ("/timeline", h.timeline, "timeline.html", lambda d, r: "Timeline", "timeline"),
    ("/events", h.clusters, "events.html", lambda d, r: "Events", "clusters"),
    ("/events/{cluster_id}", h.cluster, "event.html", lambda d, r: f"{d['type']} event", None),
    ("/divergent", h.divergent, "divergent.html", lambda d, r: "Divergent accounts", "divergent"),
    ("/quotes", h.quotes, "quotes.html", lambda d, r: "Quotes", "quotes"),
    ("/documents", h.documents, "documents.html", lambda d, r: "Documents", "documents"),
    ("/relations", h.relations, "relations.html", _relations_title, None),
    ("/map", h.places, "map.html", lambda d, r: "Map", None),
)

for _path, _handler, _template, _title, _twin in PAGES:
    router.add_api_route(
        _path,
        page_endpoint(_handler, _template, _title, _twin),
        methods=["GET"],
        name=f"page_{_handler.__name__}",
    )


@router.get("/actors/{actor_id}")
def actor_page(
    request: Request, actor_id: str, data: Payload = Depends(h.actor), fmt: str | None = Fmt()
) -> Response:
    if data["id"] != actor_id:  # a name or alias: go to the canonical page
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(f"/actors/{pid(data['id'])}{query}", 303)
    return page(request, "actor.html", data, fmt, title=data["name"])


@router.get("/documents/{doc_id}")
def document_page(request: Request, data: Payload = Depends(h.document), fmt: str | None = Fmt()) -> Response:
    if fmt == "json":
        return JSONResponse(data)
    title = data["document"]["title"] or data["document"]["id"]
    return page(request, "document.html", data, fmt, title=title, body_html=document_html(data))


@router.get("/search")
def search_page(
    request: Request,
    q: str | None = h.Text(),
    limit: int = h.Limit(20, 100),
    cursor: str | None = h.Cursor(),
    fmt: str | None = Fmt(),
) -> Response:
    # the twin /api/search needs q; without one the page shows the empty form
    data = dict(h.NO_SEARCH)
    if q and q.strip():
        try:
            data = h.search(request, q=q, limit=limit, cursor=cursor)
        except BadRequest as e:  # invalid syntax: the form again with what to change
            if fmt == "json":
                raise
            data["error"] = str(e)
    title = f"Search: {q}" if q else "Search"
    # a query that is not valid is the form again with what to change (200: the page works; the
    # JSON twin answers 400)
    return page(request, "search.html", data, fmt, title=title, twin="search" if q and q.strip() else None)
