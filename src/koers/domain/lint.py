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
(docs/smart-check.md) lists the same rules, and a test keeps the two in step. A message that
states a count has a plural form too, chosen by the number (or the length) of one of its facts.

Each finding says where in the plan it is (``loc``, a path into the plan's data such as
``("goals", 3, "target")``), so that a reader of plan files can name the file and line.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, Final

from koers.domain.baselines import BaselineStatus
from koers.domain.bbv import BbvCatalogue, unit_conflict
from koers.domain.direction_words import has_direction_word, says_keep, way_of
from koers.domain.formatting import format_number, format_value
from koers.domain.frequency import Frequency
from koers.domain.goals import Goal, Scope
from koers.domain.periods import Period
from koers.domain.plan import Plan
from koers.domain.target_phrases import NOTHING_FOUND, UnreadableTarget, read_target
from koers.domain.target_words import target_words
from koers.domain.targets import ChangeKind, Direction, Target
from koers.domain.units import Bounds, Unit, UnitKind
from koers.domain.vocabulary import every
from koers.domain.wording import Wording, listing
from koers.i18n import N_, _, ngettext


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
    """A rule of the SMART check: its title and explanation are Dutch ids (English: koers.i18n).

    A message that states a count has a ``plural`` form; ``count`` names the fact whose number
    (or, for a list, whose length) chooses between the two (koers.i18n.ngettext).
    """

    code: str
    severity: Severity
    title: str
    message: str
    plural: str | None = None
    count: str | None = None

    def text(self, context: Mapping[str, Any], lang: str) -> str:
        """The explanation in ``lang``, in the form the count asks for, with ``context`` filled in."""
        values = {key: _render(value, lang) for key, value in context.items()}
        if self.plural is None or self.count is None:
            return _(self.message, lang, **values)
        counted = context.get(self.count)
        n = len(counted) if isinstance(counted, (list, tuple)) else counted
        return ngettext(self.message, self.plural, n if isinstance(n, (int, float)) else 0, lang, **values)


#: A place in the plan's data: ``("goals", 3, "target")``, ``("bbv_indicators", 0, "unit")``.
Loc = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    goal: str | None
    code: str
    severity: Severity
    context: dict[str, Any] = field(default_factory=dict)
    #: Where in the plan: a path into its data (a plan-file reader turns it into a line).
    loc: Loc = ()
    #: What the finding is about when it is not a goal: a BBV indicator's id.
    subject: str | None = None

    def message(self, lang: str = "nl") -> str:
        """The explanation in ``lang``; the context is rendered in that language too."""
        return RULES[self.code].text(self.context, lang)

    def title(self, lang: str = "nl") -> str:
        """What the finding is, in a few words, for a reader who will not fix it ('Geen nulmeting');
        the message is the advice to the plan's author."""
        return _(RULES[self.code].title, lang)

    def as_json(self, lang: str = "nl") -> dict[str, Any]:
        return {"goal": self.goal, "code": self.code, "severity": self.severity.value, "message": self.message(lang)}


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in a goal's unit, written with it when shown ('62%', '€ 2.864')."""

    value: float
    unit: Unit | None


@dataclass(frozen=True, slots=True)
class TargetWords:
    """A target as koers words it everywhere ('minimaal 60%', 'tussen 65% en 70%, of hoger':
    koers.domain.target_words), in the language it is shown in."""

    goal: Goal
    target: Target


def _render(value: Any, lang: str) -> Any:
    if isinstance(value, TargetWords):
        return target_words(value.goal, value.target, lang)
    if isinstance(value, Quantity):
        unit = value.unit
        if unit is not None and unit.kind == UnitKind.COUNT and not unit.label:
            unit = None  # '-3', not '-3 aantal'
        return format_value(round(value.value, 2), unit, lang)
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
            "unreadable-target",
            E,
            N_("Streefwaarde niet te lezen"),
            N_(
                "koers kan de streefwaarde '{phrase}' niet lezen. {why} Zo is niet te zien wanneer het doel is "
                "gehaald. Schrijf de streefwaarde als gegevens, bijvoorbeeld 'target: {{value: 60, period: 2027}}' "
                "met 'direction: at-least'. Of schrijf het in woorden die koers kan lezen, zoals 'minimaal 60% in "
                "2027'."
            ),
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
                "{source} meet {frequency}. Na {anchor} volgt een meting in {next}, niet in {target}. Zo is niet "
                "te zien of het doel in {target} is gehaald. Kies een streefjaar met een meting, of een ander "
                "meetinstrument."
            ),
            plural=N_(
                "{source} meet {frequency}. Na {anchor} volgen metingen in {next}, niet in {target}. Zo is niet "
                "te zien of het doel in {target} is gehaald. Kies een streefjaar met een meting, of een ander "
                "meetinstrument."
            ),
            count="next",
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
                "De nulmeting is van {baseline}, een jaar voor de start van het plan ({start}). Het beeld kan "
                "sindsdien veranderd zijn. Gebruik een recentere meting als die er is."
            ),
            plural=N_(
                "De nulmeting is van {baseline}, {age} jaar voor de start van het plan ({start}). Het beeld kan "
                "sindsdien veranderd zijn. Gebruik een recentere meting als die er is."
            ),
            count="age",
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
            "target-met-at-baseline",
            W,
            N_("Streefwaarde al gehaald bij de nulmeting"),
            N_(
                "De streefwaarde ({target}) is bij de nulmeting ({baseline}) al gehaald. Dan vraagt het doel geen "
                "verbetering. Kies een streefwaarde die verder gaat, of controleer de richting. Moet het niveau "
                "alleen blijven zoals het is? Maak er dan een doel van dat gelijk blijft, met een marge."
            ),
        ),
        Rule(
            "value-out-of-range",
            E,
            N_("Waarde past niet bij de eenheid"),
            N_("De {which} ({value}) past niet bij de eenheid: {allowed}. Controleer het getal en de eenheid."),
        ),
        Rule(
            "direction-contradicts-name",
            W,
            N_("Richting tegen de omschrijving in"),
            N_(
                "In {sources} staat '{word}', maar de richting van het doel is '{direction}'. Controleer welke "
                "kant het doel op moet, en pas de richting of de tekst aan."
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
            plural=N_(
                "Het doel geldt voor elke wijk. Van {missing} zijn de CBS-codes niet bekend; cijfers per wijk van "
                "CBS of de GGD zijn dan niet te koppelen. Vul de CBS-codes in het gebiedenregister in."
            ),
            count="missing",
        ),
        Rule(
            "bbv-unit-mismatch",
            W,
            N_("BBV-eenheid wijkt af van de landelijke lijst"),
            N_(
                "BBV-indicator {number} ({name}) heeft in het plan de eenheid '{unit}', maar in de landelijke "
                "lijst '{expected}'. {difference} Neem de eenheid van de landelijke lijst over. Anders zijn de "
                "cijfers niet te vergelijken met die van andere gemeenten."
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
    catalogue: BbvCatalogue | None = None


GoalRule = Callable[[Goal, LintContext], Iterator[Finding]]
PlanRule = Callable[[Plan, LintContext], Iterator[Finding]]


def lint_plan(
    plan: Plan,
    *,
    as_of: date,
    stale_years: int | None = None,
    last_measured: Mapping[str, Period] | None = None,
    catalogue: BbvCatalogue | None = None,
) -> list[Finding]:
    """Every finding for every goal, in the plan's order, errors first within a goal; then the
    findings about the plan's BBV indicators.

    ``as_of`` decides whether a pending baseline is overdue; ``last_measured`` (goal id to the
    period of its latest measurement) anchors the measurement schedule once data exists;
    ``catalogue`` is the national BBV catalogue the plan's BBV units are compared with (none:
    they are not compared).
    """
    ctx = LintContext(
        plan=plan,
        as_of=as_of,
        stale_years=plan.lint.stale_baseline_years if stale_years is None else stale_years,
        last_measured=last_measured or {},
        catalogue=catalogue,
    )
    findings: list[Finding] = []
    for index, goal in enumerate(plan.goals):
        found = [dataclasses.replace(f, loc=("goals", index, *f.loc)) for rule in GOAL_RULES for f in rule(goal, ctx)]
        findings += sorted(found, key=lambda f: f.severity.rank)
    for plan_rule in PLAN_RULES:
        findings += plan_rule(plan, ctx)
    return findings


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == Severity.ERROR for f in findings)


def _find(goal: Goal, code: str, severity: Severity | None = None, *, at: Loc = (), **context: Any) -> Finding:
    """A finding about ``goal``; ``at`` is the place inside the goal ('target', 'baseline')."""
    return Finding(goal.id, code, severity or RULES[code].severity, context, at)


def _targets(goal: Goal) -> list[tuple[Loc, Target]]:
    """Every target of the goal with its place in the goal: the dated ones, then the final one."""
    dated: list[tuple[Loc, Target]] = [(("targets", i), t) for i, t in enumerate(goal.targets)]
    return dated + ([(("target",), goal.target)] if goal.target is not None else [])


def _direction(goal: Goal, target: Target | None = None) -> Direction | None:
    """The way a target is judged: the one it states itself, else the goal's."""
    if target is not None and target.direction is not None:
        return target.direction
    return goal.judged_direction


# -- the rules ----------------------------------------------------------------------------


def check_baseline(goal: Goal, ctx: LintContext) -> Iterator[Finding]:
    baseline = goal.baseline
    if baseline is None or baseline.status == BaselineStatus.ABSENT:
        said: Wording | str = ""
        if baseline is not None and baseline.reason:
            said = Wording(N_(" (het plan zegt: '{reason}')"), {"reason": baseline.reason})
        yield _find(goal, "missing-baseline", at=("baseline",), said=said)
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
            at=("baseline",),
            period=baseline.period or "?",
            reason=(baseline.reason or "").lstrip("*").rstrip(".") + ".",
            overdue=note,
        )


def check_stated_parts(goal: Goal, ctx: LintContext) -> Iterator[Finding]:
    if goal.target is None:
        yield _find(goal, "missing-target")
    for at, target in _targets(goal):
        # A target without a period is due at the end of the plan, when the plan has an end.
        if target.period is None and target.understood and ctx.plan.end_year is None:
            yield _find(goal, "missing-target-period", at=at)
    if goal.unit is None:
        yield _find(goal, "missing-unit", at=("indicator",))
    bands_only = bool(goal.all_targets) and all(t.is_band for t in goal.all_targets)
    if goal.judged_direction is None and not bands_only:  # a band says where to be, not which way
        yield _find(goal, "missing-direction")
    if not goal.source:
        yield _find(goal, "missing-source")
    if goal.frequency is None:
        yield _find(goal, "missing-frequency")


def check_unreadable_target(goal: Goal, ctx: LintContext) -> Iterator[Finding]:
    for at, target in _targets(goal):
        if target.phrase is not None and not target.understood:
            yield _find(goal, "unreadable-target", at=at, phrase=target.phrase, why=_why_unreadable(target.phrase))


def _why_unreadable(phrase: str) -> Wording:
    """What the phrase reader did not understand, in a sentence of its own."""
    try:
        read_target(phrase)
    except UnreadableTarget as err:
        return Wording(err.why)
    return Wording(NOTHING_FOUND)  # read now, but not when the plan was: say what it says then


def check_measurable_in_time(goal: Goal, ctx: LintContext) -> Iterator[Finding]:
    anchor = ctx.last_measured.get(goal.id) or (goal.baseline.period if goal.baseline else None)
    if goal.frequency is None or anchor is None:
        return
    for at, target in _targets(goal):
        due = target.period
        if due is None or anchor >= due or goal.frequency.measures_in(anchor, due) is not None:
            continue
        upcoming = []
        for period in goal.frequency.schedule(anchor):
            upcoming.append(period)
            if period.end > due.end or len(upcoming) > 40:
                break
        yield _find(
            goal,
            "target-not-measurable-in-time",
            at=at,
            source=goal.source or Wording(N_("Het meetinstrument")),
            frequency=goal.frequency,
            anchor=anchor,
            next=upcoming[-2:],
            target=due,
        )


def check_tolerance(goal: Goal, ctx: LintContext) -> Iterator[Finding]:
    for at, target in _targets(goal):
        if _direction(goal, target) != Direction.MAINTAIN or not target.understood or target.is_band:
            continue  # a band is its own margin
        if target.tolerance is None:
            yield _find(goal, "no-tolerance", at=at)


def check_stale_baseline(goal: Goal, ctx: LintContext) -> Iterator[Finding]:
    baseline = goal.baseline
    if baseline is None or not baseline.is_known or baseline.period is None:
        return
    age = ctx.plan.start_year - baseline.period.end.year
    if age > ctx.stale_years:
        yield _find(
            goal, "stale-baseline", at=("baseline",), baseline=baseline.period, age=age, start=ctx.plan.start_year
        )


def check_relative_target(goal: Goal, ctx: LintContext) -> Iterator[Finding]:
    for at, target in _targets(goal):
        if target.change is None or target.value is not None:
            continue
        if goal.baseline is None or goal.baseline.status == BaselineStatus.ABSENT:
            yield _find(goal, "relative-target-without-baseline", at=at, change=target.change.as_written)
        elif goal.baseline.value == 0 and target.change.kind in (ChangeKind.PERCENT, ChangeKind.PERCENT_PER_YEAR):
            yield _find(goal, "relative-target-on-zero-baseline", at=at, change=target.change.as_written)


def check_target_against_baseline(goal: Goal, ctx: LintContext) -> Iterator[Finding]:
    """A target due before the baseline, or a change that goes against the goal's direction.

    A target written as a value on the wrong side of the baseline ('stijgen tot 250' from 260)
    is already met there: that is target-met-at-baseline, so it is not reported twice.
    """
    baseline = goal.baseline
    if baseline is None or baseline.period is None:
        return
    for at, target in _targets(goal):
        if target.period is not None and target.period <= baseline.period:
            yield _find(goal, "target-not-after-baseline", at=at, target=target.period, baseline=baseline.period)
            continue
        direction = _direction(goal, target)
        if target.change is None or baseline.value is None or direction not in (Direction.INCREASE, Direction.DECREASE):
            continue
        if target.change.kind == ChangeKind.EQUAL:  # 'handhaven' on a rise or fall: keep the level on that side
            continue
        resolved = target.resolve(baseline)
        if resolved is None:
            continue
        rising = direction == Direction.INCREASE
        if (resolved <= baseline.value) if rising else (resolved >= baseline.value):
            yield _find(
                goal,
                "target-contradicts-direction",
                at=at,
                direction=direction,
                side=Wording(N_("boven")) if rising else Wording(N_("onder")),
                target=float(resolved),
                baseline=float(baseline.value),
            )


def check_met_at_baseline(goal: Goal, ctx: LintContext) -> Iterator[Finding]:
    """A target the baseline already meets: a bound it is inside, a value it is past, a band it
    is in. Keeping the level ('gelijk', maintain, or a statement that says so: 'blijft lager dan
    2%') is meant to be met there; a change on a bound ('maximaal met 9% toegenomen') is a cap on
    getting worse and is met there by design."""
    baseline = goal.baseline
    if baseline is None or not baseline.is_known or baseline.value is None:
        return
    if says_keep(goal.statement) or says_keep(goal.result_area):
        return
    start = baseline.value
    for at, target in _targets(goal):
        direction = _direction(goal, target)
        if direction == Direction.MAINTAIN or target.change is not None:
            continue
        if target.met_by(start, direction, target.value):
            yield _find(
                goal,
                "target-met-at-baseline",
                at=at,
                target=TargetWords(goal, target),
                baseline=Quantity(start, goal.unit),
            )


#: How each number of a goal is named when it does not fit its unit.
_VALUE_NAMES: Final = {
    "baseline": N_("nulmeting"),
    "value": N_("streefwaarde"),
    "change": N_("streefwaarde"),
    "low": N_("ondergrens van de bandbreedte"),
    "high": N_("bovengrens van de bandbreedte"),
}


def check_value_range(goal: Goal, ctx: LintContext) -> Iterator[Finding]:
    """A baseline, target or band edge the unit does not allow: 104% or -3 children."""
    unit = goal.unit
    if unit is None:
        return
    bounds = unit.bounds
    baseline = goal.baseline
    if baseline is not None and baseline.value is not None and not bounds.contains(baseline.value):
        yield _out_of_range(goal, ("baseline",), "baseline", Quantity(baseline.value, unit), bounds, unit)
    for at, target in _targets(goal):
        for name, number in target.numbers():
            if not bounds.contains(number):
                yield _out_of_range(goal, at, name, Quantity(number, unit), bounds, unit)
        if target.value is None and target.change is not None:
            resolved = target.resolve(baseline)
            if resolved is not None and not bounds.contains(resolved):
                shown = Wording(
                    N_("{change}, dat is {value}"),
                    {"change": target.change.as_written, "value": Quantity(resolved, unit)},
                )
                yield _out_of_range(goal, at, "change", shown, bounds, unit)


def _out_of_range(goal: Goal, at: Loc, name: str, shown: Any, bounds: Bounds, unit: Unit) -> Finding:
    if bounds.low is not None and bounds.high is not None:
        allowed = Wording(
            N_("de waarde moet tussen {low} en {high} liggen"),
            {"low": Quantity(bounds.low, unit), "high": Quantity(bounds.high, unit)},
        )
    elif bounds.low is not None:
        allowed = Wording(N_("de waarde mag niet lager zijn dan {low}"), {"low": Quantity(bounds.low, unit)})
    else:
        allowed = Wording(N_("de waarde mag niet hoger zijn dan {high}"), {"high": Quantity(bounds.high or 0, unit)})
    return _find(goal, "value-out-of-range", at=at, which=Wording(_VALUE_NAMES[name]), value=shown, allowed=allowed)


#: Where a goal's wanted direction is written, as the message names it and where it is in the goal.
_TEXTS: Final[tuple[tuple[str, Loc], ...]] = (
    (N_("de naam van de indicator"), ("indicator", "name")),
    (N_("de doelstelling"), ("statement",)),
    (N_("het resultaatgebied"), ("result_area",)),
)
_RESULT_AREA: Final = _TEXTS[2][1]


def check_direction_words(goal: Goal, ctx: LintContext) -> Iterator[Finding]:
    """The name, statement or result area say one way ('neemt af'), the direction the other.

    For a bound (minimaal, maximaal) the result area alone is not enough: it often names a
    related measure ('Afname van de wachttijden' for 'minimaal 70% binnen de treeknorm')."""
    direction = goal.judged_direction
    if direction is None or direction.higher_is_better is None:
        return
    texts = (goal.indicator.name if goal.indicator else None, goal.statement, goal.result_area)
    said: list[tuple[str, Loc, bool, str]] = []
    for (name, place), text in zip(_TEXTS, texts, strict=True):
        way = way_of(text)
        if way is None and has_direction_word(text):
            return  # a text with both ways, or with its words turned around: not clear
        if way is not None:
            said.append((name, place, *way))
    ways = {up for _name, _place, up, _word in said}
    if len(ways) != 1 or ways == {direction.higher_is_better}:
        return
    if direction.is_bound and [place for _name, place, _up, _word in said] == [_RESULT_AREA]:
        return
    name, place, _up, word = said[0]
    yield _find(
        goal,
        "direction-contradicts-name",
        at=place,
        sources=[Wording(name) for name, _place, _up, _word in said],
        word=word,
        direction=direction,
    )


def check_scope(goal: Goal, ctx: LintContext) -> Iterator[Finding]:
    if goal.scope == Scope.REGION and not goal.region:
        yield _find(goal, "missing-region", at=("region",))
    if goal.scope != Scope.EVERY_WIJK:
        return
    wijken = ctx.plan.wijken()
    if not wijken:
        yield _find(goal, "every-wijk-without-wijken", at=("scope",))
        return
    missing = [w.name for w in wijken if not w.cbs_code]
    if missing:
        yield _find(goal, "wijken-without-cbs-code", at=("scope",), missing=missing)


def check_bbv_units(plan: Plan, ctx: LintContext) -> Iterator[Finding]:
    """A BBV indicator whose unit contradicts the national catalogue (koers.domain.bbv)."""
    if ctx.catalogue is None:
        return
    for index, indicator in enumerate(plan.bbv_indicators):
        entry = ctx.catalogue.get(indicator.number) if indicator.number is not None else None
        difference = unit_conflict(indicator.unit, entry.unit) if entry is not None else None
        if entry is None or difference is None:
            continue
        yield Finding(
            None,
            "bbv-unit-mismatch",
            RULES["bbv-unit-mismatch"].severity,
            {
                "number": entry.number,
                "name": indicator.name,
                "unit": indicator.unit,
                "expected": entry.unit,
                "difference": difference,
            },
            loc=("bbv_indicators", index, "unit"),
            subject=indicator.id,
        )


GOAL_RULES: tuple[GoalRule, ...] = (
    check_baseline,
    check_stated_parts,
    check_unreadable_target,
    check_measurable_in_time,
    check_tolerance,
    check_stale_baseline,
    check_relative_target,
    check_target_against_baseline,
    check_met_at_baseline,
    check_value_range,
    check_direction_words,
    check_scope,
)
PLAN_RULES: tuple[PlanRule, ...] = (check_bbv_units,)
