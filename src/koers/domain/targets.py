# SPDX-License-Identifier: EUPL-1.2
"""Targets (*streefwaarden*) as the plan states them, and resolved to a number.

Plans state targets in two ways: as a value ("minstens 60%", "maximaal 1.100 huishoudens")
or as a change from the baseline ("gestegen met 10%", "afgenomen met 20%", "maximaal met 9%
toegenomen", "gelijk aan het niveau van 2023", "met minimaal 10% per jaar"). koers keeps the
change exactly as written and resolves it to an absolute value whenever a baseline exists:
5,377 with +10% gives 5,914.7. A change without a baseline cannot be resolved, and says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, Final

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from koers.domain.baselines import Baseline
from koers.domain.fields import PeriodValue
from koers.domain.vocabulary import every
from koers.i18n import N_, _


class Direction(StrEnum):
    """Which way is better, and whether the target is a point to reach or a bound to keep."""

    INCREASE = "increase"
    DECREASE = "decrease"
    AT_LEAST = "at-least"
    AT_MOST = "at-most"
    MAINTAIN = "maintain"

    @property
    def higher_is_better(self) -> bool | None:
        """True for increase/at-least, False for decrease/at-most, None for maintain."""
        return DIRECTIONS[self].higher_is_better

    @property
    def is_bound(self) -> bool:
        """Whether the target is a bound to keep (at least, at most) rather than a point to reach."""
        return DIRECTIONS[self].bound

    def label(self, lang: str = "nl") -> str:
        return _(DIRECTIONS[self].label, lang)


@dataclass(frozen=True, slots=True)
class DirectionInfo:
    """What koers knows about a direction; the label is a Dutch id (English: koers.i18n)."""

    label: str
    higher_is_better: bool | None
    bound: bool


DIRECTIONS: Final = every(
    Direction,
    {
        Direction.INCREASE: DirectionInfo(N_("stijgen"), higher_is_better=True, bound=False),
        Direction.DECREASE: DirectionInfo(N_("dalen"), higher_is_better=False, bound=False),
        Direction.AT_LEAST: DirectionInfo(N_("minimaal"), higher_is_better=True, bound=True),
        Direction.AT_MOST: DirectionInfo(N_("maximaal"), higher_is_better=False, bound=True),
        Direction.MAINTAIN: DirectionInfo(N_("gelijk blijven"), higher_is_better=None, bound=False),
    },
)


class ChangeKind(StrEnum):
    PERCENT = "percent"  # +10% of the baseline
    POINTS = "points"  # -5 percentage points (an absolute change)
    EQUAL = "equal"  # equal to the baseline
    PERCENT_PER_YEAR = "percent-per-year"  # +10% per year, compounded


@dataclass(frozen=True, slots=True)
class Change:
    """A change relative to the baseline, as the plan writes it."""

    kind: ChangeKind
    amount: float
    as_written: str

    def apply(self, baseline: float, years: float | None = None) -> float | None:
        """The value this change leads to from ``baseline``; None when years are needed but unknown."""
        match self.kind:
            case ChangeKind.PERCENT:
                result = baseline * (1 + self.amount / 100)
            case ChangeKind.POINTS:
                result = baseline + self.amount
            case ChangeKind.EQUAL:
                result = baseline
            case ChangeKind.PERCENT_PER_YEAR:
                if years is None:
                    return None
                result = baseline * (1 + self.amount / 100) ** years
        return _clean(result)


CHANGE_FORMS = "'+10%', '-20%', '-5 pp' (procentpunt), '+10% per jaar', 'gelijk'"
_NUMBER = r"(?P<sign>[+-])\s*(?P<num>\d+(?:[.,]\d+)?)"
_CHANGE_PATTERNS = [
    (re.compile(rf"^{_NUMBER}\s*%\s*(?:per\s+jaar|per\s+year|/\s*jaar|a\s+year)$"), ChangeKind.PERCENT_PER_YEAR),
    (re.compile(rf"^{_NUMBER}\s*%$"), ChangeKind.PERCENT),
    (re.compile(rf"^{_NUMBER}\s*(?:pp|%-?punt(?:en)?|procentpunt(?:en)?|percentage\s*points?)$"), ChangeKind.POINTS),
]
_EQUAL = {
    "=",
    "gelijk",
    "gelijk aan de nulmeting",
    "gelijk aan nulmeting",
    "equal",
    "equal to the baseline",
    "0%",
    "+0%",
}


def parse_change(value: Any) -> Change:
    if isinstance(value, Change):
        return value
    text = " ".join(str(value).split())
    lowered = text.lower()
    if lowered in _EQUAL:
        return Change(ChangeKind.EQUAL, 0.0, text)
    for pattern, kind in _CHANGE_PATTERNS:
        match = pattern.match(lowered)
        if match:
            amount = float(match["num"].replace(",", "."))
            return Change(kind, -amount if match["sign"] == "-" else amount, text)
    raise PydanticCustomError(
        "invalid-change",
        "'{value}' is not a change koers can read; write for example " + CHANGE_FORMS,
        {"value": text},
    )


ChangeValue = Annotated[
    Change,
    BeforeValidator(parse_change),
    PlainSerializer(lambda c: c.as_written, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "description": "A change relative to the baseline, with its sign: " + CHANGE_FORMS,
            "examples": ["+10%", "-20%", "-5 pp", "+10% per jaar", "gelijk"],
        }
    ),
]


class ToleranceKind(StrEnum):
    ABSOLUTE = "absolute"  # in the goal's unit (for a percentage: percentage points)
    RELATIVE = "relative"  # a percentage of the baseline


@dataclass(frozen=True, slots=True)
class Tolerance:
    """How far a 'keep equal' goal may move before it no longer counts as equal."""

    kind: ToleranceKind
    amount: float
    as_written: str

    def band(self, centre: float) -> tuple[float, float]:
        width = self.amount if self.kind == ToleranceKind.ABSOLUTE else abs(centre) * self.amount / 100
        return (_clean(centre - width), _clean(centre + width))


def parse_tolerance(value: Any) -> Tolerance:
    if isinstance(value, Tolerance):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value < 0:
            raise PydanticCustomError("invalid-tolerance", "a tolerance cannot be negative", {"value": str(value)})
        return Tolerance(ToleranceKind.ABSOLUTE, float(value), str(value))
    text = " ".join(str(value).split())
    match = re.match(r"^(?:±|\+/-|\+-)?\s*(?P<num>\d+(?:[.,]\d+)?)\s*(?P<unit>%|pp|procentpunt(?:en)?)?$", text.lower())
    if not match:
        raise PydanticCustomError(
            "invalid-tolerance",
            "'{value}' is not a tolerance; write a number in the goal's unit (1.5), "
            "'2%' (of the baseline) or '1 pp' (percentage points)",
            {"value": text},
        )
    amount = float(match["num"].replace(",", "."))
    kind = ToleranceKind.RELATIVE if match["unit"] == "%" else ToleranceKind.ABSOLUTE
    return Tolerance(kind, amount, text)


ToleranceValue = Annotated[
    Tolerance,
    BeforeValidator(parse_tolerance),
    PlainSerializer(lambda t: t.as_written, return_type=str),
    WithJsonSchema(
        {
            "type": ["string", "number"],
            "description": "For 'maintain' goals: how far the value may move and still count as equal. "
            "A number in the goal's unit, '2%' of the baseline, or '1 pp'.",
            "examples": [1.5, "2%", "1 pp"],
        }
    ),
]


class Target(BaseModel):
    """A target: a value, a change from the baseline, or both (then they must agree)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    value: float | None = Field(default=None, description="The target as an absolute value, if the plan states one.")
    change: ChangeValue | None = Field(
        default=None, description="The target as a change from the baseline, as written."
    )
    period: PeriodValue | None = Field(
        default=None, description="When the target must be met ('2027', 'schooljaar 2026-2027')."
    )
    tolerance: ToleranceValue | None = Field(
        default=None, description="For 'maintain' goals: the band that still counts as equal."
    )

    @model_validator(mode="after")
    def _has_value_or_change(self) -> Target:
        if self.value is None and self.change is None:
            raise PydanticCustomError("target-without-value", "a target needs a 'value' or a 'change' (or both)", {})
        return self

    def resolve(self, baseline: Baseline | None) -> float | None:
        """The absolute target: the stated value, or the change applied to a known baseline."""
        if self.value is not None:
            return self.value
        return self.resolve_change(baseline)

    def resolve_change(self, baseline: Baseline | None) -> float | None:
        if self.change is None or baseline is None or not baseline.is_known:
            return None
        assert baseline.value is not None and baseline.period is not None
        years = baseline.period.years_until(self.period) if self.period is not None else None
        return self.change.apply(baseline.value, years)

    def disagreement(self, baseline: Baseline | None) -> float | None:
        """The change's outcome when it contradicts the stated value, else None.

        A plan may state both ("een absolute afname van 5% naar 46% ... ten opzichte van 51%");
        they agree when the value is the change's outcome rounded to the value's decimals.
        """
        if self.value is None:
            return None
        resolved = self.resolve_change(baseline)
        if resolved is None:
            return None
        half_unit = 0.5 * 10 ** -_decimals(self.value)
        return None if abs(resolved - self.value) <= half_unit + 1e-9 else resolved


def _decimals(value: float) -> int:
    text = repr(float(value))
    if "e" in text:
        return 6
    return len(text.split(".")[1].rstrip("0")) if "." in text else 0


def _clean(value: float) -> float:
    """Round away binary noise (5377 * 1.1 = 5914.700000000001) without losing real precision."""
    return round(value, 9)
