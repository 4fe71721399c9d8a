# SPDX-License-Identifier: EUPL-1.2
"""The policy plan (*beleidsplan sociaal domein*) as data.

A plan runs from mission and vision, through principles and societal challenges
(*maatschappelijke opgaven*) with their budgets and policy areas (*beleidsterreinen*) with
their laws, down to SMART goals and the mandatory BBV indicators. Every Dutch municipality
has such a plan; nothing here is specific to one of them.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from koers.domain.actions import Action
from koers.domain.areas import Area, AreaIds
from koers.domain.budgets import Budget, BudgetTable
from koers.domain.goals import ID_PATTERN, Goal
from koers.domain.keyfigures import KeyFigureTable
from koers.domain.money import PlanMoney
from koers.domain.peers import PeerGroup
from koers.domain.revision import Adoption, EndedGoal
from koers.domain.status import DEFAULT_THRESHOLDS, Thresholds
from koers.domain.targets import Target

PLAN_FORMAT_VERSION = 1


class Municipality(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    cbs_code: str = Field(pattern=r"^GM\d{4}$", description="The CBS municipality code: GM0396.")
    name: str


class Principle(BaseModel):
    """An *uitgangspunt*: how the municipality works."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    description: str | None = None


class Challenge(BaseModel):
    """A *maatschappelijke opgave* (in older plans: a *beoogd maatschappelijk effect*)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=ID_PATTERN)
    name: str
    aim: str | None = Field(
        default=None, description="The aim in one sentence ('Heemskerkers zijn vitaal en gezond.')."
    )
    description: str | None = None
    budget: Budget | None = None
    portfolio_holder: str | None = Field(
        default=None, description="The responsible alderman (portefeuillehouder), when the plan names one."
    )
    developments: list[str] = Field(default_factory=list, description="Relevant visions, plans and programmes.")


class PolicyArea(BaseModel):
    """A *beleidsterrein* with its legal framework, placed under the challenge where its weight lies."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=ID_PATTERN)
    name: str
    laws: list[str] = Field(default_factory=list, description="Its legal framework (wettelijk kader).")
    challenge: str | None = Field(default=None, description="The id of the challenge it is placed under.")
    description: str | None = None


class BbvIndicator(BaseModel):
    """A mandatory policy indicator of the Besluit begroting en verantwoording (BBV).

    The set of BBV indicators changes over time, so the plan names the ones it reports on,
    as the plan states them; ``number`` links to the national catalogue when known.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=ID_PATTERN)
    number: int | None = Field(default=None, description="The number in the national BBV catalogue.")
    name: str
    unit: str = Field(description="The unit as published ('aantal per 1.000 leerlingen').")
    source: str
    taakveld: str = Field(description="The taakveld ('Sociaal domein', 'Onderwijs').")
    challenge: str | None = Field(default=None, description="The id of the challenge it is reported under.")
    target: Target | None = Field(
        default=None,
        description="The municipality's own target, when it sets one ('lager dan 300'): shown next to the "
        "peers. A BBV indicator has no baseline, so the target is a value, a bound or a band, not a change.",
    )
    note: str | None = None

    @field_validator("target")
    @classmethod
    def _no_change(cls, target: Target | None) -> Target | None:
        if target is not None and target.change is not None:
            raise PydanticCustomError(
                "bbv-target-change",
                "a BBV indicator has no baseline to apply the change '{change}' to",
                {"change": target.change.as_written},
            )
        return target


class LintSettings(BaseModel):
    """Settings of the SMART check that a municipality may tune in its plan file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    stale_baseline_years: int = Field(
        default=3,
        ge=0,
        description="A baseline older than this many years before the plan's start year is stale.",
    )


class AssessmentSettings(BaseModel):
    """How progress is judged (docs/methodology.md); the defaults follow Open SDG."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    on_track: float = Field(
        default=DEFAULT_THRESHOLDS.on_track,
        gt=0,
        le=1,
        description="Share of the required change that counts as on track.",
    )
    at_risk: float = Field(
        default=DEFAULT_THRESHOLDS.at_risk,
        ge=0,
        le=1,
        description="Share of the required change below which a goal is off track.",
    )
    grace_days: int = Field(
        default=DEFAULT_THRESHOLDS.grace_days,
        ge=0,
        description="Days after a period ends before its missing figure counts as no data.",
    )

    @model_validator(mode="after")
    def _ordered(self) -> AssessmentSettings:
        if self.at_risk > self.on_track:
            raise PydanticCustomError("invalid-thresholds", "at_risk must not be above on_track", {})
        return self

    @property
    def thresholds(self) -> Thresholds:
        """The settings as the assessment takes them."""
        return Thresholds(self.on_track, self.at_risk, self.grace_days)


class Plan(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    format: int = Field(default=PLAN_FORMAT_VERSION, description="The version of the plan file format.")
    municipality: Municipality
    title: str
    subtitle: str | None = None
    start_year: int = Field(ge=1990, le=2200)
    end_year: int | None = Field(default=None, description="The last year of the plan's horizon.")
    evaluation_years: list[int] = Field(default_factory=list, description="Years of planned evaluation.")
    published: str | None = Field(default=None, description="When the plan was published or adopted.")
    document: str | None = Field(default=None, description="The source document this file encodes.")
    mission: str | None = None
    vision: str | None = None
    principles: list[Principle] = Field(default_factory=list)
    challenges: list[Challenge] = Field(default_factory=list)
    policy_areas: list[PolicyArea] = Field(default_factory=list)
    goals: list[Goal] = Field(default_factory=list)
    bbv_indicators: list[BbvIndicator] = Field(default_factory=list)
    actions: list[Action] = Field(
        default_factory=list, description="What the municipality does (wat gaan we doen), per challenge and goal."
    )
    comparison: PeerGroup = Field(
        default_factory=PeerGroup,
        description="The municipalities the plan compares itself with: its peers and its size class "
        "(the Netherlands, CBS code NL01, always).",
    )
    areas: list[Area] = Field(default_factory=list)
    key_figures: list[KeyFigureTable] = Field(default_factory=list)
    budget_table: BudgetTable | None = None
    money: PlanMoney | None = Field(
        default=None,
        description="Money per challenge: the total the plan states, and which Iv3 taakveld serves which challenge.",
    )
    lint: LintSettings = Field(default_factory=LintSettings)
    assessment: AssessmentSettings = Field(default_factory=AssessmentSettings)
    adoption: Adoption | None = Field(
        default=None,
        description="Where this version stands with the council: concept, or vastgesteld with the decision's date "
        "and reference.",
    )
    revises: str | None = Field(
        default=None, description="For a revised plan: the previous version it revises ('Samen sterk 2024-2029')."
    )
    ended_goals: list[EndedGoal] = Field(
        default_factory=list, description="For a revised plan: the previous version's goals it ends, with the reason."
    )

    def challenge(self, challenge_id: str) -> Challenge | None:
        return next((c for c in self.challenges if c.id == challenge_id), None)

    def goal(self, goal_id: str) -> Goal | None:
        return next((g for g in self.goals if g.id == goal_id), None)

    def goals_of(self, challenge_id: str) -> list[Goal]:
        return [g for g in self.goals if g.challenge == challenge_id]

    def actions_for_goal(self, goal_id: str) -> list[Action]:
        """The actions that name the goal, in the plan's order."""
        return [a for a in self.actions if a.serves_goal(goal_id)]

    def actions_for_challenge(self, challenge_id: str) -> list[Action]:
        """The actions that serve the challenge, itself or through one of its goals."""
        goal_ids = [g.id for g in self.goals_of(challenge_id)]
        return [a for a in self.actions if a.serves_challenge(challenge_id, goal_ids)]

    def wijken(self) -> list[Area]:
        return [a for a in self.areas if a.level == "wijk"]

    def area_ids(self) -> AreaIds:
        """The ids its figures are stored under: the municipality-level area (by CBS code, else
        its id), else the municipality's CBS code; the wijken; and every area's name."""
        municipality = next((a.stored_id for a in self.areas if a.level == "municipality"), self.municipality.cbs_code)
        return AreaIds(
            municipality,
            tuple(a.stored_id for a in self.wijken()),
            {a.stored_id: a.name for a in self.areas},
        )

    @property
    def total_budget(self) -> float | None:
        amounts = [c.budget.amount for c in self.challenges if c.budget]
        return sum(amounts) if amounts else None
