# SPDX-License-Identifier: EUPL-1.2
"""The complete check of a measurement file, on real files.

A policy officer exports figures from Suite4SD, the GGD monitor or CBS StatLine, saves them as
CSV or Excel and imports them. Before anything is stored, every row is checked and every
problem is collected with its row, column and code, so that the file can be fixed in one go.

Each file in ``tests/data/broken-imports`` holds one kind of problem. CSV has no room for a
comment, so ``BROKEN_FILES`` below says what each file checks, and pins exactly what the check
reports for it as ``(row, column, code)`` in the reported order, in the style of
frictionless-py's tests. The row is the row a person sees in a spreadsheet (header = row 1,
blank rows count); for a missing column the column is the missing name; for a problem with
the whole file row and column are None.

``tests/data/imports/heemskerk-2024-sample.csv`` is a valid import for the Heemskerk plan;
its numbers are illustrative ("Voorbeeldcijfer"), not real figures. Its semicolon twin, with
Dutch decimal commas, must give the same batch, and so must an Excel workbook made from it.
"""

from __future__ import annotations

import csv
import itertools
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

# The importer's messages only exist once this module is imported; the CLI never imports it
# (see test_importer_registers_its_own_messages). Imported here so that the message tests
# below do not depend on which other test module happened to import it first.
import koers.importers.messages  # noqa: F401
from koers.domain.measurements import read_unavailable
from koers.domain.plan import Plan
from koers.i18n import gettext
from koers.importers.batch import OPTIONAL, Batch
from koers.importers.measurements import (
    COLUMNS,
    EXPORT_ONLY,
    MAX_PROBLEMS,
    PROGRESS_EVERY,
    REQUIRED,
    CheckResult,
    _RowChecker,
    check_file,
    check_rows,
    parse_number,
)
from koers.importers.messages import IMPORT_MESSAGES
from koers.planfile.limits import CATALOGUE as FILE_CATALOGUE
from koers.planfile.limits import MAX_FIELD_CHARS
from koers.problems import Problem

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
BROKEN = DATA / "broken-imports"
SAMPLE = DATA / "imports" / "heemskerk-2024-sample.csv"
SAMPLE_SEMICOLON = DATA / "imports" / "heemskerk-2024-sample-semicolon.csv"

Spot = tuple[int | None, str | None, str]
FILE = "<file name>"  # stands for the default source_ref: the name of the file imported
HEADER = ["goal", "period", "area", "value"]


# -- helpers --------------------------------------------------------------------------------


def spot(problem: Problem) -> Spot:
    """(row, column, code); a missing column is named by its field."""
    column = problem.location.column
    if column is None and problem.code == "missing-column":
        column = problem.field
    return (problem.location.row, column, problem.code)


def spots(result: CheckResult) -> list[Spot]:
    return [spot(p) for p in result.problems]


def write_csv(path: Path, header: list[str], rows: list[list[Any]], delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def check_csv(plan: Plan, tmp_path: Path, header: list[str], rows: list[list[Any]], **kw: Any) -> CheckResult:
    """Check ``rows`` as a CSV file; and check that the same rows given as mappings
    (:func:`check_rows`, the editor's way) come out exactly the same: problems, messages and
    row numbers, and the batch."""
    progress = kw.pop("progress", None)
    file_calls: list[int] = []
    result = check_file(write_csv(tmp_path / "metingen.csv", header, rows), plan, progress=file_calls.append, **kw)
    readable = all(p.code != "unreadable-file" and p.catalogue != FILE_CATALOGUE for p in result.problems)
    if readable and len(set(header)) == len(header):  # a mapping cannot hold one column twice
        row_calls: list[int] = []
        mappings = [dict(zip(header, [_as_csv_cell(cell) for cell in row], strict=False)) for row in rows]
        given = check_rows(plan, mappings, source_name="metingen.csv", header=header, progress=row_calls.append, **kw)
        assert same_outcome(given) == same_outcome(result)
        assert row_calls == file_calls
    for count in file_calls if progress is not None else ():
        progress(count)
    return result


def _as_csv_cell(cell: Any) -> str:
    """A cell as a CSV file gives it back."""
    return "" if cell is None else str(cell)


def same_outcome(result: CheckResult) -> tuple[Any, ...]:
    """All of a check's outcome but the file's path: rows, spots, words, batch."""
    words = [(p.field, p.message(lang), p.hint(lang)) for p in result.problems for lang in ("nl", "en")]
    batch = rows_of(result.batch, "metingen.csv") if result.batch is not None else None
    return (result.rows, result.problem_count, spots(result), words, batch)


def rows_of(batch: Batch, default_ref: str) -> list[tuple[Any, ...]]:
    """Every column of every row of a batch; the file's own name (the default source_ref) as FILE;
    for a figure that is not there its code where the value would be."""
    return [
        (
            batch.subject[i],
            batch.kind(i),
            batch.unit(i),
            batch.period[i].code,
            batch.area[i],
            batch.get("unavailable", i) or batch.value_of(i),
            batch.status[i],
            batch.source[i],
            FILE if batch.source_ref[i] == default_ref else batch.source_ref[i],
            *(batch.get(name, i) for name in OPTIONAL if name != "unavailable"),
        )
        for i in range(len(batch))
    ]


def only_row(result: CheckResult) -> tuple[Any, ...]:
    assert spots(result) == []
    assert result.batch is not None and len(result.batch) == 1
    return rows_of(result.batch, "metingen.csv")[0]


# -- the broken files -----------------------------------------------------------------------

BROKEN_FILES: list[tuple[str, str, list[Spot]]] = [
    ("empty.csv", "a file of zero bytes", [(None, None, "empty-file")]),
    ("header-only.csv", "column names but no measurements", [(None, None, "empty-file")]),
    (
        "missing-columns.csv",
        "neither goal nor series, and no period, area or value: each is named",
        [
            (1, "goal", "missing-column"),
            (1, "period", "missing-column"),
            (1, "area", "missing-column"),
            (1, "value", "missing-column"),
        ],
    ),
    (
        "missing-value-column.csv",
        "a series column stands in for goal; only value is missing",
        [
            (1, "value", "missing-column"),
        ],
    ),
    (
        "unknown-and-duplicate-columns.csv",
        "Dutch and unknown headers; a column twice in another case",
        [
            (1, "waarde", "unknown-column"),
            (1, "Value", "duplicate-column"),
            (1, "opmerking", "unknown-column"),
            (1, "PERIOD", "duplicate-column"),
        ],
    ),
    (
        "dutch-headers.csv",
        "Dutch column names without --map: unknown, and so the required ones missing",
        [
            (1, "Doel", "unknown-column"),
            (1, "Periode", "unknown-column"),
            (1, "Gebied", "unknown-column"),
            (1, "Waarde", "unknown-column"),
            (1, "goal", "missing-column"),
            (1, "period", "missing-column"),
            (1, "area", "missing-column"),
            (1, "value", "missing-column"),
        ],
    ),
    (
        "missing-values.csv",
        "an empty goal, period, area and value (blank and spaces); a blank row counts",
        [
            (2, "goal", "missing-value"),
            (3, "period", "missing-value"),
            (4, "area", "missing-value"),
            (6, "value", "missing-value"),
            (7, "value", "missing-value"),
        ],
    ),
    (
        "goals.csv",
        "unknown goal ids, goal and series both filled; 'ff-01' and bbv-32 are fine",
        [
            (2, "goal", "unknown-goal"),
            (3, "goal", "unknown-goal"),
            (4, "goal", "goal-and-series"),
        ],
    ),
    (
        "areas.csv",
        "areas neither in the register nor a CBS code; GM0375 and a name in lower case are fine",
        [
            (2, "area", "unknown-area"),
            (3, "area", "unknown-area"),
            (4, "area", "unknown-area"),
            (5, "area", "unknown-area"),
        ],
    ),
    (
        "periods.csv",
        "ambiguous 2023-2024, H3, month 13, words, an implausible year; '2e helft 2024' is fine",
        [
            (2, "period", "invalid-period"),
            (3, "period", "invalid-period"),
            (4, "period", "invalid-period"),
            (5, "period", "invalid-period"),
            (6, "period", "invalid-period"),
        ],
    ),
    (
        "numbers.csv",
        "text where a number belongs: value, numerator, ci_low and ci_high; '1.250,5' is fine; "
        "'n.v.t.' is a figure that is not there (n.a.), which needs a reason",
        [
            (2, "value", "invalid-number"),
            (3, "value", "invalid-number"),
            (4, "note", "unavailable-without-reason"),
            (5, "value", "invalid-number"),
            (6, "numerator", "invalid-number"),
            (7, "ci_low", "invalid-number"),
            (7, "ci_high", "invalid-number"),
        ],
    ),
    (
        "ranges.csv",
        "percentages outside 0-100, a negative count, rate and number of nights; "
        "0, 100 and a negative amount in euro are fine",
        [
            (2, "value", "out-of-range"),
            (3, "value", "out-of-range"),
            (4, "value", "out-of-range"),
            (5, "value", "out-of-range"),
            (6, "value", "out-of-range"),
        ],
    ),
    (
        "statuses.csv",
        "statuses koers does not know; 'Definitief' and 'V' are fine",
        [
            (2, "status", "invalid-status"),
            (3, "status", "invalid-status"),
            (4, "status", "invalid-status"),
        ],
    ),
    (
        "units.csv",
        "a unit of another goal (euro for a percentage, % for a count, per 10.000 for per 1.000), "
        "unit texts koers does not know; matching units are fine",
        [
            (2, "unit", "unit-mismatch"),
            (3, "unit", "unit-mismatch"),
            (4, "unit", "unit-mismatch"),
            (5, "unit", "invalid-unit"),
            (6, "unit", "invalid-unit"),
        ],
    ),
    (
        "series-units.csv",
        "a series without a unit, and a series whose unit changes; the unit, once known, may be left out",
        [
            (2, "unit", "unit-unknown"),
            (4, "unit", "unit-mismatch"),
        ],
    ),
    (
        "survey.csv",
        "GGD figures: a sample size that is not a whole number or negative; an interval that "
        "misses the value, and one the wrong way round",
        [
            (2, "sample_size", "invalid-whole-number"),
            (3, "sample_size", "invalid-whole-number"),
            (4, "ci_low", "invalid-interval"),
            (5, "ci_low", "invalid-interval"),
        ],
    ),
    (
        "fractions.csv",
        "numerator/denominator that do not give the value (x100 for %, x1000 per 1.000)",
        [
            (4, "value", "invalid-fraction"),
            (5, "value", "invalid-fraction"),
            (6, "value", "invalid-fraction"),
        ],
    ),
    (
        "dates.csv",
        "retrieved_at in Dutch order, a day that does not exist, a word; ISO forms are fine",
        [
            (2, "retrieved_at", "invalid-date"),
            (3, "retrieved_at", "invalid-date"),
            (4, "retrieved_at", "invalid-date"),
        ],
    ),
    (
        "duplicates.csv",
        "the same goal, period and area again, also spelled differently (Heemskerk, 2024JJ00, Hart van Heemskerk)",
        [
            (3, "goal", "duplicate-row"),
            (5, "goal", "duplicate-row"),
            (6, "goal", "duplicate-row"),
        ],
    ),
    (
        "unavailable.csv",
        "figures that are not there: without a reason (in value, in unavailable), with a number too, with two "
        "codes, an unknown code, '-' (nil at CBS, not a code), nothing at all; the same code twice is fine",
        [
            (2, "note", "unavailable-without-reason"),
            (3, "note", "unavailable-without-reason"),
            (4, "value", "value-and-unavailable"),
            (5, "value", "value-and-unavailable"),
            (6, "unavailable", "invalid-unavailable"),
            (7, "value", "invalid-number"),
            (8, "value", "missing-value"),
        ],
    ),
    (
        "many-problems.csv",
        "several rows with problems, one row with six: all are reported",
        [
            (2, "goal", "unknown-goal"),
            (3, "period", "invalid-period"),
            (3, "area", "unknown-area"),
            (3, "value", "invalid-number"),
            (3, "status", "invalid-status"),
            (3, "sample_size", "invalid-whole-number"),
            (3, "retrieved_at", "invalid-date"),
            (4, "unit", "unit-mismatch"),
            (7, "goal", "duplicate-row"),
        ],
    ),
]


def test_every_broken_file_is_in_the_table() -> None:
    assert sorted(p.name for p in BROKEN.glob("*")) == sorted(name for name, _, _ in BROKEN_FILES)


@pytest.mark.parametrize(("name", "checks", "expected"), BROKEN_FILES, ids=[n for n, _, _ in BROKEN_FILES])
def test_broken_file_reports_every_problem(heemskerk_2024: Plan, name: str, checks: str, expected: list[Spot]) -> None:
    result = check_file(BROKEN / name, heemskerk_2024)
    assert spots(result) == expected, checks
    assert result.batch is None and not result.ok
    assert result.problem_count == len(expected)
    for problem in result.problems:
        assert problem.location.file == str(BROKEN / name)
        for lang in ("nl", "en"):
            assert problem.message(lang) and problem.hint(lang), (problem.code, lang)
        assert problem.message("en") != problem.message("nl")


@pytest.mark.parametrize("name", [n for n, _, _ in BROKEN_FILES])
def test_a_problem_in_a_cell_names_its_column_as_field(heemskerk_2024: Plan, name: str) -> None:
    for problem in check_file(BROKEN / name, heemskerk_2024).problems:
        if problem.location.row is None:
            assert (problem.field, problem.location.column) == ("-", None)
        elif problem.code == "missing-column":
            assert problem.location.column is None and problem.field in (*REQUIRED, "goal")
        else:
            assert problem.field == problem.location.column


def test_rows_counts_the_measurement_rows_not_the_blank_ones(heemskerk_2024: Plan) -> None:
    assert check_file(BROKEN / "many-problems.csv", heemskerk_2024).rows == 5
    assert check_file(BROKEN / "missing-values.csv", heemskerk_2024).rows == 5


# -- columns --------------------------------------------------------------------------------


def test_the_documented_columns() -> None:
    assert REQUIRED == ("period", "area", "value")
    assert set(EXPORT_ONLY).isdisjoint(COLUMNS)
    assert {"goal", "series", *REQUIRED, *OPTIONAL} <= set(COLUMNS)


@pytest.mark.parametrize("left_out", ["goal", "period", "area", "value"])
def test_each_required_column_is_missed_alone(heemskerk_2024: Plan, tmp_path: Path, left_out: str) -> None:
    keep = [i for i, name in enumerate(HEADER) if name != left_out]
    row = ["FF-01", "2024", "GM0396", "5500"]
    result = check_csv(heemskerk_2024, tmp_path, [HEADER[i] for i in keep], [[row[i] for i in keep]])
    assert spots(result) == [(1, left_out, "missing-column")]
    assert result.rows == 0


@pytest.mark.parametrize(
    ("header", "row", "kind"),
    [
        (["goal", "period", "area", "value"], ["FF-01", "2024", "GM0396", "5500"], "goal"),
        (
            ["series", "period", "area", "value", "unit"],
            ["inwoners", "2024-01-01", "GM0396", "39450", "aantal"],
            "series",
        ),
        (
            ["goal", "series", "period", "area", "value", "unit"],
            ["", "inwoners", "2024-01-01", "GM0396", "39450", "aantal"],
            "series",
        ),
    ],
)
def test_goal_or_series_is_enough(
    heemskerk_2024: Plan, tmp_path: Path, header: list[str], row: list[str], kind: str
) -> None:
    assert only_row(check_csv(heemskerk_2024, tmp_path, header, [row]))[1] == kind


MAPPING = {"goal": "doel", "period": "PERIODE", "area": "Gebied", "value": "waarde"}


def test_map_names_dutch_headers_case_insensitively(heemskerk_2024: Plan) -> None:
    result = check_file(BROKEN / "dutch-headers.csv", heemskerk_2024, mapping=MAPPING)
    assert spots(result) == []
    assert result.batch is not None
    assert rows_of(result.batch, "dutch-headers.csv") == [
        (
            "FF-01",
            "goal",
            "count",
            "2024-H1",
            "GM0396",
            5500.0,
            "provisional",
            "Suite4SD",
            FILE,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
        ),
        (
            "VW-01",
            "goal",
            "percentage",
            "2024",
            "hart-van-heemskerk",
            48.1,
            "final",
            "GGD gezondheidsmonitor",
            FILE,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
        ),
    ]


def test_a_mapped_header_next_to_its_canonical_name_is_a_duplicate(heemskerk_2024: Plan, tmp_path: Path) -> None:
    result = check_csv(
        heemskerk_2024,
        tmp_path,
        [*HEADER, "Waarde"],
        [["FF-01", "2024", "GM0396", "1", "2"]],
        mapping={"value": "waarde"},
    )
    assert spots(result) == [(1, "Waarde", "duplicate-column")]


def test_export_only_columns_are_ignored(heemskerk_2024: Plan, tmp_path: Path) -> None:
    row = ["FF-01", "2024", "GM0396", "5500"]
    exported = write_csv(
        tmp_path / "export.csv",
        [*HEADER, "version", "Recorded_At", "recorded_by", "derivation"],
        [[*row, "3", "2025-01-01T10:00:00", "jdevries", "ZW-05 = a / b * 1000"]],
    )
    plain = write_csv(tmp_path / "plain.csv", HEADER, [row])
    with_export = check_file(exported, heemskerk_2024)
    without = check_file(plain, heemskerk_2024)
    assert spots(with_export) == [] and with_export.batch is not None and without.batch is not None
    assert rows_of(with_export.batch, "export.csv") == rows_of(without.batch, "plain.csv")


# -- unreadable files -----------------------------------------------------------------------


def test_a_file_saved_as_windows_1252_is_read_as_it_was_typed(heemskerk_2024: Plan, tmp_path: Path) -> None:
    """Dutch Excel's "CSV (gescheiden door lijstscheidingsteken)" is Windows-1252, not UTF-8."""
    path = tmp_path / "ansi.csv"
    path.write_bytes("goal,period,area,value,note\nFF-01,2024,GM0396,5500,één cijfer\n".encode("cp1252"))
    result = check_file(path, heemskerk_2024)
    assert spots(result) == [] and result.batch is not None
    assert result.batch.get("note", 0) == "één cijfer"


def test_a_file_that_is_no_text_is_unreadable(heemskerk_2024: Plan, tmp_path: Path) -> None:
    path = tmp_path / "binary.csv"
    path.write_bytes(b"goal,period,area,value\nFF-01,2024,GM0396,\x81\x8d\n")  # no Windows-1252 either
    result = check_file(path, heemskerk_2024)
    assert spots(result) == [(None, None, "not-text")]
    assert "UTF-8" in result.problems[0].hint("nl")


def test_a_file_that_does_not_exist_is_unreadable(heemskerk_2024: Plan, tmp_path: Path) -> None:
    result = check_file(tmp_path / "weg.csv", heemskerk_2024)
    assert spots(result) == [(None, None, "unreadable-file")]


def test_blank_lines_only_is_an_empty_file(heemskerk_2024: Plan, tmp_path: Path) -> None:
    path = tmp_path / "leeg.csv"
    path.write_text("\n  \n\n", encoding="utf-8")
    assert spots(check_file(path, heemskerk_2024)) == [(None, None, "empty-file")]


def test_a_utf8_bom_is_not_part_of_the_first_header(heemskerk_2024: Plan, tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_text("\ufeffgoal;period;area;value\nFF-01;2024;GM0396;1.250,5\n", encoding="utf-8")
    assert only_row(check_file(path, heemskerk_2024))[5] == 1250.5


def test_a_cell_beyond_the_field_limit_after_the_header_is_refused(heemskerk_2024: Plan, tmp_path: Path) -> None:
    long_note = "x" * (MAX_FIELD_CHARS + 1)
    result = check_csv(heemskerk_2024, tmp_path, [*HEADER, "note"], [["FF-01", "2024", "GM0396", "5500", long_note]])
    assert spots(result) == [(2, None, "field-too-large")]


def test_data_under_an_empty_header_is_not_dropped(heemskerk_2024: Plan, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "metingen.csv", [*HEADER, ""], [["FF-01", "2024", "GM0396", "5500", "belangrijk"]])
    result = check_file(path, heemskerk_2024)
    assert not result.ok
    assert [(p.location.row, p.location.column, p.code) for p in result.problems] == [(2, "E", "value-without-column")]


def test_data_under_an_empty_header_between_names_is_not_dropped(heemskerk_2024: Plan, tmp_path: Path) -> None:
    header = ["goal", "period", "", "area", "value"]
    result = check_csv(heemskerk_2024, tmp_path, header, [["FF-01", "2024", "belangrijk", "GM0396", "5500"]])
    assert [(p.location.row, p.location.column, p.code) for p in result.problems] == [(2, "3", "unnamed-column")]


# -- cells: what is accepted ---------------------------------------------------------------


def test_unknown_goal_suggests_ids_of_the_plan(heemskerk_2024: Plan) -> None:
    problem = check_file(BROKEN / "goals.csv", heemskerk_2024).problems[0]
    assert problem.message("nl") == "Het plan heeft geen doel of BBV-indicator 'FF-1'."
    suggested = problem.context["expected"].split(", ")
    ids = {g.id for g in heemskerk_2024.goals} | {b.id for b in heemskerk_2024.bbv_indicators}
    assert suggested and set(suggested) <= ids
    assert all(goal_id in problem.hint("nl") and goal_id in problem.hint("en") for goal_id in suggested)


@pytest.mark.parametrize(
    ("goal", "stored", "kind"),
    [
        ("FF-01", "FF-01", "goal"),
        ("ff-01", "FF-01", "goal"),
        (" VW-01 ", "VW-01", "goal"),
        ("bbv-20", "bbv-20", "bbv"),
        ("BBV-20", "bbv-20", "bbv"),
    ],
)
def test_goal_ids(heemskerk_2024: Plan, tmp_path: Path, goal: str, stored: str, kind: str) -> None:
    row = only_row(check_csv(heemskerk_2024, tmp_path, HEADER, [[goal, "2024", "GM0396", "5"]]))
    assert row[:2] == (stored, kind)


@pytest.mark.parametrize(
    ("area", "stored"),
    [
        ("GM0396", "GM0396"),
        ("gm0396", "GM0396"),
        ("Heemskerk", "GM0396"),
        ("hart-van-heemskerk", "hart-van-heemskerk"),
        ("Hart van Heemskerk", "hart-van-heemskerk"),
        ("HART VAN HEEMSKERK", "hart-van-heemskerk"),
        ("Broekpolder", "broekpolder"),
        ("  Duin tot Dorp ", "duin-tot-dorp"),
        ("IJmond", "ijmond"),
        ("ijmond", "ijmond"),
        # A CBS code that is not in the register is accepted as that code.
        ("GM0375", "GM0375"),
        ("wk039601", "WK039601"),
        ("BU03960101", "BU03960101"),
    ],
)
def test_areas_resolve_to_their_stored_id(heemskerk_2024: Plan, tmp_path: Path, area: str, stored: str) -> None:
    assert only_row(check_csv(heemskerk_2024, tmp_path, HEADER, [["FF-01", "2024", area, "5"]]))[4] == stored


@pytest.mark.parametrize(
    ("period", "code"),
    [
        ("2024", "2024"),
        ("2024-H1", "2024-H1"),
        ("2e helft 2024", "2024-H2"),
        ("2024-Q3", "2024-Q3"),
        ("2024-03", "2024-03"),
        ("schooljaar 2023-2024", "2023/2024"),
        ("2023/2024", "2023/2024"),
        ("2024-01-01", "2024-01-01"),
        ("peildatum 1 januari 2024", "2024-01-01"),
        ("2024JJ00", "2024"),
        ("2024KW01", "2024-Q1"),
        ("2024MM03", "2024-03"),
    ],
)
def test_period_spellings(heemskerk_2024: Plan, tmp_path: Path, period: str, code: str) -> None:
    assert only_row(check_csv(heemskerk_2024, tmp_path, HEADER, [["FF-01", period, "GM0396", "5"]]))[3] == code


NUMBERS: list[tuple[str, float | None]] = [
    ("48.1", 48.1),
    ("48,1", 48.1),
    ("1.250,5", 1250.5),
    ("1,250.5", 1250.5),
    ("1 250,5", 1250.5),
    (" 48.1 ", 48.1),
    ("1\u00a0250", 1250.0),
    ("-3,5", -3.5),
    ("0", 0.0),
    ("1.250", 1.25),  # documented: a bare 1.250 is 1.25, thousands separators are left out
    ("48.1%", None),
    ("n.v.t.", None),
    ("1.250.000", None),
    ("ca. 48", None),
    ("", None),
    ("nan", None),
    ("inf", None),
    ("-inf", None),
]


@pytest.mark.parametrize(("text", "number"), NUMBERS)
def test_parse_number(text: str, number: float | None) -> None:
    assert parse_number(text) == number


@pytest.mark.parametrize(("text", "number"), [(t, n) for t, n in NUMBERS if n is not None])
def test_number_spellings_in_a_file(heemskerk_2024: Plan, tmp_path: Path, text: str, number: float) -> None:
    # ZW-04 is in euro, so a negative number is allowed too.
    assert only_row(check_csv(heemskerk_2024, tmp_path, HEADER, [["ZW-04", "2024", "GM0396", text]]))[5] == number


@pytest.mark.parametrize("text", [t for t, n in NUMBERS if n is None and t and read_unavailable(t) is None])
def test_a_value_that_is_not_a_number(heemskerk_2024: Plan, tmp_path: Path, text: str) -> None:
    result = check_csv(heemskerk_2024, tmp_path, HEADER, [["ZW-04", "2024", "GM0396", text]])
    assert spots(result) == [(2, "value", "invalid-number")]
    assert result.problems[0].context["value"] == text.strip()


@pytest.mark.parametrize(
    ("status", "stored"),
    [
        ("definitief", "final"),
        ("Definitief", "final"),
        ("D", "final"),
        ("final", "final"),
        ("FINAL", "final"),
        ("voorlopig", "provisional"),
        ("Voorlopig", "provisional"),
        ("v", "provisional"),
        ("provisional", "provisional"),
        ("", "final"),
    ],
)
def test_status_words(heemskerk_2024: Plan, tmp_path: Path, status: str, stored: str) -> None:
    result = check_csv(heemskerk_2024, tmp_path, [*HEADER, "status"], [["FF-01", "2024", "GM0396", "5", status]])
    assert only_row(result)[6] == stored


@pytest.mark.parametrize(
    ("goal", "unit", "code"),
    [
        ("VW-01", "%", "percentage"),
        ("VW-01", "percentage", "percentage"),
        ("VW-01", "Procent", "percentage"),
        ("FF-01", "aantal", "count"),
        ("FF-01", "count", "count"),
        ("FF-01", "", "count"),
        ("ZW-05", "per 1.000 inwoners", "rate/1000/inwoners"),
        ("ZW-05", "per 1000 inwoners", "rate/1000/inwoners"),
        ("ZW-05", "rate/1000/inwoners", "rate/1000/inwoners"),
        ("OZ-03", "per 1.000 jeugdigen tot 18 jaar", "rate/1000/jeugdigen tot 18 jaar"),
        ("ZW-04", "euro", "euro"),
        ("ZW-04", "€", "euro"),
        ("ZW-01", "nachten", "nights"),
    ],
)
def test_a_unit_that_matches_the_goal(heemskerk_2024: Plan, tmp_path: Path, goal: str, unit: str, code: str) -> None:
    result = check_csv(heemskerk_2024, tmp_path, [*HEADER, "unit"], [[goal, "2024", "GM0396", "5", unit]])
    assert only_row(result)[2] == code


@pytest.mark.parametrize(
    ("row", "nl", "en"),
    [
        (
            2,
            "De eenheid 'euro' past niet bij VW-01: dat meet in %.",
            "The unit 'euro' does not fit VW-01: it is measured in %.",
        ),
        (
            3,
            "De eenheid '%' past niet bij FF-01: dat meet in toekenningen.",
            "The unit '%' does not fit FF-01: it is measured in toekenningen.",
        ),
        (
            4,
            "De eenheid 'per 10.000 inwoners' past niet bij ZW-05: dat meet in per 1.000 inwoners.",
            "The unit 'per 10.000 inwoners' does not fit ZW-05: it is measured in per 1,000 inwoners.",
        ),
    ],
)
def test_unit_mismatch_names_both_units(heemskerk_2024: Plan, row: int, nl: str, en: str) -> None:
    [problem] = [p for p in check_file(BROKEN / "units.csv", heemskerk_2024).problems if p.location.row == row]
    assert (problem.message("nl"), problem.message("en")) == (nl, en)


def test_a_series_keeps_the_unit_it_was_given_first(heemskerk_2024: Plan, tmp_path: Path) -> None:
    result = check_csv(
        heemskerk_2024,
        tmp_path,
        ["series", "period", "area", "value", "unit"],
        [
            ["inwoners", "2024-01-01", "GM0396", "39450", "aantal"],
            ["inwoners", "2025-01-01", "GM0396", "39600", ""],
            ["inwoners", "2025-01-01", "Hart van Heemskerk", "11020", "Aantal"],
        ],
    )
    assert spots(result) == []
    assert result.batch is not None and result.batch.units == {"inwoners": "count"}


def test_the_duplicate_row_names_the_first_row(heemskerk_2024: Plan) -> None:
    problems = check_file(BROKEN / "duplicates.csv", heemskerk_2024).problems
    assert [p.context["other"] for p in problems] == [2, 2, 4]
    assert problems[2].message("nl") == "Deze meting (zelfde doel, periode en gebied) staat ook op rij 4."
    assert problems[2].message("en") == "This measurement (same goal, period and area) is also on row 4."


def test_optional_columns_that_fit(heemskerk_2024: Plan, tmp_path: Path) -> None:
    header = [*HEADER, "numerator", "denominator", "sample_size", "ci_low", "ci_high", "retrieved_at", "note"]
    result = check_csv(
        heemskerk_2024,
        tmp_path,
        header,
        [
            ["VW-01", "2024", "GM0396", "48,1", "601", "1250", "1.250", "", "", "", ""],
        ],
    )
    # A bare '1.250' reads as 1.25 (documented), which is not a whole number.
    assert spots(result) == [(2, "sample_size", "invalid-whole-number")]
    result = check_csv(
        heemskerk_2024,
        tmp_path,
        header,
        [
            ["VW-01", "2024", "GM0396", "48,1", "601", "1250", "1250", "46,2", "50,0", "2026-03-15T09:30", " let op "],
        ],
    )
    assert only_row(result)[9:] == (601.0, 1250.0, 1250, 46.2, 50.0, datetime(2026, 3, 15, 9, 30), "let op")


# -- many problems, and the cap ---------------------------------------------------------------


def test_problem_count_is_true_while_the_list_is_capped(heemskerk_2024: Plan, tmp_path: Path) -> None:
    rows = [["FF-01", "ooit", "GM0396", "5"]] * (MAX_PROBLEMS + 7)
    calls: list[int] = []
    result = check_csv(heemskerk_2024, tmp_path, HEADER, rows, progress=calls.append)
    assert result.batch is None
    assert result.rows == MAX_PROBLEMS + 7
    assert result.problem_count == MAX_PROBLEMS + 7
    assert len(result.problems) == MAX_PROBLEMS
    assert spot(result.problems[0]) == (2, "period", "invalid-period")
    assert spot(result.problems[-1]) == (MAX_PROBLEMS + 1, "period", "invalid-period")
    assert calls == [*range(PROGRESS_EVERY, result.rows + 1, PROGRESS_EVERY), result.rows]


def test_progress_is_told_the_final_row_count(heemskerk_2024: Plan) -> None:
    calls: list[int] = []
    result = check_file(SAMPLE, heemskerk_2024, progress=calls.append)
    assert result.rows == 21 and calls == [21]


# -- the valid sample ---------------------------------------------------------------------------

GGD = "GGD Gezondheidsmonitor 2024 tabel 3.2"
SAMPLE_BATCH: list[tuple[Any, ...]] = [
    # subject, kind, unit, period, area, value, status, source, source_ref,
    # numerator, denominator, sample_size, ci_low, ci_high, retrieved_at, note
    (
        "FF-01",
        "goal",
        "count",
        "2024-H1",
        "GM0396",
        2810.0,
        "provisional",
        "Suite4SD",
        "Suite4SD export 2024-07-15",
        None,
        None,
        None,
        None,
        None,
        datetime(2024, 7, 15),
        "Voorbeeldcijfer",
    ),
    (
        "FF-01",
        "goal",
        "count",
        "2024-H2",
        "GM0396",
        2975.0,
        "final",
        "Suite4SD",
        "Suite4SD export 2025-01-14",
        None,
        None,
        None,
        None,
        None,
        datetime(2025, 1, 14),
        "Voorbeeldcijfer",
    ),
    (
        "FF-01",
        "goal",
        "count",
        "2024",
        "GM0396",
        5785.0,
        "final",
        "Suite4SD",
        FILE,
        None,
        None,
        None,
        None,
        None,
        None,
        "Voorbeeldcijfer, heel 2024",
    ),
    (
        "FF-02",
        "goal",
        "count",
        "2024",
        "GM0396",
        1012.0,
        "final",
        "Suite4SD",
        FILE,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
    ),
    (
        "FF-03",
        "goal",
        "count",
        "2023",
        "GM0396",
        1215.0,
        "final",
        "Schuldenproblematiek in beeld (cbs.nl)",
        FILE,
        None,
        None,
        None,
        None,
        None,
        None,
        "Voorbeeldcijfer",
    ),
    (
        "FF-05",
        "goal",
        "percentage",
        "2024",
        "GM0396",
        14.2,
        "provisional",
        "Benchmark Divosa",
        FILE,
        71.0,
        500.0,
        None,
        None,
        None,
        None,
        "Voorbeeldcijfer",
    ),
    (
        "VW-01",
        "goal",
        "percentage",
        "2024",
        "GM0396",
        47.6,
        "final",
        "GGD gezondheidsmonitor",
        GGD,
        None,
        None,
        1480,
        45.1,
        50.1,
        datetime(2025, 3, 1),
        "Voorbeeldcijfer",
    ),
    (
        "VW-01",
        "goal",
        "percentage",
        "2024",
        "hart-van-heemskerk",
        49.3,
        "final",
        "GGD gezondheidsmonitor",
        GGD,
        None,
        None,
        512,
        44.9,
        53.7,
        datetime(2025, 3, 1),
        "Voorbeeldcijfer",
    ),
    (
        "VW-01",
        "goal",
        "percentage",
        "2024",
        "broekpolder",
        45.8,
        "final",
        "GGD gezondheidsmonitor",
        GGD,
        None,
        None,
        436,
        41.0,
        50.6,
        datetime(2025, 3, 1),
        "Voorbeeldcijfer",
    ),
    (
        "VW-01",
        "goal",
        "percentage",
        "2024",
        "duin-tot-dorp",
        46.9,
        "final",
        "GGD gezondheidsmonitor",
        GGD,
        None,
        None,
        532,
        42.6,
        51.2,
        datetime(2025, 3, 1),
        "Voorbeeldcijfer",
    ),
    (
        "ZW-05",
        "goal",
        "rate/1000/inwoners",
        "2024",
        "GM0396",
        81.2,
        "provisional",
        "Basisregistratie",
        FILE,
        3203.0,
        39450.0,
        None,
        None,
        None,
        None,
        "Voorbeeldcijfer",
    ),
    (
        "ZW-05",
        "goal",
        "rate/1000/inwoners",
        "2023",
        "GM0396",
        79.8,
        "final",
        "Basisregistratie",
        FILE,
        3127.0,
        39190.0,
        None,
        None,
        None,
        None,
        "Voorbeeldcijfer",
    ),
    (
        "ZW-04",
        "goal",
        "euro",
        "2024",
        "GM0396",
        1250.5,
        "provisional",
        "Basisregistratie",
        FILE,
        None,
        None,
        None,
        None,
        None,
        None,
        "Voorbeeldcijfer",
    ),
    (
        "ZW-01",
        "goal",
        "nights",
        "2024",
        "GM0396",
        3650.0,
        "final",
        "Registraties BCT",
        FILE,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
    ),
    (
        "OZ-06",
        "goal",
        "count",
        "2023/2024",
        "GM0396",
        18.0,
        "final",
        "Jaarverslag Leerplein",
        "Jaarverslag Leerplein 2023-2024",
        None,
        None,
        None,
        None,
        None,
        None,
        "Voorbeeldcijfer",
    ),
    (
        "OO-01",
        "goal",
        "percentage",
        "2024",
        "GM0375",
        19.4,
        "final",
        "Vzinfo.nl",
        FILE,
        None,
        None,
        None,
        None,
        None,
        None,
        "Beverwijk ter vergelijking",
    ),
    (
        "OO-02",
        "goal",
        "count",
        "2024",
        "hart-van-heemskerk",
        1.0,
        "final",
        "Tellen",
        FILE,
        None,
        None,
        None,
        None,
        None,
        None,
        "Voorbeeldcijfer",
    ),
    (
        "bbv-20",
        "bbv",
        "percentage",
        "2024",
        "GM0396",
        46.0,
        "provisional",
        "Gezondheidsenquête (CBS, RIVM)",
        FILE,
        None,
        None,
        None,
        None,
        None,
        None,
        "Voorbeeldcijfer",
    ),
    (
        "bbv-32",
        "bbv",
        "rate/10000/inwoners",
        "2024",
        "GM0396",
        512.0,
        "final",
        "GMSD",
        FILE,
        None,
        None,
        None,
        None,
        None,
        None,
        "Voorbeeldcijfer",
    ),
    (
        "inwoners",
        "series",
        "count",
        "2024-01-01",
        "GM0396",
        39450.0,
        "final",
        "CBS StatLine",
        "CBS 03759ned",
        None,
        None,
        None,
        None,
        None,
        datetime(2024, 6, 30),
        "Voorbeeldcijfer",
    ),
    (
        "wmo-gebruikers",
        "series",
        "count",
        "2024",
        "GM0396",
        3203.0,
        "provisional",
        "GMSD",
        FILE,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
    ),
]


def test_the_sample_gives_exactly_the_expected_batch(heemskerk_2024: Plan) -> None:
    result = check_file(SAMPLE, heemskerk_2024)
    assert spots(result) == [] and result.problem_count == 0 and result.ok
    assert result.batch is not None
    assert rows_of(result.batch, SAMPLE.name) == SAMPLE_BATCH
    assert result.batch.kinds == {row[0]: row[1] for row in SAMPLE_BATCH}
    assert result.batch.units == {row[0]: row[2] for row in SAMPLE_BATCH}


def test_the_sample_is_realistic(heemskerk_2024: Plan) -> None:
    """Several goals, periods and areas; provisional and final; a fraction; a survey row."""
    assert 18 <= len(SAMPLE_BATCH) <= 25
    assert len({r[0] for r in SAMPLE_BATCH}) >= 8 and len({r[3] for r in SAMPLE_BATCH}) >= 4
    assert len({r[4] for r in SAMPLE_BATCH}) >= 4 and {r[6] for r in SAMPLE_BATCH} == {"final", "provisional"}
    assert any(r[9] is not None and r[10] is not None for r in SAMPLE_BATCH)
    assert any(r[11] is not None and r[12] is not None and r[13] is not None for r in SAMPLE_BATCH)


def test_the_semicolon_sample_with_decimal_commas_gives_the_same_batch(heemskerk_2024: Plan) -> None:
    assert ";" in SAMPLE_SEMICOLON.read_text(encoding="utf-8").splitlines()[0]
    assert "47,6" in SAMPLE_SEMICOLON.read_text(encoding="utf-8")
    comma = check_file(SAMPLE, heemskerk_2024)
    semicolon = check_file(SAMPLE_SEMICOLON, heemskerk_2024)
    assert spots(semicolon) == [] and comma.batch is not None and semicolon.batch is not None
    assert rows_of(semicolon.batch, SAMPLE_SEMICOLON.name) == rows_of(comma.batch, SAMPLE.name)


# -- Excel ----------------------------------------------------------------------------------------

NUMBER_COLUMNS = {"value", "numerator", "denominator", "sample_size", "ci_low", "ci_high"}


def excel_cell(column: str, text: str) -> Any:
    """A cell as Excel would hold it: numbers as numbers, dates as dates, years as integers."""
    if not text:
        return None
    if column in NUMBER_COLUMNS:
        try:
            number = float(text)
        except ValueError:
            return text  # '1,250.50' stays text, as in a sheet where someone typed it
        return int(number) if number.is_integer() else number
    if column == "retrieved_at" or (column == "period" and len(text) == 10 and text[4] == "-"):
        return datetime.fromisoformat(text)
    if column == "period" and text.isdigit():
        return int(text)
    return text


def sample_sheet() -> list[list[Any]]:
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    return [header, *([excel_cell(c, t) for c, t in zip(header, row, strict=True)] for row in rows)]


@pytest.mark.parametrize(
    "sheets",
    [
        pytest.param(lambda data: {"Blad1": data}, id="only-sheet"),
        pytest.param(lambda data: {"Blad1": data, "Toelichting": [["Bron: Suite4SD"]]}, id="first-sheet"),
        pytest.param(
            lambda data: {"Toelichting": [["Bron: Suite4SD"], ["goal", "x"]], "measurements": data},
            id="sheet-named-measurements-second",
        ),
    ],
)
def test_a_workbook_gives_the_same_batch_as_the_csv(heemskerk_2024: Plan, tmp_path: Path, sheets: Any) -> None:
    path = write_xlsx(tmp_path / "metingen.xlsx", sheets(sample_sheet()))
    calls: list[int] = []
    result = check_file(path, heemskerk_2024, progress=calls.append)
    assert spots(result) == [] and result.batch is not None
    assert rows_of(result.batch, "metingen.xlsx") == SAMPLE_BATCH
    assert calls == [21]


def test_a_broken_workbook_names_the_rows_of_the_sheet(heemskerk_2024: Plan, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "metingen.xlsx",
        {
            "measurements": [
                HEADER,
                ["VW-01", 2024, "GM0396", 150],
                [None, None, None, None],
                ["FF-01", 2024, "GM0396", "veel"],
                ["FF-01", date(2024, 1, 1), "Noord", 5],
                ["ZW-05", "2024", "GM0396", -3],
            ]
        },
    )
    result = check_file(path, heemskerk_2024)
    assert spots(result) == [
        (2, "value", "out-of-range"),
        (4, "value", "invalid-number"),
        (5, "area", "unknown-area"),
        (6, "value", "out-of-range"),
    ]


def test_a_workbook_with_only_a_header_is_empty(heemskerk_2024: Plan, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "leeg.xlsx", {"measurements": [HEADER]})
    assert spots(check_file(path, heemskerk_2024)) == [(None, None, "empty-file")]


def test_a_damaged_workbook_is_unreadable(heemskerk_2024: Plan, tmp_path: Path) -> None:
    path = tmp_path / "kapot.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    assert spots(check_file(path, heemskerk_2024)) == [(None, None, "unreadable-file")]


# -- the fast path keeps the same rows as the thorough one -------------------------------------


def test_repeated_rows_give_the_same_batch_with_and_without_the_fast_path(
    heemskerk_2024: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only goal, period, area, value, status, source, source_ref: a row whose cells were all
    # seen before takes the fast path. An extra (empty) note column turns the fast path off.
    header = [*HEADER, "status", "source", "source_ref"]
    extras = [("voorlopig", "", ""), ("", "Eigen telling", "tabel 1"), ("Definitief", " ", "")]
    points = itertools.product(
        ("FF-01", "VW-01", "ZW-05"), ("2023", "2024-H1", "2024"), ("GM0396", "Hart van Heemskerk", "broekpolder")
    )
    rows = [[goal, period, area, f"{7 + i * 0.5}", *extras[i % 3]] for i, (goal, period, area) in enumerate(points)]
    thorough: list[int] = []
    original = _RowChecker._thorough

    def counting(self: _RowChecker, number: int, cells: list[Any]) -> None:
        thorough.append(number)
        original(self, number, cells)

    monkeypatch.setattr(_RowChecker, "_thorough", counting)
    fast = check_file(write_csv(tmp_path / "a.csv", header, rows), heemskerk_2024)
    assert 0 < len(thorough) < len(rows)  # some rows did take the fast path
    thorough.clear()
    slow = check_file(write_csv(tmp_path / "b.csv", [*header, "note"], [[*r, ""] for r in rows]), heemskerk_2024)
    assert len(thorough) == len(rows)
    assert fast.batch is not None and slow.batch is not None and len(fast.batch) == 27
    assert rows_of(fast.batch, "a.csv") == rows_of(slow.batch, "b.csv")


@pytest.mark.parametrize(("value", "ref"), [(True, None), (5, 12345)], ids=["true-as-value", "numeric-source-ref"])
def test_the_fast_path_treats_excel_cells_like_the_thorough_path(
    heemskerk_2024: Plan, tmp_path: Path, value: Any, ref: Any
) -> None:
    # Row 4 only holds cells seen in rows 2 and 3, so it takes the fast path; row 5 does not.
    path = write_xlsx(
        tmp_path / "m.xlsx",
        {
            "measurements": [
                [*HEADER, "source_ref"],
                ["FF-01", "2024", "GM0396", 5, None],
                ["FF-02", "2025", "GM0396", 5, None],
                ["FF-01", "2025", "GM0396", value, ref],
                ["FF-01", "2026", "GM0396", value, ref],
            ]
        },
    )
    result = check_file(path, heemskerk_2024)
    thorough = [p.code for p in result.problems if p.location.row == 5]
    fast = [p.code for p in result.problems if p.location.row == 4]
    assert fast == thorough
    if result.batch is not None:
        assert result.batch.source_ref[2] == result.batch.source_ref[3] == "12345"


# -- messages -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "row", "nl", "en"),
    [
        (
            "goals.csv",
            2,
            "Het plan heeft geen doel of BBV-indicator 'FF-1'.",
            "The plan has no goal or BBV indicator 'FF-1'.",
        ),
        ("goals.csv", 4, "Deze rij heeft zowel een doel als een reeks.", "This row has both a goal and a series."),
        ("missing-values.csv", 2, "Deze cel is leeg.", "This cell is empty."),
        (
            "ranges.csv",
            4,
            "-1 kan niet: dit getal kan niet negatief zijn.",
            "-1 is not possible: this number cannot be negative.",
        ),
        ("statuses.csv", 2, "'concept' is geen status.", "'concept' is not a status."),
        ("units.csv", 5, "'kilo' is geen eenheid die koers kent.", "'kilo' is not a unit koers knows."),
        (
            "series-units.csv",
            2,
            "Van wmo-gebruikers is de eenheid niet bekend.",
            "The unit of wmo-gebruikers is not known.",
        ),
        (
            "unknown-and-duplicate-columns.csv",
            1,
            "koers kent de kolom 'waarde' niet.",
            "koers does not know the column 'waarde'.",
        ),
        ("missing-columns.csv", 1, "De kolom 'goal' ontbreekt.", "The column 'goal' is missing."),
        ("empty.csv", None, "Het bestand heeft geen rijen met metingen.", "The file has no rows with measurements."),
    ],
)
def test_messages_in_dutch_and_english(heemskerk_2024: Plan, name: str, row: int | None, nl: str, en: str) -> None:
    problem = next(p for p in check_file(BROKEN / name, heemskerk_2024).problems if p.location.row == row)
    assert problem.message() == problem.message("nl") == nl
    assert problem.message(lang="en") == en


def test_hints_in_english(heemskerk_2024: Plan) -> None:
    problem = check_file(BROKEN / "missing-values.csv", heemskerk_2024).problems[0]
    assert (problem.hint("nl"), problem.hint("en")) == ("Vul de goal in.", "Fill in the goal.")
    problem = check_file(BROKEN / "statuses.csv", heemskerk_2024).problems[0]
    assert problem.hint("en") == "Write 'provisional' (voorlopig) or 'final' (definitief)."


def test_importer_registers_its_own_messages(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "m.csv", HEADER, [["XX-99", "2024", "GM0396", "5"]])
    script = (
        "import sys; from pathlib import Path\n"
        "from koers.planfile import read_plan\n"
        "from koers.importers.measurements import check_file\n"
        "plan = read_plan(Path(sys.argv[1]))\n"
        "print(check_file(Path(sys.argv[2]), plan).problems[0].message())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(ROOT / "examples/heemskerk-2024/plan.yaml"), str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert done.stdout.strip() == "Het plan heeft geen doel of BBV-indicator 'XX-99'."


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""


@pytest.mark.parametrize(
    ("column", "cell", "code"),
    [
        ("area", "Noord", "unknown-area"),
        ("period", "ooit", "invalid-period"),
        ("retrieved_at", "15-03-2026", "invalid-date"),
    ],
)
def test_shared_codes_render_the_importers_own_texts(
    heemskerk_2024: Plan, tmp_path: Path, column: str, cell: str, code: str
) -> None:
    row = {"goal": "FF-01", "period": "2024", "area": "GM0396", "value": "5", "retrieved_at": "", column: cell}
    result = check_csv(heemskerk_2024, tmp_path, list(row), [list(row.values())])
    [problem] = result.problems
    assert problem.code == code
    for lang in ("nl", "en"):
        message, hint = (gettext(text, lang) for text in IMPORT_MESSAGES[code])
        context = _Blank({**problem.context, "field": problem.field})
        assert problem.message(lang) == message.format_map(context)
        assert problem.hint(lang) == hint.format_map(context)


def test_unknown_area_suggests_different_areas(heemskerk_2024: Plan) -> None:
    problem = check_file(BROKEN / "areas.csv", heemskerk_2024).problems[0]
    suggested = problem.context["expected"].split(", ")
    ids = {a.id for a in heemskerk_2024.areas}
    assert len(suggested) >= 2 and set(suggested) <= ids


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (["VW-01", "2024", "GM0396", "1234567", "", ""], "1234567 kan niet"),
        (["VW-01", "2024", "GM0396", "44", "45,1", "49,9"], "45,1 tot 49,9"),
    ],
    ids=["large-number", "dutch-decimal-comma"],
)
def test_numbers_in_messages_read_as_written(
    heemskerk_2024: Plan, tmp_path: Path, row: list[str], expected: str
) -> None:
    result = check_csv(heemskerk_2024, tmp_path, [*HEADER, "ci_low", "ci_high"], [row])
    assert expected in result.problems[0].message("nl")


@pytest.mark.parametrize("cell", ["1.250", "-12"])
def test_a_sample_size_problem_quotes_the_cell(heemskerk_2024: Plan, tmp_path: Path, cell: str) -> None:
    result = check_csv(heemskerk_2024, tmp_path, [*HEADER, "sample_size"], [["VW-01", "2024", "GM0396", "48", cell]])
    [problem] = result.problems
    message = problem.message("en")
    assert message == f"'{cell}' is not a whole number of 0 or more."


# -- checks that stop too early or let too much through (bugs) -----------------------------------


def test_a_row_reports_its_range_problem_next_to_another_one(heemskerk_2024: Plan, tmp_path: Path) -> None:
    result = check_csv(heemskerk_2024, tmp_path, [*HEADER, "status"], [["VW-01", "2024", "GM0396", "150", "klaar"]])
    assert sorted(spots(result)) == [(2, "status", "invalid-status"), (2, "value", "out-of-range")]


def test_a_denominator_of_zero_does_not_fit(heemskerk_2024: Plan, tmp_path: Path) -> None:
    result = check_csv(
        heemskerk_2024, tmp_path, [*HEADER, "numerator", "denominator"], [["VW-01", "2024", "GM0396", "48.1", "5", "0"]]
    )
    assert not result.ok
    assert [p.location.row for p in result.problems] == [2]


def test_a_bbv_indicator_cannot_change_unit_between_rows(heemskerk_2024: Plan, tmp_path: Path) -> None:
    result = check_csv(
        heemskerk_2024,
        tmp_path,
        [*HEADER, "unit"],
        [
            ["bbv-32", "2024", "GM0396", "512", "euro"],
            ["bbv-32", "2025", "GM0396", "47", "aantal"],  # '%' would be bbv-unit-base: per 10.000 is x100
        ],
    )
    assert spots(result) == [(3, "unit", "unit-mismatch")]


def test_a_series_named_like_a_goal_is_not_stored_as_the_goal(heemskerk_2024: Plan, tmp_path: Path) -> None:
    result = check_csv(
        heemskerk_2024,
        tmp_path,
        ["goal", "series", "period", "area", "value", "unit"],
        [
            ["FF-01", "", "2024", "GM0396", "5500", ""],
            ["", "FF-01", "2025", "GM0396", "7", "euro"],
        ],
    )
    if result.batch is not None:
        assert (result.batch.kind(1), result.batch.unit(1)) == ("series", "euro")


def test_the_population_of_a_rate_is_read_case_insensitively(heemskerk_2024: Plan, tmp_path: Path) -> None:
    result = check_csv(
        heemskerk_2024, tmp_path, [*HEADER, "unit"], [["ZW-05", "2024", "GM0396", "81.2", "per 1.000 Inwoners"]]
    )
    assert only_row(result)[2] == "rate/1000/inwoners"
