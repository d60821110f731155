"""Cross-document actor linking, v1: knowledge-base id, else type plus normalised name.

Each document-local entity becomes (or joins) one global actor; aliases and titles are
collected with the documents they came from.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from ..link import LinkContext, link_pass
from ..store import schema as t
from ..textutil import normalise_text, short_hash


def actor_key(ent: dict[str, Any]) -> str:
    if ent.get("kb_id"):
        return "kb:" + ent["kb_id"]
    return f"{ent['type']}:{normalise_text(ent['name']).casefold()}"


@link_pass("actors", version=1)
def link_actors(ctx: LinkContext) -> None:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ent in ctx.store.iter_rows(t.entities, order_by=(t.entities.c.doc, t.entities.c.local_id)):
        groups[actor_key(ent)].append(ent)
    key_to_id = {k: "a_" + short_hash(k) for k in groups}
    for key, ents in sorted(groups.items()):
        aid = key_to_id[key]
        names = Counter(e["name"] for e in ents)
        name = max(names, key=lambda n: (names[n], len(n)))
        types = Counter(e["type"] for e in ents)
        ctx.actors.append({"id": aid, "type": types.most_common(1)[0][0], "name": name,
                           "kb_id": next((e["kb_id"] for e in ents if e.get("kb_id")), None),
                           "affiliation": None})
        aliases: Counter[str] = Counter()
        roles = set()
        for e in ents:
            ctx.links.append({"doc": e["doc"], "entity": e["local_id"], "actor": aid,
                              "evidence": {"rule": "kb_id" if key.startswith("kb:") else "same_name"}})
            aliases.update([e["name"], *(e.get("aliases") or [])])
            roles.update((ti, e["doc"]) for ti in (e.get("titles") or []))
        ctx.aliases.extend({"actor": aid, "alias": a, "count": n} for a, n in sorted(aliases.items()))
        ctx.roles.extend({"actor": aid, "title": ti, "doc": d} for ti, d in sorted(roles))
    # affiliations: the most common linked affiliation of the actor's entities
    amap = ctx.actor_map()
    by_id = {a["id"]: a for a in ctx.actors}
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for key, ents in groups.items():
        for e in ents:
            aff = e.get("affiliation")
            if not aff:
                continue
            target = key_to_id.get("kb:" + aff[3:]) if aff.startswith("kb:") else amap.get((e["doc"], aff))
            if target and target != key_to_id[key]:
                votes[key_to_id[key]][target] += 1
    for aid, c in votes.items():
        by_id[aid]["affiliation"] = c.most_common(1)[0][0]
