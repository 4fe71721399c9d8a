# SPDX-License-Identifier: EUPL-1.2
"""Measurements: one value of one indicator, for one period and one area, with provenance.

Figures arrive from many sources at different rhythms and are revised: CBS publishes a figure
as provisional and later as final, a registration is corrected. A measurement is therefore
never overwritten; every correction or revision is a new version of the same point
(subject, period, area), and the history stays. Which version counts is a rule of the domain,
not of the database: the latest final version, else the latest provisional one.

A figure that is not there still has a place: Dutch tables write *n.b.* (niet beschikbaar),
*n.n.b.* (nog niet bekend) or *n.a.* (niet van toepassing) in a cell. Such a measurement has no
value, an :class:`Unavailable` code and a reason (its note). It is a version like any other: a
later real figure supersedes it, and vice versa. It is shown as its code with the reason, never
as 0, and it accounts for its period (the figure was asked for and the answer is "not there").
"""

from __future__ import annotations

import re
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


class Unavailable(StrEnum):
    """Why a figure is not there: the codes Dutch indicator tables write in a cell."""

    NOT_AVAILABLE = "n.b."
    NOT_YET_KNOWN = "n.n.b."
    NOT_APPLICABLE = "n.a."

    def label(self, lang: str = "nl") -> str:
        return _(UNAVAILABLE_LABELS[self], lang)


#: What each code means (English: koers.i18n).
UNAVAILABLE_LABELS: Final = every(
    Unavailable,
    {
        Unavailable.NOT_AVAILABLE: N_("niet beschikbaar"),
        Unavailable.NOT_YET_KNOWN: N_("nog niet bekend"),
        Unavailable.NOT_APPLICABLE: N_("niet van toepassing"),
    },
)

#: The spellings tables use, after :func:`_spelling_key` (lower case, no dots, no spaces):
#: "n.b.", "nb", "N.B", "n. b." are all n.b.; "n.v.t." (niet van toepassing) is n.a. Signs
#: that mean something else in some tables ("-" is nil at CBS, "x" is secret, "." is
#: unknown or secret) are deliberately not read: they need a person to decide.
UNAVAILABLE_SPELLINGS: Final[dict[str, Unavailable]] = {
    "nb": Unavailable.NOT_AVAILABLE,
    "nnb": Unavailable.NOT_YET_KNOWN,
    "na": Unavailable.NOT_APPLICABLE,
    "nvt": Unavailable.NOT_APPLICABLE,
}

_NOT_IN_KEY = re.compile(r"[.\s]+")


def _spelling_key(text: str) -> str:
    return _NOT_IN_KEY.sub("", text).lower()


def read_unavailable(text: object) -> Unavailable | None:
    """The code a cell means (``"N.B."``, ``"nnb"``, ``"n.v.t."`` ...), or None if it is no such
    spelling. Cheap for numbers: anything that is not a short string is None at once."""
    if not isinstance(text, str) or len(text) > 12:
        return None
    return UNAVAILABLE_SPELLINGS.get(_spelling_key(text))


class InvalidMeasurement(ValueError):
    """A measurement that breaks a rule of the domain (a value and an unavailable code, or an
    unavailable figure without a reason)."""


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
    #: None exactly when :attr:`unavailable` is set.
    value: float | None
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
    #: Why the figure is not there (its reason is :attr:`note`); None for a real figure.
    unavailable: Unavailable | None = None

    def __post_init__(self) -> None:
        if self.unavailable is None and self.value is None:
            raise InvalidMeasurement(
                f"{self.subject} {self.period.code} {self.area}: no value; "
                "a figure that is not there needs an unavailable code (n.b., n.n.b. or n.a.)"
            )
        if self.unavailable is not None and self.value is not None:
            raise InvalidMeasurement(
                f"{self.subject} {self.period.code} {self.area}: both a value ({self.value}) and "
                f"{self.unavailable.value}; a figure is either there or not"
            )
        if self.unavailable is not None and not (self.note and self.note.strip()):
            raise InvalidMeasurement(
                f"{self.subject} {self.period.code} {self.area}: {self.unavailable.value} without a "
                "reason; say in the note why the figure is not there"
            )

    @property
    def available(self) -> bool:
        """True for a real figure, False for n.b., n.n.b. or n.a."""
        return self.unavailable is None

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
