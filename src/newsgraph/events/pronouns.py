"""Plural pronouns that stand for a group the story names: "*They* had asked Carrie Lam to resign"
after "thousands of protesters gathered", "*they* arrested three more" after "police detained".

"they" and "their" outside quotes refer to the one group (a collective such as the protesters or
gunmen, or a state body named by a plural sector noun such as "police" or "troops"; not "the
judge" or "a police constable") named in their own sentence before them or in the sentence
before; with no such group, or two, they stay unresolved. Quotes are left alone: there "they"
is often someone the quote named.
"""

from __future__ import annotations

import bisect
import re

from newsgraph.events.tree import ActorIndex
from newsgraph.models import AnalyzedDoc, Mention
from newsgraph.text import lexicons

_THEY = re.compile(r"\b(?:[Tt]hey|[Tt]heir)\b")  # not "them": as often the things just named
#: the names of the collectives the actors stage makes from common nouns ("protesters", "gunmen")
_COLLECTIVES = lexicons.words("actors.collective_nouns") | {
    w for ws in lexicons.word_table("actors.armed_collectives").values() for w in ws
}
#: mention kinds that name a group by a common noun ("the police": a state body)
_GROUP_KINDS = frozenset({"sector"})
#: nouns of one person after a sector noun ("a police *constable*", "police *chief*")
_ONE_PERSON = (
    lexicons.words("actors.person_nouns")
    | lexicons.words("actors.title_heads")
    | lexicons.words("actors.individual_nouns")
)
_NEXT = re.compile(r"[ \t]+([A-Za-z]+)")


def group_pronoun_mentions(ad: AnalyzedDoc, actors: ActorIndex) -> list[Mention]:
    """Mentions of the group each plural pronoun outside quotes refers to (see the module docstring)."""
    quoted = sorted((q.start, q.end) for q in ad.quotes if q.kind == "direct")
    q_starts = [a for a, _ in quoted]
    starts = [s.start for s in ad.sentences]
    out: list[Mention] = []
    for span in ad.body_spans:
        for m in _THEY.finditer(ad.text, span.start, span.end):
            i = bisect.bisect_right(q_starts, m.start()) - 1
            if i >= 0 and quoted[i][0] <= m.start() < quoted[i][1]:
                continue
            k = bisect.bisect_right(starts, m.start()) - 1
            lo = ad.sentences[max(k - 1, 0)].start if k >= 0 else span.start
            before = [x for x in actors.between(lo, m.start()) if x.end <= m.start()]
            groups = {x.entity for x in before if _group(x, actors, ad.text)}
            if len(groups) == 1:
                out.append(Mention(m.start(), m.end(), m.group(), groups.pop(), kind="pronoun"))
    return out


def _group(m: Mention, actors: ActorIndex, text: str) -> bool:
    word = m.text.lower()
    after = _NEXT.match(text, m.end)
    one = after is not None and after.group(1).lower() in _ONE_PERSON  # "a police constable"
    plural = (word == "police" or word.endswith("s")) and not one
    return (m.kind in _GROUP_KINDS and plural) or actors.entities[m.entity].name.lower() in _COLLECTIVES
