"""Cleaning stage: separate an article's body from boilerplate by character offsets only.

The text is never changed. :func:`find_boilerplate` returns sorted, non-overlapping
:class:`~newsgraph.models.ExcludedSpan` objects (each with a ``kind``) and
:func:`body_spans` returns the complement, paragraph by paragraph.

Method (one linear pass over the non-blank lines plus a few linear sweeps):

1. **Line patterns**: each line is matched against patterns for captions, bylines,
   source lines, donation/subscription/book promos, share bars, comment counters,
   comment-section headings, "Comments are closed", reply counters and page chrome.
2. **Comment sections**: a comment heading or counter that follows real body text (late in
   the text, or after an end marker) opens a section: every later line is a reader comment
   until a clearly non-comment block ("Comments are closed.", a share bar, a promo, chrome).
3. **Related-links blocks**: title-like lines right after a "Related articles" heading.
4. **Tail**: after the last long body line, once an end marker (source line, donation
   notice, share bar, comment counter, ...) has been seen, every remaining short line
   is boilerplate (book promos, related links).
5. **Related headlines vs. section headings**: every other short, title-like line gets a
   score (:func:`_related_score`, exclusion at >= 3). Evidence for a linked headline: a spaced
   dash or bar joining two parts (``‘Quote’ – Headline``, ``Headline – Source``), a leading
   quotation followed by more text, a question mark inside the line, counters ("Day 174"),
   a trailing tag like "(PC TV)", news-headline verbs ("says", "warns"), Title Case over
   many words, words found nowhere else in the article, a following paragraph that
   continues the previous one ("He said ...", an opening quote), another headline-like line
   next to it, and no shared rare words with the next body paragraphs. Evidence for a
   section heading: its rare words recur in the next paragraphs, it is short, it precedes
   the first body paragraph, it is one of several question lines (an interview).

The title stays in the body: the first line (unless ``title`` is given and differs) and any
line equal to ``title``. All sweeps are linear in the number of lines; patterns are run
behind cheap substring triggers, so the cost is a fraction of a millisecond per KB.
"""

from __future__ import annotations

import re

from newsgraph.ingest import datelines
from newsgraph.models import ExcludedSpan, Span
from newsgraph.text import lexicons
from newsgraph.text.util import lines, paragraphs

#: every kind an excluded span can have
KINDS = (
    "caption", "byline", "related_headline", "donation", "source_line", "share_bar",
    "comment_count", "comments", "comments_closed", "reply_counter", "dateline", "other",
)

_I = re.IGNORECASE

# ---------------------------------------------------------------- line patterns
# the words and patterns are data: data/lexicon/boilerplate.yaml (see its header)


def _w(name: str) -> str:
    """The alternatives of list ``boilerplate.<name>`` (one regular-expression source)."""
    return lexicons.pattern(f"boilerplate.{name}")


def _triggers(name: str) -> tuple[str, ...]:
    return lexicons.phrases(f"boilerplate.{name}")


_CAPTION = [  # (cheap lower-case triggers, one of which must occur; pattern)
    # "(Photo: video grab)", "(File photo)", "(AP Photo/...)", "(Image via X)"
    (_triggers("caption_photo_triggers"),
     re.compile(rf"\((?:[^()]{{0,40}}\b)?(?:{_w('caption_photo_words')})\b[^()]{{0,120}}\)", _I)),
    # a line starting with a caption label
    (("",), re.compile(rf"^(?:{_w('caption_labels')})\s*(?:[:|/]|[-–—]\s)", _I)),
    # photo credits
    (_triggers("photo_credit_triggers"), re.compile(_w("photo_credits"))),
    # a credit in brackets at the end: "[Mohammed Salem/Reuters]", "[File: X/AFP]"
    (_triggers("bracket_credit_triggers"), re.compile(
        rf"\s\[(?:[^\]\n]{{0,60}}/[^\]\n]{{1,60}}|[^\]\n]{{0,60}}\b(?:{_w('bracket_credit_words')})\b"
        r"[^\]\n]{0,40})\]\s*$", _I)),
]
# positional markers typical of captions: "(right)", "(centre)", "(from right to left)", "(2nd L)";
# also political labels ("(centre)"), so only on short single-sentence lines without quotations
_POSITION = re.compile(_w("position_markers"), _I)
# a credit in parentheses closing a caption that has no final period: "... (social media)"
_CREDIT_TAIL = re.compile(
    rf"\((?:source:[^()]{{1,80}}|[^()]{{0,40}}\b(?:{_w('credit_tail_words')})\b[^()]{{0,40}})\)\s*$", _I)
_BYLINE = re.compile(
    rf"^(?:[-–—*]\s*)?(?:{_w('byline_openers')})\s+(?P<names>[A-Z\u00C0-\u024F][^\n]{{0,100}})$", _I)
_BYLINE_ALT = re.compile(_w("byline_lines"), _I)
_BYLINE_WORDS = lexicons.words("boilerplate.byline_words")
_LENIENT_BYLINES = _triggers("lenient_bylines")
_NAME_SUFFIXES = _triggers("name_suffixes")
_SOURCE = [
    # "(PC, RT)", "(Agencies)", "(AFP)", "(With agencies)"
    re.compile(rf"^\(\s*(?:{_w('source_with')})?[A-Za-z][\w.&'’/-]*(?:\s+[A-Za-z][\w.&'’/-]*)"
               r"{0,3}(?:\s*[,/&;]\s*[A-Za-z][\w.&'’/-]*(?:\s+[A-Za-z][\w.&'’/-]*){0,3}){0,5}\s*\)$"),
    re.compile(rf"^(?:(?:{_w('source_labels')})\s*:|(?:{_w('source_notes')})\b)", _I),
    re.compile(rf"^[-–—]?\s*(?:{_w('agency_lines')})\s*$"),
]
# "... Naim said. (PC, RT)": a source tag closing a body line
_TRAIL_SOURCE = re.compile(rf"(?<=[.!?\"”’])\s+(\((?:{_w('trailing_sources')})"
                           rf"(?:\s*[,/]\s*(?:{_w('trailing_sources')}))*\))\s*$")
_DONATION = re.compile(_w("donation"), _I)
_DONATION_TRIGGERS = _triggers("donation_triggers")
_SOCIAL = lexicons.words("boilerplate.social_words")
_NETWORKS = lexicons.words("boilerplate.network_names")
_SHARE = re.compile(rf"^(?:{_w('share_bar')})", _I)
_COUNT = re.compile(_w("comment_count"), _I)
_COMMENTS_HEAD = re.compile(rf"^(?:{_w('comments_heading')})\s*[:.]?$", _I)
_CLOSED = re.compile(rf"^(?:{_w('comments_closed')})\b.{{0,80}}$", _I)
_REPLY = re.compile(rf"^(?:{_w('reply_counter')})\s*$", _I)
_RELATED_HEAD = re.compile(rf"^(?:{_w('related_heading')})\s*[:|►▶»→]?\s*$", _I)
_RELATED_PREFIX = re.compile(rf"^[►▶»•▸→]?\s*(?:{_w('related_prefix')})\s*(?:[:|]|[-–—]\s)\s*\S", _I)
_OTHER = re.compile(rf"^(?:{_w('page_chrome')})\s*[:.]?$", _I)
_ALL_RIGHTS = re.compile(rf"\b{_w('all_rights')}\b", _I)

# ---------------------------------------------------------------- line shape
_TERMINAL = re.compile(r"[.!,;:]$")
_SENT_INSIDE = re.compile(r"[a-z]{3}[.!?][\"”’]?\s+[\"“‘]?[A-Z]")  # two sentences on one line
_NEWS_VERB = re.compile(rf"\b(?:{_w('headline_verbs')})\b", _I)
_CLOSERS = "\"'”’)]»"
_HEAD_START = re.compile(r"^[\"'“‘«(\[]*[A-Z0-9\u00C0-\u024F\u0400-\u04FF]")
_DASH_SEP = re.compile(r"\s[–—-]\s|\s\|\s")
_LEAD_QUOTE = re.compile(r"^[‘“\"'«][^’”\"'»]{2,80}[’”\"'»]\??\s*(?:[–—:|-]\s*)?\w")
_COUNTER = re.compile(rf"\b(?:{_w('counter_words')})\s*\d+\b|#\d+")
_TAG_TAIL = re.compile(rf"\((?:[A-Z][A-Za-z]*\s?){{1,3}}\)$|\((?i:{_w('tag_words')})\)$")
_CONTINUES = re.compile(rf"^(?:[a-z]|[“‘\"«]|(?:{_w('continuation_words')})\b)")
_STOP = lexicons.words("boilerplate.stop_words")

#: kinds after which the article has ended (when no long body line follows)
_END_KINDS = frozenset({"source_line", "donation", "share_bar", "comment_count", "comments",
                        "comments_closed", "reply_counter", "other", "related_head"})
#: kinds that end a reader-comment section
_COMMENT_STOP = frozenset({"comments_closed", "share_bar", "donation", "other", "related_head"})


def _title_like(s: str) -> bool:
    """A short line shaped like a headline: no final sentence punctuation, capital start."""
    if len(s) > 220 or not _HEAD_START.match(s):
        return False
    core = s.rstrip(_CLOSERS + " ")
    if not core or _TERMINAL.search(core) or _SENT_INSIDE.search(s):
        return False
    n = len(s.split())
    if n >= 8 and s[0] in "“\"" and s[-1] in "”\"":
        return False  # a quoted sentence, not a headline
    return 1 <= n <= 25


def _long_body(s: str) -> bool:
    """A line that reads as running text: long, or a full sentence of some length."""
    n = len(s.split())
    return n >= 25 or (n >= 8 and s.rstrip(_CLOSERS + " ")[-1:] in ".!?…")


def _byline(s: str) -> bool:
    if _BYLINE_ALT.match(s):
        return True
    m = _BYLINE.match(s)
    if not m or s.rstrip().endswith(".") and not s.rstrip().endswith(_NAME_SUFFIXES):
        return False
    toks = re.findall(r"[\w.'’-]+|[&|,–—-]", m.group("names"))
    if not toks or len(toks) > 16:
        return False
    lenient = s.lower().startswith(_LENIENT_BYLINES)
    return lenient or all(t[0].isupper() or t.lower() in _BYLINE_WORDS or t[0].isdigit() for t in toks)


def _share_bar(s: str) -> bool:
    if len(s) > 200:
        return False
    if _SHARE.match(s) and len(s.split()) <= 12:
        return True
    toks = [t.lower() for t in re.findall(r"[\w+-]+", s)]
    if not toks or len(toks) > 14:
        return False
    nets = sum(t in _NETWORKS for t in toks)
    return all(t in _SOCIAL or t.isdigit() for t in toks) and (nets >= 2 or len(toks) <= 2 and nets >= 1)


def _classify(s: str) -> str | None:
    """Kind of a whole line by its own patterns, or None. ``related_head`` = a related-links heading."""
    n_words = max(len(s.split()), len(s) // 30)  # a long line without spaces is no short line
    if n_words <= 15:
        if datelines.is_date_line(s):
            return "dateline"
        if _CLOSED.match(s):
            return "comments_closed"
        if _COUNT.match(s):
            return "comment_count"
        if _COMMENTS_HEAD.match(s):
            return "comments"
        if _REPLY.match(s):
            return "reply_counter"
        if _share_bar(s):
            return "share_bar"
        if _RELATED_HEAD.match(s):
            return "related_head"
        if _OTHER.match(s):
            return "other"
        if _byline(s):
            return "byline"
    low = s.lower()
    if n_words <= 90:
        for triggers, pat in _CAPTION:
            if any(t in low for t in triggers) and pat.search(s):
                return "caption"
        if s.endswith(")") and _CREDIT_TAIL.search(s) and not s.rstrip().endswith("."):
            return "caption"
        if (n_words <= 50 and "(" in s and _POSITION.search(s) and not _SENT_INSIDE.search(s)
                and not any(q in s for q in "“”\"")):
            return "caption"
    if n_words <= 60 and any(t in low for t in _DONATION_TRIGGERS) and _DONATION.search(s):
        return "donation"
    if n_words <= 40:
        for pat in _SOURCE:
            if pat.match(s):
                return "source_line"
        if _RELATED_PREFIX.match(s) and _title_like(s.split(":", 1)[-1].strip() or "x."):
            return "related_headline"
        if _ALL_RIGHTS.search(s):
            return "other"
    return None


_STEM = re.compile(rf"(?<=\w{{4}})(?:{_w('stem_suffixes')})\b")
_TOKEN = re.compile(r"[a-z\u00C0-\u024F\u0400-\u04FF][a-z0-9\u00C0-\u024F\u0400-\u04FF]{2,}")


def _keys(s: str) -> set[str]:
    """Content-word keys of a line: lower-cased, light suffix stemming, stop words dropped."""
    return set(_TOKEN.findall(_STEM.sub("", s.lower()))) - _STOP


def _related_score(i: int, strs: list[str], kinds: list[str | None], keys: list[set[str]],
                   df: dict[str, int], nxt_body: list[int], first_body: int, n_questions: int,
                   why: list[str] | None = None) -> int:
    """Evidence that title-like line ``i`` is a linked article's headline (>= 3), not a section heading.

    ``why``, when given, receives the names of the features that fired (for debugging).
    """
    s = strs[i]
    n = len(strs)
    nw = len(s.split())
    caps = [w for w in s.split() if len(w) >= 4 and w[0].isalpha()]
    feats = {
        "dash": 2 * bool(_DASH_SEP.search(s)),
        "lead_quote": int(bool(_LEAD_QUOTE.match(s))),
        "inner_question": int("?" in s.rstrip(_CLOSERS + " ")[:-1]),
        "qa_question": -int(s.rstrip(_CLOSERS + " ").endswith("?") and n_questions >= 2),
        "counter": int(bool(_COUNTER.search(s))),
        "tag": int(bool(_TAG_TAIL.search(s))),
        "news_verb": int(bool(_NEWS_VERB.search(s))),
        "length": 1 if nw >= 9 else (-1 if nw <= 4 else 0),
        "title_case": int(nw >= 6 and len(caps) >= 3
                          and sum(w[0].isupper() for w in caps) >= 0.8 * len(caps)),
        "before_body": -2 * (i < first_body),  # standfirst / dek before the first paragraph
        # a run of headline-like lines
        "run": int(i + 1 < n and kinds[i + 1] is None and _title_like(strs[i + 1]))
        + int(i > 0 and kinds[i - 1] == "related_headline"),
    }
    novel = sum(df[k] == 1 for k in keys[i])
    # words that occur nowhere else in the article point to another article
    n_keys = len(keys[i])
    feats["novel"] = 1 if novel >= 3 and novel >= 0.6 * n_keys else (-1 if novel <= 0.2 * n_keys else 0)
    j = nxt_body[i]
    if j < 0:
        feats["no_body_after"] = 1
    else:
        # the next paragraph continues the story ("He said ...", an opening quote): this line interrupts it
        feats["continues"] = int(j == i + 1 and bool(_CONTINUES.match(strs[j])))
        # shared rare words with the following paragraphs (a heading announces its content)
        j2 = nxt_body[j]
        ov = 0.0
        for k in keys[i]:
            if k in keys[j]:
                ov += min(1.0, 3.0 / df[k])
            elif j2 >= 0 and k in keys[j2]:
                ov += min(0.5, 1.5 / df[k])
        feats["overlap"] = -2 if ov >= 1.0 else (-1 if ov >= 0.5 else (1 if ov == 0 else 0))
    if why is not None:
        why.extend(f"{k}{v:+d}" for k, v in feats.items() if v)
    return sum(feats.values())


def find_boilerplate(text: str, title: str | None = None) -> list[ExcludedSpan]:
    """Boilerplate spans of ``text`` (sorted, non-overlapping), each with a kind from :data:`KINDS`.

    ``title``, when given and different from the first line, means the first line is not
    the title and gets no protection; otherwise the first line always stays in the body.
    """
    ls = lines(text)
    if not ls:
        return []
    strs = [text[a:b] for a, b in ls]
    kinds: list[str | None] = [_classify(s) for s in strs]
    # the title stays: the first line (unless another title is given) and any line equal to the title
    norm_title = " ".join(title.split()) if title else None
    protected = [norm_title is not None and " ".join(s.split()) == norm_title for s in strs]
    protected[0] = protected[0] or norm_title is None
    protected = [p and kinds[i] != "dateline" for i, p in enumerate(protected)]  # a date is no title
    for i, p in enumerate(protected):
        if p:
            kinds[i] = None
    _comment_sections(text, ls, strs, kinds, protected)
    _related_blocks(strs, kinds, protected)
    first_body = _tail(text, ls, strs, kinds, protected)
    _interleaved_headlines(strs, kinds, protected, first_body)
    return _excluded(ls, strs, kinds, protected, first_body)


def _comment_sections(
    text: str, ls: list[Span], strs: list[str], kinds: list[str | None], protected: list[bool]
) -> None:
    """A comment heading or counter after real body text, late in the text or after an end marker
    (share bar, source line, ...), opens a section: the lines after it are reader comments."""
    n = len(strs)
    body_chars = 0
    marker = False
    i = 0
    while i < n:
        k = kinds[i]
        if k is None and _long_body(strs[i]):
            body_chars += len(strs[i])
        if (k in ("comments", "comment_count") and body_chars >= 300
                and (marker or ls[i].start >= 0.5 * len(text))):
            j = i + 1
            while j < n and kinds[j] not in _COMMENT_STOP:
                if kinds[j] not in ("reply_counter", "comment_count") and not protected[j]:
                    kinds[j] = "comments"
                j += 1
            i = j
            continue
        marker = marker or k in _END_KINDS
        i += 1


def _related_blocks(strs: list[str], kinds: list[str | None], protected: list[bool]) -> None:
    """The title-like lines after a "Related articles" heading are linked headlines."""
    for i in range(len(strs)):
        if kinds[i] == "related_head":
            j = i + 1
            while j < len(strs) and kinds[j] is None and not protected[j] and _title_like(strs[j]):
                kinds[j] = "related_headline"
                j += 1


def _tail(text: str, ls: list[Span], strs: list[str], kinds: list[str | None], protected: list[bool]) -> int:
    """Short lines after the last long body line and after an end marker are boilerplate (a promo
    attached to a donation notice stays a donation). Returns the first long body line."""
    n = len(strs)
    blank_before = [i > 0 and text.count("\n", ls[i - 1].end, ls[i].start) > 1 for i in range(n)]
    last_body = -1
    first_body = n
    for i in range(n):
        if kinds[i] is None and _long_body(strs[i]):
            last_body = i
            first_body = min(first_body, i)
    marker = False
    for i in range(last_body + 1, n):
        if kinds[i] in _END_KINDS:
            marker = True
        elif kinds[i] is None and marker and not protected[i]:
            if kinds[i - 1] == "donation" and not blank_before[i]:
                kinds[i] = "donation"  # promo attached to a donation notice (e.g. a book)
            else:
                kinds[i] = "related_headline" if _title_like(strs[i]) else "other"
    return first_body


def _interleaved_headlines(
    strs: list[str], kinds: list[str | None], protected: list[bool], first_body: int
) -> None:
    """Title-like lines among the body that score as a linked article's headline (see
    :func:`_related_score`) rather than a section heading."""
    n = len(strs)
    cands = [i for i in range(n) if kinds[i] is None and not protected[i] and _title_like(strs[i])]
    if not cands:
        return
    keys = [_keys(s) for s in strs]
    df: dict[str, int] = {}
    for ks in keys:
        for k in ks:
            df[k] = df.get(k, 0) + 1
    nxt_body = [-1] * n
    nb = -1
    for i in range(n - 1, -1, -1):
        nxt_body[i] = nb
        if kinds[i] is None and not _title_like(strs[i]):
            nb = i
    n_q = sum(strs[i].rstrip(_CLOSERS + " ").endswith("?") for i in cands)
    for i in cands:
        if _related_score(i, strs, kinds, keys, df, nxt_body, first_body, n_q) >= 3:
            kinds[i] = "related_headline"


def _excluded(
    ls: list[Span], strs: list[str], kinds: list[str | None], protected: list[bool], first_body: int
) -> list[ExcludedSpan]:
    """The excluded spans of classified lines (neighbouring comment lines merged), plus a dateline
    that opens the lead ("MOSCOW, Sept. 18 (Reuters) -") and source tags that close a body line."""
    out: list[ExcludedSpan] = []
    for i, (a, b) in enumerate(ls):
        k = kinds[i]
        n = datelines.opening(strs[i]) if k is None and i <= first_body and not protected[i] else 0
        if n:
            out.append(ExcludedSpan(a, a + len(strs[i][:n].rstrip()), "dateline"))
        if k is None:
            m = _TRAIL_SOURCE.search(strs[i])
            if m and not protected[i]:
                out.append(ExcludedSpan(a + m.start(1), a + m.end(1), "source_line"))
            continue
        if k == "related_head":
            k = "related_headline"
        if out and out[-1].kind == k == "comments":
            out[-1] = ExcludedSpan(out[-1].start, b, k)
        else:
            out.append(ExcludedSpan(a, b, k))
    return out


def body_spans(text: str, excluded: list[ExcludedSpan]) -> list[Span]:
    """The body: every paragraph, or part of one, not covered by an excluded span, trimmed."""
    ex = sorted(excluded)
    out: list[Span] = []
    j = 0

    def add(a: int, b: int) -> None:
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        if b - trail > a + lead:
            out.append(Span(a + lead, b - trail))

    for p in paragraphs(text):
        while j < len(ex) and ex[j].end <= p.start:
            j += 1
        pos = p.start
        k = j
        while k < len(ex) and ex[k].start < p.end:
            if ex[k].start > pos:
                add(pos, ex[k].start)
            pos = max(pos, ex[k].end)
            k += 1
        if pos < p.end:
            add(pos, p.end)
    return out


def clean(text: str, title: str | None = None) -> tuple[list[Span], list[ExcludedSpan]]:
    """Convenience: ``(body_spans, excluded_spans)`` for ``text``."""
    excluded = find_boilerplate(text, title)
    return body_spans(text, excluded), excluded
