"""newsgraph: a sourced, queryable record of political relations from news reports."""

from __future__ import annotations

from typing import Any

from newsgraph.version import __version__


def open(db: str | None = None) -> Any:  # noqa: A001 - the notebook entry point is newsgraph.open()
    """Open a newsgraph database for querying from Python (see :mod:`newsgraph.api`)."""
    from newsgraph.api import Graph

    return Graph(db)


__all__ = ["__version__", "open"]
