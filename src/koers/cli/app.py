# SPDX-License-Identifier: EUPL-1.2
"""The ``koers`` command line: thin commands over the domain and the plan files.

Each command parses its arguments, calls one service, renders a table or ``--json`` and
sets the exit code: 0 fine, 1 the check found errors, 2 the input could not be used.
Unexpected failures are shown as one plain sentence; set KOERS_DEBUG=1 for the traceback.
A ``KOERS_*`` setting koers cannot use is one plain sentence too, naming the variable.
"""

from __future__ import annotations

import sys
from typing import Annotated, NoReturn

import typer

import koers
from koers import settings as koers_settings
from koers.cli.common import EXIT_UNREADABLE, Settings, err_console
from koers.cli.lazy import LazyCommand, LazyGroup
from koers.i18n import DEFAULT_LANG, LANGUAGES, _
from koers.settings import SettingError

#: Every command, in the order ``koers --help`` lists them: its name, where it lives, and its
#: help line (the command's own; tests/cli/test_startup.py checks). A command's module is
#: imported when the command is used: ``koers --version`` and ``koers --help`` import none.
COMMANDS = (
    LazyCommand(
        "lint",
        "koers.cli.lint:lint",
        "Check that every goal is SMART: baseline, target, period, source, frequency, measurable in time.",
    ),
    LazyCommand(
        "import",
        "koers.cli.measurements:import_file",
        "Import measurements: every row is checked first; all rows are stored, or none.",
    ),
    LazyCommand("fetch", "koers.cli.fetch:app", "Fetch figures from CBS StatLine into a tidy CSV file."),
    LazyCommand(
        "measurements",
        "koers.cli.measurements:measurements",
        "Show the current measurements (latest final, else latest provisional), or their history.",
    ),
    LazyCommand(
        "export",
        "koers.cli.measurements:export",
        "Export all current measurements (or every version) to CSV or Excel.",
    ),
    LazyCommand(
        "derive",
        "koers.cli.measurements:derive",
        "Compute a rate per 1.000 or 10.000 from stored counts; the formula and inputs are recorded.",
    ),
    LazyCommand(
        "due",
        "koers.cli.due:due_command",
        "Which measurement is expected next for every goal, and which are overdue.",
    ),
    LazyCommand(
        "status",
        "koers.cli.status:status",
        "Where every goal stands against its baseline and target, with the reason, and a roll-up.",
    ),
    LazyCommand(
        "override",
        "koers.cli.status:override",
        "Set a goal's status by hand (always shown as such, with its justification), or lift it.",
    ),
    LazyCommand(
        "demo-data",
        "koers.cli.demo:demo_data",
        "Load a plan with ILLUSTRATIVE measurements (marked 'illustratief'), to try koers out.",
    ),
    LazyCommand(
        "explain",
        "koers.cli.explain:explain",
        "Write (or --show) the explanation of GOAL for a reporting period; every version is kept.",
    ),
    LazyCommand(
        "report",
        "koers.cli.report:report",
        "Write the monitoring report: numbers, charts and the explanation per goal, per challenge.",
    ),
    LazyCommand(
        "evaluate",
        "koers.cli.evaluate:evaluate",
        "Write the evaluation of a plan version: verdict per goal, what worked, what could not be evaluated and why.",
    ),
    LazyCommand("serve", "koers.cli.serve:serve", "Serve the dashboard on the chosen database."),
    LazyCommand(
        "demo",
        "koers.cli.serve:demo",
        "Start the dashboard with the Heemskerk plan and ILLUSTRATIVE figures (no setup needed).",
    ),
    LazyCommand("plan", "koers.cli.plan:app", "Show a plan, export it to YAML or Excel, or compare two versions."),
    LazyCommand("bbv", "koers.cli.bbv:app", "The national list of BBV indicators, and which the plan reports on."),
    LazyCommand(
        "geo",
        "koers.cli.geo:app",
        "Wijk and buurt boundaries for the maps: load a GeoJSON or TopoJSON file, or list them.",
    ),
    LazyCommand(
        "money",
        "koers.cli.money:app",
        "Money per challenge: import the begroting, gewijzigde begroting and realisatie, or list them.",
    ),
    LazyCommand(
        "advice",
        "koers.cli.advice:app",
        "The advice register: import the participation council's advice and the responses, or list them.",
    ),
    LazyCommand(
        "survey",
        "koers.cli.survey:app",
        "Resident surveys: load a survey, make invitation codes, import LimeSurvey responses, list them, "
        "estimate the results.",
    ),
    LazyCommand("db", "koers.cli.db:app", "Set up and migrate the database."),
    LazyCommand("user", "koers.cli.users:app", "Accounts for the editor (/beheer)."),
)


class KoersGroup(LazyGroup):
    """The root command: every command of :data:`COMMANDS`, each imported when used."""

    lazy = COMMANDS


app = typer.Typer(
    name="koers",
    cls=KoersGroup,
    help="koers: steer and monitor a municipality's social-domain policy plan.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"koers {koers.__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    lang: Annotated[
        str, typer.Option("--lang", envvar=koers_settings.LANG.name, help=koers_settings.LANG.help)
    ] = DEFAULT_LANG,
    db: Annotated[
        str | None,
        typer.Option(
            "--db", envvar=koers_settings.DATABASE_URL.name, show_envvar=True, help=koers_settings.DATABASE_URL.help
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and stop.")
    ] = False,
) -> None:
    """koers: steer and monitor a municipality's social-domain policy plan."""
    if _from_environment(ctx, "lang"):
        koers_settings.LANG.parse_value(lang)  # a SettingError that names KOERS_LANG
    elif lang not in LANGUAGES:
        raise typer.BadParameter(f"use one of: {', '.join(LANGUAGES)}", param_hint="--lang")
    if db is not None and _from_environment(ctx, "db"):
        koers_settings.DATABASE_URL.parse_value(db)
    ctx.obj = Settings(lang=lang, db=db)


def _from_environment(ctx: typer.Context, name: str) -> bool:
    """Whether Typer took the option ``name`` from its environment variable: then the value is
    checked as that setting, so that the message names the variable, not the option."""
    source = ctx.get_parameter_source(name)
    return source is not None and source.name == "ENVIRONMENT"


def main() -> None:
    try:
        debug = koers_settings.DEBUG.read()
    except SettingError as err:
        _refuse_setting(err)
    try:
        app()
    except SettingError as err:
        _refuse_setting(err)
    except Exception as err:  # the last line of defence: never show a traceback to a user
        if debug:
            raise
        text = _(
            "Er ging iets mis dat koers niet verwachtte: {kind}: {error}. "
            "Meld dit bij de beheerders van koers; met {setting}=1 ziet u de details.",
            _message_lang(),
            kind=err.__class__.__name__,
            error=err,
            setting=koers_settings.DEBUG.name,
        )
        err_console().print(text, style="bold red")
        sys.exit(EXIT_UNREADABLE)


def _refuse_setting(err: SettingError) -> NoReturn:
    """A setting koers cannot use: its message names the variable and the choices; no traceback."""
    err_console().print(str(err), style="bold red")
    sys.exit(EXIT_UNREADABLE)


def _message_lang() -> str:
    """The language for the last-resort message: KOERS_LANG when usable, else Dutch."""
    try:
        return koers_settings.LANG.read()
    except SettingError:
        return DEFAULT_LANG


if __name__ == "__main__":  # pragma: no cover
    main()
