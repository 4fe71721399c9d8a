# SPDX-License-Identifier: EUPL-1.2
"""The area register: the municipality, its wijken and buurten, and the regions it works in.

Measurements are stored per area and goals with scope "every wijk" are judged per wijk, so
the plan names its areas. CBS codes (GM0396, WK039601, BU03960101) link them to open data;
a wijk whose code is not yet known can still be named.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from koers.domain.goals import ID_PATTERN
from koers.domain.regions import RegionKind, clean_region_code, region_kind


class AreaLevel(StrEnum):
    MUNICIPALITY = "municipality"
    WIJK = "wijk"
    BUURT = "buurt"
    REGION = "region"


#: The kind of CBS code an area of each level has (a region has none of its own; its members have).
CODE_KIND: Final = {
    AreaLevel.MUNICIPALITY: RegionKind.MUNICIPALITY,
    AreaLevel.WIJK: RegionKind.WIJK,
    AreaLevel.BUURT: RegionKind.BUURT,
}


#: The levels of area that have a CBS code (and so a boundary of their own).
CODED_LEVELS: Final = tuple(CODE_KIND)


def level_label(level: AreaLevel, lang: str = "nl") -> str:
    """What an area of a coded level is called ('wijk', 'gemeente'): the word for its kind of CBS code."""
    return CODE_KIND[level].label(lang)


def level_of_code(code: str) -> AreaLevel | None:
    """The level of area a CBS code names (a wijk for WK039601), or None for another code."""
    kind = region_kind(code)
    return next((level for level, found in CODE_KIND.items() if found is kind), None) if kind else None


class Area(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=ID_PATTERN, description="A stable id: the CBS code where there is one.")
    name: str
    level: AreaLevel
    cbs_code: str | None = Field(default=None, description="GM + 4 digits, WK + 6 or BU + 8; left out when not known.")
    parent: str | None = Field(default=None, description="The id of the area it lies in.")
    members: list[str] = Field(default_factory=list, description="For a region: the CBS codes of its municipalities.")
    note: str | None = None

    @property
    def stored_id(self) -> str:
        """The id its measurements are stored under: the CBS code where known, else its own id."""
        return self.cbs_code or self.id

    @model_validator(mode="after")
    def _code_fits_level(self) -> Area:
        if self.cbs_code is None:
            return self
        code = self.cbs_code
        if CODE_KIND.get(self.level) is None or code != clean_region_code(code) or level_of_code(code) != self.level:
            raise PydanticCustomError(
                "invalid-cbs-code",
                "'{code}' is not a CBS code for a {level}",
                {"code": code, "level": self.level.value},
            )
        return self


@dataclass(frozen=True, slots=True)
class AreaIds:
    """The ids a plan's figures are stored under, declared once for every reader of them."""

    #: The municipality as a whole.
    municipality: str
    #: Its wijken, in the plan's order (goals per wijk are judged in each).
    wijken: tuple[str, ...]
    #: Every stored id with the area's name, for reasons that name wijken.
    names: dict[str, str]
