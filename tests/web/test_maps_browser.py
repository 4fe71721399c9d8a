# SPDX-License-Identifier: EUPL-1.2
"""The goal page with a wijk map in a real browser (Debian's Chromium, as tests/web/test_browser.py):
on a phone 390 pixels wide the map fits without sideways scrolling and its labels stay readable,
and axe-core finds no violation. The pages come from the app in this process (every request the
browser makes is answered by FastAPI's test client), so no server needs to run."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

from koers.reports.charts import TEXT_SIZE
from koers.web.app import create_app
from tests.geodata import voorbeeldstad
from tests.web.browser_helpers import assert_no_sideways_scrolling, describe, new_page, scan

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Route

ORIGIN = "http://koers.test"
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    url = voorbeeldstad(f"sqlite:///{tmp_path_factory.mktemp('maps-browser') / 'koers.db'}")
    return TestClient(create_app(url, today=date(2026, 11, 23)))


@pytest.fixture(scope="module")
def phone(browser: Browser, client: TestClient) -> Iterator[Page]:
    page = new_page(browser, PHONE)

    def answer(route: Route) -> None:
        response = client.get(route.request.url.removeprefix(ORIGIN))
        route.fulfill(status=response.status_code, headers=dict(response.headers), body=response.content)

    page.route(f"{ORIGIN}/**", answer)
    page.goto(f"{ORIGIN}/doelen/VW-01")
    yield page
    page.context.close()


def test_the_map_fits_a_phone_of_390px_with_readable_labels(phone: Page) -> None:
    assert_no_sideways_scrolling(phone, "the goal page with its map at 390 px")
    svg = phone.locator("figure.map svg")
    box = svg.bounding_box()
    assert box is not None and 300 <= box["width"] <= PHONE["width"]
    drawn = int(svg.get_attribute("width") or 0)
    assert TEXT_SIZE * box["width"] / drawn >= 9.5, "the labels on the map are scaled below 9.5 px"
    assert phone.locator("table", has=phone.locator("caption", has_text="Per wijk")).is_visible()


def test_axe_finds_no_violations_on_the_map_page(phone: Page, axe: Any) -> None:
    violations = scan(axe, phone)
    assert not violations, describe(violations)
