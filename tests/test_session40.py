"""Session 40: constructions a recall audit of unseen news found the coder missing (made-up names)."""

from __future__ import annotations

from .events_helpers import analyse, coded


def _found(text: str) -> list[tuple[str, list[str], list[str]]]:
    return [e[:3] for e in coded(text)]


def test_money_sent_or_lent_to_a_side_is_economic_aid() -> None:
    """A sum of money sent, lent or loaned to someone is economic aid (CAMEO 071), as one given is."""
    for text in ("Chile loaned $500 million to Peru.", "Chile sent $2 million to Peru after the flood."):
        events = coded(text)
        assert [(e[0], e[1], e[2], e[3].cameo) for e in events] == [("AID", ["Chile"], ["Peru"], "071")], text


def test_them_is_not_the_subject_of_its_own_clause() -> None:
    """ "Police fired tear gas at *them*": the group the pronoun stands for is the protesters named
    before, not the police its own clause names as subject."""
    text = (
        "Thousands of protesters marched in Belgrade on Friday against new curfew rules imposed by the "
        "government. Police fired tear gas at them."
    )
    assert ("ASSAULT", ["Serbian security forces", "Serbia"], ["protesters"]) in _found(text)


def test_arrests_told_just_after_the_protests_befall_the_protesters() -> None:
    """People arrested with no agent, in the sentence after one about the protests, are the
    protesters, arrested by the side they protest against; an unrelated sentence in between breaks it."""
    march = "Thousands of protesters marched in Belgrade on Friday against the government."
    after = _found(f"{march} At least 71 people were arrested.")
    assert ("COERCE", ["Serbia"], ["protesters"]) in after
    shot = "A man was shot dead in a bar in another part of the city."
    between = _found(f"{march} {shot} Two people were arrested.")
    assert not [e for e in between if e[0] == "COERCE"]


def test_a_declared_opponent_or_supporter_is_a_standing_relation() -> None:
    """ "An outspoken opponent of X" disapproves of X, "a staunch supporter of X" backs X; bare, the
    nouns name a rival in a race or a voter, no act."""
    assert _found("Ana Ruiz, an outspoken opponent of Juan Ortega, spoke on Monday.") == [
        ("ACCUSE", ["Ana Ruiz"], ["Juan Ortega"])
    ]
    assert _found("Ana Ruiz, a staunch supporter of Juan Ortega, spoke on Monday.") == [
        ("SUPPORT", ["Ana Ruiz"], ["Juan Ortega"])
    ]
    assert not _found("Ana Ruiz was an opponent of Juan Ortega in the 2019 election.")
    assert not _found("Ana Ruiz, a supporter of Juan Ortega, voted on Monday.")


def test_an_act_someone_is_stopped_from_is_not_done() -> None:
    """ "Tried to stop Peru from meeting Bolivia": the meeting did not happen (negated), as with
    "prevent" (lexicon ``english.preventing_verbs``)."""
    (event,) = [e[3] for e in coded("Chile tried to stop Peru from meeting Bolivia.") if e[0] == "CONSULT"]
    assert event.negated


def test_overturning_a_sides_measure_rejects_it() -> None:
    """A court (or a successor) overturning, quashing or invalidating someone's order, decree or policy
    rejects it (CAMEO 120); overturning a conviction still frees the convicted (081); and a state
    revoking its own ban keeps the compiled reading (no rejection of itself)."""
    for text in (
        "Chile's Supreme Court overturned Juan Ortega's order.",
        "Chile's Supreme Court invalidated Juan Ortega's decree on Monday.",
    ):
        assert _found(text) == [("REJECT", ["Supreme Court"], ["Juan Ortega"])], text
    freed = coded("Chile's Supreme Court annulled the conviction of Juan Ortega.")
    assert [(e[0], e[3].cameo) for e in freed] == [("CONCEDE", "081")]
    assert not [e for e in _found("Chile revoked its ban on Peruvian imports.") if e[0] == "REJECT"]


def test_a_contest_conceded_naming_no_one_yields_to_the_winner() -> None:
    """ "X conceded (the election)" names no one: the winner its sentence, or the one before, names
    (who won, or whom X congratulated); negated, a refusal. Conceding a point is no contest."""
    assert ("CONCEDE", ["Ana Ruiz"], ["Juan Ortega"]) in _found(
        "Ana Ruiz conceded the election on Monday, congratulating Juan Ortega."
    )
    refused = "Juan Ortega won the presidential election. Ana Ruiz did not concede in her statement."
    assert _found(refused) == [("REJECT", ["Ana Ruiz"], ["Juan Ortega"])]
    assert not _found("Ana Ruiz conceded that the plan had flaws, Juan Ortega said.")


def test_coming_under_fire_is_criticism_or_an_attack() -> None:
    """ "Came under fire from X": X criticised the subject; troops coming under fire were attacked."""
    assert _found("Juan Ortega came under fire from Ana Ruiz for the decision.") == [
        ("ACCUSE", ["Ana Ruiz"], ["Juan Ortega"])
    ]
    assert _found("Peruvian troops came under fire from Chilean soldiers on Monday.") == [
        ("ASSAULT", ["Chile"], ["Peru"])
    ]


def test_the_suspect_told_before_the_story_names_them_is_the_one_suspect() -> None:
    """ "Prosecutors charged the suspect ... identified the suspect as X": the story's only suspect,
    named after the role noun, is who it stands for; "the gunman" is then no unnamed group."""
    text = (
        "A gunman shot dozens of shoppers at a store in Lima on Saturday. Peruvian prosecutors charged "
        "the suspect with murder. Officials identified the suspect as Juan Ortega, 21."
    )
    found = _found(text)
    charged = [("ACCUSE", ["Peruvian judiciary", "Peru"], ["Juan Ortega"])]
    assert [e for e in found if e[0] == "ACCUSE"] == charged
    arrested = "Police in Lima arrested the suspect, Juan Ortega, 21."
    appositive = _found(f"{arrested} Chile said it would extradite the gunman.")
    assert all("gunman" not in e[2] for e in appositive)
    assert ("COOPERATE", ["Chile"], ["Juan Ortega"]) in appositive


def test_demands_that_name_no_one_in_a_protest_story_are_the_protesters() -> None:
    """A demand noun with no one making it, in a sentence about the protests (or right after one), is
    the protesters' demand of the side they protest against."""
    text = (
        "Thousands of protesters marched in Lima against the government. The protests have expanded to "
        "include demands for investigations into police brutality."
    )
    assert ("REQUEST", ["protesters"], ["Peru"]) in _found(text)


def test_the_government_opening_a_quote_is_the_state_of_the_story() -> None:
    """ 'said: "The government is corrupt"': a capitalised "The" opening a quote is no name before the
    sector noun; "this government" names one body as "the government" does."""
    for det in ("The", "This"):
        text = f'Opposition leader Ana Ruiz told reporters in Lima: "{det} government is corrupt and evil."'
        assert _found(text) == [("ACCUSE", ["Ana Ruiz"], ["Peru"])], det


def test_retaliating_with_sanctions_imposes_them() -> None:
    """ "Retaliated with tariffs on X", "responded with sanctions against X": the subject's sanctions;
    a threat with them stays a threat, and an economy struggling with them is in no fight."""
    assert _found("Peru retaliated with tariffs on Chilean wine.") == [("SANCTION", ["Peru"], ["Chile"])]
    assert _found("Peru responded with sanctions against Chile.") == [("SANCTION", ["Peru"], ["Chile"])]
    assert _found("Chile threatened Peru with sanctions.") == [("THREATEN", ["Chile"], ["Peru"])]
    assert not _found("Peru's economy is struggling with sanctions imposed by Chile.")


def test_it_as_the_object_of_a_second_verb_is_the_first_verbs_object() -> None:
    """ "Urged Peru to withdraw and accused *it* of ...": the one state the first verb's object names."""
    text = "Juan Ortega urged Peru to withdraw its troops and accused it of violating the ceasefire."
    assert ("ACCUSE", ["Juan Ortega"], ["Peru"]) in _found(text)


def test_military_training_given_to_a_sides_forces_is_military_aid() -> None:
    """ "Provided military training to X's forces": military aid (CAMEO 072); training of anyone
    else is no aid of a side."""
    events = coded("Chile provided military training to Peruvian forces.")
    assert [(e[0], e[1], e[2], e[3].cameo) for e in events] == [("AID", ["Chile"], ["Peru"], "072")]


def test_the_office_of_a_places_title_holder_is_an_organisation() -> None:
    """ "The Manhattan district attorney's office" acts as itself, not as the place named in it."""
    text = "The Manhattan district attorney's office opened an investigation into Juan Ortega."
    assert _found(text) == [("ACCUSE", ["Manhattan district attorney's office"], ["Juan Ortega"])]


def test_standing_with_a_state_backs_it() -> None:
    """ "Chile stands with Peru" backs Peru; a person stood with is beside them, no backing."""
    assert _found("Juan Ortega said Chile stood with Peru.") == [("SUPPORT", ["Chile"], ["Peru"])]
    assert not _found("Juan Ortega stood with Ana Ruiz at the podium.")


def test_refusing_to_comment_refuses_no_one() -> None:
    """ "Declined to comment on X's accusations" withholds a statement; "refused to meet X" refuses X."""
    assert not _found("Juan Ortega refused to comment on the allegations by Peru.")
    assert not _found("Juan Ortega declined to answer questions about Peru.")
    assert _found("Juan Ortega refused to meet Ana Ruiz.") == [("REJECT", ["Juan Ortega"], ["Ana Ruiz"])]


def test_has_yet_to_is_not_done() -> None:
    """ "Has yet to congratulate X", parsed as one verb with "yet": not (yet) done, so negated."""
    (event,) = [e[3] for e in coded("Juan Ortega has yet to congratulate Ana Ruiz.")]
    assert event.type == "SUPPORT" and event.negated


def test_calling_for_an_inquiry_asks_for_one() -> None:
    """ "Called for an inquiry into X's conduct" is an appeal, as "demanded an investigation" is a
    demand: not the caller's own investigation."""
    assert _found("Ana Ruiz called for an inquiry into Juan Ortega's conduct.") == [
        ("REQUEST", ["Ana Ruiz"], ["Juan Ortega"])
    ]
    shot = "Chilean soldiers shot two Peruvian fishermen on Tuesday."
    asked = _found(f"{shot} Ana Ruiz has called for an investigation into the shooting.")
    assert ("REQUEST", ["Ana Ruiz"], ["Chile"]) in asked


def test_words_of_contempt_judge_badly() -> None:
    """ "Called X an idiot", "called the move an outrage": accusations (lexicon ``accusation``)."""
    assert _found('Ana Ruiz called Juan Ortega "an idiot".') == [("ACCUSE", ["Ana Ruiz"], ["Juan Ortega"])]
    told = "Juan Ortega suspended the Chilean parliament on Monday. Ana Ruiz called the move an outrage."
    assert ("ACCUSE", ["Ana Ruiz"], ["Juan Ortega"]) in _found(told)


def test_a_known_name_ending_a_longer_movement_name_is_part_of_it() -> None:
    """ "The Movement for Democratic Change": one organisation, not the known "Democratic Change"
    that ends its name; alone, that name is still the known organisation."""
    names = {e.name for e in analyse("The Movement for Democratic Change met on Monday.").entities}
    assert "Democratic Change" not in names
    assert "Movement for Democratic Change" in names
    assert "Democratic Change" in {e.name for e in analyse("Democratic Change accused Juan Ortega.").entities}
