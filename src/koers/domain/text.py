# SPDX-License-Identifier: EUPL-1.2
"""Texts in two languages, filled in late.

Findings, reasons and calendar items are stored with their facts, not as finished sentences,
so that one object can be shown in Dutch or English. These are the pieces the domain's
message modules share.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Phrase:
    """A bit of text in both languages, chosen when the message is rendered."""

    nl: str
    en: str

    def pick(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


class Lenient(dict[str, Any]):
    """Template values where a missing key renders as nothing instead of failing."""

    def __missing__(self, key: str) -> str:
        return ""


def fill(template: str, values: Mapping[str, Any]) -> str:
    """``template`` with ``values`` filled in; unknown placeholders become empty."""
    return string.Formatter().vformat(template, (), Lenient(values))
