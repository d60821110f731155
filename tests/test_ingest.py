"""Tests for ``newsgraph.ingest.read``: every reader, every bad-input case, stdin, sidecars."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest.read import iter_documents, normalise_date, read_text_file
from newsgraph.models import Document

ENGLISH = (
    "Foreign ministers from Norway and Switzerland met in Geneva on Thursday to discuss a proposal "
    "for a ceasefire, the Norwegian foreign ministry said in a statement after the talks.\n\n"
    '"We agreed that dialogue is the only way forward," the minister told reporters.\n'
)
FRENCH = (
    "Le ministre des Affaires étrangères a déclaré jeudi que la France soutiendrait la résolution "
    "du Conseil de sécurité des Nations unies, tout en appelant les deux parties à reprendre "
    "immédiatement les négociations sous l'égide de l'Égypte et du Qatar.\n"
)
GERMAN = (
    "Der Außenminister sagte am Donnerstag in Berlin, Deutschland werde die Resolution des "
    "Sicherheitsrates unterstützen, und rief beide Seiten dazu auf, die Verhandlungen unter "
    "Vermittlung Ägyptens und Katars sofort wieder aufzunehmen.\n"
)
# English, but almost nothing except names: must not be refused
NAMES = (
    "Mousa Abu Marzouk, Ismail Haniyeh, Mahmoud Abbas, Sergei Lavrov, Mikhail Bogdanov, "
    "Recep Tayyip Erdogan, Abdel Fattah al-Sisi, Tamim bin Hamad Al Thani and Bassem Naim "
    "met in Moscow, the foreign ministry said.\n"
)
HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ministers meet in Geneva to discuss ceasefire | Example News</title>
<meta property="og:title" content="Ministers meet in Geneva to discuss ceasefire">
<meta property="article:published_time" content="2024-03-28T09:15:00+00:00">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>Ministers meet in Geneva to discuss ceasefire</h1>
<p>The foreign ministers of Norway and Switzerland met in Geneva on Thursday to discuss a proposal
for a ceasefire, according to a statement released by the Norwegian foreign ministry after the talks.</p>
<p>"We agreed that dialogue is the only way forward," the Norwegian minister told reporters outside the
venue, adding that both governments would continue to consult with regional partners in the coming weeks.</p>
<p>The Swiss foreign ministry said in a separate statement that it was ready to host further rounds of
negotiations, and that it had invited representatives of the United Nations to attend the next meeting.</p>
<p>Observers said the meeting was the first of its kind in more than a year. Neither side gave details of
the proposal, but officials said a draft text would be circulated among the parties before the end of
the month.</p>
</article></main>
<footer><p>Copyright 2024 Example News. All rights reserved.</p>
<ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy policy</a></li></ul></footer>
</body></html>
"""


def run(*paths: object, **kw: object) -> list[Document | InputError]:
    return list(iter_documents([str(p) for p in paths], **kw))  # type: ignore[arg-type]


def one_error(*paths: object, **kw: object) -> InputError:
    items = run(*paths, **kw)
    assert len(items) == 1 and isinstance(items[0], InputError), items
    return items[0]


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


# ---------------------------------------------------------------- good inputs


def test_txt_title_text_and_newlines(tmp_path: Path) -> None:
    p = write(tmp_path / "a.txt", "\n  Ministers meet  \r\n\r\n" + ENGLISH.replace("\n", "\r\n"))
    [doc] = run(p)
    assert isinstance(doc, Document)
    assert doc.title == "Ministers meet"
    assert "\r" not in doc.text and doc.text.startswith("\n  Ministers meet  \n\n")
    assert doc.path == str(p) and doc.file_name == "a.txt" and doc.lang == "en"
    assert doc.text == read_text_file(p, 10_000)


def test_same_text_same_id(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", ENGLISH)
    b = write(tmp_path / "b.txt", ENGLISH)
    c = write(tmp_path / "c.json", json.dumps({"text": ENGLISH}))
    d = write(tmp_path / "d.txt", ENGLISH + " More text.")
    ids = [x.id for x in run(a, b, c, d)]  # type: ignore[union-attr]
    assert ids[0] == ids[1] == ids[2] != ids[3]


def test_utf8_bom_and_utf16(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", b"\xef\xbb\xbf" + ENGLISH.encode())
    b = write(tmp_path / "b.txt", ENGLISH.encode("utf-16"))
    assert read_text_file(a, 10_000) == ENGLISH == read_text_file(b, 10_000)


def test_cp1252_decodes(tmp_path: Path) -> None:
    text = "\u201cWe agreed,\u201d said the minister \u2013 Jos\u00e9 M\u00fcller \u2013 on Thursday."
    p = write(tmp_path / "a.txt", text.encode("cp1252"))
    assert read_text_file(p, 10_000) == text


def test_json_object_and_list(tmp_path: Path) -> None:
    obj = {
        "text": ENGLISH,
        "title": "T",
        "url": "https://x.org/a",
        "outlet": "X",
        "id": 7,
        "published": "2024-03-28T09:15:00Z",
        "section": "world",
    }
    [doc] = run(write(tmp_path / "one.json", json.dumps(obj)))
    assert isinstance(doc, Document)
    assert (doc.title, doc.url, doc.outlet, doc.published) == ("T", "https://x.org/a", "X", "2024-03-28")
    assert doc.source_id == "7" and doc.file_name == "one.json" and doc.meta == {"section": "world"}
    items = run(
        write(tmp_path / "many.json", json.dumps([{"text": ENGLISH, "id": "art-1"}, {"text": ENGLISH}]))
    )
    assert [x.file_name for x in items] == ["art-1", "many.json#2"]  # type: ignore[union-attr]


def test_jsonl_bad_line_among_good(tmp_path: Path) -> None:
    lines = [json.dumps({"text": ENGLISH, "id": "a"}), "{not json", "", json.dumps({"text": ENGLISH + "x"})]
    p = write(tmp_path / "c.jsonl", "\n".join(lines) + "\n")
    items = run(p)
    assert [type(x).__name__ for x in items] == ["Document", "InputError", "Document"]
    bad = items[1]
    assert isinstance(bad, InputError) and bad.code == "NG007" and bad.source == f"{p}:2"
    assert str(bad).startswith(f"{p}:2: ") and "\n" not in str(bad)
    assert items[0].file_name == "a" and items[2].file_name == "c.jsonl#4"  # type: ignore[union-attr]


def test_jsonl_record_errors(tmp_path: Path) -> None:
    lines = ["[1, 2]", json.dumps({"title": "no text"}), json.dumps({"text": ENGLISH, "published": "soon"})]
    p = write(tmp_path / "c.jsonl", "\n".join(lines))
    codes = [(x.code, x.source) for x in run(p)]  # type: ignore[union-attr]
    assert codes == [("NG015", f"{p}:1"), ("NG008", f"{p}:2"), ("NG014", f"{p}:3")]


def test_directory_walk(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", ENGLISH)
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "c.html", HTML)
    write(tmp_path / "a.jsonl", json.dumps({"text": ENGLISH + " one"}) + "\n")
    write(tmp_path / "b.meta.json", json.dumps({"title": "Meta"}))
    write(tmp_path / ".hidden.txt", ENGLISH)
    write(tmp_path / "notes.md", "# not read")
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git" / "x.txt", ENGLISH)
    items = run(tmp_path)
    assert all(isinstance(x, Document) for x in items), items
    assert [x.file_name for x in items] == ["a.jsonl#1", "b.txt", "c.html"]  # type: ignore[union-attr]
    assert items[1].title == "Meta"  # type: ignore[union-attr]


def test_sidecar_override(tmp_path: Path) -> None:
    p = write(tmp_path / "art.txt", "Headline from text\n\n" + ENGLISH)
    meta = {
        "title": "Sidecar title",
        "url": "https://n.example/a",
        "outlet": "Example",
        "published": "March 28, 2024",
        "id": "s1",
        "author": "J. Doe",
    }
    write(tmp_path / "art.meta.json", json.dumps(meta))
    [doc] = run(p)
    assert isinstance(doc, Document)
    assert (doc.title, doc.url, doc.outlet, doc.published, doc.source_id) == (
        "Sidecar title",
        "https://n.example/a",
        "Example",
        "2024-03-28",
        "s1",
    )
    assert doc.meta == {"author": "J. Doe"} and doc.file_name == "art.txt"


def test_html_extraction(tmp_path: Path) -> None:
    [doc] = run(write(tmp_path / "page.html", HTML))
    assert isinstance(doc, Document)
    assert doc.title == "Ministers meet in Geneva to discuss ceasefire"
    assert doc.published == "2024-03-28"
    assert "dialogue is the only way forward" in doc.text
    for boiler in ("Home", "Privacy policy", "Copyright", "<p>"):
        assert boiler not in doc.text
    assert 'talks.\n\n"We agreed' in doc.text  # paragraphs separated by blank lines


def test_stdin_text_and_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Title line\n" + ENGLISH))
    [doc] = run("-")
    assert isinstance(doc, Document) and doc.title == "Title line" and doc.path == "<stdin>"
    jsonl = json.dumps({"text": ENGLISH}) + "\n{bad\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(jsonl))
    items = run("-")
    assert isinstance(items[0], Document) and isinstance(items[1], InputError)
    assert items[1].source == "<stdin>:2"
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps({"text": ENGLISH, "title": "J"})))
    [doc] = run("-")
    assert isinstance(doc, Document) and doc.title == "J"
    monkeypatch.setattr("sys.stdin", io.StringIO("   \n"))
    assert one_error("-").code == "NG002"


def test_short_and_name_heavy_english_accepted(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", "Lavrov met Haniyeh.")
    b = write(tmp_path / "b.txt", NAMES)
    assert all(isinstance(x, Document) and x.lang == "en" for x in run(a, b))


def test_normalise_date() -> None:
    cases = {
        "2024-03-28": "2024-03-28",
        "2024-03-28T23:15:00+02:00": "2024-03-28",
        "March 28, 2024": "2024-03-28",
        "Mar. 28, 2024": "2024-03-28",
        "28 March 2024": "2024-03-28",
        "Thursday, March 28, 2024": "2024-03-28",
        "Thu, 28 Mar 2024 09:15:00 +0000": "2024-03-28",
        "Sept. 5th, 2023": "2023-09-05",
        "yesterday": None,
        "2024-02-30": None,
    }
    assert {k: normalise_date(k) for k in cases} == cases


# ---------------------------------------------------------------- bad inputs


@pytest.mark.parametrize("text, lang", [(FRENCH, "fr"), (GERMAN, "de")])
def test_non_english_refused(tmp_path: Path, text: str, lang: str) -> None:
    e = one_error(write(tmp_path / "a.txt", text))
    assert e.code == "NG009" and f"detected language: {lang}" in str(e)
    assert isinstance(run(tmp_path / "a.txt", check_language=False)[0], Document)


def test_missing_path(tmp_path: Path) -> None:
    e = one_error(tmp_path / "nope.txt")
    assert e.code == "NG012"
    assert str(e) == f"{tmp_path / 'nope.txt'}: path does not exist; check the spelling [NG012]"


def test_unsupported_suffix(tmp_path: Path) -> None:
    assert one_error(write(tmp_path / "a.md", ENGLISH)).code == "NG010"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read chmod 000 files")
def test_unreadable(tmp_path: Path) -> None:
    p = write(tmp_path / "a.txt", ENGLISH)
    d = tmp_path / "locked"
    d.mkdir()
    p.chmod(0)
    d.chmod(0)
    try:
        assert one_error(p).code == "NG001"
        e = one_error(d)
        assert e.code == "NG001" and e.source == str(d)
    finally:
        p.chmod(0o644)
        d.chmod(0o755)


def _deny(*args: object, **kwargs: object) -> None:
    raise PermissionError(13, "Permission denied")


def test_read_and_walk_errors_as_ng001(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same failures simulated, so they are tested when running as root too."""
    p = write(tmp_path / "a.txt", ENGLISH)
    with monkeypatch.context() as m:
        m.setattr("newsgraph.ingest.read.open", _deny, raising=False)
        e = one_error(p)
    assert e.code == "NG001" and "Permission denied" in str(e) and e.source == str(p)
    with monkeypatch.context() as m:
        m.setattr("newsgraph.ingest.read.os.scandir", _deny)
        e = one_error(tmp_path)
    assert e.code == "NG001" and e.source == str(tmp_path)


def test_directory_with_suffix_is_walked_not_read(tmp_path: Path) -> None:
    d = tmp_path / "x.txt"
    d.mkdir()
    (d / "inner.txt").write_text(ENGLISH, encoding="utf-8")
    [doc] = run(d)
    assert isinstance(doc, Document) and doc.file_name == "inner.txt"


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("not read", encoding="utf-8")
    e = one_error(tmp_path)
    assert e.code == "NG016" and e.source == str(tmp_path) and ".jsonl" in e.message


@pytest.mark.parametrize(
    "content, code",
    [
        (b"\x00\x01\x02binary\x00" * 50, "NG003"),
        (bytes(range(1, 9)) * 100, "NG003"),
        (b"", "NG002"),
        (b"  \n\t\r\n ", "NG002"),
        (b"Hello world " + b"\x81\x8d\x8f\x90\x9d" * 20, "NG004"),
    ],
)
def test_bad_bytes(tmp_path: Path, content: bytes, code: str) -> None:
    p = write(tmp_path / "a.txt", content)
    e = one_error(p)
    assert e.code == code and e.source == str(p)
    with pytest.raises(InputError):
        read_text_file(p, 10_000)


def test_over_size(tmp_path: Path) -> None:
    p = write(tmp_path / "a.txt", ENGLISH)
    e = one_error(p, max_bytes=50)
    assert e.code == "NG005" and "50-byte limit" in str(e)


@pytest.mark.parametrize(
    "content, code",
    [
        ('{"text": "unterminated', "NG006"),
        ('{"title": "no text"}', "NG008"),
        ('{"text": "   "}', "NG008"),
        ('"just a string"', "NG015"),
        (json.dumps({"text": ENGLISH, "published": "not a date"}), "NG014"),
        (json.dumps({"text": ENGLISH, "title": ["x"]}), "NG014"),
    ],
)
def test_bad_json(tmp_path: Path, content: str, code: str) -> None:
    e = one_error(write(tmp_path / "a.json", content))
    assert e.code == code and "\n" not in str(e)


def test_malformed_sidecar(tmp_path: Path) -> None:
    p = write(tmp_path / "a.txt", ENGLISH)
    write(tmp_path / "a.meta.json", "{title: oops")
    e = one_error(p)
    assert e.code == "NG013" and "a.meta.json" in str(e) and e.source == str(p)
    write(tmp_path / "a.meta.json", json.dumps({"published": "31/31/2024"}))
    assert one_error(p).code == "NG014"


def test_html_without_text(tmp_path: Path) -> None:
    page = "<html><head><script>var x = 1;</script></head><body><img src='a.png'></body></html>"
    e = one_error(write(tmp_path / "a.html", page))
    assert e.code == "NG011"


def test_errors_do_not_stop_the_run(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", ENGLISH)
    items = run(tmp_path / "missing.txt", write(tmp_path / "bin.txt", b"\x00" * 10), good)
    assert [type(x).__name__ for x in items] == ["InputError", "InputError", "Document"]
