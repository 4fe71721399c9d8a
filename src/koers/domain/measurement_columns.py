# SPDX-License-Identifier: EUPL-1.2
"""The columns of a measurement, declared once: in a file, in an export and in the database.

A measurement travels through several shapes: a row of an imported file, a batch the importer
has checked, a row of the ``measurements`` table, a record of an export. Each shape used to
keep its own list of column names, so adding a column meant finding every list, and a list
left behind failed silently (a column the importer's fast path did not know sent every file
that had it down the slow path). Here every column is declared once, with what each shape
needs to know; the importer, the batch, the store and the export derive their tuples from it,
and tests hold the rest of the code (the table, the hand-written rows of the hot paths,
docs/import-format.md) to this declaration.

The order is the order of a file: an export writes its columns in this order, and
docs/import-format.md lists the import columns in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from koers.domain.measurements import Measurement
from koers.domain.units import ANY_SIZE, LARGEST, Bounds


class ColumnType(StrEnum):
    """What a cell holds, which says how the importer reads it."""

    SUBJECT = "subject"  # the id of a goal, BBV indicator or series
    PERIOD = "period"
    AREA = "area"
    NUMBER = "number"
    WHOLE_NUMBER = "whole number"  # 0 or more
    UNIT = "unit"
    STATUS = "status"
    UNAVAILABLE = "unavailable code"  # n.b., n.n.b. or n.a. (koers.domain.measurements.Unavailable)
    TEXT = "text"
    DATE = "date"
    DATETIME = "date and time"
    JSON = "json"


class Required(StrEnum):
    """Whether an import needs the column; the values are the words of docs/import-format.md."""

    YES = "yes"
    NO = "no"
    GOAL_OR_SERIES = "one of goal/series"


class Part(StrEnum):
    """What a column says about a measurement, which decides what a change to it means."""

    POINT = "point"  # which point is measured: subject, period, area
    CONTENT = "content"  # the figure and its source: a changed content makes a new version
    RECORD = "record"  # how koers recorded it: version, when, by whom, from what
    LOOKUP = "lookup"  # kept so that the database can find and sort rows; never read back


@dataclass(frozen=True, slots=True)
class MeasurementColumn:
    """One column, and where it appears.

    ``fast``: the importer's fast path reads this column. A file whose columns are all fast
    is checked by dictionary look-ups for every row it has seen the like of; a file with any
    other column takes the thorough path for every row. So a new import column that leaves
    ``fast`` off is a visible choice here, not a forgotten entry in a set elsewhere.

    ``limit``: the values an import accepts in this column (the value's own limit depends on
    its unit: koers.domain.units.PLAUSIBLE); docs/import-format.md lists both.
    """

    name: str
    type: ColumnType
    part: Part
    description: str  # English, for the documentation
    required: Required = Required.NO
    in_import: bool = False
    in_export: bool = False
    stored: bool = False
    fast: bool = False
    limit: Bounds | None = None


def _column(
    name: str,
    kind: ColumnType,
    part: Part,
    description: str,
    *,
    required: Required = Required.NO,
    file: bool = False,
    in_import: bool | None = None,
    in_export: bool | None = None,
    stored: bool = False,
    fast: bool = False,
    limit: Bounds | None = None,
) -> MeasurementColumn:
    """A column; ``file`` is short for a column both imported and exported."""
    return MeasurementColumn(
        name,
        kind,
        part,
        description,
        required,
        file if in_import is None else in_import,
        file if in_export is None else in_export,
        stored,
        fast,
        limit,
    )


_FRACTION = (
    "The counts behind a percentage or rate; they must fit the value (×100 for a percentage, ×1.000 for a rate "
    "per 1.000)."
)
_INTERVAL = "The confidence interval; the value must lie within it."
_SUBJECT = Required.GOAL_OR_SERIES
#: The counts behind a figure (a numerator, a denominator): not negative, and at most LARGEST.
_COUNTS = Bounds(0.0, LARGEST)
#: The most respondents a survey figure rests on: more than the Netherlands has people.
MOST_RESPONDENTS: Final = 100_000_000
T, P = ColumnType, Part

#: Every column, in the order of a file.
COLUMNS: Final[tuple[MeasurementColumn, ...]] = (
    _column("plan_id", T.WHOLE_NUMBER, P.LOOKUP, "The plan the measurement belongs to.", stored=True),
    _column(
        "goal",
        T.SUBJECT,
        P.POINT,
        "The id of a goal or BBV indicator of the plan (`FF-01`, `bbv-32`).",
        required=_SUBJECT,
        file=True,
        fast=True,
    ),
    _column(
        "series",
        T.SUBJECT,
        P.POINT,
        "A supporting series that is not a goal, such as `inwoners` (the population a rate is computed from). "
        "Needs `unit`.",
        required=_SUBJECT,
        file=True,
    ),
    _column("subject", T.SUBJECT, P.POINT, "The goal, BBV indicator or series (`goal` or `series`).", stored=True),
    _column("subject_kind", T.TEXT, P.POINT, "What the subject is: `goal`, `bbv` or `series`.", stored=True),
    _column(
        "period",
        T.PERIOD,
        P.POINT,
        "`2024`, `2024-H1`, `2e helft 2024`, `2024-Q3`, `2024-03`, `schooljaar 2023-2024`, `2024-01-01` "
        "(peildatum), or CBS codes such as `2024JJ00`.",
        required=Required.YES,
        file=True,
        stored=True,
        fast=True,
    ),
    _column("period_start", T.DATE, P.LOOKUP, "The first day of the period.", stored=True),
    _column("period_end", T.DATE, P.LOOKUP, "The last day of the period.", stored=True),
    _column(
        "area",
        T.AREA,
        P.POINT,
        "An area of the plan's register (its id, CBS code or name), a peer's name, the size class's id, or any CBS "
        "region code: `NL01` (the Netherlands), `GM` + 4, `WK` + 6, `BU` + 8 digits, or `PV`, `LD`, `CR` + 2 digits.",
        required=Required.YES,
        file=True,
        stored=True,
        fast=True,
    ),
    _column(
        "value",
        T.NUMBER,
        P.CONTENT,
        "The number, in the goal's unit. `48.1` and `48,1` both work; `1.250,5` (Dutch) and `1,250.5` (English) are "
        "read as 1250.5. A bare `1.250` is 1.25: leave out thousands separators. A figure that is not there: "
        "`n.b.`, `n.n.b.` or `n.a.` (see Figures that are not there).",
        required=Required.YES,
        file=True,
        stored=True,
        fast=True,
    ),
    _column(
        "unavailable",
        T.UNAVAILABLE,
        P.CONTENT,
        "Why there is no figure: `n.b.` (niet beschikbaar), `n.n.b.` (nog niet bekend) or `n.a.` (niet van "
        "toepassing); leave `value` empty. Needs the reason in `note`.",
        file=True,
        stored=True,
    ),
    _column(
        "unit",
        T.UNIT,
        P.CONTENT,
        "When given, it must match the goal's unit (`percentage`/`%`, `aantal`, `euro`, `nachten`, "
        "`per 1.000 inwoners`); a mismatch is refused, so a count is never stored as a percentage. Required for a "
        "series.",
        file=True,
        stored=True,
    ),
    _column(
        "status",
        T.STATUS,
        P.CONTENT,
        "`definitief`/`final` (default) or `voorlopig`/`provisional`.",
        file=True,
        stored=True,
        fast=True,
    ),
    _column(
        "version",
        T.WHOLE_NUMBER,
        P.RECORD,
        "The version of the point: 1 for its first figure, one more for every correction.",
        in_export=True,
        stored=True,
    ),
    _column("numerator", T.NUMBER, P.CONTENT, _FRACTION, file=True, stored=True, limit=_COUNTS),
    _column("denominator", T.NUMBER, P.CONTENT, _FRACTION, file=True, stored=True, limit=_COUNTS),
    _column(
        "sample_size",
        T.WHOLE_NUMBER,
        P.CONTENT,
        "For survey figures (GGD monitor): the number of respondents.",
        file=True,
        stored=True,
        limit=Bounds(1.0, MOST_RESPONDENTS),
    ),
    _column("ci_low", T.NUMBER, P.CONTENT, _INTERVAL, file=True, stored=True, limit=ANY_SIZE),
    _column("ci_high", T.NUMBER, P.CONTENT, _INTERVAL, file=True, stored=True, limit=ANY_SIZE),
    _column(
        "source",
        T.TEXT,
        P.CONTENT,
        "The instrument; default: the goal's meetinstrument from the plan.",
        file=True,
        stored=True,
        fast=True,
    ),
    _column(
        "source_ref",
        T.TEXT,
        P.CONTENT,
        "Table id, document or URL; default: the file's name.",
        file=True,
        stored=True,
        fast=True,
    ),
    _column(
        "retrieved_at",
        T.DATETIME,
        P.RECORD,
        "When the figure was retrieved (`2026-03-15`); default: the moment of import.",
        in_import=True,
    ),
    _column(
        "recorded_at",
        T.DATETIME,
        P.RECORD,
        "When the figure was retrieved (the import's `retrieved_at`), else when koers stored it.",
        in_export=True,
        stored=True,
    ),
    _column(
        "recorded_by",
        T.TEXT,
        P.RECORD,
        "Who stored it (the user name); empty when nobody was named.",
        in_export=True,
        stored=True,
    ),
    _column(
        "note",
        T.TEXT,
        P.CONTENT,
        "Anything a reader should know; for a figure that is not there, the reason (required).",
        file=True,
        stored=True,
    ),
    _column(
        "derivation",
        T.JSON,
        P.RECORD,
        "For a derived rate: the formula and the exact input versions, as JSON.",
        in_export=True,
        stored=True,
    ),
    _column("import_id", T.WHOLE_NUMBER, P.RECORD, "The import (or derivation) that stored it.", stored=True),
)

#: Each column by its name.
BY_NAME: Final = {column.name: column for column in COLUMNS}

#: The columns an import reads (any other is refused, except EXPORT_ONLY).
IMPORT_COLUMNS: Final = tuple(c.name for c in COLUMNS if c.in_import)
#: The import columns every row needs.
REQUIRED_COLUMNS: Final = tuple(c.name for c in COLUMNS if c.required == Required.YES)
#: The import columns of which a row names exactly one: what the row measures.
SUBJECT_COLUMNS: Final = tuple(c.name for c in COLUMNS if c.required == Required.GOAL_OR_SERIES)
#: The columns an export writes, in its order.
EXPORT_COLUMNS: Final = tuple(c.name for c in COLUMNS if c.in_export)
#: The columns an export writes that koers sets itself: an import ignores them by name, so an
#: export can be corrected and imported again.
EXPORT_ONLY: Final = tuple(c.name for c in COLUMNS if c.in_export and not c.in_import)
#: The columns of the ``measurements`` table (besides its key).
STORED_COLUMNS: Final = tuple(c.name for c in COLUMNS if c.stored)
#: The stored columns a reader gets back.
READ_COLUMNS: Final = tuple(c.name for c in COLUMNS if c.stored and c.part != Part.LOOKUP)
#: The stored columns whose change makes a new version of a point, in this order.
CONTENT_COLUMNS: Final = tuple(c.name for c in COLUMNS if c.stored and c.part == Part.CONTENT)
#: The import columns the importer's fast path reads, in this order.
FAST_COLUMNS: Final = tuple(c.name for c in COLUMNS if c.fast)
#: The import columns with a limit of their own, and that limit (the value's depends on its unit).
LIMITS: Final = {c.name: c.limit for c in COLUMNS if c.in_import and c.limit is not None}
#: How large each number that koers computes with may be (the value: as large as any value).
COMPUTED_SIZES: Final = {"value": ANY_SIZE.high, **{n: LIMITS[n].high for n in ("ci_low", "ci_high", "sample_size")}}


def oversized(m: Measurement) -> float | None:
    """The size the first number of ``m`` that koers computes with goes beyond, if one does.

    The importer refuses such a number, but a database may hold one from before its limits, or
    written around it (a derived rate); a forecast, a test or a chart axis of it would overflow.
    So the assessment does not judge a figure with such a number, and a chart leaves it out."""
    for name, size in COMPUTED_SIZES.items():
        number = getattr(m, name)
        if number is not None and not abs(number) <= size:  # 'not <=': NaN is beyond too
            return size
    return None


def import_columns_of(kind: ColumnType, *, required: bool | None = None) -> tuple[str, ...]:
    """The import columns of one type (and, when asked, only the required or optional ones)."""
    return tuple(
        c.name
        for c in COLUMNS
        if c.in_import and c.type == kind and (required is None or (c.required == Required.YES) == required)
    )
