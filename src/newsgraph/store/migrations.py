"""Named schema migrations, each applied once, in order, inside a transaction.

Applied names are recorded in the ``migrations`` table. A migration is a function of
``(conn, dialect_name)``; new ones are appended to :data:`MIGRATIONS` and must be
written so that they work on both SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import Column, MetaData, String, Table, select, text
from sqlalchemy.engine import Connection, Engine

import newsgraph.store.schema as schema

_mig_meta = MetaData()
migrations_table = Table(
    "migrations", _mig_meta,
    Column("name", String(128), primary_key=True),
    Column("applied_at", String(32), nullable=False),
)

Migration = Callable[[Connection, str], None]


def _m0001_initial(conn: Connection, dialect: str) -> None:
    """Documents, per-document results and cross-document tables."""
    schema.metadata.create_all(conn)


def _m0002_fulltext(conn: Connection, dialect: str) -> None:
    """Full-text search over documents and quotes: FTS5 on SQLite, tsvector GIN on PostgreSQL."""
    if dialect == "sqlite":
        conn.execute(text(
            "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5("
            "doc UNINDEXED, title, body, tokenize='unicode61 remove_diacritics 2')"))
        conn.execute(text(
            "CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5("
            "quote UNINDEXED, doc UNINDEXED, body, tokenize='unicode61 remove_diacritics 2')"))
    elif dialect == "postgresql":
        conn.execute(text(
            "CREATE INDEX IF NOT EXISTS ix_documents_fts ON documents USING GIN "
            "(to_tsvector('english', coalesce(title, '') || ' ' || text))"))
        conn.execute(text(
            "CREATE INDEX IF NOT EXISTS ix_quotes_fts ON quotes USING GIN (to_tsvector('english', text))"))


def _m0003_indexes(conn: Connection, dialect: str) -> None:
    """Lookup indexes used by the CLI, the API and the link pass."""
    for stmt in (
        "CREATE INDEX IF NOT EXISTS ix_documents_dup_of ON documents (dup_of)",
        "CREATE INDEX IF NOT EXISTS ix_documents_published ON documents (published)",
        "CREATE INDEX IF NOT EXISTS ix_mentions_entity ON mentions (doc, entity)",
        "CREATE INDEX IF NOT EXISTS ix_events_type_date ON events (type, date)",
        "CREATE INDEX IF NOT EXISTS ix_quotes_speaker ON quotes (doc, speaker)",
        "CREATE INDEX IF NOT EXISTS ix_roles_doc ON roles (doc)",
    ):
        conn.execute(text(stmt))


def _m0004_actor_read_tables(conn: Connection, dialect: str) -> None:
    """``event_actors`` (each event report's global actors by role, indexed by actor) and
    ``actor_stats`` (per-actor counts); filled from the existing link results so a database
    linked before them needs no new link pass."""
    from newsgraph.store.derived import rebuild_actor_stats, rebuild_event_actors

    schema.event_actors.create(conn, checkfirst=True)
    schema.actor_stats.create(conn, checkfirst=True)
    rebuild_event_actors(conn)
    rebuild_actor_stats(conn)


#: the columns migration 0005 adds to ``events`` (a database created after it has them from 0001)
EVENT_PROVENANCE = (("rule", "TEXT"), ("modality_cue", "TEXT"), ("date_source", "VARCHAR(8)"))


def _m0005_event_provenance(conn: Connection, dialect: str) -> None:
    """Event provenance: ``rule`` (the lexicon pattern or rule that coded the event),
    ``modality_cue`` (the word that made it negated or hypothetical) and ``date_source``
    (``text``: stated in or governing its clause; ``document``: the publication date only;
    ``none``). Reports stored before it get ``date_source`` from what was stored: a date taken
    from the document (``date_fallback``) is ``document``, another date ``text``, none ``none``;
    their rule and cue were not recorded and stay null."""
    from sqlalchemy import inspect

    have = {c["name"] for c in inspect(conn).get_columns("events")}
    quote = conn.dialect.identifier_preparer.quote
    for name, sql_type in EVENT_PROVENANCE:
        if name not in have:
            conn.execute(text(f"ALTER TABLE events ADD COLUMN {quote(name)} {sql_type}"))
    e = schema.events
    for value, cond in (
        ("none", e.c.date.is_(None)),
        ("document", e.c.date_fallback.is_(True)),
        ("text", e.c.date.is_not(None)),
    ):
        conn.execute(e.update().where(e.c.date_source.is_(None), cond).values(date_source=value))


#: the columns the quote provenance migration adds to ``quotes`` (a database created after it has them)
QUOTE_PROVENANCE = (("rule", "TEXT"), ("speaker_text", "TEXT"))


def _m_quote_provenance(conn: Connection, dialect: str) -> None:
    """Quote provenance: ``rule`` (how the quote was found: "zero-that", "cue-after",
    "according-to", ...) and ``speaker_text`` (the words that name or describe the speaker, kept
    also when the speaker is an unnamed source). Quotes stored before it keep both null."""
    from sqlalchemy import inspect

    have = {c["name"] for c in inspect(conn).get_columns("quotes")}
    quote = conn.dialect.identifier_preparer.quote
    for name, sql_type in QUOTE_PROVENANCE:
        if name not in have:
            conn.execute(text(f"ALTER TABLE quotes ADD COLUMN {quote(name)} {sql_type}"))


MIGRATIONS: list[tuple[str, Migration]] = [
    ("0001_initial", _m0001_initial),
    ("0002_fulltext", _m0002_fulltext),
    ("0003_indexes", _m0003_indexes),
    ("0004_actor_read_tables", _m0004_actor_read_tables),
    ("0005_event_provenance", _m0005_event_provenance),
    ("quote_provenance", _m_quote_provenance),
]


def applied(conn: Connection) -> set[str]:
    _mig_meta.create_all(conn)
    return {r[0] for r in conn.execute(select(migrations_table.c.name))}


def migrate(engine: Engine) -> list[str]:
    """Apply every pending migration, each in its own transaction. Returns the names applied."""
    done: list[str] = []
    with engine.begin() as conn:
        have = applied(conn)
    for name, fn in MIGRATIONS:
        if name in have:
            continue
        with engine.begin() as conn:
            if name in applied(conn):  # another process got there first
                continue
            fn(conn, engine.dialect.name)
            conn.execute(migrations_table.insert().values(
                name=name, applied_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds")))
        done.append(name)
    return done
