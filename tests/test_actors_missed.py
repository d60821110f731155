"""Names the model misses or mistypes: given-name people, lone places, and the label votes of
one-word names (no statistical model: rules, the KB and hand-made candidates)."""

from __future__ import annotations

from functools import cache

from newsgraph.actors.given import GivenNames, given_names, lone_places
from newsgraph.actors.kb import KnowledgeBase, load_kb
from newsgraph.actors.recognize import _strip_leading
from newsgraph.actors.rules import NAME_TOK
from newsgraph.actors.select import harmonize
from newsgraph.actors.spans import Cand, DocView
from newsgraph.models import Span

from .actors_helpers import analyse, by_name, entity_of


@cache
def kb() -> KnowledgeBase:
    return load_kb()


def view(text: str) -> DocView:
    return DocView(text, [Span(0, len(text))], [Span(0, len(text))])


def model_cand(text: str, word: str, label: str, nth: int = 0) -> Cand:
    i = -1
    for _ in range(nth + 1):
        i = text.index(word, i + 1)
    return Cand(i, i + len(word), word, label, "model")


def test_given_names_come_from_the_kb_people() -> None:
    names = given_names(kb())
    assert {"Yusuf", "Pavel", "John"} <= names
    assert not {"New", "United", "South", "The", "President"} & names  # places' first words, titles


def test_a_given_name_and_surname_is_a_person() -> None:
    finder = GivenNames(kb(), NAME_TOK, "(?:al|bin)")
    seg = "The delegation led by Yusuf al-Haddad met Pavel Lisitsyn on Monday."
    assert [c.text for c in finder.find(seg, 0)] == ["Yusuf al-Haddad", "Pavel Lisitsyn"]
    # with the tagger's proper nouns, a given name that is not one is skipped
    assert finder.find(seg, 0, propn={seg.index("Pavel")}) == [finder.find(seg, 0)[1]]


def test_rules_only_pipeline_finds_given_name_people() -> None:
    ad = analyse("Talks\n\nThe delegation led by Yusuf al-Haddad met with the committee on Saturday.")
    e = by_name(ad, "Yusuf al-Haddad")
    assert e is not None and e.type == "PERSON"


def test_lone_proper_noun_after_in_is_a_place() -> None:
    seg = "The talks in Castellan ended. Lessons in Arabic and in Moscow."
    propn = {seg.index(w) for w in ("Castellan", "Arabic", "Moscow")}
    found = lone_places(kb(), seg, 0, propn)
    assert [(c.text, c.label) for c in found] == [("Castellan", "LOCATION")]  # KB places match elsewhere
    assert lone_places(kb(), seg, 0, None) == []  # needs the tagger


def test_model_span_loses_trailing_function_words_and_titles() -> None:
    text = "He accused Kesh of starving the valley."
    a = text.index("Kesh")
    assert _strip_leading(text, a, a + len("Kesh of"), "ORG")[:2] == (a, a + 4)


def test_one_word_person_with_place_evidence_is_a_place() -> None:
    text = "A settlement between Kesh and the factions. Kesh, which designated the group, declined."
    cands = [model_cand(text, "Kesh", "PERSON"), model_cand(text, "Kesh", "PERSON", 1)]
    assert {c.label for c in harmonize(view(text), cands)} == {"LOCATION"}


def test_one_word_org_after_in_or_town_of_is_a_place() -> None:
    text = "The delegation arrived in Castellan. Rockets hit the border town of Drevna."
    cands = [model_cand(text, "Castellan", "ORG"), model_cand(text, "Drevna", "ORG")]
    assert [c.label for c in harmonize(view(text), cands)] == ["LOCATION", "LOCATION"]
    text2 = "A spokesman from Siemens said so."  # organisations follow "from"
    assert harmonize(view(text2), [model_cand(text2, "Siemens", "ORG")])[0].label == "ORG"


def test_capitalised_surname_of_a_person_is_the_person() -> None:
    text = "Yusuf al-Haddad arrived. Al-Haddad also rejected the plan."
    cands = [
        Cand(0, 15, "Yusuf al-Haddad", "PERSON", "model"),
        model_cand(text, "Al-Haddad", "ORG"),
    ]
    assert harmonize(view(text), cands)[1].label == "PERSON"


def test_party_adjective_is_the_party() -> None:
    ad = analyse("Hearing\n\nOn Monday, Republican committee member John Smith objected.")
    (m,) = [m for m in ad.mentions if m.text == "Republican"]
    e = next(e for e in ad.entities if e.id == m.entity)
    assert e.kb_id == "org:republican_party"


def test_peoples_before_a_group_noun_and_protesters_are_groups() -> None:
    ad = analyse(
        "Vote\n\nThe vote was boycotted by both Kurdish and Sunni members of parliament. Protesters "
        "marched on Friday, and the police dispersed the protesters."
    )
    assert {m.text for m in ad.mentions} >= {"Kurdish", "Sunni", "Protesters", "protesters"}
    prot = {m.entity for m in ad.mentions if m.text.lower() == "protesters"}
    assert len(prot) == 1  # one group of this story
    e = next(e for e in ad.entities if e.id in prot)
    assert e.type == "ORG" and e.evidence.get("collective") == "noun"


def test_a_place_is_not_its_own_demonym() -> None:
    from newsgraph.actors.classify import derived_demonyms

    assert "Hawaii" not in derived_demonyms("Hawaii")
    ad = analyse("Suit\n\nThe attorneys general of Nevada, Oregon, and Hawaii joined.")
    assert entity_of(ad, "Hawaii").type == "LOCATION"  # type: ignore[union-attr]


def test_demonym_led_organisation_wins_unless_the_kb_names_a_part() -> None:
    from newsgraph.actors.select import demonym_led

    k = kb()
    text = "Saudi Aramco said. The Palestinian Resistance Movement Hamas said."
    aramco = Cand(0, 12, "Saudi Aramco", "ORG", "model")
    saudi = Cand(0, 5, "Saudi", "NORP", "kb", kb_id="state:SAU")
    i = text.index("Palestinian")
    prm = Cand(i, len(text) - 6, text[i:-6], "ORG", "model")
    pal = Cand(i, i + 11, "Palestinian", "NORP", "kb", kb_id="state:PSE")
    hamas = Cand(len(text) - 11, len(text) - 6, "Hamas", "ORG", "kb", kb_id="org:hamas")
    drop = demonym_led([(3, aramco), (1, saudi), (3, prm), (1, pal), (1, hamas)], k)
    assert drop == {id(saudi), id(prm)}
    plo = Cand(0, 34, "Palestinian Liberation Organization", "ORG", "model")
    demonym_led([(3, plo), (1, Cand(0, 11, "Palestinian", "NORP", "kb", kb_id="state:PSE"))], k)
    assert plo.kb_id == "org:plo"


def test_a_states_own_force_the_model_found_after_its_name_is_the_organisation() -> None:
    """ "the Chile Defence Force": the organisation, not Chile; a place's ("Tarapaca Republican
    Senate") or a name not ending in an organisation word ("Chile Today") stays as it was."""
    from newsgraph.actors.select import demonym_led

    k = kb()
    force = Cand(4, 23, "Chile Defence Force", "ORG", "model")
    chile = Cand(4, 9, "Chile", "STATE", "kb", kb_id="state:CHL")
    assert demonym_led([(3, force), (1, chile)], k) == {id(chile)}
    assert force.meta["state"] == "state:CHL"
    today = Cand(4, 15, "Chile Today", "ORG", "model")
    assert demonym_led([(3, today), (1, Cand(4, 9, "Chile", "STATE", "kb", kb_id="state:CHL"))], k) == set()
    senate = Cand(4, 29, "Tarapaca Republican Senate", "ORG", "model")
    place = Cand(4, 12, "Tarapaca", "LOCATION", "kb", kb_id="place:tarapaca")
    assert demonym_led([(3, senate), (1, place)], k) == set()


def test_a_place_that_is_a_name_particle_opening_a_persons_name_gives_way_to_the_person() -> None:
    """ "Van Biljon said": the model's person, not Van, the city; "in Van" alone stays the city."""
    from newsgraph.actors.select import resolve_overlaps

    text = "Van Biljon said. Protests erupted in Van."
    van = Cand(0, 3, "Van", "LOCATION", "kb", kb_id="place:van")
    person = model_cand(text, "Van Biljon", "PERSON")
    city = Cand(37, 40, "Van", "LOCATION", "kb", kb_id="place:van")
    got = resolve_overlaps([(1, van), (3, person), (1, city)])
    assert [(c.text, c.label) for c in got] == [("Van", "LOCATION"), ("Van Biljon", "PERSON")]
    assert got[0].start == 37


def test_a_model_place_that_reads_as_a_persons_name_is_a_person() -> None:
    finder = GivenNames(kb(), NAME_TOK, "(?:al|bin)")
    assert finder.person_like("Gloria Hambleworth") and finder.person_like("Naomi La Teste")
    # a common noun, a place or an organisation word in it, or no given name first: not a person
    for name in ("Lincoln Park", "Gloria Square", "Bradley International Airport", "Echo Investment",
                 "Star Trek", "Jordan Valley", "Castellan Hambleworth", "Gloria"):
        assert not finder.person_like(name), name


def test_a_model_span_that_opens_with_a_place_and_goes_on_with_a_name_is_the_person() -> None:
    """ "Senator from Vermont Bernie Sanders": the model's one place span hides the senator."""
    from newsgraph.actors.recognize import load_recognizer
    from newsgraph.pipeline.registry import Resources

    rec = load_recognizer(Resources())
    assert rec._place_then_person("Vermont Gloria Hambleworth") == len("Vermont ")
    assert rec._place_then_person("Texas Gloria Hambleworth Jones") == len("Texas ")
    spans = ("US Marine Corp", "Vermont Lincoln Park", "Gloria Hambleworth", "Castellan Gloria Hambleworth")
    for span in spans:
        assert rec._place_then_person(span) == 0, span


def test_a_transcripts_speaker_tag_is_a_person() -> None:
    from newsgraph.actors.recognize import _speaker_tag

    text = "Intro.\n((Dorsa Hambleworth)) I started at two.\nShe said ((Not a Tag)) here."
    a = text.index("Dorsa")
    assert _speaker_tag(text, a, a + len("Dorsa Hambleworth"))
    b = text.index("Not a")
    assert not _speaker_tag(text, b, b + len("Not a Tag"))  # not at the start of a line


def test_a_brands_inner_capital_makes_a_place_an_organisation_and_planets_are_no_actors() -> None:
    from newsgraph.actors.recognize import _CAMEL

    assert _CAMEL.search("GitHub") and _CAMEL.search("YouTube")
    assert not any(_CAMEL.search(w) for w in ("MacArthur", "McDonald", "DeSantis", "Minetest"))
    ad = analyse("Probe\n\nThe probe left Earth in 2020 and reached Mars in February.")
    assert by_name(ad, "Earth") is None and by_name(ad, "Mars") is None


def test_a_name_the_model_missed_is_found_by_a_given_name_of_the_table_even_before_a_city() -> None:
    ad = analyse("Awards\n\nThe film opened on Friday. Actor Denzel Washington said the cast was superb.")
    person = by_name(ad, "Denzel Washington")
    assert person is not None and person.type == "PERSON"
    ad = analyse("Travel\n\nVisitors to Easter Island rose in May. Tourists came from Chile.")
    assert by_name(ad, "Easter Island") is None or by_name(ad, "Easter Island").type != "PERSON"  # type: ignore[union-attr]


def test_a_given_name_person_wins_over_the_models_unknown_place_inside_it() -> None:
    from newsgraph.actors.select import resolve_overlaps

    person = Cand(0, 15, "Brenton Tarrant", "PERSON", "given")
    place = Cand(0, 7, "Brenton", "LOCATION", "model")
    assert resolve_overlaps([(3, place), (4, person)]) == [person]
    known = Cand(0, 7, "Brenton", "LOCATION", "model", kb_id="loc:brenton")  # a place the KB knows
    assert resolve_overlaps([(3, known), (4, person)]) == [known]


def test_a_caption_run_into_a_name_ends_it() -> None:
    from newsgraph.actors.given import GivenNames
    from newsgraph.actors.lexicon import alternatives

    g = GivenNames(kb(), NAME_TOK, f"(?:{alternatives('name_particles')})")
    assert [c.text for c in g.find("Gloria Lanza RivaImage: Pax.", 0)] == ["Gloria Lanza"]
    assert [c.text for c in g.find("Gloria FitzGerald left.", 0)] == ["Gloria FitzGerald"]
