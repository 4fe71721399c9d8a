# SPDX-License-Identifier: EUPL-1.2
"""Problems found while reading a plan file: where, what, and what to do about it.

Following frictionless-py, reading collects every problem instead of stopping at the first,
and each problem has a stable kebab-case code that tests and tools can rely on, while the
message and hint are rendered in the reader's language (Dutch by default).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from koers.planfile.messages import render


@dataclass(frozen=True, slots=True)
class Location:
    """Where in a file: a line for YAML, a sheet, row and column for Excel."""

    file: str
    line: int | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None

    def describe(self, lang: str = "nl") -> str:
        nl = lang == "nl"
        parts = [self.file]
        if self.sheet is not None:
            parts.append(f"{'tabblad' if nl else 'sheet'} '{self.sheet}'")
        if self.row is not None:
            parts.append(f"{'rij' if nl else 'row'} {self.row}")
        if self.column is not None:
            parts.append(f"{'kolom' if nl else 'column'} {self.column}")
        if self.line is not None:
            parts.append(f"{'regel' if nl else 'line'} {self.line}")
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class Problem:
    code: str
    field: str
    location: Location
    context: dict[str, Any] = field(default_factory=dict)
    catalogue: str = "plan"  # whose messages: the plan reader's, or the importer's ("import")

    def message(self, lang: str = "nl") -> str:
        return render(self.code, "message", lang, catalogue=self.catalogue, field=self.field, **self.context)

    def hint(self, lang: str = "nl") -> str:
        return render(self.code, "hint", lang, catalogue=self.catalogue, field=self.field, **self.context)

    def describe(self, lang: str = "nl") -> str:
        """One line for people: where, field, what is wrong, what to do."""
        label = "veld" if lang == "nl" else "field"
        where = self.location.describe(lang)
        return f"{where}: {label} {self.field}: {self.message(lang)} {self.hint(lang)}".strip()

    def as_json(self, lang: str = "nl") -> dict[str, Any]:
        loc = self.location
        return {
            "code": self.code,
            "file": loc.file,
            "line": loc.line,
            "sheet": loc.sheet,
            "row": loc.row,
            "column": loc.column,
            "field": self.field,
            "message": self.message(lang),
            "hint": self.hint(lang),
        }


class PlanFileError(Exception):
    """A plan file that cannot be read; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in plan file")
        self.problems = problems
