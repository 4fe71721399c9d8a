# SPDX-License-Identifier: EUPL-1.2
"""Helpers for the store tests: the CLI with --json on a database, CSV files, row counts."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from typer.testing import CliRunner

from koers.cli.app import app
from koers.store.tables import measurements
from tests.conftest import HEEMSKERK_2024

runner = CliRunner()


def koers(db_url: str, *args: str) -> tuple[int, Any]:
    """Run the CLI with --json against ``db_url``; returns the exit code and the parsed output."""
    result = runner.invoke(app, ["--db", db_url, *args, "--json"])
    try:
        return result.exit_code, json.loads(result.stdout)
    except json.JSONDecodeError:
        return result.exit_code, result.stdout + result.stderr


def write_csv(path: Path, rows: list[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def count(engine: Engine, table: Any = measurements) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


@pytest.fixture
def loaded(db_url: str) -> str:
    """A migrated database holding the Heemskerk 2024 plan."""
    assert koers(db_url, "db", "upgrade")[0] == 0
    assert koers(db_url, "plan", "load", str(HEEMSKERK_2024))[0] == 0
    return db_url
