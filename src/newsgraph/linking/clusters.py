"""Event clustering, v2: one cluster per real event, within and across documents.

Two event reports are the same real event when they have the same type (for CONSULT also the same kind:
visit, meeting/phone, mediation; hosting a guest is a meeting), the same negation/hypothetical flags,
compatible places, compatible dates (two stories' reports need a day each, or a date of their
own: a document's month or year ties no two stories together), and overlapping participants: the
actors of one side overlap directly and those of the other side overlap directly or one is what
the other belongs to (a minister and their state; for CONSULT, which has no direction and is
counted both ways round, also two members of one delegation or government). Dates: two explicit
days must be the same day; a fallback (document) date may be a day off, a date inherited from the
context (no date expression of its own) two days; a month or year contains its days. Undated
reports, and those dated only by a month or year they do not state (their document's, or one inherited
from the context), join only reports of the same story (the same document or its near-duplicates).

Blocking keeps this near-linear: a report is indexed under (type, kind, flags, source actor,
target actor) for its (expanded) actor pairs and, inside a block, by day, month or year; it is
compared only with the cluster representatives of the neighbouring date buckets (at most
:data:`MAX_CANDIDATES` each), never with all reports. Union-find merges.

Divergent accounts: :mod:`newsgraph.linking.accounts`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from newsgraph.actors.facts import bundled_kb, is_media
from newsgraph.linking.accounts import contested, divergent_accounts, scope_ends
from newsgraph.linking.context import LinkContext
from newsgraph.store.derived import event_actor_rows
from newsgraph.text.dates import date_range
from newsgraph.text.util import short_hash

MAX_CANDIDATES = 30
#: the CAMEO code of hosting a visit
HOSTED = "043"
#: days two reports may differ when one date is inherited from context ("during the visit they met")
INHERITED_TOLERANCE = 2


Window = tuple[dt.date, dt.date] | None


def _window(rec: Mapping[str, Any]) -> Window:
    """The days a report's date allows: its range, widened where the date is approximate (a
    document date by a day, a date inherited from the context by :data:`INHERITED_TOLERANCE`)."""
    d = rec.get("date")
    r = date_range(d) if d else None
    if r is None:
        return None
    slack = 1 if rec.get("date_fallback") else 0 if rec.get("date_text") else INHERITED_TOLERANCE
    return r[0] - dt.timedelta(days=slack), r[1] + dt.timedelta(days=slack)


def _meet(a: Window, b: Window) -> Window:
    """The dates two windows share (latest start, earliest end), or None where either is undated."""
    if a is None or b is None:
        return a or b
    return max(a[0], b[0]), min(a[1], b[1])


def _fits(w: Window) -> bool:
    return w is None or w[0] <= w[1]


class _UF:
    """Union-find whose clusters keep the dates all their reports share: a report dated only by
    month joins a day's cluster but cannot bridge two clusters of different days."""

    def __init__(self, windows: Sequence[Window]) -> None:
        self.p = list(range(len(windows)))
        self.w = list(windows)

    def joinable(self, a: int, b: int) -> bool:
        return _fits(_meet(self.w[self.find(a)], self.w[self.find(b)]))

    def find(self, a: int) -> int:
        while self.p[a] != a:
            self.p[a] = self.p[self.p[a]]
            a = self.p[a]
        return a

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)
            self.w[min(ra, rb)] = _meet(self.w[ra], self.w[rb])


def _kind(rec: Mapping[str, Any]) -> str:
    """A CONSULT's kind: a trip, a mediation or a meeting. Hosting a guest (CAMEO 043, "the minister
    received the delegation") is meeting them: the same event as the talks they held."""
    if rec["type"] != "CONSULT":
        return ""
    mode = rec.get("mode") or ""
    if mode == "visit" and rec.get("cameo") == HOSTED:
        return "meeting"
    return mode if mode in ("visit", "mediation") else "meeting"


def _dates_ok(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    da, db = a.get("date"), b.get("date")
    if not da or not db:
        return True
    ra, rb = date_range(da), date_range(db)
    if ra is None or rb is None:
        return False
    gap = max((rb[0] - ra[1]).days, (ra[0] - rb[1]).days, 0)
    if len(da) < 10 or len(db) < 10:
        return gap == 0  # a month or a year contains its days (the tolerances are a day's: September
        # 30 is one day from October, but a report of September is no report of October)
    if a.get("date_fallback") or b.get("date_fallback"):
        return gap <= 1
    if not a.get("date_text") or not b.get("date_text"):
        return gap <= INHERITED_TOLERANCE  # a date inherited from the context is approximate
    return gap == 0


class _Prepared:
    """A report with global actor sets."""

    __slots__ = ("i", "rec", "src", "tgt", "xsrc", "xtgt", "story", "loc", "flags", "kind")

    def __init__(
        self,
        i: int,
        rec: Mapping[str, Any],
        amap: Mapping[tuple[str, str], str],
        aff: Mapping[str, str | None],
        story: str,
    ) -> None:
        doc = rec["doc"]
        self.i, self.rec, self.story = i, rec, story
        self.src = frozenset(a for a in (amap.get((doc, x)) for x in rec.get("source") or []) if a)
        self.tgt = frozenset(a for a in (amap.get((doc, x)) for x in rec.get("target") or []) if a) - self.src
        self.xsrc = self.src | {aff[a] for a in self.src if aff.get(a)}
        self.xtgt = self.tgt | {aff[a] for a in self.tgt if aff.get(a)}
        loc = rec.get("location")
        self.loc = amap.get((doc, loc)) if loc else None
        self.flags = (bool(rec.get("negated")), bool(rec.get("hypothetical")))
        self.kind = _kind(rec)


def _sides_ok(a: _Prepared, b: _Prepared, symmetric: bool) -> bool:
    def one(
        s1: frozenset[str],
        t1: frozenset[str],
        xs1: frozenset[str],
        xt1: frozenset[str],
        s2: frozenset[str],
        t2: frozenset[str],
        xs2: frozenset[str],
        xt2: frozenset[str],
    ) -> bool:
        if symmetric:  # a meeting: its delegations' members all stand for their side
            return bool((s1 & s2 and xt1 & xt2) or (t1 & t2 and xs1 & xs2))
        # any other act: the other side's actors overlap directly or one is what the other belongs to
        # (a minister and their state), never two that merely share a state (a judge and a senator)
        return bool((s1 & s2 and (t1 & xt2 or xt1 & t2)) or (t1 & t2 and (s1 & xs2 or xs1 & s2)))

    fw = one(
        a.src, a.tgt, frozenset(a.xsrc), frozenset(a.xtgt), b.src, b.tgt, frozenset(b.xsrc), frozenset(b.xtgt)
    )
    if fw or not symmetric:
        return fw
    return one(
        a.src, a.tgt, frozenset(a.xsrc), frozenset(a.xtgt), b.tgt, b.src, frozenset(b.xtgt), frozenset(b.xsrc)
    )


def same_event(a: _Prepared, b: _Prepared) -> bool:
    if a.rec["type"] != b.rec["type"] or a.kind != b.kind or a.flags != b.flags:
        return False
    if a.loc and b.loc and a.loc != b.loc:
        return False
    if a.story != b.story and (_vague(a.rec) or _vague(b.rec)):
        return False
    if not _dates_ok(a.rec, b.rec):
        return False
    return _sides_ok(a, b, a.rec["type"] == "CONSULT")


def _vague(rec: Mapping[str, Any]) -> bool:
    """No date, or only a month or year its clause does not state (its document's, or one inherited from
    the context): too vague to tie two stories together (two reports of October from two roundups are
    not one event for sharing a month and a side)."""
    d = rec.get("date") or ""
    return not d or ((bool(rec.get("date_fallback")) or not rec.get("date_text")) and len(d) < 10)


def _buckets(rec: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    """(buckets this report is indexed under, buckets it looks in)."""
    d = rec.get("date") or ""
    if len(d) == 10:
        r = date_range(d)
        if r is None:
            return [], []
        near = [
            (r[0] + dt.timedelta(days=k)).isoformat()
            for k in range(-INHERITED_TOLERANCE, INHERITED_TOLERANCE + 1)
        ]
        return [d, "m" + d[:7], "y" + d[:4]], near + ["M" + d[:7], "Y" + d[:4]]
    if len(d) == 7:
        return ["m" + d, "M" + d, "y" + d[:4]], ["m" + d, "Y" + d[:4]]
    if len(d) == 4:
        return ["Y" + d, "y" + d], ["y" + d, "Y" + d]
    return [], []


def cluster_records(
    records: Sequence[Mapping[str, Any]],
    actor_map: Mapping[tuple[str, str], str],
    affiliation: Mapping[str, str | None] | None = None,
    story: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Event id -> cluster id for event records (``id, doc, type, mode, source, target, date,
    date_precision, date_fallback, negated, hypothetical, location``; local entity ids mapped to
    global actors by ``actor_map``). ``story`` maps a document to its near-duplicate original."""
    aff = affiliation or {}
    st = story or {}
    records = sorted(records, key=lambda r: (r["doc"], r["id"]))  # the same clusters whatever the store order
    preps = [_Prepared(i, r, actor_map, aff, st.get(r["doc"]) or r["doc"]) for i, r in enumerate(records)]
    uf = _UF([_window(r) for r in records])
    index: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for p in sorted(preps, key=lambda p: (p.rec.get("date") or "9999", p.rec["id"])):
        sym = p.rec["type"] == "CONSULT"
        keys = set()
        for a in p.xsrc:
            for b in p.xtgt:
                if a != b:
                    keys.add((a, b) if not sym or a < b else (b, a))
        own, look = _buckets(p.rec)
        seen: set[int] = set()
        base = (p.rec["type"], p.kind, p.flags)
        for key in sorted(keys):  # a set's order follows the hash seed: sorted, the same every run
            block = base + key
            for bucket in [*look, "doc:" + p.story] if p.rec.get("date") else ["doc:" + p.story]:
                for j in index.get(block + (bucket,), ()):
                    if j in seen or uf.find(p.i) == uf.find(j):
                        continue
                    seen.add(j)
                    if same_event(p, preps[j]) and uf.joinable(p.i, j):
                        uf.union(p.i, j)
            for bucket in [*own, "doc:" + p.story]:
                lst = index[block + (bucket,)]
                root = uf.find(p.i)
                if not any(uf.find(j) == root for j in lst[-3:]):
                    lst.append(p.i)
                    if len(lst) > MAX_CANDIDATES:
                        del lst[0]
    groups: dict[int, list[int]] = defaultdict(list)
    for p in preps:
        groups[uf.find(p.i)].append(p.i)
    out: dict[str, str] = {}
    for members in groups.values():
        cid = "c_" + short_hash(min(records[i]["id"] for i in members))
        for i in members:
            out[records[i]["id"]] = cid
    return out


def cluster_date(members: Sequence[Mapping[str, Any]]) -> str | None:
    """The date of a cluster: the most common date stated by a date expression, else inherited, else a
    fallback; the more precise first."""
    stated = [
        m["date"] for m in members if m.get("date") and m.get("date_text") and not m.get("date_fallback")
    ]
    own = [m["date"] for m in members if m.get("date") and not m.get("date_fallback")]
    pool = stated or own or [m["date"] for m in members if m.get("date")]
    if not pool:
        return None
    c = Counter(pool)
    return max(c, key=lambda d: (len(d), c[d], d))


def cluster_events(ctx: LinkContext) -> None:
    amap = ctx.actor_map()
    aff = {a["id"]: a.get("affiliation") for a in ctx.actors}
    kb = bundled_kb()
    media = frozenset(a["id"] for a in ctx.actors if is_media(a.get("kb_id"), a["type"], a["name"], kb))
    docs = ctx.store.near_duplicates()
    cols = (
        "id",
        "doc",
        "type",
        "mode",
        "cameo",
        "source",
        "target",
        "date",
        "date_precision",
        "date_fallback",
        "date_text",
        "negated",
        "hypothetical",
        "location",
        "start",
        "end",
    )
    records = [{k: ev[k] for k in cols} for ev in ctx.store.iter_events()]
    cluster_of = cluster_records(records, amap, aff, docs)
    ctx.event_actors = event_actor_rows(records, amap, cluster_of)
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        members[cluster_of[r["id"]]].append(r)
    # divergent accounts: only for clusters whose documents hold quotes with a speaker
    cand_docs = {r["doc"] for cid, ms in members.items() for r in ms}
    quotes_by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for q in ctx.store.iter_quotes():
        if q["speaker"] and q["doc"] in cand_docs:
            quotes_by_doc[q["doc"]].append(q)
    texts: dict[str, str] = ctx.store.texts_of(list(quotes_by_doc)) if quotes_by_doc else {}
    scope = scope_ends(texts, [r for r in records if r["doc"] in quotes_by_doc], cluster_of)
    answers = contested([r for r in records if r["doc"] in quotes_by_doc], amap)
    for cid in sorted(members):
        ms = members[cid]
        divergent, accounts = False, []
        qdocs = {m["doc"] for m in ms} & set(quotes_by_doc)
        if qdocs:
            qs = [
                q
                for d in sorted(qdocs)
                for q in sorted(quotes_by_doc[d], key=lambda q: (q["start"], q["id"]))
            ]
            divergent, accounts = divergent_accounts(ms, qs, amap, aff, scope, texts, media, answers)
        ctx.clusters.append(
            {
                "id": cid,
                "type": ms[0]["type"],
                "date": cluster_date(ms),
                "divergent": divergent,
                "n_events": len(ms),
                "n_documents": len({m["doc"] for m in ms}),
            }
        )
        ctx.cluster_events.extend(
            {"cluster": cid, "event": m["id"]} for m in sorted(ms, key=lambda m: m["id"])
        )
        if divergent:
            seen: set[str] = set()
            for a in accounts:
                if a["quote"] not in seen:
                    seen.add(a["quote"])
                    ctx.accounts.append({"cluster": cid, "quote": a["quote"], "speaker": a["speaker"]})
