# SPDX-License-Identifier: EUPL-1.2
"""``koers survey results`` on Zilverdam's made-up survey: weighted by the population figures
imported like any measurement, stored as measurements that the assessment reads, open answers
written for coding, and plain words when figures are missing.

Expected counts come from the LimeSurvey exports themselves, read here with the csv module.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from koers.cli.app import app
from tests.conftest import ROOT
from tests.store.conftest import koers

DATA = ROOT / "tests" / "data"
SURVEYS = DATA / "surveys"
ZILVERDAM_PLAN = DATA / "plans" / "fictional-plan.yaml"
PLAN_KEY = "GM9999/zilverdam-doet-mee"
SURVEY = "zilverdam-buurtpeiling-2025"
EXPORTS = (SURVEYS / "zilverdam-limesurvey.csv", SURVEYS / "zilverdam-limesurvey-later.csv")
POPULATION = SURVEYS / "zilverdam-population.csv"
#: The LimeSurvey columns that hold texts: write-ins and the open question.
TEXT_COLUMNS = ("L3[other]", "K3[other]", "G1other", "W1[comment]", "T1")
runner = CliRunner()


def sent_rows() -> list[dict[str, str]]:
    """The responses that were sent (a row without submitdate was not finished)."""
    rows: list[dict[str, str]] = []
    for export in EXPORTS:
        with export.open(encoding="utf-8", newline="") as handle:
            rows += [row for row in csv.DictReader(handle) if row["submitdate"]]
    return rows


def prepare(url: str, *, population: bool = True) -> None:
    assert koers(url, "db", "upgrade")[0] == 0
    assert koers(url, "plan", "load", str(ZILVERDAM_PLAN))[0] == 0
    assert koers(url, "survey", "load", str(SURVEYS / "zilverdam-peiling.yaml"))[0] == 0
    if population:
        assert koers(url, "import", str(POPULATION), "--plan", PLAN_KEY)[0] == 0
    for export in EXPORTS:
        assert koers(url, "survey", "import", SURVEY, str(export))[0] == 0


def test_results_are_stored_as_measurements_that_the_status_assesses(db_url: str, tmp_path: Path) -> None:
    prepare(db_url)
    open_file = tmp_path / "open.csv"
    code, out = koers(
        db_url, "survey", "results", SURVEY, "--period", "2025", "--store", "--open-answers", str(open_file)
    )
    assert code == 0, out
    rows = sent_rows()
    assert out["respondents"] == len(rows)
    assert out["weighting"]["weighted"] is True
    assert set(out["weighting"]["variables"]) == {"age_group", "wijk"}
    assert out["weighting"]["reasons"] == []

    moving = next(q for q in out["questions"] if q["id"] == "beweegdagen")
    answered = [r for r in rows if r["B1"]]
    five_plus = next(e for e in moving["estimates"] if e["option"] == "5-plus")
    assert five_plus["unweighted"]["estimate"] == pytest.approx(sum(r["B1"] == "A4" for r in answered) / len(answered))
    figure = moving["figure"]
    assert figure["weighted"] is True and figure["unit"] == "percentage"
    assert figure["value"] == pytest.approx(100 * five_plus["weighted"]["estimate"], abs=0.05)

    assert out["stored"]["new"] == len(
        [q for q in out["questions"] if q["figure"] and q["figure"]["value"] is not None]
    )
    code, stored = koers(db_url, "measurements", "--goal", "ZD-01")
    assert code == 0 and len(stored) == 1
    measurement = stored[0]
    assert measurement["period"] == "2025" and measurement["area"] == "GM9999"
    assert measurement["value"] == figure["value"]
    assert measurement["sample_size"] == len(answered)
    assert measurement["ci_low"] < measurement["value"] < measurement["ci_high"]
    assert (measurement["ci_low"], measurement["ci_high"]) == (figure["ci_low"], figure["ci_high"])
    assert measurement["source"] == "Buurtpeiling Zilverdam 2025"
    assert "gewogen naar" in measurement["note"]

    code, status = koers(db_url, "status")
    goal = next(g for g in status["goals"] if g["goal"] == "ZD-01")
    assert goal["latest"] == {"value": measurement["value"], "period": "2025"}
    assert {"subject": "ZD-01", "period": "2025", "area": "GM9999", "version": 1} in goal["used"]

    again = koers(db_url, "survey", "results", SURVEY, "--period", "2025", "--store")[1]
    assert again["stored"]["unchanged"] == out["stored"]["rows"] and again["stored"]["new"] == 0


def test_open_answers_are_written_for_coding_and_safe_in_a_spreadsheet(sqlite_url: str, tmp_path: Path) -> None:
    prepare(sqlite_url, population=False)
    open_file = tmp_path / "open.csv"
    code, out = koers(sqlite_url, "survey", "results", SURVEY, "--open-answers", str(open_file))
    assert code == 0, out
    with open_file.open(encoding="utf-8", newline="") as handle:
        written = list(csv.DictReader(handle))
    texts = [row[column] for row in sent_rows() for column in TEXT_COLUMNS if row[column]]
    assert len(written) == len(texts) == out["open_answers"]["rows"]
    assert list(written[0]) == ["respondent", "question", "question_text", "option", "answer", "code"]
    assert all(row["code"] == "" for row in written)
    formula = next(t for t in texts if t.startswith("="))
    row = next(r for r in written if r["answer"].endswith(formula))
    assert row["answer"] == "'" + formula
    assert (row["question"], row["option"]) == ("huishouden", "anders")
    assert row["question_text"] == "Met wie woon je?"


def test_without_population_figures_the_results_are_unweighted_and_say_why(sqlite_url: str) -> None:
    prepare(sqlite_url, population=False)
    code, out = koers(sqlite_url, "survey", "results", SURVEY)
    assert code == 0
    assert out["weighting"]["weighted"] is False
    reasons = " ".join(out["weighting"]["reasons"])
    assert "brp-inwoners-18-29" in reasons and "WK999901" in reasons and "koers import" in reasons
    assert all(e["weighted"] is None for q in out["questions"] for e in q["estimates"])
    assert out["stored"] is None and out["open_answers"] is None

    result = runner.invoke(app, ["--db", sqlite_url, "survey", "results", SURVEY], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "ongewogen" in result.stdout and "brp-inwoners-18-29" in result.stdout


def test_unweighted_on_request_and_what_is_refused(sqlite_url: str, tmp_path: Path) -> None:
    prepare(sqlite_url)
    code, out = koers(sqlite_url, "survey", "results", SURVEY, "--unweighted")
    assert code == 0 and out["weighting"]["weighted"] is False
    assert out["weighting"]["reasons"] == ["U vroeg om ongewogen cijfers."]

    result = runner.invoke(app, ["--db", sqlite_url, "survey", "results", SURVEY, "--store"])
    assert result.exit_code == 2 and "--period" in result.stderr
    result = runner.invoke(app, ["--db", sqlite_url, "survey", "results", SURVEY, "--period", "ooit", "--store"])
    assert result.exit_code == 2 and "'ooit' is geen periode" in result.stderr
    taken = tmp_path / "open.csv"
    taken.write_text("al in gebruik\n", encoding="utf-8")
    result = runner.invoke(app, ["--db", sqlite_url, "survey", "results", SURVEY, "--open-answers", str(taken)])
    assert result.exit_code == 2 and taken.read_text(encoding="utf-8") == "al in gebruik\n"
    assert koers(sqlite_url, "measurements", "--goal", "ZD-01")[1] == []
