"""Commands that read articles and build the store: ingest, link, demo."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Optional

import typer

from newsgraph.cli.app import DbOpt, JsonOpt, _err_console, _fail, _progress, _status, _store, app
from newsgraph.errors import printable

#: documents of at least this many characters show their stages as a second progress bar
LONG_DOCUMENT = 100_000


def _inputs(paths: list[str] | None, files_from: Optional[Path]) -> list[str]:
    """The path arguments plus the paths listed in ``files_from`` (one a line; blank lines and
    lines starting with '#' skipped)."""
    out = list(paths or [])
    if files_from is not None:
        try:
            listed = files_from.read_text(encoding="utf-8", errors="surrogateescape").splitlines()
        except OSError as e:
            _fail(f"--files-from {files_from}: {e.strerror or e}", 2)
        out += [ln.strip() for ln in listed if ln.strip() and not ln.lstrip().startswith("#")]
    if not out:
        _fail("no input: give files or folders to read (or --files-from FILE)", 2)
    return out


def _side_files(db: Optional[str], log: Optional[Path]) -> tuple[Path, Path]:
    """Where a run writes its log (tracebacks of internal errors) and its list of failed files: beside
    a SQLite database (``NAME.ingest.log``, ``NAME.failed.txt``), else in the current folder."""
    from newsgraph.store.db import resolve_db

    url = resolve_db(db)
    base = Path(url[len("sqlite:///") :]) if url.startswith("sqlite:///") else Path("newsgraph.db")
    stem = base.with_suffix("") if base.suffix == ".db" else base
    return log or Path(f"{stem}.ingest.log"), Path(f"{stem}.failed.txt")


@contextmanager
def _logging_to(path: Path) -> Iterator[None]:
    """Tracebacks of per-document failures go to ``path`` (created only when there is one)."""
    logger = logging.getLogger("newsgraph")
    handler = logging.FileHandler(path, delay=True, encoding="utf-8", errors="backslashreplace")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.ERROR)
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
        handler.close()


def _count_files(paths: list[str]) -> int | None:
    """How many input files the run will read (None with stdin: unknown)."""
    from newsgraph.engines.shards import plan_units

    if "-" in paths:
        return None
    return sum(1 for _ in plan_units(paths, split=False))


def _failure_printer(as_json: bool) -> Any:
    """``on_item`` that prints ``skipped LINE`` for each failed input: one line on stderr, never
    wrapped, no console markup read in it (nothing with ``--json``)."""
    from rich.text import Text

    console = _err_console()

    def on_item(status: str, label: str) -> None:
        if status == "failed" and not as_json:
            console.print(Text(f"skipped {printable(label)}"), soft_wrap=True, highlight=False)

    return on_item


def _local_ingest(paths: list[str], store: Any, as_json: bool, **kw: Any) -> Any:
    """The local engine with progress: files done of files found, and the stage of a long document."""
    from newsgraph.pipeline.runner import ingest
    with _progress("ingest") as prog:
        files = prog.add_task("ingest", total=_count_files(paths), status="")
        doc_task = prog.add_task("document", total=None, status="", visible=False)
        seen = 0

        def on_file(path: str) -> None:
            nonlocal seen
            if seen:
                prog.update(files, advance=1)
            seen += 1

        print_failure = _failure_printer(as_json)

        def on_item(status: str, label: str) -> None:
            prog.update(files, status=status)
            prog.update(doc_task, visible=False)
            print_failure(status, label)

        def on_stage(doc: Any, stage: str, i: int, n: int) -> None:
            if len(doc.text) >= LONG_DOCUMENT:  # a long document: its stages as a second bar
                label = f"{printable(doc.file_name or doc.id)} ({len(doc.text):,} characters): {stage}"
                prog.update(doc_task, visible=True, total=n, completed=i - 1, status=label)

        report = ingest(paths, store, on_item=on_item, on_file=on_file, on_stage=on_stage, **kw)
        prog.update(files, completed=seen, total=seen)
    return report


def _report_failures(report: Any, log: Path, failed_list: Path, db: Optional[str]) -> None:
    """The end of a run with failures: where the list of failed files and the tracebacks are."""
    if not report.failed:
        failed_list.unlink(missing_ok=True)
        return
    failed_list.write_text(
        "".join(f"{p}\n" for p in report.failed_files), encoding="utf-8", errors="surrogateescape"
    )
    db_opt = f" --db {db}" if db else ""
    msg = (
        f"{len(report.failed)} input(s) failed; their files are listed in {failed_list} "
        f"(after fixing them: newsgraph ingest --files-from {failed_list}{db_opt})"
    )
    if report.internal_errors:
        msg += f"; {report.internal_errors} internal error(s), tracebacks in {log}: please report them"
    typer.echo(printable(msg), err=True)


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
    log: Optional[Path] = None,
) -> int:
    """Shared by ``ingest`` and ``demo``: ingest, then the cross-document pass; returns the exit code
    (0: every input stored; 1: some input failed, the rest stored)."""
    from newsgraph.errors import NewsgraphError
    from newsgraph.linking.run import run_link
    from newsgraph.pipeline.registry import Pipeline, Resources

    store = _store(db, create=True)
    res = Resources(kb_files=[str(p) for p in (kb or [])], event_lexicons=[str(p) for p in (lexicon or [])])
    log_path, failed_list = _side_files(db, log)
    opts = {"max_bytes": max_bytes, "replace": replace, "workers": workers}
    try:
        with _logging_to(log_path):
            pipeline = Pipeline.build()
            if engine == "ray":
                from newsgraph.engines.ray_engine import ingest_ray

                report = ingest_ray(paths, store, pipeline=pipeline, resources=res, address=address,
                                    on_item=_failure_printer(as_json), **opts)
            else:
                report = _local_ingest(paths, store, as_json, pipeline=pipeline, resources=res, **opts)
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
    _report_failures(report, log_path, failed_list, db)
    return 0 if report.ok else 1


@app.command("ingest")
def ingest_cmd(
    paths: Optional[list[str]] = typer.Argument(
        None, help="Files or folders (.txt, .html, .json, .jsonl); '-' reads stdin."
    ),
    db: Optional[str] = DbOpt,
    files_from: Optional[Path] = typer.Option(
        None, "--files-from", help="Also read the paths listed in this file, one a line (e.g. a failed list)."
    ),
    max_bytes: int = typer.Option(5_000_000, "--max-bytes", help="Skip documents larger than this."),
    replace: bool = typer.Option(False, "--replace", help="Re-analyse documents that are already stored."),
    workers: int = typer.Option(1, "--workers", min=1, help="Worker processes."),
    engine: str = typer.Option("local", "--engine", help="'local' (process pool) or 'ray'."),
    address: Optional[str] = typer.Option(None, "--address", help="Ray cluster address (engine ray)."),
    kb: list[Path] = typer.Option([], "--kb", help="Extra actors/aliases (YAML or CSV); repeatable."),
    lexicon: list[Path] = typer.Option([], "--lexicon", help="Extra event-verb lexicon (YAML); repeatable."),
    link: bool = typer.Option(True, "--link/--no-link", help="Run the cross-document pass afterwards."),
    log: Optional[Path] = typer.Option(
        None, "--log", help="Write tracebacks of internal errors here [default: beside the database]."
    ),
    as_json: bool = JsonOpt,
) -> None:
    """Read articles, analyse them and store the results (one transaction per document).

    A file that cannot be read or analysed is skipped with one line saying why; the run goes on,
    and the exit code is 1 when any input failed."""
    if engine not in ("local", "ray"):
        _fail(f"unknown engine '{engine}' (use 'local' or 'ray')", 2)
    raise typer.Exit(
        run_ingest(
            _inputs(paths, files_from),
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
            log=log,
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
