# SPDX-License-Identifier: EUPL-1.2
"""A StatLine table's structure and the catalogue, read from real recorded answers (meta_1 to
meta_7: table 80137ned; tables_1: part of the catalogue)."""

from __future__ import annotations

import pytest

from koers.importers.cbs.client import CATALOG_BASE, V3_BASE, StatLineClient
from koers.importers.cbs.errors import CbsError
from koers.importers.cbs.statline import (
    Category,
    DimensionKind,
    find_tables,
    load_categories,
    load_entity_sets,
    load_structure,
    load_table_info,
    looks_geographic,
)
from tests.importers.cbs.recorded import HAVE_RECORDINGS, MISSING, RecordedCBS

pytestmark = pytest.mark.skipif(not HAVE_RECORDINGS, reason=MISSING)


@pytest.fixture
def recorded() -> RecordedCBS:
    return RecordedCBS()


@pytest.fixture
def client(recorded: RecordedCBS) -> StatLineClient:
    return StatLineClient(transport=recorded.transport)


def test_the_entity_sets_of_a_table(client: StatLineClient) -> None:
    """meta_1: the table's index."""
    sets = load_entity_sets(client, "80137ned")
    assert list(sets) == [
        "TableInfos",
        "UntypedDataSet",
        "TypedDataSet",
        "DataProperties",
        "CategoryGroups",
        "Persoonskenmerken",
        "BedrijfstakkenSBI93",
        "Perioden",
    ]
    assert sets["Perioden"] == "https://opendata.cbs.nl/ODataFeed/odata/80137ned/Perioden"


def test_the_table_info(client: StatLineClient) -> None:
    """meta_2: TableInfos."""
    info = load_table_info(client, "80137ned")
    assert info.table == "80137ned"
    assert info.title == "Arbeidsrekeningen; leeftijd en opleidingsniveau"
    assert info.short_title == "Arbeidsrekeningen; persoonskenmerken"
    assert info.modified == "2009-07-10T02:00:00"
    assert info.period == "2001-2005"
    assert (info.status, info.reason, info.frequency) == ("Regulier", "Nieuw", "Perjaar")
    assert info.summary.startswith("Arbeidsrekeningen naar geslacht")


def test_categories_are_stripped_of_their_padding(client: StatLineClient) -> None:
    """meta_4 and meta_5: two plain dimensions; CBS pads ``"1 "``."""
    people = load_categories(client, "80137ned", "Persoonskenmerken")
    assert people[:3] == (Category("1", "Totaal"), Category("2", "Mannen"), Category("3", "Vrouwen"))
    assert all(c.key == c.key.strip() and c.status is None for c in people)
    industries = load_categories(client, "80137ned", "BedrijfstakkenSBI93")
    assert industries[0] == Category("99", "Totaal economische activiteiten")
    assert industries[1] == Category("01", "A+B Landbouw, bosbouw en visserij")


def test_periods_carry_their_status(client: StatLineClient) -> None:
    """meta_6: Perioden, every year Definitief."""
    periods = load_categories(client, "80137ned", "Perioden")
    assert [p.key for p in periods] == ["2001JJ00", "2002JJ00", "2003JJ00", "2004JJ00", "2005JJ00"]
    assert {p.status for p in periods} == {"Definitief"}
    assert periods[0].title == "2001"


def test_the_structure_of_a_table(client: StatLineClient, recorded: RecordedCBS) -> None:
    """meta_7 (DataProperties) with the categories: measures with unit, decimals and group;
    dimensions with their kind. 80137ned has no regions: both plain dimensions are looked at
    for region codes, and neither has them."""
    structure = load_structure(client, "80137ned")
    assert [m.key for m in structure.measures] == [
        "Totaal_1",
        "Werknemers_2",
        "Zelfstandigen_3",
        "Totaal_4",
        "Werknemers_5",
        "Zelfstandigen_6",
        "Totaal_7",
        "Werknemers_8",
        "Zelfstandigen_9",
        "Totaal_10",
        "PerArbeidsjaar_11",
        "PerGewerktUur_12",
    ]
    first = structure.measures_by_key["Totaal_1"]
    assert (first.title, first.unit, first.decimals, first.group) == (
        "Totaal",
        "1 000 banen",
        0,
        ("Gemiddeld aantal banen",),
    )
    assert [(d.key, d.kind) for d in structure.dimensions] == [
        ("Persoonskenmerken", DimensionKind.PLAIN),
        ("BedrijfstakkenSBI93", DimensionKind.PLAIN),
        ("Perioden", DimensionKind.TIME),
    ]
    assert structure.geo is None and structure.time is not None
    assert [d.key for d in structure.others] == ["Persoonskenmerken", "BedrijfstakkenSBI93"]
    assert structure.time.category("2003JJ00") == Category("2003JJ00", "2003", "Definitief")
    assert [url.split("/80137ned/")[1] for url in recorded.requests] == [
        "DataProperties?$format=json",
        "Perioden?$format=json",
        "Persoonskenmerken?$format=json",
        "BedrijfstakkenSBI93?$format=json",
    ]


def test_a_dimension_of_region_codes_is_geographic() -> None:
    assert looks_geographic([Category("NL01", "Nederland"), Category("GM0396", "Heemskerk")])
    assert not looks_geographic([Category("1", "Totaal"), Category("GM0396", "Heemskerk")])
    assert not looks_geographic([])


# -- the catalogue ----------------------------------------------------------------------------


def test_a_table_is_found_by_words_of_its_title(client: StatLineClient, recorded: RecordedCBS) -> None:
    """tables_1: every word must be in the title or short title, in any case."""
    found = find_tables(client, "OPENSTAANDE vacatures regio")
    assert [t.table for t in found] == ["83599NED"]
    assert found[0].title == "Openstaande vacatures; SBI 2008, regio"
    assert recorded.requests == [f"{CATALOG_BASE}/Tables?$format=json"]


def test_the_newest_table_comes_first(client: StatLineClient) -> None:
    found = find_tables(client, "banen werknemers")
    assert [(t.table, t.modified[:10]) for t in found] == [
        ("83628NED", "2020-03-16"),
        ("83658NED", "2020-03-16"),
        ("84669NED", "2019-12-18"),
        ("83583NED", "2019-11-08"),
        ("83582NED", "2019-11-08"),
    ]
    assert [t.modified for t in found] == sorted((t.modified for t in found), reverse=True)


def test_the_short_title_counts_too(client: StatLineClient) -> None:
    """80137ned's title says 'leeftijd en opleidingsniveau'; only its short title says 'persoonskenmerken'."""
    assert [t.table for t in find_tables(client, "arbeidsrekeningen persoonskenmerken")] == ["80137ned"]


def test_no_table_found_says_what_was_searched_and_where(client: StatLineClient) -> None:
    with pytest.raises(CbsError) as error:
        find_tables(client, "kerncijfers wijken en buurten 2023")
    assert error.value.code == "no-table"
    assert "kerncijfers wijken en buurten 2023" in str(error.value)
    assert f"{CATALOG_BASE}/Tables" in str(error.value)


def test_the_catalogue_of_a_mirror() -> None:
    mirror = "https://proxy.example/cbs/ODataFeed/odata"
    recorded = RecordedCBS(v3=mirror, catalog="https://proxy.example/cbs/ODataCatalog")
    client = StatLineClient(mirror, transport=recorded.transport)
    assert find_tables(client, "vacature-indicator")[0].table == "84287NED"
    assert recorded.requests == ["https://proxy.example/cbs/ODataCatalog/Tables?$format=json"]
    assert V3_BASE not in recorded.requests[0]
