# SPDX-License-Identifier: EUPL-1.2
"""Messages that state a count read right for 1 and for many, in Dutch and in English.

'1 fouten bij 1 doelen' and '1 rijen' are what a sentence with a number in it says when its
words do not follow the number; koers.i18n.ngettext picks the form. Each message is shown here
for n=1 and n=2.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from koers.cli.app import app
from koers.cli.lint import summary_line
from koers.domain.lint import Finding, Severity

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

PLAN = """\
municipality: {cbs_code: GM9997, name: Haverdal}
title: Haverdal doet mee
start_year: 2025
challenges: [{id: meedoen, name: Meedoen}]
goals:
"""
GOAL = """\
  - id: {id}
    challenge: meedoen
    statement: In 2028 doet 50% mee.
    indicator: {{name: Deelname, unit: percentage}}
    baseline: {{value: 40, period: 2024}}
    target: {{value: 50, period: 2028}}
    direction: increase
    source: Peiling
    frequency: 1X per jaar
"""


runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    return result.exit_code, " ".join(result.stdout.split()), " ".join(result.stderr.split())


def plan_with(tmp_path: Path, goals: int) -> Path:
    path = tmp_path / f"plan-{goals}.yaml"
    path.write_text(PLAN + "".join(GOAL.format(id=f"MD-0{i}") for i in range(1, goals + 1)), encoding="utf-8")
    return path


def findings(errors: int, goals: int, warnings: int) -> list[Finding]:
    made = [Finding(f"G-{i % goals}", "missing-source", E) for i in range(errors)]
    return made + [Finding("G-9", "stale-baseline", W) for _ in range(warnings)]


@pytest.mark.parametrize(
    ("errors", "goals", "warnings", "dutch", "english"),
    [
        (1, 1, 1, "1 fout bij 1 doel, 1 waarschuwing, 0 ter info.", "1 error in 1 goal, 1 warning, 0 for information."),
        (
            2,
            2,
            2,
            "2 fouten bij 2 doelen, 2 waarschuwingen, 0 ter info.",
            "2 errors in 2 goals, 2 warnings, 0 for information.",
        ),
        (
            0,
            1,
            0,
            "0 fouten bij 0 doelen, 0 waarschuwingen, 0 ter info.",
            "0 errors in 0 goals, 0 warnings, 0 for information.",
        ),
    ],
)
def test_the_lint_summary(errors: int, goals: int, warnings: int, dutch: str, english: str) -> None:
    assert summary_line(findings(errors, goals, warnings), "nl") == dutch
    assert summary_line(findings(errors, goals, warnings), "en") == english


@pytest.mark.parametrize(
    ("extra", "dutch", "english"),
    [
        ("colour: red\n", "Het plan kan niet worden gelezen: 1 probleem.", "The plan cannot be read: 1 problem."),
        (
            "colour: red\nsize: 2\n",
            "Het plan kan niet worden gelezen: 2 problemen.",
            "The plan cannot be read: 2 problems.",
        ),
    ],
)
def test_an_unreadable_plan_counts_its_problems(tmp_path: Path, extra: str, dutch: str, english: str) -> None:
    path = plan_with(tmp_path, 1)
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    assert dutch in run("lint", str(path))[2]
    assert english in run("--lang", "en", "lint", str(path))[2]


@pytest.mark.parametrize(("goals", "dutch", "english"), [(1, "(1 doel)", "(1 goal)"), (2, "(2 doelen)", "(2 goals)")])
def test_plan_export_counts_the_goals(tmp_path: Path, goals: int, dutch: str, english: str) -> None:
    plan = plan_with(tmp_path, goals)
    assert dutch in run("plan", "export", str(plan), "--to", str(tmp_path / "a.xlsx"))[1]
    assert english in run("--lang", "en", "plan", "export", str(plan), "--to", str(tmp_path / "b.xlsx"))[1]


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'koers.db'}"
    assert run("--db", url, "db", "upgrade")[0] == 0
    assert run("--db", url, "plan", "load", str(plan_with(tmp_path, 2)))[0] == 0
    return url


def rows(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / f"metingen-{len(lines)}.csv"
    path.write_text("goal,period,area,value\n" + "".join(f"{line}\n" for line in lines), encoding="utf-8")
    return path


def test_an_import_of_one_row_and_of_two(db: str, tmp_path: Path) -> None:
    one = rows(tmp_path, "MD-01,2025,GM9997,42")
    code, out, err = run("--db", db, "import", str(one))
    assert code == 0, err
    assert "De rij is goed; opslaan..." in err
    assert "1 rij: 1 nieuw, 0 herzien, 0 ongewijzigd." in out
    two = rows(tmp_path, "MD-01,2026,GM9997,44", "MD-02,2026,GM9997,45")
    code, out, err = run("--lang", "en", "--db", db, "import", str(two))
    assert code == 0, err
    assert "All 2 rows are valid; storing..." in err
    assert "2 rows: 2 new, 0 revised, 0 unchanged." in out
    code, out, _ = run("--db", db, "export", "--to", str(tmp_path / "alle.csv"))
    assert code == 0 and "3 metingen geschreven naar" in out


def test_an_export_of_one_measurement(db: str, tmp_path: Path) -> None:
    assert run("--db", db, "import", str(rows(tmp_path, "MD-01,2025,GM9997,42")))[0] == 0
    code, out, _ = run("--db", db, "export", "--to", str(tmp_path / "een.csv"))
    assert code == 0 and "1 meting geschreven naar" in out
    code, out, _ = run("--lang", "en", "--db", db, "export", "--to", str(tmp_path / "one.csv"))
    assert code == 0 and "1 measurement written to" in out


@pytest.mark.parametrize(
    ("lines", "dutch"),
    [
        (["MD-01,2025,GM9997,veel"], "Het bestand is niet ingelezen: 1 probleem."),
        (["MD-01,2025,GM9997,veel", "MD-02,2025,GM9997,weinig"], "Het bestand is niet ingelezen: 2 problemen."),
    ],
)
def test_a_refused_import_counts_its_problems(db: str, tmp_path: Path, lines: list[str], dutch: str) -> None:
    code, _, err = run("--db", db, "import", str(rows(tmp_path, *lines)))
    assert code == 2
    assert dutch in err
