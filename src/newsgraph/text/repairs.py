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
- A name with a role between commas before its verb, read as the name with a relative clause whose
  subject is the role ("Juan Ortega, *then the director of the port*, was convicted": "convicted" a
  clause of the name, "director" its subject, and the name the root of a sentence with no verb):
  the verb is made the root, the name its subject and the role the name's apposition.
- A name after a fronted phrase read as the phrase's apposition ("On Friday in Peru, *Juan Ortega*,
  ..., was sentenced", "Following the vote, a spokesperson, *X*, said": the verb left with no
  subject): the name is made the verb's subject.
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
    _named_subjects(doc)
    _subjects_after_fronted(doc)
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


def _named_subjects(doc: Any) -> None:
    """Make the name at the root of a sentence the subject of the clause the parse hung on it when
    the clause's subject is a role noun between commas right after the name (see the module)."""
    for sent in list(doc.sents):
        name = sent.root
        if name.pos_ != "PROPN":  # (a sentence whose root is a name has no verb at its head)
            continue
        for v in name.rights:
            role = _role_subject(doc, name, v)
            if role is not None:
                dep = role.dep_
                v.head, v.dep_ = v, "ROOT"
                name.head, name.dep_ = v, dep
                role.head, role.dep_ = name, "appos"
                break


def _role_subject(doc: Any, name: Any, v: Any) -> Any:
    """The role noun that is the subject of ``v``, a verb the parse made a clause of ``name``, when it
    stands between commas right after the name ("Juan Ortega, [then] the director of X, [was] met")."""
    if v.pos_ != "VERB" or not v.dep_.startswith("acl"):
        return None
    subjects = [c for c in v.lefts if c.dep_ in ("nsubj", "nsubj:pass")]
    if len(subjects) != 1 or subjects[0].pos_ != "NOUN":
        return None
    role = subjects[0]
    first, last = role.left_edge.i, role.right_edge.i
    name_end = max([name.i] + [c.i for c in name.rights if c.dep_ in ("flat", "compound")])
    between = doc[name_end + 1 : first]
    if not between or between[0].text != "," or any(t.pos_ not in ("PUNCT", "ADV") for t in between):
        return None
    after = doc[last : v.i] if doc[last].text == "," else doc[last + 1 : v.i]  # (the comma may be the role's)
    if not after or after[0].text != ",":
        return None
    return role if all(t.dep_.startswith(("aux", "punct", "advmod")) for t in after[1:]) else None


def _subjects_after_fronted(doc: Any) -> None:
    """Make the names the parse hung as appositions of a phrase fronted before a verb with no
    subject ("On Friday, X, ...", "Following the vote, a spokesperson, X, said") that verb's subject:
    the first person's name among them (else the first of them) its subject, the others its
    appositions (see the module)."""
    for sent in doc.sents:
        v = sent.root
        if v.pos_ not in ("VERB", "AUX") or any(c.dep_.startswith("nsubj") for c in v.children):
            continue
        for front in (c for c in v.lefts if c.dep_ == "obl"):
            told = [c for c in front.rights if c.dep_ == "appos" and c.pos_ in ("PROPN", "NOUN")]
            if not any(c.pos_ == "PROPN" and c.ent_type_ for c in told):
                continue
            passive = any(c.dep_ == "aux:pass" for c in v.children)
            subject = next((c for c in told if c.ent_type_ == "PER"), told[0])  # (not "a [State Dept] aide")
            subject.head, subject.dep_ = v, "nsubj:pass" if passive else "nsubj"
            for other in told:
                if other.i != subject.i:
                    other.head = subject
            break


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
