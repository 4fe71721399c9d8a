# SPDX-License-Identifier: EUPL-1.2
"""Writes the boundary files of the invented municipality Voorbeeldstad (see README.md).

Both forms are written out by hand here, independently: the GeoJSON rings point by point, the
TopoJSON as arcs (each shared border once) and the arc numbers around each wijk. Only the
quantizing and delta encoding of the arcs is computed. A test decodes the TopoJSON and expects
the GeoJSON's rings: it can fail, because nothing here decodes anything.

Run from the repository's root: python tests/data/geo/make_files.py
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).parent
#: Where the map lies in RD New (metres), and the quarter metre every point is off a whole one,
#: so that rounding to whole metres is exercised.
X0, Y0, OFF = 150_000, 450_000, 0.25
#: The TopoJSON's quantization: positions in quarter metres from (X0, Y0).
SCALE = 0.25

# The corners, in kilometres east and north of (X0, Y0).
P = {
    "A": (0, 0), "B": (1, 0), "C": (4, 0), "D": (0, 2), "E": (1, 2), "F": (1, 1), "G": (3, 1),
    "H": (3, 2), "I": (4, 2), "J": (0, 3), "K": (4, 3), "N1": (5, 2), "N2": (5, 3),
    # a lake in Centrum (a hole) and an island of Zuid-Oost (a second part)
    "L1": (1.8, 1.3), "L2": (2.2, 1.3), "L3": (2.2, 1.7), "L4": (1.8, 1.7),
    "M1": (4.2, 0.5), "M2": (4.6, 0.5), "M3": (4.6, 0.9), "M4": (4.2, 0.9),
}  # fmt: skip

#: The wijken: code, name, municipality, and rings (GeoJSON: outer ring counter-clockwise, as RFC
#: 7946 and PDOK write them; holes clockwise), each from the corner the TopoJSON starts it at.
WIJKEN = [
    ("WK991201", "Centrum", "GM9912", [[["F", "G", "H", "E", "F"], ["L1", "L4", "L3", "L2", "L1"]]]),
    ("WK991202", "Noord", "GM9912", [[["D", "E", "H", "I", "K", "J", "D"]]]),
    ("WK991203", "West", "GM9912", [[["B", "F", "E", "D", "A", "B"]]]),
    ("WK991204", "Zuid-Oost", "GM9912", [[["B", "C", "I", "H", "G", "F", "B"]], [["M1", "M2", "M3", "M4", "M1"]]]),
    ("WK991301", "Buurstad-Oost", "GM9913", [[["I", "N1", "N2", "K", "I"]]]),
]

#: The same borders as TopoJSON arcs: every border between two wijken once.
ARCS = [
    ["B", "F"],  # 0 West | Zuid-Oost
    ["F", "E"],  # 1 West | Centrum
    ["E", "D"],  # 2 West | Noord
    ["D", "A", "B"],  # 3 West's outer edge
    ["B", "C", "I"],  # 4 Zuid-Oost's outer edge
    ["I", "H"],  # 5 Zuid-Oost | Noord
    ["H", "G", "F"],  # 6 Zuid-Oost | Centrum
    ["H", "E"],  # 7 Centrum | Noord
    ["L1", "L4", "L3", "L2", "L1"],  # 8 the lake
    ["M1", "M2", "M3", "M4", "M1"],  # 9 the island
    ["I", "K"],  # 10 Noord | Buurstad-Oost
    ["I", "N1", "N2", "K"],  # 11 Buurstad-Oost's outer edge
    ["K", "J", "D"],  # 12 Noord's outer edge
]
#: The arcs around each wijk, in WIJKEN's order; ~i (= -i - 1) walks arc i backwards.
TOPO = [
    ("Polygon", [[~6, 7, ~1], [8]]),
    ("Polygon", [[~2, ~7, ~5, 10, 12]]),
    ("Polygon", [[0, 1, 2, 3]]),
    ("MultiPolygon", [[[4, 5, 6, ~0]], [[9]]]),
    ("Polygon", [[11, ~10]]),
]


def rd(name: str) -> list[float]:
    x, y = P[name]
    return [X0 + round(x * 1000) + OFF, Y0 + round(y * 1000) + OFF]


def degrees(name: str) -> list[float]:
    """The same corner in lon/lat, roughly where RD (150000, 450000) lies; made up, not projected."""
    x, y = P[name]
    return [round(5.3 + x * 0.0147, 7), round(52.0 + y * 0.009, 7)]


def geojson(position: Callable[[str], list[float]]) -> dict:
    features = []
    for code, name, municipality, polygons in WIJKEN:
        rings = [[[position(p) for p in ring] for ring in polygon] for polygon in polygons]
        geometry = (
            {"type": "Polygon", "coordinates": rings[0]}
            if len(rings) == 1
            else {"type": "MultiPolygon", "coordinates": rings}
        )
        properties = {"wijkcode": code, "wijknaam": name, "gemeentecode": municipality, "water": "NEE"}
        features.append({"type": "Feature", "properties": properties, "geometry": geometry})
    return {"type": "FeatureCollection", "name": "wijken", "features": features}


def quantized(arc: list[str]) -> list[list[int]]:
    points = [[round((v - t) / SCALE) for v, t in zip(rd(p), (X0, Y0), strict=True)] for p in arc]
    return [points[0]] + [[x - px, y - py] for (px, py), (x, y) in zip(points, points[1:], strict=False)]


def topojson() -> dict:
    geometries = [
        {"type": kind, "arcs": arcs, "properties": {"statcode": code, "statnaam": name}}
        for (kind, arcs), (code, name, _municipality, _rings) in zip(TOPO, WIJKEN, strict=True)
    ]
    return {
        "type": "Topology",
        "transform": {"scale": [SCALE, SCALE], "translate": [X0, Y0]},
        "objects": {"wijken": {"type": "GeometryCollection", "geometries": geometries}},
        "arcs": [quantized(arc) for arc in ARCS],
    }


def write(name: str, data: dict) -> None:
    (HERE / name).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write("voorbeeldstad-wijken-rd.geojson", geojson(rd))
    write("voorbeeldstad-wijken-rd.topojson", topojson())
    write("voorbeeldstad-wijken-wgs84.geojson", geojson(degrees))
