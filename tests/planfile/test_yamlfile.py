# SPDX-License-Identifier: EUPL-1.2
"""Writing a plan as YAML and reading it back gives the same plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from koers.domain.keyfigures import KeyFigureRow, KeyFigureTable
from koers.domain.plan import Plan
from koers.planfile import read_plan, write_plan
from tests.conftest import HEEMSKERK_2020, HEEMSKERK_2024


@pytest.mark.parametrize("source", [HEEMSKERK_2024, HEEMSKERK_2020], ids=["2024", "2020"])
def test_reference_plans_round_trip(tmp_path: Path, source: Path) -> None:
    original = read_plan(source)
    write_plan(original, tmp_path / "plan.yaml")
    assert read_plan(tmp_path / "plan.yaml") == original


def test_an_empty_required_group_is_kept(tmp_path: Path, heemskerk_2024: Plan) -> None:
    table = KeyFigureTable(id="leeg", title="Nog leeg", unit="inwoners", rows=[KeyFigureRow(category="a", values={})])
    plan = heemskerk_2024.model_copy(update={"key_figures": [table]})
    write_plan(plan, tmp_path / "plan.yaml")
    assert "values: {}" in (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    assert read_plan(tmp_path / "plan.yaml") == plan
