"""Descriptions and pronouns: "the Hamas official", "the Russian diplomat", "the movement",
"he", "she", resolved to a local entity only where the text makes it clear (one candidate in
reach, else the nearest one that fits); otherwise they stay unresolved and are not emitted."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from newsgraph.actors.coref import INSTITUTIONS, Entities, LocalEntity, institution_of
from newsgraph.actors.gender import Genders
from newsgraph.actors.kb import KnowledgeBase
from newsgraph.actors.lexicon import ORG_DESCRIPTIONS, PERSON_NOUNS, PRONOUNS, alternatives
from newsgraph.actors.roles import main_state
from newsgraph.actors.spans import Cand, DocView
from newsgraph.actors.voices import Voices
from newsgraph.text import lexicons

_SECTORS = lexicons.words("actors.description_sectors")
_TITLED_NOUNS = lexicons.words("actors.description_titled_nouns")
_TITLE_WORDS = lexicons.words("actors.description_title_words")
_NOW = lexicons.words("actors.description_tense_modifiers")  # "the *sitting* president"
_NOT_HOLDERS = lexicons.words("actors.title_not_holders")
_ORG_KINDS = lexicons.words("actors.description_org_modifiers")
#: the nouns of descriptions; a title also capitalised, as US news often writes it ("the President")
_DESC_NOUNS = PERSON_NOUNS | set(ORG_DESCRIPTIONS) | {w.capitalize() for w in _TITLED_NOUNS}
#: a count of members before an organisation's description ("the *15-nation* bloc")
_COUNTED_RX = re.compile(rf"\w+-(?:{alternatives('description_count_nouns')})")
_DESC_RX = re.compile(
    rf"\b(?P<the>[Tt]he|[Ii]ts|[Tt]heir) "
    rf"(?P<mods>(?:(?:{alternatives('description_modifiers')}|{alternatives('description_org_modifiers')}"
    rf"|{'|'.join(sorted(_SECTORS))}"
    rf"|[A-Z][\w’'-]+|{_COUNTED_RX.pattern}) ){{0,3}})"
    r"(?P<noun>" + "|".join(sorted(_DESC_NOUNS, key=len, reverse=True)) + r")\b"
    r"(?![ -][A-Z])(?!-)"
)
#: "the House": the organisation named last whose name opens with the word and an "of" phrase
#: ("House of Representatives", "House of Commons"); not "the House Judiciary Committee"
_FIRST_WORDS = lexicons.words("actors.org_first_words")
_FIRST_WORD_RX = re.compile(
    r"\b[Tt]he (?P<noun>" + "|".join(sorted(_FIRST_WORDS)) + r")\b(?![ -][A-Z])(?!-)(?! of\b)"
)
#: a lowercase institution word standing alone ("suspended *parliament*"), not before a name or "of"
_BARE_RX = re.compile(r"\b(?:" + "|".join(sorted(INSTITUTIONS)) + r")\b(?![ -][A-Z])(?! of\b)(?!-)")
_BARE_BEFORE = lexicons.words("actors.bare_institution_before")
#: verbs whose object an "of" phrase follows ("accused *the company* of fraud"); after any other
#: word, "the company of X" is another organisation's description
_OF_VERBS = lexicons.words("actors.of_phrase_verbs")
#: words after "her" that make it an object ("called her a liar", "urged her to"), not an owner
_HER_OBJECT = lexicons.words("actors.object_her_followers")
#: pronouns that may be a clause's subject ("he urged *him* to ...")
_SUBJECT_PRONOUNS = lexicons.words("actors.subject_pronouns")
#: words between a name and an object pronoun that end the name's clause ("X and Y met him")
_CLAUSE_BREAKS = lexicons.words("actors.clause_breaks")
_PRON_RX = re.compile(
    r"\b(?:" + "|".join(PRONOUNS) + "|" + "|".join(p.capitalize() for p in PRONOUNS) + r")\b"
)


def _affil_chain(ents: Entities, kb: KnowledgeBase, e: LocalEntity) -> set[str]:
    """Keys an entity is affiliated with (local ids and kb ids, two steps)."""
    out: set[str] = set()
    cur: str | None = e.affiliation
    for _ in range(3):
        if not cur:
            break
        out.add(cur)
        if cur.startswith("kb:"):
            entry = kb.get(cur[3:])
            cur = f"kb:{entry.affiliation}" if entry and entry.affiliation else None
        else:
            a = ents.get(cur)
            if a is None:
                break
            if a.kb_id:
                out.add("kb:" + a.kb_id)
            cur = a.affiliation
    return out


def _refs_of_modifier(mods: str, ents: Entities, kb: KnowledgeBase, demonyms: dict[str, str]) -> set[str]:
    """Entity keys a description's modifier words name ("Hamas", "Russian", "Valdorian")."""
    out: set[str] = set()
    words = [w for w in mods.split() if w[:1].isupper()]
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            phrase = " ".join(words[i:j])
            st = kb.demonym(phrase)
            if st is not None:
                out.add("kb:" + st.kb_id)
            place = demonyms.get(phrase)
            for e in ents.all_named(phrase) + (ents.all_named(place) if place else []):
                if e.type != "PERSON":
                    out.add(e.id)
                    if e.kb_id:
                        out.add("kb:" + e.kb_id)
            for entry in kb.lookup(phrase)[:1]:
                out.add("kb:" + entry.kb_id)
    return out


#: how far back (characters) a description or pronoun looks for the actor it refers to
WINDOW = 20_000


class _Prior:
    """The mentions (not pronouns) of the local entities by offset, so that a description looks back
    from its place, nearest first, over at most :data:`WINDOW` characters (not over every mention of
    the document)."""

    def __init__(self, ents: Entities) -> None:
        self.ents = ents
        items = [(c.start, ents.position(e), e) for e in ents.items for c in e.cands if c.kind != "pronoun"]
        self.items = sorted(items, key=lambda x: (x[0], x[1]))
        self.starts = [x[0] for x in self.items]
        #: (entity id, description nouns) -> whether the organisation fits them (see :func:`_org_fits`;
        #: an entity is met at each of its mentions, a noun at each of its descriptions)
        self.fits: dict[tuple[str, frozenset[str]], bool] = {}

    def add(self, start: int, e: LocalEntity) -> None:
        i = bisect.bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.items.insert(i, (start, self.ents.position(e), e))

    def groups(self, a: int) -> Iterator[tuple[int, list[LocalEntity]]]:
        """``(start, entities)`` of the mentions before ``a`` within the window, nearest first; the
        entities of one start in entity order."""
        i = bisect.bisect_left(self.starts, a) - 1
        while i >= 0 and self.starts[i] >= a - WINDOW:
            s = self.starts[i]
            group: dict[str, LocalEntity] = {}
            while i >= 0 and self.starts[i] == s:
                group[self.items[i][2].id] = self.items[i][2]
                i -= 1
            yield s, sorted(group.values(), key=self.ents.position)


def _nearest_org(
    prior: _Prior, a: int, heads: frozenset[str], kb: KnowledgeBase, text: str
) -> LocalEntity | None:
    """The organisation mentioned last before ``a`` whose name or kind fits the description's noun."""
    for _, group in prior.groups(a):
        for e in group:
            if e.type != "ORG":
                continue
            fit = prior.fits.get((e.id, heads))
            if fit is None:
                fit = prior.fits[(e.id, heads)] = _org_fits(e, heads, kb, text)
            if fit:
                return e
    return None


def _nearest_person(
    prior: _Prior, a: int, noun: str, refs: set[str], ents: Entities, kb: KnowledgeBase
) -> LocalEntity | None:
    """The person mentioned last before ``a`` who is affiliated with what the modifiers name; or a
    more recent person with no known affiliation but a fitting title ("Deputy Foreign Minister X ...
    the Valdorian diplomat said"), when nobody else was mentioned since (who then gets it)."""
    fit: LocalEntity | None = None
    open_: LocalEntity | None = None
    since: set[str] = set()
    if noun in _TITLED_NOUNS:  # "the New Jersey governor": a person of New Jersey with that title first
        want = _NOUN_TITLES.get(noun) or frozenset({noun})
        for _, group in prior.groups(a):
            for e in group:
                titled = any(_holds(t, want) for t in e.titles)
                if e.type == "PERSON" and titled and _affil_chain(ents, kb, e) & refs:
                    return e
    for _, group in prior.groups(a):
        fits = [e for e in group if e.type == "PERSON" and _affil_chain(ents, kb, e) & refs]
        if fits:
            fit = fits[0]
            break
        persons = [e for e in group if e.type == "PERSON"]
        since.update(e.id for e in persons)
        if open_ is None:
            open_ = next((e for e in persons if not e.affiliation and _title_fits(noun, e.titles)), None)
    if open_ is not None and len(since) == 1:
        open_.affiliation = _best_ref(refs, ents)
        return open_
    return fit


def descriptions(
    view: DocView,
    ents: Entities,
    kb: KnowledgeBase,
    demonyms: dict[str, str],
    taken: list[tuple[int, int]],
    persons: bool,
) -> list[Cand]:
    """Description mentions resolved to one entity; unresolved ones are dropped. The first pass
    (``persons`` false) resolves organisations ("the movement"); the second, after the affiliations,
    people ("the Hamas official", "the president") and the bodies of a state or organisation ("its
    foreign ministry", "the foreign ministry": of the last state named, of the state in focus)."""
    out: list[Cand] = []
    text = view.text
    covered = bytearray(len(text) + 1)  # characters of ``taken``: one lookup per description
    for s, e in taken:
        covered[s:e] = b"\x01" * (e - s)
    prior = _Prior(ents)
    for p in view.paragraphs:
        for m in _DESC_RX.finditer(text, p.start, p.end):
            a, b = m.start(), m.end()
            another = text.startswith(" of", b) and _word_before(text, a) not in _OF_VERBS
            if covered.find(1, a, b) >= 0 or another:
                continue
            noun = m.group("noun").lower()
            if (noun in PERSON_NOUNS or _owned_form(m)) != persons:
                continue  # people and owned bodies ("its foreign ministry") after the affiliations
            e = _referent(m, prior, ents, kb, demonyms)
            if e is None:
                continue
            c = _claim(text, a, b, e, ents, prior, taken, covered)
            if e.type == "PERSON":
                title = re.sub(r"^[Tt]he\s+", "", c.text)
                if title not in e.titles:
                    e.titles.append(title)
            out.append(c)
        if not persons:
            out += _first_word_forms(view, p, ents, prior, taken, covered)
            out += _bare_institutions(view, p, ents, kb, prior, taken, covered)
    return out


def _first_word_forms(
    view: DocView, p: Any, ents: Entities, prior: _Prior, taken: list[tuple[int, int]], covered: bytearray
) -> list[Cand]:
    """ "the House" after "the House of Representatives" (see :data:`_FIRST_WORD_RX`)."""
    out: list[Cand] = []
    for m in _FIRST_WORD_RX.finditer(view.text, p.start, p.end):
        a, b = m.start("noun"), m.end()
        if covered.find(1, m.start(), b) >= 0:
            continue
        e = _opened_org(prior, a, m.group("noun") + " of ")
        if e is not None:
            out.append(_claim(view.text, a, b, e, ents, prior, taken, covered))
    return out


def _bare_institutions(
    view: DocView, p: Any, ents: Entities, kb: KnowledgeBase, prior: _Prior, taken: list[tuple[int, int]],
    covered: bytearray,
) -> list[Cand]:
    """"suspended parliament", "outside parliament": a bare institution word after a verb or a
    preposition that takes it (lexicon ``bare_institution_before``) is the one body of its kind the
    document names (:func:`.coref.institution_of`)."""
    out: list[Cand] = []
    for m in _BARE_RX.finditer(view.text, p.start, p.end):
        a, b = m.start(), m.end()
        if covered.find(1, a, b) >= 0 or _word_before(view.text, a) not in _BARE_BEFORE:
            continue
        e = institution_of(m.group(), ents, kb)
        if e is not None:
            out.append(_claim(view.text, a, b, e, ents, prior, taken, covered))
    return out


def _opened_org(prior: _Prior, a: int, opening: str) -> LocalEntity | None:
    """The organisation named last before ``a`` whose name or alias holds ``opening`` ("House of ")."""
    for _, group in prior.groups(a):
        for x in group:
            if x.type == "ORG" and any(opening in n.text for n in x.names if n.kind in ("name", "alias")):
                return x
    return None


def _claim(
    text: str,
    a: int,
    b: int,
    e: LocalEntity,
    ents: Entities,
    prior: _Prior,
    taken: list[tuple[int, int]],
    covered: bytearray,
) -> Cand:
    """The description mention [a, b) of ``e``, recorded as taken."""
    c = Cand(a, b, text[a:b], e.type, "rule", kind="description")
    ents.add(e, c)
    prior.add(a, e)
    taken.append((a, b))
    covered[a:b] = b"\x01" * (b - a)
    return c


def _referent(
    m: re.Match[str], prior: _Prior, ents: Entities, kb: KnowledgeBase, demonyms: dict[str, str]
) -> LocalEntity | None:
    """The entity a description refers to (see :func:`descriptions`), or None."""
    text = m.string
    a, the, noun, mods = m.start(), m.group("the").lower(), m.group("noun").lower(), m.group("mods")
    words = mods.split()
    sectors = {w for w in words if w in _SECTORS}
    if noun in PERSON_NOUNS:
        if the != "the":
            return None
        refs = _refs_of_modifier(mods, ents, kb, demonyms)
        if refs:
            return _nearest_person(prior, a, noun, refs, ents, kb)
        lead = tuple(w.lower() for w in words if w.lower() not in _NOW)
        titled = noun in _TITLED_NOUNS and all(w in _TITLE_WORDS for w in lead)
        return _titled_person(prior, a, noun, lead) if titled else None
    heads = ORG_DESCRIPTIONS.get(noun, frozenset())
    if the != "the":  # "its foreign ministry": the ministry of the last state or organisation named
        owner = _nearest_owner(prior, a)
        return _owned_org(prior, a, owner, heads, sectors) if owner is not None else None
    if sectors and len(sectors) == len(words):  # "the foreign ministry": of the state in focus
        return _owned_org(prior, a, main_state(ents), heads, sectors)
    # "the 15-nation bloc", "the regional bloc", "the West African bloc" (words of the bloc's name)
    named = [w for w in words if w[:1].isupper()]
    kinds = all(_COUNTED_RX.fullmatch(w) or w in _ORG_KINDS for w in words if w not in named)
    e = _nearest_org(prior, a, heads, kb, text) if kinds else None
    return e if e is not None and all(_in_name(w, e) for w in named) else None


def _in_name(word: str, e: LocalEntity) -> bool:
    """Whether ``word`` is a word of one of the entity's names ("African": the Economic Community of
    West African States)."""
    return any(word in n.text.split() for n in e.names)


def _owned_form(m: re.Match[str]) -> bool:
    """ "its ministry", "the foreign ministry": an organisation's description that names whose it is."""
    words = m.group("mods").split()
    return m.group("noun").lower() not in PERSON_NOUNS and (
        m.group("the").lower() != "the" or (bool(words) and all(w in _SECTORS for w in words))
    )


def _titled_person(prior: _Prior, a: int, noun: str, lead: tuple[str, ...] = ()) -> LocalEntity | None:
    """ "the president": the person named last with a title headed by the noun (or a title it fits),
    not a vice-, deputy or former one; "the prime minister": whose title has the words before it."""
    want = _NOUN_TITLES.get(noun) or frozenset({noun})
    for _, group in prior.groups(a):
        fits = [e for e in group if e.type == "PERSON" and any(_holds(t, want, lead) for t in e.titles)]
        if fits:
            return fits[0]
    return None


def _holds(title: str, want: frozenset[str], lead: tuple[str, ...] = ()) -> bool:
    words = [w.strip(".,'’").lower() for w in re.split(r"[\s-]+", title)]
    led = not lead or tuple(words[-1 - len(lead) : -1]) == lead
    return bool(words) and words[-1] in want and led and not set(words) & _NOT_HOLDERS


def _nearest_owner(prior: _Prior, a: int) -> LocalEntity | None:
    """The state or organisation named last before ``a`` ("Iraq ... *its* foreign ministry")."""
    for _, group in prior.groups(a):
        found = [e for e in group if e.type in ("STATE", "ORG")]
        if found:
            return found[0]
    return None


def _owned_org(
    prior: _Prior, a: int, owner: LocalEntity | None, heads: frozenset[str], sectors: set[str]
) -> LocalEntity | None:
    """The organisation named last before ``a`` whose name fits the noun and the sector words
    ("foreign ministry": the "Ministry of Foreign Affairs") and that belongs to ``owner`` (when one
    is given; an organisation that is the owner itself fits too: "Iraq's Foreign Ministry ... its")."""
    for _, group in prior.groups(a):
        for e in group:
            if e.type != "ORG" or (owner is not None and owner.id not in (e.affiliation, e.id)):
                continue
            words = {w.lower() for n in e.names for w in re.findall(r"[\w’'-]+", n.text)}
            if words & heads and sectors <= words:
                return e
    return None


_NOUN_TITLES = lexicons.word_table("actors.noun_titles")
_KIND_DESCRIPTIONS = lexicons.word_table("actors.kind_descriptions")
_GENERIC_ORG_HEADS = lexicons.words("actors.generic_org_heads")


def _title_fits(noun: str, titles: list[str]) -> bool:
    words = {w.strip(".,'’").lower() for t in titles for w in t.split()}
    want = _NOUN_TITLES.get(noun)
    return bool(words) and (want is None or bool(words & want))


def _best_ref(refs: set[str], ents: Entities) -> str | None:
    """A local entity among ``refs`` if there is one, else a KB reference."""
    local = sorted(r for r in refs if not r.startswith("kb:") and ents.get(r) is not None)
    if local:
        return local[0]
    kbs = sorted(refs)
    return kbs[0] if kbs else None


def _org_fits(e: LocalEntity, heads: frozenset[str], kb: KnowledgeBase, text: str) -> bool:
    """The organisation's name ends in one of the description's nouns ("the Sabil *Movement*", "the
    Economic *Community* of ..."), its kind fits it (a KB armed group is "the group"), or the text
    introduced it with one of them ("Iranian *airline* Mahan Air" ... "the airline")."""
    entry = kb.get(e.kb_id) if e.kb_id else None
    if (
        entry is not None
        and entry.kind in ("movement", "armed_group", "party")
        and heads & _GENERIC_ORG_HEADS
    ):
        return True
    if entry is not None and entry.kind in _KIND_DESCRIPTIONS and heads & _KIND_DESCRIPTIONS[entry.kind]:
        return True  # a broadcaster the KB knows is "the network"
    if entry is not None and entry.template in heads:
        return True  # a national legislature of its own name is "the parliament" (the Riksdag)
    names = [n for n in e.names if n.kind in ("name", "alias")]
    # (or a head word inside a name: "Economic *Community* of West African States" is "the bloc")
    return any(_head_word(n.text, heads) for n in names) or any(
        set(_words_before(text, n.start)) & heads or _described_as(text, n.end) & heads for n in names
    )


def _head_word(name: str, heads: frozenset[str]) -> bool:
    """The name's last word is one of ``heads``, or the last word before its "of" phrase ("Economic
    Community [of West African States]")."""
    words = name.split()
    core = words[: words.index("of")] if "of" in words[1:] else words
    return bool(core) and core[-1].lower() in heads


#: the two words before a name (read within 50 characters before it)
_TWO_BEFORE = re.compile(r"(?:(\w+) )?(\w+) $")


def _words_before(text: str, pos: int) -> list[str]:
    """The (up to) two lower-case words just before offset ``pos``, one space between, the nearest
    first ("broadcast corporation ABS-CBN": corporation, broadcast)."""
    m = _TWO_BEFORE.search(text, max(0, pos - 50), pos)
    return [w.lower() for w in (m.group(2), m.group(1)) if w] if m else []


def _word_before(text: str, pos: int) -> str:
    """The lower-case word just before offset ``pos`` (one space between), or ""."""
    return next(iter(_words_before(text, pos)), "")


#: what a name is said to be right after it: "X, a search *company*, ...", "X is the largest
#: broadcasting *company* in ...": the first noun phrase (up to six words, to a comma, a full stop or
#: a preposition)
_DESCRIBED = re.compile(
    r"(?:,| is| was)(?: now)? (?:a|an|the) (?:[\w'’-]+ ){0,5}?[\w'’-]+"
    r"(?=[,.;]| (?:in|of|with|that|which|who|based|for|since|from|on|at|to)\b)"
)


def _described_as(text: str, end: int) -> set[str]:
    """The description words of the noun phrase that follows the name ending at ``end``."""
    m = _DESCRIBED.match(text, end, min(len(text), end + 80))
    if m is None or re.search(r"\b[A-Z][\w'’-]* [A-Z]", m.group(0)):
        return set()  # (a name: "X, the Valdorian Foreign Ministry said", is no description)
    return {w.lower() for w in re.findall(r"[\w-]+", m.group(0))}


def pronouns(
    view: DocView, ents: Entities, taken: list[tuple[int, int]], parses: Sequence[tuple[int, Any]] = ()
) -> list[Cand]:
    """ "he"/"she"/"his"/"her": among the people of fitting gender (:mod:`.gender`), the one in reach
    (this and the previous sentence), else the one who starts the previous sentence, else the last
    person of the paragraph before when nobody else intervened; otherwise unresolved. Inside a
    quotation, never its speaker (:mod:`.voices`: the parse says who utters it)."""
    out: list[Cand] = []
    text = view.text
    voices = Voices(text, view.paragraphs, parses)
    persons = sorted(
        ((c.start, e) for e in ents.items if e.type == "PERSON" for c in e.cands if c.kind != "pronoun"),
        key=lambda x: x[0],
    )
    if not persons:
        return out
    starts = [s for s, _ in persons]
    genders = Genders(text)

    def between(lo: int, hi: int, want: str) -> list[tuple[int, LocalEntity]]:  # lo <= start < hi
        found = persons[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]
        return [(s, e) for s, e in found if genders.fits(e, want)]

    for p in view.paragraphs:
        if view.para_of(p.start) in view.headings:
            continue
        for m in _PRON_RX.finditer(text, p.start, p.end):
            want = PRONOUNS.get(m.group().lower(), "")
            lo = view.sentences[view.sentence_index(m.start())].start if view.sentences else p.start
            own = _own_subject(text, m, persons, starts, lo)  # "X called *him* a liar": not X
            said = voices.speaker_spans(m.start())  # 'X said: "*He* was a great leader"': not X
            banned = {own} | {e.id for a, b in said for _, e in _named_in(persons, starts, a, b)}

            def others(lo: int, hi: int, want: str, no: set[str | None] = banned) -> list[tuple[int, Any]]:
                return [(s, e) for s, e in between(lo, hi, want) if e.id not in no]

            pick, sure = _pronoun_referent(view, m.start(), p.start, want, others)
            if pick is None:
                continue
            if sure:
                genders.learn(pick, want)
            c = Cand(m.start(), m.end(), m.group(), "PERSON", "rule", kind="pronoun")
            ents.add(pick, c)
            out.append(c)
            # a linked pronoun is in reach of the next ones ("She married X, Y and Z, whom she
            # divorced. She said ...": the person "She" is, not the one named last); not an object
            # ("X praised *him* and said he ...": "he" is still X)
            if own is not None:
                continue
            k = bisect.bisect_right(starts, m.start())
            starts.insert(k, m.start())
            persons.insert(k, (m.start(), pick))
    return out


def _named_in(
    persons: list[tuple[int, LocalEntity]], starts: list[int], a: int, b: int
) -> list[tuple[int, LocalEntity]]:
    """The people named (or referred to) between ``a`` and ``b`` (``starts``: where each is)."""
    return persons[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)]


#: "and" and a verb (maybe after an adverb) right before an object pronoun: a coordinated clause
_COORDINATED = re.compile(r"\band\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|s)\s+$")


def _own_subject(
    text: str, m: re.Match[str], persons: list[tuple[int, LocalEntity]], starts: list[int], lo: int
) -> str | None:
    """The person an object pronoun cannot refer to: the subject of its own clause, named right
    before its verb ("Reyes called *him* a liar", "Reyes later praised *her* as ..."), or the
    sentence's first person when the verb is coordinated with an earlier one ("Ward spoke with
    Reyes and urged *him* to ...": sentence start ``lo``). Only "him", and "her" where it is an
    object (followed by punctuation or ``object_her_followers``)."""
    word = m.group().lower()
    after = re.match(r"\s*(\w[\w'’]*)?", text[m.end() : m.end() + 30])
    nxt = (after.group(1) or "").lower() if after else ""  # "" before punctuation
    if word != "him" and not (word == "her" and (not nxt or nxt in _HER_OBJECT)):
        return None
    k = bisect.bisect_left(starts, m.start()) - 1
    if k < 0:
        return None
    first = bisect.bisect_left(starts, lo)
    if _COORDINATED.search(text, max(lo, m.start() - 40), m.start()) and first < k:
        return persons[first][1].id  # (a second person named since: the first is the subject)
    start, ent = persons[k]
    if start < lo:
        return None  # named in an earlier sentence ("... chased X. The police shot *him*"): no subject
    gap = text[start : m.start()].split()
    if not gap or not (gap[0][:1].isupper() or gap[0].lower() in _SUBJECT_PRONOUNS):
        return None  # "his classmates encouraged him": an owner, not the subject
    lower = [i for i, w in enumerate(gap) if not w[:1].isupper()]  # the name's words end at the first
    n = 1 if gap[0].lower() in _SUBJECT_PRONOUNS else (lower[0] if lower else 0)
    verbs = gap[n:] if n else []
    plain = all(w.isalpha() and w.lower() not in _CLAUSE_BREAKS for w in verbs)
    return ent.id if 1 <= len(verbs) <= 3 and plain else None


def _pronoun_referent(
    view: DocView, a: int, para_start: int, want: str, between: Callable[[int, int, str], list[Any]]
) -> tuple[LocalEntity | None, bool]:
    """The person a pronoun at ``a`` refers to, and whether it was the only one in reach."""
    si = view.sentence_index(a)
    lo = view.sentences[max(0, si - 1)].start if view.sentences else para_start
    window = {e.id: e for s, e in between(lo, a, want)}
    if len(window) == 1:
        return next(iter(window.values())), True
    here = {e.id: e for s, e in between(view.sentences[si].start, a, want)} if view.sentences else {}
    if len(window) > 1 and len(here) == 1:
        # "X labeled Soleimani ... and sanctioned him", "Hawkins renewed his support": the one
        # person named before it in its own sentence
        return next(iter(here.values())), False
    if len(window) > 1 and si > 0:
        prev = view.sentences[si - 1]
        starters = [e for s, e in between(prev.start, prev.start + 3, want)]
        return (starters[0] if starters else None), False
    if not window and si > 0:
        # the last person of the paragraph before, when nobody else intervened
        earlier = between(a - 599, a, want)
        if earlier and len({e.id for s, e in earlier if s >= earlier[-1][0] - 300}) == 1:
            return earlier[-1][1], False
    return None, False
