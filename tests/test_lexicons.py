"""The lexicon loader (newsgraph.text.lexicons): bundled word lists, user extensions, coded errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsgraph.errors import ConfigError
from newsgraph.text import lexicons

WORD_LIST_FILES = ("english", "actors", "quotes", "dates", "names", "boilerplate")


@pytest.fixture(autouse=True)
def _fresh_cache():
    lexicons.clear_cache()
    yield
    lexicons.clear_cache()


def test_bundled_files_load_and_every_list_is_usable() -> None:
    for name in WORD_LIST_FILES:
        path = lexicons.LEXICON_DIR / f"{name}.yaml"
        assert path.read_text(encoding="utf-8").startswith("#"), f"{name}.yaml needs a header comment"
        data, lines = lexicons.read_yaml(path, text_only=True)
        assert data, name
        for key, value in data.items():
            assert lines[key] > 0
            if isinstance(value, dict):
                assert lexicons.table(f"{name}.{key}")
            else:
                assert lexicons.phrases(f"{name}.{key}"), f"{name}.{key} is empty"


def test_every_stage_module_builds_its_patterns_from_the_files() -> None:
    # the modules compile their regular expressions from the lists at import: a broken list fails here
    import newsgraph.actors.recognize  # noqa: F401
    import newsgraph.ingest.clean  # noqa: F401
    import newsgraph.ingest.read  # noqa: F401
    import newsgraph.quotes.extract  # noqa: F401
    import newsgraph.text.dates  # noqa: F401
    import newsgraph.text.names  # noqa: F401


def test_every_scalar_is_text() -> None:
    # YAML would read these as booleans or numbers; in a lexicon they are words
    assert "No" in lexicons.phrases("english.sentence_abbreviations")
    assert "24" in lexicons.words("actors.media_heads")
    assert "on" in lexicons.words("english.prepositions")


def test_accessors() -> None:
    assert "minister" in lexicons.words("actors.title_heads")
    assert lexicons.phrases("english.weekdays")[0] == "Monday"
    assert lexicons.table("actors.collectives") == {"West": "STATE"}
    assert "movement" in lexicons.word_table("actors.org_descriptions")["movement"]
    assert re.fullmatch(f"(?:{lexicons.pattern('actors.title_prepositions')})", "for")
    assert lexicons.alternation(["a b", "c"]) == r"a\s+b|c"


def _user(tmp_path: Path, text: str, name: str = "mine.yaml") -> str:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


def test_user_file_adds_and_removes(tmp_path: Path) -> None:
    f = _user(
        tmp_path,
        "extends: actors\ntitle_heads: ombudsman ombudswoman\norg_descriptions: {bureau: bureau office}\n"
        "title_prepositions: [with]\nremove:\n  title_heads: [analyst]\n",
    )
    heads = lexicons.words("actors.title_heads", files=[f])
    assert {"ombudsman", "ombudswoman", "minister"} <= heads and "analyst" not in heads
    assert lexicons.word_table("actors.org_descriptions", files=[f])["bureau"] == {"bureau", "office"}
    assert lexicons.pattern("actors.title_prepositions", files=[f]).endswith("|with")
    assert "analyst" in lexicons.words("actors.title_heads")  # the bundled list is unchanged


def test_user_files_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = _user(tmp_path, "extends: english\nweekdays: [Someday]\n")
    monkeypatch.setenv(lexicons.ENV, f)
    lexicons.clear_cache()
    assert lexicons.phrases("english.weekdays")[-1] == "Someday"
    assert lexicons.user_files() == (f,)


@pytest.mark.parametrize(
    "text,line,reason",
    [
        ("extends: actors\ntitle_heads: [ok\n  - broken: [\n", 3, "not valid YAML"),
        ("extends: actors\n\ntitle_heads: [[nested]]\n", 3, "a list holds texts"),
        ("extends: actors\nremove: [title_heads]\n", 2, "'remove' maps list names"),
        ("extends: nothing\n", 1, "'extends' must name a bundled lexicon"),
        ("- just\n- a list\n", 1, "expected a mapping"),
        ("extends: actors\norg_descriptions: [movement]\n", 2, "extends a mapping"),
    ],
)
def test_malformed_user_file_names_file_and_line(tmp_path: Path, text: str, line: int, reason: str) -> None:
    f = _user(tmp_path, text)
    with pytest.raises(ConfigError) as e:
        lexicons.words("actors.title_heads", files=[f])
    err = e.value
    assert err.code == "NG042" and err.line == line  # type: ignore[attr-defined]
    assert f in str(err) and f"line {line}" in str(err) and reason in str(err)


def test_bad_pattern_and_wrong_kind(tmp_path: Path) -> None:
    f = _user(tmp_path, "extends: actors\ntitle_prepositions: ['(unclosed']\n")
    with pytest.raises(ConfigError, match=r"NG042.*|line 2.*not a valid regular expression") as e:
        lexicons.pattern("actors.title_prepositions", files=[f])
    assert e.value.code == "NG042"
    with pytest.raises(ConfigError) as e2:
        lexicons.words("actors.org_descriptions")
    assert e2.value.code == "NG042" and "is a mapping" in str(e2.value)


def test_unknown_names() -> None:
    with pytest.raises(ConfigError) as e:
        lexicons.words("actors.no_such_list")
    assert e.value.code == "NG043" and "title_heads" in str(e.value)
    with pytest.raises(ConfigError) as e2:
        lexicons.words("nosuchfile.list")
    assert e2.value.code == "NG043"
