# SPDX-License-Identifier: EUPL-1.2
"""``koers money import`` on SQLite and PostgreSQL: a good file, every located problem, the dry
run, all or nothing, versions (the latest counts), and the report and dashboard showing it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from koers.domain.money import AmountKind
from koers.store.database import open_engine
from koers.store.money import current_amounts
from koers.store.plans import load_stored_plan
from koers.store.tables import amounts, imports
from tests.conftest import ROOT
from tests.importers.cbs.recorded import RecordedCBS
from tests.store.conftest import count, koers

MONEY = ROOT / "tests" / "data" / "money"
WATERLINDE = ROOT / "tests" / "data" / "plans" / "money-waterlinde.yaml"


@pytest.fixture
def waterlinde(db_url: str) -> str:
    assert koers(db_url, "db", "upgrade")[0] == 0
    assert koers(db_url, "plan", "load", str(WATERLINDE))[0] == 0
    return db_url


def _engine(db_url: str) -> Engine:
    return open_engine(db_url)


def test_a_good_file_is_stored_per_challenge_with_taakvelden_added_up(waterlinde: str) -> None:
    code, out = koers(waterlinde, "money", "import", str(MONEY / "waterlinde.csv"), "--user", "controller")
    assert code == 0, out
    assert out == {"rows": 7, "amounts": 6, "added": 6, "unchanged": 0, "dry_run": False, "import_id": out["import_id"]}
    engine = _engine(waterlinde)
    stored = {(a.challenge, a.year, a.kind): a.amount for a in current_amounts(engine, load_stored_plan(engine).id)}
    assert stored[("zorg-dichtbij", 2025, AmountKind.ACTUAL)] == 8_000_250.5  # 6.71 + 6.81
    assert stored[("meedoen", 2025, AmountKind.REVISED)] == 3_400_000
    assert sum(v for (_, _, k), v in stored.items() if k is AmountKind.BUDGET) == 17_000_500  # the plan's total
    code, again = koers(waterlinde, "money", "import", str(MONEY / "waterlinde.csv"))
    assert (code, again["added"], again["unchanged"], again["import_id"]) == (0, 0, 6, None)
    assert count(engine, amounts) == 6


def test_a_changed_amount_is_a_new_version_and_the_latest_counts(waterlinde: str, tmp_path: Path) -> None:
    assert koers(waterlinde, "money", "import", str(MONEY / "waterlinde.csv"))[0] == 0
    revised = tmp_path / "najaarsnota.csv"
    revised.write_text(
        "opgave;jaar;soort;bedrag;bron\nmeedoen;2025;gewijzigd;3.450.000;Najaarsnota 2025 (2)\n", "utf-8"
    )
    code, out = koers(waterlinde, "money", "import", str(revised))
    assert (code, out["added"]) == (0, 1)
    engine = _engine(waterlinde)
    current = current_amounts(engine, load_stored_plan(engine).id)
    assert [a.amount for a in current if a.challenge == "meedoen" and a.kind is AmountKind.REVISED] == [3_450_000]
    assert count(engine, amounts) == 7  # the old version stays


def test_a_dry_run_counts_and_stores_nothing(waterlinde: str) -> None:
    code, out = koers(waterlinde, "money", "import", str(MONEY / "waterlinde.csv"), "--dry-run")
    assert (code, out["added"], out["dry_run"], out["import_id"]) == (0, 6, True, None)
    engine = _engine(waterlinde)
    assert (count(engine, amounts), count(engine, imports)) == (0, 0)


def test_every_problem_is_located_and_nothing_is_stored(waterlinde: str) -> None:
    code, out = koers(waterlinde, "money", "import", str(MONEY / "waterlinde-broken.csv"))
    assert code == 2
    assert [(p["row"], p["column"], p["code"]) for p in out["problems"]] == [
        (3, "challenge", "unknown-challenge"),
        (4, "taakveld", "unknown-taakveld"),
        (5, "year", "invalid-year"),
        (6, "kind", "unknown-kind"),
        (7, "amount", "invalid-amount"),
        (8, "challenge", "no-challenge"),
        (9, "challenge", "challenge-and-taakveld"),
        (10, "amount", "duplicate-row"),
    ]
    assert out["problem_count"] == 8
    assert count(_engine(waterlinde), amounts) == 0  # row 2 is good, and not stored either


def test_a_file_without_the_columns_says_which_are_missing(waterlinde: str, tmp_path: Path) -> None:
    bare = tmp_path / "bedragen.csv"
    bare.write_text("jaar;bedrag\n2025;100\n", "utf-8")
    code, out = koers(waterlinde, "money", "import", str(bare))
    assert code == 2
    assert [(p["code"], p["field"], p["row"]) for p in out["problems"]] == [
        ("missing-column", "challenge", 1),
        ("missing-column", "kind", 1),
    ]


def test_an_excel_file_is_read_like_a_csv_file(waterlinde: str, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["challenge", "year", "kind", "amount"], ["meedoen", 2025, "realisatie", 3196000.0]):
        sheet.append(row)
    path = tmp_path / "realisatie.xlsx"
    book.save(path)
    code, out = koers(waterlinde, "money", "import", str(path))
    assert (code, out["added"]) == (0, 1), out


def test_the_report_and_the_challenge_page_show_besteed_and_begroot(waterlinde: str, tmp_path: Path) -> None:
    assert koers(waterlinde, "money", "import", str(MONEY / "waterlinde.csv"))[0] == 0
    out = tmp_path / "rapportage.html"
    code, _ = koers(waterlinde, "report", "--period", "2026-H1", "--out", str(out))
    assert code == 0
    html = out.read_text(encoding="utf-8")
    assert "Besteed en begroot: Iedereen doet mee" in html
    assert "€ 3.400.000" in html and "94%" in html
    assert "In 2025 is € 3,2 mln uitgegeven van € 3,4 mln begroot (94%)." in html
    from fastapi.testclient import TestClient

    from koers.web.app import create_app

    with TestClient(create_app(waterlinde, today=date(2026, 7, 15))) as client:
        page = client.get("/opgaven/zorg-dichtbij").text
        overview = client.get("/").text
    assert "Besteed en begroot" in page and "€ 8.000.250" in page and "€ 8.120.500" in page
    assert "In 2025 is € 8,0 mln uitgegeven van € 8,1 mln begroot (99%)." in overview


def test_the_demo_adds_illustrative_money_that_starts_at_the_plans_budgets(db_url: str) -> None:
    code, _ = koers(db_url, "demo-data", "--as-of", "2026-12-10")
    assert code == 0
    engine = _engine(db_url)
    stored = load_stored_plan(engine)
    found = current_amounts(engine, stored.id)
    budgets = {a.challenge: a.amount for a in found if a.kind is AmountKind.BUDGET and a.year == 2024}
    assert budgets == {c.id: c.budget.amount for c in stored.plan.challenges if c.budget}
    assert stored.plan.money is not None and stored.plan.money.total is not None
    assert sum(budgets.values()) == stored.plan.money.total.amount
    assert all("illustratief" in (a.source or "") for a in found)
    assert not [a for a in found if a.kind is AmountKind.ACTUAL and a.year == 2026]  # the year has not ended


def test_the_word_report_has_the_table_and_the_sentence(waterlinde: str, tmp_path: Path) -> None:
    from docx import Document

    assert koers(waterlinde, "money", "import", str(MONEY / "waterlinde.csv"))[0] == 0
    out = tmp_path / "rapportage.docx"
    assert koers(waterlinde, "report", "--period", "2026-H1", "--out", str(out))[0] == 0
    document = Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "Besteed en begroot: Zorg dichtbij" in text
    assert "In 2025 is € 8,0 mln uitgegeven van € 8,1 mln begroot (99%)." in text
    assert "€ 8.120.500" in cells and "99%" in cells


@pytest.fixture
def iv3_table(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> RecordedCBS:
    """CBS answering with the made Iv3 table 99998NED (tests/data/cbs/README.md)."""
    from koers.cli import fetch

    monkeypatch.setenv("KOERS_CBS_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("KOERS_CBS_BASE_URL", raising=False)
    answers = RecordedCBS(ignore_filter=True)
    monkeypatch.setattr(fetch, "TRANSPORT", answers.transport)
    return answers


def test_iv3_figures_from_cbs_are_stored_per_challenge_with_their_provenance(
    waterlinde: str, iv3_table: RecordedCBS
) -> None:
    code, out = koers(waterlinde, "fetch", "iv3", "99998NED", "--kind", "realisatie", "--user", "controller")
    assert code == 0, out
    assert (out["rows"], out["amounts"], out["added"]) == (6, 5, 5)  # zorg-dichtbij 2024 lacks 6.81: left out
    engine = _engine(waterlinde)
    stored = {(a.challenge, a.year): a for a in current_amounts(engine, load_stored_plan(engine).id)}
    assert stored[("zorg-dichtbij", 2023)].amount == 7_840_000
    assert stored[("meedoen", 2024)].source == "CBS 99998NED, voorlopig"
    assert ("zorg-dichtbij", 2024) not in stored
    with engine.connect() as conn:
        log = conn.execute(select(imports.c.kind, imports.c.file_name, imports.c.imported_by)).one()
    assert tuple(log) == ("cbs-iv3", "CBS 99998NED", "controller")
    again = koers(waterlinde, "fetch", "iv3", "99998NED", "--kind", "realisatie")[1]
    assert (again["added"], again["unchanged"]) == (0, 5)


def test_an_iv3_fetch_without_a_mapping_in_the_plan_says_where_to_put_it(db_url: str, iv3_table: RecordedCBS) -> None:
    assert koers(db_url, "db", "upgrade")[0] == 0
    assert koers(db_url, "plan", "load", str(ROOT / "tests" / "data" / "plans" / "fictional-plan.yaml"))[0] == 0
    code, out = koers(db_url, "fetch", "iv3", "99998NED", "--kind", "realisatie")
    assert code != 0 and "money: taakvelden" in out
    assert iv3_table.requests == []  # nothing asked of CBS
