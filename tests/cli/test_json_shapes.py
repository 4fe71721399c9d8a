# SPDX-License-Identifier: EUPL-1.2
"""Contract tests: the documented --json shapes (docs/cli.md) do not change by accident."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from koers.cli.app import app
from tests.conftest import HEEMSKERK_2024, ROOT

runner = CliRunner()

GOAL_KEYS = {
    "id",
    "challenge",
    "statement",
    "result_area",
    "indicator",
    "unit",
    "direction",
    "scope",
    "region",
    "source",
    "frequency",
    "baseline",
    "baseline_status",
    "baseline_note",
    "target",
    "targets",
}
TARGET_KEYS = {
    "phrase",
    "words",
    "understood",
    "value",
    "period",
    "change",
    "low",
    "high",
    "band_open",
    "direction",
    "strict",
    "tolerance",
}


def show_json() -> dict[str, Any]:
    result = runner.invoke(app, ["plan", "show", str(HEEMSKERK_2024), "--json"])
    assert result.exit_code == 0
    return json.loads(result.stdout)


def goal(data: dict[str, Any], goal_id: str) -> dict[str, Any]:
    return next(g for g in data["goals"] if g["id"] == goal_id)


def test_plan_show_top_level_shape() -> None:
    data = show_json()
    assert set(data) == {
        "koers",
        "shape",
        "plan",
        "challenges",
        "goals",
        "bbv_indicators",
        "actions",
        "money",
        "smart_check",
    }
    assert data["shape"] == 4
    assert data["plan"]["municipality"] == {"cbs_code": "GM0396", "name": "Heemskerk"}
    assert data["plan"]["total_budget"] == 45128079
    assert set(data["smart_check"]) == {"error", "warning", "info"}


def test_every_goal_has_the_documented_keys() -> None:
    data = show_json()
    assert len(data["goals"]) == 28
    for item in data["goals"]:
        assert set(item) == GOAL_KEYS, item["id"]
        assert item["target"] is None or set(item["target"]) == TARGET_KEYS, item["id"]


def test_challenges_carry_name_and_budget() -> None:
    challenges = {c["name"]: c for c in show_json()["challenges"]}
    assert challenges["Ontmoeten en omzien naar elkaar"]["budget"] == {
        "amount": 4352650.0,
        "year": 2024,
        "basis": "begroting 2024",
        "note": None,
    }
    assert challenges["Financieel fit"]["goals"] == ["FF-01", "FF-02", "FF-03", "FF-04", "FF-05", "FF-06"]
    assert {"id": "armoede", "name": "Armoede", "laws": ["Participatiewet"]} in challenges["Financieel fit"][
        "policy_areas"
    ]


def test_actions_with_every_key_and_their_challenge() -> None:
    data = show_json()
    action = next(a for a in data["actions"] if a["id"] == "FF-A1")
    assert action == {
        "id": "FF-A1",
        "name": "Minimaregelingen",
        "description": action["description"],
        "challenge": "financieel-fit",
        "goals": ["FF-01", "FF-02"],
        "owner": None,
        "partners": [],
        "start": "2024",
        "end": None,
        "status": "lopend",
        "reason": None,
        "budget": None,
        "note": None,
    }
    challenges = {c["id"]: c for c in data["challenges"]}
    assert challenges["financieel-fit"]["actions"] == ["FF-A1", "FF-A2", "FF-A3", "FF-A4"]


def test_the_money_section_with_its_total_tolerance_and_taakvelden() -> None:
    """Every key always there; taakvelden as a list of {taakveld, challenge}, in the plan's order."""
    assert show_json()["money"] == {
        "total": {"amount": 45128079.0, "year": 2024, "basis": "begroting 2024", "note": None},
        "tolerance": 0.0,
        "taakvelden": [],
    }
    result = runner.invoke(app, ["plan", "show", str(ROOT / "tests/data/plans/money-waterlinde.yaml"), "--json"])
    assert result.exit_code == 0, result.output
    money = json.loads(result.stdout)["money"]
    assert money["total"] == {"amount": 17000500.0, "year": 2025, "basis": "begroting 2025", "note": None}
    assert money["taakvelden"] == [
        {"taakveld": "6.1", "challenge": "meedoen"},
        {"taakveld": "6.71", "challenge": "zorg-dichtbij"},
        {"taakveld": "6.81", "challenge": "zorg-dichtbij"},
        {"taakveld": "6.72", "challenge": "jong-in-waterlinde"},
    ]


def test_relative_target_is_resolved_and_kept_as_written() -> None:
    item = goal(show_json(), "FF-01")
    assert item["baseline"] == {"value": 5377.0, "period": "2023"}
    assert item["target"] == {
        "phrase": None,
        "words": "5.915 toekenningen",
        "understood": True,
        "value": 5914.7,
        "period": "2027",
        "change": "+10%",
        "low": None,
        "high": None,
        "band_open": None,
        "direction": None,
        "strict": False,
        "tolerance": None,
    }
    assert item["frequency"] == {"code": "half-yearly", "as_written": "2X per jaar"}
    assert item["unit"] == {"kind": "count", "per": None, "population": None, "label": "toekenningen"}


def test_baselines_that_are_not_known_are_null_with_a_status() -> None:
    data = show_json()
    assert goal(data, "OZ-02")["baseline"] is None
    assert goal(data, "OZ-02")["baseline_status"] == "not-stated"
    assert goal(data, "FF-06")["baseline_status"] == "absent"
    assert goal(data, "FF-06")["baseline_note"] == "geen nulmeting"
    pending = goal(data, "OZ-06")
    assert pending["baseline"] is None and pending["baseline_status"] == "pending"
    assert {k: pending["target"][k] for k in ("value", "period", "change", "tolerance")} == {
        "value": None,
        "period": "2026/2027",
        "change": "-10%",
        "tolerance": None,
    }


def test_unresolvable_change_keeps_its_words() -> None:
    item = goal(show_json(), "OO-04")
    assert item["target"]["value"] is None
    assert item["target"]["change"] == "+10% per jaar"


def test_rate_unit_shape() -> None:
    item = goal(show_json(), "ZW-05")
    assert item["unit"] == {"kind": "rate", "per": 1000, "population": "inwoners", "label": "per 1.000 inwoners"}
    assert item["direction"] == "maintain"


def test_lint_json_is_a_list_of_findings() -> None:
    result = runner.invoke(app, ["lint", str(HEEMSKERK_2024), "--json", "--as-of", "2026-11-23"])
    assert result.exit_code == 1
    findings = json.loads(result.stdout)
    assert all(set(f) == {"goal", "code", "severity", "message"} for f in findings)
    assert findings[0] == {
        "goal": "VW-01",
        "code": "target-not-measurable-in-time",
        "severity": "error",
        "message": findings[0]["message"],
    }
    assert "Na 2020 volgen metingen in 2024 en 2028, niet in 2027." in findings[0]["message"]


def test_a_target_in_words_shows_the_words_and_what_koers_read(tmp_path: Path) -> None:
    text = HEEMSKERK_2024.read_text(encoding="utf-8").replace(
        "target: {value: 60, period: 2027}", 'target: "bandbreedte 60-65%, gelijk of hoger in 2027"', 1
    )
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["plan", "show", str(plan_file), "--json"])
    assert result.exit_code == 0, result.output
    item = goal(json.loads(result.stdout), "VW-01")["target"]
    assert item["phrase"] == "bandbreedte 60-65%, gelijk of hoger in 2027"
    assert (item["low"], item["high"], item["band_open"], item["period"]) == (60, 65, "above", "2027")
    assert item["words"] == "tussen 60% en 65%, of hoger"
