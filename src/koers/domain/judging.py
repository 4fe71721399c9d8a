# SPDX-License-Identifier: EUPL-1.2
"""Judging one figure against one target: the rules of docs/methodology.md, section 3.

A value to reach is judged on the path from the baseline (through the dated targets on the way);
a bound already kept, a "keep equal" band, a band target and a direction only each have a rule
of their own. Which figure and which target are judged, and what the reason says beyond the rule,
is decided by koers.domain.assessment.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from koers.domain.forecast import Forecast, Significance, minimal_change, movement
from koers.domain.formatting import estimate
from koers.domain.goals import Goal
from koers.domain.periods import Period
from koers.domain.reasons import Reason
from koers.domain.status import DEFAULT_THRESHOLDS, Status, Thresholds
from koers.domain.targets import ChangeKind, Direction, Target, Tolerance
from koers.domain.wording import Wording
from koers.i18n import N_

#: The measurement versions an assessment rests on: (subject, period code, area, version).
Used = tuple[tuple[str, str, str, int], ...]


@dataclass(frozen=True, slots=True)
class Point:
    """A value at the end of a period: a baseline, a target, a figure."""

    value: float
    period: Period


@dataclass(frozen=True, slots=True)
class AreaAssessment:
    """The judgement in one area (the municipality, a wijk, a region) before wijken are combined."""

    area: str
    status: Status
    reason: Reason
    latest: Point | None = None
    expected: float | None = None
    progress: float | None = None
    gap: float | None = None
    forecast: Forecast | None = None
    significance: Significance | None = None
    used: Used = ()
    stale: bool = False
    measured: int = 0


def _share(value: float) -> str:
    """Rounded down, so that a share just under a threshold never reads as the threshold."""
    return f"{math.floor(value * 100 + 1e-9)}%"


@dataclass(frozen=True, slots=True)
class Aim:
    """One dated target of a goal, resolved against the baseline: what a figure is judged against."""

    period: Period
    target: Target
    #: The resolved point or bound (a change applied to the baseline); None for a band or a
    #: direction only, or when a change has no baseline to apply to.
    value: float | None
    final: bool

    @property
    def point(self) -> Point | None:
        return Point(self.value, self.period) if self.value is not None else None


def knots_before(aims: list[Aim], aim: Aim) -> tuple[Point, ...]:
    """The dated targets before ``aim`` that the path passes through."""
    return tuple(a.point for a in aims[: aims.index(aim)] if a.point is not None and not a.target.is_band)


def judge(
    direction: Direction,
    base: Point,
    target: Point,
    latest: Point,
    goal: Goal | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    *,
    verdict: bool | None = None,
    knots: tuple[Point, ...] = (),
    aim: Target | None = None,
) -> AreaAssessment:
    """The status of one latest value against the baseline, the target and the path between.

    ``verdict``: the latest figure is the final target period's own (by default: when it ends
    at or after the target period), so the answer is ``achieved`` or ``not_achieved``. ``aim``
    is the target judged against (default: the goal's), for its tolerance and strictness.
    """
    final = latest.period.end >= target.period.end if verdict is None else verdict
    stated = aim or (goal.target if goal is not None else None)
    if direction == Direction.MAINTAIN:
        return _maintain(target, latest, stated.tolerance if stated is not None else None, final)
    sign = 1 if direction.higher_is_better else -1
    strict = stated is not None and stated.strict
    if direction.is_bound and sign * (target.value - base.value) <= 0:
        return _bound(target, latest, sign, final, strict)
    return _path(base, target, latest, sign, goal, thresholds, final, knots, strict)


def _reached(sign: int, value: float, target: float, strict: bool = False) -> bool:
    """Whether ``value`` is at or beyond ``target`` on the better side (beyond it, when strict)."""
    return sign * (value - target) > 1e-9 if strict else sign * (value - target) >= -1e-9


def _maintain(target: Point, latest: Point, tolerance: Tolerance | None, final: bool) -> AreaAssessment:
    """Inside the tolerance band is on track (achieved in the target period). Without a
    tolerance the band is the target itself, and the reason says 'gelijk aan', not 'van x tot x'."""
    low, high = tolerance.band(target.value) if tolerance is not None else (target.value, target.value)
    facts = {"period": latest.period, "latest": latest.value, "low": low, "high": high, "target": target.value}
    gap = target.value - latest.value

    def result(status: Status, code: str, **extra: Any) -> AreaAssessment:
        return AreaAssessment("", status, Reason(code, {**facts, **extra}), latest, target.value, None, gap)

    inside = low - 1e-9 <= latest.value <= high + 1e-9
    if tolerance is None:
        codes = {(True, True): "equal-final", (True, False): "equal"}
        codes |= {(False, True): "not-equal-final", (False, False): "not-equal"}
        status = (
            (Status.ACHIEVED if final else Status.ON_TRACK)
            if inside
            else (Status.NOT_ACHIEVED if final else Status.OFF_TRACK)
        )
        return result(status, codes[inside, final])
    if inside:
        return result(Status.ACHIEVED if final else Status.ON_TRACK, "in-band-final" if final else "in-band")
    if final:
        return result(Status.NOT_ACHIEVED, "out-of-band-final")
    return result(Status.OFF_TRACK, "out-of-band")


def _bound(target: Point, latest: Point, sign: int, final: bool, strict: bool = False) -> AreaAssessment:
    facts = {"period": latest.period, "latest": latest.value, "target": target.value}
    gap = target.value - latest.value
    if _reached(sign, latest.value, target.value, strict):
        status = Status.ACHIEVED if final else Status.ON_TRACK
        return AreaAssessment(
            "", status, Reason("kept-final" if final else "kept", facts), latest, target.value, None, gap
        )
    if final:
        return AreaAssessment(
            "", Status.NOT_ACHIEVED, Reason("bound-broken-final", facts), latest, target.value, None, gap
        )
    return AreaAssessment("", Status.OFF_TRACK, Reason("bound-broken", facts), latest, target.value, None, gap)


def _path(
    base: Point,
    target: Point,
    latest: Point,
    sign: int,
    goal: Goal | None,
    thresholds: Thresholds,
    final: bool,
    knots: tuple[Point, ...] = (),
    strict: bool = False,
) -> AreaAssessment:
    expected = expected_value(base, target, latest.period, goal, knots)
    distance = target.value - base.value
    progress = (latest.value - base.value) / distance if distance else None
    gap = target.value - latest.value
    facts = {
        "period": latest.period,
        "latest": latest.value,
        "target": target.value,
        "expected": expected,
        "baseline": base.value,
        "target_period": target.period,
    }

    def result(status: Status, code: str, **extra: Any) -> AreaAssessment:
        return AreaAssessment("", status, Reason(code, {**facts, **extra}), latest, expected, progress, gap)

    if _reached(sign, latest.value, target.value, strict):
        return result(Status.ACHIEVED, "achieved")
    if final:
        return result(Status.NOT_ACHIEVED, "missed")
    if sign * (latest.value - base.value) < -1e-9:
        return result(Status.OFF_TRACK, "wrong-way")
    required = expected - base.value
    if abs(required) < 1e-12:
        return result(Status.ON_TRACK, "on-path", share=_share(1.0))
    ratio = (latest.value - base.value) / required
    if ratio >= thresholds.on_track:
        return result(Status.ON_TRACK, "on-path", share=_share(min(ratio, 1.0)))
    if ratio >= thresholds.at_risk:
        return result(Status.AT_RISK, "behind-path", share=_share(ratio))
    return result(Status.OFF_TRACK, "behind-path", share=_share(max(ratio, 0.0)))


def judge_band(
    goal: Goal, aims: list[Aim], aim: Aim, base: Point, latest: Point, verdict: bool, thresholds: Thresholds
) -> AreaAssessment:
    """Inside the band (or beyond its open side) is fine; outside, a baseline on the same side
    is judged by its path to the band's near edge, else it is off track."""
    target = aim.target
    low, high = target.low, target.high
    assert low is not None and high is not None
    side = target.side_of(latest.value)
    words = {-1: Wording(N_("onder")), 1: Wording(N_("boven"))}
    facts = {"period": latest.period, "latest": latest.value, "low": low, "high": high}
    final = verdict and aim.final
    if side == 0:
        beyond = (latest.value > high + 1e-9) or (latest.value < low - 1e-9)
        codes = {(True, True): "beyond-range-final", (True, False): "beyond-range"}
        codes |= {(False, True): "inside-range-final", (False, False): "inside-range"}
        code = codes[beyond, final]
        if beyond:
            facts["side"] = words[1 if latest.value > high else -1]
        return AreaAssessment("", Status.ACHIEVED if final else Status.ON_TRACK, Reason(code, facts), latest)
    facts["side"] = words[side]
    if final:
        return AreaAssessment("", Status.NOT_ACHIEVED, Reason("outside-range-final", facts), latest)
    if target.side_of(base.value) == side:  # still on the way in from the baseline's side
        edge = Point(low if side < 0 else high, aim.period)
        result = _path(base, edge, latest, -side, goal, thresholds, False, knots_before(aims, aim))
        if result.status in (Status.ON_TRACK, Status.AT_RISK):
            return result
    return AreaAssessment("", Status.OFF_TRACK, Reason("outside-range", facts), latest)


def judge_trend(
    goal: Goal,
    direction: Direction,
    base: Point,
    latest: Point,
    aim: Aim,
    verdict: bool,
    tested: Significance | None,
    predicted: Forecast | None,
) -> AreaAssessment:
    """A direction only: did the value move the asked way by more than noise? After the target
    period on the figure for it; before, on the trend of all figures (the latest without one)."""
    sign = 1 if direction.higher_is_better else -1
    unit = goal.unit
    way = Wording(N_("stijging") if sign > 0 else N_("daling"))
    if verdict and aim.final:
        moved = movement(base.value, latest.value, unit, tested)
        facts = {"period": latest.period, "latest": latest.value, "baseline": base.value, "way": way}
        facts["noise"] = _noise(base.value, unit, tested)
        if moved == sign:
            return AreaAssessment("", Status.ACHIEVED, Reason("moved-final", facts), latest)
        return AreaAssessment("", Status.NOT_ACHIEVED, Reason("unmoved-final", facts), latest)
    if predicted is not None:
        moved = movement(base.value, predicted.value, unit)
        facts = {
            "forecast": estimate(predicted.value, unit),
            "target_period": aim.period,
            "baseline": base.value,
            "noise": _noise(base.value, unit, None),
        }
        codes = {sign: "moving-trend", 0: "standing-trend", -sign: "turning-trend"}
    else:
        moved = movement(base.value, latest.value, unit, tested)
        facts = {
            "period": latest.period,
            "latest": latest.value,
            "baseline": base.value,
            "noise": _noise(base.value, unit, tested),
        }
        codes = {sign: "moving", 0: "standing", -sign: "turning"}
    statuses = {sign: Status.ON_TRACK, 0: Status.AT_RISK, -sign: Status.OFF_TRACK}
    return AreaAssessment("", statuses[moved], Reason(codes[moved], facts), latest)


def _noise(base: float, unit: Any, tested: Significance | None) -> Wording:
    """The rule that told a real change from noise, for the reason."""
    if tested is not None:
        return Wording(
            N_("(Getoetst met de steekproefgrootte of marges: de kans dat dit toeval is, is {p}.)"),
            {"p": Wording(N_("kleiner dan 5%")) if tested.significant else Wording(N_("5% of groter"))},
        )

    return Wording(
        N_("(Een verandering telt vanaf {minimal}: kleinere verschillen kunnen toeval zijn.)"),
        {"minimal": minimal_change(base, unit)},
    )


def expected_value(
    base: Point, target: Point, at: Period, goal: Goal | None = None, knots: tuple[Point, ...] = ()
) -> float:
    """The value on the path from baseline to target at ``at`` (the target after the target period).

    A straight line in time through the dated targets on the way (``knots``); for "+x% per jaar"
    goals the compound yearly path.
    """
    points = [base, *(k for k in knots if base.period.years_until(k.period) > 0), target]
    for start, end in zip(points, points[1:], strict=False):
        if base.period.years_until(at) <= base.period.years_until(end.period) or end is target:
            return _segment(start, end, at, goal if start is base and end is target else None)
    return target.value


def _segment(base: Point, target: Point, at: Period, goal: Goal | None) -> float:
    total = base.period.years_until(target.period)
    elapsed = base.period.years_until(at)
    if total <= 0 or elapsed >= total:
        return target.value
    if elapsed <= 0:
        return base.value
    change = goal.target.change if goal is not None and goal.target is not None else None
    if change is not None and change.kind == ChangeKind.PERCENT_PER_YEAR and base.value > 0 and target.value > 0:
        # the compound yearly path through both ends: the plan's rate, ending at the stated target
        growth: float = (target.value / base.value) ** (elapsed / total)
        return round(base.value * growth, 9)
    return round(base.value + (target.value - base.value) * elapsed / total, 9)
