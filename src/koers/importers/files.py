# SPDX-License-Identifier: EUPL-1.2
"""Read the rows of a measurement file: CSV (comma or semicolon, as Dutch Excel writes it) or
Excel (the first sheet, or a sheet named 'measurements').

Rows come out as lists of strings (or numbers from Excel), with their 1-based row number in
the file, so that every problem can name the row a person sees in their spreadsheet.
"""

from __future__ import annotations

import csv
import hashlib
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

EXCEL_SUFFIXES = (".xlsx", ".xlsm")
SHEET_NAME = "measurements"


class UnreadableFile(Exception):
    """The file is not CSV or Excel koers can read; the message says why."""


@dataclass(frozen=True)
class RowSource:
    path: Path
    header: list[str]
    header_row: int

    def rows(self) -> Iterator[tuple[int, list[Any]]]:
        """(row number, cells) for every non-empty row after the header."""
        if self.path.suffix.lower() in EXCEL_SUFFIXES:
            yield from _excel_rows(self.path, self.header_row)
        else:
            yield from _csv_rows(self.path, self.header_row)


def open_rows(path: Path) -> RowSource:
    if not path.is_file():
        raise UnreadableFile("the file does not exist")
    try:
        header = next(_excel_rows(path, 0) if path.suffix.lower() in EXCEL_SUFFIXES else _csv_rows(path, 0), None)
    except (UnicodeDecodeError, csv.Error, OSError, ValueError, KeyError, zipfile.BadZipFile) as err:
        raise UnreadableFile(str(err) or err.__class__.__name__) from None
    if header is None:
        return RowSource(path, [], 1)
    number, cells = header
    return RowSource(path, [str(c).strip() if c is not None else "" for c in cells], number)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _csv_rows(path: Path, after: int) -> Iterator[tuple[int, list[Any]]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        first = handle.readline()
        delimiter = ";" if first.count(";") > first.count(",") else ","
        handle.seek(0)
        for number, cells in enumerate(csv.reader(handle, delimiter=delimiter), start=1):
            if number > after and any(c.strip() for c in cells):
                yield number, cells


def _excel_rows(path: Path, after: int) -> Iterator[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook[SHEET_NAME] if SHEET_NAME in workbook.sheetnames else workbook.worksheets[0]
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number > after and any(c is not None and str(c).strip() for c in cells):
                yield number, list(cells)
    finally:
        workbook.close()
