# SPDX-License-Identifier: EUPL-1.2
"""Which boundary belongs to which area of the plan.

A boundary file holds more than a plan needs: PDOK's wijken cover the whole country, a
municipality's own file may hold its neighbours. A feature belongs to an area of the plan by
its CBS code (``WK039601``), else by its name, written the same apart from capitals and
spaces; a feature of no area of the plan is left out and counted. A name is only taken from a
feature of the plan's municipality (by its ``gemeentecode``, or the digits of its WK or BU
code) and of the area's level, so that 'Centrum' of the neighbours never becomes the plan's
Centrum.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from koers.domain.areas import CODED_LEVELS, Area, AreaLevel, level_of_code
from koers.domain.geo import Shape
from koers.domain.regions import RegionKind, clean_region_code, region_kind


class MatchedBy(StrEnum):
    CODE = "code"
    NAME = "name"


@dataclass(frozen=True, slots=True)
class FeatureInfo:
    """What a feature says about itself: its place in the file (1 = the first), code and name."""

    number: int
    code: str | None
    name: str | None
    #: The municipality it says it lies in (its ``gemeentecode``), if it says so.
    municipality: str | None = None

    @property
    def level(self) -> AreaLevel | None:
        return level_of_code(self.code) if self.code else None

    @property
    def in_municipality(self) -> str | None:
        """The CBS code of the municipality it lies in: as it says, or from its WK or BU code."""
        if self.municipality:
            return clean_region_code(self.municipality)
        if self.code and region_kind(self.code) in (RegionKind.WIJK, RegionKind.BUURT):
            return "GM" + clean_region_code(self.code)[2:6]
        return None


@dataclass(frozen=True, slots=True)
class Match:
    area: Area
    feature: int
    by: MatchedBy


@dataclass(frozen=True, slots=True)
class Matching:
    """The outcome: one feature per matched area, and what did not fit."""

    matches: tuple[Match, ...]
    #: How many features belong to no area of the plan.
    left_out: int
    #: The plan's wijken that got no boundary.
    missing: tuple[Area, ...]
    #: Areas that more than one feature claims (by code, or by name): the feature numbers.
    ambiguous: tuple[tuple[Area, MatchedBy, tuple[int, ...]], ...]

    def count(self, by: MatchedBy) -> int:
        return sum(1 for m in self.matches if m.by == by)


@dataclass(frozen=True, slots=True)
class Boundary:
    """An area's boundary, ready to draw: stored under the area's id (its CBS code where known)."""

    area: str
    name: str
    level: AreaLevel
    shape: Shape
    planar: bool


def same_name(name: str) -> str:
    """A name as it is compared: without capitals and with single spaces ('De  Hei' is 'de hei')."""
    return " ".join(name.casefold().split())


def match_features(features: Sequence[FeatureInfo], areas: Sequence[Area], municipality: str) -> Matching:
    """Each of the plan's ``areas`` (municipality, wijken, buurten) with the feature of its CBS
    code, else of its name; ``municipality`` is the plan's CBS code."""
    mapped = [a for a in areas if a.level in CODED_LEVELS]
    by_code: dict[str, list[FeatureInfo]] = {}
    for feature in features:
        if feature.code:
            by_code.setdefault(clean_region_code(feature.code), []).append(feature)
    matches: list[Match] = []
    ambiguous: list[tuple[Area, MatchedBy, tuple[int, ...]]] = []
    unmatched: list[Area] = []
    for area in mapped:
        found = by_code.get(area.cbs_code, []) if area.cbs_code else []
        if len(found) > 1:
            ambiguous.append((area, MatchedBy.CODE, tuple(f.number for f in found)))
        elif found:
            matches.append(Match(area, found[0].number, MatchedBy.CODE))
        else:
            unmatched.append(area)
    taken = {m.feature for m in matches}
    home = clean_region_code(municipality)
    for area in unmatched:
        found = [f for f in features if f.number not in taken and _named(f, area, home)]
        if len(found) > 1:
            ambiguous.append((area, MatchedBy.NAME, tuple(f.number for f in found)))
        elif found:
            matches.append(Match(area, found[0].number, MatchedBy.NAME))
    used = {m.feature for m in matches} | {n for _area, _by, numbers in ambiguous for n in numbers}
    claimed = {m.area.stored_id for m in matches} | {a.stored_id for a, _by, _numbers in ambiguous}
    missing = tuple(a for a in mapped if a.level == AreaLevel.WIJK and a.stored_id not in claimed)
    order = {a.stored_id: i for i, a in enumerate(mapped)}
    return Matching(
        tuple(sorted(matches, key=lambda m: order[m.area.stored_id])),
        sum(1 for f in features if f.number not in used),
        missing,
        tuple(ambiguous),
    )


def _named(feature: FeatureInfo, area: Area, municipality: str) -> bool:
    """Whether ``feature`` is ``area`` by name: the same name, the same level (when its code
    tells), in the plan's municipality (when it tells)."""
    if not feature.name or same_name(feature.name) != same_name(area.name):
        return False
    level, home = feature.level, feature.in_municipality
    return (level is None or level == area.level) and (home is None or home == municipality)
