# SPDX-License-Identifier: EUPL-1.2
"""Mappings from a published table to a koers indicator: data, not code.

Which CBS table holds the number of bijstand recipients, and which of its columns, changes
more often than koers does: CBS gives a table a new id every year and now and then renames a
column. So the mapping is a tab-separated file a municipality can read and change, like the BBV
catalogue. koers ships one (``koers/catalogues/cbs-indicators.tsv``) for the social-domain BBV
indicators, the population by age that rates are computed from, and the wijk register; a
municipality passes its own with ``--mapping`` to map tables onto its own goals.

Each line maps one measure of one table:

* ``indicator``: what the figure is in koers: ``bbv:27`` (the plan's indicator with that number
  in the national catalogue), ``series:inwoners`` (a supporting series) or ``goal:ZW-05``.
* ``table`` (a table id, pinned) and/or ``title`` (words of the table's title, looked up in the
  catalogue: the newest table whose title holds every word).
* ``measure``: the key or title of the measure (CBS: a topic).
* ``filters``: the category of each other dimension, ``Geslacht=Totaal mannen en vrouwen;
  Leeftijd=Totaal`` (a key or a title).
* ``period``: the period of every figure, for a table without a time dimension (the
  Kerncijfers wijken en buurten describe one year).
* ``unit``: the unit of the published figure, in koers's words (``%``, ``aantal``, ``per 10.000
  inwoners``); checked against the plan's (and for BBV the catalogue's) unit.
* ``regions``: ``gemeenten`` (the municipality, its peers and the Netherlands), ``wijken``
  (the same, and the municipality's wijken and buurten) or ``alle`` (every region of the table).
* ``note``: anything a person should know.

Reading the file checks its shape (columns, indicators, units, periods) and says where a cell is
wrong; whether a table really has the measure and categories is checked when it is fetched.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Final

from koers.domain.measurements import SubjectKind
from koers.domain.periods import Period, PeriodError, parse_period
from koers.domain.units import parse_unit_text
from koers.i18n import N_
from koers.problems import Catalogue, Location, Problem, register


class RegionSet(StrEnum):
    """Which regions a mapping fetches: the municipality, its peers and the Netherlands; for
    ``wijken`` also the municipality's own wijken and buurten; for ``alle`` every region the
    table has (provinces, COROP areas, all municipalities)."""

    MUNICIPALITIES = "gemeenten"
    WIJKEN = "wijken"
    ALL = "alle"


#: The columns of a mapping file: required ones first.
REQUIRED_COLUMNS: Final = ("indicator", "measure", "unit")
OPTIONAL_COLUMNS: Final = ("table", "title", "filters", "period", "regions", "note")
COLUMNS: Final = REQUIRED_COLUMNS + OPTIONAL_COLUMNS

#: How the ``indicator`` cell names each kind of subject.
INDICATOR_PREFIXES: Final = {"bbv": SubjectKind.BBV, "series": SubjectKind.SERIES, "goal": SubjectKind.GOAL}

MAPPING_MESSAGES: Catalogue = {
    "mapping-unreadable": (
        N_("Het koppelbestand is niet te lezen: {detail}."),
        N_("Sla het op als tekst in UTF-8, met tabs tussen de kolommen."),
    ),
    "mapping-missing-column": (
        N_("De kolom '{name}' ontbreekt in de kopregel."),
        N_("De kolommen zijn: {columns}."),
    ),
    "mapping-unknown-column": (
        N_("koers kent de kolom '{name}' niet."),
        N_("Haal de kolom weg of verbeter de naam. De kolommen zijn: {columns}."),
    ),
    "mapping-bad-indicator": (
        N_("'{value}' is geen indicator."),
        N_("Schrijf bbv:NUMMER (bbv:27), series:NAAM (series:inwoners) of goal:ID (goal:ZW-05)."),
    ),
    "mapping-no-table": (
        N_("Deze regel noemt geen tabel."),
        N_("Vul 'table' in met een tabelnummer (85984NED) of 'title' met woorden uit de titel van de tabel."),
    ),
    "mapping-bad-filter": (
        N_("'{value}' is geen filter."),
        N_(
            "Schrijf DIMENSIE=CATEGORIE, gescheiden door puntkomma's: "
            "Geslacht=Totaal mannen en vrouwen; Leeftijd=Totaal."
        ),
    ),
    "mapping-bad-unit": (
        N_("'{value}' is geen eenheid die koers kent."),
        N_("Schrijf bijvoorbeeld %, aantal, euro, per 1.000 inwoners of per 10.000 inwoners van 18 jaar en ouder."),
    ),
    "mapping-bad-period": (
        N_("'{value}' is geen periode."),
        N_("Schrijf een jaar (2024) of een CBS-periode (2024JJ00), of laat de cel leeg."),
    ),
    "mapping-bad-regions": (
        N_("'{value}' is geen keuze voor de gebieden."),
        N_(
            "Schrijf 'gemeenten' (de gemeente, vergelijkbare gemeenten en Nederland), 'wijken' (ook de eigen "
            "wijken en buurten) of 'alle' (elke regio in de tabel)."
        ),
    ),
    "mapping-short-line": (
        N_("Deze regel heeft meer cellen dan de kopregel kolommen heeft."),
        N_("Haal de extra cellen weg of geef de kolom een naam in de kopregel."),
    ),
}
register("mapping", MAPPING_MESSAGES)


@dataclass(frozen=True, slots=True)
class IndicatorMapping:
    """One line of a mapping file: which measure of which table is which koers indicator."""

    line: int
    kind: SubjectKind
    #: The BBV number (as text), the series name or the goal id.
    key: str
    measure: str
    unit: str
    table: str | None = None
    title: str | None = None
    filters: tuple[tuple[str, str], ...] = ()
    period: Period | None = None
    regions: RegionSet = RegionSet.MUNICIPALITIES
    note: str | None = None
    #: The file it was read from, for messages.
    origin: str = ""

    @property
    def indicator(self) -> str:
        """The indicator as the file writes it (``bbv:27``)."""
        prefix = next(p for p, kind in INDICATOR_PREFIXES.items() if kind == self.kind)
        return f"{prefix}:{self.key}"


class MappingError(ValueError):
    """A mapping file with problems; each says where and what to do."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.describe() for p in problems))
        self.problems = problems


#: The packaged mapping file's name (package data of koers.catalogues).
PACKAGED_FILE: Final = "cbs-indicators.tsv"


@cache
def packaged_mappings() -> tuple[IndicatorMapping, ...]:
    """The mappings koers ships, read once (from the installed package, so a wheel has them)."""
    text = resources.files("koers.catalogues").joinpath(PACKAGED_FILE).read_text(encoding="utf-8")
    return tuple(read_mappings(text, f"koers ({PACKAGED_FILE})"))


def read_mapping_file(path: Path) -> list[IndicatorMapping]:
    """The mappings in the file at ``path``; :class:`MappingError` when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise MappingError([_problem("mapping-unreadable", "-", Location(str(path)), detail=str(err))]) from None
    return read_mappings(text, str(path))


def read_mappings(text: str, origin: str) -> list[IndicatorMapping]:
    """The mappings in ``text`` (a header line, then one mapping per line, cells separated by
    tabs; lines starting with ``#`` and empty lines are skipped). Every problem is collected, with
    its line and column, before :class:`MappingError` is raised."""
    lines = [
        (number, line)
        for number, line in enumerate(text.lstrip("\ufeff").splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not lines:
        raise MappingError([_problem("mapping-missing-column", "indicator", Location(origin), name="indicator")])
    header_line, header_text = lines[0]
    header = [cell.strip().lower() for cell in header_text.split("\t")]
    problems = _header_problems(header, Location(origin, line=header_line))
    if problems:
        raise MappingError(problems)
    mappings: list[IndicatorMapping] = []
    for number, line in lines[1:]:
        cells = line.split("\t")
        if len(cells) > len(header):
            problems.append(_problem("mapping-short-line", "-", Location(origin, line=number)))
            continue
        row = {name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(header)}
        mapping = _mapping(row, Location(origin, line=number), problems)
        if mapping is not None:
            mappings.append(mapping)
    if problems:
        raise MappingError(problems)
    return mappings


def _header_problems(header: list[str], where: Location) -> list[Problem]:
    columns = ", ".join(COLUMNS)
    problems = [
        _problem("mapping-unknown-column", name, _at(where, name), name=name, columns=columns)
        for name in header
        if name not in COLUMNS
    ]
    problems += [
        _problem("mapping-missing-column", name, where, name=name, columns=columns)
        for name in REQUIRED_COLUMNS
        if name not in header
    ]
    return problems


def _mapping(row: dict[str, str], where: Location, problems: list[Problem]) -> IndicatorMapping | None:
    """The mapping on one line, or None after adding its problems."""
    found = len(problems)
    kind, key = _indicator(row["indicator"], where, problems)
    if not row["measure"]:
        problems.append(
            _problem("mapping-missing-column", "measure", _at(where, "measure"), name="measure", columns="")
        )
    if parse_unit_text(row["unit"]) is None:
        problems.append(_problem("mapping-bad-unit", "unit", _at(where, "unit"), value=row["unit"]))
    table, title = row.get("table") or None, row.get("title") or None
    if table is None and title is None:
        problems.append(_problem("mapping-no-table", "table", _at(where, "table")))
    filters = _filters(row.get("filters", ""), where, problems)
    period = _period(row.get("period", ""), where, problems)
    regions = _regions(row.get("regions", ""), where, problems)
    if len(problems) > found or kind is None:
        return None
    return IndicatorMapping(
        where.line or 0,
        kind,
        key,
        row["measure"],
        row["unit"],
        table=table.upper() if table else None,
        title=title,
        filters=filters,
        period=period,
        regions=regions,
        note=row.get("note") or None,
        origin=where.file,
    )


def _indicator(text: str, where: Location, problems: list[Problem]) -> tuple[SubjectKind | None, str]:
    prefix, sep, key = text.partition(":")
    kind = INDICATOR_PREFIXES.get(prefix.strip().lower())
    key = key.strip()
    if not sep or kind is None or not key or (kind == SubjectKind.BBV and not key.isdigit()):
        problems.append(_problem("mapping-bad-indicator", "indicator", _at(where, "indicator"), value=text))
        return None, ""
    return kind, key


def _filters(text: str, where: Location, problems: list[Problem]) -> tuple[tuple[str, str], ...]:
    found: list[tuple[str, str]] = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        dimension, sep, category = part.partition("=")
        if not sep or not dimension.strip() or not category.strip():
            problems.append(_problem("mapping-bad-filter", "filters", _at(where, "filters"), value=part))
            continue
        found.append((dimension.strip(), category.strip()))
    return tuple(found)


def _period(text: str, where: Location, problems: list[Problem]) -> Period | None:
    if not text:
        return None
    try:
        return parse_period(text)
    except PeriodError:
        problems.append(_problem("mapping-bad-period", "period", _at(where, "period"), value=text))
        return None


def _regions(text: str, where: Location, problems: list[Problem]) -> RegionSet:
    if not text:
        return RegionSet.MUNICIPALITIES
    try:
        return RegionSet(text.lower())
    except ValueError:
        problems.append(_problem("mapping-bad-regions", "regions", _at(where, "regions"), value=text))
        return RegionSet.MUNICIPALITIES


def _at(where: Location, column: str) -> Location:
    return Location(where.file, line=where.line, column=column)


def _problem(code: str, field: str, where: Location, **context: object) -> Problem:
    return Problem(code, field, where, dict(context), catalogue="mapping")
