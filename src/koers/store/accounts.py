# SPDX-License-Identifier: EUPL-1.2
"""Accounts of the editor: users with a role, their login sessions, and a limit on guessing.

* Passwords are stored only as argon2id hashes (argon2-cffi's defaults); a login for an
  unknown user still verifies a hash, so the answer takes as long either way.
* A session is a random 256-bit token in the browser's cookie; the database keeps only its
  SHA-256, so a copy of the database does not let anyone log in. A session lasts 8 hours and
  carries its own CSRF token for the forms.
* Failed logins are counted per user name (5 per 15 minutes) and per address (30 per 15
  minutes, for guessing across names); past either limit no password is checked until the
  oldest failure leaves the window, and the caller learns how long that is.

Roles: a viewer reads the editor's pages; an editor also changes data (measurements,
explanations, actions), optionally only for some challenges; a participation account keeps the
advice register (the participation council's advice and the municipality's responses) and
changes no figures; an admin does everything, including adopting a reporting period. What each
role may do is declared once, in :data:`GRANTS`.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from functools import cache
from typing import Any, Final

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import ColumnElement, Connection, Engine, Row, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from koers.domain.vocabulary import every
from koers.store import audit
from koers.store.tables import inserted_id, login_attempts, sessions, users

SESSION_LENGTH = timedelta(hours=8)
LOGIN_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_USER = 5
MAX_FAILURES_PER_ADDRESS = 30
MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 1024
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,99}$")
CHALLENGE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class Permission(StrEnum):
    """What an account may do in the editor."""

    READ = "read"  # the editor's pages and the audit log
    DATA = "data"  # measurements, explanations and the plan's actions
    ADVICE = "advice"  # the advice register and the municipality's responses
    ADOPT = "adopt"  # a reporting period's status


class Role(StrEnum):
    VIEWER = "viewer"
    EDITOR = "editor"
    ADMIN = "admin"
    PARTICIPATION = "participation"

    def allows(self, needed: Role) -> bool:
        """Whether this role may do all that ``needed`` may: viewer < editor < admin, and
        participation beside editor (the advice register, no figures), above viewer, below admin."""
        return GRANTS[needed] <= GRANTS[self]


#: What each role may do: the one declaration the editor's role checks follow.
GRANTS: Final = every(
    Role,
    {
        Role.VIEWER: frozenset({Permission.READ}),
        Role.EDITOR: frozenset({Permission.READ, Permission.DATA}),
        Role.PARTICIPATION: frozenset({Permission.READ, Permission.ADVICE}),
        Role.ADMIN: frozenset(Permission),
    },
)


class AccountError(ValueError):
    """An account that cannot be made; ``code`` is stable, the CLI words it."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


class NotAllowed(PermissionError):
    """The user may not do this; ``reason`` says why, in Dutch, for the person."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class User:
    id: int
    username: str
    display_name: str
    role: Role
    challenges: tuple[str, ...]  # an editor's limit; empty: every challenge

    @property
    def keeps_advice(self) -> bool:
        """May this user enter advice and the municipality's responses (participation, admin)?"""
        return self.role.allows(Role.PARTICIPATION)

    def may_edit(self, challenge: str | None) -> bool:
        """May this user change data of ``challenge`` (None: data of no challenge, such as a series)?"""
        if not self.role.allows(Role.EDITOR):
            return False
        return self.role is Role.ADMIN or not self.challenges or challenge in self.challenges


@dataclass(frozen=True)
class Session:
    id: int
    user: User
    csrf_token: str
    expires_at: datetime


@dataclass(frozen=True)
class LoginOutcome:
    user: User | None
    wait: timedelta | None = None  # set when logging in is blocked for now

    @property
    def locked(self) -> bool:
        return self.wait is not None


@cache
def _hasher() -> PasswordHasher:
    return PasswordHasher()


@cache
def _dummy_hash() -> str:
    """A hash to verify against when the user does not exist, so timing does not tell."""
    return _hasher().hash(secrets.token_urlsafe(16))


# -- users --------------------------------------------------------------------------------


def create_user(
    engine: Engine,
    username: str,
    password: str,
    *,
    role: str,
    display_name: str | None = None,
    challenges: list[str] | None = None,
    actor_id: int | None = None,
    details: str | None = None,
    now: datetime | None = None,
) -> User:
    """Add a user, and its audit row in the same transaction. Raises AccountError."""
    name = normalise_username(username)
    chosen = _role(role)
    limits = _challenges(challenges or [], chosen)
    _check_password(password, name)
    shown_name = (display_name or "").strip() or name
    row = {
        "username": name,
        "display_name": shown_name,
        "role": chosen.value,
        "challenges": ",".join(limits),
        "password_hash": _hasher().hash(password),
        "created_at": now or datetime.now(UTC),
        "active": True,
    }
    shown = {"username": name, "display_name": shown_name, "role": chosen.value, "challenges": limits}
    try:
        with engine.begin() as conn:
            user_id = inserted_id(conn.execute(insert(users).values(**row)))
            audit.record(conn, user_id=actor_id, action=audit.USER_ADD, target=name, new=shown, details=details)
    except IntegrityError:
        raise AccountError("username-taken", name) from None
    return User(user_id, name, shown_name, chosen, tuple(limits))


def normalise_username(username: str) -> str:
    name = username.strip().lower()
    if not USERNAME.match(name):
        raise AccountError("invalid-username", username)
    return name


def _role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise AccountError("invalid-role", role) from None


def _challenges(ids: list[str], role: Role) -> list[str]:
    cleaned = sorted({i.strip() for i in ids if i.strip()})
    bad = [i for i in cleaned if not CHALLENGE_ID.match(i)]
    if bad:
        raise AccountError("invalid-challenge", ", ".join(bad))
    if cleaned and role is not Role.EDITOR:
        raise AccountError("challenges-for-editors-only", role.value)
    return cleaned


def _check_password(password: str, username: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError("password-too-short", str(MIN_PASSWORD_LENGTH))
    if len(password) > MAX_PASSWORD_LENGTH:
        raise AccountError("password-too-long", str(MAX_PASSWORD_LENGTH))
    if password.strip().lower() == username:
        raise AccountError("password-is-username")


def _user(row: Row[*tuple[Any, ...]], user_id: int | None = None) -> User:
    challenges = tuple(c for c in row.challenges.split(",") if c)
    return User(user_id or row.id, row.username, row.display_name, Role(row.role), challenges)


# -- logging in ---------------------------------------------------------------------------


def authenticate(
    engine: Engine, username: str, password: str, address: str, *, now: datetime | None = None
) -> LoginOutcome:
    """Check a login; a failure counts towards the limit, a success clears the user's failures."""
    moment = now or datetime.now(UTC)
    name = username.strip().lower()[:100]
    with engine.connect() as conn:
        wait = _wait(conn, name, address, moment)
        row = conn.execute(select(users).where(users.c.username == name, users.c.active.is_(True))).first()
    if wait is not None:
        return LoginOutcome(None, wait)
    if row is None or not _verify(row.password_hash, password):
        return _failed(engine, name, address, moment)
    with engine.begin() as conn:
        conn.execute(delete(login_attempts).where(login_attempts.c.username == name))
        if _hasher().check_needs_rehash(row.password_hash):
            conn.execute(update(users).where(users.c.id == row.id).values(password_hash=_hasher().hash(password)))
    return LoginOutcome(_user(row))


def _verify(stored: str | None, password: str) -> bool:
    try:
        _hasher().verify(stored or _dummy_hash(), password)
    except (VerificationError, InvalidHashError):
        return False
    return stored is not None


def _failed(engine: Engine, name: str, address: str, moment: datetime) -> LoginOutcome:
    with engine.begin() as conn:
        conn.execute(delete(login_attempts).where(login_attempts.c.at < moment - LOGIN_WINDOW))
        conn.execute(insert(login_attempts).values(username=name, address=address[:100], at=moment))
        return LoginOutcome(None, _wait(conn, name, address, moment))


def _wait(conn: Connection, name: str, address: str, moment: datetime) -> timedelta | None:
    """How long until the next try is allowed, or None when it is allowed now."""
    since = moment - LOGIN_WINDOW
    waits = [
        _wait_for(conn, login_attempts.c.username == name, since, MAX_FAILURES_PER_USER, moment),
        _wait_for(conn, login_attempts.c.address == address, since, MAX_FAILURES_PER_ADDRESS, moment),
    ]
    found = [w for w in waits if w is not None]
    return max(found) if found else None


def _wait_for(
    conn: Connection, which: ColumnElement[bool], since: datetime, limit: int, moment: datetime
) -> timedelta | None:
    """Blocked while ``limit`` failures lie in the window: until the limit-th newest leaves it."""
    a = login_attempts.c
    query = select(a.at).where(which, a.at >= since).order_by(a.at.desc()).limit(limit)
    times = list(conn.execute(query).scalars())
    if len(times) < limit:
        return None
    return max(audit.as_utc(times[-1]) + LOGIN_WINDOW - moment, timedelta(seconds=1))


# -- sessions -----------------------------------------------------------------------------


def start_session(engine: Engine, user: User, *, now: datetime | None = None) -> tuple[str, Session]:
    """A new session for ``user``: the token for the cookie (shown once, stored only hashed)."""
    moment = now or datetime.now(UTC)
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    with engine.begin() as conn:
        conn.execute(delete(sessions).where(sessions.c.expires_at <= moment))
        session_id = inserted_id(
            conn.execute(
                insert(sessions).values(
                    token_hash=token_hash(token),
                    user_id=user.id,
                    created_at=moment,
                    expires_at=moment + SESSION_LENGTH,
                    csrf_token=csrf,
                )
            )
        )
    return token, Session(session_id, user, csrf, moment + SESSION_LENGTH)


def find_session(engine: Engine, token: str, *, now: datetime | None = None) -> Session | None:
    """The live session of ``token`` with its (active) user, or None."""
    moment = now or datetime.now(UTC)
    s = sessions.c
    query = (
        select(
            s.id,
            s.csrf_token,
            s.expires_at,
            users.c.id.label("user_id"),
            users.c.username,
            users.c.display_name,
            users.c.role,
            users.c.challenges,
        )
        .select_from(sessions.join(users, users.c.id == s.user_id))
        .where(s.token_hash == token_hash(token), s.expires_at > moment, users.c.active.is_(True))
    )
    with engine.connect() as conn:
        row = conn.execute(query).first()
    if row is None:
        return None
    return Session(row.id, _user(row, row.user_id), row.csrf_token, audit.as_utc(row.expires_at))


def end_session(engine: Engine, token: str) -> None:
    with engine.begin() as conn:
        conn.execute(delete(sessions).where(sessions.c.token_hash == token_hash(token)))


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def user_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(users)).scalar_one())
