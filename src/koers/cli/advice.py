# SPDX-License-Identifier: EUPL-1.2
"""``koers advice import`` and ``koers advice list``: the advice register (the participation
council's advice, resident input, and the municipality's responses)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from koers.cli.common import console, print_json, refuse_file, settings
from koers.cli.storage import PLAN_OPTION, USER_OPTION, current_user, engine_for, stored_plan
from koers.domain.advice import tally
from koers.i18n import _, ngettext
from koers.importers.advice import read_advice_file
from koers.importers.advice_messages import CATALOGUE
from koers.problems import Location, Problem
from koers.shapes import advice_json
from koers.store.advice import Actor, AdviceRefused, RegisterOutcome, load_register, store_register

app = typer.Typer(
    no_args_is_help=True,
    help="The advice register: import the participation council's advice and the responses, or list them.",
)


@app.command("import")
def import_advice(
    ctx: typer.Context,
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="A YAML file, or a CSV or Excel file with one row per point.")
    ],
    plan_key: Annotated[str | None, PLAN_OPTION] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check and count what would change; store nothing.")
    ] = False,
    user: Annotated[str | None, USER_OPTION] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the outcome (or the problems) as JSON.")] = False,
) -> None:
    """Import advice and responses: every advice is checked first, against the plan too; all are stored, or none."""
    lang = settings(ctx).lang
    engine = engine_for(ctx)
    stored = stored_plan(ctx, engine, plan_key)
    read = read_advice_file(file, stored.plan)
    if not read.ok:
        refuse_file(read.problems, len(read.problems), lang, as_json)
    actor = Actor.command_line(current_user(user))
    try:
        outcome = store_register(
            engine, stored.id, read.advice, actor, source=f"koers advice import {file.name}", dry_run=dry_run
        )
    except AdviceRefused as err:
        where = read.places.get(err.key, Location(file.name))
        refuse_file([Problem(err.code, "items", where, err.context, catalogue=CATALOGUE)], 1, lang, as_json)
    _say(outcome, lang, as_json)


@app.command("list")
def list_advice(
    ctx: typer.Context,
    plan_key: Annotated[str | None, PLAN_OPTION] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print a JSON list of the advice with their responses.")
    ] = False,
) -> None:
    """Show every advice with its points and how many got which response, newest first."""
    lang = settings(ctx).lang
    engine = engine_for(ctx)
    register = [s.advice for s in load_register(engine, stored_plan(ctx, engine, plan_key).id)]
    if as_json:
        print_json([advice_json(a, lang) for a in register])
        return
    if not register:
        console().print(_("Er zijn nog geen adviezen. Importeer ze met: koers advice import BESTAND", lang))
        return
    table = Table()
    for header in (_("Advies", lang), _("Datum", lang), _("Soort", lang), _("Onderwerp", lang), _("Reacties", lang)):
        table.add_column(header, overflow="fold")
    for a in register:
        table.add_row(a.id, a.date.isoformat(), a.kind.label(lang), a.subject, tally(a.entries()).summary(lang))
    console().print(table)


def _say(outcome: RegisterOutcome, lang: str, as_json: bool) -> None:
    if as_json:
        print_json(
            {
                "advice": outcome.advice,
                "new": outcome.new,
                "changed": outcome.changed,
                "unchanged": outcome.unchanged,
                "responses": outcome.responses,
                "dry_run": outcome.dry_run,
            }
        )
        return
    text = ngettext(
        "{n} advies gelezen: {new} nieuw, {changed} gewijzigd, {unchanged} ongewijzigd; {responses} reacties "
        "nieuw of gewijzigd.",
        "{n} adviezen gelezen: {new} nieuw, {changed} gewijzigd, {unchanged} ongewijzigd; {responses} reacties "
        "nieuw of gewijzigd.",
        outcome.advice,
        lang,
        new=outcome.new,
        changed=outcome.changed,
        unchanged=outcome.unchanged,
        responses=outcome.responses,
    )
    if outcome.dry_run:
        text = _("Proef (niets opgeslagen): {counts}", lang, counts=text)
    console().print(text)
