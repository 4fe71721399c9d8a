# SPDX-License-Identifier: EUPL-1.2
"""The parts of ``koers survey results``: the population figures it weights by, the tables and
JSON it shows, the measurements it stores and the file of open answers it writes.

The analysis itself is pure (koers.domain.survey_results); this module reads what it needs from
the store and turns its outcome into rows for the one import path (a RowsSource, checked and
stored like a file by koers.cli.measurements.bring_in).
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

from rich.console import Console
from rich.table import Table
from rich.text import Text
from sqlalchemy import Engine

from koers.domain.formatting import format_number
from koers.domain.periods import Period
from koers.domain.plan import Plan
from koers.domain.survey import FigureKind, Question, QuestionType, Survey, WeightingVariable
from koers.domain.survey_answers import Choice, Choices, Points
from koers.domain.survey_answers import Text as OpenAnswer
from koers.domain.survey_estimates import Estimate
from koers.domain.survey_results import (
    FigureResult,
    GroupPopulation,
    Line,
    Measure,
    PopulationSource,
    QuestionResult,
    SurveyResults,
    show_fact,
)
from koers.domain.wording import listing
from koers.exports import safe_cell
from koers.i18n import _, ngettext
from koers.importers.sources import Origin, RowsSource
from koers.store.measurements import current
from koers.store.survey_responses import SurveyRecord

#: The kind of source in the import log for figures computed from a survey.
ORIGIN_KIND: Final = "survey"
#: The columns of the measurement rows made here, in the order problems name them.
HEADER: Final = (
    "goal",
    "series",
    "period",
    "area",
    "value",
    "unit",
    "sample_size",
    "ci_low",
    "ci_high",
    "source",
    "source_ref",
    "note",
)
#: The columns of the file of open answers; ``code`` is left empty for whoever codes them.
OPEN_ANSWER_COLUMNS: Final = ("respondent", "question", "question_text", "option", "answer", "code")
#: Decimals of a stored figure and its interval: as fine as any survey can tell.
DECIMALS: Final = 1


# -- the population ---------------------------------------------------------------------------


def stored_population(
    engine: Engine, plan_id: int, sources: Mapping[WeightingVariable, Sequence[GroupPopulation]]
) -> dict[PopulationSource, float]:
    """Per series and area the survey weights by, its latest current figure (a figure that is
    not there, n.b., does not count)."""
    wanted = {source for groups in sources.values() for group in groups for source in group.sources}
    found: dict[PopulationSource, float] = {}
    for source in sorted(wanted, key=lambda s: (s.series, s.area)):
        figures = [m for m in current(engine, plan_id, subject=source.series, area=source.area) if m.value is not None]
        if figures:
            latest = max(figures, key=lambda m: (m.period.end, m.period.start))
            assert latest.value is not None
            found[source] = float(latest.value)
    return found


# -- as measurements --------------------------------------------------------------------------


def weighted_by(results: SurveyResults, lang: str) -> str:
    """'wijk en leeftijdsgroep', or '' when unweighted."""
    return listing([v.label(lang) for v in results.weighting.variables], lang)


def figure_note(results: SurveyResults, figure: FigureResult, lang: str) -> str:
    """What the stored figure is: from which survey, how many answered, weighted by what."""
    best = figure.best
    if figure.weighted is not None and best is figure.weighted:
        return _(
            "Uit de enquête: {n} antwoorden, gewogen naar {variables} (effectieve steekproef {n_eff}).",
            lang,
            n=best.n,
            variables=weighted_by(results, lang),
            n_eff=format_number(round(best.n_eff, 1), lang),
        )
    return _("Uit de enquête: {n} antwoorden, ongewogen.", lang, n=best.n)


def measurement_rows(
    survey: Survey, plan: Plan, results: SurveyResults, period: Period, lang: str
) -> list[dict[str, Any]]:
    """Every figure with an estimate as a row in koers's import columns, for the municipality."""
    area = plan.area_ids().municipality
    rows: list[dict[str, Any]] = []
    for figure in results.figures():
        best = figure.best
        value = _rounded(figure.scaled(best.estimate))
        if value is None:
            continue
        rows.append(
            {
                "goal": figure.subject if figure.is_goal else None,
                "series": None if figure.is_goal else figure.subject,
                "period": period.code,
                "area": area,
                "value": value,
                "unit": figure.unit.value,
                "sample_size": best.n,
                "ci_low": _rounded(figure.scaled(best.lower)),
                "ci_high": _rounded(figure.scaled(best.upper)),
                "source": survey.title,
                "source_ref": survey.id,
                "note": figure_note(results, figure, lang),
            }
        )
    return rows


def measurement_source(survey: Survey, rows: list[dict[str, Any]]) -> RowsSource:
    name = f"{survey.id}.results"
    return RowsSource(Origin(ORIGIN_KIND, name), name, rows, HEADER)


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, DECIMALS)


# -- open answers -----------------------------------------------------------------------------


def open_answers(survey: Survey, records: Sequence[SurveyRecord]) -> Iterator[tuple[Any, ...]]:
    """Every open answer and every write-in, one row each, in respondent and question order."""
    for record in records:
        for question in survey.questions():
            answer = record.answers.get(question.id)
            for option, text in _texts(question, answer):
                yield (record.respondent, question.id, question.text, option, text, "")


def _texts(question: Question, answer: object) -> list[tuple[str, str]]:
    """The texts of one answer: (option id or '', text)."""
    if isinstance(answer, OpenAnswer):
        return [("", answer.text)]
    if isinstance(answer, Choice):
        return [(answer.option, answer.write_in)] if answer.write_in else []
    if isinstance(answer, Choices | Points):
        return [(o.id, answer.write_ins[o.id]) for o in question.options if answer.write_ins.get(o.id)]
    return []


def write_open_answers(path: Path, rows: Sequence[tuple[Any, ...]]) -> None:
    """Write the rows whole or not at all (a partial file, renamed at the end); every text
    cell safe to open in a spreadsheet."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(OPEN_ANSWER_COLUMNS)
            writer.writerows([safe_cell(cell) for cell in row] for row in rows)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


# -- JSON -------------------------------------------------------------------------------------


def results_json(results: SurveyResults, lang: str) -> dict[str, Any]:
    """The whole result, as documented in docs/cli.md (koers survey results)."""
    weighting = results.weighting
    return {
        "respondents": results.respondents,
        "weighting": {
            "weighted": weighting.applied,
            "variables": [v.value for v in weighting.variables],
            "respondents": weighting.weighted,
            "left_out": weighting.left_out,
            "n_eff": round(weighting.n_eff, 3) if weighting.applied else None,
            "reasons": [r.render(lang, show_fact) for r in weighting.reasons],
        },
        "questions": [_question_json(q) for q in results.questions],
    }


def _question_json(result: QuestionResult) -> dict[str, Any]:
    q = result.question
    return {
        "id": q.id,
        "type": q.type.value,
        "text": q.text,
        "goal": q.goal,
        "series": q.series,
        "answered": result.answered,
        "estimates": [_line_json(q, line) for line in result.lines],
        "figure": _figure_json(result.figure) if result.figure is not None else None,
    }


def _line_json(question: Question, line: Line) -> dict[str, Any]:
    part = "statement" if question.type is QuestionType.MATRIX else "option"
    return {
        part: line.part,
        **({"step": line.step} if question.type is QuestionType.MATRIX else {}),
        "measure": line.measure.value,
        "unweighted": _estimate_json(line.unweighted),
        "weighted": _estimate_json(line.weighted) if line.weighted is not None else None,
    }


def _estimate_json(estimate: Estimate) -> dict[str, Any]:
    return {
        "estimate": estimate.estimate,
        "lower": estimate.lower,
        "upper": estimate.upper,
        "n": estimate.n,
        "n_eff": round(estimate.n_eff, 3),
        "method": estimate.method.value,
    }


def _figure_json(figure: FigureResult) -> dict[str, Any]:
    best = figure.best
    return {
        "goal" if figure.is_goal else "series": figure.subject,
        "kind": figure.kind.value,
        "unit": figure.unit.value,
        "value": _rounded(figure.scaled(best.estimate)),
        "ci_low": _rounded(figure.scaled(best.lower)),
        "ci_high": _rounded(figure.scaled(best.upper)),
        "sample_size": best.n,
        "weighted": best is figure.weighted,
    }


# -- the terminal -----------------------------------------------------------------------------


def show_results(out: Console, results: SurveyResults, lang: str) -> None:
    """A heading on the weighting, then per question a table: unweighted and weighted estimates
    with their intervals, n and n_eff."""
    out.print(_weighting_line(results, lang))
    for reason in results.weighting.reasons:
        out.print(reason.render(lang, show_fact), style="yellow")
    for result in results.questions:
        _show_question(out, result, results.weighting.applied, lang)


def _weighting_line(results: SurveyResults, lang: str) -> str:
    weighting = results.weighting
    respondents = ngettext("{n} respondent", "{n} respondenten", results.respondents, lang)
    if not weighting.applied:
        return _("{respondents}; de cijfers zijn ongewogen.", lang, respondents=respondents)
    return _(
        "{respondents}; gewogen naar {variables}: {weighted} respondenten, effectieve steekproef {n_eff}. "
        "Niet gewogen (geen antwoord op een vraag voor de weging): {left_out}.",
        lang,
        respondents=respondents,
        variables=weighted_by(results, lang),
        weighted=weighting.weighted,
        n_eff=format_number(round(weighting.n_eff, 1), lang),
        left_out=weighting.left_out,
    )


def _show_question(out: Console, result: QuestionResult, weighted: bool, lang: str) -> None:
    q = result.question
    subject = f" ({q.measures})" if q.measures else ""
    out.print()
    out.print(Text.assemble((q.id, "bold"), f"{subject}: {q.text}"))
    if q.type is QuestionType.TEXT:
        out.print(ngettext("{n} antwoord.", "{n} antwoorden.", result.answered, lang))
        return
    table = Table()
    for header in (_("Antwoord", lang), _("Ongewogen", lang), *((_("Gewogen", lang),) if weighted else ()), "n"):
        table.add_column(header, overflow="fold")
    if weighted:
        table.add_column("n_eff")
    for line in result.lines:
        table.add_row(*_line_cells(q, line, weighted, lang))
    if result.figure is not None:
        table.add_row(*_figure_cells(result.figure, weighted, lang), style="bold")
    out.print(table)


def _line_cells(question: Question, line: Line, weighted: bool, lang: str) -> list[str]:
    label = _line_label(question, line, lang)
    cells = [label, _shown(line.unweighted, line.measure, lang)]
    if weighted:
        cells.append(_shown(line.weighted, line.measure, lang) if line.weighted is not None else "-")
    cells.append(str(line.unweighted.n))
    if weighted:
        cells.append(format_number(round(line.weighted.n_eff, 1), lang) if line.weighted is not None else "-")
    return cells


def _figure_cells(figure: FigureResult, weighted: bool, lang: str) -> list[str]:
    measure = Measure.SHARE if figure.kind is FigureKind.SHARE else Measure.MEAN
    label = _("Meting voor {subject}", lang, subject=figure.subject)
    cells = [label, _shown(figure.unweighted, measure, lang)]
    if weighted:
        cells.append(_shown(figure.weighted, measure, lang) if figure.weighted is not None else "-")
    cells.append(str(figure.unweighted.n))
    if weighted:
        cells.append(format_number(round(figure.weighted.n_eff, 1), lang) if figure.weighted is not None else "-")
    return cells


def _line_label(question: Question, line: Line, lang: str) -> str:
    if question.type is QuestionType.MATRIX:
        statement = question.statement(line.part or "")
        step = question.option(line.step) if line.step else None
        text = statement.label if statement else ""
        return f"{text}: {step.label}" if step else _("{statement}: gemiddelde stap", lang, statement=text)
    option = question.option(line.part) if line.part else None
    if option is not None:
        return option.label
    return _("Gemiddeld cijfer", lang)


def _shown(estimate: Estimate, measure: Measure, lang: str) -> str:
    """'40% (25-58%)' for a share, '7,2 (6,8-7,6)' for a mean; '-' without answers."""
    if estimate.estimate is None:
        return "-"
    factor, suffix = (100.0, "%") if measure is Measure.SHARE else (1.0, "")

    def number(value: float) -> str:
        return format_number(value * factor, lang, decimals=1) + suffix

    if estimate.lower is None or estimate.upper is None:
        return number(estimate.estimate)
    return f"{number(estimate.estimate)} ({number(estimate.lower)}-{number(estimate.upper)})"
