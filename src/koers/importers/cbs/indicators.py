# SPDX-License-Identifier: EUPL-1.2
"""The indicators CBS publishes, brought into a plan through the mapping files.

``koers fetch cbs --indicators`` reads the mappings (:mod:`koers.importers.indicator_mappings`),
finds each table (by id, or by its title in the catalogue: table ids change every year), checks
that the table has the mapped measure and categories, fetches each table once for the regions
the plan compares (its municipality, its peers and the Netherlands; for ``wijken`` also its own
wijken and buurten), and turns the figures into rows in koers's import columns. Those rows are a
:class:`~koers.importers.sources.RowsSource`: checked by the importer and stored by the store like
any file, so a BBV figure in the wrong unit is refused here exactly as in a file.

A figure CBS does not publish (a symbol instead of a number) is kept as *n.b.* with CBS's
reason; a figure for a period koers has no period for is left out and counted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Final

from koers.domain.measurements import SubjectKind, Unavailable
from koers.domain.plan import Plan
from koers.domain.regions import NETHERLANDS, RegionKind, clean_region_code
from koers.i18n import N_, gettext
from koers.importers.cbs.client import StatLineClient
from koers.importers.cbs.errors import CbsError
from koers.importers.cbs.observations import Observation, ObservationReader, data_url
from koers.importers.cbs.statline import (
    Dimension,
    Measure,
    TableStructure,
    find_tables,
    load_categories,
    load_structure,
)
from koers.importers.indicator_mappings import IndicatorMapping, MappingError, RegionSet
from koers.importers.sources import Origin, RowsSource
from koers.problems import Catalogue, Location, Problem, register

#: What koers writes as a figure's source, and as the kind of source in the import log.
SOURCE: Final = "CBS StatLine"
ORIGIN_KIND: Final = "cbs"
#: The columns of the rows made here, in the order problems name them.
HEADER: Final = (
    "goal",
    "series",
    "period",
    "area",
    "value",
    "unavailable",
    "unit",
    "status",
    "source",
    "source_ref",
    "note",
)

#: What CBS means by the symbol it writes instead of a figure (CBS's verklaring van tekens).
SYMBOLS: Final = {
    ".": N_("CBS: cijfer onbekend, onvoldoende betrouwbaar of geheim"),
    "x": N_("CBS: geheim"),
    "": N_("CBS: geen cijfer gepubliceerd"),
}
OTHER_SYMBOL: Final = N_("CBS: geen cijfer ({symbol})")

RESOLVE_MESSAGES: Catalogue = {
    "mapping-table-not-found": (
        N_("Het CBS heeft geen tabel met '{title}' in de titel."),
        N_("Zoek de tabel op statline.cbs.nl en zet het tabelnummer in de kolom 'table'."),
    ),
    "mapping-unknown-measure": (
        N_("Tabel {table} heeft geen onderwerp '{value}'."),
        N_("Kies een onderwerp van deze tabel (sleutel of titel), bijvoorbeeld: {examples}."),
    ),
    "mapping-ambiguous-measure": (
        N_("Tabel {table} heeft meer dan één onderwerp met de titel '{value}'."),
        N_("Noem het onderwerp met zijn sleutel: {examples}."),
    ),
    "mapping-unknown-dimension": (
        N_("Tabel {table} heeft geen indeling '{value}'."),
        N_("De indelingen van deze tabel zijn: {examples}."),
    ),
    "mapping-unknown-category": (
        N_("De indeling {dimension} van tabel {table} heeft geen categorie '{value}'."),
        N_("Kies een categorie (code of titel), bijvoorbeeld: {examples}."),
    ),
    "mapping-unknown-goal": (
        N_("Het plan heeft geen doel '{value}'."),
        N_("Gebruik het id van een doel uit het plan, of haal de regel weg."),
    ),
    "mapping-no-period": (
        N_("Tabel {table} heeft geen perioden en de regel noemt geen periode."),
        N_("Zet in de kolom 'period' het jaar waarover de tabel gaat (bijvoorbeeld 2024)."),
    ),
}
register("mapping-resolve", RESOLVE_MESSAGES)
#: How many measures or categories a hint names.
EXAMPLES: Final = 6


@dataclass(frozen=True, slots=True)
class Resolved:
    """A mapping found in its table: the subject it fills, the table, the measure, and the
    category code each filtered dimension must have."""

    mapping: IndicatorMapping
    subject: str
    structure: TableStructure
    measure: Measure
    filters: Mapping[str, str]
    regions: Regions


@dataclass
class Outcome:
    """What fetching the indicators found: the rows to check and store, and what was left out."""

    source: RowsSource
    #: Mappings the plan has no use for (a BBV indicator it does not report on), by line.
    skipped: list[IndicatorMapping] = field(default_factory=list)
    #: Figures left out because koers has no period for CBS's period code, by code.
    unmapped_periods: dict[str, int] = field(default_factory=dict)
    #: The tables fetched, by id.
    tables: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Regions:
    """The regions to fetch: exact codes, and prefixes (``WK0396``) for wijken and buurten; with
    ``every``, each region of the table."""

    codes: frozenset[str]
    prefixes: tuple[str, ...] = ()
    every: bool = False

    def wants(self, code: str | None) -> bool:
        return code is not None and (self.every or code in self.codes or code.startswith(self.prefixes))

    def asked(self) -> tuple[str, ...]:
        """What to ask CBS for: each code and each prefix (matched as a substring); nothing (no
        filter) for every region."""
        return () if self.every else tuple(sorted(self.codes)) + self.prefixes


def regions_for(plan: Plan, wanted: RegionSet) -> Regions:
    """The municipality, its peers and the Netherlands; for ``wijken`` also the municipality's
    wijken and buurten (every WK and BU code under its number); for ``alle`` every region."""
    own = plan.municipality.cbs_code
    codes = {own, NETHERLANDS, *(peer.cbs_code for peer in plan.comparison.peers)}
    if wanted is RegionSet.ALL:
        return Regions(frozenset(codes), every=True)
    if wanted is RegionSet.MUNICIPALITIES:
        return Regions(frozenset(codes))
    number = own[2:]
    return Regions(frozenset(codes), (f"{RegionKind.WIJK.value}{number}", f"{RegionKind.BUURT.value}{number}"))


def indicator_source(
    client: StatLineClient,
    plan: Plan,
    mappings: Sequence[IndicatorMapping],
    origin_name: str,
    *,
    on_table: Callable[[str, int], None] | None = None,
) -> Outcome:
    """Every mapped figure for ``plan`` as rows to import. Raises :class:`MappingError` (every
    line that does not fit its table, located) before any figure is fetched, and
    :class:`CbsError` when CBS cannot be asked."""
    wanted, skipped = _subjects(plan, mappings)
    resolved = _resolve(client, plan, wanted)
    rows: list[dict[str, Any]] = []
    unmapped: dict[str, int] = defaultdict(int)
    by_table: dict[str, list[Resolved]] = defaultdict(list)
    for item in resolved:
        by_table[item.structure.table].append(item)
    for table, items in by_table.items():
        regions = _union(item.regions for item in items)
        structure = items[0].structure
        # CBS is asked for the codes and prefixes (as substrings); each mapping keeps its own
        # regions exactly, so the reader itself filters nothing.
        reader = ObservationReader(structure)
        index = _Index(items)
        url = data_url(client, structure, regions.asked() if structure.geo else ())
        for page in client.pages(url):
            for observation in reader.read_page(page.rows):
                for item in index.items_for(observation):
                    row = _row(item, observation)
                    if row is None:
                        unmapped[observation.period or ""] += 1
                    else:
                        rows.append(row)
            if on_table is not None:
                on_table(table, reader.rows_read)
    source = RowsSource(Origin(ORIGIN_KIND, origin_name), origin_name, rows, HEADER)
    return Outcome(source, skipped, dict(unmapped), list(by_table))


class _Index:
    """The mappings of one table by what they take (measure and filtered categories), so that a
    figure finds its mappings in a dictionary look-up per shape of filter, not by asking each."""

    def __init__(self, items: Sequence[Resolved]) -> None:
        self._by_shape: dict[tuple[str, ...], dict[tuple[str, ...], list[Resolved]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for item in items:
            dimensions = tuple(sorted(item.filters))
            self._by_shape[dimensions][(item.measure.key, *(item.filters[d] for d in dimensions))].append(item)

    def items_for(self, observation: Observation) -> Iterator[Resolved]:
        dims = observation.dimensions
        for dimensions, found in self._by_shape.items():
            for item in found.get((observation.measure, *(dims.get(d, "") for d in dimensions)), ()):
                if item.regions.wants(observation.region):
                    yield item


def _union(sets: Iterable[Regions]) -> Regions:
    codes: set[str] = set()
    prefixes: list[str] = []
    every = False
    for regions in sets:
        codes |= regions.codes
        prefixes += [p for p in regions.prefixes if p not in prefixes]
        every = every or regions.every
    return Regions(frozenset(codes), tuple(prefixes), every)


def _subjects(
    plan: Plan, mappings: Sequence[IndicatorMapping]
) -> tuple[list[tuple[IndicatorMapping, str]], list[IndicatorMapping]]:
    """Each mapping with the plan's subject it fills; BBV indicators the plan does not report on
    are skipped; a goal the plan does not have is a problem."""
    bbv = {str(b.number): b.id for b in plan.bbv_indicators if b.number is not None}
    goals = {g.id for g in plan.goals}
    wanted: list[tuple[IndicatorMapping, str]] = []
    skipped: list[IndicatorMapping] = []
    problems: list[Problem] = []
    for mapping in mappings:
        if mapping.kind is SubjectKind.BBV:
            if mapping.key in bbv:
                wanted.append((mapping, bbv[mapping.key]))
            else:
                skipped.append(mapping)
        elif mapping.kind is SubjectKind.GOAL and mapping.key not in goals:
            problems.append(_problem("mapping-unknown-goal", mapping, "indicator", value=mapping.key))
        else:
            wanted.append((mapping, mapping.key))
    if problems:
        raise MappingError(problems)
    return wanted, skipped


def _resolve(client: StatLineClient, plan: Plan, wanted: list[tuple[IndicatorMapping, str]]) -> list[Resolved]:
    """Each mapping in its table, or every problem at once."""
    tables: dict[str, str] = {}
    structures: dict[str, TableStructure] = {}
    problems: list[Problem] = []
    resolved: list[Resolved] = []
    for mapping, subject in wanted:
        table = _table(client, mapping, tables, problems)
        if table is None:
            continue
        if table not in structures:
            structures[table] = load_structure(client, table)
        structures[table] = _with_categories(client, structures[table], [name for name, _ in mapping.filters])
        item = _resolve_one(plan, mapping, subject, structures[table], problems)
        if item is not None:
            resolved.append(item)
    if problems:
        raise MappingError(problems)
    return resolved


def _with_categories(client: StatLineClient, structure: TableStructure, names: Sequence[str]) -> TableStructure:
    """``structure`` with the categories of the dimensions named in filters loaded (only those:
    a table's other dimensions can have thousands)."""
    dimensions = list(structure.dimensions)
    changed = False
    for i, dimension in enumerate(dimensions):
        named = any(_same(dimension.key, name) or _same(dimension.title, name) for name in names)
        if named and not dimension.categories:
            categories = load_categories(client, structure.table, dimension.key, v4=structure.v4)
            dimensions[i] = replace(dimension, categories=categories)
            changed = True
    return replace(structure, dimensions=tuple(dimensions)) if changed else structure


def _table(
    client: StatLineClient, mapping: IndicatorMapping, found: dict[str, str], problems: list[Problem]
) -> str | None:
    if mapping.table:
        return mapping.table
    title = mapping.title or ""
    if title not in found:
        try:
            found[title] = find_tables(client, title)[0].table
        except CbsError as err:
            if err.code != "no-table":
                raise
            problems.append(_problem("mapping-table-not-found", mapping, "title", title=title))
            return None
    return found[title]


def _resolve_one(
    plan: Plan, mapping: IndicatorMapping, subject: str, structure: TableStructure, problems: list[Problem]
) -> Resolved | None:
    count = len(problems)
    measure = _measure(mapping, structure, problems)
    filters: dict[str, str] = {}
    for name, wanted in mapping.filters:
        dimension = next((d for d in structure.others if _same(d.key, name) or _same(d.title, name)), None)
        if dimension is None:
            names = [d.key for d in structure.others]
            problems.append(
                _problem("mapping-unknown-dimension", mapping, "filters", value=name, **_facts(structure, names))
            )
            continue
        category = _category(dimension, wanted)
        if category is None:
            examples = [f"{c.key} ({c.title})" for c in dimension.categories]
            problems.append(
                _problem(
                    "mapping-unknown-category",
                    mapping,
                    "filters",
                    value=wanted,
                    dimension=dimension.key,
                    **_facts(structure, examples),
                )
            )
            continue
        filters[dimension.key] = category
    if structure.time is None and mapping.period is None:
        problems.append(_problem("mapping-no-period", mapping, "period", table=structure.table))
    if len(problems) > count or measure is None:
        return None
    return Resolved(mapping, subject, structure, measure, filters, regions_for(plan, mapping.regions))


def _measure(mapping: IndicatorMapping, structure: TableStructure, problems: list[Problem]) -> Measure | None:
    by_key = [m for m in structure.measures if _same(m.key, mapping.measure)]
    if by_key:
        return by_key[0]
    by_title = [m for m in structure.measures if _same(m.title, mapping.measure)]
    if len(by_title) == 1:
        return by_title[0]
    if by_title:
        keys = [f"{m.key} ({' / '.join((*m.group, m.title))})" for m in by_title]
        problems.append(
            _problem("mapping-ambiguous-measure", mapping, "measure", value=mapping.measure, **_facts(structure, keys))
        )
        return None
    titles = [f"{m.key} ({m.title})" for m in structure.measures]
    problems.append(
        _problem("mapping-unknown-measure", mapping, "measure", value=mapping.measure, **_facts(structure, titles))
    )
    return None


def _category(dimension: Dimension, wanted: str) -> str | None:
    for category in dimension.categories:
        if _same(category.key, wanted) or _same(category.title, wanted):
            return category.key
    return None


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _facts(structure: TableStructure, examples: Sequence[str]) -> dict[str, Any]:
    shown = ", ".join(examples[:EXAMPLES]) + (", ..." if len(examples) > EXAMPLES else "")
    return {"table": structure.table, "examples": shown}


def _row(item: Resolved, observation: Observation) -> dict[str, Any] | None:
    """The import row of one figure, or None when koers has no period for its CBS period."""
    mapping = item.mapping
    if observation.period is not None and observation.koers_period is None:
        return None
    period = observation.koers_period or mapping.period
    column = "series" if mapping.kind is SubjectKind.SERIES else "goal"
    row: dict[str, Any] = {
        column: item.subject,
        "period": period.code if period else None,
        "area": clean_region_code(observation.region or ""),
        "unit": mapping.unit,
        "status": observation.status.value,
        "source": SOURCE,
        "source_ref": f"{item.structure.table} {item.measure.key}",
    }
    if observation.value is not None:
        row["value"] = observation.value
    else:
        row["unavailable"] = Unavailable.NOT_AVAILABLE.value
        row["note"] = _symbol_reason(observation.symbol or "")
    return row


def _symbol_reason(symbol: str) -> str:
    """Why a figure is not there, in Dutch (stored with the figure, as a file's note would be)."""
    template = SYMBOLS.get(symbol, OTHER_SYMBOL)
    return gettext(template, "nl", symbol=symbol)


def _problem(code: str, mapping: IndicatorMapping, column: str, **context: Any) -> Problem:
    where = Location(mapping.origin, line=mapping.line, column=column)
    return Problem(code, column, where, dict(context), catalogue="mapping-resolve")
