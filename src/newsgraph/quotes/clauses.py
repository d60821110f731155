"""The shape of a reported clause in the parse: which dependents of a cue are clauses, where a
clause starts and ends, and the zero-that clause the parser got wrong.

A statistical parser often misreads a zero-that complement ("alleged the government are hiding
...", "reports Mahan's director has ties ...": the subject taken as the verb's object, the clause
as an adverbial or a separate clause). :func:`zero_that` reads the clause from the tags instead:
a noun phrase right after the cue (appositions and prepositional modifiers allowed) followed by a
finite verb is a reported clause.
"""

from __future__ import annotations

from newsgraph.quotes.tree import SUBJECTS, Token, Tree, child, children, is_verb
from newsgraph.text import lexicons

_WH = lexicons.words("quotes.wh_words") | lexicons.words("quotes.wh_clause_words")
#: marks of an adverbial clause, never what was said ("told X ..., *while* Y noted ...")
_ADVERBIAL = lexicons.words("quotes.subordinators")
_PUNCT_EDGE = ",;:—–-"
#: tags of a finite verb or auxiliary
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: tags a subject noun phrase is made of
NP_TAGS = frozenset(
    {"DT", "PDT", "PRP$", "NNP", "NNPS", "NN", "NNS", "CD", "JJ", "JJR", "JJS", "POS", "HYPH", "NFP"}
)
#: dependents that may hold a misread reported clause (a clause with its own subject, no subordinator)
_CLAUSE_DEPS = ("advcl", "parataxis", "xcomp", "dep", "conj")
#: words that open a clause that is not a complement ("because ...", "if ...")
_NOT_COMPLEMENT = lexicons.words("quotes.fronted_subordinators")


def edges(tree: Tree, toks: list[Token]) -> tuple[int, int] | None:
    """The character span of ``toks`` without edge punctuation and a leading "that" (None when
    fewer than two words remain)."""
    toks = sorted(toks, key=lambda x: x.i)
    while toks and (
        toks[0].text in _PUNCT_EDGE
        or toks[0].dep_ == "cc"
        or (toks[0].lower_ == "that" and toks[0].tag_ == "IN")
    ):
        toks = toks[1:]
    while toks and (toks[-1].text in _PUNCT_EDGE + "." or toks[-1].dep_ == "cc"):
        toks = toks[:-1]
    if len([t for t in toks if t.is_alpha or t.like_num]) < 2:
        return None
    return tree.span(toks)


def clause_children(t: Token, last: int) -> list[Token]:
    """The cue's clausal complements: ``ccomp``, and a clause right after it that the parser
    attached otherwise ("pointed out she had ...": an adverbial with a subject and no subordinator)."""
    out = children(t, "ccomp")
    for c in t.children:
        if c.dep_ not in _CLAUSE_DEPS or c.i < last or child(c, *SUBJECTS) is None:
            continue
        mark = child(c, "mark")
        if (mark is not None and mark.lower_ != "that") or c.left_edge.lower_ in _NOT_COMPLEMENT:
            continue
        if c.left_edge.i == last + 1 or t.doc[last + 1 : c.left_edge.i].text.strip(" ,") == "":
            out.append(c)
    return out


def frame_of(c: Token) -> str:
    mark = child(c, "mark")
    if mark is not None and mark.lower_ == "that":
        return "that-clause"
    if c.left_edge.lower_ in _WH or (mark is not None and mark.lower_ in _WH):
        return "wh-clause"
    return "adverbial" if mark is not None and mark.lower_ in _ADVERBIAL else "zero-that"


def split_clauses(c: Token, addressee: bool = False) -> list[list[Token]]:
    """A complement's tokens, split at coordinated clauses with their own subject (joined to the
    complement, or to a quotation that closes before them); after a verb of telling, without the
    addressee the parser put inside ("told the Times the attack took place")."""
    split = [
        cj
        for cj in c.subtree
        if cj.dep_ == "conj"
        and child(cj, *SUBJECTS) is not None
        and (is_verb(cj) or child(cj, "cop") is not None)
        and (cj.head.i == c.i or any(x.tag_ == "''" for x in c.doc[cj.head.i : cj.left_edge.i]))
    ]
    cut: set[int] = set()
    parts: list[list[Token]] = []
    for cj in split:
        sub = list(cj.subtree)
        cut.update(t.i for t in sub)
        parts.append(sub)
        for t in c.doc[max(c.left_edge.i, cj.left_edge.i - 3) : cj.left_edge.i]:
            if t.dep_ in ("cc", "punct"):
                cut.add(t.i)
    main = [t for t in c.subtree if t.i not in cut]
    subjects = children(c, "nsubj", "nsubj:pass")
    if addressee and subjects:
        main = [t for t in main if t.i >= subjects[-1].left_edge.i]
    return [main, *parts]


def and_clauses(part: list[Token], is_cue: object) -> list[list[Token]]:
    """A clause split at ", and" + a noun phrase + a verb, read from the tags where the parser did not
    see the second clause ("said it is possible “...,” and the ban followed discussions ...")."""
    part = sorted(part, key=lambda x: x.i)
    if not part:
        return [part]
    doc, end = part[0].doc, part[-1].i + 1
    for k, x in enumerate(part[1:-2], start=1):
        if x.lower_ != "and" or part[k - 1].text not in (",", "”", '"', "''") or part[k - 1].i != x.i - 1:
            continue
        marks = [t.tag_ for t in doc[x.sent.start : x.i] if t.tag_ in ("``", "''")]
        if marks.count("``") > marks.count("''"):
            continue  # inside a quotation: its own words, not a report
        j = _noun_phrase_end(doc, x.i + 1, end, FINITE | {"VBN"})
        if j is not None and is_cue(doc[j]):  # type: ignore[operator]
            return [part[: k - 1]]  # "..., and the statement described ...": a report of its own
        if j is not None:
            return [part[: k - 1], [t for t in part if t.i > x.i]]
    return [part]


def without_cues(part: list[Token], is_cue: object) -> list[Token]:
    """A clause without the coordinated speech verbs inside it and what follows them ("announced
    the tests found X, and said there was ...": the second verb is a cue of its own)."""
    part = sorted(part, key=lambda x: x.i)
    for k, t in enumerate(part):
        if k > 1 and t.dep_ == "conj" and is_cue(t):  # type: ignore[operator]
            while k > 0 and (part[k - 1].dep_ in ("cc", "punct", "advmod") or part[k - 1].tag_ == "RB"):
                k -= 1
            return part[:k]
    return part


def zero_that(tree: Tree, t: Token, last: int, addressee: bool) -> tuple[int, int] | None:
    """A zero-that clause read from the tags: [adverbs] [", adjunct,"] noun phrase + finite verb."""
    doc, sent = t.doc, t.sent
    k = last + 1
    while k < sent.end and doc[k].tag_ == "RB":
        k += 1
    if k < sent.end and doc[k].text == ",":  # "alleged, by way of example, Mahan had ..."
        close = next((j for j in range(k + 1, min(sent.end, k + 8)) if doc[j].text == ","), None)
        if close is None:
            return None
        k = close + 1
    start, j = k, _noun_phrase_end(doc, k, sent.end)
    if j is None:
        return None
    if addressee:  # "told the Times the attack ...": the second noun phrase is the subject
        starts = [
            x
            for x in range(start + 1, j)
            if doc[x].tag_ in ("DT", "PRP$") and doc[x - 1].tag_.startswith("NN")
        ]
        start = starts[-1] if starts else start
    return edges(tree, list(doc[start : _clause_end(doc, j, sent.end)]))


def _noun_phrase_end(doc: object, k: int, end: int, finite: frozenset[str] = FINITE) -> int | None:
    """The index of the finite verb that follows a noun phrase starting at ``k`` (None: no such)."""
    d = doc  # type: ignore[assignment]
    noun = False
    j = k
    if j < end and d[j].tag_ == "PRP":  # "said he had ..."
        return j + 1 if j + 1 < end and d[j + 1].tag_ in FINITE else None
    while j < end:
        x = d[j]
        if x.tag_ in finite:
            return j if noun else None
        if x.tag_ in NP_TAGS:
            noun = noun or x.tag_.startswith(("NN", "CD"))
        elif noun and (x.tag_ in ("VBG", "VBN") or (x.tag_ == "IN" and x.lower_ not in _NOT_COMPLEMENT)):
            pass  # "an attack on an air base housing troops", "the tests by a laboratory"
        elif noun and x.text == ",":  # an apposition: ", Hamid Arabnejad Khanooki,"
            close = next((c for c in range(j + 1, min(end, j + 8)) if d[c].text == ","), None)
            if close is None or any(d[c].tag_ not in NP_TAGS for c in range(j + 1, close)):
                return None
            j = close
        else:
            return None
        j += 1
    return None


def _clause_end(doc: object, j: int, end: int) -> int:
    """Where a zero-that clause whose verb is at ``j`` ends: the sentence end, or before ";", ":",
    or a comma that opens a relative clause, a participle or a coordinated verb."""
    d = doc  # type: ignore[assignment]
    for x in range(j + 1, end):
        if d[x].text in (";", ":"):
            return x
        if d[x].text == "," and x + 1 < end:
            nxt = d[x + 1]
            after = d[x + 2] if x + 2 < end else None
            if nxt.tag_ in ("WDT", "WP", "WP$", "VBG") or (
                nxt.dep_ == "cc" and after is not None and after.tag_ in FINITE | {"VBN"}
            ):
                return x
    return end
