"""Jinja2 rendering with autoescaping always on, and the URL helpers the templates use."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from starlette.requests import Request

from newsgraph.models import PLOVER_TYPES
from newsgraph.queries.evidence import DATE_SOURCES

TEMPLATES = Path(__file__).parent / "templates"
NAV = (
    ("/", "Overview"),
    ("/actors", "Actors"),
    ("/network", "Network"),
    ("/timeline", "Timeline"),
    ("/map", "Map"),
    ("/events", "Events"),
    ("/divergent", "Divergent"),
    ("/quotes", "Quotes"),
    ("/documents", "Documents"),
)


def pid(value: Any) -> str:
    """An id as one URL path segment."""
    return quote(str(value), safe="")


def u(path: str, **params: Any) -> str:
    """``path`` with the non-empty ``params`` as a query string."""
    q = {k: v for k, v in params.items() if v not in (None, "", False)}
    return path + ("?" + urlencode(q) if q else "")


def safe_url(url: Any) -> str | None:
    """``url`` when it is an absolute http(s) URL (safe as a link target), else None."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def doc_link(doc: str, start: int | None = None) -> str:
    """The link to a document, at the element starting at ``start``."""
    return f"/documents/{pid(doc)}" + (f"#o{int(start)}" if start is not None else "")


def actor_list(actors: list[dict[str, Any]] | None) -> Markup:
    """Links to actors, comma separated (names escaped)."""
    if not actors:
        return Markup("<span class='muted'>?</span>")
    return Markup(", ").join(
        Markup('<a href="{}" class="actor t-{}">{}</a>').format(
            "/actors/" + pid(a["id"]), a.get("type") or "X", a["name"]
        )
        for a in actors
    )


@lru_cache(maxsize=1)
def env() -> Environment:
    e = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    e.filters["pairs"] = lambda values: [(v, v) for v in values]  # options whose value is their text
    e.globals.update(
        u=u,
        pid=pid,
        safe_url=safe_url,
        doc_link=doc_link,
        actor_list=actor_list,
        nav=NAV,
        plover_types=PLOVER_TYPES,
        date_sources=DATE_SOURCES,
    )
    return e


#: parameters that say how to show a list, not which items it holds
VIEW_PARAMS = ("cursor", "format", "limit")


def canonical(items: list[tuple[str, str]], drop: tuple[str, ...]) -> str:
    """A query string of the non-blank ``items`` less ``drop``, sorted: the same filters always
    give the same URL, whatever order the form sent them in."""
    kept = sorted((k, v) for k, v in items if k not in drop and v.strip())
    return "?" + urlencode(kept) if kept else ""


def url_helpers(request: Request, twin: str | None) -> dict[str, Any]:
    """The URL builders of a page: ``here(**changes)`` (this page, repeated parameters kept),
    ``values(name)`` (a parameter's non-blank values), ``permalink`` (this filtered view, first
    page) and ``downloads`` (CSV and JSON of the whole list, when the page has a JSON twin)."""
    items = list(request.query_params.multi_items())
    path = request.url.path

    def here(**changes: Any) -> str:
        kept = [(k, v) for k, v in items if k not in changes and v != ""]
        kept += [(k, str(v)) for k, v in changes.items() if v not in (None, "", False)]
        return path + ("?" + urlencode(kept) if kept else "")

    def values(name: str, split: bool = False) -> list[str]:
        vals = [v.strip() for v in request.query_params.getlist(name) if v.strip()]
        return [x.strip() for v in vals for x in v.split(",") if x.strip()] if split else vals

    out: dict[str, Any] = {"here": here, "values": values, "permalink": path + canonical(items, ("cursor",))}
    out["downloads"] = None
    if twin:
        query = canonical(items, VIEW_PARAMS)
        out["downloads"] = {kind: f"/api/{twin}.{kind}{query}" for kind in ("csv", "json")}
    return out


def render(
    template: str, request: Request, data: Any, *, title: str, twin: str | None = None, **extra: Any
) -> str:
    """Render ``template`` with ``data`` and the page's URL helpers (:func:`url_helpers`);
    ``twin`` is the noun of the page's list under ``/api`` (for its downloads)."""
    params = dict(request.query_params)
    helpers = url_helpers(request, twin)
    context = {"data": data, "title": title, "request": request, "params": params, "path": request.url.path}
    return env().get_template(template).render(**context, **helpers, **extra)
