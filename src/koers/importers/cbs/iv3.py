# SPDX-License-Identifier: EUPL-1.2
"""A municipality's money per Iv3 taakveld from a CBS StatLine table, as money rows for its plan.

Every municipality reports its baten and lasten per *taakveld* (Iv3: 6.1 Samenkracht en
burgerparticipatie, 6.71 Maatwerkdienstverlening 18+ ...) to CBS, which publishes them: the
budgets (*begrotingen*) and the accounts (*jaarrekeningen*) in tables of their own. Where a plan
maps taakvelden to its challenges (``money: taakvelden``), such a table gives the money of each
challenge without anyone typing it over.

This module only turns the table into rows in koers's money columns (``taakveld``, ``year``,
``kind``, ``amount``, ``source``): the same checker as a file's
(:func:`koers.importers.money.check_money_rows`) adds the taakvelden up per challenge, and the
same store keeps them with their provenance. What it must find out itself:

* the taakveld dimension: the one whose categories are titled with a taakveld code
  ("6.1 Samenkracht en burgerparticipatie"); CBS's own category keys are opaque (``T001234``);
* the measure: ``Lasten`` unless another is named (by key or title);
* the unit: CBS publishes in ``x 1 000 euro``; a measure per inhabitant cannot be added up to a
  challenge's money and is refused;
* any further dimension (a breakdown by kind of cost) is read at its total category only.

Only the municipality's own figures are asked for, and only whole years (``2023JJ00``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from koers.domain.measurements import MeasurementStatus
from koers.domain.money import AmountKind, taakveld_code
from koers.domain.plan import Plan
from koers.domain.wording import Wording
from koers.i18n import N_
from koers.importers.cbs.client import StatLineClient
from koers.importers.cbs.observations import Observation, ObservationReader
from koers.importers.cbs.statline import Dimension, Measure, TableStructure, load_structure
from koers.importers.money import MoneyRowsSource
from koers.importers.sources import Origin

#: The import log's kind of amounts fetched from CBS.
ORIGIN_KIND: Final = "cbs-iv3"
#: The measure read when none is named: what a taakveld costs.
DEFAULT_MEASURE: Final = "Lasten"
#: A category that stands for all others of its dimension starts with this word.
TOTAL_WORD: Final = "totaal"
#: How an amount's source says that CBS calls the year's figures provisional.
PROVISIONAL_WORD: Final = "voorlopig"
#: A whole year in CBS's period codes.
_YEAR = re.compile(r"^(\d{4})JJ00$")
#: Euro units as CBS writes them (lower case, spaces squeezed), and what one unit is in euro.
EURO_UNITS: Final = {
    "euro": 1.0,
    "x 1 000 euro": 1_000.0,
    "1 000 euro": 1_000.0,
    "x 1000 euro": 1_000.0,
    "1000 euro": 1_000.0,
    "x 1 mln euro": 1_000_000.0,
    "mln euro": 1_000_000.0,
    "x 1 miljoen euro": 1_000_000.0,
}

#: A measure relative to something ("Lasten per inwoner"): CBS gives its unit as plain "euro".
RELATIVE: Final = re.compile(r"\bper\b", re.IGNORECASE)

#: Why a table cannot give money, by code; ``{table}`` is its id.
MESSAGES: Final = {
    "no-taakveld-dimension": N_(
        "Tabel {table} is niet ingedeeld naar Iv3-taakveld (geen indeling met titels als '6.1 Samenkracht en "
        "burgerparticipatie'). Kies een Iv3-tabel van het CBS met baten en lasten per taakveld."
    ),
    "no-measure": N_("Tabel {table} heeft geen onderwerp '{measure}'. Kies er een met --measure: {available}."),
    "not-euro": N_(
        "Onderwerp '{measure}' van tabel {table} (in '{unit}') is geen bedrag in euro. Bedragen per inwoner of "
        "in procenten tellen niet op tot het geld van een opgave: kies met --measure een onderwerp in (x 1 000) euro."
    ),
    "no-total": N_(
        "Tabel {table} is ook ingedeeld naar '{dimension}', zonder categorie 'Totaal'. koers kan daar niet het "
        "geheel van kiezen: maak er een bestand van en importeer dat met koers money import."
    ),
    "no-region": N_("Tabel {table} is niet ingedeeld naar gemeente. Kies een Iv3-tabel met cijfers per gemeente."),
}


class Iv3Error(Exception):
    """A table that cannot give a municipality's money per taakveld; ``code`` is a key of
    :data:`MESSAGES`."""

    def __init__(self, code: str, **facts: Any) -> None:
        self.code = code
        self.wording = Wording(MESSAGES[code], facts)
        super().__init__(self.message())

    def message(self, lang: str = "nl") -> str:
        return self.wording.render(lang, lambda value, _lang: value)


@dataclass(frozen=True, slots=True)
class Incomplete:
    """A challenge's year left out: the table has figures for some of its taakvelden, not all."""

    challenge: str
    year: int
    missing: tuple[str, ...]


@dataclass
class Iv3Outcome:
    """The rows to check and store, and what was left out and why."""

    source: MoneyRowsSource
    #: Taakvelden with figures that the plan maps to no challenge, with how many figures.
    unmapped: Counter[str] = field(default_factory=Counter)
    #: Challenge-years left out because a taakveld of the challenge has no figure that year.
    incomplete: list[Incomplete] = field(default_factory=list)
    #: Years read.
    years: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Reading:
    """How to read the table: its measure, taakveld dimension, euro factor and total filters."""

    structure: TableStructure
    measure: Measure
    #: The key of the taakveld dimension, and its category keys' taakveld codes.
    dimension: str
    taakvelden: dict[str, str]
    factor: float
    totals: dict[str, str]


def iv3_source(
    client: StatLineClient, plan: Plan, table: str, kind: AmountKind, *, measure: str | None = None, v4: bool = False
) -> Iv3Outcome:
    """The plan's municipality's figures of ``table`` as money rows of ``kind`` (the table says
    whether it holds begrotingen or jaarrekeningen; the user says so too). Raises
    :class:`Iv3Error` when the table cannot give money, and
    :class:`~koers.importers.cbs.CbsError` when CBS cannot be asked."""
    structure = load_structure(client, table, v4=v4, all_categories=True)
    reading = reading_of(structure, measure or DEFAULT_MEASURE)
    mapped = plan.money.taakvelden if plan.money else {}
    reader = ObservationReader(structure, regions=[plan.municipality.cbs_code])
    found: dict[tuple[str, int], float] = {}
    provisional: set[int] = set()
    unmapped: Counter[str] = Counter()
    for value, code, year, status in _figures(reader.fetch(client), reading):
        if code not in mapped:
            unmapped[code] += 1
            continue
        found[(code, year)] = round(value * reading.factor, 2)
        if status is MeasurementStatus.PROVISIONAL:
            provisional.add(year)
    years = sorted({year for _code, year in found})
    incomplete = _incomplete(mapped, found, years)
    left_out = {(i.challenge, i.year) for i in incomplete}
    rows = [
        {
            "taakveld": code,
            "year": str(year),
            "kind": kind.value,
            "amount": amount,
            "source": _source(table, year in provisional),
        }
        for (code, year), amount in sorted(found.items())
        if (mapped[code], year) not in left_out
    ]
    origin = Origin(ORIGIN_KIND, f"CBS {structure.table}")
    return Iv3Outcome(MoneyRowsSource(origin, rows), unmapped, incomplete, years)


def _incomplete(
    mapped: Mapping[str, str], found: Mapping[tuple[str, int], float], years: Sequence[int]
) -> list[Incomplete]:
    """Each challenge-year where the table has some of the challenge's taakvelden but not all:
    a sum of part of them would pass for the challenge's money and understate it."""
    by_challenge: dict[str, list[str]] = {}
    for code, challenge in sorted(mapped.items()):
        by_challenge.setdefault(challenge, []).append(code)
    left_out = []
    for challenge, codes in by_challenge.items():
        for year in years:
            missing = tuple(code for code in codes if (code, year) not in found)
            if missing:
                left_out.append(Incomplete(challenge, year, missing))
    return left_out


def _source(table: str, provisional: bool) -> str:
    """Where an amount comes from, as the money tables show it: the table, and whether CBS calls
    the year's figures provisional (they may still change)."""
    return f"CBS {table}, {PROVISIONAL_WORD}" if provisional else f"CBS {table}"


def _figures(
    observations: Iterator[Observation], reading: Reading
) -> Iterator[tuple[float, str, int, MeasurementStatus]]:
    """The figures of the measure, at each other dimension's total, per whole year, with a value:
    each as its value (in the table's unit), taakveld code, year and status."""
    for o in observations:
        if o.measure != reading.measure.key or o.value is None or o.period is None:
            continue
        year = _YEAR.match(o.period)
        if year is None or any(o.dimensions.get(k) != v for k, v in reading.totals.items()):
            continue
        code = reading.taakvelden.get(o.dimensions.get(reading.dimension, ""))
        if code is not None:
            yield o.value, code, int(year.group(1)), o.status


def reading_of(structure: TableStructure, wanted: str) -> Reading:
    """How to read ``structure`` for money, or an :class:`Iv3Error` saying why it cannot be."""
    table = structure.table
    if structure.geo is None:
        raise Iv3Error("no-region", table=table)
    dimension = next((d for d in structure.others if _taakvelden(d)), None)
    if dimension is None:
        raise Iv3Error("no-taakveld-dimension", table=table)
    measure = _measure(structure, wanted)
    factor = EURO_UNITS.get(" ".join((measure.unit or "").lower().split()))
    if factor is None or RELATIVE.search(measure.title):
        raise Iv3Error("not-euro", table=table, measure=measure.title, unit=measure.unit or "-")
    totals = {d.key: _total(d, table) for d in structure.others if d is not dimension}
    return Reading(structure, measure, dimension.key, _taakvelden(dimension), factor, totals)


def _taakvelden(dimension: Dimension) -> dict[str, str]:
    """Category key to taakveld code, when most of the dimension's categories are taakvelden
    (a total or a subtotal may be among them); else empty."""
    codes = {c.key: code for c in dimension.categories if (code := taakveld_code(c.title)) is not None}
    return codes if dimension.categories and len(codes) * 2 > len(dimension.categories) else {}


def _measure(structure: TableStructure, wanted: str) -> Measure:
    """The measure named ``wanted`` by key or title (any case), or an :class:`Iv3Error`."""
    word = wanted.strip().lower()
    found = next((m for m in structure.measures if word in (m.key.lower(), m.title.strip().lower())), None)
    if found is None:
        available = ", ".join(f"{m.key} ({m.title})" for m in structure.measures) or "-"
        raise Iv3Error("no-measure", table=structure.table, measure=wanted, available=available)
    return found


def _total(dimension: Dimension, table: str) -> str:
    """The key of the category of ``dimension`` that stands for all of it."""
    found = next((c.key for c in dimension.categories if c.title.strip().lower().startswith(TOTAL_WORD)), None)
    if found is None:
        raise Iv3Error("no-total", table=table, dimension=dimension.title)
    return found
