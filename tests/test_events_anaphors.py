"""Session 21: definite nouns that refer back to a state ("the kingdom", "the Andean nation", "the
Gulf state") and a story's unnamed armed group that is the one armed group it names ("the
guerrillas" after "the Andean Front").

The sentences are written for these tests (made-up situations between real states and made-up
groups), not taken from any article.
"""

from __future__ import annotations

from .events_helpers import triples


def test_the_kingdom_is_a_state_named_before_that_its_clause_does_not_name() -> None:
    # Damascus (Syria) is the accused: the kingdom is the other state, Jordan
    body = "Jordan cut ties with Syria on Monday. The kingdom accused Damascus of smuggling weapons."
    assert ("ACCUSE", ("Jordan",), ("Syria",)) in triples(body)


def test_a_described_state_prefers_the_state_the_sentence_is_about() -> None:
    # the last state named before "the Andean nation" is Bolivia, one of the subjects of its own
    # clause; Peru, the subject of the sentence, is the one referred to
    body = (
        "Peru scrambled on Tuesday to secure food supplies after Chile and Bolivia cut diplomatic "
        "ties with the Andean nation, accusing it of spying."
    )
    got = triples(body)
    assert ("SANCTION", ("Chile", "Bolivia"), ("Peru",)) in got
    assert not [g for g in got if "Peru" in g[1]]


def test_a_bare_state_is_no_reference_to_a_state() -> None:
    # "the state" alone is as often the government in general: no target
    body = "Bolivia said on Monday that the state would not tolerate strikes. Chile criticised the state."
    assert not [g for g in triples(body) if g[1] == ("Chile",)]


def test_a_named_nation_is_not_a_reference() -> None:
    body = "Peru met Bolivia in Lima on Monday. Chile later criticised the Chilean nation's critics."
    assert not [g for g in triples(body) if g[1] == ("Chile",) and g[2] in (("Peru",), ("Bolivia",))]


def test_the_guerrillas_after_the_one_armed_group_named_are_that_group() -> None:
    body = (
        "The Andean Front signed a truce with Chile in May. On Monday, Chile accused the guerrillas "
        "of violating it."
    )
    assert ("ACCUSE", ("Chile",), ("Andean Front",)) in triples(body)


def test_the_rebels_stay_unnamed_when_two_armed_groups_are_named() -> None:
    body = (
        "The Andean Front and the Kallpa Brigades attacked Chile in May. On Monday, Chile accused "
        "the guerrillas of violating the truce."
    )
    assert ("ACCUSE", ("Chile",), ("guerrillas",)) in triples(body)


def test_the_rebels_before_the_group_is_named_stay_unnamed() -> None:
    body = "Chile accused the guerrillas of violating the truce. On Monday, the Andean Front attacked Chile."
    assert ("ACCUSE", ("Chile",), ("guerrillas",)) in triples(body)


def test_gunmen_are_the_one_group_that_claimed_responsibility() -> None:
    body = (
        "Gunmen stormed a police academy near Lima on Monday, killing 18 recruits. Four of the "
        "attackers were captured alive. The Andean Front claimed responsibility on Tuesday. Peru "
        "condemned the attack."
    )
    got = triples(body)
    assert ("ASSAULT", ("Andean Front",), ("Peruvian security forces", "Peru")) in got
    assert ("ACCUSE", ("Peru",), ("Andean Front",)) in got


def test_gunmen_stay_unnamed_when_two_groups_claim() -> None:
    body = (
        "Gunmen stormed a police academy near Lima on Monday, killing 18 recruits. The Andean Front "
        "and the Kallpa Brigades both claimed responsibility."
    )
    # neither group is the attacker, and the unnamed gunmen are no side: no attack is coded
    assert not [g for g in triples(body) if g[0] == "ASSAULT"]


def test_gunmen_of_another_attack_told_after_the_claim_stay_unnamed() -> None:
    body = (
        "Gunmen stormed a police academy near Lima, Peru, on Monday. The Andean Front claimed responsibility "
        "on Tuesday. A month earlier, gunmen had ambushed Chilean soldiers near Tacna."
    )
    got = triples(body)
    assert not [g for g in got if g[0] == "ASSAULT" and "Chile" in g[2] and g[1] == ("Andean Front",)]


def test_both_governments_after_a_list_of_mediators_are_the_storys_two_sides() -> None:
    body = (
        "Peru and Ecuador clashed on their border on Monday. Peru accused Ecuador of starting the "
        "fighting, and Ecuador blamed Peru. Ecuador has asked Argentina, Brazil, Chile and the United "
        "States to help end the fighting. The Organization of American States urged both governments "
        "to cease hostilities."
    )
    got = triples(body)
    assert ("REQUEST", ("Organization of American States",), ("Peru", "Ecuador")) in got


def test_both_sides_are_the_last_two_named_when_no_more_are_near() -> None:
    body = "Peru and Chile met in Lima on Monday. Bolivia urged both sides to sign a deal."
    assert ("REQUEST", ("Bolivia",), ("Peru", "Chile")) in triples(body)


def test_the_kingdom_is_the_subject_of_a_paragraph_before_not_the_last_state_listed() -> None:
    body = (
        "Jordan shut its border with Syria on Monday and gave Syrian diplomats 48 hours to leave.\n\n"
        "Syrian citizens were ordered to leave Jordan, Egypt and Bahrain within two weeks.\n\n"
        "In a statement, the kingdom accused Damascus of smuggling weapons."
    )
    got = triples(body)
    assert ("ACCUSE", ("Jordan",), ("Syria",)) in got
    assert not [g for g in got if g[0] == "ACCUSE" and g[1] == ("Bahrain",)]


def test_an_object_pronoun_of_a_coordinated_verb_is_not_the_sentences_subject() -> None:
    # (two men: only the clause tells which one "him" is)
    body = (
        "Chile's president, Juan Ortega, spoke by telephone with Peru's leader, Tom Reyes, late on "
        "Monday and urged him to give mediation a chance, a Chilean official said."
    )
    assert ("REQUEST", ("Juan Ortega",), ("Tom Reyes",)) in triples(body)
    # a second subject named in its own clause is left to the nearest-subject rule
    got = triples("Ann Ward praised Tom Reyes, and Juan Ortega criticized him.")
    assert ("ACCUSE", ("Juan Ortega",), ("Tom Reyes",)) in got
