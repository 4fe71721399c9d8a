# SPDX-License-Identifier: EUPL-1.2
"""What the public pages show, computed once per version of the data.

Assessing 28 goals and drawing their charts takes tens of milliseconds, a page must answer
in a few. So the dashboard keeps one snapshot of the plan, its assessments, measurements and
explanations, and only rebuilds it when the data changes: a single cheap query reads the
latest ids of every table that feeds the pages, and any new row gives a new snapshot.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Engine, func, select

from koers.domain.periods import Period
from koers.domain.plan import Plan
from koers.reports.model import ChallengeSection, GoalSection, Report, build_report
from koers.store.plans import StoredPlan, load_stored_plan
from koers.store.tables import (
    advice,
    advice_responses,
    amounts,
    boundaries,
    explanations,
    measurements,
    plan_versions,
    status_overrides,
)
from koers.web import LANG

DataVersion = tuple[Any, ...]
T = TypeVar("T")


def reporting_period(today: date) -> Period:
    """The latest half year that has ended: the period the twice-yearly round reports on."""
    return Period.half_year(today.year, 1).shift(-1) if today.month <= 6 else Period.half_year(today.year, 1)


@dataclass
class Snapshot:
    version: DataVersion
    stored: StoredPlan
    report: Report
    cache: dict[Any, Any] = field(default_factory=dict)  # drawn charts, the PDF: per snapshot

    @property
    def plan(self) -> Plan:
        return self.stored.plan

    @property
    def illustrative(self) -> bool:
        return self.report.illustrative

    def goal_section(self, goal_id: str) -> GoalSection | None:
        return next((g for g in self.report.goals if g.goal.id == goal_id), None)

    def challenge_section(self, challenge_id: str) -> ChallengeSection | None:
        return next((c for c in self.report.challenges if c.challenge.id == challenge_id), None)

    def cached(self, key: Any, make: Callable[[], T]) -> T:
        """What ``make`` gives, made once for this version of the data (pages, charts, downloads)."""
        if key not in self.cache:
            self.cache[key] = make()
        made: T = self.cache[key]
        return made


class Snapshots:
    """The current snapshot, rebuilt when the data version changes (thread-safe).

    ``recheck`` (seconds) is how stale a page may be: within it the version is not asked
    again. The served dashboard uses a quarter of a second, which halves the cost of a cached
    page; writes in this process call ``invalidate`` so they show at once.
    """

    def __init__(
        self, engine: Engine, plan_key: str | None = None, *, today: date | None = None, recheck: float = 0.0
    ) -> None:
        self.engine = engine
        self.plan_key = plan_key
        self.today = today
        self.recheck = recheck
        self._lock = threading.Lock()
        self._current: Snapshot | None = None
        self._checked = float("-inf")

    def invalidate(self) -> None:
        self._checked = float("-inf")

    def current(self) -> Snapshot:
        now = time.monotonic()
        if self._current is not None and now - self._checked < self.recheck:
            return self._current
        self._checked = now
        version = data_version(self.engine)
        snapshot = self._current
        if snapshot is not None and snapshot.version == version:
            return snapshot
        with self._lock:
            if self._current is None or self._current.version != version:
                self._current = self._build(version)
            return self._current

    def _build(self, version: DataVersion) -> Snapshot:
        stored = load_stored_plan(self.engine, self.plan_key)
        period = reporting_period(self.today or date.today())
        return Snapshot(version, stored, build_report(self.engine, stored, period, lang=LANG))


def data_version(engine: Engine) -> DataVersion:
    """The latest id of every table the pages read: any write changes it."""
    query = select(
        select(func.max(measurements.c.id)).scalar_subquery(),
        select(func.max(plan_versions.c.id)).scalar_subquery(),
        select(func.max(status_overrides.c.id)).scalar_subquery(),
        select(func.max(explanations.c.id)).scalar_subquery(),
        select(func.max(boundaries.c.id)).scalar_subquery(),
        select(func.max(amounts.c.id)).scalar_subquery(),
        select(func.max(advice.c.id)).scalar_subquery(),
        select(func.max(advice_responses.c.id)).scalar_subquery(),
    )
    with engine.connect() as conn:
        return tuple(conn.execute(query).one())
