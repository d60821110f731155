"""Session 20's rules for issue 14, each on made-up sentences: who did an act a clause leaves
implicit or names by a noun. A state's legal act with no agent, done "in" a state, is that
state's; "the incursion", "the curfew" judged later are of whoever made the raid or imposed the
curfew; a judgement of a passive deed is aimed at the doer guessed for it; an object pronoun is not
the subject of its own clause ("Reyes praised *him*"). Parse repairs: a surname that is a modal
("Ann *May* blamed X") is no modal; a clause whose "after" the parse hung on its subject is
adverbial. Acts: persona non grata, support suspended, strikes, quarrels, coordination. Actors:
acronyms offered after "or", groups named before "activists" or "coalition", a person's name that
ends in a known place.

The sentences are written for these tests (made-up situations between real states and made-up
people), not taken from any article; one uses the real House of Commons in a made-up sentence.
"""

from __future__ import annotations

import pytest

from newsgraph.events.cameo import load_lexicon
from newsgraph.events.deps import adverbial
from newsgraph.events.mood import mood

from .actors_helpers import analyse as analyse_actors
from .actors_helpers import entity_of, mentions_of
from .events_helpers import analyse, coded, only, tree


def test_an_arrest_in_a_state_with_no_agent_is_that_states() -> None:
    # the story names Peru more than Chile: the place of the arrest decides, not the main state
    text = (
        "Peru and Chile have quarrelled for months. Peru recalled its envoy on Monday, and Peru "
        "said the talks were over. Ann Ward and Tom Reyes were arrested in Chile on Friday and "
        "charged with espionage."
    )
    got = {(ty, tuple(s), tuple(t)) for ty, s, t, _ in coded(text)}
    assert ("COERCE", ("Chile",), ("Ann Ward", "Tom Reyes")) in got
    assert ("ACCUSE", ("Chile",), ("Ann Ward", "Tom Reyes")) in got


def test_an_arrest_with_no_place_and_no_main_state_has_no_guessed_agent() -> None:
    text = "Chile and Peru met on Monday. Ann Ward was arrested days later."
    assert not [e for ty, _, _, e in coded(text) if ty == "COERCE"]


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        (
            "Chilean troops killed a rebel commander in a raid on Peruvian territory on Saturday. "
            'Peru called the incursion a "massacre".',
            "Chile",
        ),
        ("Bolivia imposed a curfew on the border on Sunday. Peru called the curfew illegal.", "Bolivia"),
    ],
)
def test_an_act_judged_by_its_noun_is_aimed_at_who_did_it(text: str, doer: str) -> None:
    source, target, ev = only(text, "ACCUSE")
    assert (source, target) == (["Peru"], [doer])
    assert "who did the" in ev.rule


def test_an_act_noun_is_not_done_by_whoever_merely_speaks_of_it() -> None:
    # Bolivia criticised the curfew, it did not impose it: Peru's judgement is not aimed at Bolivia
    text = "Bolivia criticised the curfew on Sunday. Peru called the curfew illegal."
    assert not [t for ty, _, t, _ in coded(text) if ty == "ACCUSE" and t == ["Bolivia"]]


def test_an_object_pronoun_is_not_the_subject_of_its_own_clause() -> None:
    text = (
        "Chilean President Juan Ortega and Peruvian leader Tom Reyes met in Lima on Tuesday. "
        'Reyes later praised him as "very talented" and said he would invite him to Lima.'
    )
    source, target, _ = only(text, "SUPPORT")
    assert (source, target) == (["Tom Reyes", "Peru"], ["Juan Ortega", "Chile"])
    # "he" after it is still the subject of the sentence, not the person "him" stands for
    invite = [(s, t) for ty, s, t, e in coded(text) if ty == "CONSULT" and "invite" in e.rule]
    assert invite == [(["Tom Reyes", "Peru"], ["Juan Ortega", "Chile"])]


def test_her_as_an_owner_or_with_one_person_in_reach_is_read_as_before() -> None:
    ad = analyse_actors("Vote\n\nAnn Ward met voters in Lima. Ward praised her party on Monday.")
    her = [m for m in mentions_of(ad, entity_of(ad, "Ann Ward")) if m.text == "her"]
    assert len(her) == 1  # "her party": Ward's own


def test_an_owner_pronoun_before_the_verb_is_no_subject_to_exclude() -> None:
    # "his classmates encouraged him": "his" owns the subject, so "him" may still be the one "his" is
    ad = analyse_actors(
        "Drums\n\nTom Reyes grew up in Lima. At a party, his classmates encouraged him to play the drums."
    )
    reyes = entity_of(ad, "Tom Reyes")
    assert {m.text for m in mentions_of(ad, reyes)} >= {"his", "him"}


def test_her_before_an_owned_noun_is_an_owner() -> None:
    ad = analyse_actors("Claim\n\nAnn Ward met Tom Reyes. Ward defended her niece's claim on Monday.")
    her = [m for m in mentions_of(ad, entity_of(ad, "Ann Ward")) if m.text == "her"]
    assert len(her) == 1


def test_a_capitalised_modal_after_a_name_is_part_of_the_name() -> None:
    # "Ann May blamed Peru", parsed with "May" as the verb's auxiliary
    doc = tree(
        ["Ann", "May", "blamed", "Peru", "."],
        [2, 2, 2, 2, 2],
        ["nsubj", "aux", "ROOT", "obj", "punct"],
        ["PROPN", "PROPN", "VERB", "PROPN", "PUNCT"],
        ["NNP", "NNP", "VBD", "NNP", "."],
    )
    lex = load_lexicon()
    assert not mood(doc[2], lex, lambda t: t.lemma_, nominal=False).hypothetical
    # a real modal still makes the act hypothetical
    doc = tree(
        ["Peru", "may", "blame", "Chile", "."],
        [2, 2, 2, 2, 2],
        ["nsubj", "aux", "ROOT", "obj", "punct"],
        ["PROPN", "AUX", "VERB", "PROPN", "PUNCT"],
        ["NNP", "MD", "VB", "NNP", "."],
    )
    assert mood(doc[2], lex, lambda t: t.lemma_, nominal=False).hypothetical


def test_a_clause_whose_after_hangs_on_its_subject_is_adverbial() -> None:
    # "Chile expelled X after Ann Ward blamed Peru", parsed with "after" a case of "Ward" and
    # "blamed" a complement of "expelled"
    doc = tree(
        ["Chile", "expelled", "them", "after", "Ann", "Ward", "blamed", "Peru", "."],
        [1, 1, 1, 4, 6, 4, 1, 6, 1],
        ["nsubj", "ROOT", "obj", "case", "nsubj", "flat", "ccomp", "obj", "punct"],
        ["PROPN", "VERB", "PRON", "ADP", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT"],
        ["NNP", "VBD", "PRP", "IN", "NNP", "NNP", "VBD", "NNP", "."],
    )
    after = frozenset({"after", "before"})
    assert adverbial(doc[6], after)
    # a plain complement is none ("said Ann Ward blamed Peru")
    doc = tree(
        ["Chile", "said", "Ann", "Ward", "blamed", "Peru", "."],
        [1, 1, 4, 2, 1, 4, 1],
        ["nsubj", "ROOT", "nsubj", "flat", "ccomp", "obj", "punct"],
        ["PROPN", "VERB", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT"],
        ["NNP", "VBD", "NNP", "NNP", "VBD", "NNP", "."],
    )
    assert not adverbial(doc[4], after)


@pytest.mark.parametrize("verb", ["quarrelled", "bickered", "squabbled"])
def test_quarrelling_is_a_dispute_in_words_not_a_fight(verb: str) -> None:
    got = [(ty, e.cameo) for ty, s, t, e in coded(f"Chile {verb} with Peru over fishing rights on Monday.")]
    assert got and all(ty != "ASSAULT" for ty, _ in got)
    assert ("ACCUSE", "110") in got


def test_an_acronym_offered_after_or_is_the_same_actor() -> None:
    ad = analyse_actors(
        "Raid\n\nChilean troops raided a camp of the Andean Liberation Front, or ALF, on Monday. "
        "The ALF said it would retaliate."
    )
    front = entity_of(ad, "Andean Liberation Front")
    assert front is not None and front is entity_of(ad, "ALF")
    # a list of states is no alias ("Chile, or Peru,": no acronym)
    ad = analyse_actors("Trade\n\nThe deal covers Chile, or Peru, and Bolivia.")
    assert entity_of(ad, "Chile") is not entity_of(ad, "Peru")


def test_an_acronym_whose_letters_the_name_before_lacks_names_no_one() -> None:
    # "a Member of Parliament, or MP": the acronym is not the parliament's (the whole pipeline, whose
    # model finds "Parliament" in the title)
    ad = analyse(
        "The Canadian Parliament was dissolved. The House of Commons includes 338 seats, each "
        "with a Member of Parliament, or MP. Parliament meets in Ottawa."
    )
    mp = entity_of(ad, "MP")
    assert mp is None or not any("Parliament" in m.text for m in mentions_of(ad, mp))


@pytest.mark.parametrize(
    "text",
    [
        "Peru declared Chile's ambassador Juan Ortega persona non grata on Tuesday.",
        "Peru on Tuesday declared the Chilean ambassador persona non grata.",
        "Peru declared Chile's ambassador Juan Ortega persona non grata and gave him 72 hours to leave.",
        "The Chilean ambassador was declared persona non grata by Peru.",
    ],
)
def test_declaring_a_diplomat_persona_non_grata_expels_him(text: str) -> None:
    source, target, ev = only(text, "SANCTION")
    assert source == ["Peru"] and target in (["Juan Ortega"], ["Chile"])
    assert ev.cameo == "166"


def test_other_declarations_are_no_expulsion() -> None:
    got = coded("Peru declared a state of emergency in the north.")
    assert not [ty for ty, _, _, _ in got if ty == "SANCTION"]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Rally\n\nAndora Verde activists staged a protest in Lima on Monday.", "Andora Verde"),
        ("Rally\n\nThe opposition Kallpa coalition held protests in Lima against Juan Ortega.", "Kallpa"),
        ("Rally\n\nFarmers led by the Agrosur union blocked roads around Lima on Monday.", "Agrosur"),
    ],
)
def test_a_name_before_a_word_for_members_or_a_group_is_an_organisation(text: str, group: str) -> None:
    ad = analyse_actors(text)
    ent = entity_of(ad, group)
    assert ent is not None and ent.type == "ORG"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Clash\n\nIslamist militants attacked a base in Mali on Monday.", "Islamist"),
        ("Clash\n\nPeruvian activists marched in Lima on Monday.", "Peruvian"),
        ("Clash\n\nOn Monday activists marched in Lima.", "Monday"),
        ("Clash\n\nProminent activists marched in Lima.", "Prominent"),
        ("Clash\n\nSeven members states had bid to host the secretariat.", "Seven"),
        ("Clash\n\nThe leaders of Peru and the Chairman's militants met.", "Chairman's"),
    ],
)
def test_a_creed_a_demonym_or_a_day_before_members_is_no_organisation(text: str, word: str) -> None:
    ent = entity_of(analyse_actors(text), word)
    assert ent is None or ent.type != "ORG"


def test_a_protest_by_a_named_coalition_is_its_own() -> None:
    text = "The opposition Kallpa coalition held mass protests in Lima against President Juan Ortega."
    source, target, _ = only(text, "PROTEST")
    assert (source, target) == (["Kallpa"], ["Juan Ortega"])


def test_a_judgement_of_a_passive_deed_is_aimed_at_the_doer_guessed_for_it() -> None:
    text = (
        "Ann Ward and Tom Reyes were arrested in Chile on Friday, in what Peru condemned as "
        '"arbitrary detention".'
    )
    got = {(ty, tuple(s), tuple(t)) for ty, s, t, _ in coded(text)}
    assert ("COERCE", ("Chile",), ("Ann Ward", "Tom Reyes")) in got
    assert ("ACCUSE", ("Peru",), ("Chile",)) in got


def test_one_word_opening_a_sentence_is_a_group_when_the_text_names_it_inside_one() -> None:
    ad = analyse_actors("Clash\n\nKallpa militants seized two towns. Chile fought the Kallpa army on Monday.")
    ent = entity_of(ad, "Kallpa")
    assert ent is not None and ent.type == "ORG"


@pytest.mark.parametrize(
    "text",
    ["Chile suspended budget support to Peru on Monday.", "Chile ended its support for the Andean Front."],
)
def test_support_stopped_is_a_sanction(text: str) -> None:
    got = [(ty, e.cameo) for ty, _, _, e in coded(text)]
    assert ("SANCTION", "160") in got and not [ty for ty, _ in got if ty == "SUPPORT"]


def test_support_given_to_a_state_is_support() -> None:
    source, target, _ = only("Chile pledged support to Peru on Monday.", "SUPPORT")
    assert (source, target) == (["Chile"], ["Peru"])


def test_a_group_named_with_its_capitalised_head_elsewhere_is_one_actor() -> None:
    ad = analyse_actors("Vote\n\nThe Andora Verde Party met. The Andora Verde party said it would run.")
    assert entity_of(ad, "Andora Verde") is None


def test_coordinating_with_a_state_is_cooperation_and_coordinating_a_thing_is_none() -> None:
    source, target, ev = only("Chile coordinated closely with Peru on the rescue.", "SUPPORT")
    assert (source, target, ev.cameo) == (["Chile"], ["Peru"], "050")
    assert coded("Chile coordinated the search on Monday.") == []


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("The Andean Front launched a general strike against President Juan Ortega.", "143"),
        ("Ann Ward began a hunger strike against the Chilean government.", "142"),
    ],
)
def test_a_general_or_hunger_strike_is_a_protest_not_an_attack(text: str, cameo: str) -> None:
    got = [(ty, e.cameo) for ty, _, _, e in coded(text)]
    assert got == [("PROTEST", cameo)]


def test_an_air_strike_is_still_an_attack() -> None:
    source, target, _ = only("Chile launched air strikes on Peru on Monday.", "ASSAULT")
    assert (source, target) == (["Chile"], ["Peru"])


def test_going_on_strike_is_a_protest_and_going_on_the_offensive_none() -> None:
    text = "Workers of the Andean Union went on strike against Chile."
    got = [(ty, e.cameo) for ty, _, _, e in coded(text)]
    assert got == [("PROTEST", "143")]
    assert coded("Chile went on the offensive on Monday.") == []


def test_a_name_the_model_found_that_ends_in_a_known_place_is_one_person() -> None:
    # "Wanzhou" is a district the knowledge base knows; "Peng Wanzhou" a made-up person (the whole
    # pipeline: the model finds the name)
    ad = analyse("Chile freed two men after executive Peng Wanzhou reached a deal. Peng flew home on Friday.")
    ent = entity_of(ad, "Peng Wanzhou")
    assert ent is not None and ent.type == "PERSON" and entity_of(ad, "Peng") is ent


def test_an_answer_told_with_the_answerers_own_name_threatens_whom_it_answers() -> None:
    text = (
        "Peru expelled 23 Chilean diplomats on Wednesday. The Chilean foreign ministry called the measures "
        "a provocation and said Santiago's response would follow soon."
    )
    got = [(s, t) for ty, s, t, _ in coded(text) if ty == "THREATEN"]
    assert got == [(["Chilean foreign ministry", "Chile"], ["Peru"])]


@pytest.mark.parametrize(
    "text", ["Chile ignored warnings from Peru.", "Chile disregarded repeated calls from Peru on Monday."]
)
def test_ignoring_a_warning_or_a_call_rejects_who_made_it(text: str) -> None:
    assert [(s, t) for ty, s, t, _ in coded(text) if ty == "REJECT"] == [(["Chile"], ["Peru"])]


def test_ignoring_a_question_or_a_state_is_no_rejection() -> None:
    assert coded("Chile ignored the question on Monday.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Chile issued a warning to Peru on Monday.",
        "Peru defied warnings from Chile.",
        "Peru received a warning from Chile.",
    ],
)
def test_a_warning_made_to_someone_threatens_them(text: str) -> None:
    assert [(s, t) for ty, s, t, _ in coded(text) if ty == "THREATEN"] == [(["Chile"], ["Peru"])]


def test_a_warning_to_no_one_named_is_no_event() -> None:
    assert coded("Chile issued a storm warning on Monday.") == []
