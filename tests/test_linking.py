"""Cross-document actor linking (v2) on hand-built documents: one canonical actor per real actor."""

from __future__ import annotations

import random
from typing import Any

import pytest

import newsgraph.linking.actors as la
from newsgraph.linking.run import run_link
from newsgraph.models import AnalyzedDoc, Entity, Mention, Span
from newsgraph.store import Store
from newsgraph.store import schema as t

from .conftest import make_doc

EntSpec = tuple[str, str, str, list[str], dict[str, Any]]


def build(text: str, ents: list[EntSpec]) -> AnalyzedDoc:
    """A document whose entities have a mention at every occurrence of each of their surfaces."""
    ad = AnalyzedDoc(doc=make_doc(text))
    ad.body_spans = [Span(0, len(text))]
    taken: set[tuple[int, int]] = set()
    for local, typ, name, surfaces, kw in ents:
        ad.entities.append(Entity(local, typ, name, aliases=list(dict.fromkeys([name, *surfaces])), **kw))
        for s in surfaces:
            i = text.find(s)
            while i >= 0:
                if not any(a < i + len(s) and i < b for a, b in taken):
                    ad.mentions.append(Mention(i, i + len(s), s, local))
                    taken.add((i, i + len(s)))
                i = text.find(s, i + 1)
    return ad


def link(store: Store, docs: list[AnalyzedDoc]) -> dict[tuple[str, str], str]:
    for ad in docs:
        store.write(ad, "test")
    ctx = run_link(store)
    return {(ad.doc.id, e.id): ctx.actor_map()[(ad.doc.id, e.id)] for ad in docs for e in ad.entities}


def actor_of(amap: dict[tuple[str, str], str], ad: AnalyzedDoc, local: str) -> str:
    return amap[(ad.doc.id, local)]


HAMAS = ("e9", "ORG", "Hamas", ["Hamas"], {"kb_id": "org:hamas"})
RUSSIA = ("e8", "STATE", "Russia", ["Russia"], {"kb_id": "state:RUS"})


def test_passes_run_in_order() -> None:
    from newsgraph.linking.actors import link_actors
    from newsgraph.linking.clusters import cluster_events
    from newsgraph.linking.run import PASSES

    assert PASSES == (("actors", link_actors), ("clusters", cluster_events))


def test_kb_entities_link_by_kb_id(store: Store) -> None:
    d1 = build("Russia said no. Hamas agreed.", [RUSSIA, HAMAS])
    d2 = build("Moscow responded on Friday.", [("e1", "STATE", "Russia", ["Moscow"], {"kb_id": "state:RUS"})])
    amap = link(store, [d1, d2])
    assert actor_of(amap, d1, "e8") == actor_of(amap, d2, "e1")
    aliases = {r["alias"] for r in store.rows(t.actor_aliases) if r["actor"] == actor_of(amap, d1, "e8")}
    assert {"Russia", "Moscow"} <= aliases


def test_spelling_variants_are_one_person_with_dated_roles(store: Store) -> None:
    d1 = build(
        "Mousa Abu Marzouk, deputy head, met Russia. Abu Marzouk said Hamas agreed.",
        [
            (
                "e1",
                "PERSON",
                "Mousa Abu Marzouk",
                ["Mousa Abu Marzouk", "Abu Marzouk"],
                {"titles": ["deputy head of Hamas' political bureau"], "affiliation": "e9"},
            ),
            RUSSIA,
            HAMAS,
        ],
    )
    d2 = build(
        "Musa Abu Marzouq spoke to Hamas members.",
        [
            (
                "e1",
                "PERSON",
                "Musa Abu Marzouq",
                ["Musa Abu Marzouq"],
                {"titles": ["member of the political bureau"], "affiliation": "e9"},
            ),
            HAMAS,
        ],
    )
    d3 = build(
        "Moussa Abu Marzouq arrived.", [("e1", "PERSON", "Moussa Abu Marzouq", ["Moussa Abu Marzouq"], {})]
    )
    amap = link(store, [d1, d2, d3])
    a = actor_of(amap, d1, "e1")
    assert a == actor_of(amap, d2, "e1") == actor_of(amap, d3, "e1")
    actor = next(r for r in store.rows(t.actors) if r["id"] == a)
    assert actor["type"] == "PERSON" and actor["affiliation"] == actor_of(amap, d1, "e9")
    roles = {(r["title"], r["doc"]) for r in store.rows(t.roles) if r["actor"] == a}
    assert ("deputy head of Hamas' political bureau", d1.doc.id) in roles
    assert ("member of the political bureau", d2.doc.id) in roles
    ev = {r["doc"]: r["evidence"] for r in store.rows(t.actor_links) if r["actor"] == a}
    assert ev[d2.doc.id]["rule"] in ("name_variant", "same_name") and "score" in ev[d2.doc.id]
    assert ev[d3.doc.id]["matched"][0] == "Moussa Abu Marzouq"


def test_abu_marzouk_never_merges_with_abu_mazen(store: Store) -> None:
    d1 = build(
        "Abu Marzouk said Hamas and Russia agreed.",
        [
            (
                "e1",
                "PERSON",
                "Abu Marzouk",
                ["Abu Marzouk"],
                {"affiliation": "e9", "titles": ["Hamas official"]},
            ),
            RUSSIA,
            HAMAS,
        ],
    )
    d2 = build(
        "Abu Mazen said Hamas and Russia agreed.",
        [
            ("e1", "PERSON", "Abu Mazen", ["Abu Mazen"], {"affiliation": "e9", "titles": ["Hamas official"]}),
            RUSSIA,
            HAMAS,
        ],
    )
    amap = link(store, [d1, d2])
    assert actor_of(amap, d1, "e1") != actor_of(amap, d2, "e1")


def test_people_sharing_a_surname_do_not_merge(store: Store) -> None:
    d1 = build(
        "Yusuf al-Haddad met Hamas.",
        [("e1", "PERSON", "Yusuf al-Haddad", ["Yusuf al-Haddad"], {"affiliation": "e9"}), HAMAS],
    )
    d2 = build(
        "Samir al-Haddad met Hamas.",
        [("e1", "PERSON", "Samir al-Haddad", ["Samir al-Haddad"], {"affiliation": "e9"}), HAMAS],
    )
    amap = link(store, [d1, d2])
    assert actor_of(amap, d1, "e1") != actor_of(amap, d2, "e1")


def test_short_name_needs_context(store: Store) -> None:
    sabil = ("e5", "ORG", "Sabil Movement", ["Sabil Movement"], {})
    d1 = build(
        "Yusuf al-Haddad, known as Abu Karim, leads the Sabil Movement.",
        [
            (
                "e1",
                "PERSON",
                "Yusuf al-Haddad",
                ["Yusuf al-Haddad", "Abu Karim"],
                {"affiliation": "e5", "titles": ["head of the Sabil Movement"]},
            ),
            sabil,
        ],
    )
    d2 = build(
        "Abu Karim, the Sabil Movement leader, spoke.",
        [
            (
                "e1",
                "PERSON",
                "Abu Karim",
                ["Abu Karim"],
                {"affiliation": "e5", "titles": ["movement leader"]},
            ),
            sabil,
        ],
    )
    d3 = build("Abu Karim runs a bakery in Paris.", [("e1", "PERSON", "Abu Karim", ["Abu Karim"], {})])
    d4 = build(
        "Abu Kamal, the Sabil Movement leader, spoke.",
        [("e1", "PERSON", "Abu Kamal", ["Abu Kamal"], {"affiliation": "e5"}), sabil],
    )
    amap = link(store, [d1, d2, d3, d4])
    haddad = actor_of(amap, d1, "e1")
    assert actor_of(amap, d2, "e1") == haddad  # kunya seen with the full name + same affiliation
    assert actor_of(amap, d3, "e1") != haddad  # no shared context: stays apart
    assert actor_of(amap, d4, "e1") != haddad  # a different kunya
    ev = next(
        r["evidence"] for r in store.rows(t.actor_links) if r["doc"] == d2.doc.id and r["entity"] == "e1"
    )
    assert ev["rule"] == "short_name+context" and ev["context"]["affiliation"] == actor_of(amap, d1, "e5")


def test_a_short_name_two_people_fit_stays_apart(store: Store) -> None:
    d1 = build(
        "Yusuf al-Haddad met Hamas in Russia.",
        [("e1", "PERSON", "Yusuf al-Haddad", ["Yusuf al-Haddad"], {"affiliation": "e9"}), HAMAS, RUSSIA],
    )
    d2 = build(
        "Samir al-Haddad met Hamas in Russia.",
        [("e1", "PERSON", "Samir al-Haddad", ["Samir al-Haddad"], {"affiliation": "e9"}), HAMAS, RUSSIA],
    )
    d3 = build(
        "Al-Haddad met Hamas in Russia.",
        [("e1", "PERSON", "Al-Haddad", ["Al-Haddad"], {"affiliation": "e9"}), HAMAS, RUSSIA],
    )
    amap = link(store, [d1, d2, d3])
    assert actor_of(amap, d3, "e1") not in (actor_of(amap, d1, "e1"), actor_of(amap, d2, "e1"))


def test_organisation_aliases_link_across_documents(store: Store) -> None:
    d1 = build(
        "The Qadiri National Council (QNC) met.",
        [("e1", "ORG", "Qadiri National Council", ["Qadiri National Council", "QNC"], {})],
    )
    d2 = build("The QNC refused.", [("e1", "ORG", "QNC", ["QNC"], {})])
    d3 = build(
        "The Qadiri National Council refused.",
        [("e1", "ORG", "Qadiri National Council", ["Qadiri National Council"], {})],
    )
    amap = link(store, [d1, d2, d3])
    assert actor_of(amap, d1, "e1") == actor_of(amap, d2, "e1") == actor_of(amap, d3, "e1")


def test_affiliation_to_an_unmentioned_kb_state(store: Store) -> None:
    d1 = build(
        "Russian Deputy Foreign Minister Mikhail Bogdanov spoke.",
        [
            (
                "e1",
                "PERSON",
                "Mikhail Bogdanov",
                ["Mikhail Bogdanov"],
                {"affiliation": "kb:state:RUS", "titles": ["Russian Deputy Foreign Minister"]},
            )
        ],
    )
    amap = link(store, [d1])
    actors = {r["id"]: r for r in store.rows(t.actors)}
    aff = actors[actor_of(amap, d1, "e1")]["affiliation"]
    assert aff is not None and actors[aff]["kb_id"] == "state:RUS" and actors[aff]["type"] == "STATE"


def test_linking_is_blocked_not_all_pairs(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0
    real = la.compare_names

    def counting(a: str, b: str) -> Any:
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(la, "compare_names", counting)
    rnd = random.Random(7)
    syll = ["ka", "lo", "mi", "ru", "ta", "ne", "so", "vi", "dre", "gul", "phi", "zan", "bor", "tek"]
    docs = []
    for i in range(300):
        first = "".join(rnd.choice(syll) for _ in range(2)).capitalize()
        last = "".join(rnd.choice(syll) for _ in range(3)).capitalize()
        name = f"{first} {last}"
        docs.append(build(f"{name} spoke ({i}).", [("e1", "PERSON", name, [name], {})]))
    link(store, docs)
    assert calls < 6 * len(docs)


def test_a_venue_city_is_not_its_state(store: Store) -> None:
    """ "Berlin said ..." makes Berlin an alias of Germany in one document; "arrived in Berlin" in
    another is the place: two actors (the place, and the state when it acts)."""
    d1 = build("Berlin said no.", [("e1", "STATE", "Germany", ["Berlin"], {"kb_id": "state:DEU"})])
    d2 = build("He arrived in Berlin.", [("e1", "LOCATION", "Berlin", ["Berlin"], {})])
    amap = link(store, [d1, d2])
    assert actor_of(amap, d1, "e1") != actor_of(amap, d2, "e1")
    place = next(r for r in store.rows(t.actors) if r["id"] == actor_of(amap, d2, "e1"))
    assert (place["type"], place["name"]) == ("LOCATION", "Berlin")
