# SPDX-License-Identifier: EUPL-1.2
"""docs/cli.md against the command line itself: every command, argument and option the Typer
app has is documented, and the page documents none that the app does not have.

The page has a section ``### `koers COMMAND` `` per command under "Options, per command", with
a table whose first column names each argument (its metavar, ``PLAN``) or option (its flag,
``--json``, optionally followed by a value placeholder).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import typer

from koers.cli.app import app
from tests.conftest import ROOT

CLI_DOC = ROOT / "docs" / "cli.md"
OPTIONS_SECTION = "## Options, per command"
SECTION_HEADING = re.compile(r"^### `(koers(?: [a-z][a-z0-9-]*)*)`\s*$", re.M)
FIRST_CELL = re.compile(r"^\| `([^`\s]+)[^`]*` \|", re.M)


def _commands(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, Any]]:
    """Every visible command of the app, with its full name; groups that only hold commands
    (``koers plan``) are left out, the root is kept for its own options."""
    children = getattr(command, "commands", None) or {}
    if not children or not path:
        yield " ".join(("koers", *path)), command
    for name, child in sorted(children.items()):
        if not child.hidden:
            yield from _commands(child, (*path, name))


def _documented_names(command: Any) -> set[str]:
    """What the doc must list for ``command``: argument metavars and each option's first flag."""
    names = set()
    for param in command.params:
        if getattr(param, "hidden", False):
            continue
        names.add(param.metavar if param.param_type_name == "argument" else param.opts[0])
    return names


def _sections() -> dict[str, str]:
    """The body of each ``### `koers ...` `` section under "Options, per command"."""
    text = CLI_DOC.read_text(encoding="utf-8")
    assert OPTIONS_SECTION in text, f"docs/cli.md has no '{OPTIONS_SECTION}' section"
    part = text.split(OPTIONS_SECTION, 1)[1].split("\n## ", 1)[0]
    headings = list(SECTION_HEADING.finditer(part))
    return {
        match.group(1): part[match.end() : headings[i + 1].start() if i + 1 < len(headings) else len(part)]
        for i, match in enumerate(headings)
    }


APP_COMMANDS = dict(_commands(typer.main.get_command(app)))


def test_the_walk_finds_the_commands_the_issue_names() -> None:
    """A guard on the walk itself: sub-commands, the dashboard and the demo are all found."""
    assert {
        "koers",
        "koers plan show",
        "koers plan load",
        "koers user add",
        "koers db upgrade",
        "koers serve",
        "koers demo",
        "koers demo-data",
    } <= set(APP_COMMANDS)
    assert "koers plan" not in APP_COMMANDS


def test_every_command_has_a_section_and_every_section_a_command() -> None:
    sections = _sections()
    missing = sorted(set(APP_COMMANDS) - set(sections))
    unknown = sorted(set(sections) - set(APP_COMMANDS))
    assert not missing, f"commands without a section in docs/cli.md: {missing}"
    assert not unknown, f"docs/cli.md documents commands that do not exist: {unknown}"


def test_every_argument_and_option_is_documented_and_no_other() -> None:
    sections = _sections()
    problems = []
    for name, command in APP_COMMANDS.items():
        documented = set(FIRST_CELL.findall(sections.get(name, "")))
        expected = _documented_names(command)
        problems += [f"{name}: {flag} is not documented" for flag in sorted(expected - documented)]
        problems += [f"{name}: {flag} is documented but does not exist" for flag in sorted(documented - expected)]
    assert not problems, "\n".join(problems)


def test_every_command_is_in_the_overview_table() -> None:
    text = CLI_DOC.read_text(encoding="utf-8").split(OPTIONS_SECTION, 1)[0]
    missing = [name for name in APP_COMMANDS if name != "koers" and f"| `{name}" not in text]
    assert not missing, f"commands missing from the overview table in docs/cli.md: {missing}"
