# SPDX-License-Identifier: EUPL-1.2
"""Read and write a plan as an Excel workbook, so that policy advisers can edit it in Excel.

The workbook has one sheet per part of the plan, laid out in ``excel_columns``. Writing
starts from the same data the YAML writer dumps; reading builds the nested data the YAML
reader would see and hands it to the same validation, so YAML -> Excel -> YAML loses
nothing and every problem names its sheet, row and column. A workbook with structural
problems (a missing sheet or column) is not validated further: its problems alone are
reported, all at once, and no half-read plan ever comes back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from koers.domain.periods import parse_period
from koers.domain.plan import Plan
from koers.domain.wording import Wording
from koers.i18n import N_
from koers.planfile.excel_columns import (
    SHEETS,
    Column,
    ItemSheet,
    Kind,
    LongSheet,
    MapSheet,
    PlanSheet,
    Series,
    Sheet,
)
from koers.planfile.limits import PLAN, Refused, check_workbook
from koers.planfile.validation import LoadResult, Loc, validate_raw
from koers.planfile.yamlfile import path_of, plan_to_data
from koers.problems import Location, Problem

MARKER = "format"  # the row of the 'plan' sheet that identifies a koers plan workbook
TEXT_FORMAT = "@"  # Excel's text format: keeps '+10%' and '2023/2024' as typed
MIN_TEXT_WIDTH, MAX_WIDTH = 30, 60
WRAP = Alignment(wrap_text=True, vertical="top")


# -- writing ------------------------------------------------------------------------------


def write_excel_plan(plan: Plan, path: Path) -> None:
    """Write ``plan`` as a workbook in the documented template (docs/plan-excel.md)."""
    data = plan_to_data(plan)
    for goal, written in zip(plan.goals, data.get("goals", []), strict=True):
        if goal.targets:  # one line per dated target, as a begroting table lists them
            written["targets"] = [t.line() for t in goal.targets]
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in SHEETS:
        _write_sheet(workbook.create_sheet(sheet.name), sheet, _rows(sheet, data))
    workbook.save(path)


Row = list[tuple[Column, Any]]  # a row to write: each cell with the column that says how


def _rows(sheet: Sheet, data: dict[str, Any]) -> list[Row]:
    if isinstance(sheet, PlanSheet):
        name_column = sheet.columns[0]
        return [[(name_column, f.header), (f, _get(data, f.path))] for f in sheet.fields]
    if isinstance(sheet, ItemSheet):
        return [[(c, _get(item, c.path)) for c in sheet.columns] for item in _get(data, sheet.key) or []]
    if isinstance(sheet, MapSheet):
        return [[(sheet.key, key), (sheet.value, value)] for key, value in (_get(data, sheet.path) or {}).items()]
    return [[(c, row.get(c.header)) for c in sheet.columns] for row in _long_rows(sheet, data)]


def _long_rows(sheet: LongSheet, data: dict[str, Any]) -> list[dict[str, Any]]:
    found = data.get(sheet.name)
    tables = (found or []) if sheet.many else ([found] if found else [])
    return [row for table in tables for row in _table_rows(sheet, table)]


def _table_rows(sheet: LongSheet, table: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per item per year, then one per year of stated totals; the table's fields go on the first."""
    rows: list[dict[str, Any]] = []
    for item in table.get(sheet.items, []):
        cells = {c.header: _get(item, c.path) for c in sheet.item_columns}
        series = [item.get(s.field, {}) for s in sheet.series]
        rows += [{**cells, **_year_cells(sheet, year, series)} for year in _years(series)] or [cells]
    totals = [_get(table, s.totals) or {} for s in sheet.series]
    rows += [_year_cells(sheet, year, totals) for year in _years(totals)]
    rows = rows or [{}]
    rows[0].update({c.header: _get(table, c.path) for c in sheet.table_columns})
    if sheet.many:
        key = sheet.table_columns[0]
        for row in rows:
            row[key.header] = _get(table, key.path)
    return rows


def _year_cells(sheet: LongSheet, year: int, series: list[dict[int, Any]]) -> dict[str, Any]:
    amounts = {s.column.header: v.get(year) for s, v in zip(sheet.series, series, strict=True)}
    return {sheet.year.header: year, **amounts}


def _years(series: list[dict[int, Any]]) -> list[int]:
    return list(dict.fromkeys(year for values in series for year in values))


def _write_sheet(ws: Worksheet, sheet: Sheet, rows: list[Row]) -> None:
    for index, column in enumerate(sheet.columns, start=1):
        cell = ws.cell(1, index, column.header)
        cell.font, cell.alignment = Font(bold=True), WRAP
        cell.comment = _comment(column.comment)
        _style_column(ws, index, column, [row[index - 1][1] for row in rows])
    for number, row in enumerate(rows, start=2):
        for index, (column, value) in enumerate(row, start=1):
            _write_cell(ws, number, index, column, value)
    if isinstance(sheet, PlanSheet):
        for number, f in enumerate(sheet.fields, start=2):
            ws.cell(number, 1).comment = _comment(f.comment)
    else:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.columns))}{len(rows) + 1}"
    ws.freeze_panes = "B2"  # the header row, and the first column: the id or the field's name


def _style_column(ws: Worksheet, index: int, column: Column, values: list[Any]) -> None:
    letter = get_column_letter(index)
    lines = [line for v in values if v is not None for line in str(_cell_value(v)).split("\n")]
    wanted = max([len(column.header), *map(len, lines)]) + 2
    if column.kind in (Kind.TEXT, Kind.TEXT_LIST):
        wanted = max(wanted, MIN_TEXT_WIDTH)
    dimension = ws.column_dimensions[letter]
    dimension.width = min(wanted, MAX_WIDTH)
    dimension.alignment = WRAP
    if column.kind.is_text:
        dimension.number_format = TEXT_FORMAT
    if column.choices:
        check = DataValidation(type="list", formula1='"' + ",".join(column.choices) + '"', allow_blank=True)
        check.add(f"{letter}2:{letter}1048576")
        ws.add_data_validation(check)


def _write_cell(ws: Worksheet, row: int, index: int, column: Column, value: Any) -> None:
    cell = ws.cell(row, index)
    cell.alignment = WRAP
    if column.kind.is_text:
        cell.number_format = TEXT_FORMAT
    if value is None:
        return
    cell.value = _cell_value(value)
    if isinstance(cell.value, str):
        cell.data_type = "s"  # text, even when it starts with '=' (the change '=' means 'gelijk')


def _cell_value(value: Any) -> Any:
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    if isinstance(value, int | float) and float(f"{value:.16g}") != value:
        return repr(value)  # openpyxl writes 16 digits; as text the 17th survives, and is read as a number
    return value


def _comment(text: str) -> Comment:
    comment = Comment(text, "koers")
    comment.width, comment.height = 320, 110
    return comment


def _get(data: Any, path: tuple[str, ...]) -> Any:
    for part in path:
        data = data.get(part) if isinstance(data, dict) else None
    return data


# -- reading ------------------------------------------------------------------------------


@dataclass
class Grid:
    """A sheet as read: its known columns, and its non-empty rows by number and header."""

    sheet: Sheet
    columns: list[Column]
    rows: list[tuple[int, dict[str, Any]]]


@dataclass
class Reader:
    """Collects the problems found, and where in the workbook each path of the raw data came from."""

    file: str
    structural: list[Problem] = field(default_factory=list)
    found: list[tuple[str, Loc, Location, dict[str, Any]]] = field(default_factory=list)
    cells: dict[Loc, Location] = field(default_factory=dict)

    def at(self, sheet: str | None = None, row: int | None = None, column: str | None = None) -> Location:
        return Location(self.file, sheet=sheet, row=row, column=column)

    def mark(self, loc: Loc, sheet: str, row: int | None = None, column: str | None = None) -> None:
        """Remember where ``loc`` is; the first place wins, so a group points at its first cell."""
        self.cells.setdefault(loc, self.at(sheet, row, column))

    def mark_path(self, base: Loc, path: tuple[str, ...], sheet: str, row: int, column: str) -> None:
        for end in range(1, len(path) + 1):
            self.mark(base + path[:end], sheet, row, column)

    def locate(self, loc: Loc) -> Location:
        return next((self.cells[loc[:end]] for end in range(len(loc), 0, -1) if loc[:end] in self.cells), self.at())

    def report(self, code: str, loc: Loc, location: Location, **context: Any) -> None:
        """A problem with the content at ``loc``; its field is named once all raw data is read."""
        self.found.append((code, loc, location, {"name": str(loc[-1]), **context}))

    def problems(self, raw: dict[str, Any]) -> list[Problem]:
        return [Problem(code, path_of(raw, loc), location, context) for code, loc, location, context in self.found]

    def not_a_plan(self, location: Location, detail: Wording) -> None:
        self.structural.append(Problem("invalid-workbook", "-", location, {"detail": detail}))


def load_excel_plan(path: Path) -> LoadResult:
    """Read a plan workbook: the plan, or every problem with its sheet, row and column."""
    reader = Reader(str(path))
    try:
        check_workbook(path, PLAN)  # before openpyxl reads every cell into memory
        workbook = load_workbook(path, data_only=True)
    except Refused as err:
        return LoadResult(None, [err.problem(reader.file)])
    except Exception as err:  # openpyxl raises many kinds of error on a damaged or foreign file
        reader.not_a_plan(reader.at(), Wording(N_("het is niet te openen ({error})"), {"error": type(err).__name__}))
        return LoadResult(None, reader.structural)
    grids = [_grid(reader, workbook[s.name], s) for s in SHEETS if s.name in workbook]
    for sheet in SHEETS:
        if sheet.name not in workbook and not (isinstance(sheet, ItemSheet | MapSheet) and sheet.optional):
            reader.not_a_plan(
                reader.at(sheet.name), Wording(N_("het tabblad '{sheet}' ontbreekt"), {"sheet": sheet.name})
            )
    if reader.structural:
        return LoadResult(None, _sorted(reader.structural))
    raw = _raw(reader, grids)
    result = validate_raw(raw, reader.file, reader.locate, lambda loc: path_of(raw, loc))
    problems = _sorted(reader.problems(raw) + result.problems)
    return LoadResult(None if problems else result.plan, problems, result.locate)


def _grid(reader: Reader, ws: Worksheet, sheet: Sheet) -> Grid:
    rows = list(ws.iter_rows(values_only=True))
    positions = _headers(reader, sheet, rows)
    known = {c.header: c for c in sheet.columns}
    data = [
        (number, {h: row[i] for h, i in positions.items() if i < len(row)})
        for number, row in enumerate(rows[1:], start=2)
    ]
    grid = Grid(sheet, [known[h] for h in positions], [(n, cells) for n, cells in data if _filled(cells.values())])
    if isinstance(sheet, PlanSheet) and not any(_read(Kind.CODE, c.get("field")) == MARKER for _, c in grid.rows):
        reader.not_a_plan(
            reader.at(sheet.name),
            Wording(N_("het tabblad 'plan' heeft geen rij '{marker}'"), {"marker": MARKER}),
        )
    return grid


def _headers(reader: Reader, sheet: Sheet, rows: list[tuple[Any, ...]]) -> dict[str, int]:
    """The position of each known column; unknown, doubled, missing and unnamed columns are reported."""
    known = {c.header for c in sheet.columns}
    positions: dict[str, int] = {}
    for index, cell in enumerate(rows[0] if rows else ()):
        written = str(cell).strip() if cell is not None else ""
        name = written.lower()
        if name in positions:
            reader.not_a_plan(
                reader.at(sheet.name, 1, name),
                Wording(N_("de kolom '{name}' staat er twee keer"), {"name": name}),
            )
        elif name in known:
            positions[name] = index
        elif name:
            reader.report("unknown-field", (sheet.name, written), reader.at(sheet.name, 1, written))
        elif _filled(row[index] for row in rows[1:] if index < len(row)):
            letter = get_column_letter(index + 1)
            reader.not_a_plan(
                reader.at(sheet.name, 1, letter),
                Wording(N_("kolom {letter} heeft waarden maar geen kop"), {"letter": letter}),
            )
    for column in sheet.columns:
        if column.required and column.header not in positions:
            header = column.header
            reader.not_a_plan(
                reader.at(sheet.name, 1, header),
                Wording(
                    N_("het tabblad '{sheet}' heeft geen kolom '{header}'"), {"sheet": sheet.name, "header": header}
                ),
            )
    return positions


def _filled(values: Iterable[Any]) -> bool:
    return any(v is not None and not (isinstance(v, str) and not v.strip()) for v in values)


def _raw(reader: Reader, grids: list[Grid]) -> dict[str, Any]:
    """The nested data the YAML reader would see for this workbook."""
    raw: dict[str, Any] = {}
    for grid in grids:
        sheet = grid.sheet
        if isinstance(sheet, PlanSheet):
            raw.update(_read_plan(reader, grid, sheet))
        elif isinstance(sheet, ItemSheet):
            _put(raw, sheet.key, _read_items(reader, grid, sheet) or None)
            reader.mark(sheet.key, sheet.name)
        elif isinstance(sheet, MapSheet):
            _put(raw, sheet.path, _read_map(reader, grid, sheet) or None)
            reader.mark(sheet.path, sheet.name)
        else:
            tables = _read_long(reader, grid, sheet)
            raw[sheet.name] = tables if sheet.many else next(iter(tables), None)
        reader.mark((sheet.name,), sheet.name)
    return {key: value for key, value in raw.items() if value not in ([], None)}


def _read_plan(reader: Reader, grid: Grid, sheet: PlanSheet) -> dict[str, Any]:
    fields = {f.header: f for f in sheet.fields}
    raw: dict[str, Any] = {}
    seen: dict[str, int] = {}
    for row, cells in grid.rows:
        name = _read(Kind.CODE, cells.get("field"))
        found = fields.get(name.lower()) if name else None
        if name is None:
            reader.report("missing-field", ("field",), reader.at(sheet.name, row, "field"))
        elif found is None:
            reader.report("unknown-field", (name,), reader.at(sheet.name, row, "field"))
        elif found.header in seen:
            _twice(reader, found.path, reader.at(sheet.name, row, "field"), name, seen[found.header])
        else:
            seen[found.header] = row
            reader.mark_path((), found.path, sheet.name, row, "value")
            _put(raw, found.path, _read(found.kind, cells.get("value")))
    for f in sheet.fields:
        reader.mark(f.path[:1], sheet.name)
    return raw


def _read_items(reader: Reader, grid: Grid, sheet: ItemSheet) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for row, cells in grid.rows:
        loc: Loc = (*sheet.key, len(items))
        reader.mark(loc, sheet.name, row)
        item: dict[str, Any] = {}
        for column in grid.columns:
            reader.mark_path(loc, column.path, sheet.name, row, column.header)
            _put(item, column.path, _read(column.kind, cells.get(column.header)))
        items.append(item)
    return items


def _read_map(reader: Reader, grid: Grid, sheet: MapSheet) -> dict[str, Any]:
    """One entry per row; a problem with an entry's value points at its value's cell, one with
    its key (a taakveld code that is none) at the key's cell."""
    found: dict[str, Any] = {}
    rows: dict[str, int] = {}
    for row, cells in grid.rows:
        key = _read(sheet.key.kind, cells.get(sheet.key.header))
        value = _read(sheet.value.kind, cells.get(sheet.value.header))
        if key is None:
            _missing(reader, sheet.path, sheet, sheet.key, row)
            continue
        loc: Loc = (*sheet.path, key)
        if value is None:
            _missing(reader, loc, sheet, sheet.value, row)
            continue
        if key in rows:
            if found[key] != value:
                _twice(reader, loc, reader.at(sheet.name, row, sheet.key.header), key, rows[key])
            continue
        rows[key] = row
        reader.mark(loc, sheet.name, row, sheet.value.header)
        reader.mark((*loc, "[key]"), sheet.name, row, sheet.key.header)
        found[key] = value
    return found


@dataclass
class Table:
    """A table of a long-format sheet while it is being read."""

    loc: Loc
    first_row: int
    data: dict[str, Any] = field(default_factory=dict)
    given: dict[str, tuple[Any, int]] = field(default_factory=dict)
    items: dict[tuple[Any, ...], tuple[Loc, dict[str, Any]]] = field(default_factory=dict)


def _read_long(reader: Reader, grid: Grid, sheet: LongSheet) -> list[dict[str, Any]]:
    tables: dict[Any, Table] = {}
    for row, cells in grid.rows:
        values = {c.header: _read(c.kind, cells.get(c.header)) for c in grid.columns}
        table = _table(reader, sheet, tables, values, row)
        if table is not None:
            _table_fields(reader, sheet, table, values, row)
            _long_row(reader, sheet, table, values, row)
    for table in tables.values():
        for column in sheet.table_columns:
            reader.mark_path(table.loc, column.path, sheet.name, table.first_row, column.header)
        reader.mark(table.loc + (sheet.items,), sheet.name, table.first_row, sheet.item_columns[0].header)
    return [{**t.data, sheet.items: [item for _, item in t.items.values()]} for t in tables.values()]


def _table(
    reader: Reader, sheet: LongSheet, tables: dict[Any, Table], values: dict[str, Any], row: int
) -> Table | None:
    """The table this row belongs to: by its id column when the sheet holds many tables."""
    key = values.get(sheet.table_columns[0].header) if sheet.many else None
    if sheet.many and key is None:
        _missing(reader, (sheet.name,), sheet, sheet.table_columns[0], row)
        return None
    if key not in tables:
        loc = (sheet.name, len(tables)) if sheet.many else (sheet.name,)
        tables[key] = Table(loc, row)
        reader.mark(loc, sheet.name, row)
    return tables[key]


def _table_fields(reader: Reader, sheet: LongSheet, table: Table, values: dict[str, Any], row: int) -> None:
    for column in sheet.table_columns:
        value = values.get(column.header)
        earlier = table.given.get(column.header)
        if value is None or (earlier is not None and earlier[0] == value):
            continue
        if earlier is not None:
            _twice(reader, table.loc + column.path, reader.at(sheet.name, row, column.header), value, earlier[1])
            continue
        table.given[column.header] = (value, row)
        reader.mark_path(table.loc, column.path, sheet.name, row, column.header)
        _put(table.data, column.path, value)


def _long_row(reader: Reader, sheet: LongSheet, table: Table, values: dict[str, Any], row: int) -> None:
    """An item's values for one year or, on a row without the item's name, the table's totals."""
    key = tuple(values.get(c.header) for c in sheet.item_columns)
    year = values.get(sheet.year.header)
    amounts = [(s, values[s.column.header]) for s in sheet.series if values.get(s.column.header) is not None]
    if key[0] is None and any(part is not None for part in key):
        return _missing(reader, table.loc, sheet, sheet.item_columns[0], row)
    if year is None and amounts:
        return _missing(reader, table.loc, sheet, sheet.year, row)
    if year is not None and not amounts:
        return _missing(reader, table.loc, sheet, sheet.series[0].column, row)
    if key[0] is None:
        owner, base, paths = table.data, table.loc, [s.totals for s, _ in amounts]
    else:
        base, owner = _item(reader, sheet, table, key, row)
        paths = [(s.field,) for s, _ in amounts]
    places = [
        (series, value, base + path, _nested(owner, path)) for (series, value), path in zip(amounts, paths, strict=True)
    ]
    _year_values(reader, sheet, row, year, places)


def _item(reader: Reader, sheet: LongSheet, table: Table, key: tuple[Any, ...], row: int) -> tuple[Loc, dict[str, Any]]:
    if key not in table.items:
        loc = table.loc + (sheet.items, len(table.items))
        reader.mark(loc, sheet.name, row, sheet.item_columns[0].header)
        item: dict[str, Any] = {s.field: {} for s in sheet.series}  # values may be none at all
        for column, value in zip(sheet.item_columns, key, strict=True):
            reader.mark_path(loc, column.path, sheet.name, row, column.header)
            _put(item, column.path, value)
        table.items[key] = (loc, item)
    return table.items[key]


def _year_values(
    reader: Reader, sheet: LongSheet, row: int, year: Any, places: list[tuple[Series, Any, Loc, dict[Any, Any]]]
) -> None:
    """Store a row's values for ``year``, unless an earlier row already gave one of them."""
    taken = next((loc + (year,) for _, _, loc, per_year in places if year in per_year), None)
    if taken is not None:
        first = reader.cells[taken].row or 0
        _twice(reader, taken, reader.at(sheet.name, row, sheet.year.header), year, first)
        return
    for series, value, loc, per_year in places:
        per_year[year] = value
        reader.mark(loc, sheet.name, row, series.column.header)
        reader.mark(loc + (year,), sheet.name, row, series.column.header)
        reader.mark(loc + (year, "[key]"), sheet.name, row, sheet.year.header)


def _missing(reader: Reader, base: Loc, sheet: Sheet, column: Column, row: int) -> None:
    reader.report("missing-field", base + (column.header,), reader.at(sheet.name, row, column.header))


def _twice(reader: Reader, loc: Loc, location: Location, value: Any, first_row: int) -> None:
    reader.report(
        "invalid-value",
        loc,
        location,
        value=str(value),
        detail=Wording(N_("rij {row} vult dit al in"), {"row": first_row}),
    )


def _read(kind: Kind, value: Any) -> Any:
    """A cell's value as the YAML reader would see it; None for an empty cell."""
    if not _filled([value]):
        return None
    if kind is Kind.TARGET_LIST:
        return [_dated_target(line.strip()) for line in str(_read(Kind.TEXT, value)).splitlines() if line.strip()]
    if kind.is_list:
        lines = [line.strip() for line in str(_read(Kind.TEXT, value)).splitlines()]
        return [int(line) if kind is Kind.YEAR_LIST and line.isdigit() else line for line in lines if line]
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if kind in (Kind.TEXT, Kind.CODE):
        text = value.isoformat() if isinstance(value, date) else str(value)
        return text.strip() if kind is Kind.CODE else text
    if kind is Kind.INTEGER and isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return value


def _dated_target(line: str) -> Any:
    """'2025: 50' -> a target of 50 due in 2025; '2026: minimaal 60%' -> the words, due in 2026.
    A line without a period before a colon is the target's words as they stand."""
    period, colon, words = line.partition(":")
    if not colon:
        return line
    try:
        parse_period(period.strip())
    except ValueError:
        return line
    words = words.strip()
    if re.fullmatch(r"-?\d+(\.\d+)?", words) and not re.fullmatch(r"\d{1,3}(\.\d{3})+", words):
        return {"period": period.strip(), "value": float(words)}  # as koers writes a number
    return {"period": period.strip(), "phrase": words}  # '1.100', '60%', 'minimaal 60': the reader's words


def _put(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    if value is not None:
        _nested(data, path[:-1])[path[-1]] = value


def _nested(data: dict[str, Any], path: tuple[str, ...]) -> dict[Any, Any]:
    for part in path:
        data = data.setdefault(part, {})
    return data


_SHEET_ORDER = {s.name: i for i, s in enumerate(SHEETS, start=1)}
_COLUMN_ORDER = {(s.name, c.header): i for s in SHEETS for i, c in enumerate(s.columns)}


def _sorted(problems: list[Problem]) -> list[Problem]:
    """In workbook order: sheet by sheet, row by row, column by column."""

    def key(problem: Problem) -> tuple[int, int, int, str]:
        loc = problem.location
        column = _COLUMN_ORDER.get((loc.sheet or "", loc.column or ""), len(_COLUMN_ORDER))
        return _SHEET_ORDER.get(loc.sheet or "", 0), loc.row or 0, column, problem.field

    return sorted(problems, key=key)
