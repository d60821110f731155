"""Talks told as the time before an act, summits a traveller goes to, judgements that name a deed,
the measures a reaction is about, two states' coordinated governments and a demonym before a state's
measure, "who" after a person's description, an act reported by officials (no accusation by them),
airlifts, and a main verb the parse made the modifier of its subject (issue 14).

The sentences are written for these tests (made-up situations between real states and made-up
people), not taken from any article; the parse repair is tested on a hand-built tree.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.events.deps import conjuncts
from newsgraph.events.tree import Clause, is_passive, misread_finite

from .events_helpers import analyse, coded, only, tree


def test_talks_a_stretch_of_time_was_spent_in_are_between_the_clauses_subjects() -> None:
    src, tgt, ev = only("Chile and Peru signed a peace treaty in Lima on Wednesday after ten days of talks.",
                        "CONSULT")
    assert {*src, *tgt} == {"Chile", "Peru"}
    assert "talk" in (ev.rule or "")
    # a stretch of time of something else is no meeting
    assert [t for t, *_ in coded("Chile freed the prisoners after two years of captivity.")] == []


def test_talks_led_by_a_third_state_are_its_with_the_parties() -> None:
    got = {(tuple(s), tuple(t)) for ty, s, t, _ in
           coded("Chile and Peru signed a ceasefire on Wednesday after a week of Bolivian-led talks.")
           if ty == "CONSULT"}
    assert got == {(("Bolivia",), ("Chile", "Peru"))}


def test_a_traveller_holds_the_summit_the_journey_is_for() -> None:
    src, tgt, _ = only("Ann Ward rode a bus across the border to Lima on Saturday for a summit with her "
                       "Peruvian counterpart Juan Ortega.", "CONSULT")
    assert (src, tgt) == (["Ann Ward"], ["Juan Ortega", "Peru"])


def test_a_deed_called_a_wrong_accuses_its_doer_not_a_call_for_it() -> None:
    body = ("Chile expelled 23 Peruvian diplomats on Wednesday.\n\n"
            "Peru called the expulsion a provocation.")
    got = [(s, t) for ty, s, t, _ in coded(body) if ty == "ACCUSE"]
    assert got == [(["Peru"], ["Chile"])]
    # "called for the expulsion" stays a request
    src, tgt, _ = only("Peru called for the expulsion of Chilean diplomats.", "REQUEST")
    assert (src, tgt) == (["Peru"], ["Chile"])


def test_the_measures_a_reaction_judges_are_the_latest_punitive_acts() -> None:
    body = ("Chile expelled 23 Peruvian diplomats on Wednesday.\n\n"
            'Peru\'s foreign ministry called the measures "an unprecedented flagrant provocation".')
    got = [(s, t) for ty, s, t, _ in coded(body) if ty == "ACCUSE"]
    assert got == [(["Peruvian Foreign Ministry", "Peru"], ["Chile"])]  # the ministry, a body of Peru


def test_coordinated_demonyms_before_a_plural_government_noun_are_both_states() -> None:
    ad = analyse("The Chilean and Peruvian governments reached a peace agreement on Friday.")
    names = {e.id: e.name for e in ad.entities}
    assert sorted(names[m.entity] for m in ad.mentions) == ["Chile", "Peru"]
    got = {(tuple(s), tuple(t)) for ty, s, t, _ in
           coded("The Chilean and Peruvian governments reached a peace agreement on Friday.")}
    assert got == {(("Chile",), ("Peru",)), (("Peru",), ("Chile",))}


def test_a_demonym_before_a_states_measure_is_the_state_acting() -> None:
    src, tgt, _ = only("Chilean sanctions on Peru took effect on Monday.", "SANCTION")
    assert (src, tgt) == (["Chile"], ["Peru"])
    src, tgt, _ = only("Peru rejected Chilean demands for compensation.", "REQUEST")
    assert (src, tgt) == (["Chile"], ["Peru"])


def _military_detained() -> Doc:
    """ "Peru 's military detained Juan Ortega and other leaders ." as the shipped model parsed a
    like sentence: "military" an adjective heading it, the verb its modifier, the other leaders
    coordinated with it."""
    words = ["Peru", "'s", "military", "detained", "Juan", "Ortega", "and", "other", "leaders", "."]
    heads = [2, 0, 2, 2, 3, 4, 8, 8, 2, 2]
    deps = ["nmod:poss", "case", "ROOT", "acl", "obj", "flat", "cc", "amod", "conj", "punct"]
    pos = ["PROPN", "PART", "ADJ", "VERB", "PROPN", "PROPN", "CCONJ", "ADJ", "NOUN", "PUNCT"]
    tags = ["NNP", "POS", "NN", "VBN", "NNP", "NNP", "CC", "JJ", "NNS", "."]
    return tree(words, heads, deps, pos, tags)


def test_a_verb_with_an_object_hung_on_a_noun_tagged_adjective_is_the_clauses_verb() -> None:
    doc = _military_detained()
    v = doc[3]
    assert misread_finite(v) and not is_passive(v)
    cl = Clause.of_verb(v)
    assert [t.text for t in cl.subjects] == ["military"]
    assert [t.text for t in cl.objects] == ["Juan", "leaders"]  # the others are the detained
    assert [t.text for t in conjuncts(doc[2])] == ["military"]  # not the military's partners


def test_who_after_a_persons_description_is_the_person_not_the_employer() -> None:
    src, tgt, _ = only("Ann Ward, a Reuters journalist who was arrested by Chile, was freed.", "COERCE")
    assert (src, tgt) == (["Chile"], ["Ann Ward"])
    # "which" after a description is the description's (a country, an organisation)
    src, tgt, _ = only("Chile, a country which accused Peru of spying, left the talks.", "ACCUSE")
    assert (src, tgt) == (["Chile"], ["Peru"])


def test_an_act_reported_by_officials_is_sourced_not_an_accusation_by_them() -> None:
    body = ("Andean Front gunmen stormed Peruvian villages near the border on Saturday, killing about "
            "1,200 people, Peruvian officials said.")
    assert [(t, s, g) for t, s, g, _ in coded(body)] == [("ASSAULT", ["Andean Front"], ["Peru"])]
    # a judgement that tells of no act is the speaker's accusation
    src, tgt, _ = only("Peruvian President Juan Ortega said the Andean Front was a brutal terrorist group.",
                       "ACCUSE")
    assert (src, tgt) == (["Juan Ortega"], ["Andean Front"])


def test_airlifting_someone_is_humanitarian_aid_and_airlifting_troops_a_deployment() -> None:
    src, tgt, ev = only("Juan Ortega was airlifted to Berlin on Saturday by the Andean Foundation.", "AID")
    assert (src, tgt, ev.cameo) == (["Andean Foundation"], ["Juan Ortega"], "073")
    src, tgt, _ = only("Chile airlifted troops to Peru.", "MOBILIZE")
    assert (src, tgt) == (["Chile"], ["Peru"])
    got = coded("The Andean Foundation airlifted Juan Ortega to Berlin.")
    assert [t for t, *_ in got] == ["AID"]  # no "intent to meet" in Berlin
