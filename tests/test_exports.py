# SPDX-License-Identifier: EUPL-1.2
"""No file koers writes runs a text as a formula (formula or "CSV" injection), and an export
still imports again as the same measurements.

The rule is declared once, in koers.exports: a text cell that starts with = + - @, a tab or a
carriage return gets a single quote in front in CSV, and is a string cell with Excel's quote
prefix in Excel. Numbers are never touched.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from koers.exports import EXPORT_COLUMNS, FORMULA_TRIGGERS, safe_cell, unguard, write_csv, write_records
from tests.conftest import HEEMSKERK_2024
from tests.store.conftest import koers
from tests.store.conftest import write_csv as write_rows

#: Texts a spreadsheet would run: a link that leaks data, sums, a command, and the two blanks
#: some programs skip before they look for '='.
SLY = ('=HYPERLINK("http://example.invalid","klik")', "+1+1", "-2+3", "@SUM(A1)", "\tX", "\rX")
TEXT_COLUMNS = ("goal", "area", "source", "source_ref", "recorded_by", "note")


def record(text: str, value: float | None = -5.0) -> dict[str, Any]:
    """An export record with ``text`` in every text column and a negative number as its value."""
    return {
        **dict.fromkeys(EXPORT_COLUMNS),
        **dict.fromkeys(TEXT_COLUMNS, text),
        "period": "2025",
        "value": value,
        "ci_low": -6.5,
        "version": 1,
    }


# -- the rule ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", SLY)
def test_a_text_that_could_run_is_guarded_and_unguarded(text: str) -> None:
    assert safe_cell(text) == "'" + text
    assert unguard(safe_cell(text)) == text


def test_numbers_and_ordinary_texts_stay_as_they_are() -> None:
    assert safe_cell(-5.0) == -5.0 and safe_cell(-5) == -5
    for text in ("GGD monitor", "'quoted'", "5 - 3", "e-mail", ""):
        assert safe_cell(text) == text
        assert unguard(text) == text
    assert unguard("'hallo") == "'hallo"  # a quote the writer typed is kept
    assert set(FORMULA_TRIGGERS) == {"=", "+", "-", "@", "\t", "\r"}


# -- koers export: CSV and Excel ----------------------------------------------------------------


def test_the_csv_export_starts_every_runnable_text_with_a_quote(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    assert write_records([record(text) for text in SLY], path) == len(SLY)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for text, row in zip(SLY, rows, strict=True):
        for column in TEXT_COLUMNS:
            assert row[column] == "'" + text, (column, text)
        assert (row["value"], row["ci_low"], row["period"]) == ("-5.0", "-6.5", "2025")  # numbers stay numbers


def test_the_excel_export_writes_runnable_texts_as_quoted_text(tmp_path: Path) -> None:
    path = tmp_path / "export.xlsx"
    write_records([record(text) for text in SLY], path)
    sheet = load_workbook(path)["measurements"]
    header = [c.value for c in sheet[1]]
    for text, row in zip(SLY, sheet.iter_rows(min_row=2), strict=True):
        cells = dict(zip(header, row, strict=True))
        for column in TEXT_COLUMNS:
            cell = cells[column]
            assert (cell.data_type, cell.quotePrefix) == ("s", True), (column, text)
            assert cell.value == text, (column, text)  # the value itself is exactly the text
        assert (cells["value"].value, cells["value"].data_type, cells["value"].quotePrefix) == (-5, "n", False)
    assert not [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]


def test_the_csv_download_is_guarded_too() -> None:
    buffer = io.StringIO()
    write_csv([record("=1+1")], buffer)
    row = next(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert row["note"] == "'=1+1" and row["value"] == "-5.0"


# -- an export imports again -------------------------------------------------------------------

#: Measurements whose texts could run, as an importer reads them (it trims blanks, so a text
#: that starts with a tab or carriage return cannot be stored this way).
STORED = [
    {"goal": "VW-01", "period": "2024", "value": "n.b.", "note": SLY[0], "source": SLY[1], "source_ref": SLY[2]},
    {"goal": "FF-01", "period": "2025-H1", "value": "5500", "note": SLY[3], "source": SLY[2], "source_ref": SLY[1]},
    {"goal": "FF-01", "period": "2025-H2", "value": "5600", "note": "gewoon", "source": "Suite4SD", "source_ref": ""},
]


@pytest.fixture
def stored(sqlite_url: str, tmp_path: Path) -> str:
    assert koers(sqlite_url, "db", "upgrade")[0] == 0
    assert koers(sqlite_url, "plan", "load", str(HEEMSKERK_2024))[0] == 0
    rows = [{**r, "area": "GM0396"} for r in STORED]
    code, outcome = koers(sqlite_url, "import", str(write_rows(tmp_path / "m.csv", rows)))
    assert (code, outcome["added"]) == (0, 3), outcome
    return sqlite_url


def _measurements(url: str) -> list[dict[str, Any]]:
    code, found = koers(url, "measurements", "--history")
    assert code == 0, found
    return sorted(found, key=lambda m: (m["goal"], m["period"], m["version"]))


def test_an_excel_export_imports_again_as_the_same_measurements(stored: str, tmp_path: Path) -> None:
    before = _measurements(stored)
    out = tmp_path / "export.xlsx"
    assert koers(stored, "export", "--to", str(out))[0] == 0
    code, again = koers(stored, "import", str(out))
    assert (code, again["added"], again["unchanged"]) == (0, 0, 3)
    assert _measurements(stored) == before
    assert {m["note"] for m in before} >= {SLY[0], SLY[3]}


def test_a_csv_export_imports_again_as_the_same_measurements(stored: str, tmp_path: Path) -> None:
    before = _measurements(stored)
    out = tmp_path / "export.csv"
    assert koers(stored, "export", "--to", str(out))[0] == 0
    code, again = koers(stored, "import", str(out))
    assert (code, again["added"], again["unchanged"]) == (0, 0, 3)
    assert _measurements(stored) == before


def test_a_csv_export_of_ordinary_texts_imports_again_unchanged(stored: str, tmp_path: Path) -> None:
    out = tmp_path / "export.csv"
    assert koers(stored, "export", "--to", str(out))[0] == 0
    code, again = koers(stored, "import", str(out))
    assert code == 0 and again["unchanged"] >= 1  # FF-01 2025-H2 has no text that needs a guard
