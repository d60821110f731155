"""Event clustering v2 and divergent accounts: pure functions on hand-built records, and the link
pass on a store."""

from __future__ import annotations

from typing import Any

from newsgraph.linking.accounts import divergent_accounts
from newsgraph.linking.clusters import cluster_date, cluster_records
from newsgraph.linking.run import run_link
from newsgraph.models import AnalyzedDoc, Entity, Event, Mention, Quote, Span
from newsgraph.store import Store

from .conftest import analysed_example, make_doc

AMAP = {
    (d, x): x.upper()
    for d in ("d1", "d2", "d3")
    for x in ("sabil", "haddad", "vessin", "dubrovin", "val", "kesh", "lisitsyn", "cast", "kazan")
}
AFF = {"HADDAD": "SABIL", "VESSIN": "VAL", "DUBROVIN": "VAL", "LISITSYN": "VAL"}


def rec(
    eid: str,
    doc: str,
    src: list[str],
    tgt: list[str],
    date: str | None,
    typ: str = "CONSULT",
    mode: str = "meeting",
    **kw: Any,
) -> dict[str, Any]:
    base = {
        "id": eid,
        "doc": doc,
        "type": typ,
        "mode": mode,
        "source": src,
        "target": tgt,
        "date": date,
        "date_precision": {4: "year", 7: "month", 10: "day"}.get(len(date or ""), None),
        "date_fallback": False,
        "date_text": "on Friday" if date else None,
        "negated": False,
        "hypothetical": False,
        "location": None,
        "start": 0,
        "end": 10,
    }
    base.update(kw)
    return base


def test_same_meeting_across_documents_is_one_cluster() -> None:
    recs = [
        rec("e1", "d1", ["sabil", "haddad"], ["vessin"], "2025-03-07"),
        rec("e2", "d2", ["sabil"], ["dubrovin"], "2025-03-07"),  # same side via affiliation
        rec("e3", "d3", ["vessin"], ["haddad"], "2025-03-07"),  # reversed: a meeting has no direction
        rec("e4", "d2", ["sabil"], ["lisitsyn"], "2025-03-08"),  # the next day's meeting
        rec("e5", "d1", ["sabil"], ["val"], "2025-03-06", mode="visit"),
    ]  # the visit is another event
    cl = cluster_records(recs, AMAP, AFF)
    assert cl["e1"] == cl["e2"] == cl["e3"]
    assert len({cl["e1"], cl["e4"], cl["e5"]}) == 3


def test_hosting_a_guest_is_the_meeting_held_with_them_not_the_trip() -> None:
    recs = [
        rec("e1", "d1", ["vessin"], ["sabil"], "2025-03-07", mode="visit", cameo="043"),  # received them
        rec("e2", "d2", ["sabil", "haddad"], ["vessin"], "2025-03-07", cameo="046"),  # their talks
        rec("e3", "d1", ["sabil"], ["val"], "2025-03-07", mode="visit", cameo="042"),  # the trip
    ]
    cl = cluster_records(recs, AMAP, AFF)
    assert cl["e1"] == cl["e2"] != cl["e3"]


def test_dates_flags_and_places_keep_events_apart() -> None:
    recs = [
        rec("a", "d1", ["sabil"], ["kesh"], "2025-03-07", typ="ACCUSE", mode=None),
        rec("b", "d2", ["sabil"], ["kesh"], "2025-03-09", typ="ACCUSE", mode=None),
        rec("c", "d2", ["sabil"], ["kesh"], "2025-03-07", typ="ACCUSE", mode=None, negated=True),
        rec("d", "d1", ["sabil"], ["val"], "2025-03-06", mode="visit", location="cast"),
        rec("e", "d2", ["sabil"], ["val"], "2025-03-06", mode="visit", location="kazan"),
        rec("f", "d3", ["sabil"], ["kesh"], "2025-03", typ="ACCUSE", mode=None),
    ]
    cl = cluster_records(recs, AMAP, AFF)
    assert len({cl["a"], cl["b"], cl["c"]}) == 3
    assert cl["d"] != cl["e"]
    assert cl["f"] in (cl["a"], cl["b"])  # a month contains its days


def test_a_month_joins_one_day_but_does_not_bridge_two() -> None:
    recs = [
        rec("a", "d1", ["sabil"], ["kesh"], "2025-03-07", typ="ACCUSE", mode=None),
        rec("m", "d3", ["sabil"], ["kesh"], "2025-03", typ="ACCUSE", mode=None),
        rec("b", "d2", ["sabil"], ["kesh"], "2025-03-20", typ="ACCUSE", mode=None),
    ]
    for order in (recs, recs[::-1], [recs[1], recs[0], recs[2]]):
        cl = cluster_records(order, AMAP, AFF)
        assert cl["a"] != cl["b"] and cl["m"] in (cl["a"], cl["b"])


def test_undated_reports_join_only_their_own_story() -> None:
    recs = [
        rec("a", "d1", ["sabil"], ["vessin"], None),
        rec("b", "d1", ["haddad"], ["vessin"], "2025-03-07"),
        rec("c", "d2", ["sabil"], ["vessin"], None),
    ]
    cl = cluster_records(recs, AMAP, AFF)
    assert cl["a"] == cl["b"] and cl["c"] != cl["a"]
    assert cluster_records(recs, AMAP, AFF, story={"d2": "d1"})["c"] == cl["a"]  # a near-duplicate article


def test_a_documents_month_ties_no_two_stories_together() -> None:
    vague: dict[str, Any] = {"typ": "ACCUSE", "mode": None, "date_fallback": True, "date_text": None}
    recs = [  # two roundups of the month, each telling of an accusation without a date of its own
        rec("a", "d1", ["sabil"], ["kesh"], "2025-03", **vague),
        rec("b", "d2", ["sabil"], ["kesh"], "2025-03", **vague),
        rec("c", "d1", ["sabil"], ["kesh"], "2025-03-07", typ="ACCUSE", mode=None),
    ]
    cl = cluster_records(recs, AMAP, AFF)
    assert cl["a"] == cl["c"] != cl["b"]  # within its own story a report still joins
    stated = [rec("x", "d1", ["sabil"], ["kesh"], "2025-03", typ="ACCUSE", mode=None), recs[1]]
    assert len(set(cluster_records(stated, AMAP, AFF).values())) == 2


def test_a_month_inherited_from_the_context_ties_no_two_stories_together() -> None:
    inherited: dict[str, Any] = {"typ": "ACCUSE", "mode": None, "date_text": None}
    recs = [  # two roundups, each telling of a criticism in a month the story was about, not stated
        rec("a", "d1", ["sabil"], ["kesh"], "2025-03", **inherited),
        rec("b", "d2", ["sabil"], ["kesh"], "2025-03", **inherited),
        rec("c", "d1", ["sabil"], ["kesh"], "2025-03-07", typ="ACCUSE", mode=None),
    ]
    cl = cluster_records(recs, AMAP, AFF)
    assert cl["a"] == cl["c"] != cl["b"]


def test_a_month_is_no_neighbour_of_the_next() -> None:
    """A day's tolerance (a fallback date a day off, an inherited one two) is no month's: a roundup's
    report of September and one of October are two events, though September 30 is a day from October."""
    inherited: dict[str, Any] = {"typ": "ACCUSE", "mode": None, "date_text": None}
    recs = [
        rec("sep", "d1", ["sabil"], ["kesh"], "2025-09", **inherited),
        rec("oct", "d1", ["sabil"], ["kesh"], "2025-10", **inherited, date_fallback=True),
    ]
    assert len(set(cluster_records(recs, AMAP, AFF).values())) == 2
    days = [
        rec("last", "d1", ["sabil"], ["kesh"], "2025-09-30", typ="ACCUSE", mode=None),
        rec("first", "d1", ["sabil"], ["kesh"], "2025-10-01", **inherited),
    ]
    assert len(set(cluster_records(days, AMAP, AFF).values())) == 1  # two days: a day's tolerance


def test_inherited_dates_are_approximate_fallbacks_less() -> None:
    recs = [
        rec("a", "d1", ["sabil"], ["vessin"], "2025-03-07"),
        rec("b", "d2", ["sabil"], ["vessin"], "2025-03-09", date_text=None),
        rec("c", "d3", ["sabil"], ["vessin"], "2025-03-09", date_fallback=True),
    ]
    cl = cluster_records(recs, AMAP, AFF)
    assert cl["a"] == cl["b"] != cl["c"]
    assert cluster_date(recs) == "2025-03-07"


def test_divergent_accounts_side_by_side() -> None:
    members = [rec("a", "d1", ["sabil", "haddad"], ["vessin"], "2025-03-07", start=0, end=50)]
    quotes = [
        {
            "id": "q1",
            "doc": "d1",
            "start": 60,
            "end": 120,
            "speaker": "vessin",
            "text": "The talks covered trade corridors, reconstruction and economic ties.",
        },
        {
            "id": "q2",
            "doc": "d1",
            "start": 130,
            "end": 190,
            "speaker": "haddad",
            "text": "We demanded a ceasefire and a prisoner exchange; the bombing must stop.",
        },
        {"id": "q3", "doc": "d1", "start": 200, "end": 260, "speaker": "kesh", "text": "Terrorists."},
    ]
    div, acc = divergent_accounts(members, quotes, AMAP, AFF, {"a": 300}, {"d1": "x" * 300})
    assert div
    assert {(a["quote"], a["speaker"], a["side"]) for a in acc} == {
        ("q1", "VESSIN", "target"),
        ("q2", "HADDAD", "source"),
    }
    same = [dict(q, text="The talks covered trade corridors and economic ties.") for q in quotes[:2]]
    assert divergent_accounts(members, same, AMAP, AFF, {"a": 300}, {"d1": "x" * 300})[0] is False
    fragment = [quotes[0], dict(quotes[1], text="On the issue of guns")]  # a fragment is no account
    div, acc = divergent_accounts(members, fragment, AMAP, AFF, {"a": 300}, {"d1": "x" * 300})
    assert not div and [a["quote"] for a in acc] == ["q1"]


def test_a_warm_and_a_plain_account_of_an_endorsement_agree() -> None:
    members = [rec("a", "d1", ["haddad"], ["vessin"], "2025-03-07", typ="SUPPORT", start=0, end=50)]
    warm = "We are proud and grateful to have such a wonderful, wise and generous friend."
    plain = "The working groups will meet in the capital next month to draft the programme."
    quotes = [
        {"id": "q1", "doc": "d1", "start": 60, "end": 120, "speaker": "haddad", "text": plain},
        {"id": "q2", "doc": "d1", "start": 130, "end": 190, "speaker": "vessin", "text": warm},
    ]
    args = (AMAP, AFF, {"a": 300}, {"d1": "x" * 300})
    assert divergent_accounts(members, quotes, *args)[0] is False
    accused = [dict(members[0], type="ACCUSE")]  # of an accusation, warm against plain differs
    assert divergent_accounts(accused, quotes, *args)[0] is True
    shame = "This endorsement is a disgrace, a cynical and shameful betrayal of every voter and volunteer."
    against = [quotes[0], dict(quotes[1], text=shame)]
    assert divergent_accounts(members, against, *args)[0] is True


def test_no_one_speaks_for_a_side_whose_state_both_sides_share() -> None:
    """Vessin vs Dubrovin (both Valdorian): another Valdorian (Lisitsyn) is on neither side; nor is a
    news outlet reporting, whatever its affiliation."""
    members = [rec("a", "d1", ["vessin"], ["dubrovin"], "2025-03-07", typ="ACCUSE", start=0, end=50)]
    said = "The minister has failed the country and betrayed every promise he made to the voters."
    quotes = [
        {"id": "q1", "doc": "d1", "start": 60, "end": 120, "speaker": "lisitsyn", "text": said},
        {"id": "q2", "doc": "d1", "start": 130, "end": 190, "speaker": "dubrovin", "text": said},
        {"id": "q3", "doc": "d1", "start": 200, "end": 260, "speaker": "cast", "text": said},
    ]
    aff, media, texts = dict(AFF, CAST="VAL"), frozenset({"CAST"}), {"d1": "x" * 300}
    _, acc = divergent_accounts(members, quotes, AMAP, aff, {"a": 300}, texts, media)
    assert [a["speaker"] for a in acc] == ["DUBROVIN"]
    # against another state, a Valdorian speaks for Valdoria's side; the outlet still does not
    members = [rec("a", "d1", ["vessin"], ["kesh"], "2025-03-07", typ="ACCUSE", start=0, end=50)]
    _, acc = divergent_accounts(members, quotes, AMAP, aff, {"a": 300}, texts, media)
    assert [(a["speaker"], a["side"]) for a in acc] == [("LISITSYN", "source"), ("DUBROVIN", "source")]


def _report(text: str, meeting: str, accounts: list[tuple[str, str]], published: str) -> AnalyzedDoc:
    ad = AnalyzedDoc(doc=make_doc(text, published=published))
    ad.body_spans = [Span(0, len(text))]
    ad.entities = [
        Entity("e1", "PERSON", "Anatoly Vessin", affiliation="e3"),
        Entity("e2", "ORG", "Sabil Movement"),
        Entity("e3", "STATE", "Valdoria", kb_id="state:VAL"),
    ]
    for surf, eid in (("Anatoly Vessin", "e1"), ("Sabil Movement", "e2"), ("Valdoria", "e3")):
        i = text.find(surf)
        if i >= 0:
            ad.mentions.append(Mention(i, i + len(surf), surf, eid))
    s = text.index(meeting)
    ad.events = [
        Event(
            f"{ad.doc.id}:ev1",
            "CONSULT",
            s,
            s + len(meeting),
            meeting,
            source=["e2"],
            target=["e1"],
            mode="meeting",
            cameo="04",
            date="2025-03-07",
            date_precision="day",
            date_text="on Friday",
        )
    ]
    for k, (q, spk) in enumerate(accounts):
        i = text.index(q)
        ad.quotes.append(Quote(f"{ad.doc.id}:q{k}", "direct", i, i + len(q), q, speaker=spk))
    return ad


def test_link_pass_stores_clusters_and_accounts(store: Store) -> None:
    a = _report(
        "Talks\n\nAnatoly Vessin met the Sabil Movement on Friday. Valdoria said: “We discussed trade "
        "corridors, roads, markets and reconstruction.”",
        "Anatoly Vessin met the Sabil Movement on Friday.",
        [("We discussed trade corridors, roads, markets and reconstruction.", "e3")],
        "2025-03-07",
    )
    b = _report(
        "Ceasefire\n\nThe Sabil Movement met Anatoly Vessin on Friday. The Sabil Movement said: “We "
        "pressed for an immediate ceasefire, a prisoner exchange and withdrawal.”",
        "The Sabil Movement met Anatoly Vessin on Friday.",
        [("We pressed for an immediate ceasefire, a prisoner exchange and withdrawal.", "e2")],
        "2025-03-08",
    )
    c = analysed_example()
    for ad in (a, b, c):
        store.write(ad, "test")
    ctx = run_link(store)
    sizes = sorted(cl["n_events"] for cl in ctx.clusters)
    assert sizes == [1, 2]
    big = next(cl for cl in ctx.clusters if cl["n_events"] == 2)
    assert big["divergent"] and big["date"] == "2025-03-07" and big["n_documents"] == 2
    assert {r["cluster"] for r in ctx.accounts} == {big["id"]} and len(ctx.accounts) == 2


def test_accounts_of_an_accusation_are_compared_too_and_only_near_the_report(store: Store) -> None:
    text = (
        "Dispute\n\nValdoria accused the Sabil Movement of shelling the border on Friday. "
        "Valdoria said: “Their fighters fired rockets at our villages and killed farmers.” "
        "The Sabil Movement said: “We never crossed the line; the army staged the incident.”"
    )
    ad = _report(text, "Valdoria accused the Sabil Movement of shelling the border on Friday.",
                 [("Their fighters fired rockets at our villages and killed farmers.", "e3"),
                  ("We never crossed the line; the army staged the incident.", "e2")], "2025-03-08")
    ev = ad.events[0]
    ad.events = [Event(ev.id, "ACCUSE", ev.start, ev.end, ev.text, source=["e3"], target=["e2"],
                       cameo="112", date="2025-03-07", date_precision="day", date_text="on Friday")]
    store.write(ad, "test")
    ctx = run_link(store)
    (cl,) = ctx.clusters
    assert cl["type"] == "ACCUSE" and cl["divergent"]
    assert {r["speaker"] for r in ctx.accounts} == {ctx.actor_map()[(ad.doc.id, "e2")],
                                                   ctx.actor_map()[(ad.doc.id, "e3")]}


def test_accounts_end_a_few_paragraphs_after_the_report() -> None:
    from newsgraph.linking.accounts import ACCOUNT_WINDOW, scope_ends

    evs = [{"id": "a", "doc": "d", "type": "ACCUSE", "start": 10, "end": 60}]
    ends = scope_ends({"d": "x" * 10_000}, evs, {"a": "c1"})
    assert ends["a"] == 60 + ACCOUNT_WINDOW


def test_accounts_of_a_report_end_at_the_next_story_of_a_roundup() -> None:
    """The next report between other parties ends a report's accounts; one between the same
    parties (the reply) does not; a meeting of anyone does."""
    from newsgraph.linking.accounts import scope_ends

    def ev(i: str, start: int, typ: str, src: str, tgt: str) -> dict[str, object]:
        return {"id": i, "doc": "d", "start": start, "end": start + 50, "type": typ, "source": [src],
                "target": [tgt]}

    evs = [
        ev("a", 0, "ACCUSE", "biden", "trump"),
        ev("b", 200, "ACCUSE", "trump", "biden"),  # the reply: same parties
        ev("c", 400, "SUPPORT", "sanders", "warren"),  # the roundup's next story
    ]
    ends = scope_ends({"d": "x" * 5000}, evs, {"a": "1", "b": "2", "c": "3"})
    assert ends["a"] == 400 and ends["b"] == 400 and ends["c"] == 450 + 1500
    evs.append(ev("m", 300, "CONSULT", "biden", "trump"))  # a meeting of the same parties
    assert scope_ends({"d": "x" * 5000}, evs, {"a": "1", "b": "2", "c": "3", "m": "4"})["a"] == 300


def test_acts_of_two_people_who_share_a_state_are_two_events() -> None:
    recs = [
        rec("e1", "d1", ["vessin"], ["sabil"], "2025-03-07", typ="ACCUSE", mode=None),
        rec("e2", "d2", ["dubrovin"], ["sabil"], "2025-03-07", typ="ACCUSE", mode=None),  # another Valdorian
    ]
    cl = cluster_records(recs, AMAP, AFF)
    assert cl["e1"] != cl["e2"]
    state = rec("e3", "d3", ["val"], ["sabil"], "2025-03-07", typ="ACCUSE", mode=None)  # Vessin's state
    cl = cluster_records([recs[0], state], AMAP, AFF)
    assert cl["e1"] == cl["e3"]


def _accused(store: Store, reply: str, typ: str = "ACCUSE") -> dict[str, object]:
    """The one cluster of a report of Valdoria's act on the Sabil Movement, with Valdoria's account and
    the Movement's ``reply``."""
    text = (
        "Dispute\n\nValdoria accused the Sabil Movement of shelling the border on Friday. "
        f"Valdoria said: “Their fighters fired rockets at our villages and killed farmers.” "
        f"The Sabil Movement said: “{reply}”"
    )
    ad = _report(text, "Valdoria accused the Sabil Movement of shelling the border on Friday.",
                 [("Their fighters fired rockets at our villages and killed farmers.", "e3"), (reply, "e2")],
                 "2025-03-08")
    ev = ad.events[0]
    ad.events = [Event(ev.id, typ, ev.start, ev.end, ev.text, source=["e3"], target=["e2"],
                       cameo="112", date="2025-03-07", date_precision="day", date_text="on Friday")]
    store.write(ad, "test")
    (cl,) = run_link(store).clusters
    return cl


def test_two_sides_quoted_side_by_side_are_no_divergent_accounts_unless_one_answers(store: Store) -> None:
    """The target side's quotes must answer the source side: a denial of its own, or a contesting act
    of its own in the reports (tested with the real pipeline in test_session37); without one, two
    stories are told side by side (a sale's two firms, a killer and his victim)."""
    cl = _accused(store, "Our delegation opened a school and a clinic in the northern district.")
    assert not cl["divergent"]


def test_a_denial_by_the_target_side_answers(store: Store) -> None:
    cl = _accused(store, "These reports are baseless; the army staged the incident itself.")
    assert cl["divergent"]


def test_an_act_of_the_target_side_on_the_source_side_answers() -> None:
    from newsgraph.linking.accounts import contested

    members = [rec("a", "d1", ["val"], ["sabil"], "2025-03-07", typ="ACCUSE", start=0, end=50)]
    quotes = [
        {"id": "q1", "doc": "d1", "start": 60, "end": 120, "speaker": "val",
         "text": "Their fighters fired rockets at our villages and killed farmers."},
        {"id": "q2", "doc": "d1", "start": 130, "end": 190, "speaker": "sabil",
         "text": "Our delegation opened a school and a clinic in the northern district."},
    ]
    texts, scope = {"d1": "x" * 300}, {"a": 300}
    reply = rec("b", "d1", ["sabil"], ["val"], "2025-03-07", typ="ACCUSE", start=200, end=250)
    answered = contested([*members, reply], AMAP)
    assert divergent_accounts(members, quotes, AMAP, AFF, scope, texts, answers=answered)[0]
    unanswered = contested(members, AMAP)
    assert not divergent_accounts(members, quotes, AMAP, AFF, scope, texts, answers=unanswered)[0]
    hypothetical = contested([*members, dict(reply, hypothetical=True)], AMAP)  # ("may accuse"): none
    assert not divergent_accounts(members, quotes, AMAP, AFF, scope, texts, answers=hypothetical)[0]


def test_a_different_way_is_no_cue_but_a_different_account_is() -> None:
    from newsgraph.linking.accounts import _DIFFER

    assert not _DIFFER.search("It is fun working with a partner who approaches it in a different way.")
    assert _DIFFER.search("Bolton gave a different account of events.")
