# SPDX-License-Identifier: EUPL-1.2
"""The editor (/beheer) in a real browser, as test_browser.py does for the public pages: an
axe-core scan of every page a member of staff reaches after logging in must find nothing, at
1280 px and on a phone of 390 px, and nothing may scroll sideways on that phone. The pages that
only a form leads to (a check before saving, a form sent back with an error) are reached by
filling in and sending that form, as a person would. An action can be changed without
JavaScript.

One server on a demo database of its own serves the whole module (the tests change it), with
one account, the beheerder anna (she reaches every page and every form of the editor). One
browser context logs in once through the login form, and its page is made 1280 or 390 px wide
as a test needs. Screenshots of the actions and an action's form go to /tmp/editor-shots/ to look at.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest

from koers.cli.serve import prepare_demo
from koers.store.accounts import create_user
from koers.web.app import create_app
from tests.web.browser_helpers import (
    DESKTOP,
    assert_axe_finds_nothing,
    assert_no_sideways_scrolling,
    new_page,
    visit,
)
from tests.web.conftest import TODAY, serving
from tests.web.editor_helpers import PASSWORD, USERS

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

USER = "anna"  # beheerder: every page and every form of the editor
PHONE = {"width": 390, "height": 844}
WIDTHS = {1280: DESKTOP, 390: PHONE}
SHOTS = Path("/tmp/editor-shots")
ACTION = "FF-A1"  # the action whose pages are scanned
CHANGED = "FF-A2"  # the action the test without JavaScript changes


@pytest.fixture(scope="module")
def editor_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The dashboard and editor on a demo database of this module, with USER's account."""
    url = f"sqlite:///{tmp_path_factory.mktemp('editor') / 'koers.db'}"
    prepare_demo(url, seed=2024, today=TODAY)
    app = create_app(url, today=TODAY)
    role, challenges = USERS[USER]
    create_user(app.state.engine, USER, PASSWORD, role=role, challenges=challenges, display_name=USER.title())
    with serving(app, "koers-editor") as address:
        yield address


def log_in(page: Page, base: str) -> None:
    """Through the login form, as a person would: type the name and the password, press the button."""
    visit(page, base + "/beheer/inloggen")
    page.get_by_label("Gebruikersnaam").fill(USER)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Inloggen", exact=True).click()
    assert urlsplit(page.url).path == "/beheer", f"not logged in: {page.url}"
    assert page.locator("nav.editor-nav").is_visible()


@pytest.fixture(scope="module")
def editor(browser: Browser, editor_url: str) -> Iterator[Page]:
    """One browser context, logged in once, for the whole module; each test sets the width it needs."""
    page = new_page(browser, DESKTOP)
    log_in(page, editor_url)
    yield page
    page.context.close()


# ---- how a person reaches each page -------------------------------------------------------------


def submit(page: Page, button: str, status: int) -> None:
    """Press a form's button and wait for the page it leads to."""
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name=button, exact=True).click()
    response = navigation.value
    assert response is not None and response.status == status, f"{button}: HTTP {response and response.status}"


def opened(path: str) -> Callable[[Page, str], None]:
    def reach(page: Page, base: str) -> None:
        visit(page, base + path)

    return reach


def measurement_checked(period: str) -> Callable[[Page, str], None]:
    """The check before a measurement of FF-01 is saved: what changes (a new one, or a new version)."""

    def reach(page: Page, base: str) -> None:
        visit(page, base + "/beheer/meting?doel=FF-01")
        page.get_by_label("Periode").fill(period)
        page.get_by_label("Waarde").fill("5700,5")
        submit(page, "Controleren", 200)
        assert page.get_by_role("button", name="Opslaan", exact=True).is_visible()

    return reach


def measurement_refused(page: Page, base: str) -> None:
    """The measurement form sent back with its errors: nothing filled in."""
    visit(page, base + "/beheer/meting")
    submit(page, "Controleren", 422)
    summary = page.locator(".error-summary li").all_inner_texts()
    assert summary == ["Doel: Dit veld is leeg.", "Periode: Dit veld is leeg.", "Waarde: Dit veld is leeg."]


def file_checked(rows: str, status: int) -> Callable[[Page, str], None]:
    """The check of a file to import: what it would change, or its problems."""

    def reach(page: Page, base: str) -> None:
        visit(page, base + "/beheer/import")
        upload = {"name": "metingen.csv", "mimeType": "text/csv", "buffer": rows.encode()}
        page.get_by_label("Bestand").set_input_files(upload)
        submit(page, "Controleren", status)

    return reach


GOOD_FILE = "goal,period,area,value\nFF-01,2026-H2,GM0396,5800\nFF-01,2025-H2,GM0396,5690\n"
BAD_FILE = "goal,period,area,value\nXX-99,2026,GM0396,12\nFF-01,geen periode,GM0396,twaalf\n"


def explanation_previewed(page: Page, base: str) -> None:
    """An explanation shown as the dashboard will show it, before it is saved."""
    visit(page, base + "/beheer/toelichting/FF-01")
    page.locator("#f-tekst").fill("Het aantal is **gedaald**.\n\n- minder aanvragen\n- [meer](https://example.org)")
    submit(page, "Voorbeeld bekijken", 200)
    assert page.locator(".explanation.preview").is_visible()


def action_refused(page: Page, base: str) -> None:
    """A new action sent without its name (a required field): the form comes back with the error."""
    visit(page, base + "/beheer/acties/nieuw")
    page.get_by_label("Code").fill("FF-A9")
    page.get_by_label("Opgave").select_option("financieel-fit")
    submit(page, "Opslaan", 422)
    assert page.locator("#f-name-error").is_visible()
    assert page.locator(".error-summary a[href='#f-name']").inner_text() == "Naam: Dit veld is leeg."


#: Every page of the editor a logged-in person reaches, and how.
PAGES: dict[str, Callable[[Page, str], None]] = {
    "beheer": opened("/beheer"),
    "meting": opened("/beheer/meting"),
    "meting bij een doel": opened("/beheer/meting?doel=FF-01"),
    "meting controleren": measurement_checked("2026-H2"),
    "meting verbeteren": measurement_checked("2025-H2"),  # the old version beside the new one
    "meting met fouten": measurement_refused,
    "import": opened("/beheer/import"),
    "import controleren": file_checked(GOOD_FILE, 200),
    "import met fouten": file_checked(BAD_FILE, 422),
    "toelichting": opened("/beheer/toelichting/FF-01"),
    "toelichting voorbeeld": explanation_previewed,
    "acties": opened("/beheer/acties"),
    "acties bij een doel": opened("/beheer/acties?doel=FF-01"),
    "actie wijzigen": opened(f"/beheer/acties/{ACTION}"),
    "actie toevoegen": opened("/beheer/acties/nieuw"),
    "actie met fout": action_refused,
    "actie verwijderen": opened(f"/beheer/acties/{ACTION}/verwijderen"),
    "periodes": opened("/beheer/periodes"),
    "logboek": opened("/beheer/logboek"),
    "uitloggen": opened("/beheer/uitloggen"),
}


def reach(page: Page, base: str, name: str) -> Page:
    page.set_viewport_size(DESKTOP)
    PAGES[name](page, base)
    assert urlsplit(page.url).path.startswith("/beheer") and page.locator("nav.editor-nav").is_visible(), (
        f"{name}: not an editor page of someone logged in ({page.url})"
    )
    return page


def assert_fine_at_both_widths(axe: Any, page: Page, what: str) -> None:
    """axe-core at 1280 px, then at 390 px with the reflow of WCAG 1.4.10, which axe does not judge.

    The one page is made narrower rather than reached again: the phone's layout is the style
    sheet's, applied to the same document (as when a phone is turned)."""
    assert_axe_finds_nothing(axe, page, f"{what} at 1280 px")
    page.set_viewport_size(PHONE)
    assert_axe_finds_nothing(axe, page, f"{what} at 390 px")
    assert_no_sideways_scrolling(page, f"{what} at 390 px")


# ---- axe-core and reflow ----------------------------------------------------------------------


@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_nothing_and_a_phone_needs_no_sideways_scrolling(
    editor_url: str, editor: Page, axe: Any, name: str
) -> None:
    page = reach(editor, editor_url, name)
    assert_fine_at_both_widths(axe, page, f"{name} ({urlsplit(page.url).path})")


def test_the_login_page_with_and_without_an_error(browser: Browser, editor_url: str, axe: Any) -> None:
    """Before logging in: the login form, and the form again after a wrong password."""
    page = new_page(browser, DESKTOP)
    try:
        visit(page, editor_url + "/beheer/inloggen")
        assert_fine_at_both_widths(axe, page, "the login page")
        page.get_by_label("Gebruikersnaam").fill(USER)
        page.get_by_label("Wachtwoord").fill("niet het wachtwoord")
        page.set_viewport_size(DESKTOP)
        submit(page, "Inloggen", 401)
        assert page.locator(".error-summary").is_visible()
        assert_fine_at_both_widths(axe, page, "the login page with an error")
    finally:
        page.context.close()


# ---- screenshots ------------------------------------------------------------------------------


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("slug, path", [("acties", "/beheer/acties"), ("actie", f"/beheer/acties/{ACTION}")])
def test_screenshots(editor_url: str, editor: Page, slug: str, path: str, width: int) -> None:
    """The actions and an action's form as staff see them, in /tmp/editor-shots/ to look at."""
    editor.set_viewport_size(WIDTHS[width])
    page = visit(editor, editor_url + path)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"{slug}-{width}.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width


# ---- without JavaScript -----------------------------------------------------------------------


def test_an_action_is_changed_without_javascript(browser: Browser, editor_url: str) -> None:
    """Log in, change an action's owner and status, and see the change in the editor and on the
    dashboard: no script needed anywhere."""
    page = new_page(browser, java_script_enabled=False)
    try:
        log_in(page, editor_url)
        visit(page, f"{editor_url}/beheer/acties/{CHANGED}")
        assert page.locator("script").count() == 0
        page.get_by_label("Trekker").fill("Team Schulddienstverlening")
        page.get_by_label("Status").select_option("afgerond")
        submit(page, "Opslaan", 200)  # the redirect (303) is followed to the list of actions
        assert urlsplit(page.url).path == "/beheer/acties" and f"opgeslagen={CHANGED}" in page.url
        assert page.locator("p.notice[role='status']").inner_text().startswith("Opgeslagen.")
        row = page.locator("tr", has=page.locator("th", has_text=CHANGED))
        assert "Afgerond · trekker Team Schulddienstverlening" in row.inner_text()
        visit(page, f"{editor_url}/beheer/acties/{CHANGED}")
        assert page.get_by_label("Trekker").input_value() == "Team Schulddienstverlening"
        assert page.get_by_label("Status").input_value() == "afgerond"
        visit(page, f"{editor_url}/doelen/FF-03")  # and the public dashboard shows it at once
        assert "trekker Team Schulddienstverlening" in page.locator(f"#actie-{CHANGED}").inner_text()
    finally:
        page.context.close()
