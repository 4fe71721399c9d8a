# SPDX-License-Identifier: EUPL-1.2
"""What changed since the previous report: the first thing a council member asks.

Twice a year the council gets a report; between two reports goals change status, new figures
come in, and earlier figures are revised. This module compares two assessments of the same
plan (at the end of the previous reporting period and of this one) and lists, per goal, which
way it went (:class:`Trend`), which figures are new and which were revised since.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Final

from koers.domain.assessment import Assessment
from koers.domain.measurements import Measurement
from koers.domain.status import WORST_FIRST, Status
from koers.domain.vocabulary import every
from koers.i18n import N_, _


class Trend(StrEnum):
    """Which way a goal's status went since the previous report."""

    BETTER = "better"
    WORSE = "worse"
    SAME = "same"
    NEW = "new"  # judged now, not then

    def label(self, lang: str = "nl") -> str:
        return _(TRENDS[self].label, lang)

    @property
    def mark(self) -> str:
        """A sign for a table cell, always shown with its label (never the sign alone)."""
        return TRENDS[self].mark


@dataclass(frozen=True, slots=True)
class TrendInfo:
    mark: str
    label: str


TRENDS: Final = every(
    Trend,
    {
        Trend.BETTER: TrendInfo("▲", N_("beter")),
        Trend.WORSE: TrendInfo("▼", N_("slechter")),
        Trend.SAME: TrendInfo("=", N_("gelijk")),
        Trend.NEW: TrendInfo("•", N_("nu pas te beoordelen")),
    },
)


def trend(before: Status | None, after: Status) -> Trend:
    """Better or worse by the order from bad to good (koers.domain.status); a goal that could
    not be judged before but can now is new, not better."""
    if before == after:
        return Trend.SAME
    if before is None or (not before.judged and after.judged):
        return Trend.NEW
    if not after.judged:
        return Trend.WORSE if before.judged else Trend.SAME
    return Trend.BETTER if WORST_FIRST.index(after) > WORST_FIRST.index(before) else Trend.WORSE


@dataclass(frozen=True, slots=True)
class StatusChange:
    goal: str
    before: Status
    after: Status

    @property
    def trend(self) -> Trend:
        return trend(self.before, self.after)


@dataclass(frozen=True, slots=True)
class Changes:
    """What changed between the previous report (as of ``since``) and this one (``until``)."""

    since: date
    until: date
    trends: Mapping[str, Trend]
    statuses: tuple[StatusChange, ...]
    new_figures: tuple[Measurement, ...]
    revisions: tuple[Measurement, ...]

    @property
    def nothing(self) -> bool:
        return not (self.statuses or self.new_figures or self.revisions)


def changes_since(
    before: Mapping[str, Assessment],
    after: Mapping[str, Assessment],
    figures: Iterable[Measurement],
    *,
    since: date,
    until: date,
) -> Changes:
    """The changes from ``before`` (assessed as of ``since``) to ``after`` (as of ``until``).

    A new figure is one for a period that ended after ``since``; a revision is a later version
    of a figure, recorded after ``since``.
    """
    trends = {goal: trend(before[goal].status if goal in before else None, a.status) for goal, a in after.items()}
    statuses = tuple(
        StatusChange(goal, before[goal].status, a.status)
        for goal, a in after.items()
        if goal in before and before[goal].status != a.status
    )
    shown = [m for m in figures if m.subject in after and m.period.end <= until]
    new = tuple(m for m in shown if m.period.end > since)
    revised = tuple(
        m
        for m in shown
        if m.version > 1 and m.period.end <= since and m.recorded_at is not None and m.recorded_at.date() > since
    )
    return Changes(since, until, trends, statuses, new, revised)
