"""A corpus of nasty input files for the robustness tests (issue 17), built by :func:`build`.

Every file is an input a real folder of "news" can hold: broken encodings, binary data, JSON that
is malformed, too deep, or full of values that break naive code (huge integers, lone surrogates,
impossible dates), symbolic-link loops, file names that are not UTF-8 or hold console markup,
HTML nested 5,000 deep, a 2 MB single line, text that is not English or not text at all. A run
over the folder must store every good document, report every bad one on one line, and never abort.

    python tests/nasty_corpus.py DIR     # writes the corpus into DIR and lists what it wrote
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

#: an English news paragraph long enough for the language check (good documents are built from it)
GOOD = (
    "The foreign minister of Valdoria met his counterpart from Kesh in the capital on Monday, "
    "officials said. The two governments agreed to resume talks on trade and border security, "
    'according to a statement released after the meeting. "We are ready to work together," the '
    "minister told reporters, adding that a new round of negotiations would begin next month."
)


def _good(i: int) -> str:
    return f"Talks resume in the capital ({i})\n\n{GOOD}\n\nA second paragraph, number {i}, follows here."


def _text_files() -> dict[str, bytes]:
    rng = random.Random(17)
    zh = "中华人民共和国外交部发言人表示，双方将继续就贸易和边境安全问题进行磋商。" * 20
    return {
        "good_plain.txt": _good(1).encode(),
        "good_bom_utf8.txt": b"\xef\xbb\xbf" + _good(2).encode(),
        "good_utf16le.txt": _good(3).encode("utf-16"),
        "good_utf16be.txt": b"\xfe\xff" + _good(4).encode("utf-16-be"),
        "good_cr_only.txt": _good(5).replace("\n", "\r").encode(),
        "good_crlf.txt": _good(6).replace("\n", "\r\n").encode(),
        "good_cp1252.txt": (_good(7) + " Caf\u00e9 \u2013 na\u00efve \u201cquoted\u201d.").encode("cp1252"),
        "nul_bytes.txt": _good(8).encode()[:200] + b"\x00\x00\x00" + _good(8).encode()[200:],
        "random_bytes.txt": bytes(rng.randrange(256) for _ in range(20_000)),
        "empty.txt": b"",
        "whitespace_only.txt": b" \n\t\r\n   \n",
        "zero_width.txt": ("\u200b\u200c\u200d\ufeff" * 5000).encode(),
        "chinese.txt": ("新闻标题\n\n" + zh).encode(),
        "digits_only.txt": " ".join(str(rng.randrange(10**6)) for _ in range(3000)).encode(),
        "punctuation_only.txt": ("!?.,;:-- " * 3000).encode(),
        "control_chars.txt": ("\x1b[31mred\x1b[0m \x07\x08 " * 500).encode(),
        "two_mb_single_line.txt": (GOOD.replace("\n", " ") + " ").encode() * (2_000_000 // len(GOOD)),
        "zalgo.txt": ("Z\u0351\u0352\u0357\u035b\u0300a\u0301\u0302l\u0303g\u0304o\u0305 " * 3000).encode(),
        "emoji.txt": ("\U0001f600\U0001f4a5\U0001f30d " * 3000).encode(),
        "lone_surrogate_utf8.txt": _good(9).encode() + b"\xed\xa0\x80 tail",
        "latin1_garbage.txt": bytes(range(0x80, 0x100)) * 200,
        "[red]markup[red] [bold]x.txt": _good(10).encode(),
        "newline\nin name.txt": _good(11).encode(),
        "escape\x1b[2Jname.txt": _good(12).encode(),
        "x" * 240 + ".txt": _good(13).encode(),
    }


def _html_files() -> dict[str, bytes]:
    deep = "<div>" * 5000 + f"<p>{GOOD}</p>" + "</div>" * 5000
    return {
        "nested_5000.html": f"<html><body>{deep}</body></html>".encode(),
        "good_page.html": f"<html><head><title>Talks</title></head><body><article><h1>Talks</h1>"
        f"<p>{GOOD}</p><p>{GOOD}</p></article></body></html>".encode(),
        "script_only.html": b"<html><script>alert(1)</script></html>",
        "binary.html": bytes(range(256)) * 50,
        "unclosed.htm": ("<p>" + GOOD + "<div><span><b>" * 300).encode(),
        "empty.html": b"",
    }


def _deep(n: int) -> str:
    return "[" * n + "]" * n


def _json_files() -> dict[str, bytes]:
    good = {"text": GOOD, "title": "Talks", "published": "2024-03-28"}
    big = "9" * 5000
    g = json.dumps(GOOD)[1:-1]  # the text as it is written inside a JSON string
    recs = [
        json.dumps(good),
        "{not json",
        "[1, 2, 3]",
        json.dumps({"title": "no text"}),
        json.dumps({"text": 12345}),
        json.dumps({"text": GOOD, "published": "2024-02-30"}),
        json.dumps({"text": GOOD, "published": "99999-01-01"}),
        json.dumps({"text": GOOD, "published": "0000-00-00"}),
        '{"text": "' + g + '", "published": ' + big + "}",
        '{"text": "' + g + '", "id": ' + big + "}",
        json.dumps({"text": GOOD, "title": {"nested": True}}),
        json.dumps({"text": GOOD + " second"}),
        '{"text": "' + g + ' \\ud800 lone surrogate"}',
        '{"text": "' + g + '", "extra": ' + _deep(50_000) + "}",
        "",
        "   ",
        json.dumps({"text": GOOD, "published": "Mon, 01 Jan 99999999999 00:00:00 +0000"}),
        json.dumps({"text": GOOD + " third", "published": 1e309}).replace("Infinity", "1e999"),
        '{"text": "' + g + ' fourth", "published": NaN}',
        json.dumps({"text": "\u0000" * 100 + GOOD}),
    ]
    return {
        "good.json": json.dumps(good).encode(),
        "deep.json": _deep(100_000).encode(),
        "deep_object.json": ('{"a":' * 100_000 + "1" + "}" * 100_000).encode(),
        "huge_int.json": ('{"text": "' + g + '", "published": ' + big + "}").encode(),
        "huge_int_only.json": big.encode(),
        "surrogate.json": ('{"text": "' + g + ' \\udc80", "title": "\\ud83d"}').encode(),
        "bad_dates.json": json.dumps(
            [
                {"text": GOOD + f" ({d})", "published": d}
                for d in (
                    "2024-13-01",
                    "2024-02-30",
                    "1900-01-01T25:00",
                    "10000-01-01",
                    "-0001-01-01",
                    "2024-03-28T10:00:00+99:00",
                    "Thu, 32 Mar 2024 10:00:00 +0000",
                    "1e10",
                )
            ]
        ).encode(),
        "empty_list.json": b"[]",
        "not_object.json": b'"just a string"',
        "null.json": b"null",
        "truncated.json": json.dumps(good).encode()[:40],
        "bom.json": b"\xef\xbb\xbf" + json.dumps(good).encode(),
        "utf16.json": json.dumps(good).encode("utf-16"),
        "records.jsonl": "\n".join(recs).encode(),
        "binary.jsonl": b"\x00\x01\x02" * 1000,
        "empty.jsonl": b"",
        "utf16.jsonl": (json.dumps(good) + "\n").encode("utf-16"),
        "huge_line.jsonl": (json.dumps({"text": GOOD * 20_000}) + "\n").encode(),
        "cr_only.jsonl": (json.dumps(good) + "\r" + json.dumps({**good, "text": GOOD + " cr"})).encode(),
    }


def _sidecars(root: Path) -> None:
    side = root / "sidecars"
    side.mkdir()
    cases = {
        "broken": b"{not json",
        "list": b"[1, 2]",
        "bad_type": json.dumps({"title": ["a"], "published": 5}).encode(),
        "huge_int": ('{"published": ' + "7" * 6000 + "}").encode(),
        "deep": _deep(60_000).encode(),
        "bad_date": json.dumps({"published": "2024-02-31"}).encode(),
        "binary": b"\x00\xff" * 100,
        "good": json.dumps({"title": "Sidecar title", "published": "2024-01-02", "tags": ["x"]}).encode(),
    }
    for name, meta in cases.items():
        (side / f"{name}.txt").write_text(_good(100 + len(name)) + f" {name}")
        (side / f"{name}.meta.json").write_bytes(meta)
    broken_folder = root / "folder_meta"
    broken_folder.mkdir()
    (broken_folder / "a.txt").write_text(_good(200))
    (broken_folder / "metadata.json").write_bytes(b'{"a.txt": {"published": ' + b"[" * 50_000 + b"}")


def _special(root: Path) -> None:
    links = root / "links"
    links.mkdir()
    os.symlink(".", links / "self_loop_dir")
    os.symlink("..", links / "parent_loop")
    os.symlink("b.txt", links / "a.txt")
    os.symlink("a.txt", links / "b.txt")
    os.symlink("missing.txt", links / "dangling.txt")
    os.symlink("/dev/zero", links / "zero.txt")
    (links / "real.txt").write_text(_good(300))
    os.mkfifo(links / "fifo.txt")
    (root / "dir_named.txt").mkdir()
    (root / "dir_named.txt" / "inner.txt").write_text(_good(301))
    deep = root / "deep"
    for i in range(60):
        deep = deep / f"d{i}"
    deep.mkdir(parents=True)
    (deep / "bottom.txt").write_text(_good(302))
    bad_name = os.fsencode(root) + b"/latin1_\xe9\xff.txt"
    with open(bad_name, "wb") as f:
        f.write(_good(303).encode())
    (root / "unsupported.pdf").write_bytes(b"%PDF-1.4")
    (root / ".hidden.txt").write_text(_good(304))
    (root / "markup[").mkdir()
    (root / "markup[" / "x].txt").write_text(_good(305))  # the path holds "[/x]": a closing console tag


def build(root: Path) -> list[Path]:
    """Write the nasty corpus under ``root`` (created; must not exist or be empty); returns the
    top-level entries written."""
    root.mkdir(parents=True, exist_ok=True)
    for name, data in {**_text_files(), **_html_files(), **_json_files()}.items():
        (root / name).write_bytes(data)
    _sidecars(root)
    _special(root)
    return sorted(root.iterdir())


#: documents of the corpus that must be stored: they are good text however odd their packaging
GOOD_FILES = (
    "good_plain.txt",
    "good_bom_utf8.txt",
    "good_utf16le.txt",
    "good_utf16be.txt",
    "good_cr_only.txt",
    "good_crlf.txt",
    "good_cp1252.txt",
    "good_page.html",
    "good.json",
    "bom.json",
    "utf16.json",
    "[red]markup[red] [bold]x.txt",
    "x].txt",
    "real.txt",
    "inner.txt",
    "bottom.txt",
    "two_mb_single_line.txt",
)


if __name__ == "__main__":
    for p in build(Path(sys.argv[1])):
        print(os.fsencode(p).decode("utf-8", "backslashreplace"))
