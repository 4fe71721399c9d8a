# SPDX-License-Identifier: EUPL-1.2
"""Store a checked batch of measurements: all of it or nothing, and nothing twice.

Everything happens in one transaction, so a failure (or a killed process) leaves the
database as it was. Writers to the same plan queue: SQLite takes its write lock when the
transaction begins, PostgreSQL takes an advisory lock on the plan. A row whose content equals
the latest stored version of its point (subject, period, area) is left out, so importing the
same file twice adds nothing; a row that differs becomes the next version, and the old
versions stay.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, text

from koers.domain.measurement_columns import CONTENT_COLUMNS, STORED_COLUMNS
from koers.importers.batch import Batch
from koers.importers.sources import Origin
from koers.store.tables import imports, inserted_id, measurements

WRITE_CHUNK = 10_000
#: The columns an import writes: the declared stored columns, in the table's order (the order
#: of the rows _rows writes, and of the bare load bench/import_bench.py compares with).
COLUMNS = tuple(column.name for column in measurements.columns if column.name in STORED_COLUMNS)


@dataclass(frozen=True)
class ImportOutcome:
    rows: int
    added: int
    revised: int
    unchanged: int
    import_id: int | None
    dry_run: bool

    @property
    def new(self) -> int:
        """Points measured for the first time (the rest of ``added`` are revisions)."""
        return self.added - self.revised


@dataclass(frozen=True)
class Provenance:
    kind: str
    file_name: str | None
    file_sha256: str | None
    user: str | None

    @classmethod
    def of(cls, origin: Origin, user: str | None) -> Provenance:
        """The import log's record of a source's origin, imported by ``user``."""
        return cls(origin.kind, origin.name, origin.sha256, user)


def store_batch(
    engine: Engine,
    plan_id: int,
    batch: Batch,
    provenance: Provenance,
    *,
    dry_run: bool = False,
    derivations: list[dict[str, Any] | None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportOutcome:
    """Write ``batch`` in one transaction (or only count, with ``dry_run``)."""
    now = datetime.now(UTC)
    with engine.connect() as conn:
        transaction = conn.begin()
        try:
            _lock(conn, plan_id)
            versions = _plan_versions(conn, plan_id, batch)
            if dry_run:
                transaction.rollback()
                return _outcome(batch, versions, None, dry_run=True)
            import_id = None
            if any(v is not None for v in versions):
                import_id = inserted_id(
                    conn.execute(
                        insert(imports).values(
                            plan_id=plan_id,
                            kind=provenance.kind,
                            file_name=provenance.file_name,
                            file_sha256=provenance.file_sha256,
                            rows=len(batch),
                            added=sum(v is not None for v in versions),
                            unchanged=sum(v is None for v in versions),
                            imported_at=now,
                            imported_by=provenance.user,
                        )
                    )
                )
                rows = _rows(plan_id, batch, versions, import_id, now, provenance.user, derivations)
                _write(conn, rows, progress)
            transaction.commit()
        except BaseException:
            transaction.rollback()
            raise
    return _outcome(batch, versions, import_id, dry_run=False)


def _outcome(batch: Batch, versions: list[int | None], import_id: int | None, *, dry_run: bool) -> ImportOutcome:
    added = sum(v is not None for v in versions)
    revised = sum(1 for v in versions if v is not None and v > 1)
    return ImportOutcome(len(batch), added, revised, len(batch) - added, import_id, dry_run)


def _lock(conn: Connection, plan_id: int) -> None:
    """Queue writers of the same plan (SQLite already holds its write lock: BEGIN IMMEDIATE)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": plan_id})


def _plan_versions(conn: Connection, plan_id: int, batch: Batch) -> list[int | None]:
    """The version each row gets, or None when it repeats the latest stored version.

    A national file compares a million rows with what is stored, so each stored point is kept
    as two numbers: its (subject, period, area) packed into one integer, and its latest
    version packed with a 64-bit hash of its content. Rows are streamed from the database.
    """
    numbers: dict[str, int] = {}

    def key(subject: str, period: str, area: str) -> int:
        number = numbers.setdefault
        return (number(subject, len(numbers)) << 42) | (number(period, len(numbers)) << 21) | number(area, len(numbers))

    latest = _latest(conn, plan_id, batch.subjects, key)
    if not latest:
        return [1] * len(batch)
    versions: list[int | None] = []
    for i in range(len(batch)):
        stored = latest.get(key(batch.subject[i], batch.period[i].code, batch.area[i]))
        if stored is None:
            versions.append(1)
        elif stored & HASH_MASK == hash(batch.content(i)) & HASH_MASK:
            versions.append(None)
        else:
            versions.append((stored >> 64) + 1)
    return versions


HASH_MASK = (1 << 64) - 1


def _latest(conn: Connection, plan_id: int, subjects: set[str], key: Callable[[str, str, str], int]) -> dict[int, int]:
    """Per stored point: (latest version << 64) | hash of that version's content (its
    CONTENT_COLUMNS, as Batch.content gives them for a row of the batch)."""
    m = measurements.c
    query = (
        select(m.subject, m.period, m.area, m.version, *(m[name] for name in CONTENT_COLUMNS))
        .where(m.plan_id == plan_id, m.subject.in_(sorted(subjects)))
        .order_by(m.version)
    )
    found: dict[int, int] = {}
    for row in conn.execute(query.execution_options(stream_results=True, yield_per=WRITE_CHUNK)):
        found[key(row[0], row[1], row[2])] = (row[3] << 64) | (hash(tuple(row[4:])) & HASH_MASK)
    return found


def _rows(
    plan_id: int,
    batch: Batch,
    versions: list[int | None],
    import_id: int,
    now: datetime,
    user: str | None,
    derivations: list[dict[str, Any] | None] | None,
) -> Iterator[tuple[Any, ...]]:
    """Each new row in COLUMNS order (written out: it runs for every row of an import;
    tests/store/test_columns.py holds it to COLUMNS by name)."""
    b, get = batch, batch.get
    for i, version in enumerate(versions):
        if version is None:
            continue
        period = b.period[i]
        derivation = derivations[i] if derivations is not None else None
        yield (
            plan_id,
            b.subject[i],
            b.kind(i),
            period.code,
            period.start,
            period.end,
            b.area[i],
            version,
            b.value_of(i),
            get("unavailable", i),
            b.unit(i),
            b.status[i],
            get("numerator", i),
            get("denominator", i),
            get("sample_size", i),
            get("ci_low", i),
            get("ci_high", i),
            b.source[i],
            b.source_ref[i],
            get("retrieved_at", i) or now,
            user,
            get("note", i),
            json.dumps(derivation, ensure_ascii=False, sort_keys=True) if derivation else None,
            import_id,
        )


def _write(conn: Connection, rows: Iterator[tuple[Any, ...]], progress: Callable[[int], None] | None) -> None:
    """Bulk insert through the driver: COPY on PostgreSQL, executemany on SQLite."""
    raw = conn.connection.driver_connection
    assert raw is not None
    if conn.dialect.name == "postgresql":
        with raw.cursor() as cursor, cursor.copy(f"COPY measurements ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            for count, row in enumerate(rows, start=1):
                copy.write_row(row)
                if progress is not None and count % WRITE_CHUNK == 0:
                    progress(count)
        return
    sql = f"INSERT INTO measurements ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
    cursor = raw.cursor()
    written = 0
    for chunk in _chunks(rows, WRITE_CHUNK):
        cursor.executemany(sql, chunk)
        written += len(chunk)
        if progress is not None:
            progress(written)
    cursor.close()


def _chunks(rows: Iterator[tuple[Any, ...]], size: int) -> Iterator[list[tuple[Any, ...]]]:
    chunk: list[tuple[Any, ...]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
