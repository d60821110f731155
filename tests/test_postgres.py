"""The PostgreSQL backend against a real server that the fixture starts (see ``pg_server.py``):
same schema through the same migrations, JSON and Boolean columns, the same export as
SQLite, idempotent re-ingest, PostgreSQL's own full-text search, the command line.

Without the server binaries these tests skip with a message saying what to install,
except in CI (``$CI`` set), where they fail.
"""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from typer.testing import CliRunner

from newsgraph.errors import ConfigError, InputError
from newsgraph.export.json import export_dict
from newsgraph.linking.run import run_link
from newsgraph.models import Document
from newsgraph.pipeline.registry import Pipeline, Resources
from newsgraph.pipeline.runner import ingest
from newsgraph.sample import sample_dir
from newsgraph.store import Store, resolve_db
from newsgraph.store import schema as t
from newsgraph.store.migrations import MIGRATIONS

from .conftest import analysed_example
from .pg_server import PgServer, running_server

pytestmark = pytest.mark.postgres

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"


@pytest.fixture(scope="module")
def pg() -> Iterator[PgServer]:
    with running_server() as server:
        yield server


@pytest.fixture
def pg_url(pg: PgServer) -> Iterator[str]:
    url = pg.new_database()
    yield url
    pg.drop_database(url)


@pytest.fixture(scope="module", autouse=True)
def _runnable_pipeline() -> Iterator[None]:
    """While the bundled spaCy model is not built, its rules-only mode stands in for it."""
    from newsgraph.pipeline.runner import process_document

    probe = Document(
        id="probe", text="Valdoria and Kesh held talks in Castellan on Thursday, officials said."
    )
    with pytest.MonkeyPatch.context() as mp:
        if not os.environ.get("NEWSGRAPH_MODEL"):
            try:
                ok = not isinstance(process_document(probe, Pipeline.build(), Resources()), InputError)
            except ConfigError:
                ok = False
            if not ok:
                mp.setenv("NEWSGRAPH_MODEL", "blank")
        yield


def corpus() -> list[str]:
    if not SEEDS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{SEEDS} is missing: CI must run with shared/ beside the repository")
        pytest.skip(f"{SEEDS} not present")
    return [str(SEEDS), str(sample_dir())]


def test_postgres_urls_get_the_psycopg3_driver(pg_url: str) -> None:
    plain = pg_url.replace("postgresql+psycopg://", "postgresql://")
    assert resolve_db(plain) == pg_url
    assert resolve_db(plain.replace("postgresql://", "postgres://")) == pg_url
    with Store.open(plain) as store:
        assert store.dialect == "postgresql" and store.engine.driver == "psycopg"


def test_same_migrations_and_postgres_fulltext_indexes(pg_url: str) -> None:
    with Store.open(pg_url) as store:
        with store.engine.connect() as c:
            names = [r[0] for r in c.execute(text("SELECT name FROM migrations ORDER BY name"))]
            indexes = {
                r[0] for r in c.execute(text("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'"))
            }
            tables = {
                r[0] for r in c.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
            }
        assert names == [n for n, _ in MIGRATIONS]
        assert {"ix_documents_fts", "ix_quotes_fts"} <= indexes
        assert {tb.name for tb in t.metadata.sorted_tables} <= tables
    Store.open(pg_url).close()  # a second open applies nothing and does not fail


def _roundtrip(store: Store) -> dict[str, Any]:
    ad = analysed_example()
    ad.doc.meta = {"section": "world", "tags": ["a", "b"], "nested": {"n": 1, "ok": True, "none": None}}
    ad.doc.date_inferred = True
    ad.events[0].negated = True
    ad.entities[0].aliases = ["al-Haddad", "Yusuf al Haddad"]
    ad.entities[0].evidence = {"rule": "title", "score": 0.5}
    assert store.write(ad, "p") == "added"
    store.set_setting("k", {"list": [1, 2], "flag": False})
    d = store.rows(t.documents)[0]
    ev = store.rows(t.events)[0]
    ent = {r["local_id"]: r for r in store.rows(t.entities)}["e1"]
    return {
        "meta": d["meta"],
        "date_inferred": d["date_inferred"],
        "negated": ev["negated"],
        "hypothetical": ev["hypothetical"],
        "date_fallback": ev["date_fallback"],
        "source": ev["source"],
        "aliases": ent["aliases"],
        "titles": ent["titles"],
        "evidence": ent["evidence"],
        "setting": store.get_setting("k"),
        "missing": store.get_setting("nope", 7),
    }


def test_json_and_boolean_columns_round_trip_on_both(pg_url: str, tmp_path: Path) -> None:
    with Store.open(pg_url) as pg_store, Store.open(tmp_path / "s.db") as sq_store:
        on_pg, on_sqlite = _roundtrip(pg_store), _roundtrip(sq_store)
    assert on_pg == on_sqlite
    assert on_pg["meta"] == {
        "section": "world",
        "tags": ["a", "b"],
        "nested": {"n": 1, "ok": True, "none": None},
    }
    for k in ("date_inferred", "negated", "hypothetical", "date_fallback"):
        assert type(on_pg[k]) is bool and type(on_sqlite[k]) is bool, k  # noqa: E721
    assert on_pg["date_inferred"] is True and on_pg["negated"] is True and on_pg["hypothetical"] is False
    assert on_pg["setting"] == {"list": [1, 2], "flag": False} and on_pg["missing"] == 7


def test_failed_write_leaves_nothing_behind(pg_url: str) -> None:
    ad = analysed_example()
    ad.quotes.append(ad.quotes[0].__class__("q2", "direct", 0, 1, "x", confidence=0.1))
    ad.quotes[-1].kind = None  # type: ignore[assignment]  # violates NOT NULL inside the transaction
    with Store.open(pg_url) as store:
        with pytest.raises(IntegrityError):
            store.write(ad, "p")
        for table in (t.documents, *t.PER_DOC_TABLES):
            assert store.count(table) == 0, table.name


def test_seeds_and_sample_same_export_as_sqlite_reingest_search(pg_url: str, tmp_path: Path) -> None:
    paths = corpus()
    exports, reports = {}, {}
    for name, db in (("sqlite", str(tmp_path / "s.db")), ("postgresql", pg_url)):
        with Store.open(db) as store:
            reports[name] = ingest(paths, store)
            run_link(store)
            exports[name] = export_dict(store)
    assert reports["postgresql"].added == 15 and not reports["postgresql"].failed
    assert reports["postgresql"].duplicates == reports["sqlite"].duplicates == 1
    for section in exports["sqlite"]:
        assert exports["postgresql"][section] == exports["sqlite"][section], section
    assert exports["postgresql"]["quotes"] and exports["postgresql"]["mentions"]

    with Store.open(pg_url) as store:
        again = ingest(paths, store)  # idempotent: ids are content hashes
        assert (again.added, again.exists, again.failed) == (0, 15, [])
        run_link(store)
        assert export_dict(store) == exports["postgresql"]
        replaced = ingest(paths, store, replace=True)
        assert (replaced.added, replaced.replaced) == (0, 15)
        run_link(store)
        assert export_dict(store) == exports["postgresql"]

        # PostgreSQL's own text search: stemmed English, over titles and text
        by_title = {d["id"]: d["title"] for d in exports["postgresql"]["documents"]}
        hits = store.search_documents("Hamas delegation")
        assert hits and all(h["doc"] in by_title for h in hits)
        assert all("hamas" in (by_title[h["doc"]] or "").lower() or "<b>" in h["snippet"] for h in hits)
        assert {h["doc"] for h in store.search_documents("delegations")} >= {
            h["doc"] for h in store.search_documents("delegation")
        }  # stemming
        assert store.search_documents("zzzunknownwordzzz") == []

        from newsgraph.queries.docs import search

        quote = exports["postgresql"]["quotes"][0]
        words = " ".join(w for w in quote["text"].split() if w.isalpha() and len(w) > 3)[:60]
        page = search(store, words, limit=50)
        kinds = {it["kind"] for it in page["items"]}
        assert "quote" in kinds or "document" in kinds
        more = page
        quotes_found = [it for it in page["items"] if it["kind"] == "quote"]
        while not quotes_found and more["next"]:
            more = search(store, words, limit=50, cursor=more["next"])
            quotes_found = [it for it in more["items"] if it["kind"] == "quote"]
        assert any(q["quote"] == quote["id"] for q in quotes_found)


# the CLI commands leave their store for the process exit to close; in-process that is a
# ResourceWarning from psycopg when the connection is garbage-collected
@pytest.mark.filterwarnings("ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning")
def test_cli_ingest_search_export_with_postgres_url(pg_url: str, tmp_path: Path) -> None:
    from newsgraph.cli.main import app

    db = pg_url.replace("postgresql+psycopg://", "postgresql://")
    runner = CliRunner()
    r = runner.invoke(app, ["ingest", str(sample_dir()), "--db", db, "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["added"] == 10
    r = runner.invoke(app, ["search", "ceasefire", "--db", db, "--json"])
    assert r.exit_code == 0 and json.loads(r.stdout)
    out = tmp_path / "x.json"
    r = runner.invoke(app, ["export", "--db", db, "--format", "json", "-o", str(out)])
    assert r.exit_code == 0 and len(json.loads(out.read_text())["documents"]) == 10
    r = runner.invoke(app, ["stats", "--db", db.rsplit("/", 1)[0] + "/no_such_db"])
    assert r.exit_code == 1 and "NG030" in r.stderr
    gc.collect()  # close what the commands left open while this test's warning filters apply
