# SPDX-License-Identifier: EUPL-1.2
"""The advice register on the public dashboard and in the API: per challenge and goal the
advice that concerns it with the responses, all advice at /adviezen, and per challenge "U vroeg,
wij deden" with the response, the goals and the actions that answer each point and their status.
On Zilverdam's made-up plan with its made-up register (tests/data/advice), and on the demo."""

from __future__ import annotations

import re
import warnings
from datetime import date
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

from koers.cli.serve import prepare_demo
from koers.domain.advice import Advice, for_challenge
from koers.importers.advice import read_advice_file
from koers.planfile import read_plan
from koers.store.advice import Actor, store_register
from koers.store.database import open_engine
from koers.store.migrate import upgrade
from koers.store.plans import save_plan
from koers.web.app import create_app
from tests.conftest import ROOT

TODAY = date(2026, 11, 23)
ZILVERDAM = read_plan(ROOT / "tests" / "data" / "plans" / "fictional-plan.yaml")
REGISTER: list[Advice] = [
    a
    for name in ("zilverdam-adviezen.yaml", "zilverdam-adviezen.csv")
    for a in read_advice_file(ROOT / "tests" / "data" / "advice" / name, ZILVERDAM).advice
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    url = f"sqlite:///{tmp_path_factory.mktemp('advice') / 'koers.db'}"
    engine = open_engine(url)
    upgrade(engine)
    saved = save_plan(engine, ZILVERDAM, source="test", user="test")
    store_register(engine, saved.plan_id, REGISTER, Actor.command_line("test"), source="test")
    return TestClient(create_app(url, today=TODAY))


def text_of(html: str) -> str:
    """The page's words, without tags, spaces folded."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.parametrize("path", ["/adviezen", *(f"/opgaven/{c.id}/u-vroeg-wij-deden" for c in ZILVERDAM.challenges)])
def test_the_pages_answer_in_dutch_without_anything_from_elsewhere(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    html = response.text
    assert '<html lang="nl">' in html and html.count("<h1") == 1 and 'id="inhoud"' in html
    assert "<script" not in html  # works without JavaScript: there is none
    assert not re.search(r"""(src|href)=["']https?://""", html)
    assert "Illustratief advies." not in html  # Zilverdam's register is not the demo's


@pytest.mark.parametrize("challenge", [c.id for c in ZILVERDAM.challenges])
def test_you_asked_we_did_lists_every_point_of_its_challenge_with_what_was_done(
    client: TestClient, challenge: str
) -> None:
    page = text_of(client.get(f"/opgaven/{challenge}/u-vroeg-wij-deden").text)
    concerned = for_challenge(REGISTER, ZILVERDAM, challenge)
    assert concerned, "every challenge of the test register has a point"
    for entry in concerned:
        assert entry.item.text[:60] in page
        response = entry.response
        if response is None:
            continue
        assert response.verdict.label() in page
        for text in (response.reason, response.follow_up):
            assert text is None or text in page
        for action_id in response.actions:
            action = next(a for a in ZILVERDAM.actions if a.id == action_id)
            assert action.name in page and action.status.label() in page  # the action and how far it is
    others = [e for e in (a for adv in REGISTER for a in adv.entries()) if e not in concerned]
    assert all(e.item.text[:60] not in page for e in others if len(e.item.text) > 20)


def test_a_goal_that_answers_a_point_is_shown_with_its_status(client: TestClient) -> None:
    html = client.get("/opgaven/thuis-in-de-wijk/u-vroeg-wij-deden").text
    loneliness = html[html.index("Eenzaamheid onder ouderen") :]
    loneliness = loneliness[: loneliness.index("</article>")]
    assert 'href="/doelen/ZD-03"' in loneliness and 'class="badge ' in loneliness
    assert "Buurtkamers in elke wijk" in loneliness  # ZD-A3, the action that follows it up


def test_the_challenge_and_goal_pages_show_their_advice(client: TestClient) -> None:
    challenge = client.get("/opgaven/gezond-en-actief").text
    assert "Advies en inbreng van inwoners" in challenge
    assert 'href="/opgaven/gezond-en-actief/u-vroeg-wij-deden"' in challenge
    assert "Geef volwassenen met een laag inkomen ook een Sportpas." in challenge
    assert "Niet overgenomen" in challenge and "Er is geen geld voor" in challenge
    goal = client.get("/doelen/ZD-02").text
    assert "Meer sportaanbod voor kinderen" in goal and "Nog geen reactie" in goal
    assert "Eenzaamheid onder ouderen" not in goal  # that theme names ZD-03
    assert "Advies en inbreng" not in client.get("/doelen/ZD-04").text  # no advice names it


def test_the_register_lists_every_advice_newest_first(client: TestClient) -> None:
    html = client.get("/adviezen").text
    positions = [html.index(f'id="advies-{a.id}"') for a in sorted(REGISTER, key=lambda a: a.date, reverse=True)]
    assert positions == sorted(positions)
    assert f"{len(REGISTER)} adviezen" in text_of(html)
    assert 'aria-current="page"' in html[: html.index("</nav>")]  # the menu marks where you are
    assert client.get("/opgaven/bestaat-niet/u-vroeg-wij-deden").status_code == 404


def test_the_api_serves_the_register_and_a_goals_advice(client: TestClient) -> None:
    register = client.get("/api/advice").json()
    assert [a["id"] for a in register["advice"]] == [
        a.id for a in sorted(REGISTER, key=lambda a: (a.date, a.id), reverse=True)
    ]
    homework = next(a for a in register["advice"] if a["id"] == "ADV-2026-01")
    assert homework["items"][1]["challenges"] == ["leren-en-opgroeien"] and homework["items"][1]["response"] is None
    goal = client.get("/api/goals/ZD-02").json()
    assert [(i["key"], i["advice"]["id"]) for i in goal["advice"]] == [
        ("ADV-2025-02/1", "ADV-2025-02"),
        ("ADV-2025-02/2", "ADV-2025-02"),
        ("ADV-2025-02/3", "ADV-2025-02"),
        ("ADV-2025-01/3", "ADV-2025-01"),
    ]


def test_the_demo_labels_its_advice_as_illustrative(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    prepare_demo(url, seed=2024, today=TODAY)
    demo = TestClient(create_app(url, today=TODAY))
    html = demo.get("/adviezen").text
    assert "Illustratief advies." in html and "Nog geen reactie" in html
    assert all(a["document"] and "Illustratief" in a["document"] for a in demo.get("/api/advice").json()["advice"])
