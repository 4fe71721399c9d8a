# SPDX-License-Identifier: EUPL-1.2
"""A made-up municipality's plan loads, resolves and checks as designed.

koers is built on Heemskerk's plans, and it must not be built *for* them. Gemeente Zilverdam
(GM9999, a code no real municipality has) has its own challenges, wijken, region, units and
kinds of target; ``tests/data/plans/fictional-plan.yaml`` uses every part of the plan
format. These tests pin what koers makes of it, down to the resolved numbers, and that the
SMART check finds exactly the three gaps the file was written to have.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from koers.domain.actions import ActionStatus
from koers.domain.areas import AreaLevel
from koers.domain.baselines import BaselineStatus
from koers.domain.frequency import FrequencyCode
from koers.domain.goals import Goal, Scope
from koers.domain.lint import Severity, has_errors, lint_plan
from koers.domain.periods import Period, PeriodKind
from koers.domain.plan import Plan
from koers.domain.targets import ChangeKind, Direction, ToleranceKind
from koers.domain.units import UnitKind
from koers.planfile import load_plan, read_plan, write_plan

PLAN_FILE = Path(__file__).resolve().parents[1] / "data" / "plans" / "fictional-plan.yaml"
AS_OF = date(2025, 6, 1)


@pytest.fixture(scope="module")
def plan() -> Plan:
    return read_plan(PLAN_FILE)


def _goal(plan: Plan, goal_id: str) -> Goal:
    goal = plan.goal(goal_id)
    assert goal is not None, f"no goal {goal_id}"
    return goal


# -- loading -----------------------------------------------------------------------------


def test_loads_without_problems() -> None:
    result = load_plan(PLAN_FILE)
    assert result.problems == []
    assert result.ok


def test_identity(plan: Plan) -> None:
    assert plan.municipality.cbs_code == "GM9999"
    assert plan.municipality.name == "Zilverdam"
    assert plan.title == "Zilverdam doet mee"
    assert (plan.start_year, plan.end_year) == (2025, 2030)
    assert plan.evaluation_years == [2027, 2030]
    assert [p.name for p in plan.principles] == ["Eén loket", "Dichtbij", "Eerst gewoon, dan bijzonder"]
    assert plan.principles[1].description is None


def test_nothing_about_heemskerk(plan: Plan) -> None:
    """Neither the plan nor anything koers says about it mentions the reference municipality."""
    dumped = json.dumps(plan.model_dump(mode="json"), ensure_ascii=False)
    messages = [f.message(lang) for lang in ("nl", "en") for f in lint_plan(plan, as_of=AS_OF)]
    for text in (PLAN_FILE.read_text(encoding="utf-8"), dumped, *messages):
        assert "heemskerk" not in text.lower()
        assert "GM0396" not in text


def test_challenges_and_their_budgets(plan: Plan) -> None:
    assert [(c.id, c.name) for c in plan.challenges] == [
        ("gezond-en-actief", "Gezond en actief"),
        ("thuis-in-de-wijk", "Thuis in de wijk"),
        ("rond-komen", "Rondkomen"),
        ("leren-en-opgroeien", "Leren en opgroeien"),
    ]
    budgets = {c.id: (c.budget.amount, c.budget.year) for c in plan.challenges if c.budget}
    assert budgets == {
        "gezond-en-actief": (2150000, 2025),
        "thuis-in-de-wijk": (9800000, 2025),
        "rond-komen": (6400000, 2025),
        "leren-en-opgroeien": (7650000, 2025),
    }
    assert plan.total_budget == 26000000
    assert [g.id for g in plan.goals_of("thuis-in-de-wijk")] == ["ZD-03", "ZD-04", "ZD-06"]


def test_policy_areas_with_laws(plan: Plan) -> None:
    assert len(plan.policy_areas) == 4
    schulden = next(a for a in plan.policy_areas if a.id == "schulden")
    assert schulden.laws == ["Wet gemeentelijke schuldhulpverlening", "Participatiewet"]
    assert schulden.challenge == "rond-komen"
    assert _goal(plan, "ZD-07").policy_areas == ["schulden"]


# -- goals: every kind of target and baseline -------------------------------------------------


def test_eight_goals(plan: Plan) -> None:
    assert [g.id for g in plan.goals] == [f"ZD-0{n}" for n in range(1, 9)]


@pytest.mark.parametrize(
    ("goal_id", "resolved", "period"),
    [
        ("ZD-01", 55, "2030"),  # a value
        ("ZD-02", 1364, "2028"),  # 1240 +10%
        ("ZD-03", 33.5, "2028"),  # a value that agrees with 38.5 -5 pp
        ("ZD-04", 64.2, "2028"),  # gelijk
        ("ZD-05", 399.3, "2027"),  # 300 +10% per jaar over 3 years: 300 * 1.1^3
        ("ZD-06", 2, "2028"),  # a value, without a baseline
        ("ZD-07", 120, "2028"),  # a value, regional
        ("ZD-08", None, "2028/2029"),  # -20% of a baseline still to come
    ],
)
def test_resolved_targets(plan: Plan, goal_id: str, resolved: float | None, period: str) -> None:
    goal = _goal(plan, goal_id)
    assert goal.resolved_target() == (pytest.approx(resolved) if resolved is not None else None)
    assert goal.target is not None and goal.target.period is not None
    assert goal.target.period.code == period


@pytest.mark.parametrize(
    ("goal_id", "kind", "amount", "as_written"),
    [
        ("ZD-02", ChangeKind.PERCENT, 10, "+10%"),
        ("ZD-03", ChangeKind.POINTS, -5, "-5 pp"),
        ("ZD-04", ChangeKind.EQUAL, 0, "gelijk"),
        ("ZD-05", ChangeKind.PERCENT_PER_YEAR, 10, "+10% per jaar"),
        ("ZD-08", ChangeKind.PERCENT, -20, "-20%"),
    ],
)
def test_changes_as_written(plan: Plan, goal_id: str, kind: ChangeKind, amount: float, as_written: str) -> None:
    change = _goal(plan, goal_id).target.change
    assert change is not None
    assert (change.kind, change.amount, change.as_written) == (kind, amount, as_written)


def test_baseline_states(plan: Plan) -> None:
    states = {g.id: g.baseline.status for g in plan.goals if g.baseline}
    assert states == {
        "ZD-01": BaselineStatus.KNOWN,
        "ZD-02": BaselineStatus.KNOWN,
        "ZD-03": BaselineStatus.KNOWN,
        "ZD-04": BaselineStatus.KNOWN,
        "ZD-05": BaselineStatus.KNOWN,
        "ZD-06": BaselineStatus.ABSENT,
        "ZD-07": BaselineStatus.KNOWN,
        "ZD-08": BaselineStatus.PENDING,
    }
    assert _goal(plan, "ZD-06").baseline.reason == "geen nulmeting"


def test_pending_baseline_in_a_school_year(plan: Plan) -> None:
    goal = _goal(plan, "ZD-08")
    baseline = goal.baseline
    assert baseline is not None and baseline.period is not None and baseline.expected is not None
    assert baseline.period == Period.school_year(2024)
    assert baseline.period.label() == "schooljaar 2024-2025"
    assert baseline.expected.label() == "2e helft 2025"
    assert goal.target.period.kind == PeriodKind.SCHOOL_YEAR
    assert goal.target.period.label("en") == "school year 2028-2029"
    assert goal.frequency is not None and goal.frequency.code == FrequencyCode.SCHOOL_YEARLY


def test_maintain_with_a_tolerance_of_two_percent(plan: Plan) -> None:
    goal = _goal(plan, "ZD-04")
    assert goal.direction == Direction.MAINTAIN
    tolerance = goal.target.tolerance
    assert tolerance is not None
    assert (tolerance.kind, tolerance.amount) == (ToleranceKind.RELATIVE, 2)
    low, high = tolerance.band(64.2)
    assert (low, high) == (pytest.approx(62.916), pytest.approx(65.484))


def test_units_and_their_labels(plan: Plan) -> None:
    labels = {g.id: g.unit.label_text() for g in plan.goals if g.unit}
    assert labels == {
        "ZD-01": "%",
        "ZD-02": "kinderen",
        "ZD-03": "%",
        "ZD-04": "per 1.000 inwoners",
        "ZD-05": "huishoudens",
        "ZD-06": "buurtkamers",
        "ZD-07": "inwoners",
        "ZD-08": "per 1.000 leerlingen",
    }
    rate = _goal(plan, "ZD-04").unit
    assert (rate.kind, rate.per, rate.population) == (UnitKind.RATE, 1000, "inwoners")
    assert rate.label_text("en") == "per 1,000 inwoners"


def test_frequencies(plan: Plan) -> None:
    codes = {g.id: g.frequency.code for g in plan.goals if g.frequency}
    assert codes == {
        "ZD-01": FrequencyCode.EVERY_4_YEARS,
        "ZD-02": FrequencyCode.HALF_YEARLY,
        "ZD-03": FrequencyCode.EVERY_2_YEARS,
        "ZD-04": FrequencyCode.YEARLY,
        "ZD-05": FrequencyCode.QUARTERLY,
        "ZD-06": FrequencyCode.YEARLY,
        "ZD-07": FrequencyCode.YEARLY,
        "ZD-08": FrequencyCode.SCHOOL_YEARLY,
    }
    assert _goal(plan, "ZD-05").frequency.as_written == "4x per jaar"


def test_scopes(plan: Plan) -> None:
    scopes = {g.id: g.scope for g in plan.goals if g.scope != Scope.MUNICIPALITY}
    assert scopes == {"ZD-03": Scope.EVERY_WIJK, "ZD-06": Scope.EVERY_WIJK, "ZD-07": Scope.REGION}
    assert _goal(plan, "ZD-07").region == "zilverstreek"


# -- areas, key figures, money, BBV ----------------------------------------------------------


def test_wijken_with_cbs_codes(plan: Plan) -> None:
    assert [(w.name, w.cbs_code, w.parent) for w in plan.wijken()] == [
        ("Oosthaven", "WK999901", "GM9999"),
        ("Westerveld", "WK999902", "GM9999"),
        ("Zilverkwartier", "WK999903", "GM9999"),
    ]
    levels = [a.level for a in plan.areas]
    assert levels.count(AreaLevel.BUURT) == 1
    region = next(a for a in plan.areas if a.level == AreaLevel.REGION)
    assert (region.id, region.members) == ("zilverstreek", ["GM9997", "GM9998", "GM9999"])


def test_key_figures(plan: Plan) -> None:
    inwoners, huishoudens = plan.key_figures
    assert inwoners.years == [2025, 2030]
    assert inwoners.is_forecast(2030) and not inwoners.is_forecast(2025)
    assert inwoners.totals == {2025: 22500, 2030: 22800}
    assert inwoners.reference == "1 januari"
    assert [r.category for r in huishoudens.rows if r.parent == "meerpersoonshuishoudens"] == [
        "met kinderen",
        "zonder kinderen",
    ]


def test_budget_table(plan: Plan) -> None:
    table = plan.budget_table
    assert table is not None
    assert table.years == [2025, 2026]
    assert table.total("expenses", 2026) == 11350000
    assert table.total("income", 2025) == -400000


def test_bbv_indicators(plan: Plan) -> None:
    assert [(b.number, b.challenge) for b in plan.bbv_indicators] == [
        (17, "leren-en-opgroeien"),
        (20, "gezond-en-actief"),
        (27, "rond-komen"),
    ]


def test_actions_with_their_owner_status_and_the_goals_they_serve(plan: Plan) -> None:
    assert [(a.id, a.status, a.owner) for a in plan.actions] == [
        ("ZD-A1", ActionStatus.RUNNING, "Team Sport"),
        ("ZD-A2", ActionStatus.STOPPED, "Kredietbank Zilverdam"),
        ("ZD-A3", ActionStatus.PLANNED, None),
    ]
    assert [a.id for a in plan.actions_for_goal("ZD-02")] == ["ZD-A1"]
    # ZD-A2 names no challenge, only goal ZD-05, which belongs to 'rond-komen'.
    assert [a.id for a in plan.actions_for_challenge("rond-komen")] == ["ZD-A2"]
    assert plan.actions[0].when() == "2025 - 2e helft 2027"
    assert plan.actions[0].budget == 120000


def test_actions_leave_the_challenges_developments_with_their_challenge(plan: Plan) -> None:
    challenge = plan.challenge("gezond-en-actief")
    assert challenge is not None and challenge.developments == ["Sportakkoord Zilverdam (lokaal)"]


@pytest.mark.parametrize("suffix", [".yaml", ".xlsx"])
def test_actions_are_written_and_read_back(plan: Plan, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"zilverdam{suffix}"
    write_plan(plan, path)
    assert read_plan(path).actions == plan.actions


def test_a_workbook_from_before_actions_still_reads(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "zilverdam.xlsx"
    write_plan(plan, path)
    workbook = load_workbook(path)
    del workbook["actions"]
    workbook.save(path)
    assert read_plan(path) == plan.model_copy(update={"actions": []})


def test_an_action_for_an_unknown_goal_is_located_in_the_workbook(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "zilverdam.xlsx"
    write_plan(plan, path)
    workbook = load_workbook(path)
    sheet = workbook["actions"]
    column = [cell.value for cell in sheet[1]].index("goals") + 1
    sheet.cell(row=3, column=column, value="ZD-99")
    workbook.save(path)
    problems = load_plan(path).problems
    assert [(p.location.sheet, p.location.row, p.location.column, p.code) for p in problems] == [
        ("actions", 3, "goals", "unknown-goal")
    ]


def test_written_back_it_reads_the_same(plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "zilverdam.yaml"
    write_plan(plan, path)
    assert read_plan(path) == plan


# -- the SMART check finds exactly what was designed in --------------------------------------


def _findings(plan: Plan, **kwargs) -> list[tuple[str | None, str, Severity]]:
    return [(f.goal, f.code, f.severity) for f in lint_plan(plan, **kwargs)]


def test_smart_check_finds_the_three_designed_gaps(plan: Plan) -> None:
    assert _findings(plan, as_of=AS_OF) == [
        ("ZD-01", "stale-baseline", Severity.WARNING),
        ("ZD-06", "missing-baseline", Severity.ERROR),
        ("ZD-08", "pending-baseline", Severity.WARNING),
    ]
    assert has_errors(lint_plan(plan, as_of=AS_OF))


def test_stale_baseline_follows_the_plans_own_setting(plan: Plan) -> None:
    assert plan.lint.stale_baseline_years == 2
    (finding,) = [f for f in lint_plan(plan, as_of=AS_OF) if f.code == "stale-baseline"]
    assert finding.message() == (
        "De nulmeting is van 2022, 3 jaar voor de start van het plan (2025). Het beeld kan sindsdien "
        "veranderd zijn. Gebruik een recentere meting als die er is."
    )
    # With the default of 3 years, a baseline 3 years old is not stale.
    assert ("ZD-01", "stale-baseline", Severity.WARNING) not in _findings(plan, as_of=AS_OF, stale_years=3)


def test_pending_baseline_becomes_overdue_after_its_expected_half_year(plan: Plan) -> None:
    assert ("ZD-08", "pending-baseline", Severity.WARNING) in _findings(plan, as_of=date(2025, 12, 31))
    assert ("ZD-08", "pending-baseline", Severity.ERROR) in _findings(plan, as_of=date(2026, 1, 1))


def test_every_target_can_be_measured_in_time(plan: Plan) -> None:
    """The schedules were chosen to reach each target period: 2022 + 4 years twice is 2030."""
    for goal in plan.goals:
        anchor = goal.baseline.period if goal.baseline and goal.baseline.period else Period.year(plan.start_year)
        assert goal.frequency.measures_in(anchor, goal.target.period) is not None, goal.id
