"""The one heading test every stage uses: is a line a title or section heading, not a sentence?

A heading is one line of at most 220 characters and 25 words that is either in capitals ("GAZA
PORT") or has no final sentence punctuation and mostly capitalised content words ("Unity of the
Resistance", "Rejoining PLO"). The document's title line (``first=True``) is a heading whatever its
capitalisation, unless it ends like a sentence. The function words that do not count are
``function_words`` of data/lexicon/english.yaml.

Stages treat headings apart: the actors stage gives them knowledge-base and known names only (the
model tags every capitalised word there), the quote finder reads headline quotes ("Speaker: “…”")
instead of attributed speech, and the event coder skips them (a headline repeats the story).
"""

from __future__ import annotations

from newsgraph.text import lexicons
from newsgraph.text.tokens import words

#: words that do not count as content words in a heading ("of", "the", "and")
FUNCTION_WORDS = lexicons.words("english.function_words")
MAX_CHARS = 220
MAX_WORDS = 25
#: share of capital letters that makes a line a capitals heading
CAPS_SHARE = 0.8
#: share of capitalised content words that makes a line a title-case heading
TITLE_SHARE = 0.75


def is_heading(line: str, *, first: bool = False) -> bool:
    """True for a title or section heading (see the module docstring); ``first``: the line is
    the document's title line."""
    s = line.strip()
    if not s or "\n" in s or len(s) > MAX_CHARS:
        return False
    ws = words(s)
    if not ws or len(ws) > MAX_WORDS:
        return False
    letters = [c for c in s if c.isalpha()]
    if len(letters) >= 2 and sum(c.isupper() for c in letters) >= CAPS_SHARE * len(letters):
        return True
    if s.rstrip("”\"’' ").endswith((".", ":", ",")) and not s.endswith("..."):
        return False
    if first:
        return True
    content = [w for w in ws if (len(w) > 3 or w.isupper()) and w.lower() not in FUNCTION_WORDS]
    return len(content) >= 2 and sum(w[0].isupper() for w in content) >= TITLE_SHARE * len(content)
