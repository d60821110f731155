"""Search syntax: phrases, OR, NOT, prefixes and groups on SQLite FTS5 and PostgreSQL, explained on
the search page; a query that is not valid is a friendly message (400), never a server error."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph import queries
from newsgraph.errors import BadRequest
from newsgraph.queries.search_syntax import parse, terms, to_fts5, to_tsquery
from newsgraph.store import Store

try:
    from .web_fixtures import client, demo_db, demo_docs, demo_store  # noqa: F401
except ImportError:
    from web_fixtures import client, demo_db, demo_docs, demo_store  # noqa: F401

INVALID = ['"ceasefire', "OR talks", "talks OR", "NOT talks", "-talks", "()", "(talks", "talks)", "*",
           "a AND"]


def test_parse_and_write_for_both_engines() -> None:
    tree = parse('(Kesh OR Valdoria) "frank talks" negotiat* -border')
    assert to_fts5(tree) == '((("Kesh" OR "Valdoria") AND "frank talks" AND "negotiat"*) NOT ("border"))'
    assert to_tsquery(tree) == "(((Kesh) | (Valdoria)) & (frank <-> talks) & (negotiat:*) & !(border))"
    assert terms(tree) == ["Kesh", "Valdoria", "frank talks", "negotiat"]
    # hostile text stays words: quoted for FTS5, letters and digits only for to_tsquery
    assert to_fts5(parse("x' OR 1=1")) == '("x\'" OR "1=1")'
    assert to_tsquery(parse("a:* & !b | c'")) == "((a:*) & (b) & (c))"
    assert to_tsquery(parse("&&& !!")) == ""
    for q in INVALID:
        with pytest.raises(BadRequest, match="cannot search for that"):
            parse(q)


def _docs(store: Store, q: str) -> set[str]:
    return {it["title"] for it in queries.search(store, q, limit=100)["items"] if it["kind"] == "document"}


def search_cases(store: Store) -> None:
    """The same answers on either engine (the demo articles)."""
    assert _docs(store, "ceasefire") == {"Ceasefire agreed"}
    assert _docs(store, '"talks were frank"') == {"Envoy Novak: talks were frank"}
    assert _docs(store, '"frank talks"') == set()  # a phrase, not two words
    assert _docs(store, "ceasefire OR protested") == {"Ceasefire agreed", "Undated brief"}
    both = _docs(store, "Kesh Valdoria")
    assert _docs(store, "Kesh Valdoria NOT ceasefire") == both - {"Ceasefire agreed"}
    assert _docs(store, "Kesh Valdoria -ceasefire") == both - {"Ceasefire agreed"}
    assert _docs(store, "ceasefi*") == {"Ceasefire agreed"}
    assert _docs(store, "(ceasefire OR protested) border") == {"Undated brief"}
    assert _docs(store, "ceasefire or protested") == set()  # lower-case 'or' is a word
    for q in INVALID:
        with pytest.raises(BadRequest):
            queries.search(store, q)


def test_sqlite(demo_store: Store) -> None:
    search_cases(demo_store)


def test_api_and_page(client: Any) -> None:
    ok = client.get("/api/search", params={"q": '"talks were frank" OR ceasefi*'})
    assert ok.status_code == 200 and len(ok.json()["items"]) >= 2
    for q in INVALID:
        r = client.get("/api/search", params={"q": q})
        assert r.status_code == 400 and r.json()["ok"] is False and "Syntax" in r.json()["error"], q
        page = client.get("/search", params={"q": q}, headers={"accept": "text/html"})
        assert page.status_code == 200 and "Error 400" not in page.text, q  # the page works
        assert 'class="error"' in page.text and 'name="q"' in page.text and "How to search" in page.text
    empty = client.get("/search", headers={"accept": "text/html"})
    assert empty.status_code == 200 and "<code>negotiat*</code>" in empty.text


@pytest.mark.postgres
@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_postgresql(tmp_path: Any) -> None:
    from newsgraph.linking.run import run_link

    from .pg_server import running_server
    from .web_fixtures import mark_divergent

    with running_server() as server:
        url = server.new_database()
        store = Store.open(url)
        for ad in demo_docs():
            store.write(ad, "test")
        run_link(store)
        mark_divergent(store)
        try:
            search_cases(store)
            hit = queries.search(store, '"talks were frank"')["items"][0]
            assert any(h for _, h in hit["snippet_parts"])
            # the read model's other lists on PostgreSQL too (row-value IN, multi-value filters)
            kesh = queries.resolve_actor(store, "Kesh")
            evs = queries.events(store, actor=[kesh], type=["CONSULT", "AGREE"])
            assert {e["type"] for e in evs["items"]} == {"AGREE"} and evs["items"][0]["source"]
            meeting = queries.clusters(store, type="CONSULT")["items"][0]
            assert len(queries.cluster(store, meeting["id"])["reports"]) == 2
            assert queries.timeline(store, outlet=["Castellan Herald"])["items"]
        finally:
            store.close()
