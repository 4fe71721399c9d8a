# SPDX-License-Identifier: EUPL-1.2
"""Boundaries as geometry: reading GeoJSON polygons, rounding, winding as d3 reads them, telling
metres from degrees, and where a label fits."""

from __future__ import annotations

import math
from typing import Any

import pytest

from koers.domain.geo import GeometryError, Shape, aspect, contains, is_planar, signed_area

SQUARE = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]  # counter-clockwise, as RFC 7946 writes it
HOLE = [[4, 4], [4, 6], [6, 6], [6, 4], [4, 4]]  # clockwise


def polygon(*rings: list[list[float]]) -> dict[str, Any]:
    return {"type": "Polygon", "coordinates": list(rings)}


def test_a_polygon_and_a_multipolygon_are_read_ring_by_ring() -> None:
    one = Shape.from_geojson(polygon(SQUARE, HOLE))
    assert len(one.polygons) == 1 and len(one.polygons[0]) == 2
    two = Shape.from_geojson({"type": "MultiPolygon", "coordinates": [[SQUARE], [HOLE]]})
    assert [len(p) for p in two.polygons] == [1, 1]
    assert two.as_geojson()["type"] == "MultiPolygon" and one.as_geojson()["type"] == "Polygon"


def test_an_open_ring_is_closed_and_a_height_left_out() -> None:
    shape = Shape.from_geojson(polygon([[0, 0, 3.5], [10, 0, 3.5], [10, 10, 3.5], [0, 10, 3.5]]))
    ring = shape.polygons[0][0]
    assert ring[0] == ring[-1] == (0.0, 0.0) and len(ring) == 5


@pytest.mark.parametrize(
    ("geometry", "code"),
    [
        (None, "no-geometry"),
        ({"type": None}, "no-geometry"),
        ({"type": "Point", "coordinates": [1, 2]}, "geometry-type"),
        ({"type": "LineString", "coordinates": [[1, 2], [3, 4]]}, "geometry-type"),
        (polygon([[0, 0], [1, 1], [0, 0]]), "short-ring"),
        (polygon([[0, 0], ["1", 0], [1, 1], [0, 0]]), "bad-coordinates"),
        (polygon([[0, 0], [1], [1, 1], [0, 0]]), "bad-coordinates"),
        (polygon([[0, 0], [True, 0], [1, 1], [0, 0]]), "bad-coordinates"),
        (polygon([[0, 0], [float("nan"), 0], [1, 1], [0, 0]]), "bad-coordinates"),
        ({"type": "Polygon", "coordinates": "nee"}, "bad-coordinates"),
        ({"type": "MultiPolygon", "coordinates": [[]]}, "bad-coordinates"),
    ],
)
def test_a_shape_that_cannot_be_drawn_says_why(geometry: Any, code: str) -> None:
    with pytest.raises(GeometryError) as caught:
        Shape.from_geojson(geometry)
    assert caught.value.code == code
    assert caught.value.wording().render("nl", lambda v, _lang: v)  # a Dutch text for every code


def test_a_bad_position_is_named_by_where_it_is() -> None:
    with pytest.raises(GeometryError) as caught:
        Shape.from_geojson({"type": "MultiPolygon", "coordinates": [[SQUARE], [[[0, 0], [1, 0], [1, "x"], [0, 0]]]]})
    assert caught.value.facts == {"where": "coordinates[1][0][2]"}


def test_metres_are_rounded_to_whole_metres_and_degrees_to_six_decimals() -> None:
    rd = Shape.from_geojson(
        polygon([[150000.4, 450000.6], [151000.25, 450000.6], [151000.25, 451000.5], [150000.4, 450000.6]])
    )
    assert set(rd.tidied(planar=True).positions()) == {(150000, 450001), (151000, 450001), (151000, 451000)}
    wgs = Shape.from_geojson(polygon([[5.12345678, 52.1], [5.2, 52.1], [5.2, 52.2], [5.12345678, 52.1]]))
    assert (5.123457, 52.1) in set(wgs.tidied(planar=False).positions())


def test_rings_are_wound_as_d3_reads_them_outer_clockwise_holes_counter_clockwise() -> None:
    # RFC 7946 winds the other way; d3 would read such an outer ring as the whole world minus the wijk
    tidy = Shape.from_geojson(polygon(SQUARE, HOLE)).tidied(planar=False)
    outer, hole = tidy.polygons[0]
    assert signed_area(outer) < 0 < signed_area(hole)
    already = Shape.from_geojson(polygon(SQUARE[::-1], HOLE[::-1])).tidied(planar=False)
    assert already == tidy


def test_rounding_drops_repeated_positions_and_a_hole_it_flattens() -> None:
    tiny_hole = [[4, 4], [4, 4.2], [4.2, 4.2], [4.2, 4], [4, 4]]
    shape = Shape.from_geojson(polygon([[0, 0], [0.2, 0], [10, 0], [10, 10], [0, 10], [0, 0]], tiny_hole))
    tidy = shape.tidied(planar=True)
    assert len(tidy.polygons[0]) == 1  # the hole is gone
    assert len(tidy.polygons[0][0]) == 5  # (0, 0) and (0.2, 0) are one position


def test_a_shape_that_rounding_flattens_entirely_is_an_error() -> None:
    with pytest.raises(GeometryError) as caught:
        Shape.from_geojson(polygon([[0, 0], [0.3, 0], [0.3, 0.3], [0, 0]])).tidied(planar=True)
    assert caught.value.code == "empty-geometry"


def test_metres_and_degrees_are_told_apart() -> None:
    rd = Shape.from_geojson(polygon([[150000, 450000], [151000, 450000], [151000, 451000], [150000, 450000]]))
    wgs = Shape.from_geojson(polygon([[5.1, 52.1], [5.2, 52.1], [5.2, 52.2], [5.1, 52.1]]))
    assert is_planar([rd]) and not is_planar([wgs])


def test_the_map_is_as_tall_as_mercator_draws_degrees() -> None:
    square = Shape.from_geojson(polygon([[5.0, 52.0], [6.0, 52.0], [6.0, 53.0], [5.0, 53.0], [5.0, 52.0]]))
    assert aspect([square], planar=False) == pytest.approx(1 / math.cos(math.radians(52.5)), rel=0.01)
    assert aspect([square], planar=True) == 1.0


def test_a_label_stays_inside_an_l_shape_and_outside_a_lake() -> None:
    l_shape = Shape.from_geojson(polygon([[0, 0], [30, 0], [30, 20], [20, 20], [20, 10], [0, 10], [0, 0]]))
    point = l_shape.label_point()
    assert contains(l_shape.polygons[0], point)
    lake = Shape.from_geojson(
        polygon([[0, 0], [20, 0], [20, 10], [0, 10], [0, 0]], [[8, 3], [8, 7], [12, 7], [12, 3], [8, 3]])
    )
    x, y = lake.label_point()
    assert contains(lake.polygons[0], (x, y)) and not 8 <= x <= 12  # beside the lake, not in it


def test_a_label_goes_in_the_largest_part_near_its_centre() -> None:
    parts = Shape.from_geojson(
        {"type": "MultiPolygon", "coordinates": [[[[100, 0], [101, 0], [101, 1], [100, 0]]], [SQUARE]]}
    )
    x, y = parts.label_point()
    assert x == pytest.approx(5, abs=0.5) and y == pytest.approx(5, abs=0.5)
