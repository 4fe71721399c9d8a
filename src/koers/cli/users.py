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

from koers.cli.common import console, fail, print_json, settings, t
from koers.cli.storage import current_user, engine_for
from koers.store.accounts import MIN_PASSWORD_LENGTH, AccountError, Role, create_user
from koers.store.plans import PlanNotFound, load_stored_plan

app = typer.Typer(no_args_is_help=True, help="Accounts for the editor (/beheer).")

MESSAGES = {
    "invalid-username": (
        "Een gebruikersnaam heeft 2 tot 100 tekens: kleine letters, cijfers en . _ @ -.",
        "A user name has 2 to 100 characters: lower-case letters, digits and . _ @ -.",
    ),
    "invalid-role": ("Kies als rol admin, editor of viewer.", "Choose admin, editor or viewer as the role."),
    "invalid-challenge": (
        "Een opgave schrijft u met haar code, zoals financieel-fit.",
        "Write a challenge as its id, such as financieel-fit.",
    ),
    "challenges-for-editors-only": (
        "Alleen een editor kan tot opgaven worden beperkt.",
        "Only an editor can be limited to challenges.",
    ),
    "password-too-short": (
        f"Het wachtwoord is te kort: kies er een van minstens {MIN_PASSWORD_LENGTH} tekens.",
        f"The password is too short: choose one of at least {MIN_PASSWORD_LENGTH} characters.",
    ),
    "password-too-long": ("Het wachtwoord is te lang.", "The password is too long."),
    "password-is-username": (
        "Het wachtwoord mag niet gelijk zijn aan de gebruikersnaam.",
        "The password must not be the user name.",
    ),
    "username-taken": ("Die gebruikersnaam bestaat al.", "That user name is taken."),
}


@app.command("add")
def add(
    ctx: typer.Context,
    username: Annotated[str, typer.Argument(metavar="USERNAME", help="The name to log in with (lower case).")],
    role: Annotated[Role, typer.Option("--role", help="admin (everything), editor (change data) or viewer (read).")],
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
        nl, en = MESSAGES[err.code]
        fail(t(lang, nl, en))
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
            t(
                lang,
                f"Account '{user.username}' gemaakt, met de rol {user.role.value}.",
                f"Account '{user.username}' made, with the role {user.role.value}.",
            )
        )


def _password(from_stdin: bool, lang: str) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return typer.prompt(
        t(lang, "Wachtwoord", "Password"), hide_input=True, confirmation_prompt=t(lang, "Nog een keer", "Repeat it")
    )


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
            t(
                lang,
                f"Het plan heeft geen opgave {', '.join(unknown)}. Kies uit: {known}.",
                f"The plan has no challenge {', '.join(unknown)}. Choose from: {known}.",
            )
        )
