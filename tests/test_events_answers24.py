"""Session 24: answers to what the story told before (a rejected charge answers its accuser, a bare
refusal whoever asked); appeals to "both sides"; the patient of a passive participle ("X, a party
backed by Y"); convictions ("found guilty"); naming the perpetrators as an accusation; the crowd a
state's forces arrest or repress in a protest story; a present-tense verb the tagger made a noun;
the state a passive arrest's place phrase names; separatists as an armed group; an attack told by its
weapon, by whoever claimed it.

The sentences are written for these tests (made-up situations between real states and made-up
people and groups), not taken from any article.
"""

from __future__ import annotations

from .events_helpers import pairs_of as _of


def test_rejecting_the_charges_answers_the_latest_accuser_of_the_rejecting_side() -> None:
    body = (
        "A report by the UN monitoring group accused Chile of sending weapons to the rebels.\n\n"
        "The United States accused Bolivia of genocide. Bolivia's government rejected the accusations."
    )
    assert (("Bolivia",), ("United States",)) in _of(body, "REJECT")
    assert (("Bolivia",), ("United Nations",)) not in _of(body, "REJECT")


def test_a_bare_refusal_answers_whoever_asked_the_refuser() -> None:
    assert (("Chile",), ("Peru",)) in _of("Peru urged Chile to withdraw its troops. Chile refused.", "REJECT")
    body = "The government of Peru asked Judge Juan Ortega to delay his ruling, but he declined."
    assert (("Juan Ortega",), ("Peru",)) in _of(body, "REJECT")
    assert not _of("Chile refused.", "REJECT")  # no one asked
    # complying yields to the asker (CAMEO 080, CONCEDE; it was the compiled dictionary's 030, AGREE)
    assert (("Chile",), ("Peru",)) in _of(
        "Peru asked Chile to withdraw its ambassador. Chile complied.", "CONCEDE"
    )


def test_an_appeal_to_both_sides_is_addressed_to_the_storys_two_states() -> None:
    body = (
        "Chile and Peru signed an agreement on Monday to settle their border dispute. Bolivia welcomed the "
        "deal.\n\nA UN spokeswoman urged both sides to resolve the dispute through dialogue."
    )
    assert [set(t) for _s, t in _of(body, "REQUEST")] == [{"Chile", "Peru"}]


def test_a_count_of_any_two_is_not_the_storys_two_sides() -> None:
    body = (
        "Chile and Peru signed an agreement on Monday. The Andean Front has only attacked two governments "
        "in its history."
    )
    assert not any(set(t) == {"Chile", "Peru"} for _s, t in _of(body, "ASSAULT"))


def test_a_passive_participle_on_a_name_makes_the_name_its_patient() -> None:
    assert (("Bolivia",), ("Andean Front",)) in _of(
        "The Andean Front, backed by Bolivia, welcomed the agreement.", "SUPPORT"
    )
    assert (("Bolivia",), ("Andean Front",)) in _of(
        "Chile condemned the Andean Front, a militia armed by Bolivia.", "COOPERATE"
    )


def test_found_guilty_is_a_conviction_also_in_the_passive() -> None:
    body = "A Peruvian court found Juan Ortega guilty of murder."
    assert (("Peru",), ("Juan Ortega",)) in _of(body, "COERCE")
    body = "Peru's police said on Monday that Juan Ortega was found guilty of murder. Peru's police said so."
    assert (("Peru",), ("Juan Ortega",)) in _of(body, "COERCE")
    assert not _of(body, "ACCUSE")


def test_naming_the_perpetrators_accuses_them() -> None:
    body = "Chilean army spokesman Tom Reyes said the Andean Front are the suspected perpetrators."
    assert (("Tom Reyes",), ("Andean Front",)) in _of(body, "ACCUSE")


def test_state_forces_arresting_people_in_a_protest_story_arrest_the_protesters() -> None:
    body = (
        "Peruvian police fired tear gas and arrested dozens of people in central Lima on Friday as "
        "thousands of protesters protested against the government."
    )
    coerced = _of(body, "COERCE")
    assert any(t == ("protesters",) for _s, t in coerced)
    assert any(t == ("protesters",) for _s, t in _of(body, "ASSAULT"))
    assert not _of("Peruvian police arrested dozens of people in central Lima on Friday.", "COERCE")


def test_a_present_tense_verb_tagged_as_a_noun_is_still_coded() -> None:
    assert (("Peru",), ("Chile",)) in _of("Ortega said Peru strongly condemns Chile's decision.", "ACCUSE")


def test_a_passive_arrest_with_no_agent_is_the_states_named_in_its_place_phrase() -> None:
    body = "Juan Ortega was arrested in Antioch, Illinois, United States on Friday."
    assert (("United States",), ("Juan Ortega",)) in _of(body, "COERCE")


def test_separatists_and_rebels_of_one_story_are_one_armed_group() -> None:
    body = (
        "Peru said separatists had fired rockets at a residential district of Lima, killing three "
        "civilians. The rebels denied responsibility."
    )
    assert (("separatists",), ("Peru",)) in _of(body, "REJECT")


def test_an_attack_told_by_its_weapon_is_by_whoever_claimed_it() -> None:
    body = (
        "Twin bombings on Sunday struck the Andean Development Bank in Lima, killing 20 people. The Andean "
        "Front later claimed responsibility."
    )
    assert any(s == ("Andean Front",) for s, _t in _of(body, "ASSAULT"))
    assert not any(s for s, _t in _of(body.split(". The")[0] + ".", "ASSAULT"))  # no claim, no doer
