# SPDX-License-Identifier: EUPL-1.2
"""The audit log: who changed what, when, and from what to what.

A municipality must be able to show who entered or corrected a figure, rewrote an explanation
or adopted a period. So every change made through the editor (and every account made on the
command line) adds a row here, with the old and the new value as JSON. The log is append-only:
this module only inserts and reads, and the database refuses UPDATE and DELETE on the table
(a trigger, migration 0004), so not even a bug elsewhere in koers can rewrite history.

Passwords and their hashes never enter it: a value with a key that names a password is
refused outright.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select

from koers.store.tables import audit_log, inserted_id, users

USER_ADD = "user.add"
MEASUREMENT_ENTER = "measurement.enter"
MEASUREMENTS_IMPORT = "measurements.import"
EXPLANATION_WRITE = "explanation.write"
PERIOD_STATUS = "period.status"
ACTION_ADD = "action.add"
ACTION_CHANGE = "action.change"
ACTION_REMOVE = "action.remove"
ADVICE_ADD = "advice.add"
ADVICE_CHANGE = "advice.change"
ADVICE_RESPONSE = "advice.response"


class SecretInAudit(ValueError):
    """Something that looks like a password was about to be written to the audit log."""


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    user_id: int | None
    username: str | None
    display_name: str | None
    action: str
    target: str | None
    old_value: Any
    new_value: Any
    details: Any


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; koers writes only UTC, so that is what they are."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def record(
    conn: Connection,
    *,
    user_id: int | None,
    action: str,
    target: str | None,
    old: Any = None,
    new: Any = None,
    details: Any = None,
    at: datetime | None = None,
) -> int:
    """Add one row on ``conn``, inside the caller's transaction; returns its id."""
    row = {
        "at": at or datetime.now(UTC),
        "user_id": user_id,
        "action": action,
        "target": target,
        "old_value": _json(old),
        "new_value": _json(new),
        "details": _json(details),
    }
    return inserted_id(conn.execute(insert(audit_log).values(**row)))


def write(engine: Engine, **entry: Any) -> int:
    """Add one row in a transaction of its own (after a change whose store function owns its transaction)."""
    with engine.begin() as conn:
        return record(conn, **entry)


def entries(engine: Engine, *, limit: int = 50, offset: int = 0) -> list[AuditEntry]:
    """The newest entries first, with the name of who made them."""
    a = audit_log.c
    query = (
        select(
            a.id,
            a.at,
            a.user_id,
            users.c.username,
            users.c.display_name,
            a.action,
            a.target,
            a.old_value,
            a.new_value,
            a.details,
        )
        .select_from(audit_log.outerjoin(users, users.c.id == a.user_id))
        .order_by(a.id.desc())
        .limit(limit)
        .offset(offset)
    )
    with engine.connect() as conn:
        return [_entry(row) for row in conn.execute(query)]


def entry_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(audit_log)).scalar_one())


def _entry(row: Any) -> AuditEntry:
    return AuditEntry(
        row.id,
        as_utc(row.at),
        row.user_id,
        row.username,
        row.display_name,
        row.action,
        row.target,
        _parsed(row.old_value),
        _parsed(row.new_value),
        _parsed(row.details),
    )


def _json(value: Any) -> str | None:
    if value is None:
        return None
    _refuse_secrets(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _refuse_secrets(value: Any) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if "password" in str(key).lower() or "wachtwoord" in str(key).lower():
                raise SecretInAudit(f"'{key}' does not belong in the audit log")
            _refuse_secrets(item)
    elif isinstance(value, list | tuple):
        for item in value:
            _refuse_secrets(item)


def _parsed(text: str | None) -> Any:
    return None if text is None else json.loads(text)
