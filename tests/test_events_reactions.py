"""Reactions to earlier events, backed armed groups and two parse repairs (issue 14).

The sentences are written for these tests (made-up situations between real states), not taken
from any article. The parse repairs are tested on hand-built trees, so they do not depend on what
the bundled model happens to parse.
"""

from __future__ import annotations

from newsgraph.events.tree import Clause, misread_modifier, stranded_verb

from .events_helpers import analyse, coded, only, tree


def test_condemning_the_attack_accuses_whoever_the_story_says_attacked() -> None:
    src, tgt, ev = only(
        "Russian forces shelled the Ukrainian city of Kharkiv on Monday. "
        "On Tuesday, Poland condemned the attack.",
        "ACCUSE",
    )
    assert (src, tgt) == (["Poland"], ["Russia"])
    assert "reacting to t:ev1" in (ev.rule or "") and ev.confidence < 0.7


def test_a_reaction_skips_the_reacting_sides_own_attack() -> None:
    src, tgt, ev = only(
        "Turkey struck Kurdish positions in Syria on Monday. Syrian forces shelled Turkish border towns "
        "on Tuesday. Turkey condemned the attack.",
        "ACCUSE",
    )
    assert (src, tgt) == (["Turkey"], ["Syria"])


def test_a_reaction_to_no_reported_event_is_no_event() -> None:
    assert [t for t, *_ in coded("Poland condemned the attack on Tuesday.")] == []


def test_rejecting_the_sanctions_rejects_who_imposed_them() -> None:
    got = {
        (t, tuple(s), tuple(g))
        for t, s, g, _ in coded(
            "The European Union imposed sanctions on Belarus on Monday. Belarus rejected the sanctions."
        )
    }
    assert ("SANCTION", ("European Union",), ("Belarus",)) in got
    assert ("REJECT", ("Belarus",), ("European Union",)) in got


def test_a_reaction_only_to_hostile_acts() -> None:
    """Praise of "the agreement" is not praise of whoever the story first said agreed to something,
    but of the accord's parties, both of them."""
    got = coded("Chile and Peru signed a trade agreement on Monday. Brazil praised the agreement.")
    praise = [(sorted(g), e) for t, s, g, e in got if s == ["Brazil"]]
    assert [g for g, _ in praise] == [["Chile", "Peru"]]
    assert "the accord's parties" in (praise[0][1].rule or "")


def test_a_state_backing_an_armed_group_gives_it_military_aid() -> None:
    got = {
        (t, tuple(s), tuple(g))
        for t, s, g, _ in coded(
            "Hezbollah, an Iranian-backed militia, fired rockets. "
            "The Polisario Front is an Algerian-backed rebel group."
        )
    }
    assert ("AID", ("Iran",), ("Hezbollah",)) in got
    assert ("AID", ("Algeria",), ("Polisario Front",)) in got


def test_a_demonym_before_led_is_the_leading_state() -> None:
    src, tgt, _ = only("The Saudi-led coalition bombed the port of Hodeidah on Monday.", "ASSAULT")
    assert src == ["Saudi Arabia"]



def test_a_verb_misread_as_its_objects_modifier_takes_the_noun_as_object() -> None:
    # "The Union imposed sanctions on Iran" parsed with "imposed" modifying "sanctions"
    doc = tree(
        ["The", "Union", "imposed", "sanctions", "on", "Iran", "."],
        [1, 2, 3, 3, 5, 3, 3],
        ["det", "nsubj", "amod", "ROOT", "case", "nmod", "punct"],
        ["DET", "PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
        ["DT", "NNP", "VBN", "NNS", "IN", "NNP", "."],
    )
    verb = doc[2]
    assert misread_modifier(verb)
    cl = Clause.of_verb(verb)
    assert [t.text for t in cl.objects] == ["sanctions"] and not cl.passive
    assert [t.text for t in cl.subjects] == ["Union"]
    assert not misread_modifier(doc[1])


def test_a_participle_modifier_without_a_subject_is_no_misread_verb() -> None:
    doc = tree(
        ["the", "sanctions", "imposed", "on", "Iran"],
        [1, 1, 1, 4, 2],
        ["det", "ROOT", "acl", "case", "obl"],
        ["DET", "NOUN", "VERB", "ADP", "PROPN"],
        ["DT", "NNS", "VBN", "IN", "NNP"],
    )
    assert not misread_modifier(doc[2]) and Clause.of_verb(doc[2]).passive


def test_a_subject_the_parse_gave_to_a_fronted_participle_is_the_verbs() -> None:
    # "Erdogan, responding to Macron, criticised France" with "Erdogan" under "responding"
    doc = tree(
        ["Erdogan", ",", "responding", "to", "Macron", ",", "criticised", "France", "."],
        [2, 2, 6, 4, 2, 2, 6, 6, 6],
        ["nsubj", "punct", "advcl", "case", "obl", "punct", "ROOT", "obj", "punct"],
        ["PROPN", "PUNCT", "VERB", "ADP", "PROPN", "PUNCT", "VERB", "PROPN", "PUNCT"],
        ["NNP", ",", "VBG", "IN", "NNP", ",", "VBD", "NNP", "."],
    )
    cl = Clause.of_verb(doc[6])
    assert [t.text for t in cl.subjects] == ["Erdogan"] and not cl.inherited


def test_the_purpose_of_a_journey_is_the_event() -> None:
    body = "Russian troops entered Syria to fight the Islamic State in 2015."
    got = [(t, s, g) for t, s, g, _ in coded(body)]
    assert got == [("ASSAULT", ["Russia"], ["Islamic State"])]
    src, tgt, _ = only("Putin flew to Ankara to meet Erdogan on Monday.", "CONSULT")
    assert (src, tgt) == (["Putin"], ["Erdogan"])


def test_troops_going_somewhere_is_no_withdrawal() -> None:
    assert not [t for t, *_ in coded("American troops went to Kuwait on Monday.") if t == "RETREAT"]
    src, tgt, _ = only("Turkish troops left Syria in 2019.", "RETREAT")
    assert (src, tgt) == (["Turkey"], ["Syria"])


def test_coordinated_parties_of_an_agreement_stand_on_both_sides() -> None:
    got = [(t, s, g) for t, s, g, _ in coded("Russia and China agreed to cooperate on energy.")]
    assert got == [("AGREE", ["Russia"], ["China"]), ("AGREE", ["China"], ["Russia"])]  # each with the other
    # pledging is no agreement between the pledgers
    assert [(s, g) for t, s, g, _ in coded("China and Iran pledged funds to Syria on Monday.")] == [
        (["China", "Iran"], ["Syria"])
    ]


def test_the_two_sides_are_the_parties_of_the_latest_talks() -> None:
    body = "Chile and Peru held talks in Lima on Monday. Later the two sides agreed to form a committee."
    got = [(s, g) for t, s, g, _ in coded(body) if t == "AGREE"]
    assert got == [(["Chile"], ["Peru"]), (["Peru"], ["Chile"])]


def test_a_verb_the_parse_tagged_as_an_adjective_is_still_coded() -> None:
    # the bundled model reads "eased" here as an adjective modifying "sanctions"
    src, tgt, ev = only("The United States eased sanctions on Venezuela on Monday.", "RETREAT")
    assert (src, tgt) == (["United States"], ["Venezuela"]) and ev.mode == "ease"


def test_deploying_troops_is_mobilisation_not_military_aid() -> None:
    src, tgt, _ = only("China deployed troops to the Indian border on Monday.", "MOBILIZE")
    assert src == ["China"]


def test_an_organisation_introduced_with_a_descriptor_is_what_the_descriptor_refers_to() -> None:
    ad = analyse(
        "Poland banned Russian airline Nordwind Airlines on Monday. The airline said it would appeal. "
        "The company that owns the airport declined to comment."
    )
    names = {e.id: e.name for e in ad.entities}
    assert [names[m.entity] for m in ad.mentions if m.text == "The airline"] == ["Nordwind Airlines"]
    assert not [m for m in ad.mentions if m.text.lower() == "the company"]


def test_talks_an_earlier_act_followed_were_held_by_its_actor() -> None:
    for body in (
        "Norway expelled two Russian diplomats on Monday. The expulsion followed consultations within NATO "
        "and with Britain.",
        "Norway expelled two Russian diplomats on Monday. The expulsion came after talks with Britain.",
    ):
        src, tgt, _ = only(body, "CONSULT")
        assert (src, tgt) == (["Norway"], ["United Kingdom"])


def test_a_passive_act_without_agent_is_done_by_whose_operation_it_was() -> None:
    src, tgt, _ = only(
        "The Taliban commander Mullah Omar was killed in a United States special forces operation "
        "in the Pakistani border region.",
        "ASSAULT",
    )
    assert src == ["United States"]  # not Pakistan, the place of the operation
    src, tgt, _ = only("Three Palestinians were killed in an Israeli airstrike on Monday.", "ASSAULT")
    assert (src, tgt) == (["Israel"], ["Palestine"])


def test_citing_an_actors_misdeed_accuses_it() -> None:
    src, tgt, ev = only(
        "In the letter, Johnson cited the Venezuelan government's ongoing repression of its people "
        "as his motivation.",
        "ACCUSE",
    )
    assert (src, tgt) == (["Johnson"], ["Venezuela"]) and "cited" in (ev.rule or "")
    assert not coded("In the letter, Johnson cited the Venezuelan government's budget as his motivation.")


def test_a_demonym_before_a_people_noun_is_the_state_they_belong_to() -> None:
    src, tgt, _ = only("The Taliban kidnapped two Indian engineers on Monday.", "ASSAULT")
    assert (src, tgt) == (["Taliban"], ["India"])
    assert not [e for e in coded("Iraqi protesters marched in Baghdad on Monday.") if "Iraq" in e[1]]


def test_a_withdrawal_from_a_city_is_from_its_state() -> None:
    src, tgt, ev = only("Russian troops withdrew from Kherson on Friday, Ukraine said.", "RETREAT")
    assert (src, tgt) == (["Russia"], ["Ukraine"])


def test_a_concession_naming_no_one_answers_the_documents_protesters() -> None:
    body = (
        "Protesters marched through Minsk for a fifth week on Sunday. On Monday, Belarusian President "
        "Alexander Lukashenko announced that his government will withdraw the proposed law."
    )
    src, tgt, ev = only(body, "CONCEDE")
    assert src == ["Alexander Lukashenko", "Belarus"] and tgt == ["Protesters"]
    assert "+the document's protesters" in (ev.rule or "") and ev.confidence == 0.5
    assert not [t for t, *_ in coded("On Monday, Alexander Lukashenko announced he will withdraw the law.")]
    # a candidate withdrawing from a race yields nothing to anyone
    body = "Protesters marched in Minsk on Sunday. Belarusian candidate Viktor Babariko withdrew on Monday."
    assert not [t for t, *_ in coded(body) if t == "CONCEDE"]


def test_people_arrested_in_a_story_of_protests_are_the_protesters_held_by_their_adversary() -> None:
    body = (
        "Protesters marched through Minsk for a fifth week on Sunday. Belarusian President Alexander "
        "Lukashenko rejected their demands. More than 200 people have been arrested since the protests began."
    )
    src, tgt, ev = only(body, "COERCE")
    assert (src, tgt) == (["Belarus"], ["Protesters"]) and "+the protesters' adversary" in (ev.rule or "")
    assert not coded("More than 200 people have been arrested since the protests began.")


def test_the_demands_of_the_protesters_are_made_of_their_adversary() -> None:
    body = (
        "Protesters marched through Minsk on Sunday. Belarusian President Alexander Lukashenko rejected "
        "their demands. The demands of the protesters include a new election."
    )
    got = [(s, g) for t, s, g, _ in coded(body) if t == "REQUEST"]
    # "their demands" (the protesters') and "the demands of the protesters": made of Belarus
    assert got and set(map(str, got)) == {str((["Protesters"], ["Belarus"]))}
    # whom protesters merely accuse is not whom they protest against
    body = "Protesters accused Russia of interference. The demands of the protesters include a new election."
    assert not [t for t, *_ in coded(body) if t == "REQUEST"]


def test_an_impeachment_without_agent_is_by_the_legislature_the_story_names() -> None:
    body = (
        "Members of the House of Representatives debated the motion for a week. "
        "On Friday, the governor Andrew Cuomo was impeached for abuse of power."
    )
    src, tgt, ev = only(body, "ACCUSE")
    assert (src, tgt) == (["United States House of Representatives"], ["Andrew Cuomo"])
    assert "+the institution that does it" in (ev.rule or "")
    assert not coded("On Friday, the governor Andrew Cuomo was impeached for abuse of power.")


def test_verbs_coded_only_by_their_patterns_take_their_objects() -> None:
    """"severed ties", "recalled its ambassador": verbs with no code of their own (and a speech verb,
    "recall") code their PETRARCH object patterns; a speech verb still takes no event noun for its own,
    and a verb of many senses no compiled object pattern ("announced its plans" is no intent)."""
    src, tgt, _ = only("Saudi Arabia severed diplomatic ties with Qatar on Monday.", "SANCTION")
    assert (src, tgt) == (["Saudi Arabia"], ["Qatar"])
    src, tgt, _ = only("Serbia recalled its ambassador from Montenegro on Monday.", "SANCTION")
    assert (src, tgt) == (["Serbia"], ["Montenegro"])
    assert not coded("Reuters reported the attack on Monday.")
    assert not coded("On Tuesday, Siemens announced its plans to leave Germany.")


def test_a_governor_that_gives_no_event_does_not_swallow_the_one_it_governs() -> None:
    src, tgt, _ = only("Japan sent a message urging China to release the fishermen.", "REQUEST")
    assert (src, tgt) == (["Japan"], ["China"])  # "sent a message" is a consultation with no one


def test_a_naming_verb_outside_the_verb_lexicon_is_read() -> None:
    """"characterised" is a naming verb the compiled dictionary does not list."""
    body = "Russian forces shelled Kharkiv on Monday. Poland characterised the attack as a war crime."
    src, tgt, _ = only(body, "ACCUSE")
    assert (src, tgt) == (["Poland"], ["Russia"])
    assert coded("Poland characterised the meeting with Russia as long.") == []  # no judgement: no event


def test_attacking_someone_on_their_record_is_criticism() -> None:
    src, tgt, _ = only("The Labour Party attacked Boris Johnson on his record.", "ACCUSE")
    assert (src, tgt) == (["Labour Party"], ["Boris Johnson"])
    assert [t for t, *_ in coded("Russia attacked Ukraine on Monday.")] == ["ASSAULT"]



def test_a_confession_or_revelation_is_no_support() -> None:
    body = "Mohammed Waseem confessed to killing his sister Qandeel Baloch in 2016."
    assert not [t for t, *_ in coded(body) if t == "SUPPORT"]
    body = "Excerpts from Bob Woodward's book revealed Donald Trump downplayed the virus."
    assert not [t for t, *_ in coded(body) if t == "SUPPORT"]


def test_a_yes_no_question_asserts_no_event() -> None:
    src, tgt, ev = only("Did Russia provide aid to Syria in 2015?", "AID")
    assert ev.hypothetical and ev.modality_cue == "?"
    src, tgt, ev = only("Russia provided aid to Syria in 2015.", "AID")
    assert not ev.hypothetical


def test_an_act_under_a_condition_the_parse_hung_on_a_noun_is_hypothetical() -> None:
    body = "If the House of Representatives votes to impeach President Joe Biden, he would then face trial."
    got = [e for t, s, g, e in coded(body) if t == "ACCUSE"]
    assert got and all(e.hypothetical for e in got)


def test_disputing_or_refuting_someones_claims_rejects_the_claimant() -> None:
    got = coded("The count went on for days. Senator Ann Ward disputed Governor Tom Reyes's claims about it.")
    assert [(t, s, g) for t, s, g, _ in got] == [("REJECT", ["Ann Ward"], ["Tom Reyes"])]
    got = coded("The count went on. Senator Ann Ward refuted the accusations made by Governor Tom Reyes.")
    assert [(t, s, g) for t, s, g, _ in got] == [("REJECT", ["Ann Ward"], ["Tom Reyes"])]


def test_negative_words_about_someones_claims_rebut_them_rather_than_accuse() -> None:
    body = "The count went on. Senator Ann Ward said Governor Tom Reyes's claims were false and dishonest."
    got = coded(body)
    assert [(t, s, g) for t, s, g, _ in got] == [("REJECT", ["Ann Ward"], ["Tom Reyes"])]
    assert "rebuts claims" in got[0][3].rule


def test_a_verb_the_parse_buried_inside_one_long_name_has_the_names_around_it() -> None:
    # "Senator Ann Ward accused Governor Tom Reyes of lying" parsed as one proper noun phrase
    doc = tree(
        ["Senator", "Ann", "Ward", "accused", "Governor", "Tom", "Reyes", "of", "lying", "."],
        [1, 1, 1, 4, 5, 1, 5, 8, 5, 1],
        ["nmod:desc", "ROOT", "flat", "amod", "nmod:desc", "flat", "flat", "mark", "acl", "punct"],
        ["PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PROPN", "PROPN", "SCONJ", "VERB", "PUNCT"],
        ["NNP", "NNP", "NNP", "VBN", "NNP", "NNP", "NNP", "IN", "VBG", "."],
    )
    assert stranded_verb(doc[3]) and not stranded_verb(doc[8])
    cl = Clause.of_verb(doc[3])
    assert [t.text for t in cl.subjects] == ["Ann"] and [t.text for t in cl.objects] == ["Tom"]


def test_a_participle_modifying_the_noun_that_roots_a_whole_sentence_is_its_verb() -> None:
    # "The protesters clashed with the police." parsed with "clashed" modifying "protesters"
    doc = tree(
        ["The", "protesters", "clashed", "with", "the", "police", "."],
        [1, 1, 1, 5, 5, 2, 1],
        ["det", "ROOT", "acl", "case", "det", "obl", "punct"],
        ["DET", "NOUN", "VERB", "ADP", "DET", "NOUN", "PUNCT"],
        ["DT", "NNS", "VBN", "IN", "DT", "NN", "."],
    )
    cl = Clause.of_verb(doc[2])
    assert [t.text for t in cl.subjects] == ["protesters"] and not cl.passive
    # a copular sentence has its verb: "An example is the sanctions imposed on Russia."
    doc = tree(
        ["An", "example", "is", "the", "sanctions", "imposed", "on", "Russia", "."],
        [1, 4, 4, 4, 4, 4, 7, 5, 4],
        ["det", "nsubj", "cop", "det", "ROOT", "acl", "case", "obl", "punct"],
        ["DET", "NOUN", "AUX", "DET", "NOUN", "VERB", "ADP", "PROPN", "PUNCT"],
        ["DT", "NN", "VBZ", "DT", "NNS", "VBN", "IN", "NNP", "."],
    )
    assert Clause.of_verb(doc[5]).passive


def test_a_subject_the_parse_tied_to_the_clause_before_is_the_verbs() -> None:
    # "As they stormed parliament, police in response fired gas." with "police" a conjunct of "parliament"
    words = ["As", "they", "stormed", "parliament", ",", "police", "in", "response", "fired", "gas", "."]
    doc = tree(
        words,
        [2, 2, 8, 2, 5, 3, 7, 5, 8, 8, 8],
        ["mark", "nsubj", "advcl", "obj", "punct", "conj", "case", "nmod", "ROOT", "obj", "punct"],
        ["SCONJ", "PRON", "VERB", "NOUN", "PUNCT", "NOUN", "ADP", "NOUN", "VERB", "NOUN", "PUNCT"],
        ["IN", "PRP", "VBD", "NN", ",", "NNS", "IN", "NN", "VBD", "NN", "."],
    )
    assert [t.text for t in Clause.of_verb(doc[8]).subjects] == ["police"]
    # a punctuation mark right before the verb is no subject (and no error)
    doc = tree(
        ["Police", ",", "fired", "gas", "."],
        [2, 0, 2, 2, 2],
        ["nsubj", "punct", "ROOT", "obj", "punct"],
        ["NOUN", "PUNCT", "VERB", "NOUN", "PUNCT"],
        ["NNS", ",", "VBD", "NN", "."],
    )
    assert [t.text for t in Clause.of_verb(doc[2]).subjects] == ["Police"]


def test_a_quote_of_a_member_of_a_states_parliament_does_not_accuse_that_state() -> None:
    body = (
        'A member of the Tunisian Parliament, Ann Ward said, "Tunisia is facing terrorist attacks, so every '
        'measure led by security motives is understandable and shameful violence must end."'
    )
    assert not [e for ty, s, t, e in coded(body) if ty == "ACCUSE" and t == ["Tunisia"]]


def test_could_not_is_a_fact_not_a_possibility() -> None:
    got = coded("Senator Ann Ward and Governor Tom Reyes could not reach an agreement on the budget.")
    assert got and all(e.negated and not e.hypothetical for _, _, _, e in got)
    got = coded("Senator Ann Ward and Governor Tom Reyes could not agree on the budget.")  # no refusal
    assert {t for t, _, _, _ in got} == {"AGREE"} and all(e.negated for _, _, _, e in got)
    src, tgt, ev = only("Russia could attack Ukraine.", "ASSAULT")
    assert ev.hypothetical


def test_not_until_is_no_negation() -> None:
    src, tgt, ev = only("Senator Ann Ward had not met Governor Tom Reyes until 2010.", "CONSULT")
    assert not ev.negated
    src, tgt, ev = only("Senator Ann Ward did not meet Governor Tom Reyes.", "CONSULT")
    assert ev.negated


def test_thanks_one_would_like_to_give_are_given() -> None:
    text = "Senator Ann Ward would also like to thank the Electronic Frontier Foundation."
    src, tgt, ev = only(text, "SUPPORT")
    assert not ev.hypothetical


def test_a_meeting_that_is_the_purpose_of_an_arrival_is_the_event() -> None:
    src, tgt, _ = only("Senator Ann Ward arrived in Lima to meet Juan Ortega.", "CONSULT")
    assert (src, tgt) == (["Ann Ward"], ["Juan Ortega"])
