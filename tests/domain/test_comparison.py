# SPDX-License-Identifier: EUPL-1.2
"""Where a municipality stands among its peers, its size class and the Netherlands, in words.

On Zuiderhaven (``tests/data/plans/peers-zuiderhaven.yaml``, a made-up municipality with two
peers, a size class and BBV indicators with and without an own target): below, above and about
equal, a peer without a figure for the period, the own target, a goal compared with the
Netherlands only, and the margin that makes "about equal" (the unit's minimal relevant change).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from koers.domain.comparison import (
    Compared,
    Comparison,
    Role,
    Standing,
    compare,
    compare_plan,
    in_sentence,
    standing,
)
from koers.domain.measurements import Measurement, Unavailable
from koers.domain.periods import Period
from koers.domain.plan import Plan
from koers.domain.units import UnitKind
from koers.planfile import read_plan

DATA = Path(__file__).resolve().parents[1] / "data"
PLAN = read_plan(DATA / "plans" / "peers-zuiderhaven.yaml")
SIZE = "gemeenten-50000-100000"


def m(subject: str, year: int, area: str, value: float) -> Measurement:
    return Measurement(subject, Period.year(year), area, value)


#: The figures of tests/data/imports/peers-zuiderhaven.csv, as the store gives them back.
FIGURES = [
    m("bbv-27", 2023, "GM9921", 262),
    m("bbv-27", 2024, "GM9921", 250),
    m("bbv-27", 2024, "GM9922", 310),
    m("bbv-27", 2024, "GM9923", 330),
    m("bbv-27", 2024, SIZE, 305.5),
    m("bbv-27", 2024, "NL01", 372),
    m("bbv-24", 2024, "GM9921", 72.1),
    m("bbv-24", 2024, "GM9922", 66.4),
    m("bbv-24", 2024, "GM9923", 65.6),
    m("bbv-24", 2024, "NL01", 68.9),
    m("bbv-29", 2023, "GM9922", 11.9),
    m("bbv-29", 2024, "GM9921", 11.2),
    m("bbv-29", 2024, "GM9922", 11.6),
    m("bbv-29", 2024, "NL01", 11.5),
    m("WI-01", 2024, "GM9921", 10.1),
    m("WI-01", 2024, "NL01", 8.2),
    m("JE-01", 2024, "GM9921", 224),
]


@pytest.fixture(scope="module")
def compared() -> dict[str, Comparison]:
    return {c.subject.id: c for c in compare_plan(PLAN, FIGURES)}


def test_every_bbv_indicator_then_every_goal_with_figures_of_others(compared: dict[str, Comparison]) -> None:
    """bbv-30 has no figures at all, JE-01 only its own: neither is compared."""
    assert list(compared) == ["bbv-27", "bbv-24", "bbv-29", "WI-01"]
    assert [c.subject.bbv for c in compared.values()] == [True, True, True, False]


def test_below_the_peers_the_size_class_and_the_netherlands_with_the_own_target(
    compared: dict[str, Comparison],
) -> None:
    bijstand = compared["bbv-27"]
    assert bijstand.period == Period.year(2024)  # the latest year with a figure of Zuiderhaven itself
    assert [(f.name, f.role, f.value) for f in bijstand.figures] == [
        ("Zuiderhaven", Role.OWN, 250),
        ("Noorderveld", Role.PEER, 310),
        ("Oostmeer", Role.PEER, 330),
        ("Gemeenten met 50.000 tot 100.000 inwoners", Role.SIZE_CLASS, 305.5),
        ("", Role.COUNTRY, 372),
    ]
    assert bijstand.peer_mean == 320
    assert bijstand.sentences() == [
        "Zuiderhaven zit onder het gemiddelde van vergelijkbare gemeenten (Noorderveld en Oostmeer): "
        "250,0 per 10.000 inwoners van 18 jaar en ouder tegenover 320,0.",
        "Zuiderhaven zit onder het gemiddelde van gemeenten met 50.000 tot 100.000 inwoners: "
        "250,0 per 10.000 inwoners van 18 jaar en ouder tegenover 305,5.",
        "Zuiderhaven zit onder het landelijk gemiddelde: 250,0 per 10.000 inwoners van 18 jaar en ouder "
        "tegenover 372,0.",
        "Het eigen doel is minder dan 300 per 10.000 inwoners van 18 jaar en ouder.",
    ]
    assert bijstand.subject.target_value == 300


def test_above_the_peers_with_a_dated_target(compared: dict[str, Comparison]) -> None:
    participatie = compared["bbv-24"]
    assert [(role, where) for role, where, _ in participatie.standings()] == [
        (Role.PEER, Standing.ABOVE),
        (Role.COUNTRY, Standing.ABOVE),
    ]
    assert participatie.sentences() == [
        "Zuiderhaven zit boven het gemiddelde van vergelijkbare gemeenten (Noorderveld en Oostmeer): "
        "72,1% tegenover 66,0%.",
        "Zuiderhaven zit boven het landelijk gemiddelde: 72,1% tegenover 68,9%.",
        "Het eigen doel is minimaal 70% in 2027.",
    ]


def test_about_equal_and_a_peer_without_a_figure_for_the_period(compared: dict[str, Comparison]) -> None:
    """Noorderveld's 2023 figure does not stand in for 2024; Oostmeer has none at all."""
    jeugdhulp = compared["bbv-29"]
    assert [f.name for f in jeugdhulp.missing_peers] == ["Oostmeer"]
    assert jeugdhulp.size_class is not None and jeugdhulp.size_class.value is None
    assert jeugdhulp.sentences() == [
        "Zuiderhaven is ongeveer gelijk aan het gemiddelde van vergelijkbare gemeenten (Noorderveld): "
        "11,2% tegenover 11,6%.",
        "Zuiderhaven is ongeveer gelijk aan het landelijk gemiddelde: 11,2% tegenover 11,5%.",
        "Van Oostmeer is er geen cijfer over 2024.",
    ]


def test_a_goal_compared_with_the_netherlands_only_keeps_neutral_words(compared: dict[str, Comparison]) -> None:
    """WI-01 must go down, yet the comparison says 'boven', not 'slechter': its progress is judged
    against its own target elsewhere."""
    inkomen = compared["WI-01"]
    assert inkomen.peer_mean is None
    assert inkomen.sentences() == [
        "Zuiderhaven zit boven het landelijk gemiddelde: 10,1% tegenover 8,2%.",
        "Van Noorderveld en Oostmeer is er geen cijfer over 2024.",
        "Het eigen doel is maximaal 9% in 2028.",
    ]


def test_the_sentences_in_english(compared: dict[str, Comparison]) -> None:
    english = compared["bbv-29"].sentences("en")
    assert english[0].startswith("Zuiderhaven is about equal to the average of comparable municipalities (Noorderveld)")
    assert english[-1] == "Oostmeer has no figure for 2024."
    assert compared["bbv-27"].figures[-1].label("en") == "Netherlands"


def test_without_an_own_figure_the_others_are_shown_and_that_is_said() -> None:
    subject = Compared.of_bbv(PLAN.bbv_indicators[0])
    found = compare(
        subject, [m("bbv-27", 2024, "GM9922", 310)], own=("GM9921", "Zuiderhaven"), peers=[("GM9922", "Noorderveld")]
    )
    assert found.period == Period.year(2024)
    assert found.own.value is None and found.standings() == []
    assert found.sentences()[0] == "Van Zuiderhaven is er nog geen cijfer over 2024."


def test_nothing_to_compare() -> None:
    subject = Compared.of_bbv(PLAN.bbv_indicators[0])
    found = compare(subject, [], own=("GM9921", "Zuiderhaven"), peers=[("GM9922", "Noorderveld")])
    assert found.period is None
    assert found.sentences() == ["Er zijn nog geen cijfers om te vergelijken."]


def test_a_figure_that_is_not_there_does_not_count() -> None:
    """An n.b. of the peer is no figure: the peer is 'without a figure', never 0."""
    subject = Compared.of_bbv(PLAN.bbv_indicators[0])
    unavailable = Measurement(
        "bbv-27", Period.year(2024), "GM9922", None, unavailable=Unavailable.NOT_YET_KNOWN, note="nog niet gepubliceerd"
    )
    found = compare(
        subject, [m("bbv-27", 2024, "GM9921", 250), unavailable], own=("GM9921", "Z"), peers=[("GM9922", "N")]
    )
    assert found.peer_mean is None and [f.name for f in found.missing_peers] == ["N"]


@pytest.mark.parametrize(
    ("value", "reference", "kind", "expected"),
    [
        (11.2, 11.6, UnitKind.PERCENTAGE, Standing.ABOUT),  # within 1 percentage point
        (11.2, 12.2, UnitKind.PERCENTAGE, Standing.ABOUT),  # at the margin: still about equal
        (11.2, 12.3, UnitKind.PERCENTAGE, Standing.BELOW),
        (250, 320, UnitKind.RATE, Standing.BELOW),
        (300, 310, UnitKind.RATE, Standing.ABOUT),  # within 5% of 310
        (330, 310, UnitKind.RATE, Standing.ABOVE),  # 20 is more than 5% of 310
        (105, 100, None, Standing.ABOUT),  # a unit koers cannot read: 5% too
        (106, 100, None, Standing.ABOVE),
    ],
)
def test_about_equal_is_the_minimal_relevant_change(
    value: float, reference: float, kind: UnitKind | None, expected: Standing
) -> None:
    assert standing(value, reference, kind) == expected


def test_figures_share_their_decimals_and_the_peer_mean_is_rounded_as_they_are_written() -> None:
    subject = Compared.of_bbv(PLAN.bbv_indicators[2])  # a percentage
    figures = [m("bbv-29", 2024, "GM9921", 11), m("bbv-29", 2024, "GM9922", 11.25), m("bbv-29", 2024, "GM9923", 12.5)]
    found = compare(subject, figures, own=("GM9921", "Z"), peers=[("GM9922", "N"), ("GM9923", "O")])
    assert found.decimals == 2
    assert found.peer_mean == 11.88  # 11.875, to the two decimals of 11,25
    assert [found.number(f.value) for f in found.figures if f.value is not None] == ["11,00%", "11,25%", "12,50%"]


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Gemeenten met 20.000 tot 50.000 inwoners", "gemeenten met 20.000 tot 50.000 inwoners"),
        ("G40-gemeenten", "G40-gemeenten"),
        ("IJmond", "IJmond"),
    ],
)
def test_a_group_name_inside_a_sentence(name: str, shown: str) -> None:
    assert in_sentence(name) == shown


def test_the_heemskerk_plan_names_its_ijmond_neighbours(heemskerk_2024: Plan) -> None:
    group = heemskerk_2024.comparison
    assert [(p.cbs_code, p.name) for p in group.peers] == [("GM0375", "Beverwijk"), ("GM0453", "Velsen")]
    assert group.size_class is not None and group.size_class.name == "Gemeenten met 20.000 tot 50.000 inwoners"
    assert group.areas == ("GM0375", "GM0453", "gemeenten-20000-50000", "NL01")
