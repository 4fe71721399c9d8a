# SPDX-License-Identifier: EUPL-1.2
"""``koers due``: the measurement calendar for the twice-yearly monitoring round.

Per goal: the period of the next expected measurement (from its frequency and its last
measurement or baseline), from when it can be asked for, and whether it is overdue; so the
round knows whom to ask for what.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from koers.cli.common import console, parse_date, print_json, settings, styled
from koers.cli.storage import PLAN_OPTION, engine_for, stored_plan
from koers.domain.calendar import DEFAULT_GRACE_DAYS, DueItem, DueStatus, due, due_summary
from koers.i18n import _
from koers.store.measurements import last_measured

STYLE = {
    DueStatus.OVERDUE: "bold red",
    DueStatus.DUE: "yellow",
    DueStatus.UPCOMING: "green",
    DueStatus.NO_SCHEDULE: "dim",
}


def due_command(
    ctx: typer.Context,
    as_of: Annotated[str | None, typer.Option("--as-of", help="As on this date (YYYY-MM-DD); default today.")] = None,
    grace_days: Annotated[
        int | None,
        typer.Option(
            "--grace-days",
            min=0,
            help=f"Days after a period ends before its figure is overdue (default: the plan's "
            f"assessment.grace_days, else {DEFAULT_GRACE_DAYS}).",
        ),
    ] = None,
    plan_key: Annotated[str | None, PLAN_OPTION] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list, one item per goal.")] = False,
) -> None:
    """Which measurement is expected next for every goal, and which are overdue."""
    lang = settings(ctx).lang
    engine = engine_for(ctx)
    stored = stored_plan(ctx, engine, plan_key)
    grace = grace_days if grace_days is not None else stored.plan.assessment.grace_days
    items = due(
        stored.plan, as_of=parse_date(as_of, lang), last_measured=last_measured(engine, stored.id), grace_days=grace
    )
    if as_json:
        print_json([item_json(i, lang) for i in items])
        return
    table = Table(show_lines=True)
    for header in (_("Doel", lang), "Status", _("Verwacht over", lang), _("Bron", lang), _("Toelichting", lang)):
        table.add_column(header, overflow="fold")
    for i in items:
        table.add_row(
            i.goal,
            styled(i.status.label(lang), STYLE[i.status]),
            i.expected.label(lang) if i.expected else "-",
            i.source or "-",
            i.message(lang),
        )
    out = console()
    out.print(table)
    summary = due_summary(items)
    out.print(", ".join(f"{count} {status.label(lang)}" for status, count in summary.items()))


def item_json(item: DueItem, lang: str) -> dict[str, Any]:
    return {
        "goal": item.goal,
        "status": item.status.value,
        "source": item.source,
        "frequency": item.frequency.as_written if item.frequency else None,
        "anchor": item.anchor.code if item.anchor else None,
        "expected": item.expected.code if item.expected else None,
        "due_on": item.due_on.isoformat() if item.due_on else None,
        "overdue_on": item.overdue_on.isoformat() if item.overdue_on else None,
        "missing": [p.code for p in item.missing],
        "message": item.message(lang),
    }
