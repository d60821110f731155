"""Issue 17: a stage failure or a dying worker fails one document; datelines; the failed list and
the log of a run; clear errors for a bad --db, an empty folder, a busy port; progress bars; no state
carried from one document to the next; bounded sentences and paragraphs on text without breaks."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newsgraph import synth
from newsgraph.errors import InputError
from newsgraph.ingest.clean import clean
from newsgraph.ingest.datelines import is_date_line, opening
from newsgraph.models import AnalyzedDoc, Document
from newsgraph.pipeline.registry import Pipeline, Resources, stage
from newsgraph.pipeline.runner import ingest, process_document
from newsgraph.store import Store
from newsgraph.text.util import MAX_PARAGRAPH, MAX_SENTENCE

LEAD = (
    "Germany on Monday banned Iranian airline Mahan Air from flying in the European nation, with "
    "officials saying this is for security reasons. The airline has been the subject of sanctions."
)


def ng(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEWSGRAPH_NO_PROGRESS": "1"}
    cmd = [sys.executable, "-m", "newsgraph.cli.main", *args]
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600, cwd=cwd)


# ---------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Wednesday, January 23, 2019", True),
        ("Published: 23 Jan. 2019 10:32 GMT", True),
        ("2019-01-23", True),
        ("Thursday, United States military forces killed a general in an airstrike.", False),
        ("January 2019", False),
    ],
)
def test_date_lines(line: str, expected: bool) -> None:
    assert is_date_line(line) is expected


def test_dateline_openings() -> None:
    for line, kept in [
        ("MOSCOW, Sept. 18 (Reuters) - Russia said on Tuesday it would talk.", "Russia said"),
        ("WASHINGTON (AP) — The Senate voted on Monday to end the debate.", "The Senate"),
        ("Gaza City, Jan. 2 (Xinhua) -- Israeli jets struck targets overnight.", "Israeli jets"),
    ]:
        assert line[opening(line) :].startswith(kept), line
    for line in ("US - Iran talks resumed in Geneva on Monday, officials said.", LEAD):
        assert opening(line) == 0


def test_dateline_is_excluded_and_gives_the_document_date() -> None:
    text = f"Germany bans Mahan Air\n\nWednesday, January 23, 2019\n\n{LEAD}\n\nMore text follows here."
    body, excluded = clean(text, "Germany bans Mahan Air")
    [x] = [x for x in excluded if x.kind == "dateline"]
    assert text[x.start : x.end] == "Wednesday, January 23, 2019"
    pipe = Pipeline.build(["clean", "segment", "docdate"])
    ad = pipe(AnalyzedDoc(doc=Document(id="d", text=text, title="Germany bans Mahan Air")), Resources())
    assert ad.doc.published == "2019-01-23" and ad.doc.date_inferred
    ad = pipe(AnalyzedDoc(doc=Document(id="d", text=text, title="T", published="2019-01-25")), Resources())
    assert ad.doc.published == "2019-01-25" and not ad.doc.date_inferred  # metadata wins


def test_a_date_line_is_no_title(tmp_path: Path) -> None:
    from newsgraph.ingest.read import iter_documents

    (tmp_path / "a.txt").write_text(f"Wednesday, January 23, 2019\n\nGermany bans Mahan Air\n\n{LEAD}\n")
    [doc] = iter_documents([str(tmp_path / "a.txt")])
    assert isinstance(doc, Document) and doc.title == "Germany bans Mahan Air"


# ---------------------------------------------------------------- a failing stage, a dying worker


@stage("test_fragile", requires=("body_spans",), assigns=())
def _fragile(ad: AnalyzedDoc, res: Resources) -> None:
    if "explode" in ad.text:
        raise KeyError("no such thing")
    if "vanish" in ad.text:
        os._exit(3)  # a worker killed in the middle of a document (out of memory, a crash in a library)


def _corpus(root: Path, n: int = 12, bad: dict[int, str] | None = None) -> Path:
    path = root / "c.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for i, rec in enumerate(synth.iter_articles(n, 60, seed=5)):
            if bad and i in bad:
                rec["text"] += f" {bad[i]}"
            f.write(json.dumps(rec) + "\n")
    return path


def test_stage_failure_fails_one_document_with_the_stage_name(tmp_path: Path, caplog: Any) -> None:
    corpus = _corpus(tmp_path, bad={4: "explode"})
    with Store.open(tmp_path / "s.db") as store:
        rep = ingest([str(corpus)], store, pipeline=Pipeline.build(["clean", "test_fragile"]))
    assert rep.added == 11 and len(rep.failures) == 1 and rep.internal_errors == 1
    e = rep.failures[0]
    assert e.code == "NG018" and e.stage == "test_fragile" and e.path == str(corpus)
    assert "internal error in pipeline stage 'test_fragile': KeyError: 'no such thing'" in e.message
    assert "Traceback" in (e.detail or "") and rep.failed_files == [str(corpus)]
    assert "Traceback" in caplog.text  # to the log, for the CLI's log file


def test_pool_survives_a_dying_worker(tmp_path: Path) -> None:
    workers = 2  # a document that kills its process can only be survived with worker processes
    corpus = _corpus(tmp_path, n=20, bad={7: "vanish"})
    with Store.open(tmp_path / "w.db") as store:
        seen: list[tuple[str, str]] = []
        rep = ingest(
            [str(corpus)],
            store,
            pipeline=Pipeline.build(["clean", "test_fragile"]),
            workers=workers,
            on_item=lambda s, label: seen.append((s, label)),
        )
    assert rep.added == 19 and len(rep.failures) == 1
    assert rep.failures[0].stage == "worker process" and "died" in rep.failures[0].message
    assert [s for s, _ in seen].index("failed") == 7  # in input order


def test_unpicklable_result_fails_one_document(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, n=6)
    with Store.open(tmp_path / "p.db") as store:
        rep = ingest([str(corpus)], store, pipeline=Pipeline.build(["clean", "test_unpicklable"]), workers=2)
    assert rep.added == 5 and len(rep.failures) == 1 and rep.failures[0].stage == "worker process"


@stage("test_unpicklable", requires=("body_spans",), assigns=())
def _unpicklable(ad: AnalyzedDoc, res: Resources) -> None:
    if ad.doc.file_name == "synthetic-5-2":
        ad.extras["handle"] = lambda: None  # a result that cannot travel back to the writer


# ---------------------------------------------------------------- the CLI


def test_cli_failed_list_log_and_rerun(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(f"Talks\n\n{LEAD}\n", encoding="utf-8")
    (src / "[red]x.txt").write_text(f"Talks again\n\n{LEAD} Second.\n", encoding="utf-8")
    (src / "m[").mkdir()  # a path holding console markup: ".../m[/b].json"
    bad = src / "m[" / "b].json"
    bad.write_text('{"text": ' + "[" * 100_000, encoding="utf-8")
    (src / "zh.txt").write_text("中华人民共和国外交部发言人表示双方将继续磋商。" * 30, encoding="utf-8")
    db = tmp_path / "news.db"
    r = ng("ingest", str(src), "--db", str(db), "--no-link")
    assert r.returncode == 1, r.stderr
    assert r.stdout.startswith("2 added") and "2 failed" in r.stdout
    skipped = [ln for ln in r.stderr.splitlines() if ln.startswith("skipped ")]
    assert len(skipped) == 2 and all(ln.endswith("]") for ln in skipped)
    assert any(f"{bad}: malformed JSON: nested too deeply" in ln and "[NG006]" in ln for ln in skipped)
    assert any("zh.txt: text is not English" in ln for ln in skipped)
    assert "Traceback" not in r.stderr
    failed = tmp_path / "news.failed.txt"
    assert failed.read_text().splitlines() == [str(bad), str(src / "zh.txt")]
    bad.write_text(json.dumps({"text": LEAD + " Fixed."}), encoding="utf-8")
    (src / "zh.txt").unlink()
    r = ng("ingest", "--files-from", str(failed), "--db", str(db), "--no-link")
    assert r.returncode == 1 and r.stdout.startswith("1 added")  # zh.txt is gone: NG012
    assert "zh.txt: path does not exist" in r.stderr


def test_cli_internal_error_goes_to_the_log(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, n=3, bad={1: "explode"})
    plugin = tmp_path / "plugin.py"
    plugin.write_text(
        "from newsgraph.pipeline import registry\n"
        "from tests.test_robust import _fragile\n"
        "extra = ('test_fragile', 'tests.test_robust:_fragile')\n"
        "registry.BUILTIN_STAGES = (*registry.BUILTIN_STAGES[:1], extra, *registry.BUILTIN_STAGES[1:])\n"
        "registry.DEFAULT_STAGES = tuple(n for n, _ in registry.BUILTIN_STAGES)\n"
        "from newsgraph.cli.main import run\nrun()\n",
        encoding="utf-8",
    )
    env = {**os.environ, "NEWSGRAPH_NO_PROGRESS": "1", "PYTHONPATH": str(Path(__file__).parents[1])}
    db = tmp_path / "x.db"
    r = subprocess.run(
        [sys.executable, str(plugin), "ingest", str(corpus), "--db", str(db), "--no-link"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 1, r.stderr
    assert "internal error in pipeline stage 'test_fragile'" in r.stderr and "Traceback" not in r.stderr
    log = (tmp_path / "x.ingest.log").read_text()
    assert "Traceback" in log and "KeyError" in log


def test_cli_clear_errors(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    r = ng("ingest", str(tmp_path / "empty"), "--db", str(tmp_path / "e.db"))
    assert r.returncode == 1 and "no input files in this folder" in r.stderr and "[NG016]" in r.stderr
    text_file = tmp_path / "notes.txt"
    text_file.write_text("not a database\n" * 100)
    r = ng("ingest", str(tmp_path / "empty"), "--db", str(text_file))
    assert r.returncode == 1 and r.stderr.startswith("error: [NG030]") and "internal error" not in r.stderr
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        r = ng("serve", "--db", str(tmp_path / "e.db"), "--port", str(s.getsockname()[1]))
    assert r.returncode == 1 and "[NG033]" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("script") is None, reason="needs script(1) for a terminal")
def test_progress_for_files_and_a_long_document(tmp_path: Path) -> None:
    # the bars are drawn on a terminal only: the run gets one from script(1)
    src = tmp_path / "in"
    src.mkdir()
    (src / "short.txt").write_text(f"Talks\n\n{LEAD}\n", encoding="utf-8")
    paras = [f"{LEAD} Paragraph {i}." for i in range(600)]
    (src / "long.txt").write_text("Long report\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8")
    cmd = f"{sys.executable} -m newsgraph.cli.main ingest {src} --db {tmp_path / 'p.db'} --no-link"
    env = {k: v for k, v in os.environ.items() if k != "NEWSGRAPH_NO_PROGRESS"}
    r = subprocess.run(
        ["script", "-qec", cmd, "/dev/null"],
        env={**env, "COLUMNS": "200", "TERM": "xterm"},
        capture_output=True,
        text=True,
        errors="replace",
        timeout=600,
    )
    assert r.returncode == 0, r.stdout[-2000:]
    assert re.search(r"long\.txt \(1\d\d,\d{3} characters\): (parse|actors)", r.stdout), r.stdout[-2000:]
    assert "2/2" in r.stdout and "short.txt (" not in r.stdout  # a short document shows no stage bar


# ---------------------------------------------------------------- determinism and long text


def _signature(ad: AnalyzedDoc | InputError) -> Any:
    assert isinstance(ad, AnalyzedDoc)
    return (
        [(e.id, e.type, e.name, e.affiliation, tuple(e.titles)) for e in ad.entities],
        [(m.start, m.end, m.entity) for m in ad.mentions],
        [(q.start, q.end, q.speaker) for q in ad.quotes],
        [(ev.type, tuple(ev.source), tuple(ev.target), ev.start) for ev in ad.events],
    )


def test_no_state_carries_from_one_document_to_the_next(shared_dir: Path) -> None:
    docs = [d for d in _dev_docs(shared_dir)]
    pipe, res = Pipeline.build(), Resources()
    forward = {d.id: _signature(process_document(d, pipe, res)) for d in docs}
    backward = {d.id: _signature(process_document(d, pipe, res)) for d in reversed(docs)}
    assert forward == backward


def _dev_docs(shared_dir: Path) -> list[Document]:
    from newsgraph.ingest.read import iter_documents

    files = sorted((shared_dir / "corpus" / "dev").glob("*.txt"))[:6]
    return [d for d in iter_documents([str(f) for f in files]) if isinstance(d, Document)]


def test_text_without_breaks_has_bounded_sentences_and_paragraphs() -> None:
    text = " ".join(["word"] * 30_000) + "," + "x" * 30_000
    pipe = Pipeline.build(["clean", "segment"])
    ad = pipe(AnalyzedDoc(doc=Document(id="l", text=text, title="T")), Resources())
    assert ad.paragraphs and max(p.end - p.start for p in ad.paragraphs) <= MAX_PARAGRAPH
    assert max(s.end - s.start for s in ad.sentences) <= MAX_SENTENCE
    covered = sum(p.end - p.start for p in ad.paragraphs)
    assert covered >= len(text) - len(ad.paragraphs) * 2  # only the blanks at the cuts are left out
