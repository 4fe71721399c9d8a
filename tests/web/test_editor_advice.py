# SPDX-License-Identifier: EUPL-1.2
"""The advice register in the editor (/beheer/adviezen): an advice with its points and a
response with its follow-up round trip to the public pages; every change needs the role
participation (or admin), is refused otherwise with nothing stored, and is logged with the role
that made it; a mistake is shown at its field with nothing stored.

Each test gets a fresh demo database and logs in through the login form (tests/web/conftest.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from fastapi import FastAPI

from koers.store import audit
from koers.store.tables import advice, advice_responses, audit_log, measurements
from tests.web.editor_helpers import Browser, audit_rows, count, unlabelled_fields

#: An advice of the participation council as the form sends it: two points, the first with
#: links of its own, and an empty point at the end (the form offers room for more).
IJMOND_PAS = {
    "id": "PR-2024-07",
    "kind": "ongevraagd",
    "date": "12-6-2024",
    "subject": "Nader onderzoek naar de IJmond Pas",
    "document": "Richtinggevend advies IJmond Pas",
    "challenges": "financieel-fit",
    "goals": "FF-01, FF-02",
    "version": "0",
    "items-1-kind": "adviespunt",
    "items-1-text": "Doe nader onderzoek naar de kosten en baten van één IJmond Pas voor alle inwoners.",
    "items-1-goals": "FF-01",
    "items-2-kind": "adviespunt",
    "items-2-text": "Ga actief op zoek naar 'verscholen armen'.",
    "items-3-kind": "adviespunt",
    "items-3-text": "",
}
RESPONSE = {
    "verdict": "deels-overgenomen",
    "reason": "Eerst brengen de drie gemeenten samen de kosten in beeld.",
    "date": "2-9-2024",
    "actions": "FF-A1",
    "follow_up": "Het onderzoek naar de kosten is in 2025 klaar.",
}
CHANGES = ["/beheer/adviezen/nieuw", "/beheer/adviezen/PR-2024-07", "/beheer/adviezen/PR-2024-07/punten/1"]


def stored(app: FastAPI) -> tuple[int, int, int]:
    engine = app.state.engine
    return count(engine, advice), count(engine, advice_responses), count(engine, audit_log)


@pytest.mark.parametrize("path", ["/beheer/adviezen", "/beheer/adviezen/nieuw"])
def test_a_viewer_reads_the_advice_pages(login: Callable[[str], Browser], path: str) -> None:
    response = login("victor").get(path)
    assert response.status_code == 200 and response.text.count("<h1") == 1
    assert unlabelled_fields(response.text) == []
    assert "Alleen een account met de rol participatie of beheerder" in response.text


def test_an_advice_and_its_response_round_trip_to_the_public_pages(login: Callable[[str], Browser]) -> None:
    petra = login("petra")
    form = petra.get("/beheer/adviezen/nieuw").text
    assert unlabelled_fields(form) == [] and 'name="items-3-text"' in form  # room for three points
    saved = petra.post("/beheer/adviezen/nieuw", IJMOND_PAS)
    assert saved.status_code == 303 and saved.headers["location"] == "/beheer/adviezen?opgeslagen=PR-2024-07"
    listed = petra.get(saved.headers["location"]).text
    assert "Opgeslagen." in listed and "verscholen armen" in listed and "Reactie geven" in listed
    answered = petra.post("/beheer/adviezen/PR-2024-07/punten/1", RESPONSE)
    assert answered.status_code == 303 and answered.headers["location"].endswith("reactie=PR-2024-07/1")

    public = petra.client  # the same app, without the editor's cookie path
    you_asked = public.get("/opgaven/financieel-fit/u-vroeg-wij-deden").text
    assert "Nader onderzoek naar de IJmond Pas" in you_asked
    assert "Deels overgenomen" in you_asked and RESPONSE["reason"] in you_asked and RESPONSE["follow_up"] in you_asked
    assert "Minimaregelingen" in you_asked and 'href="/doelen/FF-01"' in you_asked  # the action and the goal
    assert "Nog geen reactie" in you_asked  # the second point
    goal = public.get("/doelen/FF-02").text
    assert "verscholen armen" in goal and "Doe nader onderzoek" not in goal  # point 1 names FF-01 only
    register = public.get("/adviezen").text
    assert 'id="advies-PR-2024-07"' in register
    assert "Ongevraagd advies van de participatieraad, 12 juni 2024" in register
    api = public.get("/api/advice").json()["advice"]
    mine = next(a for a in api if a["id"] == "PR-2024-07")
    assert mine["date"] == "2024-06-12" and mine["items"][0]["response"]["actions"] == ["FF-A1"]
    assert mine["items"][1]["response"] is None and mine["items"][1]["goals"] == ["FF-01", "FF-02"]


def test_every_change_is_logged_with_the_role_that_made_it(login: Callable[[str], Browser], app: FastAPI) -> None:
    petra, anna = login("petra"), login("anna")
    assert petra.post("/beheer/adviezen/nieuw", IJMOND_PAS).status_code == 303
    assert anna.post("/beheer/adviezen/PR-2024-07/punten/2", {**RESPONSE, "actions": ""}).status_code == 303
    [added] = audit_rows(app.state.engine, audit.ADVICE_ADD)[-1:]
    assert added.target == "PR-2024-07" and json.loads(added.details)["role"] == "participation"
    assert json.loads(added.new_value)["items"][1]["text"] == IJMOND_PAS["items-2-text"]
    [responded] = audit_rows(app.state.engine, audit.ADVICE_RESPONSE)[-1:]
    assert responded.target == "PR-2024-07/2" and json.loads(responded.details)["role"] == "admin"
    log = anna.get("/beheer/logboek").text
    assert "advies toegevoegd" in log and "rol: participatie" in log and "rol: beheerder" in log


@pytest.mark.parametrize("username", ["erik", "fleur", "victor"])
def test_a_change_without_the_role_is_refused_and_nothing_is_stored(
    login: Callable[[str], Browser], app: FastAPI, username: str
) -> None:
    login("petra").post("/beheer/adviezen/nieuw", IJMOND_PAS)
    before = stored(app)
    browser = login(username)
    for path in CHANGES:
        data = IJMOND_PAS if "punten" not in path else RESPONSE
        refused = browser.post(path, {**data, "version": "1"})
        assert refused.status_code == 403, path
        assert "participatie" in refused.text and "Er is niets gewijzigd." in refused.text
    assert stored(app)[:2] == before[:2]
    assert stored(app)[2] == before[2] + 1  # only the account made for the login
    assert "Reactie geven" not in browser.get("/beheer/adviezen").text


def test_the_participation_role_changes_no_figures(login: Callable[[str], Browser], app: FastAPI) -> None:
    petra = login("petra")
    before = count(app.state.engine, measurements)
    form = {"goal": "FF-01", "period": "2026-H1", "area": "GM0396", "value": "5600", "status": "final"}
    assert petra.post("/beheer/meting", form).status_code == 403
    assert petra.post("/beheer/acties/FF-A1", {"id": "FF-A1", "name": "x", "status": "gepland"}).status_code == 403
    assert count(app.state.engine, measurements) == before


def test_a_form_without_its_token_is_refused(login: Callable[[str], Browser], app: FastAPI) -> None:
    before = stored(app)
    assert login("petra").post("/beheer/adviezen/nieuw", IJMOND_PAS, csrf=None).status_code == 403
    assert stored(app)[:2] == before[:2]


def test_mistakes_are_shown_at_their_fields_and_nothing_is_stored(
    login: Callable[[str], Browser], app: FastAPI
) -> None:
    petra = login("petra")
    before = stored(app)
    wrong: dict[str, Any] = {**IJMOND_PAS, "goals": "FF-01, FF-99", "date": "31-2-2024", "items-1-text": ""}
    shown = petra.post("/beheer/adviezen/nieuw", wrong)
    assert shown.status_code == 422 and stored(app) == before
    for field in ("goals", "date", "items-1-text"):
        assert f'id="f-{field}-error"' in shown.text and f'href="#f-{field}"' in shown.text, field
    assert "Er is geen doel met code &#39;FF-99&#39;." in shown.text
    assert 'value="FF-01, FF-99"' in shown.text  # what was typed stays

    assert petra.post("/beheer/adviezen/nieuw", IJMOND_PAS).status_code == 303
    after_advice = stored(app)
    unreasoned = petra.post("/beheer/adviezen/PR-2024-07/punten/1", {**RESPONSE, "reason": "", "actions": "FF-A9"})
    assert unreasoned.status_code == 422 and stored(app) == after_advice
    assert 'id="f-reason-error"' in unreasoned.text and 'id="f-actions-error"' in unreasoned.text
    early = petra.post("/beheer/adviezen/PR-2024-07/punten/1", {**RESPONSE, "date": "2024-05-01"})
    assert early.status_code == 422 and 'id="f-date-error"' in early.text and stored(app) == after_advice


def test_an_edit_keeps_the_code_and_the_responses_and_refuses_a_stale_form(
    login: Callable[[str], Browser], app: FastAPI
) -> None:
    petra = login("petra")
    petra.post("/beheer/adviezen/nieuw", IJMOND_PAS)
    petra.post("/beheer/adviezen/PR-2024-07/punten/1", RESPONSE)
    page = petra.get("/beheer/adviezen/PR-2024-07").text
    assert 'name="version" value="1"' in page and "Deels overgenomen" not in page  # the form is the council's part
    edited = {**IJMOND_PAS, "id": "ANDERS", "version": "1", "subject": "IJmond Pas: onderzoek naar kosten en baten"}
    assert petra.post("/beheer/adviezen/PR-2024-07", edited).status_code == 303
    listed = petra.get("/beheer/adviezen").text
    assert "IJmond Pas: onderzoek naar kosten en baten" in listed and "ANDERS" not in listed
    assert "versie 2" in listed and "Deels overgenomen" in listed  # the response stayed with its point
    stale = petra.post("/beheer/adviezen/PR-2024-07", {**edited, "subject": "Nog iets anders"})
    assert stale.status_code == 422 and "Iemand anders heeft dit advies net gewijzigd." in stale.text
    shorter = petra.post("/beheer/adviezen/PR-2024-07", {**edited, "version": "2", "items-2-text": ""})
    assert shorter.status_code == 303  # point 2 had no response: it may go
    empty = {**edited, "version": "3", "items-1-text": "", "items-1-goals": "", "items-2-text": ""}
    gone = petra.post("/beheer/adviezen/PR-2024-07", empty)
    assert gone.status_code == 422 and "Het advies heeft nog geen punten." in gone.text
    answered_goes = petra.post("/beheer/adviezen/PR-2024-07", {**empty, "items-2-text": "Iets anders."})
    assert answered_goes.status_code == 422 and "Dit veld is leeg." in answered_goes.text  # point 1 cannot be empty


def test_a_point_with_a_response_cannot_be_dropped(login: Callable[[str], Browser], app: FastAPI) -> None:
    petra = login("petra")
    petra.post("/beheer/adviezen/nieuw", IJMOND_PAS)
    petra.post("/beheer/adviezen/PR-2024-07/punten/2", {**RESPONSE, "verdict": "overgenomen", "reason": ""})
    before = stored(app)
    dropped = petra.post("/beheer/adviezen/PR-2024-07", {**IJMOND_PAS, "version": "1", "items-2-text": ""})
    assert dropped.status_code == 422 and stored(app) == before
    assert 'id="f-items-2-text-error"' in dropped.text
    assert "Punt 2 heeft al een reactie van de gemeente en kan niet weg." in dropped.text
