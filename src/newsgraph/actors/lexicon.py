"""Word lists of the actor rules, read from ``data/lexicon/actors.yaml`` (see its header for the
format and how to extend it) through :mod:`newsgraph.text.lexicons`.

All lists are general English news vocabulary (no names of particular people or articles).
Lookups are on lowercased words unless said otherwise.
"""

from __future__ import annotations

import re

from newsgraph.text.lexicons import pattern, phrases, table, word_table, words

#: words that head a person's title ("Deputy Foreign *Minister*", "Hamas *official*")
TITLE_HEADS = words("actors.title_heads")
#: days whose possessive may open a name found ("*Monday's* Senate vote"): no part of the name
TIME_OWNERS = words("actors.time_owners")
#: modifiers that may precede a title head ("*Deputy Foreign* Minister", "*senior* official")
TITLE_MODIFIERS = words("actors.title_modifiers")
#: honorifics written directly before a name (the name may then be a single token)
HONORIFICS = words("actors.honorifics")
#: words that end an organisation's name ("Sabil *Movement*", "Wadi *Post*")
ORG_HEADS = words("actors.org_heads")
#: outlet words ("Wadi *Post*", "KTV *One*") that make an ORG a media organisation
MEDIA_HEADS = words("actors.media_heads")
#: words that never start or end a name on their own
FUNCTION_WORDS = words("english.function_words")
#: capitalised words that are not names at the start of a sentence or heading
SENTENCE_WORDS = words("actors.sentence_words")
#: the two lists above together: words that do not open a name
OPENING_WORDS = FUNCTION_WORDS | SENTENCE_WORDS
#: the words of a title (heads and their modifiers)
TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS
#: prepositions and verbs after which a city is a place, not a government ("arrived *in* Moscow")
VENUE_BEFORE = words("actors.venue_before")
#: verbs (and auxiliaries) after which a capital is the government acting ("Moscow *responded*")
METONYM_VERBS = words("actors.metonym_verbs")
#: adverbs that may stand between a subject and its verb ("Moscow *also* said")
ADVERBS = words("actors.adverbs")
#: nouns after "X's" that make X a place ("Moscow's *streets*") rather than a government
PLACE_POSSESSED = words("actors.place_possessed")
#: nouns before "with X"/"between X and" that make X a government ("*talks* with Moscow")
RELATION_NOUNS = words("actors.relation_nouns")
#: nouns after a city that make it a modifier, not an actor ("the *Oslo* agreement")
MODIFIED_NOUNS = words("actors.modified_nouns")
#: nouns after a demonym that make the phrase a mention of the state ("the Russian *side*")
STATE_NOUNS = words("actors.state_nouns")
#: participles after a demonym and a hyphen: the state acts ("an Iranian-backed militia")
AGENT_PARTICIPLES = words("actors.agent_participles")
#: nouns after a demonym or organisation that describe a person ("the Hamas *official*")
PERSON_NOUNS = words("actors.person_nouns")
#: descriptions of organisations ("the *movement*") and the name heads they can refer to
ORG_DESCRIPTIONS: dict[str, frozenset[str]] = word_table("actors.org_descriptions")
#: religions, peoples and faith adjectives: not actors in themselves (case-sensitive)
NON_ACTORS = words("actors.non_actors")
#: personal pronouns resolved to people, with their gender
PRONOUNS: dict[str, str] = table("actors.pronoun_genders")
#: collective political actors named by a common word ("the West"), with their type
COLLECTIVES: dict[str, str] = table("actors.collectives")
#: a lone name after one of these words is a place ("talks *in* Veyra")
PLACE_PREPOSITIONS = words("actors.place_prepositions")
#: first words of a kunya ("*Abu* Mazen")
KUNYA_WORDS = words("actors.kunya_words")


def alternatives(name: str) -> str:
    """The regular-expression alternatives of list ``actors.<name>``."""
    return pattern(f"actors.{name}")


def ordered(name: str) -> tuple[str, ...]:
    """The entries of list ``actors.<name>`` in file order."""
    return phrases(f"actors.{name}")


_CAP = re.compile(r"^[A-Z\u00C0-\u00DE]")


def agent_hyphen(text: str, end: int) -> bool:
    """True when "-backed", "-led"... follows offset ``end`` ("an Iranian-backed militia")."""
    m = re.match(r"-(\w+)", text[end : end + 20])
    return m is not None and m.group(1).lower() in AGENT_PARTICIPLES


def is_cap(word: str) -> bool:
    """Starts with a capital letter (Latin, incl. accented)."""
    return bool(_CAP.match(word))


def is_title_word(word: str) -> bool:
    w = word.lower()
    return w in TITLE_HEADS or w in TITLE_MODIFIERS


_GENERIC_WORDS = words("actors.generic_institution_words")


def is_generic_institution(name: str) -> bool:
    """An organisation's name made only of words that say nothing of whose institution it is
    ("Supreme Court", "the Foreign Ministry", "House of Representatives")."""
    ws = [w.strip(".,'’").lower() for w in name.split()]
    ws = [w for w in ws if w and w not in FUNCTION_WORDS]
    return bool(ws) and all(w in _GENERIC_WORDS for w in ws)
