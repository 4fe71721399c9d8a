# SPDX-License-Identifier: EUPL-1.2
"""Wijk and buurt boundaries as geometry: polygons with their rings, made fit to draw.

CBS and PDOK publish boundaries as GeoJSON or TopoJSON, in RD New (EPSG:28992, metres) or in
WGS84 (degrees). A map needs much less than the file holds: per area its polygons (the outer
ring first, then its holes), rounded to what a map can show (whole metres; six decimals of a
degree, 11 cm) so that a page stays small.

The rings are wound the way the map's renderer (d3-geo, inside Vega) reads them: the outer ring
clockwise, holes counter-clockwise. GeoJSON (RFC 7946) prescribes the opposite, and d3 reads a
counter-clockwise ring on the sphere as "the whole world except this area": without rewinding,
one wijk in degrees would paint the world. On a flat (RD) map opposite winding is what makes a
hole stay empty.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

from koers.domain.wording import Wording
from koers.i18n import N_

Position = tuple[float, float]
#: A closed ring: the first position is repeated at the end.
Ring = tuple[Position, ...]
#: The outer ring first, then its holes.
Polygon = tuple[Ring, ...]

#: The geometry types a boundary may have.
AREA_TYPES: Final = ("Polygon", "MultiPolygon")

#: Decimals kept: whole metres on a flat (RD) map, six of a degree (about 11 cm) in lon/lat.
PLANAR_DECIMALS, DEGREE_DECIMALS = 0, 6

#: A closed ring needs at least this many positions (a triangle and its closing position).
MIN_RING = 4

#: A label's place is sought on a grid of this many steps across an area, then refined this often;
#: per unit of distance from the centre of mass, a place needs this much more room to be chosen.
LABEL_GRID, LABEL_REFINE, LABEL_PULL = 12, 4, 0.1

#: What is wrong with a geometry, per code (English: koers.i18n); the facts fill in the text.
GEOMETRY_PROBLEMS: Final = {
    "no-geometry": N_("er is geen vorm (geometry) gegeven"),
    "geometry-type": N_("het is een {type}, geen vlak (Polygon of MultiPolygon)"),
    "bad-coordinates": N_("de coördinaten zijn geen lijsten van getallen ({where})"),
    "short-ring": N_("een ring heeft {count} punten, minstens {needed} zijn nodig ({where})"),
    "empty-geometry": N_("na afronden blijft er geen vlak over"),
    "bad-arc": N_("boog {arc} bestaat niet (het hoogste nummer is {last})"),
    "bad-arcs": N_("de bogen (arcs) zijn geen lijsten van nummers ({where})"),
    "no-arcs": N_("'arcs' is geen lijst van bogen"),
    "no-objects": N_("'objects' is geen object met benoemde vormen"),
    "bad-object": N_("object '{name}' is geen vorm of lijst van vormen"),
    "bad-transform": N_("'transform' heeft geen 'scale' en 'translate' van elk twee getallen"),
}


class GeometryError(ValueError):
    """A geometry koers cannot draw; ``code`` is a key of :data:`GEOMETRY_PROBLEMS`."""

    def __init__(self, code: str, **facts: Any) -> None:
        super().__init__(f"{code}: {facts}")
        self.code = code
        self.facts = facts

    def wording(self) -> Wording:
        """What is wrong, in words rendered late (the reader's language)."""
        return Wording(GEOMETRY_PROBLEMS[self.code], self.facts)


@dataclass(frozen=True, slots=True)
class Bounds:
    """The smallest rectangle around a set of positions."""

    min_x: float
    min_y: float
    max_x: float
    max_y: float

    @property
    def width(self) -> float:
        return self.max_x - self.min_x

    @property
    def height(self) -> float:
        return self.max_y - self.min_y


@dataclass(frozen=True, slots=True)
class Shape:
    """An area's polygons (a wijk may lie in parts: an island, a piece across a canal)."""

    polygons: tuple[Polygon, ...]

    @classmethod
    def from_geojson(cls, geometry: Any) -> Shape:
        """The shape of a GeoJSON Polygon or MultiPolygon; a :class:`GeometryError` otherwise.

        A ring that is not closed is closed; a third coordinate (height) is left out.
        """
        if not isinstance(geometry, dict) or geometry.get("type") is None:
            raise GeometryError("no-geometry")
        kind = geometry["type"]
        if kind not in AREA_TYPES:
            raise GeometryError("geometry-type", type=str(kind))
        coordinates = geometry.get("coordinates")
        parts = [coordinates] if kind == "Polygon" else coordinates
        if not isinstance(parts, list):
            raise GeometryError("bad-coordinates", where="coordinates")
        return cls(tuple(_polygon(part, f"coordinates[{i}]") for i, part in enumerate(parts)))

    def as_geojson(self) -> dict[str, Any]:
        """The shape as a GeoJSON geometry: a Polygon when it has one part, else a MultiPolygon."""
        parts = [[[list(p) for p in ring] for ring in polygon] for polygon in self.polygons]
        if len(parts) == 1:
            return {"type": "Polygon", "coordinates": parts[0]}
        return {"type": "MultiPolygon", "coordinates": parts}

    def positions(self) -> Iterator[Position]:
        for polygon in self.polygons:
            for ring in polygon:
                yield from ring

    def bounds(self) -> Bounds:
        return bounds_of(self.positions())

    def tidied(self, planar: bool) -> Shape:
        """Rounded (:data:`PLANAR_DECIMALS` or :data:`DEGREE_DECIMALS`), without repeated
        positions, and wound as d3 reads it; a hole that rounding flattens is left out, a
        polygon whose outer ring it flattens too."""
        decimals = PLANAR_DECIMALS if planar else DEGREE_DECIMALS
        polygons = []
        for polygon in self.polygons:
            outer, *holes = (_rounded(ring, decimals) for ring in polygon)
            if outer is None:
                continue
            kept = [_wound(h, clockwise=False) for h in holes if h is not None]
            polygons.append((_wound(outer, clockwise=True), *kept))
        if not polygons:
            raise GeometryError("empty-geometry")
        return Shape(tuple(polygons))

    def label_point(self) -> Position:
        """Where a label has most room: in the largest part, the point farthest from its edges."""
        return inmost(max(self.polygons, key=lambda p: abs(signed_area(p[0]))))


def bounds_of(positions: Iterable[Position]) -> Bounds:
    xs, ys = zip(*positions, strict=True)
    return Bounds(min(xs), min(ys), max(xs), max(ys))


def is_planar(shapes: Iterable[Shape]) -> bool:
    """Whether the coordinates are metres on a flat map (RD New) rather than degrees: any
    position outside longitude -180..180 or latitude -90..90 cannot be in degrees."""
    return any(abs(x) > 180 or abs(y) > 90 for shape in shapes for x, y in shape.positions())


def aspect(shapes: Sequence[Shape], planar: bool) -> float:
    """Height over width of the map of ``shapes``: as measured on a flat map, or, in degrees,
    as the Mercator projection draws them (north of the equator it stretches latitude)."""
    box = bounds_of(p for s in shapes for p in s.positions())
    if planar:
        return box.height / box.width if box.width else 1.0

    def north(latitude: float) -> float:
        return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(latitude) / 2)))

    height = north(box.max_y) - north(box.min_y)
    return height / box.width if box.width else 1.0


def signed_area(ring: Ring) -> float:
    """The shoelace area: positive for a counter-clockwise ring (with y pointing up)."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False)) / 2


def contains(polygon: Polygon, point: Position) -> bool:
    """Whether ``point`` lies inside the outer ring and outside every hole (even-odd rule)."""
    x, y = point
    inside = False
    for ring in polygon:
        for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
            if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                inside = not inside
    return inside


def _polygon(rings: Any, where: str) -> Polygon:
    if not isinstance(rings, list) or not rings:
        raise GeometryError("bad-coordinates", where=where)
    return tuple(_ring(ring, f"{where}[{i}]") for i, ring in enumerate(rings))


def _ring(positions: Any, where: str) -> Ring:
    if not isinstance(positions, list):
        raise GeometryError("bad-coordinates", where=where)
    ring = [_position(p, f"{where}[{i}]") for i, p in enumerate(positions)]
    if ring and ring[0] != ring[-1]:
        ring.append(ring[0])
    if len(ring) < MIN_RING:
        raise GeometryError("short-ring", count=len(ring), needed=MIN_RING, where=where)
    return tuple(ring)


def _position(position: Any, where: str) -> Position:
    if not isinstance(position, list) or len(position) < 2:
        raise GeometryError("bad-coordinates", where=where)
    x, y = position[0], position[1]
    for value in (x, y):
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise GeometryError("bad-coordinates", where=where)
    return (float(x), float(y))


def _rounded(ring: Ring, decimals: int) -> Ring | None:
    """``ring`` rounded, each position once in a row; None when fewer than a triangle remain."""
    kept: list[Position] = []
    for x, y in ring:
        position = (round(x), round(y)) if decimals == 0 else (round(x, decimals), round(y, decimals))
        if not kept or kept[-1] != position:
            kept.append(position)
    return tuple(kept) if len(kept) >= MIN_RING and signed_area(tuple(kept)) != 0 else None


def _wound(ring: Ring, *, clockwise: bool) -> Ring:
    return ring if (signed_area(ring) < 0) == clockwise else ring[::-1]


def _centroid(ring: Ring) -> Position:
    area = signed_area(ring)
    if area == 0:
        box = bounds_of(ring)
        return ((box.min_x + box.max_x) / 2, (box.min_y + box.max_y) / 2)
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        cross = x0 * y1 - x1 * y0
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return (cx / (6 * area), cy / (6 * area))


@lru_cache(maxsize=1024)
def inmost(polygon: Polygon) -> Position:
    """Where a label has most room in ``polygon``: far from its edges (a simple form of the 'pole
    of inaccessibility') and, where several places have that room, nearest its centre of mass
    (:data:`LABEL_PULL`). Sought among the centre and a grid of :data:`LABEL_GRID` steps across,
    then refined around the best by halving steps. A label there stays inside an L-shaped wijk
    and beside a lake in it. Kept per polygon: every map of the same wijken asks again."""
    segments = [(a, b) for ring in polygon for a, b in zip(ring, ring[1:], strict=False)]
    box = bounds_of(polygon[0])
    centre = _centroid(polygon[0])

    def score(point: Position) -> float:
        if not contains(polygon, point):
            return -math.inf
        room = min(_distance(point, a, b) for a, b in segments)
        return room - LABEL_PULL * math.dist(point, centre)

    best, found = centre, score(centre)
    dx, dy = box.width / LABEL_GRID, box.height / LABEL_GRID
    grid = [(box.min_x + i * dx, box.min_y + j * dy) for i in range(LABEL_GRID + 1) for j in range(LABEL_GRID + 1)]
    for _ in range(LABEL_REFINE + 1):
        for point in grid:
            if (value := score(point)) > found:
                best, found = point, value
        dx, dy = dx / 2, dy / 2
        grid = [(best[0] + i * dx, best[1] + j * dy) for i in (-1, 0, 1) for j in (-1, 0, 1)]
    return best


def _distance(point: Position, a: Position, b: Position) -> float:
    """From ``point`` to the segment from ``a`` to ``b``."""
    (px, py), (ax, ay), (bx, by) = point, a, b
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))
