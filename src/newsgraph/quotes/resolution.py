"""Resolving a speaker phrase to a document-local entity.

:class:`SpeakerResolver` is a mixin of :class:`newsgraph.quotes.speakers.Attributor`:

* a mention covering the phrase's last word gives its entity ("Senior Hamas official Basem Naim");
* pronouns (he/she; they/it) take the most recent speaker or sentence subject of a fitting type in
  the same or the previous paragraph;
* institutional phrases ("A Hamas statement", "Hamas sources", "an official report by X’s office")
  take the entity named inside them; a definite one without a name ("the statement", "these
  officials", "the ministry's statement") the last speaker phrase with the same head noun or the
  organisation named so; "its foreign ministry" the owner's ministry;
* person descriptions ("the top Hamas official") take the most recent person whose titles or
  affiliation fit; an indefinite one ("a Hamas official") speaks for its organisation; with nothing
  fitting the speaker stays ``None`` (never guessed).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import NamedTuple

from newsgraph.models import Entity, Mention
from newsgraph.quotes import sources
from newsgraph.quotes.gender import Genders
from newsgraph.text import lexicons
from newsgraph.text.nounphrases import (
    DEFINITE,
    DETERMINERS,
    GENERIC_PERSON_HEADS,
    GROUP_HEADS,
    HE_SHE,
    INSTITUTION_HEADS,
    ORG_GROUP_HEADS,
    PERSON_HEADS,
    POSSESSIVE_END,
    POSSESSIVE_PRONOUNS,
    PREPS,
    PRONOUNS,
    REFLEXIVES,
    THEY_IT,
    Phrase,
    PhraseScanner,
    Tok,
)

_INDEFINITE = lexicons.words("quotes.indefinite_articles")
#: unmodified source heads that speak for the organisation in focus ("officials said")
CONTEXT_HEADS = lexicons.words("quotes.context_heads")
#: prepositions whose object is the speaker ("a statement *by* X", "a message *from* X")
AGENT_PREPS = frozenset({"by", "from"})

# base confidence of a speaker found in each way
CONFIDENCE = {
    "name": 0.9,
    "object": 0.85,
    "according": 0.8,
    "pronoun": 0.75,
    "inherit": 0.7,
    "continuation": 0.7,
    "description": 0.65,
    "anaphor": 0.65,
    "intro": 0.6,
    "context": 0.5,
    "heading": 0.4,
}
UNRESOLVED_CONFIDENCE = 0.3


class Resolution(NamedTuple):
    entity: str | None
    how: str | None  # name | pronoun | description | anaphor | inherit | object | ...
    confidence: float
    head: str | None = None


UNRESOLVED = Resolution(None, None, UNRESOLVED_CONFIDENCE)


@dataclass
class Record:
    """A resolved speaker or sentence subject, as a candidate antecedent."""

    pos: int
    entity: str
    etype: str
    para: int
    head: str | None = None


def _outside_brackets(toks: list[Tok]) -> list[Tok]:
    """The words of a phrase outside brackets and parentheses."""
    words: list[Tok] = []
    depth = 0
    for t in toks:
        if t.text in "[(":
            depth += 1
        elif t.text in "])":
            depth = max(0, depth - 1)
        elif depth == 0 and t.is_word:
            words.append(t)
    return words


_NAME_WORD = re.compile(r"[\w’'-]+")


def _surname_fits(word: str, e: Entity) -> bool:
    surnames = {n.split()[-1].lower() for n in [e.name, *e.aliases] if len(n.split()) > 1}
    return any(word == s or (len(word) >= 5 and _one_edit(word, s)) for s in surnames)


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one substituted, inserted or deleted letter (first two equal)."""
    if a[:2] != b[:2] or abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


#: how far back (characters) a description looks for the person it names (as actors.refer.WINDOW)
WINDOW = 20_000


class SpeakerResolver(PhraseScanner):
    """Phrase-to-entity resolution over the host's mentions, entities and speaker records."""

    entities: list[Entity]
    records: list[Record]
    subjects: list[Record]
    headings: set[int]
    genders: Genders

    def prev_para(self, para: int) -> int:
        p = para - 1
        while p >= 0 and p in self.headings:
            p -= 1
        return p

    def record(self, pos: int, res: Resolution, para: int) -> None:
        if res.entity:
            self.records.append(Record(pos, res.entity, self.etype(res.entity), para, res.head))

    def _in_paras(self, paras: set[int]) -> list[Record]:
        """The records, then the sentence subjects, of the paragraphs ``paras``, each in its list's
        order (as ``records + subjects`` filtered by paragraph, without a scan of every record)."""
        by_para: dict[int, list[int]] = self.__dict__.setdefault("_records_by_para", {})
        seen = self.__dict__.get("_records_seen", 0)
        for i in range(seen, len(self.records)):  # index the records added since the last call
            by_para.setdefault(self.records[i].para, []).append(i)
        self.__dict__["_records_seen"] = len(self.records)
        subjects: dict[int, list[Record]] | None = self.__dict__.get("_subjects_by_para")
        if subjects is None:
            subjects = {}
            for r in self.subjects:
                subjects.setdefault(r.para, []).append(r)
            self.__dict__["_subjects_by_para"] = subjects
        mine = sorted(i for p in paras for i in by_para.get(p, ()))  # subjects are in paragraph order
        return [self.records[i] for i in mine] + [r for p in sorted(paras) for r in subjects.get(p, [])]

    def resolve(self, ph: Phrase | None, para: int, pos: int) -> Resolution:
        if ph is None:
            return UNRESOLVED
        toks = self.tokens(ph.start, ph.end)
        gloss = self._gloss(toks)
        if gloss is not None:
            res = self.resolve(gloss, para, pos)
            if res.entity:
                return res
        words = _outside_brackets(toks)
        while words and words[-1].low in REFLEXIVES:
            words.pop()
        if not words:
            return UNRESOLVED
        if len(words) == 1 and words[0].low in PRONOUNS:
            linked = [m for m in self.mentions_in(ph.start, ph.end) if m.kind == "pronoun"]
            if words[0].low in HE_SHE and len(linked) == 1:  # the actors stage linked it ("She said")
                return Resolution(linked[0].entity, "pronoun", CONFIDENCE["pronoun"], None)
            return self.resolve_pronoun(words[0].low, pos, para)
        core = [words[0]]
        for t in words[1:]:
            if t.low in PREPS:
                break
            core.append(t)
        ms = [m for m in self.mentions_in(ph.start, ph.end) if m.start >= ph.start and m.end <= ph.end + 1]
        core_ms = [m for m in ms if m.start < core[-1].end]
        pp_ms = [m for m in ms if m.start >= core[-1].end]
        unnamed = self._unnamed_source(core, core_ms, pos, para)
        if unnamed is not None:
            return unnamed
        named = self._named(ph, words, core)
        if named is not None:
            return named
        head = core[-1].low
        if head in PERSON_HEADS:
            return self._person(head, core, core_ms + pp_ms, pos, para)
        if head in GROUP_HEADS or head in INSTITUTION_HEADS:
            if not core_ms and head not in GROUP_HEADS and head.endswith("s"):
                pp_ms = []  # "reports in the Russian media" are many sources, not Russia
            orgs = [m for m in core_ms or pp_ms if self.mention_type(m) != "LOCATION"]
            if head in GROUP_HEADS:  # "associates of X" are not X
                orgs = [m for m in orgs if self.mention_type(m) != "PERSON"]
            res = self._institution(words, core, orgs, pos, para)
            return res if res.entity else self._context(head, core, pos, para, res)
        return UNRESOLVED

    def _unnamed_source(
        self, core: list[Tok], named: list[Mention], pos: int, para: int
    ) -> Resolution | None:
        """"state media" (the state's outlet), "Kesh military" (the document's Kesh armed body)."""
        outlet = sources.state_outlet(self, core, named, pos, para)
        if outlet is not None:
            return Resolution(outlet, "context", CONFIDENCE["context"], core[-1].low)
        body = sources.armed_body(self, core, named)
        if body is not None:
            return Resolution(body, "description", CONFIDENCE["description"], core[-1].low)
        return None

    def _named(self, ph: Phrase, words: list[Tok], core: list[Tok]) -> Resolution | None:
        """A name ending the phrase ("Senior Hamas official Basem Naim", "Doug Collins of Georgia":
        a place after a preposition qualifies the name and is not the speaker)."""
        over = self.mentions_in(ph.start, ph.end)
        after_prep = len(core) < len(words)
        for w in (words[-1], core[-1]):
            if w.text[:1].islower() and core[0].low in _INDEFINITE:
                continue  # "a protester": someone new, not the group the noun names
            for m in over:
                if not m.start <= w.start < m.end:
                    continue
                before = [t for t in words if t.end <= m.start]
                if (
                    w is words[-1]
                    and after_prep
                    and (
                        self.mention_type(m) != "PERSON" or (before and before[-1].low in PREPS - AGENT_PREPS)
                    )
                ):
                    break  # "X of Georgia", "associates of X": the object of a preposition
                how = m.kind if m.kind in ("pronoun", "description") else "name"
                return Resolution(m.entity, how, CONFIDENCE[how], None)
        return None

    def _person(self, head: str, core: list[Tok], named: list[Mention], pos: int, para: int) -> Resolution:
        """ "a Hamas official" (someone new, speaking for the modifier), "the top Hamas official" (a
        person named before), "the spokesperson for the German government" (its affiliation)."""
        mods = [m.entity for m in named if self.mention_type(m) in ("ORG", "STATE")]
        if head in CONTEXT_HEADS:  # "a spokesman for West": whom the spokesman speaks for
            mods = mods or [m.entity for m in named if self.mention_type(m) == "PERSON"]
        if core[0].low in _INDEFINITE:
            if mods:
                return Resolution(mods[0], "description", CONFIDENCE["description"] - 0.1, head)
            return self._context(head, core, pos, para, Resolution(None, None, UNRESOLVED_CONFIDENCE, head))
        res = self.resolve_description(head, mods, [t.low for t in core[:-1]], pos, para)
        if res.entity is None and mods:
            return Resolution(mods[0], "description", CONFIDENCE["description"] - 0.1, head)
        if res.entity is None and not mods and head not in GENERIC_PERSON_HEADS:
            alone = self.unique_title(head)  # "the king": the one person titled so in the document
            if alone.entity:
                return alone._replace(how="description", confidence=CONFIDENCE["description"] - 0.1)
        return res

    def _context(self, head: str, core: list[Tok], pos: int, para: int, res: Resolution) -> Resolution:
        """An unmodified source ("officials said", "a spokesperson told"): the organisation or state
        speaking or acting last, in this paragraph or the one before; a named modifier ("Hospital
        officials") says it is someone else."""
        if head not in CONTEXT_HEADS or any(
            t.text[0].isupper() and t.low not in DETERMINERS for t in core[:-1]
        ):
            return res
        ctx = self.resolve_pronoun("they", pos, para)
        if ctx.entity is None:
            return res
        return Resolution(ctx.entity, "context", CONFIDENCE["context"], head)

    def _institution(
        self, words: list[Tok], core: list[Tok], named: list[Mention], pos: int, para: int
    ) -> Resolution:
        """ "A Hamas statement", "Hamas sources", "its foreign ministry", "the ministry's statement",
        "the statement": the organisation named inside, the owner's body, or the one referred back to."""
        head = core[-1].low
        if named:
            return Resolution(named[0].entity, "name", CONFIDENCE["name"] - 0.05, head)
        if core[0].low in POSSESSIVE_PRONOUNS:  # "its foreign ministry", "their statement"
            owner = self.resolve_pronoun(POSSESSIVE_PRONOUNS[core[0].low], pos, para)
            if owner.entity:
                part = self._affiliated(owner.entity, head)
                return Resolution(part or owner.entity, "pronoun", CONFIDENCE["pronoun"] - 0.05, head)
        definite = core[0].low in DEFINITE
        # "the ministry's statement", "a statement from the movement": a definite institution inside
        for k, t in enumerate(words):
            noun = POSSESSIVE_END.sub("", t.low)
            if t is core[-1] or noun not in INSTITUTION_HEADS | ORG_GROUP_HEADS | GROUP_HEADS:
                continue
            if k > 0 and (words[k - 1].low in DEFINITE or t.low != noun or definite):
                res = self.resolve_anaphor(noun, pos, para)
                if res.entity:
                    return res._replace(head=head)
        if definite:
            res = self.resolve_anaphor(head, pos, para)
            if res.entity:
                return res
            back = sources.source_antecedent(self, head, pos, para)  # "sources within X ... the sources"
            if back is not None:
                return Resolution(back, "anaphor", CONFIDENCE["anaphor"] - 0.05, head)
        return Resolution(None, None, UNRESOLVED_CONFIDENCE, head)

    def _affiliated(self, owner: str, head: str) -> str | None:
        """An organisation of ``owner`` named by ``head`` ("its foreign ministry" of Kesh)."""
        for e in self.entities:
            if e.affiliation == owner and head in re.findall(r"\w+", " ".join([e.name, *e.aliases]).lower()):
                return e.id
        return None

    def resolve_pronoun(self, word: str, pos: int, para: int) -> Resolution:
        if word not in HE_SHE and word not in THEY_IT:
            return UNRESOLVED
        want = ("PERSON",) if word in HE_SHE else ("ORG", "STATE")
        window = {para, self.prev_para(para)}
        best: Record | None = None
        for r in self._in_paras(window):
            if r.pos < pos and r.para in window and r.etype in want and (best is None or r.pos > best.pos):
                if self.genders.fits(r.entity, word):
                    best = r
        if best is None:
            return UNRESOLVED
        return Resolution(best.entity, "pronoun", CONFIDENCE["pronoun"], None)

    def resolve_anaphor(self, head: str, pos: int, para: int) -> Resolution:
        """ "the statement", "these officials": the last speaker phrase with the same head noun; "the
        group", "the ministry": the most recent organisation named so (or any, for group nouns)."""
        stem = head.rstrip("s")
        for r in reversed(self.records):
            if r.pos < pos and r.head and r.head.rstrip("s") == stem:
                return Resolution(r.entity, "anaphor", CONFIDENCE["anaphor"], head)
        # the most recent organisation mentioned by a name containing the head ("the ministry"), at any
        # distance; for generic group nouns ("the group", "the movement") any organisation nearby
        window = {para, self.prev_para(para)}
        generic: str | None = None
        k = bisect.bisect_left(self._mstarts, pos) - 1
        while k >= 0:
            m = self._ms[k]
            k -= 1
            if m.end > pos or self.mention_type(m) != "ORG":
                continue
            ent = self.ents.get(m.entity)
            words = re.findall(r"\w+", " ".join([m.text, *([ent.name, *ent.aliases] if ent else [])]).lower())
            if head in words:
                return Resolution(m.entity, "anaphor", CONFIDENCE["anaphor"] - 0.05, head)
            if generic is None and head in ORG_GROUP_HEADS and self._para_of(m.start) in window:
                generic = m.entity
        if generic is not None:
            return Resolution(generic, "anaphor", CONFIDENCE["anaphor"] - 0.1, head)
        return UNRESOLVED

    def _para_of(self, pos: int) -> int:
        k = bisect.bisect_right(self._pstarts, pos) - 1
        return max(k, 0)

    def resolve_description(
        self, head: str, mods: list[str], adjs: list[str], pos: int, para: int
    ) -> Resolution:
        """The most recent person whose titles or affiliation fit "the [modifiers] head"."""
        recent = {para, self.prev_para(para)}
        seen: set[str] = set()
        # the people of the paragraphs within WINDOW characters before (a long document: not all of them)
        first = bisect.bisect_right(self._pstarts, pos - WINDOW) - 1
        nearby = self._in_paras(set(range(max(first, 0), para + 1)))
        cands = sorted((r for r in nearby if r.pos < pos and r.etype == "PERSON"), key=lambda r: -r.pos)
        mod_ids = set(mods) | {"kb:" + (self.ents[m].kb_id or "") for m in mods if m in self.ents}
        for r in cands:
            if r.entity in seen:
                continue
            seen.add(r.entity)
            ent = self.ents.get(r.entity)
            if ent is None:
                continue
            title_words = set(re.findall(r"\w+", " ".join(ent.titles).lower()))
            fit = 0
            if head in title_words:
                fit += 2
            if mods:
                if ent.affiliation and ent.affiliation in mod_ids:
                    fit += 2
                elif ent.affiliation:
                    continue  # "the Hamas official" is not a Russian minister
            if any(a in title_words for a in adjs if a not in DETERMINERS and len(a) > 3):
                fit += 1
            if head in GENERIC_PERSON_HEADS and r.para in recent:
                fit += 1
            if fit > 0:
                return Resolution(r.entity, "description", CONFIDENCE["description"], head)
        return Resolution(None, None, UNRESOLVED_CONFIDENCE, head)

    def variant_name(self, text: str, res: Resolution) -> Resolution:
        """A name the actor stage did not mark that is the surname of exactly one person of the
        document, as written or spelled one letter differently ("Saree" for "Sarea")."""
        names = [w for w in _NAME_WORD.findall(text) if w[0].isupper()]
        if res.entity or not names:
            return res
        last = names[-1].lower()
        # _surname_fits over every person, through an index by the first two letters (long documents)
        index = self._surnames().get(last[:2], ())
        hits = {eid for eid, sn in index if last == sn or (len(last) >= 5 and _one_edit(last, sn))}
        if len(hits) != 1:
            return res
        return Resolution(hits.pop(), "name", CONFIDENCE["name"] - 0.1, None)

    def _surnames(self) -> dict[str, list[tuple[str, str]]]:
        """The people's surnames by their first two letters (built once per document)."""
        index: dict[str, list[tuple[str, str]]] | None = self.__dict__.get("_surname_index")
        if index is None:
            index = {}
            for e in self.entities:
                if e.type == "PERSON":
                    names = [e.name, *e.aliases]
                    for sn in sorted({n.split()[-1].lower() for n in names if len(n.split()) > 1}):
                        index.setdefault(sn[:2], []).append((e.id, sn))
            self.__dict__["_surname_index"] = index
        return index

    def unique_title(self, head: str) -> Resolution:
        """The one PERSON entity whose titles contain ``head`` (for headline quotes)."""
        hits = [
            e.id
            for e in self.entities
            if e.type == "PERSON" and head in re.findall(r"\w+", " ".join(e.titles).lower())
        ]
        if len(hits) == 1:
            return Resolution(hits[0], "heading", CONFIDENCE["heading"], head)
        return UNRESOLVED

    # ---- cues --------------------------------------------------------------------------
