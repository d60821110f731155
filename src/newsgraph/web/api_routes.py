"""The JSON API under ``/api`` (described by ``/openapi.json``) and the optional upload endpoint."""

from __future__ import annotations

import secrets
import tempfile
from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, Header, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict

from newsgraph import queries
from newsgraph.errors import BadRequest, NewsgraphError, NotFound
from newsgraph.store import Store

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class ErrorModel(BaseModel):
    """Every error: ``ok`` is false, ``status`` repeats the HTTP status."""

    ok: bool
    error: str
    status: int


class PageModel(BaseModel):
    """A page of a list; pass ``next`` back as ``cursor`` for the following page (null: last page)."""

    model_config = ConfigDict(extra="allow")
    items: list[dict[str, Any]]
    next: str | None


class ObjectModel(BaseModel):
    model_config = ConfigDict(extra="allow")


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorModel, "description": "Bad request (invalid cursor, filter or query)"},
    404: {"model": ErrorModel, "description": "No such document, actor, event or cluster"},
    422: {"model": ErrorModel, "description": "Invalid parameter"},
}
router = APIRouter(prefix="/api", responses=ERRORS, tags=["api"])
ingest_router = APIRouter(prefix="/api", tags=["ingest"])


def Limit() -> Any:  # a fresh Query per parameter (FastAPI mutates them)
    return Query(queries.DEFAULT_LIMIT, ge=1, le=queries.MAX_LIMIT, description="Items per page")


def Cursor() -> Any:  # a fresh Query per parameter (FastAPI mutates them)
    return Query(None, max_length=2000, description="The `next` value of the previous page")


def From() -> Any:  # a fresh Query per parameter (FastAPI mutates them)
    return Query(None, alias="from", pattern=DATE, description="Earliest date, YYYY[-MM[-DD]]")


def To() -> Any:  # a fresh Query per parameter (FastAPI mutates them)
    return Query(None, alias="to", pattern=DATE, description="Latest date, YYYY[-MM[-DD]] (inclusive)")


def Text() -> Any:  # a fresh Query per parameter (FastAPI mutates them)
    return Query(None, max_length=500)


def store_of(request: Request) -> Store:
    return request.app.state.store  # type: ignore[no-any-return]


def actor_ref(store: Store, ref: str | None) -> str | None:
    """An actor id from an id or a name; None stays None."""
    return queries.resolve_actor(store, ref) if ref else None


def doc_ref(store: Store, ref: str | None) -> str | None:
    return queries.resolve_document(store, ref) if ref else None


def ok(data: Any) -> JSONResponse:
    return JSONResponse(data)


@router.get("/overview", response_model=ObjectModel, summary="Counts, top actors, latest events")
def api_overview(request: Request) -> JSONResponse:
    return ok(queries.overview(store_of(request)))


@router.get("/documents", response_model=PageModel, summary="Documents, newest first")
def api_documents(
    request: Request,
    outlet: str | None = Text(),
    date_from: str | None = From(),
    date_to: str | None = To(),
    limit: int = Limit(),
    cursor: str | None = Cursor(),
) -> JSONResponse:
    return ok(
        queries.documents(
            store_of(request), outlet=outlet, date_from=date_from, date_to=date_to, limit=limit, cursor=cursor
        )
    )


@router.get(
    "/documents/{doc_id}",
    response_model=ObjectModel,
    summary="One document: text, body and excluded spans, mentions, quotes, events",
)
def api_document(request: Request, doc_id: str) -> JSONResponse:
    return ok(queries.document(store_of(request), doc_id))


@router.get("/actors", response_model=PageModel, summary="Actors, most documents first (or by name)")
def api_actors(
    request: Request,
    type: str | None = Text(),
    q: str | None = Text(),
    sort: Literal["documents", "name"] = "documents",
    limit: int = Limit(),
    cursor: str | None = Cursor(),
) -> JSONResponse:
    return ok(queries.actors(store_of(request), type=type, q=q, sort=sort, limit=limit, cursor=cursor))


@router.get(
    "/actors/{actor_id}",
    response_model=ObjectModel,
    summary="An actor: aliases, titles with sources, affiliation, quotes, events, counterparts",
)
def api_actor(request: Request, actor_id: str) -> JSONResponse:
    store = store_of(request)
    return ok(queries.actor(store, queries.resolve_actor(store, actor_id)))


@router.get("/events", response_model=PageModel, summary="Event reports with global actors and evidence")
def api_events(
    request: Request,
    actor: str | None = Text(),
    type: str | None = Text(),
    date_from: str | None = From(),
    date_to: str | None = To(),
    document: str | None = Text(),
    cluster: str | None = Text(),
    include_negated: bool = False,
    include_hypothetical: bool = True,
    limit: int = Limit(),
    cursor: str | None = Cursor(),
) -> JSONResponse:
    store = store_of(request)
    return ok(
        queries.events(
            store,
            actor=actor_ref(store, actor),
            type=type,
            date_from=date_from,
            date_to=date_to,
            doc=doc_ref(store, document),
            cluster=cluster,
            include_negated=include_negated,
            include_hypothetical=include_hypothetical,
            limit=limit,
            cursor=cursor,
        )
    )


@router.get("/clusters", response_model=PageModel, summary="Real events (clusters of reports), newest first")
def api_clusters(
    request: Request,
    type: str | None = Text(),
    actor: str | None = Text(),
    date_from: str | None = From(),
    date_to: str | None = To(),
    divergent: bool | None = None,
    limit: int = Limit(),
    cursor: str | None = Cursor(),
) -> JSONResponse:
    store = store_of(request)
    return ok(
        queries.clusters(
            store,
            type=type,
            actor=actor_ref(store, actor),
            date_from=date_from,
            date_to=date_to,
            divergent=divergent,
            limit=limit,
            cursor=cursor,
        )
    )


@router.get(
    "/clusters/{cluster_id}",
    response_model=ObjectModel,
    summary="One real event with every report of it and the accounts of each party",
)
def api_cluster(request: Request, cluster_id: str) -> JSONResponse:
    return ok(queries.cluster(store_of(request), cluster_id))


@router.get(
    "/quotes", response_model=PageModel, summary="Quotes; speaker = said by, about = mentions the actor"
)
def api_quotes(
    request: Request,
    speaker: str | None = Text(),
    about: str | None = Text(),
    document: str | None = Text(),
    kind: Literal["direct", "indirect"] | None = None,
    limit: int = Limit(),
    cursor: str | None = Cursor(),
) -> JSONResponse:
    store = store_of(request)
    return ok(
        queries.quotes(
            store,
            speaker=actor_ref(store, speaker),
            about=actor_ref(store, about),
            doc=doc_ref(store, document),
            kind=kind,
            limit=limit,
            cursor=cursor,
        )
    )


@router.get("/divergent", response_model=PageModel, summary="Divergent accounts of the same event")
def api_divergent(request: Request, limit: int = Limit(), cursor: str | None = Cursor()) -> JSONResponse:
    return ok(queries.divergent(store_of(request), limit=limit, cursor=cursor))


@router.get(
    "/relations",
    response_model=ObjectModel,
    summary="Events and quotes between actors a and b (without b: a's counterparts)",
)
def api_relations(
    request: Request, a: str = Query(..., min_length=1, max_length=500), b: str | None = Text()
) -> JSONResponse:
    store = store_of(request)
    return ok(queries.relations(store, queries.resolve_actor(store, a), actor_ref(store, b)))


@router.get("/network", response_model=ObjectModel, summary="Actor network: edges count real events by type")
def api_network(
    request: Request,
    type: str | None = Text(),
    date_from: str | None = From(),
    date_to: str | None = To(),
    include_negated: bool = False,
    max_nodes: int = Query(150, ge=1, le=5000),
) -> JSONResponse:
    return ok(
        queries.network(
            store_of(request),
            type=type,
            date_from=date_from,
            date_to=date_to,
            include_negated=include_negated,
            max_nodes=max_nodes,
        )
    )


@router.get(
    "/timeline", response_model=PageModel, summary="Real events oldest first with a monthly histogram"
)
def api_timeline(
    request: Request,
    actor: str | None = Text(),
    type: str | None = Text(),
    date_from: str | None = From(),
    date_to: str | None = To(),
    limit: int = Limit(),
    cursor: str | None = Cursor(),
) -> JSONResponse:
    store = store_of(request)
    return ok(
        queries.timeline(
            store,
            actor=actor_ref(store, actor),
            type=type,
            date_from=date_from,
            date_to=date_to,
            limit=limit,
            cursor=cursor,
        )
    )


@router.get("/search", response_model=PageModel, summary="Full-text search over documents and quotes")
def api_search(
    request: Request,
    q: str = Query(..., min_length=1, max_length=500),
    limit: int = Query(20, ge=1, le=100),
    cursor: str | None = Cursor(),
) -> JSONResponse:
    return ok(queries.search(store_of(request), q, limit=limit, cursor=cursor))


# ---- upload (only with --allow-ingest) ------------------------------------------------------
class Unauthorized(NewsgraphError):
    status = 401


class TooLarge(NewsgraphError):
    status = 413


def _safe_name(name: str | None, kind: str) -> str:
    stem = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in Path(name or "upload").stem)[:80]
    return (stem.strip("._") or "upload") + "." + kind


@ingest_router.post(
    "/ingest",
    response_model=ObjectModel,
    summary="Upload one article (or a JSON/JSONL batch) and analyse it",
    responses={
        **ERRORS,
        401: {"model": ErrorModel, "description": "Missing or wrong X-Newsgraph-Token"},
        413: {"model": ErrorModel, "description": "Upload over the size limit"},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "text/plain": {"schema": {"type": "string"}},
                "application/octet-stream": {"schema": {"type": "string"}},
            },
        }
    },
)
async def api_ingest(
    request: Request,
    kind: Literal["txt", "html", "json", "jsonl"] = "txt",
    name: str | None = Query(None, max_length=200),
    x_newsgraph_token: str | None = Header(None, max_length=200),
) -> JSONResponse:
    """The body is the file's content (``--data-binary @article.txt``); ``kind`` says how to read it."""
    state = request.app.state
    if not x_newsgraph_token or not secrets.compare_digest(
        x_newsgraph_token.encode(), state.ingest_token.encode()
    ):
        raise Unauthorized("missing or wrong X-Newsgraph-Token header (printed when the server started)")
    limit = state.max_upload_bytes
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise TooLarge(f"upload is over the {limit:,}-byte limit")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise TooLarge(f"upload is over the {limit:,}-byte limit")
        chunks.append(chunk)
    if not size:
        raise BadRequest("empty upload: send the file's content as the request body")
    return ok(await run_in_threadpool(_ingest_bytes, request, b"".join(chunks), _safe_name(name, kind)))


def _ingest_bytes(request: Request, data: bytes, file_name: str) -> dict[str, Any]:
    from sqlalchemy import select

    from newsgraph.linking.run import run_link
    from newsgraph.pipeline.runner import ingest
    from newsgraph.store import schema as t

    state = request.app.state
    store: Store = state.store
    with state.ingest_lock, tempfile.TemporaryDirectory(prefix="newsgraph-upload-") as tmp:
        path = Path(tmp) / file_name
        path.write_bytes(data)
        report = ingest([str(path)], store, max_bytes=state.max_upload_bytes)
        with store.engine.connect() as conn:
            ids = [
                r[0] for r in conn.execute(select(t.documents.c.id).where(t.documents.c.path == str(path)))
            ]
        if report.added or report.replaced:
            run_link(store)
    if report.failed and not (report.added or report.exists):
        raise BadRequest("; ".join(e.split(": ", 1)[-1] for e in report.failed))
    return {"ok": True, "documents": ids, **report.as_dict()}


__all__ = ["ERRORS", "ErrorModel", "NotFound", "PageModel", "ingest_router", "router"]
