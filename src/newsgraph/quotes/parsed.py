"""Reported speech from the parse, joined to the quote finder: speakers for cues and quotations
that the word-level rules leave without one, and reported clauses they do not see.

:class:`ParsedSpeech` holds one document's :class:`~newsgraph.quotes.reported.Report` list and
resolves a report's speaker phrase through the host :class:`~newsgraph.quotes.speakers.Attributor`
(names, pronouns by gender and number, descriptions, institutions, unnamed sources). For a
quotation it finds the cue the tree attaches it to (:meth:`ParsedSpeech.quote_cue`): the clause
that holds it as a partial quote, a governing speech verb or noun, or the clause before a colon.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from newsgraph.quotes.reported import Report, find_reports, noun_speaker, speaker_of
from newsgraph.quotes.resolution import CONFIDENCE, UNRESOLVED, Resolution
from newsgraph.quotes.tree import Token, Tree, child, children, is_nominal, is_verb, lemma, phrase_tokens
from newsgraph.text import lexicons
from newsgraph.text.nounphrases import HEADS, PRONOUNS, Phrase
from newsgraph.text.speechverbs import Lexicon

#: how far up the tree a quotation's cue may be (heads crossed)
MAX_UP = 4
#: heads of an unnamed source whose words are kept with an unresolved speaker
SOURCE_HEADS = HEADS | lexicons.words("quotes.source_heads")
#: how a speaker found by its name is recorded, by the way the parse found it
_HOW = {"source": "according", "object": "object"}


class Speaker(NamedTuple):
    """A resolved speaker phrase: the resolution and the words that name or describe the speaker."""

    res: Resolution
    text: str | None
    named: bool  # the phrase's head is a name mention (beats a word-level guess)


class TreeCue(NamedTuple):
    """The cue the parse gives a quotation."""

    speaker: Speaker
    cue: str | None
    cue_start: int | None
    rule: str
    inherited: bool  # the speaker is the subject of another verb ("..., describing it as ...")


class ParsedSpeech:
    """One document's parse-based reports and their speakers (see the module docstring)."""

    def __init__(self, parses: Sequence[tuple[int, object]], lex: Lexicon, att: object) -> None:
        self.tree = Tree(parses)
        self.lex = lex
        self.att = att
        self.reports = find_reports(self.tree, lex) if self.tree else []
        self.by_cue: dict[int, list[Report]] = {}
        for r in self.reports:
            self.by_cue.setdefault(r.cue_span[0], []).append(r)
        self._cache: dict[tuple[int, int], Speaker] = {}

    # ---- speakers ------------------------------------------------------------------------
    def speaker(self, head: Token | None, how: str, para: int, pos: int) -> Speaker:
        """Resolve the phrase headed by ``head`` (antecedents before ``pos``)."""
        if head is None:
            return Speaker(UNRESOLVED, None, False)
        key = (self.tree.start(head), pos)
        if key not in self._cache:
            self._cache[key] = self._speaker(head, how, para, pos)
        return self._cache[key]

    def _speaker(self, head: Token, how: str, para: int, pos: int) -> Speaker:
        att = self.att
        toks = phrase_tokens(head)
        if how == "inverted":  # "wrote student protester Joshua Wong": the name after the title
            nxt = toks[-1].i + 1
            while nxt < len(head.doc) and head.doc[nxt].tag_ in ("NN", "NNP", "NNPS"):
                toks.append(head.doc[nxt])
                nxt += 1
        s, e = self.tree.span(toks)
        text = att.text[s:e]  # type: ignore[attr-defined]
        last = toks[-1]
        # "student protester Joshua Wong": the name ("associates of X" are not X)
        linked = any(t.pos_ == "ADP" for t in toks if t.i > head.i)
        if last.i > head.i and last.pos_ == "PROPN" and not linked:
            found = self._mention_at(last, how, "PERSON")
            if found is not None:
                return Speaker(found, text, True)
        if head.lower_ not in PRONOUNS and not self._someone(head):
            found = self._mention_at(head, how, None)
            if found is not None:
                return Speaker(found, text, True)
        kind = "pronoun" if head.lower_ in PRONOUNS and len(toks) == 1 else "np"
        named = self._name_run(toks, head)
        if named is not None:
            return Speaker(named, text, True)
        for ap in children(head, "appos") if head.pos_ != "PROPN" else []:  # "the spokesperson, X, said"
            alt = self._speaker(ap, how, para, pos)
            if alt.named:
                return alt
        if head.pos_ == "PROPN" and self._unknown_name(head):  # someone the actors do not know
            res = att.variant_name(text, UNRESOLVED)  # type: ignore[attr-defined]
            return Speaker(res, text, bool(res.entity))
        res = att.resolve(Phrase(s, e, kind), para, pos)  # type: ignore[attr-defined]
        if res.entity is None:
            for ap in children(head, "appos"):  # "someone, seemingly X, says"
                alt = self._speaker(ap, how, para, pos)
                if alt.res.entity:
                    return alt
        if res.entity is None:  # a misspelt name heading the phrase, not one after "of" ("associates of X")
            res = att.variant_name(self._before_link(toks, head, text), res)  # type: ignore[attr-defined]
        return Speaker(res, text, False)

    def _before_link(self, toks: list[Token], head: Token, text: str) -> str:
        """The words of the phrase up to the first preposition after its head."""
        cut = [t for t in toks if t.i > head.i and t.pos_ == "ADP"]
        if not cut:
            return text
        s = self.tree.start(toks[0])
        return str(self.att.text[s : self.tree.start(cut[0])])  # type: ignore[attr-defined]

    def _name_run(self, toks: list[Token], head: Token) -> Resolution | None:
        """An organisation or person mention inside the name that ends at the head ("the Iranian
        *Revolutionary Guard* Corps"); a state inside it is a modifier ("the Saudi Press Agency")."""
        if head.pos_ != "PROPN":
            return None
        run = [t for t in toks if t.i <= head.i]
        while run and not (run[0].pos_ == "PROPN" or run[0].tag_ == "NNP"):
            run = run[1:]
        if len(run) < 2:
            return None
        s, e = self.tree.span(run)
        for m in self.att.mentions_in(s, e):  # type: ignore[attr-defined]
            if s <= m.start and m.end <= e and m.kind == "name":
                if self.att.mention_type(m) in ("ORG", "PERSON"):  # type: ignore[attr-defined]
                    return Resolution(m.entity, "name", CONFIDENCE["name"] - 0.05)
        return None

    def _mention_at(self, t: Token, how: str, etype: str | None) -> Resolution | None:
        """The actor named by a mention covering token ``t`` (of type ``etype`` when given)."""
        ts, te = self.tree.start(t), self.tree.end(t)
        for m in self.att.mentions_in(ts, te):  # type: ignore[attr-defined]
            if m.start <= ts and te <= m.end and m.kind not in ("pronoun", "description"):
                if etype is None or self.att.mention_type(m) == etype:  # type: ignore[attr-defined]
                    kind = _HOW.get(how, "name")
                    return Resolution(m.entity, kind, CONFIDENCE[kind])
        return None

    @staticmethod
    def _someone(head: Token) -> bool:
        """ "a protester", "an official": one unnamed person, not the group the noun names."""
        det = child(head, "det")
        return head.tag_ == "NN" and det is not None and det.lower_ in ("a", "an")

    def report_speaker(self, r: Report, para: int) -> Speaker:
        return self.speaker(r.speaker, r.how, para, r.cue_span[0])

    def source_like(self, r: Report) -> bool:
        """Whether an unresolved speaker phrase names a possible source: a name, a personal pronoun,
        a person, group or institution noun ("officials", "analysts"), a speech noun ("reports")."""
        h = r.speaker
        if h is None:
            return False
        if h.pos_ == "PROPN" or (h.lower_ in PRONOUNS and h.lower_ != "it"):
            return True
        return self.speaks(h) or h.lower_ in SOURCE_HEADS or h.lower_.rstrip("s") in SOURCE_HEADS

    def not_resolvable(self, h: Token, entity: str | None) -> bool:
        """A subject no word-level guess should resolve to ``entity``: a name no actor mention
        covers ("... Man-kei Tam", "the Saudi Press Agency": not a person named in it), or a plural
        noun that names no speaker ("associates of X")."""
        if h.pos_ == "PROPN":
            named = any(
                m.entity == entity and self.att.etype(entity) == "PERSON"  # type: ignore[attr-defined]
                for x in h.subtree
                for m in self.att.mentions_in(self.tree.start(x), self.tree.end(x))  # type: ignore[attr-defined]
            )
            return not named and self._unknown_name(h)
        return h.tag_ == "NNS" and not self.speaks(h)

    def _unknown_name(self, h: Token) -> bool:
        """A name ending the speaker phrase that no actor mention covers ("... Man-kei Tam")."""
        last = phrase_tokens(h)[-1]
        if last.pos_ != "PROPN":
            return False
        ls, le = self.tree.start(last), self.tree.end(last)
        return not any(m.start <= ls and le <= m.end for m in self.att.mentions_in(ls, le))  # type: ignore[attr-defined]

    def speaks(self, h: Token) -> bool:
        """Whether a common noun can name a speaker ("official", "ministry", "statement")."""
        if h.pos_ == "PROPN" or h.lower_ in PRONOUNS:
            return True
        low = h.lower_
        return any(w in HEADS or w in self.lex.nouns for w in (low, low.rstrip("s"), low[:-3] + "y"))

    def speech_act_at(self, pos: int) -> bool:
        """Whether the word at ``pos`` is a speech verb with a subject ("Pelosi *called* it a ..."),
        not a naming word ("the so-called ...", "a plan dubbed ...")."""
        r = self.at_cue(pos)
        return r is not None and r.info is not None and r.how in ("subject", "inverted")

    def at_cue(self, start: int) -> Report | None:
        rs = self.by_cue.get(start)
        return rs[0] if rs else None

    # ---- quotations --------------------------------------------------------------------------
    def quote_cue(self, outer: tuple[int, int], sent: tuple[int, int], para: int) -> TreeCue | None:
        """The cue the tree gives the quotation ``outer`` (marks included) in sentence ``sent``."""
        o0, o1 = outer
        up = self._governor(o0, o1, sent)
        if up is not None:
            return up
        holders = [  # a partial quote inside a reported clause keeps that clause's cue
            r
            for r in self.reports
            if r.content
            and r.content[0] <= o0
            and o1 <= r.content[1] + 1
            and sent[0] <= r.cue_span[0] < sent[1]
            and not o0 <= r.cue_span[0] < o1
        ]
        if holders:
            r = min(holders, key=lambda r: r.content[1] - r.content[0])  # type: ignore[index]
            return self._tree_cue(r.cue, r.cue_text, r.cue_span[0], r.speaker, r.how, para, "partial")
        return self._colon(o0, sent, para)

    def _governor(self, o0: int, o1: int, sent: tuple[int, int]) -> TreeCue | None:
        toks = [t for t in self.tree.tokens_in(o0, o1)]
        tops = [t for t in toks if not (o0 <= self.tree.start(t.head) < o1) or t.head.i == t.i]
        para = self.att._para_of(o0)  # type: ignore[attr-defined]
        for top in tops:
            t = top
            for _ in range(MAX_UP):
                if t.head.i == t.i:
                    break
                t = t.head
                if not (sent[0] <= self.tree.start(t) < sent[1]) or o0 <= self.tree.start(t) < o1:
                    break
                found = self._cue_token(t, o0, para)
                if found is not None:
                    return found
        return None

    def _cue_token(self, t: Token, o0: int, para: int) -> TreeCue | None:
        rs = self.by_cue.get(self.tree.start(t))
        if not rs:
            return None
        r = rs[0]
        if r.rule == "according-to":
            return None
        where = "cue-after" if self.tree.start(t) > o0 else "cue-before"
        rule = "noun-cue" if r.rule.startswith("noun") else where
        return self._tree_cue(r.cue, r.cue_text, r.cue_span[0], r.speaker, r.how, para, rule)

    def _tree_cue(
        self,
        cue: Token,
        form: str | None,
        start: int | None,
        head: Token | None,
        how: str,
        para: int,
        rule: str,
    ) -> TreeCue:
        sp = self.speaker(head, how, para, start if start is not None else self.tree.start(cue))
        return TreeCue(sp, form, start, rule, how == "inherit")

    def _colon(self, o0: int, sent: tuple[int, int], para: int) -> TreeCue | None:
        """'X said in a statement: "..."', 'Lavrov: "We ..."', 'the statement from the king: "..."'."""
        text = self.att.text  # type: ignore[attr-defined]
        before = text[sent[0] : o0].rstrip()
        if not before.endswith(":"):
            return None
        colon = sent[0] + len(before) - 1
        toks = [t for t in self.tree.tokens_in(sent[0], colon) if not t.is_punct]
        if not toks:
            return None
        for t in reversed(toks):  # "the following statement from the king:", "Trump's statement read:"
            if t.lower_ in self.lex.nouns or lemma(t) in self.lex.nouns:
                head, how = noun_speaker(t, self.lex)
                if head is not None and how != "inherit" and self.speaker(head, how, para, o0).res.entity:
                    return self._tree_cue(t, None, None, head, how, para, "colon")
        ids = {t.i for t in toks}
        roots = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
        root = max(roots, key=lambda t: len(list(t.subtree)))
        head, how, form = None, "none", None
        if is_verb(root):
            (head, how), form = speaker_of(root, self.lex), root.text
        elif is_nominal(root):
            head, how = noun_speaker(root, self.lex)
            if head is None and root.pos_ == "PROPN":
                head, how = root, "subject"
        if head is None:
            head, how = self._first_subject(toks), "subject"
        if head is None:
            return None
        start = self.tree.start(root) if form else None
        return self._tree_cue(root, form, start, head, how, para, "colon")

    def _first_subject(self, toks: list[Token]) -> Token | None:
        """The first actor named before the colon outside a prepositional phrase, where the parse
        gives the clause no subject ("..., the Department of Defense justified the strike: “...”");
        of names run together ("the United States Department of Defense") the last."""
        s, e = self.tree.span(toks)
        text = self.att.text  # type: ignore[attr-defined]
        cands = [
            m
            for m in self.att.mentions_in(s, e)  # type: ignore[attr-defined]
            if s <= m.start
            and self.att.mention_type(m) in ("PERSON", "ORG", "STATE")  # type: ignore[attr-defined]
            and text[max(s, m.start - 5) : m.start].split()[-1:]
            not in (["in"], ["of"], ["at"], ["from"], ["to"])
        ]
        if not cands:
            return None
        m = cands[0]
        for m2 in cands[1:]:
            if m2.start - m.end > 1:
                break
            m = m2
        return self.tree.token_at(m.end - 1)
