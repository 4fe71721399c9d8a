# SPDX-License-Identifier: EUPL-1.2
"""Money: a challenge's budget, and a plan's multi-year budget table.

Councils ask for "the relation between the figures, their own goals and the resources", so
the plan keeps its money next to its goals: Heemskerk 2024 gives a budget per challenge
(begroting 2024); Heemskerk 2020-2023 gives expenses (lasten) and income (baten) per budget
line per year.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Budget(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    amount: float = Field(description="In euro.")
    year: int
    basis: str | None = Field(default=None, description="Where the amount comes from ('begroting 2024').")
    note: str | None = None


class BudgetLine(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    label: str
    expenses: dict[int, float] = Field(default_factory=dict, description="Lasten per year, in euro.")
    income: dict[int, float] = Field(
        default_factory=dict, description="Baten per year, in euro, with the sign the source uses."
    )


class BudgetTable(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str
    basis: str | None = None
    lines: list[BudgetLine]
    stated_totals: dict[str, dict[int, float]] = Field(
        default_factory=dict, description="Totals as the source states them: {expenses: {year: amount}, income: {...}}."
    )
    totals_tolerance: float = Field(
        default=0, description="Euros the stated totals may differ (rounding in the source)."
    )
    note: str | None = None

    def disagreements(self) -> list[tuple[tuple[str | int, ...], str, dict[str, Any]]]:
        """Every stated total that does not add up, as (path, code, context); all of them."""
        found: list[tuple[tuple[str | int, ...], str, dict[str, Any]]] = []
        for kind, per_year in self.stated_totals.items():
            if kind not in ("expenses", "income"):
                found.append((("stated_totals", kind), "unknown-total", {"kind": kind}))
                continue
            for year, stated in per_year.items():
                summed = self.total(kind, year)
                if abs(summed - stated) > self.totals_tolerance + 1e-9:
                    found.append(
                        (
                            ("stated_totals", kind, year),
                            "totals-disagree",
                            {"kind": kind, "year": year, "summed": summed, "total": stated},
                        )
                    )
        return found

    def total(self, kind: str, year: int) -> float:
        amounts: list[float] = [getattr(line, kind).get(year, 0) for line in self.lines]
        return sum(amounts)

    @property
    def years(self) -> list[int]:
        return sorted({y for line in self.lines for y in (*line.expenses, *line.income)})
