# SPDX-License-Identifier: EUPL-1.2
"""The page *Vergelijking met andere gemeenten* and the peers on the BBV page.

With the demo data (Heemskerk with Beverwijk, Velsen, its size class and the Netherlands, all
illustrative) the page shows per BBV indicator the sentences, the chart and the table; without
figures of other municipalities it says so and how to bring them in. In a real browser the page
passes axe-core with no violations at 1280 and at 390 px wide, and its screenshots are kept in
/tmp/koers-screens/ to look at.
"""

from __future__ import annotations

import re
import warnings
from datetime import date
from html import unescape
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

from koers.cli.serve import prepare_demo
from koers.web.app import create_app
from tests.store.conftest import koers
from tests.web.browser_helpers import assert_no_sideways_scrolling, describe, new_page, scan, visit
from tests.web.test_browser import SCREENS, png_width

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Route

TODAY = date(2026, 11, 23)
DATA = Path(__file__).resolve().parents[1] / "data"
ZUIDERHAVEN = DATA / "plans" / "peers-zuiderhaven.yaml"
SIZES = {"desktop": {"width": 1280, "height": 900}, "390": {"width": 390, "height": 844}}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'koers.db'}"
    prepare_demo(url, seed=2024, today=TODAY)
    return TestClient(create_app(url, today=TODAY))


@pytest.fixture(scope="module")
def empty(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """Zuiderhaven with only its own figures: nothing to compare yet."""
    folder = tmp_path_factory.mktemp("empty")
    url = f"sqlite:///{folder / 'koers.db'}"
    own = folder / "eigen.csv"
    own.write_text("goal,period,area,value,unit\nbbv-27,2024,GM9921,250,per 10.000 inwoners\n", encoding="utf-8")
    for args in (("db", "upgrade"), ("plan", "load", str(ZUIDERHAVEN)), ("import", str(own))):
        assert koers(url, *args)[0] == 0, args
    return TestClient(create_app(url, today=TODAY))


def words(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<svg.*?</svg>", "", html, flags=re.S))).split())


def test_the_page_shows_every_bbv_indicator_with_sentences_chart_and_table(client: TestClient) -> None:
    html = client.get("/vergelijking").text
    assert '<a href="/vergelijking" aria-current="page">Vergelijking</a>' in html
    assert "<h1>Vergelijking met andere gemeenten</h1>" in html
    sections = re.findall(r'<section class="comparison" id="([^"]+)"', html)
    assert len(sections) == 15 and sections[:2] == ["bbv-20", "bbv-32"]
    assert html.count(' role="img"') == 15 and html.count('<table class="comparison">') == 15
    text = words(html)
    assert "Heemskerk vergelijkt zich met Beverwijk en Velsen." in text
    assert re.search(r"Heemskerk (zit onder|zit boven|is ongeveer gelijk aan) het gemiddelde van vergelijkbare", text)
    assert "Van Velsen is er geen cijfer over 2025." in text and "Velsen geen cijfer" in text
    assert "Gemeenten met 20.000 tot 50.000 inwoners" in text and "Nederland" in text


def test_the_bbv_page_shows_the_peers_and_the_netherlands(client: TestClient) -> None:
    html = client.get("/bbv").text
    assert '<th scope="col" class="num">Vergelijkbare gemeenten</th>' in html
    assert '<a href="/vergelijking#bbv-32">' in html
    assert '<a href="/vergelijking">Vergelijking met andere gemeenten</a>' in html
    row = re.search(r'<a href="/vergelijking#bbv-20">.*?</tr>', html, re.S)
    assert row is not None
    cells = re.findall(r'<td class="num">(.*?)</td>', row.group(0))
    assert len(cells) == 3 and all(cell.endswith("(2025)") for cell in cells)


def test_without_figures_of_others_the_page_says_how_to_bring_them_in(empty: TestClient) -> None:
    html = empty.get("/vergelijking").text
    text = words(html)
    assert "Er zijn nog geen cijfers van andere gemeenten." in text
    assert "'koers fetch cbs --indicators'" in text and "(GM9922)" in text and "NL01" in text
    assert "<table" not in html and 'role="img"' not in html
    bbv = empty.get("/bbv").text
    assert "Vergelijkbare gemeenten" not in bbv and '<td class="num">250 (2024)</td>' in bbv


# -- in a real browser ---------------------------------------------------------------------------


def served(browser: Browser, client: TestClient, viewport: dict[str, int]) -> Page:
    """A page whose every request to http://koers.test is answered by ``client`` (no server needed)."""
    page = new_page(browser, viewport)

    def answer(route: Route) -> None:
        response = client.get(route.request.url.removeprefix("http://koers.test"))
        route.fulfill(status=response.status_code, headers=dict(response.headers), body=response.content)

    page.route("http://koers.test/**", answer)
    return page


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("which", ["demo", "leeg"])
def test_axe_finds_no_violations_and_the_screenshots(
    browser: Browser, axe: Any, client: TestClient, empty: TestClient, size: str, which: str
) -> None:
    viewport = SIZES[size]
    page = served(browser, client if which == "demo" else empty, viewport)
    try:
        visit(page, "http://koers.test/vergelijking")
        violations = scan(axe, page)
        if violations:
            pytest.fail(f"axe-core on /vergelijking ({which}, {size}):\n{describe(violations)}", pytrace=False)
        assert_no_sideways_scrolling(page, f"/vergelijking ({which}) at {viewport['width']} px")
        png = page.screenshot(full_page=which == "leeg")
        assert png_width(png) == viewport["width"]
        SCREENS.mkdir(parents=True, exist_ok=True)
        (SCREENS / f"vergelijking-{which}-{size}.png").write_bytes(png)
    finally:
        page.context.close()


@pytest.mark.parametrize("size", list(SIZES))
def test_a_chart_in_the_browser_is_an_image_with_its_words(browser: Browser, client: TestClient, size: str) -> None:
    page = served(browser, client, SIZES[size])
    try:
        visit(page, "http://koers.test/vergelijking#bbv-32")
        chart = page.locator("#bbv-32 figure.chart svg[role='img']")
        assert chart.is_visible() and chart.get_attribute("aria-label") == "Cliënten met een maatwerkvoorziening Wmo"
        assert page.locator("#bbv-32 table tr.own th").inner_text() == "Heemskerk"
        assert page.locator("#bbv-32 ul.verdict li").count() >= 3
        SCREENS.mkdir(parents=True, exist_ok=True)
        page.locator("#bbv-32").screenshot(path=str(SCREENS / f"vergelijking-wmo-{size}.png"))
    finally:
        page.context.close()
