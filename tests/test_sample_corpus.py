"""Consistency checks for the bundled fictional sample corpus and its gold annotations.

The gold files in ``tests/gold_sample`` use the same format as ``shared/gold``; every text
field must be verbatim from its article in ``src/newsgraph/data/sample`` so that the
reference scorer can locate it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "src" / "newsgraph" / "data" / "sample"
GOLD = ROOT / "tests" / "gold_sample"

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
ACTOR_TYPES = {"PERSON", "ORG", "STATE", "LOCATION"}
TOP_KEYS = {"doc", "body_excludes", "actors", "events", "quotes", "notes"}
ACTOR_KEYS = {"id", "type", "canonical_name", "mentions", "affiliation", "roles"}
EVENT_KEYS = {"type", "mode", "source", "target", "location", "date", "date_text", "evidence",
              "negated_or_hypothetical"}
QUOTE_KEYS = {"speaker", "kind", "text", "cue", "evidence"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

TXT_FILES = sorted(p.name for p in SAMPLE.glob("*.txt"))
GOLD_FILES = sorted(GOLD.glob("*.json"))


def _text(name: str) -> str:
    return (SAMPLE / name).read_text(encoding="utf-8")


def _gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _excluded_spans(text: str, excludes: list[str]) -> list[tuple[int, int]]:
    spans = []
    for s in excludes:
        for m in re.finditer(re.escape(s), text):
            spans.append((m.start(), m.end()))
    return spans


def _occurs_in_body(text: str, s: str, excluded: list[tuple[int, int]]) -> bool:
    for m in re.finditer(re.escape(s), text):
        if not any(a <= m.start() and m.end() <= b for a, b in excluded):
            return True
    return False


def test_corpus_present():
    assert len(TXT_FILES) == 10
    assert (SAMPLE / "README.md").is_file()


def test_metadata_lists_every_article():
    meta = json.loads((SAMPLE / "metadata.json").read_text(encoding="utf-8"))
    assert sorted(meta) == TXT_FILES
    without_date = []
    for name, m in meta.items():
        assert set(m) <= {"title", "outlet", "url", "published"}, name
        title = next(line for line in _text(name).splitlines() if line.strip()).strip()
        assert m["title"] == title, name
        assert m["outlet"], name
        assert re.match(r"^https://example\.(org|com)/", m["url"]), name
        if "published" in m:
            assert re.match(r"^\d{4}-\d{2}-\d{2}$", m["published"]), name
        else:
            without_date.append(name)
    # exactly one article must have its date inferred from the text
    assert len(without_date) == 1


def test_every_article_has_gold():
    assert sorted(p.name.replace(".json", ".txt") for p in GOLD_FILES) == TXT_FILES


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_gold_format_and_verbatim(path: Path):
    g = _gold(path)
    assert set(g) == TOP_KEYS
    assert g["doc"] == path.name.replace(".json", ".txt")
    text = _text(g["doc"])

    missing = []

    def need(s, what):
        if not isinstance(s, str) or not s or s not in text:
            missing.append((what, s))

    for s in g["body_excludes"]:
        need(s, "body_exclude")
    excluded = _excluded_spans(text, g["body_excludes"])

    ids = [a["id"] for a in g["actors"]]
    assert len(ids) == len(set(ids)), "duplicate actor id"
    for a in g["actors"]:
        assert set(a) == ACTOR_KEYS, a["id"]
        assert a["type"] in ACTOR_TYPES, a["id"]
        assert a["canonical_name"], a["id"]
        assert a["mentions"], a["id"]
        for m in a["mentions"]:
            need(m, f"mention of {a['id']}")
            if m in text and not _occurs_in_body(text, m, excluded):
                missing.append((f"mention only in boilerplate ({a['id']})", m))
        for r in a["roles"]:
            need(r, f"role of {a['id']}")

    for e in g["events"]:
        assert set(e) == EVENT_KEYS, e["evidence"]
        assert e["type"] in PLOVER_TYPES, e["type"]
        assert e["source"] and e["target"], e["evidence"]
        for x in e["source"] + e["target"]:
            assert x in ids, (x, e["evidence"])
        assert isinstance(e["negated_or_hypothetical"], bool)
        assert e["date"] is None or DATE_RE.match(e["date"]), e["date"]
        need(e["evidence"], "event evidence")
        if e["date_text"] is not None:
            need(e["date_text"], "date_text")
        if e["location"] is not None:
            need(e["location"], "location")

    for q in g["quotes"]:
        assert set(q) == QUOTE_KEYS, q["text"]
        assert q["kind"] in ("direct", "indirect")
        assert q["speaker"] is None or q["speaker"] in ids, q["speaker"]
        need(q["text"], "quote text")
        need(q["evidence"], "quote evidence")
        if q["text"] not in q["evidence"]:
            missing.append(("quote text not inside its evidence", q["text"]))
        if q["cue"] is not None:
            need(q["cue"], "cue")
        if q["kind"] == "direct":
            # a direct quote's text is what stands inside the marks: no outer marks kept
            assert q["text"][0] not in "“\"‘", q["text"]

    assert not missing, missing


def test_actor_identities_consistent_across_files():
    seen: dict[str, tuple] = {}
    for path in GOLD_FILES:
        for a in _gold(path)["actors"]:
            key = (a["type"], a["canonical_name"], a["affiliation"])
            assert seen.setdefault(a["id"], key) == key, (path.name, a["id"])
