# SPDX-License-Identifier: EUPL-1.2
"""Explanations (*vertellen*): the story behind the numbers, per goal per reporting period.

A policy adviser writes, per goal and per monitoring period, what the figures mean and what
the municipality does about them. Every rewrite is kept with its author and time; the latest
one is the explanation of that period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, insert, select

from koers.domain.periods import Period
from koers.store.tables import explanations

MAX_LENGTH = 20_000


@dataclass(frozen=True)
class Explanation:
    goal: str
    period: Period
    text: str
    author: str | None
    written_at: datetime
    version: int


def write_explanation(
    engine: Engine, plan_id: int, goal: str, period: Period, text: str, *, author: str | None
) -> Explanation:
    """Store a new version of the explanation of ``goal`` for ``period``."""
    cleaned = text.strip()
    if not cleaned:
        raise ValueError("an explanation cannot be empty")
    if len(cleaned) > MAX_LENGTH:
        raise ValueError(f"an explanation is at most {MAX_LENGTH} characters")
    now = datetime.now(UTC)
    with engine.begin() as conn:
        conn.execute(
            insert(explanations).values(
                plan_id=plan_id, goal=goal, period=period.code, text=cleaned, author=author, written_at=now
            )
        )
    return latest_explanations(engine, plan_id, period)[goal]


def latest_explanations(engine: Engine, plan_id: int, period: Period) -> dict[str, Explanation]:
    """Per goal, the latest explanation written for ``period``."""
    e = explanations.c
    query = (
        select(e.goal, e.text, e.author, e.written_at, e.id)
        .where(e.plan_id == plan_id, e.period == period.code)
        .order_by(e.id)
    )
    found: dict[str, Explanation] = {}
    with engine.connect() as conn:
        for row in conn.execute(query):
            version = found[row.goal].version + 1 if row.goal in found else 1
            found[row.goal] = Explanation(row.goal, period, row.text, row.author, row.written_at, version)
    return found
