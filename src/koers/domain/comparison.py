# SPDX-License-Identifier: EUPL-1.2
"""Where the municipality stands among its peers, its size class and the Netherlands.

For one indicator (a BBV indicator, or a goal whose figures also exist for other municipalities)
:func:`compare` takes the figures of the municipality, each peer, the size class and the
Netherlands for one period, the latest for which the municipality has a figure, and says in plain
Dutch where the municipality stands: below, above or about equal to the average of its peers
(and to the size class and the Netherlands, when their figures are there), with the own target
when there is one. The words are neutral on purpose: a BBV indicator has no better side, and a
goal's progress is judged elsewhere (koers.domain.assessment), against its own target.

"About equal" uses the minimal relevant change of the unit (koers.domain.units.MINIMAL_CHANGES):
within 1 percentage point of a percentage, within 5% of any other figure. The same margin that
tells noise from a real change tells a real difference between municipalities.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from statistics import fmean
from typing import Final

from koers.domain.baselines import Baseline
from koers.domain.bbv import bbv_unit
from koers.domain.formatting import decimals_of, format_number
from koers.domain.goals import Goal
from koers.domain.measurements import Measurement
from koers.domain.periods import Period
from koers.domain.plan import BbvIndicator, Plan
from koers.domain.regions import NETHERLANDS
from koers.domain.target_words import target_text
from koers.domain.targets import Direction, Target
from koers.domain.units import MINIMAL_CHANGES, WHOLE_UNITS, Unit, UnitKind
from koers.domain.vocabulary import every
from koers.domain.wording import listing
from koers.i18n import N_, _


class Role(StrEnum):
    """Who a figure is of."""

    OWN = "own"
    PEER = "peer"
    SIZE_CLASS = "size-class"
    COUNTRY = "country"


class Standing(StrEnum):
    """Where the municipality's figure lies against another: neutral words, no better side."""

    BELOW = "below"
    ABOUT = "about"
    ABOVE = "above"

    def label(self, lang: str = "nl") -> str:
        return _(STANDING_WORDS[self], lang)


#: How a standing reads before what it is compared with ('zit onder het landelijk gemiddelde').
STANDING_WORDS: Final = every(
    Standing,
    {
        Standing.BELOW: N_("zit onder"),
        Standing.ABOUT: N_("is ongeveer gelijk aan"),
        Standing.ABOVE: N_("zit boven"),
    },
)
#: The name of the Netherlands (its figures are stored under CBS's code NL01).
COUNTRY_NAME: Final = N_("Nederland")


def standing(value: float, reference: float, kind: UnitKind | None) -> Standing:
    """Where ``value`` lies against ``reference``: about equal within the minimal relevant change
    of the unit (1 percentage point; 5% of the reference for anything else), else below or above."""
    margin = MINIMAL_CHANGES[kind or UnitKind.OTHER].of(reference)
    if abs(value - reference) <= margin + 1e-9:
        return Standing.ABOUT
    return Standing.BELOW if value < reference else Standing.ABOVE


@dataclass(frozen=True, slots=True)
class Compared:
    """What is compared: a BBV indicator or a goal, with its unit and the own target."""

    id: str
    name: str
    unit: Unit | None
    #: The unit as the plan or the national list words it ('aantal per 10.000 inwoners'); None:
    #: the unit's own label.
    unit_words: str | None = None
    target: Target | None = None
    direction: Direction | None = None
    baseline: Baseline | None = None
    bbv: bool = False

    @classmethod
    def of_bbv(cls, indicator: BbvIndicator) -> Compared:
        target = indicator.target
        return cls(
            indicator.id,
            indicator.name,
            bbv_unit(indicator.unit),
            indicator.unit,
            target,
            target.direction if target else None,
            bbv=True,
        )

    @classmethod
    def of_goal(cls, goal: Goal) -> Compared:
        name = goal.indicator.name if goal.indicator else goal.title or goal.id
        return cls(goal.id, name, goal.unit, None, goal.target, goal.judged_direction, goal.baseline)

    def unit_label(self, lang: str = "nl") -> str:
        """The unit in words, for a caption or an axis."""
        if self.unit_words:
            return self.unit_words
        return self.unit.label_text(lang) if self.unit is not None else ""

    @property
    def target_value(self) -> float | None:
        """The own target as a number, to draw as a line (a band, or a change without a baseline,
        has none)."""
        return self.target.resolve(self.baseline) if self.target is not None else None

    def target_words(self, lang: str = "nl") -> str:
        if self.target is None:
            return ""
        return target_text(self.target, self.unit, self.direction, self.baseline, lang)


@dataclass(frozen=True, slots=True)
class Figure:
    """One bar: an area's figure for the period compared, or None when it has none."""

    area: str
    name: str
    role: Role
    value: float | None

    def label(self, lang: str = "nl") -> str:
        return _(COUNTRY_NAME, lang) if self.role == Role.COUNTRY else self.name


@dataclass(frozen=True)
class Comparison:
    """One indicator in one period: the municipality's figure beside the others'."""

    subject: Compared
    period: Period | None
    #: The municipality first, then the peers in the plan's order, the size class, the Netherlands.
    figures: tuple[Figure, ...]

    def _of(self, role: Role) -> list[Figure]:
        return [f for f in self.figures if f.role == role]

    @property
    def own(self) -> Figure:
        return self._of(Role.OWN)[0]

    @property
    def peers(self) -> list[Figure]:
        return self._of(Role.PEER)

    @property
    def size_class(self) -> Figure | None:
        return next(iter(self._of(Role.SIZE_CLASS)), None)

    @property
    def country(self) -> Figure | None:
        return next(iter(self._of(Role.COUNTRY)), None)

    @property
    def peer_mean(self) -> float | None:
        """The average of the peers that have a figure, rounded to the decimals they are written with."""
        values = [f.value for f in self.peers if f.value is not None]
        if not values:
            return None
        return round(fmean(values), max(decimals_of(v) for v in values))

    @property
    def missing_peers(self) -> list[Figure]:
        return [f for f in self.peers if f.value is None]

    @property
    def kind(self) -> UnitKind | None:
        return self.subject.unit.kind if self.subject.unit is not None else None

    def standings(self) -> list[tuple[Role, Standing, float]]:
        """Against the peers' average, the size class and the Netherlands, where both figures are there."""
        own = self.own.value
        if own is None:
            return []
        references = [(Role.PEER, self.peer_mean)]
        references += [(f.role, f.value) for f in (self.size_class, self.country) if f is not None]
        return [(role, standing(own, value, self.kind), value) for role, value in references if value is not None]

    def sentences(self, lang: str = "nl") -> list[str]:
        """Where the municipality stands, in plain words: one sentence per comparison, then the
        peers without a figure, then the own target."""
        if self.period is None:
            return [_("Er zijn nog geen cijfers om te vergelijken.", lang)]
        own, when = self.own, self.period.label(lang)
        found = [self._standing_sentence(role, where, value, lang) for role, where, value in self.standings()]
        if own.value is None:
            found.append(_("Van {own} is er nog geen cijfer over {period}.", lang, own=own.name, period=when))
        missing = [f.label(lang) for f in self.missing_peers]
        if missing:
            found.append(
                _(
                    "Van {names} is er geen cijfer over {period}.",
                    lang,
                    names=listing(missing, lang),
                    period=when,
                )
            )
        if self.subject.target is not None:
            found.append(self._target_sentence(lang))
        return found

    def _standing_sentence(self, role: Role, where: Standing, reference: float, lang: str) -> str:
        assert self.own.value is not None
        return _(
            "{own} {standing} {reference}: {value} tegenover {other}.",
            lang,
            own=self.own.name,
            standing=where.label(lang),
            reference=self._reference(role, lang),
            value=self.number(self.own.value, lang, with_unit=True),
            other=self.number(reference, lang),
        )

    @property
    def decimals(self) -> int:
        """The decimals every figure of the comparison is written with: as many as the most precise
        figure has (at most two), so that 561,0 stands beside 535,6; none for whole things."""
        unit = self.subject.unit
        if unit is not None and unit.kind in WHOLE_UNITS:
            return 0
        return max((decimals_of(f.value) for f in self.figures if f.value is not None), default=0)

    def number(self, value: float, lang: str = "nl", *, with_unit: bool = False) -> str:
        """A figure of the comparison as people write it: its decimals (:attr:`decimals`), with the
        sign of a percentage or an amount ('47,2%', '€ 2.864'); ``with_unit``: with a rate's or a
        count's unit too ('561,0 per 10.000 inwoners')."""
        unit, decimals = self.subject.unit, self.decimals
        text = format_number(round(value, decimals), lang, decimals)
        if unit is None:
            return text
        if unit.kind == UnitKind.PERCENTAGE:
            return f"{text}%"
        if unit.kind == UnitKind.EURO:
            return f"€ {text}"
        return f"{text} {unit.label_for(value, lang)}".strip() if with_unit else text

    def _reference(self, role: Role, lang: str) -> str:
        if role == Role.PEER:
            names = listing([f.label(lang) for f in self.peers if f.value is not None], lang)
            return _("het gemiddelde van vergelijkbare gemeenten ({names})", lang, names=names)
        if role == Role.SIZE_CLASS and self.size_class is not None:
            return _("het gemiddelde van {group}", lang, group=in_sentence(self.size_class.name))
        return _("het landelijk gemiddelde", lang)

    def _target_sentence(self, lang: str) -> str:
        target = self.subject.target
        assert target is not None
        words = self.subject.target_words(lang)
        if target.period is not None:
            return _("Het eigen doel is {target} in {period}.", lang, target=words, period=target.period.label(lang))
        return _("Het eigen doel is {target}.", lang, target=words)


def in_sentence(name: str) -> str:
    """A group's name inside a sentence: 'Gemeenten met 20.000 tot 50.000 inwoners' reads
    'gemeenten met ...'; a name whose first word is not an ordinary capitalised word ('G40',
    'IJmond') stays as it is."""
    first = name.split(" ", 1)[0]
    if len(first) > 1 and first[0].isupper() and first[1:].isalpha() and first[1:].islower():
        return name[0].lower() + name[1:]
    return name


def compare(
    subject: Compared,
    measurements: Iterable[Measurement],
    *,
    own: tuple[str, str],
    peers: Sequence[tuple[str, str]],
    size_class: tuple[str, str] | None = None,
) -> Comparison:
    """``subject`` compared in the latest period for which the municipality has a figure (else the
    latest any of the others has): ``own``, each of ``peers`` and the ``size_class`` are (stored
    area, name); the Netherlands is NL01. Only figures that are there count (an n.b. does not)."""
    values: dict[str, dict[Period, float]] = {}
    for m in measurements:
        if m.subject == subject.id and m.value is not None:
            values.setdefault(m.area, {})[m.period] = m.value
    areas = [(own, Role.OWN), *((p, Role.PEER) for p in peers)]
    if size_class is not None:
        areas.append((size_class, Role.SIZE_CLASS))
    areas.append(((NETHERLANDS, ""), Role.COUNTRY))
    mine = values.get(own[0], {})
    anyone = [period for area, _role in areas for period in values.get(area[0], {})]
    period = max(mine) if mine else max(anyone, default=None)
    figures = tuple(
        Figure(area, name, role, values.get(area, {}).get(period) if period is not None else None)
        for (area, name), role in areas
    )
    return Comparison(subject, period, figures)


def compare_plan(plan: Plan, measurements: Iterable[Measurement]) -> list[Comparison]:
    """Every BBV indicator of the plan, then every goal, for which a peer, the size class or the
    Netherlands has a figure, each compared as :func:`compare` does."""
    group = plan.comparison
    others = set(group.areas)
    by_subject: dict[str, list[Measurement]] = {}
    for m in measurements:
        by_subject.setdefault(m.subject, []).append(m)
    compared = {s for s, found in by_subject.items() if any(m.area in others and m.value is not None for m in found)}
    size = (group.size_class.id, group.size_class.name) if group.size_class else None
    own = (plan.area_ids().municipality, plan.municipality.name)
    peers = [(p.cbs_code, p.name) for p in group.peers]
    subjects = [Compared.of_bbv(b) for b in plan.bbv_indicators] + [Compared.of_goal(g) for g in plan.goals]
    return [compare(s, by_subject[s.id], own=own, peers=peers, size_class=size) for s in subjects if s.id in compared]
