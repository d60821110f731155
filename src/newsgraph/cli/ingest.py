"""Commands that read articles and build the store: ingest, link, demo."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from newsgraph.cli.app import DbOpt, JsonOpt, _fail, _progress, _status, _store, app


def run_ingest(
    paths: list[str],
    db: Optional[str],
    *,
    max_bytes: int,
    replace: bool,
    workers: int,
    engine: str,
    link: bool,
    as_json: bool,
    kb: list[Path] | None = None,
    address: Optional[str] = None,
    lexicon: list[Path] | None = None,
) -> int:
    """Shared by ``ingest`` and ``demo``: ingest, then the cross-document pass; returns the exit code."""
    from newsgraph.errors import NewsgraphError
    from newsgraph.linking.run import run_link
    from newsgraph.pipeline.registry import Pipeline, Resources
    from newsgraph.pipeline.runner import IngestReport, ingest

    store = _store(db, create=True)
    res = Resources(kb_files=[str(p) for p in (kb or [])], event_lexicons=[str(p) for p in (lexicon or [])])
    try:
        pipeline = Pipeline.build()
        if engine == "ray":
            from newsgraph.engines.ray_engine import ingest_ray

            report: IngestReport = ingest_ray(
                paths,
                store,
                pipeline=pipeline,
                resources=res,
                max_bytes=max_bytes,
                replace=replace,
                workers=workers,
                address=address,
            )
        else:
            with _progress("ingest") as prog:
                task = prog.add_task("ingest", total=None, status="")

                def on_item(status: str, label: str) -> None:
                    prog.update(task, advance=1, status=status)
                    if status == "failed" and not as_json:
                        prog.console.print(f"[red]skipped[/red] {label}", markup=True, highlight=False)

                report = ingest(
                    paths,
                    store,
                    pipeline=pipeline,
                    resources=res,
                    max_bytes=max_bytes,
                    replace=replace,
                    workers=workers,
                    on_item=on_item,
                )
        with _status("linking actors and clustering events across documents"):
            linked = run_link(store, kb_files=res.settings["kb_files"]) if link else None
    except NewsgraphError as e:
        _fail(str(e))
    out = report.as_dict()
    if linked is not None:
        out["actors"], out["clusters"] = len(linked.actors), len(linked.clusters)
    if as_json:
        typer.echo(json.dumps(out, indent=1))
    else:
        typer.echo(
            f"{report.added} added, {report.exists} already stored, {report.replaced} replaced, "
            f"{report.duplicates} near-duplicates, {len(report.failed)} failed "
            f"({report.words:,} words in {report.seconds:.2f} s)"
        )
        for e in report.failed:
            typer.echo(f"  failed: {e}", err=True)
    return 0 if report.ok else 1


@app.command("ingest")
def ingest_cmd(
    paths: list[str] = typer.Argument(
        ..., help="Files or folders (.txt, .html, .json, .jsonl); '-' reads stdin."
    ),
    db: Optional[str] = DbOpt,
    max_bytes: int = typer.Option(5_000_000, "--max-bytes", help="Skip documents larger than this."),
    replace: bool = typer.Option(False, "--replace", help="Re-analyse documents that are already stored."),
    workers: int = typer.Option(1, "--workers", min=1, help="Worker processes."),
    engine: str = typer.Option("local", "--engine", help="'local' (process pool) or 'ray'."),
    address: Optional[str] = typer.Option(None, "--address", help="Ray cluster address (engine ray)."),
    kb: list[Path] = typer.Option([], "--kb", help="Extra actors/aliases (YAML or CSV); repeatable."),
    lexicon: list[Path] = typer.Option([], "--lexicon", help="Extra event-verb lexicon (YAML); repeatable."),
    link: bool = typer.Option(True, "--link/--no-link", help="Run the cross-document pass afterwards."),
    as_json: bool = JsonOpt,
) -> None:
    """Read articles, analyse them and store the results (one transaction per document)."""
    if engine not in ("local", "ray"):
        _fail(f"unknown engine '{engine}' (use 'local' or 'ray')", 2)
    raise typer.Exit(
        run_ingest(
            paths,
            db,
            max_bytes=max_bytes,
            replace=replace,
            workers=workers,
            engine=engine,
            link=link,
            as_json=as_json,
            kb=kb,
            address=address,
            lexicon=lexicon,
        )
    )


@app.command("link")
def link_cmd(
    db: Optional[str] = DbOpt,
    kb: list[Path] = typer.Option([], "--kb", help="Extra actors file."),
    as_json: bool = JsonOpt,
) -> None:
    """Re-run the cross-document pass (actors, event clusters, divergent accounts)."""
    from newsgraph.linking.run import run_link

    with _status("linking actors and clustering events across documents"):
        ctx = run_link(_store(db), kb_files=[str(p) for p in kb])
    out = {
        "actors": len(ctx.actors),
        "clusters": len(ctx.clusters),
        "seconds": {k: round(v, 3) for k, v in ctx.timings.items()},
    }
    typer.echo(json.dumps(out) if as_json else f"{out['actors']} actors, {out['clusters']} event clusters")


@app.command("demo")
def demo_cmd(
    db: str = typer.Option("newsgraph-demo.db", "--db", help="Where to build the demo database."),
    as_json: bool = JsonOpt,
) -> None:
    """Build a fresh database from the bundled sample corpus and print what to try next."""
    from newsgraph.sample import sample_dir

    p = Path(db)
    for suffix in ("", "-wal", "-shm"):
        Path(str(p) + suffix).unlink(missing_ok=True)
    code = run_ingest(
        [str(sample_dir())],
        db,
        max_bytes=5_000_000,
        replace=False,
        workers=1,
        engine="local",
        link=True,
        as_json=as_json,
    )
    if not as_json:
        from newsgraph.queries.report import stats_text

        store = _store(db)
        typer.echo("")
        typer.echo(stats_text(store))
        typer.echo(f"""
Try next:
  newsgraph stats --db {db}
  newsgraph show --db {db} 02_sabil_ceasefire_account.txt --excluded
  newsgraph actor --db {db} "Youssef Haddad" --why
  newsgraph events --db {db} --type CONSULT
  newsgraph divergent --db {db}
  newsgraph quotes --db {db} --by "Anatoly Vessin"
  newsgraph export --db {db} --format json -o export.json
  newsgraph serve --db {db}   (then open http://127.0.0.1:8000/)
""")
    raise typer.Exit(code)
