# SPDX-License-Identifier: EUPL-1.2
"""How often an instrument measures, and which periods it will therefore measure.

Plans write their measurement frequency in everyday Dutch ("1X per 4 jaar", "2x per jaar",
"1x per schooljaar"). koers keeps that wording and derives a schedule from it, because the
question that matters is concrete: will there be a measurement in the target period? A
4-yearly health monitor measured in 2020 measures again in 2024 and 2028, not in 2027.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Final

from koers.domain.periods import Period, PeriodKind
from koers.domain.vocabulary import every
from koers.i18n import N_, _


class FrequencyCode(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half-yearly"
    YEARLY = "yearly"
    SCHOOL_YEARLY = "school-yearly"
    EVERY_2_YEARS = "every-2-years"
    EVERY_3_YEARS = "every-3-years"
    EVERY_4_YEARS = "every-4-years"
    EVERY_5_YEARS = "every-5-years"


@dataclass(frozen=True, slots=True)
class FrequencyInfo:
    """A frequency's label (a Dutch id; English: koers.i18n), its natural kind of period, and
    how many of those make one step of its schedule."""

    label: str
    kind: PeriodKind
    step: int = 1


FREQUENCIES: Final = every(
    FrequencyCode,
    {
        FrequencyCode.MONTHLY: FrequencyInfo(N_("elke maand"), PeriodKind.MONTH),
        FrequencyCode.QUARTERLY: FrequencyInfo(N_("elk kwartaal"), PeriodKind.QUARTER),
        FrequencyCode.HALF_YEARLY: FrequencyInfo(N_("2 keer per jaar"), PeriodKind.HALF_YEAR),
        FrequencyCode.YEARLY: FrequencyInfo(N_("1 keer per jaar"), PeriodKind.YEAR),
        FrequencyCode.SCHOOL_YEARLY: FrequencyInfo(N_("1 keer per schooljaar"), PeriodKind.SCHOOL_YEAR),
        FrequencyCode.EVERY_2_YEARS: FrequencyInfo(N_("1 keer per 2 jaar"), PeriodKind.YEAR, 2),
        FrequencyCode.EVERY_3_YEARS: FrequencyInfo(N_("1 keer per 3 jaar"), PeriodKind.YEAR, 3),
        FrequencyCode.EVERY_4_YEARS: FrequencyInfo(N_("1 keer per 4 jaar"), PeriodKind.YEAR, 4),
        FrequencyCode.EVERY_5_YEARS: FrequencyInfo(N_("1 keer per 5 jaar"), PeriodKind.YEAR, 5),
    },
)

#: The length of each kind of period a frequency can step by (never a reference date).
_MONTHS_PER_PERIOD = {
    PeriodKind.MONTH: 1,
    PeriodKind.QUARTER: 3,
    PeriodKind.HALF_YEAR: 6,
    PeriodKind.YEAR: 12,
    PeriodKind.SCHOOL_YEAR: 12,
}


def _add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


ACCEPTED_FORMS = (
    "'2X per jaar', '1X per jaar', '1x per schooljaar', '1X per 4 jaar', '4x per jaar', "
    "'maandelijks', 'jaarlijks', of een code: " + ", ".join(c.value for c in FrequencyCode)
)


class FrequencyError(ValueError):
    """A frequency text koers cannot read; the message lists what it can."""


@dataclass(frozen=True, slots=True)
class Frequency:
    """A measurement frequency: a code koers computes with, and the plan's own words."""

    code: FrequencyCode
    as_written: str

    @classmethod
    def parse(cls, text: object) -> Frequency:
        if isinstance(text, Frequency):
            return text
        if not isinstance(text, str) or not text.strip():
            raise FrequencyError(f"{text!r} is not a frequency; write for example {ACCEPTED_FORMS}")
        return cls(parse_frequency_code(text), " ".join(text.split()))

    def label(self, lang: str = "nl") -> str:
        return _(FREQUENCIES[self.code].label, lang)

    @property
    def period_kind(self) -> PeriodKind:
        return FREQUENCIES[self.code].kind

    @property
    def step(self) -> int:
        return FREQUENCIES[self.code].step

    @property
    def per_year(self) -> float:
        """Measurements per calendar year (0.25 for a 4-yearly monitor)."""
        return 12 / (_MONTHS_PER_PERIOD[self.period_kind] * self.step)

    def schedule(self, anchor: Period) -> Iterator[Period]:
        """The measurement periods after ``anchor`` (a baseline or the last measurement).

        The anchor is first expressed in the frequency's own kind of period (a yearly
        baseline of 2023 anchors a half-yearly schedule at 2023-H2), then stepped forward. A
        reference date (peildatum) anchors a schedule of reference dates: a yearly count on
        1 January 2024 is next taken on 1 January 2025.
        The iterator is endless: callers stop it.
        """
        kind, step = self.period_kind, self.step
        if anchor.kind == PeriodKind.DATE:  # counts on a peildatum recur on the same date
            months = _MONTHS_PER_PERIOD[kind] * step
            count = 0
            while True:
                count += 1
                yield Period.on(_add_months(anchor.start, months * count))
        current = anchor.as_kind(kind)
        while True:
            current = current.shift(step)
            yield current

    def measures_in(self, anchor: Period, target: Period) -> Period | None:
        """The first scheduled measurement whose period ends inside ``target``, if any."""
        for period in self.schedule(anchor):
            if period.end > target.end:
                return None
            if target.contains(period.end):
                return period
        return None  # pragma: no cover - the schedule is endless


_WORDS = {
    "maandelijks": FrequencyCode.MONTHLY,
    "elke maand": FrequencyCode.MONTHLY,
    "monthly": FrequencyCode.MONTHLY,
    "per kwartaal": FrequencyCode.QUARTERLY,
    "elk kwartaal": FrequencyCode.QUARTERLY,
    "kwartaal": FrequencyCode.QUARTERLY,
    "quarterly": FrequencyCode.QUARTERLY,
    "halfjaarlijks": FrequencyCode.HALF_YEARLY,
    "twice a year": FrequencyCode.HALF_YEARLY,
    "jaarlijks": FrequencyCode.YEARLY,
    "yearly": FrequencyCode.YEARLY,
    "annually": FrequencyCode.YEARLY,
    "once a year": FrequencyCode.YEARLY,
    "per schooljaar": FrequencyCode.SCHOOL_YEARLY,
    "once per school year": FrequencyCode.SCHOOL_YEARLY,
    "tweejaarlijks": FrequencyCode.EVERY_2_YEARS,
    "vierjaarlijks": FrequencyCode.EVERY_4_YEARS,
}
_NUMBERS = {
    "eens": 1,
    "een": 1,
    "één": 1,
    "1": 1,
    "twee": 2,
    "2": 2,
    "drie": 3,
    "3": 3,
    "vier": 4,
    "4": 4,
    "vijf": 5,
    "5": 5,
    "twaalf": 12,
    "12": 12,
    "once": 1,
    "twice": 2,
}
_TIMES_PER = re.compile(
    r"^(?P<times>\w+)\s*(?:x|keer|maal|times)?\s*(?:per|a|every|in)\s+"
    r"(?:(?P<n>\w+)\s+)?(?P<unit>jaar|jaren|years?|schooljaar|school\s+year|maand|month|kwartaal|quarter)$"
)
_EVERY = re.compile(r"^(?:eens|elke|iedere|every|once)\s+(?:per\s+|in\s+|every\s+)?(?P<n>\w+)\s+(?:jaar|years?)$")


def parse_frequency_code(text: str) -> FrequencyCode:
    """Read "1X per 4 jaar" and its many spellings; refuse what is not a regular schedule."""
    raw = " ".join(text.split())
    lowered = raw.lower()
    for code in FrequencyCode:
        if lowered == code.value:
            return code
    if lowered in _WORDS:
        return _WORDS[lowered]
    compact = re.sub(r"(\d)\s*x\b", r"\1 x", lowered)
    match = _TIMES_PER.match(compact)
    if match:
        return _from_times_per(match, raw)
    match = _EVERY.match(lowered)
    if match and match["n"] in _NUMBERS:
        return _every_n_years(_NUMBERS[match["n"]], raw)
    raise FrequencyError(f"'{raw}' is not a frequency koers can read; write for example {ACCEPTED_FORMS}")


def _from_times_per(match: re.Match[str], raw: str) -> FrequencyCode:
    times = _NUMBERS.get(match["times"].rstrip("x"))
    n = _NUMBERS.get(match["n"] or "1")
    unit = match["unit"]
    if times is None or n is None:
        raise FrequencyError(f"'{raw}': cannot read the number of times; write for example {ACCEPTED_FORMS}")
    if unit.startswith(("schooljaar", "school")):
        if times == 1 and n == 1:
            return FrequencyCode.SCHOOL_YEARLY
        raise FrequencyError(f"'{raw}': only once per school year is supported")
    if unit.startswith(("maand", "month")):
        if times == 1 and n == 1:
            return FrequencyCode.MONTHLY
        raise FrequencyError(f"'{raw}': only once a month is supported")
    if unit.startswith(("kwartaal", "quarter")):
        if times == 1 and n == 1:
            return FrequencyCode.QUARTERLY
        raise FrequencyError(f"'{raw}': only once a quarter is supported")
    if n == 1:
        by_times = {
            1: FrequencyCode.YEARLY,
            2: FrequencyCode.HALF_YEARLY,
            4: FrequencyCode.QUARTERLY,
            12: FrequencyCode.MONTHLY,
        }
        if times in by_times:
            return by_times[times]
        raise FrequencyError(f"'{raw}': {times} times a year is not a regular schedule koers knows")
    if times != 1:
        raise FrequencyError(f"'{raw}': write it as once per so many years")
    return _every_n_years(n, raw)


def _every_n_years(n: int, raw: str) -> FrequencyCode:
    codes = {
        1: FrequencyCode.YEARLY,
        2: FrequencyCode.EVERY_2_YEARS,
        3: FrequencyCode.EVERY_3_YEARS,
        4: FrequencyCode.EVERY_4_YEARS,
        5: FrequencyCode.EVERY_5_YEARS,
    }
    if n not in codes:
        raise FrequencyError(f"'{raw}': once every {n} years is not supported (1 to 5 years)")
    return codes[n]
