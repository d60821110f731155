"""Capitals the document names for its states ("Veyra, the capital of Aldmark", "the Valdorian
capital, Castellan", "Aldmark's capital Veyra"): a capital the knowledge base does not know (a
newer one, or a state of fiction) that then acts ("Castellan does not take instructions") is a
mention of its state, like "Moscow said"."""

from __future__ import annotations

import re

from newsgraph.actors.kb import KnowledgeBase
from newsgraph.text import lexicons

_NAME = r"[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2}"
_CAPITAL = r"capital(?:[ \t]+city)?"
_ADJS = rf"(?:(?:{lexicons.pattern('actors.capital_adjectives')})[ \t]+)?"
_OF_STATE = rf"(?:[ \t]+of[ \t]+(?P<state>{_NAME}))?"
_CAPITAL_OF = rf"{_ADJS}(?:(?P<adj>{_NAME})[ \t]+)?{_CAPITAL}{_OF_STATE}"  # after "the"
_POSS_CAPITAL = rf"(?P<poss>{_NAME})['’]s[ \t]+{_CAPITAL}"
_PATTERNS = (
    # "Veyra, the capital of Aldmark", "Veyra, the Aldmark capital", "Veyra, Aldmark's capital"
    re.compile(rf"(?P<city>{_NAME}),[ \t]+(?:the[ \t]+{_CAPITAL_OF}|{_POSS_CAPITAL})"),
    # "the capital of Aldmark, Veyra", "the Valdorian capital, Castellan", "Aldmark's capital Veyra"
    re.compile(rf"(?:\b[Tt]he[ \t]+{_CAPITAL_OF}|{_POSS_CAPITAL}),?[ \t]+(?P<city>{_NAME})"),
    # "Veyra is the capital of Aldmark"
    re.compile(rf"(?P<city>{_NAME})[ \t]+is[ \t]+the[ \t]+{_ADJS}{_CAPITAL}[ \t]+of[ \t]+(?P<state>{_NAME})"),
)


def doc_capitals(text: str, kb: KnowledgeBase, demonyms: dict[str, str]) -> dict[str, tuple[str, str | None]]:
    """City -> (state name, the state's kb_id when the KB knows it) for every capital the text
    names; ``demonyms`` are the document's own ("Valdorian" -> "Valdoria")."""
    out: dict[str, tuple[str, str | None]] = {}
    for rx in _PATTERNS:
        for m in rx.finditer(text):
            state = _state(m, kb, demonyms)
            city = m.group("city")
            if state is not None and city != state[0] and not kb.demonym(city):
                out.setdefault(city, state)
    return out


def _state(m: re.Match[str], kb: KnowledgeBase, demonyms: dict[str, str]) -> tuple[str, str | None] | None:
    name = m.group("state") or m.group("poss")
    if name:
        hit = next((e for e in kb.lookup(name)[:1] if e.type == "STATE"), None)
        return (hit.name, hit.kb_id) if hit else (name, None)
    adj = m.group("adj")
    if not adj:
        return None
    st = kb.demonym(adj)
    if st is not None:
        return st.name, st.kb_id
    return (demonyms[adj], None) if adj in demonyms else None
