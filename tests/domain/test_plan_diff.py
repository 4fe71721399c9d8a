# SPDX-License-Identifier: EUPL-1.2
"""The revision of a plan (bijsturing): each goal continued, sharpened, replaced or ended, with
its reason, and every change the revision does not explain found.

The previous version is the made-up Zilverdam plan (tests/data/plans/fictional-plan.yaml); its
revised version (tests/data/plans/revision/zilverdam-2027.yaml) continues ZD-01, sharpens ZD-02,
replaces ZD-03 by ZD-11, ends ZD-04 and is adopted by the council.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from koers.domain.plan import Plan
from koers.domain.plan_diff import diff_plans
from koers.domain.revision import Adoption, AdoptionStatus, GoalChange, GoalRevision
from koers.planfile import read_plan, write_plan

DATA = Path(__file__).parents[1] / "data" / "plans"
OLD = DATA / "fictional-plan.yaml"
NEW = DATA / "revision" / "zilverdam-2027.yaml"


@pytest.fixture(scope="module")
def old() -> Plan:
    return read_plan(OLD)


@pytest.fixture(scope="module")
def new() -> Plan:
    return read_plan(NEW)


def test_every_goal_of_both_versions_has_what_became_of_it(old: Plan, new: Plan) -> None:
    found = diff_plans(old, new)
    changes = {g.id: g.change for g in found.goals}
    assert changes == {
        "ZD-01": GoalChange.CONTINUED,
        "ZD-02": GoalChange.SHARPENED,
        "ZD-03": GoalChange.REPLACED,
        "ZD-11": GoalChange.REPLACED,
        "ZD-04": GoalChange.ENDED,
        **{f"ZD-0{n}": GoalChange.CONTINUED for n in range(5, 9)},
    }
    assert not found.findings
    by_id = {g.id: g for g in found.goals}
    assert by_id["ZD-02"].changed == ("target",) and "Sportpas" in (by_id["ZD-02"].reason or "")
    assert (by_id["ZD-11"].lineage, by_id["ZD-11"].successor) == (("ZD-03",), True)
    assert (by_id["ZD-03"].lineage, by_id["ZD-03"].successor) == (("ZD-11",), False)
    assert "vergrijzing" in (by_id["ZD-04"].reason or "")
    assert [len(found.of(c)) for c in (GoalChange.CONTINUED, GoalChange.REPLACED, GoalChange.ENDED)] == [5, 1, 1]


def test_the_revised_version_is_adopted_with_the_councils_decision(new: Plan) -> None:
    assert new.adoption is not None and new.adoption.status is AdoptionStatus.ADOPTED
    assert new.adoption.describe("nl") == "vastgesteld op 24 juni 2027 (raadsbesluit 2027/031)"
    with pytest.raises(ValidationError, match="adoption-without-decision"):
        Adoption(status=AdoptionStatus.ADOPTED)


@pytest.mark.parametrize("name", ["plan.yaml", "plan.xlsx"])
def test_the_revision_survives_a_round_trip(new: Plan, tmp_path: Path, name: str) -> None:
    write_plan(new, tmp_path / name)
    again = read_plan(tmp_path / name)
    assert again.adoption == new.adoption and again.ended_goals == new.ended_goals
    assert {g.id: g.revision for g in again.goals} == {g.id: g.revision for g in new.goals}
    assert again == new


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"change": "replaced", "reason": "x"}, "revision-replaces-nothing"),
        ({"change": "sharpened", "replaces": ["ZD-01"], "reason": "x"}, "revision-replaces-without-replaced"),
        ({"change": "sharpened"}, "revision-without-reason"),
        ({"change": "ended", "reason": "x"}, "revision-ended-on-goal"),
    ],
)
def test_a_revision_that_says_too_little_is_refused(fields: dict[str, object], code: str) -> None:
    with pytest.raises(ValidationError, match=code):
        GoalRevision.model_validate(fields)


def _with(plan: Plan, goal_id: str, **changes: object) -> Plan:
    goals = [g.model_copy(update=changes) if g.id == goal_id else g for g in plan.goals]
    return plan.model_copy(update={"goals": goals})


def test_a_goal_that_silently_disappears_is_found(old: Plan, new: Plan) -> None:
    silent = new.model_copy(update={"ended_goals": []})
    found = diff_plans(old, silent)
    assert [(f.code, f.goal) for f in found.findings] == [("goal-gone", "ZD-04")]
    assert "ZD-04" in found.findings[0].wording.render("nl", lambda v, _l: v)


def test_continued_and_sharpened_are_held_to_what_changed(old: Plan, new: Plan) -> None:
    zd01 = old.goal("ZD-01")
    assert zd01 is not None and zd01.target is not None and zd01.indicator is not None
    target = zd01.target.model_copy(update={"value": 60})
    continued = _with(new, "ZD-01", target=target, revision=GoalRevision(change=GoalChange.CONTINUED))
    assert [f.code for f in diff_plans(old, continued).findings] == ["continued-but-changed"]
    undeclared = _with(new, "ZD-01", target=target)
    assert [f.code for f in diff_plans(old, undeclared).findings] == ["undeclared-change"]
    other_indicator = zd01.indicator.model_copy(update={"name": "Iets anders"})
    sharpened = _with(
        new, "ZD-01", indicator=other_indicator, revision=GoalRevision(change=GoalChange.SHARPENED, reason="r")
    )
    assert [f.code for f in diff_plans(old, sharpened).findings] == ["sharpened-other-measure"]
    reused = _with(new, "ZD-01", revision=GoalRevision(change=GoalChange.NEW, reason="r"))
    assert [f.code for f in diff_plans(old, reused).findings] == ["new-reuses-id"]


def test_the_earlier_heemskerk_plan_and_the_current_one_share_no_goal(
    heemskerk_2020: Plan, heemskerk_2024: Plan
) -> None:
    found = diff_plans(heemskerk_2020, heemskerk_2024)
    assert len(found.of(GoalChange.NEW)) == len(heemskerk_2024.goals)
    assert {f.code for f in found.findings} == {"goal-gone"}  # the 2024 plan starts afresh, and says nothing
