"""The role nouns of a crime story: "the accused", "the suspect", "the gunman" refer to the person the
story named before as its suspect: someone arrested, charged, convicted or sentenced ("X was arrested",
"police charged X", "X, charged with murder"), who pleaded guilty or confessed, or whom a role word
describes ("suspect X", "X, the suspect"). Never the victim of the crime: a person only killed or
stabbed is no suspect. The nearest such person before the noun gets the mention; with none, the one
suspect the story names later, if it names only one ("police charged the suspect ... officials
identified the suspect as X"); otherwise the noun stays unresolved. A role noun resolved so is no
longer a mention of an unnamed collective ("the gunman")."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Any

from newsgraph.actors.coref import Entities, LocalEntity
from newsgraph.actors.spans import Cand, DocView
from newsgraph.quotes.tree import Tree
from newsgraph.text import lexicons

_NOUNS = lexicons.words("actors.suspect_nouns")
_MODIFIERS = lexicons.words("actors.suspect_noun_modifiers")
_PATIENT_VERBS = lexicons.words("actors.suspect_patient_verbs")
_AGENT_VERBS = lexicons.words("actors.suspect_agent_verbs")
_DESCRIPTIONS = _NOUNS | lexicons.words("actors.suspect_description_words")
_PHRASES = lexicons.words("actors.suspect_phrases")
_IDENTIFYING = lexicons.words("actors.identifying_verbs")
_BREAKS = lexicons.words("actors.suspect_phrase_breaks") | _NOUNS
_ROLE_RX = re.compile(
    r"\b[Tt]he (?:(?:" + "|".join(sorted(_MODIFIERS)) + r"|\d+-year-old) ){0,2}"
    r"(?P<noun>" + "|".join(sorted(_NOUNS)) + r")\b(?![-’']?s\b)(?!-)"
)
#: right before a name: a role noun in apposition ("police arrested *the suspect,* X"), read from the
#: text as well, as the parse may hang the name elsewhere
_ROLE_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(_NOUNS)) + r"),[ \t]+(?:identified[ \t]+as[ \t]+)?$", re.IGNORECASE
)
#: how far back (characters) the suspect may be named
WINDOW = 20_000
#: the links of a name's words to its head word ("Juan *Ortega*")
NAME_PARTS = frozenset({"flat", "flat:name", "compound"})
#: subjects
SUBJECTS = frozenset({"nsubj", "nsubj:pass"})


def suspect_mentions(
    view: DocView, ents: Entities, taken: list[tuple[int, int]], parses: Sequence[tuple[int, Any]]
) -> list[Cand]:
    """Mentions of the story's suspect by a role noun (see the module docstring)."""
    text = view.text
    roles = [m for p in view.paragraphs for m in _ROLE_RX.finditer(text, p.start, p.end)] if parses else []
    if not roles:
        return []
    covered = bytearray(len(text) + 1)  # the characters of mentions already taken
    for s, e in taken:
        covered[s:e] = b"\x01" * (e - s)
    tree = Tree(parses)
    starts, named = _suspects(ents, view, tree)
    out: list[Cand] = []
    for m in roles:
        a, b = m.start(), m.end()
        if covered.find(1, a, b) >= 0 or _modifies(tree.token_at(m.start("noun"))):
            continue  # ("the accused molesters": a word describing another noun)
        i = bisect.bisect_left(starts, a) - 1
        if i >= 0 and starts[i] >= a - WINDOW:
            who = named[i]
        elif len({e.id for e in named}) == 1 and starts[0] < a + WINDOW:
            who = named[0]  # "police charged the suspect ... identified the suspect as X": the only one
        else:
            continue
        c = Cand(a, b, text[a:b], "PERSON", "rule", kind="description")
        _unmake_collective(ents, a, b)  # "the gunman" is the suspect, not an unnamed group
        ents.add(who, c)
        taken.append((a, b))
        out.append(c)
    return out


def _unmake_collective(ents: Entities, a: int, b: int) -> None:
    """Drop the mentions of an unnamed collective ("gunman", ``actors.armed_collectives``) that a role
    noun resolved to the story's suspect overlaps."""
    for e in ents.items:
        for c in [c for c in e.cands if c.meta.get("group_key") and c.start < b and a < c.end]:
            e.cands.remove(c)


def _suspects(ents: Entities, view: DocView, tree: Tree) -> tuple[list[int], list[LocalEntity]]:
    """Where the story names a person as a suspect, in order, and who."""
    people = [(c, e) for e in ents.items if e.type == "PERSON" for c in e.names]
    by_sentence: dict[int, set[str]] = {}
    for c, e in people:
        by_sentence.setdefault(view.sentence_index(c.start), set()).add(e.id)
    named = sorted(
        (
            (c.start, e)
            for c, e in people
            if _marked(tree.token_at(c.end - 1), c.start, c.end, tree)
            or _phrased(c, e, by_sentence, view)
            or _ROLE_BEFORE.search(view.text, max(0, c.start - 40), c.start) is not None
        ),
        key=lambda x: x[0],
    )
    return [s for s, _ in named], [e for _, e in named]


def _modifies(t: Any) -> bool:
    """A role word that describes the noun after it ("the *accused* molesters")."""
    return t is not None and t.dep_ in ("amod", "compound") and t.head.i > t.i


def _phrased(c: Cand, e: LocalEntity, by_sentence: dict[int, set[str]], view: DocView) -> bool:
    """A name followed in its sentence by a suspect's phrase ("charged with", "pleaded guilty"), where
    the sentence names no other person."""
    if not view.sentences:
        return False
    i = view.sentence_index(c.start)
    if by_sentence.get(i) != {e.id}:
        return False
    rest = view.text[c.end : view.sentences[i].end].lower()
    at = min((k for k in (rest.find(p) for p in _PHRASES) if k >= 0), default=-1)
    return at >= 0 and _BREAKS.isdisjoint(re.findall(r"[\w'-]+", rest[:at]))


def _marked(t: Any, start: int, end: int, tree: Tree) -> bool:
    """Whether the name at ``[start, end)`` (its last token ``t``) is told as a suspect's."""
    if t is None:
        return False
    h = t
    while h.dep_ in NAME_PARTS and h.head is not h and start <= tree.start(h.head) < end:
        h = h.head
    verb = h.head
    if h.dep_ in ("nsubj:pass", "obj") and verb.lemma_.lower() in _PATIENT_VERBS:
        return True  # "X was arrested", "police charged X"
    if h.dep_ == "nsubj" and verb.lemma_.lower() in _AGENT_VERBS:
        return True  # "X pleaded guilty"
    told = (c for c in verb.children if c.dep_ in ("advcl", "acl") and c.tag_ == "VBN")
    if h.dep_ in SUBJECTS and any(c.lemma_.lower() in _PATIENT_VERBS for c in told):
        return True  # "X appeared in court, charged with murder"
    if any(c.dep_ == "acl" and c.lemma_.lower() in _PATIENT_VERBS for c in h.children):
        return True  # "X, charged with murder, ..."
    before = ("compound", "amod")  # (a word of the name itself is no description)
    described = [c for c in h.children if (c.dep_ in before and tree.start(c) < start) or c.dep_ == "appos"]
    if any(c.lemma_.lower() in _DESCRIPTIONS or c.lower_ in _DESCRIPTIONS for c in described):
        return True  # "suspect X", "X, the suspect"
    if h.dep_ == "obl" and any(c.dep_ == "case" and c.lower_ == "as" for c in h.children):
        objs = [c for c in verb.children if c.dep_ == "obj"]  # "identified the suspect as X"
        return verb.lemma_.lower() in _IDENTIFYING and any(o.lower_ in _NOUNS for o in objs)
    return h.dep_ == "appos" and h.head.lower_ in _DESCRIPTIONS  # "the suspect, X"
