"""Security of the web surface: escaping of untrusted article text everywhere it is rendered,
headers, host check, read-only store, errors without stack traces, and a bounded
schemathesis fuzz of the API against its own OpenAPI description."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import negative_data_rejection, positive_data_acceptance
from sqlalchemy import insert
from sqlalchemy.exc import OperationalError

from newsgraph import queries
from newsgraph.store import Store
from newsgraph.store import schema as t
from newsgraph.web.render import safe_url

try:
    from .web_fixtures import ATTR, XSS, client, demo_db, demo_store, ids  # noqa: F401
except ImportError:
    from web_fixtures import ATTR, XSS, client, demo_db, demo_store, ids  # noqa: F401

STATIC = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "web" / "static"


class TagAudit(HTMLParser):
    """Collects every tag with its attributes, and the text inside <script> elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.script_text.append(data)


def pages(store: Store) -> list[str]:
    i = ids(store)
    return [
        "/",
        "/actors",
        f"/actors/{i['bad_actor']}",
        f"/actors/{i['Valdoria']}",
        "/network",
        "/timeline",
        "/events",
        f"/events/{i['meeting']}",
        f"/events/{i['divergent']}",
        "/divergent",
        "/quotes",
        f"/quotes?speaker={i['bad_actor']}",
        "/documents",
        f"/documents/{i['doc_front']}",
        f"/documents/{i['doc_talks']}",
        "/search?q=alert",
        "/search?q=onmouseover",
        f"/relations?a={i['bad_actor']}&b={i['Valdoria']}",
        f"/relations?a={i['Valdoria']}",
        "/search?q=" + XSS,
        "/actors?q=" + ATTR,
        "/nope/" + XSS,
    ]


def test_hostile_text_is_escaped_on_every_page(client: Any, demo_store: Store) -> None:
    for url in pages(demo_store):
        r = client.get(url, headers={"accept": "text/html"})
        assert r.status_code in (200, 404), (url, r.status_code)
        html = r.text
        assert XSS not in html, url
        assert ATTR not in html and 'onmouseover="' not in html, url
        audit = TagAudit()
        audit.feed(html)
        for tag, attrs in audit.tags:
            assert not any(k.startswith("on") for k in attrs), (url, tag, attrs)
            if tag == "script":
                assert (attrs.get("src") or "").startswith("/static/"), (url, attrs)
            for k in ("href", "src", "action"):
                v = attrs.get(k)
                assert v is None or not v.strip().lower().startswith(("javascript:", "data:text")), (url, v)
        assert not audit.script_text, url  # no inline script at all
    # the hostile strings are shown, as text
    doc = client.get(f"/documents/{ids(demo_store)['doc_front']}", headers={"accept": "text/html"}).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in doc and "&#34; onmouseover=&#34;x" in doc


def test_document_link_only_for_http_urls() -> None:
    assert safe_url("https://example.org/a?x=1&y=<2>") == "https://example.org/a?x=1&y=<2>"
    for bad in (
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,<b>",
        "//evil",
        "/local",
        None,
        3,
    ):
        assert safe_url(bad) is None


def test_static_js_never_writes_html() -> None:
    for js in STATIC.glob("*.js"):
        src = js.read_text()
        assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(", src), js


def test_security_headers_and_host_check(client: Any) -> None:
    r = client.get("/", headers={"accept": "text/html"})
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "default-src 'none'" in csp and r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    evil = client.get("/api/actors", headers={"host": "evil.example"})
    assert evil.status_code == 400 and evil.json() == {
        "ok": False,
        "error": "host not allowed",
        "status": 400,
    }
    assert client.get("/api/actors", headers={"host": "localhost:8000"}).status_code == 200
    assert "access-control-allow-origin" not in {k.lower() for k in r.headers}


def test_app_store_is_read_only(client: Any, demo_store: Store) -> None:
    with pytest.raises(OperationalError, match="readonly|read-only|query_only"):
        with demo_store.engine.begin() as conn:
            conn.execute(insert(t.settings).values(key="x", value=1))


def test_internal_errors_hide_details(client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*a: Any, **k: Any) -> Any:
        raise RuntimeError("secret detail /etc/passwd")

    monkeypatch.setattr(queries, "overview", boom)
    r = client.get("/api/overview")
    assert r.status_code == 500
    assert r.json() == {"ok": False, "error": "internal error (see the server log)", "status": 500}
    html = client.get("/", headers={"accept": "text/html"})
    assert html.status_code == 500 and "secret" not in html.text and "Traceback" not in html.text


@pytest.mark.parametrize("value", ["x' OR '1'='1", "1; DROP TABLE actors; --", '") OR 1=1 --', "%", "_"])
def test_filters_are_parameters_not_sql(client: Any, demo_store: Store, value: str) -> None:
    assert client.get("/api/events", params={"actor": value}).status_code == 404
    assert client.get("/api/quotes", params={"speaker": value}).status_code == 404
    assert client.get("/api/events", params={"type": value}).json()["items"] == []
    assert client.get("/api/clusters/" + value).status_code in (404, 405)
    assert client.get("/api/actors", params={"q": value}).status_code == 200
    assert client.get("/api/documents", params={"outlet": value}).json()["items"] == []
    assert client.get("/api/actors", params={"limit": 500}).json()["items"]  # the table is still there


# ---- schemathesis: fuzz every API operation against the OpenAPI description ----------------
FUZZ_EXAMPLES = 12  # per operation and generation mode: bounded, deterministic (derandomize)
REPEATED = {"type", "actor", "outlet", "speaker"}  # query parameters that may be repeated


def test_api_fuzz(demo_store: Store) -> None:
    """Positive and negative cases for every operation: no 5xx, documented status codes and
    content types, responses that match the schema, invalid input rejected."""
    from hypothesis import given
    from hypothesis.errors import Unsatisfiable

    from newsgraph.web import create_app

    app = create_app(demo_store, allowed_hosts=["testserver", "127.0.0.1"])
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    ran = 0
    for result in schema.get_all_operations():
        op = result.ok()
        for mode in (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE):

            @given(case=op.as_strategy(generation_mode=mode))
            @settings(
                max_examples=FUZZ_EXAMPLES,
                deadline=None,
                derandomize=True,
                database=None,
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=list(HealthCheck),
            )
            def run(case: Any) -> None:
                # an opaque cursor, or a search in the search syntax, cannot be valid by schema
                # alone: a made-up one is rightly a 400
                query = case.query or {}
                syntax = case.path.endswith("/search") and query.get("q")
                excluded: list[Any] = [positive_data_acceptance] if query.get("cursor") or syntax else []
                # a repeated text parameter has no invalid form in a query string (``type=false``
                # is the text "false", which matches no type): it is not rejected, it filters
                if set(query) & REPEATED:
                    excluded.append(negative_data_rejection)
                case.call_and_validate(excluded_checks=excluded)

            try:
                run()
            except Unsatisfiable:  # nothing to make invalid (an operation without parameters)
                assert mode == schemathesis.GenerationMode.NEGATIVE, op.label
            ran += 1
    assert ran >= 2 * 13


def page_schema(app: Any) -> dict[str, Any]:
    """An OpenAPI description of the routes the API description leaves out: the HTML pages and the
    list downloads (their parameters are those of the handlers they share with the API)."""
    import copy

    from fastapi.openapi.utils import get_openapi
    from fastapi.routing import APIRoute

    routes, todo = [], list(app.routes)
    while todo:
        r = todo.pop(0)
        if getattr(r, "original_router", None) is not None:  # an included router
            todo += list(r.original_router.routes)
        elif isinstance(r, APIRoute) and not r.include_in_schema and r.path != "/docs":
            shown = copy.copy(r)
            shown.include_in_schema = True
            routes.append(shown)
    return get_openapi(title="newsgraph pages", version="1", routes=routes)


def test_html_routes_fuzz(demo_store: Store) -> None:
    """Every HTML page and download with generated parameters (valid and not): never a 5xx, and
    a page is HTML (or, for a bad parameter, the error page)."""
    from hypothesis import given
    from hypothesis.errors import Unsatisfiable
    from schemathesis.checks import not_a_server_error

    from newsgraph.web import create_app

    app = create_app(demo_store, allowed_hosts=["testserver", "127.0.0.1"], warm_cache=False)
    spec = page_schema(app)
    assert {"/actors", "/events/{cluster_id}", "/map", "/search", "/api/clusters.csv"} <= set(spec["paths"])
    schema = schemathesis.openapi.from_dict(spec)
    schema.app = app
    ran = 0
    for result in schema.get_all_operations():
        op = result.ok()
        for mode in (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE):

            @given(case=op.as_strategy(generation_mode=mode))
            @settings(
                max_examples=FUZZ_EXAMPLES // 2,
                deadline=None,
                derandomize=True,
                database=None,
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=list(HealthCheck),
            )
            def run(case: Any) -> None:
                r = case.call_and_validate(checks=[not_a_server_error])
                kind = r.headers.get("content-type") or ""
                kind = kind[0] if isinstance(kind, list) else kind  # schemathesis lists header values
                page = not case.path.startswith("/api/") and (case.query or {}).get("format") != "json"
                if page and r.status_code < 300:  # rendered (errors: JSON for clients like this one)
                    assert kind.startswith("text/html"), (case.path, case.query, kind)

            try:
                run()
            except Unsatisfiable:
                assert mode == schemathesis.GenerationMode.NEGATIVE, op.label
            ran += 1
    assert ran >= 2 * 25
