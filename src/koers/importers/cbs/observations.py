# SPDX-License-Identifier: EUPL-1.2
"""The figures of a StatLine table, as one tidy record per figure: :class:`Observation`.

CBS publishes the figures in three shapes, and koers reads all three into the same record:

* v3 ``TypedDataSet``: one row per combination of categories, one column per measure, numbers
  as JSON numbers and ``null`` where there is no figure;
* v3 ``UntypedDataSet``: the same, but every cell a padded string: codes ``"NL01  "``, figures
  ``"   135.5"``, and a symbol where there is no figure (``"."``, ``"x"``, ``""``,
  ``"       ."``). koers fetches this one by default, to keep the symbols;
* v4 ``Observations``: already long, one row per figure: ``Measure``, ``Value``,
  ``ValueAttribute`` (``None`` when there is a figure) and one column per dimension.

Periods: CBS codes ``2023JJ00`` (year), ``2023HJ01`` (half year), ``2023KW03`` (quarter) and
``2023MM11`` (month) become koers periods (:func:`koers.domain.periods.parse_period`). A code
koers has no period for (``2019X000``, a span of years; ``2023SJ00``; ``2023G900``) is **not** an
error and the row is **not** dropped: the observation keeps the CBS code in ``period`` with
``koers_period`` None, and the reader counts such figures per code (:attr:`ObservationReader.unmapped`)
so that the command line can say how many. Why: a fetched table should say what StatLine says,
row for row, and one multi-year column must not make the rest of a table unusable; only storing
a figure needs a koers period, and whoever stores skips (and reports) those without one. Guessing
a period for an unknown code would put a figure in the wrong period.

Status: a period CBS marks ``Voorlopig`` or ``Nader voorlopig`` gives provisional figures,
``Definitief`` final ones. A table without a time dimension, or a period without a status, is
taken as final (CBS marks provisional figures as such); a status word koers does not know is
taken as provisional (koers will not call a figure final that CBS did not).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from koers.domain.measurements import MeasurementStatus
from koers.domain.periods import Period, PeriodError, parse_period
from koers.domain.regions import clean_region_code
from koers.importers.cbs.client import StatLineClient
from koers.importers.cbs.statline import TableStructure

#: The status of a period's figures, by CBS's word for it (lower case).
STATUS_WORDS: Final = {
    "definitief": MeasurementStatus.FINAL,
    "voorlopig": MeasurementStatus.PROVISIONAL,
    "nader voorlopig": MeasurementStatus.PROVISIONAL,
}
#: The v4 ``ValueAttribute`` of a cell that holds a figure.
V4_NO_ATTRIBUTE: Final = "None"

OnPage = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Observation:
    """One published figure of a StatLine table, in long format: one measure, one combination
    of categories.

    * ``table``: the table's id (``83599NED``).
    * ``measure``: the measure's key as the table names it (v3 ``OpenstaandeVacatures_1``, v4
      ``M000352``); its title and unit are in the table's structure
      (:attr:`TableStructure.measures_by_key`).
    * ``dimensions``: the code of each dimension that is neither the geographic one nor time
      (``{"Geslacht": "T001038"}``), padding stripped. Observations of one row share this
      mapping: treat it as read-only.
    * ``region``: the code of the geographic dimension (``GM0396``, ``WK039601``, ``NL01``),
      stripped and in capitals; None for a table without regions.
    * ``period``: the CBS period code (``2023JJ00``), stripped; None for a table without time.
    * ``koers_period``: that period as koers knows it (``2023``), or None when koers has no
      period for the code (see the module's docstring) or the table has no time dimension.
    * ``value``: the figure, or None when there is none.
    * ``symbol``: None when there is a figure; otherwise what CBS wrote instead, stripped:
      ``"."`` (unknown or secret), ``"x"`` (secret), ``""`` (nothing at all, also a typed
      ``null``), a v4 ``ValueAttribute`` such as ``"Impossible"``. Exactly one of ``value`` and
      ``symbol`` is None.
    * ``status``: final or provisional, from the status CBS gives the period.
    """

    table: str
    measure: str
    dimensions: Mapping[str, str]
    region: str | None
    period: str | None
    koers_period: Period | None
    value: float | None
    symbol: str | None
    status: MeasurementStatus


def status_of(word: str | None) -> MeasurementStatus:
    """The status of figures CBS marks with ``word`` (see the module's docstring)."""
    if not word or not word.strip():
        return MeasurementStatus.FINAL
    return STATUS_WORDS.get(" ".join(word.lower().split()), MeasurementStatus.PROVISIONAL)


def koers_period(code: str) -> Period | None:
    """The koers period of a CBS period code (``2023KW03`` is ``2023-Q3``), or None."""
    try:
        return parse_period(code)
    except PeriodError:
        return None


def read_untyped(cell: Any) -> tuple[float | None, str | None]:
    """(value, symbol) of an ``UntypedDataSet`` cell: ``"   135.5"`` is (135.5, None);
    ``"       ."`` is (None, ".")."""
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return read_typed(cell)
    if cell is None:
        return None, ""
    text = str(cell).strip()
    try:
        number = float(text)
    except ValueError:
        return None, text
    if not math.isfinite(number):
        return None, text
    return number, None


def read_typed(cell: Any) -> tuple[float | None, str | None]:
    """(value, symbol) of a ``TypedDataSet`` cell: a number, or ``null`` (None, "")."""
    if cell is None:
        return None, ""
    if isinstance(cell, str):
        return read_untyped(cell)
    return float(cell), None


def region_filter(structure: TableStructure, regions: Sequence[str]) -> str | None:
    """The OData ``$filter`` that asks only for ``regions`` (region codes), or None.

    v3: ``substringof('GM0396',RegioS) or ...`` (the codes are padded, so ``eq`` would miss);
    v4: ``contains(RegioS,'GM0396') or ...``. The reader checks each code exactly as well.
    """
    geo = structure.geo
    if not regions or geo is None:
        return None
    codes = [code.replace("'", "''") for code in regions]
    if structure.v4:
        return " or ".join(f"contains({geo.key},'{code}')" for code in codes)
    return " or ".join(f"substringof('{code}',{geo.key})" for code in codes)


def data_url(
    client: StatLineClient, structure: TableStructure, regions: Sequence[str] = (), typed: bool = False
) -> str:
    """The address of the table's figures: v4 ``Observations``, else the v3 (un)typed data set."""
    wanted = region_filter(structure, regions)
    query = {"$filter": wanted} if wanted else {}
    if structure.v4:
        return client.v4_url(structure.table, "Observations", **query)
    return client.v3_url(structure.table, "TypedDataSet" if typed else "UntypedDataSet", **query)


class ObservationReader:
    """Reads the rows of one table into :class:`Observation` records, and counts as it goes.

    Codes, periods and dimension mappings are looked up once per distinct raw value, so that
    reading a row costs a few dictionary lookups and one number per measure. With ``regions``,
    only figures for those region codes are kept.
    """

    def __init__(self, structure: TableStructure, regions: Iterable[str] = ()) -> None:
        self.structure = structure
        self.regions = frozenset(clean_region_code(r) for r in regions)
        self.rows_read = 0
        self.observations = 0
        #: How many figures had a period koers has no period for, by CBS code.
        self.unmapped: Counter[str] = Counter()
        time = structure.time
        self._statuses = {c.key: c.status for c in time.categories} if time else {}
        self._geo = structure.geo.key if structure.geo else None
        self._time = time.key if time else None
        self._others = tuple(d.key for d in structure.others)
        self._codes: dict[str, str] = {}
        self._region_codes: dict[str, str] = {}
        self._periods: dict[str, tuple[str, Period | None, MeasurementStatus]] = {}
        self._dimension_maps: dict[tuple[str, ...], Mapping[str, str]] = {}

    # -- lookups, once per distinct raw value ---------------------------------------------------

    def _code(self, raw: Any) -> str:
        text = "" if raw is None else str(raw)
        found = self._codes.get(text)
        if found is None:
            found = self._codes[text] = text.strip()
        return found

    def _region(self, raw: Any) -> str:
        text = "" if raw is None else str(raw)
        found = self._region_codes.get(text)
        if found is None:
            found = self._region_codes[text] = clean_region_code(text)
        return found

    def _period(self, raw: Any) -> tuple[str, Period | None, MeasurementStatus]:
        text = "" if raw is None else str(raw)
        found = self._periods.get(text)
        if found is None:
            code = text.strip()
            found = self._periods[text] = (code, koers_period(code), status_of(self._statuses.get(code)))
        return found

    def _dimensions(self, raws: tuple[str, ...]) -> Mapping[str, str]:
        found = self._dimension_maps.get(raws)
        if found is None:
            found = self._dimension_maps[raws] = dict(zip(self._others, map(self._code, raws), strict=True))
        return found

    # -- reading rows ----------------------------------------------------------------------------

    def read_v3(self, rows: Iterable[Mapping[str, Any]], *, typed: bool = False) -> Iterator[Observation]:
        """Observations of v3 data-set rows (one column per measure)."""
        read = read_typed if typed else read_untyped
        table, regions = self.structure.table, self.regions
        geo, time, others = self._geo, self._time, self._others
        measures = [m.key for m in self.structure.measures]
        no_period: tuple[str | None, Period | None, MeasurementStatus] = (None, None, MeasurementStatus.FINAL)
        for row in rows:
            self.rows_read += 1
            region = self._region(row.get(geo)) if geo else None
            if regions and region not in regions:
                continue
            period, period_of_koers, status = self._period(row.get(time)) if time else no_period
            dimensions = self._dimensions(tuple(row.get(k) or "" for k in others))
            for key in measures:
                if key not in row:
                    continue
                value, symbol = read(row[key])
                self.observations += 1
                if period is not None and period_of_koers is None:
                    self.unmapped[period] += 1
                yield Observation(table, key, dimensions, region, period, period_of_koers, value, symbol, status)

    def read_v4(self, rows: Iterable[Mapping[str, Any]]) -> Iterator[Observation]:
        """Observations of v4 ``Observations`` rows (one row per figure)."""
        table, regions = self.structure.table, self.regions
        geo, time, others = self._geo, self._time, self._others
        no_period: tuple[str | None, Period | None, MeasurementStatus] = (None, None, MeasurementStatus.FINAL)
        for row in rows:
            self.rows_read += 1
            region = self._region(row.get(geo)) if geo else None
            if regions and region not in regions:
                continue
            period, period_of_koers, status = self._period(row.get(time)) if time else no_period
            dimensions = self._dimensions(tuple(row.get(k) or "" for k in others))
            value, symbol = _v4_cell(row)
            self.observations += 1
            if period is not None and period_of_koers is None:
                self.unmapped[period] += 1
            yield Observation(
                table,
                self._code(row.get("Measure")),
                dimensions,
                region,
                period,
                period_of_koers,
                value,
                symbol,
                status,
            )

    def read_page(self, rows: Iterable[Mapping[str, Any]], *, typed: bool = False) -> Iterator[Observation]:
        """Observations of one page of this table's data, in the shape of its version."""
        return self.read_v4(rows) if self.structure.v4 else self.read_v3(rows, typed=typed)

    def fetch(
        self, client: StatLineClient, *, typed: bool = False, on_page: OnPage | None = None
    ) -> Iterator[Observation]:
        """Every observation of the table, page by page; ``on_page(pages, rows)`` after each page.

        With regions, the request asks CBS for those regions only (:func:`region_filter`).
        """
        url = data_url(client, self.structure, sorted(self.regions), typed)
        for page in client.pages(url):
            yield from self.read_page(page.rows, typed=typed)
            if on_page is not None:
                on_page(page.number, self.rows_read)


def _v4_cell(row: Mapping[str, Any]) -> tuple[float | None, str | None]:
    """(value, symbol) of a v4 observation: ``Value``, else its ``ValueAttribute`` (or
    ``StringValue``) as the symbol."""
    value = row.get("Value")
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return float(value), None
    if isinstance(value, str) and value.strip():
        return read_untyped(value)
    attribute = row.get("ValueAttribute")
    if attribute and attribute != V4_NO_ATTRIBUTE:
        return None, str(attribute).strip()
    return None, str(row.get("StringValue") or "").strip()
