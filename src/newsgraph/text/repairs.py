"""Repairs of one misparse the bundled model makes often enough to lose events: a past tense read
as a noun heading a sentence with no verb ("A police officer *shot* X" parsed as the noun "officer
shot" with X its apposition). The word is made the verb of its sentence again, the noun before it
its subject and the phrase after it its object (lexicon ``english.misread_past_verbs``)."""

from __future__ import annotations

from typing import Any

from newsgraph.text import lexicons

#: past tense -> lemma of verbs the tagger reads as nouns ("shot")
MISREAD = {str(k): str(v) for k, v in lexicons.table("english.misread_past_verbs").items()}
#: the dependents of the misread word that are its subject's words (left) and its object (right)
_LEFT = ("compound", "nmod:poss", "amod")
_RIGHT = ("appos", "obj", "compound")


def repair(doc: Any) -> None:
    """Make each misread past tense of ``doc`` the verb of its sentence again (see the module); a doc
    with no parse (a pipeline without a parser) is left as it is."""
    if not doc.has_annotation("DEP"):
        return
    for sent in doc.sents:
        root = sent.root
        if root.lower_ not in MISREAD or root.pos_ not in ("NOUN", "PROPN") or _has_verb(sent):
            continue
        left = [c for c in root.lefts if c.dep_ in _LEFT]
        right = [c for c in root.rights if c.dep_ in _RIGHT and c.pos_ in ("PROPN", "NOUN", "PRON")]
        if not left or not right or left[-1].right_edge.i != root.i - 1:
            continue
        subject = left[-1]
        for c in list(root.lefts):  # the subject's words: "A police [officer]"
            if c.i != subject.i and c.dep_ in ("det", *_LEFT):
                c.head = subject
        subject.dep_ = "nsubj"
        right[0].dep_ = "obj"
        root.pos_, root.tag_, root.lemma_ = "VERB", "VBD", MISREAD[root.lower_]


def _has_verb(sent: Any) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for t in sent)
