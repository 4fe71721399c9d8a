# SPDX-License-Identifier: EUPL-1.2
"""``koers money import`` and ``koers money list``: money per challenge (begroting, gewijzigde
begroting, realisatie)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from koers.cli.common import console, print_json, refuse_file, settings
from koers.cli.storage import PLAN_OPTION, USER_OPTION, current_user, engine_for, stored_plan
from koers.domain.formatting import format_euro
from koers.domain.money import Amount
from koers.i18n import _, ngettext
from koers.importers.money import MoneyFileSource, MoneySource
from koers.store.imports import Provenance
from koers.store.money import MoneyOutcome, current_amounts, store_amounts

app = typer.Typer(
    no_args_is_help=True,
    help="Money per challenge: import the begroting, gewijzigde begroting and realisatie, or list them.",
)


@app.command("import")
def import_money(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE", help="A CSV or Excel file with amounts per challenge.")],
    plan_key: Annotated[str | None, PLAN_OPTION] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check and count what would change; store nothing.")
    ] = False,
    user: Annotated[str | None, USER_OPTION] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the outcome (or the problems) as JSON.")] = False,
) -> None:
    """Import amounts per challenge or taakveld: every row is checked first; all are stored, or none."""
    bring_in_money(ctx, MoneyFileSource(file), plan_key, user, dry_run=dry_run, as_json=as_json)


def bring_in_money(
    ctx: typer.Context, source: MoneySource, plan_key: str | None, user: str | None, *, dry_run: bool, as_json: bool
) -> None:
    """Check every row of ``source`` and store the amounts with its provenance, or show every
    problem and store nothing: one path for a file and for CBS's Iv3 figures (koers fetch iv3)."""
    lang = settings(ctx).lang
    engine = engine_for(ctx)
    stored = stored_plan(ctx, engine, plan_key)
    read = source.check(stored.plan)
    if not read.ok:
        refuse_file(read.problems, len(read.problems), lang, as_json)
    provenance = Provenance.of(source.origin, current_user(user))
    outcome = store_amounts(engine, stored.id, read.amounts, provenance, dry_run=dry_run)
    _say(outcome, read.rows, lang, as_json)


@app.command("list")
def list_money(
    ctx: typer.Context,
    plan_key: Annotated[str | None, PLAN_OPTION] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list of the current amounts.")] = False,
) -> None:
    """Show the current amounts per challenge, year and kind (the latest import counts)."""
    lang = settings(ctx).lang
    engine = engine_for(ctx)
    stored = stored_plan(ctx, engine, plan_key)
    found = current_amounts(engine, stored.id)
    if as_json:
        print_json([_record(a) for a in found])
        return
    if not found:
        console().print(_("Er zijn nog geen bedragen. Importeer ze met: koers money import BESTAND", lang))
        return
    table = Table()
    for header in (_("Opgave", lang), _("Jaar", lang), _("Soort", lang), _("Bedrag", lang), _("Bron", lang)):
        table.add_column(header, overflow="fold")
    for a in found:
        table.add_row(a.challenge, str(a.year), a.kind.label(lang), format_euro(a.amount, lang), a.source or "-")
    console().print(table)


def _record(a: Amount) -> dict[str, Any]:
    return {"challenge": a.challenge, "year": a.year, "kind": a.kind.value, "amount": a.amount, "source": a.source}


def _say(outcome: MoneyOutcome, rows: int, lang: str, as_json: bool) -> None:
    if as_json:
        print_json(
            {
                "rows": rows,
                "amounts": outcome.rows,
                "added": outcome.added,
                "unchanged": outcome.unchanged,
                "dry_run": outcome.dry_run,
                "import_id": outcome.import_id,
            }
        )
        return
    text = ngettext(
        "{n} rij gelezen: {amounts} bedragen per opgave, {added} nieuw of gewijzigd, {unchanged} ongewijzigd.",
        "{n} rijen gelezen: {amounts} bedragen per opgave, {added} nieuw of gewijzigd, {unchanged} ongewijzigd.",
        rows,
        lang,
        amounts=outcome.rows,
        added=outcome.added,
        unchanged=outcome.unchanged,
    )
    if outcome.dry_run:
        text = _("Proef (niets opgeslagen): {counts}", lang, counts=text)
    console().print(text)
