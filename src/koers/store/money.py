# SPDX-License-Identifier: EUPL-1.2
"""Store money per challenge: all of a file's amounts or none, and nothing twice.

Amounts gain versions like measurements (koers.store.imports): an amount equal to the latest
stored one of its point (challenge, year, kind) is left out, so importing the same file twice
adds nothing; one that differs becomes the next version, and the old versions stay. A budget is
amended during the year and a realisatie corrected after the audit: the record of what the
council was told stays complete, and the latest amount counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, insert, select, text

from koers.domain.money import Amount, AmountKind
from koers.store.imports import Provenance
from koers.store.tables import amounts, imports, inserted_id

Point = tuple[str, int, str]


@dataclass(frozen=True)
class MoneyOutcome:
    rows: int
    added: int
    unchanged: int
    import_id: int | None
    dry_run: bool


def store_amounts(
    engine: Engine, plan_id: int, checked: Sequence[Amount], provenance: Provenance, *, dry_run: bool = False
) -> MoneyOutcome:
    """Write ``checked`` (already summed per point) in one transaction, or only count with ``dry_run``."""
    now = datetime.now(UTC)
    with engine.connect() as conn:
        transaction = conn.begin()
        try:
            if conn.dialect.name == "postgresql":  # queue writers of the same plan
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": plan_id})
            latest = _latest(conn, plan_id)
            changed = [(a, latest.get(_point(a), (0, None))[0] + 1) for a in checked if _differs(a, latest)]
            if dry_run or not changed:
                transaction.rollback()
                return MoneyOutcome(len(checked), len(changed), len(checked) - len(changed), None, dry_run)
            import_id = _log(conn, plan_id, provenance, len(checked), len(changed), now)
            conn.execute(
                insert(amounts),
                [
                    {
                        "plan_id": plan_id,
                        "challenge": a.challenge,
                        "year": a.year,
                        "kind": a.kind.value,
                        "version": version,
                        "amount": a.amount,
                        "source": a.source,
                        "imported_at": now,
                        "imported_by": provenance.user,
                        "import_id": import_id,
                    }
                    for a, version in changed
                ],
            )
            transaction.commit()
        except BaseException:
            transaction.rollback()
            raise
    return MoneyOutcome(len(checked), len(changed), len(checked) - len(changed), import_id, False)


def current_amounts(engine: Engine, plan_id: int) -> list[Amount]:
    """The latest version of every amount of the plan, by challenge, year and kind."""
    with engine.connect() as conn:
        latest = _latest(conn, plan_id)
    return [
        Amount(challenge, year, AmountKind(kind), amount, source)
        for (challenge, year, kind), (_version, (amount, source)) in sorted(latest.items())
    ]


def _point(a: Amount) -> Point:
    return (a.challenge, a.year, a.kind.value)


def _differs(a: Amount, latest: dict[Point, tuple[int, tuple[float, str | None]]]) -> bool:
    stored = latest.get(_point(a))
    return stored is None or stored[1] != (a.amount, a.source)


def _latest(conn: Connection, plan_id: int) -> dict[Point, tuple[int, tuple[float, str | None]]]:
    """Per point its latest version and that version's (amount, source)."""
    rows = conn.execute(
        select(
            amounts.c.challenge, amounts.c.year, amounts.c.kind, amounts.c.version, amounts.c.amount, amounts.c.source
        )
        .where(amounts.c.plan_id == plan_id)
        .order_by(amounts.c.version)
    )
    return {(r.challenge, r.year, r.kind): (r.version, (r.amount, r.source)) for r in rows}


def _log(conn: Connection, plan_id: int, provenance: Provenance, rows: int, added: int, now: datetime) -> int:
    return inserted_id(
        conn.execute(
            insert(imports).values(
                plan_id=plan_id,
                kind=provenance.kind,
                file_name=provenance.file_name,
                file_sha256=provenance.file_sha256,
                rows=rows,
                added=added,
                unchanged=rows - added,
                imported_at=now,
                imported_by=provenance.user,
            )
        )
    )
