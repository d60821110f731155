"""Cross-document actor linking, v2: one canonical actor per real actor.

1. **Organisations, states, places**: by knowledge-base id; else by folded name, joined through
   the aliases documents establish ("Qadiri National Council (QNC)" makes a later bare "QNC"
   the same actor when no other actor has that alias). Institutions with a generic name ("Supreme
   Court", "the Senate", "Foreign Ministry") keep their jurisdiction: one actor per state or place
   they belong to.
2. **People**, blocked by the consonant skeleton of each name's last unit (so only people who
   could share a surname are compared; near-linear, never all pairs), in order of how much of
   the name is known (full names first):

   - two full names are one person only if they are spelling variants
     (:func:`newsgraph.text.names.compare_names` >= ``STRONG``: "Mousa Abu Marzouk" / "Musa Abu
     Marzouq"); a different first name keeps them apart ("Yusuf" vs "Samir al-Haddad");
   - a document that only gives a short form (surname, kunya "Abu Karim", first name) joins a
     person only with a name match *and* context: the same affiliation, a shared title word, or
     actors that co-occur in both documents; and only when one person fits clearly;
   - kunyas are units of their own: "Abu Marzouk" never matches "Abu Mazen";
   - two people of one document stay two ("Wong" and "Wang" in one article): its coreference
     already kept them apart.

Every link row keeps its evidence (rule, score, the names matched, shared context), shown by
``newsgraph actor NAME --why``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from newsgraph.actors.coref import written_as
from newsgraph.actors.facts import gazetteer_id
from newsgraph.actors.kb import fold, load_kb
from newsgraph.actors.lexicon import is_generic_institution
from newsgraph.linking.context import LinkContext
from newsgraph.text.names import PARTIAL, STRONG, _units, compare_names, name_key, skeleton
from newsgraph.text.util import short_hash

_GENERIC_TITLE_WORDS = frozenset("the of a an and for in to his her its their s".split())
#: context needed for a short name: this much from affiliation/titles/co-occurring actors
CONTEXT_MIN = 1.0
#: a short name must beat the runner-up by this margin
MARGIN = 0.5


class _UF:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass
class _Person:
    """A growing cluster of person entities."""

    key: str
    names: Counter[str] = field(default_factory=Counter)
    affiliations: Counter[str] = field(default_factory=Counter)
    title_words: set[str] = field(default_factory=set)
    cooc: Counter[str] = field(default_factory=Counter)
    ents: list[dict[str, Any]] = field(default_factory=list)
    docs: set[str] = field(default_factory=set)

    @property
    def full(self) -> list[str]:
        return [n for n in self.names if _is_full(n)]


def _is_full(name: str) -> bool:
    units = _units(name)
    return len(units) >= 2


def _block_keys(name: str) -> set[str]:
    key = name_key(name).split()
    if not key:
        return set()
    out = {"s:" + skeleton(key[-1])}
    units = _units(name)
    if units and units[-1][0] in ("abu", "umm", "abd", "bin", "ibn"):
        out.add("k:" + " ".join(units[-1]))
    return out


def _title_words(titles: list[str]) -> set[str]:
    return {w.strip(".,()'’").lower() for ti in titles for w in ti.split()} - _GENERIC_TITLE_WORDS - {""}


def _names_of(ent: dict[str, Any]) -> list[str]:
    return list(dict.fromkeys([ent["name"], *(ent.get("aliases") or [])]))


def _place_key(e: dict[str, Any], acting: set[str]) -> str:
    """An organisation, state or place's key: its kb_id; a place the KB does not know is linked to
    the gazetteer by name ("Tomsk" -> ``place:<geonameid>``); else its folded name. A venue whose
    name acts as a state or organisation in some document ("arrived in Castellan" / "Castellan
    protested") is the place, a separate actor (``venue:<name>``)."""
    if e.get("kb_id"):
        return f"kb:{e['kb_id']}"
    if (e.get("evidence") or {}).get("collective") == "noun":
        return f"local:{e['doc']}:{e['local_id']}"  # "the protesters" of one story
    if e["type"] == "LOCATION" and (gid := gazetteer_id(e["name"])):
        return f"kb:{gid}"
    name = fold(e["name"])
    if e["type"] == "LOCATION" and (e.get("evidence") or {}).get("venue") and name in acting:
        return f"venue:{name}"
    return f"name:{name}"


def _org_keys(ents: list[dict[str, Any]]) -> dict[tuple[str, str], str]:
    """Keys of the organisations, states and places (see :func:`_place_key`); an institution with a
    generic name ("Supreme Court", "Foreign Ministry") is one actor per jurisdiction (its affiliation:
    "Supreme Court" of the United States is not Wisconsin's or Pakistan's), of its document only
    when it has none."""
    acting = {fold(e["name"]) for e in ents if e["type"] in ("STATE", "ORG") and not e.get("kb_id")}
    ekey = {(e["doc"], e["local_id"]): _place_key(e, acting) for e in ents if e["type"] != "PERSON"}
    for e in ents:
        if e["type"] == "ORG" and not e.get("kb_id") and is_generic_institution(e["name"]):
            jur = _jurisdiction(e, ekey)
            local = f"local:{e['doc']}:{e['local_id']}"
            ekey[(e["doc"], e["local_id"])] = f"name:{fold(e['name'])}@{jur}" if jur else local
    return ekey


def _jurisdiction(e: dict[str, Any], ekey: dict[tuple[str, str], str]) -> str | None:
    """The key of what an organisation belongs to (its affiliation), if known."""
    aff = e.get("affiliation")
    if not aff:
        return None
    return aff if aff.startswith("kb:") else ekey.get((e["doc"], aff))


def _alias_key(alias: str, e: dict[str, Any], ekey: dict[tuple[str, str], str]) -> str:
    """Index key of an organisation's alias: a generic one ("Supreme Court") with its jurisdiction
    (empty without one: it joins nothing)."""
    if not is_generic_institution(alias):
        return fold(alias)
    jur = _jurisdiction(e, ekey)
    return f"{fold(alias)}@{jur}" if jur else ""


def link_actors(ctx: LinkContext) -> None:
    """Canonical actors across documents: organisations, states and places by key and alias, then
    people by name, context and affiliation; one row each, with the evidence of every link."""
    linker = _Linker(ctx)
    linker.link_groups()
    people = linker.link_people()
    linker.emit_people(people)
    linker.emit_groups()


class _Linker:
    """The state of one link pass over the stored document entities."""

    def __init__(self, ctx: LinkContext) -> None:
        self.ctx = ctx
        self.ents = list(ctx.store.iter_entities())
        self.kb = load_kb(ctx.settings.get("kb_files", []) or [])
        self.uf = _UF()
        self.ekey: dict[tuple[str, str], str] = {}
        self.evidence: dict[tuple[str, str], dict[str, Any]] = {}
        self.actor_of_key: dict[str, str] = {}
        self.group_ents: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.local_actor: dict[tuple[str, str], str] = {}

    def key(self, e: dict[str, Any]) -> str:
        return self.ekey[(e["doc"], e["local_id"])]

    # ---- 1. organisations, states and places ---------------------------------------------
    def link_groups(self) -> None:
        uf, ents = self.uf, self.ents
        alias_index: dict[str, set[str]] = defaultdict(set)
        self.ekey.update(_org_keys(ents))
        for e in ents:
            if e["type"] == "PERSON":
                continue
            k = self.key(e)
            uf.find(k)
            self.evidence[(e["doc"], e["local_id"])] = {
                "rule": "kb_id" if e.get("kb_id") else "same_name",
                "matched": e["name"],
            }
            if e["type"] != "ORG":
                continue  # a state's aliases are its capital and demonyms: never another actor's name
            for a in _names_of(e):
                if fold(a) != fold(e["name"]) and (ak := _alias_key(a, e, self.ekey)):
                    alias_index[ak].add(k)
        for e in ents:
            if e["type"] in ("PERSON", "LOCATION") or e.get("kb_id"):
                continue  # a place is linked by gazetteer or name only ("Berlin" is not Germany)
            self.alias_link(e, alias_index)
        for e in ents:
            if e["type"] != "PERSON":
                self.group_ents[uf.find(self.key(e))].append(e)
        for root in self.group_ents:
            self.actor_of_key[root] = "a_" + short_hash(root)
        self.local_actor = {
            (e["doc"], e["local_id"]): self.actor_of_key[uf.find(self.key(e))]
            for e in ents
            if e["type"] != "PERSON"
        }

    def alias_link(self, e: dict[str, Any], alias_index: dict[str, set[str]]) -> None:
        """An organisation named by an alias another document gives with the full name."""
        owners = {self.uf.find(x) for x in alias_index.get(_alias_key(e["name"], e, self.ekey), set())}
        k = self.key(e)
        if len(owners) == 1 and self.uf.find(k) not in owners:
            self.uf.union(k, next(iter(owners)))
            self.evidence[(e["doc"], e["local_id"])] = {
                "rule": "alias",
                "matched": e["name"],
                "score": 1.0,
                "via": "an alias given with the full name in another document",
            }

    def affiliation_actor(self, doc: str, aff: str | None) -> str | None:
        if not aff:
            return None
        if aff.startswith("kb:"):
            root = self.uf.find(aff)
            if root not in self.actor_of_key:  # an affiliation no document mentions by name
                self.actor_of_key[root] = "a_" + short_hash(root)
                self.group_ents[root] = []
            return self.actor_of_key[root]
        return self.local_actor.get((doc, aff))

    # ---- 2. people ---------------------------------------------------------------------
    def link_people(self) -> list[_Person]:
        ents = self.ents
        doc_actors: dict[str, set[str]] = defaultdict(set)
        for (doc, _), a in self.local_actor.items():
            doc_actors[doc].add(a)
        df: Counter[str] = Counter(a for acts in doc_actors.values() for a in acts)
        rare = max(3.0, 0.2 * len({e["doc"] for e in ents}))
        persons = [e for e in ents if e["type"] == "PERSON"]
        persons.sort(
            key=lambda e: (
                -max(len(_units(n)) for n in _names_of(e)),
                -len(_names_of(e)),
                e["doc"],
                e["local_id"],
            )
        )
        clusters: list[_Person] = []
        blocks: dict[str, list[int]] = defaultdict(list)
        by_kb: dict[str, int] = {}  # a KB person's cluster
        for e in persons:
            names = _names_of(e)
            aff = self.affiliation_actor(e["doc"], e.get("affiliation"))
            tw = _title_words(e.get("titles") or [])
            cooc = doc_actors[e["doc"]]
            best = self.best_person(e, names, aff, tw, cooc, clusters, blocks, by_kb, (df, rare))
            if best is None:
                clusters.append(_Person(key=f"p{len(clusters)}"))
                idx, ev = len(clusters) - 1, {"rule": "new", "score": 1.0, "matched": e["name"]}
            else:
                idx, ev = best
            _join(clusters[idx], e, names, aff, tw, cooc)
            if e.get("kb_id"):
                by_kb.setdefault(e["kb_id"], idx)
            self.evidence[(e["doc"], e["local_id"])] = ev
            for n in names:
                for b in _block_keys(n):
                    if idx not in blocks[b]:
                        blocks[b].append(idx)
        return clusters

    @staticmethod
    def best_person(
        e: dict[str, Any],
        names: list[str],
        aff: str | None,
        tw: set[str],
        cooc: set[str],
        clusters: list[_Person],
        blocks: dict[str, list[int]],
        by_kb: dict[str, int],
        rarity: tuple[Counter[str], float],
    ) -> tuple[int, dict[str, Any]] | None:
        """The person cluster a document's person joins (its index and the evidence), or None."""
        if e.get("kb_id") and e["kb_id"] in by_kb:  # the same knowledge-base person
            return by_kb[e["kb_id"]], {"rule": "kb_id", "score": 1.0, "matched": e["kb_id"]}
        cand_ids = sorted({i for n in names for b in _block_keys(n) for i in blocks.get(b, [])})
        best: tuple[float, int, dict[str, Any]] | None = None
        second = 0.0
        for i in cand_ids:
            if e["doc"] in clusters[i].docs:
                continue  # the document's own coreference keeps them apart: different people
            ev = _score(names, aff, tw, cooc, clusters[i], *rarity)
            if ev is None:
                continue
            if best is None or ev["score"] > best[0]:
                second = best[0] if best else 0.0
                best = (ev["score"], i, ev)
            else:
                second = max(second, ev["score"])
        if best is None or (best[2]["rule"] != "name_variant" and best[0] - second < MARGIN):
            return None  # two people fit a short name about equally: stay apart
        return best[1], best[2]

    # ---- 3. rows -----------------------------------------------------------------------
    def emit_people(self, clusters: list[_Person]) -> None:
        used: set[str] = set(self.actor_of_key.values())
        for p in clusters:
            full = p.full or list(p.names)
            canon = max(full, key=lambda n: (p.names[n], len(n)))
            aid = "a_" + short_hash("person:" + name_key(canon))
            n = 1
            while aid in used:
                n += 1
                aid = "a_" + short_hash("person:" + name_key(canon), n)
            used.add(aid)
            aff = p.affiliations.most_common(1)[0][0] if p.affiliations else None
            kb_ids = Counter(m["kb_id"] for m in p.ents if m.get("kb_id"))
            kb_id = min(kb_ids, key=lambda k: (-kb_ids[k], k)) if kb_ids else None
            _emit(self.ctx, aid, "PERSON", canon, kb_id, aff if aff != aid else None, p.ents, self.evidence)

    def group_votes(self) -> dict[str, Counter[str]]:
        """Each organisation's, state's or place's affiliation votes from its documents (or the KB)."""
        votes: dict[str, Counter[str]] = {}
        for root, members in list(self.group_ents.items()):
            v: Counter[str] = Counter(
                a for m in members if (a := self.affiliation_actor(m["doc"], m.get("affiliation")))
            )
            entry = self.kb.get(root[3:]) if root.startswith("kb:") else None
            if not v and entry is not None and entry.affiliation:
                a = self.affiliation_actor("", "kb:" + entry.affiliation)
                if a:
                    v[a] += 1
            votes[root] = v
        return votes

    def emit_groups(self) -> None:
        votes = self.group_votes()
        for root, members in list(self.group_ents.items()):
            aid = self.actor_of_key[root]
            kb_id = (
                root[3:]
                if root.startswith("kb:")
                else next((m["kb_id"] for m in members if m.get("kb_id")), None)
            )
            entry = self.kb.get(kb_id) if kb_id else None
            if members:
                typ = Counter(m["type"] for m in members).most_common(1)[0][0]
                names = Counter(m["name"] for m in members)
                name = (
                    written_as(entry.name, [n for n, _ in names.most_common()])
                    if entry
                    else max(names, key=lambda x: (names[x], len(x)))
                )
            elif entry is not None:
                typ, name = entry.type, entry.name
            else:
                continue
            if entry is not None and entry.type in ("STATE", "ORG", "PERSON"):
                typ = entry.type
            aff = next((a for a, _ in votes.get(root, Counter()).most_common() if a and a != aid), None)
            _emit(self.ctx, aid, typ, name, kb_id, aff, members, self.evidence)


def _join(
    p: _Person, e: dict[str, Any], names: list[str], aff: str | None, tw: set[str], cooc: set[str]
) -> None:
    """Add a document's person to a person cluster. A first name the document tied to a full name
    ("Barron" to "Baron Cohen") is no name another document joins the person by: it may be anyone's."""
    p.names.update(n for n in names if not _first_name_of(n, e["name"]))
    if aff:
        p.affiliations[aff] += 1
    p.title_words |= tw
    p.cooc.update(cooc)
    p.ents.append(e)
    p.docs.add(e["doc"])


def _score(
    names: list[str],
    aff: str | None,
    tw: set[str],
    cooc: set[str],
    p: _Person,
    df: dict[str, int],
    rare: float,
) -> dict[str, Any] | None:
    """Evidence that entity names ``names`` (with its context) are person cluster ``p``; None if not."""
    full_e = [n for n in names if _is_full(n)]
    full_p = p.full
    if full_e and full_p:
        best = max(((compare_names(a, b), a, b) for a in full_e for b in full_p), key=lambda x: x[0].score)
        if best[0].score < STRONG:
            return None  # two full names that are not variants: different people
        return {
            "rule": "name_variant" if best[0].kind != "exact" else "same_name",
            "score": best[0].score,
            "matched": [best[1], best[2]],
        }
    best_m = max(((compare_names(a, b), a, b) for a in names for b in p.names), key=lambda x: x[0].score)
    m, a, b = best_m
    exact_alias = any(fold(x) == fold(y) for x in names for y in p.names)
    if m.score < PARTIAL and not exact_alias:
        return None
    shared_aff = aff is not None and aff in p.affiliations
    shared_titles = sorted(tw & p.title_words)
    shared_actors = sorted(set(cooc) & set(p.cooc))
    # actors named in most documents (the main states of a corpus) say little about who is who
    cooc_score = sum(0.25 if df.get(a, 0) <= rare else 0.05 for a in shared_actors)
    ctx_score = 1.0 * shared_aff + 0.5 * min(len(shared_titles), 2) + min(cooc_score, 1.0)
    if ctx_score < CONTEXT_MIN:
        return None
    score = (1.0 if exact_alias else m.score) + ctx_score
    return {
        "rule": "short_name+context",
        "score": round(score, 3),
        "matched": [a, b],
        "context": {
            "affiliation": aff if shared_aff else None,
            "titles": shared_titles,
            "cooccurring": shared_actors[:8],
        },
    }


def _first_name_of(alias: str, name: str) -> bool:
    """ "Joe" of "Joe Biden", "Deirdre" of "Dierdre Coleman": one word that matches only the first
    name of a longer name, spelled the same or a little differently."""
    return " " not in alias and " " in name and compare_names(alias, name).kind == "first_name"


def _not_alias(alias: str, name: str) -> bool:
    """ "Joe" of "Joe Biden": a first name alone, however spelled, is never a person's alias; nor
    is a hyphenated pair of surnames naming someone else too ("Trump-Biden" of Donald Trump). The
    mention stays."""
    if _first_name_of(alias, name):
        return True
    parts = alias.split("-")
    own = {w.casefold() for w in name.replace("-", " ").split()}
    return (" " not in alias and len(parts) == 2 and all(p[:1].isupper() for p in parts)
            and any(p.casefold() not in own for p in parts))


def _emit(
    ctx: LinkContext,
    aid: str,
    typ: str,
    name: str,
    kb_id: str | None,
    aff: str | None,
    members: list[dict[str, Any]],
    evidence: dict[tuple[str, str], dict[str, Any]],
) -> None:
    ctx.actors.append({"id": aid, "type": typ, "name": name, "kb_id": kb_id, "affiliation": aff})
    aliases: Counter[str] = Counter()
    roles: set[tuple[str, str]] = set()
    for m in members:
        ev = dict(evidence.get((m["doc"], m["local_id"]), {}))
        ev["names"] = _names_of(m)
        ctx.links.append({"doc": m["doc"], "entity": m["local_id"], "actor": aid, "evidence": ev})
        aliases.update(n for n in _names_of(m) if not (typ == "PERSON" and _not_alias(n, name)))
        roles.update((ti, m["doc"]) for ti in (m.get("titles") or []))
    ctx.aliases.extend({"actor": aid, "alias": a, "count": n} for a, n in sorted(aliases.items()))
    ctx.roles.extend({"actor": aid, "title": ti, "doc": d} for ti, d in sorted(roles))
