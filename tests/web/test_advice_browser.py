# SPDX-License-Identifier: EUPL-1.2
"""The advice register in a real browser, without JavaScript: a participation account enters
an advice and a response through the editor's forms as a person would, and then an axe-core
scan of every public and editor page of the register finds nothing, at 1280 px and on a phone
of 320 px, where nothing may scroll sideways either.

One server on a demo database of this module (its advice is the demo's illustrative register,
plus the one entered here), with one account of the role participation. The advice is entered in
a browser without JavaScript; the scans run in one with it (axe-core is a script). Screenshots
go to /tmp/advice-shots/ to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest

from koers.cli.serve import prepare_demo
from koers.store.accounts import create_user
from koers.web.app import create_app
from tests.web.browser_helpers import DESKTOP, assert_axe_finds_nothing, assert_no_sideways_scrolling, new_page, visit
from tests.web.conftest import TODAY, serving
from tests.web.editor_helpers import PASSWORD

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

USER = "petra"
PHONE = {"width": 320, "height": 640}
SHOTS = Path("/tmp/advice-shots")
ADVICE = "PR-2024-07"
PUBLIC = ["/adviezen", "/opgaven/financieel-fit/u-vroeg-wij-deden", "/opgaven/financieel-fit", "/doelen/FF-02"]
EDITOR = [
    "/beheer/adviezen",
    "/beheer/adviezen/nieuw",
    f"/beheer/adviezen/{ADVICE}",
    f"/beheer/adviezen/{ADVICE}/punten/1",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('advice-browser') / 'koers.db'}"
    prepare_demo(url, seed=2024, today=TODAY)
    app = create_app(url, today=TODAY)
    create_user(app.state.engine, USER, PASSWORD, role="participation", display_name="Petra")
    with serving(app, "koers-advice") as address:
        yield address


def log_in(page: Page, site: str) -> None:
    """Through the login form, as a person would."""
    visit(page, site + "/beheer/inloggen")
    page.get_by_label("Gebruikersnaam").fill(USER)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    submit(page, "Inloggen", 200)
    assert urlsplit(page.url).path == "/beheer"


@pytest.fixture(scope="module")
def entered(browser: Browser, site: str) -> str:
    """In a browser without JavaScript: the IJmond Pas advice and the response to its first point,
    entered through the editor's forms. Gives the site's address."""
    shown = new_page(browser, DESKTOP, java_script_enabled=False)
    log_in(shown, site)
    visit(shown, site + "/beheer/adviezen/nieuw")
    shown.get_by_label("Code").fill(ADVICE)
    shown.get_by_label("Soort advies").select_option("ongevraagd")
    shown.get_by_label("Datum van het advies").fill("12-6-2024")
    shown.get_by_label("Onderwerp").fill("Nader onderzoek naar de IJmond Pas")
    shown.get_by_label("Opgaven (niet verplicht)", exact=True).fill("financieel-fit")
    shown.get_by_label("Doelen (niet verplicht)", exact=True).fill("FF-01, FF-02")
    texts = shown.get_by_label("Tekst", exact=True)
    texts.nth(0).fill("Doe nader onderzoek naar de kosten en baten van één IJmond Pas voor alle inwoners.")
    texts.nth(1).fill("Ga actief op zoek naar 'verscholen armen' die nog geen hulp krijgen.")
    submit(shown, "Opslaan", 200)
    assert urlsplit(shown.url).path == "/beheer/adviezen" and shown.get_by_text("Opgeslagen.").first.is_visible()
    visit(shown, site + f"/beheer/adviezen/{ADVICE}/punten/1")
    shown.get_by_label("Wat doet de gemeente met dit punt?").select_option("deels-overgenomen")
    shown.get_by_label("Reden").fill("Eerst brengen de drie gemeenten samen de kosten in beeld.")
    shown.get_by_label("Datum van de reactie").fill("2-9-2024")
    shown.get_by_label("Acties").fill("FF-A1")
    submit(shown, "Opslaan", 200)
    assert "reactie=" in shown.url
    shown.context.close()
    return site


@pytest.fixture(scope="module")
def page(browser: Browser, entered: str) -> Iterator[Page]:
    """A browser (with JavaScript, which axe-core needs) logged in, after the advice was entered."""
    shown = new_page(browser, DESKTOP)
    log_in(shown, entered)
    yield shown
    shown.context.close()


def submit(page: Page, button: str, status: int) -> None:
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name=button, exact=True).click()
    response = navigation.value
    assert response is not None and response.status == status, f"{button}: HTTP {response and response.status}"


def shot(page: Page, path: str, width: int) -> None:
    SHOTS.mkdir(exist_ok=True)
    name = path.strip("/").replace("/", "_") or "index"
    page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "320"])
@pytest.mark.parametrize("path", [*PUBLIC, *EDITOR])
def test_axe_finds_nothing_and_nothing_scrolls_sideways(
    page: Page, site: str, axe: Any, path: str, viewport: dict[str, int]
) -> None:
    page.set_viewport_size(viewport)
    visit(page, site + path)
    shot(page, path, viewport["width"])
    assert_axe_finds_nothing(axe, page, f"{path} at {viewport['width']} px")
    if viewport is PHONE:
        assert_no_sideways_scrolling(page, f"{path} at 320 px")


def test_the_form_sent_back_with_its_errors_has_no_violations(page: Page, site: str, axe: Any) -> None:
    page.set_viewport_size(DESKTOP)
    visit(page, site + f"/beheer/adviezen/{ADVICE}/punten/2")
    page.get_by_label("Wat doet de gemeente met dit punt?").select_option("niet-overgenomen")
    submit(page, "Opslaan", 422)
    assert page.locator(".error-summary").is_visible() and page.locator("#f-reason-error").is_visible()
    shot(page, "beheer-reactie-fout", 1280)
    assert_axe_finds_nothing(axe, page, "a response sent back with its error")


def test_the_public_page_shows_what_was_entered(page: Page, site: str) -> None:
    visit(page, site + "/opgaven/financieel-fit/u-vroeg-wij-deden")
    article = page.locator(f"#inbreng-{ADVICE}-1")
    assert article.get_by_text("Deels overgenomen").is_visible()
    assert article.get_by_role("link", name="FF-01").is_visible()
    assert article.get_by_text("Minimaregelingen", exact=True).is_visible()  # FF-A1, the action that follows it up
