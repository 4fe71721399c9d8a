# SPDX-License-Identifier: EUPL-1.2
"""One judgement everywhere: a goal has the same status in ``koers status --json``, in the report
model and in the dashboard API, and it does not depend on whether the area register has CBS codes.

docs/methodology.md promises it: ``assess_plan`` judges every goal with the plan's own settings,
including "the area ids its figures are stored under (the municipality-level area by its CBS
code, else its id, else the municipality's CBS code)", and the CLI, the report, the dashboard and
the API all call it. This test builds one small plan twice, once with CBS codes on the
municipality and its wijken and once with area ids only, stores each with the same measurements
in a SQLite database through the CLI (db upgrade, plan load, import), and compares.
"""

from __future__ import annotations

import json
import warnings
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from koers.cli.app import app
from koers.domain.periods import Period
from koers.reports.model import build_report
from koers.store.database import open_engine
from koers.store.plans import load_stored_plan
from koers.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's deprecation of httpx in its test client: not ours to fix
    from fastapi.testclient import TestClient

runner = CliRunner()

AS_OF = "2026-12-31"
#: The reporting period whose end is AS_OF: the report is made as of its end.
PERIOD = Period.parse("2026-H2")
#: The dashboard reports on the latest half year that has ended: on this day, 2026-H2.
TODAY = date(2027, 1, 15)

PLAN = """\
municipality: {{cbs_code: GM9904, name: Eenheid}}
title: Eén oordeel
start_year: 2024
end_year: 2026
challenges:
  - {{id: stad, name: De stad}}
  - {{id: wijken, name: De wijken}}
goals:
  - id: E-01
    challenge: stad
    statement: Het aantal deelnemers stijgt naar 140 in 2027.
    indicator: {{name: Deelnemers, unit: count}}
    baseline: {{value: 100, period: 2023}}
    target: {{value: 140, period: 2027}}
    direction: increase
    frequency: 1X per jaar
  - id: E-02
    challenge: stad
    statement: Minimaal 60% in 2026.
    indicator: {{name: Bereik, unit: percentage}}
    baseline: {{value: 50, period: 2023}}
    target: minimaal 60% in 2026
    frequency: 1X per jaar
  - id: E-03
    challenge: wijken
    statement: In geen wijk meer eenzaamheid dan nu.
    indicator: {{name: Eenzaamheid, unit: percentage}}
    baseline: {{value: 20, period: 2023}}
    target: niet hoger dan nu
    scope: every-wijk
    frequency: 1X per jaar
  - id: E-04
    challenge: wijken
    statement: In elke wijk tussen 60 en 65% in 2027.
    indicator: {{name: Tevredenheid, unit: percentage}}
    baseline: {{value: 61, period: 2023}}
    target: tussen 60 en 65% in 2027
    scope: every-wijk
    frequency: 1X per jaar
  - id: E-05
    challenge: stad
    statement: Het aantal vrijwilligers handhaven.
    indicator: {{name: Vrijwilligers, unit: count}}
    baseline: {{value: 150, period: 2023}}
    target: handhaven
    frequency: 1X per jaar
  - id: E-06
    challenge: stad
    statement: Het aantal leden neemt toe.
    indicator: {{name: Leden, unit: count}}
    baseline: {{value: 80, period: 2023}}
    target: toename
    frequency: 1X per jaar
  - id: E-07
    challenge: stad
    statement: Het aantal meldingen neemt af.
    indicator: {{name: Meldingen, unit: count}}
    baseline: {{value: 200, period: 2023}}
    target: afname in 2027
    frequency: 1X per jaar
areas:
  - {{id: eenheid, name: Eenheid, level: municipality{municipality}}}
  - {{id: noord, name: Noord, level: wijk, parent: eenheid{noord}}}
  - {{id: zuid, name: Zuid, level: wijk, parent: eenheid{zuid}}}
"""
CODES = {"municipality": ", cbs_code: GM9904", "noord": ", cbs_code: WK990401", "zuid": ", cbs_code: WK990402"}
NO_CODES = dict.fromkeys(CODES, "")

#: The same figures for both plans, with the areas by name (the import maps them to stored ids).
FIGURES = [
    ("E-01", "2025", "Eenheid", 115),
    ("E-01", "2026", "Eenheid", 125),
    ("E-02", "2026", "Eenheid", 61),
    ("E-03", "2026", "Noord", 19),
    ("E-03", "2026", "Zuid", 22),
    ("E-04", "2026", "Noord", 62),
    ("E-04", "2026", "Zuid", 58),
    ("E-05", "2026", "Eenheid", 151),
    ("E-07", "2026", "Eenheid", 180),
]

#: By hand, as of 31-12-2026 (docs/methodology.md).
EXPECTED = {
    # increase 100 -> 140, 2023 -> 2027: 2026 is 3 of 4 years, expected 130; 25 / 30 = 83% -> at risk
    "E-01": "at_risk",
    # "minimaal 60% in 2026" from 50: 2026 is the final period, 61 >= 60 -> achieved
    "E-02": "achieved",
    # per wijk, at most the baseline 20, due in end_year 2026: Noord 19 achieved, Zuid 22 not -> not achieved
    "E-03": "not_achieved",
    # per wijk, band 60-65 in 2027, baseline 61 inside: Noord 62 on track, Zuid 58 below -> off track
    "E-04": "off_track",
    # "handhaven" without a direction: no side -> no target
    "E-05": "no_target",
    # "toename", yearly, nothing after 2023: 2024 was due by 31-3-2025 -> no data
    "E-06": "no_data",
    # "afname" in 2027 from 200: 180 is -20, beyond 5% x 200 = 10 -> on track
    "E-07": "on_track",
}


def koers(url: str, *args: str) -> Any:
    result = runner.invoke(app, ["--db", url, *args, "--json"])
    assert result.exit_code == 0, result.stdout + result.stderr
    return json.loads(result.stdout)


def stored(tmp: Path, areas: dict[str, str], figures: list[tuple[str, str, str, float]]) -> str:
    """A SQLite database holding the plan (with or without CBS codes) and the figures."""
    url = f"sqlite:///{tmp / 'koers.db'}"
    plan = tmp / "plan.yaml"
    plan.write_text(PLAN.format(**areas), encoding="utf-8")
    csv = tmp / "metingen.csv"
    csv.write_text("goal,period,area,value\n" + "".join(f"{g},{p},{a},{v}\n" for g, p, a, v in figures))
    koers(url, "db", "upgrade")
    koers(url, "plan", "load", str(plan))
    koers(url, "import", str(csv))
    return url


def judgements(url: str) -> dict[str, dict[str, list[tuple[str, str]]]]:
    """Per source, per goal: the goal's (status, reason) and then each wijk's."""

    def of(goals: list[dict[str, Any]]) -> dict[str, list[tuple[str, str]]]:
        return {
            g["goal"]: [(g["status"], g["reason"]), *((a["status"], a["reason"]) for a in g["areas"])] for g in goals
        }

    cli = koers(url, "status", "--as-of", AS_OF)
    assert cli["as_of"] == AS_OF
    engine = open_engine(url)
    try:
        report = build_report(engine, load_stored_plan(engine), PERIOD)
    finally:
        engine.dispose()
    assert report.as_of.isoformat() == AS_OF
    model = {
        g.assessment.goal: [
            (g.assessment.status.value, g.assessment.message()),
            *((a.status.value, a.reason.text()) for a in g.assessment.areas),
        ]
        for c in report.challenges
        for g in c.goals
    }
    with TestClient(create_app(url, today=TODAY)) as client:
        api = client.get("/api/status").json()
    return {"cli": of(cli["goals"]), "report": model, "api": of(api["goals"])}


@pytest.fixture(scope="module")
def with_codes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, list[tuple[str, str]]]]:
    return judgements(stored(tmp_path_factory.mktemp("codes"), CODES, FIGURES))


@pytest.fixture(scope="module")
def without_codes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, list[tuple[str, str]]]]:
    return judgements(stored(tmp_path_factory.mktemp("ids"), NO_CODES, FIGURES))


def statuses(found: dict[str, list[tuple[str, str]]]) -> dict[str, str]:
    return {goal: judged[0][0] for goal, judged in found.items()}


@pytest.mark.parametrize("variant", ["with_codes", "without_codes"])
def test_cli_report_and_api_agree_on_every_goal(variant: str, request: pytest.FixtureRequest) -> None:
    found = request.getfixturevalue(variant)
    assert statuses(found["cli"]) == EXPECTED
    assert found["report"] == found["cli"]
    assert found["api"] == found["cli"]


def test_the_judgement_does_not_depend_on_cbs_codes(
    with_codes: dict[str, dict[str, list[tuple[str, str]]]],
    without_codes: dict[str, dict[str, list[tuple[str, str]]]],
) -> None:
    for source in ("cli", "report", "api"):
        assert without_codes[source] == with_codes[source], source  # statuses and reasons, per wijk too


def test_the_stored_area_ids_follow_the_register(tmp_path: Path) -> None:
    def areas(variant: dict[str, str]) -> set[str]:
        folder = tmp_path / ("codes" if variant is CODES else "ids")
        folder.mkdir()
        return {row["area"] for row in koers(stored(folder, variant, FIGURES), "measurements")}

    assert areas(CODES) == {"GM9904", "WK990401", "WK990402"}
    assert areas(NO_CODES) == {"eenheid", "noord", "zuid"}


def test_figures_imported_under_the_municipalitys_cbs_code_count_without_codes_in_the_register(
    tmp_path: Path, with_codes: dict[str, dict[str, list[tuple[str, str]]]]
) -> None:
    by_code = [(g, p, "GM9904" if a == "Eenheid" else a, v) for g, p, a, v in FIGURES]
    found = judgements(stored(tmp_path, NO_CODES, by_code))
    assert statuses(found["cli"]) == statuses(with_codes["cli"])
