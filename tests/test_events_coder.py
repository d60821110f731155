"""The dependency-based event coder on hand-written sentences, through the whole pipeline (bundled model).

The sentences are written for these tests (made-up situations between real states), not taken
from any article.
"""

from __future__ import annotations

import pytest

from newsgraph.events.cameo import build_lexicon, load_lexicon

from .events_helpers import coded, only


def test_verb_subject_and_object() -> None:
    src, tgt, ev = only("Russia sanctioned Iran on Monday.", "SANCTION")
    assert (src, tgt) == (["Russia"], ["Iran"])
    assert ev.cameo == "163" and "sanction" in (ev.rule or "")
    assert ev.date == "2020-01-06" and ev.date_source == "text" and ev.date_text


def test_passive_agent_is_the_source() -> None:
    src, tgt, _ = only("Iran was sanctioned by the European Union on Monday.", "SANCTION")
    assert (src, tgt) == (["European Union"], ["Iran"])


def test_coordinated_subjects() -> None:
    src, tgt, _ = only("Russia and China condemned Japan on Friday.", "ACCUSE")
    assert set(src) == {"Russia", "China"} and tgt == ["Japan"]


def test_governed_verb_is_part_of_its_governor() -> None:
    got = coded("Germany threatened to attack Poland.")
    assert [(t, s, g) for t, s, g, _ in got] == [("THREATEN", ["Germany"], ["Poland"])]


def test_relative_clause_subject() -> None:
    src, tgt, _ = only("Chile, which accused Peru of spying, recalled its ambassador.", "ACCUSE")
    assert (src, tgt) == (["Chile"], ["Peru"])


def test_negation_is_kept_and_flagged_with_its_cue() -> None:
    _, _, ev = only("Spain did not criticize Italy.", "ACCUSE")
    assert ev.negated and not ev.hypothetical and ev.modality_cue == "not"


def test_future_is_hypothetical_and_a_weekday_is_the_coming_one() -> None:
    _, _, ev = only("Brazil will meet Argentina on Tuesday.", "CONSULT")
    assert ev.hypothetical and ev.modality_cue == "will"
    assert ev.date == "2020-01-14"  # published Friday 2020-01-10: the coming Tuesday


def test_object_control_request() -> None:
    src, tgt, _ = only("The United States urged Japan to release the prisoners.", "REQUEST")
    assert (src, tgt) == (["United States"], ["Japan"])


def test_light_verb_with_a_nominal_event() -> None:
    src, tgt, _ = only("Canada imposed sanctions on Russia.", "SANCTION")
    assert (src, tgt) == (["Canada"], ["Russia"])


def test_undated_event_takes_the_publication_month_and_says_so() -> None:
    _, _, ev = only("Chile, which accused Peru of spying, recalled its ambassador.", "ACCUSE")
    assert ev.date == "2020-01" and ev.date_precision == "month" and ev.date_source == "document"
    assert ev.date_fallback


def test_no_event_without_two_actors() -> None:
    assert coded("The ministry condemned the decision on Friday.") == []


def test_lexicon_compiled_from_petrarch_and_own_additions() -> None:
    lex = load_lexicon()
    assert lex.has_verb("accuse") and lex.has_verb("urge")  # PETRARCH2 and event_verbs.yaml
    assert lex.verb_coding("accuse").type == "ACCUSE"  # type: ignore[union-attr]
    assert lex.verb_coding("sanction").type == "SANCTION"  # type: ignore[union-attr]
    assert lex.coding("163", "r").type == "SANCTION"  # type: ignore[union-attr]  (convention override)
    assert lex.coding("010", "r") is None  # public statements are not events
    assert lex.lemma_of("met") == "meet"


def test_user_lexicon_adds_a_verb(tmp_path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "mine.yaml"
    f.write_text('verbs:\n  snub: {code: "110", forms: [snubbed]}\n', encoding="utf-8")
    lex = build_lexicon([f])
    assert lex.verb_coding("snub").type == "ACCUSE"  # type: ignore[union-attr]
    assert lex.lemma_of("snubbed") == "snub"


def test_malformed_user_lexicon_names_the_file_and_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.errors import ConfigError

    f = tmp_path / "bad.yaml"
    f.write_text("verbs:\n  snub: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        build_lexicon([f])
    assert "bad.yaml" in str(e.value) and e.value.code == "NG042" and "line " in str(e.value)


def test_a_negated_concession_is_a_refusal() -> None:
    src, tgt, ev = only("Japan did not accede to China's demands.", "REJECT")
    assert (src, tgt) == (["Japan"], ["China"]) and not ev.negated and "refusal" in (ev.rule or "")


def test_a_request_that_frames_a_clause_targets_the_clause_subject() -> None:
    src, tgt, _ = only("French troops returned to Mali at the Malian government's request.", "REQUEST")
    assert src == ["Mali"] and tgt == ["France"]


def test_the_target_of_an_event_noun_under_a_copula() -> None:
    src, tgt, _ = only("In 2006, Chile was the target of an attack by Peru.", "ASSAULT")
    assert tgt == ["Chile"] and src == ["Peru"]


def test_the_partner_of_a_treaty_is_the_target_of_a_withdrawal() -> None:
    _, tgt, _ = only("Last year Brazil withdrew from a trade treaty with Argentina.", "SANCTION")
    assert tgt == ["Argentina"]


def test_an_infinitive_on_a_noun_takes_the_clause_subject() -> None:
    text = "The Iraqi parliament voted on a resolution to expel United States troops."
    src, tgt, _ = only(text, "SANCTION")
    assert tgt == ["United States"] and src and "Iraq" in src[0]


def test_labelling_as_a_terrorist_organisation_is_a_designation() -> None:
    text = "In 2007, the United States labeled Iran's army as a terrorist organization."
    src, tgt, _ = only(text, "SANCTION")
    assert src == ["United States"] and tgt == ["Iran"]


def test_a_title_before_a_name_refers_to_the_person() -> None:
    text = "Nikki Haley has long been a fierce critic of Venezuelan president Nicolas Maduro."
    src, tgt, _ = only(text, "ACCUSE")
    assert src == ["Nikki Haley"] and tgt == ["Nicolas Maduro", "Venezuela"]  # (and the state he leads)


def test_a_capital_city_stands_for_its_government_in_a_verbal_event() -> None:
    text = "Poland accused Russia of meddling. Russia rejected the complaint from Warsaw."
    src, tgt, _ = only(text, "REJECT")
    assert src == ["Russia"] and tgt == ["Poland"]


def test_the_passive_of_a_feeling_verb_is_the_subjects_disapproval() -> None:
    src, tgt, _ = only("Ivan Petrov said Russia was deeply disappointed by Turkey's vote.", "ACCUSE")
    assert src == ["Russia"] and tgt == ["Turkey"]


def test_a_reported_clause_read_as_an_adverbial_keeps_its_own_subject() -> None:
    text = "Reuters reported Ivan Petrov, the defence minister, recommended the NATO troops in Estonia stay."
    src, tgt, _ = only(text, "REQUEST")
    assert src == ["Ivan Petrov"] and tgt == ["NATO"]


def test_a_demonym_before_leaders_is_the_state() -> None:
    text = 'Ivan Petrov said: "We urge Syrian leaders to release the prisoners."'
    src, tgt, _ = only(text, "REQUEST")
    assert src == ["Ivan Petrov"] and tgt == ["Syria"]


def test_talking_with_a_newspaper_is_an_interview_not_a_consultation() -> None:
    got = coded("Senator Ivan Petrov spoke about the sanctions with The Castellan Times on Friday.")
    assert not [ty for ty, *_ in got if ty == "CONSULT"], got


def test_a_light_verb_takes_its_event_nouns_coding() -> None:
    text = "The European Union imposed a ban on imports from Syria."
    src, tgt, ev = only(text, "SANCTION")
    assert src == ["European Union"] and tgt == ["Syria"] and "ban" in (ev.rule or "")
    assert not [ty for ty, *_ in coded(text) if ty == "COERCE"]


def test_the_target_of_a_thing_is_the_actor_it_leads_to() -> None:
    src, tgt, _ = only("Canada announced new restrictions on flights to Venezuela.", "SANCTION")
    assert src == ["Canada"] and tgt == ["Venezuela"]


def test_its_on_an_event_noun_is_the_closest_state_before_it() -> None:
    text = "Ivan Petrov criticised the Syrian government's record and its support for Hezbollah."
    src, tgt, _ = only(text, "SUPPORT")
    assert src == ["Syria"] and tgt == ["Hezbollah"]


def test_a_mutual_quarrel_puts_coordinated_subjects_on_both_sides() -> None:
    body = "Angela Merkel and Emmanuel Macron have been at odds over the budget."
    got = [(s, g) for t, s, g, _ in coded(body)]
    assert got == [(["Angela Merkel"], ["Emmanuel Macron"]), (["Emmanuel Macron"], ["Angela Merkel"])]
    src, tgt, _ = only("Russia is embroiled in a feud with Ukraine.", "ACCUSE")
    assert src == ["Russia"] and tgt == ["Ukraine"]


def test_backing_one_side_against_another_is_military_aid() -> None:
    text = "In 2016, Russia started supporting the government of Bashar al-Assad against the rebels."
    src, tgt, _ = only(text, "AID")
    assert src == ["Russia"] and tgt == ["Bashar al-Assad"]


def test_a_light_verb_the_parse_left_off_still_gives_the_source() -> None:
    text = "Last year Canada branded Ivan Petrov a fraudster and levied sanctions against him."
    src, tgt, _ = only(text, "SANCTION")
    assert src == ["Canada"] and tgt == ["Ivan Petrov"]


def test_a_criticism_of_a_thing_is_aimed_at_the_actor_its_argument_names() -> None:
    text = "Emmanuel Macron criticized the plan, arguing Boris Johnson was ignoring the risks."
    src, tgt, _ = only(text, "ACCUSE")
    assert src == ["Emmanuel Macron"] and tgt == ["Boris Johnson"]


def test_protests_without_a_named_source_are_the_documents_protesters() -> None:
    text = "Demonstrators marched in Minsk. Anti-government protests spread to other cities of Belarus."
    got = [(s, t) for ty, s, t, _ in coded(text) if ty == "PROTEST"]
    assert got == [(["Demonstrators"], ["Belarus"])] * 2  # the march in Minsk (its state's), the protests


def test_an_unattributed_attack_is_the_claimants() -> None:
    text = "A base belonging to Nigeria was struck by rockets overnight. Boko Haram claimed responsibility."
    src, tgt, ev = only(text, "ASSAULT")
    assert src == ["Boko Haram"] and tgt == ["Nigeria"] and "+who claimed responsibility" in (ev.rule or "")


def test_an_insurgent_group_is_not_on_its_states_side() -> None:
    src, tgt, _ = only("The Taliban attacked Afghan forces in Kunduz.", "ASSAULT")
    assert src == ["Taliban"] and tgt == ["Afghanistan"]


def test_a_light_verbs_noun_possessor_is_no_target() -> None:
    got = coded("Ivan Petrov voiced his party's support for the new budget.")
    assert not [t for ty, _, t, _ in got if ty == "SUPPORT"], got


def test_stopping_aid_or_talks_is_a_sanction() -> None:
    src, tgt, _ = only("Germany froze its development aid to Niger.", "SANCTION")
    assert src == ["Germany"] and tgt == ["Niger"]
    src, tgt, _ = only("Russia suspended talks with Ukraine.", "SANCTION")
    assert src == ["Russia"] and tgt == ["Ukraine"]


def test_sanctions_imposed_by_an_agent_are_a_sanction_not_a_coercion() -> None:
    text = "The sanctions imposed by the European Union on Iran hurt its economy."
    src, tgt, _ = only(text, "SANCTION")
    assert src == ["European Union"] and tgt == ["Iran"]
    assert not [ty for ty, *_ in coded(text) if ty == "COERCE"]


def test_a_cue_verb_without_a_named_subject_takes_the_quotes_speaker() -> None:
    text = "Venezuela sent a letter to the United Nations. It accused Colombia of sheltering armed groups."
    src, tgt, _ = only(text, "ACCUSE")  # and no second accusation from the quoted words
    assert src == ["Venezuela"] and tgt == ["Colombia"]


def test_a_contest_between_two_people_is_no_assault() -> None:
    assert not coded("Joe Biden defeated Donald Trump in the election.")
    src, tgt, _ = only("US forces defeated Saddam Hussein.", "ASSAULT")
    assert src == ["United States"] and tgt == ["Saddam Hussein"]


def test_a_predicted_event_is_hypothetical() -> None:
    _, _, ev = only("Ivan Petrov predicts that Russia defeats Ukraine.", "ASSAULT")
    assert ev.hypothetical and ev.modality_cue == "predicts"


def test_one_person_attacking_another_is_criticism() -> None:
    src, tgt, ev = only("Donald Trump attacked Joe Biden at the rally.", "ACCUSE")
    assert src == ["Donald Trump"] and tgt == ["Joe Biden"] and ev.cameo == "111"
    src, tgt, _ = only("The Taliban attacked Ashraf Ghani's convoy.", "ASSAULT")
    assert src == ["Taliban"] and tgt == ["Ashraf Ghani"]


def test_a_state_of_emergency_is_coercion_of_the_leaders_own_state() -> None:
    text = "Thailand is tense. On Friday, Thai premier Prayut Chan-o-cha declared a state of emergency."
    src, tgt, _ = only(text, "COERCE")
    assert tgt == ["Thailand"] and src and "Prayut" in src[0]
    src, tgt, _ = only("Thai Prime Minister Prayut Chan-o-cha imposed a curfew in Bangkok.", "COERCE")
    assert tgt == ["Thailand"]


def test_a_lockdown_is_coercion_of_the_leaders_own_state_even_where_tagged_an_adjective() -> None:
    text = "Cases rose. On Monday, Italian Prime Minister Ann Ward imposed a nationwide lockdown."
    src, tgt, ev = only(text, "COERCE")
    assert (src, tgt) == (["Ann Ward"], ["Italy"]) and "lockdown" in ev.rule


def test_a_request_framing_a_clause_in_parataxis_targets_the_shared_subject() -> None:
    text = "French troops left Mali in 2022, then at the Malian government's request returned a year later."
    src, tgt, _ = only(text, "REQUEST")
    assert src == ["Mali"] and tgt == ["France"]


def test_a_key_given_twice_in_a_lexicon_file_is_an_error_at_its_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """YAML would keep the second "snub" silently; the lexicon loader names the file and line."""
    from newsgraph.errors import ConfigError

    f = tmp_path / "twice.yaml"
    text = 'verbs:\n  snub: {code: "110"}\n  rebuke: {code: "111"}\n  snub: {code: "---"}\n'
    f.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        build_lexicon([f])
    assert "twice.yaml" in str(e.value) and "line 4" in str(e.value) and "snub" in str(e.value)
