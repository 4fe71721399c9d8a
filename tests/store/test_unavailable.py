# SPDX-License-Identifier: EUPL-1.2
"""Figures that are not there (n.b., n.n.b., n.a.) in the store, on SQLite and PostgreSQL:
stored and read back with their code and reason, versions as usual, imported twice without a
change, exported and imported again, derived, counted as delivered by ``koers due``, and the
migration that makes room for them on a database that already holds measurements."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import insert, select, text
from sqlalchemy.exc import IntegrityError

from koers.domain.measurements import Unavailable
from koers.store.database import open_engine
from koers.store.measurements import current, history
from koers.store.migrate import alembic_config, current_revision, head_revision, upgrade
from koers.store.plans import load_stored_plan
from koers.store.tables import measurements
from tests.store.conftest import count, koers, write_csv

TABLE = Path(__file__).resolve().parents[1] / "data" / "imports" / "heemskerk-2024-unavailable.csv"
REASON = "cijfer wordt door CBS niet meer gepubliceerd"


def _vw01(db_url: str, *, all_versions: bool = False) -> list:
    engine = open_engine(db_url)
    read = history if all_versions else current
    return read(engine, load_stored_plan(engine).id, subject="VW-01")


def test_a_municipal_table_is_stored_with_codes_and_reasons(loaded: str) -> None:
    code, outcome = koers(loaded, "import", str(TABLE))
    assert (code, outcome["new"]) == (0, 8)
    [warning] = outcome["warnings"]  # FF-01 2023-H2 lies inside the baseline year 2023: stored all the same
    assert (warning["code"], warning["row"], warning["column"]) == ("inside-baseline-period", 2, "period")
    [vw01] = _vw01(loaded)
    assert (vw01.value, vw01.unavailable, vw01.note, vw01.available) == (None, Unavailable.NOT_AVAILABLE, REASON, False)
    _, records = koers(loaded, "measurements")
    codes = {(r["goal"], r["period"]): (r["value"], r["unavailable"]) for r in records}
    assert codes[("FF-01", "2024-H2")] == (None, "n.n.b.")
    assert codes[("OO-05", "2024")] == (None, "n.a.")
    assert codes[("FF-01", "2024-H1")] == (2810.0, None)


def test_the_same_table_twice_adds_nothing(loaded: str) -> None:
    koers(loaded, "import", str(TABLE))
    code, again = koers(loaded, "import", str(TABLE))
    assert (code, again["added"], again["unchanged"]) == (0, 0, 8)


def test_a_real_figure_supersedes_it_and_the_other_way_round(loaded: str, tmp_path: Path) -> None:
    point = {"goal": "VW-01", "period": "2024", "area": "GM0396"}
    koers(loaded, "import", str(write_csv(tmp_path / "a.csv", [{**point, "value": "n.b.", "note": REASON}])))
    koers(loaded, "import", str(write_csv(tmp_path / "b.csv", [{**point, "value": "51", "note": ""}])))
    assert [(m.version, m.value) for m in _vw01(loaded)] == [(2, 51.0)]
    later = {**point, "value": "", "unavailable": "n.a.", "note": "vraag niet meer gesteld"}
    koers(loaded, "import", str(write_csv(tmp_path / "c.csv", [later])))
    [now] = _vw01(loaded)
    assert (now.version, now.value, now.unavailable) == (3, None, Unavailable.NOT_APPLICABLE)
    assert [m.unavailable for m in _vw01(loaded, all_versions=True)] == [
        Unavailable.NOT_AVAILABLE,
        None,
        Unavailable.NOT_APPLICABLE,
    ]


def test_without_a_reason_nothing_is_stored(loaded: str, tmp_path: Path) -> None:
    rows = [{"goal": "VW-01", "period": "2024", "area": "GM0396", "value": "n.b."}]
    code, output = koers(loaded, "import", str(write_csv(tmp_path / "m.csv", rows)))
    assert code == 2
    assert [(p["code"], p["row"], p["column"]) for p in output["problems"]] == [
        ("unavailable-without-reason", 2, "note")
    ]
    assert count(open_engine(loaded)) == 0


def test_the_database_holds_to_the_rule(loaded: str) -> None:
    engine = open_engine(loaded)
    plan_id = load_stored_plan(engine).id
    row = {
        "plan_id": plan_id,
        "subject": "VW-01",
        "subject_kind": "goal",
        "period": "2024",
        "period_start": date(2024, 1, 1),
        "period_end": date(2024, 12, 31),
        "area": "GM0396",
        "version": 1,
        "unit": "percentage",
        "status": "final",
        "recorded_at": datetime(2026, 1, 1, tzinfo=UTC),
    }
    for wrong in ({"value": None, "unavailable": None}, {"value": 48.0, "unavailable": "n.b."}):
        with pytest.raises(IntegrityError), engine.begin() as conn:
            conn.execute(insert(measurements).values(**row, **wrong))


# -- export -------------------------------------------------------------------------------


def test_an_export_says_not_available_and_imports_again(loaded: str, tmp_path: Path) -> None:
    import csv

    koers(loaded, "import", str(TABLE))
    out = tmp_path / "export.csv"
    assert koers(loaded, "export", "--to", str(out))[0] == 0
    with out.open(encoding="utf-8") as handle:
        rows = {(r["goal"], r["period"]): r for r in csv.DictReader(handle)}
    vw01 = rows[("VW-01", "2024")]
    assert (vw01["value"], vw01["unavailable"], vw01["note"]) == ("", "n.b.", REASON)
    code, again = koers(loaded, "import", str(out))
    assert (code, again["added"], again["unchanged"]) == (0, 0, 8)


def test_an_excel_export_keeps_the_code_and_never_runs_a_reason_as_a_formula(loaded: str, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    sly = '=HYPERLINK("http://example.invalid","klik")'
    rows = [{"goal": "VW-01", "period": "2024", "area": "GM0396", "value": "n.b.", "note": sly}]
    koers(loaded, "import", str(write_csv(tmp_path / "m.csv", rows)))
    out = tmp_path / "export.xlsx"
    assert koers(loaded, "export", "--to", str(out))[0] == 0
    sheet = load_workbook(out)["measurements"]
    header = [c.value for c in sheet[1]]
    cells = dict(zip(header, sheet[2], strict=True))
    assert (cells["value"].value, cells["unavailable"].value) == (None, "n.b.")
    assert (cells["note"].value, cells["note"].data_type) == (sly, "s")  # text, not a formula
    code, again = koers(loaded, "import", str(out))
    assert (code, again["added"]) == (0, 0)


# -- derived rates and the calendar ---------------------------------------------------------


def test_a_count_that_is_not_there_gives_a_rate_that_is_not_there(loaded: str, tmp_path: Path) -> None:
    rows = [
        {"series": "wmo-gebruikers", "period": "2024", "value": "n.n.b.", "note": "levering in april"},
        {"series": "wmo-gebruikers", "period": "2025", "value": "3300", "note": ""},
        {"series": "inwoners", "period": "2024", "value": "39450", "note": ""},
        {"series": "inwoners", "period": "2025", "value": "n.b.", "note": "telling uitgesteld"},
    ]
    rows = [{**r, "area": "GM0396", "unit": "aantal"} for r in rows]
    assert koers(loaded, "import", str(write_csv(tmp_path / "n.csv", rows)))[0] == 0
    code, outcome = koers(loaded, "derive", "ZW-05", "--numerator", "wmo-gebruikers", "--denominator", "inwoners")
    assert (code, outcome["new"]) == (0, 1)  # 2025 has no population to divide by
    _, [rate] = koers(loaded, "measurements", "--goal", "ZW-05")
    assert (rate["period"], rate["value"], rate["unavailable"]) == ("2024", None, "n.n.b.")
    assert rate["note"] == "wmo-gebruikers n.n.b.: levering in april"
    assert rate["derivation"]["inputs"]["numerator"]["unavailable"] == "n.n.b."


def test_due_counts_a_figure_that_is_not_there_as_delivered(loaded: str, tmp_path: Path) -> None:
    rows = [{"goal": "FF-01", "period": "2024-H1", "area": "GM0396", "value": "2810", "note": ""}]
    koers(loaded, "import", str(write_csv(tmp_path / "a.csv", rows)))
    _, items = koers(loaded, "due", "--as-of", "2025-03-01")
    ff = next(i for i in items if i["goal"] == "FF-01")
    assert (ff["expected"], ff["missing"]) == ("2024-H2", ["2024-H2"])
    late = [{"goal": "FF-01", "period": "2024-H2", "area": "GM0396", "value": "n.n.b.", "note": "komt in april"}]
    koers(loaded, "import", str(write_csv(tmp_path / "b.csv", late)))
    _, items = koers(loaded, "due", "--as-of", "2025-03-01")
    ff = next(i for i in items if i["goal"] == "FF-01")
    assert (ff["anchor"], ff["expected"], ff["status"], ff["missing"]) == ("2024-H2", "2025-H1", "upcoming", [])


# -- the migration --------------------------------------------------------------------------


def test_the_migration_keeps_every_existing_row(db_url: str) -> None:
    engine = open_engine(db_url)
    command.upgrade(alembic_config(engine), "0004")
    now = datetime(2026, 1, 1, tzinfo=UTC)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO plans (id, key, municipality_code, municipality_name, title, created_at) "
                "VALUES (1, 'GM0396/plan', 'GM0396', 'Heemskerk', 'Plan', :now)"
            ),
            {"now": now},
        )
        for version, value in ((1, 48.0), (2, 47.5)):
            conn.execute(
                text(
                    "INSERT INTO measurements (plan_id, subject, subject_kind, period, period_start, period_end, "
                    "area, version, value, unit, status, note, recorded_at) VALUES (1, 'VW-01', 'goal', '2024', "
                    ":start, :end, 'GM0396', :version, :value, 'percentage', 'final', 'oud', :now)"
                ),
                {"start": date(2024, 1, 1), "end": date(2024, 12, 31), "version": version, "value": value, "now": now},
            )
    assert upgrade(engine) == ("0004", head_revision())
    with engine.connect() as conn:
        kept = conn.execute(
            select(
                measurements.c.version, measurements.c.value, measurements.c.unavailable, measurements.c.note
            ).order_by(measurements.c.version)
        ).all()
    assert [tuple(r) for r in kept] == [(1, 48.0, None, "oud"), (2, 47.5, None, "oud")]
    with engine.begin() as conn:  # and the new kind of row fits
        conn.execute(
            text(
                "INSERT INTO measurements (plan_id, subject, subject_kind, period, period_start, period_end, "
                "area, version, value, unavailable, unit, status, note, recorded_at) VALUES (1, 'VW-01', 'goal', "
                "'2024', :start, :end, 'GM0396', 3, NULL, 'n.b.', 'percentage', 'final', 'weg', :now)"
            ),
            {"start": date(2024, 1, 1), "end": date(2024, 12, 31), "now": now},
        )
    [latest] = current(engine, 1, subject="VW-01")
    assert (latest.version, latest.value, latest.unavailable, latest.note) == (
        3,
        None,
        Unavailable.NOT_AVAILABLE,
        "weg",
    )
    # Going back refuses while such a figure is stored: the old schema has no place for it.
    with pytest.raises(RuntimeError, match="figures that are not there"):
        command.downgrade(alembic_config(engine), "0004")
    assert current_revision(engine) == head_revision()
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM measurements WHERE unavailable IS NOT NULL"))
    command.downgrade(alembic_config(engine), "0004")
    assert current_revision(engine) == "0004"
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM measurements")).scalar_one() == 2
