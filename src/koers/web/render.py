# SPDX-License-Identifier: EUPL-1.2
"""Rendering pages: one Jinja2 environment with the dashboard's helpers (numbers, period
labels, status badges, the message catalogue) so templates stay declarative.

Templates write every word as a Dutch message id, ``{{ _("Overzicht") }}``, translated by
koers.i18n into the environment's language. A public page is rendered once per version of the
data (koers.web.snapshot), so translating costs nothing per request.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment

from koers import __version__, i18n
from koers.reports.html import figure_helpers
from koers.reports.markdown import to_html
from koers.web import LANG


def make_environment(lang: str) -> Environment:
    """The dashboard's templates speaking ``lang``: words, numbers and dates alike."""
    env: Environment = i18n.template_environment("koers.web", lang)

    env.globals.update(lang=lang, version=__version__, markdown=to_html, **figure_helpers(lang))
    return env


ENV = make_environment(LANG)


def render_page(request: Request, template: str, context: dict[str, Any]) -> str:
    """The page ``template`` shows for ``context``."""
    return ENV.get_template(template).render(request=request, **context)


def render(request: Request, template: str, context: dict[str, Any], *, status_code: int = 200) -> HTMLResponse:
    return HTMLResponse(render_page(request, template, context), status_code=status_code)
