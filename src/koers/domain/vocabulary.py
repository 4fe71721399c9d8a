# SPDX-License-Identifier: EUPL-1.2
"""Closed vocabularies: tables keyed by an enum that must say something about every member.

koers has a handful of closed lists (statuses, period kinds, units, directions, frequencies,
calendar statuses, report statuses). Each is an enum, and everything said per member (its
label, its order, its meaning) is declared once, in one table keyed by that enum. A table that
forgets a member would otherwise fail only when that member turns up in a report; wrapped in
:func:`every`, it fails when the module is imported, so no test run or page can miss it.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import TypeVar

K = TypeVar("K", bound=Enum)
V = TypeVar("V")


class IncompleteVocabulary(LookupError):
    """A table keyed by a closed vocabulary that lacks a member, or holds something else."""


def every(members: type[K], table: Mapping[K, V]) -> dict[K, V]:
    """``table`` as a dict, if it has exactly one entry per member of ``members``."""
    missing = [member.value for member in members if member not in table]
    strangers = [key for key in table if not isinstance(key, members)]
    if missing or strangers:
        raise IncompleteVocabulary(f"{members.__name__}: missing {missing}, not members {strangers}")
    return dict(table)
