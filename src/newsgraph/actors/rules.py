"""Name, title, alias and organisation rules over paragraph text (no statistical model).

- title plus name: "Deputy Foreign Minister Mikhail Bogdanov", "Sheikh Ahmad Yassin", "Russian
  Ambassador to Israel Anatoly Viktorov";
- appositions that make a name a person: "Nabil al-Sarraj, deputy head of ...", "... its
  chairman, Rafiq Mansour,";
- aliases: bracketed ("President Abu Mazen [Mahmoud Abbas]", "(QNC)") and "known as" (kunyas);
- sites ("the Qadira valley"), organisations (capitalised words ending in an organisation word,
  split at "of/for/in" between two bodies), broadcasters with a number ("Castellan 24");
- name shapes (Arabic particles Abu/al-/bin/ibn/Umm, known given names).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsgraph.actors.kb import KnowledgeBase
from newsgraph.actors.lexicon import (
    FUNCTION_WORDS,
    HONORIFICS,
    KUNYA_WORDS,
    MEDIA_HEADS,
    OPENING_WORDS,
    ORG_HEADS,
    SENTENCE_WORDS,
    TIME_OWNERS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
    alternatives,
    ordered,
)
from newsgraph.actors.spans import Cand, strip_possessive, strip_span
from newsgraph.text import lexicons
from newsgraph.text.names import _table as _name_table
from newsgraph.text.names import fold as name_fold
from newsgraph.text.vocabulary import MONTHS_AND_WEEKDAYS, WEEKDAYS

_NUMBERED = lexicons.words("actors.numbered_nouns")
_CONNECTORS = lexicons.words("actors.name_connectors")
_MONTHS = MONTHS_AND_WEEKDAYS
_WEEKDAYS = frozenset(WEEKDAYS)
_NAME_STARTERS = lexicons.words("actors.name_starters")
_SURNAME_PARTICLES = ordered("surname_particles")
_SHORT_FORM_HEADS = lexicons.words("actors.short_form_heads")
_COMPANY_HEADS = lexicons.words("actors.company_heads")
_DEMONYM_ENDINGS = ordered("demonym_endings")
_ORG_CONNECTORS = ordered("org_connectors")
#: capitalised words before "militants", "activists" that are no group's name ("Islamist militants")
_MEMBER_ADJECTIVES = lexicons.words("actors.member_adjectives")
_NUMBER_WORDS = frozenset(lexicons.table("dates.number_words"))
#: words that are no word of a group's name before "activists" or "coalition"
_NO_GROUP_WORDS = OPENING_WORDS | _MEMBER_ADJECTIVES | _MONTHS | _NUMBER_WORDS

# ---- name and title regular expressions ------------------------------------------------------
_UP = "A-ZÀ-ÖØ-Þ"
_APO = "’'‘ʿʾ"
NAME_TOK = (
    rf"(?:[{_UP}][\w{_APO}]*(?:-[{_UP}{_APO}][\w{_APO}]*)*"
    rf"|(?:{alternatives('article_prefixes')})-[{_UP}{_APO}][\w{_APO}]*)"
)
_PARTICLE = rf"(?:{alternatives('name_particles')})"
#: between two words of a personal name: blanks, maybe a particle or a middle initial ("John *R.* Bolton")
_NAME_SEP = rf"[ \t]+(?:{_PARTICLE}[ \t]+|[{_UP}]\.[ \t]+)?"
NAME = rf"{NAME_TOK}(?:{_NAME_SEP}{NAME_TOK}){{0,4}}"


#: a name with a nickname in quotes between its parts ('Matiu "Matt" Ratana')
_NICKNAMED_RX = re.compile(
    rf"(?<![\w-]){NAME_TOK}[ \t]+[\"“]{NAME_TOK}[\"”](?:{_NAME_SEP}{NAME_TOK}){{1,3}}(?![\w-])"
)


def _alt(words: Iterable[str]) -> str:
    """Literal alternatives, longest first, as a trie (each character compared once: these open
    patterns tried at every position of the text)."""
    return lexicons.literal_union(words)


_TITLE_RX = re.compile(
    rf"(?<![\w-])(?P<title>(?:(?i:{_alt(TITLE_MODIFIERS)})[ \t]+){{0,4}}(?i:{_alt(TITLE_HEADS)})"
    rf"(?:[ \t]+(?:{alternatives('title_prepositions')})[ \t]+(?:the[ \t]+)?{NAME_TOK}(?:[ \t]+{NAME_TOK})?"
    rf"(?=[ \t]+{NAME_TOK}[ \t]+{NAME_TOK}))?)"
    rf"\.?[ \t]+(?P<name>{NAME})"
)
_TITLE_START = (
    rf"(?:(?:{alternatives('title_determiners')})[ \t]+)?(?:[\w{_APO}-]+['’]s?[ \t]+)?"
    rf"(?i:{_alt(TITLE_MODIFIERS | TITLE_HEADS)})\b"
)
_APPOS_AFTER_RX = re.compile(
    rf"(?<![\w-])(?P<name>{NAME_TOK}(?:{_NAME_SEP}{NAME_TOK}){{1,4}}),[ \t]+"
    rf"(?={_TITLE_START})"
)
_APPOS_BEFORE_RX = re.compile(
    rf"(?i:\b(?:{_alt(TITLE_HEADS)})),[ \t]+(?P<name>{NAME_TOK}(?:{_NAME_SEP}{NAME_TOK}){{1,4}}),"
)
_MEDIA_NUM_RX = re.compile(
    rf"(?<![\w-])(?P<org>{NAME_TOK}(?:[ \t]+{NAME_TOK})?[ \t]+\d{{1,2}})"
    r"(?![\w,]|[.:/]\d|[ \t]*,?[ \t]*\d{4})"
    r"(?P<after>[ \t]*[^\s\w]?[\w%$–-]*)"
)
#: words after a number that make it a quantity ("47 *percent*"): no broadcaster's name
_QUANTITY_WORDS = lexicons.words("actors.quantity_words")
_SITE_RX = re.compile(
    rf"\b[Tt]he[ \t]+(?P<name>{NAME_TOK}(?:[ \t]+{NAME_TOK})?)[ \t]+(?P<site>{alternatives('site_words')})\b"
)
_FACILITY_RX = re.compile(
    rf"(?<![\w-])(?P<name>(?:{NAME_TOK}[ \t]+){{1,3}}(?:{alternatives('facility_heads')}))(?![\w-])"
)
_ALIAS_RX = re.compile(rf"(?P<a>{NAME})[ \t]*(?P<open>[\[(])(?P<b>{NAME})[\])]")
#: "the Revolutionary Armed Forces of Colombia, or FARC, ...": an acronym offered as another name
_OR_ACRONYM_RX = re.compile(r"(?<=[a-z]),[ \t]+or[ \t]+(?P<b>[A-Z][A-Z-]{1,7})(?=[,.;)])")
_KNOWN_AS_RX = re.compile(
    rf"\b(?:who[ \t]+is[ \t]+)?(?:(?:{alternatives('alias_adverbs')})[ \t]+)?"
    rf"(?:{alternatives('alias_verbs')})[ \t]+as[ \t]+(?P<b>{NAME})"
)
_NAME_HEADS = ORG_HEADS | (MEDIA_HEADS - lexicons.words("actors.media_heads_not_names"))
# capitalised ("Sabil Movement") and, for short heads, upper-case ("al-Masirah TV") organisation words
_ORG_HEAD_CAP = _alt({w.capitalize() for w in _NAME_HEADS if w.isalpha()} | {
    w.upper() for w in _NAME_HEADS if w.isalpha() and len(w) <= 3})
#: "news outlet Rudaw", "the broadcaster Al Mayadeen": a media organisation named after its kind
_MEDIA_NOUN_RX = re.compile(
    rf"(?<![\w-])(?:{alternatives('media_nouns')})[ \t]+"
    rf"(?P<org>{NAME_TOK}(?:[ \t]+{NAME_TOK}){{0,3}})(?![\w-])"
)
_OF = alternatives("org_connectors")
_HEAD_OF = alternatives("org_head_connectors")
_ORG_RX = re.compile(
    rf"(?<![\w-])(?P<org>(?:{NAME_TOK}[ \t]+(?:(?:{_OF})[ \t]+(?:the[ \t]+)?)?){{1,5}}"
    rf"(?:{_ORG_HEAD_CAP})(?:[ \t]+(?:{_HEAD_OF})[ \t]+(?:the[ \t]+)?{NAME_TOK}(?:[ \t]+{NAME_TOK}){{0,3}}"
    rf"(?:[ \t]+and[ \t]+{NAME_TOK}[ \t]+{NAME_TOK}(?![ \t]+{NAME_TOK}))?)?"
    rf"|(?:{_ORG_HEAD_CAP})[ \t]+(?:{_HEAD_OF})[ \t]+(?:the[ \t]+)?{NAME_TOK}"
    rf"(?:[ \t]+(?:and[ \t]+)?{NAME_TOK}){{0,3}})"
    r"(?![\w-])"
)
#: "the Life and [Liberty Party]": capitalised words and "and" between "the" and a name
_JOINED_RX = re.compile(rf"(?<![\w-])[Tt]he[ \t]+(?P<words>(?:{NAME_TOK}[ \t]+){{1,3}})and[ \t]+")
_LEADER_BODY_RX = re.compile(
    rf"(?<![\w-])(?P<org>{NAME_TOK})[ \t]+(?i:{alternatives('leader_body_heads')})(?![\w-])"
)
#: "the Manhattan district attorney's office": a place before the title of an office holder and "'s
#: office" names that office (an organisation), not the place
_PLACE_OFFICE_RX = re.compile(
    rf"(?<![\w-])(?:[Tt]he[ \t]+)?(?P<place>{NAME_TOK}(?:[ \t]+{NAME_TOK}){{0,2}})[ \t]+"
    rf"(?i:{alternatives('office_holder_titles')})['’]s[ \t]+(?i:office)(?![\w-])"
)
#: "Greenpeace activists", "the Azimio coalition": a name before a word for a group's members or a
#: lower-case word for a group
_MEMBERS_RX = re.compile(
    rf"(?<![\w-])(?P<org>{NAME_TOK}(?:[ \t]+{NAME_TOK}){{0,2}})[ \t]+"
    rf"(?P<head>{alternatives('member_nouns')}|{alternatives('group_heads')})(?![\w-])"
)
_DATELINE = re.compile(rf"^[{_UP}][{_UP} .'’-]+(?:,[^–—\n]{{0,40}})?[ \t]*[–—-][ \t]")


def _honorific(word: str) -> bool:
    return word.lower().rstrip(".") in HONORIFICS


def is_person_name(text: str) -> bool:
    """Looks like a personal name: 2-5 tokens whose first is a known given name or a name particle."""
    toks = text.replace("-", " ").split()
    if not 2 <= len(text.split()) <= 5:
        return False
    first = name_fold(toks[0])
    return first in _name_table().by_token or first in _NAME_STARTERS


def person_short_forms(name: str) -> list[str]:
    """Surname forms of a full name: "Yusuf al-Haddad" -> ["al-Haddad", "Al-Haddad", "Haddad"];
    "Musa Abu Marzouq" -> ["Abu Marzouq", "Marzouq"]."""
    toks = name.split()
    if len(toks) < 2:
        return []
    last = toks[-1]
    out = []
    if len(toks) >= 3 and toks[-2].lower() in _SURNAME_PARTICLES:
        out.append(f"{toks[-2]} {last}")
        out.append(f"{toks[-2].capitalize()} {last}")
    m = re.match(r"^(al|el|Al|El)-(.+)$", last)
    if m:
        out += [last, m.group(1).capitalize() + "-" + m.group(2), m.group(1).lower() + "-" + m.group(2)]
        if len(m.group(2)) >= 4:
            out.append(m.group(2))
    else:
        out.append(last)
    return list(dict.fromkeys(out))


def org_short_forms(name: str) -> list[str]:
    """A distinctive single word of an organisation named "<Word> <Head>" ("Sabil Movement" -> "Sabil"),
    and of a company "<Name> Corporation" whose name is no plain word ("ABS-CBN Corporation" ->
    "ABS-CBN"; not "National Corporation")."""
    toks = name.split()
    if len(toks) != 2 or toks[0].lower() in FUNCTION_WORDS or toks[0].endswith(_DEMONYM_ENDINGS):
        return []
    coined = any(ch.isupper() for ch in toks[0][1:]) or not toks[0].isalpha()
    if toks[1].lower() in _SHORT_FORM_HEADS or (toks[1].lower() in _COMPANY_HEADS and coined):
        return [toks[0]]
    return []


def _named_inside(text: str, word: str) -> bool:
    """Whether ``word`` is written capitalised inside a sentence of ``text`` too (a name, not an
    adjective that opens one: "Zapatista rebels ... the Zapatista army", not "Prominent activists")."""
    return re.search(rf"[a-z,;] {re.escape(word)}\b", text) is not None


def _word_before(seg: str, at: int) -> str:
    """The word right before offset ``at`` of ``seg`` ("" at its start)."""
    return (seg[max(0, at - 20) : at].split() or [""])[-1]


def _in_longer_name(prev: str) -> bool:
    """Whether a match after the word ``prev`` is part of a longer name: after a connector or "and"
    ("Committee of X ...") or after a capitalised word that opens no sentence."""
    low = prev.lower()
    opener = low in OPENING_WORDS
    return low in (*_ORG_CONNECTORS, "and") or (prev[:1].isupper() and not opener)


class NameRules:
    """The rules of this module bound to a knowledge base (to tell names from places)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def people(self, seg: str, off: int, text: str) -> list[Cand]:
        """Title + name, names in apposition to a title, sites, bracketed and "known as" aliases."""
        return (
            self._titled(seg, off)
            + self._appositions(seg, off)
            + self._sites(seg, off)
            + self._facilities(seg, off)
            + self._aliases(seg, off)
            + self._or_acronyms(seg, off)
            + self._known_as(seg, off)
            + self._nicknamed(seg, off)
        )

    def _nicknamed(self, seg: str, off: int) -> list[Cand]:
        """One person named with a nickname in quotes ('Jeremy "Spike" Cohen'), not two names."""
        out: list[Cand] = []
        for m in _NICKNAMED_RX.finditer(seg):
            if m.group().split()[0].lower() not in SENTENCE_WORDS:
                out.append(Cand(off + m.start(), off + m.end(), m.group(), "PERSON", "rule"))
        return out

    def _titled(self, seg: str, off: int) -> list[Cand]:
        """ "Deputy Foreign Minister Mikhail Bogdanov", "Sheikh Yassin" (a one-word name needs an
        honorific or a title of two words)."""
        out: list[Cand] = []
        for m in _TITLE_RX.finditer(seg):
            a, b = self.trim_name(seg, m.start("name"), m.end("name"))
            if b <= a:
                continue
            title = m.group("title")
            while (lead := re.match(r"(\S+)[ \t]+(?=\S+[ \t]+\S)", seg[a:b])) and _honorific(lead.group(1)):
                title, a = f"{title} {lead.group(1)}", a + lead.end()  # "Emir [Sheikh] Tamim bin Hamad"
            name = seg[a:b]
            if " " not in name and title.lower().rstrip(".") not in HONORIFICS and len(title.split()) < 2:
                continue
            if (
                name.split()[0].lower() in SENTENCE_WORDS
                or self.kb.lookup(name)
                or any(
                    w.lower() in ORG_HEADS or w.lower().rstrip(".") in TITLE_WORDS
                    for w in name.split()
                )
            ):
                continue
            start = off + m.start("title")
            out.append(Cand(off + a, off + b, name, "PERSON", "rule", title=title, title_start=start))
        return out

    def _appositions(self, seg: str, off: int) -> list[Cand]:
        """ "Nabil al-Sarraj, deputy head of ...", "... its chairman, Rafiq Mansour,"."""
        out: list[Cand] = []
        for rx in (_APPOS_AFTER_RX, _APPOS_BEFORE_RX):
            for m in rx.finditer(seg):
                a, b = self.trim_name(seg, m.start("name"), m.end("name"))
                name = seg[a:b]
                words = name.split()
                if (
                    len(words) < 2
                    or words[0].lower() in SENTENCE_WORDS
                    or self.kb.lookup(name)
                    or any(w.lower() in ORG_HEADS or w.lower() in TITLE_HEADS for w in words)
                ):
                    continue
                out.append(Cand(off + a, off + b, name, "PERSON", "rule"))
        return out

    def _sites(self, seg: str, off: int) -> list[Cand]:
        """ "the Qadira valley", "the Halvar crossing": places."""
        out: list[Cand] = []
        for m in _SITE_RX.finditer(seg):
            name = m.group("name")
            if name.split()[0].lower() in SENTENCE_WORDS or self.kb.demonym(name):
                continue
            meta = {"site": m.group("site")}
            out.append(Cand(off + m.start("name"), off + m.end("name"), name, "LOCATION", "rule", meta=meta))
        return out

    def _facilities(self, seg: str, off: int) -> list[Cand]:
        """ "Baghdad International Airport", "Ain al-Asad Air Base": places of their own (a city
        inside the name is not a mention)."""
        out: list[Cand] = []
        for m in _FACILITY_RX.finditer(seg):
            words = list(re.finditer(r"\S+", m.group("name")))
            while words and words[0].group().lower() in OPENING_WORDS:
                words = words[1:]
            if len(words) < 2:
                continue
            a, b = off + m.start("name") + words[0].start(), off + m.end("name")
            out.append(Cand(a, b, seg[a - off : b - off], "LOCATION", "rule", meta={"site": "facility"}))
        return out

    def _aliases(self, seg: str, off: int) -> list[Cand]:
        """Bracketed aliases: "President Abu Mazen [Mahmoud Abbas]", "(QNC)"."""
        out: list[Cand] = []
        for m in _ALIAS_RX.finditer(seg):
            a, b = self.trim_name(seg, m.start("b"), m.end("b"))
            if b > a and (" " in seg[a:b] or seg[a:b].isupper()):
                alias = Cand(off + a, off + b, seg[a:b], "?", "alias", kind="alias")
                alias.meta["alias_of"] = off + m.start("open")
                out.append(alias)
        return out

    def _or_acronyms(self, seg: str, off: int) -> list[Cand]:
        """ "the Revolutionary Armed Forces of Colombia, or FARC,": the acronym names the name before
        it (joined like "known as")."""
        out: list[Cand] = []
        for m in _OR_ACRONYM_RX.finditer(seg):
            alias = Cand(off + m.start("b"), off + m.end("b"), m.group("b"), "?", "alias", kind="alias")
            alias.meta["alias_of"], alias.meta["acronym"] = off + m.start(), True
            out.append(alias)
        return out

    def _known_as(self, seg: str, off: int) -> list[Cand]:
        """ "... known as Abu Karim": the alias, and the name right before ", (who is also) known as"
        as a person when the alias is a kunya or the name looks like one."""
        out: list[Cand] = []
        for m in _KNOWN_AS_RX.finditer(seg):
            a, b = self.trim_name(seg, m.start("b"), m.end("b"))
            if b <= a:
                continue
            alias = Cand(off + a, off + b, seg[a:b], "?", "alias", kind="alias")
            alias.meta["alias_of"] = off + m.start()
            out.append(alias)
            before = re.search(rf"(?P<a>{NAME}),[ \t]*$", seg[max(0, m.start() - 60) : m.start()])
            if before and (
                alias.text.split()[0].lower() in KUNYA_WORDS
                or is_person_name(before.group("a"))
                or re.match(r"(?i)(?:al|el)-", before.group("a"))
            ):
                s0 = max(0, m.start() - 60) + before.start("a")
                x, y = self.trim_name(seg, s0, s0 + len(before.group("a")))
                if y > x and seg[x:y].split()[0].lower() not in SENTENCE_WORDS:
                    out.append(Cand(off + x, off + y, seg[x:y], "PERSON", "rule"))
        return out

    def trim_name(self, seg: str, a: int, b: int) -> tuple[int, int]:
        """Drop trailing tokens of a name match that are places, dates or possessives. A month name
        is a date only before a number ("Smith May 5"); after a name it may end it ("Theresa May",
        "Brian May")."""
        b = strip_possessive(seg, a, b)
        toks = list(re.finditer(r"\S+", seg[a:b]))
        while len(toks) > 1:
            last = toks[-1].group()
            dated = last.lower() in _WEEKDAYS or (
                last.lower() in _MONTHS and re.match(r"\s+\d", seg[a + toks[-1].end() :]) is not None
            )
            place = any(e.type in ("STATE", "LOCATION") for e in self.kb.lookup(last))
            if dated or last.lower() in FUNCTION_WORDS or place:
                toks.pop()
                continue
            break
        return (a, a + toks[-1].end()) if toks else (a, a)

    def orgs(self, seg: str, off: int, text: str) -> list[Cand]:
        out = []
        for m in _ORG_RX.finditer(seg):
            for a, b in self.org_parts(seg, m.start("org"), m.end("org")):
                a, b = strip_span(text, off + self._after_owner(seg, a), off + b)
                a = self._joined_words(text, a)  # "the [Life and] Liberty Party"
                if len(text[a:b].split()) < 2:
                    continue
                c = Cand(a, b, text[a:b], "ORG", "rule")
                if text[a:b].split()[-1].lower() in MEDIA_HEADS:
                    c.meta["media"] = True
                out.append(c)
        out += self._leader_bodies(seg, off, text)
        out += self._place_offices(seg, off, text)
        out += self._member_groups(seg, off, text)
        out += self._media_named(seg, off, text)
        for m in _MEDIA_NUM_RX.finditer(seg):  # "Castellan 24", "France 24": a broadcaster
            words = m.group("org").split()
            if (
                words[0].lower() in _MONTHS | SENTENCE_WORDS | _NUMBERED
                or words[-2].lower() in _MONTHS | _NUMBERED
                or words[-2][-2:] in ("'s", "’s") or words[-2][-1:] in ("'", "’")  # "Time's 25", "Trumps' 14"
                or m.group("after").strip().lower() in _QUANTITY_WORDS
            ):
                continue
            a, b = off + m.start("org"), off + m.end("org")
            out.append(Cand(a, b, text[a:b], "ORG", "rule", meta={"media": True}))
        return out

    def _after_owner(self, seg: str, a: int) -> int:
        """Where an organisation's name starts after a place's possessive ("*Russia's* National Police
        Agency": the place is its owner, a mention of its own) or a day's ("*Monday's* Senate vote")."""
        m = re.match(r"([^\s'’]+(?:\s+[^\s'’]+)?)['’]s\s+", seg[a:])
        day = m is not None and m.group(1).lower() in TIME_OWNERS
        if m and (day or any(e.type in ("STATE", "LOCATION") for e in self.kb.lookup(m.group(1))[:1])):
            return a + m.end()
        return a

    def _media_named(self, seg: str, off: int, text: str) -> list[Cand]:
        """ "Kurdish news outlet Rudaw", "the broadcaster Al Mayadeen": a media organisation."""
        out = []
        for m in _MEDIA_NOUN_RX.finditer(seg):
            a, b = self.trim_name(seg, m.start("org"), m.end("org"))
            name = seg[a:b]
            if b <= a or name.split()[0].lower() in SENTENCE_WORDS or any(
                e.type in ("PERSON", "STATE", "LOCATION") for e in self.kb.lookup(name)[:1]
            ):
                continue
            out.append(Cand(off + a, off + b, text[off + a : off + b], "ORG", "rule", meta={"media": True}))
        return out

    def _joined_words(self, text: str, a: int) -> int:
        """The start of a name whose first words are joined by "and" ("the *Life and* Liberty Party",
        "the *Peace and* Freedom Party", "the House *Oversight and* Reform Committee"): after "the",
        capitalised words that name no actor of their own, then "and"."""
        m = _JOINED_RX.search(text, max(0, a - 60), a)
        if m is None or m.end() != a:
            return a
        words = m.group("words").split()
        first = text[a:].split(maxsplit=1)[0] if text[a:].strip() else ""
        if (
            any(self.kb.lookup(w) or self.kb.demonym(w) or w.lower() in SENTENCE_WORDS for w in words)
            or words[-1].lower() in ORG_HEADS  # "the Secret Service and US Park Police": two bodies
            or self.kb.lookup(first)
            or self.kb.demonym(first)
        ):
            return a
        return m.start("words")

    def _leader_bodies(self, seg: str, off: int, text: str) -> list[Cand]:
        """ "the Trump administration": a surname before ``leader_body_heads`` names the body the
        person leads (an organisation of its own), unless the word is a known actor or a demonym, or
        part of a longer name ("Food and Drug Administration", "Transportation Security ...")."""
        out = []
        for m in _LEADER_BODY_RX.finditer(seg):
            name = m.group("org")
            prev = _word_before(seg, m.start())
            if (
                name.lower() in OPENING_WORDS
                or self.kb.lookup(name)
                or self.kb.demonym(name)
                or _in_longer_name(prev)
            ):
                continue
            a, b = off + m.start(), off + m.end()
            out.append(Cand(a, b, text[a:b], "ORG", "rule", meta={"leader_body": True}))
        return out

    def _place_offices(self, seg: str, off: int, text: str) -> list[Cand]:
        """ "the Manhattan district attorney's office", "the Texas Attorney General's office": the
        office of a title holder of a known place (``office_holder_titles``) is an organisation named by
        the whole phrase, not the place."""
        out = []
        for m in _PLACE_OFFICE_RX.finditer(seg):
            if not any(e.type in ("STATE", "LOCATION") for e in self.kb.lookup(m.group("place"))[:1]):
                continue
            a, b = off + m.start("place"), off + m.end()
            out.append(Cand(a, b, text[a:b], "ORG", "rule", meta={"office": True}))
        return out

    def _member_groups(self, seg: str, off: int, text: str) -> list[Cand]:
        """ "Greenpeace activists staged a protest", "the opposition Azimio coalition": a name before
        ``member_nouns`` is the group whose members they are, one before a lower-case ``group_heads``
        word the group (an organisation), unless it is a known actor, a demonym, a word of another
        kind (``member_adjectives``: "Islamist militants"), a number, a possessive, a demonym ("Iranian
        activists"), one word opening a sentence that the text never writes capitalised inside one
        (an adjective as often as a name) or part of a longer name."""
        out = []
        for m in _MEMBERS_RX.finditer(seg):
            name = m.group("org")
            words = name.split()
            prev = _word_before(seg, m.start())
            named = f"{name} {m.group('head').capitalize()}"  # "the Labour party": the Labour Party
            opening = not prev or prev[-1:] in ".!?\"“”'"  # "Prominent activists ...": an adjective
            if (
                any(w.lower() in _NO_GROUP_WORDS or w[-2:] in ("'s", "’s") for w in words)
                or (opening and len(words) == 1 and not _named_inside(text, name))
                or self.kb.lookup(name) or self.kb.lookup(named) or self.kb.demonym(words[-1])
                or named in text  # "the X Party ... the X party": the name's rule finds it
                or _in_longer_name(prev)
            ):
                continue
            a, b = off + m.start("org"), off + m.end("org")
            out.append(Cand(a, b, text[a:b], "ORG", "rule", meta={"members": True}))
        return out

    @staticmethod
    def org_parts(seg: str, a: int, b: int) -> list[tuple[int, int]]:
        """Split an ORG match at its connectors: "Representatives of the Sabil Movement" -> the
        movement; "International Affairs Committee of the Valdorian Assembly" -> two bodies;
        "Organisation of Southern Cooperation" stays whole (an organisation word before "of")."""
        words = list(re.finditer(r"\S+", seg[a:b]))
        while words and words[0].group().lower() in OPENING_WORDS:
            words = words[1:]
        if not words:
            return []
        parts: list[tuple[int, int]] = []
        start = 0
        for i, w in enumerate(words):
            if w.group() not in _ORG_CONNECTORS or i == 0:
                continue
            before = words[i - 1].group().lower().rstrip("’'s")
            rest = [x.group() for x in words[i + 1 :] if x.group() != "the"]
            if before not in ORG_HEADS:
                start = i + 1  # "Representatives of ..." is not part of the name
            elif rest and rest[-1].lower() in ORG_HEADS and len(rest) >= 2:
                parts.append((a + words[start].start(), a + words[i - 1].end()))
                start = i + 1
        while start < len(words) and words[start].group() in ("the", *_ORG_CONNECTORS):
            start += 1
        if start < len(words):
            parts.append((a + words[start].start(), a + words[-1].end()))
        return parts
