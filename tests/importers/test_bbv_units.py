# SPDX-License-Identifier: EUPL-1.2
"""A BBV indicator's figures count in the base of the national list, and peers are areas too.

The national BBV list counts bijstand per 10.000 inwoners; a row per 1.000 would put Zuiderhaven
ten times too low beside its peers. Such a row is refused with the conversion that makes it fit
(``bbv-unit-base``), whatever the plan's own wording of the unit. Rows for the peers (by code or
name), the size class (by its id) and the Netherlands (NL01) are accepted as any other row.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from koers.catalogues import bbv_catalogue, read_bbv_table
from koers.domain.bbv import BaseConversion, base_conversion, bbv_unit, catalogue_rate_unit
from koers.domain.plan import Plan
from koers.domain.units import UnitKind
from koers.importers.measurements import CheckResult, check_file
from koers.planfile import read_plan

DATA = Path(__file__).resolve().parents[1] / "data"
PLAN = read_plan(DATA / "plans" / "peers-zuiderhaven.yaml")
OTHER_BASE = DATA / "imports" / "peers-zuiderhaven-other-base.csv"  # rows 2 and 4 in another base


def spots(result: CheckResult) -> list[tuple[int | None, str | None, str]]:
    return [(p.location.row, p.location.column, p.code) for p in result.problems]


def test_a_row_in_another_base_is_refused_with_the_conversion() -> None:
    result = check_file(OTHER_BASE, PLAN)
    assert spots(result) == [(2, "unit", "bbv-unit-base"), (4, "unit", "bbv-unit-base")]
    per_thousand, per_hundred = result.problems
    assert per_thousand.message() == (
        "De eenheid 'per 1.000 inwoners' past niet bij BBV-indicator 27 (bbv-27): de landelijke lijst telt in "
        "'aantal per 10.000 inwoners van 18 jaar en ouder'."
    )
    assert per_thousand.hint() == (
        "Reken om: vermenigvuldig de waarde met 10. Zet dan 'per 10.000 inwoners' in de kolom unit."
    )
    assert per_hundred.hint() == "Reken om: deel de waarde door 10. Zet dan '%' in de kolom unit."
    assert per_thousand.hint("en").startswith("Convert: multiply the value by 10.")


def test_the_rows_once_converted_are_stored_with_the_peers_and_the_netherlands(tmp_path: Path) -> None:
    fixed = tmp_path / "fixed.csv"
    text = OTHER_BASE.read_text(encoding="utf-8")
    text = text.replace("25.0,per 1.000 inwoners", "250,per 10.000 inwoners")
    fixed.write_text(text.replace("112,per 1.000 jongeren", "11.2,%"), encoding="utf-8")
    result = check_file(fixed, PLAN)
    assert result.problems == [] and result.batch is not None
    assert list(result.batch.area) == ["GM9921", "NL01", "GM9921", "GM9921", "GM9923", "gemeenten-50000-100000"]


def test_a_municipality_s_own_list_decides_the_base(tmp_path: Path) -> None:
    """With a list that counts bijstand per 1.000, the row per 1.000 fits and those per 10.000 do not."""
    own = read_bbv_table("nr\tindicator\tunit\tsource\ttaakveld\n27\tBijstand\taantal per 1.000 inwoners\tCBS\t6\n")
    result = check_file(OTHER_BASE, PLAN, catalogue=own)
    assert spots(result) == [(3, "unit", "bbv-unit-base"), (7, "unit", "bbv-unit-base")]
    assert (
        result.problems[0].hint() == "Reken om: deel de waarde door 10. Zet dan 'per 1.000 inwoners' in de kolom unit."
    )


def test_every_heemskerk_bbv_unit_has_the_base_of_the_national_list(heemskerk_2024: Plan) -> None:
    catalogue = bbv_catalogue()
    for indicator in heemskerk_2024.bbv_indicators:
        assert indicator.number is not None
        assert base_conversion(indicator.unit, catalogue[indicator.number].unit) is None, indicator.id


@pytest.mark.parametrize(
    ("unit", "listed", "conversion"),
    [
        ("per 1.000 inwoners", "aantal per 10.000 inwoners", BaseConversion(10, "per 10.000 inwoners")),
        ("per 10.000 inwoners", "aantal per 1.000 inwoners", BaseConversion(0.1, "per 1.000 inwoners")),
        ("per 1.000 jongeren", "% van alle jongeren tot 18 jaar", BaseConversion(0.1, "%")),
        ("%", "aantal per 1.000 leerlingen", BaseConversion(10, "per 1.000 leerlingen")),
        ("kosten per inwoner", "kosten per 1.000 inwoners", BaseConversion(1000, "per 1.000 inwoners")),
        ("per 10.000 inwoners", "aantal per 10.000 inwoners van 18 jaar en ouder", None),  # the same base
        ("%", "% van alle jongeren tot 18 jaar", None),
        ("aantal", "aantal per 10.000 inwoners", None),  # a count is no rate: unit-mismatch's business
    ],
)
def test_base_conversion(unit: str, listed: str, conversion: BaseConversion | None) -> None:
    assert base_conversion(unit, listed) == conversion


@pytest.mark.parametrize(
    ("text", "kind", "per", "written"),
    [
        ("aantal per 10.000 inwoners", UnitKind.RATE, 10000, "per 10.000 inwoners"),
        ("% van alle jongeren tot 18 jaar", UnitKind.PERCENTAGE, None, "%"),
        ("Aantal per 1.000 leerlingen", UnitKind.RATE, 1000, "per 1.000 leerlingen"),
        ("euro", UnitKind.EURO, None, "euro"),
    ],
)
def test_a_bbv_unit_as_koers_reads_it(text: str, kind: UnitKind, per: int | None, written: str) -> None:
    unit = bbv_unit(text)
    assert unit is not None and (unit.kind, unit.per) == (kind, per)
    assert catalogue_rate_unit(text) == written


def test_a_bbv_unit_koers_cannot_read() -> None:
    assert bbv_unit("kosten per inwoner") is None
    assert catalogue_rate_unit("kosten per inwoner") == "kosten per inwoner"
