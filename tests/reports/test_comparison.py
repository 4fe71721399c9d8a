# SPDX-License-Identifier: EUPL-1.2
"""The comparison with other municipalities in the report: HTML, PDF and Word, and its chart.

Zuiderhaven (tests/data/plans/peers-zuiderhaven.yaml) with its figures and those of its peers,
its size class and the Netherlands (tests/data/imports/peers-zuiderhaven.csv), imported as a
municipality would. Per indicator the report holds the sentences, the bar chart and the same
figures as a table; the goal's own pages keep only the municipality's figures.
"""

from __future__ import annotations

import re
import subprocess
from html import unescape
from pathlib import Path

import pytest
from docx import Document
from sqlalchemy import Engine

from koers.domain.periods import Period
from koers.reports.charts import BLUE, PNG_SCALE, WIDTH, render_png
from koers.reports.comparison import load_comparison_section
from koers.reports.comparison_charts import OTHER_GREY, comparison_chart
from koers.reports.docx import write_docx
from koers.reports.html import render_html
from koers.reports.model import Report, build_report
from koers.reports.pdf import write_pdf
from koers.store.database import open_engine
from koers.store.plans import StoredPlan, load_stored_plan
from tests.store.conftest import koers

DATA = Path(__file__).resolve().parents[1] / "data"
PLAN = DATA / "plans" / "peers-zuiderhaven.yaml"
FIGURES = DATA / "imports" / "peers-zuiderhaven.csv"
PERIOD = Period.parse("2025-H1")
SCREENS = Path("/tmp/koers-screens")
BIJSTAND = (
    "Zuiderhaven zit onder het gemiddelde van vergelijkbare gemeenten (Noorderveld en Oostmeer): "
    "250,0 per 10.000 inwoners van 18 jaar en ouder tegenover 320,0."
)


def load(url: str, figures: Path = FIGURES) -> tuple[Engine, StoredPlan]:
    assert koers(url, "db", "upgrade")[0] == 0
    assert koers(url, "plan", "load", str(PLAN))[0] == 0
    code, out = koers(url, "import", str(figures))
    assert code == 0, out
    engine = open_engine(url)
    return engine, load_stored_plan(engine)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    url = f"sqlite:///{tmp_path_factory.mktemp('comparison') / 'koers.db'}"
    return build_report(*load(url), PERIOD)


@pytest.fixture(scope="module")
def html(report: Report) -> str:
    return render_html(report)


def section(html: str) -> str:
    found = re.search(r'<section id="vergelijking">(.*?)</section>', html, re.S)
    assert found is not None, "the report has no comparison section"
    return found.group(1)


def text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<svg.*?</svg>", "", html, flags=re.S))).split())


def test_the_section_holds_per_indicator_the_sentences_a_chart_and_a_table(html: str) -> None:
    part = section(html)
    assert re.findall(r"<h3>(.*?)</h3>", part) == [
        "Personen met een bijstandsuitkering",
        "Netto arbeidsparticipatie",
        "Jongeren met jeugdhulp",
        "Huishoudens met een laag inkomen",
    ]
    words = text(part)
    assert words.startswith(
        "Vergelijking met andere gemeenten Zuiderhaven vergelijkt zich met Noorderveld en Oostmeer."
    )
    assert BIJSTAND in words
    assert "Van Oostmeer is er geen cijfer over 2024." in words
    assert part.count(' role="img"') == 4
    assert (
        "Personen met een bijstandsuitkering, 2024 (aantal per 10.000 inwoners van 18 jaar en ouder) "
        "Gebied Waarde Zuiderhaven 250,0 Noorderveld 310,0 Oostmeer 330,0 "
        "Gemiddelde van vergelijkbare gemeenten 320,0 "
        "Gemeenten met 50.000 tot 100.000 inwoners 305,5 Nederland 372,0 "
        "Eigen doel minder dan 300 per 10.000 inwoners van 18 jaar en ouder"
    ) in words
    assert "Oostmeer geen cijfer" in words
    assert '<li><a href="#vergelijking">Vergelijking met andere gemeenten</a></li>' in html


def test_the_own_pages_keep_the_own_figures(report: Report) -> None:
    """WI-01 has a figure for NL01 too: it is in the comparison, not among the goal's own figures,
    and the BBV table shows Zuiderhaven's own latest value, not a peer's."""
    goal = next(g for g in report.goals if g.goal.id == "WI-01")
    assert [(m.area, m.value) for m in goal.measurements] == [("GM9921", 10.1)]
    bbv = {b.id: m for c in report.challenges for b, m in c.bbv}
    assert bbv["bbv-27"] is not None and (bbv["bbv-27"].area, bbv["bbv-27"].value) == ("GM9921", 250)
    assert bbv["bbv-30"] is None


def test_the_pdf_has_the_section(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "rapportage.pdf"
    write_pdf(report, path)
    found = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    words = " ".join(found.split())
    assert "Vergelijking met andere gemeenten" in words
    assert BIJSTAND in words
    assert "Het eigen doel is minimaal 70% in 2027." in words


def test_the_word_document_has_the_section(report: Report, html: str, tmp_path: Path) -> None:
    path = tmp_path / "rapportage.docx"
    write_docx(report, path)
    doc = Document(str(path))
    headings = [
        (p.style.name, p.text) for p in doc.paragraphs if p.style is not None and p.style.name.startswith("Heading")
    ]
    at = headings.index(("Heading 1", "Vergelijking met andere gemeenten"))
    assert [t for _, t in headings[at + 1 : at + 5]] == re.findall(r"<h3>(.*?)</h3>", section(html))
    assert any(BIJSTAND in p.text for p in doc.paragraphs)
    tables = [t for t in doc.tables if t.rows[1].cells[0].text == "Zuiderhaven"]
    assert len(tables) == 4
    assert [c.text for c in tables[0].rows[-1].cells] == [
        "Eigen doel",
        "minder dan 300 per 10.000 inwoners van 18 jaar en ouder",
    ]
    described = [s._inline.docPr.get("descr") for s in doc.inline_shapes]
    assert sum(1 for d in described if d.startswith("Zuiderhaven ")) == 4


def test_no_section_without_figures_of_others(tmp_path: Path) -> None:
    own = tmp_path / "eigen.csv"
    own.write_text("goal,period,area,value,unit\nbbv-27,2024,GM9921,250,per 10.000 inwoners\n", encoding="utf-8")
    report = build_report(*load(f"sqlite:///{tmp_path / 'koers.db'}", own), PERIOD)
    assert report.comparison is not None and report.comparison.comparisons == ()
    html = render_html(report)
    assert 'id="vergelijking"' not in html and "Vergelijking met andere gemeenten" not in html
    assert report.comparison.nothing_yet("nl").startswith(
        "Er zijn nog geen cijfers van andere gemeenten. Haal ze op bij het CBS met 'koers fetch cbs --indicators'"
    )


def test_the_section_read_from_the_store(db_url: str) -> None:
    engine, stored = load(db_url)
    found = load_comparison_section(engine, stored, PERIOD.end)
    assert [c.subject.id for c in found.comparisons] == ["bbv-27", "bbv-24", "bbv-29", "WI-01"]
    assert found.comparisons[0].sentences()[0] == BIJSTAND
    assert load_comparison_section(engine, stored, Period.parse("2023-H1").end).comparisons == ()  # nothing ended yet


# -- the chart ---------------------------------------------------------------------------------


def test_the_chart_is_honest_and_highlights_the_own_municipality(report: Report) -> None:
    assert report.comparison is not None
    spec = comparison_chart(report.comparison.comparisons[0], illustrative=True)
    assert spec is not None
    target, bars, values, missing = spec["layer"]
    assert bars["encoding"]["x"]["scale"]["domain"][0] == 0 and bars["encoding"]["x"]["scale"]["zero"]
    assert bars["encoding"]["color"] == {"condition": {"test": "datum.own", "value": BLUE}, "value": OTHER_GREY}
    assert target["data"]["values"] == [{"target": 300}] and target["mark"]["strokeDash"]
    rows = spec["data"]["values"]
    assert [(r["name"], r["text"], r["own"]) for r in rows] == [
        ("Zuiderhaven", "250,0", True),
        ("Noorderveld", "310,0", False),
        ("Oostmeer", "330,0", False),
        ("Gemeenten met 50.000 tot\n100.000 inwoners", "305,5", False),
        ("Nederland", "372,0", False),
    ]
    assert spec["description"].startswith(BIJSTAND)
    assert spec["title"]["subtitle"] == [
        "2024 · aantal per 10.000 inwoners van 18 jaar en ouder · Illustratieve cijfers",
        "Rode stippellijn: het eigen doel, minder dan 300 per 10.000 inwoners van 18 jaar en ouder",
    ]


def test_a_peer_without_a_figure_has_no_bar_but_words(report: Report) -> None:
    assert report.comparison is not None
    spec = comparison_chart(report.comparison.comparisons[2])  # jeugdhulp: Oostmeer has no 2024 figure
    assert spec is not None
    oostmeer = next(r for r in spec["data"]["values"] if r["name"] == "Oostmeer")
    assert oostmeer["value"] is None and oostmeer["text"] == "geen cijfer"
    assert [layer.get("transform", [{}])[0].get("filter") for layer in spec["layer"]] == [
        "datum.value !== null",
        "datum.value !== null",
        "datum.value === null",
    ]


def test_the_chart_as_png(report: Report) -> None:
    """Rendered to look at: /tmp/koers-screens/vergelijking-grafiek.png."""
    assert report.comparison is not None
    spec = comparison_chart(report.comparison.comparisons[0], illustrative=True)
    assert spec is not None
    png = render_png(spec)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(png[16:20], "big") == int(WIDTH * PNG_SCALE)
    SCREENS.mkdir(parents=True, exist_ok=True)
    (SCREENS / "vergelijking-grafiek.png").write_bytes(png)
