# SPDX-License-Identifier: EUPL-1.2
"""What the database commands share: the engine, a schema check, the chosen plan, the user."""

from __future__ import annotations

import getpass
import os

import typer
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from koers.cli.common import fail, settings, t
from koers.store.database import open_engine, resolve_url
from koers.store.migrate import current_revision, head_revision
from koers.store.plans import PlanNotFound, StoredPlan, load_stored_plan


def engine_for(ctx: typer.Context, *, migrated: bool = True) -> Engine:
    """The engine of the chosen database; with ``migrated``, refuse an old or empty schema."""
    lang = settings(ctx).lang
    url = resolve_url(settings(ctx).db)
    try:
        engine = open_engine(url)
        revision = current_revision(engine)
    except (OperationalError, ValueError) as err:
        fail(
            t(
                lang,
                f"De database is niet bereikbaar: {err.__class__.__name__}: {err}",
                f"The database cannot be reached: {err.__class__.__name__}: {err}",
            )
        )
    if migrated and revision != head_revision():
        fail(
            t(
                lang,
                "De database is nog niet (of niet helemaal) ingericht. Voer eerst uit: koers db upgrade",
                "The database is not (fully) set up yet. First run: koers db upgrade",
            )
        )
    return engine


def stored_plan(ctx: typer.Context, engine: Engine, key: str | None) -> StoredPlan:
    lang = settings(ctx).lang
    try:
        return load_stored_plan(engine, key)
    except PlanNotFound as err:
        if not err.keys:
            fail(
                t(
                    lang,
                    "Er staat nog geen plan in de database. Laad er een met: koers plan load PLAN",
                    "There is no plan in the database yet. Load one with: koers plan load PLAN",
                )
            )
        choices = ", ".join(err.keys)
        fail(
            t(
                lang,
                f"Kies een plan met --plan; in deze database staan: {choices}",
                f"Choose a plan with --plan; this database holds: {choices}",
            )
        )


def current_user(option: str | None) -> str:
    return option or os.environ.get("KOERS_USER") or getpass.getuser()


PLAN_OPTION = typer.Option(
    "--plan", help="The plan's key (see koers plan load); needed when the database holds several."
)
USER_OPTION = typer.Option("--user", help="Who does this, for the record (default: KOERS_USER or your login name).")
