# SPDX-License-Identifier: EUPL-1.2
"""Read the rows of a measurement file: CSV (comma or semicolon, as Dutch Excel writes it) or
Excel (the first sheet, or a sheet named 'measurements').

Rows come out as lists of strings (or numbers from Excel), with their 1-based row number in
the file, so that every problem can name the row a person sees in their spreadsheet. Each row
has no more cells than the header row has column names; a value to the right of the last name
would be dropped without a word, so it is kept as a located problem instead (:meth:`RowSource.problems`).

Every file is read within the limits of koers.planfile.limits (``DATA``), checked before the
work they bound: a file beyond them is refused with a :class:`Refused` that says which limit
and where. A CSV may be UTF-8 (with or without a byte order mark) or, when its bytes are not
UTF-8, Windows-1252: what Dutch Excel's "CSV (gescheiden door lijstscheidingsteken)" writes.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

from koers.planfile.limits import (
    DATA,
    MAX_FIELD_CHARS,
    MAX_LINE_BYTES,
    Refused,
    UnreadableFile,
    open_workbook,
    value_without_column,
)
from koers.problems import Problem

__all__ = ["EXCEL_SUFFIXES", "SHEET_NAME", "Refused", "RowSource", "UnreadableFile", "open_rows", "sha256_of"]

EXCEL_SUFFIXES = (".xlsx", ".xlsm")
SHEET_NAME = "measurements"
#: The values without a column name kept as problems; more are counted, not kept.
MAX_STRAYS = 1_000
#: A CSV whose bytes are not UTF-8 is read as this (Windows-1252).
CSV_FALLBACK = "cp1252"
READ_BLOCK = 1 << 20
#: Where a CSV line ends: as csv and Excel see it (Windows, Unix and old Mac line ends).
LINE_BREAK = re.compile(rb"\r\n|\r|\n")

#: A row as read: a CSV row's cells in order, or an Excel row's values by column (1-based).
Cells = list[Any] | dict[int, Any]
Records = Iterator[tuple[int, Cells]]


@dataclass
class RowSource:
    path: Path
    header: list[str]
    header_row: int
    #: The sheet the rows come from (Excel), for the problems' location.
    sheet: str | None = None
    #: (row, column) of the values right of the last column name found by the last :meth:`rows`.
    strays: list[tuple[int, int]] = field(default_factory=list)
    stray_count: int = 0

    def rows(self) -> Iterator[tuple[int, list[Any]]]:
        """(row number, cells) for every row after the header with a value under a column name."""
        self.strays.clear()
        self.stray_count = 0
        width = len(self.header)
        with _records(self.path) as (_sheet, records):
            for number, cells in records:
                if number <= self.header_row:
                    continue
                if cells.__class__ is list and len(cells) <= width:  # most rows: nothing to split off
                    kept = cells
                else:
                    kept, beyond = _split(cells, width)
                    if beyond:
                        self._stray(number, beyond)
                if any(map(_filled, kept)):
                    yield number, kept

    def problems(self, file: str) -> list[Problem]:
        """The values without a column name of the last :meth:`rows`, as problems in ``file``;
        ``stray_count`` says how many there were in all."""
        return [value_without_column(file, row, column, self.header_row, self.sheet) for row, column in self.strays]

    def merged(self, file: str, problems: Iterable[Problem]) -> list[Problem]:
        """``problems`` together with the values without a column name, in the order of their rows."""
        return sorted([*problems, *self.problems(file)], key=lambda problem: problem.location.row or 0)

    def _stray(self, number: int, columns: list[int]) -> None:
        self.stray_count += len(columns)
        room = MAX_STRAYS - len(self.strays)
        self.strays.extend((number, column) for column in columns[: max(room, 0)])


def open_rows(path: Path) -> RowSource:
    """The file's header (its first row with a value) and a way to read its rows; a file koers
    cannot read, or will not (beyond a limit), is an :class:`UnreadableFile`."""
    if not path.is_file():
        raise UnreadableFile("the file does not exist")
    try:
        with _records(path) as (sheet, records):
            header = next(((n, cells) for n, cells in records if _has_value(cells)), None)
    except (UnicodeDecodeError, csv.Error, OSError, ValueError, KeyError, zipfile.BadZipFile) as err:
        raise UnreadableFile(str(err) or err.__class__.__name__) from None
    if header is None:
        return RowSource(path, [], 1, sheet)
    number, cells = header
    names = _header(number, cells, sheet)
    return RowSource(path, [str(c).strip() if c is not None else "" for c in names], number, sheet)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _filled(value: Any) -> bool:
    return value is not None and (value.__class__ is not str or bool(value.strip()))


def _has_value(cells: Cells) -> bool:
    return any(_filled(c) for c in (cells.values() if isinstance(cells, dict) else cells))


def _header(number: int, cells: Cells, sheet: str | None) -> list[Any]:
    """The column names: the row up to its last value, refused when it names too many columns."""
    if isinstance(cells, dict):
        width = max(column for column, value in cells.items() if _filled(value))
        names = [cells.get(column) for column in range(1, width + 1)]
    else:
        width = max(index for index, value in enumerate(cells, start=1) if _filled(value))
        names = cells[:width]
    if width > DATA.columns:
        raise Refused("too-many-columns", sheet=sheet, row=number, count=width, limit=DATA.columns)
    return names


def _split(cells: Cells, width: int) -> tuple[list[Any], list[int]]:
    """The cells under the ``width`` column names, and the columns (1-based) with a value beyond."""
    if isinstance(cells, dict):
        kept = [cells.get(column) for column in range(1, width + 1)]
        return kept, sorted(column for column, value in cells.items() if column > width and _filled(value))
    if len(cells) <= width:
        return cells, []
    return cells[:width], [index for index in range(width + 1, len(cells) + 1) if _filled(cells[index - 1])]


@contextmanager
def _records(path: Path) -> Iterator[tuple[str | None, Records]]:
    """The file's sheet name (Excel) and its rows as read, within the limits; closed on leaving."""
    if path.suffix.lower() in EXCEL_SUFFIXES:
        with _excel_records(path) as found:
            yield found
        return
    encoding = _inspect(path)
    with path.open("rb") as raw, io.TextIOWrapper(raw, encoding=encoding, newline="") as text:
        yield None, _csv_records(text)


@contextmanager
def _excel_records(path: Path) -> Iterator[tuple[str | None, Records]]:
    with open_workbook(path, DATA) as book:
        if not book.sheets:
            raise ValueError("the workbook has no sheet")
        sheet = SHEET_NAME if SHEET_NAME in book.sheets else next(iter(book.sheets))
        yield sheet, book.rows(sheet)


def _inspect(path: Path) -> str:
    """The CSV's encoding, once every line of it is known to be within MAX_LINE_BYTES (so that
    no line is read whole before it is known to fit): one pass over the bytes, a block at a time.

    UTF-8 after a byte order mark; else UTF-8 when every byte reads as UTF-8, else Windows-1252
    (what Dutch Excel's "CSV (gescheiden door lijstscheidingsteken)" writes; no real text in
    Windows-1252 reads as UTF-8 by chance).
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8, line, carry = True, 1, 0
    with path.open("rb") as handle:
        bom = handle.read(len(codecs.BOM_UTF8)) == codecs.BOM_UTF8
        handle.seek(0)
        for block in iter(lambda: handle.read(READ_BLOCK), b""):
            utf8 = utf8 and _decodes(decoder, block)
            line, carry = _within_lines(block, line, carry)
        utf8 = utf8 and _decodes(decoder, b"", final=True)
        if utf8:
            return "utf-8-sig" if bom else "utf-8"
        if not bom:
            handle.seek(0)
            windows = codecs.getincrementaldecoder(CSV_FALLBACK)()
            if all(_decodes(windows, block) for block in iter(lambda: handle.read(READ_BLOCK), b"")):
                return CSV_FALLBACK
    raise Refused("not-text")


def _decodes(decoder: codecs.IncrementalDecoder, block: bytes, final: bool = False) -> bool:
    try:
        decoder.decode(block, final)
    except UnicodeDecodeError:
        return False
    return True


def _within_lines(block: bytes, line: int, carry: int) -> tuple[int, int]:
    """Refuse a line of ``block`` longer than MAX_LINE_BYTES. ``line`` is the number of the line
    the block starts in and ``carry`` its bytes in the blocks before; returns both for the next."""
    lengths = [len(piece) for piece in LINE_BREAK.split(block)]
    lengths[0] += carry
    if max(lengths) > MAX_LINE_BYTES:
        index = next(i for i, length in enumerate(lengths) if length > MAX_LINE_BYTES)
        raise Refused("line-too-long", line=line + index, limit=MAX_LINE_BYTES)
    return line + len(lengths) - 1, lengths[-1]


def _csv_records(text: io.TextIOWrapper) -> Iterator[tuple[int, list[str]]]:
    """The rows of a CSV whose lines are known to be within the limit (:func:`_inspect`)."""
    csv.field_size_limit(MAX_FIELD_CHARS)  # a cell, also one a quote that never closes runs on
    first = text.readline()
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(chain([first], text), delimiter=delimiter)
    number = 0
    try:
        for cells in reader:
            number += 1
            if number > DATA.rows:
                raise Refused("too-many-rows", row=number, limit=DATA.rows)
            yield number, cells
    except csv.Error as err:  # raised by the reader only: the rows' consumer raises none into here
        if "field larger than field limit" in str(err):
            raise Refused("field-too-large", row=number + 1, line=reader.line_num, limit=MAX_FIELD_CHARS) from None
        raise
