# SPDX-License-Identifier: EUPL-1.2
"""Where measurements come from, behind one interface: a file, a CBS table, any later source.

Every source ends the same way: rows in koers's import columns, checked by the one checker
(:mod:`koers.importers.measurements`) with the same rules and messages, and stored by the one
store path (:func:`koers.store.imports.store_source`) with provenance, versions (provisional to
final) and all-or-nothing. A new source only has to say what it is called and give its rows;
it cannot skip a check or write around the store.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol

from koers.domain.plan import Plan
from koers.importers.files import sha256_of
from koers.importers.measurements import CheckResult, check_file, check_rows

Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a batch came from, as the import log keeps it.

    ``kind`` is the kind of source (``import`` for a file, ``cbs`` for CBS StatLine, ``editor``);
    ``name`` what a person recognises (the file's name, ``CBS 85618NED``); ``sha256`` the file's
    fingerprint, when there is a file.
    """

    kind: str
    name: str | None
    sha256: str | None = None


class Source(Protocol):
    """A source of measurements: its origin, and its rows checked against a plan."""

    @property
    def origin(self) -> Origin: ...

    def check(self, plan: Plan, progress: Progress | None = None) -> CheckResult: ...


@dataclass(frozen=True)
class FileSource:
    """A CSV or Excel file of measurements; ``mapping`` reads koers's columns from other headers."""

    path: Path
    mapping: Mapping[str, str] = field(default_factory=dict)

    @cached_property
    def origin(self) -> Origin:
        return Origin("import", self.path.name, sha256_of(self.path) if self.path.is_file() else None)

    def check(self, plan: Plan, progress: Progress | None = None) -> CheckResult:
        return check_file(self.path, plan, mapping=self.mapping, progress=progress)


@dataclass(frozen=True)
class RowsSource:
    """Rows in koers's import columns made by a program (a CBS table, the editor's form).

    ``name`` stands where a file's name would, in each problem and as the ``source_ref`` of a row
    without one; ``header`` fixes the order of the columns in messages.
    """

    origin: Origin
    name: str
    rows: Sequence[Mapping[str, Any]]
    header: Sequence[str] = ()

    def check(self, plan: Plan, progress: Progress | None = None) -> CheckResult:
        return check_rows(plan, self.rows, source_name=self.name, header=self.header, progress=progress)
