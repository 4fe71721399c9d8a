# SPDX-License-Identifier: EUPL-1.2
"""``koers demo-data``: put a plan and ILLUSTRATIVE measurements in the database, so that a
municipality can see the report and dashboard before real figures exist.

Every figure is marked "illustratief" (in its source, reference and note) and the command says
so plainly. It refuses a plan that already holds real measurements: illustrative versions would
otherwise become the current value of real points.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text
from sqlalchemy import Engine, select

from koers.cli.common import console, fail, open_plan, parse_date, print_json, settings
from koers.cli.storage import current_user, engine_for
from koers.demo import (
    ILLUSTRATIVE,
    ILLUSTRATIVE_ADVICE_DOCUMENT,
    illustrative_advice,
    illustrative_amounts,
    illustrative_batch,
)
from koers.domain.plan import Plan
from koers.examples import DEMO_PLAN
from koers.i18n import _, ngettext
from koers.store.advice import Actor, store_register
from koers.store.imports import ImportOutcome, Provenance, store_batch
from koers.store.migrate import upgrade
from koers.store.money import store_amounts
from koers.store.plans import LoadOutcome, save_plan
from koers.store.tables import advice, amounts, measurements

NEXT_COMMANDS = ("koers status", "koers measurements")


def demo_data(
    ctx: typer.Context,
    seed: Annotated[int, typer.Option("--seed", help="The same seed gives the same figures.")] = 2024,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Fill every period that has ended by this date (YYYY-MM-DD); default today."),
    ] = None,
    plan_file: Annotated[Path, typer.Option("--plan-file", help="The plan to load (.yaml or .xlsx).")] = DEMO_PLAN,
    as_json: Annotated[bool, typer.Option("--json", help="Print the outcome as JSON.")] = False,
) -> None:
    """Load a plan with ILLUSTRATIVE measurements (marked 'illustratief'), to try koers out."""
    lang = settings(ctx).lang
    day = parse_date(as_of, lang)
    plan = open_plan(plan_file, lang, as_json)
    engine = engine_for(ctx, migrated=False)
    try:
        saved, outcome = load_illustrative(
            engine, plan, seed=seed, as_of=day, source=str(plan_file), user=current_user(None), by="koers demo-data"
        )
    except HoldsRealMeasurements as err:
        fail(
            _(
                "Plan {plan} heeft al echte metingen. Illustratieve cijfers zouden die overschrijven. "
                "Gebruik een aparte database, bijvoorbeeld: koers --db sqlite:///demo.db demo-data",
                lang,
                plan=err,
            )
        )
    if as_json:
        print_json(
            {
                "illustrative": True,
                "plan": saved.key,
                "plan_version": saved.version,
                "seed": seed,
                "as_of": day.isoformat(),
                "rows": outcome.rows,
                "added": outcome.added,
                "new": outcome.new,
                "revised": outcome.revised,
                "unchanged": outcome.unchanged,
                "import_id": outcome.import_id,
                "next": list(NEXT_COMMANDS),
            }
        )
        return
    out = console()
    # The warning's markup is koers's own text; its one fact is a number, so nothing of a user's
    # is read as markup.
    out.print(
        Text.from_markup(
            _(
                "[bold yellow]LET OP: dit zijn ILLUSTRATIEVE cijfers[/] (seed {seed}), gemaakt om koers "
                "te leren kennen. Ze zijn niet echt; elke meting heeft 'illustratief' in de bron.",
                lang,
                seed=int(seed),
            )
        )
    )
    out.print(
        _(
            "Plan {plan} (versie {version}), perioden tot en met {day}: {added} ({new} nieuw, {revised} herzien), "
            "{unchanged}.",
            lang,
            plan=saved.key,
            version=saved.version,
            day=day.isoformat(),
            added=ngettext("{n} meting toegevoegd", "{n} metingen toegevoegd", outcome.added, lang),
            new=outcome.new,
            revised=outcome.revised,
            unchanged=ngettext("{n} stond er al", "{n} stonden er al", outcome.unchanged, lang),
        )
    )
    commands = (" " + _("en", lang) + " ").join(NEXT_COMMANDS)
    out.print(_("Probeer nu: {commands}", lang, commands=commands))


class HoldsRealMeasurements(Exception):
    """The plan already holds figures without the illustrative mark; the message is its key."""


def load_illustrative(
    engine: Engine, plan: Plan, *, seed: int, as_of: date, source: str, user: str, by: str
) -> tuple[LoadOutcome, ImportOutcome]:
    """The schema, the plan and its illustrative figures: what `koers demo-data` and `koers demo`
    both put in a database. Refuses a plan that already holds real figures."""
    upgrade(engine)
    saved = save_plan(engine, plan, source=source, user=user)
    if _holds_real_measurements(engine, saved.plan_id):
        raise HoldsRealMeasurements(saved.key)
    batch = illustrative_batch(plan, seed=seed, as_of=as_of)
    outcome = store_batch(engine, saved.plan_id, batch, Provenance("demo", None, None, by))
    if not _holds_real_amounts(engine, saved.plan_id):  # never make illustrative money the current amount
        money = illustrative_amounts(plan, seed=seed, as_of=as_of)
        store_amounts(engine, saved.plan_id, money, Provenance("demo", None, None, by))
    if not _holds_real_advice(engine, saved.plan_id):  # never mix made-up advice into a real register
        register = illustrative_advice(plan, seed=seed, as_of=as_of)
        store_register(engine, saved.plan_id, register, Actor.demo(by), source=by)
    return saved, outcome


def _holds_real_advice(engine: Engine, plan_id: int) -> bool:
    """Whether any stored advice of the plan lacks the illustrative mark in its document."""
    unmarked = advice.c.document.is_(None) | ~advice.c.document.startswith(
        ILLUSTRATIVE_ADVICE_DOCUMENT.partition(",")[0]
    )
    query = select(advice.c.id).where(advice.c.plan_id == plan_id, unmarked)
    with engine.connect() as conn:
        return conn.execute(query.limit(1)).first() is not None


def _holds_real_amounts(engine: Engine, plan_id: int) -> bool:
    """Whether any stored amount of the plan lacks the illustrative mark."""
    unmarked = amounts.c.source.is_(None) | ~amounts.c.source.startswith(ILLUSTRATIVE)
    query = select(amounts.c.id).where(amounts.c.plan_id == plan_id, unmarked)
    with engine.connect() as conn:
        return conn.execute(query.limit(1)).first() is not None


def _holds_real_measurements(engine: Engine, plan_id: int) -> bool:
    """Whether any stored measurement of the plan lacks the illustrative mark."""
    m = measurements.c
    unmarked = m.source_ref.is_(None) | ~m.source_ref.startswith(ILLUSTRATIVE)
    query = select(m.id).where(m.plan_id == plan_id, unmarked)
    with engine.connect() as conn:
        return conn.execute(query.limit(1)).first() is not None
