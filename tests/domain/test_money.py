# SPDX-License-Identifier: EUPL-1.2
"""Money per challenge: the sums, the share spent, and the plan's stated total."""

from __future__ import annotations

from pathlib import Path

import pytest

from koers.domain.budgets import Budget
from koers.domain.formatting import format_euro_short
from koers.domain.money import (
    KIND_LABELS,
    Amount,
    AmountKind,
    PlanMoney,
    YearMoney,
    parse_kind,
    per_challenge,
    stated_total_findings,
    summed,
    taakveld_code,
    total,
)
from koers.planfile import load_plan
from tests.conftest import HEEMSKERK_2024, ROOT

WATERLINDE = ROOT / "tests" / "data" / "plans" / "money-waterlinde.yaml"


def test_every_kind_has_a_label_and_reads_back() -> None:
    assert list(KIND_LABELS) == list(AmountKind)
    for kind in AmountKind:
        assert parse_kind(kind.value.upper()) is kind
    assert parse_kind("Primitieve begroting") is AmountKind.BUDGET
    assert parse_kind("raming") is None


def test_taakvelden_are_added_up_per_challenge() -> None:
    rows = [
        Amount("zorg", 2025, AmountKind.ACTUAL, 5_100_250.5, "Jaarstukken 2025"),
        Amount("zorg", 2025, AmountKind.ACTUAL, 2_900_000, "Jaarstukken 2025"),
        Amount("zorg", 2025, AmountKind.BUDGET, 8_000_000, "Begroting 2025"),
    ]
    assert summed(rows) == [
        Amount("zorg", 2025, AmountKind.ACTUAL, 8_000_250.5, "Jaarstukken 2025"),
        Amount("zorg", 2025, AmountKind.BUDGET, 8_000_000, "Begroting 2025"),
    ]


def test_the_share_spent_uses_the_revised_budget_else_the_budget() -> None:
    assert YearMoney(2025, budget=100, revised=200, actual=150).spent_share == 0.75
    assert YearMoney(2025, budget=200, actual=150).spent_share == 0.75
    assert YearMoney(2025, budget=200).spent_share is None
    assert YearMoney(2025, budget=0, actual=10).spent_share is None


def test_the_sentence_speaks_of_the_last_year_with_a_realisatie() -> None:
    money = per_challenge(
        [
            Amount("meedoen", 2025, AmountKind.BUDGET, 3_250_000),
            Amount("meedoen", 2025, AmountKind.REVISED, 3_400_000),
            Amount("meedoen", 2025, AmountKind.ACTUAL, 3_196_000),
            Amount("meedoen", 2026, AmountKind.BUDGET, 3_300_000),
        ],
        ["meedoen", "zorg"],
    )
    assert money["zorg"].years == ()
    assert [y.year for y in money["meedoen"].years] == [2025, 2026]
    assert money["meedoen"].sentence() == "In 2025 is € 3,2 mln uitgegeven van € 3,4 mln begroot (94%)."


def test_amounts_are_written_as_people_write_them() -> None:
    assert format_euro_short(2_345_678) == "€ 2,3 mln"
    assert format_euro_short(2_000_000) == "€ 2,0 mln"
    assert format_euro_short(450_000) == "€ 450.000"
    assert format_euro_short(2_345_678, "en") == "€ 2.3 million"


def test_taakveld_codes_are_read_from_their_names() -> None:
    assert taakveld_code("6.71 Maatwerkdienstverlening 18+") == "6.71"
    assert taakveld_code("6.1") == "6.1"
    assert taakveld_code("Samenkracht") is None


@pytest.mark.parametrize("path", [HEEMSKERK_2024, WATERLINDE], ids=["heemskerk", "waterlinde"])
def test_the_challenges_add_up_to_the_total_the_plan_states(path: Path) -> None:
    plan = load_plan(path).plan
    assert plan is not None and plan.money is not None and plan.money.total is not None
    budgets = [Amount(c.id, c.budget.year, AmountKind.BUDGET, c.budget.amount) for c in plan.challenges if c.budget]
    assert total(budgets, AmountKind.BUDGET, plan.money.total.year) == plan.money.total.amount
    assert stated_total_findings([c.budget for c in plan.challenges], plan.money) == []


def test_a_total_that_does_not_add_up_is_found_with_both_sums() -> None:
    money = PlanMoney(total=Budget(amount=1_000, year=2025))
    budgets = [Budget(amount=600, year=2025), Budget(amount=300, year=2025), Budget(amount=50, year=2024), None]
    assert stated_total_findings(budgets, money) == [
        (("money", "total", "amount"), "challenge-budgets-disagree", {"summed": 900, "total": 1_000, "year": 2025})
    ]
    assert stated_total_findings(budgets, money.model_copy(update={"tolerance": 100})) == []
