"""The notebook API: ``newsgraph.open(db)`` and DataFrames with global actor ids."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import newsgraph
from newsgraph.errors import NotFound
from newsgraph.store import Store

try:
    from .web_fixtures import XSS, demo_db, demo_store, ids  # noqa: F401
except ImportError:
    from web_fixtures import XSS, demo_db, demo_store, ids  # noqa: F401


@pytest.fixture(scope="module")
def g(demo_db: Path) -> newsgraph.api.Graph:
    graph = newsgraph.open(str(demo_db))
    yield graph
    graph.close()


def test_open_and_repr(g: newsgraph.api.Graph) -> None:
    assert "5 documents" in repr(g) and "7 actors" in repr(g)
    with pytest.raises(Exception, match="no such database"):
        newsgraph.open("/nonexistent/folder/x.db")


def test_actors_frame(g: newsgraph.api.Graph) -> None:
    df = g.actors()
    assert isinstance(df, pd.DataFrame) and len(df) == 7
    assert {"id", "name", "type", "affiliation", "aliases", "titles", "n_documents"} <= set(df.columns)
    novak = df.set_index("name").loc["Lena Novak"]
    assert novak["affiliation_name"] == "Kesh" and set(novak["titles"]) == {"envoy", "special envoy"}
    assert "Novak" in novak["aliases"]
    assert set(g.actors(type="STATE")["name"]) == {"Valdoria", "Kesh"}


def test_events_frame_filters_by_name_or_id(g: newsgraph.api.Graph, demo_store: Store) -> None:
    i = ids(demo_store)
    ev = g.events(actor="Yusuf al-Haddad", type="CONSULT")
    assert len(ev) == 2 and ev["cluster"].nunique() == 1
    assert all(i["Yusuf al-Haddad"] in s for s in ev["source"])
    assert list(ev["source_names"].iloc[0]) == ["Yusuf al-Haddad"]
    assert g.events(actor=i["Yusuf al-Haddad"])["id"].tolist() == ev["id"].tolist()
    everything = g.events(include_negated=True, include_hypothetical=True)
    assert len(everything) == 7 and everything["negated"].sum() == 1 and everything["hypothetical"].sum() == 1
    assert len(g.events()) == 5  # negated and hypothetical events are left out unless included
    row = everything.iloc[0]
    assert g.document(row["doc"])["text"][row["start"] : row["end"]] == row["text"]
    assert g.events(date_from="2024-05").type.tolist() == ["AGREE"]
    with pytest.raises(NotFound):
        g.events(actor="Nobody At All")


def test_quotes_clusters_documents_search(g: newsgraph.api.Graph) -> None:
    q = g.quotes(by="Lena Novak")
    assert len(q) == 2 and set(q["speaker_name"]) == {"Lena Novak"}
    assert set(g.quotes(about="Valdoria")["text"]) == {
        "The ceasefire is a victory for Valdoria",
        f"Valdoria lies {XSS}",
    }
    cl = g.clusters()
    assert len(cl) == 4 and cl.set_index("type").loc["CONSULT", "n_documents"] == 2
    every = g.clusters(include_negated=True, include_hypothetical=True)
    flagged = every[every["negated"] | every["hypothetical"]]
    assert len(every) == 6 and set(flagged["type"]) == {"REJECT", "SUPPORT"}
    assert g.clusters(divergent=True)["type"].tolist() == ["AGREE"]
    assert len(g.documents()) == 5
    s = g.search("ceasefire")
    assert set(s["kind"]) == {"document", "quote"}
    assert g.relations("Valdoria", "Kesh")["counts"]
    net = g.network()
    assert net.number_of_nodes() == 5 and net.has_edge(
        *(g.actors().set_index("name").loc[n, "id"] for n in ("Yusuf al-Haddad", "Lena Novak"))
    )


def test_empty_database_gives_empty_frames(tmp_path: Path) -> None:
    Store.open(tmp_path / "empty.db").close()
    g = newsgraph.open(str(tmp_path / "empty.db"))
    for df in (g.actors(), g.events(), g.quotes(), g.clusters(), g.documents()):
        assert df.empty and len(df.columns) > 3
    g.close()
