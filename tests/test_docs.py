# SPDX-License-Identifier: EUPL-1.2
"""Documentation that cannot silently fall behind the code."""

from __future__ import annotations

import re

from koers.domain.lint import RULES
from koers.domain.raking import RAKING_PROBLEMS
from koers.domain.survey_estimates import EstimateMethod
from koers.importers.messages import IMPORT_MESSAGES
from koers.planfile.messages import MESSAGES
from koers.planfile.schema import plan_json_schema_text
from tests.conftest import ROOT

DOCS = ROOT / "docs"


def test_committed_schema_matches_the_model() -> None:
    committed = (DOCS / "plan.schema.json").read_text(encoding="utf-8")
    assert committed == plan_json_schema_text(), "run: koers plan schema --out docs/plan.schema.json"


def test_every_smart_rule_is_documented_with_its_severity() -> None:
    text = (DOCS / "smart-check.md").read_text(encoding="utf-8")
    for rule in RULES.values():
        assert f"| `{rule.code}` | {rule.severity.value} |" in text, rule.code


def test_every_problem_code_is_documented() -> None:
    text = (DOCS / "plan-format.md").read_text(encoding="utf-8")
    for code in MESSAGES:
        assert f"`{code}`" in text, code


def test_every_survey_code_is_documented() -> None:
    """Raking's problem codes and the estimates' methods, in methodology.md under "Surveys"."""
    text = (DOCS / "methodology.md").read_text(encoding="utf-8").split("## Surveys", 1)[1]
    for code in [*RAKING_PROBLEMS, *EstimateMethod]:
        assert f"| `{code}` |" in text, code


def test_every_import_problem_code_is_documented() -> None:
    text = (DOCS / "import-format.md").read_text(encoding="utf-8")
    for code in IMPORT_MESSAGES:
        assert f"`{code}`" in text, code


def test_every_command_is_documented() -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    for command in (
        "plan show",
        "plan export",
        "plan schema",
        "plan load",
        "lint",
        "db upgrade",
        "import",
        "measurements",
        "export",
        "derive",
        "due",
        "status",
        "override",
        "explain",
        "demo-data",
        "report",
        "user add",
        "bbv list",
    ):
        assert f"`koers {command}" in text, command


def test_every_message_has_a_text_and_a_hint() -> None:
    for code, (message, hint) in {**MESSAGES, **IMPORT_MESSAGES}.items():
        assert message and hint, code


def test_readme_quick_start_has_exactly_two_commands_and_ci_runs_the_second() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## Quick start\s*\n(.*?)(?=^## |\Z)", readme, re.S | re.M)
    assert section is not None
    block = re.findall(r"```[a-z]*\n(.*?)```", section.group(1), re.S)[0]
    commands = [line for line in block.splitlines() if line.strip() and not line.startswith("#")]
    assert len(commands) == 2
    assert commands[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_source_file_has_an_spdx_header() -> None:
    files = [
        *ROOT.joinpath("src").rglob("*.py"),
        *ROOT.joinpath("tests").rglob("*.py"),
        *ROOT.joinpath("scripts").iterdir(),
        ROOT / ".ci" / "run",
    ]
    missing = [
        str(f.relative_to(ROOT))
        for f in files
        if f.is_file()
        and "SPDX-License-Identifier: EUPL-1.2" not in f.read_text(encoding="utf-8")[:300]
        and f.stat().st_size > 0
    ]
    assert missing == []
