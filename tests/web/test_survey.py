# SPDX-License-Identifier: EUPL-1.2
"""The resident survey at /enquete, through HTTP as a browser without JavaScript uses it: the
code, the pages one by one with every answer kept between them, the 100-point rule with its
message at the fields, follow-up pages passed over, stopping and coming back, sending once, and
every form refused without its token. On Zilverdam's made-up survey."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from koers.domain.survey_answers import Choice, Points
from koers.planfile import read_plan
from koers.planfile.surveyfile import read_survey
from koers.store.database import open_engine
from koers.store.migrate import upgrade
from koers.store.plans import save_plan
from koers.store.survey_responses import ResponseState, create_invitations, find_invitation, submitted_records
from koers.store.surveys import load_stored_survey, save_survey
from koers.store.tables import metadata, survey_responses
from koers.web.app import create_app

DATA = Path(__file__).resolve().parents[1] / "data"
ZILVERDAM = DATA / "surveys" / "zilverdam-peiling.yaml"
FIRST_PAGE = {"q~wijk": "WK999902", "q~leeftijd": "65-plus", "q~huishouden": "alleen"}
MATRIX = {
    "q~eenzaamheid~leegte": "oneens",
    "q~eenzaamheid~terugvallen": "eens",
    "q~eenzaamheid~mis-mensen": "oneens",
    "q~eenzaamheid~in-de-steek": "helemaal-oneens",
}


@dataclass
class Setting:
    engine: Engine
    client: TestClient
    codes: list[str]


def make_setting(tmp_path: Path) -> Setting:
    url = f"sqlite:///{tmp_path / 'koers.db'}"
    engine = open_engine(url)
    upgrade(engine)
    plan = save_plan(engine, read_plan(DATA / "plans" / "fictional-plan.yaml"), source="test", user="test")
    outcome = save_survey(engine, read_survey(ZILVERDAM), plan.plan_id, source="test", user="test")
    codes = create_invitations(engine, outcome.survey_id, 3)
    return Setting(engine, TestClient(create_app(url), base_url="http://127.0.0.1"), codes)


@pytest.fixture
def setting(tmp_path: Path) -> Iterator[Setting]:
    s = make_setting(tmp_path)
    yield s
    s.client.close()


def response_of(engine: Engine, code: str) -> ResponseState | None:
    """What the database keeps for the invitation with ``code`` (which must exist)."""
    invitation = find_invitation(engine, code)
    assert invitation is not None
    return invitation.response


def token(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found is not None, "no token in the form"
    return found.group(1)


def summary(html: str) -> list[tuple[str, str]]:
    """The error summary's links: (target, text)."""
    box = re.search(r'<div class="error-summary".*?</div>', html, re.S)
    return re.findall(r'<a href="([^"]+)">([^<]+)</a>', box.group(0)) if box else []


def enter(client: TestClient, code: str) -> None:
    page = client.get("/enquete")
    answer = client.post("/enquete", data={"csrf_token": token(page.text), "code": code}, follow_redirects=False)
    assert (answer.status_code, answer.headers["location"]) == (303, "/enquete/welkom")


def post_page(client: TestClient, number: int, fields: dict[str, str], action: str = "verder") -> tuple[int, str, str]:
    form = client.get(f"/enquete/pagina/{number}")
    assert form.status_code == 200, form.text
    answer = client.post(
        f"/enquete/pagina/{number}",
        data={"csrf_token": token(form.text), "actie": action, **fields},
        follow_redirects=False,
    )
    return answer.status_code, answer.headers.get("location", ""), answer.text


def test_the_code_page_asks_for_the_code_and_refuses_what_it_does_not_know(setting: Setting) -> None:
    client = setting.client
    page = client.get("/enquete")
    assert page.status_code == 200 and "Uw code" in page.text
    assert page.headers["cache-control"] == "no-store"
    unknown = client.post("/enquete", data={"csrf_token": token(page.text), "code": "ABCD-EFGH-JKMN"})
    assert unknown.status_code == 400
    [(target, text)] = summary(unknown.text)
    assert target == "#f-code" and text.startswith("Deze code kennen we niet. Controleer de code op uw uitnodiging")
    assert 'aria-describedby="f-code-hint f-code-error"' in unknown.text and 'value="ABCD-EFGH-JKMN"' in unknown.text
    empty = client.post("/enquete", data={"csrf_token": token(unknown.text), "code": " "})
    assert empty.status_code == 400 and "Vul de code in" in empty.text


def test_a_form_without_its_token_is_refused(setting: Setting) -> None:
    client = setting.client
    client.get("/enquete")
    refused = client.post("/enquete", data={"csrf_token": "van-een-andere-site", "code": setting.codes[0]})
    assert refused.status_code == 403 and "verlopen" in refused.text
    assert "koers_enquete=" not in refused.headers.get("set-cookie", "")
    enter(client, setting.codes[0])
    page = client.post("/enquete/pagina/1", data={"csrf_token": "fout", **FIRST_PAGE}, follow_redirects=False)
    assert page.status_code == 403
    assert response_of(setting.engine, setting.codes[0]) is None


def test_the_link_in_the_letter_opens_the_survey(setting: Setting) -> None:
    client = setting.client
    answer = client.get(f"/enquete?code={setting.codes[0].lower()}", follow_redirects=False)
    assert (answer.status_code, answer.headers["location"]) == (303, "/enquete/welkom")
    cookie = answer.headers["set-cookie"]
    assert "HttpOnly" in cookie and "Path=/enquete" in cookie and "SameSite=lax" in cookie
    welcome = client.get("/enquete/welkom")
    assert "Hoe is het om in jouw wijk te wonen?" in welcome.text and "Je antwoorden zijn anoniem." in welcome.text
    assert 'href="/enquete/pagina/1"' in welcome.text
    assert client.get("/enquete", follow_redirects=False).headers["location"] == "/enquete/welkom"


def test_required_questions_are_asked_again_with_the_message_at_the_field(setting: Setting) -> None:
    client = setting.client
    enter(client, setting.codes[0])
    status, _, html = post_page(client, 1, {"q~huishouden": "anders", "q~huishouden~anders~text": "Met mijn zus"})
    assert status == 422
    assert summary(html) == [
        ("#f~wijk~WK999901", "In welke wijk woon je? Deze vraag moet u beantwoorden."),
        ("#f~leeftijd~tot-30", "Hoe oud ben je? Deze vraag moet u beantwoorden."),
    ]
    assert 'aria-describedby="h~wijk e~wijk"' in html and 'id="e~wijk"' in html
    assert 'value="Met mijn zus"' in html and re.search(r'value="anders"\s+checked', html)  # nothing typed is lost
    assert response_of(setting.engine, setting.codes[0]) is None


def test_points_must_add_up_to_100_and_the_overige_text_is_kept(setting: Setting) -> None:
    client = setting.client
    enter(client, setting.codes[0])
    for number, fields in ((1, FIRST_PAGE), (2, {}), (3, {**MATRIX, "q~buurtkamer": "nee"})):
        assert post_page(client, number, fields)[0] == 303
    points = {"q~hulp-geldzorgen~familie": "50", "q~hulp-geldzorgen~anders~text": "De kerk"}
    for anders, total, message in (("49", 99, "Verdeel er nog 1."), ("51", 101, "Haal er 1 weg.")):
        status, _, html = post_page(client, 5, {**points, "q~hulp-geldzorgen~anders": anders})
        assert status == 422
        [(target, text)] = summary(html)
        assert target == "#f~hulp-geldzorgen~familie"
        assert f"U heeft {total} punten verdeeld. Dat moeten er precies 100 zijn. {message}" in text
        assert f"<output data-points-total>{total}</output>" in html  # the total of what was typed
        assert 'aria-invalid="true"' in html and 'value="De kerk"' in html
    status, location, _ = post_page(client, 5, {**points, "q~hulp-geldzorgen~anders": "50"})
    assert (status, location) == (303, "/enquete/pagina/6")
    response = response_of(setting.engine, setting.codes[0])
    assert response is not None
    assert response.answers["hulp-geldzorgen"] == Points(
        {"familie": 50, "schuldhulp": 0, "buurtteam": 0, "bank": 0, "internet": 0, "anders": 50}, {"anders": "De kerk"}
    )


def test_a_follow_up_page_is_shown_only_after_its_answer(setting: Setting) -> None:
    client = setting.client
    enter(client, setting.codes[0])
    post_page(client, 1, FIRST_PAGE)
    post_page(client, 2, {"q~beweegdagen": "3-4"})
    _, location, _ = post_page(client, 3, {**MATRIX, "q~buurtkamer": "nee"})
    assert location == "/enquete/pagina/5"  # page 4 holds only the buurtkamer's follow-ups
    assert client.get("/enquete/pagina/4", follow_redirects=False).headers["location"] == "/enquete/pagina/5"
    _, location, _ = post_page(client, 3, {**MATRIX, "q~buurtkamer": "ja"})
    assert location == "/enquete/pagina/4"
    page = client.get("/enquete/pagina/4")
    assert "Welk cijfer geef je de buurtkamer?" in page.text and 'href="/enquete/pagina/3"' in page.text
    _, location, _ = post_page(client, 4, {"q~buurtkamer-cijfer": "8", "q~buurtkamer-waarvoor": "koffie"})
    assert location == "/enquete/pagina/5"
    post_page(client, 3, {**MATRIX, "q~buurtkamer": "nee"})  # the reason taken back
    for number in (5, 6):
        post_page(client, number, {})
    send = client.get("/enquete/versturen")
    client.post("/enquete/versturen", data={"csrf_token": token(send.text)})
    with setting.engine.connect() as conn:
        assert conn.execute(select(survey_responses.c.submitted)).scalar_one()
    [record] = submitted_records(setting.engine, load_stored_survey(setting.engine, "zilverdam-buurtpeiling-2025"))
    assert "buurtkamer-cijfer" not in record.answers and record.answers["buurtkamer"] == Choice("nee")


def test_a_resident_can_stop_and_go_on_later_with_the_same_code(setting: Setting) -> None:
    client = setting.client
    enter(client, setting.codes[1])
    assert post_page(client, 1, FIRST_PAGE)[1] == "/enquete/pagina/2"
    status, location, _ = post_page(client, 2, {"q~beweegdagen": "1-2"}, action="later")
    assert (status, location) == (303, "/enquete/bewaard")
    assert client.get("/enquete/pagina/2", follow_redirects=False).headers["location"] == "/enquete"  # cookie gone
    enter(client, setting.codes[1].replace("-", ""))
    welcome = client.get("/enquete/welkom")
    assert "U bent al begonnen" in welcome.text and 'href="/enquete/pagina/3"' in welcome.text
    again = client.get("/enquete/pagina/2")
    assert re.search(r'value="1-2"\s+checked', again.text)
    assert client.get("/enquete/pagina/6", follow_redirects=False).headers["location"] == "/enquete/pagina/3"
    assert client.get("/enquete/pagina/7").status_code == 404
    assert client.get("/enquete/pagina/twee").status_code == 404


def test_answers_are_sent_once_and_a_used_code_is_refused_kindly(setting: Setting) -> None:
    client = setting.client
    code = setting.codes[2]
    enter(client, code)
    assert client.get("/enquete/versturen", follow_redirects=False).headers["location"] == "/enquete/pagina/1"
    for number, fields in ((1, FIRST_PAGE), (2, {}), (3, {**MATRIX, "q~buurtkamer": "nee"}), (5, {}), (6, {})):
        assert post_page(client, number, fields)[0] == 303
    send = client.get("/enquete/versturen")
    assert "Versturen" in send.text and "Pagina 3: Contact met anderen" in send.text
    done = client.post("/enquete/versturen", data={"csrf_token": token(send.text)}, follow_redirects=False)
    assert done.headers["location"] == "/enquete/bedankt?enquete=zilverdam-buurtpeiling-2025"
    assert 'koers_enquete=""' in done.headers["set-cookie"] or "Max-Age=0" in done.headers["set-cookie"]
    thanks = client.get(done.headers["location"])
    assert "Uw antwoorden zijn verstuurd" in thanks.text
    page = client.get("/enquete")
    used = client.post("/enquete", data={"csrf_token": token(page.text), "code": code})
    assert used.status_code == 409 and "U heeft de enquête al ingevuld" in used.text
    linked = client.get(f"/enquete?code={code}")
    assert linked.status_code == 409
    client.cookies.set("koers_enquete", code.replace("-", ""), path="/enquete")  # an old tab
    assert client.post("/enquete/pagina/1", data={"csrf_token": "x"}).status_code in (403, 409)
    assert client.get("/enquete/pagina/1").status_code == 409


def test_a_refused_page_changes_nothing_that_was_kept(setting: Setting) -> None:
    client = setting.client
    enter(client, setting.codes[0])
    for number, fields in ((1, FIRST_PAGE), (2, {}), (3, {**MATRIX, "q~buurtkamer": "nee"}), (5, {}), (6, {})):
        post_page(client, number, fields)
    status, _, html = post_page(client, 3, {"q~eenzaamheid~leegte": "eens", "q~buurtkamer": "ja"})
    assert status == 422 and [t for t, _ in summary(html)] == ["#f~eenzaamheid~terugvallen~helemaal-oneens"]
    response = response_of(setting.engine, setting.codes[0])
    assert response is not None and response.answers["buurtkamer"] == Choice("nee")
    send = client.get("/enquete/versturen")
    assert send.status_code == 200 and not summary(send.text)


def test_nothing_about_the_residents_computer_is_stored(setting: Setting) -> None:
    client = setting.client
    client.headers["User-Agent"] = "Mozilla/5.0 (Test; Zilverdam) KoersBrowser/1.0"
    enter(client, setting.codes[0])
    post_page(client, 1, FIRST_PAGE)
    with setting.engine.connect() as conn:
        stored = " ".join(
            str(v) for table in metadata.sorted_tables for row in conn.execute(select(table)) for v in row
        )
    assert "KoersBrowser" not in stored and "testclient" not in stored and "127.0.0.1" not in stored
