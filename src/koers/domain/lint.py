# SPDX-License-Identifier: EUPL-1.2
"""The SMART check: is every goal specific, measurable and time-bound enough to be judged?

Heemskerk's 2020-2023 plan could not be evaluated because its goals were not measurable and
had no baseline. This check names such gaps per goal before the plan is adopted, each with a
stable code, a severity and a plain-Dutch explanation of what to fix:

* ``error``: the goal cannot be judged as written (no baseline, a target that can never be
  measured in time, ...);
* ``warning``: it can be judged, but the judgement will be weak or disputed;
* ``info``: worth knowing.

Every rule is declared once in ``RULES`` with its severity and messages; the documentation
(docs/smart-check.md) lists the same rules, and a test keeps the two in step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from koers.domain.baselines import BaselineStatus
from koers.domain.formatting import format_number
from koers.domain.frequency import Frequency
from koers.domain.goals import Goal, Scope
from koers.domain.periods import Period
from koers.domain.plan import Plan
from koers.domain.targets import ChangeKind, Direction
from koers.domain.text import Phrase, fill


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]

    def label(self, lang: str = "nl") -> str:
        if lang == "nl":
            return {"error": "fout", "warning": "waarschuwing", "info": "ter info"}[self.value]
        return self.value


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    severity: Severity
    title_nl: str
    title_en: str
    message_nl: str
    message_en: str


@dataclass(frozen=True, slots=True)
class Finding:
    goal: str | None
    code: str
    severity: Severity
    context: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "nl") -> str:
        """The explanation in ``lang``; the context is rendered in that language too."""
        rule = RULES[self.code]
        template = rule.message_nl if lang == "nl" else rule.message_en
        return fill(template, {key: _render(value, lang) for key, value in self.context.items()})

    def as_json(self, lang: str = "nl") -> dict[str, Any]:
        return {"goal": self.goal, "code": self.code, "severity": self.severity.value, "message": self.message(lang)}


def _render(value: Any, lang: str) -> Any:
    if isinstance(value, Phrase):
        return value.pick(lang)
    if isinstance(value, (Period, Frequency)):
        return value.label(lang)
    if isinstance(value, (list, tuple)):
        return (" en " if lang == "nl" else " and ").join(str(_render(v, lang)) for v in value)
    if isinstance(value, float):
        return format_number(round(value, 2), lang)
    return value


def _rule(code: str, severity: Severity, title_nl: str, title_en: str, message_nl: str, message_en: str) -> Rule:
    return Rule(code, severity, title_nl, title_en, message_nl, message_en)


E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
RULES: dict[str, Rule] = {
    r.code: r
    for r in [
        _rule(
            "missing-baseline",
            E,
            "Geen nulmeting",
            "No baseline",
            "Dit doel heeft geen nulmeting{said}. Zonder beginwaarde is niet te zien of het doel "
            "dichterbij komt. Meet de beginwaarde zo snel mogelijk en leg waarde en periode vast.",
            "This goal has no baseline{said}. Without a starting value nobody can see whether the "
            "goal comes closer. Measure the starting value soon and record its value and period.",
        ),
        _rule(
            "pending-baseline",
            W,
            "Nulmeting volgt nog",
            "Baseline still to come",
            "De nulmeting ({period}) volgt nog: {reason} {overdue}Vul de waarde in zodra die er is.",
            "The baseline ({period}) is still to come: {reason} {overdue}Fill in the value as soon as it is known.",
        ),
        _rule(
            "missing-target",
            E,
            "Geen streefwaarde",
            "No target",
            "Dit doel heeft geen streefwaarde. Leg vast welke waarde in welk jaar bereikt moet zijn.",
            "This goal has no target. Record which value must be reached in which year.",
        ),
        _rule(
            "missing-target-period",
            E,
            "Streefwaarde zonder jaar",
            "Target without a period",
            "De streefwaarde heeft geen periode. Leg vast wanneer de streefwaarde bereikt moet zijn.",
            "The target has no period. Record when the target must be met.",
        ),
        _rule(
            "missing-unit",
            E,
            "Geen eenheid",
            "No unit",
            "Het doel zegt niet in welke eenheid wordt gemeten (percentage, aantal, euro, per 1.000 inwoners). "
            "Leg de indicator en de eenheid vast.",
            "The goal does not say in which unit it is measured (percentage, count, euro, per 1,000 inhabitants). "
            "Record the indicator and its unit.",
        ),
        _rule(
            "missing-direction",
            E,
            "Geen richting",
            "No direction",
            "Het doel zegt niet of de waarde moet stijgen, dalen of gelijk blijven. Leg de richting vast.",
            "The goal does not say whether the value must rise, fall or stay the same. Record the direction.",
        ),
        _rule(
            "missing-source",
            E,
            "Geen meetinstrument",
            "No data source",
            "Het doel noemt geen meetinstrument. Leg vast waar de cijfers vandaan komen.",
            "The goal names no data source. Record where the figures come from.",
        ),
        _rule(
            "missing-frequency",
            E,
            "Geen meetfrequentie",
            "No measurement frequency",
            "Het doel zegt niet hoe vaak er wordt gemeten. Leg de meetfrequentie vast, bijvoorbeeld '1X per jaar'.",
            "The goal does not say how often it is measured. Record the frequency, for example '1X per jaar'.",
        ),
        _rule(
            "target-not-measurable-in-time",
            E,
            "Geen meting in het streefjaar",
            "No measurement in the target period",
            "{source} meet {frequency}. Na {anchor} volgen metingen in {next}, niet in {target}. Zo is niet te "
            "zien of het doel in {target} is gehaald. Kies een streefjaar met een meting, of een ander meetinstrument.",
            "{source} measures {frequency}. After {anchor} the next measurements are in {next}, not in {target}. "
            "So nobody can see whether the goal is met in {target}. Choose a target period with a measurement, "
            "or another instrument.",
        ),
        _rule(
            "no-tolerance",
            W,
            "Gelijk blijven zonder marge",
            "Keep equal without a tolerance",
            "Het doel is dat de waarde gelijk blijft, maar er is geen marge. Dan telt elke kleine "
            "verandering als niet gehaald. Leg een marge vast, bijvoorbeeld '2%' of '1 pp'.",
            "The goal is to keep the value equal, but there is no tolerance, so every small change counts "
            "as missed. Record a tolerance, for example '2%' or '1 pp'.",
        ),
        _rule(
            "stale-baseline",
            W,
            "Oude nulmeting",
            "Old baseline",
            "De nulmeting is van {baseline}, {age} jaar voor de start van het plan ({start}). Het beeld kan "
            "sindsdien veranderd zijn. Gebruik een recentere meting als die er is.",
            "The baseline is from {baseline}, {age} years before the plan starts ({start}). Things may have "
            "changed since. Use a more recent measurement if there is one.",
        ),
        _rule(
            "relative-target-without-baseline",
            E,
            "Relatieve streefwaarde zonder nulmeting",
            "Relative target without a baseline",
            "De streefwaarde is een verandering ({change}), maar er is geen nulmeting. Dan is niet uit te "
            "rekenen welke waarde gehaald moet worden. Leg eerst de nulmeting vast.",
            "The target is a change ({change}), but there is no baseline, so the value to reach cannot be "
            "computed. Record the baseline first.",
        ),
        _rule(
            "relative-target-on-zero-baseline",
            E,
            "Relatieve streefwaarde vanaf nul",
            "Relative target from zero",
            "De streefwaarde is een verandering ({change}) vanaf een nulmeting van 0. Een procent van 0 is 0, "
            "dus de streefwaarde is ook 0. Leg de streefwaarde vast als getal.",
            "The target is a change ({change}) from a baseline of 0. A percentage of 0 is 0, so the target is 0 "
            "too. Record the target as a number.",
        ),
        _rule(
            "target-not-after-baseline",
            E,
            "Streefjaar niet na de nulmeting",
            "Target period not after the baseline",
            "Het streefjaar ({target}) ligt niet na de nulmeting ({baseline}). Controleer beide periodes.",
            "The target period ({target}) does not come after the baseline ({baseline}). Check both periods.",
        ),
        _rule(
            "target-contradicts-direction",
            E,
            "Streefwaarde tegen de richting in",
            "Target against the direction",
            "Het doel moet {direction}, maar de streefwaarde ({target}) ligt niet {side} de nulmeting ({baseline}). "
            "Controleer de richting en de streefwaarde.",
            "The goal must {direction}, but the target ({target}) is not {side} the baseline ({baseline}). "
            "Check the direction and the target.",
        ),
        _rule(
            "missing-region",
            E,
            "Regio onbekend",
            "Region not named",
            "Het doel geldt voor een regio, maar zegt niet welke. Kies een regio uit het gebiedenregister.",
            "The goal is regional but does not say which region. Pick a region from the area register.",
        ),
        _rule(
            "every-wijk-without-wijken",
            E,
            "Geen wijken bekend",
            "No wijken known",
            "Het doel geldt voor elke wijk, maar het plan noemt geen wijken. Voeg de wijken toe aan het gebiedenregister.",
            "The goal applies to every wijk, but the plan lists no wijken. Add the wijken to the area register.",
        ),
        _rule(
            "wijken-without-cbs-code",
            INFO,
            "Wijken zonder CBS-code",
            "Wijken without a CBS code",
            "Het doel geldt voor elke wijk. Van {missing} is de CBS-code niet bekend; cijfers per wijk van CBS of "
            "de GGD zijn dan niet te koppelen. Vul de CBS-codes in het gebiedenregister in.",
            "The goal applies to every wijk. The CBS code of {missing} is not known, so figures per wijk from CBS "
            "or the GGD cannot be linked. Fill in the CBS codes in the area register.",
        ),
    ]
}


@dataclass(frozen=True, slots=True)
class LintContext:
    plan: Plan
    as_of: date
    stale_years: int
    last_measured: Mapping[str, Period]


GoalRule = Callable[[Goal, LintContext], Iterator[Finding]]


def lint_plan(
    plan: Plan,
    *,
    as_of: date,
    stale_years: int | None = None,
    last_measured: Mapping[str, Period] | None = None,
) -> list[Finding]:
    """Every finding for every goal, in the plan's order, errors first within a goal.

    ``as_of`` decides whether a pending baseline is overdue; ``last_measured`` (goal id to the
    period of its latest measurement) anchors the measurement schedule once data exists.
    """
    ctx = LintContext(
        plan=plan,
        as_of=as_of,
        stale_years=plan.lint.stale_baseline_years if stale_years is None else stale_years,
        last_measured=last_measured or {},
    )
    findings: list[Finding] = []
    for goal in plan.goals:
        found = [f for rule in GOAL_RULES for f in rule(goal, ctx)]
        findings += sorted(found, key=lambda f: f.severity.rank)
    return findings


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == Severity.ERROR for f in findings)


def _find(goal: Goal, code: str, severity: Severity | None = None, **context: Any) -> Finding:
    return Finding(goal.id, code, severity or RULES[code].severity, context)


# -- the rules ----------------------------------------------------------------------------


def check_baseline(goal: Goal, ctx: LintContext) -> Iterator[Finding]:
    baseline = goal.baseline
    if baseline is None or baseline.status == BaselineStatus.ABSENT:
        said: Phrase | str = ""
        if baseline is not None and baseline.reason:
            said = Phrase(f" (het plan zegt: '{baseline.reason}')", f" (the plan says: '{baseline.reason}')")
        yield _find(goal, "missing-baseline", said=said)
    elif baseline.status == BaselineStatus.PENDING:
        expected = baseline.expected
        overdue = expected is not None and expected.end < ctx.as_of
        note: Phrase | str = ""
        if overdue and expected is not None:
            note = Phrase(
                f"Die werd verwacht in {expected.label('nl')}. ", f"It was expected in {expected.label('en')}. "
            )
        yield _find(
            goal,
            "pending-baseline",
            Severity.ERROR if overdue else None,
            period=baseline.period or "?",
            reason=(baseline.reason or "").lstrip("*").rstrip(".") + ".",
            overdue=note,
        )


def check_stated_parts(goal: Goal, ctx: LintContext) -> Iterator[Finding]:
    if goal.target is None:
        yield _find(goal, "missing-target")
    elif goal.target.period is None:
        yield _find(goal, "missing-target-period")
    if goal.unit is None:
        yield _find(goal, "missing-unit")
    if goal.direction is None:
        yield _find(goal, "missing-direction")
    if not goal.source:
        yield _find(goal, "missing-source")
    if goal.frequency is None:
        yield _find(goal, "missing-frequency")


def check_measurable_in_time(goal: Goal, ctx: LintContext) -> Iterator[Finding]:
    target = goal.target.period if goal.target else None
    anchor = ctx.last_measured.get(goal.id) or (goal.baseline.period if goal.baseline else None)
    if goal.frequency is None or target is None or anchor is None or anchor >= target:
        return
    if goal.frequency.measures_in(anchor, target) is not None:
        return
    upcoming = []
    for period in goal.frequency.schedule(anchor):
        upcoming.append(period)
        if period.end > target.end or len(upcoming) > 40:
            break
    yield _find(
        goal,
        "target-not-measurable-in-time",
        source=goal.source or Phrase("Het meetinstrument", "The instrument"),
        frequency=goal.frequency,
        anchor=anchor,
        next=upcoming[-2:],
        target=target,
    )


def check_tolerance(goal: Goal, ctx: LintContext) -> Iterator[Finding]:
    if goal.direction == Direction.MAINTAIN and goal.target is not None and goal.target.tolerance is None:
        yield _find(goal, "no-tolerance")


def check_stale_baseline(goal: Goal, ctx: LintContext) -> Iterator[Finding]:
    baseline = goal.baseline
    if baseline is None or not baseline.is_known or baseline.period is None:
        return
    age = ctx.plan.start_year - baseline.period.end.year
    if age > ctx.stale_years:
        yield _find(goal, "stale-baseline", baseline=baseline.period, age=age, start=ctx.plan.start_year)


def check_relative_target(goal: Goal, ctx: LintContext) -> Iterator[Finding]:
    target = goal.target
    if target is None or target.change is None or target.value is not None:
        return
    if goal.baseline is None or goal.baseline.status == BaselineStatus.ABSENT:
        yield _find(goal, "relative-target-without-baseline", change=target.change.as_written)
    elif goal.baseline.value == 0 and target.change.kind in (ChangeKind.PERCENT, ChangeKind.PERCENT_PER_YEAR):
        yield _find(goal, "relative-target-on-zero-baseline", change=target.change.as_written)


def check_target_against_baseline(goal: Goal, ctx: LintContext) -> Iterator[Finding]:
    target, baseline = goal.target, goal.baseline
    if target is None or baseline is None or baseline.period is None or target.period is None:
        return
    if target.period <= baseline.period:
        yield _find(goal, "target-not-after-baseline", target=target.period, baseline=baseline.period)
        return
    resolved = goal.resolved_target()
    if resolved is None or baseline.value is None or goal.direction not in (Direction.INCREASE, Direction.DECREASE):
        return
    rising = goal.direction == Direction.INCREASE
    if (resolved <= baseline.value) if rising else (resolved >= baseline.value):
        direction = goal.direction
        yield _find(
            goal,
            "target-contradicts-direction",
            direction=Phrase(direction.label("nl"), direction.label("en")),
            side=Phrase("boven", "above") if rising else Phrase("onder", "below"),
            target=float(resolved),
            baseline=float(baseline.value),
        )


def check_scope(goal: Goal, ctx: LintContext) -> Iterator[Finding]:
    if goal.scope == Scope.REGION and not goal.region:
        yield _find(goal, "missing-region")
    if goal.scope != Scope.EVERY_WIJK:
        return
    wijken = ctx.plan.wijken()
    if not wijken:
        yield _find(goal, "every-wijk-without-wijken")
        return
    missing = [w.name for w in wijken if not w.cbs_code]
    if missing:
        yield _find(goal, "wijken-without-cbs-code", missing=", ".join(missing))


GOAL_RULES: tuple[GoalRule, ...] = (
    check_baseline,
    check_stated_parts,
    check_measurable_in_time,
    check_tolerance,
    check_stale_baseline,
    check_relative_target,
    check_target_against_baseline,
    check_scope,
)
