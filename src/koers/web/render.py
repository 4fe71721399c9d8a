# SPDX-License-Identifier: EUPL-1.2
"""Rendering pages: one Jinja2 environment with the dashboard's helpers (Dutch numbers,
period labels, status badges) so templates stay declarative."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from koers import __version__
from koers.domain.formatting import format_date, format_euro, format_number, format_value
from koers.domain.goals import Goal
from koers.reports.markdown import to_html

ENV = Environment(
    loader=PackageLoader("koers.web", "templates"),
    autoescape=select_autoescape(["j2", "html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _day(when: date | datetime | None) -> str:
    return format_date(when, "nl") if when else ""


ENV.globals.update(
    version=__version__,
    number=lambda n: format_number(n, "nl"),
    euro=lambda n: format_euro(n, "nl"),
    value=lambda n, goal: format_value(n, goal.unit, "nl") if isinstance(goal, Goal) else format_number(n, "nl"),
    day=_day,
    markdown=to_html,
)


def render(request: Request, template: str, context: dict[str, Any], *, status_code: int = 200) -> HTMLResponse:
    page = ENV.get_template(template).render(request=request, **context)
    return HTMLResponse(page, status_code=status_code)
