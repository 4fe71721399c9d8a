# SPDX-License-Identifier: EUPL-1.2
"""Mapping files: the packaged one reads and covers the social-domain BBV indicators CBS
publishes; a file of one's own with a wrong column or wrong cells is refused, located."""

from __future__ import annotations

from pathlib import Path

import pytest

from koers.catalogues import bbv_catalogue
from koers.domain.measurements import SubjectKind
from koers.importers.indicator_mappings import (
    COLUMNS,
    MappingError,
    RegionSet,
    packaged_mappings,
    read_mapping_file,
    read_mappings,
)

DATA = Path(__file__).parents[1] / "data" / "mappings"
#: The social-domain BBV indicators CBS publishes (issue 12): netto arbeidsparticipatie, bijstand,
#: re-integratie, jeugdhulp, jeugdbescherming, jeugdreclassering, Wmo-maatwerkarrangementen.
SOCIAL_BBV = {24, 27, 28, 29, 30, 31, 32}


def test_the_packaged_mappings_cover_the_social_bbv_indicators_in_the_catalogue() -> None:
    mappings = packaged_mappings()
    numbers = {int(m.key) for m in mappings if m.kind == SubjectKind.BBV}
    assert numbers >= SOCIAL_BBV
    catalogue = bbv_catalogue()
    assert all(number in catalogue for number in numbers)


def test_the_packaged_mappings_bring_the_population_by_age_and_the_wijk_register() -> None:
    series = {m.key: m for m in packaged_mappings() if m.kind == SubjectKind.SERIES}
    assert {"inwoners", "inwoners-0-15", "inwoners-65-plus", "huishoudens"} <= set(series)
    assert series["inwoners"].regions is RegionSet.WIJKEN
    assert series["inwoners"].period is not None  # Kerncijfers have no time dimension


def test_a_mapping_file_of_ones_own_reads() -> None:
    (mapping,) = read_mapping_file(DATA / "vacatures.tsv")
    assert (mapping.kind, mapping.key, mapping.table, mapping.measure) == (
        SubjectKind.SERIES,
        "vacatures",
        "83599NED",
        "OpenstaandeVacatures_1",
    )
    assert mapping.line == 3
    assert mapping.indicator == "series:vacatures"


def test_a_wrong_column_is_a_located_error() -> None:
    with pytest.raises(MappingError) as caught:
        read_mapping_file(DATA / "wrong-column.tsv")
    (problem,) = caught.value.problems
    assert problem.code == "mapping-unknown-column"
    assert (problem.location.line, problem.location.column) == (1, "kolom")
    text = problem.describe("nl")
    assert "wrong-column.tsv" in text and "kolom" in text and "regel 1" in text
    assert all(name in problem.hint("nl") for name in COLUMNS)


def test_a_missing_required_column_is_named() -> None:
    with pytest.raises(MappingError) as caught:
        read_mappings("indicator\ttable\nseries:x\t80137NED\n", "eigen.tsv")
    assert sorted(p.field for p in caught.value.problems) == ["measure", "unit"]


def test_every_wrong_cell_is_collected_with_line_and_column() -> None:
    with pytest.raises(MappingError) as caught:
        read_mapping_file(DATA / "bad-cells.tsv")
    found = {(p.code, p.location.line, p.location.column) for p in caught.value.problems}
    assert found == {
        ("mapping-bad-indicator", 2, "indicator"),
        ("mapping-no-table", 3, "table"),
        ("mapping-bad-unit", 3, "unit"),
        ("mapping-bad-filter", 3, "filters"),
        ("mapping-bad-period", 3, "period"),
        ("mapping-bad-regions", 3, "regions"),
    }
    for problem in caught.value.problems:
        assert problem.message("nl") and problem.hint("nl") and problem.hint("en")


def test_an_unreadable_file_says_so() -> None:
    with pytest.raises(MappingError) as caught:
        read_mapping_file(DATA / "does-not-exist.tsv")
    assert caught.value.problems[0].code == "mapping-unreadable"


def test_filters_and_periods_are_read() -> None:
    (mapping,) = read_mappings(
        "indicator\ttitle\tmeasure\tunit\tfilters\tperiod\n"
        "bbv:24\tArbeidsdeelname\tNetto arbeidsparticipatie\t%\t"
        "Geslacht=Totaal mannen en vrouwen; Leeftijd=T001\t2023JJ00\n",
        "eigen.tsv",
    )
    assert mapping.filters == (("Geslacht", "Totaal mannen en vrouwen"), ("Leeftijd", "T001"))
    assert mapping.period is not None and mapping.period.code == "2023"
