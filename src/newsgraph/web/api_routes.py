"""The JSON API under ``/api`` (described by ``/openapi.json``) and the optional upload endpoint."""

from __future__ import annotations

import secrets
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict

import newsgraph.web.handlers as h
from newsgraph.errors import BadRequest, NewsgraphError, NotFound
from newsgraph.store import Store

Handler = Callable[..., dict[str, Any]]


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
    400: {"model": ErrorModel, "description": "Bad request: an invalid parameter, cursor, filter or search"},
    404: {"model": ErrorModel, "description": "No such document, actor, event or cluster"},
}
router = APIRouter(prefix="/api", responses=ERRORS, tags=["api"])
ingest_router = APIRouter(prefix="/api", tags=["ingest"])

#: (path under /api, handler, response model, summary): each handler serves its HTML page too
RESOURCES: tuple[tuple[str, Handler, type[BaseModel], str], ...] = (
    ("/overview", h.overview, ObjectModel, "Counts, top actors, latest events"),
    ("/documents", h.documents, PageModel, "Documents, newest first"),
    (
        "/documents/{doc_id}",
        h.document,
        ObjectModel,
        "One document: text, body and excluded spans, mentions, quotes, events",
    ),
    ("/actors", h.actors, PageModel, "Actors, most documents first (or by name)"),
    (
        "/actors/{actor_id}",
        h.actor,
        ObjectModel,
        "An actor: aliases, titles with sources, affiliation, quotes, events, counterparts",
    ),
    ("/events", h.events, PageModel, "Event reports with global actors and evidence"),
    ("/clusters", h.clusters, PageModel, "Real events (clusters of reports), newest first"),
    (
        "/clusters/{cluster_id}",
        h.cluster,
        ObjectModel,
        "One real event with every report of it and the accounts of each party",
    ),
    ("/quotes", h.quotes, PageModel, "Quotes; speaker = said by, about = mentions the actor"),
    ("/divergent", h.divergent, PageModel, "Divergent accounts of the same event"),
    (
        "/relations",
        h.relations,
        ObjectModel,
        "Events and quotes between actors a and b (without b: a's counterparts)",
    ),
    ("/network", h.network, ObjectModel, "Actor network: edges count real events by type"),
    ("/timeline", h.timeline, PageModel, "Real events oldest first with a monthly histogram"),
    ("/map", h.places, ObjectModel, "Event locations with coordinates (offline gazetteer)"),
    ("/search", h.search, PageModel, "Full-text search over documents and quotes"),
)


def json_endpoint(handler: Handler) -> Callable[..., JSONResponse]:
    """The API operation of ``handler``: its payload as JSON."""

    def endpoint(data: dict[str, Any] = Depends(handler)) -> JSONResponse:
        return JSONResponse(data)

    endpoint.__doc__ = handler.__doc__
    return endpoint


for _path, _handler, _model, _summary in RESOURCES:
    router.add_api_route(
        _path,
        json_endpoint(_handler),
        methods=["GET"],
        response_model=_model,
        summary=_summary,
        name=f"api_{_handler.__name__}",
    )


def ok(data: Any) -> JSONResponse:
    return JSONResponse(data)


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
    from newsgraph.linking.run import run_link
    from newsgraph.pipeline.runner import ingest
    from newsgraph.queries import document_ids_at

    state = request.app.state
    store: Store = state.store
    with state.ingest_lock, tempfile.TemporaryDirectory(prefix="newsgraph-upload-") as tmp:
        path = Path(tmp) / file_name
        path.write_bytes(data)
        report = ingest([str(path)], store, max_bytes=state.max_upload_bytes)
        ids = document_ids_at(store, str(path))
        if report.added or report.replaced:
            run_link(store)
    if report.failed and not (report.added or report.exists):
        raise BadRequest("; ".join(e.split(": ", 1)[-1] for e in report.failed))
    return {"ok": True, "documents": ids, **report.as_dict()}


__all__ = ["ERRORS", "RESOURCES", "ErrorModel", "NotFound", "PageModel", "ingest_router", "router"]
