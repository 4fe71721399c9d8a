# SPDX-License-Identifier: EUPL-1.2
"""Actions (*wat gaan we doen*): the measures and activities that serve a challenge or its goals.

Counting is half of *tellen en vertellen*: when a goal lags, the council asks what the
municipality is doing about it. So the plan keeps its actions next to its goals, each with who
carries it (owner and partners), when it runs, how far it is, what it costs where that is
known, and which challenge and goals it serves. The status is a closed vocabulary in the words
people use (gepland, lopend, afgerond, gestopt), declared once in :data:`ACTION_STATUS_LABELS`;
an action that was stopped must say why, or a reader cannot tell a failure from a choice.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Final

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from koers.domain.fields import PeriodValue
from koers.domain.formatting import format_date
from koers.domain.goals import ID_PATTERN
from koers.domain.periods import Period, PeriodKind
from koers.domain.vocabulary import every
from koers.i18n import N_, _


class ActionStatus(StrEnum):
    """How far an action is. The values are the Dutch words, as in the plan file and the workbook."""

    PLANNED = "gepland"
    RUNNING = "lopend"
    DONE = "afgerond"
    STOPPED = "gestopt"

    def label(self, lang: str = "nl") -> str:
        """'Gepland', 'Loopt', 'Afgerond', 'Gestopt' (English: 'Planned', 'Running', ...)."""
        return _(ACTION_STATUS_LABELS[self], lang)


ACTION_STATUS_LABELS: Final = every(
    ActionStatus,
    {
        ActionStatus.PLANNED: N_("Gepland"),
        ActionStatus.RUNNING: N_("Loopt"),
        ActionStatus.DONE: N_("Afgerond"),
        ActionStatus.STOPPED: N_("Gestopt"),
    },
)


class Action(BaseModel):
    """A measure or activity of the plan, serving a challenge, some of its goals, or both."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=ID_PATTERN, description="A stable id, never reused: 'VW-A1'.")
    name: str = Field(description="The action in a few words, as the plan names it.")
    description: str | None = None
    challenge: str | None = Field(default=None, description="The id of the challenge it serves.")
    goals: list[str] = Field(default_factory=list, description="Ids of the goals it serves.")
    owner: str | None = Field(default=None, description="Who carries it: a team, an organisation or a person.")
    partners: list[str] = Field(default_factory=list, description="Who works on it with the owner.")
    start: PeriodValue | None = Field(default=None, description="When it starts: a period or a date.")
    end: PeriodValue | None = Field(default=None, description="When it ends: a period or a date.")
    status: ActionStatus = Field(default=ActionStatus.PLANNED, description="gepland, lopend, afgerond or gestopt.")
    reason: str | None = Field(default=None, description="Why it was stopped; required for status 'gestopt'.")
    budget: float | None = Field(default=None, ge=0, description="What it costs, in euro, where known.")
    note: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Action:
        if self.challenge is None and not self.goals:
            raise PydanticCustomError(
                "action-serves-nothing", "action {value} names neither a challenge nor a goal", {"value": self.id}
            )
        if self.status is ActionStatus.STOPPED and not (self.reason or "").strip():
            raise PydanticCustomError("stopped-without-reason", "a stopped action must say why", {"value": self.id})
        if self.start is not None and self.end is not None and self.end.end < self.start.start:
            raise PydanticCustomError(
                "action-ends-before-start",
                "the action ends ({end}) before it starts ({start})",
                {"start": self.start.code, "end": self.end.code},
            )
        return self

    def serves_goal(self, goal_id: str) -> bool:
        return goal_id in self.goals

    def serves_challenge(self, challenge_id: str, goal_ids: Iterable[str] = ()) -> bool:
        """Whether it serves the challenge itself or one of its goals (``goal_ids``)."""
        return self.challenge == challenge_id or any(g in self.goals for g in goal_ids)

    def when(self, lang: str = "nl") -> str:
        """When it runs, for people: '2024 - 2027', 'vanaf 2e helft 2024', 'tot 1 juli 2025', or ''."""
        start = period_text(self.start, lang) if self.start else ""
        end = period_text(self.end, lang) if self.end else ""
        if start and end:
            return start if start == end else f"{start} - {end}"
        if start:
            return _("vanaf {start}", lang, start=start)
        if end:
            return _("tot {end}", lang, end=end)
        return ""


def period_text(period: Period, lang: str = "nl") -> str:
    """A period as the start or end of an action: a date is a day ('1 juli 2025'), not a *peildatum*."""
    return format_date(period.start, lang) if period.kind is PeriodKind.DATE else period.label(lang)
