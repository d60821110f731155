"""Types, capital-city metonymy, venues and demonyms (rules only, no statistical model)."""

from __future__ import annotations

from pathlib import Path

from newsgraph.actors.classify import derived_demonyms
from newsgraph.pipeline.registry import Resources

from .actors_helpers import analyse, by_name, entity_of


def test_capital_acting_is_the_state() -> None:
    ad = analyse(
        "Reaction\n\nMoscow responded to the criticism on Friday. Washington's bias was obvious, he said."
    )
    m = next(m for m in ad.mentions if m.text == "Moscow")
    assert m.kind == "metonym"
    assert entity_of(ad, "Moscow").kb_id == "state:RUS"  # type: ignore[union-attr]
    assert entity_of(ad, "Washington").kb_id == "state:USA"  # type: ignore[union-attr]


def test_capital_as_venue_is_a_place_not_the_government() -> None:
    ad = analyse("Visit\n\nThe Hamas delegation arrived in Moscow on Thursday.")
    (m,) = [m for m in ad.mentions if m.text == "Moscow"]  # every named place is a LOCATION actor
    assert m.kind == "venue" and m.type == "LOCATION"
    venue = next(e for e in ad.entities if e.evidence.get("venue"))
    assert m.entity == venue.id
    assert venue.type == "LOCATION" and venue.name == "Moscow"
    s, e = venue.evidence["venue_spans"][0]
    assert ad.text[s:e] == "Moscow"
    assert ad.extras["actors.venues"][(s, e)] == venue.id


def test_same_capital_as_venue_and_as_government() -> None:
    ad = analyse("Visit\n\nThe delegation arrived in Moscow on Thursday. Moscow has long backed the talks.")
    mentions = [m for m in ad.mentions if m.text == "Moscow"]
    assert [m.kind for m in mentions] == ["venue", "metonym"]
    assert entity_of(ad, "Moscow").type == "LOCATION"  # type: ignore[union-attr]
    assert entity_of(ad, "Moscow", 1).kb_id == "state:RUS"  # type: ignore[union-attr]


def test_seat_of_government_stands_for_the_state() -> None:
    ad = analyse("Kremlin\n\nThe Kremlin said it would study the proposal.")
    assert entity_of(ad, "Kremlin").kb_id == "state:RUS"  # type: ignore[union-attr]


def test_demonyms() -> None:
    ad = analyse(
        "Gaza\n\nThe Israelis continue firing, and the Russian side expressed concern. "
        "Russian Deputy Foreign Minister Mikhail Bogdanov attended."
    )
    isr = entity_of(ad, "Israelis")
    assert isr is not None and isr.kb_id == "state:ISR"
    side = entity_of(ad, "Russian side")
    assert side is not None and side.kb_id == "state:RUS"
    # a demonym adjective before a title is a mention of the state ("Russian Deputy Foreign Minister")
    (rus,) = [m for m in ad.mentions if m.text == "Russian"]
    assert rus.entity == side.id and rus.kind == "demonym"
    assert {m.kind for m in ad.mentions if m.text in ("Israelis", "Russian side")} == {"demonym"}


def test_demonym_in_a_name_or_before_a_group_is_no_state_mention() -> None:
    ad = analyse(
        "Oil\n\nSaudi Aramco said output fell. Iraqi protesters marched. An Iranian airline flew on."
    )
    assert not [m for m in ad.mentions if m.text in ("Saudi", "Iraqi")]
    iran = entity_of(ad, "Iranian")
    assert iran is not None and iran.kb_id == "state:IRN"


def test_city_as_modifier_and_broad_regions_are_not_actors() -> None:
    ad = analyse("Peace\n\nThe Oslo agreement changed the Middle East, the speaker said.")
    assert not [m for m in ad.mentions if m.text in ("Oslo", "Middle East")]


def test_territory_is_a_location_actor() -> None:
    ad = analyse("War\n\nThe war in Gaza continued while talks about the West Bank stalled.")
    gaza = entity_of(ad, "Gaza")
    assert gaza is not None and gaza.type == "LOCATION" and gaza.kb_id == "place:gaza_strip"
    assert entity_of(ad, "West Bank") is not None


def test_user_kb_and_derived_demonyms(tmp_path: Path) -> None:
    """A user's KB entry without demonyms: "Valdorian" is derived from "Valdoria"."""
    kb = tmp_path / "actors.yaml"
    kb.write_text("- {name: Valdoria, type: STATE, aliases: [Republic of Valdoria]}\n", encoding="utf-8")
    text = (
        "Talks\n\nValdorian Foreign Minister Anatoly Vessin received the delegation. "
        "Valdoria said it keeps contacts with all parties, and the Valdorian side expressed concern."
    )
    ad = analyse(text, Resources(model="blank", kb_files=[str(kb)]))
    val = by_name(ad, "Valdoria")
    vessin = by_name(ad, "Anatoly Vessin")
    assert vessin is not None and vessin.titles == ["Valdorian Foreign Minister"]
    assert val is not None and val.type == "STATE" and vessin.affiliation == val.id
    assert val.kb_id == "user:valdoria"
    assert entity_of(ad, "Valdorian side") is val


def test_derived_demonyms() -> None:
    assert "Valdorian" in derived_demonyms("Valdoria")
    assert "Keshi" in derived_demonyms("Kesh")
    assert "Qadiri" in derived_demonyms("Qadira")
    assert derived_demonyms("Gaza Strip") == []


def test_collective_west() -> None:
    ad = analyse("Alliance\n\nHe criticised the United States and the West for their support.")
    west = entity_of(ad, "West")
    assert west is not None and west.type == "STATE"



def test_a_generic_institution_qualified_by_another_state_is_that_states() -> None:
    """ "Argentina's National Congress ... Congress will vote": not the KB's United States Congress
    (which the story never names); the trailing institution word is not cut off into a person."""
    ad = analyse(
        "Bill\n\nOn Sunday in Argentina's National Congress, President of Argentina Alberto Fernandez "
        "announced the bill. Congress will vote on it in March."
    )
    e = entity_of(ad, "Congress", 1)
    assert e is not None and e.kb_id is None and e.affiliation == by_name(ad, "Argentina").id
    assert by_name(ad, "Argentina's National") is None
