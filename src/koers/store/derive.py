# SPDX-License-Identifier: EUPL-1.2
"""Derived values: a rate per 1,000 or 10,000 of a population, computed from stored counts.

"Wmo users per 1,000 inhabitants" is not measured; it is computed from the number of Wmo
users and the number of inhabitants, both held as measurements. koers computes it per period
and area, stores it as a measurement of the goal, and records the formula and the exact
input versions with the result, so that anyone can redo the sum.

The population is taken from the same period, or else from the latest period measured
within it (a count on 1 January 2024 serves the year 2024); a population that is not there
(n.b.) is passed over. A count that is not there gives a rate that is not there, with the same
code and the count's reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from koers.domain.measurements import Measurement, MeasurementStatus, SubjectKind, rate
from koers.domain.plan import Plan
from koers.domain.units import UnitKind, unit_code
from koers.importers.batch import Batch
from koers.store.imports import ImportOutcome, Provenance, store_batch
from koers.store.measurements import current


class DeriveError(ValueError):
    """The goal cannot be derived this way; ``code`` says why, ``context`` fills the message."""

    def __init__(self, code: str, **context: Any) -> None:
        super().__init__(code)
        self.code = code
        self.context = context


@dataclass(frozen=True)
class RateRecipe:
    goal: str
    numerator: str
    denominator: str
    per: int


def recipe_for(plan: Plan, goal_id: str, numerator: str, denominator: str, per: int | None) -> RateRecipe:
    goal = plan.goal(goal_id)
    if goal is None:
        raise DeriveError("unknown-goal", goal=goal_id)
    unit = goal.unit
    if unit is None or unit.kind != UnitKind.RATE or unit.per is None:
        raise DeriveError("not-a-rate", goal=goal_id)
    if per is not None and per != unit.per:
        raise DeriveError("wrong-base", goal=goal_id, per=per, expected=unit.per)
    return RateRecipe(goal_id, numerator, denominator, unit.per)


def derive_rate(
    engine: Engine,
    plan_id: int,
    plan: Plan,
    recipe: RateRecipe,
    *,
    user: str | None,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ImportOutcome:
    """Compute and store the rate for every period and area where both inputs are measured."""
    tops = current(engine, plan_id, subject=recipe.numerator)
    bottoms = [b for b in current(engine, plan_id, subject=recipe.denominator) if b.value is not None]
    if not tops:
        raise DeriveError("no-inputs", subject=recipe.numerator)
    if not bottoms:
        raise DeriveError("no-inputs", subject=recipe.denominator)
    goal = plan.goal(recipe.goal)
    assert goal is not None and goal.unit is not None
    batch, derivations = Batch(), list[dict[str, Any] | None]()
    for top in tops:
        bottom = _population_for(top, bottoms)
        if bottom is None or bottom.value == 0:
            continue
        _append(batch, recipe, top, bottom, unit_code(goal.unit), goal.source)
        derivations.append(_derivation(recipe, top, bottom))
    if not len(batch):
        raise DeriveError("no-matching-periods", numerator=recipe.numerator, denominator=recipe.denominator)
    provenance = Provenance("derive", None, None, user)
    return store_batch(engine, plan_id, batch, provenance, dry_run=dry_run, derivations=derivations, progress=progress)


def _population_for(top: Measurement, bottoms: list[Measurement]) -> Measurement | None:
    same_area = [b for b in bottoms if b.area == top.area]
    exact = [b for b in same_area if b.period == top.period]
    if exact:
        return exact[0]
    within = [b for b in same_area if top.period.contains(b.period)]
    return max(within, key=lambda b: b.period) if within else None


def _append(
    batch: Batch, recipe: RateRecipe, top: Measurement, bottom: Measurement, unit: str, source: str | None
) -> None:
    final = top.status == MeasurementStatus.FINAL and bottom.status == MeasurementStatus.FINAL
    status = MeasurementStatus.FINAL if final else MeasurementStatus.PROVISIONAL
    assert bottom.value is not None
    value: float | None = None
    extra: dict[str, Any] = {"denominator": bottom.value}
    if top.unavailable is not None:  # the count is not there, so neither is the rate
        extra |= {
            "unavailable": top.unavailable.value,
            "note": f"{recipe.numerator} {top.unavailable.value}: {top.note}",
        }
    else:
        assert top.value is not None
        value = rate(top.value, bottom.value, recipe.per)
        extra["numerator"] = top.value
    batch.append(
        recipe.goal,
        SubjectKind.GOAL.value,
        unit,
        top.period,
        top.area,
        value,
        status.value,
        source,
        f"berekend: {recipe.numerator} / {recipe.denominator} × {recipe.per}",
        **extra,
    )


def _derivation(recipe: RateRecipe, top: Measurement, bottom: Measurement) -> dict[str, Any]:
    def describe(m: Measurement) -> dict[str, Any]:
        described = {
            "subject": m.subject,
            "period": m.period.code,
            "area": m.area,
            "version": m.version,
            "value": m.value,
            "status": m.status.value,
        }
        return described if m.unavailable is None else {**described, "unavailable": m.unavailable.value}

    return {
        "formula": f"{recipe.numerator} / {recipe.denominator} × {recipe.per}",
        "inputs": {"numerator": describe(top), "denominator": describe(bottom)},
    }
