# SPDX-License-Identifier: EUPL-1.2
"""A resident survey (*inwonersenquête*) as data: pages of questions, each linked to what it measures.

Plans such as Heemskerk's 2020 plan measure their goals through a survey of residents, and
design its questions in an annex, including "divide 100 points over these options". A survey
file holds such a questionnaire: an introduction and a privacy statement, then pages of
questions. Every question has a type from one closed list (:class:`QuestionType`), may say which
goal or series of the plan it measures, may be a follow-up shown only after certain answers on
an earlier page (``show_if``: an earlier page, because the form works without JavaScript), and
may be a weighting variable (the respondent's age group or wijk, which the analysis weights
by). Nothing here reads or writes files: :mod:`koers.planfile.surveyfile` does.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, Final

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from koers.domain.ids import ID_PATTERN
from koers.domain.plan import Plan
from koers.domain.vocabulary import every
from koers.i18n import N_, _

SURVEY_FORMAT_VERSION: Final = 1
#: The total of a "divide the points" question: the annex's "Verdeel 100 punten".
POINTS_TOTAL: Final = 100
#: The marks of a grade question: the Dutch school mark, 1 to 10.
LOWEST_GRADE: Final = 1
HIGHEST_GRADE: Final = 10
GRADES: Final = tuple(range(LOWEST_GRADE, HIGHEST_GRADE + 1))
#: How a plan is named in a survey file: its key as ``koers plan load`` shows it.
PLAN_KEY_PATTERN: Final = r"^GM\d{4}/[a-z0-9][a-z0-9-]*$"

Loc = tuple[str | int, ...]
#: A problem found in a survey: where (a path in the file's data), its code and its facts.
Finding = tuple[Loc, str, dict[str, Any]]


class QuestionType(StrEnum):
    """The kinds of question a survey can ask; everything said per kind is in :data:`QUESTION_TYPES`."""

    SINGLE = "single"
    MULTIPLE = "multiple"
    GRADE = "grade"
    MATRIX = "matrix"
    POINTS = "points"
    TEXT = "text"

    @property
    def rules(self) -> TypeRules:
        return QUESTION_TYPES[self]

    def label(self, lang: str = "nl") -> str:
        return _(self.rules.label, lang)

    def instruction(self, lang: str = "nl") -> str:
        """What the resident is asked to do, shown above the answers."""
        return _(self.rules.instruction, lang, total=POINTS_TOTAL, low=LOWEST_GRADE, high=HIGHEST_GRADE)


@dataclass(frozen=True)
class TypeRules:
    """What a kind of question is called, what it asks the resident, and what it needs."""

    label: str
    instruction: str
    #: Needs a list of ``options`` (for a matrix: its scale).
    options: bool
    #: Needs a list of ``statements`` (the rows of a matrix).
    statements: bool
    #: Can be the trigger of a follow-up question (``show_if``): its answer is one or more options.
    triggers: bool


QUESTION_TYPES: Final = every(
    QuestionType,
    {
        QuestionType.SINGLE: TypeRules(N_("één antwoord kiezen"), N_("Kies één antwoord."), True, False, True),
        QuestionType.MULTIPLE: TypeRules(
            N_("meer antwoorden kiezen"), N_("Kies alle antwoorden die passen."), True, False, True
        ),
        QuestionType.GRADE: TypeRules(
            N_("rapportcijfer"), N_("Geef een cijfer van {low} tot en met {high}."), False, False, False
        ),
        QuestionType.MATRIX: TypeRules(
            N_("stellingen op een schaal"), N_("Kies bij elke stelling één antwoord."), True, True, False
        ),
        QuestionType.POINTS: TypeRules(
            N_("punten verdelen"),
            N_("Samen zijn de punten precies {total}. Hoe belangrijker, hoe meer punten. Een leeg vak is 0 punten."),
            True,
            False,
            False,
        ),
        QuestionType.TEXT: TypeRules(N_("open vraag"), N_("Schrijf uw antwoord in het tekstvak."), False, False, False),
    },
)


class WeightingVariable(StrEnum):
    """A respondent's trait the analysis weights by, asked as an ordinary question."""

    AGE_GROUP = "age_group"
    WIJK = "wijk"

    def label(self, lang: str = "nl") -> str:
        return _(WEIGHTING_LABELS[self], lang)


WEIGHTING_LABELS: Final = every(
    WeightingVariable, {WeightingVariable.AGE_GROUP: N_("leeftijdsgroep"), WeightingVariable.WIJK: N_("wijk")}
)

#: The series whose figure per wijk is a wijk's population when its option names none.
DEFAULT_WIJK_POPULATION: Final = "inwoners"


class FigureKind(StrEnum):
    """What THE figure of a question's goal or series is (:data:`FIGURE_KINDS` says per type)."""

    SHARE = "share"  # the share choosing one of the figure's options, in %
    MEAN = "mean"  # the mean grade
    MEAN_POINTS = "mean-points"  # the mean points given to the figure's options

    @property
    def needs_options(self) -> bool:
        return self is not FigureKind.MEAN


#: Which figure a question of each type can give its goal or series (None: none).
FIGURE_KINDS: Final[dict[QuestionType, FigureKind | None]] = every(
    QuestionType,
    {
        QuestionType.SINGLE: FigureKind.SHARE,
        QuestionType.MULTIPLE: FigureKind.SHARE,
        QuestionType.GRADE: FigureKind.MEAN,
        QuestionType.MATRIX: None,
        QuestionType.POINTS: FigureKind.MEAN_POINTS,
        QuestionType.TEXT: None,
    },
)


class FigureSpec(BaseModel):
    """Which estimate of a question is the measurement of its goal or series."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    options: list[str] = Field(
        default_factory=list,
        description="Single or multiple choice: the share choosing one of these options (in %). Points: the mean "
        "points these options got together. A grade question leaves this out: its figure is the mean grade.",
    )


class Option(BaseModel):
    """An answer to choose (or, in a points question, to give points to; in a matrix, a step of its scale)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=ID_PATTERN, description="A stable code, stored with the answer: 'familie'.")
    label: str = Field(description="The answer as the resident reads it.")
    write_in: str | None = Field(
        default=None,
        description="For an answer such as 'Overige, te weten ...': the label of the text field that goes with it "
        "('Te weten'). The text is kept with the answer.",
    )
    limesurvey: str | None = Field(
        default=None,
        description="The answer code (single choice, matrix scale) or subquestion code (multiple choice, points) "
        "in LimeSurvey, when it differs from id.",
    )
    limesurvey_text: str | None = Field(
        default=None,
        description="The LimeSurvey column that holds this answer's write-in text, when it is not "
        "CODE[other] or CODE[comment].",
    )
    population: list[Annotated[str, Field(pattern=ID_PATTERN)]] | None = Field(
        default=None,
        min_length=1,
        description="For an option of a weighting question: the series whose latest stored figure is this group's "
        "population (several are added up). A wijk option without it uses the series 'inwoners' of that wijk; "
        "an age group must name its series ('inwoners-65-plus').",
    )

    @property
    def code(self) -> str:
        """Its code in a LimeSurvey export."""
        return self.limesurvey or self.id


class Statement(BaseModel):
    """A row of a matrix question: a statement answered on the question's scale."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=ID_PATTERN)
    label: str
    limesurvey: str | None = Field(default=None, description="The subquestion code in LimeSurvey, when it differs.")

    @property
    def code(self) -> str:
        return self.limesurvey or self.id


class ShowIf(BaseModel):
    """A follow-up: the question is shown only when an earlier question got one of these answers."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    question: str = Field(description="The id of a single or multiple choice question on an earlier page.")
    answers: list[str] = Field(min_length=1, description="Option ids of that question; any of them shows this one.")


class Question(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=ID_PATTERN, description="A stable id, unique in the survey: 'ol1-ondersteuning'.")
    type: QuestionType
    text: str = Field(description="The question as the resident reads it.")
    help: str | None = Field(default=None, description="An explanation shown under the question.")
    required: bool = Field(default=False, description="Whether the resident must answer it to go on.")
    goal: str | None = Field(default=None, description="The id of the plan's goal it measures.")
    series: str | None = Field(
        default=None, description="Or: a series it measures that is not a goal (as in a measurement file)."
    )
    options: list[Option] = Field(
        default_factory=list, description="The answers (single, multiple, points) or the scale (matrix)."
    )
    statements: list[Statement] = Field(default_factory=list, description="The rows of a matrix question.")
    show_if: ShowIf | None = None
    weighting: WeightingVariable | None = Field(
        default=None, description="This single choice question asks the respondent's age group or wijk."
    )
    figure: FigureSpec | None = Field(
        default=None,
        description="Which estimate is the measurement of its goal or series: 'figure: {options: [ja]}'. Without "
        "it, the question gives no measurement.",
    )
    limesurvey: str | None = Field(default=None, description="The question code in a LimeSurvey export: 'Q3'.")

    @model_validator(mode="after")
    def _fits_its_type(self) -> Question:
        rules = self.type.rules
        kind = self.type.value
        if rules.options and not self.options:
            raise PydanticCustomError("options-missing", "a {kind} question needs options", {"kind": kind})
        if not rules.options and self.options:
            raise PydanticCustomError("options-not-allowed", "a {kind} question has no options", {"kind": kind})
        if rules.statements and not self.statements:
            raise PydanticCustomError("statements-missing", "a matrix needs statements", {"kind": kind})
        if not rules.statements and self.statements:
            raise PydanticCustomError("statements-not-allowed", "only a matrix has statements", {"kind": kind})
        if self.goal is not None and self.series is not None:
            raise PydanticCustomError("goal-and-series", "a question measures a goal or a series", {})
        if self.weighting is not None and self.type is not QuestionType.SINGLE:
            raise PydanticCustomError("weighting-not-single", "a weighting question is single choice", {"kind": kind})
        if self.type is QuestionType.MATRIX and any(o.write_in for o in self.options):
            raise PydanticCustomError("write-in-in-scale", "a matrix scale has no write-in", {})
        for name, items in (("options", self.options), ("statements", self.statements)):
            ids = [item.id for item in items]
            repeated = next((i for i in ids if ids.count(i) > 1), None)
            if repeated is not None:
                raise PydanticCustomError("duplicate-answer-id", "repeated id", {"value": repeated, "part": name})
        if self.weighting is None and any(o.population for o in self.options):
            raise PydanticCustomError("population-not-weighting", "only a weighting question has populations", {})
        if self.figure is not None:
            self._check_figure(self.figure)
        return self

    def _check_figure(self, figure: FigureSpec) -> None:
        """A figure measures the question's goal or series, with an estimate its type has."""
        kind = FIGURE_KINDS[self.type]
        if kind is None:
            raise PydanticCustomError("figure-not-allowed", "no figure", {"kind": self.type.value})
        if self.measures is None:
            raise PydanticCustomError("figure-without-subject", "a figure needs a goal or series", {})
        if kind.needs_options and not figure.options:
            raise PydanticCustomError("figure-options-missing", "name options", {"kind": self.type.value})
        if not kind.needs_options and figure.options:
            raise PydanticCustomError("figure-options-not-allowed", "no options", {"kind": self.type.value})
        known = [o.id for o in self.options]
        unknown = next((o for o in figure.options if o not in known), None)
        if unknown is not None:
            raise PydanticCustomError(
                "figure-unknown-option", "unknown option", {"value": unknown, "expected": ", ".join(known)}
            )

    @property
    def figure_kind(self) -> FigureKind | None:
        """What its figure is, when it has one."""
        return FIGURE_KINDS[self.type] if self.figure is not None else None

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)

    def statement(self, statement_id: str) -> Statement | None:
        return next((s for s in self.statements if s.id == statement_id), None)

    @property
    def measures(self) -> str | None:
        """The goal or series it measures."""
        return self.goal or self.series


class Page(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=ID_PATTERN)
    title: str = Field(description="The page's heading: 'Meedoen in Heemskerk'.")
    intro: str | None = Field(default=None, description="A few sentences above the questions.")
    questions: list[Question] = Field(min_length=1)


class Survey(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    format: int = Field(default=SURVEY_FORMAT_VERSION, description="The version of the survey file format.")
    id: str = Field(pattern=ID_PATTERN, description="A stable id: 'heemskerk-inwonersenquete-2020'.")
    title: str
    plan: str = Field(
        pattern=PLAN_KEY_PATTERN,
        description="The key of the plan it measures, as koers plan load shows it: "
        "'GM0396/samen-sterk-voor-heemskerk'.",
    )
    introduction: str = Field(description="What the survey is for and how long it takes (Markdown).")
    privacy: str = Field(description="The privacy statement: what is kept, for how long, and why (Markdown).")
    thanks: str | None = Field(default=None, description="Shown after the answers are sent (Markdown).")
    pages: list[Page] = Field(min_length=1)

    @property
    def municipality(self) -> str:
        """The CBS code of the municipality, from the plan's key."""
        return self.plan.split("/", 1)[0]

    def questions(self) -> Iterator[Question]:
        for page in self.pages:
            yield from page.questions

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions() if q.id == question_id), None)

    def page_index(self, question_id: str) -> int | None:
        """The number (from 0) of the page a question is on."""
        return next((i for i, p in enumerate(self.pages) if any(q.id == question_id for q in p.questions)), None)

    def weighting(self, variable: WeightingVariable) -> Question | None:
        """The question that asks the respondent's age group or wijk, if the survey has one."""
        return next((q for q in self.questions() if q.weighting is variable), None)


# -- checks across questions, and against the plan -------------------------------------------


def consistency_findings(survey: Survey) -> list[Finding]:
    """What a well-formed survey can still get wrong across its questions: repeated ids, a
    follow-up that points nowhere (or not back), a weighting variable or LimeSurvey code twice."""
    found: list[Finding] = []
    pages: list[tuple[Loc, str]] = [(("pages", p), page.id) for p, page in enumerate(survey.pages)]
    found += _repeated("page", pages)
    places = list(_places(survey))
    found += _repeated("question", [(loc, q.id) for loc, _p, q in places])
    found += _repeated("limesurvey", [(loc, q.limesurvey) for loc, _p, q in places if q.limesurvey])
    first_weighting: dict[WeightingVariable, Loc] = {}
    found += _repeated("figure", [(loc, q.measures) for loc, _p, q in places if q.figure and q.measures])
    for loc, page, question in places:
        if question.show_if is not None:
            found += _follow_up(survey, loc, page, question.show_if)
        if question.weighting is not None:
            first = first_weighting.setdefault(question.weighting, loc)
            if first != loc:
                other = _counted(first)
                context = {"value": question.weighting.value, "other": other}
                found.append(((*loc, "weighting"), "duplicate-weighting", context))
    return found


def plan_findings(survey: Survey, plan: Plan) -> list[Finding]:
    """What the survey says of the plan that the plan does not have: goals, and the wijken a
    wijk question offers (its options are the ids of the plan's wijken, so that the analysis
    can weight by the plan's figures per wijk)."""
    found: list[Finding] = []
    goals = {g.id for g in plan.goals} | {b.id for b in plan.bbv_indicators}
    expected_goals = ", ".join(sorted(goals)) or "-"
    wijken = {a.id for a in plan.wijken()}
    expected_wijken = ", ".join(sorted(wijken)) or "-"
    for loc, _page, question in _places(survey):
        if question.goal is not None and question.goal not in goals:
            found.append(((*loc, "goal"), "unknown-goal", {"value": question.goal, "expected": expected_goals}))
        if question.weighting is WeightingVariable.WIJK:
            for index, option in enumerate(question.options):
                if option.id not in wijken and not option.write_in:
                    context = {"value": option.id, "expected": expected_wijken}
                    found.append(((*loc, "options", index, "id"), "unknown-wijk", context))
    return found


def _places(survey: Survey) -> Iterator[tuple[Loc, int, Question]]:
    """Every question with its path in the file's data and its page number."""
    for p, page in enumerate(survey.pages):
        for q, question in enumerate(page.questions):
            yield ("pages", p, "questions", q), p, question


def _repeated(what: str, items: list[tuple[Loc, str]]) -> list[Finding]:
    """An id (or LimeSurvey code, or the goal of a figure) used before: named with where it was first used."""
    first: dict[str, Loc] = {}
    field = what if what in ("limesurvey", "figure") else "id"
    code = "duplicate-figure" if what == "figure" else "duplicate-id"
    found: list[Finding] = []
    for loc, value in items:
        if value in first:
            found.append(((*loc, field), code, {"value": value, "other": _counted(first[value])}))
        else:
            first[value] = loc
    return found


def _counted(loc: Loc) -> str:
    """``pages[2].questions[3]``: a place in the file with its lists counted from 1, as people count."""
    text = ""
    for part in loc:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def _follow_up(survey: Survey, loc: Loc, page: int, show_if: ShowIf) -> list[Finding]:
    where = (*loc, "show_if")
    trigger = survey.question(show_if.question)
    if trigger is None:
        return [((*where, "question"), "unknown-question", {"value": show_if.question})]
    trigger_page = survey.page_index(trigger.id)
    if trigger_page is None or trigger_page >= page:
        return [((*where, "question"), "show-if-not-earlier", {"value": trigger.id})]
    if not trigger.type.rules.triggers:
        return [((*where, "question"), "show-if-not-choice", {"value": trigger.id, "kind": trigger.type.value})]
    known = [o.id for o in trigger.options]
    return [
        ((*where, "answers", i), "unknown-option", {"value": answer, "expected": ", ".join(known)})
        for i, answer in enumerate(show_if.answers)
        if answer not in known
    ]
