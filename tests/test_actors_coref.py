"""In-document coreference: short names, kunyas, descriptions, pronouns (rules only)."""

from __future__ import annotations

import pytest

from newsgraph.actors.refer import _described_as

from .actors_helpers import analyse, by_name, entity_of, mentions_of


def test_short_name_joins_full_name() -> None:
    ad = analyse("Interview\n\nHamas official Basem Naim spoke to reporters. Naim said the port was a trap.")
    e = entity_of(ad, "Basem Naim")
    assert e is not None and entity_of(ad, "Naim") is e
    assert e.titles == ["Hamas official"]
    assert e.affiliation == entity_of(ad, "Hamas").id  # type: ignore[union-attr]


def test_people_sharing_a_surname_stay_apart() -> None:
    text = (
        "Talks\n\nThe delegation was led by Yusuf al-Haddad, head of the movement's political bureau. "
        "The council's spokesman, Samir al-Haddad, disagreed. The two Haddads are not related."
    )
    ad = analyse(text)
    yusuf, samir = by_name(ad, "Yusuf al-Haddad"), by_name(ad, "Samir al-Haddad")
    assert yusuf is not None and samir is not None and yusuf.id != samir.id
    assert "spokesman" in " ".join(samir.titles)


def test_short_form_goes_to_the_nearest_full_name() -> None:
    text = (
        "Talks\n\nYusuf al-Haddad arrived first. Later Samir al-Haddad spoke to the press. "
        "Al-Haddad said the council wanted unity."
    )
    ad = analyse(text)
    assert entity_of(ad, "Al-Haddad") is by_name(ad, "Samir al-Haddad")


def test_kunya_known_as() -> None:
    text = (
        "Talks\n\n“We came for a ceasefire,” al-Haddad, who is also known as Abu Karim, told reporters. "
        "The QNC chairman Rafiq Mansour, known as Abu Kamal, left early. "
        "Abu Karim was more conciliatory."
    )
    ad = analyse(text)
    karim = entity_of(ad, "Abu Karim")
    assert (
        karim is not None and entity_of(ad, "al-Haddad") is karim and entity_of(ad, "Abu Karim", 1) is karim
    )
    kamal = entity_of(ad, "Abu Kamal")
    assert kamal is not None and kamal is entity_of(ad, "Rafiq Mansour") and kamal is not karim


def test_variant_spellings_in_one_document() -> None:
    ad = analyse(
        "Visit\n\nHamas official Mousa Abu Marzouk met officials. Later Hamas leader Musa Abu Marzouq "
        "and President Abu Mazen spoke."
    )
    marzouk = entity_of(ad, "Mousa Abu Marzouk")
    assert marzouk is not None and entity_of(ad, "Musa Abu Marzouq") is marzouk
    assert entity_of(ad, "Abu Mazen") is not marzouk


def test_descriptions() -> None:
    text = (
        "Interview\n\nSenior Hamas politburo official Basem Naim spoke on Thursday. "
        "“It helped,” the top Hamas official said. The movement has signed many documents."
    )
    ad = analyse(text)
    naim = by_name(ad, "Basem Naim")
    desc = [m for m in mentions_of(ad, naim) if m.kind == "description"]
    assert [m.text for m in desc] == ["the top Hamas official"]
    movement = [m for m in ad.mentions if m.text == "The movement"]
    assert movement and movement[0].entity == entity_of(ad, "Hamas").id  # type: ignore[union-attr]
    assert "top Hamas official" in naim.titles  # type: ignore[union-attr]


def _descriptions(text: str, name: str) -> list[str]:
    """The description mentions of the actor named ``name`` in ``text``."""
    ad = analyse(text)
    return [m.text for m in mentions_of(ad, entity_of(ad, name)) if m.kind == "description"]


def test_a_count_of_members_before_a_description_keeps_it_a_description() -> None:
    text = (
        "Summit\n\nThe Andean Community met in Lima on Sunday. The five-nation bloc condemned the coup. "
        "Leaders of the 10-member bloc recalled their envoys."
    )
    assert _descriptions(text, "Andean Community") == ["The five-nation bloc", "the 10-member bloc"]
    assert not [m for m in analyse("Summit\n\nThe five-nation bloc met.").mentions if m.kind == "description"]


def test_a_description_with_a_kind_or_a_word_of_the_name_refers_to_the_organisation() -> None:
    """ "the regional bloc", "the West African bloc": the bloc named last, also where the noun fits the
    word before the name's "of" phrase ("Economic *Community* of West African States"); a word not of
    its name ("the Asian bloc") is another bloc."""
    text = (
        "Summit\n\nThe Economic Community of West African States met in Accra on Sunday. The regional "
        "bloc condemned the coup. The West African bloc recalled its envoys. The Asian bloc said nothing."
    )
    desc = _descriptions(text, "Economic Community of West African States")
    assert desc == ["The regional bloc", "The West African bloc"]


def test_unclear_description_is_left_unresolved() -> None:
    ad = analyse("Meeting\n\nThe talks ended. The Russian diplomat said nothing.")
    assert not [m for m in ad.mentions if m.kind == "description"]


def test_pronouns() -> None:
    text = "Interview\n\nHamas official Basem Naim spoke on Thursday. He said the port was a trap."
    ad = analyse(text)
    he = next(m for m in ad.mentions if m.text == "He")
    assert he.kind == "pronoun" and he.entity == by_name(ad, "Basem Naim").id  # type: ignore[union-attr]


def test_ambiguous_pronoun_is_left_unresolved() -> None:
    text = (
        "Meeting\n\nHe arrived late. Hamas official Basem Naim met Deputy Foreign Minister Mikhail Bogdanov "
        "and Foreign Minister Sergey Lavrov, and she left."
    )
    ad = analyse(text)
    assert not [m for m in ad.mentions if m.kind == "pronoun"]


def test_a_linked_pronoun_carries_its_person_to_the_next_pronouns() -> None:
    text = (
        "Obituary\n\nAnn Cole had one son with her first husband, Lee Ray. "
        "She was also married to Dale Fox and Marty Penn, whom she divorced in 1981. "
        "She said Ray had been cruel to her."
    )
    ad = analyse(text)
    cole = by_name(ad, "Ann Cole")
    shes = [m for m in ad.mentions if m.text in ("She", "she")]
    assert len(shes) == 3 and cole is not None and all(m.entity == cole.id for m in shes)


def test_him_is_the_one_person_named_earlier_in_its_sentence() -> None:
    text = (
        "Sanctions\n\nDeputy Foreign Minister Mikhail Bogdanov met the envoy. "
        "Last year the council called Fatah official Jibril Rajoub a threat and imposed sanctions on him."
    )
    ad = analyse(text)
    him = next(m for m in ad.mentions if m.text == "him")
    assert him.entity == by_name(ad, "Jibril Rajoub").id  # type: ignore[union-attr]


def test_organisation_short_form_and_suffix() -> None:
    text = (
        "Talks\n\nThe Sabil Movement sent a delegation to the Valdorian Foreign Ministry. "
        "A Sabil spokesman said the Foreign Ministry was welcoming."
    )
    ad = analyse(text)
    sabil = entity_of(ad, "Sabil Movement")
    assert sabil is not None and entity_of(ad, "Sabil") is sabil
    assert entity_of(ad, "Foreign Ministry") is entity_of(ad, "Valdorian Foreign Ministry")


def test_a_later_word_of_a_persons_name_used_alone_is_that_person() -> None:
    """ "Peter Luk Banda ... Luk": a middle name used as the short name, even where the model
    takes it for a place; a compound surname's first part ("Maria Lopez Garza ... Lopez")."""
    from newsgraph.actors.compounds import name_parts
    from newsgraph.actors.spans import Cand

    full = Cand(0, 15, "Peter Luk Banda", "PERSON", "model")
    alone = Cand(40, 43, "Luk", "LOCATION", "model")
    known_place = Cand(50, 53, "Luk", "LOCATION", "kb", kb_id="place:1")
    name_parts([full, alone, known_place])
    assert alone.label == "PERSON" and alone.meta["alias_person"] == 0
    assert known_place.label == "LOCATION" and "alias_person" not in known_place.meta
    # a word that is also another person's first name, or part of two people's names, stays as it is
    paul = [Cand(0, 15, "John Paul Jones", "PERSON", "model"), Cand(20, 30, "Paul Smith", "PERSON", "model"),
            Cand(40, 44, "Paul", "PERSON", "model")]
    name_parts(paul)
    assert "alias_person" not in paul[2].meta
    from .events_helpers import analyse as analyse_with_model

    body = "Governor Maria Lopez Garza was sworn in on Monday. Later Lopez said she would stay."
    ad = analyse_with_model(body)
    assert [e.name for e in ad.entities if e.type == "PERSON"] == ["Maria Lopez Garza"]


def test_a_bare_surname_is_not_the_relative_introduced_by_kinship() -> None:
    text = (
        "Obituary\n\nThe painter Ruth Calloway died on Sunday, her son Peter Calloway told reporters. "
        "Calloway had been ill for a year. Calloway's work hangs in forty museums."
    )
    ad = analyse(text)
    ruth = by_name(ad, "Ruth Calloway")
    assert ruth is not None and entity_of(ad, "Calloway") is ruth
    assert by_name(ad, "Peter Calloway") is not ruth


@pytest.mark.parametrize(
    "text",
    [
        "Shutdown\n\nNova Media Corporation is the largest television broadcasting company in the "
        "country. The regulator ordered the network to stop broadcasting on Monday.",
        # introduced by either of the two words before the name
        "Shutdown\n\nThe franchise of broadcast corporation Nova Media Corporation expired on Monday. "
        "The regulator ordered the network to stop broadcasting.",
    ],
)
def test_an_organisation_is_the_description_it_was_introduced_with(text: str) -> None:
    ad = analyse(text)
    nova = entity_of(ad, "Nova Media Corporation")
    network = [m for m in ad.mentions if m.text == "the network"]
    assert nova is not None and network and network[0].entity == nova.id


def test_a_commission_or_a_federation_is_the_last_one_named() -> None:
    text = (
        "Licence\n\nThe Valdorian Telecommunications Commission fined Nova Media on Monday. The commission "
        "said the Valdorian Chess Federation had complained. The federation welcomed the fine."
    )
    ad = analyse(text)
    commission = entity_of(ad, "Valdorian Telecommunications Commission")
    federation = entity_of(ad, "Valdorian Chess Federation")
    assert commission is not None and federation is not None
    assert [m.entity for m in ad.mentions if m.text == "The commission"] == [commission.id]
    assert [m.entity for m in ad.mentions if m.text == "The federation"] == [federation.id]


def test_a_description_before_of_is_a_mention_only_after_an_accusing_verb() -> None:
    text = (
        "Case\n\nNova Media Corporation, a media company, lost the case. The minister accused the company "
        "of fraud. The company of the minister's brother won."
    )
    ad = analyse(text)
    nova = entity_of(ad, "Nova Media Corporation")
    company = [m for m in ad.mentions if m.text.lower() == "the company"]
    assert nova is not None and [m.entity for m in company] == [nova.id]


def test_a_name_after_a_comma_is_no_description_of_the_organisation_before() -> None:
    text = "a delegation of the Nova Movement, the Valdorian Foreign Ministry said."
    assert _described_as(text, text.index(",")) == set()
    text = "Nova Media, the largest Valdorian broadcasting company in the region, closed."
    assert {"broadcasting", "company"} <= _described_as(text, text.index(","))


def test_a_place_before_a_title_is_the_holders_affiliation() -> None:
    ad = analyse("Storm\n\nWisconsin Governor Tony Evers deployed the national guard on Monday.")
    evers, wisconsin = entity_of(ad, "Tony Evers"), entity_of(ad, "Wisconsin")
    assert evers is not None and wisconsin is not None and evers.affiliation == wisconsin.id


def test_a_coined_company_name_stands_for_its_corporation_but_a_plain_word_does_not() -> None:
    text = (
        "Shutdown\n\nThe franchise of broadcaster NMC-TV expired. NMC-TV Corporation said on Monday it "
        "would appeal. The National Corporation said nothing. National teams played on."
    )
    ad = analyse(text)
    nmc = entity_of(ad, "NMC-TV Corporation")
    assert nmc is not None and [m.entity for m in ad.mentions if m.text == "NMC-TV"] == [nmc.id]
    assert not [m for m in ad.mentions if m.text == "National"]


def test_the_house_is_the_last_house_of_something_named() -> None:
    text = (
        "Vote\n\nThe US House of Representatives met on Monday. Later the House voted against the plan. "
        "The House Ethics Committee said nothing. Reporters waited at the White House."
    )
    ad = analyse(text)
    house = entity_of(ad, "US House of Representatives")
    assert house is not None and [m.entity for m in ad.mentions if m.text == "House"] == [house.id]
    assert entity_of(ad, "House Ethics Committee") is not house
    assert entity_of(ad, "White House") is not house


def test_the_house_with_no_house_named_before_is_no_mention() -> None:
    ad = analyse("Vote\n\nLater the House voted against the plan of Senator Ann Ward.")
    assert not [m for m in ad.mentions if m.text == "House"]


def test_a_name_whose_first_words_are_joined_by_and_is_one_organisation() -> None:
    ad = analyse("Parties\n\nThe Life and Liberty Party nominated a ticket. The Bread and Roses Party met.")
    assert entity_of(ad, "Life and Liberty Party") is not None
    assert entity_of(ad, "Bread and Roses Party") is not None
    assert entity_of(ad, "Liberty Party") is None


def test_two_bodies_joined_by_and_stay_two() -> None:
    ad = analyse("Fire\n\nResponders included the Secret Service and US Park Police on Monday.")
    assert entity_of(ad, "US Park Police") is not None
    assert not [m for m in ad.mentions if " and " in m.text]


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("Governor Ann Reyes spoke. Senator Tom Ward left. The governor thanked him.", "Ann Reyes"),
        ("Judge Ann Reyes ruled. Ms Lee objected. The judge left.", "Ann Reyes"),
        ("Prime Minister Ann Reyes and Foreign Minister Tom Ward met. The prime minister left.", "Ann Reyes"),
    ],
)
def test_the_judge_or_the_prime_minister_is_the_last_named_holder(text: str, holder: str) -> None:
    ad = analyse("News\n\n" + text)
    desc = [m for m in ad.mentions if m.kind == "description"]
    assert [m.entity for m in desc] == [by_name(ad, holder).id]  # type: ignore[union-attr]


def test_the_prime_minister_is_not_a_foreign_minister() -> None:
    ad = analyse("News\n\nForeign Minister Tom Ward spoke. The prime minister left.")
    assert not [m for m in ad.mentions if m.kind == "description"]


def test_a_places_governor_is_the_person_of_that_place_with_the_title() -> None:
    text = (
        "News\n\nOhio Governor Ann Reyes named an aide. Ohio official Tom Ward opposed "
        "the Ohio Governor's plan."
    )
    ad = analyse(text)
    desc = [m for m in ad.mentions if m.kind == "description"]
    assert [m.entity for m in desc] == [by_name(ad, "Ann Reyes").id]  # type: ignore[union-attr]
