# SPDX-License-Identifier: EUPL-1.2
"""A StatLine table as a tidy CSV file: one figure per row, in the columns koers reads.

The columns are ``table``, ``measure``, ``measure_title``, ``unit``, one column per dimension
that is neither the geographic one nor time (named by its key, holding the category code),
``region``, ``period`` (the CBS code), ``koers_period`` (koers's code for it, empty when koers
has none), ``value``, ``symbol`` and ``status`` (``final`` or ``provisional``).

Numbers are written with a plain ``.`` as the decimal mark and no thousands separator
(``135.5``, ``8811``), the way koers's import reads a CSV file, whatever the language of the
messages. A text that a spreadsheet would run as a formula (a title starting with ``=``, a
symbol ``-``) gets a ``'`` in front (koers.exports.safe_cell), as every CSV koers writes does.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import Final, TextIO

from koers.exports import safe_cell
from koers.importers.cbs.observations import Observation
from koers.importers.cbs.statline import TableStructure

#: The columns before and after the dimensions' own.
HEAD: Final = ("table", "measure", "measure_title", "unit")
TAIL: Final = ("region", "period", "koers_period", "value", "symbol", "status")


def header(structure: TableStructure) -> list[str]:
    """The CSV columns for ``structure``."""
    return [*HEAD, *(d.key for d in structure.others), *TAIL]


def format_value(value: float | None) -> str:
    """A figure as the CSV holds it: ``135.5``, ``8811`` (no ``.0``), empty for none."""
    if value is None:
        return ""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def rows(observations: Iterable[Observation], structure: TableStructure) -> Iterator[list[str]]:
    """The CSV rows (after the header) of ``observations``."""
    measures = structure.measures_by_key
    others = [d.key for d in structure.others]
    described: dict[str, tuple[str, str]] = {}
    for o in observations:
        title_and_unit = described.get(o.measure)
        if title_and_unit is None:
            measure = measures.get(o.measure)
            title_and_unit = described[o.measure] = (
                safe_cell(measure.title) if measure else "",
                safe_cell(measure.unit or "") if measure else "",
            )
        yield [
            o.table,
            o.measure,
            *title_and_unit,
            *(safe_cell(o.dimensions.get(key, "")) for key in others),
            o.region or "",
            o.period or "",
            o.koers_period.code if o.koers_period else "",
            format_value(o.value),
            "" if o.symbol is None else safe_cell(o.symbol),
            o.status.value,
        ]


def write_csv(observations: Iterable[Observation], structure: TableStructure, handle: TextIO) -> int:
    """Write the header and ``observations`` to ``handle``; returns how many rows."""
    writer = csv.writer(handle)
    writer.writerow(header(structure))
    count = 0
    for row in rows(observations, structure):
        writer.writerow(row)
        count += 1
    return count
