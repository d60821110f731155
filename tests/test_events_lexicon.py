"""The event lexicon: inflection, validation, user extension files, the pipeline setting."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import ConfigError
from newsgraph.events.lexicon import EventLexicon, inflect, load_lexicon
from newsgraph.models import PLOVER_TYPES
from newsgraph.pipeline.registry import Resources


def test_inflection() -> None:
    assert inflect("criticise") == ("criticise", "criticised", "criticises", "criticising")
    assert set(inflect("call on")) == {"call on", "called on", "calls on", "calling on"}
    assert "expelled" in inflect("expel") and "decried" in inflect("decry") and "met" in inflect("meet")
    assert "snubbed" in inflect("snub") and "visited" in inflect("visit") and "meeting" in inflect("meet")


def test_bundled_lexicon_covers_every_type_with_cameo_roots() -> None:
    lex = load_lexicon()
    types = {e.type for e in lex.entries.values()}
    assert types == set(PLOVER_TYPES) - {"PROTEST"} | {"PROTEST"}
    assert all(e.cameo and len(e.cameo) == 2 for e in lex.entries.values())
    forms = [m.form for m in lex.finditer("X met Y. Z held talks with W and urged V to stop; Q vetoed it.")]
    assert forms == ["met", "held talks", "urged", "stop", "vetoed"]


def test_user_file_adds_replaces_and_removes(tmp_path: Path) -> None:
    f = tmp_path / "mine.yaml"
    f.write_text(
        "remove: [assault]\nentries:\n"
        "  - {id: snub, type: REJECT, mode: snub, cameo: '12', verbs: [snub], target: [object]}\n",
        encoding="utf-8",
    )
    lex = load_lexicon(f)
    assert "snub" in lex.entries and "assault" not in lex.entries
    assert [m.form for m in lex.finditer("Kesh snubbed Valdoria")] == ["snubbed"]
    res = Resources(event_lexicons=[str(f)])
    assert "snub" in res.get("event_lexicon").entries


def test_environment_variable_adds_lexicons(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "env.yaml"
    f.write_text(
        "entries:\n  - {id: rebuke2, type: ACCUSE, cameo: '11', verbs: [upbraid]}\n", encoding="utf-8"
    )
    monkeypatch.setenv("NEWSGRAPH_EVENT_LEXICONS", str(f))
    assert "rebuke2" in Resources().get("event_lexicon").entries


@pytest.mark.parametrize(
    "entry, message",
    [
        ({"id": "x", "type": "HUG", "verbs": ["hug"]}, "type must be"),
        ({"id": "x", "type": "AGREE", "verbs": ["hug"], "target": ["sideways"]}, "unknown target slot"),
        ({"id": "x", "type": "AGREE", "verbs": ["hug"], "requires": "("}, "bad regular expression"),
        ({"id": "x", "type": "AGREE"}, "needs 'verbs'"),
        ({"id": "x", "type": "AGREE", "verbs": ["hug"], "colour": "red"}, "unknown field"),
    ],
)
def test_invalid_entries_are_reported(entry: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        EventLexicon.from_data({"entries": [entry]})


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_lexicon(tmp_path / "missing.yaml")
