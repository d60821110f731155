"""Session 39: names found through an index of their first words, as the trie's expression finds them."""

from __future__ import annotations

import datetime as dt
import random
import re

from newsgraph.models import AnalyzedDoc, Document
from newsgraph.text.dates import find_dates
from newsgraph.text.lexicons import FEW_LITERALS, Literals, literal_union

from .events_helpers import analyse, coded, pipe

#: pieces of made-up texts and names: hyphens, apostrophes, brackets and underscores on either side
_WORDS = ["Ana", "Ruiz", "Andes", "Party", "of", "Peru", "U.S.", "x-ray", "Ana-Maria", "(Ana)", "'Ruiz"]
_GLUE = [" ", " ", ", ", "-", "'", ". ", "_", "(", ")", "’s ", "\n"]


def test_many_names_are_found_as_the_trie_finds_them() -> None:
    """More names than :data:`FEW_LITERALS` are looked up by their first run of word characters (and
    one starting with a bracket or an apostrophe by ``str.find``): whole words, the longest at each
    place, none overlapping, from any start and end, even inside a word."""
    rnd = random.Random(39)
    for _ in range(400):
        text = "".join(rnd.choice(_WORDS) + rnd.choice(_GLUE) for _ in range(rnd.randint(1, 25)))
        names = {
            "".join(rnd.choice(_WORDS) + rnd.choice([" ", "-", ""]) for _ in range(rnd.randint(1, 3))).strip()
            for _ in range(rnd.randint(1, 8))
        }
        items = [*names, *(f"Name{i}" for i in range(FEW_LITERALS + 1))]
        rx = re.compile(r"(?<![\w-])(?:" + literal_union(items) + r")(?![\w-])")
        found = Literals(items)
        for _ in range(3):
            start = rnd.randint(0, len(text))
            end = rnd.randint(start, len(text))
            assert found.spans(text, start, end) == [m.span() for m in rx.finditer(text, start, end)]


def test_the_index_keeps_the_longest_name_at_a_place() -> None:
    items = ["Ana", "Ana Ruiz", "Ana Ruiz-Soto", "(Ana)", *(f"Name{i}" for i in range(FEW_LITERALS))]
    text = "Ana Ruiz-Soto met Ana Ruiz and (Ana) near Ana-Maria; Ana."
    assert [text[a:b] for a, b in Literals(items).spans(text, 0, len(text))] == [
        "Ana Ruiz-Soto", "Ana Ruiz", "(Ana)", "Ana"
    ]


def test_a_year_written_before_a_noun_dates_that_noun_not_the_clause() -> None:
    """"the 2016 election" is when the election was, not when Chile accused Peru; a year before the
    noun of the event's own time phrase still dates it ("during", "after"; "at" the event itself)."""
    dates = {
        "Chile accused Peru of interfering in the 2016 election.": ("2020-08", "document"),
        "Chile and Peru met during the 2016 election campaign.": ("2016", "text"),
        "Chile and Peru met at the 2019 summit.": ("2019", "text"),
        "Chile imposed sanctions on Peru after the 2018 election.": ("2018", "text"),
        "In 2016, Chile condemned Peru's attack.": ("2016", "text"),
    }
    for text, want in dates.items():
        (event,) = analyse(text, published="2020-08-31").events
        assert (event.date, event.date_source) == want, text


def test_a_quote_that_denies_the_blame_accuses_no_one() -> None:
    """Words of blame in a clause the quote negates defend its subject ("Ana Ruiz did not lie, she is
    not a liar"); the same words affirmed still accuse."""
    denied = (
        'Writing for the court, Justice Juan Ortega said, "not every corrupt act by local officials is a '
        "federal crime. Because the scheme did not aim to obtain money, Ana Ruiz and Luis Soto could not "
        'have violated the fraud laws."',
        'Marta Gil, a lawyer for the victim, told reporters "Victims do not have to justify their private '
        'life. The court has found that Ana Ruiz did not lie, she is not a liar. She was portrayed as a '
        'liar, she did not lie."',
    )
    for text in denied:
        assert not [e for e in coded(text) if e[0] == "ACCUSE"], text
    affirmed = 'Marta Gil told reporters "Victims do not have to justify their private life. The court has ' \
        'found that Ana Ruiz lied, she is a liar."'
    assert [e[:3] for e in coded(affirmed)] == [("ACCUSE", ["Marta Gil"], ["Ana Ruiz"])]


def test_stepping_down_for_another_post_concedes_nothing() -> None:
    """A resignation whose purpose is a new post or a campaign is no concession (lexicon
    ``career_moves``); one in protest, or with no purpose, still steps down from the state's office."""
    assert not coded("President Ana Ruiz of Chile stepped down to run for the Senate.")
    for why in ("to protest the decision", "on Monday"):
        text = f"President Ana Ruiz of Chile resigned {why}."
        assert [e[:3] for e in coded(text)] == [("RETREAT", ["Ana Ruiz"], ["Chile"])], text


def test_by_a_weekday_opening_a_past_sentence_is_a_day_of_the_story() -> None:
    """"By Sunday, ..." opening a sentence told in the past is the latest Sunday; as a deadline, or
    with a future cue, the coming one (the document date is a Thursday)."""
    anchor = dt.date(2019, 8, 8)
    days = {
        "By Sunday afternoon, Ana Ruiz said the Senate had no say.": "2019-08-04",
        "By Sunday, the toll had risen to 40.": "2019-08-04",
        "By Sunday, the toll will rise to 40.": "2019-08-11",
        "Chile must leave the port by Sunday.": "2019-08-11",
    }
    for text, want in days.items():
        assert [d.value for d in find_dates(text, anchor=anchor)] == [want], text


def _dated(headline: str, body: str, published: str) -> list[tuple[str | None, str | None]]:
    p, res = pipe()
    doc = Document(id="t", text=f"{headline}\n\n{body}\n", title=headline, published=published)
    ad = p(AnalyzedDoc(doc=doc), res)
    return [(e.date, e.date_source) for e in ad.events]


def test_an_undated_act_takes_the_period_the_title_names() -> None:
    """A monthly round-up published weeks later ("..., July 2020") dates its undated acts in July; a
    day its title names to come, or none, leaves the publication month (flagged as such)."""
    body = "Chile accused Peru of spying."
    assert _dated("On the Andean trail, July 2020", body, "2020-08-31") == [("2020-07", "title")]
    for headline in ("Chile to reopen its border from September 15", "Chile and Peru quarrel"):
        assert _dated(headline, body, "2020-08-31") == [("2020-08", "document")], headline
