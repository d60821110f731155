"""The verb coder's pattern gate (a speed-up that must not change what is coded): a verb is tried
only against the patterns whose nouns its sentence has, and a verb with none of them is ruled out
before its clause is built."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsgraph.events.cameo import build_lexicon
from newsgraph.events.coder import Coder
from newsgraph.events.matching import present_words
from newsgraph.events.tree import ActorIndex
from newsgraph.models import AnalyzedDoc, Document
from newsgraph.text.lexicons import Literals, literal_union

from .events_helpers import pipe

#: a made-up verb whose patterns need an object, a prepositional phrase's noun or a subject noun,
#: one of slots only, and a verb with a code of its own
MINE = """
verbs:
  zorble:
    code: "---"
    patterns:
      - {post: [{head: widget}], code: "042"}
      - {preps: [{prep: with, noun: {head: "&military"}}], code: "043"}
      - {pre: [{head: envoy}], code: "040"}
  florp:
    code: "---"
    patterns:
      - {post: [{head: gadget}], code: "042"}
      - {post: [{head: "+"}], preps: [{prep: to}], code: "043"}
  blorch:
    code: "042"
    patterns:
      - {post: [{head: gizmo}], code: "043"}
"""


@pytest.fixture(scope="module")
def lex(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    path: Path = tmp_path_factory.mktemp("lex") / "mine.yaml"
    path.write_text(MINE, encoding="utf-8")
    return build_lexicon([path])


def test_a_pattern_is_plausible_only_with_one_of_its_nouns_words_present(lex) -> None:  # type: ignore[no-untyped-def]
    codes = {p.code for p in lex.plausible("zorble", {"zorbled", "widgets"})}
    assert codes == {"042"}  # (the plural of the noun counts)
    assert {p.code for p in lex.plausible("zorble", {"zorbled", "troops"})} == {"043"}  # a synonym set's word
    assert {p.code for p in lex.plausible("zorble", {"envoy", "zorble"})} == {"040"}  # the subject's noun
    assert lex.plausible("zorble", {"zorbled", "the", "statement"}) == ()
    # in the order of :meth:`ranked`, the largest pattern first
    ranked = lex.ranked("zorble")
    got = lex.plausible("zorble", {"widget", "troops", "envoy"})
    assert list(got) == [p for p in ranked if p in got] and len(got) == 3


def test_a_pattern_of_slots_only_is_always_plausible(lex) -> None:  # type: ignore[no-untyped-def]
    assert {p.code for p in lex.plausible("florp", {"florped", "chile"})} == {"043"}


def test_the_gate_words_of_a_verb(lex) -> None:  # type: ignore[no-untyped-def]
    gate = lex.triggers("zorble")
    assert gate is not None and {"widget", "widgets", "troops", "envoy"} <= gate
    assert "statement" not in gate
    assert lex.triggers("florp") is None  # a pattern of slots only may match anything
    assert lex.triggers("blorch") is None  # a code of its own: an event without any pattern
    assert lex.triggers("meet") is None  # (the bundled lexicon's own code)


#: made-up news: verbs with and without their patterns' nouns, light verbs, slots, passives
BODY = (
    "Chile released three hostages to Peru on Monday. Peru released a statement criticizing Chile. "
    "President Ana Ruiz held talks with Juan Ortega in Lima. Peru lodged a formal protest with Chile "
    "over the islands. Chile's army took control of the border town, and Peru came under criticism from "
    "Bolivia. The envoy was expelled by Peru. Peru's foreign minister said Chile had used force. "
    "Chile froze the assets of Peruvian officials and called for a ceasefire. Juan Ortega made a "
    "visit to Santiago, where he had a meeting with Ana Ruiz. Peru gave Chile intelligence about the "
    "attack. The two sides found common ground and took steps toward peace."
)


def test_the_gate_never_changes_what_a_verb_codes() -> None:
    """Every word of a text coded with its sentence's words (the gate) and without (every pattern
    tried): the same coding, rule and participants, verb by verb."""
    p, res = pipe()
    ad = AnalyzedDoc(doc=Document(id="t", text=f"A headline\n\n{BODY}\n", published="2020-01-10"))
    for s in p.stages:
        if s.name != "events":
            s.fn(ad, res)
    coder = Coder(res.get("event_lexicon"), ActorIndex.of(ad, []), res.get("kb"))
    coded = gated = 0
    for offset, doc in ad.parses:
        for sent in doc.sents:
            words = present_words(sent)
            for t in sent:
                full, fast = coder.verb(t, offset), coder.verb(t, offset, words)
                assert (full is None) == (fast is None), t.text
                if full is not None and fast is not None:
                    assert (full.coding, full.source, full.target) == (fast.coding, fast.source, fast.target)
                    coded += 1
                elif coder.lex.has_verb(coder.lemma(t)) and coder.lex.triggers(coder.lemma(t)) is not None:
                    gated += 1
    assert coded >= 10 and gated >= 3  # (the text has both kinds)


def test_literals_find_what_the_union_of_the_words_finds() -> None:
    """A few names looked for one by one find what the trie's regular expression finds (whole words,
    the longest at each place, none overlapping), with and without the trie."""
    text = (
        "Ana Ruiz met Ana Ruiz-Soto and the Andes Party; Ruiz, Ana Ruizes and x-Ana Ruiz left. "
        "The Andes Party of Peru (Ana) thanked Ruiz_2 and Ana Ruiz."
    )
    items = ["Ana Ruiz", "Ruiz", "Andes Party", "Andes Party of Peru", "Ana", "Party of"]
    for few in (items, items + [f"Name{i}" for i in range(100)]):
        rx = re.compile(r"(?<![\w-])(?:" + literal_union(few) + r")(?![\w-])")
        for start, end in ((0, len(text)), (4, 60), (13, len(text) - 5)):
            want = [m.span() for m in rx.finditer(text, start, end)]
            assert Literals(few).spans(text, start, end) == want
    spans = Literals(items).spans(text, 0, len(text))
    # ("Ana" of "Ana Ruiz-Soto" and "Ana Ruizes"; no "Ana" after "x-", no "Ruiz" before "_2")
    assert [text[a:b] for a, b in spans] == [
        "Ana Ruiz", "Ana", "Andes Party", "Ruiz", "Ana", "Ruiz", "Andes Party of Peru", "Ana", "Ana Ruiz"
    ]


def test_a_government_body_template_is_tried_only_on_a_name_with_its_word() -> None:
    """Each template form keeps a word of its own that every name it matches holds (a quick test
    before its expression); the matches themselves are unchanged, in any case of the letters."""
    from newsgraph.actors.kb import load_kb

    kb = load_kb()
    for t in kb.templates:
        for (rx, _, clue), form in zip(kb._compiled(t), t.forms, strict=True):
            filled = form.replace("{adj}", "Chilean").replace("{state}", "Chile")
            assert clue and clue in filled.lower() and rx.fullmatch(filled), form
    for name in ("Chilean Foreign Ministry", "the MINISTRY OF FOREIGN AFFAIRS OF PERU", "Peruvian embassy"):
        assert kb.lookup(name) and kb.lookup(name)[0].kind == "government_body", name
    assert not kb.lookup("Ana Ruiz Foundation")
