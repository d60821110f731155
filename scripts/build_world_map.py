"""Build ``src/newsgraph/web/static/world.svg``: the land outline the map page draws its event
locations on, so that the page needs nothing from the network.

Source: Natural Earth 1:110m Admin 0 countries (public domain), as shipped in the ``geopandas``
0.14.4 wheel (BSD-3-Clause) at ``geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp``.
Get the wheel with ``pip download geopandas==0.14.4 --no-deps``, unzip that file and run

    python scripts/build_world_map.py path/to/naturalearth_lowres.shp

The shapefile's polygons are read with the standard library (the ESRI format: a 100-byte header,
then records of shape type 5, parts and little-endian double points), projected
equirectangularly onto a 1000 x 500 box (x = (lon + 180) * 1000 / 360, y = (90 - lat) * 500 / 180,
the projection :mod:`newsgraph.queries.geo` and the map page use) and written as one path,
points closer than half a unit dropped.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "web" / "static" / "world.svg"
W, H = 1000, 500
HEADER = """<?xml version="1.0" encoding="utf-8"?>
<!-- Land outline: Natural Earth 1:110m Admin 0 countries (public domain), as shipped in
     geopandas 0.14.4 (BSD-3-Clause, datasets/naturalearth_lowres); equirectangular projection,
     built by scripts/build_world_map.py. -->
"""


def polygons(shp: bytes) -> list[list[list[tuple[float, float]]]]:
    """Every polygon record as its rings of (lon, lat) points."""
    out, pos = [], 100
    while pos + 8 <= len(shp):
        _, words = struct.unpack(">2i", shp[pos : pos + 8])
        content = shp[pos + 8 : pos + 8 + 2 * words]
        pos += 8 + 2 * words
        if struct.unpack("<i", content[:4])[0] != 5:
            continue
        n_parts, n_points = struct.unpack("<2i", content[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", content[44 : 44 + 4 * n_parts])) + [n_points]
        base = 44 + 4 * n_parts
        pts = [struct.unpack("<2d", content[base + 16 * i : base + 16 * i + 16]) for i in range(n_points)]
        out.append([pts[a:b] for a, b in zip(parts, parts[1:], strict=False)])
    return out


def ring_path(ring: list[tuple[float, float]]) -> str:
    pts: list[tuple[float, float]] = []
    for lon, lat in ring:
        p = ((lon + 180) * W / 360, (90 - lat) * H / 180)
        if not pts or abs(p[0] - pts[-1][0]) + abs(p[1] - pts[-1][1]) >= 0.5:
            pts.append(p)
    if len(pts) < 3:
        return ""
    return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in pts) + "Z"


def main(shp_path: str) -> None:
    rings = [ring_path(r) for poly in polygons(Path(shp_path).read_bytes()) for r in poly]
    d = "".join(r for r in rings if r)
    svg = (
        HEADER + f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" height="{H}">\n'
        f'<rect width="{W}" height="{H}" fill="#eef4fa"/>\n'
        f'<path fill="#d9dee5" stroke="#b8c0ca" stroke-width="0.5" d="{d}"/>\n</svg>\n'
    )
    OUT.write_text(svg, encoding="utf-8")
    print(f"wrote {OUT} ({len(svg):,} bytes, {sum(1 for r in rings if r)} rings)")


if __name__ == "__main__":
    main(sys.argv[1])
