"""Speech acts as events: what a quote does to the actors it is about.

A quote with a resolved speaker that names another actor (a person, organisation or state that
is neither the speaker nor the speaker's own side) is an event of the speaker towards that actor
when its cue is a speech act ("urged", "denied", "warned": the ``act`` of speech_verbs.yaml, the
one list of speech verbs) or its content takes a stance: a threat (threat words with a future or
modal verb: "they will pay a price") is THREATEN, clearly negative content ("treats the rule of
law with contempt") is ACCUSE, clearly positive content ("he was a true hero") is SUPPORT;
content alone accuses or praises only the actors it says did or are something (subjects,
agents, possessors), not every actor it names, and praises only people. The valence comes from
the VADER lexicon (vaderSentiment, MIT); the threat words from ``event_verbs.yaml``. A speech
event repeats no event already coded in its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from newsgraph.actors.facts import is_media as media_actor
from newsgraph.events.about import QuoteReader
from newsgraph.events.acts import provokers
from newsgraph.events.cameo import Coding, EventLexicon
from newsgraph.events.stance import NEGATIVE, POSITIVE, SHORT_WORDS, has_word, stance, valence
from newsgraph.events.standing import private_praise
from newsgraph.events.tree import ActorIndex
from newsgraph.events.when import Dated, choose_undated, context_date, context_start, title_period
from newsgraph.models import AnalyzedDoc, Entity, Event, Quote
from newsgraph.text import lexicons

ACTOR_TYPES = frozenset({"PERSON", "ORG", "STATE"})
#: who a quote's content alone (no speech-act cue) can praise
PRAISED_TYPES = frozenset({"PERSON"})
#: what a quote's content alone says of who it says does something: praise, a demand ("X must stop")
OF_AGENTS = frozenset({"SUPPORT", "REQUEST"})
#: the speech acts of cues that are events of the speaker towards the actors the quote is about
#: (an AGREE cue, "agrees", states an opinion, not an intent to cooperate)
CUE_ACTS = frozenset({"ACCUSE", "REJECT", "REQUEST", "SUPPORT", "THREATEN"})
#: deeds whose report with an attribution ("X stormed Y, officials said") is sourced, no accusation of X
DEEDS = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
#: a quote sentence that calls its subject something praiseworthy ("X was very honest")
PREDICATED_PRAISE = Coding("SUPPORT", None, "051", "quote sentence: praise predicated of its subject")
#: warm words said of someone ("said of X, 'he incarnated a France true to its values'"): praise of X
SAID_OF = Coding("SUPPORT", None, "051", "quote said of someone: positive")
#: a formula of thanks, congratulation or solidarity ("Congratulations to X", "We are with X")
FORMULA = Coding("SUPPORT", None, "051", "quote sentence: thanks, congratulation or solidarity")


#: organisations whose members speak for them, not for the state they belong to (a party, a movement)
PARTISAN_KINDS = lexicons.words("actors.partisan_kinds")


def _side(ent: Entity | None, ents: dict[str, Entity]) -> set[str]:
    """The speaker, what it belongs to, and what that belongs to ("a member of the Tunisian
    Parliament": the parliament and Tunisia)."""
    side: set[str] = set()
    while ent is not None and ent.id not in side and len(side) < 3:
        side.add(ent.id)
        if (ent.evidence or {}).get("kb_kind") in PARTISAN_KINDS:
            break  # (a party's state is not its members' side: they may well accuse its government)
        ent = ents.get(ent.affiliation) if ent.affiliation else None
    return side


#: a quote that lays an obligation on someone ("Iran must stop ..."): a demand of them
OBLIGATION = Coding("REQUEST", None, "100", "quote content: an obligation laid on someone")
#: an ultimatum told to someone ("told X it must leave or face war"): a demand of them and a threat
ULTIMATUM = Coding("REQUEST", None, "100", "quote content: an ultimatum to the addressee")
ULTIMATUM_THREAT = Coding("THREATEN", None, "130", "quote content: an ultimatum to the addressee")


def _is_question(text: str) -> bool:
    """Text that asks (it ends in a question mark, before any closing quote or bracket): asking one
    ('asked, "Why did X attack us?"') is no request."""
    return text.rstrip().rstrip("\"'”’)]").rstrip().endswith("?")


@lru_cache(maxsize=4)
def _modal_phrase_rx(modals: frozenset[str], phrases: frozenset[str]) -> re.Pattern[str]:
    """A phrase of ``phrases`` a few words after a modal of ``modals`` (compiled once per lexicon)."""
    alts = "|".join(re.escape(p) for p in sorted(phrases))
    modal = "|".join(re.escape(m) for m in sorted(modals))
    return re.compile(rf"\b(?:{modal})\b(?:\W+\w+){{0,5}}?\W+(?:{alts})\b")


def _modal_phrase(text: str, modals: frozenset[str], phrases: frozenset[str]) -> bool:
    """Whether one of ``phrases`` follows one of ``modals`` within a few words ("would not hesitate to
    *use force*", "will never renounce *the use of force*"; not "condemn the use of force ... will")."""
    if not (phrases and modals):
        return False
    return _modal_phrase_rx(modals, phrases).search(" ".join(text.lower().split())) is not None


def _words(text: str) -> set[str]:
    return {w.strip(".,;:!?\"'“”’").lower() for w in text.split()}


def quote_coding(q: Quote, lex: EventLexicon, acts: Any | None = None) -> Coding | None:
    """The cue's own speech act ("urged", "denied", "accused": speech_verbs.yaml ``act``), else the
    stance of the content."""
    act = acts.act(q.cue) if acts is not None and q.cue else None
    words = _words(q.text)
    # "they will pay a price", "would not hesitate to use force": a threat word or a phrase of force a
    # few words after a modal (not one anywhere in a quote with a modal somewhere else)
    threat = _modal_phrase(q.text, lex.words("modals"), lex.words("threat") | lex.words("threat_phrases"))
    # "warned that X would attack Y": a warning of force to come is a threat
    warning = act == "THREATEN" and bool(words & lex.words("hostile_words") and words & lex.words("modals"))
    asked = act == "REQUEST" and _is_question(q.text)
    # "warned that ..." alone is no threat, nor is a question a request
    if act in CUE_ACTS and (act != "THREATEN" or threat or warning) and not asked:
        return Coding(act, None, None, f"speech act of the cue '{q.cue}'")
    if threat:
        return Coding("THREATEN", None, "130", "quote content: threat words with a modal")
    if not words.isdisjoint(lex.words("obligation")):  # "Iran must stop enriching uranium"
        return OBLIGATION
    return stance(q.text, lex, "quote content")


def speech_events(
    ad: AnalyzedDoc,
    lex: EventLexicon,
    coded: Iterable[Event],
    start_n: int,
    parses: Sequence[tuple[int, Any]],
    actors: ActorIndex,
    kb: Any | None = None,
    acts: Any | None = None,
    doers: Any | None = None,
) -> list[Event]:
    """Events from quotes (see the module docstring), numbered after ``start_n``; ``acts`` is the
    speech-verb lexicon that gives each cue its speech act, ``doers`` who did the acts definite nouns
    name (:class:`newsgraph.events.acts.ActDoers`)."""
    ents = {e.id: e for e in ad.entities}
    coded = list(coded)
    have = {(e.type, s, t, e.start) for e in coded for s in e.source for t in e.target}
    said = {(e.type, s, e.start) for e in coded for s in e.source}  # a cue the coder read as a verb
    acted = {(s, e.start) for e in coded if e.type in DEEDS for s in e.source}  # who did the deeds told
    reporting = lex.words("reporting")
    reader = QuoteReader(
        ad, parses, actors, lex.words("naming"), lex.words("harm_nouns"), doers, lex.words("suffering_verbs"),
        lex.words("negation"),
    )
    out: list[Event] = []
    members = _members_of(actors, ad.text)
    for q in sorted(ad.quotes, key=lambda q: q.start):
        if q.speaker is None or q.speaker not in ents or (q.cue or "").lower() in reporting:
            continue
        if is_media(ents[q.speaker], kb):  # an outlet's report is not its own speech act
            continue
        side = _side(ents[q.speaker], ents) | members.get(q.speaker, set())
        for coding, (lo, hi), who in _readings(q, ad, lex, acts, reader):
            stance_only = not coding.rule.startswith("speech act")  # what the content says, not the cue
            if stance_only and coding.type == "ACCUSE" and _attributed(q, lex):
                continue  # "according to the coroners, 170 died of drug abuse": a fact reported
            if coding.type == "REQUEST" and not stance_only and reader.unnamed_addressee(q):
                continue  # "urging viewers, 'vote for X'": a request of the viewers, no one named
            # an accusation, and praise read from the content alone, are about who the quote says did
            # or is something ("X was a true hero"), not about every actor it names ("born in the US")
            agents = coding.type in ("ACCUSE", "REJECT") or (stance_only and coding.type in OF_AGENTS)
            # praise read from the content alone is of people: warm words about a state, a party or a
            # product are mostly description ("the success of the trade area will be a real test")
            types = PRAISED_TYPES if stance_only and coding.type == "SUPPORT" else ACTOR_TYPES
            blame = lex.words("accusation") if stance_only and coding.type == "ACCUSE" else frozenset()
            named = who if who is not None else reader.about(q, agents=agents, within=(lo, hi), blame=blame)
            ours = side | _with_speaker(q.speaker, actors, lo, hi)  # "X and Y said [they] believe ...": Y
            targets = [
                a
                for a in named
                if a not in ours and ents[a].type in types and not (stance_only and is_media(ents[a], kb))
            ]
            if not targets and coding.type == "THREATEN" and _words(q.text) & lex.words("retaliation"):
                told = sorted((e for e in coded if e.start < q.start), key=lambda e: e.start)
                hit = provokers(told, side.__contains__)  # "warned it would respond": at who struck it
                targets = hit[1] if hit is not None else []
            if not targets or (coding.type == "SUPPORT" and len(targets) > 1):
                continue  # praise of several actors at once is too loose to say who it is for
            sent = reader.sentence_at(lo)
            a, b = (sent.start, sent.end) if sent else (lo, hi)
            if any((coding.type, q.speaker, t, a) in have for t in targets):
                continue
            # "accused Israel of harming Russia": the verb's own object is the target; 'called the sentence
            # of X "unjust"': a short quote is the coder's judgement (of the sentencer)
            coded_cue = not stance_only or len(q.text.split()) <= SHORT_WORDS
            if coded_cue and (coding.type, q.speaker, a) in said:
                continue
            if stance_only and coding.type == "ACCUSE" and all((t, a) in acted for t in targets):
                continue  # "X stormed Y, killing 12, officials said": a report of the act, its source
            ev = _event(ad, q, coding, targets, a, b, start_n + len(out) + 1, lex)
            if private_praise(ev, ents, kb, lex):
                continue  # "actor X said of Y, 'he was a gentle soul'": a tribute, no political act
            if (wanted := reader.governor(q, lex.words("governors"))) is not None:  # "urged X to demand"
                ev = replace(ev, hypothetical=True, modality_cue=wanted)
            out.append(ev)
            have |= {(coding.type, q.speaker, t, a) for t in targets}  # a quote and its indirect twin
    return out


#: what lies between a person's name and the organisation they are "of" ("X *of the conservative* Y Party")
_OF = re.compile(r"\s*,?\s+of\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}")


def _members_of(actors: ActorIndex, text: str) -> dict[str, set[str]]:
    """Per actor, the organisations the document names it as of ("Ana Ruiz of the Andean Party"): a
    speaker's own side, whose plans in what they say are not an accusation of it ("said the party
    was ready with longer prison terms for abuse"). One pass over the mentions."""
    ms = actors.mentions
    out: dict[str, set[str]] = {}
    for i, m in enumerate(ms):
        if m.kind not in ("name", "alias"):
            continue
        j = i + 1  # (past the mentions inside this one: few)
        while j < len(ms) and ms[j].start < m.end:
            j += 1
        if j < len(ms) and actors.type_of(ms[j].entity) == "ORG" and _OF.fullmatch(text, m.end, ms[j].start):
            out.setdefault(m.entity, set()).add(ms[j].entity)
    return out


def _with_speaker(speaker: str, actors: ActorIndex, lo: int, hi: int) -> set[str]:
    """Who a pronoun of ``[lo, hi)`` stands for together with the speaker ("X and Y said *they* ..."):
    the speaker's own side in what they say."""
    ms = [m for m in actors.between(lo, hi) if m.kind == "pronoun"]
    spans = {(m.start, m.end) for m in ms if m.entity == speaker}
    return {m.entity for m in ms if (m.start, m.end) in spans}


def _readings(
    q: Quote, ad: AnalyzedDoc, lex: EventLexicon, acts: Any | None, reader: QuoteReader
) -> list[tuple[Coding, tuple[int, int], list[str] | None]]:
    """What a quote does, over which stretch of it, and to whom when the reading says (None: the
    actors the stretch is about): the coding of the whole quote; else, sentence by sentence, the
    stance of each one (a tribute after the news of a death: "We mourn the death of X. He was a
    true hero" is warm only in its second), or praise predicated of its subject ("John Luk was
    very honest ... and a brilliant person" where the valence lexicon finds the whole too mild)."""
    coding = quote_coding(q, lex, acts)
    praise, negation = lex.words("praise"), lex.words("negation")
    if has_word(q.text, _words(q.text), lex.words("ultimatum_phrases")) and (told := reader.addressees(q)):
        return [(ULTIMATUM, (q.start, q.end), told), (ULTIMATUM_THREAT, (q.start, q.end), told)]

    def praised(lo: int, hi: int) -> list[str]:
        return reader.praised(q, lo, hi, praise, negation)

    if coding is None or not coding.rule.startswith("speech act"):
        if of := reader.spoken_of(q):  # "said of X, 'he was ...'": about X, warm or hostile
            got = coding or stance(q.text, lex, "quote said of someone")
            got = got or (SAID_OF if valence(q.text) >= POSITIVE else None)
            if got is not None and got.type in ("SUPPORT", "ACCUSE"):
                return [(got, (q.start, q.end), of)]

    if coding is not None and coding.type == "SUPPORT" and not coding.rule.startswith("speech act"):
        # warm content: whom it calls praiseworthy, where it says ("Sad news ... I remember playing
        # with him in Alexis Korner's band. He was a talented drummer")
        who = [a for lo, hi in reader.sentence_parts(q) for a in praised(lo, hi)]
        return [(coding, (q.start, q.end), list(dict.fromkeys(who)) or None)]
    if coding == OBLIGATION:  # "X must stop ...": a demand of whom the modal's verb names as its subject
        who = reader.obliged(q, lex.words("obligation"), lex.words("negation"))
        if who:
            return [(coding, (q.start, q.end), who)]
        coding = stance(q.text, lex, "quote content")  # no one obliged: what the content says
    words = _words(q.text)
    warning = coding is not None and coding.rule.startswith("speech act") and coding.type == "THREATEN"
    if warning and not words & lex.words("threat"):  # (not "warned that X would pay a price")
        # "warned that Chile would attack Peru": Peru is threatened, not Chile, who would act
        doers = reader.obliged(q, lex.words("modals"), frozenset())
        who = [a for a in reader.about(q, agents=False, within=(q.start, q.end)) if a not in doers]
        return [(coding, (q.start, q.end), who or None)]
    if coding is not None:
        return [(coding, (q.start, q.end), None)]
    out: list[tuple[Coding, tuple[int, int], list[str] | None]] = []
    for lo, hi in reader.sentence_parts(q):
        if _formula(ad.text[lo:hi], lex) and (who := reader.about(q, agents=False, within=(lo, hi))):
            out.append((FORMULA, (lo, hi), who))  # ("Thank you X for ...": whom it thanks, named in it)
        elif (lo, hi) != (q.start, q.end) and (got := stance(ad.text[lo:hi], lex, "quote sentence")):
            out.append((got, (lo, hi), (praised(lo, hi) or None) if got.type == "SUPPORT" else None))
        elif (who := praised(lo, hi)) and valence(ad.text[lo:hi]) > NEGATIVE:
            out.append((PREDICATED_PRAISE, (lo, hi), who))
    return out


def _formula(text: str, lex: EventLexicon) -> bool:
    """Words of thanks, congratulation or solidarity in a sentence with no word of blame or negation
    ("Congratulations to X on ...", "We are with X in our thoughts"; lexicon ``solidarity_phrases``)."""
    words = _words(text)
    if not words.isdisjoint(lex.words("negation")) or has_word(text, words, lex.words("accusation")):
        return False
    return has_word(text, words, lex.words("solidarity_phrases"))


def _attributed(q: Quote, lex: EventLexicon) -> bool:
    """An indirect quote whose cue only attributes what it tells ("according to X, ...")."""
    return q.kind == "indirect" and (q.cue or "").lower() in lex.words("attributions")


def is_media(ent: Entity, kb: Any | None) -> bool:
    """A media organisation (see :func:`newsgraph.actors.facts.is_media`)."""
    return media_actor(ent.kb_id, ent.type, ent.name, kb)


def _event(
    ad: AnalyzedDoc, q: Quote, coding: Coding, targets: list[str], a: int, b: int, n: int, lex: EventLexicon
) -> Event:
    stated = [d for d in ad.dates if d.value and d.start is not None and a <= d.start < b]
    at = q.cue_start if q.cue_start is not None else q.start
    d = min(stated, key=lambda d: abs((d.start or 0) - at)) if stated else None
    if d is not None:
        dated = Dated(d.value, d.precision, d.text, "text")
    else:
        ctx = context_date(ad.dates, context_start(ad.paragraphs, a), a, lex.words("span_openers"))
        dated = choose_undated(ctx, ad.doc.published, title_period(ad.doc.title, ad.doc.published))
    return Event(
        id=f"{ad.doc.id}:ev{n}",
        type=coding.type,
        start=a,
        end=b,
        text=ad.text[a:b],
        source=[q.speaker or ""],
        target=targets,
        mode=coding.mode,
        cameo=coding.cameo,
        date=dated.value,
        date_precision=dated.precision,
        date_text=dated.text,
        date_fallback=dated.source == "document",
        trigger=q.cue,
        confidence=0.5,
        rule=coding.rule,
        date_source=dated.source,
    )
