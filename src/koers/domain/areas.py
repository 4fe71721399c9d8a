# SPDX-License-Identifier: EUPL-1.2
"""The area register: the municipality, its wijken and buurten, and the regions it works in.

Measurements are stored per area and goals with scope "every wijk" are judged per wijk, so
the plan names its areas. CBS codes (GM0396, WK039601, BU03960101) link them to open data;
a wijk whose code is not yet known can still be named.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from koers.domain.goals import ID_PATTERN


class AreaLevel(StrEnum):
    MUNICIPALITY = "municipality"
    WIJK = "wijk"
    BUURT = "buurt"
    REGION = "region"


_CODE_PREFIX = {AreaLevel.MUNICIPALITY: ("GM", 4), AreaLevel.WIJK: ("WK", 6), AreaLevel.BUURT: ("BU", 8)}


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
        expected = _CODE_PREFIX.get(self.level)
        code = self.cbs_code
        if expected is None or not (
            code.startswith(expected[0]) and len(code) == 2 + expected[1] and code[2:].isdigit()
        ):
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
