# SPDX-License-Identifier: EUPL-1.2
"""The plan's actions in the editor (/beheer/acties): who may change them, a change that
becomes a new plan version with its audit row and shows on the public pages, and a change that
breaks the plan's rules refused at its field with nothing stored.

Each test gets a fresh demo database and logs in through the login form, as in test_editor.py.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
from fastapi import FastAPI

from koers.store import audit
from koers.store.plans import load_stored_plan, plan_history
from koers.store.tables import audit_log, plan_versions
from tests.web.editor_helpers import Browser, audit_rows, count, unlabelled_fields

TODAY = date(2026, 11, 23)
PAGES = ["/beheer/acties", "/beheer/acties?doel=FF-01", "/beheer/acties/nieuw", "/beheer/acties/FF-A1"]
CHANGES = ["/beheer/acties/nieuw", "/beheer/acties/FF-A1", "/beheer/acties/FF-A1/verwijderen"]
#: FF-A1 as the form shows it, with its status changed.
FF_A1 = {
    "id": "FF-A1",
    "name": "Minimaregelingen",
    "description": "Financiële ondersteuning voor inwoners met een laag inkomen.",
    "challenge": "financieel-fit",
    "goals": "FF-01, FF-02",
    "owner": "Team Inkomen",
    "partners": "Stichting Leergeld\nVoedselbank",
    "start": "2024",
    "end": "2027",
    "status": "afgerond",
    "reason": "",
    "budget": "125.000",
    "note": "",
}
NEW = {**FF_A1, "id": "FF-A9", "name": "Vroegsignalering in de wijk", "goals": "FF-03", "status": "gepland"}


def versions(app: FastAPI) -> int:
    return count(app.state.engine, plan_versions)


@pytest.mark.parametrize("path", PAGES)
def test_a_viewer_reads_the_action_pages(login: Callable[[str], Browser], path: str) -> None:
    response = login("victor").get(path)
    assert response.status_code == 200
    assert response.text.count("<h1") == 1 and unlabelled_fields(response.text) == []
    assert "Minimaregelingen" in response.text or "Een actie toevoegen" in response.text


def test_an_editor_sees_every_field_of_the_form_labelled(login: Callable[[str], Browser]) -> None:
    html = login("erik").get("/beheer/acties/FF-A1").text
    assert unlabelled_fields(html) == []
    assert 'name="reason"' in html and 'value="gestopt"' in html and "Minimaregelingen" in html


@pytest.mark.parametrize("path", CHANGES)
def test_an_action_edit_is_refused_without_the_right_role_and_nothing_changes(
    app: FastAPI, login: Callable[[str], Browser], path: str
) -> None:
    victor = login("victor")
    before = (versions(app), count(app.state.engine, audit_log))
    response = victor.post(path, NEW if path.endswith("nieuw") else FF_A1)
    assert response.status_code == 403 and "rol redacteur" in response.text
    assert (versions(app), count(app.state.engine, audit_log)) == before


@pytest.mark.parametrize("path", CHANGES)
def test_an_action_edit_without_the_csrf_token_is_refused(
    app: FastAPI, login: Callable[[str], Browser], path: str
) -> None:
    before = versions(app)
    assert login("erik").post(path, FF_A1, csrf=None).status_code == 403
    assert versions(app) == before


def test_an_editor_limited_to_one_challenge_changes_only_its_actions(
    app: FastAPI, login: Callable[[str], Browser]
) -> None:
    fleur = login("fleur")
    before = (versions(app), count(app.state.engine, audit_log))
    other = {**FF_A1, "id": "OO-A1", "name": "Ontmoeten", "challenge": "ontmoeten-en-omzien", "goals": "OO-01"}
    for path, form in (
        ("/beheer/acties/OO-A1", other),
        ("/beheer/acties/OO-A1/verwijderen", {}),
        ("/beheer/acties/nieuw", {**other, "id": "OO-A9"}),
        ("/beheer/acties/FF-A1", {**FF_A1, "goals": "FF-01, OO-01"}),  # taking an action into another challenge
    ):
        response = fleur.post(path, form)
        assert response.status_code == 403, path
        assert "alleen gegevens wijzigen van deze opgaven: financieel-fit" in response.text
    assert (versions(app), count(app.state.engine, audit_log)) == before
    assert "U kunt deze actie bekijken, maar niet wijzigen." in fleur.get("/beheer/acties/OO-A1").text
    assert fleur.post("/beheer/acties/FF-A1", FF_A1).status_code == 303  # its own challenge


def test_an_allowed_edit_is_a_new_plan_version_on_the_public_page_with_its_audit_row(
    app: FastAPI, login: Callable[[str], Browser]
) -> None:
    engine = app.state.engine
    erik = login("erik")
    old_version = load_stored_plan(engine).version
    assert "Team Inkomen" not in erik.get("/doelen/FF-01").text
    started = datetime.now(UTC)
    saved = erik.post("/beheer/acties/FF-A1", FF_A1)
    assert saved.status_code == 303 and saved.headers["location"] == "/beheer/acties?opgeslagen=FF-A1"
    assert "nieuwe versie van het plan" in erik.get(saved.headers["location"]).text
    stored = load_stored_plan(engine)
    assert stored.version == old_version + 1
    assert plan_history(engine)[-1]["loaded_by"] == "erik"
    action = next(a for a in stored.plan.actions if a.id == "FF-A1")
    assert (action.status.value, action.owner, action.partners, action.budget) == (
        "afgerond",
        "Team Inkomen",
        ["Stichting Leergeld", "Voedselbank"],
        125000.0,
    )
    public = erik.get("/doelen/FF-01").text
    assert "Team Inkomen" in public and "Afgerond" in public and "Voedselbank" in public
    [row] = audit_rows(engine, audit.ACTION_CHANGE)
    entry = next(e for e in audit.entries(engine) if e.id == row.id)
    assert (entry.username, entry.target) == ("erik", "FF-A1")
    assert started - timedelta(seconds=1) <= entry.at <= datetime.now(UTC)
    assert entry.old_value["status"] == "lopend" and "owner" not in entry.old_value
    assert entry.new_value["status"] == "afgerond" and entry.new_value["owner"] == "Team Inkomen"
    assert entry.details == {"version": stored.version}
    log = erik.get("/beheer/logboek").text
    assert "actie gewijzigd" in log and "trekker: Team Inkomen" in log
    again = erik.post("/beheer/acties/FF-A1", FF_A1)  # the same again: no new version, no audit row
    assert again.status_code == 303 and load_stored_plan(engine).version == stored.version
    assert len(audit_rows(engine, audit.ACTION_CHANGE)) == 1


def test_an_action_is_added_then_removed_each_a_version_with_its_audit_row(
    app: FastAPI, login: Callable[[str], Browser]
) -> None:
    engine = app.state.engine
    erik = login("erik")
    first = load_stored_plan(engine).version
    assert erik.post("/beheer/acties/nieuw", NEW).status_code == 303
    assert "Vroegsignalering in de wijk" in erik.get("/doelen/FF-03").text
    assert erik.get("/beheer/acties/FF-A9/verwijderen").status_code == 200
    assert erik.post("/beheer/acties/FF-A9/verwijderen", {}).status_code == 303
    assert "Vroegsignalering in de wijk" not in erik.get("/doelen/FF-03").text
    assert load_stored_plan(engine).version == first + 2
    [added] = audit_rows(engine, audit.ACTION_ADD)
    [removed] = audit_rows(engine, audit.ACTION_REMOVE)
    assert added.old_value is None and '"FF-A9"' in added.new_value
    assert '"FF-A9"' in removed.old_value and removed.new_value is None
    assert erik.post("/beheer/acties/FF-A9/verwijderen", {}).status_code == 404


def test_a_stopped_action_without_a_reason_is_refused_at_the_field_and_nothing_is_saved(
    app: FastAPI, login: Callable[[str], Browser]
) -> None:
    erik = login("erik")
    before = (versions(app), count(app.state.engine, audit_log))
    response = erik.post("/beheer/acties/FF-A1", {**FF_A1, "status": "gestopt", "reason": " "})
    assert response.status_code == 422
    field = response.text.split('id="f-reason-error"')[1].split("</p>")[0]
    assert "Bij een gestopte actie hoort een reden." in field
    assert 'aria-describedby="f-reason-hint f-reason-error" aria-invalid="true"' in response.text
    assert 'href="#f-reason"' in response.text  # the summary links to the field
    assert 'value="gestopt" selected' in response.text  # what was typed is kept
    assert (versions(app), count(app.state.engine, audit_log)) == before


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"goals": "FF-01, XX-99"}, "goals", "Er is geen doel met code &#39;XX-99&#39;."),
        ({"start": "2028", "end": "2025"}, "end", "De actie eindigt (2025) voordat hij begint (2028)."),
        ({"budget": "veel"}, "budget", "&#39;veel&#39; is geen bedrag."),
        ({"name": ""}, "name", "Dit veld is leeg."),
        ({"challenge": "", "goals": ""}, "challenge", "De actie hoort bij geen opgave en geen doel."),
        ({"id": "FF-A2"}, "id", "FF-A2"),  # a new action with an id another action has
    ],
)
def test_an_action_that_breaks_the_plans_rules_is_refused_at_its_field(
    app: FastAPI, login: Callable[[str], Browser], change: dict[str, str], field: str, message: str
) -> None:
    before = versions(app)
    response = login("erik").post("/beheer/acties/nieuw", {**NEW, **change})
    assert response.status_code == 422
    assert message in response.text.split(f'id="f-{field}-error"')[1].split("</p>")[0]
    assert versions(app) == before


def test_an_unknown_action_is_not_found(login: Callable[[str], Browser]) -> None:
    erik = login("erik")
    assert erik.get("/beheer/acties/XX-A1").status_code == 404
    assert erik.post("/beheer/acties/XX-A1", FF_A1).status_code == 404
