# SPDX-License-Identifier: EUPL-1.2
"""The revision of a plan (*bijsturing*): how each goal of the previous version goes on, and why.

A six-year plan is evaluated half-way and revised: the council adopts a new version in which a
goal is continued as it was, sharpened (a new target for the same indicator, so its history
carries on), replaced by a successor (with a lineage back to the goal it replaces) or ended. Each
change but a plain continuation has a reason, because a council adopts reasons, not only numbers.
A new version starts as a concept and becomes *vastgesteld* with the council's decision (its date
and reference).

This module holds the words of a revision as the plan file writes them; :mod:`koers.domain.plan_diff`
compares two versions and holds them to what they declare.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Final

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from koers.domain.formatting import format_date
from koers.domain.ids import ID_PATTERN
from koers.domain.vocabulary import every
from koers.i18n import N_, _


class GoalChange(StrEnum):
    """What became of a goal in the revised plan."""

    NEW = "new"
    CONTINUED = "continued"
    SHARPENED = "sharpened"
    REPLACED = "replaced"
    ENDED = "ended"

    def label(self, lang: str = "nl") -> str:
        return _(GOAL_CHANGE_LABELS[self], lang)


#: How each change reads (English: koers.i18n).
GOAL_CHANGE_LABELS: Final = every(
    GoalChange,
    {
        GoalChange.NEW: N_("nieuw"),
        GoalChange.CONTINUED: N_("voortgezet"),
        GoalChange.SHARPENED: N_("aangescherpt"),
        GoalChange.REPLACED: N_("vervangen"),
        GoalChange.ENDED: N_("beëindigd"),
    },
)

#: The changes a goal of the revised plan declares for itself (an ended goal is not in it, and a
#: replaced goal is named by its successor).
DECLARED_ON_GOAL: Final = (GoalChange.NEW, GoalChange.CONTINUED, GoalChange.SHARPENED, GoalChange.REPLACED)


class GoalRevision(BaseModel):
    """On a goal of a revised plan: what it is to the previous version, and why.

    ``replaced`` is declared on the successor, with the ids of the goals it ``replaces``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    change: GoalChange = Field(description="new, continued, sharpened or replaced.")
    replaces: list[str] = Field(
        default_factory=list, description="For 'replaced': the ids of the previous version's goals this one replaces."
    )
    reason: str | None = Field(default=None, description="Why; needed for every change but 'continued'.")

    @model_validator(mode="after")
    def _complete(self) -> GoalRevision:
        if self.change not in DECLARED_ON_GOAL:
            raise PydanticCustomError(
                "revision-ended-on-goal",
                "an ended goal is not in the revised plan: list it under 'ended_goals' with its reason",
            )
        if self.change is GoalChange.REPLACED and not self.replaces:
            raise PydanticCustomError("revision-replaces-nothing", "'replaced' needs the ids it replaces")
        if self.change is not GoalChange.REPLACED and self.replaces:
            raise PydanticCustomError("revision-replaces-without-replaced", "'replaces' goes with change 'replaced'")
        if self.change is not GoalChange.CONTINUED and not (self.reason and self.reason.strip()):
            raise PydanticCustomError("revision-without-reason", "a change needs its reason")
        return self


class EndedGoal(BaseModel):
    """A goal of the previous version that the revised plan ends, with the reason."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=ID_PATTERN, description="The id of the goal in the previous version.")
    reason: str = Field(min_length=1, description="Why the goal ends.")


class AdoptionStatus(StrEnum):
    CONCEPT = "concept"
    ADOPTED = "vastgesteld"

    def label(self, lang: str = "nl") -> str:
        return _(ADOPTION_LABELS[self], lang)


ADOPTION_LABELS: Final = every(
    AdoptionStatus, {AdoptionStatus.CONCEPT: N_("concept"), AdoptionStatus.ADOPTED: N_("vastgesteld")}
)


class Adoption(BaseModel):
    """Where a plan version stands with the council: a concept, or adopted on a date by a decision."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    status: AdoptionStatus = AdoptionStatus.CONCEPT
    decided: date | None = Field(default=None, description="The date of the council's decision.")
    reference: str | None = Field(default=None, description="The decision's reference ('raadsbesluit 2027/114').")

    @model_validator(mode="after")
    def _decision(self) -> Adoption:
        if self.status is AdoptionStatus.ADOPTED and (self.decided is None or not self.reference):
            raise PydanticCustomError(
                "adoption-without-decision",
                "a plan is 'vastgesteld' with the council's decision: its date and reference",
            )
        return self

    def describe(self, lang: str = "nl") -> str:
        """'vastgesteld op 3 juni 2027 (raadsbesluit 2027/114)', or 'concept'."""
        if self.status is AdoptionStatus.CONCEPT or self.decided is None:
            return self.status.label(lang)
        return _(
            "vastgesteld op {date} ({reference})", lang, date=format_date(self.decided, lang), reference=self.reference
        )
