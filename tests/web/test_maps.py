# SPDX-License-Identifier: EUPL-1.2
"""The wijk map on the dashboard's goal page: drawn once boundaries are loaded (the page is
rebuilt without a restart), beside the chart and above the per-wijk table; a goal for the
municipality as a whole, or a plan without boundaries, keeps its chart alone."""

from __future__ import annotations

import re
import warnings
from datetime import date
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

from koers.web.app import create_app
from tests.geodata import MUNICIPAL, PER_WIJK, RD_TOPOJSON, voorbeeldstad
from tests.store.conftest import koers

TODAY = date(2026, 11, 23)  # the page reports on the first half of 2026


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, TestClient]:
    url = voorbeeldstad(f"sqlite:///{tmp_path_factory.mktemp('maps') / 'koers.db'}", boundaries=None)
    return url, TestClient(create_app(url, today=TODAY))


def test_a_map_appears_once_boundaries_are_loaded(dashboard: tuple[str, TestClient]) -> None:
    url, client = dashboard
    before = client.get("/doelen/VW-01").text
    assert '<figure class="map">' not in before
    assert '<figure class="chart">' in before and "<caption>Per wijk</caption>" in before  # as it was
    assert koers(url, "geo", "load", str(RD_TOPOJSON))[0] == 0
    for goal in PER_WIJK:
        html = client.get(f"/doelen/{goal}").text
        assert html.count('<figure class="map">') == 1, goal
        assert html.count('aria-roledescription="geoshape"') == 4
        assert re.search(rf'<figure class="map"><svg[^>]* role="img" aria-label="{goal} ', html)
        assert html.index('<figure class="chart">') < html.index('<figure class="map">')
        assert html.index('<figure class="map">') < html.index("<caption>Per wijk</caption>")  # the table stays
        assert "Niet op de kaart (geen grens bekend): Haven." in html
        assert not re.search(r"""(src|href)=["']https?://""", html)
    municipal = client.get(f"/doelen/{MUNICIPAL}").text
    assert '<figure class="map">' not in municipal and '<figure class="chart">' in municipal


def test_the_map_scales_with_a_phone_screen() -> None:
    css = (Path(__file__).resolve().parents[2] / "src" / "koers" / "web" / "static" / "koers.css").read_text()
    rule = re.search(r"figure\.map svg \{([^}]*)\}", css)
    assert rule is not None
    assert "width: 100%" in rule.group(1) and "height: auto" in rule.group(1) and "min-width" not in rule.group(1)
