# SPDX-License-Identifier: EUPL-1.2
"""The status of a reporting period: concept while it is being written, vastgesteld once the
council report about it is adopted.

Every change is a row (with who and when), the latest counts; a period without a row is
concept. Setting a status writes its audit row in the same transaction. Once a period is
vastgesteld its explanations are locked (koers.web.editor.actions), until an admin sets it back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, insert, select

from koers.domain.periods import Period
from koers.domain.reporting import ReportStatus
from koers.store import audit
from koers.store.accounts import User
from koers.store.tables import report_periods

# The vocabulary is declared in koers.domain.reporting; these names are what the editor uses.
CONCEPT = ReportStatus.CONCEPT
ADOPTED = ReportStatus.ADOPTED
STATUSES = tuple(ReportStatus)


@dataclass(frozen=True)
class PeriodStatus:
    period: str
    status: ReportStatus
    set_by: str | None = None
    set_at: datetime | None = None

    @property
    def adopted(self) -> bool:
        return self.status.adopted


def period_statuses(engine: Engine, plan_id: int) -> dict[str, PeriodStatus]:
    """Per period code with a recorded status, the latest one."""
    r = report_periods.c
    query = select(r.period, r.status, r.set_by, r.set_at).where(r.plan_id == plan_id).order_by(r.id)
    with engine.connect() as conn:
        return {
            row.period: PeriodStatus(row.period, ReportStatus(row.status), row.set_by, audit.as_utc(row.set_at))
            for row in conn.execute(query)
        }


def period_status(engine: Engine, plan_id: int, period: Period) -> PeriodStatus:
    return period_statuses(engine, plan_id).get(period.code, PeriodStatus(period.code, CONCEPT))


def set_period_status(
    engine: Engine, plan_id: int, period: Period, status: str, *, user: User, now: datetime | None = None
) -> PeriodStatus:
    """Record ``status`` for ``period`` and its audit row, in one transaction; no change, no row."""
    if status not in STATUSES:
        raise ValueError(f"status is one of {', '.join(STATUSES)}")
    new = ReportStatus(status)
    old = period_status(engine, plan_id, period)
    if old.status == new:
        return old
    moment = now or datetime.now(UTC)
    with engine.begin() as conn:
        conn.execute(
            insert(report_periods).values(
                plan_id=plan_id, period=period.code, status=new.value, set_by=user.username, set_at=moment
            )
        )
        audit.record(
            conn,
            user_id=user.id,
            action=audit.PERIOD_STATUS,
            target=period.code,
            old={"status": old.status.value},
            new={"status": new.value},
            at=moment,
        )
    return PeriodStatus(period.code, new, user.username, moment)
