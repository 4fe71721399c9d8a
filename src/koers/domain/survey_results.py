# SPDX-License-Identifier: EUPL-1.2
"""The results of a resident survey: weights, and per question its estimates with 95% intervals.

Three steps, each pure:

1. :func:`population_sources` says where each weighting group's population comes from: per
   option of the age group and wijk questions, the series (added up) and the area whose latest
   stored figure counts. A wijk option without ``population`` uses the series ``inwoners`` of
   that wijk; an age group must name its series, because only the municipality knows which
   series matches its bands.
2. :func:`population_margins` turns the stored figures into margins. A weighting variable with a
   group whose figure is missing is left out, and the reason is kept: the results say it.
3. :func:`analyse` rakes the respondents to the margins (as shares: a survey of adults weighted
   by wijk counts all ages; shares keep the variables comparable), then estimates every
   question, unweighted and weighted. A respondent without an answer to a weighting question
   (or with an answer outside the population, such as 'Ergens anders') is left out of the
   weighted estimates and counted. When raking cannot be done or does not converge, the
   results say why and hold unweighted estimates only.

A question with a ``figure`` gives THE measurement of its goal or series (:class:`FigureResult`):
the share choosing one of its options (in %), the mean grade, or the mean points of its options.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final

from koers.domain.formatting import format_number
from koers.domain.plan import Plan
from koers.domain.raking import RakingError, Weights, rake
from koers.domain.survey import (
    DEFAULT_WIJK_POPULATION,
    GRADES,
    POINTS_TOTAL,
    FigureKind,
    Question,
    QuestionType,
    Survey,
    WeightingVariable,
)
from koers.domain.survey_answers import Answer, Choice, Choices, Grade, Points, Rows, Text, chosen
from koers.domain.survey_estimates import Estimate, mean, proportion
from koers.domain.units import UnitKind
from koers.domain.vocabulary import every
from koers.domain.wording import Wording
from koers.i18n import N_

#: One respondent's answers, per question id (absent: not answered, or not shown).
Answers = Mapping[str, Answer]

#: The unit of each kind of figure as a measurement file writes it, and the factor from the
#: estimate to that unit (a share of 0.4 is 40%).
FIGURE_UNITS: Final = every(
    FigureKind,
    {
        FigureKind.SHARE: (UnitKind.PERCENTAGE, 100.0),
        FigureKind.MEAN: (UnitKind.SCORE, 1.0),
        FigureKind.MEAN_POINTS: (UnitKind.SCORE, 1.0),
    },
)

#: Why the results are (partly) unweighted, in plain Dutch (English: koers.i18n).
WEIGHTING_REASONS: Final = {
    "unweighted-asked": N_("U vroeg om ongewogen cijfers."),
    "no-weighting-questions": N_(
        "De enquête vraagt niet naar leeftijdsgroep of wijk (geen vraag met 'weighting'). Daarom zijn de cijfers "
        "ongewogen."
    ),
    "no-series": N_(
        "Bij de {variable} '{option}' staat niet welke reeks het aantal inwoners geeft. Zet bij dat antwoord in "
        "het enquêtebestand 'population: [reeks]', laad de enquête opnieuw, en importeer de cijfers van die reeks."
    ),
    "no-figure": N_(
        "Er is geen cijfer van de reeks '{series}' in gebied '{area}' (het aantal inwoners voor de {variable} "
        "'{option}'). Importeer het met koers import. Zonder dat cijfer weegt koers niet naar {variable}."
    ),
    "no-margins": N_("Er zijn geen bevolkingscijfers om mee te wegen. Daarom zijn de cijfers ongewogen."),
    "nobody-weighted": N_(
        "Geen enkele respondent heeft alle vragen voor de weging beantwoord. Daarom zijn de cijfers ongewogen."
    ),
    "raking-failed": N_("Wegen lukt niet: {problem} Daarom zijn de cijfers ongewogen."),
    "not-converged": N_(
        "Het wegen komt niet uit: na {iterations} rondes wijkt een groep nog {difference}% af van de "
        "bevolkingscijfers. Voeg kleine groepen samen (in het enquêtebestand en in de cijfers). Daarom zijn de "
        "cijfers ongewogen."
    ),
}


# -- where the population figures come from ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class PopulationSource:
    """A stored figure that is (part of) a group's population: a series in an area."""

    series: str
    area: str


@dataclass(frozen=True, slots=True)
class GroupPopulation:
    """One option of a weighting question and the figures that add up to its population (none:
    the survey does not say)."""

    option: str
    sources: tuple[PopulationSource, ...]


def population_sources(survey: Survey, plan: Plan) -> dict[WeightingVariable, list[GroupPopulation]]:
    """Per weighting question of the survey, where each option's population comes from.

    An option of the wijk question that is no wijk of the plan ('Ergens anders') has no
    population: its respondents are outside the population and left out of the weighting.
    """
    ids = plan.area_ids()
    wijken = {area.id: area.stored_id for area in plan.wijken()}
    found: dict[WeightingVariable, list[GroupPopulation]] = {}
    for variable in WeightingVariable:
        question = survey.weighting(variable)
        if question is None:
            continue
        groups: list[GroupPopulation] = []
        for option in question.options:
            area = wijken.get(option.id) if variable is WeightingVariable.WIJK else ids.municipality
            if area is None:
                continue
            default = [DEFAULT_WIJK_POPULATION] if variable is WeightingVariable.WIJK else []
            series = option.population or default
            groups.append(GroupPopulation(option.id, tuple(PopulationSource(s, area) for s in series)))
        found[variable] = groups
    return found


@dataclass(frozen=True)
class Population:
    """Per weighting variable whose figures are all there, the population per option; and why
    the other variables are left out."""

    margins: Mapping[WeightingVariable, Mapping[str, float]]
    problems: tuple[Wording, ...] = ()


def population_margins(
    sources: Mapping[WeightingVariable, Sequence[GroupPopulation]], figures: Mapping[PopulationSource, float]
) -> Population:
    """The margins from the stored ``figures``: a variable counts only when every group's
    figures are there (a margin with a group missing would weight the others wrongly)."""
    margins: dict[WeightingVariable, dict[str, float]] = {}
    problems: list[Wording] = []
    for variable, groups in sources.items():
        missing = [problem for group in groups for problem in _missing(variable, group, figures)]
        problems += missing
        if not missing and groups:
            margins[variable] = {g.option: sum(figures[s] for s in g.sources) for g in groups}
    return Population(margins, tuple(problems))


def _missing(
    variable: WeightingVariable, group: GroupPopulation, figures: Mapping[PopulationSource, float]
) -> list[Wording]:
    if not group.sources:
        return [Wording(WEIGHTING_REASONS["no-series"], {"variable": variable, "option": group.option})]
    return [
        Wording(
            WEIGHTING_REASONS["no-figure"],
            {"series": s.series, "area": s.area, "variable": variable, "option": group.option},
        )
        for s in group.sources
        if s not in figures
    ]


# -- weighting --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Weighting:
    """How the respondents were weighted.

    ``weights`` holds one weight per respondent, None for a respondent left out of the weighted
    estimates; without weighting (``variables`` empty) every weight is None. ``reasons`` say why
    a variable, or all weighting, was left out.
    """

    variables: tuple[WeightingVariable, ...]
    weights: tuple[float | None, ...]
    left_out: int
    n_eff: float
    reasons: tuple[Wording, ...]

    @property
    def applied(self) -> bool:
        return bool(self.variables)

    @property
    def weighted(self) -> int:
        """The number of respondents in the weighted estimates."""
        return sum(1 for w in self.weights if w is not None)


def weigh(survey: Survey, answers: Sequence[Answers], population: Population | None) -> Weighting:
    """Rake the respondents to ``population`` (None: unweighted on purpose)."""
    if population is None:
        return _unweighted(answers, [Wording(WEIGHTING_REASONS["unweighted-asked"])])
    reasons = list(population.problems)
    questions = {v: q for v in WeightingVariable if (q := survey.weighting(v)) is not None}
    if not questions:
        return _unweighted(answers, [Wording(WEIGHTING_REASONS["no-weighting-questions"])])
    margins = {v: m for v, m in population.margins.items() if v in questions}
    if not margins:
        return _unweighted(answers, [*reasons, Wording(WEIGHTING_REASONS["no-margins"])])
    groups = [{v: _group(record.get(questions[v].id), margins[v]) for v in margins} for record in answers]
    included = [i for i, g in enumerate(groups) if all(c is not None for c in g.values())]
    if not included:
        return _unweighted(answers, [*reasons, Wording(WEIGHTING_REASONS["nobody-weighted"])])
    respondents = {questions[v].id: [groups[i][v] for i in included] for v in margins}
    shares = {questions[v].id: _shares(m) for v, m in margins.items()}
    try:
        raked = rake(respondents, shares)
    except RakingError as err:
        return _unweighted(answers, [*reasons, Wording(WEIGHTING_REASONS["raking-failed"], {"problem": err.wording()})])
    if not raked.converged:
        facts = {"iterations": raked.iterations, "difference": round(raked.max_difference * 100, 2)}
        return _unweighted(answers, [*reasons, Wording(WEIGHTING_REASONS["not-converged"], facts)])
    weights: list[float | None] = [None] * len(answers)
    for index, weight in zip(included, raked.weights, strict=True):
        weights[index] = float(weight)
    used = [w for w in weights if w is not None]
    n_eff = sum(used) ** 2 / sum(w * w for w in used)
    return Weighting(tuple(margins), tuple(weights), len(answers) - len(included), n_eff, tuple(reasons))


def _unweighted(answers: Sequence[Answers], reasons: list[Wording]) -> Weighting:
    return Weighting((), (None,) * len(answers), 0, 0.0, tuple(reasons))


def _group(answer: Answer | None, margin: Mapping[str, float]) -> str | None:
    """The respondent's group on a weighting variable, if it is one the population has."""
    return answer.option if isinstance(answer, Choice) and answer.option in margin else None


def _shares(margin: Mapping[str, float]) -> dict[str, float]:
    total = sum(margin.values())
    return {group: (count / total if total > 0 else count) for group, count in margin.items()}


# -- estimates --------------------------------------------------------------------------------


class Measure(StrEnum):
    """What a line of results estimates."""

    SHARE = "share"  # a fraction of the respondents who answered
    MEAN = "mean"


@dataclass(frozen=True)
class Line:
    """One estimate of a question: for an option (``part``), a statement and a step of its scale
    (``part``, ``step``), or the question as a whole (both None)."""

    part: str | None
    step: str | None
    measure: Measure
    unweighted: Estimate
    weighted: Estimate | None


@dataclass(frozen=True)
class FigureResult:
    """THE figure of a question's goal or series, in the unit a measurement file writes."""

    subject: str
    is_goal: bool
    kind: FigureKind
    unweighted: Estimate
    weighted: Estimate | None

    @property
    def unit(self) -> UnitKind:
        return FIGURE_UNITS[self.kind][0]

    @property
    def best(self) -> Estimate:
        """The weighted estimate where there is one, else the unweighted."""
        return self.weighted if self.weighted is not None and self.weighted.estimate is not None else self.unweighted

    def scaled(self, value: float | None) -> float | None:
        """A value of the estimate in the figure's unit (a share as a percentage)."""
        return None if value is None else value * FIGURE_UNITS[self.kind][1]


@dataclass(frozen=True)
class QuestionResult:
    question: Question
    answered: int
    lines: tuple[Line, ...]
    figure: FigureResult | None


@dataclass(frozen=True)
class SurveyResults:
    respondents: int
    weighting: Weighting
    questions: tuple[QuestionResult, ...]

    def figures(self) -> list[FigureResult]:
        return [q.figure for q in self.questions if q.figure is not None]


def analyse(survey: Survey, answers: Sequence[Answers], population: Population | None) -> SurveyResults:
    """Weights and the estimates of every question (``population`` None: unweighted on purpose)."""
    weighting = weigh(survey, answers, population)
    questions = tuple(_question(q, [a.get(q.id) for a in answers], weighting) for q in survey.questions())
    return SurveyResults(len(answers), weighting, questions)


#: A column of values per respondent (None: skipped) and its estimator.
Values = Sequence[Any]
Estimator = Callable[[Values, Weights | None], Estimate]


def _pair(values: Values, weighting: Weighting, estimator: Estimator) -> tuple[Estimate, Estimate | None]:
    """The unweighted estimate over everyone, and the weighted one over those with a weight."""
    unweighted = estimator(values, None)
    if not weighting.applied:
        return unweighted, None
    kept = [(v, w) for v, w in zip(values, weighting.weights, strict=True) if w is not None]
    return unweighted, estimator([v for v, _w in kept], [w for _v, w in kept])


def _share(values: Values, weights: Weights | None) -> Estimate:
    return proportion(values, weights)


def _mean_within(low: float, high: float) -> Estimator:
    def estimator(values: Values, weights: Weights | None) -> Estimate:
        return mean(values, weights, within=(low, high))

    return estimator


_GRADE_MEAN: Final = _mean_within(GRADES[0], GRADES[-1])
_POINTS_MEAN: Final = _mean_within(0, POINTS_TOTAL)


def _line(
    part: str | None, step: str | None, values: Values, weighting: Weighting, estimator: Estimator = _share
) -> Line:
    measure = Measure.SHARE if estimator is _share else Measure.MEAN
    return Line(part, step, measure, *_pair(values, weighting, estimator))


def _question(question: Question, given: list[Answer | None], weighting: Weighting) -> QuestionResult:
    kind = question.type
    typed = [a if isinstance(a, _ANSWER_OF[kind]) else None for a in given]
    lines = _LINES[kind](question, typed, weighting)
    return QuestionResult(
        question, sum(1 for a in typed if a is not None), tuple(lines), _figure(question, typed, weighting)
    )


def _single_lines(question: Question, answers: list[Any], weighting: Weighting) -> list[Line]:
    return [
        _line(o.id, None, [None if a is None else a.option == o.id for a in answers], weighting)
        for o in question.options
    ]


def _multiple_lines(question: Question, answers: list[Any], weighting: Weighting) -> list[Line]:
    return [
        _line(o.id, None, [None if a is None else o.id in a.options for a in answers], weighting)
        for o in question.options
    ]


def _grade_lines(question: Question, answers: list[Any], weighting: Weighting) -> list[Line]:
    return [_line(None, None, [None if a is None else a.value for a in answers], weighting, _GRADE_MEAN)]


def _matrix_lines(question: Question, answers: list[Any], weighting: Weighting) -> list[Line]:
    """Per statement, the share per step of the scale and the mean step (1 is the first)."""
    steps = {o.id: number for number, o in enumerate(question.options, start=1)}
    mean_step = _mean_within(1, len(steps))
    lines: list[Line] = []
    for statement in question.statements:
        rows = [None if a is None else a.rows.get(statement.id) for a in answers]
        lines += [
            _line(statement.id, o.id, [None if r is None else r == o.id for r in rows], weighting)
            for o in question.options
        ]
        lines.append(_line(statement.id, None, [None if r is None else steps[r] for r in rows], weighting, mean_step))
    return lines


def _points_lines(question: Question, answers: list[Any], weighting: Weighting) -> list[Line]:
    """The mean points per option: over the same respondents, so the means add up to 100."""
    return [
        _line(o.id, None, [None if a is None else a.points.get(o.id, 0) for a in answers], weighting, _POINTS_MEAN)
        for o in question.options
    ]


def _text_lines(question: Question, answers: list[Any], weighting: Weighting) -> list[Line]:
    return []


_LINES: Final = every(
    QuestionType,
    {
        QuestionType.SINGLE: _single_lines,
        QuestionType.MULTIPLE: _multiple_lines,
        QuestionType.GRADE: _grade_lines,
        QuestionType.MATRIX: _matrix_lines,
        QuestionType.POINTS: _points_lines,
        QuestionType.TEXT: _text_lines,
    },
)

_ANSWER_OF: Final = every(
    QuestionType,
    {
        QuestionType.SINGLE: Choice,
        QuestionType.MULTIPLE: Choices,
        QuestionType.GRADE: Grade,
        QuestionType.MATRIX: Rows,
        QuestionType.POINTS: Points,
        QuestionType.TEXT: Text,
    },
)


def _figure(question: Question, answers: list[Any], weighting: Weighting) -> FigureResult | None:
    kind, subject = question.figure_kind, question.measures
    if kind is None or subject is None or question.figure is None:
        return None
    options = set(question.figure.options)
    if kind is FigureKind.SHARE:
        pair = _pair([None if a is None else bool(chosen(a) & options) for a in answers], weighting, _share)
    elif kind is FigureKind.MEAN:
        pair = _pair([None if a is None else a.value for a in answers], weighting, _GRADE_MEAN)
    else:
        values = [None if a is None else sum(a.points.get(o, 0) for o in options) for a in answers]
        pair = _pair(values, weighting, _POINTS_MEAN)
    return FigureResult(subject, question.goal is not None, kind, *pair)


# -- words ------------------------------------------------------------------------------------


def show_fact(value: Any, lang: str) -> Any:
    """A fact of a reason for people: a weighting variable by its name, numbers the reader's
    way, a problem of raking in the same language."""
    if isinstance(value, WeightingVariable):
        return value.label(lang)
    if isinstance(value, Wording):
        return value.render(lang, show_fact)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return format_number(value, lang)
    return value
