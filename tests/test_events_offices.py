"""Offices and legislatures: articles of impeachment, resignations written as nouns, and acts a
subject "has yet to" do (not done)."""

from __future__ import annotations

from .events_helpers import coded, only


def test_articles_of_impeachment_passed_against_someone_accuse_them() -> None:
    src, tgt, ev = only(
        "On December 18, the House of Representatives passed two articles of impeachment against "
        "President Tom Reyes.",
        "ACCUSE",
    )
    assert src == ["United States House of Representatives"] and tgt == ["Tom Reyes"]
    assert not ev.negated and not ev.hypothetical


def test_articles_of_impeachment_with_the_target_on_the_verb() -> None:
    # the parse hangs "against X" on "introduced", not on the noun
    src, tgt, _ = only(
        "Democrats in the United States Congress introduced articles of impeachment against Judge Ann "
        "Ward on Monday.",
        "ACCUSE",
    )
    assert src == ["Democratic Party"] and tgt == ["Ann Ward"]


def test_articles_without_impeachment_are_no_event() -> None:
    assert coded("The Daily Herald published two articles about Senator Ann Ward on Monday.") == []


def test_an_announced_resignation_steps_down_from_an_office_of_ones_own_state() -> None:
    src, tgt, _ = only("Ukrainian Prime Minister Oleg Petrov announced his resignation on Monday.", "RETREAT")
    assert src == ["Oleg Petrov"] and tgt == ["Ukraine"]


def test_what_someone_has_yet_to_do_is_not_done() -> None:
    _, _, ev = only("China is yet to sign the treaty with Japan.", "SUPPORT")
    assert ev.negated
    got = coded("President Tom Reyes has yet to concede the election to Senator Ann Ward.")
    assert got and all(e.negated or ty == "REJECT" for ty, _, _, e in got)
    assert not any(ty == "CONCEDE" and not e.negated for ty, _, _, e in got)


def test_the_resignation_of_someone_is_theirs_not_the_sentence_subjects() -> None:
    got = coded(
        "Governor Tom Reyes was sworn in last week following the resignation of Ukrainian minister Oleg "
        "Petrov over the scandal."
    )
    assert [(ty, s, t) for ty, s, t, _ in got] == [("RETREAT", ["Oleg Petrov"], ["Ukraine"])]


def test_a_verb_the_parse_read_as_a_modifier_of_another_verbs_second_subject_is_the_verb() -> None:
    # "Demonstrators [called] for ..." parsed as "demonstrators (who were) called", with
    # "Demonstrators" a second subject of "sent"
    src, tgt, _ = only(
        "Demonstrators called for Governor Tom Reyes's resignation after reports he sent messages.", "REQUEST"
    )
    assert src == ["Demonstrators"] and tgt == ["Tom Reyes"]


def test_a_court_ruling_against_a_party_rejects_its_case() -> None:
    src, tgt, _ = only("The Supreme Court of Valdoria ruled against Governor Tom Reyes.", "REJECT")
    assert src == ["Supreme Court of Valdoria"] and tgt == ["Tom Reyes"]
    src, tgt, _ = only("On Monday, Judge Ann Ward issued a ruling against Governor Tom Reyes.", "REJECT")
    assert src == ["Ann Ward"] and tgt == ["Tom Reyes"]


def test_ruling_a_country_is_no_event() -> None:
    assert coded("President Tom Reyes ruled Valdoria for 37 years.") == []


def test_a_governor_declaring_an_emergency_imposes_it_on_their_own_region() -> None:
    src, tgt, _ = only("Wisconsin Governor Tony Evers declared a state of emergency on Monday.", "COERCE")
    assert src == ["Tony Evers"] and tgt == ["Wisconsin"]


def test_someone_following_suit_in_a_with_clause_is_no_target() -> None:
    got = coded(
        "Last week, Florida Governor Ron DeSantis declared a state of emergency in anticipation of the "
        "protests, with South Carolina Governor Henry McMaster following suit yesterday."
    )
    assert [(ty, s, t) for ty, s, t, _ in got] == [("COERCE", ["Ron DeSantis"], ["Florida"])]


def test_an_act_done_at_the_request_of_someone_is_their_request_to_the_doer() -> None:
    src, tgt, _ = only(
        "Governor General Julie Payette dissolved the Canadian Parliament at the request of Prime Minister "
        "Justin Trudeau.",
        "REQUEST",
    )
    assert src == ["Justin Trudeau"] and tgt == ["Julie Payette"]


def test_a_request_framing_a_passive_clause_does_not_target_its_agent() -> None:
    got = coded(
        "The court had been petitioned by Joanna Cherry for a ruling on the prorogation of Parliament by "
        "Queen Elizabeth II at the request of Prime Minister Boris Johnson."
    )
    assert ("REQUEST", ["Boris Johnson"], ["Joanna Cherry"]) not in [(ty, s, t) for ty, s, t, _ in got]


def test_a_cease_and_desist_order_issued_to_someone_sanctions_them() -> None:
    src, tgt, _ = only(
        "The National Telecommunications Commission (NTC) issued a cease and desist order to the Manila "
        "Broadcasting Company yesterday.",
        "SANCTION",
    )
    assert src == ["National Telecommunications Commission"] and tgt == ["Manila Broadcasting Company"]


def test_an_executive_order_is_no_event_by_itself() -> None:
    assert coded("President Tom Reyes issued an executive order on Monday.") == []


def test_forces_deployed_at_home_or_to_a_place_are_mobilized_against_its_state() -> None:
    text = "Wisconsin Governor Tony Evers declared a state of emergency and deployed the national guard."
    assert only(text, "MOBILIZE")[:2] == (["Tony Evers"], ["Wisconsin"])
    assert only("Russia deployed troops to Syria.", "MOBILIZE")[:2] == (["Russia"], ["Syria"])
