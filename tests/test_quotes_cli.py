"""`newsgraph quotes` and the quotes on `newsgraph actor`, on a hand-built store."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newsgraph.cli.main import app
from newsgraph.linking.run import run_link
from newsgraph.store import Store

from .conftest import analysed_example

runner = CliRunner()


def test_quotes_by_speaker_and_on_profile(store: Store) -> None:
    store.write(analysed_example(), "p")
    run_link(store)
    db = store.url.removeprefix("sqlite:///")
    r = runner.invoke(app, ["quotes", "--db", db, "--by", "Yusuf al-Haddad", "--json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    assert [q["text"] for q in rows] == ["We are ready to talk"]
    assert rows[0]["speaker"]["name"] == "Yusuf al-Haddad"
    r = runner.invoke(app, ["quotes", "--db", db, "--by", "Lena Novak", "--json"])
    assert json.loads(r.stdout) == []
    r = runner.invoke(app, ["quotes", "--db", db, "--by", "Nobody At All"])
    assert r.exit_code == 1 and "NG041" in r.stderr
    r = runner.invoke(app, ["actor", "Yusuf al-Haddad", "--db", db])
    assert r.exit_code == 0 and "We are ready to talk" in r.stdout


def test_quotes_why_shows_cue_rule_and_speaker_words(store: Store) -> None:
    ad = analysed_example()
    ad.quotes[0].rule, ad.quotes[0].speaker_text = "cue-after", "al-Haddad"
    store.write(ad, "p")
    run_link(store)
    db = store.url.removeprefix("sqlite:///")
    r = runner.invoke(app, ["quotes", "--db", db, "--why"])
    assert r.exit_code == 0, r.output
    assert "cue 'said' | rule cue-after | speaker 'al-Haddad'" in r.stdout
    rows = json.loads(runner.invoke(app, ["quotes", "--db", db, "--json"]).stdout)
    assert (rows[0]["rule"], rows[0]["speaker_text"]) == ("cue-after", "al-Haddad")
