# SPDX-License-Identifier: EUPL-1.2
"""Read a survey file (YAML) into a :class:`~koers.domain.survey.Survey`, or into every problem
found, each with the file, the line, the field and what to do.

The same machinery as the plan reader: ruamel keeps the line of every key, pydantic's errors
become koers's codes (:func:`koers.planfile.validation.model_problems`), and the texts are in
the survey catalogue (:mod:`koers.planfile.survey_messages`). A survey is read whole or not at
all. When the plan it belongs to is at hand, the goals and wijken it names are checked too.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from koers.domain.plan import Plan
from koers.domain.survey import SURVEY_FORMAT_VERSION, Survey, consistency_findings, plan_findings
from koers.planfile import YAML_SUFFIXES
from koers.planfile.survey_messages import CATALOGUE
from koers.planfile.validation import Loc, model_problems
from koers.planfile.yamlfile import line_of, path_of, read_yaml
from koers.problems import Location, Problem

SCHEMA_ID = f"https://koers.invalid/schema/survey-v{SURVEY_FORMAT_VERSION}.json"


@dataclass
class SurveyLoad:
    survey: Survey | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.survey is not None and not self.problems


class SurveyFileError(Exception):
    """A survey file that cannot be read; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in survey file")
        self.problems = problems


def load_survey(path: str | Path, plan: Plan | None = None, *, plan_keys: Sequence[str] | None = None) -> SurveyLoad:
    """The survey in ``path``, or every problem with it. Checked against ``plan`` when given
    (the goals and wijken it names), and with ``plan_keys`` that its plan is one of them."""
    path = Path(path)
    file = str(path)
    if path.suffix.lower() not in YAML_SUFFIXES:
        return SurveyLoad(None, [_problem("unsupported-format", "-", Location(file))])
    if not path.is_file():
        return SurveyLoad(None, [_problem("file-not-found", "-", Location(file))])
    raw, unreadable = read_yaml(path)
    if unreadable is not None:
        return SurveyLoad(None, [_as_survey(unreadable)])
    if not isinstance(raw, dict):
        return SurveyLoad(None, [_problem("not-a-mapping", "-", Location(file, line=1))])

    def locate(loc: Loc) -> Location:
        return Location(file, line=line_of(raw, loc))

    def name(loc: Loc) -> str:
        return path_of(raw, loc)

    try:
        survey = Survey.model_validate(raw)
    except ValidationError as err:
        return SurveyLoad(None, sorted((_as_survey(p) for p in model_problems(err, locate, name)), key=_order))
    findings = consistency_findings(survey) + (plan_findings(survey, plan) if plan is not None else [])
    if plan_keys is not None and survey.plan not in plan_keys:
        findings.append((("plan",), "unknown-plan", {"value": survey.plan, "expected": ", ".join(plan_keys) or "-"}))
    problems = [_problem(code, name(loc), locate(loc), context) for loc, code, context in findings]
    return SurveyLoad(None if problems else survey, sorted(problems, key=_order))


def read_survey(path: str | Path, plan: Plan | None = None) -> Survey:
    """The survey in ``path``; :class:`SurveyFileError` with every problem when it cannot be read."""
    result = load_survey(path, plan)
    if result.survey is None:
        raise SurveyFileError(result.problems)
    return result.survey


def survey_data(survey: Survey) -> dict[str, Any]:
    """The survey as plain data, leaving out what equals the default: what is stored."""
    data: dict[str, Any] = survey.model_dump(mode="json", exclude_defaults=True)
    return {"format": survey.format, **data}


def survey_content(survey: Survey) -> str:
    """The survey as canonical JSON: equal surveys give equal text (and hash)."""
    return json.dumps(survey_data(survey), ensure_ascii=False, sort_keys=True)


def survey_json_schema_text() -> str:
    """The JSON Schema of the survey file, generated from the model (docs/survey.schema.json)."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **Survey.model_json_schema(mode="validation"),
        "title": "koers survey file",
        "description": "A resident survey: pages of questions linked to a plan's goals (docs/survey-format.md).",
    }
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def _problem(code: str, name: str, where: Location, context: dict[str, Any] | None = None) -> Problem:
    return Problem(code, name, where, dict(context or {}), catalogue=CATALOGUE)


def _as_survey(problem: Problem) -> Problem:
    """A problem of the shared reader, told in the survey catalogue (whose hints name the survey format)."""
    return Problem(problem.code, problem.field, problem.location, problem.context, catalogue=CATALOGUE)


def _order(problem: Problem) -> tuple[int, str]:
    return (problem.location.line or 0, problem.field)
