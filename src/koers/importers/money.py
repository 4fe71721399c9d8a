# SPDX-License-Identifier: EUPL-1.2
"""Read money per challenge from a CSV or Excel file: every row checked first, all or nothing.

A row names a challenge (its id or name) or an Iv3 taakveld that the plan maps to a challenge
(``money: taakvelden``), a year, a kind (begroting, gewijzigde begroting, realisatie), an amount
in euro as people type it (1.234.567,89 or 1234567.89) and where it comes from. Taakveld rows are
added up per challenge (koers.domain.money.summed). Every problem names its row and column.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Protocol

from koers.domain.money import KIND_WORDS, Amount, AmountKind, parse_kind, summed, taakveld_code
from koers.domain.plan import Plan
from koers.domain.units import PLAUSIBLE, UnitKind
from koers.importers.files import Refused, UnreadableFile, open_rows, sha256_of
from koers.importers.measurements import Grouped, parse_number
from koers.importers.money_messages import CATALOGUE
from koers.importers.sources import Origin
from koers.problems import Location, Problem

#: koers's column and the headers it is also known by (lower case).
HEADERS: Final = {
    "challenge": ("challenge", "opgave"),
    "taakveld": ("taakveld",),
    "year": ("year", "jaar"),
    "kind": ("kind", "soort"),
    "amount": ("amount", "bedrag"),
    "source": ("source", "bron"),
}
REQUIRED: Final = ("year", "kind", "amount")
#: The amounts a file may hold: those of a value in euro (koers.domain.units.PLAUSIBLE).
AMOUNTS: Final = PLAUSIBLE[UnitKind.EURO]
#: The import log's kind of a money file (koers.store.imports.Provenance).
FILE_ORIGIN: Final = "money-file"


@dataclass(frozen=True)
class MoneyFile:
    """What a file gives: the amounts per challenge (summed), or every problem found."""

    amounts: list[Amount] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def read_money(path: Path, plan: Plan) -> MoneyFile:
    """Every row of ``path`` checked against ``plan``; amounts only when no row has a problem."""
    try:
        source = open_rows(path)
        rows = list(source.rows())
    except Refused as err:
        return MoneyFile(problems=[err.problem(path.name)])
    except UnreadableFile as err:
        return MoneyFile(problems=[_problem("unreadable-file", "-", Location(path.name), detail=str(err))])
    checked = _check(path.name, plan, source.header, source.header_row, rows)
    if source.stray_count:  # a value right of the last column name is no amount to drop unread
        return MoneyFile(problems=source.merged(path.name, checked.problems), rows=checked.rows)
    return checked


def check_money_rows(plan: Plan, rows: Sequence[Mapping[str, Any]], *, source_name: str) -> MoneyFile:
    """Rows made by a program (CBS's Iv3 figures), keyed by koers's column names, checked by the
    same rules and with the same messages as a file's; ``source_name`` stands where a file's name
    would, and row 1 is the first row."""
    header = [name for name in HEADERS if any(name in row for row in rows)]
    numbered = [(number, [row.get(name) for name in header]) for number, row in enumerate(rows, start=1)]
    return _check(source_name, plan, header, None, numbered)


def _check(
    file: str, plan: Plan, header: Sequence[str], header_row: int | None, rows: Sequence[tuple[int, Sequence[Any]]]
) -> MoneyFile:
    """The one check of every money row, wherever the rows come from."""
    columns = _columns(header)
    missing = [name for name in REQUIRED if name not in columns]
    if "challenge" not in columns and "taakveld" not in columns:
        missing.insert(0, "challenge")
    if missing:
        expected = "challenge (of taakveld), year, kind, amount, source"
        where = Location(file, row=header_row)
        return MoneyFile(problems=[_problem("missing-column", n, where, name=n, expected=expected) for n in missing])
    if not rows:
        return MoneyFile(problems=[_problem("empty-file", "-", Location(file))])
    checker = _RowChecker(file, plan, header, columns)
    found = [checker.check(number, cells) for number, cells in rows]
    if checker.problems:
        return MoneyFile(problems=checker.problems, rows=len(rows))
    return MoneyFile(amounts=summed(a for a in found if a is not None), rows=len(rows))


def _columns(header: Sequence[str]) -> dict[str, int]:
    """koers's column name to its position in the header."""
    found: dict[str, int] = {}
    for position, text in enumerate(header):
        for name, aliases in HEADERS.items():
            if text.strip().lower() in aliases:
                found.setdefault(name, position)
    return found


def _problem(problem: str, column: str, where: Location, **context: Any) -> Problem:
    return Problem(problem, column, where, context, catalogue=CATALOGUE)


class _RowChecker:
    """Checks one row at a time and collects every problem, with its row and column."""

    def __init__(self, file: str, plan: Plan, header: Sequence[str], columns: Mapping[str, int]) -> None:
        self.file, self.plan, self.header, self.columns = file, plan, header, columns
        self.problems: list[Problem] = []
        self.challenges = {c.id: c.id for c in plan.challenges} | {c.name.lower(): c.id for c in plan.challenges}
        self.taakvelden = plan.money.taakvelden if plan.money else {}
        self.seen: dict[tuple[str, int, AmountKind], int] = {}

    def check(self, number: int, cells: Sequence[Any]) -> Amount | None:
        before = len(self.problems)
        values = {name: _text(cells, position) for name, position in self.columns.items()}
        challenge = self._challenge(number, values.get("challenge", ""), values.get("taakveld", ""))
        year = self._year(number, values["year"])
        kind = self._kind(number, values["kind"])
        amount = self._amount(number, cells[self.columns["amount"]] if self.columns["amount"] < len(cells) else None)
        if len(self.problems) > before or challenge is None or year is None or kind is None or amount is None:
            return None
        written = values.get("taakveld") or challenge
        key = (written, year, kind)
        if key in self.seen:
            self._add("duplicate-row", "amount", number, other=self.seen[key])
            return None
        self.seen[key] = number
        return Amount(challenge, year, kind, amount, values.get("source") or None)

    def _add(self, problem: str, column: str, row: int, **context: Any) -> None:
        header = self.header[self.columns[column]] if column in self.columns else column
        self.problems.append(_problem(problem, column, Location(self.file, row=row, column=header), **context))

    def _challenge(self, row: int, challenge: str, taakveld: str) -> str | None:
        if challenge and taakveld:
            self._add("challenge-and-taakveld", "challenge", row)
            return None
        if taakveld:
            code = taakveld_code(taakveld) or taakveld
            if code not in self.taakvelden:
                self._add("unknown-taakveld", "taakveld", row, value=taakveld, taakveld=code)
                return None
            return self.taakvelden[code]
        if not challenge:
            self._add("no-challenge", "challenge" if "challenge" in self.columns else "taakveld", row)
            return None
        found = self.challenges.get(challenge) or self.challenges.get(challenge.lower())
        if found is None:
            expected = ", ".join(c.id for c in self.plan.challenges) or "-"
            self._add("unknown-challenge", "challenge", row, value=challenge, expected=expected)
        return found

    def _year(self, row: int, text: str) -> int | None:
        cleaned = text[:-2] if text.endswith(".0") else text  # Excel gives 2025.0
        if cleaned.isdigit() and 1990 <= int(cleaned) <= 2200:
            return int(cleaned)
        self._add("invalid-year", "year", row, value=text)
        return None

    def _kind(self, row: int, text: str) -> AmountKind | None:
        kind = parse_kind(text)
        if kind is None:
            expected = ", ".join(words[0] for words in KIND_WORDS.values())
            self._add("unknown-kind", "kind", row, value=text, expected=expected)
        return kind

    def _amount(self, row: int, cell: Any) -> float | None:
        if isinstance(cell, int | float) and not isinstance(cell, bool):
            return self._plausible(row, float(cell), str(cell))
        text = "" if cell is None else str(cell).strip().removeprefix("€").strip()
        value = parse_amount(text) if text else None
        if value is None:
            self._add("invalid-amount", "amount", row, value=text)
            return None
        return self._plausible(row, value, text)

    def _plausible(self, row: int, value: float, written: str) -> float | None:
        """The amount, if it lies within :data:`AMOUNTS` (a typing slip of a few digits, or
        cents read as euros, makes an amount no budget has)."""
        if AMOUNTS.contains(value):
            return value
        assert AMOUNTS.low is not None and AMOUNTS.high is not None  # a plausible range is finite
        self._add(
            "amount-out-of-range", "amount", row, value=written, low=Grouped(AMOUNTS.low), high=Grouped(AMOUNTS.high)
        )
        return None


_DUTCH_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


def parse_amount(text: str) -> float | None:
    """An amount in euro as people type it: 1.234.567,89 and 1.234.567 (Dutch), 1234567.89 and
    1234567 (plain). A point followed by groups of three digits groups thousands, as in Dutch:
    an amount in euro has no third decimal."""
    cleaned = text.replace(" ", "").replace("\u00a0", "")
    if _DUTCH_THOUSANDS.match(cleaned):
        cleaned = cleaned.replace(".", "")
    return parse_number(cleaned)


def _text(cells: Sequence[Any], position: int) -> str:
    if position >= len(cells) or cells[position] is None:
        return ""
    return str(cells[position]).strip()


class MoneySource(Protocol):
    """A source of amounts: its origin, and its rows checked against a plan (a file, CBS's Iv3
    figures); every source is checked by :func:`_check` and stored by
    :func:`koers.store.money.store_amounts`."""

    @property
    def origin(self) -> Origin: ...

    def check(self, plan: Plan) -> MoneyFile: ...


@dataclass(frozen=True)
class MoneyFileSource:
    """A CSV or Excel file of amounts per challenge or taakveld."""

    path: Path

    @property
    def origin(self) -> Origin:
        return Origin(FILE_ORIGIN, self.path.name, sha256_of(self.path) if self.path.is_file() else None)

    def check(self, plan: Plan) -> MoneyFile:
        return read_money(self.path, plan)


@dataclass(frozen=True)
class MoneyRowsSource:
    """Amounts made by a program, in koers's columns (``taakveld``, ``year``, ``kind``,
    ``amount``, ``source``); ``origin.name`` stands where a file's name would."""

    origin: Origin
    rows: Sequence[Mapping[str, Any]]

    def check(self, plan: Plan) -> MoneyFile:
        return check_money_rows(plan, self.rows, source_name=self.origin.name or self.origin.kind)
