# SPDX-License-Identifier: EUPL-1.2
"""Periods as first-class values.

Policy goals and measurements speak of many kinds of time: a year ("in 2027"), a half year
("de 2e helft van 2023"), a quarter, a month, a school year ("schooljaar 2023-2024") and a
reference date (*peildatum*, "1 januari 2024"). They are compared all the time (is the latest
measurement after the baseline? does the schedule reach the target year?), so each one is a
value with exact bounds, a canonical code and a Dutch label, and all of them share one order.

Canonical codes (what a plan file or an import file writes):

========== ============== ===========================================
kind       code           Dutch label
========== ============== ===========================================
year       ``2023``       2023
half-year  ``2023-H2``    2e helft 2023
quarter    ``2023-Q3``    3e kwartaal 2023
month      ``2023-03``    maart 2023
school     ``2023/2024``  schooljaar 2023-2024
date       ``2024-01-01`` peildatum 1 januari 2024
========== ============== ===========================================

A school year runs from 1 August to 31 July, as in Dutch education law.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import cache
from typing import Any, Final, assert_never

from koers.i18n import LANGUAGES, N_, _


class PeriodKind(StrEnum):
    """The kinds of period koers knows, from the longest to the shortest."""

    SCHOOL_YEAR = "school-year"
    YEAR = "year"
    HALF_YEAR = "half-year"
    QUARTER = "quarter"
    MONTH = "month"
    DATE = "date"


#: The months, as labels and as the parser reads them (English: koers.i18n).
MONTHS: Final = (
    N_("januari"),
    N_("februari"),
    N_("maart"),
    N_("april"),
    N_("mei"),
    N_("juni"),
    N_("juli"),
    N_("augustus"),
    N_("september"),
    N_("oktober"),
    N_("november"),
    N_("december"),
)
#: The halves of a year, as labels.
HALVES: Final = (N_("1e helft {year}"), N_("2e helft {year}"))


def month_name(month: int, lang: str = "nl") -> str:
    """'maart' (English: 'March') for month 3."""
    return _(MONTHS[month - 1], lang)


DAYS_PER_YEAR = 365.25

# The rank breaks ties in the order between periods with the same bounds (never happens
# between two valid periods of different kinds, but keeps the order total).
_RANK = {kind: rank for rank, kind in enumerate(PeriodKind)}


class PeriodError(ValueError):
    """A text that is not a period koers understands; the message says what is accepted.

    ``code`` is stable (``invalid-period``, ``ambiguous-period``, ``invalid-date``) so that
    the plan loader and importers can show the problem in Dutch or English.
    """

    def __init__(self, message: str, code: str = "invalid-period") -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class Period:
    """A span of time with inclusive bounds, built only through the constructors below."""

    kind: PeriodKind
    start: date
    end: date

    # -- constructors -------------------------------------------------------------------
    @classmethod
    def year(cls, year: int) -> Period:
        return cls(PeriodKind.YEAR, date(year, 1, 1), date(year, 12, 31))

    @classmethod
    def half_year(cls, year: int, half: int) -> Period:
        if half not in (1, 2):
            raise PeriodError(f"half year {half} does not exist: use 1 or 2")
        return cls(
            PeriodKind.HALF_YEAR,
            date(year, 1 if half == 1 else 7, 1),
            date(year, 6, 30) if half == 1 else date(year, 12, 31),
        )

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        if not 1 <= quarter <= 4:
            raise PeriodError(f"quarter {quarter} does not exist: use 1 to 4")
        first = 3 * (quarter - 1) + 1
        return cls(PeriodKind.QUARTER, date(year, first, 1), _month_end(year, first + 2))

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        if not 1 <= month <= 12:
            raise PeriodError(f"month {month} does not exist: use 1 to 12")
        return cls(PeriodKind.MONTH, date(year, month, 1), _month_end(year, month))

    @classmethod
    def school_year(cls, first_year: int) -> Period:
        """The school year that starts on 1 August of ``first_year``."""
        return cls(PeriodKind.SCHOOL_YEAR, date(first_year, 8, 1), date(first_year + 1, 7, 31))

    @classmethod
    def on(cls, day: date) -> Period:
        """A reference date (*peildatum*)."""
        return cls(PeriodKind.DATE, day, day)

    @classmethod
    def parse(cls, value: Any) -> Period:
        """Read a period from a plan file, an import file, a CBS code or the command line."""
        return parse_period(value)

    # -- reading ------------------------------------------------------------------------
    @property
    def code(self) -> str:
        """The canonical code, the form that files and the JSON output use."""
        y = self.start.year
        match self.kind:
            case PeriodKind.YEAR:
                return str(y)
            case PeriodKind.HALF_YEAR:
                return f"{y}-H{1 if self.start.month == 1 else 2}"
            case PeriodKind.QUARTER:
                return f"{y}-Q{(self.start.month - 1) // 3 + 1}"
            case PeriodKind.MONTH:
                return f"{y}-{self.start.month:02d}"
            case PeriodKind.SCHOOL_YEAR:
                return f"{y}/{y + 1}"
            case PeriodKind.DATE:
                return self.start.isoformat()
        assert_never(self.kind)

    def label(self, lang: str = "nl") -> str:
        """A label for people, in Dutch (default) or English."""
        y = self.start.year
        # The templates are filled with str.format: labels are shown by the thousand, and
        # every kind's label is tested in both languages.
        match self.kind:
            case PeriodKind.YEAR:
                return str(y)
            case PeriodKind.HALF_YEAR:
                return _(HALVES[0 if self.start.month == 1 else 1], lang).format(year=y)
            case PeriodKind.QUARTER:
                quarter = (self.start.month - 1) // 3 + 1
                return _("{quarter}e kwartaal {year}", lang).format(quarter=quarter, year=y)
            case PeriodKind.MONTH:
                return f"{month_name(self.start.month, lang)} {y}"
            case PeriodKind.SCHOOL_YEAR:
                return _("schooljaar {first}-{second}", lang).format(first=y, second=y + 1)
            case PeriodKind.DATE:
                d = self.start
                return _("peildatum {day} {month} {year}", lang).format(
                    day=d.day, month=month_name(d.month, lang), year=d.year
                )
        assert_never(self.kind)

    def __str__(self) -> str:
        return self.code

    def __repr__(self) -> str:
        return f"Period({self.code!r})"

    # -- order and comparison -----------------------------------------------------------
    @property
    def sort_key(self) -> tuple[date, date, int]:
        """Periods are ordered by when they end, then by when they start.

        A measurement describes the state at the end of its period, so "later" means "ends
        later": 2023-H2 comes after 2023-Q3, and the year 2023 comes just before 2023-H2
        (same end, earlier start).
        """
        return (self.end, self.start, _RANK[self.kind])

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self.sort_key < other.sort_key

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self.sort_key <= other.sort_key

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self.sort_key > other.sort_key

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self.sort_key >= other.sort_key

    def contains(self, other: Period | date) -> bool:
        """Whether ``other`` lies wholly inside this period."""
        if isinstance(other, date):
            return self.start <= other <= self.end
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def midpoint(self) -> date:
        return self.start + timedelta(days=(self.end - self.start).days // 2)

    def years_until(self, other: Period) -> float:
        """Years from the end of this period to the end of ``other`` (negative if earlier).

        Used for paths that compound per year ("+10% per jaar"): 2023 to 2027 is 4.0 years,
        2023-H2 to 2027 is 4.0 years, 2023 to 2027-H1 is 3.5 years (rounded to months).
        """
        months = round((other.end - self.end).days / DAYS_PER_YEAR * 12)
        return months / 12

    # -- stepping -----------------------------------------------------------------------
    def shift(self, steps: int) -> Period:
        """The period ``steps`` periods of the same kind later (or earlier when negative)."""
        y = self.start.year
        match self.kind:
            case PeriodKind.YEAR:
                return Period.year(y + steps)
            case PeriodKind.SCHOOL_YEAR:
                return Period.school_year(y + steps)
            case PeriodKind.HALF_YEAR:
                index = y * 2 + (0 if self.start.month == 1 else 1) + steps
                return Period.half_year(index // 2, index % 2 + 1)
            case PeriodKind.QUARTER:
                index = y * 4 + (self.start.month - 1) // 3 + steps
                return Period.quarter(index // 4, index % 4 + 1)
            case PeriodKind.MONTH:
                index = y * 12 + self.start.month - 1 + steps
                return Period.month(index // 12, index % 12 + 1)
            case PeriodKind.DATE:
                return Period.on(self.start + timedelta(days=steps))
        assert_never(self.kind)

    def as_kind(self, kind: PeriodKind) -> Period:
        """The period of ``kind`` in which this period ends (2024-03-31 as a year: 2024)."""
        end = self.end
        match kind:
            case PeriodKind.YEAR:
                return Period.year(end.year)
            case PeriodKind.HALF_YEAR:
                return Period.half_year(end.year, 1 if end.month <= 6 else 2)
            case PeriodKind.QUARTER:
                return Period.quarter(end.year, (end.month - 1) // 3 + 1)
            case PeriodKind.MONTH:
                return Period.month(end.year, end.month)
            case PeriodKind.SCHOOL_YEAR:
                return Period.school_year(end.year if end.month >= 8 else end.year - 1)
            case PeriodKind.DATE:
                return Period.on(end)
        assert_never(kind)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


# -- parsing ------------------------------------------------------------------------------

ACCEPTED_FORMS = (
    "2023 (jaar), 2023-H2 of '2e helft 2023' (halfjaar), 2023-Q3 (kwartaal), 2023-03 (maand), "
    "2023/2024 of 'schooljaar 2023-2024', 2024-01-01 of 'peildatum 1 januari 2024'"
)

_ORDINAL = r"(?P<n>[1-4])\s*(?:e|ste|de|st|nd|rd|th)?"
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(?P<y>\d{4})$"), "year"),
    (re.compile(r"^(?P<y>\d{4})\s*JJ\s*00$"), "year"),  # CBS StatLine
    (re.compile(r"^(?:jaar|year)\s+(?P<y>\d{4})$"), "year"),
    (re.compile(r"^(?P<y>\d{4})\s*-?\s*(?:H|HJ)\s*0?(?P<n>[12])$"), "half"),
    (re.compile(r"^(?:H|HJ)\s*(?P<n>[12])\s*-?\s*(?P<y>\d{4})$"), "half"),
    (re.compile(rf"^{_ORDINAL}\s+(?:helft|halfjaar|half\s+year|half)(?:\s+(?:van|of))?\s+(?P<y>\d{{4}})$"), "half"),
    (
        re.compile(r"^(?P<w>eerste|tweede|first|second)\s+(?:helft|halfjaar|half)(?:\s+(?:van|of))?\s+(?P<y>\d{4})$"),
        "half",
    ),
    (re.compile(r"^(?P<y>\d{4})\s*-?\s*(?:Q|KW)\s*0?(?P<n>[1-4])$"), "quarter"),
    (re.compile(r"^(?:Q|KW)\s*(?P<n>[1-4])\s*-?\s*(?P<y>\d{4})$"), "quarter"),
    (re.compile(rf"^{_ORDINAL}\s+(?:kwartaal|quarter)(?:\s+(?:van|of))?\s+(?P<y>\d{{4}})$"), "quarter"),
    (re.compile(r"^(?P<y>\d{4})\s*-\s*(?P<m>0[1-9]|1[0-2])$"), "month"),
    (re.compile(r"^(?P<y>\d{4})\s*MM\s*(?P<m>0[1-9]|1[0-2])$"), "month"),
    (re.compile(r"^(?P<mn>[a-z]+)\s+(?P<y>\d{4})$"), "month-words"),
    (re.compile(r"^(?P<y>\d{4})\s*/\s*(?P<y2>\d{4})$"), "school"),
    (re.compile(r"^(?:schooljaar|school\s*year|sj)\s*(?P<y>\d{4})\s*[-/]\s*(?P<y2>\d{4})$"), "school"),
    (re.compile(r"^(?:schooljaar|school\s*year|sj)\s*(?P<y>\d{4})\s*[-/]\s*(?P<y2>\d{2})$"), "school2"),
    (re.compile(r"^(?:peildatum\s+|reference\s+date\s+)?(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$"), "date"),
    (
        re.compile(r"^(?:peildatum\s+|reference\s+date\s+)?(?P<d>\d{1,2})\s+(?P<mn>[a-z]+)\s+(?P<y>\d{4})$"),
        "date-words",
    ),
]


def parse_period(value: Any) -> Period:
    """Parse the many ways people and sources write a period; raise ``PeriodError`` if unsure.

    A bare "2023-2024" is refused on purpose: it could mean a school year or two years, and
    guessing would put a number in the wrong period.
    """
    if isinstance(value, Period):
        return value
    if isinstance(value, datetime):
        return Period.on(value.date())
    if isinstance(value, date):
        return Period.on(value)
    if isinstance(value, bool) or value is None:
        raise PeriodError(f"{value!r} is not a period; write for example {ACCEPTED_FORMS}")
    if isinstance(value, int):
        return _checked_year(value, str(value))
    if isinstance(value, float) and value.is_integer():
        return _checked_year(int(value), str(value))
    text = " ".join(str(value).strip().split())
    lowered = text.lower()
    for pattern, kind in _PATTERNS:
        match = pattern.match(lowered) or pattern.match(text.upper())
        if match:
            return _build(kind, match.groupdict(), text)
    if re.match(r"^\d{4}\s*-\s*\d{4}$", text):
        raise PeriodError(
            f"'{text}' is ambiguous: write 'schooljaar {text}' or '{text.replace('-', '/')}' "
            "for a school year, or name a single year",
            code="ambiguous-period",
        )
    raise PeriodError(f"'{text}' is not a period; write for example {ACCEPTED_FORMS}")


def _month_number(name: str | None, text: str) -> int:
    """A month written as a word, in Dutch or English (the English names are read from the
    catalogue, and only when the word is not Dutch)."""
    lowered = (name or "").lower()
    for lang in LANGUAGES:
        names = _month_names(lang)
        if lowered in names:
            return names.index(lowered) + 1
    raise PeriodError(f"'{text}' is not a period; write for example {ACCEPTED_FORMS}")


@cache
def _month_names(lang: str) -> tuple[str, ...]:
    return tuple(month_name(month, lang).lower() for month in range(1, 13))


def _checked_year(year: int, text: str) -> Period:
    if not 1900 <= year <= 2200:
        raise PeriodError(f"'{text}' is not a plausible year")
    return Period.year(year)


def _build(kind: str, g: dict[str, str | None], text: str) -> Period:
    year = int(g["y"] or 0)
    _checked_year(year, text)
    try:
        match kind:
            case "year":
                return Period.year(year)
            case "half":
                if g.get("w"):
                    return Period.half_year(year, 1 if g["w"] in ("eerste", "first") else 2)
                return Period.half_year(year, int(g["n"] or 0))
            case "quarter":
                return Period.quarter(year, int(g["n"] or 0))
            case "month":
                return Period.month(year, int(g["m"] or 0))
            case "school" | "school2":
                second = int(g["y2"] or 0)
                if kind == "school2":  # "2023-24", and "1999-00" across a century
                    second += year // 100 * 100 + (100 if second < year % 100 else 0)
                if second != year + 1:
                    raise PeriodError(f"'{text}' is not a school year: the years must follow each other")
                return Period.school_year(year)
            case "date":
                return Period.on(date(year, int(g["m"] or 0), int(g["d"] or 0)))
            case "month-words":
                return Period.month(year, _month_number(g["mn"], text))
            case "date-words":
                return Period.on(date(year, _month_number(g["mn"], text), int(g["d"] or 0)))
    except ValueError as err:  # date() refuses 31 February and the like
        if isinstance(err, PeriodError):
            raise
        raise PeriodError(f"'{text}' is not a valid date: {err}", code="invalid-date") from None
    raise AssertionError(kind)  # pragma: no cover
