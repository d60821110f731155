"""List items as flat table rows, for the CSV downloads of every list.

One rule for every list: a scalar stays as it is; an actor (a dict with ``id`` and ``name``)
becomes two columns, ``KEY`` (the name) and ``KEY_id``; a list of actors becomes names and ids
joined with ``"; "``; another dict is flattened with dotted keys (``evidence.doc``); a list of
plain values is joined with ``"; "``; anything else (quotes of an account, snippet parts) is
written as JSON. Text that a spreadsheet would run as a formula (starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) is prefixed with ``'`` (OWASP's CSV injection rule):
the article text in newsgraph comes from anywhere.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

Row = dict[str, Any]
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _is_actor(v: Any) -> bool:
    return isinstance(v, dict) and "id" in v and "name" in v


def flatten(item: Row, prefix: str = "") -> Row:
    """``item`` as one flat row (see the module's rule)."""
    out: Row = {}
    for k, v in item.items():
        key = prefix + k
        if _is_actor(v):
            out[key], out[key + "_id"] = v["name"], v["id"]
        elif isinstance(v, list) and v and all(_is_actor(x) for x in v):
            out[key] = "; ".join(str(x["name"]) for x in v)
            out[key + "_id"] = "; ".join(str(x["id"]) for x in v)
        elif isinstance(v, dict):
            out.update(flatten(v, key + "."))
        elif isinstance(v, list) and all(not isinstance(x, (dict, list)) for x in v):
            out[key] = "; ".join(str(x) for x in v)
        elif isinstance(v, list):
            out[key] = json.dumps(v, ensure_ascii=False)
        else:
            out[key] = v
    return out


def safe_cell(v: Any) -> Any:
    """A cell a spreadsheet shows as text: formulas defused, booleans as true/false."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str) and v.startswith(_FORMULA):
        return "'" + v
    return v


def csv_text(items: Iterable[Row]) -> str:
    """The items as CSV (a header of every column seen, in first-seen order)."""
    rows = [flatten(it) for it in items]
    columns: dict[str, None] = {}
    for r in rows:
        columns.update(dict.fromkeys(r))
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(columns), lineterminator="\r\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: safe_cell(v) for k, v in r.items()})
    return buf.getvalue()


__all__ = ["csv_text", "flatten", "safe_cell"]
