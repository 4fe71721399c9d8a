# SPDX-License-Identifier: EUPL-1.2
"""Plans in the database: every load that changes the plan adds a version, none is lost.

Plans are adjusted (Heemskerk's is due for adjustment in 2027), and a report about 2025 must
still be reproducible from the plan as it was then. A plan is identified by its key, the
municipality's CBS code and the title (``GM0396/samen-sterk-voor-heemskerk``); loading the same
content again adds nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, insert, select
from sqlalchemy.exc import IntegrityError

from koers.domain.plan import Plan
from koers.planfile.yamlfile import plan_to_data
from koers.store.tables import inserted_id, plan_versions, plans


@dataclass(frozen=True)
class StoredPlan:
    id: int
    key: str
    version: int
    plan: Plan
    loaded_at: datetime


@dataclass(frozen=True)
class LoadOutcome:
    plan_id: int
    key: str
    version: int
    changed: bool


class PlanNotFound(LookupError):
    """No plan in the database, or several and none chosen."""

    def __init__(self, message: str, keys: list[str]) -> None:
        super().__init__(message)
        self.keys = keys


def plan_key(plan: Plan) -> str:
    return f"{plan.municipality.cbs_code}/{_slug(plan.title)}"


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def content_of(plan: Plan) -> str:
    return json.dumps(plan_to_data(plan), ensure_ascii=False, sort_keys=True, default=str)


class PlanChanged(RuntimeError):
    """Another version of the plan was stored after the one a change was based on: storing it
    would undo that other change. Read the latest version and apply the change again."""


def save_plan(
    engine: Engine, plan: Plan, *, source: str | None, user: str | None, based_on: int | None = None
) -> LoadOutcome:
    """Store ``plan``: a new version when its content changed, nothing when it did not.

    ``based_on`` is the version an edit started from (the editor's): when another version came
    in between, :class:`PlanChanged` is raised and nothing is stored, so that no edit silently
    undoes another. Two writers racing for the same next version meet the unique version
    constraint; the loser gets :class:`PlanChanged` too."""
    content = content_of(plan)
    digest = hashlib.sha256(content.encode()).hexdigest()
    key = plan_key(plan)
    now = datetime.now(UTC)
    try:
        with engine.begin() as conn:
            plan_id = _plan_id(conn, key)
            if plan_id is None:
                plan_id = inserted_id(
                    conn.execute(
                        insert(plans).values(
                            key=key,
                            municipality_code=plan.municipality.cbs_code,
                            municipality_name=plan.municipality.name,
                            title=plan.title,
                            created_at=now,
                        )
                    )
                )
            latest = conn.execute(
                select(plan_versions.c.version, plan_versions.c.content_hash)
                .where(plan_versions.c.plan_id == plan_id)
                .order_by(plan_versions.c.version.desc())
                .limit(1)
            ).first()
            current = latest.version if latest is not None else 0
            if based_on is not None and current != based_on:
                raise PlanChanged(f"{key}: version {current} was stored after version {based_on}")
            if latest is not None and latest.content_hash == digest:
                return LoadOutcome(plan_id, key, latest.version, changed=False)
            version = current + 1
            conn.execute(
                insert(plan_versions).values(
                    plan_id=plan_id,
                    version=version,
                    content_hash=digest,
                    content=content,
                    source=source,
                    loaded_at=now,
                    loaded_by=user,
                )
            )
    except IntegrityError as err:  # another writer took this version number first
        raise PlanChanged(f"{key}: another version was stored at the same time") from err
    return LoadOutcome(plan_id, key, version, changed=True)


def _plan_id(conn: Connection, key: str) -> int | None:
    return conn.execute(select(plans.c.id).where(plans.c.key == key)).scalar()


def plan_keys(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(select(plans.c.key).order_by(plans.c.key)).scalars())


def load_stored_plan(engine: Engine, key: str | None = None, version: int | None = None) -> StoredPlan:
    """The plan with ``key`` (or the only plan), as of ``version`` (default: the latest)."""
    with engine.connect() as conn:
        plan_id, key = _choose(conn, key)
        query = select(plan_versions).where(plan_versions.c.plan_id == plan_id)
        query = (
            query.where(plan_versions.c.version == version)
            if version is not None
            else query.order_by(plan_versions.c.version.desc()).limit(1)
        )
        row = conn.execute(query).first()
    if row is None:
        raise PlanNotFound(f"plan {key} has no version {version}", [key])
    plan = Plan.model_validate(json.loads(row.content))
    return StoredPlan(plan_id, key, row.version, plan, row.loaded_at)


def _choose(conn: Connection, key: str | None) -> tuple[int, str]:
    rows = conn.execute(select(plans.c.id, plans.c.key).order_by(plans.c.key)).all()
    keys = [r.key for r in rows]
    if key is not None:
        match = [r for r in rows if r.key == key]
        if not match:
            raise PlanNotFound(f"no plan '{key}'", keys)
        return match[0].id, match[0].key
    if len(rows) != 1:
        raise PlanNotFound("no plan loaded" if not rows else "several plans: choose one", keys)
    return rows[0].id, rows[0].key


def plan_history(engine: Engine, key: str | None = None) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        plan_id, _ = _choose(conn, key)
        rows = conn.execute(
            select(
                plan_versions.c.version,
                plan_versions.c.loaded_at,
                plan_versions.c.loaded_by,
                plan_versions.c.source,
                plan_versions.c.content_hash,
            )
            .where(plan_versions.c.plan_id == plan_id)
            .order_by(plan_versions.c.version)
        ).all()
    return [dict(r._mapping) for r in rows]
