# SPDX-License-Identifier: EUPL-1.2
"""Targets written as Dutch words, read into the structured form of targets.

Begrotingen, jaarstukken and the BBV indicators write a target as a phrase. These tests protect:

* a table of phrases in the style of those tables, each with the exact TargetReading it gives
  (direction, value, change as written, band, bound strictness, period, tolerance, unit words),
  including Dutch decimal commas, thousands dots, units and years;
* the phrases koers refuses rather than guesses ("verbetering", "2026-2027", two values), each
  with its Dutch reason;
* properties over random Dutch numbers: "minimaal {v}", "maximaal {v}%", "tussen {a} en {b}%".

Expected values are written out by hand, never by calling the code twice.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from koers.domain import target_phrases as tp
from koers.domain.periods import Period
from koers.domain.target_phrases import BandOpen, TargetReading, UnreadableTarget, read_target
from koers.domain.targets import Change, ChangeKind, Direction, Tolerance, ToleranceKind

INCREASE, DECREASE = Direction.INCREASE, Direction.DECREASE
AT_LEAST, AT_MOST, MAINTAIN = Direction.AT_LEAST, Direction.AT_MOST, Direction.MAINTAIN
PERCENT, POINTS, EQUAL = ChangeKind.PERCENT, ChangeKind.POINTS, ChangeKind.EQUAL
Y2026, Y2027 = Period.year(2026), Period.year(2027)


def reads(phrase: str, **fields: Any) -> Any:
    """A table row: the phrase and the reading it should give."""
    return pytest.param(phrase, TargetReading(**fields), id=phrase)


def changes(phrase: str, kind: ChangeKind, amount: float, **fields: Any) -> Any:
    """A table row for a change; the change keeps the phrase as written."""
    return reads(phrase, change=Change(kind, amount, " ".join(phrase.split())), **fields)


READABLE = [
    # direction only
    reads("toename", direction=INCREASE),
    reads("Afname", direction=DECREASE),
    reads("stijging", direction=INCREASE),
    reads("daling.", direction=DECREASE),
    reads("groei", direction=INCREASE),
    reads("vermindering", direction=DECREASE),
    reads("meer", direction=INCREASE),
    reads("minder", direction=DECREASE),
    reads("neemt toe", direction=INCREASE),
    reads("neemt  af", direction=DECREASE),
    reads("stijgt", direction=INCREASE),
    reads("daalt", direction=DECREASE),
    reads("daling t.o.v. 2023", direction=DECREASE),
    reads("toename in 2027", direction=INCREASE, period=Y2027),
    # direction with a value
    reads("toename naar 250", direction=INCREASE, value=250.0),
    reads("stijging tot 60%", direction=INCREASE, value=60.0, unit_text="%"),
    reads("daling tot 10", direction=DECREASE, value=10.0),
    reads("afname naar 1.100 huishoudens", direction=DECREASE, value=1100.0, unit_text="huishoudens"),
    reads("daalt tot 8,5% in 2027", direction=DECREASE, value=8.5, unit_text="%", period=Y2027),
    reads("stijging naar minimaal 60%", direction=AT_LEAST, value=60.0, unit_text="%"),
    # bounds before the value
    reads("minimaal 60%", direction=AT_LEAST, value=60.0, unit_text="%"),
    reads("Minimaal 60 %.", direction=AT_LEAST, value=60.0, unit_text="%"),
    reads("minstens 250 kinderen", direction=AT_LEAST, value=250.0, unit_text="kinderen"),
    reads("ten minste 75,5%", direction=AT_LEAST, value=75.5, unit_text="%"),
    reads("tenminste 1.250 deelnemers", direction=AT_LEAST, value=1250.0, unit_text="deelnemers"),
    reads("niet minder dan 60 procent", direction=AT_LEAST, value=60.0, unit_text="procent"),
    reads("maximaal € 2.982", direction=AT_MOST, value=2982.0, unit_text="€"),
    reads("hoogstens 12", direction=AT_MOST, value=12.0),
    reads("ten hoogste 3,5%", direction=AT_MOST, value=3.5, unit_text="%"),
    reads("niet meer dan 1.100 huishoudens", direction=AT_MOST, value=1100.0, unit_text="huishoudens"),
    reads("hoger dan 60", direction=AT_LEAST, value=60.0, strict=True),
    reads("meer dan 500 woningen", direction=AT_LEAST, value=500.0, strict=True, unit_text="woningen"),
    reads("boven de 60%", direction=AT_LEAST, value=60.0, strict=True, unit_text="%"),
    reads("lager dan 10", direction=AT_MOST, value=10.0, strict=True),
    reads("minder dan 5 per 1.000 jongeren", direction=AT_MOST, value=5.0, strict=True, unit_text="per 1.000 jongeren"),
    reads("onder 4%", direction=AT_MOST, value=4.0, strict=True, unit_text="%"),
    reads("≥ 60%", direction=AT_LEAST, value=60.0, unit_text="%"),
    reads(">= 60", direction=AT_LEAST, value=60.0),
    reads("≤ 8%", direction=AT_MOST, value=8.0, unit_text="%"),
    reads("<= 10", direction=AT_MOST, value=10.0),
    reads("> 60%", direction=AT_LEAST, value=60.0, strict=True, unit_text="%"),
    reads("< 10", direction=AT_MOST, value=10.0, strict=True),
    reads("minimaal 2000 woningen", direction=AT_LEAST, value=2000.0, unit_text="woningen"),
    # bounds after the value
    reads("60% of hoger", direction=AT_LEAST, value=60.0, unit_text="%"),
    reads("250 of meer", direction=AT_LEAST, value=250.0),
    reads("10% of lager", direction=AT_MOST, value=10.0, unit_text="%"),
    reads("80 of minder", direction=AT_MOST, value=80.0),
    reads("7,5, gelijk of hoger", direction=AT_LEAST, value=7.5),
    # a bare value, with and without a year and a unit
    reads("60%", value=60.0, unit_text="%"),
    reads("250", value=250.0),
    reads("60,5", value=60.5),
    reads("2027: 60%", value=60.0, unit_text="%", period=Y2027),
    reads("250 kinderen", value=250.0, unit_text="kinderen"),
    reads("€ 2.982", value=2982.0, unit_text="€"),
    reads("2.982 euro", value=2982.0, unit_text="euro"),
    reads("€ 250 per inwoner", value=250.0, unit_text="€ per inwoner"),
    reads("9,5 per 1.000 inwoners", value=9.5, unit_text="per 1.000 inwoners"),
    reads("12.500 bezoekers", value=12500.0, unit_text="bezoekers"),
    reads("62% van de jongeren", value=62.0, unit_text="% van de jongeren"),
    reads("250 woningen per jaar", value=250.0, unit_text="woningen per jaar"),
    reads("2027", value=2027.0),
    # periods
    reads("60% in 2027", value=60.0, unit_text="%", period=Y2027),
    reads("eind 2026: 70%", value=70.0, unit_text="%", period=Y2026),
    reads("uiterlijk 2026 minimaal 60%", direction=AT_LEAST, value=60.0, unit_text="%", period=Y2026),
    reads("per 2026 250 kinderen", value=250.0, unit_text="kinderen", period=Y2026),
    reads("250 kinderen (2027)", value=250.0, unit_text="kinderen", period=Y2027),
    reads("minimaal 60% (eind 2026)", direction=AT_LEAST, value=60.0, unit_text="%", period=Y2026),
    reads("voor 2027 maximaal 10", direction=AT_MOST, value=10.0, period=Y2027),
    reads("60%, 2027", value=60.0, unit_text="%", period=Y2027),
    reads("ultimo 2026 ≤ 8%", direction=AT_MOST, value=8.0, unit_text="%", period=Y2026),
    reads("85% in schooljaar 2026-2027", value=85.0, unit_text="%", period=Period.school_year(2026)),
    reads("2e helft 2026: 60%", value=60.0, unit_text="%", period=Period.half_year(2026, 2)),
    reads("Q3 2026: 60%", value=60.0, unit_text="%", period=Period.quarter(2026, 3)),
    reads("Streefwaarde 2027: minimaal 60%", direction=AT_LEAST, value=60.0, unit_text="%", period=Y2027),
    reads(
        "maximaal 12 per 10.000 inwoners in 2027",
        direction=AT_MOST,
        value=12.0,
        unit_text="per 10.000 inwoners",
        period=Y2027,
    ),
    # bands
    reads("tussen 60 en 65%", low=60.0, high=65.0, unit_text="%"),
    reads("tussen de 60% en 65%", low=60.0, high=65.0, unit_text="%"),
    reads("bandbreedte 60-65%", low=60.0, high=65.0, unit_text="%"),
    reads("bandbreedte 60 - 65%", low=60.0, high=65.0, unit_text="%"),
    reads("60-65%", low=60.0, high=65.0, unit_text="%"),
    reads("60 tot 65%", low=60.0, high=65.0, unit_text="%"),
    reads("60 à 65%", low=60.0, high=65.0, unit_text="%"),
    reads("tussen 60 en 65 procent", low=60.0, high=65.0, unit_text="procent"),
    reads("1.000-1.200 huishoudens", low=1000.0, high=1200.0, unit_text="huishoudens"),
    reads("tussen € 2.000 en € 2.500", low=2000.0, high=2500.0, unit_text="€"),
    reads("tussen 7,5 en 8,25", low=7.5, high=8.25),
    reads("bandbreedte 65-70%, gelijk of hoger", low=65.0, high=70.0, band_open=BandOpen.ABOVE, unit_text="%"),
    reads("65-70% of hoger", low=65.0, high=70.0, band_open=BandOpen.ABOVE, unit_text="%"),
    reads("20 tot 25 of meer", low=20.0, high=25.0, band_open=BandOpen.ABOVE),
    reads("bandbreedte 5-8%, gelijk of lager", low=5.0, high=8.0, band_open=BandOpen.BELOW, unit_text="%"),
    reads("2027: bandbreedte 60 - 65%", low=60.0, high=65.0, unit_text="%", period=Y2027),
    reads("60-65% in 2027", low=60.0, high=65.0, unit_text="%", period=Y2027),
    # changes relative to the baseline
    changes("+5%", PERCENT, 5.0, direction=INCREASE),
    changes("-5%", PERCENT, -5.0, direction=DECREASE),
    changes("5% lager", PERCENT, -5.0, direction=DECREASE),
    changes("5% minder", PERCENT, -5.0, direction=DECREASE),
    changes("5% daling", PERCENT, -5.0, direction=DECREASE),
    changes("daling van 5%", PERCENT, -5.0, direction=DECREASE),
    changes("afname met 5%", PERCENT, -5.0, direction=DECREASE),
    changes("5% hoger", PERCENT, 5.0, direction=INCREASE),
    changes("stijging van 5%", PERCENT, 5.0, direction=INCREASE),
    changes("toename met 10%", PERCENT, 10.0, direction=INCREASE),
    changes("stijgt met 2,5%", PERCENT, 2.5, direction=INCREASE),
    changes("5% lager dan de nulmeting", PERCENT, -5.0, direction=DECREASE),
    changes("daling van 10% t.o.v. 2023", PERCENT, -10.0, direction=DECREASE),
    changes("+2 procentpunt", POINTS, 2.0, direction=INCREASE, unit_text="procentpunt"),
    changes("2 procentpunt hoger", POINTS, 2.0, direction=INCREASE, unit_text="procentpunt"),
    changes("+2%-punt", POINTS, 2.0, direction=INCREASE, unit_text="%-punt"),
    changes("-5 pp", POINTS, -5.0, direction=DECREASE, unit_text="pp"),
    changes("afname met 2 procentpunten", POINTS, -2.0, direction=DECREASE, unit_text="procentpunten"),
    changes("halvering", PERCENT, -50.0, direction=DECREASE),
    changes("verdubbeling", PERCENT, 100.0, direction=INCREASE),
    changes("een afname van 150", POINTS, -150.0, direction=DECREASE),
    changes("150 minder", POINTS, -150.0, direction=DECREASE),
    changes("150 minder dan nu", POINTS, -150.0, direction=DECREASE),
    changes("150 minder dan in 2023", POINTS, -150.0, direction=DECREASE),
    changes("een toename van 40 plaatsen", POINTS, 40.0, direction=INCREASE, unit_text="plaatsen"),
    changes("+1.100", POINTS, 1100.0, direction=INCREASE),
    changes("minimaal 5% hoger", PERCENT, 5.0, direction=AT_LEAST),
    changes("meer dan 5% hoger", PERCENT, 5.0, direction=AT_LEAST, strict=True),
    changes("ten minste 100 minder", POINTS, -100.0, direction=AT_MOST),
    changes("niet meer dan 5% hoger", PERCENT, 5.0, direction=AT_MOST),
    changes("maximaal met 9% toegenomen", PERCENT, 9.0, direction=AT_MOST),
    changes("ten minste 5 procentpunt lager", POINTS, -5.0, direction=AT_MOST, unit_text="procentpunt"),
    changes("+10% per jaar", ChangeKind.PERCENT_PER_YEAR, 10.0, direction=INCREASE),
    changes("stijging van 3% per jaar", ChangeKind.PERCENT_PER_YEAR, 3.0, direction=INCREASE),
    changes("-5% in 2027", PERCENT, -5.0, direction=DECREASE, period=Y2027),
    # so many fewer within so many years from a year
    changes("ten minste 100 minder binnen 3 jaar vanaf 2024", POINTS, -100.0, direction=AT_MOST, period=Y2027),
    changes("minimaal 20% minder binnen twee jaar na 2025", PERCENT, -20.0, direction=AT_MOST, period=Y2027),
    changes("binnen 3 jaar (vanaf 2024) 100 minder", POINTS, -100.0, direction=DECREASE, period=Y2027),
    changes("vanaf 2024 binnen drie jaar 100 minder", POINTS, -100.0, direction=DECREASE, period=Y2027),
    reads("binnen één jaar vanaf 2026 minimaal 60%", direction=AT_LEAST, value=60.0, unit_text="%", period=Y2027),
    # keeping a level
    changes("handhaven", EQUAL, 0.0),
    changes("gelijk blijven", EQUAL, 0.0),
    changes("Gelijk houden", EQUAL, 0.0),
    changes("stabiel", EQUAL, 0.0),
    changes("op peil houden", EQUAL, 0.0),
    changes("behouden", EQUAL, 0.0),
    changes("gelijk aan nulmeting", EQUAL, 0.0),
    changes("handhaven op huidig niveau", EQUAL, 0.0),
    changes("gelijk aan het niveau van 2023", EQUAL, 0.0),
    changes("handhaven (2027)", EQUAL, 0.0, period=Y2027),
    changes("niet lager dan nu", EQUAL, 0.0, direction=AT_LEAST),
    changes("niet lager dan de nulmeting", EQUAL, 0.0, direction=AT_LEAST),
    changes("minimaal gelijk", EQUAL, 0.0, direction=AT_LEAST),
    changes("gelijk of hoger", EQUAL, 0.0, direction=AT_LEAST),
    changes("minimaal het niveau van 2023", EQUAL, 0.0, direction=AT_LEAST),
    changes("hoger dan nu", EQUAL, 0.0, direction=AT_LEAST, strict=True),
    changes("niet hoger dan nu", EQUAL, 0.0, direction=AT_MOST),
    changes("maximaal gelijk", EQUAL, 0.0, direction=AT_MOST),
    changes("gelijk of lager", EQUAL, 0.0, direction=AT_MOST),
    changes(
        "gelijk blijven (± 2 procentpunt)",
        EQUAL,
        0.0,
        direction=MAINTAIN,
        tolerance=Tolerance(ToleranceKind.ABSOLUTE, 2.0, "± 2 procentpunt"),
    ),
    changes(
        "handhaven met een marge van 2%",
        EQUAL,
        0.0,
        direction=MAINTAIN,
        tolerance=Tolerance(ToleranceKind.RELATIVE, 2.0, "2%"),
    ),
    changes(
        "stabiel binnen 1,5", EQUAL, 0.0, direction=MAINTAIN, tolerance=Tolerance(ToleranceKind.ABSOLUTE, 1.5, "1,5")
    ),
    changes(
        "stabiel (+/- 2%)", EQUAL, 0.0, direction=MAINTAIN, tolerance=Tolerance(ToleranceKind.RELATIVE, 2.0, "+/- 2%")
    ),
]


@pytest.mark.parametrize(("phrase", "expected"), READABLE)
def test_reads_the_phrase(phrase: str, expected: TargetReading) -> None:
    assert read_target(phrase) == expected


UNREADABLE = [
    pytest.param("", tp.EMPTY, id="empty"),
    pytest.param("   ", tp.EMPTY, id="blank"),
    pytest.param("n.t.b.", tp.NOT_SET, id="n.t.b."),
    pytest.param("nvt", tp.NOT_SET, id="nvt"),
    pytest.param("-", tp.NOT_SET, id="dash"),
    pytest.param("verbetering", tp.NO_BETTER_SIDE, id="verbetering"),
    pytest.param("een verbetering van 5%", tp.NO_BETTER_SIDE, id="verbetering van 5%"),
    pytest.param("beter dan nu", tp.NO_BETTER_SIDE, id="beter dan nu"),
    pytest.param("zo hoog mogelijk", tp.AS_MUCH_AS_POSSIBLE, id="zo hoog mogelijk"),
    pytest.param("60% en 70%", tp.TWO_VALUES, id="two values"),
    pytest.param("2027 60%", tp.TWO_VALUES, id="year without colon"),
    pytest.param("tussen 65 en 60%", tp.BAND_ORDER, id="band reversed"),
    pytest.param("60-60%", tp.BAND_ORDER, id="band empty"),
    pytest.param("60% tot 65 kinderen", tp.BAND_UNITS, id="band units"),
    pytest.param("minimaal 60% of lager", tp.TWO_BOUNDS, id="two bounds"),
    pytest.param("2026-2027", tp.YEARS_AMBIGUOUS, id="year range"),
    pytest.param("60% in 2026-2027", tp.YEARS_AMBIGUOUS, id="year range as period"),
    pytest.param("60% (2026) en 65% (2027)", tp.TWO_PERIODS, id="two periods"),
    pytest.param("minimaal 60% vanaf 2025", tp.START_WITHOUT_WINDOW, id="vanaf without window"),
    pytest.param("100 minder binnen 3 jaar", tp.WINDOW_WITHOUT_START, id="window without start"),
    pytest.param("2%-punt", tp.CHANGE_WITHOUT_SIDE, id="points without sign"),
    pytest.param("een afname van 100 per jaar", tp.YEARLY_POINTS, id="points per year"),
    pytest.param("in 2027", tp.NOTHING_FOUND, id="only a year"),
    pytest.param("zie toelichting", tp.NOTHING_FOUND, id="words"),
]


@pytest.mark.parametrize(("phrase", "why"), UNREADABLE)
def test_refuses_rather_than_guesses(phrase: str, why: str) -> None:
    with pytest.raises(UnreadableTarget) as raised:
        read_target(phrase)
    assert raised.value.why == why
    assert isinstance(raised.value.why, str) and raised.value.why.strip()
    assert raised.value.phrase == " ".join(phrase.split())


def test_table_is_large_enough() -> None:
    assert len(READABLE) + len(UNREADABLE) >= 80


def test_unreadable_target_is_a_value_error() -> None:
    assert issubclass(UnreadableTarget, ValueError)


# -- Properties over random Dutch numbers --


def dutch(cents: int, dots: bool) -> str:
    """``cents / 100`` written the Dutch way: '1.234,5' (or '1234,5'), '7', '0,05'."""
    whole, fraction = divmod(cents, 100)
    text = f"{whole:,}".replace(",", ".") if dots else str(whole)
    return text if fraction == 0 else f"{text},{fraction:02d}".rstrip("0")


CENTS = st.integers(min_value=0, max_value=1_000_000)


@settings(max_examples=300, deadline=None)
@given(CENTS, st.booleans())
def test_minimaal_reads_as_at_least(cents: int, dots: bool) -> None:
    assert read_target(f"minimaal {dutch(cents, dots)}") == TargetReading(direction=AT_LEAST, value=cents / 100)


@settings(max_examples=300, deadline=None)
@given(CENTS, st.booleans())
def test_maximaal_percent_reads_as_at_most(cents: int, dots: bool) -> None:
    expected = TargetReading(direction=AT_MOST, value=cents / 100, unit_text="%")
    assert read_target(f"maximaal {dutch(cents, dots)}%") == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(CENTS, min_size=2, max_size=2, unique=True).map(sorted), st.booleans())
def test_tussen_reads_as_band(pair: list[int], dots: bool) -> None:
    low, high = pair
    expected = TargetReading(low=low / 100, high=high / 100, unit_text="%")
    assert read_target(f"tussen {dutch(low, dots)} en {dutch(high, dots)}%") == expected
