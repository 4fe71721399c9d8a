# SPDX-License-Identifier: EUPL-1.2
"""Indicators from CBS through a mapping file: found in their table, fetched once, turned into
rows that the importer checks like a file's, or refused, located, before anything is fetched."""

from __future__ import annotations

from pathlib import Path

import pytest

from koers.domain.plan import Plan
from koers.importers.cbs.client import V3_BASE, StatLineClient
from koers.importers.cbs.indicators import ORIGIN_KIND, indicator_source, regions_for
from koers.importers.indicator_mappings import MappingError, RegionSet, read_mapping_file
from koers.planfile import read_plan
from tests.importers.cbs.recorded import HAVE_RECORDINGS, MADE_DIR, MISSING, RecordedCBS, canonical

pytestmark = pytest.mark.skipif(not HAVE_RECORDINGS, reason=MISSING)

DATA = Path(__file__).parents[2] / "data"
MAPPINGS = DATA / "mappings"
#: Zilverdam (GM9999), a made-up municipality; its figures are compared with the Netherlands.
PLAN = DATA / "plans" / "fictional-plan.yaml"
#: Quarters in the recorded pages of 83599NED, each once for NL01 and all branches (T001081).
QUARTERS = 38


@pytest.fixture(scope="module")
def plan() -> Plan:
    return read_plan(PLAN)


def _cbs() -> RecordedCBS:
    cbs = RecordedCBS(ignore_filter=True)
    dimension = f"{V3_BASE}/83599NED/BedrijfstakkenBranchesSBI2008?$format=json"
    cbs.files[canonical(dimension)] = MADE_DIR / "v3" / "83599NED" / "BedrijfstakkenBranchesSBI2008.json"
    return cbs


def test_a_mapped_measure_becomes_checked_rows_for_the_compared_regions(plan: Plan) -> None:
    cbs = _cbs()
    with StatLineClient(transport=cbs.transport) as client:
        outcome = indicator_source(client, plan, read_mapping_file(MAPPINGS / "vacatures.tsv"), "CBS indicatoren")
    rows = outcome.source.rows
    assert len(rows) == QUARTERS
    assert {row["area"] for row in rows} == {"NL01"}  # Zilverdam is not in this table; provinces are not asked
    assert {row["series"] for row in rows} == {"vacatures"}
    assert outcome.tables == ["83599NED"]
    first = next(row for row in rows if row["period"] == "2011-Q1")
    assert first["value"] == pytest.approx(135.5)
    assert first["source_ref"] == "83599NED OpenstaandeVacatures_1"
    statuses = {row["period"]: row["status"] for row in rows}
    assert (statuses["2020-Q1"], statuses["2020-Q2"], statuses["2019-Q4"]) == ("provisional", "provisional", "final")
    checked = outcome.source.check(plan)
    assert checked.ok, [p.describe() for p in checked.problems]
    assert outcome.source.origin.kind == ORIGIN_KIND
    # the table's data were fetched once, paging through both recorded pages, asking for the regions
    data = [url for url in cbs.requests if "UntypedDataSet" in url]
    assert len(data) == 2 and "substringof" in data[0] and "GM9999" in data[0]


def test_lines_that_do_not_fit_the_table_or_the_plan_are_refused_located(plan: Plan) -> None:
    with StatLineClient(transport=_cbs().transport) as client, pytest.raises(MappingError) as caught:
        indicator_source(client, plan, read_mapping_file(MAPPINGS / "not-in-table.tsv"), "CBS")
    found = {(p.code, p.location.line, p.location.column) for p in caught.value.problems}
    assert found == {("mapping-unknown-goal", 4, "indicator")}  # the plan is checked before CBS is asked


def test_a_measure_or_category_the_table_lacks_names_what_it_has(plan: Plan, tmp_path: Path) -> None:
    text = (MAPPINGS / "not-in-table.tsv").read_text(encoding="utf-8").splitlines()
    own = tmp_path / "eigen.tsv"
    own.write_text("\n".join(text[:3]) + "\n", encoding="utf-8")
    with StatLineClient(transport=_cbs().transport) as client, pytest.raises(MappingError) as caught:
        indicator_source(client, plan, read_mapping_file(own), "CBS")
    problems = {p.code: p for p in caught.value.problems}
    assert set(problems) == {"mapping-unknown-measure", "mapping-unknown-category"}
    measure = problems["mapping-unknown-measure"]
    assert (measure.location.file, measure.location.line, measure.location.column) == (str(own), 3, "measure")
    assert "OpenstaandeVacatures_1" in measure.hint("nl")
    assert "T001081" in problems["mapping-unknown-category"].hint("nl")


def test_bbv_indicators_the_plan_does_not_report_on_are_skipped(plan: Plan, tmp_path: Path) -> None:
    own = tmp_path / "bbv.tsv"
    own.write_text("indicator\ttable\tmeasure\tunit\nbbv:35\t83599NED\tOpenstaandeVacatures_1\taantal\n", "utf-8")
    mappings = read_mapping_file(own)
    with StatLineClient(transport=_cbs().transport) as client:
        outcome = indicator_source(client, plan, mappings, "CBS")
    assert outcome.skipped == mappings and not outcome.source.rows and not outcome.tables


def test_the_regions_are_the_municipality_its_peers_and_the_netherlands(heemskerk_2024: Plan) -> None:
    regions = regions_for(heemskerk_2024, RegionSet.MUNICIPALITIES)
    assert regions.codes == {"GM0396", "GM0375", "GM0453", "NL01"}
    assert not regions.wants("PV27") and regions.wants("GM0375")
    wijken = regions_for(heemskerk_2024, RegionSet.WIJKEN)
    assert wijken.wants("WK039601") and wijken.wants("BU03960101") and not wijken.wants("WK037501")
