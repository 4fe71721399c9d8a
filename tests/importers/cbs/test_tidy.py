# SPDX-License-Identifier: EUPL-1.2
"""The tidy CSV: its columns, numbers with a plain decimal point, and no text that a
spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io

from koers.domain.measurements import MeasurementStatus
from koers.domain.periods import Period
from koers.exports import unguard
from koers.importers.cbs.observations import Observation
from koers.importers.cbs.statline import Dimension, DimensionKind, Measure, TableStructure
from koers.importers.cbs.tidy import format_value, header, write_csv

STRUCTURE = TableStructure(
    "85000NED",
    (Measure("Aandeel_1", '=HYPERLINK("http://example.org","klik")', "%", 1), Measure("Aantal_2", "Aantal")),
    (
        Dimension("Geslacht", "Geslacht"),
        Dimension("WijkenEnBuurten", "Wijken en buurten", DimensionKind.GEO),
        Dimension("Perioden", "Perioden", DimensionKind.TIME),
        Dimension("Leeftijd", "Leeftijd"),
    ),
)


def _observation(measure: str, value: float | None, symbol: str | None, **dimensions: str) -> Observation:
    return Observation(
        "85000NED",
        measure,
        dimensions,
        "WK039601",
        "2023JJ00",
        Period.year(2023),
        value,
        symbol,
        MeasurementStatus.PROVISIONAL,
    )


def test_the_columns() -> None:
    assert header(STRUCTURE) == [
        "table",
        "measure",
        "measure_title",
        "unit",
        "Geslacht",
        "Leeftijd",
        "region",
        "period",
        "koers_period",
        "value",
        "symbol",
        "status",
    ]


def test_numbers_have_a_plain_decimal_point_and_no_thousands() -> None:
    assert [format_value(v) for v in (135.5, 8811.0, 17590672.0, -3.25, 0.0, None)] == [
        "135.5",
        "8811",
        "17590672",
        "-3.25",
        "0",
        "",
    ]


def test_texts_that_would_run_as_a_formula_are_guarded() -> None:
    handle = io.StringIO()
    count = write_csv(
        [
            _observation("Aandeel_1", 12.5, None, Geslacht="T001038", Leeftijd="@SUM(A1)"),
            _observation("Aantal_2", None, "-", Geslacht="T001038", Leeftijd="10000"),
        ],
        STRUCTURE,
        handle,
    )
    assert count == 2
    rows = list(csv.DictReader(io.StringIO(handle.getvalue())))
    assert rows[0]["measure_title"] == '\'=HYPERLINK("http://example.org","klik")'
    assert rows[0]["Leeftijd"] == "'@SUM(A1)"
    assert rows[1]["symbol"] == "'-" and rows[1]["value"] == ""
    assert unguard(rows[1]["symbol"]) == "-"
    assert (rows[0]["value"], rows[0]["unit"], rows[0]["status"], rows[0]["koers_period"]) == (
        "12.5",
        "%",
        "provisional",
        "2023",
    )
    assert rows[1]["unit"] == ""  # a measure without a unit
