# SPDX-License-Identifier: EUPL-1.2
"""Sources behind one interface: a file and rows from a program give the same checked batch,
with the same problems, and say where they came from."""

from __future__ import annotations

import csv
from pathlib import Path

from koers.domain.plan import Plan
from koers.importers.files import sha256_of
from koers.importers.sources import FileSource, Origin, RowsSource

SAMPLE = Path(__file__).parents[1] / "data" / "imports" / "heemskerk-2024-sample.csv"


def _rows() -> list[dict[str, str]]:
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_a_file_and_the_same_rows_from_a_program_give_the_same_batch(heemskerk_2024: Plan) -> None:
    from_file = FileSource(SAMPLE).check(heemskerk_2024)
    rows = RowsSource(Origin("cbs", "CBS test"), SAMPLE.name, _rows()).check(heemskerk_2024)
    assert from_file.batch is not None and rows.batch is not None
    assert len(from_file.batch) == len(rows.batch) > 0
    assert [from_file.batch.content(i) for i in range(len(rows.batch))] == [
        rows.batch.content(i) for i in range(len(rows.batch))
    ]


def test_rows_from_a_program_are_refused_as_a_file_is(heemskerk_2024: Plan) -> None:
    rows = _rows()
    rows[1]["area"] = "Atlantis"
    checked = RowsSource(Origin("cbs", "CBS test"), "CBS 99999NED", rows).check(heemskerk_2024)
    assert checked.batch is None
    (problem,) = checked.problems
    assert (problem.code, problem.location.file, problem.location.row) == ("unknown-area", "CBS 99999NED", 3)


def test_a_file_source_names_its_file_and_fingerprint() -> None:
    assert FileSource(SAMPLE).origin == Origin("import", SAMPLE.name, sha256_of(SAMPLE))
