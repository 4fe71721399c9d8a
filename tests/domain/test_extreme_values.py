# SPDX-License-Identifier: EUPL-1.2
"""No stored figure, however large or small, makes the forecast or the assessment raise.

Two figures of about 1e155 once made the forecast's least squares overflow, and then every
public page, the API and the editor answered 500: the editor could not even repair the figure.
The importer now refuses such figures (tests/importers/test_bounds.py), but a database may hold
them from before, or from a path around the importer. So these properties draw any finite
float (1e308, -1e308, the smallest subnormal 5e-324 among them) and any sample size a database
column can hold, and ask for an answer: a forecast or none, a status with a reason that reads.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from koers.domain.assessment import UNUSABLE, Assessment, Status, assess
from koers.domain.forecast import forecast, significance
from koers.domain.goals import Goal
from koers.domain.measurements import Measurement
from koers.domain.periods import Period
from koers.domain.units import LARGEST, Bounds, Unit

MUNI = "GM0001"
AS_OF = date(2026, 6, 1)
EXTREMES = (1e308, -1e308, 5e-324, -5e-324, 1e155, -1e155, 1.7976931348623157e308, 0.0, LARGEST, -LARGEST)
#: Any finite float, with the extremes drawn often.
FLOATS = st.one_of(st.sampled_from(EXTREMES), st.floats(allow_nan=False, allow_infinity=False))
#: Any sample size an SQLite INTEGER holds.
SAMPLES = st.one_of(st.none(), st.sampled_from((0, 1, 2**63 - 1)), st.integers(0, 2**63 - 1))
YEARS = st.lists(st.integers(2024, 2029), min_size=0, max_size=6, unique=True)
UNITS = st.sampled_from(("percentage", "count", "euro", "score", None))
TARGETS: list[dict[str, Any]] = [
    {"target": {"value": 20, "period": "2030"}, "direction": "increase"},
    {"target": {"value": 5, "period": "2030"}, "direction": "decrease"},
    {"target": {"phrase": "toename", "period": "2030"}, "direction": "increase"},
    {"target": {"low": 8, "high": 12, "period": "2030"}},
]


def goal(unit: str | None, target: dict[str, Any], baseline: float = 10.0) -> Goal:
    data: dict[str, Any] = {
        "id": "G-1",
        "challenge": "c",
        "statement": "Een doel.",
        "frequency": "yearly",
        "baseline": {"value": baseline, "period": "2023"},
        **target,
    }
    if unit is not None:
        data["indicator"] = {"name": "iets", "unit": unit}
    return Goal.model_validate(data)


@st.composite
def figures(draw: st.DrawFn) -> list[Measurement]:
    """Figures of G-1 in some of the years after the baseline (and maybe the baseline's own),
    each with any value, interval and sample size."""
    found = []
    for year in draw(YEARS) + draw(st.sampled_from(([], [2023]))):
        ci = draw(st.one_of(st.none(), st.tuples(FLOATS, FLOATS)))
        found.append(
            Measurement(
                "G-1",
                Period.year(year),
                MUNI,
                draw(FLOATS),
                sample_size=draw(SAMPLES),
                ci_low=ci[0] if ci else None,
                ci_high=ci[1] if ci else None,
            )
        )
    return found


def reads(a: Assessment) -> None:
    """Everything a page shows of an assessment can be put into words."""
    for lang in ("nl", "en"):
        assert a.message(lang)
        a.forecast_note(lang)
    assert a.forecast is None or all(math.isfinite(v) for v in (a.forecast.value, a.forecast.low, a.forecast.high))


@settings(max_examples=300, deadline=None)
@given(FLOATS, st.lists(FLOATS, min_size=3, max_size=6), st.sampled_from((None, Bounds(0.0, 100.0), Bounds(0, None))))
def test_property_the_forecast_never_raises(base: float, values: list[float], bounds: Bounds | None) -> None:
    after = [Measurement("G-1", Period.year(2024 + i), MUNI, v) for i, v in enumerate(values)]
    predicted = forecast(base, Period.year(2023), after, Period.year(2030), bounds)
    assert predicted is None or all(math.isfinite(v) for v in (predicted.value, predicted.low, predicted.high))


@settings(max_examples=300, deadline=None)
@given(figures(), st.sampled_from(("percentage", "count", None)))
def test_property_the_significance_test_never_raises(found: list[Measurement], unit: str | None) -> None:
    if len(found) >= 2:
        tested = significance(found[0], found[-1], Unit.model_validate(unit) if unit else None)
        assert tested is None or math.isfinite(tested.z)


@settings(max_examples=400, deadline=None)
@given(UNITS, st.sampled_from(TARGETS), figures())
def test_property_the_assessment_never_raises_on_any_stored_figure(
    unit: str | None, target: dict[str, Any], found: list[Measurement]
) -> None:
    reads(assess(goal(unit, target), found, as_of=AS_OF, municipality=MUNI))


def test_two_figures_of_1e155_leave_the_goal_unassessed_and_say_why() -> None:
    huge = [Measurement("G-1", Period.year(y), MUNI, 1e155) for y in (2024, 2025, 2026)]
    a = assess(goal("count", TARGETS[0]), huge, as_of=AS_OF, municipality=MUNI)
    assert (a.status, a.reason.code, a.forecast) == (Status.NO_DATA, UNUSABLE, None)
    assert a.message() == (
        "In de meting over 2024 staat een getal groter dan 1.000.000.000.000. Daarmee kan koers niet rekenen, "
        "dus is het doel niet te beoordelen. Verbeter de meting in de editor of met een nieuwe import."
    )
    assert a.forecast_note() == "Geen prognose: met deze cijfers kan koers niet rekenen."


def test_a_figure_at_the_limit_is_judged_and_one_beyond_it_is_not() -> None:
    def status(value: float, **fields: Any) -> str:
        figure = Measurement("G-1", Period.year(2025), MUNI, value, **fields)
        return assess(goal("score", TARGETS[0]), [figure], as_of=AS_OF, municipality=MUNI).reason.code

    assert status(LARGEST) != UNUSABLE
    assert status(-LARGEST) != UNUSABLE
    assert status(LARGEST * 1.001) == UNUSABLE
    assert status(15, ci_low=10, ci_high=1e13) == UNUSABLE
    assert status(15, sample_size=10**9) == UNUSABLE
    assert status(math.nan) == UNUSABLE
