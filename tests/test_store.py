from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from newsgraph.errors import ConfigError, NotFound
from newsgraph.ingest import dedup
from newsgraph.models import AnalyzedDoc
from newsgraph.pipeline.registry import Pipeline, Resources
from newsgraph.store import Store
from newsgraph.store import schema as t
from newsgraph.store.migrations import MIGRATIONS

from .conftest import analysed_example, make_doc


def test_migrations_are_recorded_and_idempotent(tmp_path: Path) -> None:
    s = Store.open(tmp_path / "a.db")
    with s.engine.connect() as c:
        names = [r[0] for r in c.execute(text("SELECT name FROM migrations ORDER BY name"))]
        assert names == [n for n, _ in MIGRATIONS]
        assert c.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    s.close()
    Store.open(tmp_path / "a.db").close()  # second open applies nothing and does not fail


def test_open_missing_db_readonly_fails_clearly(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as e:
        Store.open(tmp_path / "nope.db", create=False)
    assert "nope.db" in str(e.value) and e.value.code == "NG030"
    with pytest.raises(ConfigError):
        Store.open(tmp_path / "no" / "such" / "dir.db")


def test_env_var_selects_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_DB", str(tmp_path / "env.db"))
    Store.open().close()
    assert (tmp_path / "env.db").exists()


def test_write_is_idempotent_and_replace_rewrites(store: Store) -> None:
    ad = analysed_example()
    assert store.write(ad, "p") == "added"
    assert store.write(ad, "p") == "exists"
    assert store.count(t.documents) == 1 and store.count(t.mentions) == len(ad.mentions)
    assert store.write(ad, "p", replace=True) == "replaced"
    assert store.count(t.documents) == 1 and store.count(t.quotes) == 1
    assert store.count(t.mentions) == len(ad.mentions)


def test_failed_write_leaves_nothing_behind(store: Store) -> None:
    ad = analysed_example()
    ad.quotes.append(ad.quotes[0].__class__("q2", "direct", 0, 1, "x", confidence=0.1))
    ad.quotes[-1].kind = None  # type: ignore[assignment]  # violates NOT NULL inside the transaction
    with pytest.raises(Exception):  # noqa: B017  # whichever error the database raises
        store.write(ad, "p")
    for table in (t.documents, *t.PER_DOC_TABLES):
        assert store.count(table) == 0, table.name
    with store.engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM documents_fts")).scalar() == 0


def test_full_text_search_and_hostile_query(store: Store) -> None:
    store.write(analysed_example(), "p")
    hits = store.search_documents("Castellan envoy")
    assert len(hits) == 1 and "[" in hits[0]["snippet"]
    assert store.search_documents('" OR * NEAR( ') == []  # never an FTS syntax error


def test_resolve_doc_by_prefix_name_and_errors(store: Store) -> None:
    ad = analysed_example()
    store.write(ad, "p")
    assert store.resolve_doc(ad.doc.id[:6]) == ad.doc.id
    assert store.resolve_doc(ad.doc.file_name) == ad.doc.id
    with pytest.raises(NotFound):
        store.resolve_doc("zzzzzz")


def _run(text_: str) -> AnalyzedDoc:
    return Pipeline.build()(AnalyzedDoc(doc=make_doc(text_)), Resources())


def test_near_duplicates_are_linked_to_the_original(store: Store) -> None:
    body = " ".join(
        f"Sentence number {i} talks about the border talks between two states." for i in range(60)
    )
    a = _run("Original title\n\n" + body)
    b = _run("Republished title\n\n" + body + " One extra closing line.")
    c = _run(
        "Unrelated\n\n" + " ".join(f"Weather report {i} says rain is expected later." for i in range(60))
    )
    for x in (a, b, c):
        store.write(x, "p")
    rows = {r["id"]: r for r in store.rows(t.documents)}
    assert rows[b.doc.id]["dup_of"] == a.doc.id and rows[b.doc.id]["dup_score"] >= dedup.THRESHOLD
    assert rows[c.doc.id]["dup_of"] is None and rows[a.doc.id]["dup_of"] is None
    assert store.count_duplicates() == 1
