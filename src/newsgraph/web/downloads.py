"""CSV and JSON downloads of every list: ``/api/NOUN.csv`` and ``/api/NOUN.json`` take the list's
own filters (the same handler) and return every item the list shows across its pages, in its
order (at most :data:`MOST_ITEMS`; when cut, the JSON's ``next`` and the CSV's
``X-Newsgraph-Next`` header give the cursor of the rest). Each list page links to its downloads
with its filters (:func:`newsgraph.web.render.render`)."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response

import newsgraph.web.handlers as h
from newsgraph.queries import MAX_LIMIT
from newsgraph.queries.tables import csv_text

Payload = dict[str, Any]
MOST_ITEMS = 20_000
#: the lists that can be downloaded: the noun under /api and its handler
LISTS: tuple[tuple[str, Callable[..., Payload]], ...] = (
    ("documents", h.documents),
    ("actors", h.actors),
    ("events", h.events),
    ("clusters", h.clusters),
    ("quotes", h.quotes),
    ("divergent", h.divergent),
    ("timeline", h.timeline),
    ("search", h.search),
)
router = APIRouter(prefix="/api", include_in_schema=False)


def every_item(handler: Callable[..., Payload]) -> Callable[..., Payload]:
    """A dependency with ``handler``'s parameters less ``limit`` and ``cursor`` that follows the
    list's pages: ``{"items": every item (at most MOST_ITEMS), "next": the rest's cursor}``."""
    sig = inspect.signature(handler, eval_str=True)  # annotations as types, not strings
    most = MAX_LIMIT if handler is not h.search else 100

    def collect(**kw: Any) -> Payload:
        items: list[Any] = []
        cursor = None
        while len(items) < MOST_ITEMS:
            page = handler(**kw, limit=min(most, MOST_ITEMS - len(items)), cursor=cursor)
            items += page["items"]
            cursor = page["next"]
            if not cursor:
                break
        return {"items": items, "next": cursor}

    params = [p for name, p in sig.parameters.items() if name not in ("limit", "cursor")]
    collect.__signature__ = sig.replace(parameters=params)  # type: ignore[attr-defined]
    return collect


def _endpoint(noun: str, handler: Callable[..., Payload], kind: str) -> Callable[..., Response]:
    collect = every_item(handler)

    def download(**kw: Any) -> Response:
        data = collect(**kw)
        headers = {"content-disposition": f'attachment; filename="newsgraph-{noun}.{kind}"'}
        if kind == "json":
            return JSONResponse(data, headers=headers)
        if data["next"]:
            headers["x-newsgraph-next"] = data["next"]
        return Response(csv_text(data["items"]), media_type="text/csv; charset=utf-8", headers=headers)

    download.__signature__ = inspect.signature(collect)  # type: ignore[attr-defined]
    return download


for _noun, _handler in LISTS:
    for _kind in ("csv", "json"):
        router.add_api_route(
            f"/{_noun}.{_kind}", _endpoint(_noun, _handler, _kind), methods=["GET"], name=f"{_noun}_{_kind}"
        )

__all__ = ["LISTS", "MOST_ITEMS", "every_item", "router"]
