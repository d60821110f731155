"""Shared fixtures: temporary stores, hand-built analysed documents, paths to shared data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsgraph.models import AnalyzedDoc, Document, Entity, Event, ExcludedSpan, Mention, Quote, Span
from newsgraph.store import Store
from newsgraph.text.util import doc_id

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

os.environ.setdefault("NEWSGRAPH_NO_PROGRESS", "1")


@pytest.fixture
def shared_dir() -> Path:
    if not (SHARED / "gold").is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{SHARED} is missing: CI must run with shared/ beside the repository")
        pytest.skip(f"{SHARED} not present")
    return SHARED


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "test.db")
    yield s
    s.close()


def make_doc(text: str, **kw: object) -> Document:
    return Document(
        id=doc_id(text),
        text=text,
        title=text.split("\n", 1)[0],
        path=f"/x/{doc_id(text)}.txt",
        file_name=f"{doc_id(text)}.txt",
        **kw,
    )  # type: ignore[arg-type]


def analysed_example(title: str = "Ministers meet in Castellan") -> AnalyzedDoc:
    """A hand-built document with one of everything, offsets computed from the text."""
    body = (
        f"{title}\n\n"
        "Valdoria's Foreign Minister Yusuf al-Haddad met Kesh envoy Lena Novak in Castellan on Thursday.\n\n"
        "“We are ready to talk,” al-Haddad said.\n\n"
        "1 Comment"
    )
    d = make_doc(body, published="2024-03-28")
    t = d.text

    def span(s: str) -> tuple[int, int]:
        i = t.index(s)
        return i, i + len(s)

    ad = AnalyzedDoc(doc=d)
    c0, c1 = span("1 Comment")
    ad.excluded_spans = [ExcludedSpan(c0, c1, "comment_count")]
    ad.body_spans = [Span(0, c0 - 2)]
    ad.entities = [
        Entity("e1", "PERSON", "Yusuf al-Haddad", titles=["Foreign Minister"], affiliation="e3"),
        Entity("e2", "PERSON", "Lena Novak", titles=["envoy"]),
        Entity("e3", "STATE", "Valdoria", kb_id="state:VAL"),
        Entity("e4", "LOCATION", "Castellan"),
    ]
    for s, e in (
        ("Yusuf al-Haddad", "e1"),
        ("al-Haddad", "e1"),
        ("Lena Novak", "e2"),
        ("Valdoria", "e3"),
        ("Castellan on", "e4"),
    ):
        a, b = span(s)
        if s == "al-Haddad":
            a = t.index(s, span("We are")[0])
            b = a + len(s)
        if s == "Castellan on":
            b -= 3
        ad.mentions.append(Mention(a, b, t[a:b], e))
    q0, q1 = span("We are ready to talk")
    ad.quotes = [Quote(f"{d.id}:q1", "direct", q0, q1, t[q0:q1], speaker="e1", cue="said", confidence=0.9)]
    s0, s1 = span(
        "Valdoria's Foreign Minister Yusuf al-Haddad met Kesh envoy Lena Novak in Castellan on Thursday."
    )
    ad.events = [
        Event(
            f"{d.id}:ev1",
            "CONSULT",
            s0,
            s1,
            t[s0:s1],
            source=["e1"],
            target=["e2"],
            mode="meeting",
            cameo="04",
            location="e4",
            date="2024-03-28",
            date_precision="day",
            date_text="on Thursday",
            confidence=0.8,
        )
    ]
    return ad
