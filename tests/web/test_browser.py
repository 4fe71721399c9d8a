# SPDX-License-Identifier: EUPL-1.2
"""The public dashboard in a real browser, because WCAG 2.1 AA is about what people get, not
about the HTML we send: an axe-core scan of every public page must find nothing, and what axe
cannot judge is checked by hand here: the skip link, keyboard focus that can be seen, pages
that work without JavaScript, no sideways scrolling on a phone or at 200% text, the
illustrative banner and the language.

The browser is Debian's Chromium (``scripts/install`` installs it; ``playwright install``
downloads a browser and cannot be used). Without it these tests are skipped, except in CI,
where they fail: CI must run them. Screenshots of the overview and a goal page are kept in
pytest's tmp_path and in /tmp/koers-screens/ to look at.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from koers.planfile import read_plan
from tests.conftest import HEEMSKERK_2024
from tests.web.browser_helpers import (
    DESKTOP,
    assert_axe_finds_nothing,
    assert_no_sideways_scrolling,
    new_page,
    scan,
    visit,
)
from tests.web.conftest import TODAY

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

SCREENS = Path("/tmp/koers-screens")
MOBILE = {"width": 320, "height": 640}

PLAN = read_plan(HEEMSKERK_2024)
PAGES = [
    "/",
    *(f"/opgaven/{c.id}" for c in PLAN.challenges),
    *(f"/doelen/{g.id}" for g in PLAN.goals),
    "/bbv",
    "/vergelijking",
    "/kerngetallen",
    "/methode",
    "/downloads",
]
NOT_FOUND = "/deze-pagina-bestaat-niet"
GOAL = "/doelen/FF-01"  # a goal with a baseline, figures, a path to the target and a target
PER_WIJK_GOAL = "/doelen/OO-02"  # a goal measured per wijk: the widest tables


@pytest.fixture(scope="module")
def desktop(browser: Browser) -> Iterator[Page]:
    page = new_page(browser)
    yield page
    page.context.close()


@pytest.fixture(scope="module")
def mobile(browser: Browser) -> Iterator[Page]:
    page = new_page(browser, MOBILE)
    yield page
    page.context.close()


@pytest.fixture
def fresh(browser: Browser) -> Iterator[Page]:
    """A page of its own, for tests that depend on where the focus is."""
    page = new_page(browser)
    yield page
    page.context.close()


# ---- axe-core ---------------------------------------------------------------------------------


def test_the_page_list_covers_the_whole_plan() -> None:
    assert len(PLAN.goals) == 28
    assert len(PAGES) == 1 + len(PLAN.challenges) + 28 + 5


@pytest.mark.parametrize("path", [*PAGES, NOT_FOUND])
def test_axe_finds_no_violations(dashboard_url: str, desktop: Page, axe: Any, path: str) -> None:
    visit(desktop, dashboard_url + path, 404 if path == NOT_FOUND else 200)
    assert_axe_finds_nothing(axe, desktop, path)


@pytest.mark.parametrize("path", ["/", PER_WIJK_GOAL, "/kerngetallen"])
def test_axe_finds_no_violations_on_a_phone(dashboard_url: str, mobile: Page, axe: Any, path: str) -> None:
    assert_axe_finds_nothing(axe, visit(mobile, dashboard_url + path), f"{path} at 320 px")


def test_axe_does_find_a_broken_page(desktop: Page, axe: Any) -> None:
    """The scan is live: a page with an image without text and no language fails it."""
    desktop.set_content("<!DOCTYPE html><html><head><title>x</title></head><body><img src='x.png'></body></html>")
    found = {v["id"] for v in scan(axe, desktop)}
    assert {"image-alt", "html-has-lang"} <= found


# ---- keyboard ---------------------------------------------------------------------------------

FOCUSED = """() => { const e = document.activeElement;
  return {tag: e.tagName, id: e.id, cls: e.className, href: e.getAttribute('href'), text: e.textContent.trim()}; }"""
STYLE = """e => { const s = getComputedStyle(e);
  return {outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, width: parseFloat(s.outlineWidth),
          style: s.outlineStyle, shadow: s.boxShadow, focusVisible: e.matches(':focus-visible')}; }"""


def test_the_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(dashboard_url: str, fresh: Page) -> None:
    visit(fresh, dashboard_url + GOAL)
    skip = fresh.locator("a.skip")
    assert skip.bounding_box()["x"] < 0  # out of sight until it has the focus
    fresh.keyboard.press("Tab")
    assert fresh.evaluate(FOCUSED) == {"tag": "A", "id": "", "cls": "skip", "href": "#inhoud", "text": "Naar de inhoud"}
    box = skip.bounding_box()
    assert box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= DESKTOP["width"]  # now in sight
    fresh.keyboard.press("Enter")
    assert fresh.evaluate(FOCUSED)["id"] == "inhoud"
    assert fresh.evaluate("document.activeElement.tagName") == "MAIN"
    fresh.keyboard.press("Tab")  # the next stop is inside main: the header was skipped
    assert fresh.evaluate("document.querySelector('main').contains(document.activeElement)")


def test_the_keyboard_reaches_every_nav_link_with_a_visible_focus(dashboard_url: str, fresh: Page) -> None:
    visit(fresh, dashboard_url + "/")
    links = fresh.locator("nav[aria-label='Hoofdmenu'] a")
    wanted = links.evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert wanted == ["/", "/bbv", "/vergelijking", "/kerngetallen", "/adviezen", "/methode", "/downloads"]
    unfocused = {href: links.nth(i).evaluate(STYLE) for i, href in enumerate(wanted)}
    reached: dict[str, dict[str, Any]] = {}
    for _ in range(12):
        fresh.keyboard.press("Tab")
        if fresh.evaluate("document.activeElement.closest('nav') !== null"):
            reached[fresh.evaluate(FOCUSED)["href"]] = fresh.evaluate(f"({STYLE})(document.activeElement)")
    assert list(reached) == wanted, f"Tab reached these nav links: {list(reached)}"
    for href, style in reached.items():
        assert style["focusVisible"], href
        assert style["style"] != "none" and style["width"] >= 2, f"{href}: no outline when focused ({style})"
        assert (style["outline"], style["shadow"]) != (unfocused[href]["outline"], unfocused[href]["shadow"]), (
            f"{href}: focused looks the same as not focused"
        )


def test_a_wide_table_scrolls_in_its_own_box_that_takes_the_focus(dashboard_url: str, mobile: Page) -> None:
    visit(mobile, dashboard_url + PER_WIJK_GOAL)
    box = mobile.locator(".scroll", has=mobile.locator("caption", has_text="Metingen OO-02"))
    assert box.evaluate("e => e.scrollWidth > e.clientWidth"), "the table is expected to be wider than a phone"
    assert box.get_attribute("tabindex") == "0" and box.get_attribute("role") == "region"
    box.focus()
    mobile.keyboard.press("ArrowRight")
    # scrolling may be smooth: wait for it (the wait fails the test when it does not come)
    mobile.wait_for_function("e => e.scrollLeft > 0", arg=box.element_handle(), timeout=3_000)
    caption = mobile.locator("caption", has_text="Metingen OO-02").bounding_box()
    assert caption["x"] >= 0 and caption["x"] + caption["width"] <= MOBILE["width"]  # stays in view


# ---- without JavaScript ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def no_js(browser: Browser) -> Iterator[Page]:
    page = new_page(browser, java_script_enabled=False)
    yield page
    page.context.close()


def test_the_overview_works_without_javascript(dashboard_url: str, no_js: Page) -> None:
    visit(no_js, dashboard_url + "/")
    assert no_js.locator("script").count() == 0
    assert no_js.locator("h1").inner_text() == PLAN.title
    assert no_js.locator(".card h3 a").count() == len(PLAN.challenges)
    assert no_js.locator(".cards").is_visible()


def test_a_goal_page_works_without_javascript(dashboard_url: str, no_js: Page) -> None:
    visit(no_js, dashboard_url + GOAL)
    assert no_js.locator("script").count() == 0
    chart = no_js.locator("figure.chart svg[role='img']")
    assert chart.is_visible() and chart.bounding_box()["width"] >= 500
    assert no_js.locator("figure.chart figcaption").inner_text().strip()
    table = no_js.locator("table", has=no_js.locator("caption", has_text="Metingen FF-01"))
    assert table.is_visible() and table.locator("tbody tr").count() >= 3


# ---- reflow and text size --------------------------------------------------------------------


@pytest.mark.parametrize("path", [*PAGES, NOT_FOUND])
def test_nothing_scrolls_sideways_on_a_phone_of_320px(dashboard_url: str, mobile: Page, path: str) -> None:
    visit(mobile, dashboard_url + path, 404 if path == NOT_FOUND else 200)
    assert_no_sideways_scrolling(mobile, f"{path} at 320 px")


@pytest.fixture(scope="module")
def zoomed(browser: Browser) -> Iterator[Page]:
    """1280 px zoomed to 200% is 640 CSS px wide."""
    page = new_page(browser, {"width": 640, "height": 450})
    yield page
    page.context.close()


@pytest.mark.parametrize(
    "path",
    ["/", "/opgaven/ontmoeten-en-omzien", PER_WIJK_GOAL, GOAL, "/bbv", "/kerngetallen", "/methode", "/downloads"],
)
def test_nothing_scrolls_sideways_zoomed_to_200_percent(dashboard_url: str, zoomed: Page, path: str) -> None:
    assert_no_sideways_scrolling(visit(zoomed, dashboard_url + path), f"{path} at 640 px")


OVERLAPS = """() => {
  const blocks = [...document.querySelectorAll('h1,h2,h3,p,li,dt,dd,th,td,caption,figcaption')]
    .filter(e => e.getClientRects().length && e.textContent.trim());
  const hits = [];
  for (let i = 0; i < blocks.length; i++) for (let j = i + 1; j < blocks.length; j++) {
    const a = blocks[i], b = blocks[j];
    if (a.contains(b) || b.contains(a)) continue;
    const r = a.getBoundingClientRect(), s = b.getBoundingClientRect();
    const across = Math.min(r.right, s.right) - Math.max(r.left, s.left);
    const down = Math.min(r.bottom, s.bottom) - Math.max(r.top, s.top);
    if (across > 1 && down > 1)
      hits.push(a.textContent.trim().slice(0, 30) + ' / ' + b.textContent.trim().slice(0, 30));
  }
  return hits.slice(0, 8); }"""


@pytest.mark.parametrize("path", ["/", PER_WIJK_GOAL, GOAL, "/methode"])
def test_text_at_200_percent_stays_readable(dashboard_url: str, desktop: Page, path: str) -> None:
    """Text alone twice as large (the html font size doubled): no text on top of other text, no sideways scrolling."""
    visit(desktop, dashboard_url + path)
    desktop.add_style_tag(content="html { font-size: 225% !important; }")  # twice the stylesheet's 112.5%
    assert desktop.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") == 36
    assert desktop.evaluate(OVERLAPS) == []
    assert_no_sideways_scrolling(desktop, f"{path} with text at 200%")


# ---- every page ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", PAGES)
def test_every_page_shows_the_illustrative_banner(dashboard_url: str, desktop: Page, path: str) -> None:
    banner = visit(desktop, dashboard_url + path).locator(".illustrative")
    assert banner.is_visible() and banner.inner_text().startswith("Illustratieve cijfers.")
    box = banner.bounding_box()
    assert box["y"] < DESKTOP["height"], "the banner is not in the first screen"


@pytest.mark.parametrize("path", [*PAGES, NOT_FOUND])
def test_every_page_is_in_dutch(dashboard_url: str, desktop: Page, path: str) -> None:
    visit(desktop, dashboard_url + path, 404 if path == NOT_FOUND else 200)
    assert desktop.locator("html").get_attribute("lang") == "nl"


# ---- screenshots -----------------------------------------------------------------------------


def png_width(png: bytes) -> int:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">I", png[16:20])[0]


@pytest.mark.parametrize("name, viewport", [("desktop", DESKTOP), ("mobiel", MOBILE)], ids=["desktop", "mobiel"])
@pytest.mark.parametrize("slug, path", [("overzicht", "/"), ("doel", GOAL)], ids=["overzicht", "doel"])
def test_screenshots(
    dashboard_url: str, browser: Browser, tmp_path: Path, slug: str, path: str, name: str, viewport: dict[str, int]
) -> None:
    """The pages as a resident sees them, to look at; a page wider than the screen fails."""
    page = visit(new_page(browser, viewport), dashboard_url + path)
    try:
        png = page.screenshot(full_page=True)
    finally:
        page.context.close()
    SCREENS.mkdir(parents=True, exist_ok=True)
    for folder in (tmp_path, SCREENS):
        (folder / f"{slug}-{name}.png").write_bytes(png)
    assert png_width(png) == viewport["width"]


# -- the council report's HTML on a phone --------------------------------------------------------


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The HTML report of the demo plan, as a council member opens it from the downloads."""
    from koers.cli.serve import prepare_demo
    from koers.domain.periods import Period
    from koers.reports.html import render_html
    from koers.reports.model import build_report
    from koers.store.database import open_engine
    from koers.store.plans import load_stored_plan

    folder = tmp_path_factory.mktemp("report")
    url = f"sqlite:///{folder / 'koers.db'}"
    prepare_demo(url, seed=2024, today=TODAY)
    engine = open_engine(url)
    stored = load_stored_plan(engine)
    path = folder / "rapportage.html"
    path.write_text(render_html(build_report(engine, stored, Period.parse("2026-H1"))), encoding="utf-8")
    return path


@pytest.mark.parametrize("width", [320, 390])
def test_the_report_reads_on_a_phone(browser: Browser, report_file: Path, width: int) -> None:
    page = new_page(browser, {"width": width, "height": 800})
    page.goto(report_file.as_uri())
    assert page.locator("main").count() == 1  # one landmark for the content
    assert_no_sideways_scrolling(page, f"the report at {width} px")
    labels = page.locator("table.overview td[data-label]").first.evaluate(
        "e => getComputedStyle(e, '::before').content"
    )
    assert "Opgave" in labels  # each cell says which column it is, now that the columns are rows
    page.close()
