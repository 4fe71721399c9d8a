# SPDX-License-Identifier: EUPL-1.2
"""A policy goal (*doelstelling*) with everything needed to measure it.

A goal is SMART only when it carries an indicator with a unit, a baseline, a target with
its period, a data source and a measurement frequency. The model lets each of these be
missing, because real plans have gaps and koers must hold a plan as it is; the SMART check
(``koers.domain.lint``) then names every gap.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from koers.domain.baselines import Baseline
from koers.domain.fields import FrequencyValue
from koers.domain.targets import Direction, Target
from koers.domain.units import Unit, UnitValue

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"


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
    target: Target | None = None
    direction: Direction | None = Field(default=None, description="increase, decrease, at-least, at-most or maintain.")
    scope: Scope = Scope.MUNICIPALITY
    region: str | None = Field(default=None, description="For scope 'region': the id of the region in 'areas'.")
    source: str | None = Field(default=None, description="The data source (meetinstrument), as the plan names it.")
    frequency: FrequencyValue | None = Field(default=None, description="The measurement frequency (meetfrequentie).")
    policy_areas: list[str] = Field(default_factory=list, description="Ids of policy areas that contribute.")
    note: str | None = Field(default=None, description="Anything a reader should know, such as a correction.")

    @model_validator(mode="after")
    def _target_agrees_with_change(self) -> Goal:
        if self.target is None:
            return self
        resolved = self.target.disagreement(self.baseline)
        if resolved is not None:
            raise PydanticCustomError(
                "inconsistent-target",
                "target value {value} does not follow from change {change} on baseline {baseline} "
                "(that gives {resolved})",
                {
                    "value": self.target.value,
                    "change": self.target.change.as_written if self.target.change else "",
                    "baseline": self.baseline.value if self.baseline else None,
                    "resolved": resolved,
                },
            )
        return self

    @property
    def unit(self) -> Unit | None:
        return self.indicator.unit if self.indicator else None

    def resolved_target(self) -> float | None:
        return self.target.resolve(self.baseline) if self.target else None
