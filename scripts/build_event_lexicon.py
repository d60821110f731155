#!/usr/bin/env python
"""Compile the PETRARCH2 CAMEO verb dictionary into newsgraph's event lexicon.

Reads, from ``../shared/data/resources`` (never copied into the repository):

* ``petrarch2/CAMEO.2.0.txt``: the PETRARCH2 CAMEO verb-pattern dictionary (MIT, Open Event
  Data Alliance): synonym sets (``&SET``), verb synonym blocks (``--- NAME [CODE] ---``) with
  their verbs and irregular forms, and verb patterns (``- NOUNS * NOUNS (PREP NOUN) [CODE]``);
* ``plover/CAMEO2PLOVER-2021.txt``: the official CAMEO-to-PLOVER table (CC BY-SA 4.0).

Writes ``src/newsgraph/data/lexicon/cameo_verbs.json``: one JSON object with the synonym sets,
every verb lemma (with its block, its own code and its surface forms) and every pattern as a
small structure the coder matches against a dependency parse, each pattern with its CAMEO code
converted to a PLOVER type and mode. Patterns keep their source line so an event can say which
pattern coded it. ``---`` codes are kept: they mark verb + noun combinations that are NOT events.

CAMEO roots 01 (public statements) and 02 (appeals) are not in the CAMEO2PLOVER table. PLOVER's
REQUEST covers CAMEO appeals, so 02x is converted to REQUEST here; 01x stays uncoded (a statement
is a quote, not an event). Both choices are recorded in the output's ``notes``.

Usage (from the repository root)::

    python scripts/build_event_lexicon.py [--resources ../shared/data/resources]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_RES = REPO.parent / "shared" / "data" / "resources"
OUT = REPO / "src" / "newsgraph" / "data" / "lexicon" / "cameo_verbs.json"

HEADER_RX = re.compile(r"^---\s+(\S+)\s+(\[[^\]]*\])")
CODE_RX = re.compile(r"\[([0-9-]*)(?::([0-9-]*))?\]")
APPEAL_ROOT = "02"


# ---- CAMEO -> PLOVER ---------------------------------------------------------------------------
def read_plover(path: Path) -> dict[str, dict[str, str]]:
    """CAMEO code -> {"type", "mode", "context", "label"} from the CAMEO2PLOVER table."""
    out: dict[str, dict[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([^#]*?)\s*(?:#\s*(.*))?$", line)
        if not m or "," not in m.group(2):
            continue
        parts = [p.strip() for p in m.group(2).split(",")]
        parts += [""] * (3 - len(parts))
        out[m.group(1)] = {
            "type": parts[0],
            "mode": parts[1],
            "context": parts[2].replace(";", ","),
            "label": (m.group(3) or "").strip(),
        }
    return out


def plover_of(code: str, table: dict[str, dict[str, str]]) -> dict[str, str] | None:
    """The PLOVER type/mode of a CAMEO code (the closest listed ancestor), or None."""
    if not code or code == "---":
        return None
    if code.startswith(APPEAL_ROOT):
        return {"type": "REQUEST", "mode": "appeal", "context": "", "label": "Appeal (CAMEO 02)"}
    for k in (code, code[:3], code[:2] + "0", code[:2]):
        if k in table:
            return table[k]
    return None


# ---- the dictionary ----------------------------------------------------------------------------
def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def plurals(word: str) -> list[str]:
    """PETRARCH's regular plurals: +S, +IES for -Y, +ES for -SS (and -SH/-CH/-X)."""
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return [word[:-1] + "ies"]
    if word.endswith(("ss", "sh", "ch", "x")):
        return [word + "es"]
    if word.endswith("s"):
        return []
    return [word + "s"]


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    label: str | None = None
    no_plural = False
    for raw in lines:
        line = _strip_comment(raw).strip()
        if raw.startswith("---"):
            break
        if line.startswith("&"):
            label = line[1:].strip().rstrip("_").lower()
            no_plural = line.strip().endswith("_")
            sets[label] = []
        elif line.startswith("+") and label is not None:
            phrase = line[1:].strip()
            bare = phrase.endswith("_") or no_plural
            words = phrase.strip("_").lower().replace("_", " ")
            forms = [words]
            if not bare:
                head, _, last = words.rpartition(" ")
                forms += [f"{head} {p}".strip() for p in plurals(last)]
            sets[label].extend(f for f in forms if f not in sets[label])
    return sets


def verb_forms(lemma_words: list[str], verb_at: int, irregular: list[str]) -> list[str]:
    """Surface forms of a (multi-word) verb: the irregular ones given, else PETRARCH's regular ones."""
    if irregular:
        forms = [f.replace("+", "").replace("_", " ").strip(",").lower() for f in irregular]
        return [f for f in forms if f and f.replace(" ", "").replace("-", "").isalpha()]
    w = lemma_words[verb_at]
    if w.endswith(("ee", "ye", "oe")):
        inflected = [w + "s", w + "d", w + "ing"]
    elif w.endswith("e"):
        inflected = [w + "s", w + "d", w[:-1] + "ing"]
    elif w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        inflected = [w[:-1] + "ies", w[:-1] + "ied", w + "ing"]
    elif w.endswith(("ss", "sh", "ch", "x", "z")):
        inflected = [w + "es", w + "ed", w + "ing"]
    else:
        inflected = [w + "s", w + "ed", w + "ing"]
    return [" ".join(lemma_words[:verb_at] + [f] + lemma_words[verb_at + 1 :]) for f in inflected]


def parse_verb_line(line: str) -> dict[str, Any] | None:
    """``+BREAK_DOWN {+BREAKS_DOWN ...} [CODE]`` or ``FALL {FALLS FELL} [CODE]`` -> a verb entry."""
    text = _strip_comment(line).strip()
    if not text:
        return None
    irregular: list[str] = []
    m = re.search(r"\{([^}]*)\}", text)
    if m:
        irregular = m.group(1).split()
        text = text[: m.start()] + text[m.end() :]
    code = None
    cm = CODE_RX.search(text)
    if cm:
        code = cm.group(1) or None
        text = text[: cm.start()] + text[cm.end() :]
    phrase = text.strip().split()[0] if text.strip() else ""
    if not phrase:
        return None
    words = [w for w in phrase.lower().split("_") if w]
    verb_at = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
    words = [w.lstrip("+") for w in words]
    if not words or not all(w.replace("-", "").isalpha() for w in words):
        return None
    return {
        "lemma": " ".join(words),
        "verb": words[verb_at],
        "verb_at": verb_at,
        "code": code,
        "forms": verb_forms(words, verb_at, irregular),
    }


_ITEM_RX = re.compile(r"\{[^}]*\}|\([^)]*\)|\S+")


def parse_noun(item: str) -> dict[str, Any] | None:
    """``AID``, ``{ECONOMIC AID}``, ``&CURRENCY``, ``{&MILITARY AID}`` -> {"head", "mods"}."""
    words = item.strip("{}").split()
    words = [w.lower().replace("_", " ") for w in words if w not in ("$", "+", "^", "%")]
    if not words:
        return None
    return {"head": words[-1], "mods": words[:-1]}


def parse_pattern(line: str) -> dict[str, Any] | None:
    """``- PRE * POST (PREP NOUN) [CODE:CODE] # VERB`` -> the pattern's parts, or None."""
    body = _strip_comment(line)[1:].strip()
    cm = CODE_RX.search(body)
    if not cm or "*" not in body[: cm.start()]:
        return None
    code, reverse = cm.group(1) or None, cm.group(2) or None
    pre_text, post_text = body[: cm.start()].split("*", 1)
    pre = [n for n in (parse_noun(i) for i in _ITEM_RX.findall(pre_text) if not i.startswith("(")) if n]
    post: list[dict[str, Any]] = []
    preps: list[dict[str, Any]] = []
    for item in _ITEM_RX.findall(post_text):
        if item.startswith("("):
            inner = item[1:-1].split(None, 1)
            if not inner:
                continue
            for prep in inner[0].lower().split("/"):
                noun = parse_noun(inner[1]) if len(inner) > 1 else None
                preps.append({"prep": prep, "noun": noun})
        elif item in ("$", "+", "^", "%"):
            continue
        else:
            noun = parse_noun(item)
            if noun:
                post.append(noun)
    if not (pre or post or preps):
        return None
    return {"pre": pre, "post": post, "preps": preps, "code": code, "reverse": reverse}


def read_verbs(lines: list[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Verb lemmas (each naming its block) and the blocks with their codes and patterns."""
    verbs: dict[str, Any] = {}
    blocks: dict[str, Any] = {}
    block: dict[str, Any] | None = None
    for n, raw in enumerate(lines, 1):
        if raw.startswith("~"):
            continue
        h = HEADER_RX.match(raw)
        if h:
            cm = CODE_RX.match(h.group(2))
            code, reverse = (cm.group(1) or None, cm.group(2) or None) if cm else (None, None)
            name = h.group(1).lower()
            block = blocks.setdefault(name, {"code": code, "reverse": reverse, "line": n, "patterns": []})
            continue
        if block is None or not _strip_comment(raw).strip():
            continue
        if raw.startswith("-"):
            p = parse_pattern(raw)
            if p:
                p["line"] = n
                block["patterns"].append(p)
            continue
        v = parse_verb_line(raw)
        if v is None or v["lemma"] in verbs:
            continue
        v["block"] = next(k for k, b in blocks.items() if b is block)
        verbs[v["lemma"]] = v
    return verbs, blocks


def compile_lexicon(res: Path) -> dict[str, Any]:
    cameo_path = res / "petrarch2" / "CAMEO.2.0.txt"
    plover_path = res / "plover" / "CAMEO2PLOVER-2021.txt"
    table = read_plover(plover_path)
    lines = cameo_path.read_text(encoding="latin-1").splitlines()
    synsets = read_synsets(lines)
    verbs, blocks = read_verbs(lines)
    codes = {v["code"] for v in verbs.values()}
    codes |= {b[k] for b in blocks.values() for k in ("code", "reverse")}
    codes |= {p[k] for b in blocks.values() for p in b["patterns"] for k in ("code", "reverse")}
    cameo = {c: plover_of(c, table) for c in sorted(c for c in codes if c)}
    for v in verbs.values():
        del v["lemma"], v["verb"]
    return {
        "schema": "newsgraph.event-lexicon/1",
        "sources": [
            {
                "file": "CAMEO.2.0.txt",
                "sha1": hashlib.sha1(cameo_path.read_bytes()).hexdigest(),
                "what": "PETRARCH2 CAMEO verb-pattern dictionary",
                "origin": "openeventdata/petrarch2 @ 676801cd9cb2924bbbad09f86d15c9323e7097bf",
                "licence": "MIT",
                "copyright": "Copyright (c) 2015 Open Event Data Alliance",
            },
            {
                "file": "CAMEO2PLOVER-2021.txt",
                "sha1": hashlib.sha1(plover_path.read_bytes()).hexdigest(),
                "what": "CAMEO to PLOVER conversion table (PLOVER manual draft 0.8, 2021-09-17, P. Schrodt)",
                "origin": "openeventdata/PLOVER @ 5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f",
                "licence": "CC BY-SA 4.0",
            },
        ],
        "notes": [
            "Compiled by scripts/build_event_lexicon.py; do not edit by hand: add entries in "
            "data/lexicon/events.yaml (newsgraph's own additions) or a user lexicon instead.",
            "CAMEO 02x (appeal) is coded as PLOVER REQUEST (PLOVER's REQUEST includes appeals); "
            "CAMEO 01x (public statement) has no PLOVER type and codes no event.",
            "'cameo' maps every CAMEO code used to its PLOVER type and mode (null: no PLOVER event).",
            "A code of '---' marks a verb + noun combination that is not an event.",
            "A pattern's 'reverse' code applies with the roles swapped (the subject is the target).",
            "A verb's own code (its line in the dictionary) wins over its block's code; patterns "
            "belong to the block and apply to every verb in it.",
        ],
        "synsets": synsets,
        "cameo": cameo,
        "verbs": dict(sorted(verbs.items())),
        "blocks": blocks,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--resources", type=Path, default=DEFAULT_RES)
    ap.add_argument("--output", type=Path, default=OUT)
    args = ap.parse_args()
    lex = compile_lexicon(args.resources)
    args.output.write_text(
        json.dumps(lex, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n", encoding="utf-8"
    )
    pats = [p for b in lex["blocks"].values() for p in b["patterns"]]
    coded = sum(1 for p in pats if lex["cameo"].get(p["code"] or ""))
    print(
        f"{args.output}: {len(lex['verbs'])} verbs in {len(lex['blocks'])} blocks, {len(pats)} patterns "
        f"({coded} coded to PLOVER), {len(lex['synsets'])} synonym sets"
    )


if __name__ == "__main__":
    main()
