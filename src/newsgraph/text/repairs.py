"""Repairs of misparses the bundled model makes often enough to lose events.

- A past tense read as a noun heading a sentence with no verb ("A police officer *shot* X" parsed as
  the noun "officer shot" with X its apposition): the word is made the verb of its sentence again,
  the noun before it its subject and the phrase after it its object (lexicon
  ``english.misread_past_verbs``); so is a present tense in -s the tagger called a singular noun
  ("Chile *condemns* Peru for the attack").
- A present tense the tagger called a noun though the parse gave it a verb's subject and object
  ("Chile *condemns* the attack": nsubj and obj on a "noun"): only its tag, part of speech and
  lemma are wrong, and they are made a verb's. (With a subject and a "that" clause the parse is
  too unsure: "because one of us *departs* that ...".)
- A verb's object the parse hung as a compound on the bare infinitive after it ("Chile helped *Peru*
  rebuild its roads"): made the verb's object again.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import DEP
from spacy.strings import get_string_id

from newsgraph.text import lexicons

#: past tense -> lemma of verbs the tagger reads as nouns ("shot")
MISREAD = {str(k): str(v) for k, v in lexicons.table("english.misread_past_verbs").items()}
#: the string ids of the object and compound relations
_OBJ = get_string_id("obj")
_COMPOUND = get_string_id("compound")
#: the dependents of the misread word that are its subject's words (left) and its object (right)
_LEFT = ("compound", "nmod:poss", "amod")
_RIGHT = ("appos", "obj", "compound")


def repair(doc: Any) -> None:
    """Make each misread past tense of ``doc`` the verb of its sentence again (see the module); a doc
    with no parse (a pipeline without a parser) is left as it is."""
    if not doc.has_annotation("DEP"):
        return
    deps = doc.to_array([DEP])  # (neither repair below changes what the other scans for)
    _present_verbs(doc, deps)
    _objects_of_control(doc, deps)
    for sent in doc.sents:
        root = sent.root
        lemma = MISREAD.get(root.lower_) or (_singular_stem(root.lower_) if _present_form(root) else None)
        if lemma is None or root.pos_ not in ("NOUN", "PROPN") or _has_verb(sent):
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
        root.pos_, root.tag_, root.lemma_ = "VERB", "VBD" if root.lower_ in MISREAD else "VBZ", lemma


def _present_verbs(doc: Any, deps: Any) -> None:
    """Tag as a verb each third-person present form the tagger called a noun though the parse gave
    it a subject and an object ("Chile *condemns* the attack"); ``deps``: the doc's DEP array."""
    objects = numpy.flatnonzero(deps == _OBJ).tolist()  # (a verb has one: scan only those)
    for t in dict.fromkeys(doc[i].head for i in objects):
        if t.pos_ != "NOUN" or not t.is_lower or not (t.tag_ == "NNS" or t.lower_.endswith("s")):
            continue
        deps = {c.dep_ for c in t.children}
        if "nsubj" in deps and "obj" in deps and "cop" not in deps:  # (a complement clause is not enough)
            t.pos_, t.tag_, t.lemma_ = "VERB", "VBZ", _singular_stem(t.lower_)


def _objects_of_control(doc: Any, deps: Any) -> None:
    """Make the object of a verb again the name the parse hung as a compound on the infinitive after it
    ("Chile helped [Peru] rebuild its roads": "Peru" a compound of "rebuild"; a verb has no compound)."""
    for i in numpy.flatnonzero(deps == _COMPOUND).tolist():
        t = doc[i]
        v = t.head
        if v.pos_ != "VERB" or v.tag_ != "VB" or v.dep_ != "xcomp" or not t.i < v.i or v.head.i > t.i:
            continue
        if t.pos_ in ("PROPN", "NOUN") and not any(c.dep_ == "mark" for c in v.children):
            t.head, t.dep_ = v.head, "obj"


def _present_form(t: Any) -> bool:
    """A lower-case word in -s that the tagger called a singular noun: a present tense misread
    ("Chile *condemns* Peru"; a real plural is tagged as one)."""
    return t.tag_ == "NN" and t.is_lower and t.lower_.endswith("s") and not t.lower_.endswith("ss")


def _singular_stem(word: str) -> str:
    """The base form of a third-person present ("denies" -> "deny", "pushes" -> "push")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _has_verb(sent: Any) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for t in sent)
