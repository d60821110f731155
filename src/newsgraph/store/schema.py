"""Table definitions (SQLAlchemy Core). Changes go through named migrations in
:mod:`newsgraph.store.migrations`, never by editing a table that a migration created."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("id", String(32), primary_key=True),
    Column("path", Text), Column("file_name", Text), Column("title", Text),
    Column("outlet", Text), Column("url", Text),
    Column("published", String(10)), Column("date_inferred", Boolean, nullable=False, default=False),
    Column("lang", String(8)), Column("source_id", Text),
    Column("text", Text, nullable=False), Column("n_words", Integer, nullable=False),
    Column("meta", JSON), Column("minhash", LargeBinary),
    Column("dup_of", String(32)), Column("dup_score", Float),
    Column("pipeline", Text), Column("ingested_at", String(32)),
)

body_spans = Table(
    "body_spans", metadata,
    Column("doc", String(32), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("start", Integer, primary_key=True), Column("end", Integer, nullable=False),
)

excluded_spans = Table(
    "excluded_spans", metadata,
    Column("doc", String(32), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("start", Integer, primary_key=True), Column("end", Integer, nullable=False),
    Column("kind", String(32), nullable=False),
)

doc_dates = Table(
    "doc_dates", metadata,
    Column("doc", String(32), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("start", Integer, primary_key=True), Column("end", Integer, nullable=False),
    Column("text", Text), Column("value", String(10)), Column("precision", String(8)),
    Column("relative", Boolean, default=False),
)

minhash_bands = Table(
    "minhash_bands", metadata,
    Column("band", Integer, nullable=False), Column("hash", String(16), nullable=False),
    Column("doc", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Index("ix_minhash_bands", "band", "hash"),
)

entities = Table(
    "entities", metadata,
    Column("doc", String(32), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("local_id", String(16), primary_key=True),
    Column("type", String(12), nullable=False), Column("name", Text, nullable=False),
    Column("aliases", JSON), Column("titles", JSON), Column("kb_id", Text),
    Column("affiliation", Text), Column("evidence", JSON),
)

mentions = Table(
    "mentions", metadata,
    Column("doc", String(32), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("start", Integer, primary_key=True), Column("end", Integer, primary_key=True),
    Column("text", Text, nullable=False), Column("entity", String(16), nullable=False),
    Column("kind", String(16)), Column("type", String(12)),
)

quotes = Table(
    "quotes", metadata,
    Column("id", String(32), primary_key=True),
    Column("doc", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("kind", String(10), nullable=False),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False), Column("speaker", String(16)),
    Column("cue", Text), Column("cue_start", Integer), Column("channel", Text),
    Column("confidence", Float),
    Column("rule", Text), Column("speaker_text", Text),  # migration quote_provenance
)

events = Table(
    "events", metadata,
    Column("id", String(32), primary_key=True),
    Column("doc", String(32), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("type", String(12), nullable=False), Column("mode", Text), Column("cameo", String(4)),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("source", JSON), Column("target", JSON), Column("location", String(16)),
    Column("date", String(10)), Column("date_precision", String(8)), Column("date_text", Text),
    Column("date_fallback", Boolean, default=False),
    Column("negated", Boolean, default=False), Column("hypothetical", Boolean, default=False),
    Column("trigger", Text), Column("confidence", Float),
    # provenance (migration 0005): the rule that coded it, the modality cue, where the date came from
    Column("rule", Text), Column("modality_cue", Text), Column("date_source", String(8)),
)

# ---- cross-document results (rebuilt by the link pass) -------------------------------
actors = Table(
    "actors", metadata,
    Column("id", String(32), primary_key=True),
    Column("type", String(12), nullable=False), Column("name", Text, nullable=False),
    Column("kb_id", Text), Column("affiliation", String(32)),
)

actor_aliases = Table(
    "actor_aliases", metadata,
    Column("actor", String(32), ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True),
    Column("alias", Text, primary_key=True),
    Column("count", Integer, default=1),
)

actor_links = Table(
    "actor_links", metadata,
    Column("doc", String(32), primary_key=True), Column("entity", String(16), primary_key=True),
    Column("actor", String(32), ForeignKey("actors.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("evidence", JSON),
)

roles = Table(
    "roles", metadata,
    Column("actor", String(32), ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True),
    Column("title", Text, primary_key=True),
    Column("doc", String(32), primary_key=True),
)

clusters = Table(
    "clusters", metadata,
    Column("id", String(32), primary_key=True),
    Column("type", String(12), nullable=False),
    Column("date", String(10)), Column("divergent", Boolean, default=False),
    Column("n_events", Integer), Column("n_documents", Integer),
)

cluster_events = Table(
    "cluster_events", metadata,
    Column("cluster", String(32), ForeignKey("clusters.id", ondelete="CASCADE"), primary_key=True),
    Column("event", String(32), primary_key=True),
    Index("ix_cluster_events_event", "event"),
)

cluster_accounts = Table(
    "cluster_accounts", metadata,
    Column("cluster", String(32), ForeignKey("clusters.id", ondelete="CASCADE"), primary_key=True),
    Column("quote", String(32), primary_key=True),
    Column("speaker", String(32)),
)

event_actors = Table(
    "event_actors", metadata,
    Column("event", String(32), primary_key=True),
    Column("actor", String(32), primary_key=True),
    Column("role", String(8), primary_key=True),  # 'source' or 'target'
    Column("cluster", String(32)), Column("doc", String(32), nullable=False),
    Column("type", String(12), nullable=False), Column("date", String(10)),
    Column("negated", Boolean, default=False), Column("hypothetical", Boolean, default=False),
    # covering indexes: an actor's reports by side and type (profiles, pair counts) and by date
    # (the actor's event list) are read from the index alone
    Index("ix_event_actors_actor", "actor", "role", "type", "event", "cluster"),
    Index("ix_event_actors_actor_date", "actor", "date", "event", "type", "negated", "hypothetical"),
)

actor_stats = Table(
    "actor_stats", metadata,
    Column("actor", String(32), primary_key=True),
    Column("n_documents", Integer, nullable=False), Column("n_mentions", Integer, nullable=False),
    Column("event_types", JSON),  # {type: distinct event reports with the actor on either side}
    Column("partners", JSON),  # {actor: {"as_source": n, "as_target": n}} in real events (clusters)
)

settings = Table(
    "settings", metadata,
    Column("key", String(64), primary_key=True), Column("value", JSON),
)

#: tables holding per-document results; deleting a document deletes from each
PER_DOC_TABLES = (body_spans, excluded_spans, doc_dates, minhash_bands, entities, mentions, quotes, events)
#: tables the cross-document pass rebuilds
LINK_TABLES = (
    actor_stats, event_actors, cluster_accounts, cluster_events, clusters, roles, actor_links, actor_aliases,
    actors,
)
