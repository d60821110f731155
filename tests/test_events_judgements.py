"""Judgements, discussions, charges and pairs: naming verbs whose predicate the parse hangs on the
object, phrases of several words among the accusation words, the topic of a discussion, charges and
investigations as nouns, light verbs that are the event and no reaction to one."""

from __future__ import annotations

import pytest

from newsgraph.events.cameo import EventLexicon
from newsgraph.events.stance import has_word, predicates, stance
from newsgraph.pipeline.registry import Resources

from .events_helpers import coded, only, tree


def _lex() -> EventLexicon:
    return Resources().get("event_lexicon")


def test_an_accusation_phrase_of_several_words_is_matched_as_a_phrase() -> None:
    listed = frozenset({"witch hunt", "liar"})
    assert has_word('a "witch hunt"', {"a", "witch", "hunt"}, listed)
    assert not has_word("a witch in a hunt", {"a", "witch", "in", "hunt"}, listed)
    coding = stance('a "witch hunt"', _lex(), "judgement", short=True)
    assert coding is not None and coding.type == "ACCUSE"


def test_a_predicate_noun_the_parse_made_the_objects_apposition_is_the_judgement() -> None:
    # "Trump called the investigation a hunt": "hunt" hung on the object as an apposition
    doc = tree(
        ["Trump", "called", "the", "investigation", "a", "hunt"],
        [1, 1, 3, 1, 5, 3],
        ["nsubj", "ROOT", "det", "obj", "det", "appos"],
        ["PROPN", "VERB", "DET", "NOUN", "DET", "NOUN"],
        ["NNP", "VBD", "DT", "NN", "DT", "NN"],
    )
    assert [t.text for t in predicates(doc[1])] == ["hunt"]


@pytest.mark.parametrize(
    "sentence",
    [
        'Senator Ann Ward called President Tom Reyes a "climate arsonist".',
        'Senator Ann Ward repeatedly called President Tom Reyes\'s inquiry a "witch hunt".',
    ],
)
def test_calling_someone_or_their_act_a_wrong_accuses_them(sentence: str) -> None:
    src, tgt, _ = only(sentence, "ACCUSE")
    assert src == ["Ann Ward"] and tgt == ["Tom Reyes"]


@pytest.mark.parametrize(
    ("sentence", "tgt"),
    [
        ("President Tom Reyes discussed trade with Chancellor Hanna Lorentz.", ["Hanna Lorentz"]),
        ("President Tom Reyes discussed Iran with Chancellor Hanna Lorentz on Monday.", ["Hanna Lorentz"]),
    ],
)
def test_a_discussions_partner_is_its_with_phrase_not_its_topic(sentence: str, tgt: list[str]) -> None:
    src, got, _ = only(sentence, "CONSULT")
    assert src == ["Tom Reyes"] and got == tgt


def test_a_discussed_topic_alone_is_no_meeting() -> None:
    got = coded("President Tom Reyes discussed Iran and the Islamic State at length.")
    assert not [t for t in got if t[0] == "CONSULT"]


@pytest.mark.parametrize(
    ("sentence", "tgt"),
    [
        ("The Department of Justice brought charges against Senator Ann Ward on Monday.", "Ann Ward"),
        ("The Department of Justice unsealed further charges against Senator Ann Ward.", "Ann Ward"),
        ("The Department of Justice was performing a criminal investigation of the Cobre Mining Company.",
         "Cobre Mining Company"),
    ],
)
def test_charges_and_investigations_named_as_nouns_accuse_their_target(sentence: str, tgt: str) -> None:
    src, got, _ = only(sentence, "ACCUSE")
    assert src == ["Department of Justice"] and got == [tgt]


def test_a_light_verbs_own_noun_is_no_reaction_to_an_earlier_event() -> None:
    body = (
        "The Department of Justice was investigating the Cobre Mining Company. "
        "The Cobre Mining Company started its investigation by hiring a law firm."
    )
    got = [t for t in coded(body) if t[0] == "ACCUSE"]
    assert [(s, t) for _, s, t, _ in got] == [(["Department of Justice"], ["Cobre Mining Company"])]


@pytest.mark.parametrize(
    ("sentence", "tgt"),
    [
        ("The president of Brazil vowed support for Argentina.", "Argentina"),
        ("Senator Ann Ward threw her support behind President Tom Reyes.", "Tom Reyes"),
    ],
)
def test_support_vowed_or_thrown_behind_someone_is_support(sentence: str, tgt: str) -> None:
    _, got, _ = only(sentence, "SUPPORT")
    assert got == [tgt]


def test_defending_someones_policy_is_verbal_support_not_military_aid() -> None:
    got = coded("Senator Ann Ward spoke, defending President Tom Reyes's foreign policy.")
    assert [(t[0], t[2]) for t in got] == [("SUPPORT", ["Tom Reyes"])]


def test_the_two_sides_are_those_who_met_not_the_hosts_of_a_trip() -> None:
    from newsgraph.events.sides import latest_pair
    from newsgraph.models import Event

    def ev(n: int, cameo: str, src: str, tgt: str) -> Event:
        return Event(
            id=f"e{n}", type="CONSULT", start=n, end=n + 1, text="", source=[src], target=[tgt], cameo=cameo
        )

    met = ev(1, "043", "minister", "delegation")  # "the minister received the delegation"
    trip = ev(2, "042", "delegation", "ministry")  # "the delegation arrived at the ministry's invitation"
    assert latest_pair([met, trip]) == (["minister"], ["delegation"])
    assert latest_pair([trip]) == (["delegation"], ["ministry"])  # a trip alone still names the pair


@pytest.mark.parametrize(
    ("sentence", "tgt"),
    [
        ("Senator Ann Ward claimed Iran spoofed e-mails to spread false information.", ["Iran"]),
        ("Senator Ann Ward claimed Iran attacked Saudi Arabia.", ["Iran"]),  # the doer, not the victim
        ('Senator Ann Ward claimed the pandemic shows the US is a "failed state".', ["United States"]),
    ],
)
def test_a_claim_accuses_the_doer_of_the_deed_it_reports(sentence: str, tgt: list[str]) -> None:
    src, got, _ = only(sentence, "ACCUSE")
    assert src == ["Ann Ward"] and got == tgt


@pytest.mark.parametrize(
    "sentence",
    [
        "Armenia claimed 790 Azerbaijani soldiers had been killed.",
        "Senator Ann Ward claimed Abraham Lincoln was the last third party candidate to be elected.",
        "Senator Ann Ward claimed the Russian government has enough money to spend.",
    ],
)
def test_a_claim_of_what_someone_is_has_or_suffered_accuses_no_one(sentence: str) -> None:
    assert not [t for t in coded(sentence) if t[0] == "ACCUSE"]


@pytest.mark.parametrize(
    ("sentence", "typ", "src", "tgt"),
    [
        ("President Tom Reyes granted Ann Ward a full and unconditional pardon.", "CONCEDE", "Tom Reyes",
         "Ann Ward"),
        ("President Tom Reyes granted a full pardon to Ann Ward.", "CONCEDE", "Tom Reyes", "Ann Ward"),
        ("Senator Ann Ward sent her condolences to President Tom Reyes.", "SUPPORT", "Ann Ward",
         "Tom Reyes"),
        ("Senator Ann Ward attributed the bombing to the Islamic State.", "ACCUSE", "Ann Ward",
         "Islamic State"),
    ],
)
def test_granted_pardons_condolences_and_attributed_attacks(
    sentence: str, typ: str, src: str, tgt: str
) -> None:
    s, t, _ = only(sentence, typ)
    assert s == [src] and t == [tgt]


def test_attributing_something_else_blames_no_one() -> None:
    got = coded("Senator Ann Ward attributed her victory to President Tom Reyes.")
    assert not [t for t in got if t[0] == "ACCUSE"]


def test_a_name_split_in_two_objects_is_no_recipient() -> None:
    got = coded(
        "On Sunday Presidents Muhammadu Buhari of Nigeria and Patrice Talon of Benin signed the African"
        " Continental Free Trade Area (AfCFTA) agreement."
    )
    assert not [t for t in got if t[0] == "SUPPORT" and any("Trade" in x for x in t[2])]


@pytest.mark.parametrize(
    ("sentence", "typ"),
    [
        ("Senator Ann Ward has been critical of President Tom Reyes.", "ACCUSE"),
        ("Senator Ann Ward was highly critical of President Tom Reyes's handling of the crisis.", "ACCUSE"),
        ("Senator Ann Ward was supportive of President Tom Reyes.", "SUPPORT"),
        ("Senator Ann Ward, a vocal critic of President Tom Reyes, spoke on Monday.", "ACCUSE"),
    ],
)
def test_a_predicate_adjective_or_an_appositive_critic_judges_its_subject(sentence: str, typ: str) -> None:
    src, tgt, _ = only(sentence, typ)
    assert src == ["Ann Ward"] and tgt == ["Tom Reyes"]


def test_a_critical_report_is_no_event() -> None:
    assert not coded("The report was critical of the plan, and Senator Ann Ward said so.")


def test_an_institution_announcing_a_passive_measure_is_its_agent() -> None:
    sentence = "The Interior Ministry of Russia said three British diplomats had been expelled."
    src, tgt, e = only(sentence, "SANCTION")  # expelling diplomats: CAMEO 166
    assert src == ["Russian Interior Ministry"] and tgt == ["United Kingdom"]
    assert "announced" in (e.rule or "")


def test_a_state_reporting_its_dead_names_no_attacker() -> None:
    got = coded("Mexico's Foreign Ministry said six Mexican nationals were killed in the attack.")
    assert not [t for t in got if t[0] == "ASSAULT"]


@pytest.mark.parametrize(
    ("sentence", "typ", "src", "tgt"),
    [
        ("North Korea launched missiles at Japan.", "ASSAULT", "North Korea", "Japan"),
        ("Hamas fired rockets into Israel on Monday.", "ASSAULT", "Hamas", "Israel"),
        ("Russia imposed new tariffs on goods from the European Union.", "SANCTION", "Russia",
         "European Union"),
        ("Senator Ann Ward appealed to President Tom Reyes to release the prisoners.", "REQUEST", "Ann Ward",
         "Tom Reyes"),
    ],
)
def test_missiles_tariffs_and_appeals(sentence: str, typ: str, src: str, tgt: str) -> None:
    s, t, _ = only(sentence, typ)
    assert s == [src] and t == [tgt]


def test_missiles_fired_at_no_one_are_no_attack() -> None:
    assert not coded("North Korea launched two missiles into the sea.")


@pytest.mark.parametrize(
    ("sentence", "typ"),
    [
        ("Senator Ann Ward met President Tom Reyes at the White House.", "CONSULT"),  # PETRARCH: an intent
        ("President Tom Reyes dismissed Senator Ann Ward from her post.", "SANCTION"),
        ("Senator Ann Ward subpoenaed President Tom Reyes.", "REQUEST"),
        ("The House Judiciary Committee issued a subpoena to President Tom Reyes.", "REQUEST"),
    ],
)
def test_meetings_at_a_place_dismissals_and_subpoenas(sentence: str, typ: str) -> None:
    _, tgt, _ = only(sentence, typ)
    assert tgt == ["Tom Reyes"] or tgt == ["Ann Ward"]


def test_a_dismissed_lawsuit_is_no_dismissal_from_office() -> None:
    assert not [t for t in coded("Senator Ann Ward dismissed the lawsuit.") if t[0] == "SANCTION"]


def test_obtained_messages_are_no_contact_but_a_message_received_is() -> None:
    assert not coded("The newspaper obtained the Telegram messages between Governor Tom Reyes and his staff.")
    src, tgt, _ = only("President Tom Reyes received a message from Chancellor Ann Ward.", "CONSULT")
    assert src == ["Ann Ward"] and tgt == ["Tom Reyes"]


def test_a_verbs_own_patterns_leave_the_verbs_sharing_its_compiled_block_alone() -> None:
    lex = _lex()
    pairs = (
        ("meet", "confront"), ("defend", "protect"), ("dismiss", "dispatch"), ("obtain", "get"),
        ("recommend", "advise"), ("demand", "need"), ("arrive", "come"), ("appeal", "plead"),
    )
    for own, shared in pairs:
        ours = f"event_verbs.yaml: {own} "
        mine = [p.rule for p in lex.patterns[lex.verbs[own].block]]
        theirs = [p.rule for p in lex.patterns[lex.verbs[shared].block]]
        assert any(r.startswith(ours) for r in mine), own
        assert not any(r.startswith(ours) for r in theirs), shared


@pytest.mark.parametrize(
    ("sentence", "typ", "src", "tgt"),
    [
        ("Senator Ann Ward picked Governor Tom Reyes as her running mate.", "SUPPORT", "Ann Ward",
         "Tom Reyes"),
        ("President Tom Reyes mocked Senator Ann Ward at a rally.", "ACCUSE", "Tom Reyes", "Ann Ward"),
        ("Former President Tom Reyes campaigned for Senator Ann Ward in Florida.", "SUPPORT", "Tom Reyes",
         "Ann Ward"),
    ],
)
def test_stranded_verbs_and_campaigns(sentence: str, typ: str, src: str, tgt: str) -> None:
    # the parse reads the verb as a modifier inside one long name and hangs "as her running mate" on
    # the subject; a campaign for a person rallies support for them
    s, t, _ = only(sentence, typ)
    assert s == [src] and t == [tgt]


def test_campaigning_for_a_release_is_no_support() -> None:
    assert not [t for t in coded("Activists campaigned for the release of Ann Ward.") if t[0] == "SUPPORT"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Senator Ann Ward expressed dissatisfaction with Governor Tom Reyes over his refusal to testify.",
        "Senator Ann Ward voiced anger at Governor Tom Reyes over the visit.",
    ],
)
def test_displeasure_voiced_at_someone_is_criticism_of_them(sentence: str) -> None:
    src, tgt, _ = only(sentence, "ACCUSE")
    assert src == ["Ann Ward"] and tgt == ["Tom Reyes"]


@pytest.mark.parametrize(
    "sentence",
    [
        'The Kremlin called the statement by Ukraine "absolutely false."',
        "Russia described Ukraine's claims as baseless.",
    ],
)
def test_calling_someones_claim_false_rebuts_them(sentence: str) -> None:
    src, tgt, _ = only(sentence, "REJECT")
    assert src == ["Russia"] and tgt == ["Ukraine"]


def test_calling_someones_remarks_a_wrong_accuses_their_author() -> None:
    src, tgt, _ = only("Senator Ann Ward called the remarks by Governor Tom Reyes disgraceful.", "ACCUSE")
    assert src == ["Ann Ward"] and tgt == ["Tom Reyes"]


def test_a_book_critical_of_someone_accuses_them_and_releases_no_one() -> None:
    events = coded("Senator Ann Ward released a book critical of Governor Tom Reyes.")
    assert [(t, s, g) for t, s, g, _ in events] == [("ACCUSE", ["Ann Ward"], ["Tom Reyes"])]


def test_remarks_accuse_only_when_a_word_calls_them_critical() -> None:
    assert only("Senator Ann Ward made disparaging remarks about Governor Tom Reyes.", "ACCUSE")[:2] == (
        ["Ann Ward"],
        ["Tom Reyes"],
    )
    assert not coded("Senator Ann Ward made remarks about Governor Tom Reyes.")


def test_a_dismissed_lawsuit_rejects_whoever_brought_it_not_whom_it_was_against() -> None:
    assert only("A federal judge in Ohio dismissed a lawsuit filed by Governor Tom Reyes.", "REJECT")[1] == [
        "Tom Reyes"
    ]
    trump = "A federal judge in Ohio dismissed a Trump lawsuit attempting to stop the count."
    assert only(trump, "REJECT")[1] == ["Trump"]
    against = coded("A federal judge in Ohio dismissed the lawsuit against Governor Tom Reyes.")
    assert not [e for e in against if e[0] == "REJECT"]


def test_breaking_with_someone_is_disapproval_not_a_threat() -> None:
    source, target, ev = only("Senator Ann Ward broke with Governor Tom Reyes over the budget.", "ACCUSE")
    assert (source, target, ev.cameo) == (["Ann Ward"], ["Tom Reyes"], "110")


def test_common_ground_found_with_someone_is_no_investigation() -> None:
    events = coded("Senator Ann Ward said she could find common ground with Governor Tom Reyes.")
    assert [(t, e.cameo) for t, _, _, e in events] == [("AGREE", "030")]


def test_a_quote_accuses_only_whom_its_own_sentence_blames() -> None:
    body = (
        'Ann Ward spoke on Monday. "Tom Reyes is trying to use the courts to grab power — this is a deeply '
        'dangerous and irresponsible way to govern," Ward said.'
    )
    assert only(body, "ACCUSE")[:2] == (["Ann Ward"], ["Tom Reyes"])
    body = (
        'Ann Ward spoke on Monday. "I went to bed at one and Tom Reyes was ahead. The result is a disgrace '
        'and the count was a fraud," Ward said.'
    )
    assert not [e for e in coded(body) if e[0] == "ACCUSE"]


def test_a_quote_condemning_a_murder_does_not_accuse_the_victim() -> None:
    for quote in ("Reyes's murder is unacceptable and a terrible blow to journalism",
                  "This murder is a crime, and Reyes was a brave man"):
        body = f'Tom Reyes was shot dead in Aden. "{quote}," said Ann Ward of Reporters Without Borders.'
        assert not [e for e in coded(body) if e[0] == "ACCUSE"], quote


def test_railing_against_someone_criticizes_them() -> None:
    text = "Senator Ann Ward railed against Governor Tom Reyes."
    assert only(text, "ACCUSE")[:2] == (["Ann Ward"], ["Tom Reyes"])


def test_ministers_who_agreed_are_who_met_not_a_visitor_and_its_host() -> None:
    from newsgraph.events.sides import latest_pair
    from newsgraph.models import Event

    trip = Event(
        id="e1", type="CONSULT", start=1, end=2, text="", source=["movement"], target=["state"], cameo="042"
    )
    assert latest_pair([trip], trips=False) == ([], [])
