"""Deterministic synthetic news articles for benchmarks and scale tests.

The articles look like the real thing to every stage (titles, captions, bylines,
related headlines, quotes, dates, a comment section) but are made of templates over
fictional names, so they can be generated in any number without storing a corpus.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

STATES = ["Valdoria", "Kesh", "Marovia", "Tarsland", "Ostrelia", "Quenmark", "Sabria", "Lunegard"]
CAPITALS = ["Castellan", "Ostrava-Nor", "Belgrist", "Tarsk", "Ossendorf", "Quen", "Sabbat", "Luneport"]
MOVEMENTS = ["National Renewal Front", "Azure Movement", "People's Unity Party", "Coastal Liberation Front"]
FIRST = ["Yusuf", "Sergei", "Amira", "Karim", "Lena", "Omar", "Ivan", "Nadia", "Tariq", "Mila"]
LAST = ["al-Haddad", "Petrov", "Mansour", "Novak", "Rahimi", "Sokolov", "Darwish", "Kovac"]
TITLES = ["Foreign Minister", "Deputy Foreign Minister", "senior official", "spokesperson", "envoy"]
VERBS = ["met", "held talks with", "received", "called on", "accused", "praised", "criticised"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
FILLER = (
    "The talks covered trade, security and the situation along the border, according to officials "
    "familiar with the discussions, who said further meetings were planned in the coming weeks"
).split()


def _person(r: random.Random) -> str:
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


def _sentence(r: random.Random) -> str:
    a, b = r.sample(STATES, 2)
    kind = r.random()
    if kind < 0.3:
        return (
            f"{r.choice(TITLES).capitalize()} {_person(r)} of {a} {r.choice(VERBS)} "
            f"{_person(r)} of {b} in {r.choice(CAPITALS)} on {r.choice(MONTHS)} {r.randint(1, 28)}."
        )
    if kind < 0.5:
        return f"“We are ready to work with {b} on {' '.join(r.sample(FILLER, 6))},” {_person(r)} said."
    if kind < 0.65:
        return f"The {r.choice(MOVEMENTS)} said that {a} had not {' '.join(r.sample(FILLER, 8))}."
    n = r.randint(10, 22)
    return " ".join(r.choice(FILLER) for _ in range(n)).capitalize() + "."


def article(i: int, words: int = 800, seed: int = 0) -> dict[str, str]:
    """Article ``i`` as a JSON record (text, title, outlet, published, id)."""
    r = random.Random(seed * 1_000_003 + i)
    a, b = r.sample(STATES, 2)
    title = f"{a} and {b} discuss {r.choice(['trade', 'ceasefire', 'border', 'energy'])} in talks #{i}"
    paras = [title, f"{_person(r)}, {r.choice(TITLES)} of {a}. (Photo: file)", "By Staff Writer"]
    n = 0
    while n < words:
        para = " ".join(_sentence(r) for _ in range(r.randint(2, 4)))
        paras.append(para)
        n += len(para.split())
        if r.random() < 0.08:
            paras.append(f"‘{r.choice(FILLER).capitalize()} Talks’ – {r.choice(STATES)} Responds to {b}")
    paras += [
        "2 Comments",
        "1. This is nonsense, as usual.",
        "2. Good news for everyone.",
        "Comments are closed.",
    ]
    return {
        "id": f"synthetic-{seed}-{i}",
        "title": title,
        "outlet": "Synthetic Wire",
        "published": f"2024-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
        "text": "\n\n".join(paras),
    }


def iter_articles(n: int, words: int = 800, seed: int = 0) -> Iterator[dict[str, str]]:
    for i in range(n):
        yield article(i, words, seed)


def write_jsonl(path: Path, n: int, words: int = 800, seed: int = 0) -> int:
    """Write ``n`` synthetic articles to a JSONL file (streamed); returns the word count."""
    total = 0
    with open(path, "w", encoding="utf-8") as f:
        for rec in iter_articles(n, words, seed):
            total += len(rec["text"].split())
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return total
