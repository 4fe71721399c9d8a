# SPDX-License-Identifier: EUPL-1.2
"""Explanations per goal per reporting period, on SQLite and PostgreSQL: every version kept."""

from __future__ import annotations

from pathlib import Path

from tests.store.conftest import koers


def test_explanations_are_versioned_per_goal_and_period(loaded: str, tmp_path: Path) -> None:
    file = tmp_path / "ff01.md"
    file.write_text("Meer inwoners vinden de **minimaregelingen**.\n", encoding="utf-8")
    code, first = koers(loaded, "explain", "FF-01", "--period", "2026-H1", "--file", str(file), "--user", "jansen")
    assert (code, first["version"], first["author"], first["period"]) == (0, 1, "jansen", "2026-H1")
    code, second = koers(loaded, "explain", "FF-01", "--period", "2e helft 2026", "--text", "Andere periode.")
    assert (code, second["version"], second["period"]) == (0, 1, "2026-H2")
    code, third = koers(loaded, "explain", "FF-01", "--period", "2026-H1", "--text", "Herschreven.")
    assert (code, third["version"]) == (0, 2)
    code, shown = koers(loaded, "explain", "FF-01", "--period", "2026-H1", "--show")
    assert (code, shown["text"], shown["version"]) == (0, "Herschreven.", 2)


def test_explain_refuses_what_cannot_be_stored(loaded: str) -> None:
    assert koers(loaded, "explain", "XX-1", "--period", "2026-H1", "--text", "x")[0] == 2
    assert koers(loaded, "explain", "FF-01", "--period", "2026-H3", "--text", "x")[0] == 2
    assert koers(loaded, "explain", "FF-01", "--period", "2026-H1", "--text", "   ")[0] == 2
    assert koers(loaded, "explain", "FF-01", "--period", "2026-H1")[0] == 2  # neither --file nor --text
    code, output = koers(loaded, "explain", "FF-01", "--period", "2026-H1", "--show")
    assert code == 2 and "nog geen toelichting" in " ".join(output.split())
