"""Every page and list on a corpus that paginates: the 281 Wikinews articles (built once per
session, :mod:`tests.corpus_fixtures`). Every HTML page of the layout and its next page, every API
list followed to its end through its cursors, bad parameters answered 400 with the error envelope,
and no text a URL can hold answered with a 5xx."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

import pytest
from fastapi.routing import APIRoute

from newsgraph.store import Store

try:
    from .corpus_fixtures import corpus_ids, layout_pages, wikinews_client, wikinews_db, wikinews_store  # noqa: F401
except ImportError:
    from corpus_fixtures import corpus_ids, layout_pages, wikinews_client, wikinews_db, wikinews_store  # noqa: F401

HTML = {"accept": "text/html"}
#: the HTML lists that must have a next page on 281 articles, with the JSON list they show
PAGED = {
    "/actors": "/api/actors",
    "/events": "/api/clusters",
    "/timeline": "/api/timeline",
    "/quotes": "/api/quotes",
    "/documents": "/api/documents",
    "/search?q=government": "/api/search?q=government",
    "/events?type=ACCUSE&type=SUPPORT&type=REQUEST&limit=5":
    "/api/clusters?type=ACCUSE,SUPPORT,REQUEST&limit=5",
    "/quotes?kind=direct&limit=10": "/api/quotes?kind=direct&limit=10",
    "/actors?type=PERSON&type=ORG&sort=name": "/api/actors?type=PERSON,ORG&sort=name",
    "/documents?from=2020&to=2020-06&limit=10": "/api/documents?from=2020&to=2020-06&limit=10",
}


class Page(HTMLParser):
    """The rel=next link of a page and whether it has a <main>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.next: str | None = None
        self.main = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.main |= tag == "main"
        if tag == "a" and a.get("rel") == "next":
            self.next = a.get("href")


def _page(client: Any, url: str) -> Page:
    r = client.get(url, headers=HTML)
    assert r.status_code == 200, (url, r.status_code, r.text[:300])
    assert r.headers["content-type"].startswith("text/html"), url
    p = Page()
    p.feed(r.text)
    assert p.main, url
    return p


def _key(item: dict[str, Any]) -> Any:
    return item.get("id") or item.get("quote") or (item.get("kind"), item.get("doc"))


def test_every_page_of_the_layout_and_its_next_page(wikinews_client: Any, wikinews_store: Store) -> None:
    for url in layout_pages(corpus_ids(wikinews_store)):
        p = _page(wikinews_client, url)
        if p.next:
            _page(wikinews_client, p.next)
    for url, api in PAGED.items():
        first = _page(wikinews_client, url)
        assert first.next, f"{url} has no next page on {281} articles"
        second = wikinews_client.get(first.next + "&format=json").json()
        cursor = dict(parse_qsl(urlsplit(first.next).query))["cursor"]
        sep = "&" if "?" in api else "?"
        assert second == wikinews_client.get(f"{api}{sep}cursor={quote(cursor)}").json(), url
        twin = wikinews_client.get(url + ("&" if "?" in url else "?") + "format=json").json()
        one = {_key(x) for x in twin["items"]}
        assert one and second["items"] and not one & {_key(x) for x in second["items"]}, url
        _page(wikinews_client, first.next)


API_LISTS = [
    "/api/documents",
    "/api/actors",
    "/api/actors?sort=name",
    "/api/events",
    "/api/events?include_negated=true&include_hypothetical=true",
    "/api/clusters",
    "/api/clusters?type=ACCUSE&type=CONSULT&type=SUPPORT",
    "/api/quotes",
    "/api/divergent?include_negated=true&include_hypothetical=true",
    "/api/timeline",
    "/api/search?q=government OR minister",
]


def test_every_api_list_to_its_end(wikinews_client: Any) -> None:
    for url in API_LISTS:
        path, _, query = url.partition("?")
        base = parse_qsl(query)
        items: list[Any] = []
        cursor, pages = None, 0
        while True:
            page = [("limit", "37")] + ([("cursor", cursor)] if cursor else [])
            r = wikinews_client.get(path, params=base + page)
            assert r.status_code == 200, (url, cursor, r.text[:300])
            body = r.json()
            items += body["items"]
            cursor, pages = body["next"], pages + 1
            if not cursor:
                break
            assert pages < 200, url
        keys = [_key(x) for x in items]
        assert len(keys) == len(set(keys)), f"{url}: an item on two pages"
        if path != "/api/search":  # search pages are capped at 100 items
            whole = wikinews_client.get(path, params=base + [("limit", "500")]).json()
            if whole["next"] is None:
                assert [_key(x) for x in whole["items"]] == keys, url
        if path in ("/api/documents", "/api/actors", "/api/clusters", "/api/quotes", "/api/search"):
            assert pages > 1, f"{url} fits on one page of 37"


BAD = [
    "/api/events?cursor=99999999999999999999999",
    "/api/clusters?cursor=not-a-cursor",
    "/api/actors?cursor=WzEsMiwzXQ",
    "/api/search?q=talks&cursor=WyJ4IiwtMV0",
    "/api/quotes?cursor=" + "A" * 1999,
    "/api/documents?limit=0",
    "/api/documents?limit=501",
    "/api/documents?limit=ten",
    "/api/events?from=yesterday",
    "/api/events?to=2020-1",
    "/api/clusters?include_negated=perhaps",
    "/api/clusters?divergent=2",
    "/api/actors?sort=size",
    "/api/quotes?kind=rumour",
    "/api/network?max_nodes=0",
    "/api/search?q=",
    "/api/search?q=%22unclosed",
    "/api/search?q=OR",
    "/api/relations",
    "/api/events?cursor=" + "A" * 2001,
    "/api/actors?q=" + "x" * 501,
    "/api/clusters?" + "&".join(["type=AGREE"] * 51),
]


def test_bad_parameters_are_400_with_the_envelope(wikinews_client: Any) -> None:
    for url in BAD:
        r = wikinews_client.get(url)
        assert r.status_code == 400, (url, r.status_code, r.text[:200])
        assert r.json() == {"ok": False, "error": r.json()["error"], "status": 400}, url
        if url.startswith("/api/search?q="):  # the search page shows the form with what to change
            assert wikinews_client.get(url[4:], headers=HTML).status_code == 200
            assert wikinews_client.get(url[4:] + "&format=json").status_code == (400 if url[14:] else 200)
            continue
        page_url = url.replace("/api/clusters", "/events").replace("/api/", "/")
        page = wikinews_client.get(page_url, headers=HTML)
        assert page.status_code == 400, (page_url, page.status_code)
        twin = wikinews_client.get(page_url + ("&" if "?" in page_url else "?") + "format=json")
        assert twin.status_code == 400 and twin.json()["status"] == 400, page_url


NASTY = [
    "", " ", "0", "-1", "99999999999999999999999", "1e999", "nan", "true", "[]", "{}", "null",
    "%", "_", "*", '"', "(", ")", "OR", "NOT", "-", "\\", "'; DROP TABLE events; --", "<script>x</script>",
    "../../etc/passwd", "\x00", "\x7f\x1b", "é" * 300, "x" * 2100, "2020-02-30", "9999-99-99", "a,b,,c",
    "WyJ4Il0", "=cmd|' /C calc'!A0",
]


def _routes(app: Any) -> list[APIRoute]:
    """Every GET route of the app, those of included routers too."""
    out: list[APIRoute] = []
    todo = list(app.routes)
    while todo:
        r = todo.pop(0)
        inner = getattr(r, "original_router", None)  # an included router (FastAPI >= 0.16x)
        if inner is not None:
            todo += list(inner.routes)
        elif isinstance(r, APIRoute) and "GET" in r.methods and r.path != "/docs":
            out.append(r)
    return out


@pytest.mark.slow  # about 10,000 requests: a minute or two
def test_nothing_a_url_can_hold_gives_a_5xx(wikinews_client: Any, wikinews_store: Store) -> None:
    """Every GET route (API, pages, downloads), every query parameter and path parameter, with
    text that is empty, huge, binary, hostile or of the wrong type."""
    i = corpus_ids(wikinews_store)
    failures: list[str] = []
    routes = _routes(wikinews_client.app)
    assert len(routes) > 30, [r.path for r in routes]
    for route in routes:
        names = [p.alias or p.name for p in route.dependant.query_params]
        names += [p.alias or p.name for d in route.dependant.dependencies for p in _all_query(d)]
        base = route.path.replace("{actor_id}", i["actor"]).replace("{cluster_id}", i["cluster"])
        base = base.replace("{doc_id}", i["doc"])
        # a download with a filter that keeps everything is the whole list: those values are
        # checked on the lists themselves
        values = [v for v in NASTY if v.strip()] if route.path.endswith((".csv", ".json")) else NASTY
        urls = []
        for value in values:
            urls += [f"{base}?{quote(n)}={quote(value, safe='')}" for n in sorted(set(names))]
            if "{" in route.path:
                urls.append(re.sub(r"\{[^}]+\}", quote(value, safe="") or "%20", route.path))
        headers = {} if route.path.startswith("/api") else HTML
        for url in urls:
            r = wikinews_client.get(url, headers=headers)
            if r.status_code >= 500:
                failures.append(f"{url} {headers} -> {r.status_code}")
    assert not failures, failures[:20]


def _all_query(dep: Any) -> list[Any]:
    out = list(dep.query_params)
    for sub in dep.dependencies:
        out += _all_query(sub)
    return out


def test_html_lists_link_their_downloads(wikinews_client: Any) -> None:
    html = wikinews_client.get("/events?type=ACCUSE&type=SUPPORT", headers=HTML).text
    csv_link = unescape(re.search(r'class="download" href="([^"]+\.csv[^"]*)"', html).group(1))
    body = wikinews_client.get(csv_link)
    assert body.status_code == 200 and body.text.startswith("id,type,date,")
    whole = wikinews_client.get("/api/clusters?type=ACCUSE,SUPPORT&limit=500").json()["items"]
    assert body.text.count("\r\nc_") == len(whole)
