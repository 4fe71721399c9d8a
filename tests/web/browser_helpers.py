# SPDX-License-Identifier: EUPL-1.2
"""What the browser tests share (tests/web/test_browser.py for the public pages,
tests/web/test_editor_browser.py for the editor): a page in a context of its own, a visit that
checks the HTTP status, the axe-core scan and its verdict, and the check that nothing scrolls
sideways. The browser and axe themselves are fixtures, in tests/web/conftest.py."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

#: WCAG 2.1 A and AA, and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
DESKTOP = {"width": 1280, "height": 900}


def new_page(browser: Browser, viewport: dict[str, int] = DESKTOP, **options: Any) -> Page:
    page = browser.new_context(viewport=viewport, locale="nl-NL", **options).new_page()
    page.set_default_timeout(15_000)
    return page


def visit(page: Page, url: str, status: int = 200) -> Page:
    response = page.goto(url)
    assert response is not None and response.status == status, f"{url}: HTTP {response and response.status}"
    return page


# ---- axe-core ---------------------------------------------------------------------------------


def scan(axe: Any, page: Page) -> list[dict[str, Any]]:
    """axe-core's violations on the page. Only they come back in full (resultTypes): the passes
    and the rules that did not apply, every node of which axe would describe too, are not read."""
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    return axe.run(page, options=options).response["violations"]


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        lines += [f"    {' '.join(map(str, node['target']))}" for node in v["nodes"]]
    return "\n".join(lines)


def assert_axe_finds_nothing(axe: Any, page: Page, what: str) -> None:
    """An axe-core scan of the page as it is now; each violation is named, with where it is."""
    violations = scan(axe, page)
    if violations:
        pytest.fail(f"axe-core on {what}:\n{describe(violations)}", pytrace=False)


# ---- reflow -----------------------------------------------------------------------------------

OVERFLOW = """() => { const root = document.documentElement, width = root.clientWidth;
  const out = [...document.body.querySelectorAll('*')].filter(e => !e.closest('.scroll'))
    .filter(e => e.getBoundingClientRect().right > width + 1)
    .map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className : ''));
  return {scrollWidth: root.scrollWidth, clientWidth: width, offenders: out.slice(0, 8)}; }"""


def assert_no_sideways_scrolling(page: Page, what: str) -> None:
    found = page.evaluate(OVERFLOW)
    assert found["scrollWidth"] <= found["clientWidth"], f"{what} scrolls sideways: {found}"
