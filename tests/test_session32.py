"""Session 32: constructions found missing or wrong on unseen news (an audit of 28 more Wikinews
articles outside the dev set): names cut at their particle, a whip's title, a verb the parse read as
an adjective before a possessed object, standing down, allegations from someone, a reported clause
that is an adverbial one, and the purpose of a payment done by whom was paid.

The sentences are written for these tests (made-up situations between real states and made-up
people and groups), not taken from any article.
"""

from __future__ import annotations

from newsgraph.ingest.clean import find_boilerplate

from .events_helpers import analyse, coded
from .events_helpers import pairs_of as _of


def _people(body: str) -> dict[str, list[str]]:
    return {e.name: e.titles for e in analyse(body).entities if e.type == "PERSON"}


def test_a_name_never_ends_with_its_particle() -> None:
    # the model read "Said" as the verb and stopped the name at "bin"
    body = "On Friday, Khalid bin Said, the long-serving ruler of the emirate, died aged 79."
    assert "Khalid bin Said" in _people(body)
    body = "His successor, Faisal bin Tariq Al Said, attended funeral prayers in the capital."
    assert "Faisal bin Tariq Al Said" in _people(body)


def test_an_elided_particle_after_a_name_is_part_of_it() -> None:
    assert "Juan Ortega d'Arcy" in _people("Former president Juan Ortega d'Arcy attended the funeral.")


def test_a_place_inside_a_longer_place_name_is_not_that_place() -> None:
    # "Parliament of New South Wales" is not Wales: the place is the last word of a longer name
    ad = analyse("The Parliament of New South Wales passed the bill on Thursday.")
    assert {e.name for e in ad.entities} == {"Parliament of New South Wales"}


def test_national_legislatures_with_names_of_their_own_are_known() -> None:
    ad = analyse("Taiwan's Legislative Yuan voted 66 to 27 on Friday to legalize the measure.")
    names = {e.name: e.type for e in ad.entities}
    assert names.get("Legislative Yuan") == "ORG" and "Yuan" not in names


def test_a_whip_is_a_title_not_part_of_the_name() -> None:
    people = _people("Senate Minority Whip Ana Ruiz questioned the President's power.")
    assert people.get("Ana Ruiz") == ["Whip"]


def test_a_verb_read_as_an_adjective_before_a_possessed_object() -> None:
    # "opposed Senator Ana Ruiz's position": no adjective comes before a possessor, so "opposed" is
    # the verb of the name set off before it
    body = "Juan Ortega, a Chilean activist, opposed Senator Ana Ruiz's position on the border."
    assert _of(body, "ACCUSE") == {(("Juan Ortega",), ("Ana Ruiz",))}


def test_standing_down_leaves_an_office_of_ones_own_side() -> None:
    body = "Peruvian President Juan Ortega stood down on Monday."
    assert _of(body, "RETREAT") == {(("Juan Ortega",), ("Peru",))}


def test_addressing_allegations_from_someone_tells_their_accusation() -> None:
    body = "Senator Juan Ortega addressed the allegations of fraud from Senator Ana Ruiz on television."
    assert _of(body, "ACCUSE") == {(("Ana Ruiz",), ("Juan Ortega",))}
    # allegations from no one named accuse no one
    assert _of("Senator Juan Ortega addressed the allegations on television.", "ACCUSE") == set()


def test_a_clause_opened_by_while_is_not_what_was_told() -> None:
    body = (
        'Chilean senator Ana Ruiz, the Senate minority leader, told CNN Ortega "was a great man," while '
        'Peruvian President Tom Reyes noted his "strength, passion and wisdom" on Twitter.'
    )
    said = {(q.speaker, q.text) for q in analyse(body).quotes}
    names = {e.id: e.name for e in analyse(body).entities}
    assert {(names[s], t) for s, t in said} == {
        ("Ana Ruiz", "was a great man"),
        ("Tom Reyes", "strength, passion and wisdom"),
    }
    # so her praise is not of the other speaker
    assert ("Tom Reyes",) not in {t for _, t in _of(body, "SUPPORT")}


def test_a_choice_named_by_a_bare_complement() -> None:
    # "named X its nominee" as "named X as its nominee"
    body = "The Andean Reform Party named Juan Ortega its presidential nominee on Monday."
    assert _of(body, "SUPPORT") == {(("Andean Reform Party",), ("Juan Ortega",))}
    # ... and in the passive, whose nominee the subject was named
    body = "Juan Ortega was named the presidential nominee of the Andean Reform Party on Monday."
    assert _of(body, "SUPPORT") == {(("Andean Reform Party",), ("Juan Ortega",))}
    # a bare complement that names no choice is no endorsement
    assert _of("The Andean Reform Party named Juan Ortega its treasurer on Monday.", "SUPPORT") == set()


def test_the_purpose_of_a_payment_is_done_by_whom_was_paid() -> None:
    body = "The paper reported that Peru was paying bounties to the Andean Front to kill Chilean soldiers."
    assert _of(body, "ASSAULT") == {(("Andean Front",), ("Chile",))}
    # paid to attack: the attack was the aim, not a deed told
    assert [e.hypothetical for t, _, _, e in coded(body) if t == "ASSAULT"] == [True]
    body = "Peru was paying the Andean Front to attack Chilean soldiers."
    assert _of(body, "ASSAULT") == {(("Andean Front",), ("Chile",))}
    # a purpose of one's own journey stays one's own ("sent troops to Bolivia to fight": Peru's troops)
    got = [(t, s) for t, s, _, _ in coded("Peru sent troops to Bolivia to fight the Andean Front.")]
    assert ("ASSAULT", ["Bolivia"]) not in got


def test_a_purpose_the_parse_hung_on_the_place_is_the_travellers() -> None:
    body = "Chilean Foreign Minister Juan Ortega flew to Lima on Monday to meet Peruvian President Ana Ruiz."
    assert _of(body, "CONSULT") == {(("Juan Ortega", "Chile"), ("Ana Ruiz", "Peru"))}


def test_a_protest_begun_or_held_outside_a_governments_building() -> None:
    body = "Chilean activist Ana Ruiz began her protest on August 20 outside of the Peruvian Congress."
    assert _of(body, "PROTEST") == {(("Ana Ruiz",), ("Peruvian Congress",))}
    body = "Chilean activist Ana Ruiz staged a protest outside the Peruvian embassy."
    assert _of(body, "PROTEST") == {(("Ana Ruiz",), ("Peruvian embassy",))}


def test_a_caption_closed_by_its_image_credit_is_boilerplate() -> None:
    body = "Ana Ruiz spoke in Lima on Monday. Peru and Chile met on Tuesday to discuss the border.\n\n"
    captions = ["Protesters at the march in Lima. Image: Ann Gray (flickr).", "Juan OrtegaImage: Tom Reyes."]
    text = "A headline\n\n" + body + "\n\n".join(captions) + "\n"
    got = {text[e.start : e.end]: e.kind for e in find_boilerplate(text)}
    assert got == {c: "caption" for c in captions}


def test_a_view_shared_between_two_people_is_no_agreement() -> None:
    body = "Senator Juan Ortega agreed with Senator Ana Ruiz, saying that jobs are more important."
    assert _of(body, "AGREE") == set()
    # agreeing with someone to do something, or on something, is agreeing
    body = "Senator Juan Ortega agreed with Senator Ana Ruiz to hold talks."
    assert _of(body, "AGREE") == {(("Juan Ortega",), ("Ana Ruiz",))}
    assert _of("Peru agreed with Chile on a ceasefire.", "AGREE") == {(("Peru",), ("Chile",))}
    body = "Refusing to give up power, Juan Ortega agreed to power-sharing in which Ana Ruiz became premier."
    assert _of(body, "AGREE") == {(("Juan Ortega",), ("Ana Ruiz",))}


def test_a_named_act_under_a_verb_of_weighing_it_was_made() -> None:
    body = (
        "Democrats cited the Republicans' refusal to consider President Juan Ortega's nomination of Ana Ruiz."
    )
    assert [(t, e.hypothetical) for t, _, _, e in coded(body)] == [("SUPPORT", False)]
    # one's own act under such a verb is only weighed
    assert [e.hypothetical for _, _, _, e in coded("Peru is considering sanctions against Chile.")] == [True]


def test_a_name_before_a_policy_or_law_is_part_of_its_name() -> None:
    ad = analyse("Senator Ana Ruiz renewed her support for the Green New Deal on Monday.")
    assert {e.name for e in ad.entities} == {"Ana Ruiz"}
    assert coded("Senator Ana Ruiz renewed her support for the Green New Deal on Monday.") == []
    assert {e.name for e in analyse("Chile signed the Paris Agreement in 2016.").entities} == {"Chile"}
    # nor is a known party's short name there ("Green" of the Green Party)
    body = "The Green Party nominated Ana Ruiz. Ruiz renewed her support for the Green New Deal."
    assert _of(body, "SUPPORT") == {(("Green Party",), ("Ana Ruiz",))}


def test_a_candidates_campaign_is_an_organisation_of_its_own() -> None:
    body = "Senator Ana Ruiz is running for president. The Ruiz campaign accused Juan Ortega of lying."
    assert _of(body, "ACCUSE") == {(("Ruiz campaign",), ("Juan Ortega",))}


def test_a_protest_at_a_governments_seat_is_against_that_government() -> None:
    body = "Andean Front activists protested outside the Kremlin on Monday."
    assert _of(body, "PROTEST") == {(("Andean Front",), ("Russia",))}
    # a square or a town is a place, not a target
    assert _of("Andean Front activists protested outside the town hall on Monday.", "PROTEST") == set()


def test_words_of_nomination_attack_and_lawsuit() -> None:
    body = "Juan Ortega won the renomination of the Andean Party on Monday."
    assert _of(body, "SUPPORT") == {(("Andean Party",), ("Juan Ortega",))}
    # one person hammering another is criticism, not an assault
    body = "Senator Ana Ruiz hammered Senator Juan Ortega on Monday."
    assert _of(body, "ACCUSE") == {(("Ana Ruiz",), ("Juan Ortega",))} and _of(body, "ASSAULT") == set()


def test_an_act_referred_to_is_not_negated_by_the_verb_that_mentions_it() -> None:
    body = "Senator Ana Ruiz did not mention Juan Ortega's criticism of Peru."
    assert [(t, e.negated) for t, _, _, e in coded(body)] == [("ACCUSE", False)]
    # the noun's own verbs still negate it
    assert [e.negated for _, _, _, e in coded("Peru did not win Chile's endorsement.")] == [True]


def test_who_after_a_name_in_an_unnamed_relatives_of_phrase_is_the_relative() -> None:
    body = (
        "Meanwhile, a new allegation surfaced from a woman, a niece of Ortega's 2008 Senate opponent "
        "Ana Ruiz, who claimed Juan Ortega commented on her appearance."
    )
    assert _of(body, "ACCUSE") == set()


def test_an_adjective_of_disapproval_after_a_linking_verb() -> None:
    body = "Senator Juan Ortega became disillusioned with the Andean Party in 2004."
    assert _of(body, "ACCUSE") == {(("Juan Ortega",), ("Andean Party",))}
    assert _of("Senator Juan Ortega grew critical of Peru.", "ACCUSE") == {(("Juan Ortega",), ("Peru",))}


def test_the_people_named_by_a_demonym_that_is_its_own_plural_are_their_state() -> None:
    assert _of("The French accused Germany of spying on Monday.", "ACCUSE") == {(("France",), ("Germany",))}
    # a demonym before a noun stays an adjective
    assert {e.name for e in analyse("The British government said so.").entities} == {"United Kingdom"}


def test_warm_words_said_of_someone_praise_them() -> None:
    body = (
        "Former Peruvian president Juan Ortega died on Friday. Chilean President Ana Ruiz said of Ortega, "
        '"He incarnated a Peru that was true to its universal values."'
    )
    assert _of(body, "SUPPORT") == {(("Ana Ruiz",), ("Juan Ortega",))}
    # plain facts said of someone are neither praise nor blame
    assert coded('Chilean President Ana Ruiz said of Juan Ortega, "He was born in Lima in 1932."') == []


def test_a_selection_or_a_news_story_named_later_is_its_doers() -> None:
    body = (
        "Senator Ana Ruiz picked Juan Ortega as her running mate. Senator Tom Reyes criticized the selection."
    )
    assert (("Tom Reyes",), ("Ana Ruiz",)) in _of(body, "ACCUSE")
    body = "The Lima Times reported that Peru had spied on Chile. Peruvian officials denied the story."
    assert _of(body, "REJECT") == {(("Peru",), ("Lima Times",))}
    # an offer rejected later is a rejection of whoever offered it
    assert _of("Peru offered Chile a ceasefire on Monday. Chile rejected the offer.", "REJECT") == {
        (("Chile",), ("Peru",))
    }
