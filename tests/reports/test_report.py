# SPDX-License-Identifier: EUPL-1.2
"""The Heemskerk monitoring report in every format, checked by reading it back: every goal
and challenge present, charts present, a sane number of pages, illustrative figures labelled,
concept texts marked, written explanations shown, nothing loaded from elsewhere; and the same
report in English."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from sqlalchemy import Engine

from koers.domain.periods import Period
from koers.planfile import read_plan
from koers.reports.docx import write_docx
from koers.reports.html import render_html
from koers.reports.model import Report, build_report
from koers.reports.pdf import write_pdf
from koers.reports.xlsx import write_xlsx
from koers.store.database import open_engine
from koers.store.explanations import write_explanation
from koers.store.plans import StoredPlan, load_stored_plan
from tests.conftest import HEEMSKERK_2024
from tests.store.conftest import koers

PERIOD = Period.parse("2026-H1")
WRITTEN = "Het **Serviceplein** helpt meer inwoners bij de aanvraag. <script>alert(1)</script>"


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> tuple[Engine, StoredPlan]:
    url = f"sqlite:///{tmp_path_factory.mktemp('report') / 'koers.db'}"
    assert koers(url, "demo-data", "--seed", "2024", "--as-of", "2026-11-23")[0] == 0
    engine = open_engine(url)
    stored = load_stored_plan(engine)
    write_explanation(engine, stored.id, "FF-01", PERIOD, WRITTEN, author="jansen")
    return engine, stored


@pytest.fixture(scope="module")
def report(database: tuple[Engine, StoredPlan]) -> Report:
    return build_report(*database, PERIOD, status="vastgesteld")


@pytest.fixture(scope="module")
def english(database: tuple[Engine, StoredPlan]) -> Report:
    return build_report(*database, PERIOD, status="vastgesteld", lang="en")


@pytest.fixture(scope="module")
def html(report: Report) -> str:
    return render_html(report)


@pytest.fixture(scope="module")
def pdf_text(report: Report, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, int, Path]:
    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    write_pdf(report, path)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    return text, pages, path


def words(text: str) -> str:
    return " ".join(text.split())


def test_every_goal_statement_and_challenge_is_in_the_pdf(pdf_text: tuple[str, int, Path]) -> None:
    text = words(pdf_text[0])
    plan = read_plan(HEEMSKERK_2024)
    for challenge in plan.challenges:
        assert challenge.name in text
    for goal in plan.goals:
        assert words(goal.statement)[:60] in text, goal.id  # hyphenation may split the end of a long line


def test_the_pdf_has_a_sane_number_of_pages_and_a_cover(pdf_text: tuple[str, int, Path]) -> None:
    text, pages, _ = pdf_text
    assert 30 <= pages <= 80
    assert (
        "Tagged:          yes"
        in subprocess.run(["pdfinfo", str(pdf_text[2])], capture_output=True, text=True, check=True).stdout
    )
    assert "Monitoringsrapportage 1e helft 2026" in text
    assert "Vastgesteld" in text
    assert "Illustratieve cijfers." in text
    assert f"3 / {pages}" in text  # page numbers


def test_the_html_is_one_self_contained_file(html: str) -> None:
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="nl">' in html
    assert not re.search(r"""(src|href)=["']https?://""", html)
    assert "@import" not in html and "url(http" not in html


def test_charts_and_their_text_alternatives(html: str, report: Report) -> None:
    drawn = html.count('<figure class="chart">')
    assert drawn >= 20  # every goal with a baseline or figures; the demo data gives most of them
    assert html.count('role="img"') == drawn
    assert "Nulmeting 2023: 5.377" in html  # FF-01's text alternative, Dutch number format


def test_written_explanations_are_shown_sanitised_and_concepts_marked(html: str) -> None:
    ff01 = html[html.index('id="doel-FF-01"') : html.index('id="doel-FF-02"')]
    assert "Het <strong>Serviceplein</strong> helpt meer inwoners" in ff01
    assert "<script>" not in ff01
    assert "jansen" in ff01
    assert "concepttekst" not in ff01
    ff02 = html[html.index('id="doel-FF-02"') : html.index('id="doel-FF-03"')]
    assert "concepttekst, automatisch gemaakt uit de cijfers" in ff02


def test_the_annexes_hold_method_sources_and_smart_findings(html: str) -> None:
    assert "Bijlage: zo beoordelen we de voortgang" in html
    assert "illustratief (gegenereerd door koers demo-data, seed 2024)" in html
    assert "target-not-measurable-in-time" not in html  # codes stay out; the messages are shown
    assert "niet in 2027" in html  # VW-01's SMART finding, in words


def test_the_word_document_has_headings_tables_and_charts(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    write_docx(report, path)
    doc = Document(str(path))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    for goal in read_plan(HEEMSKERK_2024).goals:
        assert any(h.startswith(goal.id) for h in headings), goal.id
    assert len(doc.tables) > 20
    assert len(doc.inline_shapes) >= 20
    assert "Illustratieve cijfers" in " ".join(p.text for p in doc.paragraphs[:8])


def test_the_workbook_holds_every_goal(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    write_xlsx(report, path)
    sheet = load_workbook(path)["Doelen"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0].startswith("ILLUSTRATIEVE CIJFERS")
    ids = [r[0] for r in rows[2:]]
    assert ids == [g.id for g in read_plan(HEEMSKERK_2024).goals]


def test_the_cli_writes_each_format_and_refuses_to_overwrite(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'koers.db'}"
    koers(url, "db", "upgrade")
    koers(url, "plan", "load", str(HEEMSKERK_2024))
    out = tmp_path / "r.xlsx"
    code, written = koers(url, "report", "--period", "2026-H1", "--out", str(out))
    assert (code, written["format"], written["goals"], written["illustrative"]) == (0, "xlsx", 28, False)
    assert koers(url, "report", "--period", "2026-H1", "--out", str(out))[0] == 2
    assert koers(url, "report", "--period", "2026-H3", "--out", str(tmp_path / "x.pdf"))[0] == 2
    assert koers(url, "report", "--period", "2026-H1", "--out", str(tmp_path / "x.txt"))[0] == 2


# -- in English --------------------------------------------------------------------------------

#: Words of the report's own text (not the plan's) that an English report must not show.
DUTCH = ("Monitoringsrapportage", "Samenvatting", "Bijlage", "Gemaakt met koers", "Marge (95%)", "stand per")


def test_the_html_in_english(english: Report, html: str) -> None:
    page = render_html(english)
    assert '<html lang="en">' in page
    assert "<title>Monitoring report first half of 2026 – " in page
    assert "Municipality of Heemskerk" in page and ">Adopted</dd>" in page
    assert "Interval (95%)" in page and "Mandatory BBV indicators – " in page
    assert "If at least 95% of the step needed so far has been made, the goal is on track. At 60% there" in page
    assert "Baseline 2023: 5,377" in page  # FF-01's text alternative, English number format
    assert [word for word in DUTCH if word in page] == []
    assert "Monitoring report" not in html and "Municipality of" not in html  # and no English in Dutch


def test_the_word_document_in_english(english: Report, tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    write_docx(english, path)
    doc = Document(str(path))
    assert doc.core_properties.title == "Monitoring report first half of 2026"
    texts = [p.text for p in doc.paragraphs]
    assert {"Municipality of Heemskerk", "Summary", "Annex: measurability findings"} <= set(texts)
    assert any(t.startswith("Status: Adopted · Date: ") for t in texts)
    assert [word for word in DUTCH if any(word in t for t in texts)] == []
    assert [c.text for c in doc.tables[0].rows[0].cells] == ["Goal", "Status", "Latest value", "Target"]


def test_the_workbook_in_english(english: Report, tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    write_xlsx(english, path)
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Goals", "Measurements", "BBV", "Summary", "Measurability"]
    rows = list(workbook["Goals"].iter_rows(values_only=True))
    assert rows[0][0] == "ILLUSTRATIVE FIGURES: not real measurements."
    assert rows[1][:5] == ("goal", "challenge", "statement", "status", "reason")
    assert rows[1][-2:] == ("explanation", "concept")
    assert next(workbook["Measurability"].iter_rows(min_row=2, max_row=2, values_only=True)) == (
        "goal",
        "code",
        "severity",
        "message",
    )
