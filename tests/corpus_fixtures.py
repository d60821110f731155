"""A database of all 281 Wikinews articles in ``../shared/corpus/wikinews/``, built once per test
session (the default pipeline, then the link pass: about a minute on two cores), for the tests of
every page and list on a corpus that paginates.

Import the fixtures into a test module to use them; the database is built once however many
modules import them. Without ``shared/`` the tests skip, except under CI (``$CI`` set), where
they fail, like ``tests/eval_gate.py``. To iterate on the surfaces locally,
``NEWSGRAPH_TEST_WIKINEWS_DB=PATH`` uses a copy of a database built by ``newsgraph ingest``
instead (ignored under CI).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsgraph.store import Store

SHARED = Path(__file__).resolve().parents[2] / "shared"
WIKINEWS = SHARED / "corpus" / "wikinews"
N_ARTICLES = 281
_built: dict[str, Path] = {}


def wikinews_db_path(factory: pytest.TempPathFactory) -> Path:
    """The path of the Wikinews database, built on first use."""
    if "db" in _built:
        return _built["db"]
    if not WIKINEWS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{WIKINEWS} is missing: CI must run with shared/ beside the repository")
        pytest.skip(f"{WIKINEWS} not present (the 281-article tests need ../shared beside the repository)")
    from newsgraph.linking.run import run_link
    from newsgraph.pipeline.runner import ingest

    path = factory.mktemp("wikinews") / "wikinews.db"
    prebuilt = os.environ.get("NEWSGRAPH_TEST_WIKINEWS_DB")
    if prebuilt and not os.environ.get("CI"):  # local iteration on the surfaces: reuse a built copy
        import shutil

        shutil.copyfile(prebuilt, path)
        Store.open(path).close()  # migrated to this schema
        _built["db"] = path
        return path
    store = Store.open(path)
    try:
        report = ingest([str(WIKINEWS)], store)
        assert report.added == N_ARTICLES and not report.failed, report.as_dict()
        run_link(store)
    finally:
        store.close()
    _built["db"] = path
    return path


@pytest.fixture(scope="session")
def wikinews_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return wikinews_db_path(tmp_path_factory)


@pytest.fixture(scope="module")
def wikinews_store(wikinews_db: Path) -> Iterator[Store]:
    store = Store.open(wikinews_db, create=False)
    yield store
    store.close()


@pytest.fixture(scope="module")
def wikinews_client(wikinews_store: Store) -> Iterator[Any]:
    """A TestClient for the read-only app over the Wikinews database (errors answered, not raised)."""
    from fastapi.testclient import TestClient

    from newsgraph.web import create_app

    app = create_app(wikinews_store, warm_cache=False)
    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        yield c


def corpus_ids(store: Store) -> dict[str, str]:
    """Ids to visit: the most reported actor, its counterpart, the newest real event, a divergent
    one (if any), the newest document, a word that many documents contain."""
    from newsgraph import queries

    top = queries.actors(store, limit=2)["items"]
    newest = queries.clusters(store, limit=1)["items"][0]
    div = queries.divergent(store, limit=1, include_negated=True, include_hypothetical=True)["items"]
    return {
        "actor": top[0]["id"],
        "other": top[1]["id"],
        "cluster": newest["id"],
        "divergent": div[0]["id"] if div else newest["id"],
        "doc": queries.documents(store, limit=1)["items"][0]["id"],
        "word": "government",
    }


def layout_pages(i: dict[str, str]) -> list[str]:
    """Every page of DESIGN.md's web layout (and the map and relations pages) on the corpus."""
    return [
        "/",
        "/actors",
        f"/actors/{i['actor']}",
        "/network",
        "/timeline",
        "/events",
        f"/events/{i['cluster']}",
        f"/events/{i['divergent']}",
        "/divergent?include_negated=true&include_hypothetical=true",
        "/quotes",
        "/documents",
        f"/documents/{i['doc']}",
        f"/search?q={i['word']}",
        "/map",
        f"/relations?a={i['actor']}",
        f"/relations?a={i['actor']}&b={i['other']}",
    ]
