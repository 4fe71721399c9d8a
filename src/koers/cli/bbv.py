# SPDX-License-Identifier: EUPL-1.2
"""``koers bbv list``: the national list of BBV indicators, and which of them the plan reports on.

The list is koers's own (package data) or a newer file of the municipality's. Which indicators
the plan reports on is shown when a plan is at hand: the file given with ``--plan-file``, else
the plan in the chosen database (``--db``, ``KOERS_DATABASE_URL`` or ``--plan``), else the plan
in the default database when that exists. Without any of them the list is shown all the same:
the command never needs a database.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from koers import __version__
from koers import settings as koers_settings
from koers.catalogues import BbvCatalogue
from koers.cli.common import console, open_plan, print_json, settings
from koers.cli.lint import open_catalogue
from koers.domain.plan import BbvIndicator, Plan
from koers.i18n import _
from koers.shapes import SHAPE_VERSION

app = typer.Typer(no_args_is_help=True, help="The national list of BBV indicators, and which the plan reports on.")


@app.command("list")
def list_command(
    ctx: typer.Context,
    catalogue_file: Annotated[
        Path | None,
        typer.Option(
            "--catalogue",
            metavar="FILE",
            help="A newer national list (tab-separated, the columns of the one koers ships); default: koers's own.",
        ),
    ] = None,
    plan_file: Annotated[
        Path | None,
        typer.Option("--plan-file", metavar="PLAN", help="Say which indicators this plan file reports on."),
    ] = None,
    plan_key: Annotated[
        str | None,
        typer.Option("--plan", help="The plan in the database to compare with, when it holds several."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print {catalogue, plan, indicators} as JSON.")] = False,
) -> None:
    """Show the national list of BBV indicators, and whether the plan reports on each."""
    lang = settings(ctx).lang
    catalogue = open_catalogue(catalogue_file, lang)
    plan, name = _plan(ctx, plan_file, plan_key, as_json)
    reported = _reported(plan) if plan is not None else None
    if as_json:
        print_json(catalogue_json(catalogue, name, reported))
        return
    _show(catalogue, name, reported, plan, lang)


def catalogue_json(catalogue: BbvCatalogue, plan: str | None, reported: dict[int, str] | None) -> dict[str, Any]:
    """The shape of ``koers bbv list --json`` (docs/cli.md): ``reported`` and ``plan_id`` are null
    when no plan is at hand, else whether (and under which id) the plan reports on the indicator."""
    return {
        "koers": __version__,
        "shape": SHAPE_VERSION,
        "catalogue": catalogue.origin,
        "plan": plan,
        "indicators": [
            {
                "number": entry.number,
                "name": entry.name,
                "unit": entry.unit,
                "source": entry.source,
                "taakveld": entry.taakveld,
                "reported": None if reported is None else entry.number in reported,
                "plan_id": None if reported is None else reported.get(entry.number),
            }
            for entry in catalogue.values()
        ],
    }


def _reported(plan: Plan) -> dict[int, str]:
    """The plan's BBV indicators by their number in the national list."""
    return {b.number: b.id for b in plan.bbv_indicators if b.number is not None}


def _plan(ctx: typer.Context, plan_file: Path | None, key: str | None, as_json: bool) -> tuple[Plan | None, str | None]:
    """The plan to compare with, and how to name it; (None, None) when none is at hand."""
    if plan_file is not None:
        return open_plan(plan_file, settings(ctx).lang, as_json), str(plan_file)
    from koers.cli.storage import engine_for, stored_plan

    if key is not None or settings(ctx).db or koers_settings.DATABASE_URL.read():
        stored = stored_plan(ctx, engine_for(ctx), key)  # a database asked for: its problems are told
        return stored.plan, stored.key
    return _default_database_plan()


def _default_database_plan() -> tuple[Plan | None, str | None]:
    """The plan in the default database, when that file exists and holds exactly one plan;
    quietly none otherwise (the list does not need it)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    from koers.store.database import default_url, open_engine
    from koers.store.plans import PlanNotFound, load_stored_plan

    url = default_url()
    if not Path(make_url(url).database or "").is_file():
        return None, None
    try:
        stored = load_stored_plan(open_engine(url))
    except (PlanNotFound, SQLAlchemyError):
        return None, None
    return stored.plan, stored.key


def _show(
    catalogue: BbvCatalogue, name: str | None, reported: dict[int, str] | None, plan: Plan | None, lang: str
) -> None:
    out = console()
    table = Table(title=_("Verplichte BBV-indicatoren ({origin})", lang, origin=catalogue.origin), title_justify="left")
    for header in (_("Nr.", lang), _("Indicator", lang), _("Eenheid", lang), _("Bron", lang), _("Taakveld", lang)):
        table.add_column(header, overflow="fold")
    if reported is not None:
        table.add_column(_("In het plan", lang), no_wrap=True)
    for entry in catalogue.values():
        cells = [str(entry.number), entry.name, entry.unit, entry.source, entry.taakveld]
        if reported is not None:
            cells.append(reported.get(entry.number, ""))
        table.add_row(*cells)
    out.print(table)
    if plan is None or reported is None:
        out.print(
            _("Welke het plan gebruikt: geef het plan mee met --plan-file PLAN, of laad het in de database.", lang)
        )
        return
    out.print(
        _(
            "Het plan {plan} rapporteert over {count} van deze indicatoren.",
            lang,
            plan=name,
            count=sum(1 for number in reported if number in catalogue),
        )
    )
    missing = [b for b in plan.bbv_indicators if b.number is None or b.number not in catalogue]
    if missing:
        out.print(_("Niet in deze lijst: {indicators}.", lang, indicators=", ".join(_named(b) for b in missing)))


def _named(indicator: BbvIndicator) -> str:
    return f"{indicator.id} ({indicator.name})"
