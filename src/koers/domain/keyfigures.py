# SPDX-License-Identifier: EUPL-1.2
"""Demographic key figures (*demografische kerngetallen*): population and households per year.

Plans show how the population is built and where it is heading. Forecast years are marked
as forecasts, so that nobody reads a projection as a count. Where the plan states totals,
they are kept and checked against the rows, within a tolerance the plan file states when the
source rounded its totals.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from koers.domain.goals import ID_PATTERN


class KeyFigureRow(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    category: str = Field(description="'0 - 15 jaar', 'eenpersoonshuishoudens', ...")
    parent: str | None = Field(default=None, description="The category this row is part of ('waarvan').")
    values: dict[int, float] = Field(description="Value per year.")


class KeyFigureTable(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=ID_PATTERN)
    title: str
    unit: str = Field(description="What is counted: 'inwoners', 'huishoudens'.")
    reference: str | None = Field(default=None, description="The reference date within each year ('1 januari').")
    source: str | None = None
    forecast_years: list[int] = Field(default_factory=list, description="Years whose values are forecasts.")
    rows: list[KeyFigureRow]
    totals: dict[int, float] = Field(default_factory=dict, description="Totals as the source states them.")
    totals_tolerance: float = Field(
        default=0, description="How far stated totals may differ from the sum of the rows (rounding in the source)."
    )
    note: str | None = None

    def disagreements(self) -> list[tuple[tuple[str | int, ...], str, dict[str, Any]]]:
        """Every stated total or 'waarvan' group that does not add up, as (path, code, context).

        Not a validator: a validator stops at its first problem, and a reader must see every
        year that disagrees at once.
        """
        found: list[tuple[tuple[str | int, ...], str, dict[str, Any]]] = []
        for year, total in self.totals.items():
            summed = sum(r.values.get(year, 0) for r in self.rows if r.parent is None)
            if abs(summed - total) > self.totals_tolerance + 1e-9:
                found.append((("totals", year), "totals-disagree", {"year": year, "summed": summed, "total": total}))
        for index, row in enumerate(self.rows):
            if row.parent and not any(r.category == row.parent for r in self.rows):
                found.append((("rows", index, "parent"), "unknown-parent", {"parent": row.parent}))
        for index, whole in enumerate(self.rows):
            parts = [r for r in self.rows if r.parent == whole.category]
            for year, value in whole.values.items() if parts else ():
                summed = sum(r.values.get(year, 0) for r in parts)
                if abs(summed - value) > self.totals_tolerance + 1e-9:
                    found.append(
                        (
                            ("rows", index, "values", year),
                            "totals-disagree",
                            {"parent": whole.category, "year": year, "summed": summed, "total": value},
                        )
                    )
        return found

    def is_forecast(self, year: int) -> bool:
        return year in self.forecast_years

    @property
    def years(self) -> list[int]:
        return sorted({y for r in self.rows for y in r.values})
