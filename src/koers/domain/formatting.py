# SPDX-License-Identifier: EUPL-1.2
"""Numbers the way Dutch readers expect them: 5.914,7 and € 2.864 (English: 5,914.7).

Kept small and dependency-free on purpose: the CLI, reports and the web all show numbers,
and they must show them the same way.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from koers.domain.measurements import Measurement, Unavailable
from koers.domain.periods import month_name
from koers.domain.units import WHOLE_UNITS, Unit, UnitKind


def format_number(value: float, lang: str = "nl", decimals: int | None = None) -> str:
    """Group thousands and use the reader's decimal mark; trailing zeros are dropped
    unless ``decimals`` asks for a fixed number of them."""
    text = f"{value:,.6f}".rstrip("0").rstrip(".") if decimals is None else f"{value:,.{decimals}f}"
    if lang == "nl":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def format_plain(value: float, lang: str = "nl") -> str:
    """A number as a cell of a file holds it: the reader's decimal mark, no thousands grouping
    (5914,7; English 5914.7), so that a problem quotes a figure the way it was typed."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "nl" else text


def estimate(value: float, unit: Unit | None = None) -> float:
    """A forecast is an estimate, written as one: whole in a unit of whole things and from 100
    up, else one decimal ("rond 487 huishoudens", "rond 58,3%"; not "486,742857")."""
    whole = abs(value) >= 100 or (unit is not None and unit.kind in WHOLE_UNITS)
    return float(round(value)) if whole else round(value, 1)


#: At most this many decimals for a figure in a unit that is not whole (a percentage, a rate, a
#: score): the sources koers reads publish one or two.
MAX_DECIMALS: Final = 2


def format_value(value: float, unit: Unit | None, lang: str = "nl", decimals: int | None = None) -> str:
    """A value with its unit, as people write it: '56%', '€ 2.864', '79,91 per 1.000 inwoners',
    '244 nachten', '1 ontmoetingsplek'. Counts, nights and euros are whole; the rest has at most
    ``decimals`` (default: :data:`MAX_DECIMALS`), without trailing zeros."""
    shown = rounded(value, unit, decimals)
    if unit is None:
        return format_number(shown, lang)
    if unit.kind == UnitKind.PERCENTAGE:
        return f"{format_number(shown, lang)}%"
    if unit.kind == UnitKind.EURO:
        return f"€ {format_number(shown, lang, 0)}"
    return f"{format_number(shown, lang)} {unit.label_for(shown, lang)}".strip()


def rounded(value: float, unit: Unit | None, decimals: int | None = None) -> float:
    """``value`` to the precision it is written with: whole for whole things, else ``decimals``
    (default :data:`MAX_DECIMALS`). The exact value stays in the data files."""
    if unit is not None and unit.kind in WHOLE_UNITS:
        return float(round(value))
    return round(value, MAX_DECIMALS if decimals is None else decimals)


def decimals_of(value: float) -> int:
    """How many decimals a figure was written with (58.3: 1; 5377: 0), up to :data:`MAX_DECIMALS`."""
    text = f"{value:.{MAX_DECIMALS}f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def format_unavailable(code: Unavailable, reason: str | None) -> str:
    """A figure that is not there, as every page shows it: its code with the reason,
    'n.b. (cijfer wordt door CBS niet meer gepubliceerd)'. The code is the same in every
    language, as in the tables it comes from and in the JSON; its meaning is
    :meth:`Unavailable.label`."""
    return f"{code.value} ({reason.strip()})" if reason and reason.strip() else code.value


def format_figure(m: Measurement, unit: Unit | None, lang: str = "nl", *, in_cell: bool = False) -> str:
    """A measurement's figure: its value with its unit, or the code and reason of a figure
    that is not there (never 0). ``in_cell``: for a table whose header names the unit, the
    number alone, rounded as the unit is written ('58,3', '1.210')."""
    if m.unavailable is not None or m.value is None:
        return format_unavailable(m.unavailable or Unavailable.NOT_AVAILABLE, m.note)
    if in_cell:
        return format_number(rounded(m.value, unit), lang)
    return format_value(m.value, unit, lang)


def format_euro(amount: float, lang: str = "nl") -> str:
    return f"€ {format_number(amount, lang, 0)}"


def format_euro_short(amount: float, lang: str = "nl") -> str:
    """An amount as people write it in a sentence: '€ 2,3 mln' from a million up (English
    '€ 2.3 million'), else whole euros ('€ 450.000')."""
    if abs(amount) < 1_000_000:
        return format_euro(amount, lang)
    millions = format_number(amount / 1_000_000, lang, 1)
    return f"€ {millions} mln" if lang == "nl" else f"€ {millions} million"


def format_date(day: date, lang: str = "nl") -> str:
    """'23 november 2026' (English: '23 November 2026')."""
    return f"{day.day} {month_name(day.month, lang)} {day.year}"
