"""Gold-mention harness for the events stage: builds entities and mentions from gold annotations
(actor mention strings located in the article body, venue places, state demonyms), runs the
foundation stages, quotes and events, clusters the events and scores them with the project's
scorer. Used by ``tests/test_eval_events.py``; run ``python tests/test_events_harness.py`` to print
scores and the unmatched events."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from newsgraph.actors.kb import load_kb
from newsgraph.evaluate import GoldScorer, find_all
from newsgraph.linking.clusters import cluster_records
from newsgraph.models import AnalyzedDoc, Document, Entity, Mention
from newsgraph.pipeline.registry import Resources, registered
from newsgraph.text.util import doc_id

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE = REPO / "src" / "newsgraph" / "data" / "sample"
SAMPLE_GOLD = REPO / "tests" / "gold_sample"


def _demonyms(name: str, kb: Any) -> set[str]:
    out = set()
    for e in kb.lookup(name)[:1]:
        out.update(e.demonyms)
    base = name.split()[-1] if name else ""
    for cand in (base + "n", base[:-1] + "ian", base + "i", base[:-1] + "i", base + "ian", base[:-1] + "an"):
        out.add(cand)
    return {d for d in out if len(d) > 3}


_HEADS = (
    "movement",
    "ministry",
    "council",
    "committee",
    "assembly",
    "party",
    "government",
    "organisation",
    "organization",
    "office",
    "army",
    "newspaper",
    "brigades",
)


def _descriptions(
    text: str, entities: list[Entity], spans: list[tuple[int, int, str, str]]
) -> list[tuple[int, int, str, str]]:
    """'the movement', 'the ministry': the nearest earlier named organisation with that head word
    (what the actors stage's description resolution provides)."""
    out = []
    orgs = {e.id: e for e in entities if e.type == "ORG"}
    for head in _HEADS:
        cands = [e for e in orgs.values() if head in e.name.lower()]
        if not cands:
            continue
        for m in re.finditer(rf"\b[Tt]he\s+{head}\b", text):
            prior = [(s, eid) for s, _, eid, _ in spans if eid in {c.id for c in cands} and s < m.start()]
            eid = max(prior)[1] if prior else cands[0].id
            out.append((m.start(), m.end(), eid, "description"))
    return out


def build(
    text: str,
    name: str,
    gold: dict[str, Any],
    published: str | None,
    res: Resources,
    kb: Any,
    with_quotes: bool = True,
) -> AnalyzedDoc:
    doc = Document(
        id=doc_id(text),
        text=text,
        title=text.split("\n", 1)[0],
        file_name=name,
        path=f"/gold/{name}",
        published=published,
    )
    ad = AnalyzedDoc(doc=doc)
    reg = registered()
    for st in ("clean", "segment", "docdate", "parse"):
        reg[st].fn(ad, res)
        ad.done.append(st)
    ids = {a["id"] for a in gold.get("actors", [])}
    spans: list[tuple[int, int, str, str]] = []
    for a in gold.get("actors", []):
        kb_id = None
        if a["type"] in ("STATE", "LOCATION", "ORG"):
            hits = [
                e for m in [a["canonical_name"].split(" (")[0], *a.get("mentions", [])] for e in kb.lookup(m)
            ]
            kb_id = hits[0].kb_id if hits else None
        ad.entities.append(
            Entity(
                a["id"],
                a["type"],
                a["canonical_name"],
                aliases=list(a.get("mentions", [])),
                kb_id=kb_id,
                affiliation=a.get("affiliation") if a.get("affiliation") in ids else None,
            )
        )
        for surf in a.get("mentions", []):
            for s, e in find_all(text, surf):
                spans.append((s, e, a["id"], "name"))
        if a["type"] == "STATE":
            for d in _demonyms(a["canonical_name"].split(" (")[0], kb):
                for s, e in find_all(text, d):
                    if text[s:e][0].isupper():
                        spans.append((s, e, a["id"], "demonym"))
    venues = {ev.get("location") for ev in gold.get("events", []) if ev.get("location")}
    for v in sorted(venues):
        vid = "place_" + re.sub(r"\W+", "_", v.lower())
        if vid in ids:
            continue
        hits = kb.lookup(v)
        ad.entities.append(Entity(vid, "LOCATION", v, kb_id=hits[0].kb_id if hits else None))
        for s, e in find_all(text, v):
            spans.append((s, e, vid, "name"))
    spans += _descriptions(text, ad.entities, spans)
    spans.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    last = -1
    for s, e, eid, kind in spans:
        if s >= last and ad.in_body(s, e):
            ad.mentions.append(Mention(s, e, text[s:e], eid, kind))
            last = e
    ad.done += ["actors"]
    if with_quotes and "quotes" in reg:
        reg["quotes"].fn(ad, res)
        ad.done.append("quotes")
    reg["events"].fn(ad, res)
    ad.done.append("events")
    return ad


def load_set(which: str) -> tuple[dict[str, dict[str, Any]], dict[str, str], dict[str, str | None]]:
    if which == "seeds":
        gdir, cdir, meta = SHARED / "gold", SHARED / "corpus" / "seeds", {}
    elif which == "dev":
        gdir, cdir = SHARED / "gold" / "dev", SHARED / "corpus" / "dev"
        mfile = cdir / "metadata.json"
        meta = json.loads(mfile.read_text(encoding="utf-8")) if mfile.is_file() else {}
    else:
        gdir, cdir = SAMPLE_GOLD, SAMPLE
        meta = json.loads((SAMPLE / "metadata.json").read_text(encoding="utf-8"))
    gold = {}
    for p in sorted(gdir.glob("*.json")):
        g = json.loads(p.read_text(encoding="utf-8"))
        gold[g["doc"]] = g
    texts = {fn: (cdir / fn).read_text(encoding="utf-8") for fn in gold}
    pubs = {fn: (meta.get(fn) or {}).get("published") or gold[fn].get("published") for fn in gold}
    return gold, texts, pubs


def run_set(
    which: str, with_quotes: bool = True
) -> tuple[dict[str, Any], dict[str, Any], dict[str, AnalyzedDoc]]:
    gold, texts, pubs = load_set(which)
    res = Resources()
    kb = load_kb()
    ads = {fn: build(texts[fn], fn, gold[fn], pubs[fn], res, kb, with_quotes) for fn in gold}
    records = []
    for ad in ads.values():
        for ev in ad.events:
            records.append(
                {
                    "id": ev.id,
                    "doc": ad.doc.id,
                    "type": ev.type,
                    "mode": ev.mode,
                    "source": ev.source,
                    "target": ev.target,
                    "date": ev.date,
                    "date_precision": ev.date_precision,
                    "date_fallback": ev.date_fallback,
                    "date_text": ev.date_text,
                    "negated": ev.negated,
                    "hypothetical": ev.hypothetical,
                    "location": ev.location,
                    "text": ev.text,
                    "start": ev.start,
                    "end": ev.end,
                }
            )
    # gold actor ids are the same across files: actor map = identity, affiliations from gold
    aff = {a["id"]: a.get("affiliation") for g in gold.values() for a in g.get("actors", [])}
    actor_map = {(ad.doc.id, e.id): e.id for ad in ads.values() for e in ad.entities}
    clusters = cluster_records(records, actor_map, aff)
    export: dict[str, Any] = {"documents": [], "mentions": [], "events": []}
    for fn, ad in ads.items():
        export["documents"].append(
            {"id": ad.doc.id, "file_name": fn, "body_spans": [[s.start, s.end] for s in ad.body_spans]}
        )
        export["mentions"] += [
            {"doc": ad.doc.id, "start": m.start, "end": m.end, "actor": m.entity} for m in ad.mentions
        ]
        for ev in ad.events:
            export["events"].append(
                {
                    "id": ev.id,
                    "type": ev.type,
                    "mode": ev.mode,
                    "source": ev.source,
                    "target": ev.target,
                    "location": ev.location,
                    "date": ev.date,
                    "negated": ev.negated,
                    "hypothetical": ev.hypothetical,
                    "cluster": clusters.get(ev.id, ev.id),
                    "evidence": {"doc": ad.doc.id, "start": ev.start, "end": ev.end, "text": ev.text},
                }
            )
    scores = GoldScorer(export, gold, texts).events()
    return scores, export, ads


def report(which: str) -> None:
    scores, export, ads = run_set(which)
    gold, texts, _ = load_set(which)
    sc = GoldScorer(export, gold, texts)
    print(f"== {which}")
    for k, v in scores.items():
        print(f"  {k}: {v:.3f}" if isinstance(v, float) else f"  {k}: {v}")
    for fn, g in gold.items():
        sys_evs = [e for e in export["events"] if ads[fn].doc.id == e["evidence"]["doc"]]
        print(f"--- {fn}")
        for gev in g["events"]:
            hits = [e for e in sys_evs if sc._event_match(fn, gev, fn, e)]
            mark = "OK " if hits else "MISS"
            extra = ""
            if hits and gev.get("date"):
                extra = " date=" + (
                    "ok"
                    if any((h["date"] or "").startswith(gev["date"]) for h in hits)
                    else f"BAD({hits[0]['date']} vs {gev['date']})"
                )
            if hits and any(
                bool(h["negated"] or h["hypothetical"]) != bool(gev["negated_or_hypothetical"])
                for h in hits[:1]
            ):
                extra += " FLAG"
            print(f"  {mark} {gev['type']} {gev['source']}->{gev['target']}{extra} | {gev['evidence'][:90]}")
        for e in sys_evs:
            if not any(sc._event_match(fn, gev, fn, e) for gev in g["events"]):
                flag = ("N" if e["negated"] else "") + ("H" if e["hypothetical"] else "")
                print(
                    f"  FP  {e['type']} {e['source']}->{e['target']} {e['date']} {flag} | "
                    f"{e['evidence']['text'][:100]}"
                )


if __name__ == "__main__":
    for w in sys.argv[1:] or ["seeds", "sample"]:
        report(w)
