# SPDX-License-Identifier: EUPL-1.2
"""Read the responses of a LimeSurvey export ("Export responses", CSV, question codes as
column names) into a survey's answers: every row checked first, every problem located by row
and column; the responses only when no row has a problem.

The survey file says which LimeSurvey code each question has (``limesurvey: Q3``); the columns
then follow LimeSurvey's naming: ``Q3`` for a question with one answer (single choice, a mark,
an open question), ``Q3[SQ001]`` per option of a multiple choice or points question and per
statement of a matrix, ``Q3[other]`` for the text of 'Overige' (and ``Q3[comment]`` for the
comment of a list with comment). A multiple choice option is chosen when its cell is ``Y``. An
option's or statement's code is its ``limesurvey`` code when it has one, else its id.

LimeSurvey's own columns (the response id, its dates, the page reached, the language) are read
or passed over by name; the IP address, the referring page and the token are never read. Any
other column that no question claims is refused, so that no answer is dropped unseen. Rows
without a submit date are responses that were not finished: they are counted, not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Final

from koers.domain.survey import Question, QuestionType, Survey
from koers.domain.survey_answers import (
    Answer,
    AnswerCode,
    AnswerProblem,
    Given,
    applicable,
    check_answer,
    is_shown,
)
from koers.importers.files import Refused, UnreadableFile, open_rows
from koers.importers.limesurvey_messages import CATALOGUE
from koers.problems import Location, Problem

ID_COLUMN: Final = "id"
SUBMITTED_COLUMN: Final = "submitdate"
STARTED_COLUMN: Final = "startdate"
#: LimeSurvey's columns koers passes over: nothing of them is read or kept.
IGNORED_COLUMNS: Final = frozenset(
    {"lastpage", "startlanguage", "seed", "datestamp", "ipaddr", "refurl", "token", "interviewtime"}
)
#: Timing columns ('groupTime12', 'Q3Time'), when the survey recorded timings.
TIMING_COLUMN: Final = re.compile(r"^(groupTime\d+|.+Time)$")
#: The answer code LimeSurvey gives 'Other' in a list.
OTHER_CODE: Final = "-oth-"
#: Cells that mean a multiple choice option was ticked, and those that mean it was not.
TICKED: Final = frozenset({"y", "yes", "ja", "1"})
UNTICKED: Final = frozenset({"n", "no", "nee", "0"})
#: How many problems are kept to show (all are counted).
MAX_PROBLEMS: Final = 200
#: The import log's kind of a LimeSurvey file (koers.store.imports.Provenance).
FILE_ORIGIN: Final = "limesurvey"


@dataclass(frozen=True)
class ImportedResponse:
    """A sent response from LimeSurvey: its id there, its answers (those that count) and its days."""

    external_id: str
    answers: dict[str, Answer]
    started_on: date
    submitted_on: date


@dataclass(frozen=True)
class LimeSurveyFile:
    """What a file gives: the sent responses, or every problem found (``problem_count`` counts them
    all, ``problems`` keeps the first MAX_PROBLEMS); ``unfinished`` rows were not read."""

    responses: list[ImportedResponse] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    rows: int = 0
    unfinished: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class QuestionColumns:
    """Where one question's answer is in the file: its own column (single, grade, text), a
    column per option or statement (multiple, points, matrix), and the write-in texts' columns."""

    question: Question
    main: str | None = None
    parts: dict[str, str] = field(default_factory=dict)
    write_ins: dict[str, str] = field(default_factory=dict)

    def required(self) -> list[str]:
        return ([self.main] if self.main else []) + list(self.parts.values())

    def all(self) -> list[str]:
        """Every column, once (the answers of a list with comment share one)."""
        return list(dict.fromkeys(self.required() + list(self.write_ins.values())))

    def first(self) -> str:
        return (self.required() or self.all() or ["-"])[0]


def columns_of(question: Question) -> QuestionColumns:
    """The columns LimeSurvey gives ``question`` (which must have a ``limesurvey`` code)."""
    code = question.limesurvey or question.id
    kind = question.type
    if kind is QuestionType.SINGLE:
        texts = {
            o.id: o.limesurvey_text or _default_text(code, o.code == OTHER_CODE) for o in question.options if o.write_in
        }
        return QuestionColumns(question, main=code, write_ins=texts)
    if kind is QuestionType.MULTIPLE:
        parts = {o.id: f"{code}[{o.code}]" for o in question.options if not (o.write_in and o.code == "other")}
        texts = {
            o.id: o.limesurvey_text or (f"{code}[other]" if o.code == "other" else f"{code}[{o.code}comment]")
            for o in question.options
            if o.write_in
        }
        return QuestionColumns(question, parts=parts, write_ins=texts)
    if kind is QuestionType.POINTS:
        parts = {o.id: f"{code}[{o.code}]" for o in question.options}
        texts = {o.id: o.limesurvey_text for o in question.options if o.write_in and o.limesurvey_text}
        return QuestionColumns(question, parts=parts, write_ins=texts)
    if kind is QuestionType.MATRIX:
        return QuestionColumns(question, parts={s.id: f"{code}[{s.code}]" for s in question.statements})
    return QuestionColumns(question, main=code)


def _default_text(code: str, other: bool) -> str:
    return f"{code}[other]" if other else f"{code}[comment]"


def read_limesurvey(path: Path, survey: Survey, today: date | None = None) -> LimeSurveyFile:
    """Every row of the export ``path`` checked against ``survey``; responses only when all are
    right. A response without a submit date column is taken as sent ``today``."""
    name = path.name
    mapped = [columns_of(q) for q in survey.questions() if q.limesurvey]
    if not mapped:
        return LimeSurveyFile(problems=[_problem("no-limesurvey-codes", "-", Location(name))], problem_count=1)
    try:
        source = open_rows(path)
        rows = list(source.rows())
    except Refused as err:
        return LimeSurveyFile(problems=[err.problem(name)], problem_count=1)
    except UnreadableFile as err:
        problem = _problem("unreadable-file", "-", Location(name), detail=str(err))
        return LimeSurveyFile(problems=[problem], problem_count=1)
    header = [h.strip() for h in source.header]
    problems = list(_header_problems(name, source.header_row, header, mapped))
    if problems:
        return LimeSurveyFile(problems=problems, problem_count=len(problems))
    if not rows:
        return LimeSurveyFile(problems=[_problem("empty-file", "-", Location(name))], problem_count=1)
    read = _RowReader(name, survey, header, mapped, today or date.today()).read(rows)
    if source.stray_count:  # a value right of the last column name is no answer to drop unread
        problems = source.merged(name, read.problems)
        return LimeSurveyFile(problems=problems, problem_count=read.problem_count + source.stray_count, rows=read.rows)
    return read


def _header_problems(
    name: str, row: int, header: Sequence[str], mapped: Sequence[QuestionColumns]
) -> Iterator[Problem]:
    present = set(header)
    claimed = {ID_COLUMN, SUBMITTED_COLUMN, STARTED_COLUMN} | {c for q in mapped for c in q.all()}
    if ID_COLUMN not in present:
        yield _problem("missing-column", ID_COLUMN, Location(name, row=row), name=ID_COLUMN)
    for columns in mapped:
        for column in columns.required():
            if column not in present:
                yield _problem("missing-column", columns.question.id, Location(name, row=row), name=column)
    for position, column in enumerate(header, start=1):
        if column and column not in claimed and column not in IGNORED_COLUMNS and not TIMING_COLUMN.match(column):
            yield _problem(
                "unknown-column", "-", Location(name, row=row, column=column), name=column, position=position
            )


class _RowReader:
    """Reads one row at a time into a response, and collects every problem with its row and column."""

    def __init__(
        self, name: str, survey: Survey, header: Sequence[str], mapped: Sequence[QuestionColumns], today: date
    ) -> None:
        self.name, self.survey, self.mapped, self.today = name, survey, mapped, today
        self.position = {column: i for i, column in reversed(list(enumerate(header)))}
        self.problems: list[Problem] = []
        self.count = 0
        self.seen: dict[str, int] = {}

    def read(self, rows: Sequence[tuple[int, Sequence[Any]]]) -> LimeSurveyFile:
        responses: list[ImportedResponse] = []
        unfinished = 0
        for number, cells in rows:
            if SUBMITTED_COLUMN in self.position and not self._cell(cells, SUBMITTED_COLUMN):
                unfinished += 1
                continue
            response = self._row(number, cells)
            if response is not None:
                responses.append(response)
        if self.count:
            return LimeSurveyFile(
                problems=self.problems, problem_count=self.count, rows=len(rows), unfinished=unfinished
            )
        return LimeSurveyFile(responses=responses, rows=len(rows), unfinished=unfinished)

    def _row(self, number: int, cells: Sequence[Any]) -> ImportedResponse | None:
        before = self.count
        external = self._cell(cells, ID_COLUMN)
        if external in self.seen:
            self._problem("duplicate-row", number, ID_COLUMN, ID_COLUMN, value=external, other=self.seen[external])
        self.seen.setdefault(external, number)
        submitted = self._date(number, cells, SUBMITTED_COLUMN)
        started = self._date(number, cells, STARTED_COLUMN) or submitted
        answers, given, failed = self._answers(number, cells)
        kept = applicable(self.survey, answers)
        for columns in self.mapped:  # required questions, now that it is known which are shown
            question = columns.question
            if question.required and question.id not in failed and is_shown(question, kept):
                for problem in check_answer(question, given[question.id]).problems:
                    self._answer_problem(number, columns, problem)
        if self.count > before:
            return None
        day = submitted or self.today
        return ImportedResponse(external, kept, started or day, day)

    def _answers(self, number: int, cells: Sequence[Any]) -> tuple[dict[str, Answer], dict[str, Given], set[str]]:
        """Every mapped question's answer as if none were required (a follow-up may not be
        shown), what was given for it, and the questions whose answer has a problem."""
        answers: dict[str, Answer] = {}
        given: dict[str, Given] = {}
        failed: set[str] = set()
        for columns in self.mapped:
            question = columns.question
            before = self.count
            if question.type is QuestionType.MULTIPLE:  # a cell neither ticked nor not: say which
                for column in columns.parts.values():
                    if not self._known_tick(cells, column):
                        code = AnswerCode.UNKNOWN_OPTION.value
                        self._problem(code, number, question.id, column, value=self._cell(cells, column))
            given[question.id] = self._given(cells, columns)
            checked = check_answer(question.model_copy(update={"required": False}), given[question.id])
            for problem in checked.problems:
                self._answer_problem(number, columns, problem)
            if self.count > before:
                failed.add(question.id)
            elif checked.answer is not None:
                answers[question.id] = checked.answer
        return answers, given, failed

    def _given(self, cells: Sequence[Any], columns: QuestionColumns) -> Given:
        question = columns.question
        codes = {o.code: o.id for o in question.options}
        texts = {key: self._cell(cells, column) for key, column in columns.write_ins.items()}
        if question.type is QuestionType.SINGLE:
            value = self._cell(cells, columns.main or "")
            option = codes.get(value, value)
            return Given(values=(option,), write_ins=self._single_write_ins(option, texts))
        if question.type is QuestionType.MULTIPLE:
            values = [key for key, column in columns.parts.items() if self._ticked(cells, column)]
            values += [key for key, text in texts.items() if text and key not in columns.parts]
            return Given(values=tuple(values), write_ins=texts)
        if question.type in (QuestionType.MATRIX, QuestionType.POINTS):
            raw = {key: self._cell(cells, column) for key, column in columns.parts.items()}
            parts = {
                key: (codes.get(v, v) if question.type is QuestionType.MATRIX else _whole(v)) for key, v in raw.items()
            }
            return Given(parts=parts, write_ins=texts)
        value = self._cell(cells, columns.main or "")
        return Given(values=(_whole(value) if question.type is QuestionType.GRADE else value,))

    @staticmethod
    def _single_write_ins(option: str, texts: Mapping[str, str]) -> dict[str, str]:
        """A list's text belongs to the chosen answer when that has a text field (answers may
        share LimeSurvey's one comment column); a text next to another answer is given to the
        first answer with a text field, so that the check names it."""
        if option in texts:
            return {option: texts[option]} if texts[option] else {}
        given = {key: text for key, text in texts.items() if text}
        return dict(list(given.items())[:1])

    def _answer_problem(self, number: int, columns: QuestionColumns, problem: AnswerProblem) -> None:
        column = columns.parts.get(problem.part or "") or columns.write_ins.get(problem.part or "") or columns.first()
        facts = {k: ", ".join(v) if isinstance(v, list) else v for k, v in problem.facts.items()}
        self._problem(problem.code.value, number, columns.question.id, column, **facts)

    def _date(self, number: int, cells: Sequence[Any], column: str) -> date | None:
        text = self._cell(cells, column)
        if not text:
            return None
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            self._problem("invalid-date", number, column, column, value=text)
            return None

    def _ticked(self, cells: Sequence[Any], column: str) -> bool:
        return self._cell(cells, column).lower() in TICKED

    def _known_tick(self, cells: Sequence[Any], column: str) -> bool:
        text = self._cell(cells, column).lower()
        return not text or text in TICKED or text in UNTICKED

    def _cell(self, cells: Sequence[Any], column: str) -> str:
        position = self.position.get(column)
        if position is None or position >= len(cells) or cells[position] is None:
            return ""
        return str(cells[position]).strip()

    def _problem(self, code: str, number: int, name: str, column: str, **context: Any) -> None:
        self.count += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(_problem(code, name, Location(self.name, row=number, column=column), **context))


def _whole(text: str) -> str:
    """'30.0000000000' (LimeSurvey's numbers) as '30'; anything else as it is, for the check."""
    match = re.fullmatch(r"(\d+)[.,]0*", text)
    return match.group(1) if match else text


def _problem(code: str, field_name: str, where: Location, **context: Any) -> Problem:
    return Problem(code, field_name, where, dict(context), catalogue=CATALOGUE)
