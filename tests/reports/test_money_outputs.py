# SPDX-License-Identifier: EUPL-1.2
"""Money per challenge in the outputs beyond the report and the pages: the JSON API (the plan's
money section on /api/plan, /api/money per challenge and year), the Excel report (sheet Geld:
amounts as currency cells, the share spent as a percentage) and the slides (the money line on
each challenge's slide, whole). On the made-up plan of Waterlinde with its money file: one
challenge with all three amounts, one whose realisatie comes from two taakvelden (with cents),
and one with only a begroting.
"""

from __future__ import annotations

import warnings
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pptx import Presentation
from pptx.util import Pt

from koers.domain.periods import Period
from koers.reports.model import Report, build_report
from koers.reports.pptx import BODY_BOTTOM, write_pptx
from koers.reports.xlsx import EURO_CENTS_FORMAT, SHARE_FORMAT, write_xlsx
from koers.store.database import open_engine
from koers.store.plans import load_stored_plan
from tests.store.conftest import koers

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

from koers.web.app import create_app

DATA = Path(__file__).parents[1] / "data"
PLAN = DATA / "plans" / "money-waterlinde.yaml"
MONEY = DATA / "money" / "waterlinde.csv"
PERIOD = Period.parse("2026-H1")
MEEDOEN = "In 2025 is € 3,2 mln uitgegeven van € 3,4 mln begroot (94%)."
ZORG = "In 2025 is € 8,0 mln uitgegeven van € 8,1 mln begroot (99%)."
JONG = "In 2025 is € 5,6 mln begroot; er is nog geen realisatie."


@pytest.fixture(scope="module")
def waterlinde(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('money') / 'koers.db'}"
    for args in (("db", "upgrade"), ("plan", "load", str(PLAN)), ("money", "import", str(MONEY))):
        code, out = koers(url, *args)
        assert code == 0, (args, out)
    return url


@pytest.fixture(scope="module")
def report(waterlinde: str) -> Report:
    engine = open_engine(waterlinde)
    return build_report(engine, load_stored_plan(engine), PERIOD)


# -- the JSON API -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def client(waterlinde: str) -> TestClient:
    return TestClient(create_app(waterlinde, today=date(2026, 7, 15)))


def test_api_money_gives_every_challenge_per_year_with_the_share_spent_and_the_sources(client: TestClient) -> None:
    data = client.get("/api/money").json()
    assert {k: data[k] for k in ("plan", "period", "as_of", "illustrative", "currency")} == {
        "plan": "GM9931/waterlinde-zorgt-voor-elkaar",
        "period": "2026-H1",
        "as_of": "2026-06-30",
        "illustrative": False,
        "currency": "EUR",
    }
    challenges = {c["id"]: c for c in data["challenges"]}
    assert list(challenges) == ["meedoen", "zorg-dichtbij", "jong-in-waterlinde"]  # the plan's order
    assert challenges["meedoen"] == {
        "id": "meedoen",
        "name": "Iedereen doet mee",
        "latest_year": 2025,
        "summary": MEEDOEN,
        "years": [
            {
                "year": 2025,
                "budget": 3250000.0,
                "revised_budget": 3400000.0,
                "actual": 3196000.0,
                "current_budget": 3400000.0,
                "spent_share": 0.94,
                "sources": {
                    "budget": "Begroting 2025",
                    "revised_budget": "Najaarsnota 2025",
                    "actual": "Jaarstukken 2025",
                },
            }
        ],
    }
    zorg = challenges["zorg-dichtbij"]["years"][0]
    assert (zorg["actual"], zorg["revised_budget"], zorg["current_budget"]) == (8000250.5, None, 8120500.0)
    assert zorg["spent_share"] == 0.9852  # 6.71 and 6.81 added up, against the begroting
    assert zorg["sources"]["actual"] == "Jaarstukken 2025"  # named once for both taakvelden
    jong = challenges["jong-in-waterlinde"]
    assert (jong["summary"], jong["years"][0]["actual"], jong["years"][0]["spent_share"]) == (JONG, None, None)


def test_api_plan_carries_the_money_section(client: TestClient) -> None:
    money = client.get("/api/plan").json()["money"]
    assert money["total"] == {"amount": 17000500.0, "year": 2025, "basis": "begroting 2025", "note": None}
    assert money["tolerance"] == 0.0
    assert {t["taakveld"]: t["challenge"] for t in money["taakvelden"]} == {
        "6.1": "meedoen",
        "6.71": "zorg-dichtbij",
        "6.81": "zorg-dichtbij",
        "6.72": "jong-in-waterlinde",
    }


# -- the Excel report -------------------------------------------------------------------------


def _geld(report: Report, path: Path, name: str = "Geld") -> list[list[Any]]:
    write_xlsx(report, path)
    sheet = load_workbook(path)[name]
    return [list(row) for row in sheet.iter_rows()]


def test_the_workbook_has_a_sheet_geld_with_currency_cells_and_the_share_as_a_percentage(
    report: Report, tmp_path: Path
) -> None:
    rows = _geld(report, tmp_path / "rapportage.xlsx")
    assert [c.value for c in rows[0]] == [
        "opgave",
        "jaar",
        "begroot",
        "gewijzigde begroting",
        "gerealiseerd",
        "besteed",
        "bron",
    ]
    values = {row[0].value: [c.value for c in row] for row in rows[1:]}
    assert values["Iedereen doet mee"] == [
        "Iedereen doet mee",
        2025,
        3250000,
        3400000,
        3196000,
        0.94,
        "Begroting 2025; Najaarsnota 2025; Jaarstukken 2025",
    ]
    assert values["Zorg dichtbij"][2:6] == [8120500, None, 8000250.5, 0.99]
    assert values["Jong in Waterlinde"][2:6] == [5630000, None, None, None]
    for row in rows[1:]:
        for cell in row[2:5]:
            if cell.value is not None:  # a number, in euro: one amount has cents, so all show them
                assert (cell.data_type, cell.number_format) == ("n", EURO_CENTS_FORMAT), cell.coordinate
        share = row[5]
        if share.value is not None:
            assert (share.data_type, share.number_format) == ("n", SHARE_FORMAT)
    assert EURO_CENTS_FORMAT.startswith("[$€-413]")  # Excel's own euro currency, not text around a number


def test_the_sheet_keeps_a_sly_name_as_text_and_speaks_english(report: Report, tmp_path: Path) -> None:
    sly = '=HYPERLINK("http://example.invalid","klik")'
    challenges = [replace(c, challenge=c.challenge.model_copy(update={"name": sly})) for c in report.challenges[:1]]
    rows = _geld(replace(report, challenges=challenges + report.challenges[1:]), tmp_path / "sly.xlsx")
    cell = rows[1][0]
    assert (cell.value, cell.data_type, cell.quotePrefix) == (sly, "s", True)
    english = _geld(replace(report, lang="en"), tmp_path / "en.xlsx", "Money")
    assert [c.value for c in english[0]] == [
        "challenge",
        "year",
        "budgeted",
        "revised budget",
        "actual",
        "share spent",
        "source",
    ]


# -- the slides -------------------------------------------------------------------------------


def test_the_slides_say_besteed_against_begroot_per_challenge(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "slides.pptx"
    write_pptx(report, path)
    deck = Presentation(str(path))
    (slide,) = [s for s in deck.slides if s.shapes.title.text_frame.text == "Besteed en begroot"]
    assert deck.slides.index(slide) == 2  # right after the overall picture
    (box,) = [s for s in slide.shapes if s.has_text_frame and s != slide.shapes.title]
    assert [p.text for p in box.text_frame.paragraphs] == [
        "Iedereen doet mee",
        MEEDOEN,
        "Zorg dichtbij",
        ZORG,
        "Jong in Waterlinde",
        JONG,
    ]
    assert all(r.font.size >= Pt(18) for p in box.text_frame.paragraphs for r in p.runs)
    assert box.top + box.height <= BODY_BOTTOM
    assert f"Zorg dichtbij: {ZORG}" in slide.notes_slide.notes_text_frame.text
