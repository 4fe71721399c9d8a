# SPDX-License-Identifier: EUPL-1.2
"""The shape of an id in a plan (a goal, a challenge, an area, an action): declared once, at the
bottom of the domain, so that every model can use it without importing the others."""

from __future__ import annotations

from typing import Final

#: Letters and digits first, then letters, digits, '_', '.' or '-': 'VW-01', 'zorg-en-wonen'.
ID_PATTERN: Final = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
