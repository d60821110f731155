"""What an easing verb lifts ("lifted sanctions on X", "eased most of the restrictions it had
imposed on X"): the lifted nouns with their lexicon entries, the code of their easing (sanctions:
085, a ban: 081) and whom they had been imposed on."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from newsgraph.events.cameo import Coding, EventLexicon
from newsgraph.events.deps import Token, case_of, counted
from newsgraph.events.subjects import zero_relative


def lifted_nouns(
    lex: EventLexicon, lemma: str, objects: Sequence[Token]
) -> list[tuple[Token, dict[str, Any]]]:
    """The nouns an easing verb lifts, with their lexicon entries ("most of the sanctions": the
    sanctions)."""
    if lemma not in lex.words("easing"):
        return []
    specs = [(o, lex.noun_spec(o.lemma_, o.text)) for o in map(counted, objects)]
    return [(o, spec) for o, spec in specs if spec is not None and spec.get("eased")]


def easing(lex: EventLexicon, rule: str, spec: dict[str, Any]) -> Coding | None:
    """The code the lifted noun names for its easing, with the rule that found it."""
    return lex.coding(str(spec["eased"]), f"{rule} (eased)")


def imposed_on(
    noun: Token, spec: dict[str, Any], actors_of: Callable[[list[Token], int], list[str]], offset: int
) -> list[str]:
    """Whom a lifted noun was imposed on ("sanctions *on X*", "the sanctions it had imposed *on X*"):
    its target phrases, and those of a clause that modifies it."""
    cases = set(spec.get("target") or ())
    verb = next((a for a in noun.ancestors if a.pos_ == "VERB"), None)
    clauses = [c for c in noun.children if c.dep_.startswith("acl")]
    clauses += [c for c in (verb.children if verb is not None else ()) if noun in zero_relative(c)]
    phrases = [c for c in noun.children if c.dep_ == "nmod" and case_of(c) in cases]
    phrases += [x for c in clauses for x in c.children if x.dep_ == "obl" and case_of(x) in cases]
    return actors_of(phrases, offset)
