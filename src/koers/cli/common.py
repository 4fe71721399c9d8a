# SPDX-License-Identifier: EUPL-1.2
"""What every command shares: the language, loading a plan with readable problems, output.

A user never sees a traceback: a plan that cannot be read becomes a table of problems (or
their JSON) and exit code 2.

Text that comes from a user (plan titles, goal statements, names, notes, file names, problem
messages that quote them) is printed as it is: the consoles read no Rich markup and no emoji
codes in strings, so '[sic]' stays '[sic]'. koers's own styling is given as a style or a
:class:`rich.text.Text`, never as markup mixed into a string.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer

from koers import settings as koers_settings
from koers.i18n import DEFAULT_LANG, _, ngettext

if TYPE_CHECKING:  # the rest is imported where it is used: `koers --version` needs none of it
    from rich.console import Console
    from rich.text import Text

    from koers.domain.periods import Period
    from koers.domain.plan import Plan
    from koers.planfile import LoadResult
    from koers.problems import Problem

EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2


@dataclass
class Settings:
    """What the root options chose, for every command: the language and the database URL."""

    lang: str = DEFAULT_LANG
    db: str | None = None


def settings(ctx: typer.Context) -> Settings:
    """The root options; a command invoked without the root callback reads the environment."""
    root = ctx.find_root()
    if not isinstance(root.obj, Settings):
        root.obj = Settings(lang=koers_settings.LANG.read(), db=None)
    return root.obj


def console() -> Console:
    """Standard output; strings are printed literally (no markup, no emoji codes)."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False, markup=False, emoji=False)


def err_console() -> Console:
    """Standard error; strings are printed literally (no markup, no emoji codes)."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, markup=False, emoji=False)


def styled(text: str, style: str) -> Text:
    """``text`` as it is, in a Rich style of koers's own ('bold red')."""
    from rich.text import Text

    return Text(text, style=style)


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def open_plan(path: Path, lang: str, as_json: bool) -> Plan:
    """Load the plan, or show every problem and stop with exit code 2."""
    plan = open_plan_file(path, lang, as_json).plan
    assert plan is not None
    return plan


def open_plan_file(path: Path, lang: str, as_json: bool) -> LoadResult:
    """As :func:`open_plan`, with what the reader knows of the file: where each part of the plan
    is (``locate``), to say where a finding is."""
    from koers.planfile import load_plan
    from koers.shapes import problems_json

    result = load_plan(path)
    if result.plan is not None:
        return result
    if as_json:
        print_json(problems_json(result.problems, lang))
    else:
        show_problems(result.problems, lang)
    raise typer.Exit(EXIT_UNREADABLE)


def show_problems(problems: list[Problem], lang: str, heading: str | None = None) -> None:
    from rich.table import Table

    out = err_console()
    heading = heading or ngettext(
        "Het plan kan niet worden gelezen: {n} probleem.",
        "Het plan kan niet worden gelezen: {n} problemen.",
        len(problems),
        lang,
    )
    out.print(heading, style="bold red")
    table = Table(show_lines=True)
    for header in (_("Waar", lang), _("Veld", lang), _("Probleem", lang), _("Wat te doen", lang)):
        table.add_column(header, overflow="fold")
    for p in problems:
        table.add_row(p.location.describe(lang), p.field, p.message(lang), p.hint(lang))
    out.print(table)


def refuse_file(problems: list[Problem], count: int, lang: str, as_json: bool) -> NoReturn:
    """A file that is not read: its problems (all ``count`` of them counted, the first shown), then
    "nothing is stored", and exit code 2; the same for measurements and boundaries."""
    from koers.shapes import problems_json

    if as_json:
        print_json({**problems_json(problems, lang), "problem_count": count})
    else:
        heading = ngettext(
            "Het bestand is niet ingelezen: {n} probleem.", "Het bestand is niet ingelezen: {n} problemen.", count, lang
        )
        show_problems(problems, lang, heading)
        if count > len(problems):
            more = count - len(problems)
            err_console().print(ngettext("... en nog {n} probleem.", "... en nog {n} problemen.", more, lang))
        err_console().print(_("Er is niets opgeslagen.", lang))
    raise typer.Exit(EXIT_UNREADABLE)


def fail(message: str) -> NoReturn:
    err_console().print(message, style="bold red")
    raise typer.Exit(EXIT_UNREADABLE)


def parse_date(text: str | None, lang: str) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(_("'{text}' is geen datum. Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-07-01.", lang, text=text))


def parse_period(text: str, lang: str, *, year_too: bool = False) -> Period:
    """The period TEXT names, or a message with an example (a half year; ``year_too``: or a year)."""
    from koers.domain.periods import Period, PeriodError

    try:
        return Period.parse(text)
    except PeriodError:
        example = _("2026-H1 of 2026", lang) if year_too else "2026-H1"
        fail(_("'{text}' is geen periode. Schrijf bijvoorbeeld {example}.", lang, text=text, example=example))


def require_goal(plan: Plan, goal: str, lang: str) -> None:
    """Stop with a message when the plan has no goal GOAL."""
    if plan.goal(goal) is None:
        fail(_("Het plan heeft geen doel '{goal}'.", lang, goal=goal))


def write_text_or_print(text: str, out: Path | None) -> None:
    """``text`` to the file ``out``, or printed as it is when there is none (the schema commands)."""
    if out is None:
        typer.echo(text, nl=False)
    else:
        out.write_text(text, encoding="utf-8")
