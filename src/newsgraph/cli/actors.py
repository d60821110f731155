"""``newsgraph actors`` and ``newsgraph actor NAME [--why]``: canonical actors and the evidence
that linked each of their names across documents (imports only typer at module level).

Both print what the JSON API returns (``/api/actors``, ``/api/actors/{id}``): the rows come from
:mod:`newsgraph.queries`."""

from __future__ import annotations

import json
from typing import Any, Optional

import typer

from newsgraph.cli.app import DbOpt, JsonOpt, _fail, _store, app
from newsgraph.cli.options import HypOpt, NegOpt, first, flags, run_query

TYPES = ("PERSON", "ORG", "STATE", "LOCATION")


@app.command("actors")
def actors_cmd(
    type_: Optional[str] = typer.Option(None, "--type", "-t", help="PERSON, ORG, STATE or LOCATION."),
    q: Optional[str] = typer.Option(
        None, "--name", "-q", help="Only actors with a name or alias containing this."
    ),
    limit: int = typer.Option(50, "--limit", min=1, help="How many actors to list."),
    why: bool = typer.Option(
        False, "--why", help="Explain every merge: each document's names linked to the actor, and why."
    ),
    db: Optional[str] = DbOpt,
    as_json: bool = JsonOpt,
) -> None:
    """List canonical actors (most documents first) with type, affiliation and aliases."""
    from newsgraph import queries

    if type_ is not None:
        type_ = type_.upper()
        if type_ not in TYPES:
            _fail(f"unknown type '{type_}' (use one of {', '.join(TYPES)})", 2)
    store = _store(db)
    rows, more = first(queries.actors, store, limit, type=type_, q=q)
    if why:
        for r in rows:
            r["links"] = queries.actor_links(store, r["id"])
    if as_json:
        typer.echo(json.dumps(rows, indent=1, ensure_ascii=False))
        return
    if not rows:
        typer.echo("no actors (ingest some articles first)")
    for r in rows:
        aff = f"  [{r['affiliation']['name']}]" if r["affiliation"] else ""
        others = [x for x in r["aliases"] if x != r["name"]][:4]
        typer.echo(
            f"{r['id']}  {r['type']:<8} {r['name']}{aff}  docs={r['n_documents']} mentions={r['n_mentions']}"
            + (f"  aka {'; '.join(others)}" if others else "")
        )
        if why:
            _print_links(r["links"])
    if more:
        typer.echo(f"(more: --limit {limit * 2})")


@app.command("actor")
def actor_cmd(
    name: str = typer.Argument(..., help="Actor id, name or alias (spelling variants are found too)."),
    why: bool = typer.Option(False, "--why", help="Show the evidence that linked each document's names."),
    include_negated: bool = NegOpt,
    include_hypothetical: bool = HypOpt,
    db: Optional[str] = DbOpt,
    as_json: bool = JsonOpt,
) -> None:
    """One actor: aliases, titles with their documents, affiliation, events, quotes; --why shows the
    linking evidence."""
    from newsgraph import queries

    store = _store(db)
    ids = queries.find_actors(store, name)
    if not ids:
        _fail(f"[NG041] no actor matches '{name}'")
    prof = run_query(queries.actor, store, ids[0], **flags(include_negated, include_hypothetical))
    if why:
        prof["links"] = queries.actor_links(store, ids[0])
    if len(ids) > 1:
        prof["other_matches"] = ids[1:10]
    if as_json:
        typer.echo(json.dumps(prof, indent=1, ensure_ascii=False))
        return
    _print_profile(prof)
    if why:
        _print_links(prof["links"])
    if prof.get("other_matches"):
        typer.echo(f"  also matching: {', '.join(prof['other_matches'])} (give the id to pick one)")


def _print_profile(prof: dict[str, Any]) -> None:
    aff = prof.get("affiliation")
    kb = f", kb {prof['kb_id']}" if prof["kb_id"] else ""
    typer.echo(f"{prof['name']}  ({prof['type']}, {prof['id']}{kb})")
    if aff:
        typer.echo(f"  affiliation: {aff['name']} ({aff['id']})")
    typer.echo(f"  documents:   {prof['n_documents']}")
    typer.echo("  aliases:     " + "; ".join(f"{a['alias']} ({a['count']})" for a in prof["aliases"]))
    if prof["roles"]:
        typer.echo("  titles:")
        for ti in prof["roles"]:
            when = f" ({ti['published']})" if ti.get("published") else ""
            typer.echo(f"    {ti['title']}  — {ti.get('file_name') or ti['doc']}{when}")
    if prof["members"]:
        typer.echo("  members:     " + "; ".join(m["name"] for m in prof["members"][:10]))
    if prof["event_types"]:
        typer.echo("  events:      " + ", ".join(f"{k} {n}" for k, n in prof["event_types"].items()))
    if prof["quotes"]["items"]:
        typer.echo("  quotes:")
        for q in prof["quotes"]["items"][:10]:
            text = q["text"] if len(q["text"]) <= 140 else q["text"][:137] + "..."
            typer.echo(f"    [{q['kind']}] {text}  — {q['doc']} {q['start']}:{q['end']}")


def _print_links(links: list[dict[str, Any]]) -> None:
    if not links:
        typer.echo("  why linked: no document names it (the affiliation the knowledge base gives others)")
        return
    typer.echo("  why linked:")
    for link in links:
        typer.echo(
            f"    {link.get('file_name') or link['doc']} {link['entity']}: "
            f"{' / '.join(link['names'])}\n      {_why_line(link)}"
        )


#: what each rule of the link pass (newsgraph.linking.actors) means, in words
RULES = {
    "new": "the first document of this actor",
    "kb_id": "the same knowledge-base entry",
    "same_name": "the same name",
    "name_variant": "spelling variants of one name",
    "short_name+context": "a short form of the name, with context shared with the actor's other documents",
    "alias": "an alias another document gives with the full name",
}


def _why_line(link: dict[str, Any]) -> str:
    ev = link["evidence"]
    rule = ev.get("rule", "?")
    parts = [f"rule={rule}" + (f" ({RULES[rule]})" if rule in RULES else "")]
    if "score" in ev:
        parts.append(f"score={ev['score']}")
    m = ev.get("matched")
    if isinstance(m, list) and len(m) == 2:
        parts.append(f"matched '{m[0]}' ~ '{m[1]}'")
    elif m:
        parts.append(f"matched '{m}'")
    ctx = ev.get("context") or {}
    shared = [f"{k}: {', '.join(v) if isinstance(v, list) else v}" for k, v in ctx.items() if v]
    if shared:
        parts.append("shared " + "; ".join(shared))
    if ev.get("via"):
        parts.append(str(ev["via"]))
    return ", ".join(parts)
