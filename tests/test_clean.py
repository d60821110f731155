"""Tests for ``newsgraph.ingest.clean``: each boilerplate kind on hand-built articles, offsets, gold."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.ingest.clean import KINDS, body_spans, clean, find_boilerplate
from newsgraph.models import ExcludedSpan, Span

SHARED = Path(__file__).parents[2] / "shared"

P1 = ("The foreign ministers of Norway and Chile met in Oslo on Tuesday to discuss the stalled talks on "
      "a ceasefire, the Norwegian foreign ministry said in a statement after the meeting.")
P2 = ("“We agreed that dialogue remains the only way forward,” the Norwegian minister told reporters, "
      "adding that both governments would send envoys to the region next month.")
P3 = ("Chile’s foreign minister said his country was ready to host a follow-up round of talks in Santiago "
      "if the parties agreed, and called on all sides to release detained civilians.")
P4 = ("The two ministers also discussed trade, fisheries and the upcoming climate conference, at which "
      "both countries intend to present a joint proposal on ocean protection.")


def _article(*parts: str) -> str:
    return "\n\n".join(parts) + "\n"


def _excluded_texts(text: str, title: str | None = None) -> dict[str, str]:
    return {text[e.start:e.end]: e.kind for e in find_boilerplate(text, title)}


def _body_text(text: str) -> str:
    return "\n".join(text[s.start:s.end] for s in clean(text)[0])


def _check_invariants(text: str) -> None:
    body, ex = clean(text)
    prev = 0
    for e in ex:
        assert isinstance(e, ExcludedSpan) and e.kind in KINDS
        assert 0 <= prev <= e.start < e.end <= len(text)
        assert text[e.start:e.end] == text[e.start:e.end].strip()
        prev = e.end
    for b in body:
        assert isinstance(b, Span) and 0 <= b.start < b.end <= len(text)
        assert text[b.start:b.end] == text[b.start:b.end].strip()
        assert not any(b.overlaps((e.start, e.end)) for e in ex)
    # every non-space character is in exactly one of body / excluded
    covered = [False] * len(text)
    for a, z in [(b.start, b.end) for b in body] + [(e.start, e.end) for e in ex]:
        for i in range(a, z):
            assert not covered[i]
            covered[i] = True
    assert all(covered[i] for i, ch in enumerate(text) if not ch.isspace())


# ------------------------------------------------------------------ each kind
def test_caption_byline_source_donation_comments():
    text = _article(
        "Norway and Chile Agree to Push for New Ceasefire Talks",
        "Foreign ministers shake hands before their meeting in Oslo. (Photo: Foreign Ministry)",
        "By Jane Doe and Ola Nordmann",
        P1, P2, P3,
        "(AFP, NTB)",
        "Support our work: make a donation today and help us keep our journalism free.",
        "3 Comments",
        "  1. What a waste of time, nothing will come of this.",
        "  2. Finally some good news.",
        "Comments are closed.",
    )
    ex = _excluded_texts(text)
    caption = "Foreign ministers shake hands before their meeting in Oslo. (Photo: Foreign Ministry)"
    assert ex[caption] == "caption"
    assert ex["By Jane Doe and Ola Nordmann"] == "byline"
    assert ex["(AFP, NTB)"] == "source_line"
    assert ex["Support our work: make a donation today and help us keep our journalism free."] == "donation"
    assert ex["3 Comments"] == "comment_count"
    assert "Finally some good news." in next(t for t, k in ex.items() if k == "comments")
    assert ex["Comments are closed."] == "comments_closed"
    body = _body_text(text)
    for p in (P1, P2, P3, "Norway and Chile Agree to Push for New Ceasefire Talks"):
        assert p in body
    _check_invariants(text)


def test_positional_caption_and_bracket_credit():
    text = _article(
        "Ministers Meet in Oslo",
        P1,
        "Norwegian Foreign Minister (left) and his Chilean counterpart (right) in Oslo (social media)",
        P2,
        "Delegates arrive for the talks in Oslo on Tuesday [Lise Aserud/NTB/AFP]",
        P3,
    )
    kinds = set(_excluded_texts(text).values())
    assert kinds == {"caption"}
    assert len(find_boilerplate(text)) == 2
    _check_invariants(text)


def test_share_bar_related_block_and_wordpress_comments():
    text = _article(
        "Ministers Meet in Oslo",
        "Posted by Jane Doe",
        P1, P2, P3, P4,
        "Share this:",
        "Facebook Twitter WhatsApp Email",
        "Like this:",
        "Related",
        "Chile Hosts Regional Summit on Migration",
        "March 3, 2024",
        "3 thoughts on “Ministers Meet in Oslo”",
        "John says:\nMarch 3, 2024 at 5:01 pm\nThis meeting was long overdue and I hope it leads somewhere.",
        "Reply",
        "Maria says:\nMarch 4, 2024 at 9:12 am\nNot everyone agrees with this approach, to be honest.",
        "Leave a Reply Cancel reply",
    )
    ex = _excluded_texts(text)
    assert ex["Share this:"] == "share_bar"
    assert ex["Facebook Twitter WhatsApp Email"] == "share_bar"
    assert ex["Chile Hosts Regional Summit on Migration"] == "related_headline"
    body = _body_text(text)
    assert "long overdue" not in body and "to be honest" not in body
    assert all(p in body for p in (P1, P2, P3, P4))
    _check_invariants(text)


def test_interleaved_related_headlines_vs_section_headings():
    text = _article(
        "Chile Offers to Host Ceasefire Talks – Foreign Minister",
        P1,
        P2,
        "‘Deep Concern’ – UN Envoy Warns of Famine in Northern Region",
        "He said the envoys would report back to both capitals before the end of the year.",
        "Fisheries Agreement",
        "On fisheries, the ministers agreed to renew the agreement that expires next year, officials said.",
        "The agreement covers quotas for cod and mackerel in the North Atlantic and the Pacific.",
        "Is the Pacific Alliance Falling Apart? – Analysis (Video)",
        P3,
        "Climate Conference",
        "Both ministers will attend the climate conference in Brazil, where ocean protection is discussed.",
        P4,
    )
    ex = _excluded_texts(text)
    assert ex == {
        "‘Deep Concern’ – UN Envoy Warns of Famine in Northern Region": "related_headline",
        "Is the Pacific Alliance Falling Apart? – Analysis (Video)": "related_headline",
    }
    body = _body_text(text)
    assert "Fisheries Agreement" in body and "Climate Conference" in body
    _check_invariants(text)


def test_read_prefix_and_tail_after_end_marker():
    text = _article(
        "Ministers Meet in Oslo",
        P1,
        "READ: Chile and Norway sign trade deal",
        P2, P3,
        "Source: Reuters",
        "Five Things to Know About the Oslo Talks",
        "The Long Road to a Ceasefire",
    )
    ex = _excluded_texts(text)
    assert ex["READ: Chile and Norway sign trade deal"] == "related_headline"
    assert ex["Source: Reuters"] == "source_line"
    assert ex["Five Things to Know About the Oslo Talks"] == "related_headline"
    assert ex["The Long Road to a Ceasefire"] == "related_headline"
    _check_invariants(text)


def test_trailing_source_tag_inside_last_paragraph():
    text = _article("Ministers Meet in Oslo", P1, P2 + " (AFP, Reuters)")
    ex = find_boilerplate(text)
    assert [(text[e.start:e.end], e.kind) for e in ex] == [("(AFP, Reuters)", "source_line")]
    assert P2 in _body_text(text)
    _check_invariants(text)


def test_comment_count_in_header_does_not_swallow_article():
    text = _article("Ministers Meet in Oslo", "By Jane Doe | 12 comments", "12 Comments", P1, P2, P3)
    body = _body_text(text)
    assert all(p in body for p in (P1, P2, P3))
    assert _excluded_texts(text)["12 Comments"] == "comment_count"


def test_no_blank_lines_layout_keeps_headings():
    text = "\n".join([
        "Ministers Discuss Ceasefire in Oslo",
        P1, P2,
        "Chile’s Offer: Santiago Ready To Host “Follow-Up” Talks",
        P3,
        "Trade And Fisheries",
        P4,
    ])
    assert find_boilerplate(text) == []
    _check_invariants(text)


def test_reply_counters_page_chrome_and_promos():
    text = _article(
        "Ministers Meet in Oslo",
        "Advertisement",
        P1, P2, P3,
        "Tags: Norway, Chile, diplomacy",
        "Follow us on Telegram for the latest updates",
        "Comments",
        "Erik says:\nI doubt anything will change.",
        "Reply",
        "© 2024 Example News. All rights reserved.",
    )
    ex = _excluded_texts(text)
    assert ex["Advertisement"] == "other"
    assert ex["Tags: Norway, Chile, diplomacy"] == "other"
    assert ex["Follow us on Telegram for the latest updates"] in ("share_bar", "donation")
    assert any(t.startswith("Comments\n") and k == "comments" for t, k in ex.items())
    assert ex["Reply"] == "reply_counter"
    assert ex["© 2024 Example News. All rights reserved."] == "other"
    assert "I doubt anything will change." not in _body_text(text)
    _check_invariants(text)


def test_look_alikes_stay_in_body():
    lines = [
        "Sources close to the delegation said that Hamas would accept the offer within days.",
        "Renew Europe (centre) and the Greens called the vote a disgrace. They will appeal.",
        "By contrast, the Chilean side was more cautious about the timetable for the talks.",
        "Comments by the minister were welcomed in Santiago, where officials said they were encouraging.",
    ]
    text = _article("Ministers Meet in Oslo", P1, *lines, P2)
    assert find_boilerplate(text) == []


def test_interview_questions_are_kept():
    text = _article(
        "Q&A: What Chile Wants From the Oslo Talks",
        "Why did Chile agree to host the next round?",
        "We believe that a neutral venue helps both parties, and Santiago has hosted such talks before.",
        "What happens if the talks fail again?",
        "Then we will keep trying, because there is no alternative to dialogue for the people affected.",
    )
    assert find_boilerplate(text) == []


def test_bracket_credit_caption():
    text = _article(
        "Ministers Meet in Oslo",
        "The two ministers at a news conference in Oslo on Tuesday [Lise Aserud/NTB via AP]",
        P1, P2,
    )
    assert list(_excluded_texts(text).values()) == ["caption"]


def test_article_without_boilerplate_loses_nothing():
    text = _article("Ministers Meet in Oslo", P1, P2, P3, P4)
    body, ex = clean(text)
    assert ex == []
    assert [text[s.start:s.end] for s in body] == ["Ministers Meet in Oslo", P1, P2, P3, P4]


def test_title_line_is_protected_unless_another_title_is_given():
    text = _article("By the Sea: Norway and Chile Talk Fisheries", P1, P2)
    assert find_boilerplate(text) == []
    assert find_boilerplate(text, title="By the Sea: Norway and Chile Talk Fisheries") == []
    text2 = _article("By Jane Doe", P1, P2)
    assert _excluded_texts(text2, title="Ministers Meet in Oslo") == {"By Jane Doe": "byline"}


_PIECES = [
    P1, P2, P3, "Fisheries Agreement", "‘Deep Concern’ – UN Envoy Warns of Famine", "By Jane Doe", "(AFP)",
    "3 Comments", "Comments are closed.", "Share this:", "Facebook Twitter", "Reply", "Related",
    "A photo of the talks (Photo: Reuters)", "Please donate to support our work.", "Tags: a, b", "  ", "x",
    "Is It Over? – Analysis (Video)", "“Quoted,” he said.", "(PC, RT)", P4 + " (AFP, AP)",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(["\n", "\n\n", "\n \n", " \n\n\n"])),
                max_size=25))
def test_invariants_on_random_layouts(parts):
    text = "".join(p + sep for p, sep in parts)
    _check_invariants(text)


def test_given_title_line_is_protected_anywhere():
    title = "‘Deep Concern’ – UN Envoy Warns of Famine"
    text = _article("By Jane Doe", title, P1, P2)
    assert _excluded_texts(text, title=title) == {"By Jane Doe": "byline"}


def test_empty_and_blank_text():
    assert clean("") == ([], [])
    assert clean("  \n\n \n") == ([], [])
    assert body_spans("abc", []) == [Span(0, 3)]


def test_body_spans_cuts_partial_paragraphs():
    text = "First line of a paragraph.\nBy Jane Doe\nLast line here.\n\nNext."
    a = text.index("By Jane")
    spans = body_spans(text, [ExcludedSpan(a, a + len("By Jane Doe"), "byline")])
    assert [text[s.start:s.end] for s in spans] == ["First line of a paragraph.", "Last line here.", "Next."]
    # an excluded span running over several paragraphs
    spans = body_spans(text, [ExcludedSpan(5, len(text) - 2, "other")])
    assert [text[s.start:s.end] for s in spans] == ["First", "t."]


def test_linear_time_on_long_text():
    import time

    text = _article(*([P1, "Fisheries Agreement", P2, "‘Deep Concern’ – UN Envoy Warns of Famine", P3] * 400))
    t0 = time.perf_counter()
    body, ex = clean(text)
    assert time.perf_counter() - t0 < 2.0
    assert len(ex) == 400


# ------------------------------------------------------------------ gold
def _load_scorer_body():
    path = SHARED / "tools" / "score.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("_ng_ref_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_gold_body_scores():
    gold_dir = SHARED / "gold"
    corpus = SHARED / "corpus" / "seeds"
    if not gold_dir.is_dir() or not corpus.is_dir():
        pytest.skip(f"no gold annotations at {gold_dir}")
    spec = importlib.util.spec_from_file_location(
        "_ng_score_clean", Path(__file__).parents[1] / "scripts" / "score_clean.py")
    sc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sc)
    res = sc.score(gold_dir, corpus)
    assert res["files"], "no gold file matched a corpus document"
    assert res["exclude_recall"] >= 0.9, res
    assert res["keep"] >= 0.97, res
    # the reference scorer agrees with our re-implementation
    ref = _load_scorer_body()
    if ref is not None:
        docs = []
        for name in res["files"]:
            text = (corpus / name).read_text(encoding="utf-8")
            docs.append({"id": name, "file_name": name,
                         "body_spans": [[s.start, s.end] for s in clean(text)[0]]})
        scorer = ref.Scorer({"documents": docs}, gold_dir, corpus, None)
        got = scorer.body()
        assert got["body.exclude_recall"] == pytest.approx(res["exclude_recall"])
        assert got["body.keep"] == pytest.approx(res["keep"])


def test_seed_invariants():
    corpus = SHARED / "corpus" / "seeds"
    if not corpus.is_dir():
        pytest.skip(f"no seed corpus at {corpus}")
    for p in sorted(corpus.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        _check_invariants(text)
        assert re.sub(r"\s", "", text)  # sanity: files are not empty
