"""Session 30: titles written with their "of" before a name ("Prime Minister of Peru Juan Ortega",
"Speaker of the Bolivian parliament Ana Ruiz"), and further constructions found missing on unseen
news.

The sentences are written for these tests (made-up situations between real states and made-up
people and groups), not taken from any article.
"""

from __future__ import annotations

from .events_helpers import analyse
from .events_helpers import pairs_of as _of


def _person(body: str, name: str):  # noqa: ANN202 - a LocalEntity
    return next(e for e in analyse(body).entities if e.type == "PERSON" and e.name == name)


def test_a_title_with_its_of_phrase_before_a_name_is_the_persons() -> None:
    body = "Prime Minister of Peru Juan Ortega criticised Chile."
    assert _person(body, "Juan Ortega").titles == ["Prime Minister of Peru"]
    assert _of(body, "ACCUSE") == {(("Juan Ortega", "Peru"), ("Chile",))}
    ruiz = _person("Speaker of the Bolivian parliament Ana Ruiz met Lucia Diaz.", "Ana Ruiz")
    assert ruiz.titles == ["Speaker of the Bolivian parliament"]
    assert _person("Minister of Foreign Affairs Pedro Soto spoke.", "Pedro Soto").titles == [
        "Minister of Foreign Affairs"
    ]
    # a relative is no title: "the wife of the president" stays the president's
    assert _person("The wife of Juan Ortega, Rosa Gil, spoke.", "Rosa Gil").titles == []


def test_the_person_after_a_titles_of_phrase_is_the_side() -> None:
    body = "Speaker of the Bolivian parliament Ana Ruiz accused Chile of spying."
    assert _of(body, "ACCUSE") == {(("Ana Ruiz",), ("Chile",))}


def test_a_possessive_name_opens_a_title_in_apposition() -> None:
    body = "Juan Ortega, Puerto Rico's governor, resigned on Wednesday."
    assert _person(body, "Juan Ortega").titles == ["Puerto Rico's governor"]
    # the verb after the apposition is the name's, though the parse hung it on the apposition
    assert _of(body, "RETREAT") == {(("Juan Ortega",), ("Puerto Rico",))}
    assert _person("Pedro Soto, the Andean Front's leader, spoke.", "Pedro Soto").titles == [
        "Andean Front's leader"
    ]


def test_an_appointment_to_an_office_is_no_event() -> None:
    assert not _of(
        "Peruvian President Juan Ortega named Pedro Soto as security minister in 2016.", "COOPERATE"
    )
    body = "Juan Ortega designated Pedro Soto, a former general, as the nation's security minister."
    assert not _of(body, "COOPERATE")
    # a running mate named is still endorsed, a terrorist designation still a sanction
    assert _of("Juan Ortega named Ana Ruiz as his running mate.", "SUPPORT") == {
        (("Juan Ortega",), ("Ana Ruiz",))
    }
    assert _of("Peru designated the Andean Front a terrorist organisation.", "SANCTION") == {
        (("Peru",), ("Andean Front",))
    }


def test_control_taken_of_a_place_occupies_it() -> None:
    assert _of("The Islamic State took control of Mosul in 2014.", "COERCE") == {
        (("Islamic State",), ("Mosul",))
    }
    # a chamber won in an election is no place taken
    assert not _of("Democrats took control of the House of Representatives in 2018.", "COERCE")


def test_backing_an_armed_group_is_military_aid_in_every_voice() -> None:
    assert _of("According to Juan Ortega, the rebels are backed by Peru.", "AID") == {
        (("Peru",), ("rebels",))
    }
    assert _of("Peru backs the Andean Front rebels.", "AID") == {(("Peru",), ("Andean Front",))}
    assert _of("Peru backed the Chilean government.", "SUPPORT") == {(("Peru",), ("Chile",))}


def test_a_crowd_heading_for_a_place_makes_no_visit() -> None:
    assert not _of("Thousands of protesters headed for the Peruvian Congress.", "CONSULT")
    assert _of("Juan Ortega headed for Lima for talks with Peru.", "CONSULT") == {
        (("Juan Ortega",), ("Peru",))
    }


def test_martial_law_declared_is_imposed_on_the_own_state() -> None:
    body = "Peruvian President Juan Ortega declared martial law on Monday."
    assert _of(body, "COERCE") == {(("Juan Ortega",), ("Peru",))}


def test_a_place_falling_under_a_sides_control_is_occupied_by_it() -> None:
    assert _of("Mosul fell under Islamic State control in 2014.", "COERCE") == {
        (("Islamic State",), ("Mosul",))
    }
    assert _of("Mosul came under the control of the Islamic State.", "COERCE") == {
        (("Islamic State",), ("Mosul",))
    }
    assert not _of("The House fell under Democratic control.", "COERCE")


def test_a_crowd_named_by_its_state_protests_against_that_state() -> None:
    body = (
        "Peru's government banned the rally on Thursday. Thousands of Peruvian protesters chanted slogans"
        " outside the presidential palace on Friday."
    )
    assert _of(body, "PROTEST") == {(("protesters",), ("Peru",))}


def test_people_of_a_state_held_are_the_states() -> None:
    assert _of("The Belarusian KGB arrested 33 Russian individuals.", "COERCE") == {
        (("Belarusian KGB",), ("Russia",))
    }


def test_the_first_of_two_objects_is_the_receiver_not_what_is_sent() -> None:
    body = "The Andean Human Rights Front had sent the Peruvian police a plan for the march."
    assert not _of(body, "MOBILIZE")
    assert _of("Chile granted Juan Ortega asylum.", "AID") == {(("Chile",), ("Juan Ortega",))}


def test_a_known_name_inside_a_longer_organisation_name_is_part_of_it() -> None:
    names = {e.name for e in analyse("The Civil Human Rights Front organised the rally in Lima.").entities}
    assert "Civil Human Rights Front" in names
    assert "Human Rights" not in names


def _quotes(body: str) -> set[tuple[str, str | None, str]]:
    ad = analyse(body)
    names = {e.id: e.name for e in ad.entities}
    return {(q.kind, names.get(q.speaker or ""), q.text) for q in ad.quotes}


def test_a_speaker_described_inside_an_according_to_clause_speaks() -> None:
    body = "According to the BBC, a spokesman for the Peruvian government said Chile had lied."
    assert _quotes(body) == {("indirect", "Peru", "Chile had lied")}


def test_the_person_cited_as_saying_is_the_speaker() -> None:
    body = (
        "The BBC also cited Juan Ortega, the head of Peruvian intelligence, as saying the suspects had fled."
    )
    assert _quotes(body) == {("indirect", "Juan Ortega", "the suspects had fled")}


def test_elaborated_introduces_a_quotation() -> None:
    body = 'Peruvian President Juan Ortega elaborated, "A state that is present must act."'
    assert ("direct", "Juan Ortega", "A state that is present must act.") in _quotes(body)


def test_a_title_said_again_alone_is_the_person_so_titled() -> None:
    body = (
        'Andean trade commissioner Juan Ortega spoke first. The commissioner said, "This is a historic day."'
    )
    assert ("direct", "Juan Ortega", "This is a historic day.") in _quotes(body)
    body = 'The plan was criticised by archbishop Juan Ortega. The archbishop said "We cannot accept it."'
    assert ("direct", "Juan Ortega", "We cannot accept it.") in _quotes(body)


def test_a_party_adjective_before_its_members_names_the_party() -> None:
    assert _of("Republican senators criticised Juan Ortega.", "ACCUSE") == {
        (("Republican Party",), ("Juan Ortega",))
    }
    assert _of("Democratic lawmakers praised Pedro Soto.", "SUPPORT") == {
        (("Democratic Party",), ("Pedro Soto",))
    }
    names = {e.name for e in analyse("The Republican Guard attacked Kurdish villages.").entities}
    assert "Republican Party" not in names


def test_an_inquiry_demanded_into_a_killing_accuses_no_victim() -> None:
    """(Since session 40 a call for an inquiry is a request, not the caller's own investigation.)"""
    body = "Peru called for an investigation into the killing of Juan Ortega by Chilean police."
    assert not _of(body, "ACCUSE")
    assert ("Juan Ortega",) not in {t for _, t in _of(body, "REQUEST")}
    assert _of("Peru called for an investigation into Chile's role in the attack.", "REQUEST") == {
        (("Peru",), ("Chile",))
    }


def test_the_subject_of_a_passive_light_verb_receives_its_noun() -> None:
    assert _of("Juan Ortega was granted asylum by Chile.", "AID") == {(("Chile",), ("Juan Ortega",))}
    assert _of("Sanctions were imposed on Peru by Chile.", "SANCTION") == {(("Chile",), ("Peru",))}


def test_a_deed_blamed_on_a_side_accuses_it() -> None:
    assert _of("Peru blamed the bombing on the Andean Front.", "ACCUSE") == {(("Peru",), ("Andean Front",))}


def test_responsibility_for_an_attack_reported_accuses_whom_it_names() -> None:
    for body in (
        "Peru said the Andean Front was responsible for the bombing.",
        "Peru said the Andean Front was behind the bombing.",
    ):
        assert _of(body, "ACCUSE") == {(("Peru",), ("Andean Front",))}
    assert not _of("Reuters said the Andean Front was behind the attack.", "ACCUSE")
    assert not _of("Chile said Peru was responsible for the talks.", "ACCUSE")


def test_pointing_the_finger_at_a_side_blames_it() -> None:
    assert _of("Peru pointed the finger at Chile for the attack.", "ACCUSE") == {(("Peru",), ("Chile",))}


def test_forces_put_on_alert_along_a_border_face_the_state_across_it() -> None:
    body = "Chile put its army on alert along the Peruvian border."
    assert _of(body, "MOBILIZE") == {(("Chile",), ("Peru",))}


def test_troops_stationed_and_vessels_returned() -> None:
    assert _of("Peru stationed troops near its border with Chile.", "MOBILIZE") == {(("Peru",), ("Chile",))}
    assert _of("Chile returned the seized vessel to Peru.", "RETREAT") == {(("Chile",), ("Peru",))}


def test_party_adjectives_are_found_per_paragraph_at_its_offset() -> None:
    from newsgraph.actors.kb import load_kb
    from newsgraph.actors.partisans import party_adjectives

    (c,) = party_adjectives("Then Republican senators met.", 100, load_kb())
    assert (c.start, c.end, c.text, c.kb_id) == (105, 115, "Republican", "org:republican_party")
    assert party_adjectives("The Republican Guard attacked.", 0, load_kb()) == []
