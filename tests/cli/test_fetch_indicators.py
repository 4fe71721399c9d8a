# SPDX-License-Identifier: EUPL-1.2
"""``koers fetch cbs --indicators`` on SQLite and PostgreSQL: mapped CBS figures go through the
same check and store path as a file (provenance, provisional to final, nothing twice), answered
from the recorded CBS responses."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select
from typer.testing import CliRunner

from koers.cli import fetch
from koers.cli.app import app
from koers.importers.cbs.client import V3_BASE
from koers.store.tables import imports, measurements
from tests.importers.cbs.recorded import HAVE_RECORDINGS, MADE_DIR, MISSING, RecordedCBS, canonical

pytestmark = pytest.mark.skipif(not HAVE_RECORDINGS, reason=MISSING)

runner = CliRunner()
DATA = Path(__file__).parents[1] / "data"
PLAN = DATA / "plans" / "fictional-plan.yaml"
MAPPING = DATA / "mappings" / "vacatures.tsv"
PERIODS = f"{V3_BASE}/83599NED/Perioden?$format=json"
#: The quarters in the recorded pages of 83599NED (one figure each for the Netherlands).
QUARTERS = 38


def koers(db: str, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--db", db, *args], env={"COLUMNS": "200"})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def _answers(monkeypatch: pytest.MonkeyPatch, periods: Path | None = None) -> RecordedCBS:
    cbs = RecordedCBS(ignore_filter=True)
    dimension = f"{V3_BASE}/83599NED/BedrijfstakkenBranchesSBI2008?$format=json"
    cbs.files[canonical(dimension)] = MADE_DIR / "v3" / "83599NED" / "BedrijfstakkenBranchesSBI2008.json"
    if periods is not None:
        cbs.files[canonical(PERIODS)] = periods
    monkeypatch.setattr(fetch, "TRANSPORT", cbs.transport)
    return cbs


@pytest.fixture
def zilverdam(db_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    monkeypatch.setenv("KOERS_CBS_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("KOERS_CBS_BASE_URL", raising=False)
    assert koers(db_url, "db", "upgrade")[0] == 0
    assert koers(db_url, "plan", "load", str(PLAN))[0] == 0
    return db_url


def _final_everywhere(tmp_path: Path) -> Path:
    """CBS's later answer: every quarter's figures now final."""
    recorded = json.loads((MADE_DIR / "v3" / "83599NED" / "Perioden.json").read_text(encoding="utf-8"))
    for period in recorded["value"]:
        period["Status"] = "Definitief"
    later = tmp_path / "Perioden-later.json"
    later.write_text(json.dumps(recorded), encoding="utf-8")
    return later


def test_indicators_are_stored_with_provenance_and_revised_from_provisional_to_final(
    zilverdam: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _answers(monkeypatch)
    code, stdout, stderr = koers(zilverdam, "fetch", "cbs", "--indicators", "--mapping", str(MAPPING), "--json")
    assert code == 0, stdout + stderr
    first = json.loads(stdout)
    assert (first["rows"], first["new"], first["revised"]) == (QUARTERS, QUARTERS, 0)

    again = json.loads(koers(zilverdam, "fetch", "cbs", "--indicators", "--mapping", str(MAPPING), "--json")[1])
    assert (again["added"], again["unchanged"]) == (0, QUARTERS)  # nothing twice

    _answers(monkeypatch, _final_everywhere(tmp_path))
    later = json.loads(koers(zilverdam, "fetch", "cbs", "--indicators", "--mapping", str(MAPPING), "--json")[1])
    assert (later["revised"], later["new"]) == (2, 0)  # the two provisional quarters became final

    engine = create_engine(zilverdam)
    with engine.connect() as conn:
        logged = conn.execute(select(imports.c.kind, imports.c.file_name).order_by(imports.c.id)).all()
        stored = conn.execute(
            select(measurements.c.version, measurements.c.status, measurements.c.source, measurements.c.source_ref)
            .where(measurements.c.subject == "vacatures", measurements.c.period_start == date(2020, 1, 1))
            .order_by(measurements.c.version)
        ).all()
    engine.dispose()
    assert {kind for kind, _name in logged} == {"cbs"} and len(logged) == 2
    assert all("vacatures.tsv" in (name or "") for _kind, name in logged)
    assert [(row.version, row.status) for row in stored] == [(1, "provisional"), (2, "final")]
    assert stored[0].source == "CBS StatLine" and stored[0].source_ref == "83599NED OpenstaandeVacatures_1"


def test_a_mapping_that_does_not_fit_stores_nothing(zilverdam: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _answers(monkeypatch)
    wrong = DATA / "mappings" / "not-in-table.tsv"
    code, stdout, stderr = koers(zilverdam, "fetch", "cbs", "--indicators", "--mapping", str(wrong))
    assert code == 2
    assert "not-in-table.tsv" in stderr and "regel 4" in stderr and "XX-99" in stderr
    engine = create_engine(zilverdam)
    with engine.connect() as conn:
        assert conn.execute(select(measurements.c.id)).first() is None
    engine.dispose()


def test_indicators_refuse_a_table_argument(zilverdam: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _answers(monkeypatch)
    code, _stdout, stderr = koers(zilverdam, "fetch", "cbs", "83599NED", "--indicators")
    assert code != 0 and "--indicators" in stderr
