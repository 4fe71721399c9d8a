# SPDX-License-Identifier: EUPL-1.2
"""Reading measurements: every version, the current value of every point, and per goal the
period of its latest measurement (for the calendar and the SMART check)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, Select, select

from koers.domain.measurement_columns import READ_COLUMNS
from koers.domain.measurements import Derivation, Measurement, MeasurementStatus, Unavailable, current_version
from koers.domain.periods import Period
from koers.store.tables import measurements

#: What a reader gets back of every stored version.
FIELDS = READ_COLUMNS


def _query(plan_id: int, subject: str | None, area: str | None) -> Select[Any]:
    m = measurements.c
    query = select(*[m[name] for name in FIELDS]).where(m.plan_id == plan_id)
    if subject is not None:
        query = query.where(m.subject == subject)
    if area is not None:
        query = query.where(m.area == area)
    return query.order_by(m.subject, m.period_end, m.period_start, m.area, m.version)


def history(engine: Engine, plan_id: int, *, subject: str | None = None, area: str | None = None) -> list[Measurement]:
    """Every version of every point, oldest first within a point."""
    with engine.connect() as conn:
        return [_measurement(row._mapping) for row in conn.execute(_query(plan_id, subject, area))]


def current(engine: Engine, plan_id: int, *, subject: str | None = None, area: str | None = None) -> list[Measurement]:
    """The version that counts for every point: latest final, else latest provisional."""
    return [m for m in _current_by_point(history(engine, plan_id, subject=subject, area=area))]


def _current_by_point(rows: list[Measurement]) -> Iterator[Measurement]:
    group: list[Measurement] = []
    for row in rows:
        if group and row.key != group[0].key:
            chosen = current_version(group)
            assert chosen is not None
            yield chosen
            group = []
        group.append(row)
    if group:
        chosen = current_version(group)
        assert chosen is not None
        yield chosen


def last_measured(engine: Engine, plan_id: int) -> dict[str, Period]:
    """Per subject, the latest period with a measurement (any area)."""
    found: dict[str, Period] = {}
    for m in history(engine, plan_id):
        if m.subject not in found or m.period > found[m.subject]:
            found[m.subject] = m.period
    return found


def _measurement(row: Any) -> Measurement:
    derivation = json.loads(row["derivation"]) if row["derivation"] else None
    return Measurement(
        subject=row["subject"],
        period=Period.parse(row["period"]),
        area=row["area"],
        value=row["value"],
        unavailable=Unavailable(row["unavailable"]) if row["unavailable"] else None,
        status=MeasurementStatus(row["status"]),
        version=row["version"],
        numerator=row["numerator"],
        denominator=row["denominator"],
        sample_size=row["sample_size"],
        ci_low=row["ci_low"],
        ci_high=row["ci_high"],
        source=row["source"],
        source_ref=row["source_ref"],
        recorded_at=row["recorded_at"],
        recorded_by=row["recorded_by"],
        note=row["note"],
        derivation=Derivation(derivation["formula"], derivation["inputs"]) if derivation else None,
        extra={"subject_kind": row["subject_kind"], "unit": row["unit"], "import_id": row["import_id"]},
    )


def as_record(m: Measurement) -> dict[str, Any]:
    """A flat record for JSON, CSV and Excel: the EXPORT_COLUMNS of
    koers.domain.measurement_columns, in their order (tests/store/test_columns.py checks it)."""
    return {
        "goal": m.subject if m.extra.get("subject_kind") != "series" else None,
        "series": m.subject if m.extra.get("subject_kind") == "series" else None,
        "period": m.period.code,
        "area": m.area,
        "value": m.value,
        "unavailable": m.unavailable.value if m.unavailable is not None else None,
        "unit": m.extra.get("unit"),
        "status": m.status.value,
        "version": m.version,
        "numerator": m.numerator,
        "denominator": m.denominator,
        "sample_size": m.sample_size,
        "ci_low": m.ci_low,
        "ci_high": m.ci_high,
        "source": m.source,
        "source_ref": m.source_ref,
        "recorded_at": _iso(m.recorded_at),
        "recorded_by": m.recorded_by,
        "note": m.note,
        "derivation": {"formula": m.derivation.formula, "inputs": m.derivation.inputs} if m.derivation else None,
    }


def _iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None
