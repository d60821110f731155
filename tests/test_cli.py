"""The command line on real files: ingest (good and bad input), show, stats, export, eval."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph import synth
from newsgraph.cli.main import app

runner = CliRunner()


def ng(*args: str) -> tuple[int, str, str]:
    r = runner.invoke(app, list(args))
    if r.exception and not isinstance(r.exception, SystemExit):
        raise r.exception
    return r.exit_code, r.stdout, r.stderr


def test_every_command_has_help() -> None:
    code, out, _ = ng("--help")
    assert code == 0
    commands = [c.name for c in app.registered_commands]
    assert {"ingest", "show", "stats", "export", "eval", "demo", "bench"} <= set(commands)
    for c in commands:
        code, out, _ = ng(c, "--help")
        assert code == 0 and "Usage" in out, c


def test_ingest_seeds_twice_leaves_five_documents(shared_dir: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    code, out, _ = ng("ingest", str(shared_dir / "corpus" / "seeds"), "--db", db, "--json")
    assert code == 0 and json.loads(out)["added"] == 5
    code, out, _ = ng("ingest", str(shared_dir / "corpus" / "seeds"), "--db", db, "--json")
    rep = json.loads(out)
    assert code == 0 and rep["added"] == 0 and rep["already_stored"] == 5
    code, out, _ = ng("stats", "--db", db, "--json")
    assert json.loads(out)["documents"] == 5


def test_bad_inputs_are_reported_and_skipped(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    good = (
        "Valdoria and Kesh hold talks\n\n" + "The two foreign ministers met in Castellan on Thursday. " * 20
    )
    (src / "good.txt").write_text(good, encoding="utf-8")
    (src / "empty.txt").write_text("  \n", encoding="utf-8")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (src / "bad.json").write_text("{not json", encoding="utf-8")
    (src / "mixed.jsonl").write_text(
        json.dumps({"text": good.replace("Thursday", "Friday")})
        + "\n{broken\n"
        + json.dumps({"text": good.replace("Thursday", "Monday")})
        + "\n",
        encoding="utf-8",
    )
    (src / "french.txt").write_text(
        "Les ministres des affaires étrangères se sont rencontrés jeudi à Paris "
        "pour discuter de la situation dans la région et de la coopération. " * 3,
        encoding="utf-8",
    )
    db = str(tmp_path / "b.db")
    code, out, err = ng("ingest", str(src), str(tmp_path / "missing.txt"), "--db", db)
    assert code == 1
    assert out.startswith("3 added") and "6 failed" in out
    failures = [ln for ln in err.splitlines() if ln.startswith("skipped ")]
    assert len(failures) == 6
    text = "\n".join(failures)
    for needle in ("empty.txt", "binary.txt", "bad.json", "mixed.jsonl:2", "french.txt", "missing.txt"):
        assert needle in text
    assert "French" in text or "fr" in text
    code, out, _ = ng("stats", "--db", db, "--json")
    assert json.loads(out)["documents"] == 3


def test_show_excluded_and_export_and_eval_not_built(shared_dir: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "e.db")
    seeds = shared_dir / "corpus" / "seeds"
    ng("ingest", str(seeds), "--db", db, "--no-link")
    code, out, _ = ng("show", "000_1431484a1ccc5be8.txt", "--db", db, "--excluded")
    assert code == 0 and "comments_closed" in out and "related_headline" in out
    code, out, err = ng("show", "nonexistent", "--db", db)
    assert code == 1 and "NG031" in err
    code, _, _ = ng("export", "--db", db, "--format", "json", "-o", str(tmp_path / "x.json"))
    data = json.loads((tmp_path / "x.json").read_text())
    assert data["schema"] == "newsgraph.export/1" and len(data["documents"]) == 5
    code, out, _ = ng(
        "eval", "--gold", str(shared_dir / "gold"), "--corpus", str(seeds), "--db", db, "--json"
    )
    res = json.loads(out)
    assert res["body.exclude_recall"] >= 0.9 and res["body.keep"] >= 0.97
    code, out, _ = ng("eval", "--gold", str(shared_dir / "gold"), "--db", db)
    assert code == 0 and "== body ==" in out
    if not res.get("_not_built"):
        return
    assert "not built" in out


def test_missing_database_is_one_line_error(tmp_path: Path) -> None:
    code, _, err = ng("stats", "--db", str(tmp_path / "none.db"))
    assert code == 1 and "NG030" in err and len(err.strip().splitlines()) == 1


@pytest.mark.slow
def test_kill_9_leaves_consistent_db_and_rerun_completes(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    synth.write_jsonl(corpus, 400, words=300)
    db = tmp_path / "k.db"
    env = {**os.environ, "NEWSGRAPH_NO_PROGRESS": "1"}
    cmd = [sys.executable, "-m", "newsgraph.cli.main", "ingest", str(corpus), "--db", str(db), "--no-link"]
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and p.poll() is None:
        time.sleep(0.3)
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as c:
                    stored = c.execute("SELECT count(*) FROM documents").fetchone()[0]
            except sqlite3.Error:
                continue
            if stored >= 20:
                break
    p.send_signal(signal.SIGKILL)
    p.wait()
    assert 0 < stored < 400, "the run must be killed half-way"
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        n = c.execute("SELECT count(*) FROM documents").fetchone()[0]
        # every stored document is complete: its body spans and FTS row are there
        assert c.execute("SELECT count(DISTINCT doc) FROM body_spans").fetchone()[0] == n
        assert c.execute("SELECT count(*) FROM documents_fts").fetchone()[0] == n
    r = subprocess.run(cmd + ["--json"], env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    rep = json.loads(r.stdout)
    assert rep["already_stored"] == n and rep["added"] == 400 - n
