# SPDX-License-Identifier: EUPL-1.2
"""Actions (wat gaan we doen): what they must say, and how they read for people."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from koers.domain.actions import ACTION_STATUS_LABELS, Action, ActionStatus


def action(**fields: Any) -> Action:
    return Action.model_validate({"id": "A1", "name": "Buurtkamers", "challenge": "meedoen", **fields})


def _code(**fields: Any) -> str:
    with pytest.raises(ValidationError) as caught:
        action(**fields)
    return str(caught.value.errors()[0]["type"])


def test_an_action_is_planned_until_it_says_otherwise() -> None:
    assert action().status is ActionStatus.PLANNED
    assert action(status="lopend").status is ActionStatus.RUNNING


def test_every_status_has_a_dutch_label_and_an_english_one() -> None:
    assert set(ACTION_STATUS_LABELS) == set(ActionStatus)
    assert [s.label() for s in ActionStatus] == ["Gepland", "Loopt", "Afgerond", "Gestopt"]
    assert ActionStatus.STOPPED.label("en") != "Gestopt"


def test_a_stopped_action_must_say_why() -> None:
    assert _code(status="gestopt") == "stopped-without-reason"
    assert _code(status="gestopt", reason="  ") == "stopped-without-reason"
    assert action(status="gestopt", reason="Opgegaan in de regionale aanpak.").reason


def test_an_action_serves_a_challenge_or_a_goal() -> None:
    assert _code(challenge=None) == "action-serves-nothing"
    assert action(challenge=None, goals=["MD-01"]).serves_goal("MD-01")


def test_an_action_cannot_end_before_it_starts() -> None:
    assert _code(start="2026", end="2025-H2") == "action-ends-before-start"
    assert action(start="2025", end="2025").when() == "2025"


def test_an_unknown_status_and_a_negative_budget_are_refused() -> None:
    assert _code(status="bezig") == "enum"
    assert _code(budget=-1) == "greater_than_equal"


@pytest.mark.parametrize(
    ("start", "end", "said"),
    [
        ("2024", "2027-H2", "2024 - 2e helft 2027"),
        ("2025-04-01", None, "vanaf 1 april 2025"),
        (None, "schooljaar 2025-2026", "tot schooljaar 2025-2026"),
        (None, None, ""),
    ],
)
def test_when_it_runs_in_words(start: str | None, end: str | None, said: str) -> None:
    assert action(start=start, end=end).when() == said


def test_serving_a_challenge_through_one_of_its_goals() -> None:
    by_goal = action(challenge=None, goals=["MD-02"])
    assert by_goal.serves_challenge("meedoen", ["MD-01", "MD-02"])
    assert not by_goal.serves_challenge("meedoen", ["MD-01"])
    assert action().serves_challenge("meedoen")
