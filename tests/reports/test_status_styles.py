# SPDX-License-Identifier: EUPL-1.2
"""The status badge colours: one table for every status, readable (WCAG AA), and the same
rules in the dashboard and in the council report."""

from __future__ import annotations

import re
import warnings

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

from koers.domain.periods import Period
from koers.domain.status import Status
from koers.reports.html import render_html
from koers.reports.model import build_report
from koers.reports.status_styles import BADGE_COLOURS, STATUS_CSS
from koers.store.database import open_engine
from koers.store.plans import load_stored_plan
from koers.web.app import create_app
from tests.conftest import HEEMSKERK_2024, ROOT
from tests.store.conftest import koers


def luminance(colour: str) -> float:
    """Relative luminance of a '#rrggbb' colour (WCAG 2.1)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_is_computed_as_wcag_does() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("status", list(Status))
def test_every_badge_is_readable(status: Status) -> None:
    colours = BADGE_COLOURS[status]
    assert contrast(colours.text, colours.background) >= 4.5  # WCAG AA for text
    assert contrast(colours.border, colours.background) >= 3  # WCAG AA for the shape
    assert contrast(colours.border, "#ffffff") >= 3  # ... on the white page too


def test_every_status_has_a_rule_and_cannot_say_yet_is_dashed() -> None:
    for status in Status:
        rule = next(line for line in STATUS_CSS.splitlines() if re.search(rf"\.badge\.{status.value}\b", line))
        assert BADGE_COLOURS[status].text in rule
        assert ("border-style: dashed" in rule) is not status.judged


def test_the_old_stylesheets_leave_the_colours_to_the_shared_one() -> None:
    for sheet in ("src/koers/web/static/koers.css", "src/koers/reports/templates/report.css"):
        text = (ROOT / sheet).read_text(encoding="utf-8")
        assert not re.search(r"\.badge\.\w+", text), sheet


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('styles') / 'koers.db'}"
    assert koers(url, "db", "upgrade")[0] == 0
    assert koers(url, "plan", "load", str(HEEMSKERK_2024))[0] == 0
    return url


def test_the_report_carries_the_shared_rules(url: str) -> None:
    engine = open_engine(url)
    html = render_html(build_report(engine, load_stored_plan(engine), Period.parse("2026-H1")))
    assert STATUS_CSS in html


def test_the_dashboard_serves_and_links_the_shared_rules(url: str) -> None:
    client = TestClient(create_app(url))
    served = client.get("/static/status.css")
    assert served.status_code == 200 and served.headers["content-type"].startswith("text/css")
    assert served.text == STATUS_CSS
    assert client.get("/static/koers.css").status_code == 200  # the static folder still answers
    page = client.get("/methode").text
    assert '<link rel="stylesheet" href="/static/status.css">' in page
    for status in Status:  # the method page lists every status, as a badge with its meaning
        assert f'<span class="badge {status.value}">{status.label()}</span>' in page
