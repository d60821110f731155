"""Engines: the local process pool and Ray give the local loop's results, in the same order,
report bad input the same way, and resume a run killed with ``kill -9``.

The Ray tests share one private local Ray (started once for the module) except the
command-line ones, which start their own as users do. A test that must not run Ray in the
pytest process (the process pool forks) runs before the first Ray test.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsgraph import synth
from newsgraph.engines import shards
from newsgraph.errors import ConfigError, InputError
from newsgraph.export.json import export_dict
from newsgraph.ingest import read as ingest_mod
from newsgraph.linking.run import run_link
from newsgraph.models import AnalyzedDoc, Document
from newsgraph.pipeline.registry import Pipeline, Resources, stage
from newsgraph.pipeline.runner import IngestReport, ingest
from newsgraph.sample import sample_dir
from newsgraph.store import Store

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"


# ---------------------------------------------------------------- helpers


def _pipeline_ok() -> bool:
    from newsgraph.pipeline.runner import process_document

    probe = Document(
        id="probe", text="Valdoria and Kesh held talks in Castellan on Thursday, officials said."
    )
    try:
        return not isinstance(process_document(probe, Pipeline.build(), Resources()), InputError)
    except ConfigError:  # no model
        return False


@pytest.fixture(scope="module", autouse=True)
def _runnable_pipeline() -> Iterator[None]:
    """The engines are tested on the default pipeline; while the bundled spaCy model is not
    built (a checkout before the model is trained), its rules-only mode stands in for it."""
    with pytest.MonkeyPatch.context() as mp:
        if not os.environ.get("NEWSGRAPH_MODEL") and not _pipeline_ok():
            mp.setenv("NEWSGRAPH_MODEL", "blank")
        yield


def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{SEEDS} is missing: CI must run with shared/ beside the repository")
        pytest.skip(f"{SEEDS} not present")
    return SEEDS


def run_local(paths: list[str], db: Path, workers: int = 1, **kw: Any) -> tuple[IngestReport, dict[str, Any]]:
    with Store.open(db) as store:
        rep = ingest(paths, store, workers=workers, **kw)
        run_link(store)
        return rep, export_dict(store)


def assert_same_export(a: dict[str, Any], b: dict[str, Any]) -> None:
    assert a.keys() == b.keys()
    for section in a:
        assert a[section] == b[section], f"section {section!r} differs"


def english(i: int, words: int = 90) -> str:
    return synth.article(i, words, seed=7)["text"]


def bad_inputs(root: Path) -> list[str]:
    """A folder of good and bad files, plus a missing path and an unsupported explicit file."""
    src = root / "in"
    (src / "sub").mkdir(parents=True)
    (src / "good.txt").write_text(english(1), encoding="utf-8")
    (src / "sub" / "nested.txt").write_text(english(2), encoding="utf-8")
    (src / "sub" / ".hidden.txt").write_text(english(3), encoding="utf-8")
    (src / "with_meta.txt").write_text(english(4), encoding="utf-8")
    (src / "with_meta.meta.json").write_text(
        '{"outlet": "Wire", "published": "2024-03-28"}', encoding="utf-8"
    )
    (src / "bad_meta.txt").write_text(english(5), encoding="utf-8")
    (src / "bad_meta.meta.json").write_text("{oops", encoding="utf-8")
    (src / "empty.txt").write_text("  \n", encoding="utf-8")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (src / "bad.json").write_text("{not json", encoding="utf-8")
    (src / "list.json").write_text(
        json.dumps([{"text": english(6), "id": "L1"}, {"title": "no text"}, 5]), encoding="utf-8"
    )
    (src / "notes.md").write_text("skipped silently", encoding="utf-8")
    (src / "mixed.jsonl").write_text(
        json.dumps({"text": english(7), "published": "March 28, 2024"})
        + "\n{broken\n\n"
        + json.dumps({"text": english(8), "published": "not a date"})
        + "\n"
        + json.dumps({"text": english(9), "id": 12})
        + "\n",
        encoding="utf-8",
    )
    (src / "french.txt").write_text(
        "Les ministres des affaires étrangères se sont rencontrés jeudi à Paris "
        "pour discuter de la situation dans la région et de la coopération. " * 3,
        encoding="utf-8",
    )
    (root / "explicit.md").write_text("unsupported", encoding="utf-8")
    return [str(src), str(root / "missing.txt"), str(root / "explicit.md")]


def big_jsonl(path: Path, n: int, words: int = 60, seed: int = 3) -> None:
    """Records plus blank lines, a malformed line, CRLF endings and a UTF-8 BOM."""
    lines = [json.dumps(r, ensure_ascii=False) for r in synth.iter_articles(n, words, seed)]
    lines.insert(3, "")
    lines.insert(7, "{broken")
    lines.insert(11, json.dumps({"title": "no text"}))
    lines.insert(15, json.dumps({"text": english(99, 700)}))  # over a 2,500-byte limit
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8") + b"\r\n")


def parquet_file(path: Path, n: int, seed: int = 5, row_group_size: int = 4) -> None:
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    recs = list(synth.iter_articles(n, 60, seed))
    table = pa.table(
        {
            "id": [r["id"] for r in recs],
            "text": [r["text"] if i != 2 else None for i, r in enumerate(recs)],  # row 3: no text
            "title": [r["title"] for r in recs],
            "outlet": [r["outlet"] for r in recs],
            "published": [dt.date.fromisoformat(r["published"]) for r in recs],  # a date column
            "section": ["world"] * n,
        }
    )
    pq.write_table(table, path, row_group_size=row_group_size)


def keyed(items: Iterator[Document | InputError]) -> list[Any]:
    return [("error", str(x)) if isinstance(x, InputError) else x for x in items]


# ---------------------------------------------------------------- input planning (no engine)


def test_split_jsonl_reads_exactly_like_the_whole_file(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    big_jsonl(corpus, 40)
    whole = keyed(ingest_mod.iter_documents([str(corpus)], max_bytes=2500))
    plan = shards.plan_shards([str(corpus)], target_bytes=3000, max_bytes=2500)
    assert len(plan) > 5 and all(u[0] == "jsonl" for s in plan for u in s.units)
    split = keyed(shards.read_units([u for s in plan for u in s.units], max_bytes=2500))
    assert split == whole
    errors = [x[1] for x in whole if isinstance(x, tuple)]
    assert any(":8: line 8: malformed JSON" in e for e in errors)  # line numbers survive the split
    assert any("NG005" in e for e in errors) and any("NG008" in e for e in errors)


def test_plan_keeps_input_order_and_reader_rules(tmp_path: Path) -> None:
    paths = bad_inputs(tmp_path)
    big_jsonl(tmp_path / "in" / "sub" / "z.jsonl", 30)
    reference = keyed(ingest_mod.iter_documents(paths))
    assert keyed(shards.iter_documents(paths)) == reference
    plan = shards.plan_shards(paths, target_bytes=2048)
    assert len(plan) > 3
    assert keyed(shards.read_units([u for s in plan for u in s.units])) == reference


def test_parquet_input_reads_like_json_records(tmp_path: Path) -> None:
    pq_path = tmp_path / "p.parquet"
    parquet_file(pq_path, 10)
    docs = keyed(shards.iter_documents([str(pq_path)]))
    assert len(docs) == 10
    no_text = "JSON record has no non-empty 'text' field; put the article text in 'text' [NG008]"
    assert docs[2] == ("error", f"{pq_path}#3: {no_text}")
    first = docs[0]
    assert isinstance(first, Document)
    assert first.published and first.file_name == "synthetic-5-0" and first.meta == {"section": "world"}
    plan = shards.plan_shards([str(pq_path)], target_bytes=1)
    assert len(plan) == 3  # row groups of 4, 4 and 2 rows
    assert keyed(shards.read_units([u for s in plan for u in s.units])) == docs
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 not really")
    err = keyed(shards.iter_documents([str(tmp_path / "broken.parquet")]))
    assert len(err) == 1 and "NG001" in err[0][1] and "Parquet" in err[0][1]


# ---------------------------------------------------------------- local engine


@Resources.loader("test_counted")
def _counted(res: Resources) -> object:
    """A stand-in for a model: notes each load (process id) in the file the settings name."""
    with open(str(res.settings["load_log"]), "a", encoding="utf-8") as f:
        f.write(f"{os.getpid()}\n")
    return object()


@stage("test_boom", requires=("body_spans",), assigns=())
def _boom(ad: AnalyzedDoc, res: Resources) -> None:
    res.get("test_counted")
    if ad.doc.file_name == "synthetic-3-5":
        raise RuntimeError("boom")


def test_pool_loads_resources_once_per_worker_and_passes_errors_in_order(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    synth.write_jsonl(corpus, 12, 40, seed=3)
    pipe = Pipeline.build(["clean", "test_boom"])
    reports = []
    for workers in (1, 2):
        log = tmp_path / f"loads{workers}.txt"
        with Store.open(tmp_path / f"w{workers}.db") as store:
            seen: list[tuple[str, str]] = []
            rep = ingest(
                [str(corpus)],
                store,
                pipeline=pipe,
                resources=Resources(load_log=str(log)),
                workers=workers,
                on_item=lambda s, label, seen=seen: seen.append((s, label)),
            )
            reports.append((rep.as_dict(), seen))
        pids = log.read_text().split()
        assert len(pids) == len(set(pids)) <= workers  # the "model" loads once per worker process
    (one, seen1), (two, seen2) = reports
    one.pop("seconds"), two.pop("seconds")
    assert one == two and seen1 == seen2
    assert one["added"] == 11 and len(one["errors"]) == 1 and "internal error in pipeline" in one["errors"][0]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], IngestReport, dict[str, Any]]:
    """Seeds, the sample corpus, a folder of bad inputs, a large JSONL file and a Parquet file,
    with the plain loop's report and export (the reference every engine must match)."""
    root = tmp_path_factory.mktemp("mixed")
    big_jsonl(root / "big.jsonl", 30)
    parquet_file(root / "p.parquet", 10)
    paths = [
        str(seeds_dir()),
        str(sample_dir()),
        *bad_inputs(root),
        str(root / "big.jsonl"),
        str(root / "p.parquet"),
    ]
    rep, exp = run_local(paths, root / "reference.db", workers=1)
    assert rep.added >= 60 and len(rep.failed) == 14, rep.failed
    return paths, rep, exp


def same_report(a: IngestReport, b: IngestReport) -> bool:
    return {k: v for k, v in a.as_dict().items() if k != "seconds"} == {
        k: v for k, v in b.as_dict().items() if k != "seconds"
    }


def test_local_pool_equals_plain_loop(tmp_path: Path, mixed: Any) -> None:
    paths, ref_report, reference = mixed
    if _ray_running():
        pytest.skip("a process pool must not fork beside a running Ray; run this test first")
    rep, exp = run_local(paths, tmp_path / "pool.db", workers=2)
    assert same_report(rep, ref_report), (rep.as_dict(), ref_report.as_dict())
    assert_same_export(exp, reference)


# ---------------------------------------------------------------- resume after kill -9

RESUME_DOCS = 60


@pytest.fixture(scope="module")
def resume_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], dict[str, Any], IngestReport]:
    """A synthetic JSONL corpus plus a malformed file, and the export of an uninterrupted run."""
    root = tmp_path_factory.mktemp("resume")
    corpus = root / "corpus.jsonl"
    synth.write_jsonl(corpus, RESUME_DOCS, 100, seed=11)
    (root / "bad.jsonl").write_text("{broken\n", encoding="utf-8")
    paths = [str(corpus), str(root / "bad.jsonl")]
    rep, exp = run_local(paths, root / "reference.db", workers=1 if _ray_running() else 2)
    assert rep.added == RESUME_DOCS and len(rep.failed) == 1
    return paths, exp, rep


def _ray_running() -> bool:
    """True when this process has Ray up (then no test forks a process pool here)."""
    ray = sys.modules.get("ray")
    return bool(ray is not None and ray.is_initialized())


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as c:
            return int(c.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0


def _session_pids(sid: int) -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[3]) == sid:  # field 6 of stat: the session id
                pids.append(int(entry))
    return pids


def kill_midway(cmd: list[str], db: Path, total: int, at_least: int = 3, timeout: float = 120) -> int:
    """Run ``cmd`` in its own session, ``kill -9`` it (and every process it started) once it
    has stored ``at_least`` documents; returns how many documents were stored."""
    env = {**os.environ, "NEWSGRAPH_NO_PROGRESS": "1"}
    p = subprocess.Popen(
        cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    deadline = time.time() + timeout
    try:
        while time.time() < deadline and p.poll() is None:
            if db.exists() and _stored(db) >= at_least:
                break
            time.sleep(0.02)
        finished = p.poll() is not None
    finally:
        os.killpg(p.pid, signal.SIGKILL)  # the run and everything in its process group
        p.wait()
        for pid in _session_pids(p.pid):  # Ray actors put themselves in their own groups
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    err = p.stderr.read().decode(errors="replace") if p.stderr else ""
    if p.stderr:
        p.stderr.close()
    assert not finished, f"the run ended before it could be killed: {err[-2000:]}"
    stored = _stored(db)
    assert 0 < stored < total, "the run must be killed half-way"
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert c.execute("SELECT count(DISTINCT doc) FROM body_spans").fetchone()[0] == stored
    return stored


def test_local_engine_resumes_after_kill_9(tmp_path: Path, resume_corpus: Any) -> None:
    paths, reference, ref_report = resume_corpus
    db = tmp_path / "local.db"
    cmd = [sys.executable, "-m", "newsgraph.cli.main", "ingest", *paths, "--db", str(db), "--workers", "2"]
    stored = kill_midway(cmd + ["--no-link"], db, RESUME_DOCS)
    env = {**os.environ, "NEWSGRAPH_NO_PROGRESS": "1"}
    r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 1, r.stderr  # the malformed file is reported again
    m = re.match(
        r"(\d+) added, (\d+) already stored, 0 replaced, \d+ near-duplicates, (\d+) failed", r.stdout
    )
    assert m, r.stdout
    assert (int(m[1]), int(m[2]), int(m[3])) == (RESUME_DOCS - stored, stored, len(ref_report.failed))
    assert [ln for ln in r.stderr.splitlines() if ln.startswith("skipped ")] == [
        f"skipped {e}" for e in ref_report.failed
    ]
    with Store.open(db) as store:
        assert_same_export(export_dict(store), reference)


# ---------------------------------------------------------------- Ray engine


def _ray_or_skip() -> None:
    try:
        import ray  # noqa: F401
        import ray.data  # noqa: F401
    except ImportError as e:
        msg = f"Ray tests need Ray Data (pip install 'newsgraph[ray]'): {e}"
        if os.environ.get("CI"):
            pytest.fail(msg + " (CI is set, so this is an error, not a skip)")
        pytest.skip(msg)


@pytest.fixture(scope="module")
def ray_local() -> Iterator[None]:
    _ray_or_skip()
    from newsgraph.engines.ray_engine import local_ray

    with local_ray(2):
        yield


@pytest.mark.ray
def test_ray_equals_local_on_seeds_sample_bad_input_and_shards(
    tmp_path: Path, mixed: Any, ray_local: None
) -> None:
    from newsgraph.engines.ray_engine import ingest_ray

    paths, ref_report, reference = mixed
    seen: list[tuple[str, str]] = []
    with Store.open(tmp_path / "ray.db") as store:
        rep = ingest_ray(
            paths, store, workers=2, shard_bytes=8192, on_item=lambda s, lb: seen.append((s, lb))
        )
        assert rep.shards > 8
        run_link(store)
        assert_same_export(export_dict(store), reference)
    assert same_report(rep, ref_report), (rep.as_dict(), ref_report.as_dict())
    assert len(seen) == rep.added + len(rep.failed)
    assert rep.worker_peak_rss_mb and all(v > 0 for v in rep.worker_peak_rss_mb.values())

    # a second run skips every stored document by id, inside the workers
    with Store.open(tmp_path / "ray.db") as store:
        again = ingest_ray(paths, store, workers=2)
        assert again.added == 0 and again.exists == rep.added and again.failed == rep.failed
        run_link(store)
        assert_same_export(export_dict(store), reference)


@pytest.mark.ray
def test_stored_id_filter() -> None:
    import numpy as np

    from newsgraph.engines.ray_engine import KnownIds

    ids = np.array(
        sorted(int(h, 16) for h in ("00000000000000ff", "ffffffffffffffff", "0123456789abcdef")),
        dtype=np.uint64,
    )
    k = KnownIds(ids)
    assert "ffffffffffffffff" in k and "0123456789abcdef" in k and "00000000000000ff" in k
    assert "0000000000000000" not in k and "xyz" not in k and "0123456789abcdeg" not in k
    assert "a" in KnownIds(frozenset({"a"}))


@pytest.mark.ray
def test_cli_ray_engine_reports_bad_input_like_local(tmp_path: Path, ray_local: None) -> None:
    from typer.testing import CliRunner

    from newsgraph.cli.main import app

    paths = bad_inputs(tmp_path)
    outputs = []
    for engine, workers in (("local", "1"), ("ray", "2")):  # no fork beside a running Ray
        r = CliRunner().invoke(
            app,
            [
                "ingest",
                *paths,
                "--db",
                str(tmp_path / f"{engine}.db"),
                "--engine",
                engine,
                "--workers",
                workers,
                "--no-link",
            ],
        )
        if r.exception and not isinstance(r.exception, SystemExit):
            raise r.exception
        summary = re.sub(r"\(.* in [0-9.]+ s\)", "", r.stdout.strip())
        failed = [ln for ln in r.stderr.splitlines() if ln.startswith("skipped ")]
        outputs.append((r.exit_code, summary, failed))
    assert outputs[0] == outputs[1]
    assert outputs[0][0] == 1 and len(outputs[0][2]) == 11


@pytest.mark.ray
def test_ray_engine_resumes_after_kill_9(tmp_path: Path, resume_corpus: Any, ray_local: None) -> None:
    from newsgraph.engines.ray_engine import ingest_ray

    paths, reference, ref_report = resume_corpus
    db = tmp_path / "ray.db"
    cmd = [
        sys.executable,
        "-m",
        "newsgraph.cli.main",
        "ingest",
        *paths,
        "--db",
        str(db),
        "--engine",
        "ray",
        "--workers",
        "2",
        "--no-link",
    ]
    stored = kill_midway(cmd, db, RESUME_DOCS)
    with Store.open(db) as store:  # the rerun, on this module's Ray
        rep = ingest_ray(paths, store, workers=2)
        assert (rep.exists, rep.added, rep.failed) == (stored, RESUME_DOCS - stored, ref_report.failed)
        run_link(store)
        assert_same_export(export_dict(store), reference)
