# SPDX-License-Identifier: EUPL-1.2
"""One huge stored figure does not take the site down (issue 15).

Two figures of about 1e155 once made the forecast overflow, and every public page, the API and
every editor page answered 500, so the editor could not even repair them from the web. Here the
figures are written into the database directly (as data from before the importer's limits, or
from a path around it): every page still answers, the goal says it cannot be assessed and why,
and the editor refuses such a figure at its field, with the importer's limit.
"""

from __future__ import annotations

import html as html_text
from collections.abc import Callable

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import update

from koers.store.tables import measurements
from tests.web.editor_helpers import Browser, count

GOAL = "FF-01"
HUGE = 1e155
PUBLIC = ["/", "/opgaven/financieel-fit", f"/doelen/{GOAL}", "/api/status", f"/api/goals/{GOAL}", "/downloads"]
EDITOR = ["/beheer", "/beheer/meting", f"/beheer/toelichting/{GOAL}"]


@pytest.fixture
def huge(app: FastAPI) -> FastAPI:
    """The demo with every figure of FF-01 set to 1e155, around the importer."""
    with app.state.engine.begin() as connection:
        changed = connection.execute(
            update(measurements)
            .where(measurements.c.subject == GOAL, measurements.c.value.is_not(None))
            .values(value=HUGE)
        ).rowcount
    assert changed >= 2
    return app


@pytest.mark.parametrize("path", PUBLIC)
def test_every_public_page_and_the_api_still_answer(huge: FastAPI, path: str) -> None:
    assert TestClient(huge).get(path).status_code == 200


@pytest.mark.parametrize("path", EDITOR)
def test_every_editor_page_still_answers(huge: FastAPI, login: Callable[[str], Browser], path: str) -> None:
    assert login("erik").get(path).status_code == 200


def test_the_goal_says_it_cannot_be_assessed_and_has_no_forecast(huge: FastAPI) -> None:
    page = html_text.unescape(TestClient(huge).get(f"/doelen/{GOAL}").text)
    assert "Daarmee kan koers niet rekenen, dus is het doel niet te beoordelen." in page
    assert "Geen prognose: met deze cijfers kan koers niet rekenen." in page
    status = {g["goal"]: g for g in TestClient(huge).get("/api/status").json()["goals"]}
    assert (status[GOAL]["status"], status[GOAL]["forecast"]) == ("no_data", None)


def test_the_editor_refuses_such_a_figure_at_its_field_with_the_limit(
    huge: FastAPI, login: Callable[[str], Browser]
) -> None:
    before = count(huge.state.engine)
    form = {"goal": GOAL, "period": "2026-H1", "area": "GM0396", "value": "1e155", "status": "final"}
    response = login("erik").post("/beheer/meting", form)
    assert response.status_code == 422
    assert "1e+155 kan niet: hier past een getal van 0 tot en met 10.000.000.000." in html_text.unescape(response.text)
    assert count(huge.state.engine) == before
