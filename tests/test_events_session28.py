"""Session 28: the role nouns of a crime story ("the accused", "the suspect") as its suspect,
convictions in a story that names its state once, reactions to what an inquiry is asked into, a
person's nationality that does not set the story's state, formulas of thanks and solidarity in
quotes, accusations in themselves, reactions to deeds done to someone, a person's name the model split.

The sentences are written for these tests (made-up situations between real states and made-up
people and groups), not taken from any article.
"""

from __future__ import annotations

from .events_helpers import analyse
from .events_helpers import pairs_of as _of

COURT = "Juan Ortega, aged 28, appeared in court in Lima on Saturday, charged with one count of murder. "


def _named(body: str, text: str) -> str | None:
    """The name of the actor that the mention ``text`` of ``body`` resolves to."""
    ad = analyse(body)
    names = {e.id: e.name for e in ad.entities}
    return next((names[m.entity] for m in ad.mentions if m.text == text), None)


def test_the_accused_is_the_person_the_story_charged() -> None:
    body = COURT + "Peruvian police arrested the accused on Friday near the market."
    assert _of(body, "COERCE") == {(("Peruvian security forces",), ("Juan Ortega",))}
    body = "Juan Ortega was arrested in Lima on Friday. Judge Ana Ruiz said the suspect would stay in jail."
    assert _named(body, "the suspect") == "Juan Ortega"


def test_a_suspect_named_by_a_role_word() -> None:
    body = "Police in Lima named suspect Juan Ortega on Monday. The gunman had fled to Cusco."
    assert _named(body, "The gunman") == "Juan Ortega"
    body = "Officials identified the suspect as Juan Ortega of Cusco. Peru charged the suspect with murder."
    assert (("Peru",), ("Juan Ortega",)) in _of(body, "ACCUSE")


def test_the_victim_is_no_suspect() -> None:
    body = "Pedro Soto was stabbed in Lima on Friday. Peruvian police arrested the suspect on Saturday."
    assert _named(body, "the suspect") is None
    assert not _of(body, "COERCE")


def test_a_role_word_describing_another_noun_is_no_mention() -> None:
    body = COURT + "The church keeps a list of the accused priests."
    assert _named(body, "the accused") is None


def test_a_suspects_phrase_told_of_someone_else_marks_no_one() -> None:
    body = "Spokesman Pedro Soto said a badge was used by the assailant, reported as convicted of theft."
    assert _named(body, "the assailant") is None


def test_a_conviction_in_a_story_that_names_its_state_once() -> None:
    body = (
        "President Juan Ortega of the United States commuted the sentences of eleven people. "
        "Pedro Soto was convicted of fraud in 2008 in the Northern District of Texas."
    )
    assert _of(body, "COERCE") == {(("United States",), ("Pedro Soto",))}


def test_an_investigation_asked_into_an_act_is_about_its_doer() -> None:
    """(Since session 40 a call for an inquiry is a request, as a demand for one is, not the caller's
    own investigation; it is still aimed at the doer of the act inquired into.)"""
    body = (
        "Peruvian police arrested Pedro Soto in Lima on Monday. "
        "The Andean Front has called for an investigation into the arrest."
    )
    assert (("Andean Front",), ("Peruvian security forces",)) in _of(body, "REQUEST")


def test_a_persons_nationality_does_not_set_the_story_state() -> None:
    body = (
        "A Chilean, Juan Ortega, 41, appeared in court in Cusco, Peru on Monday, charged with arson. "
        "Police arrested the accused on Sunday."
    )
    assert (("Peruvian security forces", "Peru"), ("Juan Ortega",)) in _of(body, "COERCE")
    assert not [s for s, _ in _of(body, "COERCE") if "Chile" in s]


def test_appearing_in_court_is_being_charged_by_the_state() -> None:
    body = "Juan Ortega, a Peruvian, appeared in court in Lima on Saturday. Peru has a new law on courts."
    assert _of(body, "COERCE") == {(("Peru",), ("Juan Ortega",))}


def test_thanks_congratulation_and_solidarity_in_quotes() -> None:
    ended = "Pedro Soto ended his campaign for president of Peru. "
    body = ended + 'Ana Ruiz wrote, "Congratulations to Pedro Soto on a hard-fought race."'
    assert _of(body, "SUPPORT") == {(("Ana Ruiz",), ("Pedro Soto",))}
    body = ended + '"Thank you Pedro Soto for standing up for farmers," wrote Ana Ruiz.'
    assert _of(body, "SUPPORT") == {(("Ana Ruiz",), ("Pedro Soto",))}
    stabbed = "Pedro Soto was stabbed on stage in Lima. "
    body = stabbed + 'Juan Ortega said: "Our thoughts are with Pedro Soto and his family tonight."'
    assert _of(body, "SUPPORT") == {(("Juan Ortega",), ("Pedro Soto",))}


def test_thanks_beside_blame_is_no_support() -> None:
    body = 'Ana Ruiz wrote, "Thank you Pedro Soto for nothing: you lied to Peru and betrayed us."'
    assert not _of(body, "SUPPORT")


def test_an_accusation_in_itself_needs_no_negative_tone() -> None:
    body = 'Ana Ruiz said, "As long as the Congress stays shut, the Chilean government is breaking the law."'
    assert _of(body, "ACCUSE") == {(("Ana Ruiz",), ("Chile",))}  # (not Congress, which only stays closed)
    body = 'Juan Ortega said the Andean Front "has shown no respect for the farmers of Cusco."'
    assert _of(body, "ACCUSE") == {(("Juan Ortega",), ("Andean Front",))}


def test_an_accusation_in_itself_asked_or_denied_accuses_no_one() -> None:
    body = 'Juan Ortega said: "The court will decide next week whether Pedro Soto broke the law."'
    assert not _of(body, "ACCUSE")
    assert not _of('Juan Ortega said: "Pedro Soto never broke the law."', "ACCUSE")


SENTENCED = "Peruvian judge Ana Ruiz sentenced Pedro Soto to 40 months in prison. "


def test_a_sentence_judged_unjust_accuses_whoever_passed_it() -> None:
    body = SENTENCED + 'Juan Ortega called the sentence "unjust".'
    assert _of(body, "ACCUSE") == {(("Juan Ortega",), ("Ana Ruiz",))}
    body = SENTENCED + 'Juan Ortega called the sentence of Pedro Soto "unjust".'
    assert _of(body, "ACCUSE") == {(("Juan Ortega",), ("Ana Ruiz",))}


def test_condemning_a_deed_done_to_someone_does_not_accuse_them() -> None:
    assert not _of("Juan Ortega condemned the detention of Pedro Soto.", "ACCUSE")
    assert not _of('Juan Ortega called the sentence of Pedro Soto "unjust".', "ACCUSE")
    body = "Juan Ortega condemned Pedro Soto's arrest by Chilean police."
    assert _of(body, "ACCUSE") == {(("Juan Ortega",), ("Chilean security forces",))}


def test_responsible_for_deaths_is_an_assault() -> None:
    body = "The Andean Front was responsible for the deaths of hundreds of Peruvian soldiers."
    assert _of(body, "ASSAULT") == {(("Andean Front",), ("Peru",))}
    assert not _of("The Andean Front was responsible for the delay of the vote in Peru.", "ASSAULT")


def test_acting_in_cooperation_with_someone() -> None:
    body = "Chile worked in close cooperation with Peru on the investigation."
    assert _of(body, "COOPERATE") == {(("Chile",), ("Peru",))}


def test_a_resignation_filed_with_someone() -> None:
    """Handed to someone, a resignation is conceded to them (session 41: was RETREAT, the reading of
    one that names no one but the office's own side)."""
    body = "Juan Ortega filed his resignation with President Ana Ruiz on Monday."
    assert _of(body, "CONCEDE") == {(("Juan Ortega",), ("Ana Ruiz",))}


def test_not_appearing_in_court_is_no_charge() -> None:
    body = "Juan Ortega, a Peruvian, waived arraignment and did not physically appear in court in Lima."
    assert not _of(body + " Peru has a new law.", "COERCE")


def test_denying_someone_entry_cuts_relations() -> None:
    assert _of("Chile denied entry to Juan Ortega.", "SANCTION") == {(("Chile",), ("Juan Ortega",))}
    assert not _of("Chile denied entry to Juan Ortega.", "ACCUSE")


def test_a_name_the_model_split_in_two_is_one_person() -> None:
    from newsgraph.actors.select import resolve_overlaps
    from newsgraph.actors.spans import Cand

    person = Cand(0, 14, "Ana Marie Soto", "PERSON", "given")
    first, last = Cand(0, 9, "Ana Marie", "PERSON", "model"), Cand(10, 14, "Soto", "PERSON", "model")
    assert resolve_overlaps([(3, first), (3, last), (4, person)]) == [person]
    # a piece that does not reach the given name's end keeps the model's reading
    short = Cand(0, 9, "Ana Marie", "PERSON", "model")
    assert resolve_overlaps([(3, short), (4, person)]) == [short]


def test_an_act_done_to_a_relative_is_not_done_to_them() -> None:
    assert not _of("Peruvian police arrested the brother of Pedro Soto.", "COERCE")
    body = "Peruvian police arrested Pedro Soto on Monday."
    assert _of(body, "COERCE") == {(("Peruvian security forces",), ("Pedro Soto",))}
