# SPDX-License-Identifier: EUPL-1.2
"""``koers lint PLAN``: the SMART check, as a table or JSON; exit code 1 when there are errors."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from koers.cli.common import EXIT_FINDINGS, console, open_plan, parse_date, print_json, settings
from koers.domain.lint import Finding, Severity, has_errors, lint_plan
from koers.i18n import _
from koers.shapes import findings_json

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def lint(
    ctx: typer.Context,
    plan_file: Annotated[Path, typer.Argument(metavar="PLAN", help="The plan file (.yaml or .xlsx).")],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Check as on this date (YYYY-MM-DD); default today.")
    ] = None,
    stale_years: Annotated[
        int | None,
        typer.Option(
            "--stale-years",
            min=0,
            help="A baseline older than this many years before the plan starts is stale "
            "(default: the plan's setting, else 3).",
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print a JSON list of {goal, code, severity, message}.")
    ] = False,
) -> None:
    """Check that every goal is SMART: baseline, target, period, source, frequency, measurable in time."""
    lang = settings(ctx).lang
    plan = open_plan(plan_file, lang, as_json)
    findings = lint_plan(plan, as_of=parse_date(as_of, lang), stale_years=stale_years)
    if as_json:
        print_json(findings_json(findings, lang))
    else:
        show_findings(findings, lang)
    if has_errors(findings):
        raise typer.Exit(EXIT_FINDINGS)


def show_findings(findings: list[Finding], lang: str) -> None:
    out = console()
    if not findings:
        nothing = _("Alle doelen zijn SMART: geen aandachtspunten.", lang)
        out.print(f"[green]{nothing}[/]")
        return
    table = Table(title=_("Aandachtspunten meetbaarheid (SMART)", lang), show_lines=True, title_justify="left")
    table.add_column(_("Doel", lang), no_wrap=True)
    table.add_column(_("Ernst", lang), no_wrap=True)
    table.add_column("Code", no_wrap=True)
    table.add_column(_("Uitleg", lang), overflow="fold")
    for f in findings:
        table.add_row(f.goal or "-", f"[{STYLE[f.severity]}]{f.severity.label(lang)}[/]", f.code, f.message(lang))
    out.print(table)
    out.print(summary_line(findings, lang))


def summary_line(findings: list[Finding], lang: str) -> str:
    counts = {s: sum(1 for f in findings if f.severity == s) for s in Severity}
    goals = len({f.goal for f in findings if f.severity == Severity.ERROR})
    return _(
        "{errors} fouten bij {goals} doelen, {warnings} waarschuwingen, {info} ter info.",
        lang,
        errors=counts[Severity.ERROR],
        goals=goals,
        warnings=counts[Severity.WARNING],
        info=counts[Severity.INFO],
    )
