# SPDX-License-Identifier: EUPL-1.2
"""The command line: readable output, exit codes, refusals, and never a traceback."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from koers import __version__
from koers.cli import app as app_module
from koers.cli.app import app
from tests.conftest import HEEMSKERK_2020, HEEMSKERK_2024

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0
    assert out.strip() == f"koers {__version__}"


def test_plan_show_prints_the_plan_in_dutch() -> None:
    code, out, _ = run("plan", "show", str(HEEMSKERK_2024))
    assert code == 0
    assert "Heemskerk (GM0396): Samen sterk voor Heemskerk" in out
    assert "Missie: Een zorgzaam Heemskerk" in out
    assert "Opgave 4: Financieel fit · € 11.440.518 (begroting 2024)" in out
    assert "+10% → 5.915" in out  # a computed target is written as the plan writes its figures: whole
    assert "volgt (schooljaar" in out
    assert "11 fouten bij 10 doelen, 6 waarschuwingen, 3 ter info." in out


def test_plan_show_in_english() -> None:
    code, out, _ = run("--lang", "en", "plan", "show", str(HEEMSKERK_2024))
    assert code == 0
    assert "Mission: Een zorgzaam Heemskerk" in out
    assert "+10% → 5,915" in out
    assert "11 errors in 10 goals, 6 warnings, 3 for information." in out


def test_lint_exits_1_on_errors_and_names_the_goal() -> None:
    code, out, _ = run("lint", str(HEEMSKERK_2024), "--as-of", "2026-11-23")
    assert code == 1
    assert "target-not-measurable-in-time" in out
    assert "Na 2020 volgen metingen in 2024 en 2028, niet in 2027" in out


def test_lint_exits_0_without_errors(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "municipality: {cbs_code: GM9999, name: Zilverdam}\ntitle: T\nstart_year: 2024\n"
        "challenges: [{id: c, name: C}]\n"
        "goals:\n  - id: G-1\n    challenge: c\n    statement: s\n    indicator: {name: n, unit: percentage}\n"
        "    baseline: {value: 10, period: 2023}\n    target: {value: 20, period: 2027}\n"
        "    direction: increase\n    source: Registratie\n    frequency: 1X per jaar\n",
        encoding="utf-8",
    )
    code, out, _ = run("lint", str(plan))
    assert code == 0
    assert "Alle doelen zijn SMART" in out


def test_lint_stale_years_option_changes_the_outcome() -> None:
    _, strict, _ = run("lint", str(HEEMSKERK_2024), "--json", "--as-of", "2026-11-23", "--stale-years", "0")
    _, lenient, _ = run("lint", str(HEEMSKERK_2024), "--json", "--as-of", "2026-11-23", "--stale-years", "9")
    stale = lambda text: {f["goal"] for f in json.loads(text) if f["code"] == "stale-baseline"}  # noqa: E731
    assert stale(lenient) == set()
    assert {"VW-01", "ZW-01", "OO-01"} <= stale(strict)


def test_unreadable_plan_lists_problems_and_exits_2(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "municipality: {cbs_code: GM0396, name: H}\ntitle: T\nstart_year: 2024\ncolour: red\n", encoding="utf-8"
    )
    code, _, err = run("lint", str(plan))
    assert code == 2
    assert "regel 4" in err
    assert "koers kent het veld 'colour' niet" in err


def test_unreadable_plan_as_json(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("title: T\n", encoding="utf-8")
    code, out, _ = run("plan", "show", str(plan), "--json")
    assert code == 2
    problems = json.loads(out)["problems"]
    assert {(p["field"], p["code"]) for p in problems} == {
        ("municipality", "missing-field"),
        ("start_year", "missing-field"),
    }


def test_missing_file_is_a_clean_message() -> None:
    code, _, err = run("plan", "show", "does-not-exist.yaml")
    assert code == 2
    assert "Het bestand bestaat niet." in err
    assert "Traceback" not in err


def test_bad_as_of_date_is_refused() -> None:
    code, _, err = run("lint", str(HEEMSKERK_2024), "--as-of", "23-11-2026")
    assert code == 2
    assert "JJJJ-MM-DD" in err


def test_unknown_language_is_refused() -> None:
    code, _, err = run("--lang", "fr", "plan", "show", str(HEEMSKERK_2024))
    assert code == 2
    assert "--lang" in err


def test_export_round_trips_through_yaml(tmp_path: Path) -> None:
    out_file = tmp_path / "copy.yaml"
    code, out, _ = run("plan", "export", str(HEEMSKERK_2020), "--to", str(out_file))
    assert code == 0
    assert "9 doelen" in out
    _, original, _ = run("plan", "show", str(HEEMSKERK_2020), "--json")
    _, copied, _ = run("plan", "show", str(out_file), "--json")
    assert json.loads(copied) == json.loads(original)


def test_export_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out_file = tmp_path / "plan.yaml"
    out_file.write_text("keep me", encoding="utf-8")
    code, _, err = run("plan", "export", str(HEEMSKERK_2024), "--to", str(out_file))
    assert code == 2
    assert "bestaat al" in err
    assert out_file.read_text(encoding="utf-8") == "keep me"
    code, _, _ = run("plan", "export", str(HEEMSKERK_2024), "--to", str(out_file), "--force")
    assert code == 0
    assert out_file.read_text(encoding="utf-8").startswith("format: 1")


def test_export_refuses_unknown_extension(tmp_path: Path) -> None:
    code, _, err = run("plan", "export", str(HEEMSKERK_2024), "--to", str(tmp_path / "plan.docx"))
    assert code == 2
    assert ".xlsx of .yaml" in err


def test_schema_command_prints_the_committed_schema() -> None:
    code, out, _ = run("plan", "schema")
    assert code == 0
    assert json.loads(out)["title"] == "koers plan file"


def test_unexpected_error_is_one_sentence_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("koers.cli.lint.lint_plan", explode)
    monkeypatch.setattr(sys, "argv", ["koers", "lint", str(HEEMSKERK_2024)])
    monkeypatch.delenv("KOERS_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        app_module.main()
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "Er ging iets mis dat koers niet verwachtte: RuntimeError: disk on fire" in " ".join(err.split())
    assert "Traceback" not in err


def test_the_language_can_come_from_koers_lang() -> None:
    result = runner.invoke(app, ["plan", "show", str(HEEMSKERK_2024)], env={"COLUMNS": "200", "KOERS_LANG": "en"})
    assert result.exit_code == 0
    assert "Mission: Een zorgzaam Heemskerk" in result.stdout


def test_unexpected_error_in_english_names_the_debug_setting(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("koers.cli.lint.lint_plan", lambda *a, **k: 1 / 0)
    monkeypatch.setattr(sys, "argv", ["koers", "lint", str(HEEMSKERK_2024)])
    monkeypatch.delenv("KOERS_DEBUG", raising=False)
    monkeypatch.setenv("KOERS_LANG", "en")
    with pytest.raises(SystemExit):
        app_module.main()
    err = " ".join(capsys.readouterr().err.split())
    assert "Something went wrong that koers did not expect: ZeroDivisionError: division by zero." in err
    assert "set KOERS_DEBUG=1 to see the details." in err


def test_koers_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("koers.cli.lint.lint_plan", lambda *a, **k: 1 / 0)
    monkeypatch.setattr(sys, "argv", ["koers", "lint", str(HEEMSKERK_2024)])
    monkeypatch.setenv("KOERS_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        app_module.main()


@pytest.mark.parametrize(
    ("variable", "value", "args"),
    [
        ("KOERS_DEBUG", "maybe", ["lint", str(HEEMSKERK_2024)]),
        ("KOERS_DATABASE_URL", "koers.db", ["--lang", "nl", "status"]),
        ("KOERS_LANG", "fr", ["plan", "show", str(HEEMSKERK_2024)]),
    ],
)
def test_an_unusable_setting_is_one_sentence_that_names_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], variable: str, value: str, args: list[str]
) -> None:
    monkeypatch.setenv(variable, value)
    monkeypatch.setattr(sys, "argv", ["koers", *args])
    with pytest.raises(SystemExit) as exit_info:
        app_module.main()
    assert exit_info.value.code == 2
    err = " ".join(capsys.readouterr().err.split())
    assert f"{variable}='{value}' cannot be used:" in err
    assert "Traceback" not in err


def test_the_user_for_the_record_comes_from_the_option_then_koers_user(monkeypatch: pytest.MonkeyPatch) -> None:
    from koers.cli.storage import current_user

    monkeypatch.setenv("KOERS_USER", "jansen")
    assert current_user(None) == "jansen"
    assert current_user("de-vries") == "de-vries"
    monkeypatch.setenv("KOERS_USER", "")
    assert current_user(None)  # the login name
