# SPDX-License-Identifier: EUPL-1.2
"""The StatLine model: what a CBS table holds, and how to find a table by its title.

A StatLine table has **measures** (CBS: *onderwerpen*, Topic; ``Totaal_1``, ``AantalInwoners_5``
in v3, ``M000352`` in v4), each with a title, a unit and a number of decimals, and
**dimensions** (``RegioS``, ``WijkenEnBuurten``, ``Perioden``, ``Geslacht``), each with its
**categories** (the codes a figure is for, ``GM0396``, ``2023JJ00``, ``T001038``). One dimension
may be geographic (v3 type ``GeoDimension`` or ``GeoDetail``, v4 kind ``GeoDimension`` or
``GeoDetailDimension``) and one is time (``TimeDimension``): its categories carry the status of
the figures of that period, ``Definitief``, ``Voorlopig`` or ``Nader voorlopig``.

The figures themselves are read by :mod:`koers.importers.cbs.observations`.

CBS gives a table a new id every year (Kerncijfers wijken en buurten: 85318NED for 2022,
85618NED for 2023), so a lasting reference names words of the title: :func:`find_tables`
searches the catalogue, newest first.

The parsing functions take the rows of an answer (its ``value`` list) and do no I/O, so that
they are tested on recorded answers; the ``load_*`` functions ask a :class:`StatLineClient`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cached_property
from typing import Any, Final

from koers.domain.regions import is_region_code
from koers.importers.cbs.client import StatLineClient
from koers.importers.cbs.errors import CbsError


class DimensionKind(StrEnum):
    """What a dimension divides the figures by."""

    PLAIN = "dimension"
    TIME = "time"
    GEO = "geo"


#: The v3 ``Type`` of a DataProperty and the v4 ``Kind`` of a dimension, as koers reads them.
DIMENSION_KINDS: Final = {
    "Dimension": DimensionKind.PLAIN,
    "TimeDimension": DimensionKind.TIME,
    "GeoDimension": DimensionKind.GEO,
    "GeoDetail": DimensionKind.GEO,
    "GeoDetailDimension": DimensionKind.GEO,
}


@dataclass(frozen=True, slots=True)
class Measure:
    """A measure (CBS: topic, *onderwerp*): ``key`` names it in the data; ``group`` holds the
    titles of the topic groups it sits in, outermost first (three measures of one table can all
    be called "Totaal")."""

    key: str
    title: str
    unit: str | None = None
    decimals: int | None = None
    group: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Category:
    """A category of a dimension: its code (padding stripped), its title, and for a period the
    status CBS gives its figures (``Definitief``, ``Voorlopig``, ``Nader voorlopig``)."""

    key: str
    title: str
    status: str | None = None


@dataclass(frozen=True, slots=True)
class Dimension:
    """A dimension of a table. ``categories`` is empty until they are loaded."""

    key: str
    title: str
    kind: DimensionKind = DimensionKind.PLAIN
    categories: tuple[Category, ...] = ()

    def category(self, key: str) -> Category | None:
        """The category with code ``key`` (padded or not), or None."""
        wanted = key.strip()
        return next((c for c in self.categories if c.key == wanted), None)


@dataclass(frozen=True)
class TableStructure:
    """What a table holds: its measures and dimensions (v3 or v4 identifiers, per ``v4``)."""

    table: str
    measures: tuple[Measure, ...]
    dimensions: tuple[Dimension, ...]
    v4: bool = False

    @cached_property
    def geo(self) -> Dimension | None:
        """The geographic dimension, if the table has one."""
        return next((d for d in self.dimensions if d.kind is DimensionKind.GEO), None)

    @cached_property
    def time(self) -> Dimension | None:
        """The time dimension (``Perioden``), if the table has one."""
        return next((d for d in self.dimensions if d.kind is DimensionKind.TIME), None)

    @cached_property
    def others(self) -> tuple[Dimension, ...]:
        """The dimensions that are neither the geographic one nor time, in the table's order."""
        return tuple(d for d in self.dimensions if d is not self.geo and d is not self.time)

    @cached_property
    def measures_by_key(self) -> Mapping[str, Measure]:
        return {m.key: m for m in self.measures}

    def dimension(self, key: str) -> Dimension | None:
        return next((d for d in self.dimensions if d.key == key), None)


@dataclass(frozen=True, slots=True)
class TableInfo:
    """A table's description (v3 ``TableInfos``): ``status`` is CBS's output status
    (``Regulier``, ``Gediscontinueerd``), ``reason`` why this version was published
    (``Nieuw``, ``Actualisering``, ``Verbetering``); ``modified`` is an ISO date-time."""

    table: str
    title: str
    short_title: str
    modified: str
    period: str
    status: str
    reason: str
    frequency: str
    summary: str


@dataclass(frozen=True, slots=True)
class CatalogTable:
    """A table as the catalogue lists it."""

    table: str
    title: str
    short_title: str
    modified: str
    period: str
    frequency: str
    catalog: str


# -- parsing (no I/O) --------------------------------------------------------------------------


def _text(row: Mapping[str, Any], key: str) -> str:
    value = row.get(key)
    return "" if value is None else str(value).strip()


def parse_entity_sets(rows: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """A table's index (v3 ``/{table}``): each entity set's name and address."""
    return {str(row["name"]): str(row["url"]) for row in rows if row.get("name")}


def parse_table_info(rows: Iterable[Mapping[str, Any]], table: str, url: str | None = None) -> TableInfo:
    """The first row of a v3 ``TableInfos`` answer (from ``url``, for the message when it is empty)."""
    row = next(iter(rows), None)
    if row is None:
        raise CbsError("not-json", url, error="TableInfos is empty")
    return TableInfo(
        table=_text(row, "Identifier") or table,
        title=_text(row, "Title"),
        short_title=_text(row, "ShortTitle"),
        modified=_text(row, "Modified"),
        period=_text(row, "Period"),
        status=_text(row, "OutputStatus"),
        reason=_text(row, "ReasonDelivery"),
        frequency=_text(row, "Frequency"),
        summary=_text(row, "Summary"),
    )


def parse_data_properties(rows: Iterable[Mapping[str, Any]]) -> tuple[tuple[Measure, ...], tuple[Dimension, ...]]:
    """The measures and dimensions of a v3 ``DataProperties`` answer, in the table's order.

    Topic groups (``TopicGroup``) give each measure in them its ``group``; a property of a type
    koers does not know is left out.
    """
    rows = list(rows)
    groups = {row.get("ID"): row for row in rows if row.get("Type") == "TopicGroup"}
    measures, dimensions = [], []
    for row in rows:
        kind = row.get("Type")
        if kind == "Topic":
            measures.append(
                Measure(
                    key=_text(row, "Key"),
                    title=_text(row, "Title"),
                    unit=_text(row, "Unit") or None,
                    decimals=_decimals(row.get("Decimals")),
                    group=_group_titles(row.get("ParentID"), groups),
                )
            )
        elif kind in DIMENSION_KINDS:
            dimensions.append(Dimension(_text(row, "Key"), _text(row, "Title"), DIMENSION_KINDS[kind]))
    return tuple(measures), tuple(dimensions)


def _group_titles(parent: Any, groups: Mapping[Any, Mapping[str, Any]]) -> tuple[str, ...]:
    titles: list[str] = []
    while parent is not None and parent in groups and len(titles) < 20:
        titles.insert(0, _text(groups[parent], "Title"))
        parent = groups[parent].get("ParentID")
    return tuple(titles)


def _decimals(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def parse_categories(rows: Iterable[Mapping[str, Any]]) -> tuple[Category, ...]:
    """The categories of a dimension: a v3 entity set (``Key``) or a v4 ``...Codes`` set
    (``Identifier``). Codes are stripped of CBS's padding (``"NL01  "`` is ``NL01``)."""
    return tuple(
        Category(
            key=_text(row, "Key") or _text(row, "Identifier"),
            title=_text(row, "Title"),
            status=_text(row, "Status") or None,
        )
        for row in rows
    )


def parse_v4_measures(rows: Iterable[Mapping[str, Any]]) -> tuple[Measure, ...]:
    """The measures of a v4 ``MeasureCodes`` answer."""
    return tuple(
        Measure(
            key=_text(row, "Identifier"),
            title=_text(row, "Title"),
            unit=_text(row, "Unit") or None,
            decimals=_decimals(row.get("Decimals")),
        )
        for row in rows
    )


def parse_v4_dimensions(rows: Iterable[Mapping[str, Any]]) -> tuple[Dimension, ...]:
    """The dimensions of a v4 ``Dimensions`` answer (a kind koers does not know is plain)."""
    return tuple(
        Dimension(
            _text(row, "Identifier"),
            _text(row, "Title"),
            DIMENSION_KINDS.get(_text(row, "Kind"), DimensionKind.PLAIN),
        )
        for row in rows
    )


def parse_catalog(rows: Iterable[Mapping[str, Any]]) -> list[CatalogTable]:
    """The tables of a catalogue answer (``ODataCatalog/Tables``)."""
    return [
        CatalogTable(
            table=_text(row, "Identifier"),
            title=_text(row, "Title"),
            short_title=_text(row, "ShortTitle"),
            modified=_text(row, "Modified"),
            period=_text(row, "Period"),
            frequency=_text(row, "Frequency"),
            catalog=_text(row, "Catalog"),
        )
        for row in rows
    ]


def matching_tables(tables: Iterable[CatalogTable], title: str) -> list[CatalogTable]:
    """The tables whose title or short title holds every word of ``title`` (ignoring case),
    the most recently modified first."""
    words = title.casefold().split()
    found = [t for t in tables if words and all(w in f"{t.title} {t.short_title}".casefold() for w in words)]
    return sorted(found, key=lambda t: t.modified, reverse=True)


def looks_geographic(categories: Iterable[Category]) -> bool:
    """Whether every code of a dimension is a CBS region code (``NL01``, ``GM0396``, ...): a
    table that does not mark its regions as geographic still has them found."""
    keys = [c.key for c in categories]
    return bool(keys) and all(is_region_code(key) for key in keys)


# -- loading (asks the client) -----------------------------------------------------------------


def load_table_info(client: StatLineClient, table: str) -> TableInfo:
    """The description of ``table`` (v3 ``TableInfos``)."""
    url = client.v3_url(table, "TableInfos")
    return parse_table_info(client.rows(url), table, client.rewrite(url))


def load_entity_sets(client: StatLineClient, table: str) -> dict[str, str]:
    """The entity sets of ``table`` (v3), by name."""
    return parse_entity_sets(client.rows(client.v3_url(table)))


def load_categories(client: StatLineClient, table: str, dimension: str, *, v4: bool = False) -> tuple[Category, ...]:
    """The categories of one dimension: v3 ``/{table}/{dimension}``, v4 ``/{table}/{dimension}Codes``."""
    url = client.v4_url(table, f"{dimension}Codes") if v4 else client.v3_url(table, dimension)
    return parse_categories(client.rows(url))


def load_structure(
    client: StatLineClient, table: str, *, v4: bool = False, all_categories: bool = False
) -> TableStructure:
    """The measures and dimensions of ``table``.

    The categories of the time dimension are always loaded (they hold each period's status);
    those of the other dimensions only with ``all_categories`` (a mapping that names categories
    by title needs them), or when no dimension is marked geographic: then a dimension whose
    codes are all region codes is taken for the geographic one.
    """
    if v4:
        measures = parse_v4_measures(client.rows(client.v4_url(table, "MeasureCodes")))
        dimensions = list(parse_v4_dimensions(client.rows(client.v4_url(table, "Dimensions"))))
    else:
        measures, found = parse_data_properties(client.rows(client.v3_url(table, "DataProperties")))
        dimensions = list(found)
    for i, dimension in enumerate(dimensions):
        if all_categories or dimension.kind is DimensionKind.TIME:
            dimensions[i] = replace(dimension, categories=load_categories(client, table, dimension.key, v4=v4))
    if not any(d.kind is DimensionKind.GEO for d in dimensions):
        for i, dimension in enumerate(dimensions):
            if dimension.kind is not DimensionKind.PLAIN:
                continue
            categories = dimension.categories or load_categories(client, table, dimension.key, v4=v4)
            geographic = looks_geographic(categories)
            kind = DimensionKind.GEO if geographic else dimension.kind
            dimensions[i] = replace(dimension, kind=kind, categories=categories)
            if geographic:
                break
    return TableStructure(table, measures, tuple(dimensions), v4=v4)


def find_tables(client: StatLineClient, title: str) -> list[CatalogTable]:
    """The tables of the catalogue whose title holds every word of ``title``, newest first
    (by ``Modified``); a :class:`CbsError` when there is none."""
    url = client.catalog_url_for("Tables")
    found = matching_tables(parse_catalog(client.rows(url)), title)
    if not found:
        raise CbsError("no-table", client.rewrite(url), title=title)
    return found
