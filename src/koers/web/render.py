# SPDX-License-Identifier: EUPL-1.2
"""Rendering pages: one Jinja2 environment with the dashboard's helpers (numbers, period
labels, status badges, the message catalogue) so templates stay declarative.

Templates write every word as a Dutch message id, ``{{ _("Overzicht") }}``, translated by
koers.i18n into the environment's language. A public page is rendered once per version of the
data (koers.web.snapshot), so translating costs nothing per request.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment

from koers import __version__, i18n
from koers.domain.formatting import format_date, format_euro, format_figure, format_number, format_value, rounded
from koers.domain.goals import Goal
from koers.domain.measurements import Measurement
from koers.reports.markdown import to_html
from koers.web import LANG


def make_environment(lang: str) -> Environment:
    """The dashboard's templates speaking ``lang``: words, numbers and dates alike."""
    env: Environment = i18n.template_environment("koers.web", lang)

    def day(when: date | datetime | None) -> str:
        return format_date(when, lang) if when else ""

    def value(n: float, goal: object) -> str:
        return format_value(n, goal.unit, lang) if isinstance(goal, Goal) else format_number(n, lang)

    def measured(m: Measurement, goal: object = None) -> str:
        """A measurement's value, or 'n.b. (reason)' for a figure that is not there."""
        return format_figure(m, goal.unit if isinstance(goal, Goal) else None, lang)

    def cell(m: Measurement, goal: Goal) -> str:
        """A figure in a table whose caption names the unit: the number alone."""
        return format_figure(m, goal.unit, lang, in_cell=True)

    def plain(n: float, goal: Goal) -> str:
        """A stated value (the baseline) in such a table."""
        return format_number(rounded(n, goal.unit), lang)

    env.globals.update(
        lang=lang,
        cell=cell,
        plain=plain,
        version=__version__,
        number=lambda n: format_number(n, lang),
        euro=lambda n: format_euro(n, lang),
        value=value,
        measured=measured,
        day=day,
        markdown=to_html,
    )
    return env


ENV = make_environment(LANG)


def render_page(request: Request, template: str, context: dict[str, Any]) -> str:
    """The page ``template`` shows for ``context``."""
    return ENV.get_template(template).render(request=request, **context)


def render(request: Request, template: str, context: dict[str, Any], *, status_code: int = 200) -> HTMLResponse:
    return HTMLResponse(render_page(request, template, context), status_code=status_code)
