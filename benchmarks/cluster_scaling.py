"""Cross-document event clustering time at 1k, 10k and 50k synthetic events.

Synthetic reports: a pool of actors (states with ministers), events of a few types between random
pairs on random days of one year, each real event reported 1-4 times in different documents with
the participants named at different levels (minister or state) and a third of the dates
inherited; a tenth undated. Prints events, clusters, seconds and microseconds per event: the last
column stays roughly flat when growth is near-linear (blocking by type and actor pair, then by
date bucket; no all-pairs comparison).

    python benchmarks/cluster_scaling.py [--sizes 1000 10000 50000] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import time
from typing import Any

from newsgraph.linking.clusters import cluster_records

TYPES = ("CONSULT", "ACCUSE", "SUPPORT", "REQUEST", "REJECT")


def synth(n: int, seed: int = 0) -> tuple[list[dict[str, Any]], dict[tuple[str, str], str], dict[str, str]]:
    rnd = random.Random(seed)
    n_states = max(20, int(n**0.5))
    states = [f"S{i}" for i in range(n_states)]
    aff = {f"M{i}": f"S{i}" for i in range(n_states)}
    records: list[dict[str, Any]] = []
    amap: dict[tuple[str, str], str] = {}
    k = 0
    day0 = dt.date(2024, 1, 1)
    while len(records) < n:
        a, b = rnd.sample(range(n_states), 2)
        typ = rnd.choice(TYPES)
        day = (day0 + dt.timedelta(days=rnd.randrange(366))).isoformat()
        for _ in range(rnd.randint(1, 4)):
            doc = f"d{rnd.randrange(n)}"
            src = [f"M{a}" if rnd.random() < 0.5 else states[a]]
            tgt = [f"M{b}" if rnd.random() < 0.5 else states[b]]
            for x in src + tgt:
                amap[(doc, x)] = x
            undated = rnd.random() < 0.1
            records.append(
                {
                    "id": f"e{k}",
                    "doc": doc,
                    "type": typ,
                    "mode": "meeting",
                    "source": src,
                    "target": tgt,
                    "date": None if undated else day,
                    "date_precision": "day",
                    "date_fallback": False,
                    "date_text": None if rnd.random() < 0.33 else "on Friday",
                    "negated": False,
                    "hypothetical": False,
                    "location": None,
                }
            )
            k += 1
    return records[:n], amap, aff


def run(sizes: list[int]) -> list[dict[str, Any]]:
    out = []
    for n in sizes:
        recs, amap, aff = synth(n)
        t0 = time.perf_counter()
        cl = cluster_records(recs, amap, aff)
        secs = time.perf_counter() - t0
        out.append(
            {
                "events": n,
                "clusters": len(set(cl.values())),
                "seconds": round(secs, 3),
                "us_per_event": round(secs / n * 1e6, 1),
            }
        )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    res = run(args.sizes)
    if args.json:
        print(json.dumps(res, indent=1))
        return
    print(f"{'events':>8} {'clusters':>9} {'seconds':>8} {'us/event':>9}")
    for r in res:
        print(f"{r['events']:>8} {r['clusters']:>9} {r['seconds']:>8} {r['us_per_event']:>9}")


if __name__ == "__main__":
    main()
