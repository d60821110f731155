"""Shared English vocabulary (``data/lexicon/english.yaml``): calendar words and the grammar words
that several stages read (loaded once through :mod:`newsgraph.text.lexicons`), and the stems of an
inflected verb form."""

from __future__ import annotations

from newsgraph.text import lexicons

#: month names in calendar order, as written ("January")
MONTH_NAMES: tuple[str, ...] = lexicons.phrases("english.months")
#: abbreviation (lower case) -> month name ("sept" -> "September"), in pattern order
MONTH_ABBREVIATIONS: dict[str, str] = {
    k.lower(): v for k, v in lexicons.table("english.month_abbreviations").items()
}
#: weekday names, Monday first ("Monday")
WEEKDAY_NAMES: tuple[str, ...] = lexicons.phrases("english.weekdays")

#: lower-case month name or abbreviation -> month number (1-12)
MONTHS: dict[str, int] = {m.lower(): i for i, m in enumerate(MONTH_NAMES, 1)}
MONTHS.update({a: MONTHS[m.lower()] for a, m in MONTH_ABBREVIATIONS.items()})
#: lower-case weekday names, Monday first
WEEKDAYS: tuple[str, ...] = tuple(w.lower() for w in WEEKDAY_NAMES)
#: lower-case full month and weekday names
MONTHS_AND_WEEKDAYS = frozenset(m.lower() for m in MONTH_NAMES) | frozenset(WEEKDAYS)
#: day parts and periods ("morning", "week")
PERIOD_NOUNS = lexicons.words("english.period_nouns")
#: "today", "yesterday"
RELATIVE_DAYS = lexicons.words("english.relative_days")

# ---- grammar words ------------------------------------------------------------------------------
PRONOUNS_PERSON = lexicons.words("english.pronouns_person")
PRONOUNS_GROUP = lexicons.words("english.pronouns_group")
#: subject pronouns
PRONOUNS = PRONOUNS_PERSON | PRONOUNS_GROUP | lexicons.words("english.pronouns_first_second")
REFLEXIVES = lexicons.words("english.reflexives")
#: possessive pronoun -> the subject pronoun it stands for ("its" -> "it")
POSSESSIVE_PRONOUNS: dict[str, str] = lexicons.table("english.possessive_pronouns")
DEFINITE = lexicons.words("english.definite_determiners")
DETERMINERS = DEFINITE | lexicons.words("english.determiners")
PREPOSITIONS = lexicons.words("english.prepositions")
BE_FORMS = lexicons.words("english.be_forms")


def verb_stems(form: str) -> list[str]:
    """The lemmas an inflected English verb form may have ("floated" -> float, "commuted" ->
    commute, "stopped" -> stop, "carried" -> carry, "rallies" -> rally), most likely first."""
    out: list[str] = []
    for end in ("ing", "ed", "es", "s"):
        if form.endswith(end) and len(form) > len(end) + 2:
            stem = form[: -len(end)]
            if end in ("ed", "es") and stem.endswith("i"):
                out.append(stem[:-1] + "y")
            out += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])
            break
    return out
