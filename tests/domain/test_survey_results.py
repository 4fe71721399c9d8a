# SPDX-License-Identifier: EUPL-1.2
"""The results of a survey: where the population comes from, the weights, and the estimates of
every kind of question, on Zilverdam's made-up survey and hand-made respondents.

Expected values are worked out here from the respondents (a share is hits over answers, a
weight the population share over the sample share), never copied from a run.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from koers.domain.plan import Plan
from koers.domain.survey import (
    DEFAULT_WIJK_POPULATION,
    POINTS_TOTAL,
    FigureKind,
    Question,
    Survey,
    WeightingVariable,
    consistency_findings,
)
from koers.domain.survey_answers import Answer, Choice, Grade, Points, Rows, Text
from koers.domain.survey_results import (
    WEIGHTING_REASONS,
    Measure,
    Population,
    PopulationSource,
    QuestionResult,
    SurveyResults,
    analyse,
    population_margins,
    population_sources,
    show_fact,
)
from koers.planfile import read_plan
from koers.planfile.surveyfile import read_survey

DATA = Path(__file__).resolve().parents[1] / "data"
ZILVERDAM = DATA / "surveys" / "zilverdam-peiling.yaml"
ZILVERDAM_PLAN = DATA / "plans" / "fictional-plan.yaml"
WIJKEN = ("WK999901", "WK999902", "WK999903")
AGES = ("tot-30", "30-49", "50-64", "65-plus")


@pytest.fixture(scope="module")
def survey() -> Survey:
    return read_survey(ZILVERDAM)


@pytest.fixture(scope="module")
def plan() -> Plan:
    return read_plan(ZILVERDAM_PLAN)


def respondent(wijk: str | None, age: str | None, **answers: Answer) -> dict[str, Answer]:
    given: dict[str, Answer] = {k.replace("_", "-"): v for k, v in answers.items()}
    if wijk is not None:
        given["wijk"] = Choice(wijk)
    if age is not None:
        given["leeftijd"] = Choice(age)
    return given


def margins(wijk: Mapping[str, float] | None = None, age: Mapping[str, float] | None = None) -> Population:
    found: dict[WeightingVariable, Mapping[str, float]] = {}
    if wijk is not None:
        found[WeightingVariable.WIJK] = wijk
    if age is not None:
        found[WeightingVariable.AGE_GROUP] = age
    return Population(found)


def result_of(results: SurveyResults, question_id: str) -> QuestionResult:
    return next(q for q in results.questions if q.question.id == question_id)


def reason_codes(results: SurveyResults) -> list[str]:
    texts = {text: code for code, text in WEIGHTING_REASONS.items()}
    return [texts[r.text] for r in results.weighting.reasons]


# ---- where the population comes from ------------------------------------------------------------


def test_wijk_options_default_to_inhabitants_of_their_wijk(survey: Survey, plan: Plan) -> None:
    sources = population_sources(survey, plan)
    stored = {a.id: a.stored_id for a in plan.wijken()}
    wijk = survey.weighting(WeightingVariable.WIJK)
    assert wijk is not None
    assert [(g.option, g.sources) for g in sources[WeightingVariable.WIJK]] == [
        (o.id, (PopulationSource(DEFAULT_WIJK_POPULATION, stored[o.id]),)) for o in wijk.options
    ]


def test_age_groups_use_the_series_they_name_in_the_municipality(survey: Survey, plan: Plan) -> None:
    sources = population_sources(survey, plan)
    age = survey.weighting(WeightingVariable.AGE_GROUP)
    assert age is not None
    municipality = plan.area_ids().municipality
    assert [(g.option, g.sources) for g in sources[WeightingVariable.AGE_GROUP]] == [
        (o.id, tuple(PopulationSource(s, municipality) for s in o.population or [])) for o in age.options
    ]


def test_several_series_add_up_and_a_missing_one_drops_the_variable(survey: Survey, plan: Plan) -> None:
    data = survey.model_dump()
    age = data["pages"][0]["questions"][1]
    age["options"][0]["population"] = ["brp-18-24", "brp-25-29"]
    changed = Survey.model_validate(data)
    sources = population_sources(changed, plan)
    municipality = plan.area_ids().municipality
    figures = {s: 100.0 * (i + 1) for i, s in enumerate(x for g in sources.values() for grp in g for x in grp.sources)}
    full = population_margins(sources, figures)
    assert full.problems == ()
    first = full.margins[WeightingVariable.AGE_GROUP]["tot-30"]
    assert (
        first
        == figures[PopulationSource("brp-18-24", municipality)] + figures[PopulationSource("brp-25-29", municipality)]
    )
    del figures[PopulationSource("brp-25-29", municipality)]
    partial = population_margins(sources, figures)
    assert WeightingVariable.AGE_GROUP not in partial.margins
    assert WeightingVariable.WIJK in partial.margins
    assert len(partial.problems) == 1
    message = partial.problems[0].render("nl", show_fact)
    assert "brp-25-29" in message and "leeftijdsgroep" in message and "koers import" in message


def test_an_age_group_without_a_series_is_reported(survey: Survey, plan: Plan) -> None:
    data = survey.model_dump()
    del data["pages"][0]["questions"][1]["options"][2]["population"]
    sources = population_sources(Survey.model_validate(data), plan)
    figures = {s: 10.0 for groups in sources.values() for g in groups for s in g.sources}
    found = population_margins(sources, figures)
    assert WeightingVariable.AGE_GROUP not in found.margins
    assert "'50-64'" in found.problems[0].render("nl", show_fact)
    assert "population" in found.problems[0].render("nl", show_fact)


# ---- weighting ---------------------------------------------------------------------------------


def test_weighted_equals_unweighted_when_the_sample_matches_the_margins(survey: Survey) -> None:
    wijk_margin = {WIJKEN[0]: 2000.0, WIJKEN[1]: 1000.0, WIJKEN[2]: 1000.0}
    age_margin = dict.fromkeys(AGES, 1000.0)
    steps = ("0", "1-2", "3-4", "5-plus")
    records = []
    for a, age in enumerate(AGES):
        for w, wijk in enumerate((WIJKEN[0], WIJKEN[0], WIJKEN[1], WIJKEN[2])):
            records.append(
                respondent(wijk, age, beweegdagen=Choice(steps[(a + w) % 4]), buurtkamer_cijfer=Grade(a + w + 3))
            )
    results = analyse(survey, records, margins(wijk_margin, age_margin))
    assert results.weighting.applied and results.weighting.left_out == 0
    assert results.weighting.weights == pytest.approx([1.0] * len(records))
    for question in ("beweegdagen", "buurtkamer-cijfer", "wijk"):
        for line in result_of(results, question).lines:
            assert line.weighted is not None
            assert line.weighted.estimate == pytest.approx(line.unweighted.estimate)
            assert (line.weighted.lower, line.weighted.upper) == pytest.approx(
                (line.unweighted.lower, line.unweighted.upper)
            )
            assert line.weighted.n_eff == pytest.approx(line.unweighted.n)


def test_weights_pull_a_skewed_sample_to_the_margins(survey: Survey) -> None:
    # Three respondents in the first wijk move on 5 days or more; one in each other wijk on none.
    records = [respondent(WIJKEN[0], None, beweegdagen=Choice("5-plus")) for _ in range(3)]
    records += [respondent(w, None, beweegdagen=Choice("0")) for w in WIJKEN[1:]]
    results = analyse(survey, records, margins(dict.fromkeys(WIJKEN, 500.0)))
    assert results.weighting.variables == (WeightingVariable.WIJK,)
    wijk = {line.part: line for line in result_of(results, "wijk").lines}
    assert wijk[WIJKEN[0]].unweighted.estimate == pytest.approx(3 / 5)
    for line in wijk.values():
        assert line.weighted is not None and line.weighted.estimate == pytest.approx(1 / 3)
    moving = next(line for line in result_of(results, "beweegdagen").lines if line.part == "5-plus")
    assert moving.unweighted.estimate == pytest.approx(3 / 5)
    assert moving.weighted is not None and moving.weighted.estimate == pytest.approx(1 / 3)
    weights = [w for w in results.weighting.weights if w is not None]
    assert len(weights) == len(records)
    assert weights[0] == pytest.approx(weights[1]) and weights[3] == pytest.approx(3 * weights[0])


def test_respondents_without_a_weighting_answer_are_counted_and_left_out(survey: Survey) -> None:
    records = [respondent(w, None, buurtkamer_cijfer=Grade(8)) for w in WIJKEN]
    records += [
        respondent(None, "30-49", buurtkamer_cijfer=Grade(2)),
        respondent(None, None, buurtkamer_cijfer=Grade(2)),
    ]
    records.append(respondent("elders", None, buurtkamer_cijfer=Grade(2)))  # not a wijk of the population
    results = analyse(survey, records, margins(dict.fromkeys(WIJKEN, 100.0)))
    assert results.weighting.left_out == 3
    assert results.weighting.weighted == len(WIJKEN)
    assert results.weighting.weights[len(WIJKEN) :] == (None, None, None)
    grade = result_of(results, "buurtkamer-cijfer").lines[0]
    assert grade.unweighted.n == 6 and grade.unweighted.estimate == pytest.approx((3 * 8 + 3 * 2) / 6)
    assert grade.weighted is not None and grade.weighted.n == 3 and grade.weighted.estimate == pytest.approx(8)


def test_without_margins_the_results_are_unweighted_and_say_why(survey: Survey, plan: Plan) -> None:
    records = [respondent(w, "65-plus", beweegdagen=Choice("0")) for w in WIJKEN]
    population = population_margins(population_sources(survey, plan), {})
    results = analyse(survey, records, population)
    assert not results.weighting.applied
    assert all(line.weighted is None for q in results.questions for line in q.lines)
    codes = reason_codes(results)
    sources = population_sources(survey, plan)
    assert codes.count("no-figure") == sum(len(g.sources) for groups in sources.values() for g in groups)
    assert codes[-1] == "no-margins"
    figure = result_of(results, "beweegdagen").figure
    assert figure is not None and figure.weighted is None and figure.best is figure.unweighted


def test_unweighted_on_request(survey: Survey) -> None:
    results = analyse(survey, [respondent(WIJKEN[0], "tot-30")], None)
    assert not results.weighting.applied
    assert reason_codes(results) == ["unweighted-asked"]


def test_a_group_without_respondents_leaves_the_figures_unweighted(survey: Survey) -> None:
    records = [respondent(w, None) for w in WIJKEN[:2]]
    results = analyse(survey, records, margins(dict.fromkeys(WIJKEN, 100.0)))
    assert not results.weighting.applied
    assert reason_codes(results) == ["raking-failed"]
    message = results.weighting.reasons[0].render("nl", show_fact)
    assert WIJKEN[2] in message and "ongewogen" in message


# ---- the estimates of every kind of question ----------------------------------------------------


def test_points_means_add_up_to_100(survey: Survey) -> None:
    question = survey.question("hulp-geldzorgen")
    assert question is not None
    ids = [o.id for o in question.options]
    given = [dict.fromkeys(ids, 0) | {ids[0]: 60, ids[1]: 40}, dict.fromkeys(ids, 0) | {ids[2]: 100}]
    given.append(dict.fromkeys(ids, 0) | {ids[0]: 10, ids[3]: 30, ids[5]: 60})
    records = [respondent(w, None, hulp_geldzorgen=Points(p)) for w, p in zip(WIJKEN, given, strict=True)]
    records.append(respondent(WIJKEN[0], None))  # skipped the question
    results = analyse(survey, records, margins({WIJKEN[0]: 50.0, WIJKEN[1]: 30.0, WIJKEN[2]: 20.0}))
    lines = result_of(results, "hulp-geldzorgen").lines
    assert {line.measure for line in lines} == {Measure.MEAN}
    assert sum(line.unweighted.estimate or 0 for line in lines) == pytest.approx(POINTS_TOTAL)
    assert sum(line.weighted.estimate or 0 for line in lines if line.weighted) == pytest.approx(POINTS_TOTAL)
    assert lines[0].unweighted.estimate == pytest.approx((60 + 0 + 10) / 3)


def test_single_multiple_matrix_and_text(survey: Survey) -> None:
    records = [
        respondent(WIJKEN[0], None, gemeente=Choice("goed", "Snel"), eenzaamheid=Rows({"leegte": "eens"})),
        respondent(WIJKEN[1], None, gemeente=Choice("matig"), eenzaamheid=Rows({"leegte": "helemaal-oneens"})),
        respondent(WIJKEN[2], None, gemeente=Choice("goed"), opmerkingen=Text("Fijn")),
    ]
    results = analyse(survey, records, None)
    shares = {line.part: line.unweighted.estimate for line in result_of(results, "gemeente").lines}
    assert shares == {"goed": pytest.approx(2 / 3), "matig": pytest.approx(1 / 3), "slecht": 0.0, "geen-idee": 0.0}
    matrix = [line for line in result_of(results, "eenzaamheid").lines if line.part == "leegte"]
    question = survey.question("eenzaamheid")
    assert question is not None
    assert [line.step for line in matrix] == [o.id for o in question.options] + [None]
    scale = [o.id for o in question.options]
    mean_step = (scale.index("eens") + 1 + scale.index("helemaal-oneens") + 1) / 2
    assert matrix[-1].measure is Measure.MEAN and matrix[-1].unweighted.estimate == pytest.approx(mean_step)
    assert next(line for line in matrix if line.step == "eens").unweighted.estimate == pytest.approx(1 / 2)
    text = result_of(results, "opmerkingen")
    assert text.answered == 1 and text.lines == ()


def test_the_figure_of_a_goal(survey: Survey) -> None:
    records = [
        respondent(w, None, beweegdagen=Choice(step)) for w, step in zip(WIJKEN, ("5-plus", "0", "5-plus"), strict=True)
    ]
    results = analyse(survey, records, None)
    figures = {f.subject: f for f in results.figures()}
    moving = figures["ZD-01"]
    assert moving.is_goal and moving.kind is FigureKind.SHARE and moving.unit.value == "percentage"
    assert moving.scaled(moving.best.estimate) == pytest.approx(100 * 2 / 3)
    assert moving.best.n == 3
    helped = figures["tevredenheid-gemeente"]
    assert not helped.is_goal and helped.best.estimate is None  # nobody answered


def grade_question(**fields: Any) -> dict[str, Any]:
    return {"id": "cijfer", "type": "grade", "text": "Cijfer?", "goal": "G-1", **fields}


def test_figures_of_grade_and_points_questions() -> None:
    page = {
        "id": "p",
        "title": "P",
        "questions": [
            grade_question(figure={}),
            {
                "id": "punten",
                "type": "points",
                "text": "Verdeel",
                "series": "steun",
                "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}, {"id": "c", "label": "C"}],
                "figure": {"options": ["a", "b"]},
            },
        ],
    }
    small = Survey.model_validate(
        {"id": "s", "title": "S", "plan": "GM9999/x", "introduction": "i", "privacy": "p", "pages": [page]}
    )
    records: list[dict[str, Answer]] = [
        {"cijfer": Grade(6), "punten": Points({"a": 50, "b": 0, "c": 50})},
        {"cijfer": Grade(9), "punten": Points({"a": 20, "b": 70, "c": 10})},
    ]
    figures = {f.subject: f for f in analyse(small, records, None).figures()}
    assert figures["G-1"].kind is FigureKind.MEAN and figures["G-1"].best.estimate == pytest.approx(7.5)
    assert figures["steun"].kind is FigureKind.MEAN_POINTS and figures["steun"].best.estimate == pytest.approx(70)


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        (grade_question(figure={"options": ["a"]}), "figure-options-not-allowed"),
        ({**grade_question(figure={}), "goal": None}, "figure-without-subject"),
        (
            {
                "id": "m",
                "type": "single",
                "text": "?",
                "goal": "G",
                "options": [{"id": "ja", "label": "Ja"}],
                "figure": {},
            },
            "figure-options-missing",
        ),
        (
            {
                "id": "m",
                "type": "single",
                "text": "?",
                "goal": "G",
                "options": [{"id": "ja", "label": "Ja"}],
                "figure": {"options": ["nee"]},
            },
            "figure-unknown-option",
        ),
        ({"id": "t", "type": "text", "text": "?", "goal": "G", "figure": {}}, "figure-not-allowed"),
        (
            {"id": "m", "type": "single", "text": "?", "options": [{"id": "ja", "label": "Ja", "population": ["x"]}]},
            "population-not-weighting",
        ),
    ],
)
def test_a_figure_or_population_that_cannot_be(fields: dict[str, Any], code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Question.model_validate(fields)
    assert caught.value.errors()[0]["type"] == code


def test_one_figure_per_goal(survey: Survey) -> None:
    data = survey.model_dump(exclude_none=True)
    moving = data["pages"][1]["questions"][0]
    data["pages"][1]["questions"].append({**moving, "id": "beweegdagen-2", "limesurvey": "B2"})
    findings = consistency_findings(Survey.model_validate(data))
    assert [(loc[-1], code, facts["value"]) for loc, code, facts in findings] == [
        ("figure", "duplicate-figure", "ZD-01")
    ]
