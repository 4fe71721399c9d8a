# SPDX-License-Identifier: EUPL-1.2
"""``koers plan show`` and ``koers plan export``: read a plan, show it, write it elsewhere."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from koers.catalogues import bbv_catalogue
from koers.cli.common import console, fail, open_plan, print_json, settings, styled, write_text_or_print
from koers.cli.lint import summary_line
from koers.cli.storage import USER_OPTION, current_user, engine_for
from koers.domain.baselines import BaselineStatus
from koers.domain.formatting import format_euro, format_value
from koers.domain.goals import Goal
from koers.domain.lint import lint_plan
from koers.domain.plan import Challenge, Plan
from koers.i18n import N_, _, ngettext, pgettext
from koers.planfile import EXCEL_SUFFIXES, YAML_SUFFIXES, write_plan
from koers.planfile.schema import plan_json_schema_text
from koers.shapes import plan_json
from koers.store.plans import save_plan

app = typer.Typer(no_args_is_help=True, help="Show a plan, export it to YAML or Excel, or compare two versions.")

#: How a target that is a bound is written before its value, per direction.
BOUNDS = {"at-least": N_("min."), "at-most": N_("max.")}


@app.command("show")
def show(
    ctx: typer.Context,
    plan_file: Annotated[Path, typer.Argument(metavar="PLAN", help="The plan file (.yaml or .xlsx).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the plan as JSON (shape: docs/cli.md).")] = False,
) -> None:
    """Show the plan: mission, vision, challenges with budgets, goals, and the SMART check in brief."""
    lang = settings(ctx).lang
    plan = open_plan(plan_file, lang, as_json)
    findings = lint_plan(plan, as_of=date.today(), catalogue=bbv_catalogue())
    if as_json:
        print_json(plan_json(plan, findings, lang))
        return
    out = console()
    show_header(out, plan, lang)
    for number, challenge in enumerate(plan.challenges, start=1):
        show_challenge(out, plan, challenge, number, lang)
    show_bbv(out, plan, lang)
    out.rule(_("SMART-check", lang))
    out.print(summary_line(findings, lang))
    out.print(_("Alle aandachtspunten: koers lint {file}", lang, file=plan_file))


@app.command("export")
def export(
    ctx: typer.Context,
    plan_file: Annotated[Path, typer.Argument(metavar="PLAN", help="The plan file to read (.yaml or .xlsx).")],
    to: Annotated[Path, typer.Option("--to", help="The file to write: .xlsx for Excel, .yaml for YAML.")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite the file if it exists.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print {written, format, goals} as JSON.")] = False,
) -> None:
    """Write the plan to an Excel workbook (one sheet per part) or to YAML."""
    lang = settings(ctx).lang
    suffix = to.suffix.lower()
    if suffix not in YAML_SUFFIXES + EXCEL_SUFFIXES:
        fail(_("'{file}' heeft geen bekende extensie: gebruik .xlsx of .yaml.", lang, file=to))
    if to.exists() and not force:
        fail(_("'{file}' bestaat al. Kies een andere naam, of gebruik --force om te overschrijven.", lang, file=to))
    plan = open_plan(plan_file, lang, as_json)
    write_plan(plan, to)
    kind = "xlsx" if suffix in EXCEL_SUFFIXES else "yaml"
    if as_json:
        print_json({"written": str(to), "format": kind, "goals": len(plan.goals)})
    else:
        goals = len(plan.goals)
        console().print(
            ngettext(
                "Plan geschreven naar {file} ({n} doel).",
                "Plan geschreven naar {file} ({n} doelen).",
                goals,
                lang,
                file=to,
            )
        )


@app.command("load")
def load(
    ctx: typer.Context,
    plan_file: Annotated[Path, typer.Argument(metavar="PLAN", help="The plan file to store (.yaml or .xlsx).")],
    user: Annotated[str | None, USER_OPTION] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print {plan, version, changed} as JSON.")] = False,
) -> None:
    """Store the plan in the database. Loading an edited plan adds a version; old versions stay."""
    lang = settings(ctx).lang
    plan = open_plan(plan_file, lang, as_json)
    engine = engine_for(ctx)
    outcome = save_plan(engine, plan, source=str(plan_file), user=current_user(user))
    if as_json:
        print_json({"plan": outcome.key, "version": outcome.version, "changed": outcome.changed})
    elif outcome.changed:
        console().print(
            _("Plan {plan} opgeslagen als versie {version}.", lang, plan=outcome.key, version=outcome.version)
        )
    else:
        console().print(
            _(
                "Plan {plan} is niet veranderd; het blijft versie {version}.",
                lang,
                plan=outcome.key,
                version=outcome.version,
            )
        )


@app.command("diff")
def diff(
    ctx: typer.Context,
    old: Annotated[Path, typer.Argument(metavar="OLD", help="The previous version of the plan (.yaml or .xlsx).")],
    new: Annotated[Path, typer.Argument(metavar="NEW", help="The revised version (.yaml or .xlsx).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the changes as JSON (shape: docs/cli.md).")] = False,
) -> None:
    """What changed between two versions of a plan, goal by goal, and why: continued, sharpened, replaced,
    ended or new; exit code 1 when the revision leaves a change unexplained."""
    from koers.cli.plan_diff import show_diff

    lang = settings(ctx).lang
    show_diff(open_plan(old, lang, as_json), open_plan(new, lang, as_json), lang, as_json)


@app.command("schema")
def schema(
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the schema to this file instead of printing it.")
    ] = None,
) -> None:
    """Print the JSON Schema of the plan file (for editors that check YAML as you type)."""
    write_text_or_print(plan_json_schema_text(), out)


def labelled(label: str, text: str) -> Text:
    """``label: text`` with the label in bold (the label is translated before, outside any
    f-string, so that the message extractor sees it); the text is the plan's, as it is."""
    return Text.assemble((f"{label}:", "bold"), " ", text)


def marked(style: str, text: str) -> Text:
    """``text`` in a Rich style."""
    return styled(text, style)


def show_header(out: Console, plan: Plan, lang: str) -> None:
    years = f"{plan.start_year}-{plan.end_year}" if plan.end_year else f"{plan.start_year}"
    out.rule(styled(f"{plan.municipality.name} ({plan.municipality.cbs_code}): {plan.title}", "bold"))
    if plan.subtitle:
        out.print(f"{plan.subtitle} · {years}")
    if plan.mission:
        out.print(labelled(_("Missie", lang), plan.mission))
    if plan.vision:
        out.print(labelled(_("Visie", lang), plan.vision))
    if plan.principles:
        out.print(labelled(_("Uitgangspunten", lang), ", ".join(p.name for p in plan.principles)))
    if plan.total_budget is not None:
        out.print(labelled(_("Budget", lang), format_euro(plan.total_budget, lang)))


def show_challenge(out: Console, plan: Plan, challenge: Challenge, number: int, lang: str) -> None:
    budget = ""
    if challenge.budget:
        basis = f" ({challenge.budget.basis})" if challenge.budget.basis else ""
        budget = f" · {format_euro(challenge.budget.amount, lang)}{basis}"
    out.print()
    heading = _("Opgave", lang)
    out.rule(Text.assemble((f"{heading} {number}: {challenge.name}", "bold"), budget), align="left")
    if challenge.aim:
        out.print(challenge.aim)
    areas = [a for a in plan.policy_areas if a.challenge == challenge.id]
    if areas:
        listed = "; ".join(f"{a.name} ({', '.join(a.laws)})" if a.laws else a.name for a in areas)
        out.print(labelled(_("Beleidsterreinen", lang), listed))
    goals = plan.goals_of(challenge.id)
    if goals:
        out.print(goals_table(goals, lang))


def goals_table(goals: list[Goal], lang: str) -> Table:
    table = Table(show_lines=True, expand=True)
    table.add_column(_("Doel", lang), no_wrap=True)
    table.add_column(_("Doelstelling", lang), ratio=4, overflow="fold")
    table.add_column(_("Nulmeting", lang), ratio=1)
    table.add_column(_("Streefwaarde", lang), ratio=1)
    table.add_column(pgettext("bron", "Meetinstrument", lang), ratio=2, overflow="fold")
    table.add_column(_("Frequentie", lang), ratio=1)
    for goal in goals:
        table.add_row(
            goal.id,
            goal.statement,
            baseline_text(goal, lang),
            target_text(goal, lang),
            goal.source or "-",
            goal.frequency.as_written if goal.frequency else "-",
        )
    return table


def baseline_text(goal: Goal, lang: str) -> Text | str:
    baseline = goal.baseline
    if baseline is None:
        return marked("red", _("niet genoemd", lang))
    if baseline.status == BaselineStatus.ABSENT:
        return marked("red", _("geen", lang))
    if baseline.status == BaselineStatus.PENDING:
        period = baseline.period.label(lang) if baseline.period else "?"
        return marked("yellow", _("volgt ({period})", lang, period=period))
    assert baseline.value is not None and baseline.period is not None
    return f"{format_value(baseline.value, goal.unit, lang)} ({baseline.period.label(lang)})"


def target_text(goal: Goal, lang: str) -> Text:
    target = goal.target
    if target is None:
        return marked("red", _("geen", lang))
    period = Text(target.period.label(lang)) if target.period else marked("red", _("geen jaar", lang))
    resolved = goal.resolved_target()
    bound = BOUNDS.get(goal.direction.value) if goal.direction else None
    prefix = _(bound, lang) + " " if bound else ""
    if resolved is None:
        return Text.assemble(f"{target.change.as_written if target.change else '?'} (", period, ")")
    shown = f"{prefix}{format_value(resolved, goal.unit, lang)}"
    if target.change and target.value is None:
        shown = f"{target.change.as_written} → {shown}"
    return Text.assemble(f"{shown} (", period, ")")


def show_bbv(out: Console, plan: Plan, lang: str) -> None:
    if not plan.bbv_indicators:
        return
    out.print()
    table = Table(title=_("Verplichte BBV-indicatoren", lang), title_justify="left", expand=True)
    for header in (_("Opgave", lang), "Indicator", _("Eenheid", lang), _("Bron", lang), "Taakveld"):
        table.add_column(header, overflow="fold")
    names = {c.id: c.name for c in plan.challenges}
    for b in plan.bbv_indicators:
        table.add_row(names.get(b.challenge or "", "-"), b.name, b.unit, b.source, b.taakveld)
    out.print(table)
