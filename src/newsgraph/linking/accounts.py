"""Divergent accounts of an event cluster: where two parties' statements about one event differ.

:func:`divergent_accounts`, for clusters of any type: the quotes of each side of an event (speaker on
the source or target side, directly or by affiliation) found in the reporting documents after the
event's report, within :data:`ACCOUNT_WINDOW` characters and before the next report of a meeting or
of an event between other parties (:func:`scope_ends`). The cluster is divergent when both sides
have accounts; the target side answered the source side against it (a :data:`CONTESTING` act of its
own in a reporting document: it denied the claim, accused or threatened in return; or an account of
its own that denies, "we never ...", lexicon ``account_denials``), except for a meeting, whose two
readouts need no answer: without one the two sides' quotes are two stories told side by side (a
sale's two firms, a killer and his victim), not two accounts of one event; the wording shares little
(cosine of content-word counts below :data:`DIVERGENCE_THRESHOLD`, each side saying at least
:data:`MIN_ACCOUNT_WORDS` content words) and the stances differ (one side negative, or one warm and
the other not: VADER valence, see :mod:`newsgraph.events.stance`; of a cooperative act, an
endorsement or an agreement, only one side negative). A report that says the accounts differ
("differed in their focus", "two readouts", "a different account") is enough.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from newsgraph.events.stance import valence
from newsgraph.text import lexicons

#: acts by which the sides come together: their accounts diverge only where one side is negative
COOPERATIVE = frozenset({"SUPPORT", "AGREE", "CONCEDE", "COOPERATE", "AID"})
#: acts by which a side answers the other against it: where the reports tell of none, the sides' quotes
#: are two stories told side by side (a sale's two firms, a killer and his victim), not two accounts of one
CONTESTING = frozenset({"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "COERCE", "ASSAULT"})
DIVERGENCE_THRESHOLD = 0.3
#: how clearly negative (or positive against neutral) the sides' accounts must be to be opposed
OPPOSED_VALENCE = 0.3
#: how far after a report (characters, about three paragraphs) its parties' statements count as accounts
ACCOUNT_WINDOW = 1500
#: content words each side's accounts need before their wording is compared (a quip is no account)
MIN_ACCOUNT_WORDS = 6
#: content words one quote needs to count as an account at all
MIN_QUOTE_WORDS = 3
_DIFFER = re.compile(
    r"\b(?:differ(?:ed|s|ing)?|different\s+(?:accounts?|versions?|stor(?:y|ies)|readouts?|descriptions?)|"
    r"divergen\w*|contradict\w*|conflicting|two\s+readouts|"
    r"two\s+(?:different\s+)?(?:stories|versions|accounts)|on\s+the\s+other\s+hand|by\s+contrast|"
    r"in\s+contrast|however)\b",
    re.IGNORECASE,
)
_STOP = lexicons.words("english.comparison_stopwords")
_DENIALS = lexicons.words("english.account_denials")


def _words(text: str) -> Counter[str]:
    return Counter(w for w in re.findall(r"[a-z][a-z'-]{3,}", text.lower()) if w not in _STOP)


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    return dot / (math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values())))


def divergent_accounts(
    members: Sequence[Mapping[str, Any]],
    quotes: Iterable[Mapping[str, Any]],
    actor_map: Mapping[tuple[str, str], str],
    affiliation: Mapping[str, str | None],
    scope_end: Mapping[str, int],
    texts: Mapping[str, str],
    media: frozenset[str] = frozenset(),
    answers: Mapping[str, set[tuple[str, str]]] | None = None,
) -> tuple[bool, list[dict[str, Any]]]:
    """(divergent, accounts) of one cluster. ``members``: its event records; ``quotes``: quote rows
    of its documents; ``scope_end``: per event id, where its report's context ends in its document;
    ``media``: the news outlets among the actors (they report, they give no side's account);
    ``answers``: per document, the (source, target) actor pairs of its contesting acts (see
    :func:`contested`), when given one side must have answered the other against it (or a report say
    the accounts differ)."""
    side_of: dict[str, str] = {}
    for m in members:
        for side in ("source", "target"):
            for x in m.get(side) or []:
                a = actor_map.get((m["doc"], x))
                if a:
                    side_of.setdefault(a, side)
    # a minister's state or a leader's movement speaks for that side, unless both sides belong to
    # it (Trump and Bolton: no American speaks for either)
    owners: dict[str, set[str]] = defaultdict(set)
    for a, side in side_of.items():
        if affiliation.get(a):
            owners[affiliation[a] or ""].add(side)
    for owner, sides in owners.items():
        if len(sides) == 1 and owner not in side_of:
            side_of[owner] = next(iter(sides))
    starts = defaultdict(list)
    for m in members:
        starts[m["doc"]].append((m["start"], scope_end.get(m["id"], m["end"])))
    accounts: list[dict[str, Any]] = []
    by_side: dict[str, Counter[str]] = {"source": Counter(), "target": Counter()}
    texts_of: dict[str, list[str]] = {"source": [], "target": []}
    cue, denied = False, False
    for q in quotes:
        spans = starts.get(q["doc"])
        if not spans or not q.get("speaker"):
            continue
        if not any(s <= q["start"] < e for s, e in spans):
            continue
        spk = actor_map.get((q["doc"], q["speaker"]))
        words = _words(q["text"])
        if not spk or sum(words.values()) < MIN_QUOTE_WORDS:
            continue  # a fragment ("idea.", "On the issue of guns") is no account
        if spk in media and spk not in side_of:
            continue  # an outlet reporting ("The New York Times reported ...") speaks for no side
        side = side_of.get(spk) or side_of.get(affiliation.get(spk) or "")
        if side is None:
            continue
        accounts.append({"quote": q["id"], "speaker": spk, "side": side})
        denial = {(q.get("cue") or "").lower(), *re.findall(r"[a-z]+", q["text"].lower())} & _DENIALS
        denied = denied or (side == "target" and bool(denial))  # "We never crossed the line"
        by_side[side] += words
        texts_of[side].append(q["text"])
    for m in members:  # a report that says the accounts differ, in its own sentence
        if _DIFFER.search(texts.get(m["doc"], "")[m["start"] : m["end"]]):
            cue = True
    sides = {a["side"] for a in accounts}
    if len(sides) < 2:
        return False, accounts
    if cue:
        return True, accounts
    if answers is not None and members[0]["type"] != "CONSULT":  # (a meeting's two readouts need none)
        if not denied and not _answered(side_of, {m["doc"] for m in members}, answers):
            return False, accounts
    if min(sum(by_side["source"].values()), sum(by_side["target"].values())) < MIN_ACCOUNT_WORDS:
        return False, accounts
    if _cosine(by_side["source"], by_side["target"]) >= DIVERGENCE_THRESHOLD:
        return False, accounts
    return _opposed(texts_of, members[0]["type"] in COOPERATIVE), accounts


def contested(
    records: Iterable[Mapping[str, Any]], actor_map: Mapping[tuple[str, str], str]
) -> dict[str, set[tuple[str, str]]]:
    """Per document, the (source, target) actor pairs of its contesting acts that took place (not
    negated, not hypothetical): an accusation, a denial, a threat, an attack... of one actor on another."""
    out: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for r in records:
        if r["type"] not in CONTESTING or r.get("negated") or r.get("hypothetical"):
            continue
        for s in r.get("source") or ():
            for t in r.get("target") or ():
                a, b = actor_map.get((r["doc"], s)), actor_map.get((r["doc"], t))
                if a and b:
                    out[r["doc"]].add((a, b))
    return out


def _answered(
    side_of: Mapping[str, str], docs: set[str], answers: Mapping[str, set[tuple[str, str]]]
) -> bool:
    """A contesting act of the cluster's target side on its source side in one of its documents: Y
    denied X's claim, Y accused X in return, Y threatened X over the attack."""
    pairs = set().union(*(answers.get(d, set()) for d in docs))
    return any(side_of.get(a) == "target" and side_of.get(b) == "source" for a, b in pairs)


def _opposed(texts_of: Mapping[str, list[str]], cooperative: bool = False) -> bool:
    """Two sides whose words differ also differ in stance: one side negative, or one positive and the
    other not (two warm statements in different words are no divergence). Of a cooperative act (an
    endorsement, an agreement) the sides differ only where one speaks against it: one warm and one
    plain account of an endorsement agree."""
    v = {side: valence(" ".join(ts)) for side, ts in texts_of.items()}
    low, high = min(v.values()), max(v.values())
    warm_and_plain = high >= OPPOSED_VALENCE and low < OPPOSED_VALENCE / 2 and not cooperative
    return low <= -OPPOSED_VALENCE or warm_and_plain


def scope_ends(
    texts: Mapping[str, str], evs: Sequence[Mapping[str, Any]], cluster_of: Mapping[str, str]
) -> dict[str, int]:
    """Per event: where the accounts of its report end: the start of the next report of another
    cluster in its document (a meeting, or an event between other parties: a roundup's next story),
    at most :data:`ACCOUNT_WINDOW` characters after the report."""
    out: dict[str, int] = {}
    by_doc: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for e in evs:
        by_doc[e["doc"]].append(e)
    for doc, lst in by_doc.items():
        lst.sort(key=lambda e: e["start"])
        reports = [e for e in lst if not e.get("hypothetical")]
        starts = [e["start"] for e in reports]
        for e in lst:
            end = min(len(texts.get(doc, "")), e["end"] + ACCOUNT_WINDOW)
            for c in reports[bisect.bisect_right(starts, e["start"]) :]:  # in text order, within reach
                if c["start"] >= end:
                    break
                if cluster_of.get(c["id"]) != cluster_of.get(e["id"]) and (
                    c["type"] == "CONSULT" or _parties(c).isdisjoint(_parties(e))
                ):
                    end = c["start"]
                    break
            out[e["id"]] = end
    return out


def _parties(e: Mapping[str, Any]) -> set[str]:
    return {*(e.get("source") or ()), *(e.get("target") or ())}
