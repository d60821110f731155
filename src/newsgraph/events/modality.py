"""Negation and hypotheticality of an event trigger, flagged (never dropped).

* negated: "has not designated", "did not meet", "no formal request", "without consulting",
  "refused to discuss" (the refusal itself is a REJECT event of its own);
* hypothetical: a modal before the trigger ("could help", "can help", "would send"), a condition
  ("... if it is feasible", "unless"), a plan or expectation ("is expected to meet", "scheduled",
  "plans to", "potential talks"), a capability ("the veto right").

Stances ("will not accept", "ready to negotiate") and threats are statements made now: "will" and
"would" do not make them hypothetical, and a threat's condition is part of the threat.
"""

from __future__ import annotations

from newsgraph.events.syntax import AUX, MODALS, NEG, SentenceView

_SKIP = frozenset(
    "also further later previously reportedly then already again recently earlier subsequently jointly "
    "separately formally officially publicly strongly repeatedly allegedly still even finally just "
    "first immediately actually really only soon eventually once ever indeed reportedly yet be been "
    "have has had".split()
)
_FUTURE_BEFORE = (
    ("expected", "to"),
    ("scheduled", "to"),
    ("due", "to"),
    ("set", "to"),
    ("plans", "to"),
    ("plan", "to"),
    ("planning", "to"),
    ("planned", "to"),
    ("intends", "to"),
    ("intend", "to"),
    ("aims", "to"),
    ("hopes", "to"),
    ("hope", "to"),
    ("going", "to"),
    ("wants", "to"),
    ("want", "to"),
    ("like", "to"),
    ("is", "to"),
    ("are", "to"),
    ("was", "to"),
    ("were", "to"),
    ("seeks", "to"),
    ("seek", "to"),
    ("seeking", "to"),
    ("trying", "to"),
    ("tried", "to"),
    ("able", "to"),
    ("possible", "to"),
    ("ready", "to"),
    ("willing", "to"),
    ("prepared", "to"),
)
_NOUN_HYP = frozenset(
    "planned proposed potential possible future upcoming next scheduled expected prospective "
    "would-be hypothetical eventual".split()
)
_CONDITION = frozenset("if unless provided providing whether".split())
_PARTICIPATION = frozenset("take attend join participate hold".split())
_REFUSAL = frozenset("refused refuses refuse declined declines decline failed fails fail".split())


def _before(sv: SentenceView, i: int, start: int, n: int) -> list[str]:
    """Up to ``n`` lower-case words before token ``i`` (not before ``start``), nearest first."""
    return [sv.low(j) for j in range(i - 1, max(start, i - n) - 1, -1)]


def negated(sv: SentenceView, i: int, clause_start: int, form: str, noun: bool) -> bool:
    if any(w in NEG for w in form.split()):
        return False  # the trigger itself is a negative form ("did not welcome")
    words = _before(sv, i, clause_start, 8 if noun else 5)
    for k, w in enumerate(words):
        if w in NEG:
            if w == "not" and k == 0 and sv.low(i + 1) == "only":
                return False
            return True
        if w == "without":
            return True
        if w == "to" and k + 1 < len(words) and words[k + 1] in _REFUSAL:
            return True
        if not noun and w not in _SKIP and w not in AUX and w not in MODALS:
            return False
        if noun and w in (",", ";", "and", "but"):
            return False
    return False


def hypothetical(
    sv: SentenceView,
    i: int,
    end: int,
    clause_start: int,
    form: str,
    noun: bool,
    *,
    stance: bool = False,
    threat: bool = False,
    intent: bool = False,
) -> bool:
    """True when the event is not (yet) real: modal, condition, plan, capability. ``intent``: the
    event is itself an intent (AGREE), so "seeks to", "plans to" do not make it hypothetical."""
    if noun and ("right" in form.split() or "power" in form.split()):
        return True
    words = _before(sv, i, clause_start, 10)
    for k, w in enumerate(words[:6]):
        if w in MODALS:
            if threat or stance and w in ("will", "would", "'ll", "’ll", "shall"):
                break
            return True
        if w == "to" and k + 1 < len(words) and (words[k + 1], w) in _FUTURE_BEFORE:
            if not stance and not intent and words[k + 1] not in ("ready", "willing", "prepared"):
                return True
        if not noun and w not in _SKIP and w not in AUX and w not in NEG and w != "to":
            break
    if noun and any(w in _NOUN_HYP for w in words[:3]):
        return True
    if noun and any(
        words[k] == "to" and words[k - 1] in _PARTICIPATION for k in range(1, min(len(words), 6))
    ):
        return True  # "urged X to take part in the talks", "plans to attend the summit"
    if noun and sv.low(end) == "scheduled" or sv.low(end) in ("to",) and sv.low(end + 1) == "be":
        return True
    if threat:
        return False
    if sv.low(clause_start - 1) in _CONDITION and sv.low(clause_start - 1) != "whether":
        return True
    # a condition in the clause before the trigger ("if X meets Y") or after it in the sentence
    if any(w in _CONDITION for w in words if w):
        cond = next(k for k, w in enumerate(words) if w in _CONDITION)
        if not any(w in (",", ";") for w in words[:cond]):
            return True
    for j in range(end, len(sv)):
        w = sv.low(j)
        if w in (";", ":") or w == "." and j == len(sv) - 1:
            break
        if w in _CONDITION and w != "whether":
            return True
    return False
