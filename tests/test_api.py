"""The JSON API and the HTML pages' JSON twins over a hand-built demo store."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import pytest

from newsgraph import queries
from newsgraph.store import Store

try:
    from .web_fixtures import ATTR, XSS, client, demo_db, demo_store, ids  # noqa: F401
except ImportError:
    from web_fixtures import ATTR, XSS, client, demo_db, demo_store, ids  # noqa: F401


def walk(client: Any, url: str, limit: int = 1) -> list[dict[str, Any]]:
    """Every item of a paged list, one small page at a time."""
    items: list[dict[str, Any]] = []
    cursor = None
    path, _, query = url.partition("?")
    base = dict(parse_qsl(query))
    for _ in range(100):
        r = client.get(path, params={**base, "limit": limit, **({"cursor": cursor} if cursor else {})})
        assert r.status_code == 200, r.text
        body = r.json()
        assert set(body) >= {"items", "next"}
        items += body["items"]
        cursor = body["next"]
        if not cursor:
            return items
    raise AssertionError("pagination did not end")


def test_lists_have_items_and_next_and_pages_cover_everything(client: Any) -> None:
    every = "?include_negated=true&include_hypothetical=true"
    for url, n in (
        ("/api/documents", 5),
        ("/api/actors", 7),
        ("/api/quotes", 5),
        ("/api/clusters", 4),  # the negated and the hypothetical event are left out by default
        ("/api/clusters" + every, 6),
    ):
        path, _, query = url.partition("?")
        whole = client.get(path, params={**dict(parse_qsl(query)), "limit": 500}).json()
        assert whole["next"] is None and len(whole["items"]) == n, url
        paged = walk(client, url, limit=2)
        assert [x["id"] for x in paged] == [x["id"] for x in whole["items"]], url


def test_events_filters(client: Any, demo_store: Store) -> None:
    i = ids(demo_store)
    all_reports = walk(client, "/api/events?include_negated=true&include_hypothetical=true", limit=2)
    assert len(all_reports) == 7 and len({e["id"] for e in all_reports}) == 7
    default = client.get("/api/events").json()["items"]
    assert len(default) == 5 and not any(e["negated"] or e["hypothetical"] for e in default)
    haddad = client.get("/api/events", params={"actor": i["Yusuf al-Haddad"]}).json()["items"]
    assert len(haddad) == 2 and {e["cluster"] for e in haddad} == {i["meeting"]}
    assert all(i["Yusuf al-Haddad"] in [a["id"] for a in e["source"] + e["target"]] for e in haddad)
    by_name = client.get("/api/events", params={"actor": "Yusuf al-Haddad"}).json()["items"]
    assert [e["id"] for e in by_name] == [e["id"] for e in haddad]
    typed = client.get("/api/events", params={"type": "ACCUSE,AGREE"}).json()["items"]
    assert sorted(e["type"] for e in typed) == ["ACCUSE", "AGREE"]
    march = client.get("/api/events", params={"from": "2024-03", "to": "2024-03"}).json()["items"]
    assert {e["date"] for e in march} == {"2024-03-28"}
    front = {"document": i["doc_front"]}
    for flags, types in (
        ({"include_negated": True, "include_hypothetical": True}, {"ACCUSE", "REJECT", "SUPPORT"}),
        ({"include_negated": True}, {"ACCUSE", "REJECT"}),
        ({"include_hypothetical": True}, {"ACCUSE", "SUPPORT"}),
        ({}, {"ACCUSE"}),
    ):
        in_doc = client.get("/api/events", params={**front, **flags}).json()["items"]
        assert {e["type"] for e in in_doc} == types, flags
    ev = haddad[0]
    text = client.get(f"/api/documents/{ev['evidence']['doc']}").json()["text"]
    assert text[ev["evidence"]["start"] : ev["evidence"]["end"]] == ev["evidence"]["text"]


def test_actor_profile(client: Any, demo_store: Store) -> None:
    i = ids(demo_store)
    a = client.get(f"/api/actors/{i['Lena Novak']}").json()
    assert a["name"] == "Lena Novak" and a["type"] == "PERSON"
    assert a["affiliation"]["id"] == i["Kesh"]
    assert {r["title"] for r in a["roles"]} == {"envoy", "special envoy"}
    assert all(r["doc"] and r["doc_title"] for r in a["roles"])
    assert {x["alias"] for x in a["aliases"]} >= {"Lena Novak", "Novak"}
    assert len(a["quotes"]["items"]) == 2 and a["events"]["items"]
    assert a["counterparts"][0]["id"] == i["Yusuf al-Haddad"]
    kesh = client.get(f"/api/actors/{i['Kesh']}").json()
    assert i["Lena Novak"] in [m["id"] for m in kesh["members"]]


def test_cluster_lists_every_report_and_divergent_accounts(client: Any, demo_store: Store) -> None:
    i = ids(demo_store)
    c = client.get(f"/api/clusters/{i['meeting']}").json()
    assert c["type"] == "CONSULT" and len(c["reports"]) == 2 and len(c["documents"]) == 2
    d = client.get("/api/divergent").json()["items"]
    assert [x["id"] for x in d] == [i["divergent"]]
    speakers = {acc["speaker"]["name"] for acc in d[0]["accounts"]}
    assert speakers == {"Yusuf al-Haddad", "Lena Novak"}
    # an event id leads to its cluster
    ev = c["reports"][0]["id"]
    assert client.get(f"/api/clusters/{ev}").json()["id"] == i["meeting"]


def test_quotes_filters(client: Any, demo_store: Store) -> None:
    i = ids(demo_store)
    by = client.get("/api/quotes", params={"speaker": i["Yusuf al-Haddad"]}).json()["items"]
    assert {q["text"] for q in by} == {
        "We are ready to talk about trade and the border",
        "The ceasefire is a victory for Valdoria",
    }
    about = client.get("/api/quotes", params={"about": "Valdoria"}).json()["items"]
    assert {q["text"] for q in about} == {"The ceasefire is a victory for Valdoria", f"Valdoria lies {XSS}"}
    in_doc = client.get("/api/quotes", params={"document": i["doc_talks"][:8]}).json()["items"]
    assert len(in_doc) == 1 and in_doc[0]["speaker"]["id"] == i["Yusuf al-Haddad"]


def test_relations_network_timeline_search(client: Any, demo_store: Store) -> None:
    i = ids(demo_store)
    r = client.get("/api/relations", params={"a": i["Yusuf al-Haddad"], "b": i["Lena Novak"]}).json()
    assert r["counts"] == [
        {
            "source": i["Yusuf al-Haddad"],
            "target": i["Lena Novak"],
            "type": "CONSULT",
            "events": 1,
            "reports": 2,
        }
    ]
    assert len(r["events"]) == 2
    one = client.get("/api/relations", params={"a": "Valdoria"}).json()
    assert one["counterparts"][0]["id"] == i["Kesh"]
    net = client.get("/api/network").json()
    assert {(e["source"], e["target"]) for e in net["edges"]} >= {(i["Yusuf al-Haddad"], i["Lena Novak"])}
    assert all(e["types"] for e in net["edges"])
    assert not {"REJECT", "SUPPORT"} & set(net["types"])  # negated, hypothetical: left out unless asked for
    assert "REJECT" in client.get("/api/network?include_negated=true").json()["types"]
    assert "SUPPORT" in client.get("/api/network?include_hypothetical=true").json()["types"]
    tl = client.get("/api/timeline").json()
    assert [h["month"] for h in tl["histogram"]] == ["2024-03", "2024-04", "2024-05"]
    dates = [c["date"] for c in tl["items"]]
    assert dates == sorted(dates)
    s = client.get("/api/search", params={"q": "ceasefire"}).json()
    assert {x["kind"] for x in s["items"]} == {"document", "quote"}
    assert any(hit for x in s["items"] for _, hit in x["snippet_parts"])
    assert walk(client, "/api/search?q=Valdoria", limit=1)  # cursor pagination across documents and quotes
    assert client.get("/api/search", params={"q": "Novak"}).json()["actors"][0]["id"] == i["Lena Novak"]


def test_html_pages_have_json_twins(client: Any, demo_store: Store) -> None:
    i = ids(demo_store)
    twins = {
        "/actors": "/api/actors",
        f"/actors/{i['Kesh']}": f"/api/actors/{i['Kesh']}",
        "/events": "/api/clusters",
        f"/events/{i['meeting']}": f"/api/clusters/{i['meeting']}",
        "/divergent": "/api/divergent",
        "/quotes": "/api/quotes",
        "/documents": "/api/documents",
        f"/documents/{i['doc_talks']}": f"/api/documents/{i['doc_talks']}",
        "/network": "/api/network",
        "/search?q=talks": "/api/search?q=talks",
        "/timeline": "/api/timeline",
        "/events?include_negated=true&type=REJECT": "/api/clusters?include_negated=true&type=REJECT",
        f"/actors/{i['Kesh']}?include_hypothetical=1": f"/api/actors/{i['Kesh']}?include_hypothetical=1",
        "/events?limit=1&from=&to=&actor=": "/api/clusters?limit=1",  # blank form fields are no filter
        "/quotes?limit=2": "/api/quotes?limit=2",
        f"/relations?a={i['Kesh']}": f"/api/relations?a={i['Kesh']}",
        "/": "/api/overview",
    }
    for page, api in twins.items():
        html = client.get(page, headers={"accept": "text/html"})
        assert html.status_code == 200 and html.headers["content-type"].startswith("text/html"), page
        sep = "&" if "?" in page else "?"
        twin = client.get(page + sep + "format=json")
        assert twin.status_code == 200 and twin.json() == client.get(api).json(), page


def test_errors_have_one_shape(client: Any) -> None:
    cases = {
        "/api/actors/nobody": 404,
        "/api/documents/ffffffffffffffff": 404,
        "/api/clusters/none": 404,
        "/api/events?limit=0": 400,
        "/api/events?cursor=not-a-cursor": 400,
        "/api/events?from=yesterday": 400,
        "/api/search?q=": 400,
        "/api/nothing": 404,
        "/api/relations": 400,
        "/api/actors?sort=x": 400,
        "/api/events?actor=nobody": 404,
    }
    for url, status in cases.items():
        r = client.get(url)
        assert r.status_code == status, (url, r.text)
        assert r.json() == {"ok": False, "error": r.json()["error"], "status": status}, url
        assert "Traceback" not in r.text
    html = client.get("/actors/nobody", headers={"accept": "text/html"})
    assert html.status_code == 404 and "Error 404" in html.text
    assert client.post("/api/ingest", content=b"x").status_code in (404, 405)  # read-only by default


def test_cursor_from_another_list_is_rejected(client: Any) -> None:
    nxt = client.get("/api/quotes?limit=1").json()["next"]
    r = client.get("/api/events", params={"cursor": nxt})
    assert r.status_code == 400 and r.json()["ok"] is False


def test_openapi_and_local_docs(client: Any) -> None:
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/actors",
        "/api/actors/{actor_id}",
        "/api/events",
        "/api/clusters/{cluster_id}",
        "/api/quotes",
        "/api/divergent",
        "/api/relations",
        "/api/search",
    } <= paths
    assert not any(p.startswith("/api/ingest") for p in paths)
    docs = client.get("/docs", headers={"accept": "text/html"}).text
    assert "http://" not in docs and "https://" not in docs  # nothing from a CDN
    for asset in (
        "/static/swagger/swagger-ui-bundle.js",
        "/static/swagger/swagger-ui.css",
        "/static/docs-init.js",
    ):
        assert asset in docs or asset == "/static/docs-init.js"
        assert client.get(asset).status_code == 200


def test_ingest_endpoint_needs_token_and_limits_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(
        "NEWSGRAPH_MODEL", "blank"
    )  # rules only: the test is about the endpoint, not the model
    from fastapi.testclient import TestClient

    try:
        from .web_fixtures import build_demo_store
    except ImportError:
        from web_fixtures import build_demo_store
    from newsgraph.web import create_app

    store = build_demo_store(tmp_path / "w.db")
    app = create_app(store, allow_ingest=True, ingest_token="s3cret", max_upload_bytes=5000)
    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        text = (
            b"Kesh and Valdoria sign a trade pact\n\nThe foreign ministers of Kesh and Valdoria signed a "
            b"trade pact in Castellan on Monday, officials said.\n"
        )
        assert c.post("/api/ingest", content=text).status_code == 401
        assert c.post("/api/ingest", content=text, headers={"X-Newsgraph-Token": "wrong"}).status_code == 401
        big = c.post("/api/ingest", content=b"x" * 6000, headers={"X-Newsgraph-Token": "s3cret"})
        assert big.status_code == 413 and big.json()["status"] == 413
        ok = c.post("/api/ingest?name=pact.txt", content=text, headers={"X-Newsgraph-Token": "s3cret"})
        assert ok.status_code == 200, ok.text
        body = ok.json()
        assert body["ok"] is True and body["added"] == 1 and len(body["documents"]) == 1
        assert c.get(f"/api/documents/{body['documents'][0]}").json()["document"]["file_name"] == "pact.txt"
        assert "/api/ingest" in c.get("/openapi.json").json()["paths"]
    assert "Kesh and Valdoria sign a trade pact" in {d["title"] for d in queries.documents(store)["items"]}


@pytest.mark.parametrize("q", ["' OR 1=1 --", '"', "NEAR(", "a* OR b", "\\", "%_", "\u0000"])
def test_search_and_filters_take_any_text(client: Any, q: str) -> None:
    for url in ("/api/search", "/api/actors", "/api/documents"):
        params = {"q": q} if url != "/api/documents" else {"outlet": q}
        r = client.get(url, params=params)
        assert r.status_code in (200, 400, 422), (url, q, r.text)
        assert r.json().get("ok", True) in (True, False)


def test_docs_page_without_swagger_assets(demo_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from fastapi.testclient import TestClient

    import newsgraph.web.app as web_app

    monkeypatch.setattr(web_app, "swagger_assets", lambda: None)
    with TestClient(web_app.create_app(demo_store, warm_cache=False), base_url="http://127.0.0.1") as c:
        html = c.get("/docs", headers={"accept": "text/html"}).text
        assert "/api/actors/{actor_id}" in html and "swagger-ui-bundle.js" not in html
        assert c.get("/static/swagger/swagger-ui-bundle.js").status_code == 404


def test_host_names() -> None:
    from newsgraph.web.app import host_name

    assert host_name("127.0.0.1:8000") == "127.0.0.1"
    assert host_name("[::1]:8000") == "[::1]" and host_name("::1") == "::1"
    assert host_name("LocalHost") == "localhost"


def test_cached_actor_aggregates_follow_writes(tmp_path: Path) -> None:
    from newsgraph.linking.run import run_link

    try:
        from .web_fixtures import DocBuilder, build_demo_store
    except ImportError:
        from web_fixtures import DocBuilder, build_demo_store

    store = build_demo_store(tmp_path / "c.db")
    kesh = queries.resolve_actor(store, "Kesh")
    before = queries.actor(store, kesh)["event_types"]
    assert queries.actor(store, kesh)["event_types"] == before  # from the cache
    b = DocBuilder(
        "Kesh threatens Valdoria",
        ["Kesh threatened Valdoria with sanctions."],
        published="2024-06-01",
        outlet="Wire",
    )
    b.entity("e1", "STATE", "Kesh", "Kesh", kb_id="state:KES")
    b.entity("e2", "STATE", "Valdoria", "Valdoria", kb_id="state:VAL")
    b.event("Kesh threatened Valdoria with sanctions.", "THREATEN", ["e1"], ["e2"], date="2024-06-01")
    store.write(b.build(), "test")
    run_link(store)
    after = queries.actor(store, kesh)["event_types"]
    assert after.get("THREATEN") == 1 and after != before
    store.close()
