# SPDX-License-Identifier: EUPL-1.2
"""The advice register in the database: advice of the participation council with its points,
and the municipality's response per point, every change kept and written to the audit log.

Nothing is overwritten. An advice that is edited gains its next version (with its points); the
latest counts, the old ones stay. A response is a row of its own, apart from the advice: the
council's words and the municipality's answer are written by different people at different
times, and an answer that is rewritten keeps what was answered before. Saving what is already
stored adds nothing.

Every change writes its audit row in the same transaction, with the role the person acted in
(the role of an account can change later; the log must say what it was then). A file's advice
(``koers advice import``) is stored all at once or not at all.

The callers check an advice against the plan first (koers.importers.advice.check_advice); this
module refuses only what it alone can see: an edit based on a version that is no longer the
latest, a new advice whose id is taken, and a point removed although it has a response.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Connection, Engine, insert, select, text

from koers.domain.advice import Advice, Response
from koers.store import audit
from koers.store.accounts import User
from koers.store.tables import advice, advice_items, advice_responses, inserted_id

Key = tuple[str, int]  # (advice id, item number)


@dataclass(frozen=True)
class Actor:
    """Who makes a change, for the record: the account and the role it acted in, or a name on the command line."""

    user_id: int | None
    name: str | None
    role: str | None
    #: Whether its changes go to the audit log: a person's do; the demo's illustrative register,
    #: marked as such in every advice, does not (as its illustrative measurements do not).
    audited: bool = True

    @classmethod
    def of(cls, user: User) -> Actor:
        return cls(user.id, user.username, user.role.value)

    @classmethod
    def command_line(cls, name: str | None) -> Actor:
        return cls(None, name, None)

    @classmethod
    def demo(cls, name: str) -> Actor:
        return cls(None, name, None, audited=False)


@dataclass(frozen=True)
class StoredAdvice:
    """The latest version of an advice, with the latest response to each of its items."""

    advice: Advice
    version: int
    saved_at: datetime
    saved_by: str | None


class AdviceRefused(ValueError):
    """A change this module refuses; ``code`` is one of the advice catalogue's (item-has-response,
    response-before-advice) or advice-changed / advice-exists / unknown-advice / unknown-item."""

    def __init__(self, code: str, key: str, **context: Any) -> None:
        super().__init__(f"{code}: {key} {context}")
        self.code = code
        self.key = key
        self.context = {"advice": key, **context}


@dataclass(frozen=True)
class RegisterOutcome:
    """What storing a file's advice did (or would do, with ``dry_run``)."""

    advice: int
    new: int
    changed: int
    unchanged: int
    responses: int  # responses written (new or changed)
    dry_run: bool


# -- reading ------------------------------------------------------------------------------


def load_register(engine: Engine, plan_id: int) -> list[StoredAdvice]:
    """Every advice of the plan as it stands, newest first."""
    with engine.connect() as conn:
        return _register(conn, plan_id)


def load_advice(engine: Engine, plan_id: int, key: str) -> StoredAdvice | None:
    return next((s for s in load_register(engine, plan_id) if s.advice.id == key), None)


def _register(conn: Connection, plan_id: int) -> list[StoredAdvice]:
    rows = conn.execute(select(advice).where(advice.c.plan_id == plan_id).order_by(advice.c.key, advice.c.version))
    latest = {row.key: row for row in rows}
    if not latest:
        return []
    items: dict[int, list[Any]] = {}
    query = select(advice_items).where(advice_items.c.advice_id.in_([r.id for r in latest.values()]))
    for item in conn.execute(query.order_by(advice_items.c.number)):
        items.setdefault(item.advice_id, []).append(item)
    responses = _responses(conn, plan_id)
    found = [
        StoredAdvice(
            _advice(row, items.get(row.id, []), responses), row.version, audit.as_utc(row.saved_at), row.saved_by
        )
        for row in latest.values()
    ]
    return sorted(found, key=lambda s: (s.advice.date, s.advice.id), reverse=True)


def _responses(conn: Connection, plan_id: int) -> dict[Key, Response]:
    """The latest response to every item of the plan's advice."""
    r = advice_responses.c
    found: dict[Key, Response] = {}
    for row in conn.execute(select(advice_responses).where(r.plan_id == plan_id).order_by(r.id)):
        found[(row.advice_key, row.item)] = Response.model_validate(
            {
                "verdict": row.verdict,
                "reason": row.reason,
                "date": row.date,
                "actions": _ids(row.actions),
                "follow_up": row.follow_up,
            }
        )
    return found


def _advice(row: Any, items: Sequence[Any], responses: dict[Key, Response]) -> Advice:
    return Advice.model_validate(
        {
            "id": row.key,
            "kind": row.kind,
            "date": row.date,
            "subject": row.subject,
            "document": row.document,
            "goals": _ids(row.goals),
            "challenges": _ids(row.challenges),
            "items": [
                {
                    "kind": i.kind,
                    "text": i.text,
                    "goals": _ids(i.goals),
                    "challenges": _ids(i.challenges),
                    "response": responses.get((row.key, i.number)),
                }
                for i in items
            ],
        }
    )


def _ids(joined: str | None) -> list[str]:
    return [part for part in (joined or "").split(",") if part]


# -- writing ------------------------------------------------------------------------------


def save_advice(
    engine: Engine, plan_id: int, given: Advice, actor: Actor, *, source: str, expect: int | None = None
) -> int | None:
    """Store ``given`` (the council's part; its responses too, where it has them) as the next
    version of its advice; returns that version, or None when nothing changed.

    ``expect`` is the version the edit started from: 0 for a new advice (refused when the id is
    taken), None for no check (a file: the latest version is what it changes).
    """
    with engine.connect() as conn, conn.begin():
        _lock(conn, plan_id)
        current = {s.advice.id: s for s in _register(conn, plan_id)}
        return _save(conn, plan_id, given, current.get(given.id), actor, source, expect)[0]


def write_response(
    engine: Engine, plan_id: int, key: str, number: int, response: Response, actor: Actor, *, source: str
) -> bool:
    """Store the response to item ``number`` of advice ``key``; False when it is what is stored."""
    with engine.connect() as conn, conn.begin():
        _lock(conn, plan_id)
        stored = next((s for s in _register(conn, plan_id) if s.advice.id == key), None)
        if stored is None:
            raise AdviceRefused("unknown-advice", key)
        item = stored.advice.item(number)
        if item is None:
            raise AdviceRefused("unknown-item", key, item=number)
        if response.date < stored.advice.date:
            raise AdviceRefused(
                "response-before-advice", key, response=response.date.isoformat(), advice=stored.advice.date.isoformat()
            )
        return _respond(conn, plan_id, key, number, item.response, response, actor, source)


def store_register(
    engine: Engine, plan_id: int, found: Sequence[Advice], actor: Actor, *, source: str, dry_run: bool = False
) -> RegisterOutcome:
    """A file's advice and the responses it holds, in one transaction: all of it, or nothing.
    Responses the file leaves out stay as they are."""
    counts = {"new": 0, "changed": 0, "unchanged": 0, "responses": 0}
    with engine.connect() as conn:
        transaction = conn.begin()
        try:
            _lock(conn, plan_id)
            current = {s.advice.id: s for s in _register(conn, plan_id)}
            for given in found:
                version, responses = _save(conn, plan_id, given, current.get(given.id), actor, source, None)
                counts["unchanged" if version is None else "new" if given.id not in current else "changed"] += 1
                counts["responses"] += responses
            if dry_run:
                transaction.rollback()
            else:
                transaction.commit()
        except BaseException:
            transaction.rollback()
            raise
    return RegisterOutcome(len(found), dry_run=dry_run, **counts)


def _lock(conn: Connection, plan_id: int) -> None:
    """Queue writers of the same plan's register (PostgreSQL; SQLite writes one at a time anyway)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": plan_id})


def _save(
    conn: Connection,
    plan_id: int,
    given: Advice,
    stored: StoredAdvice | None,
    actor: Actor,
    source: str,
    expect: int | None,
) -> tuple[int | None, int]:
    """The next version of the advice when its council's part changed (else None), and how many
    of its responses were written."""
    _check_expected(given.id, stored, expect)
    _check_merged(given, stored)
    council = given.without_responses()
    old = stored.advice.without_responses() if stored is not None else None
    version = None
    if council != old:
        version = (stored.version if stored is not None else 0) + 1
        _insert_version(conn, plan_id, council, version, actor, source)
        _record(
            conn,
            actor,
            action=audit.ADVICE_ADD if old is None else audit.ADVICE_CHANGE,
            target=given.id,
            old=audit_value(old),
            new=audit_value(council),
            details=_details(actor, source, version=version),
        )
    written = 0
    for number, item in enumerate(given.items, start=1):
        previous = stored.advice.item(number) if stored is not None else None
        if item.response is not None:
            before = previous.response if previous is not None else None
            written += _respond(conn, plan_id, given.id, number, before, item.response, actor, source)
    return version, written


def _check_expected(key: str, stored: StoredAdvice | None, expect: int | None) -> None:
    if expect is None:
        return
    if expect == 0 and stored is not None:
        raise AdviceRefused("advice-exists", key)
    if expect != 0 and (stored is None or stored.version != expect):
        raise AdviceRefused("advice-changed", key, version=stored.version if stored else 0)


def _check_merged(given: Advice, stored: StoredAdvice | None) -> None:
    """Refuse what the register would hold if ``given`` kept the stored responses to the items it
    leaves without one: a point with a response that would go, a response before the advice."""
    if stored is None:
        return
    kept = stored.advice.items
    for number in range(len(given.items) + 1, len(kept) + 1):
        if kept[number - 1].response is not None:
            raise AdviceRefused("item-has-response", given.id, item=number)
    items = [
        item.model_dump()
        if item.response is not None or number > len(kept)
        else {**item.model_dump(), "response": kept[number - 1].response}
        for number, item in enumerate(given.items, start=1)
    ]
    try:
        Advice.model_validate({**given.model_dump(), "items": items})
    except ValidationError as err:
        first = err.errors(include_url=False)[0]
        raise AdviceRefused(str(first["type"]), given.id, **dict(first.get("ctx") or {})) from None


def _insert_version(conn: Connection, plan_id: int, council: Advice, version: int, actor: Actor, source: str) -> None:
    row_id = inserted_id(
        conn.execute(
            insert(advice).values(
                plan_id=plan_id,
                key=council.id,
                version=version,
                kind=council.kind.value,
                date=council.date,
                subject=council.subject,
                document=council.document,
                goals=",".join(council.goals),
                challenges=",".join(council.challenges),
                saved_at=datetime.now(UTC),
                saved_by=actor.name,
                source=source,
            )
        )
    )
    conn.execute(
        insert(advice_items),
        [
            {
                "advice_id": row_id,
                "number": number,
                "kind": item.kind.value,
                "text": item.text,
                "goals": ",".join(item.goals),
                "challenges": ",".join(item.challenges),
            }
            for number, item in enumerate(council.items, start=1)
        ],
    )


def _respond(
    conn: Connection,
    plan_id: int,
    key: str,
    number: int,
    old: Response | None,
    new: Response,
    actor: Actor,
    source: str,
) -> bool:
    if old == new:
        return False
    conn.execute(
        insert(advice_responses).values(
            plan_id=plan_id,
            advice_key=key,
            item=number,
            verdict=new.verdict.value,
            reason=new.reason,
            date=new.date,
            actions=",".join(new.actions),
            follow_up=new.follow_up,
            saved_at=datetime.now(UTC),
            saved_by=actor.name,
            source=source,
        )
    )
    _record(
        conn,
        actor,
        action=audit.ADVICE_RESPONSE,
        target=f"{key}/{number}",
        old=audit_value(old),
        new=audit_value(new),
        details=_details(actor, source),
    )
    return True


def _record(conn: Connection, actor: Actor, **entry: Any) -> None:
    """The audit row of a change, in its transaction (none for the demo's illustrative register)."""
    if actor.audited:
        audit.record(conn, user_id=actor.user_id, **entry)


def _details(actor: Actor, source: str, **extra: Any) -> dict[str, Any]:
    """What the audit row says besides the change: the role acted in, where it came from, who on the command line."""
    found: dict[str, Any] = {"source": source, **extra}
    if actor.role is not None:
        found["role"] = actor.role
    if actor.user_id is None and actor.name:
        found["user"] = actor.name
    return found


def audit_value(value: Advice | Response | None) -> dict[str, Any] | None:
    """An advice (without responses) or a response as the audit log keeps it: as in the file."""
    return None if value is None else value.model_dump(mode="json", exclude_defaults=True)
