# SPDX-License-Identifier: EUPL-1.2
"""The store on SQLite and on a real PostgreSQL server: schema, plan versions, imports that
are all-or-nothing and idempotent, revisions and history, the current-value rule, derived
rates, export, and the calendar on stored data."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from koers.importers.measurements import check_file
from koers.planfile import read_plan
from koers.store.database import open_engine
from koers.store.imports import Provenance, store_batch
from koers.store.migrate import current_revision, head_revision, upgrade
from koers.store.plans import load_stored_plan, plan_history, save_plan
from koers.store.tables import imports, metadata
from tests.conftest import HEEMSKERK_2024
from tests.store.conftest import count, koers, write_csv

ROWS = [
    {"goal": "FF-01", "period": "2024-H1", "area": "GM0396", "value": "5500", "status": "voorlopig"},
    {"goal": "FF-01", "period": "2024-H1", "area": "Hart van Heemskerk", "value": "1200", "status": ""},
    {"goal": "VW-01", "period": "2024", "area": "GM0396", "value": "58,5", "status": "definitief"},
]


# -- schema -------------------------------------------------------------------------------


def test_upgrade_creates_the_schema_of_the_model(db_url: str) -> None:
    engine = open_engine(db_url)
    assert current_revision(engine) is None
    assert upgrade(engine) == (None, head_revision())
    assert upgrade(engine) == (head_revision(), head_revision())  # again: nothing to do
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []


def test_commands_refuse_a_database_that_is_not_set_up(db_url: str) -> None:
    code, output = koers(db_url, "measurements")
    assert code == 2
    assert "koers db upgrade" in " ".join(output.split())


# -- plans --------------------------------------------------------------------------------


def test_loading_an_edited_plan_keeps_every_version(db_url: str, tmp_path: Path) -> None:
    engine = open_engine(db_url)
    upgrade(engine)
    plan = read_plan(HEEMSKERK_2024)
    first = save_plan(engine, plan, source="a.yaml", user="jansen")
    again = save_plan(engine, plan, source="a.yaml", user="jansen")
    edited = plan.model_copy(update={"mission": "Bijgesteld in 2027."})
    second = save_plan(engine, edited, source="b.yaml", user="de vries")
    assert (first.version, first.changed) == (1, True)
    assert (again.version, again.changed) == (1, False)
    assert (second.version, second.changed) == (2, True)
    assert load_stored_plan(engine).plan.mission == "Bijgesteld in 2027."
    assert load_stored_plan(engine, version=1).plan == plan  # an old report stays reproducible
    assert [(h["version"], h["loaded_by"], h["source"]) for h in plan_history(engine)] == [
        (1, "jansen", "a.yaml"),
        (2, "de vries", "b.yaml"),
    ]


# -- imports ------------------------------------------------------------------------------


def test_import_then_again_adds_nothing(loaded: str, tmp_path: Path) -> None:
    file = write_csv(tmp_path / "m.csv", ROWS)
    code, dry = koers(loaded, "import", str(file), "--dry-run")
    assert (code, dry["added"], dry["dry_run"]) == (0, 3, True)
    assert count(open_engine(loaded)) == 0
    code, first = koers(loaded, "import", str(file))
    assert (code, first["new"], first["revised"], first["unchanged"]) == (0, 3, 0, 0)
    code, second = koers(loaded, "import", str(file))
    assert (code, second["added"], second["unchanged"], second["import_id"]) == (0, 0, 3, None)
    engine = open_engine(loaded)
    assert count(engine) == 3
    assert count(engine, imports) == 1


def test_revision_is_a_new_version_and_history_is_kept(loaded: str, tmp_path: Path) -> None:
    koers(loaded, "import", str(write_csv(tmp_path / "a.csv", ROWS)))
    revised = [{**ROWS[0], "value": "5600", "status": "definitief"}]
    code, outcome = koers(loaded, "import", str(write_csv(tmp_path / "b.csv", revised)))
    assert (code, outcome["new"], outcome["revised"]) == (0, 0, 1)
    _, history = koers(loaded, "measurements", "--goal", "FF-01", "--area", "GM0396", "--history")
    assert [(m["version"], m["value"], m["status"], m["source_ref"]) for m in history] == [
        (1, 5500.0, "provisional", "a.csv"),
        (2, 5600.0, "final", "b.csv"),
    ]
    _, now = koers(loaded, "measurements", "--goal", "FF-01", "--area", "GM0396")
    assert [(m["version"], m["value"]) for m in now] == [(2, 5600.0)]


def test_a_later_provisional_figure_does_not_replace_a_final_one(loaded: str, tmp_path: Path) -> None:
    final = [{"goal": "FF-03", "period": "2024", "area": "GM0396", "value": "1200", "status": "definitief"}]
    provisional = [{**final[0], "value": "1180", "status": "voorlopig"}]
    koers(loaded, "import", str(write_csv(tmp_path / "a.csv", final)))
    koers(loaded, "import", str(write_csv(tmp_path / "b.csv", provisional)))
    _, now = koers(loaded, "measurements", "--goal", "FF-03")
    assert [(m["version"], m["value"], m["status"]) for m in now] == [(1, 1200.0, "final")]
    corrected = [{**final[0], "value": "1210", "status": "definitief"}]
    koers(loaded, "import", str(write_csv(tmp_path / "c.csv", corrected)))
    _, now = koers(loaded, "measurements", "--goal", "FF-03")
    assert [(m["version"], m["value"]) for m in now] == [(3, 1210.0)]


def test_a_file_that_fails_on_its_last_row_stores_nothing(loaded: str, tmp_path: Path) -> None:
    rows = [*ROWS, {"goal": "FF-01", "period": "2024-H3", "area": "GM0396", "value": "1", "status": ""}]
    code, output = koers(loaded, "import", str(write_csv(tmp_path / "m.csv", rows)))
    assert code == 2
    assert [(p["row"], p["column"], p["code"]) for p in output["problems"]] == [(5, "period", "invalid-period")]
    assert count(open_engine(loaded)) == 0


def test_unit_mismatch_is_refused_and_stores_nothing(loaded: str, tmp_path: Path) -> None:
    rows = [{"goal": "VW-01", "period": "2024", "area": "GM0396", "value": "58", "unit": "euro"}]
    code, output = koers(loaded, "import", str(write_csv(tmp_path / "m.csv", rows)))
    assert code == 2
    assert output["problems"][0]["code"] == "unit-mismatch"
    assert count(open_engine(loaded)) == 0


def test_a_failure_while_writing_rolls_back_everything(loaded: str, tmp_path: Path) -> None:
    rows = [
        {"goal": "FF-01", "period": f"{y}-H{h}", "area": f"WK0396{a:02d}", "value": "1", "status": ""}
        for a in range(30)
        for y in range(1900, 2100)
        for h in (1, 2)
    ]  # 12,000: more than one chunk
    engine = open_engine(loaded)
    stored = load_stored_plan(engine)
    checked = check_file(write_csv(tmp_path / "m.csv", rows), stored.plan)
    assert checked.batch is not None and len(checked.batch) == 12_000

    def fail_halfway(written: int) -> None:
        raise RuntimeError(f"disk full after {written} rows")

    with pytest.raises(RuntimeError, match="disk full"):
        store_batch(engine, stored.id, checked.batch, Provenance("import", "m.csv", None, "t"), progress=fail_halfway)
    assert count(engine) == 0
    assert count(engine, imports) == 0


# -- derived rates ------------------------------------------------------------------------


def test_rate_per_1000_is_derived_with_formula_and_inputs(loaded: str, tmp_path: Path) -> None:
    counts = [
        {
            "series": "wmo-gebruikers",
            "period": "2024",
            "area": "GM0396",
            "value": "3200",
            "unit": "aantal",
            "status": "definitief",
        },
        {
            "series": "inwoners",
            "period": "2024-01-01",
            "area": "GM0396",
            "value": "39450",
            "unit": "aantal",
            "status": "definitief",
        },
        {
            "series": "wmo-gebruikers",
            "period": "2025",
            "area": "GM0396",
            "value": "3300",
            "unit": "aantal",
            "status": "voorlopig",
        },
        {
            "series": "inwoners",
            "period": "2025",
            "area": "GM0396",
            "value": "39600",
            "unit": "aantal",
            "status": "definitief",
        },
    ]
    assert koers(loaded, "import", str(write_csv(tmp_path / "n.csv", counts)))[0] == 0
    code, outcome = koers(loaded, "derive", "ZW-05", "--numerator", "wmo-gebruikers", "--denominator", "inwoners")
    assert (code, outcome["new"]) == (0, 2)
    _, rates = koers(loaded, "measurements", "--goal", "ZW-05")
    by_period = {m["period"]: m for m in rates}
    assert by_period["2024"]["value"] == pytest.approx(3200 / 39450 * 1000)
    assert by_period["2024"]["status"] == "final"
    assert by_period["2025"]["status"] == "provisional"  # one input is provisional
    assert by_period["2024"]["unit"] == "rate/1000/inwoners"
    derivation = by_period["2024"]["derivation"]
    assert derivation["formula"] == "wmo-gebruikers / inwoners × 1000"
    assert derivation["inputs"]["denominator"] == {
        "subject": "inwoners",
        "period": "2024-01-01",
        "area": "GM0396",
        "version": 1,
        "value": 39450.0,
        "status": "final",
    }
    code, again = koers(loaded, "derive", "ZW-05", "--numerator", "wmo-gebruikers", "--denominator", "inwoners")
    assert (code, again["added"]) == (0, 0)


def test_derive_refuses_a_goal_that_is_not_a_rate(loaded: str) -> None:
    code, output = koers(loaded, "derive", "FF-01", "--numerator", "a", "--denominator", "b")
    assert code == 2
    assert "per 1.000" in output


# -- export -------------------------------------------------------------------------------


def test_an_export_imports_again_without_changes(loaded: str, tmp_path: Path) -> None:
    koers(loaded, "import", str(write_csv(tmp_path / "m.csv", ROWS)))
    out = tmp_path / "export.csv"
    code, written = koers(loaded, "export", "--to", str(out))
    assert (code, written["rows"]) == (0, 3)
    code, again = koers(loaded, "import", str(out))
    assert (code, again["added"], again["unchanged"]) == (0, 0, 3)


def test_export_to_excel_with_history(loaded: str, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    koers(loaded, "import", str(write_csv(tmp_path / "a.csv", ROWS)))
    koers(loaded, "import", str(write_csv(tmp_path / "b.csv", [{**ROWS[0], "value": "5601"}])))
    out = tmp_path / "export.xlsx"
    code, written = koers(loaded, "export", "--to", str(out), "--history")
    assert (code, written["rows"]) == (0, 4)
    sheet = load_workbook(out)["measurements"]
    header = [c.value for c in sheet[1]]
    values = sorted(
        (row[header.index("value")], row[header.index("version")])
        for row in sheet.iter_rows(min_row=2, values_only=True)
    )
    assert values == [(58.5, 1), (1200, 1), (5500, 1), (5601, 2)]


# -- calendar on stored data ----------------------------------------------------------------


def test_due_uses_the_latest_stored_measurement(loaded: str, tmp_path: Path) -> None:
    rows = [{"goal": "FF-01", "period": p, "area": "GM0396", "value": "5500"} for p in ("2025-H1", "2025-H2")]
    koers(loaded, "import", str(write_csv(tmp_path / "m.csv", rows)))
    _, items = koers(loaded, "due", "--as-of", "2026-06-30")
    ff = next(i for i in items if i["goal"] == "FF-01")
    assert (ff["anchor"], ff["expected"], ff["status"]) == ("2025-H2", "2026-H1", "upcoming")
    _, items = koers(loaded, "due", "--as-of", "2026-07-01")
    assert next(i for i in items if i["goal"] == "FF-01")["status"] == "due"
    _, items = koers(loaded, "due", "--as-of", "2026-09-29")
    assert next(i for i in items if i["goal"] == "FF-01")["status"] == "overdue"
