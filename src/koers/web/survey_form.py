# SPDX-License-Identifier: EUPL-1.2
"""The resident's form at /enquete, field by field: what a page's form sends, read into
answers by the one check (koers.domain.survey_answers), and what a page shows again.

Every field has a name and an id made of the question's id and, where it has them, the option
or statement it is about, joined by ``~`` (a character no id has): ``q~ol1-ondersteuning~familie``
is the points field of option ``familie``, ``f~...`` its id. A problem with one option or
statement is linked (from the error summary, and by aria-describedby) to that option's field;
a problem with the question as a whole to its first field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import FormData

from koers.domain.survey import GRADES, POINTS_TOTAL, Question, QuestionType
from koers.domain.survey_answers import Answer, AnswerCode, AnswerProblem, Checked, Given, check_answer
from koers.web import LANG

SEPARATOR = "~"


def name(question: Question, *parts: str) -> str:
    """The form field's name: ``q~QUESTION[~PART[~text]]``."""
    return SEPARATOR.join(("q", question.id, *parts))


def field_id(question: Question, *parts: str) -> str:
    """The element's id: ``f~QUESTION[~PART...]``."""
    return SEPARATOR.join(("f", question.id, *parts))


def given_from_form(question: Question, form: FormData) -> Given:
    """What the form sent for ``question``, as text, before it is checked."""
    texts = {o.id: _text(form.get(name(question, o.id, "text"))) for o in question.options if o.write_in}
    kind = question.type
    if kind in (QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.GRADE):
        values = tuple(_text(v) for v in form.getlist(name(question)))
        return Given(values=values, write_ins=texts)
    if kind is QuestionType.MATRIX:
        return Given(parts={s.id: _text(form.get(name(question, s.id))) for s in question.statements})
    if kind is QuestionType.POINTS:
        return Given(parts={o.id: _text(form.get(name(question, o.id))) for o in question.options}, write_ins=texts)
    return Given(values=(_text(form.get(name(question))),))


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


@dataclass
class QuestionView:
    """A question as its page shows it: what is filled in, and its problems with their fields."""

    question: Question
    given: Given
    problems: list[AnswerProblem] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.question.type.value

    @property
    def instruction(self) -> str:
        return self.question.type.instruction(LANG)

    @property
    def hint_id(self) -> str:
        return SEPARATOR.join(("h", self.question.id))

    @property
    def error_id(self) -> str:
        return SEPARATOR.join(("e", self.question.id))

    def id(self, *parts: str) -> str:
        return field_id(self.question, *parts)

    def name(self, *parts: str) -> str:
        return name(self.question, *parts)

    def first_id(self) -> str:
        """The question's first field, where a problem with the whole question links to."""
        q = self.question
        if q.type is QuestionType.MATRIX:
            return self.id(q.statements[0].id, q.options[0].id)
        if q.type is QuestionType.GRADE:
            return self.id(self.grades[0])
        if q.options:
            return self.id(q.options[0].id)
        return self.id()

    def target(self, problem: AnswerProblem) -> str:
        """The field a problem links to: the option's or statement's own field, else the first."""
        q = self.question
        if problem.part is None:
            return self.first_id()
        if problem.code is AnswerCode.TOO_LONG:
            return self.id(problem.part, "text")
        if q.type is QuestionType.MATRIX:
            return self.id(problem.part, q.options[0].id)
        return self.id(problem.part)

    def messages(self) -> list[tuple[str, str]]:
        """Each problem's text and the field it links to."""
        return [(p.message(LANG), self.target(p)) for p in self.problems]

    def chosen(self, option_id: str) -> bool:
        return option_id in self.given.values

    def value(self) -> str:
        return self.given.values[0] if self.given.values else ""

    def part(self, key: str) -> str:
        return self.given.parts.get(key, "")

    def write_in(self, option_id: str) -> str:
        return self.given.write_ins.get(option_id, "")

    def describedby(self, *extra: str) -> str:
        """The ids that describe a field of this question: its hint, and its error when it has one."""
        ids = [self.hint_id, *extra]
        if self.problems:
            ids.append(self.error_id)
        return " ".join(ids)

    def invalid(self, part: str | None = None) -> bool:
        """Whether a field is marked invalid: any field of the question when the problem is the
        question's; only its own when the problem is about one option or statement."""
        return any(p.part is None or p.part == part for p in self.problems)

    def own_problem(self, part: str) -> bool:
        """Whether a problem is about this option or statement itself (a write-in text field is
        marked only then, not for the question's total)."""
        return any(p.part == part for p in self.problems)

    @property
    def grades(self) -> list[str]:
        """The marks to choose from, as the form sends them."""
        return [str(n) for n in GRADES]

    @property
    def points_total(self) -> int:
        """The points filled in so far (what is not a whole number counts as 0), shown next to POINTS_TOTAL."""
        return sum(int(v) for v in self.given.parts.values() if v.strip().isdigit())

    @property
    def points_required(self) -> int:
        return POINTS_TOTAL


@dataclass
class PageCheck:
    """A page's form, read: the answers to keep, the views to show again, and whether all is right."""

    answers: dict[str, Answer]
    views: list[QuestionView]

    @property
    def ok(self) -> bool:
        return not any(v.problems for v in self.views)

    def summary(self) -> list[tuple[str, str]]:
        """Every problem on the page, after the question it is about, with the field it links to,
        in the page's order (the error summary at the top of the page)."""
        return [(f"{v.question.text} {text}", target) for v in self.views for text, target in v.messages()]


def check_page(questions: list[Question], form: FormData) -> PageCheck:
    """Every shown question of a page read from ``form`` and checked."""
    answers: dict[str, Answer] = {}
    views = []
    for question in questions:
        given = given_from_form(question, form)
        checked: Checked = check_answer(question, given)
        if checked.answer is not None:
            answers[question.id] = checked.answer
        views.append(QuestionView(question, given, checked.problems))
    return PageCheck(answers, views)


def views_of(questions: list[Question], answers: Mapping[str, Answer]) -> list[QuestionView]:
    """The questions of a page with the answers given before."""
    return [QuestionView(q, Given.of(answers.get(q.id))) for q in questions]
