"""Whole-store records for the exports (``newsgraph.export/1`` sections, CSV/Parquet tables,
PLOVER lines) and the evaluation, streamed one section at a time.

Per-document results are stored with document-local entity ids; these records map them to the
global actor ids of the last link pass and to event clusters. Events and clusters follow the
negated/hypothetical rule of :mod:`newsgraph.queries.modality` (records default to every event,
each with its flags).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select

from newsgraph.actors.facts import cameo_codes, code_at, geo
from newsgraph.queries.modality import EVERYTHING, Modality
from newsgraph.store import Store
from newsgraph.store import schema as t

SECTIONS = ("documents", "actors", "mentions", "events", "quotes", "clusters")
#: an event's optional provenance fields (export/1): the rule that coded it, the word that made it
#: negated or hypothetical, and where its date came from (text | document | none)
PROVENANCE = ("rule", "modality_cue", "date_source")


class Records:
    """Builds export records from a store, one section at a time (streamed)."""

    def __init__(self, store: Store, mod: Modality = EVERYTHING) -> None:
        self.store, self.mod = store, mod
        with store.engine.connect() as conn:
            L, CE = t.actor_links, t.cluster_events
            self.links: dict[tuple[str, str], str] = {
                (d, e): a for d, e, a in conn.execute(select(L.c.doc, L.c.entity, L.c.actor))
            }
            self.event_cluster: dict[str, str] = {
                e: c for c, e in conn.execute(select(CE.c.cluster, CE.c.event))
            }

    def actor(self, doc: str, local: str | None) -> str | None:
        return self.links.get((doc, local)) if local else None

    def actors_of(self, doc: str, locals_: list[str] | None) -> list[str]:
        out: list[str] = []
        for x in locals_ or []:
            a = self.actor(doc, x)
            if a and a not in out:
                out.append(a)
        return out

    def documents(self, extended: bool = False) -> Iterator[dict[str, Any]]:
        body: dict[str, list[list[int]]] = defaultdict(list)
        excl: dict[str, list[dict[str, Any]]] = defaultdict(list)
        B, X = t.body_spans, t.excluded_spans
        for r in self.store.iter_rows(B, order_by=(B.c.doc, B.c.start)):
            body[r["doc"]].append([r["start"], r["end"]])
        for r in self.store.iter_rows(X, order_by=(X.c.doc, X.c.start)):
            excl[r["doc"]].append({"start": r["start"], "end": r["end"], "kind": r["kind"]})
        c = t.documents.c
        cols = (c.id, c.path, c.file_name, c.title, c.outlet, c.url, c.published, c.date_inferred, c.dup_of)
        with self.store.engine.connect() as conn:
            for r in conn.execute(select(*cols).order_by(c.id)):
                rec = {
                    k: r._mapping[k]
                    for k in ("id", "path", "file_name", "title", "outlet", "url", "published")
                }
                rec["date_inferred"] = bool(r.date_inferred)
                rec["body_spans"] = body.get(r.id, [])
                rec["excluded_spans"] = excl.get(r.id, [])
                if extended:
                    rec["duplicate_of"] = r.dup_of
                yield rec

    def actors(self) -> Iterator[dict[str, Any]]:
        aliases: dict[str, list[str]] = defaultdict(list)
        roles: dict[str, list[dict[str, str]]] = defaultdict(list)
        AL, R = t.actor_aliases, t.roles
        for r in self.store.iter_rows(AL, order_by=(AL.c.actor, AL.c.alias)):
            aliases[r["actor"]].append(r["alias"])
        for r in self.store.iter_rows(R, order_by=(R.c.actor, R.c.doc, R.c.title)):
            roles[r["actor"]].append({"title": r["title"], "doc": r["doc"]})
        for r in self.store.iter_rows(t.actors, order_by=t.actors.c.id):
            yield {
                "id": r["id"],
                "type": r["type"],
                "name": r["name"],
                "aliases": aliases.get(r["id"], []),
                "affiliation": r["affiliation"],
                "roles": roles.get(r["id"], []),
                "kb_id": r["kb_id"],
                **_kb_facts(r["kb_id"]),
            }

    def mentions(self) -> Iterator[dict[str, Any]]:
        M = t.mentions
        for r in self.store.iter_rows(M, order_by=(M.c.doc, M.c.start)):
            a = self.actor(r["doc"], r["entity"])
            if a:
                yield {"doc": r["doc"], "start": r["start"], "end": r["end"], "text": r["text"], "actor": a}

    def events(self) -> Iterator[dict[str, Any]]:
        E = t.events
        kb_ids = {a: r["kb_id"] for a, r in self.actor_refs().items() if r["kb_id"]}
        for r in self.store.iter_rows(E, order_by=(E.c.doc, E.c.start, E.c.id)):
            if not self.mod.keeps(r["negated"], r["hypothetical"]):
                continue
            d = r["doc"]
            yield {
                "id": r["id"],
                "type": r["type"],
                "mode": r["mode"],
                "cameo": r["cameo"],
                "source": self.actors_of(d, r["source"]),
                "target": self.actors_of(d, r["target"]),
                "location": self.actor(d, r["location"]),
                "date": r["date"],
                "date_text": r["date_text"],
                "negated": bool(r["negated"]),
                "hypothetical": bool(r["hypothetical"]),
                "cluster": self.event_cluster.get(r["id"], r["id"]),
                "confidence": r["confidence"],
                "evidence": {"doc": d, "start": r["start"], "end": r["end"], "text": r["text"]},
                **{k: r[k] for k in PROVENANCE},
                **_event_cameo(
                    self.actors_of(d, r["source"]), self.actors_of(d, r["target"]), r["date"], kb_ids
                ),
            }

    def quotes(self) -> Iterator[dict[str, Any]]:
        Q = t.quotes
        for r in self.store.iter_rows(Q, order_by=(Q.c.doc, Q.c.start, Q.c.id)):
            yield {
                "id": r["id"],
                "speaker": self.actor(r["doc"], r["speaker"]),
                "kind": r["kind"],
                "text": r["text"],
                "cue": r["cue"],
                "doc": r["doc"],
                "start": r["start"],
                "end": r["end"],
                "confidence": r["confidence"],
                "rule": r["rule"],
                "speaker_text": r["speaker_text"],
            }

    def clusters(self) -> Iterator[dict[str, Any]]:
        """Clusters with a report kept by the rule, listing those reports."""
        E, CA = t.events, t.cluster_accounts
        with self.store.engine.connect() as conn:
            kept = {r.id: r.doc for r in conn.execute(select(E.c.id, E.c.doc).where(*self.mod.where(E)))}
        members: dict[str, list[str]] = defaultdict(list)
        for ev, cl in self.event_cluster.items():
            if ev in kept:
                members[cl].append(ev)
        accounts: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in self.store.iter_rows(CA, order_by=(CA.c.cluster, CA.c.quote)):
            accounts[r["cluster"]].append({"speaker": r["speaker"], "quote": r["quote"]})
        for r in self.store.iter_rows(t.clusters, order_by=t.clusters.c.id):
            evs = sorted(members.get(r["id"], []))
            if not evs and not self.mod.everything:
                continue
            yield {
                "id": r["id"],
                "type": r["type"],
                "events": evs,
                "documents": sorted({kept[e] for e in evs}),
                "divergent": bool(r["divergent"]),
                "accounts": accounts.get(r["id"], []),
            }

    def section(self, name: str) -> Iterator[dict[str, Any]]:
        return getattr(self, name)()  # type: ignore[no-any-return]

    # ---- what PLOVER records add to the export's events -------------------------------------
    def actor_refs(self) -> dict[str, dict[str, Any]]:
        """Every actor as ``{"id", "name", "type", "kb_id"}``."""
        A = t.actors
        with self.store.engine.connect() as conn:
            return {
                r.id: {"id": r.id, "name": r.name, "type": r.type, "kb_id": r.kb_id}
                for r in conn.execute(select(A.c.id, A.c.name, A.c.type, A.c.kb_id))
            }

    def document_meta(self) -> dict[str, dict[str, Any]]:
        """Title, outlet, URL and date of every document."""
        c = t.documents.c
        with self.store.engine.connect() as conn:
            return {
                r.id: {"title": r.title, "outlet": r.outlet, "url": r.url, "published": r.published}
                for r in conn.execute(select(c.id, c.title, c.outlet, c.url, c.published))
            }

    def cluster_dates(self) -> dict[str, str | None]:
        with self.store.engine.connect() as conn:
            return dict(conn.execute(select(t.clusters.c.id, t.clusters.c.date)).all())  # type: ignore[arg-type]


def _kb_facts(kb_id: str | None) -> dict[str, Any]:
    """An actor's optional export/1 fields from the knowledge base: ``cameo`` (CAMEO codes with
    their date ranges) and ``geo`` (``{"lat", "lon", "country"}`` of a gazetteer place)."""
    out: dict[str, Any] = {}
    if codes := cameo_codes(kb_id):
        out["cameo"] = codes
    if (g := geo(kb_id)) is not None:
        out["geo"] = g
    return out


def _event_cameo(
    source: list[str], target: list[str], date: str | None, kb_ids: dict[str, str]
) -> dict[str, Any]:
    """The CAMEO actor codes of an event's source and target at the event's date (optional fields)."""
    src = [c for a in source if (c := code_at(kb_ids.get(a), date))]
    tgt = [c for a in target if (c := code_at(kb_ids.get(a), date))]
    return {"source_cameo": src, "target_cameo": tgt}


def document_texts(store: Store) -> dict[str, str]:
    """File name -> stored text of every document that has a file name (for scoring)."""
    c = t.documents.c
    with store.engine.connect() as conn:
        return {r.file_name: r.text for r in conn.execute(select(c.file_name, c.text)) if r.file_name}


__all__ = ["PROVENANCE", "SECTIONS", "Records", "document_texts"]
