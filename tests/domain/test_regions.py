# SPDX-License-Identifier: EUPL-1.2
"""CBS region codes: every kind, padded as StatLine writes them, and what is no code."""

from __future__ import annotations

import pytest

from koers.domain.regions import REGION_DIGITS, RegionKind, clean_region_code, is_region_code, region_kind


@pytest.mark.parametrize(
    ("code", "kind", "clean"),
    [
        ("NL01  ", RegionKind.COUNTRY, "NL01"),
        ("LD01  ", RegionKind.LANDSDEEL, "LD01"),
        ("PV23  ", RegionKind.PROVINCE, "PV23"),
        ("CR17", RegionKind.COROP, "CR17"),
        ("GM0396    ", RegionKind.MUNICIPALITY, "GM0396"),
        ("gm0396", RegionKind.MUNICIPALITY, "GM0396"),
        ("WK039601  ", RegionKind.WIJK, "WK039601"),
        ("BU03960101", RegionKind.BUURT, "BU03960101"),
    ],
)
def test_region_codes_map_to_their_kind(code: str, kind: RegionKind, clean: str) -> None:
    assert region_kind(code) is kind
    assert clean_region_code(code) == clean
    assert is_region_code(code)


@pytest.mark.parametrize("text", ["GM396", "GM03961", "WK0396", "BU039601", "NL", "XX01", "Heemskerk", "", "GM 0396"])
def test_other_texts_are_no_region_code(text: str) -> None:
    assert region_kind(text) is None
    assert not is_region_code(text)


def test_every_kind_has_its_digits_and_a_label() -> None:
    for kind in RegionKind:
        assert REGION_DIGITS[kind] >= 2
        assert kind.label("nl") and kind.label("en")
