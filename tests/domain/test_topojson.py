# SPDX-License-Identifier: EUPL-1.2
"""TopoJSON decoded by koers: quantized, delta-encoded arcs with a transform, arcs walked
backwards, polygons with holes and in parts; the test file must give the GeoJSON's rings."""

from __future__ import annotations

import json
from typing import Any

import pytest

from koers.domain.geo import GeometryError, Shape
from koers.domain.topojson import Topology, TopologyError
from tests.geodata import RD_GEOJSON, RD_TOPOJSON


def read(path: Any) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_topojson_decodes_to_exactly_the_geojson_rings() -> None:
    topology = Topology(read(RD_TOPOJSON))
    decoded = [Shape.from_geojson(topology.as_geojson(g.geometry)) for g in topology.geometries()]
    written = [Shape.from_geojson(f["geometry"]) for f in read(RD_GEOJSON)["features"]]
    assert decoded == written  # every position, in order, before any rounding
    assert [p for s in decoded for p in s.polygons] and len(decoded) == 5
    assert [s.tidied(planar=True) for s in decoded] == [s.tidied(planar=True) for s in written]


def test_every_geometry_comes_with_its_object_and_properties() -> None:
    found = list(Topology(read(RD_TOPOJSON)).geometries())
    assert [g.properties["statcode"] for g in found] == ["WK991201", "WK991202", "WK991203", "WK991204", "WK991301"]
    assert {g.object for g in found} == {"wijken"}


def topology(arcs: list[Any], geometry: dict[str, Any], transform: dict[str, Any] | None = None) -> Topology:
    data: dict[str, Any] = {"type": "Topology", "arcs": arcs, "objects": {"w": geometry}}
    if transform is not None:
        data["transform"] = transform
    return Topology(data)


def test_a_negative_arc_is_walked_backwards_and_joined_without_repeating_its_first_position() -> None:
    arcs = [[[0, 0], [4, 0], [4, 4]], [[0, 0], [0, 4], [4, 4]]]
    square = topology(arcs, {"type": "Polygon", "arcs": [[0, ~1]]})
    geometry = square.as_geojson(next(square.geometries()).geometry)
    assert geometry == {"type": "Polygon", "coordinates": [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]]}


def test_quantized_positions_are_summed_scaled_and_translated() -> None:
    arcs = [[[2, 0], [2, 0], [0, 2], [-2, 0], [-2, -2]]]
    square = topology(arcs, {"type": "Polygon", "arcs": [[0]]}, {"scale": [0.5, 10], "translate": [100, 1000]})
    rings = square.as_geojson({"type": "Polygon", "arcs": [[0]]})["coordinates"]
    assert rings == [[[101, 1000], [102, 1000], [102, 1020], [101, 1020], [100, 1000]]]


def test_a_multipolygon_is_decoded_part_by_part() -> None:
    arcs = [[[0, 0], [1, 0], [1, 1], [0, 0]], [[5, 5], [6, 5], [6, 6], [5, 5]]]
    parts = topology(arcs, {"type": "MultiPolygon", "arcs": [[[0]], [[1]]]})
    geometry = parts.as_geojson({"type": "MultiPolygon", "arcs": [[[0]], [[1]]]})
    assert [len(p) for p in geometry["coordinates"]] == [1, 1]


@pytest.mark.parametrize(
    ("geometry", "code"),
    [
        ({"type": "Polygon", "arcs": [[7]]}, "bad-arc"),
        ({"type": "Polygon", "arcs": [[~7]]}, "bad-arc"),
        ({"type": "Polygon", "arcs": [["0"]]}, "bad-arcs"),
        ({"type": "Polygon", "arcs": 0}, "bad-arcs"),
        ({"type": "Point", "coordinates": [0, 0]}, "geometry-type"),
        ({"type": None}, "no-geometry"),
    ],
)
def test_a_geometry_that_cannot_be_decoded_says_why(geometry: dict[str, Any], code: str) -> None:
    one = topology([[[0, 0], [1, 0], [1, 1], [0, 0]]], geometry)
    with pytest.raises(GeometryError) as caught:
        one.as_geojson(geometry)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ({"arcs": {}, "objects": {}}, "no-arcs"),
        ({"arcs": [], "objects": []}, "no-objects"),
        ({"arcs": [], "objects": {}, "transform": {"scale": [1, 1]}}, "bad-transform"),
        ({"arcs": [], "objects": {}, "transform": [1, 1]}, "bad-transform"),
    ],
)
def test_a_topology_that_cannot_be_read_says_why(data: dict[str, Any], code: str) -> None:
    with pytest.raises(TopologyError) as caught:
        Topology({"type": "Topology", **data})
    assert caught.value.code == code


def test_an_object_that_is_no_geometry_is_named() -> None:
    with pytest.raises(TopologyError) as caught:
        list(Topology({"type": "Topology", "arcs": [], "objects": {"buurten": 3}}).geometries())
    assert (caught.value.code, caught.value.facts) == ("bad-object", {"name": "buurten"})
