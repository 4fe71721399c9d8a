# SPDX-License-Identifier: EUPL-1.2
"""Write measurement records to CSV or Excel, in the same columns an import reads; and the one
rule that keeps every spreadsheet and CSV file koers writes from running a text as a formula.

An export can be edited and imported again: the columns are the import columns, plus the
version and provenance columns that an import ignores by name (see docs/import-format.md);
both are declared in koers.domain.measurement_columns.

Formula injection (OWASP "CSV injection"): a spreadsheet reads a cell that starts with ``=``,
``+``, ``-`` or ``@`` (and, in some programs, a tab or carriage return) as a formula. A note,
source or goal text someone typed (``=HYPERLINK("http://...","klik")``) must never run when a
council member opens a download. So every *text* cell that starts with one of
:data:`FORMULA_TRIGGERS` is neutralised, per format:

* CSV has no types: the text gets :data:`CSV_GUARD` (a single quote) in front, the OWASP
  convention; every spreadsheet then shows it as text. :func:`unguard` takes the quote off again
  for a reader of koers's own files.
* Excel: the cell is a string cell (never a formula) with Excel's own quote prefix
  (``quotePrefix``, what Excel stores when someone types ``'=...``): shown as text, still text
  after editing the cell, and the value itself is exactly what was written, so an export
  imports again unchanged.

Numbers are never touched: -5 is a number, not a text that starts with '-'.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final, TextIO

from koers.domain.measurement_columns import EXPORT_COLUMNS as EXPORT_COLUMNS  # the columns, for callers

SUFFIXES = (".csv", ".xlsx")

#: A text cell that starts with one of these is read as a formula by some spreadsheet.
FORMULA_TRIGGERS: Final = ("=", "+", "-", "@", "\t", "\r")
#: What a CSV file puts before such a text: the OWASP convention.
CSV_GUARD: Final = "'"


def runs_as_formula(value: Any) -> bool:
    """Whether ``value`` is a text a spreadsheet could take for a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def safe_cell(value: Any) -> Any:
    """``value`` as a CSV cell holds it safely: a text that could run as a formula with
    :data:`CSV_GUARD` in front; anything else (numbers too) as it is."""
    return CSV_GUARD + value if runs_as_formula(value) else value


def unguard(text: str) -> str:
    """A CSV cell as it was before :func:`safe_cell`: ``'=SUM(A1)`` is ``=SUM(A1)`` again. A
    quote before anything else is the writer's own and stays."""
    return text[1:] if text.startswith(CSV_GUARD) and runs_as_formula(text[1:]) else text


def keep_text(cell: Any) -> Any:
    """An openpyxl cell whose text could run as a formula becomes a string cell with Excel's
    quote prefix: shown and kept as text, read back exactly as written. Returns the cell."""
    if runs_as_formula(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def write_records(records: Iterable[dict[str, Any]], path: Path) -> int:
    """Write ``records`` to ``path`` (.csv or .xlsx); returns how many."""
    if path.suffix.lower() == ".xlsx":
        return _xlsx(([_cell(r.get(c)) for c in EXPORT_COLUMNS] for r in records), path)
    return _csv(records, path)


def _cell(value: Any) -> Any:
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def write_csv(records: Iterable[dict[str, Any]], handle: TextIO) -> int:
    """Write ``records`` as CSV to an open text stream (a file, or a response body)."""
    writer = csv.writer(handle)
    writer.writerow(EXPORT_COLUMNS)
    count = 0
    for record in records:
        writer.writerow(["" if record.get(c) is None else safe_cell(_cell(record.get(c))) for c in EXPORT_COLUMNS])
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
        sheet.append([keep_text(WriteOnlyCell(sheet, v)) if runs_as_formula(v) else v for v in row])
        count += 1
    workbook.save(path)
    return count
