"""Session 23: refusals said as negated acts of going along ("would not negotiate", "did not recognise
the vote"); denials of responsibility that answer a charge; acts a side says it is ready to do (an
intent, AGREE); judgements of a definite act noun ("called the exercises a provocation"); munitions
fired at a place; groups loyal to an organisation; fighting between two sides; "the border with X"
is no partner of the clause's act.

The sentences are written for these tests (made-up situations between real states and made-up
people and groups), not taken from any article.
"""

from __future__ import annotations

from .events_helpers import coded, triples


def _flags(body: str, typ: str) -> list[tuple[bool, bool]]:
    return [(e.negated, e.hypothetical) for t, _s, _t, e in coded(body) if t == typ]


def test_a_negotiation_a_side_will_not_hold_is_a_refusal_stated_now() -> None:
    body = "Peru's president, Tom Reyes, said the government would not negotiate with the Andean Front."
    assert ("REJECT", ("Tom Reyes", "Peru"), ("Andean Front",)) in triples(body) or (
        "REJECT",
        ("Peru",),
        ("Andean Front",),
    ) in triples(body)
    assert _flags(body, "REJECT") == [(False, False)]
    assert not _flags(body, "CONSULT")


def test_not_recognising_or_accepting_anothers_act_refuses_it() -> None:
    assert ("REJECT", ("Bolivia",), ("Chile",)) in triples(
        "Bolivia said it did not recognise the referendum held by Chile."
    )
    body = "Bolivia said it did not accept the jurisdiction of the International Court of Justice."
    assert ("REJECT", ("Bolivia",), ("International Court of Justice",)) in triples(body)


def test_a_refusal_under_a_condition_stays_hypothetical() -> None:
    body = "Chile said that if Peru attacked, it would not negotiate with Peru."
    assert all(hyp for _neg, hyp in _flags(body, "REJECT"))


def test_an_act_not_done_or_not_possible_is_no_refusal() -> None:
    assert not _flags("Chile did not meet Peru's foreign minister on Monday.", "REJECT")
    assert not _flags("Chile could not agree with Peru on the border.", "REJECT")


def test_denying_involvement_answers_whoever_blamed_the_denier() -> None:
    body = "Peru blamed the Andean Front for the bombing in Lima. The group denied involvement."
    assert ("REJECT", ("Andean Front",), ("Peru",)) in triples(body)
    assert not [t for t in triples("Chile denied any wrongdoing.") if t[0] == "REJECT"]  # no one blamed


def test_a_cooperative_act_a_side_is_ready_to_do_is_its_intent() -> None:
    body = "Chile said it was ready to hold talks with Peru."
    assert ("AGREE", ("Chile",), ("Peru",)) in triples(body)
    assert _flags(body, "AGREE") == [(False, False)]
    body = "The United Nations said it was willing to provide humanitarian assistance to Bolivia."
    assert ("AGREE", ("United Nations",), ("Bolivia",)) in triples(body)


def test_readiness_that_is_itself_conditional_or_hostile_is_no_stated_intent() -> None:
    body = "Chile said it would be ready to hold talks with Peru."
    assert all(hyp for _neg, hyp in _flags(body, "AGREE"))
    assert not _flags("Chile said it was ready to attack Peru.", "AGREE")


def test_a_judgement_of_a_definite_act_noun_accuses_whoever_did_it() -> None:
    body = (
        "Peru held military exercises near the border with Chile on Monday. Chile's defence minister, "
        'Tom Reyes, called the exercises "a provocation".'
    )
    got = triples(body)
    assert ("ACCUSE", ("Chile", "Tom Reyes"), ("Peru",)) in got or (
        "ACCUSE",
        ("Tom Reyes", "Chile"),
        ("Peru",),
    ) in got
    assert not [t for t in got if t[0] == "COOPERATE"]  # "the border with Chile" is no partner
    body = (
        "Peru launched a military campaign in the north. The UN human rights chief, Ann Ward, described "
        'the campaign as "a textbook example of ethnic cleansing."'
    )
    assert [t for t in triples(body) if t[0] == "ACCUSE" and t[2] == ("Peru",)]


def test_the_border_with_a_state_still_faces_troops_deployed_there() -> None:
    assert ("MOBILIZE", ("Peru",), ("Chile",)) in triples("Peru massed troops on the border with Chile.")


def test_munitions_fired_at_a_building_strike_the_place_it_is_in() -> None:
    body = "The Andean Front fired mortar shells at the presidential palace in Lima."
    assert ("ASSAULT", ("Andean Front",), ("Lima",)) in triples(body)


def test_insurgents_loyal_to_a_group_are_the_groups() -> None:
    body = "Insurgents loyal to the Andean Front fired mortar shells at the presidential palace in Lima."
    assert ("ASSAULT", ("Andean Front",), ("Lima",)) in triples(body)


def test_fighting_between_two_sides_is_their_clash() -> None:
    got = triples("There was heavy fighting between Peruvian troops and the Andean Front near Cusco.")
    assert ("ASSAULT", ("Peru",), ("Andean Front",)) in got
    got = triples("The fighting between Chile and Peru killed 40 people.")
    assert [t for t in got if t[0] == "ASSAULT" and set(t[1] + t[2]) == {"Chile", "Peru"}]


def test_an_opposition_demand_naming_no_one_is_made_of_its_government() -> None:
    body = "Peru's opposition leader, Juan Ortega, has demanded a fresh election."
    assert ("REQUEST", ("Juan Ortega",), ("Peru",)) in triples(body)


def test_a_demand_by_the_states_own_officials_or_naming_no_side_is_no_guess() -> None:
    assert not triples("Peru's foreign minister, Tom Reyes, demanded a fresh election.")
    assert not triples("The Andean Front demanded a fresh election.")


def test_fighting_that_names_no_sides_is_no_clash() -> None:
    body = "Chile and Peru asked Bolivia and Ecuador to help end the fighting."
    assert not [t for t in triples(body) if t[0] == "ASSAULT"]


FIGHT = "Peruvian troops shelled Chilean villages on Monday. "


def test_a_withdrawal_naming_no_one_is_from_the_side_its_doer_fought() -> None:
    body = FIGHT + "On Thursday, Peruvian troops withdrew from positions near the border."
    assert ("RETREAT", ("Peru",), ("Chile",)) in triples(body)
    body = FIGHT + "Peru said on Wednesday it had pulled two army companies back from the Tacna outpost."
    assert ("RETREAT", ("Peru",), ("Chile",)) in triples(body)


def test_two_sides_pulling_back_withdraw_from_each_other() -> None:
    body = "Chile and Peru began pulling troops back from their disputed border on Sunday."
    got = triples(body)
    assert ("RETREAT", ("Chile",), ("Peru",)) in got or ("RETREAT", ("Peru",), ("Chile",)) in got


def test_a_truce_naming_no_side_is_between_the_sides_fighting() -> None:
    body = FIGHT + "A ceasefire agreed late on Thursday had largely held."
    got = triples(body)
    assert ("RETREAT", ("Chile",), ("Peru",)) in got or ("RETREAT", ("Peru",), ("Chile",)) in got


def test_a_truce_asked_for_or_with_no_fight_told_names_no_sides() -> None:
    assert not [t for t in triples(FIGHT + "Bolivia called for a ceasefire.") if t[0] == "RETREAT"]
    assert not [
        t for t in triples("A ceasefire agreed late on Thursday had largely held.") if t[0] == "RETREAT"
    ]


def test_a_civic_bodys_demand_naming_no_one_is_of_its_government_a_ministrys_is_not() -> None:
    body = (
        "Bolivia's interim government imposed new regulations on Monday. The Bolivian Bar Association "
        "demanded that the regulations be lifted."
    )
    assert ("REQUEST", ("Bolivian Bar Association",), ("Bolivia",)) in triples(body)
    body = (
        "Bolivia's interim government imposed new rules on Monday. The Bolivian Interior Ministry urged "
        "people to comply with the rules."
    )
    assert not [t for t in triples(body) if t[0] == "REQUEST"]


def test_leaving_a_bloc_or_suspending_flights_to_a_state_reduces_relations() -> None:
    body = "Bolivia announced that it was withdrawing from the Andean Community."
    assert ("SANCTION", ("Bolivia",), ("Andean Community",)) in triples(body)
    body = "Bolivia expelled Chile's ambassador on Monday. Chile suspended its flights to La Paz in August."
    assert ("SANCTION", ("Chile",), ("Bolivia",)) in triples(body)


def test_agreeing_to_give_way_concedes() -> None:
    assert ("CONCEDE", ("Chile",), ("Bolivia",)) in triples(
        "Chile agreed to withdraw its troops from Bolivia."
    )
    assert ("AGREE", ("Peru",), ("Chile",)) in triples("Peru agreed to hold talks with Chile.")


def test_talks_frozen_are_halted_not_held() -> None:
    got = triples("Chile has frozen talks with Bolivia.")
    assert ("SANCTION", ("Chile",), ("Bolivia",)) in got
    assert not [t for t in got if t[0] == "CONSULT"]


def test_both_released_are_those_the_latest_detention_of_several_held() -> None:
    body = (
        "Bolivian police arrested Juan Ortega and Tom Reyes on Thursday. Both were released without charge "
        "on Saturday."
    )
    got = triples(body)
    assert ("RETREAT", ("Bolivian security forces", "Bolivia"), ("Juan Ortega", "Tom Reyes")) in got or (
        "RETREAT",
        ("Bolivian security forces",),
        ("Juan Ortega", "Tom Reyes"),
    ) in got
    # one person detained: "they" are not told of
    body = "Bolivian police arrested Juan Ortega on Thursday. They were released on Saturday."
    assert not [t for t in triples(body) if t[0] == "RETREAT"]


def test_saying_a_government_is_breaking_the_law_accuses_it() -> None:
    body = (
        'Juan Ortega, who led the petition, said, "Now, for every moment the assembly remains suspended, '
        'the Peruvian government are breaking the law."'
    )
    assert [t for t in triples(body) if t[0] == "ACCUSE" and t[1] == ("Juan Ortega",) and "Peru" in t[2]]


def test_holding_a_side_responsible_or_saying_it_bears_the_blame_accuses_it() -> None:
    assert ("ACCUSE", ("Chile",), ("Peru",)) in triples("Chile held Peru responsible for the deaths.")
    got = triples("Chile will hold Peru accountable for the deaths.")
    assert ("ACCUSE", ("Chile",), ("Peru",)) in got
    assert ("ACCUSE", ("Chile",), ("Peru",)) in triples(
        "Chile said Peru bore full responsibility for the crisis."
    )
    assert not triples("Chile held talks in Lima, the Peruvian capital, with responsible officials.") - {
        ("CONSULT", ("Chile",), ("Peru",))
    }
