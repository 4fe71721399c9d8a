# SPDX-License-Identifier: EUPL-1.2
"""TopoJSON, decoded by koers itself: a Topology's polygons as GeoJSON geometries.

TopoJSON (https://github.com/topojson/topojson-specification) stores every shared border once,
as an *arc*, and each polygon as the list of arcs around it; a wijk border shared by two wijken
is one arc, walked forwards by one and backwards by the other. koers decodes it itself: decoding
takes a few dozen lines, and the Python package ``topojson`` is made for encoding (with shapely
and pandas behind it):

* a *quantized* topology has a ``transform``: each arc's positions are whole numbers, the first
  absolute and every next one the difference from the one before (delta encoding); a position
  is ``quantized * scale + translate``;
* an arc index ``i`` below zero means arc ``~i`` (that is ``-i - 1``) walked backwards;
* a ring is its arcs joined, each next arc's first position left out (it is the last one of
  the arc before).

Every geometry of every object comes out with its properties, so that a file with both wijken
and buurten (two objects) serves either.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from koers.domain.geo import AREA_TYPES, GeometryError, Position


class TopologyError(GeometryError):
    """The topology itself cannot be read, not a single geometry of it (its code is a key of
    :data:`koers.domain.geo.GEOMETRY_PROBLEMS`, like a geometry's)."""


@dataclass(frozen=True, slots=True)
class TopoGeometry:
    """One geometry of a topology's object, as a feature: its properties and its arcs."""

    object: str
    properties: Mapping[str, Any]
    geometry: Mapping[str, Any]


class Topology:
    """A topology's arcs, decoded when a geometry first needs them (a national file holds
    thousands; a plan needs the few of its own wijken)."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        arcs, objects = data.get("arcs"), data.get("objects")
        if not isinstance(arcs, list):
            raise TopologyError("no-arcs")
        if not isinstance(objects, dict):
            raise TopologyError("no-objects")
        self._arcs: list[Any] = arcs
        self._objects: dict[str, Any] = objects
        self._scale, self._translate = _transform(data.get("transform"))
        self._decoded: dict[int, list[Position]] = {}

    def geometries(self) -> Iterator[TopoGeometry]:
        """Every geometry of every object, in the file's order; a GeometryCollection is opened."""
        for name, item in self._objects.items():
            if not isinstance(item, dict):
                raise TopologyError("bad-object", name=name)
            members = item.get("geometries") if item.get("type") == "GeometryCollection" else [item]
            if not isinstance(members, list):
                raise TopologyError("bad-object", name=name)
            for member in members:
                member = member if isinstance(member, dict) else {}
                properties = member.get("properties")
                yield TopoGeometry(name, properties if isinstance(properties, dict) else {}, member)

    def as_geojson(self, geometry: Mapping[str, Any]) -> dict[str, Any]:
        """The GeoJSON geometry of a Polygon or MultiPolygon of this topology, its rings made of
        the arcs; a :class:`GeometryError` for another type or an arc that does not exist."""
        kind = geometry.get("type")
        if kind is None:
            raise GeometryError("no-geometry")
        if kind not in AREA_TYPES:
            raise GeometryError("geometry-type", type=str(kind))
        arcs = geometry.get("arcs")
        parts = [arcs] if kind == "Polygon" else arcs
        if not isinstance(parts, list):
            raise GeometryError("bad-arcs", where="arcs")
        polygons = [self._polygon(part, f"arcs[{i}]") for i, part in enumerate(parts)]
        coordinates: list[Any] = polygons[0] if kind == "Polygon" and polygons else polygons
        return {"type": kind, "coordinates": coordinates}

    def _polygon(self, rings: Any, where: str) -> list[list[list[float]]]:
        if not isinstance(rings, list):
            raise GeometryError("bad-arcs", where=where)
        return [self._ring(ring, f"{where}[{i}]") for i, ring in enumerate(rings)]

    def _ring(self, indexes: Any, where: str) -> list[list[float]]:
        if not isinstance(indexes, list) or not all(isinstance(i, int) and not isinstance(i, bool) for i in indexes):
            raise GeometryError("bad-arcs", where=where)
        ring: list[Position] = []
        for index in indexes:
            arc = self._arc(~index if index < 0 else index)
            walked = arc[::-1] if index < 0 else arc
            ring.extend(walked[1:] if ring else walked)
        return [[x, y] for x, y in ring]

    def _arc(self, number: int) -> list[Position]:
        """Arc ``number``'s positions, from the quantized differences when there is a transform."""
        if number in self._decoded:
            return self._decoded[number]
        if not 0 <= number < len(self._arcs):
            raise GeometryError("bad-arc", arc=number, last=len(self._arcs) - 1)
        raw = self._arcs[number]
        where = f"arcs[{number}]"
        if not isinstance(raw, list):
            raise GeometryError("bad-coordinates", where=where)
        positions = [_pair(p, f"{where}[{i}]") for i, p in enumerate(raw)]
        if self._scale is not None and self._translate is not None:
            (sx, sy), (tx, ty) = self._scale, self._translate
            x = y = 0.0
            decoded = []
            for dx, dy in positions:
                x, y = x + dx, y + dy
                decoded.append((x * sx + tx, y * sy + ty))
            positions = decoded
        self._decoded[number] = positions
        return positions


def _transform(transform: Any) -> tuple[Position | None, Position | None]:
    """(scale, translate) of a quantized topology; (None, None) when its positions are absolute."""
    if transform is None:
        return None, None
    if not isinstance(transform, dict):
        raise TopologyError("bad-transform")
    try:
        return _pair(transform.get("scale"), "scale"), _pair(transform.get("translate"), "translate")
    except GeometryError:
        raise TopologyError("bad-transform") from None


def _pair(value: Any, where: str) -> Position:
    if (
        not isinstance(value, list)
        or len(value) < 2
        or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value[:2])
    ):
        raise GeometryError("bad-coordinates", where=where)
    return (float(value[0]), float(value[1]))
