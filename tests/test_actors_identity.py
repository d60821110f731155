"""Identity rules of issue 16: one actor per real actor inside a document (rules only, no model)."""

from __future__ import annotations

from newsgraph.actors.coref import written_as
from newsgraph.text.names import STRONG, compare_names

from .actors_helpers import analyse, by_name, entity_of, mentions_of


def test_middle_initial_is_part_of_the_name() -> None:
    ad = analyse(
        "Adviser out\n\nThe president asked for national security advisor John R. Bolton's resignation. "
        "Bolton left on Tuesday."
    )
    e = entity_of(ad, "John R. Bolton")
    assert e is not None and e.type == "PERSON"
    assert entity_of(ad, "Bolton") is e
    assert not any(m.text == "John R" for m in ad.mentions)


def test_state_in_a_title_before_a_name_is_the_affiliation() -> None:
    ad = analyse(
        "Visit\n\nOn Tuesday, United States President Donald Trump met the delegation. "
        "The United States said the talks went well."
    )
    trump = by_name(ad, "Donald Trump")
    assert trump is not None
    us = [m for m in ad.mentions if m.text == "United States"]
    assert len(us) == 1 and us[0].start > ad.text.index("Trump")  # the title's state is no mention
    assert trump.affiliation == us[0].entity


def test_demonym_in_a_title_stays_a_mention() -> None:
    ad = analyse("Critic\n\nNavalny is a critic of Russian president Vladimir Putin.")
    assert [m.kind for m in ad.mentions if m.text == "Russian"] == ["demonym"]


def test_generic_military_is_the_state() -> None:
    ad = analyse("Strike\n\nThe U.S. military said the strike was ordered. Afghan forces were attacked.")
    us = entity_of(ad, "U.S. military")
    assert us is not None and us.type == "STATE" and us.kb_id == "state:USA"
    afg = entity_of(ad, "Afghan forces")
    assert afg is not None and afg.kb_id == "state:AFG"


def test_named_military_stays_an_organisation() -> None:
    ad = analyse("Raid\n\nThe Israel Defense Forces said the raid was over.")
    e = entity_of(ad, "Israel Defense Forces")
    assert e is not None and e.type == "ORG"


def test_leader_administration_is_an_organisation() -> None:
    ad = analyse(
        "Sanctions\n\nPresident Donald Trump spoke. The Trump administration imposed new sanctions, "
        "and the Food and Drug Administration was not involved."
    )
    adm = entity_of(ad, "Trump administration")
    assert adm is not None and adm.type == "ORG"
    assert by_name(ad, "Donald Trump") is not adm
    assert not any(m.text == "Drug Administration" for m in ad.mentions)


def test_facility_is_a_place_of_its_own() -> None:
    ad = analyse("Strike\n\nThe convoy was hit near Baghdad International Airport on Friday.")
    e = entity_of(ad, "Baghdad International Airport")
    assert e is not None and e.type == "LOCATION"
    assert not any(m.text == "Baghdad" for m in ad.mentions)


def test_hyphenated_units_name_the_second_organisation() -> None:
    ad = analyse("Strike\n\nHe led the Islamic Revolutionary Guard Corps-Quds Force for years.")
    e = entity_of(ad, "Islamic Revolutionary Guard Corps-Quds Force")
    assert e is not None and e.kb_id == "org:quds_force"
    assert len(mentions_of(ad, e)) == 1


def test_organisation_named_after_its_state() -> None:
    ad = analyse(
        "Flights\n\nThe United States Department of Transportation announced the ban. "
        "The United States said more would follow."
    )
    dot = entity_of(ad, "United States Department of Transportation")
    us = entity_of(ad, "United States")
    assert dot is not None and dot.type == "ORG" and us is not None
    assert dot.affiliation == us.id


def test_title_of_a_state_is_no_organisation() -> None:
    ad = analyse("Talks\n\nAngela Merkel, the Chancellor of Germany, said the test was clear.")
    assert not any(e.name == "Chancellor of Germany" for e in ad.entities)
    assert entity_of(ad, "Germany") is not None


def test_transliterated_endings_are_one_name() -> None:
    assert compare_names("Saree", "Sarea").score >= STRONG
    assert compare_names("Saree", "Yahya Sarea").kind == "partial"
    assert compare_names("Lee", "Lea").score < STRONG  # the shared beginning must be 3+ letters


def test_hyphenated_pair_of_surnames_is_two_mentions() -> None:
    ad = analyse(
        "Debate\n\nPresident Donald Trump and Vice President Joe Biden met again. The earlier "
        "Trump-Biden debate was rough, and Biden said so."
    )
    trump, biden = entity_of(ad, "Donald Trump"), entity_of(ad, "Joe Biden")
    assert trump is not None and biden is not None and trump is not biden
    i = ad.text.index("Trump-Biden")
    pair = [m for m in ad.mentions if i <= m.start < i + len("Trump-Biden")]
    assert [(m.text, m.entity) for m in pair] in ([("Trump", trump.id), ("Biden", biden.id)], [])
    assert entity_of(ad, "Biden") is biden
    assert not any("Trump-Biden" in n for e in ad.entities for n in e.aliases)


def test_diseases_laws_and_events_are_no_actors() -> None:
    ad = analyse(
        "Pandemic\n\nOfficials said COVID-19 spread. The Voting Rights Act and the Second World War "
        "were mentioned, as was Brexit. The Ebola outbreak ended."
    )
    names = {m.text for m in ad.mentions}
    assert not names & {"COVID-19", "Voting Rights Act", "Second World War", "Brexit", "Ebola"}


def test_generic_institution_belongs_to_the_state_of_the_document() -> None:
    ad = analyse(
        "Ruling\n\nIraq rejected the plan. Iraq's Foreign Ministry said the Supreme Court ruled. "
        "Iraq will appeal. Russia's National Police Agency said nothing."
    )
    iraq = entity_of(ad, "Iraq")
    court = entity_of(ad, "Supreme Court")
    assert iraq is not None and court is not None and court.affiliation == iraq.id
    police = entity_of(ad, "National Police Agency")
    russia = entity_of(ad, "Russia")
    assert police is not None and russia is not None and police.affiliation == russia.id


def test_place_named_before_an_institution_is_its_jurisdiction() -> None:
    ad = analyse("Ruling\n\nThe Wisconsin Supreme Court ruled against the governor.")
    court = entity_of(ad, "Wisconsin Supreme Court")
    assert court is not None and court.type == "ORG" and court.affiliation is not None


def test_transliterations_of_one_kb_person_are_one_entry() -> None:
    from newsgraph.actors.kb import load_kb

    kb = load_kb()
    assert kb.lookup("Usama bin Ladin")[0].kb_id == kb.lookup("Osama bin Laden")[0].kb_id


def test_a_second_surname_left_out_is_the_same_name() -> None:
    assert compare_names("Pedro Pierluisi", "Pedro R. Pierluisi Urrutia").score >= STRONG
    assert compare_names("Ali Khamenei", "Sayyid Ali Hosseini Khamenei").score >= STRONG


def test_a_misspelt_surname_joins_the_one_person_it_fits() -> None:
    ad = analyse(
        "Analysis\n\nAnalyst Alexei Malashenko said the talks would fail. Mr. Malshenko added that "
        "nobody expected more."
    )
    assert entity_of(ad, "Malshenko") is entity_of(ad, "Alexei Malashenko")


def test_pronouns_take_a_person_of_their_gender() -> None:
    ad = analyse(
        "Visit\n\nPresident Donald Trump met Chancellor Angela Merkel. She said the talks went well, "
        "and he agreed. Later Mrs. Theresa Lang arrived; she spoke briefly."
    )
    merkel, trump = entity_of(ad, "Angela Merkel"), entity_of(ad, "Donald Trump")
    lang = entity_of(ad, "Theresa Lang")
    assert merkel is not None and trump is not None and lang is not None
    by_text = {m.text: m.entity for m in ad.mentions if m.kind == "pronoun"}
    assert by_text["She"] == merkel.id and by_text["he"] == trump.id and by_text["she"] == lang.id


def test_descriptions_resolve_to_the_document_actor() -> None:
    ad = analyse(
        "Strike\n\nPresident Donald Trump spoke. Vice President Mike Pence listened. The president said "
        "the strike was lawful. Iraq protested. The Ministry of Foreign Affairs of Iraq called it a "
        "violation; its foreign ministry said more later, and the foreign ministry summoned the envoy."
    )
    trump = entity_of(ad, "Donald Trump")
    mfa = entity_of(ad, "Ministry of Foreign Affairs of Iraq")
    desc = {m.text: m.entity for m in ad.mentions if m.kind == "description"}
    assert trump is not None and mfa is not None
    assert desc["The president"] == trump.id  # not the Vice President named last
    assert desc["its foreign ministry"] == mfa.id and desc["the foreign ministry"] == mfa.id


def test_adjectives_are_no_descriptions() -> None:
    ad = analyse("Statement\n\nHamas official Basem Naim spoke. The official statement came later.")
    assert not any(m.kind == "description" for m in ad.mentions)


def test_capitals_the_document_names_stand_for_their_state() -> None:
    from newsgraph.actors.capitals import doc_capitals
    from newsgraph.actors.classify import classify
    from newsgraph.actors.kb import load_kb
    from newsgraph.actors.spans import Cand, DocView
    from newsgraph.models import Span

    kb = load_kb()
    caps = doc_capitals("Nusantara, the new capital of Indonesia, opened. The Valdorian capital, Castellan, "
                        "hosted talks.", kb, {"Valdorian": "Valdoria"})
    assert caps == {"Nusantara": ("Indonesia", "state:IDN"), "Castellan": ("Valdoria", None)}
    text = "Nusantara, the new capital of Indonesia, opened. Officials said Nusantara warned the envoys."
    view = DocView(text, [Span(0, len(text))], [Span(0, len(text))])
    first, second = (text.index("Nusantara"), text.rindex("Nusantara"))
    cands = [Cand(i, i + 9, "Nusantara", "ORG", "model") for i in (first, second)]
    kept, _ = classify(view, cands, kb)
    acting = [c for c in kept if c.start == second][0]
    assert (acting.label, acting.kind, acting.kb_id) == ("STATE", "metonym", "state:IDN")


def test_media_outlets_by_their_kind_and_heads() -> None:
    ad = analyse(
        "Strikes\n\nSpeaking on al-Masirah TV in Yemen, the spokesman said more. Kurdish news outlet "
        "Rudaw reported the ban, and the president took a daily Aspirin."
    )
    for name in ("al-Masirah TV", "Rudaw"):
        e = entity_of(ad, name)
        assert e is not None and e.type == "ORG"
    assert entity_of(ad, "Aspirin") is None


def test_a_known_persons_name_keeps_the_texts_capitals() -> None:
    # the Phoenix table writes "John Mccain"; the text's own spelling is the name shown
    assert written_as("John Mccain", ["McCain", "John McCain"]) == "John McCain"
    assert written_as("John Mccain", ["JOHN MCCAIN"]) == "John Mccain"
    ad = analyse("Talks\n\nSenator John McCain met Vladimir Putin on Monday. McCain said little.")
    e = entity_of(ad, "John McCain")
    assert e is not None and e.kb_id == "phx:john_mccain" and e.name == "John McCain"
