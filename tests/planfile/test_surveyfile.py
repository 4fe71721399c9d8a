# SPDX-License-Identifier: EUPL-1.2
"""Reading survey files: both reference surveys read whole; a broken file gives every problem
at once, each with its line, its field and what to do; the JSON Schema and the documentation
keep up with the model."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from koers.domain.plan import Plan
from koers.domain.survey import QuestionType, WeightingVariable
from koers.examples import HEEMSKERK_2020_SURVEY
from koers.planfile import read_plan
from koers.planfile.survey_messages import SURVEY_CODES
from koers.planfile.surveyfile import (
    SurveyFileError,
    load_survey,
    read_survey,
    survey_content,
    survey_json_schema_text,
)
from tests.conftest import ROOT

DATA = Path(__file__).resolve().parents[1] / "data"
BROKEN = DATA / "broken-surveys"
HEEMSKERK_SURVEY = ROOT / "examples" / "heemskerk-2020" / "survey.yaml"
ZILVERDAM = DATA / "surveys" / "zilverdam-peiling.yaml"
ZILVERDAM_PLAN = DATA / "plans" / "fictional-plan.yaml"
KEYS = ["GM9999/zilverdam-doet-mee", "GM0396/naast-elkaar-met-elkaar-voor-elkaar"]


@pytest.fixture(scope="module")
def zilverdam_plan() -> Plan:
    return read_plan(ZILVERDAM_PLAN)


def located(name: str, plan: Plan) -> list[tuple[int | None, str, str]]:
    result = load_survey(BROKEN / name, plan, plan_keys=KEYS)
    assert result.survey is None
    assert all(p.message() and p.hint() and "{" not in p.describe() for p in result.problems)
    return [(p.location.line, p.field, p.code) for p in result.problems]


# ---- the reference surveys ---------------------------------------------------------------------


def test_the_heemskerk_survey_encodes_every_question_of_annex_2(heemskerk_2020: Plan) -> None:
    result = load_survey(HEEMSKERK_SURVEY, heemskerk_2020, plan_keys=KEYS)
    assert result.ok, [p.describe() for p in result.problems]
    survey = result.survey
    assert survey is not None
    # Bijlage 2's questions over the nine lines of development, with the one chapter 7 adds; the
    # "Zo ja ... Zo nee ..." sentences are follow-ups, and the wijk, the age group and two
    # screening questions (for the annex's questions to one group) come first.
    measured = {q.goal for q in survey.questions() if q.goal}
    assert measured == {f"OL-{n}" for n in range(1, 10)}
    per_line = {goal: sum(1 for q in survey.questions() if q.goal == goal) for goal in sorted(measured)}
    assert per_line == {
        "OL-1": 2, "OL-2": 4, "OL-3": 7, "OL-4": 1, "OL-5": 2, "OL-6": 3, "OL-7": 2, "OL-8": 1, "OL-9": 2,
    }  # fmt: skip
    points = [q for q in survey.questions() if q.type is QuestionType.POINTS]
    assert [q.goal for q in points] == ["OL-1", "OL-4", "OL-6", "OL-6", "OL-8"]
    assert all(q.options[-1].write_in == "Te weten" for q in points)  # every "Overige, te weten"
    wijk = survey.weighting(WeightingVariable.WIJK)
    assert wijk is not None and [o.id for o in wijk.options] == [a.id for a in heemskerk_2020.wijken()]
    assert survey.weighting(WeightingVariable.AGE_GROUP) is not None
    assert survey.plan == "GM0396/naast-elkaar-met-elkaar-voor-elkaar"


def test_the_heemskerk_survey_asks_what_the_plan_lists_per_goal(heemskerk_2020: Plan) -> None:
    """Each goal of the plan lists the annex's questions (indicator.questions); a question of the
    survey that measures that goal has words of each (three in a row, at least)."""
    survey = read_survey(HEEMSKERK_SURVEY, heemskerk_2020)
    for goal in heemskerk_2020.goals:
        assert goal.indicator is not None
        asked = set().union(*(_trigrams(q.text) for q in survey.questions() if q.goal == goal.id))
        for text in goal.indicator.questions:
            assert _trigrams(text) & asked, (goal.id, text)


def _trigrams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def test_the_zilverdam_survey_reads_and_stores_as_the_same_content(zilverdam_plan: Plan) -> None:
    survey = read_survey(ZILVERDAM, zilverdam_plan)
    again = read_survey(ZILVERDAM)
    assert survey_content(survey) == survey_content(again)
    assert '"limesurvey": "G1"' in survey_content(survey)


def test_the_example_survey_is_packaged_for_an_installed_koers() -> None:
    """koers installed from a wheel has no examples folder: the survey is package data, and the
    repository's examples/ is a link to it (tests/test_wheel.py checks that the wheel holds it)."""
    assert HEEMSKERK_2020_SURVEY.samefile(HEEMSKERK_SURVEY)


# ---- broken files ------------------------------------------------------------------------------


def test_a_file_with_a_broken_structure_gives_every_problem_with_its_line(zilverdam_plan: Plan) -> None:
    assert located("structure.yaml", zilverdam_plan) == [
        (3, "title", "missing-field"),
        (8, "colour", "unknown-field"),
        (13, "pages[p1].questions[wijk]", "options-missing"),
        (17, "pages[p1].questions[cijfer].type", "invalid-choice"),
        (19, "pages[p1].questions[stellingen]", "statements-missing"),
        (23, "pages[p1].questions[beide]", "goal-and-series"),
        (28, "pages[p1].questions[Wijk 2].id", "invalid-id"),
    ]


def test_questions_that_do_not_fit_together_are_each_named(zilverdam_plan: Plan) -> None:
    assert located("references.yaml", zilverdam_plan) == [
        (22, "pages[p1].questions[opmerking].limesurvey", "duplicate-id"),
        (29, "pages[p2].questions[vervolg-onbekend].show_if.question", "unknown-question"),
        (33, "pages[p2].questions[vervolg-zelfde-pagina].show_if.question", "show-if-not-earlier"),
        (37, "pages[p2].questions[vervolg-op-tekst].show_if.question", "show-if-not-choice"),
        (41, "pages[p2].questions[vervolg-ander-antwoord].show_if.answers[2]", "unknown-option"),
        (42, "pages[p1].id", "duplicate-id"),
        (45, "pages[p1].questions[wijk].id", "duplicate-id"),
        (48, "pages[p1].questions[wijk].weighting", "duplicate-weighting"),
    ]


def test_what_the_plan_does_not_have_is_named(zilverdam_plan: Plan) -> None:
    assert located("plan.yaml", zilverdam_plan) == [
        (20, "pages[p1].questions[wijk].options[Centrum].id", "unknown-wijk"),
        (24, "pages[p1].questions[sporten].goal", "unknown-goal"),
    ]
    without_plan = load_survey(BROKEN / "plan.yaml")
    assert without_plan.ok  # the file itself is well-formed


def test_a_survey_for_a_plan_that_is_not_loaded_is_refused() -> None:
    result = load_survey(ZILVERDAM, plan_keys=["GM0396/samen-sterk-voor-heemskerk"])
    assert [(p.location.line, p.field, p.code) for p in result.problems] == [(14, "plan", "unknown-plan")]
    assert "koers plan load" in result.problems[0].hint()


@pytest.mark.parametrize(
    "name, expected",
    [
        ("yaml-syntax.yaml", [(6, "-", "yaml-syntax")]),
        ("not-a-mapping.yaml", [(1, "-", "not-a-mapping")]),
    ],
)
def test_a_file_that_is_no_survey_says_so(
    name: str, expected: list[tuple[int, str, str]], zilverdam_plan: Plan
) -> None:
    assert located(name, zilverdam_plan) == expected


def test_read_survey_raises_with_every_problem(tmp_path: Path) -> None:
    with pytest.raises(SurveyFileError) as caught:
        read_survey(BROKEN / "structure.yaml")
    assert len(caught.value.problems) == 7
    assert [p.code for p in load_survey(tmp_path / "nergens.yaml").problems] == ["file-not-found"]
    assert [p.code for p in load_survey(tmp_path / "enquete.xlsx").problems] == ["unsupported-format"]


# ---- the schema and the documentation ----------------------------------------------------------


def test_committed_schema_matches_the_model() -> None:
    committed = (ROOT / "docs" / "survey.schema.json").read_text(encoding="utf-8")
    assert committed == survey_json_schema_text(), "run: koers survey schema --out docs/survey.schema.json"


def test_the_reference_surveys_validate_against_the_schema() -> None:
    import json

    import jsonschema
    from ruamel.yaml import YAML

    schema = json.loads(survey_json_schema_text())
    for path in (HEEMSKERK_SURVEY, ZILVERDAM):
        jsonschema.validate(json.loads(json.dumps(YAML(typ="safe").load(path.read_text(encoding="utf-8")))), schema)


def test_every_survey_problem_code_is_documented() -> None:
    text = (ROOT / "docs" / "survey-format.md").read_text(encoding="utf-8")
    missing = [code for code in SURVEY_CODES if f"`{code}`" not in text]
    assert not missing, missing


def test_every_kind_of_question_is_documented() -> None:
    text = (ROOT / "docs" / "survey-format.md").read_text(encoding="utf-8")
    for kind in QuestionType:
        assert f"| `{kind.value}` |" in text, kind
    for variable in WeightingVariable:
        assert f"`weighting: {variable.value}`" in text, variable
