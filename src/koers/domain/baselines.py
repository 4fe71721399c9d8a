# SPDX-License-Identifier: EUPL-1.2
"""The baseline (*nulmeting*) of a goal: known, explicitly absent, or still to come.

The evaluation of Heemskerk's 2020-2023 plan failed because no baseline had been measured.
koers therefore keeps three honest states apart, and a fourth by omission:

* ``known``: a value and the period it describes;
* ``absent``: the plan itself says there is none ("geen nulmeting");
* ``pending``: it will come, with the reason and, if known, when ("De cijfers over het
  schooljaar 2023-2024 komen in het najaar 2024 beschikbaar");
* no baseline at all: the plan is silent, which the SMART check reports too.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from koers.domain.fields import PeriodValue


class BaselineStatus(StrEnum):
    KNOWN = "known"
    ABSENT = "absent"
    PENDING = "pending"


class Baseline(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    status: BaselineStatus = Field(
        default=BaselineStatus.KNOWN,
        description="known (value and period), absent (the plan says there is none) or "
        "pending (it is still to come). Left out, it is 'known'.",
    )
    value: float | None = Field(default=None, description="The baseline value, in the goal's unit.")
    period: PeriodValue | None = Field(
        default=None, description="The period the value describes (for pending: the period it will describe)."
    )
    reason: str | None = Field(default=None, description="Why it is absent or pending, preferably in the plan's words.")
    expected: PeriodValue | None = Field(
        default=None, description="For pending: when the value is expected to be available."
    )
    source: str | None = Field(default=None, description="Where the value comes from, if not the goal's source.")

    @model_validator(mode="before")
    @classmethod
    def _infer_status(cls, data: Any) -> Any:
        """Without a status: a value means known; only a reason means absent; a reason with a
        period or an expected date means pending."""
        if isinstance(data, dict) and "status" not in data and data.get("value") is None and data.get("reason"):
            later = data.get("expected") is not None or data.get("period") is not None
            status = BaselineStatus.PENDING if later else BaselineStatus.ABSENT
            return {**data, "status": status.value}
        return data

    @model_validator(mode="after")
    def _consistent(self) -> Baseline:
        if self.status == BaselineStatus.KNOWN and (self.value is None or self.period is None):
            raise PydanticCustomError("incomplete-baseline", "a known baseline needs both 'value' and 'period'", {})
        if self.status != BaselineStatus.KNOWN and self.value is not None:
            raise PydanticCustomError(
                "baseline-value-not-known",
                "a baseline with status '{status}' cannot have a value",
                {"status": self.status.value},
            )
        if self.status == BaselineStatus.PENDING and not self.reason:
            raise PydanticCustomError("pending-without-reason", "a pending baseline needs a 'reason'", {})
        return self

    @property
    def is_known(self) -> bool:
        return self.status == BaselineStatus.KNOWN
