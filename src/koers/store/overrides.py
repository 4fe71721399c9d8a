# SPDX-License-Identifier: EUPL-1.2
"""Statuses set by hand: only with a written justification, never overwritten, always shown.

Sometimes the numbers cannot tell the whole story (a source changed its definition, a figure
is known to be wrong). Then a status may be set by hand, from a date on, with the reason in
writing; lifting it is recorded the same way. The assessment shows both the status set by
hand and the computed one.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Engine, insert, select

from koers.domain.assessment import Override, Status
from koers.store.tables import status_overrides


def set_override(
    engine: Engine,
    plan_id: int,
    goal: str,
    status: Status | None,
    justification: str,
    *,
    user: str | None,
    effective_from: date,
) -> None:
    """Record a status set by hand (``status`` None lifts it) from ``effective_from`` on."""
    if not justification.strip():
        raise ValueError("an override needs a written justification")
    with engine.begin() as conn:
        conn.execute(
            insert(status_overrides).values(
                plan_id=plan_id,
                goal=goal,
                status=status.value if status else None,
                justification=justification.strip(),
                set_at=datetime.now(UTC),
                set_by=user,
                effective_from=effective_from,
            )
        )


def active_overrides(engine: Engine, plan_id: int, as_of: date) -> dict[str, Override]:
    """Per goal, the override in force on ``as_of``: the latest one effective by then, unless lifted."""
    o = status_overrides.c
    query = (
        select(o.goal, o.status, o.justification, o.set_by, o.effective_from)
        .where(o.plan_id == plan_id, o.effective_from <= as_of)
        .order_by(o.effective_from, o.id)
    )
    found: dict[str, Override | None] = {}
    with engine.connect() as conn:
        for row in conn.execute(query):
            found[row.goal] = (
                Override(Status(row.status), row.justification, row.set_by, row.effective_from) if row.status else None
            )
    return {goal: override for goal, override in found.items() if override is not None}
