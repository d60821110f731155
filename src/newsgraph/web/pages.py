"""HTML pages. Each page has a JSON twin: the same data with ``?format=json``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from newsgraph import queries
from newsgraph.web.api_routes import DATE, actor_ref, doc_ref, store_of
from newsgraph.web.highlight import document_html
from newsgraph.web.render import pid, render

router = APIRouter(include_in_schema=False)


def Fmt() -> Any:  # a fresh Query per parameter (FastAPI mutates them)
    return Query(None, alias="format", pattern="^(json|html)$")


def Cursor() -> Any:  # a fresh Query per parameter (FastAPI mutates them)
    return Query(None, max_length=2000)


def From() -> Any:  # a fresh Query per parameter (FastAPI mutates them)
    return Query(None, alias="from", pattern=DATE)


def To() -> Any:  # a fresh Query per parameter (FastAPI mutates them)
    return Query(None, alias="to", pattern=DATE)


def Text() -> Any:  # a fresh Query per parameter (FastAPI mutates them)
    return Query(None, max_length=500)


def page(
    request: Request, template: str, data: Any, fmt: str | None, *, title: str, **extra: Any
) -> Response:
    if fmt == "json":
        return JSONResponse(data)
    return HTMLResponse(render(template, request, data, title=title, **extra))


def _blank(v: str | None) -> str | None:
    return v if v else None


@router.get("/")
def index(request: Request, fmt: str | None = Fmt()) -> Response:
    return page(request, "index.html", queries.overview(store_of(request)), fmt, title="Overview")


@router.get("/actors")
def actors_page(
    request: Request,
    type: str | None = Text(),
    q: str | None = Text(),
    sort: str = "documents",
    cursor: str | None = Cursor(),
    fmt: str | None = Fmt(),
) -> Response:
    data = queries.actors(store_of(request), type=_blank(type), q=_blank(q), sort=sort, cursor=cursor)
    return page(request, "actors.html", data, fmt, title="Actors")


@router.get("/actors/{actor_id}")
def actor_page(request: Request, actor_id: str, fmt: str | None = Fmt()) -> Response:
    store = store_of(request)
    aid = queries.resolve_actor(store, actor_id)
    if aid != actor_id:  # a name or alias: go to the canonical page
        return RedirectResponse(f"/actors/{pid(aid)}" + ("?format=json" if fmt == "json" else ""), 303)
    data = queries.actor(store, aid)
    return page(request, "actor.html", data, fmt, title=data["name"])


@router.get("/network")
def network_page(
    request: Request,
    type: str | None = Text(),
    date_from: str | None = From(),
    date_to: str | None = To(),
    fmt: str | None = Fmt(),
) -> Response:
    if fmt == "json":
        return JSONResponse(
            queries.network(store_of(request), type=_blank(type), date_from=date_from, date_to=date_to)
        )
    return page(request, "network.html", {}, fmt, title="Network")


@router.get("/timeline")
def timeline_page(
    request: Request,
    actor: str | None = Text(),
    type: str | None = Text(),
    date_from: str | None = From(),
    date_to: str | None = To(),
    cursor: str | None = Cursor(),
    fmt: str | None = Fmt(),
) -> Response:
    store = store_of(request)
    data = queries.timeline(
        store,
        actor=actor_ref(store, _blank(actor)),
        type=_blank(type),
        date_from=date_from,
        date_to=date_to,
        cursor=cursor,
        limit=100,
    )
    return page(request, "timeline.html", data, fmt, title="Timeline")


@router.get("/events")
def events_page(
    request: Request,
    actor: str | None = Text(),
    type: str | None = Text(),
    date_from: str | None = From(),
    date_to: str | None = To(),
    cursor: str | None = Cursor(),
    fmt: str | None = Fmt(),
) -> Response:
    store = store_of(request)
    data = queries.clusters(
        store,
        actor=actor_ref(store, _blank(actor)),
        type=_blank(type),
        date_from=date_from,
        date_to=date_to,
        cursor=cursor,
    )
    return page(request, "events.html", data, fmt, title="Events")


@router.get("/events/{cluster_id}")
def event_page(request: Request, cluster_id: str, fmt: str | None = Fmt()) -> Response:
    data = queries.cluster(store_of(request), cluster_id)
    return page(request, "event.html", data, fmt, title=f"{data['type']} event")


@router.get("/divergent")
def divergent_page(request: Request, cursor: str | None = Cursor(), fmt: str | None = Fmt()) -> Response:
    data = queries.divergent(store_of(request), cursor=cursor, limit=20)
    return page(request, "divergent.html", data, fmt, title="Divergent accounts")


@router.get("/quotes")
def quotes_page(
    request: Request,
    speaker: str | None = Text(),
    about: str | None = Text(),
    document: str | None = Text(),
    cursor: str | None = Cursor(),
    fmt: str | None = Fmt(),
) -> Response:
    store = store_of(request)
    data = queries.quotes(
        store,
        speaker=actor_ref(store, _blank(speaker)),
        about=actor_ref(store, _blank(about)),
        doc=doc_ref(store, _blank(document)),
        cursor=cursor,
    )
    return page(request, "quotes.html", data, fmt, title="Quotes")


@router.get("/documents")
def documents_page(
    request: Request,
    outlet: str | None = Text(),
    date_from: str | None = From(),
    date_to: str | None = To(),
    cursor: str | None = Cursor(),
    fmt: str | None = Fmt(),
) -> Response:
    data = queries.documents(
        store_of(request), outlet=_blank(outlet), date_from=date_from, date_to=date_to, cursor=cursor
    )
    return page(request, "documents.html", data, fmt, title="Documents")


@router.get("/documents/{doc_id}")
def document_page(request: Request, doc_id: str, fmt: str | None = Fmt()) -> Response:
    data = queries.document(store_of(request), doc_id)
    if fmt == "json":
        return JSONResponse(data)
    return page(
        request,
        "document.html",
        data,
        fmt,
        title=data["document"]["title"] or data["document"]["id"],
        body_html=document_html(data),
    )


@router.get("/relations")
def relations_page(
    request: Request,
    a: str = Query(..., min_length=1, max_length=500),
    b: str | None = Text(),
    fmt: str | None = Fmt(),
) -> Response:
    store = store_of(request)
    data = queries.relations(store, queries.resolve_actor(store, a), actor_ref(store, _blank(b)))
    title = data["a"]["name"] + (f" – {data['b']['name']}" if data.get("b") else "")
    return page(request, "relations.html", data, fmt, title=title)


@router.get("/search")
def search_page(
    request: Request, q: str | None = Text(), cursor: str | None = Cursor(), fmt: str | None = Fmt()
) -> Response:
    data = (
        queries.search(store_of(request), q, cursor=cursor)
        if q and q.strip()
        else {"items": [], "next": None, "actors": []}
    )
    return page(request, "search.html", data, fmt, title=f"Search: {q}" if q else "Search")
