"""Session 22: crowds that protest, named by a number or by their people ("thousands of people
marched", "several hundred Peruvians gathered outside parliament, demanding ..."), are the story's
protesters; a protest names the government of the place it is held in when it names no one; the
police open fire on or disperse them.

The sentences are written for these tests (made-up situations between real states and made-up
people), not taken from any article.
"""

from __future__ import annotations

from .events_helpers import analyse, triples

LEAD = "Peru's government signed a port deal with Chile last week. "


def test_a_counted_crowd_that_marches_is_the_protesters() -> None:
    got = triples(LEAD + "Thousands of people marched in Lima on Tuesday against the government.")
    assert ("PROTEST", ("protesters",), ("Peru",)) in got


def test_a_counted_people_is_a_crowd_not_its_state() -> None:
    # "several hundred Peruvians" are protesters, not Peru protesting against itself
    body = LEAD + "Several hundred Peruvians gathered outside parliament in Lima on Monday, chanting slogans."
    got = triples(body)
    assert ("PROTEST", ("protesters",), ("Peru",)) in got
    assert not [g for g in got if g[0] == "PROTEST" and g[1] == ("Peru",)]


def test_a_gathering_with_a_sign_of_protest_is_a_protest() -> None:
    body = LEAD + "Thousands of Peruvians gathered outside parliament on Monday, demanding a new vote."
    assert ("PROTEST", ("protesters",), ("Peru",)) in triples(body)


def test_a_gathering_without_protest_is_no_event() -> None:
    body = LEAD + "Thousands of people gathered in Lima on Monday for the opening of the new port."
    assert not [g for g in triples(body) if g[0] == "PROTEST"]


def test_a_crowd_that_takes_to_the_streets_protests_once() -> None:
    body = LEAD + "Thousands of Peruvians took to the streets of Cusco to protest against the deal."
    protests = [g for g in triples(body) if g[0] == "PROTEST"]
    assert protests == [("PROTEST", ("protesters",), ("Peru",))]


def test_a_protest_in_a_city_is_against_the_government_there() -> None:
    body = LEAD + "Thousands of people protested in Cusco on Friday."
    assert ("PROTEST", ("protesters",), ("Peru",)) in triples(body)


def test_the_crowd_in_a_story_of_protests_is_the_protesters() -> None:
    body = LEAD + "Thousands of people protested in Lima on Friday. Police fired tear gas at the crowd."
    got = triples(body)
    assert ("ASSAULT", ("Peruvian security forces", "Peru"), ("protesters",)) in got
    names = {e.name for e in analyse(body).entities}
    assert "protesters" in names and "Thousands of people" not in names  # the group's name


def test_the_crowd_of_a_story_without_protests_is_no_actor() -> None:
    body = "Chile beat Peru 2-1 in Santiago on Friday. The crowd cheered the winning goal."
    assert "protesters" not in {e.name for e in analyse(body).entities}


def test_opening_fire_on_someone_attacks_them() -> None:
    body = "Chilean troops opened fire on Peruvian soldiers near the border on Friday."
    assert ("ASSAULT", ("Chile",), ("Peru",)) in triples(body)


def test_police_dispersing_protesters_is_repression() -> None:
    body = LEAD + "Police used water cannon to disperse thousands of demonstrators in Lima."
    assert ("ASSAULT", ("Peruvian security forces", "Peru"), ("demonstrators",)) in triples(body)


def test_followers_of_a_leader_who_rally_are_his_side() -> None:
    # "supporters of X" are X's side (not the story's protesters)
    got = triples(LEAD + "Supporters of Juan Ortega rallied in Lima on Sunday.")
    assert ("PROTEST", ("Juan Ortega",), ("Peru",)) in got
