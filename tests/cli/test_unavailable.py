# SPDX-License-Identifier: EUPL-1.2
"""The command line with figures that are not there: ``koers import`` warns about a figure
inside its baseline period (and stores it), ``koers measurements`` shows 'n.b. (reason)', and
``koers status --json`` says whether the latest figure is out of date."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from koers.cli.app import app
from tests.conftest import HEEMSKERK_2024

TABLE = Path(__file__).resolve().parents[1] / "data" / "imports" / "heemskerk-2024-unavailable.csv"
runner = CliRunner()


def run(db: str, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--db", db, *args], env={"COLUMNS": "400"})
    return result.exit_code, result.stdout, result.stderr


def test_import_warns_measurements_show_the_code_and_status_says_stale(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'koers.db'}"
    assert run(db, "db", "upgrade")[0] == 0
    assert run(db, "plan", "load", str(HEEMSKERK_2024))[0] == 0
    code, out, err = run(db, "import", str(TABLE))
    assert code == 0 and "8 nieuw" in " ".join(out.split())
    said = " ".join(err.split())
    assert "1 waarschuwing; deze rij wordt wel opgeslagen." in said
    assert "rij 2," in said and "Dit cijfer van FF-01 over 2023-H2 valt binnen de periode van de nulmeting" in said
    code, out, _ = run(db, "measurements", "--goal", "VW-01")
    assert code == 0 and "n.b. (cijfer wordt door CBS niet meer gepubliceerd)" in " ".join(out.split())
    code, out, _ = run(db, "status", "--as-of", "2026-06-30", "--json")
    assert code == 0
    goals = {g["goal"]: g for g in json.loads(out)["goals"]}
    assert goals["FF-02"]["stale"] is True and goals["FF-01"]["stale"] is False
