# SPDX-License-Identifier: EUPL-1.2
"""Targets (*streefwaarden*) as the plan states them, and resolved to a number.

Plans state targets in many ways, and koers keeps each as written:

* a value ("minstens 60%", "maximaal 1.100 huishoudens"), as a point to reach or a bound to keep;
* a change from the baseline ("gestegen met 10%", "een afname van 150", "halvering",
  "gelijk aan het niveau van 2023", "met minimaal 10% per jaar"), resolved to an absolute value
  whenever a baseline exists: 5,377 with +10% gives 5,914.7. A change without a baseline
  cannot be resolved, and says so;
* a band ("tussen 60 en 65%", "bandbreedte 65-70%, gelijk of hoger");
* a direction only ("toename", "afname"): judged by whether the value moved more than noise.

A plan may write the target as its own Dutch words (``target: "bandbreedte 65-70%"``); the phrase
is kept next to the structured form it is read into (koers.domain.target_phrases), and a phrase
koers cannot read is kept too, unread, so that the SMART check can quote it.
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
from koers.domain.periods import Period, parse_period
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

    @property
    def canonical(self) -> str:
        """The change in a form ``parse_change`` reads back: '-50%' for 'halvering', '-150' for
        'een afname van 150'. Files keep the plan's words in the target's ``phrase``."""
        amount = f"{self.amount:+g}"
        match self.kind:
            case ChangeKind.PERCENT:
                return f"{amount}%"
            case ChangeKind.POINTS:
                return amount
            case ChangeKind.EQUAL:
                return "gelijk"
            case ChangeKind.PERCENT_PER_YEAR:
                return f"{amount}% per jaar"

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


CHANGE_FORMS = "'+10%', '-20%', '-5 pp' (procentpunt), '-150' (in the goal's unit), '+10% per jaar', 'gelijk'"
_NUMBER = r"(?P<sign>[+-])\s*(?P<num>\d+(?:[.,]\d+)?)"
_CHANGE_PATTERNS = [
    (re.compile(rf"^{_NUMBER}\s*%\s*(?:per\s+jaar|per\s+year|/\s*jaar|a\s+year)$"), ChangeKind.PERCENT_PER_YEAR),
    (re.compile(rf"^{_NUMBER}\s*%$"), ChangeKind.PERCENT),
    (re.compile(rf"^{_NUMBER}\s*(?:pp|%-?punt(?:en)?|procentpunt(?:en)?|percentage\s*points?)$"), ChangeKind.POINTS),
    (re.compile(rf"^{_NUMBER}$"), ChangeKind.POINTS),  # an absolute change in the goal's unit: '-150'
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
    PlainSerializer(lambda c: c.as_written if _readable(c.as_written) else c.canonical, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "description": "A change relative to the baseline, with its sign: " + CHANGE_FORMS,
            "examples": ["+10%", "-20%", "-5 pp", "+10% per jaar", "gelijk"],
        }
    ),
]


def _readable(text: str) -> bool:
    """Whether ``parse_change`` reads ``text`` (a change read from a phrase may not be)."""
    try:
        parse_change(text)
    except PydanticCustomError:
        return False
    return True


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


class BandOpen(StrEnum):
    """A band with "gelijk of hoger" (or lower): beyond that side of the band is fine too."""

    ABOVE = "above"
    BELOW = "below"


def _words_or_fields(schema: dict[str, Any]) -> None:
    """The schema of a target: the plan's words (a string), a bare number, or the fields."""
    fields = dict(schema)
    schema.clear()
    schema["anyOf"] = [
        {"type": "string", "description": "The target in the plan's own words.", "examples": TARGET_EXAMPLES},
        {"type": "number", "description": "The target as a bare value."},
        fields,
    ]


TARGET_EXAMPLES: Final = ["minimaal 60% in 2027", "toename", "bandbreedte 65-70%, gelijk of hoger", "halvering"]


class Target(BaseModel):
    """A target: a value, a change from the baseline (both: they must agree), a band, or a
    direction only; with the plan's own words when it wrote them."""

    model_config = ConfigDict(frozen=True, extra="forbid", json_schema_extra=_words_or_fields)

    phrase: str | None = Field(
        default=None,
        description="The target in the plan's own words ('toename', 'bandbreedte 60-65%', 'minimaal 60% in 2027'); "
        "koers reads it into the other fields.",
    )
    value: float | None = Field(default=None, description="The target as an absolute value, if the plan states one.")
    change: ChangeValue | None = Field(
        default=None, description="The target as a change from the baseline, as written."
    )
    low: float | None = Field(default=None, description="A band's lower edge ('tussen 60 en 65%': 60).")
    high: float | None = Field(default=None, description="A band's upper edge ('tussen 60 en 65%': 65).")
    band_open: BandOpen | None = Field(
        default=None, description="above ('gelijk of hoger') or below: beyond that side of the band is fine too."
    )
    direction: Direction | None = Field(
        default=None,
        description="The direction the target itself states ('toename', 'minimaal'); the goal's own direction, "
        "when it has one, must agree with it.",
    )
    strict: bool = Field(
        default=False, description="'hoger dan 60': the bound itself does not meet the target ('minimaal 60' does)."
    )
    period: PeriodValue | None = Field(
        default=None,
        description="When the target must be met ('2027', 'schooljaar 2026-2027'); left out: the plan's end year.",
    )
    tolerance: ToleranceValue | None = Field(
        default=None, description="For 'maintain' goals: the band that still counts as equal."
    )

    @model_validator(mode="before")
    @classmethod
    def _read_phrase(cls, data: Any) -> Any:
        """A target may be written as the plan's words or as a bare number; a phrase is read into
        the structured fields, and fields written next to it must agree with what it says."""
        if isinstance(data, str):
            data = {"phrase": data}
        elif isinstance(data, (int, float)) and not isinstance(data, bool):
            data = {"value": data}
        if not isinstance(data, dict) or not isinstance(data.get("phrase"), str):
            return data
        return {**data, **_phrase_fields(data)}

    @model_validator(mode="after")
    def _says_something(self) -> Target:
        if not self.understood and self.phrase is None:
            raise PydanticCustomError(
                "target-without-value",
                "a target needs a 'value', a 'change', a band ('low' and 'high'), a 'direction' or a 'phrase'",
                {},
            )
        if (self.low is None) != (self.high is None):
            raise PydanticCustomError("half-band", "a band needs both 'low' and 'high'", {})
        if self.low is not None and self.high is not None and self.low >= self.high:
            raise PydanticCustomError(
                "empty-band",
                "a band's 'low' ({low}) must be below its 'high' ({high})",
                {"low": self.low, "high": self.high},
            )
        if self.band_open is not None and self.low is None:
            raise PydanticCustomError("open-without-band", "'band_open' only belongs to a band ('low' and 'high')", {})
        return self

    @property
    def understood(self) -> bool:
        """Whether koers knows what the target asks (a phrase it could not read says nothing)."""
        return any(x is not None for x in (self.value, self.change, self.low, self.direction))

    @property
    def is_band(self) -> bool:
        return self.low is not None and self.high is not None

    @property
    def direction_only(self) -> bool:
        """'toename', 'afname': a way to move, with no value to reach."""
        return self.direction is not None and self.value is None and self.change is None and not self.is_band

    def resolve(self, baseline: Baseline | None, due: Period | None = None) -> float | None:
        """The absolute target: the stated value, or the change applied to a known baseline.

        ``due`` is when the target is due if it has no period of its own (the plan's end year).
        """
        if self.value is not None:
            return self.value
        return self.resolve_change(baseline, due)

    def resolve_change(self, baseline: Baseline | None, due: Period | None = None) -> float | None:
        if self.change is None or baseline is None or not baseline.is_known:
            return None
        assert baseline.value is not None and baseline.period is not None
        period = self.period or due
        years = baseline.period.years_until(period) if period is not None else None
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

    def compact(self) -> dict[str, Any]:
        """The target as a file writes it: the plan's words, plus only the fields they do not
        already say (so that a file keeps 'bandbreedte 65-70%' and not its parts next to it)."""
        written: dict[str, Any] = self.model_dump(mode="json", exclude_defaults=True)
        if self.phrase is None or not self.understood:
            return written
        said = _phrase_fields({"phrase": self.phrase})
        return {k: v for k, v in written.items() if k == "phrase" or k not in said}

    def line(self, due: Period | None = None) -> str:
        """One line '2025: minimaal 60%' for a list of dated targets (a cell in Excel)."""
        compact = self.compact()
        words = compact.get("phrase")
        if words is None:
            parts = [str(compact[k]) for k in ("value", "change") if k in compact]
            words = " ".join(parts) or (f"{self.low:g}-{self.high:g}" if self.is_band else "")
        period = self.period or due
        mentioned = "period" not in compact and self.phrase is not None
        return words if period is None or mentioned else f"{period.code}: {words}"

    def side_of(self, value: float) -> int:
        """For a band: 0 inside it (or beyond its open side), -1 below it, 1 above it."""
        low, high = self.low, self.high
        assert low is not None and high is not None
        if value < low - 1e-9:
            return 0 if self.band_open == BandOpen.BELOW else -1
        if value > high + 1e-9:
            return 0 if self.band_open == BandOpen.ABOVE else 1
        return 0

    def met_by(self, value: float, direction: Direction | None, resolved: float | None) -> bool:
        """Whether ``value`` meets the target as such (a band, a bound or a point), without a path;
        ``resolved`` is the target's value (a change applied to the baseline). The one rule the
        assessment and the SMART check ('already met at the baseline') share."""
        if self.is_band:
            return self.side_of(value) == 0
        if resolved is None or direction is None:
            return False
        higher = direction.higher_is_better
        if higher is None:
            return abs(value - resolved) <= 1e-9
        if self.strict:
            return value > resolved + 1e-9 if higher else value < resolved - 1e-9
        return value >= resolved - 1e-9 if higher else value <= resolved + 1e-9

    def numbers(self) -> list[tuple[str, float]]:
        """The absolute numbers the target states, by field: for checks of what a unit allows."""
        found = [("value", self.value), ("low", self.low), ("high", self.high)]
        return [(name, number) for name, number in found if number is not None]


def _phrase_fields(data: dict[str, Any]) -> dict[str, Any]:
    """The fields a phrase gives, checked against those written next to it."""
    from koers.domain.target_phrases import UnreadableTarget, read_target  # the reader builds on this module

    phrase = " ".join(data["phrase"].split())
    try:
        reading = read_target(phrase)
    except UnreadableTarget:
        return {"phrase": phrase}  # kept unread: the SMART check quotes it
    fields: dict[str, Any] = {"phrase": phrase}
    for name in PHRASE_FIELDS:
        said = getattr(reading, name)
        if said is None or said is False:
            continue
        written = data.get(name)
        if written is not None and not _same(name, written, said):
            raise PydanticCustomError(
                "phrase-disagrees",
                "'{phrase}' says {part} {said}, but the target also says {part} {written}",
                {"phrase": phrase, "part": name, "said": _shown(said), "written": _shown(written)},
            )
        fields[name] = said
    return fields


#: The fields a phrase can fill in (koers.domain.target_phrases.TargetReading has each of them).
PHRASE_FIELDS: Final = ("direction", "value", "change", "low", "high", "band_open", "strict", "period", "tolerance")


def _same(name: str, written: Any, said: Any) -> bool:
    """Whether a field written next to a phrase says what the phrase says."""
    if name == "change":
        return bool(parse_change(written).kind == said.kind and parse_change(written).amount == said.amount)
    if name == "tolerance":
        return bool(parse_tolerance(written).band(0) == said.band(0))
    if name == "period":
        return bool(parse_period(written) == said)
    if name in ("direction", "band_open"):
        return str(written) == str(said.value)
    return bool(written == said)


def _shown(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    text = getattr(value, "as_written", None) or getattr(value, "code", None) or getattr(value, "value", None)
    return str(text if text is not None else value)


def _decimals(value: float) -> int:
    text = repr(float(value))
    if "e" in text:
        return 6
    return len(text.split(".")[1].rstrip("0")) if "." in text else 0


def _clean(value: float) -> float:
    """Round away binary noise (5377 * 1.1 = 5914.700000000001) without losing real precision."""
    return round(value, 9)
