# SPDX-License-Identifier: EUPL-1.2
"""Numbers as people write them (koers.domain.formatting, koers.domain.units.singular).

One formatter for every output: counts whole, money in whole euros, percentages and rates to
the precision of their source (at most two decimals), one of a thing in the singular, an
estimate rounded as one. These tests protect those rules with the cases the report got wrong
("213,666667 kinderen", "1 ontmoetingsplekken", "486,742857 huishoudens").
"""

from __future__ import annotations

import pytest

from koers.domain.formatting import decimals_of, estimate, format_figure, format_value, rounded
from koers.domain.measurements import Measurement, Unavailable
from koers.domain.periods import Period
from koers.domain.units import Unit, UnitKind, singular

KINDEREN = Unit(kind=UnitKind.COUNT, label="kinderen")
PLEKKEN = Unit(kind=UnitKind.COUNT, label="ontmoetingsplekken")
PCT = Unit(kind=UnitKind.PERCENTAGE)
EURO = Unit(kind=UnitKind.EURO)
RATE = Unit(kind=UnitKind.RATE, per=1000, population="inwoners")


@pytest.mark.parametrize(
    ("value", "unit", "written"),
    [
        (213.666667, KINDEREN, "214 kinderen"),  # a count is whole
        (1, PLEKKEN, "1 ontmoetingsplek"),  # one, in the singular
        (1, KINDEREN, "1 kind"),
        (2, PLEKKEN, "2 ontmoetingsplekken"),
        (2982.4, EURO, "€ 2.982"),  # money in whole euros
        (58.3, PCT, "58,3%"),
        (58.333333, PCT, "58,33%"),  # at most two decimals
        (79.912, RATE, "79,91 per 1.000 inwoners"),
        (121, Unit(kind=UnitKind.COUNT), "121"),  # a count without a label: not '121 aantal'
        (1, Unit(kind=UnitKind.NIGHTS), "1 nacht"),
    ],
)
def test_a_value_is_written_as_people_write_it(value: float, unit: Unit, written: str) -> None:
    assert format_value(value, unit) == written


def test_decimals_can_follow_the_source() -> None:
    assert format_value(57.5, PCT, decimals=0) == "58%"
    assert format_value(11.86, PCT, decimals=1) == "11,9%"
    assert decimals_of(58.3) == 1 and decimals_of(5377) == 0 and decimals_of(79.912) == 2


def test_an_estimate_is_rounded_as_one() -> None:
    assert estimate(486.742857, KINDEREN) == 487
    assert estimate(58.34, PCT) == 58.3
    assert estimate(486.742857) == 487  # from 100 up: whole


def test_a_figure_in_a_cell_under_a_unit_header_is_the_number_alone() -> None:
    m = Measurement("G", Period.parse("2025"), "GM0001", 1210.4)
    assert format_figure(m, Unit(kind=UnitKind.COUNT, label="huishoudens"), in_cell=True) == "1.210"
    assert format_figure(m, Unit(kind=UnitKind.COUNT, label="huishoudens")) == "1.210 huishoudens"
    gone = Measurement("G", Period.parse("2025"), "GM0001", None, unavailable=Unavailable.NOT_AVAILABLE, note="weg")
    assert format_figure(gone, PCT, in_cell=True) == "n.b. (weg)"


@pytest.mark.parametrize(
    ("plural", "one"),
    [
        ("huishoudens", "huishouden"),
        ("ontmoetingsplekken", "ontmoetingsplek"),
        ("toekenningen", "toekenning"),
        ("kinderen", "kind"),
        ("jongeren met jeugdhulp", "jongere met jeugdhulp"),
        ("buurtkamers", "buurtkamer"),
    ],
)
def test_the_singular_of_a_dutch_plural(plural: str, one: str) -> None:
    assert singular(plural) == one


def test_a_plan_may_give_the_singular_itself() -> None:
    unit = Unit(kind=UnitKind.COUNT, label="cliënten met begeleiding", label_one="cliënt met begeleiding")
    assert format_value(1, unit) == "1 cliënt met begeleiding"
    assert rounded(2.6, unit) == 3
