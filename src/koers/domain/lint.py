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
from typing import Any, Final

from koers.domain.baselines import BaselineStatus
from koers.domain.formatting import format_number
from koers.domain.frequency import Frequency
from koers.domain.goals import Goal, Scope
from koers.domain.periods import Period
from koers.domain.plan import Plan
from koers.domain.targets import ChangeKind, Direction
from koers.domain.vocabulary import every
from koers.domain.wording import Wording, listing
from koers.i18n import N_, _


class Severity(StrEnum):
    """How bad a finding is; the order is the order of the findings per goal."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    def label(self, lang: str = "nl") -> str:
        return _(SEVERITY_LABELS[self], lang)


SEVERITY_LABELS: Final = every(
    Severity, {Severity.ERROR: N_("fout"), Severity.WARNING: N_("waarschuwing"), Severity.INFO: N_("ter info")}
)
_RANKS: Final = {severity: rank for rank, severity in enumerate(Severity)}


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule of the SMART check: its title and explanation are Dutch ids (English: koers.i18n)."""

    code: str
    severity: Severity
    title: str
    message: str


@dataclass(frozen=True, slots=True)
class Finding:
    goal: str | None
    code: str
    severity: Severity
    context: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "nl") -> str:
        """The explanation in ``lang``; the context is rendered in that language too."""
        return _(RULES[self.code].message, lang, **{key: _render(value, lang) for key, value in self.context.items()})

    def as_json(self, lang: str = "nl") -> dict[str, Any]:
        return {"goal": self.goal, "code": self.code, "severity": self.severity.value, "message": self.message(lang)}


def _render(value: Any, lang: str) -> Any:
    if isinstance(value, Wording):
        return value.render(lang, _render)
    if isinstance(value, (Period, Frequency, Direction)):
        return value.label(lang)
    if isinstance(value, (list, tuple)):
        return listing([str(_render(v, lang)) for v in value], lang)
    if isinstance(value, float):
        return format_number(round(value, 2), lang)
    return value


E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
RULES: dict[str, Rule] = {
    r.code: r
    for r in [
        Rule(
            "missing-baseline",
            E,
            N_("Geen nulmeting"),
            N_(
                "Dit doel heeft geen nulmeting{said}. Zonder beginwaarde is niet te zien of het doel dichterbij "
                "komt. Meet de beginwaarde zo snel mogelijk en leg waarde en periode vast."
            ),
        ),
        Rule(
            "pending-baseline",
            W,
            N_("Nulmeting volgt nog"),
            N_("De nulmeting ({period}) volgt nog: {reason} {overdue}Vul de waarde in zodra die er is."),
        ),
        Rule(
            "missing-target",
            E,
            N_("Geen streefwaarde"),
            N_("Dit doel heeft geen streefwaarde. Leg vast welke waarde in welk jaar bereikt moet zijn."),
        ),
        Rule(
            "missing-target-period",
            E,
            N_("Streefwaarde zonder jaar"),
            N_("De streefwaarde heeft geen periode. Leg vast wanneer de streefwaarde bereikt moet zijn."),
        ),
        Rule(
            "missing-unit",
            E,
            N_("Geen eenheid"),
            N_(
                "Het doel zegt niet in welke eenheid wordt gemeten (percentage, aantal, euro, per 1.000 "
                "inwoners). Leg de indicator en de eenheid vast."
            ),
        ),
        Rule(
            "missing-direction",
            E,
            N_("Geen richting"),
            N_("Het doel zegt niet of de waarde moet stijgen, dalen of gelijk blijven. Leg de richting vast."),
        ),
        Rule(
            "missing-source",
            E,
            N_("Geen meetinstrument"),
            N_("Het doel noemt geen meetinstrument. Leg vast waar de cijfers vandaan komen."),
        ),
        Rule(
            "missing-frequency",
            E,
            N_("Geen meetfrequentie"),
            N_("Het doel zegt niet hoe vaak er wordt gemeten. Leg de meetfrequentie vast, bijvoorbeeld '1X per jaar'."),
        ),
        Rule(
            "target-not-measurable-in-time",
            E,
            N_("Geen meting in het streefjaar"),
            N_(
                "{source} meet {frequency}. Na {anchor} volgen metingen in {next}, niet in {target}. Zo is niet "
                "te zien of het doel in {target} is gehaald. Kies een streefjaar met een meting, of een ander "
                "meetinstrument."
            ),
        ),
        Rule(
            "no-tolerance",
            W,
            N_("Gelijk blijven zonder marge"),
            N_(
                "Het doel is dat de waarde gelijk blijft, maar er is geen marge. Dan telt elke kleine "
                "verandering als niet gehaald. Leg een marge vast, bijvoorbeeld '2%' of '1 pp'."
            ),
        ),
        Rule(
            "stale-baseline",
            W,
            N_("Oude nulmeting"),
            N_(
                "De nulmeting is van {baseline}, {age} jaar voor de start van het plan ({start}). Het beeld kan "
                "sindsdien veranderd zijn. Gebruik een recentere meting als die er is."
            ),
        ),
        Rule(
            "relative-target-without-baseline",
            E,
            N_("Relatieve streefwaarde zonder nulmeting"),
            N_(
                "De streefwaarde is een verandering ({change}), maar er is geen nulmeting. Dan is niet uit te "
                "rekenen welke waarde gehaald moet worden. Leg eerst de nulmeting vast."
            ),
        ),
        Rule(
            "relative-target-on-zero-baseline",
            E,
            N_("Relatieve streefwaarde vanaf nul"),
            N_(
                "De streefwaarde is een verandering ({change}) vanaf een nulmeting van 0. Een procent van 0 is "
                "0, dus de streefwaarde is ook 0. Leg de streefwaarde vast als getal."
            ),
        ),
        Rule(
            "target-not-after-baseline",
            E,
            N_("Streefjaar niet na de nulmeting"),
            N_("Het streefjaar ({target}) ligt niet na de nulmeting ({baseline}). Controleer beide periodes."),
        ),
        Rule(
            "target-contradicts-direction",
            E,
            N_("Streefwaarde tegen de richting in"),
            N_(
                "Het doel moet {direction}, maar de streefwaarde ({target}) ligt niet {side} de nulmeting "
                "({baseline}). Controleer de richting en de streefwaarde."
            ),
        ),
        Rule(
            "missing-region",
            E,
            N_("Regio onbekend"),
            N_("Het doel geldt voor een regio, maar zegt niet welke. Kies een regio uit het gebiedenregister."),
        ),
        Rule(
            "every-wijk-without-wijken",
            E,
            N_("Geen wijken bekend"),
            N_(
                "Het doel geldt voor elke wijk, maar het plan noemt geen wijken. Voeg de wijken toe aan het "
                "gebiedenregister."
            ),
        ),
        Rule(
            "wijken-without-cbs-code",
            INFO,
            N_("Wijken zonder CBS-code"),
            N_(
                "Het doel geldt voor elke wijk. Van {missing} is de CBS-code niet bekend; cijfers per wijk van "
                "CBS of de GGD zijn dan niet te koppelen. Vul de CBS-codes in het gebiedenregister in."
            ),
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
        said: Wording | str = ""
        if baseline is not None and baseline.reason:
            said = Wording(N_(" (het plan zegt: '{reason}')"), {"reason": baseline.reason})
        yield _find(goal, "missing-baseline", said=said)
    elif baseline.status == BaselineStatus.PENDING:
        expected = baseline.expected
        overdue = expected is not None and expected.end < ctx.as_of
        note: Wording | str = ""
        if overdue and expected is not None:
            note = Wording(N_("Die werd verwacht in {expected}. "), {"expected": expected})
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
        source=goal.source or Wording(N_("Het meetinstrument")),
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
        yield _find(
            goal,
            "target-contradicts-direction",
            direction=goal.direction,
            side=Wording(N_("boven")) if rising else Wording(N_("onder")),
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
