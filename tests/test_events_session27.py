"""Session 27: criticism drawn *from* someone, facts told "according to" someone, emergencies
declared over a disaster, visits at home, organisations that only describe a person, requests of
no one, wars fought over a region, help with an act, treaties pulled out of, offices resigned,
gunshots the parse made a noun, restrictions lifted.

The sentences are written for these tests (made-up situations between real states and made-up
people and groups), not taken from any article.
"""

from __future__ import annotations

from .events_helpers import analyse, coded
from .events_helpers import pairs_of as _of


def test_criticism_drawn_or_received_from_someone_is_theirs() -> None:
    body = "Pedro Soto drew criticism from Juan Ortega for the move."
    assert _of(body, "ACCUSE") == {(("Juan Ortega",), ("Pedro Soto",))}
    body = "Pedro Soto received criticism from the Andean Front on Monday."
    assert _of(body, "ACCUSE") == {(("Andean Front",), ("Pedro Soto",))}


def test_a_fact_told_according_to_someone_accuses_no_one() -> None:
    body = "According to the Lima Union, Pedro Soto had a licence for the five rifles he used in the attack."
    assert not _of(body, "ACCUSE")
    body = "According to the Lima Union, Peru has a tabletop runway, so the aircraft fell into a ditch."
    assert not _of(body, "ACCUSE")


def test_a_direct_accusation_said_still_accuses() -> None:
    body = 'Juan Ortega said: "Pedro Soto is a liar and a criminal who stole from Peru."'
    assert (("Juan Ortega",), ("Pedro Soto",)) in _of(body, "ACCUSE")


def test_an_emergency_declared_over_a_disaster_coerces_no_one() -> None:
    declared = "Peruvian President Pedro Soto declared a state of emergency"
    assert not _of(f"{declared} in response to the coronavirus outbreak.", "COERCE")
    assert not _of(f"{declared}. The hurricane is expected on Tuesday.", "COERCE")
    assert _of(f"{declared} after riots in Lima.", "COERCE") == {(("Pedro Soto",), ("Peru",))}


def test_a_visit_to_a_town_at_home_is_no_foreign_visit() -> None:
    story = (
        "{0} has been hit by protests for a week. Peruvian President Pedro Soto visited the town of "
        "Huarmeyo on Monday. {0} said the protests were over."
    )
    assert not _of(story.format("Peru"), "CONSULT")
    assert _of(story.format("Chile"), "CONSULT")  # a story set elsewhere: a visit abroad


def test_an_organisation_that_only_describes_a_person_is_no_participant() -> None:
    body = "The Andean Party endorsed Lima Union presidential nominee Pedro Soto."
    assert _of(body, "SUPPORT") == {(("Andean Party",), ("Pedro Soto",))}
    body = "Juan Ortega questioned the eligibility of the Andean Front vice presidential nominee Ana Ruiz."
    assert _of(body, "ACCUSE") == {(("Juan Ortega",), ("Ana Ruiz",))}


def test_anyone_urged_to_contact_someone_is_no_request_of_them() -> None:
    body = "Pedro Soto urged anyone with information to contact Peruvian police."
    assert not _of(body, "REQUEST")
    body = "Pedro Soto urged Chile to contact Peruvian police."
    assert _of(body, "REQUEST")


def test_a_war_fought_over_a_region_is_between_the_sides() -> None:
    body = "Chile and Peru fought a war over the Tacna region in 1879."
    assert _of(body, "ASSAULT") == {(("Chile",), ("Peru",)), (("Peru",), ("Chile",))}


def test_help_with_an_act_is_no_aid() -> None:
    body = "Chile helped negotiate the deal between Peru and Bolivia."
    assert not _of(body, "AID")
    assert _of("Chile helped Peru on Monday.", "AID") == {(("Chile",), ("Peru",))}


def test_pulling_out_of_a_treaty_is_withdrawing_from_it() -> None:
    body = "Chile pulled out of the trade agreement with Peru."
    assert _of(body, "SANCTION") == {(("Chile",), ("Peru",))}


def test_resigning_an_office_of_an_organisation_retreats_from_it() -> None:
    body = "Pedro Soto resigned as leader of the Andean Front."
    assert _of(body, "RETREAT") == {(("Pedro Soto",), ("Andean Front",))}


def test_a_shot_is_criticism_only_when_taken() -> None:
    assert not _of("Juan Ortega shot at Peruvian soldiers on Monday.", "ACCUSE")
    body = "Juan Ortega took a shot at Ana Ruiz over the budget."
    assert _of(body, "ACCUSE") == {(("Juan Ortega",), ("Ana Ruiz",))}


def test_restrictions_lifted_are_eased() -> None:
    body = "Chile lifted restrictions on Peruvian imports."
    assert [(ty, s, t) for ty, s, t, _ in coded(body)] == [("CONCEDE", ["Chile"], ["Peru"])]


def test_a_speech_act_someone_is_asked_to_make_is_not_made() -> None:
    body = "Juan Ortega called on Pedro Soto to demand that Chile stop the attacks."
    asked = [e for ty, s, t, e in coded(body) if ty == "REQUEST" and s == ["Pedro Soto"]]
    assert asked and all(e.hypothetical and e.modality_cue == "called" for e in asked)
    body = "Pedro Soto demanded that Chile stop the attacks."
    assert not any(e.hypothetical for _, _, _, e in coded(body))


def test_negotiating_a_deal_is_a_meeting_not_a_concession() -> None:
    body = "Chile negotiated the Peru trade deal in 2015."
    assert [(ty, s, t) for ty, s, t, _ in coded(body)] == [("CONSULT", ["Chile"], ["Peru"])]


def test_a_states_interference_names_the_state() -> None:
    body = "Juan Ortega opened an investigation into Peruvian interference in the election."
    assert _of(body, "ACCUSE") == {(("Juan Ortega",), ("Peru",))}


def test_a_court_finding_a_deed_wrongful_accuses_its_doer() -> None:
    body = "The Peruvian Supreme Court found that Pedro Soto had lied to Congress."
    assert (("Peruvian Supreme Court",), ("Pedro Soto",)) in _of(body, "ACCUSE")
    body = "The Peruvian Supreme Court ruled that Pedro Soto violated the constitution."
    assert (("Peruvian Supreme Court",), ("Pedro Soto",)) in _of(body, "ACCUSE")
    assert not _of("Pedro Soto found that Chile had paid the debt.", "ACCUSE")


def test_vaccines_delivered_are_aid() -> None:
    body = "The Lima Union said it had delivered 105,000 doses of vaccine to Bolivia by November 22."
    assert _of(body, "AID") == {(("Lima Union",), ("Bolivia",))}


def test_a_breach_of_duty_is_an_accusation() -> None:
    body = 'Ana Ruiz called Pedro Soto\'s conduct a "breach of his constitutional responsibilities".'
    assert (("Ana Ruiz",), ("Pedro Soto",)) in _of(body, "ACCUSE")


def test_criticism_of_a_commutation_is_of_whoever_commuted() -> None:
    body = (
        "Pedro Soto commuted the sentence of Juan Ortega on Friday. "
        "The Andean Front criticized the commutation as an abuse of power."
    )
    assert (("Andean Front",), ("Pedro Soto",)) in _of(body, "ACCUSE")


def test_a_name_with_a_quoted_nickname_is_one_person() -> None:
    body = 'Juan "Juancho" Ortega was shot on Friday by Pedro Soto. Ortega died later.'
    people = {e.name for e in analyse(body).entities if e.type == "PERSON"}
    assert people == {'Juan "Juancho" Ortega', "Pedro Soto"}
    assert _of(body, "ASSAULT") == {(("Pedro Soto",), ('Juan "Juancho" Ortega',))}


def test_a_finding_in_someones_favour_praises_no_one() -> None:
    assert not _of("The Lima court has found that Ana Ruiz did not lie, she is not a liar.", "SUPPORT")


def test_he_inside_a_quotation_is_not_its_speaker() -> None:
    body = 'Pedro Soto died on Monday. Juan Ortega said: "It is a sad day. He was a great leader."'
    ad = analyse(body)
    names = {e.id: e.name for e in ad.entities}
    assert [names[m.entity] for m in ad.mentions if m.text == "He"] == ["Pedro Soto"]
    assert (("Juan Ortega",), ("Pedro Soto",)) in _of(body, "SUPPORT")
    body = 'Ana Ruiz, a police spokeswoman, said: "The officers were threatened. He fired at Juan Ortega."'
    assert not any(s == ("Ana Ruiz",) for s, _ in _of(body, "ASSAULT"))


def test_he_outside_quotations_may_be_the_speaker() -> None:
    ad = analyse("Juan Ortega said he would resign on Monday.")
    names = {e.id: e.name for e in ad.entities}
    assert [names[m.entity] for m in ad.mentions if m.text == "he"] == ["Juan Ortega"]


def test_what_a_news_outlet_claims_is_its_report_not_its_accusation() -> None:
    assert not _of("The Lima Herald claims Chile was behind the attack.", "ACCUSE")
    assert _of("The Andean Front claims Chile was behind the attack.", "ACCUSE")
