# SPDX-License-Identifier: EUPL-1.2
"""The importer, the batch and the editor follow the declared measurement columns
(koers.domain.measurement_columns), and rows given as mappings are checked as a file is.

Adding an import column to the declaration must be enough for the importer to read it and the
batch to keep it; these tests fail for any column that would be left behind.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from koers.domain.measurement_columns import (
    BY_NAME,
    CONTENT_COLUMNS,
    EXPORT_ONLY,
    FAST_COLUMNS,
    IMPORT_COLUMNS,
    REQUIRED_COLUMNS,
    ColumnType,
)
from koers.domain.periods import Period
from koers.domain.plan import Plan
from koers.importers import measurements as importer
from koers.importers.batch import CORE, OPTIONAL, Batch
from koers.importers.measurements import _FastIndexes, _RowChecker, check_rows
from koers.web.editor.actions import FILL_IN, MeasurementForm

ROW = {"goal": "VW-01", "period": "2024", "area": "GM0396", "value": "48"}
#: A valid cell of each type an optional import column may have, and what the batch keeps of it.
SAMPLES: dict[ColumnType, tuple[str, Any]] = {
    ColumnType.NUMBER: ("47,5", 47.5),
    ColumnType.WHOLE_NUMBER: ("1250", 1250),
    ColumnType.DATETIME: ("2026-03-15", datetime(2026, 3, 15)),
    ColumnType.TEXT: (" let op ", "let op"),
    ColumnType.UNAVAILABLE: ("N.B.", "n.b."),
}
#: What a row needs besides the cell of a column of this type (a code: no value, a reason).
WITH: dict[ColumnType, dict[str, str]] = {ColumnType.UNAVAILABLE: {"value": "", "note": "wordt niet gemeten"}}


def test_the_importer_reads_the_declared_columns() -> None:
    assert (importer.COLUMNS, importer.REQUIRED) == (IMPORT_COLUMNS, REQUIRED_COLUMNS)
    assert importer.EXPORT_ONLY is EXPORT_ONLY


def test_the_batch_keeps_every_import_column() -> None:
    assert set(CORE) <= set(IMPORT_COLUMNS)
    assert set(CORE) | set(OPTIONAL) == set(IMPORT_COLUMNS)
    assert set(CORE).isdisjoint(OPTIONAL)


@pytest.mark.parametrize("name", OPTIONAL)
def test_every_optional_import_column_reaches_the_batch(heemskerk_2024: Plan, name: str) -> None:
    kind = BY_NAME[name].type
    cell, kept = SAMPLES[kind]
    result = check_rows(heemskerk_2024, [{**ROW, **WITH.get(kind, {}), name: cell}], source_name="rijen")
    assert result.problems == [] and result.batch is not None
    assert result.batch.get(name, 0) == kept


def test_the_thorough_path_reads_every_import_column_by_its_type() -> None:
    by_type = {
        *importer.OPTIONAL_NUMBERS,
        *importer.WHOLE_NUMBERS,
        *importer.DATES,
        *importer.OPTIONAL_TEXTS,
    }
    read_by_name = set(IMPORT_COLUMNS) - by_type
    assert {BY_NAME[name].type for name in read_by_name} <= {
        ColumnType.SUBJECT,
        ColumnType.PERIOD,
        ColumnType.AREA,
        ColumnType.UNIT,
        ColumnType.STATUS,
        ColumnType.NUMBER,  # value, the one required number
        ColumnType.UNAVAILABLE,  # read with value: a figure that is not there
    }
    assert {name for name in read_by_name if BY_NAME[name].type == ColumnType.NUMBER} == {"value"}


def test_the_fast_path_reads_exactly_the_columns_declared_fast() -> None:
    assert set(_FastIndexes._fields) == set(FAST_COLUMNS)
    assert frozenset(FAST_COLUMNS) == importer.FAST_SET


@pytest.mark.parametrize(
    ("extra", "fast"), [(name, name in FAST_COLUMNS) for name in IMPORT_COLUMNS if name not in ROW]
)
def test_a_file_leaves_the_fast_path_only_for_a_column_not_declared_fast(
    heemskerk_2024: Plan, monkeypatch: pytest.MonkeyPatch, extra: str, fast: bool
) -> None:
    thorough: list[int] = []
    original = _RowChecker._thorough

    def counting(self: _RowChecker, number: int, cells: list[Any]) -> None:
        thorough.append(number)
        original(self, number, cells)

    monkeypatch.setattr(_RowChecker, "_thorough", counting)
    # The last two rows are new points made of cells the first two taught the fast path.
    points = [("VW-01", "2023"), ("FF-01", "2024"), ("VW-01", "2024"), ("FF-01", "2023")]
    rows = [{**ROW, "goal": goal, "period": period, extra: ""} for goal, period in points]
    assert check_rows(heemskerk_2024, rows, source_name="rijen").ok
    assert thorough == ([2, 3] if fast else [2, 3, 4, 5])


def test_batch_content_follows_the_declared_content_columns() -> None:
    values: dict[str, Any] = {
        "value": 48.0,
        "unavailable": None,
        "unit": "percentage",
        "status": "final",
        "numerator": 1.0,
        "denominator": 2.0,
        "sample_size": 3,
        "ci_low": 4.0,
        "ci_high": 5.0,
        "source": "bron",
        "source_ref": "tabel",
        "note": "let op",
    }
    assert set(values) == set(CONTENT_COLUMNS)
    batch = Batch()
    optional = {name: values[name] for name in OPTIONAL if name in values}
    batch.append(
        "VW-01",
        "goal",
        values["unit"],
        Period.parse("2024"),
        "GM0396",
        values["value"],
        values["status"],
        values["source"],
        values["source_ref"],
        **optional,
    )
    assert batch.content(0) == tuple(values[name] for name in CONTENT_COLUMNS)
    missing = {**values, "value": None, "unavailable": "n.b."}
    batch.append(
        "VW-01",
        "goal",
        values["unit"],
        Period.parse("2023"),
        "GM0396",
        None,
        values["status"],
        values["source"],
        values["source_ref"],
        **{name: missing[name] for name in OPTIONAL if name in missing},
    )
    assert batch.content(1) == tuple(missing[name] for name in CONTENT_COLUMNS)  # None as stored, never NaN


def test_the_editors_form_fields_are_import_columns_each_with_a_hint() -> None:
    assert set(FILL_IN) == set(MeasurementForm.model_fields)
    assert set(MeasurementForm.model_fields) <= set(IMPORT_COLUMNS)


# -- check_rows: rows as mappings ---------------------------------------------------------------


def test_rows_name_their_source_and_take_it_as_source_ref(heemskerk_2024: Plan) -> None:
    result = check_rows(heemskerk_2024, [ROW, {**ROW, "period": "ooit"}], source_name="invoer")
    [problem] = result.problems
    assert (problem.location.file, problem.location.row, problem.code) == ("invoer", 3, "invalid-period")
    ok = check_rows(heemskerk_2024, [ROW], source_name="invoer")
    assert ok.batch is not None and ok.batch.source_ref[0] == "invoer"


def test_a_column_is_every_key_any_row_uses(heemskerk_2024: Plan) -> None:
    result = check_rows(heemskerk_2024, [ROW, {**ROW, "period": "2023", "note": "later"}], source_name="rijen")
    assert result.batch is not None and [result.batch.get("note", i) for i in range(2)] == [None, "later"]
    strange = check_rows(heemskerk_2024, [ROW, {**ROW, "periode": "2023"}], source_name="rijen")
    assert [(p.location.row, p.code, p.field) for p in strange.problems] == [(1, "unknown-column", "periode")]


def test_blank_rows_are_passed_over_but_keep_their_number(heemskerk_2024: Plan) -> None:
    blank = dict.fromkeys(ROW, "")
    result = check_rows(heemskerk_2024, [ROW, blank, {**ROW, "value": "veel"}], source_name="rijen")
    assert result.rows == 2 and [p.location.row for p in result.problems] == [4]


def test_no_rows_is_an_empty_source(heemskerk_2024: Plan) -> None:
    for header in ((), ("goal", "period", "area", "value")):
        result = check_rows(heemskerk_2024, [], source_name="rijen", header=header)
        assert [p.code for p in result.problems] == ["empty-file"]


def test_values_need_not_be_text(heemskerk_2024: Plan) -> None:
    result = check_rows(heemskerk_2024, [{**ROW, "value": 48.5, "sample_size": 900}], source_name="rijen")
    assert result.batch is not None
    assert (result.batch.value[0], result.batch.get("sample_size", 0)) == (48.5, 900)
