# SPDX-License-Identifier: EUPL-1.2
"""Importing figures that are not there (n.b., n.n.b., n.a.) and the warning for a figure
inside its goal's baseline period.

``tests/data/imports/heemskerk-2024-unavailable.csv`` is a table as a municipality keeps it
(semicolons, Dutch codes in the value column, a reason in the note); its numbers are
illustrative. The broken cases are in ``tests/data/broken-imports/unavailable.csv``
(tests/importers/test_measurements_check.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import koers.importers.messages  # noqa: F401  (registers the importer's messages)
from koers.domain.plan import Plan
from koers.importers.measurements import _RowChecker, check_file, check_rows

DATA = Path(__file__).resolve().parents[1] / "data" / "imports"
TABLE = DATA / "heemskerk-2024-unavailable.csv"


def test_a_municipal_table_with_codes(heemskerk_2024: Plan) -> None:
    result = check_file(TABLE, heemskerk_2024)
    assert result.problems == [] and result.batch is not None
    b = result.batch
    kept = [(b.subject[i], b.period[i].code, b.value_of(i), b.get("unavailable", i)) for i in range(len(b))]
    assert kept == [
        ("FF-01", "2023-H2", 2690.0, None),
        ("FF-01", "2024-H1", 2810.0, None),
        ("FF-01", "2024-H2", None, "n.n.b."),
        ("VW-01", "2024", None, "n.b."),
        ("ZW-03", "2024", None, "n.b."),
        ("OO-05", "2024", None, "n.a."),  # written n.v.t.
        ("FF-03", "2024", None, "n.a."),  # in the column 'unavailable'
        ("FF-02", "2024", 1012.0, None),
    ]
    assert b.get("note", 3) == "cijfer wordt door CBS niet meer gepubliceerd"


def test_a_figure_inside_the_baseline_period_is_a_warning_that_names_the_row(heemskerk_2024: Plan) -> None:
    result = check_file(TABLE, heemskerk_2024)
    assert result.ok  # stored all the same
    [warning] = result.warnings
    assert (warning.code, warning.location.row, warning.location.column) == ("inside-baseline-period", 2, "period")
    message = warning.describe("nl")
    assert "rij 2" in message and "FF-01" in message and "2023-H2" in message and "(2023)" in message
    assert "nulmeting" in message and "niet als voortgang" in message


@pytest.mark.parametrize(
    ("goal", "period", "warned"),
    [
        ("FF-01", "2023-H2", True),  # baseline 2023
        ("FF-01", "2023-03", True),
        ("FF-01", "2023-12-31", True),  # a peildatum inside it
        ("FF-01", "2023", False),  # the baseline period itself
        ("FF-01", "2024-H1", False),
        ("FF-01", "2022-H2", False),
        ("VW-02", "2023-H2", False),  # its baseline is 2023-H2 itself
        ("VW-02", "2023-H1", False),
        ("FF-06", "2023-H2", False),  # no baseline
    ],
)
def test_which_periods_lie_inside_the_baseline(heemskerk_2024: Plan, goal: str, period: str, warned: bool) -> None:
    row = {"goal": goal, "period": period, "area": "GM0396", "value": "40"}
    result = check_rows(heemskerk_2024, [row], source_name="rijen")
    assert result.ok and [w.code for w in result.warnings] == (["inside-baseline-period"] if warned else [])


def test_warnings_come_with_problems_too(heemskerk_2024: Plan) -> None:
    rows = [
        {"goal": "FF-01", "period": "2023-H2", "area": "GM0396", "value": "40"},
        {"goal": "FF-01", "period": "2024-H2", "area": "GM0396", "value": "veel"},
    ]
    result = check_rows(heemskerk_2024, rows, source_name="rijen")
    assert not result.ok and [p.code for p in result.problems] == ["invalid-number"]
    assert [(w.code, w.location.row) for w in result.warnings] == [("inside-baseline-period", 2)]


def test_the_code_and_the_reason_as_rows_given_by_a_form(heemskerk_2024: Plan) -> None:
    row = {"goal": "VW-01", "period": "2024", "area": "GM0396", "value": "", "unavailable": "n.n.b.", "note": "april"}
    result = check_rows(heemskerk_2024, [row], source_name="invoer")
    assert result.batch is not None
    assert (result.batch.value_of(0), result.batch.get("unavailable", 0)) == (None, "n.n.b.")
    assert result.batch.content(0)[:2] == (None, "n.n.b.")


def test_a_reason_is_required_wherever_the_code_stands(heemskerk_2024: Plan) -> None:
    for cells in ({"value": "n.b."}, {"value": "", "unavailable": "n.b."}, {"value": "nb", "note": " "}):
        row = {"goal": "VW-01", "period": "2024", "area": "GM0396", **cells}
        result = check_rows(heemskerk_2024, [row], source_name="invoer")
        [problem] = result.problems
        assert (problem.code, problem.location.row, problem.location.column) == (
            "unavailable-without-reason",
            2,
            "note",
        )
        assert "waarom" in problem.describe("nl")


def test_a_code_leaves_the_fast_path_for_its_row_only(heemskerk_2024: Plan, monkeypatch: pytest.MonkeyPatch) -> None:
    thorough: list[int] = []
    original = _RowChecker._thorough

    def counting(self: _RowChecker, number: int, cells: list[Any]) -> None:
        thorough.append(number)
        original(self, number, cells)

    monkeypatch.setattr(_RowChecker, "_thorough", counting)
    cells = [("VW-01", "2023", "48"), ("FF-01", "2024", "5"), ("VW-01", "2024", "n.b."), ("FF-01", "2023", "6")]
    rows = [{"goal": g, "period": p, "area": "GM0396", "value": v} for g, p, v in cells]
    result = check_rows(heemskerk_2024, rows, source_name="rijen")
    assert [p.code for p in result.problems] == ["unavailable-without-reason"]  # no note column: no reason
    assert thorough == [2, 3, 4]  # row 5 is made of cells rows 2 and 3 taught the fast path
