"""Storage: SQLite by default, PostgreSQL for shared servers (same schema, same migrations)."""

from newsgraph.store.db import Store, resolve_db

__all__ = ["Store", "resolve_db"]
