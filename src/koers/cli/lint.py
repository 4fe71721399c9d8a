# SPDX-License-Identifier: EUPL-1.2
"""``koers lint PLAN``: the SMART check, as a table or JSON; exit code 1 when there are errors."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from koers.catalogues import BbvCatalogue, BbvCatalogueError, bbv_catalogue
from koers.cli.common import (
    EXIT_FINDINGS,
    console,
    fail,
    open_plan_file,
    parse_date,
    print_json,
    settings,
    styled,
)
from koers.domain.lint import Finding, Severity, has_errors, lint_plan
from koers.i18n import _, ngettext
from koers.planfile.validation import Locator
from koers.problems import Location
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
    bbv_file: Annotated[
        Path | None,
        typer.Option(
            "--bbv-catalogue",
            metavar="FILE",
            help="A newer national list of BBV indicators (tab-separated, the columns of the one koers "
            "ships); default: koers's own.",
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print a JSON list of {goal, code, severity, message}.")
    ] = False,
) -> None:
    """Check that every goal is SMART: baseline, target, period, source, frequency, measurable in time."""
    lang = settings(ctx).lang
    catalogue = open_catalogue(bbv_file, lang)
    read = open_plan_file(plan_file, lang, as_json)
    assert read.plan is not None
    findings = lint_plan(read.plan, as_of=parse_date(as_of, lang), stale_years=stale_years, catalogue=catalogue)
    if as_json:
        print_json(findings_json(findings, lang))
    else:
        show_findings(findings, lang, read.locate, plan_file)
    if has_errors(findings):
        raise typer.Exit(EXIT_FINDINGS)


def open_catalogue(path: Path | None, lang: str) -> BbvCatalogue:
    """The BBV catalogue to compare with: koers's own, or the file given; a clean message if not."""
    try:
        return bbv_catalogue(path)
    except BbvCatalogueError as err:
        fail(
            _(
                "De BBV-lijst '{file}' is niet te lezen: {error}.",
                lang,
                file=path,
                error=err.wording.render(lang, lambda value, _lang: value),
            )
        )
    except OSError as err:
        fail(_("De BBV-lijst '{file}' is niet te openen: {error}", lang, file=path, error=err.strerror or err))


def show_findings(findings: list[Finding], lang: str, locate: Locator | None = None, file: Path | None = None) -> None:
    """The findings as a table; with ``locate``, where each is in the plan ``file``."""
    out = console()
    if not findings:
        out.print(_("Alle doelen zijn SMART: geen aandachtspunten.", lang), style="green")
        return
    title = _("Aandachtspunten meetbaarheid (SMART)", lang) + (f": {file}" if file is not None else "")
    table = Table(title=title, show_lines=True, title_justify="left")
    table.add_column(_("Doel", lang), no_wrap=True)
    if locate is not None:
        table.add_column(_("Waar", lang), overflow="fold")
    table.add_column(_("Ernst", lang), no_wrap=True)
    table.add_column("Code", no_wrap=True)
    table.add_column(_("Uitleg", lang), overflow="fold")
    for f in findings:
        where = [_place(locate(f.loc), lang)] if locate is not None else []
        severity = styled(f.severity.label(lang), STYLE[f.severity])
        table.add_row(f.goal or f.subject or "-", *where, severity, f.code, f.message(lang))
    out.print(table)
    out.print(summary_line(findings, lang))


def _place(location: Location, lang: str) -> str:
    """Where in the file, without the file's name (the title names it): 'regel 12', or the
    sheet and row of a workbook."""
    inside = dataclasses.replace(location, file="").describe(lang).lstrip(", ")
    return inside or "-"


def summary_line(findings: list[Finding], lang: str) -> str:
    """'11 fouten bij 10 doelen, 6 waarschuwingen, 3 ter info.', in the singular where it counts 1."""
    counts = {s: sum(1 for f in findings if f.severity == s) for s in Severity}
    goals = len({f.goal or f.subject for f in findings if f.severity == Severity.ERROR})
    return _(
        "{errors} bij {goals}, {warnings}, {info} ter info.",
        lang,
        errors=ngettext("{n} fout", "{n} fouten", counts[Severity.ERROR], lang),
        goals=ngettext("{n} doel", "{n} doelen", goals, lang),
        warnings=ngettext("{n} waarschuwing", "{n} waarschuwingen", counts[Severity.WARNING], lang),
        info=counts[Severity.INFO],
    )
