# SPDX-License-Identifier: EUPL-1.2
"""Judging targets as plans write them (docs/methodology.md, sections 1, 2a, 3 and 3a).

Each case states the arithmetic by hand. These tests protect:

* bands, open and closed, with the baseline inside or outside;
* direction-only targets ("toename") against the unit's minimal relevant change and the trend;
* several dated targets: the target for the period at hand, waypoints never "achieved";
* the final verdict on the target period's own figure, not on a later one;
* "handhaven" with and without a side; undated targets due at the plan's end year;
* figures that are not available, figures inside the baseline period, stale figures;
* ``assess_plan``: one judgement, whatever the area register names the municipality by.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from koers.domain.assessment import Assessment, Status, assess, assess_plan
from koers.domain.goals import Goal
from koers.domain.measurements import Measurement, Unavailable
from koers.domain.periods import Period
from koers.domain.plan import Plan

MUNI = "GM9901"
SOON = date(2027, 3, 1)  # the 2026 figures are in; the target period 2027 has not ended
LATE = date(2030, 6, 1)  # 2027, 2028 and 2029 are in


def goal(**fields: Any) -> Goal:
    data: dict[str, Any] = {
        "id": "G-1",
        "challenge": "c",
        "statement": "Een doel.",
        "indicator": {"name": "Aandeel", "unit": "percentage"},
        "baseline": {"value": 50, "period": "2023"},
        "frequency": "1X per jaar",
        **fields,
    }
    return Goal.model_validate(data)


def m(period: str, value: float | None, **fields: Any) -> Measurement:
    return Measurement("G-1", Period.parse(period), fields.pop("area", MUNI), value, **fields)


def run(g: Goal, *figures: Measurement, as_of: date = SOON, end_year: int | None = 2027) -> Assessment:
    return assess(g, figures, as_of=as_of, municipality=MUNI, end_year=end_year)


def judged(a: Assessment) -> tuple[Status, str]:
    return a.status, a.reason.code


# -- bands -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("latest", "expected"),
    [
        (62, (Status.ON_TRACK, "inside-range")),  # 60 <= 62 <= 65
        (60, (Status.ON_TRACK, "inside-range")),  # the edge is inside
        (66, (Status.OFF_TRACK, "outside-range")),  # above a closed band (the baseline 50 was below it)
        (58, (Status.ON_TRACK, "on-path")),  # below, on the way in: 2026 expects 57.5 on 50 -> 60; 8 / 7.5
    ],
)
def test_a_closed_band(latest: float, expected: tuple[Status, str]) -> None:
    g = goal(target="tussen 60 en 65% in 2027", direction="increase")
    assert judged(run(g, m("2026", latest))) == expected


def test_below_a_band_on_the_way_in_is_judged_by_the_path_to_its_near_edge() -> None:
    g = goal(target="tussen 60 en 65% in 2027", direction="increase")
    # path 50 (2023) -> 60 (2027); 2026 is 3 of 4 years: expected 57.5, required 7.5
    assert judged(run(g, m("2026", 55))) == (Status.AT_RISK, "behind-path")  # 5 / 7.5 = 0.67
    assert judged(run(g, m("2026", 53))) == (Status.OFF_TRACK, "outside-range")  # 3 / 7.5 = 0.4
    assert judged(run(g, m("2026", 48))) == (Status.OFF_TRACK, "outside-range")  # the wrong way


def test_a_band_open_above_accepts_anything_above_it() -> None:
    g = goal(target="bandbreedte 65-70%, gelijk of hoger", baseline={"value": 67, "period": "2023"})
    a = run(g, m("2026", 74))
    assert judged(a) == (Status.ON_TRACK, "beyond-range")
    assert a.message() == (
        "De laatste meting (2026) is 74%; dat is boven de bandbreedte van 65% tot 70%, en dat is ook goed."
    )
    assert judged(run(g, m("2026", 63))) == (Status.OFF_TRACK, "outside-range")  # baseline 67 was inside
    # undated: due at the end of 2027; the 2027 figure gives the verdict
    assert judged(run(g, m("2027", 71), as_of=LATE)) == (Status.ACHIEVED, "beyond-range-final")
    assert judged(run(g, m("2027", 64.9), as_of=LATE)) == (Status.NOT_ACHIEVED, "outside-range-final")


def test_a_band_needs_no_direction_and_no_baseline() -> None:
    g = goal(target="tussen 60 en 65% in 2027", baseline={"status": "absent", "reason": "geen cijfer"})
    assert g.judged_direction is None
    assert judged(run(g, m("2026", 61))) == (Status.ON_TRACK, "bound-without-baseline")
    assert judged(run(g, m("2027", 61), as_of=LATE)) == (Status.ACHIEVED, "bound-without-baseline")
    assert judged(run(g, m("2027", 59), as_of=LATE)) == (Status.NOT_ACHIEVED, "bound-without-baseline")
    # below it before the target period: without a baseline there is no path, so koers cannot judge
    assert run(g, m("2026", 59)).status is Status.NO_BASELINE


# -- direction only ----------------------------------------------------------------------------


def test_a_direction_only_target_on_a_percentage_counts_from_one_point() -> None:
    g = goal(target="toename")  # undated: due in 2027 (end_year); percentage: 1 percentage point
    assert g.judged_direction is not None and g.judged_direction.value == "increase"
    assert judged(run(g, m("2024", 51.5))) == (Status.ON_TRACK, "moving")  # +1.5 > 1
    assert judged(run(g, m("2024", 50.8))) == (Status.AT_RISK, "standing")  # +0.8 is noise
    assert judged(run(g, m("2024", 48.5))) == (Status.OFF_TRACK, "turning")  # -1.5
    a = run(g, m("2024", 50.8))
    assert "(Een verandering telt vanaf 1%: kleinere verschillen kunnen toeval zijn.)" in a.message()


def test_a_direction_only_target_is_never_achieved_without_a_real_change() -> None:
    g = goal(target="toename")
    assert judged(run(g, m("2027", 50), as_of=LATE)) == (Status.NOT_ACHIEVED, "unmoved-final")
    assert judged(run(g, m("2027", 50.9), as_of=LATE)) == (Status.NOT_ACHIEVED, "unmoved-final")
    assert judged(run(g, m("2027", 51.2), as_of=LATE)) == (Status.ACHIEVED, "moved-final")


def test_a_direction_only_count_counts_from_five_percent_of_the_baseline() -> None:
    g = goal(
        target="daling",
        indicator={"name": "Wachtenden", "unit": "count"},
        baseline={"value": 200, "period": "2023"},
    )
    # 5% of 200 = 10: 191 is noise, 189 a real fall
    assert judged(run(g, m("2024", 191))) == (Status.AT_RISK, "standing")
    assert judged(run(g, m("2024", 189))) == (Status.ON_TRACK, "moving")


def test_a_direction_only_target_follows_the_trend_once_there_are_three_figures() -> None:
    g = goal(target="toename")
    # (0, 50), (1, 52), (2, 53), (3, 50.5): the latest alone is noise (+0.5), the line rises:
    # mean x 1.5, mean y 51.375; Sxy = (-1.5)(-1.375) + (-0.5)(0.625) + (0.5)(1.625) + (1.5)(-0.875)
    #   = 2.0625 - 0.3125 + 0.8125 - 1.3125 = 1.25; slope 0.25; at x = 4 (2027): 51.0 + 0.25 * 4 = 51.0
    # intercept 51.375 - 0.375 = 51.0; forecast 52.0: +2 > 1 -> on track by the trend
    a = run(g, m("2024", 52), m("2025", 53), m("2026", 50.5))
    assert judged(a) == (Status.ON_TRACK, "moving-trend")
    assert a.forecast is not None and a.forecast.value == pytest.approx(52.0)


def test_significance_decides_where_there_is_a_sample() -> None:
    g = goal(target="toename")
    base = m("2023", 50, sample_size=400)
    # +2 points with n = 400 twice: SE = 100 * sqrt(.5 * .5 / 400) = 2.5 each; z = 2 / 3.54 = 0.57: not significant
    assert judged(run(g, base, m("2024", 52, sample_size=400))) == (Status.AT_RISK, "standing")
    # with n = 10000: SE = 0.5 each; z = 2 / 0.707 = 2.83: significant
    big = m("2023", 50, sample_size=10000)
    assert judged(run(g, big, m("2024", 52, sample_size=10000))) == (Status.ON_TRACK, "moving")


# -- several dated targets -----------------------------------------------------------------------


def yearly() -> Goal:
    return goal(
        indicator={"name": "Deelnemers", "unit": "count"},
        baseline={"value": 100, "period": "2023"},
        target={"value": 160, "period": "2027"},
        targets={2025: 120, 2026: 140},
        direction="increase",
    )


def test_a_figure_is_judged_against_the_target_for_its_period() -> None:
    g = yearly()
    # 2024: on the way to 2025's 120: the path 100 (2023) -> 120 (2025): expected 110; 112 -> on track
    assert judged(run(g, m("2024", 112))) == (Status.ON_TRACK, "on-path")
    # 2025 meets its own target: a target on the way is on track, not achieved
    a = run(g, m("2025", 121))
    assert judged(a) == (Status.ON_TRACK, "waypoint-met")
    assert a.message() == "De laatste meting (2025) is 121; dat haalt de streefwaarde voor 2025 (120)."
    assert a.target is not None and a.target.value == 120
    # 2026 against 140, the path through 120 in 2025: expected 140, required 40, realised 30: 0.75
    b = run(g, m("2026", 130))
    assert judged(b) == (Status.AT_RISK, "waypoint-behind")
    assert b.message() == (
        "De laatste meting (2026) is 130; de streefwaarde voor 2026 was 140. Pas 75% van die stap is gezet."
    )


def test_the_final_verdict_is_the_target_periods_own_figure_not_a_later_one() -> None:
    g = yearly()
    a = run(g, m("2026", 140), m("2027", 150), m("2028", 170), as_of=LATE)
    assert judged(a) == (Status.NOT_ACHIEVED, "missed")  # 2027: 150 < 160; 2028's 170 does not count
    assert a.latest is not None and a.latest.period == Period.parse("2027")
    assert a.final
    b = run(g, m("2027", 161), m("2028", 120), as_of=LATE)
    assert judged(b) == (Status.ACHIEVED, "achieved")


def test_until_the_target_periods_figure_is_in_the_latest_is_judged_as_before() -> None:
    g = yearly()
    a = run(g, m("2026", 150), as_of=LATE)  # 2027 has ended, its figure has not come in
    assert a.status is Status.ON_TRACK and not a.final


# -- keeping a level -----------------------------------------------------------------------------


def test_handhaven_takes_its_side_from_the_goal() -> None:
    up = goal(target="handhaven", direction="at-least")  # not lower than 50
    assert judged(run(up, m("2026", 53))) == (Status.ON_TRACK, "kept")
    assert judged(run(up, m("2026", 49))) == (Status.OFF_TRACK, "bound-broken")
    down = goal(target="handhaven", direction="decrease")  # not higher than 50
    assert judged(run(down, m("2026", 49))) == (Status.ON_TRACK, "kept")
    assert judged(run(down, m("2026", 51))) == (Status.OFF_TRACK, "bound-broken")


def test_handhaven_without_a_side_cannot_be_judged_and_says_why() -> None:
    a = run(goal(target="handhaven"), m("2026", 50))
    assert judged(a) == (Status.NO_TARGET, "keep-without-side")
    assert "'handhaven'" in a.message()


def test_niet_lager_dan_nu_states_its_own_side() -> None:
    g = goal(target="niet lager dan nu")
    assert judged(run(g, m("2026", 50))) == (Status.ON_TRACK, "kept")
    assert judged(run(g, m("2027", 50), as_of=LATE)) == (Status.ACHIEVED, "kept-final")


def test_a_strict_bound_is_not_kept_by_its_own_value() -> None:
    g = goal(target="hoger dan 50", baseline={"status": "absent", "reason": "nieuw"})
    assert run(g, m("2027", 50), as_of=LATE).status is Status.NOT_ACHIEVED
    assert run(g, m("2027", 50.1), as_of=LATE).status is Status.ACHIEVED


# -- changes and undated targets ----------------------------------------------------------------


def test_halvering_and_an_absolute_change_resolve_from_the_baseline() -> None:
    half = goal(target="halvering in 2027", indicator={"name": "Schulden", "unit": "count"})
    assert half.resolved_target() == 25  # 50 * (1 - 0.5)
    fewer = goal(
        target="een afname van 150 in 2027",
        indicator={"name": "Wachtenden", "unit": "count"},
        baseline={"value": 900, "period": "2023"},
    )
    assert fewer.resolved_target() == 750
    # 2025, halfway: expected 825; 840 realises 60 of 75: 0.8 -> at risk
    assert judged(run(fewer, m("2025", 840))) == (Status.AT_RISK, "behind-path")


def test_an_undated_target_is_due_at_the_plans_end_year() -> None:
    g = goal(target="minimaal 60%")
    assert judged(run(g, m("2027", 61), as_of=LATE)) == (Status.ACHIEVED, "achieved")
    # without an end year there is no period: not judgeable
    assert judged(run(g, m("2027", 61), as_of=LATE, end_year=None)) == (Status.NO_TARGET, "no-target")


def test_an_unreadable_target_is_kept_and_not_judged() -> None:
    g = goal(target="zo hoog mogelijk")
    assert g.target is not None and g.target.phrase == "zo hoog mogelijk" and not g.target.understood
    a = run(g, m("2026", 60))
    assert judged(a) == (Status.NO_TARGET, "unread-target")
    assert (
        a.message() == "koers kan de streefwaarde 'zo hoog mogelijk' niet lezen. Daarom is het doel niet te beoordelen."
    )


# -- figures that are not there, inside the baseline, or stale ------------------------------------


def test_a_figure_that_is_not_available_accounts_for_its_period() -> None:
    g = goal(target="minimaal 60% in 2027", direction="at-least")
    why = "CBS publiceert dit cijfer niet meer"
    only = run(g, m("2024", None, unavailable=Unavailable.NOT_AVAILABLE, note=why), as_of=date(2026, 6, 1))
    assert only.status is Status.NOT_YET_MEASURABLE  # not 'no data': the period is accounted for
    assert f"Over 2024 is geen cijfer: n.b., {why}." in only.message()
    later = run(g, m("2024", 54), m("2025", None, unavailable=Unavailable.NOT_YET_KNOWN, note="volgt in maart"))
    assert later.latest is not None and later.latest.value == 54  # the latest available figure is judged
    assert "Over 2025 is geen cijfer: n.n.b., volgt in maart." in later.message()
    assert not later.stale  # 2025 is accounted for


def test_a_figure_inside_the_baseline_period_is_named_not_silently_dropped() -> None:
    g = goal(target="minimaal 60% in 2027", direction="at-least")
    a = run(g, m("2023-H2", 58), as_of=date(2024, 1, 15))
    assert "De meting over 2e helft 2023 valt binnen de periode van de nulmeting (2023)" in a.message()
    assert a.latest is None


def test_a_figure_older_than_its_frequency_plus_grace_is_stale() -> None:
    g = goal(target="minimaal 60% in 2027", direction="at-least")  # yearly, grace 90 days
    assert not run(g, m("2024", 55), as_of=date(2026, 3, 31)).stale  # 2025 ended 31 Dec; +90 days = 31 Mar
    assert run(g, m("2024", 55), as_of=date(2026, 4, 1)).stale


# -- one judgement ----------------------------------------------------------------------------------


def plan(municipality_code: str | None) -> Plan:
    area: dict[str, Any] = {"id": "waterland", "name": "Waterland-Oost", "level": "municipality"}
    if municipality_code:
        area["cbs_code"] = municipality_code
    return Plan.model_validate(
        {
            "municipality": {"cbs_code": "GM9901", "name": "Waterland-Oost"},
            "title": "Plan",
            "start_year": 2024,
            "end_year": 2027,
            "challenges": [{"id": "c", "name": "Meedoen"}],
            "areas": [area],
            "goals": [goal().model_dump(mode="json", exclude_defaults=True) | {"target": "minimaal 60%"}],
        }
    )


@pytest.mark.parametrize("code", ["GM9901", None])
def test_assess_plan_finds_the_figures_under_the_id_the_area_register_gives(code: str | None) -> None:
    p = plan(code)
    stored = p.area_ids().municipality
    assert stored == (code or "waterland")
    found = assess_plan(p, [m("2026", 58, area=stored)], as_of=SOON)
    assert found["G-1"].status is Status.ON_TRACK  # path 50 -> 60: 2026 expects 57.5
