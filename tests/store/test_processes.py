# SPDX-License-Identifier: EUPL-1.2
"""Imports as separate processes: one killed halfway leaves nothing behind, and two at the
same time both land, each as its own version, on SQLite and on PostgreSQL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select

from koers.store.database import open_engine
from koers.store.tables import imports, measurements
from tests.store.conftest import count, koers, write_csv

KILL_AFTER_S = 0.3


def command(db_url: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "koers.cli.app", "--db", db_url, *args]


def big_file(path: Path, areas: int) -> Path:
    rows = [
        {"goal": "FF-01", "period": f"{y}-H{h}", "area": f"WK{a:06d}", "value": str(a + y), "status": ""}
        for a in range(areas)
        for y in range(1900, 2100)
        for h in (1, 2)
    ]
    return write_csv(path, rows)


def test_an_import_killed_while_storing_leaves_the_database_as_it_was(loaded: str, tmp_path: Path) -> None:
    file = big_file(tmp_path / "big.csv", areas=750)  # 300,000 rows
    env = {**os.environ, "KOERS_LANG": "en"}
    process = subprocess.Popen(
        command(loaded, "import", str(file)), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    assert process.stderr is not None
    for line in process.stderr:  # wait until every row is checked and the storing has begun
        if "storing" in line:
            break
    time.sleep(KILL_AFTER_S)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, "the import finished before it could be killed: use a bigger file"
    engine = open_engine(loaded)
    assert count(engine) == 0
    assert count(engine, imports) == 0
    small = write_csv(tmp_path / "small.csv", [{"goal": "FF-01", "period": "2024", "area": "GM0396", "value": "1"}])
    code, outcome = koers(loaded, "import", str(small))  # the database still works, the lock is gone
    assert (code, outcome["added"]) == (0, 1)


def test_two_concurrent_imports_both_land_as_separate_versions(loaded: str, tmp_path: Path) -> None:
    points = [(f"WK{a:06d}", f"{y}-H1") for a in range(20) for y in range(1950, 2050)]  # 2,000 points
    base = [{"goal": "FF-01", "period": p, "area": a, "value": "100"} for a, p in points]
    assert koers(loaded, "import", str(write_csv(tmp_path / "base.csv", base)))[0] == 0
    files = [
        write_csv(tmp_path / f"{name}.csv", [{**row, "value": value} for row in base])
        for name, value in (("a", "200"), ("b", "300"))
    ]
    processes = [
        subprocess.Popen(
            command(loaded, "import", str(f), "--json"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for f in files
    ]
    outputs = [p.communicate(timeout=120) for p in processes]
    assert [p.returncode for p in processes] == [0, 0], outputs
    engine = open_engine(loaded)
    with engine.connect() as conn:
        rows = conn.execute(
            select(measurements.c.area, measurements.c.period, measurements.c.version, measurements.c.value)
        ).all()
    versions: dict[tuple[str, str], set[int]] = {}
    for area, period, version, _ in rows:
        versions.setdefault((area, period), set()).add(version)
    assert len(rows) == 3 * len(points)
    assert set(map(frozenset, versions.values())) == {frozenset({1, 2, 3})}
    latest = {row.value for row in rows if row.version == 3}
    assert len(latest) == 1 and latest <= {200.0, 300.0}  # one writer came last, for every point
