# SPDX-License-Identifier: EUPL-1.2
"""Where a goal stands: a status with its reasons, from the baseline, the target and the
measurements. The method is explained in plain language in docs/methodology.md.

The core question is the council's: are we on course? koers compares the latest measurement
with the path from baseline to target, the straight line in time (or, for "+10% per jaar",
the compound yearly path):

* a goal that must move (rise, fall, or reach a floor or ceiling it is not yet at) is judged
  by the share of the required change so far that has been realised: at least 0.95 is on
  track, at least 0.6 at risk, less (or moving the wrong way) off track, and reaching the
  target is achieved. These are Open SDG's thresholds (koers.domain.status), configurable per plan;
* a bound that is already kept (a cost ceiling above the baseline) is on track while it is
  kept, and achieved when it is still kept in the target period;
* a "keep equal" goal is on track inside its tolerance band, off track outside it;
* a goal per wijk is as good as its worst wijk, and names the wijken that fall short.

Without a baseline, or before the instrument has measured again, koers says so instead of
guessing. Every assessment lists the measurement versions it used, so a revised figure
visibly changes it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from koers.domain.baselines import BaselineStatus
from koers.domain.formatting import format_number
from koers.domain.goals import Goal, Scope
from koers.domain.measurements import Measurement
from koers.domain.periods import Period

# Re-exported: the status vocabulary and its thresholds are declared in koers.domain.status.
from koers.domain.status import DEFAULT_THRESHOLDS
from koers.domain.status import JUDGED as JUDGED
from koers.domain.status import WORST_FIRST as WORST_FIRST
from koers.domain.status import Status as Status
from koers.domain.status import Thresholds as Thresholds
from koers.domain.targets import ChangeKind, Direction
from koers.domain.wording import Wording
from koers.i18n import N_, _, fill


@dataclass(frozen=True, slots=True)
class Point:
    value: float
    period: Period


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


@dataclass(frozen=True, slots=True)
class Reason:
    """Why: a code with its facts, put into words (Dutch B1 or English) only when shown."""

    code: str
    facts: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "nl") -> str:
        """The reason as a sentence; it starts with a capital, also when a status label opens it."""
        words = fill(_(REASONS[self.code], lang), {k: _render(v, lang) for k, v in self.facts.items()})
        return words[:1].upper() + words[1:]


@dataclass(frozen=True, slots=True)
class Override:
    status: Status
    justification: str
    by: str | None = None
    on: date | None = None


@dataclass(frozen=True, slots=True)
class AreaAssessment:
    area: str
    status: Status
    reason: Reason
    latest: Point | None = None
    expected: float | None = None
    progress: float | None = None
    gap: float | None = None
    forecast: Forecast | None = None
    significance: Significance | None = None
    used: tuple[tuple[str, str, str, int], ...] = ()


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
    used: tuple[tuple[str, str, str, int], ...] = ()
    areas: tuple[AreaAssessment, ...] = ()
    override: Override | None = None
    computed: Status | None = None

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


# -- the reasons ----------------------------------------------------------------------------

#: Every reason, by code: a Dutch template (English: koers.i18n) filled with the reason's facts.
REASONS: dict[str, str] = {
    "achieved": N_("De streefwaarde ({target}) is gehaald: de laatste meting ({period}) is {latest}."),
    "kept": N_("De laatste meting ({period}) is {latest}; dat blijft binnen de grens van {target}."),
    "kept-final": N_("In {period} is de waarde {latest}; dat blijft binnen de grens van {target}. Doel gehaald."),
    "bound-broken": N_("De laatste meting ({period}) is {latest}; dat is over de grens van {target}."),
    "in-band": N_("De laatste meting ({period}) is {latest}; dat ligt binnen de marge van {low} tot {high}."),
    "in-band-final": N_("In {period} is de waarde {latest}, binnen de marge van {low} tot {high}. Doel gehaald."),
    "out-of-band": N_("De laatste meting ({period}) is {latest}; dat ligt buiten de marge van {low} tot {high}.{note}"),
    "on-path": N_(
        "De laatste meting ({period}) is {latest}. Op weg naar {target} hoorde daar {expected} bij; "
        "{share} van die stap is gezet."
    ),
    "behind-path": N_(
        "De laatste meting ({period}) is {latest}. Op weg naar {target} hoorde daar {expected} bij; pas "
        "{share} van die stap is gezet."
    ),
    "wrong-way": N_(
        "De laatste meting ({period}) is {latest}; dat is slechter dan de nulmeting ({baseline}). Het "
        "doel gaat de verkeerde kant op."
    ),
    "missed": N_(
        "De streefperiode ({target_period}) is voorbij en de streefwaarde ({target}) is niet gehaald: de "
        "laatste meting is {latest}."
    ),
    "no-baseline": N_("Er is geen nulmeting. Daarom is niet te zeggen of het doel op koers ligt.{latest_note}"),
    "baseline-pending": N_(
        "De nulmeting ({period}) volgt nog. Tot die er is, is niet te zeggen of het doel op koers ligt.{latest_note}"
    ),
    "no-target": N_(
        "Het doel heeft geen streefwaarde met een periode of een richting. Daarom is het niet te beoordelen."
    ),
    "no-data": N_(
        "Er is na de nulmeting ({baseline_period}) niets gemeten, terwijl er over {due} een meting had moeten zijn."
    ),
    "not-yet": N_(
        "Het meetinstrument heeft na de nulmeting ({baseline_period}) nog niet opnieuw gemeten; de "
        "volgende meting gaat over {next}."
    ),
    "wijken": N_("{worst} in {count} van de {total} wijken: {names}."),
    "wijken-fine": N_("In alle {total} wijken {worst}."),
}


def _render(value: Any, lang: str) -> Any:
    if isinstance(value, Period):
        return value.label(lang)
    if isinstance(value, Status):
        return value.label(lang)
    if isinstance(value, Wording):
        return value.render(lang, _render)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _number(float(value), lang)
    return value


def _number(value: float, lang: str) -> str:
    return format_number(round(value, 2), lang)


def _share(value: float) -> str:
    """Rounded down, so that a share just under a threshold never reads as the threshold."""
    return f"{math.floor(value * 100 + 1e-9)}%"


# -- assessing ------------------------------------------------------------------------------


def assess(
    goal: Goal,
    measurements: Iterable[Measurement],
    *,
    as_of: date,
    municipality: str,
    wijken: Sequence[str] = (),
    names: Mapping[str, str] | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> Assessment:
    """Assess ``goal`` on its current measurements (any areas; the scope picks the right ones).

    ``municipality`` and ``wijken`` are the area ids measurements are stored under; ``names``
    gives the names the reasons use for them.
    """
    baseline = goal.baseline
    target_value = goal.resolved_target()
    target_period = goal.target.period if goal.target else None
    base_point = (
        Point(baseline.value, baseline.period)
        if baseline is not None and baseline.is_known and baseline.value is not None and baseline.period is not None
        else None
    )
    target_point = Point(target_value, target_period) if target_value is not None and target_period else None
    points = [m for m in measurements if m.subject == goal.id and m.period.end <= as_of]
    areas = _areas(goal, municipality, wijken)
    results = [
        _assess_area(goal, area, [m for m in points if m.area == area], as_of, base_point, target_point, thresholds)
        for area in areas
    ]
    if len(results) == 1:
        only = results[0]
        return Assessment(
            goal.id,
            only.status,
            only.reason,
            base_point,
            target_point,
            only.latest,
            only.expected,
            only.progress,
            only.gap,
            only.forecast,
            only.significance,
            only.used,
        )
    return _combine(goal, results, base_point, target_point, names or {})


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
    target: Point | None,
    thresholds: Thresholds,
) -> AreaAssessment:
    baseline_period = goal.baseline.period if goal.baseline else None
    # After the baseline means: ending after the baseline period ends (2023-H2 is part of 2023).
    start = baseline_period.end if baseline_period is not None else None
    keyed = sorted(((m.period.sort_key, m) for m in points), key=lambda pair: pair[0])
    after = [m for key, m in keyed if start is None or key[0] > start]
    latest = Point(after[-1].value, after[-1].period) if after else None
    used = tuple((m.subject, m.period.code, m.area, m.version) for m in after)
    if base is None:
        return _without_baseline(goal, area, latest, target, used)
    if target is None or goal.direction is None:
        return AreaAssessment(area, Status.NO_TARGET, Reason("no-target"), latest, used=used)
    if latest is None:
        return _nothing_since_baseline(goal, area, base, as_of, thresholds)
    result = judge(goal.direction, base, target, latest, goal, thresholds)
    forecast = _forecast(base, after, target.period)
    at_baseline = [m for m in points if m.period == base.period]
    significance = _significance(goal, at_baseline, after[-1])
    if significance is not None:  # the baseline figure it rests on is used too
        first = max(at_baseline, key=lambda m: m.version)
        used = ((first.subject, first.period.code, first.area, first.version), *used)
    return replace(result, area=area, forecast=forecast, significance=significance, used=used)


def _without_baseline(
    goal: Goal, area: str, latest: Point | None, target: Point | None, used: tuple[tuple[str, str, str, int], ...]
) -> AreaAssessment:
    """Without a baseline only one thing can be said honestly: whether an absolute target is met."""
    pending = goal.baseline is not None and goal.baseline.status == BaselineStatus.PENDING
    if (
        latest is not None
        and target is not None
        and goal.direction is not None
        and _met(goal.direction, latest.value, target.value)
    ):
        reason = Reason("achieved", {"target": target.value, "period": latest.period, "latest": latest.value})
        return AreaAssessment(area, Status.ACHIEVED, reason, latest, used=used)
    note: Wording | str = ""
    if latest is not None:
        note = Wording(
            N_(" De laatste meting ({period}) is {latest}."), {"period": latest.period, "latest": latest.value}
        )
    if pending:
        period = (
            goal.baseline.period
            if goal.baseline and goal.baseline.period
            else Wording(N_("de periode is nog niet bekend"))
        )
        return AreaAssessment(
            area,
            Status.BASELINE_PENDING,
            Reason("baseline-pending", {"period": period, "latest_note": note}),
            latest,
            used=used,
        )
    return AreaAssessment(area, Status.NO_BASELINE, Reason("no-baseline", {"latest_note": note}), latest, used=used)


def _nothing_since_baseline(goal: Goal, area: str, base: Point, as_of: date, thresholds: Thresholds) -> AreaAssessment:
    if goal.frequency is None:
        return AreaAssessment(
            area,
            Status.NO_DATA,
            Reason("no-data", {"baseline_period": base.period, "due": Wording(N_("een latere periode"))}),
        )
    first = next(goal.frequency.schedule(base.period))
    if first.end + timedelta(days=thresholds.grace_days) < as_of:
        return AreaAssessment(area, Status.NO_DATA, Reason("no-data", {"baseline_period": base.period, "due": first}))
    return AreaAssessment(
        area, Status.NOT_YET_MEASURABLE, Reason("not-yet", {"baseline_period": base.period, "next": first})
    )


def judge(
    direction: Direction,
    base: Point,
    target: Point,
    latest: Point,
    goal: Goal | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> AreaAssessment:
    """The status of one latest value against the baseline, the target and the path between."""
    reached_period = latest.period.end >= target.period.end
    if direction == Direction.MAINTAIN:
        return _maintain(base, target, latest, goal, reached_period)
    sign = 1 if direction.higher_is_better else -1
    if direction.is_bound and sign * (target.value - base.value) <= 0:
        return _bound(base, target, latest, sign, reached_period)
    return _path(base, target, latest, sign, goal, thresholds, reached_period)


def _maintain(base: Point, target: Point, latest: Point, goal: Goal | None, reached: bool) -> AreaAssessment:
    tolerance = goal.target.tolerance if goal is not None and goal.target is not None else None
    low, high = tolerance.band(target.value) if tolerance is not None else (target.value, target.value)
    facts = {"period": latest.period, "latest": latest.value, "low": low, "high": high}
    gap = target.value - latest.value
    if low - 1e-9 <= latest.value <= high + 1e-9:
        status = Status.ACHIEVED if reached else Status.ON_TRACK
        return AreaAssessment(
            "", status, Reason("in-band-final" if reached else "in-band", facts), latest, target.value, None, gap
        )
    note = "" if tolerance is not None else Wording(N_(" Het plan noemt geen marge: elke afwijking telt."))
    return AreaAssessment(
        "", Status.OFF_TRACK, Reason("out-of-band", {**facts, "note": note}), latest, target.value, None, gap
    )


def _bound(base: Point, target: Point, latest: Point, sign: int, reached: bool) -> AreaAssessment:
    facts = {"period": latest.period, "latest": latest.value, "target": target.value}
    gap = target.value - latest.value
    if sign * (latest.value - target.value) >= -1e-9:
        status = Status.ACHIEVED if reached else Status.ON_TRACK
        return AreaAssessment(
            "", status, Reason("kept-final" if reached else "kept", facts), latest, target.value, None, gap
        )
    return AreaAssessment("", Status.OFF_TRACK, Reason("bound-broken", facts), latest, target.value, None, gap)


def _path(
    base: Point, target: Point, latest: Point, sign: int, goal: Goal | None, thresholds: Thresholds, reached: bool
) -> AreaAssessment:
    expected = expected_value(base, target, latest.period, goal)
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

    if sign * (latest.value - target.value) >= -1e-9:
        return result(Status.ACHIEVED, "achieved")
    if reached:
        return result(Status.OFF_TRACK, "missed")
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


def expected_value(base: Point, target: Point, at: Period, goal: Goal | None = None) -> float:
    """The value on the path from baseline to target at ``at`` (the target after the target period).

    A straight line in time; for "+x% per jaar" goals the compound yearly path.
    """
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


def _met(direction: Direction, value: float, target: float) -> bool:
    higher = direction.higher_is_better
    if higher is None:
        return abs(value - target) <= 1e-9
    return value >= target - 1e-9 if higher else value <= target + 1e-9


def _combine(
    goal: Goal, results: list[AreaAssessment], base: Point | None, target: Point | None, names: Mapping[str, str]
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
    return Assessment(goal.id, worst, reason, base, target, used=used, areas=tuple(results))


# -- forecast and significance ----------------------------------------------------------------

#: Two-sided 97.5% quantiles of Student's t for 1 to 30 degrees of freedom (then 1.96).
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


def _forecast(base: Point, after: list[Measurement], target_period: Period) -> Forecast | None:
    """Least squares through the baseline and the measurements (at least two besides the baseline),
    extended to the target period, with a 95% prediction interval."""
    if len(after) < 2:
        return None
    xs = [0.0] + [base.period.years_until(m.period) for m in after]
    ys = [base.value] + [m.value for m in after]
    n = len(xs)
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mean_x) ** 2 for x in xs)
    if sxx == 0:
        return None
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sxx
    intercept = mean_y - slope * mean_x
    x0 = base.period.years_until(target_period)
    value = intercept + slope * x0
    residual = sum((y - (intercept + slope * x)) ** 2 for x, y in zip(xs, ys, strict=True))
    df = n - 2
    spread = math.sqrt(residual / df) if df > 0 else 0.0
    t = T_975[df - 1] if 0 < df <= len(T_975) else 1.96
    half = t * spread * math.sqrt(1 + 1 / n + (x0 - mean_x) ** 2 / sxx)
    return Forecast(round(value, 9), round(value - half, 9), round(value + half, 9), n)


def _significance(goal: Goal, at_baseline: list[Measurement], latest: Measurement) -> Significance | None:
    """Whether the change since the baseline is larger than chance, where both figures carry an
    interval (or, for percentages, a sample size)."""
    if not at_baseline:
        return None
    first = max(at_baseline, key=lambda m: m.version)
    se_first, se_latest = _standard_error(first, goal), _standard_error(latest, goal)
    if se_first is None or se_latest is None:
        return None
    spread = math.sqrt(se_first**2 + se_latest**2)
    if spread == 0:
        return None
    z = (latest.value - first.value) / spread
    method = "ci-z-test" if first.ci_low is not None and latest.ci_low is not None else "two-proportion-z-test"
    return Significance(method, round(z, 6), round(math.erfc(abs(z) / math.sqrt(2)), 6))


def _standard_error(m: Measurement, goal: Goal) -> float | None:
    if m.ci_low is not None and m.ci_high is not None:
        return (m.ci_high - m.ci_low) / (2 * 1.96)
    unit = goal.unit
    if m.sample_size and unit is not None and unit.kind.value == "percentage":
        p = m.value / 100
        return 100 * math.sqrt(p * (1 - p) / m.sample_size)
    return None


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
