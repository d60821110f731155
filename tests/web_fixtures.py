"""Hand-built analysed documents for the API, web, notebook and export tests.

The pipeline does not yet produce actors, quotes and events for every article, so these
tests build :class:`AnalyzedDoc` objects by hand (offsets computed from the text), store
them and run the cross-document pass. Titles, bodies, actor names and quotes include
hostile markup so that every surface is checked for escaping.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, update

from newsgraph.linking.run import run_link
from newsgraph.models import AnalyzedDoc, Document, Entity, Event, ExcludedSpan, Mention, Quote, Span
from newsgraph.store import Store
from newsgraph.store import schema as t
from newsgraph.text.util import doc_id

XSS = "<script>alert(1)</script>"
ATTR = '" onmouseover="x'


class DocBuilder:
    """Builds one AnalyzedDoc from a title, body paragraphs and trailing boilerplate."""

    def __init__(
        self,
        title: str,
        paragraphs: list[str],
        *,
        published: str | None,
        outlet: str,
        boilerplate: list[tuple[str, str]] = (),
        url: str | None = None,
    ) -> None:  # type: ignore[assignment]
        parts = [title, *paragraphs]
        body_text = "\n\n".join(parts)
        self.text = body_text + "".join("\n\n" + b for b, _ in boilerplate)
        did = doc_id(self.text)
        self.doc = Document(
            id=did,
            text=self.text,
            title=title,
            path=f"/corpus/{did}.txt",
            file_name=f"{did}.txt",
            outlet=outlet,
            url=url,
            published=published,
        )
        self.ad = AnalyzedDoc(doc=self.doc, body_spans=[Span(0, len(body_text))])
        for b, kind in boilerplate:
            i = self.text.index(b, len(body_text))
            self.ad.excluded_spans.append(ExcludedSpan(i, i + len(b), kind))
        self._n = 0

    def span(self, s: str, after: int = 0) -> tuple[int, int]:
        i = self.text.index(s, after)
        return i, i + len(s)

    def entity(
        self,
        local: str,
        type: str,
        name: str,
        *surfaces: str,
        titles: tuple[str, ...] = (),
        kb_id: str | None = None,
        affiliation: str | None = None,
    ) -> DocBuilder:
        """Add an entity and a mention for every occurrence of each surface form."""
        self.ad.entities.append(
            Entity(
                local,
                type,
                name,
                aliases=[s for s in surfaces if s != name],
                titles=list(titles),
                kb_id=kb_id,
                affiliation=affiliation,
            )
        )
        taken = [(m.start, m.end) for m in self.ad.mentions]
        for s in surfaces or (name,):
            pos = 0
            while (i := self.text.find(s, pos)) >= 0:
                pos = i + len(s)
                if not any(a < i + len(s) and i < b for a, b in taken):
                    self.ad.mentions.append(Mention(i, i + len(s), s, local, type=type))
                    taken.append((i, i + len(s)))
        return self

    def quote(self, words: str, speaker: str | None, kind: str = "direct", cue: str = "said") -> str:
        self._n += 1
        a, b = self.span(words)
        qid = f"{self.doc.id}:q{self._n}"
        self.ad.quotes.append(Quote(qid, kind, a, b, words, speaker=speaker, cue=cue, confidence=0.9))
        return qid

    def event(self, sentence: str, type: str, source: list[str], target: list[str], **kw: Any) -> str:
        self._n += 1
        a, b = self.span(sentence)
        eid = f"{self.doc.id}:e{self._n}"
        self.ad.events.append(
            Event(
                eid,
                type,
                a,
                b,
                sentence,
                source=source,
                target=target,
                confidence=kw.pop("confidence", 0.8),
                **kw,
            )
        )
        return eid

    def build(self) -> AnalyzedDoc:
        return self.ad


def demo_docs() -> list[AnalyzedDoc]:
    """Five small articles: one meeting reported twice, accusations, a negated and a
    hypothetical event, a divergent pair of accounts, and hostile markup everywhere."""
    out = []
    s1 = "Valdoria's Foreign Minister Yusuf al-Haddad met Kesh envoy Lena Novak in Castellan on Thursday."
    b = DocBuilder(
        f"Valdoria and Kesh hold talks {XSS}",
        [
            s1,
            "“We are ready to talk about trade and the border,” al-Haddad said.",
            f"Novak called the meeting {ATTR} constructive.",
        ],
        published="2024-03-28",
        outlet="Castellan Herald",
        boilerplate=[("Photo: the ministers in Castellan", "caption"), ("Comments are closed.", "comments")],
        url="https://example.org/a?x=1&y=<2>",
    )
    b.entity(
        "e1",
        "PERSON",
        "Yusuf al-Haddad",
        "Yusuf al-Haddad",
        "al-Haddad",
        titles=("Foreign Minister",),
        affiliation="e3",
    )
    b.entity("e2", "PERSON", "Lena Novak", "Lena Novak", "Novak", titles=("envoy",), affiliation="e5")
    b.entity("e3", "STATE", "Valdoria", "Valdoria", kb_id="state:VAL")
    b.entity("e4", "LOCATION", "Castellan", "Castellan")
    b.entity("e5", "STATE", "Kesh", "Kesh", kb_id="state:KES")
    b.quote("We are ready to talk about trade and the border", "e1")
    b.event(
        s1,
        "CONSULT",
        ["e1"],
        ["e2"],
        mode="meeting",
        cameo="04",
        location="e4",
        date="2024-03-28",
        date_precision="day",
        date_text="on Thursday",
    )
    out.append(b.build())

    s2 = "Kesh envoy Lena Novak held talks with Yusuf al-Haddad of Valdoria on March 28."
    b = DocBuilder(
        "Envoy Novak: talks were frank",
        [
            s2,
            f"“The talks were frank {ATTR} and <b>useful</b>,” Novak told reporters.",
            "Valdoria stressed trade; Kesh stressed the border.",
        ],
        published="2024-03-29",
        outlet="Kesh Daily",
    )
    b.entity("e1", "PERSON", "Lena Novak", "Lena Novak", "Novak", titles=("special envoy",), affiliation="e4")
    b.entity("e2", "PERSON", "Yusuf al-Haddad", "Yusuf al-Haddad", affiliation="e3")
    b.entity("e3", "STATE", "Valdoria", "Valdoria", kb_id="state:VAL")
    b.entity("e4", "STATE", "Kesh", "Kesh", kb_id="state:KES")
    b.quote(f"The talks were frank {ATTR} and <b>useful</b>", "e1", cue="told")
    b.event(
        s2, "CONSULT", ["e2"], ["e1"], mode="meeting", cameo="04", date="2024-03-28", date_precision="day"
    )
    out.append(b.build())

    bad = f"Ahmad {XSS} Qadri"
    s3 = f"{bad} of the {ATTR} Front accused Valdoria of shelling villages."
    s4 = "Valdoria has not rejected the proposal from Kesh."
    s5 = "Kesh could support Valdoria at the summit if talks go well."
    b = DocBuilder(
        f"Front accuses Valdoria {ATTR}",
        [s3, f"“Valdoria lies {XSS},” {bad} said.", s4, s5],
        published="2024-04-02",
        outlet="Wire <i>News</i>",
        boilerplate=[("Share this: Facebook Twitter", "share_bar")],
    )
    b.entity("e1", "PERSON", bad, bad, titles=(f"spokesman {XSS}",), affiliation="e2")
    b.entity("e2", "ORG", f"{ATTR} Front", f"{ATTR} Front")
    b.entity("e3", "STATE", "Valdoria", "Valdoria", kb_id="state:VAL")
    b.entity("e4", "STATE", "Kesh", "Kesh", kb_id="state:KES")
    b.quote(f"Valdoria lies {XSS}", "e1")
    b.event(s3, "ACCUSE", ["e1"], ["e3"], cameo="11", date="2024-04-01", date_precision="day")
    b.event(s4, "REJECT", ["e3"], ["e4"], negated=True, date="2024-04-02", date_precision="day")
    b.event(s5, "SUPPORT", ["e4"], ["e3"], hypothetical=True, date="2024-04", date_precision="month")
    out.append(b.build())

    s6 = "Valdoria and Kesh agreed a ceasefire on Sunday."
    b = DocBuilder(
        "Ceasefire agreed",
        [
            s6,
            "“The ceasefire is a victory for Valdoria,” al-Haddad said.",
            "“Kesh made no concessions,” Novak said.",
        ],
        published="2024-05-06",
        outlet="Castellan Herald",
    )
    b.entity("e1", "STATE", "Valdoria", "Valdoria", kb_id="state:VAL")
    b.entity("e2", "STATE", "Kesh", "Kesh", kb_id="state:KES")
    b.entity("e3", "PERSON", "Yusuf al-Haddad", "al-Haddad", affiliation="e1")
    b.entity("e4", "PERSON", "Lena Novak", "Novak", affiliation="e2")
    b.quote("The ceasefire is a victory for Valdoria", "e3")
    b.quote("Kesh made no concessions", "e4")
    b.event(s6, "AGREE", ["e1"], ["e2"], date="2024-05-05", date_precision="day", date_text="on Sunday")
    out.append(b.build())

    b = DocBuilder(
        "Undated brief", ["Kesh protested to Valdoria over the border."], published=None, outlet="Brief"
    )
    b.entity("e1", "STATE", "Kesh", "Kesh", kb_id="state:KES")
    b.entity("e2", "STATE", "Valdoria", "Valdoria", kb_id="state:VAL")
    b.event("Kesh protested to Valdoria over the border.", "PROTEST", ["e1"], ["e2"])
    out.append(b.build())
    return out


def mark_divergent(store: Store) -> str:
    """Flag the ceasefire cluster as divergent with both parties' accounts (the v1 link pass
    does not detect divergence yet). Returns the cluster id."""
    with store.engine.begin() as conn:
        ev = conn.execute(t.events.select().where(t.events.c.type == "AGREE")).first()
        cid = conn.execute(t.cluster_events.select().where(t.cluster_events.c.event == ev.id)).first().cluster
        conn.execute(update(t.clusters).where(t.clusters.c.id == cid).values(divergent=True))
        have = conn.execute(t.cluster_accounts.select().where(t.cluster_accounts.c.cluster == cid)).first()
        if have is None:
            for q in conn.execute(t.quotes.select().where(t.quotes.c.doc == ev.doc)):
                actor = conn.execute(
                    t.actor_links.select().where(
                        t.actor_links.c.doc == q.doc, t.actor_links.c.entity == q.speaker
                    )
                ).first()
                conn.execute(
                    insert(t.cluster_accounts).values(
                        cluster=cid, quote=q.id, speaker=actor.actor if actor else None
                    )
                )
    return cid


def build_demo_store(path: Path) -> Store:
    """A store at ``path`` filled with :func:`demo_docs`, linked, with one divergent cluster."""
    store = Store.open(path)
    for ad in demo_docs():
        store.write(ad, "test")
    run_link(store)
    mark_divergent(store)
    return store


# ---- fixtures (import them into a test module to use them) ---------------------------------
@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Path of a demo database built once per test module."""
    path = tmp_path_factory.mktemp("web") / "demo.db"
    build_demo_store(path).close()
    return path


@pytest.fixture(scope="module")
def demo_store(demo_db: Path) -> Iterator[Store]:
    store = Store.open(demo_db, create=False)
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(demo_store: Store) -> Iterator[Any]:
    """A TestClient for the read-only app over the demo store (errors answered, not raised)."""
    from fastapi.testclient import TestClient

    from newsgraph.web import create_app

    with TestClient(create_app(demo_store), base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        yield c


def ids(store: Store) -> dict[str, str]:
    """Handy ids from the demo store: actors by name, the meeting cluster, the first document."""
    from newsgraph import queries

    out = {
        name: queries.resolve_actor(store, name)
        for name in ("Yusuf al-Haddad", "Lena Novak", "Valdoria", "Kesh")
    }
    out["bad_actor"] = queries.resolve_actor(store, f"Ahmad {XSS} Qadri")
    out["meeting"] = queries.clusters(store, type="CONSULT")["items"][0]["id"]
    out["divergent"] = queries.divergent(store)["items"][0]["id"]
    docs = {d["title"]: d["id"] for d in queries.documents(store)["items"]}
    out["doc_talks"] = docs[f"Valdoria and Kesh hold talks {XSS}"]
    out["doc_front"] = docs[f"Front accuses Valdoria {ATTR}"]
    return out
