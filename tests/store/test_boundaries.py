# SPDX-License-Identifier: EUPL-1.2
"""Boundaries in the database, on SQLite and PostgreSQL: stored and read back as they were
read from the file, replaced as a whole (all or nothing), and seen by the dashboard."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from koers.domain.areas import AreaLevel
from koers.domain.boundaries import Boundary
from koers.importers.boundaries import read_boundaries
from koers.store.boundaries import BoundarySource, boundary_records, load_boundaries, replace_boundaries
from koers.store.database import open_engine
from koers.store.plans import load_stored_plan
from koers.store.tables import boundaries
from koers.web.snapshot import data_version
from tests.geodata import RD_GEOJSON, WGS84_GEOJSON, voorbeeldstad
from tests.store.conftest import count

SOURCE = BoundarySource("wijken.geojson", "ab" * 32, "jansen")


@pytest.fixture
def engine(db_url: str) -> Engine:
    return open_engine(voorbeeldstad(db_url, boundaries=None))


def test_boundaries_come_back_as_they_were_read(engine: Engine) -> None:
    stored = load_stored_plan(engine)
    for path in (RD_GEOJSON, WGS84_GEOJSON):
        read = read_boundaries(path, stored.plan)
        assert replace_boundaries(engine, stored.id, read.boundaries, SOURCE) == 4
        back = load_boundaries(engine, stored.id)
        assert list(back.values()) == read.boundaries  # every position, the level and the planar flag
    records = boundary_records(engine, stored.id)
    assert [(r.area, r.level, r.planar, r.source, r.loaded_by) for r in records][:1] == [
        ("WK991201", AreaLevel.WIJK, False, "wijken.geojson", "jansen")
    ]
    assert all(r.loaded_at is not None and r.sha256 == SOURCE.sha256 for r in records)


def test_a_load_replaces_the_plan_s_boundaries_and_the_dashboard_sees_it(engine: Engine) -> None:
    stored = load_stored_plan(engine)
    before = data_version(engine)
    read = read_boundaries(RD_GEOJSON, stored.plan).boundaries
    replace_boundaries(engine, stored.id, read, SOURCE)
    loaded = data_version(engine)
    assert loaded != before
    replace_boundaries(engine, stored.id, read[:2], SOURCE)
    assert count(engine, boundaries) == 2 and set(load_boundaries(engine, stored.id)) == {"WK991201", "WK991202"}
    assert data_version(engine) != loaded  # fewer rows, still a new version


def test_a_load_that_fails_halfway_leaves_the_old_boundaries(engine: Engine) -> None:
    stored = load_stored_plan(engine)
    read = read_boundaries(RD_GEOJSON, stored.plan).boundaries
    replace_boundaries(engine, stored.id, read, SOURCE)
    twice = [*read[:1], Boundary(read[0].area, "Nog eens", AreaLevel.WIJK, read[0].shape, True)]
    with pytest.raises(IntegrityError):  # one area twice: the database refuses the whole load
        replace_boundaries(engine, stored.id, twice, SOURCE)
    assert list(load_boundaries(engine, stored.id).values()) == read
