"""Dismissals, judgements of a deed, warnings aimed through their consequences, solidarity and
reactions to an accord (issue 14).

The sentences are written for these tests (made-up situations between real states and made-up
people), not taken from any article. The parse repair is tested on a hand-built tree.
"""

from __future__ import annotations

from newsgraph.events.deps import conjuncts, passive_conjunct, priced
from newsgraph.events.subjects import glued_claim

from .events_helpers import coded, only, tree


def test_dismissing_a_call_or_a_demand_rejects_whoever_made_it() -> None:
    src, tgt, ev = only("Peru dismissed Chile's demand for compensation.", "REJECT")
    assert (src, tgt) == (["Peru"], ["Chile"])
    src, tgt, _ = only("Peru dismissed the criticism from Chile.", "REJECT")
    assert (src, tgt) == (["Peru"], ["Chile"])
    assert "dismiss" in (ev.rule or "")


def test_shrugging_off_a_warning_is_a_dismissal_but_not_a_defeat() -> None:
    src, tgt, _ = only("Peru shrugged off Chile's warnings.", "REJECT")
    assert (src, tgt) == (["Peru"], ["Chile"])
    assert [t for t, *_ in coded("Peru shrugged off the defeat.")] == []


def test_a_demand_glued_to_a_titled_answerer_is_rejected_by_the_answerer() -> None:
    # ", a demand [Peruvian President] Tom Reyes rejected": the title is the noun's modifier
    words = ["Chile", "demanded", "an", "apology", ",", "a", "demand", "Peruvian", "President", "Tom",
             "Reyes", "rejected", "."]
    heads = [1, 1, 3, 1, 6, 6, 9, 8, 9, 11, 9, 1, 1]
    deps = ["nsubj", "ROOT", "det", "obj", "punct", "det", "nmod:desc", "amod", "nmod:desc", "nsubj",
            "flat", "advcl", "punct"]
    pos = ["PROPN", "VERB", "DET", "NOUN", "PUNCT", "DET", "NOUN", "ADJ", "PROPN", "PROPN", "PROPN",
           "VERB", "PUNCT"]
    tags = ["NNP", "VBD", "DT", "NN", ",", "DT", "NN", "JJ", "NNP", "NNP", "NNP", "VBD", "."]
    doc = tree(words, heads, deps, pos, tags)
    got = glued_claim(doc[11], frozenset({"demand"}))
    assert got is not None and (got[0].text, got[1].text) == ("Tom", "demand")
    assert glued_claim(doc[11], frozenset({"claim"})) is None


def test_calling_a_deed_unfounded_accuses_whoever_did_it() -> None:
    # the adjective after the object is the verb's predicate, not "call for the expulsion"
    src, tgt, ev = only(
        "Chile expelled Peru's ambassador on Monday. Peruvian Foreign Minister Juan Ortega called the "
        'expulsion "unfounded and reprehensible".',
        "ACCUSE",
    )
    assert (src, tgt) == (["Juan Ortega", "Peru"], ["Chile"])
    assert "judgement" in (ev.rule or "")
    assert [t for t, *_ in coded("Chile expelled Peru's ambassador on Monday.")] == ["SANCTION"]


def test_a_warning_of_consequences_for_relations_with_a_state_threatens_it() -> None:
    src, tgt, _ = only("Chile warned of serious consequences for its relations with Peru.", "THREATEN")
    assert (src, tgt) == (["Chile"], ["Peru"])
    assert [t for t, *_ in coded("Chile warned of serious consequences for the economy.")] == []


def test_solidarity_with_a_state_backs_it() -> None:
    src, tgt, _ = only("Bolivia said it stood in solidarity with Peru.", "SUPPORT")
    assert (src, tgt) == (["Bolivia"], ["Peru"])
    src, tgt, _ = only("Bolivia expressed solidarity with Peru on Monday.", "SUPPORT")
    assert (src, tgt) == (["Bolivia"], ["Peru"])
    assert [t for t, *_ in coded("Thousands of people stood in the rain in Lima.")] == []


def test_welcoming_the_agreement_backs_its_parties() -> None:
    got = [
        (s, sorted(t))
        for ty, s, t, _ in coded(
            "Chile and Peru agreed on Monday to reopen their border. Colombia welcomed the agreement."
        )
        if ty == "SUPPORT"
    ]
    assert got == [(["Colombia"], ["Chile", "Peru"])]
    assert [t for t, *_ in coded("Colombia welcomed the agreement on Monday.")] == []


def test_an_apposition_opening_with_and_is_a_conjunct() -> None:
    # "signed by Ann Ward and [Peruvian Minister] Juan Ortega", the second name read as an apposition
    words = ["signed", "by", "Ann", "Ward", "and", "Peruvian", "Minister", "Juan", "Ortega", ",", "a",
             "lawyer"]
    heads = [0, 2, 0, 2, 6, 6, 7, 2, 7, 11, 11, 7]
    deps = ["ROOT", "case", "obl:agent", "flat", "cc", "amod", "nmod:desc", "appos", "flat", "punct",
            "det", "appos"]
    pos = ["VERB", "ADP", "PROPN", "PROPN", "CCONJ", "ADJ", "PROPN", "PROPN", "PROPN", "PUNCT", "DET",
           "NOUN"]
    tags = ["VBN", "IN", "NNP", "NNP", "CC", "JJ", "NNP", "NNP", "NNP", ",", "DT", "NN"]
    doc = tree(words, heads, deps, pos, tags)
    assert [t.text for t in conjuncts(doc[2])] == ["Ann", "Juan"]
    assert [t.text for t in conjuncts(doc[7])] == ["Juan"]  # ", a lawyer": a true apposition


def test_an_accord_signed_by_two_people_is_signed_between_them() -> None:
    got = {
        (ty, tuple(s), tuple(t))
        for ty, s, t, _ in coded(
            "The declaration was signed by Chilean Foreign Minister Ann Ward and Peruvian Foreign Minister "
            "Juan Ortega."
        )
    }
    assert ("SUPPORT", ("Ann Ward", "Chile"), ("Juan Ortega", "Peru")) in got


def test_saying_a_deed_was_unacceptable_accuses_whoever_did_it() -> None:
    # "expelled" is read "expell" by the lemmatizer: the doer lookup uses the coder's verb lemma
    src, tgt, ev = only(
        "Chile expelled two Peruvian diplomats on Monday. Peru said the expulsion was unacceptable.", "ACCUSE"
    )
    assert (src, tgt) == (["Peru"], ["Chile"])
    assert "quote content" in (ev.rule or "")
    got = coded(
        "Chile expelled two Peruvian diplomats on Monday. Peru said the expulsion would not affect trade."
    )
    assert [t for t, *_ in got] == ["SANCTION"]


def test_a_short_quote_judging_a_deed_accuses_whoever_did_it() -> None:
    src, tgt, _ = only(
        'Chile imposed tariffs on Peruvian goods on Monday. Peru said the measures were "unjustified".',
        "ACCUSE",
    )
    assert (src, tgt) == (["Peru"], ["Chile"])


def test_suspended_transactions_imports_and_contacts_are_sanctions() -> None:
    cases = {
        "Chile suspended all commercial and financial transactions with Peru.": "163",
        "Chile suspended imports of Peruvian fruit and fish.": "163",
        "Chile suspended ministerial-level contacts with Peru.": "161",
    }
    for text, cameo in cases.items():
        src, tgt, ev = only(text, "SANCTION")
        assert (src, tgt, ev.cameo) == (["Chile"], ["Peru"], cameo), text
    assert [t for t, *_ in coded("Chile increased imports from Peru.")] == []  # trade going on


def test_greeting_a_person_receives_a_guest_but_welcoming_a_decision_praises_it() -> None:
    src, tgt, ev = only(
        "Chilean President Ann Ward greeted Peruvian President Tom Reyes at the airport in Santiago.",
        "CONSULT",
    )
    assert (src, tgt, ev.cameo) == (["Ann Ward", "Chile"], ["Tom Reyes", "Peru"], "043")
    src, tgt, ev = only(
        "Chilean President Ann Ward welcomed Peruvian President Tom Reyes at the airport.", "CONSULT"
    )
    assert ev.cameo == "043"
    assert [t for t, *_ in coded("Chilean President Ann Ward welcomed the decision by Peru.")] == ["SUPPORT"]


def test_its_fighters_are_the_speaking_groups() -> None:
    src, tgt, _ = only(
        "The Andean Front said its fighters had killed scores of Peruvian soldiers.", "ASSAULT"
    )
    assert (src, tgt) == (["Andean Front"], ["Peru"])


def test_it_in_a_relative_clause_after_a_purpose_clause_is_the_sender() -> None:
    got = {
        (t, tuple(s), tuple(g))
        for t, s, g, _ in coded(
            "Chile sent troops to Bolivia to fight the Andean Front, which it blamed for a kidnapping."
        )
    }
    assert ("ACCUSE", ("Chile",), ("Andean Front",)) in got


def test_a_participle_coordinated_with_a_passive_is_passive_unless_it_has_its_own_arguments() -> None:
    # "X were arrested and [charged] with spying", "charged" tagged as a finite past
    words = ["Ann", "Ward", "was", "arrested", "and", "charged", "with", "spying", "."]
    heads = [3, 0, 3, 3, 5, 3, 7, 5, 3]
    deps = ["nsubj:pass", "flat", "aux:pass", "ROOT", "cc", "conj", "case", "obl", "punct"]
    pos = ["PROPN", "PROPN", "AUX", "VERB", "CCONJ", "VERB", "ADP", "NOUN", "PUNCT"]
    tags = ["NNP", "NNP", "VBD", "VBN", "CC", "VBD", "IN", "NN", "."]
    doc = tree(words, heads, deps, pos, tags)
    assert passive_conjunct(doc[5])
    # "the deal was built on trust, and [warned] Congress that ...": an object of its own, active
    words = ["it", "was", "built", "and", "warned", "Congress", "."]
    deps = ["nsubj:pass", "aux:pass", "ROOT", "cc", "conj", "iobj", "punct"]
    pos = ["PRON", "AUX", "VERB", "CCONJ", "VERB", "PROPN", "PUNCT"]
    doc = tree(words, [2, 2, 2, 4, 2, 4, 2], deps, pos, ["PRP", "VBD", "VBN", "CC", "VBD", "NNP", "."])
    assert not passive_conjunct(doc[4])


def test_an_arrest_in_another_state_is_not_by_the_police_the_story_named_before() -> None:
    got = {
        (t, tuple(s), tuple(g))
        for t, s, g, _ in coded(
            "Chilean police arrested Peruvian businessman Juan Ortega in December. Ann Ward and Tom Reyes "
            "were arrested in Peru days later and charged with espionage."
        )
    }
    assert ("COERCE", ("Peru",), ("Ann Ward", "Tom Reyes")) in got
    assert ("ACCUSE", ("Peru",), ("Ann Ward", "Tom Reyes")) in got
    assert not [x for x in got if x[1] == ("Ann Ward", "Tom Reyes")]  # (charged: not the accusers)


def test_they_after_a_time_phrase_is_the_pair_of_the_sentence_before() -> None:
    got = {
        (t, tuple(s), tuple(g))
        for t, s, g, _ in coded(
            "Peruvian President Tom Reyes greeted Chilean President Ann Ward at the airport and the two "
            "leaders embraced. On Monday they signed a joint declaration ending the border dispute."
        )
    }
    assert ("SUPPORT", ("Tom Reyes", "Peru"), ("Ann Ward", "Chile")) in got
    assert not [x for x in got if x[0] == "ACCUSE"]  # a dispute ended is no quarrel told


def test_a_dispute_told_is_still_a_disagreement() -> None:
    got = [(t, s, g) for t, s, g, _ in coded("Chile and Peru are locked in a border dispute.")]
    assert ("ACCUSE", ["Chile"], ["Peru"]) in got


def test_an_accusation_noun_accuses_whom_its_that_clause_tells_of() -> None:
    got = {
        (t, tuple(s), tuple(g))
        for t, s, g, _ in coded("Chile dismissed accusations by Peru that it had stolen Peruvian oil.")
    }
    assert ("ACCUSE", ("Peru",), ("Chile",)) in got and ("REJECT", ("Chile",), ("Peru",)) in got


def test_calling_an_incursion_a_massacre_accuses_whoever_raided() -> None:
    src, tgt, _ = only(
        "Chilean troops raided a rebel camp inside Peru on Saturday. Peruvian President Juan Ortega called "
        "the incursion a massacre.",
        "ACCUSE",
    )
    assert (src, tgt) == (["Juan Ortega", "Peru"], ["Chile"])


def test_a_warning_of_further_action_if_another_does_not_comply_threatens_it() -> None:
    src, tgt, _ = only(
        "Chilean President Ann Ward warned that Chile would take further actions if Lima did not comply.",
        "THREATEN",
    )
    assert (src, tgt) == (["Ann Ward"], ["Peru"])
    got = coded("Chile warned that the new rules would require action from exporters.")
    assert [t for t, *_ in got] == []


def test_the_release_of_people_named_only_as_held_is_asked_of_their_captor() -> None:
    got = {
        (t, tuple(s), tuple(g))
        for t, s, g, _ in coded(
            "Peru's military seized power on Monday and detained President Tom Reyes. Chile condemned the "
            "detentions and demanded the immediate release of the detained leaders."
        )
    }
    assert ("REQUEST", ("Chile",), ("Peru",)) in got


def test_calling_for_a_person_to_be_freed_asks_their_captor() -> None:
    got = {
        (t, tuple(s), tuple(g))
        for t, s, g, _ in coded(
            "Peruvian police arrested Chilean journalist Ann Ward on Sunday. Chile called for Ward to be "
            "freed."
        )
    }
    assert ("REQUEST", ("Chile",), ("Peruvian security forces",)) in got


def test_arriving_in_a_state_visits_it_and_a_day_is_no_target() -> None:
    src, tgt, _ = only("Chilean President Ann Ward arrived in Peru on Tuesday.", "CONSULT")
    assert (src, tgt) == (["Ann Ward", "Chile"], ["Peru"])
    # "on Tuesday, defying warnings from Bolivia": the day's apposition names no one visited
    src, tgt, _ = only(
        "Chilean President Ann Ward arrived in Peru late on Tuesday, defying warnings from Bolivia.",
        "CONSULT",
    )
    assert tgt == ["Peru"]
    assert [t for t, *_ in coded("Peruvian President Tom Reyes arrived in Peru on Tuesday.")] == []


def test_both_sides_urged_by_whoever_welcomed_the_deal_are_the_deals_parties() -> None:
    got = {
        (t, tuple(s), tuple(sorted(g)))
        for t, s, g, _ in coded(
            "Chile and the Andean Front agreed on Wednesday to a permanent cessation of hostilities. "
            "Peruvian President Tom Reyes welcomed the agreement and urged both sides to implement it."
        )
    }
    assert ("REQUEST", ("Tom Reyes", "Peru"), ("Andean Front", "Chile")) in got


def test_a_sentence_for_a_murder_is_not_of_the_victim_nor_by_the_courts_city() -> None:
    got = {
        (t, tuple(s), tuple(g))
        for t, s, g, _ in coded(
            "On Friday in Peru, Juan Ortega, brother of the activist Ann Ward, was sentenced for her murder "
            "to life in prison by a court in Lima."
        )
    }
    assert ("COERCE", ("Peru",), ("Juan Ortega",)) in got
    assert not [x for x in got if "Ann Ward" in x[2] or "Lima" in x[1]]


def test_the_broker_of_a_deal_is_no_party_to_it() -> None:
    got = [(t, s, g) for t, s, g, _ in coded("Chile signed a Bolivian-brokered deal with Peru.")]
    # the deal is the parties'; the broker mediates between them (test_events_mediation_and_reactions)
    assert got == [("SUPPORT", ["Chile"], ["Peru"]), ("CONSULT", ["Bolivia"], ["Chile", "Peru"])]


def test_a_meeting_held_at_anothers_request_was_asked_of_its_holder() -> None:
    src, tgt, _ = only("The Andean Community held an emergency meeting at Peru's request.", "REQUEST")
    assert (src, tgt) == (["Peru"], ["Andean Community"])


def test_punishing_those_responsible_pursues_the_attacker_the_story_named() -> None:
    story = "Andean Front militants attacked a Peruvian army base on Friday. "
    for pursued in ("those responsible", "the attackers"):  # (a vow to punish is a threat)
        src, tgt, ev = only(story + f"Peru vowed to punish {pursued}.", "THREATEN")
        assert (src, tgt, ev.hypothetical) == (["Peru"], ["Andean Front"], False), pursued
        src, tgt, ev = only(story + f"Peru arrested {pursued}.", "COERCE")
        assert (src, tgt) == (["Peru"], ["Andean Front"]), pursued
    got = coded(story + "Peru arrested those responsible for the fraud.")  # another deed's doers
    assert [t for t, *_ in got] == ["ASSAULT"]


def test_accepting_a_ruling_or_an_offer_agrees_and_accepting_demands_yields() -> None:
    src, tgt, ev = only("Peru accepted the ruling of the International Court of Justice.", "AGREE")
    assert (src, tgt) == (["Peru"], ["International Court of Justice"])
    src, tgt, _ = only("Peru accepted Chile's offer of aid.", "AGREE")
    assert (src, tgt) == (["Peru"], ["Chile"])
    src, tgt, _ = only("Peru accepted the Andean Front's demands.", "CONCEDE")
    assert (src, tgt) == (["Peru"], ["Andean Front"])


def test_a_participle_read_as_the_objects_head_gives_way_to_its_noun() -> None:
    # "accepted a [resolution] calling for a truce", the participle parsed as the object
    words = ["Peru", "accepted", "a", "resolution", "calling", "for", "a", "truce", "."]
    heads = [1, 1, 4, 4, 1, 7, 7, 4, 1]
    deps = ["nsubj", "ROOT", "det", "compound", "obj", "case", "det", "obl", "punct"]
    pos = ["PROPN", "VERB", "DET", "NOUN", "VERB", "ADP", "DET", "NOUN", "PUNCT"]
    tags = ["NNP", "VBD", "DT", "NN", "VBG", "IN", "DT", "NN", "."]
    doc = tree(words, heads, deps, pos, tags)
    assert priced(doc[4]).text == "resolution"
    assert priced(doc[3]).text == "resolution"


def test_arresting_a_journalist_or_protesters_is_an_arrest_not_an_assault() -> None:
    src, tgt, ev = only("Chile arrested dissident journalist Ann Ward on Sunday.", "COERCE")
    assert (src, tgt, ev.cameo) == (["Chile"], ["Ann Ward"], "173")
    assert [t for t, *_ in coded("Chile arrested dissident journalist Ann Ward on Sunday.")] == ["COERCE"]

