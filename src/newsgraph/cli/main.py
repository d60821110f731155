"""The ``newsgraph`` console entry point: every command module, imported in the order --help lists them."""

from __future__ import annotations

import os
import sys

import typer

from newsgraph.cli.app import app

# Each module adds its commands to ``app`` when imported; --help lists them in this order.
# isort: off
from newsgraph.cli import ingest, documents  # noqa: E402, F401
from newsgraph.cli import actors, quotes, events, web  # noqa: E402, F401
# isort: on

__all__ = ["app", "run"]


def run() -> None:
    """Console entry point: unexpected errors print one line (set NEWSGRAPH_DEBUG=1 for the traceback)."""
    from newsgraph.errors import NewsgraphError

    try:
        app()
    except NewsgraphError as e:
        typer.echo(f"error: {e}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo(
            "interrupted; stored documents are complete, run the same command again to finish", err=True
        )
        sys.exit(130)
    except Exception as e:
        if os.environ.get("NEWSGRAPH_DEBUG"):
            raise
        typer.echo(
            f"internal error: {type(e).__name__}: {e} (set NEWSGRAPH_DEBUG=1 for the traceback)", err=True
        )
        sys.exit(70)


if __name__ == "__main__":  # pragma: no cover
    run()
