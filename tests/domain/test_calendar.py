# SPDX-License-Identifier: EUPL-1.2
"""The measurement calendar: which figure the monitoring round must ask for, and which are late.

A round that asks a day too early gets no figure, and one that misses a deadline loses track
of a goal, so most cases sit on a boundary and check both sides of it: the last day of a
period against the day after, the last day of the grace against the day after, a school year
that ends on 31 July. Every expected date and period below was worked out by hand.

The second half pins the calendar for Heemskerk's 2024 plan on 23 November 2026 with no
measurements recorded, again computed by hand from the plan's baselines and frequencies.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from koers.domain.calendar import (
    STATUSES,
    DueItem,
    DueStatus,
    due,
    due_summary,
    first_period_from,
)
from koers.domain.frequency import Frequency, FrequencyCode
from koers.domain.periods import Period, PeriodKind
from koers.domain.plan import Plan
from koers.i18n import _
from tests.domain.strategies import periods

Y, H, S, D = Period.year, Period.half_year, Period.school_year, Period.on
OVERDUE, DUE, UPCOMING, NO_SCHEDULE = DueStatus.OVERDUE, DueStatus.DUE, DueStatus.UPCOMING, DueStatus.NO_SCHEDULE

GOAL: dict[str, Any] = {
    "id": "G-01",
    "challenge": "meedoen",
    "statement": "In 2028 doet 50% van de inwoners vrijwilligerswerk, ten opzichte van 40% in 2024.",
    "indicator": {"name": "Inwoners die vrijwilligerswerk doen", "unit": "percentage"},
    "baseline": {"value": 40, "period": 2024},
    "target": {"value": 50, "period": 2028},
    "direction": "increase",
    "source": "Inwonerspeiling",
    "frequency": "1X per jaar",
}
DROP = object()


def make_plan(*goals: dict[str, Any], start_year: int = 2025) -> Plan:
    cleaned = [{key: value for key, value in {**GOAL, **goal}.items() if value is not DROP} for goal in goals]
    return Plan.model_validate(
        {
            "municipality": {"cbs_code": "GM9999", "name": "Zilverdam"},
            "title": "Zilverdam doet mee",
            "start_year": start_year,
            "challenges": [{"id": "meedoen", "name": "Meedoen"}],
            "goals": cleaned,
        }
    )


def item(changes: dict[str, Any] | None = None, *, as_of: date, start_year: int = 2025, **kwargs: Any) -> DueItem:
    (only,) = due(make_plan(changes or {}, start_year=start_year), as_of=as_of, **kwargs)
    return only


def when(item_: DueItem) -> tuple[Period | None, date | None, date | None, DueStatus]:
    return item_.expected, item_.due_on, item_.overdue_on, item_.status


HALF_YEARLY = {"frequency": "2X per jaar"}
NO_BASELINE = {"baseline": DROP}


# -- period boundaries -------------------------------------------------------------------------


def test_a_half_year_has_not_ended_on_its_last_day() -> None:
    goal = {**HALF_YEARLY, "baseline": {"value": 40, "period": "2024-H2"}}
    assert when(item(goal, as_of=date(2025, 6, 30))) == (H(2025, 1), date(2025, 7, 1), date(2025, 9, 28), UPCOMING)
    assert item(goal, as_of=date(2025, 7, 1)).status is DUE


def test_the_second_half_year_ends_on_31_december() -> None:
    goal = {**HALF_YEARLY, "baseline": {"value": 40, "period": "2025-H1"}}
    assert when(item(goal, as_of=date(2025, 12, 31))) == (H(2025, 2), date(2026, 1, 1), date(2026, 3, 31), UPCOMING)
    assert item(goal, as_of=date(2026, 1, 1)).status is DUE


@pytest.mark.parametrize(
    ("as_of", "grace_days", "overdue_on", "status"),
    [
        (date(2026, 3, 31), 90, date(2026, 3, 31), DUE),  # day 90 after 31 December: still in time
        (date(2026, 4, 1), 90, date(2026, 3, 31), OVERDUE),  # day 91
        (date(2026, 4, 1), 91, date(2026, 4, 1), DUE),
        (date(2026, 1, 1), 0, date(2025, 12, 31), OVERDUE),  # no grace: late the day the period is over
    ],
)
def test_the_grace_ends_on_its_last_day(as_of: date, grace_days: int, overdue_on: date, status: DueStatus) -> None:
    goal = {**HALF_YEARLY, "baseline": {"value": 40, "period": "2025-H1"}}
    found = item(goal, as_of=as_of, grace_days=grace_days)
    assert (found.expected, found.overdue_on, found.status) == (H(2025, 2), overdue_on, status)
    assert found.grace_days == grace_days


def test_the_grace_cannot_be_negative() -> None:
    with pytest.raises(ValueError, match="grace_days"):
        item(as_of=date(2026, 1, 1), grace_days=-1)


@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        (date(2025, 7, 31), UPCOMING),  # the last day of the school year
        (date(2025, 8, 1), DUE),
        (date(2025, 10, 29), DUE),  # 90 days after 31 July
        (date(2025, 10, 30), OVERDUE),
    ],
)
def test_a_school_year_ends_on_31_july(as_of: date, status: DueStatus) -> None:
    goal = {"frequency": "1x per schooljaar", "baseline": {"value": 40, "period": "schooljaar 2023-2024"}}
    assert when(item(goal, as_of=as_of)) == (S(2024), date(2025, 8, 1), date(2025, 10, 29), status)


@pytest.mark.parametrize(
    ("as_of", "grace_days", "status"),
    [
        (date(2024, 12, 31), 90, UPCOMING),
        (date(2025, 3, 31), 90, DUE),
        (date(2025, 4, 1), 90, OVERDUE),
        (date(2025, 6, 1), 90, OVERDUE),
        (date(2025, 6, 1), 180, DUE),  # 180 days after 31 December 2024 is 29 June 2025
    ],
)
def test_a_four_yearly_monitor_from_2020_expects_2024(as_of: date, grace_days: int, status: DueStatus) -> None:
    goal = {"frequency": "1X per 4 jaar", "baseline": {"value": 56, "period": 2020}}
    found = item(goal, as_of=as_of, grace_days=grace_days)
    assert (found.anchor, found.expected, found.due_on, found.status) == (Y(2020), Y(2024), date(2025, 1, 1), status)
    assert found.missing == (() if status is UPCOMING else (Y(2024),))


# -- the anchor --------------------------------------------------------------------------------


def test_the_last_measurement_moves_the_schedule() -> None:
    found = item(as_of=date(2026, 6, 30), last_measured={"G-01": Y(2025)})
    assert found.anchor == Y(2025)
    assert when(found) == (Y(2026), date(2027, 1, 1), date(2027, 3, 31), UPCOMING)
    assert found.missing == ()


def test_a_last_measurement_of_another_goal_is_ignored() -> None:
    found = item(as_of=date(2026, 6, 30), last_measured={"G-02": Y(2025)})
    assert (found.anchor, found.expected, found.status) == (Y(2024), Y(2025), OVERDUE)


def test_a_last_measurement_older_than_the_baseline_does_not_count() -> None:
    # An imported history (2022) must not make the round ask again for 2023 and 2024.
    found = item(as_of=date(2025, 6, 30), last_measured={"G-01": Y(2022)})
    assert (found.anchor, found.expected, found.missing) == (Y(2024), Y(2025), ())


def test_a_pending_baseline_anchors_the_schedule() -> None:
    pending = {"status": "pending", "period": 2024, "reason": "De peiling loopt nog.", "expected": "2025-H2"}
    found = item({"baseline": pending}, as_of=date(2026, 2, 1))
    assert found.anchor == Y(2024)
    assert when(found) == (Y(2025), date(2026, 1, 1), date(2026, 3, 31), DUE)


def test_the_period_of_an_absent_baseline_is_not_an_anchor() -> None:
    absent = {"status": "absent", "reason": "geen nulmeting", "period": 2020}
    found = item({"baseline": absent}, as_of=date(2026, 2, 1))
    assert (found.anchor, found.expected) == (None, Y(2025))  # the start-year rule, not 2021


def test_a_reference_date_recurs_on_that_date() -> None:
    goal = {"baseline": {"value": 40, "period": "peildatum 1 januari 2024"}}
    assert when(item(goal, as_of=date(2025, 1, 1))) == (
        D(date(2025, 1, 1)),
        date(2025, 1, 2),
        date(2025, 4, 1),
        UPCOMING,
    )
    assert item(goal, as_of=date(2025, 1, 2)).status is DUE
    assert item(goal, as_of=date(2025, 4, 1)).status is DUE
    assert item(goal, as_of=date(2025, 4, 2)).status is OVERDUE


def test_a_half_yearly_count_on_a_reference_date_misses_both_dates() -> None:
    goal = {**HALF_YEARLY, "baseline": {"value": 40, "period": "2024-01-01"}}
    found = item(goal, as_of=date(2025, 3, 1))
    assert found.missing == (D(date(2024, 7, 1)), D(date(2025, 1, 1)))
    assert when(found) == (D(date(2024, 7, 1)), date(2024, 7, 2), date(2024, 9, 29), OVERDUE)


# -- several missing periods -------------------------------------------------------------------


def test_two_gaps_expect_the_first_and_list_both() -> None:
    goal = {**HALF_YEARLY, "baseline": {"value": 40, "period": "2024-H2"}}
    found = item(goal, as_of=date(2026, 1, 1))
    assert found.missing == (H(2025, 1), H(2025, 2))
    assert when(found) == (H(2025, 1), date(2025, 7, 1), date(2025, 9, 28), OVERDUE)


def test_the_period_still_running_is_not_missing() -> None:
    goal = {**HALF_YEARLY, "baseline": {"value": 40, "period": "2024-H2"}}
    assert item(goal, as_of=date(2025, 12, 31)).missing == (H(2025, 1),)


# -- no anchor: the start-year rule ------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "year", "first"),
    [
        (PeriodKind.YEAR, 2024, Y(2024)),
        (PeriodKind.HALF_YEAR, 2024, H(2024, 1)),
        (PeriodKind.QUARTER, 2024, Period.quarter(2024, 1)),
        (PeriodKind.MONTH, 2024, Period.month(2024, 1)),
        (PeriodKind.SCHOOL_YEAR, 2024, S(2024)),  # not 2023-2024: it starts in August 2023
    ],
)
def test_the_first_period_lies_wholly_in_the_start_year(kind: PeriodKind, year: int, first: Period) -> None:
    assert first_period_from(kind, year) == first


@pytest.mark.parametrize(
    ("changes", "as_of", "expected", "status"),
    [
        ({}, date(2025, 6, 1), Y(2025), UPCOMING),  # nothing has ended: the first period
        ({}, date(2027, 2, 1), Y(2026), DUE),  # 2025 and 2026 ended: the latest
        (HALF_YEARLY, date(2026, 11, 23), H(2026, 1), OVERDUE),
        ({"frequency": "1x per schooljaar"}, date(2025, 6, 1), S(2025), UPCOMING),
        ({"frequency": "1x per schooljaar"}, date(2026, 8, 1), S(2025), DUE),
        ({"frequency": "1X per 4 jaar"}, date(2028, 6, 1), Y(2025), OVERDUE),  # 2025, 2029: not 2027
        ({"frequency": "1X per 4 jaar"}, date(2030, 1, 1), Y(2029), DUE),
    ],
)
def test_without_baseline_or_measurement_the_schedule_starts_with_the_plan(
    changes: dict[str, Any], as_of: date, expected: Period, status: DueStatus
) -> None:
    found = item({**NO_BASELINE, **changes}, as_of=as_of)
    assert (found.anchor, found.expected, found.status) == (None, expected, status)
    assert found.missing == (() if status is UPCOMING else (expected,))


# -- no frequency ------------------------------------------------------------------------------


def test_a_goal_without_frequency_has_no_schedule() -> None:
    found = item({"frequency": DROP}, as_of=date(2026, 6, 1))
    assert (found.anchor, found.frequency, found.missing) == (Y(2024), None, ())
    assert when(found) == (None, None, None, NO_SCHEDULE)
    assert found.message() == (
        "Dit doel heeft geen meetfrequentie. Daarom is niet te zeggen welke meting nu nodig is. "
        "Leg vast hoe vaak er wordt gemeten."
    )


# -- messages ----------------------------------------------------------------------------------

SUITE4SD = {**HALF_YEARLY, "source": "Suite4SD", "baseline": {"value": 40, "period": "2025-H1"}}


def test_overdue_message() -> None:
    found = item(SUITE4SD, as_of=date(2026, 4, 1))
    assert found.message() == (
        "De meting over 2e helft 2025 had binnen 90 dagen na afloop binnen moeten zijn (uiterlijk 31 maart 2026). "
        "Vraag de cijfers op bij Suite4SD."
    )
    assert found.message("en") == (
        "The figures for second half of 2025 should have been in within 90 days after it ended "
        "(by 31 March 2026). Request the figures from Suite4SD."
    )


def test_due_message() -> None:
    found = item(SUITE4SD, as_of=date(2026, 1, 15), grace_days=30)
    assert found.message() == (
        "De cijfers over 2e helft 2025 zijn nu op te vragen. Vraag ze op bij Suite4SD. "
        "Ze moeten uiterlijk 30 januari 2026 binnen zijn."
    )
    assert found.message("en") == (
        "The figures for second half of 2025 can be requested now. Request them from Suite4SD. "
        "They should be in by 30 January 2026."
    )


def test_upcoming_message() -> None:
    found = item(SUITE4SD, as_of=date(2025, 12, 31))
    assert (
        found.message() == "De volgende meting gaat over 2e helft 2025. Vraag de cijfers vanaf 1 januari 2026 "
        "op bij Suite4SD."
    )
    assert found.message("en") == (
        "The next measurement covers second half of 2025. From 1 January 2026, request the figures from Suite4SD."
    )


def test_message_lists_every_missing_period() -> None:
    found = item({**SUITE4SD, "baseline": {"value": 40, "period": "2024-H2"}}, as_of=date(2026, 1, 1))
    assert found.message().startswith(
        "Er ontbreken 2 metingen: 1e helft 2025 en 2e helft 2025. De meting over 1e helft 2025 had binnen 90 dagen"
    )
    assert found.message("en").startswith(
        "2 measurements are missing: first half of 2025 and second half of 2025. The figures for first half of 2025"
    )


def test_message_without_anchor_says_so() -> None:
    found = item(NO_BASELINE, as_of=date(2025, 6, 1))
    assert found.message() == (
        "Er is nog geen meting of nulmeting bekend. De volgende meting gaat over 2025. "
        "Vraag de cijfers vanaf 1 januari 2026 op bij Inwonerspeiling."
    )
    assert found.message("en").startswith("There is no measurement or baseline yet. The next measurement covers 2025.")


def test_message_without_source_asks_without_naming_one() -> None:
    found = item({**SUITE4SD, "source": DROP}, as_of=date(2026, 4, 1))
    assert found.source is None
    assert found.message().endswith("(uiterlijk 31 maart 2026). Vraag de cijfers op.")
    assert found.message("en").endswith("(by 31 March 2026). Request the figures.")


def test_statuses_have_stable_codes_and_both_languages() -> None:
    assert [s.value for s in DueStatus] == ["overdue", "due", "upcoming", "no-schedule"]
    assert set(STATUSES) == set(DueStatus)
    assert [s.label() for s in DueStatus] == ["te laat", "nu opvragen", "nog niet", "geen meetfrequentie"]
    assert [s.label("en") for s in DueStatus] == ["overdue", "due", "upcoming", "no schedule"]
    for text in STATUSES.values():
        assert _(text.message, "en") != text.message


# -- the summary -------------------------------------------------------------------------------


def test_summary_counts_every_status_in_a_fixed_order() -> None:
    plan = make_plan(
        {"id": "A"},
        {"id": "B"},
        {"id": "C", "frequency": DROP},
        {"id": "D", "baseline": {"value": 1, "period": 2025}},
    )
    items = due(plan, as_of=date(2026, 2, 1))
    assert [i.status for i in items] == [DUE, DUE, NO_SCHEDULE, UPCOMING]
    summary = due_summary(items)
    assert summary == {OVERDUE: 0, DUE: 2, UPCOMING: 1, NO_SCHEDULE: 1}
    assert list(summary) == list(DueStatus)
    assert due_summary([]) == dict.fromkeys(DueStatus, 0)


# -- properties --------------------------------------------------------------------------------


@given(
    anchor=periods(2015, 2030),
    code=st.sampled_from(list(FrequencyCode)),
    as_of=st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31)),
    grace_days=st.integers(min_value=0, max_value=400),
)
def test_missing_is_every_ended_period_after_the_anchor(
    anchor: Period, code: FrequencyCode, as_of: date, grace_days: int
) -> None:
    plan = make_plan({"frequency": code.value})
    (found,) = due(plan, as_of=as_of, last_measured={"G-01": anchor}, grace_days=grace_days)
    assert found.anchor is not None and found.expected is not None and found.overdue_on is not None
    assert found.expected == next(Frequency.parse(code.value).schedule(found.anchor))
    assert all(p.end < as_of for p in found.missing)
    assert list(found.missing) == sorted(set(found.missing))
    if found.missing:
        assert found.expected == found.missing[0]
        assert found.status in (DUE, OVERDUE)
    else:
        assert found.status is UPCOMING and found.expected.end >= as_of
    assert (found.status is OVERDUE) == (as_of > found.overdue_on)


# -- Heemskerk 2024, on 23 November 2026, nothing measured yet ---------------------------------

HEEMSKERK_AS_OF = date(2026, 11, 23)
SINCE_2023_H2 = (H(2024, 1), H(2024, 2), H(2025, 1), H(2025, 2), H(2026, 1))


@pytest.fixture(scope="module")
def heemskerk(heemskerk_2024: Plan) -> dict[str, DueItem]:
    items = due(heemskerk_2024, as_of=HEEMSKERK_AS_OF)
    assert [i.goal for i in items] == [g.id for g in heemskerk_2024.goals]
    return {i.goal: i for i in items}


def test_heemskerk_has_one_item_per_goal(heemskerk: dict[str, DueItem]) -> None:
    assert len(heemskerk) == 28


@pytest.mark.parametrize(
    ("goal", "anchor", "expected", "due_on", "overdue_on", "status", "missing"),
    [
        # half-yearly, baseline 2e helft 2023: five half years have ended since
        ("VW-02", H(2023, 2), H(2024, 1), date(2024, 7, 1), date(2024, 9, 28), OVERDUE, SINCE_2023_H2),
        # half-yearly, baseline the year 2023: anchored at its second half
        ("FF-01", Y(2023), H(2024, 1), date(2024, 7, 1), date(2024, 9, 28), OVERDUE, SINCE_2023_H2),
        # school-yearly, pending baseline schooljaar 2023-2024
        ("OZ-06", S(2023), S(2024), date(2025, 8, 1), date(2025, 10, 29), OVERDUE, (S(2024), S(2025))),
        # 4-yearly GGD monitor from 2020: 2024, then 2028
        ("VW-01", Y(2020), Y(2024), date(2025, 1, 1), date(2025, 3, 31), OVERDUE, (Y(2024),)),
        # 4-yearly from 2019: 2023 should be in, 2027 is still to come
        ("VW-03", Y(2019), Y(2023), date(2024, 1, 1), date(2024, 3, 30), OVERDUE, (Y(2023),)),
        # 4-yearly from 2022: 2026 runs until 31 December
        ("OO-05", Y(2022), Y(2026), date(2027, 1, 1), date(2027, 3, 31), UPCOMING, ()),
        # yearly from 2024
        ("OO-06", Y(2024), Y(2025), date(2026, 1, 1), date(2026, 3, 31), OVERDUE, (Y(2025),)),
        # yearly from 2022
        ("ZW-02", Y(2022), Y(2023), date(2024, 1, 1), date(2024, 3, 30), OVERDUE, (Y(2023), Y(2024), Y(2025))),
        # no baseline, half-yearly from the plan's start (2024): the latest ended half year
        ("OZ-02", None, H(2026, 1), date(2026, 7, 1), date(2026, 9, 28), OVERDUE, (H(2026, 1),)),
        # "geen nulmeting" (absent), half-yearly: the same rule
        ("FF-06", None, H(2026, 1), date(2026, 7, 1), date(2026, 9, 28), OVERDUE, (H(2026, 1),)),
        # no baseline, yearly
        ("OZ-05", None, Y(2025), date(2026, 1, 1), date(2026, 3, 31), OVERDUE, (Y(2025),)),
    ],
)
def test_heemskerk_items(
    heemskerk: dict[str, DueItem],
    goal: str,
    anchor: Period | None,
    expected: Period,
    due_on: date,
    overdue_on: date,
    status: DueStatus,
    missing: tuple[Period, ...],
) -> None:
    found = heemskerk[goal]
    assert (found.anchor, found.expected, found.due_on, found.overdue_on, found.status, found.missing) == (
        anchor,
        expected,
        due_on,
        overdue_on,
        status,
        missing,
    )


def test_heemskerk_sources_come_from_the_plan(heemskerk: dict[str, DueItem]) -> None:
    assert heemskerk["FF-01"].source == "Suite4SD"
    assert heemskerk["OZ-06"].source == "Jaarverslag Leerplein"
    assert heemskerk["FF-01"].message().endswith("(uiterlijk 28 september 2024). Vraag de cijfers op bij Suite4SD.")


def test_heemskerk_summary(heemskerk: dict[str, DueItem]) -> None:
    # Only OO-05 (GGD, 2026) is still to come; no figure ended within the last 90 days.
    assert due_summary(heemskerk.values()) == {OVERDUE: 27, DUE: 0, UPCOMING: 1, NO_SCHEDULE: 0}


def test_heemskerk_after_a_round(heemskerk_2024: Plan) -> None:
    measured = {"VW-02": H(2026, 1), "OZ-06": S(2025), "OZ-02": H(2026, 1)}
    items = {i.goal: i for i in due(heemskerk_2024, as_of=HEEMSKERK_AS_OF, last_measured=measured)}
    assert when(items["VW-02"]) == (H(2026, 2), date(2027, 1, 1), date(2027, 3, 31), UPCOMING)
    assert when(items["OZ-06"]) == (S(2026), date(2027, 8, 1), date(2027, 10, 29), UPCOMING)
    assert when(items["OZ-02"]) == (H(2026, 2), date(2027, 1, 1), date(2027, 3, 31), UPCOMING)
    assert items["FF-01"].status is OVERDUE
    assert due_summary(items.values())[UPCOMING] == 4
