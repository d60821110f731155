"""Sentence boundaries: the rule-based split, and the parse that keeps to it."""

from __future__ import annotations

from newsgraph.models import Span
from newsgraph.pipeline.registry import Resources
from newsgraph.pipeline.stages.parse import FIXED_SENTENCE, parse
from newsgraph.text.util import split_sentences


def _split(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, Span(0, len(text)))]


def _parsed(text: str) -> list[str]:
    whole = Span(0, len(text))
    docs = parse(Resources().get("nlp"), text, [whole], split_sentences(text, whole))
    return [s.text.strip() for _off, d in docs for s in d.sents if s.text.strip()]


def test_a_transcripts_speaker_tag_is_a_sentence_of_its_own() -> None:
    text = "Intro. Yes.\n((WN))  Why did you agree? I did.\n((Ann Ward))  Well, I wanted to."
    assert _split(text) == [
        "Intro.", "Yes.", "((WN))", "Why did you agree?", "I did.", "((Ann Ward))", "Well, I wanted to.",
    ]


def test_a_tag_only_at_the_start_of_a_line() -> None:
    text = "He said ((sic)) it was over. Then he left."
    assert _split(text) == ["He said ((sic)) it was over.", "Then he left."]


def test_the_parser_does_not_cut_a_sentence_inside_a_name() -> None:
    # the model alone cut it after "Governor", leaving the verb's object in another sentence
    text = "Senator Mark Halden picked Governor Lisa Brandt as his running mate. He left on Monday."
    assert _parsed(text) == [
        "Senator Mark Halden picked Governor Lisa Brandt as his running mate.", "He left on Monday.",
    ]


def test_the_parser_does_not_join_sentences_across_a_closing_quote() -> None:
    text = 'Ward called the sentence "unjust." The campaign criticized the decision.'
    assert _parsed(text) == ['Ward called the sentence "unjust."', "The campaign criticized the decision."]


def test_a_sentence_too_long_to_be_fixed_is_left_to_the_parser() -> None:
    words = " ".join(["and the committee met again"] * (FIXED_SENTENCE // 20))
    text = f"It began {words} in the end"
    assert len(text) > FIXED_SENTENCE and _split(text) == [text]
    assert "".join(_parsed(text)).replace(" ", "") == text.replace(" ", "")


def test_a_space_between_sentences_is_not_taken_for_a_root() -> None:
    # Wikinews puts two spaces after a full stop; forced into the sentence before, the space token
    # was made its root and the verb a modifier of it
    text = (
        "At the Green Party's 2020 convention held online in May, the party nominated teacher Ann Ward for"
        " president on the third ballot.  For vice president, the party chose Tom Reyes."
    )
    whole = Span(0, len(text))
    doc = parse(Resources().get("nlp"), text, [whole], split_sentences(text, whole))[0][1]
    verb = next(t for t in doc if t.text == "nominated")
    assert verb.dep_ == "ROOT" and not any(t.head.is_space and not t.is_space for t in doc)
