# SPDX-License-Identifier: EUPL-1.2
"""Write measurement records to CSV or Excel, in the same columns an import reads.

An export can be edited and imported again: the columns are the import columns, plus the
version and provenance columns that an import ignores by name (see docs/import-format.md).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

EXPORT_COLUMNS = ("goal", "series", "period", "area", "value", "unit", "status", "version", "numerator",
                  "denominator", "sample_size", "ci_low", "ci_high", "source", "source_ref", "recorded_at",
                  "recorded_by", "note", "derivation")
SUFFIXES = (".csv", ".xlsx")


def write_records(records: Iterable[dict[str, Any]], path: Path) -> int:
    """Write ``records`` to ``path`` (.csv or .xlsx); returns how many."""
    rows = ([_cell(r.get(c)) for c in EXPORT_COLUMNS] for r in records)
    if path.suffix.lower() == ".xlsx":
        return _xlsx(rows, path)
    return _csv(rows, path)


def _cell(value: Any) -> Any:
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def _csv(rows: Iterable[list[Any]], path: Path) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(EXPORT_COLUMNS)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
            count += 1
    return count


def _xlsx(rows: Iterable[list[Any]], path: Path) -> int:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("measurements")
    sheet.append(list(EXPORT_COLUMNS))
    count = 0
    for row in rows:
        sheet.append(row)
        count += 1
    workbook.save(path)
    return count
