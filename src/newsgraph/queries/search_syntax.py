"""The search box's syntax, parsed once and written for each full-text engine.

    ceasefire talks        both words (AND is implied; ``AND`` may be written)
    "peace talks"          the phrase
    Hamas OR Fatah         either word
    ceasefire NOT Gaza     the first without the second (also: ``ceasefire -Gaza``)
    negotiat*              a prefix: negotiate, negotiation, negotiators ...
    (Hamas OR Fatah) talks parentheses group

Operators are upper case (a lower-case ``or`` is a word). The parser accepts exactly this
grammar and turns anything else (an unclosed quotation mark or parenthesis, an operator with
nothing on one side, a query of exclusions only) into :class:`~newsgraph.errors.BadRequest`
with a message that says what to change. Every word reaches the engine quoted (SQLite FTS5) or
reduced to letters and digits (PostgreSQL ``to_tsquery``), so no user text is ever read as the
engine's own syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsgraph.errors import BadRequest

HELP = (
    'words: all must occur · "exact phrase" · either OR other · word NOT other (or -other) · '
    "prefix* · (groups) · operators in capitals"
)
_TOKEN = re.compile(r'\s*(?:(?P<quote>"[^"]*"?\*?)|(?P<paren>[()])|(?P<word>[^\s()"]+))')


@dataclass
class Term:
    """A word or a phrase (``words`` > 1), optionally a prefix."""

    words: list[str]
    prefix: bool = False


@dataclass
class All:
    """Items that must all match (``keep``) and ones that must not (``drop``)."""

    keep: list[Node] = field(default_factory=list)
    drop: list[Node] = field(default_factory=list)


@dataclass
class Any_:
    """Alternatives (OR)."""

    options: list[Node]


Node = Term | All | Any_


def _bad(message: str) -> BadRequest:
    return BadRequest(f"cannot search for that: {message}. Syntax: {HELP}")


def _tokens(q: str) -> list[str]:
    out, pos = [], 0
    while pos < len(q):
        m = _TOKEN.match(q, pos)
        if m is None or m.end() == pos:  # only trailing blanks are left
            break
        out.append(m.group(m.lastgroup or "word"))
        pos = m.end()
    return out


class _Parser:
    def __init__(self, q: str) -> None:
        self.toks = _tokens(q)
        self.i = 0

    def peek(self) -> str | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> str:
        self.i += 1
        return self.toks[self.i - 1]

    def parse(self) -> Node:
        if not self.toks:
            raise _bad("the query is empty")
        node = self.any_()
        if self.peek() is not None:  # only a ')' can stop an expression early
            raise _bad("a closing parenthesis has no opening one")
        return node

    def any_(self) -> Node:
        options = [self.all_()]
        while self.peek() == "OR":
            self.take()
            if self.peek() in (None, ")", "OR"):
                raise _bad("OR needs a word on both sides, as in: Hamas OR Fatah")
            options.append(self.all_())
        return options[0] if len(options) == 1 else Any_(options)

    def all_(self) -> Node:
        group = All()
        while (tok := self.peek()) not in (None, ")", "OR"):
            negate = tok == "NOT" or (tok.startswith("-") and len(tok) > 1)
            if tok in ("NOT", "AND"):
                self.take()
                if self.peek() in (None, ")", "OR", "AND", "NOT"):
                    raise _bad(f"{tok} needs a word after it, as in: ceasefire {tok} Gaza")
            elif negate:
                self.toks[self.i] = tok[1:]
            (group.drop if negate else group.keep).append(self.atom())
        if not group.keep:
            if group.drop:
                raise _bad("say what to find as well as what to leave out, as in: ceasefire NOT Gaza")
            raise _bad("OR needs a word on both sides, as in: Hamas OR Fatah")
        return group.keep[0] if len(group.keep) == 1 and not group.drop else group

    def atom(self) -> Node:
        tok = self.take()
        if tok == "(":
            if self.peek() == ")":
                raise _bad("the parentheses are empty")
            node = self.any_()
            if self.peek() != ")":
                raise _bad("a parenthesis is not closed")
            self.take()
            return node
        if tok.startswith('"'):
            prefix = tok.endswith("*")
            body = tok[1:-2] if prefix else tok[1:-1]
            if len(tok) < 2 or not tok.rstrip("*").endswith('"') or tok.rstrip("*") == '"':
                raise _bad("a quotation mark is not closed")
            words = body.split()
            if not words:
                raise _bad("the quotation marks are empty")
            return Term(words, prefix)
        prefix = tok.endswith("*")
        word = tok.rstrip("*")
        if not word:
            raise _bad("* goes at the end of a word, as in: negotiat*")
        return Term([word], prefix)


def parse(q: str) -> Node:
    """The query tree of ``q``; :class:`BadRequest` (with the syntax) when it is not valid."""
    return _Parser(q).parse()


# ---- SQLite FTS5 ------------------------------------------------------------------------------
def to_fts5(node: Node) -> str:
    """An FTS5 MATCH expression: every word in double quotes, operators explicit."""
    if isinstance(node, Term):
        return '"' + " ".join(w.replace('"', '""') for w in node.words) + '"' + ("*" if node.prefix else "")
    if isinstance(node, Any_):
        return "(" + " OR ".join(to_fts5(n) for n in node.options) + ")"
    keep = " AND ".join(to_fts5(n) for n in node.keep)
    if not node.drop:
        return f"({keep})"
    return f"(({keep}) NOT ({' OR '.join(to_fts5(n) for n in node.drop)}))"


# ---- PostgreSQL to_tsquery --------------------------------------------------------------------
_WORD = re.compile(r"\w+")


def to_tsquery(node: Node) -> str:
    """A ``to_tsquery`` expression: each word reduced to its letters and digits, phrases with
    ``<->``, prefixes with ``:*``; empty when no word is left (nothing matches then)."""
    if isinstance(node, Term):
        words = [w for word in node.words for w in _WORD.findall(word)]
        if not words:
            return ""
        return "(" + " <-> ".join(words) + (":*" if node.prefix else "") + ")"
    if isinstance(node, Any_):
        parts = [p for p in (to_tsquery(n) for n in node.options) if p]
        return "(" + " | ".join(parts) + ")" if parts else ""
    keep = [p for p in (to_tsquery(n) for n in node.keep) if p]
    if not keep:
        return ""
    drop = [p for p in (to_tsquery(n) for n in node.drop) if p]
    return "(" + " & ".join(keep + [f"!{p}" for p in drop]) + ")"


def terms(node: Node) -> list[str]:
    """The words and phrases the query looks for (not those it leaves out), in order."""
    if isinstance(node, Term):
        return [" ".join(node.words)]
    if isinstance(node, Any_):
        return [t for n in node.options for t in terms(n)]
    return [t for n in node.keep for t in terms(n)]


__all__ = ["HELP", "parse", "terms", "to_fts5", "to_tsquery"]
