# SPDX-License-Identifier: EUPL-1.2
"""``koers explain``: write the explanation of a goal for a reporting period (*vertellen*)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from koers.cli.common import console, fail, parse_period, print_json, require_goal, settings
from koers.cli.storage import PLAN_OPTION, USER_OPTION, current_user, engine_for, stored_plan
from koers.i18n import _
from koers.store.explanations import latest_explanations, write_explanation


def explain(
    ctx: typer.Context,
    goal: Annotated[str, typer.Argument(metavar="GOAL", help="The goal the explanation is about.")],
    period: Annotated[str, typer.Option("--period", help="The reporting period, e.g. 2026-H1.")],
    file: Annotated[Path | None, typer.Option("--file", help="A Markdown file with the explanation.")] = None,
    text: Annotated[str | None, typer.Option("--text", help="The explanation itself (instead of --file).")] = None,
    show: Annotated[bool, typer.Option("--show", help="Show the current explanation; write nothing.")] = False,
    plan_key: Annotated[str | None, PLAN_OPTION] = None,
    user: Annotated[str | None, USER_OPTION] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print {goal, period, text, author, written_at, version}.")
    ] = False,
) -> None:
    """Write (or --show) the explanation of GOAL for a reporting period; every version is kept."""
    lang = settings(ctx).lang
    reporting = parse_period(period, lang, year_too=True)
    engine = engine_for(ctx)
    stored = stored_plan(ctx, engine, plan_key)
    require_goal(stored.plan, goal, lang)
    if show:
        current = latest_explanations(engine, stored.id, reporting).get(goal)
        if current is None:
            fail(
                _("Er is nog geen toelichting bij {goal} over {period}.", lang, goal=goal, period=reporting.label(lang))
            )
    else:
        if file is not None and text is None:
            body = _read(file, lang)
        elif text is not None and file is None:
            body = text
        else:
            fail(_("Geef de toelichting met --file of met --text (één van beide).", lang))
        try:
            current = write_explanation(engine, stored.id, goal, reporting, body, author=current_user(user))
        except ValueError as err:
            fail(_("De toelichting kan niet worden opgeslagen: {error}.", lang, error=err))
    if as_json:
        print_json(
            {
                "goal": goal,
                "period": reporting.code,
                "text": current.text,
                "author": current.author,
                "written_at": current.written_at.isoformat(),
                "version": current.version,
            }
        )
    elif show:
        console().print(current.text)
    else:
        console().print(
            _(
                "Toelichting bij {goal} over {period} opgeslagen (versie {version}).",
                lang,
                goal=goal,
                period=reporting.label(lang),
                version=current.version,
            )
        )


def _read(file: Path, lang: str) -> str:
    try:
        return file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        fail(_("'{file}' is niet te lezen: {error}", lang, file=file, error=err))
