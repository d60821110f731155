"""Verb frames the parse gets wrong or the lexicon lacked, found on election, legislature and
platform news: running-mate picks, naming with a misparsed object, controlled verbs' targets,
withdrawn grants, contempt. Parse repairs on hand-built trees; codings through the whole pipeline
(bundled model, made-up text)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from newsgraph.events.stance import named_object, predicates
from newsgraph.events.tree import ActorIndex, Clause, phrase_actors
from newsgraph.models import Entity, Mention
from newsgraph.quotes.tree import subject

from .events_helpers import coded, only, tree


@pytest.mark.parametrize(
    "sentence",
    [
        "Senator Mark Halden chose Governor Lisa Brandt as his running mate on Tuesday.",
        "Senator Mark Halden picked Governor Lisa Brandt as his running mate.",
        "Senator Mark Halden selected Governor Lisa Brandt to be his running mate.",
        "Senator Mark Halden announced Governor Lisa Brandt as his choice for running mate.",
        "Yesterday, Mark Halden, the Green Party's nominee for president, announced Lisa Brandt as his choice"
        " for running mate.",
    ],
)
def test_a_running_mate_pick_endorses_the_pick(sentence: str) -> None:
    src, tgt, _ = only(sentence, "SUPPORT")
    assert src[-1] == "Mark Halden" and tgt == ["Lisa Brandt"]  # (his party too, where it owns his title)


def test_a_nominee_named_with_her_title_and_party_is_the_target_not_the_party() -> None:
    src, tgt, _ = only(
        "Halden selected 2016 Socialist Party USA vice presidential nominee Angela Walker to be his"
        " running mate.",
        "SUPPORT",
    )
    assert src == ["Halden"] and tgt == ["Angela Walker"]


def test_a_name_parsed_as_a_complement_is_the_object() -> None:
    # "nominated activist Paula Reyes for vice president", read like "became president"
    doc = tree(
        ["Greens", "nominated", "activist", "Paula", "Reyes", "for", "president"],
        [1, 1, 1, 2, 1, 6, 1],
        ["nsubj", "ROOT", "xcomp", "flat", "xcomp", "case", "obl"],
        ["PROPN", "VERB", "NOUN", "PROPN", "PROPN", "ADP", "NOUN"],
        ["NNP", "VBD", "NN", "NNP", "NNP", "IN", "NN"],
    )
    assert [t.text for t in Clause.of_verb(doc[1]).objects] == ["activist", "Reyes"]
    # a complement with no name in it is none: "became president"
    doc = tree(["He", "became", "president"], [1, 1, 1], ["nsubj", "ROOT", "xcomp"],
               ["PRON", "VERB", "NOUN"], ["PRP", "VBD", "NN"])
    assert Clause.of_verb(doc[1]).objects == []


def test_a_naming_verbs_first_of_two_complements_is_whom_it_names() -> None:
    # "Biden called Trump a national embarrassment", parsed with two complements
    doc = tree(
        ["Biden", "called", "Trump", "a", "national", "embarrassment"],
        [1, 1, 1, 5, 5, 1],
        ["nsubj", "ROOT", "xcomp", "det", "amod", "xcomp"],
        ["PROPN", "VERB", "PROPN", "DET", "ADJ", "NOUN"],
        ["NNP", "VBD", "NNP", "DT", "JJ", "NN"],
    )
    assert [t.text for t in named_object(doc[1])] == ["Trump"]
    assert [t.text for t in predicates(doc[1])] == ["embarrassment"]


@pytest.mark.parametrize(
    ("sentence", "typ"),
    [
        ("Senator Ann Ward called President Tom Reyes a liar.", "ACCUSE"),
        ("Senator Ann Ward called President Tom Reyes a great leader.", "SUPPORT"),
        ('Ward called it "a mess." Senator Ann Ward called President Tom Reyes a "national embarrassment"'
         " for his performance.", "ACCUSE"),
    ],
)
def test_calling_someone_something_is_a_judgement_even_with_a_for_phrase(sentence: str, typ: str) -> None:
    src, tgt, _ = only(sentence, typ)
    assert src == ["Ann Ward"] and tgt == ["Tom Reyes"]


def test_calling_on_someone_to_act_stays_a_request() -> None:
    src, tgt, _ = only("Senator Ann Ward called on President Tom Reyes to resign.", "REQUEST")
    assert src == ["Ann Ward"] and tgt == ["Tom Reyes"]


def test_a_refusal_targets_whom_the_refused_act_is_for() -> None:
    sentence = "Attorney General William Barr refused to hand over the documents to Congress."
    src, tgt, _ = only(sentence, "REJECT")
    assert src == ["William Barr"] and tgt == ["United States Congress"]


def test_a_purpose_infinitive_gives_a_movement_no_target() -> None:
    # "remained in Iraq to prevent ISIS from ...": the troops stayed; ISIS is not whom they moved to
    got = coded("U.S. troops have remained in Iraq to prevent the Islamic State from gaining ground again.")
    assert not [t for t in got if "Islamic State" in t[2]]


@pytest.mark.parametrize(
    ("sentence", "src", "tgt"),
    [
        ("Twitter suspended Donald Trump's account.", "Twitter", "Donald Trump"),
        ("Twitter permanently suspended the account of Donald Trump.", "Twitter", "Donald Trump"),
        ("The Chinese government revoked the licence of the BBC.", "China", "BBC"),
        ("The House of Representatives voted to hold Attorney General William Barr in contempt.",
         "United States House of Representatives", "William Barr"),
    ],
)
def test_a_withdrawn_grant_or_contempt_is_an_administrative_sanction(
    sentence: str, src: str, tgt: str
) -> None:
    s, t, e = only(sentence, "SANCTION")
    assert s == [src] and t == [tgt] and e.cameo == "172"


def test_suspended_talks_are_no_withdrawn_grant() -> None:
    assert not [t for t in coded("NATO suspended the talks with Russia.") if t[3].cameo == "172"]


def test_of_two_subjects_the_parse_split_from_one_phrase_the_name_is_the_subject() -> None:
    # "Member of Parliament Ann Ward added ...", parsed with "Member" and "Ann" both subjects
    doc = tree(
        ["Member", "of", "Parliament", "Ann", "Ward", "added"],
        [5, 2, 0, 5, 3, 5],
        ["nsubj", "case", "nmod", "nsubj", "flat", "ROOT"],
        ["NOUN", "ADP", "PROPN", "PROPN", "PROPN", "VERB"],
        ["NN", "IN", "NNP", "NNP", "NNP", "VBD"],
    )
    doc.set_ents([Span(doc, 3, 5, label="PER")])
    assert [t.text for t in Clause.of_verb(doc[5]).subjects] == ["Ann"]
    assert subject(doc[5]).text == "Ann"  # the quote stage's speaker too


@pytest.mark.parametrize(
    ("sentence", "tgt"),
    [
        ("Vladimir Putin received Chinese President Xi Jinping in Moscow.", "Xi Jinping"),
        ("Vladimir Putin received a delegation from Iran.", "Iran"),
        ("Emmanuel Macron received the Saudi crown prince at the Elysee Palace.", "Saudi Arabia"),
    ],
)
def test_receiving_a_guest_hosts_a_visit(sentence: str, tgt: str) -> None:
    _src, t, e = only(sentence, "CONSULT")
    assert t[0] == tgt and e.cameo == "043"  # (a president with his state)


@pytest.mark.parametrize(
    "sentence",
    [
        "Constitution Party nominee Darrell Castle received 203,091 votes, a record for the party.",
        'Alexei Leonov received the "Hero of the Soviet Union", the Soviet Union\'s highest honor.',
        "Rudy Giuliani received news concerning data the FBI had seized.",
    ],
)
def test_receiving_votes_an_honour_or_news_is_no_visit(sentence: str) -> None:
    assert not [t for t in coded(sentence) if t[0] == "CONSULT"]


def test_a_name_after_a_titles_place_is_the_person() -> None:
    sentence = "Then-governor of Alaska Sarah Palin was chosen by John McCain as his running mate."
    src, tgt, _ = only(sentence, "SUPPORT")
    assert src == ["John McCain"] and tgt == ["Sarah Palin"]
    # a title's place alone is no person; a title's "for" phrase names someone else
    assert not [t for t in coded("The spokesman for Donald Trump criticized Nancy Pelosi.") if t[1]]


def test_a_persons_name_the_parse_joined_to_a_place_is_the_person() -> None:
    # "[Texas] Rick Perry was chosen ...": the place the head, the name its flat parts
    doc = tree(
        ["Texas", "Rick", "Perry", "was", "chosen"],
        [4, 0, 0, 4, 4],
        ["nsubj:pass", "flat", "flat", "aux:pass", "ROOT"],
        ["PROPN", "PROPN", "PROPN", "AUX", "VERB"],
        ["NNP", "NNP", "NNP", "VBD", "VBN"],
    )
    ents = [Entity("e1", "LOCATION", "Texas"), Entity("e2", "PERSON", "Rick Perry")]
    mentions = [Mention(0, 5, "Texas", "e1"), Mention(6, 16, "Rick Perry", "e2")]
    idx = ActorIndex(mentions, {e.id: e for e in ents}, starts=[0, 6])
    assert phrase_actors(doc[0], idx, 0) == ["e2"]
    # a place alone stays the place
    assert phrase_actors(doc[0], ActorIndex(mentions[:1], {"e1": ents[0]}, starts=[0]), 0) == ["e1"]


def test_receiving_a_titled_guest_hosts_a_visit() -> None:
    _src, tgt, _ = only("Vladimir Putin received the Taliban's political chief in Moscow.", "CONSULT")
    assert tgt == ["Taliban"]


def test_an_infinitive_under_a_negated_clause_is_no_fact() -> None:
    got = coded("Germany had not received any request from France to expel the diplomats of Russia.")
    assert all(e.hypothetical or e.negated for *_x, e in got)


def test_a_leaders_emergency_is_imposed_on_the_state_the_story_is_set_in() -> None:
    body = (
        "The United States has fifty states. The United States has a president.\n\n"
        "On Friday, President Donald Trump declared a national emergency in response to the riots."
    )
    src, tgt, e = only(body, "COERCE")
    assert src == ["Donald Trump"] and tgt == ["United States"] and "the state the story is set in" in e.rule


def test_a_governors_emergency_is_not_the_whole_states() -> None:
    body = (
        "The United States has fifty states. The United States has a president.\n\n"
        "Wisconsin Governor Tony Evers declared a state of emergency on Monday."
    )
    assert not [t for t in coded(body) if "United States" in t[2]]


def test_agreeing_to_answer_an_outlets_questions_is_no_agreement_with_it() -> None:
    assert not coded("Michael Siegel agreed to answer some questions for the BBC's correspondent.")
