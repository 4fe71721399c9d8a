# SPDX-License-Identifier: EUPL-1.2
"""Figures that are not there on the dashboard, in the JSON API and in the editor, and latest
figures that are out of date marked 'verouderd'.

The database holds the Heemskerk plan and ``tests/data/imports/heemskerk-2024-unavailable.csv``
(n.b., n.n.b. and n.v.t. cells with their reasons); the dashboard reports on 2026-H1, so
FF-02's only figure (2024, yearly) is out of date.
"""

from __future__ import annotations

import html as html_text
import warnings
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from fastapi import FastAPI

from koers.domain.measurements import Unavailable
from koers.store import audit
from koers.store.accounts import create_user
from koers.store.measurements import current
from koers.store.plans import load_stored_plan
from koers.web.app import create_app
from tests.conftest import HEEMSKERK_2024
from tests.store.conftest import koers
from tests.web.editor_helpers import PASSWORD, USERS, Browser, audit_rows, unlabelled_fields

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

TABLE = Path(__file__).resolve().parents[1] / "data" / "imports" / "heemskerk-2024-unavailable.csv"
REASON = "cijfer wordt door CBS niet meer gepubliceerd"
TODAY = date(2026, 8, 1)
FIGURE = {"goal": "FF-01", "period": "2025-H1", "area": "GM0396", "value": "", "status": "final"}


@pytest.fixture
def app(tmp_path: Path) -> FastAPI:
    url = f"sqlite:///{tmp_path / 'koers.db'}"
    assert koers(url, "db", "upgrade")[0] == 0
    assert koers(url, "plan", "load", str(HEEMSKERK_2024))[0] == 0
    assert koers(url, "import", str(TABLE))[0] == 0
    return create_app(url, today=TODAY)


@pytest.fixture
def login(app: FastAPI) -> Callable[[str], Browser]:
    def signed_in(username: str) -> Browser:
        role, challenges = USERS[username]
        create_user(app.state.engine, username, PASSWORD, role=role, challenges=challenges, display_name=username)
        browser = Browser(app)
        assert browser.login(username).status_code == 303
        return browser

    return signed_in


# -- the public pages and the API --------------------------------------------------------------


def test_the_goal_page_shows_code_and_reason(app: FastAPI) -> None:
    page = html_text.unescape(TestClient(app).get("/doelen/VW-01").text)
    assert f'<td class="num">n.b. ({REASON})</td>' in page
    assert "n.a. (geen scholen in dit gebied)" in html_text.unescape(TestClient(app).get("/doelen/OO-05").text)


def test_an_out_of_date_latest_figure_is_marked(app: FastAPI) -> None:
    client = TestClient(app)
    rows = client.get("/opgaven/financieel-fit").text.split("<tr>")
    ff02 = next(r for r in rows if 'href="/doelen/FF-02"' in r)
    ff01 = next(r for r in rows if 'href="/doelen/FF-01"' in r)
    assert 'class="tag stale"' in ff02 and ">verouderd<" in ff02
    assert "verouderd" not in ff01
    verdict = next(p for p in client.get("/doelen/FF-02").text.split("<p") if 'class="verdict"' in p)
    assert ">verouderd<" in verdict


def test_the_api_gives_null_with_the_code(app: FastAPI) -> None:
    client = TestClient(app)
    [vw01] = client.get("/api/goals/VW-01").json()["measurements"]
    assert (vw01["value"], vw01["unavailable"], vw01["note"]) == (None, "n.b.", REASON)
    listed = client.get("/api/measurements", params={"goal": "FF-01"}).json()["measurements"]
    assert {m["period"]: m["unavailable"] for m in listed} == {"2023-H2": None, "2024-H1": None, "2024-H2": "n.n.b."}
    status = {g["goal"]: g for g in client.get("/api/status").json()["goals"]}
    assert status["FF-02"]["stale"] is True and status["FF-01"]["stale"] is False
    assert all("stale" in area for g in status.values() for area in g["areas"])


# -- the editor --------------------------------------------------------------------------------


def test_the_form_offers_a_reason_why_there_is_no_figure(login: Callable[[str], Browser]) -> None:
    form = login("erik").get("/beheer/meting").text
    assert '<select id="f-unavailable" name="unavailable"' in form
    for code in Unavailable:
        assert f'<option value="{code.value}">{code.value} ({code.label()})</option>' in form
    assert unlabelled_fields(form) == []


def test_a_figure_that_is_not_there_needs_a_reason(app: FastAPI, login: Callable[[str], Browser]) -> None:
    erik = login("erik")
    response = erik.post("/beheer/meting", {**FIGURE, "unavailable": "n.n.b.", "note": ""})
    assert response.status_code == 422
    assert "Bij een cijfer dat er niet is, hoort een reden." in html_text.unescape(response.text)
    both = erik.post("/beheer/meting", {**FIGURE, "value": "5600", "unavailable": "n.b.", "note": "x"})
    assert both.status_code == 422 and "U hebt een waarde ingevuld en ook gekozen" in html_text.unescape(both.text)


def test_a_figure_that_is_not_there_is_previewed_stored_and_shown(
    app: FastAPI, login: Callable[[str], Browser]
) -> None:
    engine = app.state.engine
    browser = login("erik")
    typed = {**FIGURE, "unavailable": "n.n.b.", "note": "Suite4SD levert in oktober"}
    preview = browser.post("/beheer/meting", typed)
    assert preview.status_code == 200
    assert "n.n.b. (Suite4SD levert in oktober)" in html_text.unescape(preview.text)
    stored = browser.post("/beheer/meting/opslaan", {**typed, "actie": "opslaan"})
    assert stored.status_code == 303
    kept = next(m for m in current(engine, load_stored_plan(engine).id, subject="FF-01") if m.period.code == "2025-H1")
    assert (kept.value, kept.unavailable, kept.note) == (None, Unavailable.NOT_YET_KNOWN, "Suite4SD levert in oktober")
    [row] = audit_rows(engine, audit.MEASUREMENT_ENTER)
    entry = next(e for e in audit.entries(engine) if e.id == row.id)
    assert (entry.new_value["value"], entry.new_value["unavailable"]) == (None, "n.n.b.")
    assert "n.n.b. (Suite4SD levert in oktober)" in html_text.unescape(browser.get("/doelen/FF-01").text)


def test_a_typed_figure_inside_the_baseline_period_is_a_warning(login: Callable[[str], Browser]) -> None:
    preview = login("erik").post("/beheer/meting", {**FIGURE, "period": "2023-Q4", "value": "2700", "note": ""})
    assert preview.status_code == 200
    assert "valt binnen de periode van de nulmeting (2023)" in html_text.unescape(preview.text)


def test_an_uploaded_file_shows_its_warnings(login: Callable[[str], Browser]) -> None:
    upload = login("erik").post("/beheer/import", files={"bestand": (TABLE.name, TABLE.read_bytes(), "text/csv")})
    page = html_text.unescape(upload.text)
    assert upload.status_code == 200 and "Let op: deze rijen worden wel opgeslagen" in page
    assert "Dit cijfer van FF-01 over 2023-H2 valt binnen de periode van de nulmeting (2023)." in page
