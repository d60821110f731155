"""Session 21's repairs: a vehicle that hits a mine is no attacker; "government officials" and
"police officials" are the state's bodies; a verb the parse hung on its object as a modifier, the
object made the apposition of a verbless sentence's noun ("Chilean warplanes [bombed] villages in
Peru"); an act awaited "until" a clause that did not or will not happen is hypothetical. The
sentences are written for these tests (made-up situations between real states), not taken from
any article."""

from __future__ import annotations

from .events_helpers import coded, triples


def test_a_convoy_that_hits_a_landmine_attacks_no_one() -> None:
    # (the road's ends are no target of the soldiers' state)
    body = (
        "Eight Chilean soldiers were killed when their convoy hit a landmine on the road between Peru "
        "and Bolivia."
    )
    assert not triples(body)
    assert not triples("A Chilean patrol struck a roadside bomb on the road between Peru and Bolivia.")


def test_jets_that_hit_positions_still_attack() -> None:
    assert ("ASSAULT", ("Chile",), ("Peru",)) in triples("Chilean jets hit Peruvian positions on Monday.")


def test_government_officials_are_the_state() -> None:
    body = "Chile held elections on Monday. Government officials accused Peru of meddling."
    assert ("ACCUSE", ("Chile",), ("Peru",)) in triples(body)


def test_police_officials_are_the_police() -> None:
    body = "Chile held elections on Monday. Police officials accused Peru of meddling."
    assert ("ACCUSE", ("Chilean security forces", "Chile"), ("Peru",)) in triples(body)


def test_levels_of_government_are_no_body() -> None:
    body = "Chile held elections on Monday. Three levels of government accused Peru of meddling."
    assert not [g for g in triples(body) if g[0] == "ACCUSE"]


def test_warplanes_that_bombed_villages_in_a_state_attack_it() -> None:
    # the parse reads "bombed" as a modifier of "villages", made the apposition of "warplanes"
    got = triples("Chilean warplanes bombed villages in Peru on Wednesday.")
    assert got == {("ASSAULT", ("Chile",), ("Peru",))}


def test_an_attack_near_a_place_hits_it() -> None:
    # the attack names no one it hit: the place it was made near, as "in" a place
    assert triples("Chilean troops shelled villages near Arequipa on Monday.") == {
        ("ASSAULT", ("Chile",), ("Arequipa",))
    }


def test_an_act_awaited_until_a_clause_that_will_not_happen_is_hypothetical() -> None:
    events = [
        e
        for ty, _, _, e in coded(
            "Peru said it would not resume talks until Chile had withdrawn its troops from Bolivia."
        )
        if ty == "RETREAT"
    ]
    assert events and all(e.hypothetical for e in events)
    done = [
        e
        for ty, _, _, e in coded("Peru did not resume talks until Chile withdrew its troops from Bolivia.")
        if ty == "RETREAT"
    ]
    assert done and not any(e.hypothetical for e in done)


def test_a_city_is_not_arrested() -> None:
    # "dozens of people in Cairo": the people, who are no actor; not the city
    assert not triples("Egyptian police arrested dozens of people in central Cairo on Friday.")


def test_the_government_of_a_lead_that_opens_with_a_states_police_is_that_states() -> None:
    # the lead names Egypt only in its police's name: "the government" is still Egypt's
    body = (
        "Egyptian police arrested dozens of protesters on Friday as thousands protested against a plan "
        "to hand two islands to Saudi Arabia. Opposition leader Ann Ward accused the government of "
        "selling the islands."
    )
    assert ("ACCUSE", ("Ann Ward",), ("Egypt",)) in triples(body)


def test_a_present_tense_denial_the_tagger_read_as_a_plural_noun() -> None:
    # "denies" is tagged a plural noun, its name made a compound of it or its subject
    for body in (
        "Chile accused Peru of starting the clashes on Monday. Peru denies the charges.",
        "Chile accused Russia of spying on Monday. Russia denies the claims.",
    ):
        denier = "Peru" if "Peru denies" in body else "Russia"
        assert ("REJECT", (denier,), ("Chile",)) in triples(body)
    assert not triples("Chile and Peru are allies.")


def test_dismay_at_detentions_is_aimed_at_whoever_detained() -> None:
    body = "Myanmar detained three journalists on Monday. The United States was dismayed by the detentions."
    assert ("ACCUSE", ("United States",), ("Myanmar",)) in triples(body)


def test_a_participle_judgement_of_an_act_accuses_its_doer() -> None:
    # "unjustified" is tagged a participle: still the verb's judgement, not a "call for" pattern
    body = "Chile expelled two Peruvian diplomats on Monday. Peru called the expulsions unjustified."
    assert ("ACCUSE", ("Peru",), ("Chile",)) in triples(body)
    quoted = 'Chile expelled two Peruvian diplomats on Monday. Peru called the measures "unjustified".'
    assert ("ACCUSE", ("Peru",), ("Chile",)) in triples(quoted)
