# SPDX-License-Identifier: EUPL-1.2
"""Every number an import takes in lies within a declared limit (issue 15).

A probe found that an import accepted any finite number: 1e300 as a value, 1e308 as a sample
size (which passed the dry run and then crashed the store), and a numerator of 1e308 over a
denominator of 1e-300 (whose fraction, infinite, "fitted" any value). Two values of 1e155 then
made the forecast overflow and took the site down. The limits are declared once
(koers.domain.units.PLAUSIBLE per kind of unit, the ``limit`` of a column in
koers.domain.measurement_columns); these tests hold the importer, the money importer and
docs/import-format.md to them, at both edges of every limit.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

import koers.importers.messages  # noqa: F401  (registers the importer's messages)
from koers.domain.formatting import format_number
from koers.domain.measurement_columns import LIMITS
from koers.domain.plan import Plan
from koers.domain.units import LARGEST, PLAUSIBLE, UnitKind
from koers.importers.measurements import CheckResult, check_rows
from koers.importers.money import MoneyFile, check_money_rows
from tests.conftest import ROOT

DOC = ROOT / "docs" / "import-format.md"
#: A goal of the Heemskerk plan per kind of unit; a series (with its unit written) for the rest.
GOALS = {
    UnitKind.PERCENTAGE: "VW-01",
    UnitKind.COUNT: "FF-01",
    UnitKind.EURO: "ZW-04",
    UnitKind.RATE: "ZW-05",
    UnitKind.NIGHTS: "ZW-01",
}
SERIES_UNITS = {UnitKind.DAYS: "dagen", UnitKind.WEEKS: "weken", UnitKind.SCORE: "score"}

Spot = tuple[int | None, str | None, str]


def check(plan: Plan, *rows: dict[str, Any]) -> CheckResult:
    base = {"goal": "VW-01", "period": "2024", "area": "GM0396", "value": 48.1}
    return check_rows(plan, [{**base, **row} for row in rows], source_name="rijen")


def spots(result: CheckResult | MoneyFile) -> list[Spot]:
    return [(p.location.row, p.location.column, p.code) for p in result.problems]


def row_of(kind: UnitKind, value: float) -> dict[str, Any]:
    if kind in GOALS:
        return {"goal": GOALS[kind], "value": value}
    return {"goal": None, "series": "hulpreeks", "unit": SERIES_UNITS[kind], "value": value}


# -- the value, per kind of unit --------------------------------------------------------------


@pytest.mark.parametrize("kind", [*GOALS, *SERIES_UNITS])
def test_a_value_at_its_units_limits_is_taken_and_one_beyond_is_refused(heemskerk_2024: Plan, kind: UnitKind) -> None:
    limit = PLAUSIBLE[kind]
    assert limit.low is not None and limit.high is not None
    step = max(abs(limit.high), 1) * 1e-6
    assert check(heemskerk_2024, row_of(kind, limit.low)).ok, kind
    assert check(heemskerk_2024, row_of(kind, limit.high)).ok, kind
    beyond = check(heemskerk_2024, row_of(kind, limit.low - step), row_of(kind, limit.high + step) | {"period": "2025"})
    assert spots(beyond) == [(2, "value", "out-of-range"), (3, "value", "out-of-range")], kind


def test_a_huge_value_is_refused_with_its_limit_and_what_to_do(heemskerk_2024: Plan) -> None:
    result = check(heemskerk_2024, {"goal": "FF-01", "value": "1e300"})
    assert spots(result) == [(2, "value", "out-of-range")]
    [problem] = result.problems
    assert problem.message() == "1e+300 kan niet: hier past een getal van 0 tot en met 10.000.000.000."
    assert problem.hint() == "Controleer het getal en de eenheid."


def test_a_huge_value_after_a_good_row_of_its_goal_is_refused_on_the_fast_path_too(heemskerk_2024: Plan) -> None:
    """The fast path takes a row whose every cell it has seen valid; it holds the same limit."""
    rows = [{"goal": "FF-01", "period": f"{2024 + i}", "value": v} for i, v in enumerate((5500, 1e155, 1e155, 6000))]
    assert spots(check(heemskerk_2024, *rows)) == [(3, "value", "out-of-range"), (4, "value", "out-of-range")]


# -- the columns with a limit of their own ------------------------------------------------------


@pytest.mark.parametrize("column", list(LIMITS))
def test_a_column_at_its_limits_is_taken_and_one_beyond_is_refused(heemskerk_2024: Plan, column: str) -> None:
    limit = LIMITS[column]
    assert limit.low is not None and limit.high is not None
    step = 1 if column == "sample_size" else max(abs(limit.high), 1) * 1e-6
    # a value on the interval's other side, and an interval around it, so that only the limit matters
    context = {"ci_low": {"goal": "ZW-04", "value": limit.high}, "ci_high": {"goal": "ZW-04", "value": limit.low}}
    row = context.get(column, {"goal": "ZW-04", "value": 0})
    good = check(heemskerk_2024, {**row, column: limit.low}, {**row, column: limit.high, "period": "2025"})
    assert good.ok, (column, spots(good))
    low, high = limit.low - step, limit.high + step
    beyond = check(heemskerk_2024, {**row, column: low}, {**row, column: high, "period": "2025"})
    assert spots(beyond) == [(2, column, "out-of-range"), (3, column, "out-of-range")], column


def test_a_sample_size_of_1e308_is_refused_before_the_store_sees_it(heemskerk_2024: Plan) -> None:
    result = check(heemskerk_2024, {"sample_size": "1e308"}, {"sample_size": 0, "period": "2025"})
    assert spots(result) == [(2, "sample_size", "out-of-range"), (3, "sample_size", "out-of-range")]
    assert result.problems[0].message() == "1e+308 kan niet: hier past een getal van 1 tot en met 100.000.000."


def test_a_numerator_of_1e308_over_1e_300_is_refused_at_the_numerator(heemskerk_2024: Plan) -> None:
    result = check(heemskerk_2024, {"value": 50, "numerator": "1e308", "denominator": "1e-300"})
    assert spots(result) == [(2, "numerator", "out-of-range")]


def test_a_fraction_too_large_for_a_float_is_refused_at_the_denominator(heemskerk_2024: Plan) -> None:
    """Within their limits, 10^12 over the smallest float is no number: it fitted every value."""
    result = check(heemskerk_2024, {"value": 50, "numerator": LARGEST, "denominator": 5e-324})
    assert spots(result) == [(2, "denominator", "invalid-fraction")]


def test_an_interval_of_1e308_is_refused_at_its_column(heemskerk_2024: Plan) -> None:
    result = check(heemskerk_2024, {"ci_low": "-1e308", "ci_high": 50})
    assert spots(result) == [(2, "ci_low", "out-of-range")]  # and not again as an interval that misses


# -- money ----------------------------------------------------------------------------------------


def amounts(plan: Plan, *values: Any) -> MoneyFile:
    rows = [
        {"challenge": "financieel-fit", "year": 2020 + i, "kind": "begroting", "amount": v}
        for i, v in enumerate(values)
    ]
    return check_money_rows(plan, rows, source_name="bedragen")


def test_an_amount_at_the_limits_is_taken(heemskerk_2024: Plan) -> None:
    assert amounts(heemskerk_2024, LARGEST, -LARGEST, "1.000.000.000.000", "-1000000000000,00").ok


def test_an_amount_beyond_the_limits_is_refused_at_its_row_and_column(heemskerk_2024: Plan) -> None:
    result = amounts(heemskerk_2024, 1e300, "1e13", "-1.000.000.000.001", 5)
    assert spots(result) == [
        (1, "amount", "amount-out-of-range"),
        (2, "amount", "amount-out-of-range"),
        (3, "amount", "amount-out-of-range"),
    ]
    assert result.problems[1].message() == (
        "Het bedrag 1e13 kan niet: een bedrag ligt tussen -1.000.000.000.000 en 1.000.000.000.000 euro."
    )


# -- the documentation ----------------------------------------------------------------------------


def _table(header: str) -> dict[str, tuple[str, str]]:
    text = DOC.read_text(encoding="utf-8").split("## Limits", 1)[1].split("\n## ", 1)[0]
    lines = text.splitlines()
    start = lines.index(header) + 2
    rows: dict[str, tuple[str, str]] = {}
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        name, low, high = (cell.strip() for cell in line.strip().strip("|").split(" | "))
        rows[re.sub(r"`", "", name)] = (low, high)
    return rows


def _written(value: float | None) -> str:
    assert value is not None
    return format_number(value, "en")


def test_the_doc_lists_every_units_limits_as_declared() -> None:
    expected = {kind.value: (_written(b.low), _written(b.high)) for kind, b in PLAUSIBLE.items()}
    assert _table("| unit | lowest | highest |") == expected


def test_the_doc_lists_every_columns_limits_as_declared() -> None:
    expected = {name: (_written(b.low), _written(b.high)) for name, b in LIMITS.items()}
    assert _table("| column | lowest | highest |") == expected
