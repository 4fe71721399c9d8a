# SPDX-License-Identifier: EUPL-1.2
"""``koers user add``: make an account for the editor (/beheer).

The first account can only be made here, on the server, by someone who can reach the
database: the web editor has no page to make accounts. The password is asked twice without
echo, or read from standard input (``--password-stdin``, for scripts); it is never printed,
logged or put in the audit log, which records who made which account.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from sqlalchemy import Engine

from koers.cli.common import console, fail, print_json, settings
from koers.cli.storage import current_user, engine_for
from koers.i18n import N_, _
from koers.store.accounts import MIN_PASSWORD_LENGTH, AccountError, Role, create_user
from koers.store.plans import PlanNotFound, load_stored_plan

app = typer.Typer(no_args_is_help=True, help="Accounts for the editor (/beheer).")

#: What to say when an account cannot be made, per AccountError code (``{min_length}``: the
#: shortest password allowed).
MESSAGES = {
    "invalid-username": N_("Een gebruikersnaam heeft 2 tot 100 tekens: kleine letters, cijfers en . _ @ -."),
    "invalid-role": N_("Kies als rol admin, editor, participation of viewer."),
    "invalid-challenge": N_("Een opgave schrijft u met haar code, zoals financieel-fit."),
    "challenges-for-editors-only": N_("Alleen een editor kan tot opgaven worden beperkt."),
    "password-too-short": N_("Het wachtwoord is te kort: kies er een van minstens {min_length} tekens."),
    "password-too-long": N_("Het wachtwoord is te lang."),
    "password-is-username": N_("Het wachtwoord mag niet gelijk zijn aan de gebruikersnaam."),
    "username-taken": N_("Die gebruikersnaam bestaat al."),
}


@app.command("add")
def add(
    ctx: typer.Context,
    username: Annotated[str, typer.Argument(metavar="USERNAME", help="The name to log in with (lower case).")],
    role: Annotated[
        Role,
        typer.Option(
            "--role",
            help="admin (everything), editor (change data), participation (the advice register) or viewer (read).",
        ),
    ],
    challenges: Annotated[
        str, typer.Option("--challenges", help="For an editor: only these challenges (comma-separated ids).")
    ] = "",
    name: Annotated[str | None, typer.Option("--name", help="The name shown in the editor and the audit log.")] = None,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input instead of asking for it.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print {username, display_name, role, challenges}.")] = False,
) -> None:
    """Make an account; the password is asked twice (not shown), or read with --password-stdin."""
    lang = settings(ctx).lang
    engine = engine_for(ctx)
    limits = [c.strip() for c in challenges.split(",") if c.strip()]
    _known_challenges(engine, limits, lang)
    password = _password(password_stdin, lang)
    try:
        user = create_user(
            engine,
            username,
            password,
            role=role.value,
            display_name=name,
            challenges=limits,
            details=f"koers user add, door {current_user(None)}",
        )
    except AccountError as err:
        fail(_(MESSAGES[err.code], lang, min_length=MIN_PASSWORD_LENGTH))
    if as_json:
        print_json(
            {
                "username": user.username,
                "display_name": user.display_name,
                "role": user.role.value,
                "challenges": list(user.challenges),
            }
        )
    else:
        console().print(
            _("Account '{username}' gemaakt, met de rol {role}.", lang, username=user.username, role=user.role.value)
        )


def _password(from_stdin: bool, lang: str) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    text: str = typer.prompt(_("Wachtwoord", lang), hide_input=True, confirmation_prompt=_("Nog een keer", lang))
    return text


def _known_challenges(engine: Engine, limits: list[str], lang: str) -> None:
    """Refuse a challenge the stored plan does not have (a typo would lock the editor out)."""
    try:
        plan = load_stored_plan(engine).plan
    except PlanNotFound:
        return  # no plan (or several): the ids cannot be checked yet
    unknown = [c for c in limits if plan.challenge(c) is None]
    if unknown:
        known = ", ".join(c.id for c in plan.challenges)
        fail(
            _("Het plan heeft geen opgave {unknown}. Kies uit: {known}.", lang, unknown=", ".join(unknown), known=known)
        )
