"""Talks or accords a third side brokers, hosts or mediates: "after Bolivian-brokered talks", "talks
mediated by X", "X and Y met under Bolivian mediation", "a deal brokered by X". The third side
mediates between the parties (CAMEO 045, PLOVER CONSULT), besides what the parties do together.
The participles of mediating are the lexicon's ``mediating`` (lemmas), its nouns
``mediation_nouns``; "Z-led talks" are Z's own (the talks' coder makes Z their source)."""

from __future__ import annotations

from newsgraph.events.cameo import EventLexicon
from newsgraph.events.coder import Coder, Found
from newsgraph.events.tree import Clause, Token, case_of, phrase_actors

#: the cases that set a noun of mediation on the talks ("*under* Bolivian mediation", "*through* ...")
MEDIATION_CASES = frozenset({"under", "through", "with", "via"})


def mediated(found: list[Found], offset: int, coder: Coder, lex: EventLexicon) -> list[Found]:
    """One mediation per coded consultation of ``found`` that names who brokered, hosted or mediated
    it: from the mediator to the consultation's parties."""
    accords = lex.words("accord_nouns")
    out: list[Found] = []
    for f in found:
        talks = f.coding.type == "CONSULT" or (f.nominal and f.head.lemma_.lower() in accords)
        if not talks or f.coding.cameo == "045":
            continue
        parties = list(dict.fromkeys([*f.source, *f.target]))
        for word, brokers in _brokers(f.head, coder, lex, offset):
            brokers = [b for b in brokers if b not in parties]
            coding = lex.coding("045", f"{word.lemma_.lower()} (mediated)")
            if brokers and len(parties) > 1 and coding is not None:
                m = Found(word, offset, coding, word.lemma_.lower(), Clause(word), nominal=True)
                m.source, m.target = brokers, parties
                out.append(m)
                break
    return out


def _brokers(head: Token, coder: Coder, lex: EventLexicon, offset: int) -> list[tuple[Token, list[str]]]:
    """The mediators named on a consultation's word: a participle of mediating on the noun with the
    mediator in its phrase ("Bolivian-brokered", "mediated by X") or a noun of mediation set on the
    word ("under Bolivian mediation", "under X's auspices")."""
    participles, nouns = lex.words("mediating"), lex.words("mediation_nouns")
    out: list[tuple[Token, list[str]]] = []
    for c in head.children:
        lemma = coder.lemma(c)
        if c.dep_ in ("amod", "acl") and c.tag_ == "VBN" and lemma in participles:
            agents = [x for x in c.children if x.dep_ == "obl:agent"]  # "mediated by X"
            out.append((c, [a for x in agents or [c] for a in phrase_actors(x, coder.actors, offset)]))
        elif c.dep_ in ("obl", "nmod") and c.lemma_.lower() in nouns and case_of(c) in MEDIATION_CASES:
            out.append((c, phrase_actors(c, coder.actors, offset)))  # "Bolivia's", "of Bolivia"
    return out
