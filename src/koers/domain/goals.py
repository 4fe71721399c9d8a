# SPDX-License-Identifier: EUPL-1.2
"""A policy goal (*doelstelling*) with everything needed to measure it.

A goal is SMART only when it carries an indicator with a unit, a baseline, a target with
its period, a data source and a measurement frequency. The model lets each of these be
missing, because real plans have gaps and koers must hold a plan as it is; the SMART check
(``koers.domain.lint``) then names every gap.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from koers.domain.baselines import Baseline
from koers.domain.fields import FrequencyValue
from koers.domain.ids import ID_PATTERN as ID_PATTERN  # the goals' ids, and every other model's (re-exported)
from koers.domain.periods import Period, parse_period
from koers.domain.revision import GoalRevision
from koers.domain.targets import Direction, Target
from koers.domain.units import Unit, UnitValue


def _list_or_mapping(schema: dict[str, Any]) -> None:
    """``targets`` is a list of targets, or a mapping from period to target."""
    listed = {k: schema.pop(k) for k in ("type", "items") if k in schema}
    schema["anyOf"] = [listed, {"type": "object", "additionalProperties": listed.get("items", {})}]


def _dated(period: Any, target: Any) -> Any:
    """One entry of a ``targets`` mapping: the key is the period the target is due."""
    if isinstance(target, dict):
        return {"period": period, **target}
    if isinstance(target, str):
        return {"phrase": target, "period": period}
    return {"value": target, "period": period}


def _period_key(target: Any) -> tuple[Any, ...]:
    """Sort targets as written in a file by their period; undated ones (due at the end) last."""
    raw = target.get("period") if isinstance(target, dict) else getattr(target, "period", None)
    if raw is None:
        return (1,)
    try:
        return (0, parse_period(raw).sort_key)
    except (ValueError, TypeError):
        return (0,)


class Scope(StrEnum):
    """Where the goal must be met: the municipality as a whole, every wijk, or a region."""

    MUNICIPALITY = "municipality"
    EVERY_WIJK = "every-wijk"
    REGION = "region"


class Indicator(BaseModel):
    """What is measured. Survey-based plans list their questions here."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(description="What is measured, in plain Dutch.")
    unit: UnitValue | None = Field(default=None, description="The unit; left out when the plan does not state one.")
    definition: str | None = Field(default=None, description="How it is computed, if the plan or source says.")
    questions: list[str] = Field(
        default_factory=list, description="Survey questions that measure it (for survey-based plans)."
    )


class Goal(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=ID_PATTERN, description="A stable id, never reused: 'VW-01'.")
    challenge: str = Field(description="The id of the challenge (maatschappelijke opgave) it belongs to.")
    title: str | None = Field(default=None, description="A short name, for plans whose goals have one.")
    statement: str = Field(description="The goal exactly as the plan words it (Dutch).")
    result_area: str | None = Field(
        default=None, description="Resultaatgebied: 'waaraan zien we dat we succesvol zijn?'"
    )
    aims: list[str] = Field(
        default_factory=list, description="What the plan wants to achieve ('wat willen we bereiken?')."
    )
    indicator: Indicator | None = None
    baseline: Baseline | None = Field(
        default=None, description="The baseline (nulmeting); left out when the plan is silent."
    )
    target: Target | None = Field(
        default=None,
        description="The (final) target: structured, or the plan's own words ('minimaal 60% in 2027', 'toename').",
    )
    targets: list[Target] = Field(
        default_factory=list,
        json_schema_extra=_list_or_mapping,
        description="Earlier dated targets on the way, such as a begroting value per year; also written as "
        "a mapping from period to target ({2025: 50, 2026: '55%'}). Given alone, the latest becomes 'target'.",
    )
    direction: Direction | None = Field(default=None, description="increase, decrease, at-least, at-most or maintain.")
    scope: Scope = Scope.MUNICIPALITY
    region: str | None = Field(default=None, description="For scope 'region': the id of the region in 'areas'.")
    source: str | None = Field(default=None, description="The data source (meetinstrument), as the plan names it.")
    frequency: FrequencyValue | None = Field(default=None, description="The measurement frequency (meetfrequentie).")
    policy_areas: list[str] = Field(default_factory=list, description="Ids of policy areas that contribute.")
    note: str | None = Field(default=None, description="Anything a reader should know, such as a correction.")
    revision: GoalRevision | None = Field(
        default=None,
        description="In a revised plan: what the goal is to the previous version (new, continued, sharpened, "
        "replaced) and why.",
    )

    @model_validator(mode="before")
    @classmethod
    def _dated_targets(cls, data: Any) -> Any:
        """``targets`` as a mapping reads as a list with periods; without ``target``, the latest
        of ``targets`` is the final target, so that ``target`` always holds the final one."""
        if not isinstance(data, dict):
            return data
        listed = data.get("targets")
        if isinstance(listed, dict):
            listed = [_dated(period, target) for period, target in listed.items()]
            data = {**data, "targets": listed}
        if data.get("target") is None and isinstance(listed, list) and listed:
            *earlier, last = sorted(listed, key=_period_key)
            data = {**data, "target": last, "targets": earlier}
        return data

    @model_validator(mode="after")
    def _targets_fit(self) -> Goal:
        said = {
            t.direction
            for t in self.all_targets
            if t.direction is not None and t.direction.higher_is_better is not None
        }
        if self.direction is not None and self.direction.higher_is_better is not None:
            said.add(self.direction)
        if len({d.higher_is_better for d in said}) > 1:
            raise PydanticCustomError(
                "direction-conflict",
                "the target says {said} but the goal's direction is {direction}: they point opposite ways",
                {
                    "said": ", ".join(sorted(d.value for d in said if d != self.direction)),
                    "direction": self.direction.value if self.direction else "",
                },
            )
        periods = [t.period.code if t.period else "" for t in self.all_targets]
        repeated = sorted({p for p in periods if periods.count(p) > 1})
        if repeated:
            raise PydanticCustomError(
                "repeated-target-period",
                "two targets for the same period ({period}): give each period one target",
                {"period": repeated[0] or "without a period"},
            )
        for target in self.all_targets:
            self._agrees_with_change(target)
        return self

    def _agrees_with_change(self, target: Target) -> None:
        resolved = target.disagreement(self.baseline)
        if resolved is not None:
            raise PydanticCustomError(
                "inconsistent-target",
                "target value {value} does not follow from change {change} on baseline {baseline} "
                "(that gives {resolved})",
                {
                    "value": target.value,
                    "change": target.change.as_written if target.change else "",
                    "baseline": self.baseline.value if self.baseline else None,
                    "resolved": resolved,
                },
            )

    @property
    def unit(self) -> Unit | None:
        return self.indicator.unit if self.indicator else None

    def resolved_target(self) -> float | None:
        """The final target as a number (a band or a direction only has none)."""
        return self.target.resolve(self.baseline) if self.target else None

    @property
    def all_targets(self) -> list[Target]:
        """Every target of the goal, the final one last."""
        return [*self.targets, *([self.target] if self.target else [])]

    @property
    def judged_direction(self) -> Direction | None:
        """The way the goal is judged: its own direction, else the one its target states."""
        if self.direction is not None:
            return self.direction
        return next((t.direction for t in reversed(self.all_targets) if t.direction is not None), None)

    def dated_targets(self, end_year: int | None) -> list[tuple[Period, Target]]:
        """The targets with the period each is due, earliest first: a target without a period
        is due at the end of the plan's last year; without one either, it cannot be dated."""
        dated = []
        for target in self.all_targets:
            period = target.period or (Period.year(end_year) if end_year is not None else None)
            if period is not None:
                dated.append((period, target))
        return sorted(dated, key=lambda pair: pair[0].sort_key)
