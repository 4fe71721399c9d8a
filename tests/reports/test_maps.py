# SPDX-License-Identifier: EUPL-1.2
"""The wijk map of a goal judged per wijk, in the report (HTML, PDF, Word): drawn from the
stored boundaries with the latest figure per wijk, nothing loaded from elsewhere; a goal
without boundaries keeps its chart alone. One map is rendered to PNG, as Word gets it."""

from __future__ import annotations

import json
import re
import struct
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from koers.reports.charts import PNG_SCALE, render_png
from koers.reports.docx import write_docx
from koers.reports.html import render_html
from koers.reports.maps import BLUES, MAP_WIDTH, class_breaks, map_spec, wijk_figures, wijk_map
from koers.reports.model import GoalSection, Report, build_report
from koers.reports.pdf import write_pdf
from koers.store.database import open_engine
from koers.store.plans import load_stored_plan
from tests.geodata import MUNICIPAL, PER_WIJK, PERIOD, WGS84_GEOJSON, voorbeeldstad


def report_on(tmp_path_factory: pytest.TempPathFactory, name: str, **kwargs: Path | None) -> Report:
    url = voorbeeldstad(f"sqlite:///{tmp_path_factory.mktemp(name) / 'koers.db'}", **kwargs)
    engine = open_engine(url)
    return build_report(engine, load_stored_plan(engine), PERIOD)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return report_on(tmp_path_factory, "maps")


@pytest.fixture(scope="module")
def bare(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """The same plan and figures without boundaries."""
    return report_on(tmp_path_factory, "bare", boundaries=None)


@pytest.fixture(scope="module")
def html(report: Report) -> str:
    return render_html(report)


def section(report: Report, goal: str) -> GoalSection:
    return next(g for g in report.goals if g.goal.id == goal)


def test_the_report_holds_the_boundaries_of_its_wijken(report: Report, bare: Report) -> None:
    assert set(report.boundaries) == {"WK991201", "WK991202", "west", "WK991204"}
    assert bare.boundaries == {}


def test_a_per_wijk_goal_gets_a_map_beside_its_chart_and_table(html: str) -> None:
    articles = dict(re.findall(r'<article class="goal" id="doel-([\w-]+)">(.*?)</article>', html, re.S))
    for goal in PER_WIJK:
        article = articles[goal]
        assert article.count('<figure class="map">') == 1 and '<figure class="chart">' in article
        assert re.search(r'<figure class="map"><svg[^>]* role="img" aria-label="' + goal, article)
        assert article.count('aria-roledescription="geoshape"') == 4  # the four wijken with a boundary
        assert "Kaart van de wijken, gekleurd naar de laatste meting" in article
        assert '<table class="figures">' in article  # the numbers stay, as text
    assert '<figure class="map">' not in articles[MUNICIPAL]
    assert not re.search(r"""(src|href)=["']https?://""", html)


def test_without_boundaries_the_report_keeps_its_charts_and_has_no_map(bare: Report) -> None:
    html = render_html(bare)
    assert '<figure class="map">' not in html
    assert html.count('<figure class="chart">') == 3


def test_the_spec_draws_geoshapes_from_inline_values_with_the_identity_projection(report: Report) -> None:
    spec = map_spec(section(report, "VW-01"), report)
    assert spec is not None
    assert spec["projection"] == {"type": "identity", "reflectY": True}  # RD New: metres, north up
    assert '"url"' not in json.dumps(spec)  # every shape inline, no tile server, no file
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks.count("geoshape") == 2 and marks.count("text") == 2
    shapes = {f["properties"]["wijk"]: f for f in spec["datasets"]["wijken"]}
    assert set(shapes) == {"Centrum", "Noord", "West", "Zuid-Oost"}
    assert shapes["Noord"]["properties"]["value"] is None  # no figure: grey, in words
    assert shapes["Noord"]["properties"]["missing"] == "geen cijfer"
    assert shapes["Zuid-Oost"]["geometry"]["type"] == "MultiPolygon"  # with its island
    assert len(shapes["Centrum"]["geometry"]["coordinates"]) == 2  # with its lake
    figure, grey = spec["layer"][1]["encoding"]["color"], spec["layer"][0]["encoding"]["color"]
    assert figure["legend"]["title"] == "%"
    assert figure["scale"] == {"type": "threshold", "domain": [40, 42, 44], "range": list(BLUES[::2])}
    assert grey["scale"]["range"] == ["#B3B3B3"]
    labels = {row["text"] for row in spec["datasets"]["labels"]}
    assert labels == {"Centrum\n42,1", "Noord\ngeen cijfer", "West\n45,2", "Zuid-Oost\n39,8*"}
    subtitle = " ".join(spec["title"]["subtitle"])
    assert "Laatste meting per wijk: 2025" in subtitle and "Geen grens bekend: Haven" in subtitle
    assert "* voorlopig cijfer" in subtitle


@pytest.mark.parametrize(
    ("values", "breaks"),
    [
        ([39.8, 42.1, 45.2], [40, 42, 44]),
        ([88, 97, 112, 131], [100, 120]),
        ([1000, 25000], [10000, 20000]),
        ([0.11, 0.19], [0.12, 0.14, 0.16, 0.18]),
        ([5, 5], []),
    ],
)
def test_classes_have_round_bounds_and_the_extremes_in_the_end_classes(
    values: list[float], breaks: list[float]
) -> None:
    found = class_breaks(values)
    assert found == pytest.approx(breaks)
    assert all(min(values) < b <= max(values) for b in found)


def test_the_description_gives_every_wijk_in_words(report: Report) -> None:
    spec = map_spec(section(report, "VW-02"), report)
    assert spec is not None
    assert spec["description"] == (
        "Kaart van de wijken, gekleurd naar de laatste meting: Centrum 2025: 97 per 1.000 jongeren; "
        "Noord 2025: 88 per 1.000 jongeren; West 2025: 112 per 1.000 jongeren; Zuid-Oost 2025: 131 per "
        "1.000 jongeren. Niet op de kaart (geen grens bekend): Haven."
    )
    assert spec["layer"][0]["encoding"]["color"]["legend"]["title"] == "per 1.000 jongeren"


def test_degrees_are_drawn_through_mercator(tmp_path_factory: pytest.TempPathFactory) -> None:
    wgs = report_on(tmp_path_factory, "wgs84", boundaries=WGS84_GEOJSON)
    spec = map_spec(section(wgs, "VW-01"), wgs)
    assert spec is not None and spec["projection"] == {"type": "mercator"}


def test_a_map_needs_a_wijk_with_a_figure_and_a_boundary(report: Report, bare: Report) -> None:
    g = section(report, "VW-01")
    no_figures = wijk_figures(g.goal, g.assessment, [], report.boundaries, report.area_names)
    assert [w.latest for w in no_figures] == [None] * 5
    assert wijk_map(g.goal, no_figures) is None
    assert map_spec(section(bare, "VW-01"), bare) is None
    assert map_spec(section(report, MUNICIPAL), report) is None


def test_the_map_fits_a_phone_and_an_a4_column(html: str) -> None:
    opening = re.findall(r'<figure class="map">(<svg[^>]*>)', html)[0]
    width = int(re.findall(r'width="(\d+)"', opening)[0])
    assert MAP_WIDTH <= width <= 390  # at most 10.5 cm on A4 (16 cm), and a phone's full width
    assert re.search(r'viewBox="0 0 \d+ \d+"', opening)  # so that CSS can scale it


def test_the_map_renders_to_png_as_word_gets_it(report: Report, tmp_path: Path) -> None:
    spec = map_spec(section(report, "VW-01"), report)
    assert spec is not None
    png = render_png(spec)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert MAP_WIDTH <= width / PNG_SCALE <= MAP_WIDTH + 40 and 0.6 < height / width < 1.3
    (tmp_path / "VW-01.png").write_bytes(png)


def test_word_gets_the_map_with_its_alt_text(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "rapportage.docx"
    write_docx(report, path)
    described = [d.get("descr") for d in Document(str(path)).element.body.iter(qn("wp:docPr"))]
    maps = [d for d in described if d and d.startswith("Kaart van de wijken")]
    assert len(maps) == len(PER_WIJK)


def test_the_pdf_shows_the_map(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "rapportage.pdf"
    write_pdf(report, path)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert text.count("Kaart van de wijken") == len(PER_WIJK)
    assert "geen cijfer" in text  # the legend and the label, drawn as text
