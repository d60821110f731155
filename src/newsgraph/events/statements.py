"""Events stated in quotes: what a speaker says about another actor.

A quote (direct or indirect, with a resolved speaker) that calls an actor's acts crimes,
aggression, occupation, lies ... is an ACCUSE from the speaker to that actor; one that calls an
actor crucial, helpful, moderate, a friend ... is a SUPPORT; "X must ...", "oblige X to ..." is a
REQUEST. The actor is the one the judgement is about: named before the cue word in the same clause
("Israel's 'fascist government'", "the continuous Israeli crimes", "Russia is crucial"), or after
it as the agent ("the robbing of ... by the [Israeli] enemy"). A negated cue ("not hostile") and a
cue that is the object of a struggle ("the struggle against aggression") do not count. The
speaker's own side (the speaker, their organisation and state) is never the target.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsgraph.events.syntax import SentenceView
from newsgraph.models import Event, Span

if TYPE_CHECKING:
    from newsgraph.events.extract import Extractor

_NEG = re.compile(
    r"\b(?:crimes?|criminals?|aggressions?|aggressive|massacres?|genocid\w*|exterminat\w*|starvation|"
    r"starv\w+|brutish|brutal\w*|fascis\w*|racis\w*|apartheid|violations?|slander\w*|smear\w*|lies|lying|hypocri\w*|"
    r"hegemon\w*|biased|harmful|harmed|robb\w+|theft|stealing|murder\w*|killings?|evil|illegitimate|"
    r"judaization|annexation|displacement|expelling|ethnic\s+cleansing|conspira\w*|plots?|destabiliz\w*|"
    r"destabilis\w*|instability|lackeys?|lackies|tricks|unacceptable|bullying|blackmail|"
    r"undermin\w*|eliminat\w*|atrocit\w*|siege|blockade)\b",
    re.IGNORECASE,
)
_POS = re.compile(
    r"\b(?:crucial|(?:very\s+)?important|helpful|good\s+relations|great\s+service|grateful|"
    r"friends?|friendly|respectable|moderate|pragmatic|principled|balanced|positive|right\s+and\s+(?:very\s+)?"
    r"just|wise|brave|constructive|reliable|trustworthy|admirable|statesm[ae]n|prudent)\b",
    re.IGNORECASE,
)
_REQ_AFTER = re.compile(
    r"^\s*(?:must|should|has\s+to|have\s+to|needs\s+to|need\s+to|is\s+obliged\s+to|"
    r"is\s+required\s+to)\b",
    re.IGNORECASE,
)
_REQ_BEFORE = re.compile(
    r"\b(?:oblige|force|pressure|press|compel|urge|call\s+on|calling\s+on|demand\s+that)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_NOT_BEFORE = re.compile(
    r"\b(?:not|no|never|nor|without|against|fighting|confront\w*|resist\w*|end|stop)\s+"
    r"(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_VICTIM_BEFORE = re.compile(
    r"\b(?:against|to|for|towards|toward|on|with|protecting|helping|support(?:ing)?|"
    r"defend\w*)\s+(?:the\s+|its\s+|their\s+|our\s+)?$",
    re.IGNORECASE,
)
_PEJORATIVE = re.compile(r"\b(?:enemy|zionist\s+entity|regime|junta)\b", re.IGNORECASE)
_HABITUAL = re.compile(
    r"\b(?:often|repeatedly|regularly|frequently|usually|routinely|always)\b", re.IGNORECASE
)
WINDOW = {"ACCUSE": 130, "SUPPORT": 60}
QUOTE_LEAD = 25  # an actor named this close before the quote's opening is what the quote is about


def _side(x: Extractor, speaker: str) -> set[str]:
    out = {speaker}
    e = x.entities.get(speaker)
    if e is not None and e.affiliation:
        aff = e.affiliation
        out.add(x.places.by_kb.get(aff[3:], "") if aff.startswith("kb:") else aff)
    st = x.places.state_of(speaker)
    if st:
        out.add(st)
    return out


def _events_for(
    x: Extractor, sv: SentenceView, s: Span, qspan: tuple[int, int], speaker: str
) -> list[tuple[str, str, int, int]]:
    """(type, target, cue start, cue end) found for one quote inside sentence ``s``."""
    text = x.text
    lo, hi = max(qspan[0], s.start), min(qspan[1], s.end)
    side = _side(x, speaker)
    ments = [t.mention for t in sv.toks if t.mention is not None]
    out: list[tuple[str, str, int, int]] = []
    for kind, pat in (("ACCUSE", _NEG), ("SUPPORT", _POS)):
        for m in pat.finditer(text, lo, hi):
            if any(mm.start <= m.start() < mm.end for mm in ments):
                continue
            before = text[max(s.start, m.start() - 40) : m.start()]
            if _NOT_BEFORE.search(before):
                continue
            cands = []
            for mm in ments:
                if mm.entity in side or x.entities[mm.entity].type == "LOCATION":
                    continue
                if mm.start < qspan[0] - QUOTE_LEAD:
                    continue
                if mm.end <= m.start() and m.start() - mm.end <= WINDOW[kind]:
                    gap = text[mm.end : m.start()]
                    if ";" in gap or "." in gap.replace("U.S.", "US"):
                        continue
                    if _VICTIM_BEFORE.search(text[max(s.start, mm.start - 25) : mm.start]):
                        continue
                    cands.append((m.start() - mm.end, mm.entity))
                elif mm.start >= m.end() and mm.start - m.end() <= 60 and kind == "ACCUSE":
                    if re.search(
                        r"\bby\s+(?:the\s+)?(?:\[?\w+\]?\s+)?$", text[max(s.start, mm.start - 20) : mm.start]
                    ):
                        cands.append((mm.start - m.end(), mm.entity))
            if cands:
                out.append((kind, min(cands)[1], m.start(), m.end()))
    for mm in ments:
        if mm.entity in side or not lo <= mm.start < hi:
            continue
        if _REQ_AFTER.match(text, mm.end) or _REQ_BEFORE.search(text[max(lo, mm.start - 30) : mm.start]):
            out.append(("REQUEST", mm.entity, mm.start, mm.end))
    for (
        mm
    ) in ments:  # a pejorative name is itself an accusation ("the Israeli occupation", "the Zionist entity")
        if mm.entity not in side and lo <= mm.start < hi and _PEJORATIVE.search(mm.text):
            out.append(("ACCUSE", mm.entity, mm.start, mm.end))
    return out


_MODE = {
    "ACCUSE": ("criticism in a statement", "11"),
    "SUPPORT": ("praise in a statement", "05"),
    "REQUEST": ("demand in a statement", "02"),
}


def from_quotes(x: Extractor, sv: SentenceView, s: Span, made: list[Event]) -> list[tuple[int, Event]]:
    """Statement events of the quotes overlapping sentence ``s`` (cue offset, event)."""
    out: list[tuple[int, Event]] = []
    seen: set[tuple[str, str, str]] = {
        (e.type, src, tgt) for e in made for src in e.source for tgt in e.target
    }
    for q in x.quotes:
        if q.start >= s.end:
            break
        if q.end <= s.start or not q.speaker or q.speaker not in x.entities:
            continue
        if x.entities[q.speaker].type == "LOCATION" or _HABITUAL.search(
            x.text[s.start : max(s.start, q.start)]
        ):
            continue
        for typ, tgt, cs, ce in _events_for(x, sv, s, (q.start, q.end), q.speaker):
            if (typ, q.speaker, tgt) in seen:
                continue
            seen.add((typ, q.speaker, tgt))
            mode, cameo = _MODE[typ]
            ev = Event(
                id=x.new_id(),
                type=typ,
                start=s.start,
                end=s.end,
                text=x.text[s.start : s.end],
                source=[q.speaker],
                target=[tgt],
                mode=mode,
                cameo=cameo,
                trigger=x.text[cs:ce],
                confidence=0.45,
            )
            out.append((cs, ev))
    return out
