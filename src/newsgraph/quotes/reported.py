"""Reported speech from the dependency parse: each speech cue, the clause it reports and its speaker.

A cue is a speech verb ("said", "pointed out"), a speech noun ("the claim that ...", "a statement
from the king") or a prepositional cue ("according to X"), all from the speech-cue lexicon
(``speech_verbs.yaml``). The reported content comes from the tree, whatever the word order:

* ``that-clause`` / ``zero-that``: the verb's clausal complement ("said (that) the talks failed");
  ``wh-clause`` for "explained how ..."; coordinated clauses with their own subject are one report
  each ("said it was possible ... and the ban followed ...");
* ``fronted``: the complement before the cue ("Russia will not intervene, the ministry said");
* ``parenthetical``: a cue set off by commas inside or after the clause it reports ("the talks, she
  said, were useful", "..., reads the motion, the declaration ...");
* ``directive``: object + to-infinitive of a directive verb ("urged Iran to release ...");
* ``noun-that``: a speech noun's that-clause or "to the effect" clause ("the claim that ...");
* ``according-to``: the clause an "according to X" phrase is attached to, wherever it stands.

The speaker is found from the cue (:func:`speaker_of`): its subject (inverted or not), the ``by``
agent of a passive, the subject inherited by a coordinated verb or a participle ("..., saying"),
the possessor or ``by``/``from`` agent of a speech noun, or the subject of the verb issuing it
("released a statement saying ..."). Resolving that phrase to an actor is the caller's work.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from newsgraph.quotes.clauses import (
    FINITE,
    NP_TAGS,
    and_clauses,
    clause_children,
    edges,
    frame_of,
    split_clauses,
    without_cues,
    zero_that,
)
from newsgraph.quotes.tree import (
    RELATIVES,
    SUBJECTS,
    Token,
    Tree,
    case_of,
    child,
    children,
    is_nominal,
    is_verb,
    lemma,
    subject,
)
from newsgraph.text import lexicons
from newsgraph.text.speechverbs import Lexicon, VerbInfo

#: verbs that issue a speech noun: its speaker is their subject ("released a statement saying")
ISSUING = lexicons.words("quotes.issuing_verbs")
#: "to the effect (that) ...": the noun that carries the reported clause after a speech noun
_EFFECT = "effect"
#: words that negate a speech verb ("did *not* say")
NEGATIONS = lexicons.words("quotes.negations")


class Report(NamedTuple):
    """One speech cue with its reported clause (``None``: it attributes quotations only)."""

    cue: Token
    cue_text: str  # as written: "said", "pointed out", "according to", "statement"
    cue_span: tuple[int, int]
    rule: str
    content: tuple[int, int] | None
    speaker: Token | None  # the head of the speaker phrase
    how: str  # subject | inverted | agent | inherit | possessor | source | noun | none
    info: VerbInfo | None


def verb_entry(lex: Lexicon, t: Token) -> tuple[VerbInfo | None, str, int]:
    """The lexicon entry of a verb token, the cue as written and the index of its last token
    ("pointed out", "called on")."""
    if not is_verb(t):
        return None, "", t.i
    doc = t.doc
    if t.i + 1 < len(doc):
        nxt = doc[t.i + 1]
        two = f"{t.lower_} {nxt.lower_}"
        if two in lex.all_forms and nxt.tag_ in ("RP", "IN", "RB"):
            return lex.all_forms[two], f"{t.text} {nxt.text}", nxt.i
    info = lex.verb(t.lower_, lemma(t))
    if info is not None and info.lemma not in lex.verbs:
        return None, "", t.i
    if info is not None and " " in info.forms[0] and t.lower_ not in info.forms:
        return None, "", t.i  # "call" is not "call on"
    return info, t.text, t.i


def _fits_subject(info: VerbInfo, t: Token) -> bool:
    if not info.subjects:
        return True
    s = child(t, "nsubj", "nsubj:pass")
    return s is not None and (s.lower_ in info.subjects or lemma(s) in info.subjects)


# ---- speakers --------------------------------------------------------------------------------
def speaker_of(t: Token, lex: Lexicon, depth: int = 0) -> tuple[Token | None, str]:
    """The head of the speaker phrase of cue ``t`` and how it was found."""
    if depth > 3:
        return None, "none"
    info = lex.verb(t.lower_, lemma(t))
    if info is not None and info.speaker_is_object:  # "the media quoted X as saying"
        obj = child(t, "obj", "nsubj:pass")  # (and "X was quoted as saying")
        return (obj, "object") if obj is not None else (None, "none")
    subj = subject(t)
    if subj is not None:
        if subj.lower_ in RELATIVES and t.dep_.startswith("acl") and is_nominal(t.head):
            return t.head, "subject"  # "the minister, who said ..."
        return subj, "inverted" if subj.i > t.i else "subject"
    obj = child(t, "obj", "iobj", "dep")
    if (
        obj is not None and obj.i > t.i and is_nominal(obj) and _reports_before(t)
    ):  # "“…,” wrote student protester X"
        return obj, "inverted"
    if child(t, "nsubj:pass") is not None:
        agent = next((c for c in children(t, "obl", "obl:agent") if case_of(c) == "by"), None)
        return (agent, "agent") if agent is not None else (None, "none")
    h = t.head
    if h.i == t.i:
        return None, "none"
    if t.dep_ == "advcl" and is_verb(h) and any(c.dep_ == "mark" and c.lower_ == "as" for c in t.children):
        obj = child(h, "obj", "nsubj:pass")  # "the BBC cited X as saying ...", "X was quoted as saying"
        if obj is not None and is_nominal(obj):
            return obj, "object"
    if t.dep_ == "conj" or (t.dep_ in ("advcl", "xcomp") and is_verb(h)):
        if t.dep_ == "conj":  # "... did not mention if there were X, but said ...": the other speech verb
            h = _cue_above(h, lex) or h
        spk, how = speaker_of(h, lex, depth + 1)
        return spk, "inherit" if spk is not None else how
    if t.dep_ in ("acl", "acl:relcl") and is_nominal(h):
        if h.lower_ in lex.nouns or lemma(h) in lex.nouns:
            spk, how = noun_speaker(h, lex, depth + 1)
            return (spk, how) if spk is not None else (h, "noun")
        if case_of(h) not in ("", "with"):  # "posted a message on Twitter blaming ..., saying"
            up = h.head
            while up.i != up.head.i and not is_verb(up):
                up = up.head
            if is_verb(up):
                spk, how = speaker_of(up, lex, depth + 1)
                return spk, "inherit" if spk is not None else how
        return h, "subject"  # "with officials saying ...", "a motion claiming ..."
    return None, "none"


def negated(t: Token) -> bool:
    """A cue negated by "not", "never", "n't" (its clause was not said)."""
    return any(c.dep_ in ("advmod", "neg") and c.lower_ in NEGATIONS for c in t.children)


def _relative(t: Token) -> bool:
    """A cue in a relative clause whose pronoun is the reported clause's subject ("fires, which
    state media said were under control")."""
    return t.dep_.startswith("acl") and any(
        x.tag_ in ("WDT", "WP") and x.i < t.i for x in t.doc[max(t.sent.start, t.i - 6) : t.i]
    )


def _reports_before(t: Token) -> bool:
    """A cue after what it reports: a clause or quotation before it ("“…,” wrote X")."""
    if any(c.i < t.i and c.dep_ in ("ccomp", "parataxis") for c in t.children):
        return True
    prev = t.doc[t.i - 1] if t.i > 0 else None
    if prev is None:
        return False
    return prev.tag_ == "''" or (prev.text == "," and t.i > 1 and t.doc[t.i - 2].tag_ == "''")


def _cue_above(h: Token, lex: Lexicon) -> Token | None:
    """The nearest speech verb at or above ``h`` (a coordinated speech verb's partner)."""
    for _ in range(4):
        if verb_entry(lex, h)[0] is not None:
            return h
        if h.head.i == h.i:
            return None
        h = h.head
    return None


def noun_speaker(n: Token, lex: Lexicon, depth: int = 0) -> tuple[Token | None, str]:
    """The speaker of a speech noun: its possessor ("X's statement"), its "by"/"from" agent ("a
    tweet by X", "a statement from the king"), or the subject of the verb issuing it."""
    poss = child(n, "nmod:poss")
    if poss is not None:
        return poss, "possessor"
    for c in children(n, "nmod", "obl"):
        if case_of(c) in ("by", "from"):
            return c, "agent"
    h = n.head
    if (
        h.i != n.i
        and n.dep_ in ("obj", "obl")
        and is_verb(h)
        and (h.lower_ in ISSUING or lemma(h) in ISSUING)
    ):
        for c in children(h, "obl"):  # "issued a statement from the king" (the agent read as the verb's)
            if c.i > n.i and case_of(c) in ("by", "from"):
                return c, "agent"
        return speaker_of(h, lex, depth + 1)
    return None, "none"


# ---- reported clauses ------------------------------------------------------------------------
def _complements(
    tree: Tree, t: Token, last: int, info: VerbInfo, lex: Lexicon
) -> Iterator[tuple[str, tuple[int, int]]]:
    frames = info.frames

    def is_cue(x: Token) -> bool:
        return verb_entry(lex, x)[0] is not None

    found = False
    for c in clause_children(t, last):
        frame = frame_of(c)
        if frame == "adverbial" or (frame == "wh-clause" and "wh" not in frames):
            continue
        if frame != "wh-clause" and not frames & {"that", "bare"}:
            continue
        if frame != "wh-clause" and child(c, *SUBJECTS, "expl") is None and not _relative(t):
            continue  # "Speaking to reporters, X said:" is an adverbial; "alleged X are hiding": below
        rule = "fronted" if c.i < t.i else frame
        parts = split_clauses(c, info.addressee and c.i > t.i)
        for part in [p for whole in parts for p in and_clauses(without_cues(whole, is_cue), is_cue)]:
            span = edges(tree, part)
            if span is not None:
                found = True
                yield rule, span
    if not found and frames & {"that", "bare"}:
        span = zero_that(tree, t, last, info.addressee)
        if span is not None:
            yield "zero-that", span
    if "to" in frames:
        x = next(
            (x for x in children(t, "xcomp") if (m := child(x, "mark")) is not None and m.lower_ == "to"),
            None,
        )
        obj = child(t, "obj", "iobj")
        if x is not None and obj is not None and obj.i < x.i:
            span = edges(tree, [tok for tok in t.doc[obj.left_edge.i : x.right_edge.i + 1]])
            if span is not None:
                yield "directive", span


def _parenthetical(tree: Tree, t: Token, info: VerbInfo) -> tuple[str, tuple[int, int]] | None:
    """ "the talks, she said, were useful", "..., reads the motion, the declaration violates ...",
    "Russia will not intervene, the ministry said.": a cue (its verb, subject and adverbials only)
    set off by commas; the content is the clause after it, or before it when it ends the sentence
    (as reported clauses are annotated: "the talks, she said, were useful" reports "were useful")."""
    if not frames_report(info) or t.dep_ == "conj" or children(t, "ccomp", "xcomp", "iobj"):
        return None
    sent = t.sent
    left = next((x.i for x in reversed(sent[: t.i - sent.start]) if x.text in ",;:"), None)
    if left is None or t.doc[left].text != ",":
        return None
    right = next((x.i for x in sent[t.i - sent.start + 1 :] if x.text in ",;:"), sent.end)
    if right < sent.end and t.doc[right].text != ",":
        return None
    seg = t.doc[left + 1 : right]
    objs = children(t, "obj")
    subj = child(t, "nsubj")
    if subj is None and len(objs) == 1 and objs[0].i > t.i:
        subj, objs = objs[0], []  # "reads the motion": the parser's object is the inverted subject
    if subj is None or objs or not (left < subj.i < right):
        return None
    allowed = {t.i} | {x.i for x in subj.subtree}
    for c in t.children:
        if c.dep_ in ("advmod", "obl", "aux", "punct", "obl:tmod", "obl:npmod"):
            allowed |= {x.i for x in c.subtree}
    if any(x.i not in allowed for x in seg):
        return None
    end_punct = right >= sent.end or all(x.is_punct for x in t.doc[right : sent.end])
    before = [x for x in sent if x.i < left]
    after = [] if end_punct else [x for x in sent if x.i > right]
    if before and after and not any(is_nominal(x) for x in before):
        return None  # "For now, both readouts agree on one thing: ..."
    content = after or before
    if not any(is_verb(x) or x.dep_ == "cop" for x in content):
        return None
    span = edges(tree, content)
    return ("fronted" if end_punct else "parenthetical", span) if span else None


def _medial(tree: Tree, t: Token, last: int, info: VerbInfo) -> tuple[Token, tuple[int, int]] | None:
    """ "The new rules, the minister said, take effect in June": a noun phrase and the cue between
    two commas inside a sentence whose clause runs on both sides; read from the tags, since the
    parser often takes the clause's subject for the cue's."""
    if not frames_report(info):
        return None
    doc, sent = t.doc, t.sent
    right = last + 1
    left = next((k for k in range(t.i - 1, max(sent.start, t.i - 9) - 1, -1) if doc[k].text == ","), None)
    if left is None or right >= sent.end or doc[right].text != "," or left == sent.start:
        return None
    seg = doc[left + 1 : t.i]
    if not seg or any(x.tag_ not in NP_TAGS | {"PRP", "RB"} for x in seg):
        return None
    before, after = doc[sent.start : left], doc[right + 1 : sent.end]
    if any(x.tag_ in FINITE for x in before) or not any(x.tag_ in FINITE for x in after):
        return None  # the clause's subject before, its verb after
    nouns = [x for x in seg if x.tag_.startswith(("NN", "PRP"))]
    span = edges(tree, list(after))  # the clause after the cue, as reported clauses are annotated
    return (nouns[-1], span) if nouns and span else None


def frames_report(info: VerbInfo) -> bool:
    return bool(info.frames & {"that", "bare"})


def _noun_clause(tree: Tree, n: Token) -> tuple[int, int] | None:
    """ "the claim that ...", "a statement to the effect (that) the king ..." """
    for c in children(n, "acl", "ccomp", "acl:relcl"):
        mark = child(c, "mark")
        if mark is not None and mark.lower_ == "that" and mark.i == c.left_edge.i:
            return edges(tree, list(c.subtree))
    effects = children(n, "nmod", "obl") + (children(n.head, "obl") if n.dep_ == "obj" else [])
    for e in effects:  # "a statement to the effect ...", "issued a statement to the effect ..."
        if e.lower_ == _EFFECT and case_of(e) == "to":
            for c in e.children:
                if c.dep_ in ("acl", "ccomp", "acl:relcl", "advcl"):
                    return edges(tree, list(c.subtree))
    return None


def _according(tree: Tree, t: Token, lex: Lexicon) -> tuple[Token, str, tuple[int, int] | None] | None:
    """ "according to X": X and the clause the phrase is attached to (without the phrase)."""
    for form in lex.prepositions:
        words = form.split()
        toks = t.doc[t.i : t.i + len(words)]
        if len(toks) < len(words) or [x.lower_ for x in toks] != words:
            continue
        src = next((x.head for x in toks if x.dep_ == "case" and x.head.i > toks[-1].i), None)
        if src is None:
            nxt = t.doc[toks[-1].i + 1] if toks[-1].i + 1 < len(t.doc) else None
            src = nxt if nxt is not None and is_nominal(nxt) else None
        if src is None:
            return None
        h = src.head
        if not is_verb(h) and child(h, "cop") is None:
            h = t.sent.root
        drop = {x.i for x in src.subtree} | {x.i for x in toks}
        if src.lower_ in lex.nouns or lemma(src) in lex.nouns:  # "according to a tweet by X"
            agent, _ = noun_speaker(src, lex)
            src = agent if agent is not None else src
        rest = [x for x in h.subtree if x.i not in drop and x.i >= t.sent.start and x.i < t.sent.end]
        rest = [x for x in rest if not (x.lower_ in RELATIVES and x.i < t.i and x.dep_.startswith("nsubj"))]
        span = edges(tree, rest) if rest else None
        return src, " ".join(x.text for x in toks), span
    return None


def sentence_reports(tree: Tree, lex: Lexicon, sent: object) -> list[Report]:
    """Every cue of one parsed sentence with its content (see the module docstring)."""
    out: list[Report] = []
    for t in sent:  # type: ignore[attr-defined]
        info, form, last = verb_entry(lex, t)
        if info is not None and _fits_subject(info, t):
            spk, how = speaker_of(t, lex)
            cue_span = (tree.start(t), tree.end(t.doc[last]))
            medial = _medial(tree, t, last, info)
            if medial is not None:  # "The talks, Lavrov said, were useful": whatever the parse says
                spk, how = medial[0], "subject"
                out.append(Report(t, form, cue_span, "parenthetical", medial[1], spk, how, info))
                continue
            if negated(t):  # "did not say whether ...": nothing was reported
                out.append(Report(t, form, cue_span, "negated", None, spk, how, info))
                continue
            found = list(_complements(tree, t, last, info, lex))
            par = None if found else _parenthetical(tree, t, info)
            for rule, span in found or ([par] if par else [(None, None)]):
                out.append(Report(t, form, cue_span, rule or "cue", span, spk, how, info))
            continue
        low = t.lower_
        if t.pos_ == "NOUN" and (low in lex.nouns or lemma(t) in lex.nouns):
            ninfo = lex.nouns.get(low) or lex.nouns.get(lemma(t))
            spk, how = noun_speaker(t, lex)
            span = _noun_clause(tree, t) if ninfo and "that" in ninfo.frames else None
            out.append(
                Report(
                    t,
                    t.text,
                    (tree.start(t), tree.end(t)),
                    "noun-that" if span else "noun",
                    span,
                    spk,
                    how,
                    ninfo,
                )
            )
            continue
        if low in lex.preposition_starts:
            acc = _according(tree, t, lex)
            if acc is not None:
                src, form, span = acc
                out.append(
                    Report(
                        t,
                        form,
                        (tree.start(t), tree.start(t) + len(form)),
                        "according-to",
                        span,
                        src,
                        "source",
                        None,
                    )
                )
    return out


def find_reports(tree: Tree, lex: Lexicon) -> list[Report]:
    out: list[Report] = []
    for sent in tree.sentences():
        out.extend(sentence_reports(tree, lex, sent))
    return out
