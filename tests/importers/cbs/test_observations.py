# SPDX-License-Identifier: EUPL-1.2
"""The figures of a table as tidy observations: the typed set of 80137ned (meta_8), the two
untyped pages of 83599NED (tables_2 + tables_3, with the nextLink followed, also behind a
mirror), and a small v4 table made for the test (tests/data/cbs/v4)."""

from __future__ import annotations

from collections import Counter

import pytest

from koers.domain.measurements import MeasurementStatus
from koers.domain.periods import Period
from koers.domain.regions import RegionKind, clean_region_code, region_kind
from koers.importers.cbs.client import V3_BASE, V4_BASE, StatLineClient
from koers.importers.cbs.observations import (
    Observation,
    ObservationReader,
    koers_period,
    read_typed,
    read_untyped,
    region_filter,
    status_of,
)
from koers.importers.cbs.statline import Category, Dimension, DimensionKind, Measure, TableStructure, load_structure
from tests.importers.cbs.recorded import HAVE_RECORDINGS, MISSING, RecordedCBS

needs_recordings = pytest.mark.skipif(not HAVE_RECORDINGS, reason=MISSING)

FINAL, PROVISIONAL = MeasurementStatus.FINAL, MeasurementStatus.PROVISIONAL
PAGE_1 = "https://opendata.cbs.nl/ODataFeed/odata/83599NED/UntypedDataSet?$format=json"


# -- mapping tables ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("2023JJ00", "2023"),
        ("2023HJ01", "2023-H1"),
        ("2023HJ02", "2023-H2"),
        ("2023KW01", "2023-Q1"),
        ("2023KW04", "2023-Q4"),
        ("2023MM01", "2023-01"),
        ("2023MM12", "2023-12"),
        # codes koers has no period for: kept as CBS wrote them, koers_period None
        ("2019X000", None),
        ("2023SJ00", None),
        ("2018G900", None),
        ("2023KW05", None),
        ("2023MM13", None),
        ("", None),
    ],
)
def test_cbs_period_codes_as_koers_periods(code: str, expected: str | None) -> None:
    period = koers_period(code)
    assert (period.code if period else None) == expected


@pytest.mark.parametrize(
    ("code", "clean", "kind"),
    [
        ("NL01", "NL01", RegionKind.COUNTRY),
        ("LD01", "LD01", RegionKind.LANDSDEEL),
        ("PV23", "PV23", RegionKind.PROVINCE),
        ("CR17", "CR17", RegionKind.COROP),
        ("GM0396", "GM0396", RegionKind.MUNICIPALITY),
        ("WK039601", "WK039601", RegionKind.WIJK),
        ("BU03960101", "BU03960101", RegionKind.BUURT),
        ("NL01  ", "NL01", RegionKind.COUNTRY),  # as the untyped set pads them
        ("PV23  ", "PV23", RegionKind.PROVINCE),
        ("GM0396    ", "GM0396", RegionKind.MUNICIPALITY),
        ("gm0396", "GM0396", RegionKind.MUNICIPALITY),
        ("GM396", "GM396", None),
        ("BU0396010", "BU0396010", None),
        ("T001081", "T001081", None),
    ],
)
def test_cbs_region_codes(code: str, clean: str, kind: RegionKind | None) -> None:
    assert clean_region_code(code) == clean
    assert region_kind(code) == kind


@pytest.mark.parametrize(
    ("cell", "value", "symbol"),
    [
        ("   135.5", 135.5, None),
        ("     1.0", 1.0, None),
        ("    -3.2", -3.2, None),
        ("0", 0.0, None),
        (".", None, "."),
        ("       .", None, "."),
        ("x", None, "x"),
        ("       x", None, "x"),
        ("", None, ""),
        ("   ", None, ""),
        ("-", None, "-"),
        ("nan", None, "nan"),
        (None, None, ""),
        (12, 12.0, None),
    ],
)
def test_untyped_cells(cell: object, value: float | None, symbol: str | None) -> None:
    assert read_untyped(cell) == (value, symbol)


def test_typed_cells() -> None:
    assert read_typed(7559.0) == (7559.0, None)
    assert read_typed(38) == (38.0, None)
    assert read_typed(None) == (None, "")


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("Definitief", FINAL),
        ("Voorlopig", PROVISIONAL),
        ("Nader voorlopig", PROVISIONAL),
        ("nader  voorlopig", PROVISIONAL),
        (None, FINAL),
        ("", FINAL),
        ("Revisie", PROVISIONAL),  # a word koers does not know: not called final
    ],
)
def test_the_status_of_a_period(word: str | None, status: MeasurementStatus) -> None:
    assert status_of(word) == status


# -- v3 typed (meta_8) ------------------------------------------------------------------------------


@needs_recordings
def test_the_typed_data_set_becomes_one_observation_per_measure_and_row() -> None:
    recorded = RecordedCBS()
    client = StatLineClient(transport=recorded.transport)
    structure = load_structure(client, "80137ned")
    reader = ObservationReader(structure)
    found = list(reader.fetch(client, typed=True))
    assert reader.rows_read == 675
    assert len(found) == reader.observations == 675 * 12
    assert recorded.requests[-1] == f"{V3_BASE}/80137ned/TypedDataSet?$format=json"
    first = found[0]
    assert first == Observation(
        table="80137ned",
        measure="Totaal_1",
        dimensions={"Persoonskenmerken": "1", "BedrijfstakkenSBI93": "99"},
        region=None,
        period="2001JJ00",
        koers_period=Period.year(2001),
        value=8811.0,
        symbol=None,
        status=FINAL,
    )
    by_measure = {o.measure: o.value for o in found[:12]}
    assert by_measure["Werknemers_2"] == 7559.0 and by_measure["PerGewerktUur_12"] == 23.1
    assert {o.koers_period.code for o in found if o.koers_period} == {"2001", "2002", "2003", "2004", "2005"}
    assert not reader.unmapped and {o.status for o in found} == {FINAL}
    assert all((o.value is None) != (o.symbol is None) for o in found)


# -- v3 untyped, two pages (tables_2 + tables_3) ---------------------------------------------------


def _vacancies(recorded: RecordedCBS, base: str = V3_BASE) -> tuple[TableStructure, StatLineClient]:
    client = StatLineClient(base, transport=recorded.transport)
    return load_structure(client, "83599NED"), client


@needs_recordings
def test_both_pages_of_the_untyped_set_are_read_following_the_next_link() -> None:
    recorded = RecordedCBS()
    structure, client = _vacancies(recorded)
    assert structure.geo is not None and structure.geo.key == "RegioS"
    reader = ObservationReader(structure)
    pages: list[tuple[int, int]] = []
    found = list(reader.fetch(client, on_page=lambda page, rows: pages.append((page, rows))))
    assert len(found) == reader.rows_read == 15_504
    assert pages == [(1, 10_000), (2, 15_504)]
    assert recorded.requests[-2:] == [
        PAGE_1,
        "https://opendata.cbs.nl/ODataFeed/OData/83599NED/UntypedDataSet/?$format=json&$skip=10000",
    ]
    first = found[0]
    assert (first.measure, first.region, first.period, first.value, first.symbol) == (
        "OpenstaandeVacatures_1",
        "NL01",
        "2011KW01",
        135.5,
        None,
    )
    assert first.dimensions == {"BedrijfstakkenBranchesSBI2008": "T001081"}
    assert first.koers_period == Period.quarter(2011, 1)
    # padded codes and values, stripped
    assert {o.region for o in found} == {"NL01", "LD01", "LD02", "LD03", "LD04", *(f"PV{n}" for n in range(20, 32))}
    assert "301000" in {o.dimensions["BedrijfstakkenBranchesSBI2008"] for o in found}
    # the one empty cell of the recording: no figure, the (empty) symbol kept
    empty = [o for o in found if o.value is None]
    assert [(o.region, o.period, o.dimensions["BedrijfstakkenBranchesSBI2008"], o.symbol) for o in empty] == [
        ("PV31", "2014KW03", "300013", "")
    ]
    # status from the period's category: 2020KW01 Nader voorlopig, 2020KW02 Voorlopig
    provisional = Counter(o.period for o in found if o.status is PROVISIONAL)
    assert provisional == {"2020KW01": 17 * 24, "2020KW02": 17 * 24}
    # one shared, read-only mapping per combination of other categories
    assert len({id(o.dimensions) for o in found}) == 24


@needs_recordings
def test_behind_a_mirror_the_next_link_is_moved_onto_the_mirror() -> None:
    mirror = "https://statline.gemeente.example/cbs/odata"
    recorded = RecordedCBS(v3=mirror)
    structure, client = _vacancies(recorded, mirror)
    found = list(ObservationReader(structure).fetch(client))
    assert len(found) == 15_504
    assert all(url.startswith(mirror) for url in recorded.requests)
    assert recorded.requests[-1] == f"{mirror}/83599NED/UntypedDataSet/?$format=json&$skip=10000"


@needs_recordings
def test_regions_are_asked_of_cbs_and_checked_again() -> None:
    recorded = RecordedCBS(ignore_filter=True)  # the recording is unfiltered: the reader must filter
    structure, client = _vacancies(recorded)
    reader = ObservationReader(structure, ["pv23 ", "NL01"])
    found = list(reader.fetch(client))
    assert recorded.requests[-2] == (
        f"{V3_BASE}/83599NED/UntypedDataSet?$format=json"
        "&$filter=substringof('NL01',RegioS)%20or%20substringof('PV23',RegioS)"
    )
    assert {o.region for o in found} == {"NL01", "PV23"}
    assert len(found) == 2 * 38 * 24
    assert reader.rows_read == 15_504


def test_the_region_filter_of_each_version() -> None:
    regio = Dimension("RegioS", "Regio's", DimensionKind.GEO)
    v3 = TableStructure("t", (), (regio,))
    v4 = TableStructure("t", (), (regio,), v4=True)
    assert region_filter(v3, ["GM0396", "GM0375"]) == "substringof('GM0396',RegioS) or substringof('GM0375',RegioS)"
    assert region_filter(v4, ["GM0396"]) == "contains(RegioS,'GM0396')"
    assert region_filter(v3, []) is None
    assert region_filter(TableStructure("t", (), ()), ["GM0396"]) is None


def test_periods_koers_does_not_know_are_kept_and_counted() -> None:
    structure = TableStructure(
        "t",
        (Measure("A_1", "A"),),
        (
            Dimension("RegioS", "Regio's", DimensionKind.GEO),
            Dimension("Perioden", "Perioden", DimensionKind.TIME, (Category("2019X000", "2016-2019", "Definitief"),)),
        ),
    )
    reader = ObservationReader(structure)
    rows = [
        {"RegioS": "GM0396    ", "Perioden": "2019X000", "A_1": "   12.5"},
        {"RegioS": "GM0375    ", "Perioden": "2019X000", "A_1": "       ."},
        {"RegioS": "GM0375    ", "Perioden": "2019JJ00", "A_1": "    11.0"},
    ]
    found = list(reader.read_v3(rows))
    assert [(o.period, o.koers_period, o.value, o.symbol) for o in found] == [
        ("2019X000", None, 12.5, None),
        ("2019X000", None, None, "."),
        ("2019JJ00", Period.year(2019), 11.0, None),
    ]
    assert reader.unmapped == {"2019X000": 2}
    assert found[0].status is FINAL and found[2].status is FINAL  # 2019JJ00 has no category: no status said


# -- v4 (made for the test) ---------------------------------------------------------------------------


def test_v4_observations_read_into_the_same_records() -> None:
    recorded = RecordedCBS()
    client = StatLineClient(transport=recorded.transport)
    structure = load_structure(client, "99999NED", v4=True)
    assert [m.key for m in structure.measures] == ["M000352", "M000173_2"]
    assert structure.measures_by_key["M000173_2"].unit == "per 1 000 inwoners"
    assert structure.geo is not None and structure.geo.key == "RegioS"
    assert structure.time is not None and [d.key for d in structure.others] == ["Geslacht"]
    reader = ObservationReader(structure)
    found = list(reader.fetch(client))
    assert recorded.requests == [
        f"{V4_BASE}/99999NED/MeasureCodes",
        f"{V4_BASE}/99999NED/Dimensions",
        f"{V4_BASE}/99999NED/PeriodenCodes",
        f"{V4_BASE}/99999NED/Observations",
    ]
    assert len(found) == 18 and reader.rows_read == 18
    assert found[0] == Observation(
        "99999NED", "M000352", {"Geslacht": "T001038"}, "NL01", "2022JJ00", Period.year(2022), 17590672.0, None, FINAL
    )
    assert {o.region for o in found} == {"NL01", "GM0375", "GM0396"}
    statuses = {o.period: (o.koers_period.code if o.koers_period else None, o.status) for o in found}
    assert statuses == {
        "2022JJ00": ("2022", FINAL),
        "2023JJ00": ("2023", PROVISIONAL),
        "2024HJ01": ("2024-H1", PROVISIONAL),
    }
    missing = [o for o in found if o.value is None]
    assert {(o.measure, o.period, o.symbol) for o in missing} == {("M000352", "2024HJ01", "Impossible")}
    assert len(missing) == 3


def test_v4_regions_by_the_filter_and_by_the_reader() -> None:
    recorded = RecordedCBS(ignore_filter=True)
    client = StatLineClient(transport=recorded.transport)
    structure = load_structure(client, "99999NED", v4=True)
    found = list(ObservationReader(structure, ["GM0396"]).fetch(client))
    assert recorded.requests[-1] == f"{V4_BASE}/99999NED/Observations?$filter=contains(RegioS,'GM0396')"
    assert {o.region for o in found} == {"GM0396"} and len(found) == 6
