# SPDX-License-Identifier: EUPL-1.2
"""Answers to a survey's questions: what a resident gave, checked into a typed answer.

One check serves every way answers come in (the web form at /enquete, a LimeSurvey export):
what was typed or ticked arrives as text (:class:`Given`), and :func:`check_answer` turns it
into the answer of the question's type, or into problems that say what to change, each naming
the part of the question it is about (an option, a statement) so that a form can put the
message next to that field. The 100-point rule lives here, once: a points question is answered
with exactly :data:`~koers.domain.survey.POINTS_TOTAL` points, or not at all.

Follow-up questions are answered only when shown: :func:`applicable` keeps the answers of the
questions that are shown given the other answers, so an answer to a follow-up whose reason was
taken back is never counted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Final

from koers.domain.survey import (
    HIGHEST_GRADE,
    LOWEST_GRADE,
    POINTS_TOTAL,
    Question,
    QuestionType,
    Survey,
)
from koers.domain.vocabulary import every
from koers.domain.wording import listing
from koers.i18n import N_, _

#: The longest text koers keeps from one field: a long story fits; a pasted book does not.
MAX_TEXT: Final = 4000


# -- the answers, one type per kind of question ----------------------------------------------


@dataclass(frozen=True)
class Choice:
    """A single choice answer: the chosen option, and its write-in text if it has one."""

    option: str
    write_in: str | None = None

    def to_data(self) -> dict[str, Any]:
        return {"option": self.option, "write_in": self.write_in}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Choice:
        return cls(str(data["option"]), data.get("write_in"))


@dataclass(frozen=True)
class Choices:
    """A multiple choice answer: the chosen options in the question's order, with write-in texts."""

    options: tuple[str, ...]
    write_ins: Mapping[str, str] = field(default_factory=dict)

    def to_data(self) -> dict[str, Any]:
        return {"options": list(self.options), "write_ins": dict(self.write_ins)}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Choices:
        return cls(tuple(str(o) for o in data["options"]), dict(data.get("write_ins") or {}))


@dataclass(frozen=True)
class Grade:
    """A mark from LOWEST_GRADE to HIGHEST_GRADE."""

    value: int

    def to_data(self) -> dict[str, Any]:
        return {"value": self.value}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Grade:
        return cls(int(data["value"]))


@dataclass(frozen=True)
class Rows:
    """A matrix answer: per statement answered, the chosen step of the scale."""

    rows: Mapping[str, str]

    def to_data(self) -> dict[str, Any]:
        return {"rows": dict(self.rows)}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Rows:
        return cls({str(k): str(v) for k, v in data["rows"].items()})


@dataclass(frozen=True)
class Points:
    """A points answer: the points of every option (0 where none were given), adding up to
    POINTS_TOTAL, and the write-in texts of options that got points."""

    points: Mapping[str, int]
    write_ins: Mapping[str, str] = field(default_factory=dict)

    def to_data(self) -> dict[str, Any]:
        return {"points": dict(self.points), "write_ins": dict(self.write_ins)}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Points:
        return cls({str(k): int(v) for k, v in data["points"].items()}, dict(data.get("write_ins") or {}))


@dataclass(frozen=True)
class Text:
    """An open answer."""

    text: str

    def to_data(self) -> dict[str, Any]:
        return {"text": self.text}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Text:
        return cls(str(data["text"]))


Answer = Choice | Choices | Grade | Rows | Points | Text

#: The answer each kind of question gets.
ANSWER_TYPES: Final[Mapping[QuestionType, type[Answer]]] = every(
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


def answer_from_data(kind: QuestionType, data: Mapping[str, Any]) -> Answer:
    """The typed answer to a question of ``kind`` from what :meth:`to_data` wrote."""
    return ANSWER_TYPES[kind].from_data(data)


def chosen(answer: Answer | None) -> set[str]:
    """The options an answer chose (a single or multiple choice answer), else none."""
    if isinstance(answer, Choice):
        return {answer.option}
    if isinstance(answer, Choices):
        return set(answer.options)
    return set()


# -- what was given, and the problems with it ------------------------------------------------


@dataclass(frozen=True)
class Given:
    """What was typed or ticked for one question, as text, before it is checked.

    ``values``: the chosen options (single, multiple), the mark (grade) or the text (open).
    ``parts``: per statement the chosen step (matrix), per option the points as typed (points).
    ``write_ins``: per option the text written next to it ('Overige, te weten ...').
    """

    values: tuple[str, ...] = ()
    parts: Mapping[str, str] = field(default_factory=dict)
    write_ins: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, answer: Answer | None) -> Given:
        """An answer as a form shows it again (points left at 0 as an empty field)."""
        if isinstance(answer, Choice):
            return cls((answer.option,), write_ins={answer.option: answer.write_in} if answer.write_in else {})
        if isinstance(answer, Choices):
            return cls(answer.options, write_ins=dict(answer.write_ins))
        if isinstance(answer, Grade):
            return cls((str(answer.value),))
        if isinstance(answer, Rows):
            return cls(parts=dict(answer.rows))
        if isinstance(answer, Points):
            return cls(parts={k: str(v) for k, v in answer.points.items() if v}, write_ins=dict(answer.write_ins))
        if isinstance(answer, Text):
            return cls((answer.text,))
        return cls()

    def filled(self) -> tuple[list[str], dict[str, str], dict[str, str]]:
        """The values, parts and write-ins that hold something, stripped."""
        values = [v.strip() for v in self.values if v.strip()]
        parts = {k: v.strip() for k, v in self.parts.items() if v.strip()}
        write_ins = {k: v.strip() for k, v in self.write_ins.items() if v.strip()}
        return values, parts, write_ins


class AnswerCode(StrEnum):
    """What can be wrong with an answer; the words for residents are in :data:`ANSWER_MESSAGES`."""

    REQUIRED = "required"
    UNKNOWN_OPTION = "unknown-option"
    ONE_ONLY = "one-only"
    NOT_A_GRADE = "not-a-grade"
    NOT_POINTS = "not-points"
    POINTS_TOO_FEW = "points-too-few"
    POINTS_TOO_MANY = "points-too-many"
    WRITE_IN_UNCHOSEN = "write-in-unchosen"
    UNKNOWN_STATEMENT = "unknown-statement"
    ROWS_MISSING = "rows-missing"
    TOO_LONG = "too-long"


#: What a resident reads next to the field: what is wrong and what to do, in one go (B1).
ANSWER_MESSAGES: Final = every(
    AnswerCode,
    {
        AnswerCode.REQUIRED: N_("Deze vraag moet u beantwoorden."),
        AnswerCode.UNKNOWN_OPTION: N_("'{value}' is geen antwoord bij deze vraag. Kies een van de antwoorden."),
        AnswerCode.ONE_ONLY: N_("Kies één antwoord."),
        AnswerCode.NOT_A_GRADE: N_("'{value}' is geen cijfer. Geef een heel cijfer van {low} tot en met {high}."),
        AnswerCode.NOT_POINTS: N_("Bij '{option}' staat '{value}'. Vul een heel getal in: 0 of meer."),
        AnswerCode.POINTS_TOO_FEW: N_(
            "U heeft {total} punten verdeeld. Dat moeten er precies {required} zijn. Verdeel er nog {difference}."
        ),
        AnswerCode.POINTS_TOO_MANY: N_(
            "U heeft {total} punten verdeeld. Dat moeten er precies {required} zijn. Haal er {difference} weg."
        ),
        AnswerCode.WRITE_IN_UNCHOSEN: N_(
            "U schreef iets bij '{option}', maar koos dat antwoord niet. Kies het ook, of maak het tekstvak leeg."
        ),
        AnswerCode.UNKNOWN_STATEMENT: N_("'{value}' is geen stelling bij deze vraag."),
        AnswerCode.ROWS_MISSING: N_("Geef bij elke stelling een antwoord. Nog niet beantwoord: {rows}."),
        AnswerCode.TOO_LONG: N_("Uw antwoord is te lang. Gebruik hoogstens {max} tekens."),
    },
)


@dataclass(frozen=True)
class AnswerProblem:
    """One thing wrong with an answer, and which part of the question it is about (an option or
    statement id; None: the question as a whole)."""

    code: AnswerCode
    part: str | None = None
    facts: Mapping[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "nl") -> str:
        facts = {k: listing(v, lang) if isinstance(v, list) else v for k, v in self.facts.items()}
        return _(ANSWER_MESSAGES[self.code], lang, **facts)


@dataclass(frozen=True)
class Checked:
    """An answer (None: not answered), or the problems that keep it from being one."""

    answer: Answer | None
    problems: list[AnswerProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_answer(question: Question, given: Given) -> Checked:
    """The answer ``given`` makes to ``question``, or every problem with it.

    An empty answer is no answer: fine for a question that is not required, a problem for one
    that is. Checked is everything a form or a file could get wrong: an option the question does
    not have, two choices where one is asked, a mark outside the scale, points that do not add
    up to POINTS_TOTAL, a write-in text next to an option that was not chosen, a text too long.
    """
    values, parts, write_ins = given.filled()
    if not values and not parts and not write_ins:
        return Checked(None, [AnswerProblem(AnswerCode.REQUIRED)] if question.required else [])
    checker = _CHECKERS[question.type]
    return checker(question, values, parts, write_ins)


def _single(question: Question, values: list[str], parts: dict[str, str], write_ins: dict[str, str]) -> Checked:
    problems = _unknown_options(question, values) + _long_write_ins(write_ins)
    if len(set(values)) > 1:
        problems.append(AnswerProblem(AnswerCode.ONE_ONLY))
    problems += _unchosen_write_ins(question, set(values), write_ins)
    if problems:
        return Checked(None, problems)
    if not values:
        return Checked(None, [AnswerProblem(AnswerCode.REQUIRED)] if question.required else [])
    option = values[0]
    return Checked(Choice(option, write_ins.get(option)))


def _multiple(question: Question, values: list[str], parts: dict[str, str], write_ins: dict[str, str]) -> Checked:
    problems = _unknown_options(question, values) + _long_write_ins(write_ins)
    problems += _unchosen_write_ins(question, set(values), write_ins)
    if problems:
        return Checked(None, problems)
    options = tuple(o.id for o in question.options if o.id in values)
    return Checked(Choices(options, {k: v for k, v in write_ins.items() if k in options}))


def _grade(question: Question, values: list[str], parts: dict[str, str], write_ins: dict[str, str]) -> Checked:
    text = values[0] if len(values) == 1 else " ".join(values)
    facts = {"value": text, "low": LOWEST_GRADE, "high": HIGHEST_GRADE}
    if not text.isdigit() or not LOWEST_GRADE <= int(text) <= HIGHEST_GRADE:
        return Checked(None, [AnswerProblem(AnswerCode.NOT_A_GRADE, None, facts)])
    return Checked(Grade(int(text)))


def _matrix(question: Question, values: list[str], parts: dict[str, str], write_ins: dict[str, str]) -> Checked:
    problems = [
        AnswerProblem(AnswerCode.UNKNOWN_STATEMENT, None, {"value": row})
        for row in parts
        if not question.statement(row)
    ]
    problems += [
        AnswerProblem(AnswerCode.UNKNOWN_OPTION, row, {"value": step})
        for row, step in parts.items()
        if question.statement(row) and not question.option(step)
    ]
    missing = [s for s in question.statements if s.id not in parts]
    if question.required and missing and not problems:
        facts = {"rows": [f"'{s.label}'" for s in missing]}
        problems.append(AnswerProblem(AnswerCode.ROWS_MISSING, missing[0].id, facts))
    if problems:
        return Checked(None, problems)
    return Checked(Rows({s.id: parts[s.id] for s in question.statements if s.id in parts}))


def _points(question: Question, values: list[str], parts: dict[str, str], write_ins: dict[str, str]) -> Checked:
    problems = [
        AnswerProblem(AnswerCode.UNKNOWN_OPTION, None, {"value": key}) for key in parts if not question.option(key)
    ]
    points: dict[str, int] = {}
    for option in question.options:
        typed = parts.get(option.id, "0")
        if typed.isdigit():
            points[option.id] = int(typed)
        else:
            facts = {"value": typed, "option": option.label}
            problems.append(AnswerProblem(AnswerCode.NOT_POINTS, option.id, facts))
    problems += _long_write_ins(write_ins)
    problems += _unchosen_write_ins(question, {k for k, v in points.items() if v > 0}, write_ins)
    if not problems:
        total = sum(points.values())
        if total != POINTS_TOTAL:
            code = AnswerCode.POINTS_TOO_FEW if total < POINTS_TOTAL else AnswerCode.POINTS_TOO_MANY
            sums = {"total": total, "required": POINTS_TOTAL, "difference": abs(POINTS_TOTAL - total)}
            problems.append(AnswerProblem(code, None, sums))
    if problems:
        return Checked(None, problems)
    return Checked(Points(points, {k: v for k, v in write_ins.items() if points.get(k, 0) > 0}))


def _text(question: Question, values: list[str], parts: dict[str, str], write_ins: dict[str, str]) -> Checked:
    text = "\n".join(values)
    if len(text) > MAX_TEXT:
        return Checked(None, [AnswerProblem(AnswerCode.TOO_LONG, None, {"max": MAX_TEXT})])
    return Checked(Text(text))


def _unknown_options(question: Question, values: list[str]) -> list[AnswerProblem]:
    return [AnswerProblem(AnswerCode.UNKNOWN_OPTION, None, {"value": v}) for v in values if not question.option(v)]


def _unchosen_write_ins(question: Question, chosen_ids: set[str], write_ins: dict[str, str]) -> list[AnswerProblem]:
    """A text next to an option that was not chosen: the resident meant something; ask which."""
    found = []
    for key in write_ins:
        option = question.option(key)
        if option is None or not option.write_in:
            found.append(AnswerProblem(AnswerCode.UNKNOWN_OPTION, None, {"value": key}))
        elif key not in chosen_ids:
            found.append(AnswerProblem(AnswerCode.WRITE_IN_UNCHOSEN, key, {"option": option.label}))
    return found


def _long_write_ins(write_ins: dict[str, str]) -> list[AnswerProblem]:
    return [AnswerProblem(AnswerCode.TOO_LONG, k, {"max": MAX_TEXT}) for k, v in write_ins.items() if len(v) > MAX_TEXT]


_CHECKERS: Final = every(
    QuestionType,
    {
        QuestionType.SINGLE: _single,
        QuestionType.MULTIPLE: _multiple,
        QuestionType.GRADE: _grade,
        QuestionType.MATRIX: _matrix,
        QuestionType.POINTS: _points,
        QuestionType.TEXT: _text,
    },
)


# -- follow-up questions ---------------------------------------------------------------------


def is_shown(question: Question, answers: Mapping[str, Answer]) -> bool:
    """Whether ``question`` is asked, given the answers so far: always, unless it is a follow-up
    whose earlier question did not get one of its answers."""
    if question.show_if is None:
        return True
    return bool(chosen(answers.get(question.show_if.question)) & set(question.show_if.answers))


def applicable(survey: Survey, answers: Mapping[str, Answer]) -> dict[str, Answer]:
    """The answers that count: those of questions that are shown, in the survey's order. An
    answer to a follow-up whose reason was taken back is left out (and so are its own follow-ups)."""
    kept: dict[str, Answer] = {}
    for question in survey.questions():
        if question.id in answers and is_shown(question, kept):
            kept[question.id] = answers[question.id]
    return kept


def unanswered_required(survey: Survey, answers: Mapping[str, Answer]) -> list[Question]:
    """The required questions that are shown but have no answer."""
    kept = applicable(survey, answers)
    return [q for q in survey.questions() if q.required and q.id not in kept and is_shown(q, kept)]


# -- pages -----------------------------------------------------------------------------------


def page_is_shown(survey: Survey, index: int, answers: Mapping[str, Answer]) -> bool:
    """Whether page ``index`` (from 0) has a question to ask, given the answers so far: a page of
    follow-ups whose reasons were not given is passed over."""
    kept = applicable(survey, answers)
    return any(is_shown(q, kept) for q in survey.pages[index].questions)


def next_page(survey: Survey, index: int, answers: Mapping[str, Answer]) -> int | None:
    """The first page after ``index`` (-1: from the start) that is shown; None after the last."""
    return next((i for i in range(index + 1, len(survey.pages)) if page_is_shown(survey, i, answers)), None)


def previous_page(survey: Survey, index: int, answers: Mapping[str, Answer]) -> int | None:
    """The last page before ``index`` that is shown; None before the first."""
    return next((i for i in range(index - 1, -1, -1) if page_is_shown(survey, i, answers)), None)
