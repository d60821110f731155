"""Actors named only by a common noun: a state's bodies ("police", "troops", "the authorities") and
unnamed armed groups ("gunmen"); whole pipeline, bundled model, made-up text."""

from __future__ import annotations

from .events_helpers import analyse, coded


def _mentions(body: str) -> dict[str, str]:
    """Mention text -> the name of its actor."""
    ad = analyse(body)
    names = {e.id: e.name for e in ad.entities}
    return {m.text: names[m.entity] for m in ad.mentions}


def test_bare_police_are_the_security_forces_of_the_state_the_story_happens_in() -> None:
    got = _mentions("A bomb exploded in Valparaíso, Chile, on Monday. Police arrested two men on Tuesday.")
    assert got["Police"] == "Chilean security forces"


def test_a_place_named_with_the_noun_gives_its_state() -> None:
    assert _mentions("Police in Chile arrested two men.")["Police"] == "Chilean security forces"
    got = _mentions("Gunmen killed five people in Mexico on Monday. The Chicago police arrested a man.")
    assert got["police"] == "American security forces"


def test_a_modifier_naming_the_state_wins_over_the_place_the_body_is_in() -> None:
    """ "American soldiers in Afghanistan" are the United States' military (the state itself)."""
    got = coded("Iran's militia killed American soldiers in Syria.")
    assert [(t, s, g) for t, s, g, _ in got] == [("ASSAULT", ["Iran"], ["United States"])]


def test_the_body_named_before_is_the_one_a_bare_noun_refers_to() -> None:
    got = _mentions("Troops massed in Gaza. Israeli police arrested five men. The police released them.")
    assert got["police"] == "Israeli security forces"


def test_a_body_named_paragraphs_before_does_not_hold_for_the_rest_of_the_story() -> None:
    """ "the British government" named once in a story about New Zealand does not make every later
    "the government" Britain's."""
    body = (
        "Voters in Auckland, New Zealand, go to the polls on Monday.\n\n"
        "The system was designed by the British government for its colonies.\n\n"
        "Ngata said so on Sunday.\n\nHe said the government should work harder."
    )
    ad = analyse(body)
    names = {e.id: e.name for e in ad.entities}
    assert [names[m.entity] for m in ad.mentions if m.text == "government"] == ["New Zealand"]


def test_the_government_and_the_military_are_the_state_itself() -> None:
    got = _mentions("A cyclone hit Fiji on Monday. The government declared an emergency; troops were sent.")
    assert got["government"] == got["troops"] == "Fiji"


def test_a_body_below_the_state_or_a_generic_use_is_no_actor() -> None:
    for body in (
        "A cyclone hit Fiji on Monday. The local government closed schools.",
        "A cyclone hit Fiji on Monday. Ratu worked with all three levels of government.",
    ):
        assert not [m.text for m in analyse(body).mentions if m.kind == "sector"], body


def test_without_a_clear_state_a_bare_noun_is_no_actor() -> None:
    """A story whose lead names no state, and that names no state more than once, gives no state."""
    ad = analyse(
        "A fire broke out at an airport on Tuesday.\n\nA fire hit Cork, Ireland, in 2019. Police said so."
    )
    assert not [m.text for m in ad.mentions if m.kind == "sector"]


def test_a_noun_whose_phrase_names_another_owner_is_no_bare_noun() -> None:
    """ "her government" is the speaker's; "the government of X" is X's; "Coalition troops" the
    coalition's: none is the body of the story's state."""
    for body in (
        "Fires burned across Chile on Monday. Bachelet said her government will act.",
        "In 2016, Iran started supporting the government of Nicolás Maduro.",
        "Mortars hit a camp in Mali. No Coalition troops were hurt.",
    ):
        ad = analyse(body)
        sector = [m.text for m in ad.mentions if m.kind == "sector"]
        assert sector == [], body


def test_troops_from_an_organisation_or_a_state_are_theirs_not_the_storys_state() -> None:
    got = coded("Troops from the Andean Community arrived in Peru on Thursday at the request of Juan Ortega.")
    pairs = {(t, tuple(s), tuple(g)) for t, s, g, _ in got}
    assert ("MOBILIZE", ("Andean Community",), ("Peru",)) in pairs
    assert ("REQUEST", ("Juan Ortega",), ("Andean Community",)) in pairs
    assert _mentions("Troops from Chile arrived in Peru on Thursday.")["Troops"] == "Chile"


def test_a_noun_that_only_modifies_a_thing_is_no_actor() -> None:
    got = _mentions("Protests spread in Chile on Monday. Rioters burned a police station and an army base.")
    assert "police" not in got and "army" not in got


def test_police_acting_on_a_person_are_an_event() -> None:
    got = coded("Protests spread in Chile on Monday. Police detained the activist Daniel Jadue on Tuesday.")
    # (the state acts through its police: it is named with them)
    police = ["Chilean security forces", "Chile"]
    assert [(t, s, g) for t, s, g, _ in got] == [("COERCE", police, ["Daniel Jadue"])]


def test_an_arrest_without_agent_is_by_the_police_the_story_names() -> None:
    got = coded(
        "Police in Armenia were called to the stadium on Tuesday. The footballer Aram Petrosyan was arrested."
    )
    arrests = [(s, e.rule) for t, s, _, e in got if t == "COERCE"]
    assert arrests and arrests[0][0] == ["Armenian security forces", "Armenia"]
    assert "the institution that does it" in arrests[0][1]
    # the police announcing it say so themselves
    got = coded("Police in Armenia said on Tuesday that the footballer Aram Petrosyan was arrested.")
    arrests = [(s, e.rule) for t, s, _, e in got if t == "COERCE"]
    assert arrests == [(["Armenian security forces", "Armenia"], arrests[0][1])]
    assert "who announced it" in arrests[0][1]


def test_unnamed_gunmen_are_one_group_of_the_story() -> None:
    ad = analyse("Gunmen abducted three Chinese engineers in Nigeria on Monday. The attackers fled north.")
    groups = {m.entity for m in ad.mentions if m.text in ("Gunmen", "attackers")}
    assert len(groups) == 1
    # ... and a group the story leaves unnamed is no side of an event (the gold leaves out attacks with
    # unstated perpetrators)
    assert coded("Gunmen abducted three Chinese engineers in Nigeria on Monday.") == []


def test_named_rebels_are_the_named_group() -> None:
    ad = analyse("Houthi rebels attacked a Saudi airport on Monday.")
    assert "rebels" not in [e.name for e in ad.entities]


def test_a_place_in_the_phrase_of_one_person_is_where_they_come_from() -> None:
    """ "a 41-year-old Swindon man" is no event on Swindon."""
    got = coded("Police in England arrested a 41-year-old Swindon man on Friday.")
    assert not [g for _t, _s, g, _ in got if "Swindon" in g]


def test_the_press_asking_and_contacting_is_no_event() -> None:
    assert not coded("Wikinews contacted the Chilean authorities and asked President Sebastián Piñera.")


def test_the_body_doing_an_act_named_by_a_noun_is_an_actor() -> None:
    got = _mentions("Protests spread in Chile on Monday after a police raid on a union office.")
    assert got["police"] == "Chilean security forces"


def test_judges_juries_and_courts_are_the_judiciary_of_their_state() -> None:
    got = coded("On Wednesday, a federal judge in Texas sentenced the doctor Joel Smithers to 40 years.")
    assert [(t, s, g) for t, s, g, _ in got] == [("COERCE", ["American judiciary"], ["Joel Smithers"])]
    got = coded("The court in Cairo sentenced the blogger Alaa Hamed to five years in prison.")
    assert [(t, s) for t, s, _g, _ in got] == [("COERCE", ["Egyptian judiciary"])]
    ad = analyse("A cyclone hit Fiji. He appeared in court on Monday.")
    assert not [m for m in ad.mentions if m.kind == "sector"]


def test_the_place_a_person_is_in_is_not_who_they_are() -> None:
    """ "stabbed by a man in the city of Pandeglang" is no attack by Pandeglang."""
    got = coded("The city was calm. Governor Tom Reyes was stabbed by a man in the city of Pandeglang.")
    assert not [s for _t, s, _g, _ in got if "Pandeglang" in s]


def test_a_nationality_in_the_lead_does_not_place_the_story() -> None:
    """ "raping a Canadian tourist" in a Paris court case: the court is France's."""
    body = (
        "After a jury trial in Paris, two officers were found guilty of raping a Canadian tourist. "
        "The court sentenced them to seven years."
    )
    assert _mentions(body)["court"] == "French judiciary"


def test_a_states_office_named_of_the_state_belongs_to_it() -> None:
    ad = analyse(
        "Ban\n\nGermany banned the airline. The Federal Aviation Office of Germany suspended its permit. "
        "The Islamic State of Iraq attacked Mosul."
    )
    named = {e.name: e for e in ad.entities}
    office, germany = named.get("Federal Aviation Office of Germany"), named.get("Germany")
    assert office is not None and germany is not None and office.affiliation == germany.id
    isis = [e for e in ad.entities if e.name.startswith("Islamic State")]
    assert isis and all(e.affiliation is None for e in isis)  # an armed group is no office of Iraq


def test_a_one_word_short_form_of_an_organisation_is_the_organisation() -> None:
    ad = analyse("Germany banned Iranian airline Mahan Air on Monday. Mahan has flown to Syria since 2011.")
    named = {e.name: e for e in ad.entities}
    air = named.get("Mahan Air")
    assert air is not None and "Mahan" not in named
    assert all(m.entity == air.id for m in ad.mentions if m.text == "Mahan")
    # a person of that name stays a person
    ad = analyse("Gerald Ford met Ford Motor Company executives. Ford said the talks went well.")
    assert "Gerald Ford" in {e.name for e in ad.entities}


def test_the_military_after_a_named_armed_forces_of_the_knowledge_base_is_theirs() -> None:
    # the knowledge base's own armed forces (not a body made from a template) name the body first
    body = (
        "Myanmar's military seized power on Monday. "
        "U.S. President Ann Ward threatened sanctions and called on the military to relinquish power."
    )
    assert _mentions(body)["military"] == "Myanmar"


def test_militants_from_a_named_group_are_that_group() -> None:
    got = [c[:3] for c in coded("Islamist militants from al Shabaab attacked a Kenyan army base on Friday.")]
    assert got == [("ASSAULT", ["al-Shabaab"], ["Kenya"])]
