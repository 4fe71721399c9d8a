# SPDX-License-Identifier: EUPL-1.2
"""Check measurements completely, and turn them into a batch ready to store.

Every row is checked before anything is written: each problem is collected with its row,
column, value and what was expected, so that a file can be fixed in one go. A file with any
problem is not stored at all. The checked rows are kept column by column, with repeated texts
(goal ids, periods, areas) shared, so that a national file of a million rows fits in memory.

Rows come from a file (:func:`check_file`: CSV or Excel) or from anything else that has them
as column -> value mappings (:func:`check_rows`: the editor's form, a future API); both are
checked by the same code, with the same messages and row numbers (the column names are row 1).

A figure that is not there (*n.b.*, *n.n.b.*, *n.a.*, in the value cell or in the column
``unavailable``) is kept without a value, with its code; it needs its reason in ``note``. Such
cells never reach the fast path (they are no number), so a usual file stays fast.

Besides problems, a check gives warnings: rows that are stored, but that a person should look
at (a figure inside its goal's baseline period).

The columns are declared in koers.domain.measurement_columns and documented in
docs/import-format.md.
"""

from __future__ import annotations

import csv
import math
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple, overload

from koers.catalogues import BbvCatalogue, bbv_catalogue
from koers.domain.bbv import base_conversion
from koers.domain.formatting import format_number
from koers.domain.measurement_columns import EXPORT_ONLY as EXPORT_ONLY  # ignored by name, for callers
from koers.domain.measurement_columns import (
    FAST_COLUMNS,
    IMPORT_COLUMNS,
    LIMITS,
    REQUIRED_COLUMNS,
    SUBJECT_COLUMNS,
    ColumnType,
    import_columns_of,
)
from koers.domain.measurements import MeasurementStatus, SubjectKind, Unavailable, read_unavailable
from koers.domain.periods import Period, PeriodError
from koers.domain.plan import Plan
from koers.domain.regions import clean_region_code, is_region_code
from koers.domain.units import Bounds, Unit, UnitKind, parse_unit_text, unit_code
from koers.domain.wording import Wording
from koers.exports import CSV_GUARD, unguard
from koers.i18n import N_
from koers.importers.batch import OPTIONAL, Batch
from koers.importers.files import Refused, RowSource, UnreadableFile, open_rows
from koers.importers.messages import IMPORT_MESSAGES
from koers.problems import Location, Problem

COLUMNS = IMPORT_COLUMNS
REQUIRED = REQUIRED_COLUMNS
MAX_PROBLEMS = 10_000
assert IMPORT_MESSAGES  # importing the catalogue registers it with koers.problems
PROGRESS_EVERY = 10_000
#: The row number of the column names; the first row of measurements is the next one.
HEADER_ROW = 1
STATUS_WORDS = {
    "final": MeasurementStatus.FINAL,
    "definitief": MeasurementStatus.FINAL,
    "d": MeasurementStatus.FINAL,
    "provisional": MeasurementStatus.PROVISIONAL,
    "voorlopig": MeasurementStatus.PROVISIONAL,
    "v": MeasurementStatus.PROVISIONAL,
}
FINAL = MeasurementStatus.FINAL.value
INFINITE_LOW, INFINITE_HIGH = float("-inf"), float("inf")
FINAL_STATUS = MeasurementStatus.FINAL
FAST_SET = frozenset(FAST_COLUMNS)
# The optional cells the thorough path reads by type, in the order it reports their problems.
OPTIONAL_NUMBERS = import_columns_of(ColumnType.NUMBER, required=False)
WHOLE_NUMBERS = import_columns_of(ColumnType.WHOLE_NUMBER)
DATES = import_columns_of(ColumnType.DATETIME)
OPTIONAL_TEXTS = import_columns_of(ColumnType.TEXT)
#: The texts the batch keeps as optional columns (source and source_ref have defaults).
SPARSE_TEXTS = tuple(name for name in OPTIONAL_TEXTS if name in OPTIONAL)
#: The conversion a value in another base needs (the bbv-unit-base message words it).
MULTIPLY = N_("vermenigvuldig de waarde met {factor}")
DIVIDE = N_("deel de waarde door {factor}")
#: Why a value is out of range, as the out-of-range message words it.
PERCENTAGE_RANGE = N_("een percentage ligt tussen 0 en 100")
NOT_NEGATIVE = N_("dit getal kan niet negatief zijn")
BEYOND_LIMITS = N_("hier past een getal van {low} tot en met {high}")
#: From this size on a number in a problem is written short (1e+308), not in 309 digits.
SHORT_FROM = 1e15


@dataclass(frozen=True)
class Subject:
    """What a row may be about: a goal or BBV indicator of the plan (with its unit)."""

    id: str
    kind: SubjectKind
    unit: Unit | None
    source: str | None
    #: For a BBV indicator with a number: its entry's number and unit in the national catalogue.
    catalogue: tuple[int, str] | None = None


@dataclass
class CheckResult:
    batch: Batch | None
    problems: list[Problem]
    problem_count: int
    rows: int
    #: What is stored all the same, but deserves a look (codes in docs/import-format.md).
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.batch is not None


def check_file(
    path: Path,
    plan: Plan,
    *,
    mapping: Mapping[str, str] | None = None,
    progress: Callable[[int], None] | None = None,
    catalogue: BbvCatalogue | None = None,
) -> CheckResult:
    """Read and check ``path`` against ``plan``: a batch when every row is right, else the problems.

    A row without a ``source_ref`` gets the file's name as its reference, so that every
    stored number can be traced to the file it came from.
    """
    file = str(path)
    try:
        source = open_rows(path)
    except Refused as err:
        return _failed(err.problem(file))
    except UnreadableFile as err:
        return _failed(_located("unreadable-file", "-", Location(file), detail=str(err)))
    rows = _Rows(file, path.name, source.header, source.header_row, source.rows())
    return _with_strays(_check(plan, rows, mapping or {}, progress, catalogue), source, file)


def _with_strays(result: CheckResult, source: RowSource, file: str) -> CheckResult:
    """``result`` with the values right of the file's last column name, which its rows leave
    out: each is a problem, so that no value is dropped without a word."""
    if not source.stray_count:
        return result
    problems = source.merged(file, result.problems)
    count = result.problem_count + source.stray_count
    return CheckResult(None, problems[:MAX_PROBLEMS], count, result.rows, result.warnings)


def check_rows(
    plan: Plan,
    rows: Iterable[Mapping[str, Any]],
    *,
    source_name: str,
    header: Sequence[str] = (),
    mapping: Mapping[str, str] | None = None,
    progress: Callable[[int], None] | None = None,
    catalogue: BbvCatalogue | None = None,
) -> CheckResult:
    """Check rows given as column -> value mappings (a typed form, another source) exactly as
    a file with these rows is checked: same rules, same messages, same row numbers.

    ``source_name`` stands where a file's name would: in each problem's location, and as the
    ``source_ref`` of a row without one. The columns are ``header`` followed by every other key
    the rows use, in the order first seen (so a row may leave a column out: its cell is empty).
    """
    given = list(rows)
    names = list(header)
    seen = set(names)
    for row in given:
        for key in row:
            if key not in seen:
                seen.add(key)
                names.append(key)
    cells = _numbered_cells(given, names)
    return _check(plan, _Rows(source_name, source_name, names, HEADER_ROW, cells), mapping or {}, progress, catalogue)


def _numbered_cells(rows: list[Mapping[str, Any]], names: list[str]) -> Iterator[tuple[int, list[Any]]]:
    """Each row as a file row: its cells in column order, numbered after the column names;
    a row with nothing in it is passed over, as the file readers pass over a blank row."""
    for number, row in enumerate(rows, start=HEADER_ROW + 1):
        cells = [row.get(name) for name in names]
        if any(cell is not None and str(cell).strip() for cell in cells):
            yield number, cells


@dataclass(frozen=True)
class _Rows:
    """Rows to check, from wherever they came: what their problems name them by, the name a
    row without a source_ref is traced to, the column names and their row, and the rows."""

    file: str
    default_ref: str
    header: list[str]
    header_row: int
    rows: Iterator[tuple[int, list[Any]]]


def _check(
    plan: Plan,
    source: _Rows,
    mapping: Mapping[str, str],
    progress: Callable[[int], None] | None,
    catalogue: BbvCatalogue | None = None,
) -> CheckResult:
    """Check every row of ``source``: the one path for files and for rows given otherwise. The
    unit of a BBV indicator's row is held to ``catalogue`` (default: the national list koers ships)."""
    file = source.file
    if not source.header:
        return _failed(_located("empty-file", "-", Location(file)))
    columns, problems = _columns(source.header, source.header_row, file, mapping)
    if problems:
        return CheckResult(None, problems, len(problems), 0)
    unnamed = [index for index, header in enumerate(source.header) if not header]
    checker = _RowChecker(plan, file, columns, default_ref=source.default_ref, unnamed=unnamed, catalogue=catalogue)
    try:
        for number, cells in source.rows:
            checker.check(number, cells)
            if progress is not None and checker.rows % PROGRESS_EVERY == 0:
                progress(checker.rows)
    except Refused as err:  # a limit reached halfway: nothing of the file is kept
        return _failed(err.problem(file))
    except (UnicodeDecodeError, ValueError, csv.Error) as err:
        return _failed(_located("unreadable-file", "-", Location(file), detail=str(err)))
    if progress is not None:
        progress(checker.rows)
    if checker.rows == 0:
        return _failed(_located("empty-file", "-", Location(file)))
    warnings = checker.baseline_warnings(plan)
    if checker.problem_count:
        return CheckResult(None, checker.problems, checker.problem_count, checker.rows, warnings)
    return CheckResult(checker.batch, [], 0, checker.rows, warnings)


def _located(code: str, field: str, location: Location, **context: Any) -> Problem:
    """A problem rendered from the importer's own messages (koers.importers.messages)."""
    return Problem(code, field, location, context, catalogue="import")


def _failed(problem: Problem) -> CheckResult:
    return CheckResult(None, [problem], 1, 0)


def _columns(
    headers: list[str], row: int, file: str, mapping: Mapping[str, str]
) -> tuple[dict[str, int], list[Problem]]:
    """Where each known column is, and the problems with the header row."""
    file_to_canonical = {header.lower(): canonical for canonical, header in mapping.items()}
    found: dict[str, int] = {}
    problems: list[Problem] = []
    for index, header in enumerate(headers):
        if not header:
            continue  # values under a column without a name are refused per row
        name = file_to_canonical.get(header.lower(), header.lower())
        if name in EXPORT_ONLY:
            continue
        if name not in COLUMNS:
            problems.append(_located("unknown-column", header, Location(file, row=row, column=header), name=header))
        elif name in found:
            problems.append(_located("duplicate-column", header, Location(file, row=row, column=header), name=header))
        else:
            found[name] = index
    missing = [c for c in REQUIRED if c not in found]
    if not any(c in found for c in SUBJECT_COLUMNS):
        missing.insert(0, SUBJECT_COLUMNS[0])
    problems += [_located("missing-column", name, Location(file, row=row), name=name) for name in missing]
    return found, problems


class _FastIndexes(NamedTuple):
    """Where the fast path finds each FAST_COLUMNS cell (-1: the file has no such column).

    Built from FAST_COLUMNS by name, so a column declared fast that the fast path does not
    read (or the other way round) fails on the first file instead of being skipped quietly.
    """

    goal: int
    period: int
    area: int
    value: int
    status: int
    source: int
    source_ref: int


@dataclass(frozen=True, slots=True)
class _Known:
    """A goal as the fast path needs it: resolved once per file."""

    id: str
    kind: str
    unit: str
    source: str | None
    index: int
    low: float
    high: float


class _RowChecker:
    """Checks rows one by one, keeping what is right in a Batch and what is wrong as problems.

    Most rows of a real file repeat the same goals, periods and areas, so a row whose every
    cell was seen before takes a fast path of dictionary look-ups; any other row takes the
    thorough path, which checks each cell, records problems, and teaches the fast path what
    it found valid. Both paths keep exactly the same rows.
    """

    def __init__(
        self,
        plan: Plan,
        file: str,
        columns: dict[str, int],
        default_ref: str,
        unnamed: list[int] | None = None,
        catalogue: BbvCatalogue | None = None,
    ) -> None:
        self.file = file
        self.unnamed = unnamed or []
        self.default_ref = default_ref
        self.columns = columns
        self.subjects = _subjects(plan, bbv_catalogue() if catalogue is None else catalogue)
        self.subject_lookup = {k.lower(): v for k, v in self.subjects.items()}
        self.areas = _areas(plan)
        own = set(self.areas.values()) - set(plan.comparison.areas)  # the register's, not the peers'
        self.area_examples = ", ".join(sorted(own)[:4]) or "GM0000"
        self.goal_examples = ", ".join(list(self.subjects)[:3])
        self.periods: dict[Any, Period | str] = {}
        self.series_units: dict[str, str] = {}
        self.seen: dict[int, int] = {}  # (subject, period, area) as one number -> index in the batch
        self.numbers: dict[Any, int] = {}
        self.row_of = array("i")
        self.batch = Batch()
        self.problems: list[Problem] = []
        self.problem_count = 0
        self.rows = 0
        self.interned: dict[str, str] = {}
        self.fast_goals: dict[Any, _Known] = {}
        self.fast_periods: dict[Any, Period] = {}
        self.fast_areas: dict[Any, str] = {}
        self.fast_status: dict[Any, str] = {}
        self.fast: _FastIndexes | None = None if self.unnamed else self._fast_indexes(columns)

    def _fast_indexes(self, columns: dict[str, int]) -> _FastIndexes | None:
        if not set(columns) <= FAST_SET or "goal" not in columns:
            return None
        return _FastIndexes(**{name: columns.get(name, -1) for name in FAST_COLUMNS})

    # -- one row -----------------------------------------------------------------------
    def check(self, number: int, cells: list[Any]) -> None:
        self.rows += 1
        fast = self.fast
        if fast is None or not self._fast_row(fast, number, cells):
            self._thorough(number, cells)

    def _fast_row(self, fast: _FastIndexes, number: int, cells: list[Any]) -> bool:
        """Keep the row if every cell is one the thorough path already found valid."""
        ig, ip, ia, iv, ist, isrc, iref = fast
        try:
            goal = self.fast_goals[cells[ig]]
            period = self.fast_periods[cells[ip]]
            area = self.fast_areas[cells[ia]]
            raw = cells[iv]
            if raw.__class__ is bool:
                return False
            value = float(raw)
            status = self.fast_status[cells[ist]] if ist >= 0 else FINAL
            source = cells[isrc] if isrc >= 0 else None
            ref = cells[iref] if iref >= 0 else None
        except (KeyError, IndexError, ValueError, TypeError):
            return False
        if not (goal.low <= value <= goal.high and INFINITE_LOW < value < INFINITE_HIGH):
            return False
        if not (source is None or isinstance(source, str)) or not (ref is None or isinstance(ref, str)):
            return False
        if (source and source[0] == CSV_GUARD) or (ref and ref[0] == CSV_GUARD):
            return False  # a text koers guarded against formulas on export: the thorough path unguards it
        key = (goal.index << 42) | (self._number_of(period) << 21) | self._number_of(area)
        if key in self.seen:
            return False
        self.seen[key] = len(self.batch)
        source = self._intern(source.strip()) if source and source.strip() else goal.source
        ref = self._intern(ref.strip()) if ref and ref.strip() else self.default_ref
        self.batch.append(goal.id, goal.kind, goal.unit, period, area, value, status, source, ref)
        self.row_of.append(number)
        return True

    def _thorough(self, number: int, cells: list[Any]) -> None:
        before = self.problem_count
        subject = self._subject(number, cells)
        period = self._period(number, cells)
        area = self._area(number, cells)
        figure = self._figure(number, cells)
        value = figure.value if figure is not None else None
        unit = self._unit(number, cells, subject)
        status = self._status(number, cells)
        extra: dict[str, Any] = {name: self._number(number, cells, name) for name in OPTIONAL_NUMBERS}
        for name in WHOLE_NUMBERS:
            extra[name] = self._whole(number, cells, name)
        self._within_limits(number, extra)
        for name in DATES:
            extra[name] = self._date(number, cells, name)
        texts = {name: self._text(cells, name) for name in OPTIONAL_TEXTS}
        if figure is not None and figure.unavailable is not None:
            extra["unavailable"] = figure.unavailable.value
            if texts["note"] is None:
                self._problem("unavailable-without-reason", number, "note", value=figure.unavailable.value)
        self._unnamed_values(number, cells)
        if value is not None and unit is not None:
            self._plausible(number, value, unit, extra)
        if self.problem_count > before or subject is None or period is None or area is None or figure is None:
            return
        assert unit is not None
        if self._duplicate(number, subject[0], period, area):
            return
        self._teach(cells, subject, unit, period, area)
        for name in SPARSE_TEXTS:
            extra[name] = texts[name]
        self.batch.append(
            subject[0],
            subject[1],
            unit[0],
            period,
            area,
            value,
            status,
            self._intern(texts["source"] or subject[2]),
            self._intern(texts["source_ref"] or self.default_ref),
            **extra,
        )
        self.row_of.append(number)

    def _within_limits(self, number: int, extra: dict[str, Any]) -> None:
        """Refuse a count, sample size or interval beyond its column's limit (LIMITS), and
        leave it out, so that the checks of the fraction and the interval do not repeat it."""
        for name, limit in LIMITS.items():
            value = extra.get(name)
            if value is not None and not limit.contains(value):
                self._out_of_range(number, name, value, Wording(BEYOND_LIMITS, _limits(limit)))
                extra[name] = None

    def _out_of_range(self, number: int, column: str, value: float, detail: Wording) -> None:
        self._problem("out-of-range", number, column, value=_shown(value), detail=detail)

    def _unnamed_values(self, number: int, cells: list[Any]) -> None:
        for index in self.unnamed:
            if index < len(cells) and cells[index] is not None and str(cells[index]).strip():
                self._problem("unnamed-column", number, f"{index + 1}")

    def _teach(
        self, cells: list[Any], subject: tuple[str, str, str | None], unit: tuple[str, Unit], period: Period, area: str
    ) -> None:
        """Remember the valid cells of this row for the fast path."""
        if self.fast is None:
            return
        ig, ip, ia, ist = self.fast.goal, self.fast.period, self.fast.area, self.fast.status
        limit = unit[1].plausible
        assert limit.low is not None and limit.high is not None  # every plausible range is finite
        known = _Known(subject[0], subject[1], unit[0], subject[2], self._number_of(subject[0]), limit.low, limit.high)
        self.fast_goals.setdefault(cells[ig], known)
        self.fast_periods.setdefault(cells[ip], period)
        self.fast_areas.setdefault(cells[ia], area)
        if 0 <= ist < len(cells):
            raw = cells[ist]
            status = STATUS_WORDS.get(str(raw).strip().lower()) if raw not in (None, "") else FINAL_STATUS
            if status is not None:
                self.fast_status.setdefault(raw, status.value)

    def _key(self, subject: str, period: Period, area: str) -> int:
        """One exact number for (subject, period, area), so that duplicates cost little memory."""
        return (self._number_of(subject) << 42) | (self._number_of(period) << 21) | self._number_of(area)

    def _number_of(self, item: Any) -> int:
        return self.numbers.setdefault(item, len(self.numbers))

    # -- cells -------------------------------------------------------------------------
    def _cell(self, cells: list[Any], name: str) -> Any:
        index = self.columns.get(name)
        if index is None or index >= len(cells):
            return None
        value = cells[index]
        if isinstance(value, str):
            value = unguard(value.strip())  # '=... as koers's own CSV export wrote it
            return value or None
        return value

    def _problem(self, code: str, number: int, column: str, **context: Any) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS:
            location = Location(self.file, row=number, column=column)
            self.problems.append(_located(code, column, location, **{"name": column, **context}))

    def _subject(self, number: int, cells: list[Any]) -> tuple[str, str, str | None] | None:
        goal = self._cell(cells, "goal")
        series = self._cell(cells, "series")
        if goal is not None and series is not None:
            self._problem("goal-and-series", number, "goal")
            return None
        if series is not None:
            name = str(series)
            if name in self.subjects or name.lower() in self.subject_lookup:
                self._problem("series-named-like-goal", number, "series", value=name)
                return None
            return (self._intern(name), SubjectKind.SERIES.value, None)
        if goal is None:
            self._problem("missing-value", number, "goal")
            return None
        found = self.subjects.get(str(goal)) or self.subject_lookup.get(str(goal).lower())
        if found is None:
            self._problem("unknown-goal", number, "goal", value=str(goal), expected=self.goal_examples)
            return None
        return (found.id, found.kind.value, found.source)

    def _period(self, number: int, cells: list[Any]) -> Period | None:
        raw = self._cell(cells, "period")
        if raw is None:
            self._problem("missing-value", number, "period")
            return None
        text = raw if isinstance(raw, str) else str(raw.date() if isinstance(raw, datetime) else raw)
        cached = self.periods.get(text)
        if cached is None:
            try:
                cached = Period.parse(raw)
            except PeriodError:
                cached = text
            self.periods[text] = cached
        if isinstance(cached, str):
            self._problem("invalid-period", number, "period", value=text)
            return None
        return cached

    def _area(self, number: int, cells: list[Any]) -> str | None:
        raw = self._cell(cells, "area")
        if raw is None:
            self._problem("missing-value", number, "area")
            return None
        text = str(raw)
        found = self.areas.get(text) or self.areas.get(text.lower())
        if found is not None:
            return found
        if is_region_code(text):
            return self._intern(clean_region_code(text))
        self._problem("unknown-area", number, "area", value=text, expected=self.area_examples)
        return None

    def _number(self, number: int, cells: list[Any], name: str, required: bool = False) -> float | None:
        raw = self._cell(cells, name)
        if raw is None:
            if required:
                self._problem("missing-value", number, name)
            return None
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            return float(raw)
        parsed = parse_number(str(raw))
        if parsed is None:
            self._problem("invalid-number", number, name, value=str(raw))
        return parsed

    def _figure(self, number: int, cells: list[Any]) -> _Figure | None:
        """The value of a row, or the code of a figure that is not there: in the value cell
        (``n.b.``, ``nnb``, ``n.v.t.`` ...) or in the column ``unavailable`` with the value
        left empty. None when the row has a problem here."""
        raw = self._cell(cells, "value")
        cell = self._cell(cells, "unavailable")
        stated = read_unavailable(str(cell)) if cell is not None else None
        if cell is not None and stated is None:
            self._problem("invalid-unavailable", number, "unavailable", value=str(cell))
            return None
        written = read_unavailable(raw) if isinstance(raw, str) else None
        if stated is not None and raw is not None and written != stated:
            self._problem("value-and-unavailable", number, "value", value=str(raw), stated=stated.value)
            return None
        if written is not None or stated is not None:
            return _Figure(None, written or stated)
        value = self._number(number, cells, "value", required=True)
        return None if value is None else _Figure(value, None)

    def _whole(self, number: int, cells: list[Any], name: str) -> int | None:
        raw = self._cell(cells, name)
        value = self._number(number, cells, name)
        if value is None:
            return None
        if not value.is_integer() or value < 0:
            self._problem("invalid-whole-number", number, name, value=str(raw))
            return None
        return int(value)

    def _date(self, number: int, cells: list[Any], name: str) -> datetime | None:
        raw = self._cell(cells, name)
        if raw is None or isinstance(raw, datetime):
            return raw
        if isinstance(raw, date):
            return datetime(raw.year, raw.month, raw.day)
        try:
            return datetime.fromisoformat(str(raw))
        except ValueError:
            self._problem("invalid-date", number, name, value=str(raw))
            return None

    def _text(self, cells: list[Any], name: str) -> str | None:
        raw = self._cell(cells, name)
        return None if raw is None else str(raw)

    def _status(self, number: int, cells: list[Any]) -> str:
        raw = self._cell(cells, "status")
        if raw is None:
            return MeasurementStatus.FINAL.value
        status = STATUS_WORDS.get(str(raw).lower())
        if status is None:
            self._problem("invalid-status", number, "status", value=str(raw))
            return MeasurementStatus.FINAL.value
        return status.value

    def _unit(
        self, number: int, cells: list[Any], subject: tuple[str, str, str | None] | None
    ) -> tuple[str, Unit] | None:
        raw = self._cell(cells, "unit")
        stated = parse_unit_text(str(raw)) if raw is not None else None
        if raw is not None and stated is None:
            self._problem("invalid-unit", number, "unit", value=str(raw))
            return None
        if subject is None:
            return None
        if raw is not None and stated is not None and self._other_base(number, str(raw), subject[0]):
            return None
        expected = self._expected_unit(subject, stated)
        if expected is None:
            self._problem("unit-unknown", number, "unit", subject=subject[0])
            return None
        if stated is not None and not stated.same_as(expected):
            self._problem(
                "unit-mismatch",
                number,
                "unit",
                value=str(raw),
                subject=subject[0],
                expected=_UnitName(expected),
            )
            return None
        return (self._intern(unit_code(expected)), expected)

    def _other_base(self, number: int, written: str, subject: str) -> bool:
        """Whether a BBV indicator's row counts in another base than the national catalogue (per
        1.000 for a per-10.000 indicator): refused, with the conversion that makes it fit."""
        entry = self.subjects[subject].catalogue if subject in self.subjects else None
        conversion = base_conversion(written, entry[1]) if entry is not None else None
        if entry is None or conversion is None:
            return False
        factor = conversion.factor
        self._problem(
            "bbv-unit-base",
            number,
            "unit",
            value=written,
            subject=subject,
            indicator=entry[0],
            listed=entry[1],
            unit=conversion.unit,
            conversion=Wording(MULTIPLY, {"factor": factor})
            if factor > 1
            else Wording(DIVIDE, {"factor": round(1 / factor, 9)}),
        )
        return True

    def _expected_unit(self, subject: tuple[str, str, str | None], stated: Unit | None) -> Unit | None:
        """The plan's unit; for a series (or an indicator whose unit the plan words in a way
        koers cannot read) the unit of its first row, which every later row must match."""
        if subject[1] != SubjectKind.SERIES.value and self.subjects[subject[0]].unit is not None:
            return self.subjects[subject[0]].unit
        known = self.series_units.get(subject[0])
        if known is None and stated is not None:
            self.series_units[subject[0]] = unit_code(stated)
            return stated
        if known is None:
            return None
        return parse_unit_text(known)

    def _plausible(self, number: int, value: float, unit: tuple[str, Unit], extra: dict[str, float | None]) -> bool:
        limit = unit[1].plausible
        if not limit.contains(value):
            self._out_of_range(number, "value", value, _why_beyond(value, unit[1], limit))
            return False
        low, high = extra["ci_low"], extra["ci_high"]
        if low is not None and high is not None and not low <= value <= high:
            self._problem("invalid-interval", number, "ci_low", value=value, low=low, high=high)
            return False
        return self._fraction_fits(number, value, unit[1], extra)

    def _fraction_fits(self, number: int, value: float, unit: Unit, extra: dict[str, float | None]) -> bool:
        top, bottom = extra["numerator"], extra["denominator"]
        if top is None or bottom is None:
            return True
        if bottom == 0:
            self._problem("invalid-fraction", number, "denominator", value=value, numerator=top, denominator=bottom)
            return False
        factor = 100 if unit.kind == UnitKind.PERCENTAGE else (unit.per or 1)
        expected = top / bottom * factor
        if not math.isfinite(expected):  # a denominator so small that the fraction has no size
            self._problem("invalid-fraction", number, "denominator", value=value, numerator=top, denominator=bottom)
            return False
        if abs(expected - value) <= 0.01 * max(abs(expected), 1):
            return True
        self._problem("invalid-fraction", number, "value", value=value, numerator=top, denominator=bottom)
        return False

    def _duplicate(self, number: int, subject: str, period: Period, area: str) -> bool:
        key = self._key(subject, period, area)
        index = self.seen.get(key)
        if index is not None:
            self._problem("duplicate-row", number, "goal", other=self.row_of[index])
            return True
        self.seen[key] = len(self.batch)
        return False

    # -- warnings ----------------------------------------------------------------------
    def baseline_warnings(self, plan: Plan) -> list[Problem]:
        """A warning for every kept row of a goal whose period lies inside the goal's baseline
        period without being it (2023-H2 when the baseline is 2023): it describes the
        situation before the plan, so it does not count as progress.

        Every period in the batch is one of the few objects the thorough path parsed (in
        ``self.periods``; the fast path reuses them), so the periods inside each baseline are
        found among those first, by identity; a file with no such period costs no pass over
        its rows."""
        parsed = [p for p in self.periods.values() if isinstance(p, Period)]
        inside: dict[str, tuple[Period, set[int]]] = {}
        for goal in plan.goals:
            baseline = goal.baseline.period if goal.baseline is not None else None
            ids = {id(p) for p in parsed if baseline is not None and _within(p, baseline)}
            if baseline is not None and ids:
                inside[goal.id] = (baseline, ids)
        warnings: list[Problem] = []
        if not inside:
            return warnings
        periods = self.batch.period
        for i, subject in enumerate(self.batch.subject):
            found = inside.get(subject)
            if found is None or id(periods[i]) not in found[1]:
                continue
            if len(warnings) == MAX_PROBLEMS:
                break
            location = Location(self.file, row=self.row_of[i], column="period")
            context = {"name": "period", "value": periods[i].code, "subject": subject, "baseline": found[0].code}
            warnings.append(_located("inside-baseline-period", "period", location, **context))
        return warnings

    @overload
    def _intern(self, text: str) -> str: ...
    @overload
    def _intern(self, text: str | None) -> str | None: ...
    def _intern(self, text: str | None) -> str | None:
        if text is None:
            return None
        return self.interned.setdefault(text, text)


class _Figure(NamedTuple):
    """What a row says of its figure: a value, or the code of a figure that is not there."""

    value: float | None
    unavailable: Unavailable | None


def _within(period: Period, baseline: Period) -> bool:
    """Whether ``period`` lies inside ``baseline`` without being it."""
    return period != baseline and baseline.contains(period)


@dataclass(frozen=True, slots=True)
class _UnitName:
    """A unit in a problem's context, worded in the reader's language when the problem is
    rendered (a :class:`koers.problems.Worded`): 'per 1.000 inwoners', 'per 1,000 inwoners'."""

    unit: Unit

    def worded(self, lang: str) -> str:
        return self.unit.label_text(lang)


def _why_beyond(value: float, unit: Unit, limit: Bounds) -> Wording:
    """Why a value lies outside its unit's plausible range, in the words the reader knows best:
    a percentage lies in 0-100, a count is not negative, else the range itself."""
    if unit.kind == UnitKind.PERCENTAGE:
        return Wording(PERCENTAGE_RANGE)
    if limit.low == 0 and value < 0:
        return Wording(NOT_NEGATIVE)
    return Wording(BEYOND_LIMITS, _limits(limit))


def _limits(limit: Bounds) -> dict[str, Any]:
    assert limit.low is not None and limit.high is not None  # every limit of an import is finite
    return {"low": Grouped(limit.low), "high": Grouped(limit.high)}


def _shown(value: float) -> float | str:
    """A number for a problem: as typed, but a huge one short (1e+308, not 309 digits)."""
    return f"{value:.3g}" if abs(value) >= SHORT_FROM else value


@dataclass(frozen=True, slots=True)
class Grouped:
    """A limit in a problem, grouped the reader's way (1.000.000.000.000; 1,000,000,000,000)."""

    value: float

    def worded(self, lang: str) -> str:
        return format_number(self.value, lang)


def parse_number(text: str) -> float | None:
    """48.1, 48,1, 1.250,5 (Dutch thousands) and 1,250.5 (English thousands); None if not a number."""
    cleaned = text.replace(" ", "").replace("\u00a0", "")
    if "," in cleaned and "." in cleaned:
        if cleaned.rfind(",") > cleaned.rfind("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    elif "," in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if value == value and value not in (float("inf"), float("-inf")) else None


def _subjects(plan: Plan, catalogue: BbvCatalogue) -> dict[str, Subject]:
    subjects = {g.id: Subject(g.id, SubjectKind.GOAL, g.unit, g.source) for g in plan.goals}
    for b in plan.bbv_indicators:
        entry = catalogue.get(b.number) if b.number is not None else None
        listed = (entry.number, entry.unit) if entry is not None else None
        subjects.setdefault(b.id, Subject(b.id, SubjectKind.BBV, parse_unit_text(b.unit), b.source, listed))
    return subjects


def _areas(plan: Plan) -> dict[str, str]:
    """Every way to name an area (id, CBS code, name) to the id it is stored under."""
    found: dict[str, str] = {}
    municipality = plan.area_ids().municipality  # its CBS code means it, also when the register names it otherwise
    for own in (plan.municipality.cbs_code, plan.municipality.name):
        found[own] = found[own.lower()] = municipality
    for area in plan.areas:
        stored = area.stored_id
        for name in (area.id, area.cbs_code, area.name):
            if name:
                found[name] = stored
                found[name.lower()] = stored
    for stored, name in plan.comparison.names.items():  # peers by name, the size class by its id or name
        for written in (stored, name):
            found.setdefault(written, stored)
            found.setdefault(written.lower(), stored)
    return found
