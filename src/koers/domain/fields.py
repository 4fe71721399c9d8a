# SPDX-License-Identifier: EUPL-1.2
"""Pydantic glue for the domain's own value types.

Periods and frequencies are plain frozen dataclasses so that the domain can compute with
them; these annotated types let the pydantic models read them from the strings a plan file
holds, write them back as the same canonical strings, and describe them in the JSON Schema.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

from koers.domain.frequency import Frequency, FrequencyError
from koers.domain.periods import Period, PeriodError


def _period(value: Any) -> Period:
    try:
        return Period.parse(value)
    except PeriodError as err:
        raise PydanticCustomError(err.code, str(err), {"value": str(value)}) from None


def _frequency(value: Any) -> Frequency:
    try:
        return Frequency.parse(value)
    except FrequencyError as err:
        raise PydanticCustomError("invalid-frequency", str(err), {"value": str(value)}) from None


PeriodValue = Annotated[
    Period,
    BeforeValidator(_period),
    PlainSerializer(lambda p: p.code, return_type=str),
    WithJsonSchema(
        {
            "type": ["string", "integer"],
            "description": "A period: 2023, 2023-H2, 2023-Q3, 2023-03, 2023/2024 (school year), "
            "2024-01-01 (reference date), or the Dutch words for these.",
            "examples": ["2023", "2023-H2", "schooljaar 2023-2024", "peildatum 1 januari 2024"],
        }
    ),
]

FrequencyValue = Annotated[
    Frequency,
    BeforeValidator(_frequency),
    PlainSerializer(lambda f: f.as_written, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "description": "How often the instrument measures, as the plan words it: "
            "'2X per jaar', '1X per 4 jaar', '1x per schooljaar', or a code such "
            "as half-yearly, yearly, school-yearly, every-4-years.",
            "examples": ["2X per jaar", "1X per 4 jaar", "every-4-years"],
        }
    ),
]
