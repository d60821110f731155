"""Session 41: constructions of unseen news the coder missed (made-up names)."""

from __future__ import annotations

from .events_helpers import coded


def _found(text: str) -> list[tuple[str, list[str], list[str]]]:
    return [e[:3] for e in coded(text)]


def test_a_passive_reaction_to_a_deed_told_before_is_aimed_at_its_doer() -> None:
    """ "The move was condemned by Chile": the passive's subject names the deed told before, so the
    reaction is aimed at whoever did it, as the active "Chile condemned the move" is."""
    expelled = "Peru expelled two Chilean diplomats on Monday."
    assert ("ACCUSE", ["Bolivia"], ["Peru"]) in _found(f"{expelled} The decision was criticised by Bolivia.")
    shelled = "Chile shelled Peruvian border towns on Monday."
    condemned = _found(f"{shelled} The attack was condemned by the United Nations.")
    assert ("ACCUSE", ["United Nations"], ["Chile"]) in condemned
    imposed = "Peru imposed sanctions on Chile on Monday."
    assert ("SUPPORT", ["Bolivia"], ["Peru"]) in _found(f"{imposed} The sanctions were welcomed by Bolivia.")


def test_a_passive_that_names_no_deed_reacts_to_nothing() -> None:
    """A passive whose subject is no event noun told before stays without a target."""
    assert _found("Peru expelled two Chilean diplomats. The statement was read by Bolivia's envoy.") == [
        ("SANCTION", ["Peru"], ["Chile"])
    ]


def test_a_resignation_handed_to_someone_is_conceded_to_them() -> None:
    """ "Submitted his resignation to President X" yields to X (CAMEO 0831, CONCEDE), as "resigned at
    X's request" does; a resignation handed to no one stays a withdrawal from the office (RETREAT)."""
    for verb in ("submitted", "handed", "filed"):
        text = f"Prime Minister Juan Ortega {verb} his resignation to President Ana Ruiz on Wednesday."
        events = coded(text)
        assert [(e[0], e[1], e[2], e[3].cameo) for e in events] == [
            ("CONCEDE", ["Juan Ortega"], ["Ana Ruiz"], "0831")
        ], text
    alone = coded("Peruvian Prime Minister Juan Ortega announced his resignation on Wednesday.")
    assert [(e[0], e[1], e[2]) for e in alone] == [("RETREAT", ["Juan Ortega"], ["Peru"])]


def test_an_attack_that_names_no_one_is_the_claimers_on_the_place_it_struck() -> None:
    """ "A bomb exploded in Lima ... X claimed responsibility", "three bombings took place in X": the
    one claimer's attack on the place the clause names."""
    exploded = _found("A bomb exploded in Lima on Monday. The Taliban claimed responsibility for the attack.")
    assert exploded == [("ASSAULT", ["Taliban"], ["Lima"])]
    bombings = "Three suicide bombings took place in Kabul on Monday."
    assert _found(f"{bombings} The Taliban claimed responsibility for all three attacks.") == [
        ("ASSAULT", ["Taliban"], ["Kabul"])
    ]
    assert _found(bombings) == []  # no one claimed them: no event


def test_an_object_pronoun_is_not_the_subject_of_the_sentence_before() -> None:
    """ "Police chased X. The police shot *him*": X was named in the sentence before, so X is no
    subject of the pronoun's own clause, and "him" is X."""
    text = "In Lima, police chased Juan Ortega. The police shot him."
    assert _found(text) == [("ASSAULT", ["Peruvian security forces"], ["Juan Ortega"])]


def test_the_officers_are_the_police() -> None:
    """ "The officers" is the security forces of the story's state, as "the police" is."""
    text = "Peruvian police officers chased Juan Ortega. The officers eventually shot him dead."
    assert _found(text) == [("ASSAULT", ["Peruvian security forces"], ["Juan Ortega"])]
    assert _found("The company's officers met Juan Ortega in Lima.") == []


def test_a_finding_with_a_to_be_predicate_judges_the_owner() -> None:
    """ "Found X's decree to be unlawful" judges X as "found that X's decree was unlawful" does."""
    events = _found("The Supreme Court of Peru found Juan Ortega's decree to be unlawful.")
    assert events == [("ACCUSE", ["Supreme Court of Peru"], ["Juan Ortega"])]


def test_criticism_of_a_bill_sent_before_is_aimed_at_its_sender() -> None:
    """ "X sent a bill to Congress ... Y criticised the bill": Y accuses X; a judgment is a ruling's
    act, as "the ruling" is."""
    sent = "President Juan Ortega sent a bill to the Congress of Peru."
    text = f"{sent} Archbishop Ana Ruiz criticised the bill."
    assert ("ACCUSE", ["Ana Ruiz"], ["Juan Ortega"]) in _found(text)
    ruled = "Judge Juan Ortega ruled against Peru on Monday. The Peruvian government condemned the judgment."
    assert ("ACCUSE", ["Peru"], ["Juan Ortega"]) in _found(ruled)


def test_giving_up_control_to_someone_concedes_it_to_them() -> None:
    """ "Gave up control of the island *to Peru*": the receiver hung inside the object is the target."""
    assert _found("Chile gave up control of the island to Peru.") == [("CONCEDE", ["Chile"], ["Peru"])]


def test_disarming_someone_is_no_attack() -> None:
    """Disarming a shooter subdues them: not the compiled block's destruction (an attack on the place)."""
    assert _found("Juan Ortega disarmed a shooter in Lima.") == []


def test_a_request_an_act_was_done_at_is_made_of_its_doer() -> None:
    """ "Was suspended by X at the request of Y": Y asked X, as in the active "X suspended it at Y's
    request"; "then at Y's request returned", where the parse made the phrase a subject, too. A
    request phrase far from the passive's agent is not the agent's."""
    passive = "The parliament was suspended by President Ana Ruiz at the request of Juan Ortega."
    assert ("REQUEST", ["Juan Ortega"], ["Ana Ruiz"]) in _found(passive)
    returned = "Peruvian troops left Chile in 2011, then at the Chilean government's request returned."
    assert ("REQUEST", ["Chile"], ["Peru"]) in _found(returned)
    far = (
        "The court had been petitioned by Ana Ruiz and 78 co-petitioners for a ruling on the suspension of "
        "the parliament by President Luis Soto at the request of Prime Minister Juan Ortega."
    )
    assert not [e for e in _found(far) if e[0] == "REQUEST" and e[1] == ["Juan Ortega"]]


def test_rejecting_what_someone_sent_in_a_relative_clause_answers_the_sender() -> None:
    """ "Chile sent Peru a peace plan, which Peru rejected": the plan is Chile's, so is the rejection's
    target, as "rejected Chile's plan" would say."""
    sent = _found("Chile sent Peru a peace plan, which Peru rejected on Monday.")
    assert ("REJECT", ["Peru"], ["Chile"]) in sent
    assert ("REJECT", ["Peru"], ["Chile"]) in _found("Chile proposed a ceasefire, which Peru rejected.")


def test_a_ruling_that_someone_lacked_authority_judges_them() -> None:
    """ "Ruled X lacked authority to ...": an accusation in itself, though the valence lexicon reads
    "authority" as a good word; put as a question it accuses no one."""
    ruled = _found("The Supreme Court of Peru ruled Ana Ruiz lacked authority to reschedule the election.")
    assert ruled == [("ACCUSE", ["Supreme Court of Peru"], ["Ana Ruiz"])]
    asked = "The Supreme Court of Peru will decide whether Ana Ruiz lacked authority to delay the vote."
    assert _found(asked) == []


def test_a_court_judging_its_own_government_accuses_it() -> None:
    """A court's or a judge's ruling against the acts of their own state's government is an event: the
    judiciary stands apart from the government it judges (other organs of a state do not accuse it)."""
    court = _found("The Supreme Court of Peru ruled that the Peruvian government's decree was unlawful.")
    assert court == [("ACCUSE", ["Supreme Court of Peru"], ["Peru"])]
    judge = _found("Chilean judge Ana Ruiz ruled that the Chilean government's practice is unconstitutional.")
    assert ("ACCUSE", ["Ana Ruiz"], ["Chile"]) in judge
    rejected = _found("The Supreme Court of Peru rejected the Peruvian government's appeal.")
    assert rejected == [("REJECT", ["Supreme Court of Peru"], ["Peru"])]


def test_disappointment_that_names_nothing_reacts_to_the_deed_before() -> None:
    """ "Peru expressed disappointment", naming nothing, reacts to the deed just told, as "outrage" does."""
    text = "Chile expelled two Peruvian diplomats on Monday. Peru expressed disappointment."
    assert ("ACCUSE", ["Peru"], ["Chile"]) in _found(text)
