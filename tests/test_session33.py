"""Session 33: constructions found missing or wrong on unseen news (an audit of 30 more Wikinews
articles outside the dev set: British prorogation, US impeachment and courts, Hong Kong and Serbian
protests, government measures): a bare "parliament", a territory's own side, a "by" phrase the parse
hung on a set phrase, relief teams sent, measures given up after protests, crowds counted by numerals,
firebombs thrown, threats "of" someone, targets hung on a nominal event's "by" phrase.

The sentences are written for these tests (made-up situations between real states and made-up
people and groups), not taken from any article.
"""

from __future__ import annotations

from .events_helpers import analyse
from .events_helpers import pairs_of as _of


def _mentions_of(body: str, name: str) -> list[str]:
    ad = analyse(body)
    ids = {e.id for e in ad.entities if e.name == name}
    return [m.text for m in ad.mentions if m.entity in ids]


# ---- actors ------------------------------------------------------------------------------------------


def test_a_bare_parliament_is_the_one_national_parliament_the_story_names() -> None:
    body = (
        "The Chilean parliament met on Monday. Ana Ruiz later suspended parliament for five weeks. "
        "Juan Ortega said Parliament would return in October."
    )
    assert _of(body, "SANCTION") == {(("Ana Ruiz",), ("Chilean parliament",))}
    assert {"parliament", "Parliament"} <= set(_mentions_of(body, "Chilean parliament"))


def test_the_parliament_is_a_legislature_known_by_a_name_of_its_own() -> None:
    body = "Ana Ruiz addressed the Riksdag on Monday. Juan Ortega criticized the parliament."
    assert _of(body, "ACCUSE") == {(("Juan Ortega",), ("Riksdag",))}


def test_a_bare_parliament_with_two_parliaments_named_stays_unresolved() -> None:
    body = (
        "The Chilean parliament and the Peruvian parliament met on Monday. Ana Ruiz later suspended "
        "parliament for five weeks."
    )
    assert _of(body, "SANCTION") == set()


def test_the_sitting_president_is_the_president() -> None:
    body = "President Ana Ruiz of Chile met Juan Ortega. Juan Ortega later criticized the sitting president."
    # (the president of Chile: Chile too)
    assert (("Juan Ortega",), ("Ana Ruiz", "Chile")) in _of(body, "ACCUSE")


def test_a_crowd_counted_by_numerals_protests() -> None:
    body = "Chile is a country. An estimated 1.7 million Chileans marched against the government on Sunday."
    assert _of(body, "PROTEST") == {(("protesters",), ("Chile",))}


# ---- sides -------------------------------------------------------------------------------------------


def test_a_territory_with_its_own_government_is_a_side_of_its_own() -> None:
    body = (
        "Protests continued in Hong Kong on Sunday. The Chinese government praised Hong Kong's chief "
        "executive for restoring order."
    )
    assert (("China",), ("Hong Kong",)) in _of(body, "SUPPORT")


def test_a_by_phrase_hung_on_a_set_phrase_is_the_passive_agent() -> None:
    body = "Ana Ruiz was held in contempt by the Chilean Congress on Tuesday."
    assert _of(body, "SANCTION") == {(("Chilean Congress",), ("Ana Ruiz",))}


def test_the_target_hung_on_a_nominal_events_by_phrase_is_its_target() -> None:
    # the parse hangs "against Chile" on "the Andean Front"
    assert _of("A lawsuit by the Andean Front against Chile was filed on Monday.", "ACCUSE") == {
        (("Andean Front",), ("Chile",))
    }
    assert _of("An attack by the Andean Front on Chilean soldiers killed five people.", "ASSAULT") == {
        (("Andean Front",), ("Chile",))
    }


def test_a_medical_mission_sent_is_aid() -> None:
    assert _of("Chile sent a medical mission to Peru in March.", "AID") == {(("Chile",), ("Peru",))}
    assert _of("Chile sent rescue teams to Peru after the earthquake.", "AID") == {(("Chile",), ("Peru",))}
    assert _of("Chile sent a medical mission to Peru in March.", "AGREE") == set()


def test_a_measure_given_up_after_protests_is_a_concession_to_the_protesters() -> None:
    body = (
        "Thousands of protesters marched in Santiago against the pension bill. The Chilean government "
        "suspended the bill after the protests."
    )
    assert _of(body, "CONCEDE") == {(("Chile",), ("protesters",))}
    assert _of("The Chilean government suspended the pension bill on Monday.", "CONCEDE") == set()


def test_firebombs_thrown_at_police_are_an_assault() -> None:
    body = "Some protesters threw Molotov cocktails at Chilean police."
    assert _of(body, "ASSAULT") == {(("protesters",), ("Chilean security forces",))}
    assert _of("Protesters threw petrol bombs at Chilean police.", "ASSAULT")
    assert _of("A bomb exploded near the Chilean embassy in Lima.", "ASSAULT") == set()


def test_threats_of_someone_are_theirs() -> None:
    body = "The threats of the Chilean Army against protesters continued."
    assert _of(body, "THREATEN") == {(("Chile",), ("protesters",))}


def test_such_an_act_refers_back_to_its_maker() -> None:
    body = "Peru offered Chile a ceasefire. Chile declined such an arrangement."
    assert _of(body, "REJECT") == {(("Chile",), ("Peru",))}
    body = "Peru imposed sanctions on Chile. Chile condemned such measures."
    assert _of(body, "ACCUSE") == {(("Chile",), ("Peru",))}


def test_taoiseach_is_a_title() -> None:
    people = {e.name: e.titles for e in analyse("Taoiseach Juan Ortega met Ana Ruiz in Dublin.").entities}
    assert people.get("Juan Ortega") == ["Taoiseach"]


def test_a_days_possessive_is_no_part_of_a_name() -> None:
    names = {e.name for e in analyse("Monday's Supreme Court ruling angered Ana Ruiz.").entities}
    assert "Supreme Court" in names and not any(n.startswith("Monday") for n in names)


def test_a_phrase_inside_an_adjunct_is_no_target_of_a_light_verbs_noun() -> None:
    # "to the Peruvian people" is where the broadcast went, not to whom she resigned
    body = (
        "Chile is a country. Ana Ruiz, Chile's interior minister, announced her resignation on Monday "
        "in a video broadcast to the Peruvian people."
    )
    assert _of(body, "RETREAT") == {(("Ana Ruiz",), ("Chile",))}


def test_a_past_tense_read_as_a_noun_is_the_verb_again() -> None:
    # the model reads "shot" after a noun as a noun ("Ortega shot"), its object as an apposition
    assert _of("Juan Ortega shot Ana Ruiz on Monday.", "ASSAULT") == {(("Juan Ortega",), ("Ana Ruiz",))}
    assert _of("A shot rang out in Lima.", "ASSAULT") == set()


def test_a_given_name_before_a_companys_name_is_a_person() -> None:
    people = {e.name for e in analyse("Michael Bloomberg endorsed Ana Ruiz.").entities if e.type == "PERSON"}
    assert "Michael Bloomberg" in people
    # and the surname alone after it is the man, not the news agency
    body = "Former mayor Michael Bloomberg ended his campaign on Wednesday. Bloomberg endorsed Ana Ruiz."
    assert _of(body, "SUPPORT") == {(("Michael Bloomberg",), ("Ana Ruiz",))}


def test_a_pardon_received_is_the_givers() -> None:
    body = "Juan Ortega received a pardon from President Ana Ruiz."
    assert _of(body, "CONCEDE") == {(("Ana Ruiz",), ("Juan Ortega",))}


def test_attacks_performed_are_their_doers() -> None:
    body = "The Andean Front performed two attacks on Chilean soldiers."
    assert _of(body, "ASSAULT") == {(("Andean Front",), ("Chile",))}


def test_an_outlets_acronym_before_a_surname_is_no_part_of_the_name() -> None:
    body = "Congressman Juan Ortega died on Thursday. Senator Tom Reyes told MSNBC Ortega was a great man."
    assert _of(body, "SUPPORT") == {(("Tom Reyes",), ("Juan Ortega",))}


def test_they_after_parties_named_together_is_each_of_them() -> None:
    body = "Chile and Peru said they had expelled Bolivian diplomats."
    assert _of(body, "SANCTION") == {(("Chile", "Peru"), ("Bolivia",))}


def test_a_pardon_told_without_its_agent_is_by_whoever_pardoned_before() -> None:
    body = (
        "President Ana Ruiz of Chile pardoned Juan Ortega on Tuesday. Tom Reyes was also pardoned. "
        "Luis Soto's sentence was commuted."
    )
    assert _of(body, "CONCEDE") == {  # (the president of Chile pardons for Chile)
        (("Ana Ruiz", "Chile"), ("Juan Ortega",)),
        (("Ana Ruiz", "Chile"), ("Tom Reyes",)),
        (("Ana Ruiz", "Chile"), ("Luis Soto",)),
    }


def test_detention_ordered_remand_and_a_plea_made() -> None:
    assert _of("A Chilean court ordered the detention of Juan Ortega.", "COERCE") == {
        (("Chile",), ("Juan Ortega",))
    }
    assert _of("Juan Ortega was remanded in custody by a Chilean court.", "COERCE") == {
        (("Chile",), ("Juan Ortega",))
    }
    body = "Juan Ortega made a plea to President Ana Ruiz for clemency."
    assert _of(body, "REQUEST") == {(("Juan Ortega",), ("Ana Ruiz",))}


def test_a_visit_called_off_in_the_passive_took_no_place() -> None:
    assert _of("A visit by Ana Ruiz to Peru was cancelled.", "CONSULT") == set()
    assert _of("A visit by Ana Ruiz to Peru took place on Monday.", "CONSULT") == {(("Ana Ruiz",), ("Peru",))}


def test_punching_someone_is_an_assault() -> None:
    assert _of("Juan Ortega punched Ana Ruiz at the rally in Lima.", "ASSAULT") == {
        (("Juan Ortega",), ("Ana Ruiz",))
    }
    assert _of("Juan Ortega punched the air after the vote.", "ASSAULT") == set()
