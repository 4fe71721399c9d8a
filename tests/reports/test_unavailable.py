# SPDX-License-Identifier: EUPL-1.2
"""Figures that are not there, and latest figures that are out of date, in the report: the
model keeps them, every format shows 'n.b. (reason)' (never 0) and marks an out-of-date
latest figure 'verouderd', and the chart leaves a gap with the code written at the bottom.

The data is ``tests/data/imports/heemskerk-2024-unavailable.csv`` (a municipal table with
n.b., n.n.b. and n.v.t. cells) stored in SQLite; the report is for 2026-H1, so FF-02's only
figure (2024, yearly) is out of date.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from openpyxl import load_workbook

from koers.domain.assessment import assess
from koers.domain.measurements import Measurement, MeasurementStatus, Unavailable
from koers.domain.periods import Period
from koers.domain.plan import Plan
from koers.reports.charts import goal_chart, text_alternative
from koers.reports.docx import write_docx
from koers.reports.html import render_html
from koers.reports.model import Report, build_report
from koers.reports.xlsx import write_xlsx
from koers.store.database import open_engine
from koers.store.plans import load_stored_plan
from tests.conftest import HEEMSKERK_2024
from tests.store.conftest import koers

TABLE = Path(__file__).resolve().parents[1] / "data" / "imports" / "heemskerk-2024-unavailable.csv"
REASON = "cijfer wordt door CBS niet meer gepubliceerd"
SHOWN = f"n.b. ({REASON})"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    url = f"sqlite:///{tmp_path_factory.mktemp('unavailable') / 'koers.db'}"
    assert koers(url, "db", "upgrade")[0] == 0
    assert koers(url, "plan", "load", str(HEEMSKERK_2024))[0] == 0
    assert koers(url, "import", str(TABLE))[0] == 0
    engine = open_engine(url)
    return build_report(engine, load_stored_plan(engine), Period.parse("2026-H1"))


def section(report: Report, goal: str) -> Any:
    return next(g for g in report.goals if g.goal.id == goal)


def test_the_model_keeps_the_figure_that_is_not_there(report: Report) -> None:
    [vw01] = section(report, "VW-01").measurements
    assert (vw01.value, vw01.unavailable, vw01.note) == (None, Unavailable.NOT_AVAILABLE, REASON)
    assert section(report, "FF-02").assessment.stale
    assert not section(report, "FF-01").assessment.stale  # its n.n.b. for 2024-H2 accounts for the period


def test_the_html_shows_code_and_reason_and_marks_an_old_latest_figure(report: Report) -> None:
    html = render_html(report)
    assert f'<td class="num">{SHOWN}</td>' in html
    assert "n.a. (geen scholen in dit gebied)" in html
    ff02 = html[html.index('href="#doel-FF-02"') :].split("</tr>")[0]
    assert 'class="tag stale"' in ff02 and "verouderd" in ff02
    ff01 = html[html.index('href="#doel-FF-01"') :].split("</tr>")[0]
    assert "verouderd" not in ff01


def test_the_word_document_shows_code_and_reason(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    write_docx(report, path)
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert SHOWN in cells
    table = next(t for t in doc.tables if "Laatste waarde" in [c.text for c in t.rows[0].cells])
    latest = [c.text for c in table.rows[0].cells].index("Laatste waarde")
    overview = {r.cells[0].text: r.cells[latest].text for r in table.rows}
    assert overview["FF-02"].endswith("verouderd") and "verouderd" not in overview["FF-01"]
    verdicts = [p.text for p in doc.paragraphs if "(verouderd)." in p.text]
    assert len(verdicts) == sum(g.assessment.stale for g in report.goals)


def test_the_workbook_shows_code_and_reason_never_0(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    write_xlsx(report, path)
    book = load_workbook(path)
    measured = list(book["Metingen"].iter_rows(values_only=True))
    top = next(i for i, r in enumerate(measured) if "waarde" in r)  # below the illustrative note
    header = measured[top]
    by_point = {(r[0], r[1]): r[header.index("waarde")] for r in measured[top + 1 :]}
    assert by_point[("VW-01", "2024")] == SHOWN
    assert by_point[("FF-01", "2e helft 2024")].startswith("n.n.b. (")
    goals = list(book["Doelen"].iter_rows(values_only=True))
    first = next(i for i, r in enumerate(goals) if "verouderd" in r)
    stale = {r[0]: r[goals[first].index("verouderd")] for r in goals[first + 1 :]}
    assert stale["FF-02"] is True and stale["FF-01"] is False


# -- the chart --------------------------------------------------------------------------------


def _chart(plan: Plan, figures: list[Measurement]) -> tuple[dict[str, Any], str]:
    goal = next(g for g in plan.goals if g.id == "FF-01")
    assessment = assess(goal, figures, as_of=date(2026, 3, 1), municipality="GM0396")
    spec = goal_chart(goal, assessment, figures)
    assert spec is not None
    return spec, text_alternative(goal, assessment, figures)


def _m(period: str, value: float | None, **fields: Any) -> Measurement:
    return Measurement("FF-01", Period.parse(period), "GM0396", value, **fields)


def test_the_chart_leaves_a_gap_never_a_0(heemskerk_2024: Plan) -> None:
    figures = [
        _m("2023", 5377),
        _m("2024-H1", 5450),
        _m("2024-H2", None, unavailable=Unavailable.NOT_YET_KNOWN, note="levering vertraagd"),
        _m("2025-H1", 5610),
        _m("2025-H2", 5700, status=MeasurementStatus.PROVISIONAL),
    ]
    spec, _text = _chart(heemskerk_2024, figures)
    layers = {layer["name"]: layer for layer in spec["layer"]}
    drawn = layers["measurements"]["data"]["values"]
    assert [(r["period"], r["value"], r["segment"]) for r in drawn] == [
        ("2023", 5377, 0),
        ("1e helft 2024", 5450, 0),
        ("1e helft 2025", 5610, 1),  # a new stretch of line: the gap is not bridged
        ("2e helft 2025", 5700, 1),
    ]
    detail = layers["measurements-line"]["encoding"]["detail"]
    assert {d["field"] for d in detail} == {"series", "segment"}
    [gap] = layers["unavailable"]["data"]["values"]
    assert (gap["date"], gap["label"]) == ("2024-12-31", "n.n.b.")
    assert gap["tip"].endswith("2e helft 2024: n.n.b. (levering vertraagd)")
    assert all(
        r.get("value") not in (0, None)
        for layer in spec["layer"]
        for r in layer.get("data", {}).get("values", [])
        if "value" in r
    )


def test_the_text_alternative_says_the_latest_figure_is_not_there(heemskerk_2024: Plan) -> None:
    figures = [
        _m("2023", 5377),
        _m("2024-H1", 5450),
        _m("2024-H2", None, unavailable=Unavailable.NOT_AVAILABLE, note="bron gestopt"),
    ]
    spec, text = _chart(heemskerk_2024, figures)
    assert "Laatste meting 2e helft 2024: n.b. (bron gestopt)." in text
    assert "unavailable" in {layer["name"] for layer in spec["layer"]}


def test_only_figures_that_are_not_there_make_no_chart(heemskerk_2024: Plan) -> None:
    goal = next(g for g in heemskerk_2024.goals if g.id == "FF-06")  # no baseline
    figures = [
        Measurement("FF-06", Period.parse("2024-H1"), "GM0396", None, unavailable=Unavailable.NOT_APPLICABLE, note="x")
    ]
    assessment = assess(goal, figures, as_of=date(2026, 3, 1), municipality="GM0396")
    assert goal_chart(goal, assessment, figures) is None
