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

from koers import __version__
from koers import settings as koers_settings
from koers.cli import db as db_cli
from koers.cli import demo as demo_cli
from koers.cli import due as due_cli
from koers.cli import explain as explain_cli
from koers.cli import lint as lint_cli
from koers.cli import measurements as measurements_cli
from koers.cli import plan as plan_cli
from koers.cli import report as report_cli
from koers.cli import serve as serve_cli
from koers.cli import status as status_cli
from koers.cli import users as users_cli
from koers.cli.common import EXIT_UNREADABLE, Settings, err_console
from koers.i18n import DEFAULT_LANG, LANGUAGES, _
from koers.settings import SettingError

app = typer.Typer(
    name="koers",
    help="koers: steer and monitor a municipality's social-domain policy plan.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.add_typer(plan_cli.app, name="plan")
app.add_typer(db_cli.app, name="db")
app.add_typer(users_cli.app, name="user")
app.command("lint")(lint_cli.lint)
app.command("import")(measurements_cli.import_file)
app.command("measurements")(measurements_cli.measurements)
app.command("export")(measurements_cli.export)
app.command("derive")(measurements_cli.derive)
app.command("due")(due_cli.due_command)
app.command("status")(status_cli.status)
app.command("override")(status_cli.override)
app.command("demo-data")(demo_cli.demo_data)
app.command("explain")(explain_cli.explain)
app.command("report")(report_cli.report)
app.command("serve")(serve_cli.serve)
app.command("demo")(serve_cli.demo)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"koers {__version__}")
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
