# SPDX-License-Identifier: EUPL-1.2
"""Where a goal stands: a status with its reasons, from the baseline, the targets and the
measurements. The method is explained in plain language in docs/methodology.md.

The core question is the council's: are we on course? koers compares the latest measurement
with what the goal's target asks, for the target at hand (a goal may have a begroting value per
year and a final streefwaarde; each figure is judged against the target for its period):

* a goal that must move to a value (rise, fall, or reach a floor or ceiling it is not yet at)
  is judged by the share of the required change so far that has been realised, on the straight
  path in time from baseline through the dated targets (for "+10% per jaar": the compound yearly
  path): at least 0.95 is on track, at least 0.6 at risk, less (or moving the wrong way) off
  track, and reaching the final target is achieved. These are Open SDG's thresholds
  (koers.domain.status), configurable per plan;
* a bound that is already kept (a cost ceiling above the baseline, "handhaven: niet lager dan
  nu") is on track while it is kept; a band ("tussen 60 en 65%") while the value is inside it
  (or beyond its open side: "gelijk of hoger"); a "keep equal" goal inside its tolerance;
* a direction only ("toename") is on track while the figures move the asked way by more than
  noise (a significance test, else the unit's minimal relevant change), at risk while they do
  not move, off track when they move the wrong way;
* once the final target period has closed, the figure for that period gives the final verdict:
  ``achieved`` or ``not_achieved``, not later figures and not today;
* without a baseline a target that is itself a bound or a band is judged against it; a target
  that needs the baseline (a change, a path, a direction) cannot be, and koers says so;
* a goal per wijk is as good as its worst wijk, and names the wijken that fall short.

The rule per kind of target is in koers.domain.judging, the texts of the reasons in
koers.domain.reasons; this module decides which figure and which target are judged, and says so.

Figures recorded as not available (n.b.) account for their period without being judged. Every
assessment lists the measurement versions it used, so a revised figure visibly changes it; a
latest figure older than its frequency plus the grace period is marked stale.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from koers.domain.areas import AreaIds
from koers.domain.baselines import BaselineStatus
from koers.domain.forecast import MIN_FORECAST_POINTS, Forecast, Significance, forecast, significance
from koers.domain.formatting import decimals_of, estimate
from koers.domain.goals import Goal, Scope
from koers.domain.judging import (
    Aim,
    AreaAssessment,
    Point,
    Used,
    judge,
    judge_band,
    judge_trend,
    knots_before,
)
from koers.domain.measurement_columns import oversized
from koers.domain.measurements import Measurement
from koers.domain.periods import Period
from koers.domain.plan import Plan
from koers.domain.reasons import Reason, Scale

# Re-exported: the status vocabulary and its thresholds are declared in koers.domain.status.
from koers.domain.status import DEFAULT_THRESHOLDS
from koers.domain.status import JUDGED as JUDGED
from koers.domain.status import WORST_FIRST as WORST_FIRST
from koers.domain.status import Status as Status
from koers.domain.status import Thresholds as Thresholds
from koers.domain.targets import BandOpen, ChangeKind, Direction, Target
from koers.domain.wording import Wording
from koers.i18n import N_, _


@dataclass(frozen=True, slots=True)
class Override:
    status: Status
    justification: str
    by: str | None = None
    on: date | None = None


@dataclass(frozen=True, slots=True)
class Assessment:
    goal: str
    status: Status
    reason: Reason
    baseline: Point | None
    target: Point | None
    latest: Point | None = None
    expected: float | None = None
    progress: float | None = None
    gap: float | None = None
    forecast: Forecast | None = None
    significance: Significance | None = None
    used: Used = ()
    areas: tuple[AreaAssessment, ...] = ()
    override: Override | None = None
    computed: Status | None = None
    #: The latest figure is older than its frequency plus the grace period.
    stale: bool = False
    #: How many figures there are after the baseline (a forecast needs MIN_FORECAST_POINTS).
    measured: int = 0
    #: The target the status is judged against (the one for the period at hand), as written.
    aim: Target | None = None
    #: When that target is due (its own period, or the plan's end year).
    aim_period: Period | None = None
    #: Whether the status is the final verdict on the final target.
    final: bool = False

    def message(self, lang: str = "nl") -> str:
        text = self.reason.text(lang)
        if self.override is None:
            return text
        return _(
            "Handmatig vastgesteld als '{status}' (berekend: '{computed}'): {justification} Berekening: {reason}",
            lang,
            status=self.status.label(lang),
            computed=self.computed.label(lang) if self.computed else "-",
            justification=self.override.justification,
            reason=text,
        )

    def forecast_note(self, lang: str = "nl") -> str | None:
        """Why there is no forecast, when there is none but there could be one later."""
        if self.forecast is not None or self.baseline is None or self.target is None or self.final:
            return None
        if self.reason.code == UNUSABLE:
            return _("Geen prognose: met deze cijfers kan koers niet rekenen.", lang)
        return _(
            "Geen prognose: daarvoor zijn minstens {needed} metingen na de nulmeting nodig (nu {count}).",
            lang,
            needed=MIN_FORECAST_POINTS,
            count=self.measured,
        )


# -- assessing ------------------------------------------------------------------------------


def assess_plan(
    plan: Plan,
    measurements: Iterable[Measurement],
    *,
    as_of: date,
    overrides: Mapping[str, Override] | None = None,
) -> dict[str, Assessment]:
    """Every goal of ``plan`` assessed on its current measurements, with overrides applied.

    The one place that knows which area ids a plan's figures are stored under, and which
    thresholds and grace days it uses: the CLI, the report, the dashboard, the API and the demo
    all call it, so a goal has one status everywhere.
    """
    areas = plan.area_ids()
    by_goal: dict[str, list[Measurement]] = {}
    for m in measurements:
        by_goal.setdefault(m.subject, []).append(m)
    chosen = overrides or {}
    return {
        goal.id: with_override(
            assess_goal(plan, goal, by_goal.get(goal.id, []), as_of=as_of, areas=areas), chosen.get(goal.id)
        )
        for goal in plan.goals
    }


def assess_goal(
    plan: Plan, goal: Goal, measurements: Iterable[Measurement], *, as_of: date, areas: AreaIds | None = None
) -> Assessment:
    """One goal of ``plan``, judged with the plan's area ids, thresholds, grace days and end year
    (the demo data calls this to check the figures it makes)."""
    ids = areas or plan.area_ids()
    return assess(
        goal,
        measurements,
        as_of=as_of,
        municipality=ids.municipality,
        wijken=ids.wijken,
        names=ids.names,
        thresholds=plan.assessment.thresholds,
        end_year=plan.end_year,
    )


def assess(
    goal: Goal,
    measurements: Iterable[Measurement],
    *,
    as_of: date,
    municipality: str,
    wijken: Sequence[str] = (),
    names: Mapping[str, str] | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    end_year: int | None = None,
) -> Assessment:
    """Assess ``goal`` on its current measurements (any areas; the scope picks the right ones).

    ``municipality`` and ``wijken`` are the area ids measurements are stored under; ``names``
    gives the names the reasons use for them; a target without a period is due at the end of
    ``end_year`` (the plan's). Prefer :func:`assess_plan`, which takes all of these from the plan.
    """
    baseline = goal.baseline
    base_point = (
        Point(baseline.value, baseline.period)
        if baseline is not None and baseline.is_known and baseline.value is not None and baseline.period is not None
        else None
    )
    aims = _aims(goal, end_year)
    points = [m for m in measurements if m.subject == goal.id and m.period.end <= as_of]
    scale = _scale(goal, points)
    results = [
        _assess_area(goal, area, [m for m in points if m.area == area], as_of, base_point, aims, thresholds)
        for area in _areas(goal, municipality, wijken)
    ]
    results = [replace(r, reason=r.reason.scaled(scale)) for r in results]
    final = aims[-1] if aims else None
    if len(results) == 1:
        only = results[0]
        aim = _aim_for(aims, only.latest)
        shown = aim.point if aim is not None else None
        return Assessment(
            goal.id,
            only.status,
            only.reason,
            base_point,
            shown or _edge(aim, base_point),
            only.latest,
            only.expected,
            only.progress,
            only.gap,
            only.forecast,
            only.significance,
            only.used,
            stale=only.stale,
            measured=only.measured,
            aim=aim.target if aim else None,
            aim_period=aim.period if aim else None,
            final=_is_verdict(final, only.latest),
        )
    target = final.point or _edge(final, base_point) if final is not None else None
    return _combine(goal, results, base_point, target, names or {}, final)


def _scale(goal: Goal, figures: Sequence[Measurement]) -> Scale:
    """How the goal's numbers are written in its reasons: with its unit, and with as many
    decimals as its own figures have (the plan's baseline and targets, and the measurements), so
    that a computed value is written as precisely as the figures it comes from."""
    stated = [goal.baseline.value if goal.baseline else None]
    stated += [number for t in goal.all_targets for _name, number in t.numbers()]
    stated += [m.value for m in figures]
    found = [decimals_of(v) for v in stated if v is not None]
    return Scale(goal.unit, max(found, default=0))


def _aims(goal: Goal, end_year: int | None) -> list[Aim]:
    dated = goal.dated_targets(end_year)
    return [
        Aim(period, target, target.resolve(goal.baseline, period), index == len(dated) - 1)
        for index, (period, target) in enumerate(dated)
    ]


def _aim_for(aims: list[Aim], latest: Point | None) -> Aim | None:
    """The target for the period at hand: the first not yet past at the latest figure, else the last."""
    if not aims:
        return None
    if latest is None:
        return aims[0] if aims[0].period.end > date.min else aims[-1]
    return next((a for a in aims if a.period.end >= latest.period.end), aims[-1])


def _is_verdict(final: Aim | None, latest: Point | None) -> bool:
    return final is not None and latest is not None and latest.period.end >= final.period.end


def _edge(aim: Aim | None, base: Point | None) -> Point | None:
    """Where a band is shown as one point: the edge to reach (from the baseline's side), else its lower edge."""
    if aim is None or not aim.target.is_band:
        return None
    low, high = aim.target.low, aim.target.high
    assert low is not None and high is not None
    value = high if base is not None and base.value > high and aim.target.band_open != BandOpen.ABOVE else low
    return Point(value, aim.period)


def _areas(goal: Goal, municipality: str, wijken: Sequence[str]) -> list[str]:
    if goal.scope == Scope.EVERY_WIJK and wijken:
        return list(wijken)
    if goal.scope == Scope.REGION and goal.region:
        return [goal.region]
    return [municipality]


def _assess_area(
    goal: Goal,
    area: str,
    points: list[Measurement],
    as_of: date,
    base: Point | None,
    aims: list[Aim],
    thresholds: Thresholds,
) -> AreaAssessment:
    baseline_period = goal.baseline.period if goal.baseline else None
    # After the baseline means: ending after the baseline period ends (2023-H2 is part of 2023).
    start = baseline_period.end if baseline_period is not None else None
    ordered = [m for _key, m in sorted(((m.period.sort_key, m) for m in points), key=lambda pair: pair[0])]
    unusable = _unusable(ordered)
    if unusable is not None:
        return AreaAssessment(area, Status.NO_DATA, unusable)
    later = [m for m in ordered if start is None or m.period.end > start]
    after = [m for m in later if m.value is not None]
    notes = _notes(ordered, later, after, baseline_period)
    final = aims[-1] if aims else None
    verdict = next((m for m in after if final is not None and m.period.end >= final.period.end), None)
    chosen = verdict or (after[-1] if after else None)
    judged = after[: after.index(chosen) + 1] if chosen is not None else []
    latest = Point(_value(chosen), chosen.period) if chosen is not None else None
    used: Used = tuple((m.subject, m.period.code, m.area, m.version) for m in judged)
    stale = _stale(goal, chosen, later, as_of, thresholds)
    unjudgeable = _unjudgeable(goal, aims)
    if unjudgeable is not None:
        return AreaAssessment(area, Status.NO_TARGET, unjudgeable.adding(notes), latest, used=used, stale=stale)
    aim = _aim_for(aims, latest)
    assert aim is not None and final is not None
    if base is None:
        result = _without_baseline(goal, latest, aim, verdict is not None)
        return replace(result, area=area, reason=result.reason.adding(notes), used=used, stale=stale)
    if latest is None:
        result = _nothing_since_baseline(goal, base, later, as_of, thresholds)
        return replace(result, area=area, reason=result.reason.adding(notes))
    at_baseline = [m for m in points if m.period == base.period and m.value is not None]
    first = max(at_baseline, key=lambda m: m.version) if at_baseline else None
    tested = significance(first, chosen, goal.unit) if first is not None and chosen is not None else None
    # once the target period's own figure is in, there is nothing left to forecast
    bounds = goal.unit.bounds if goal.unit else None
    predicted = None if verdict is not None else forecast(base.value, base.period, judged, final.period, bounds)
    result = _judge(goal, aims, aim, base, latest, verdict is not None, thresholds, tested, predicted)
    if tested is not None and first is not None:  # the baseline figure it rests on is used too
        used = ((first.subject, first.period.code, first.area, first.version), *used)
    extra = [*notes, *_trend_disagrees(result.status, final, predicted, goal, verdict is not None)]
    return replace(
        result,
        area=area,
        reason=result.reason.adding(extra),
        forecast=predicted,
        significance=tested,
        used=used,
        stale=stale,
        measured=len(after),
    )


#: The reason of a goal with a figure koers cannot compute with.
UNUSABLE = "unusable-figure"


def _unusable(figures: Sequence[Measurement]) -> Reason | None:
    """Why the figures cannot be judged: one holds a number too large to compute with
    (koers.domain.measurement_columns.oversized). One such figure once made the forecast
    overflow and took every page down; now the goal says which figure it is, and is not judged
    until that figure is put right."""
    for m in figures:
        size = oversized(m)
        if size is not None:
            return Reason("unusable-figure", {"period": m.period, "limit": float(size)})
    return None


def _value(m: Measurement) -> float:
    assert m.value is not None
    return float(m.value)


def _notes(
    ordered: list[Measurement], later: list[Measurement], after: list[Measurement], baseline_period: Period | None
) -> list[Reason]:
    """What the reader should know about figures that are not judged: refused or not available."""
    notes = [
        Reason("inside-baseline", {"period": m.period, "baseline_period": baseline_period})
        for m in ordered
        if baseline_period is not None
        and m.period != baseline_period
        and m.period.end <= baseline_period.end
        and baseline_period.contains(m.period)
    ]
    newest = later[-1] if later else None
    if newest is not None and newest.value is None and (not after or newest.period.end > after[-1].period.end):
        code = newest.unavailable.value if newest.unavailable is not None else "-"
        notes.append(Reason("not-available", {"period": newest.period, "code": code, "why": newest.note or "-"}))
    return notes


def _stale(goal: Goal, latest: Measurement | None, later: list[Measurement], as_of: date, limits: Thresholds) -> bool:
    """Whether the latest figure is older than its frequency plus the grace period (and no
    not-available figure accounts for the period since)."""
    if latest is None or goal.frequency is None:
        return False
    if any(m.period.end > latest.period.end for m in later):
        return False
    following = next(goal.frequency.schedule(latest.period))
    return following.end + timedelta(days=limits.grace_days) < as_of


def _unjudgeable(goal: Goal, aims: list[Aim]) -> Reason | None:
    """Why the goal's target cannot be judged at all, if so."""
    unread = next((t for t in goal.all_targets if not t.understood), None)
    if unread is not None:
        return Reason("unread-target", {"phrase": unread.phrase or ""})
    if not aims:
        return Reason("no-target")
    if goal.judged_direction is None:
        keep = next((a.target for a in aims if _keeps(a.target)), None)
        if keep is not None:
            return Reason(
                "keep-without-side", {"phrase": keep.phrase or (keep.change.as_written if keep.change else "")}
            )
        if not all(a.target.is_band for a in aims):
            return Reason("no-target")
    return None


def _keeps(target: Target) -> bool:
    return target.change is not None and target.change.kind == ChangeKind.EQUAL and target.direction is None


def _without_baseline(goal: Goal, latest: Point | None, aim: Aim, verdict: bool) -> AreaAssessment:
    """Without a baseline a target that is itself a bound or a band is judged against it; the rest
    needs the baseline, and koers says so (with the latest figure)."""
    direction = goal.judged_direction
    absolute = aim.target.is_band or (aim.target.value is not None and aim.target.change is None)
    if latest is not None and (direction is not None or aim.target.is_band) and absolute:
        met = aim.target.met_by(latest.value, direction, aim.value)
        if met and not aim.target.is_band:  # a value reached, as with a baseline: achieved
            facts = {"target": aim.value, "period": latest.period, "latest": latest.value}
            if aim.final:
                return AreaAssessment("", Status.ACHIEVED, Reason("achieved", facts), latest)
            reason = Reason("waypoint-met", {**facts, "aim_period": aim.period})
            return AreaAssessment("", Status.ON_TRACK, reason, latest)
        if met:
            final = verdict and aim.final
            status = Status.ACHIEVED if final else Status.ON_TRACK
            return AreaAssessment("", status, _bound_reason(aim, latest, "achieved" if final else "met"), latest)
        if verdict and aim.final:
            return AreaAssessment("", Status.NOT_ACHIEVED, _bound_reason(aim, latest, "missed"), latest)
    note: Wording | str = ""
    if latest is not None:
        note = Wording(
            N_(" De laatste meting ({period}) is {latest}."), {"period": latest.period, "latest": latest.value}
        )
    if goal.baseline is not None and goal.baseline.status == BaselineStatus.PENDING:
        period = goal.baseline.period or Wording(N_("de periode is nog niet bekend"))
        reason = Reason("baseline-pending", {"period": period, "latest_note": note})
        return AreaAssessment("", Status.BASELINE_PENDING, reason, latest)
    return AreaAssessment("", Status.NO_BASELINE, Reason("no-baseline", {"latest_note": note}), latest)


def _bound_reason(aim: Aim, latest: Point, how: str) -> Reason:
    target: Any = aim.value if aim.value is not None else _band_words(aim.target)
    verdicts = {
        "achieved": N_("en daarmee is de streefwaarde gehaald:"),
        "met": N_("en dat is binnen de grens van"),
        "missed": N_("en daarmee is de streefwaarde niet gehaald:"),
    }
    return Reason(
        "bound-without-baseline",
        {"period": latest.period, "latest": latest.value, "verdict": Wording(verdicts[how]), "target": target},
    )


def _band_words(target: Target) -> Wording:
    return Wording(N_("{low} tot {high}"), {"low": target.low, "high": target.high})


def _nothing_since_baseline(
    goal: Goal, base: Point, later: list[Measurement], as_of: date, thresholds: Thresholds
) -> AreaAssessment:
    if later:  # only figures recorded as not available: their period is accounted for
        return AreaAssessment(
            "",
            Status.NOT_YET_MEASURABLE,
            Reason("not-yet", {"baseline_period": base.period, "next": _next(goal, later[-1].period)}),
        )
    if goal.frequency is None:
        return AreaAssessment(
            "",
            Status.NO_DATA,
            Reason("no-data", {"baseline_period": base.period, "due": Wording(N_("een latere periode"))}),
        )
    first = next(goal.frequency.schedule(base.period))
    if first.end + timedelta(days=thresholds.grace_days) < as_of:
        return AreaAssessment("", Status.NO_DATA, Reason("no-data", {"baseline_period": base.period, "due": first}))
    return AreaAssessment(
        "", Status.NOT_YET_MEASURABLE, Reason("not-yet", {"baseline_period": base.period, "next": first})
    )


def _next(goal: Goal, after: Period) -> Period | Wording:
    if goal.frequency is None:
        return Wording(N_("een latere periode"))
    return next(goal.frequency.schedule(after))


def _judge(
    goal: Goal,
    aims: list[Aim],
    aim: Aim,
    base: Point,
    latest: Point,
    verdict: bool,
    thresholds: Thresholds,
    tested: Significance | None,
    predicted: Forecast | None,
) -> AreaAssessment:
    """The status of the latest figure against the target at hand, by the kind of target."""
    direction = goal.judged_direction
    target = aim.target
    if target.is_band:
        return judge_band(goal, aims, aim, base, latest, verdict, thresholds)
    assert direction is not None  # only a band is judged without one (_unjudgeable)
    if target.direction_only:
        return judge_trend(goal, direction, base, latest, aim, verdict, tested, predicted)
    if aim.value is None:  # a change needs the baseline, which is known here: cannot happen
        return AreaAssessment("", Status.NO_TARGET, Reason("no-target"), latest)
    side = direction
    if _keeps(target) and direction in (Direction.INCREASE, Direction.DECREASE):
        side = Direction.AT_LEAST if direction == Direction.INCREASE else Direction.AT_MOST
    result = judge(
        side,
        base,
        Point(aim.value, aim.period),
        latest,
        goal,
        thresholds,
        verdict=verdict,
        knots=knots_before(aims, aim),
        aim=target,
    )
    return _as_waypoint(result, aim, latest) if not aim.final else result


def _as_waypoint(result: AreaAssessment, aim: Aim, latest: Point) -> AreaAssessment:
    """A target on the way is no final verdict: meeting it is on track."""
    if result.status == Status.ACHIEVED:
        facts = {"period": latest.period, "latest": latest.value, "aim_period": aim.period, "target": aim.value}
        return replace(result, status=Status.ON_TRACK, reason=Reason("waypoint-met", facts))
    if result.status == Status.NOT_ACHIEVED:
        return replace(result, status=Status.OFF_TRACK)
    if result.reason.code == "behind-path" and latest.period.end >= aim.period.end:  # the aim's own figure
        return replace(result, reason=Reason("waypoint-behind", {**result.reason.facts, "aim_period": aim.period}))
    return result


def _trend_disagrees(
    status: Status, final: Aim | None, predicted: Forecast | None, goal: Goal, verdict: bool
) -> list[Reason]:
    """A sentence when the status and the forecast point different ways, so that neither misleads."""
    direction = goal.judged_direction
    if verdict or predicted is None or final is None or final.value is None or direction is None:
        return []
    if direction.higher_is_better is None or final.target.is_band:
        return []
    reaches = final.target.met_by(predicted.value, direction, final.value)
    facts = {"target_period": final.period, "forecast": estimate(predicted.value, goal.unit), "target": final.value}
    if status in (Status.ON_TRACK, Status.ACHIEVED) and not reaches:
        return [Reason("trend-misses", facts)]
    if status in (Status.AT_RISK, Status.OFF_TRACK) and reaches:
        return [Reason("trend-reaches", facts)]
    return []


def _combine(
    goal: Goal,
    results: list[AreaAssessment],
    base: Point | None,
    target: Point | None,
    names: Mapping[str, str],
    final_aim: Aim | None,
) -> Assessment:
    """A goal per wijk is as good as its worst wijk; the reason names the wijken concerned."""
    worst = min(results, key=lambda r: WORST_FIRST.index(r.status)).status
    concerned = [names.get(r.area, r.area) for r in results if r.status == worst]
    used = tuple(u for r in results for u in r.used)
    if all(r.status in (Status.ACHIEVED, Status.ON_TRACK) for r in results):
        reason = Reason("wijken-fine", {"total": len(results), "worst": worst})  # 'op koers' at worst
    else:
        reason = Reason(
            "wijken",
            {
                "worst": worst,  # the reason opens with it, so it gets a capital
                "count": len(concerned),
                "total": len(results),
                "names": ", ".join(concerned),
            },
        )
    return Assessment(
        goal.id,
        worst,
        reason,
        base,
        target,
        used=used,
        areas=tuple(results),
        stale=any(r.stale for r in results),
        measured=min((r.measured for r in results), default=0),
        aim=final_aim.target if final_aim else None,
        aim_period=final_aim.period if final_aim else None,
        final=worst in (Status.ACHIEVED, Status.NOT_ACHIEVED)
        and all(r.status in (Status.ACHIEVED, Status.NOT_ACHIEVED) for r in results),
    )


# -- overrides and roll-up ----------------------------------------------------------------------


def with_override(assessment: Assessment, override: Override | None) -> Assessment:
    """The assessment with a status set by hand; the computed status stays visible."""
    if override is None:
        return assessment
    if not override.justification.strip():
        raise ValueError("an override needs a written justification")
    return replace(
        assessment, status=override.status, override=override, computed=assessment.computed or assessment.status
    )


@dataclass(frozen=True)
class Rollup:
    counts: dict[Status, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def summary(self, lang: str = "nl") -> str:
        """One line, e.g. 'Van de 28 doelen: 3 gehaald, 10 op koers, ...'."""
        judged = [(status, self.counts.get(status, 0)) for status in JUDGED]
        unjudged = self.total - sum(count for status, count in judged)
        parts = ", ".join(f"{count} {status.label(lang)}" for status, count in judged if count)
        parts = parts or _("nog geen enkel doel beoordeeld", lang)
        if self.total == 1:  # one goal: say its status, not "van de 1 doelen: 1 op koers"
            only = next(status for status, count in self.counts.items() if count)
            return _("Eén doel: {status}.", lang, status=only.label(lang))
        if unjudged:
            return _(
                "Van de {total} doelen: {parts}; van {unjudged} is het nog niet te zeggen.",
                lang,
                total=self.total,
                parts=parts,
                unjudged=unjudged,
            )
        return _("Van de {total} doelen: {parts}.", lang, total=self.total, parts=parts)


def rollup(assessments: Iterable[Assessment]) -> Rollup:
    counts = dict.fromkeys(Status, 0)
    for a in assessments:
        counts[a.status] += 1
    return Rollup(counts)
