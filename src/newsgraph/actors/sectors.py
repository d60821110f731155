"""Bodies of a state named only by a common noun of their sector: "police arrested ...", "the
authorities said", "troops withdrew". With no state named in the noun's own phrase (those are the
knowledge base's template bodies: "Israeli police", "the Iraqi government"), the noun is the body of
the state the text places it in (``actors.sector_nouns`` in ``data/lexicon/actors.yaml``: noun -> the
template of that body), found in this order:

1. a place named as its modifier ("the *Kenosha* police", "*American* soldiers");
2. a place named right after the noun ("police *in Tamil Nadu*", "the authorities *of Kerala*");
3. the body of that kind named last before it, in its paragraph or the one before ("Israeli
   police ... the police");
4. the first state the lead names (by name or demonym; else that of its first place; else of a
   nationality: "a Canadian tourist"), else the state the document names most (twice at least,
   more often than any other);
5. the state of the one place its sentence names as where things happen ("in Cheltenham").

When none gives a state the noun is no actor. Only a noun that heads its phrase, or that modifies an
agent noun ("police officers", ``actors.sector_agent_heads``) or an act of the body ("the police
killing of X", ``actors.sector_act_nouns``), is the body acting: "a police station" and "the army
base" are not; nor is a body below the state ("the local government",
``actors.sector_local_modifiers``), nor a singular noun without "the" ("levels of government").
Bodies whose template stands for the state itself (the government, the military) are mentions of
the state. Mentions have kind ``sector``: they are no names of the body.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property
from typing import Any

from newsgraph.actors.coref import NAME_KINDS, Entities, LocalEntity
from newsgraph.actors.kb import KnowledgeBase
from newsgraph.actors.spans import Cand, DocView
from newsgraph.text import lexicons
from newsgraph.text.parsed import select
from newsgraph.text.vocabulary import DEFINITE, verb_stems

_NOUNS: dict[str, str] = lexicons.table("actors.sector_nouns")
_AGENT_HEADS = lexicons.words("actors.sector_agent_heads")
_ACT_NOUNS = lexicons.words("actors.sector_act_nouns")
_DEFINITE = lexicons.words("actors.sector_definite")
_LOCAL = lexicons.words("actors.sector_local_modifiers")
#: templates whose body is the state itself ("the military", "the government")
_STATE_BODIES = lexicons.words("actors.state_templates") | {"government"}
_NOUN_RX = re.compile(
    rf"(?i)(?<![\w-])(?:{'|'.join(re.escape(n) for n in sorted(_NOUNS, key=len, reverse=True))})(?![\w-])"
)
#: the last word of each noun: the token the parse is read at
_LAST_WORDS = frozenset(n.split()[-1] for n in _NOUNS)
_PLACE_AFTER = re.compile(r"[ \t]+(?:in|of|from)[ \t]+(?:the[ \t]+)?")
#: a place where things happen: "in Cheltenham", "in Cheltenham, England"
_IN_BEFORE = re.compile(r"\b(?:in|at|near|outside)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w'’.-]*,?[ \t]+){0,4}$")
_WORD_BEFORE = re.compile(r"([\w'’.-]+)[ \t]+$")
#: an indefinite article right before a demonym used as a noun ("*an* Australian, X")
_A_PERSON = re.compile(r"\b[Aa]n? $")
_NEXT_WORD = re.compile(r"[ \t]+([\w'’-]+)")
_TITLE_HEADS = lexicons.words("actors.title_heads")
#: verbs that move a state's forces: their object is the subject's own ("Peru massed troops")
_MOVERS = lexicons.words("actors.sector_movers")
#: a first paragraph of at most this many words is a title or a dateline, not the lead
_TITLE_WORDS = 12
_POSSESSIVES = frozenset(lexicons.table("english.possessive_pronouns")) | {"my", "our", "your"}


def sector_mentions(
    view: DocView, cands: list[Cand], ents: Entities, kb: KnowledgeBase, parses: list[tuple[int, Any]]
) -> list[Cand]:
    """Mentions of state bodies named by a bare sector noun, added to ``ents``."""
    text = view.text
    places = _Places(view, [c for c in cands if c.entity or c.venue or c.label == "NORP"], ents, kb)
    heads = {offset + t.idx: t for offset, t in select(parses, lower=_LAST_WORDS)}
    out: list[Cand] = []
    for p in view.paragraphs:
        if view.is_heading(p.start):
            continue
        for m in _NOUN_RX.finditer(text, p.start, p.end):
            a, b = m.start(), m.end()
            at = b - len(m.group().split()[-1])  # where the noun's last word, the parsed head, starts
            head = heads.get(at)
            span = _acting_span(head, a, b)
            if span is None or places.covered.find(1, a, b) >= 0:
                continue
            template = _NOUNS[m.group().lower()]
            owner = places.owner(a, span[1], template)
            if owner is False:
                continue
            moved = places.mover(head, at) if head is not None else None
            state = owner or moved or places.body_before(template, a) or places.home or places.in_sentence(a)
            e = _body(ents, kb, template, state) if state else None
            if e is None:
                continue
            c = Cand(span[0], span[1], text[span[0] : span[1]], e.type, "rule", kind="sector")
            ents.add(e, c)
            out.append(c)
    return out



def _acting_span(head: Any, a: int, b: int) -> tuple[int, int] | None:
    """The mention's span when the noun names the body acting: it heads its phrase, or modifies an
    agent noun ("police officers": the span takes the agent noun in); None otherwise."""
    if head is None or head.pos_ not in ("NOUN", "PROPN"):
        return None
    mods = {c.lower_ for c in head.children if c.dep_ in ("amod", "compound", "det")}
    if mods & _LOCAL:
        return None  # "the local government"
    if head.dep_ != "compound":  # "three levels of government": no body
        return None if head.lower_ in _DEFINITE and not mods & DEFINITE else (a, b)
    gov = head.head  # "government officials", "police officers": the body's people
    if gov.lower_ in _AGENT_HEADS and gov.i == head.i + 1:
        return (a, b + (gov.idx - head.idx - len(head.text)) + len(gov.text))
    return (a, b) if gov.lower_ in _ACT_NOUNS else None  # "the police killing of X"


class _Places:
    """The document's resolved candidates indexed by position, and the states they place things in."""

    def __init__(self, view: DocView, cands: list[Cand], ents: Entities, kb: KnowledgeBase) -> None:
        self.view, self.ents, self.kb = view, ents, kb
        self.cands = sorted(cands, key=lambda c: c.start)
        self.starts = [c.start for c in self.cands]
        self.covered = bytearray(len(view.text) + 1)
        self.by_start: dict[int, Cand] = {}
        self.by_end: dict[int, Cand] = {}
        for c in self.cands:
            self.covered[c.start : c.end] = b"\x01" * (c.end - c.start)
            self.by_start.setdefault(c.start, c)
            self.by_end[c.end] = c
        self.bodies: dict[str, list[tuple[int, str]]] = {}  # template -> (start, state) of its bodies
        for c in self.cands:
            body = c.meta.get("seat") or c.kb_id or ""
            entry = kb.get(body) if body else None
            if entry is not None and entry.template and _is_state_id(entry.affiliation):
                self.bodies.setdefault(entry.template, []).append((c.start, str(entry.affiliation)))

    def state(self, c: Cand) -> str | None:
        """A state's knowledge-base id, or that of the state a place lies in (by the knowledge base's
        entry: the model may call a region a state)."""
        e = self.ents.get(c.entity) if c.entity else None
        kb_id = e.kb_id if e is not None else c.kb_id  # a venue or a demonym has no entity
        entry = self.kb.get(kb_id) if kb_id else None
        if entry is None or entry.type not in ("STATE", "LOCATION"):
            return None
        if entry.type == "STATE":
            return entry.kb_id if _is_state_id(entry.kb_id) else None
        return entry.affiliation if _is_state_id(entry.affiliation) else None

    def owner(self, a: int, b: int, template: str) -> str | None | bool:
        """The state of a place named as the noun's modifier ("the Kenosha police", "American
        soldiers") or right after it ("police in Tamil Nadu", "the army of Chad", "troops from Chad";
        troops "in" a state may be foreign ones); False when the phrase names another owner ("her
        government", "the government of Abdrabbuh Mansur Hadi", "Coalition troops", "troops from the
        Andean Community"): that body is not the bare noun's; None when the phrase names none."""
        text = self.view.text
        sent = self.view.sentences[self.view.sentence_index(a)] if self.view.sentences else None
        before = _WORD_BEFORE.search(text, max(sent.start if sent else 0, a - 40), a)
        prev = self.by_end.get(before.end(1)) if before is not None else None
        if prev is not None:
            return self.state(prev) or False
        if before is not None:
            word = before.group(1)
            if word.lower() in _POSSESSIVES or word.endswith(("'s", "’s")):
                return False
            if word[:1].isupper() and not self.view.sentence_start(before.start(1)):
                return None if word.lower() in DEFINITE else False  # ('said: "The government ...')
        after = _PLACE_AFTER.match(text, b)
        nxt = self.by_start.get(after.end()) if after is not None else None
        if after is None or nxt is None:
            return None
        state = self.state(nxt)
        if after.group().split()[0] in ("of", "from"):  # "troops from X": X's, a state or not
            return state or False
        foreign = nxt.label == "STATE" and template in _STATE_BODIES
        return None if foreign else state

    def mover(self, head: Any, at: int) -> str | None:
        """The state whose name is the subject of the verb that moves the noun's body ("Peru had
        *massed* troops on the border", "X deployed troops": ``actors.sector_movers``): its own troops,
        not those of the state the story is told from. ``at``: where ``head`` starts in the text."""
        verb = head.head
        forms = {verb.lemma_.lower(), verb.lower_, *verb_stems(verb.lower_)}  # (the lemmatizer: "masse")
        if head.dep_ != "obj" or verb.pos_ != "VERB" or not forms & _MOVERS:
            return None
        for s in (c for c in verb.children if c.dep_ == "nsubj"):
            c = self.by_start.get(at + s.idx - head.idx)
            if c is not None and (state := self.state(c)) is not None:
                return state
        return None

    def body_before(self, template: str, a: int) -> str | None:
        """The state whose body of this kind the text named last before ``a``, in the same or the
        previous paragraph ("Israeli police arrested ... The police said")."""
        found = self.bodies.get(template, [])
        i = bisect.bisect_left(found, (a, ""))
        if not i:
            return None
        at, state = found[i - 1]
        return state if self.view.para_of(a) - self.view.para_of(at) <= 1 else None

    def in_sentence(self, a: int) -> str | None:
        """The state of the one place its sentence says things happened in ("police arrested a man
        *in Cheltenham*"); a state named in the sentence may be a party, not the place."""
        sent = self.view.sentences[self.view.sentence_index(a)]
        i, found, text = bisect.bisect_left(self.starts, sent.start), set(), self.view.text
        while i < len(self.cands) and self.cands[i].start < sent.end:
            c = self.cands[i]
            i += 1
            if c.label == "LOCATION" and _IN_BEFORE.search(text, max(sent.start, c.start - 60), c.start):
                found.add(self.state(c))
        found.discard(None)
        return found.pop() if len(found) == 1 else None

    def _nationality(self, c: Cand) -> bool:
        """A demonym before a common noun of no office or body says who someone is, not where the
        story happens ("raping a *Canadian* tourist"; not "*French* police", "*US* President")."""
        text = self.view.text
        if _A_PERSON.search(text, max(0, c.start - 4), c.start) and not text[c.end : c.end + 1].isalnum():
            return True  # "*An Australian*, Brenton Tarrant, ...": a person's nationality
        m = _NEXT_WORD.match(text, c.end)
        word = m.group(1) if m else ""
        return word[:1].islower() and word not in _TITLE_HEADS and word.rstrip("s") not in _LAST_WORDS

    @cached_property
    def home(self) -> str | None:
        """The state the story happens in: the first state its lead names (by name or demonym), else
        the state of the first place it names, else of a nationality it gives (the lead is the first
        paragraph, or the second after a title or dateline of a few words); else the state the
        document names most, twice at least and more often than any other."""
        paras = [p for p in self.view.paragraphs if not self.view.is_heading(p.start)][:2]
        for k, p in enumerate(paras):
            if k and len(self.view.text[paras[0].start : paras[0].end].split()) > _TITLE_WORDS:
                break  # the first paragraph was the lead
            i = bisect.bisect_left(self.starts, p.start)
            found: dict[str, str] = {}
            while i < len(self.cands) and self.cands[i].start < p.end:
                c = self.cands[i]
                i += 1
                if c.label in ("LOCATION", "STATE", "NORP") and (state := self.state(c)):
                    kind = "LOCATION" if c.label == "LOCATION" else "STATE"
                    found.setdefault("PEOPLE" if c.label == "NORP" and self._nationality(c) else kind, state)
                elif c.label == "ORG" and (state := self._body_state(c)):
                    found.setdefault("STATE", state)  # "*Egyptian police* fired tear gas ...": Egypt
            if found:  # "a Canadian tourist" says who someone is, not where the story happens
                return found.get("STATE") or found.get("LOCATION") or found["PEOPLE"]
        counts = sorted(
            (sum(c.kind in NAME_KINDS for c in e.cands), e.kb_id)
            for e in self.ents.items
            if e.type == "STATE" and _is_state_id(e.kb_id)
        )
        if not counts or counts[-1][0] < 2 or (len(counts) > 1 and counts[-2][0] == counts[-1][0]):
            return None  # no state the document is clearly about
        return counts[-1][1]


    def _body_state(self, c: Cand) -> str | None:
        """The state whose body a candidate names ("Egyptian police", "the Kenyan army")."""
        entry = self.kb.get(c.kb_id) if c.kb_id else None
        ok = entry is not None and entry.template and _is_state_id(entry.affiliation)
        return str(entry.affiliation) if ok and entry is not None else None


def _is_state_id(kb_id: str | None) -> bool:
    return bool(kb_id) and str(kb_id).startswith("state:")


def _body(ents: Entities, kb: KnowledgeBase, template: str, state: str) -> LocalEntity | None:
    """The local entity of ``state``'s body of ``template`` (the state itself for the government and
    the military), made when the document has none yet."""
    kb_id = state if template in _STATE_BODIES else f"org:{template}:{state.split(':', 1)[1]}"
    entry = kb.get(kb_id)
    if entry is None:
        return None
    e = ents.with_kb(kb_id) or ents.by_key.get("kb:" + kb_id)
    if e is None:
        e = ents.new(entry.type, "kb:" + kb_id, kb_id)
        if entry.affiliation:
            owner = ents.with_kb(entry.affiliation)
            e.affiliation = owner.id if owner is not None else "kb:" + entry.affiliation
    return e
