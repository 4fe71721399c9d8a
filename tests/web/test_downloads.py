# SPDX-License-Identifier: EUPL-1.2
"""The dashboard's downloads never hand a spreadsheet a formula: a note or source someone
imported that starts with = + - or @ arrives as text (koers.exports, the one rule)."""

from __future__ import annotations

import csv
import io
import warnings
from datetime import date
from pathlib import Path

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

from koers.cli.serve import prepare_demo
from koers.web.app import create_app
from tests.store.conftest import koers, write_csv

TODAY = date(2026, 11, 23)
SLY = ('=HYPERLINK("http://example.invalid","klik")', "+1+1", "-2+3", "@SUM(A1)")


def test_the_csv_download_starts_every_runnable_text_with_a_quote(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'koers.db'}"
    prepare_demo(url, seed=2024, today=TODAY)
    rows = [
        {"goal": "VW-01", "period": "2024", "value": "n.b.", "note": SLY[0], "source": SLY[1], "source_ref": SLY[2]},
        {"goal": "FF-01", "period": "2025-H2", "value": "5600", "note": SLY[3], "source": SLY[2], "source_ref": SLY[3]},
    ]
    rows = [{**r, "area": "GM0396"} for r in rows]
    code, outcome = koers(url, "import", str(write_csv(tmp_path / "sly.csv", rows)))
    assert code == 0, outcome
    response = TestClient(create_app(url, today=TODAY)).get("/downloads/metingen.csv")
    assert response.status_code == 200
    records = list(csv.DictReader(io.StringIO(response.text)))
    texts = [r[c] for r in records for c in ("goal", "area", "source", "source_ref", "recorded_by", "note") if r[c]]
    assert {"'" + text for text in SLY} <= set(texts)
    assert not [t for t in texts if t[0] in "=+-@\t\r"]  # nothing a spreadsheet would run
    assert any(r["value"] == "5600.0" for r in records)  # numbers stay numbers
