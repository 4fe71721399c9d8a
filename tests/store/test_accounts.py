# SPDX-License-Identifier: EUPL-1.2
"""Accounts, sessions, the login limit, the audit log and period statuses, on SQLite and on
PostgreSQL: the audit log refuses UPDATE and DELETE in the database itself, on both."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, delete, select, text, update
from sqlalchemy.exc import DBAPIError
from typer.testing import CliRunner

from koers.cli.app import app
from koers.domain.periods import Period
from koers.domain.plan import Plan
from koers.store import accounts, audit
from koers.store.accounts import (
    AccountError,
    Role,
    authenticate,
    create_user,
    end_session,
    find_session,
    start_session,
)
from koers.store.database import open_engine
from koers.store.migrate import upgrade
from koers.store.plans import save_plan
from koers.store.report_periods import ADOPTED, CONCEPT, period_status, set_period_status
from koers.store.tables import audit_log, report_periods, sessions, users
from tests.conftest import HEEMSKERK_2024, ROOT

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
PASSWORD = "een goed en lang wachtwoord"


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = open_engine(db_url)
    upgrade(engine)
    yield engine
    engine.dispose()


def rows(engine: Engine, table: Any) -> list[Any]:
    with engine.connect() as conn:
        return list(conn.execute(select(table)))


# -- users --------------------------------------------------------------------------------


def test_a_user_is_stored_with_an_argon2_hash_and_an_audit_row_without_the_password(engine: Engine) -> None:
    user = create_user(
        engine,
        " Anna ",
        PASSWORD,
        role="editor",
        display_name="Anna de Vries",
        challenges=["financieel-fit", " "],
        details="test",
        now=NOW,
    )
    assert (user.username, user.display_name, user.role, user.challenges) == (
        "anna",
        "Anna de Vries",
        Role.EDITOR,
        ("financieel-fit",),
    )
    [row] = rows(engine, users)
    assert row.password_hash.startswith("$argon2id$") and PASSWORD not in row.password_hash
    assert row.active is True
    [entry] = audit.entries(engine)
    assert (entry.action, entry.target, entry.user_id, entry.old_value, entry.details) == (
        audit.USER_ADD,
        "anna",
        None,
        None,
        "test",
    )
    assert entry.new_value == {
        "username": "anna",
        "display_name": "Anna de Vries",
        "role": "editor",
        "challenges": ["financieel-fit"],
    }
    stored = json.dumps([list(r) for r in rows(engine, audit_log)], default=str)
    assert PASSWORD not in stored and "argon2" not in stored


@pytest.mark.parametrize(
    ("username", "password", "role", "challenges", "code"),
    [
        ("a", PASSWORD, "editor", [], "invalid-username"),
        ("anna smit", PASSWORD, "editor", [], "invalid-username"),
        ("anna", PASSWORD, "god", [], "invalid-role"),
        ("anna", "kort", "editor", [], "password-too-short"),
        ("wachtwoord12345", "Wachtwoord12345", "editor", [], "password-is-username"),
        ("anna", PASSWORD, "admin", ["financieel-fit"], "challenges-for-editors-only"),
        ("anna", PASSWORD, "editor", ["Financieel Fit"], "invalid-challenge"),
    ],
)
def test_accounts_that_cannot_be_made(
    engine: Engine, username: str, password: str, role: str, challenges: list[str], code: str
) -> None:
    with pytest.raises(AccountError) as refused:
        create_user(engine, username, password, role=role, challenges=challenges)
    assert refused.value.code == code
    assert rows(engine, users) == [] and rows(engine, audit_log) == []


def test_a_user_name_is_taken_once(engine: Engine) -> None:
    create_user(engine, "anna", PASSWORD, role="admin")
    with pytest.raises(AccountError) as refused:
        create_user(engine, "ANNA", PASSWORD + "!", role="viewer")
    assert refused.value.code == "username-taken"
    assert len(rows(engine, users)) == 1 and len(rows(engine, audit_log)) == 1  # the audit row went with it


def test_roles_and_challenge_limits() -> None:
    def user(role: Role, challenges: tuple[str, ...] = ()) -> accounts.User:
        return accounts.User(1, "x", "X", role, challenges)

    assert Role.ADMIN.allows(Role.EDITOR) and Role.EDITOR.allows(Role.VIEWER) and not Role.VIEWER.allows(Role.EDITOR)
    assert user(Role.ADMIN).may_edit("zorg-en-wonen") and user(Role.ADMIN).may_edit(None)
    assert user(Role.EDITOR).may_edit("zorg-en-wonen") and user(Role.EDITOR).may_edit(None)
    limited = user(Role.EDITOR, ("financieel-fit",))
    assert limited.may_edit("financieel-fit") and not limited.may_edit("zorg-en-wonen") and not limited.may_edit(None)
    assert not user(Role.VIEWER).may_edit("financieel-fit")


# -- logging in ---------------------------------------------------------------------------


def test_login_checks_the_password(engine: Engine) -> None:
    create_user(engine, "anna", PASSWORD, role="admin")
    assert authenticate(engine, "anna", PASSWORD, "10.0.0.1", now=NOW).user.username == "anna"  # type: ignore[union-attr]
    assert authenticate(engine, " Anna", PASSWORD, "10.0.0.1", now=NOW).user is not None
    wrong = authenticate(engine, "anna", PASSWORD + "x", "10.0.0.1", now=NOW)
    assert wrong.user is None and not wrong.locked
    assert authenticate(engine, "niemand", PASSWORD, "10.0.0.1", now=NOW).user is None
    with engine.begin() as conn:
        conn.execute(update(users).values(active=False))
    assert authenticate(engine, "anna", PASSWORD, "10.0.0.1", now=NOW).user is None  # an inactive account


def test_five_failures_lock_the_user_until_the_oldest_leaves_the_window(engine: Engine) -> None:
    create_user(engine, "anna", PASSWORD, role="admin")
    minute = timedelta(minutes=1)
    for i in range(4):
        assert not authenticate(engine, "anna", "fout", "10.0.0.1", now=NOW + i * minute).locked
    fifth = authenticate(engine, "anna", "fout", "10.0.0.2", now=NOW + 4 * minute)
    assert fifth.locked and fifth.wait == timedelta(minutes=11)
    right = authenticate(engine, "anna", PASSWORD, "10.0.0.3", now=NOW + 5 * minute)
    assert right.user is None and right.wait == timedelta(minutes=10)  # the password is not even checked
    later = authenticate(engine, "anna", PASSWORD, "10.0.0.3", now=NOW + 15 * minute + timedelta(seconds=1))
    assert later.user is not None
    assert authenticate(engine, "anna", "fout", "10.0.0.3", now=NOW + 16 * minute).wait is None  # success cleared


def test_failures_from_one_address_lock_that_address(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "MAX_FAILURES_PER_ADDRESS", 3)
    create_user(engine, "anna", PASSWORD, role="admin")
    for name in ("bert", "carla", "dirk"):
        authenticate(engine, name, "raden", "10.6.6.6", now=NOW)
    assert authenticate(engine, "anna", PASSWORD, "10.6.6.6", now=NOW).locked
    assert authenticate(engine, "anna", PASSWORD, "10.0.0.1", now=NOW).user is not None


# -- sessions -----------------------------------------------------------------------------


def test_a_session_lasts_eight_hours_and_only_its_hash_is_stored(engine: Engine) -> None:
    user = create_user(engine, "anna", PASSWORD, role="admin")
    token, session = start_session(engine, user, now=NOW)
    assert len(token) >= 43 and session.expires_at == NOW + timedelta(hours=8)
    [row] = rows(engine, sessions)
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in json.dumps(list(row), default=str)
    assert find_session(engine, token, now=NOW + timedelta(hours=7, minutes=59)).user == user  # type: ignore[union-attr]
    assert find_session(engine, token, now=NOW + timedelta(hours=8)) is None
    assert find_session(engine, "verzonnen", now=NOW) is None
    other, _ = start_session(engine, user, now=NOW + timedelta(hours=9))  # clears expired sessions
    assert [r.token_hash for r in rows(engine, sessions)] == [hashlib.sha256(other.encode()).hexdigest()]
    end_session(engine, other)
    assert find_session(engine, other, now=NOW + timedelta(hours=9)) is None


# -- the audit log ------------------------------------------------------------------------


def test_the_audit_log_refuses_update_and_delete(engine: Engine) -> None:
    audit.write(engine, user_id=None, action="test", target="FF-01", old={"value": 1}, new={"value": 2})
    statements = [update(audit_log).values(action="gewijzigd"), delete(audit_log)]
    if engine.dialect.name == "postgresql":
        statements.append(text("TRUNCATE audit_log"))
    for statement in statements:
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
            conn.execute(statement)
    [entry] = audit.entries(engine)
    assert (entry.action, entry.old_value, entry.new_value) == ("test", {"value": 1}, {"value": 2})


def test_the_audit_log_refuses_anything_named_password(engine: Engine) -> None:
    with pytest.raises(audit.SecretInAudit):
        audit.write(engine, user_id=None, action="test", target="x", new={"user": {"Password": "geheim"}})
    assert rows(engine, audit_log) == []


def test_no_code_changes_or_deletes_audit_rows() -> None:
    pattern = re.compile(r"(update|delete)\(\s*audit_log|(UPDATE|DELETE\s+FROM|TRUNCATE)\s+audit_log", re.I)
    sources = [p for p in (ROOT / "src").rglob("*.py") if "migrations" not in p.parts]
    assert [str(p) for p in sources if pattern.search(p.read_text(encoding="utf-8"))] == []


def test_audit_entries_come_newest_first_with_their_author(engine: Engine) -> None:
    anna = create_user(engine, "anna", PASSWORD, role="admin", display_name="Anna")
    for i in range(3):
        audit.write(engine, user_id=anna.id, action="test", target=str(i))
    assert [e.target for e in audit.entries(engine, limit=2)] == ["2", "1"]
    assert [e.target for e in audit.entries(engine, limit=2, offset=2)] == ["0", "anna"]
    assert audit.entries(engine, limit=1)[0].display_name == "Anna" and audit.entry_count(engine) == 4


# -- reporting periods --------------------------------------------------------------------


def test_period_status_is_a_history_with_audit_rows(engine: Engine, heemskerk_2024: Plan) -> None:
    plan_id = save_plan(engine, heemskerk_2024, source=None, user="test").plan_id
    admin = create_user(engine, "anna", PASSWORD, role="admin")
    period = Period.parse("2026-H1")
    assert period_status(engine, plan_id, period).status == CONCEPT
    assert set_period_status(engine, plan_id, period, ADOPTED, user=admin, now=NOW).adopted
    set_period_status(engine, plan_id, period, ADOPTED, user=admin)  # no change, no row
    set_period_status(engine, plan_id, period, CONCEPT, user=admin)
    assert [(r.status, r.set_by) for r in rows(engine, report_periods)] == [(ADOPTED, "anna"), (CONCEPT, "anna")]
    assert period_status(engine, plan_id, period).status == CONCEPT
    changes = [(e.old_value, e.new_value) for e in audit.entries(engine) if e.action == audit.PERIOD_STATUS]
    assert changes == [({"status": ADOPTED}, {"status": CONCEPT}), ({"status": CONCEPT}, {"status": ADOPTED})]
    with pytest.raises(ValueError):
        set_period_status(engine, plan_id, period, "afgeblazen", user=admin)


# -- koers db upgrade and koers user add --------------------------------------------------

runner = CliRunner()


def test_koers_user_add_asks_twice_or_reads_standard_input(db_url: str) -> None:
    assert runner.invoke(app, ["--db", db_url, "db", "upgrade"]).exit_code == 0
    assert runner.invoke(app, ["--db", db_url, "plan", "load", str(HEEMSKERK_2024)]).exit_code == 0
    asked = runner.invoke(
        app,
        ["--db", db_url, "user", "add", "anna", "--role", "admin", "--name", "Anna de Vries"],
        input=f"{PASSWORD}\n{PASSWORD}\n",
    )
    assert asked.exit_code == 0, asked.output
    assert PASSWORD not in asked.output
    piped = runner.invoke(
        app,
        [
            "--db",
            db_url,
            "user",
            "add",
            "fleur",
            "--role",
            "editor",
            "--challenges",
            "financieel-fit",
            "--password-stdin",
            "--json",
        ],
        input=f"{PASSWORD}\n",
    )
    assert piped.exit_code == 0, piped.output
    assert json.loads(piped.stdout) == {
        "username": "fleur",
        "display_name": "fleur",
        "role": "editor",
        "challenges": ["financieel-fit"],
    }
    engine = open_engine(db_url)
    assert authenticate(engine, "fleur", PASSWORD, "-").user is not None
    assert [e.details for e in audit.entries(engine)][0].startswith("koers user add, door ")
    engine.dispose()


@pytest.mark.parametrize(
    ("args", "password", "says"),
    [
        (["piet", "--role", "editor"], "kort", "te kort"),
        (["piet", "--role", "editor", "--challenges", "financieel-vit"], PASSWORD, "geen opgave financieel-vit"),
        (["anna", "--role", "viewer"], PASSWORD, "bestaat al"),
    ],
)
def test_koers_user_add_refuses_what_cannot_be_an_account(
    db_url: str, args: list[str], password: str, says: str
) -> None:
    assert runner.invoke(app, ["--db", db_url, "db", "upgrade"]).exit_code == 0
    assert runner.invoke(app, ["--db", db_url, "plan", "load", str(HEEMSKERK_2024)]).exit_code == 0
    base = ["--db", db_url, "user", "add"]
    assert runner.invoke(app, [*base, "anna", "--role", "admin", "--password-stdin"], input=PASSWORD).exit_code == 0
    refused = runner.invoke(app, [*base, *args, "--password-stdin"], input=f"{password}\n")
    assert refused.exit_code == 2 and says in " ".join(refused.output.split())
