# SPDX-License-Identifier: EUPL-1.2
"""What the figures say beyond the latest one: a forecast, and whether a change is real.

Both are easy to get wrong in a way a council cannot see, so koers is strict about them:

* a forecast is a straight line (least squares) through the baseline and the measurements
  since, extended to the target period, with a 95% prediction interval. It needs at least
  :data:`MIN_FORECAST_POINTS` measurements after the baseline: a line through two points
  says nothing about a trend. It is cut off at what the unit allows (a percentage stays in
  0-100, a count is not negative: koers.domain.units.BOUNDS);
* a change is real when a significance test says so, where both figures carry an interval or
  (for a percentage) a sample size; otherwise when it is larger than the unit's minimal
  relevant change (koers.domain.units.MINIMAL_CHANGES). A direction-only goal ("toename") is
  judged by this (docs/methodology.md).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from koers.domain.measurements import Measurement
from koers.domain.periods import Period
from koers.domain.units import MINIMAL_CHANGES, Bounds, Unit, UnitKind

#: Measurements after the baseline a forecast needs at least.
MIN_FORECAST_POINTS: Final = 3


@dataclass(frozen=True, slots=True)
class Forecast:
    """A straight-line (least squares) forecast at the target period, with a 95% interval."""

    value: float
    low: float
    high: float
    points: int
    method: str = "ols-linear"


@dataclass(frozen=True, slots=True)
class Significance:
    method: str
    z: float
    p_value: float

    @property
    def significant(self) -> bool:
        return self.p_value < 0.05


#: The normal distribution's 97.5% quantile: the multiplier of a two-sided 95% interval.
Z_975: Final = 1.96
#: Two-sided 97.5% quantiles of Student's t for 1 to 30 degrees of freedom (then :data:`Z_975`).
T_975 = (
    12.706,
    4.303,
    3.182,
    2.776,
    2.571,
    2.447,
    2.365,
    2.306,
    2.262,
    2.228,
    2.201,
    2.179,
    2.160,
    2.145,
    2.131,
    2.120,
    2.110,
    2.101,
    2.093,
    2.086,
    2.080,
    2.074,
    2.069,
    2.064,
    2.060,
    2.056,
    2.052,
    2.048,
    2.045,
    2.042,
)


def t_975(df: int) -> float:
    """The multiplier of a two-sided 95% interval with ``df`` degrees of freedom: Student's t
    up to 30, the normal quantile beyond (where the two differ by less than 4%)."""
    if df < 1:
        raise ValueError(f"a t quantile needs at least 1 degree of freedom, not {df}")
    return T_975[df - 1] if df <= len(T_975) else Z_975


def forecast(
    base_value: float, base_period: Period, after: Sequence[Measurement], at: Period, bounds: Bounds | None = None
) -> Forecast | None:
    """Least squares through the baseline and the (at least three) measurements ``after`` it,
    extended to ``at``, with a 95% prediction interval, inside ``bounds``.

    None when there are too few figures, or when they make no line a float can hold: the line
    is fitted to the figures divided by the largest of them (so no square of a huge figure
    overflows), and a forecast that does not fit in a float again is no forecast."""
    figures = [m for m in after if m.value is not None]
    if len(figures) < MIN_FORECAST_POINTS:
        return None
    xs = [0.0] + [base_period.years_until(m.period) for m in figures]
    ys = [float(base_value)] + [float(m.value) for m in figures if m.value is not None]
    if not all(math.isfinite(y) for y in ys):
        return None
    size = max(abs(y) for y in ys) or 1.0
    fitted = _line(xs, [y / size for y in ys], base_period.years_until(at))
    if fitted is None:
        return None
    value, half = fitted[0] * size, fitted[1] * size
    edges = (value, value - half, value + half)
    if not all(math.isfinite(v) for v in edges):
        return None
    limits = bounds or Bounds(None, None)
    value, low, high = (round(limits.clamp(v), 9) for v in edges)
    return Forecast(value, low, high, len(xs))


def _line(xs: Sequence[float], ys: Sequence[float], x0: float) -> tuple[float, float] | None:
    """The least-squares line's value at ``x0`` and the half width of its 95% prediction
    interval there; None when the points lie in one period (no line through them)."""
    n = len(xs)
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mean_x) ** 2 for x in xs)
    if sxx == 0:
        return None
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sxx
    intercept = mean_y - slope * mean_x
    value = intercept + slope * x0
    residual = sum((y - (intercept + slope * x)) ** 2 for x, y in zip(xs, ys, strict=True))
    df = n - 2
    spread = math.sqrt(residual / df) if df > 0 else 0.0
    t = t_975(df) if df > 0 else Z_975
    half = t * spread * math.sqrt(1 + 1 / n + (x0 - mean_x) ** 2 / sxx)
    return (value, half) if math.isfinite(value) and math.isfinite(half) else None


def significance(first: Measurement, latest: Measurement, unit: Unit | None) -> Significance | None:
    """Whether the change from ``first`` to ``latest`` is larger than chance, where both figures
    carry an interval (or, for percentages, a sample size)."""
    if first.value is None or latest.value is None:
        return None
    se_first, se_latest = _standard_error(first, unit), _standard_error(latest, unit)
    if se_first is None or se_latest is None:
        return None
    spread = math.hypot(se_first, se_latest)  # no square of a huge interval overflows
    if spread == 0:
        return None
    z = (latest.value - first.value) / spread
    if not math.isfinite(z):  # figures beyond what a float holds: no test
        return None
    method = "ci-z-test" if first.ci_low is not None and latest.ci_low is not None else "two-proportion-z-test"
    return Significance(method, round(z, 6), round(math.erfc(abs(z) / math.sqrt(2)), 6))


def _standard_error(m: Measurement, unit: Unit | None) -> float | None:
    if m.ci_low is not None and m.ci_high is not None:
        return (m.ci_high - m.ci_low) / (2 * Z_975)
    if m.value is not None and m.sample_size and unit is not None and unit.kind == UnitKind.PERCENTAGE:
        p = min(max(m.value / 100, 0.0), 1.0)
        return 100 * math.sqrt(p * (1 - p) / m.sample_size)
    return None


def movement(base: float, value: float, unit: Unit | None, test: Significance | None = None) -> int:
    """Which way ``value`` moved from ``base`` beyond noise: 1 up, -1 down, 0 not really.

    A significance test decides where there is one; otherwise the unit's minimal relevant
    change (5% of the baseline for a unit koers does not know).
    """
    if test is not None:
        return 0 if not test.significant else (1 if test.z > 0 else -1)
    minimal = (unit.minimal_change if unit is not None else MINIMAL_CHANGES[UnitKind.OTHER]).of(base)
    change = value - base
    if abs(change) <= minimal + 1e-9:
        return 0
    return 1 if change > 0 else -1


def minimal_change(base: float, unit: Unit | None) -> float:
    """The minimal relevant change from ``base`` in ``unit`` (for the reasons that quote it)."""
    return (unit.minimal_change if unit is not None else MINIMAL_CHANGES[UnitKind.OTHER]).of(base)
