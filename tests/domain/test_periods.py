# SPDX-License-Identifier: EUPL-1.2
"""Periods: exact bounds, codes, labels, parsing, order and stepping.

Every comparison koers makes in time (is the measurement after the baseline, does the
schedule reach the target year, how many years does "+10% per jaar" compound) goes through
``koers.domain.periods.Period``. These tests protect:

* the exact first and last day of every kind of period, including leap years;
* the canonical code and the Dutch and English label of every kind;
* the many spellings ``Period.parse`` accepts (plan text, CBS StatLine codes, dates) and the
  stable ``PeriodError.code`` of what it refuses, in particular the ambiguous "2023-2024";
* the single order over all kinds, equality and hashing;
* ``contains``, ``overlaps``, ``shift``, ``as_kind`` and ``years_until``;
* properties over random periods of every kind (round trip through the code, shifting
  back and forth, order agreeing with ``sort_key``).

Expected values are worked out by hand from the calendar, never by calling the code twice.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from koers.domain.periods import Period, PeriodError, PeriodKind
from tests.domain.strategies import periods

Y, H, Q, M, S, D = (
    Period.year,
    Period.half_year,
    Period.quarter,
    Period.month,
    Period.school_year,
    Period.on,
)


# -- constructors: exact bounds ---------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "kind", "start", "end", "days"),
    [
        (Y(2023), PeriodKind.YEAR, date(2023, 1, 1), date(2023, 12, 31), 365),
        (Y(2024), PeriodKind.YEAR, date(2024, 1, 1), date(2024, 12, 31), 366),
        (H(2023, 1), PeriodKind.HALF_YEAR, date(2023, 1, 1), date(2023, 6, 30), 181),
        (H(2023, 2), PeriodKind.HALF_YEAR, date(2023, 7, 1), date(2023, 12, 31), 184),
        (H(2024, 1), PeriodKind.HALF_YEAR, date(2024, 1, 1), date(2024, 6, 30), 182),
        (Q(2023, 1), PeriodKind.QUARTER, date(2023, 1, 1), date(2023, 3, 31), 90),
        (Q(2024, 1), PeriodKind.QUARTER, date(2024, 1, 1), date(2024, 3, 31), 91),
        (Q(2023, 2), PeriodKind.QUARTER, date(2023, 4, 1), date(2023, 6, 30), 91),
        (Q(2023, 3), PeriodKind.QUARTER, date(2023, 7, 1), date(2023, 9, 30), 92),
        (Q(2023, 4), PeriodKind.QUARTER, date(2023, 10, 1), date(2023, 12, 31), 92),
        (M(2023, 1), PeriodKind.MONTH, date(2023, 1, 1), date(2023, 1, 31), 31),
        (M(2023, 2), PeriodKind.MONTH, date(2023, 2, 1), date(2023, 2, 28), 28),
        (M(2024, 2), PeriodKind.MONTH, date(2024, 2, 1), date(2024, 2, 29), 29),
        (M(1900, 2), PeriodKind.MONTH, date(1900, 2, 1), date(1900, 2, 28), 28),  # not a leap year
        (M(2000, 2), PeriodKind.MONTH, date(2000, 2, 1), date(2000, 2, 29), 29),  # a leap year
        (M(2023, 4), PeriodKind.MONTH, date(2023, 4, 1), date(2023, 4, 30), 30),
        (M(2023, 12), PeriodKind.MONTH, date(2023, 12, 1), date(2023, 12, 31), 31),
        (S(2023), PeriodKind.SCHOOL_YEAR, date(2023, 8, 1), date(2024, 7, 31), 366),
        (S(2024), PeriodKind.SCHOOL_YEAR, date(2024, 8, 1), date(2025, 7, 31), 365),
        (D(date(2024, 2, 29)), PeriodKind.DATE, date(2024, 2, 29), date(2024, 2, 29), 1),
    ],
    ids=lambda v: v.code if isinstance(v, Period) else None,
)
def test_constructor_gives_exact_inclusive_bounds(period, kind, start, end, days):
    assert period.kind is kind
    assert period.start == start
    assert period.end == end
    assert period.days == days


def test_leap_day_lies_in_first_quarter_and_february_of_a_leap_year():
    leap_day = date(2024, 2, 29)
    assert Q(2024, 1).contains(leap_day)
    assert M(2024, 2).contains(leap_day)
    assert not M(2024, 3).contains(leap_day)


@pytest.mark.parametrize(
    ("build", "args"),
    [
        (Period.half_year, (2023, 0)),
        (Period.half_year, (2023, 3)),
        (Period.quarter, (2023, 0)),
        (Period.quarter, (2023, 5)),
        (Period.month, (2023, 0)),
        (Period.month, (2023, 13)),
    ],
)
def test_constructor_refuses_a_part_that_does_not_exist(build, args):
    with pytest.raises(PeriodError) as caught:
        build(*args)
    assert caught.value.code == "invalid-period"


def test_period_error_is_a_value_error_with_invalid_period_as_default_code():
    err = PeriodError("nope")
    assert isinstance(err, ValueError)
    assert err.code == "invalid-period"


def test_periods_are_immutable():
    period = Y(2023)
    with pytest.raises(AttributeError):
        period.start = date(2020, 1, 1)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("period", "midpoint"),
    [
        (Y(2023), date(2023, 7, 2)),  # 364 days after 1 January, halved: 182
        (H(2023, 1), date(2023, 4, 1)),  # 180 // 2 = 90 days after 1 January
        (M(2023, 2), date(2023, 2, 14)),  # 27 // 2 = 13 days after 1 February
        (D(date(2024, 1, 1)), date(2024, 1, 1)),
    ],
)
def test_midpoint(period, midpoint):
    assert period.midpoint == midpoint


# -- codes and labels ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "code", "nl", "en"),
    [
        (Y(2023), "2023", "2023", "2023"),
        (H(2023, 1), "2023-H1", "1e helft 2023", "first half of 2023"),
        (H(2023, 2), "2023-H2", "2e helft 2023", "second half of 2023"),
        (Q(2023, 1), "2023-Q1", "1e kwartaal 2023", "Q1 2023"),
        (Q(2023, 3), "2023-Q3", "3e kwartaal 2023", "Q3 2023"),
        (Q(2023, 4), "2023-Q4", "4e kwartaal 2023", "Q4 2023"),
        (M(2023, 3), "2023-03", "maart 2023", "March 2023"),
        (M(2023, 12), "2023-12", "december 2023", "December 2023"),
        (S(2023), "2023/2024", "schooljaar 2023-2024", "school year 2023-2024"),
        (D(date(2024, 1, 1)), "2024-01-01", "peildatum 1 januari 2024", "reference date 1 January 2024"),
        (D(date(2023, 9, 15)), "2023-09-15", "peildatum 15 september 2023", "reference date 15 September 2023"),
    ],
)
def test_code_and_labels(period, code, nl, en):
    assert period.code == code
    assert str(period) == code
    assert period.label() == nl
    assert period.label("nl") == nl
    assert period.label("en") == en


def test_second_half_of_2023_is_represented_exactly():
    period = Period.parse("2e helft 2023")
    assert period.kind is PeriodKind.HALF_YEAR
    assert (period.start, period.end) == (date(2023, 7, 1), date(2023, 12, 31))
    assert period.code == "2023-H2"
    assert repr(period) == "Period('2023-H2')"


def test_school_year_2023_2024_is_represented_exactly():
    period = Period.parse("schooljaar 2023-2024")
    assert period.kind is PeriodKind.SCHOOL_YEAR
    assert (period.start, period.end) == (date(2023, 8, 1), date(2024, 7, 31))
    assert period.code == "2023/2024"
    assert repr(period) == "Period('2023/2024')"


# -- parsing ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # years
        ("2023", Y(2023)),
        (2023, Y(2023)),
        (2023.0, Y(2023)),
        ("  2023 ", Y(2023)),
        ("2023JJ00", Y(2023)),  # CBS StatLine
        ("jaar 2023", Y(2023)),
        ("year 2023", Y(2023)),
        # half years
        ("2023-H2", H(2023, 2)),
        ("2023-h2", H(2023, 2)),
        ("2023 H2", H(2023, 2)),
        ("H1 2024", H(2024, 1)),
        ("2e helft 2023", H(2023, 2)),
        ("2de helft 2023", H(2023, 2)),
        ("1ste helft 2024", H(2024, 1)),
        ("tweede helft van 2023", H(2023, 2)),
        ("Eerste helft 2024", H(2024, 1)),
        ("first half of 2024", H(2024, 1)),
        ("second half of 2023", H(2023, 2)),
        ("2e halfjaar 2023", H(2023, 2)),
        ("2023HJ02", H(2023, 2)),  # CBS StatLine
        ("2023HJ01", H(2023, 1)),
        # quarters
        ("2023-Q3", Q(2023, 3)),
        ("2023KW03", Q(2023, 3)),  # CBS StatLine
        ("Q3 2023", Q(2023, 3)),
        ("q3 2023", Q(2023, 3)),
        ("KW4-2023", Q(2023, 4)),
        ("3e kwartaal 2023", Q(2023, 3)),
        ("4e kwartaal van 2023", Q(2023, 4)),
        ("1st quarter of 2024", Q(2024, 1)),
        # months
        ("2023-03", M(2023, 3)),
        ("2023 - 12", M(2023, 12)),
        ("2023MM03", M(2023, 3)),  # CBS StatLine
        # school years
        ("2023/2024", S(2023)),
        ("2023 / 2024", S(2023)),
        ("schooljaar 2023-2024", S(2023)),
        ("Schooljaar 2023/2024", S(2023)),
        ("schooljaar  2023 - 2024", S(2023)),
        ("schooljaar 2023-24", S(2023)),
        ("school year 2023-2024", S(2023)),
        ("sj 2023-24", S(2023)),
        # reference dates
        ("2024-01-01", D(date(2024, 1, 1))),
        (date(2024, 1, 1), D(date(2024, 1, 1))),
        (datetime(2024, 1, 1, 13, 45), D(date(2024, 1, 1))),
        ("peildatum 1 januari 2024", D(date(2024, 1, 1))),
        ("Peildatum 1 Januari 2024", D(date(2024, 1, 1))),
        ("peildatum 2024-01-01", D(date(2024, 1, 1))),
        ("1 september 2023", D(date(2023, 9, 1))),
        ("29 februari 2024", D(date(2024, 2, 29))),
        ("reference date 1 January 2024", D(date(2024, 1, 1))),
        ("15 March 2023", D(date(2023, 3, 15))),
    ],
    ids=repr,
)
def test_parse_accepts(value, expected):
    assert Period.parse(value) == expected


def test_parse_returns_a_period_unchanged():
    period = H(2023, 2)
    assert Period.parse(period) is period


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("2023-2024", "ambiguous-period"),
        ("2023 - 2024", "ambiguous-period"),
        ("2023-H3", "invalid-period"),
        ("3e helft 2023", "invalid-period"),
        ("2023-Q5", "invalid-period"),
        ("2023-13", "invalid-period"),
        ("abc", "invalid-period"),
        ("", "invalid-period"),
        ("2023/2025", "invalid-period"),
        ("2023/2023", "invalid-period"),
        ("schooljaar 2023-25", "invalid-period"),
        ("1850", "invalid-period"),
        (1850, "invalid-period"),
        (2023.5, "invalid-period"),
        ("1 brumaire 2023", "invalid-period"),
        (None, "invalid-period"),
        (True, "invalid-period"),
        (False, "invalid-period"),
        ("31 februari 2023", "invalid-date"),
        ("29 februari 2023", "invalid-date"),
        ("2023-02-30", "invalid-date"),
        ("peildatum 2023-13-01", "invalid-date"),
    ],
    ids=repr,
)
def test_parse_refuses_with_a_stable_code(value, code):
    with pytest.raises(PeriodError) as caught:
        Period.parse(value)
    assert caught.value.code == code


def test_ambiguous_period_message_offers_both_school_year_spellings():
    with pytest.raises(PeriodError) as caught:
        Period.parse("2023-2024")
    message = str(caught.value)
    assert "schooljaar 2023-2024" in message
    assert "2023/2024" in message


def test_parse_two_digit_school_year_across_a_century():
    assert Period.parse("schooljaar 1999-00") == S(1999)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_parse_reads_the_label_of_a_month(lang):
    assert Period.parse(M(2023, 3).label(lang)) == M(2023, 3)


# -- order, equality, hashing ---------------------------------------------------------------


def test_sorting_mixed_kinds_orders_by_end_then_start():
    expected = [
        M(2023, 3),  # ends 31 Mar 2023
        Q(2023, 3),  # ends 30 Sep 2023
        Y(2023),  # ends 31 Dec 2023, starts 1 Jan
        H(2023, 2),  # ends 31 Dec 2023, starts 1 Jul
        Q(2023, 4),  # ends 31 Dec 2023, starts 1 Oct
        M(2023, 12),  # ends 31 Dec 2023, starts 1 Dec
        D(date(2023, 12, 31)),  # ends and starts 31 Dec 2023
        D(date(2024, 1, 1)),
        H(2024, 1),  # ends 30 Jun 2024
        S(2023),  # ends 31 Jul 2024
        Y(2024),
    ]
    shuffled = [expected[i] for i in (9, 3, 0, 10, 6, 1, 8, 4, 2, 7, 5)]
    assert sorted(shuffled) == expected


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        (Y(2023), H(2023, 2)),  # same end, earlier start
        (Q(2023, 3), Y(2023)),
        (H(2024, 1), S(2023)),
        (S(2022), Y(2023)),
        (D(date(2023, 12, 31)), D(date(2024, 1, 1))),
        (M(2023, 12), D(date(2023, 12, 31))),
    ],
)
def test_strict_order(earlier, later):
    assert earlier < later
    assert later > earlier
    assert earlier <= later
    assert later >= earlier
    assert not later < earlier
    assert not earlier > later
    assert not later <= earlier
    assert not earlier >= later
    assert earlier != later


def test_less_or_equal_holds_for_equal_periods():
    assert Y(2023) <= Period.parse("2023")
    assert Y(2023) >= Period.parse("2023JJ00")
    assert not Y(2023) < Period.parse("2023")


def test_same_code_means_equal_and_same_hash():
    spellings = ["2023-H2", "2e helft 2023", "tweede helft van 2023", "2023HJ02", "second half of 2023"]
    periods = [Period.parse(text) for text in spellings]
    assert all(p == H(2023, 2) for p in periods)
    assert len(set(periods)) == 1
    assert len({hash(p) for p in periods}) == 1


def test_periods_are_usable_as_dict_keys():
    values = {Period.parse("2023"): 51.0, Period.parse("schooljaar 2023-2024"): 60.0}
    assert values[Y(2023)] == 51.0
    assert values[S(2023)] == 60.0
    assert H(2023, 2) not in values


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (Y(2023), H(2023, 2)),
        (Y(2023), S(2023)),
        (M(2023, 1), D(date(2023, 1, 1))),
        (Y(2023), Y(2024)),
    ],
)
def test_different_periods_are_not_equal(a, b):
    assert a != b
    assert len({a, b}) == 2


def test_period_is_not_equal_to_its_code():
    assert Y(2023) != "2023"
    assert Y(2023) != 2023


def test_ordering_against_a_non_period_raises_type_error():
    with pytest.raises(TypeError):
        Y(2023) < 2024  # noqa: B015


# -- contains and overlaps ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("outer", "inner", "expected"),
    [
        (Y(2023), H(2023, 2), True),
        (Y(2023), Q(2023, 3), True),
        (Y(2023), M(2023, 3), True),
        (Y(2023), D(date(2023, 6, 15)), True),
        (Y(2023), Y(2023), True),
        (Y(2023), S(2023), False),
        (Y(2023), D(date(2024, 1, 1)), False),
        (H(2023, 2), Y(2023), False),
        (H(2023, 1), Q(2023, 2), True),
        (H(2023, 1), Q(2023, 3), False),
        (S(2023), H(2024, 1), True),
        (S(2023), Q(2023, 4), True),
        (S(2023), Q(2023, 3), False),  # July lies before the school year
        (S(2023), M(2023, 8), True),
        (S(2023), M(2023, 7), False),
        (S(2023), M(2024, 7), True),
        (S(2023), Y(2024), False),
        (D(date(2024, 1, 1)), D(date(2024, 1, 1)), True),
    ],
)
def test_contains_period(outer, inner, expected):
    assert outer.contains(inner) is expected


@pytest.mark.parametrize(
    ("period", "day", "expected"),
    [
        (S(2023), date(2023, 8, 1), True),
        (S(2023), date(2024, 7, 31), True),
        (S(2023), date(2023, 7, 31), False),
        (S(2023), date(2024, 8, 1), False),
        (Q(2024, 1), date(2024, 2, 29), True),
        (H(2023, 1), date(2023, 7, 1), False),
    ],
)
def test_contains_date(period, day, expected):
    assert period.contains(day) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (Y(2023), S(2023), True),
        (H(2023, 1), S(2023), False),
        (Q(2023, 3), S(2023), True),  # August and September
        (Y(2023), Y(2024), False),
        (Y(2023), D(date(2023, 12, 31)), True),  # touching the last day counts
        (M(2023, 7), S(2023), False),
        (S(2022), S(2023), False),
        (Y(2024), S(2023), True),
    ],
)
def test_overlaps_is_symmetric(a, b, expected):
    assert a.overlaps(b) is expected
    assert b.overlaps(a) is expected


# -- shift ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "steps", "expected"),
    [
        (Y(2023), 1, Y(2024)),
        (Y(2023), -3, Y(2020)),
        (Y(2023), 0, Y(2023)),
        (H(2023, 2), 1, H(2024, 1)),
        (H(2023, 1), 1, H(2023, 2)),
        (H(2023, 1), -1, H(2022, 2)),
        (H(2023, 2), 3, H(2025, 1)),
        (H(2023, 2), -4, H(2021, 2)),
        (Q(2023, 4), 1, Q(2024, 1)),
        (Q(2023, 1), -1, Q(2022, 4)),
        (Q(2023, 2), 7, Q(2025, 1)),
        (Q(2023, 2), -6, Q(2021, 4)),
        (M(2023, 12), 1, M(2024, 1)),
        (M(2023, 1), -1, M(2022, 12)),
        (M(2023, 3), 22, M(2025, 1)),
        (M(2024, 2), -13, M(2023, 1)),
        (S(2023), 1, S(2024)),
        (S(2023), -2, S(2021)),
        (D(date(2023, 12, 31)), 1, D(date(2024, 1, 1))),
        (D(date(2024, 3, 1)), -1, D(date(2024, 2, 29))),
        (D(date(2023, 3, 1)), -1, D(date(2023, 2, 28))),
        (D(date(2023, 1, 1)), 365, D(date(2024, 1, 1))),
    ],
    ids=lambda v: v.code if isinstance(v, Period) else str(v),
)
def test_shift(period, steps, expected):
    assert period.shift(steps) == expected


# -- as_kind and years_until ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "kind", "expected"),
    [
        (D(date(2024, 3, 31)), PeriodKind.YEAR, Y(2024)),
        (D(date(2024, 3, 31)), PeriodKind.HALF_YEAR, H(2024, 1)),
        (D(date(2024, 3, 31)), PeriodKind.QUARTER, Q(2024, 1)),
        (D(date(2024, 3, 31)), PeriodKind.MONTH, M(2024, 3)),
        (D(date(2024, 3, 31)), PeriodKind.SCHOOL_YEAR, S(2023)),
        (D(date(2024, 3, 31)), PeriodKind.DATE, D(date(2024, 3, 31))),
        (D(date(2023, 7, 31)), PeriodKind.SCHOOL_YEAR, S(2022)),
        (D(date(2023, 8, 1)), PeriodKind.SCHOOL_YEAR, S(2023)),
        (Y(2023), PeriodKind.SCHOOL_YEAR, S(2023)),  # 31 Dec 2023 lies in 2023/2024
        (Y(2023), PeriodKind.HALF_YEAR, H(2023, 2)),
        (Y(2023), PeriodKind.QUARTER, Q(2023, 4)),
        (Y(2023), PeriodKind.MONTH, M(2023, 12)),
        (Y(2023), PeriodKind.DATE, D(date(2023, 12, 31))),
        (H(2023, 1), PeriodKind.YEAR, Y(2023)),
        (H(2023, 1), PeriodKind.QUARTER, Q(2023, 2)),
        (S(2023), PeriodKind.YEAR, Y(2024)),
        (S(2023), PeriodKind.HALF_YEAR, H(2024, 2)),  # ends 31 July
        (S(2023), PeriodKind.QUARTER, Q(2024, 3)),
        (S(2023), PeriodKind.MONTH, M(2024, 7)),
        (S(2023), PeriodKind.DATE, D(date(2024, 7, 31))),
        (Q(2023, 3), PeriodKind.SCHOOL_YEAR, S(2023)),  # ends 30 September
    ],
)
def test_as_kind_is_the_period_in_which_this_one_ends(period, kind, expected):
    assert period.as_kind(kind) == expected


@pytest.mark.parametrize(
    ("start", "end", "years"),
    [
        (Y(2023), Y(2027), 4.0),
        (H(2023, 2), Y(2027), 4.0),
        (Y(2023), H(2027, 1), 3.5),
        (Y(2027), Y(2023), -4.0),
        (Y(2023), Y(2023), 0.0),
        (S(2023), S(2026), 3.0),
        (Q(2023, 4), Q(2024, 1), 0.25),
        (M(2023, 1), M(2023, 7), 0.5),
    ],
)
def test_years_until(start, end, years):
    assert start.years_until(end) == years


def test_years_until_from_a_first_of_january_reference_date_rounds_to_whole_months():
    assert D(date(2024, 1, 1)).years_until(Y(2027)) == 4.0


# -- properties over random periods -----------------------------------------------------------

PERIODS = periods(1900, 2199)
STEPS = st.integers(min_value=-300, max_value=300)
FEW = settings(max_examples=150, deadline=None)


@FEW
@given(PERIODS)
def test_property_code_round_trips_through_parse(period):
    parsed = Period.parse(period.code)
    assert parsed == period
    assert parsed.kind is period.kind


@FEW
@given(PERIODS.filter(lambda p: p.kind is not PeriodKind.MONTH), st.sampled_from(["nl", "en"]))
def test_property_label_round_trips_through_parse_except_months(period, lang):
    assert Period.parse(period.label(lang)) == period


@FEW
@given(PERIODS, STEPS)
def test_property_shift_back_and_forth_is_identity(period, steps):
    shifted = period.shift(steps)
    assert shifted.kind is period.kind
    assert shifted.shift(-steps) == period


@FEW
@given(PERIODS)
def test_property_next_period_starts_the_day_after_this_one_ends(period):
    following = period.shift(1)
    assert (following.start - period.end).days == 1
    assert following > period


@FEW
@given(st.lists(PERIODS, min_size=2, max_size=12))
def test_property_sorting_agrees_with_sort_key(periods):
    by_order = sorted(periods)
    assert [p.sort_key for p in by_order] == sorted(p.sort_key for p in periods)
    for earlier, later in zip(by_order, by_order[1:], strict=False):
        assert earlier.end <= later.end


@FEW
@given(PERIODS, PERIODS)
def test_property_order_is_total_and_matches_equality(a, b):
    assert (a < b) == (a.sort_key < b.sort_key)
    assert (a <= b) == (a.sort_key <= b.sort_key)
    assert [a < b, a == b, a > b].count(True) == 1
    assert (a == b) == (a.code == b.code and a.kind is b.kind)
    if a == b:
        assert hash(a) == hash(b)


@FEW
@given(PERIODS)
def test_property_period_contains_itself_and_its_bounds(period):
    assert period.contains(period)
    assert period.contains(period.start)
    assert period.contains(period.end)
    assert period.overlaps(period)
    assert not period.contains(period.shift(1))
    assert not period.overlaps(period.shift(1))


@FEW
@given(PERIODS, st.sampled_from(list(PeriodKind)))
def test_property_as_kind_contains_the_end(period, kind):
    converted = period.as_kind(kind)
    assert converted.kind is kind
    assert converted.contains(period.end)
    assert period.as_kind(period.kind) == period
