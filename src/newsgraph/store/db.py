"""The store: one SQLAlchemy engine over SQLite (default) or PostgreSQL.

Every document is written in one transaction, so an interrupted run leaves only whole
documents behind and running the same command again completes the job.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, delete, event, func, insert, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError

import newsgraph.store.schema as t
from newsgraph.errors import ConfigError, err
from newsgraph.ingest import dedup
from newsgraph.models import AnalyzedDoc
from newsgraph.store.migrations import MIGRATIONS, applied, migrate
from newsgraph.store.passes import PassIO
from newsgraph.store.rows import result_rows

DEFAULT_DB = "newsgraph.db"


def resolve_db(db: str | os.PathLike[str] | None) -> str:
    """``--db`` value, else ``$NEWSGRAPH_DB``, else ``./newsgraph.db``; returned as a URL.

    ``postgresql://`` and ``postgres://`` URLs get the psycopg 3 driver (``postgresql+psycopg://``)."""
    value = str(db) if db else os.environ.get("NEWSGRAPH_DB") or DEFAULT_DB
    if "://" in value:
        scheme, rest = value.split("://", 1)
        if scheme in ("postgresql", "postgres"):  # SQLAlchemy would pick psycopg2; we ship psycopg 3
            return f"postgresql+psycopg://{rest}"
        return value
    return f"sqlite:///{Path(value).expanduser()}"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


class Store(PassIO):
    """Access to one newsgraph database. Use :meth:`open`."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url

    # ---- opening -------------------------------------------------------------
    @classmethod
    def open(cls, db: str | os.PathLike[str] | None = None, *, create: bool = True) -> Store:
        """Open (and with ``create``, create and migrate) the database ``db``."""
        url = resolve_db(db)
        if url.startswith("sqlite:///"):
            path = Path(url[len("sqlite:///") :])
            if not create and not path.exists():
                raise ConfigError(
                    *err("NG030", db=path, reason="no such database; run 'newsgraph ingest' first")
                )
            if create and path.parent and not path.parent.exists():
                raise ConfigError(*err("NG030", db=path, reason=f"folder {path.parent} does not exist"))
        try:
            engine = create_engine(url, future=True)
        except (SQLAlchemyError, ImportError, ValueError) as e:
            raise ConfigError(*err("NG030", db=url, reason=str(e).splitlines()[0])) from e
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        store = cls(engine, url)
        try:
            if create:
                migrate(engine)
            else:
                with engine.connect() as conn:
                    missing = [n for n, _ in MIGRATIONS if n not in applied(conn)]
                if missing:
                    raise ConfigError(
                        *err(
                            "NG030",
                            db=url,
                            reason="not a newsgraph database or needs "
                            f"migrations {missing}; run 'newsgraph migrate'",
                        )
                    )
        except OperationalError as e:
            raise ConfigError(*err("NG030", db=url, reason=str(e.orig).splitlines()[0])) from e
        return store

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- documents -------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        with self.engine.connect() as conn:
            return (
                conn.execute(select(t.documents.c.id).where(t.documents.c.id == doc_id)).first() is not None
            )

    def existing_ids(self, ids: list[str]) -> set[str]:
        if not ids:
            return set()
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.documents.c.id).where(t.documents.c.id.in_(ids)))
            return {r[0] for r in rows}

    def write(self, ad: AnalyzedDoc, pipeline: str, *, replace: bool = False) -> str:
        """Store one analysed document in one transaction.

        Returns ``"added"``, ``"exists"`` (same id already stored; nothing written) or
        ``"replaced"`` (with ``replace``: old results deleted and the new ones written).
        """
        d = ad.doc
        with self.engine.begin() as conn:
            exists = conn.execute(select(t.documents.c.id).where(t.documents.c.id == d.id)).first()
            if exists and not replace:
                return "exists"
            if exists:
                self._delete(conn, d.id)
            dup_of, dup_score = self._near_duplicate(conn, ad)
            ad.extras["dup_of"] = dup_of
            conn.execute(
                insert(t.documents).values(
                    id=d.id,
                    path=d.path,
                    file_name=d.file_name,
                    title=d.title,
                    outlet=d.outlet,
                    url=d.url,
                    published=d.published,
                    date_inferred=d.date_inferred,
                    lang=d.lang,
                    source_id=d.source_id,
                    text=d.text,
                    n_words=d.n_words,
                    meta=d.meta or None,
                    minhash=dedup.to_bytes(ad.minhash) if ad.minhash else None,
                    dup_of=dup_of,
                    dup_score=dup_score,
                    pipeline=pipeline,
                    ingested_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                )
            )
            self._insert_results(conn, ad)
        return "replaced" if exists else "added"

    def _insert_results(self, conn: Connection, ad: AnalyzedDoc) -> None:
        did = ad.doc.id
        rows = result_rows(ad)
        for table, values in rows:
            if values:
                conn.execute(insert(table), values)
        if self.dialect == "sqlite":
            conn.execute(
                text("INSERT INTO documents_fts (doc, title, body) VALUES (:d, :ti, :b)"),
                {"d": did, "ti": ad.doc.title or "", "b": ad.doc.text},
            )
            if ad.quotes:
                conn.execute(
                    text("INSERT INTO quotes_fts (quote, doc, body) VALUES (:q, :d, :b)"),
                    [{"q": q.id, "d": did, "b": q.text} for q in {q.id: q for q in ad.quotes}.values()],
                )

    def _near_duplicate(self, conn: Connection, ad: AnalyzedDoc) -> tuple[str | None, float | None]:
        if not ad.minhash:
            return None, None
        keys = dedup.band_keys(ad.minhash)
        # one indexed lookup per band key, in a single statement
        where = " OR ".join(f"(band = :b{i} AND hash = :h{i})" for i in range(len(keys)))
        params = {k: v for i, (b, h) in enumerate(keys) for k, v in ((f"b{i}", b), (f"h{i}", h))}
        cands = [
            r[0] for r in conn.execute(text(f"SELECT DISTINCT doc FROM minhash_bands WHERE {where}"), params)
        ]
        best: tuple[float, str] | None = None
        if cands:
            rows = conn.execute(
                select(t.documents.c.id, t.documents.c.minhash, t.documents.c.dup_of).where(
                    t.documents.c.id.in_(cands)
                )
            )
            for did, raw, dup_of in rows:
                if raw is None or did == ad.doc.id:
                    continue
                sim = dedup.similarity(ad.minhash, dedup.from_bytes(raw))
                if sim >= dedup.THRESHOLD and (best is None or sim > best[0]):
                    best = (sim, dup_of or did)  # link to the original, not to another copy
        return (best[1], round(best[0], 3)) if best else (None, None)

    def _delete(self, conn: Connection, doc_id: str) -> None:
        for table in t.PER_DOC_TABLES:
            conn.execute(delete(table).where(table.c.doc == doc_id))
        if self.dialect == "sqlite":
            conn.execute(text("DELETE FROM documents_fts WHERE doc = :d"), {"d": doc_id})
            conn.execute(text("DELETE FROM quotes_fts WHERE doc = :d"), {"d": doc_id})
        conn.execute(delete(t.documents).where(t.documents.c.id == doc_id))

    def delete_document(self, doc_id: str) -> None:
        with self.engine.begin() as conn:
            self._delete(conn, doc_id)

    # ---- reading -------------------------------------------------------------
    def resolve_doc(self, ref: str) -> str:
        """A document id from a full id, an id prefix, or a file name."""
        from newsgraph.errors import NotFound

        with self.engine.connect() as conn:
            c = t.documents.c
            ids = [
                r[0]
                for r in conn.execute(
                    select(c.id).where((c.id == ref) | (c.file_name == ref) | (c.source_id == ref))
                )
            ]
            if not ids and len(ref) >= 4:
                ids = [r[0] for r in conn.execute(select(c.id).where(c.id.like(ref.replace("%", "") + "%")))]
        if not ids:
            raise NotFound(*err("NG031", ref=ref))
        if len(ids) > 1:
            raise NotFound(*err("NG032", ref=ref, n=len(ids)))
        return ids[0]

    def rows(self, table: Any, *where: Any, order_by: Any = None) -> list[dict[str, Any]]:
        stmt = select(table)
        for w in where:
            stmt = stmt.where(w)
        if order_by is not None:
            stmt = stmt.order_by(*(order_by if isinstance(order_by, tuple) else (order_by,)))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(stmt)]

    def iter_rows(self, table: Any, *, order_by: Any = None, batch: int = 1000) -> Iterator[dict[str, Any]]:
        """Stream a table's rows without holding them all in memory."""
        stmt = select(table)
        if order_by is not None:
            stmt = stmt.order_by(*(order_by if isinstance(order_by, tuple) else (order_by,)))
        with self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=batch).execute(stmt)
            for r in result:
                yield dict(r._mapping)

    def count(self, table: Any, *where: Any) -> int:
        stmt = select(func.count()).select_from(table)
        for w in where:
            stmt = stmt.where(w)
        with self.engine.connect() as conn:
            return int(conn.execute(stmt).scalar_one())

    def count_duplicates(self) -> int:
        return self.count(t.documents, t.documents.c.dup_of.is_not(None))

    def search_documents(self, q: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search over document titles and text: ``[{doc, title, snippet}]``."""
        with self.engine.connect() as conn:
            if self.dialect == "sqlite":
                rows = conn.execute(
                    text(
                        "SELECT doc, title, snippet(documents_fts, 2, '[', ']', ' … ', 12) AS snippet "
                        "FROM documents_fts WHERE documents_fts MATCH :q ORDER BY rank LIMIT :n"
                    ),
                    {"q": fts_query(q), "n": limit},
                )
            else:
                rows = conn.execute(
                    text(
                        "SELECT id AS doc, title, "
                        "ts_headline('english', text, plainto_tsquery('english', :q)) AS snippet "
                        "FROM documents WHERE "
                        "to_tsvector('english', coalesce(title, '') || ' ' || text) "
                        "@@ plainto_tsquery('english', :q) LIMIT :n"
                    ),
                    {"q": q, "n": limit},
                )
            return [dict(r._mapping) for r in rows]

    def get_setting(self, key: str, default: Any = None) -> Any:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.settings.c.value).where(t.settings.c.key == key)).first()
        return row[0] if row else default

    def set_setting(self, key: str, value: Any, conn: Connection | None = None) -> None:
        def _do(c: Connection) -> None:
            c.execute(delete(t.settings).where(t.settings.c.key == key))
            c.execute(insert(t.settings).values(key=key, value=value))

        if conn is not None:
            _do(conn)
        else:
            with self.engine.begin() as c:
                _do(c)


def fts_query(q: str) -> str:
    """Turn free text into a safe FTS5 query: every word quoted, all words required."""
    words = [w.replace('"', '""') for w in q.split() if w.strip()]
    return " ".join(f'"{w}"' for w in words) or '""'
