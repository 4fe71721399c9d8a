# SPDX-License-Identifier: EUPL-1.2
"""The terminal shows a user's text as text: Rich markup in it is printed, never applied.

Plans quote documents, and documents write '[sic]'; a note may hold '[bold]'. Printed through
Rich markup, '[sic]' would vanish and '[bold]x[/bold]' would turn bold, so what a municipality
wrote would not be what koers shows. Every command that prints a user's words (the plan, goal
statements, names, quoted reasons, notes, justifications, explanations, file names) is run here
on text full of markup, and the brackets must come out as written.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from koers.cli.app import app

runner = CliRunner()

#: Markup Rich would read: a tag it does not know, a style, a bare closing tag and a link.
SIC, BOLD, CLOSE, LINK = "[sic]", "[bold]x[/bold]", "[/]", "[link=http://x]y[/link]"
MARKUP = f"{SIC} {BOLD} {CLOSE} {LINK}"

PLAN = f"""\
municipality: {{cbs_code: GM9997, name: Haverdal}}
title: "Haverdal {MARKUP}"
start_year: 2025
end_year: 2028
mission: "Iedereen doet mee {MARKUP}"
challenges:
  - id: meedoen
    name: "Meedoen {MARKUP}"
goals:
  - id: MD-01
    challenge: meedoen
    statement: "In 2028 doet 50% mee {MARKUP}"
    indicator: {{name: "Deelname {MARKUP}", unit: percentage}}
    baseline: {{value: 40, period: 2024}}
    target: {{value: 50, period: 2028}}
    direction: increase
    source: "Peiling {MARKUP}"
    frequency: 1X per 3 jaar
    note: "Zie het raadsbesluit {MARKUP}"
  - id: MD-02
    challenge: meedoen
    statement: "Meer mantelzorgers in beeld {MARKUP}"
    indicator: {{name: "Mantelzorgers in beeld", unit: count}}
    baseline: {{status: absent, reason: "geen nulmeting {MARKUP}"}}
    target: {{value: 500, period: 2028}}
    direction: increase
    source: Registratie
    frequency: 1X per jaar
"""


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "400"})
    return result.exit_code, result.stdout, result.stderr


def flat(text: str) -> str:
    """Output with the lines of tables and wrapped cells joined, so a text can be found whole."""
    return " ".join(part.strip(" │┃║|") for part in text.splitlines())


def assert_literal(output: str, *texts: str) -> None:
    joined = " ".join(flat(output).split())
    for text in texts:
        assert text in joined, f"{text!r} not shown as written in:\n{output}"


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    """The plan, in a folder whose name is markup too ('[sic] [bold]x[/bold]' makes two folders)."""
    folder = tmp_path / f"{SIC} {BOLD}"
    folder.mkdir(parents=True)
    path = folder / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


@pytest.fixture
def db(tmp_path: Path, plan_file: Path) -> str:
    url = f"sqlite:///{tmp_path / 'koers.db'}"
    assert run("--db", url, "db", "upgrade")[0] == 0
    assert run("--db", url, "plan", "load", str(plan_file))[0] == 0
    return url


def test_plan_show_prints_the_plan_as_written(plan_file: Path) -> None:
    code, out, _ = run("plan", "show", str(plan_file))
    assert code == 0
    assert_literal(
        out,
        f"Haverdal (GM9997): Haverdal {MARKUP}",
        f"Missie: Iedereen doet mee {MARKUP}",
        f"Opgave 1: Meedoen {MARKUP}",
        f"In 2028 doet 50% mee {MARKUP}",
        f"Peiling {MARKUP}",
        f"koers lint {plan_file}",
    )


def test_lint_prints_quoted_words_and_the_file_as_written(plan_file: Path) -> None:
    code, out, _ = run("lint", str(plan_file), "--as-of", "2025-06-01")
    assert code == 1
    assert_literal(
        out,
        f"(SMART): {plan_file}",
        f"Peiling {MARKUP} meet 1 keer per 3 jaar.",  # the source, quoted in a finding
        f"(het plan zegt: 'geen nulmeting {MARKUP}')",  # the plan's own words, quoted
    )


def test_a_plan_that_cannot_be_read_names_its_file_as_written(plan_file: Path) -> None:
    plan_file.write_text(PLAN + f"colour: '{MARKUP}'\n", encoding="utf-8")
    code, _, err = run("lint", str(plan_file))
    assert code == 2
    assert_literal(err, str(plan_file), "Het plan kan niet worden gelezen: 1 probleem.")


def test_status_prints_names_and_justifications_as_written(db: str) -> None:
    justification = f"Besproken in de raad {MARKUP}"
    code, _, _ = run(
        "--db",
        db,
        "override",
        "MD-01",
        "--status",
        "on_track",
        "--justification",
        justification,
        "--from",
        "2026-01-01",
    )
    assert code == 0
    code, out, _ = run("--db", db, "status", "--as-of", "2026-11-23")
    assert code == 0
    assert_literal(out, f"Meedoen {MARKUP}:", justification)


def test_a_refusal_quotes_the_user_as_written(db: str) -> None:
    code, _, err = run("--db", db, "status", "--challenge", BOLD)
    assert code == 2
    assert_literal(err, f"Er is geen opgave '{BOLD}'. Kies uit: Meedoen {MARKUP}.")


def test_explain_shows_the_explanation_as_written(db: str, tmp_path: Path) -> None:
    text = f"De deelname steeg {MARKUP}; zie ook [1]."
    explanation = tmp_path / "toelichting [sic].md"
    explanation.write_text(text, encoding="utf-8")
    assert run("--db", db, "explain", "MD-01", "--period", "2026-H1", "--file", str(explanation))[0] == 0
    code, out, _ = run("--db", db, "explain", "MD-01", "--period", "2026-H1", "--show")
    assert code == 0
    assert_literal(out, text)
    missing = tmp_path / f"{SIC} weg.md"
    code, _, err = run("--db", db, "explain", "MD-01", "--period", "2026-H1", "--file", str(missing))
    assert code == 2
    assert_literal(err, f"'{missing}' is niet te lezen")


def test_due_and_measurements_print_sources_and_file_names_as_written(db: str, tmp_path: Path) -> None:
    code, out, _ = run("--db", db, "due", "--as-of", "2026-11-23")
    assert code == 0
    assert_literal(out, f"Peiling {MARKUP}")
    figures = tmp_path / f"metingen {SIC} [bold]x [link=x]y.csv"  # a file name holds no '/' of a closing tag
    figures.write_text("goal,period,area,value\nMD-01,2025,GM9997,42\n", encoding="utf-8")
    assert run("--db", db, "import", str(figures))[0] == 0
    code, out, _ = run("--db", db, "measurements")
    assert code == 0
    assert_literal(out, figures.name)


def test_json_was_never_touched_by_markup(plan_file: Path) -> None:
    """--json bypasses Rich: the same words, for comparison with the tables above."""
    code, out, _ = run("plan", "show", str(plan_file), "--json")
    assert code == 0
    assert json.loads(out)["plan"]["title"] == f"Haverdal {MARKUP}"


#: An f-string that starts a Rich tag ('f"[bold red]{text}[/]"', 'f"[{style}]{label}[/]"').
MARKUP_IN_F_STRING = re.compile(r"""\bf(["'])[^"']*\[(?:/|[a-z{])""")


def test_no_command_mixes_markup_into_its_strings() -> None:
    """koers's own styling is a style or a Text, never markup in a string that may carry a
    user's words: the consoles read no markup, so such a string would show its tags."""
    offenders = []
    for path in sorted((Path(__file__).resolve().parents[2] / "src" / "koers" / "cli").glob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if MARKUP_IN_F_STRING.search(line):
                offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)
