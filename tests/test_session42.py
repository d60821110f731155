"""Session 42: identities and events from an audit of the Wikinews articles with most events."""

from __future__ import annotations

from newsgraph.actors.coref import _first_word_orgs
from newsgraph.actors.spans import Cand


def test_a_repetition_of_an_organisations_short_form_follows_it() -> None:
    """ "Norvala Air ... Norvala ... Norvala had": the model typed the short form a person, and a
    repetition it missed (found by name, from that short form) is the organisation too."""
    org = Cand(0, 11, "Norvala Air", "ORG", "model")
    short = Cand(40, 47, "Norvala", "PERSON", "model")
    again = Cand(90, 97, "Norvala", "PERSON", "known")
    again.meta["known_from"] = short.start
    person = Cand(120, 133, "Ana Norvalo", "PERSON", "model")
    _first_word_orgs([org, short, again, person])
    assert (short.label, again.label, person.label) == ("ORG", "ORG", "PERSON")
    assert again.meta["known_from"] == short.start


def test_a_name_with_its_role_between_commas_is_the_subject_of_the_verb() -> None:
    """ "Ana Ruiz, then the foreign minister of Peru, met ...": the parse hung "met" on the name as
    a clause whose subject is "minister"; the repair gives the verb back its named subject."""
    from .events_helpers import triples

    met = triples("Ana Ruiz, then the foreign minister of Peru, met Chilean President Juan Ortega in Lima.")
    assert ("CONSULT", ("Ana Ruiz", "Peru"), ("Juan Ortega", "Chile")) in met
    convicted = triples(
        "Juan Ortega, then the director of the Port Authority, was convicted by a Peruvian court in 2016."
    )
    assert ("COERCE", ("Peru",), ("Juan Ortega", "Port Authority")) in convicted


def test_what_a_request_asks_for_is_no_event_of_its_own() -> None:
    """The content of a request is the request's, not an event ("called for X's resignation" is no
    resignation; "urged Y to assist Z" no cooperation of Y's); a request of people no actor names
    ("vigilant locals") is no request of the state the story is set in."""
    from .events_helpers import triples

    called = triples(
        "Juan Ortega, Peru's governor, was criticised. Protesters called for Ortega's resignation."
    )
    assert {t for t, _, _ in called} == {"REQUEST"}
    urged = "Defence Secretary Juan Ortega urged vigilant locals to assist authorities in Lima."
    assert triples(urged) == set()


def test_pleading_not_guilty_rejects_the_charge() -> None:
    from .events_helpers import triples

    charged = "Peru charged Juan Ortega with fraud on Monday. "
    pleaded = triples(charged + "Ortega pled not guilty to the charges.")
    assert ("REJECT", ("Juan Ortega",), ("Peru",)) in pleaded
    admitted = triples(charged + "Ortega pleaded guilty to the charges.")
    assert not any(t == "REJECT" for t, _, _ in admitted)


def test_a_name_after_a_fronted_phrase_is_the_verbs_subject() -> None:
    """ "On Friday in Peru, X, ..., was sentenced", "Following the vote, a spokesperson, X, said":
    the parse hung the name on the fronted phrase and left the verb with no subject."""
    from .events_helpers import triples

    sentenced = triples(
        "On Friday in Peru, Juan Ortega, brother of singer Ana Ruiz, was sentenced to life in prison."
    )
    assert ("COERCE", ("Peru",), ("Juan Ortega",)) in sentenced
    criticised = triples(
        "Following the vote, a Chilean foreign ministry spokesperson, Ana Ruiz, criticised Peru."
    )
    assert ("ACCUSE", ("Ana Ruiz",), ("Peru",)) in criticised


def test_only_an_act_told_as_past_takes_the_day_told_before_it() -> None:
    """An ongoing act ("has been encouraging") and a plan ("if the Senate votes") take no day from
    the sentences before; an act in the past tense or the present perfect of news does."""
    from .events_helpers import coded

    def dates(body: str) -> dict[str, tuple[str | None, str | None]]:
        return {t: (e.date, e.date_source) for t, _, _, e in coded(body, "2020-01-10")}

    lead = "Chile banned Peruvian airline Condor Air on Monday. "
    ongoing = dates(lead + "Chile has been encouraging allies such as Bolivia to restrict Condor's flights.")
    assert ongoing["REQUEST"] == ("2020-01", "document")
    monday = ("2020-01-06", "context")
    assert dates(lead + "Later Bolivia criticised Peru over the airline.")["ACCUSE"] == monday
    assert dates(lead + "Bolivia has criticised Peru over the airline.")["ACCUSE"] == monday
    plan = coded(lead + "Bolivia could also sanction Peru.")
    assert [(e.date, e.date_source) for _, s, _, e in plan if s == ["Bolivia"]] == [("2020-01", "document")]


def test_a_place_typed_short_form_of_an_organisation_is_the_organisation() -> None:
    """ "Condor Air ... Condor": the model typed the short form a state; no knowledge-base entry knows
    it, so it is the airline."""
    from .events_helpers import analyse

    ad = analyse(
        "Chile banned Peruvian airline Condor Air on Monday. Bolivia claims Condor flies fighters to Bolivia."
    )
    assert [e.name for e in ad.entities if "Condor" in e.name] == ["Condor Air"]


def test_a_body_of_another_state_or_below_the_state_is_not_the_knowledge_bases() -> None:
    """The knowledge base knows "House of Representatives" and "Congress" as the United States'
    bodies; "the Chilean House of Representatives" is Chile's and "the state Congress" a state's own."""
    from .events_helpers import analyse

    house = analyse("The Chilean House of Representatives confirmed Juan Ortega's nomination on Monday.")
    assert [(e.name, e.kb_id) for e in house.entities if e.type == "ORG"] == [
        ("Chilean House of Representatives", None)
    ]
    state = analyse("Juan Ortega, president of the state Congress, praised Ana Ruiz.")
    assert [(e.name, e.kb_id) for e in state.entities if e.type == "ORG"] == [("state Congress", None)]
    us = analyse("The House of Representatives voted on Monday.")
    assert [e.kb_id for e in us.entities if e.type == "ORG"] == ["org:us_house"]


def test_a_phrase_of_an_appeal_that_names_no_request_is_a_fact() -> None:
    """ "called for an inquiry *into* the shooting": the shooting took place (only "for" names what
    is asked for), so it is neither dropped as the request's content nor flagged hypothetical."""
    from .events_helpers import coded

    body = "Argentina called for an inquiry into the shooting of its citizens by Chilean police."
    shot = [(s, t, e.hypothetical) for ty, s, t, e in coded(body) if ty == "ASSAULT"]
    assert shot == [(["Chilean security forces"], ["Argentina"], False)]


def test_a_day_without_its_year_right_after_one_stated_in_full_is_in_that_year() -> None:
    """ "... on November 15, 2017. X resigned on November 21": the writer left out the year the story
    is in; a day long after the full one, or two sentences on, keeps the publication's year."""
    import datetime as dt

    from newsgraph.text.dates import find_dates

    def values(text: str) -> list[str]:
        return [d.value for d in find_dates(text, anchor=dt.date(2019, 9, 9))]

    assert values("He was detained on November 15, 2017. He resigned on November 21.") == [
        "2017-11-15",
        "2017-11-21",
    ]
    assert values("He was born on May 3, 1950. He resigned on September 21.")[1] == "2019-09-21"
    assert values("He was born on May 3, 1950. He lived in Lima. He resigned on June 21.")[1] == "2019-06-21"


def test_this_past_and_this_coming_month() -> None:
    import datetime as dt

    from newsgraph.text.dates import find_dates

    oct20 = dt.date(2020, 10, 19)
    assert [d.value for d in find_dates("He won the nomination this past May.", anchor=oct20)] == ["2020-05"]
    assert [d.value for d in find_dates("He will visit this coming May.", anchor=oct20)] == ["2021-05"]


def test_remanding_in_custody_detains() -> None:
    from .events_helpers import triples

    assert ("COERCE", ("Peru",), ("Juan Ortega",)) in triples("Juan Ortega was remanded in custody in Peru.")


def test_removing_its_own_troops_withdraws_them_and_more_sanctions_are_sanctions() -> None:
    from .events_helpers import triples

    assert triples("Chile removed its troops from Peru.") == {("RETREAT", ("Chile",), ("Peru",))}
    assert triples("Chile removed Peruvian troops from the island.") == {("SANCTION", ("Chile",), ("Peru",))}
    assert ("SANCTION", ("Chile",), ("Peru",)) in triples("Chile increased sanctions on Peru on Monday.")


def test_certifying_a_result_is_no_promise() -> None:
    from .events_helpers import triples

    assert triples("The Chilean electoral court certified Ana Ruiz as the winner.") == set()
