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


def render(template: str, request: Request, data: Any, *, title: str, **extra: Any) -> str:
    """Render ``template`` with ``data``; ``here(**changes)`` builds this page's URL with changed params."""
    params = dict(request.query_params)

    def here(**changes: Any) -> str:
        return u(request.url.path, **{**params, **changes})

    return (
        env()
        .get_template(template)
        .render(
            data=data, title=title, request=request, params=params, here=here, path=request.url.path, **extra
        )
    )
