"""The one rule for negated and hypothetical events, used by every surface that lists or counts them.

Negated ("Russia has not designated Hamas a terror organisation") and hypothetical ("Russia could
help ... if it is feasible") events are kept in the store and flagged (``negated``,
``hypothetical``). The rule:

    an event report is counted unless it is negated or hypothetical; a filter includes either.

A real event (a cluster of reports) is counted when its reports are: the link pass puts reports
in one cluster only when their flags are equal, so a cluster is all in or all out. Lists of
events and real events, their counts (overview, ``newsgraph stats``), actor profiles (event
types, counterparts, event list), relations, network edges and the timeline all apply the same
:class:`Modality`; it is exposed as ``include_negated`` / ``include_hypothetical`` on the CLI
(``--include-negated``, ``--include-hypothetical``), the JSON API and HTML pages (query
parameters) and the notebook API (keyword arguments).

Defaults: views and counts use :data:`FACTUAL` (neither included). The record exports
(``newsgraph.export/1`` JSON, CSV/Parquet tables, PLOVER lines) are complete records whose
events carry their flags (the scorer checks them), so they default to :data:`EVERYTHING`; the
same filter restricts them (``newsgraph export --exclude-negated --exclude-hypothetical``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import false, or_, select
from sqlalchemy.sql.elements import ColumnElement

from newsgraph.store import schema as t


@dataclass(frozen=True)
class Modality:
    """Which flagged event reports a query includes (by default: neither negated nor hypothetical)."""

    include_negated: bool = False
    include_hypothetical: bool = False

    @property
    def everything(self) -> bool:
        return self.include_negated and self.include_hypothetical

    def keeps(self, negated: Any, hypothetical: Any) -> bool:
        """The rule, for one report's flags (None counts as False)."""
        return (self.include_negated or not negated) and (self.include_hypothetical or not hypothetical)

    def where(self, table: Any) -> list[ColumnElement[bool]]:
        """The rule as SQL conditions on a table with ``negated`` and ``hypothetical`` columns
        (``events``, ``event_actors``)."""
        out: list[ColumnElement[bool]] = []
        if not self.include_negated:
            out.append(table.c.negated.is_not(True))
        if not self.include_hypothetical:
            out.append(table.c.hypothetical.is_not(True))
        return out

    def excluded(self, table: Any) -> ColumnElement[bool]:
        """The reports the rule leaves out, as one SQL condition (the complement of :meth:`where`)."""
        conds = []
        if not self.include_negated:
            conds.append(table.c.negated.is_(True))
        if not self.include_hypothetical:
            conds.append(table.c.hypothetical.is_(True))
        return or_(*conds) if conds else false()

    def clusters_where(self, cluster_id: Any) -> list[ColumnElement[bool]]:
        """The rule for real events: conditions on a cluster id column (``clusters.id``) that keep
        the clusters whose reports are kept. The reports of a cluster share their flags, so it is
        enough to leave out every cluster with a left-out report: one pass over the events
        (the few flagged ones), whatever the number of clusters listed."""
        if self.everything:
            return []
        E, CE = t.events, t.cluster_events
        out = select(CE.c.cluster).join(E, E.c.id == CE.c.event).where(self.excluded(E))
        return [cluster_id.not_in(out)]

    def params(self) -> dict[str, bool]:
        """The filter as keyword arguments (``include_negated``, ``include_hypothetical``)."""
        return {"include_negated": self.include_negated, "include_hypothetical": self.include_hypothetical}


FACTUAL = Modality()
EVERYTHING = Modality(include_negated=True, include_hypothetical=True)


#: export formats that are records of every event (with its flags) unless told otherwise
RECORD_FORMATS = ("json", "csv", "parquet", "plover")


def modality(include_negated: bool | None = False, include_hypothetical: bool | None = False) -> Modality:
    """A :class:`Modality` from the two flags every surface takes."""
    return Modality(bool(include_negated), bool(include_hypothetical))


def export_modality(fmt: str, include_negated: bool | None, include_hypothetical: bool | None) -> Modality:
    """The filter of an export in format ``fmt``: a flag left as None takes the format's default
    (records: included; network edges: left out)."""
    default = fmt in RECORD_FORMATS
    return Modality(
        default if include_negated is None else include_negated,
        default if include_hypothetical is None else include_hypothetical,
    )


__all__ = ["EVERYTHING", "FACTUAL", "RECORD_FORMATS", "Modality", "export_modality", "modality"]
