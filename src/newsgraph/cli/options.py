"""Options and helpers shared by the commands that read the store through :mod:`newsgraph.queries`
(imports only typer at module level)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import typer

NegOpt = typer.Option(
    False, "--include-negated", help='Count negated events too ("has not met"); they are flagged.'
)
HypOpt = typer.Option(
    False, "--include-hypothetical", help='Count hypothetical events too ("could meet if"); they are flagged.'
)


def flags(include_negated: bool, include_hypothetical: bool) -> dict[str, bool]:
    """The negated/hypothetical filter as the keyword arguments every query takes."""
    return {"include_negated": include_negated, "include_hypothetical": include_hypothetical}


def first(fn: Callable[..., dict[str, Any]], store: Any, limit: int, **kw: Any) -> tuple[list[Any], bool]:
    """The first ``limit`` items of the paged query ``fn`` and whether there are more."""
    out: list[Any] = []
    cursor = None
    while len(out) < limit:
        page = fn(store, limit=min(500, limit - len(out)), cursor=cursor, **kw)
        out.extend(page["items"])
        cursor = page["next"]
        if not cursor:
            break
    return out[:limit], cursor is not None


def run_query(fn: Callable[..., Any], *args: Any, **kw: Any) -> Any:
    """``fn(*args, **kw)``; a newsgraph error (unknown actor, bad date) ends the command with its message."""
    from newsgraph.cli.app import _fail
    from newsgraph.errors import NewsgraphError

    try:
        return fn(*args, **kw)
    except NewsgraphError as e:
        _fail(str(e))
