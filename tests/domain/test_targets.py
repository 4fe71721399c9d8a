# SPDX-License-Identifier: EUPL-1.2
"""Targets (streefwaarden) and baselines (nulmetingen).

A target is stated as a value, as a change from the baseline, or both; koers resolves a
change to an absolute number only when the baseline is known. These tests protect:

* ``parse_change`` of the plan's change forms ("+10%", "-5 pp", "+10% per jaar", "gelijk",
  a Dutch decimal comma) with their kind and signed amount, and the refusal of changes
  without a sign;
* ``Target.resolve`` with hand-computed outcomes from real plan figures, exact after the
  code's rounding of binary noise (5377 + 10% is 5914.7, not 5914.700000000001);
* ``Target.disagreement`` when a plan states both a value and a change;
* the ``target-without-value`` rule, tolerances and their band, ``Direction``;
* ``Baseline``: status inference and each validation error type.
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from pydantic_core import PydanticCustomError

from koers.domain.baselines import Baseline, BaselineStatus
from koers.domain.periods import Period
from koers.domain.targets import (
    Change,
    ChangeKind,
    Direction,
    Target,
    Tolerance,
    ToleranceKind,
    parse_change,
    parse_tolerance,
)


def known(value: float, period: str = "2023") -> Baseline:
    return Baseline(value=value, period=period)


def error_type(caught: pytest.ExceptionInfo[ValidationError]) -> str:
    return caught.value.errors()[0]["type"]


# -- changes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "amount"),
    [
        ("+10%", ChangeKind.PERCENT, 10.0),
        ("-20%", ChangeKind.PERCENT, -20.0),
        ("+9%", ChangeKind.PERCENT, 9.0),
        ("+ 15 %", ChangeKind.PERCENT, 15.0),
        ("+2,5%", ChangeKind.PERCENT, 2.5),
        ("-0.5%", ChangeKind.PERCENT, -0.5),
        ("-5 pp", ChangeKind.POINTS, -5.0),
        ("-5pp", ChangeKind.POINTS, -5.0),
        ("-5 procentpunt", ChangeKind.POINTS, -5.0),
        ("+3 procentpunten", ChangeKind.POINTS, 3.0),
        ("+1,5 %-punt", ChangeKind.POINTS, 1.5),
        ("-2 percentage points", ChangeKind.POINTS, -2.0),
        ("+10% per jaar", ChangeKind.PERCENT_PER_YEAR, 10.0),
        ("-3% per year", ChangeKind.PERCENT_PER_YEAR, -3.0),
        ("+10%/jaar", ChangeKind.PERCENT_PER_YEAR, 10.0),
        ("gelijk", ChangeKind.EQUAL, 0.0),
        ("Gelijk", ChangeKind.EQUAL, 0.0),
        ("=", ChangeKind.EQUAL, 0.0),
        ("gelijk aan de nulmeting", ChangeKind.EQUAL, 0.0),
        ("equal", ChangeKind.EQUAL, 0.0),
        ("+0%", ChangeKind.EQUAL, 0.0),
    ],
)
def test_parse_change(text, kind, amount):
    change = parse_change(text)
    assert change.kind is kind
    assert change.amount == amount
    assert change.as_written == text


@pytest.mark.parametrize(("text", "amount"), [("+150", 150.0), ("-150", -150.0), ("- 1,5", -1.5)])
def test_a_signed_number_is_an_absolute_change_in_the_goals_unit(text: str, amount: float) -> None:
    change = parse_change(text)
    assert (change.kind, change.amount) == (ChangeKind.POINTS, amount)
    assert change.apply(1200) == 1200 + amount


@pytest.mark.parametrize(
    ("change", "canonical"),
    [
        (Change(ChangeKind.PERCENT, -50.0, "halvering"), "-50%"),
        (Change(ChangeKind.POINTS, -150.0, "een afname van 150"), "-150"),
        (Change(ChangeKind.POINTS, 2.5, "2,5 procentpunt hoger"), "+2.5"),
        (Change(ChangeKind.EQUAL, 0.0, "handhaven"), "gelijk"),
        (Change(ChangeKind.PERCENT_PER_YEAR, 10.0, "met 10% per jaar"), "+10% per jaar"),
    ],
)
def test_a_change_read_from_words_is_written_back_in_a_form_koers_reads(change: Change, canonical: str) -> None:
    assert change.canonical == canonical
    again = parse_change(canonical)
    assert (again.kind, again.amount) == (change.kind, change.amount)


def test_parse_change_folds_white_space_in_as_written():
    assert parse_change("  +10%   per  jaar ").as_written == "+10% per jaar"


def test_parse_change_returns_a_change_unchanged():
    change = Change(ChangeKind.PERCENT, 10.0, "+10%")
    assert parse_change(change) is change


@pytest.mark.parametrize("text", ["10%", "10 pp", "meer", "10", "", "+10%%", "ongeveer +10%", None])
def test_parse_change_refuses(text):
    with pytest.raises(PydanticCustomError) as caught:
        parse_change(text)
    assert caught.value.type == "invalid-change"


def test_target_reports_an_unsigned_change_as_invalid_change():
    with pytest.raises(ValidationError) as caught:
        Target(change="10%")
    assert error_type(caught) == "invalid-change"


@pytest.mark.parametrize(
    ("change", "baseline", "years", "expected"),
    [
        ("+10%", 5377, None, 5914.7),
        ("-5 pp", 51, None, 46.0),
        ("gelijk", 79.91, None, 79.91),
        ("+10% per jaar", 100, 4, 146.41),
        ("+10% per jaar", 100, None, None),  # years needed but unknown
        ("-10% per jaar", 1000, 2, 810.0),
    ],
)
def test_change_apply(change, baseline, years, expected):
    assert parse_change(change).apply(baseline, years) == expected


# -- resolving a target ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "baseline", "expected"),
    [
        ("+10%", 5377, 5914.7),
        ("-20%", 244, 195.2),
        ("+9%", 2864, 3121.76),
        ("+10%", 985, 1083.5),
        ("+15%", 1754, 2017.1),
        ("-5 pp", 51, 46.0),
        ("-5 procentpunt", 51, 46.0),
        ("gelijk", 79.91, 79.91),
        ("=", 79.91, 79.91),
        ("+2,5%", 200, 205.0),
    ],
)
def test_resolve_change_on_a_known_baseline(change, baseline, expected):
    assert Target(change=change).resolve(known(baseline)) == expected


def test_resolve_ten_percent_per_year_compounds_over_four_years():
    target = Target(change="+10% per jaar", period="2027")
    assert target.resolve(known(100, "2023")) == 146.41  # 100 * 1.1 ** 4


def test_resolve_ten_percent_per_year_compounds_over_half_years():
    target = Target(change="+10% per jaar", period="2027-H1")
    # 3.5 years: 100 * 1.1 ** 3 * sqrt(1.1) = 133.1 * 1.0488088... = 139.5964577...
    assert target.resolve(known(100, "2023")) == pytest.approx(139.596457691, abs=1e-6)


def test_resolve_per_year_change_without_target_period_is_none():
    assert Target(change="+10% per jaar").resolve(known(100)) is None


def test_stated_value_wins_over_the_change():
    target = Target(value=6000, change="+10%")
    assert target.resolve(known(5377)) == 6000.0


def test_stated_value_needs_no_baseline():
    assert Target(value=46).resolve(None) == 46.0


def test_change_without_baseline_is_none():
    assert Target(change="+10%").resolve(None) is None


@pytest.mark.parametrize(
    "data",
    [
        {"reason": "geen nulmeting"},
        {"status": "absent"},
        {
            "status": "pending",
            "reason": "De cijfers over het schooljaar 2023-2024 komen in het najaar 2024 beschikbaar",
            "period": "schooljaar 2023-2024",
            "expected": "2024-H2",
        },
    ],
    ids=["absent-with-reason", "absent", "pending"],
)
def test_change_on_an_absent_or_pending_baseline_is_none(data):
    baseline = Baseline.model_validate(data)
    assert not baseline.is_known
    assert Target(change="+10%").resolve(baseline) is None


# -- disagreement between value and change --------------------------------------------------


@pytest.mark.parametrize(
    ("value", "change", "baseline", "expected"),
    [
        (46, "-5 pp", 51, None),  # the plan's "afname van 5% naar 46% ... ten opzichte van 51%"
        (46, "-5 pp", 52, 47.0),
        (5915, "+10%", 5377, None),  # 5914.7 rounds to 5915 at 0 decimals
        (5914.7, "+10%", 5377, None),
        (5914.6, "+10%", 5377, 5914.7),
        (5914.5, "+10%", 5377, 5914.7),
        (195, "-20%", 244, None),  # 195.2 rounds to 195
        (196, "-20%", 244, 195.2),
        (79.91, "gelijk", 79.91, None),
        (80, "gelijk", 79.91, None),  # 79.91 rounds to 80 at 0 decimals
        (80.0, "gelijk", 79.4, 79.4),
    ],
)
def test_disagreement(value, change, baseline, expected):
    assert Target(value=value, change=change).disagreement(known(baseline)) == expected


def test_disagreement_needs_both_a_value_and_a_resolvable_change():
    assert Target(value=46).disagreement(known(51)) is None
    assert Target(change="-5 pp").disagreement(known(51)) is None
    assert Target(value=46, change="-5 pp").disagreement(None) is None
    assert Target(value=46, change="-5 pp").disagreement(Baseline(reason="geen nulmeting")) is None


# -- the target model ---------------------------------------------------------------------------


@pytest.mark.parametrize("kwargs", [{}, {"value": None, "change": None}, {"period": "2027"}])
def test_target_needs_a_value_or_a_change(kwargs):
    with pytest.raises(ValidationError) as caught:
        Target(**kwargs)
    assert error_type(caught) == "target-without-value"


def test_target_reads_its_period_and_keeps_the_period_error_code():
    assert Target(value=60, period="schooljaar 2026-2027").period == Period.school_year(2026)
    with pytest.raises(ValidationError) as caught:
        Target(value=60, period="2026-2027")
    assert error_type(caught) == "ambiguous-period"


def test_target_refuses_unknown_fields():
    with pytest.raises(ValidationError) as caught:
        Target(value=60, streefwaarde=60)
    assert error_type(caught) == "extra_forbidden"


def test_target_writes_back_the_plans_words():
    target = Target(change="+10% per jaar", period="2e helft 2027", tolerance="±2%")
    assert target.model_dump(mode="json") == {
        "phrase": None,
        "value": None,
        "change": "+10% per jaar",
        "low": None,
        "high": None,
        "band_open": None,
        "direction": None,
        "strict": False,
        "period": "2027-H2",
        "tolerance": "±2%",
    }


# -- tolerance --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "kind", "amount"),
    [
        (1.5, ToleranceKind.ABSOLUTE, 1.5),
        (2, ToleranceKind.ABSOLUTE, 2.0),
        (0, ToleranceKind.ABSOLUTE, 0.0),
        ("0.5", ToleranceKind.ABSOLUTE, 0.5),
        ("2%", ToleranceKind.RELATIVE, 2.0),
        ("±2%", ToleranceKind.RELATIVE, 2.0),
        ("+/- 2 %", ToleranceKind.RELATIVE, 2.0),
        ("1 pp", ToleranceKind.ABSOLUTE, 1.0),
        ("±1,5 pp", ToleranceKind.ABSOLUTE, 1.5),
        ("1 procentpunt", ToleranceKind.ABSOLUTE, 1.0),
    ],
    ids=repr,
)
def test_parse_tolerance(value, kind, amount):
    tolerance = parse_tolerance(value)
    assert tolerance.kind is kind
    assert tolerance.amount == amount


@pytest.mark.parametrize("value", [-1, -0.5, "-2%", "ongeveer", "", True])
def test_parse_tolerance_refuses(value):
    with pytest.raises(PydanticCustomError) as caught:
        parse_tolerance(value)
    assert caught.value.type == "invalid-tolerance"


@pytest.mark.parametrize(
    ("tolerance", "centre", "band"),
    [
        ("2%", 80, (78.4, 81.6)),
        ("2%", -50, (-51.0, -49.0)),
        ("2%", 0, (0.0, 0.0)),
        (1.5, 79.91, (78.41, 81.41)),
        ("1 pp", 51, (50.0, 52.0)),
    ],
)
def test_tolerance_band(tolerance, centre, band):
    assert parse_tolerance(tolerance).band(centre) == band


def test_tolerance_is_a_plain_value():
    assert parse_tolerance("2%") == Tolerance(ToleranceKind.RELATIVE, 2.0, "2%")


# -- direction ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("direction", "higher_is_better"),
    [
        (Direction.INCREASE, True),
        (Direction.AT_LEAST, True),
        (Direction.DECREASE, False),
        (Direction.AT_MOST, False),
        (Direction.MAINTAIN, None),
    ],
)
def test_direction_higher_is_better(direction, higher_is_better):
    assert direction.higher_is_better is higher_is_better


def test_direction_labels():
    assert Direction.AT_LEAST.label() == "minimaal"
    assert Direction.AT_MOST.label("en") == "at most"
    assert Direction.MAINTAIN.label() == "gelijk blijven"


# -- baselines -------------------------------------------------------------------------------


def test_baseline_with_value_and_period_is_known():
    baseline = Baseline(value=51, period="2023")
    assert baseline.status is BaselineStatus.KNOWN
    assert baseline.is_known
    assert baseline.value == 51.0
    assert baseline.period == Period.year(2023)


@pytest.mark.parametrize("data", [{"reason": "geen nulmeting"}, {"reason": "geen nulmeting", "value": None}])
def test_baseline_with_only_a_reason_is_absent(data):
    baseline = Baseline.model_validate(data)
    assert baseline.status is BaselineStatus.ABSENT
    assert not baseline.is_known
    assert baseline.reason == "geen nulmeting"


def test_pending_baseline_keeps_its_periods():
    baseline = Baseline(
        status="pending", reason="komt in het najaar", period="schooljaar 2023-2024", expected="2024-H2"
    )
    assert baseline.status is BaselineStatus.PENDING
    assert not baseline.is_known
    assert baseline.period == Period.school_year(2023)
    assert baseline.expected == Period.half_year(2024, 2)


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({}, "incomplete-baseline"),
        ({"value": 51}, "incomplete-baseline"),
        ({"period": "2023"}, "incomplete-baseline"),
        ({"status": "known", "reason": "geen nulmeting"}, "incomplete-baseline"),
        ({"status": "absent", "value": 51}, "baseline-value-not-known"),
        ({"status": "pending", "value": 51, "reason": "komt"}, "baseline-value-not-known"),
        ({"status": "pending"}, "pending-without-reason"),
        ({"status": "pending", "reason": ""}, "pending-without-reason"),
        ({"status": "pending", "period": "2024"}, "pending-without-reason"),
        ({"value": 51, "period": "2023-2024"}, "ambiguous-period"),
        ({"value": 51, "period": "2023", "bron": "CBS"}, "extra_forbidden"),
    ],
)
def test_baseline_validation_errors(data, error):
    with pytest.raises(ValidationError) as caught:
        Baseline.model_validate(data)
    assert error_type(caught) == error
