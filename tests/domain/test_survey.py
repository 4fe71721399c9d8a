# SPDX-License-Identifier: EUPL-1.2
"""The survey model and its answers: what each kind of question needs, the checks across
questions, the one check of an answer (the 100-point rule above all) and follow-up questions.

Built on Zilverdam's made-up survey (tests/data/surveys/zilverdam-peiling.yaml) and on small
surveys made here, so that every rule is seen to fail as well as to pass.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from koers.domain.survey import (
    GRADES,
    POINTS_TOTAL,
    QUESTION_TYPES,
    Question,
    QuestionType,
    Survey,
    WeightingVariable,
    consistency_findings,
    plan_findings,
)
from koers.domain.survey_answers import (
    ANSWER_MESSAGES,
    ANSWER_TYPES,
    Answer,
    AnswerCode,
    Choice,
    Choices,
    Given,
    Grade,
    Points,
    Rows,
    Text,
    answer_from_data,
    applicable,
    check_answer,
    is_shown,
    next_page,
    page_is_shown,
    previous_page,
    unanswered_required,
)
from koers.planfile import read_plan
from koers.planfile.surveyfile import read_survey

DATA = Path(__file__).resolve().parents[1] / "data"
ZILVERDAM = DATA / "surveys" / "zilverdam-peiling.yaml"
ZILVERDAM_PLAN = DATA / "plans" / "fictional-plan.yaml"


@pytest.fixture(scope="module")
def survey() -> Survey:
    return read_survey(ZILVERDAM)


def question(kind: str, **fields: Any) -> Question:
    options = [
        {"id": "a", "label": "A"},
        {"id": "b", "label": "B"},
        {"id": "c", "label": "Overige", "write_in": "Te weten"},
    ]
    base: dict[str, Any] = {"id": "q", "type": kind, "text": "Vraag?"}
    if QUESTION_TYPES[QuestionType(kind)].options:
        base["options"] = options[:2] if kind == "matrix" else options
    if kind == "matrix":
        base["statements"] = [{"id": "s1", "label": "Zin 1"}, {"id": "s2", "label": "Zin 2"}]
    return Question.model_validate({**base, **fields})


def codes(checked: Any) -> list[tuple[str, str | None]]:
    return [(p.code.value, p.part) for p in checked.problems]


# ---- the model ---------------------------------------------------------------------------------


def test_every_kind_of_question_has_its_rules_and_its_answer() -> None:
    assert list(QUESTION_TYPES) == list(QuestionType) == list(ANSWER_TYPES)
    assert [k.value for k in QuestionType] == ["single", "multiple", "grade", "matrix", "points", "text"]
    assert all(k.instruction() and k.label() for k in QuestionType)
    assert str(POINTS_TOTAL) in QuestionType.POINTS.instruction()
    assert "1 tot en met 10" in QuestionType.GRADE.instruction()
    assert tuple(range(1, 11)) == GRADES


@pytest.mark.parametrize(
    "kind, fields, code",
    [
        ("single", {"options": []}, "options-missing"),
        ("points", {"options": []}, "options-missing"),
        ("text", {"options": [{"id": "a", "label": "A"}]}, "options-not-allowed"),
        ("grade", {"statements": [{"id": "s", "label": "S"}]}, "statements-not-allowed"),
        ("matrix", {"statements": []}, "statements-missing"),
        ("single", {"goal": "ZD-01", "series": "x"}, "goal-and-series"),
        ("multiple", {"weighting": "wijk"}, "weighting-not-single"),
        ("matrix", {"options": [{"id": "a", "label": "A", "write_in": "Welke?"}]}, "write-in-in-scale"),
        ("single", {"options": [{"id": "a", "label": "A"}, {"id": "a", "label": "B"}]}, "duplicate-answer-id"),
    ],
)
def test_a_question_that_does_not_fit_its_kind_is_refused(kind: str, fields: dict[str, Any], code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        question(kind, **fields)
    assert [e["type"] for e in caught.value.errors()] == [code]


def test_the_zilverdam_survey_reads_with_every_kind_of_question(survey: Survey) -> None:
    assert survey.municipality == "GM9999"
    assert {q.type for q in survey.questions()} == set(QuestionType)
    assert [q.id for q in survey.questions() if q.weighting] == ["wijk", "leeftijd"]
    assert survey.weighting(WeightingVariable.WIJK) == survey.question("wijk")
    assert survey.weighting(WeightingVariable.AGE_GROUP) == survey.question("leeftijd")
    assert survey.page_index("buurtkamer-cijfer") == 3
    assert consistency_findings(survey) == []
    assert plan_findings(survey, read_plan(ZILVERDAM_PLAN)) == []


def _with(survey: Survey, page: int, question_index: int, **changes: Any) -> Survey:
    data = survey.model_dump(mode="json")
    data["pages"][page]["questions"][question_index].update(changes)
    return Survey.model_validate(data)


def test_follow_ups_point_back_to_a_choice_on_an_earlier_page(survey: Survey) -> None:
    cases = {
        "unknown-question": {"question": "bestaat-niet", "answers": ["ja"]},
        "show-if-not-earlier": {"question": "opmerkingen", "answers": ["ja"]},
        "show-if-not-choice": {"question": "eenzaamheid", "answers": ["eens"]},
        "unknown-option": {"question": "buurtkamer", "answers": ["ja", "misschien"]},
    }
    for code, show_if in cases.items():
        found = consistency_findings(_with(survey, 3, 0, show_if=show_if))
        assert [(f[1], f[0][-2] if code == "unknown-option" else f[0][-1]) for f in found] == [
            (code, "answers" if code == "unknown-option" else "question")
        ], code
    same_page = consistency_findings(_with(survey, 2, 1, show_if={"question": "eenzaamheid", "answers": ["x"]}))
    assert [f[1] for f in same_page] == ["show-if-not-earlier"]


def test_ids_weighting_and_limesurvey_codes_are_each_used_once(survey: Survey) -> None:
    found = consistency_findings(_with(survey, 4, 1, id="hulp-geldzorgen", weighting="wijk"))
    assert [(f[1], f[2]["value"]) for f in found] == [
        ("duplicate-id", "hulp-geldzorgen"),
        ("duplicate-weighting", "wijk"),
    ]
    assert found[0][2]["other"] == "pages[5].questions[1]"
    found = consistency_findings(_with(survey, 4, 1, limesurvey="G1"))
    assert [(f[0][-1], f[1]) for f in found] == [("limesurvey", "duplicate-id")]


def test_the_plan_must_have_the_goals_and_the_wijken(survey: Survey) -> None:
    plan = read_plan(ZILVERDAM_PLAN)
    changed = _with(survey, 1, 0, goal="ZD-99")
    data = changed.model_dump(mode="json")
    data["pages"][0]["questions"][0]["options"][0]["id"] = "Centrum"
    found = plan_findings(Survey.model_validate(data), plan)
    assert [(f[0], f[1], f[2]["value"]) for f in found] == [
        (("pages", 0, "questions", 0, "options", 0, "id"), "unknown-wijk", "Centrum"),
        (("pages", 1, "questions", 0, "goal"), "unknown-goal", "ZD-99"),
    ]


# ---- answers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed, expected",
    [
        ({"q~a": "50", "q~b": "49"}, [("points-too-few", None)]),
        ({"q~a": "50", "q~b": "51"}, [("points-too-many", None)]),
        ({"q~a": "60", "q~b": "", "q~c": "40"}, []),
        ({"q~a": "100"}, []),
        ({"q~a": "veertig", "q~b": "60"}, [("not-points", "a")]),
        ({"q~a": "-10", "q~b": "110"}, [("not-points", "a")]),
        ({"q~a": "99.5", "q~b": "0.5"}, [("not-points", "a"), ("not-points", "b")]),
    ],
)
def test_points_add_up_to_exactly_100(typed: dict[str, str], expected: list[tuple[str, str | None]]) -> None:
    q = question("points")
    parts = {key.split("~")[1]: value for key, value in typed.items()}
    assert codes(check_answer(q, Given(parts=parts))) == expected


def test_a_points_total_says_how_many_to_add_or_take_away() -> None:
    q = question("points")
    few = check_answer(q, Given(parts={"a": "50", "b": "49"})).problems[0]
    many = check_answer(q, Given(parts={"a": "50", "b": "51"})).problems[0]
    assert few.message() == "U heeft 99 punten verdeeld. Dat moeten er precies 100 zijn. Verdeel er nog 1."
    assert many.message() == "U heeft 101 punten verdeeld. Dat moeten er precies 100 zijn. Haal er 1 weg."


def test_the_overige_text_is_kept_with_its_points() -> None:
    q = question("points")
    checked = check_answer(q, Given(parts={"a": "70", "c": "30"}, write_ins={"c": " De kerk "}))
    assert checked.answer == Points({"a": 70, "b": 0, "c": 30}, {"c": "De kerk"})
    without_points = check_answer(q, Given(parts={"a": "100"}, write_ins={"c": "De kerk"}))
    assert codes(without_points) == [("write-in-unchosen", "c")]
    assert "'Overige'" in without_points.problems[0].message()


def test_an_empty_answer_is_no_answer_unless_the_question_is_required() -> None:
    for kind in QuestionType:
        assert check_answer(question(kind.value), Given()).answer is None
        assert codes(check_answer(question(kind.value), Given(values=(" ",)))) == []
        assert codes(check_answer(question(kind.value, required=True), Given())) == [("required", None)]


@pytest.mark.parametrize(
    "kind, given, answer",
    [
        ("single", Given(values=("b",)), Choice("b")),
        ("single", Given(values=("c",), write_ins={"c": "Mijn buurman"}), Choice("c", "Mijn buurman")),
        ("multiple", Given(values=("c", "a")), Choices(("a", "c"))),
        ("grade", Given(values=(" 7 ",)), Grade(7)),
        ("matrix", Given(parts={"s2": "a"}), Rows({"s2": "a"})),
        ("text", Given(values=("Meer bankjes",)), Text("Meer bankjes")),
    ],
)
def test_a_good_answer_is_typed_and_reads_back(kind: str, given: Given, answer: Any) -> None:
    checked = check_answer(question(kind), given)
    assert checked.ok and checked.answer == answer
    assert answer_from_data(QuestionType(kind), answer.to_data()) == answer
    assert check_answer(question(kind), Given.of(answer)).answer == answer


@pytest.mark.parametrize(
    "kind, given, expected",
    [
        ("single", Given(values=("a", "b")), [("one-only", None)]),
        ("single", Given(values=("z",)), [("unknown-option", None)]),
        ("single", Given(values=("a",), write_ins={"c": "iets"}), [("write-in-unchosen", "c")]),
        ("multiple", Given(values=("a", "z")), [("unknown-option", None)]),
        ("grade", Given(values=("11",)), [("not-a-grade", None)]),
        ("grade", Given(values=("0",)), [("not-a-grade", None)]),
        ("grade", Given(values=("7,5",)), [("not-a-grade", None)]),
        ("matrix", Given(parts={"s1": "z"}), [("unknown-option", "s1")]),
        ("matrix", Given(parts={"s9": "a"}), [("unknown-statement", None)]),
        ("text", Given(values=("x" * 4001,)), [("too-long", None)]),
    ],
)
def test_a_wrong_answer_says_what_and_where(kind: str, given: Given, expected: list[Any]) -> None:
    checked = check_answer(question(kind), given)
    assert checked.answer is None and codes(checked) == expected
    assert all(p.message() for p in checked.problems)


def test_a_required_matrix_needs_every_statement() -> None:
    checked = check_answer(question("matrix", required=True), Given(parts={"s1": "a"}))
    assert codes(checked) == [("rows-missing", "s2")]
    assert checked.problems[0].message() == "Geef bij elke stelling een antwoord. Nog niet beantwoord: 'Zin 2'."


def test_every_answer_problem_has_words_in_both_languages() -> None:
    assert list(ANSWER_MESSAGES) == list(AnswerCode)


# ---- follow-up questions -----------------------------------------------------------------------


def test_a_follow_up_is_shown_only_after_its_answer(survey: Survey) -> None:
    follow_up = survey.question("buurtkamer-cijfer")
    assert follow_up is not None
    assert not is_shown(follow_up, {})
    assert not is_shown(follow_up, {"buurtkamer": Choice("nee")})
    assert is_shown(follow_up, {"buurtkamer": Choice("ja")})


def test_an_answer_to_a_follow_up_whose_reason_was_taken_back_does_not_count(survey: Survey) -> None:
    answers: dict[str, Answer] = {
        "buurtkamer": Choice("nee"),
        "buurtkamer-cijfer": Grade(8),
        "wijk": Choice("WK999901"),
    }
    assert applicable(survey, answers) == {"wijk": Choice("WK999901"), "buurtkamer": Choice("nee")}


def test_a_page_of_follow_ups_is_passed_over_when_none_is_asked(survey: Survey) -> None:
    assert not page_is_shown(survey, 3, {"buurtkamer": Choice("nee")})
    assert next_page(survey, 2, {"buurtkamer": Choice("nee")}) == 4
    assert next_page(survey, 2, {"buurtkamer": Choice("ja")}) == 3
    assert previous_page(survey, 4, {}) == 2
    assert next_page(survey, 5, {}) is None and previous_page(survey, 0, {}) is None


def test_required_questions_count_only_when_shown(survey: Survey) -> None:
    missing = [q.id for q in unanswered_required(survey, {})]
    assert missing == ["wijk", "leeftijd", "eenzaamheid"]
