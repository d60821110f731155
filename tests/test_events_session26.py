"""Session 26: a state's hostile act on one of its own people is an event (not one within a side);
a border closed faces the state across it; an act a noun says was refused ("Chile's refusal to
withdraw") is a refusal, not done; judgements in "as" clauses, "referred to X as ...",
and "ruled (found) that X was unlawful"; a conviction quashed frees whoever it was passed on; a
nomination given; a quote that says a side broke the law; "it" as a passive subject; threats of
retaliation and responses promised.

The sentences are written for these tests (made-up situations between real states and made-up
people and groups), not taken from any article.
"""

from __future__ import annotations

from .events_helpers import coded
from .events_helpers import pairs_of as _of


def test_a_state_arresting_or_charging_one_of_its_own_people_is_an_event() -> None:
    body = "Peruvian opposition leader Pedro Soto was arrested on Monday in Lima."
    assert (("Peru",), ("Pedro Soto",)) in _of(body, "COERCE")
    body = "Peru charged opposition leader Pedro Soto with treason."
    assert (("Peru",), ("Pedro Soto",)) in _of(body, "ACCUSE")
    body = "A Lima court sentenced the Peruvian activist Ana Ruiz to five years in prison."
    assert (("Peru",), ("Ana Ruiz",)) in _of(body, "COERCE")


def test_praise_of_ones_own_people_stays_within_the_side() -> None:
    body = "Peru praised the Peruvian ambassador Pedro Soto on Monday for his work."
    assert not _of(body, "SUPPORT")


def test_a_border_closed_faces_the_state_across_it() -> None:
    assert (("Chile",), ("Peru",)) in _of("On Monday, Chile closed its border with Peru.", "COERCE")
    assert (("Bolivia",), ("Chile",)) in _of("Bolivia closed the border with Chile on Friday.", "COERCE")


def test_a_judgement_in_an_as_clause_of_a_deed() -> None:
    body = 'On Monday, Chile closed its border with Peru. Bolivia described the decision as "regrettable".'
    assert (("Bolivia",), ("Chile",)) in _of(body, "ACCUSE")
    body = 'Ecuador described Chile\'s decision as "deeply regrettable".'
    assert (("Ecuador",), ("Chile",)) in _of(body, "ACCUSE")


def test_referring_to_someone_as_a_liar_accuses_them() -> None:
    assert (("Ana Ruiz",), ("Juan Ortega",)) in _of('Ana Ruiz referred to Juan Ortega as a "liar".', "ACCUSE")
    assert not _of("Juan Ortega referred the case to the Supreme Court of Peru.", "ACCUSE")


def test_a_ruling_that_a_deed_was_unlawful_accuses_its_doer() -> None:
    body = "The Supreme Court of Peru found that the decree issued by Juan Ortega was unlawful."
    assert any(t == ("Juan Ortega",) for _, t in _of(body, "ACCUSE"))
    body = (
        "Peruvian President Juan Ortega spoke in March. A federal judge in Lima ruled that the Ortega "
        "government's ban on protests was unconstitutional."
    )
    assert any(t == ("Juan Ortega",) for _, t in _of(body, "ACCUSE"))


def test_a_conviction_quashed_frees_whoever_it_was_passed_on() -> None:
    body = "The High Court of Peru overturned the conviction of Ana Ruiz on Monday."
    assert (("High Court of Peru",), ("Ana Ruiz",)) in _of(body, "CONCEDE")
    body = "The Supreme Court of Peru quashed the convictions of Pedro Soto and Ana Ruiz."
    assert any(set(t) == {"Pedro Soto", "Ana Ruiz"} for _, t in _of(body, "CONCEDE"))


def test_praise_of_a_thing_done_with_someone_is_no_praise_of_them() -> None:
    body = 'Juan Ortega characterized the call with Ana Ruiz as "perfectly fine and routine."'
    assert not _of(body, "SUPPORT")


def test_a_person_a_role_noun_stands_beside_is_not_the_one_acted_on() -> None:
    body = "A former advisor for Peruvian President Juan Ortega was sentenced in Lima on Wednesday."
    assert not any("Juan Ortega" in t for _, t in _of(body, "COERCE"))


def test_an_act_a_noun_says_was_refused_or_failed_is_not_done() -> None:
    body = "Chile's refusal to withdraw angered Peru."
    assert (("Chile",), ("Peru",)) in _of(body, "REJECT")
    assert not _of(body, "CONCEDE") and not _of(body, "RETREAT")
    body = "Bolivia criticised the government's failure to withdraw its troops from Peru."
    done = [e for ty, _, _, e in coded(body) if ty in ("RETREAT", "CONCEDE")]
    assert all(e.negated for e in done)


def test_a_nomination_or_endorsement_given_to_someone_backs_them() -> None:
    assert (("Andean Party",), ("Pedro Soto",)) in _of(
        "The Andean Party gave its nomination to Pedro Soto.", "SUPPORT"
    )
    assert (("Lima Union",), ("Ana Ruiz",)) in _of(
        "The Lima Union gave its endorsement to Ana Ruiz.", "SUPPORT"
    )


def test_a_quote_that_says_a_side_broke_the_law_or_made_a_bad_move_accuses_it() -> None:
    body = '"The government of Chile is breaking the law," said Peruvian Foreign Minister Juan Ortega.'
    assert (("Juan Ortega",), ("Chile",)) in _of(body, "ACCUSE")
    body = 'Ana Ruiz of Andean Watch said, "This is a disappointing and counterproductive move by Chile."'
    assert (("Ana Ruiz",), ("Chile",)) in _of(body, "ACCUSE")


def test_it_that_says_it_was_acted_on_stands_for_the_speaker() -> None:
    assert (("Chile",), ("Peru",)) in _of("Chile said it was disappointed by Peru's decision.", "ACCUSE")
    body = "Peru met Chile on Monday. It was reported that Chile had threatened Bolivia."
    assert not any("Peru" in s or "Peru" in t for s, t in _of(body, "THREATEN"))
    body = "Bolivia hosted the 2017 championship and it was boycotted by Juan Ortega."
    assert not _of(body, "PROTEST") and not _of(body, "SANCTION")


def test_a_threat_of_retaliation_or_a_response_promised_threatens() -> None:
    body = "On Monday, Bolivia threatened retaliation against Chile over the border closure."
    assert (("Bolivia",), ("Chile",)) in _of(body, "THREATEN")
    body = "Peruvian leader Juan Ortega promised a harsh response to Chile."
    assert any(t == ("Chile",) for _, t in _of(body, "THREATEN"))
    assert not _of(body, "AGREE")


def test_mourning_those_who_lost_their_lives_accuses_no_one_of_them() -> None:
    body = (
        'Peruvian Foreign Minister Juan Ortega said: "This appalling attack is a crime. Several Chilean '
        'soldiers lost their lives in the border town."'
    )
    assert not _of(body, "ACCUSE")


def test_a_threat_word_far_from_any_modal_is_no_threat() -> None:
    body = (
        'Peruvian Foreign Minister Juan Ortega said, "Children in Chile are safer because of the work done '
        'to punish the traffickers, and we can do more."'
    )
    assert not _of(body, "THREATEN")
    body = 'Peruvian Foreign Minister Juan Ortega said, "Chile will pay a heavy price for this crime."'
    assert (("Juan Ortega",), ("Chile",)) in _of(body, "THREATEN")


def test_questioning_a_persons_citizenship_disapproves_of_them() -> None:
    body = "The Andean Front questioned the citizenship of Ana Ruiz."
    assert (("Andean Front",), ("Ana Ruiz",)) in _of(body, "ACCUSE")


def test_documents_relating_to_a_decision_are_no_cooperation() -> None:
    body = (
        "In April, the Lima Oversight Committee authorized subpoenas for documents relating to the Chilean "
        "government's decision to close the border."
    )
    assert not _of(body, "COOPERATE")


def test_a_ticket_nominated_backs_everyone_on_it() -> None:
    body = (
        "In May, the Andean Party nominated a ticket of activist Pedro Soto for president and professor "
        "Ana Ruiz for vice president."
    )
    assert any(set(t) == {"Pedro Soto", "Ana Ruiz"} for _, t in _of(body, "SUPPORT"))
