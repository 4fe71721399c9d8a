# SPDX-License-Identifier: EUPL-1.2
"""Measurements: one value of one indicator, for one period and one area, with provenance.

Figures arrive from many sources at different rhythms and are revised: CBS publishes a figure
as provisional and later as final, a registration is corrected. A measurement is therefore
never overwritten; every correction or revision is a new version of the same point
(subject, period, area), and the history stays. Which version counts is a rule of the domain,
not of the database: the latest final version, else the latest provisional one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Final

from koers.domain.periods import Period
from koers.domain.vocabulary import every
from koers.i18n import N_, _


class MeasurementStatus(StrEnum):
    PROVISIONAL = "provisional"
    FINAL = "final"

    def label(self, lang: str = "nl") -> str:
        return _(STATUS_LABELS[self], lang)


#: How a status reads (English: koers.i18n).
STATUS_LABELS: Final = every(
    MeasurementStatus, {MeasurementStatus.PROVISIONAL: N_("voorlopig"), MeasurementStatus.FINAL: N_("definitief")}
)


class SubjectKind(StrEnum):
    """What a measurement is of: a goal of the plan, a BBV indicator, or a supporting series
    such as the number of inhabitants that a rate is computed from."""

    GOAL = "goal"
    BBV = "bbv"
    SERIES = "series"


@dataclass(frozen=True, slots=True)
class Derivation:
    """How a derived value was computed, so that anyone can redo the sum."""

    formula: str
    inputs: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Measurement:
    subject: str
    period: Period
    area: str
    value: float
    status: MeasurementStatus = MeasurementStatus.FINAL
    version: int = 1
    numerator: float | None = None
    denominator: float | None = None
    sample_size: int | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    source: str | None = None
    source_ref: str | None = None
    recorded_at: datetime | None = None
    recorded_by: str | None = None
    note: str | None = None
    derivation: Derivation | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str, str]:
        """The point this is a version of: (subject, period code, area)."""
        return (self.subject, self.period.code, self.area)


def current_version(versions: Iterable[Measurement]) -> Measurement | None:
    """The version that counts: the latest final one, else the latest provisional one."""
    latest_final: Measurement | None = None
    latest_any: Measurement | None = None
    for m in versions:
        if latest_any is None or m.version > latest_any.version:
            latest_any = m
        if m.status == MeasurementStatus.FINAL and (latest_final is None or m.version > latest_final.version):
            latest_final = m
    return latest_final or latest_any


def rate(numerator: float, denominator: float, per: int) -> float:
    """A rate per ``per`` (1,000 or 10,000) of a population, rounded away from binary noise."""
    if denominator == 0:
        raise ZeroDivisionError("the population is 0: a rate cannot be computed")
    return round(numerator / denominator * per, 9)
