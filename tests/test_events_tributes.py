"""Tributes and judgements in quotes: who a quoted "he" is, short judgements, mourning (issue 14).

The people and sentences are made up for these tests, not taken from any article.
"""

from __future__ import annotations

from newsgraph.events.stance import stance

from .events_helpers import coded, only, pipe


def _support(body: str) -> list[tuple[list[str], list[str]]]:
    return [(s, g) for t, s, g, _ in coded(body) if t == "SUPPORT"]


def test_he_in_a_direct_quote_is_the_person_the_quote_named_before_not_the_speaker() -> None:
    body = (
        'Senator Ann Ward wrote, "The country mourns the death of Governor Tom Reyes. '
        'He was an honest and wonderful leader."'
    )
    assert (["Ann Ward"], ["Tom Reyes"]) in _support(body)


def test_he_in_a_direct_quote_is_the_person_the_cue_names_as_its_topic() -> None:
    body = (
        "Maria Lopez met Governor Tom Reyes in March. Senator Ann Ward said of Lopez, "
        '"He was always an honest, brilliant and wonderful colleague."'
    )
    assert _support(body) == [(["Ann Ward"], ["Maria Lopez"])]


def test_a_topic_that_names_no_known_person_leaves_the_pronoun_unread() -> None:
    body = (
        "Maria Lopez met Governor Tom Reyes in March. Senator Ann Ward said of the old bridge, "
        '"It was always an honest, brilliant and wonderful design, and he loved it."'
    )
    assert _support(body) == []


def test_he_in_reported_speech_may_be_the_speaker() -> None:
    """ "Reyes said he was a great admirer of Lopez": no praise of Reyes by himself, nor of Lopez
    by her admirer's pronoun."""
    body = "Governor Tom Reyes said he was proud and honest, and a great and wonderful friend to all."
    assert _support(body) == []


def test_a_short_judgement_is_decided_by_its_word_of_praise_or_accusation() -> None:
    _, res = pipe()
    lex = res.get("event_lexicon")
    got = stance("humble and soft-spoken", lex, "quote content")
    assert got is not None and got.type == "SUPPORT"
    got = stance("phony", lex, "quote content")
    assert got is not None and got.type == "ACCUSE"
    # a short phrase with neither kind of word is no judgement ("natural born citizen")
    assert stance("natural born citizen", lex, "quote content") is None


def test_words_the_editor_put_in_brackets_are_not_the_speakers() -> None:
    _, res = pipe()
    lex = res.get("event_lexicon")
    assert stance("Jo Kemp and I witnessed [the brutal attack] from the car", lex, "quote content") is None
    got = stance("[H]e was a brilliant, wonderful and honest man, a true hero", lex, "quote content")
    assert got is not None and got.type == "SUPPORT"


def test_a_short_quoted_judgement_of_someone_praises_them() -> None:
    body = 'Senator Ann Ward called Governor Tom Reyes "humble and soft-spoken".'
    assert _support(body) == [(["Ann Ward"], ["Tom Reyes"])]


def test_mourning_someone_is_a_tribute_not_criticism() -> None:
    got = [(t, s, g) for t, s, g, _ in coded("On Monday, Ghana mourned the death of Peter Banda.")]
    assert ("SUPPORT", ["Ghana"], ["Peter Banda"]) in got
    assert not [x for x in got if x[0] == "ACCUSE"]


def test_praise_predicated_of_a_named_subject_is_support_where_the_tone_is_mild() -> None:
    """A tribute whose whole is too mild for the valence lexicon ("fight", "death" weigh on it) is
    still praise when a sentence calls its subject something praiseworthy."""
    body = (
        "Senator Ann Ward spoke about the late Governor Tom Reyes on Friday. She said "
        '"Tom Reyes was very honest, hardworking and a brilliant person who fought for his province '
        'during the war until his death. We will miss him."'
    )
    assert (["Ann Ward"], ["Tom Reyes"]) in _support(body)


def test_praise_of_no_actor_or_negated_praise_is_no_support() -> None:
    body = (
        "Senator Ann Ward spoke about Governor Tom Reyes on Friday. She said "
        '"It is a great loss to the province, because Tom Reyes had done a lot. '
        'Tom Reyes was never honest with the people of the province about the war."'
    )
    assert _support(body) == []


def test_a_judgement_of_someones_thing_is_criticism_of_them() -> None:
    """A one-word verdict that condemns ("lousy") is criticism of whose the judged thing is, also
    where the parse reads the thing as a clause; a month name ends a person's name."""
    body = "Senator Tom Reyes called Prime Minister Tessa May's proposed trade deal \"lousy\" on Monday."
    got = [(s, t) for ty, s, t, _ in coded(body) if ty == "ACCUSE"]
    assert got == [(["Tom Reyes"], ["Tessa May"])]


def test_a_short_quote_completing_a_reported_clause_judges_that_clauses_subject() -> None:
    body = 'Senator Ann Ward said the Iranian government had "violated international law".'
    got = [(s, t) for ty, s, t, _ in coded(body) if ty == "ACCUSE"]
    assert got and got[0][0] == ["Ann Ward"] and len(got[0][1]) == 1
    body = 'Senator Ann Ward tweeted that Tom Reyes "was a warm and gentle soul."'
    assert (["Ann Ward"], ["Tom Reyes"]) in _support(body)
    # a quote in a relative clause is its own subject's words, not the speaker's judgement of it
    body = 'Ann Ward criticized the decision, which Tom Reyes has referred to as "a disgrace".'
    assert [t for ty, _, t, _ in coded(body) if ty == "ACCUSE" and t == ["Tom Reyes"]] == []


def test_remembering_someone_as_a_hero_is_a_tribute() -> None:
    body = "Senator Ann Ward remembered Tom Reyes as an American hero."
    assert (["Ann Ward"], ["Tom Reyes"]) in _support(body)
    assert _support("Senator Ann Ward remembered Tom Reyes.") == []


def test_praise_in_apposition_to_a_name_is_a_tribute() -> None:
    # (an MP's tribute: praise among people of no political standing is no event, see session 29)
    body = 'MP Lou Marsh wrote on Twitter, "Dan Okoro, great bassist, wild and lovely man. We toured once."'
    assert _support(body) == [(["Lou Marsh"], ["Dan Okoro"])]


def test_a_quoted_he_among_several_named_people_is_the_protagonist() -> None:
    body = (
        "Bassist Dan Okoro died on Monday. Okoro played with the band for twenty years. "
        'Senator Lou Marsh reacted on Twitter, "Sad news that Dan Okoro has died, I remember playing with '
        'him in Tim Gale\'s old band. He was a fiery but extremely talented musician."'
    )
    assert _support(body) == [(["Lou Marsh"], ["Dan Okoro"])]


def test_an_honour_given_to_a_person_praises_them_and_its_name_is_no_pattern_noun() -> None:
    body = (
        "On Monday the nurse Lena Moss was awarded the Order of the Golden Star by President Omar Adeyemi "
        "for her work in the north of the country."
    )
    assert [(t, s, g) for t, s, g, _ in coded(body)] == [("SUPPORT", ["Omar Adeyemi"], ["Lena Moss"])]


def test_recommending_a_person_endorses_them() -> None:
    body = "When Lou Marsh left the group in 1962, Tim Gale recommended Dan Okoro to be his replacement."
    assert ["Dan Okoro"] in [g for _s, g in _support(body)]


def test_a_short_reported_clause_with_a_word_of_accusation_accuses_its_subject() -> None:
    got = coded("The vote was close. Senator Ann Ward said Governor Tom Reyes had betrayed the party.")
    assert [(t, s, g) for t, s, g, _ in got] == [("ACCUSE", ["Ann Ward"], ["Tom Reyes"])]


def test_calling_someone_a_hero_praises_them() -> None:
    assert _support("The vote was close. Senator Ann Ward called Governor Tom Reyes a hero.") == [
        (["Ann Ward"], ["Tom Reyes"])
    ]


def test_sadness_voiced_at_a_death_and_mourning_declared_honour_the_dead() -> None:
    assert _support("President Ann Ward of Valdoria expressed her sadness at Tom Reyes's death.") == [
        (["Ann Ward"], ["Tom Reyes"])
    ]
    assert _support("Pakistan declared a day of mourning for Tom Reyes.") == [(["Pakistan"], ["Tom Reyes"])]
    assert _support("The Indian government announced three days of mourning for Tom Reyes.") == [
        (["India"], ["Tom Reyes"])
    ]


def test_a_day_of_something_else_is_no_tribute() -> None:
    assert coded("Pakistan declared a day of celebration for Governor Tom Reyes.") == []


def test_congratulations_or_gratitude_given_to_someone_praise_them() -> None:
    for text in (
        "Senator Ann Ward expressed her gratitude to Governor Tom Reyes.",
        "Senator Ann Ward sent her congratulations to Governor Tom Reyes.",
    ):
        assert only(text, "SUPPORT")[:2] == (["Ann Ward"], ["Tom Reyes"]), text
    assert not coded("Thanks to Governor Tom Reyes, the count ended early.")


def test_a_quote_that_says_someone_must_act_demands_it_of_them() -> None:
    src, tgt, ev = only("Senator Ann Ward said Chile must stop the tests.", "REQUEST")
    assert (src, tgt, ev.cameo) == (["Ann Ward"], ["Chile"], "100")


def test_a_guess_or_a_negated_should_is_no_demand() -> None:
    guess = coded('"Governor Tom Reyes must be furious," Senator Ann Ward said.')
    assert not [c for c in guess if c[0] == "REQUEST"]
    body = '"I do not think that anyone should assume Governor Tom Reyes will resign," Senator Ann Ward said.'
    assert not [c for c in coded(body) if c[0] == "REQUEST"]
