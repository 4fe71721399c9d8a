# SPDX-License-Identifier: EUPL-1.2
"""``koers --version`` and ``koers --help`` answer at once: they import none of the heavy
libraries and none of the command modules (src/koers/cli/lazy.py). The time itself is
measured by bench/startup_bench.py; a test on imports does not depend on the machine."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import typer.main
from typer.core import TyperGroup
from typer.testing import CliRunner

from koers.cli.app import COMMANDS, app

#: What takes a noticeable time to import, and is needed only when a command does its work.
HEAVY = (
    "alembic",
    "altair",
    "argon2",
    "babel",
    "docx",
    "fastapi",
    "jinja2",
    "nh3",
    "openpyxl",
    "platformdirs",
    "pptx",
    "psycopg",
    "pydantic",
    "ruamel",
    "sqlalchemy",
    "starlette",
    "uvicorn",
    "vl_convert",
    "weasyprint",
)
#: The parts of koers that ``--version`` and ``--help`` do not need.
KOERS_HEAVY = ("koers.domain", "koers.planfile", "koers.store", "koers.reports", "koers.web", "koers.importers")
#: The command line's own modules that they do import: the root, what it shares, the lazy group.
_LIGHT_CLI = {"koers.cli", "koers.cli.app", "koers.cli.common", "koers.cli.lazy"}

PROBE = """
import json, sys
sys.argv = ["koers", *json.loads(sys.argv[1])]
from koers.cli.app import main
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _imported_by(*args: str) -> list[str]:
    """The modules a fresh ``koers ARGS`` has imported when it stops."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)], capture_output=True, text=True, check=True, timeout=60
    )
    modules: list[str] = json.loads(done.stderr.strip().splitlines()[-1])
    return modules


@pytest.mark.parametrize("args", [("--version",), ("--help",), ()])
def test_version_and_help_import_no_heavy_library(args: tuple[str, ...]) -> None:
    modules = _imported_by(*args)
    heavy = sorted({m.split(".")[0] for m in modules} & set(HEAVY))
    assert not heavy, f"koers {' '.join(args)} imports {heavy}: import them where they are used"
    ours = [m for m in modules if any(m == p or m.startswith(p + ".") for p in KOERS_HEAVY)]
    commands = [m for m in modules if m.startswith("koers.cli.") and m not in _LIGHT_CLI]
    assert not ours and not commands, (ours, commands)


def test_the_probe_sees_a_heavy_import() -> None:
    """A guard on the probe itself: a command that does its work is seen importing the domain."""
    modules = _imported_by("plan", "schema")
    assert "pydantic" in {m.split(".")[0] for m in modules} and "koers.cli.plan" in modules


def test_each_help_line_is_the_command_s_own_help() -> None:
    """The line ``koers --help`` lists (declared in koers.cli.app) is what the command itself
    says in its own ``--help``, so that the two cannot drift apart."""
    for entry in COMMANDS:
        command = entry.load()
        assert command.help == entry.help, entry.name
        assert command.name == entry.name


def test_help_lists_every_command_with_its_help() -> None:
    result = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "300"})
    assert result.exit_code == 0
    listed = dict(line.strip("│ ").split(None, 1) for line in result.stdout.splitlines() if line.startswith("│ "))
    for entry in COMMANDS:
        assert listed.get(entry.name, "").strip(" │") == entry.help


def test_the_tree_holds_every_command_and_its_sub_commands() -> None:
    group = typer.main.get_command(app)
    assert isinstance(group, TyperGroup)
    assert list(group.commands) == [entry.name for entry in COMMANDS]
    plan, db = group.commands["plan"], group.commands["db"]
    assert isinstance(plan, TyperGroup) and isinstance(db, TyperGroup)  # db keeps its one sub-command
    assert set(plan.commands) == {"show", "export", "load", "diff", "schema"} and set(db.commands) == {"upgrade"}


def test_a_mistyped_command_still_gets_a_suggestion() -> None:
    result = CliRunner().invoke(app, ["stauts"])
    assert result.exit_code == 2
    assert "Did you mean 'status'" in result.output


def test_a_sub_command_runs() -> None:
    result = CliRunner().invoke(app, ["plan", "schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"] == "koers plan file"
