# SPDX-License-Identifier: EUPL-1.2
"""Helpers for the editor tests: a browser that logs in through the login form as a person
would, and takes the CSRF token from the page it was given, as a browser would send it."""

from __future__ import annotations

import re
import warnings
from typing import Any

from sqlalchemy import Engine, func, select

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

from fastapi import FastAPI
from httpx import Response

from koers.store.tables import audit_log, measurements

PASSWORD = "een goed en lang wachtwoord"
#: username: (role, challenges)
USERS: dict[str, tuple[str, list[str]]] = {
    "anna": ("admin", []),
    "erik": ("editor", []),
    "fleur": ("editor", ["financieel-fit"]),
    "victor": ("viewer", []),
    "petra": ("participation", []),  # keeps the advice register, changes no figures
}
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


class Browser:
    """A TestClient over https (so Secure cookies travel), with the editor's forms."""

    def __init__(self, app: FastAPI, base_url: str = "https://testserver") -> None:
        self.client = TestClient(app, base_url=base_url)

    def login(self, username: str, password: str = PASSWORD, **extra: str) -> Response:
        form = self.client.get("/beheer/inloggen")
        data = {"username": username, "password": password, "csrf_token": csrf_of(form.text), **extra}
        return self.client.post("/beheer/inloggen", data=data, follow_redirects=False)

    def csrf(self) -> str:
        return csrf_of(self.client.get("/beheer").text)

    def post(
        self, path: str, data: dict[str, Any] | None = None, *, csrf: str | None = "page", **kwargs: Any
    ) -> Response:
        """POST a form; ``csrf``: 'page' takes the session's token from a page, None sends none."""
        form = dict(data or {})
        if csrf is not None:
            form["csrf_token"] = self.csrf() if csrf == "page" else csrf
        return self.client.post(path, data=form, follow_redirects=False, **kwargs)

    def get(self, path: str, **kwargs: Any) -> Response:
        return self.client.get(path, **kwargs)


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found is not None, "the page has no form with a CSRF token"
    return found.group(1)


def count(engine: Engine, table: Any = measurements) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def audit_rows(engine: Engine, action: str) -> list[Any]:
    with engine.connect() as conn:
        return list(conn.execute(select(audit_log).where(audit_log.c.action == action).order_by(audit_log.c.id)))


def unlabelled_fields(html: str) -> list[str]:
    """Every visible form field needs a <label for=...> (WCAG 1.3.1, 3.3.2)."""
    fields = re.findall(r"<(?:input|select|textarea)\b([^>]*)>", html)
    missing = []
    for attributes in fields:
        if re.search(r'type="(hidden|submit)"', attributes):
            continue
        found = re.search(r'id="([^"]+)"', attributes)
        if found is None or f'for="{found.group(1)}"' not in html:
            missing.append(attributes.strip())
    return missing
