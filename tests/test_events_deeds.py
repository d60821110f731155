"""Deeds named by nouns: ordering an arrest or an expulsion, troops ordered or sent to a border, and
reactions to a deed done to someone (aimed at whoever did it)."""

from __future__ import annotations

from newsgraph.events.tree import Clause
from tests.events_helpers import coded, tree


def _events(body: str) -> list[tuple[str, list[str], list[str]]]:
    return [c[:3] for c in coded(body)]


def test_condemning_the_detention_of_someone_accuses_their_captor() -> None:
    body = "Chile's army detained Ann Ward on Monday. The United Nations condemned the detention of Ward."
    assert ("ACCUSE", ["United Nations"], ["Chile"]) in _events(body)
    assert ("ACCUSE", ["United Nations"], ["Ann Ward"]) not in _events(body)


def test_a_reaction_to_a_deed_whose_doer_is_untold_accuses_no_victim() -> None:
    # (the detained person is not whom the condemnation is aimed at; with no captor told, no event)
    body = "Ann Ward was detained on Monday. The United Nations condemned the detention of Ward."
    assert not [e for e in _events(body) if e[0] == "ACCUSE"]


def test_ordering_an_arrest_or_an_expulsion_is_the_orderers_act() -> None:
    assert _events("Chile ordered the arrest of Ann Ward.") == [("COERCE", ["Chile"], ["Ann Ward"])]
    got = _events("Chile ordered the expulsion of 23 Peruvian diplomats.")
    assert got == [("SANCTION", ["Chile"], ["Peru"])]


def test_troops_ordered_or_sent_to_a_border_are_mobilised() -> None:
    got = _events("Juan Ortega ordered troops to Peru's northern frontier.")
    assert got == [("MOBILIZE", ["Juan Ortega"], ["Peru"])]
    got = _events("Juan Ortega sent ten army battalions to the Peruvian border.")
    assert got == [("MOBILIZE", ["Juan Ortega"], ["Peru"])]


def test_a_demonym_before_measures_or_a_move_is_the_state_that_took_them() -> None:
    assert _events("Bolivia criticised the Chilean measures.") == [("ACCUSE", ["Bolivia"], ["Chile"])]


def test_a_verb_after_the_subjects_apposition_read_as_a_modifier_has_that_subject() -> None:
    # "Hamas, the militant group, accused X of ...", parsed as "the accused X" in apposition to Hamas
    doc = tree(
        ["Hamas", ",", "the", "group", ",", "accused", "Ward", "of", "treason", "."],
        [0, 3, 3, 0, 6, 6, 0, 8, 6, 0],
        ["ROOT", "punct", "det", "appos", "punct", "amod", "appos", "case", "nmod", "punct"],
        ["PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "PROPN", "ADP", "NOUN", "PUNCT"],
        ["NNP", ",", "DT", "NN", ",", "VBN", "NNP", "IN", "NN", "."],
    )
    cl = Clause.of_verb(doc[5])
    assert [t.text for t in cl.subjects] == ["Hamas"] and [t.text for t in cl.objects] == ["Ward"]


def test_bringing_a_case_against_a_state_is_a_lawsuit_not_against_the_court() -> None:
    got = _events("Chile brought a case against Peru at the International Court of Justice.")
    assert got == [("ACCUSE", ["Chile"], ["Peru"])]
    # (not "against Bolivians" inside the participle's clause)
    got = _events("Chile filed a case at the court accusing Peru of genocide against Bolivians.")
    assert [e[1:] for e in got] == [(["Chile"], ["Peru"])]


def test_a_case_brought_before_a_standoff_between_two_sides_is_not_theirs() -> None:
    body = (
        "Peru brought the case against Chile in 2013, a year after a tense standoff between Chilean and "
        "Peruvian vessels near the islands."
    )
    assert _events(body) == [("ACCUSE", ["Peru"], ["Chile"])]


def test_breaking_off_relations_after_another_act_on_a_weekday() -> None:
    got = _events("Chile declared a state of war and on Thursday broke off diplomatic relations with Peru.")
    assert ("SANCTION", ["Chile"], ["Peru"]) in got
    got = _events("Chile broke off diplomatic relations with Peru and Bolivia.")
    assert got == [("SANCTION", ["Chile"], ["Peru", "Bolivia"])]


def test_a_weekday_the_parse_made_a_subject_is_no_subject() -> None:
    # "X declared war and on Thursday broke ...": "Thursday" parsed as the subject of "broke"
    doc = tree(
        ["Chile", "declared", "war", "and", "on", "Thursday", "broke", "ties", "."],
        [1, 1, 1, 5, 5, 6, 1, 6, 1],
        ["nsubj", "ROOT", "obj", "cc", "case", "nsubj", "advcl", "obj", "punct"],
        ["PROPN", "VERB", "NOUN", "CCONJ", "ADP", "PROPN", "VERB", "NOUN", "PUNCT"],
        ["NNP", "VBD", "NN", "CC", "IN", "NNP", "VBD", "NNS", "."],
    )
    assert [t.text for t in Clause.of_verb(doc[6]).subjects] == ["Chile"]


def test_a_claim_reported_by_someone_and_rejected_by_its_subject_is_the_reporters() -> None:
    got = _events("Chile said Peru had attacked first, a claim Peru rejected.")
    assert ("REJECT", ["Peru"], ["Chile"]) in got


def test_a_claim_dismissed_by_an_ambassador_is_rejected_by_the_ambassadors_state() -> None:
    body = (
        "Chile said it had intervened at the request of Bolivian rebels, a claim Peru's ambassador in "
        "Washington dismissed as a lie."
    )
    (rejection,) = [c for c in coded(body) if c[0] == "REJECT"]
    assert rejection[1:3] == (["Peru"], ["Chile"])
    assert not rejection[3].hypothetical  # (not a planned act of the "request" it hangs on)


def test_a_name_before_on_sunday_that_the_parse_cut_off_its_verb_is_the_subject() -> None:
    # "CAN on Sunday imposed sanctions on Peru", parsed as "CAN (with) on Sunday-imposed sanctions"
    doc = tree(
        ["CAN", "on", "Sunday", "imposed", "sanctions", "on", "Peru", "."],
        [0, 4, 3, 4, 0, 6, 4, 0],
        ["ROOT", "case", "compound", "amod", "nmod", "case", "nmod", "punct"],
        ["NOUN", "ADP", "PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
        ["NN", "IN", "NNP", "VBN", "NNS", "IN", "NNP", "."],
    )
    cl = Clause.of_verb(doc[3])
    assert [t.text for t in cl.subjects] == ["CAN"] and [t.text for t in cl.objects] == ["sanctions"]


def test_the_junta_is_the_state_its_military_rules() -> None:
    body = "Peru's ruling junta proposed staying in power. The junta condemned the sanctions of Chile."
    assert ("ACCUSE", ["Peru"], ["Chile"]) in _events(body)


def test_a_move_announced_before_is_the_announcers() -> None:
    body = (
        "Chile and Peru announced on Wednesday that they would restore diplomatic relations. "
        "Bolivian President Ann Ward condemned the move as a concession to a dictatorship."
    )
    assert ("ACCUSE", ["Ann Ward", "Bolivia"], ["Chile", "Peru"]) in _events(body)


def test_someones_allies_are_not_them_but_allies_such_as_x_are_x() -> None:
    assert _events("Chile criticised Ann Ward's allies.") == []
    got = _events("Chile has been encouraging allies such as Peru to restrict the airline's flights.")
    assert ("REQUEST", ["Chile"], ["Peru"]) in got


def test_granting_asylum_is_aid_to_whom_it_is_granted() -> None:
    assert _events("Chile granted asylum to Ann Ward.") == [("AID", ["Chile"], ["Ann Ward"])]
    assert _events("Ann Ward left the country for Chile, which granted her asylum.") == [
        ("AID", ["Chile"], ["Ann Ward"])
    ]


def test_a_verb_coordinated_with_a_whose_clause_the_parse_made_main_has_the_name_before_it() -> None:
    # "Ward, whose country holds the presidency, met Reyes", parsed with "holds" as the main verb
    doc = tree(
        ["Ward", ",", "whose", "country", "holds", "the", "presidency", ",", "met", "Reyes", "."],
        [4, 0, 3, 4, 4, 6, 4, 8, 4, 8, 4],
        ["obl", "punct", "nmod:poss", "nsubj", "ROOT", "det", "obj", "punct", "conj", "obj", "punct"],
        ["PROPN", "PUNCT", "PRON", "NOUN", "VERB", "DET", "NOUN", "PUNCT", "VERB", "PROPN", "PUNCT"],
        ["NNP", ",", "WP$", "NN", "VBZ", "DT", "NN", ",", "VBD", "NNP", "."],
    )
    assert [t.text for t in Clause.of_verb(doc[8]).subjects] == ["Ward"]
