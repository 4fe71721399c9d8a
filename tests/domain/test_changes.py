# SPDX-License-Identifier: EUPL-1.2
"""What changed since the previous report (koers.domain.changes): the trend of each goal's
status, the goals whose status changed, new figures and revisions, on a small plan of a
municipality of our own making."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from koers.domain.assessment import assess_plan
from koers.domain.changes import Trend, changes_since, trend
from koers.domain.measurements import Measurement
from koers.domain.periods import Period
from koers.domain.plan import Plan
from koers.domain.status import Status

SINCE, UNTIL = date(2025, 12, 31), date(2026, 6, 30)


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (Status.AT_RISK, Status.ON_TRACK, Trend.BETTER),
        (Status.ON_TRACK, Status.OFF_TRACK, Trend.WORSE),
        (Status.OFF_TRACK, Status.NOT_ACHIEVED, Trend.WORSE),
        (Status.ON_TRACK, Status.ON_TRACK, Trend.SAME),
        (Status.NOT_YET_MEASURABLE, Status.AT_RISK, Trend.NEW),  # judged now, not then: new, not better
        (None, Status.ON_TRACK, Trend.NEW),
        (Status.ON_TRACK, Status.NO_DATA, Trend.WORSE),  # a figure that should be in and is not
    ],
)
def test_the_trend_follows_the_order_from_bad_to_good(before: Status | None, after: Status, expected: Trend) -> None:
    assert trend(before, after) is expected
    assert expected.mark and expected.label()  # a sign is never shown without its words


def plan() -> Plan:
    goal: dict[str, Any] = {
        "challenge": "c",
        "statement": "Meer deelnemers.",
        "indicator": {"name": "Deelnemers", "unit": {"kind": "count", "label": "deelnemers"}},
        "baseline": {"value": 100, "period": "2024"},
        "target": "toename naar 200 in 2028",
        "frequency": "2X per jaar",
    }
    return Plan.model_validate(
        {
            "municipality": {"cbs_code": "GM9905", "name": "Oosterveld"},
            "title": "Plan",
            "start_year": 2025,
            "end_year": 2028,
            "challenges": [{"id": "c", "name": "Meedoen"}],
            "goals": [{**goal, "id": "M-01"}, {**goal, "id": "M-02"}],
        }
    )


def m(goal: str, period: str, value: float, version: int = 1, recorded: datetime | None = None) -> Measurement:
    return Measurement(goal, Period.parse(period), "GM9905", value, version=version, recorded_at=recorded)


def test_status_changes_new_figures_and_revisions_since_the_previous_report() -> None:
    p = plan()
    figures = [
        # M-01: 2025-H2 on the path (100 -> 200 over 4 years: 125 expected at the end of 2025), then
        # 2026-H1 far behind (expected 137.5; 105 realises 5 of 37.5) -> on track, then off track
        m("M-01", "2025-H2", 126),
        m("M-01", "2026-H1", 105),
        # M-02: 2025-H2 revised in 2026 (version 2, recorded after the previous report)
        m("M-02", "2025-H2", 127, version=2, recorded=datetime(2026, 3, 1)),
    ]
    before = assess_plan(p, figures, as_of=SINCE)
    after = assess_plan(p, figures, as_of=UNTIL)
    found = changes_since(before, after, figures, since=SINCE, until=UNTIL)
    assert [(c.goal, c.before, c.after, c.trend) for c in found.statuses] == [
        ("M-01", Status.ON_TRACK, Status.OFF_TRACK, Trend.WORSE)
    ]
    assert found.trends == {"M-01": Trend.WORSE, "M-02": Trend.SAME}
    assert [(f.subject, f.period.code) for f in found.new_figures] == [("M-01", "2026-H1")]
    assert [(f.subject, f.period.code) for f in found.revisions] == [("M-02", "2025-H2")]
    assert not found.nothing
