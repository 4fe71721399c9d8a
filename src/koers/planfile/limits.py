# SPDX-License-Identifier: EUPL-1.2
"""How much koers reads of a spreadsheet or CSV file, and the refusal when a file asks for more.

A few kilobytes can ask for gigabytes: an .xlsx is a zip, and its sheet may claim the whole grid
(A1:XFD1048576) or put a hundred million empty cells in one row; a CSV may hold one line of
2 GB. So every limit is checked *before* the work it bounds: the unpacked size of each part of
the zip before openpyxl opens it, the sheet's declared size before a row is read, the cells of
a row while they stream past (never a whole row in memory first), the length of a CSV line
while it is read. What is refused is refused with a located problem saying which limit, where,
and what to do; nothing is half-read.

The limits live here, in the lowest layer that reads files, because plan workbooks
(koers.planfile.excel) and data files (koers.importers.files) share them; data files get
:data:`DATA`, plan workbooks, which openpyxl reads whole into memory, the tighter :data:`PLAN`.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, iterparse

from koers.i18n import N_
from koers.problems import Catalogue, Location, Problem, register, render

CATALOGUE = "files"
#: Excel's own grid: no workbook Excel saves has a row with more cells than this.
EXCEL_COLUMNS = 16_384
MEGABYTE = 1 << 20


@dataclass(frozen=True)
class Limits:
    """What koers reads of one kind of file at most."""

    #: Named columns (the header row), and so the cells of a row koers keeps.
    columns: int
    #: Rows, the header row included.
    rows: int
    #: Cells of one sheet, empty ones included; a sheet that claims more is refused unread.
    cells: int
    #: Unpacked bytes of one worksheet in the zip, and of any other part (shared strings, styles).
    sheet_bytes: int
    part_bytes: int


#: Measurement, money, advice and survey files: a national file has about a million rows.
DATA = Limits(columns=200, rows=2_000_000, cells=30_000_000, sheet_bytes=1024 * MEGABYTE, part_bytes=100 * MEGABYTE)
#: Plan workbooks, which openpyxl keeps whole in memory (a large plan has some thousands of cells).
PLAN = Limits(columns=200, rows=100_000, cells=1_000_000, sheet_bytes=50 * MEGABYTE, part_bytes=50 * MEGABYTE)
#: Bytes of one CSV line; checked over the bytes before any line is read as text.
MAX_LINE_BYTES = 1_000_000
#: Characters of one CSV cell.
MAX_FIELD_CHARS = 100_000

MESSAGES: Catalogue = {
    "too-many-columns": (
        N_("De rij met kolomnamen heeft {count} kolommen; koers leest er hoogstens {limit}."),
        N_("Haal de kolommen weg die koers niet nodig heeft, of verdeel ze over twee bestanden."),
    ),
    "too-many-rows": (
        N_("Het bestand heeft meer dan {limit} rijen."),
        N_("Verdeel de rijen over meer bestanden en lees ze een voor een in."),
    ),
    "too-many-cells-in-row": (
        N_("Deze rij heeft meer dan {limit} cellen: meer dan Excel zelf in een rij zet."),
        N_("Open het bestand in Excel of LibreOffice en sla het opnieuw op als .xlsx."),
    ),
    "sheet-too-large": (
        N_("Het tabblad zegt {dimension} te beslaan: {cells} cellen; koers leest hoogstens {limit} cellen."),
        N_(
            "Kopieer alleen de rijen en kolommen met gegevens naar een nieuw werkboek en sla dat op, "
            "of verdeel de gegevens over meer bestanden."
        ),
    ),
    "too-many-cells": (
        N_("Het tabblad heeft meer dan {limit} cellen (lege cellen tellen mee)."),
        N_("Haal de lege rijen en kolommen achter de gegevens weg, of verdeel de gegevens over meer bestanden."),
    ),
    "part-too-large": (
        N_("Uitgepakt is het onderdeel '{part}' van dit werkboek {size} MB; koers leest hoogstens {limit} MB."),
        N_("Verdeel de gegevens over meer bestanden, of sla het werkboek opnieuw op in Excel."),
    ),
    "line-too-long": (
        N_("Deze regel is langer dan {limit} bytes."),
        N_("Is het wel een CSV-bestand? Maak anders de lange teksten korter of verdeel het bestand."),
    ),
    "field-too-large": (
        N_("Een cel in deze rij is langer dan {limit} tekens."),
        N_('Staat er een aanhalingsteken (") dat nergens wordt gesloten? Anders: maak de tekst korter.'),
    ),
    "not-text": (
        N_("Dit bestand is geen tekst in UTF-8 of Windows-1252."),
        N_("Sla het in Excel op als 'CSV UTF-8 (door komma's gescheiden)' of als Excel-werkboek (.xlsx)."),
    ),
    "value-without-column": (
        N_("Een waarde zonder kolomnaam."),
        N_("Geef de kolom een naam in rij {header_row}, of haal de waarde weg."),
    ),
}
register(CATALOGUE, MESSAGES)


class UnreadableFile(Exception):
    """The file is not CSV or Excel koers can read; the message says why."""


class Refused(UnreadableFile):
    """A file koers will not read, because it asks for more than a limit allows (or is no text):
    a problem of its own, with which limit and where, so that the caller can show it as it is."""

    def __init__(
        self,
        code: str,
        *,
        sheet: str | None = None,
        row: int | None = None,
        line: int | None = None,
        column: str | None = None,
        **facts: Any,
    ) -> None:
        self.code, self.facts = code, facts
        self.sheet, self.row, self.line, self.column = sheet, row, line, column
        super().__init__(render(code, "message", "nl", catalogue=CATALOGUE, **facts))

    def problem(self, file: str) -> Problem:
        """The refusal as a problem in ``file`` (the name the caller's other problems use)."""
        where = Location(file, line=self.line, sheet=self.sheet, row=self.row, column=self.column)
        return Problem(self.code, "-", where, dict(self.facts), catalogue=CATALOGUE)


def value_without_column(file: str, row: int, column: int, header_row: int, sheet: str | None = None) -> Problem:
    """A value in ``column`` (1-based) of ``row``, right of the last named column: it would be
    dropped without a word, so it is a problem."""
    from openpyxl.utils import get_column_letter

    where = Location(file, sheet=sheet, row=row, column=get_column_letter(min(column, EXCEL_COLUMNS)))
    return Problem("value-without-column", "-", where, {"header_row": header_row}, catalogue=CATALOGUE)


# -- the zip ------------------------------------------------------------------------------


def check_parts(path: Path, limits: Limits) -> None:
    """Refuse a workbook with a part that unpacks beyond the limits, before anything is unpacked.

    The sizes are those the zip declares; a part is never read beyond its declared size
    (zipfile stops there, and a wrong checksum is an error), so they bound the work.
    """
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            sheet = info.filename.startswith("xl/worksheets/")
            limit = limits.sheet_bytes if sheet else limits.part_bytes
            if info.file_size > limit:
                size = -(-info.file_size // MEGABYTE)
                raise Refused("part-too-large", part=info.filename, size=size, limit=limit // MEGABYTE)


# -- a sheet ------------------------------------------------------------------------------

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _DATA, _DIMENSION = f"{_MAIN}row", f"{_MAIN}c", f"{_MAIN}sheetData", f"{_MAIN}dimension"
_VALUE, _INLINE, _TEXT, _RUN = f"{_MAIN}v", f"{_MAIN}is", f"{_MAIN}t", f"{_MAIN}r"
_DIGITS = "0123456789"


@dataclass
class Book:
    """A workbook opened to stream its sheets' rows: openpyxl's reading of its strings, styles and
    sheet list, without openpyxl's own sheets (which read a sheet whole to learn its size)."""

    reader: Any
    #: The worksheets' names, in the workbook's order, with their part in the zip.
    sheets: dict[str, str]
    limits: Limits

    def rows(self, name: str) -> Iterator[tuple[int, dict[int, Any]]]:
        """(row number, {column: value}) for every row of sheet ``name`` with a value.

        The XML is read as it streams, one cell at a time, and nothing of a row is kept but its
        values, so a row of 10^8 empty cells costs no memory; its declared size (<dimension>)
        is checked before the first row, and a row of more cells than Excel holds, a sheet of
        more cells or rows than the limits allow, is refused at the cell that goes beyond.
        Values are as openpyxl reads them (its own cell parser for anything but plain numbers
        and texts: dates, booleans, errors); rows and columns the sheet leaves out stay out.
        """
        from openpyxl.worksheet._reader import WorkSheetParser

        wb = self.reader.wb
        with self.reader.archive.open(self.sheets[name]) as source:
            parser = WorkSheetParser(
                source,
                self.reader.shared_strings,
                data_only=True,
                epoch=wb.epoch,
                date_formats=wb._date_formats,
                timedelta_formats=wb._timedelta_formats,
            )
            yield from _Sheet(name, parser, self.limits).stream(source)


@contextmanager
def open_workbook(path: Path, limits: Limits) -> Iterator[Book]:
    """``path`` opened to stream its rows (:class:`Book`), once no part of its zip is too large."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet

    check_parts(path, limits)
    reader = ExcelReader(path, read_only=True, data_only=True)
    try:
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        sheets = {
            sheet.name: rel.target
            for sheet, rel in reader.parser.find_sheets()
            if rel.Type.endswith("/worksheet") and rel.target in reader.valid_files
        }
        yield Book(reader, sheets, limits)
    finally:
        reader.archive.close()


class _Sheet:
    """One sheet's rows as they stream past, counted against the limits."""

    def __init__(self, title: str, parser: Any, limits: Limits) -> None:
        self.title, self.parser, self.limits = title, parser, limits
        self.strings: list[Any] = parser.shared_strings
        self.dates: set[int] = parser.date_formats
        self.number = self.column = self.total = 0
        self.columns: dict[str, int] = {}

    def stream(self, source: Any) -> Iterator[tuple[int, dict[int, Any]]]:
        row = data = None
        cells: dict[int, Any] = {}
        in_row = 0
        for event, element in iterparse(source, events=("start", "end")):
            tag = element.tag
            if event == "start":
                if tag == _ROW:
                    self._start_row(element.get("r"))
                    row, cells, in_row = element, {}, 0
                elif tag == _DATA:
                    data = element
                elif tag == _DIMENSION:
                    self._check_dimension(element.get("ref"))
            elif tag == _CELL:
                in_row += 1
                self.total += 1
                if in_row > EXCEL_COLUMNS or self.total > self.limits.cells:
                    self._refuse_cells(in_row)
                value = self._value(element)
                if row is not None:
                    row.clear()  # the cell is read: its row keeps no element of it
                if value is not None:
                    cells[self.column] = value
            elif tag == _ROW:
                if data is not None:
                    data.clear()  # the row is read: the sheet keeps no element of it
                if cells:
                    yield self.number, cells

    def _start_row(self, written: str | None) -> None:
        # openpyxl accepts '5.0' as a row number; a row without one follows the previous row
        self.number = self.number + 1 if written is None else int(float(written))
        self.column = 0
        if self.number > self.limits.rows:
            raise Refused("too-many-rows", sheet=self.title, row=self.number, limit=self.limits.rows)

    def _check_dimension(self, ref: str | None) -> None:
        """Refuse a sheet whose declared size is beyond the limits, before its first row."""
        from openpyxl.utils import range_boundaries

        if not ref:
            return
        low_column, low_row, high_column, high_row = range_boundaries(ref.upper())
        if None in (low_column, low_row, high_column, high_row):
            return  # a whole row or column as the size: nothing to go by; the rows are counted
        cells = (high_row - low_row + 1) * (high_column - low_column + 1)
        if cells > self.limits.cells or high_row > self.limits.rows:
            raise Refused("sheet-too-large", sheet=self.title, dimension=ref, cells=cells, limit=self.limits.cells)

    def _refuse_cells(self, in_row: int) -> None:
        if in_row > EXCEL_COLUMNS:
            raise Refused("too-many-cells-in-row", sheet=self.title, row=self.number, limit=EXCEL_COLUMNS)
        raise Refused("too-many-cells", sheet=self.title, row=self.number, limit=self.limits.cells)

    def _value(self, element: Element) -> Any:
        """The cell's value, and its column in ``self.column``: plain numbers and texts read
        here (most cells, and openpyxl's way is slow for them), the rest by openpyxl's parser."""
        written = element.get("r")
        self.column = self._column_of(written) if written else self.column + 1
        if self.column > EXCEL_COLUMNS:
            raise Refused("too-many-cells-in-row", sheet=self.title, row=self.number, limit=EXCEL_COLUMNS)
        kind = element.get("t")
        style = element.get("s")
        if kind == "s":
            text = element.findtext(_VALUE)
            return self.strings[int(text)] if text else None
        if kind == "inlineStr":
            return _inline_text(element)
        if kind in (None, "n") and not (style and int(style) in self.dates):
            text = element.findtext(_VALUE)
            return _number(text) if text else None
        self.parser.row_counter, self.parser.col_counter = self.number, self.column - 1
        element.set("r", "")  # the position is known; openpyxl's parser counts on from it
        return self.parser.parse_cell(element)["value"]

    def _column_of(self, coordinate: str) -> int:
        letters = coordinate.rstrip(_DIGITS)
        column = self.columns.get(letters)
        if column is None:
            from openpyxl.utils import column_index_from_string

            column = self.columns[letters] = column_index_from_string(letters)
        return column


def _inline_text(element: Element) -> str | None:
    """An inline string's text: its own text and that of its runs, as openpyxl reads it."""
    inline = element.find(_INLINE)
    if inline is None:
        return None
    parts = [inline.findtext(_TEXT) or "", *(run.findtext(_TEXT) or "" for run in inline.iterfind(_RUN))]
    return "".join(parts)


def _number(text: str) -> int | float:
    """A number as openpyxl casts it: a float when written with a point or an exponent."""
    return float(text) if "." in text or "E" in text or "e" in text else int(text)


# -- a workbook ---------------------------------------------------------------------------


def check_workbook(path: Path, limits: Limits) -> None:
    """Refuse a workbook beyond ``limits`` before it is opened whole: its zip's parts, then each
    sheet's declared size and its rows as they stream past. For plan workbooks, which openpyxl
    reads into memory cell by cell."""
    with open_workbook(path, limits) as book:
        for name in book.sheets:
            for _ in book.rows(name):
                pass
