"""Participants found in the phrases around a predicate: an unnamed person named by a participle, a
request made "at the behest of" someone, support a clause is done with, the two states a sentence
names, a description between a subject and its verb."""

from __future__ import annotations

from .events_helpers import coded, only


def test_a_person_named_by_a_participle_is_the_target() -> None:
    text = "The Metropolitan Police detained the man, later identified as Omar Haddad."
    assert only(text, "COERCE")[:2] == (["Metropolitan Police"], ["Omar Haddad"])
    text = "Essex Police arrested a man named Omar Haddad."
    assert only(text, "COERCE")[:2] == (["Essex Police"], ["Omar Haddad"])


def test_an_unnamed_person_is_no_target() -> None:
    assert not [e for e in coded("Essex Police arrested a man on Monday.") if e[0] == "COERCE"]


def test_an_act_done_at_the_behest_of_someone_is_their_request() -> None:
    text = "Queen Elizabeth II suspended parliament at the behest of Boris Johnson, the prime minister."
    assert only(text, "REQUEST")[:2] == (["Boris Johnson"], ["Elizabeth II"])


def test_a_clause_done_with_someones_backing_is_their_support_of_its_subject() -> None:
    assert only("With the backing of the Green Party, Ann Ward ran for the Senate.", "SUPPORT")[:2] == (
        ["Green Party"],
        ["Ann Ward"],
    )
    assert only("In 1992, with the Green Party's backing, Ann Ward ran for office.", "SUPPORT")[:2] == (
        ["Green Party"],
        ["Ann Ward"],
    )


def test_the_two_countries_are_the_two_states_of_their_sentence_not_of_the_last_meeting() -> None:
    text = (
        "Russia and China met in Moscow. Turkey and Greece had poor relations, but the leaders of the two "
        "countries spoke by telephone on Friday."
    )
    calls = [(s, t) for typ, s, t, e in coded(text) if typ == "CONSULT" and e.cameo == "041"]
    assert calls == [(["Turkey"], ["Greece"])]


def test_a_name_in_a_description_between_subject_and_verb_is_not_the_subject() -> None:
    text = (
        "Marcus Webb drove into a crowd. In that event, Webb, a self-described Neo-Nazi, killed a woman "
        "named Heather Lane and injured nineteen others."
    )
    assert only(text, "ASSAULT")[:2] == (["Marcus Webb"], ["Heather Lane"])


def test_a_quoted_question_is_no_request_of_whom_it_names() -> None:
    text = 'Trump spoke on Monday. He asked, "Why did China attack the United States?"'
    assert not [e for t, _, _, e in coded(text) if t == "REQUEST" and not e.hypothetical]
    assert only("Trump spoke on Monday. He asked China to stop the attacks.", "REQUEST")[1] == ["China"]


def test_supporters_of_someone_are_not_them() -> None:
    assert not coded("Trump supporters chanted slogans against Joe Biden.")
    assert only("Biden aide Ron Klain criticized Trump.", "ACCUSE")[:2] == (["Ron Klain"], ["Trump"])


def test_a_policy_about_someone_is_no_act_towards_them() -> None:
    assert not coded("La Riva agreed with the nationalization of the Federal Reserve.")
    assert not coded("Hawkins called for the nationalization of the Federal Reserve.")
    assert not coded("Senator Ann Ward endorsed an audit of the Federal Reserve.")
    assert only("Protesters called for the resignation of Governor Tom Reyes.", "REQUEST")[1] == ["Tom Reyes"]


def test_states_named_after_the_two_sides_are_their_topic_not_them() -> None:
    text = "Russia and China met in Moscow. The two sides discussed the dispute between Turkey and Greece."
    talks = [(s, t) for typ, s, t, e in coded(text) if typ == "CONSULT" and e.cameo == "046"]
    assert talks == [(["Russia"], ["China"])]


def test_a_news_outlet_asked_to_act_is_a_request_but_an_interview_is_none() -> None:
    assert only("Senator Ann Ward called on Fox News to fire its anchor.", "REQUEST")[:2] == (
        ["Ann Ward"],
        ["Fox News"],
    )
    assert not coded("Senator Ann Ward spoke with Fox News on Monday.")


def test_someone_placed_under_arrest_is_detained() -> None:
    assert only("Egypt put Mohamed Morsi under house arrest.", "COERCE")[:2] == (["Egypt"], ["Mohamed Morsi"])


def test_it_as_a_subject_stands_for_the_governing_clauses_state_or_organisation() -> None:
    assert only("Russia said it had expelled two British diplomats.", "SANCTION")[:2] == (
        ["Russia"],
        ["United Kingdom"],
    )
    text = "The Green Party met on Monday. It nominated Howie Hawkins for president."
    assert only(text, "SUPPORT")[:2] == (["Green Party"], ["Howie Hawkins"])
    text = "The White House announced a deal it brokered between Sudan and Israel."
    assert only(text, "CONSULT")[:2] == (["White House"], ["Sudan", "Israel"])


def test_it_inside_a_quote_or_as_an_object_is_no_actor() -> None:
    assert not coded('Iran spoke on Monday. "It expelled two British diplomats," a witness said.')
    assert not coded("Iran condemned the attack, calling it an act of war against Syria.")


def test_a_platform_something_was_said_on_is_no_target() -> None:
    assert not coded("Senator Ann Ward hailed the report on Twitter.")
    assert only("Senator Ann Ward praised Governor Tom Reyes on Twitter.", "SUPPORT")[1] == ["Tom Reyes"]
    assert only("Senator Ann Ward imposed sanctions on Twitter.", "SANCTION")[1] == ["Twitter"]


def test_a_quoted_appeal_to_unnamed_people_requests_nothing_of_whom_it_names() -> None:
    assert not coded('Obama spoke at the rally, urging viewers, "we have got to vote for Joe Biden."')


def test_people_who_did_not_attend_did_not_meet_each_other() -> None:
    text = "Jo Jorgensen, Rocky De La Fuente, and Kanye West were each invited but did not attend the debate."
    assert not coded(text)
    assert only("Russia and China met in Moscow on Monday.", "CONSULT")[:2] == (["Russia"], ["China"])


def test_the_president_capitalised_is_the_president_named_before() -> None:
    text = "President Donald Trump spoke on Monday. Later, Senator Ann Ward urged the President to resign."
    assert only(text, "REQUEST")[:2] == (["Ann Ward"], ["Donald Trump"])
