# SPDX-License-Identifier: EUPL-1.2
"""Surveys, invitations, responses and answers on SQLite and PostgreSQL: a survey and its
versions, codes kept only as hashes, one response per code (a used code is refused), the answers
typed again for the analysis, a LimeSurvey export stored all or nothing and only once, and
nothing about a resident's computer or connection anywhere in the database."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from koers.domain.survey_answers import Answer, Choice, Choices, Grade, Points, Rows, Text
from koers.importers.limesurvey import read_limesurvey
from koers.planfile import read_plan
from koers.planfile.surveyfile import read_survey
from koers.store.database import open_engine
from koers.store.imports import Provenance
from koers.store.migrate import upgrade
from koers.store.plans import save_plan
from koers.store.survey_responses import (
    CODE_ALPHABET,
    CODE_LENGTH,
    AlreadySubmitted,
    ResponseOrigin,
    code_hash,
    create_invitations,
    find_invitation,
    normalised,
    save_page,
    store_imported,
    submit,
    submitted_records,
)
from koers.store.surveys import StoredSurvey, list_surveys, load_stored_survey, save_survey
from koers.store.tables import metadata, survey_answers, survey_invitations, survey_responses, surveys
from tests.store.conftest import count

DATA = Path(__file__).resolve().parents[1] / "data"
ZILVERDAM = DATA / "surveys" / "zilverdam-peiling.yaml"
ZILVERDAM_PLAN = DATA / "plans" / "fictional-plan.yaml"
EXPORT = DATA / "surveys" / "zilverdam-limesurvey.csv"
DAY = date(2025, 5, 20)


@pytest.fixture
def engine(db_url: str) -> Engine:
    engine = open_engine(db_url)
    upgrade(engine)
    return engine


@pytest.fixture
def stored(engine: Engine) -> StoredSurvey:
    plan = save_plan(engine, read_plan(ZILVERDAM_PLAN), source="test", user="test")
    save_survey(engine, read_survey(ZILVERDAM), plan.plan_id, source=str(ZILVERDAM), user="test")
    return load_stored_survey(engine, "zilverdam-buurtpeiling-2025")


def test_a_survey_is_stored_once_and_an_edit_becomes_a_version(engine: Engine, stored: StoredSurvey) -> None:
    survey = read_survey(ZILVERDAM)
    again = save_survey(engine, survey, stored.plan_id, source="again", user="test")
    assert (again.version, again.changed) == (1, False)
    edited = survey.model_copy(update={"title": "Buurtpeiling Zilverdam 2025 (herzien)"})
    outcome = save_survey(engine, edited, stored.plan_id, source="edited", user="test")
    assert (outcome.version, outcome.changed) == (2, True)
    latest = load_stored_survey(engine, stored.key)
    assert latest.version == 2 and latest.survey == edited and latest.version_id != stored.version_id
    assert count(engine, surveys) == 1
    [summary] = list_surveys(engine)
    assert (summary.key, summary.plan, summary.version, summary.questions) == (
        "zilverdam-buurtpeiling-2025",
        "GM9999/zilverdam-doet-mee",
        2,
        11,
    )


def test_codes_are_random_and_kept_only_as_their_hash(engine: Engine, stored: StoredSurvey) -> None:
    codes = create_invitations(engine, stored.id, 50, DAY)
    assert len(set(codes)) == 50
    assert all(len(normalised(c)) == CODE_LENGTH and set(normalised(c)) <= set(CODE_ALPHABET) for c in codes)
    with engine.connect() as conn:
        rows = conn.execute(select(survey_invitations)).all()
    kept = " ".join(str(value) for row in rows for value in row)
    assert not any(normalised(c) in kept or c in kept for c in codes)
    assert {row.code_hash for row in rows} == {code_hash(c) for c in codes}
    assert {row.created_on for row in rows} == {DAY}
    typed = codes[0].lower().replace("-", " ")  # as a resident may type it
    invitation = find_invitation(engine, typed)
    assert invitation is not None and invitation.survey_id == stored.id and invitation.response is None
    assert find_invitation(engine, "AAAA-BBBB-CCCC") is None
    assert find_invitation(engine, "te kort") is None


def test_answers_are_kept_per_page_and_a_used_code_is_refused(engine: Engine, stored: StoredSurvey) -> None:
    [code] = create_invitations(engine, stored.id, 1, DAY)
    invitation = find_invitation(engine, code)
    assert invitation is not None
    first_page = ["wijk", "leeftijd", "huishouden"]
    save_page(
        engine,
        invitation.id,
        stored.version_id,
        first_page,
        {"wijk": Choice("WK999902"), "huishouden": Choice("anders", "Met mijn zus")},
        2,
        DAY,
    )
    save_page(engine, invitation.id, stored.version_id, first_page, {"wijk": Choice("WK999901")}, 2, DAY)  # changed
    points = Points(
        {"familie": 60, "schuldhulp": 0, "buurtteam": 0, "bank": 0, "internet": 0, "anders": 40}, {"anders": "De kerk"}
    )
    save_page(
        engine, invitation.id, stored.version_id, ["hulp-geldzorgen", "gemeente"], {"hulp-geldzorgen": points}, 6, DAY
    )
    again = find_invitation(engine, code)
    response = again.response if again is not None else None
    assert response is not None
    assert response.answers == {"wijk": Choice("WK999901"), "hulp-geldzorgen": points}
    assert (response.page_reached, response.submitted) == (6, False)
    submit(engine, invitation.id, ["wijk", "hulp-geldzorgen"], DAY)
    with pytest.raises(AlreadySubmitted):
        submit(engine, invitation.id, ["wijk"], DAY)
    with pytest.raises(AlreadySubmitted):
        save_page(engine, invitation.id, stored.version_id, first_page, {}, 2, DAY)
    with engine.connect() as conn:
        row = conn.execute(select(survey_responses)).one()
    assert (row.started_on, row.updated_on, row.submitted_on, row.origin) == (DAY, DAY, DAY, "web")
    [record] = submitted_records(engine, stored)
    assert record.answers == {"wijk": Choice("WK999901"), "hulp-geldzorgen": points}
    assert (record.submitted_on, record.origin) == (DAY, ResponseOrigin.WEB)


def test_sending_keeps_only_the_answers_that_count(engine: Engine, stored: StoredSurvey) -> None:
    [code] = create_invitations(engine, stored.id, 1, DAY)
    invitation = find_invitation(engine, code)
    assert invitation is not None
    answers: dict[str, Answer] = {"buurtkamer": Choice("nee"), "buurtkamer-cijfer": Grade(8)}
    save_page(engine, invitation.id, stored.version_id, list(answers), answers, 7, DAY)
    submit(engine, invitation.id, ["buurtkamer"], DAY)
    assert submitted_records(engine, stored)[0].answers == {"buurtkamer": Choice("nee")}
    assert count(engine, survey_answers) == 1


def test_a_response_without_answers_is_not_sent(engine: Engine, stored: StoredSurvey) -> None:
    [code] = create_invitations(engine, stored.id, 1, DAY)
    invitation = find_invitation(engine, code)
    assert invitation is not None
    with pytest.raises(AlreadySubmitted):  # never started: nothing to send
        submit(engine, invitation.id, [], DAY)
    assert submitted_records(engine, stored) == []


def test_a_limesurvey_export_is_stored_all_at_once_and_only_once(engine: Engine, stored: StoredSurvey) -> None:
    read = read_limesurvey(EXPORT, stored.survey)
    assert read.ok
    provenance = Provenance("limesurvey", EXPORT.name, "0" * 64, "test")
    dry = store_imported(engine, stored, read.responses, provenance, dry_run=True)
    assert (dry.added, dry.dry_run, count(engine, survey_responses)) == (6, True, 0)
    first = store_imported(engine, stored, read.responses, provenance)
    second = store_imported(engine, stored, read.responses, provenance)
    assert (first.added, first.unchanged, second.added, second.unchanged) == (6, 0, 0, 6)
    records = submitted_records(engine, stored)
    assert [r.origin for r in records] == [ResponseOrigin.LIMESURVEY] * 6
    by_day = {r.submitted_on: r.answers for r in records}
    eighth = by_day[date(2025, 5, 9)]
    assert eighth["buurtkamer-waarvoor"] == Choices(("anders",), {"anders": "Bingo op vrijdag"})
    assert eighth["gemeente"] == Choice("slecht", "Ik moest drie keer mijn verhaal doen, dat ging mis.")
    assert eighth["eenzaamheid"] == Rows(
        {
            "leegte": "helemaal-oneens",
            "terugvallen": "helemaal-eens",
            "mis-mensen": "helemaal-oneens",
            "in-de-steek": "helemaal-oneens",
        }
    )
    assert eighth["opmerkingen"] == Text("Het is er fijn, maar de bus rijdt te weinig.")
    assert "buurtkamer-cijfer" not in by_day[date(1980, 1, 1)]  # answered, but its follow-up was not shown


def test_nothing_about_a_residents_computer_is_stored(engine: Engine, stored: StoredSurvey) -> None:
    """The export has IP addresses (ipaddr) and times; the database gets neither."""
    read = read_limesurvey(EXPORT, stored.survey)
    store_imported(engine, stored, read.responses, Provenance("limesurvey", EXPORT.name, None, "test"))
    everything = []
    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            everything += [str(value) for row in conn.execute(select(table)) for value in row]
    text = " ".join(everything)
    assert "192.0.2." not in text
    assert "19:42" not in text and "10:05" not in text  # times of day: only dates are kept
    columns = {c.name for t in (survey_responses, survey_answers, survey_invitations) for c in t.columns}
    assert not columns & {"ip", "ipaddr", "address", "user_agent", "agent", "refurl", "token"}
    values = [json.loads(v) for v in everything if v.startswith("{")]
    assert values  # the answers themselves are there
