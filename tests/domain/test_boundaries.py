# SPDX-License-Identifier: EUPL-1.2
"""Which boundary belongs to which area of the plan: by CBS code, else by name (capitals and
spaces aside), only within the plan's municipality and the area's level."""

from __future__ import annotations

from koers.domain.areas import Area, AreaLevel, level_label
from koers.domain.boundaries import FeatureInfo, MatchedBy, match_features, same_name

AREAS = [
    Area(id="GM9912", name="Voorbeeldstad", level=AreaLevel.MUNICIPALITY, cbs_code="GM9912"),
    Area(id="centrum", name="Centrum", level=AreaLevel.WIJK, cbs_code="WK991201"),
    Area(id="west", name="De  Westhoek", level=AreaLevel.WIJK),
    Area(id="haven", name="Haven", level=AreaLevel.WIJK, cbs_code="WK991205"),
    Area(id="kade", name="Kade", level=AreaLevel.BUURT, cbs_code="BU99120501"),
    Area(id="ijmond", name="IJmond", level=AreaLevel.REGION, members=["GM9912"]),
]


def matched(features: list[FeatureInfo]) -> dict[str, tuple[int, MatchedBy]]:
    result = match_features(features, AREAS, "GM9912")
    return {m.area.id: (m.feature, m.by) for m in result.matches}


def test_by_code_padded_or_in_lower_case() -> None:
    found = matched([FeatureInfo(1, "wk991201  ", "Binnenstad"), FeatureInfo(2, "BU99120501", None)])
    assert found == {"centrum": (1, MatchedBy.CODE), "kade": (2, MatchedBy.CODE)}


def test_by_name_whatever_the_capitals_and_spaces() -> None:
    assert same_name("  de WESTHOEK ") == same_name("De  Westhoek") == "de westhoek"
    assert matched([FeatureInfo(4, None, " de westhoek")]) == {"west": (4, MatchedBy.NAME)}


def test_a_code_wins_over_a_name() -> None:
    found = matched([FeatureInfo(1, "WK991299", "Centrum"), FeatureInfo(2, "WK991201", "Oude kern")])
    assert found == {"centrum": (2, MatchedBy.CODE)}


def test_a_name_of_another_municipality_or_level_is_not_taken() -> None:
    features = [
        FeatureInfo(1, "WK991301", "De Westhoek"),  # the neighbour's wijk, by its code
        FeatureInfo(2, None, "De Westhoek", municipality="GM9913"),  # the neighbour's, as it says
        FeatureInfo(3, "BU99120301", "De Westhoek"),  # a buurt of the same name
    ]
    result = match_features(features, AREAS, "GM9912")
    assert result.matches == () and result.left_out == 3
    assert matched([FeatureInfo(5, "WK991203", "De Westhoek", municipality="gm9912")]) == {"west": (5, MatchedBy.NAME)}


def test_features_of_no_area_are_counted_and_wijken_without_one_named() -> None:
    features = [FeatureInfo(1, "WK991201", "Centrum"), FeatureInfo(2, "WK991301", "Elders"), FeatureInfo(3, "X", "Y")]
    result = match_features(features, AREAS, "GM9912")
    assert result.left_out == 2
    assert [a.id for a in result.missing] == ["west", "haven"]  # wijken only: not the buurt, not the municipality
    assert result.count(MatchedBy.CODE) == 1 and result.count(MatchedBy.NAME) == 0


def test_two_features_for_one_area_are_ambiguous_and_not_matched() -> None:
    by_code = match_features([FeatureInfo(1, "WK991201", "A"), FeatureInfo(2, "WK991201", "B")], AREAS, "GM9912")
    assert [(a.id, by, numbers) for a, by, numbers in by_code.ambiguous] == [("centrum", MatchedBy.CODE, (1, 2))]
    by_name = match_features(
        [FeatureInfo(3, None, "De Westhoek"), FeatureInfo(7, None, "de westhoek")], AREAS, "GM9912"
    )
    assert [(a.id, by, numbers) for a, by, numbers in by_name.ambiguous] == [("west", MatchedBy.NAME, (3, 7))]
    assert by_code.matches == by_name.matches == ()
    assert by_code.left_out == by_name.left_out == 0  # claimed, though not matched
    assert "centrum" not in {a.id for a in by_code.missing}


def test_a_region_gets_no_boundary() -> None:
    assert matched([FeatureInfo(1, None, "IJmond")]) == {}


def test_levels_are_called_by_their_dutch_names() -> None:
    assert [level_label(level) for level in (AreaLevel.MUNICIPALITY, AreaLevel.WIJK, AreaLevel.BUURT)] == [
        "gemeente",
        "wijk",
        "buurt",
    ]
