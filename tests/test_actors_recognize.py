"""Actor recognition rules (no statistical model: knowledge base and name/title rules only)."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from newsgraph.actors.rules import is_person_name, org_short_forms, person_short_forms
from newsgraph.errors import ConfigError
from newsgraph.pipeline.registry import Resources, default_stage_names
from newsgraph.text.headings import is_heading

from .actors_helpers import analyse, by_name, entity_of, mentions_of


def test_stage_runs_by_default() -> None:
    assert "actors" in default_stage_names()


def test_missing_model_is_a_clear_config_error(tmp_path: Path) -> None:
    import newsgraph.pipeline.stages.actors  # noqa: F401  (registers the loaders)

    res = Resources(model=str(tmp_path / "no-model"))
    with pytest.raises(ConfigError, match="spaCy model not found"):
        res.get("nlp")


def test_title_plus_name() -> None:
    ad = analyse("Talks\n\nRussian Deputy Foreign Minister Mikhail Bogdanov met the delegation on Monday.")
    e = by_name(ad, "Mikhail Bogdanov")
    assert e is not None and e.type == "PERSON"
    assert e.titles == ["Russian Deputy Foreign Minister"]
    assert e.affiliation is not None and "RUS" in (e.affiliation + str(by_name(ad, "Russia")))
    # the demonym gives affiliation and is a mention of Russia
    (m,) = [m for m in ad.mentions if m.text == "Russian"]
    assert m.kind == "demonym" and entity_of(ad, "Russian").kb_id == "state:RUS"  # type: ignore[union-attr]


def test_a_surname_that_is_also_a_title_word() -> None:
    text = "Brexit\n\nFormer prime minister John Major criticised the plan on Monday."
    ad = analyse(text, Resources())  # the model finds the name; the title rule must not drop it
    e = by_name(ad, "John Major")
    assert e is not None and e.type == "PERSON"
    assert by_name(ad, "Keshi Foreign Minister") is None


def test_honorific_and_single_name() -> None:
    ad = analyse("Sermon\n\nSheikh Ahmad Yassin spoke. Later Mr. Lavrov answered.")
    assert entity_of(ad, "Ahmad Yassin") is not None
    e = entity_of(ad, "Lavrov")
    assert e is not None and e.type == "PERSON"


def test_title_with_counterpart_before_name() -> None:
    ad = analyse("Envoy\n\nRussian Ambassador to Israel Anatoly Viktorov said the talks went well.")
    e = by_name(ad, "Anatoly Viktorov")
    assert e is not None and e.type == "PERSON"
    assert e.affiliation is not None  # Russia (the demonym), not Israel (the counterpart)
    rus = (
        next(x for x in ad.entities if x.kb_id == "state:RUS")
        if any(x.kb_id == "state:RUS" for x in ad.entities)
        else None
    )
    assert e.affiliation in ((rus.id,) if rus else ()) + ("kb:state:RUS",)


def test_bracketed_alias_joins_the_name() -> None:
    ad = analyse("Ramallah\n\nPresident Abu Mazen [Mahmoud Abbas] welcomed the decision.")
    e = entity_of(ad, "Abu Mazen")
    assert e is not None and e is entity_of(ad, "Mahmoud Abbas")
    assert {m.kind for m in mentions_of(ad, e)} == {"name", "alias"}


def test_apposition_names_a_person_and_a_title() -> None:
    ad = analyse(
        "Report\n\nHesham al-Taweel, a media adviser to the Sabil Movement, said the engineers were held."
    )
    e = by_name(ad, "Hesham al-Taweel")
    assert e is not None and e.type == "PERSON"
    assert "media adviser to the Sabil Movement" in e.titles
    org = by_name(ad, "Sabil Movement")
    assert org is not None and e.affiliation == org.id


def test_heading_gets_kb_and_known_names_only() -> None:
    text = (
        "Basem Naim Says Russia Is Crucial For Protecting Palestinians Today\n\n"
        "Hamas official Basem Naim spoke on Thursday. Naim said a lot."
    )
    ad = analyse(text)
    title_end = text.index("\n")
    in_title = {m.text for m in ad.mentions if m.end <= title_end}
    assert in_title == {"Basem Naim", "Russia", "Palestinians"}  # not "Crucial", "Protecting", "Today"


def test_kb_names_do_not_match_inside_hyphenated_words() -> None:
    ad = analyse("Conflict\n\nThe Arab-Israeli conflict and the Israeli-Palestinian talks were discussed.")
    assert not ad.mentions


def test_government_body_template() -> None:
    ad = analyse("Statement\n\nThe Russian Foreign Ministry said on Monday that the talks were useful.")
    e = entity_of(ad, "Russian Foreign Ministry")
    assert e is not None and e.kb_id == "org:foreign_ministry:RUS" and e.type == "ORG"
    assert e.affiliation is not None


def test_organisation_rule_and_acronym() -> None:
    ad = analyse(
        "Council\n\nThe Qadiri National Council (QNC) met in the capital. Later the QNC said it would wait."
    )
    e = entity_of(ad, "Qadiri National Council")
    assert e is not None and e.type == "ORG"
    assert entity_of(ad, "QNC") is e and entity_of(ad, "QNC", 1) is e


def test_offsets_point_into_the_original_text() -> None:
    ad = analyse("Title\n\nHamas official Basem Naim met Russian Deputy Foreign Minister Mikhail Bogdanov.")
    for m in ad.mentions:
        assert ad.text[m.start : m.end] == m.text
        assert ad.in_body(m.start, m.end)


def test_only_body_text_is_read() -> None:
    text = (
        "Talks in Moscow\n\nHamas official Basem Naim met the delegation on Thursday.\n\n"
        "2 Comments\n\nVladimir Putin is right.\n\nComments are closed."
    )
    ad = analyse(text)
    assert all(ad.in_body(m.start, m.end) for m in ad.mentions)
    assert by_name(ad, "Vladimir Putin") is None


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Unity of the Resistance", True),
        ("GAZA PORT", True),
        ("Hamas and the International Alliance", True),
        ("Naim said the talks in Moscow were useful and would continue next week.", False),
        ("Rejoining PLO", True),
    ],
)
def test_is_heading(text: str, expected: bool) -> None:
    assert is_heading(text) is expected


def test_name_helpers() -> None:
    assert person_short_forms("Yusuf al-Haddad") == ["al-Haddad", "Al-Haddad", "Haddad"]
    assert "Abu Marzouq" in person_short_forms("Musa Abu Marzouq")
    assert org_short_forms("Sabil Movement") == ["Sabil"]
    assert org_short_forms("Valdorian Assembly") == []
    assert is_person_name("Mousa Abu Marzouk")
    assert not is_person_name("Gaza")


def test_long_documents_are_read_in_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.pipeline.stages import parse

    monkeypatch.setattr(parse, "pieces", functools.partial(parse.pieces, limit=300))
    para = "Hamas official Basem Naim met Russian Deputy Foreign Minister Mikhail Bogdanov. " * 4
    ad = analyse("Title\n\n" + "\n\n".join([para] * 3))
    naim = [m for m in ad.mentions if m.text == "Basem Naim"]
    assert len(naim) == 12 and len({m.entity for m in naim}) == 1
    for m in ad.mentions:
        assert ad.text[m.start : m.end] == m.text


def test_user_kb_adds_people_and_aliases(tmp_path: Path) -> None:
    kb = tmp_path / "people.yaml"
    kb.write_text(
        "- {name: Mahmoud Abbas, type: PERSON, aliases: [Abu Mazen], affiliation: Fatah}\n", encoding="utf-8"
    )
    ad = analyse(
        "Talks\n\nAbu Mazen met the delegation. Mahmoud Abbas then left.",
        Resources(model="blank", kb_files=[str(kb)]),
    )
    e = entity_of(ad, "Abu Mazen")
    assert e is not None and e.type == "PERSON" and e.kb_id == "user:mahmoud_abbas"
    assert entity_of(ad, "Mahmoud Abbas") is e
    assert e.affiliation == "kb:org:fatah"


def test_a_body_the_kb_knows_for_one_state_given_to_another_is_that_states() -> None:
    """"Congress" alone is the US Congress in the KB; the Peruvian one is not."""
    for text in (
        "Vote\n\nThe Peruvian Congress debated the motion on Monday.",
        "Vote\n\nThe Congress of Peru debated the motion on Monday.",
        "Vote\n\nPeru's Congress debated the motion on Monday.",
    ):
        ad = analyse(text)
        peru = {e.id for e in ad.entities if e.kb_id == "state:PER"} | {"kb:state:PER"}
        bodies = [e for e in ad.entities if e.type == "ORG"]
        assert len(bodies) == 1 and bodies[0].kb_id is None and bodies[0].affiliation in peru, text
    ad = analyse("Vote\n\nThe US Congress debated the motion on Monday.")
    assert [e.kb_id for e in ad.entities if e.type == "ORG"] == ["org:us_congress"]


@pytest.mark.parametrize(
    "sentence",
    [
        "In the poll, Ann Ward led Tom Reyes 47 percent to 40 percent.",
        "Calderon defeated Marlow 45 points to 24 on Saturday.",
        "The firm pledged a donation of USD 1 million to the fund.",
        "It's 2.4 times the mass of the Sun.",
        "Time's 25 most influential people were named on Monday.",
        "Between 10 and 50 million years ago the disk formed.",
    ],
)
def test_a_name_before_a_quantity_is_no_numbered_broadcaster(sentence: str) -> None:
    ad = analyse(f"Report\n\n{sentence}")
    assert not [e.name for e in ad.entities if any(ch.isdigit() for ch in e.name)]


def test_a_broadcaster_named_with_a_number_is_still_found() -> None:
    ad = analyse("Report\n\nThe ministry's statement was broadcast by Castellan 24 on Monday.")
    assert by_name(ad, "Castellan 24") is not None


def test_a_state_named_as_a_currency_is_no_mention_of_it() -> None:
    ad = analyse(
        "Report\n\nChina invested nine billion US dollars and Canada paid 2 million Canadian dollars. "
        "The fund cost US$3.6 billion. The US welcomed it."
    )
    assert [m.text for m in ad.mentions if m.text in ("US", "Canadian")] == ["US"]
    (us,) = [m for m in ad.mentions if m.text == "US"]
    assert ad.text[us.end : us.end + 9] == " welcomed"


@pytest.mark.parametrize(
    ("sentence", "name", "title"),
    [
        ("Podcaster Spike Doran received the nomination.", "Spike Doran", "Podcaster"),
        ("Democrat Rod Calloway was jailed for corruption.", "Rod Calloway", "Democrat"),
    ],
)
def test_an_occupation_or_party_label_before_a_name_is_a_title(sentence: str, name: str, title: str) -> None:
    ad = analyse(f"Report\n\n{sentence}")
    e = by_name(ad, name)
    assert e is not None and e.type == "PERSON" and e.titles == [title]


@pytest.mark.parametrize(
    ("text", "acronym", "place"),
    [
        ("Researchers at the University of Southern California (USC) said so. USC agreed.", "USC",
         "California"),
        ("The premier of New South Wales (NSW) spoke. NSW closed its border.", "NSW", "Wales"),
    ],
)
def test_an_acronym_after_a_place_that_is_not_its_own_is_no_alias_of_the_place(
    text: str, acronym: str, place: str
) -> None:
    ad = analyse(f"Report\n\n{text}")
    e = by_name(ad, place)
    assert e is None or acronym not in [m.text for m in ad.mentions if m.entity == e.id]


def test_a_states_own_acronym_in_brackets_is_its_alias() -> None:
    ad = analyse("Report\n\nThe United Arab Emirates (UAE) signed the deal. The UAE said so.")
    e = by_name(ad, "United Arab Emirates")
    assert e is not None and "UAE" in [m.text for m in ad.mentions if m.entity == e.id]


def test_an_honorific_after_a_title_is_no_part_of_the_name() -> None:
    ad = analyse(
        "Talks\n\nQatari Emir Sheikh Tamim bin Hamad al-Thani met Major General Juan Ortega in Lima "
        "on Monday."
    )
    tamim, ortega = by_name(ad, "Tamim bin Hamad al-Thani"), by_name(ad, "Juan Ortega")
    assert tamim is not None and ortega is not None
    assert by_name(ad, "Hamad al-Thani") is None  # (another man: the emir's father)


def test_a_name_read_as_two_around_its_patronymic_particle_is_one() -> None:
    from newsgraph.actors.compounds import patronymic_pairs
    from newsgraph.actors.spans import Cand

    text = "On Monday, Tamim bin Hamad al-Thani met Tom Reyes and Chile ben Peru."
    cands = [
        Cand(11, 16, "Tamim", "PERSON", "model"),
        Cand(21, 35, "Hamad al-Thani", "PERSON", "given"),
        Cand(40, 49, "Tom Reyes", "PERSON", "model"),
        Cand(54, 59, "Chile", "STATE", "kb", kb_id="state:CHL"),
        Cand(64, 68, "Peru", "STATE", "kb", kb_id="state:PER"),
    ]
    got = [(c.text, c.label) for c in patronymic_pairs(text, cands)]
    assert got == [("Tamim bin Hamad al-Thani", "PERSON"), ("Tom Reyes", "PERSON"), ("Chile", "STATE"),
                   ("Peru", "STATE")]


def test_military_ranks_are_titles() -> None:
    ad = analyse(
        "Coup\n\nFiji's military commander, Commodore Tom Reyes, met Rear Admiral Juan Ortega on Monday."
    )
    assert by_name(ad, "Tom Reyes") is not None and by_name(ad, "Commodore Tom Reyes") is None
    assert by_name(ad, "Juan Ortega") is not None
