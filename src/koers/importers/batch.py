# SPDX-License-Identifier: EUPL-1.2
"""A checked batch of measurements, kept column by column so a million rows fit in memory.

Texts that repeat (goal ids, periods, areas, sources) are shared objects, values sit in a
compact array, and an optional column only takes memory once some row fills it. The unit and
kind of a measurement follow from its subject, so they are kept once per subject. A figure
that is not there (n.b., n.n.b., n.a.) keeps NaN in the value array and its code in the
optional column ``unavailable``; :meth:`Batch.value_of` and :meth:`Batch.content` give its
value as None, as the database holds it.

Which columns are optional follows from the declaration (koers.domain.measurement_columns):
every import column the batch does not keep in a list of its own, so a column added there
reaches the batch without a change here.
"""

from __future__ import annotations

from array import array
from datetime import datetime
from typing import Any

from koers.domain.measurement_columns import IMPORT_COLUMNS
from koers.domain.measurements import Measurement, MeasurementStatus, Unavailable
from koers.domain.periods import Period

#: The import columns the batch keeps in lists of their own (goal and series as the subject,
#: the unit once per subject); every row has them.
CORE = ("goal", "series", "period", "area", "value", "unit", "status", "source", "source_ref")
#: The other import columns: a list only once some row fills them.
OPTIONAL = tuple(name for name in IMPORT_COLUMNS if name not in CORE)
#: What the value array holds for a figure that is not there.
NO_VALUE = float("nan")


class Batch:
    def __init__(self) -> None:
        self.subject: list[str] = []
        self.period: list[Period] = []
        self.area: list[str] = []
        self.value = array("d")
        self.status: list[str] = []
        self.source: list[str | None] = []
        self.source_ref: list[str | None] = []
        self.kinds: dict[str, str] = {}
        self.units: dict[str, str] = {}
        self.optional: dict[str, list[Any] | None] = dict.fromkeys(OPTIONAL)

    def __len__(self) -> int:
        return len(self.value)

    @property
    def subjects(self) -> set[str]:
        return set(self.kinds)

    def append(
        self,
        subject: str,
        kind: str,
        unit: str,
        period: Period,
        area: str,
        value: float | None,
        status: str,
        source: str | None,
        source_ref: str | None,
        **optional: Any,
    ) -> None:
        """Add one measurement; ``optional`` holds any of OPTIONAL (missing means empty). A
        figure that is not there has ``value`` None and its code as ``unavailable``."""
        index = len(self.value)
        self.kinds.setdefault(subject, kind)
        self.units.setdefault(subject, unit)
        self.subject.append(subject)
        self.period.append(period)
        self.area.append(area)
        self.value.append(NO_VALUE if value is None else value)
        self.status.append(status)
        self.source.append(source)
        self.source_ref.append(source_ref)
        for name, column in self.optional.items():
            given = optional.get(name)
            if column is not None:
                column.append(given)
            elif given is not None:
                self.optional[name] = [None] * index + [given]

    def get(self, name: str, i: int) -> Any:
        column = self.optional[name]
        return None if column is None else column[i]

    def value_of(self, i: int) -> float | None:
        """The value of row i; None for a figure that is not there."""
        value = self.value[i]
        return value if value == value else None  # NaN is not equal to itself

    def measurement(self, i: int) -> Measurement:
        """Row i as a measurement (not yet stored: no version, no provenance), to show it."""
        get, code = self.get, self.get("unavailable", i)
        return Measurement(
            self.subject[i],
            self.period[i],
            self.area[i],
            self.value_of(i),
            MeasurementStatus(self.status[i]),
            numerator=get("numerator", i),
            denominator=get("denominator", i),
            sample_size=get("sample_size", i),
            ci_low=get("ci_low", i),
            ci_high=get("ci_high", i),
            source=self.source[i],
            source_ref=self.source_ref[i],
            note=get("note", i),
            unavailable=Unavailable(code) if code else None,
            extra={"subject_kind": self.kind(i), "unit": self.unit(i)},
        )

    def unit(self, i: int) -> str:
        return self.units[self.subject[i]]

    def kind(self, i: int) -> str:
        return self.kinds[self.subject[i]]

    def retrieved_at(self, i: int) -> datetime | None:
        moment: datetime | None = self.get("retrieved_at", i)
        return moment

    def content(self, i: int) -> tuple[Any, ...]:
        """What makes row i a different version from a stored one: the CONTENT_COLUMNS of
        koers.domain.measurement_columns, in their order (written out: it runs for every row
        of a repeated import; tests/importers/test_columns.py holds it to the declaration)."""
        get = self.get
        value = self.value[i]
        return (
            value if value == value else None,  # NaN (a figure that is not there) as the database holds it: None
            get("unavailable", i),
            self.unit(i),
            self.status[i],
            get("numerator", i),
            get("denominator", i),
            get("sample_size", i),
            get("ci_low", i),
            get("ci_high", i),
            self.source[i],
            self.source_ref[i],
            get("note", i),
        )
