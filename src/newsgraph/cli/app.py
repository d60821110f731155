"""The ``newsgraph`` command: a thin layer over importable functions.

Heavy modules are imported inside the commands so that ``newsgraph --help`` stays fast.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Optional

import typer

from newsgraph import __version__

app = typer.Typer(
    help="newsgraph: a sourced, queryable record of political relations from news reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DbOpt = typer.Option(
    None,
    "--db",
    help="Database: a SQLite path or a postgresql:// URL [env NEWSGRAPH_DB; default ./newsgraph.db].",
    show_default=False,
)
JsonOpt = typer.Option(False, "--json", help="Print JSON for scripting.")


def _fail(msg: str, code: int = 1) -> None:
    """Print ``error: MSG`` as one line on stderr (control characters of names escaped) and exit."""
    from newsgraph.errors import printable

    typer.echo(f"error: {printable(msg)}", err=True)
    raise typer.Exit(code)


def open_store(db: Optional[str], create: bool = False) -> Any:
    """``Store.open``; a file that is not a database is a coded error (NG030), not a traceback."""
    from sqlalchemy.exc import DatabaseError

    from newsgraph.errors import ConfigError, err
    from newsgraph.store import Store
    from newsgraph.store.db import resolve_db

    try:
        return Store.open(db, create=create)
    except DatabaseError as e:
        reason = str(getattr(e, "orig", e)).splitlines()[0]
        raise ConfigError(*err("NG030", db=resolve_db(db), reason=(
            f"{reason}; point --db at a newsgraph database, or at a new file to create one"
        ))) from e


def _store(db: Optional[str], create: bool = False) -> Any:
    from newsgraph.errors import NewsgraphError

    try:
        return open_store(db, create=create)
    except NewsgraphError as e:
        _fail(str(e))


def _progress(label: str) -> Any:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    return Progress(
        SpinnerColumn(),
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[status]}"),
        TimeElapsedColumn(),
        disable=not sys.stderr.isatty() or bool(os.environ.get("NEWSGRAPH_NO_PROGRESS")),
        console=_err_console(),
        transient=False,
    )


def _status(label: str) -> Any:
    """A spinner on stderr for whole-store work (link, export, eval); silent when not a terminal."""
    import contextlib

    if not sys.stderr.isatty() or os.environ.get("NEWSGRAPH_NO_PROGRESS"):
        return contextlib.nullcontext()
    return _err_console().status(label)


def _err_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


def version_cb(value: bool) -> None:
    if value:
        typer.echo(f"newsgraph {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(
        False, "--version", callback=version_cb, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """newsgraph: read news about political relations; build a sourced record of actors, events and quotes."""
