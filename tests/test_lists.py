"""Lists: filters with several values, CSV and JSON downloads of exactly what a list shows, stable
permalinks of a filtered view, pagers that keep every filter, and the map of event locations."""

from __future__ import annotations

import csv
import io
import re
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from fastapi.testclient import TestClient

from newsgraph import queries
from newsgraph.linking.run import run_link
from newsgraph.queries.tables import csv_text, flatten
from newsgraph.store import Store
from newsgraph.web import create_app

try:
    from .web_fixtures import DocBuilder, client, demo_db, demo_store, ids  # noqa: F401
except ImportError:
    from web_fixtures import DocBuilder, client, demo_db, demo_store, ids  # noqa: F401

HTML = {"accept": "text/html"}
EVERY = "include_negated=true&include_hypothetical=true"


def walk(client: Any, url: str, limit: int = 1) -> list[dict[str, Any]]:
    """Every item of a paged API list, one small page at a time (repeated parameters kept)."""
    path, _, query = url.partition("?")
    base = [(k, v) for k, v in parse_qsl(query) if k != "limit"] + [("limit", str(limit))]
    items: list[dict[str, Any]] = []
    cursor = None
    for _ in range(200):
        r = client.get(path, params=base + ([("cursor", cursor)] if cursor else []))
        assert r.status_code == 200, r.text
        items += r.json()["items"]
        cursor = r.json()["next"]
        if not cursor:
            return items
    raise AssertionError("pagination did not end")


def _ids(items: list[dict[str, Any]]) -> list[Any]:
    return [it.get("id") or it.get("quote") or it.get("doc") for it in items]


def test_filters_take_several_values(client: Any, demo_store: Store) -> None:
    i = ids(demo_store)
    by_comma = client.get(f"/api/clusters?type=ACCUSE,AGREE&{EVERY}").json()["items"]
    repeated = client.get(f"/api/clusters?type=ACCUSE&type=AGREE&{EVERY}").json()["items"]
    assert _ids(by_comma) == _ids(repeated) and {c["type"] for c in repeated} == {"ACCUSE", "AGREE"}
    one = {c["id"] for c in client.get(f"/api/clusters?actor=Lena Novak&{EVERY}").json()["items"]}
    other = {c["id"] for c in client.get(f"/api/clusters?actor={i['bad_actor']}&{EVERY}").json()["items"]}
    both = client.get("/api/clusters", params={"actor": ["Lena Novak", i["bad_actor"]], "include_negated": 1})
    assert {c["id"] for c in both.json()["items"]} == one | other and one and other
    herald = client.get("/api/documents", params={"outlet": ["Castellan Herald"]}).json()["items"]
    two = client.get("/api/documents", params={"outlet": ["Castellan Herald", "Brief"]}).json()["items"]
    assert len(herald) == 2 and len(two) == 3
    evs = client.get("/api/events", params={"outlet": ["Kesh Daily"]}).json()["items"]
    assert [e["evidence"]["outlet"] for e in evs] == ["Kesh Daily"]
    spoken = client.get("/api/quotes", params={"speaker": ["Lena Novak", "Yusuf al-Haddad"]}).json()
    assert {q["speaker"]["name"] for q in spoken["items"]} == {"Lena Novak", "Yusuf al-Haddad"}
    april = client.get("/api/quotes", params={"from": "2024-04", "to": "2024-04"}).json()["items"]
    assert {q["published"] for q in april} == {"2024-04-02"}
    assert client.get("/api/clusters", params={"actor": ["Kesh", "nobody at all"]}).status_code == 404
    many = client.get("/api/clusters", params={"type": ["AGREE"] * 51})
    assert many.status_code == 400 and many.json()["ok"] is False


LISTS = [
    ("/events", "clusters", EVERY),
    ("/events", "clusters", "type=CONSULT&type=AGREE"),
    ("/timeline", "timeline", "actor=Kesh"),
    ("/quotes", "quotes", "speaker=Lena Novak&speaker=Yusuf al-Haddad"),
    ("/documents", "documents", "outlet=Castellan Herald&outlet=Kesh Daily"),
    ("/actors", "actors", "type=PERSON&type=STATE"),
    ("/divergent", "divergent", ""),
    ("/search", "search", "q=Valdoria OR Kesh"),
]


def test_downloads_are_exactly_the_list(client: Any) -> None:
    for page, noun, query in LISTS:
        shown = walk(client, f"/api/{noun}?{query}", limit=1)
        assert shown, (page, query)
        html = client.get(f"{page}?{query}&limit=1", headers=HTML).text
        links = {unescape(h) for h in re.findall(r'class="download" href="([^"]+)"', html)}
        assert links == {f"/api/{noun}.csv{_canon(query)}", f"/api/{noun}.json{_canon(query)}"}, page
        for link in sorted(links):
            r = client.get(link)
            assert r.status_code == 200 and "attachment" in r.headers["content-disposition"], link
            if link.split("?")[0].endswith(".json"):
                assert r.json()["next"] is None and r.json()["items"] == shown, link
            else:
                rows = list(csv.DictReader(io.StringIO(r.text)))
                assert len(rows) == len(shown), link
                first = flatten(shown[0])
                cells = {k: str(v) for k, v in first.items() if not isinstance(v, bool) and v is not None}
                assert {k: rows[0][k] for k in cells} == cells, link


def _canon(query: str) -> str:
    items = sorted((k, v) for k, v in parse_qsl(query) if v.strip())
    return "?" + urlencode(items) if items else ""


def test_csv_keeps_formulas_as_text_and_flattens_actors() -> None:
    rows = [
        {"id": 1, "text": "=HYPERLINK(\"http://x\")", "source": [{"id": "a1", "name": "Kesh"}], "ok": True},
        {"id": 2, "text": "+1", "speaker": {"id": "a2", "name": "@Novak"}, "evidence": {"doc": "d"}},
    ]
    got = list(csv.DictReader(io.StringIO(csv_text(rows))))
    assert got[0]["text"].startswith("'=") and got[1]["text"] == "'+1" and got[1]["speaker"] == "'@Novak"
    assert got[0]["source"] == "Kesh" and got[0]["source_id"] == "a1" and got[0]["ok"] == "true"
    assert got[1]["evidence.doc"] == "d" and got[1]["speaker_id"] == "a2"


def test_permalinks_and_pagers_keep_the_filters(client: Any) -> None:
    a = client.get(f"/events?type=AGREE&type=CONSULT&{EVERY}&limit=1", headers=HTML).text
    shuffled = "include_hypothetical=true&limit=1&type=CONSULT&include_negated=true&type=AGREE"
    b = client.get(f"/events?{shuffled}", headers=HTML).text
    link = unescape(re.search(r'class="permalink"[^>]*href="([^"]+)"', a).group(1))
    assert link == unescape(re.search(r'class="permalink"[^>]*href="([^"]+)"', b).group(1))
    assert "cursor" not in link
    assert set(parse_qsl(urlsplit(link).query)) >= {("type", "AGREE"), ("type", "CONSULT")}
    nxt = unescape(re.search(r'rel="next" href="([^"]+)"', a).group(1))
    params = parse_qsl(urlsplit(nxt).query)
    assert ("type", "AGREE") in params and ("type", "CONSULT") in params and ("cursor", "") not in params
    second = client.get(nxt, headers=HTML)
    again = unescape(re.search(r'class="permalink"[^>]*href="([^"]+)"', second.text).group(1))
    assert again == link  # the permalink of any page is the view's first page
    first = client.get(link + "&format=json").json()  # the view keeps its page size
    assert [c["type"] for c in first["items"]] == ["AGREE"] and first["next"]


def test_map_places_event_locations(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "map.db")
    met = "Kesh met Valdoria in Geneva on Monday."
    b = DocBuilder("Talks in Geneva", [met], published="2024-02-05", outlet="Wire")
    b.entity("e1", "STATE", "Kesh", "Kesh", kb_id="state:KES")
    b.entity("e2", "STATE", "Valdoria", "Valdoria", kb_id="state:VAL")
    b.entity("e3", "LOCATION", "Geneva", "Geneva")
    b.entity("e4", "LOCATION", "Castellan <b>", "Castellan <b>")
    b.event(met, "CONSULT", ["e1"], ["e2"], location="e3", date="2024-02-05")
    store.write(b.build(), "test")
    again = "Kesh met Valdoria in Castellan <b> again."
    b = DocBuilder("Talks in Castellan", [again], published="2024-02-06", outlet="Wire")
    b.entity("e1", "STATE", "Kesh", "Kesh", kb_id="state:KES")
    b.entity("e2", "STATE", "Valdoria", "Valdoria", kb_id="state:VAL")
    b.entity("e3", "LOCATION", "Castellan <b>", "Castellan <b>")
    b.event(again, "CONSULT", ["e1"], ["e2"], location="e3")
    store.write(b.build(), "test")
    run_link(store)
    m = queries.places(store)
    assert [p["name"] for p in m["placed"]] == ["Geneva"] and m["placed"][0]["country"] == "CH"
    assert abs(m["placed"][0]["lat"] - 46.2) < 0.1
    assert m["placed"][0]["coordinates_from"] in ("gazetteer id", "gazetteer name")  # linked or by name
    assert [p["name"] for p in m["unplaced"]] == ["Castellan <b>"] and m["events_without_place"] == 0
    with TestClient(create_app(store, warm_cache=False), base_url="http://127.0.0.1") as c:
        page = c.get("/map", headers=HTML)
        assert page.status_code == 200 and page.text.count("<circle") == 1
        assert "Castellan &lt;b&gt;" in page.text and "Castellan <b>" not in page.text
        assert c.get("/static/world.svg").status_code == 200
        assert c.get("/map?format=json").json() == c.get("/api/map").json() == m
    store.close()


def test_coordinates_prefer_the_actor_then_the_gazetteer_id() -> None:
    geo = {"name": "Nowhere", "kb_id": None, "geo": {"lat": 1.5, "lon": 2.5, "country": "XX"}}
    assert queries.coordinates(geo) == {"lat": 1.5, "lon": 2.5, "country": "XX", "source": "actor"}
    moscow = queries.coordinates({"name": "not the name", "kb_id": "place:524901"})
    assert moscow and moscow["country"] == "RU" and moscow["source"] == "gazetteer id"
    assert queries.coordinates({"name": "Qwzxv", "kb_id": None}) is None
    by_name = queries.coordinates({"name": "GENEVA", "kb_id": None})  # case folded
    assert by_name and by_name["country"] == "CH" and by_name["source"] == "gazetteer name"
