"""Two titled names joined by "and" before a verb ("French President X and German Chancellor Y
signed ..."): the small model often hangs the first name on the second one's titles, or leaves it
outside the clause. Repairs on hand-built trees, and codings through the whole pipeline."""

from __future__ import annotations

from newsgraph.events.subjects import lost_partner
from newsgraph.events.tree import Clause

from .events_helpers import coded, tree


def test_a_name_hung_on_the_second_names_titles_is_a_second_subject() -> None:
    # "President Ann Ward and Chilean President Juan Ortega met", parsed with Ward a title of Ortega
    doc = tree(
        ["President", "Ann", "Ward", "and", "Chilean", "President", "Juan", "Ortega", "met", "."],
        [1, 6, 1, 4, 2, 6, 8, 6, 8, 8],
        ["nmod:desc", "nmod:desc", "flat", "cc", "conj", "nmod:desc", "nsubj", "flat", "ROOT", "punct"],
        ["PROPN", "PROPN", "PROPN", "CCONJ", "ADJ", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"],
        ["NNP", "NNP", "NNP", "CC", "JJ", "NNP", "NNP", "NNP", "VBD", "."],
    )
    assert [t.text for t in Clause.of_verb(doc[8]).subjects] == ["Ann", "Juan"]


def test_a_name_left_outside_the_clause_is_a_second_subject() -> None:
    # "Minister Ann Ward and chairman Juan Ortega signed", parsed with Ward a root of its own
    doc = tree(
        ["Minister", "Ann", "Ward", "and", "chairman", "Juan", "Ortega", "signed", "it"],
        [1, 1, 1, 4, 1, 6, 7, 7, 7],
        ["nmod:desc", "ROOT", "flat", "cc", "conj", "compound", "nsubj", "ROOT", "obj"],
        ["PROPN", "PROPN", "PROPN", "CCONJ", "NOUN", "PROPN", "PROPN", "VERB", "PRON"],
        ["NNP", "NNP", "NNP", "CC", "NN", "NNP", "NNP", "VBD", "PRP"],
    )
    partner = lost_partner(doc[7], doc[6])
    assert partner is not None and partner.i == 1


def test_another_verbs_object_before_and_is_no_subject() -> None:
    # "Ward met Ortega and Chilean President Juan Soto signed it"
    doc = tree(
        ["Ward", "met", "Ortega", "and", "President", "Juan", "Soto", "signed", "it"],
        [1, 1, 1, 5, 5, 7, 5, 1, 7],
        ["nsubj", "ROOT", "obj", "cc", "nmod:desc", "nsubj", "flat", "conj", "obj"],
        ["PROPN", "VERB", "PROPN", "CCONJ", "PROPN", "PROPN", "PROPN", "VERB", "PRON"],
        ["NNP", "VBD", "NNP", "CC", "NNP", "NNP", "NNP", "VBD", "PRP"],
    )
    assert lost_partner(doc[7], doc[5]) is None


def test_a_name_with_and_inside_it_is_one_name() -> None:
    # "Trinidad and Tobago President Ann Ward met ...": no second subject
    doc = tree(
        ["Trinidad", "and", "Tobago", "President", "Ann", "Ward", "met", "."],
        [4, 2, 0, 4, 6, 4, 6, 6],
        ["compound", "cc", "conj", "nmod:desc", "nsubj", "flat", "ROOT", "punct"],
        ["PROPN", "CCONJ", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"],
        ["NNP", "CC", "NNP", "NNP", "NNP", "NNP", "VBD", "."],
    )
    doc[0].ent_type_, doc[2].ent_type_ = "LOC", "LOC"
    doc.ents = [doc.char_span(0, len("Trinidad and Tobago"), label="LOC")]
    assert lost_partner(doc[6], doc[4]) is None


def test_two_titled_leaders_sign_a_deal_with_each_other() -> None:
    body = "Chilean President Juan Ortega and Peruvian President Ann Ward signed a trade agreement on Monday."
    got = {(c[0], c[1][0], c[2][0]) for c in coded(body)}
    assert {("SUPPORT", "Juan Ortega", "Ann Ward"), ("SUPPORT", "Ann Ward", "Juan Ortega")} <= got


def test_two_sides_agreeing_on_a_plan_for_a_third_agree_with_each_other() -> None:
    body = "Juan Ortega and Ann Ward agreed on a ceasefire plan for Bolivia."
    got = {(c[0], c[1][0], c[2][0]) for c in coded(body)}
    assert got == {("AGREE", "Juan Ortega", "Ann Ward"), ("AGREE", "Ann Ward", "Juan Ortega")}


def test_two_demonyms_before_one_force_name_both_states() -> None:
    body = "Chilean and Peruvian troops clashed along the border on Monday."
    got = {(c[0], c[1][0], c[2][0]) for c in coded(body)}
    assert got == {("ASSAULT", "Chile", "Peru"), ("ASSAULT", "Peru", "Chile")}


def test_two_sides_trading_fire_or_accusations_do_it_to_each_other() -> None:
    got = {(c[0], c[1][0], c[2][0]) for c in coded("Chile and Peru traded fire along the border overnight.")}
    assert got == {("ASSAULT", "Chile", "Peru"), ("ASSAULT", "Peru", "Chile")}
    got = {(c[0], c[1][0], c[2][0]) for c in coded("Chile and Peru traded accusations on Monday.")}
    assert got == {("ACCUSE", "Chile", "Peru"), ("ACCUSE", "Peru", "Chile")}
    assert not coded("Chile traded copper for oil last year.")


def test_a_for_phrase_of_time_is_no_pattern_preposition() -> None:
    # PETRARCH's "clash for" is a verbal clash (111) and would take the phrase as its target
    doc = tree(
        ["Troops", "clashed", "for", "a", "third", "day", "for", "Lima", "."],
        [1, 1, 5, 5, 5, 1, 7, 1, 1],
        ["nsubj", "ROOT", "case", "det", "amod", "obl", "case", "obl", "punct"],
        ["NOUN", "VERB", "ADP", "DET", "ADJ", "NOUN", "ADP", "PROPN", "PUNCT"],
        ["NNS", "VBD", "IN", "DT", "JJ", "NN", "IN", "NNP", "."],
    )
    assert [(c, x.text) for c, x in Clause.of_verb(doc[1]).obliques] == [("for:time", "day"), ("for", "Lima")]


def test_troops_moved_toward_a_border_are_mobilised_against_the_neighbour() -> None:
    got = [c[:3] for c in coded("Chile moved two armoured divisions toward its border with Peru on Sunday.")]
    assert got == [("MOBILIZE", ["Chile"], ["Peru"])]
    assert not coded("Chile moved its embassy to a new building on Sunday.")
