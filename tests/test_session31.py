"""Session 31: constructions found missing on unseen news (an audit of 36 Wikinews articles outside
the dev set): complying with someone's request, a legislature's confirmation, a challenge in court, a
request framing a clause the parse misread, a crowd's march read as a participle, cooperation, leaving
a bloc, sides the story leaves unnamed, words of solidarity and accusation, criticism of an own
leader's deeds, subjects denied with "neither ... nor", accusations a clause is done despite, and
refusals named by a noun.

The sentences are written for these tests (made-up situations between real states and made-up
people and groups), not taken from any article.
"""

from __future__ import annotations

from .events_helpers import coded
from .events_helpers import pairs_of as _of


def test_complying_with_a_request_concedes_to_whoever_made_it() -> None:
    body = (
        "Peru's President Ana Ruiz announced she will comply with the request of Prime Minister Juan Ortega."
    )
    # complying yields (CAMEO 080), not an intent to cooperate (the compiled dictionary's 030) ...
    assert _of(body, "CONCEDE") == {(("Ana Ruiz",), ("Juan Ortega",))}
    assert _of(body, "AGREE") == set()
    # ... and the request complied with was made of the one who complies, whatever the compliance's mood
    asked = [e for t, _, _, e in coded(body) if t == "REQUEST"]
    assert _of(body, "REQUEST") == {(("Juan Ortega",), ("Ana Ruiz",))} and not asked[0].hypothetical


def test_a_request_framing_a_clause_the_parse_made_an_object() -> None:
    # "did so at the request of X": the parse reads "request" as the object of "did"
    body = "Peruvian Governor Ana Ruiz dissolved the assembly. She did so at the request of Juan Ortega."
    assert _of(body, "REQUEST") == {(("Juan Ortega",), ("Ana Ruiz", "Peru"))}


def test_a_legislature_confirming_a_person_or_a_nomination_endorses_the_nominee() -> None:
    body = "Juan Ortega was appointed governor of Peru. The Peruvian Congress confirmed him on Friday."
    assert _of(body, "SUPPORT") == {(("Peruvian Congress",), ("Juan Ortega",))}
    body = "The Peruvian Congress confirmed Ana Ruiz's nomination on Friday."
    assert _of(body, "SUPPORT") == {(("Peruvian Congress",), ("Ana Ruiz",))}
    # a confirmation by anyone else is no endorsement
    assert coded("Peruvian police confirmed Ana Ruiz dead on Friday.") == []


def test_challenging_an_act_in_court_sues_its_author() -> None:
    body = "Lima mayor Ana Ruiz challenged the decree of President Juan Ortega in court."
    assert _of(body, "ACCUSE") == {(("Ana Ruiz",), ("Juan Ortega",))}
    said = [
        e for t, _, _, e in coded("Ana Ruiz said she would challenge Juan Ortega's oath of office in court.")
    ]
    assert [(e.type, e.hypothetical) for e in said] == [("ACCUSE", True)]
    # a challenge elsewhere is no lawsuit
    assert _of("Ana Ruiz challenged Juan Ortega to a debate.", "ACCUSE") == set()


def test_a_crowds_march_read_as_a_participle_is_its_protest() -> None:
    body = (
        "Estimates by organizers indicate roughly one million people marched in Lima on Saturday, protesting "
        "the pending exit of Peru from the Andean Pact."
    )
    assert _of(body, "PROTEST") == {(("protesters",), ("Peru",))}


def test_a_request_not_acceded_to_was_still_made_and_nothing_was_conceded() -> None:
    body = "Chilean President Ana Ruiz did not comply with the request of Juan Ortega."
    got = {(t, tuple(s), tuple(g), e.negated) for t, s, g, e in coded(body)}
    assert ("REQUEST", ("Juan Ortega",), ("Ana Ruiz", "Chile"), False) in got
    assert not any(t == "CONCEDE" and not neg for t, _, _, neg in got)


def test_a_gerund_voted_against_is_not_done() -> None:
    got = coded("The Peruvian Senate voted against confirming Juan Ortega.")
    assert [(t, e.negated) for t, _, _, e in got] == [("SUPPORT", True)]


def test_cooperating_with_a_side_is_material_cooperation_and_private_work_is_none() -> None:
    assert _of("Chile cooperated with Peru in the investigation.", "COOPERATE") == {(("Chile",), ("Peru",))}
    assert _of("Chile cooperated with Peru in the investigation.", "SUPPORT") == set()
    # musicians working together do nothing political
    assert coded("The drummer Juan Ortega collaborated with the singer Ana Ruiz on an album.") == []


def test_a_side_the_story_leaves_unnamed_makes_no_event() -> None:
    body = "Gunmen attacked Peruvian journalist Ana Ruiz in Lima on Monday. The attacker was shot by police."
    assert coded(body) == []
    # ... until a group claims the attack: the gunmen are that group
    claimed = body + " The Andean Front claimed responsibility for the attack."
    assert (("Andean Front",), ("Ana Ruiz",)) in _of(claimed, "ASSAULT")


def test_a_ruling_called_unwelcome_accuses_the_judge() -> None:
    body = (
        "Judge Ana Ruiz ruled on Thursday that Peru must pay the fine. The Peruvian government said the "
        "ruling is particularly unwelcome and inappropriate."
    )
    assert _of(body, "ACCUSE") == {(("Peru",), ("Ana Ruiz",))}


def test_a_state_leaving_a_bloc_withdraws_from_it() -> None:
    assert _of("Peru left the Andean Community.", "SANCTION") == {(("Peru",), ("Andean Community",))}
    assert coded("Senator Ana Ruiz left the Andean Front in 2010.") == []  # a person leaving a party


def test_prayers_and_wishes_of_recovery_support_whom_they_name() -> None:
    body = (
        'Peruvian Governor Juan Ortega was stabbed on Sunday. Chilean President Ana Ruiz said, "Let us all '
        'pray for Governor Ortega." Bolivian leader Luis Gil said, "We wish Juan Ortega a speedy recovery."'
    )
    assert _of(body, "SUPPORT") == {(("Ana Ruiz",), ("Juan Ortega",)), (("Luis Gil",), ("Juan Ortega",))}


def test_criticism_of_an_own_former_leaders_deeds_accuses_the_leader() -> None:
    body = (
        "On Tuesday, Juan Ortega, the former President of Peru, died. The government allegedly criticized "
        "Ortega's creation of new cities in the desert."
    )
    assert _of(body, "ACCUSE") == {(("Peru",), ("Juan Ortega",))}


def test_a_subject_denied_with_neither_nor_is_negated() -> None:
    body = (
        "Neither the European Union nor the United States would endorse the result of Juan Ortega's election."
    )
    got = coded(body)
    assert got and all(e.negated or t == "REJECT" for t, _, _, e in got)
    assert not [t for t, _, _, e in got if t == "SUPPORT" and not e.negated]


def test_an_accusation_a_clause_is_done_despite_is_made_of_its_doer() -> None:
    body = (
        "Despite criticism from Chile, Peru closed the border. Despite Ana Ruiz's allegations of fraud, "
        "Juan Ortega won."
    )
    assert _of(body, "ACCUSE") == {(("Chile",), ("Peru",)), (("Ana Ruiz",), ("Juan Ortega",))}


def test_a_refusal_to_act_rejects_the_act() -> None:
    body = "Following Peru's refusal to hold talks with Chile, Chile recalled its ambassador."
    assert (("Peru",), ("Chile",)) in _of(body, "REJECT")
    assert _of(body, "CONSULT") == set()
    # a mere absence is no refusal: "could not agree" stays a negated agreement
    got = coded("Peru and Chile could not agree on a border treaty.")
    assert not [t for t, _, _, _ in got if t == "REJECT"]
