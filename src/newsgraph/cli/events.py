"""Event commands: ``events``, ``relations``, ``timeline``, ``divergent`` (imports only typer at
module level). Counts are by real event (cluster), not by report; an actor is given by id, name or
alias (case-insensitive). Negated and hypothetical events are left out unless included
(``--include-negated``, ``--include-hypothetical``), as on every surface; ``--json`` prints what
the JSON API returns for the same filter."""

from __future__ import annotations

import json
from typing import Any, Optional

import typer

from newsgraph.cli.app import DbOpt, JsonOpt, _fail, _store, app
from newsgraph.cli.options import HypOpt, NegOpt, first, flags, run_query

TypeOpt = typer.Option(None, "--type", "-t", help="PLOVER type (AGREE, CONSULT, ...); repeatable.")
ActorOpt = typer.Option(None, "--actor", "-a", help="Actor id, name or alias (case-insensitive).")
FromOpt = typer.Option(None, "--from", help="First date, YYYY[-MM[-DD]].")
ToOpt = typer.Option(None, "--to", help="Last date, YYYY[-MM[-DD]].")
LimitOpt = typer.Option(50, "--limit", min=1, max=500, help="Most items to show.")


def _actor(store: Any, ref: Optional[str]) -> Optional[str]:
    from newsgraph.queries import resolve_actor

    return run_query(resolve_actor, store, ref) if ref else None


def _names(side: list[dict[str, Any]]) -> str:
    return ", ".join(a.get("name") or a.get("id") or "?" for a in side) or "?"


def _types(types: Optional[list[str]]) -> Optional[list[str]]:
    from newsgraph.models import PLOVER_TYPES

    if not types:
        return None
    out = [t.upper() for t in types]
    bad = [t for t in out if t not in PLOVER_TYPES]
    if bad:
        _fail(f"unknown event type {', '.join(bad)} (known: {', '.join(PLOVER_TYPES)})", 2)
    return out


def _flags(item: dict[str, Any]) -> str:
    return ("" if not item.get("negated") else " [negated]") + (
        "" if not item.get("hypothetical") else " [hypothetical]"
    )


def _date(item: dict[str, Any]) -> str:
    """The date, ``~`` marking one that is only the publication date (the text states none)."""
    return (item.get("date") or "????") + ("~" if item.get("date_source") == "document" else "")


@app.command("events")
def events_cmd(
    types: Optional[list[str]] = TypeOpt,
    actor: Optional[str] = ActorOpt,
    date_from: Optional[str] = FromOpt,
    date_to: Optional[str] = ToOpt,
    reports: bool = typer.Option(
        False, "--reports", help="List every report instead of one line per real event."
    ),
    why: bool = typer.Option(
        False, "--why", help="Every report with the rule that coded it, its modality cue and date source."
    ),
    include_negated: bool = NegOpt,
    include_hypothetical: bool = HypOpt,
    limit: int = LimitOpt,
    db: Optional[str] = DbOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Events (one line per real event, newest first) with their participants and sources."""
    from newsgraph.queries import clusters, events

    store = _store(db)
    kw = {"actor": _actor(store, actor), "type": _types(types), "date_from": date_from, "date_to": date_to}
    reports = reports or why
    fn = events if reports else clusters
    items, more = run_query(first, fn, store, limit, **kw, **flags(include_negated, include_hypothetical))
    if as_json:
        typer.echo(json.dumps(items, indent=1, ensure_ascii=False))
        return
    if not items:
        typer.echo("no events")
        return
    for it in items:
        typer.echo(_report_line(it) if reports else _event_line(it))
        if why:
            typer.echo(_why_line(it))
    if more:
        typer.echo(f"(more: --limit {limit * 2})")


def _report_line(it: dict[str, Any]) -> str:
    ev = it["evidence"]
    return (
        f"{_date(it):<10} {it['type']:<9} {_names(it['source'])} -> {_names(it['target'])}"
        f"  ({it['mode'] or '-'}, CAMEO {it['cameo'] or '-'}){_flags(it)}  cluster {it['cluster']}\n"
        f"           {ev['doc']}[{ev['start']}:{ev['end']}] {ev['text'][:150]}"
    )


#: how each date source reads in ``events --why``
DATE_SOURCES = {
    "text": "stated in the text",
    "context": "the last day stated before it in its paragraph, or the day its source last acted",
    "title": "the period the report's title names (not stated with the act)",
    "document": "the publication date (not stated in the text)",
    "none": "no date",
}


def _why_line(it: dict[str, Any]) -> str:
    """Why a report was coded as it was: the rule, the modality cue, where its date came from."""
    flag = "negated" if it.get("negated") else "hypothetical" if it.get("hypothetical") else None
    cue = it.get("modality_cue")
    modality = f"{flag} (cue '{cue}')" if flag and cue else flag or (f"cue '{cue}'" if cue else "factual")
    source = it.get("date_source")
    date = f"{it['date']} ({it.get('date_precision') or '?'})" if it.get("date") else "undated"
    date += f", {DATE_SOURCES.get(source, source or 'source not recorded')}"
    if it.get("date_text"):
        date += f": '{it['date_text']}'"
    return (
        f"           why: rule {it.get('rule') or '(not recorded)'}\n"
        f"                modality: {modality}\n"
        f"                date: {date}"
    )


def _event_line(it: dict[str, Any]) -> str:
    div = " [divergent accounts]" if it["divergent"] else ""
    return (
        f"{_date(it):<10} {it['type']:<9} {_names(it['source'])} -> {_names(it['target'])}"
        f"  {it['n_events']} report(s) in {it['n_documents']} document(s){_flags(it)}{div}  {it['id']}"
    )


@app.command("relations")
def relations_cmd(
    a: str = typer.Argument(..., help="First actor (id, name or alias)."),
    b: str = typer.Argument(..., help="Second actor (id, name or alias)."),
    include_negated: bool = NegOpt,
    include_hypothetical: bool = HypOpt,
    db: Optional[str] = DbOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Events between two actors, both directions, by type and over time (counts are real events)."""
    from newsgraph.queries import relations

    store = _store(db)
    ida, idb = _actor(store, a), _actor(store, b)
    res = run_query(relations, store, ida, idb, **flags(include_negated, include_hypothetical))
    if as_json:
        typer.echo(json.dumps(res, indent=1, ensure_ascii=False))
        return
    na, nb = (res["a"] or {}).get("name", a), (res["b"] or {}).get("name", b)
    typer.echo(f"{na} <-> {nb}")
    if not res["counts"]:
        typer.echo("  no events between them")
    for c in res["counts"]:
        direction = f"{na} -> {nb}" if c["source"] == ida else f"{nb} -> {na}"
        typer.echo(f"  {c['type']:<9} {direction:<50} {c['events']} event(s), {c['reports']} report(s)")
    if res.get("events"):
        typer.echo("")
        seen: set[str] = set()
        for ev in sorted(res["events"], key=lambda e: (e["date"] or "", e["id"])):
            if ev["cluster"] in seen:
                continue
            seen.add(ev["cluster"])
            typer.echo(
                f"  {ev['date'] or '????':<10} {ev['type']:<9} {_names(ev['source'])} -> "
                f"{_names(ev['target'])}{_flags(ev)}"
            )


@app.command("timeline")
def timeline_cmd(
    actor: Optional[str] = ActorOpt,
    types: Optional[list[str]] = TypeOpt,
    date_from: Optional[str] = FromOpt,
    date_to: Optional[str] = ToOpt,
    limit: int = typer.Option(200, "--limit", min=1, max=500, help="Most events to show."),
    include_negated: bool = NegOpt,
    include_hypothetical: bool = HypOpt,
    db: Optional[str] = DbOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Dated real events, oldest first, with a month-by-type count."""
    from newsgraph.queries import timeline

    store = _store(db)
    page = run_query(
        timeline,
        store,
        actor=_actor(store, actor),
        type=_types(types),
        date_from=date_from,
        date_to=date_to,
        limit=limit,
        **flags(include_negated, include_hypothetical),
    )
    if as_json:
        typer.echo(json.dumps(page, indent=1, ensure_ascii=False))
        return
    if not page["items"]:
        typer.echo("no dated events")
        return
    for it in page["items"]:
        typer.echo(
            f"{_date(it):<10} {it['type']:<9} {_names(it['source'])} -> {_names(it['target'])}"
            f"  ({it['n_events']} report(s)){' [divergent]' if it['divergent'] else ''}"
        )
    typer.echo("")
    for h in page.get("histogram", []):
        counts = ", ".join(f"{t} {n}" for t, n in sorted(h["counts"].items()))
        typer.echo(f"  {h['month']}: {h['total']} ({counts})")


@app.command("divergent")
def divergent_cmd(
    limit: int = LimitOpt,
    include_negated: bool = NegOpt,
    include_hypothetical: bool = HypOpt,
    db: Optional[str] = DbOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Events whose parties give divergent accounts, each side's statements side by side."""
    from newsgraph.queries import divergent

    store = _store(db)
    page = run_query(divergent, store, limit=limit, **flags(include_negated, include_hypothetical))
    if as_json:
        typer.echo(json.dumps(page["items"], indent=1, ensure_ascii=False))
        return
    if not page["items"]:
        typer.echo("no divergent accounts")
        return
    for it in page["items"]:
        typer.echo(
            f"{it['date'] or '????'} {it['type']} {_names(it['source'])} -> {_names(it['target'])}"
            f"  ({it['n_events']} report(s) in {it['n_documents']} document(s))  {it['id']}"
        )
        for acc in it.get("accounts", []):
            spk = (acc.get("speaker") or {}).get("name", "?")
            typer.echo(f"  {spk}:")
            for q in acc["quotes"]:
                typer.echo(f"    - {q['text'][:160]}  [{q['doc']}]")
        typer.echo("")
