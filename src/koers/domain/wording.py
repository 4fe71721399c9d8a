# SPDX-License-Identifier: EUPL-1.2
"""Wording kept as a fact, put into words only when it is shown.

Reasons, SMART findings and calendar items are stored with their facts, not as finished
sentences, so that one object can be shown in Dutch or in English. Most facts are numbers,
periods or names. Some are wording themselves: a note that is there only sometimes ("De
laatste meting (2025) is 62%."), or "het meetinstrument" for a source the plan does not name.
Such a fact is a :class:`Wording`: a Dutch message id, marked with ``N_`` where it is written,
with facts of its own, translated through :mod:`koers.i18n` together with the sentence around it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from koers.i18n import _


@dataclass(frozen=True, slots=True)
class Wording:
    """A catalogue text (a Dutch id marked with ``N_``) with its facts, rendered late."""

    text: str
    facts: Mapping[str, Any] = field(default_factory=dict)

    def render(self, lang: str, show: Callable[[Any, str], Any]) -> str:
        """The text in ``lang``; ``show`` puts each fact into words in the same language."""
        return _(self.text, lang, **{key: show(value, lang) for key, value in self.facts.items()})


def listing(items: Sequence[str], lang: str) -> str:
    """'2024, 2028 en 2032' (English: '2024, 2028 and 2032'); one item on its own."""
    if len(items) < 2:
        return "".join(items)
    return _("{items} en {last}", lang, items=", ".join(items[:-1]), last=items[-1])
