# SPDX-License-Identifier: EUPL-1.2
"""The national catalogue of BBV indicators, and how a plan's BBV units compare with it.

The Besluit begroting en verantwoording (BBV) obliges every municipality to report a set of
policy indicators, each with a number, a name, a unit and a source. The set changes now and then,
so koers keeps it as data: :mod:`koers.catalogues` ships the published list as a tab-separated
file, and a municipality can pass its own, newer one. This module holds the catalogue's shape,
reads its text, and says where a plan's unit contradicts the catalogue's: a percentage against a
count, or another base ('per 1.000' against 'per 10.000'). Other differences in wording ('Aantal
per 10.000 inwoners' against 'aantal per 10.000 inwoners van 18 jaar en ouder') are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Final

from koers.domain.units import Unit, UnitKind, parse_unit_text
from koers.domain.wording import Wording
from koers.i18n import N_


@dataclass(frozen=True, slots=True)
class BbvEntry:
    """One indicator of the national catalogue, as published."""

    number: int
    name: str
    unit: str
    source: str
    taakveld: str


class BbvCatalogue(Mapping[int, BbvEntry]):
    """The catalogue by number; ``origin`` says where it was read from (for messages)."""

    def __init__(self, entries: Iterable[BbvEntry], origin: str = "") -> None:
        self._entries = {entry.number: entry for entry in entries}
        self.origin = origin

    def __getitem__(self, number: int) -> BbvEntry:
        return self._entries[number]

    def __iter__(self) -> Iterator[int]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"BbvCatalogue({len(self)} entries from {self.origin or '?'})"


#: The columns of the catalogue file, by header; any order, more columns are allowed.
COLUMNS: Final = {"taakveld": "taakveld", "nr": "number", "indicator": "name", "unit": "unit", "source": "source"}


class BbvCatalogueError(ValueError):
    """A catalogue file koers cannot read; ``wording`` says what and where, in any language."""

    def __init__(self, wording: Wording) -> None:
        super().__init__(wording.text)
        self.wording = wording

    @classmethod
    def not_utf8(cls) -> BbvCatalogueError:
        return cls(Wording(N_("het bestand is geen tekst in UTF-8; sla het op als UTF-8")))


def read_bbv_table(text: str, origin: str = "") -> BbvCatalogue:
    """The catalogue in ``text``: a header line with the :data:`COLUMNS`, then one indicator per
    line, cells separated by tabs. Empty lines are skipped; a number may be listed only once."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or not lines[0].strip():
        raise BbvCatalogueError(Wording(N_("de kopregel ontbreekt")))
    header = [cell.strip().lower() for cell in lines[0].split("\t")]
    for column in COLUMNS:
        if column not in header:
            raise BbvCatalogueError(Wording(N_("de kolom '{column}' ontbreekt in de kopregel"), {"column": column}))
    entries: dict[int, BbvEntry] = {}
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) < len(header):
            raise BbvCatalogueError(
                Wording(N_("regel {line}: deze regel heeft niet alle kolommen van de kopregel"), {"line": number})
            )
        row = {COLUMNS[name]: cells[i] for i, name in enumerate(header) if name in COLUMNS}
        if not row["number"].isdigit():
            raise BbvCatalogueError(
                Wording(N_("regel {line}: '{value}' is geen nummer"), {"line": number, "value": row["number"]})
            )
        entry = BbvEntry(int(row["number"]), row["name"], row["unit"], row["source"], row["taakveld"])
        if entry.number in entries:
            raise BbvCatalogueError(
                Wording(
                    N_("regel {line}: nummer {number} staat er twee keer in"), {"line": number, "number": entry.number}
                )
            )
        entries[entry.number] = entry
    return BbvCatalogue(entries.values(), origin)


# -- comparing units -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class UnitShape:
    """What counts when two BBV units are compared: a percentage or not, and the base of a rate
    ('per 1.000', 'per inwoner'; None for a plain number), with the base as written."""

    percentage: bool
    per: int | None
    per_text: str | None


_PERCENT = re.compile(r"%|\bprocent\b|\bpercentage\b", re.IGNORECASE)
_PER = re.compile(r"\bper\s+(?:(?P<number>\d{1,3}(?:\.\d{3})+|\d+)\b|(?P<noun>[^\W\d_]+))", re.IGNORECASE)


def unit_shape(text: str) -> UnitShape:
    """How a BBV unit reads: '% van alle jongeren tot 18 jaar', 'aantal per 10.000 inwoners',
    'kosten per inwoner', 'euro'. koers's own unit words ('percentage', 'per 1.000 inwoners')
    are read by :func:`koers.domain.units.parse_unit_text` first."""
    cleaned = " ".join(text.split())
    known = parse_unit_text(cleaned)
    if known is not None:
        per = known.per if known.kind == UnitKind.RATE else None
        return UnitShape(known.kind == UnitKind.PERCENTAGE, per, _per_text(per) if per else None)
    if _PERCENT.search(cleaned):
        return UnitShape(True, None, None)
    match = _PER.search(cleaned)
    if match is None:
        return UnitShape(False, None, None)
    if match["number"]:
        per = int(match["number"].replace(".", ""))
        return UnitShape(False, per, _per_text(per))
    return UnitShape(False, 1, match.group(0))


def _per_text(per: int) -> str:
    """'per 10.000', written the Dutch way (the catalogue's and the plan's)."""
    return f"per {per:,}".replace(",", ".")


_OWN_BASE = N_("in gewone aantallen")


def unit_conflict(plan_unit: str, catalogue_unit: str) -> Wording | None:
    """What contradicts between the plan's unit and the catalogue's, in words, or None when they
    agree on being a percentage and on the base of a rate."""
    mine, theirs = unit_shape(plan_unit), unit_shape(catalogue_unit)
    if mine.percentage and not theirs.percentage:
        return Wording(N_("Het plan geeft een percentage, de landelijke lijst niet."))
    if theirs.percentage and not mine.percentage:
        return Wording(N_("De landelijke lijst geeft een percentage, het plan niet."))
    if mine.percentage or mine.per == theirs.per:
        return None
    return Wording(
        N_("Het plan rekent {plan}, de landelijke lijst {catalogue}."),
        {"plan": mine.per_text or Wording(_OWN_BASE), "catalogue": theirs.per_text or Wording(_OWN_BASE)},
    )


# -- values in the catalogue's base ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BaseConversion:
    """How to bring a value to the catalogue's base: multiply by ``factor`` (10 for a value per
    1.000 of a per-10.000 indicator, 0.1 the other way round), and write ``unit`` instead ('per
    10.000 inwoners')."""

    factor: float
    unit: str


def base_conversion(unit: str, catalogue_unit: str) -> BaseConversion | None:
    """The conversion a value in ``unit`` needs to be in the catalogue's base, or None when the
    bases agree or cannot be converted into each other (a plain count against a rate). A
    percentage counts as 'per 100' here: 1,2% is 12 per 1.000."""
    mine, theirs = _base(unit_shape(unit)), _base(unit_shape(catalogue_unit))
    if mine is None or theirs is None or mine == theirs:
        return None
    return BaseConversion(theirs / mine, _converted_unit(unit, catalogue_unit, theirs))


def _converted_unit(unit: str, catalogue_unit: str, base: int) -> str:
    """The unit to write after the conversion: the row's own rate in the catalogue's base ('per 1.000
    inwoners' becomes 'per 10.000 inwoners', as the other rows of the file likely write it), else
    the catalogue's unit as an import file writes it."""
    own = parse_unit_text(unit)
    if own is not None and own.kind == UnitKind.RATE and not unit_shape(catalogue_unit).percentage:
        return f"{_per_text(base)} {own.population}"
    return catalogue_rate_unit(catalogue_unit)


def _base(shape: UnitShape) -> int | None:
    return 100 if shape.percentage else shape.per


def catalogue_rate_unit(text: str) -> str:
    """The catalogue's unit as an import file writes it: '%' for a percentage, and the part
    from 'per' on for a rate ('per 10.000 inwoners' of 'aantal per 10.000 inwoners'), when
    :func:`koers.domain.units.parse_unit_text` reads that; else the text as it stands."""
    if unit_shape(text).percentage:
        return "%"
    match = _PER.search(" ".join(text.split()))
    if match is not None:
        tail = " ".join(text.split())[match.start() :]
        if parse_unit_text(tail) is not None:
            return tail
    return text


def bbv_unit(text: str) -> Unit | None:
    """A BBV unit as koers's :class:`~koers.domain.units.Unit`, to write its values: a percentage,
    or a rate ('aantal per 10.000 inwoners' is per 10.000 inwoners); None for a unit koers cannot
    read, whose values are then written as plain numbers."""
    known = parse_unit_text(text) or parse_unit_text(catalogue_rate_unit(text))
    if known is not None:
        return known
    return Unit(kind=UnitKind.PERCENTAGE) if unit_shape(text).percentage else None
