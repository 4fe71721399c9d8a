# SPDX-License-Identifier: EUPL-1.2
"""Units of indicators: what a number means.

A goal's unit decides how its numbers are read, compared and shown: a percentage (0-100), a
count, an amount in euro, a rate per 1,000 or 10,000 of a stated population, or a duration in
nights or days. Measurements in another unit are refused later, so the unit is explicit.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, Final

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from koers.domain.vocabulary import every
from koers.i18n import N_, _


class UnitKind(StrEnum):
    PERCENTAGE = "percentage"
    COUNT = "count"
    EURO = "euro"
    RATE = "rate"
    NIGHTS = "nights"
    DAYS = "days"
    WEEKS = "weeks"
    SCORE = "score"
    OTHER = "other"


#: How a unit of each kind reads after a number (English: koers.i18n). The symbol '%' and the
#: empty label of 'other' are the same in every language; a rate reads 'per 1.000 inwoners',
#: from its own 'per' and 'population'.
SHORT_LABELS: Final = every(
    UnitKind,
    {
        UnitKind.PERCENTAGE: "%",
        UnitKind.COUNT: N_("aantal"),
        UnitKind.EURO: N_("euro"),
        UnitKind.RATE: "",
        UnitKind.NIGHTS: N_("nachten"),
        UnitKind.DAYS: N_("dagen"),
        UnitKind.WEEKS: N_("weken"),
        UnitKind.SCORE: N_("score"),
        UnitKind.OTHER: "",
    },
)


#: How one of a kind of unit reads, where it differs from many (English: koers.i18n).
SINGULAR_LABELS: Final = {
    UnitKind.NIGHTS: N_("nacht"),
    UnitKind.DAYS: N_("dag"),
    UnitKind.WEEKS: N_("week"),
}
#: Dutch plurals whose singular is not made by the rules in :func:`singular`.
IRREGULAR_PLURALS: Final = {
    "kinderen": "kind",
    "jongeren": "jongere",
    "ouderen": "oudere",
    "volwassenen": "volwassene",
    "mensen": "mens",
    "steden": "stad",
    "schepen": "schip",
}


def singular(label: str) -> str:
    """One of a counted thing in Dutch, from the plan's plural: 'huishoudens' -> 'huishouden',
    'ontmoetingsplekken' -> 'ontmoetingsplek', 'kinderen' -> 'kind'. Only the last word changes
    ('jongeren met jeugdhulp' -> 'jongere met jeugdhulp' is beyond this: the first word counts)."""
    first, space, rest = label.partition(" ")
    word = first.lower()
    for plural, one in IRREGULAR_PLURALS.items():
        if word.endswith(plural):
            return first[: len(first) - len(plural)] + one + space + rest
    if word.endswith("s") and len(word) > 3 and not word.endswith("ss"):
        return first[:-1] + space + rest
    if word.endswith("en") and len(word) > 4:
        stem = first[:-2]
        if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
            stem = stem[:-1]  # plekken -> plek
        return stem + space + rest
    return label


@dataclass(frozen=True, slots=True)
class Bounds:
    """The values a unit can take at all: a percentage lies in 0-100, a count is not negative.

    The SMART check refuses a baseline or target outside them, and a forecast is cut off at
    them, so that koers never predicts 108.9% or -3 children.
    """

    low: float | None
    high: float | None

    def clamp(self, value: float) -> float:
        if self.low is not None and value < self.low:
            return self.low
        if self.high is not None and value > self.high:
            return self.high
        return value

    def contains(self, value: float) -> bool:
        return self.clamp(value) == value


_NOT_NEGATIVE = Bounds(0.0, None)

#: What each kind of unit allows (a score and 'other' are free: their scale is the plan's).
BOUNDS: Final = every(
    UnitKind,
    {
        UnitKind.PERCENTAGE: Bounds(0.0, 100.0),
        UnitKind.COUNT: _NOT_NEGATIVE,
        UnitKind.EURO: _NOT_NEGATIVE,
        UnitKind.RATE: _NOT_NEGATIVE,
        UnitKind.NIGHTS: _NOT_NEGATIVE,
        UnitKind.DAYS: _NOT_NEGATIVE,
        UnitKind.WEEKS: _NOT_NEGATIVE,
        UnitKind.SCORE: Bounds(None, None),
        UnitKind.OTHER: Bounds(None, None),
    },
)


#: The largest size of any number koers takes in (a value, the counts behind it, an interval, an
#: amount in euro): a thousand billion. No municipal figure comes near it, and every sum, square
#: and product koers makes of numbers this size stays far from what a float can hold; a value of
#: 1e155 once made the forecast overflow and took every page down.
LARGEST: Final = 1e12
#: What a value of a unit without a natural scale may be: at most :data:`LARGEST` either way.
ANY_SIZE: Final = Bounds(-LARGEST, LARGEST)
_COUNTED = Bounds(0.0, 1e10)

#: The plausible range of a value of each kind of unit: an imported figure outside it is refused,
#: at its row and column (docs/import-format.md lists it). Unlike :data:`BOUNDS` both ends are
#: finite. A count, a rate or a duration is not negative and at most ten billion (more than any
#: count of people, homes or nights in the Netherlands); an amount in euro may be negative (a
#: deficit); a score keeps the plan's own scale (a grade, an index, -100 to 100), so it is only
#: held to :data:`LARGEST`.
PLAUSIBLE: Final = every(
    UnitKind,
    {
        UnitKind.PERCENTAGE: Bounds(0.0, 100.0),
        UnitKind.COUNT: _COUNTED,
        UnitKind.EURO: ANY_SIZE,
        UnitKind.RATE: _COUNTED,
        UnitKind.NIGHTS: _COUNTED,
        UnitKind.DAYS: _COUNTED,
        UnitKind.WEEKS: _COUNTED,
        UnitKind.SCORE: ANY_SIZE,
        UnitKind.OTHER: ANY_SIZE,
    },
)


#: Units whose values are whole things: a count, whole euros, nights, days, weeks. An estimate in
#: them (a forecast) is written whole: not "273,4 kinderen".
WHOLE_UNITS: Final = frozenset({UnitKind.COUNT, UnitKind.EURO, UnitKind.NIGHTS, UnitKind.DAYS, UnitKind.WEEKS})


@dataclass(frozen=True, slots=True)
class MinimalChange:
    """The smallest change of a unit that counts as a real change, where no sample size or
    interval allows a significance test: an absolute amount in the unit (1 percentage point),
    or a share of the baseline (5% of a count). Smaller moves are noise: a direction-only goal
    ("toename") is not met by them (docs/methodology.md)."""

    absolute: float | None = None
    relative: float | None = None

    def of(self, baseline: float) -> float:
        """The minimal relevant change from ``baseline``, in the unit."""
        if self.absolute is not None:
            return self.absolute
        return abs(baseline) * (self.relative or 0.0)


_FIVE_PERCENT = MinimalChange(relative=0.05)

#: The minimal relevant change per kind of unit, declared once (docs/methodology.md lists it).
MINIMAL_CHANGES: Final = every(
    UnitKind,
    {
        UnitKind.PERCENTAGE: MinimalChange(absolute=1.0),
        UnitKind.COUNT: _FIVE_PERCENT,
        UnitKind.EURO: _FIVE_PERCENT,
        UnitKind.RATE: _FIVE_PERCENT,
        UnitKind.NIGHTS: _FIVE_PERCENT,
        UnitKind.DAYS: _FIVE_PERCENT,
        UnitKind.WEEKS: _FIVE_PERCENT,
        UnitKind.SCORE: _FIVE_PERCENT,
        UnitKind.OTHER: _FIVE_PERCENT,
    },
)


class Unit(BaseModel):
    """The unit of an indicator; a plan file may write just the kind (``unit: percentage``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: UnitKind
    per: int | None = Field(
        default=None,
        description="For a rate: per how many of the population (1000, 10000, 100000).",
    )
    population: str | None = Field(
        default=None, description="For a rate: of whom ('inwoners', 'jeugdigen tot 18 jaar')."
    )
    label: str | None = Field(
        default=None,
        description="What is counted, in the plan's words ('kinderen', 'huishoudens'); "
        "the free-text name for kind 'other'.",
    )
    label_one: str | None = Field(
        default=None,
        description="The label for one ('kind', 'huishouden'), where the plural's singular is not "
        "the usual Dutch one; left out, koers makes it from the label.",
    )

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"kind": data}
        return data

    @model_validator(mode="after")
    def _rate_needs_base(self) -> Unit:
        if self.kind == UnitKind.RATE and (self.per is None or self.population is None):
            raise PydanticCustomError("rate-without-base", "a rate needs 'per' (for example 1000) and 'population'", {})
        if self.kind != UnitKind.RATE and self.per is not None:
            raise PydanticCustomError("base-without-rate", "'per' only belongs to a unit of kind 'rate'", {})
        if self.per is not None and self.per not in (100, 1000, 10000, 100000):
            raise PydanticCustomError("invalid-rate-base", "'per' must be 100, 1000, 10000 or 100000", {})
        return self

    def label_text(self, lang: str = "nl") -> str:
        """How the unit reads after a number: '%', 'per 1.000 inwoners', 'kinderen'."""
        if self.kind == UnitKind.RATE:
            from koers.domain.formatting import format_number  # it reads units: imported late

            return f"per {format_number(self.per or 0, lang)} {self.population}"
        if self.label:
            return self.label
        return _(SHORT_LABELS[self.kind], lang)  # '%' and '' are not in the catalogue: they stay

    def label_for(self, value: float, lang: str = "nl") -> str:
        """The label after ``value``: singular for exactly one ('1 ontmoetingsplek', '1 kind'); none
        for a count the plan does not name ('121', not '121 aantal')."""
        if self.kind == UnitKind.COUNT and not self.label:
            return ""
        if self.kind == UnitKind.RATE or abs(value) != 1:
            return self.label_text(lang)
        if self.label_one:
            return self.label_one
        if self.label:
            return singular(self.label)
        return _(SINGULAR_LABELS.get(self.kind, SHORT_LABELS[self.kind]), lang)

    @property
    def bounds(self) -> Bounds:
        """The values this unit can take at all."""
        return BOUNDS[self.kind]

    @property
    def plausible(self) -> Bounds:
        """The values a figure in this unit can plausibly have: what an import accepts."""
        return PLAUSIBLE[self.kind]

    @property
    def minimal_change(self) -> MinimalChange:
        """The smallest change that counts as real where no significance test is possible."""
        return MINIMAL_CHANGES[self.kind]

    def same_as(self, other: Unit) -> bool:
        """Whether two units measure the same thing (the label is only wording)."""

        def population(unit: Unit) -> str | None:
            return unit.population.casefold() if unit.population else None

        return (self.kind, self.per, population(self)) == (other.kind, other.per, population(other))


_KINDS = [k.value for k in UnitKind]

UnitValue = Annotated[
    Unit,
    WithJsonSchema(
        {
            "description": "The unit: a kind on its own ('percentage'), or a group with kind, per, "
            "population and label (a rate needs per and population).",
            "anyOf": [
                {"type": "string", "enum": _KINDS},
                {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["kind"],
                    "properties": {
                        "kind": {"type": "string", "enum": _KINDS},
                        "per": {"type": ["integer", "null"], "enum": [100, 1000, 10000, 100000, None]},
                        "population": {"type": ["string", "null"]},
                        "label": {"type": ["string", "null"]},
                    },
                },
            ],
        }
    ),
]


_UNIT_WORDS = {
    "percentage": UnitKind.PERCENTAGE,
    "%": UnitKind.PERCENTAGE,
    "procent": UnitKind.PERCENTAGE,
    "count": UnitKind.COUNT,
    "aantal": UnitKind.COUNT,
    "euro": UnitKind.EURO,
    "€": UnitKind.EURO,
    "eur": UnitKind.EURO,
    "nights": UnitKind.NIGHTS,
    "nachten": UnitKind.NIGHTS,
    "days": UnitKind.DAYS,
    "dagen": UnitKind.DAYS,
    "weeks": UnitKind.WEEKS,
    "weken": UnitKind.WEEKS,
    "score": UnitKind.SCORE,
}


def unit_code(unit: Unit) -> str:
    """A short, stable text for a unit as stored with a measurement: 'percentage',
    'rate/1000/inwoners'. The label is wording only and not part of it."""
    if unit.kind == UnitKind.RATE:
        return f"rate/{unit.per}/{unit.population}"
    return unit.kind.value


def parse_unit_text(text: str) -> Unit | None:
    """Read a unit as an import file writes it: 'percentage', '%', 'aantal', 'euro',
    'per 1.000 inwoners', 'rate/1000/inwoners'. None when it is not a unit koers knows."""
    cleaned = " ".join(text.strip().split())
    lowered = cleaned.lower()
    if lowered in _UNIT_WORDS:
        return Unit(kind=_UNIT_WORDS[lowered])
    if lowered.startswith("rate/"):
        parts = cleaned.split("/", 2)
        if len(parts) == 3 and parts[1].isdigit() and parts[2]:
            return _rate(int(parts[1]), parts[2])
        return None
    if lowered.startswith("per "):
        number, _, population = cleaned[4:].partition(" ")
        digits = number.replace(".", "").replace(",", "")
        if digits.isdigit() and population:
            return _rate(int(digits), population)
    return None


def _rate(per: int, population: str) -> Unit | None:
    if per not in (100, 1000, 10000, 100000):
        return None
    return Unit(kind=UnitKind.RATE, per=per, population=population)
