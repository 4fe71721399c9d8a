# SPDX-License-Identifier: EUPL-1.2
"""Reading a boundary file for a plan: GeoJSON and TopoJSON, RD New and WGS84, matched to the
plan's wijken; every broken file in tests/data/geo/broken gives its located problem, and
nothing when there is a problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from koers.domain.boundaries import MatchedBy
from koers.domain.plan import Plan
from koers.importers.boundaries import read_boundaries
from koers.importers.boundary_messages import BOUNDARY_MESSAGES
from koers.planfile import read_plan
from tests.conftest import ROOT
from tests.geodata import BROKEN, PLAN, RD_GEOJSON, RD_TOPOJSON, WGS84_GEOJSON


@pytest.fixture(scope="module")
def plan() -> Plan:
    return read_plan(PLAN)


@pytest.mark.parametrize("path", [RD_GEOJSON, RD_TOPOJSON, WGS84_GEOJSON], ids=lambda p: p.name)
def test_the_wijken_are_found_by_code_and_by_name(plan: Plan, path: Path) -> None:
    read = read_boundaries(path, plan)
    assert read.ok and read.problems == [] and read.features == 5
    assert read.matching is not None
    found = {m.area.name: (m.by, m.feature) for m in read.matching.matches}
    assert found == {
        "Centrum": (MatchedBy.CODE, 1),
        "Noord": (MatchedBy.CODE, 2),
        "West": (MatchedBy.NAME, 3),  # the plan has no code for West
        "Zuid-Oost": (MatchedBy.CODE, 4),
    }
    assert read.matching.left_out == 1  # Buurstad-Oost, the neighbour's
    assert [a.name for a in read.matching.missing] == ["Haven"]
    assert [b.area for b in read.boundaries] == ["WK991201", "WK991202", "west", "WK991204"]


def test_metres_and_degrees_are_recorded_and_rounded(plan: Plan) -> None:
    rd, wgs = read_boundaries(RD_GEOJSON, plan), read_boundaries(WGS84_GEOJSON, plan)
    assert rd.planar and all(b.planar for b in rd.boundaries)
    assert not wgs.planar and not any(b.planar for b in wgs.boundaries)
    assert all(float(x).is_integer() for b in rd.boundaries for x, _y in b.shape.positions())  # whole metres
    assert all(len(f"{y:.10f}".rstrip("0").split(".")[1]) <= 6 for b in wgs.boundaries for _x, y in b.shape.positions())


def test_geojson_and_topojson_give_the_same_boundaries(plan: Plan) -> None:
    assert read_boundaries(RD_GEOJSON, plan).boundaries == read_boundaries(RD_TOPOJSON, plan).boundaries


def test_other_fields_can_be_named(plan: Plan, tmp_path: Path) -> None:
    data = json.loads(RD_GEOJSON.read_text(encoding="utf-8"))
    for feature in data["features"]:
        p = feature["properties"]
        feature["properties"] = {"CODE_WIJK": p["wijkcode"], "Naam_Wijk": p["wijknaam"]}
    path = tmp_path / "eigen-velden.geojson"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert read_boundaries(path, plan).problem_count == 5  # no field koers knows: every feature
    read = read_boundaries(path, plan, code_field="code_wijk", name_field="NAAM_WIJK")
    assert read.ok and len(read.boundaries) == 4
    by_name_only = read_boundaries(path, plan, name_field="naam_wijk")
    assert by_name_only.matching is not None and by_name_only.matching.count(MatchedBy.NAME) == 4


#: Every broken file: (code, field, what its message must say, line, column) of each problem.
BROKEN_FILES = {
    "not-json.geojson": [("not-json", "-", "hier hoort een komma", 4, "24")],
    "not-utf8.geojson": [("not-utf8", "-", "geen UTF-8", 2, None)],
    "not-geo.json": [("not-geo", "-", "een object zonder 'type' (met wijken)", None, None)],
    "no-code.geojson": [("no-code-or-name", "properties", "Gebied nummer 2 in het bestand", None, None)],
    "bad-geometry.geojson": [
        (
            "bad-geometry",
            "geometry",
            "Gebied nummer 1 (Centrum) heeft geen bruikbare vorm: het is een Point",
            None,
            None,
        ),
        ("bad-geometry", "geometry", "Gebied nummer 2 (Noord) heeft geen bruikbare vorm: een ring heeft 3", None, None),
        ("bad-geometry", "geometry", "Gebied nummer 3 (West) heeft geen bruikbare vorm: de coördinaten", None, None),
        ("bad-geometry", "geometry", "Gebied nummer 4 (Zuid-Oost) heeft geen bruikbare vorm: er is geen", None, None),
    ],
    "bad-arc.topojson": [
        ("bad-geometry", "geometry", "Gebied nummer 2 (Noord) heeft geen bruikbare vorm: boog 42", None, None)
    ],
    "bad-transform.topojson": [("bad-topology", "-", "'transform' heeft geen 'scale'", None, None)],
    "duplicate.geojson": [("duplicate-area", "code", "hoort bij Centrum (WK991201): nummer 1, 2", None, None)],
    "elsewhere.geojson": [("no-match", "-", "Geen van de 2 gebieden", None, None)],
}


def test_every_broken_file_is_tested() -> None:
    assert {p.name for p in BROKEN.iterdir()} == set(BROKEN_FILES)


@pytest.mark.parametrize("name", sorted(BROKEN_FILES))
def test_a_broken_file_gives_located_problems_and_no_boundaries(plan: Plan, name: str) -> None:
    path = BROKEN / name
    read = read_boundaries(path, plan)
    assert not read.ok and read.boundaries == []  # not even the features that were fine
    found = [(p.code, p.field, p.location.line, p.location.column) for p in read.problems]
    assert found == [(code, field, line, column) for code, field, _text, line, column in BROKEN_FILES[name]]
    for problem, (_code, _field, text, _line, _column) in zip(read.problems, BROKEN_FILES[name], strict=True):
        assert problem.location.file == str(path)
        assert text in problem.message("nl"), problem.message("nl")
        assert problem.hint("nl") and problem.message("en")


def test_a_missing_file_is_a_problem_not_a_traceback(plan: Plan, tmp_path: Path) -> None:
    read = read_boundaries(tmp_path / "weg.geojson", plan)
    assert [p.code for p in read.problems] == ["unreadable-file"]


def test_an_empty_collection_is_a_problem(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "leeg.geojson"
    path.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    assert [p.code for p in read_boundaries(path, plan).problems] == ["empty-file"]


def test_every_problem_code_is_documented() -> None:
    text = (ROOT / "docs" / "maps.md").read_text(encoding="utf-8")
    for code in BOUNDARY_MESSAGES:
        assert f"| `{code}` |" in text, code
