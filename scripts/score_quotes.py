#!/usr/bin/env python3
"""Score the quote finder alone on gold articles, with mentions made from the gold actors.

usage: score_quotes.py [GOLD_DIR] [CORPUS_DIR] [--show] [--json] [--check-with SCORE_PY]

For every gold file: body spans = the text minus the gold ``body_excludes`` strings; paragraphs
as the segment stage makes them; mentions = every (word-bounded) occurrence of each gold actor's
mention strings inside the body (longest first, no overlaps); entities = the gold actors (type,
affiliation, roles as titles). The quotes are then scored with the matching rule of
``shared/tools/score.py`` (``Scorer.quotes``): a system quote matches a gold quote of the same
kind in the same document when their spans overlap by at least half of the shorter one;
precision, recall, and speaker accuracy over matches. ``--check-with`` also runs that scorer on
an equivalent export and prints its numbers. Also reports the speed of the quote extraction.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from newsgraph.models import Entity, Mention, Span  # noqa: E402
from newsgraph.quotes.extract import extract_quotes  # noqa: E402
from newsgraph.text.util import doc_id, paragraphs  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"


def occurrences(text: str, s: str, word: bool = True) -> list[tuple[int, int]]:
    """Exactly as ``score.py``: word-bounded matches, else plain matches."""
    if not s:
        return []
    pat = re.escape(s)
    if word:
        pat = r"(?<!\w)" + pat + r"(?!\w)"
    out = [(m.start(), m.end()) for m in re.finditer(pat, text)]
    if not out and word:
        return occurrences(text, s, word=False)
    return out


def body_spans(text: str, excludes: list[str]) -> list[Span]:
    cut = sorted(sp for s in excludes for sp in occurrences(text, s, word=False)[:1])
    spans, pos = [], 0
    for a, b in cut:
        if a > pos:
            spans.append(Span(pos, a))
        pos = max(pos, b)
    if pos < len(text):
        spans.append(Span(pos, len(text)))
    return spans


def body_paragraphs(text: str, body: list[Span]) -> list[Span]:
    out = []
    for p in paragraphs(text):
        for b in body:
            s, e = max(p.start, b.start), min(p.end, b.end)
            if e > s and text[s:e].strip():
                seg = text[s:e]
                s2 = s + len(seg) - len(seg.lstrip())
                e2 = e - (len(seg) - len(seg.rstrip()))
                out.append(Span(s2, e2))
    return out


def gold_inputs(gold: dict, text: str, body: list[Span]) -> tuple[list[Mention], list[Entity]]:
    cands = []
    for a in gold.get("actors", []):
        for s in a.get("mentions", []):
            for st, en in occurrences(text, s):
                if any(b.start <= st and en <= b.end for b in body):
                    cands.append((st, en, a["id"], a["type"]))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int]] = []
    mentions = []
    for st, en, aid, typ in cands:
        if any(st < b and a < en for a, b in taken):
            continue
        taken.append((st, en))
        mentions.append(Mention(st, en, text[st:en], aid, "name", typ))
    mentions.sort(key=lambda m: m.start)
    entities = [
        Entity(
            a["id"],
            a["type"],
            a.get("canonical_name") or a["id"],
            titles=list(a.get("roles") or []),
            affiliation=a.get("affiliation"),
        )
        for a in gold.get("actors", [])
    ]
    return mentions, entities


def score(
    gold_q: list[tuple[str, tuple[int, int], str | None]],
    sys_q: list[tuple[str, tuple[int, int], str | None]],
) -> dict:
    """``Scorer.quotes`` for one kind (gold/system items: (file, (start, end), speaker))."""
    used: set[int] = set()
    matched = spk_ok = 0
    errors: list[str] = []
    for fn, sp, spk in gold_q:
        best = None
        for i, (sfn, ssp, _) in enumerate(sys_q):
            if sfn != fn or i in used:
                continue
            o = max(0, min(sp[1], ssp[1]) - max(sp[0], ssp[0]))
            short = min(sp[1] - sp[0], ssp[1] - ssp[0]) or 1
            if o >= 0.5 * short and (best is None or o > best[0]):
                best = (o, i)
        if best:
            used.add(best[1])
            matched += 1
            if sys_q[best[1]][2] is not None and sys_q[best[1]][2] == spk:
                spk_ok += 1
            else:
                errors.append(f"speaker {fn} {sp} gold={spk} sys={sys_q[best[1]][2]}")
        else:
            errors.append(f"missed  {fn} {sp} gold={spk}")
    ok = 0
    for sfn, ssp, sspk in sys_q:
        if not any(
            fn == sfn
            and max(0, min(sp[1], ssp[1]) - max(sp[0], ssp[0]))
            >= 0.5 * (min(sp[1] - sp[0], ssp[1] - ssp[0]) or 1)
            for fn, sp, _ in gold_q
        ):
            errors.append(f"false+  {sfn} {ssp} sys={sspk}")
        if any(
            fn == sfn
            and max(0, min(sp[1], ssp[1]) - max(sp[0], ssp[0]))
            >= 0.5 * (min(sp[1] - sp[0], ssp[1] - ssp[0]) or 1)
            for fn, sp, _ in gold_q
        ):
            ok += 1

    def r(n: int, d: int) -> float:
        return n / d if d else float("nan")

    return {
        "precision": r(ok, len(sys_q)),
        "recall": r(matched, len(gold_q)),
        "speaker_acc": r(spk_ok, matched),
        "gold": len(gold_q),
        "sys": len(sys_q),
        "matched": matched,
        "errors": errors,
    }


def gold_quotes(g: dict, text: str, kind: str, fn: str) -> list:
    out = []
    for q in g.get("quotes", []):
        if q.get("kind") != kind:
            continue
        occ = occurrences(text, q["text"], word=False)
        ev = occurrences(text, q.get("evidence") or "", word=False)
        inside = [o for o in occ if any(e[0] <= o[0] and o[1] <= e[1] for e in ev)]
        if occ:
            out.append((fn, (inside or occ)[0], q.get("speaker")))
    return out


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    check = None
    if "--check-with" in argv:
        check = argv[argv.index("--check-with") + 1]
        args = [a for a in args if a != check]
    gold_dir = Path(args[0]) if args else SHARED / "gold"
    corpus = Path(args[1]) if len(args) > 1 else SHARED / "corpus" / "seeds"
    show = "--show" in argv
    golds, systems = {"direct": [], "indirect": []}, {"direct": [], "indirect": []}
    export = {"documents": [], "mentions": [], "quotes": [], "actors": []}
    words = 0
    elapsed = 0.0
    extract_quotes("“Warm up,” he said.")  # load the lexicon outside the timing
    for gp in sorted(gold_dir.glob("*.json")):
        g = json.loads(gp.read_text(encoding="utf-8"))
        fn = g["doc"]
        text = (corpus / fn).read_text(encoding="utf-8")
        body = body_spans(text, g.get("body_excludes", []))
        paras = body_paragraphs(text, body)
        mentions, entities = gold_inputs(g, text, body)
        t0 = time.perf_counter()
        quotes = extract_quotes(
            text, doc_id=fn, paragraphs=paras, mentions=mentions, entities=entities, body_spans=body
        )
        elapsed += time.perf_counter() - t0
        words += sum(len(text[p.start : p.end].split()) for p in paras)
        did = doc_id(text)
        export["documents"].append({"id": did, "file_name": fn, "body_spans": [list(b) for b in body]})
        export["mentions"] += [
            {"doc": did, "start": m.start, "end": m.end, "actor": m.entity} for m in mentions
        ]
        for q in quotes:
            export["quotes"].append(
                {
                    "id": q.id,
                    "doc": did,
                    "kind": q.kind,
                    "start": q.start,
                    "end": q.end,
                    "speaker": q.speaker,
                    "text": q.text,
                }
            )
        for kind in golds:
            golds[kind] += gold_quotes(g, text, kind, fn)
            systems[kind] += [(fn, (q.start, q.end), q.speaker) for q in quotes if q.kind == kind]
        if show:
            print(f"==== {fn}")
            for q in quotes:
                t = q.text if len(q.text) < 110 else q.text[:60] + " … " + q.text[-40:]
                print(f"  {q.kind[:3]} {q.speaker or '-':22} {q.cue or '-':12} {q.confidence:.2f} | {t}")
    res = {kind: score(golds[kind], systems[kind]) for kind in golds}
    res["speed_words_per_s"] = words / elapsed if elapsed else float("inf")
    if "--json" in argv:
        print(json.dumps(res, indent=1))
    else:
        for kind in ("direct", "indirect"):
            r = res[kind]
            print(
                f"{kind:8}  P={r['precision']:.3f}  R={r['recall']:.3f}  speaker_acc={r['speaker_acc']:.3f}  "
                f"(gold={r['gold']} sys={r['sys']} matched={r['matched']})"
            )
        print(f"speed: {res['speed_words_per_s']:,.0f} words/s ({words} body words, {elapsed * 1000:.1f} ms)")
        if "--errors" in argv:
            texts = {
                g: (corpus / g).read_text(encoding="utf-8") for g in {fn for fn, _, _ in golds["direct"]}
            }
            for kind in ("direct", "indirect"):
                for err in res[kind]["errors"]:
                    m = re.search(r"(\S+) \((\d+), (\d+)\)", err)
                    snippet = texts[m.group(1)][int(m.group(2)) : int(m.group(3))]
                    print(f"  {kind[:3]} {err} | {snippet[:90]!r}")
    if check:
        spec = importlib.util.spec_from_file_location("ng_score", check)
        assert spec and spec.loader
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        sc = mod.Scorer(export, gold_dir, corpus, None)
        for k, v in sc.quotes().items():
            print(f"score.py {k}: {v:.3f}" if isinstance(v, float) else f"score.py {k}: {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
