"""Fuzz tests (issue 17): generated inputs on every input path, and the nasty corpus, never raise.

Every path a document takes is fed generated inputs with hypothesis: files of every suffix (bytes
of any kind, text with any code point, BOMs, CR-only lines, NULs), sidecars, JSON and JSONL records
of any shape (huge integers, NaN, deep nesting, lone surrogates, wrong types, impossible dates),
stdin, folders, the cleaner, the date finder, segmentation, and the whole pipeline on short texts.
An input may be refused, but only with a coded :class:`InputError` whose line prints on one line;
an internal error (NG017, NG018) or an exception fails the test. Runs are derandomised (the same
inputs on every run); together they generate more than :data:`MIN_INPUTS` inputs per test run.
``NEWSGRAPH_FUZZ_COUNT=FILE`` writes the number of inputs per test to FILE (benchmarks/robustness.py).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import pickle
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.errors import InputError
from newsgraph.ingest import records
from newsgraph.ingest.clean import clean
from newsgraph.ingest.read import iter_documents, normalise_date
from newsgraph.models import AnalyzedDoc, Document, Span
from newsgraph.text.dates import find_dates, infer_document_date, parse_date, resolve
from newsgraph.text.util import MAX_SENTENCE, cap_spans, paragraphs, split_sentences

sys.path.insert(0, str(Path(__file__).parent))
import nasty_corpus  # noqa: E402

MIN_INPUTS = 10_000
COUNTS: Counter[str] = Counter()
_CODE = re.compile(r"NG0\d\d")
INTERNAL = ("NG017", "NG018")


def fuzz(n: int) -> Any:
    return settings(
        max_examples=n,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


@pytest.fixture(scope="module", autouse=True)
def _report_counts() -> Iterator[None]:
    yield
    out = os.environ.get("NEWSGRAPH_FUZZ_COUNT")
    if out:
        Path(out).write_text(json.dumps(dict(COUNTS)), encoding="utf-8")


# ---------------------------------------------------------------- what every item must be


def check_error(e: InputError) -> None:
    assert e.code and _CODE.fullmatch(e.code), e
    assert e.code not in INTERNAL, e.line()
    line = e.line()
    assert "\n" not in line and "\r" not in line and "\x1b" not in line
    line.encode("utf-8")
    assert pickle.loads(pickle.dumps(e)).line() == line


def check_document(d: Document) -> None:
    for value in (d.text, d.title, d.path, d.file_name, d.outlet, d.url, d.source_id, d.id):
        if value is not None:
            value.encode("utf-8")  # storable: no lone surrogates
    assert "\x00" not in d.text and d.text.strip()
    json.dumps(d.meta, allow_nan=False)
    pickle.loads(pickle.dumps(d))
    if d.published is not None:
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", d.published) and 1800 <= int(d.published[:4]) <= 2100


def check_items(items: list[Document | InputError]) -> None:
    for item in items:
        if isinstance(item, InputError):
            check_error(item)
        else:
            assert isinstance(item, Document)
            check_document(item)


# ---------------------------------------------------------------- generators

WORDS = (
    "the minister said on Monday that Russia and Hamas met in Moscow talks ceasefire Sept. 18 "
    '“quoted” "said" he she Abu Marzouq Foreign Ministry (Reuters) - — 2019 January 23 , . ? !'
).split()
ODD = [
    "\x00",
    "\ud800",
    "\udcff",
    "\ufeff",
    "\u200b",
    "\u202e",
    "\r",
    "\r\n",
    "\n\n",
    "\t",
    "\x1b[2J",
    "\u2028",
    "中文",
    "Ж",
    "é",
    "\U0001f600",
    "&amp;",
    "<b>",
    "</div>",
    "{",
    "}",
    "[",
    "]",
    "\\",
    '"',
    "9" * 30,
]
texts = st.lists(
    st.one_of(st.sampled_from(WORDS), st.sampled_from(ODD), st.text(max_size=8)), max_size=60
).map(" ".join)
boms = st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"])
encodings = st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1252", "latin-1", "surrogatepass"])


def encode(text: str, enc: str) -> bytes:
    if enc == "surrogatepass":
        return text.encode("utf-8", "surrogatepass")
    return text.encode(enc, "replace")


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**300, max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    texts,
    st.sampled_from(
        [
            "2024-03-28",
            "2024-02-30",
            "0001-01-01",
            "9999-12-31T23:59:59-23:59",
            "Mon, 01 Jan 99999 00:00:00 +0000",
            "March 28, 2024",
            "28 Mar. 2024",
            "Thursday, March 28, 2024",
            "1e10",
            "",
            " ",
            "\ud800",
        ]
    ),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=12,
)
keys = st.sampled_from(["text", "title", "url", "outlet", "published", "id", "extra", "meta"])
records_st = st.one_of(
    st.dictionaries(keys, values, max_size=6),
    st.fixed_dictionaries({"text": texts}, optional={"published": values, "title": values, "id": values}),
    values,
)


def json_text(value: Any, raw: str, mode: int) -> str:
    """The value written as JSON (NaN allowed), or raw text, or the value with raw text spliced in."""
    dumped = json.dumps(value, allow_nan=True, ensure_ascii=mode % 2 == 0)
    if mode == 2:
        return raw
    if mode == 3:
        return dumped[: len(dumped) // 2] + raw
    if mode == 4:
        return "[" * 2000 + dumped + "]" * 2000
    return dumped


# ---------------------------------------------------------------- reader paths


def _read_file(name: str, data: bytes, sidecar: bytes | None = None) -> list[Document | InputError]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        if sidecar is not None:
            path.with_name(path.name[: -len(path.suffix)] + ".meta.json").write_bytes(sidecar)
        return list(iter_documents([str(path)], max_bytes=200_000))


@fuzz(2500)
@given(
    text=texts,
    bom=boms,
    enc=encodings,
    suffix=st.sampled_from([".txt", ".html", ".htm", ".md"]),
    junk=st.binary(max_size=64),
    mix=st.integers(0, 3),
)
def test_text_and_html_files(text: str, bom: bytes, enc: str, suffix: str, junk: bytes, mix: int) -> None:
    COUNTS["files"] += 1
    data = bom + encode(text, enc)
    data = {0: data, 1: data + junk, 2: junk + data, 3: data.replace(b"\n", b"\r")}[mix]
    if suffix == ".html" and mix == 1:
        data = b"<div>" * 300 + data + b"</div>" * 300
    check_items(_read_file("f" + suffix, data))


@fuzz(2500)
@given(
    value=records_st,
    raw=texts,
    mode=st.integers(0, 4),
    suffix=st.sampled_from([".json", ".jsonl"]),
    lines=st.integers(1, 3),
    bom=boms,
)
def test_json_and_jsonl_files(value: Any, raw: str, mode: int, suffix: str, lines: int, bom: bytes) -> None:
    COUNTS["json"] += 1
    body = json_text(value, raw, mode)
    if suffix == ".jsonl":
        body = ("\r" if mode == 1 else "\n").join([body] * lines)
    check_items(_read_file("r" + suffix, bom + body.encode("utf-8", "surrogatepass")))


@fuzz(1200)
@given(meta=records_st, raw=texts, mode=st.integers(0, 4), text=texts)
def test_sidecars(meta: Any, raw: str, mode: int, text: str) -> None:
    COUNTS["sidecars"] += 1
    doc = ("Talks in Moscow\n\n" + nasty_corpus.GOOD + " " + text).encode("utf-8", "surrogatepass")
    check_items(_read_file("a.txt", doc, json_text(meta, raw, mode).encode("utf-8", "surrogatepass")))


@fuzz(800)
@given(
    data=st.one_of(
        st.binary(max_size=300),
        texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
        records_st.map(lambda v: json.dumps(v).encode()),
    )
)
def test_stdin(data: bytes) -> None:
    COUNTS["stdin"] += 1
    with pytest.MonkeyPatch.context() as m:
        m.setattr(
            sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="surrogateescape")
        )
        check_items(list(iter_documents(["-"], max_bytes=100_000)))


@fuzz(300)
@given(
    names=st.lists(
        st.text(min_size=1, max_size=12).filter(lambda s: "/" not in s and "\x00" not in s),
        min_size=1,
        max_size=4,
    ),
    raw=st.binary(max_size=8),
)
def test_folders_and_file_names(names: list[str], raw: bytes) -> None:
    COUNTS["folders"] += 1
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for i, name in enumerate(names):
            safe = name.encode("utf-8", "surrogateescape")[:100] + raw.replace(b"/", b"_").replace(
                b"\x00", b"_"
            )
            target = os.path.join(os.fsencode(root), safe.lstrip(b".") + f"{i}.txt".encode())
            try:
                with open(target, "wb") as f:
                    f.write(nasty_corpus.GOOD.encode())
            except (OSError, ValueError):
                continue
        check_items(list(iter_documents([str(root)])))


def test_nasty_corpus_reads_without_internal_errors(tmp_path: Path) -> None:
    nasty_corpus.build(tmp_path / "nasty")
    items = list(iter_documents([str(tmp_path / "nasty")]))
    COUNTS["nasty corpus"] += len(items)
    check_items(items)
    stored = {Path(d.path or "").name for d in items if isinstance(d, Document)}
    assert set(nasty_corpus.GOOD_FILES) <= stored, set(nasty_corpus.GOOD_FILES) - stored


# ---------------------------------------------------------------- text functions

date_words = st.sampled_from(
    [
        "Monday",
        "last",
        "next",
        "Sept.",
        "18",
        "2019",
        "January",
        "23,",
        "days",
        "later",
        "ago",
        "99999999999",
        "week",
        "the",
        "day",
        "after",
        "in",
        "on",
        "of",
        "year",
        "-",
        "2019-02-30",
        "31",
        "February",
        "1600",
        "2099",
        "month",
        "9" * 25,
        "weeks",
    ]
)
anchors = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))


@fuzz(2000)
@given(words=st.lists(st.one_of(date_words, st.text(max_size=5)), max_size=25), anchor=anchors)
def test_dates_never_raise(words: list[str], anchor: dt.date | None) -> None:
    COUNTS["dates"] += 1
    text = " ".join(words)
    for d in find_dates(text, None, anchor):
        assert d.start is None or 0 <= d.start <= (d.end or 0) <= len(text)
    resolve(text[:40], anchor)
    infer_document_date(text)
    parse_date(text)
    normalise_date(text)


@fuzz(1000)
@given(
    lines=st.lists(
        st.one_of(
            texts,
            st.sampled_from(
                [
                    "Wednesday, January 23, 2019",
                    "MOSCOW, Sept. 18 (Reuters) - Russia said on Tuesday it would",
                    "By Jane Doe",
                    "(Photo: file)",
                    "2 Comments",
                    "Comments are closed.",
                    "Share on Facebook Twitter",
                ]
            ),
        ),
        max_size=12,
    ),
    title=st.one_of(st.none(), texts),
)
def test_clean_and_segment(lines: list[str], title: str | None) -> None:
    COUNTS["clean"] += 1
    text = "\n\n".join(lines)
    body, excluded = clean(text, title)
    for s in [*body, *excluded]:
        assert 0 <= s.start <= s.end <= len(text)
    for p in paragraphs(text):
        for s in split_sentences(text, p):
            assert p.start <= s.start < s.end <= p.end and s.end - s.start <= MAX_SENTENCE
    for s in cap_spans(text, [Span(0, len(text))], 50):
        assert s.end - s.start <= 50


# ---------------------------------------------------------------- the whole pipeline


@pytest.fixture(scope="module")
def pipeline() -> Any:
    from newsgraph.pipeline.registry import Pipeline, Resources

    return Pipeline.build(), Resources()


@fuzz(300)
@given(
    text=texts,
    title=st.one_of(st.none(), texts),
    published=st.sampled_from([None, "2019-01-23", "1800-01-01"]),
)
def test_pipeline_has_no_internal_errors(
    text: str, title: str | None, published: str | None, pipeline: Any
) -> None:
    from newsgraph.pipeline.runner import process_document

    COUNTS["pipeline"] += 1
    text = records.text_of(nasty_corpus.GOOD[: len(text) % 200] + " " + text)
    doc = Document(id="fuzz", text=text, title=title and records.text_of(title), published=published)
    r = process_document(doc, *pipeline)
    if isinstance(r, InputError):
        check_error(r)
        return
    assert isinstance(r, AnalyzedDoc)
    for m in r.mentions:
        assert 0 <= m.start < m.end <= len(text)
    for q in r.quotes:
        assert 0 <= q.start <= q.end <= len(text)


def test_enough_generated_inputs() -> None:
    """The settings above add up to more than MIN_INPUTS generated inputs per run."""
    planned = 2500 + 2500 + 1200 + 800 + 300 + 2000 + 1000 + 300
    assert planned >= MIN_INPUTS
