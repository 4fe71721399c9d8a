# SPDX-License-Identifier: EUPL-1.2
"""Check a measurement file completely, and turn it into a batch ready to store.

Every row is checked before anything is written: each problem is collected with its row,
column, value and what was expected, so that a file can be fixed in one go. A file with any
problem is not stored at all. The checked rows are kept column by column, with repeated texts
(goal ids, periods, areas) shared, so that a national file of a million rows fits in memory.

The columns are documented in docs/import-format.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from koers.domain.measurements import MeasurementStatus, SubjectKind
from koers.domain.periods import Period, PeriodError
from koers.domain.plan import Plan
from koers.domain.units import Unit, UnitKind, parse_unit_text, unit_code
from koers.importers.files import RowSource, UnreadableFile, open_rows
from koers.planfile.problems import Location, Problem

COLUMNS = ("goal", "series", "period", "area", "value", "unit", "status", "numerator", "denominator",
           "sample_size", "ci_low", "ci_high", "source", "source_ref", "retrieved_at", "note")
REQUIRED = ("period", "area", "value")
EXPORT_ONLY = ("version", "recorded_at", "recorded_by", "derivation")  # written by koers export, set by koers
MAX_PROBLEMS = 10_000
PROGRESS_EVERY = 10_000
CBS_AREA = re.compile(r"^(GM\d{4}|WK\d{6}|BU\d{8})$")
STATUS_WORDS = {
    "final": MeasurementStatus.FINAL, "definitief": MeasurementStatus.FINAL, "d": MeasurementStatus.FINAL,
    "provisional": MeasurementStatus.PROVISIONAL, "voorlopig": MeasurementStatus.PROVISIONAL,
    "v": MeasurementStatus.PROVISIONAL,
}
OPTIONAL_NUMBERS = ("numerator", "denominator", "ci_low", "ci_high")
OPTIONAL_TEXTS = ("source", "source_ref", "note")


@dataclass(frozen=True)
class Subject:
    """What a row may be about: a goal or BBV indicator of the plan (with its unit)."""

    id: str
    kind: SubjectKind
    unit: Unit | None
    source: str | None


@dataclass
class Batch:
    """Checked rows, column by column. Index i of every list is one measurement."""

    subject: list[str] = field(default_factory=list)
    subject_kind: list[str] = field(default_factory=list)
    period: list[Period] = field(default_factory=list)
    area: list[str] = field(default_factory=list)
    value: list[float] = field(default_factory=list)
    unit: list[str] = field(default_factory=list)
    status: list[str] = field(default_factory=list)
    numerator: list[float | None] = field(default_factory=list)
    denominator: list[float | None] = field(default_factory=list)
    sample_size: list[int | None] = field(default_factory=list)
    ci_low: list[float | None] = field(default_factory=list)
    ci_high: list[float | None] = field(default_factory=list)
    source: list[str | None] = field(default_factory=list)
    source_ref: list[str | None] = field(default_factory=list)
    retrieved_at: list[datetime | None] = field(default_factory=list)
    note: list[str | None] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.value)

    @property
    def subjects(self) -> set[str]:
        return set(self.subject)

    def content(self, i: int) -> tuple[Any, ...]:
        """What makes row i a different version from a stored one (compare with the store)."""
        return (self.value[i], self.unit[i], self.status[i], self.numerator[i], self.denominator[i],
                self.sample_size[i], self.ci_low[i], self.ci_high[i], self.source[i], self.source_ref[i],
                self.note[i])


@dataclass
class CheckResult:
    batch: Batch | None
    problems: list[Problem]
    problem_count: int
    rows: int

    @property
    def ok(self) -> bool:
        return self.batch is not None


def check_file(path: Path, plan: Plan, *, mapping: Mapping[str, str] | None = None,
               progress: Callable[[int], None] | None = None) -> CheckResult:
    """Read and check ``path`` against ``plan``: a batch when every row is right, else the problems.

    A row without a ``source_ref`` gets the file's name as its reference, so that every
    stored number can be traced to the file it came from.
    """
    file = str(path)
    try:
        source = open_rows(path)
    except UnreadableFile as err:
        return _failed(Problem("unreadable-file", "-", Location(file), {"detail": str(err)}))
    if not source.header:
        return _failed(Problem("empty-file", "-", Location(file)))
    columns, problems = _columns(source, file, mapping or {})
    if problems:
        return CheckResult(None, problems, len(problems), 0)
    checker = _RowChecker(plan, file, columns, default_ref=path.name)
    try:
        for number, cells in source.rows():
            checker.check(number, cells)
            if progress is not None and checker.rows % PROGRESS_EVERY == 0:
                progress(checker.rows)
    except (UnicodeDecodeError, ValueError) as err:
        return _failed(Problem("unreadable-file", "-", Location(file), {"detail": str(err)}))
    if progress is not None:
        progress(checker.rows)
    if checker.rows == 0:
        return _failed(Problem("empty-file", "-", Location(file)))
    if checker.problem_count:
        return CheckResult(None, checker.problems, checker.problem_count, checker.rows)
    return CheckResult(checker.batch, [], 0, checker.rows)


def _failed(problem: Problem) -> CheckResult:
    return CheckResult(None, [problem], 1, 0)


def _columns(source: RowSource, file: str, mapping: Mapping[str, str]) -> tuple[dict[str, int], list[Problem]]:
    """Where each known column is, and the problems with the header row."""
    file_to_canonical = {header.lower(): canonical for canonical, header in mapping.items()}
    found: dict[str, int] = {}
    problems: list[Problem] = []
    row = source.header_row
    for index, header in enumerate(source.header):
        if not header:
            continue
        name = file_to_canonical.get(header.lower(), header.lower())
        if name in EXPORT_ONLY:
            continue
        if name not in COLUMNS:
            problems.append(Problem("unknown-column", header, Location(file, row=row, column=header), {"name": header}))
        elif name in found:
            problems.append(Problem("duplicate-column", header, Location(file, row=row, column=header), {"name": header}))
        else:
            found[name] = index
    missing = [c for c in REQUIRED if c not in found]
    if "goal" not in found and "series" not in found:
        missing.insert(0, "goal")
    problems += [Problem("missing-column", name, Location(file, row=row), {"name": name}) for name in missing]
    return found, problems


class _RowChecker:
    """Checks rows one by one, keeping what is right in a Batch and what is wrong as problems."""

    def __init__(self, plan: Plan, file: str, columns: dict[str, int], default_ref: str) -> None:
        self.file = file
        self.default_ref = default_ref
        self.columns = columns
        self.subjects = _subjects(plan)
        self.subject_lookup = {k.lower(): v for k, v in self.subjects.items()}
        self.areas = _areas(plan)
        self.area_examples = ", ".join(list(self.areas)[:4]) or "GM0000"
        self.goal_examples = ", ".join(list(self.subjects)[:3])
        self.periods: dict[str, Period | str] = {}
        self.series_units: dict[str, str] = {}
        self.seen: dict[int, int] = {}  # hash of (subject, period, area) -> index in the batch
        self.row_of: list[int] = []
        self.batch = Batch()
        self.problems: list[Problem] = []
        self.problem_count = 0
        self.rows = 0
        self.interned: dict[str, str] = {}

    # -- one row -----------------------------------------------------------------------
    def check(self, number: int, cells: list[Any]) -> None:
        self.rows += 1
        before = self.problem_count
        subject = self._subject(number, cells)
        period = self._period(number, cells)
        area = self._area(number, cells)
        value = self._number(number, cells, "value", required=True)
        unit = self._unit(number, cells, subject)
        status = self._status(number, cells)
        extra = {name: self._number(number, cells, name) for name in OPTIONAL_NUMBERS}
        sample_size = self._whole(number, cells, "sample_size")
        retrieved = self._date(number, cells, "retrieved_at")
        texts = {name: self._text(cells, name) for name in OPTIONAL_TEXTS}
        if self.problem_count > before or subject is None or period is None or area is None or value is None:
            return
        assert unit is not None
        if not self._plausible(number, value, unit, extra):
            return
        if self._duplicate(number, subject[0], period, area):
            return
        default_source = subject[2]
        self._keep(subject, period, area, value, unit[0], status, extra, sample_size, retrieved,
                   texts["source"] or default_source, texts["source_ref"] or self.default_ref, texts["note"], number)

    def _keep(self, subject: tuple[str, str, str | None], period: Period, area: str, value: float, unit: str,
              status: str, extra: dict[str, float | None], sample_size: int | None, retrieved: datetime | None,
              source: str | None, source_ref: str | None, note: str | None, number: int) -> None:
        b = self.batch
        b.subject.append(subject[0])
        b.subject_kind.append(subject[1])
        b.period.append(period)
        b.area.append(area)
        b.value.append(value)
        b.unit.append(unit)
        b.status.append(status)
        b.numerator.append(extra["numerator"])
        b.denominator.append(extra["denominator"])
        b.ci_low.append(extra["ci_low"])
        b.ci_high.append(extra["ci_high"])
        b.sample_size.append(sample_size)
        b.retrieved_at.append(retrieved)
        b.source.append(self._intern(source))
        b.source_ref.append(self._intern(source_ref))
        b.note.append(note)
        self.row_of.append(number)

    # -- cells -------------------------------------------------------------------------
    def _cell(self, cells: list[Any], name: str) -> Any:
        index = self.columns.get(name)
        if index is None or index >= len(cells):
            return None
        value = cells[index]
        if isinstance(value, str):
            value = value.strip()
            return value or None
        return value

    def _problem(self, code: str, number: int, column: str, **context: Any) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS:
            location = Location(self.file, row=number, column=column)
            self.problems.append(Problem(code, column, location, {"name": column, **context}))

    def _subject(self, number: int, cells: list[Any]) -> tuple[str, str, str | None] | None:
        goal = self._cell(cells, "goal")
        series = self._cell(cells, "series")
        if goal is not None and series is not None:
            self._problem("goal-and-series", number, "goal")
            return None
        if series is not None:
            return (self._intern(str(series)), SubjectKind.SERIES.value, None)
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
        if CBS_AREA.match(text.upper()):
            return self._intern(text.upper())
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

    def _whole(self, number: int, cells: list[Any], name: str) -> int | None:
        value = self._number(number, cells, name)
        if value is None:
            return None
        if not value.is_integer() or value < 0:
            self._problem("invalid-whole-number", number, name, value=_show(value))
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

    def _unit(self, number: int, cells: list[Any], subject: tuple[str, str, str | None] | None
              ) -> tuple[str, Unit] | None:
        raw = self._cell(cells, "unit")
        stated = parse_unit_text(str(raw)) if raw is not None else None
        if raw is not None and stated is None:
            self._problem("invalid-unit", number, "unit", value=str(raw))
            return None
        if subject is None:
            return None
        expected = self._expected_unit(subject, stated)
        if expected is None:
            self._problem("unit-unknown", number, "unit", subject=subject[0])
            return None
        if stated is not None and not stated.same_as(expected):
            self._problem("unit-mismatch", number, "unit", value=str(raw), subject=subject[0],
                          expected=expected.label_text("nl"), expected_en=expected.label_text("en"))
            return None
        return (self._intern(unit_code(expected)), expected)

    def _expected_unit(self, subject: tuple[str, str, str | None], stated: Unit | None) -> Unit | None:
        if subject[1] != SubjectKind.SERIES.value:
            return self.subjects[subject[0]].unit or stated
        known = self.series_units.get(subject[0])
        if known is None and stated is not None:
            self.series_units[subject[0]] = unit_code(stated)
            return stated
        if known is None:
            return None
        return parse_unit_text(known)

    def _plausible(self, number: int, value: float, unit: tuple[str, Unit], extra: dict[str, float | None]) -> bool:
        kind = unit[1].kind
        if kind == UnitKind.PERCENTAGE and not 0 <= value <= 100:
            self._problem("out-of-range", number, "value", value=_show(value),
                          detail_nl="een percentage ligt tussen 0 en 100", detail_en="a percentage lies between 0 and 100")
            return False
        if kind not in (UnitKind.SCORE, UnitKind.OTHER, UnitKind.EURO) and value < 0:
            self._problem("out-of-range", number, "value", value=_show(value),
                          detail_nl="dit getal kan niet negatief zijn", detail_en="this number cannot be negative")
            return False
        low, high = extra["ci_low"], extra["ci_high"]
        if low is not None and high is not None and not low <= value <= high:
            self._problem("invalid-interval", number, "ci_low", value=_show(value), low=_show(low), high=_show(high))
            return False
        return self._fraction_fits(number, value, unit[1], extra)

    def _fraction_fits(self, number: int, value: float, unit: Unit, extra: dict[str, float | None]) -> bool:
        top, bottom = extra["numerator"], extra["denominator"]
        if top is None or bottom is None or bottom == 0:
            return True
        factor = 100 if unit.kind == UnitKind.PERCENTAGE else (unit.per or 1)
        expected = top / bottom * factor
        if abs(expected - value) <= 0.01 * max(abs(expected), 1):
            return True
        self._problem("invalid-fraction", number, "value", value=_show(value), numerator=_show(top),
                      denominator=_show(bottom))
        return False

    def _duplicate(self, number: int, subject: str, period: Period, area: str) -> bool:
        key = hash((subject, period.code, area))
        index = self.seen.get(key)
        b = self.batch
        if index is not None and (b.subject[index], b.period[index], b.area[index]) == (subject, period, area):
            self._problem("duplicate-row", number, "goal", other=self.row_of[index])
            return True
        self.seen[key] = len(b.value)
        return False

    def _intern(self, text: str | None) -> str | None:
        if text is None:
            return None
        return self.interned.setdefault(text, text)


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


def _subjects(plan: Plan) -> dict[str, Subject]:
    subjects = {g.id: Subject(g.id, SubjectKind.GOAL, g.unit, g.source) for g in plan.goals}
    for b in plan.bbv_indicators:
        subjects.setdefault(b.id, Subject(b.id, SubjectKind.BBV, parse_unit_text(b.unit), b.source))
    return subjects


def _areas(plan: Plan) -> dict[str, str]:
    """Every way to name an area (id, CBS code, name) to the id it is stored under."""
    found: dict[str, str] = {}
    for area in plan.areas:
        stored = area.cbs_code or area.id
        for name in (area.id, area.cbs_code, area.name):
            if name:
                found[name] = stored
                found[name.lower()] = stored
    return found


def _show(value: float) -> str:
    return f"{value:g}"
