# SPDX-License-Identifier: EUPL-1.2
"""The editor (/beheer) behind its login: who may see and do what, CSRF, the login limit,
sessions, and every change from form to public page, with its audit row.

Each test gets a fresh demo database (SQLite; the store tests run the same store code on
PostgreSQL too) and logs in through the login form, as a person would.
"""

from __future__ import annotations

import html as html_text
import io
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
from fastapi import FastAPI
from openpyxl import Workbook
from sqlalchemy import update
from sqlalchemy.exc import DBAPIError

from koers.store import audit
from koers.store.accounts import create_user
from koers.store.tables import audit_log, sessions
from koers.web.auth import AuthSettings
from tests.web.editor_helpers import PASSWORD, Browser, audit_rows, count, csrf_of, unlabelled_fields

TODAY = date(2026, 11, 23)
PAGES = [
    "/beheer",
    "/beheer/meting",
    "/beheer/import",
    "/beheer/toelichting/FF-01",
    "/beheer/periodes",
    "/beheer/logboek",
    "/beheer/uitloggen",
]
CHANGES = [
    "/beheer/meting",
    "/beheer/meting/opslaan",
    "/beheer/import",
    "/beheer/import/opslaan",
    "/beheer/toelichting/FF-01",
    "/beheer/periodes",
]
MEASUREMENT = {
    "goal": "FF-01",
    "period": "2026-H1",
    "area": "GM0396",
    "value": "6123",
    "status": "final",
    "source": "Suite4SD",
    "source_ref": "rapportage juli 2026",
    "note": "",
}
UPLOAD = ("metingen.csv", b"goal,period,area,value\n", "text/csv")


def files_for(path: str) -> dict[str, tuple[str, bytes, str]] | None:
    return {"bestand": UPLOAD} if path == "/beheer/import" else None


# -- no login, the wrong role, no CSRF token ----------------------------------------------


@pytest.mark.parametrize("path", PAGES)
def test_every_editor_page_sends_a_visitor_to_the_login(app: FastAPI, path: str) -> None:
    response = Browser(app).get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/beheer/inloggen?terug=%2Fbeheer")


@pytest.mark.parametrize("path", [*CHANGES, "/beheer/uitloggen"])
def test_every_editor_post_without_a_login_is_refused(app: FastAPI, path: str) -> None:
    before = count(app.state.engine)
    response = Browser(app).post(path, MEASUREMENT, csrf="verzonnen", files=files_for(path))
    assert response.status_code == 401
    assert "niet (meer) ingelogd" in response.text
    assert count(app.state.engine) == before and count(app.state.engine, audit_log) == 0


@pytest.mark.parametrize("path", PAGES)
def test_a_viewer_reads_every_editor_page(login: Callable[[str], Browser], path: str) -> None:
    response = login("victor").get(path)
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store" and response.headers["x-frame-options"] == "DENY"
    html = response.text
    assert html.count("<h1") == 1 and '<html lang="nl">' in html
    assert unlabelled_fields(html) == []


@pytest.mark.parametrize("path", CHANGES)
def test_a_viewer_changes_nothing(app: FastAPI, login: Callable[[str], Browser], path: str) -> None:
    victor = login("victor")
    before = count(app.state.engine, audit_log)
    response = victor.post(
        path,
        {**MEASUREMENT, "tekst": "Iets.", "periode": "2026-H1", "status": "vastgesteld", "actie": "opslaan"},
        files=files_for(path),
    )
    assert response.status_code == 403
    assert "rol redacteur" in response.text or "rol beheerder" in response.text
    assert count(app.state.engine, audit_log) == before


@pytest.mark.parametrize("token", [None, "verzonnen"], ids=["no-token", "wrong-token"])
@pytest.mark.parametrize("path", [*CHANGES, "/beheer/uitloggen"])
def test_a_post_without_the_sessions_csrf_token_is_refused(
    app: FastAPI, login: Callable[[str], Browser], path: str, token: str | None
) -> None:
    browser = login("anna")
    before = (count(app.state.engine), count(app.state.engine, audit_log))
    response = browser.post(
        path,
        {**MEASUREMENT, "tekst": "Iets.", "periode": "2026-H1", "status": "vastgesteld", "actie": "opslaan"},
        csrf=token,
        files=files_for(path),
    )
    assert response.status_code == 403
    assert "formulier is verlopen" in response.text
    assert (count(app.state.engine), count(app.state.engine, audit_log)) == before
    assert browser.get("/beheer").status_code == 200  # still logged in: logout needs the token too


def test_another_sessions_csrf_token_is_refused(app: FastAPI, login: Callable[[str], Browser]) -> None:
    anna, erik = login("anna"), login("erik")
    response = anna.post("/beheer/meting", MEASUREMENT, csrf=erik.csrf())
    assert response.status_code == 403


def test_the_login_form_needs_its_own_token(app: FastAPI) -> None:
    create_user(app.state.engine, "anna", PASSWORD, role="admin")
    browser = Browser(app)
    browser.get("/beheer/inloggen")
    response = browser.client.post(
        "/beheer/inloggen",
        data={"username": "anna", "password": PASSWORD, "csrf_token": "verzonnen"},
        follow_redirects=False,
    )
    assert response.status_code == 403 and "koers_sessie" not in response.headers.get("set-cookie", "")


# -- logging in and out, sessions, cookies ------------------------------------------------


def test_a_wrong_password_is_refused_with_a_message_at_the_fields(app: FastAPI) -> None:
    create_user(app.state.engine, "anna", PASSWORD, role="admin")
    response = Browser(app).login("anna", "niet het goede wachtwoord")
    assert response.status_code == 401
    assert "De gebruikersnaam of het wachtwoord klopt niet." in response.text
    assert 'id="f-login-error"' in response.text
    assert re.search(r'id="f-password"[^>]*aria-describedby="f-login-error"', response.text)
    assert "koers_sessie" not in response.headers.get("set-cookie", "")
    assert "niet het goede wachtwoord" not in response.text


def test_five_wrong_passwords_lock_the_login_with_the_waiting_time(app: FastAPI) -> None:
    create_user(app.state.engine, "anna", PASSWORD, role="admin")
    browser = Browser(app)
    answers = [browser.login("anna", f"fout {i}") for i in range(5)]
    assert [a.status_code for a in answers] == [401, 401, 401, 401, 429]
    assert "Wacht 15 minuten en probeer het dan opnieuw." in answers[-1].text
    locked = browser.login("anna", PASSWORD)
    assert locked.status_code == 429 and int(locked.headers["retry-after"]) > 14 * 60
    create_user(app.state.engine, "erik", PASSWORD, role="editor")
    assert browser.login("erik").status_code == 303  # the limit is per user name


def test_the_session_cookie_flags(app: FastAPI) -> None:
    create_user(app.state.engine, "anna", PASSWORD, role="admin")
    cookie = Browser(app).login("anna").headers["set-cookie"]
    assert "koers_sessie=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert "Path=/beheer" in cookie and "Secure" in cookie and "Max-Age=28800" in cookie
    local = Browser(app, base_url="http://127.0.0.1:8000").login("anna").headers["set-cookie"]
    assert "HttpOnly" in local and "Secure" not in local  # plain http on this computer
    assert "Secure" in Browser(app, base_url="http://dashboard.example").get("/beheer/inloggen").headers["set-cookie"]
    app.state.auth_settings = AuthSettings(secure_cookies=True)
    assert "Secure" in Browser(app, base_url="http://127.0.0.1:8000").get("/beheer/inloggen").headers["set-cookie"]


def test_a_session_ends_after_eight_hours(app: FastAPI, login: Callable[[str], Browser]) -> None:
    browser = login("anna")
    assert browser.get("/beheer").status_code == 200
    with app.state.engine.begin() as conn:
        conn.execute(update(sessions).values(expires_at=datetime.now(UTC) - timedelta(seconds=1)))
    response = browser.get("/beheer", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/beheer/inloggen")


def test_logout_ends_the_session(app: FastAPI, login: Callable[[str], Browser]) -> None:
    browser = login("anna")
    token = browser.client.cookies["koers_sessie"]
    response = browser.post("/beheer/uitloggen")
    assert response.status_code == 303 and response.headers["location"] == "/beheer/inloggen?uitgelogd=1"
    assert "U bent uitgelogd." in browser.get("/beheer/inloggen?uitgelogd=1").text
    assert count(app.state.engine, sessions) == 0
    browser.client.cookies.set("koers_sessie", token, domain="testserver", path="/beheer")
    assert browser.get("/beheer", follow_redirects=False).status_code == 303


def test_after_login_only_an_editor_page_is_a_destination(app: FastAPI) -> None:
    create_user(app.state.engine, "anna", PASSWORD, role="admin")
    assert Browser(app).login("anna", terug="/beheer/periodes").headers["location"] == "/beheer/periodes"
    for elsewhere in ("https://kwaadwillend.example/", "//kwaadwillend.example", "/doelen/FF-01"):
        assert Browser(app).login("anna", terug=elsewhere).headers["location"] == "/beheer"


def test_the_footer_links_to_the_editor_and_shows_who_is_logged_in(
    app: FastAPI, login: Callable[[str], Browser]
) -> None:
    assert '<a href="/beheer">Inloggen voor medewerkers</a>' in Browser(app).get("/").text
    html = login("anna").get("/beheer").text
    assert "Ingelogd als Anna" in html and '<a href="/beheer/uitloggen">Uitloggen</a>' in html


def test_the_login_page_says_how_to_make_the_first_account(app: FastAPI) -> None:
    html = Browser(app).get("/beheer/inloggen").text
    assert "koers user add NAAM --role admin" in html and unlabelled_fields(html) == []


# -- a measurement: preview, confirm, public page -----------------------------------------


def test_a_measurement_is_previewed_then_stored_and_shown_on_the_public_page(
    app: FastAPI, login: Callable[[str], Browser]
) -> None:
    engine = app.state.engine
    browser = login("erik")
    assert "6.123" not in browser.get("/doelen/FF-01").text
    before = count(engine)
    preview = browser.post("/beheer/meting", MEASUREMENT)
    assert preview.status_code == 200
    assert "Verbetering." in preview.text and "Uw meting wordt versie 2" in preview.text
    assert "5.706 toekenningen → 6.123 toekenningen" in preview.text
    assert count(engine) == before and audit_rows(engine, audit.MEASUREMENT_ENTER) == []  # a preview stores nothing
    stored = browser.post("/beheer/meting/opslaan", {**MEASUREMENT, "actie": "opslaan"})
    assert stored.status_code == 303 and stored.headers["location"] == "/beheer/meting?opgeslagen=FF-01"
    assert "De meting van FF-01 staat op het dashboard" in browser.get(stored.headers["location"]).text
    assert count(engine) == before + 1
    assert "6.123 toekenningen" in browser.get("/doelen/FF-01").text
    [row] = audit_rows(engine, audit.MEASUREMENT_ENTER)
    entry = next(e for e in audit.entries(engine) if e.id == row.id)
    assert entry.target == "FF-01 2026-H1 GM0396" and entry.username == "erik"
    assert (entry.old_value["value"], entry.old_value["version"]) == (5706.0, 1)
    assert (entry.new_value["value"], entry.new_value["version"], entry.new_value["status"]) == (6123.0, 2, "final")
    again = browser.post("/beheer/meting", MEASUREMENT)
    assert "Geen verandering." in again.text and 'value="opslaan"' not in again.text


def test_a_new_point_is_previewed_as_new(login: Callable[[str], Browser]) -> None:
    preview = login("erik").post("/beheer/meting", {**MEASUREMENT, "period": "2022", "status": "provisional"})
    assert preview.status_code == 200 and "Nieuwe meting." in preview.text


def test_going_back_from_the_preview_keeps_what_was_typed(app: FastAPI, login: Callable[[str], Browser]) -> None:
    before = count(app.state.engine)
    back = login("erik").post("/beheer/meting/opslaan", {**MEASUREMENT, "actie": "aanpassen"})
    assert back.status_code == 200 and 'value="6123"' in back.text and count(app.state.engine) == before


@pytest.mark.parametrize(
    ("field", "typed", "says"),
    [
        ("value", "veel", "'veel' is geen getal."),
        ("period", "2026-H3", "'2026-H3' is geen periode die koers kent."),
        ("goal", "", "Dit veld is leeg. Vul het doel in."),
        ("status", "misschien", "'misschien' is geen status."),
    ],
)
def test_an_invalid_measurement_shows_the_error_at_its_field(
    app: FastAPI, login: Callable[[str], Browser], field: str, typed: str, says: str
) -> None:
    before = count(app.state.engine)
    response = login("erik").post("/beheer/meting", {**MEASUREMENT, field: typed})
    assert response.status_code == 422
    html = response.text
    error = re.search(rf'<p class="field-error" id="f-{field}-error"><strong>Fout:</strong> ([^<]*)</p>', html)
    assert error is not None and says in html_text.unescape(error.group(1))
    assert re.search(rf'id="f-{field}"[^>]*aria-describedby="[^"]*f-{field}-error"[^>]*aria-invalid="true"', html)
    assert f'<a href="#f-{field}">' in html  # the summary links to the field
    assert count(app.state.engine) == before


def test_a_percentage_above_100_is_refused_as_the_importer_refuses_it(login: Callable[[str], Browser]) -> None:
    goal = "VW-01"
    response = login("erik").post("/beheer/meting", {**MEASUREMENT, "goal": goal, "period": "2024", "value": "140"})
    assert response.status_code == 422 and "een percentage ligt tussen 0 en 100" in response.text


def test_an_editor_limited_to_one_challenge_cannot_change_another_challenges_goal(
    app: FastAPI, login: Callable[[str], Browser]
) -> None:
    engine = app.state.engine
    fleur = login("fleur")
    before = (count(engine), count(engine, audit_log))
    other = {**MEASUREMENT, "goal": "VW-01", "period": "2024", "value": "55"}
    for path in ("/beheer/meting", "/beheer/meting/opslaan"):
        response = fleur.post(path, {**other, "actie": "opslaan"})
        assert response.status_code == 403 and "vitaal-en-weerbaar" not in response.text
        assert "alleen gegevens wijzigen van deze opgaven: financieel-fit" in response.text
    upload = fleur.post(
        "/beheer/import", files={"bestand": ("m.csv", b"goal,period,area,value\nVW-01,2024,GM0396,55\n", "text/csv")}
    )
    assert upload.status_code == 403
    assert (
        fleur.post(
            "/beheer/toelichting/VW-01", {"periode": "2026-H1", "tekst": "Iets.", "actie": "opslaan"}
        ).status_code
        == 403
    )
    assert (count(engine), count(engine, audit_log)) == before
    form = fleur.get("/beheer/meting").text
    assert 'value="FF-01"' in form and 'value="VW-01"' not in form
    assert "U kunt deze toelichting bekijken, maar niet wijzigen." in fleur.get("/beheer/toelichting/VW-01").text
    assert fleur.post("/beheer/meting", MEASUREMENT).status_code == 200  # its own challenge


# -- importing a file ---------------------------------------------------------------------


def test_an_upload_with_problems_shows_them_and_stores_nothing(app: FastAPI, login: Callable[[str], Browser]) -> None:
    engine = app.state.engine
    content = b"goal,period,area,value\nFF-01,2026-H1,GM0396,veel\nXX-9,2026-H1,GM0396,12\n"
    response = login("erik").post("/beheer/import", files={"bestand": ("fout.csv", content, "text/csv")})
    assert response.status_code == 422
    html = response.text
    assert "Het bestand is niet opgeslagen" in html and "koers vond 2 problemen" in html
    assert re.search(r"<td[^>]*>2</td><td[^>]*>value</td><td[^>]*>&#39;veel&#39; is geen getal.</td>", html)
    assert "Het plan heeft geen doel of BBV-indicator &#39;XX-9&#39;." in html
    assert 'name="upload"' not in html
    assert audit_rows(engine, audit.MEASUREMENTS_IMPORT) == []


def test_an_upload_that_is_not_csv_or_excel_is_refused(login: Callable[[str], Browser]) -> None:
    named = ("../../etc/wachtwoorden.txt", b"x", "text/plain")
    response = login("erik").post("/beheer/import", files={"bestand": named})
    assert response.status_code == 422 and "Dit is geen CSV- of Excel-bestand." in response.text


def test_an_upload_is_checked_counted_then_stored_once(app: FastAPI, login: Callable[[str], Browser]) -> None:
    engine = app.state.engine
    erik = login("erik")
    content = b"goal;period;area;value;status\nFF-01;2026-H1;GM0396;6123;definitief\nFF-01;2022;GM0396;5100;\n"
    before = count(engine)
    checked = erik.post("/beheer/import", files={"bestand": ("juli.csv", content, "text/csv")})
    assert checked.status_code == 200 and "Alle 2 rijen zijn goed." in checked.text
    assert re.search(r"Nieuwe metingen</th><td class=\"num\">1<", checked.text)
    assert re.search(r"Verbeterde metingen .*?</th><td class=\"num\">1<", checked.text)
    assert count(engine) == before  # a dry run
    token = re.search(r'name="upload" value="([0-9a-f]{32})"', checked.text).group(1)  # type: ignore[union-attr]
    assert login("anna").post("/beheer/import/opslaan", {"upload": token}).status_code == 422  # not anna's file
    stored = erik.post("/beheer/import/opslaan", {"upload": token})
    assert stored.status_code == 303 and "nieuw=1&herzien=1&ongewijzigd=0" in stored.headers["location"]
    assert "1 nieuwe metingen, 1 verbeterde metingen" in erik.get(stored.headers["location"]).text
    assert count(engine) == before + 2
    assert "6.123 toekenningen" in erik.get("/doelen/FF-01").text
    [row] = audit_rows(engine, audit.MEASUREMENTS_IMPORT)
    entry = next(e for e in audit.entries(engine) if e.id == row.id)
    assert entry.target == "juli.csv" and entry.new_value == {"rows": 2, "new": 1, "revised": 1, "unchanged": 0}
    assert len(entry.details["file_sha256"]) == 64
    again = erik.post("/beheer/import/opslaan", {"upload": token})
    assert again.status_code == 422 and "al opgeslagen" in again.text and count(engine) == before + 2


def test_an_excel_upload_is_checked_like_a_csv(login: Callable[[str], Browser]) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["goal", "period", "area", "value"])
    sheet.append(["FF-01", "2022", "GM0396", 5100])
    buffer = io.BytesIO()
    workbook.save(buffer)
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    checked = login("erik").post("/beheer/import", files={"bestand": ("metingen.xlsx", buffer.getvalue(), xlsx)})
    assert checked.status_code == 200 and "De rij is goed." in checked.text


# -- explanations -------------------------------------------------------------------------


def test_an_explanation_is_previewed_then_saved_and_shown_sanitised(
    app: FastAPI, login: Callable[[str], Browser]
) -> None:
    engine = app.state.engine
    erik = login("erik")
    form = erik.get("/beheer/toelichting/FF-01").text
    assert '<option value="2026-H1" selected>' in form and unlabelled_fields(form) == []
    text = "Meer inwoners vinden de **regelingen**.\n\n<script>alert(1)</script> [klik](javascript:alert(1))"
    preview = erik.post("/beheer/toelichting/FF-01", {"periode": "2026-H1", "tekst": text, "actie": "voorbeeld"})
    assert preview.status_code == 200 and "<strong>regelingen</strong>" in preview.text
    assert "<script>alert" not in preview.text and 'href="javascript' not in preview.text
    assert "Concepttekst" in erik.get("/doelen/FF-01").text  # a preview stores nothing
    saved = erik.post("/beheer/toelichting/FF-01", {"periode": "2026-H1", "tekst": text, "actie": "opslaan"})
    assert saved.status_code == 303
    assert saved.headers["location"] == "/beheer/toelichting/FF-01?periode=2026-H1&opgeslagen=1"
    public = erik.get("/doelen/FF-01").text
    assert "<strong>regelingen</strong>" in public and "Erik" in public and "Concepttekst" not in public
    assert "<script>alert" not in public and 'href="javascript' not in public  # shown as text, harmless
    erik.post("/beheer/toelichting/FF-01", {"periode": "2026-H1", "tekst": "Herschreven.", "actie": "opslaan"})
    erik.post("/beheer/toelichting/FF-01", {"periode": "2026-H1", "tekst": "Herschreven. ", "actie": "opslaan"})
    rows = audit_rows(engine, audit.EXPLANATION_WRITE)
    assert len(rows) == 2  # the same text again adds nothing
    entries = {e.id: e for e in audit.entries(engine)}
    first, second = entries[rows[0].id], entries[rows[1].id]
    assert (first.target, first.old_value, first.new_value) == ("FF-01 2026-H1", None, text)
    assert (second.old_value, second.new_value, second.details) == (text, "Herschreven.", {"version": 2})


def test_an_empty_explanation_shows_the_error_at_the_text(login: Callable[[str], Browser]) -> None:
    response = login("erik").post("/beheer/toelichting/FF-01", {"periode": "2026-H1", "tekst": " ", "actie": "opslaan"})
    assert response.status_code == 422
    assert re.search(
        r'id="f-tekst"[^>]*aria-describedby="f-tekst-hint f-tekst-error"[^>]*aria-invalid="true"', response.text
    )
    assert "De toelichting is leeg." in response.text


def test_an_explanation_for_an_unknown_goal_or_period(login: Callable[[str], Browser]) -> None:
    erik = login("erik")
    assert erik.get("/beheer/toelichting/XX-9").status_code == 404
    response = erik.post("/beheer/toelichting/FF-01", {"periode": "2031-H1", "tekst": "Iets.", "actie": "opslaan"})
    assert response.status_code == 422 and "Kies een periode uit de lijst." in response.text


# -- reporting periods --------------------------------------------------------------------


def test_only_an_admin_adopts_a_period_and_then_its_explanations_are_locked(
    app: FastAPI, login: Callable[[str], Browser]
) -> None:
    engine = app.state.engine
    erik, anna = login("erik"), login("anna")
    adopt = {"periode": "2026-H1", "status": "vastgesteld"}
    assert erik.post("/beheer/periodes", adopt).status_code == 403
    assert "vaststellen</button>" not in erik.get("/beheer/periodes").text
    done = anna.post("/beheer/periodes", adopt)
    assert done.status_code == 303 and done.headers["location"] == "/beheer/periodes?gewijzigd=2026-H1"
    page = anna.get(done.headers["location"]).text
    assert "De status van 1e helft 2026 is aangepast." in page
    assert '<span class="period-status vastgesteld">vastgesteld</span>' in page and "1e helft 2026 terugzetten" in page
    locked = erik.post("/beheer/toelichting/FF-01", {"periode": "2026-H1", "tekst": "Te laat.", "actie": "opslaan"})
    assert locked.status_code == 422 and "De periode 1e helft 2026 is vastgesteld." in locked.text
    assert audit_rows(engine, audit.EXPLANATION_WRITE) == []
    assert anna.post("/beheer/periodes", {"periode": "2026-H1", "status": "concept"}).status_code == 303
    changes = [(e.old_value, e.new_value, e.username) for e in audit.entries(engine) if e.action == audit.PERIOD_STATUS]
    assert changes == [
        ({"status": "vastgesteld"}, {"status": "concept"}, "anna"),
        ({"status": "concept"}, {"status": "vastgesteld"}, "anna"),
    ]
    assert anna.post("/beheer/periodes", {"periode": "2040-H1", "status": "vastgesteld"}).status_code == 400


# -- the audit log ------------------------------------------------------------------------


def test_the_audit_log_page_shows_who_what_when_and_old_to_new(app: FastAPI, login: Callable[[str], Browser]) -> None:
    erik = login("erik")
    erik.post("/beheer/meting/opslaan", {**MEASUREMENT, "actie": "opslaan"})
    html = login("victor").get("/beheer/logboek").text
    row = re.search(
        r"<tr><td[^>]*>[^<]*2026, \d\d:\d\d</td>\s*<td[^>]*>Erik <span class=\"sub\">\(erik\)</span></td>"
        r"\s*<td[^>]*>meting ingevoerd.*?</tr>",
        html,
        re.S,
    )
    assert row is not None
    assert "waarde: 5.706; status: voorlopig; versie: 1" in row.group(0)
    assert "waarde: 6.123; status: definitief; versie: 2" in row.group(0)
    assert "account gemaakt" in html and "opdrachtregel" in html
    assert "<form" not in html.split("<h1>")[1]  # read-only: no form in the page's content
    assert erik.post("/beheer/logboek", {}).status_code == 405


def test_the_audit_log_cannot_be_changed_in_the_database(app: FastAPI, login: Callable[[str], Browser]) -> None:
    login("erik").post("/beheer/meting/opslaan", {**MEASUREMENT, "actie": "opslaan"})
    with pytest.raises(DBAPIError, match="append-only"), app.state.engine.begin() as conn:
        conn.execute(update(audit_log).values(new_value="{}"))


def test_the_overview_shows_periods_recent_changes_and_links(app: FastAPI, login: Callable[[str], Browser]) -> None:
    html = login("fleur").get("/beheer").text
    assert "U kunt gegevens wijzigen van deze opgaven: financieel-fit." in html
    assert '<th scope="row">1e helft 2026</th>' in html and "De laatste wijzigingen" in html
    assert 'href="/beheer/meting?doel=FF-01"' in html and 'href="/beheer/meting?doel=VW-01"' not in html
    assert 'href="/beheer/toelichting/VW-01"' in html  # to read
    assert csrf_of(html)  # the logout form
