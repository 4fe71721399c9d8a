# SPDX-License-Identifier: EUPL-1.2
"""The resident survey in a real browser: axe-core finds nothing on any page of it (with and
without errors, on a desk and on a phone), a resident can answer it all without JavaScript, the
error summary takes the focus and leads to the field, the focus can be seen, every answer is a
large target, and nothing scrolls sideways on a phone.

Screenshots of every page, at 1280 and 390 pixels wide, of Heemskerk's survey and Zilverdam's,
are written to /tmp/survey-shots/ to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from koers.domain.survey_answers import Choice, Points
from koers.planfile import read_plan
from koers.planfile.surveyfile import read_survey
from koers.store.database import open_engine
from koers.store.migrate import upgrade
from koers.store.plans import save_plan
from koers.store.survey_responses import create_invitations, find_invitation, save_page, submit
from koers.store.surveys import load_stored_survey, save_survey
from koers.web.app import create_app
from tests.conftest import HEEMSKERK_2020, ROOT
from tests.web.browser_helpers import assert_axe_finds_nothing, assert_no_sideways_scrolling, new_page, visit
from tests.web.conftest import serving

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

SHOTS = Path("/tmp/survey-shots")
PHONE = {"width": 390, "height": 844}
DATA = ROOT / "tests" / "data"


@dataclass
class Site:
    address: str
    url: str
    codes: dict[str, list[str]]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    url = f"sqlite:///{tmp_path_factory.mktemp('enquete') / 'koers.db'}"
    engine = open_engine(url)
    upgrade(engine)
    codes = {}
    for plan_file, survey_file in (
        (DATA / "plans" / "fictional-plan.yaml", DATA / "surveys" / "zilverdam-peiling.yaml"),
        (HEEMSKERK_2020, ROOT / "examples" / "heemskerk-2020" / "survey.yaml"),
    ):
        plan = save_plan(engine, read_plan(plan_file), source="test", user="test")
        survey = read_survey(survey_file)
        outcome = save_survey(engine, survey, plan.plan_id, source="test", user="test")
        codes[survey.id] = create_invitations(engine, outcome.survey_id, 12)
    with serving(create_app(url), "koers-enquete") as address:
        yield Site(address, url, codes)


@pytest.fixture
def desk(browser: Browser) -> Iterator[Page]:
    page = new_page(browser)
    yield page
    page.context.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    page = new_page(browser, PHONE, has_touch=True, is_mobile=True)
    yield page
    page.context.close()


@pytest.fixture
def no_script(browser: Browser) -> Iterator[Page]:
    page = new_page(browser, java_script_enabled=False)
    yield page
    page.context.close()


def code_of(site: Site, survey: str) -> str:
    return site.codes[survey].pop()


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-{width(page)}.png"), full_page=True)


def width(page: Page) -> int:
    return (page.viewport_size or {"width": 0})["width"]


def check(page: Page, axe: Any, name: str) -> None:
    """axe-core finds nothing, nothing scrolls sideways, and a screenshot to look at."""
    assert_axe_finds_nothing(axe, page, f"{name} at {width(page)} px")
    assert_no_sideways_scrolling(page, name)
    shot(page, name)


def start(page: Page, site: Site, code: str) -> None:
    visit(page, f"{site.address}/enquete")
    page.get_by_label("Uw code").fill(code)
    page.get_by_role("button", name="Verder").click()
    page.get_by_role("link", name="Beginnen").click()


def choose(page: Page, question: str, answer: str) -> None:
    page.get_by_role("group", name=question).get_by_label(answer, exact=True).check()


def next_page(page: Page) -> None:
    page.get_by_role("button", name="Volgende").click()


# ---- every page, checked and photographed -----------------------------------------------------


@pytest.mark.parametrize("size", ["desk", "phone"])
def test_every_page_of_zilverdams_survey_passes_axe(
    site: Site, axe: Any, request: pytest.FixtureRequest, size: str
) -> None:
    page: Page = request.getfixturevalue(size)
    visit(page, f"{site.address}/enquete")
    check(page, axe, "zilverdam-0-code")
    page.get_by_label("Uw code").fill("ABCD-EFGH-JKMN")
    page.get_by_role("button", name="Verder").click()
    check(page, axe, "zilverdam-0-code-fout")
    page.get_by_label("Uw code").fill(code_of(site, "zilverdam-buurtpeiling-2025"))
    page.get_by_role("button", name="Verder").click()
    check(page, axe, "zilverdam-1-welkom")
    page.get_by_role("link", name="Beginnen").click()
    next_page(page)  # nothing answered: the required questions are asked again
    check(page, axe, "zilverdam-2-pagina-1-fouten")
    choose(page, "In welke wijk woon je? (verplicht)", "Westerveld")
    choose(page, "Hoe oud ben je? (verplicht)", "65 of ouder")
    choose(page, "Met wie woon je?", "Anders")
    page.get_by_label("Anders: Namelijk").fill("Met mijn kleindochter")
    check(page, axe, "zilverdam-2-pagina-1")
    next_page(page)
    choose(page, "Op hoeveel dagen per week beweeg je minstens een half uur?", "3 of 4 dagen")
    check(page, axe, "zilverdam-3-pagina-2")
    next_page(page)
    for statement, step in (
        ("Ik ervaar een leegte om me heen.", "Oneens"),
        ("Er zijn genoeg mensen op wie ik kan terugvallen.", "Eens"),
        ("Ik mis mensen om me heen.", "Oneens"),
        ("Ik voel me vaak in de steek gelaten.", "Helemaal oneens"),
    ):
        choose(page, statement, step)
    choose(page, "Ben je het afgelopen jaar in een buurtkamer geweest?", "Ja")
    check(page, axe, "zilverdam-4-pagina-3")
    next_page(page)
    choose(page, "Welk cijfer geef je de buurtkamer?", "8")
    choose(page, "Waarvoor kwam je?", "Koffie en een praatje")
    check(page, axe, "zilverdam-5-pagina-4")
    next_page(page)
    page.get_by_label("Familie of vrienden").fill("50")
    page.get_by_label("Iemand anders", exact=True).fill("49")
    page.get_by_label("Iemand anders: Wie?").fill("De kerk")
    next_page(page)
    check(page, axe, "zilverdam-6-pagina-5-99-punten")
    page.get_by_label("Iemand anders", exact=True).fill("50")
    next_page(page)
    page.get_by_label("Wil je nog iets kwijt over je wijk?").fill("Meer bankjes in het park.")
    check(page, axe, "zilverdam-7-pagina-6")
    next_page(page)
    check(page, axe, "zilverdam-8-versturen")
    page.get_by_role("button", name="Versturen").click()
    check(page, axe, "zilverdam-9-bedankt")


@pytest.mark.parametrize("size", ["desk", "phone"])
def test_every_page_of_heemskerks_survey_passes_axe(
    site: Site, axe: Any, request: pytest.FixtureRequest, size: str
) -> None:
    page: Page = request.getfixturevalue(size)
    start(page, site, code_of(site, "heemskerk-inwonersenquete-2020"))
    choose(page, "In welke wijk woont u? (verplicht)", "Broekpolder")
    choose(page, "Hoe oud bent u? (verplicht)", "65 jaar of ouder")
    choose(page, "Zorgt u langere tijd en zonder betaling voor iemand die ziek is of hulp nodig heeft?", "Ja")
    seen = []
    while "/pagina/" in page.url:
        seen.append(int(page.url.rsplit("/", 1)[1]))
        check(page, axe, f"heemskerk-pagina-{seen[-1]:02d}")
        if page.get_by_text("Kent u kwetsbare inwoners in uw wijk?").count():
            choose(page, "Kent u kwetsbare inwoners in uw wijk?", "Ja")
        next_page(page)
    assert seen == [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13]  # 7 holds the follow-ups of 'zorgtaak', not answered
    check(page, axe, "heemskerk-versturen")
    page.get_by_role("link", name="Vorige pagina").click()
    page.get_by_role("button", name="Opslaan en later verder").click()
    check(page, axe, "heemskerk-bewaard")


def test_a_used_code_and_an_expired_form_pass_axe(site: Site, desk: Page, axe: Any) -> None:
    code = code_of(site, "zilverdam-buurtpeiling-2025")
    engine = open_engine(site.url)
    start(desk, site, code)
    invitation = find_invitation(engine, code)
    assert invitation is not None
    version = load_stored_survey(engine, "zilverdam-buurtpeiling-2025").version_id
    save_page(engine, invitation.id, version, ["wijk"], {"wijk": Choice("WK999901")}, 7)  # another tab sent it
    submit(engine, invitation.id, ["wijk"])
    visit(desk, f"{site.address}/enquete?code={code}", 409)
    assert "U heeft de enquête al ingevuld" in desk.content()
    check(desk, axe, "gebruikt")
    desk.get_by_role("link", name="Een andere code invullen").click()
    desk.locator("input[name=csrf_token]").evaluate("e => e.value = 'van-een-andere-site'")
    desk.get_by_label("Uw code").fill(code)
    desk.get_by_role("button", name="Verder").click()
    assert desk.get_by_role("heading", name="Formulier verlopen").is_visible()
    check(desk, axe, "verlopen")


# ---- without JavaScript ------------------------------------------------------------------------


def test_a_resident_answers_everything_without_javascript(site: Site, no_script: Page) -> None:
    page = no_script
    code = code_of(site, "zilverdam-buurtpeiling-2025")
    start(page, site, code)
    choose(page, "In welke wijk woon je? (verplicht)", "Oosthaven")
    choose(page, "Hoe oud ben je? (verplicht)", "30 tot 50")
    next_page(page)
    next_page(page)
    choose(page, "Ik ervaar een leegte om me heen.", "Eens")
    next_page(page)  # the matrix is required: every statement
    assert page.evaluate("document.activeElement.className") == "error-summary"  # autofocus, no script
    page.get_by_role("link", name="Hoe goed passen deze zinnen bij jou?", exact=False).click()
    assert page.evaluate("document.activeElement.id") == "f~eenzaamheid~terugvallen~helemaal-oneens"
    for statement in (
        "Er zijn genoeg mensen op wie ik kan terugvallen.",
        "Ik mis mensen om me heen.",
        "Ik voel me vaak in de steek gelaten.",
    ):
        choose(page, statement, "Eens")
    choose(page, "Ben je het afgelopen jaar in een buurtkamer geweest?", "Nee")
    next_page(page)
    assert page.url.endswith("/enquete/pagina/5")  # the buurtkamer's page passed over
    page.get_by_label("Mijn bank").fill("100")
    next_page(page)
    next_page(page)
    page.get_by_role("button", name="Versturen").click()
    assert page.get_by_role("heading", name="Uw antwoorden zijn verstuurd").is_visible()
    invitation = find_invitation(open_engine(site.url), code)
    response = invitation.response if invitation is not None else None
    assert response is not None and response.submitted
    assert response.answers["hulp-geldzorgen"] == Points(
        {"familie": 0, "schuldhulp": 0, "buurtteam": 0, "bank": 100, "internet": 0, "anders": 0}
    )


# ---- by hand what axe cannot judge --------------------------------------------------------------


def test_every_answer_is_a_large_target_and_the_focus_is_seen(site: Site, phone: Page) -> None:
    start(phone, site, code_of(site, "zilverdam-buurtpeiling-2025"))
    boxes = phone.evaluate(
        "() => [...document.querySelectorAll('.choice > label, .grade-choice label, button, .points-field input')]"
        ".map(e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; })"
    )
    assert boxes and all(w >= 44 and h >= 44 for w, h in boxes), boxes
    phone.keyboard.press("Tab")  # from the page to the first answer
    while phone.evaluate("document.activeElement.type") != "radio":
        phone.keyboard.press("Tab")
    style = phone.evaluate(
        "() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; }"
    )
    assert style[0] == "solid" and float(style[1].rstrip("px")) >= 3


def test_the_points_total_follows_the_typing_when_there_is_javascript(site: Site, desk: Page) -> None:
    start(desk, site, code_of(site, "zilverdam-buurtpeiling-2025"))
    choose(desk, "In welke wijk woon je? (verplicht)", "Oosthaven")
    choose(desk, "Hoe oud ben je? (verplicht)", "30 tot 50")
    next_page(desk)
    next_page(desk)
    for statement in (
        "Ik ervaar een leegte om me heen.",
        "Er zijn genoeg mensen op wie ik kan terugvallen.",
        "Ik mis mensen om me heen.",
        "Ik voel me vaak in de steek gelaten.",
    ):
        choose(desk, statement, "Eens")
    next_page(desk)
    desk.get_by_label("Familie of vrienden").fill("30")
    desk.get_by_label("Mijn bank").fill("25")
    assert desk.locator("[data-points-total]").text_content() == "55"
