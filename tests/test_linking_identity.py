"""Link-pass identity rules of issue 16: jurisdictions of generic institutions, people of one document."""

from __future__ import annotations

from newsgraph.store import Store
from newsgraph.store import schema as t

from .test_linking import HAMAS, RUSSIA, actor_of, build, link

USA = ("e7", "STATE", "United States", ["United States"], {"kb_id": "state:USA"})


def test_generic_institutions_keep_their_jurisdiction(store: Store) -> None:
    d1 = build(
        "The United States said the Supreme Court ruled.",
        [USA, ("e1", "ORG", "Supreme Court", ["Supreme Court"], {"affiliation": "e7"})],
    )
    d2 = build(
        "In the United States the Supreme Court ruled again.",
        [USA, ("e1", "ORG", "Supreme Court", ["Supreme Court"], {"affiliation": "e7"})],
    )
    d3 = build(
        "Russia said the Supreme Court ruled.",
        [RUSSIA, ("e1", "ORG", "Supreme Court", ["Supreme Court"], {"affiliation": "e8"})],
    )
    d4 = build("The Supreme Court ruled.", [("e1", "ORG", "Supreme Court", ["Supreme Court"], {})])
    amap = link(store, [d1, d2, d3, d4])
    us_court = actor_of(amap, d1, "e1")
    assert actor_of(amap, d2, "e1") == us_court
    assert actor_of(amap, d3, "e1") != us_court  # Russia's court
    assert actor_of(amap, d4, "e1") not in (us_court, actor_of(amap, d3, "e1"))  # no jurisdiction


def test_a_named_institution_takes_the_generic_name_of_its_jurisdiction(store: Store) -> None:
    d1 = build(
        "The United States Supreme Court ruled; the Supreme Court said more.",
        [USA, ("e1", "ORG", "United States Supreme Court", ["United States Supreme Court", "Supreme Court"],
               {"affiliation": "e7"})],
    )
    d2 = build(
        "The United States said the Supreme Court ruled.",
        [USA, ("e1", "ORG", "Supreme Court", ["Supreme Court"], {"affiliation": "e7"})],
    )
    d3 = build(
        "Wisconsin's Supreme Court ruled.",
        [("e2", "LOCATION", "Wisconsin", ["Wisconsin"], {"kb_id": "place:5279468"}),
         ("e1", "ORG", "Supreme Court", ["Supreme Court"], {"affiliation": "e2"})],
    )
    amap = link(store, [d1, d2, d3])
    assert actor_of(amap, d1, "e1") == actor_of(amap, d2, "e1")
    assert actor_of(amap, d3, "e1") != actor_of(amap, d1, "e1")


def test_two_people_of_one_document_stay_two(store: Store) -> None:
    d1 = build(
        "Professor Wong said the coating works. Wang described the hairs.",
        [("e1", "PERSON", "Wong", ["Wong"], {}), ("e2", "PERSON", "Wang", ["Wang"], {})],
    )
    amap = link(store, [d1])
    assert actor_of(amap, d1, "e1") != actor_of(amap, d1, "e2")


def test_a_first_name_however_spelled_is_no_alias_and_joins_no_other_document(store: Store) -> None:
    d1 = build(
        "Kasimir Dolan met Russia and Hamas. Later Kazimir said the talks went well.",
        [RUSSIA, HAMAS,
         ("e1", "PERSON", "Kasimir Dolan", ["Kasimir Dolan", "Kazimir"], {"affiliation": "e9"})],
    )
    d2 = build(
        "Russia and Hamas met again. His son Kazimir said the talks failed.",
        [RUSSIA, HAMAS, ("e1", "PERSON", "Kazimir", ["Kazimir"], {"affiliation": "e9"})],
    )
    amap = link(store, [d1, d2])
    dolan = actor_of(amap, d1, "e1")
    assert actor_of(amap, d2, "e1") != dolan  # anyone may be called Kazimir
    aliases = {r["alias"] for r in store.rows(t.actor_aliases) if r["actor"] == dolan}
    assert aliases == {"Kasimir Dolan"}
