"""``newsgraph serve``: the web UI and JSON API (imports only typer at module level)."""

from __future__ import annotations

from typing import Optional

import typer

from newsgraph.cli.app import DbOpt, _fail, app


@app.command("serve")
def serve_cmd(
    db: Optional[str] = DbOpt,
    host: str = typer.Option(
        "127.0.0.1",
        "--host",
        help="Address to bind; keep the default unless you "
        "trust every machine that can reach the other address.",
    ),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="TCP port."),
    allow_ingest: bool = typer.Option(
        False,
        "--allow-ingest",
        help="Add POST /api/ingest (needs the token printed at start-up in the X-Newsgraph-Token header).",
    ),
    max_upload: int = typer.Option(2_000_000, "--max-upload-bytes", help="Largest upload accepted."),
    allow_host: list[str] = typer.Option(
        [], "--allow-host", help="Extra Host header names to answer (e.g. a LAN name); repeatable."
    ),
) -> None:
    """Serve the web UI and the JSON API (OpenAPI at /openapi.json, docs at /docs). Read-only by default."""
    import uvicorn

    from newsgraph.errors import NewsgraphError
    from newsgraph.web.app import LOCAL_HOSTS, create_app

    hosts = [*LOCAL_HOSTS, *allow_host]
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"warning: binding to {host}: anyone who can reach it can read the database", err=True)
        hosts.append("*" if host in ("0.0.0.0", "::") else host)
    try:
        web = create_app(db, allow_ingest=allow_ingest, max_upload_bytes=max_upload, allowed_hosts=hosts)
    except NewsgraphError as e:
        _fail(str(e))
    _check_port(host, port)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(
        f"newsgraph serving {web.state.store.url} at http://{shown}:{port}/ "
        f"({'uploads allowed' if allow_ingest else 'read-only'}); API docs at /docs",
        err=True,
    )
    if allow_ingest:
        typer.echo(f"upload token (send as header X-Newsgraph-Token): {web.state.ingest_token}", err=True)
    uvicorn.run(web, host=host, port=port, log_level="warning", server_header=False)


def _check_port(host: str, port: int) -> None:
    """A port that cannot be bound is a one-line error (NG033), not a server traceback."""
    import socket

    from newsgraph.errors import err

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        family, kind, proto, _, addr = infos[0]
        with socket.socket(family, kind, proto) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(addr)
    except OSError as e:
        message, code = err("NG033", host=host, port=port, reason=e.strerror or str(e))
        _fail(f"[{code}] {message}")
