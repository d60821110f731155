"""Web/API latency on a synthetic store of 50,000 small documents.

Builds the store with a bulk path (rows written directly, a few thousand documents per
transaction, then the real cross-document pass ``run_link``), then measures p50/p95 latency
of the actor profile, filtered event lists and full-text search through the ASGI app
in-process (no network). Target: p95 < 100 ms.

    python benchmarks/web_latency.py                  # 50,000 documents in bench-out/web.db
    python benchmarks/web_latency.py --docs 5000 --reuse --json

With ``--corpus DIR`` it ingests the real articles in DIR instead (the default pipeline) and
measures every list page, HTML and JSON, first page and next page, warm (each URL requested once
before the timed rounds):

    python benchmarks/web_latency.py --corpus ../shared/corpus/wikinews --db bench-out/wikinews.db
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import insert, text

from newsgraph.linking.run import run_link
from newsgraph.store import Store
from newsgraph.store import schema as t
from newsgraph.text.util import doc_id

VERBS = {
    "CONSULT": "met",
    "ACCUSE": "accused",
    "SUPPORT": "backed",
    "REJECT": "rejected",
    "REQUEST": "asked",
    "AGREE": "agreed with",
    "THREATEN": "threatened",
    "PROTEST": "protested to",
    "AID": "sent aid to",
    "SANCTION": "sanctioned",
    "COOPERATE": "worked with",
}
TOPICS = [
    "trade",
    "the border",
    "a ceasefire",
    "water rights",
    "refugees",
    "elections",
    "sanctions",
    "a pipeline",
    "fishing zones",
    "prisoners",
    "tariffs",
    "the summit",
    "aid convoys",
    "airspace",
    "grain exports",
]
FIRST = [
    "Amal",
    "Boris",
    "Chen",
    "Dara",
    "Elif",
    "Farid",
    "Greta",
    "Hugo",
    "Ines",
    "Jamal",
    "Kira",
    "Luis",
    "Mira",
    "Nadia",
    "Omar",
    "Petra",
    "Rafael",
    "Sana",
    "Tomas",
    "Yara",
]
LAST = [
    "Haddad",
    "Novak",
    "Okafor",
    "Petrov",
    "Quispe",
    "Rahimi",
    "Silva",
    "Tanaka",
    "Umarov",
    "Varga",
    "Weiss",
    "Xu",
    "Yilmaz",
    "Zoric",
    "Abadi",
    "Bauer",
    "Costa",
    "Dimitrov",
    "Eriksen",
    "Farouk",
]


def _pick(rng: random.Random, pool: list[Any], skew: float = 1.1) -> Any:
    """Zipf-like pick: a few actors are in many documents, most in few."""
    i = int(len(pool) * (rng.random() ** (1 + skew * 2)))
    return pool[min(i, len(pool) - 1)]


def build(path: Path, n_docs: int, seed: int = 7, batch: int = 2500) -> dict[str, Any]:
    """Write ``n_docs`` synthetic analysed documents and run the link pass."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    store = Store.open(path)
    rng = random.Random(seed)
    states = [(f"Land{i:03d}", f"state:L{i:03d}") for i in range(200)]
    people = [
        (f"{FIRST[i % 20]} {LAST[(i // 20) % 20]}{'' if i < 400 else ' ' + str(i)}", None)
        for i in range(3000)
    ]
    orgs = [(f"{LAST[i % 20]} Front {i}", None) for i in range(300)]
    t0 = time.perf_counter()
    start = dt.date(2020, 1, 1)
    rows: dict[str, list[dict[str, Any]]] = {
        k: [] for k in ("documents", "body_spans", "entities", "mentions", "quotes", "events", "fts", "qfts")
    }

    def flush() -> None:
        with store.engine.begin() as conn:
            for name, table in (
                ("documents", t.documents),
                ("body_spans", t.body_spans),
                ("entities", t.entities),
                ("mentions", t.mentions),
                ("quotes", t.quotes),
                ("events", t.events),
            ):
                if rows[name]:
                    conn.execute(insert(table), rows[name])
            if rows["fts"]:
                conn.execute(
                    text("INSERT INTO documents_fts (doc, title, body) VALUES (:d, :ti, :b)"), rows["fts"]
                )
            if rows["qfts"]:
                conn.execute(
                    text("INSERT INTO quotes_fts (quote, doc, body) VALUES (:q, :d, :b)"), rows["qfts"]
                )
        for v in rows.values():
            v.clear()

    for n in range(n_docs):
        s1, s2 = _pick(rng, states), _pick(rng, states)
        while s2 == s1:
            s2 = rng.choice(states)
        p1, o1 = _pick(rng, people), _pick(rng, orgs)
        ty = rng.choice(list(VERBS))
        topic = rng.choice(TOPICS)
        day = start + dt.timedelta(days=rng.randrange(5 * 365))
        title = f"{s1[0]} and {s2[0]} clash over {topic} ({n})"
        sent1 = f"{s1[0]} {VERBS[ty]} {s2[0]} over {topic} on {day:%B} {day.day}."
        sent2 = f"Foreign minister {p1[0]} of {s1[0]} said talks on {topic} would continue."
        quote = f"We will not give up on {topic}"
        sent3 = f"“{quote},” {p1[0]} said, while the {o1[0]} criticised {s2[0]}."
        body = "\n\n".join([title, sent1, sent2, sent3])
        did = doc_id(body)
        rows["documents"].append(
            {
                "id": did,
                "title": title,
                "text": body,
                "n_words": len(body.split()),
                "outlet": f"Outlet {n % 40}",
                "published": f"{day + dt.timedelta(days=1)}",
                "date_inferred": False,
                "path": f"/synthetic/{n}.txt",
                "file_name": f"{n}.txt",
                "pipeline": "bench",
            }
        )
        rows["body_spans"].append({"doc": did, "start": 0, "end": len(body)})
        rows["fts"].append({"d": did, "ti": title, "b": body})
        ents = [("e1", "STATE", s1), ("e2", "STATE", s2), ("e3", "PERSON", p1), ("e4", "ORG", o1)]
        taken: set[tuple[int, int]] = set()
        for local, typ, (name, kb) in ents:
            rows["entities"].append(
                {
                    "doc": did,
                    "local_id": local,
                    "type": typ,
                    "name": name,
                    "aliases": [],
                    "titles": ["Foreign minister"] if typ == "PERSON" else [],
                    "kb_id": kb,
                    "affiliation": "e1" if typ == "PERSON" else None,
                    "evidence": None,
                }
            )
            pos = body.find(name)
            while pos >= 0:
                if (pos, pos + len(name)) not in taken:
                    taken.add((pos, pos + len(name)))
                    rows["mentions"].append(
                        {
                            "doc": did,
                            "start": pos,
                            "end": pos + len(name),
                            "text": name,
                            "entity": local,
                            "kind": "name",
                            "type": typ,
                        }
                    )
                pos = body.find(name, pos + 1)
        a = body.index(sent1)
        rows["events"].append(
            {
                "id": f"{did}:e1",
                "doc": did,
                "type": ty,
                "start": a,
                "end": a + len(sent1),
                "text": sent1,
                "source": ["e1"],
                "target": ["e2"],
                "date": f"{day}",
                "date_precision": "day",
                "negated": rng.random() < 0.05,
                "hypothetical": False,
                "confidence": 0.8,
            }
        )
        b = body.index(sent3)
        rows["events"].append(
            {
                "id": f"{did}:e2",
                "doc": did,
                "type": "ACCUSE",
                "start": b,
                "end": b + len(sent3),
                "text": sent3,
                "source": ["e4"],
                "target": ["e2"],
                "date": f"{day}",
                "date_precision": "day",
                "negated": False,
                "hypothetical": False,
                "confidence": 0.6,
            }
        )
        q = body.index(quote)
        rows["quotes"].append(
            {
                "id": f"{did}:q1",
                "doc": did,
                "kind": "direct",
                "start": q,
                "end": q + len(quote),
                "text": quote,
                "speaker": "e3",
                "cue": "said",
                "confidence": 0.9,
            }
        )
        rows["qfts"].append({"q": f"{did}:q1", "d": did, "b": quote})
        if len(rows["documents"]) >= batch:
            flush()
    flush()
    t_rows = time.perf_counter() - t0
    t1 = time.perf_counter()
    ctx = run_link(store)
    t_link = time.perf_counter() - t1
    with store.engine.begin() as conn:  # refresh the query planner's statistics
        conn.execute(text("ANALYZE"))
    store.close()
    return {
        "documents": n_docs,
        "actors": len(ctx.actors),
        "clusters": len(ctx.clusters),
        "write_s": round(t_rows, 1),
        "link_s": round(t_link, 1),
    }


async def measure(db: Path, repeats: int, seed: int = 11) -> dict[str, Any]:
    import httpx

    from newsgraph import queries
    from newsgraph.queries import stats
    from newsgraph.web import create_app

    app = create_app(str(db), warm_cache=False)  # warmed explicitly below, after the cold run
    store = app.state.store
    rng = random.Random(seed)
    top = [a["id"] for a in queries.actors(store, limit=10)["items"]]
    with store.engine.connect() as conn:
        everyone = sorted(r[0] for r in conn.execute(text("SELECT id FROM actors")))
    some = rng.sample(everyone, min(len(everyone), repeats))
    words = [
        "pipeline",
        "ceasefire",
        "grain exports",
        "Land007",
        "Petrov",
        "tariffs refugees",
        "Haddad talks",
    ]
    cold = {"actor profile (top-10 actors, cold cache)": [f"/api/actors/{a}" for a in top]}
    groups: dict[str, list[str]] = {
        "actor profile (top-10 actors, warmed)": [f"/api/actors/{a}" for a in top],
        "actor profile (random actors)": [f"/api/actors/{a}" for a in some],
        "actor page HTML (random actors)": [f"/actors/{a}" for a in some],
        "events: actor filter": [f"/api/events?actor={a}" for a in some],
        "events: actor + type": [f"/api/events?actor={a}&type=ACCUSE" for a in some],
        "events: top actor + type + date range": [
            f"/api/events?actor={a}&type=CONSULT&from=2022-01&to=2022-12" for a in top
        ],
        "events: type + date range": [
            f"/api/events?type={ty}&from=2021-0{m}&to=2021-0{m + 2}" for ty in VERBS for m in (1, 4, 7)
        ],
        "events: unfiltered first page": ["/api/events"] * 10,
        "search": [f"/api/search?q={w}" for w in words] * 3,
        "documents list": ["/api/documents"] * 10,
    }
    out: dict[str, Any] = {}
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        await client.get("/api/overview")  # warm up
        for i, (name, urls) in enumerate([*cold.items(), *groups.items()]):
            if i == 1:  # what the server does at start-up in a background thread
                stats.clear()
                t0 = time.perf_counter()
                n = stats.warm(store)
                out["cache warm-up"] = {"actors": n, "seconds": round(time.perf_counter() - t0, 2)}
            lat = []
            for url in urls:
                t0 = time.perf_counter()
                r = await client.get(url)
                lat.append((time.perf_counter() - t0) * 1000)
                assert r.status_code == 200, (url, r.status_code, r.text[:200])
            lat.sort()
            out[name] = {
                "n": len(lat),
                "p50_ms": round(statistics.median(lat), 1),
                "p95_ms": round(lat[min(len(lat) - 1, int(0.95 * len(lat)))], 1),
                "max_ms": round(lat[-1], 1),
            }
    store.close()
    return out


def ingest_corpus(path: Path, corpus: Path) -> dict[str, Any]:
    """A database of the real articles in ``corpus`` (the default pipeline and the link pass)."""
    from newsgraph.pipeline.runner import ingest

    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    t0 = time.perf_counter()
    with Store.open(path) as store:
        report = ingest([str(corpus)], store)
        run_link(store)
    seconds = round(time.perf_counter() - t0)
    return {"documents": report.added, "failed": len(report.failed), "seconds": seconds}


#: the list pages (and their JSON twins) measured with --corpus: first page, then its next page
LIST_PAGES = [
    ("/actors", "/api/actors"),
    ("/actors?type=PERSON&type=ORG&sort=name", "/api/actors?type=PERSON&type=ORG&sort=name"),
    ("/events", "/api/clusters"),
    ("/events?type=ACCUSE&type=SUPPORT&type=REQUEST", "/api/clusters?type=ACCUSE&type=SUPPORT&type=REQUEST"),
    ("/events?include_negated=true&include_hypothetical=true", "/api/events?include_negated=true"),
    ("/timeline", "/api/timeline"),
    ("/quotes", "/api/quotes"),
    ("/documents", "/api/documents"),
    ("/divergent", "/api/divergent"),
    ("/search?q=government", "/api/search?q=government"),
    ('/search?q="prime minister" OR president*', '/api/search?q="prime minister" OR president*'),
]


async def measure_lists(db: Path, repeats: int) -> dict[str, Any]:
    """p50/p95 of every list page (HTML and JSON), its first and its next page, warm: each URL
    is requested once before the ``repeats`` timed rounds. Summaries by kind of page, then by
    list (its HTML and JSON pages, first and next)."""
    import httpx

    from newsgraph.web import create_app

    app = create_app(str(db), warm_cache=False)
    urls: list[tuple[str, str, str]] = []  # (kind of page, list, url)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        for page, api in LIST_PAGES:
            for kind, url in (("HTML", page), ("API", api)):
                sep = "&" if "?" in url else "?"
                first = (await client.get(url + (f"{sep}format=json" if kind == "HTML" else ""))).json()
                urls.append((f"{kind} first pages", page, url))
                if first.get("next"):
                    cursor = httpx.QueryParams({"cursor": first["next"]})
                    urls.append((f"{kind} next pages", page, f"{url}{sep}{cursor}"))
        for _, _, url in urls:  # warm: compiled templates, SQLite pages in memory
            assert (await client.get(url)).status_code == 200, url
        lat: dict[tuple[str, str, str], list[float]] = {u: [] for u in urls}
        for _ in range(repeats):
            for u in urls:
                t0 = time.perf_counter()
                r = await client.get(u[2], headers={"accept": "text/html"})
                lat[u].append((time.perf_counter() - t0) * 1000)
                assert r.status_code == 200, (u[2], r.status_code)
    app.state.store.close()
    out: dict[str, Any] = {}
    for i, label in ((0, None), (1, "list ")):
        for key in dict.fromkeys(u[i] for u in urls):
            out[f"{label or ''}{key}"] = _summary([x for u in urls if u[i] == key for x in lat[u]])
        if i == 0:
            out["all list pages"] = _summary([x for u in urls for x in lat[u]])
    return out


def _summary(lat: list[float]) -> dict[str, Any]:
    lat = sorted(lat)
    return {
        "n": len(lat),
        "p50_ms": round(statistics.median(lat), 1),
        "p95_ms": round(lat[min(len(lat) - 1, int(0.95 * len(lat)))], 1),
        "max_ms": round(lat[-1], 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=50_000)
    ap.add_argument("--db", type=Path, default=Path("bench-out/web.db"))
    ap.add_argument("--corpus", type=Path, help="Ingest these real articles instead; measure the list pages.")
    ap.add_argument("--reuse", action="store_true", help="Reuse an existing database of the right size.")
    ap.add_argument("--repeats", type=int, default=60, help="Requests per group.")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    built: dict[str, Any] = {"reused": True}
    if not (args.reuse and args.db.exists()):
        built = ingest_corpus(args.db, args.corpus) if args.corpus else build(args.db, args.docs)
        print(f"built {args.db}: {built}", file=sys.stderr)
    measured = measure_lists(args.db, args.repeats) if args.corpus else measure(args.db, args.repeats)
    res = {"build": built, "latency": asyncio.run(measured)}
    if args.json:
        print(json.dumps(res, indent=1))
        return
    print(f"{'query':<62}{'n':>5}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    for name, r in res["latency"].items():
        if "p95_ms" not in r:
            print(f"{name:<62} {r}")
            continue
        flag = "" if r["p95_ms"] < 100 else "  over target"
        print(f"{name[:61]:<62}{r['n']:>5}{r['p50_ms']:>9}{r['p95_ms']:>9}{r['max_ms']:>9}{flag}")


if __name__ == "__main__":
    main()
