# SPDX-License-Identifier: EUPL-1.2
"""Which way a Dutch text says a value should go: "neemt toe", "afname", "terugdringen".

A goal's indicator name, statement and result area often say which way is better. The SMART
check compares that with the goal's direction (direction-contradicts-name), but only where the
words are clear: a text with words both ways, or with a word that turns a direction around or
holds it back ("stijgt niet", "geen toename", "de toename beperken"), says no way at all. Words
that say the level must be kept ("blijft onder 2%", "handhaven") mark a bound or a band that is
meant to be met at the baseline already. The word lists are declared here, once.
"""

from __future__ import annotations

import re
from typing import Final

#: Words that say which way a goal should go, declared once: True for up, False for down.
DIRECTION_WORDS: Final[dict[bool, tuple[str, ...]]] = {
    True: (
        "neemt toe",
        "nemen toe",
        "toename",
        "toenemen",
        "stijgt",
        "stijgen",
        "stijging",
        "meer",
        "groeit",
        "verhogen",
        "verhoging",
    ),
    False: (
        "neemt af",
        "nemen af",
        "afname",
        "afnemen",
        "daalt",
        "dalen",
        "daling",
        "minder",
        "vermindering",
        "verminderen",
        "terugdringen",
        "verlagen",
        "verlaging",
    ),
}
#: Words that turn a direction word around or hold it back ('stijgt niet', 'geen toename', 'de
#: toename beperken'): a text with one of them says no clear direction.
TURNING_WORDS: Final = (
    "niet",
    "geen",
    "nooit",
    "beperken",
    "beperkt",
    "beperking",
    "remmen",
    "afremmen",
    "tegengaan",
    "voorkomen",
    "stabiliseren",
    "stabiliseert",
    "stabiel",
)
_WAY_OF: Final = {word: up for up, words in DIRECTION_WORDS.items() for word in words}
_WORD_PATTERN: Final = re.compile(
    r"\b(?:" + "|".join(w.replace(" ", r"\s+") for w in sorted(_WAY_OF, key=len, reverse=True)) + r")\b"
)
_TURNING_PATTERN: Final = re.compile(r"\b(?:" + "|".join(TURNING_WORDS) + r")\b")


def way_of(text: str | None) -> tuple[bool, str] | None:
    """Which way ``text`` says a value should go (True: up) and the word that says it; None when
    it says no way, or both, or turns its words around. 'Meer dan' and 'minder dan' describe
    whom a figure counts ('jongeren die meer dan 2 uur gamen'), not a direction."""
    lowered = " ".join((text or "").lower().split())
    if not lowered or _TURNING_PATTERN.search(lowered):
        return None
    found: list[tuple[bool, str]] = []
    for match in _WORD_PATTERN.finditer(lowered):
        word = " ".join(match.group(0).split())
        if word in ("meer", "minder") and lowered[match.end() :].lstrip().startswith("dan "):
            continue
        found.append((_WAY_OF[word], word))
    ways = {up for up, _word in found}
    return found[0] if len(ways) == 1 else None


def has_direction_word(text: str | None) -> bool:
    """Whether ``text`` has a direction word at all (it may still say both ways)."""
    return bool(text) and _WORD_PATTERN.search(" ".join((text or "").lower().split())) is not None


#: Words that say a level must be kept as it is ('blijft lager dan 2%', 'het niveau handhaven').
KEEP_WORDS: Final = ("blijft", "blijven", "handhaven", "handhaaft", "behouden", "behoudt", "vasthouden", "stabiel")
_KEEP_PATTERN: Final = re.compile(r"\b(?:" + "|".join(KEEP_WORDS) + r")\b")


def says_keep(text: str | None) -> bool:
    """Whether ``text`` says a level must be kept ('Het aandeel blijft lager dan 2%')."""
    return bool(text) and _KEEP_PATTERN.search((text or "").lower()) is not None
