"""The Python API for notebooks: query a newsgraph database into pandas DataFrames.

>>> import newsgraph
>>> g = newsgraph.open("newsgraph.db")
>>> g.actors().head()
>>> g.events(actor="Valdoria", type="CONSULT")
>>> g.quotes(by="Lena Novak")
>>> g.clusters(divergent=True)

Actor arguments take an actor id, a canonical name or an alias. Every row keeps its
evidence (document id and character offsets), and the same queries (:mod:`newsgraph.queries`)
serve the CLI, the web API and pages and the exports, so counts agree everywhere. Negated and
hypothetical events are left out unless ``include_negated`` / ``include_hypothetical`` is set
(:mod:`newsgraph.queries.modality`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import newsgraph.queries as queries
from newsgraph.queries.report import stats
from newsgraph.store import Store

ACTOR_COLUMNS = ["id", "name", "type", "kb_id", "affiliation", "affiliation_name", "n_documents"]
EVENT_COLUMNS = [
    "id",
    "cluster",
    "type",
    "mode",
    "cameo",
    "date",
    "date_precision",
    "date_text",
    "date_source",
    "source",
    "source_names",
    "target",
    "target_names",
    "location",
    "location_name",
    "negated",
    "hypothetical",
    "confidence",
    "rule",
    "modality_cue",
    "doc",
    "start",
    "end",
    "text",
    "doc_title",
    "published",
]
QUOTE_COLUMNS = [
    "id",
    "kind",
    "speaker",
    "speaker_name",
    "text",
    "cue",
    "doc",
    "start",
    "end",
    "doc_title",
    "published",
    "confidence",
]
CLUSTER_COLUMNS = [
    "id",
    "type",
    "date",
    "date_precision",
    "date_source",
    "n_events",
    "n_documents",
    "divergent",
    "negated",
    "hypothetical",
    "source",
    "source_names",
    "target",
    "target_names",
    "summary",
]
DOCUMENT_COLUMNS = [
    "id",
    "title",
    "outlet",
    "url",
    "published",
    "date_inferred",
    "file_name",
    "n_words",
    "duplicate_of",
]


def _pages(fn: Callable[..., dict[str, Any]], store: Store, **kw: Any) -> Iterator[dict[str, Any]]:
    """Every item of a paged query."""
    cursor = None
    while True:
        page = fn(store, limit=queries.MAX_LIMIT, cursor=cursor, **kw)
        yield from page["items"]
        cursor = page["next"]
        if not cursor:
            return


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> Any:
    import pandas as pd

    return pd.DataFrame(rows, columns=columns)


class Graph:
    """A newsgraph database opened for querying (read-only use; see :func:`newsgraph.open`)."""

    def __init__(self, db: str | os.PathLike[str] | Store | None = None) -> None:
        self.store = db if isinstance(db, Store) else Store.open(db, create=False)

    def __repr__(self) -> str:
        s = self.stats()
        return (
            f"<newsgraph.Graph {self.store.url}: {s['documents']} documents, {s['actors']} actors, "
            f"{s['events']} events, {s['quotes']} quotes>"
        )

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Graph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _actor(self, ref: str | None) -> str | None:
        return queries.resolve_actor(self.store, ref) if ref else None

    # ---- summaries and single records --------------------------------------------------
    def stats(self, *, include_negated: bool = False, include_hypothetical: bool = False) -> dict[str, Any]:
        """Counts of documents, actors, events (real events and reports), quotes."""
        return stats(self.store, include_negated=include_negated, include_hypothetical=include_hypothetical)

    def actor(
        self, ref: str, *, include_negated: bool = False, include_hypothetical: bool = False
    ) -> dict[str, Any]:
        """An actor's profile: aliases, titles with sources, affiliation, counterparts, quotes, events."""
        flags = {"include_negated": include_negated, "include_hypothetical": include_hypothetical}
        return queries.actor(self.store, queries.resolve_actor(self.store, ref), **flags)

    def cluster(self, cluster_id: str) -> dict[str, Any]:
        """One real event with all its reports and the parties' accounts."""
        return queries.cluster(self.store, cluster_id)

    def document(self, ref: str) -> dict[str, Any]:
        """One document with its text, spans, mentions, quotes and events."""
        return queries.document(self.store, ref)

    def relations(
        self,
        a: str,
        b: str | None = None,
        *,
        include_negated: bool = False,
        include_hypothetical: bool = False,
    ) -> dict[str, Any]:
        """Events and quotes between two actors (without ``b``: ``a``'s counterparts)."""
        flags = {"include_negated": include_negated, "include_hypothetical": include_hypothetical}
        return queries.relations(self.store, queries.resolve_actor(self.store, a), self._actor(b), **flags)

    # ---- tables ------------------------------------------------------------------------
    def actors(self, type: str | None = None, q: str | None = None) -> Any:
        """Actors (most documents first) with aliases and titles as lists."""
        out = [
            {
                **{k: r[k] for k in ("id", "name", "type", "kb_id", "n_documents", "aliases", "titles")},
                "affiliation": r["affiliation"]["id"] if r["affiliation"] else None,
                "affiliation_name": r["affiliation"]["name"] if r["affiliation"] else None,
            }
            for r in _pages(queries.actors, self.store, type=type, q=q)
        ]
        return _frame(out, ACTOR_COLUMNS + ["aliases", "titles"])

    def events(
        self,
        actor: str | None = None,
        type: str | list[str] | None = None,
        *,
        date_from: str | None = None,
        date_to: str | None = None,
        document: str | None = None,
        cluster: str | None = None,
        include_negated: bool = False,
        include_hypothetical: bool = False,
    ) -> Any:
        """Event reports, newest first: one row per report, with its cluster and evidence."""
        doc = queries.resolve_document(self.store, document) if document else None
        rows = _pages(
            queries.events,
            self.store,
            actor=self._actor(actor),
            type=type,
            date_from=date_from,
            date_to=date_to,
            doc=doc,
            cluster=cluster,
            include_negated=include_negated,
            include_hypothetical=include_hypothetical,
        )
        return _frame([_event_row(e) for e in rows], EVENT_COLUMNS)

    def quotes(
        self,
        by: str | None = None,
        about: str | None = None,
        *,
        document: str | None = None,
        kind: str | None = None,
    ) -> Any:
        """Quotes said ``by`` an actor and/or mentioning (``about``) one, newest document first."""
        doc = queries.resolve_document(self.store, document) if document else None
        out = [
            {
                **{
                    k: q[k]
                    for k in (
                        "id",
                        "kind",
                        "text",
                        "cue",
                        "doc",
                        "start",
                        "end",
                        "doc_title",
                        "published",
                        "confidence",
                    )
                },
                "speaker": q["speaker"]["id"] if q["speaker"] else None,
                "speaker_name": q["speaker"]["name"] if q["speaker"] else None,
            }
            for q in _pages(
                queries.quotes,
                self.store,
                speaker=self._actor(by),
                about=self._actor(about),
                doc=doc,
                kind=kind,
            )
        ]
        return _frame(out, QUOTE_COLUMNS)

    def clusters(
        self,
        type: str | list[str] | None = None,
        actor: str | None = None,
        *,
        divergent: bool | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        include_negated: bool = False,
        include_hypothetical: bool = False,
    ) -> Any:
        """Real events (clusters of reports), newest first."""
        rows = _pages(
            queries.clusters,
            self.store,
            type=type,
            actor=self._actor(actor),
            divergent=divergent,
            date_from=date_from,
            date_to=date_to,
            include_negated=include_negated,
            include_hypothetical=include_hypothetical,
        )
        return _frame([_cluster_row(c) for c in rows], CLUSTER_COLUMNS)

    def documents(
        self, outlet: str | None = None, *, date_from: str | None = None, date_to: str | None = None
    ) -> Any:
        """Documents, newest first (without their text; see :meth:`document`)."""
        return _frame(
            list(_pages(queries.documents, self.store, outlet=outlet, date_from=date_from, date_to=date_to)),
            DOCUMENT_COLUMNS,
        )

    def search(self, q: str, limit: int = 100) -> Any:
        """Full-text search over documents and quotes: kind, doc, title, quote, speaker, snippet."""
        rows: list[dict[str, Any]] = []
        cursor = None
        while len(rows) < limit:
            page = queries.search(self.store, q, limit=min(100, limit - len(rows)), cursor=cursor)
            rows += [
                {
                    "kind": r["kind"],
                    "doc": r["doc"],
                    "title": r["title"],
                    "quote": r.get("quote"),
                    "start": r.get("start"),
                    "speaker": (r.get("speaker") or {}).get("id"),
                    "snippet": r["snippet"],
                }
                for r in page["items"]
            ]
            cursor = page["next"]
            if not cursor:
                break
        return _frame(rows, ["kind", "doc", "title", "quote", "start", "speaker", "snippet"])

    def network(
        self,
        type: str | None = None,
        *,
        date_from: str | None = None,
        date_to: str | None = None,
        include_negated: bool = False,
        include_hypothetical: bool = False,
    ) -> Any:
        """The actor network as a ``networkx.DiGraph`` (edge attributes count events per type)."""
        from newsgraph.export.graph import actor_graph

        return actor_graph(
            self.store,
            type=type,
            date_from=date_from,
            date_to=date_to,
            include_negated=include_negated,
            include_hypothetical=include_hypothetical,
        )


def _event_row(e: dict[str, Any]) -> dict[str, Any]:
    """One event report of :func:`newsgraph.queries.events` as a flat row of :data:`EVENT_COLUMNS`."""
    ev = e["evidence"]
    return {
        **{k: e[k] for k in EVENT_COLUMNS if k in e and k not in ("source", "target", "location")},
        "source": [a["id"] for a in e["source"]],
        "source_names": [a["name"] for a in e["source"]],
        "target": [a["id"] for a in e["target"]],
        "target_names": [a["name"] for a in e["target"]],
        "location": e["location"]["id"] if e["location"] else None,
        "location_name": e["location"]["name"] if e["location"] else None,
        **{k: ev[k] for k in ("doc", "start", "end", "text", "published")},
        "doc_title": ev["title"],
    }


def _cluster_row(c: dict[str, Any]) -> dict[str, Any]:
    """One real event of :func:`newsgraph.queries.clusters` as a flat row of :data:`CLUSTER_COLUMNS`."""
    return {
        **{k: c[k] for k in CLUSTER_COLUMNS if k in c and k not in ("source", "target")},
        "source": [a["id"] for a in c["source"]],
        "source_names": [a["name"] for a in c["source"]],
        "target": [a["id"] for a in c["target"]],
        "target_names": [a["name"] for a in c["target"]],
    }


__all__ = ["Graph"]
