"""Protests: who protests and against whom.

- Crowds gathered in protest ("several hundred people gathered outside parliament, *demanding* ...",
  "thousands took to the *streets*"): a gathering verb is no event by itself ("leaders gathered in
  Brussels"); with a sign of protest in its clause (the actors stage's :func:`gathering`, lexicon
  ``actors.crowd_gathering`` and ``crowd_cues``) it is a demonstration (CAMEO 141).
- A protest that names no one it is against: against whom its own demand is made ("marched ...,
  demanding the departure of X's soldiers"), else the state of the people the crowd is named by
  ("several hundred Peruvians": Peru; the state of the place is found with the other place events).
- A state's protest ("Japan protested against X's air zone") is an official complaint (CAMEO 114,
  ACCUSE), not a demonstration.
- The people a coercion befalls in a protest story are its protesters: "1000 people have been
  arrested since the protests began" (by their adversary), "police fired tear gas and arrested dozens
  of people as thousands protested" (:func:`crowd_patient`), also told in the sentence right after one
  about the protests.
- A demand that names no one making it, in such a sentence, is the protesters' ("the protests have
  expanded to include demands for an inquiry": :func:`crowd_demand`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsgraph.actors.crowds import gathering
from newsgraph.events.cameo import EventLexicon
from newsgraph.events.coder import Coder, Found
from newsgraph.events.deps import counted, sentence_and_before
from newsgraph.events.tree import Clause, case_of

#: CAMEO: violent repression ("fired tear gas", "used water cannon"), done to a crowd
REPRESSION = "175"


def gathered(sent: Any, offset: int, coder: Coder, lex: EventLexicon) -> list[Found]:
    """The protests of ``sent`` told by a gathering verb."""
    out: list[Found] = []
    for v in sent:
        if v.pos_ != "VERB" or not gathering(v):
            continue
        lemma = coder.lemma(v)
        coding = lex.coding("141", f"verb {lemma} (gathered in protest)")
        if coding is None:
            continue
        f = Found(v, offset, coding, lemma, Clause.of_verb(v))
        coder.participants(f)
        out.append(f)
    return out


def crowd_state(f: Found, coder: Coder) -> list[str]:
    """The state of the people a protesting crowd is named by ("several hundred *Peruvians*
    gathered outside parliament": against Peru's government), when its protest names no one."""
    kb = coder.kb
    if kb is None or f.coding.type != "PROTEST":
        return []
    words = [t for s in f.clause.subjects for t in s.subtree if t.pos_ == "PROPN" and t.lower_.endswith("s")]
    # ... or by a demonym or a state's name before the crowd's noun ("*Peruvian* protesters", "*Hong
    # Kong* protesters")
    before = [t for s in f.clause.subjects for t in counted(s).lefts if t.dep_ in ("amod", "compound")]
    named = [a for t in before for a in coder.actors.at(t, f.offset) if coder.actors.type_of(a) == "STATE"]
    demonyms = [e for t in [*words, *before] if (e := kb.demonym(t.text)) is not None]
    states = {e.kb_id for e in demonyms if e.type == "STATE"}
    return [*named, *(x.id for x in coder.actors.entities.values() if x.kb_id in states)][:1]


def demanded_of(found: list[Found]) -> None:
    """A protest whose own clause demands something of someone ("marched through the capital,
    demanding the departure of the American soldiers") is against whom it demands it of, when it
    names no one it is against ("against X")."""
    for f in found:
        if f.coding.type != "PROTEST" or any(case_of(c) == "against" for c in f.head.children):
            continue
        asked = [
            r.target
            for r in found
            if r.coding.type == "REQUEST" and r.target and set(r.source) == set(f.source)
            and r.head.dep_ in ("advcl", "xcomp", "conj") and r.head.head.i == f.head.i
        ]
        if asked:
            f.target, f.guessed = list(asked[0]), "whom its demand is made of"


def lodged(f: Found, coder: Coder, lex: EventLexicon) -> None:
    """A protest a state makes ("Japan protested against China's air zone", "the foreign ministry
    lodged a protest") is an official complaint (CAMEO 114, ACCUSE), not a demonstration: its
    sources are states, their bodies or their office holders (:meth:`ActorIndex.acting_for`)."""
    if f.coding.type != "PROTEST" or not f.source:
        return
    actors = coder.actors
    states = [s if actors.type_of(s) == "STATE" else actors.acting_for(s) for s in f.source]
    holders = all(s is not None and actors.type_of(s) == "STATE" for s in states)
    coding = lex.coding("114", f"{f.coding.rule} (a state's protest: an official complaint)")
    if holders and coding is not None:
        f.coding = coding


def crowd_patient(
    f: Found, lex: EventLexicon, crowd: list[str], state: Callable[[str], bool] | None = None
) -> bool:
    """A coercion of people with no agent, in a sentence about the protests of a story that has one
    protesting crowd ("1000 people have been arrested since the protests began"); with ``state`` (whether
    an actor acts for a state), a coercion or attack by the state's side whose object is people
    ("police fired tear gas and arrested dozens of people as thousands protested")."""
    kinds = ("COERCE",) if state is None else ("COERCE", "ASSAULT")
    if f.coding.type not in kinds or f.clause.passive != (state is None) or not crowd:
        return False
    if state is not None and not all(state(s) for s in f.source):
        return False
    patients = f.clause.subjects if state is None else [counted(o) for o in f.clause.objects]
    repression = state is not None and (f.coding.cameo or "").startswith(REPRESSION)  # "fired tear gas"
    people = repression or any(s.lemma_.lower() in lex.words("crowd_patients") for s in patients)
    return people and about_protests(f.head.sent, lex)


def about_protests(sent: Any, lex: EventLexicon) -> bool:
    """Whether a sentence, or the one before it in its paragraph, speaks of protests ("Serbians
    protested for a fourth night. Police said 71 people were arrested")."""
    words = lex.words("protest_words")
    return any(t.lemma_.lower() in words for s in sentence_and_before(sent) for t in s)


def crowd_demand(f: Found, lex: EventLexicon, crowd: list[str]) -> list[str]:
    """The makers of a demand that names none ("the protests have expanded to include demands for an
    inquiry"), in a sentence about the protests of a story with one protesting crowd: the crowd."""
    if f.coding.type != "REQUEST" or f.source or not crowd:
        return []
    return crowd if about_protests(f.head.sent, lex) else []
