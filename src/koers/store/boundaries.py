# SPDX-License-Identifier: EUPL-1.2
"""Boundaries in the database: a plan's set, replaced as a whole when a new file is loaded.

Boundaries are not figures: an older version has nothing to tell a report, so a load replaces
the plan's boundaries instead of adding versions, in one transaction (a map is never drawn from
half of one file and half of another). Each row keeps the file's name and hash, and who loaded
it when. Every load gives its rows new ids, so the dashboard sees the change
(koers.web.snapshot.data_version).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, delete, insert, select

from koers.domain.areas import AreaLevel
from koers.domain.boundaries import Boundary
from koers.domain.geo import Shape
from koers.store.tables import boundaries


@dataclass(frozen=True)
class BoundarySource:
    """Where a set of boundaries came from, for the record."""

    file: str
    sha256: str
    user: str | None


@dataclass(frozen=True)
class StoredBoundary:
    """A stored boundary's record, without its geometry (what ``koers geo list`` shows)."""

    area: str
    name: str
    level: AreaLevel
    planar: bool
    source: str
    sha256: str
    loaded_at: datetime
    loaded_by: str | None


def replace_boundaries(engine: Engine, plan_id: int, found: Sequence[Boundary], source: BoundarySource) -> int:
    """Store ``found`` as the plan's boundaries, in place of the ones it had; all or nothing.
    Returns how many were stored."""
    now = datetime.now(UTC)
    rows = [
        {
            "plan_id": plan_id,
            "area": b.area,
            "name": b.name,
            "level": b.level.value,
            "geometry": json.dumps(b.shape.as_geojson(), separators=(",", ":")),
            "planar": b.planar,
            "source": source.file,
            "sha256": source.sha256,
            "loaded_at": now,
            "loaded_by": source.user,
        }
        for b in found
    ]
    with engine.begin() as conn:
        conn.execute(delete(boundaries).where(boundaries.c.plan_id == plan_id))
        if rows:
            conn.execute(insert(boundaries), rows)
    return len(rows)


def load_boundaries(engine: Engine, plan_id: int) -> dict[str, Boundary]:
    """The plan's boundaries by area (the id its figures are stored under), ready to draw."""
    b = boundaries.c
    query = select(b.area, b.name, b.level, b.geometry, b.planar).where(b.plan_id == plan_id).order_by(b.id)
    with engine.connect() as conn:
        return {
            row.area: Boundary(
                row.area, row.name, AreaLevel(row.level), Shape.from_geojson(json.loads(row.geometry)), row.planar
            )
            for row in conn.execute(query)
        }


def boundary_records(engine: Engine, plan_id: int) -> list[StoredBoundary]:
    """What is stored for the plan, without the geometries: which areas, from which file."""
    b = boundaries.c
    query = (
        select(b.area, b.name, b.level, b.planar, b.source, b.sha256, b.loaded_at, b.loaded_by)
        .where(b.plan_id == plan_id)
        .order_by(b.id)
    )
    with engine.connect() as conn:
        return [
            StoredBoundary(
                row.area,
                row.name,
                AreaLevel(row.level),
                row.planar,
                row.source,
                row.sha256,
                row.loaded_at,
                row.loaded_by,
            )
            for row in conn.execute(query)
        ]
