"""Event extraction on hand-built documents (mentions placed by hand, no model)."""

from __future__ import annotations

import re

import pytest

from newsgraph.actors.kb import load_kb
from newsgraph.events import extract_events
from newsgraph.models import AnalyzedDoc, Entity, Event, Mention, Quote
from newsgraph.pipeline.registry import Resources, registered

from .conftest import make_doc

Actor = tuple[str, str, str, str | None]  # (id, type, name, kb_id)


def build(
    text: str,
    actors: list[Actor],
    surfaces: dict[str, str],
    published: str | None = "2025-03-07",
    quotes: list[tuple[str, str, str]] | None = None,
) -> AnalyzedDoc:
    """A document with foundation stages run and a mention for every occurrence of each surface."""
    ad = AnalyzedDoc(doc=make_doc(text, published=published))
    reg, res = registered(), Resources()
    for st in ("clean", "segment", "docdate"):
        reg[st].fn(ad, res)
        ad.done.append(st)
    ad.entities = [Entity(i, t, n, kb_id=kb) for i, t, n, kb in actors]
    spans = []
    for surf, eid in surfaces.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(surf)}(?![\w-])", text):
            spans.append((m.start(), m.end(), eid))
    last = -1
    for s, e, eid in sorted(spans, key=lambda x: (x[0], -(x[1] - x[0]))):
        if s >= last:
            ad.mentions.append(Mention(s, e, text[s:e], eid))
            last = e
    for k, (qtext, speaker, kind) in enumerate(quotes or []):
        s = text.index(qtext)
        ad.quotes.append(Quote(f"q{k}", kind, s, s + len(qtext), qtext, speaker=speaker))
    if quotes:
        ad.done.append("quotes")
    return ad


@pytest.fixture(scope="module")
def kb():  # type: ignore[no-untyped-def]
    return load_kb()


def events(ad: AnalyzedDoc, kb: object = None) -> list[Event]:
    return extract_events(ad, kb=kb)


def one(evs: list[Event], typ: str) -> Event:
    found = [e for e in evs if e.type == typ]
    assert len(found) == 1, [(e.type, e.trigger, e.source, e.target) for e in evs]
    return found[0]


VALDORIA: list[Actor] = [
    ("val", "STATE", "Valdoria", None),
    ("kesh", "STATE", "Kesh", None),
    ("sabil", "ORG", "Sabil Movement", None),
    ("vessin", "PERSON", "Anatoly Vessin", None),
    ("haddad", "PERSON", "Yusuf al-Haddad", None),
    ("cast", "LOCATION", "Castellan", None),
]
SURF = {
    "Valdoria": "val",
    "Kesh": "kesh",
    "Sabil Movement": "sabil",
    "Anatoly Vessin": "vessin",
    "Vessin": "vessin",
    "Yusuf al-Haddad": "haddad",
    "Castellan": "cast",
}


def test_meeting_with_delegation_led_by_and_date() -> None:
    ad = build(
        "Talks\n\nForeign Minister Anatoly Vessin received a delegation of the Sabil Movement led by "
        "Yusuf al-Haddad in Castellan on Thursday.\n",
        VALDORIA,
        SURF,
    )
    ev = one(events(ad), "CONSULT")
    assert set(ev.source) == {"sabil", "haddad"} and ev.target == ["vessin"]
    assert (ev.mode, ev.cameo, ev.location) == ("meeting", "04", "cast")
    assert (ev.date, ev.date_precision, ev.date_text, ev.date_fallback) == (
        "2025-03-06",
        "day",
        "on Thursday",
        False,
    )


def test_visit_to_a_capital_targets_its_state(kb: object) -> None:
    actors: list[Actor] = [
        ("hamas", "ORG", "Hamas", "org:hamas"),
        ("rus", "STATE", "Russia", "state:RUS"),
        ("mos", "LOCATION", "Moscow", None),
    ]
    ad = build(
        "Visit\n\nA Hamas delegation arrived in Moscow on September 12, 2022 for talks. Russia said so.\n",
        actors,
        {"Hamas": "hamas", "Russia": "rus", "Moscow": "mos"},
    )
    ev = one(events(ad, kb), "CONSULT")
    assert (ev.source, ev.target, ev.location, ev.mode, ev.date) == (
        ["hamas"],
        ["rus"],
        "mos",
        "visit",
        "2022-09-12",
    )


def test_capital_of_appositive_and_coordinated_meeting() -> None:
    actors: list[Actor] = [
        ("hamas", "ORG", "Hamas", None),
        ("tat", "LOCATION", "Tatarstan", None),
        ("kaz", "LOCATION", "Kazan", None),
        ("min", "PERSON", "Rustam Minnikhanov", None),
    ]
    ad = build(
        "Kazan\n\nOn September 14, 2022 the Hamas delegation visited Kazan, capital of the Republic of "
        "Tatarstan, and met with its president, Rustam Minnikhanov.\n",
        actors,
        {"Hamas": "hamas", "Tatarstan": "tat", "Kazan": "kaz", "Rustam Minnikhanov": "min"},
    )
    evs = [e for e in events(ad) if e.type == "CONSULT"]
    visit = next(e for e in evs if e.mode == "visit")
    meet = next(e for e in evs if e.mode != "visit")
    assert (visit.source, visit.target, visit.location) == (["hamas"], ["tat"], "kaz")
    assert (meet.source, meet.target) == (["hamas"], ["min"])
    assert visit.date == meet.date == "2022-09-14"


def test_negated_passive_designation_and_hypothetical_help() -> None:
    actors: list[Actor] = [
        ("rus", "STATE", "Russia", None),
        ("hamas", "ORG", "Hamas", None),
        ("pal", "STATE", "Palestinians", None),
        ("west", "STATE", "the West", None),
    ]
    surf = {"Russia": "rus", "Hamas": "hamas", "Palestinians": "pal", "the West": "west"}
    ad = build(
        "News\n\nRussia has not designated Hamas as a terror organization. Hamas has been designated by "
        "the West as a terror organization. Russia can also help Palestinians if it is feasible.\n",
        actors,
        surf,
        published=None,
    )
    evs = events(ad)
    sanctions = [e for e in evs if e.type == "SANCTION"]
    assert [(e.source, e.target, e.negated) for e in sanctions] == [
        (["rus"], ["hamas"], True),
        (["west"], ["hamas"], False),
    ]
    aid = one(evs, "AID")
    assert (aid.source, aid.target, aid.hypothetical, aid.negated) == (["rus"], ["pal"], True, False)
    assert all(e.date is None and not e.date_fallback for e in evs)  # no document date: none invented


def test_refusal_is_a_rejection_and_the_refused_act_is_negated() -> None:
    ad = build("News\n\nKesh refused to meet Anatoly Vessin on Monday.\n", VALDORIA, SURF)
    evs = events(ad)
    rej, cons = one(evs, "REJECT"), one(evs, "CONSULT")
    assert (rej.source, rej.negated) == (["kesh"], False)
    assert (cons.source, cons.target, cons.negated) == (["kesh"], ["vessin"], True)


def test_request_accuse_invitation_and_relative_clause() -> None:
    text = (
        "News\n\nA Sabil Movement delegation arrived in Castellan at the invitation of Valdoria. "
        "Vessin urged Kesh to lift the siege. Kesh, which designated the Sabil Movement a terrorist "
        "organisation in 2019, accused Valdoria of hosting terrorists.\n"
    )
    evs = events(build(text, VALDORIA, SURF))
    agree, req, visit = one(evs, "AGREE"), one(evs, "REQUEST"), one(evs, "CONSULT")
    assert (agree.source, agree.target, agree.mode) == (["val"], ["sabil"], "invitation")
    assert (visit.source, visit.target, visit.location, visit.mode) == (["sabil"], ["val"], "cast", "visit")
    assert (req.source, req.target, req.cameo) == (["vessin"], ["kesh"], "02")
    san, acc = one(evs, "SANCTION"), one(evs, "ACCUSE")
    assert (san.source, san.target, san.date, san.date_precision) == (["kesh"], ["sabil"], "2019", "year")
    assert (acc.source, acc.target) == (["kesh"], ["val"])


def test_future_and_conditional_are_flagged_stances_are_not() -> None:
    text = (
        "News\n\nThe Sabil Movement is expected to meet Anatoly Vessin on Saturday. Kesh said it would not "
        "accept Valdoria as a mediator. Yusuf al-Haddad said the Sabil Movement was ready to negotiate with "
        "Kesh if Valdoria helped.\n"
    )
    evs = events(build(text, VALDORIA, SURF))
    meet = one(evs, "CONSULT")
    assert (meet.hypothetical, meet.date) == (True, "2025-03-08")
    rej = one(evs, "REJECT")
    assert (rej.source, rej.target, rej.hypothetical) == (["kesh"], ["val"], False)
    agree = one(evs, "AGREE")
    assert agree.target == ["kesh"] and agree.hypothetical


def test_statement_date_is_the_meeting_date_and_fallback_is_flagged() -> None:
    text = (
        "Talks\n\nAnatoly Vessin met Yusuf al-Haddad on Thursday.\n\n"
        "Yusuf al-Haddad thanked Valdoria for its support.\n\n"
        "In a separate development, Valdoria imposed sanctions on Kesh.\n"
    )
    evs = events(build(text, VALDORIA, SURF))
    sup, san = one(evs, "SUPPORT"), one(evs, "SANCTION")
    assert (sup.date, sup.date_text, sup.date_fallback) == ("2025-03-06", None, False)
    assert (san.source, san.target) == (["val"], ["kesh"])
    assert (san.date, san.date_fallback) == ("2025-03-07", True)  # the document date, flagged


def test_the_day_after_the_meeting_counts_from_the_meeting() -> None:
    text = (
        "Talks\n\nThe day after the meeting with Anatoly Vessin on Friday, the Sabil Movement delegation met "
        "with Kesh.\n"
    )
    evs = [e for e in events(build(text, VALDORIA, SURF, published=None)) if e.type == "CONSULT"]
    by_target = {e.target[0]: e for e in evs}
    assert by_target["kesh"].source == ["sabil"]
    assert by_target["kesh"].date_text == "The day after"
    assert by_target["vessin"].date_text == "on Friday"


def test_statement_in_a_quote_accuses_the_actor_it_judges() -> None:
    text = (
        "News\n\nYusuf al-Haddad said: “The continuous crimes of Kesh are the main reason for the "
        "instability.”\n"
    )
    ad = build(
        text,
        VALDORIA,
        SURF,
        quotes=[
            ("The continuous crimes of Kesh are the main reason for the instability.", "haddad", "direct")
        ],
    )
    acc = one(events(ad), "ACCUSE")
    assert (acc.source, acc.target, acc.mode) == (["haddad"], ["kesh"], "criticism in a statement")


def test_habitual_statements_and_headings_give_no_event() -> None:
    text = (
        "Vessin Meets Kesh Envoy In Castellan\n\nValdoria has repeatedly criticised Kesh.\n\n"
        "Kesh Accuses Valdoria\n\nNothing happened.\n"
    )
    assert events(build(text, VALDORIA, SURF)) == []
