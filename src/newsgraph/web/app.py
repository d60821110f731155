"""The FastAPI application: JSON API under ``/api``, HTML pages, OpenAPI docs served locally.

Security model: binds to loopback by default (see ``newsgraph serve``), answers only to
loopback host names (DNS-rebinding guard), sends a strict Content-Security-Policy (no
inline script, nothing from other origins), opens the database read-only (SQLite
``PRAGMA query_only``) unless built with ``allow_ingest``, renders article text only
through autoescaping templates or :mod:`newsgraph.web.highlight`, and answers every error
as ``{"ok": false, "error", "status"}`` without a stack trace.
"""

from __future__ import annotations

import logging
import secrets
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import event
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsgraph.errors import NewsgraphError
from newsgraph.store import Store
from newsgraph.version import __version__
from newsgraph.web.render import render

log = logging.getLogger("newsgraph.web")
HERE = Path(__file__).parent
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
CSP_DOCS = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


class Guard:
    """Pure-ASGI middleware: refuses unknown Host headers and adds security headers."""

    def __init__(self, app: ASGIApp, allowed_hosts: Sequence[str]) -> None:
        self.app = app
        self.any_host = "*" in allowed_hosts
        self.allowed = {h.lower() for h in allowed_hosts}

    def _host_ok(self, scope: Scope) -> bool:
        if self.any_host:
            return True
        host = next((v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"host"), "")
        return host_name(host) in self.allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if not self._host_ok(scope):
            resp = JSONResponse({"ok": False, "error": "host not allowed", "status": 400}, status_code=400)
            await resp(scope, receive, send)
            return
        csp = CSP_DOCS if scope["path"] == "/docs" else CSP

        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"content-security-policy", csp.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                    (b"cross-origin-resource-policy", b"same-origin"),
                ]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, wrapped)


def host_name(host: str) -> str:
    """The name part of a Host header: ``[::1]:8000`` -> ``[::1]``, ``localhost:8000`` -> ``localhost``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    if host.count(":") == 1:
        return host.split(":", 1)[0]
    return host


def _read_only(store: Store) -> None:
    """Make every connection of ``store`` refuse writes."""

    def on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        if store.dialect == "sqlite":
            cur.execute("PRAGMA query_only = ON")
        else:  # pragma: no cover - needs a PostgreSQL server
            cur.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
        cur.close()

    event.listen(store.engine, "connect", on_connect)
    store.engine.dispose()  # connections opened before the listener was added


def wants_json(request: Request) -> bool:
    path = request.url.path
    return (
        path.startswith("/api")
        or path == "/openapi.json"
        or request.query_params.get("format") == "json"
        or "text/html" not in request.headers.get("accept", "text/html")
    )


def error_response(request: Request, status: int, message: str) -> Response:
    """The one error shape: JSON ``{"ok": false, "error", "status"}``, or an HTML page for browsers."""
    if wants_json(request):
        return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status)
    return HTMLResponse(
        render("error.html", request, {"status": status, "error": message}, title=f"Error {status}"),
        status_code=status,
    )


def _install_errors(app: FastAPI) -> None:
    async def handle(request: Request, exc: Exception) -> Response:
        if isinstance(exc, NewsgraphError):
            status = exc.status
            message = str(exc) if status < 500 else "internal error (see the server log)"
            if status >= 500:
                log.error("request %s failed: %s", request.url.path, exc)
        elif isinstance(exc, StarletteHTTPException):
            status, message = exc.status_code, str(exc.detail)
        elif isinstance(exc, RequestValidationError):  # a bad query parameter is a bad request
            status = 400
            message = (
                "; ".join(
                    f"{'.'.join(str(x) for x in e.get('loc', ()))}: {e.get('msg', 'invalid')}"
                    for e in exc.errors()
                )
                or "invalid request"
            )
        else:
            status, message = 500, "internal error (see the server log)"
            log.error("request %s failed", request.url.path, exc_info=exc)
        resp = error_response(request, status, message)
        if isinstance(exc, StarletteHTTPException) and exc.headers:  # e.g. Allow on 405
            resp.headers.update(exc.headers)
        return resp

    for exc_type in (NewsgraphError, StarletteHTTPException, RequestValidationError, Exception):
        app.add_exception_handler(exc_type, handle)


def swagger_assets() -> Path | None:
    """The folder with Swagger UI 5 (``swagger-ui-bundle.js``, ``swagger-ui.css``) shipped by the
    ``fastapi-offline`` package, or None (then ``/docs`` is a plain local page). Swagger UI 4
    (``swagger-ui-bundle`` on PyPI) cannot render OpenAPI 3.1, which FastAPI produces."""
    import importlib.util

    spec = importlib.util.find_spec("fastapi_offline")
    if spec is None or not spec.origin:
        return None
    folder = Path(spec.origin).parent / "static"
    return folder if (folder / "swagger-ui-bundle.js").is_file() else None


def _docs_page(app: FastAPI, swagger_dir: Path | None) -> None:
    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> Response:
        if swagger_dir is None:  # minimal local docs: the operations of the OpenAPI description
            ops = [
                (m.upper(), p, op.get("summary", ""))
                for p, item in app.openapi()["paths"].items()
                for m, op in item.items()
            ]
            return HTMLResponse(render("docs.html", request, {"operations": ops}, title="API"))
        return HTMLResponse(render("swagger.html", request, {}, title="API"))


def _routes(app: FastAPI, allow_ingest: bool) -> None:
    """The JSON API, the upload endpoint (with ``allow_ingest``), the HTML pages, static files, docs."""
    from newsgraph.web.api_routes import ingest_router, router
    from newsgraph.web.downloads import router as downloads_router
    from newsgraph.web.pages import router as pages_router

    app.include_router(downloads_router)
    app.include_router(router)
    if allow_ingest:
        app.include_router(ingest_router)
    app.include_router(pages_router)
    swagger_dir = swagger_assets()
    if swagger_dir is not None:
        app.mount("/static/swagger", StaticFiles(directory=swagger_dir), name="swagger")
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _docs_page(app, swagger_dir)


def _openapi_without_422(app: FastAPI) -> None:
    """FastAPI documents 422 for every operation with parameters; newsgraph answers a bad
    parameter with 400 (documented in :data:`~newsgraph.web.api_routes.ERRORS`)."""
    plain = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = plain()
            for item in spec.get("paths", {}).values():
                for op in item.values():
                    if isinstance(op, dict):
                        op.get("responses", {}).pop("422", None)
            for name in ("HTTPValidationError", "ValidationError"):
                spec.get("components", {}).get("schemas", {}).pop(name, None)
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def create_app(
    db: str | Store | None = None,
    allow_ingest: bool = False,
    *,
    ingest_token: str | None = None,
    max_upload_bytes: int = 2_000_000,
    allowed_hosts: Sequence[str] | None = None,
    warm_cache: bool = True,
) -> FastAPI:
    """The newsgraph web app over the database ``db`` (a path/URL or an open :class:`Store`).

    ``allow_ingest`` adds ``POST /api/ingest``, which needs ``ingest_token`` (generated when
    not given; read it from ``app.state.ingest_token``) in the ``X-Newsgraph-Token`` header.
    ``warm_cache`` precomputes, in a background thread, the aggregates of the most reported
    actors (slow to count on large stores) so that their pages open quickly.
    """
    store = db if isinstance(db, Store) else Store.open(db, create=False)
    if not allow_ingest:
        _read_only(store)
    app = FastAPI(
        title="newsgraph",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        description="Sourced record of actors, events, quotes, event clusters and divergent accounts "
        "read from news. Lists return `{items, next}`; pass `next` back as `cursor`. "
        "Errors return `{ok: false, error, status}`.",
    )
    app.state.store = store
    if warm_cache:
        from newsgraph.queries import stats

        threading.Thread(target=stats.warm, args=(store,), name="newsgraph-warm", daemon=True).start()
    app.state.allow_ingest = allow_ingest
    app.state.ingest_token = (ingest_token or secrets.token_urlsafe(24)) if allow_ingest else None
    app.state.max_upload_bytes = max_upload_bytes
    app.state.ingest_lock = threading.Lock()
    _routes(app, allow_ingest)
    _install_errors(app)
    _openapi_without_422(app)
    app.add_middleware(Guard, allowed_hosts=list(allowed_hosts or LOCAL_HOSTS))
    return app
