# SPDX-License-Identifier: EUPL-1.2
"""The invented municipality Voorbeeldstad for the tests of the wijk maps: its plan, its
figures and its boundary files (made for the tests; see tests/data/geo/README.md)."""

from __future__ import annotations

from pathlib import Path

from koers.domain.periods import Period
from tests.conftest import ROOT
from tests.store.conftest import koers

DATA = ROOT / "tests" / "data"
PLAN = DATA / "plans" / "voorbeeldstad-wijken.yaml"
FIGURES = DATA / "imports" / "voorbeeldstad-wijken.csv"
GEO = DATA / "geo"
RD_GEOJSON = GEO / "voorbeeldstad-wijken-rd.geojson"
RD_TOPOJSON = GEO / "voorbeeldstad-wijken-rd.topojson"
WGS84_GEOJSON = GEO / "voorbeeldstad-wijken-wgs84.geojson"
BROKEN = GEO / "broken"

#: The report on the first half of 2026: the latest figures are of 2025.
PERIOD = Period.parse("2026-H1")
#: The goals judged per wijk, and the one for the municipality as a whole.
PER_WIJK, MUNICIPAL = ("VW-01", "VW-02"), "VW-03"


def voorbeeldstad(url: str, boundaries: Path | None = RD_GEOJSON) -> str:
    """A migrated database at ``url`` with the plan, its figures and (unless None) boundaries."""
    assert koers(url, "db", "upgrade")[0] == 0
    assert koers(url, "plan", "load", str(PLAN))[0] == 0
    assert koers(url, "import", str(FIGURES))[0] == 0
    if boundaries is not None:
        code, outcome = koers(url, "geo", "load", str(boundaries))
        assert code == 0, outcome
    return url
