# SPDX-License-Identifier: EUPL-1.2
"""The report as one self-contained HTML file: styles and charts inline, nothing remote.

The same HTML, with its print styles, is what WeasyPrint turns into the PDF, so the two never
drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files

from jinja2 import Environment, PackageLoader, select_autoescape

from koers import __version__
from koers.domain.formatting import format_date, format_euro, format_number, format_value
from koers.domain.goals import Goal
from koers.reports.markdown import to_html
from koers.reports.model import GoalSection, Report

_ENV = Environment(
    loader=PackageLoader("koers.reports", "templates"),
    autoescape=select_autoescape(["j2", "html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True)
class Figure:
    svg: str
    text: str


def render_html(report: Report) -> str:
    """The whole report as HTML."""
    lang = report.lang
    names = report.area_names

    def t(nl: str, en: str) -> str:
        return nl if lang == "nl" else en

    def value(number: float, goal: Goal) -> str:
        return format_value(number, goal.unit, lang)

    template = _ENV.get_template("report.html.j2")
    return template.render(
        r=report,
        css=files("koers.reports").joinpath("templates/report.css").read_text(encoding="utf-8"),
        version=__version__,
        t=t,
        value=value,
        day=lambda when: format_date(when, lang),
        markdown=to_html,
        number=lambda n: format_number(n, lang),
        euro=lambda n: format_euro(n, lang),
        percent=lambda share: f"{format_number(share * 100, lang)}%",
        area=lambda a: names.get(a, a),
        chart=lambda section: chart_figure(section, report),
    )


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
