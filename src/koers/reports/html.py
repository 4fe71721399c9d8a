# SPDX-License-Identifier: EUPL-1.2
"""The report as one self-contained HTML file: styles and charts inline, nothing remote.

The same HTML, with its print styles, is what WeasyPrint turns into the PDF, so the two never
drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files

from jinja2 import Environment

from koers import __version__, i18n
from koers.domain.advice import tally
from koers.domain.comparison import Comparison
from koers.domain.formatting import (
    estimate,
    format_date,
    format_euro,
    format_figure,
    format_number,
    format_value,
    rounded,
)
from koers.domain.goals import Goal
from koers.domain.measurements import Measurement
from koers.domain.units import Unit
from koers.reports.actions import action_facts
from koers.reports.advice import answered, by_advice
from koers.reports.advice import illustrative as advice_illustrative
from koers.reports.comparison import table_rows
from koers.reports.markdown import to_html
from koers.reports.model import GoalSection, Report
from koers.reports.status_styles import STATUS_CSS, verdict_class


@cache
def environment(lang: str) -> Environment:
    """The report's templates speaking ``lang``, made on first use and kept.

    One environment per language: the catalogue is installed into an environment's globals, so
    sharing one between languages would let a report in one language pick up the words of the
    other (the web dashboard does the same, koers.web.render).
    """
    env: Environment = i18n.template_environment("koers.reports", lang)
    return env


@dataclass(frozen=True)
class Figure:
    """A chart as inline SVG, with its text alternative for the caption."""

    svg: str
    text: str


def figure_helpers(lang: str) -> dict[str, Callable[..., str]]:
    """The template helpers that write numbers, figures and dates, for the report and the
    dashboard alike (koers.web.render), so that both write a figure the same way."""

    def unit_of(goal: Goal | None) -> Unit | None:
        return goal.unit if goal is not None else None

    def value(number: float, goal: Goal | None = None) -> str:
        return format_value(number, unit_of(goal), lang)

    def about(number: float, goal: Goal) -> str:
        """An estimate (a forecast), rounded as one is written."""
        return format_value(estimate(number, goal.unit), goal.unit, lang)

    def measured(m: Measurement, goal: Goal | None = None) -> str:
        """A measurement's value, or 'n.b. (reason)' for a figure that is not there."""
        return format_figure(m, unit_of(goal), lang)

    def cell(m: Measurement, goal: Goal) -> str:
        """A figure in a table whose caption names the unit: the number alone."""
        return format_figure(m, goal.unit, lang, in_cell=True)

    def plain(number: float, goal: Goal) -> str:
        """A stated value (the baseline) in such a table."""
        return format_number(rounded(number, goal.unit), lang)

    def day(when: date | None) -> str:
        return format_date(when, lang) if when else ""

    return {
        "value": value,
        "about": about,
        "measured": measured,
        "cell": cell,
        "plain": plain,
        "day": day,
        "number": lambda n: format_number(n, lang),
        "euro": lambda n: format_euro(n, lang),
        "action_facts": lambda a: action_facts(a, lang),
        "verdict_class": verdict_class,
    }


def render_html(report: Report) -> str:
    """The whole report as HTML."""
    lang = report.lang
    names = report.area_names

    def percent(share: float) -> str:
        return f"{format_number(share * 100, lang)}%"

    template = environment(lang).get_template("report.html.j2")
    return template.render(
        r=report,
        advice_groups=by_advice(answered(report, report.advice_entries)),
        advice_summary=tally(report.advice_entries).summary(lang),
        advice_illustrative=advice_illustrative(report.advice),
        css=files("koers.reports").joinpath("templates/report.css").read_text(encoding="utf-8") + STATUS_CSS,
        version=__version__,
        markdown=to_html,
        percent=percent,
        area=lambda a: names.get(a, a),
        chart=lambda section: chart_figure(section, report),
        comparison_chart=lambda comparison: comparison_chart(comparison, report),
        compared=lambda comparison, value: compared(comparison, value, lang),
        comparison_rows=lambda comparison: table_rows(comparison, lang),
        wijk_map=lambda section: map_figure(section, report),
        **figure_helpers(lang),
    )


def map_figure(section: GoalSection, report: Report) -> Figure | None:
    """The map of a goal judged per wijk, when its wijken have boundaries (koers.reports.maps)."""
    from koers.reports import maps

    return maps.map_figure(section, report)


def comparison_chart(comparison: Comparison, report: Report) -> Figure | None:
    """One comparison with other municipalities as a bar chart (koers.reports.comparison_charts)."""
    from koers.reports import comparison_charts

    return comparison_charts.comparison_figure(comparison, report.lang, illustrative=report.illustrative)


def compared(comparison: Comparison, value: float | None, lang: str) -> str:
    """A figure of a comparison as its table writes it (the caption names the unit)."""
    from koers.reports import comparison_charts

    return comparison_charts.figure_text(comparison, value, lang)


def chart_figure(section: GoalSection, report: Report) -> Figure | None:
    """The goal's chart as inline SVG with its text alternative, or None when there is nothing to draw."""
    from koers.reports import charts

    spec = charts.goal_chart(
        section.goal,
        section.assessment,
        section.measurements,
        lang=report.lang,
        illustrative=report.illustrative,
        names=report.area_names,
    )
    if spec is None:
        return None
    text = charts.text_alternative(
        section.goal, section.assessment, section.measurements, report.lang, names=report.area_names
    )
    return Figure(charts.render_svg(spec, report.lang), text)
