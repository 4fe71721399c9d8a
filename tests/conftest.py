# SPDX-License-Identifier: EUPL-1.2
"""Shared fixtures: the reference plans, loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from koers.domain.plan import Plan
from koers.planfile import read_plan

pytest_plugins = ["tests.databases"]

ROOT = Path(__file__).resolve().parent.parent
HEEMSKERK_2024 = ROOT / "examples" / "heemskerk-2024" / "plan.yaml"
HEEMSKERK_2020 = ROOT / "examples" / "heemskerk-2020" / "plan.yaml"


@pytest.fixture(scope="session")
def heemskerk_2024() -> Plan:
    return read_plan(HEEMSKERK_2024)


@pytest.fixture(scope="session")
def heemskerk_2020() -> Plan:
    return read_plan(HEEMSKERK_2020)
