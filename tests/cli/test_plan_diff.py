# SPDX-License-Identifier: EUPL-1.2
"""``koers plan diff OLD NEW``: the revision goal by goal, in a table or JSON; exit code 1 when
the revision leaves a change unexplained."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from koers.cli.app import app

runner = CliRunner()
DATA = Path(__file__).parents[1] / "data" / "plans"
OLD = DATA / "fictional-plan.yaml"
NEW = DATA / "revision" / "zilverdam-2027.yaml"


def test_the_revision_as_json() -> None:
    result = runner.invoke(app, ["plan", "diff", str(OLD), str(NEW), "--json"])
    assert result.exit_code == 0, result.stdout
    shown = json.loads(result.stdout)
    by_id = {g["id"]: g for g in shown["goals"]}
    assert by_id["ZD-02"]["change"] == "sharpened" and by_id["ZD-02"]["changed"] == ["target"]
    assert by_id["ZD-11"]["lineage"] == ["ZD-03"] and by_id["ZD-11"]["successor"] is True
    assert by_id["ZD-04"]["change"] == "ended" and by_id["ZD-04"]["label"] == "beëindigd"
    assert shown["findings"] == []


def test_the_revision_as_a_table_says_the_decision() -> None:
    result = runner.invoke(app, ["plan", "diff", str(OLD), str(NEW)], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "5 voortgezet, 1 aangescherpt, 1 vervangen, 1 beëindigd" in result.stdout
    assert "vastgesteld op 24 juni 2027 (raadsbesluit 2027/031)" in result.stdout
    assert "vervangen ← ZD-03" in result.stdout


def test_an_unexplained_change_exits_with_1(tmp_path: Path) -> None:
    text = NEW.read_text(encoding="utf-8").replace("ended_goals:\n  - id: ZD-04\n", "ended_goals:\n  - id: ZD-99\n")
    silent = tmp_path / "plan.yaml"
    silent.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["plan", "diff", str(OLD), str(silent), "--json"])
    assert result.exit_code == 1
    codes = {(f["code"], f["goal"]) for f in json.loads(result.stdout)["findings"]}
    assert codes == {("goal-gone", "ZD-04"), ("ended-unknown", "ZD-99")}
