# SPDX-License-Identifier: EUPL-1.2
"""CBS benchmark: the recorded 15,504-row table 83599NED (two pages of the v3 UntypedDataSet,
padded codes and values) read into tidy observations.

    python bench/cbs_bench.py [--repeat 5]

The answers come from the recorded files through the tests' mock transport
(tests/importers/cbs/recorded.py; the recordings are read from ../shared/data/cbs-recorded, or
CBS_RECORDED). Two timings, best of ``--repeat``:

* ``parse``: the rows of both pages (already decoded from JSON) into observations, what
  :class:`koers.importers.cbs.ObservationReader` does per row: strip the codes, map the period
  to a koers period and its status, read the padded number;
* ``fetch+parse``: the same through :class:`StatLineClient` (structure, both pages via the
  mock transport, JSON decoding, next-link), as ``koers fetch cbs`` runs it without the CSV.

Then the whole way in, as ``koers fetch cbs --indicators`` runs it, into a fresh SQLite database
with a made-up plan (tests/data/plans/fictional-plan.yaml): a mapping with one line per branch of
industry (so that every one of the 15,504 figures is a point of its own) and ``regions: alle``,
timed in three parts, once each:

* ``fetch+parse+map``: :func:`koers.importers.cbs.indicators.indicator_source`, figures into
  import rows;
* ``check``: the importer's check of those rows against the plan (the path of every source);
* ``store``: :func:`koers.store.imports.store_batch`, one transaction.

Target (issue 12): parsing 15,504 untyped rows well under a second. Prints rows per second and the
share of time in parsing (fetch+parse+map) against checking and storing.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.importers.cbs.recorded import HAVE_RECORDINGS, MADE_DIR, MISSING, RecordedCBS, canonical  # noqa: E402

from koers.importers.cbs import ObservationReader, StatLineClient, load_structure  # noqa: E402
from koers.importers.cbs.client import V3_BASE  # noqa: E402
from koers.importers.cbs.indicators import indicator_source  # noqa: E402
from koers.importers.cbs.observations import data_url  # noqa: E402
from koers.importers.indicator_mappings import read_mappings  # noqa: E402
from koers.planfile import read_plan  # noqa: E402
from koers.store.database import open_engine  # noqa: E402
from koers.store.imports import Provenance, store_batch  # noqa: E402
from koers.store.migrate import upgrade  # noqa: E402
from koers.store.plans import load_stored_plan, save_plan  # noqa: E402

TABLE = "83599NED"
TARGET_S = 1.0
PLAN = ROOT / "tests" / "data" / "plans" / "fictional-plan.yaml"
BRANCHES = "BedrijfstakkenBranchesSBI2008"


def mapping_text(branches: list[str]) -> str:
    """A mapping with one series per branch of industry, for every region of the table."""
    lines = ["indicator\ttable\tmeasure\tfilters\tunit\tregions"]
    lines += [
        f"series:vacatures-{code.lower()}\t{TABLE}\tOpenstaandeVacatures_1\t{BRANCHES}={code}\taantal\talle"
        for code in branches
    ]
    return "\n".join(lines) + "\n"


def store_all(rows: int) -> None:
    """The whole way in, timed per part; prints the figures."""
    cbs = RecordedCBS(ignore_filter=True)
    dimension = f"{V3_BASE}/{TABLE}/{BRANCHES}?$format=json"
    cbs.files[canonical(dimension)] = MADE_DIR / "v3" / TABLE / f"{BRANCHES}.json"
    categories = json.loads((MADE_DIR / "v3" / TABLE / f"{BRANCHES}.json").read_text(encoding="utf-8"))
    mappings = read_mappings(mapping_text([c["Key"].strip() for c in categories["value"]]), "bench")
    plan = read_plan(PLAN)
    with tempfile.TemporaryDirectory() as folder:
        engine = open_engine(f"sqlite:///{folder}/bench.db")
        upgrade(engine)
        save_plan(engine, plan, source=str(PLAN), user="bench")
        stored = load_stored_plan(engine)
        started = time.perf_counter()
        with StatLineClient(transport=cbs.transport) as client:
            outcome = indicator_source(client, plan, mappings, "bench")
        parsed = time.perf_counter()
        checked = outcome.source.check(stored.plan)
        assert checked.batch is not None, [p.describe() for p in checked.problems[:3]]
        check_done = time.perf_counter()
        stored_outcome = store_batch(engine, stored.id, checked.batch, Provenance.of(outcome.source.origin, "bench"))
        done = time.perf_counter()
        engine.dispose()
    total = done - started
    parts = {"fetch+parse+map": parsed - started, "check": check_done - parsed, "store": done - check_done}
    shares = ", ".join(f"{name} {seconds:.3f} s ({seconds / total:.0%})" for name, seconds in parts.items())
    print(
        f"fetch, check and store: {stored_outcome.added:,} of {rows:,} figures stored as measurements (SQLite) in "
        f"{total:.3f} s: {stored_outcome.added / total:,.0f} rows/s; {shares}"
    )


def fetch_and_parse() -> int:
    with StatLineClient(transport=RecordedCBS().transport) as client:
        structure = load_structure(client, TABLE)
        return sum(1 for _ in ObservationReader(structure).fetch(client))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not HAVE_RECORDINGS:
        sys.exit(MISSING)
    with StatLineClient(transport=RecordedCBS().transport) as client:
        structure = load_structure(client, TABLE)
        pages = [page.rows for page in client.pages(data_url(client, structure))]
    rows = sum(len(page) for page in pages)

    best_parse = float("inf")
    for _ in range(args.repeat):
        reader = ObservationReader(structure)  # a fresh reader: its lookups start empty
        started = time.perf_counter()
        observations = [o for page in pages for o in reader.read_page(page)]
        best_parse = min(best_parse, time.perf_counter() - started)
    best_fetch = float("inf")
    for _ in range(args.repeat):
        started = time.perf_counter()
        fetched = fetch_and_parse()
        best_fetch = min(best_fetch, time.perf_counter() - started)

    print(
        f"parse: {rows:,} untyped rows ({len(pages)} pages) into {len(observations):,} observations in "
        f"{best_parse:.3f} s (best of {args.repeat}): {rows / best_parse:,.0f} rows/s (target: < {TARGET_S:.0f} s)"
    )
    print(
        f"fetch+parse: {fetched:,} observations through the client and the mock transport in {best_fetch:.3f} s: "
        f"{rows / best_fetch:,.0f} rows/s"
    )
    store_all(rows)


if __name__ == "__main__":
    main()
