"""Shared English vocabulary (``data/lexicon/english.yaml``): calendar words and the grammar words
that several stages read. Loaded once through :mod:`newsgraph.text.lexicons`."""

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
