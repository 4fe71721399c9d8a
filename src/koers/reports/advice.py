# SPDX-License-Identifier: EUPL-1.2
"""What the report and the dashboard show of the advice register, put together once.

"U vroeg, wij deden" answers a resident per point: what the municipality decided, and the
goals and actions that carry it out, with how far they are. The annex of the council report
lists the same register per advice. Both read it from the report (koers.reports.model), so the
register, the goals' statuses and the actions are those of one moment.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from koers.domain.actions import Action
from koers.domain.advice import Advice, InputEntry
from koers.reports.model import ILLUSTRATIVE_MARK, GoalSection, Report


@dataclass(frozen=True)
class Answered:
    """An item with the goals it concerns (their sections, with their status) and the actions
    that follow it up."""

    entry: InputEntry
    goals: list[GoalSection]
    actions: list[Action]


def answered(report: Report, entries: Iterable[InputEntry]) -> list[Answered]:
    """Each item with the goal sections and actions of ``report`` it names (unknown ids left out:
    a goal can have been ended since)."""
    sections = {g.goal.id: g for g in report.goals}
    actions = {a.id: a for a in report.plan.actions}
    return [
        Answered(
            e,
            [sections[g] for g in e.goals if g in sections],
            [actions[a] for a in (e.response.actions if e.response else []) if a in actions],
        )
        for e in entries
    ]


def by_advice(found: Iterable[Answered]) -> list[tuple[Advice, list[Answered]]]:
    """The items per advice, in the order they come."""
    groups: dict[str, tuple[Advice, list[Answered]]] = {}
    for one in found:
        groups.setdefault(one.entry.advice.id, (one.entry.advice, []))[1].append(one)
    return list(groups.values())


def illustrative(register: Iterable[Advice]) -> bool:
    """Whether the register holds made-up advice (the demo's, marked in its document)."""
    return any(ILLUSTRATIVE_MARK in (a.document or "").lower() for a in register)
