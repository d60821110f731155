"""Screening a decoded text before analysis: junk and text that is not English are refused with a reason.

* **junk** (NG019): a text of at least :data:`MIN_CHARS` visible characters of which less than
  :data:`MIN_LETTER_SHARE` are letters (digits, punctuation, emoji, zero-width or control
  characters, combining marks piled on a few letters), or with control characters other than
  tabs and line breaks in more than 1 % of its characters (binary data read as text);
* **not English** (NG009): mostly letters of another script (Chinese, Cyrillic, Arabic...), or a
  text that py3langid confidently places in another language. The judgement is made over the whole
  text: up to :data:`SAMPLES` windows spread evenly over it, never just its beginning.

Files that are binary before decoding (NUL bytes, undecodable bytes) are refused by the reader
(NG003, NG004).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from newsgraph.errors import InputError
from newsgraph.ingest.records import error
from newsgraph.models import Document
from newsgraph.text import lexicons

#: texts with fewer visible characters are not judged as junk (a headline, a test record)
MIN_CHARS = 40
#: the share of letters among the visible characters of a text (news prose has about 80 %)
MIN_LETTER_SHARE = 0.5
#: windows of :data:`WINDOW` characters the language is judged on, spread over the whole text
SAMPLES = 12
WINDOW = 1_500

_LANG_NAMES: dict[str, str] = lexicons.table("english.language_names")
# frequent English function words that other common languages rarely use
_EN_WORDS = lexicons.words("english.english_markers")
_VISIBLE = re.compile(r"\S")
_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def samples(text: str, n: int = SAMPLES, size: int = WINDOW) -> str:
    """Up to ``n`` windows of ``size`` characters spread evenly over ``text``, joined."""
    if len(text) <= n * size:
        return text
    step = (len(text) - size) / (n - 1)
    return "\n".join(text[int(i * step) : int(i * step) + size] for i in range(n))


def junk_reason(text: str) -> str | None:
    """Why ``text`` is not news text (see the module docs), or None."""
    visible = len(_VISIBLE.findall(text))
    if visible == 0:
        return "it has no visible characters"
    if visible < MIN_CHARS:
        return None
    controls = len(_CONTROL.findall(text))
    if controls > 0.01 * len(text):
        return f"{controls:,} control characters: binary data read as text"
    share = len(_LETTER.findall(text)) / visible
    if share < MIN_LETTER_SHARE:
        return f"only {share:.0%} of its visible characters are letters; news text has most"
    return None


@functools.lru_cache(maxsize=1)
def _language_identifier() -> Any:
    """py3langid's bundled model with normalised probabilities, loaded once on first use."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float] | None:
    """``(lang, prob)`` for a confidently non-English text, ``("en", prob)`` otherwise;
    None when the text is too short (< 20 words, < 20 letters) to judge. Judged over the whole
    text (:func:`samples`)."""
    sample = samples(text)
    letters = _LETTER.findall(sample)
    if len(letters) >= 20 and sum(1 for _ in _LATIN.finditer(sample)) < 0.5 * len(letters):
        lang, prob = _language_identifier().classify(sample)  # another script: name its language
        return (lang if lang != "en" else "und"), float(prob)
    words = re.findall(r"\w+", sample.lower())
    if len(words) < 20:
        return None
    english_share = sum(w in _EN_WORDS for w in words) / len(words)
    if english_share >= 0.08:  # plainly English: never refused, so the classifier is not needed
        return "en", 1.0
    lang, prob = _language_identifier().classify(sample)
    if lang != "en" and prob > 0.9:
        return lang, float(prob)
    return "en", float(prob)


def screen(doc: Document, source: str) -> Document | InputError:
    """``doc`` with ``lang="en"``, or the reason it is refused (NG019 junk, NG009 not English)."""
    reason = junk_reason(doc.text)
    if reason is not None:
        return error(source, "NG019", reason=reason)
    found = detect_language(doc.text)
    if found is not None and found[0] != "en":
        name = f"{found[0]} ({_LANG_NAMES[found[0]]})" if found[0] in _LANG_NAMES else found[0]
        return error(source, "NG009", lang=name, conf=found[1])
    doc.lang = "en"
    return doc
