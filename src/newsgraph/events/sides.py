"""Sides a clause leaves implicit that the story's politics give: the government an opposition's
demand is made of ("Peru's opposition leader demanded a fresh election"), and the two sides of a
fight a withdrawal or a truce ends, when its clause names only one of them or none ("Peruvian
troops shelled Chilean villages ... Peruvian troops withdrew from positions near X": from Chile;
"Chile and Peru began pulling troops back": each from the other; "a ceasefire agreed on Thursday
had held": between the two sides of the latest fight). The sides of a fight come from the fights
the document told before (ASSAULT events, not negated or hypothetical); each guess is marked in
the event's rule. The two parties a clause names only as "the two sides" ("the two sides agreed"),
and those an appeal to "both sides" is addressed to, come from here too."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from newsgraph.events.cameo import EventLexicon, is_trip
from newsgraph.events.coder import Found
from newsgraph.events.deps import AGAINST_STATE, Token
from newsgraph.events.index import OWN_SIDE_KINDS, ActorIndex
from newsgraph.models import Event
from newsgraph.text import lexicons

#: the last words of the names of civil society's bodies: parties, societies, movements, unions
CIVIC_HEADS = lexicons.words("english.civic_heads")
#: pronouns of a group a passive release may be told of ("*Both* were released")
RELEASED_GROUPS = lexicons.words("english.released_groups")
#: the words that make a plural party noun the story's two sides ("*both* governments")
PAIR_WORDS = lexicons.words("english.pair_words")
#: acts two sides do to each other or together, whose sides "both sides" may be (not a third side's
#: appeal, praise or criticism of the two); and CAMEO 057, an agreement signed (a SUPPORT in PLOVER)
BETWEEN = frozenset({"CONSULT", "AGREE", "COOPERATE", "ASSAULT", "THREATEN", "MOBILIZE", "SANCTION"})
SIGNED = "057"
#: CAMEO codes: a release of persons or property (084), a military de-escalation or truce (087x)
RELEASE, DE_ESCALATION = "084", "087"
#: the acts of a fight whose sides a withdrawal or a truce may end it between
FIGHTS = frozenset({"ASSAULT"})
#: hostile acts between two sides whose conflict a third side's appeal or offer may be about
CONFLICTS = frozenset({"ASSAULT", "THREATEN", "MOBILIZE", "SANCTION", "COERCE", "ACCUSE"})
#: what a third side does about two sides' conflict: appeals, offers
APPEALS = frozenset({"REQUEST", "AGREE"})


def adversaries(events: Sequence[Event], ours: Callable[[str], bool]) -> list[str]:
    """The other side of the latest fight the document told that our side (``ours``: whether an actor
    is on it) fought in, or []."""
    for ev in reversed(events):
        if ev.type not in FIGHTS or ev.negated or ev.hypothetical:
            continue
        sides = (ev.source, ev.target)
        for mine, theirs in (sides, sides[::-1]):
            if any(ours(a) for a in mine):
                got = [a for a in theirs if not ours(a)]
                if got:
                    return got
    return []


def last_fight(events: Sequence[Event]) -> tuple[list[str], list[str]]:
    """The two sides of the latest fight the document told (its doers, whom they fought), or empty
    lists."""
    for ev in reversed(events):
        if ev.type in FIGHTS and not ev.negated and not ev.hypothetical and ev.source and ev.target:
            return list(ev.source), list(ev.target)
    return [], []


def truce_sides(n: Token, spec: dict[str, Any], events: Sequence[Event]) -> tuple[list[str], list[str]]:
    """The sides of a truce that names none ("a ceasefire agreed on Thursday had held", "agreed to a
    ceasefire"): those of the latest fight told before, when the entry is a truce's ("truce") and the
    noun is told as made or kept (a subject, or the object of one of its own verbs), not asked for
    ("called for a ceasefire")."""
    if not spec.get("truce"):
        return [], []
    own = n.head.lemma_.lower() in (spec.get("light") or ())
    made = n.dep_ in ("nsubj", "nsubj:pass") or (n.dep_ in ("obj", "obl") and own)
    return last_fight(events) if made else ([], [])


def asked_at_home(f: Found, actors: ActorIndex) -> None:
    """A demand that names no one, made by a party or an opposition figure of a state ("Peru's
    opposition leader demanded a fresh election"): of that state's government."""
    if not f.source or f.target or f.coding.type != "REQUEST":
        return
    own = [s for s in f.source if _against_state(actors, s)]
    homes = {h for s in own if (h := actors.affiliation_of(s)) and actors.type_of(h) == "STATE"}
    if len(homes) == 1:  # (the state in "*Peru's* opposition leader" is no demander)
        f.source = [s for s in f.source if s not in homes]
        f.target, f.guessed, f.internal = list(homes), "the government of their state", True


def _against_state(actors: ActorIndex, eid: str) -> bool:
    """A political party or a body of civil society (``english.civic_heads``: "the Fiji Law Society"),
    or a person whose title sets them against their state ("opposition leader", "dissident"), neither
    acting for it."""
    e = actors.entities.get(eid)
    if e is None or e.type not in ("PERSON", "ORG") or actors.acting_for(eid) is not None:
        return False
    if e.type == "ORG":  # (a party, a law society, a movement; not a ministry, a court or an agency)
        head = e.name.lower().split()[-1] if e.name else ""
        return (e.evidence or {}).get("kb_kind") in OWN_SIDE_KINDS or head in CIVIC_HEADS
    return any(w in AGAINST_STATE for t in e.titles for w in t.lower().split())


def withdrawn_from(f: Found, events: Sequence[Event], same_side: Callable[[str, str], bool]) -> None:
    """Whom a military withdrawal or truce that names no one is from (RETREAT, CAMEO 087x): each
    other, when two sides withdraw ("Chile and Peru pulled troops back"); else the other side of the
    latest fight its doer fought in ("Peruvian troops withdrew from positions near X"). Not a release
    ("said he would release his tax returns")."""
    military = (f.coding.cameo or "").startswith(DE_ESCALATION)
    if f.coding.type != "RETREAT" or not f.source or f.target or not military:
        return
    others = [s for s in f.source[1:] if not same_side(s, f.source[0])]
    if others:
        f.source = [s for s in f.source if s not in others]
        f.target, f.mutual, f.guessed = others, True, "each other"
        return
    f.target = adversaries(events, lambda a: any(same_side(a, s) for s in f.source))
    f.guessed = "the side it fought" if f.target else ""


def released_together(f: Found, events: Sequence[Event]) -> None:
    """A release in the passive whose subject is a pronoun of a group ("Both were released on
    Saturday", "They were freed"): of those the latest detention of several people held (CAMEO 084),
    by whoever held them."""
    if f.source or f.target or not f.clause.passive or not (f.coding.cameo or "").startswith(RELEASE):
        return
    if not any(s.lower_ in RELEASED_GROUPS for s in f.clause.subjects):
        return
    for ev in reversed(events):
        if ev.type == "COERCE" and not ev.negated and len(ev.target) > 1 and ev.source:
            f.source, f.target, f.guessed = list(ev.source), list(ev.target), f"those {ev.id} held"
            return


def addressed_pair(f: Found, events: Sequence[Event], actors: ActorIndex, parties: frozenset[str]) -> None:
    """The two sides an act addressed to "both sides" names ("urged both governments to implement
    it", "called on the two countries to ..."): the story's two states other than the doer's, else
    the parties of the latest act between two other sides (a guess, marked). It wins over the actors
    stage's reading of the noun as the last two actors named, which the names between mislead
    ("X and Y clashed ... X asked A, B and C to help ... D urged both governments to ...")."""
    paired = [o for o in f.clause.objects if _paired(o, parties)]
    named = [c for o in paired for c in o.children if c.dep_ in ("appos", "conj")]  # "both, X and Y"
    if not f.source or not paired or actors.in_phrases(named, f.offset):
        return  # (a target found so far is a guess from the sentence's other names)
    ours = set(f.source) | {actors.affiliation_of(s) for s in f.source}
    states = [eid for eid, e in actors.entities.items() if e.type == "STATE" and eid not in ours]
    pair = states if len(states) == 2 else []
    for ev in reversed(events) if not pair else ():
        sides = [*ev.source, *ev.target]
        between = ev.type in BETWEEN or ev.cameo == SIGNED
        if between and ev.source and ev.target and not ours & set(sides) and not ev.negated:
            pair = list(dict.fromkeys(sides))
            break
    read = {a for o in paired for a in actors.at(o, f.offset)}  # the last two named (``actors.pair_nouns``)
    if pair and set(pair) != read:
        f.target, f.guessed = pair, "the story's two sides"


def disputants(f: Found, events: Sequence[Event], actors: ActorIndex, words: frozenset[str]) -> None:
    """The two sides an appeal or an offer about their conflict is made to when it names neither
    ("urged restraint", "called for an end to the fighting", "offered to help resolve the dispute":
    lexicon ``conflict_words`` after the verb): the sides of the latest hostile act between two
    sides told before, unless the doer is one of them (a guess, marked)."""
    if not f.source or f.target or f.coding.type not in APPEALS:
        return
    if not any(t.i > f.head.i and t.lemma_.lower() in words for t in f.head.subtree):
        return
    ours = set(f.source) | {actors.affiliation_of(s) for s in f.source}
    at = f.offset + f.head.idx
    fights = [e for e in events if e.type in CONFLICTS and e.source and e.target and not e.negated]
    latest = max((e for e in fights if e.start < at), key=lambda e: e.start, default=None)
    if latest is not None and not ours & {*latest.source, *latest.target}:
        f.target = list(dict.fromkeys([*latest.source, *latest.target]))
        f.about, f.guessed = latest.id, "the sides of the conflict"


def _paired(n: Token, parties: frozenset[str]) -> bool:
    """A plural party noun counted as the two the story tells of ("both sides", "the two
    governments"; not "two presidents", any two)."""
    words = {c.lower_ for c in n.children if c.dep_ in ("det", "nummod", "det:predet", "amod")}
    definite = "both" in words or "the" in words
    return n.tag_ == "NNS" and n.lemma_.lower() in parties and bool(words & PAIR_WORDS) and definite


def two_sides(f: Found, lex: EventLexicon) -> bool:
    """The clause's subject is the two parties of the story ("the two sides", "both ministers", "the
    delegations") and the event is one done together (talks, an agreement)."""
    if f.coding.type.lower() not in lex.words("mutual_types"):
        return False
    for s in f.clause.subjects:
        mods = {c.lower_ for c in s.children if c.dep_ in ("nummod", "det", "amod")}
        pair = mods & {"two", "both"} or (s.tag_ == "NNS" and "the" in mods)
        if s.lemma_.lower() in lex.words("party_nouns") and pair:
            return True
    return False


def latest_pair(events: Sequence[Event], *, trips: bool = True) -> tuple[list[str], list[str]]:
    """The parties of the document's latest event done together: a meeting, talks or a call before a
    trip ("arrived at the invitation of the ministry" names the hosts, not always who talked); no
    trip at all for people ("the ministers agreed"), who are who talked."""
    together = [ev for ev in events if ev.type == "CONSULT" and ev.source and ev.target and not ev.negated]
    met = [ev for ev in together if not is_trip(ev.cameo)]
    for ev in reversed(met or (together if trips else [])):
        return list(ev.source), list(ev.target)
    return [], []


def two_states(f: Found, actors: ActorIndex, *, here: bool) -> tuple[list[str], list[str]]:
    """The two states the sentence names before the predicate (``here``; not the topic after it: "the
    two sides discussed Palestine and Israel"), or a story's, when it names exactly two."""
    if here:
        named = (a for t in f.head.sent if t.i < f.head.i for a in actors.at(t, f.offset))
        states = list(dict.fromkeys(a for a in named if actors.type_of(a) == "STATE"))
    else:
        states = [eid for eid, e in actors.entities.items() if e.type == "STATE"]
    return ([states[0]], [states[1]]) if len(states) == 2 else ([], [])


def earlier_agent(events: Sequence[Event], f: Found, sovereign: frozenset[str] = frozenset()) -> list[str]:
    """A passive without its agent ("he was further sanctioned in 2011") repeats an earlier event of
    the document: the same type done to the same target gives the agent; a release ("he was released
    on Saturday", CAMEO 084) is by whoever detained them; a pardon or a commutation (``sovereign``:
    acts of one office), by whoever pardoned anyone before ("X pardoned Y ... Z was also pardoned")."""
    kinds = {f.coding.type, *(("COERCE",) if (f.coding.cameo or "").startswith(RELEASE) else ())}
    one = f.lemma in sovereign
    for ev in reversed(events):
        same = set(ev.target) & set(f.target) or (one and any(w in (ev.rule or "") for w in sovereign))
        if ev.type in kinds and same and not ev.negated:
            f.guessed = f"agent of {ev.id}"
            return list(ev.source)
    return []
