"""Scores a store against gold annotations with the metrics of DESIGN.md.

Gold format: one JSON per article (``doc`` = file name, ``body_excludes``, ``actors``,
``events``, ``quotes``; every text field verbatim from the article). The matching rules
follow the reference scorer ``shared/tools/score.py`` exactly (a test checks that both
give the same numbers); tasks with no system output are reported as "not built".
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsgraph.errors import ConfigError, err
from newsgraph.store import Store

Range = tuple[int, int]
NAN = float("nan")


def find_all(text: str, s: str, word: bool = True) -> list[Range]:
    """Occurrences of ``s`` in ``text`` (whole words first, any position as a fallback)."""
    if not s:
        return []
    pat = re.escape(s)
    if word:
        pat = r"(?<!\w)" + pat + r"(?!\w)"
    found = [(m.start(), m.end()) for m in re.finditer(pat, text)]
    return found if found or not word else find_all(text, s, word=False)


def overlap(a: Range, b: Range) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def jaccard(a: Range, b: Range) -> float:
    o = overlap(a, b)
    return o / (max(a[1], b[1]) - min(a[0], b[0])) if o else 0.0


def _ratio(n: int, d: int) -> float:
    return n / d if d else NAN


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


class GoldScorer:
    """Scores one export (``newsgraph.export/1`` dict) against gold files and their texts."""

    def __init__(
        self, export: dict[str, Any], gold: dict[str, dict[str, Any]], texts: dict[str, str]
    ) -> None:
        self.export, self.gold, self.text = export, gold, texts
        self.sysdoc = {}
        for d in export.get("documents", []):
            fn = d.get("file_name") or Path(d.get("path") or "").name
            if fn in gold:
                self.sysdoc[fn] = d
        self.doc_name = {d["id"]: fn for fn, d in self.sysdoc.items()}
        self.mentions: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for m in export.get("mentions", []):
            fn = self.doc_name.get(m.get("doc"))
            if fn:
                self.mentions[fn].append((m["start"], m["end"], m["actor"]))
        self.gold_spans = {fn: self._gold_spans(fn) for fn in gold}
        self.sys2gold = self._map_actors()

    def _gold_spans(self, fn: str) -> list[tuple[int, int, str, str]]:
        return [
            (s, e, a["id"], surf)
            for a in self.gold[fn].get("actors", [])
            for surf in a.get("mentions", [])
            for s, e in find_all(self.text[fn], surf)
        ]

    def _map_actors(self) -> dict[str, str]:
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        for fn in self.gold:
            for s, e, sa in self.mentions[fn]:
                best: tuple[float, str] | None = None
                for gs, ge, gid, _ in self.gold_spans[fn]:
                    j = jaccard((s, e), (gs, ge))
                    if j and (best is None or j > best[0]):
                        best = (j, gid)
                if best:
                    votes[sa][best[1]] += 1
        return {sa: c.most_common(1)[0][0] for sa, c in votes.items()}

    def gold_ids(self, ids: Iterable[str] | None) -> set[str]:
        return {self.sys2gold[i] for i in (ids or []) if i in self.sys2gold}

    # ---- tasks -----------------------------------------------------------------
    def body(self) -> dict[str, float]:
        ex_ok = ex_n = keep_in = keep_n = 0
        for fn, g in self.gold.items():
            text = self.text[fn]
            spans = [tuple(x) for x in (self.sysdoc.get(fn) or {}).get("body_spans", [])]
            masked = bytearray(len(text))
            for s in g.get("body_excludes", []):
                for sp in find_all(text, s, word=False)[:1]:
                    ex_n += 1
                    if sum(overlap(sp, b) for b in spans) <= 0.1 * (sp[1] - sp[0]):
                        ex_ok += 1
                    masked[sp[0] : sp[1]] = b"\x01" * (sp[1] - sp[0])
            inbody = bytearray(len(text))
            for a, b in spans:
                a, b = max(0, a), min(len(text), b)
                if b > a:
                    inbody[a:b] = b"\x01" * (b - a)
            for i, ch in enumerate(text):
                if masked[i] or ch.isspace():
                    continue
                keep_n += 1
                keep_in += inbody[i]
        return {"body.exclude_recall": _ratio(ex_ok, ex_n), "body.keep": _ratio(keep_in, keep_n)}

    def actors(self) -> dict[str, Any]:
        found = total = sys_pairs = sys_ok = 0
        items: list[tuple[str, str]] = []
        missed: list[str] = []
        for fn, g in self.gold.items():
            gs, ms = self.gold_spans[fn], self.mentions[fn]
            for a in g.get("actors", []):
                spans = [(s, e) for s, e, gid, _ in gs if gid == a["id"]]
                if not spans:
                    continue
                total += 1
                if any(overlap((s, e), sp) for sp in spans for s, e, _ in ms):
                    found += 1
                else:
                    missed.append(f"{fn[:3]}:{a['id']}")
            by_sys: dict[str, list[Range]] = defaultdict(list)
            for s, e, sa in ms:
                by_sys[sa].append((s, e))
            for spans in by_sys.values():
                sys_pairs += 1
                sys_ok += any(overlap(sp, (s, e)) for sp in spans for s, e, _, _ in gs)
            seen: set[tuple[str, str]] = set()
            for s, e, gid, surf in gs:
                if (surf, gid) in seen:
                    continue
                best = max(((jaccard((s, e), (a, b)), sa) for a, b, sa in ms), default=(0.0, None))
                if best[0] > 0:
                    seen.add((surf, gid))
                    items.append((gid, best[1]))  # type: ignore[arg-type]
        bp = br = 0.0
        for gi, si in items:
            same_s = [x for x in items if x[1] == si]
            same_g = [x for x in items if x[0] == gi]
            bp += sum(1 for x in same_s if x[0] == gi) / len(same_s)
            br += sum(1 for x in same_g if x[1] == si) / len(same_g)
        n = len(items)
        p, r = (bp / n, br / n) if n else (NAN, NAN)
        return {
            "actors.recall": _ratio(found, total),
            "actors.precision": _ratio(sys_ok, sys_pairs),
            "actors.alias_bcubed_p": p,
            "actors.alias_bcubed_r": r,
            "actors.alias_bcubed_f1": _f1(p, r) if n else NAN,
            "_actors.missed": missed,
        }

    def quotes(self) -> dict[str, Any]:
        res: dict[str, Any] = {}
        for kind in ("direct", "indirect"):
            gold = []
            for fn, g in self.gold.items():
                for q in g.get("quotes", []):
                    if q.get("kind") != kind:
                        continue
                    occ = find_all(self.text[fn], q["text"], word=False)
                    ev = find_all(self.text[fn], q.get("evidence") or "", word=False)
                    inside = [o for o in occ if any(e[0] <= o[0] and o[1] <= e[1] for e in ev)]
                    if occ:
                        gold.append((fn, (inside or occ)[0], q.get("speaker")))
            sysq = [
                (self.doc_name[q["doc"]], (q["start"], q["end"]), q.get("speaker"))
                for q in self.export.get("quotes", [])
                if q.get("doc") in self.doc_name and q.get("kind") == kind
            ]

            def close(a: Range, b: Range) -> bool:
                return overlap(a, b) >= 0.5 * (min(a[1] - a[0], b[1] - b[0]) or 1)

            used: set[int] = set()
            matched = spk_ok = 0
            for fn, sp, spk in gold:
                best: tuple[int, int] | None = None
                for i, (sfn, ssp, _) in enumerate(sysq):
                    if sfn != fn or i in used:
                        continue
                    o = overlap(sp, ssp)
                    if close(sp, ssp) and (best is None or o > best[0]):
                        best = (o, i)
                if best:
                    used.add(best[1])
                    matched += 1
                    sspk = sysq[best[1]][2]
                    spk_ok += sspk is not None and self.sys2gold.get(sspk) == spk
            ok = sum(1 for sfn, ssp, _ in sysq if any(fn == sfn and close(sp, ssp) for fn, sp, _ in gold))
            res[f"quotes.{kind}.precision"] = _ratio(ok, len(sysq))
            res[f"quotes.{kind}.recall"] = _ratio(matched, len(gold))
            res[f"quotes.{kind}.speaker_acc"] = _ratio(spk_ok, matched)
            res[f"_quotes.{kind}.counts"] = f"gold={len(gold)} sys={len(sysq)} matched={matched}"
        return res

    def _event_match(self, fn: str, gev: dict[str, Any], sfn: str, sev: dict[str, Any]) -> bool:
        if fn != sfn or gev["type"] != sev.get("type"):
            return False
        gs, gt = set(gev.get("source") or []), set(gev.get("target") or [])
        ss, st = self.gold_ids(sev.get("source")), self.gold_ids(sev.get("target"))
        if gev["type"] == "CONSULT":
            part = ss | st
            return bool(part & gs) and bool(part & gt)
        return bool(ss & gs) and bool(st & gt)

    def events(self) -> dict[str, Any]:
        gold = [(fn, ev) for fn, g in self.gold.items() for ev in g.get("events", [])]
        sysev = []
        for ev in self.export.get("events", []):
            fn = self.doc_name.get((ev.get("evidence") or {}).get("doc") or ev.get("doc"))
            if fn:
                sysev.append((fn, ev))
        return self._event_scores(gold, sysev, self._assign_events(gold, sysev))

    def _assign_events(
        self, gold: list[tuple[str, dict[str, Any]]], sysev: list[tuple[str, dict[str, Any]]]
    ) -> dict[int, list[dict[str, Any]]]:
        """Each matching system event goes to the gold event whose evidence it overlaps most
        (then the one sharing most participants)."""
        gold_span = []
        for fn, gev in gold:
            occ = find_all(self.text[fn], gev.get("evidence") or "", word=False)
            gold_span.append(occ[0] if occ else (0, 0))
        assigned: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for sfn, sev in sysev:
            cands = [i for i, (fn, gev) in enumerate(gold) if self._event_match(fn, gev, sfn, sev)]
            if not cands:
                continue
            ev = sev.get("evidence") or {}
            sp = (ev.get("start", 0), ev.get("end", 0))
            part = self.gold_ids(sev.get("source")) | self.gold_ids(sev.get("target"))

            def key(i: int, sp: Range = sp, part: set[str] = part) -> tuple[int, float]:
                g = gold[i][1]
                gp = set(g.get("source") or []) | set(g.get("target") or [])
                return (overlap(sp, gold_span[i]), len(part & gp) / (len(part | gp) or 1))

            assigned[max(cands, key=key)].append(sev)
        return assigned

    def _event_scores(
        self,
        gold: list[tuple[str, dict[str, Any]]],
        sysev: list[tuple[str, dict[str, Any]]],
        assigned: dict[int, list[dict[str, Any]]],
    ) -> dict[str, Any]:
        matched = date_ok = date_n = flag_ok = flag_n = 0
        by_type: Counter[str] = Counter()
        hit_type: Counter[str] = Counter()
        per_gold_clusters = []
        for i, (fn, gev) in enumerate(gold):
            by_type[gev["type"]] += 1
            hits = assigned.get(i) or [sev for sfn, sev in sysev if self._event_match(fn, gev, sfn, sev)]
            if not hits:
                continue
            matched += 1
            hit_type[gev["type"]] += 1
            if assigned.get(i):
                per_gold_clusters.append(len({h.get("cluster") for h in assigned[i]}))
            if gev.get("date"):
                date_n += 1
                date_ok += any((h.get("date") or "").startswith(gev["date"]) for h in hits)
            flag_n += 1
            gflag = bool(gev.get("negated_or_hypothetical"))
            flag_ok += any(bool(h.get("negated") or h.get("hypothetical")) == gflag for h in hits)
        ok = sum(1 for sfn, sev in sysev if any(self._event_match(fn, gev, sfn, sev) for fn, gev in gold))
        p, r = _ratio(ok, len(sysev)), _ratio(matched, len(gold))
        return {
            "events.precision": p,
            "events.recall": r,
            "events.f1": _f1(p, r) if sysev and gold else NAN,
            "events.date_acc": _ratio(date_ok, date_n),
            "events.flag_acc": _ratio(flag_ok, flag_n),
            "events.consult_recall": _ratio(hit_type["CONSULT"], by_type["CONSULT"]),
            "events.one_cluster_per_event": _ratio(
                sum(1 for c in per_gold_clusters if c == 1), len(per_gold_clusters)
            ),
            "_events.counts": f"gold={len(gold)} sys={len(sysev)} matched={matched} "
            + " ".join(f"{t}:{hit_type[t]}/{n}" for t, n in sorted(by_type.items())),
        }

    def all(self) -> dict[str, Any]:
        out: dict[str, Any] = {"docs.found": _ratio(len(self.sysdoc), len(self.gold))}
        for part in (self.body, self.actors, self.quotes, self.events):
            out.update(part())
        return out


def load_gold(gold_dir: Path) -> dict[str, dict[str, Any]]:
    if not gold_dir.is_dir():
        raise ConfigError(*err("NG050", path=gold_dir, reason="not a folder"))
    gold = {}
    for p in sorted(gold_dir.glob("*.json")):
        try:
            g = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            raise ConfigError(*err("NG050", path=gold_dir, reason=f"{p.name}: {e}")) from e
        if isinstance(g, dict) and "doc" in g:
            gold[g["doc"]] = g
    if not gold:
        raise ConfigError(*err("NG050", path=gold_dir, reason="no gold JSON files (with a 'doc' key) in it"))
    return gold


def score_export(
    export: dict[str, Any],
    gold_dir: Path,
    corpus_dir: Path | None,
    stored_texts: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Score an export dict. Texts come from ``corpus_dir`` or else ``stored_texts`` (file name -> text)."""
    gold = load_gold(gold_dir)
    texts: dict[str, str] = {}
    for name in list(gold):
        if corpus_dir is not None and (corpus_dir / name).is_file():
            texts[name] = (corpus_dir / name).read_text(encoding="utf-8")
        elif stored_texts and name in stored_texts:
            texts[name] = stored_texts[name]
        else:
            del gold[name]  # the article is neither in the corpus folder nor in the store
    if not gold:
        raise ConfigError(
            *err("NG050", path=gold_dir, reason="none of its articles is in the store or corpus")
        )
    res = GoldScorer(export, gold, texts).all()
    res["_gold_documents"] = len(gold)
    return res


def evaluate(store: Store, gold_dir: Path, corpus_dir: Path | None = None) -> dict[str, Any]:
    """Score the store's contents against ``gold_dir``; tasks with no output are marked not built."""
    from newsgraph.export.json import export_dict
    from newsgraph.queries.dump import document_texts
    from newsgraph.queries.modality import EVERYTHING

    export = export_dict(store, EVERYTHING)  # every event, with the flags the scorer checks
    res = score_export(export, gold_dir, corpus_dir, document_texts(store))
    res["_not_built"] = [
        task
        for task, key in (("actors", "mentions"), ("quotes", "quotes"), ("events", "events"))
        if not export.get(key)
    ]
    return res


TASKS = ("docs", "body", "actors", "quotes", "events")


def format_tables(res: dict[str, Any]) -> str:
    lines: list[str] = [f"gold documents scored: {res.get('_gold_documents', '?')}"]
    not_built = set(res.get("_not_built", []))
    for task in TASKS:
        lines.append("")
        lines.append(f"== {task} ==")
        if task in not_built:
            lines.append("  not built (the store has no output for this task yet)")
            continue
        for k, v in res.items():
            if k.split(".")[0] != task:
                continue
            val = (
                "n/a" if isinstance(v, float) and math.isnan(v) else f"{v:.3f}" if isinstance(v, float) else v
            )
            lines.append(f"  {k[len(task) + 1 :]:<28} {val}")
        for k, v in res.items():
            if k.startswith(f"_{task}.") and v:
                lines.append(f"  {k[len(task) + 2 :]:<28} {v if isinstance(v, str) else ', '.join(v)}")
    return "\n".join(lines)
