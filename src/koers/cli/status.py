# SPDX-License-Identifier: EUPL-1.2
"""``koers status``: where every goal stands, per challenge and for the whole plan; and
``koers override``: set a status by hand, with a written justification."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from koers.cli.common import console, fail, parse_date, print_json, require_goal, settings, styled
from koers.cli.storage import PLAN_OPTION, USER_OPTION, current_user, engine_for, stored_plan
from koers.domain.assessment import JUDGED, Status, assess_plan, rollup
from koers.i18n import _
from koers.shapes import assessment_json, rollup_json
from koers.store.measurements import current
from koers.store.overrides import active_overrides, set_override

STYLE = {
    Status.ACHIEVED: "bold green",
    Status.ON_TRACK: "green",
    Status.AT_RISK: "yellow",
    Status.OFF_TRACK: "bold red",
    Status.NOT_ACHIEVED: "bold white on red",
}


def status(
    ctx: typer.Context,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Assess as on this date (YYYY-MM-DD); default today.")
    ] = None,
    challenge: Annotated[str | None, typer.Option("--challenge", help="Only this challenge (its id or name).")] = None,
    plan_key: Annotated[str | None, PLAN_OPTION] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the assessments and roll-ups as JSON.")] = False,
) -> None:
    """Where every goal stands against its baseline and target, with the reason, and a roll-up."""
    lang = settings(ctx).lang
    engine = engine_for(ctx)
    stored = stored_plan(ctx, engine, plan_key)
    plan = stored.plan
    day = parse_date(as_of, lang)
    chosen = [c for c in plan.challenges if challenge is None or challenge.lower() in (c.id.lower(), c.name.lower())]
    if not chosen:
        names = ", ".join(c.name for c in plan.challenges)
        fail(_("Er is geen opgave '{challenge}'. Kies uit: {names}.", lang, challenge=challenge, names=names))
    assessments = assess_plan(
        plan, current(engine, stored.id), as_of=day, overrides=active_overrides(engine, stored.id, day)
    )
    groups = [(c, [assessments[g.id] for g in plan.goals_of(c.id)]) for c in chosen]
    shown = [a for _, items in groups for a in items]
    if as_json:
        print_json(
            {
                "as_of": day.isoformat(),
                "plan": stored.key,
                "plan_version": stored.version,
                "goals": [assessment_json(a, c.id, lang) for c, items in groups for a in items],
                "rollup": {
                    "plan": rollup_json(rollup(shown), lang),
                    "challenges": [
                        {"id": c.id, "name": c.name, **rollup_json(rollup(items), lang)} for c, items in groups
                    ],
                },
            }
        )
        return
    out = console()
    for c, items in groups:
        table = Table(
            title=f"{c.name}: {rollup(items).summary(lang)}", title_justify="left", show_lines=True, expand=True
        )
        table.add_column(_("Doel", lang), no_wrap=True)
        table.add_column("Status", no_wrap=True)
        table.add_column(_("Toelichting", lang), overflow="fold", ratio=1)
        for a in items:
            label = a.status.label(lang) + (" *" if a.override else "")
            reason = a.message(lang)
            if a.stale:  # the latest figure is out of date
                reason += " " + _("(verouderd)", lang)
            table.add_row(a.goal, styled(label, STYLE.get(a.status, "dim")), reason)
        out.print(table)
    out.print(rollup(shown).summary(lang), style="bold")
    if any(a.override for a in shown):
        out.print(_("* handmatig vastgesteld, met onderbouwing", lang))


def override(
    ctx: typer.Context,
    goal: Annotated[str, typer.Argument(metavar="GOAL", help="The goal whose status is set by hand.")],
    justification: Annotated[str, typer.Option("--justification", help="Why, in writing (required).")],
    status_code: Annotated[
        str | None, typer.Option("--status", help="achieved, on_track, at_risk or off_track.")
    ] = None,
    lift: Annotated[
        bool, typer.Option("--lift", help="Lift the status set by hand; the computed one counts again.")
    ] = False,
    effective: Annotated[
        str | None, typer.Option("--from", help="From this date on (YYYY-MM-DD); default today.")
    ] = None,
    plan_key: Annotated[str | None, PLAN_OPTION] = None,
    user: Annotated[str | None, USER_OPTION] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print {goal, status, from} as JSON.")] = False,
) -> None:
    """Set a goal's status by hand (always shown as such, with its justification), or lift it."""
    lang = settings(ctx).lang
    engine = engine_for(ctx)
    stored = stored_plan(ctx, engine, plan_key)
    require_goal(stored.plan, goal, lang)
    if lift == (status_code is not None):
        fail(_("Geef --status of --lift (één van beide).", lang))
    chosen = None
    if status_code is not None:
        allowed = {s.value: s for s in JUDGED}
        if status_code not in allowed:
            fail(_("'{status}' kan niet: kies {allowed}.", lang, status=status_code, allowed=", ".join(allowed)))
        chosen = allowed[status_code]
    if not justification.strip():
        fail(_("Schrijf op waarom (--justification).", lang))
    day = parse_date(effective, lang)
    set_override(engine, stored.id, goal, chosen, justification, user=current_user(user), effective_from=day)
    if as_json:
        print_json({"goal": goal, "status": chosen.value if chosen else None, "from": day.isoformat()})
    else:
        shown = chosen.label(lang) if chosen else _("weer berekend", lang)
        console().print(
            _("Status van {goal} vanaf {day}: {status}.", lang, goal=goal, day=day.isoformat(), status=shown)
        )
