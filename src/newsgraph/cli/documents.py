"""Commands that read the store: show, stats, search, export, eval, migrate, stages, bench. Every
read goes through :mod:`newsgraph.queries`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from newsgraph.cli.app import DbOpt, JsonOpt, _fail, _status, _store, app
from newsgraph.cli.options import HypOpt, NegOpt, first, flags


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
    from newsgraph.queries import document_info, resolve_document

    store = _store(db)
    try:
        info = document_info(store, resolve_document(store, doc))
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
def stats_cmd(
    include_negated: bool = NegOpt,
    include_hypothetical: bool = HypOpt,
    db: Optional[str] = DbOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Counts of documents, words, actors, mentions, events, clusters and quotes."""
    from newsgraph.queries.report import stats, stats_text

    store = _store(db)
    kw = flags(include_negated, include_hypothetical)
    typer.echo(json.dumps(stats(store, **kw), indent=1) if as_json else stats_text(store, **kw))


@app.command("search")
def search_cmd(
    query: str = typer.Argument(..., help="Words to find (all must occur); \"a phrase\", OR, NOT, prefix*."),
    db: Optional[str] = DbOpt,
    limit: int = typer.Option(20, "--limit", min=1),
    as_json: bool = JsonOpt,
) -> None:
    """Full-text search over documents (titles and text), then quotes: what /api/search returns."""
    from newsgraph.errors import NewsgraphError
    from newsgraph.queries import search

    def pages(store: object, *, limit: int, cursor: str | None) -> dict[str, object]:
        return search(store, query, limit=min(limit, 100), cursor=cursor)  # type: ignore[arg-type]

    try:
        rows, _ = first(pages, _store(db), limit)
    except NewsgraphError as e:
        _fail(str(e))
    if as_json:
        typer.echo(json.dumps(rows, indent=1, ensure_ascii=False))
        return
    for r in rows:
        where = r["doc"] if r["kind"] == "document" else f"{r['doc']} [quote at {r['start']}]"
        typer.echo(f"{where}  {r['title'] or ''}\n    {r['snippet']}")
    if not rows:
        typer.echo("no match")


ExportNegOpt = typer.Option(
    None,
    "--include-negated/--exclude-negated",
    help="Negated events in the export (default: included in json/csv/parquet/plover records, "
    "left out of graphml/gexf edges).",
    show_default=False,
)
ExportHypOpt = typer.Option(
    None,
    "--include-hypothetical/--exclude-hypothetical",
    help="Hypothetical events in the export (same defaults as for negated ones).",
    show_default=False,
)


@app.command("export")
def export_cmd(
    fmt: str = typer.Option("json", "--format", "-f", help="json | csv | parquet | graphml | gexf | plover"),
    output: Optional[Path] = typer.Option(
        None, "--output", "-o", help="File (json; default stdout) or folder (csv, parquet)."
    ),
    include_negated: Optional[bool] = ExportNegOpt,
    include_hypothetical: Optional[bool] = ExportHypOpt,
    db: Optional[str] = DbOpt,
) -> None:
    """Export the store: newsgraph.export/1 JSON, CSV/Parquet tables, GraphML/GEXF network, PLOVER lines."""
    from newsgraph.export.json import write_csv, write_json, write_parquet
    from newsgraph.queries.modality import export_modality

    store = _store(db)
    if fmt not in ("json", "csv", "parquet", "graphml", "gexf", "plover"):
        _fail(f"unknown format '{fmt}' (use json, csv, parquet, graphml, gexf or plover)", 2)
    mod = export_modality(fmt, include_negated, include_hypothetical)
    if fmt == "json":
        if output is None:
            write_json(store, sys.stdout, mod)
            return
        tmp = output.with_name(output.name + ".part")
        with open(tmp, "w", encoding="utf-8") as f, _status(f"exporting to {output}"):
            counts = write_json(store, f, mod)
        tmp.replace(output)
    elif fmt in ("csv", "parquet"):
        if output is None:
            _fail(f"--format {fmt} needs --output FOLDER", 2)
        with _status(f"exporting to {output}"):
            counts = (write_csv if fmt == "csv" else write_parquet)(store, output, mod)
    else:
        from newsgraph.export.graph import export_graph

        counts = export_graph(store, fmt, output, mod)
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
