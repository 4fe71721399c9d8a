# SPDX-License-Identifier: EUPL-1.2
"""`koers status` and `koers override` on stored data, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from tests.store.conftest import koers, write_csv


def goal(items: list[dict], goal_id: str) -> dict:
    return next(i for i in items if i["goal"] == goal_id)


def test_status_judges_stored_measurements_and_rolls_up(loaded: str, tmp_path: Path) -> None:
    rows = [
        {"goal": "FF-01", "period": p, "area": "GM0396", "value": v}
        for p, v in (("2024-H2", "5500"), ("2025-H2", "5700"))
    ]
    rows.append({"goal": "FF-03", "period": "2025", "area": "GM0396", "value": "1250"})
    assert koers(loaded, "import", str(write_csv(tmp_path / "m.csv", rows)))[0] == 0
    code, report = koers(loaded, "status", "--as-of", "2026-11-23")
    assert code == 0
    ff01 = goal(report["goals"], "FF-01")
    # path 5377 (2023, ends 31-12-2023) -> 5914.7 (2027): 2025-H2 ends 31-12-2025, 2 of 4 years along,
    # so expected 5377 + 537.7 * 2 / 4 = 5645.85
    assert ff01["expected"] == 5645.85
    assert ff01["latest"] == {"value": 5700.0, "period": "2025-H2"}
    assert ff01["status"] == "on_track"  # (5700 - 5377) / (5645.85 - 5377) = 1.20 >= 0.95
    assert ff01["used"] == [
        {"subject": "FF-01", "period": "2024-H2", "area": "GM0396", "version": 1},
        {"subject": "FF-01", "period": "2025-H2", "area": "GM0396", "version": 1},
    ]
    assert goal(report["goals"], "FF-03")["status"] == "off_track"  # 1250 > 1240: the wrong way
    plan = report["rollup"]["plan"]
    assert (plan["total"], plan["counts"]["on_track"], plan["counts"]["off_track"]) == (28, 1, 1)
    assert plan["summary"] == "Van de 28 doelen: 1 op koers, 1 niet op koers; van 26 is het nog niet te zeggen."


def test_a_revised_figure_changes_the_assessment_visibly(loaded: str, tmp_path: Path) -> None:
    first = [{"goal": "FF-01", "period": "2025-H2", "area": "GM0396", "value": "5700", "status": "voorlopig"}]
    koers(loaded, "import", str(write_csv(tmp_path / "a.csv", first)))
    koers(loaded, "import", str(write_csv(tmp_path / "b.csv", [{**first[0], "value": "5500", "status": ""}])))
    _, report = koers(loaded, "status", "--as-of", "2026-11-23")
    ff01 = goal(report["goals"], "FF-01")
    assert ff01["used"] == [{"subject": "FF-01", "period": "2025-H2", "area": "GM0396", "version": 2}]
    assert ff01["status"] == "off_track"  # (5500 - 5377) / 268.85 = 0.46 < 0.6


def test_status_for_one_challenge(loaded: str) -> None:
    code, report = koers(loaded, "status", "--challenge", "Financieel fit")
    assert code == 0
    assert [g["goal"] for g in report["goals"]] == ["FF-01", "FF-02", "FF-03", "FF-04", "FF-05", "FF-06"]
    assert [c["id"] for c in report["rollup"]["challenges"]] == ["financieel-fit"]
    code, output = koers(loaded, "status", "--challenge", "Bestaat niet")
    assert code == 2
    assert "Financieel fit" in output


def test_an_override_needs_a_justification_and_stays_visible(loaded: str) -> None:
    code, _ = koers(loaded, "override", "FF-03", "--status", "on_track", "--justification", " ")
    assert code == 2
    code, set_ = koers(
        loaded,
        "override",
        "FF-03",
        "--status",
        "on_track",
        "--from",
        "2026-01-01",
        "--justification",
        "CBS wijzigde in 2025 de definitie.",
    )
    assert (code, set_) == (0, {"goal": "FF-03", "status": "on_track", "from": "2026-01-01"})
    _, before = koers(loaded, "status", "--as-of", "2025-12-31")
    assert goal(before["goals"], "FF-03")["override"] is None
    _, after = koers(loaded, "status", "--as-of", "2026-11-23")
    ff03 = goal(after["goals"], "FF-03")
    assert (ff03["status"], ff03["computed_status"]) == ("on_track", "no_data")
    assert ff03["override"]["justification"] == "CBS wijzigde in 2025 de definitie."
    assert ff03["reason"].startswith("Handmatig vastgesteld als 'op koers' (berekend: 'geen gegevens')")
    koers(loaded, "override", "FF-03", "--lift", "--from", "2026-06-01", "--justification", "Nieuwe cijfers.")
    _, lifted = koers(loaded, "status", "--as-of", "2026-11-23")
    assert goal(lifted["goals"], "FF-03")["override"] is None


def test_override_refuses_an_unknown_goal_or_status(loaded: str) -> None:
    assert koers(loaded, "override", "XX-1", "--status", "on_track", "--justification", "x")[0] == 2
    assert koers(loaded, "override", "FF-01", "--status", "no_data", "--justification", "x")[0] == 2
    assert koers(loaded, "override", "FF-01", "--justification", "x")[0] == 2
