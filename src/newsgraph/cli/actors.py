"""``newsgraph actors`` and ``newsgraph actor NAME [--why]``: canonical actors and the evidence
that linked each of their names across documents (imports only typer at module level)."""

from __future__ import annotations

import json
from typing import Any, Optional

import typer

from newsgraph.cli.app import DbOpt, JsonOpt, _fail, _store, app

TYPES = ("PERSON", "ORG", "STATE", "LOCATION")


def list_actors(store: Any, type_: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """Actors with their numbers of documents and mentions, most documents first."""
    from sqlalchemy import and_, func, select

    from newsgraph.store import schema as t

    L, A, M = t.actor_links, t.actors, t.mentions
    ndocs = select(L.c.actor, func.count(func.distinct(L.c.doc)).label("docs")).group_by(L.c.actor).subquery()
    nment = (
        select(L.c.actor, func.count().label("mentions"))
        .select_from(L.join(M, and_(M.c.doc == L.c.doc, M.c.entity == L.c.entity)))
        .group_by(L.c.actor)
        .subquery()
    )
    docs = func.coalesce(ndocs.c.docs, 0)
    ments = func.coalesce(nment.c.mentions, 0)
    stmt = (
        select(
            A.c.id,
            A.c.type,
            A.c.name,
            A.c.kb_id,
            A.c.affiliation,
            docs.label("docs"),
            ments.label("mentions"),
        )
        .select_from(A.outerjoin(ndocs, ndocs.c.actor == A.c.id).outerjoin(nment, nment.c.actor == A.c.id))
        .order_by(docs.desc(), ments.desc(), A.c.name)
        .limit(limit)
    )
    if type_:
        stmt = stmt.where(A.c.type == type_)
    with store.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(stmt)]
        names = dict(conn.execute(select(A.c.id, A.c.name)).all())
        aliases: dict[str, list[str]] = {}
        for r in conn.execute(
            select(t.actor_aliases.c.actor, t.actor_aliases.c.alias)
            .where(t.actor_aliases.c.actor.in_([x["id"] for x in rows]))
            .order_by(t.actor_aliases.c.count.desc(), t.actor_aliases.c.alias)
        ):
            aliases.setdefault(r.actor, []).append(r.alias)
    for r in rows:
        r["affiliation_name"] = names.get(r["affiliation"]) if r["affiliation"] else None
        r["aliases"] = aliases.get(r["id"], [])
    return rows


def find_actors(store: Any, ref: str) -> list[str]:
    """Actor ids matching ``ref``: its id, else a name or alias (case-insensitive), else names that
    are spelling variants or short forms of it (``newsgraph.text.names``), else a substring."""
    from sqlalchemy import func, select

    from newsgraph.actors.kb import fold
    from newsgraph.store import schema as t
    from newsgraph.text.names import PARTIAL, compare_names

    A, AL = t.actors, t.actor_aliases
    low = ref.strip().casefold()
    with store.engine.connect() as conn:
        if conn.execute(select(A.c.id).where(A.c.id == ref.strip())).first():
            return [ref.strip()]
        exact = [r[0] for r in conn.execute(select(A.c.id).where(func.lower(A.c.name) == low))]
        exact += [
            r[0]
            for r in conn.execute(
                select(AL.c.actor).where(func.lower(AL.c.alias) == low).order_by(AL.c.count.desc())
            )
        ]
        if exact:
            return list(dict.fromkeys(exact))
        rows = conn.execute(select(AL.c.actor, AL.c.alias, A.c.type).join(A, A.c.id == AL.c.actor)).all()
    scored: dict[str, float] = {}
    for actor, alias, typ in rows:
        s = compare_names(ref, alias).score if typ == "PERSON" else 0.0
        if s < PARTIAL and fold(ref) and fold(ref) in fold(alias):
            s = PARTIAL
        if s >= PARTIAL:
            scored[actor] = max(scored.get(actor, 0.0), s)
    return sorted(scored, key=lambda a: -scored[a])


def actor_profile(store: Any, actor_id: str, why: bool = False) -> dict[str, Any]:
    """An actor with aliases, titles (with their documents), affiliation and, with ``why``, the
    link evidence of every document-local entity."""
    from sqlalchemy import select

    from newsgraph.store import schema as t

    with store.engine.connect() as conn:
        a = conn.execute(select(t.actors).where(t.actors.c.id == actor_id)).first()
        if a is None:
            raise KeyError(actor_id)
        out: dict[str, Any] = dict(a._mapping)
        if a.affiliation:
            aff = conn.execute(select(t.actors.c.name).where(t.actors.c.id == a.affiliation)).first()
            out["affiliation"] = {"id": a.affiliation, "name": aff[0] if aff else None}
        out["members"] = [
            {"id": r.id, "name": r.name, "type": r.type}
            for r in conn.execute(
                select(t.actors.c.id, t.actors.c.name, t.actors.c.type)
                .where(t.actors.c.affiliation == actor_id)
                .order_by(t.actors.c.name)
                .limit(50)
            )
        ]
        docs = {
            r.id: {"doc": r.id, "file_name": r.file_name, "doc_title": r.title, "published": r.published}
            for r in conn.execute(
                select(
                    t.documents.c.id, t.documents.c.file_name, t.documents.c.title, t.documents.c.published
                ).where(
                    t.documents.c.id.in_(select(t.actor_links.c.doc).where(t.actor_links.c.actor == actor_id))
                )
            )
        }
        out["aliases"] = [
            {"alias": r.alias, "count": r.count}
            for r in conn.execute(
                select(t.actor_aliases)
                .where(t.actor_aliases.c.actor == actor_id)
                .order_by(t.actor_aliases.c.count.desc(), t.actor_aliases.c.alias)
            )
        ]
        out["titles"] = [
            {"title": r.title, **docs.get(r.doc, {"doc": r.doc})}
            for r in conn.execute(
                select(t.roles).where(t.roles.c.actor == actor_id).order_by(t.roles.c.doc, t.roles.c.title)
            )
        ]
        out["n_documents"] = len(docs)
        if why:
            links = []
            for r in conn.execute(
                select(t.actor_links)
                .where(t.actor_links.c.actor == actor_id)
                .order_by(t.actor_links.c.doc, t.actor_links.c.entity)
            ):
                ev = dict(r.evidence or {})
                links.append(
                    {
                        **docs.get(r.doc, {"doc": r.doc}),
                        "entity": r.entity,
                        "names": ev.pop("names", []),
                        "evidence": ev,
                    }
                )
            out["links"] = links
    return out


def _why_line(link: dict[str, Any]) -> str:
    ev = link["evidence"]
    rule = ev.get("rule", "?")
    parts = [f"rule={rule}"]
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


@app.command("actors")
def actors_cmd(
    type_: Optional[str] = typer.Option(None, "--type", "-t", help="PERSON, ORG, STATE or LOCATION."),
    limit: int = typer.Option(50, "--limit", min=1, help="How many actors to list."),
    db: Optional[str] = DbOpt,
    as_json: bool = JsonOpt,
) -> None:
    """List canonical actors (most documents first) with type, affiliation and aliases."""
    if type_ is not None:
        type_ = type_.upper()
        if type_ not in TYPES:
            _fail(f"unknown type '{type_}' (use one of {', '.join(TYPES)})", 2)
    rows = list_actors(_store(db), type_, limit)
    if as_json:
        typer.echo(json.dumps(rows, indent=1, ensure_ascii=False))
        return
    if not rows:
        typer.echo("no actors (ingest some articles first)")
    for r in rows:
        aff = f"  [{r['affiliation_name']}]" if r["affiliation_name"] else ""
        others = [x for x in r["aliases"] if x != r["name"]][:4]
        typer.echo(
            f"{r['id']}  {r['type']:<8} {r['name']}{aff}  docs={r['docs']} mentions={r['mentions']}"
            + (f"  aka {'; '.join(others)}" if others else "")
        )


@app.command("actor")
def actor_cmd(
    name: str = typer.Argument(..., help="Actor id, name or alias (spelling variants are found too)."),
    why: bool = typer.Option(False, "--why", help="Show the evidence that linked each document's names."),
    db: Optional[str] = DbOpt,
    as_json: bool = JsonOpt,
) -> None:
    """One actor: aliases, titles with their documents, affiliation; --why shows the linking evidence."""
    store = _store(db)
    ids = find_actors(store, name)
    if not ids:
        _fail(f"[NG041] no actor matches '{name}'")
    prof = actor_profile(store, ids[0], why=why)
    from newsgraph.cli.quotes import quote_rows

    prof["quotes"] = quote_rows(store, by=ids[0], limit=10)
    if len(ids) > 1:
        prof["other_matches"] = ids[1:10]
    if as_json:
        typer.echo(json.dumps(prof, indent=1, ensure_ascii=False))
        return
    aff = prof.get("affiliation")
    typer.echo(
        f"{prof['name']}  ({prof['type']}, {prof['id']}"
        + (f", kb {prof['kb_id']}" if prof["kb_id"] else "")
        + ")"
    )
    if aff:
        typer.echo(f"  affiliation: {aff['name']} ({aff['id']})")
    typer.echo(f"  documents:   {prof['n_documents']}")
    typer.echo("  aliases:     " + "; ".join(f"{a['alias']} ({a['count']})" for a in prof["aliases"]))
    if prof["titles"]:
        typer.echo("  titles:")
        for ti in prof["titles"]:
            typer.echo(
                f"    {ti['title']}  — {ti.get('file_name') or ti['doc']}"
                + (f" ({ti['published']})" if ti.get("published") else "")
            )
    if prof["members"]:
        typer.echo("  members:     " + "; ".join(m["name"] for m in prof["members"][:10]))
    if prof["quotes"]:
        typer.echo("  quotes:")
        for q in prof["quotes"]:
            text = q["text"] if len(q["text"]) <= 140 else q["text"][:137] + "..."
            typer.echo(f"    [{q['kind']}] {text}  — {q['doc']} {q['start']}:{q['end']}")
    if why:
        typer.echo("  why linked:")
        for link in prof["links"]:
            typer.echo(
                f"    {link.get('file_name') or link['doc']} {link['entity']}: "
                f"{' / '.join(link['names'])}\n      {_why_line(link)}"
            )
    if prof.get("other_matches"):
        typer.echo(f"  also matching: {', '.join(prof['other_matches'])} (give the id to pick one)")
