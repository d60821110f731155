#!/usr/bin/env python
"""Audit actor identities in a store: PERSON actors whose aliases name another person, and first
names alone used as aliases (issue 16's targets: 0 and at most 5 over the Wikinews corpus).

An alias names another person when, after titles, it is a multi-word name whose last word is not
one of the actor's own name words and that is the name or an alias of another PERSON actor, when it
is one word, none of the actor's own name words, and the surname of another PERSON actor ("Biden" of
Donald Trump), or when it joins two surnames with a hyphen ("Trump-Biden"). A first-name alias is
a one-word alias that is the first word of the actor's name and not its last.

Usage: ``python scripts/audit_identity.py --db /tmp/wn.db`` (prints both lists and their counts).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict

from newsgraph.export.json import export_dict
from newsgraph.store import Store


def audit(actors: list[dict]) -> tuple[list[str], list[str]]:
    people = [a for a in actors if a["type"] == "PERSON"]
    owner: dict[str, set[str]] = defaultdict(set)
    surname: dict[str, set[str]] = defaultdict(set)  # the last word of a person's full name
    for a in people:
        for n in {a["name"], *a["aliases"]}:
            if len(n.split()) >= 2:
                owner[n.casefold()].add(a["id"])
                surname[n.split()[-1].casefold()].add(a["id"])
    other, first = [], []
    for a in people:
        words = {w.casefold() for n in [a["name"]] for w in n.replace("-", " ").split()}
        first_word = a["name"].split()[0].casefold() if " " in a["name"] else None
        for al in a["aliases"]:
            parts = al.split()
            if len(parts) == 1 and "-" in al and all(p[:1].isupper() for p in al.split("-")):
                if any(p.casefold() not in words for p in al.split("-")):
                    other.append(f"{a['name']}: {al!r} (hyphenated pair)")
            elif len(parts) >= 2 and owner.get(al.casefold(), set()) - {a["id"]} and not _own(parts, words):
                other.append(f"{a['name']}: {al!r} (another person's name)")
            elif len(parts) == 1 and first_word and al.casefold() == first_word:
                first.append(f"{a['name']}: {al!r}")
            elif len(parts) == 1 and al.casefold() not in words and surname[al.casefold()] - {a["id"]}:
                other.append(f"{a['name']}: {al!r} (another person's surname)")
    return other, first


def _own(parts: list[str], words: set[str]) -> bool:
    return parts[-1].casefold() in words


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True)
    args = ap.parse_args(argv)
    actors = export_dict(Store.open(args.db, create=False))["actors"]
    other, first = audit(actors)
    print(f"PERSON actors: {sum(a['type'] == 'PERSON' for a in actors)}")
    print(f"aliases naming another person: {len(other)}")
    for line in other:
        print("  " + line)
    print(f"first names alone as aliases: {len(first)}")
    for line in first:
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
