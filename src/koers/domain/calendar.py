# SPDX-License-Identifier: EUPL-1.2
"""The measurement calendar: which figure to ask for now, from whom, and which are late.

Twice a year the municipality holds a monitoring round. For every goal it must then know
which measurement it can ask for, from which source, and which figures should have been in
already. A goal can only be judged on figures that were actually collected, so this calendar
turns each goal's frequency into a concrete request, with a date by which it is late.

The rules, per goal:

* **anchor**: the latest of the last measurement (``last_measured``) and the period of a known
  or pending baseline. The later one counts, so that an imported historical series does not
  make koers ask again for figures the baseline already covers. A pending baseline anchors
  the schedule too: asking for that baseline is the SMART check's job (``pending-baseline``).
* **expected**: with an anchor, the first period of the frequency's schedule after it
  (``Frequency.schedule``). Without an anchor, the schedule is taken to start with the plan:
  its first period is the first period of the frequency's kind that lies wholly in or after
  the plan's ``start_year`` (for a school year starting in 2024: schooljaar 2024-2025), then
  it steps on (a 4-yearly monitor for a plan from 2024: 2024, 2028). The expected period is
  the latest of those that has ended, or the first when none has ended yet: with no figure
  at all, the most recent one is the one worth asking for.
* A period **has ended** on the day after its last day: 2025-H1 has ended on 1 July 2025,
  not on 30 June. So ``due_on`` is the day after ``expected`` ends, and ``overdue_on`` is its
  last day plus ``grace_days``, because sources publish with a delay.
* **status**: ``overdue`` after ``overdue_on``; ``due`` from ``due_on`` up to and including
  ``overdue_on``; ``upcoming`` before ``due_on``; ``no-schedule`` without a frequency.
* **missing**: every scheduled period after the anchor that has ended, oldest first, so the
  round can ask for all of them; ``expected`` is the first. Without an anchor it holds only
  the expected period, once that has ended.

Like the SMART check, the explanation is declared once per status in ``STATUSES`` and
rendered in Dutch (B1) or English only when asked.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from itertools import chain
from typing import Any, Final

from koers.domain.baselines import BaselineStatus
from koers.domain.formatting import format_date
from koers.domain.frequency import Frequency
from koers.domain.goals import Goal
from koers.domain.periods import Period, PeriodKind
from koers.domain.plan import Plan
from koers.domain.status import DEFAULT_THRESHOLDS
from koers.domain.vocabulary import every
from koers.domain.wording import Wording, listing
from koers.i18n import N_, _

#: The same grace as the assessment's: a figure is late from the day it would count as no data.
DEFAULT_GRACE_DAYS: Final = DEFAULT_THRESHOLDS.grace_days


class DueStatus(StrEnum):
    OVERDUE = "overdue"
    DUE = "due"
    UPCOMING = "upcoming"
    NO_SCHEDULE = "no-schedule"

    def label(self, lang: str = "nl") -> str:
        return _(STATUSES[self].label, lang)


@dataclass(frozen=True, slots=True)
class StatusText:
    """A calendar status's label and explanation: Dutch ids (English: koers.i18n)."""

    label: str
    message: str


# Placeholders: {unknown} and {gap} are whole sentences or empty; {at} names the source
# (" bij Suite4SD") or is empty; the rest are periods, dates and the grace in days.
STATUSES: Final = every(
    DueStatus,
    {
        DueStatus.OVERDUE: StatusText(
            N_("te laat"),
            N_(
                "{unknown}{gap}De meting over {expected} had binnen {grace} dagen na afloop binnen moeten zijn "
                "(uiterlijk {overdue_on}). Vraag de cijfers op{at}."
            ),
        ),
        DueStatus.DUE: StatusText(
            N_("nu opvragen"),
            N_(
                "{unknown}{gap}De cijfers over {expected} zijn nu op te vragen. Vraag ze op{at}. "
                "Ze moeten uiterlijk {overdue_on} binnen zijn."
            ),
        ),
        DueStatus.UPCOMING: StatusText(
            N_("nog niet"),
            N_("{unknown}De volgende meting gaat over {expected}. Vraag de cijfers vanaf {due_on} op{at}."),
        ),
        DueStatus.NO_SCHEDULE: StatusText(
            N_("geen meetfrequentie"),
            N_(
                "Dit doel heeft geen meetfrequentie. Daarom is niet te zeggen welke meting nu nodig is. "
                "Leg vast hoe vaak er wordt gemeten."
            ),
        ),
    },
)

_UNKNOWN = Wording(N_("Er is nog geen meting of nulmeting bekend. "))


@dataclass(frozen=True, slots=True)
class DueItem:
    """What the monitoring round must do for one goal."""

    goal: str
    source: str | None
    frequency: Frequency | None
    anchor: Period | None
    expected: Period | None
    due_on: date | None
    overdue_on: date | None
    status: DueStatus
    missing: tuple[Period, ...]
    grace_days: int

    def message(self, lang: str = "nl") -> str:
        """Why this status, and what to do, in ``lang`` (Dutch by default)."""
        template = _(STATUSES[self.status].message, lang)
        return template.format_map({key: _render(value, lang) for key, value in self._context().items()})

    def _context(self) -> dict[str, Any]:
        gap: Wording | str = ""
        if len(self.missing) > 1:
            gap = Wording(
                N_("Er ontbreken {count} metingen: {periods}. "), {"count": len(self.missing), "periods": self.missing}
            )
        return {
            "unknown": _UNKNOWN if self.anchor is None else "",
            "gap": gap,
            "expected": self.expected,
            "due_on": self.due_on,
            "overdue_on": self.overdue_on,
            "grace": self.grace_days,
            "at": Wording(N_(" bij {source}"), {"source": self.source}) if self.source else "",
        }


def due(
    plan: Plan,
    *,
    as_of: date,
    last_measured: Mapping[str, Period] | None = None,
    grace_days: int = DEFAULT_GRACE_DAYS,
) -> list[DueItem]:
    """One item per goal, in the plan's order: what to ask for on ``as_of`` (see the module)."""
    if grace_days < 0:
        raise ValueError(f"grace_days must be 0 or more, not {grace_days}")
    measured = last_measured or {}
    return [_item(goal, plan.start_year, as_of, measured.get(goal.id), grace_days) for goal in plan.goals]


def due_summary(items: Iterable[DueItem]) -> dict[DueStatus, int]:
    """How many goals have each status; every status is present, in the order of ``DueStatus``."""
    counts = Counter(item.status for item in items)
    return {status: counts[status] for status in DueStatus}


def has_ended(period: Period, as_of: date) -> bool:
    """Whether ``period`` is over on ``as_of``: its last day counts as part of it."""
    return as_of > period.end


def anchor_of(goal: Goal, last_measured: Period | None) -> Period | None:
    """The later of the last measurement and a known or pending baseline's period."""
    baseline = goal.baseline
    stated = baseline.period if baseline is not None and baseline.status != BaselineStatus.ABSENT else None
    candidates = [period for period in (last_measured, stated) if period is not None]
    return max(candidates) if candidates else None


def first_period_from(kind: PeriodKind, year: int) -> Period:
    """The first period of ``kind`` that lies wholly in or after ``year``."""
    period = Period.on(date(year, 1, 1)).as_kind(kind)
    return period if period.start.year >= year else period.shift(1)


def _item(goal: Goal, start_year: int, as_of: date, last_measured: Period | None, grace_days: int) -> DueItem:
    anchor = anchor_of(goal, last_measured)
    frequency = goal.frequency
    if frequency is None:
        return DueItem(goal.id, goal.source, None, anchor, None, None, None, DueStatus.NO_SCHEDULE, (), grace_days)
    if anchor is None:
        ended, upcoming = _split(_from_start(frequency, start_year), as_of)
        expected, missing = (ended[-1] if ended else upcoming), ended[-1:]
    else:
        ended, upcoming = _split(frequency.schedule(anchor), as_of)
        expected, missing = (ended[0] if ended else upcoming), ended
    overdue_on = expected.end + timedelta(days=grace_days)
    return DueItem(
        goal.id,
        goal.source,
        frequency,
        anchor,
        expected,
        expected.end + timedelta(days=1),
        overdue_on,
        _status(expected, as_of, overdue_on),
        missing,
        grace_days,
    )


def _from_start(frequency: Frequency, start_year: int) -> Iterator[Period]:
    """The schedule as if it started with the plan (for goals with no anchor at all)."""
    first = first_period_from(frequency.period_kind, start_year)
    return chain([first], frequency.schedule(first))


def _split(schedule: Iterator[Period], as_of: date) -> tuple[tuple[Period, ...], Period]:
    """The scheduled periods that have ended on ``as_of``, and the first that has not."""
    ended: list[Period] = []
    for period in schedule:
        if not has_ended(period, as_of):
            return tuple(ended), period
        ended.append(period)
    raise AssertionError("a schedule is endless")  # pragma: no cover


def _status(expected: Period, as_of: date, overdue_on: date) -> DueStatus:
    if as_of > overdue_on:
        return DueStatus.OVERDUE
    if has_ended(expected, as_of):
        return DueStatus.DUE
    return DueStatus.UPCOMING


def _render(value: Any, lang: str) -> Any:
    if isinstance(value, Wording):
        return value.render(lang, _render)
    if isinstance(value, Period):
        return value.label(lang)
    if isinstance(value, tuple):  # periods: '1e helft 2024, 2e helft 2024 en 1e helft 2025'
        return listing([str(_render(item, lang)) for item in value], lang)
    if isinstance(value, date):
        return format_date(value, lang)
    return value
