"""Visits and counterparts: journeys to a place, and the counterpart a minister meets, named or not."""

from __future__ import annotations

from newsgraph.events.subjects import set_off_name
from newsgraph.events.tree import Clause
from tests.events_helpers import coded, tree


def _events(body: str) -> list[tuple[str, list[str], list[str]]]:
    return [c[:3] for c in coded(body)]


def test_travelling_or_flying_to_a_state_is_a_visit() -> None:
    assert _events("Ann Ward travelled to Peru on Monday.") == [("CONSULT", ["Ann Ward"], ["Peru"])]
    assert _events("Ann Ward flew to Peru on Monday.") == [("CONSULT", ["Ann Ward"], ["Peru"])]


def test_a_planned_journey_is_a_hypothetical_visit() -> None:
    (event,) = [c[3] for c in coded("Ann Ward will travel to Peru next week.")]
    assert event.type == "CONSULT" and event.hypothetical


def test_jets_flown_somewhere_make_no_visit_and_troops_a_deployment() -> None:
    assert _events("The Chilean jets flew to Peru.") == []
    assert _events("Chilean troops travelled to Peru.") == [("MOBILIZE", ["Chile"], ["Peru"])]


def test_a_trip_inside_the_travellers_own_state_is_no_visit() -> None:
    # the knowledge base's roles make Alan Garcia Peru's: a flight to one of its cities is no visit
    body = "Peru's economy grew last year. President Alan Garcia flew to Arequipa on Monday."
    assert [e for e in _events(body) if e[0] == "CONSULT"] == []


def test_a_counterpart_named_after_a_comma_is_whom_the_minister_met() -> None:
    got = _events("Tom Reyes held talks with his Chilean counterpart, Maria Soto.")
    assert got == [("CONSULT", ["Tom Reyes"], ["Maria Soto", "Chile"])]


def test_an_unnamed_counterpart_stands_for_its_state() -> None:
    got = _events("Juan Ortega met his Chilean counterpart in Lima.")
    assert got == [("CONSULT", ["Juan Ortega"], ["Chile"])]


def test_a_counterpart_named_right_after_the_title_is_a_person() -> None:
    got = _events("Juan Ortega and his Chilean counterpart Ann Ward held talks in Lima on Saturday.")
    assert ("CONSULT", ["Juan Ortega"], ["Ann Ward", "Chile"]) in got


def test_the_name_set_off_after_a_noun_but_hung_on_the_verb_is_the_nouns_apposition() -> None:
    # "X met his counterpart, Ann Ward, in Lima", the name parsed as a "dep" of "met"
    doc = tree(
        ["X", "met", "his", "counterpart", ",", "Ann", "Ward", ",", "in", "Lima", "."],
        [1, 1, 3, 1, 5, 1, 5, 9, 9, 5, 1],
        ["nsubj", "ROOT", "nmod:poss", "obj", "punct", "dep", "flat", "punct", "case", "nmod", "punct"],
        ["PROPN", "VERB", "PRON", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "ADP", "PROPN", "PUNCT"],
        ["NNP", "VBD", "PRP$", "NN", ",", "NNP", "NNP", ",", "IN", "NNP", "."],
    )
    named = set_off_name(doc[3])
    assert named is not None and named.text == "Ann"
    assert set_off_name(doc[0]) is None  # no comma after the subject


def test_a_name_the_parse_made_the_verbs_subject_is_no_apposition() -> None:
    # "X met his counterpart, Ward said": "Ward" is the subject of "said", not the counterpart
    doc = tree(
        ["X", "met", "his", "counterpart", ",", "Ward", "said", "."],
        [1, 6, 3, 1, 6, 6, 6, 6],
        ["nsubj", "ccomp", "nmod:poss", "obj", "punct", "nsubj", "ROOT", "punct"],
        ["PROPN", "VERB", "PRON", "NOUN", "PUNCT", "PROPN", "VERB", "PUNCT"],
        ["NNP", "VBD", "PRP$", "NN", ",", "NNP", "VBD", "."],
    )
    assert set_off_name(doc[3]) is None


def test_a_video_call_is_a_meeting_of_the_leaders_of_an_organisation() -> None:
    body = "Leaders of the Andean Pact will hold a video call with Ann Ward on Tuesday."
    (event,) = [c[3] for c in coded(body)]
    assert (event.type, event.hypothetical) == ("CONSULT", True)


def test_speaking_by_phone_with_someone_the_parse_hung_on_the_phone() -> None:
    # "by phone" is the means; the "with" phrase the parse hung on it is whom she spoke with
    doc = tree(
        ["Ward", "spoke", "by", "phone", "with", "Reyes", "."],
        [1, 1, 3, 1, 5, 3, 1],
        ["nsubj", "ROOT", "case", "obl", "case", "nmod", "punct"],
        ["PROPN", "VERB", "ADP", "NOUN", "ADP", "PROPN", "PUNCT"],
        ["NNP", "VBD", "IN", "NN", "IN", "NNP", "."],
    )
    assert [(c, x.text) for c, x in Clause.of_verb(doc[1]).obliques] == [("by", "phone"), ("with", "Reyes")]


def test_negotiating_with_someone_is_consulting_them() -> None:
    got = _events("Ann Ward, who negotiated with Juan Ortega for two weeks, said the accord was good.")
    assert got == [("CONSULT", ["Ann Ward"], ["Juan Ortega"])]


def test_a_phone_call_framing_an_apology_to_someone_was_with_them() -> None:
    got = _events("Ann Ward apologised to Juan Ortega in a phone call on Thursday.")
    assert ("CONSULT", ["Ann Ward"], ["Juan Ortega"]) in got
