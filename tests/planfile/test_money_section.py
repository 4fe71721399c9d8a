# SPDX-License-Identifier: EUPL-1.2
"""The plan's money section: taakvelden that point nowhere and totals that do not add up are
found, each at its line."""

from __future__ import annotations

from pathlib import Path

from koers.planfile import load_plan
from tests.conftest import ROOT

BROKEN = ROOT / "tests" / "data" / "money"


def test_a_taakveld_mapped_to_an_unknown_challenge_is_found_at_its_line() -> None:
    result = load_plan(BROKEN / "plan-unknown-challenge.yaml")
    assert result.plan is None
    assert [(p.code, p.field, p.location.line) for p in result.problems] == [
        ("unknown-challenge", "money.taakvelden.6.72", 18)
    ]
    assert "Er is geen opgave met code 'jeugd'" in result.problems[0].describe()


def test_a_total_that_does_not_add_up_is_found_once_the_section_reads(tmp_path: Path) -> None:
    result = load_plan(BROKEN / "plan-total-disagrees.yaml")
    assert result.plan is None
    # the total waits for a readable section; the wrong code is found at its own line, not the mapping's
    assert [(p.code, p.location.line) for p in result.problems] == [("invalid-taakveld", 18)]
    fixed = (BROKEN / "plan-total-disagrees.yaml").read_text(encoding="utf-8").replace('"6x"', '"6.1"')
    path = tmp_path / "money-total.yaml"
    path.write_text(fixed, encoding="utf-8")
    problems = load_plan(path).problems
    assert [(p.code, p.location.line) for p in problems] == [("challenge-budgets-disagree", 16)]
    assert "tellen op tot 11370500, niet tot het totaal 11000000 (2025)" in problems[0].describe()
