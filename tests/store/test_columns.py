# SPDX-License-Identifier: EUPL-1.2
"""The store and the export follow the declared measurement columns
(koers.domain.measurement_columns): the table holds exactly the stored columns, with types
that fit, and the rows written out by hand on the hot paths put each value in its column.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import Date, DateTime, Float, Integer, String, Text

from koers import exports
from koers.domain.measurement_columns import BY_NAME, EXPORT_COLUMNS, READ_COLUMNS, STORED_COLUMNS, ColumnType
from koers.domain.measurements import Derivation, Measurement, MeasurementStatus
from koers.domain.periods import Period
from koers.importers.batch import Batch
from koers.store import imports
from koers.store import measurements as reading
from koers.store.tables import measurements

#: The SQL types a column of each declared type may have.
SQL_TYPES: dict[ColumnType, tuple[type, ...]] = {
    ColumnType.NUMBER: (Float,),
    ColumnType.WHOLE_NUMBER: (Integer,),
    ColumnType.DATE: (Date,),
    ColumnType.DATETIME: (DateTime,),
}
TEXTS = (
    ColumnType.SUBJECT,
    ColumnType.PERIOD,
    ColumnType.AREA,
    ColumnType.UNIT,
    ColumnType.STATUS,
    ColumnType.UNAVAILABLE,
    ColumnType.TEXT,
)
SQL_TYPES.update({kind: (String, Text) for kind in (*TEXTS, ColumnType.JSON)})


def test_the_table_holds_exactly_the_stored_columns_with_fitting_types() -> None:
    table = {column.name: column for column in measurements.columns if not column.primary_key}
    assert set(table) == set(STORED_COLUMNS)
    for name, column in table.items():
        assert isinstance(column.type, SQL_TYPES[BY_NAME[name].type]), name


def test_an_import_writes_every_stored_column_in_the_tables_order() -> None:
    assert tuple(c.name for c in measurements.columns if not c.primary_key) == imports.COLUMNS


def test_each_written_value_lands_in_its_column() -> None:
    batch = Batch()
    retrieved = datetime(2026, 3, 15, tzinfo=UTC)
    batch.append(
        "VW-01",
        "goal",
        "percentage",
        Period.parse("2024-H1"),
        "GM0396",
        48.0,
        "provisional",
        "bron",
        "tabel",
        numerator=1.0,
        denominator=2.0,
        sample_size=3,
        ci_low=4.0,
        ci_high=5.0,
        retrieved_at=retrieved,
        note="let op",
    )
    derivation = {"formula": "a / b", "inputs": {}}
    now = datetime(2026, 4, 1, tzinfo=UTC)
    [row] = imports._rows(7, batch, [3], 11, now, "anna", [derivation])
    written = dict(zip(imports.COLUMNS, row, strict=True))
    period = Period.parse("2024-H1")
    assert written == {
        "plan_id": 7,
        "subject": "VW-01",
        "subject_kind": "goal",
        "period": "2024-H1",
        "period_start": period.start,
        "period_end": period.end,
        "area": "GM0396",
        "version": 3,
        "value": 48.0,
        "unavailable": None,
        "unit": "percentage",
        "status": "provisional",
        "numerator": 1.0,
        "denominator": 2.0,
        "sample_size": 3,
        "ci_low": 4.0,
        "ci_high": 5.0,
        "source": "bron",
        "source_ref": "tabel",
        "recorded_at": retrieved,
        "recorded_by": "anna",
        "note": "let op",
        "derivation": json.dumps(derivation, sort_keys=True),
        "import_id": 11,
    }


def test_a_reader_gets_the_read_columns() -> None:
    assert reading.FIELDS == READ_COLUMNS


def test_a_record_has_the_export_columns_in_order() -> None:
    m = Measurement(
        "VW-01",
        Period.parse("2024"),
        "GM0396",
        48.0,
        MeasurementStatus.FINAL,
        derivation=Derivation("a / b", {}),
        extra={"subject_kind": "goal", "unit": "percentage", "import_id": 1},
    )
    assert tuple(reading.as_record(m)) == EXPORT_COLUMNS
    assert exports.EXPORT_COLUMNS is EXPORT_COLUMNS
