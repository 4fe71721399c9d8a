# SPDX-License-Identifier: EUPL-1.2
"""Why a goal could not be evaluated: from its status and its SMART findings, in one place."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from koers.domain.assessment import assess_plan
from koers.domain.evaluability import STATUS_OBSTACLES, Obstacle, obstacles
from koers.domain.lint import lint_plan
from koers.domain.status import Status
from koers.planfile import read_plan
from tests.conftest import HEEMSKERK_2020, ROOT

FICTIONAL = ROOT / "tests" / "data" / "plans" / "fictional-plan.yaml"
AS_OF = date(2026, 12, 1)


def test_every_status_that_is_no_judgement_names_an_obstacle() -> None:
    assert {s for s in Status if not s.judged} == set(STATUS_OBSTACLES)


def test_the_2020_plan_could_not_be_evaluated_and_the_baseline_comes_first() -> None:
    plan = read_plan(HEEMSKERK_2020)
    findings = lint_plan(plan, as_of=AS_OF)
    for goal_id, assessment in assess_plan(plan, [], as_of=AS_OF).items():
        found = obstacles(assessment, findings)
        assert found[0] is Obstacle.NO_BASELINE, goal_id  # status 'no target', but the lint knows more
        assert set(found) == set(Obstacle), goal_id


def test_a_goal_that_is_judged_has_no_obstacle_whatever_the_lint_says() -> None:
    plan = read_plan(FICTIONAL)
    findings = lint_plan(plan, as_of=AS_OF)
    assessment = assess_plan(plan, [], as_of=AS_OF)["ZD-06"]  # no baseline: finding missing-baseline
    assert obstacles(assessment, findings)[0] is Obstacle.NO_BASELINE
    judged = replace(assessment, status=Status.ON_TRACK)
    assert obstacles(judged, findings) == ()


@pytest.mark.parametrize("obstacle", list(Obstacle))
def test_each_obstacle_is_said_plainly(obstacle: Obstacle) -> None:
    assert obstacle.label().startswith("geen ")  # 'Ze hadden geen nulmeting': it reads after 'hadden'
    assert obstacle.explanation().startswith("Zonder ") and obstacle.explanation().endswith(".")
