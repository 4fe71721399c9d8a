# SPDX-License-Identifier: EUPL-1.2
"""Write measurement records to CSV or Excel, in the same columns an import reads.

An export can be edited and imported again: the columns are the import columns, plus the
version and provenance columns that an import ignores by name (see docs/import-format.md);
both are declared in koers.domain.measurement_columns.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from koers.domain.measurement_columns import EXPORT_COLUMNS as EXPORT_COLUMNS  # the columns, for callers

SUFFIXES = (".csv", ".xlsx")


def write_records(records: Iterable[dict[str, Any]], path: Path) -> int:
    """Write ``records`` to ``path`` (.csv or .xlsx); returns how many."""
    if path.suffix.lower() == ".xlsx":
        return _xlsx(([_cell(r.get(c)) for c in EXPORT_COLUMNS] for r in records), path)
    return _csv(records, path)


def _cell(value: Any) -> Any:
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def keep_text(cell: Any) -> Any:
    """An Excel cell whose text starts with '=' stays text: a note or a reason someone typed
    ('=HYPERLINK(...)') is never run as a formula, and it reads back exactly as written."""
    if isinstance(cell.value, str) and cell.value.startswith("="):
        cell.data_type = "s"
    return cell


def write_csv(records: Iterable[dict[str, Any]], handle: TextIO) -> int:
    """Write ``records`` as CSV to an open text stream (a file, or a response body)."""
    writer = csv.writer(handle)
    writer.writerow(EXPORT_COLUMNS)
    count = 0
    for record in records:
        writer.writerow(["" if record.get(c) is None else _cell(record.get(c)) for c in EXPORT_COLUMNS])
        count += 1
    return count


def _csv(records: Iterable[dict[str, Any]], path: Path) -> int:
    with path.open("w", encoding="utf-8", newline="") as handle:
        return write_csv(records, handle)


def _xlsx(rows: Iterable[list[Any]], path: Path) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("measurements")
    sheet.append(list(EXPORT_COLUMNS))
    count = 0
    for row in rows:
        sheet.append([keep_text(WriteOnlyCell(sheet, v)) if isinstance(v, str) and v[:1] == "=" else v for v in row])
        count += 1
    workbook.save(path)
    return count
