"""The verb lemmas the event lexicon knows, of the words of one document."""

from __future__ import annotations

from newsgraph.events.cameo import EventLexicon
from newsgraph.events.subjects import stuck_particle
from newsgraph.events.tree import Token, particles
from newsgraph.text.vocabulary import verb_stems


class VerbLemmas:
    """``lemmas(tok)``: the verb lemma of a word (the model's lemmatizer; the dictionary's own verb
    forms for a model without one, or when the lemmatizer's guess is no verb the dictionary knows, as
    "blamed" -> "blam"), with its particle when the lexicon knows the pair ("pull out"). Each word's
    is read once (every reading of a sentence asks for it): one instance per document, as its
    :class:`~newsgraph.events.coder.Coder`."""

    def __init__(self, lex: EventLexicon) -> None:
        self.lex = lex
        self._seen: dict[tuple[int, int], str] = {}  # (the Doc's id, the word's index) -> lemma

    def __call__(self, tok: Token) -> str:
        key = (id(tok.doc), tok.i)
        got = self._seen.get(key)
        if got is None:
            got = self._seen[key] = self._read(tok)
        return got

    def _read(self, tok: Token) -> str:
        lex = self.lex
        base = tok.lemma_.lower()
        if not base or not lex.has_verb(base):
            base = lex.lemma_of(tok.lower_) if lex.has_verb(lex.lemma_of(tok.lower_)) else base
        if not lex.has_verb(base) and tok.tag_.startswith("VB"):  # "floated" read as "floate"
            base = next((s for s in verb_stems(tok.lower_) if lex.has_verb(s)), base)
        us = base[:-2] + "ze"  # British spelling: "criticise", "organise", "analyse"
        if base.endswith(("ise", "yse")) and not lex.has_verb(base) and lex.has_verb(us):
            base = us
        base = base or tok.lower_
        for c in particles(tok):  # a particle, or an adverb right after the verb ("backed away")
            multi = f"{base} {c.lower_}"
            if lex.has_verb(multi):
                return multi
        stuck = stuck_particle(tok)  # "sealed [off] the town" parsed as a preposition of "the town"
        if stuck is not None and lex.has_verb(f"{base} {stuck.lower_}"):
            return f"{base} {stuck.lower_}"
        return base
