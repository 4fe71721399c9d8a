# SPDX-License-Identifier: EUPL-1.2
"""Problems found while reading a file: where, what, and what to do about it.

Following frictionless-py, readers collect every problem instead of stopping at the first,
and each problem has a stable kebab-case code that tests and tools can rely on, while the
message and hint are rendered in the reader's language late. The plan reader, the measurement
importer, the store and the web all speak of problems, so they live here, below all of them;
each reader registers its own catalogue of codes (:func:`register`), whose texts are Dutch
message ids in the gettext catalogue (:mod:`koers.i18n`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from koers.domain.formatting import format_plain
from koers.domain.wording import Wording
from koers.i18n import _, gettext

#: A reader's catalogue: code -> (message, hint), both Dutch ids marked with ``N_``.
Catalogue = Mapping[str, tuple[str, str]]
CATALOGUES: dict[str, Catalogue] = {}


def register(name: str, catalogue: Catalogue) -> None:
    """Add a reader's catalogue (the plan reader's, the importer's), by name."""
    CATALOGUES[name] = catalogue


@runtime_checkable
class Worded(Protocol):
    """A context value that is wording, not a fact: it is put into the reader's language
    when the problem is rendered, so that a problem keeps facts and picks no language."""

    def worded(self, lang: str) -> str: ...


def render(code: str, part: str, lang: str, /, catalogue: str = "plan", **context: Any) -> str:
    """The message or hint of ``code`` in ``lang`` from ``catalogue``, filled in with ``context``.

    A context value that is itself wording (an ``expected`` or a ``detail``) is given as a
    :class:`koers.domain.wording.Wording` (or another :class:`Worded`) and translated here; numbers are written the
    reader's way.
    """
    entry = CATALOGUES[catalogue].get(code)
    if entry is None:
        detail = context.get("detail", "")
        return _show(detail, lang) if part == "message" else ""
    template = entry[0] if part == "message" else entry[1]
    return gettext(template, lang, **{k: _show(v, lang) for k, v in context.items()})


def _show(value: Any, lang: str) -> Any:
    """A context value for people: wording in ``lang``, numbers as typed (5914,7; 5914.7)."""
    if isinstance(value, float):
        return format_plain(value, lang)
    if isinstance(value, str | int):  # most values: spare them the slower protocol check
        return value
    if isinstance(value, Wording):
        return value.render(lang, _show)
    if isinstance(value, Worded):
        return value.worded(lang)
    return value


@dataclass(frozen=True, slots=True)
class Location:
    """Where in a file: a line for YAML, a sheet, row and column for Excel and CSV."""

    file: str
    line: int | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None

    def describe(self, lang: str = "nl") -> str:
        parts = [self.file]
        if self.sheet is not None:
            parts.append(_("tabblad '{sheet}'", lang, sheet=self.sheet))
        if self.row is not None:
            parts.append(_("rij {row}", lang, row=self.row))
        if self.column is not None:
            parts.append(_("kolom {column}", lang, column=self.column))
        if self.line is not None:
            parts.append(_("regel {line}", lang, line=self.line))
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a file, with its code, field, place and the facts to tell it."""

    code: str
    field: str
    location: Location
    context: dict[str, Any] = dataclasses.field(default_factory=dict)  # the field ``field`` hides field()
    catalogue: str = "plan"  # whose messages: the plan reader's, or the importer's ("import")

    def message(self, lang: str = "nl") -> str:
        return render(self.code, "message", lang, catalogue=self.catalogue, field=self.field, **self.context)

    def hint(self, lang: str = "nl") -> str:
        return render(self.code, "hint", lang, catalogue=self.catalogue, field=self.field, **self.context)

    def describe(self, lang: str = "nl") -> str:
        """One line for people: where, field, what is wrong, what to do."""
        where = self.location.describe(lang)
        text = _(
            "{where}: veld {field}: {message} {hint}",
            lang,
            where=where,
            field=self.field,
            message=self.message(lang),
            hint=self.hint(lang),
        )
        return text.strip()

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
