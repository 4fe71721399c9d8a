# SPDX-License-Identifier: EUPL-1.2
"""CBS region codes: which kind of region a code names, declared once.

CBS publishes figures for the Netherlands (``NL01``), its landsdelen (``LD01``), provinces
(``PV23``), COROP areas (``CR17``), municipalities (``GM0396``), wijken (``WK039601``) and
buurten (``BU03960101``). StatLine pads the codes with spaces (``"GM0396    "``); koers stores
them stripped and in capitals. A measurement may be for any such region: a plan compares its
municipality with its peers and with the Netherlands, so those codes need no entry in the
plan's area register.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Final

from koers.domain.vocabulary import every
from koers.i18n import N_, _


class RegionKind(StrEnum):
    """The kinds of CBS region, from the largest to the smallest; the value is the prefix."""

    COUNTRY = "NL"
    LANDSDEEL = "LD"
    PROVINCE = "PV"
    COROP = "CR"
    MUNICIPALITY = "GM"
    WIJK = "WK"
    BUURT = "BU"

    def label(self, lang: str = "nl") -> str:
        return _(REGION_LABELS[self], lang)


#: How many digits follow each prefix.
REGION_DIGITS: Final = every(
    RegionKind,
    {
        RegionKind.COUNTRY: 2,
        RegionKind.LANDSDEEL: 2,
        RegionKind.PROVINCE: 2,
        RegionKind.COROP: 2,
        RegionKind.MUNICIPALITY: 4,
        RegionKind.WIJK: 6,
        RegionKind.BUURT: 8,
    },
)

#: What each kind is called (English: koers.i18n).
REGION_LABELS: Final = every(
    RegionKind,
    {
        RegionKind.COUNTRY: N_("land"),
        RegionKind.LANDSDEEL: N_("landsdeel"),
        RegionKind.PROVINCE: N_("provincie"),
        RegionKind.COROP: N_("COROP-gebied"),
        RegionKind.MUNICIPALITY: N_("gemeente"),
        RegionKind.WIJK: N_("wijk"),
        RegionKind.BUURT: N_("buurt"),
    },
)

#: The code of the Netherlands as a whole.
NETHERLANDS: Final = "NL01"

#: A CBS region code, stripped and in capitals.
REGION_CODE: Final = re.compile(
    "^(?:" + "|".join(rf"{kind.value}\d{{{digits}}}" for kind, digits in REGION_DIGITS.items()) + ")$"
)


def clean_region_code(text: str) -> str:
    """A code as koers stores it: ``"gm0396    "`` is ``GM0396``."""
    return text.strip().upper()


def region_kind(code: str) -> RegionKind | None:
    """The kind of region ``code`` names (padded or not), or None when it is no CBS region code."""
    cleaned = clean_region_code(code)
    if not REGION_CODE.match(cleaned):
        return None
    return RegionKind(cleaned[:2])


def is_region_code(code: str) -> bool:
    """True when ``code`` (padded or not) is a CBS region code."""
    return region_kind(code) is not None
