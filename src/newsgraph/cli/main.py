"""The ``newsgraph`` command: a thin layer over importable functions.

Heavy modules are imported inside the commands so that ``newsgraph --help`` stays fast.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
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
    typer.echo(f"error: {msg}", err=True)
    raise typer.Exit(code)


def _store(db: Optional[str], create: bool = False) -> Any:
    from newsgraph.errors import NewsgraphError
    from newsgraph.store import Store

    try:
        return Store.open(db, create=create)
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


@app.command("show")
def show_cmd(
    doc: str = typer.Argument(..., help="Document id (or a unique prefix) or file name."),
    db: Optional[str] = DbOpt,
    excluded: bool = typer.Option(False, "--excluded", help="List the excluded boilerplate spans."),
    text: bool = typer.Option(False, "--text", help="Print the body text."),
    as_json: bool = JsonOpt,
) -> None:
    """Show one document: metadata, body, excluded boilerplate and what was extracted."""
    from newsgraph.errors import NewsgraphError
    from newsgraph.queries.report import document_info

    store = _store(db)
    try:
        info = document_info(store, store.resolve_doc(doc))
    except NewsgraphError as e:
        _fail(str(e))
    if as_json:
        typer.echo(json.dumps(info, indent=1, ensure_ascii=False))
        return
    d = info["document"]
    for k in (
        "id",
        "title",
        "file_name",
        "outlet",
        "url",
        "published",
        "date_inferred",
        "n_words",
        "duplicate_of",
    ):
        typer.echo(f"{k:>14}: {d.get(k)}")
    typer.echo(f"{'body':>14}: {len(info['body_spans'])} spans, {info['body_chars']:,} chars")
    for k, v in info["counts"].items():
        typer.echo(f"{k:>14}: {v}")
    if excluded:
        typer.echo("\nexcluded spans:")
        for x in info["excluded_spans"]:
            snippet = x["text"].replace("\n", " ")
            typer.echo(f"  [{x['start']}:{x['end']}] {x['kind']:<16} {snippet[:100]}")
    if text:
        typer.echo("")
        for s, e in info["body_spans"]:
            typer.echo(info["text"][s:e] + "\n")


@app.command("stats")
def stats_cmd(db: Optional[str] = DbOpt, as_json: bool = JsonOpt) -> None:
    """Counts of documents, words, actors, mentions, events, clusters and quotes."""
    from newsgraph.queries.report import stats, stats_text

    store = _store(db)
    typer.echo(json.dumps(stats(store), indent=1) if as_json else stats_text(store))


@app.command("search")
def search_cmd(
    query: str = typer.Argument(..., help="Words to find (all must occur)."),
    db: Optional[str] = DbOpt,
    limit: int = typer.Option(20, "--limit"),
    as_json: bool = JsonOpt,
) -> None:
    """Full-text search over document titles and text."""
    rows = _store(db).search_documents(query, limit)
    if as_json:
        typer.echo(json.dumps(rows, indent=1, ensure_ascii=False))
        return
    for r in rows:
        typer.echo(f"{r['doc']}  {r['title'] or ''}\n    {r['snippet']}")
    if not rows:
        typer.echo("no match")


@app.command("export")
def export_cmd(
    fmt: str = typer.Option("json", "--format", "-f", help="json | csv | parquet | graphml | gexf | plover"),
    output: Optional[Path] = typer.Option(
        None, "--output", "-o", help="File (json; default stdout) or folder (csv, parquet)."
    ),
    db: Optional[str] = DbOpt,
) -> None:
    """Export the store: newsgraph.export/1 JSON, CSV/Parquet tables, GraphML/GEXF network, PLOVER lines."""
    from newsgraph.export.json import write_csv, write_json, write_parquet

    store = _store(db)
    if fmt == "json":
        if output is None:
            write_json(store, sys.stdout)
            return
        tmp = output.with_name(output.name + ".part")
        with open(tmp, "w", encoding="utf-8") as f, _status(f"exporting to {output}"):
            counts = write_json(store, f)
        tmp.replace(output)
    elif fmt in ("csv", "parquet"):
        if output is None:
            _fail(f"--format {fmt} needs --output FOLDER", 2)
        with _status(f"exporting to {output}"):
            counts = (write_csv if fmt == "csv" else write_parquet)(store, output)
    elif fmt in ("graphml", "gexf", "plover"):
        from newsgraph.export.graph import export_graph

        counts = export_graph(store, fmt, output)
    else:
        _fail(f"unknown format '{fmt}' (use json, csv, parquet, graphml, gexf or plover)", 2)
    typer.echo(f"wrote {output or 'stdout'}: " + ", ".join(f"{n} {k}" for k, n in counts.items()), err=True)


@app.command("eval")
def eval_cmd(
    gold: Path = typer.Option(..., "--gold", help="Folder of gold annotation JSON files."),
    corpus: Optional[Path] = typer.Option(
        None, "--corpus", help="Folder with the annotated articles; defaults to the documents' stored paths."
    ),
    db: Optional[str] = DbOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Score the store against gold annotations (DESIGN.md metrics), one table per task."""
    from newsgraph.errors import NewsgraphError
    from newsgraph.evaluate import evaluate, format_tables

    store = _store(db)
    try:
        with _status("scoring against the gold annotations"):
            res = evaluate(store, gold, corpus)
    except NewsgraphError as e:
        _fail(str(e))
    typer.echo(json.dumps(res, indent=1) if as_json else format_tables(res))


@app.command("migrate")
def migrate_cmd(db: Optional[str] = DbOpt) -> None:
    """Create the database or apply pending schema migrations."""
    from newsgraph.store.migrations import MIGRATIONS

    _store(db, create=True)
    typer.echo(f"database is at migration {MIGRATIONS[-1][0]}")


@app.command("stages")
def stages_cmd() -> None:
    """List the registered pipeline stages with what each requires and assigns."""
    from newsgraph.pipeline.registry import Pipeline, registered

    default = Pipeline.build().names
    for name, s in registered().items():
        mark = "*" if name in default else " "
        typer.echo(
            f"{mark} {s.versioned_name:<18} requires {', '.join(s.requires) or '-':<32} "
            f"assigns {', '.join(s.assigns)}  {s.doc}"
        )


@app.command("bench")
def bench_cmd(
    docs: int = typer.Option(2000, "--docs", help="Synthetic articles to generate."),
    words: int = typer.Option(800, "--words", help="Words per article."),
    workers: int = typer.Option(1, "--workers"),
    engine: str = typer.Option("local", "--engine"),
    as_json: bool = JsonOpt,
) -> None:
    """Benchmark ingest + pipeline + store on a synthetic corpus: docs/s, words/s, peak memory."""
    from newsgraph.bench import run_bench

    res = run_bench(n_docs=docs, words=words, workers=workers, engine=engine)
    if as_json:
        typer.echo(json.dumps(res, indent=1))
    else:
        for k, v in res.items():
            typer.echo(f"{k:>22}: {v}")


#: modules that add commands to ``app`` (each imports only typer at module level)
CLI_MODULES = (
    "newsgraph.cli.actors",
    "newsgraph.cli.quotes",
    "newsgraph.cli.events",
    "newsgraph.cli.web",
    "newsgraph.cli_scale",
)


def _load_cli_modules() -> None:
    import importlib

    for mod in CLI_MODULES:
        try:
            importlib.import_module(mod)
        except ModuleNotFoundError as e:
            if e.name != mod:
                raise


_load_cli_modules()


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
