"""One read model: the CLI (``--json``), the JSON API, the HTML pages, the exports and the notebook
API report the same numbers of events, actors and quotes for the same filter, with and without
negated and hypothetical events (the demo database holds one of each), on a real SQLite file.
The HTML lists are counted by following their "next page" links one item at a time."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import networkx as nx
import pytest
from typer.testing import CliRunner

import newsgraph
from newsgraph import queries
from newsgraph.cli.main import app as cli
from newsgraph.export.json import export_dict
from newsgraph.queries.report import stats
from newsgraph.store import Store

try:
    from .test_api import walk
    from .web_fixtures import client, demo_db, demo_store, ids  # noqa: F401
except ImportError:
    from test_api import walk
    from web_fixtures import client, demo_db, demo_store, ids  # noqa: F401

runner = CliRunner()
FLAGS = [(False, False), (True, False), (False, True), (True, True)]
#: what the demo database holds: clusters and reports kept by each filter
EXPECTED = {
    (False, False): (4, 5),
    (True, False): (5, 6),
    (False, True): (5, 6),
    (True, True): (6, 7),
}


class Items(HTMLParser):
    """Counts the elements of a list page that carry ``cls`` and finds its rel=next link."""

    def __init__(self, tag: str, cls: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tag, self.cls = tag, cls
        self.n = 0
        self.next: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == self.tag and self.cls in (a.get("class") or "").split():
            self.n += 1
        if tag == "a" and a.get("rel") == "next":
            self.next = a.get("href")


def html_count(client: Any, url: str, tag: str, cls: str) -> tuple[int, int]:
    """(items, pages) of an HTML list, following its next links."""
    n = pages = 0
    while url:
        r = client.get(url, headers={"accept": "text/html"})
        assert r.status_code == 200, (url, r.status_code, r.text[:300])
        assert r.headers["content-type"].startswith("text/html"), url
        p = Items(tag, cls)
        p.feed(r.text)
        n, pages, url = n + p.n, pages + 1, p.next  # type: ignore[assignment]
        assert pages < 100, "pagination did not end"
    return n, pages


def cli_json(*args: str) -> Any:
    r = runner.invoke(cli, list(args))
    assert r.exit_code == 0, (args, r.output)
    return json.loads(r.stdout)


def cli_flags(neg: bool, hyp: bool) -> list[str]:
    return (["--include-negated"] if neg else []) + (["--include-hypothetical"] if hyp else [])


def qs(neg: bool, hyp: bool, **more: Any) -> str:
    params = {"include_negated": "true"} if neg else {}
    params.update({"include_hypothetical": "true"} if hyp else {})
    return urlencode({**params, **more})


@pytest.fixture(scope="module")
def graph(demo_db: Path) -> Any:
    g = newsgraph.open(str(demo_db))
    yield g
    g.close()


@pytest.mark.parametrize("neg,hyp", FLAGS)
def test_every_surface_counts_the_same_events(
    client: Any, demo_db: Path, demo_store: Store, graph: Any, tmp_path: Path, neg: bool, hyp: bool
) -> None:
    db = str(demo_db)
    n_clusters, n_reports = EXPECTED[neg, hyp]
    flags = {"include_negated": neg, "include_hypothetical": hyp}
    # real events (clusters)
    cli_events = cli_json("events", "--db", db, "--json", "--limit", "500", *cli_flags(neg, hyp))
    api_events = walk(client, "/api/clusters?" + qs(neg, hyp), limit=1)
    html_events, pages = html_count(client, "/events?" + qs(neg, hyp, limit=1), "li", "cluster")
    twin = client.get("/events?" + qs(neg, hyp, limit=500, format="json")).json()["items"]
    assert pages == n_clusters  # one per page: the pager works
    out = tmp_path / "x.json"
    export_flags = ["--include-negated" if neg else "--exclude-negated"]
    export_flags += ["--include-hypothetical" if hyp else "--exclude-hypothetical"]
    r = runner.invoke(cli, ["export", "--db", db, "--format", "json", "-o", str(out), *export_flags])
    assert r.exit_code == 0, r.output
    exported = json.loads(out.read_text())
    counts = {
        "cli": len(cli_events),
        "api": len(api_events),
        "html": html_events,
        "html json twin": len(twin),
        "export (cli)": len(exported["clusters"]),
        "export": len(export_dict(demo_store, queries.Modality(neg, hyp))["clusters"]),
        "notebook": len(graph.clusters(**flags)),
        "stats": stats(demo_store, **flags)["events"],
        "stats (cli)": cli_json("stats", "--db", db, "--json", *cli_flags(neg, hyp))["events"],
        "overview (api)": client.get("/api/overview?" + qs(neg, hyp)).json()["stats"]["events"],
    }
    assert set(counts.values()) == {n_clusters}, counts
    same = {c["id"] for c in cli_events}
    assert same == {c["id"] for c in api_events} == {c["id"] for c in exported["clusters"]}
    # event reports
    reports = {
        "cli": len(cli_json("events", "--db", db, "--json", "--reports", *cli_flags(neg, hyp))),
        "api": len(walk(client, "/api/events?" + qs(neg, hyp), limit=2)),
        "export (cli)": len(exported["events"]),
        "notebook": len(graph.events(**flags)),
        "stats": stats(demo_store, **flags)["event_reports"],
    }
    assert set(reports.values()) == {n_reports}, reports
    assert all(neg or not e["negated"] for e in exported["events"])
    assert all(hyp or not e["hypothetical"] for e in exported["events"])


@pytest.mark.parametrize("neg,hyp", FLAGS)
def test_network_timeline_and_profiles_agree(
    client: Any, demo_db: Path, demo_store: Store, graph: Any, tmp_path: Path, neg: bool, hyp: bool
) -> None:
    db = str(demo_db)
    flags = {"include_negated": neg, "include_hypothetical": hyp}
    # network edges: API, HTML twin, GraphML export, notebook
    net = client.get("/api/network?" + qs(neg, hyp, max_nodes=5000)).json()
    assert client.get("/network?" + qs(neg, hyp, max_nodes=5000, format="json")).json() == net
    out = tmp_path / "net.graphml"
    export_flags = ["--include-negated" if neg else "--exclude-negated"]
    export_flags += ["--include-hypothetical" if hyp else "--exclude-hypothetical"]
    r = runner.invoke(cli, ["export", "--db", db, "--format", "graphml", "-o", str(out), *export_flags])
    assert r.exit_code == 0, r.output
    g = nx.read_graphml(out)
    nb = graph.network(**flags)
    weight = sum(e["weight"] for e in net["edges"])
    assert len(net["edges"]) == g.number_of_edges() == nb.number_of_edges()
    assert weight == sum(int(d["weight"]) for *_, d in g.edges(data=True)) == nb.size(weight="weight")
    assert ("REJECT" in net["types"]) == neg and ("SUPPORT" in net["types"]) == hyp
    # timeline: CLI, API, HTML
    tl = cli_json("timeline", "--db", db, "--json", *cli_flags(neg, hyp))
    api = client.get("/api/timeline?" + qs(neg, hyp)).json()
    assert tl == api
    html, _ = html_count(client, "/timeline?" + qs(neg, hyp, limit=1), "li", "cluster")
    assert html == len(api["items"]) == sum(h["total"] for h in api["histogram"])
    # an actor profile: CLI, API, HTML twin, notebook
    kesh = ids(demo_store)["Kesh"]
    prof = cli_json("actor", "Kesh", "--db", db, "--json", *cli_flags(neg, hyp))
    assert prof == client.get(f"/api/actors/{kesh}?" + qs(neg, hyp)).json()
    assert prof == client.get(f"/actors/{kesh}?" + qs(neg, hyp, format="json")).json()
    assert prof == graph.actor("Kesh", **flags)
    assert sum(prof["event_types"].values()) == len(prof["events"]["items"])
    # relations between two actors
    rel = cli_json("relations", "Kesh", "Valdoria", "--db", db, "--json", *cli_flags(neg, hyp))
    assert rel == client.get("/api/relations?" + qs(neg, hyp, a="Kesh", b="Valdoria")).json()
    assert sum(c["events"] for c in rel["counts"]) == len({e["cluster"] for e in rel["events"]})


def test_every_surface_counts_the_same_actors_and_quotes(
    client: Any, demo_db: Path, demo_store: Store, graph: Any
) -> None:
    db = str(demo_db)
    ex = export_dict(demo_store)
    s = stats(demo_store)
    actors = {
        "cli": len(cli_json("actors", "--db", db, "--json", "--limit", "500")),
        "api": len(walk(client, "/api/actors", limit=2)),
        "html": html_count(client, "/actors?limit=1", "a", "actor")[0],
        "export": len(ex["actors"]),
        "notebook": len(graph.actors()),
        "stats": s["actors"],
    }
    assert set(actors.values()) == {7}, actors
    states = {
        "cli": len(cli_json("actors", "--db", db, "--json", "--type", "STATE")),
        "api": len(walk(client, "/api/actors?type=STATE")),
        "html": html_count(client, "/actors?type=STATE&limit=1", "a", "actor")[0],
        "export": sum(a["type"] == "STATE" for a in ex["actors"]),
        "notebook": len(graph.actors(type="STATE")),
        "stats": s["actors_by_type"]["STATE"],
    }
    assert set(states.values()) == {2}, states
    quotes = {
        "cli": len(cli_json("quotes", "--db", db, "--json", "--limit", "500")),
        "api": len(walk(client, "/api/quotes", limit=2)),
        "html": html_count(client, "/quotes?limit=1", "li", "quote-item")[0],
        "export": len(ex["quotes"]),
        "notebook": len(graph.quotes()),
        "stats": s["quotes"],
    }
    assert set(quotes.values()) == {5}, quotes
    by = {
        "cli": len(cli_json("quotes", "--db", db, "--json", "--by", "Lena Novak")),
        "api": len(walk(client, "/api/quotes?speaker=Lena Novak")),
        "html": html_count(client, "/quotes?speaker=Lena+Novak&limit=1", "li", "quote-item")[0],
        "notebook": len(graph.quotes(by="Lena Novak")),
    }
    assert set(by.values()) == {2}, by


LISTS = {  # page -> (JSON twin, element and class of one item)
    "/actors": ("/api/actors", "a", "actor"),
    "/events": ("/api/clusters", "li", "cluster"),
    "/timeline": ("/api/timeline", "li", "cluster"),
    "/divergent": ("/api/divergent", "article", "divergent"),
    "/quotes": ("/api/quotes", "li", "quote-item"),
    "/documents": ("/api/documents", "tr", "doc"),
    "/search?q=Valdoria": ("/api/search?q=Valdoria", "li", "result"),
}


@pytest.mark.parametrize("page", sorted(LISTS))
def test_every_html_list_paginates(client: Any, page: str) -> None:
    """Each list page with one item a page: every page answers 200 and links to the next one, and
    the pages together hold what the JSON twin lists (issue 18: the pager used to fail with 500)."""
    api, tag, cls = LISTS[page]
    sep = "&" if "?" in page else "?"
    n, pages = html_count(client, page + sep + "limit=1", tag, cls)
    want = len(walk(client, api, limit=1))
    assert want >= 1 and n == want == pages, (page, n, pages, want)
