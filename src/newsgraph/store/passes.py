"""Store methods for the whole-store passes: what the cross-document link pass reads and writes,
and the document ids the Ray engine checks before it analyses a shard.

:class:`PassIO` is a mixin of :class:`newsgraph.store.Store`, so these passes reach the tables
only through named methods and never import :mod:`newsgraph.store.schema` (people read the
store through :mod:`newsgraph.queries`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection, Engine

import newsgraph.store.schema as t
from newsgraph.store.derived import rebuild_actor_stats, rebuild_event_actors

#: the link tables the link pass hands over, by the name it uses for their rows
LINK_RESULTS = {
    "actors": t.actors,
    "aliases": t.actor_aliases,
    "links": t.actor_links,
    "roles": t.roles,
    "clusters": t.clusters,
    "cluster_events": t.cluster_events,
    "accounts": t.cluster_accounts,
}


class PassIO:
    """Reads and writes of the link pass and the engines' bookkeeping."""

    engine: Engine

    def _stream(self, stmt: Any, batch: int = 1000) -> Iterator[dict[str, Any]]:
        with self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=batch).execute(stmt)
            for r in result:
                yield dict(r._mapping)

    # ---- what the link pass reads --------------------------------------------------------
    def iter_entities(self) -> Iterator[dict[str, Any]]:
        """Every document-local entity, by document and local id."""
        E = t.entities
        return self._stream(select(E).order_by(E.c.doc, E.c.local_id))

    def iter_events(self) -> Iterator[dict[str, Any]]:
        """Every event report, by id."""
        return self._stream(select(t.events).order_by(t.events.c.id))

    def iter_quotes(self) -> Iterator[dict[str, Any]]:
        """Every quote, by id."""
        return self._stream(select(t.quotes).order_by(t.quotes.c.id))

    def near_duplicates(self) -> dict[str, str]:
        """Document id -> the document it is a near-duplicate of."""
        c = t.documents.c
        with self.engine.connect() as conn:
            return {r.id: r.dup_of for r in conn.execute(select(c.id, c.dup_of).where(c.dup_of.is_not(None)))}

    def texts_of(self, doc_ids: Sequence[str]) -> dict[str, str]:
        """Document id -> text, for ``doc_ids``."""
        c = t.documents.c
        out: dict[str, str] = {}
        ids = sorted(set(doc_ids))
        with self.engine.connect() as conn:
            for i in range(0, len(ids), 500):
                out.update(conn.execute(select(c.id, c.text).where(c.id.in_(ids[i : i + 500]))).all())
        return out

    # ---- what the link pass writes ---------------------------------------------------------
    def replace_link_results(
        self, rows: Mapping[str, list[dict[str, Any]]], event_actors: list[dict[str, Any]] | None = None
    ) -> None:
        """Replace every cross-document table in one transaction, so readers always see a whole
        pass: ``rows`` maps each name of :data:`LINK_RESULTS` to its rows; ``event_actors``: the
        rows of ``event_actors`` (None: derived from the stored tables); ``actor_stats`` is rebuilt."""
        with self.engine.begin() as conn:
            for table in t.LINK_TABLES:
                conn.execute(delete(table))
            for name, table in LINK_RESULTS.items():
                _insert(conn, table, rows.get(name, []))
            if event_actors is None:
                rebuild_event_actors(conn)
            else:
                _insert(conn, t.event_actors, event_actors)
            rebuild_actor_stats(conn, event_actors)

    # ---- engines ---------------------------------------------------------------------------
    def document_id_batches(self, batch: int = 50_000) -> Iterator[list[str]]:
        """The stored document ids, streamed in lists of up to ``batch``."""
        c = t.documents.c
        with self.engine.connect() as conn:
            result = conn.execution_options(stream_results=True, yield_per=batch).execute(select(c.id))
            try:
                for chunk in result.partitions():
                    yield [r[0] for r in chunk]
            finally:
                result.close()


def _insert(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    for i in range(0, len(rows), 5000):
        if rows[i : i + 5000]:
            conn.execute(insert(table), rows[i : i + 5000])


__all__ = ["LINK_RESULTS", "PassIO"]
