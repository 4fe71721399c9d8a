# SPDX-License-Identifier: EUPL-1.2
"""The SMART check's newer rules on a whole plan file, and where each finding is in that file.

``tests/data/plans/real-tables.yaml`` (the made-up Gemeente Lindewaard) writes its goals the way
other municipalities' plans and begrotingen do, each with one slip real tables make: a target the
newest baseline already meets, a change that leads past 100%, a result area copied from another
goal, a band the baseline is inside, words koers cannot read, and a BBV indicator counted per
1.000 where the national list counts per 10.000. The list below was made by reading the file.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from koers.catalogues import bbv_catalogue
from koers.cli.app import app
from koers.domain.lint import Severity, lint_plan
from koers.planfile import LoadResult, load_plan, write_plan

PLAN_FILE = Path(__file__).resolve().parents[1] / "data" / "plans" / "real-tables.yaml"
AS_OF = date(2025, 6, 1)
E, W = Severity.ERROR, Severity.WARNING

#: (goal or BBV indicator, code, severity, the key of the file's line the finding points at)
EXPECTED = [
    ("LW-01", "target-met-at-baseline", W, "target"),
    ("LW-02", "value-out-of-range", E, "target"),
    ("LW-03", "direction-contradicts-name", W, "result_area"),
    ("LW-04", "target-met-at-baseline", W, "target"),
    ("LW-06", "unreadable-target", E, "target"),
    ("BBV-27", "bbv-unit-mismatch", W, "unit"),
]


def line_of(owner: str, key: str) -> int:
    """The line of ``key:`` in the item whose id is ``owner``, counted by reading the file."""
    lines = PLAN_FILE.read_text(encoding="utf-8").splitlines()
    start = lines.index(f"  - id: {owner}")
    return next(n for n, line in enumerate(lines[start:], start=start + 1) if line.strip().startswith(f"{key}:"))


@pytest.fixture(scope="module")
def read() -> LoadResult:
    result = load_plan(PLAN_FILE)
    assert result.plan is not None and result.locate is not None, result.problems
    return result


def test_every_slip_is_found_where_it_is(read: LoadResult) -> None:
    assert read.plan is not None and read.locate is not None
    findings = lint_plan(read.plan, as_of=AS_OF, catalogue=bbv_catalogue())
    found = [(f.goal or f.subject, f.code, f.severity, read.locate(f.loc).line) for f in findings]
    assert found == [(owner, code, severity, line_of(owner, key)) for owner, code, severity, key in EXPECTED]


def test_koers_lint_names_the_file_and_the_line() -> None:
    result = CliRunner().invoke(app, ["lint", str(PLAN_FILE), "--as-of", "2025-06-01"], env={"COLUMNS": "250"})
    assert result.exit_code == 1
    assert f"Aandachtspunten meetbaarheid (SMART): {PLAN_FILE}" in result.stdout
    rows = [line for line in result.stdout.splitlines() if line.startswith("│ LW-01 ")]
    assert rows and f"│ regel {line_of('LW-01', 'target')} " in rows[0]
    assert "2 fouten bij 2 doelen, 4 waarschuwingen, 0 ter info." in result.stdout


def test_a_workbook_names_the_sheet_and_the_row(read: LoadResult, tmp_path: Path) -> None:
    assert read.plan is not None
    workbook = tmp_path / "plan.xlsx"
    write_plan(read.plan, workbook)
    from_excel = load_plan(workbook)
    assert from_excel.plan is not None and from_excel.locate is not None
    findings = lint_plan(from_excel.plan, as_of=AS_OF, catalogue=bbv_catalogue())
    assert [f.code for f in findings] == [code for _owner, code, _severity, _key in EXPECTED]
    places = [from_excel.locate(f.loc) for f in findings]
    assert all(p.sheet is not None and p.row is not None and p.line is None for p in places)


def test_json_keeps_its_documented_shape() -> None:
    """Where a finding is shows in the table; the --json list keeps {goal, code, severity, message}."""
    result = CliRunner().invoke(app, ["lint", str(PLAN_FILE), "--json", "--as-of", "2025-06-01"])
    findings = json.loads(result.stdout)
    assert all(set(f) == {"goal", "code", "severity", "message"} for f in findings)
    assert findings[-1]["goal"] is None and findings[-1]["code"] == "bbv-unit-mismatch"
