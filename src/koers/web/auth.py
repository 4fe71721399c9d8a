# SPDX-License-Identifier: EUPL-1.2
"""Logging in to the editor (/beheer): the login and logout pages, the session cookie, CSRF
tokens and role checks, as FastAPI dependencies.

* The session cookie holds a random token (the database keeps only its SHA-256). It is
  ``HttpOnly`` (no script can read it), ``SameSite=Strict`` (no other site can make the
  browser send it), limited to ``/beheer`` (the public pages never see it) and ``Secure``
  unless the dashboard is served over plain http on this computer (127.0.0.1, localhost):
  the setting ``KOERS_SECURE_COOKIES`` is ``auto`` (that rule), ``true`` or ``false``.
* Every form carries a hidden CSRF token bound to the session; every POST is refused with
  403 unless it sends that token. The login form, before there is a session, uses a token
  that must match a short-lived cookie of its own (double submit).
* Without a session a page redirects to the login page (a POST gets 401); a role that may not
  make a change (koers.store.accounts.GRANTS) gets 403, with a plain reason in the dashboard's
  language.
* Editor pages are never cached and never shown in a frame of another site.
"""

from __future__ import annotations

import hmac
import math
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated, Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, FastAPI, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import Engine

from koers.domain.formatting import format_date
from koers.domain.vocabulary import every
from koers.i18n import N_, _, ngettext
from koers.settings import SECURE_COOKIES
from koers.store.accounts import (
    SESSION_LENGTH,
    NotAllowed,
    Role,
    Session,
    User,
    authenticate,
    end_session,
    find_session,
    start_session,
    user_count,
)
from koers.web import LANG
from koers.web.render import render

COOKIE = "koers_sessie"
LOGIN_COOKIE = "koers_inloggen"
COOKIE_PATH = "/beheer"
CSRF_FIELD = "csrf_token"
LOGIN_FORM_LIFETIME = timedelta(hours=1)
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
HOME = "/beheer"
SAFE_NEXT = re.compile(r"^/beheer(/[\w\-./]*)?(\?[\w\-.=&%]*)?$")
ROLE_NAMES = every(
    Role,
    {
        Role.VIEWER: N_("lezer"),
        Role.EDITOR: N_("redacteur"),
        Role.ADMIN: N_("beheerder"),
        Role.PARTICIPATION: N_("participatie"),
    },
)
NO_STORE = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "frame-ancestors 'none'",
    "Referrer-Policy": "same-origin",
}
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
EXPIRED_FORM = N_(
    "Dit formulier is verlopen of komt niet van deze website. Ga terug, laad de pagina opnieuw en probeer het nog eens."
)

router = APIRouter(include_in_schema=False)


@dataclass(frozen=True)
class AuthSettings:
    secure_cookies: bool | None = None  # None: Secure unless served over plain http on this computer

    @classmethod
    def from_environment(cls) -> AuthSettings:
        return cls(SECURE_COOKIES.read())  # koers.settings: auto (None), true or false


class NotLoggedIn(Exception):
    """No live session: the login page (GET) or 401 (anything else)."""


def install(app: FastAPI) -> None:
    """The settings and the answers to NotLoggedIn and NotAllowed, on the dashboard app."""
    app.state.auth_settings = AuthSettings.from_environment()
    app.add_exception_handler(NotLoggedIn, _not_logged_in)
    app.add_exception_handler(NotAllowed, _not_allowed)


async def _not_logged_in(request: Request, _error: Exception) -> Response:
    if request.method == "GET":
        return RedirectResponse(f"/beheer/inloggen?{urlencode({'terug': _path_of(request)})}", status_code=303)
    error = _("U bent niet (meer) ingelogd. Log in en probeer het opnieuw.", LANG)
    return login_page(request, error=error, status_code=401)


async def _not_allowed(request: Request, error: Exception) -> Response:
    reason = error.reason if isinstance(error, NotAllowed) else str(error)
    return page(
        request, "beheer/geweigerd.html.j2", {"reason": reason}, session=_live_session(request), status_code=403
    )


# -- dependencies -------------------------------------------------------------------------


def engine(request: Request) -> Engine:
    database: Engine = request.app.state.engine
    return database


def signed_in(request: Request) -> Session:
    """The current session; without one, NotLoggedIn."""
    session = _live_session(request)
    if session is None:
        raise NotLoggedIn()
    return session


async def checked_form(request: Request, session: Annotated[Session, Depends(signed_in)]) -> Session:
    """The session of a POST whose form carries the session's CSRF token; else 403."""
    form = await request.form()
    if not _same(form.get(CSRF_FIELD), session.csrf_token):
        raise NotAllowed(_(EXPIRED_FORM, LANG))
    return session


def _role(needed: Role, base: Callable[..., Any]) -> Callable[[Session], Session]:
    # Depends as a default value: an annotation would be a string here, naming a local
    def check(session: Session = Depends(base)) -> Session:  # noqa: B008
        if not session.user.role.allows(needed):
            raise NotAllowed(
                _(
                    "Hiervoor moet uw account de rol {needed} hebben; u bent {role}. "
                    "Vraag een beheerder om meer rechten.",
                    LANG,
                    needed=role_name(needed),
                    role=role_name(session.user.role),
                )
            )
        return session

    return check


Viewer = Annotated[Session, Depends(signed_in)]
Poster = Annotated[Session, Depends(checked_form)]
EditorPost = Annotated[Session, Depends(_role(Role.EDITOR, checked_form))]
AdminPost = Annotated[Session, Depends(_role(Role.ADMIN, checked_form))]
#: A change to the advice register: the role participation (or admin), not editor.
AdvicePost = Annotated[Session, Depends(_role(Role.PARTICIPATION, checked_form))]


def _live_session(request: Request) -> Session | None:
    token = request.cookies.get(COOKIE)
    return find_session(engine(request), token) if token else None


def _same(given: object, expected: str | None) -> bool:
    if not isinstance(given, str) or not expected:
        return False
    return hmac.compare_digest(given.encode(), expected.encode())


# -- pages --------------------------------------------------------------------------------


def page(
    request: Request, template: str, context: dict[str, Any], *, session: Session | None = None, status_code: int = 200
) -> HTMLResponse:
    """An editor page: the signed-in user and the CSRF token in the context, never cached."""
    extra = {
        "user": session.user if session else None,
        "csrf": session.csrf_token if session else "",
        "role_name": role_name,
        "moment": moment,
    }
    response = render(request, template, {**context, **extra}, status_code=status_code)
    response.headers.update(NO_STORE)
    return response


def role_name(role: Role) -> str:
    """'beheerder': a role as the pages name it."""
    return _(ROLE_NAMES[role], LANG)


def moment(when: datetime | None) -> str:
    """'23 november 2026, 21:05', Dutch time."""
    if when is None:
        return ""
    local = when.astimezone(AMSTERDAM)
    return f"{format_date(local, LANG)}, {local:%H:%M}"


def login_page(
    request: Request,
    *,
    next_path: str = HOME,
    username: str = "",
    error: str | None = None,
    notice: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    token = secrets.token_urlsafe(32)
    context = {
        "login_csrf": token,
        "next_path": safe_next(next_path),
        "username": username,
        "error": error,
        "notice": notice,
        "no_accounts": user_count(engine(request)) == 0,
    }
    response = page(request, "beheer/inloggen.html.j2", context, status_code=status_code)
    _set_cookie(response, request, LOGIN_COOKIE, token, LOGIN_FORM_LIFETIME)
    return response


@router.get("/beheer/inloggen", response_class=HTMLResponse, name="login")
def login_form(request: Request, terug: str = HOME, uitgelogd: bool = False) -> Response:
    if _live_session(request) is not None:
        return RedirectResponse(safe_next(terug), status_code=303)
    return login_page(request, next_path=terug, notice=_("U bent uitgelogd.", LANG) if uitgelogd else None)


@router.post("/beheer/inloggen", response_class=HTMLResponse)
def login(
    request: Request,
    username: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    csrf_token: Annotated[str, Form()] = "",
    terug: Annotated[str, Form()] = HOME,
) -> Response:
    if not _same(csrf_token, request.cookies.get(LOGIN_COOKIE)):
        raise NotAllowed(_(EXPIRED_FORM, LANG))
    outcome = authenticate(engine(request), username, password, request.client.host if request.client else "-")
    if outcome.wait is not None:
        response = login_page(
            request, next_path=terug, username=username, error=locked_message(outcome.wait), status_code=429
        )
        response.headers["Retry-After"] = str(math.ceil(outcome.wait.total_seconds()))
        return response
    if outcome.user is None:
        return login_page(
            request,
            next_path=terug,
            username=username,
            status_code=401,
            error=_("De gebruikersnaam of het wachtwoord klopt niet.", LANG),
        )
    return _signed_in(request, outcome.user, terug)


def locked_message(wait: timedelta) -> str:
    minutes = max(1, math.ceil(wait.total_seconds() / 60))
    return ngettext(
        "U heeft te vaak een verkeerd wachtwoord ingevuld. Wacht {n} minuut en probeer het dan opnieuw.",
        "U heeft te vaak een verkeerd wachtwoord ingevuld. Wacht {n} minuten en probeer het dan opnieuw.",
        minutes,
        LANG,
    )


def _signed_in(request: Request, user: User, next_path: str) -> Response:
    """A fresh session (never the one the browser brought along) and its cookie."""
    old = request.cookies.get(COOKIE)
    if old:
        end_session(engine(request), old)
    token, _session = start_session(engine(request), user)
    response = RedirectResponse(safe_next(next_path), status_code=303)
    _set_cookie(response, request, COOKIE, token, SESSION_LENGTH)
    response.delete_cookie(
        LOGIN_COOKIE, path=COOKIE_PATH, secure=cookie_secure(request), httponly=True, samesite="strict"
    )
    return response


@router.get("/beheer/uitloggen", response_class=HTMLResponse, name="logout")
def logout_form(request: Request, session: Viewer) -> HTMLResponse:
    return page(request, "beheer/uitloggen.html.j2", {}, session=session)


@router.post("/beheer/uitloggen")
def logout(request: Request, session: Poster) -> Response:
    end_session(engine(request), request.cookies[COOKIE])
    response = RedirectResponse("/beheer/inloggen?uitgelogd=1", status_code=303)
    response.delete_cookie(COOKIE, path=COOKIE_PATH, secure=cookie_secure(request), httponly=True, samesite="strict")
    return response


# -- cookies and addresses ----------------------------------------------------------------


def cookie_secure(request: Request) -> bool:
    """Secure, unless the setting says otherwise or this is plain http on this computer."""
    settings: AuthSettings = request.app.state.auth_settings
    chosen = settings.secure_cookies
    if chosen is not None:
        return chosen
    return not (request.url.scheme == "http" and request.url.hostname in LOCAL_HOSTS)


def _set_cookie(response: Response, request: Request, name: str, value: str, lifetime: timedelta) -> None:
    response.set_cookie(
        name,
        value,
        max_age=int(lifetime.total_seconds()),
        path=COOKIE_PATH,
        secure=cookie_secure(request),
        httponly=True,
        samesite="strict",
    )


def safe_next(path: str) -> str:
    """Where to go after logging in: only a page of the editor, never another site."""
    return path if SAFE_NEXT.match(path) else HOME


def _path_of(request: Request) -> str:
    query = request.url.query
    return request.url.path + (f"?{query}" if query else "")
