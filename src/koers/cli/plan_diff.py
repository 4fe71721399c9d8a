# SPDX-License-Identifier: EUPL-1.2
"""``koers plan diff OLD NEW``: the revision of a plan, goal by goal, as a table or JSON.

The comparison itself is :func:`koers.domain.plan_diff.diff_plans`; this module only shows it,
and exits with 1 when the revision leaves a change unexplained (as ``koers lint`` does for its
findings), so that a script can hold a concept to it before the council sees it.
"""

from __future__ import annotations

from typing import Any

import typer
from rich.table import Table

from koers.cli.common import EXIT_FINDINGS, console, print_json
from koers.domain.plan import Plan
from koers.domain.plan_diff import PlanDiff, diff_plans
from koers.domain.revision import GoalChange
from koers.i18n import _, ngettext


def show_diff(old: Plan, new: Plan, lang: str, as_json: bool) -> None:
    found = diff_plans(old, new)
    if as_json:
        print_json(diff_json(found, lang))
    else:
        _print(found, new, lang)
    if found.findings:
        raise typer.Exit(EXIT_FINDINGS)


def diff_json(found: PlanDiff, lang: str) -> dict[str, Any]:
    """The shape of ``koers plan diff --json`` (docs/cli.md)."""
    return {
        "goals": [
            {
                "id": g.id,
                "change": g.change.value,
                "label": g.change.label(lang),
                "changed": list(g.changed),
                "reason": g.reason,
                "lineage": list(g.lineage),
                "declared": g.declared,
                "successor": g.successor,
            }
            for g in found.goals
        ],
        "findings": [
            {"code": f.code, "goal": f.goal, "message": f.wording.render(lang, _plain)} for f in found.findings
        ],
    }


def _print(found: PlanDiff, new: Plan, lang: str) -> None:
    out = console()
    counts = ", ".join(f"{len(found.of(change))} {change.label(lang)}" for change in GoalChange if found.of(change))
    out.print(_("Doelen: {counts}.", lang, counts=counts or "-"))
    if new.adoption is not None:
        out.print(_("Deze versie: {adoption}.", lang, adoption=new.adoption.describe(lang)))
    table = Table(show_lines=True)
    for header in (_("Doel", lang), _("Wat", lang), _("Veranderd", lang), _("Reden", lang)):
        table.add_column(header, overflow="fold")
    for goal in found.goals:
        what = goal.change.label(lang)
        if goal.lineage:
            arrow = "←" if goal.successor else "→"
            what = f"{what} {arrow} {', '.join(goal.lineage)}"
        table.add_row(goal.id, what, ", ".join(goal.changed), goal.reason or "")
    out.print(table)
    if found.findings:
        out.print(
            ngettext("{n} wijziging zonder uitleg:", "{n} wijzigingen zonder uitleg:", len(found.findings), lang),
            style="bold yellow",
        )
        for finding in found.findings:
            out.print(f"- {finding.wording.render(lang, _plain)}")


def _plain(value: Any, _lang: str) -> Any:
    """A finding's facts are ids and field names: shown as they are."""
    return value
