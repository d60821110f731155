"""The "actors" stage: mentions of people, organisations, states and places, grouped into
document-local entities with types, titles and affiliations (see :mod:`newsgraph.actors`).

Reads the parse stage's ``ad.parses`` (the one model pass over the body: its entities are the
statistical candidates; setting ``model`` or env ``NEWSGRAPH_MODEL`` override the bundled model,
``"blank"`` runs rules only) and the knowledge base through ``Resources.get("kb")`` (bundled plus
``kb_files``).

Places used only as venues ("arrived in Moscow") are LOCATION entities whose mentions have kind
``venue``; their offsets are also in ``Entity.evidence["venue_spans"]`` so events can use them as
locations. ``AnalyzedDoc.extras["actors.venues"]`` maps each venue span to its entity id.
"""

from __future__ import annotations

import re

from newsgraph.actors.armed import join_armed_collectives
from newsgraph.actors.classify import classify
from newsgraph.actors.coref import Entities, LocalEntity, group_names
from newsgraph.actors.crowds import crowd_mentions
from newsgraph.actors.kb import KnowledgeBase
from newsgraph.actors.lexicon import is_title_word
from newsgraph.actors.recognize import Recognizer, is_heading
from newsgraph.actors.refer import descriptions, pronouns
from newsgraph.actors.roles import assign_roles, title_states
from newsgraph.actors.sectors import sector_mentions
from newsgraph.actors.spans import Cand, DocView
from newsgraph.actors.suspects import suspect_mentions
from newsgraph.models import AnalyzedDoc, Entity, Mention
from newsgraph.pipeline.registry import Resources, stage
from newsgraph.text import lexicons


def analyse(ad: AnalyzedDoc, rec: Recognizer) -> tuple[list[Entity], list[Mention]]:
    """Entities and mentions of one analysed document (body paragraphs only)."""
    kb = rec.kb
    text = ad.text
    view = DocView(text, list(ad.paragraphs), list(ad.sentences))
    view.headings = {i for i, p in enumerate(view.paragraphs) if is_heading(text[p.start : p.end])}
    cands = rec.recognize(view, ad.parses)
    cands, found = classify(view, cands, kb)
    cands = crowd_mentions(cands, ad.parses)  # "thousands of people marched": the protesters
    title_states(view, cands)
    ents = group_names(view, cands, kb)
    join_armed_collectives(ents, kb, text)  # "the Andean Liberation Front attacked ... the rebels fled"
    # descriptions may contain names ("the Hamas official") but not overlap people or each other
    taken = [(c.start, c.end) for c in cands if c.label == "PERSON" and c.entity]
    extra = descriptions(view, ents, kb, found.demonyms, taken, persons=False)
    assign_roles(view, cands + extra, ents, kb, found.demonyms)
    extra += descriptions(view, ents, kb, found.demonyms, taken, persons=True)
    extra += suspect_mentions(view, ents, taken, ad.parses)  # "the accused": the story's suspect
    extra += pronouns(view, ents, taken, ad.parses)
    _demonym_states(text, cands, ents, kb)
    extra += sector_mentions(view, cands + extra + found.venues, ents, kb, ad.parses)
    venues = _venues(ents, found.venues, kb)
    entities, mentions = _build(ents, kb)
    for e in venues:  # every named place is an actor: venues get mentions too ("arrived in Moscow")
        entities.append(e)
        mentions += [Mention(a, b, text[a:b], e.id, kind="venue", type="LOCATION")
                     for a, b in e.evidence["venue_spans"]]
    mentions.sort(key=lambda m: (m.start, m.end))
    ad.extras["actors.venues"] = {tuple(s): e.id for e in venues for s in e.evidence["venue_spans"]}
    return entities, mentions

#: words after a demonym adjective that make it a mention of the state ("the Turkish *President*",
#: "an Iranian *airline*"); before other words it only gives affiliation
DEMONYM_STATE_WORDS = (
    lexicons.words("actors.demonym_state_nouns") | lexicons.words("actors.person_nouns")
    | lexicons.words("actors.government_words") | lexicons.words("actors.org_heads")
    | lexicons.words("actors.title_heads") | lexicons.words("actors.title_modifiers")
)


#: lower-case words between a demonym and its state noun ("Israeli *air* strikes")
FORCE_MODIFIERS = lexicons.words("actors.demonym_force_modifiers")


def _demonym_states(text: str, cands: list[Cand], ents: Entities, kb: KnowledgeBase) -> None:
    """A demonym adjective of a state before a title, an official or a state body ("the Turkish
    President", "an Iranian airline") is a mention of the state (kind ``demonym``), not only an
    affiliation; hyphenated compounds ("Israeli-Palestinian") and other uses stay adjectives."""
    for c in cands:
        entry = kb.get(c.kb_id) if c.label == "NORP" and c.kb_id else None
        hyphen = "-" in (text[c.start - 1 : c.start], text[c.end : c.end + 1])
        if entry is None or entry.type != "STATE" or hyphen or c.meta.get("title_state"):
            continue
        word = _noun_after(text, c.end)
        if word[:1].isupper() and not is_title_word(word):
            continue  # the first word of a name ("Saudi Aramco", "American Airlines")
        if not _state_word(word.lower()):
            continue  # "Palestinian unity", "Iraqi protesters": not the state acting
        e = ents.get(c.entity) if c.entity else ents.by_key.get("kb:" + entry.kb_id)
        if e is None:
            e = ents.new("STATE", "kb:" + entry.kb_id, entry.kb_id)
        c.label, c.kind = "STATE", "demonym"
        ents.add(e, c)


def _state_word(word: str) -> bool:
    """A word after a demonym that makes it the state, also in the plural of two states' nouns
    ("the Chilean and Peruvian *governments*")."""
    return word in DEMONYM_STATE_WORDS or (word.endswith("s") and word[:-1] in DEMONYM_STATE_WORDS)


#: a weapon's model designation: letters, a hyphen and digits ("Su-24", "F-16", "MiG-29", "T-72")
_MODEL = re.compile(r"[A-Z][A-Za-z]{0,3}-\d+[A-Z]?")


def _noun_after(text: str, end: int) -> str:
    """The word after a demonym, past the modifiers of a state's forces ("Israeli *air* strikes",
    "Pakistani *paramilitary* forces") and a second demonym ("Israeli and Palestinian *leaders*")."""
    words = [w.rstrip(".") for w in re.findall(r"[\w'’.-]+", text[end : end + 60])[:4]]
    if len(words) > 2 and words[0] in ("and", "or") and words[1][:1].isupper():
        words = words[2:]  # "the *Israeli* and Palestinian leaders": the noun of both
    while len(words) > 1 and (
        (words[0] in FORCE_MODIFIERS and words[0].lower() not in DEMONYM_STATE_WORDS)
        or _MODEL.fullmatch(words[0])  # "a Russian *Su-24* warplane", "Chilean *F-16* fighter jets"
    ):
        words = words[1:]
    return words[0] if words and re.match(r"\s", text[end : end + 1]) else ""


def _venues(ents: Entities, venues: list[Cand], kb: KnowledgeBase) -> list[Entity]:
    groups: dict[str, list[Cand]] = {}
    for c in venues:
        groups.setdefault(c.kb_id or c.text.casefold(), []).append(c)
    out = []
    n = len(ents.items)
    for i, cs in enumerate(groups.values(), 1):
        entry = kb.get(cs[0].kb_id) if cs[0].kb_id else None
        name = entry.name if entry else max((c.text for c in cs), key=lambda t: (not t.isupper(), len(t)))
        out.append(
            Entity(
                f"e{n + i}",
                "LOCATION",
                name,
                aliases=sorted({c.text for c in cs}),
                kb_id=entry.kb_id if entry else None,
                affiliation=f"kb:{entry.affiliation}" if entry and entry.affiliation else None,
                evidence={"venue": True, "venue_spans": [[c.start, c.end] for c in cs]},
            )
        )
    return out


def _build(ents: Entities, kb: KnowledgeBase) -> tuple[list[Entity], list[Mention]]:
    entities: list[Entity] = []
    mentions: list[Mention] = []
    seen: set[tuple[int, int]] = set()
    for e in ents.items:
        cands = sorted(
            (c for c in e.cands if c.label != "NORP" and not c.meta.get("subunit")), key=lambda c: c.start
        )
        if all(c.kind == "pronoun" or c.kind == "description" for c in cands):
            cands = []
        if not cands:
            continue
        aliases = list(
            dict.fromkeys(c.text for c in cands if c.kind in ("name", "alias", "metonym", "demonym"))
        )
        entities.append(
            Entity(
                e.id,
                e.type,
                e.best_name(kb),
                aliases=aliases,
                titles=list(e.titles),
                kb_id=e.kb_id,
                affiliation=e.affiliation,
                evidence={
                    "sources": sorted({c.source for c in cands}),
                    "kinds": sorted({c.kind for c in cands}),
                    **_extra(e),
                },
            )
        )
        for c in cands:
            if (c.start, c.end) in seen:
                continue
            seen.add((c.start, c.end))
            mentions.append(Mention(c.start, c.end, c.text, e.id, kind=c.kind, type=e.type))
    mentions.sort(key=lambda m: (m.start, m.end))
    return entities, mentions


def _extra(e: LocalEntity) -> dict[str, object]:
    ev = e.evidence or {}
    out: dict[str, object] = {k: v for k, v in ev.items() if k == "kb_kind" and v}
    if any(c.meta.get("group_key") for c in e.cands):
        out["collective"] = "noun"  # "the protesters": a group of this story, not linked by name
    return out


@stage(
    "actors",
    requires=("body_spans", "paragraphs", "sentences", "parses"),
    assigns=("entities", "mentions"),
)
def actors_stage(ad: AnalyzedDoc, res: Resources) -> None:
    """Actor mentions (people, organisations, states, places) and local entities."""
    ad.entities, ad.mentions = analyse(ad, res.get("actors.recognizer"))
