# SPDX-License-Identifier: EUPL-1.2
"""The measurement columns, declared once (koers.domain.measurement_columns): the declaration
holds together, and docs/import-format.md lists exactly its columns, with its words.

Whether the importer, the batch, the store and the export follow it is tested next to them
(tests/importers/test_columns.py, tests/store/test_columns.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from koers.domain.measurement_columns import (
    BY_NAME,
    COLUMNS,
    CONTENT_COLUMNS,
    EXPORT_COLUMNS,
    EXPORT_ONLY,
    FAST_COLUMNS,
    IMPORT_COLUMNS,
    READ_COLUMNS,
    REQUIRED_COLUMNS,
    STORED_COLUMNS,
    SUBJECT_COLUMNS,
    ColumnType,
    MeasurementColumn,
    Part,
    Required,
    import_columns_of,
)
from tests.conftest import ROOT

DOC = ROOT / "docs" / "import-format.md"
#: Import columns that reach the table under another name.
STORED_AS = {"goal": "subject", "series": "subject", "retrieved_at": "recorded_at"}


def test_names_are_unique_and_every_column_has_a_description() -> None:
    assert len(BY_NAME) == len(COLUMNS)
    assert all(c.description.strip() for c in COLUMNS)


def test_the_derived_tuples_keep_the_declared_order() -> None:
    choices: list[tuple[tuple[str, ...], Callable[[MeasurementColumn], bool]]] = [
        (IMPORT_COLUMNS, lambda c: c.in_import),
        (EXPORT_COLUMNS, lambda c: c.in_export),
        (STORED_COLUMNS, lambda c: c.stored),
        (FAST_COLUMNS, lambda c: c.fast),
    ]
    for derived, keep in choices:
        assert derived == tuple(c.name for c in COLUMNS if keep(c))
    assert REQUIRED_COLUMNS == ("period", "area", "value")
    assert SUBJECT_COLUMNS == ("goal", "series")


def test_only_import_columns_are_required_or_read_fast() -> None:
    for column in COLUMNS:
        if not column.in_import:
            assert column.required == Required.NO and not column.fast, column.name
    assert {"goal", *REQUIRED_COLUMNS} <= set(FAST_COLUMNS)  # a usual file never leaves the fast path


def test_an_export_can_be_imported_again() -> None:
    assert set(EXPORT_ONLY).isdisjoint(IMPORT_COLUMNS)
    assert set(EXPORT_COLUMNS) == (set(IMPORT_COLUMNS) - {"retrieved_at"}) | set(EXPORT_ONLY)


def test_every_import_column_reaches_the_table_and_every_export_column_comes_from_it() -> None:
    for name in IMPORT_COLUMNS:
        assert STORED_AS.get(name, name) in STORED_COLUMNS, name
    for name in EXPORT_COLUMNS:
        assert STORED_AS.get(name, name) in STORED_COLUMNS, name


def test_content_is_what_a_version_compares_and_lookups_are_never_read() -> None:
    assert tuple(c.name for c in COLUMNS if c.stored and c.part == Part.CONTENT) == CONTENT_COLUMNS
    assert "value" in CONTENT_COLUMNS and "version" not in CONTENT_COLUMNS
    assert set(READ_COLUMNS) == set(STORED_COLUMNS) - {"plan_id", "period_start", "period_end"}


def test_import_columns_by_type() -> None:
    assert import_columns_of(ColumnType.NUMBER, required=False) == ("numerator", "denominator", "ci_low", "ci_high")
    assert import_columns_of(ColumnType.NUMBER, required=True) == ("value",)
    assert import_columns_of(ColumnType.TEXT) == ("source", "source_ref", "note")


# -- docs/import-format.md --------------------------------------------------------------------


def _table(section: str, header: str) -> list[list[str]]:
    """The rows of the table that starts with ``header`` in the ``## section`` of the doc."""
    text = DOC.read_text(encoding="utf-8")
    found = re.search(rf"^## {re.escape(section)}\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    assert found is not None, section
    lines = found.group(1).splitlines()
    start = lines.index(header) + 2  # past the header and its --- line
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip().strip("|").split(" | ")])
    return rows


def _names(cell: str) -> list[str]:
    return re.findall(r"`([a-z_]+)`", cell)


def test_the_doc_lists_every_import_column_in_order_with_its_words() -> None:
    listed: list[str] = []
    for names, required, meaning in _table("The file", "| column | required | meaning |"):
        for name in _names(names):
            column = BY_NAME[name]
            assert (required, meaning) == (column.required.value, column.description), name
            listed.append(name)
    assert tuple(listed) == IMPORT_COLUMNS


def test_the_doc_lists_every_column_only_an_export_has() -> None:
    listed: list[str] = []
    for names, meaning in _table("Export", "| column | meaning |"):
        for name in _names(names):
            assert meaning == BY_NAME[name].description, name
            listed.append(name)
    assert tuple(listed) == EXPORT_ONLY


def test_the_doc_names_the_columns_an_import_ignores() -> None:
    text = DOC.read_text(encoding="utf-8")
    sentence = re.search(r"The columns (.*?) that `koers export` writes\s+are ignored", text, re.S)
    assert sentence is not None
    assert _names(sentence.group(1)) == list(EXPORT_ONLY)
