# SPDX-License-Identifier: EUPL-1.2
"""``koers db upgrade``: create the database, or bring it to the newest schema."""

from __future__ import annotations

from typing import Annotated

import typer

from koers.cli.common import console, print_json, settings
from koers.cli.storage import engine_for
from koers.i18n import _
from koers.store.migrate import upgrade as migrate

app = typer.Typer(no_args_is_help=True, help="Set up and migrate the database.")


@app.command("upgrade")
def upgrade(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print {database, before, after} as JSON.")] = False,
) -> None:
    """Create the tables, or migrate them to the newest version. Safe to run again."""
    lang = settings(ctx).lang
    engine = engine_for(ctx, migrated=False)
    before, after = migrate(engine)
    shown = engine.url.render_as_string(hide_password=True)
    if as_json:
        print_json({"database": shown, "before": before, "after": after})
    elif before == after:
        console().print(_("De database is al bij: versie {version} ({database}).", lang, version=after, database=shown))
    else:
        console().print(
            _("Database bijgewerkt naar versie {version} ({database}).", lang, version=after, database=shown)
        )
