# SPDX-License-Identifier: EUPL-1.2
"""``koers survey``: load, invite, import, list and schema on a database of their own: what they
say, what they store, and what they refuse (a survey for a plan that is not loaded, a codes file
that exists, a broken export)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from koers.cli.app import app
from koers.planfile.surveyfile import survey_json_schema_text
from koers.store.database import open_engine
from koers.store.survey_responses import code_hash, find_invitation
from koers.store.tables import survey_invitations, survey_responses
from tests.conftest import HEEMSKERK_2020, ROOT
from tests.store.conftest import count, koers

DATA = ROOT / "tests" / "data"
ZILVERDAM = DATA / "surveys" / "zilverdam-peiling.yaml"
HEEMSKERK_SURVEY = ROOT / "examples" / "heemskerk-2020" / "survey.yaml"
runner = CliRunner()


@pytest.fixture
def url(sqlite_url: str) -> str:
    assert koers(sqlite_url, "db", "upgrade")[0] == 0
    assert koers(sqlite_url, "plan", "load", str(DATA / "plans" / "fictional-plan.yaml"))[0] == 0
    return sqlite_url


def run(url: str, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--db", url, *args], env={"COLUMNS": "200"})
    return result.exit_code, result.stdout + result.stderr


def test_load_stores_a_survey_and_a_second_load_adds_nothing(url: str) -> None:
    assert koers(url, "survey", "load", str(ZILVERDAM)) == (
        0,
        {"survey": "zilverdam-buurtpeiling-2025", "plan": "GM9999/zilverdam-doet-mee", "version": 1, "changed": True},
    )
    code, out = run(url, "survey", "load", str(ZILVERDAM))
    assert code == 0 and "niet veranderd" in out and "versie 1" in out


def test_load_refuses_a_survey_for_a_plan_that_is_not_loaded(url: str) -> None:
    code, problems = koers(url, "survey", "load", str(HEEMSKERK_SURVEY))
    assert code == 2
    lines = HEEMSKERK_SURVEY.read_text(encoding="utf-8").splitlines()
    plan_line = next(number for number, line in enumerate(lines, start=1) if line.startswith("plan:"))
    assert [(p["line"], p["field"], p["code"]) for p in problems["problems"]] == [(plan_line, "plan", "unknown-plan")]
    assert "GM9999/zilverdam-doet-mee" in problems["problems"][0]["hint"]  # the plans there are
    code, out = run(url, "survey", "load", str(HEEMSKERK_SURVEY))
    assert code == 2 and "Er is niets opgeslagen." in out
    assert koers(url, "plan", "load", str(HEEMSKERK_2020))[0] == 0
    assert koers(url, "survey", "load", str(HEEMSKERK_SURVEY))[0] == 0


def test_load_shows_every_problem_of_a_broken_file_with_its_line(url: str) -> None:
    code, problems = koers(url, "survey", "load", str(DATA / "broken-surveys" / "plan.yaml"))
    assert code == 2
    assert [(p["line"], p["code"]) for p in problems["problems"]] == [(20, "unknown-wijk"), (24, "unknown-goal")]


def test_invite_writes_the_codes_once_and_stores_only_their_hash(url: str, tmp_path: Path) -> None:
    koers(url, "survey", "load", str(ZILVERDAM))
    out = tmp_path / "codes.csv"
    code, said = run(
        url,
        "survey",
        "invite",
        "zilverdam-buurtpeiling-2025",
        "--count",
        "25",
        "--out",
        str(out),
        "--url",
        "https://zilverdam.example/",
    )
    assert code == 0 and "25 uitnodigingscodes" in said and "Vernietig het bestand" in said
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 25 and rows[0]["link"] == f"https://zilverdam.example/enquete?code={rows[0]['code']}"
    engine = open_engine(url)
    with engine.connect() as conn:
        hashes = set(conn.execute(select(survey_invitations.c.code_hash)).scalars())
    assert hashes == {code_hash(r["code"]) for r in rows}
    assert all(find_invitation(engine, r["code"]) is not None for r in rows)
    before = out.read_text(encoding="utf-8")
    code, said = run(url, "survey", "invite", "zilverdam-buurtpeiling-2025", "--count", "5", "--out", str(out))
    assert code == 2 and "bestaat al" in said
    assert out.read_text(encoding="utf-8") == before and count(engine, survey_invitations) == 25
    assert not list(tmp_path.glob(".*partial"))


@pytest.mark.parametrize(
    "args, says",
    [
        (["--count", "0"], "--count"),
        (["--count", "5", "--url", "zilverdam.example"], "https://"),
    ],
)
def test_invite_refuses_what_it_cannot_use(url: str, tmp_path: Path, args: list[str], says: str) -> None:
    koers(url, "survey", "load", str(ZILVERDAM))
    code, said = run(url, "survey", "invite", "zilverdam-buurtpeiling-2025", *args, "--out", str(tmp_path / "c.csv"))
    assert code == 2 and says in said and not (tmp_path / "c.csv").exists()


def test_invite_and_import_name_the_surveys_there_are(url: str, tmp_path: Path) -> None:
    code, said = run(url, "survey", "invite", "onbekend", "--count", "1", "--out", str(tmp_path / "c.csv"))
    assert code == 2 and "koers survey load" in said
    koers(url, "survey", "load", str(ZILVERDAM))
    code, said = run(url, "survey", "import", "onbekend", str(DATA / "surveys" / "zilverdam-limesurvey.csv"))
    assert code == 2 and "zilverdam-buurtpeiling-2025" in said


def test_import_checks_every_row_and_stores_all_or_nothing(url: str) -> None:
    koers(url, "survey", "load", str(ZILVERDAM))
    engine = open_engine(url)
    code, problems = koers(
        url,
        "survey",
        "import",
        "zilverdam-buurtpeiling-2025",
        str(DATA / "surveys" / "zilverdam-limesurvey-broken-rows.csv"),
    )
    assert code == 2 and problems["problem_count"] == 10
    assert (problems["problems"][0]["row"], problems["problems"][0]["column"]) == (2, "G1[SQ001]")
    assert count(engine, survey_responses) == 0
    export = str(DATA / "surveys" / "zilverdam-limesurvey.csv")
    assert koers(url, "survey", "import", "zilverdam-buurtpeiling-2025", export, "--dry-run")[1]["added"] == 6
    assert count(engine, survey_responses) == 0
    code, said = run(url, "survey", "import", "zilverdam-buurtpeiling-2025", export)
    assert code == 0 and "6 nieuwe inzendingen" in said and "1 niet afgemaakt" in said
    assert koers(url, "survey", "import", "zilverdam-buurtpeiling-2025", export)[1]["unchanged"] == 6
    assert count(engine, survey_responses) == 6


def test_list_shows_how_far_each_survey_got(url: str, tmp_path: Path) -> None:
    code, said = run(url, "survey", "list")
    assert code == 0 and "koers survey load" in said
    koers(url, "survey", "load", str(ZILVERDAM))
    run(url, "survey", "invite", "zilverdam-buurtpeiling-2025", "--count", "3", "--out", str(tmp_path / "c.csv"))
    run(url, "survey", "import", "zilverdam-buurtpeiling-2025", str(DATA / "surveys" / "zilverdam-limesurvey.csv"))
    assert koers(url, "survey", "list")[1] == [
        {
            "key": "zilverdam-buurtpeiling-2025",
            "title": "Buurtpeiling Zilverdam 2025",
            "plan": "GM9999/zilverdam-doet-mee",
            "version": 1,
            "questions": 11,
            "invitations": 3,
            "started": 6,
            "submitted": 6,
        }
    ]


def test_schema_prints_or_writes_the_schema(tmp_path: Path) -> None:
    result = runner.invoke(app, ["survey", "schema"])
    assert result.exit_code == 0 and json.loads(result.stdout)["title"] == "koers survey file"
    target = tmp_path / "survey.schema.json"
    assert runner.invoke(app, ["survey", "schema", "--out", str(target)]).exit_code == 0
    assert target.read_text(encoding="utf-8") == survey_json_schema_text()
