"""``newsgraph actors`` and ``newsgraph actor NAME --why`` over a hand-built, linked store."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli.main import app
from newsgraph.linking.run import run_link
from newsgraph.store import Store

from .test_linking import HAMAS, build

runner = CliRunner()


def _db(tmp_path: Path) -> str:
    path = tmp_path / "actors.db"
    store = Store.open(path)
    docs = [
        build(
            "Mousa Abu Marzouk met Hamas leaders. Abu Marzouk said the talks went well.",
            [
                (
                    "e1",
                    "PERSON",
                    "Mousa Abu Marzouk",
                    ["Mousa Abu Marzouk", "Abu Marzouk"],
                    {"affiliation": "e9", "titles": ["deputy head of Hamas' political bureau"]},
                ),
                HAMAS,
            ],
        ),
        build(
            "Musa Abu Marzouq told Hamas members to wait.",
            [
                (
                    "e1",
                    "PERSON",
                    "Musa Abu Marzouq",
                    ["Musa Abu Marzouq"],
                    {"affiliation": "e9", "titles": ["member of the political bureau"]},
                ),
                HAMAS,
            ],
        ),
    ]
    for ad in docs:
        store.write(ad, "test")
    run_link(store)
    store.close()
    return str(path)


def test_actors_lists_and_filters(tmp_path: Path) -> None:
    db = _db(tmp_path)
    r = runner.invoke(app, ["actors", "--db", db, "--json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    person = next(x for x in rows if x["type"] == "PERSON")
    # the rows of /api/actors (the command used its own query and field names before)
    assert person["n_documents"] == 2 and person["n_mentions"] == 3
    assert person["affiliation"]["name"] == "Hamas"
    r = runner.invoke(app, ["actors", "--db", db, "--type", "org"])
    assert r.exit_code == 0 and "Hamas" in r.stdout and "Marzouk" not in r.stdout
    assert runner.invoke(app, ["actors", "--db", db, "--type", "robot"]).exit_code == 2


def test_actor_why_shows_the_linking_evidence(tmp_path: Path) -> None:
    db = _db(tmp_path)
    r = runner.invoke(app, ["actor", "Musa Abu Marzouq", "--why", "--db", db])
    assert r.exit_code == 0, r.output
    assert "Mousa Abu Marzouk" in r.stdout and "deputy head of Hamas' political bureau" in r.stdout
    assert "rule=" in r.stdout and "matched" in r.stdout
    r = runner.invoke(
        app, ["actor", "moussa abu marzuk", "--json", "--why", "--db", db]
    )  # a spelling variant
    prof = json.loads(r.stdout)
    assert prof["type"] == "PERSON" and len(prof["links"]) == 2
    assert {a["alias"] for a in prof["aliases"]} >= {"Mousa Abu Marzouk", "Musa Abu Marzouq", "Abu Marzouk"}
    assert all("rule" in link["evidence"] for link in prof["links"])


def test_unknown_actor(tmp_path: Path) -> None:
    r = runner.invoke(app, ["actor", "Nobody Atall", "--db", _db(tmp_path)])
    assert r.exit_code == 1 and "NG041" in r.output


def test_actors_why_explains_every_merge(tmp_path: Path) -> None:
    db = _db(tmp_path)
    r = runner.invoke(app, ["actors", "--why", "--db", db])
    assert r.exit_code == 0, r.output
    # every document of every actor, with the rule in words (spelling variants, the same KB entry)
    assert r.stdout.count("why linked:\n") == 2  # and Palestine, an affiliation no document names
    assert "no document names it" in r.stdout
    assert "spelling variants of one name" in r.stdout and "the same knowledge-base entry" in r.stdout
    rows = json.loads(runner.invoke(app, ["actors", "--why", "--json", "--db", db]).stdout)
    assert all(len(x["links"]) == x["n_documents"] for x in rows)
    assert all(link["evidence"]["rule"] for x in rows for link in x["links"])


def test_a_name_means_the_most_reported_actor_that_bears_it(store: Store) -> None:
    from newsgraph.queries.base import resolve_actor
    from newsgraph.queries.profiles import find_actors
    from newsgraph.store import schema as t

    with store.engine.begin() as conn:
        conn.execute(t.actors.insert(), [
            {"id": "a_place", "type": "LOCATION", "name": "Tavor"},
            {"id": "a_person", "type": "PERSON", "name": "Ilan Tavor"},
        ])
        conn.execute(t.actor_aliases.insert(), [{"actor": "a_person", "alias": "Tavor", "count": 40}])
        conn.execute(t.actor_stats.insert(), [
            {"actor": "a_place", "n_documents": 1, "n_mentions": 1, "event_types": {}, "partners": {}},
            {"actor": "a_person", "n_documents": 30, "n_mentions": 90, "event_types": {}, "partners": {}},
        ])
    assert resolve_actor(store, "tavor") == "a_person"
    assert find_actors(store, "Tavor") == ["a_person", "a_place"]
