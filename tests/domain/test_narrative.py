# SPDX-License-Identifier: EUPL-1.2
"""Concept explanations: plain Dutch (B1) from the numbers, and nothing the numbers do not say."""

from __future__ import annotations

from datetime import date

import pytest

from koers.domain.assessment import Status, assess
from koers.domain.measurements import Measurement
from koers.domain.narrative import concept_explanation
from koers.domain.periods import Period
from koers.domain.plan import Plan

AS_OF = date(2026, 11, 23)


def figures(goal: str, *pairs: tuple[str, float]) -> list[Measurement]:
    return [Measurement(goal, Period.parse(p), "GM0396", v) for p, v in pairs]


def explain(plan: Plan, goal_id: str, measurements: list[Measurement], lang: str = "nl") -> tuple[Status, str]:
    goal = plan.goal(goal_id)
    assert goal is not None
    assessment = assess(goal, measurements, as_of=AS_OF, municipality="GM0396")
    return assessment.status, concept_explanation(goal, assessment, lang)


def test_on_track_with_a_forecast(heemskerk_2024: Plan) -> None:
    status, text = explain(
        heemskerk_2024, "FF-01", figures("FF-01", ("2024-H2", 5500.0), ("2025-H1", 5560.0), ("2025-H2", 5650.0))
    )
    assert status == Status.ON_TRACK
    assert text == (
        "Dit doel ligt op koers. De laatste meting (2e helft 2025) is 5.650 toekenningen. Dat is meer dan bij de "
        "nulmeting in 2023 (5.377 toekenningen). Als de lijn van de metingen doorzet, komt de waarde in 2027 rond "
        "5.906 toekenningen. De streefwaarde is 5.915 toekenningen."
    )


def test_a_broken_ceiling_says_maximaal(heemskerk_2024: Plan) -> None:
    status, text = explain(heemskerk_2024, "ZW-04", figures("ZW-04", ("2025", 3200.0)))
    assert status == Status.OFF_TRACK
    assert "De streefwaarde voor 2027 is maximaal € 3.122." in text
    assert text.endswith("Zonder bijsturing halen we de streefwaarde waarschijnlijk niet.")


def test_english(heemskerk_2024: Plan) -> None:
    _, text = explain(heemskerk_2024, "ZW-04", figures("ZW-04", ("2025", 3200.0)), lang="en")
    assert text.startswith("This goal is off track. The latest measurement (2025) is € 3,200.")
    assert "The target for 2027 is at most € 3,122." in text


@pytest.mark.parametrize(
    ("goal_id", "status", "start"),
    [
        (
            "OZ-02",
            Status.NO_BASELINE,
            "We kunnen nog niet zeggen of dit doel op koers ligt, want er is geen nulmeting.",
        ),
        ("OZ-06", Status.BASELINE_PENDING, "De nulmeting van dit doel komt nog."),
        ("VW-02", Status.NO_DATA, "Er zijn nog geen nieuwe cijfers, terwijl die er wel hadden moeten zijn."),
        ("OO-05", Status.NOT_YET_MEASURABLE, "Er is nog geen nieuwe meting."),
    ],
)
def test_goals_that_cannot_be_judged_say_why(heemskerk_2024: Plan, goal_id: str, status: Status, start: str) -> None:
    found, text = explain(heemskerk_2024, goal_id, [])
    assert found == status
    assert text.startswith(start)


def test_sentences_stay_short(heemskerk_2024: Plan) -> None:
    """B1: no sentence over 25 words, in any status the Heemskerk plan gives without data."""
    for goal in heemskerk_2024.goals:
        _, text = explain(heemskerk_2024, goal.id, [])
        for sentence in text.split(". "):
            assert len(sentence.split()) <= 25, sentence
