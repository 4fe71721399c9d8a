# SPDX-License-Identifier: EUPL-1.2
"""Import benchmark: koers's import against a bare bulk load of the same rows, on SQLite and
PostgreSQL, with rows per second and peak memory.

    python bench/import_bench.py [--data /tmp/koers-bench] [--backends sqlite,postgresql]

The data is the national-scale file of bench/generate.py (made if missing). Each run is a
fresh database and a fresh process, so that peak memory (maximum resident set size) belongs
to that run alone:

* ``bare``: read the CSV with the csv module, build the rows with no checks at all, and bulk
  insert them into the same table in one transaction (``executemany`` on SQLite, ``COPY`` on
  PostgreSQL);
* ``koers``: ``koers import`` as a user runs it: check every row against the plan, then store
  all of it in one transaction (and compare with what is stored);
* ``koers-again``: the same file a second time, into the database that already holds it
  (every row is compared and nothing is added).

Target (issue 3): koers at least half as fast as the bare load, peak memory under 500 MB.
PostgreSQL needs the server binaries (scripts/install); it runs as a throwaway cluster.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import generate  # noqa: E402
from koers.domain.periods import Period  # noqa: E402
from koers.domain.units import unit_code  # noqa: E402
from koers.importers.files import sha256_of  # noqa: E402
from koers.importers.measurements import check_file  # noqa: E402
from koers.planfile import read_plan  # noqa: E402
from koers.store.database import open_engine  # noqa: E402
from koers.store.imports import COLUMNS, Provenance, store_batch  # noqa: E402
from koers.store.migrate import upgrade  # noqa: E402
from koers.store.plans import load_stored_plan, save_plan  # noqa: E402


def prepare(url: str, plan_file: Path) -> None:
    engine = open_engine(url)
    upgrade(engine)
    save_plan(engine, read_plan(plan_file), source=str(plan_file), user="bench")
    engine.dispose()


def run_bare(url: str, data: Path, plan_file: Path) -> int:
    engine = open_engine(url)
    stored = load_stored_plan(engine)
    units = {g.id: unit_code(g.unit) for g in stored.plan.goals if g.unit}
    periods: dict[str, Period] = {}
    now = datetime.now(UTC)

    def rows():
        with data.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            next(reader)
            for goal, period, area, value, status, ref in reader:
                p = periods.get(period) or periods.setdefault(period, Period.parse(period))
                yield (
                    stored.id,
                    goal,
                    "goal",
                    p.code,
                    p.start,
                    p.end,
                    area,
                    1,
                    float(value),
                    None,
                    units[goal],
                    "provisional" if status == "voorlopig" else "final",
                    None,
                    None,
                    None,
                    None,
                    None,
                    "Benchmarkbron",
                    ref,
                    now,
                    "bench",
                    None,
                    None,
                    None,
                )

    count = 0
    with engine.begin() as conn:
        raw = conn.connection.driver_connection
        if conn.dialect.name == "postgresql":
            with raw.cursor() as cursor, cursor.copy(f"COPY measurements ({', '.join(COLUMNS)}) FROM STDIN") as copy:
                for row in rows():
                    copy.write_row(row)
                    count += 1
        else:
            sql = f"INSERT INTO measurements ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
            cursor = raw.cursor()
            batch: list[tuple] = []
            for row in rows():
                batch.append(row)
                if len(batch) == 10_000:
                    cursor.executemany(sql, batch)
                    count += len(batch)
                    batch = []
            cursor.executemany(sql, batch)
            count += len(batch)
    engine.dispose()
    return count


def run_koers(url: str, data: Path, plan_file: Path) -> int:
    engine = open_engine(url)
    stored = load_stored_plan(engine)
    checked = check_file(data, stored.plan)
    if checked.batch is None:
        raise SystemExit(f"the benchmark file has problems: {checked.problems[:3]}")
    outcome = store_batch(engine, stored.id, checked.batch, Provenance("import", data.name, sha256_of(data), "bench"))
    engine.dispose()
    return outcome.rows


def child(mode: str, url: str, data: Path, plan_file: Path) -> None:
    """One timed run in this process; prints JSON for the parent."""
    started = time.perf_counter()
    rows = run_bare(url, data, plan_file) if mode == "bare" else run_koers(url, data, plan_file)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"rows": rows, "seconds": seconds, "peak_mb": peak_mb}))


def measure(mode: str, url: str, data: Path, plan_file: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, "--url", url, "--data", str(data.parent)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def sqlite_runs(data: Path, plan_file: Path, folder: Path) -> dict[str, dict]:
    results = {}
    for mode in ("bare", "koers"):
        url = f"sqlite:///{folder / f'{mode}.db'}"
        prepare(url, plan_file)
        results[mode] = measure(mode, url, data, plan_file)
        if mode == "koers":
            results["koers-again"] = measure("koers", url, data, plan_file)
    return results


def postgres_runs(data: Path, plan_file: Path) -> dict[str, dict]:
    from tests.databases import find_bindir, make_cluster_dir, server_owner, start_server, stop_cluster

    bindir, owner = find_bindir(), server_owner()
    if bindir is None:
        raise SystemExit("PostgreSQL server binaries not found: run scripts/install")
    folder = make_cluster_dir(owner)
    try:
        server = start_server(folder, bindir, owner)
        results = {}
        for mode in ("bare", "koers"):
            with server.connect() as conn:
                conn.autocommit = True
                conn.execute(f"CREATE DATABASE bench_{mode}")
            url = server.url(f"bench_{mode}")
            prepare(url, plan_file)
            results[mode] = measure(mode, url, data, plan_file)
            if mode == "koers":
                results["koers-again"] = measure("koers", url, data, plan_file)
        return results
    finally:
        stop_cluster(bindir, folder, owner)


def report(backend: str, results: dict[str, dict]) -> None:
    bare = results["bare"]
    for mode, r in results.items():
        rate = r["rows"] / r["seconds"]
        print(
            f"{backend:<11} {mode:<12} {r['rows']:>9,} rows {r['seconds']:>7.1f} s {rate:>10,.0f} rows/s "
            f"{r['peak_mb']:>6.0f} MB peak"
        )
    speed = bare["seconds"] / results["koers"]["seconds"]
    print(
        f"{backend:<11} koers runs at {speed:.2f} x the bare bulk load's speed (target >= 0.50); "
        f"peak {results['koers']['peak_mb']:.0f} MB (target < 500)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "koers-bench")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--municipalities", type=int, default=342)
    parser.add_argument("--child", choices=("bare", "koers"))
    parser.add_argument("--url")
    args = parser.parse_args()
    data, plan_file = args.data / "measurements.csv", args.data / "plan.yaml"
    if args.child:
        child(args.child, args.url, data, plan_file)
        return
    if not data.exists():
        plan_file, data, rows = generate(args.data, args.municipalities, 30, 4, seed=7)
        print(f"generated {rows:,} rows in {data}")
    with tempfile.TemporaryDirectory() as folder:
        for backend in args.backends.split(","):
            runs = sqlite_runs(data, plan_file, Path(folder)) if backend == "sqlite" else postgres_runs(data, plan_file)
            report(backend, runs)


if __name__ == "__main__":
    main()
