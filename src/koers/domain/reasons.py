# SPDX-License-Identifier: EUPL-1.2
"""Why a goal has its status: every reason koers gives, declared once as a Dutch text (English:
koers.i18n) with the facts it is filled with, and put into words only when shown.

The assessment (koers.domain.assessment, koers.domain.judging) builds reasons from codes; a test
keeps every code it uses in :data:`REASONS` and every text in use.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any, Final

from koers.domain.formatting import decimals_of, format_number, format_value
from koers.domain.periods import Period
from koers.domain.status import Status
from koers.domain.units import Unit
from koers.domain.wording import Wording
from koers.i18n import N_, _, fill


@dataclass(frozen=True, slots=True)
class Reason:
    """Why: a code with its facts, put into words (Dutch B1 or English) only when shown.

    ``then`` holds further sentences that qualify it: a figure that is not available, a figure
    inside the baseline's period, a trend that disagrees with the status.
    """

    code: str
    facts: dict[str, Any] = field(default_factory=dict)
    then: tuple[Reason, ...] = ()
    #: The goal's unit and precision: the numbers in :data:`QUANTITIES` are written with them.
    scale: Scale | None = None

    def text(self, lang: str = "nl") -> str:
        """The reason as sentences; it starts with a capital, also when a status label opens it."""
        facts = {k: self._shown(k, v, lang) for k, v in self.facts.items()}
        words = fill(_(REASONS[self.code], lang), facts)
        if not words.startswith("koers "):  # the product's name keeps its small letter
            words = words[:1].upper() + words[1:]
        return " ".join([words, *(more.text(lang) for more in self.then)])

    def adding(self, more: Iterable[Reason]) -> Reason:
        return replace(self, then=(*self.then, *more))

    def scaled(self, scale: Scale) -> Reason:
        """The reason with its numbers written in ``scale`` (its further sentences too)."""
        return replace(self, scale=scale, then=tuple(more.scaled(scale) for more in self.then))

    def _shown(self, key: str, value: Any, lang: str) -> Any:
        if key in QUANTITIES and self.scale is not None and _is_number(value):
            decimals = self.scale.decimals
            if key in EXACT and decimals is not None:  # an edge that is checked exactly is shown exactly
                decimals = max(decimals, decimals_of(float(value)))
            return format_value(float(value), self.scale.unit, lang, decimals)
        if isinstance(value, Wording) and self.scale is not None:
            scale = self.scale
            return value.render(lang, lambda v, lang_: _scaled(v, lang_, scale))
        return _render(value, lang)


@dataclass(frozen=True, slots=True)
class Scale:
    """How a goal's numbers are written: its unit ('58,3%', '€ 2.982', '1.210 huishoudens') and
    the decimals of its figures (koers.domain.formatting)."""

    unit: Unit | None
    decimals: int | None = None


#: The facts of a reason that are values in the goal's unit (the rest are counts of wijken,
#: shares, periods): these are written with the unit, in every sentence.
QUANTITIES: Final = frozenset({"latest", "target", "expected", "baseline", "low", "high", "forecast", "minimal"})


#: Quantities that are compared exactly (a margin's edges, the value the path expects):
#: rounding them could put a figure that falls short visibly on the mark ("62% against 62%").
EXACT: Final = frozenset({"low", "high", "latest", "expected"})


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _scaled(value: Any, lang: str, scale: Scale) -> Any:
    """A number inside a nested wording: a value in the goal's unit."""
    if _is_number(value):
        return format_value(float(value), scale.unit, lang, scale.decimals)
    return _render(value, lang)


REASONS: dict[str, str] = {
    "achieved": N_("De streefwaarde ({target}) is gehaald: de laatste meting ({period}) is {latest}."),
    "waypoint-met": N_(
        "De laatste meting ({period}) is {latest}; dat haalt de streefwaarde voor {aim_period} ({target})."
    ),
    "waypoint-behind": N_(
        "De laatste meting ({period}) is {latest}; de streefwaarde voor {aim_period} was {target}. Pas {share} van "
        "die stap is gezet."
    ),
    "kept": N_("De laatste meting ({period}) is {latest}; dat blijft binnen de grens van {target}."),
    "kept-final": N_("In {period} is de waarde {latest}; dat blijft binnen de grens van {target}. Doel gehaald."),
    "bound-broken": N_("De laatste meting ({period}) is {latest}; dat is over de grens van {target}."),
    "bound-broken-final": N_(
        "In {period} is de waarde {latest}; dat is over de grens van {target}. Het doel is niet gehaald."
    ),
    "equal": N_("De laatste meting ({period}) is {latest}; dat is gelijk aan {target}."),
    "equal-final": N_("In {period} is de waarde {latest}, gelijk aan {target}. Doel gehaald."),
    "not-equal": N_(
        "De laatste meting ({period}) is {latest}; dat is niet gelijk aan {target}. Het plan noemt geen marge: "
        "elke afwijking telt."
    ),
    "not-equal-final": N_(
        "In {period} is de waarde {latest}; dat is niet gelijk aan {target}. Het doel is niet gehaald."
    ),
    "in-band": N_("De laatste meting ({period}) is {latest}; dat ligt binnen de marge van {low} tot {high}."),
    "in-band-final": N_("In {period} is de waarde {latest}, binnen de marge van {low} tot {high}. Doel gehaald."),
    "out-of-band": N_("De laatste meting ({period}) is {latest}; dat ligt buiten de marge van {low} tot {high}."),
    "out-of-band-final": N_(
        "In {period} is de waarde {latest}; dat ligt buiten de marge van {low} tot {high}. Het doel is niet gehaald."
    ),
    "inside-range": N_(
        "De laatste meting ({period}) is {latest}; dat ligt binnen de bandbreedte van {low} tot {high}."
    ),
    "inside-range-final": N_(
        "In {period} is de waarde {latest}, binnen de bandbreedte van {low} tot {high}. Doel gehaald."
    ),
    "beyond-range": N_(
        "De laatste meting ({period}) is {latest}; dat is {side} de bandbreedte van {low} tot {high}, en dat "
        "is ook goed."
    ),
    "beyond-range-final": N_(
        "In {period} is de waarde {latest}: {side} de bandbreedte van {low} tot {high}, en dat is ook goed. "
        "Doel gehaald."
    ),
    "outside-range": N_(
        "De laatste meting ({period}) is {latest}; dat ligt {side} de bandbreedte van {low} tot {high}."
    ),
    "outside-range-final": N_(
        "In {period} is de waarde {latest}; dat ligt {side} de bandbreedte van {low} tot {high}. Het doel is "
        "niet gehaald."
    ),
    "on-path": N_(
        "De laatste meting ({period}) is {latest}. Op weg naar {target} hoorde daar {expected} bij; "
        "{share} van die stap is gezet."
    ),
    "behind-path": N_(
        "De laatste meting ({period}) is {latest}. Op weg naar {target} hoorde daar {expected} bij; pas "
        "{share} van die stap is gezet."
    ),
    "wrong-way": N_(
        "De laatste meting ({period}) is {latest}; dat is slechter dan de nulmeting ({baseline}). Het "
        "doel gaat de verkeerde kant op."
    ),
    "missed": N_(
        "De streefperiode ({target_period}) is voorbij en de streefwaarde ({target}) is niet gehaald: de "
        "meting over {period} is {latest}."
    ),
    "moving": N_("De waarde gaat de goede kant op: van {baseline} bij de nulmeting naar {latest} ({period}). {noise}"),
    "moving-trend": N_(
        "De trend van de metingen gaat de goede kant op: rond {forecast} in {target_period}, tegen {baseline} bij "
        "de nulmeting. {noise}"
    ),
    "standing": N_(
        "De waarde is nog niet duidelijk veranderd: {latest} ({period}) tegen {baseline} bij de nulmeting. {noise}"
    ),
    "standing-trend": N_(
        "De trend van de metingen laat nog geen duidelijke verandering zien: rond {forecast} in {target_period}, "
        "tegen {baseline} bij de nulmeting. {noise}"
    ),
    "turning": N_(
        "De waarde gaat de verkeerde kant op: van {baseline} bij de nulmeting naar {latest} ({period}). {noise}"
    ),
    "turning-trend": N_(
        "De trend van de metingen gaat de verkeerde kant op: rond {forecast} in {target_period}, tegen {baseline} "
        "bij de nulmeting. {noise}"
    ),
    "moved-final": N_(
        "In {period} is de waarde {latest}, tegen {baseline} bij de nulmeting: de gevraagde {way}. Doel "
        "gehaald. {noise}"
    ),
    "unmoved-final": N_(
        "In {period} is de waarde {latest}, tegen {baseline} bij de nulmeting: geen duidelijke {way}. Het doel is "
        "niet gehaald. {noise}"
    ),
    "no-baseline": N_("Er is geen nulmeting. Daarom is niet te zeggen of het doel op koers ligt.{latest_note}"),
    "baseline-pending": N_(
        "De nulmeting ({period}) volgt nog. Tot die er is, is niet te zeggen of het doel op koers ligt.{latest_note}"
    ),
    "no-target": N_(
        "Het doel heeft geen streefwaarde met een periode of een richting. Daarom is het niet te beoordelen."
    ),
    "unread-target": N_("koers kan de streefwaarde '{phrase}' niet lezen. Daarom is het doel niet te beoordelen."),
    "keep-without-side": N_(
        "De streefwaarde is '{phrase}', maar het doel zegt niet of de waarde niet lager of niet hoger mag worden. "
        "Daarom is het niet te beoordelen."
    ),
    "no-data": N_(
        "Er is na de nulmeting ({baseline_period}) niets gemeten, terwijl er over {due} een meting had moeten zijn."
    ),
    "not-yet": N_(
        "Het meetinstrument heeft na de nulmeting ({baseline_period}) nog niet opnieuw gemeten; de "
        "volgende meting gaat over {next}."
    ),
    "not-available": N_("Over {period} is geen cijfer: {code}, {why}."),
    "unusable-figure": N_(
        "In de meting over {period} staat een getal groter dan {limit}. Daarmee kan koers niet rekenen, dus is "
        "het doel niet te beoordelen. Verbeter de meting in de editor of met een nieuwe import."
    ),
    "inside-baseline": N_(
        "De meting over {period} valt binnen de periode van de nulmeting ({baseline_period}) en telt niet mee als "
        "voortgang."
    ),
    "trend-misses": N_(
        "Let op: de trend van alle metingen komt in {target_period} uit rond {forecast}, en haalt de streefwaarde "
        "({target}) dan niet. Het oordeel kijkt naar het pad tot nu, de trend naar alle metingen samen."
    ),
    "trend-reaches": N_(
        "Wel komt de trend van alle metingen in {target_period} uit rond {forecast}, en haalt de streefwaarde "
        "({target}) dan. Het oordeel kijkt naar het pad tot nu, de trend naar alle metingen samen."
    ),
    "bound-without-baseline": N_(
        "Er is geen nulmeting, maar de streefwaarde is een grens: de laatste meting ({period}) is {latest}, "
        "{verdict} {target}."
    ),
    "wijken": N_("{worst} in {count} van de {total} wijken: {names}."),
    "wijken-fine": N_("In alle {total} wijken {worst}."),
}


def _render(value: Any, lang: str) -> Any:
    if isinstance(value, Period):
        return value.label(lang)
    if isinstance(value, Status):
        return value.label(lang)
    if isinstance(value, Wording):
        return value.render(lang, _render)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _number(float(value), lang)
    return value


def _number(value: float, lang: str) -> str:
    return format_number(round(value, 2), lang)
