# SPDX-License-Identifier: EUPL-1.2
"""The public dashboard and its JSON API: every page and route, with the demo data
(illustrative, and labelled so on every page), and nothing loaded from elsewhere."""

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
from koers.planfile import read_plan
from koers.web.app import create_app
from tests.conftest import HEEMSKERK_2024

TODAY = date(2026, 11, 23)
PAGES = [
    "/",
    "/opgaven/financieel-fit",
    "/opgaven/ontmoeten-en-omzien",
    "/doelen/FF-01",
    "/doelen/OO-05",
    "/doelen/OZ-02",
    "/bbv",
    "/vergelijking",
    "/kerngetallen",
    "/methode",
    "/downloads",
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'koers.db'}"
    assert prepare_demo(url, seed=2024, today=TODAY) > 50
    return TestClient(create_app(url, today=TODAY))


@pytest.mark.parametrize("path", PAGES)
def test_every_public_page_answers_in_dutch_and_says_illustrative(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    html = response.text
    assert '<html lang="nl">' in html
    assert "Illustratieve cijfers." in html
    assert html.count("<h1") == 1
    assert 'href="#inhoud"' in html and 'id="inhoud"' in html  # skip link and its target
    assert not re.search(r"""(src|href)=["']https?://""", html)


def test_overview_shows_every_challenge_with_its_state(client: TestClient) -> None:
    html = client.get("/").text
    for challenge in read_plan(HEEMSKERK_2024).challenges:
        assert f'href="/opgaven/{challenge.id}"' in html
        assert challenge.name in html
    assert "Van de 28 doelen:" in html
    assert "€ 11.440.518" in html


def test_a_goal_page_has_chart_table_status_and_explanation(client: TestClient) -> None:
    html = client.get("/doelen/FF-01").text
    assert "In 2027 is het aantal toekenningen van minimaregelingen gestegen met 10%" in html
    assert '<figure class="chart">' in html and 'role="img"' in html
    assert "<caption>Metingen FF-01 (toekenningen)</caption>" in html
    assert "5.377 toekenningen" in html  # the baseline row, Dutch number format
    assert 'class="badge ' in html
    assert "Concepttekst, automatisch gemaakt uit de cijfers." in html


def test_a_per_wijk_goal_shows_every_wijk(client: TestClient) -> None:
    html = client.get("/doelen/OO-02").text
    for wijk in ("Hart van Heemskerk", "Broekpolder", "Duin tot Dorp"):
        assert wijk in html


def test_unknown_pages_are_a_friendly_404(client: TestClient) -> None:
    for path in ("/doelen/XX-9", "/opgaven/bestaat-niet", "/nergens"):
        response = client.get(path)
        assert response.status_code == 404
        assert "Deze pagina bestaat niet" in response.text


def test_downloads(client: TestClient) -> None:
    csv = client.get("/downloads/metingen.csv")
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    assert csv.text.splitlines()[0].startswith("goal,series,period,area,value")
    pdf = client.get("/downloads/rapportage.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_the_api_serves_what_the_pages_show(client: TestClient) -> None:
    status = client.get("/api/status").json()
    assert status["illustrative"] is True and status["period"] == "2026-H1"
    assert len(status["goals"]) == 28
    assert {"goal", "status", "reason", "latest", "expected", "target"} <= set(status["goals"][0])
    goal = client.get("/api/goals/FF-01").json()
    assert goal["goal"]["id"] == "FF-01"
    assert goal["explanation"]["concept"] is True
    assert [a["id"] for a in goal["actions"]] == ["FF-A1"]  # what is done for the goal (wat we doen)
    assert all(
        m["goal"] == "FF-01" for m in client.get("/api/measurements", params={"goal": "FF-01"}).json()["measurements"]
    )
    assert client.get("/api/goals/XX-9").status_code == 404
    assert client.get("/api/plan").json()["plan"]["municipality"]["cbs_code"] == "GM0396"


def test_the_openapi_document_describes_every_api_route_and_no_cdn_page(client: TestClient) -> None:
    document = client.get("/api/openapi.json").json()
    assert set(document["paths"]) == {
        "/api/plan",
        "/api/status",
        "/api/goals/{goal_id}",
        "/api/measurements",
        "/api/keyfigures",
        "/api/money",
        "/api/advice",
    }
    assert client.get("/docs").status_code == 404  # the Swagger page would load scripts from a CDN


def test_docs_list_every_api_route(client: TestClient) -> None:
    """docs/cli.md's table of the JSON API names exactly the routes the OpenAPI document has."""
    text = (HEEMSKERK_2024.parents[2] / "docs" / "cli.md").read_text(encoding="utf-8")
    documented = {re.sub(r"\[.*\]", "", route) for route in re.findall(r"^\| `GET (/api/[^`]+)` \|", text, re.M)}
    assert documented == set(client.get("/api/openapi.json").json()["paths"])


def test_a_database_without_a_plan_says_what_to_do(tmp_path: Path) -> None:
    from koers.store.database import open_engine
    from koers.store.migrate import upgrade

    url = f"sqlite:///{tmp_path / 'empty.db'}"
    upgrade(open_engine(url))
    response = TestClient(create_app(url)).get("/")
    assert response.status_code == 503
    assert "koers plan load" in response.text


def test_goal_page_shows_what_we_do(client: TestClient) -> None:
    html = client.get("/doelen/FF-05").text
    section = html[html.index("Wat we doen") : html.index("Over dit doel")]
    assert 'id="actie-FF-A3"' in section and "Re-integratievoorzieningen" in section
    assert "Loopt · vanaf 2024" in section
    assert "Wat we doen" not in client.get("/doelen/VW-01").text  # a goal without actions


def test_challenge_page_shows_its_actions_and_developments(client: TestClient) -> None:
    html = client.get("/opgaven/financieel-fit").text
    assert [f"actie-FF-A{n}" in html for n in range(1, 5)] == [True] * 4
    assert "OO-A1" not in html  # another challenge's action
    assert "Participatiewet in balans (landelijk)" in html


def test_the_api_gives_the_money_the_pages_show(client: TestClient) -> None:
    """Per challenge and year the three amounts, the share spent and where they came from; the
    years up to the report's, as the challenge pages show them."""
    data = client.get("/api/money").json()
    assert (data["period"], data["currency"], data["illustrative"]) == ("2026-H1", "EUR", True)
    assert [c["id"] for c in data["challenges"]] == [c.id for c in read_plan(HEEMSKERK_2024).challenges]
    for challenge in data["challenges"]:
        assert [y["year"] for y in challenge["years"]] == [2024, 2025, 2026]
        first = challenge["years"][0]
        assert set(first) == {
            "year",
            "budget",
            "revised_budget",
            "actual",
            "current_budget",
            "spent_share",
            "sources",
        }
        assert set(first["sources"]) == {"budget", "revised_budget", "actual"}
        assert first["spent_share"] == round(first["actual"] / first["current_budget"], 4)
        assert challenge["latest_year"] == 2025 and challenge["summary"].startswith("In 2025 is € ")
        assert challenge["summary"] in client.get(f"/opgaven/{challenge['id']}").text
    assert client.get("/api/plan").json()["money"]["total"]["amount"] == 45128079


def test_the_api_plan_carries_the_actions(client: TestClient) -> None:
    data = client.get("/api/plan").json()
    assert {a["id"]: a["status"] for a in data["actions"]}["OZ-A1"] == "lopend"
    assert next(c for c in data["challenges"] if c["id"] == "ontmoeten-en-omzien")["actions"] == ["OO-A1", "OO-A2"]
