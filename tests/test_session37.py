"""Session 37: precision on unseen news. A product, a report or a game released is no release of
people; a town hall or a debate hosted is no visit; a place written as an organisation's seat
("Peru-based") is no side of what the organisation does, however the parse coordinates it; "US" in a
speaker's words is the country, not "us"; a date the model ran into a name is no part of it.

The sentences are written for these tests (made-up people and firms, real states), not taken from any
article.
"""

from __future__ import annotations

from .events_helpers import analyse, coded
from .events_helpers import pairs_of as _of


def test_releasing_a_product_is_no_release_but_releasing_people_is() -> None:
    assert not coded("Nintendo released a new game for Peru.")
    assert _of("Chile released two Peruvian fishermen on Monday.", "RETREAT") == {(("Chile",), ("Peru",))}
    assert _of("The rebels released three hostages to Chile.", "RETREAT") == {(("rebels",), ("Chile",))}


def test_a_programme_or_a_debate_hosted_is_no_visit() -> None:
    assert not coded("Ana Ruiz hosted Juan Ortega's town hall on Tuesday.")
    assert not coded("The network aired Juan Ortega's town hall, which was hosted by Ana Ruiz.")
    assert _of("Chile hosted the Peruvian delegation.", "CONSULT") == {(("Chile",), ("Peru",))}


def test_a_seat_written_with_a_hyphen_is_no_side_even_when_the_parse_coordinates_it() -> None:
    body = "Germany-based carmaker Autowerk and Japan-based retailer Sakura Holdings signed an agreement."
    assert not any("Japan" in [*s, *t] for _, s, t, _ in coded(body))  # (the parse: "Autowerk and Japan")
    assert _of("The Qatar-based broadcaster Al Jazeera criticized Egypt.", "ACCUSE") == {
        (("Al Jazeera",), ("Egypt",))
    }


def test_us_in_a_speakers_words_is_the_country_not_the_speaker() -> None:
    body = (
        'Chile banned Andes Air on Monday. Juan Ortega said it is possible "that this airline affects our '
        'security," and the ban followed talks with the US.'
    )
    assert _of(body, "CONSULT") == {(("Chile",), ("United States",))}


def test_a_date_the_model_ran_into_a_name_is_cut_off_and_the_name_is_one_actor() -> None:
    ad = analyse("Chile banned Andes Air on Monday. Chile lifted the ban on Andes Air last week.")
    orgs = [e.name for e in ad.entities if e.type == "ORG"]
    assert orgs == ["Andes Air"]


def test_telling_or_wanting_a_side_to_act_demands_it_of_that_side() -> None:
    assert _of("Peru told Chile to withdraw its troops.", "REQUEST") == {(("Peru",), ("Chile",))}
    [(typ, src, tgt, ev)] = coded("Peru wanted Chile to pay compensation.")
    assert (typ, src, tgt, ev.cameo) == ("REQUEST", ["Peru"], ["Chile"], "100")
    assert [ev.negated for *_, ev in coded("Peru did not want Chile to join the alliance.")] == [True]
    assert not coded("Chile wants to join the alliance.")  # (no one named: an intent of its own, if any)
    assert not coded("Peru wants Chile to be its partner.")  # (no act)


def test_intelligence_given_or_passed_is_shared() -> None:
    for body in (
        "Chile provided intelligence to Peru.",
        "Chile provided Peru with intelligence on the rebels.",
        "Chile passed intelligence to Peru about the attack.",
    ):
        [(typ, src, tgt, ev)] = coded(body)
        assert (typ, src, tgt, ev.cameo) == ("COOPERATE", ["Chile"], ["Peru"], "064"), body
    assert not coded("Chile provided information to Peru.")  # (a statement, as the compiled block has it)


def test_a_judgement_adjective_the_parse_made_the_objects_head_still_judges() -> None:
    assert _of("Chile called Peru's decision inappropriate.", "ACCUSE") == {(("Chile",), ("Peru",))}


def test_personnel_and_staff_named_by_a_demonym_stand_for_their_state() -> None:
    body = "Chilean soldiers have made threats against Peruvian personnel."
    assert _of(body, "THREATEN") == {(("Chile",), ("Peru",))}


def test_a_reception_hosted_for_a_visitor_and_a_blacklisting() -> None:
    assert _of("Ana Ruiz hosted a reception for the Peruvian delegation.", "CONSULT") == {
        (("Ana Ruiz",), ("Peru",))
    }
    assert not coded("Ana Ruiz hosted a fundraising dinner for her campaign.")
    assert _of("Washington added two Chilean firms to its trade blacklist.", "SANCTION") == {
        (("United States",), ("Chile",))
    }
    assert not coded("Chile added two new members to its cabinet.")


def test_private_people_named_by_a_demonym_do_nothing_for_their_state() -> None:
    assert not coded("Peruvian tourists visited Chile in record numbers last year.")
    assert not coded("Chilean students criticized Peru's education minister.")
    assert _of("Peruvian soldiers attacked Chilean positions.", "ASSAULT") == {(("Peru",), ("Chile",))}
    assert _of("Chile detained two Peruvian fishermen.", "COERCE") == {(("Chile",), ("Peru",))}


def test_names_for_a_state_that_breaks_the_rules_accuse_it() -> None:
    assert _of('"Peru is a rogue state," Chilean Foreign Minister Ana Ruiz told reporters.', "ACCUSE") == {
        (("Ana Ruiz",), ("Peru",))
    }
    assert _of("Ruiz described Peru as an occupier.", "ACCUSE") == {(("Ruiz",), ("Peru",))}
    assert _of('"Peru has crossed a red line," Ruiz said.', "ACCUSE") == {(("Ruiz",), ("Peru",))}


def test_an_extradition_approved_is_judicial_cooperation_and_fighting_one_is_no_fight() -> None:
    [(typ, src, tgt, ev)] = coded("Peru approved the extradition of Juan Ortega to Chile.")
    assert (typ, src, tgt, ev.cameo) == ("COOPERATE", ["Peru"], ["Chile"], "063")
    assert not coded("Juan Ortega fought his extradition to Chile.")
    assert not coded("Chile fought the ruling by the Peruvian court.")
    assert _of("Peru fought Chile in the war of 1879.", "ASSAULT") == {(("Peru",), ("Chile",))}


def test_a_side_hit_with_tariffs_is_sanctioned_and_battling_charges_is_no_battle() -> None:
    for body in ("Chile hit Peru with new tariffs.", "Chile slapped Peru with sanctions."):
        got = {(t, tuple(s), tuple(g)) for t, s, g, _ in coded(body)}
        assert got == {("SANCTION", ("Chile",), ("Peru",))}, body
    assert not coded("Chile battled the charges in a Peruvian court.")
    body = "Chilean troops battled Peruvian forces near the border."
    assert _of(body, "ASSAULT") == {(("Chile",), ("Peru",))}


def test_a_place_where_a_thing_is_released_is_no_one_released() -> None:
    assert not coded("Netflix released the documentary in Peru and Chile.")
    assert _of("The rebels released three hostages to Chile.", "RETREAT") == {(("rebels",), ("Chile",))}


def test_national_teams_beating_each_other_in_a_match_or_by_a_score_is_no_fight() -> None:
    assert not coded("Chile beat Peru 2-0 in the World Cup qualifier.")
    assert not coded("Chile defeated Peru in the Copa America final.")
    assert _of("Chilean forces defeated Peru in the final battle of the war.", "ASSAULT") == {
        (("Chile",), ("Peru",))
    }


def test_a_side_helped_to_act_that_the_parse_hung_on_the_infinitive_is_helped() -> None:
    assert _of("Chile helped Peru rebuild its roads.", "AID") == {(("Chile",), ("Peru",))}
    assert _of("Chile helped Peru battle the blaze.", "AID") == {(("Chile",), ("Peru",))}
    assert not coded("Chile helped negotiate the deal.")  # (help with an act, given to no one)


def test_agreeing_or_refusing_to_hand_someone_over_is_aimed_at_the_receiver() -> None:
    assert _of("Peru agreed to extradite Juan Ortega to Chile.", "AGREE") == {(("Peru",), ("Chile",))}
    assert _of("Peru refused to extradite Juan Ortega to Chile.", "REJECT") == {(("Peru",), ("Chile",))}
    assert _of("Chile refused to meet Juan Ortega in Lima.", "REJECT") == {(("Chile",), ("Juan Ortega",))}


def test_a_view_granted_in_a_that_clause_is_no_act_toward_anyone() -> None:
    assert not coded("Chile recognized that the talks with Peru had failed.")
    assert not coded("Chile agreed that the border with Peru should be demarcated.")
    conceded = coded("Chile conceded that its troops had crossed into Peru.")
    assert "CONCEDE" not in {t for t, *_ in conceded}  # (what it grants may be coded on its own)
    assert _of("Chile agreed with Peru on a ceasefire.", "AGREE") == {(("Chile",), ("Peru",))}
    assert _of("Chile recognized Juan Ortega as the president of Peru.", "SUPPORT") == {
        (("Chile",), ("Juan Ortega",))
    }


def test_idioms_of_threat_and_betrayal_in_a_quote() -> None:
    body = '"We will respond to Chile with all means at our disposal," Juan Ortega said.'
    assert _of(body, "THREATEN") == {(("Juan Ortega",), ("Chile",))}
    body = '"Chile stabbed us in the back," Juan Ortega said.'
    assert _of(body, "ACCUSE") == {(("Juan Ortega",), ("Chile",))}
