"""Wire-news constructions: misparses of the small model repaired on hand-built trees, and codings
through the whole pipeline (made-up sentences)."""

from __future__ import annotations

from newsgraph.events.subjects import claimant_clause, glued_claim, misread_as_noun, stuck_particle
from newsgraph.events.tree import Clause, misread_modifier, particles

from .events_helpers import coded, tree


def test_a_gerund_with_an_object_tagged_a_noun_is_a_verb() -> None:
    # "Jets began bombing Lima", parsed with "bombing" a noun complement that has an object
    doc = tree(
        ["Jets", "began", "bombing", "Lima", "."],
        [1, 1, 1, 2, 1],
        ["nsubj", "ROOT", "xcomp", "obj", "punct"],
        ["NOUN", "VERB", "NOUN", "PROPN", "PUNCT"],
        ["NNS", "VBD", "NN", "NNP", "."],
    )
    assert misread_as_noun(doc[2]) and not misread_as_noun(doc[0])


def test_a_finite_verb_read_as_a_modifier_of_the_root_noun_takes_its_subject() -> None:
    # "Police detained opposition leader Ann Ward", parsed as "police (are) leader", "detained" its modifier
    doc = tree(
        ["Police", "detained", "opposition", "leader", "Ward", "."],
        [3, 3, 3, 3, 3, 3],
        ["nsubj", "amod", "compound", "ROOT", "appos", "punct"],
        ["NOUN", "VERB", "NOUN", "NOUN", "PROPN", "PUNCT"],
        ["NN", "VBD", "NN", "NN", "NNP", "."],
    )
    assert misread_modifier(doc[1])
    cl = Clause.of_verb(doc[1])
    assert [t.text for t in cl.subjects] == ["Police"] and [t.text for t in cl.objects] == ["leader"]


def test_began_bombing_is_a_bombing() -> None:
    got = [c[:3] for c in coded("Chilean warplanes began bombing Peru on Wednesday.")]
    assert got == [("ASSAULT", ["Chile"], ["Peru"])]


def test_the_organisation_named_before_an_unnamed_groups_noun_is_the_actor() -> None:
    got = [c[:3] for c in coded("Hamas militants attacked southern Israel on Saturday.")]
    assert got == [("ASSAULT", ["Hamas"], ["Israel"])]


def test_a_signed_declaration_is_an_agreement_of_both_sides() -> None:
    body = "Chile and Peru signed a joint declaration in Lima on Monday."
    got = {(c[0], c[1][0], c[2][0]) for c in coded(body)}
    assert got == {("SUPPORT", "Chile", "Peru"), ("SUPPORT", "Peru", "Chile")}
    assert not coded("Chile issued a declaration of war against Peru.")


def test_stopped_trade_is_an_embargo_and_trade_going_on_no_event() -> None:
    stopped = [
        "Chile halted arms sales to Peru.",
        "Chile suspended trade with Peru.",
        "Chile cut off gas supplies to Peru.",
    ]
    for body in stopped:
        assert [c[:3] for c in coded(body)] == [("SANCTION", ["Chile"], ["Peru"])], body
    assert not coded("Chile resumed arms sales to Peru.")
    assert not coded("Chile's exports to Peru rose last year.")


def test_a_stop_someone_demands_is_no_stop() -> None:
    got = [c[:3] for c in coded("China demanded that the United States halt arms sales to Taiwan.")]
    assert got == [("REQUEST", ["China"], ["United States"])]


def test_a_reaction_set_off_after_a_noun_still_reacts_to_the_deed() -> None:
    # the parse hangs ", drawing ..." on the noun before the comma
    body = (
        "Chile said on Friday it would withdraw from the treaty,"
        " drawing sharp criticism from Peru and Bolivia."
    )
    assert ("ACCUSE", ["Peru", "Bolivia"], ["Chile"]) in [c[:3] for c in coded(body)]
    body = "Chile said on Monday it would quit the alliance, drawing sharp criticism from Peru."
    assert ("ACCUSE", ["Peru"], ["Chile"]) in [c[:3] for c in coded(body)]


def test_an_accusation_set_off_after_a_sanction_accuses_its_target_named_by_a_pronoun() -> None:
    body = "Chile and Bolivia severed diplomatic ties with Peru on Monday, accusing it of harbouring rebels."
    got = [c[:3] for c in coded(body)]
    assert ("ACCUSE", ["Chile", "Bolivia"], ["Peru"]) in got


def test_whom_a_deed_prompts_to_act_acts() -> None:
    got = [c[:3] for c in coded("The coup in Peru prompted the Andean Community to suspend Peru.")]
    assert ("SANCTION", ["Andean Community"], ["Peru"]) in got


def test_protests_a_deed_prompts_are_the_protesters_not_the_deeds() -> None:
    got = [c[:3] for c in coded("Chile expelled two diplomats from Peru, prompting protests from Bolivia.")]
    assert ("ACCUSE", ["Bolivia"], ["Chile"]) in got  # (a state's protest: an official complaint)
    assert ("ACCUSE", ["Chile"], ["Bolivia"]) not in got


def test_two_sides_fighting_battles_fight_each_other_but_not_fighting_corruption() -> None:
    body = "Chilean and Peruvian forces fought heavy battles along the border on Sunday."
    got = {(c[0], c[1][0], c[2][0]) for c in coded(body)}
    assert got == {("ASSAULT", "Chile", "Peru"), ("ASSAULT", "Peru", "Chile")}
    assert not coded("Chile and Peru fought corruption together.")


def test_a_march_or_rally_held_against_someone_is_a_protest_and_a_campaign_rally_none() -> None:
    body = "The Chilean Workers Union organised a march of thousands against Ann Ward's pension bill."
    assert [c[:3] for c in coded(body)] == [("PROTEST", ["Chilean Workers Union"], ["Ann Ward"])]
    assert not coded("Ann Ward held a rally in Santiago on Friday.")


def test_a_pattern_sees_the_troops_a_number_phrase_counts() -> None:
    got = [c[:3] for c in coded("Chile sent thousands of troops into Peru.")]
    assert got == [("MOBILIZE", ["Chile"], ["Peru"])]


def test_a_subject_the_parse_gave_to_a_clause_opener_is_the_clauses() -> None:
    # "X expelled envoys after President Ann Ward blamed Peru": "Ward" read as an "after" phrase
    doc = tree(
        ["Chile", "expelled", "envoys", "after", "President", "Ward", "blamed", "Peru"],
        [1, 1, 1, 5, 5, 1, 1, 6],
        ["nsubj", "ROOT", "obj", "case", "nmod:desc", "obl", "advcl", "obj"],
        ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PROPN", "VERB", "PROPN"],
        ["NNP", "VBD", "NNS", "IN", "NNP", "NNP", "VBD", "NNP"],
    )
    cl = Clause.of_verb(doc[6])
    assert [t.text for t in cl.subjects] == ["Ward"] and not cl.inherited


def test_an_adverbial_clause_of_someone_else_is_an_event_of_its_own() -> None:
    body = "Chile expelled 23 Peruvian diplomats after President Ann Ward blamed Peru for the poisoning."
    got = [c[:3] for c in coded(body)]
    assert ("SANCTION", ["Chile"], ["Peru"]) in got and ("ACCUSE", ["Ann Ward"], ["Peru"]) in got
    # a condition stays part of what it conditions
    body = "Juan Ortega threatened to resign if Chile attacked Peru."
    assert "ASSAULT" not in {c[0] for c in coded(body)}


def test_sides_agreeing_with_something_do_not_agree_with_each_other() -> None:
    body = "Ann Ward called for an end to the drug war, with which Juan Ortega and Maria Soto agreed."
    assert ("AGREE", ["Juan Ortega"], ["Maria Soto"]) not in [c[:3] for c in coded(body)]


def test_an_ultimatum_or_demand_someone_answers_was_made_to_them() -> None:
    got = [c[:3] for c in coded("Chile rejected an ultimatum from Peru to withdraw its troops.")]
    assert ("REJECT", ["Chile"], ["Peru"]) in got and ("THREATEN", ["Peru"], ["Chile"]) in got
    got = [c[:3] for c in coded("Chile rejected a demand from Bolivian President Ann Ward.")]
    assert ("REQUEST", ["Ann Ward", "Bolivia"], ["Chile"]) in got
    # a lawsuit a court dismisses was not filed against the court
    got = [c[:3] for c in coded("Judge Juan Ortega dismissed Ann Ward's lawsuit on Monday.")]
    assert all(t != ["Juan Ortega"] or ty != "ACCUSE" for ty, _, t in got)


def test_a_release_is_demanded_of_whoever_holds_the_captive() -> None:
    body = "Chile detained Juan Ortega on Sunday, and the European Union demanded his release."
    assert ("REQUEST", ["European Union"], ["Chile"]) in [c[:3] for c in coded(body)]
    body = "Chile seized 15 Peruvian sailors on Friday, and Peru demanded their immediate release."
    assert ("REQUEST", ["Peru"], ["Chile"]) in [c[:3] for c in coded(body)]


def test_the_court_and_the_bloc_refer_to_the_court_and_the_union_named_before() -> None:
    body = "The International Criminal Court sought Ann Ward. Chile refused to cooperate with the court."
    assert ("REJECT", ["Chile"], ["International Criminal Court"]) in [c[:3] for c in coded(body)]
    body = "Chile left the Andean Community in 1976. On Monday Peru urged the bloc to suspend Bolivia."
    assert ("REQUEST", ["Peru"], ["Andean Community"]) in [c[:3] for c in coded(body)]


def test_a_participle_closing_the_sentence_goes_with_the_main_clause() -> None:
    # "Chile warned it would act unless Peru left, massing troops.": the parse hangs "massing" on "left"
    doc = tree(
        ["Chile", "warned", "it", "would", "act", "unless", "Peru", "left", ",", "massing", "troops", "."],
        [1, 1, 4, 4, 1, 7, 7, 4, 9, 7, 9, 1],
        ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "mark", "nsubj", "advcl"]
        + ["punct", "advcl", "obj", "punct"],
        ["PROPN", "VERB", "PRON", "AUX", "VERB", "SCONJ", "PROPN", "VERB", "PUNCT", "VERB", "NOUN", "PUNCT"],
        ["NNP", "VBD", "PRP", "MD", "VB", "IN", "NNP", "VBD", ",", "VBG", "NNS", "."],
    )
    assert [t.text for t in Clause.of_verb(doc[9]).subjects] == ["it"]


def test_talks_on_a_topic_are_not_talks_with_it() -> None:
    body = (
        "Chilean Foreign Minister Ann Ward and her Peruvian counterpart Juan Ortega held talks in Lima"
        " on Saturday on a disputed island and Bolivia's claims."
    )
    assert all("Bolivia" not in t for _, _, t in (c[:3] for c in coded(body)))


def test_aid_counted_in_planeloads_is_aid_and_shared_intelligence_cooperation() -> None:
    body = "Qatar sent planeloads of humanitarian aid and rescue teams to Chile after the earthquake."
    assert [c[:3] for c in coded(body)] == [("AID", ["Qatar"], ["Chile"])]
    body = "Chile said it was sharing intelligence with Peru."
    assert [c[:3] for c in coded(body)] == [("COOPERATE", ["Chile"], ["Peru"])]
    assert not coded("Chile shared the prize with Peru.")


def test_an_accusation_hung_on_a_phrase_of_the_arrest_is_the_arresters() -> None:
    body = "Chilean police detained Juan Ortega in a raid on his home in Lima, accusing him of spying."
    got = [c[:3] for c in coded(body)]
    assert ("ACCUSE", ["Chilean security forces"], ["Juan Ortega"]) in got


def test_calls_for_someone_to_act_are_a_request_and_a_phone_call_a_meeting() -> None:
    body = "Juan Ortega rejected Peru's calls for Chile to withdraw its troops."
    assert ("REQUEST", ["Peru"], ["Chile"]) in [c[:3] for c in coded(body)]
    body = "Chile ignored repeated calls from Peru for a ceasefire."
    assert ("REQUEST", ["Peru"], ["Chile"]) in [c[:3] for c in coded(body)]
    # the call of a race for a candidate asks nothing of him
    body = "Ann Ward has yet to concede, saying before the call for Juan Ortega that she had won."
    assert "REQUEST" not in {c[0] for c in coded(body)}


def test_a_call_an_urging_was_made_in_took_place() -> None:
    body = "In a telephone call on Monday, Ann Ward urged Juan Ortega to release the prisoners."
    got = [(e.type, e.hypothetical) for _, _, _, e in coded(body)]
    assert ("CONSULT", False) in got and ("REQUEST", False) in got


def test_a_release_of_people_a_pronoun_names_is_asked_of_a_captor_of_the_same_sentence_only() -> None:
    body = "Chile seized 15 Peruvian sailors on Friday. On Monday, Peru demanded their immediate release."
    assert ("REQUEST", ["Peru"], ["Chile"]) not in [c[:3] for c in coded(body)]


def test_states_that_no_longer_exist_act_through_their_demonyms() -> None:
    body = "Soviet troops attacked Lithuanian border posts on Sunday."
    assert [c[:3] for c in coded(body)] == [("ASSAULT", ["Soviet Union"], ["Lithuania"])]


def test_a_demonym_before_artillery_or_a_city_is_its_state() -> None:
    body = "Chilean artillery shelled the Peruvian port city of Callao on Tuesday."
    assert [c[:3] for c in coded(body)] == [("ASSAULT", ["Chile"], ["Peru"])]
    body = "Chilean army tanks attacked Peruvian territorial defence units on Thursday."
    assert [c[:3] for c in coded(body)] == [("ASSAULT", ["Chile"], ["Peru"])]


def test_a_killing_after_an_attack_on_a_place_names_its_victims() -> None:
    body = "Chilean troops stormed a base in Lima on Sunday, killing 13 Peruvian soldiers."
    assert ("ASSAULT", ["Chile"], ["Peru"]) in [c[:3] for c in coded(body)]
    # the same act to the same victims stays one event
    body = "Chilean troops attacked Peruvian soldiers on Sunday, killing 13 of them."
    assert [c[:3] for c in coded(body)] == [("ASSAULT", ["Chile"], ["Peru"])]


def test_reservists_called_up_are_mobilised_even_where_the_parse_hangs_up_on_the_number() -> None:
    body = "Peru called up 300,000 reservists for the war with Chile on Wednesday."
    assert [c[:3] for c in coded(body)] == [("MOBILIZE", ["Peru"], ["Chile"])]
    assert not coded("Ann Ward called up Juan Ortega on Monday.")


def test_a_particle_the_parse_hung_on_the_object_is_the_verbs() -> None:
    # "Peru called up 300,000 reservists", parsed with "up" a modifier of the number
    doc = tree(
        ["Peru", "called", "up", "300,000", "reservists", "."],
        [1, 1, 3, 4, 1, 1],
        ["nsubj", "ROOT", "advmod", "nummod", "obj", "punct"],
        ["PROPN", "VERB", "ADP", "NUM", "NOUN", "PUNCT"],
        ["NNP", "VBD", "RP", "CD", "NNS", "."],
    )
    assert [t.text for t in particles(doc[1])] == ["up"] and particles(doc[4]) == []



def test_a_verb_read_inside_one_long_name_before_a_demonym_and_title_accuses_the_name() -> None:
    body = "Ann Ward accused Peruvian President Juan Ortega of plotting to assassinate her."
    assert [c[:3] for c in coded(body)] == [("ACCUSE", ["Ann Ward"], ["Juan Ortega", "Peru"])]


def test_two_leaders_opening_a_summit_meet() -> None:
    body = "Chilean President Ann Ward and Peruvian President Juan Ortega opened a summit in Lima on Tuesday."
    assert [c[:3] for c in coded(body)] == [("CONSULT", ["Ann Ward", "Chile"], ["Juan Ortega", "Peru"])]


def test_a_charge_summing_up_the_clause_before_is_rejected_of_its_maker() -> None:
    body = "Chile accused Peru of genocide, a charge Peru rejected as baseless."
    assert ("REJECT", ["Peru"], ["Chile"]) in [c[:3] for c in coded(body)]
    body = "Chile said its forces had captured the town of Tacna, a claim Peru denied."
    assert ("REJECT", ["Peru"], ["Chile"]) in [c[:3] for c in coded(body)]


def test_a_noun_glued_to_the_name_after_it_is_the_verbs_object() -> None:
    # ", a charge Peru rejected", parsed with "Peru" inside the subject "charge Peru"
    doc = tree(
        ["Chile", "accused", "Peru", ",", "a", "charge", "Peru", "rejected", "."],
        [1, 1, 1, 5, 5, 7, 5, 1, 1],
        ["nsubj", "ROOT", "obj", "punct", "det", "nsubj", "flat", "conj", "punct"],
        ["PROPN", "VERB", "PROPN", "PUNCT", "DET", "NOUN", "PROPN", "VERB", "PUNCT"],
        ["NNP", "VBD", "NNP", ",", "DT", "NN", "NNP", "VBD", "."],
    )
    nouns = frozenset({"charge", "claim"})
    got = glued_claim(doc[7], nouns)
    assert got is not None and (got[0].text, got[1].text) == ("Peru", "charge")
    assert glued_claim(doc[1], nouns) is None and claimant_clause(doc[7], doc[5]).text == "accused"


def test_its_forces_are_the_state_that_said_so() -> None:
    body = "Chile said its jets had struck Peru on Monday."
    assert [c[:3] for c in coded(body)] == [("ASSAULT", ["Chile"], ["Peru"])]
    body = "Chile said its army had attacked Peru."
    assert [c[:3] for c in coded(body)] == [("ASSAULT", ["Chile"], ["Peru"])]


def test_a_claim_denied_in_the_passive_is_no_ones_the_sentence_names_after() -> None:
    assert not coded("The accusation was rejected by Ann Ward, Juan Ortega's lawyer.")


def test_attending_an_organisations_summit_meets_the_organisation() -> None:
    body = "Ann Ward did not attend the Arab League summit in Beirut on Wednesday."
    got = [(t, s, g, e.negated) for t, s, g, e in coded(body)]
    assert got == [("CONSULT", ["Ann Ward"], ["Arab League"], True)]
    body = "Ann Ward attended a summit with Juan Ortega."
    assert [c[:3] for c in coded(body)] == [("CONSULT", ["Ann Ward"], ["Juan Ortega"])]


def test_a_siege_laid_is_coercion_and_a_blockade_lifted_an_easing() -> None:
    assert [c[:3] for c in coded("Chilean forces laid siege to the Peruvian town of Tacna.")] == [
        ("COERCE", ["Chile"], ["Peru"])
    ]
    assert [c[:2] for c in coded("Chile lifted its blockade of Peru.")] == [("RETREAT", ["Chile"])]


def test_a_particle_the_parse_read_as_a_preposition_makes_the_phrasal_verb() -> None:
    got = [c[:3] for c in coded("Chile called off the talks with Peru.")]
    assert got == [("SANCTION", ["Chile"], ["Peru"])]
    assert [c[:3] for c in coded("Chile sealed off the Peruvian border town of Tacna.")] == [
        ("COERCE", ["Chile"], ["Peru"])
    ]
    # "on", "for", "to" stay prepositions ("settled on the ticket" is no settlement)
    doc = tree(
        ["Chile", "sealed", "off", "Tacna", "."],
        [1, 1, 3, 1, 1],
        ["nsubj", "ROOT", "case", "obl", "punct"],
        ["PROPN", "VERB", "ADP", "PROPN", "PUNCT"],
        ["NNP", "VBD", "IN", "NNP", "."],
    )
    assert stuck_particle(doc[1]) is not None and stuck_particle(doc[1]).text == "off"
    doc = tree(
        ["Chile", "settled", "on", "Tacna", "."],
        [1, 1, 3, 1, 1],
        ["nsubj", "ROOT", "case", "obl", "punct"],
        ["PROPN", "VERB", "ADP", "PROPN", "PUNCT"],
        ["NNP", "VBD", "IN", "NNP", "."],
    )
    assert stuck_particle(doc[1]) is None


def test_a_meeting_after_a_relative_clause_opens_is_the_antecedents() -> None:
    body = "Ann Ward, who spoke after meeting Juan Ortega in Lima, said Chile was ready to talk."
    assert ("CONSULT", ["Ann Ward"], ["Juan Ortega"]) in [c[:3] for c in coded(body)]


def test_a_verb_hung_on_the_end_of_a_relative_clause_on_the_subject_is_the_sentences() -> None:
    body = "Juan Ortega, who arrived in Santiago on Monday and met Ann Ward, praised Chile."
    assert ("SUPPORT", ["Juan Ortega"], ["Chile"]) in [c[:3] for c in coded(body)]


def test_a_visiting_leader_is_the_visitor() -> None:
    body = "Juan Ortega held talks with visiting Chilean President Ann Ward."
    assert [c[:3] for c in coded(body)] == [("CONSULT", ["Ann Ward", "Chile"], ["Juan Ortega"])]
    body = "Juan Ortega pledged firm support for Chile during talks with visiting President Ann Ward."
    assert ("CONSULT", ["Ann Ward"], ["Juan Ortega"]) in [c[:3] for c in coded(body)]
    # a place visited is no visitor, nor is what a leader does with a visit
    body = "President Ann Ward started the month visiting Arequipa, Peru, where riots had broken out."
    assert [c[:2] for c in coded(body)] == [("CONSULT", ["Ann Ward"])]
    got = [c[:3] for c in coded("After visiting Peru, Ann Ward flew home.")]
    assert got == [("CONSULT", ["Ann Ward"], ["Peru"])]


def test_people_a_plural_demonym_names_in_apposition_are_the_target() -> None:
    body = "Chilean authorities detained two Peruvians, Juan Ortega and Ann Ward, on Monday."
    assert [c[:3] for c in coded(body)] == [("COERCE", ["Chile"], ["Juan Ortega", "Ann Ward"])]
    got = [c[:3] for c in coded("Chile expelled two Peruvians on Monday.")]
    assert got == [("COERCE", ["Chile"], ["Peru"])]


def test_aid_a_price_stands_before_is_aid() -> None:
    body = "Chile announced a new $2.5 billion military aid package for Peru on Thursday."
    assert [c[:3] for c in coded(body)] == [("AID", ["Chile"], ["Peru"])]


def test_a_warplane_shot_down_is_its_states_even_with_its_model_named() -> None:
    body = "Chile shot down a Peruvian Su-24 warplane near the border on Tuesday."
    assert [c[:3] for c in coded(body)] == [("ASSAULT", ["Chile"], ["Peru"])]
    body = "Hamas gunmen stormed Israeli communities near the border on Saturday."
    assert [c[:3] for c in coded(body)] == [("ASSAULT", ["Hamas"], ["Israel"])]


def test_a_finite_verb_the_tagger_made_a_noun_is_a_verb() -> None:
    # "Chile shot down a jet", tagged VBD but given the part of speech of the noun "shot"
    doc = tree(
        ["Chile", "shot", "down", "a", "jet", "."],
        [1, 1, 1, 4, 1, 1],
        ["nsubj", "ROOT", "compound:prt", "det", "obj", "punct"],
        ["PROPN", "NOUN", "ADP", "DET", "NOUN", "PUNCT"],
        ["NNP", "VBD", "RP", "DT", "NN", "."],
    )
    assert misread_as_noun(doc[1]) and not misread_as_noun(doc[4])


def test_strikes_on_someone_are_an_attack_a_labour_strike_is_not() -> None:
    body = "Chilean warplanes launched strikes on Peruvian positions early on Thursday."
    assert [c[:3] for c in coded(body)] == [("ASSAULT", ["Chile"], ["Peru"])]
    assert not coded("Peruvian dockers went on strike against the port company on Monday.")


def test_troops_landed_somewhere_are_deployed_there() -> None:
    body = "Chilean troops landed in Peru on Monday without opposition."
    assert [c[:3] for c in coded(body)] == [("MOBILIZE", ["Chile"], ["Peru"])]
    body = "Chile landed troops on the Peruvian coast early on Friday."
    assert [c[:3] for c in coded(body)] == [("MOBILIZE", ["Chile"], ["Peru"])]
    # a plane landing is nothing, nor are troops that stay where they are
    assert not coded("The plane landed in Lima on Monday.")
    assert not coded("Chilean troops have remained in Peru to prevent attacks.")


def test_troops_arriving_are_deployed_where_they_arrive_whoever_asked_for_them() -> None:
    body = "Chilean troops arrived in Peru at the request of President Juan Ortega."
    got = [c[:3] for c in coded(body)]
    assert ("MOBILIZE", ["Chile"], ["Peru"]) in got and ("REQUEST", ["Juan Ortega"], ["Chile"]) in got
    assert [c[0] for c in coded("Ann Ward arrived in Lima on Thursday.")] == ["CONSULT"]


def test_an_event_noun_inside_a_longer_name_is_no_event_unless_signed() -> None:
    assert not coded("Chile and Peru are members of the Andean Pact.")
    got = [c[:3] for c in coded("Chile and Peru signed the Andean Pact in 1969.")]
    assert ("SUPPORT", ["Chile"], ["Peru"]) in got


def test_a_warning_of_force_to_come_threatens_whom_the_force_would_hit() -> None:
    body = "Ann Ward warned that Chile would attack Peru if it failed to comply."
    assert ("THREATEN", ["Ann Ward"], ["Peru"]) in [c[:3] for c in coded(body)]
    # who would pay a price is the threatened one; a storm is no force
    body = "Ann Ward warned that Peru would pay a heavy price if the rocket fire continued."
    assert ("THREATEN", ["Ann Ward"], ["Peru"]) in [c[:3] for c in coded(body)]
    assert not coded("Ann Ward warned that the storm would hit Peru on Monday.")


def test_a_title_with_its_own_of_phrase_introduces_the_name_after_it() -> None:
    body = "U.S. Secretary of State Ann Ward arrived in Lima on Thursday for her first visit to Peru."
    # (her title, read across its "of", makes her the United States' official: it visits with her)
    assert ("CONSULT", ["Ann Ward", "United States"], ["Peru"]) in [c[:3] for c in coded(body)]
    assert ("CONSULT", ["United States"], ["Ann Ward"]) not in [c[:3] for c in coded(body)]
    body = "Governor of Texas Ann Ward met Juan Ortega."
    assert [c[:3] for c in coded(body)] == [("CONSULT", ["Ann Ward"], ["Juan Ortega"])]


def test_a_verb_hung_on_the_object_of_the_subjects_participle_has_that_subject() -> None:
    body = "Chilean troops leading an international force landed in Lima on Monday to restore order in Peru."
    assert ("MOBILIZE", ["Chile"], ["Peru"]) in [c[:3] for c in coded(body)]


def test_a_show_of_force_set_off_after_a_threat_is_aimed_at_the_threatened() -> None:
    body = "Chile threatened Peru with war, massing troops along the border."
    assert ("MOBILIZE", ["Chile"], ["Peru"]) in [c[:3] for c in coded(body)]
    # what an accusation says someone did is not the accuser's own act
    body = "The Chilean government accused Ann Ward of trying to pressure Peru, threatening to go to court."
    assert "THREATEN" not in [c[0] for c in coded(body)]


def test_who_claimed_responsibility_for_a_deed_did_it() -> None:
    body = "The Andean Liberation Front claimed responsibility for the attack on Peruvian soldiers."
    got = [c[:3] for c in coded(body)]
    assert got == [("ASSAULT", ["Andean Liberation Front"], ["Peru"])]


def test_an_attack_that_names_no_one_hits_the_place_it_was_made_in() -> None:
    body = "Chile launched air strikes across southern Peru on Monday."
    assert [c[:3] for c in coded(body)] == [("ASSAULT", ["Chile"], ["Peru"])]
    body = "Andean Front gunmen stormed a shopping mall in Lima on Saturday."
    assert [c[:3] for c in coded(body)] == [("ASSAULT", ["Andean Front"], ["Lima"])]
    # an attack a report only mentions is no one's
    assert not coded("Reuters called Monday's attack the deadliest since an assault in Lima in 2018.")


def test_a_warning_of_crimes_to_come_is_no_threat() -> None:
    body = "Ann Ward warned that Chilean plans for a port could be used to commit war crimes against Peru."
    assert "THREATEN" not in [c[0] for c in coded(body)]


def test_the_government_of_a_named_leader_is_the_leaders_not_the_story_states() -> None:
    body = "Shining Path and the government of President Juan Ortega agreed to a truce after talks in Chile."
    got = [c[:3] for c in coded(body)]
    assert ("AGREE", ["Shining Path"], ["Juan Ortega"]) in got
    assert not [c for c in got if "Chile" in c[1] + c[2]]


def test_the_country_is_the_state_the_story_just_named() -> None:
    body = "Peru held elections on Monday, and Ann Ward imposed sanctions on the country."
    assert [c[:3] for c in coded(body)] == [("SANCTION", ["Ann Ward"], ["Peru"])]
    # not the state of a leader's title ("the Chilean president ... the country" may be another one)
    assert not coded("Chilean President Ann Ward imposed sanctions on the country.")


def test_condemning_the_intervention_condemns_whoever_launched_it() -> None:
    body = "Chile launched air strikes against Peru on Monday, and Bolivia condemned the intervention."
    assert ("ACCUSE", ["Bolivia"], ["Chile"]) in [c[:3] for c in coded(body)]
