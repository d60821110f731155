"""The events of one document: code every body sentence's predicates, fold governed ones into
their governors, then date, place and flag each event (see :mod:`newsgraph.events.coder`)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from newsgraph.events.acts import ActDoers
from newsgraph.events.calls import phoned
from newsgraph.events.cameo import Coding, EventLexicon
from newsgraph.events.claims import claimers
from newsgraph.events.coder import Coder, Found
from newsgraph.events.crowds import crowd_state, demanded_of, gathered, lodged
from newsgraph.events.denounced import denounced_doer
from newsgraph.events.deps import (
    BORDERS,
    COLLECTIVE_NOUNS,
    GROUP_PRONOUNS,
    THIS,
    UNNAMED_ROLES,
    Token,
    adverbial,
    marked_to,
    opens_clause,
    withheld_comment,
)
from newsgraph.events.implicit import Implicit
from newsgraph.events.intent import intents, threatened
from newsgraph.events.mediation import mediated
from newsgraph.events.mood import mood
from newsgraph.events.nominal import NounCoder
from newsgraph.events.places import Places
from newsgraph.events.pledges import HOSTILE, pledges
from newsgraph.events.pronouns import (
    coordinated_pronoun_mentions,
    group_pronoun_mentions,
    it_mentions,
    pair_mentions,
)
from newsgraph.events.referents import report_authors
from newsgraph.events.reported import reported_accusations, reported_blame
from newsgraph.events.responsible import held_responsible
from newsgraph.events.speech import speech_events
from newsgraph.events.standing import private_praise
from newsgraph.events.subjects import describing
from newsgraph.events.tree import ActorIndex, case_of, phrase_actors
from newsgraph.events.unwelcome import declared_unwelcome, summoned_home
from newsgraph.events.when import choose, owners, redate, story_days, title_period, told_before
from newsgraph.events.when import takes_no_story_day as no_story_day
from newsgraph.events.yielding import faced, pressed
from newsgraph.models import AnalyzedDoc, Entity, Event, Mention
from newsgraph.text import lexicons
from newsgraph.text.headings import is_heading
from newsgraph.text.parsed import piece_text

_WORD = re.compile(r"\b\w+\b")
#: event types whose target may be a place ("an attack on Kabul"); others need an actor
PLACE_TARGETS = frozenset({"ASSAULT", "COERCE"})
#: event types whose place stands for its state ("visited Kazan", "withdrew from Kherson", "deployed
#: troops to Kherson", "marched on the palace in Lima": against the government there; "suspended its
#: flights to Minsk")
STATE_OF_PLACE = frozenset({"CONSULT", "RETREAT", "MOBILIZE", "PROTEST", "SANCTION"})
#: event types done in or to a place; in the others a capital city stands for its government
PLACE_EVENTS = PLACE_TARGETS | {"CONSULT", "MOBILIZE", "PROTEST", "AID", "RETREAT"}
#: event types whose target region stands for its government ("filed a lawsuit against the state of
#: Montana", "sanctions on Crimea"); in the others a region is where it happens ("retreated to X")
GOVERNED_TARGETS = frozenset({"ACCUSE", "SANCTION", "THREATEN"})
#: the words of a court's or judge's name (the nouns of the judiciary among the sectors of a state)
_JUDICIAL = frozenset(w for w, body in lexicons.table("actors.sector_nouns").items() if body == "judiciary")
#: event types that, with a news outlet on one side, are the press at work (interviews, questions)
PRESS_WORK = frozenset({"CONSULT", "REQUEST"})
#: acts of giving way: agreeing to one concedes it
YIELDS = frozenset({"CONCEDE", "RETREAT"})
#: how a governed predicate hangs from its governor ("threatened to attack", "accused X of spying")
GOVERNED = frozenset({"xcomp", "advcl", "acl", "ccomp"})
#: the links a governed verb may hang by, through at most one noun ("accused Israel of harming")
GOVERNED_PATH = GOVERNED | {"obj", "obl"}


def venue_mentions(ad: AnalyzedDoc) -> list[Mention]:
    """Places the actors stage found only as venues ("arrived in Moscow"), as mentions."""
    venues: dict[tuple[int, int], str] = ad.extras.get("actors.venues") or {}
    return [Mention(a, b, ad.text[a:b], eid, kind="venue") for (a, b), eid in venues.items()]


def first_person_mentions(ad: AnalyzedDoc, lex: EventLexicon) -> list[Mention]:
    """ "I", "we", "our"... inside a quote with a resolved speaker: mentions of that speaker (not a
    name the actors stage found there: "talks with the *US*")."""
    words = lex.words("first_person")
    named = {m.start for m in ad.mentions}
    out: list[Mention] = []
    for q in ad.quotes:
        if q.speaker is None:
            continue
        for m in _WORD.finditer(ad.text, q.start, q.end):
            if m.group().lower() in words and m.start() not in named:
                out.append(Mention(m.start(), m.end(), m.group(), q.speaker, kind="pronoun"))
    return out


def group_mentions(
    lex: EventLexicon, parses: Sequence[tuple[int, Any]], known: ActorIndex, text: str
) -> list[Mention]:
    """ "the delegation" after "a delegation of X" (or "X's delegation"): a mention of X (``text``:
    the document's)."""
    groups = lex.words("groups")
    if not groups:
        return []
    find = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(groups))) + r")\b", re.IGNORECASE)
    owner: dict[str, list[str]] = {}
    out: list[Mention] = []
    for offset, doc in parses:
        for m in find.finditer(piece_text(text, offset, doc)):
            span = doc.char_span(m.start(), m.end())
            if span is None or len(span) != 1 or known.at(span[0], offset):
                continue
            t = span[0]
            own = phrase_actors(t, known, offset)
            key = t.lower_.rstrip("s")
            if own:
                owner[key] = own
            elif key in owner and any(c.dep_ == "det" and c.lower_ in THIS for c in t.children):
                a = offset + t.idx
                out.append(Mention(a, a + len(t.text), t.text, owner[key][0], kind="description"))
    return out


def code_events(
    ad: AnalyzedDoc,
    lex: EventLexicon,
    parses: Sequence[tuple[int, Any]],
    kb: Any | None = None,
    acts: Any | None = None,
) -> list[Event]:
    """Events of one analysed document from its parsed body paragraphs ``(offset, spaCy Doc)``."""
    extra = [*venue_mentions(ad), *first_person_mentions(ad, lex)]
    known = ActorIndex.of(ad, extra)  # "the delegation" and "they" are read against the named actors
    extra += [*group_mentions(lex, parses, known, ad.text), *group_pronoun_mentions(ad, known, parses)]
    extra += [*coordinated_pronoun_mentions(ad, known), *it_mentions(ad, parses, known)]
    extra += pair_mentions(ad, known, extra, parses)
    actors = ActorIndex.of(ad, extra)
    actors.parses = parses  # (the subjects' words are read only for a definite noun of a state)
    places = Places(ad, kb)
    claims = claimers(parses, actors, lex, ad.text)
    coder = Coder(lex, actors, kb)
    events: list[Event] = []
    untold: set[str] = set()  # events that take no story day (see when.takes_no_story_day)
    nouns = NounCoder(lex, actors, coder.lemma, events)
    nouns.claims = claims
    doers = ActDoers(parses, actors, coder.lemma)
    implicit = Implicit(events, claims, lex, coder, places, nouns, doers, report_authors(parses, actors, lex))
    first = min((o for o, _ in parses), default=0)
    dated = sorted((d for d in ad.dates if d.start is not None), key=lambda d: d.start or 0)
    date_starts = [d.start or 0 for d in dated]
    headline = set(re.findall(r"[\w-]+", (ad.doc.title or ad.text.lstrip().split("\n", 1)[0]).lower()))
    refusing, commenting = lex.words("refusing"), lex.words("commenting")
    for offset, doc in parses:
        said = piece_text(ad.text, offset, doc)
        if is_heading(said, first=offset == first):
            continue  # a headline or section title repeats the story
        for sent in doc.sents:
            toks = list(sent)  # (the word scans below share one list: a Span makes new tokens per pass)
            found = coder.sentence(toks, offset)
            # (the lexicon's nouns first: a dictionary lookup, where a noun's test reads the parse)
            found += [f for t in toks if nouns.key(t) and nouns.candidate(t) and (f := nouns.noun(t, offset))]
            found += pledges(toks, offset, found, coder, lex) + pressed(toks, offset, coder, lex)
            found += faced(toks, offset, coder, lex) + declared_unwelcome(sent, offset, coder, lex, said)
            found += gathered(toks, offset, coder, lex)  # "thousands gathered outside parliament, demanding"
            found += held_responsible(toks, offset, coder, lex)  # "X was responsible for the deaths of Y"
            found += phoned(toks, offset, found, coder, lex)  # "X called Y to discuss Z": a call
            found += mediated(found, offset, coder, lex)
            demanded_of(found)  # "marched ..., demanding the departure of X's troops": against X
            intents(found, lex)  # "said it was ready to provide aid to X": an intent (AGREE)
            found = threatened(found)  # "threatened attacks on X": a threat aimed at X
            found = [f for f in found if f.coding.type and not _calamity(f, sent, headline, lex)]
            found = [f for f in found if not withheld_comment(f.lemma, f.head, refusing, commenting)]
            found = [f for f in found if not (f.coding.trip and f.lemma in lex.words("calling_off"))]
            kept = _govern(found, lex, coder.actors)
            kept += reported_accusations(kept, coder, places, lex)  # "X said Y had shelled its towns"
            kept += reported_blame(sent, offset, coder, places, lex)  # "X said Y was behind the attack"
            heads = {f.head.i for f in kept}
            a, b = offset + sent.start_char, offset + sent.end_char  # the dates of this sentence only
            here = dated[bisect.bisect_left(date_starts, a) : bisect.bisect_left(date_starts, b)]
            owned = owners(sent, offset, here, heads)
            for f in kept:  # "in a phone call in late July, X urged Y": the setting dates the clause
                gov = f.head.head
                if f.nominal and f.head.dep_ == "obl" and owned.get(f.head.i) and not owned.get(gov.i):
                    owned[gov.i] = owned[f.head.i]
            seen: set[tuple[str, tuple[str, ...], tuple[str, ...]]] = set()
            for f in kept:
                implicit.fill(f)
                denounced_doer(f, lex, coder.actors)  # "criticised Chile's sanctions": accuses Chile
                ev = _event(ad, f, sent, lex, coder, places, owned, heads, len(events))
                if ev is None or private_praise(ev, coder.actors.entities, kb, lex):
                    continue  # (a tribute among private people: no political act)
                key = (ev.type, tuple(sorted(ev.source)), tuple(sorted(ev.target)))
                if key not in seen:  # "imposed sanctions on X": one fact read twice
                    seen.add(key)
                    events.append(ev)
                    if f.mutual and ev.type != "CONSULT":  # "X and Y were at odds": each with the other
                        other = f"{ad.doc.id}:ev{len(events) + 1}"
                        events.append(replace(ev, id=other, source=ev.target, target=ev.source))
                    if no_story_day(f.head, ev.hypothetical):  # (a plan or a state)
                        untold.update({ev.id, f"{ad.doc.id}:ev{len(events)}"})
    events += speech_events(ad, lex, events, len(events), parses, actors, kb, acts, doers)
    return redate(events, story_days(parses, actors, ad.dates, ad.doc.published), frozenset(untold))


def _calamity(f: Found, sent: Any, headline: set[str], lex: EventLexicon) -> bool:
    """A state of emergency declared over a disaster or an epidemic that its sentence, the sentences
    beside it or the headline name ("in response to the coronavirus outbreak"): a measure of relief,
    no coercion of anyone."""
    if f.coding.cameo not in lex.words("calamity_codes"):
        return False
    doc = sent.doc
    near = doc[max(sent.start - 1, 0) : sent.end + 1]
    words = {t.lower_ for s in {near[0].sent, sent, near[-1].sent} for t in s}
    return not lex.words("calamities").isdisjoint(words | headline)


def _at_home(f: Found, coder: Coder, places: Places) -> bool:
    """A visitor of the state the story is set in ("Trump visited Kenosha" in an American story): a
    place the knowledge base does not know is then a town of their own country, no foreign visit."""
    home = coder.actors.main_state
    return home is not None and any(home in places.side(s) for s in f.source)


def _described(
    ids: list[str], text: str, sent: Any, offset: int, coder: Coder, lex: EventLexicon
) -> list[str]:
    """``ids`` less an organisation named only to describe a person beside it ("*Lima University*
    psychologist Ana Ruiz", "*Andean Party* presidential nominee X": ``descriptive_roles``)."""
    actors, roles = coder.actors, lex.words("descriptive_roles")
    ms = [m for m in actors.between(offset + sent.start_char, offset + sent.end_char) if m.entity in ids]
    people = [m for m in ms if actors.type_of(m.entity) == "PERSON"]
    drop = set()
    for m in (m for m in ms if actors.type_of(m.entity) == "ORG"):
        for p in people:
            gap = text[m.end : p.start].split()
            if 0 < len(gap) <= 4 and all(w.islower() and w.isalpha() for w in gap) and gap[-1] in roles:
                drop.add(m.entity)
    return [i for i in ids if i not in drop]


def _state_doers(source: list[str], coder: Coder, places: Places) -> list[str]:
    """The doers of a state's act, a place among them standing for its state (where the document
    names it)."""
    out: list[str] = []
    for s in source:
        doer = (places.state_of(s) if coder.actors.type_of(s) == "LOCATION" else None) or s
        if doer not in out:
            out.append(doer)
    return out


def _to_clause(c: Any) -> bool:
    """A "to" clause of what is asked ("called on X *to fire* Y"), however the parse hung it."""
    return c.dep_ == "xcomp" or (c.dep_ == "advcl" and marked_to(c))


def _govern(found: list[Found], lex: EventLexicon, actors: ActorIndex) -> list[Found]:
    """Drop a verb that a coded predicate governs ("threatened to attack", "accused X of harming Y");
    the governor borrows its target if it lacks one. Event nouns are coded on their own."""
    by_head = {f.head.i: f for f in found}
    # objects a repair gave a verb ("Ann Ward [accused] Peruvian President X of plotting ..."): the verb's
    repaired = {o.i: f for f in found if not f.nominal for o in f.clause.objects if o.head.i != f.head.i}
    kept, dropped = [], set()
    for f in found:
        t, gov = f.stopper or f.head, None  # "demanded that X halt arms sales": a demanded act, as a verb
        for _ in range(3):
            path = t.dep_ in GOVERNED_PATH or (t.dep_ == "obl:agent" and opens_clause(f.head))
            if (f.nominal and f.stopper is None) or not path or t.head.i == t.i:
                break
            t = t.head
            if t.i in by_head or (t.i in repaired and repaired[t.i].head.i != f.head.i):
                gov = by_head.get(t.i) or repaired[t.i]
                break
        if gov is None or gov is f:
            kept.append(f)
            continue
        described = f.lemma in lex.words("describing_participles") and describing(f.head)  # "visiting X"
        if _own_clause(f, gov, lex) or _misread_main_verb(f.head) or described:  # "after Z blamed W"
            kept.append(f)
            continue
        if _accompanying(f, gov, actors):  # "X arrested Y, accusing him of ...": a second act of its own
            objs = f.clause.objects
            group = bool(objs) and all(o.pos_ == "PRON" and o.lemma_.lower() in GROUP_PRONOUNS for o in objs)
            if group and gov.target:  # "severed ties with Qatar, accusing *it* of ...": Qatar
                f.target = [a for a in gov.target if a not in f.source] or f.target
            elif not f.target and gov.target and set(f.source) == set(gov.source) and _force(f, gov):
                f.target = list(gov.target)  # "warned X ..., massing troops along the border": at X
            kept.append(f)
            continue
        if _purpose(f, gov, lex, actors):  # "came to Iraq to fight ISIS": the fight, not the visit
            kept.append(f)
            dropped.add(id(gov))
            continue
        if not gov.target and not gov.clause.objects and gov.coding.type == "ACCUSE":
            # "claimed Iran attacked X": the accused is the doer, never the victim
            gov.target = [a for a in f.source if a not in gov.source]
        elif not gov.target and not gov.clause.objects and not gov.clause.passive:
            # "urged allies to ...": the allies are its target; not "X was charged for giving Y a gun"
            gov.target = [a for a in f.target if a not in gov.source] or [
                a for a in f.source if a not in gov.source
            ]
        hostile = gov.lemma in lex.words("pledging") and f.coding.type in HOSTILE
        threat = lex.coding("138", gov.coding.rule) if hostile else None
        if threat is not None:
            gov.coding = replace(threat, rule=f"{gov.coding.rule} (a hostile act pledged: a threat)")
            gov.target = [a for a in f.target if a not in gov.source] or gov.target  # "vowed to retaliate"
        if not gov.target and f.source and f.target:  # "sent a letter requesting X to Y": the request
            kept.append(f)
            continue
        f.governed_by = gov
        direct = f.head.dep_ == "xcomp" and f.head.head.i == gov.head.i  # "agreed *to withdraw*"
        if gov.lemma in lex.words("consenting_verbs") and f.coding.type in YIELDS and direct:
            # "agreed to withdraw its troops", "agreed to release them": a concession
            gov.coding = lex.coding("080", f"{gov.coding.rule} (agreed to yield: a concession)") or gov.coding
    return [f for f in kept if id(f) not in dropped]


def _own_clause(f: Found, gov: Found, lex: EventLexicon) -> bool:
    """An adverbial clause with a subject of its own, someone other than the governor's doer ("after
    Z blamed W", "as Z attacked W"): an event of its own, not a part of the governor's (a condition,
    "if Z attacks W", stays part of it)."""
    own = bool(f.clause.subjects) and not f.clause.inherited and not f.nominal
    conditional = any(c.dep_ == "mark" and c.lower_ in lex.words("conditions") for c in f.head.children)
    other = bool(f.source) and not set(f.source) & set(gov.source)
    answer = other and bool(set(f.target) & set(gov.source))  # "X said ..., a claim [Z dismissed]": to X
    clause = adverbial(f.head, lex.words("temporal"))  # (also "after" hung on the subject)
    return own and ((clause and not conditional and other) or answer)


def _yielded_to(f: Found, lex: EventLexicon) -> None:
    """A resignation handed to someone ("submitted his resignation to President X") yields to them
    (the verb's own code, CAMEO 0831: CONCEDE), as "resigned at X's request" does; handed to no one
    but its own side, it stays a withdrawal from the office (``from_own``, 0831r: RETREAT)."""
    if f.internal or not f.target:
        return
    named = [lex.verbs[v].code for v, own in lex.from_own.items() if own == f.coding.cameo]
    coding = lex.coding(named[0], f"{f.coding.rule} (handed to someone: conceded)") if named else None
    if coding is not None:
        f.coding = coding


def _deployed_in(f: Found, coder: Coder, places: Places) -> list[str]:
    """Where troops deployed with no target were put, when the pattern that coded it reads the place
    phrase ("troops landed in X"; not "troops remained", PETRARCH's 150): the state its "in", "on" or
    "at" phrase names, or the state of its place ("landed in Lima")."""
    pattern = f.coding.pattern
    if pattern is None or not {p for p, _ in pattern.preps} & {"in", "on", "at"}:
        return []
    named = [
        a
        for case, x in f.clause.obliques
        if case in ("in", "on", "at")
        for a in coder.actors_of([x], f.offset)
        if coder.actors.type_of(a) == "STATE" and a not in f.source
    ]
    at = f.location
    state = places.state_of(at) if at is not None else None
    unnamed = [at] if at is not None and places.city_of_unnamed_state(at) else []  # "arrived in Lima"
    return named[:1] or ([state] if state and state not in f.source else unnamed)


def _across_border(f: Found, coder: Coder, lex: EventLexicon) -> list[str]:
    """Whom troops deployed at a border face: the state across it, named in the border's phrase ("along
    its border with X", "to the frontier with X", "near the Peruvian border"), not the deployer."""
    borders = [x for _, x in f.clause.obliques if x.lemma_.lower() in BORDERS]
    borders += [x for x in f.clause.objects if x.lemma_.lower() in BORDERS]
    # (hung on another phrase of the clause: "put its army on alert *along the Peruvian border*")
    phrases = [x for _, x in f.clause.obliques] + f.clause.objects
    borders += [c for x in phrases for c in x.children if c.dep_ == "nmod" and c.lemma_.lower() in BORDERS]
    named = [c for b in borders for c in b.children if c.dep_ == "nmod" and case_of(c) == "with"]
    named += [x for case, x in f.clause.obliques if case == "border:with"]  # (hung on the verb)
    got = coder.actors_of(named or borders, f.offset)
    return [a for a in got if coder.actors.type_of(a) == "STATE" and a not in f.source]


def _misread_main_verb(v: Token) -> bool:
    """A finite verb with no subordinator that the parse hung on the end of a relative clause ("X,
    who arrived and met Y, [praised] Z"): the sentence's own verb, governed by nothing."""
    bare = not any(c.dep_ in ("mark", "aux", "aux:pass") for c in v.children)
    finite = v.tag_ in ("VBD", "VBZ", "VBP") and bare
    comma = v.i > 0 and v.doc[v.i - 1].text == ","
    # a relative clause on the sentence's subject ("X, who ..."), not on an object ("met X, who ...")
    on_subject = ("ROOT", "nsubj", "nsubj:pass")
    relative = any(a.dep_ == "acl:relcl" and a.head.dep_ in on_subject for a in v.ancestors)
    return v.dep_ == "advcl" and finite and comma and relative


def _force(f: Found, gov: Found) -> bool:
    """A show or use of force that goes with a clause about its target, not an accusation's content
    ("accused X of trying to pressure Y, threatening to ...": X's threat)."""
    main = gov.head.dep_ == "ROOT"  # (not "warned X to expel Y, massing troops": Y is not the target)
    return f.coding.type in ("MOBILIZE", "ASSAULT") and gov.coding.type != "ACCUSE" and main


def _accompanying(f: Found, gov: Found, actors: ActorIndex) -> bool:
    """A participle set off by a comma after its governor's clause that does another kind of act
    ("arrested X, accusing him of ...", "expelled the envoy, accusing him of spying"), or the same
    kind to someone the governor's places do not name ("stormed a base in X, killing 13 Y soldiers")."""
    v = f.head
    set_off = v.i > 0 and v.doc[v.i - 1].text == "," and v.i > gov.head.i
    hung = v.dep_ == "acl" and v.head.i != gov.head.i  # hung on a phrase of the governor ("in a raid")
    places = bool(gov.target) and all(actors.type_of(t) == "LOCATION" for t in gov.target)
    victims = places and any(actors.type_of(t) != "LOCATION" for t in f.target)
    other = f.coding.type != gov.coding.type or victims
    return (v.dep_ == "advcl" or hung) and v.tag_ == "VBG" and set_off and other


def _purpose(f: Found, gov: Found, lex: EventLexicon, actors: ActorIndex) -> bool:
    """A coded act that is the purpose of a journey ("came to Iraq *to fight* ISIS", "flew to X to
    sign ..."): the journey gives way to it, unless it is already an event of that type; a visit
    gives way to a meeting with a named person ("arrived in X to meet Y"), not with a state's
    officials (the visit says as much)."""
    person = any(actors.type_of(t) == "PERSON" for t in f.target)
    person = person or any(actors.named_at(o, f.offset) for o in f.clause.objects)  # (a name typed a state)
    trip = gov.coding.trip and f.coding.type == "CONSULT" and person
    return (
        gov.lemma in lex.words("journeys")
        and (f.coding.type != gov.coding.type or trip)  # "flew to Ankara to meet X": the meeting with X
        and f.head.dep_ in ("xcomp", "advcl")
        and any(c.dep_ == "mark" and c.lower_ == "to" for c in f.head.children)
    )


#: acts only a state's powers do: a place named as their doer stands for its state
STATE_POWERS = frozenset({"COERCE", "SANCTION"})
#: acts at a border that, naming no one, face the state across it
ACROSS_BORDER = frozenset({"COERCE", "SANCTION"})
#: hostile acts a side does to a person of its own ("Peruvian police detained Peruvian opposition leader
#: X", "Peru charged X with treason"): a domestic event, not one within a side
DOMESTIC = frozenset({"COERCE", "SANCTION", "ACCUSE", "ASSAULT", "THREATEN"})


def _judged_at_home(f: Found, coder: Coder) -> bool:
    """A court's judgement or rejection of its own state's acts ("the Supreme Court of Peru ruled that the
    Peruvian government's decree was unlawful"): the judiciary stands apart from the government it
    judges, so the state stays its target (the judicial words of ``actors.sector_nouns``)."""
    if f.coding.type not in ("ACCUSE", "REJECT") or not f.source:
        return False
    bodies = [coder.actors.entities[s] for s in f.source]
    return all(_judicial(e) for e in bodies)


def _judicial(e: Entity) -> bool:
    """A court or the judiciary (by its KB body or a word of its name), or a judge (by a title)."""
    words = {w for t in (e.name, *e.titles) for w in t.lower().split()}
    return (e.kb_id or "").startswith("org:judiciary") or bool(_JUDICIAL & words)


def _domestic(f: Found, t: str, coder: Coder) -> bool:
    """A hostile act of ``f`` done to ``t``, a person (not one of its sources) its clause names outright
    (not "a former adviser *for President X* was sentenced")."""
    if f.coding.type not in DOMESTIC or t in f.source or coder.actors.type_of(t) != "PERSON":
        return False
    cl = f.clause  # what it is done to: the objects, a passive's subjects
    args = [*cl.subjects, *cl.objects] if cl.passive else cl.objects  # ("opposition leader [X]": apposition)
    owner = ("appos", "nmod:poss") if f.coding.type in ("ACCUSE", "REJECT") else ("appos",)  # "X's policies"
    named = [[x, *(y for y in x.children if y.dep_ in owner)] for x in args]
    who = [{a for y in ys for a in coder.actors.at(y, f.offset)} for ys in named]
    # a person a role noun names no one ("a former adviser for President X" with X misread as a subject)
    unnamed = any(not w and x.pos_ == "NOUN" for x, w in zip(args, who, strict=True))
    return not unnamed and any(t in w for w in who)


def _event(
    ad: AnalyzedDoc,
    f: Found,
    sent: Any,
    lex: EventLexicon,
    coder: Coder,
    places: Places,
    owned: dict[int | None, list[Any]],
    heads: set[int],
    n: int,
) -> Event | None:
    if f.coding.type not in PLACE_TARGETS:
        governed = f.coding.type in GOVERNED_TARGETS  # "sued the state of Montana": its government
        where = [
            t
            for t in f.target
            if coder.actors.type_of(t) == "LOCATION" and not (governed and places.region_of_state(t))
        ]
        f.target = [t for t in f.target if t not in where]
        f.location = f.location or (where[0] if where else None)
        arrived = f.coding.trip and f.location is not None
        at_place = arrived or (f.coding.type == "PROTEST" and f.location is not None)  # "rallied in Lima"
        if not f.target and not where and at_place and coder.actors.type_of(f.location) == "LOCATION":
            where = [f.location]  # "arrived in Tehran on a visit": a visit to the place it happened in
        if f.coding.type == "MOBILIZE" and not f.target:  # "deployed troops along its border with X"
            f.target = _across_border(f, coder, lex)
        if f.coding.type == "MOBILIZE" and (placed := _deployed_in(f, coder, places)):
            f.target = placed  # "troops landed (arrived) in X": deployed there, whoever asked them
        if not f.target and f.coding.type in STATE_OF_PLACE:  # a visit to a city is a visit to its state
            f.target = [
                s for s in dict.fromkeys(places.state_of(w) for w in where) if s and s not in f.source
            ]
            if not f.target and f.coding.type == "CONSULT":  # a visit to a region the KB does not know
                f.target = [w for w in where if places.unknown(w) and not _at_home(f, coder, places)][:1]
            if not f.target and f.coding.trip:  # to a city of a state unnamed
                f.target = [w for w in where if places.city_of_unnamed_state(w)][:1]
        elif not f.target and f.coding.type not in PLACE_EVENTS:  # "rejected the claim from Berlin"
            govs = dict.fromkeys(places.government_of(w) for w in where)
            f.target = [s for s in govs if s and s not in f.source]
    if not f.target and f.coding.type in ACROSS_BORDER:  # "closed its border with X"
        f.target = _across_border(f, coder, lex)
    if not f.target and f.coding.type == "PROTEST":  # "several hundred Peruvians gathered": against Peru
        f.target = crowd_state(f, coder)
    if f.coding.type in STATE_POWERS:  # "sentenced by a court in Lima": by the state Lima is in, not Lima
        f.source = _state_doers(f.source, coder, places)
    own = f.coding.type == "MOBILIZE" or f.coding.cameo in lex.words("own_state_codes")
    if not f.target and own:  # "the governor deployed the national guard", "declared martial law": at home
        f.target = coder.homes(f.source)
        f.internal = bool(f.target)
    _yielded_to(f, lex)  # "submitted his resignation to President X": conceded to X
    if not f.internal and not _judged_at_home(f, coder):  # (a state's hostile act on one of its own people
        own = [t for t in f.target if any(places.same_side(t, x) for x in f.source)]  # is kept: "Peru jailed
        f.target = [t for t in f.target if t not in own or _domestic(f, t, coder)]  # a Peruvian")
    if f.coding.trip:  # "President X flew to [a city of his own state]": a trip at home, no visit
        homes = {coder.home_of(s) for s in f.source}
        f.target = [t for t in f.target if t not in homes]
        # ("protesters headed for X": a march, no visit)
        f.source = [s for s in f.source if coder.actors.entities[s].name.lower() not in COLLECTIVE_NOUNS]
    if f.lemma in lex.words("media_reports"):  # "Znak.com claims ...": the outlet reports, accuses no one
        f.source = [s for s in f.source if not coder.media(s)]
    if f.coding.type in PRESS_WORK:  # "spoke with The Daily Herald", "Wikinews contacted officials":
        f.source = [s for s in f.source if not coder.media(s)]  # interviews, not consultations
        act = f.coding.type == "REQUEST" and any(_to_clause(c) for c in f.head.children)
        f.target = f.target if act else [t for t in f.target if not coder.media(t)]  # (not "urged X to act")
    if f.coding.type == "CONSULT":  # "attended the University of Maryland": schooling, not a visit
        schools = lex.words("school_heads")
        f.target = [t for t in f.target if not set(coder.actors.entities[t].name.lower().split()) & schools]
    f.source = _described(f.source, ad.text, sent, f.offset, coder, lex)  # ("X University psychologist Y")
    f.target = _described(f.target, ad.text, sent, f.offset, coder, lex)
    unnamed = {a for a in (*f.source, *f.target) if coder.actors.entities[a].name.lower() in UNNAMED_ROLES}
    if not f.source or not f.target or set(f.source) <= unnamed or set(f.target) <= unnamed:
        return None  # ("gunmen attacked X", "police shot the attacker"): a side the story leaves unnamed
    lodged(f, coder, lex)  # "Japan protested against X": an official complaint, no demonstration
    summoned_home(f, lex)  # "summoned its ambassador to X for consultations": called home
    stance = f.stance is not None  # "was ready to send aid": said, its mood the adjective's
    asked = f.coding.type == "REQUEST"  # (a request complied with was made, whatever the compliance's mood)
    m = mood(f.stance or f.head, lex, coder.lemma, nominal=f.nominal and not stance, asked=asked)
    if m.requested and f.coding.type != "REQUEST":
        return None  # "urged Peru to withdraw": the content of the request, no event of its own
    if m.negated and f.lemma in lex.words("unsaid_when_negated"):
        return None  # "did not appear in court": he was absent, not uncharged
    placed = all(coder.actors.type_of(t) == "LOCATION" for t in f.target)  # ("would not leave [a town]")
    if m.refusal(f.coding.type, f.lemma, lex) and not placed:  # "did not accede", "would not negotiate"
        f.coding = Coding("REJECT", f.coding.mode, f.coding.cameo, f.coding.rule + " (negated: a refusal)")
        m.refused(lex)
    a = f.offset + sent.start_char
    spans = lex.words("span_openers")
    ctx = None if m.hypothetical else told_before(ad.dates, ad.paragraphs, a, spans, f.head)
    dated = choose(
        f.head, owned, heads, offset=f.offset, future=m.future, published=ad.doc.published, context=ctx,
        period=title_period(ad.doc.title, ad.doc.published),
    )
    start, end = f.offset + sent.start_char, f.offset + sent.end_char
    while start < end and ad.text[start].isspace():  # the parser's sentence may open on a space
        start += 1
    trig, actors = f.head, coder.actors
    source = actors.with_states(list(dict.fromkeys(f.source)), f.target)  # "Chilean police": and Chile
    target = actors.with_states(list(dict.fromkeys(f.target)), source)
    return Event(
        id=f"{ad.doc.id}:ev{n + 1}",
        type=f.coding.type,
        start=start,
        end=end,
        text=ad.text[start:end],
        source=source,
        target=target,
        mode=f.coding.mode,
        cameo=f.coding.cameo,
        location=f.location,
        date=dated.value,
        date_precision=dated.precision,
        date_text=dated.text,
        date_fallback=dated.source == "document",
        negated=m.negated,
        hypothetical=m.hypothetical,
        trigger=ad.text[f.offset + trig.idx : f.offset + trig.idx + len(trig.text)],
        confidence=0.5 if f.guessed or f.about else 0.6 if f.nominal else 0.7,
        rule=f.coding.rule
        + (f" +{f.guessed}" if f.guessed else "")
        + (f" +reacting to {f.about}" if f.about else ""),
        modality_cue=m.cue,
        date_source=dated.source,
    )
