"""Candidate actor mentions: the spaCy model, the knowledge base and name/title rules.

Sources, from most to least trusted when spans overlap:

- rules: title plus name ("Deputy Foreign Minister Mikhail Bogdanov", "Sheikh ..."),
  bracketed and "known as" aliases ("President Abu Mazen [Mahmoud Abbas]");
- the knowledge base: names and aliases (phrase matcher, case-aware as in :mod:`newsgraph.actors.kb`),
  government-body templates ("Russian Foreign Ministry"), plural demonyms ("Israelis");
- capitalised sequences ending in an organisation word ("Institute for Southern Studies");
- the statistical model (labels PER/ORG/LOC), cleaned of titles, articles and possessives.

Headings (the title line, all-caps and title-case section heads) are not given to the model,
which tags every capitalised word there; they get KB matches and the names found in the body.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.actors.accents import accented_names
from newsgraph.actors.compounds import (
    hyphen_compounds,
    hyphen_pairs,
    leaders_known,
    name_parts,
    particle_tails,
    patronymic_pairs,
)
from newsgraph.actors.given import GivenNames, lone_places
from newsgraph.actors.kb import KnowledgeBase, is_acronym, load_kb
from newsgraph.actors.lexicon import (
    AGENT_PARTICIPLES,
    FUNCTION_WORDS,
    NON_ACTORS,
    OPENING_WORDS,
    ORG_HEADS,
    PLACE_PREPOSITIONS,
    SENTENCE_WORDS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
    agent_hyphen,
    alternatives,
    is_cap,
    ordered,
)
from newsgraph.actors.nonactors import drop_non_actors
from newsgraph.actors.partisans import party_adjectives
from newsgraph.actors.rules import (
    _CONNECTORS,
    _DATELINE,
    _MONTHS,
    NAME_TOK,
    NameRules,
    is_person_name,
    org_short_forms,
    person_short_forms,
)
from newsgraph.actors.select import demonym_led, foreign_bodies, harmonize, resolve_overlaps
from newsgraph.actors.spans import Cand, DocView, strip_possessive, strip_span
from newsgraph.actors.speaking import speaking_names
from newsgraph.errors import ConfigError
from newsgraph.text import lexicons
from newsgraph.text.headings import is_heading
from newsgraph.text.parsed import select, text_length
from newsgraph.text.vocabulary import MONTH_NAMES, WEEKDAY_NAMES

if TYPE_CHECKING:
    from newsgraph.pipeline.registry import Resources

__all__ = ["Recognizer", "is_heading", "is_person_name", "org_short_forms", "person_short_forms"]

MODEL_ENV = "NEWSGRAPH_MODEL"
MODEL_LABELS = {"PER": "PERSON", "PERSON": "PERSON", "ORG": "ORG", "LOC": "LOCATION", "GPE": "LOCATION"}
KB_LABELS = {"GPE_STATE": "STATE", "ORG": "ORG", "LOC": "LOCATION", "PERSON": "PERSON", "NORP": "NORP"}
_LOWER_NAME_PART = re.compile(rf"(?:{alternatives('lowercase_name_parts')})-?")
_ADJECTIVE_ENDINGS = ordered("adjective_endings")


def model_path(res: Resources) -> Path | str:
    """Where the spaCy pipeline is loaded from: setting ``model``, env ``NEWSGRAPH_MODEL``, or
    the package's ``data/model/en_newsgraph``. ``"blank"`` means rules only (no statistical NER)."""
    spec = res.settings.get("model") or os.environ.get(MODEL_ENV)
    if spec:
        return "blank" if spec == "blank" else Path(spec)
    return Path(str(resources.files("newsgraph").joinpath("data/model/en_newsgraph")))


def load_nlp(res: Resources) -> Any:
    """The spaCy pipeline, loaded once per process."""
    import spacy

    path = model_path(res)
    if path == "blank":
        return _split_abbreviation_hyphens(spacy.blank("en"))
    assert isinstance(path, Path)
    if not (path / "config.cfg").is_file():
        raise ConfigError(
            f"spaCy model not found at {path}: install newsgraph with its bundled model "
            f"(src/newsgraph/data/model/en_newsgraph), or point {MODEL_ENV} (or the 'model' "
            "setting) at a trained spaCy pipeline directory; 'blank' runs the rules only"
        )
    return _split_abbreviation_hyphens(spacy.load(path))


def _split_abbreviation_hyphens(nlp: Any) -> Any:
    """ "U.S.-led", "U.K.-based": the abbreviation becomes a token of its own (spaCy's English rules
    keep the whole as one token, so the state it names was never found)."""
    from spacy.util import compile_infix_regex

    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Z]\.)-(?=[a-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


def load_kb_resource(res: Resources) -> KnowledgeBase:
    """The bundled knowledge base plus the user's ``--kb`` files."""
    return load_kb(res.settings.get("kb_files", []))


def load_recognizer(res: Resources) -> Recognizer:
    return Recognizer(res.get("nlp"), res.get("kb"))


#: a capital inside a word after two lower-case letters ("GitHub", "YouTube"; not "MacArthur")
_CAMEL = re.compile(r"\b(?!Mac|Mc)[A-Z]?[a-z]*[a-z]{2}[A-Z]")
#: a date the model ran a name into ("banned [Andes Air on Monday]"): the name ends before it
_TRAILING_DATE = re.compile(
    rf"\s+(?:{'|'.join(lexicons.phrases('dates.weekday_modifiers'))})\s+"
    rf"(?:{'|'.join((*MONTH_NAMES, *WEEKDAY_NAMES))})\b.*$"
)


def _speaker_tag(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` is a transcript's speaker tag, "((Name))" at the start of a line."""
    before = text[max(0, a - 3) : max(0, a - 2)]
    return text[max(0, a - 2) : a] == "((" and text[b : b + 2] == "))" and before in ("", "\n")


class Recognizer:
    """Matchers built once per process over the shared spaCy vocabulary and the KB."""

    def __init__(self, nlp: Any, kb: KnowledgeBase) -> None:
        from spacy.matcher import PhraseMatcher

        self.nlp, self.kb = nlp, kb
        self.rules = NameRules(kb)
        self.given = GivenNames(kb, NAME_TOK, f"(?:{alternatives('name_particles')})")
        self.has_ner = "ner" in nlp.pipe_names
        self.has_tagger = bool({"tagger", "morphologizer"} & set(nlp.pipe_names))
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.keys: dict[str, tuple[str, str]] = {}
        self._template_rx(kb)
        exact: dict[str, list[str]] = {}
        lower: dict[str, list[str]] = {}
        for p in kb.patterns(demonyms=True):
            key = f"{p['label']}|{p['id']}"
            self.keys[key] = (KB_LABELS.get(p["label"], "ORG"), p["id"])
            if isinstance(p["pattern"], list):
                continue  # templates: see _template_rx
            if is_acronym(p["pattern"]) or p["label"] == "NORP":
                exact.setdefault(key, []).append(p["pattern"])
            else:
                lower.setdefault(key, []).append(p["pattern"])
                if "ization" in p["pattern"]:  # the British spelling ("Organisation of American States")
                    lower[key].append(p["pattern"].replace("ization", "isation"))
        for store, matcher in ((exact, self.exact), (lower, self.lower)):
            # one key's patterns tokenized at a time: the matcher keeps only their token ids, and
            # holding a Doc for each of the ~28,000 KB forms at once cost ~130 MB of peak memory
            for key, fs in store.items():
                matcher.add(key, [nlp.tokenizer(f) for f in fs])

    # ---- one document ------------------------------------------------------------------
    def recognize(self, view: DocView, parses: list[tuple[int, Any]] | None = None) -> list[Cand]:
        """Candidates of one document. ``parses`` are the parse stage's ``(offset, Doc)`` pieces of
        the body (one model pass shared by every stage); without them the model is run here."""
        text = view.text
        cands: list[tuple[int, Cand]] = []  # (priority, candidate)
        if parses is None:
            parses = self.parse(view)
        for offset, doc in parses:  # the model's tags in headings are ignored below
            piece = _Piece(offset, text_length(doc))
            accented = [(1, c) for c in accented_names(doc, piece.to_doc, text, self.kb)]  # ("Gdańsk")
            for prio, c in [*self._kb(doc, piece, text), *accented]:
                c.heading = view.is_heading(c.start)
                cands.append((prio, c))
            if self.has_ner:
                model = self._model(doc, piece, text, view)
                cands += [(3, c) for c in model if not view.is_heading(c.start)]
        skips = []
        propn = _proper_nouns(parses) if self.has_tagger else None
        for i, p in enumerate(view.paragraphs):
            if i in view.headings:
                continue
            seg = text[p.start : p.end]
            dl = _DATELINE.match(seg)
            if dl:
                skips.append((p.start, p.start + dl.end()))
            cands += [(0, c) for c in self.rules.people(seg, p.start, text)]
            cands += [(2, c) for c in self.rules.orgs(seg, p.start, text)]
            cands += [(4, c) for c in self.given.find(seg, p.start, propn)]
            cands += [(4, c) for c in lone_places(self.kb, seg, p.start, propn)]
            cands += [(1, c) for c in party_adjectives(seg, p.start, self.kb)]  # "*Republican* senators"
        if skips:
            cands = [(pr, c) for pr, c in cands if not any(c.overlaps(sk) for sk in skips)]
        cands = leaders_known(cands)
        chosen = hyphen_pairs(harmonize(view, resolve_overlaps(cands, demonym_led(cands, self.kb))))
        chosen = particle_tails(text, patronymic_pairs(text, chosen))
        chosen = _syllable_suffixes(text, name_parts(chosen))
        chosen = foreign_bodies(view.text, drop_non_actors(view.text, chosen), self.kb)
        chosen += drop_non_actors(view.text, self._known(view, chosen))  # (not "*Green* New Deal")
        speaking = speaking_names(parses, text, chosen, self.kb, skip=view.is_heading)
        if speaking:  # "Rudaw reports ...": and the name's other occurrences
            chosen += speaking
            chosen += drop_non_actors(view.text, self._known(view, chosen))
        return sorted(chosen, key=lambda c: c.start)

    def parse(self, view: DocView) -> list[tuple[int, Any]]:
        """The body's pieces run through the model (only when no parse stage ran)."""
        from newsgraph.pipeline.stages.parse import parse

        return parse(self.nlp, view.text, list(view.paragraphs), list(view.sentences))

    def _kb(self, doc: Any, joined: _Piece, text: str) -> list[tuple[int, Cand]]:
        out: list[tuple[int, Cand]] = []
        joined_parts: list[Cand] = []  # KB organisations joined by a hyphen ("IRGC-Quds Force")
        vocab = self.nlp.vocab.strings
        for matcher, lowered in ((self.exact, False), (self.lower, True)):
            for key_id, s, e in matcher(doc):
                key = vocab[key_id]
                label, kb_id = self.keys[key]
                span = doc[s:e]
                ab = joined.to_doc(span.start_char, span.end_char)
                if ab is None:
                    continue
                a, b = ab
                surface = text[a:b]
                if (a > 0 and text[a - 1] == "-" and text[a - 2 : a - 1].isalpha()) or (
                    text[b : b + 1] == "-" and text[b + 1 : b + 2].isupper()
                ):
                    if label == "ORG":
                        joined_parts.append(Cand(a, b, surface, label, "kb", kb_id=kb_id))
                    continue  # part of a hyphenated name ("Ostrava-Nor", "Arab-Israeli")
                if (
                    text[b : b + 1] == "-"
                    and self.keys[key][0] != "STATE"
                    and not (label == "NORP" and agent_hyphen(text, b))  # "an Iranian-backed militia"
                ):
                    continue  # "Ramallah-based"; but a state before "-led", "-built" is a mention
                words = surface.split()
                # "al Shabaab": a lower-case particle before a capitalised name is the name's own
                particle = len(words) > 1 and bool(_LOWER_NAME_PART.fullmatch(words[0])) and is_cap(words[1])
                if lowered and not (is_cap(surface) or any(c.isupper() for c in words[0]) or particle):
                    continue
                source = "kb"
                entry = self.kb.get(kb_id)
                if entry is None:
                    continue
                if label == "NORP":
                    kind = "demonym"
                else:
                    kind = "name"
                    label = entry.type
                out.append((1, Cand(a, b, surface, label, source, kb_id=kb_id, kind=kind)))
        out += [(1, c) for c in self._templates(text, [c for _, c in out])]
        out += [(0, c) for c in hyphen_compounds(text, joined_parts)]
        by_span: dict[tuple[int, int, str], list[Cand]] = {}
        for _, c in out:
            by_span.setdefault((c.start, c.end, c.kind), []).append(c)
        kept = []
        for cs in by_span.values():
            if len(cs) > 1:  # one surface, several entries: the KB's ranking decides ("Gaza")
                rank = [e.kb_id for e in self.kb.lookup(cs[0].text)]
                cs.sort(key=lambda c: rank.index(c.kb_id) if c.kb_id in rank else len(rank))
            kept.append((1, cs[0]))
        return kept

    def _template_rx(self, kb: KnowledgeBase) -> None:
        """Regexes for the words around a state or demonym in government-body templates
        ("{adj} Foreign Ministry", "Foreign Ministry of {state}"): anchored on KB hits, they are
        much cheaper than thousands of token patterns."""
        posts: dict[str, set[str]] = {"adj": set(), "state": set()}
        pres: set[str] = set()
        for t in kb.templates:
            for form in t.forms:
                m = re.fullmatch(r"(.*)\{(adj|state)\}(.*)", form)
                if not m:
                    continue
                pre, slot, post = m.groups()
                if pre and not post and slot == "state":
                    pres.add(pre)
                elif post and not pre:
                    posts[slot].add(post)

        def rx(forms: Iterable[str]) -> str:
            out = []
            for f in sorted(forms, key=len, reverse=True):
                e = re.escape(f).replace(r"\ ", r"\s+").replace("'", "['’]")
                out.append(e)
            return "|".join(out)

        self._post = {k: re.compile(r"(?i:" + rx(v) + r")(?![\w-])") for k, v in posts.items() if v}
        self._pre = re.compile(r"(?i:(?:the\s+)?(?:" + rx(pres) + r"))$") if pres else None

    def _templates(self, text: str, hits: list[Cand]) -> list[Cand]:
        out = []
        for h in hits:
            slot = "adj" if h.label == "NORP" else "state" if h.label == "STATE" else None
            if slot is None:
                continue
            spans = []
            m = self._post[slot].match(text, h.end) if slot in self._post else None
            if m:
                spans.append((h.start, m.end()))
            before = text[max(0, h.start - 60) : h.start]
            if (
                slot == "state"
                and self._pre is not None
                and before.rstrip().lower().endswith((" of", " of the"))
            ):
                m2 = self._pre.search(before)
                if m2:
                    spans.append((h.start - (len(before) - m2.start()), h.end))
            for a, b in spans:
                a, b = strip_span(text, a, b)
                if text[a : a + 4].lower() == "the ":
                    a += 4
                hits2 = self.kb.lookup(text[a:b])
                if hits2 and hits2[0].type == "ORG":
                    out.append(Cand(a, b, text[a:b], "ORG", "template", kb_id=hits2[0].kb_id))
        return out

    def _model(self, doc: Any, joined: _Piece, text: str, view: DocView) -> list[Cand]:
        """The model's entities as candidates: spans cleaned of titles, articles and possessives;
        bare titles, adjectives, religions and peoples dropped."""
        out = []
        for ent in doc.ents:
            label = MODEL_LABELS.get(ent.label_)
            ab = joined.to_doc(ent.start_char, ent.end_char)
            if label is None or ab is None:
                continue
            a, b = _whole_words(text, *strip_span(text, *ab))
            cleaned = _strip_leading(text, a, b, label)
            if cleaned is None:
                continue
            a, b, title, title_start = cleaned
            suffix = re.search(r"-(\w+)$", text[a:b])
            if suffix and suffix.group(1).lower() in AGENT_PARTICIPLES:  # "the Bernie Sanders-backed X"
                b -= len(suffix.group())
            if (when := _TRAILING_DATE.search(text, a, b)) is not None:
                b = when.start()
            surface = text[a:b]
            if label == "LOCATION" and _CAMEL.search(surface) and not self.kb.lookup(surface):
                label = "ORG"  # "GitHub", "UpGuard": a brand's inner capital, not a place's
            if label != "PERSON" and " " in surface and _speaker_tag(text, a, b):
                label = "PERSON"  # "((Dorsa Derakhshani)) I started playing ...": an interviewee
            if label != "PERSON" and (cut := self._place_then_person(surface)):
                a, surface, label = a + cut, surface[cut:], "PERSON"  # "Vermont Bernie Sanders"
            if label == "PERSON" and (cut := self._acronym_then_person(surface)):
                a, surface = a + cut, surface[cut:]  # "told [MSNBC] Cummings": the outlet, then the man
            if not self._is_name(surface, label):
                continue
            if (
                label != "PERSON"
                and (is_person_name(surface) or self.given.person_like(surface))
                and not self.kb.lookup(surface)
            ):
                label = "PERSON"
            if label == "PERSON" and " " not in surface:
                prev = view.before(a, 1)
                if prev and prev[0].text.lower() in PLACE_PREPOSITIONS:
                    label = "LOCATION"
            out.append(Cand(a, b, surface, label, "model", title=title, title_start=title_start))
        return out

    def _acronym_then_person(self, surface: str) -> int:
        """Where a person's name starts in a span that opens with an organisation's acronym ("[MSNBC]
        Cummings": 6; three capitals or more, or one the knowledge base knows), else 0."""
        first, _, rest = surface.partition(" ")
        caps = first.isalpha() and first.isupper() and len(first) >= 3
        known = caps or (is_acronym(first) and any(e.type == "ORG" for e in self.kb.lookup(first)[:1]))
        return len(first) + 1 if known and rest[:1].isupper() else 0

    def _place_then_person(self, surface: str) -> int:
        """Where a person's name starts in a span that opens with a known place ("[Senator from]
        Vermont Bernie Sanders": 8), else 0."""
        words = list(re.finditer(r"\S+", surface))
        for k in (1, 2):
            if len(words) - k < 2:
                break
            head, rest = surface[: words[k - 1].end()], surface[words[k].start() :]
            if not any(e.type in ("STATE", "LOCATION") for e in self.kb.lookup(head)):
                continue
            known = is_person_name(rest) and self.given.name_words(rest.split()[1:])
            if known or self.given.person_like(rest):
                return words[k].start()
        return 0

    def _is_name(self, surface: str, label: str) -> bool:
        """Not a bare title, a title with its country, an adjective, a religion or a people."""
        if len(surface) < 2 or not is_cap(surface) or surface.lower() in _MONTHS or surface.isdigit():
            return False
        words_l = surface.split()
        lower = [w for w in words_l if not is_cap(w)]
        if any(w.lower() not in _CONNECTORS and not _LOWER_NAME_PART.match(w) for w in lower):
            return False  # "Arab peace initiative", "Islamic organization": not a name
        if all(w.lower().rstrip(".") in TITLE_WORDS for w in words_l):
            return False  # a bare title ("Foreign Minister")
        if (
            words_l[-1].lower() in TITLE_HEADS
            and words_l[-1].lower() not in ORG_HEADS
            and not (label == "PERSON" and len(words_l) > 1 and words_l[0] in self.given.names)
        ):  # a title with its country or organisation ("Keshi Foreign Minister"), not "John Major"
            return False
        if _title_of(words_l):
            return False  # a title and what it serves ("Chancellor of Germany", "Secretary of State")
        parts = re.split(r"[-\s]+", surface)
        return not (
            surface in NON_ACTORS
            or words_l[-1] in NON_ACTORS
            or words_l[-1].endswith(_ADJECTIVE_ENDINGS)
            or self.kb.demonym(surface)
            or all(self.kb.demonym(x) for x in parts)
        )  # religions, peoples, adjectives ("Middle Eastern")

    def _known(self, view: DocView, chosen: list[Cand]) -> list[Cand]:
        """Occurrences of names already found (in headings, or missed by the model)."""
        forms: dict[str, Cand] = {}
        for c in chosen:
            if c.source == "alias":
                forms.setdefault(c.text, c)
            if c.kind != "name" or c.label == "NORP" or c.heading:
                continue
            forms.setdefault(c.text, c)
            if c.label == "PERSON":
                for short in person_short_forms(c.text):
                    forms.setdefault(short, c)
            elif c.label == "ORG" and c.source != "kb":
                for short in org_short_forms(c.text):
                    forms.setdefault(short, c)
        forms = {f: c for f, c in forms.items() if len(f) >= 3 and f.lower() not in SENTENCE_WORDS}
        if not forms:
            return []
        text = view.text
        taken = bytearray(len(text) + 1)  # characters already covered: one lookup per match
        for c in chosen:
            taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        out: list[Cand] = []
        known = lexicons.Literals(forms)
        for p in view.paragraphs:
            for a, b in known.spans(text, p.start, p.end):
                if taken.find(1, a, b) >= 0:
                    continue
                found = text[a:b]
                src = forms[found]
                heading = view.is_heading(a)
                c = Cand(
                    a,
                    b,
                    found,
                    src.label,
                    "known",
                    kb_id=src.kb_id if found == src.text else None,
                    kind="name",
                    heading=heading,
                )
                c.meta["known_from"] = src.start
                out.append(c)
                taken[a:b] = b"\x01" * (b - a)
        return out


def _title_of(words: list[str]) -> bool:
    """ "Chancellor of Germany", "Deputy Secretary of State": title words before "of"."""
    if "of" not in words:
        return False
    head = [w.lower().rstrip(".") for w in words[: words.index("of")]]
    return (
        bool(head)
        and head[-1] in TITLE_HEADS
        and head[-1] not in ORG_HEADS
        and all(w in TITLE_HEADS or w in TITLE_MODIFIERS for w in head)
    )


def _proper_nouns(parses: list[tuple[int, Any]]) -> set[int]:
    """Document offsets of the words the tagger calls proper nouns."""
    return {offset + t.idx for offset, t in select(parses, pos=("PROPN",))}


#: a lower-case syllable joined to a person's name by a hyphen ("Kim Jong-*un*", "Moon Jae-*in*")
_SYLLABLE = re.compile(r"-([a-z]{1,4})\b(?!-)")
_NOT_SYLLABLES = lexicons.words("actors.name_hyphen_words")


def _syllable_suffixes(text: str, cands: list[Cand]) -> list[Cand]:
    """People's names cut before a hyphenated syllable of a Korean or Chinese given name
    ("Kim Jong" + "-un"), not before a participle ("the Kim-led government")."""
    for c in cands:
        m = _SYLLABLE.match(text, c.end) if c.label == "PERSON" and c.kind == "name" else None
        if m and m.group(1) not in AGENT_PARTICIPLES and m.group(1) not in _NOT_SYLLABLES:
            c.end, c.text = m.end(), text[c.start : m.end()]
    return cands


def _whole_words(text: str, a: int, b: int) -> tuple[int, int]:
    """Extend a span over hyphenated parts the model cut off ("Ostrava" + "-Nor") and drop a
    trailing possessive."""
    while b < len(text) - 1 and text[b] == "-" and text[b + 1].isupper():
        m2 = re.match(r"-[\w’']+", text[b:])
        b += m2.end() if m2 else 1
    while a > 1 and text[a - 1] == "-" and text[a - 2].isalpha():
        m3 = re.search(r"[\w’']+-$", text[max(0, a - 40) : a])
        a = a - (len(text[max(0, a - 40) : a]) - m3.start()) if m3 else a - 1
    return a, strip_possessive(text, a, b)


def _strip_leading(text: str, a: int, b: int, label: str) -> tuple[int, int, str | None, int | None] | None:
    """Leading articles, sentence words and (for people) titles are not part of the name: the
    span without them, the title and where it starts (None when nothing is left)."""
    words = list(re.finditer(r"\S+", text[a:b]))
    titles: list[str] = []
    while len(words) > 1 or (words and words[0].group().lower() in OPENING_WORDS):
        w = words[0].group().lower().rstrip(".")
        if w in OPENING_WORDS:
            words = words[1:]
        elif label == "PERSON" and w in TITLE_WORDS:
            titles.append(words[0].group())
            words = words[1:]
        else:
            break
    while len(words) > 1 and words[-1].group().lower().strip("\"'“”‘’") in FUNCTION_WORDS | {""}:
        words = words[:-1]  # "Kesh of", "Supreme Leader of": the model ran into the next phrase
    if not words:
        return None
    title = " ".join(titles) or None
    title_start = a + text[a:b].index(titles[0]) if titles else None
    a, b = strip_span(text, a + words[0].start(), a + words[-1].end())
    return a, b, title, title_start


class _Piece:
    """A parsed piece of the body: offsets in its Doc mapped to the document."""

    def __init__(self, offset: int, length: int) -> None:
        self.offset, self.length = offset, length

    def to_doc(self, a: int, b: int) -> tuple[int, int] | None:
        """Document offsets of the piece's ``[a, b)``; None if empty."""
        end = min(b, self.length)
        return (a + self.offset, end + self.offset) if end > a else None
