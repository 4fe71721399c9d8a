# SPDX-License-Identifier: EUPL-1.2
"""What the database commands share: the engine, a schema check, the chosen plan, the user."""

from __future__ import annotations

import getpass

import typer
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from koers import settings as koers_settings
from koers.cli.common import fail, settings
from koers.i18n import _
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
        fail(_("De database is niet bereikbaar: {kind}: {error}", lang, kind=err.__class__.__name__, error=err))
    if migrated and revision != head_revision():
        fail(_("De database is nog niet (of niet helemaal) ingericht. Voer eerst uit: koers db upgrade", lang))
    return engine


def stored_plan(ctx: typer.Context, engine: Engine, key: str | None) -> StoredPlan:
    lang = settings(ctx).lang
    try:
        return load_stored_plan(engine, key)
    except PlanNotFound as err:
        if not err.keys:
            fail(_("Er staat nog geen plan in de database. Laad er een met: koers plan load PLAN", lang))
        fail(_("Kies een plan met --plan; in deze database staan: {choices}", lang, choices=", ".join(err.keys)))


def current_user(option: str | None) -> str:
    """Who does this, for the record: the option, else KOERS_USER, else the login name."""
    return option or koers_settings.USER.read() or getpass.getuser()


PLAN_OPTION = typer.Option(
    "--plan", help="The plan's key (see koers plan load); needed when the database holds several."
)
USER_OPTION = typer.Option(
    "--user", help=f"Who does this, for the record (default: {koers_settings.USER.name} or your login name)."
)
