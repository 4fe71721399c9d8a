# SPDX-License-Identifier: EUPL-1.2
"""Measurement frequencies: reading the plan's words and deriving the schedule.

The question a frequency answers is concrete: will the instrument measure in the target
period? A 4-yearly health monitor measured in 2020 measures again in 2024 and 2028, so a
goal for 2027 cannot be checked with it. These tests protect:

* ``Frequency.parse`` of the spellings plans use ("1X per 4 jaar", "2x per jaar",
  "1x per schooljaar", "jaarlijks", English forms and the codes themselves), keeping the
  plan's own words in ``as_written``, and refusing irregular or unreadable schedules;
* ``per_year``, ``period_kind``, ``step`` and the labels;
* ``schedule`` anchored on periods of other kinds, and ``measures_in`` for the cases that
  decide whether a target can be evaluated.
"""

from __future__ import annotations

from datetime import date
from itertools import islice

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from koers.domain.frequency import Frequency, FrequencyCode, FrequencyError
from koers.domain.periods import Period, PeriodKind
from tests.domain.strategies import periods

Y, H, Q, M, S, D = (
    Period.year,
    Period.half_year,
    Period.quarter,
    Period.month,
    Period.school_year,
    Period.on,
)


def first(frequency: str, anchor: Period, n: int = 3) -> list[Period]:
    return list(islice(Frequency.parse(frequency).schedule(anchor), n))


# -- parsing ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1X per 4 jaar", FrequencyCode.EVERY_4_YEARS),
        ("2X per jaar", FrequencyCode.HALF_YEARLY),
        ("2x per jaar", FrequencyCode.HALF_YEARLY),
        ("1X per jaar", FrequencyCode.YEARLY),
        ("1x per jaar", FrequencyCode.YEARLY),
        ("1x per schooljaar", FrequencyCode.SCHOOL_YEARLY),
        ("4x per jaar", FrequencyCode.QUARTERLY),
        ("jaarlijks", FrequencyCode.YEARLY),
        ("Jaarlijks", FrequencyCode.YEARLY),
        ("maandelijks", FrequencyCode.MONTHLY),
        ("every 4 years", FrequencyCode.EVERY_4_YEARS),
        ("twice a year", FrequencyCode.HALF_YEARLY),
        ("once a year", FrequencyCode.YEARLY),
        ("once every 3 years", FrequencyCode.EVERY_3_YEARS),
        ("elke 5 jaar", FrequencyCode.EVERY_5_YEARS),
        ("iedere 2 jaar", FrequencyCode.EVERY_2_YEARS),
        ("1 keer per 2 jaar", FrequencyCode.EVERY_2_YEARS),
        ("één keer per 4 jaar", FrequencyCode.EVERY_4_YEARS),
        ("twee keer per jaar", FrequencyCode.HALF_YEARLY),
        ("12x per jaar", FrequencyCode.MONTHLY),
        ("1x per maand", FrequencyCode.MONTHLY),
        ("1x per kwartaal", FrequencyCode.QUARTERLY),
        ("per kwartaal", FrequencyCode.QUARTERLY),
        ("halfjaarlijks", FrequencyCode.HALF_YEARLY),
        ("vierjaarlijks", FrequencyCode.EVERY_4_YEARS),
        ("1X  per\t4 jaar", FrequencyCode.EVERY_4_YEARS),
    ],
)
def test_parse_plan_spellings(text, code):
    assert Frequency.parse(text).code is code


@pytest.mark.parametrize("code", list(FrequencyCode), ids=str)
def test_parse_accepts_every_code_itself(code):
    assert Frequency.parse(code.value).code is code
    assert Frequency.parse(code.value.upper()).code is code


@pytest.mark.parametrize(
    ("text", "as_written"),
    [
        ("1X per 4 jaar", "1X per 4 jaar"),
        ("2x per jaar", "2x per jaar"),
        ("Jaarlijks", "Jaarlijks"),
        ("every-4-years", "every-4-years"),
        ("  2X   per jaar ", "2X per jaar"),  # only runs of white space are folded
    ],
)
def test_as_written_keeps_the_plans_words(text, as_written):
    assert Frequency.parse(text).as_written == as_written


def test_parse_returns_a_frequency_unchanged():
    frequency = Frequency.parse("2X per jaar")
    assert Frequency.parse(frequency) is frequency


@pytest.mark.parametrize(
    "text",
    [
        "3x per jaar",
        "Ix per iaar",
        "",
        "   ",
        "1X per 7 jaar",
        "1x per 6 jaar",
        "2x per 4 jaar",
        "2x per schooljaar",
        "2x per maand",
        "2x per kwartaal",
        "soms",
        None,
        4,
    ],
    ids=repr,
)
def test_parse_refuses(text):
    with pytest.raises(FrequencyError):
        Frequency.parse(text)


def test_frequency_error_is_a_value_error_that_lists_accepted_forms():
    with pytest.raises(ValueError, match="1X per 4 jaar"):
        Frequency.parse("soms")


def test_irregular_schedule_error_names_the_text():
    with pytest.raises(FrequencyError, match="'3x per jaar'"):
        Frequency.parse("3x per jaar")


def test_parse_eens_per_4_jaar():
    assert Frequency.parse("eens per 4 jaar").code is FrequencyCode.EVERY_4_YEARS


# -- properties of a frequency -----------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "per_year", "kind", "step"),
    [
        (FrequencyCode.MONTHLY, 12.0, PeriodKind.MONTH, 1),
        (FrequencyCode.QUARTERLY, 4.0, PeriodKind.QUARTER, 1),
        (FrequencyCode.HALF_YEARLY, 2.0, PeriodKind.HALF_YEAR, 1),
        (FrequencyCode.YEARLY, 1.0, PeriodKind.YEAR, 1),
        (FrequencyCode.SCHOOL_YEARLY, 1.0, PeriodKind.SCHOOL_YEAR, 1),
        (FrequencyCode.EVERY_2_YEARS, 0.5, PeriodKind.YEAR, 2),
        (FrequencyCode.EVERY_3_YEARS, 1 / 3, PeriodKind.YEAR, 3),
        (FrequencyCode.EVERY_4_YEARS, 0.25, PeriodKind.YEAR, 4),
        (FrequencyCode.EVERY_5_YEARS, 0.2, PeriodKind.YEAR, 5),
    ],
    ids=str,
)
def test_per_year_kind_and_step(code, per_year, kind, step):
    frequency = Frequency.parse(code.value)
    assert frequency.per_year == pytest.approx(per_year)
    assert frequency.period_kind is kind
    assert frequency.step == step


@pytest.mark.parametrize(
    ("text", "nl", "en"),
    [
        ("2X per jaar", "2 keer per jaar", "twice a year"),
        ("1X per 4 jaar", "1 keer per 4 jaar", "every 4 years"),
        ("1x per schooljaar", "1 keer per schooljaar", "once per school year"),
        ("maandelijks", "elke maand", "monthly"),
    ],
)
def test_labels(text, nl, en):
    frequency = Frequency.parse(text)
    assert frequency.label() == nl
    assert frequency.label("en") == en


# -- schedule -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("frequency", "anchor", "expected"),
    [
        ("2X per jaar", Y(2023), [H(2024, 1), H(2024, 2), H(2025, 1)]),
        ("1X per 4 jaar", Y(2020), [Y(2024), Y(2028), Y(2032)]),
        ("1x per schooljaar", S(2023), [S(2024), S(2025), S(2026)]),
        ("1x per jaar", H(2023, 2), [Y(2024), Y(2025), Y(2026)]),
        ("1x per jaar", H(2023, 1), [Y(2024), Y(2025), Y(2026)]),
        ("4x per jaar", Y(2023), [Q(2024, 1), Q(2024, 2), Q(2024, 3)]),
        ("maandelijks", D(date(2024, 1, 31)), [D(date(2024, 2, 29)), D(date(2024, 3, 31)), D(date(2024, 4, 30))]),
        ("1X per jaar", D(date(2024, 1, 1)), [D(date(2025, 1, 1)), D(date(2026, 1, 1)), D(date(2027, 1, 1))]),
        ("maandelijks", M(2023, 11), [M(2023, 12), M(2024, 1), M(2024, 2)]),
        ("1X per 2 jaar", H(2023, 2), [Y(2025), Y(2027), Y(2029)]),
        ("1x per schooljaar", Y(2023), [S(2024), S(2025), S(2026)]),  # 2023 ends in 2023/2024
        ("1x per jaar", S(2023), [Y(2025), Y(2026), Y(2027)]),  # 2023/2024 ends in 2024
        ("2X per jaar", S(2023), [H(2025, 1), H(2025, 2), H(2026, 1)]),  # ends in 2024-H2
    ],
)
def test_schedule(frequency, anchor, expected):
    assert first(frequency, anchor) == expected


def test_schedule_is_endless():
    schedule = Frequency.parse("1X per 4 jaar").schedule(Y(2020))
    assert list(islice(schedule, 50))[-1] == Y(2220)


# -- measures_in --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("frequency", "anchor", "target", "expected"),
    [
        # the key case: a 4-yearly monitor measured in 2020 says nothing about 2027
        ("1X per 4 jaar", Y(2020), Y(2027), None),
        ("1X per 4 jaar", Y(2019), Y(2027), Y(2027)),
        ("1X per 4 jaar", Y(2020), Y(2028), Y(2028)),
        ("2X per jaar", Y(2023), Y(2027), H(2027, 1)),
        ("2X per jaar", Y(2023), H(2027, 2), H(2027, 2)),
        ("1x per schooljaar", S(2023), S(2026), S(2026)),
        ("1x per schooljaar", Period.parse("schooljaar 2023-2024"), Period.parse("schooljaar 2026-2027"), S(2026)),
        ("1x per jaar", H(2023, 2), Y(2027), Y(2027)),
        ("1x per jaar", Y(2023), S(2026), Y(2026)),  # 31 Dec 2026 lies in 2026/2027
        ("1x per jaar", Y(2023), Y(2023), None),  # the anchor itself is not a new measurement
        ("1x per jaar", Y(2027), Y(2023), None),  # a target before the anchor
        ("4x per jaar", Y(2023), D(date(2027, 12, 31)), Q(2027, 4)),
        ("4x per jaar", Y(2023), D(date(2027, 6, 15)), None),
        ("1X per 2 jaar", Y(2022), Y(2027), None),
        ("1X per 2 jaar", Y(2021), Y(2027), Y(2027)),
    ],
)
def test_measures_in(frequency, anchor, target, expected):
    assert Frequency.parse(frequency).measures_in(anchor, target) == expected


# -- properties ----------------------------------------------------------------------------

ANCHORS = periods(1950, 2150)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(list(FrequencyCode)), ANCHORS)
def test_property_schedule_starts_after_the_anchor_and_steps_evenly(code, anchor):
    frequency = Frequency.parse(code.value)
    periods = list(islice(frequency.schedule(anchor), 4))
    assert periods[0].start > anchor.end
    if anchor.kind is PeriodKind.DATE:  # a count on a peildatum recurs on reference dates
        assert all(p.kind is PeriodKind.DATE for p in periods)
        assert periods == sorted(set(periods))
        return
    for earlier, later in zip(periods, periods[1:], strict=False):
        assert later.kind is frequency.period_kind
        assert later == earlier.shift(frequency.step)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(list(FrequencyCode)), ANCHORS, st.integers(min_value=0, max_value=12))
def test_property_measures_in_finds_a_scheduled_period_of_that_kind(code, anchor, offset):
    frequency = Frequency.parse(code.value)
    target = Period.year(anchor.end.year + offset)
    found = frequency.measures_in(anchor, target)
    scheduled = list(islice(frequency.schedule(anchor), 12 * 14 + 2))
    expected = next((p for p in scheduled if target.contains(p.end)), None)
    assert found == expected
