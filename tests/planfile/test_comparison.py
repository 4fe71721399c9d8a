# SPDX-License-Identifier: EUPL-1.2
"""The plan's peers, size class and BBV targets: read, checked, and kept through YAML and Excel.

What is wrong with a peer (the municipality itself, one named twice, a bad code) is pinned in
tests/planfile/test_broken_plans.py (``peers.yaml``); here the same problems are located in a
workbook, and a plan with peers goes YAML -> Excel -> YAML without losing a thing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from koers.domain.plan import Plan
from koers.domain.targets import Direction
from koers.planfile import load_plan, read_plan
from koers.planfile.excel import load_excel_plan, write_excel_plan
from koers.planfile.yamlfile import load_yaml_plan, plan_to_yaml

DATA = Path(__file__).resolve().parents[1] / "data"
ZUIDERHAVEN = DATA / "plans" / "peers-zuiderhaven.yaml"


@pytest.fixture(scope="module")
def plan() -> Plan:
    return read_plan(ZUIDERHAVEN)


def test_the_peers_and_the_size_class(plan: Plan) -> None:
    group = plan.comparison
    assert [(p.cbs_code, p.name) for p in group.peers] == [("GM9922", "Noorderveld"), ("GM9923", "Oostmeer")]
    assert group.size_class is not None and group.size_class.id == "gemeenten-50000-100000"
    assert group.areas == ("GM9922", "GM9923", "gemeenten-50000-100000", "NL01")
    assert group.names == {
        "GM9922": "Noorderveld",
        "GM9923": "Oostmeer",
        "gemeenten-50000-100000": "Gemeenten met 50.000 tot 100.000 inwoners",
    }


def test_a_bbv_target_in_words_is_read_like_a_goal_target(plan: Plan) -> None:
    bijstand, participatie, jeugdhulp, _bescherming = plan.bbv_indicators
    assert bijstand.target is not None
    assert (bijstand.target.value, bijstand.target.direction, bijstand.target.strict) == (300, Direction.AT_MOST, True)
    assert participatie.target is not None and participatie.target.period is not None
    assert (participatie.target.value, participatie.target.period.code) == (70, "2027")
    assert jeugdhulp.target is None


def test_a_plan_without_peers_has_an_empty_group() -> None:
    bare = Plan.model_validate({"municipality": {"cbs_code": "GM9921", "name": "Z"}, "title": "T", "start_year": 2025})
    assert bare.comparison.peers == [] and bare.comparison.size_class is None
    assert bare.comparison.areas == ("NL01",)
    assert "comparison" not in plan_to_yaml(bare)


def test_yaml_round_trip_keeps_the_words_of_the_target(plan: Plan, tmp_path: Path) -> None:
    text = plan_to_yaml(plan)
    assert "    target: lager dan 300\n" in text
    assert "comparison:\n  peers:\n    - cbs_code: GM9922\n      name: Noorderveld\n" in text
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    assert read_plan(path) == plan


def test_excel_round_trip(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    write_excel_plan(plan, path)
    workbook = load_workbook(path)
    peers = [[c.value for c in row] for row in workbook["comparison_peers"].iter_rows()]
    assert peers == [["cbs_code", "name"], ["GM9922", "Noorderveld"], ["GM9923", "Oostmeer"]]
    fields = {row[0].value: row[1].value for row in workbook["plan"].iter_rows(min_row=2)}
    assert fields["comparison_size_class_id"] == "gemeenten-50000-100000"
    bbv = [[c.value for c in row] for row in workbook["bbv_indicators"].iter_rows()]
    assert bbv[1][bbv[0].index("target_phrase")] == "lager dan 300"
    assert "target_change" not in bbv[0]  # a BBV indicator has no baseline to apply a change to
    result = load_excel_plan(path)
    assert result.problems == []
    assert result.plan == plan
    assert plan_to_yaml(result.plan) == plan_to_yaml(plan)


def test_a_workbook_from_before_the_peers_sheet_still_reads(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    write_excel_plan(plan, path)
    workbook = load_workbook(path)
    del workbook["comparison_peers"]
    workbook.save(path)
    result = load_excel_plan(path)
    assert result.problems == [] and result.plan is not None
    assert result.plan.comparison.peers == []
    assert result.plan.comparison.size_class == plan.comparison.size_class


def test_a_peer_problem_in_a_workbook_names_sheet_row_and_column(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    write_excel_plan(plan, path)
    workbook = load_workbook(path)
    sheet = workbook["comparison_peers"]
    sheet["A3"] = "GM9921"  # Zuiderhaven itself
    sheet.append(["GM9922", "Noorderveld"])  # twice
    workbook.save(path)
    problems = load_excel_plan(path).problems
    assert [(p.location.sheet, p.location.row, p.location.column, p.code) for p in problems] == [
        ("comparison_peers", 3, "cbs_code", "peer-is-municipality"),
        ("comparison_peers", 4, "cbs_code", "duplicate-peer"),
    ]
    assert problems[0].message() == (
        "'GM9921' is de eigen gemeente van het plan (GM9921), geen gemeente om mee te vergelijken."
    )
    assert problems[1].field == "comparison.peers[3].cbs_code"


def test_the_reference_plans_still_load() -> None:
    for path in (DATA.parent.parent / "examples").glob("*/plan.yaml"):
        assert load_yaml_plan(path).problems == [], path
    assert load_plan(ZUIDERHAVEN).ok
