#!/usr/bin/env python
"""Compile ``src/newsgraph/data/names/variants.tsv``: Latin name spellings -> variant group.

Sources (see ``src/newsgraph/data/names/README.md`` for licences and attribution):

* ``wd_{arabic,russian}_{80,20}.tsv``: Wikidata person-name token alignments, CC0 1.0
  (steveash/NETransliteration-COLING2018): ``latin<TAB>n a t i v e<TAB>count``.
* ``ar2en.txt``: Google transliteration Arabic->English pairs, Apache-2.0
  (google/transliteration): ``arabic<TAB>latin``.

The data is noisy (token alignment errors, foreign names written in Arabic script), so two
Latin spellings become variants only if **all** of these hold:

* they share one native-script form, each with a count >= ``--min-count`` and >= 3 % of
  that form's most frequent spelling;
* their rule keys (:func:`newsgraph.text.names.name_key`) are within edit distance 2 (1 for keys
  of 4-5 letters, 0 for shorter ones) and start with the same letter or an equivalent vowel;
* merging keeps the group small (<= ``--max-group`` spellings) and keeps the two groups'
  most frequent keys within edit distance 3, so chains of small steps cannot drift.

Only groups with at least two spellings are written; the group id is the most frequent
spelling. Usage: ``python scripts/build_name_variants.py [--names-dir DIR] [--out FILE]``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.text.names import _lev, fold, name_key  # noqa: E402

DEFAULT_NAMES = Path("/work/shared/data/train/names")
DEFAULT_OUT = ROOT / "src/newsgraph/data/names/variants.tsv"
_VOWELISH = set("aeiouy")


def read_pairs(names_dir: Path) -> dict[tuple[str, str], Counter[str]]:
    """(script, native form) -> Counter of folded Latin spellings."""
    forms: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    wd = names_dir / "wikidata_person_translit"
    for path in sorted(wd.glob("wd_*.tsv")):
        script = path.name.split("_")[1]
        for line in path.read_text("utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) != 3 or not parts[2].isdigit():
                continue
            latin = fold(parts[0])
            if latin.isalpha() and len(latin) >= 2:
                forms[(script, parts[1].replace(" ", ""))][latin] += int(parts[2])
    g = names_dir / "google_ar2en" / "ar2en.txt"
    if g.exists():
        for line in g.read_text("utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) != 2:
                continue
            latin = fold(parts[1])
            if latin.isalpha() and len(latin) >= 2:
                forms[("arabic", parts[0].strip())][latin] += 2  # a curated pair counts as two sightings
    return forms


class Groups:
    """Union-find over spellings with the drift guards described in the module docs."""

    def __init__(self, counts: Counter[str], max_group: int) -> None:
        self.parent: dict[str, str] = {}
        self.size: dict[str, int] = {}
        self.counts = counts
        self.max_group = max_group

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        self.size.setdefault(x, 1)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if self.size[ra] + self.size[rb] > self.max_group:
            return False
        if _lev(name_key(ra), name_key(rb), 3) > 3:
            return False
        if (self.counts[ra], ra) < (self.counts[rb], rb):
            ra, rb = rb, ra  # the root is the most frequent spelling
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
        return True


def close(a: str, b: str) -> bool:
    """Rule keys close enough for two spellings of one native form to be variants."""
    ka, kb = name_key(a), name_key(b)
    if " " in ka or " " in kb or not ka or not kb:
        return ka == kb
    if ka[0] != kb[0] and not (ka[0] in _VOWELISH and kb[0] in _VOWELISH):
        if not (a[0] == "y" and b[0] in "ei" or b[0] == "y" and a[0] in "ei"):  # Yevgeny / Evgeny
            return False
    n = min(len(ka), len(kb))
    limit = 0 if n <= 3 else 1 if n <= 5 else 2
    return _lev(ka, kb, limit) <= limit


def russian_forms(forms: dict[tuple[str, str], Counter[str]]) -> dict[str, str]:
    """Spelling -> its dominant Russian form (>= 3 sightings and >= half of them), for
    spellings seen more often with a Russian than with an Arabic form (not Arabic names)."""
    per: dict[str, Counter[str]] = defaultdict(Counter)
    arabic: Counter[str] = Counter()
    for (script, native), c in forms.items():
        for t, n in c.items():
            if script == "russian":
                per[t][native] += n
            else:
                arabic[t] += n
    out = {}
    for t, c in per.items():
        native, n = c.most_common(1)[0]
        total = sum(c.values())
        if n >= 3 and n >= 0.5 * total and total > arabic[t]:
            out[t] = native
    return out


def build(names_dir: Path, min_count: int, max_group: int, min_total: int) -> dict[str, str]:
    """Spelling -> group id for every group of two or more spellings."""
    forms = read_pairs(names_dir)
    totals: Counter[str] = Counter()
    for c in forms.values():
        totals.update(c)
    russian = russian_forms(forms)
    groups = Groups(totals, max_group)
    edges: list[tuple[int, str, str]] = []
    for (script, _), c in forms.items():
        top = c.most_common(1)[0][1]
        keep = [t for t, n in c.items() if n >= min_count and n >= 0.03 * top and totals[t] >= min_total]
        for i, a in enumerate(keep):
            for b in keep[i + 1:]:
                if not close(a, b):
                    continue
                # Arabic script drops short vowels, so "bill" and "bell" share a form there; the
                # fully voweled Russian forms tell such (non-Arabic) names apart
                if script != "russian" and a in russian and b in russian and russian[a] != russian[b]:
                    continue
                edges.append((min(c[a], c[b]), a, b))
    for _, a, b in sorted(edges, reverse=True):  # strongest evidence first
        groups.union(a, b)
    members: dict[str, list[str]] = defaultdict(list)
    for t in list(groups.parent):
        members[groups.find(t)].append(t)
    return {t: root for root, ts in members.items() if len(ts) > 1 for t in ts}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--names-dir", type=Path, default=DEFAULT_NAMES)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--min-count", type=int, default=2, help="sightings of a spelling for one native form")
    ap.add_argument("--min-total", type=int, default=3, help="sightings of a spelling overall")
    ap.add_argument("--max-group", type=int, default=24)
    args = ap.parse_args(argv)
    table = build(args.names_dir, args.min_count, args.max_group, args.min_total)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        "# newsgraph name variant table: folded Latin spelling <TAB> group id (most frequent spelling).",
        "# Built by scripts/build_name_variants.py from Wikidata transliteration pairs (CC0 1.0,",
        "# steveash/NETransliteration-COLING2018) and google/transliteration ar2en (Apache-2.0,",
        "# Copyright Google LLC). See README.md in this folder.",
    ]
    lines += [f"{t}\t{g}" for t, g in sorted(table.items(), key=lambda x: (x[1], x[0]))]
    args.out.write_text("\n".join(lines) + "\n", "utf-8")
    n_groups = len(set(table.values()))
    print(f"wrote {args.out}: {len(table)} spellings in {n_groups} groups, {args.out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
