"""``newsgraph quotes``: quotations with their speakers, filtered by speaker or by the actor quoted about."""

from __future__ import annotations

import json
from typing import Any, Optional

import typer

from newsgraph.cli.app import DbOpt, JsonOpt, _fail, _store, app
from newsgraph.cli.options import first


def quote_rows(
    store: Any, *, by: str | None = None, about: str | None = None, kind: str | None = None, limit: int = 50
) -> list[dict[str, Any]]:
    """Quotes (newest document first) as plain dicts; ``by``/``about`` are actor ids."""
    from newsgraph import queries

    return first(queries.quotes, store, limit, speaker=by, about=about, kind=kind)[0]


def _actor_id(store: Any, name: str) -> str:
    from newsgraph.queries import find_actors

    ids = find_actors(store, name)
    if not ids:
        _fail(f"[NG041] no actor matches '{name}'")
    return ids[0]


@app.command("quotes")
def quotes_cmd(
    by: Optional[str] = typer.Option(
        None, "--by", help="Only quotes said by this actor (id, name or alias)."
    ),
    about: Optional[str] = typer.Option(None, "--about", help="Only quotes that mention this actor."),
    kind: Optional[str] = typer.Option(None, "--kind", help="direct or indirect."),
    limit: int = typer.Option(50, "--limit", min=1, help="At most this many quotes."),
    why: bool = typer.Option(
        False, "--why", help="Show how each quote was found: its cue, the rule and the speaker's words."
    ),
    db: Optional[str] = DbOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Direct and indirect quotes with their speakers and the document they come from."""
    if kind not in (None, "direct", "indirect"):
        _fail(f"unknown kind '{kind}' (use direct or indirect)", 2)
    store = _store(db)
    rows = quote_rows(
        store,
        by=_actor_id(store, by) if by else None,
        about=_actor_id(store, about) if about else None,
        kind=kind,
        limit=limit,
    )
    if as_json:
        typer.echo(json.dumps(rows, indent=1, ensure_ascii=False))
        return
    if not rows:
        typer.echo("no quotes")
    for q in rows:
        spk = q["speaker"]["name"] if q.get("speaker") else "(speaker unknown)"
        mark = "“”" if q["kind"] == "direct" else "[]"
        typer.echo(f"{spk} {q.get('cue') or ''}: {mark[0]}{q['text']}{mark[1]}")
        typer.echo(f"    {q.get('doc_title') or q['doc']} [{q['doc']} {q['start']}:{q['end']}]")
        if why:
            typer.echo("    " + _why(q))


def _why(q: dict[str, Any]) -> str:
    """ "cue 'said' | rule zero-that | speaker 'a senior official' | confidence 0.45" """
    parts = [f"cue '{q['cue']}'" if q.get("cue") else "no cue", f"rule {q.get('rule') or 'unknown'}"]
    if q.get("speaker_text"):
        parts.append(f"speaker '{q['speaker_text']}'")
    if q.get("channel"):
        parts.append(f"channel {q['channel']}")
    parts.append(f"confidence {q.get('confidence') or 0:.2f}")
    return " | ".join(parts)
