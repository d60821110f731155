"""Plural pronouns that stand for a group the story names: "*They* had asked Carrie Lam to resign"
after "thousands of protesters gathered", "*they* arrested three more" after "police detained".

"they" and "their" outside quotes refer to the one group (a collective such as the protesters or
gunmen, or a state body named by a plural sector noun such as "police" or "troops"; not "the
judge" or "a police constable") named in their own sentence before them or in the sentence
before; with no such group, or two, they stay unresolved. "them" does so only as people something is
done to ("fired tear gas *at them*", "arrested dozens *of them*"; otherwise it is as often the things
just named), and never for the subject of its own clause ("*police* fired tear gas at them": the group
named before). Quotes are left alone: there "they" is often someone the quote named.

A sentence opening with "They" after one whose subject is several actors named together ("Russia
and China met ... *They* accused ...") is about all of them.

"The two leaders" or "both countries" stand for the last two people (states) named, or referred to as a
pair, before them in their sentence or the one before; a sentence opening with "They" after one about
such a pair is about both.

"it" as a subject outside quotes stands for a state or organisation that is a subject too: of the
clause its own clause depends on ("Iran said *it* would retaliate", "the White House announced a deal
*it* brokered"), or, opening a sentence, of the sentence before ("The party met on Monday. *It*
nominated X"). "its" owning such a clause's subject, a noun that stands for its state ("Iran said *its*
forces had shot down ...", as "Iranian forces" would), stands for it the same way. "it" as the object
of a verb coordinated with another stands for the one state or organisation that verb's object names
("urged Peru to withdraw and accused *it* of ...").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from typing import Any

from newsgraph.events.deps import GROUP_NOUNS, extraposed_it
from newsgraph.events.tree import ActorIndex, Token, phrase_actors
from newsgraph.models import AnalyzedDoc, Mention
from newsgraph.text import lexicons
from newsgraph.text.parsed import select

_THEY = re.compile(r"\b(?:[Tt]hey|[Tt]heir)\b")  # not "them": as often the things just named ...
#: ... but for people something is done to ("fired tear gas *at them*", "arrested dozens *of them*")
_THEM = re.compile(r"\b([a-z-]+)\s+(them)\b")
_THEM_AFTER = lexicons.words("english.group_them_governors")
#: nouns that stand for the state of a demonym before them ("Iranian *forces*"), and so of "its"
_STATE_NOUNS = lexicons.words("actors.demonym_state_nouns") | lexicons.words("actors.government_bodies")
#: what "its" may own as the subject of a clause: a state's forces and bodies, a group's own members
#: ("al Shabaab said *its fighters* had ...")
_OWNED = _STATE_NOUNS | lexicons.words("actors.group_nouns")
#: head words of a state's own bodies ("Foreign *Ministry*", "the *army*")
_GOVERNMENT_BODIES = lexicons.words("actors.government_bodies")
#: nouns of a group or body that "they" after it may stand for ("Chilean *police* said they ...")
_COLLECTIVE = lexicons.words("actors.reporting_groups") | lexicons.words("actors.group_nouns")
#: mention kinds that name a group by a common noun ("the police": a state body)
_GROUP_KINDS = frozenset({"sector"})
#: nouns of one person after a sector noun ("a police *constable*", "police *chief*")
_ONE_PERSON = (
    lexicons.words("actors.person_nouns")
    | lexicons.words("actors.title_heads")
    | lexicons.words("actors.individual_nouns")
)
_NEXT = re.compile(r"[ \t]+([A-Za-z]+)")
_OPENING = re.compile(
    rf"\s*(?:(?i:{lexicons.alternation(lexicons.words('english.time_openers'))})(?:\s+\w+)?\s*,?\s+)?"
    r"(They|Their|(?<=\s)they|(?<=\s)their)\b"
)  # "They ...", "On Monday they ...", "Later, they ..."
#: what may come before a sentence's subject ("The European Union and Britain ...")
_SUBJECT_START = re.compile(r"\s*(?:[Tt]he\s+)?")
#: the actors that "they" may stand for together
_PARTIES = frozenset({"STATE", "ORG", "PERSON"})
#: what stands between actors named together ("Russia, China and Iran")
_JOINED = re.compile(r"\s*(?:,|,?\s*and|&)\s*")


def group_pronoun_mentions(
    ad: AnalyzedDoc, actors: ActorIndex, parses: Sequence[tuple[int, Any]] = ()
) -> list[Mention]:
    """Mentions of the group each plural pronoun outside quotes refers to (see the module docstring).
    "them" is not the subject of its own clause ("police fired tear gas at *them*": not the police)."""
    out: list[Mention] = []
    quoted = _Quoted(ad)
    found = [(m.span(), lo) for m, _, lo in _unquoted(ad, _THEY, quoted)]
    them = [(m.span(2), lo) for m, _, lo in _unquoted(ad, _THEM, quoted) if m.group(1) in _THEM_AFTER]
    subjects = _clause_subjects(parses, {a for (a, _), _ in them})
    for (a, b), lo in found + them:
        before = [x for x in actors.between(lo, a) if x.end <= a]
        before = [x for x in before if not any(s <= x.start < e for s, e in subjects.get(a, ()))]
        groups = {x.entity for x in before if _group(x, actors, ad.text)}
        if len(groups) == 1:
            out.append(Mention(a, b, ad.text[a:b], groups.pop(), kind="pronoun"))
    return out


def _clause_subjects(parses: Sequence[tuple[int, Any]], at: set[int]) -> dict[int, list[tuple[int, int]]]:
    """For each object pronoun starting at an offset in ``at``: the text spans of the subjects of the
    verb it depends on (through its preposition or quantity: "fired tear gas *at them*", "arrested
    dozens *of them*")."""
    if not at:
        return {}
    out: dict[int, list[tuple[int, int]]] = {}
    for offset, t in select(parses, lower=("them",)):
        if offset + t.idx not in at:
            continue
        verb = t.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")]
        out[offset + t.idx] = [
            (offset + s.left_edge.idx, offset + s.right_edge.idx + len(s.right_edge.text)) for s in subj
        ]
    return out


def _unquoted(
    ad: AnalyzedDoc,
    rx: re.Pattern[str],
    quoted: _Quoted,
) -> Iterator[tuple[re.Match[str], int, int]]:
    """Each match of ``rx`` in the body outside direct quotes, with the index of its sentence (-1:
    none) and where the sentence before it starts (its own, for the first)."""
    starts = [s.start for s in ad.sentences]
    for span in ad.body_spans:
        for m in rx.finditer(ad.text, span.start, span.end):
            if quoted.holds(m.start()):
                continue
            k = bisect.bisect_right(starts, m.start()) - 1
            yield m, k, ad.sentences[max(k - 1, 0)].start if k >= 0 else span.start


class _Quoted:
    """Whether an offset lies inside one of a document's direct quotes (a bisection)."""

    def __init__(self, ad: AnalyzedDoc) -> None:
        self.spans = sorted((q.start, q.end) for q in ad.quotes if q.kind == "direct")
        self.starts = [a for a, _ in self.spans]

    def holds(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and self.spans[i][0] <= pos < self.spans[i][1]


def _group(m: Mention, actors: ActorIndex, text: str) -> bool:
    word = m.text.lower()
    after = _NEXT.match(text, m.end)
    one = after is not None and after.group(1).lower() in _ONE_PERSON  # "a police constable"
    plural = (word == "police" or word.endswith("s")) and not one
    return (m.kind in _GROUP_KINDS and plural) or actors.entities[m.entity].name.lower() in GROUP_NOUNS


def coordinated_pronoun_mentions(ad: AnalyzedDoc, actors: ActorIndex) -> list[Mention]:
    """A sentence that opens with "They" or "Their" outside quotes, after a sentence whose subject
    is several actors named together ("Russia and China met ... *They* accused ..."), refers to
    all of them: a mention of each at the pronoun."""
    quoted = _Quoted(ad)
    out: list[Mention] = []
    for prev, sent in zip(ad.sentences, ad.sentences[1:], strict=False):
        m = _OPENING.match(ad.text, sent.start, sent.end)
        if m is None or quoted.holds(m.start()) or not ad.in_body(sent.start, sent.end):
            continue
        named = sorted(
            (x for x in actors.between(prev.start, prev.end) if x.kind != "pronoun"), key=lambda x: x.start
        )
        if not named or not _SUBJECT_START.fullmatch(ad.text[prev.start : named[0].start]):
            continue
        group = _opening_group(ad.text, named)
        if len(group) > 1 and all(actors.type_of(e) in _PARTIES for e in group):
            out += [Mention(m.start(1), m.end(1), m.group(1), e, kind="pronoun") for e in sorted(group)]
    return out


#: "the two leaders", "both countries", "the two prime ministers" (the last word is the noun)
_PAIR_NOUNS = lexicons.word_table("actors.pair_nouns")
_PAIR_WORDS = frozenset(w for ws in _PAIR_NOUNS.values() for w in ws)
_PAIR = re.compile(
    r"\b(?:[Tt]he\s+two|[Bb]oth(?:\s+the)?)\s+(?:[a-z]+\s+)?("
    + "|".join(sorted({w for ws in _PAIR_NOUNS.values() for w in ws}, key=len, reverse=True))
    + r")\b"
)


def pair_mentions(
    ad: AnalyzedDoc,
    actors: ActorIndex,
    taken: Sequence[Mention] = (),
    parses: Sequence[tuple[int, Any]] = (),
) -> list[Mention]:
    """"The two leaders" or "both countries" outside quotes stand for the last two different actors
    of their type named (or referred to as a pair) in their sentence before them or in the sentence
    before ("X met Y, and *the two leaders* signed a deal"): a mention of each at the noun. Fewer
    than two: none. A sentence opening with "They" after one that refers to a pair is about the
    pair, unless ``taken`` (the other pronoun mentions) already resolved it. Whoever addresses the
    pair is not in it ("Bolivia urged *both sides* to ...": the subject of the verb it is the object of)."""
    quoted = _Quoted(ad)
    nouns = {offset + t.idx: t for offset, t in select(parses, lower=_PAIR_WORDS)}
    out: list[Mention] = []
    for m, _, lo in _unquoted(ad, _PAIR, quoted):
        word = m.group(1)
        want = {t for types, ws in _PAIR_NOUNS.items() if word in ws for t in types.split()}
        before = [*(x for x in actors.between(lo, m.start()) if x.end <= m.start()), *_since(out, lo)]
        if (noun := nouns.get(m.start(1))) is not None:
            spans = _addressers(noun, m.start(1) - noun.idx)
            before = [x for x in before if not any(a <= x.start < b for a, b in spans)]
        near = {x.entity for x in before if actors.type_of(x.entity) in want}
        pair = _protagonists(actors, m.start(), want) if len(near) > 2 and want == {"STATE"} else []
        pair = pair or _last_two(before, actors, want)
        out += [Mention(m.start(1), m.end(1), word, e, kind="pronoun") for e in pair]
    return out + _they_of_pairs(ad, out, {x.start for x in taken}, quoted)


def _addressers(noun: Token, offset: int) -> list[tuple[int, int]]:
    """Where the subject of the verb a pair noun is the object of stands (text offsets)."""
    if noun.dep_ not in ("obj", "iobj", "obl") or noun.head.pos_ not in ("VERB", "AUX"):
        return []
    verb = noun.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")]
    while not subjects and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "X welcomed the deal and [urged] both sides ...": X's
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")]
    return [(offset + s.left_edge.idx, offset + s.right_edge.idx + len(s.right_edge.text)) for s in subjects]


def _since(ms: list[Mention], lo: int) -> list[Mention]:
    return [x for x in ms if x.start >= lo]


def _last_two(before: list[Mention], actors: ActorIndex, want: set[str]) -> list[str]:
    """The last two different actors of a type in ``want`` mentioned in ``before``, in text order."""
    pair: list[str] = []
    for x in sorted(before, key=lambda x: -x.start):
        side = x.entity
        body = actors.type_of(side) == "ORG" and _state_body(actors.entities[side].name)
        aff = actors.affiliation_of(side) if "ORG" in want and body else None
        if aff is not None and actors.type_of(aff) == "STATE":
            side = aff  # "the ministry's statement said the two sides ...": the ministry's state
        if actors.type_of(side) in want and side not in pair:
            pair.append(side)
        if len(pair) == 2:
            return pair[::-1]
    return []


def _protagonists(actors: ActorIndex, pos: int, want: set[str]) -> list[str]:
    """The two actors of a type in ``want`` the document names most before ``pos`` (twice at least,
    each more often than any third): "both governments" after a list of mediators ("asked
    Argentina, Brazil, Chile and the United States to help ... urged *both governments*") are the
    story's two states, not the last two named (only for the nouns of states: "the two sides"
    include parties and movements, whose mentions a government's bodies outnumber)."""
    counts: dict[str, int] = {}  # (in order of first mention)
    for x in actors.mentions:
        if x.start >= pos:
            break
        if x.kind != "pronoun" and actors.type_of(x.entity) in want:
            counts[x.entity] = counts.get(x.entity, 0) + 1
    top = sorted(counts, key=lambda e: -counts[e])[:3]
    if len(top) < 2 or counts[top[1]] < 2 or (len(top) == 3 and counts[top[2]] == counts[top[1]]):
        return []
    return [e for e in counts if e in top[:2]]


def _state_body(name: str) -> bool:
    """An organisation named as a body of its state ("Valdorian Foreign Ministry"), not a movement."""
    return any(w.lower() in _GOVERNMENT_BODIES for w in name.split())


def _they_of_pairs(ad: AnalyzedDoc, pairs: list[Mention], taken: set[int], quoted: _Quoted) -> list[Mention]:
    """ "they" after "the two leaders" in its sentence ("the two leaders flew to X, where *they* held
    talks"), or opening the sentence after one about the pair ("*They* also agreed ..."): both."""
    out: list[Mention] = []
    for m, k, _ in _unquoted(ad, _THEY, quoted):
        if m.start() in taken or k < 0:
            continue
        sent = ad.sentences[k]
        both = _one_pair(pairs, sent.start, m.start())
        if not both and k > 0 and _OPENING.match(ad.text, sent.start, sent.end):
            both = _one_pair(pairs, ad.sentences[k - 1].start, ad.sentences[k - 1].end)
        out += [Mention(m.start(), m.end(), m.group(), e, kind="pronoun") for e in both]
    return out


def _one_pair(pairs: list[Mention], lo: int, hi: int) -> list[str]:
    """The actors of the one pair referred to in [lo, hi); none when there are several."""
    group: dict[int, list[str]] = {}
    for x in pairs:
        if lo <= x.start < hi:
            group.setdefault(x.start, []).append(x.entity)
    return next(iter(group.values())) if len(group) == 1 else []


def it_mentions(ad: AnalyzedDoc, parses: Sequence[tuple[int, Any]], actors: ActorIndex) -> list[Mention]:
    """Mentions of the state or organisation each subject "it" outside quotes stands for (see the
    module docstring)."""
    quoted = _Quoted(ad)
    out: list[Mention] = []
    for offset, doc in parses:
        prev: Any = None
        for sent in doc.sents:
            for t in sent:
                if quoted.holds(offset + t.idx):
                    continue
                if t.lower_ == "its" and _owned_force(t):  # "Iran said *its* forces had shot down ..."
                    got = _governing_group(t.head.head, actors, offset)
                elif t.lower_ == "they" and t.dep_ == "nsubj" and t.head.dep_ == "ccomp":
                    # "Chilean officials said *they* had expelled ...": the plural reporters
                    got = _reporting_group(t.head.head, actors, offset)
                    joint = [] if got else _joint_subjects(t.head.head, actors, offset)
                    a = offset + t.idx  # ("Chile and Peru said *they* would ...": each of them)
                    out += [Mention(a, a + len(t), t.text, e, kind="pronoun") for e in joint]
                elif t.lower_ == "it" and t.dep_ == "obj" and t.head.dep_ == "conj":
                    got = _object_group(t.head.head, actors, offset)  # "urged X to ... and accused *it* of"
                elif t.lower_ != "it" or (t.dep_ not in ("nsubj", "nsubj:pass") and not extraposed_it(t)):
                    continue
                elif t.dep_ == "nsubj:pass" and (t.head.dep_ != "ccomp" or _reported(t.head)):
                    continue  # only "X said it was attacked" (not "it was reported that", "it was boycotted")
                elif t.i == sent.start:  # "The party met. *It* nominated X": the sentence before's subject
                    got = _subject_group(prev.root, actors, offset) if prev is not None else []
                else:  # "Iran said *it* would retaliate", "a deal *it* brokered": the governing subject
                    got = _governing_group(t.head, actors, offset)
                if len(got) == 1:
                    end = offset + t.idx + len(t)
                    out.append(Mention(offset + t.idx, end, t.text, got[0], kind="pronoun"))
            prev = sent
    return out


def _reported(v: Token) -> bool:
    """A passive verb with a clause of its own, its "it" standing for that clause ("it was said that")."""
    return any(c.dep_ in ("ccomp", "csubj", "csubj:pass", "xcomp") for c in v.children)


def _owned_force(t: Token) -> bool:
    """"its" owning the subject of a clause, a noun that stands for its state ("its forces", "its
    jets", "its diplomats"), as a demonym before it would ("Iranian forces")."""
    head = t.head
    return (
        t.dep_ == "nmod:poss"
        and head.dep_ in ("nsubj", "nsubj:pass")
        and head.lower_ in _OWNED
        and head.head.pos_ in ("VERB", "AUX")
    )


#: how a clause with "it" as its subject hangs from the clause whose subject "it" stands for
_IT_LINKS = frozenset({"ccomp", "xcomp", "advcl", "conj", "acl:relcl"})


def _governing_group(v: Token, actors: ActorIndex, offset: int) -> list[str]:
    told = v.dep_ == "acl" and v.head.dep_ == "obl" and any(c.lower_ == "that" for c in v.children)
    if told:  # "X said in a statement [that it had carried out] ...": the statement's content
        return _subject_group(v.head.head, actors, offset)
    if v.dep_ not in _IT_LINKS:
        return []
    gov = v.head
    if v.dep_ == "acl:relcl" and gov.dep_ in ("obj", "obl", "nsubj:pass") and gov.head.pos_ == "VERB":
        gov = gov.head  # "announced [a deal] it brokered": the verb the deal is the object of
    while gov.dep_ in ("xcomp", "advcl") and not any(c.dep_ == "nsubj" for c in gov.children):
        gov = gov.head  # "sent troops *to fight* X, which it blamed for ...": the sender
    return _subject_group(gov, actors, offset)


def _reporting_group(v: Token, actors: ActorIndex, offset: int) -> list[str]:
    """The one state or organisation a group's or body's noun subject of ``v`` belongs to
    ("*Chilean officials* said", "*the Andean Front's fighters* said")."""
    subjects = [c for c in v.children if c.dep_ == "nsubj"]
    if len(subjects) != 1 or subjects[0].lower_ not in _COLLECTIVE:
        return []
    named = phrase_actors(subjects[0], actors, offset)
    return named if len(named) == 1 and actors.type_of(named[0]) in ("STATE", "ORG") else []


def _joint_subjects(v: Token, actors: ActorIndex, offset: int) -> list[str]:
    """The two or more parties named together as the subject of ``v`` ("Chile and Peru said"), each
    conjunct naming one; [] otherwise."""
    subjects = [c for c in v.children if c.dep_ == "nsubj"]
    conjuncts = [x for s in subjects for x in (s, *s.conjuncts)]
    named = [list(dict.fromkeys(actors.named_at(x, offset))) for x in conjuncts]
    if len(conjuncts) < 2 or any(len(n) != 1 for n in named):
        return []
    got = list(dict.fromkeys(n[0] for n in named))
    return got if len(got) > 1 and all(actors.type_of(e) in _PARTIES for e in got) else []


def _object_group(v: Token, actors: ActorIndex, offset: int) -> list[str]:
    """The one state or organisation named as the object of ``v`` (the verb an "it" object's verb is
    coordinated with: "urged Peru to withdraw and accused *it* of ...")."""
    named = [a for o in v.children if o.dep_ in ("obj", "iobj") for a in actors.named_at(o, offset)]
    if not named and v.dep_ == "xcomp":  # ("urged Peru to [withdraw] ... and accused it": the parse's conj)
        return _object_group(v.head, actors, offset)
    named = list(dict.fromkeys(named))
    return named if len(named) == 1 and actors.type_of(named[0]) in ("STATE", "ORG") else []


def _subject_group(v: Token, actors: ActorIndex, offset: int) -> list[str]:
    """The one state or organisation named as the subject of ``v``."""
    subjects = [c for c in v.children if c.dep_ == "nsubj"]
    named = [a for s in subjects for a in actors.named_at(s, offset)]
    if not named and subjects:  # "The Green *Party*": the name's head word
        named = [a for s in subjects for c in s.subtree for a in actors.named_at(c, offset)]
    named = list(dict.fromkeys(named))
    return named if len(named) == 1 and actors.type_of(named[0]) in ("STATE", "ORG") else []


def _opening_group(text: str, named: list[Mention]) -> set[str]:
    """The actors named together, by commas and "and", from the first of ``named`` on."""
    got = {named[0].entity}
    for a, b in zip(named, named[1:], strict=False):
        if not _JOINED.fullmatch(text[a.end : b.start]):
            break
        got.add(b.entity)
    return got
