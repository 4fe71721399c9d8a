# SPDX-License-Identifier: EUPL-1.2
"""Why a goal could not be evaluated: the one place for that rule.

Heemskerk's 2020-2023 plan could not be evaluated because its goals had no baseline (seed 003).
An evaluation must say so plainly, per goal, and in the same words wherever it is shown. A goal
can be evaluated when its assessment judges it (achieved, on track, at risk, off track, not
achieved). Otherwise koers names what stood in the way, from two facts it already has: the
status of the assessment (koers.domain.assessment) and the findings of the SMART check
(koers.domain.lint). There are three obstacles, in the order a reader needs them: without a
baseline nothing can be judged; without a measurable target there is nothing to judge against;
without a measurement there is nothing to judge.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Final

from koers.domain.assessment import Assessment
from koers.domain.lint import Finding
from koers.domain.status import Status
from koers.domain.vocabulary import every
from koers.i18n import N_, _


class Obstacle(StrEnum):
    """What stood in the way of evaluating a goal."""

    NO_BASELINE = "no_baseline"
    TARGET_NOT_MEASURABLE = "target_not_measurable"
    NO_MEASUREMENT = "no_measurement"

    def label(self, lang: str = "nl") -> str:
        return _(OBSTACLE_TEXTS[self][0], lang)

    def explanation(self, lang: str = "nl") -> str:
        """Why this obstacle makes an evaluation impossible, in one plain sentence."""
        return _(OBSTACLE_TEXTS[self][1], lang)


#: Per obstacle its label and why it blocks the evaluation (English: koers.i18n).
OBSTACLE_TEXTS: Final = every(
    Obstacle,
    {
        Obstacle.NO_BASELINE: (
            N_("geen nulmeting"),
            N_("Zonder nulmeting weten we niet waar we begonnen. Dan is niet te zien of het doel dichterbij kwam."),
        ),
        Obstacle.TARGET_NOT_MEASURABLE: (
            N_("geen meetbare streefwaarde"),
            N_(
                "Zonder streefwaarde met een jaartal, een eenheid en een richting is niet te zeggen wanneer het doel "
                "gehaald is."
            ),
        ),
        Obstacle.NO_MEASUREMENT: (
            N_("geen meting"),
            N_("Zonder meting na de start is er geen cijfer om te beoordelen."),
        ),
    },
)

#: The statuses that by themselves name an obstacle.
STATUS_OBSTACLES: Final = {
    Status.NO_BASELINE: Obstacle.NO_BASELINE,
    Status.BASELINE_PENDING: Obstacle.NO_BASELINE,
    Status.NO_TARGET: Obstacle.TARGET_NOT_MEASURABLE,
    Status.NO_DATA: Obstacle.NO_MEASUREMENT,
    Status.NOT_YET_MEASURABLE: Obstacle.NO_MEASUREMENT,
}
#: The SMART check's findings (their codes) that name an obstacle too: a goal with no target
#: is judged 'no target' first, but it may lack its baseline and its source as well.
FINDING_OBSTACLES: Final = {
    "missing-baseline": Obstacle.NO_BASELINE,
    "pending-baseline": Obstacle.NO_BASELINE,
    "relative-target-without-baseline": Obstacle.NO_BASELINE,
    "missing-target": Obstacle.TARGET_NOT_MEASURABLE,
    "unreadable-target": Obstacle.TARGET_NOT_MEASURABLE,
    "missing-target-period": Obstacle.TARGET_NOT_MEASURABLE,
    "missing-unit": Obstacle.TARGET_NOT_MEASURABLE,
    "missing-direction": Obstacle.TARGET_NOT_MEASURABLE,
    "target-not-measurable-in-time": Obstacle.TARGET_NOT_MEASURABLE,
    "missing-source": Obstacle.NO_MEASUREMENT,
    "missing-frequency": Obstacle.NO_MEASUREMENT,
}


def obstacles(assessment: Assessment, findings: Iterable[Finding]) -> tuple[Obstacle, ...]:
    """What kept the goal from being evaluated, in the order of :class:`Obstacle`; empty when its
    status is a judgement (then it was evaluated, whatever the SMART check says)."""
    if assessment.status.judged:
        return ()
    found = {FINDING_OBSTACLES[f.code] for f in findings if f.goal == assessment.goal and f.code in FINDING_OBSTACLES}
    if assessment.status in STATUS_OBSTACLES:
        found.add(STATUS_OBSTACLES[assessment.status])
    if assessment.latest is None:
        found.add(Obstacle.NO_MEASUREMENT)
    return tuple(o for o in Obstacle if o in found)
